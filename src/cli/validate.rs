//! `lexgap validate`: report every problem in the data tree in one run.

use super::{CliError, DataArgs, Outcome};
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArgs,
    /// Treat warnings (missing sources, stale sources, missing participation) as errors
    #[arg(long)]
    pub strict: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let loaded = args.data.load_checked()?;
    let d = &loaded.diagnostics;
    let s = &loaded.stats;
    let failed = d.fails(args.strict);
    // What met and partial obligations rest on, on today's evaluation of a tree that loaded cleanly.
    let (on_provision, met) = if d.errors() == 0 {
        let today = super::data::today()?;
        crate::report::findings::provision_share(&loaded.catalogue, today)
    } else {
        (0, 0)
    };
    // Translations of the obligations' and plan items' texts, per language.
    let coverage: Vec<(crate::model::Lang, f64)> = [
        crate::model::Lang::Fr,
        crate::model::Lang::Pt,
        crate::model::Lang::Ru,
    ]
    .into_iter()
    .map(|l| {
        let (done, all) = loaded.catalogue.translation_coverage(l);
        let p = if all == 0 {
            100.0
        } else {
            100.0 * done as f64 / all as f64
        };
        (l, p)
    })
    .collect();
    let share = if met == 0 {
        0.0
    } else {
        100.0 * on_provision as f64 / met as f64
    };
    let io = CliError::output;
    match args.format {
        Format::Json => {
            let v = serde_json::json!({
                "ok": !failed,
                "strict": args.strict,
                "errors": d.errors(),
                "warnings": d.warnings(),
                "stats": s,
                "coverage_percent": (s.coverage_percent() * 10.0).round() / 10.0,
                "stale_facts": s.stale_facts,
                "met_obligations": met,
                "met_obligations_on_provisions": on_provision,
                "met_on_provisions_percent": (share * 10.0).round() / 10.0,
                "translation_coverage_percent": coverage
                    .iter()
                    .map(|(l, p)| (l.code().to_string(), serde_json::json!((p * 10.0).round() / 10.0)))
                    .collect::<serde_json::Map<_, _>>(),
                "diagnostics": d.items,
            });
            let text =
                serde_json::to_string_pretty(&v).map_err(|e| CliError::Data(e.to_string()))?;
            writeln!(out, "{text}").map_err(io)?;
        }
        Format::Text => {
            for item in &d.items {
                writeln!(out, "{item}").map_err(io)?;
            }
            writeln!(
                out,
                "{}: {} files, {} records ({} instruments, {} obligations, {} countries, {} plans), {} errors, {} warnings, participation coverage {:.1}%, {} of {} facts unverified (newest check: {}), {} stale (source current to more than {} years ago, or currency unknown); {} of {} met or partial obligations rest on provisions read ({:.1}%)",
                if failed { "invalid" } else { "valid" },
                s.files,
                s.records,
                s.instruments,
                s.obligations,
                s.countries,
                s.plans,
                d.errors(),
                d.warnings(),
                s.coverage_percent(),
                s.unverified_facts,
                s.facts,
                s.newest_verified
                    .map_or_else(|| "none".to_string(), |v| v.to_string()),
                s.stale_facts,
                args.data.stale_after,
                on_provision,
                met,
                share
            )
            .map_err(io)?;
            writeln!(
                out,
                "translations of obligations and plan items: {}",
                coverage
                    .iter()
                    .map(|(l, p)| format!("{} {p:.1}%", l.code()))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
            .map_err(io)?;
        }
    }
    Ok(if failed {
        Outcome::DataError
    } else {
        Outcome::Ok
    })
}
