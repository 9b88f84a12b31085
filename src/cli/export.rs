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
    /// csv or json (default: from the --out extension, else csv)
    #[arg(long, value_enum)]
    pub format: Option<Format>,
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

/// Typed rows as CSV or JSON.
impl Args {
    fn format(&self) -> Format {
        self.format
            .unwrap_or(match self.out.extension().as_deref() {
                Some("json") => Format::Json,
                _ => Format::Csv,
            })
    }
}

fn encode<T: serde::Serialize>(rows: &[T], a: &Args) -> Result<Vec<u8>, CliError> {
    match a.format() {
        Format::Csv => export::rows_to_csv(rows, a.excel).map_err(CliError::Data),
        Format::Json => export::rows_to_json(rows)
            .map(String::into_bytes)
            .map_err(CliError::Data),
    }
}

/// Options that mean nothing for a table are refused rather than silently ignored.
fn check_options(a: &Args) -> Result<(), CliError> {
    let plan_ok = matches!(a.table, Table::Actions | Table::Targets | Table::Findings);
    if a.plan.is_some() && !plan_ok {
        return Err(CliError::Usage(
            "--plan applies to `export actions`, `targets` and `findings` only".into(),
        ));
    }
    if a.country.is_some() && !matches!(a.table, Table::Findings) {
        return Err(CliError::Usage(
            "--country applies to `export findings` only".into(),
        ));
    }
    if a.excel && matches!(a.format(), Format::Json) {
        return Err(CliError::Usage("--excel applies to CSV output only".into()));
    }
    Ok(())
}

pub fn run(a: Args, out: &mut dyn Write) -> Result<Outcome, CliError> {
    check_options(&a)?;
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
    let ev = || eval::evaluate(cat, as_of, &[]).map_err(|e| CliError::Usage(e.to_string()));
    // Tables of treaties, actions and targets need no obligations.
    let plans_only = || Ok::<_, CliError>(eval::evaluate_plans(cat, as_of));
    let bytes = match a.table {
        Table::Participation => encode(&export::participation(&plans_only()?), &a)?,
        Table::Obligations => encode(&export::obligations(cat), &a)?,
        Table::Actions => encode(&export::actions(cat, a.plan.as_deref()), &a)?,
        Table::Targets => encode(&export::targets(cat, a.plan.as_deref(), &plans_only()?), &a)?,
        Table::Findings => encode(
            &findings::findings(
                cat,
                &ev()?,
                findings::Filter {
                    plan: a.plan.as_deref(),
                    country: country.as_deref(),
                },
            ),
            &a,
        )?,
        Table::Matrix => {
            let t = export::matrix(cat, &plans_only()?);
            match a.format() {
                Format::Csv => t.to_csv(a.excel).map_err(CliError::Data)?,
                Format::Json => t.to_json().into_bytes(),
            }
        }
    };
    a.out.emit(&bytes, out, &a.data)?;
    Ok(Outcome::Ok)
}
