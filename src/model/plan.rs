use super::{Date, Source, Topic};
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
    pub participants: Vec<String>,
    #[serde(default)]
    pub invited: Vec<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
    pub areas: Vec<Area>,
    pub source: Source,
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
        self.actions().map(|(_, a)| a).find(|a| a.id == id)
    }

    pub fn name(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.title)
    }
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
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub date: Date,
    pub summary: String,
    pub source: Source,
}

/// The criterion language: a per-country test over participation, legislation and measures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Criterion {
    Party(String),
    Signed(String),
    NoReservations(String),
    Implements(String),
    Measure(String),
    MemberOf(String),
    Action(String),
    All(Vec<Criterion>),
    Any(Vec<Criterion>),
    Not(Box<Criterion>),
}

impl Criterion {
    /// Visit every leaf of the criterion tree.
    pub fn leaves<'a>(&'a self, out: &mut Vec<&'a Criterion>) {
        match self {
            Criterion::All(cs) | Criterion::Any(cs) => cs.iter().for_each(|c| c.leaves(out)),
            Criterion::Not(c) => c.leaves(out),
            leaf => out.push(leaf),
        }
    }
}
