//! Reading dated facts as they stood on a given day: facts dated later do not exist yet, laws count
//! between entry into force and repeal, reservations stop counting when withdrawn.

use super::fact::{Fact, NotCounting};
use super::status::{Cite, Reason, Status, Strength};
use crate::catalogue::Catalogue;
use crate::model::{
    Basis, Country, Date, Extent, Implementation, JoinAction, Law, Measure, MeasureStatus,
    Participation, ParticipationStatus, Period, Reservation, ReservationKind,
};
use serde::Serialize;

/// A state's standing towards one treaty on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "standing", rename_all = "kebab-case")]
pub enum Standing {
    /// `since` is the day of deposit; when only its year or month is on record, `within` holds it.
    Party {
        since: Option<Date>,
        #[serde(skip_serializing_if = "Option::is_none")]
        within: Option<Period>,
        action: Option<JoinAction>,
    },
    /// `since` is `None` when the record says the state signed but not on which day.
    Signatory {
        since: Option<Date>,
    },
    NotParty,
    Withdrawn {
        on: Date,
    },
    /// No participation entry, or a party or signatory whose date is not recorded, asked about a day
    /// before the record was made.
    Unknown,
}

impl Standing {
    pub fn is_party(self) -> bool {
        matches!(self, Standing::Party { .. })
    }

    /// When a party joined, as precisely as the record knows: the day of deposit, else its year or month.
    pub fn joined(self) -> Option<String> {
        match self {
            Standing::Party { since: Some(d), .. } => Some(d.to_string()),
            Standing::Party {
                within: Some(p), ..
            } => Some(p.to_string()),
            _ => None,
        }
    }

    /// The year a party joined, where the record knows at least that.
    pub fn joined_year(self) -> Option<i16> {
        match self {
            Standing::Party { since: Some(d), .. } => Some(d.year()),
            Standing::Party {
                within: Some(p), ..
            } => Some(p.first_day().year()),
            _ => None,
        }
    }

    /// The participation status on that day, as the export contract names it (empty when unknown).
    pub fn as_status(self) -> Option<ParticipationStatus> {
        match self {
            Standing::Party { .. } => Some(ParticipationStatus::Party),
            Standing::Signatory { .. } => Some(ParticipationStatus::Signatory),
            Standing::NotParty => Some(ParticipationStatus::NotParty),
            Standing::Withdrawn { .. } => Some(ParticipationStatus::Withdrawn),
            Standing::Unknown => None,
        }
    }
}

pub fn country_file(c: &Country) -> String {
    format!("countries/{}.json", c.iso3)
}

/// The citation of a state's participation entry for `instrument`, by the instrument id.
pub fn participation_cite(c: &Country, instrument: &str) -> Option<Cite> {
    let p = c.participation_in(instrument)?;
    p.source
        .as_ref()
        .map(|s| Cite::new(s, &country_file(c), format!("participation/{instrument}")))
}

/// The citation of one reservation, by its id: its own source, else the participation entry's.
pub fn reservation_cite(c: &Country, p: &Participation, index: usize) -> Option<Cite> {
    let r = p.reservations.get(index)?;
    r.source.as_ref().or(p.source.as_ref()).map(|s| {
        Cite::new(
            s,
            &country_file(c),
            format!("participation/{}/reservations/{}", p.instrument, r.id),
        )
    })
}

/// Strength of the record behind a standing: a depositary record when sourced, else nothing.
pub fn record_strength(p: Option<&Participation>) -> Strength {
    match p.and_then(|p| p.source.as_ref()) {
        Some(_) => Strength::Record,
        None => Strength::None,
    }
}
/// Standing of `p` on `date`.
pub fn standing(p: Option<&Participation>, date: Date) -> Standing {
    let Some(p) = p else { return Standing::Unknown };
    if matches!(
        p.status,
        ParticipationStatus::Unknown | ParticipationStatus::NotChecked
    ) {
        return Standing::Unknown;
    }
    if let Some(w) = p.withdrawal {
        if w <= date {
            return Standing::Withdrawn { on: w };
        }
    }
    match (p.deposit, p.deposit_period) {
        (Some(d), _) if d <= date => {
            return Standing::Party {
                since: Some(d),
                within: None,
                action: p.action,
            }
        }
        (Some(_), _) => {}
        // Only the year or month of deposit is known: party once it is over, unknown during it.
        (None, Some(per)) if per.last_day() < date => {
            return Standing::Party {
                since: None,
                within: Some(per),
                action: p.action,
            }
        }
        (None, Some(per)) if per.contains(date) => return Standing::Unknown,
        (None, Some(_)) => {}
        (None, None) => {
            if matches!(
                p.status,
                ParticipationStatus::Party | ParticipationStatus::Withdrawn
            ) {
                // Party today but the joining date is not recorded: it holds from when the record was made.
                return match recorded_on(p) {
                    Some(k) if k <= date => Standing::Party {
                        since: None,
                        within: None,
                        action: p.action,
                    },
                    _ => Standing::Unknown,
                };
            }
        }
    }
    match p.signature {
        Some(s) if s <= date => Standing::Signatory { since: Some(s) },
        Some(_) => Standing::NotParty,
        None if p.status == ParticipationStatus::Signatory => {
            // Signed on a day not recorded: as for an undated party, it holds from when the record was made.
            match recorded_on(p) {
                Some(k) if k <= date => Standing::Signatory { since: None },
                _ => Standing::Unknown,
            }
        }
        None => Standing::NotParty,
    }
}

/// The day an entry was checked (else read): an undated standing is known to hold from then on.
fn recorded_on(p: &Participation) -> Option<Date> {
    p.source.as_ref().map(|s| s.verified.unwrap_or(s.accessed))
}

/// Reservations (and geographic limitations) in force on `date`; declarations do not exclude anything.
pub fn reservations_in_force(
    p: &Participation,
    date: Date,
) -> impl Iterator<Item = (usize, &Reservation)> {
    p.reservations
        .iter()
        .enumerate()
        .filter(move |(_, r)| r.kind != ReservationKind::Declaration && r.in_force(date))
}

/// What evidence is asked for: a substantive obligation, which a subject-level measure kind only points
/// to, or a measure kind asked about in its own right (a plan asking for a refugee law).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Obligation,
    Measure,
}

/// What the laws in force and the recorded measures show about some targets on a date.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub status: Status,
    /// The strength of what decides the status; `Law` when only leads were found.
    pub strength: Strength,
    /// A law in force conflicts with a target, on evidence strong enough to decide.
    pub conflict: bool,
    /// Some entry at `Law` strength or a law that does not count: things a researcher should read.
    pub leads: bool,
    pub reasons: Vec<Reason>,
}

/// The strength of one implementation entry: a provision read in the text, a report that states it,
/// or only a law identified on the subject. A subject-level kind is only ever a lead for an obligation.
fn entry_strength(cat: &Catalogue, law: &Law, imp: &Implementation, purpose: Purpose) -> Strength {
    if purpose == Purpose::Obligation && cat.is_subject_kind(&imp.target) {
        return Strength::Law;
    }
    let sourced = imp.source.is_some() || law.source.is_some();
    match (imp.basis, &imp.source, &imp.provision) {
        (Some(Basis::Report), Some(_), _) => Strength::Secondary,
        (Some(Basis::Report), None, _) => Strength::Law,
        (_, _, Some(_)) if sourced => Strength::Provision,
        _ if sourced => Strength::Law,
        _ => Strength::None,
    }
}

fn law_not_counting(law: &Law, date: Date) -> NotCounting {
    match (&law.repealed, law.effective(), law.enacted_period) {
        (Some(r), _, _) if r.done_by(date) => NotCounting::Repealed {
            on: r.date,
            within: if r.date.is_none() { r.period } else { None },
        },
        (_, Some(e), _) => NotCounting::NotYetInForce { from: e },
        (_, None, Some(p)) if p.contains(date) => NotCounting::EnactedWithin { period: p },
        (_, None, Some(p)) => NotCounting::NotYetEnacted { period: p },
        _ => NotCounting::NoDate,
    }
}

fn extent_status(e: Extent) -> Status {
    match e {
        Extent::Full => Status::Met,
        Extent::Partial => Status::Partial,
        Extent::Conflicts => Status::Gap,
    }
}

fn measure_status(m: MeasureStatus) -> Status {
    match m {
        MeasureStatus::InPlace => Status::Met,
        MeasureStatus::Partial => Status::Partial,
        MeasureStatus::Absent | MeasureStatus::Planned => Status::Gap,
    }
}

/// What the country's laws in force and recorded measures say about `targets` (an obligation id and
/// the measure kinds that implement it, or one measure kind) on `date`. `None` when nothing is recorded.
/// Only `Secondary` or `Provision` evidence decides; weaker entries are leads and leave it unknown.
pub fn evidence(
    cat: &Catalogue,
    c: &Country,
    targets: &[&str],
    date: Date,
    purpose: Purpose,
) -> Option<Evidence> {
    let file = country_file(c);
    let mut reasons = Vec::new();
    // (status, strength, conflicting law) of every entry that counts on the date.
    let mut found: Vec<(Status, Strength, bool)> = Vec::new();
    let mut leads = false;
    for law in &c.legislation {
        let matching: Vec<&Implementation> = law
            .implements
            .iter()
            .filter(|i| targets.contains(&i.target.as_str()))
            .collect();
        if matching.is_empty() {
            continue;
        }
        if !law.in_force_on(date) {
            leads = true;
            // Said once per law, however many of its provisions would have counted.
            reasons.push(
                Reason::new(Fact::LawNotCounting {
                    law: law.id.clone(),
                    title: law.title.clone(),
                    citation: law.citation.clone(),
                    date,
                    why: law_not_counting(law, date),
                })
                .cite(
                    law.source
                        .as_ref()
                        .map(|s| Cite::new(s, &file, format!("legislation/{}", law.id))),
                ),
            );
            continue;
        }
        for imp in matching {
            let strength = entry_strength(cat, law, imp, purpose);
            let st = extent_status(imp.extent);
            // The entry's own source (a report, or the copy of the text the provision was read in)
            // comes first; else the law's.
            let src = imp.source.as_ref().or(law.source.as_ref());
            let cite = src.map(|s| {
                Cite::new(
                    s,
                    &file,
                    format!("legislation/{}/implements/{}", law.id, imp.target),
                )
            });
            let r = Reason::new(Fact::Implements {
                law: law.id.clone(),
                title: law.title.clone(),
                citation: law.citation.clone(),
                provision: imp.provision.clone(),
                extent: imp.extent,
                target: imp.target.clone(),
                note: imp.note.clone(),
            })
            .with_strength(strength)
            .cite(cite);
            if strength.decides() {
                reasons.push(r.with_status(st));
                found.push((st, strength, imp.extent == Extent::Conflicts));
            } else {
                leads = true;
                reasons.push(r.with_status(Status::Unknown));
            }
        }
    }
    for kind in targets.iter().filter(|t| cat.is_measure_kind(t)) {
        if let Some(m) = latest_measure(c, kind, date) {
            let st = measure_status(m.status);
            // A report that no law on the subject exists shows the obligation unmet as well; one that
            // a law exists only points to where it might be met.
            let strength = match (&m.source, purpose) {
                (None, _) => Strength::None,
                (Some(_), Purpose::Obligation)
                    if cat.is_subject_kind(kind) && st != Status::Gap =>
                {
                    Strength::Law
                }
                (Some(_), _) => Strength::Secondary,
            };
            let r = Reason::new(Fact::Measure {
                kind: m.kind.clone(),
                status: m.status,
                date: m.date,
                summary: m.summary.clone(),
            })
            .with_strength(strength)
            .cite(
                m.source
                    .as_ref()
                    .map(|s| Cite::new(s, &file, format!("measures/{}", m.id))),
            );
            if strength.decides() {
                reasons.push(r.with_status(st));
                found.push((st, strength, false));
            } else {
                leads = true;
                reasons.push(r.with_status(Status::Unknown));
            }
        }
    }
    if reasons.is_empty() {
        return None;
    }
    let strongest = |pred: &dyn Fn(&(Status, Strength, bool)) -> bool| {
        found
            .iter()
            .filter(|f| pred(f))
            .map(|f| f.1)
            .max()
            .unwrap_or_default()
    };
    // A law that contradicts the obligation is a gap whatever else is on the books.
    let (status, strength, conflict) = if found.iter().any(|f| f.2) {
        (Status::Gap, strongest(&|f| f.2), true)
    } else if found.iter().any(|f| f.0 == Status::Met) {
        (Status::Met, strongest(&|f| f.0 == Status::Met), false)
    } else if found.iter().any(|f| f.0 == Status::Partial) {
        (
            Status::Partial,
            strongest(&|f| f.0 == Status::Partial),
            false,
        )
    } else if !found.is_empty() {
        (Status::Gap, strongest(&|_| true), false)
    } else if leads {
        (Status::Unknown, Strength::Law, false)
    } else {
        (Status::Unknown, Strength::None, false)
    };
    Some(Evidence {
        status,
        strength,
        conflict,
        leads,
        reasons,
    })
}

/// The latest measure of `kind` dated on or before `date`.
pub fn latest_measure<'a>(c: &'a Country, kind: &str, date: Date) -> Option<&'a Measure> {
    c.measures
        .iter()
        .filter(|m| m.kind == kind && m.date.last_day() <= date)
        .max_by_key(|m| m.date.last_day())
}

/// Membership of `body` on `date`: `Some(true/false)`, or `None` when no memberships are recorded at all.
pub fn member_of(c: &Country, body: &str, date: Date) -> Option<(bool, Option<Cite>)> {
    if c.memberships.is_empty() {
        return None;
    }
    let file = country_file(c);
    for m in &c.memberships {
        if m.body == body && m.since.is_none_or(|s| s <= date) && m.until.is_none_or(|u| u > date) {
            return Some((
                true,
                m.source
                    .as_ref()
                    .map(|s| Cite::new(s, &file, format!("memberships/{}", m.body))),
            ));
        }
    }
    Some((false, None))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn entry(json: &str) -> Participation {
        serde_json::from_str(json).unwrap()
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    const CHECKED: &str = r#""source": {"title": "t", "url": "https://example.org/", "accessed": "2026-11-30", "verified": "2026-12-01"}"#;

    #[test]
    fn an_undated_signature_holds_from_the_day_it_was_checked() {
        let p = entry(&format!(
            r#"{{"instrument": "x", "status": "signatory", {CHECKED}}}"#
        ));
        assert_eq!(
            standing(Some(&p), day("2026-12-01")),
            Standing::Signatory { since: None }
        );
        // Before the record was checked nothing says whether the state had signed yet.
        assert_eq!(standing(Some(&p), day("2026-11-30")), Standing::Unknown);
    }

    #[test]
    fn a_dated_signature_counts_from_its_day() {
        let p = entry(&format!(
            r#"{{"instrument": "x", "status": "signatory", "signature": "2018-03-22", {CHECKED}}}"#
        ));
        assert_eq!(
            standing(Some(&p), day("2018-03-22")),
            Standing::Signatory {
                since: Some(day("2018-03-22"))
            }
        );
        assert_eq!(standing(Some(&p), day("2018-03-21")), Standing::NotParty);
    }

    #[test]
    fn an_explicit_not_party_entry_is_not_party_on_any_day() {
        let p = entry(&format!(
            r#"{{"instrument": "x", "status": "not-party", {CHECKED}}}"#
        ));
        assert_eq!(standing(Some(&p), day("1990-01-01")), Standing::NotParty);
        assert_eq!(standing(None, day("1990-01-01")), Standing::Unknown);
    }

    #[test]
    fn a_deposit_known_by_year_counts_once_the_year_is_over() {
        let p = entry(&format!(
            r#"{{"instrument": "x", "status": "party", "deposit_period": "1963", {CHECKED}}}"#
        ));
        let within = Some("1963".parse().unwrap());
        assert_eq!(
            standing(Some(&p), day("1964-01-01")),
            Standing::Party {
                since: None,
                within,
                action: None
            }
        );
        // During the year the day of deposit decides, and it is not on record.
        assert_eq!(standing(Some(&p), day("1963-07-01")), Standing::Unknown);
        assert_eq!(standing(Some(&p), day("1962-12-31")), Standing::NotParty);
        let later = standing(Some(&p), day("2012-12-31"));
        assert_eq!(later.joined().as_deref(), Some("1963"));
        assert_eq!(later.joined_year(), Some(1963));
    }

    #[test]
    fn an_entry_not_checked_yet_says_nothing_on_any_day() {
        let p = entry(r#"{"instrument": "x", "status": "not-checked"}"#);
        assert_eq!(standing(Some(&p), day("1990-01-01")), Standing::Unknown);
        assert_eq!(standing(Some(&p), day("2026-12-01")), Standing::Unknown);
        assert_eq!(standing(Some(&p), day("2026-12-01")).as_status(), None);
    }
}
