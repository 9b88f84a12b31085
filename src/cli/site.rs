//! `lexgap site`: the static dashboard of every report, page per state, plan and briefing topic.

use super::eval_args::AsOf;
use super::{CliError, DataArgs, Outcome};
use crate::eval;
use crate::report::{site, Renderer};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to write the site into (created if missing)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Languages to write the site in, comma-separated (en, fr, pt, ru): the first at the root of
    /// --out, each other in a folder of its code, every page linking to its other languages
    #[arg(long, value_enum, value_delimiter = ',', default_value = "en")]
    pub lang: Vec<crate::model::Lang>,
    #[command(flatten)]
    pub as_of: AsOf,
    #[command(flatten)]
    pub data: DataArgs,
}

pub fn run(a: Args, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let as_of = a.as_of.date()?;
    let mut langs = site::Languages { all: Vec::new() };
    for l in &a.lang {
        if !langs.all.contains(l) {
            langs.all.push(*l);
        }
    }
    let renderers = langs
        .all
        .iter()
        .map(|l| Renderer::in_lang(a.templates.as_deref(), *l))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| CliError::Data(e.to_string()))?;
    let loaded = a.data.load_clean()?;
    let cat = &loaded.catalogue;
    // The site is the one command that writes into a folder: refuse to write inside the data tree.
    if let Some(d) = &a.data.data {
        if let (Ok(o), Ok(d)) = (
            std::fs::canonicalize(a.out.parent().unwrap_or(&a.out)),
            std::fs::canonicalize(d),
        ) {
            if o.starts_with(d.join("instruments")) || o.starts_with(d.join("countries")) {
                return Err(CliError::Usage(
                    "the site cannot be written inside the data tree".into(),
                ));
            }
        }
    }
    let ev = eval::evaluate(cat, as_of, &[]).map_err(|e| CliError::Usage(e.to_string()))?;
    let mut since = std::collections::BTreeMap::new();
    let mut at_deadline = std::collections::BTreeMap::new();
    for p in cat.plans.values() {
        // The past is read for treaties, plan actions and targets only.
        since.insert(
            p.id.clone(),
            eval::evaluate_plans(cat, crate::report::plan::baseline(p)),
        );
        if p.deadline <= as_of {
            at_deadline.insert(p.id.clone(), eval::evaluate_plans(cat, p.deadline));
        }
    }
    let mut w = site::Written::default();
    for renderer in &renderers {
        let one = site::write(
            cat,
            &ev,
            &since,
            &at_deadline,
            renderer,
            &a.out,
            &langs,
            a.data.freshness()?,
        )
        .map_err(|e| CliError::Data(e.to_string()))?;
        w.pages += one.pages;
        w.files += one.files;
    }
    // Status goes to standard error: standard output is for results.
    let _ = out;
    eprintln!(
        "wrote {} pages and {} data files to {}",
        w.pages,
        w.files,
        a.out.display()
    );
    Ok(Outcome::Ok)
}
