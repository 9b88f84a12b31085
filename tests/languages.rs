//! Reports in French, Portuguese and Russian: goldens on the small catalogue, and on the bundled
//! data a check that no phrase of the English catalogue is left in a translated report.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

mod common;

use assert_cmd::Command;
use std::collections::BTreeMap;

fn mini() -> String {
    common::root()
        .join("tests/fixtures/mini")
        .display()
        .to_string()
}

fn lexgap(args: &[&str], data: Option<&str>) -> String {
    let mut cmd = Command::cargo_bin("lexgap").unwrap();
    cmd.env("LEXGAP_TODAY", common::bundled_today())
        .env_remove("LEXGAP_DATA")
        .args(args);
    if let Some(d) = data {
        cmd.args(["--data", d]);
    }
    common::success(cmd.output().unwrap(), &format!("{args:?}"))
}

fn catalogue(lang: &str) -> BTreeMap<String, String> {
    let path = format!("{}/reports/i18n/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn small_catalogue_reports_in_each_language_golden() {
    let m = mini();
    for lang in ["fr", "pt", "ru"] {
        insta::assert_snapshot!(
            format!("country_AAA_{lang}"),
            lexgap(
                &[
                    "report",
                    "country",
                    "AAA",
                    "--plan",
                    "mini-2010",
                    "--as-of",
                    "2012-12-31",
                    "--lang",
                    lang
                ],
                Some(&m)
            )
        );
        insta::assert_snapshot!(
            format!("plan_mini_{lang}"),
            lexgap(
                &[
                    "report",
                    "plan",
                    "mini-2010",
                    "--as-of",
                    "2013-01-01",
                    "--lang",
                    lang
                ],
                Some(&m)
            )
        );
    }
}

/// The literal pieces of the English messages that a translation changed, long enough that a
/// match in a report cannot be chance.
fn english_phrases(lang: &str) -> Vec<String> {
    let en = catalogue("en");
    let other = catalogue(lang);
    let mut out = Vec::new();
    for (k, v) in &en {
        if other.get(k) == Some(v) {
            continue;
        }
        let mut rest = v.as_str();
        while !rest.is_empty() {
            let (piece, tail) = match rest.find('{') {
                Some(i) => {
                    let close = rest[i..].find('}').map_or(rest.len(), |j| i + j + 1);
                    (&rest[..i], &rest[close..])
                }
                None => (rest, ""),
            };
            let piece = piece.trim();
            // A proper name (every word capitalised) also appears in English in the sources.
            let name = piece
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            if piece.len() >= 16 && piece.contains(' ') && !name {
                out.push(piece.to_string());
            }
            rest = tail;
        }
    }
    out
}

#[test]
fn translated_reports_leave_no_english_phrase() {
    for (lang, iso, plan) in [
        ("fr", "BDI", "dar-es-salaam-2010"),
        ("pt", "MOZ", "dar-es-salaam-2010"),
        ("ru", "KGZ", "almaty-2011"),
    ] {
        let phrases = english_phrases(lang);
        assert!(phrases.len() > 50, "{lang}: {} phrases", phrases.len());
        for args in [
            vec!["report", "country", iso, "--plan", plan, "--lang", lang],
            vec!["report", "plan", plan, "--lang", lang],
            vec!["report", "treaty", "csr1951", "--lang", lang],
            vec![
                "brief",
                "--plan",
                plan,
                "--topic",
                "trafficking",
                "--lang",
                lang,
            ],
        ] {
            let text = lexgap(&args, None);
            assert!(!text.contains("[missing"), "{args:?}");
            let left: Vec<&String> = phrases
                .iter()
                .filter(|p| text.contains(p.as_str()))
                .collect();
            assert!(left.is_empty(), "{args:?} still says in English: {left:?}");
            // Data texts too: where each plan item stands in its source is translated.
            for english in [
                "Menu of Actions",
                "Almaty Declaration, paragraph",
                "working group",
            ] {
                assert!(!text.contains(english), "{args:?} still says {english:?}");
            }
        }
    }
}
