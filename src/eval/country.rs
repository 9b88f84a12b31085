//! A state's instruments and binding obligations on a date.

use super::fact::{Effect, Fact};
use super::facts::{
    self, participation_cite, record_strength, reservation_cite, standing, Purpose, Standing,
};
use super::rules::{self, Joinability, ReservationFinding};
use super::status::{Cite, Reason, Status, Strength};
use crate::catalogue::Catalogue;
use crate::graph::{Edge, Node};
use crate::model::{
    same_article, Country, Date, Instrument, Obligation, PartialDate, Participation, RelationKind,
    ReservationKind,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// A reservation or declaration as it stands on the evaluation date, for reports and exports.
#[derive(Debug, Clone, Serialize)]
pub struct ReservationState {
    /// Its id, unique within the participation entry.
    pub key: String,
    pub kind: ReservationKind,
    pub articles: Vec<String>,
    pub summary: String,
    pub text_read: bool,
    pub in_force: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Cite>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InstrumentEval {
    pub id: String,
    pub status: Status,
    pub strength: Strength,
    pub standing: Standing,
    /// How the state joined and when it deposited (day, else year or month), as recorded, when the
    /// deposit was on or before the evaluation date — kept for a state that has since withdrawn too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<crate::model::JoinAction>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deposit: Option<String>,
    /// The day of signature, when it was on or before the evaluation date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<Date>,
    /// Reservations and declarations made by the evaluation date, withdrawn ones included.
    pub reservations: Vec<ReservationState>,
    /// How current the participation record's source is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_to: Option<PartialDate>,
    /// The participation record's source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Cite>,
    pub reasons: Reason,
}

#[derive(Debug, Clone, Serialize)]
pub struct ObligationEval {
    pub id: String,
    pub instrument: String,
    pub status: Status,
    pub strength: Strength,
    /// Whether the obligation binds the state on the date.
    pub bound: bool,
    /// Not binding only because a reservation in force excludes it.
    pub excluded_by_reservation: bool,
    /// The instrument through which it binds (itself, or one that incorporates it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// Entries a researcher should read to settle it: laws not read, reservations not read.
    pub leads: bool,
    pub reasons: Reason,
}

/// Standing and status of every binding instrument for `c` on `date`.
pub fn instruments(cat: &Catalogue, c: &Country, date: Date) -> Vec<InstrumentEval> {
    cat.treaties()
        .map(|i| instrument(cat, c, i, date))
        .collect()
}

fn reservation_states(c: &Country, p: &Participation, date: Date) -> Vec<ReservationState> {
    p.reservations
        .iter()
        .enumerate()
        .filter(|(_, r)| r.made.is_none_or(|m| m <= date))
        .map(|(i, r)| ReservationState {
            key: r.id.clone(),
            kind: r.kind,
            articles: r.articles.clone(),
            summary: r.summary.clone(),
            text_read: r.effect_known(),
            in_force: r.in_force(date),
            withdrawn: r.withdrawn.filter(|w| *w <= date),
            source: reservation_cite(c, p, i),
        })
        .collect()
}

pub(super) fn reservation_reason(
    c: &Country,
    p: &Participation,
    inst: &str,
    f: ReservationFinding,
) -> Option<Reason> {
    let r = p.reservations.get(f.index)?;
    let status = match f.effect {
        Effect::Unread => Status::Unknown,
        Effect::Excludes => Status::NotApplicable,
        Effect::Narrows | Effect::InForce => Status::Partial,
    };
    Some(
        Reason::new(Fact::Reservation {
            instrument: inst.to_string(),
            kind: r.kind,
            articles: r.articles.clone(),
            summary: r.summary.clone(),
            effect: f.effect,
        })
        .with_status(status)
        .cite(reservation_cite(c, p, f.index)),
    )
}

fn instrument(cat: &Catalogue, c: &Country, inst: &Instrument, date: Date) -> InstrumentEval {
    let p = c.participation_in(&inst.id);
    let st = standing(p, date);
    let cite = participation_cite(c, &inst.id);
    let fact = Reason::new(Fact::Standing {
        instrument: inst.id.clone(),
        standing: st,
    })
    .cite(cite.clone());
    let strength = record_strength(p);
    let (status, mut reasons) = match (st, p) {
        (Standing::Party { .. }, Some(p)) => {
            let found = rules::reservation_effects(p, inst, None, true, date);
            // A reservation read and in force makes it partial; one not read leaves it unknown.
            let status = if found.iter().any(|f| f.effect != Effect::Unread) {
                Status::Partial
            } else if found.is_empty() {
                Status::Met
            } else {
                Status::Unknown
            };
            let mut r = Reason::new(Fact::Party {
                instrument: inst.id.clone(),
            })
            .child(fact);
            for f in found {
                r = r.children(reservation_reason(c, p, &inst.id, f));
            }
            for x in p.reservations.iter().filter(|x| {
                x.kind != ReservationKind::Declaration && x.withdrawn.is_some_and(|w| w <= date)
            }) {
                if let Some(on) = x.withdrawn {
                    r = r.child(Reason::new(Fact::ReservationWithdrawn {
                        articles: x.articles.clone(),
                        on,
                    }));
                }
            }
            (status, r)
        }
        (Standing::Unknown, _) | (Standing::Party { .. }, None) => (
            Status::Unknown,
            Reason::new(Fact::NoRecord {
                instrument: inst.id.clone(),
                date,
            })
            .child(fact),
        ),
        _ => match rules::joinability(cat, c, inst, date) {
            // A signatory outside the region still signed: judge it like any other signatory.
            Joinability::OutsideRegion { body } if !matches!(st, Standing::Signatory { .. }) => (
                Status::NotApplicable,
                Reason::new(Fact::OutsideRegion {
                    instrument: inst.id.clone(),
                    body,
                })
                .child(fact),
            ),
            Joinability::NeedsFirst(missing) => {
                let mut r = Reason::new(Fact::MustJoinFirst {
                    instrument: inst.id.clone(),
                    missing: missing.clone(),
                })
                .child(fact);
                for rel in inst.relations.iter().filter(|r| {
                    r.kind == RelationKind::RequiresPartyTo && missing.contains(&r.target)
                }) {
                    r = r.child(Reason::new(Fact::JoinRequires {
                        target: rel.target.clone(),
                        basis: rel.basis.clone(),
                    }));
                }
                (Status::Blocked, r)
            }
            _ => (
                Status::Gap,
                Reason::new(Fact::NotParty {
                    instrument: inst.id.clone(),
                })
                .child(fact),
            ),
        },
    };
    reasons.status = Some(status);
    reasons.strength = Some(strength);
    InstrumentEval {
        id: inst.id.clone(),
        status,
        strength,
        standing: st,
        action: p.and_then(|p| p.action).filter(|_| deposited(p, date)),
        deposit: p.filter(|_| deposited(p, date)).and_then(|p| {
            p.deposit
                .map(|d| d.to_string())
                .or(p.deposit_period.map(|x| x.to_string()))
        }),
        signature: p.and_then(|p| p.signature).filter(|s| *s <= date),
        reservations: p
            .map(|p| reservation_states(c, p, date))
            .unwrap_or_default(),
        current_to: p.and_then(|p| p.source.as_ref()).and_then(|s| s.current_to),
        source: cite,
        reasons,
    }
}

/// Whether the deposit on record had happened by `date` (a year or month of deposit once it is over).
fn deposited(p: Option<&Participation>, date: Date) -> bool {
    p.is_some_and(|p| match (p.deposit, p.deposit_period) {
        (Some(d), _) => d <= date,
        (None, Some(x)) => x.last_day() < date,
        (None, None) => false,
    })
}

/// How an obligation reaches the state: the instrument, and the participation that makes it bind.
struct Route<'a> {
    via: &'a Instrument,
    since: Standing,
}

/// Instruments that make `o` bind: its own, and those whose `incorporates` relation covers every
/// article of it (1967 Protocol art. I(1) → arts 2-34 of the 1951 Convention), found in the graph.
fn binding_instruments<'a>(cat: &'a Catalogue, o: &Obligation) -> Vec<&'a Instrument> {
    let Some(home) = cat.instruments.get(o.instrument_id()) else {
        return Vec::new();
    };
    let mut out = vec![home];
    for id in cat
        .graph()
        .sources_of(&Node::Instrument(home.id.clone()), Edge::Incorporates)
    {
        let Some(other) = cat.instruments.get(&id) else {
            continue;
        };
        let covers = other
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Incorporates && r.target == home.id)
            .any(|r| {
                o.articles.iter().all(|a| {
                    r.target_articles
                        .iter()
                        .any(|t| same_article(&home.articles, a, t))
                })
            });
        if covers {
            out.push(other);
        }
    }
    out
}

fn routes<'a>(cat: &'a Catalogue, c: &Country, o: &Obligation, date: Date) -> Vec<Route<'a>> {
    binding_instruments(cat, o)
        .into_iter()
        .filter_map(|via| {
            let since = standing(c.participation_in(&via.id), date);
            since.is_party().then_some(Route { via, since })
        })
        .collect()
}

/// Every obligation of the catalogue for `c` on `date`: bound or not, and how far implemented.
pub fn obligations(cat: &Catalogue, c: &Country, date: Date) -> Vec<ObligationEval> {
    let mut memo: BTreeMap<String, ObligationEval> = BTreeMap::new();
    for o in cat.obligations() {
        obligation(cat, c, o, date, &mut memo, 0);
    }
    memo.into_values().collect()
}

/// The obligation does not bind: unknown when a standing that could make it bind is unknown.
fn unbound(cat: &Catalogue, c: &Country, o: &Obligation, date: Date) -> ObligationEval {
    let home = o.instrument_id().to_string();
    let instruments = binding_instruments(cat, o);
    let unknown = instruments
        .iter()
        .any(|i| standing(c.participation_in(&i.id), date) == Standing::Unknown)
        || !cat.instruments.contains_key(&home);
    let status = if unknown {
        Status::Unknown
    } else {
        Status::NotApplicable
    };
    let strength = if unknown {
        Strength::None
    } else {
        Strength::Record
    };
    let mut r = Reason::new(Fact::NotBinding {
        obligation: o.id.clone(),
        date,
    })
    .with_status(status)
    .with_strength(strength);
    for i in instruments {
        r = r.child(
            Reason::new(Fact::Standing {
                instrument: i.id.clone(),
                standing: standing(c.participation_in(&i.id), date),
            })
            .cite(participation_cite(c, &i.id)),
        );
    }
    ObligationEval {
        id: o.id.clone(),
        instrument: home,
        status,
        strength,
        bound: false,
        excluded_by_reservation: false,
        via: None,
        leads: false,
        reasons: r,
    }
}

/// What the reservations on one route do to the obligation.
struct RouteReading<'a> {
    route: &'a Route<'a>,
    notes: Vec<Reason>,
    limited: bool,
    unread: bool,
}

fn read_route<'a>(
    c: &Country,
    o: &Obligation,
    home: &Instrument,
    route: &'a Route<'a>,
    date: Date,
    excluded: &mut Vec<Reason>,
) -> Option<RouteReading<'a>> {
    let mut reading = RouteReading {
        route,
        notes: vec![Reason::new(Fact::Standing {
            instrument: route.via.id.clone(),
            standing: route.since,
        })
        .cite(participation_cite(c, &route.via.id))],
        limited: false,
        unread: false,
    };
    let Some(p) = c.participation_in(&route.via.id) else {
        return Some(reading);
    };
    let mut excludes = false;
    for f in rules::reservation_effects(p, home, Some(&o.articles), false, date) {
        // A reservation to an article the treaty does not let states reserve cannot take it away.
        if f.effect == Effect::Unread && !o.reservable {
            continue;
        }
        let Some(r) = reservation_reason(c, p, &route.via.id, f) else {
            continue;
        };
        match f.effect {
            Effect::Excludes => {
                excludes = true;
                excluded.push(r);
            }
            Effect::Unread => {
                reading.unread = true;
                reading.notes.push(r);
            }
            Effect::Narrows | Effect::InForce => {
                reading.limited = true;
                reading.notes.push(r);
            }
        }
    }
    (!excludes).then_some(reading)
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
    let rs = routes(cat, c, o, date);
    let home = cat.instruments.get(o.instrument_id());
    let (Some(home), false) = (home, rs.is_empty()) else {
        let e = unbound(cat, c, o, date);
        let status = e.status;
        memo.insert(o.id.clone(), e);
        return status;
    };

    // The route that narrows least: a full route beats one with an unread reservation, which beats
    // one narrowed by a reservation or a geographic limitation.
    let mut excluded = Vec::new();
    let best = rs
        .iter()
        .filter_map(|r| read_route(c, o, home, r, date, &mut excluded))
        .min_by_key(|r| (r.limited, r.unread));
    let Some(reading) = best else {
        let r = Reason::new(Fact::ExcludedByReservation {
            obligation: o.id.clone(),
            date,
        })
        .with_status(Status::NotApplicable)
        .with_strength(Strength::Record)
        .children(excluded);
        memo.insert(
            o.id.clone(),
            ObligationEval {
                id: o.id.clone(),
                instrument: home.id.clone(),
                status: Status::NotApplicable,
                strength: Strength::Record,
                bound: false,
                excluded_by_reservation: true,
                via: None,
                leads: false,
                reasons: r,
            },
        );
        return Status::NotApplicable;
    };
    let via = reading.route.via.id.clone();
    let mut targets: Vec<&str> = vec![o.id.as_str()];
    targets.extend(o.requires.iter().map(String::as_str));
    let (mut status, strength, mut leads, impl_reasons) =
        match facts::evidence(cat, c, &targets, date, Purpose::Obligation) {
            Some(ev) => (ev.status, ev.strength, ev.leads, ev.reasons),
            None => (
                Status::Unknown,
                Strength::None,
                false,
                vec![Reason::new(Fact::NothingRecorded {
                    looked_for: targets.iter().map(|t| t.to_string()).collect(),
                })
                .with_status(Status::Unknown)],
            ),
        };
    if reading.limited && status == Status::Met {
        status = Status::Partial;
    }
    // A reservation whose text was not read may exclude or narrow it: its effect is unknown.
    if reading.unread {
        status = Status::Unknown;
        leads = true;
    }
    // Blocked: a prerequisite obligation is itself not met (and this one is not met either).
    let mut prereq = Vec::new();
    if depth < 32 {
        for d in cat
            .graph()
            .targets_of(&Node::Obligation(o.id.clone()), Edge::DependsOn)
        {
            if let Some(dep) = cat.obligation(&d) {
                let ds = obligation(cat, c, dep, date, memo, depth + 1);
                if matches!(ds, Status::Gap | Status::Blocked) {
                    prereq.push(
                        Reason::new(Fact::Prerequisite {
                            obligation: d.clone(),
                            status: ds,
                        })
                        .with_status(ds),
                    );
                }
            }
        }
    }
    if !prereq.is_empty() && status != Status::Met {
        status = Status::Blocked;
    }
    let r = Reason::new(Fact::Obligation {
        obligation: o.id.clone(),
    })
    .with_status(status)
    .with_strength(strength)
    .child(
        Reason::new(Fact::BindsThrough {
            instrument: via.clone(),
            incorporated: via != home.id,
        })
        .children(reading.notes),
    )
    .children(impl_reasons)
    .children(prereq);
    memo.insert(
        o.id.clone(),
        ObligationEval {
            id: o.id.clone(),
            instrument: home.id.clone(),
            status,
            strength,
            bound: true,
            excluded_by_reservation: false,
            via: Some(via),
            leads,
            reasons: r,
        },
    );
    status
}
