//! The physical floor for loading a data tree: read every `*.json` file under a folder and parse it
//! with `serde_json` into untyped values, nothing else. `benches/end_to_end.sh` times it beside
//! `lexgap validate` on the same tree.
//!
//! Usage: `cargo run --release --example parse_tree -- DIR`

use std::path::Path;

fn walk(dir: &Path, n: &mut usize, bytes: &mut usize) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            walk(&p, n, bytes)?;
        } else if p.extension().is_some_and(|x| x == "json") {
            let b = std::fs::read(&p)?;
            *bytes += b.len();
            if serde_json::from_slice::<serde_json::Value>(&b).is_ok() {
                *n += 1;
            }
        }
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: parse_tree DIR");
        return std::process::ExitCode::from(2);
    };
    let (mut n, mut bytes) = (0, 0);
    match walk(Path::new(&dir), &mut n, &mut bytes) {
        Ok(()) => {
            println!("parsed {n} files, {bytes} bytes");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::ExitCode::from(1)
        }
    }
}
