//! `lexgap roadmap`: a state's open gaps in dependency order, each with the targets it would move.

use super::eval_args::{self, AsOf};
use super::{CliError, DataArgs, Outcome};
use crate::eval;
use crate::report::words::Words;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    pub iso3: String,
    #[arg(long)]
    pub plan: Option<String>,
    #[arg(long, value_enum, default_value_t = super::explain::Format::Text)]
    pub format: super::explain::Format,
    #[command(flatten)]
    pub as_of: AsOf,
    #[command(flatten)]
    pub data: DataArgs,
}

pub fn run(a: Args, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let as_of = a.as_of.date()?;
    let loaded = a.data.load_clean()?;
    let cat = &loaded.catalogue;
    let c = eval_args::country(cat, &a.iso3)?;
    let plan = a
        .plan
        .as_deref()
        .map(|p| eval_args::plan(cat, p))
        .transpose()?;
    let ce = eval::evaluate_country(cat, &c.iso3, as_of)
        .ok_or_else(|| CliError::Data("evaluation failed".into()))?;
    let steps = eval::roadmap(cat, &ce, plan, as_of, a.data.stale_after);
    let w = Words::new(cat, Some(&c.iso3));
    let text = match a.format {
        super::explain::Format::Json => {
            serde_json::to_string_pretty(&steps).map_err(|e| CliError::Data(e.to_string()))? + "\n"
        }
        super::explain::Format::Text => {
            let mut s = format!(
                "Roadmap for {} as of {as_of}{}\n\n",
                c.name,
                plan.map(|p| format!(" ({})", p.name())).unwrap_or_default()
            );
            for st in &steps {
                s.push_str(&format!(
                    "{:>3}. {:<9} {} [{}] — {}\n",
                    st.order,
                    w.step_kind(st.step),
                    st.id,
                    super::paint::status(st.status),
                    w.step_label(st)
                ));
                s.push_str(&format!("       why: {}\n", w.step_why(st)));
                if !st.after.is_empty() {
                    s.push_str(&format!("       after: {}\n", st.after.join(", ")));
                }
                if !st.targets.is_empty() {
                    s.push_str(&format!("       moves: {}\n", st.targets.join(", ")));
                }
            }
            if steps.is_empty() {
                s.push_str("No open gaps on the recorded facts.\n");
            }
            super::terminal_text(&s)
        }
    };
    out.write_all(text.as_bytes()).map_err(CliError::output)?;
    Ok(Outcome::Ok)
}
