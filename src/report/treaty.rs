//! Treaty pages, organised as the UN Treaty Collection is: for one treaty, every state of the tree with
//! its standing, dates, reservations and how current the record is; and an index of all treaties.

use super::map::{self, Focus, MapView};
use super::words::Words;
use super::{Sources, Stamp, StatusCounts};
use crate::catalogue::Catalogue;
use crate::eval::{Evaluation, Status};
use crate::model::Instrument;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct TreatyPage {
    pub stamp: Stamp,
    pub id: String,
    pub name: String,
    pub title: String,
    pub adopted: String,
    pub entry_into_force: String,
    pub depositary: String,
    pub untc_ref: String,
    pub scope: String,
    pub text_url: Option<String>,
    pub relations: Vec<String>,
    pub counts: StatusCounts,
    pub parties: usize,
    pub rows: Vec<TreatyRow>,
    pub map: Option<MapView>,
    pub sources: Vec<super::Footnote>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TreatyRow {
    pub iso3: String,
    pub name: String,
    pub status: Status,
    /// The standing in words, and as its code (`party`, `signatory` …).
    pub standing: String,
    pub standing_code: String,
    pub action: String,
    pub joined: String,
    pub signed: String,
    pub reservations: Vec<String>,
    pub current_to: String,
    pub stale: bool,
    pub notes: Vec<usize>,
}

/// The page of one treaty on the evaluation date.
pub fn build(
    cat: &Catalogue,
    inst: &Instrument,
    ev: &Evaluation,
    fresh: super::Freshness,
    lang: crate::model::Lang,
) -> TreatyPage {
    let fresh = fresh.at(ev.as_of);
    let mut src = Sources::new(fresh);
    let words = Words::in_lang(cat, None, lang);
    let m = words.messages();
    let mut rows = Vec::new();
    let mut focus = Vec::new();
    for (iso, ce) in &ev.countries {
        let Some(ie) = ce.instrument(&inst.id) else {
            continue;
        };
        let standing = words.standing_row(ie.standing);
        focus.push(Focus {
            iso3: iso.clone(),
            status: ie.status,
            title: format!(
                "{}: {}",
                ce.name,
                words.standing(ie.standing, &inst.short_name)
            ),
            href: Some(format!("../countries/{iso}.html#inst-{}", inst.id)),
        });
        rows.push(TreatyRow {
            iso3: iso.clone(),
            name: ce.name.clone(),
            status: ie.status,
            standing: standing.word,
            standing_code: standing.code.to_string(),
            action: standing.action,
            joined: standing.date,
            signed: ie.signature.map(|d| d.to_string()).unwrap_or_default(),
            reservations: ie
                .reservations
                .iter()
                .map(|r| words.reservation_line(r))
                .collect(),
            current_to: ie.current_to.map(|d| d.to_string()).unwrap_or_default(),
            stale: ie
                .source
                .as_ref()
                .is_none_or(|s| s.is_stale(fresh.today, fresh.stale_years)),
            notes: ie
                .source
                .as_ref()
                .map(|c| vec![src.cite(c)])
                .unwrap_or_default(),
        });
    }
    let relations = inst
        .relations
        .iter()
        .map(|r| {
            m.f(
                &format!("relation.{}", r.kind.as_str()),
                &[("treaty", &words.inst_name(&r.target)), ("basis", &r.basis)],
            )
        })
        .collect();
    TreatyPage {
        stamp: Stamp::new(ev.as_of),
        id: inst.id.clone(),
        name: words.inst_name(&inst.id),
        title: cat
            .text(lang, &format!("instrument:{}:title", inst.id), &inst.title)
            .to_string(),
        adopted: inst.adoption(),
        entry_into_force: inst
            .entry_into_force
            .map(|d| d.to_string())
            .unwrap_or_default(),
        depositary: inst.depositary.clone().unwrap_or_default(),
        untc_ref: inst.untc_ref.clone().unwrap_or_default(),
        scope: inst.scope.clone(),
        text_url: inst.text_url.clone(),
        relations,
        counts: StatusCounts::of(rows.iter().map(|r| r.status)),
        parties: rows.iter().filter(|r| r.standing_code == "party").count(),
        map: map::map(&focus),
        rows,
        sources: src.notes,
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct TreatyIndex {
    pub stamp: Stamp,
    pub states: usize,
    pub treaties: Vec<TreatyLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TreatyLine {
    pub id: String,
    pub name: String,
    pub title: String,
    pub scope: String,
    pub parties: usize,
    pub signatories: usize,
    pub unknown: usize,
}

/// Every binding treaty of the catalogue with how many of the tree's states are party to it.
pub fn index(pages: &[TreatyPage], ev: &Evaluation) -> TreatyIndex {
    TreatyIndex {
        stamp: Stamp::new(ev.as_of),
        states: ev.countries.len(),
        treaties: pages
            .iter()
            .map(|p| TreatyLine {
                id: p.id.clone(),
                name: p.name.clone(),
                title: p.title.clone(),
                scope: p.scope.clone(),
                parties: p.parties,
                signatories: p
                    .rows
                    .iter()
                    .filter(|r| r.standing_code == "signatory")
                    .count(),
                unknown: p
                    .rows
                    .iter()
                    .filter(|r| r.standing_code == "unknown")
                    .count(),
            })
            .collect(),
    }
}
