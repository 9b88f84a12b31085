use super::schema::{Code, Day, DottedId, Id, Iso3, Reference, Text};
use super::{Date, PartialDate, Source, Topic};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An action plan adopted at a conference (`instruments/plans/<id>.json`).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The schema this file follows, by its path relative to the file.
    #[serde(rename = "$schema")]
    pub schema: String,
    #[schemars(with = "Id")]
    pub id: String,
    #[schemars(with = "Text")]
    pub title: String,
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
    pub short_name: Option<String>,
    pub conference: Conference,
    #[schemars(with = "Day")]
    pub adopted: Date,
    #[schemars(with = "Day")]
    pub deadline: Date,
    /// Whether the plan itself set the deadline or lexgap reads one in where the plan gives none.
    #[serde(default)]
    pub deadline_set_by: Option<DeadlineSetBy>,
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
    pub deadline_note: Option<String>,
    #[schemars(with = "Vec<Iso3>", length(min = 1), extend("uniqueItems" = true))]
    pub participants: Vec<String>,
    /// All states invited; participants is the subset that took part.
    #[serde(default)]
    #[schemars(with = "Vec<Iso3>", extend("uniqueItems" = true))]
    pub invited: Vec<String>,
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
    pub summary: Option<String>,
    /// The conference recommendations the actions answer, so their codes resolve.
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
    #[schemars(length(min = 1))]
    pub areas: Vec<Area>,
    pub source: Source,
    /// Action id → (area, position), built on first lookup: criteria reuse actions by id, and a
    /// scan per lookup made a large plan quadratic.
    #[serde(skip)]
    action_index: std::sync::OnceLock<std::collections::HashMap<String, (usize, usize)>>,
}

impl Plan {
    pub fn actions(&self) -> impl Iterator<Item = (&Area, &Action)> {
        self.areas
            .iter()
            .flat_map(|a| a.actions.iter().map(move |x| (a, x)))
    }

    pub fn targets(&self) -> impl Iterator<Item = (&Area, &Target)> {
        self.areas
            .iter()
            .flat_map(|a| a.targets.iter().map(move |x| (a, x)))
    }

    pub fn action(&self, id: &str) -> Option<&Action> {
        let index = self.action_index.get_or_init(|| {
            let mut m = std::collections::HashMap::new();
            for (ai, area) in self.areas.iter().enumerate() {
                for (xi, a) in area.actions.iter().enumerate() {
                    // The first of a repeated id, as a scan would find (repeats are reported).
                    m.entry(a.id.clone()).or_insert((ai, xi));
                }
            }
            m
        });
        let (ai, xi) = index.get(id)?;
        self.areas.get(*ai)?.actions.get(*xi)
    }

    pub fn name(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.title)
    }
}

/// Who set a plan's deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlineSetBy {
    Plan,
    Lexgap,
}

/// A printed recommendation code that points to an unrelated recommendation, with the probable
/// intended code.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeNote {
    #[schemars(with = "Code")]
    pub printed: String,
    #[schemars(with = "Code")]
    pub probable: String,
    #[schemars(with = "Text")]
    pub reason: String,
}

/// The conference that adopted the plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Conference {
    #[schemars(with = "Text")]
    pub title: String,
    #[schemars(with = "Text")]
    pub place: String,
    #[schemars(with = "Day")]
    pub start: Date,
    #[schemars(with = "Day")]
    pub end: Date,
    #[schemars(with = "Iso3")]
    pub host: String,
}

/// A conference recommendation, so that the codes actions cite resolve.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    #[schemars(with = "Code")]
    pub code: String,
    #[schemars(with = "Text")]
    pub title: String,
    pub items: Vec<RecommendationItem>,
}

/// One item of a recommendation.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecommendationItem {
    /// Full code, e.g. 'I (iv)'.
    #[schemars(with = "Code")]
    pub code: String,
    #[schemars(with = "Text")]
    pub summary: String,
}

/// A thematic area of the plan, with its targets and actions.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    #[schemars(with = "DottedId")]
    pub id: String,
    #[schemars(with = "Text")]
    pub title: String,
    /// Where the area stands in the source document.
    #[schemars(with = "Text")]
    pub reference: String,
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
    pub summary: Option<String>,
    pub targets: Vec<Target>,
    pub actions: Vec<Action>,
}

/// One action of the plan, judged per state by its criterion.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend(
    "if" = { "properties": { "criterion": { "type": "null" } } },
    "then" = { "required": ["not_assessed"] }
))]
pub struct Action {
    /// `<plan-prefix>.<area>.<slug>`
    #[schemars(with = "DottedId")]
    pub id: String,
    #[schemars(with = "Text")]
    pub summary: String,
    /// Where the item stands in the source, e.g. 'Action Plan I, Menu of Actions, Refugee
    /// protection, item 3'.
    #[schemars(with = "Text")]
    pub reference: String,
    #[serde(default)]
    #[schemars(with = "Vec<Code>")]
    pub recommendations: Vec<String>,
    /// Instrument or obligation ids the action is about.
    #[serde(default)]
    pub addresses: Vec<String>,
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// `null` for an item country facts cannot judge (then say why in `not_assessed`).
    #[schemars(required, schema_with = "super::schema::nullable_criterion")]
    pub criterion: Option<Criterion>,
    /// Why the criterion reads the item the way it does (e.g. a recorded conflict outweighs unknowns).
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
    pub criterion_note: Option<String>,
    #[serde(default)]
    pub code_note: Option<CodeNote>,
    /// Why country facts cannot judge this item (required when criterion is null).
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
    pub not_assessed: Option<String>,
}

/// A target of the plan: a country threshold over a criterion, or a regional target met by dated
/// evidence.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("oneOf" = [
    { "required": ["threshold", "criterion"] },
    { "required": ["regional"] }
]))]
pub struct Target {
    #[schemars(with = "DottedId")]
    pub id: String,
    #[schemars(with = "Text")]
    pub summary: String,
    #[schemars(with = "Text")]
    pub reference: String,
    #[schemars(with = "Day")]
    pub due: Date,
    #[serde(default)]
    pub threshold: Option<Threshold>,
    #[serde(default)]
    #[schemars(schema_with = "super::schema::nullable_criterion")]
    pub criterion: Option<Criterion>,
    /// Actions whose progress this target measures.
    #[serde(default)]
    #[schemars(with = "Vec<DottedId>")]
    pub measured_by: Vec<String>,
    /// Why the criterion reads the item as it does.
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
    pub criterion_note: Option<String>,
    #[serde(default)]
    pub code_note: Option<CodeNote>,
    #[serde(default)]
    #[schemars(with = "Option<Text>")]
    pub not_assessed: Option<String>,
    #[serde(default)]
    pub regional: Option<Regional>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Threshold {
    AtLeast {
        at_least: u32,
    },
    #[serde(with = "all_marker")]
    All,
}

impl Threshold {
    /// How many of `n` participants must meet the criterion.
    pub fn needed(self, n: usize) -> usize {
        match self {
            Threshold::AtLeast { at_least } => at_least as usize,
            Threshold::All => n,
        }
    }
}

/// `"all"` as a unit variant of an untagged enum.
mod all_marker {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str("all")
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        let s = String::deserialize(d)?;
        if s == "all" {
            Ok(())
        } else {
            Err(serde::de::Error::custom("expected \"all\""))
        }
    }
}

/// A target met at regional level by dated evidence records.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Regional {
    /// How many evidence records meet the target (e.g. 2 trainings).
    #[schemars(range(min = 1, max = 100000))]
    pub needed: u32,
    pub evidence: Vec<Evidence>,
    /// Searches that found nothing: after the due date they let the target be judged a gap.
    #[serde(default)]
    pub searches: Vec<Search>,
}

/// A search for evidence of a regional target, and what it found.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Search {
    #[schemars(with = "Day")]
    pub searched_on: Date,
    #[serde(rename = "where")]
    #[schemars(with = "Text")]
    pub place: String,
    #[schemars(with = "Text")]
    pub terms: String,
    #[schemars(with = "Text")]
    pub found: String,
}

/// A dated, sourced record that counts towards a regional target.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The day it happened, or its month or year when the source gives no day.
    pub date: PartialDate,
    #[schemars(with = "Text")]
    pub summary: String,
    pub source: Source,
}

/// A treaty named by a criterion, optionally with the articles an item is about: only reservations
/// touching those articles are relevant to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TreatyRef {
    Id(String),
    Articles(TreatyArticles),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TreatyArticles {
    pub instrument: String,
    pub articles: Vec<String>,
}

impl TreatyRef {
    pub fn id(&self) -> &str {
        match self {
            TreatyRef::Id(s) => s,
            TreatyRef::Articles(a) => &a.instrument,
        }
    }

    /// The articles the item is about; `None` means every reservation is relevant.
    pub fn articles(&self) -> Option<&[String]> {
        match self {
            TreatyRef::Id(_) => None,
            TreatyRef::Articles(a) => Some(&a.articles),
        }
    }
}

/// The criterion language: a per-country test over participation, legislation and measures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[schemars(rename = "criterion")]
pub enum Criterion {
    Party(TreatyRef),
    #[schemars(with = "Id")]
    Signed(String),
    NoReservations(TreatyRef),
    #[schemars(with = "Reference")]
    Implements(String),
    #[schemars(with = "Id")]
    Measure(String),
    /// Gap while a law in force conflicts with the obligation or measure kind.
    #[schemars(with = "Reference")]
    NoConflict(String),
    MemberOf(String),
    #[schemars(with = "DottedId")]
    Action(String),
    #[schemars(schema_with = "super::schema::criteria")]
    All(Vec<Criterion>),
    #[schemars(schema_with = "super::schema::criteria")]
    Any(Vec<Criterion>),
    /// k-of-n credit: met when all are met, partial when some are.
    #[schemars(schema_with = "super::schema::criteria")]
    Each(Vec<Criterion>),
    Not(Box<Criterion>),
}

impl Criterion {
    /// Visit every leaf of the criterion tree.
    pub fn leaves<'a>(&'a self, out: &mut Vec<&'a Criterion>) {
        match self {
            Criterion::All(cs) | Criterion::Any(cs) | Criterion::Each(cs) => {
                cs.iter().for_each(|c| c.leaves(out))
            }
            Criterion::Not(c) => c.leaves(out),
            leaf => out.push(leaf),
        }
    }
}
