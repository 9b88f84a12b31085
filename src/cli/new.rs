//! `lexgap new country|law|measure`: a skeleton of a new record, printed or written into the tree.

use super::data::{parse_date, today};
use super::{CliError, DataArgs, Outcome};
use crate::author::files;
use crate::author::skeleton::{self, NewError};
use crate::model::MeasureStatus;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub what: What,
}

#[derive(Debug, clap::Subcommand)]
pub enum What {
    /// A new state's record, listing every treaty of the catalogue as not checked yet
    Country(CountryArgs),
    /// A new law in a state's record
    Law(LawArgs),
    /// A new measure in a state's record
    Measure(MeasureArgs),
}

#[derive(Debug, clap::Args)]
pub struct Target {
    /// ISO 3166-1 alpha-3 code, e.g. TZA
    pub iso3: String,
    /// Write the record into the data tree (--data) instead of printing it
    #[arg(long)]
    pub write: bool,
    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, clap::Args)]
pub struct CountryArgs {
    #[command(flatten)]
    pub target: Target,
    /// The state's name (default: its UN name)
    #[arg(long)]
    pub name: Option<String>,
    /// ISO 3166-1 alpha-2 code (default: from the ISO3 code)
    #[arg(long)]
    pub iso2: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct LawArgs {
    #[command(flatten)]
    pub target: Target,
    /// The law's id, unique in the state's legislation (default: made from the title)
    #[arg(long)]
    pub id: Option<String>,
    /// The act's title as enacted
    #[arg(long)]
    pub title: Option<String>,
    /// The day it was enacted (default: today, marked to check)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub enacted: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct MeasureArgs {
    #[command(flatten)]
    pub target: Target,
    /// A measure kind of the vocabulary, e.g. national-referral-mechanism
    #[arg(long)]
    pub kind: String,
    /// Where it stands (marked to check)
    #[arg(long, default_value = "in-place",
          value_parser = clap::builder::PossibleValuesParser::new(["in-place", "partial", "absent", "planned"]))]
    pub status: String,
    /// The day the status holds from (default: today, marked to check)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// The measure's id, unique among the state's measures (default: its kind)
    #[arg(long)]
    pub id: Option<String>,
}

fn error(e: NewError) -> CliError {
    match e {
        NewError::Write(_) | NewError::Read { .. } | NewError::Layout(_) => {
            CliError::Data(e.to_string())
        }
        _ => CliError::Usage(e.to_string()),
    }
}

fn root(t: &Target) -> Result<PathBuf, CliError> {
    t.data.data.clone().ok_or_else(|| {
        CliError::Usage(
            "--write writes into a data tree on disk: name it with --data DIR (or LEXGAP_DATA)"
                .into(),
        )
    })
}

fn date_or_today(s: Option<&str>, option: &str) -> Result<crate::model::Date, CliError> {
    match s {
        Some(s) => parse_date(s, option),
        None => today(),
    }
}

pub fn run(a: Args, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let io = CliError::output;
    let (target, list, entry) = match &a.what {
        What::Country(c) => {
            let t = &c.target;
            let iso3 = t.iso3.to_ascii_uppercase();
            let loaded = t.data.load_clean()?;
            let record = skeleton::country(
                &loaded.catalogue,
                &iso3,
                c.name.as_deref(),
                c.iso2.as_deref(),
            )
            .map_err(error)?;
            let text = files::canonical(&record);
            if t.write {
                let path = skeleton::country_path(&root(t)?, &iso3);
                files::create(&path, text.as_bytes()).map_err(|e| error(NewError::Write(e)))?;
                writeln!(out, "Created {}.", path.display()).map_err(io)?;
            } else {
                out.write_all(text.as_bytes()).map_err(io)?;
            }
            return Ok(Outcome::Ok);
        }
        What::Law(l) => {
            let t = &l.target;
            let loaded = t.data.load_clean()?;
            let entry = skeleton::law(
                &loaded.catalogue,
                &t.iso3.to_ascii_uppercase(),
                l.id.as_deref(),
                l.title.as_deref(),
                date_or_today(l.enacted.as_deref(), "--enacted")?,
            )
            .map_err(error)?;
            (t, "legislation", entry)
        }
        What::Measure(m) => {
            let t = &m.target;
            let loaded = t.data.load_clean()?;
            let status: MeasureStatus =
                serde_json::from_value(serde_json::Value::String(m.status.clone()))
                    .map_err(|e| CliError::Usage(e.to_string()))?;
            let entry = skeleton::measure(
                &loaded.catalogue,
                &t.iso3.to_ascii_uppercase(),
                &m.kind,
                status,
                date_or_today(m.date.as_deref(), "--date")?,
                m.id.as_deref(),
            )
            .map_err(error)?;
            (t, "measures", entry)
        }
    };
    let iso3 = target.iso3.to_ascii_uppercase();
    if !target.write {
        let text =
            serde_json::to_string_pretty(&entry).map_err(|e| CliError::Data(e.to_string()))?;
        writeln!(out, "{text}").map_err(io)?;
        return Ok(Outcome::Ok);
    }
    let root = root(target)?;
    let (old, new) = skeleton::add_to_country(&root, &iso3, list, entry).map_err(error)?;
    let name = format!("countries/{iso3}.json");
    out.write_all(files::diff(&name, &old, &new, 3).as_bytes())
        .map_err(io)?;
    let path = skeleton::country_path(&root, &iso3);
    files::replace(&path, new.as_bytes()).map_err(|e| error(NewError::Write(e)))?;
    writeln!(out, "Wrote {}.", path.display()).map_err(io)?;
    Ok(Outcome::Ok)
}
