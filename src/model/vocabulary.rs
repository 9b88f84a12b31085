use super::schema::{Id, Text, Url};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The controlled lists: measure kinds and regional bodies (`instruments/vocabulary.json`).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    /// The schema this file follows, by its path relative to the file.
    #[serde(rename = "$schema")]
    pub schema: String,
    pub measure_kinds: Vec<MeasureKind>,
    pub regional_bodies: Vec<RegionalBody>,
}

/// A kind of measure a plan asks about or an obligation requires.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureKind {
    #[schemars(with = "Id")]
    pub id: String,
    #[schemars(with = "Text")]
    pub label: String,
    #[schemars(with = "Text")]
    pub definition: String,
    pub category: Category,
    /// `subject` for a kind that only says a law on the subject exists (`refugee-law`): it can point to
    /// where an obligation may be met, never show that it is.
    #[serde(default)]
    pub level: Level,
}

/// `subject` for a kind that only says a law on the subject exists (e.g. refugee-law): never enough
/// on its own to show an obligation met.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Subject,
    #[default]
    Specific,
}

/// A regional body states may be members of.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionalBody {
    #[schemars(regex(pattern = "^[A-Za-z][A-Za-z0-9-]{1,15}$"))]
    pub id: String,
    #[schemars(with = "Text")]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Url>")]
    pub url: Option<String>,
}

/// What a measure kind is: a law, a policy, a body, a procedure, a programme or data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Legislation,
    Policy,
    Institution,
    Procedure,
    Programme,
    Data,
}
