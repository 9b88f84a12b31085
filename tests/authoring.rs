//! Authoring the data tree: citations that survive edits, skeletons of new records, and importing a
//! treaty's status table — through the library and the binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

mod common;

use assert_cmd::Command;
use serde_json::{json, Value};
use std::path::Path;

fn lexgap() -> Command {
    let mut c = Command::cargo_bin("lexgap").unwrap();
    c.env("LEXGAP_TODAY", common::BUNDLED_TODAY)
        .env_remove("LEXGAP_DATA");
    c
}

/// A copy of the bundled data tree (instruments/ and countries/) to change.
fn bundled_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["instruments", "countries", "schemas"] {
        common::copy_dir(&common::root().join(sub), &dir.path().join(sub));
    }
    dir
}

fn read_json(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn write_json(p: &Path, v: &Value) {
    std::fs::write(p, serde_json::to_string_pretty(v).unwrap() + "\n").unwrap();
}

/// Every citation in a serialised evaluation, in order: (file, entry).
fn citations(v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(o) => {
            if let (Some(Value::String(f)), Some(Value::String(e))) =
                (o.get("file"), o.get("entry"))
            {
                out.push((f.clone(), e.clone()));
            }
            o.values().for_each(|x| citations(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| citations(x, out)),
        _ => {}
    }
}

fn evaluation_citations(root: &Path) -> Vec<(String, String)> {
    let today = common::date(common::BUNDLED_TODAY);
    let l = lexgap::load::load_dir(
        root,
        lexgap::load::LoadOptions {
            today,
            stale_years: 3,
        },
    );
    assert_eq!(l.diagnostics.errors(), 0, "{:#?}", l.diagnostics.items);
    let ev = lexgap::eval::evaluate(&l.catalogue, today, &[]).unwrap();
    let mut out = Vec::new();
    citations(&serde_json::to_value(&ev).unwrap(), &mut out);
    out
}

#[test]
fn inserting_entries_at_the_top_of_a_country_file_changes_no_other_citation() {
    let tree = bundled_copy();
    let before = evaluation_citations(tree.path());
    assert!(
        before
            .iter()
            .any(|(f, e)| f == "countries/KEN.json" && e.starts_with("legislation/")),
        "the evaluation cites Kenya's laws"
    );
    let explain = |item: &str| {
        let out = lexgap()
            .args(["explain", "KEN", item, "--data"])
            .arg(tree.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let explained = explain("csr1951.non-refoulement");
    assert!(explained.contains("legislation/refugees-act-2021/implements/csr1951.non-refoulement"));

    // A law, a measure and a reservation, each put first in its list.
    let ken = tree.path().join("countries/KEN.json");
    let mut v = read_json(&ken);
    let source = json!({"title": "Inserted for the citation test", "accessed": "2026-01-05"});
    v["legislation"].as_array_mut().unwrap().insert(
        0,
        json!({"id": "inserted-act-2020", "title": "Inserted Act", "enacted": "2020-01-01", "source": source}),
    );
    v["measures"].as_array_mut().unwrap().insert(
        0,
        json!({"id": "inserted-measure", "kind": "anti-trafficking-coordination-body", "status": "absent",
               "date": "1990-01-01", "summary": "Inserted.", "source": source}),
    );
    let icescr = v["participation"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["instrument"] == "icescr1966")
        .unwrap();
    icescr["reservations"].as_array_mut().unwrap().insert(
        0,
        json!({"id": "inserted-declaration", "kind": "declaration", "articles": [], "summary": "Inserted.",
               "source": source}),
    );
    write_json(&ken, &v);

    let after: Vec<(String, String)> = evaluation_citations(tree.path())
        .into_iter()
        .filter(|(_, e)| !e.contains("inserted-"))
        .collect();
    assert_eq!(before.len(), after.len());
    assert!(
        before == after,
        "a citation moved when entries were inserted"
    );
    assert_eq!(explain("csr1951.non-refoulement"), explained);
}
