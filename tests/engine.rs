//! Engine rules on the hand-built fixture catalogue: legal scenarios as data (both sides of every
//! date), threshold counting, diff, what-if, and properties of dated evaluation.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

mod common;

use common::{date, mini};
use lexgap::eval::{self, Hypothesis, Status};
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    catalogue: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    country: String,
    item: String,
    as_of: String,
    expect: Status,
    #[serde(default)]
    bound: Option<bool>,
    #[serde(default)]
    via: Option<String>,
}

#[test]
fn legal_scenarios_hold() {
    let text = std::fs::read_to_string(common::root().join("tests/cases/mini.json")).unwrap();
    let cases: Cases = serde_json::from_str(&text).unwrap();
    assert_eq!(cases.catalogue, "fixtures/mini");
    let cat = mini();
    let mut failures = Vec::new();
    for c in &cases.cases {
        // An id that names nothing is a broken scenario, not a passing one.
        let Some((got, _)) = eval::explain(&cat, &c.country, &c.item, date(&c.as_of)) else {
            failures.push(format!(
                "{}: no item `{}` for `{}`",
                c.name, c.item, c.country
            ));
            continue;
        };
        if got != c.expect {
            failures.push(format!(
                "{}: expected {:?}, got {:?}",
                c.name, c.expect, got
            ));
            continue;
        }
        if c.bound.is_some() || c.via.is_some() {
            let ce = eval::evaluate_country(&cat, &c.country, date(&c.as_of)).unwrap();
            let o = ce.obligation(&c.item).unwrap();
            if let Some(b) = c.bound {
                if o.bound != b {
                    failures.push(format!("{}: expected bound={b}", c.name));
                }
            }
            if c.via.is_some() && o.via != c.via {
                failures.push(format!(
                    "{}: expected via {:?}, got {:?}",
                    c.name, c.via, o.via
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scenarios failed:\n{}",
        failures.len(),
        cases.cases.len(),
        failures.join("\n")
    );
}

#[test]
fn geographic_limitation_appears_in_the_reasons() {
    let cat = mini();
    let (_, r) = eval::explain(&cat, "BBB", "csr1951.non-refoulement", date("2012-01-01")).unwrap();
    let words = lexgap::report::words::Words::new(&cat, Some("BBB"));
    let mut nodes = Vec::new();
    r.walk(&mut nodes);
    let text: Vec<String> = nodes.iter().map(|n| words.fact(&n.fact)).collect();
    assert!(
        text.iter()
            .any(|t| t.starts_with("geographic limitation narrows it")),
        "{text:#?}"
    );
}

#[test]
fn threshold_counts_around_the_threshold() {
    let cat = mini();
    let count = |d: &str| {
        let pe = eval::evaluate_plan(&cat, "mini-2010", date(d)).unwrap();
        let t = pe
            .targets
            .iter()
            .find(|t| t.id == "mini.legal.t1")
            .unwrap()
            .clone();
        (t.now.count, t.now.needed, t.now.status, t.now.met.clone())
    };
    assert_eq!(count("2006-05-23"), (0, 2, Status::Gap, vec![]));
    assert_eq!(
        count("2006-05-24"),
        (1, 2, Status::Partial, vec!["AAA".to_string()])
    );
    assert_eq!(
        count("2011-03-01"),
        (
            2,
            2,
            Status::Met,
            vec!["AAA".to_string(), "DDD".to_string()]
        )
    );
    // The "all" target: CCC joins in 2013, DDD never; BBB's geographic limitation makes it partial:
    // not met at the deadline nor now.
    let pe = eval::evaluate_plan(&cat, "mini-2010", date("2014-01-01")).unwrap();
    let t2 = pe.targets.iter().find(|t| t.id == "mini.legal.t2").unwrap();
    assert_eq!(
        (
            t2.at_due.as_ref().unwrap().count,
            t2.now.count,
            t2.now.needed
        ),
        (1, 2, 4)
    );
    assert_eq!(t2.now.status, Status::Partial);
}

#[test]
fn unknown_participants_keep_a_threshold_open() {
    let mut cat = mini();
    // Remove DDD's and BBB's records of the trafficking protocol: they become unknown, so with one
    // state counted, the target could still be met.
    for iso in ["DDD", "BBB"] {
        cat.countries
            .get_mut(iso)
            .unwrap()
            .participation
            .retain(|p| p.instrument != "trafficking2000");
    }
    let pe = eval::evaluate_plan(&cat, "mini-2010", date("2012-01-01")).unwrap();
    let t = pe.targets.iter().find(|t| t.id == "mini.legal.t1").unwrap();
    assert_eq!(t.now.count, 1);
    assert_eq!(t.now.status, Status::Unknown);
}

#[test]
fn diff_lists_exactly_the_changes() {
    let cat = mini();
    let a = eval::evaluate(&cat, date("2011-02-28"), &[]).unwrap();
    let b = eval::evaluate(&cat, date("2011-03-01"), &[]).unwrap();
    let changes = eval::diff(&a, &b, None, None);
    let ids: Vec<(String, String)> = changes
        .iter()
        .map(|c| (c.scope.clone(), c.id.clone()))
        .collect();
    assert_eq!(
        ids,
        vec![
            ("DDD".into(), "trafficking2000".into()),
            ("DDD".into(), "untoc2000".into()),
            ("DDD".into(), "trafficking2000.criminalisation".into()),
            ("DDD".into(), "trafficking2000.victim-assistance".into()),
            ("DDD".into(), "trafficking2000.victim-residence".into()),
            (
                "DDD".into(),
                "untoc2000.participation-criminalisation".into()
            ),
            ("DDD".into(), "mini.legal.ratify-trafficking".into()),
            ("mini-2010".into(), "mini.legal.t1".into()),
        ]
    );
    assert!(eval::diff(&a, &a, None, None).is_empty());
}

#[test]
fn what_if_reports_the_changed_items_including_target_counts() {
    let cat = mini();
    let d = date("2012-01-01");
    let hs = vec![
        Hypothesis::Ratify {
            country: "BBB".into(),
            instrument: "untoc2000".into(),
        },
        Hypothesis::Ratify {
            country: "BBB".into(),
            instrument: "trafficking2000".into(),
        },
    ];
    let before = eval::evaluate(&cat, d, &[]).unwrap();
    let after = eval::evaluate(&cat, d, &hs).unwrap();
    let changes = eval::diff(&before, &after, Some("mini-2010"), None);
    assert!(changes.iter().any(|c| c.scope == "BBB"
        && c.id == "trafficking2000"
        && c.from == Status::Blocked
        && c.to == Status::Met));
    assert!(changes.iter().any(|c| c.scope == "BBB"
        && c.id == "mini.legal.ratify-trafficking"
        && c.to == Status::Met));
    let t1 = changes.iter().find(|c| c.id == "mini.legal.t1").unwrap();
    let words = lexgap::report::words::Words::new(&cat, None);
    let detail = words.change_detail(t1).unwrap();
    assert!(detail.contains("2 of 4 (threshold 2) → 3 of 4"), "{detail}");
    assert!(
        changes
            .iter()
            .all(|c| c.scope == "BBB" || c.scope == "mini-2010"),
        "{changes:#?}"
    );
    // Hypotheses about things that do not exist are refused.
    assert!(eval::evaluate(
        &cat,
        d,
        &[Hypothesis::Ratify {
            country: "BBB".into(),
            instrument: "nope".into()
        }]
    )
    .is_err());
    assert!(eval::evaluate(
        &cat,
        d,
        &[Hypothesis::Enact {
            country: "BBB".into(),
            target: "nope".into()
        }]
    )
    .is_err());
}

#[test]
fn evaluation_is_pure() {
    let cat = mini();
    let a = serde_json::to_string(&eval::evaluate(&cat, date("2012-12-31"), &[]).unwrap()).unwrap();
    let b = serde_json::to_string(&eval::evaluate(&cat, date("2012-12-31"), &[]).unwrap()).unwrap();
    assert_eq!(a, b);
}

fn any_date() -> impl Strategy<Value = lexgap::model::Date> {
    (1960i16..2026, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| jiff::civil::date(y, m, d))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Facts dated after the evaluation date do not exist yet: adding them changes nothing.
    #[test]
    fn later_facts_are_ignored(as_of in any_date(), days in 1i32..4000) {
        let cat = mini();
        let later = as_of.checked_add(jiff::Span::new().days(days as i64)).unwrap();
        let mut future = cat.clone();
        for c in future.countries.values_mut() {
            c.participation.retain(|p| p.instrument != "crc-opsc2000");
            c.participation.push(lexgap::model::Participation {
                instrument: "crc-opsc2000".into(),
                status: lexgap::model::ParticipationStatus::Party,
                action: None,
                signature: Some(later),
                deposit: Some(later),
                deposit_period: None,
                withdrawal: None,
                reservations: vec![],
                note: None,
                source: None,
            });
            c.measures.push(lexgap::model::Measure { id: "future-nrm".into(), kind: "national-referral-mechanism".into(), status: lexgap::model::MeasureStatus::InPlace, date: lexgap::model::PartialDate::Day(later), summary: "later".into(), source: None });
        }
        // Compare only what the future facts could touch, on a catalogue where they did not exist
        // before: both lose the original opsc records.
        let mut base = cat.clone();
        for c in base.countries.values_mut() {
            c.participation.retain(|p| p.instrument != "crc-opsc2000");
            c.participation.push(lexgap::model::Participation { instrument: "crc-opsc2000".into(), status: lexgap::model::ParticipationStatus::NotParty, action: None, signature: None, deposit: None, deposit_period: None, withdrawal: None, reservations: vec![], note: None, source: None });
        }
        let a = eval::evaluate(&base, as_of, &[]).unwrap();
        let b = eval::evaluate(&future, as_of, &[]).unwrap();
        prop_assert!(eval::diff(&a, &b, None, None).is_empty());
    }

    /// Adding a fact never turns a met item into unknown.
    #[test]
    fn adding_a_fact_never_makes_met_unknown(as_of in any_date(), who in 0usize..4, what in 0usize..10) {
        let cat = mini();
        let iso = ["AAA", "BBB", "CCC", "DDD"][who];
        let h = match what {
            0 => Hypothesis::Ratify { country: iso.into(), instrument: "csr1951".into() },
            1 => Hypothesis::Ratify { country: iso.into(), instrument: "untoc2000".into() },
            2 => Hypothesis::Ratify { country: iso.into(), instrument: "trafficking2000".into() },
            3 => Hypothesis::Ratify { country: iso.into(), instrument: "crc1989".into() },
            4 => Hypothesis::Enact { country: iso.into(), target: "trafficking2000.criminalisation".into() },
            5 => Hypothesis::Enact { country: iso.into(), target: "national-referral-mechanism".into() },
            6 => Hypothesis::Enact { country: iso.into(), target: "csr1951.freedom-of-movement".into() },
            7 => Hypothesis::Enact { country: iso.into(), target: "victim-residence-permit".into() },
            8 => Hypothesis::Ratify { country: iso.into(), instrument: "prot1967".into() },
            _ => Hypothesis::Enact { country: iso.into(), target: "encampment-policy".into() },
        };
        let a = eval::evaluate(&cat, as_of, &[]).unwrap();
        let b = eval::evaluate(&cat, as_of, &[h]).unwrap();
        for c in eval::diff(&a, &b, None, None) {
            prop_assert!(!(c.from == Status::Met && c.to == Status::Unknown), "{c:?}");
        }
    }
}

#[test]
fn a_target_read_before_its_deadline_uses_no_later_fact() {
    let cat = mini();
    // DDD joins the trafficking protocol on 2011-03-01, between this date and the 2012 deadline.
    let pe = eval::evaluate_plan(&cat, "mini-2010", date("2011-01-01")).unwrap();
    let t = pe.targets.iter().find(|t| t.id == "mini.legal.t1").unwrap();
    assert!(
        t.at_due.is_none(),
        "the deadline reading does not exist yet"
    );
    assert_eq!(t.now.met, vec!["AAA".to_string()]);
    // Once the deadline has passed, its reading counts the state that joined before it.
    let pe = eval::evaluate_plan(&cat, "mini-2010", date("2013-01-01")).unwrap();
    let t = pe.targets.iter().find(|t| t.id == "mini.legal.t1").unwrap();
    let due = t.at_due.as_ref().unwrap();
    assert_eq!(due.date, date("2012-12-31"));
    assert_eq!(due.met, vec!["AAA".to_string(), "DDD".to_string()]);
}

#[test]
fn a_join_step_on_a_stale_negative_status_says_to_check_it_first() {
    let cat = mini();
    // DDD's not-party record for the 1951 Convention is current to 2013-06 only.
    let step = |d: &str| {
        let ce = eval::evaluate_country(&cat, "DDD", date(d)).unwrap();
        eval::roadmap(&cat, &ce, None, date(d), 3)
            .into_iter()
            .find(|s| s.id == "csr1951")
            .unwrap()
    };
    assert!(!step("2015-01-01").check_status_first);
    assert!(step("2026-12-01").check_status_first);
    // A record current to this year needs no such warning.
    let ce = eval::evaluate_country(&cat, "CCC", date("2026-12-01")).unwrap();
    let s = eval::roadmap(&cat, &ce, None, date("2026-12-01"), 3);
    assert!(s.iter().all(|s| !s.check_status_first), "{s:#?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Met and partial always rest on a provision, a report or a depositary record — never on a law
    /// known only by its subject, nor on nothing.
    #[test]
    fn met_never_rests_on_a_law_unread(as_of in any_date()) {
        let cat = mini();
        let ev = eval::evaluate(&cat, as_of, &[]).unwrap();
        let weak = |s: Status, st: eval::Strength| {
            matches!(s, Status::Met | Status::Partial)
                && matches!(st, eval::Strength::Law | eval::Strength::None)
        };
        for ce in ev.countries.values() {
            for o in &ce.obligations {
                prop_assert!(!weak(o.status, o.strength), "{} {}: {:?}", ce.iso3, o.id, o.strength);
            }
            for a in ce.actions.values().flatten() {
                prop_assert!(!weak(a.status, a.strength), "{} {}: {:?}", ce.iso3, a.id, a.strength);
            }
            for i in &ce.instruments {
                prop_assert!(!weak(i.status, i.strength), "{} {}: {:?}", ce.iso3, i.id, i.strength);
            }
        }
    }
}
