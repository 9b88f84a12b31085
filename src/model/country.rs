use super::schema::{Article, Day, Id, Iso3, Reference, Text};
use super::{Date, PartialDate, Period, Source};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A state: its memberships, conference roles, treaty participation, laws and measures
/// (`countries/<ISO3>.json`).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// The schema this file follows, by its path relative to the file.
    #[serde(rename = "$schema")]
    pub schema: String,
    #[schemars(with = "Iso3")]
    pub iso3: String,
    #[schemars(regex(pattern = "^[A-Z]{2}$"))]
    pub iso2: String,
    #[schemars(with = "Text")]
    pub name: String,
    #[serde(default)]
    pub memberships: Vec<Membership>,
    #[serde(default)]
    pub conferences: Vec<ConferenceRole>,
    /// One entry per treaty of the catalogue. A missing entry means 'not checked'.
    pub participation: Vec<Participation>,
    #[serde(default)]
    pub legislation: Vec<Law>,
    #[serde(default)]
    pub measures: Vec<Measure>,
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
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

/// Membership of a regional body.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// Id of a regional body in the vocabulary.
    pub body: String,
    #[serde(default)]
    #[schemars(with = "Option<Day>")]
    pub since: Option<Date>,
    #[serde(default)]
    #[schemars(with = "Option<Day>")]
    pub until: Option<Date>,
    #[serde(default)]
    pub source: Option<Source>,
}

/// The state's part in the conference that adopted a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Host,
    Participant,
    InvitedAbsent,
}

/// The state's part in the conference that adopted a plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConferenceRole {
    #[schemars(with = "Id")]
    pub plan: String,
    pub role: Role,
    #[serde(default)]
    pub source: Option<Source>,
}

/// Where the state stands towards the treaty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ParticipationStatus {
    Party,
    Signatory,
    NotParty,
    Withdrawn,
    /// Checked and not settled: the sources disagree, or none current was found. Unlike a missing
    /// entry, it says that someone looked; say where in `note`.
    Unknown,
    /// Not checked yet: a placeholder (a new state's record lists every treaty so). It reads as no
    /// entry at all, and `validate` lists it as still to check.
    NotChecked,
}

impl ParticipationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ParticipationStatus::Party => "party",
            ParticipationStatus::Signatory => "signatory",
            ParticipationStatus::NotParty => "not-party",
            ParticipationStatus::Withdrawn => "withdrawn",
            ParticipationStatus::Unknown => "unknown",
            ParticipationStatus::NotChecked => "not-checked",
        }
    }
}

/// How the state became bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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

/// The state's participation in one treaty of the catalogue.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Participation {
    /// The treaty's id; it is also how citations name this entry (`participation/<id>`).
    #[schemars(with = "Id")]
    pub instrument: String,
    pub status: ParticipationStatus,
    #[serde(default)]
    pub action: Option<JoinAction>,
    #[serde(default)]
    #[schemars(with = "Option<Day>")]
    pub signature: Option<Date>,
    /// Date the instrument of ratification, accession … was deposited (or registered, for ILO).
    #[serde(default)]
    #[schemars(with = "Option<Day>")]
    pub deposit: Option<Date>,
    /// The year or month of deposit (or ILO registration) when the source gives no day; never
    /// together with `deposit`.
    #[serde(default)]
    pub deposit_period: Option<Period>,
    /// Date a denunciation or withdrawal took effect.
    #[serde(default)]
    #[schemars(with = "Option<Day>")]
    pub withdrawal: Option<Date>,
    #[serde(default)]
    pub reservations: Vec<Reservation>,
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
    pub note: Option<String>,
    #[serde(default)]
    pub source: Option<Source>,
}

/// What the statement is: a reservation, an interpretative declaration, or the 1951 Convention's
/// geographic limitation (art. 1B).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ReservationKind {
    Reservation,
    Declaration,
    GeographicLimitation,
}

/// A reservation or declaration the state made to the treaty.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reservation {
    /// Unique within its participation entry, so citations to it survive reordering; by custom the
    /// kind and the articles it touches, `reservation-art-17`.
    #[schemars(with = "Id")]
    pub id: String,
    pub kind: ReservationKind,
    /// The articles it touches.
    #[schemars(with = "Vec<Article>")]
    pub articles: Vec<String>,
    #[schemars(with = "Text")]
    pub summary: String,
    /// Whether its text (or the depositary's account of it) was read, so that the articles it touches
    /// are known. An unread reservation has an unknown effect.
    #[serde(default)]
    pub text_read: Option<bool>,
    #[serde(default)]
    #[schemars(with = "Option<Day>")]
    pub made: Option<Date>,
    #[serde(default)]
    #[schemars(with = "Option<Day>")]
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

/// A national act, dated by its enactment, its entry into force, or the year or month of enactment.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("anyOf" = [
    { "required": ["enacted"] },
    { "required": ["in_force"] },
    { "required": ["enacted_period"] }
]))]
pub struct Law {
    /// Unique within the country, e.g. `refugees-act-1998`; citations name the law by it.
    #[schemars(with = "Id")]
    pub id: String,
    #[schemars(with = "Text")]
    pub title: String,
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
    pub citation: Option<String>,
    #[serde(default)]
    #[schemars(with = "Option<Day>")]
    pub enacted: Option<Date>,
    /// The year or month of enactment when no day is on record (and no entry-into-force day either);
    /// the law counts once the period is over.
    #[serde(default)]
    pub enacted_period: Option<Period>,
    #[serde(default)]
    #[schemars(with = "Option<Day>")]
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

/// When and by what a law was repealed.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("anyOf" = [{ "required": ["date"] }, { "required": ["period"] }]))]
pub struct Repeal {
    #[serde(default)]
    #[schemars(with = "Option<Day>")]
    pub date: Option<Date>,
    /// The year or month of the repeal when its day is not on record; the law stops counting when
    /// the period begins.
    #[serde(default)]
    pub period: Option<Period>,
    /// Id of the law (in this file) that repealed it.
    #[serde(default)]
    #[schemars(with = "Option<Id>")]
    pub by: Option<String>,
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
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

/// How far the provision implements its target: in full, in part, or against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Extent {
    Full,
    Partial,
    Conflicts,
}

/// How a provision's effect is known: read in the law's text (the default when a provision is
/// cited), or stated by an authoritative report, which is then the `source` of the entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    Text,
    Report,
}

/// What a law does for one obligation or measure kind.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Implementation {
    #[schemars(with = "Reference")]
    pub target: String,
    pub extent: Extent,
    /// The section(s) of the law concerned.
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
    pub provision: Option<String>,
    #[schemars(with = "Text")]
    pub note: String,
    #[serde(default)]
    pub basis: Option<Basis>,
    /// The report that states it (`basis: report`), or the copy of the text the provision was read in
    /// when that is not the law's own source.
    #[serde(default)]
    pub source: Option<Source>,
}

/// Where the measure stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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

/// A non-legislative fact a plan asks about: a task force, a referral mechanism, a policy.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Unique among the country's measures, so citations to it survive reordering.
    #[schemars(with = "Id")]
    pub id: String,
    /// A measure kind of the vocabulary.
    #[schemars(with = "Id")]
    pub kind: String,
    pub status: MeasureStatus,
    /// The day the status holds from, or its month or year when the source gives no day (the status
    /// then counts once that period is over).
    pub date: PartialDate,
    #[schemars(with = "Text")]
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
