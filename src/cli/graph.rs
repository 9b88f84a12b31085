//! `lexgap graph`: the obligation graph as DOT, Mermaid or JSON.

use super::eval_args::{self, AsOf};
use super::output::OutArgs;
use super::{CliError, DataArgs, Outcome};
use crate::eval;
use crate::report::graph::{self, GraphFormat};
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Colour nodes by this state's statuses
    #[arg(long)]
    pub country: Option<String>,
    /// Keep only this plan's actions and targets
    #[arg(long)]
    pub plan: Option<String>,
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
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
    let ce = match &a.country {
        Some(c) => {
            let c = eval_args::country(cat, c)?;
            eval::evaluate_country(cat, &c.iso3, as_of)
        }
        None => None,
    };
    let g = cat.graph();
    let v = graph::view(cat, g, ce.as_ref(), a.plan.as_deref());
    let text = match a.format {
        GraphFormat::Dot => graph::to_dot(&v),
        GraphFormat::Mermaid => graph::to_mermaid(&v),
        GraphFormat::Json => {
            serde_json::to_string_pretty(&v).map_err(|e| CliError::Data(e.to_string()))? + "\n"
        }
    };
    a.out.emit(text.as_bytes(), out, &a.data)?;
    Ok(Outcome::Ok)
}
