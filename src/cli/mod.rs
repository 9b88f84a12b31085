//! Command-line interface. Each command is a small module with its argument struct and a `run` that
//! calls the library and writes the result; this file parses and dispatches.

mod brief;
mod changes;
mod completions;
mod data;
mod eval_args;
mod explain;
mod export;
mod graph;
mod import;
mod new;
mod output;
pub mod paint;
mod report;
mod roadmap;
mod site;
mod validate;

use clap::{Parser, Subcommand};
use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

pub use data::DataArgs;

/// Exit status of a command: 0 ok, 1 data or evaluation error, 2 bad command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    DataError,
    Usage,
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> ExitCode {
        ExitCode::from(match o {
            Outcome::Ok => 0,
            Outcome::DataError => 1,
            Outcome::Usage => 2,
        })
    }
}

/// An error that ends a command: bad usage (exit 2) or a data/evaluation/output failure (exit 1).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Data(String),
    /// The reader of standard output went away (`| head`): nothing more to say, and no failure.
    #[error("output closed")]
    Closed,
}

impl CliError {
    fn outcome(&self) -> Outcome {
        match self {
            CliError::Usage(_) => Outcome::Usage,
            CliError::Data(_) => Outcome::DataError,
            CliError::Closed => Outcome::Ok,
        }
    }

    /// A failure to write output; a closed pipe is a quiet end, not an error.
    pub fn output(e: std::io::Error) -> CliError {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            CliError::Closed
        } else {
            CliError::Data(format!("cannot write output: {e}"))
        }
    }
}

const EXAMPLES: &str = "Examples:
  lexgap report country TZA --plan dar-es-salaam-2010       country gap report (Markdown)
  lexgap report country Kenya --out KEN.html                 HTML, chosen by the extension
  lexgap report plan almaty-2011 --format html --out -       plan tracker to standard output
  lexgap explain KEN csr1951.non-refoulement                 why, down to the sourced facts
  lexgap export findings --plan dar-es-salaam-2010 --out f.csv
  lexgap site --out site/                                    static dashboard; open site/index.html
  lexgap validate --strict                                   every problem in the data, in one run

Plans in the bundled data: dar-es-salaam-2010, almaty-2011. States may be named by ISO3 code or name.";

#[derive(Debug, Parser)]
#[command(
    name = "lexgap",
    version,
    about = "Gap analysis of states against migration and refugee-protection action plans",
    after_long_help = EXAMPLES
)]
pub struct Cli {
    /// Colour statuses in terminal output: auto (when writing to a terminal, unless NO_COLOR is set),
    /// always or never
    #[arg(long, value_enum, default_value_t = paint::ColorChoice::Auto, global = true)]
    pub color: paint::ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the data tree: schemas, references, dates, cycles, sources
    #[command(
        after_long_help = "Examples:\n  lexgap validate\n  lexgap validate --strict --format json\n  lexgap validate --data my-tree/"
    )]
    Validate(validate::Args),
    /// Country gap report or plan tracker (Markdown, HTML or JSON)
    #[command(
        after_long_help = "Examples:\n  lexgap report country TZA --plan dar-es-salaam-2010\n  lexgap report country Kenya --out KEN.html\n  lexgap report plan almaty-2011 --as-of 2012-12-31 --format json"
    )]
    Report(report::Args),
    /// Briefing pack on a topic for a group of states
    #[command(
        after_long_help = "Examples:\n  lexgap brief --plan almaty-2011 --topic trafficking --countries KAZ,KGZ,TJK\n  lexgap brief --plan dar-es-salaam-2010 --topic refugees --out refugees.html"
    )]
    Brief(brief::Args),
    /// Tidy CSV or JSON tables: participation, obligations, actions, targets, matrix
    #[command(
        after_long_help = "Examples:\n  lexgap export findings --plan dar-es-salaam-2010 --out findings.csv\n  lexgap export participation --as-of 2012-12-31 --format json\n  lexgap export targets --plan almaty-2011 --excel --out targets.csv\n\nColumns: docs/exports.md."
    )]
    Export(export::Args),
    /// The obligation graph as DOT, Mermaid or JSON
    #[command(
        after_long_help = "Examples:\n  lexgap graph --format mermaid --plan dar-es-salaam-2010\n  lexgap graph --country KEN --format dot | dot -Tsvg > ken.svg"
    )]
    Graph(graph::Args),
    /// Static HTML dashboard of every report
    #[command(
        after_long_help = "Example:\n  lexgap site --out site/    then open site/index.html"
    )]
    Site(site::Args),
    /// Why an item has its status for a state, down to the sourced facts
    #[command(
        after_long_help = "Examples:\n  lexgap explain TUR csr1951.non-refoulement\n  lexgap explain KEN dsm.legislative.ratify-cmw --as-of 2012-12-31"
    )]
    Explain(explain::Args),
    /// A state's open gaps in the order to close them
    #[command(after_long_help = "Example:\n  lexgap roadmap KEN --plan dar-es-salaam-2010")]
    Roadmap(roadmap::Args),
    /// What would change if a state ratified a treaty or enacted a measure
    #[command(
        after_long_help = "Example:\n  lexgap whatif SOM --ratify untoc2000 --ratify trafficking2000 --plan dar-es-salaam-2010"
    )]
    Whatif(changes::WhatIfArgs),
    /// What changed between two dates
    #[command(
        after_long_help = "Example:\n  lexgap diff --from 2010-09-07 --to 2012-12-31 --plan dar-es-salaam-2010"
    )]
    Diff(changes::DiffArgs),
    /// Shell completion script for bash, zsh, fish, elvish or powershell
    #[command(
        after_long_help = "Example:\n  lexgap completions bash > /etc/bash_completion.d/lexgap"
    )]
    Completions(completions::CompletionArgs),
    /// The manual page, in roff (pipe it to `man -l -`)
    Man,
    /// Bring a treaty's status table into the tree: shows the changes, writes when confirmed
    Import(import::Args),
    /// A skeleton of a new state, law or measure, printed or written into the tree
    New(new::Args),
}

/// Runs the CLI on the given arguments and returns the exit code.
pub fn main<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    Outcome::Ok
                }
                _ => Outcome::Usage,
            }
            .into();
        }
    };
    paint::init(cli.color);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = match cli.command {
        Command::Validate(a) => validate::run(a, &mut out),
        Command::Report(a) => report::run(a, &mut out),
        Command::Brief(a) => brief::run(a, &mut out),
        Command::Export(a) => export::run(a, &mut out),
        Command::Graph(a) => graph::run(a, &mut out),
        Command::Site(a) => site::run(a, &mut out),
        Command::Explain(a) => explain::run(a, &mut out),
        Command::Roadmap(a) => roadmap::run(a, &mut out),
        Command::Whatif(a) => changes::whatif(a, &mut out),
        Command::Diff(a) => changes::diff(a, &mut out),
        Command::Completions(a) => completions::completions(a, &mut out),
        Command::Man => completions::man(&mut out),
        Command::Import(a) => import::run(a, &mut out),
        Command::New(a) => new::run(a, &mut out),
    };
    let _ = out.flush();
    match result {
        Ok(o) => o.into(),
        Err(CliError::Closed) => Outcome::Ok.into(),
        Err(e) => {
            eprintln!("error: {e}");
            e.outcome().into()
        }
    }
}
