use super::schema::{Article, Day, DottedId, Id, Text, Url};
use super::{Date, Period, Source, Topic};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Binding kinds live under `instruments/treaties/`; declaration, framework and plan-of-action under
/// `instruments/soft-law/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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

/// A treaty or soft-law text (`instruments/treaties/<id>.json`, `instruments/soft-law/<id>.json`).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("anyOf" = [{ "required": ["adopted"] }, { "required": ["adopted_period"] }]))]
pub struct Instrument {
    /// The schema this file follows, by its path relative to the file.
    #[serde(rename = "$schema")]
    pub schema: String,
    #[schemars(with = "Id")]
    pub id: String,
    #[schemars(with = "Text")]
    pub short_name: String,
    #[schemars(with = "Text")]
    pub title: String,
    pub kind: InstrumentKind,
    #[serde(default)]
    #[schemars(with = "Option<Day>")]
    pub adopted: Option<Date>,
    /// Year (YYYY) or month (YYYY-MM) of adoption, for a soft-law text whose day of adoption is not
    /// on record; a treaty needs the full `adopted` date.
    #[serde(default)]
    pub adopted_period: Option<Period>,
    #[serde(default)]
    #[schemars(with = "Option<Day>")]
    pub entry_into_force: Option<Date>,
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
    pub depositary: Option<String>,
    /// UN Treaty Collection chapter reference, e.g. V-2, XVIII-12-a.
    #[serde(default)]
    #[schemars(regex(pattern = "^[IVXL]+-[0-9]+(?:-[a-z])?$"))]
    pub untc_ref: Option<String>,
    /// `universal` or the id of a regional body from the vocabulary.
    pub scope: String,
    #[serde(default)]
    #[schemars(with = "Option<Url>")]
    pub text_url: Option<String>,
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
    pub summary: Option<String>,
    /// Article labels of the operative text (e.g. '1'...'46', or 'I'...'XI'); reservations and
    /// obligations must cite these.
    #[serde(default)]
    #[schemars(inner(regex(pattern = "^[0-9A-Za-z]{1,10}$")), extend("uniqueItems" = true))]
    pub articles: Vec<String>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub obligations: Vec<Obligation>,
    #[serde(default)]
    pub topics: Vec<Topic>,
    pub source: Source,
    /// Fields of this record that could not be checked against a source.
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

/// How an instrument relates to another.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
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

/// A typed relation to another instrument of the catalogue.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    #[serde(rename = "type")]
    pub kind: RelationKind,
    #[schemars(with = "Id")]
    pub target: String,
    /// The article of this (or the target) instrument the relation rests on, e.g. 'UNTOC art. 37(2)'.
    #[schemars(with = "Text")]
    pub basis: String,
    /// For `incorporates`: the articles of the target that bind a party to this instrument.
    #[serde(default)]
    #[schemars(with = "Vec<Article>")]
    pub target_articles: Vec<String>,
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
    pub note: Option<String>,
}

/// What the obligation asks of a state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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

/// One obligation of the instrument, in lexgap's words.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Obligation {
    /// `<instrument id>.<slug>`
    #[schemars(with = "DottedId")]
    pub id: String,
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
    pub title: Option<String>,
    #[schemars(with = "Vec<Article>", length(min = 1))]
    pub articles: Vec<String>,
    #[schemars(with = "Text")]
    pub summary: String,
    pub kind: ObligationKind,
    /// Measure kinds that implement it at home.
    #[serde(default)]
    #[schemars(with = "Vec<Id>")]
    pub requires: Vec<String>,
    #[serde(default)]
    #[schemars(with = "Vec<DottedId>")]
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
