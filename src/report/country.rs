//! Country gap report: where one state stands, obligation by obligation, with every finding sourced.

use super::{Sources, Stamp, StatusCounts};
use crate::catalogue::Catalogue;
use crate::eval::{self, CountryEval, Reason, Standing, Status, Step};
use crate::graph::ObligationGraph;
use crate::model::{Date, Plan, ReservationKind};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct CountryReport {
    pub stamp: Stamp,
    pub country: CountryHead,
    pub plan: Option<PlanHead>,
    pub instrument_counts: StatusCounts,
    pub obligation_counts: StatusCounts,
    pub action_counts: StatusCounts,
    pub scorecard: Vec<AreaScore>,
    pub instruments: Vec<InstrumentRow>,
    pub obligations: Vec<ObligationRow>,
    pub actions: Vec<ActionRow>,
    pub roadmap: Vec<Step>,
    pub evidence_needed: Vec<EvidenceItem>,
    pub sources: Vec<super::Footnote>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CountryHead {
    pub iso3: String,
    pub name: String,
    pub memberships: Vec<String>,
    pub conferences: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanHead {
    pub id: String,
    pub name: String,
    pub deadline: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AreaScore {
    pub id: String,
    pub title: String,
    pub counts: StatusCounts,
}

#[derive(Debug, Clone, Serialize)]
pub struct InstrumentRow {
    pub id: String,
    pub name: String,
    pub status: Status,
    pub standing: String,
    pub action: String,
    pub date: String,
    pub signature: String,
    pub reservations: Vec<String>,
    pub why: String,
    pub notes: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ObligationRow {
    pub id: String,
    pub title: String,
    pub instrument: String,
    pub articles: String,
    pub status: Status,
    pub via: String,
    pub evidence: Vec<String>,
    pub notes: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionRow {
    pub id: String,
    pub area: String,
    pub summary: String,
    pub reference: String,
    pub recommendations: String,
    pub status: Status,
    pub why: Vec<String>,
    pub notes: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvidenceItem {
    pub item: String,
    pub question: String,
}

/// Leaf facts of a reason tree, as short lines for a report cell.
fn facts(r: &Reason, out: &mut Vec<String>, depth: usize) {
    if r.children.is_empty() || depth > 6 {
        if !out.contains(&r.text) {
            out.push(r.text.clone());
        }
        return;
    }
    for c in &r.children {
        facts(c, out, depth + 1);
    }
}

pub fn build(
    cat: &Catalogue,
    graph: &ObligationGraph,
    e: &CountryEval,
    plan: Option<&Plan>,
    as_of: Date,
    fresh: super::Freshness,
) -> CountryReport {
    let mut src = Sources::new(fresh);
    let c = cat.countries.get(&e.iso3);
    let country = CountryHead {
        iso3: e.iso3.clone(),
        name: e.name.clone(),
        memberships: c
            .map(|c| c.memberships.iter().map(|m| m.body.clone()).collect())
            .unwrap_or_default(),
        conferences: c
            .map(|c| {
                c.conferences
                    .iter()
                    .map(|x| {
                        format!(
                            "{} ({})",
                            cat.plans
                                .get(&x.plan)
                                .map(|p| p.name().to_string())
                                .unwrap_or(x.plan.clone()),
                            serde_json::to_value(x.role)
                                .ok()
                                .and_then(|v| v.as_str().map(str::to_string))
                                .unwrap_or_default()
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
    };
    let instruments: Vec<InstrumentRow> = e
        .instruments
        .iter()
        .map(|i| {
            let p = c.and_then(|c| c.participation_in(&i.id));
            let (action, date) = match i.standing {
                Standing::Party { action, .. } => (
                    action.map(|a| a.as_str().to_string()).unwrap_or_default(),
                    i.standing.joined().unwrap_or_default(),
                ),
                Standing::Withdrawn { on } => ("withdrawal".into(), on.to_string()),
                _ => (String::new(), String::new()),
            };
            let reservations = p
                .map(|p| {
                    p.reservations
                        .iter()
                        .filter(|r| r.made.is_none_or(|m| m <= as_of))
                        .map(|r| {
                            let kind = match r.kind {
                                ReservationKind::Reservation => "reservation",
                                ReservationKind::Declaration => "declaration",
                                ReservationKind::GeographicLimitation => "geographic limitation",
                            };
                            let w = r
                                .withdrawn
                                .filter(|w| *w <= as_of)
                                .map(|w| format!(" (withdrawn {w})"))
                                .unwrap_or_default();
                            format!("{kind}, art. {}{w}: {}", r.articles.join(", "), r.summary)
                        })
                        .collect()
                })
                .unwrap_or_default();
            InstrumentRow {
                id: i.id.clone(),
                name: cat.instrument_name(&i.id).to_string(),
                status: i.status,
                standing: i
                    .standing
                    .as_status()
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_else(|| "unknown".into()),
                action,
                date,
                signature: p
                    .and_then(|p| p.signature)
                    .filter(|s| *s <= as_of)
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                reservations,
                why: i.reasons.text.clone(),
                notes: src.cite_reason(&i.reasons),
            }
        })
        .collect();
    let obligations: Vec<ObligationRow> = e
        .obligations
        .iter()
        .filter(|o| o.bound || o.excluded_by_reservation || o.status == Status::Unknown)
        .filter_map(|o| {
            let ob = cat.obligation(&o.id)?;
            let mut ev = Vec::new();
            for ch in o.reasons.children.iter().skip(if o.bound { 1 } else { 0 }) {
                facts(ch, &mut ev, 0);
            }
            Some(ObligationRow {
                id: o.id.clone(),
                title: ob.label().to_string(),
                instrument: cat.instrument_name(&o.instrument).to_string(),
                articles: ob.articles.join(", "),
                status: o.status,
                via: o
                    .via
                    .as_ref()
                    .map(|v| cat.instrument_name(v).to_string())
                    .unwrap_or_default(),
                evidence: ev,
                notes: src.cite_reason(&o.reasons),
            })
        })
        .collect();
    let mut actions = Vec::new();
    let mut scorecard = Vec::new();
    let plans: Vec<&Plan> = match plan {
        Some(p) => vec![p],
        None => cat
            .plans
            .values()
            .filter(|p| p.participants.contains(&e.iso3))
            .collect(),
    };
    for p in &plans {
        let evals = e.actions.get(&p.id).cloned().unwrap_or_default();
        for area in &p.areas {
            let mut statuses = Vec::new();
            for a in &area.actions {
                let Some(x) = evals.iter().find(|x| x.id == a.id) else {
                    continue;
                };
                statuses.push(x.status);
                let mut why = Vec::new();
                for ch in &x.reasons.children {
                    facts(ch, &mut why, 0);
                }
                if x.status == Status::NotAssessed {
                    why = vec![a.not_assessed.clone().unwrap_or_default()];
                }
                actions.push(ActionRow {
                    id: a.id.clone(),
                    area: area.title.clone(),
                    summary: a.summary.clone(),
                    reference: a.reference.clone(),
                    recommendations: a.recommendations.join("; "),
                    status: x.status,
                    why,
                    notes: src.cite_reason(&x.reasons),
                });
            }
            scorecard.push(AreaScore {
                id: area.id.clone(),
                title: format!("{} — {}", p.name(), area.title),
                counts: StatusCounts::of(statuses),
            });
        }
    }
    let roadmap = eval::roadmap(cat, graph, e, plan);
    let mut evidence_needed = Vec::new();
    for i in e.instruments.iter().filter(|i| i.status == Status::Unknown) {
        evidence_needed.push(EvidenceItem {
            item: i.id.clone(),
            question: format!(
                "Is {} party to {}? Check the depositary's status list and record the dates.",
                e.name,
                cat.instrument_name(&i.id)
            ),
        });
    }
    for o in e
        .obligations
        .iter()
        .filter(|o| o.bound && o.status == Status::Unknown)
    {
        let req = cat
            .obligation(&o.id)
            .map(|x| x.requires.join(", "))
            .unwrap_or_default();
        evidence_needed.push(EvidenceItem {
            item: o.id.clone(),
            question: format!(
                "Which law or measure gives effect to {}?{}",
                o.id,
                if req.is_empty() {
                    String::new()
                } else {
                    format!(" Look for: {req}.")
                }
            ),
        });
    }
    for a in actions.iter().filter(|a| a.status == Status::Unknown) {
        evidence_needed.push(EvidenceItem {
            item: a.id.clone(),
            question: format!(
                "Find a dated source showing whether this is done: {}",
                a.summary
            ),
        });
    }
    CountryReport {
        stamp: Stamp::new(as_of),
        country,
        plan: plan.map(|p| PlanHead {
            id: p.id.clone(),
            name: p.name().to_string(),
            deadline: p.deadline.to_string(),
        }),
        instrument_counts: StatusCounts::of(instruments.iter().map(|i| i.status)),
        obligation_counts: StatusCounts::of(obligations.iter().map(|o| o.status)),
        action_counts: StatusCounts::of(actions.iter().map(|a| a.status)),
        scorecard,
        instruments,
        obligations,
        actions,
        roadmap,
        evidence_needed,
        sources: src.notes,
    }
}
