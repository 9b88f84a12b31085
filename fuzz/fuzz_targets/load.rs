//! Loader fuzzing: the first byte picks a file of the fixture tree (or a new path), the rest replaces
//! its content; loading and every meaning check must finish without panicking.
#![no_main]

#[path = "fixture.rs"]
mod fixture;

use libfuzzer_sys::fuzz_target;
use lexgap::diag::Diagnostics;
use lexgap::load::{load_files, DataFile};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let mut files = fixture::files();
    let n = files.len();
    let i = pick as usize % (n + 2);
    if i < n {
        files[i].bytes = rest.to_vec();
    } else if i == n {
        files.push(DataFile { path: "countries/ZZZ.json".into(), bytes: rest.to_vec() });
    } else {
        files.push(DataFile { path: "instruments/treaties/zz.json".into(), bytes: rest.to_vec() });
    }
    let loaded = load_files(files, Diagnostics::default(), fixture::opts());
    // Whatever loaded must also evaluate without panicking.
    if loaded.diagnostics.errors() == 0 {
        let _ = lexgap::eval::evaluate(&loaded.catalogue, jiff::civil::date(2012, 12, 31), &[]);
    }
});
