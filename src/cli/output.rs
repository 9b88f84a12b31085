//! Where a command's result goes: standard output, or a file written atomically with `--out`.

use super::CliError;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
pub struct OutArgs {
    /// Write to this file (atomically) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

impl OutArgs {
    pub fn emit(&self, bytes: &[u8], stdout: &mut dyn Write) -> Result<(), CliError> {
        match &self.out {
            Some(p) => {
                crate::report::write_atomic(p, bytes).map_err(|e| CliError::Data(e.to_string()))
            }
            None => stdout.write_all(bytes).map_err(CliError::output),
        }
    }
}
