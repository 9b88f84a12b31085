//! Where a command's result goes: standard output, or a file written atomically with `--out`.

use super::{CliError, DataArgs};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
pub struct OutArgs {
    /// Write to this file (atomically) instead of standard output; never a link, a folder, a special
    /// file or a file inside the data tree being read
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

impl OutArgs {
    /// Refuses an output path the command must not write, before any work is done.
    pub fn check(&self, data: &DataArgs) -> Result<(), CliError> {
        match &self.out {
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
        match &self.out {
            Some(p) => {
                self.check(data)?;
                Ok(crate::files::write_atomic(p, bytes)?)
            }
            None => stdout.write_all(bytes).map_err(CliError::output),
        }
    }
}
