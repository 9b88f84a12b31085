//! The evaluation date every evaluating command takes, and resolving ids given on the command line.

use super::data::{parse_date, today};
use super::CliError;
use crate::catalogue::Catalogue;
use crate::model::{Date, Plan};

#[derive(Debug, Clone, clap::Args)]
pub struct AsOf {
    /// Evaluate the facts as they stood on this date (default: today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
}

impl AsOf {
    pub fn date(&self) -> Result<Date, CliError> {
        match &self.as_of {
            Some(s) => parse_date(s, "--as-of"),
            None => today(),
        }
    }
}

/// "did you mean" for an id typed on the command line, with the known ones when there are few.
fn unknown<'a>(what: &str, id: &str, known: impl Iterator<Item = &'a str> + Clone) -> CliError {
    let hint = match crate::load::suggest::closest(id, known.clone()) {
        Some(s) => format!("; did you mean `{s}`?"),
        None => {
            let all: Vec<&str> = known.collect();
            if all.len() <= 30 {
                format!(" (known: {})", all.join(", "))
            } else {
                String::new()
            }
        }
    };
    CliError::Usage(format!("no {what} `{id}` in the data{hint}"))
}

pub fn country<'a>(cat: &'a Catalogue, iso3: &str) -> Result<&'a crate::model::Country, CliError> {
    let key = iso3.to_ascii_uppercase();
    cat.countries
        .get(&key)
        .ok_or_else(|| unknown("country", iso3, cat.countries.keys().map(String::as_str)))
}

pub fn plan<'a>(cat: &'a Catalogue, id: &str) -> Result<&'a Plan, CliError> {
    cat.plans
        .get(id)
        .ok_or_else(|| unknown("plan", id, cat.plans.keys().map(String::as_str)))
}
