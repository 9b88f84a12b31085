//! `lexgap brief`: a briefing pack on one topic for a group of states.

use super::eval_args::{self, AsOf};
use super::output::OutArgs;
use super::{CliError, DataArgs, Outcome};
use crate::eval;
use crate::model::Topic;
use crate::report::{brief, Format};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan whose actions and participants the pack covers
    #[arg(long)]
    pub plan: String,
    /// trafficking, smuggling, refugees, statelessness, labour, detention, children, borders or rights
    #[arg(long)]
    pub topic: Option<String>,
    /// States to cover, comma-separated ISO3 codes (default: the plan's participants)
    #[arg(long, value_delimiter = ',')]
    pub countries: Vec<String>,
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub as_of: AsOf,
    /// md, html or json (default: from the --out extension, else md)
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Language of the pack: en, fr, pt or ru
    #[arg(long, value_enum, default_value_t = crate::model::Lang::En)]
    pub lang: crate::model::Lang,
    #[command(flatten)]
    pub out: OutArgs,
}

pub fn run(a: Args, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let topic = match &a.topic {
        None => None,
        Some(t) => Some(Topic::parse(t).ok_or_else(|| {
            CliError::Usage(format!(
                "unknown topic `{t}`{} (one of: {})",
                eval_args::did_you_mean(t, Topic::ALL.map(|t| t.as_str())),
                Topic::ALL.map(|t| t.as_str()).join(", ")
            ))
        })?),
    };
    let as_of = a.as_of.date()?;
    a.out.check(&a.data)?;
    let renderer = super::renderer(a.templates.as_deref(), a.lang)?;
    let loaded = a.data.load_clean()?;
    let cat = &loaded.catalogue;
    let plan = eval_args::plan(cat, &a.plan)?;
    let countries: Vec<String> = if a.countries.is_empty() {
        plan.participants.clone()
    } else {
        a.countries
            .iter()
            .map(|c| eval_args::country(cat, c).map(|c| c.iso3.clone()))
            .collect::<Result<_, _>>()?
    };
    // A brief reads treaties and plan actions, not obligations.
    let ev = eval::evaluate_plans(cat, as_of);
    let model = brief::build(cat, plan, &ev, topic, &countries, a.lang);
    let text = renderer.render(
        "brief",
        super::output::report_format(a.format, &a.out),
        &model,
        None,
    )?;
    a.out.emit(text.as_bytes(), out, &a.data)?;
    Ok(Outcome::Ok)
}
