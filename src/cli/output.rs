//! Where a command's result goes: standard output (also `--out -`), or a file written atomically
//! with `--out`; and the format a file's extension names when `--format` is not given.

use super::{CliError, DataArgs};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
pub struct OutArgs {
    /// Write to this file (atomically) instead of standard output; `-` is standard output. Never a
    /// link, a folder, a special file or a file inside the data tree being read. Without --format,
    /// the file's extension chooses it (.md, .html, .json, .csv)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

impl OutArgs {
    /// The file to write, or `None` for standard output.
    fn file(&self) -> Option<&PathBuf> {
        self.out.as_ref().filter(|p| p.as_os_str() != "-")
    }

    /// The `--out` file's extension, lower case.
    pub fn extension(&self) -> Option<String> {
        self.file()
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
    }

    /// Refuses an output path the command must not write, before any work is done.
    pub fn check(&self, data: &DataArgs) -> Result<(), CliError> {
        match self.file() {
            Some(p) => data.check_out_file(p),
            None => Ok(()),
        }
    }

    /// Writes the result to `--out` (checked again just before writing) or to standard output.
    pub fn emit(
        &self,
        bytes: &[u8],
        stdout: &mut dyn Write,
        data: &DataArgs,
    ) -> Result<(), CliError> {
        match self.file() {
            Some(p) => {
                self.check(data)?;
                Ok(crate::files::write_atomic(p, bytes)?)
            }
            None => stdout.write_all(bytes).map_err(CliError::output),
        }
    }
}

/// The report format: as given, else as the `--out` extension names it, else Markdown.
pub fn report_format(given: Option<crate::report::Format>, out: &OutArgs) -> crate::report::Format {
    use crate::report::Format;
    given.unwrap_or_else(|| match out.extension().as_deref() {
        Some("html" | "htm") => Format::Html,
        Some("json") => Format::Json,
        _ => Format::Md,
    })
}
