//! The binary end to end: exit codes, the export contract, golden reports, templates, escaping,
//! atomic writes, and the bundled data tree.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

fn lexgap() -> Command {
    let mut c = Command::cargo_bin("lexgap").unwrap();
    c.env("LEXGAP_TODAY", "2026-11-24")
        .env_remove("LEXGAP_DATA");
    c
}

fn mini() -> String {
    common::root()
        .join("tests/fixtures/mini")
        .display()
        .to_string()
}

fn run(args: &[&str]) -> String {
    let out = lexgap()
        .args(args)
        .args(["--data", &mini()])
        .output()
        .unwrap();
    common::success(out, &format!("{args:?}"))
}

#[test]
fn bundled_tree_has_no_errors() {
    let out = lexgap()
        .env("LEXGAP_TODAY", common::bundled_today())
        .args(["validate", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["errors"],
        0,
        "{}",
        serde_json::to_string_pretty(&v["diagnostics"]).unwrap()
    );
    assert!(out.status.success());
    assert!(v["stats"]["countries"].as_u64().unwrap() >= 1);
}

#[test]
fn validate_prints_a_summary_line() {
    lexgap()
        .args(["validate", "--data", &mini()])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("valid: 13 files, 13 records")
                .and(predicate::str::contains("0 errors, 1 warnings"))
                .and(predicate::str::contains("(newest check: 2026-01-10)")),
        );
}

#[test]
fn strict_turns_warnings_into_failure() {
    lexgap()
        .args(["validate", "--strict", "--data", &mini()])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("missing-participation"));
}

#[test]
fn usage_errors_exit_2() {
    lexgap().args(["report", "country"]).assert().code(2);
    lexgap().args(["frobnicate"]).assert().code(2);
    lexgap()
        .args([
            "report",
            "country",
            "AAA",
            "--as-of",
            "2011-02-30",
            "--data",
            &mini(),
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a calendar date"));
    lexgap()
        .args(["report", "country", "ZZZ", "--data", &mini()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no country `ZZZ`"));
    lexgap()
        .args([
            "brief",
            "--plan",
            "mini-2010",
            "--topic",
            "cooking",
            "--data",
            &mini(),
        ])
        .assert()
        .code(2);
    lexgap()
        .args(["whatif", "AAA", "--data", &mini()])
        .assert()
        .code(2);
    lexgap()
        .args(["explain", "AAA", "nothing-here", "--data", &mini()])
        .assert()
        .code(2);
}

#[test]
fn data_errors_exit_1_for_every_command() {
    let tmp = common::copy_tree(&common::root().join("tests/fixtures/mini"));
    std::fs::write(tmp.path().join("countries/CCC.json"), "{").unwrap();
    let d = tmp.path().display().to_string();
    lexgap()
        .args(["validate", "--data", &d])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[malformed-json]: countries/CCC.json:1:1",
        ));
    for args in [
        vec!["report", "country", "AAA"],
        vec!["export", "participation"],
        vec!["site", "--out", "/tmp/never-written-lexgap"],
    ] {
        lexgap()
            .args(&args)
            .args(["--data", &d])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("countries/CCC.json"));
    }
    assert!(!std::path::Path::new("/tmp/never-written-lexgap").exists());
}

#[test]
fn data_folder_can_come_from_the_environment() {
    let mut c = Command::cargo_bin("lexgap").unwrap();
    c.env("LEXGAP_DATA", mini())
        .env("LEXGAP_TODAY", "2026-11-24")
        .args(["validate"])
        .assert()
        .success()
        .stdout(predicate::str::contains("13 files"));
}

#[test]
fn participation_export_keeps_its_contract() {
    let csv = run(&["export", "participation", "--as-of", "2012-12-31"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("iso3,instrument,status,action,date,signature_date,reservations,current_to")
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 4 * 6);
    assert!(rows.contains(&"AAA,csr1951,party,accession,1964-05-12,,17,2026-01-10"));
    assert!(
        rows.contains(&"BBB,prot1967,party,accession,1970-01-01,,geographic-limitation,2026-01-10")
    );
    // CCC acceded in 2013: on 2012-12-31 it was not yet party.
    assert!(rows.contains(&"CCC,csr1951,not-party,,,,,2026-01-10"));
    assert!(rows.contains(&"CCC,trafficking2000,signatory,,,2001-01-01,,2026-01-10"));
    // No entry at all: unknown, and nothing to say how current it is.
    assert!(rows.contains(&"BBB,crc1989,unknown,,,,,"));
    // A record read from a copy of 2013 says so.
    assert!(rows.contains(&"DDD,csr1951,not-party,,,,,2013-06"));
    let later = run(&["export", "participation", "--as-of", "2016-01-01"]);
    assert!(
        later.contains("AAA,csr1951,party,accession,1964-05-12,,,2026-01-10\r\n"),
        "the reservation was withdrawn in 2015"
    );
    assert!(later.contains("CCC,csr1951,party,accession,2013-06-01,,"));
}

#[test]
fn exports_open_cleanly() {
    let excel = lexgap()
        .args(["export", "matrix", "--excel", "--data", &mini()])
        .output()
        .unwrap()
        .stdout;
    assert!(excel.starts_with(&[0xEF, 0xBB, 0xBF]));
    let json = run(&[
        "export",
        "targets",
        "--plan",
        "mini-2010",
        "--format",
        "json",
        "--as-of",
        "2013-01-01",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    // Typed JSON: counts are numbers, a reading not yet made is null.
    assert_eq!(v[0]["threshold_kind"], "at_least");
    assert_eq!(v[0]["threshold"], 2);
    assert_eq!(
        (&v[0]["now_status"], &v[0]["now_count"], &v[0]["of"]),
        (
            &serde_json::json!("met"),
            &serde_json::json!(2),
            &serde_json::json!(4)
        )
    );
    let early = run(&[
        "export",
        "targets",
        "--plan",
        "mini-2010",
        "--format",
        "json",
        "--as-of",
        "2011-01-01",
    ]);
    let early: serde_json::Value = serde_json::from_str(&early).unwrap();
    assert!(early[0]["at_due_status"].is_null(), "not yet due: {early}");
    let actions = run(&["export", "actions", "--plan", "mini-2010"]);
    assert!(actions.starts_with(
        "id,plan,area,summary,reference,recommendations,criterion_kind,criterion_names,due"
    ));
    assert!(actions.contains("mini.legal.fund,mini-2010,mini.legal,Fund research.,\"Area I, item 6\",,not-assessed,,2012-12-31"));
    // Lists are `;`-separated, never JSON inside a cell.
    assert!(
        actions.contains(",any,csr1951;prot1967,2012-12-31"),
        "{actions}"
    );
    assert!(!actions.contains('{'), "no JSON in CSV cells");
    // An option that means nothing for a table is refused, not ignored.
    lexgap()
        .args(["export", "matrix", "--plan", "mini-2010", "--data", &mini()])
        .assert()
        .code(2);
    let obl = run(&["export", "obligations"]);
    assert_eq!(obl.lines().count(), 1 + 9);
}

#[test]
fn country_report_golden() {
    insta::assert_snapshot!(
        "country_AAA_md",
        run(&[
            "report",
            "country",
            "AAA",
            "--plan",
            "mini-2010",
            "--as-of",
            "2012-12-31"
        ])
    );
    insta::assert_snapshot!(
        "country_BBB_json",
        run(&[
            "report",
            "country",
            "BBB",
            "--as-of",
            "2012-12-31",
            "--format",
            "json"
        ])
    );
}

#[test]
fn plan_report_golden() {
    insta::assert_snapshot!(
        "plan_mini_md",
        run(&["report", "plan", "mini-2010", "--as-of", "2013-01-01"])
    );
    insta::assert_snapshot!(
        "plan_mini_json",
        run(&[
            "report",
            "plan",
            "mini-2010",
            "--as-of",
            "2013-01-01",
            "--format",
            "json"
        ])
    );
}

#[test]
fn brief_covers_the_topic() {
    let md = run(&[
        "brief",
        "--plan",
        "mini-2010",
        "--topic",
        "trafficking",
        "--as-of",
        "2013-01-01",
    ]);
    assert!(md.contains("# Briefing pack: trafficking"));
    assert!(md.contains("Trafficking Protocol"));
    assert!(md.contains("**Trafficking in persons**"));
    assert!(
        !md.contains("**Geographic limitation**"),
        "glossary keeps to the topic"
    );
}

#[test]
fn html_escapes_data_and_markdown_escapes_tables() {
    let html = run(&[
        "report",
        "country",
        "AAA",
        "--as-of",
        "2009-01-01",
        "--format",
        "html",
    ]);
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        !html.contains("<link") && !html.contains("<script"),
        "self-contained: no external resources or scripts"
    );
    let md = run(&["report", "country", "AAA", "--as-of", "2009-01-01"]);
    let line = md.lines().find(|l| l.contains("Aliens Act")).unwrap();
    assert!(
        line.contains("\\| pipe") && line.contains("&lt;script&gt;"),
        "{line}"
    );
}

#[test]
fn explain_shows_reasons_and_sources() {
    let out = run(&[
        "explain",
        "BBB",
        "csr1951.non-refoulement",
        "--as-of",
        "2012-01-01",
    ]);
    assert!(out.contains("binds Betaland through 1967 Protocol, which incorporates it"));
    assert!(out.contains("geographic limitation narrows it"));
    assert!(out.contains("source: Status prot1967"));
    // Every source says how current it is.
    assert!(out.contains("current to 2026-01-10"), "{out}");
    let json = run(&[
        "explain",
        "BBB",
        "csr1951.non-refoulement",
        "--as-of",
        "2012-01-01",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["status"], "unknown");
}

#[test]
fn roadmap_puts_the_convention_before_its_protocol() {
    let out = run(&["roadmap", "CCC", "--as-of", "2012-01-01"]);
    let untoc = out.find("untoc2000").unwrap();
    let prot = out.find("trafficking2000").unwrap();
    assert!(untoc < prot, "{out}");
    assert!(out.contains("after: untoc2000"));
}

#[test]
fn whatif_and_diff_list_changes() {
    let out = run(&[
        "whatif",
        "BBB",
        "--ratify",
        "untoc2000",
        "--ratify",
        "trafficking2000",
        "--as-of",
        "2012-01-01",
    ]);
    assert!(
        out.contains("instrument BBB   trafficking2000: blocked → met"),
        "{out}"
    );
    assert!(out.contains("mini.legal.t1"));
    let d = run(&[
        "diff",
        "--from",
        "2010-09-07",
        "--to",
        "2012-12-31",
        "--plan",
        "mini-2010",
    ]);
    assert!(
        d.contains("target     mini-2010 mini.legal.t1: partial → met"),
        "{d}"
    );
    lexgap()
        .args(["whatif", "BBB", "--ratify", "nope", "--data", &mini()])
        .assert()
        .code(2);
}

#[test]
fn graph_formats() {
    let dot = run(&[
        "graph",
        "--country",
        "CCC",
        "--format",
        "dot",
        "--as-of",
        "2012-01-01",
    ]);
    assert!(dot.starts_with("digraph lexgap {"));
    assert!(dot.contains("\"trafficking2000\" -> \"untoc2000\" [label=\"requires_party_to\"]"));
    assert!(
        dot.contains("fillcolor=\"#6a1b9a\""),
        "blocked trafficking protocol coloured"
    );
    let mm = run(&["graph", "--format", "mermaid", "--plan", "mini-2010"]);
    assert!(mm.starts_with("flowchart LR"));
    let js: serde_json::Value = serde_json::from_str(&run(&["graph", "--format", "json"])).unwrap();
    assert!(js["edges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == "incorporates"));
}

#[test]
fn out_writes_atomically_and_templates_can_be_overridden() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.md");
    let tpl = dir.path().join("tpl");
    std::fs::create_dir(&tpl).unwrap();
    std::fs::write(
        tpl.join("country.md.hbs"),
        "Rapport: {{report.country.name}} ({{report.instrument_counts.met}})\n",
    )
    .unwrap();
    lexgap()
        .args([
            "report",
            "country",
            "AAA",
            "--as-of",
            "2012-01-01",
            "--templates",
        ])
        .arg(&tpl)
        .arg("--out")
        .arg(&out)
        .args(["--data", &mini()])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "Rapport: Alphaland (3)\n"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_template_folder_missing_a_partial_is_an_error() {
    let tpl = tempfile::tempdir().unwrap();
    std::fs::write(
        tpl.path().join("country.md.hbs"),
        "{{> letterhead}}\n{{report.country.name}}\n",
    )
    .unwrap();
    lexgap()
        .args(["report", "country", "AAA", "--templates"])
        .arg(tpl.path())
        .args(["--data", &mini()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("letterhead"));
    std::fs::write(
        tpl.path().join("country.md.hbs"),
        "{{report.country.nmae}}\n",
    )
    .unwrap();
    lexgap()
        .args(["report", "country", "AAA", "--templates"])
        .arg(tpl.path())
        .args(["--data", &mini()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nmae"));
}

#[test]
fn site_builds_with_relative_links() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    lexgap()
        .args(["site", "--as-of", "2013-01-01", "--out"])
        .arg(&out)
        .args(["--data", &mini()])
        .assert()
        .success()
        .stderr(predicate::str::contains("pages"));
    for f in [
        "index.html",
        "countries/AAA.html",
        "plans/mini-2010.html",
        "treaties/index.html",
        "treaties/csr1951.html",
        "data/participation.csv",
        "data/findings.csv",
        "briefs/mini-2010-trafficking.html",
    ] {
        assert!(out.join(f).is_file(), "{f} missing");
    }
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("href=\"countries/AAA.html\"") && !index.contains("href=\"/"));
    let page = std::fs::read_to_string(out.join("plans/mini-2010.html")).unwrap();
    assert!(
        page.contains("href=\"../countries/AAA.html\"") && page.contains("href=\"../index.html\"")
    );
}

#[test]
fn the_command_line_follows_common_conventions() {
    // Completions and a man page, made from the same definitions the parser uses.
    let bash = lexgap().args(["completions", "bash"]).output().unwrap();
    assert!(bash.status.success());
    assert!(String::from_utf8_lossy(&bash.stdout).contains("_lexgap()"));
    let man = lexgap().arg("man").output().unwrap();
    assert!(String::from_utf8_lossy(&man.stdout).contains(".TH lexgap 1"));
    // Examples in long help.
    let help = lexgap().args(["export", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains("lexgap export findings"));

    // "Did you mean" for states, plans and topics; states by name as well as by code.
    let miss = lexgap()
        .args(["explain", "AAB", "csr1951", "--data", &mini()])
        .output()
        .unwrap();
    assert_eq!(miss.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&miss.stderr).contains("did you mean `AAA`?"));
    let plan = lexgap()
        .args(["report", "plan", "mini", "--data", &mini()])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&plan.stderr).contains("did you mean `mini-2010`?"));
    let by_name = run(&["explain", "alphaland", "csr1951", "--as-of", "2012-01-01"]);
    assert!(by_name.starts_with("Alphaland — csr1951"), "{by_name}");

    // `--out -` is standard output; the extension of --out chooses the format.
    let work = tempfile::tempdir().unwrap();
    let dash = lexgap()
        .current_dir(work.path())
        .args(["report", "country", "AAA", "--out", "-", "--data", &mini()])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&dash.stdout).starts_with("# Alphaland"));
    assert!(!work.path().join("-").exists(), "no file named `-`");
    let html = work.path().join("AAA.html");
    lexgap()
        .args(["report", "country", "AAA", "--data", &mini(), "--out"])
        .arg(&html)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&html)
        .unwrap()
        .starts_with("<!DOCTYPE html>"));

    // Status goes to standard error; standard output stays for results.
    let site = lexgap()
        .args(["site", "--data", &mini(), "--out"])
        .arg(work.path().join("site"))
        .output()
        .unwrap();
    assert!(site.stdout.is_empty());
    assert!(String::from_utf8_lossy(&site.stderr).contains("wrote"));

    // Colour: never into a pipe unless asked; NO_COLOR is honoured.
    let plain = run(&["explain", "AAA", "csr1951", "--as-of", "2012-01-01"]);
    assert!(!plain.contains('\u{1b}'));
    let coloured = lexgap()
        .args([
            "explain",
            "AAA",
            "csr1951",
            "--as-of",
            "2012-01-01",
            "--color",
            "always",
        ])
        .args(["--data", &mini()])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&coloured.stdout).contains("\u{1b}[33mpartial"));
    let no_color = lexgap()
        .env("NO_COLOR", "1")
        .args([
            "explain",
            "AAA",
            "csr1951",
            "--as-of",
            "2012-01-01",
            "--color",
            "auto",
        ])
        .args(["--data", &mini()])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&no_color.stdout).contains('\u{1b}'));
}

#[test]
fn treaty_page_and_typed_exports_golden() {
    insta::assert_snapshot!(
        "treaty_csr1951_md",
        run(&["report", "treaty", "csr1951", "--as-of", "2016-01-01"])
    );
    insta::assert_snapshot!(
        "findings_mini_json",
        run(&[
            "export",
            "findings",
            "--plan",
            "mini-2010",
            "--country",
            "AAA",
            "--format",
            "json",
            "--as-of",
            "2016-01-01",
        ])
    );
    insta::assert_snapshot!(
        "targets_mini_csv",
        run(&[
            "export",
            "targets",
            "--plan",
            "mini-2010",
            "--as-of",
            "2011-01-01"
        ])
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // More output than a pipe holds, so the writer meets the closed end (as under `| head -1`).
    let full = lexgap()
        .env("LEXGAP_TODAY", common::bundled_today())
        .args(["export", "findings"])
        .output()
        .unwrap();
    assert!(full.status.success() && full.stdout.len() > 1 << 17);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("lexgap"))
        .env("LEXGAP_TODAY", common::bundled_today())
        .env_remove("LEXGAP_DATA")
        .args(["export", "findings"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn errors_carry_a_code_and_no_terminal_controls() {
    let out = lexgap()
        .args(["report", "country", "\u{1b}[2J", "--data", &mini()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("error[usage]: "), "{err}");
    assert!(
        err.contains("\\u{1b}[2J") && !err.contains('\u{1b}'),
        "{err}"
    );
}
