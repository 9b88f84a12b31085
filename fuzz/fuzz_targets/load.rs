//! Loader fuzzing: the first byte picks a file of the fixture tree (or a new path), the rest replaces
//! its content; loading, every meaning check and (when the tree is clean) evaluation must finish
//! without panicking. The untouched files are parsed and schema-checked once, so each run costs one
//! file's checks plus the checks across records.
#![no_main]

#[path = "fixture.rs"]
mod fixture;

use lexgap::diag::Diagnostics;
use lexgap::load::{assemble, parse_file, DataFile, ParsedFile};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn base() -> &'static [ParsedFile] {
    static BASE: OnceLock<Vec<ParsedFile>> = OnceLock::new();
    BASE.get_or_init(|| fixture::files().iter().map(parse_file).collect())
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let base = base();
    let n = base.len();
    let i = pick as usize % (n + 2);
    let path = match i {
        i if i < n => base[i].path.clone(),
        i if i == n => "countries/ZZZ.json".to_string(),
        _ => "instruments/treaties/zz.json".to_string(),
    };
    let file = parse_file(&DataFile { path, bytes: rest.to_vec() });
    let mut parsed = base.to_vec();
    if i < n {
        parsed[i] = file;
    } else {
        parsed.push(file);
    }
    let loaded = assemble(parsed, Diagnostics::default(), fixture::opts());
    // Every diagnostic renders (excerpts, escapes) without panicking.
    for d in &loaded.diagnostics.items {
        let _ = d.to_string();
    }
    // Whatever loaded must also evaluate without panicking.
    if loaded.diagnostics.errors() == 0 {
        let _ = lexgap::eval::evaluate(&loaded.catalogue, jiff::civil::date(2012, 12, 31), &[]);
    }
});
