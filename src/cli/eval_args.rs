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
            Some(s) => parse_date(s),
            None => today(),
        }
    }
}

pub fn country<'a>(cat: &'a Catalogue, iso3: &str) -> Result<&'a crate::model::Country, CliError> {
    let key = iso3.to_ascii_uppercase();
    cat.countries.get(&key).ok_or_else(|| {
        CliError::Usage(format!(
            "no country `{iso3}` in the data (known: {})",
            cat.countries.keys().cloned().collect::<Vec<_>>().join(", ")
        ))
    })
}

pub fn plan<'a>(cat: &'a Catalogue, id: &str) -> Result<&'a Plan, CliError> {
    cat.plans.get(id).ok_or_else(|| {
        CliError::Usage(format!(
            "no plan `{id}` in the data (known: {})",
            cat.plans.keys().cloned().collect::<Vec<_>>().join(", ")
        ))
    })
}
