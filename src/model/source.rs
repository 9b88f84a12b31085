use super::schema::{Day, Text, Url};
use super::{Date, PartialDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where a fact comes from. `verified` says when someone checked the fact against the source;
/// `current_to` says what date the source's content reflects (a status list's "as at" date, a law
/// text's consolidation date, a report's reference period); `copy` names what was read when it was a
/// copy of the authority (a scraped table, a mirror, a transcription) rather than the authority itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[schemars(with = "Text")]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Url>")]
    pub url: Option<String>,
    /// Section, article, page, line range or item code within the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub locator: Option<String>,
    /// The day the source was read.
    #[schemars(with = "Day")]
    pub accessed: Date,
    /// The day the fact was checked against the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Day>")]
    pub verified: Option<Date>,
    /// The date the source's content reflects: a status list's 'as at' date, a copy's scrape date, a
    /// law text's consolidation date, a report's reference period. Omit when it cannot be
    /// established: the fact then counts as stale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_to: Option<PartialDate>,
    /// What was read when it was a copy of the authority (a scraped table, a mirror, a
    /// transcription), and whose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub copy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Text>")]
    pub note: Option<String>,
}

impl Source {
    /// Stale on `as_of`: its content is current to more than `years` before, or its currency is not
    /// known at all (a source that cannot say how current it is cannot be trusted to be current).
    pub fn is_stale(&self, as_of: Date, years: i16) -> bool {
        let Some(c) = self.current_to else {
            return true;
        };
        match as_of.checked_sub(jiff::Span::new().years(years)) {
            Ok(limit) => c.last_day() < limit,
            Err(_) => false,
        }
    }
}
