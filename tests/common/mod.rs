//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use lexgap::catalogue::Catalogue;
use lexgap::load::{self, LoadOptions, Loaded};
use lexgap::model::Date;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The day the bundled data was last checked: the newest `verified` date the loader finds in its
/// records. Tests on the bundled tree pin "today" there, so a later check of the data moves it forward
/// by itself and no record is ever verified "in the future".
pub fn bundled_today() -> &'static str {
    static DAY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DAY.get_or_init(|| {
        // Any day after the data will do: only the statistics are read.
        let l = load::load_embedded(LoadOptions {
            today: date("9999-12-31"),
            stale_years: 3,
        });
        l.stats
            .newest_verified
            .expect("no verified date in the bundled tree")
            .to_string()
    })
}

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
