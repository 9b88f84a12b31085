//! Command-line fuzzing: the input, split at NUL bytes, is the argument list. Parsing it and resolving
//! what the commands resolve before any work (dates, the data folder, output paths, topics) must end
//! in a result or an error, never a panic. Nothing is run, read from the data or written.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;

fuzz_target!(|data: &[u8]| {
    let args: Vec<OsString> = std::iter::once(OsString::from("lexgap"))
        .chain(data.split(|b| *b == 0).take(32).map(|a| OsString::from_vec(a.to_vec())))
        .collect();
    if let Ok(cli) = lexgap::cli::parse_only(args) {
        let _ = lexgap::cli::preflight(&cli);
    }
});
