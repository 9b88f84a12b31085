use super::{Date, Period, Source, Topic};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InstrumentKind {
    Convention,
    Protocol,
    OptionalProtocol,
    IloConvention,
    IloProtocol,
    Charter,
    Declaration,
    Framework,
    PlanOfAction,
}

impl InstrumentKind {
    /// Binding instruments take ratifications; soft law does not.
    pub fn is_binding(self) -> bool {
        !matches!(
            self,
            InstrumentKind::Declaration | InstrumentKind::Framework | InstrumentKind::PlanOfAction
        )
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    #[serde(rename = "$schema")]
    pub schema: String,
    pub id: String,
    pub short_name: String,
    pub title: String,
    pub kind: InstrumentKind,
    #[serde(default)]
    pub adopted: Option<Date>,
    /// Year or month of adoption when the day is not on record (soft law only; see the schema).
    #[serde(default)]
    pub adopted_period: Option<Period>,
    #[serde(default)]
    pub entry_into_force: Option<Date>,
    #[serde(default)]
    pub depositary: Option<String>,
    #[serde(default)]
    pub untc_ref: Option<String>,
    pub scope: String,
    #[serde(default)]
    pub text_url: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub articles: Vec<String>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub obligations: Vec<Obligation>,
    #[serde(default)]
    pub topics: Vec<Topic>,
    pub source: Source,
    #[serde(default)]
    pub unverified: Vec<String>,
}

impl Instrument {
    /// When it was adopted, as precisely as the record knows: the day, else the month or year.
    pub fn adoption(&self) -> String {
        match (self.adopted, self.adopted_period) {
            (Some(d), _) => d.to_string(),
            (None, Some(p)) => p.to_string(),
            (None, None) => String::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    RequiresPartyTo,
    Incorporates,
    OptionalProtocolTo,
    Supplements,
    Supersedes,
}

impl RelationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::RequiresPartyTo => "requires_party_to",
            RelationKind::Incorporates => "incorporates",
            RelationKind::OptionalProtocolTo => "optional_protocol_to",
            RelationKind::Supplements => "supplements",
            RelationKind::Supersedes => "supersedes",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    #[serde(rename = "type")]
    pub kind: RelationKind,
    pub target: String,
    pub basis: String,
    #[serde(default)]
    pub target_articles: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ObligationKind {
    Criminalise,
    Protect,
    Procedure,
    Status,
    Document,
    Refrain,
    Cooperate,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Obligation {
    pub id: String,
    #[serde(default)]
    pub title: Option<String>,
    pub articles: Vec<String>,
    pub summary: String,
    pub kind: ObligationKind,
    #[serde(default)]
    pub requires: Vec<String>,
    #[serde(default)]
    pub depends_on: Vec<String>,
    pub reservable: bool,
    #[serde(default)]
    pub topics: Vec<Topic>,
}

impl Obligation {
    /// The instrument id is the part of the obligation id before the first dot.
    pub fn instrument_id(&self) -> &str {
        self.id.split('.').next().unwrap_or(&self.id)
    }

    pub fn label(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.id)
    }
}
