use super::{Date, PartialDate, Source, Topic};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    #[serde(rename = "$schema")]
    pub schema: String,
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub short_name: Option<String>,
    pub conference: Conference,
    pub adopted: Date,
    pub deadline: Date,
    /// Whether the plan itself set the deadline or lexgap reads one in where the plan gives none.
    #[serde(default)]
    pub deadline_set_by: Option<DeadlineSetBy>,
    #[serde(default)]
    pub deadline_note: Option<String>,
    pub participants: Vec<String>,
    #[serde(default)]
    pub invited: Vec<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlineSetBy {
    Plan,
    Lexgap,
}

/// A printed recommendation code that points to an unrelated recommendation, with the probable one.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeNote {
    pub printed: String,
    pub probable: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conference {
    pub title: String,
    pub place: String,
    pub start: Date,
    pub end: Date,
    pub host: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    pub code: String,
    pub title: String,
    pub items: Vec<RecommendationItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecommendationItem {
    pub code: String,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: String,
    pub reference: String,
    #[serde(default)]
    pub summary: Option<String>,
    pub targets: Vec<Target>,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: String,
    pub summary: String,
    pub reference: String,
    #[serde(default)]
    pub recommendations: Vec<String>,
    #[serde(default)]
    pub addresses: Vec<String>,
    #[serde(default)]
    pub topics: Vec<Topic>,
    pub criterion: Option<Criterion>,
    /// Why the criterion reads the item the way it does (e.g. a recorded conflict outweighs unknowns).
    #[serde(default)]
    pub criterion_note: Option<String>,
    #[serde(default)]
    pub code_note: Option<CodeNote>,
    #[serde(default)]
    pub not_assessed: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub id: String,
    pub summary: String,
    pub reference: String,
    pub due: Date,
    #[serde(default)]
    pub threshold: Option<Threshold>,
    #[serde(default)]
    pub criterion: Option<Criterion>,
    #[serde(default)]
    pub measured_by: Vec<String>,
    #[serde(default)]
    pub criterion_note: Option<String>,
    #[serde(default)]
    pub code_note: Option<CodeNote>,
    #[serde(default)]
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

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Regional {
    pub needed: u32,
    pub evidence: Vec<Evidence>,
    /// Searches that found nothing: after the due date they let the target be judged a gap.
    #[serde(default)]
    pub searches: Vec<Search>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Search {
    pub searched_on: Date,
    #[serde(rename = "where")]
    pub place: String,
    pub terms: String,
    pub found: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The day it happened, or its month or year when the source gives no day.
    pub date: PartialDate,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Criterion {
    Party(TreatyRef),
    Signed(String),
    NoReservations(TreatyRef),
    Implements(String),
    Measure(String),
    /// Gap while a law in force conflicts with the obligation or measure kind.
    NoConflict(String),
    MemberOf(String),
    Action(String),
    All(Vec<Criterion>),
    Any(Vec<Criterion>),
    /// k-of-n credit: met when all are met, partial when some are.
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
