//! `lexgap import participation`: a treaty's status table into the participation entries of the
//! states in the tree — shown as a diff, written only when confirmed.

use super::data::today;
use super::{CliError, DataArgs, Outcome};
use crate::author::import::{self, ImportError, Request};
use crate::load::LoadOptions;
use crate::model::PartialDate;
use std::io::{BufRead, Write};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub what: What,
}

#[derive(Debug, clap::Subcommand)]
pub enum What {
    /// Participation in one treaty, from its status table as the UN Treaty Collection publishes it
    Participation(ParticipationArgs),
}

#[derive(Debug, clap::Args)]
pub struct ParticipationArgs {
    /// The treaty's id in the catalogue, e.g. csr1951
    #[arg(long, value_name = "ID")]
    pub instrument: String,
    /// The status table as CSV (or tab-separated text): Participant, Signature, Ratification,
    /// Accession(a), Succession(d) …, and optionally reservations
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Where the table was published
    #[arg(long, value_name = "URL")]
    pub source_url: String,
    /// The date the table reflects (the status page's "as at" date): YYYY-MM-DD, YYYY-MM or YYYY
    #[arg(long, value_name = "DATE")]
    pub current_to: String,
    /// The source's title (default: the UN Treaty Collection's status of the treaty)
    #[arg(long, value_name = "TITLE")]
    pub source_title: Option<String>,
    /// What was read when it was a copy of the depositary's table (a mirror, a scraped file)
    #[arg(long, value_name = "TEXT")]
    pub copy: Option<String>,
    /// The rows were compared with the source today: record today as the day they were verified
    #[arg(long)]
    pub verified: bool,
    /// Write without asking
    #[arg(long)]
    pub yes: bool,
    /// Show what would change and write nothing
    #[arg(long, conflicts_with = "yes")]
    pub dry_run: bool,
    #[command(flatten)]
    pub data: DataArgs,
}

/// Asks on standard error and reads the answer from standard input; `None` when there is no input
/// to read an answer from.
fn confirm(question: &str) -> Option<bool> {
    eprint!("{question} [y/N] ");
    let mut answer = String::new();
    match std::io::stdin().lock().read_line(&mut answer) {
        Ok(0) | Err(_) => {
            eprintln!();
            None
        }
        Ok(_) => Some(matches!(answer.trim(), "y" | "Y" | "yes" | "Yes")),
    }
}

fn error(e: ImportError) -> CliError {
    match e {
        ImportError::UnknownInstrument(_)
        | ImportError::NotATreaty(_)
        | ImportError::BadUrl(_)
        | ImportError::CurrentAfterToday { .. } => CliError::Usage(e.to_string()),
        _ => CliError::Data(e.to_string()),
    }
}

pub fn run(a: Args, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let What::Participation(a) = a.what;
    let root = a.data.data.clone().ok_or_else(|| {
        CliError::Usage(
            "import writes into a data tree on disk: name it with --data DIR (or LEXGAP_DATA)"
                .into(),
        )
    })?;
    let current_to: PartialDate = a.current_to.parse().map_err(CliError::Usage)?;
    let table = std::fs::read_to_string(&a.file).map_err(|e| {
        CliError::Usage(format!("cannot read the table `{}`: {e}", a.file.display()))
    })?;
    let today = today()?;
    let req = Request {
        instrument: a.instrument,
        table,
        source_url: a.source_url,
        source_title: a.source_title,
        current_to,
        copy: a.copy,
        verified: a.verified,
        today,
    };
    let opts = LoadOptions {
        today,
        stale_years: a.data.stale_after,
    };
    let plan = import::plan(&root, opts, &req).map_err(error)?;
    let io = CliError::output;
    write!(out, "{}{}", plan.diff(), plan.summary()).map_err(io)?;
    let n = plan.edits.len();
    if n == 0 {
        writeln!(out, "Nothing to write.").map_err(io)?;
        return Ok(Outcome::Ok);
    }
    if a.dry_run {
        writeln!(out, "Dry run: nothing written.").map_err(io)?;
        return Ok(Outcome::Ok);
    }
    out.flush().map_err(io)?;
    if !a.yes {
        match confirm(&format!("Write {n} file(s)?")) {
            None => {
                return Err(CliError::Usage(
                    "no answer on standard input, so nothing was written; pass --yes to write without asking".into(),
                ))
            }
            Some(false) => {
                writeln!(out, "Nothing written.").map_err(io)?;
                return Ok(Outcome::Ok);
            }
            Some(true) => {}
        }
    }
    let written = plan.write().map_err(error)?;
    writeln!(out, "Wrote {written} file(s).").map_err(io)?;
    Ok(Outcome::Ok)
}
