use super::Date;
use serde::{Deserialize, Serialize};

/// Where a fact comes from. A fact without `verified` has not been checked against its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    pub accessed: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
