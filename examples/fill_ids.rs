//! Gives every reservation and measure that has no `id` one, in the country files named on the command
//! line: `cargo run --example fill_ids -- countries/*.json`. Only the `id` fields are added; a file not
//! in the canonical layout is left alone and named, so no other byte can change.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a developer tool: fail loudly

use lexgap::author::{self, files};
use std::path::Path;

fn main() {
    let mut failed = false;
    for arg in std::env::args().skip(1) {
        let path = Path::new(&arg);
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("{arg}: not readable as UTF-8 text; left as it is");
            failed = true;
            continue;
        };
        let Ok(mut doc) = serde_json::from_str::<serde_json::Value>(&text) else {
            eprintln!("{arg}: not well-formed JSON; left as it is");
            failed = true;
            continue;
        };
        if files::canonical(&doc) != text {
            eprintln!("{arg}: not in the canonical layout; left as it is");
            failed = true;
            continue;
        }
        let given = author::fill_missing_ids(&mut doc);
        if given.is_empty() {
            continue;
        }
        files::replace(path, files::canonical(&doc).as_bytes()).unwrap();
        for (pointer, id) in given {
            println!("{arg}#{pointer}: {id}");
        }
    }
    if failed {
        std::process::exit(1);
    }
}
