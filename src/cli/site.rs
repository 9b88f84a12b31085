//! `lexgap site`: the static dashboard of every report, page per state, plan and briefing topic.

use super::eval_args::AsOf;
use super::{CliError, DataArgs, Outcome};
use crate::eval;
use crate::report::site;
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

/// The site folder and the subfolders it writes into: each a folder or nothing yet, not a link, and
/// not the data root or inside its data.
fn check_folders(a: &Args) -> Result<(), CliError> {
    a.data.check_out_folder(&a.out)?;
    for sub in ["countries", "plans", "treaties", "briefs", "data"] {
        a.data.check_out_folder(&a.out.join(sub))?;
    }
    for l in &a.lang {
        a.data.check_out_folder(&a.out.join(l.code()))?;
    }
    Ok(())
}

pub fn run(a: Args, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let as_of = a.as_of.date()?;
    // The site is the one command that writes a folder: never the data root or inside its data, and
    // not through a linked subfolder either.
    check_folders(&a)?;
    let mut langs = site::Languages { all: Vec::new() };
    for l in &a.lang {
        if !langs.all.contains(l) {
            langs.all.push(*l);
        }
    }
    let renderers = langs
        .all
        .iter()
        .map(|l| super::renderer(a.templates.as_deref(), *l))
        .collect::<Result<Vec<_>, _>>()?;
    let loaded = a.data.load_clean()?;
    let cat = &loaded.catalogue;
    // Treaties, actions and targets for every state at once; obligations one state at a time, as
    // each page is written.
    let ev = eval::evaluate_plans(cat, as_of);
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
    check_folders(&a)?;
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
        )?;
        w.pages += one.pages;
        w.files += one.files;
    }
    // Status goes to standard error: standard output is for results.
    let _ = out;
    eprintln!(
        "wrote {} pages and {} data files to {}",
        w.pages,
        w.files,
        crate::diag::escape_controls(&a.out.display().to_string())
    );
    Ok(Outcome::Ok)
}
