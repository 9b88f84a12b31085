//! Reading dated facts as they stood on a given day: facts dated later do not exist yet, laws count
//! between entry into force and repeal, reservations stop counting when withdrawn.

use super::status::{Cite, Reason, Status};
use crate::catalogue::Catalogue;
use crate::model::{
    Country, Date, Extent, JoinAction, MeasureStatus, Participation, ParticipationStatus, Period,
    Reservation, ReservationKind,
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

pub fn participation_cite(c: &Country, instrument: &str) -> Option<Cite> {
    let (i, p) = c
        .participation
        .iter()
        .enumerate()
        .find(|(_, p)| p.instrument == instrument)?;
    p.source
        .as_ref()
        .map(|s| Cite::new(s, &country_file(c), format!("/participation/{i}")))
}

/// Standing of `p` on `date`.
pub fn standing(p: Option<&Participation>, date: Date) -> Standing {
    let Some(p) = p else { return Standing::Unknown };
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

pub fn describe_standing(s: Standing, name: &str) -> String {
    match s {
        Standing::Party { since, action, .. } => {
            let how = action
                .map(|a| format!(" ({})", a.as_str()))
                .unwrap_or_default();
            match (s.joined(), since) {
                (Some(j), Some(_)) => format!("party to {name} since {j}{how}"),
                (Some(j), None) => format!("party to {name} since {j} (day not recorded){how}"),
                (None, _) => format!("party to {name} (date of joining not recorded)"),
            }
        }
        Standing::Signatory { since: Some(d) } => {
            format!("signed {name} on {d} but has not ratified")
        }
        Standing::Signatory { since: None } => {
            format!("signed {name} (day not recorded) but has not ratified")
        }
        Standing::NotParty => format!("not party to {name}"),
        Standing::Withdrawn { on } => format!("withdrew from {name} on {on}"),
        Standing::Unknown => format!("participation in {name} not recorded for this date"),
    }
}

/// What the country's laws in force and recorded measures say about `target` (an obligation id or a
/// measure kind) on `date`, with the reasons. `None` when nothing is recorded.
pub fn implementation(
    cat: &Catalogue,
    c: &Country,
    targets: &[&str],
    date: Date,
) -> Option<(Status, Vec<Reason>)> {
    let file = country_file(c);
    let mut reasons = Vec::new();
    let mut found: Vec<Status> = Vec::new();
    for (li, law) in c.legislation.iter().enumerate() {
        for (ii, imp) in law.implements.iter().enumerate() {
            if !targets.contains(&imp.target.as_str()) {
                continue;
            }
            let cite = law
                .source
                .as_ref()
                .map(|s| Cite::new(s, &file, format!("/legislation/{li}/implements/{ii}")));
            let title = match &law.citation {
                Some(c) => format!("{} ({c})", law.title),
                None => law.title.clone(),
            };
            if !law.in_force_on(date) {
                let why = match (&law.repealed, law.effective(), law.enacted_period) {
                    (Some(r), _, _) if r.done_by(date) => format!("repealed {}", r.when()),
                    (_, Some(e), _) => format!("not yet in force (from {e})"),
                    (_, None, Some(p)) if p.contains(date) => {
                        format!("enacted in {p}, on a day not recorded")
                    }
                    (_, None, Some(p)) => format!("not yet enacted (in {p})"),
                    _ => "date of entry into force not recorded".to_string(),
                };
                reasons.push(
                    Reason::new(format!("{title} does not count on {date}: {why}")).cite(cite),
                );
                // Said once per law, however many of its provisions would have counted.
                break;
            }
            let st = match imp.extent {
                Extent::Full => Status::Met,
                Extent::Partial => Status::Partial,
                Extent::Conflicts => Status::Gap,
            };
            let verb = match imp.extent {
                Extent::Full => "implements",
                Extent::Partial => "partly implements",
                Extent::Conflicts => "conflicts with",
            };
            let prov = imp
                .provision
                .as_deref()
                .map(|p| format!(", {p}"))
                .unwrap_or_default();
            reasons.push(
                Reason::new(format!(
                    "{title}{prov} {verb} `{}`: {}",
                    imp.target, imp.note
                ))
                .with_status(st)
                .cite(cite),
            );
            found.push(st);
        }
    }
    for kind in targets.iter().filter(|t| cat.is_measure_kind(t)) {
        if let Some((mi, m)) = latest_measure(c, kind, date) {
            let st = match m.status {
                MeasureStatus::InPlace => Status::Met,
                MeasureStatus::Partial => Status::Partial,
                MeasureStatus::Absent | MeasureStatus::Planned => Status::Gap,
            };
            let cite = m
                .source
                .as_ref()
                .map(|s| Cite::new(s, &file, format!("/measures/{mi}")));
            reasons.push(
                Reason::new(format!(
                    "{}: {} as of {} — {}",
                    cat.measure_label(kind),
                    m.status.as_str(),
                    m.date,
                    m.summary
                ))
                .with_status(st)
                .cite(cite),
            );
            found.push(st);
        }
    }
    if found.is_empty() {
        return if reasons.is_empty() {
            None
        } else {
            Some((Status::Unknown, reasons))
        };
    }
    // A law that contradicts the obligation is a gap whatever else is on the books.
    let st = if conflicts(c, targets, date) {
        Status::Gap
    } else if found.contains(&Status::Met) {
        Status::Met
    } else if found.contains(&Status::Partial) {
        Status::Partial
    } else {
        Status::Gap
    };
    Some((st, reasons))
}

fn conflicts(c: &Country, targets: &[&str], date: Date) -> bool {
    c.legislation
        .iter()
        .filter(|l| l.in_force_on(date))
        .any(|l| {
            l.implements
                .iter()
                .any(|i| i.extent == Extent::Conflicts && targets.contains(&i.target.as_str()))
        })
}

/// The latest measure of `kind` dated on or before `date`.
pub fn latest_measure<'a>(
    c: &'a Country,
    kind: &str,
    date: Date,
) -> Option<(usize, &'a crate::model::Measure)> {
    c.measures
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == kind && m.date <= date)
        .max_by_key(|(_, m)| m.date)
}

/// Membership of `body` on `date`: `Some(true/false)`, or `None` when no memberships are recorded at all.
pub fn member_of(c: &Country, body: &str, date: Date) -> Option<(bool, Option<Cite>)> {
    if c.memberships.is_empty() {
        return None;
    }
    let file = country_file(c);
    for (i, m) in c.memberships.iter().enumerate() {
        if m.body == body && m.since.is_none_or(|s| s <= date) && m.until.is_none_or(|u| u > date) {
            return Some((
                true,
                m.source
                    .as_ref()
                    .map(|s| Cite::new(s, &file, format!("/memberships/{i}"))),
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
        assert_eq!(
            describe_standing(later, "C29"),
            "party to C29 since 1963 (day not recorded)"
        );
        assert_eq!(later.joined().as_deref(), Some("1963"));
        assert_eq!(later.joined_year(), Some(1963));
    }
}
