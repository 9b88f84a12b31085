use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    #[serde(rename = "$schema")]
    pub schema: String,
    pub measure_kinds: Vec<MeasureKind>,
    pub regional_bodies: Vec<RegionalBody>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureKind {
    pub id: String,
    pub label: String,
    pub definition: String,
    pub category: String,
    /// `subject` for a kind that only says a law on the subject exists (`refugee-law`): it can point to
    /// where an obligation may be met, never show that it is.
    #[serde(default)]
    pub level: Level,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Subject,
    #[default]
    Specific,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionalBody {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}
