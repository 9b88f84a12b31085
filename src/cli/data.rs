//! Arguments shared by every command that reads the data tree, and the load step they share.

use super::CliError;
use crate::load::{self, LoadOptions, Loaded};
use crate::model::Date;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The environment variable that names a data tree when `--data` is not given.
pub const DATA_ENV: &str = "LEXGAP_DATA";
/// The environment variable that pins today's date (tests, reproducible builds).
pub const TODAY_ENV: &str = "LEXGAP_TODAY";

#[derive(Debug, Clone, clap::Args)]
pub struct DataArgs {
    /// Data tree to read instead of the bundled one (a folder holding instruments/ and countries/);
    /// without it, the LEXGAP_DATA environment variable is used when set
    #[arg(long, value_name = "DIR", global = true)]
    pub data: Option<PathBuf>,
    /// A source whose content is current to more than this many years before the evaluation date
    /// (or whose currency is not known) is stale: counted by validate, marked in reports
    #[arg(long, default_value_t = 3, value_name = "YEARS", global = true,
          value_parser = clap::value_parser!(i16).range(0..=100))]
    pub stale_after: i16,
}

/// Today, or `LEXGAP_TODAY` when set (so tests and reproducible builds can pin it).
pub fn today() -> Result<Date, CliError> {
    match std::env::var_os(TODAY_ENV) {
        None => Ok(jiff::Zoned::now().date()),
        Some(v) if v.is_empty() => Ok(jiff::Zoned::now().date()),
        Some(v) => {
            let s = v.to_string_lossy();
            s.parse::<Date>().map_err(|_| CliError::Env {
                var: TODAY_ENV,
                message: format!(
                    "the environment variable {TODAY_ENV} holds `{s}`, which is not a calendar date (expected YYYY-MM-DD; unset it to use today)"
                ),
            })
        }
    }
}

/// Parses the date given to `option`, as a usage error when it is not a real date.
pub fn parse_date(s: &str, option: &str) -> Result<Date, CliError> {
    s.parse::<Date>().map_err(|_| {
        CliError::Usage(format!(
            "{option}: `{s}` is not a calendar date (expected YYYY-MM-DD)"
        ))
    })
}

impl DataArgs {
    /// The data folder to read, from `--data` or `LEXGAP_DATA`; `None` for the bundled tree. A folder
    /// that does not exist, or an empty variable, is refused naming where it came from.
    pub fn root(&self) -> Result<Option<PathBuf>, CliError> {
        let (dir, from) = match (&self.data, std::env::var_os(DATA_ENV)) {
            (Some(d), _) => (d.clone(), "--data".to_string()),
            (None, None) => return Ok(None),
            (None, Some(v)) if v.is_empty() => {
                return Err(CliError::Env {
                    var: DATA_ENV,
                    message: format!(
                        "the environment variable {DATA_ENV} is set but empty; set it to a data folder, or unset it to use the bundled data"
                    ),
                })
            }
            (None, Some(v)) => (PathBuf::from(v), format!("the environment variable {DATA_ENV}")),
        };
        if !dir.is_dir() {
            let message = format!(
                "the data folder `{}` given by {from} does not exist or is not a folder",
                dir.display()
            );
            return Err(if self.data.is_some() {
                CliError::Usage(message)
            } else {
                CliError::Env {
                    var: DATA_ENV,
                    message,
                }
            });
        }
        Ok(Some(dir))
    }

    /// Today and the staleness limit, for marking stale sources in reports.
    pub fn freshness(&self) -> Result<crate::report::Freshness, CliError> {
        Ok(crate::report::Freshness {
            today: today()?,
            stale_years: self.stale_after,
        })
    }

    /// Loads the tree; the bundled one is trusted to pass the checks it passed when the binary was built.
    pub fn load(&self) -> Result<Loaded, CliError> {
        self.load_with(false)
    }

    /// Loads the tree with every check, the bundled one included: what `validate` reports on.
    pub fn load_checked(&self) -> Result<Loaded, CliError> {
        self.load_with(true)
    }

    fn load_with(&self, check_bundled: bool) -> Result<Loaded, CliError> {
        let opts = LoadOptions {
            today: today()?,
            stale_years: self.stale_after,
        };
        let loaded = match self.root()? {
            Some(dir) => load::load_dir(&dir, opts),
            None if check_bundled => load::load_embedded_checked(opts),
            None => load::load_embedded(opts),
        };
        // A command loads once: the memory of the compiled schemas goes to evaluating and rendering.
        load::schema::release();
        Ok(loaded)
    }

    /// Loads and refuses to go on if the data has errors (printed to stderr).
    pub fn load_clean(&self) -> Result<Loaded, CliError> {
        let loaded = self.load()?;
        if loaded.diagnostics.errors() > 0 {
            let mut err = std::io::stderr().lock();
            for d in loaded
                .diagnostics
                .items
                .iter()
                .filter(|d| d.severity == crate::diag::Severity::Error)
            {
                let _ = writeln!(err, "{d}");
            }
            return Err(CliError::Data(format!(
                "the data tree has {} error(s); run `lexgap validate` for details",
                loaded.diagnostics.errors()
            )));
        }
        Ok(loaded)
    }

    /// Refuses an output file inside the data tree being read, a link, a folder or a special file.
    pub fn check_out_file(&self, out: &Path) -> Result<(), CliError> {
        Ok(crate::files::check_out_file(out, self.root()?.as_deref())?)
    }

    /// Refuses an output folder that is the data root or lies inside its data, or is a link.
    pub fn check_out_folder(&self, out: &Path) -> Result<(), CliError> {
        Ok(crate::files::check_out_folder(
            out,
            self.root()?.as_deref(),
        )?)
    }
}
