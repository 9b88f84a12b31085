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
    /// An output path refused, or a write that failed.
    #[error(transparent)]
    Out(#[from] crate::files::WriteError),
    /// Templates that do not compile, include each other or fail to render.
    #[error(transparent)]
    Template(#[from] crate::report::ReportError),
    /// An environment variable holds a value that cannot be used; the message names it.
    #[error("{message}")]
    Env { var: &'static str, message: String },
    /// The reader of standard output went away (`| head`): nothing more to say, and no failure.
    #[error("output closed")]
    Closed,
}

impl CliError {
    fn outcome(&self) -> Outcome {
        match self {
            CliError::Usage(_) | CliError::Env { .. } => Outcome::Usage,
            CliError::Out(e) if e.is_refusal() => Outcome::Usage,
            CliError::Data(_) | CliError::Out(_) | CliError::Template(_) => Outcome::DataError,
            CliError::Closed => Outcome::Ok,
        }
    }

    /// Stable kebab-case code printed with the message, for scripts and tests to match on.
    pub fn code(&self) -> &'static str {
        match self {
            CliError::Usage(_) => "usage",
            CliError::Data(_) => "data",
            CliError::Out(e) => e.code(),
            CliError::Template(crate::report::ReportError::File(e)) => e.code(),
            CliError::Template(_) => "template",
            CliError::Env { .. } => "bad-environment",
            CliError::Closed => "closed",
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
    /// Country gap report, plan tracker or treaty page (Markdown, HTML or JSON)
    #[command(
        after_long_help = "Examples:\n  lexgap report country TZA --plan dar-es-salaam-2010\n  lexgap report country Kenya --out KEN.html\n  lexgap report plan almaty-2011 --as-of 2012-12-31 --format json\n  lexgap report treaty csr1951 --lang fr"
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

/// Text for the terminal: line by line, any control character inside a line escaped. Data that reaches
/// a command has passed validation, which refuses such characters; ids typed on the command line and
/// echoed back have not.
fn terminal_text(s: &str) -> String {
    s.split('\n')
        .map(paint::terminal_text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The report templates: the built-in ones, with those in `--templates DIR` taking their place.
fn renderer(
    dir: Option<&std::path::Path>,
    lang: crate::model::Lang,
) -> Result<crate::report::Renderer, CliError> {
    if let Some(d) = dir {
        if !d.is_dir() {
            return Err(CliError::Usage(format!(
                "the template folder `{}` given by --templates does not exist or is not a folder",
                d.display()
            )));
        }
    }
    Ok(crate::report::Renderer::in_lang(dir, lang)?)
}

/// Stable code of a command-line parsing error.
fn clap_code(kind: clap::error::ErrorKind) -> &'static str {
    use clap::error::ErrorKind as K;
    match kind {
        K::InvalidValue
        | K::ValueValidation
        | K::InvalidUtf8
        | K::TooManyValues
        | K::TooFewValues
        | K::WrongNumberOfValues => "invalid-value",
        K::UnknownArgument | K::InvalidSubcommand => "unknown-argument",
        K::MissingRequiredArgument | K::MissingSubcommand => "missing-argument",
        K::ArgumentConflict => "conflicting-arguments",
        _ => "usage",
    }
}

/// Prints a parsing error (or the help or version asked for) and says how the run ends.
fn usage_error(e: &clap::Error) -> Outcome {
    use clap::error::ErrorKind as K;
    match e.kind() {
        K::DisplayHelp | K::DisplayVersion => {
            let _ = e.print();
            Outcome::Ok
        }
        K::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            Outcome::Usage
        }
        kind => {
            let text = e.render().to_string();
            let text = text.strip_prefix("error: ").unwrap_or(&text);
            let _ = write!(
                std::io::stderr(),
                "error[{}]: {}",
                clap_code(kind),
                terminal_text(text)
            );
            Outcome::Usage
        }
    }
}

/// Parses arguments as the binary does, without running anything: for fuzzing the parser and the
/// checks on its values.
pub fn parse_only<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    Cli::try_parse_from(args)
}

/// Resolves what can be resolved of parsed arguments without reading data or writing anything: dates,
/// the data folder, output paths, template folders, topics — the same functions the commands call
/// first. For fuzzing the command line.
pub fn preflight(cli: &Cli) -> Result<(), CliError> {
    fn common(c: &report::Common) -> Result<(), CliError> {
        c.as_of.date()?;
        c.data.root()?;
        c.out.check(&c.data)?;
        if let Some(t) = &c.templates {
            if !t.is_dir() {
                return Err(CliError::Usage("not a folder".into()));
            }
        }
        Ok(())
    }
    match &cli.command {
        Command::Validate(a) => a.data.root().map(|_| ()),
        Command::Report(a) => match &a.which {
            report::Which::Country(c) => common(&c.common),
            report::Which::Plan(p) => {
                if let Some(s) = &p.since {
                    data::parse_date(s, "--since")?;
                }
                common(&p.common)
            }
            report::Which::Treaty(t) => common(&t.common),
        },
        Command::Brief(a) => {
            if let Some(t) = &a.topic {
                crate::model::Topic::parse(t).ok_or(CliError::Usage("topic".into()))?;
            }
            a.as_of.date()?;
            a.out.check(&a.data)
        }
        Command::Export(a) => {
            a.as_of.date()?;
            a.out.check(&a.data)
        }
        Command::Graph(a) => {
            a.as_of.date()?;
            a.out.check(&a.data)
        }
        Command::Site(a) => {
            a.as_of.date()?;
            a.data.check_out_folder(&a.out)
        }
        Command::Explain(a) => a.as_of.date().map(|_| ()),
        Command::Roadmap(a) => a.as_of.date().map(|_| ()),
        Command::Whatif(a) => a.as_of.date().map(|_| ()),
        Command::Diff(a) => {
            data::parse_date(&a.from, "--from")?;
            if let Some(t) = &a.to {
                data::parse_date(t, "--to")?;
            }
            Ok(())
        }
        // These write only where their own checks allow, or nothing at all.
        Command::Completions(_) | Command::Man | Command::Import(_) | Command::New(_) => Ok(()),
    }
}

/// Runs the CLI on the given arguments and returns the exit code.
pub fn main<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => return usage_error(&e).into(),
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
    let flushed = out.flush().map_err(CliError::output);
    match result.and_then(|o| flushed.map(|_| o)) {
        Ok(o) => o.into(),
        Err(CliError::Closed) => Outcome::Ok.into(),
        Err(e) => {
            // Messages quote ids and paths from the data and the command line: escaped, so they
            // cannot carry terminal controls.
            let _ = writeln!(
                std::io::stderr(),
                "error[{}]: {}",
                e.code(),
                crate::diag::escape_controls(&e.to_string())
            );
            e.outcome().into()
        }
    }
}
