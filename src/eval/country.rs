//! A state's instruments and binding obligations on a date.

use super::facts::{self, country_file, describe_standing, participation_cite, standing, Standing};
use super::status::{Cite, Reason, Status};
use crate::catalogue::Catalogue;
use crate::model::{
    same_article, Country, Date, Instrument, Obligation, RelationKind, ReservationKind,
};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct InstrumentEval {
    pub id: String,
    pub status: Status,
    pub standing: Standing,
    pub reasons: Reason,
}

#[derive(Debug, Clone, Serialize)]
pub struct ObligationEval {
    pub id: String,
    pub instrument: String,
    pub status: Status,
    /// Whether the obligation binds the state on the date.
    pub bound: bool,
    /// Not binding only because a reservation in force excludes it.
    pub excluded_by_reservation: bool,
    /// The instrument through which it binds (itself, or one that incorporates it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    pub reasons: Reason,
}

/// Standing and status of every binding instrument for `c` on `date`.
pub fn instruments(cat: &Catalogue, c: &Country, date: Date) -> Vec<InstrumentEval> {
    cat.treaties()
        .map(|i| instrument(cat, c, i, date))
        .collect()
}

fn instrument(cat: &Catalogue, c: &Country, inst: &Instrument, date: Date) -> InstrumentEval {
    let p = c.participation_in(&inst.id);
    let st = standing(p, date);
    let cite = participation_cite(c, &inst.id);
    let fact = Reason::new(describe_standing(st, &inst.short_name)).cite(cite);
    let (status, mut reasons) = match st {
        Standing::Party { .. } => {
            let p = p.map(|p| (p, facts::reservations_in_force(p, date).collect::<Vec<_>>()));
            let mut r =
                Reason::new(format!("{} is party to {}", c.name, inst.short_name)).child(fact);
            let mut status = Status::Met;
            if let Some((p, res)) = p {
                let pi = c
                    .participation
                    .iter()
                    .position(|x| x.instrument == inst.id)
                    .unwrap_or(0);
                for (ri, x) in res {
                    status = Status::Partial;
                    let what = match x.kind {
                        ReservationKind::GeographicLimitation => "geographic limitation",
                        _ => "reservation",
                    };
                    let src = x.source.as_ref().or(p.source.as_ref()).map(|s| {
                        Cite::new(
                            s,
                            &country_file(c),
                            format!("/participation/{pi}/reservations/{ri}"),
                        )
                    });
                    r = r.child(
                        Reason::new(format!(
                            "{what} in force on art. {}: {}",
                            x.articles.join(", "),
                            x.summary
                        ))
                        .with_status(Status::Partial)
                        .cite(src),
                    );
                }
                for x in p
                    .reservations
                    .iter()
                    .filter(|x| x.kind != ReservationKind::Declaration && !x.in_force(date))
                {
                    if let Some(w) = x.withdrawn.filter(|w| *w <= date) {
                        r = r.child(Reason::new(format!(
                            "reservation on art. {} withdrawn on {w}",
                            x.articles.join(", ")
                        )));
                    }
                }
            }
            (status, r)
        }
        Standing::Unknown => (
            Status::Unknown,
            Reason::new(format!(
                "no verified record of {}'s participation in {} on {date}",
                c.name, inst.short_name
            ))
            .child(fact),
        ),
        _ => {
            // Outside the region of a regional instrument the state is not expected to join it.
            if inst.scope != "universal" {
                if let Some((false, _)) = facts::member_of(c, &inst.scope, date) {
                    if !matches!(st, Standing::Signatory { .. }) {
                        return InstrumentEval {
                            id: inst.id.clone(),
                            status: Status::NotApplicable,
                            standing: st,
                            reasons: Reason::new(format!(
                                "{} is a {} instrument and {} is not a member",
                                inst.short_name, inst.scope, c.name
                            ))
                            .with_status(Status::NotApplicable)
                            .child(fact),
                        };
                    }
                }
            }
            let missing: Vec<&str> = inst
                .relations
                .iter()
                .filter(|r| r.kind == RelationKind::RequiresPartyTo)
                .filter(|r| !standing(c.participation_in(&r.target), date).is_party())
                .map(|r| r.target.as_str())
                .collect();
            if missing.is_empty() {
                (
                    Status::Gap,
                    Reason::new(format!("{} is not party to {}", c.name, inst.short_name))
                        .child(fact),
                )
            } else {
                let mut r = Reason::new(format!(
                    "{} cannot join {} before joining {}",
                    c.name,
                    inst.short_name,
                    missing
                        .iter()
                        .map(|m| cat.instrument_name(m))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .child(fact);
                for rel in inst.relations.iter().filter(|r| {
                    r.kind == RelationKind::RequiresPartyTo && missing.contains(&r.target.as_str())
                }) {
                    r = r.child(Reason::new(format!(
                        "joining requires party status to {} ({})",
                        cat.instrument_name(&rel.target),
                        rel.basis
                    )));
                }
                (Status::Blocked, r)
            }
        }
    };
    reasons.status = Some(status);
    InstrumentEval {
        id: inst.id.clone(),
        status,
        standing: st,
        reasons,
    }
}

/// How an obligation reaches the state: the instrument, and the participation that makes it bind.
struct Route<'a> {
    via: &'a Instrument,
    since: Standing,
}

fn routes<'a>(cat: &'a Catalogue, c: &Country, o: &Obligation, date: Date) -> Vec<Route<'a>> {
    let mut out = Vec::new();
    let Some(home) = cat.instruments.get(o.instrument_id()) else {
        return out;
    };
    let st = standing(c.participation_in(&home.id), date);
    if st.is_party() {
        out.push(Route {
            via: home,
            since: st,
        });
    }
    // Instruments that incorporate articles of this one (1967 Protocol art. I(1) → arts 2-34 of 1951).
    for other in cat.instruments.values() {
        for r in other
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Incorporates && r.target == home.id)
        {
            let covered = o.articles.iter().all(|a| {
                r.target_articles
                    .iter()
                    .any(|t| same_article(&home.articles, a, t))
            });
            if covered {
                let st = standing(c.participation_in(&other.id), date);
                if st.is_party() {
                    out.push(Route {
                        via: other,
                        since: st,
                    });
                }
            }
        }
    }
    out
}

/// Every obligation of the catalogue for `c` on `date`: bound or not, and how far implemented.
pub fn obligations(cat: &Catalogue, c: &Country, date: Date) -> Vec<ObligationEval> {
    let mut memo: BTreeMap<String, ObligationEval> = BTreeMap::new();
    for o in cat.obligations() {
        obligation(cat, c, o, date, &mut memo, 0);
    }
    memo.into_values().collect()
}

fn obligation(
    cat: &Catalogue,
    c: &Country,
    o: &Obligation,
    date: Date,
    memo: &mut BTreeMap<String, ObligationEval>,
    depth: usize,
) -> Status {
    if let Some(e) = memo.get(&o.id) {
        return e.status;
    }
    let home = o.instrument_id().to_string();
    let label = format!(
        "{} ({}, art. {})",
        o.label(),
        cat.instrument_name(&home),
        o.articles.join(", ")
    );
    let rs = routes(cat, c, o, date);
    if rs.is_empty() {
        let st = standing(c.participation_in(&home), date);
        let incorporating: Vec<&str> = cat
            .instruments
            .values()
            .filter(|i| {
                i.relations
                    .iter()
                    .any(|r| r.kind == RelationKind::Incorporates && r.target == home)
            })
            .map(|i| i.id.as_str())
            .collect();
        let unknown = st == Standing::Unknown
            || incorporating
                .iter()
                .any(|i| standing(c.participation_in(i), date) == Standing::Unknown);
        let status = if unknown {
            Status::Unknown
        } else {
            Status::NotApplicable
        };
        let mut r =
            Reason::new(format!("{label} does not bind {} on {date}", c.name)).with_status(status);
        r = r.child(
            Reason::new(describe_standing(st, cat.instrument_name(&home)))
                .cite(participation_cite(c, &home)),
        );
        for i in incorporating {
            let s = standing(c.participation_in(i), date);
            r = r.child(
                Reason::new(describe_standing(s, cat.instrument_name(i)))
                    .cite(participation_cite(c, i)),
            );
        }
        memo.insert(
            o.id.clone(),
            ObligationEval {
                id: o.id.clone(),
                instrument: home,
                status,
                bound: false,
                excluded_by_reservation: false,
                via: None,
                reasons: r,
            },
        );
        return status;
    }

    // Reservations on each route: a route whose reservations cover every article of the obligation
    // does not bind; a geographic limitation narrows the obligation to refugees from Europe.
    let mut best: Option<(&Route, Vec<Reason>, bool)> = None;
    let mut excluded: Vec<Reason> = Vec::new();
    for route in &rs {
        let p = c.participation_in(&route.via.id);
        let mut limited = false;
        let mut notes = vec![
            Reason::new(describe_standing(route.since, &route.via.short_name))
                .cite(participation_cite(c, &route.via.id)),
        ];
        let mut excludes = false;
        if let Some(p) = p {
            for (_, r) in facts::reservations_in_force(p, date) {
                match r.kind {
                    ReservationKind::GeographicLimitation => {
                        limited = true;
                        notes.push(
                            Reason::new(format!(
                                "geographic limitation in force ({}): {}",
                                route.via.short_name, r.summary
                            ))
                            .with_status(Status::Partial)
                            .cite(
                                r.source.as_ref().or(p.source.as_ref()).map(|s| {
                                    Cite::new(s, &country_file(c), "/participation".into())
                                }),
                            ),
                        );
                    }
                    _ => {
                        let arts = &cat
                            .instruments
                            .get(&home)
                            .map(|i| i.articles.clone())
                            .unwrap_or_default();
                        let touches =
                            |a: &String| r.articles.iter().any(|x| same_article(arts, a, x));
                        if o.articles.iter().all(touches) {
                            excludes = true;
                            excluded.push(
                                Reason::new(format!(
                                    "reservation by {} to art. {} ({}) excludes it: {}",
                                    c.name,
                                    r.articles.join(", "),
                                    route.via.short_name,
                                    r.summary
                                ))
                                .cite(
                                    r.source.as_ref().or(p.source.as_ref()).map(|s| {
                                        Cite::new(s, &country_file(c), "/participation".into())
                                    }),
                                ),
                            );
                        } else if o.articles.iter().any(touches) {
                            limited = true;
                            notes.push(
                                Reason::new(format!(
                                    "reservation to art. {} narrows it: {}",
                                    r.articles.join(", "),
                                    r.summary
                                ))
                                .with_status(Status::Partial),
                            );
                        }
                    }
                }
            }
        }
        if excludes {
            continue;
        }
        let better = match &best {
            None => true,
            Some((_, _, l)) => *l && !limited,
        };
        if better {
            best = Some((route, notes, limited));
        }
    }
    let Some((route, notes, limited)) = best else {
        let r = Reason::new(format!("{label} is excluded by reservation on {date}"))
            .with_status(Status::NotApplicable)
            .children(excluded);
        memo.insert(
            o.id.clone(),
            ObligationEval {
                id: o.id.clone(),
                instrument: home,
                status: Status::NotApplicable,
                bound: false,
                excluded_by_reservation: true,
                via: None,
                reasons: r,
            },
        );
        return Status::NotApplicable;
    };
    let via = route.via.id.clone();
    let mut targets: Vec<&str> = vec![o.id.as_str()];
    targets.extend(o.requires.iter().map(String::as_str));
    let (mut status, impl_reasons) = match facts::implementation(cat, c, &targets, date) {
        Some(x) => x,
        None => (
            Status::Unknown,
            vec![Reason::new(format!(
                "no law or measure recorded that implements it (looked for {})",
                targets
                    .iter()
                    .map(|t| format!("`{t}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .with_status(Status::Unknown)],
        ),
    };
    if limited && status == Status::Met {
        status = Status::Partial;
    }
    // Blocked: a prerequisite obligation is itself not met (and this one is not met either).
    let mut prereq = Vec::new();
    if depth < 32 {
        for d in &o.depends_on {
            if let Some(dep) = cat.obligation(d) {
                let ds = obligation(cat, c, dep, date, memo, depth + 1);
                if matches!(ds, Status::Gap | Status::Blocked) {
                    prereq.push(Reason::new(format!("prerequisite `{d}` is {ds}")).with_status(ds));
                }
            }
        }
    }
    if !prereq.is_empty() && status != Status::Met {
        status = Status::Blocked;
    }
    let bound_text = if via == home {
        format!("binds {} through {}", c.name, cat.instrument_name(&via))
    } else {
        format!(
            "binds {} through {}, which incorporates it",
            c.name,
            cat.instrument_name(&via)
        )
    };
    let r = Reason::new(format!("{label} — {status}"))
        .with_status(status)
        .child(Reason::new(bound_text).children(notes))
        .children(impl_reasons)
        .children(prereq);
    memo.insert(
        o.id.clone(),
        ObligationEval {
            id: o.id.clone(),
            instrument: home,
            status,
            bound: true,
            excluded_by_reservation: false,
            via: Some(via),
            reasons: r,
        },
    );
    status
}
