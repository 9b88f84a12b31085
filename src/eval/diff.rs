//! What changed between two evaluations: two dates, or with and without hypothetical facts.

use super::{Evaluation, Fact, Progress, Status};
use serde::Serialize;

/// A target's count on one side of a change: `count` of `of` (threshold `needed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Count {
    pub count: usize,
    pub of: usize,
    pub needed: usize,
}

impl From<&Progress> for Count {
    fn from(p: &Progress) -> Count {
        Count {
            count: p.count,
            of: p.of,
            needed: p.needed,
        }
    }
}

/// What a change means, for the report layer to put in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "detail", rename_all = "kebab-case")]
pub enum Detail {
    /// An instrument's new standing.
    Instrument { fact: Fact },
    Target {
        before: Count,
        after: Count,
        newly_met: Vec<String>,
        no_longer_met: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// `instrument`, `obligation`, `action` or `target`.
    pub item: &'static str,
    /// The state, for country items; the plan, for targets.
    pub scope: String,
    pub id: String,
    pub from: Status,
    pub to: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<Detail>,
}

/// Every status that differs between `a` and `b`, optionally limited to one plan and one state.
pub fn diff(
    a: &Evaluation,
    b: &Evaluation,
    plan: Option<&str>,
    country: Option<&str>,
) -> Vec<Change> {
    let mut out = Vec::new();
    for (iso, ca) in &a.countries {
        if country.is_some_and(|c| c != iso) {
            continue;
        }
        let Some(cb) = b.countries.get(iso) else {
            continue;
        };
        for ia in &ca.instruments {
            if let Some(ib) = cb.instrument(&ia.id) {
                if ia.status != ib.status {
                    out.push(Change {
                        item: "instrument",
                        scope: iso.clone(),
                        id: ia.id.clone(),
                        from: ia.status,
                        to: ib.status,
                        detail: Some(Detail::Instrument {
                            fact: ib.reasons.fact.clone(),
                        }),
                    });
                }
            }
        }
        for oa in &ca.obligations {
            if let Some(ob) = cb.obligation(&oa.id) {
                if oa.status != ob.status {
                    out.push(Change {
                        item: "obligation",
                        scope: iso.clone(),
                        id: oa.id.clone(),
                        from: oa.status,
                        to: ob.status,
                        detail: None,
                    });
                }
            }
        }
        for (pid, acts) in &ca.actions {
            if plan.is_some_and(|p| p != pid) {
                continue;
            }
            for x in acts {
                if let Some(y) = cb
                    .actions
                    .get(pid)
                    .and_then(|v| v.iter().find(|y| y.id == x.id))
                {
                    if x.status != y.status {
                        out.push(Change {
                            item: "action",
                            scope: iso.clone(),
                            id: x.id.clone(),
                            from: x.status,
                            to: y.status,
                            detail: None,
                        });
                    }
                }
            }
        }
    }
    for (pid, pa) in &a.plans {
        if plan.is_some_and(|p| p != pid) {
            continue;
        }
        let Some(pb) = b.plans.get(pid) else { continue };
        for ta in &pa.targets {
            if let Some(tb) = pb.targets.iter().find(|t| t.id == ta.id) {
                if ta.now.status != tb.now.status || ta.now.count != tb.now.count {
                    let newly_met = tb
                        .now
                        .met
                        .iter()
                        .filter(|m| !ta.now.met.contains(m))
                        .cloned()
                        .collect();
                    let no_longer_met = ta
                        .now
                        .met
                        .iter()
                        .filter(|m| !tb.now.met.contains(m))
                        .cloned()
                        .collect();
                    let detail = Detail::Target {
                        before: Count::from(&ta.now),
                        after: Count::from(&tb.now),
                        newly_met,
                        no_longer_met,
                    };
                    out.push(Change {
                        item: "target",
                        scope: pid.clone(),
                        id: ta.id.clone(),
                        from: ta.now.status,
                        to: tb.now.status,
                        detail: Some(detail),
                    });
                }
            }
        }
    }
    out
}
