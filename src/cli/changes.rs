//! `lexgap whatif` and `lexgap diff`: the same evaluation run twice, and the statuses that differ.

use super::eval_args::{self, AsOf};
use super::{CliError, DataArgs, Outcome};
use crate::eval::{self, Change, Hypothesis};
use crate::report::words::Words;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct WhatIfArgs {
    pub iso3: String,
    /// Suppose the state becomes party to this treaty (repeatable)
    #[arg(long, value_name = "INSTRUMENT")]
    pub ratify: Vec<String>,
    /// Suppose a law fully implementing this obligation or measure kind enters into force (repeatable)
    #[arg(long, value_name = "OBLIGATION_OR_MEASURE")]
    pub enact: Vec<String>,
    /// Only changes within this plan
    #[arg(long)]
    pub plan: Option<String>,
    #[arg(long, value_enum, default_value_t = super::explain::Format::Text)]
    pub format: super::explain::Format,
    #[command(flatten)]
    pub as_of: AsOf,
    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: String,
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    #[arg(long)]
    pub plan: Option<String>,
    #[arg(long)]
    pub country: Option<String>,
    #[arg(long, value_enum, default_value_t = super::explain::Format::Text)]
    pub format: super::explain::Format,
    #[command(flatten)]
    pub data: DataArgs,
}

fn print(
    words: &crate::report::words::Words,
    changes: &[Change],
    head: String,
    format: super::explain::Format,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let text = match format {
        super::explain::Format::Json => {
            serde_json::to_string_pretty(changes).map_err(|e| CliError::Data(e.to_string()))? + "\n"
        }
        super::explain::Format::Text => {
            let mut s = format!("{head}\n{} change(s)\n\n", changes.len());
            for c in changes {
                s.push_str(&format!(
                    "{:<10} {:<5} {}: {} → {}",
                    c.item,
                    c.scope,
                    c.id,
                    super::paint::status(c.from),
                    super::paint::status(c.to)
                ));
                if let Some(d) = words.change_detail(c) {
                    s.push_str(&format!("  ({d})"));
                }
                s.push('\n');
            }
            super::terminal_text(&s)
        }
    };
    out.write_all(text.as_bytes()).map_err(CliError::output)
}

pub fn whatif(a: WhatIfArgs, out: &mut dyn Write) -> Result<Outcome, CliError> {
    if a.ratify.is_empty() && a.enact.is_empty() {
        return Err(CliError::Usage(
            "give at least one --ratify or --enact".into(),
        ));
    }
    let as_of = a.as_of.date()?;
    let loaded = a.data.load_clean()?;
    let cat = &loaded.catalogue;
    let c = eval_args::country(cat, &a.iso3)?;
    if let Some(p) = &a.plan {
        eval_args::plan(cat, p)?;
    }
    let mut hs: Vec<Hypothesis> = a
        .ratify
        .iter()
        .map(|i| Hypothesis::Ratify {
            country: c.iso3.clone(),
            instrument: i.clone(),
        })
        .collect();
    hs.extend(a.enact.iter().map(|t| Hypothesis::Enact {
        country: c.iso3.clone(),
        target: t.clone(),
    }));
    eval::apply(cat, as_of, &hs).map_err(|e| CliError::Usage(e.to_string()))?;
    let before = eval::evaluate(cat, as_of, &[]).map_err(|e| CliError::Usage(e.to_string()))?;
    let after = eval::evaluate(cat, as_of, &hs).map_err(|e| CliError::Usage(e.to_string()))?;
    let changes = eval::diff(&before, &after, a.plan.as_deref(), None);
    print(
        &Words::new(cat, Some(&c.iso3)),
        &changes,
        format!(
            "What if, for {} as of {as_of}: {}",
            c.name,
            hs.iter()
                .map(|h| match h {
                    Hypothesis::Ratify { instrument, .. } => format!("ratify {instrument}"),
                    Hypothesis::Enact { target, .. } => format!("enact {target}"),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
        a.format,
        out,
    )?;
    Ok(Outcome::Ok)
}

pub fn diff(a: DiffArgs, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let from = super::data::parse_date(&a.from, "--from")?;
    let to = match &a.to {
        Some(t) => super::data::parse_date(t, "--to")?,
        None => super::data::today()?,
    };
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
    let ea = eval::evaluate(cat, from, &[]).map_err(|e| CliError::Usage(e.to_string()))?;
    let eb = eval::evaluate(cat, to, &[]).map_err(|e| CliError::Usage(e.to_string()))?;
    let mut changes = eval::diff(&ea, &eb, a.plan.as_deref(), country.as_deref());
    // With a plan, country items are limited to the plan's participants.
    if let Some(p) = a.plan.as_deref().and_then(|p| cat.plans.get(p)) {
        changes.retain(|c| c.item == "target" || p.participants.contains(&c.scope));
    }
    if to < from {
        let _ = writeln!(
            std::io::stderr(),
            "warning: --to {to} is before --from {from}; changes are listed from the later date back"
        );
    }
    print(
        &Words::new(cat, country.as_deref()),
        &changes,
        format!("Changes from {from} to {to}"),
        a.format,
        out,
    )?;
    Ok(Outcome::Ok)
}
