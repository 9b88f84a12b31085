//! The findings table: one row per state and evaluated item — every treaty, every binding obligation,
//! every plan action of the plan's participants, every target — with its status and the strength of
//! the evidence behind it. The tidy long table users load into a spreadsheet, R or pandas.

use crate::catalogue::Catalogue;
use crate::eval::{CountryEval, Evaluation, Status, Strength};
use crate::model::Date;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    Treaty,
    Obligation,
    Action,
    Target,
}

/// One finding. The first six columns are a contract: `iso3,item,kind,status,strength,as_of`.
#[derive(Debug, Clone, Serialize)]
pub struct FindingRow {
    /// Empty for a target, which is judged over the plan's participants.
    pub iso3: String,
    pub item: String,
    pub kind: ItemKind,
    pub status: Status,
    pub strength: Strength,
    pub as_of: String,
    /// The plan, for actions and targets.
    pub plan: Option<String>,
    /// For treaties: the date the participation record's source is current to.
    pub current_to: Option<String>,
}

/// Which findings to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter<'a> {
    pub plan: Option<&'a str>,
    pub country: Option<&'a str>,
}

/// Every finding of `ev`, in a stable order: states by code, then treaties, obligations, actions;
/// targets last.
pub fn findings(cat: &Catalogue, ev: &Evaluation, f: Filter) -> Vec<FindingRow> {
    let mut rows = Vec::new();
    for ce in ev
        .countries
        .values()
        .filter(|ce| f.country.is_none_or(|c| c == ce.iso3) && in_plan(cat, f, &ce.iso3))
    {
        rows.extend(country_findings(cat, ce, ev.as_of, f));
    }
    if f.country.is_none() {
        rows.extend(target_findings(ev, f));
    }
    rows
}

/// Whether the filter's plan, if any, counts the state among its participants.
fn in_plan(cat: &Catalogue, f: Filter, iso: &str) -> bool {
    f.plan
        .and_then(|p| cat.plans.get(p))
        .is_none_or(|p| p.participants.iter().any(|x| x == iso))
}

/// One state's findings: its treaties, binding obligations and the actions of the plans it took part
/// in. Callers that evaluate one state at a time (the site) build the table from these.
pub fn country_findings(
    cat: &Catalogue,
    ce: &CountryEval,
    as_of: Date,
    f: Filter,
) -> Vec<FindingRow> {
    let as_of = as_of.to_string();
    let iso = &ce.iso3;
    let mut rows = Vec::new();
    let row = |item: &str, kind, status, strength, plan: Option<&str>| FindingRow {
        iso3: iso.clone(),
        item: item.to_string(),
        kind,
        status,
        strength,
        as_of: as_of.clone(),
        plan: plan.map(str::to_string),
        current_to: None,
    };
    for i in &ce.instruments {
        let mut r = row(&i.id, ItemKind::Treaty, i.status, i.strength, None);
        r.current_to = i.current_to.map(|d| d.to_string());
        rows.push(r);
    }
    for o in ce.obligations.iter().filter(|o| o.bound) {
        rows.push(row(&o.id, ItemKind::Obligation, o.status, o.strength, None));
    }
    for (pid, actions) in &ce.actions {
        let Some(p) = cat.plans.get(pid) else {
            continue;
        };
        // Plan items only for the states that took part in the plan.
        if f.plan.is_some_and(|x| x != pid) || !p.participants.contains(iso) {
            continue;
        }
        for a in actions {
            rows.push(row(
                &a.id,
                ItemKind::Action,
                a.status,
                a.strength,
                Some(pid),
            ));
        }
    }
    rows
}

/// Every plan target of `ev` (only the filter's plan, if it names one).
pub fn target_findings(ev: &Evaluation, f: Filter) -> Vec<FindingRow> {
    let as_of = ev.as_of.to_string();
    let mut rows = Vec::new();
    for (pid, pe) in ev
        .plans
        .iter()
        .filter(|(pid, _)| f.plan.is_none_or(|p| p == pid.as_str()))
    {
        for t in &pe.targets {
            rows.push(FindingRow {
                iso3: String::new(),
                item: t.id.clone(),
                kind: ItemKind::Target,
                status: t.now.status,
                strength: t.now.strength,
                as_of: as_of.clone(),
                plan: Some(pid.clone()),
                current_to: None,
            });
        }
    }
    rows
}

/// Of the binding obligations found met or partial on `as_of`, how many rest on a provision read in a
/// law's text. Each state's obligations are evaluated and counted in turn, so memory does not grow with
/// the number of states.
pub fn provision_share(cat: &Catalogue, as_of: Date) -> (usize, usize) {
    let mut on_provision = 0;
    let mut met = 0;
    for iso in cat.countries.keys() {
        for o in crate::eval::evaluate_obligations(cat, iso, as_of)
            .iter()
            .filter(|o| o.bound && matches!(o.status, Status::Met | Status::Partial))
        {
            met += 1;
            if o.strength == Strength::Provision {
                on_provision += 1;
            }
        }
    }
    (on_provision, met)
}
