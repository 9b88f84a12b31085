//! `lexgap export`: tidy tables for spreadsheets and other tools.

use super::eval_args::{self, AsOf};
use super::output::OutArgs;
use super::{CliError, DataArgs, Outcome};
use crate::eval;
use crate::report::export;
use std::io::Write;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Table {
    Participation,
    Obligations,
    Actions,
    Targets,
    Matrix,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_enum)]
    pub table: Table,
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// Only this plan's actions or targets
    #[arg(long)]
    pub plan: Option<String>,
    /// Start the CSV with a byte-order mark so Excel reads it as UTF-8
    #[arg(long)]
    pub excel: bool,
    #[command(flatten)]
    pub as_of: AsOf,
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub out: OutArgs,
}

pub fn run(a: Args, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let as_of = a.as_of.date()?;
    let loaded = a.data.load_clean()?;
    let cat = &loaded.catalogue;
    if let Some(p) = &a.plan {
        eval_args::plan(cat, p)?;
    }
    let table = match a.table {
        Table::Participation => export::participation(cat, as_of),
        Table::Obligations => export::obligations(cat),
        Table::Actions => export::actions(cat, a.plan.as_deref()),
        Table::Targets => {
            let ev = eval::evaluate(cat, as_of, &[]).map_err(CliError::Data)?;
            export::targets(cat, a.plan.as_deref(), Some(&ev))
        }
        Table::Matrix => export::matrix(cat, as_of),
    };
    let bytes = match a.format {
        Format::Csv => table.to_csv(a.excel).map_err(CliError::Data)?,
        Format::Json => table.to_json().into_bytes(),
    };
    a.out.emit(&bytes, out)?;
    Ok(Outcome::Ok)
}
