use super::{Date, PartialDate, Period, Source};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    #[serde(rename = "$schema")]
    pub schema: String,
    pub iso3: String,
    pub iso2: String,
    pub name: String,
    #[serde(default)]
    pub memberships: Vec<Membership>,
    #[serde(default)]
    pub conferences: Vec<ConferenceRole>,
    pub participation: Vec<Participation>,
    #[serde(default)]
    pub legislation: Vec<Law>,
    #[serde(default)]
    pub measures: Vec<Measure>,
    #[serde(default)]
    pub notes: Option<String>,
}

impl Country {
    pub fn participation_in(&self, instrument: &str) -> Option<&Participation> {
        self.participation
            .iter()
            .find(|p| p.instrument == instrument)
    }

    pub fn law(&self, id: &str) -> Option<&Law> {
        self.legislation.iter().find(|l| l.id == id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    pub body: String,
    #[serde(default)]
    pub since: Option<Date>,
    #[serde(default)]
    pub until: Option<Date>,
    #[serde(default)]
    pub source: Option<Source>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Host,
    Participant,
    InvitedAbsent,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConferenceRole {
    pub plan: String,
    pub role: Role,
    #[serde(default)]
    pub source: Option<Source>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ParticipationStatus {
    Party,
    Signatory,
    NotParty,
    Withdrawn,
    /// Checked, and not settled: the sources disagree, or none current was found. Unlike a missing
    /// entry, it says that someone looked (and the note says where).
    Unknown,
}

impl ParticipationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ParticipationStatus::Party => "party",
            ParticipationStatus::Signatory => "signatory",
            ParticipationStatus::NotParty => "not-party",
            ParticipationStatus::Withdrawn => "withdrawn",
            ParticipationStatus::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JoinAction {
    Ratification,
    Accession,
    Succession,
    Acceptance,
    Approval,
    DefinitiveSignature,
}

impl JoinAction {
    pub fn as_str(self) -> &'static str {
        match self {
            JoinAction::Ratification => "ratification",
            JoinAction::Accession => "accession",
            JoinAction::Succession => "succession",
            JoinAction::Acceptance => "acceptance",
            JoinAction::Approval => "approval",
            JoinAction::DefinitiveSignature => "definitive-signature",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participation {
    pub instrument: String,
    pub status: ParticipationStatus,
    #[serde(default)]
    pub action: Option<JoinAction>,
    #[serde(default)]
    pub signature: Option<Date>,
    #[serde(default)]
    pub deposit: Option<Date>,
    /// The year or month of deposit (or ILO registration) when the source gives no day.
    #[serde(default)]
    pub deposit_period: Option<Period>,
    #[serde(default)]
    pub withdrawal: Option<Date>,
    #[serde(default)]
    pub reservations: Vec<Reservation>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub source: Option<Source>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReservationKind {
    Reservation,
    Declaration,
    GeographicLimitation,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reservation {
    /// Stable within its participation entry, so citations survive reordering.
    #[serde(default)]
    pub id: Option<String>,
    pub kind: ReservationKind,
    pub articles: Vec<String>,
    pub summary: String,
    /// Whether its text (or the depositary's account of it) was read, so that the articles it touches
    /// are known. An unread reservation has an unknown effect.
    #[serde(default)]
    pub text_read: Option<bool>,
    #[serde(default)]
    pub made: Option<Date>,
    #[serde(default)]
    pub withdrawn: Option<Date>,
    #[serde(default)]
    pub source: Option<Source>,
}

impl Reservation {
    /// Its effect can be judged: the text was read and it names what it touches (a geographic
    /// limitation touches the whole 1951 Convention by its nature, art. 1B).
    pub fn effect_known(&self) -> bool {
        self.text_read == Some(true)
            && (self.kind == ReservationKind::GeographicLimitation || !self.articles.is_empty())
    }

    /// In force on `date`: made by then (an undated one counts from the deposit it came with) and not
    /// yet withdrawn.
    pub fn in_force(&self, date: Date) -> bool {
        self.made.is_none_or(|m| m <= date) && self.withdrawn.is_none_or(|w| w > date)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Law {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub citation: Option<String>,
    #[serde(default)]
    pub enacted: Option<Date>,
    /// The year or month of enactment when no day is on record (and no entry-into-force day either).
    #[serde(default)]
    pub enacted_period: Option<Period>,
    #[serde(default)]
    pub in_force: Option<Date>,
    #[serde(default)]
    pub repealed: Option<Repeal>,
    #[serde(default)]
    pub implements: Vec<Implementation>,
    #[serde(default)]
    pub source: Option<Source>,
}

impl Law {
    /// The date from which the law counts: entry into force, or enactment when that is all we know.
    pub fn effective(&self) -> Option<Date> {
        self.in_force.or(self.enacted)
    }

    /// In force on `date`: between entry into force and repeal. A law known only by the year or month
    /// of its enactment counts once that period is over; one repealed on a day not recorded stops
    /// counting when the period of its repeal begins (within either period the day decides, and it is
    /// not known, so the law does not count there).
    pub fn in_force_on(&self, date: Date) -> bool {
        let started = match (self.effective(), self.enacted_period) {
            (Some(d), _) => d <= date,
            (None, Some(p)) => p.last_day() < date,
            (None, None) => false,
        };
        started && self.repealed.as_ref().is_none_or(|r| !r.done_by(date))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repeal {
    #[serde(default)]
    pub date: Option<Date>,
    /// The year or month of the repeal when its day is not on record.
    #[serde(default)]
    pub period: Option<Period>,
    #[serde(default)]
    pub by: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

impl Repeal {
    /// Whether the law may already have been repealed on `date`: on or after the day, or from the start
    /// of the period when only that is known.
    pub fn done_by(&self, date: Date) -> bool {
        match (self.date, self.period) {
            (Some(d), _) => d <= date,
            (None, Some(p)) => p.first_day() <= date,
            (None, None) => false,
        }
    }

    /// When, as precisely as the record knows.
    pub fn when(&self) -> String {
        match (self.date, self.period) {
            (Some(d), _) => format!("on {d}"),
            (None, Some(p)) => format!("in {p} (day not recorded)"),
            (None, None) => "on a day not recorded".into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Extent {
    Full,
    Partial,
    Conflicts,
}

/// How a provision's effect is known: read in the law's text (the default when a provision is
/// cited), or stated by an authoritative report, which is then the `source` of the entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    Text,
    Report,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Implementation {
    pub target: String,
    pub extent: Extent,
    #[serde(default)]
    pub provision: Option<String>,
    pub note: String,
    #[serde(default)]
    pub basis: Option<Basis>,
    /// The report that states it (`basis: report`), or the copy of the text the provision was read in
    /// when that is not the law's own source.
    #[serde(default)]
    pub source: Option<Source>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeasureStatus {
    InPlace,
    Partial,
    Absent,
    Planned,
}

impl MeasureStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MeasureStatus::InPlace => "in-place",
            MeasureStatus::Partial => "partial",
            MeasureStatus::Absent => "absent",
            MeasureStatus::Planned => "planned",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Stable within the country file, so citations survive reordering.
    #[serde(default)]
    pub id: Option<String>,
    pub kind: String,
    pub status: MeasureStatus,
    /// The day the status holds from, or its month or year when the source gives no day (the status
    /// then counts once that period is over).
    pub date: PartialDate,
    pub summary: String,
    #[serde(default)]
    pub source: Option<Source>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn law(json: &str) -> Law {
        serde_json::from_str(json).unwrap()
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn a_law_known_by_its_month_counts_once_the_month_is_over() {
        let l = law(r#"{"id": "a", "title": "A", "enacted_period": "2008-08"}"#);
        assert!(!l.in_force_on(day("2008-08-31")));
        assert!(l.in_force_on(day("2008-09-01")));
    }

    #[test]
    fn a_law_repealed_in_a_known_year_stops_counting_when_that_year_begins() {
        let l = law(
            r#"{"id": "a", "title": "A", "in_force": "1997-06-01", "repealed": {"period": "2012"}}"#,
        );
        assert!(l.in_force_on(day("2011-12-31")));
        assert!(!l.in_force_on(day("2012-01-01")));
        assert_eq!(
            l.repealed.as_ref().unwrap().when(),
            "in 2012 (day not recorded)"
        );
    }
}
