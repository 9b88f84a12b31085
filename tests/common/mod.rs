//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use lexgap::catalogue::Catalogue;
use lexgap::load::{self, LoadOptions, Loaded};
use lexgap::model::Date;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The day the bundled data was last checked: the newest `verified` date in its records. Tests on the
/// bundled tree pin "today" there, so a later check of the data moves it forward by itself and no record
/// is ever verified "in the future".
pub fn bundled_today() -> &'static str {
    static DAY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DAY.get_or_init(|| {
        let mut newest = String::new();
        for dir in ["countries", "instruments"] {
            newest_verified(&root().join(dir), &mut newest);
        }
        assert!(!newest.is_empty(), "no verified date in the bundled tree");
        newest
    })
}

fn newest_verified(path: &Path, newest: &mut String) {
    if path.is_dir() {
        for e in std::fs::read_dir(path).unwrap() {
            newest_verified(&e.unwrap().path(), newest);
        }
    } else if path.extension().is_some_and(|e| e == "json") {
        let text = std::fs::read_to_string(path).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        visit_verified(&value, newest);
    }
}

fn visit_verified(v: &serde_json::Value, newest: &mut String) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                match x {
                    serde_json::Value::String(s)
                        if k == "verified" && s.as_str() > newest.as_str() =>
                    {
                        newest.clone_from(s);
                    }
                    _ => visit_verified(x, newest),
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| visit_verified(x, newest)),
        _ => {}
    }
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
