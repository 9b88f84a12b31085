//! `lexgap export`: tidy tables for spreadsheets and other tools.

use super::eval_args::{self, AsOf};
use super::output::OutArgs;
use super::{CliError, DataArgs, Outcome};
use crate::eval;
use crate::report::{export, findings};
use std::io::Write;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Table {
    Participation,
    Obligations,
    Actions,
    Targets,
    Matrix,
    /// One row per state and evaluated item, with status and evidence strength
    Findings,
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
    /// Only this plan's actions or targets (findings: its participants and items)
    #[arg(long)]
    pub plan: Option<String>,
    /// Findings: only this state
    #[arg(long, value_name = "ISO3")]
    pub country: Option<String>,
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
    a.out.check(&a.data)?;
    let loaded = a.data.load_clean()?;
    let cat = &loaded.catalogue;
    if let Some(p) = &a.plan {
        eval_args::plan(cat, p)?;
    }
    let country = a
        .country
        .as_deref()
        .map(|c| eval_args::country(cat, c).map(|c| c.iso3.clone()))
        .transpose()?;
    if country.is_some() && !matches!(a.table, Table::Findings) {
        return Err(CliError::Usage(
            "--country applies to `export findings` only".into(),
        ));
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
        Table::Findings => return findings_table(&a, cat, as_of, country.as_deref(), out),
    };
    let bytes = match a.format {
        Format::Csv => table.to_csv(a.excel).map_err(CliError::Data)?,
        Format::Json => table.to_json().into_bytes(),
    };
    a.out.emit(&bytes, out, &a.data)?;
    Ok(Outcome::Ok)
}

/// The findings table: typed rows, so JSON keeps its nulls and CSV its column contract.
fn findings_table(
    a: &Args,
    cat: &crate::catalogue::Catalogue,
    as_of: crate::model::Date,
    country: Option<&str>,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let ev = eval::evaluate(cat, as_of, &[]).map_err(CliError::Data)?;
    let rows = findings::findings(
        cat,
        &ev,
        findings::Filter {
            plan: a.plan.as_deref(),
            country,
        },
    );
    let bytes = match a.format {
        Format::Csv => export::rows_to_csv(&rows, a.excel).map_err(CliError::Data)?,
        Format::Json => export::rows_to_json(&rows)
            .map_err(CliError::Data)?
            .into_bytes(),
    };
    a.out.emit(&bytes, out, &a.data)?;
    Ok(Outcome::Ok)
}
