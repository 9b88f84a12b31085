//! Authoring the data tree: citations that survive edits, skeletons of new records, and importing a
//! treaty's status table — through the library and the binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

mod common;

use assert_cmd::Command;
use serde_json::{json, Value};
use std::path::Path;

fn lexgap() -> Command {
    let mut c = Command::cargo_bin("lexgap").unwrap();
    c.env("LEXGAP_TODAY", common::bundled_today())
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
    let today = common::date(common::bundled_today());
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
        common::success(out, item)
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

/// Every file of a tree and its bytes.
fn snapshot(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().display().to_string();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(root, root, &mut out);
    out
}

fn entry<'a>(country: &'a Value, instrument: &str) -> Option<&'a Value> {
    country["participation"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["instrument"] == instrument)
}

/// The bundled tree with Iran's entry for the 1951 Convention removed and Tanzania's deposit
/// misdated, for the fixture table to create and correct.
fn tree_for_import() -> tempfile::TempDir {
    let tree = bundled_copy();
    let irn = tree.path().join("countries/IRN.json");
    let mut v = read_json(&irn);
    v["participation"]
        .as_array_mut()
        .unwrap()
        .retain(|p| p["instrument"] != "csr1951");
    write_json(&irn, &v);
    let tza = tree.path().join("countries/TZA.json");
    let mut v = read_json(&tza);
    for p in v["participation"].as_array_mut().unwrap() {
        if p["instrument"] == "csr1951" {
            p["deposit"] = json!("1964-05-21");
        }
    }
    write_json(&tza, &v);
    tree
}

fn import(tree: &Path, extra: &[&str]) -> Command {
    let mut c = lexgap();
    c.args([
        "import",
        "participation",
        "--instrument",
        "csr1951",
        "--source-url",
        "https://treaties.un.org/Pages/ViewDetailsII.aspx?src=TREATY&mtdsg_no=V-2&chapter=5",
        "--current-to",
        "2026-02-03",
    ])
    .arg(common::root().join("tests/fixtures/import/csr1951-status.csv"))
    .arg("--data")
    .arg(tree)
    .args(extra);
    c
}

#[test]
fn a_dry_run_shows_every_change_and_skipped_row_and_writes_nothing() {
    let tree = tree_for_import();
    let before = snapshot(tree.path());
    let out = import(tree.path(), &["--dry-run"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        before,
        snapshot(tree.path()),
        "the dry run changed the tree"
    );
    for expected in [
        "--- countries/TZA.json",
        "-      \"deposit\": \"1964-05-21\",\n+      \"deposit\": \"1964-05-12\",",
        "8 of 10 rows applied to `csr1951` (table current to 2026-02-03): 1 created, 1 updated, 6 confirmed",
        "IRN line 6 `Iran (Islamic Republic of)`: created, party (accession, 1976-07-28)",
        "TUR line 10 `Turkey`: confirmed, party (ratification, 1962-03-30)",
        "ZMB line 12 `Zambia`: confirmed, party (succession, 1969-09-24)",
        "line 8 `Narnia`: not a state name lexgap knows",
        "ALB (line 4)",
        "Dry run: nothing written.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn an_import_updates_matched_entries_and_touches_nothing_else() {
    let tree = tree_for_import();
    let before = snapshot(tree.path());
    let out = import(tree.path(), &["--yes"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Wrote 8 file(s)."));
    let after = snapshot(tree.path());
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(
        changed,
        [
            "countries/AFG.json",
            "countries/COD.json",
            "countries/IRN.json",
            "countries/KEN.json",
            "countries/RUS.json",
            "countries/TUR.json",
            "countries/TZA.json",
            "countries/ZMB.json"
        ]
    );

    // Corrected from the table, with the table as source and its currency.
    let tza = read_json(&tree.path().join("countries/TZA.json"));
    let e = entry(&tza, "csr1951").unwrap();
    assert_eq!(e["deposit"], "1964-05-12");
    assert_eq!(e["action"], "accession");
    assert_eq!(e["source"]["current_to"], "2026-02-03");
    assert_eq!(e["source"]["accessed"], common::bundled_today());
    assert_eq!(e["source"]["locator"], "row: United Republic of Tanzania");
    assert!(
        e["source"].get("verified").is_none(),
        "not verified unless said"
    );
    // Only that entry changed in the file.
    let old_tza: Value = serde_json::from_slice(&before["countries/TZA.json"]).unwrap();
    for (a, b) in old_tza["participation"]
        .as_array()
        .unwrap()
        .iter()
        .zip(tza["participation"].as_array().unwrap())
    {
        if a["instrument"] != "csr1951" {
            assert_eq!(a, b);
        }
    }
    assert_eq!(old_tza["legislation"], tza["legislation"]);

    // Created, with the reservation the table notes recorded as unread.
    let irn = read_json(&tree.path().join("countries/IRN.json"));
    let e = entry(&irn, "csr1951").unwrap();
    assert_eq!(e["status"], "party");
    assert_eq!(e["deposit"], "1976-07-28");
    assert_eq!(e["reservations"][0]["text_read"], false);
    assert_eq!(e["reservations"][0]["articles"], json!([]));

    // The former name with its footnote number found Türkiye; its five reservations stay.
    let tur = read_json(&tree.path().join("countries/TUR.json"));
    let e = entry(&tur, "csr1951").unwrap();
    assert_eq!(e["signature"], "1951-08-24");
    assert_eq!(e["reservations"].as_array().unwrap().len(), 5);

    // The tree stays valid; the unread reservation is listed as still to read.
    let out = lexgap()
        .args(["validate", "--format", "json", "--data"])
        .arg(tree.path())
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"], 0, "{}", v["diagnostics"]);
    assert!(v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "todo" && d["file"] == "countries/IRN.json"));

    // Importing the same table again the same day changes nothing.
    let again = import(tree.path(), &["--yes"]).output().unwrap();
    assert!(String::from_utf8_lossy(&again.stdout).contains("Nothing to write."));
    assert_eq!(after, snapshot(tree.path()));
}

#[test]
fn an_import_asks_before_writing_and_refuses_without_an_answer() {
    let tree = tree_for_import();
    let before = snapshot(tree.path());
    // No standard input: nothing is written, and the command says how to go on.
    let out = import(tree.path(), &[]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pass --yes"));
    assert_eq!(before, snapshot(tree.path()));
    // A "no" writes nothing either.
    let out = import(tree.path(), &[])
        .write_stdin("n\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Nothing written."));
    assert_eq!(before, snapshot(tree.path()));
    // A "yes" writes.
    let out = import(tree.path(), &[])
        .write_stdin("y\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Wrote 8 file(s)."));
    assert_ne!(before, snapshot(tree.path()));
}

#[test]
fn an_import_needs_a_tree_on_disk_and_a_treaty_of_the_catalogue() {
    let out = lexgap()
        .args([
            "import",
            "participation",
            "--instrument",
            "csr1951",
            "--source-url",
            "https://x.org",
            "--current-to",
            "2026-02-03",
            "t.csv",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--data"));
    let tree = bundled_copy();
    let out = lexgap()
        .args([
            "import",
            "participation",
            "--instrument",
            "udhr1948",
            "--source-url",
            "https://x.org",
            "--current-to",
            "2026-02-03",
        ])
        .arg(common::root().join("tests/fixtures/import/csr1951-status.csv"))
        .arg("--data")
        .arg(tree.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("soft law"));
}

#[test]
fn a_new_state_law_and_measure_validate_and_list_what_is_left_to_fill() {
    let tree = bundled_copy();
    let run = |args: &[&str]| {
        let out = lexgap()
            .args(args)
            .arg("--data")
            .arg(tree.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    // Printed, the skeleton names every treaty of the catalogue as not checked.
    let printed: Value = serde_json::from_str(&run(&["new", "country", "LSO"])).unwrap();
    assert_eq!(printed["name"], "Lesotho");
    assert_eq!(printed["iso2"], "LS");
    let entries = printed["participation"].as_array().unwrap();
    assert_eq!(entries.len(), 40);
    assert!(entries.iter().all(|p| p["status"] == "not-checked"));
    assert!(
        !tree.path().join("countries/LSO.json").exists(),
        "printing writes nothing"
    );

    run(&["new", "country", "LSO", "--write"]);
    let law = run(&[
        "new",
        "law",
        "LSO",
        "--title",
        "Refugee Act 1983",
        "--write",
    ]);
    assert!(
        law.contains("+      \"id\": \"refugee-act-1983\","),
        "{law}"
    );
    run(&[
        "new",
        "measure",
        "LSO",
        "--kind",
        "national-referral-mechanism",
        "--write",
    ]);
    let lso = read_json(&tree.path().join("countries/LSO.json"));
    assert_eq!(lso["legislation"][0]["id"], "refugee-act-1983");
    assert_eq!(lso["measures"][0]["id"], "national-referral-mechanism");

    let out = lexgap()
        .args(["validate", "--format", "json", "--data"])
        .arg(tree.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"], 0, "{}", v["diagnostics"]);
    let lso_warnings: Vec<(String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "countries/LSO.json")
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["pointer"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for expected in [
        ("participation-not-checked", "/participation"),
        ("todo", "/legislation/0/citation"),
        ("missing-source", "/legislation/0"),
        ("todo", "/measures/0/summary"),
        ("todo", "/notes"),
    ] {
        assert!(
            lso_warnings.contains(&(expected.0.to_string(), expected.1.to_string())),
            "no {expected:?} in {lso_warnings:?}"
        );
    }
    // Under --strict the placeholders fail the run.
    lexgap()
        .args(["validate", "--strict", "--data"])
        .arg(tree.path())
        .assert()
        .code(1);
    // A state that has a record already is not made again.
    lexgap()
        .args(["new", "country", "KEN", "--write", "--data"])
        .arg(tree.path())
        .assert()
        .code(2);
}

#[test]
fn an_import_never_overwrites_a_newer_record_or_a_withdrawal_and_says_why() {
    use lexgap::author::import::{self, ChangeKind, Request, SkipReason};
    let tree = common::copy_tree(&common::root().join("tests/fixtures/mini"));
    // Gammaland has withdrawn from the Convention; status tables do not show withdrawals.
    let ccc = tree.path().join("countries/CCC.json");
    let mut v = read_json(&ccc);
    for p in v["participation"].as_array_mut().unwrap() {
        if p["instrument"] == "csr1951" {
            p["status"] = json!("withdrawn");
            p["withdrawal"] = json!("2020-01-01");
        }
    }
    write_json(&ccc, &v);
    let table = "Participant,Signature,\"Ratification, Accession(a), Succession(d)\"\n\
                 Alphaland,,12 May 1964 a\n\
                 Betaland,31 Feb 2000,\n\
                 Gammaland,,1 Jun 2013\n\
                 DDD,,1 Feb 2015 a\n\
                 Deltaland,,2 Feb 2015 a\n\
                 Kenya,,16 May 1966 a\n\
                 Narnia,,1 Jan 2000\n";
    let req = Request {
        instrument: "csr1951".into(),
        table: table.into(),
        source_url: "https://example.org/status".into(),
        source_title: None,
        current_to: "2020-01-01".parse().unwrap(),
        copy: None,
        verified: false,
        today: common::date("2026-11-24"),
    };
    let before = snapshot(tree.path());
    let plan = import::plan(tree.path(), common::opts(), &req).unwrap();
    assert_eq!(before, snapshot(tree.path()), "planning writes nothing");

    let skipped: Vec<(u64, SkipReason)> = plan
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.clone()))
        .collect();
    assert_eq!(
        skipped,
        [
            (
                2,
                SkipReason::NewerRecord {
                    current_to: "2026-01-10".into()
                }
            ),
            (
                3,
                SkipReason::BadDate {
                    column: "signature",
                    text: "31 Feb 2000".into()
                }
            ),
            (
                4,
                SkipReason::Withdrawn {
                    on: "2020-01-01".into()
                }
            ),
            (
                6,
                SkipReason::Duplicate {
                    iso3: "DDD".into(),
                    first_line: 5
                }
            ),
            (7, SkipReason::NotInTree { iso3: "KEN".into() }),
            (8, SkipReason::Unrecognised),
        ]
    );
    assert_eq!(plan.changes.len(), 1);
    let c = &plan.changes[0];
    assert_eq!((c.iso3.as_str(), c.kind), ("DDD", ChangeKind::Updated));
    assert_eq!(c.was.as_deref(), Some("not-party"));
    assert_eq!(plan.edits.len(), 1);

    assert_eq!(plan.write().unwrap(), 1);
    let after = snapshot(tree.path());
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(changed, ["countries/DDD.json"]);
    let ddd = read_json(&tree.path().join("countries/DDD.json"));
    let e = entry(&ddd, "csr1951").unwrap();
    assert_eq!(
        (e["status"].as_str(), e["deposit"].as_str()),
        (Some("party"), Some("2015-02-01"))
    );
    assert_eq!(
        e["source"]["title"],
        "Status of the Convention relating to the Status of Refugees"
    );
}
