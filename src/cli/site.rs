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
    #[command(flatten)]
    pub as_of: AsOf,
    #[command(flatten)]
    pub data: DataArgs,
}

/// The site folder and the subfolders it writes into: each a folder or nothing yet, not a link, and
/// not the data root or inside its data.
fn check_folders(a: &Args) -> Result<(), CliError> {
    a.data.check_out_folder(&a.out)?;
    for sub in ["countries", "plans", "briefs", "data"] {
        a.data.check_out_folder(&a.out.join(sub))?;
    }
    Ok(())
}

pub fn run(a: Args, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let as_of = a.as_of.date()?;
    // The site is the one command that writes a folder: never the data root or inside its data, and
    // not through a linked subfolder either.
    check_folders(&a)?;
    let renderer = super::renderer(a.templates.as_deref())?;
    let loaded = a.data.load_clean()?;
    let cat = &loaded.catalogue;
    let ev = eval::evaluate(cat, as_of, &[]).map_err(CliError::Data)?;
    let mut since = std::collections::BTreeMap::new();
    for p in cat.plans.values() {
        since.insert(
            p.id.clone(),
            eval::evaluate(cat, crate::report::plan::baseline(p), &[]).map_err(CliError::Data)?,
        );
    }
    check_folders(&a)?;
    let w = site::write(cat, &ev, &since, &renderer, &a.out, a.data.freshness()?)?;
    writeln!(
        out,
        "wrote {} pages and {} data files to {}",
        w.pages,
        w.files,
        crate::diag::escape_controls(&a.out.display().to_string())
    )
    .map_err(CliError::output)?;
    Ok(Outcome::Ok)
}
