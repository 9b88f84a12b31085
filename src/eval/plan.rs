//! Plan actions per state, and targets: country thresholds counted over the participants, regional
//! targets read from their dated evidence. Each target is read at its due date and at the evaluation date.

use super::criteria;
use super::status::{Cite, Reason, Status};
use crate::catalogue::Catalogue;
use crate::model::{Country, Date, Plan, Target};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct ActionEval {
    pub id: String,
    pub status: Status,
    pub reasons: Reason,
}

pub fn actions(cat: &Catalogue, plan: &Plan, c: &Country, date: Date) -> Vec<ActionEval> {
    plan.actions()
        .map(|(_, a)| match &a.criterion {
            Some(cr) => {
                let (status, r) = criteria::evaluate(cat, plan, c, cr, date);
                ActionEval {
                    id: a.id.clone(),
                    status,
                    reasons: Reason::new(format!("{}: {}", a.id, a.summary))
                        .with_status(status)
                        .child(r),
                }
            }
            None => ActionEval {
                id: a.id.clone(),
                status: Status::NotAssessed,
                reasons: Reason::new(format!(
                    "{}: not assessed — {}",
                    a.id,
                    a.not_assessed
                        .as_deref()
                        .unwrap_or("country facts cannot judge this item")
                ))
                .with_status(Status::NotAssessed),
            },
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetKind {
    Threshold,
    Regional,
    NotAssessed,
}

/// A target read on one day.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    pub date: Date,
    pub status: Status,
    /// States (or evidence records) that meet it.
    pub count: usize,
    /// Participants counted over (0 for regional targets).
    pub of: usize,
    pub needed: usize,
    pub met: Vec<String>,
    pub partial: Vec<String>,
    pub gap: Vec<String>,
    pub blocked: Vec<String>,
    pub unknown: Vec<String>,
    /// Regional targets: the evidence dated on or before `date`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Reason>,
}

impl Progress {
    /// `k of n (threshold m)`.
    pub fn summary(&self) -> String {
        if self.status == Status::NotAssessed {
            return "not assessed from country facts".to_string();
        }
        match self.of {
            0 => format!("{} of {} evidence records", self.count, self.needed),
            n => format!("{} of {} (threshold {})", self.count, n, self.needed),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetEval {
    pub id: String,
    pub area: String,
    pub kind: TargetKind,
    pub due: Date,
    pub at_due: Progress,
    pub now: Progress,
    /// Per participant on the evaluation date, for explanations.
    #[serde(skip)]
    pub per_country: Vec<(String, Status, Reason)>,
}

fn progress(
    cat: &Catalogue,
    plan: &Plan,
    t: &Target,
    date: Date,
) -> (Progress, Vec<(String, Status, Reason)>) {
    let mut p = Progress {
        date,
        status: Status::Unknown,
        count: 0,
        of: 0,
        needed: 0,
        met: vec![],
        partial: vec![],
        gap: vec![],
        blocked: vec![],
        unknown: vec![],
        evidence: vec![],
    };
    let mut per = Vec::new();
    if let Some(reg) = &t.regional {
        let file = cat.file_of(&format!("plan:{}", plan.id));
        for (i, e) in reg.evidence.iter().enumerate() {
            if e.date <= date {
                p.evidence
                    .push(
                        Reason::new(format!("{}: {}", e.date, e.summary)).cite(Some(Cite::new(
                            &e.source,
                            file,
                            format!("{}/regional/evidence/{i}", target_pointer(plan, &t.id)),
                        ))),
                    );
            }
        }
        p.count = p.evidence.len();
        p.needed = reg.needed as usize;
        // No evidence is not evidence of absence: the target stays unknown until a record shows it.
        p.status = if p.count >= p.needed {
            Status::Met
        } else if p.count > 0 {
            Status::Partial
        } else {
            Status::Unknown
        };
        return (p, per);
    }
    let (Some(th), Some(cr)) = (t.threshold, &t.criterion) else {
        p.status = Status::NotAssessed;
        return (p, per);
    };
    p.of = plan.participants.len();
    p.needed = th.needed(p.of);
    for iso in &plan.participants {
        let Some(c) = cat.countries.get(iso) else {
            continue;
        };
        let (s, r) = criteria::evaluate(cat, plan, c, cr, date);
        match s {
            Status::Met => p.met.push(iso.clone()),
            Status::Partial => p.partial.push(iso.clone()),
            Status::Gap => p.gap.push(iso.clone()),
            Status::Blocked => p.blocked.push(iso.clone()),
            _ => p.unknown.push(iso.clone()),
        }
        per.push((iso.clone(), s, r));
    }
    p.count = p.met.len();
    p.status = if p.count >= p.needed {
        Status::Met
    } else if p.count + p.unknown.len() >= p.needed {
        // Enough states are unknown that the target could still be met on the facts.
        Status::Unknown
    } else if p.count > 0 || !p.partial.is_empty() {
        Status::Partial
    } else {
        Status::Gap
    };
    (p, per)
}

/// The JSON pointer of a target within its plan file.
pub fn target_pointer(plan: &Plan, id: &str) -> String {
    for (ai, a) in plan.areas.iter().enumerate() {
        if let Some(ti) = a.targets.iter().position(|t| t.id == id) {
            return format!("/areas/{ai}/targets/{ti}");
        }
    }
    String::new()
}

pub fn targets(cat: &Catalogue, plan: &Plan, date: Date) -> Vec<TargetEval> {
    plan.targets()
        .map(|(area, t)| {
            let kind = if t.regional.is_some() {
                TargetKind::Regional
            } else if t.criterion.is_some() && t.threshold.is_some() {
                TargetKind::Threshold
            } else {
                TargetKind::NotAssessed
            };
            let (at_due, _) = progress(cat, plan, t, t.due);
            let (now, per_country) = progress(cat, plan, t, date);
            TargetEval {
                id: t.id.clone(),
                area: area.id.clone(),
                kind,
                due: t.due,
                at_due,
                now,
                per_country,
            }
        })
        .collect()
}
