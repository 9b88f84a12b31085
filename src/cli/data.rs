//! Arguments shared by every command that reads the data tree, and the load step they share.

use super::CliError;
use crate::load::{self, LoadOptions, Loaded};
use crate::model::Date;
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
pub struct DataArgs {
    /// Data tree to read instead of the bundled one (a folder holding instruments/ and countries/)
    #[arg(long, env = "LEXGAP_DATA", value_name = "DIR", global = true)]
    pub data: Option<PathBuf>,
    /// A source whose content is current to more than this many years before the evaluation date
    /// (or whose currency is not known) is stale: counted by validate, marked in reports
    #[arg(long, default_value_t = 3, value_name = "YEARS", global = true,
          value_parser = clap::value_parser!(i16).range(0..=100))]
    pub stale_after: i16,
}

/// Today, or `LEXGAP_TODAY` when set (so tests and reproducible builds can pin it).
pub fn today() -> Result<Date, CliError> {
    match std::env::var("LEXGAP_TODAY") {
        Ok(s) if !s.is_empty() => parse_date(&s),
        _ => Ok(jiff::Zoned::now().date()),
    }
}

/// Parses a command-line date, as a usage error when it is not a real date.
pub fn parse_date(s: &str) -> Result<Date, CliError> {
    s.parse::<Date>().map_err(|_| {
        CliError::Usage(format!(
            "`{s}` is not a calendar date (expected YYYY-MM-DD)"
        ))
    })
}

impl DataArgs {
    /// Today and the staleness limit, for marking stale sources in reports.
    pub fn freshness(&self) -> Result<crate::report::Freshness, CliError> {
        Ok(crate::report::Freshness {
            today: today()?,
            stale_years: self.stale_after,
        })
    }

    pub fn load(&self) -> Result<Loaded, CliError> {
        let opts = LoadOptions {
            today: today()?,
            stale_years: self.stale_after,
        };
        Ok(match &self.data {
            Some(dir) => load::load_dir(dir, opts),
            None => load::load_embedded(opts),
        })
    }

    /// Loads and refuses to go on if the data has errors (printed to stderr).
    pub fn load_clean(&self) -> Result<Loaded, CliError> {
        let loaded = self.load()?;
        if loaded.diagnostics.errors() > 0 {
            for d in loaded
                .diagnostics
                .items
                .iter()
                .filter(|d| d.severity == crate::diag::Severity::Error)
            {
                eprintln!("{d}");
            }
            return Err(CliError::Data(format!(
                "the data tree has {} error(s); run `lexgap validate` for details",
                loaded.diagnostics.errors()
            )));
        }
        Ok(loaded)
    }
}
