//! `lexgap completions <shell>` and `lexgap man`: shell completion scripts and a man page, made from
//! the same command definitions the parser uses, so they never drift from it.

use super::{CliError, Outcome};
use clap::CommandFactory;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct CompletionArgs {
    /// bash, zsh, fish, elvish or powershell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn completions(a: CompletionArgs, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let mut cmd = super::Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, "lexgap", &mut buf);
    out.write_all(&buf).map_err(CliError::output)?;
    Ok(Outcome::Ok)
}

pub fn man(out: &mut dyn Write) -> Result<Outcome, CliError> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(super::Cli::command())
        .render(&mut buf)
        .map_err(|e| CliError::Data(format!("cannot render the man page: {e}")))?;
    out.write_all(&buf).map_err(CliError::output)?;
    Ok(Outcome::Ok)
}
