//! `lexgap report country|plan`: the gap report for one state, or the tracker for one plan.

use super::eval_args::{self, AsOf};
use super::output::OutArgs;
use super::{CliError, DataArgs, Outcome};
use crate::eval;
use crate::report::{country, plan, Format};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub which: Which,
}

#[derive(Debug, clap::Subcommand)]
pub enum Which {
    /// Gap report for one state, with every finding sourced
    Country(CountryArgs),
    /// Tracker for one action plan: targets, state × action matrix, changes since the conference
    Plan(PlanArgs),
}

#[derive(Debug, Clone, clap::Args)]
pub struct Common {
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub as_of: AsOf,
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Folder of templates (`*.hbs`) that take the place of the built-in ones
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    #[command(flatten)]
    pub out: OutArgs,
}

#[derive(Debug, clap::Args)]
pub struct CountryArgs {
    /// ISO 3166-1 alpha-3 code, e.g. TZA
    pub iso3: String,
    /// Limit plan actions and the roadmap to one plan
    #[arg(long)]
    pub plan: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, clap::Args)]
pub struct PlanArgs {
    /// Plan id, e.g. dar-es-salaam-2010
    pub plan: String,
    /// Compare with this date in "what changed" (default: the last day of the conference)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, CliError> {
    match args.which {
        Which::Country(a) => {
            let c = &a.common;
            let as_of = c.as_of.date()?;
            c.out.check(&c.data)?;
            let renderer = super::renderer(c.templates.as_deref())?;
            let loaded = c.data.load_clean()?;
            let cat = &loaded.catalogue;
            let country = eval_args::country(cat, &a.iso3)?;
            let plan = a
                .plan
                .as_deref()
                .map(|p| eval_args::plan(cat, p))
                .transpose()?;
            let ce = eval::evaluate_country(cat, &country.iso3, as_of)
                .ok_or_else(|| CliError::Data("evaluation failed".into()))?;
            let model = country::build(cat, &ce, plan, as_of, c.data.freshness()?);
            let text = renderer.render("country", c.format, &model, None)?;
            c.out.emit(text.as_bytes(), out, &c.data)?;
        }
        Which::Plan(a) => {
            let c = &a.common;
            let as_of = c.as_of.date()?;
            c.out.check(&c.data)?;
            let renderer = super::renderer(c.templates.as_deref())?;
            let loaded = c.data.load_clean()?;
            let cat = &loaded.catalogue;
            let p = eval_args::plan(cat, &a.plan)?;
            let since = match &a.since {
                Some(s) => super::data::parse_date(s, "--since")?,
                None => plan::baseline(p),
            };
            let ev = eval::evaluate(cat, as_of, &[]).map_err(CliError::Data)?;
            let base = eval::evaluate(cat, since, &[]).map_err(CliError::Data)?;
            let pe = ev
                .plans
                .get(&p.id)
                .ok_or_else(|| CliError::Data("evaluation failed".into()))?;
            let model = plan::build(cat, p, &ev, pe, &base);
            let text = renderer.render("plan", c.format, &model, None)?;
            c.out.emit(text.as_bytes(), out, &c.data)?;
        }
    }
    Ok(Outcome::Ok)
}
