//! Writes a synthetic data tree for end-to-end measurements: `cargo run --release --example synth -- STATES DIR`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a developer tool: fail loudly

#[path = "../benches/synthetic.rs"]
mod synthetic;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let states: usize = args
        .get(1)
        .and_then(|s| s.parse().ok())
        .expect("usage: synth STATES DIR");
    let dir = std::path::PathBuf::from(args.get(2).expect("usage: synth STATES DIR"));
    for f in synthetic::tree(states, 45) {
        let p = dir.join(&f.path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, f.bytes).unwrap();
    }
}
