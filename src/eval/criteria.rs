//! The criterion language, evaluated for one state on one day. Three-valued at heart (met, gap,
//! unknown), with partial and blocked kept where the facts say so; unknown propagates honestly.
//!
//! Participation leaves use the same rules as instrument evaluation (`rules`): a reservation or
//! geographic limitation relevant to the item makes it partial, one whose text was not read leaves it
//! unknown. Implementation leaves decide only on provisions read or authoritative reports.
//!
//! Criteria may reuse plan actions (`{"action": id}`); each action is evaluated once per state and
//! later uses cite it without repeating its tree, and a work limit bounds any criterion's cost.

use super::fact::{Effect, Fact, Test};
use super::facts::{self, participation_cite, record_strength, standing, Purpose, Standing};
use super::rules::{self, Joinability};
use super::status::{Reason, Status, Strength};
use crate::catalogue::Catalogue;
use crate::model::{Country, Criterion, Date, Plan, TreatyRef};
use std::collections::BTreeMap;

/// Deepest nesting of criteria (and actions reusing actions) the evaluator follows.
pub const MAX_DEPTH: usize = 32;
/// Most criterion nodes evaluated for one state and plan; past it the rest is unknown.
pub const MAX_WORK: usize = 100_000;

/// A criterion's finding: status, the strength of what decides it, and why.
pub type Finding = (Status, Strength, Reason);

/// Evaluates criteria of one plan for one state on one day, remembering reused actions.
pub struct Evaluator<'a> {
    cat: &'a Catalogue,
    plan: &'a Plan,
    country: &'a Country,
    date: Date,
    actions: BTreeMap<String, (Status, Strength)>,
    work: usize,
}

impl<'a> Evaluator<'a> {
    pub fn new(cat: &'a Catalogue, plan: &'a Plan, country: &'a Country, date: Date) -> Self {
        Evaluator {
            cat,
            plan,
            country,
            date,
            actions: BTreeMap::new(),
            work: 0,
        }
    }

    pub fn evaluate(&mut self, c: &Criterion) -> Finding {
        self.eval(c, 0)
    }

    fn eval(&mut self, c: &Criterion, depth: usize) -> Finding {
        self.work += 1;
        if depth > MAX_DEPTH || self.work > MAX_WORK {
            return leaf(
                Status::Unknown,
                Strength::None,
                Reason::new(Fact::Test(Test::TooDeep)),
            );
        }
        match c {
            Criterion::Party(t) => self.party(t),
            Criterion::Signed(id) => self.signed(id),
            Criterion::NoReservations(t) => self.no_reservations(t),
            Criterion::Implements(id) => self.in_place(id, Purpose::Obligation),
            Criterion::Measure(id) => self.in_place(id, Purpose::Measure),
            Criterion::NoConflict(id) => self.no_conflict(id),
            Criterion::MemberOf(b) => self.member_of(b),
            Criterion::Action(a) => self.action(a, depth),
            Criterion::All(cs) => self.combine(cs, depth, Test::All, Status::all),
            Criterion::Any(cs) => self.combine(cs, depth, Test::Any, Status::any),
            Criterion::Each(cs) => self.each(cs, depth),
            Criterion::Not(x) => {
                let (s, st, r) = self.eval(x, depth + 1);
                leaf(s.negate(), st, Reason::new(Fact::Test(Test::Not)).child(r))
            }
        }
    }

    fn standing_fact(&self, id: &str, st: Standing) -> Reason {
        Reason::new(Fact::Standing {
            instrument: id.to_string(),
            standing: st,
        })
        .cite(participation_cite(self.country, id))
    }

    /// Party to the treaty; partial where a reservation relevant to the item, or a geographic
    /// limitation, is in force; unknown where a possibly relevant reservation was not read.
    fn party(&self, t: &TreatyRef) -> Finding {
        let id = t.id();
        let p = self.country.participation_in(id);
        let st = standing(p, self.date);
        let strength = record_strength(p);
        let mut r = Reason::new(Fact::Test(Test::Party {
            instrument: id.to_string(),
        }))
        .child(self.standing_fact(id, st));
        let status = match (st, p, self.cat.instruments.get(id)) {
            (Standing::Party { .. }, Some(p), Some(inst)) => {
                let found = rules::reservation_effects(p, inst, t.articles(), false, self.date);
                r = r.children(
                    found
                        .iter()
                        .filter_map(|f| self.reservation_reason(p, id, *f)),
                );
                relevant_status(&found, Status::Met)
            }
            (Standing::Party { .. }, _, _) => Status::Met,
            (Standing::Unknown, _, _) => Status::Unknown,
            (_, _, Some(inst)) => match rules::joinability(self.cat, self.country, inst, self.date)
            {
                Joinability::NeedsFirst(missing) => {
                    r = r.child(Reason::new(Fact::MustJoinFirst {
                        instrument: id.to_string(),
                        missing,
                    }));
                    Status::Blocked
                }
                Joinability::OutsideRegion { body } => {
                    r = r.child(Reason::new(Fact::OutsideRegion {
                        instrument: id.to_string(),
                        body,
                    }));
                    Status::NotApplicable
                }
                Joinability::Open => Status::Gap,
            },
            _ => Status::Gap,
        };
        leaf(status, strength, r)
    }

    /// The reservation's reason as the obligation view gives it, but any reservation in force only
    /// narrows a criterion's credit: partial, not not-applicable.
    fn reservation_reason(
        &self,
        p: &crate::model::Participation,
        inst: &str,
        f: rules::ReservationFinding,
    ) -> Option<Reason> {
        super::country::reservation_reason(self.country, p, inst, f).map(|r| {
            r.with_status(if f.effect == Effect::Unread {
                Status::Unknown
            } else {
                Status::Partial
            })
        })
    }

    fn signed(&self, id: &str) -> Finding {
        let p = self.country.participation_in(id);
        let st = standing(p, self.date);
        let s = match st {
            Standing::Party { .. } | Standing::Signatory { .. } => Status::Met,
            Standing::Unknown => Status::Unknown,
            _ => Status::Gap,
        };
        leaf(
            s,
            record_strength(p),
            Reason::new(Fact::Test(Test::Signed {
                instrument: id.to_string(),
            }))
            .child(self.standing_fact(id, st)),
        )
    }

    /// No reservation relevant to the item in force: a read one is a gap (a reservation to lift), an
    /// unread one leaves it unknown. Not party is a gap too: the commitment is not met either.
    fn no_reservations(&self, t: &TreatyRef) -> Finding {
        let id = t.id();
        let p = self.country.participation_in(id);
        let st = standing(p, self.date);
        let mut r = Reason::new(Fact::Test(Test::NoReservations {
            instrument: id.to_string(),
            articles: t.articles().map(<[String]>::to_vec).unwrap_or_default(),
        }))
        .child(self.standing_fact(id, st));
        let status = match (st, p, self.cat.instruments.get(id)) {
            (Standing::Party { .. }, Some(p), Some(inst)) => {
                let found = rules::reservation_effects(
                    p,
                    inst,
                    t.articles(),
                    t.articles().is_none(),
                    self.date,
                );
                r = r.children(
                    found
                        .iter()
                        .filter_map(|f| self.reservation_reason(p, id, *f)),
                );
                relevant_status(&found, Status::Met).pipe(|s| {
                    if s == Status::Partial {
                        Status::Gap
                    } else {
                        s
                    }
                })
            }
            (Standing::Party { .. }, _, _) => Status::Met,
            (Standing::Unknown, _, _) => Status::Unknown,
            _ => Status::Gap,
        };
        leaf(status, record_strength(p), r)
    }

    fn in_place(&self, id: &str, purpose: Purpose) -> Finding {
        let head = Reason::new(Fact::Test(Test::InPlace {
            target: id.to_string(),
        }));
        let mut targets: Vec<&str> = vec![id];
        if let Some(o) = self.cat.obligation(id) {
            targets.extend(o.requires.iter().map(String::as_str));
        }
        match facts::evidence(self.cat, self.country, &targets, self.date, purpose) {
            Some(ev) => leaf(ev.status, ev.strength, head.children(ev.reasons)),
            None => leaf(
                Status::Unknown,
                Strength::None,
                head.child(Reason::new(Fact::NothingRecorded {
                    looked_for: targets.iter().map(|t| t.to_string()).collect(),
                })),
            ),
        }
    }

    /// A gap while a law in force conflicts with the target (on evidence strong enough to decide);
    /// met when decisive evidence shows no conflict; unknown otherwise.
    fn no_conflict(&self, id: &str) -> Finding {
        let head = Reason::new(Fact::Test(Test::NoConflict {
            target: id.to_string(),
        }));
        let owned = self.targets_owned(id);
        let targets: Vec<&str> = owned.iter().map(String::as_str).collect();
        match facts::evidence(
            self.cat,
            self.country,
            &targets,
            self.date,
            Purpose::Obligation,
        ) {
            Some(ev) if ev.conflict => leaf(Status::Gap, ev.strength, head.children(ev.reasons)),
            Some(ev) if ev.strength.decides() => {
                leaf(Status::Met, ev.strength, head.children(ev.reasons))
            }
            Some(ev) => leaf(Status::Unknown, ev.strength, head.children(ev.reasons)),
            None => leaf(Status::Unknown, Strength::None, head),
        }
    }

    fn targets_owned(&self, id: &str) -> Vec<String> {
        let mut v = vec![id.to_string()];
        if let Some(o) = self.cat.obligation(id) {
            v.extend(o.requires.iter().cloned());
        }
        v
    }

    fn member_of(&self, b: &str) -> Finding {
        let (status, member, cite) = match facts::member_of(self.country, b, self.date) {
            Some((true, cite)) => (Status::Met, Some(true), cite),
            Some((false, _)) => (Status::Gap, Some(false), None),
            None => (Status::Unknown, None, None),
        };
        let strength = if cite.is_some() {
            Strength::Record
        } else {
            Strength::None
        };
        leaf(
            status,
            strength,
            Reason::new(Fact::Test(Test::MemberOf {
                body: b.to_string(),
                member,
            }))
            .cite(cite),
        )
    }

    /// Another action's criterion: evaluated once; a later use cites its finding without its tree.
    fn action(&mut self, a: &str, depth: usize) -> Finding {
        let head = Reason::new(Fact::Test(Test::Action {
            action: a.to_string(),
        }));
        if let Some(&(s, st)) = self.actions.get(a) {
            return leaf(s, st, head);
        }
        let plan = self.plan;
        match plan.action(a).and_then(|x| x.criterion.as_ref()) {
            Some(c) => {
                let (s, st, r) = self.eval(c, depth + 1);
                self.actions.insert(a.to_string(), (s, st));
                leaf(s, st, head.child(r))
            }
            None => leaf(
                Status::NotAssessed,
                Strength::None,
                Reason::new(Fact::Test(Test::ActionNotAssessed {
                    action: a.to_string(),
                })),
            ),
        }
    }

    fn parts(&mut self, cs: &[Criterion], depth: usize) -> Vec<Finding> {
        cs.iter().map(|x| self.eval(x, depth + 1)).collect()
    }

    fn combine(
        &mut self,
        cs: &[Criterion],
        depth: usize,
        test: Test,
        rule: fn(Vec<Status>) -> Status,
    ) -> Finding {
        let parts = self.parts(cs, depth);
        let s = rule(parts.iter().map(|p| p.0).collect());
        let strength = combined_strength(&parts, s);
        leaf(
            s,
            strength,
            Reason::new(Fact::Test(test)).children(parts.into_iter().map(|p| p.2)),
        )
    }

    /// k-of-n credit: met when every part is met, partial when some are met or partial, unknown when
    /// none is met and some are unknown, gap when none is.
    fn each(&mut self, cs: &[Criterion], depth: usize) -> Finding {
        let parts = self.parts(cs, depth);
        let counted: Vec<&Finding> = parts
            .iter()
            .filter(|p| !matches!(p.0, Status::NotApplicable | Status::NotAssessed))
            .collect();
        let met = counted.iter().filter(|p| p.0 == Status::Met).count();
        let some = counted
            .iter()
            .any(|p| matches!(p.0, Status::Met | Status::Partial));
        let s = if counted.is_empty() {
            Status::Unknown
        } else if met == counted.len() {
            Status::Met
        } else if some {
            Status::Partial
        } else if counted.iter().any(|p| p.0 == Status::Unknown) {
            Status::Unknown
        } else if counted.iter().all(|p| p.0 == Status::Blocked) {
            Status::Blocked
        } else {
            Status::Gap
        };
        let missing = cs
            .iter()
            .zip(&parts)
            .filter(|(_, p)| {
                !matches!(
                    p.0,
                    Status::Met | Status::NotApplicable | Status::NotAssessed
                )
            })
            .map(|(c, _)| label(c))
            .collect();
        let strength = combined_strength(&parts, s);
        leaf(
            s,
            strength,
            Reason::new(Fact::Test(Test::Each {
                met,
                of: counted.len(),
                missing,
            }))
            .children(parts.into_iter().map(|p| p.2)),
        )
    }
}

/// The status a participation leaf gets from the reservations relevant to it.
fn relevant_status(found: &[rules::ReservationFinding], otherwise: Status) -> Status {
    if found.iter().any(|f| f.effect != Effect::Unread) {
        Status::Partial
    } else if found.is_empty() {
        otherwise
    } else {
        Status::Unknown
    }
}

/// The strength of a combination: of the parts that carry its status, the weakest (a chain is as
/// strong as its weakest link); of all counted parts when none carries it.
fn combined_strength(parts: &[Finding], s: Status) -> Strength {
    // Partial credit is carried by the parts that are met or partial.
    let carries = |p: Status| p == s || (s == Status::Partial && p == Status::Met);
    let carrying: Vec<Strength> = parts.iter().filter(|p| carries(p.0)).map(|p| p.1).collect();
    let pool = if carrying.is_empty() {
        parts.iter().map(|p| p.1).collect()
    } else {
        carrying
    };
    pool.into_iter().min().unwrap_or_default()
}

/// The id a criterion is about, to name a missing part of a k-of-n item.
fn label(c: &Criterion) -> String {
    match c {
        Criterion::Party(t) | Criterion::NoReservations(t) => t.id().to_string(),
        Criterion::Signed(id)
        | Criterion::Implements(id)
        | Criterion::Measure(id)
        | Criterion::NoConflict(id)
        | Criterion::MemberOf(id)
        | Criterion::Action(id) => id.clone(),
        Criterion::All(cs) | Criterion::Any(cs) | Criterion::Each(cs) => {
            cs.first().map(label).unwrap_or_default()
        }
        Criterion::Not(x) => label(x),
    }
}

fn leaf(s: Status, strength: Strength, r: Reason) -> Finding {
    (s, strength, r.with_status(s).with_strength(strength))
}

/// Small combinator so a status can be adjusted inline.
trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
        f(self)
    }
}

impl Pipe for Status {}

/// Evaluates one criterion for `country` on `date` (a fresh evaluator: no memory between calls).
pub fn evaluate(
    cat: &Catalogue,
    plan: &Plan,
    country: &Country,
    c: &Criterion,
    date: Date,
) -> Finding {
    Evaluator::new(cat, plan, country, date).evaluate(c)
}
