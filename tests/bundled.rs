//! Checks on the bundled data tree: the catalogue's relations, the plans' structure, the states'
//! coverage, and a dozen participation facts confirmed against UN Treaty Collection status lists.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

mod common;

use assert_cmd::Command;
use lexgap::load::{self, LoadOptions};
use lexgap::model::{Criterion, RelationKind};

fn bundled() -> lexgap::catalogue::Catalogue {
    let l = load::load_embedded(LoadOptions {
        today: common::date(common::bundled_today()),
        stale_years: 3,
    });
    assert_eq!(
        l.diagnostics.errors(),
        0,
        "{:#?}",
        l.diagnostics
            .items
            .iter()
            .filter(|d| d.severity == lexgap::diag::Severity::Error)
            .take(20)
            .collect::<Vec<_>>()
    );
    l.catalogue
}

/// Runs on the bundled data trust the checks made when the binary was built; this is where that trust
/// is earned: every check a tree from disk gets finds nothing, and the quick load builds the same records.
#[test]
fn bundled_tree_passes_every_check_and_loads_the_same_without_them() {
    let opts = LoadOptions {
        today: common::date(common::bundled_today()),
        stale_years: 3,
    };
    assert!(
        load::embedded_checked_at_build(),
        "build.rs found schema problems in the bundled data (see the build warnings)"
    );
    let checked = load::load_embedded_checked(opts);
    let errors: Vec<_> = checked
        .diagnostics
        .items
        .iter()
        .filter(|d| d.severity == lexgap::diag::Severity::Error)
        .take(20)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let quick = load::load_embedded(opts);
    assert_eq!(quick.diagnostics.items, checked.diagnostics.items);
    let json = |c: &lexgap::catalogue::Catalogue| {
        serde_json::to_string(&(
            &c.vocabulary,
            &c.instruments,
            &c.countries,
            &c.plans,
            &c.files,
        ))
        .unwrap()
    };
    assert_eq!(json(&quick.catalogue), json(&checked.catalogue));
    assert_eq!(
        serde_json::to_string(&quick.stats).unwrap(),
        serde_json::to_string(&checked.stats).unwrap()
    );
}

fn relation(cat: &lexgap::catalogue::Catalogue, from: &str, kind: RelationKind, to: &str) -> bool {
    cat.instruments[from]
        .relations
        .iter()
        .any(|r| r.kind == kind && r.target == to)
}

/// Every instrument the two plans and the source documents name (MC/INF/297 end note 13, WMR 2010
/// background paper footnote 18, the Action Plan's menu of actions, Almaty Declaration paras 4-5).
const BINDING: [&str; 40] = [
    // Refugees and statelessness
    "csr1951",
    "prot1967",
    "css1954",
    "crs1961",
    "oau1969",
    "kampala2009",
    // Core human rights and the optional protocols the plans name
    "icerd1965",
    "iccpr1966",
    "icescr1966",
    "cedaw1979",
    "cat1984",
    "crc1989",
    "cmw1990",
    "crpd2006",
    "ced2006",
    "crc-opsc2000",
    "crc-opac2000",
    "opcat2002",
    // Organised crime
    "untoc2000",
    "trafficking2000",
    "smuggling2000",
    // ILO: migrant-worker conventions, P029 and the eight core conventions
    "ilo-c97",
    "ilo-c143",
    "ilo-c189",
    "ilo-p029",
    "ilo-c29",
    "ilo-c87",
    "ilo-c98",
    "ilo-c100",
    "ilo-c105",
    "ilo-c111",
    "ilo-c138",
    "ilo-c182",
    // Regional
    "achpr1981",
    "acrwc1990",
    "eac-cmp2010",
    "sadc-fmp2005",
    "echr1950",
    "coe-trafficking2005",
    "cis-migrant-workers2008",
];

const SOFT_LAW: [&str; 4] = [
    "udhr1948",
    "ilo-mflm2006",
    "unhcr-10pp2007",
    "cartagena1984",
];

#[test]
fn the_catalogue_holds_every_instrument_the_plans_name() {
    let cat = bundled();
    for id in BINDING {
        let i = cat
            .instruments
            .get(id)
            .unwrap_or_else(|| panic!("missing instrument {id}"));
        assert!(i.kind.is_binding(), "{id} should be a treaty");
        // Two regional treaties have no known day of entry into force: the SADC protocol never
        // entered into force, and the day the CIS convention did is not on record.
        let undated = ["sadc-fmp2005", "cis-migrant-workers2008"];
        assert!(
            i.entry_into_force.is_some() || undated.contains(&id),
            "{id}"
        );
    }
    for id in SOFT_LAW {
        let i = cat
            .instruments
            .get(id)
            .unwrap_or_else(|| panic!("missing soft-law text {id}"));
        assert!(!i.kind.is_binding(), "{id} should be soft law");
        assert!(i.obligations.is_empty(), "{id}: soft law binds no one");
    }
    assert_eq!(cat.instruments.len(), BINDING.len() + SOFT_LAW.len());
    // The SADC protocol never gathered the two-thirds of ratifications its art. 33 needs.
    assert!(cat.instruments["sadc-fmp2005"].entry_into_force.is_none());
}

#[test]
fn catalogue_relations_follow_the_final_clauses() {
    let cat = bundled();
    // UNTOC art. 37(2): only a party to the Convention may join its protocols.
    for p in ["trafficking2000", "smuggling2000"] {
        assert!(
            relation(&cat, p, RelationKind::RequiresPartyTo, "untoc2000"),
            "{p}"
        );
        assert!(
            relation(&cat, p, RelationKind::Supplements, "untoc2000"),
            "{p}"
        );
    }
    // 1967 Protocol art. I(1): parties apply articles 2 to 34 of the Convention; art. V: open to any state.
    let inc = cat.instruments["prot1967"]
        .relations
        .iter()
        .find(|r| r.kind == RelationKind::Incorporates && r.target == "csr1951")
        .unwrap();
    let expected: Vec<String> = (2..=34).map(|n| n.to_string()).collect();
    assert_eq!(inc.target_articles, expected);
    assert!(!relation(
        &cat,
        "prot1967",
        RelationKind::RequiresPartyTo,
        "csr1951"
    ));
    // OPAC art. 9(1) and OPSC art. 13(1): open to parties and signatories of the CRC alike.
    for op in ["crc-opsc2000", "crc-opac2000"] {
        assert!(
            relation(&cat, op, RelationKind::OptionalProtocolTo, "crc1989"),
            "{op}"
        );
        assert!(
            !relation(&cat, op, RelationKind::RequiresPartyTo, "crc1989"),
            "{op}"
        );
    }
    // OPCAT art. 27(2): ratification is open to states that ratified or acceded to the Convention.
    assert!(relation(
        &cat,
        "opcat2002",
        RelationKind::RequiresPartyTo,
        "cat1984"
    ));
    assert!(relation(
        &cat,
        "opcat2002",
        RelationKind::OptionalProtocolTo,
        "cat1984"
    ));
    // P029 art. 8(1): only members that have ratified Convention No. 29 may ratify the Protocol.
    assert!(relation(
        &cat,
        "ilo-p029",
        RelationKind::RequiresPartyTo,
        "ilo-c29"
    ));
    // No other treaty makes party status elsewhere a condition of joining.
    let requiring: Vec<&str> = cat
        .instruments
        .values()
        .filter(|i| {
            i.relations
                .iter()
                .any(|r| r.kind == RelationKind::RequiresPartyTo)
        })
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(
        requiring,
        ["ilo-p029", "opcat2002", "smuggling2000", "trafficking2000"]
    );
    // Every relation names the article it rests on, and every required measure kind exists.
    for i in cat.instruments.values() {
        for r in &i.relations {
            assert!(
                r.basis.contains("art."),
                "{}: relation to {} names no article",
                i.id,
                r.target
            );
        }
        for o in &i.obligations {
            for m in &o.requires {
                assert!(cat.is_measure_kind(m), "{}: {m}", o.id);
            }
        }
    }
}

/// The obligation ids that docs/data-format.md reserves exist, citing the article the table gives.
#[test]
fn reserved_obligations_exist_with_their_articles() {
    let cat = bundled();
    let doc = std::fs::read_to_string(common::root().join("docs/data-format.md")).unwrap();
    let rows: Vec<(&str, &str)> = doc
        .lines()
        .skip_while(|l| !l.starts_with("| id | article(s) |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .filter_map(|l| {
            let mut cells = l.trim_matches('|').split('|').map(str::trim);
            Some((cells.next()?, cells.next()?))
        })
        .collect();
    assert!(rows.len() > 50, "the reserved-id table was not found");
    for (id, articles) in rows {
        let o = cat
            .obligation(id)
            .unwrap_or_else(|| panic!("reserved obligation {id} is missing"));
        // Compare article labels, the part of a reference before any paragraph: `16(1)` cites `16`.
        let label = |a: &str| a.split(['(', ' ']).next().unwrap().trim().to_string();
        let first = articles.split([',', '-']).next().unwrap();
        assert_eq!(label(&o.articles[0]), label(first), "{id}");
    }
    // Well over a hundred obligations, every instrument a plan ratification criterion names with some.
    assert!(
        cat.obligations().count() > 120,
        "{}",
        cat.obligations().count()
    );
    for id in BINDING {
        assert!(
            !cat.instruments[id].obligations.is_empty(),
            "{id} has no obligations"
        );
    }
}

#[test]
fn every_obligation_a_plan_references_exists() {
    let cat = bundled();
    for plan in cat.plans.values() {
        for (_, a) in plan.actions() {
            let mut leaves = Vec::new();
            if let Some(c) = &a.criterion {
                c.leaves(&mut leaves);
            }
            for l in leaves {
                if let Criterion::Implements(id) = l {
                    assert!(
                        cat.obligation(id).is_some() || cat.is_measure_kind(id),
                        "{}: {id}",
                        a.id
                    );
                }
            }
            for id in &a.addresses {
                assert!(
                    cat.instruments.contains_key(id)
                        || cat.obligation(id).is_some()
                        || cat.is_measure_kind(id),
                    "{}: {id}",
                    a.id
                );
            }
        }
    }
}

#[test]
fn plans_have_their_full_structure() {
    let cat = bundled();
    let dsm = &cat.plans["dar-es-salaam-2010"];
    assert_eq!(dsm.participants.len(), 13);
    assert_eq!(dsm.areas.len(), 6);
    assert_eq!(dsm.targets().count(), 25);
    // The Action Plan's menu has 58 items; its targets by area: 2, 4, 5, 3, 5, 6.
    assert_eq!(dsm.actions().count(), 58);
    let per_area: Vec<usize> = dsm.areas.iter().map(|a| a.targets.len()).collect();
    assert_eq!(per_area, vec![2, 4, 5, 3, 5, 6]);
    for (_, a) in dsm.actions() {
        assert!(
            a.criterion.is_some() || a.not_assessed.is_some(),
            "{}",
            a.id
        );
    }
    if let Some(alm) = cat.plans.get("almaty-2011") {
        assert_eq!(alm.invited.len(), 11);
        assert_eq!(alm.conference.host, "KAZ");
        let groups = alm
            .areas
            .iter()
            .filter(|a| a.reference.to_lowercase().contains("working group"))
            .count();
        assert_eq!(groups, 7, "the seven working groups");
    }
}

#[test]
fn every_state_has_a_record_with_full_participation_coverage() {
    let l = load::load_embedded(LoadOptions {
        today: common::date(common::bundled_today()),
        stale_years: 3,
    });
    assert_eq!(l.catalogue.countries.len(), 24);
    assert_eq!(
        l.stats.participation_entries,
        l.stats.participation_expected
    );
}

/// Runs `lexgap` on the bundled data and returns what it printed; the command must succeed.
fn lexgap(args: &[&str]) -> String {
    let out = Command::cargo_bin("lexgap")
        .unwrap()
        .env("LEXGAP_TODAY", common::bundled_today())
        .env_remove("LEXGAP_DATA")
        .args(args)
        .output()
        .unwrap();
    common::success(out, &format!("{args:?}"))
}

/// `lexgap export participation` on the bundled data as of a day.
/// The participation export's contract columns (the first seven); `current_to` follows them.
fn participation_csv(as_of: &str) -> String {
    let csv = lexgap(&["export", "participation", "--as-of", as_of]);
    assert!(csv.starts_with(
        "iso3,instrument,status,action,date,signature_date,reservations,current_to\r\n"
    ));
    csv.lines()
        .map(|l| l.rsplit_once(',').map_or(l, |(head, _)| head))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The row of one state and treaty, split into its seven columns.
fn row(csv: &str, iso: &str, inst: &str) -> Vec<String> {
    let prefix = format!("{iso},{inst},");
    let line = csv
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no row for {iso} {inst}"));
    line.split(',').map(str::to_string).collect()
}

/// Facts confirmed against the UN Treaty Collection status lists of the 1951 Convention (V-2) and the
/// 1967 Protocol (V-5), and the UN registration record of the OAU Convention.
#[test]
fn a_dozen_verified_facts_through_the_export() {
    let csv = participation_csv(common::bundled_today());
    let row = |iso: &str, inst: &str| row(&csv, iso, inst);
    for (iso, date) in [
        ("AFG", "2005-08-30"),
        ("AZE", "1993-02-12"),
        ("BDI", "1963-07-19"),
        ("CHN", "1982-09-24"),
        ("COD", "1965-07-19"),
        ("ETH", "1969-11-10"),
    ] {
        let r = row(iso, "csr1951");
        assert_eq!(
            (r[2].as_str(), r[3].as_str(), r[4].as_str()),
            ("party", "accession", date),
            "{iso}"
        );
    }
    for (iso, date) in [
        ("AFG", "2005-08-30"),
        ("COD", "1975-01-13"),
        ("CHN", "1982-09-24"),
    ] {
        let r = row(iso, "prot1967");
        assert_eq!((r[2].as_str(), r[4].as_str()), ("party", date), "{iso}");
    }
    // OAU Convention, UN registration no. 14691: dates of ratification or accession.
    for (iso, action, date) in [
        ("ETH", "ratification", "1973-10-25"),
        ("KEN", "ratification", "1993-02-04"),
        ("MWI", "accession", "1987-12-02"),
        ("MOZ", "accession", "1990-03-07"),
    ] {
        let r = row(iso, "oau1969");
        assert_eq!(
            (r[2].as_str(), r[3].as_str(), r[4].as_str()),
            ("party", action, date),
            "{iso}"
        );
    }
    // Turkey keeps the geographic limitation under the Convention and, by Protocol art. I(3), the Protocol.
    assert!(row("TUR", "csr1951")[6].contains("geographic-limitation"));
    assert!(row("TUR", "prot1967")[6].contains("geographic-limitation"));
    // Uzbekistan is party to neither.
    assert_eq!(row("UZB", "csr1951")[2], "not-party");
    assert_eq!(row("UZB", "prot1967")[2], "not-party");
    // Before its accession Afghanistan was not party.
    assert!(participation_csv("2005-08-29")
        .lines()
        .any(|l| l == "AFG,csr1951,not-party,,,,"));
}

/// Facts on the human-rights, Council of Europe and organised-crime treaties, each checked against the
/// UN Treaty Collection (mid-2013 and 2022 copies), the Council of Europe or a depositary notice.
#[test]
fn facts_on_the_wider_catalogue_through_the_export() {
    let now = participation_csv(common::bundled_today());
    let then = participation_csv("2012-12-31");
    let cols = |r: Vec<String>| -> (String, String, String, String) {
        (r[2].clone(), r[3].clone(), r[4].clone(), r[5].clone())
    };
    let s = |a: &str, b: &str, c: &str, d: &str| (a.into(), b.into(), c.into(), d.into());
    // China signed the ICCPR in 1998 and has not ratified it.
    assert_eq!(
        cols(row(&now, "CHN", "iccpr1966")),
        s("signatory", "", "", "1998-10-05")
    );
    // Mozambique is not party to the ICESCR.
    assert_eq!(row(&now, "MOZ", "icescr1966")[2], "not-party");
    // South Africa signed the ICESCR in 1994 and ratified it only in 2015.
    assert_eq!(
        cols(row(&then, "ZAF", "icescr1966")),
        s("signatory", "", "", "1994-10-03")
    );
    assert_eq!(
        cols(row(&now, "ZAF", "icescr1966")),
        s("party", "ratification", "2015-01-12", "1994-10-03")
    );
    // The Russian Federation continues the USSR's ratification of CAT.
    assert_eq!(
        cols(row(&now, "RUS", "cat1984")),
        s("party", "ratification", "1987-03-03", "1985-12-10")
    );
    // Afghanistan's reservations to CAT arts 20 and 30(1) stood until their withdrawal in 2018.
    assert_eq!(row(&then, "AFG", "cat1984")[6], "20;30(1)");
    assert_eq!(row(&now, "AFG", "cat1984")[6], "");
    // China's CAT reservations to arts 20 and 30(1) stand.
    assert_eq!(row(&now, "CHN", "cat1984")[6], "20;30(1)");
    // Türkiye ratified the ECHR in 1954; Russia left it on 16 September 2022, after its expulsion.
    assert_eq!(
        cols(row(&now, "TUR", "echr1950")),
        s("party", "ratification", "1954-05-18", "1950-11-04")
    );
    assert_eq!(row(&then, "RUS", "echr1950")[2], "party");
    assert_eq!(row(&now, "RUS", "echr1950")[2], "withdrawn");
    // Somalia acceded to the smuggling protocol in 2025 (depositary notice reproduced in BGBl. III 57/2025).
    assert_eq!(row(&then, "SOM", "smuggling2000")[2], "not-party");
    assert_eq!(
        cols(row(&now, "SOM", "smuggling2000")),
        s("party", "accession", "2025-03-25", "")
    );
    // Kazakhstan acceded to the Enforced Disappearance Convention in 2009.
    assert_eq!(
        cols(row(&now, "KAZ", "ced2006")),
        s("party", "accession", "2009-02-27", "")
    );
}

#[test]
fn turkey_non_refoulement_shows_the_geographic_limitation() {
    let text = lexgap(&["explain", "TUR", "csr1951.non-refoulement"]);
    assert!(text.contains("geographic limitation"), "{text}");
}

/// A trainer's pack for Central Asian states leaves out African treaties, which a Dar es Salaam pack keeps.
#[test]
fn a_brief_keeps_only_the_regional_treaties_of_its_states() {
    let brief = |args: &[&str]| lexgap(&[&["brief"], args].concat());
    let central_asia = brief(&[
        "--plan",
        "almaty-2011",
        "--topic",
        "trafficking",
        "--countries",
        "KAZ,KGZ,TJK",
    ]);
    assert!(central_asia.contains("### Trafficking Protocol"));
    assert!(!central_asia.contains("African Children's Charter"));
    let east_africa = brief(&["--plan", "dar-es-salaam-2010", "--topic", "trafficking"]);
    assert!(east_africa.contains("### African Children's Charter"));
    // What a record could not check is said beside it: the CIS convention's entry into force is not known.
    let labour = brief(&[
        "--plan",
        "almaty-2011",
        "--topic",
        "labour",
        "--countries",
        "KAZ,KGZ",
    ]);
    let cis = labour
        .split("### ")
        .find(|s| s.starts_with("CIS Migrant Workers Convention"))
        .unwrap();
    assert!(
        cis.contains("Not verified against a source: date of entry into force"),
        "{cis}"
    );
}

/// Every state record holds at least five sourced laws and three sourced measures.
#[test]
fn every_state_has_sourced_laws_and_measures() {
    let cat = bundled();
    for c in cat.countries.values() {
        assert!(
            c.legislation.len() >= 5,
            "{}: {} laws",
            c.iso3,
            c.legislation.len()
        );
        assert!(
            c.measures.len() >= 3,
            "{}: {} measures",
            c.iso3,
            c.measures.len()
        );
        for l in &c.legislation {
            assert!(l.source.is_some(), "{}: law {} has no source", c.iso3, l.id);
        }
        for m in &c.measures {
            assert!(
                m.source.is_some(),
                "{}: measure {} has no source",
                c.iso3,
                m.kind
            );
        }
    }
}

/// Whether `explain` output shows a law `title` taken into account (a line naming it that does not say
/// it does not count), whatever the strength of what it shows.
fn counted(explain: &str, title: &str) -> bool {
    explain
        .lines()
        .any(|l| l.contains(title) && !l.contains("does not count"))
}

/// A law replaced by another counts until its repeal: Kenya's Refugees Act 2006 at the plan's deadline,
/// its 2021 successor today.
#[test]
fn replaced_laws_count_until_their_repeal() {
    let explain = |as_of: &str| {
        lexgap(&[
            "explain",
            "KEN",
            "csr1951.non-refoulement",
            "--as-of",
            as_of,
        ])
    };
    let then = explain("2012-12-31");
    assert!(counted(&then, "Refugees Act, 2006"), "{then}");
    assert!(!counted(&then, "Refugees Act, 2021"), "{then}");
    // Said once for the law, not once for each of its provisions that would count.
    let not_yet = "does not count on 2012-12-31: not yet in force (from 2022-02-21)";
    assert_eq!(then.matches(not_yet).count(), 1, "{then}");
    let now = explain(common::bundled_today());
    assert!(
        now.contains(&format!(
            "does not count on {}: repealed on 2022-02-21",
            common::bundled_today()
        )),
        "{now}"
    );
    assert!(counted(&now, "Refugees Act, 2021"), "{now}");
}

/// Turkmenistan's 2012 refugee law is on record by its year only: during 2012 neither it nor the 1997 law
/// it replaced is counted (the deciding day is unknown), before 2012 the old law counts, after it the new.
#[test]
fn a_law_known_by_its_year_counts_once_the_year_is_over() {
    let explain = |as_of: &str| {
        lexgap(&[
            "explain",
            "TKM",
            "csr1951.refugee-definition",
            "--as-of",
            as_of,
        ])
    };
    let before = explain("2011-06-30");
    assert!(counted(&before, "Law on Refugees (1997)"), "{before}");
    let during = explain("2012-06-30");
    assert!(
        during.starts_with("Turkmenistan — csr1951.refugee-definition as of 2012-06-30: unknown"),
        "{during}"
    );
    assert!(
        during.contains("repealed in 2012 (day not recorded)"),
        "{during}"
    );
    assert!(
        during.contains("enacted in 2012, on a day not recorded"),
        "{during}"
    );
    let after = explain("2013-06-30");
    assert!(counted(&after, "Law on Refugees (2012)"), "{after}");
    assert!(!counted(&after, "Law on Refugees (1997)"), "{after}");
}

/// A report against a plan the state never adopted says so first; a deadline the plan did not set is
/// named as lexgap's reading.
#[test]
fn reports_say_when_a_state_took_no_part_and_who_set_the_deadline() {
    let chn = lexgap(&["report", "country", "CHN", "--plan", "dar-es-salaam-2010"]);
    let head: String = chn.lines().take(8).collect::<Vec<_>>().join("\n");
    assert!(
        head.contains(
            "China did not take part in the conference that adopted the Dar es Salaam Action Plan"
        ),
        "{head}"
    );
    let ken = lexgap(&["report", "country", "KEN", "--plan", "dar-es-salaam-2010"]);
    assert!(!ken.contains("did not take part"), "Kenya took part");
    let kgz = lexgap(&["report", "country", "KGZ", "--plan", "almaty-2011"]);
    assert!(
        kgz.contains("(deadline 2012-12-31, a date lexgap reads in: the plan sets none)"),
        "{kgz}"
    );
}

/// The findings table keeps its column contract and never shows met or partial on a law unread.
#[test]
fn findings_rest_on_provisions_reports_or_records() {
    let csv = lexgap(&["export", "findings", "--as-of", common::bundled_today()]);
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("iso3,item,kind,status,strength,as_of"));
    let mut met = 0;
    for l in lines {
        let cols: Vec<&str> = l.split(',').collect();
        if matches!(cols[3], "met" | "partial") {
            met += 1;
            assert!(
                !matches!(cols[4], "law" | "none"),
                "met or partial on weak evidence: {l}"
            );
        }
    }
    assert!(met > 500, "{met} met or partial findings");
}

/// Trackers, treaty pages, briefs and the site read the lighter evaluation (no obligations, statuses
/// without reason trees); it must agree with the full one on every status it holds.
#[test]
fn the_plans_only_evaluation_agrees_with_the_full_one() {
    let cat = bundled();
    for day in ["2010-09-07", "2014-12-31", common::bundled_today()] {
        let as_of = common::date(day);
        let full = lexgap::eval::evaluate(&cat, as_of, &[]).unwrap();
        let light = lexgap::eval::evaluate_plans(&cat, as_of);
        assert_eq!(full.countries.len(), light.countries.len());
        for (iso, f) in &full.countries {
            let l = &light.countries[iso];
            assert!(l.obligations.is_empty());
            let st = |v: &[lexgap::eval::InstrumentEval]| {
                v.iter()
                    .map(|i| (i.id.clone(), i.status, i.strength, i.reasons.fact.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(st(&f.instruments), st(&l.instruments), "{iso} on {day}");
            for (pid, acts) in &f.actions {
                let a: Vec<_> = acts.iter().map(|a| (&a.id, a.status, a.strength)).collect();
                let b: Vec<_> = light.countries[iso].actions[pid]
                    .iter()
                    .map(|a| (&a.id, a.status, a.strength))
                    .collect();
                assert_eq!(a, b, "{iso} {pid} on {day}");
                assert!(acts.iter().all(|a| a.reasons.is_some()));
            }
        }
        for (pid, p) in &full.plans {
            let a: Vec<_> = p
                .targets
                .iter()
                .map(|t| (&t.id, t.now.status, t.now.count))
                .collect();
            let b: Vec<_> = light.plans[pid]
                .targets
                .iter()
                .map(|t| (&t.id, t.now.status, t.now.count))
                .collect();
            assert_eq!(a, b, "{pid} on {day}");
        }
    }
}
