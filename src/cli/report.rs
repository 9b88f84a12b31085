//! `lexgap report country|plan`: the gap report for one state, or the tracker for one plan.

use super::eval_args::{self, AsOf};
use super::output::OutArgs;
use super::{CliError, DataArgs, Outcome};
use crate::eval;
use crate::model::Lang;
use crate::report::{country, plan, Format, Renderer};
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
    /// Participation in one treaty: every state's standing, dates, reservations and how current
    Treaty(TreatyArgs),
}

#[derive(Debug, clap::Args)]
pub struct TreatyArgs {
    /// Treaty id, e.g. csr1951
    pub treaty: String,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Clone, clap::Args)]
pub struct Common {
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub as_of: AsOf,
    /// md, html or json (default: from the --out extension, else md)
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Folder of templates (`*.hbs`) that take the place of the built-in ones
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Language of the report: en, fr, pt or ru
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
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

impl Common {
    /// What every report does first: the date, the output path checked and the templates read before
    /// any work, then the data.
    fn start(&self) -> Result<(crate::model::Date, Renderer, crate::load::Loaded), CliError> {
        let as_of = self.as_of.date()?;
        self.out.check(&self.data)?;
        let renderer = super::renderer(self.templates.as_deref(), self.lang)?;
        Ok((as_of, renderer, self.data.load_clean()?))
    }

    /// Renders the report's model in the chosen format and writes it out.
    fn finish<T: serde::Serialize>(
        &self,
        renderer: &Renderer,
        name: &str,
        model: &T,
        out: &mut dyn Write,
    ) -> Result<(), CliError> {
        let format = super::output::report_format(self.format, &self.out);
        let text = renderer.render(name, format, model, None)?;
        self.out.emit(text.as_bytes(), out, &self.data)
    }
}

pub fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, CliError> {
    match args.which {
        Which::Country(a) => {
            let c = &a.common;
            let (as_of, renderer, loaded) = c.start()?;
            let cat = &loaded.catalogue;
            let country = eval_args::country(cat, &a.iso3)?;
            let plan = a
                .plan
                .as_deref()
                .map(|p| eval_args::plan(cat, p))
                .transpose()?;
            let ce = eval::evaluate_country(cat, &country.iso3, as_of)
                .ok_or_else(|| CliError::Data("evaluation failed".into()))?;
            // The same state on each plan's conference day and deadline, for page one.
            let plans: Vec<&crate::model::Plan> = match plan {
                Some(p) => vec![p],
                None => cat
                    .plans
                    .values()
                    .filter(|p| p.participants.contains(&country.iso3))
                    .collect(),
            };
            let history: Vec<_> = plans
                .iter()
                .filter_map(|p| {
                    let at = |d| eval::evaluate_country(cat, &country.iso3, d);
                    let deadline = (p.deadline <= as_of).then(|| at(p.deadline)).flatten();
                    Some((*p, at(p.conference.end)?, deadline))
                })
                .collect();
            let past: Vec<country::Past> = history
                .iter()
                .map(|(p, c, d)| country::Past {
                    plan: p,
                    conference: c,
                    deadline: d.as_ref(),
                })
                .collect();
            let model = country::build(cat, &ce, plan, &past, as_of, c.data.freshness()?, c.lang);
            c.finish(&renderer, "country", &model, out)?;
        }
        Which::Plan(a) => {
            let c = &a.common;
            let (as_of, renderer, loaded) = c.start()?;
            let cat = &loaded.catalogue;
            let p = eval_args::plan(cat, &a.plan)?;
            let since = match &a.since {
                Some(s) => super::data::parse_date(s, "--since")?,
                None => plan::baseline(p),
            };
            // A tracker reads treaties, actions and targets: no obligations, no reason trees.
            let ev = eval::evaluate_plans(cat, as_of);
            let base = eval::evaluate_plans(cat, since);
            let pe = ev
                .plans
                .get(&p.id)
                .ok_or_else(|| CliError::Data("evaluation failed".into()))?;
            let model = plan::build(cat, p, &ev, pe, &base, c.lang);
            c.finish(&renderer, "plan", &model, out)?;
        }
        Which::Treaty(a) => {
            let c = &a.common;
            let (as_of, renderer, loaded) = c.start()?;
            let cat = &loaded.catalogue;
            let inst = cat.treaties().find(|i| i.id == a.treaty).ok_or_else(|| {
                CliError::Usage(format!(
                    "no treaty `{}` in the data{}",
                    a.treaty,
                    eval_args::did_you_mean(&a.treaty, cat.treaties().map(|i| i.id.as_str()))
                ))
            })?;
            // A treaty page reads each state's standing only: no obligations to evaluate.
            let ev = eval::evaluate_plans(cat, as_of);
            let model = crate::report::treaty::build(cat, inst, &ev, c.data.freshness()?, c.lang);
            c.finish(&renderer, "treaty", &model, out)?;
        }
    }
    Ok(Outcome::Ok)
}
