//! `lexgap explain`: why an item has its status for a state — the reasons down to the sourced facts.

use super::eval_args::{self, AsOf};
use super::{CliError, DataArgs, Outcome};
use crate::eval::{self, Reason};
use crate::report::words::Words;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    pub iso3: String,
    /// An instrument, obligation, plan action or target id
    pub item: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub as_of: AsOf,
    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// The reason tree as indented text, with status and evidence strength, sources beneath.
pub fn render_tree(w: &Words, r: &Reason, depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    let status = match (r.status, r.strength) {
        (Some(s), Some(st)) => format!("[{}; {st}] ", super::paint::status(s)),
        (Some(s), None) => format!("[{}] ", super::paint::status(s)),
        _ => String::new(),
    };
    out.push_str(&format!(
        "{indent}{}{status}{}\n",
        if depth == 0 { "" } else { "- " },
        w.fact(&r.fact)
    ));
    if let Some(c) = &r.source {
        let verified = c
            .verified
            .map(|v| format!("verified {v}"))
            .unwrap_or_else(|| "not verified".into());
        let current = c
            .current_to
            .map(|d| format!("current to {d}"))
            .unwrap_or_else(|| "currency not known".into());
        let copy = c
            .copy
            .as_deref()
            .map(|k| format!("; read from a copy: {k}"))
            .unwrap_or_default();
        let loc = c
            .locator
            .as_deref()
            .map(|l| format!(", {l}"))
            .unwrap_or_default();
        let url = c
            .url
            .as_deref()
            .map(|u| format!(" <{u}>"))
            .unwrap_or_default();
        out.push_str(&format!(
            "{indent}    source: {}{loc}{url} ({current}; {verified}{copy}; {} {})\n",
            c.title, c.file, c.entry
        ));
    }
    for ch in &r.children {
        render_tree(w, ch, depth + 1, out);
    }
}

pub fn run(a: Args, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let as_of = a.as_of.date()?;
    let loaded = a.data.load_clean()?;
    let cat = &loaded.catalogue;
    let c = eval_args::country(cat, &a.iso3)?;
    let (status, reasons) = eval::explain(cat, &c.iso3, &a.item, as_of).ok_or_else(|| {
        let mut ids: Vec<&str> = cat.instruments.keys().map(String::as_str).collect();
        ids.extend(cat.obligations().map(|o| o.id.as_str()));
        for p in cat.plans.values() {
            ids.extend(p.actions().map(|(_, a)| a.id.as_str()));
            ids.extend(p.targets().map(|(_, t)| t.id.as_str()));
        }
        CliError::Usage(format!(
            "`{}` is not an instrument, obligation, action or target id{}",
            a.item,
            eval_args::did_you_mean(&a.item, ids)
        ))
    })?;
    let text = match a.format {
        Format::Json => serde_json::to_string_pretty(&serde_json::json!({"country": c.iso3, "item": a.item, "as_of": as_of.to_string(), "status": status, "reasons": reasons})).map_err(|e| CliError::Data(e.to_string()))? + "\n",
        Format::Text => {
            let mut s = format!(
                "{} — {} as of {as_of}: {}\n\n",
                c.name,
                a.item,
                super::paint::status(status)
            );
            render_tree(&Words::new(cat, Some(&c.iso3)), &reasons, 0, &mut s);
            super::terminal_text(&s)
        }
    };
    out.write_all(text.as_bytes()).map_err(CliError::output)?;
    Ok(Outcome::Ok)
}
