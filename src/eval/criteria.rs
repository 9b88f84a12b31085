//! The criterion language, evaluated for one state on one day. Three-valued at heart (met, gap,
//! unknown), with partial and blocked kept where the facts say so; unknown propagates honestly.

use super::facts::{self, describe_standing, participation_cite, standing, Standing};
use super::status::{Reason, Status};
use crate::catalogue::Catalogue;
use crate::model::{Country, Criterion, Date, Plan, RelationKind};

/// Evaluates `c` for `country` on `date`; `plan` resolves `{"action": id}` references.
pub fn evaluate(
    cat: &Catalogue,
    plan: &Plan,
    country: &Country,
    c: &Criterion,
    date: Date,
) -> (Status, Reason) {
    eval(cat, plan, country, c, date, 0)
}

fn eval(
    cat: &Catalogue,
    plan: &Plan,
    country: &Country,
    c: &Criterion,
    date: Date,
    depth: usize,
) -> (Status, Reason) {
    if depth > 32 {
        return (
            Status::Unknown,
            Reason::new("criterion nests too deeply to evaluate").with_status(Status::Unknown),
        );
    }
    let leaf = |s: Status, r: Reason| (s, r.with_status(s));
    match c {
        Criterion::Party(id) => {
            let name = cat.instrument_name(id);
            let st = standing(country.participation_in(id), date);
            let fact =
                Reason::new(describe_standing(st, name)).cite(participation_cite(country, id));
            match st {
                Standing::Party { .. } => leaf(
                    Status::Met,
                    Reason::new(format!("party to {name}")).child(fact),
                ),
                Standing::Unknown => leaf(
                    Status::Unknown,
                    Reason::new(format!("party to {name}?")).child(fact),
                ),
                _ => {
                    let missing: Vec<&str> = cat
                        .instruments
                        .get(id)
                        .map(|i| {
                            i.relations
                                .iter()
                                .filter(|r| {
                                    r.kind == RelationKind::RequiresPartyTo
                                        && !standing(country.participation_in(&r.target), date)
                                            .is_party()
                                })
                                .map(|r| r.target.as_str())
                                .collect()
                        })
                        .unwrap_or_default();
                    if missing.is_empty() {
                        leaf(
                            Status::Gap,
                            Reason::new(format!("party to {name}")).child(fact),
                        )
                    } else {
                        let names = missing
                            .iter()
                            .map(|m| cat.instrument_name(m))
                            .collect::<Vec<_>>()
                            .join(", ");
                        leaf(
                            Status::Blocked,
                            Reason::new(format!("party to {name} (must join {names} first)"))
                                .child(fact),
                        )
                    }
                }
            }
        }
        Criterion::Signed(id) => {
            let name = cat.instrument_name(id);
            let st = standing(country.participation_in(id), date);
            let fact =
                Reason::new(describe_standing(st, name)).cite(participation_cite(country, id));
            let s = match st {
                Standing::Party { .. } | Standing::Signatory { .. } => Status::Met,
                Standing::Unknown => Status::Unknown,
                _ => Status::Gap,
            };
            leaf(s, Reason::new(format!("signed {name}")).child(fact))
        }
        Criterion::NoReservations(id) => {
            let name = cat.instrument_name(id);
            let p = country.participation_in(id);
            let st = standing(p, date);
            let fact =
                Reason::new(describe_standing(st, name)).cite(participation_cite(country, id));
            let r = Reason::new(format!("party to {name} without reservations")).child(fact);
            match (st, p) {
                (Standing::Party { .. }, Some(p)) => {
                    let res: Vec<Reason> = facts::reservations_in_force(p, date)
                        .map(|(_, x)| {
                            Reason::new(format!(
                                "in force on art. {}: {}",
                                x.articles.join(", "),
                                x.summary
                            ))
                        })
                        .collect();
                    if res.is_empty() {
                        leaf(Status::Met, r)
                    } else {
                        leaf(Status::Gap, r.children(res))
                    }
                }
                (Standing::Unknown, _) => leaf(Status::Unknown, r),
                // Not party: no reservations to lift, but the commitment is not met either.
                _ => leaf(Status::Gap, r),
            }
        }
        Criterion::Implements(id) | Criterion::Measure(id) => {
            let label = cat
                .obligation(id)
                .map(|o| o.label().to_string())
                .unwrap_or_else(|| cat.measure_label(id).to_string());
            let mut targets: Vec<&str> = vec![id.as_str()];
            if let Some(o) = cat.obligation(id) {
                targets.extend(o.requires.iter().map(String::as_str));
            }
            match facts::implementation(cat, country, &targets, date) {
                Some((s, rs)) => leaf(s, Reason::new(format!("{label} in place")).children(rs)),
                None => leaf(
                    Status::Unknown,
                    Reason::new(format!("{label} in place: nothing recorded")),
                ),
            }
        }
        Criterion::MemberOf(b) => match facts::member_of(country, b, date) {
            Some((true, cite)) => leaf(
                Status::Met,
                Reason::new(format!("member of {b}")).cite(cite),
            ),
            Some((false, _)) => leaf(
                Status::Gap,
                Reason::new(format!("member of {b}: not among recorded memberships")),
            ),
            None => leaf(
                Status::Unknown,
                Reason::new(format!("member of {b}: no memberships recorded")),
            ),
        },
        Criterion::Action(a) => match plan
            .action(a)
            .and_then(|x| x.criterion.as_ref().map(|c| (x, c)))
        {
            Some((x, c)) => {
                let (s, r) = eval(cat, plan, country, c, date, depth + 1);
                leaf(
                    s,
                    Reason::new(format!("action `{}`: {}", x.id, x.summary)).child(r),
                )
            }
            None => leaf(
                Status::NotAssessed,
                Reason::new(format!("action `{a}` is not assessed from country facts")),
            ),
        },
        Criterion::All(cs) => {
            let parts: Vec<(Status, Reason)> = cs
                .iter()
                .map(|x| eval(cat, plan, country, x, date, depth + 1))
                .collect();
            let s = Status::all(parts.iter().map(|p| p.0));
            leaf(
                s,
                Reason::new("all of").children(parts.into_iter().map(|p| p.1)),
            )
        }
        Criterion::Any(cs) => {
            let parts: Vec<(Status, Reason)> = cs
                .iter()
                .map(|x| eval(cat, plan, country, x, date, depth + 1))
                .collect();
            let s = Status::any(parts.iter().map(|p| p.0));
            leaf(
                s,
                Reason::new("any of").children(parts.into_iter().map(|p| p.1)),
            )
        }
        Criterion::Not(x) => {
            let (s, r) = eval(cat, plan, country, x, date, depth + 1);
            leaf(s.negate(), Reason::new("not").child(r))
        }
    }
}
