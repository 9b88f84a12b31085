use super::{Date, Period, Source};
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
}

impl ParticipationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ParticipationStatus::Party => "party",
            ParticipationStatus::Signatory => "signatory",
            ParticipationStatus::NotParty => "not-party",
            ParticipationStatus::Withdrawn => "withdrawn",
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
    pub kind: ReservationKind,
    pub articles: Vec<String>,
    pub summary: String,
    #[serde(default)]
    pub made: Option<Date>,
    #[serde(default)]
    pub withdrawn: Option<Date>,
    #[serde(default)]
    pub source: Option<Source>,
}

impl Reservation {
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

    /// In force on `date`: between entry into force and repeal.
    pub fn in_force_on(&self, date: Date) -> bool {
        self.effective().is_some_and(|d| d <= date)
            && self.repealed.as_ref().is_none_or(|r| r.date > date)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repeal {
    pub date: Date,
    #[serde(default)]
    pub by: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Extent {
    Full,
    Partial,
    Conflicts,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Implementation {
    pub target: String,
    pub extent: Extent,
    #[serde(default)]
    pub provision: Option<String>,
    pub note: String,
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
    pub kind: String,
    pub status: MeasureStatus,
    pub date: Date,
    pub summary: String,
    #[serde(default)]
    pub source: Option<Source>,
}
