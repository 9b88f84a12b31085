//! Plan actions per state, and targets: country thresholds counted over the participants, regional
//! targets read from their dated evidence. Each target is read at its due date and at the evaluation
//! date — the due-date reading only once the evaluation date has reached it, since facts dated after
//! the evaluation date do not exist yet.

use super::criteria::Evaluator;
use super::fact::Fact;
use super::status::{Cite, Reason, Status, Strength};
use super::Detail;
use crate::catalogue::Catalogue;
use crate::model::{Country, Date, Plan, Regional, Target};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct ActionEval {
    pub id: String,
    pub status: Status,
    pub strength: Strength,
    /// Why: kept by evaluations made with [`Detail::Reasons`].
    /// Boxed, so an evaluation that keeps none holds a pointer's width per action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reasons: Option<Box<Reason>>,
}

pub fn actions(
    cat: &Catalogue,
    plan: &Plan,
    c: &Country,
    date: Date,
    detail: Detail,
) -> Vec<ActionEval> {
    let mut ev = Evaluator::new(cat, plan, c, date);
    let keep = |r: Reason| (detail == Detail::Reasons).then(|| Box::new(r));
    plan.actions()
        .map(|(_, a)| match &a.criterion {
            Some(cr) => {
                let (status, strength, r) = ev.evaluate(cr);
                ActionEval {
                    id: a.id.clone(),
                    status,
                    strength,
                    reasons: keep(
                        Reason::new(Fact::Action {
                            action: a.id.clone(),
                        })
                        .with_status(status)
                        .with_strength(strength)
                        .child(r),
                    ),
                }
            }
            None => ActionEval {
                id: a.id.clone(),
                status: Status::NotAssessed,
                strength: Strength::None,
                reasons: keep(
                    Reason::new(Fact::NotAssessed {
                        action: a.id.clone(),
                        why: a.not_assessed.clone(),
                    })
                    .with_status(Status::NotAssessed),
                ),
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
    pub strength: Strength,
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
    /// Regional targets: the evidence dated on or before `date`, and searches that found nothing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Reason>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetEval {
    pub id: String,
    pub area: String,
    pub kind: TargetKind,
    pub due: Date,
    /// The reading at the due date; `None` while the evaluation date is before it (not yet due).
    pub at_due: Option<Progress>,
    pub now: Progress,
    /// Per participant on the evaluation date, with the reasons for explanations when the evaluation
    /// keeps them ([`Detail::Reasons`]).
    #[serde(skip)]
    pub per_country: Vec<(String, Status, Option<Reason>)>,
}

fn empty(date: Date, status: Status) -> Progress {
    Progress {
        date,
        status,
        strength: Strength::None,
        count: 0,
        of: 0,
        needed: 0,
        met: vec![],
        partial: vec![],
        gap: vec![],
        blocked: vec![],
        unknown: vec![],
        evidence: vec![],
    }
}

/// A regional target on `date`: met by enough dated evidence; partial with some; with none, a gap
/// once it is due if recorded searches covering the date found nothing, else unknown — no evidence is
/// not evidence of absence until someone has looked.
fn regional(cat: &Catalogue, plan: &Plan, t: &Target, reg: &Regional, date: Date) -> Progress {
    let file = cat.file_of(&format!("plan:{}", plan.id));
    let mut p = empty(date, Status::Unknown);
    // Evidence dated by month or year counts once that period is over.
    for e in reg.evidence.iter().filter(|e| e.date.last_day() <= date) {
        p.evidence.push(
            Reason::new(Fact::Evidence {
                date: e.date.last_day(),
                summary: e.summary.clone(),
            })
            .with_strength(Strength::Secondary)
            .cite(Some(Cite::new(
                &e.source,
                file,
                format!("targets/{}/evidence/{}", t.id, e.date),
            ))),
        );
    }
    p.count = p.evidence.len();
    p.needed = reg.needed as usize;
    let searched: Vec<_> = reg
        .searches
        .iter()
        .filter(|s| s.searched_on >= date)
        .collect();
    (p.status, p.strength) = if p.count >= p.needed {
        (Status::Met, Strength::Secondary)
    } else if p.count > 0 {
        (Status::Partial, Strength::Secondary)
    } else if date >= t.due && !searched.is_empty() {
        (Status::Gap, Strength::Secondary)
    } else {
        (Status::Unknown, Strength::None)
    };
    if p.count == 0 {
        for s in searched {
            p.evidence.push(Reason::new(Fact::Searched {
                on: s.searched_on,
                place: s.place.clone(),
                terms: s.terms.clone(),
                found: s.found.clone(),
            }));
        }
    }
    p
}

fn progress(
    cat: &Catalogue,
    plan: &Plan,
    t: &Target,
    date: Date,
    detail: Detail,
) -> (Progress, Vec<(String, Status, Option<Reason>)>) {
    let mut per = Vec::new();
    if let Some(reg) = &t.regional {
        return (regional(cat, plan, t, reg, date), per);
    }
    let (Some(th), Some(cr)) = (t.threshold, &t.criterion) else {
        return (empty(date, Status::NotAssessed), per);
    };
    let mut p = empty(date, Status::Unknown);
    p.of = plan.participants.len();
    p.needed = th.needed(p.of);
    let mut strengths = Vec::new();
    for iso in &plan.participants {
        let Some(c) = cat.countries.get(iso) else {
            continue;
        };
        let (s, strength, r) = Evaluator::new(cat, plan, c, date).evaluate(cr);
        match s {
            Status::Met => p.met.push(iso.clone()),
            Status::Partial => p.partial.push(iso.clone()),
            Status::Gap => p.gap.push(iso.clone()),
            Status::Blocked => p.blocked.push(iso.clone()),
            _ => p.unknown.push(iso.clone()),
        }
        if matches!(
            s,
            Status::Met | Status::Partial | Status::Gap | Status::Blocked
        ) {
            strengths.push((s, strength));
        }
        per.push((iso.clone(), s, (detail == Detail::Reasons).then_some(r)));
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
    // A count is as strong as the weakest finding it counts: the met states when it is met, else
    // every state whose status is decided.
    let counted = |want: &dyn Fn(Status) -> bool| {
        strengths
            .iter()
            .filter(|(s, _)| want(*s))
            .map(|(_, st)| *st)
            .min()
    };
    p.strength = if p.status == Status::Met {
        counted(&|s| s == Status::Met)
    } else {
        counted(&|_| true)
    }
    .unwrap_or(Strength::None);
    (p, per)
}

pub fn targets(cat: &Catalogue, plan: &Plan, date: Date, detail: Detail) -> Vec<TargetEval> {
    plan.targets()
        .map(|(area, t)| {
            let kind = if t.regional.is_some() {
                TargetKind::Regional
            } else if t.criterion.is_some() && t.threshold.is_some() {
                TargetKind::Threshold
            } else {
                TargetKind::NotAssessed
            };
            let at_due = (t.due <= date).then(|| progress(cat, plan, t, t.due, Detail::Statuses).0);
            let (now, per_country) = progress(cat, plan, t, date, detail);
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
