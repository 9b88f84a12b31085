//! Broken and hostile data trees (tests/corpus/<case>/): each is an overlay on the fixture tree with
//! the diagnostic it must produce. None may panic; each exits 1 and names the file and the place.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

mod common;

use assert_cmd::Command;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Spec {
    description: String,
    expect: Expect,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    dirs: Vec<String>,
    #[serde(default)]
    generate: Option<String>,
}

#[derive(Deserialize)]
struct Expect {
    code: String,
    file: String,
    pointer: Option<String>,
}

fn build_tree(case: &Path, spec: &Spec) -> tempfile::TempDir {
    let tmp = common::copy_tree(&common::root().join("tests/fixtures/mini"));
    for r in &spec.remove {
        let p = tmp.path().join(r);
        if p.is_dir() {
            std::fs::remove_dir_all(&p).unwrap();
        } else {
            std::fs::remove_file(&p).unwrap();
        }
    }
    for d in &spec.dirs {
        std::fs::create_dir_all(tmp.path().join(d)).unwrap();
    }
    if case.join("tree").is_dir() {
        common::copy_dir(&case.join("tree"), tmp.path());
    }
    let aaa = tmp.path().join("countries/AAA.json");
    match spec.generate.as_deref() {
        Some("huge-string") => {
            let mut v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&aaa).unwrap()).unwrap();
            v["measures"][0]["summary"] = serde_json::Value::String("x".repeat(10 * 1024 * 1024));
            std::fs::write(&aaa, serde_json::to_string(&v).unwrap()).unwrap();
        }
        Some("deep-nesting") => {
            std::fs::write(
                &aaa,
                format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
            )
            .unwrap();
        }
        Some(other) => panic!("unknown generator {other}"),
        None => {}
    }
    tmp
}

#[test]
fn every_broken_tree_is_reported_precisely() {
    let dir = common::root().join("tests/corpus");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(
        names.len() >= 30,
        "the corpus should hold at least 30 cases"
    );
    let mut failures = Vec::new();
    for case in &names {
        let spec: Spec =
            serde_json::from_str(&std::fs::read_to_string(case.join("case.json")).unwrap())
                .unwrap();
        let tree = build_tree(case, &spec);
        let before = snapshot(tree.path());
        let out = Command::cargo_bin("lexgap")
            .unwrap()
            .args(["validate", "--format", "json", "--data"])
            .arg(tree.path())
            .env("LEXGAP_TODAY", "2026-11-24")
            .output()
            .unwrap();
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        if out.status.code() != Some(1) {
            failures.push(format!(
                "{name} ({}): exit {:?}, stderr {}",
                spec.description,
                out.status.code(),
                String::from_utf8_lossy(&out.stderr)
            ));
            continue;
        }
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let found = v["diagnostics"].as_array().unwrap().iter().any(|d| {
            d["code"] == spec.expect.code.as_str()
                && d["file"] == spec.expect.file.as_str()
                && spec
                    .expect
                    .pointer
                    .as_ref()
                    .is_none_or(|p| d["pointer"] == p.as_str())
                && !d["message"].as_str().unwrap_or("").is_empty()
        });
        if !found {
            failures.push(format!(
                "{name} ({}): no `{}` at {} {:?}; got {}",
                spec.description,
                spec.expect.code,
                spec.expect.file,
                spec.expect.pointer,
                serde_json::to_string_pretty(&v["diagnostics"])
                    .unwrap()
                    .chars()
                    .take(1500)
                    .collect::<String>()
            ));
        }
        assert_eq!(
            before,
            snapshot(tree.path()),
            "{name}: validate changed the data tree"
        );
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Every file's path and bytes, to prove validation writes nothing.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    fn walk(base: &Path, d: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.push((
                    p.strip_prefix(base).unwrap().display().to_string(),
                    std::fs::read(&p).unwrap(),
                ));
            }
        }
    }
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Loads one corpus case's tree through the library.
fn load_case(name: &str) -> lexgap::load::Loaded {
    let case = common::root().join("tests/corpus").join(name);
    let spec: Spec =
        serde_json::from_str(&std::fs::read_to_string(case.join("case.json")).unwrap()).unwrap();
    let tree = build_tree(&case, &spec);
    common::load(tree.path())
}

#[test]
fn malformed_json_names_line_and_column() {
    let l = load_case("malformed-json-deep");
    let d = l
        .diagnostics
        .items
        .iter()
        .find(|d| d.code == "malformed-json")
        .unwrap();
    assert!(d.line.unwrap() > 10 && d.column.is_some(), "{d:?}");
    let text = d.to_string();
    assert!(text.contains("instruments/plans/mini-2010.json:"), "{text}");
}

#[test]
fn all_problems_are_reported_in_one_run() {
    let tmp = common::copy_tree(&common::root().join("tests/fixtures/mini"));
    std::fs::write(tmp.path().join("countries/CCC.json"), "").unwrap();
    std::fs::write(tmp.path().join("countries/DDD.json"), "{").unwrap();
    let l = common::load(tmp.path());
    let files: std::collections::BTreeSet<&str> = l
        .diagnostics
        .items
        .iter()
        .filter(|d| d.severity == lexgap::diag::Severity::Error)
        .map(|d| d.file.as_str())
        .collect();
    assert!(
        files.contains("countries/CCC.json") && files.contains("countries/DDD.json"),
        "{files:?}"
    );
}

#[test]
fn schema_errors_carry_a_line_number() {
    let l = load_case("wrong-type");
    let d = l
        .diagnostics
        .items
        .iter()
        .find(|d| d.code == "wrong-type")
        .unwrap();
    assert_eq!(d.line, Some(4), "{d:?}");
    assert_eq!(d.found.as_deref(), Some("12"));
}
