//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use lexgap::catalogue::Catalogue;
use lexgap::load::{self, LoadOptions, Loaded};
use lexgap::model::Date;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The day the bundled data was last checked: its `verified` dates lie on or before it, so tests on the
/// bundled tree pin "today" here (a later check of the data moves it forward).
pub const BUNDLED_TODAY: &str = "2026-12-03";

pub fn date(s: &str) -> Date {
    s.parse().unwrap()
}

pub fn opts() -> LoadOptions {
    LoadOptions {
        today: date("2026-11-24"),
        stale_years: 3,
    }
}

pub fn load(dir: &Path) -> Loaded {
    load::load_dir(dir, opts())
}

/// The hand-built fixture catalogue, which must load without errors.
pub fn mini() -> Catalogue {
    let l = load(&root().join("tests/fixtures/mini"));
    assert_eq!(l.diagnostics.errors(), 0, "{:#?}", l.diagnostics.items);
    l.catalogue
}

/// Copies a tree into a fresh temporary folder.
pub fn copy_tree(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(from, dir.path());
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        let t = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(&p, &t);
        } else {
            std::fs::copy(&p, &t).unwrap();
        }
    }
}

/// The standard output of a command that must have succeeded; its standard error otherwise.
pub fn success(out: std::process::Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
