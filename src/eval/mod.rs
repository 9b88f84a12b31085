//! Evaluation: a pure function of (catalogue, date, hypotheses). Every command that reports a status is
//! a view over the [`Evaluation`] this module computes.

mod country;
pub mod criteria;
pub mod diff;
pub mod fact;
pub mod facts;
mod plan;
mod roadmap;
pub mod rules;
mod status;

pub use country::{InstrumentEval, ObligationEval, ReservationState};
pub use diff::{diff, Change};
pub use fact::{Effect, Fact, NotCounting, Test};
pub use facts::Standing;
pub use plan::{ActionEval, Progress, TargetEval, TargetKind};
pub use roadmap::{roadmap, Step, StepKind};
pub use status::{Cite, Reason, Status, Strength};

use crate::catalogue::Catalogue;
use crate::model::{
    Basis, Date, Extent, Implementation, JoinAction, Law, PartialDate, Participation,
    ParticipationStatus, Source,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// How much of the reasons an evaluation keeps for plan actions and targets: every tree (reports that
/// show why, `explain`), or the statuses alone (comparisons with another date, trackers, treaty
/// pages), which is most of the memory of a large evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    Reasons,
    Statuses,
}

/// A hypothetical fact for what-if runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Hypothesis {
    /// The state becomes party to the instrument on the evaluation date.
    Ratify { country: String, instrument: String },
    /// A law fully implementing an obligation or measure kind enters into force on the evaluation date.
    Enact { country: String, target: String },
}

#[derive(Debug, Clone, Serialize)]
pub struct CountryEval {
    pub iso3: String,
    pub name: String,
    pub instruments: Vec<InstrumentEval>,
    pub obligations: Vec<ObligationEval>,
    /// Plan id → every action's status for this state.
    pub actions: BTreeMap<String, Vec<ActionEval>>,
}

impl CountryEval {
    pub fn instrument(&self, id: &str) -> Option<&InstrumentEval> {
        self.instruments.iter().find(|i| i.id == id)
    }

    pub fn obligation(&self, id: &str) -> Option<&ObligationEval> {
        self.obligations.iter().find(|o| o.id == id)
    }

    pub fn action(&self, id: &str) -> Option<&ActionEval> {
        self.actions
            .values()
            .flat_map(|v| v.iter())
            .find(|a| a.id == id)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanEval {
    pub id: String,
    pub targets: Vec<TargetEval>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub as_of: Date,
    pub hypotheses: Vec<Hypothesis>,
    pub countries: BTreeMap<String, CountryEval>,
    pub plans: BTreeMap<String, PlanEval>,
}

/// A hypothesis that refers to nothing in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HypothesisError {
    #[error("`{0}` is not a treaty of the catalogue")]
    NotATreaty(String),
    #[error("no country `{0}`")]
    NoCountry(String),
    #[error("`{0}` is neither an obligation nor a measure kind")]
    UnknownTarget(String),
}

/// Adds hypothetical facts to a copy of the catalogue. Errors name a hypothesis that refers to nothing.
pub fn apply(
    cat: &Catalogue,
    as_of: Date,
    hypotheses: &[Hypothesis],
) -> Result<Catalogue, HypothesisError> {
    let mut out = cat.clone();
    let src = Source {
        title: "hypothesis (what-if run)".into(),
        url: None,
        locator: None,
        accessed: as_of,
        verified: None,
        current_to: Some(PartialDate::Day(as_of)),
        copy: None,
        note: None,
    };
    for h in hypotheses {
        match h {
            Hypothesis::Ratify {
                country,
                instrument,
            } => {
                match cat.instruments.get(instrument) {
                    Some(i) if i.kind.is_binding() => {}
                    _ => return Err(HypothesisError::NotATreaty(instrument.clone())),
                }
                let c = out
                    .countries
                    .get_mut(country)
                    .ok_or_else(|| HypothesisError::NoCountry(country.clone()))?;
                c.participation.retain(|p| p.instrument != *instrument);
                c.participation.push(Participation {
                    instrument: instrument.clone(),
                    status: ParticipationStatus::Party,
                    action: Some(JoinAction::Ratification),
                    signature: None,
                    deposit: Some(as_of),
                    deposit_period: None,
                    withdrawal: None,
                    reservations: vec![],
                    note: Some("hypothetical".into()),
                    source: Some(src.clone()),
                });
            }
            Hypothesis::Enact { country, target } => {
                if cat.obligation(target).is_none() && !cat.is_measure_kind(target) {
                    return Err(HypothesisError::UnknownTarget(target.clone()));
                }
                let c = out
                    .countries
                    .get_mut(country)
                    .ok_or_else(|| HypothesisError::NoCountry(country.clone()))?;
                let n = c.legislation.len();
                c.legislation.push(Law {
                    id: format!("hypothesis-{n}"),
                    title: target.clone(),
                    citation: None,
                    enacted: Some(as_of),
                    enacted_period: None,
                    in_force: Some(as_of),
                    repealed: None,
                    // A hypothetical provision is taken as read: the run asks what it would change.
                    implements: vec![Implementation {
                        target: target.clone(),
                        extent: Extent::Full,
                        provision: Some("hypothetical provision".into()),
                        note: "what-if hypothesis".into(),
                        basis: Some(Basis::Text),
                        source: None,
                    }],
                    source: Some(src.clone()),
                });
            }
        }
    }
    out.reindex();
    Ok(out)
}

/// Evaluates one state on `as_of`.
pub fn evaluate_country(cat: &Catalogue, iso3: &str, as_of: Date) -> Option<CountryEval> {
    let c = cat.countries.get(iso3)?;
    Some(CountryEval {
        iso3: c.iso3.clone(),
        name: c.name.clone(),
        instruments: country::instruments(cat, c, as_of),
        obligations: country::obligations(cat, c, as_of),
        actions: cat
            .plans
            .values()
            .map(|p| {
                (
                    p.id.clone(),
                    plan::actions(cat, p, c, as_of, Detail::Reasons),
                )
            })
            .collect(),
    })
}

/// One state's obligations on `as_of` (empty when the state is not in the catalogue).
pub fn evaluate_obligations(cat: &Catalogue, iso3: &str, as_of: Date) -> Vec<ObligationEval> {
    cat.countries
        .get(iso3)
        .map(|c| country::obligations(cat, c, as_of))
        .unwrap_or_default()
}

/// Evaluates every state's treaties and plan actions and every plan's targets on `as_of`, leaving
/// obligations out: what comparisons with a conference day or a deadline, trackers, treaty pages and
/// briefs read, at a fraction of the cost. It keeps statuses, standings and each treaty's participation
/// source; each treaty's reasons keep only their head (the standing), and actions and targets none —
/// a state's own report and `explain` evaluate that state in full.
pub fn evaluate_plans(cat: &Catalogue, as_of: Date) -> Evaluation {
    // Trimmed state by state, so the full trees never pile up.
    let heads = |mut v: Vec<InstrumentEval>| {
        for i in &mut v {
            i.reasons.children = Vec::new();
            i.reasons.source = None;
        }
        v
    };
    Evaluation {
        as_of,
        hypotheses: Vec::new(),
        countries: cat
            .countries
            .values()
            .map(|c| {
                (
                    c.iso3.clone(),
                    CountryEval {
                        iso3: c.iso3.clone(),
                        name: c.name.clone(),
                        instruments: heads(country::instruments(cat, c, as_of)),
                        obligations: Vec::new(),
                        actions: cat
                            .plans
                            .values()
                            .map(|p| {
                                (
                                    p.id.clone(),
                                    plan::actions(cat, p, c, as_of, Detail::Statuses),
                                )
                            })
                            .collect(),
                    },
                )
            })
            .collect(),
        plans: plan_evals(cat, as_of, Detail::Statuses),
    }
}

/// Every plan's targets on `as_of`.
fn plan_evals(cat: &Catalogue, as_of: Date, detail: Detail) -> BTreeMap<String, PlanEval> {
    cat.plans
        .values()
        .map(|p| {
            (
                p.id.clone(),
                PlanEval {
                    id: p.id.clone(),
                    targets: plan::targets(cat, p, as_of, detail),
                },
            )
        })
        .collect()
}

/// Evaluates a plan's targets at their due dates and on `as_of`.
pub fn evaluate_plan(cat: &Catalogue, plan_id: &str, as_of: Date) -> Option<PlanEval> {
    let p = cat.plans.get(plan_id)?;
    Some(PlanEval {
        id: p.id.clone(),
        targets: plan::targets(cat, p, as_of, Detail::Reasons),
    })
}

/// Evaluates everything: every state and every plan, with hypothetical facts added first.
pub fn evaluate(
    cat: &Catalogue,
    as_of: Date,
    hypotheses: &[Hypothesis],
) -> Result<Evaluation, HypothesisError> {
    let owned;
    let cat = if hypotheses.is_empty() {
        cat
    } else {
        owned = apply(cat, as_of, hypotheses)?;
        &owned
    };
    Ok(Evaluation {
        as_of,
        hypotheses: hypotheses.to_vec(),
        countries: cat
            .countries
            .keys()
            .filter_map(|k| evaluate_country(cat, k, as_of).map(|e| (k.clone(), e)))
            .collect(),
        // Per-state reasons for targets are read only by `explain`, which evaluates them itself.
        plans: plan_evals(cat, as_of, Detail::Statuses),
    })
}

/// The reasons for one item of one state: an instrument, obligation, action or target id. `None` when
/// the id names no such item (or the state is not in the catalogue).
pub fn explain(cat: &Catalogue, iso3: &str, item: &str, as_of: Date) -> Option<(Status, Reason)> {
    let c = cat.countries.get(iso3)?;
    if let Some(i) = cat.instruments.get(item).filter(|i| i.kind.is_binding()) {
        let e = country::instruments(cat, c, as_of)
            .into_iter()
            .find(|x| x.id == i.id)?;
        return Some((e.status, e.reasons));
    }
    if cat.obligation(item).is_some() {
        let e = country::obligations(cat, c, as_of)
            .into_iter()
            .find(|x| x.id == item)?;
        return Some((e.status, e.reasons));
    }
    for p in cat.plans.values() {
        if p.action(item).is_some() {
            let e = plan::actions(cat, p, c, as_of, Detail::Reasons)
                .into_iter()
                .find(|x| x.id == item)?;
            return Some((e.status, *e.reasons?));
        }
        if p.targets().any(|(_, t)| t.id == item) {
            let t = plan::targets(cat, p, as_of, Detail::Reasons)
                .into_iter()
                .find(|t| t.id == item)?;
            let mut r = Reason::new(Fact::Target {
                target: t.id.clone(),
                date: as_of,
                status: t.now.status,
                count: t.now.count,
                of: t.now.of,
                needed: t.now.needed,
            })
            .with_status(t.now.status)
            .with_strength(t.now.strength);
            if let Some((_, s, cr)) = t.per_country.iter().find(|(iso, _, _)| iso == iso3) {
                r = r.child(
                    Reason::new(Fact::CountsAs {
                        iso3: iso3.to_string(),
                        status: *s,
                    })
                    .with_status(*s)
                    .children(cr.clone()),
                );
            }
            r = r.children(t.now.evidence.clone());
            return Some((t.now.status, r));
        }
    }
    None
}
