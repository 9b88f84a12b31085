//! Colour for statuses in terminal output: on when standard output is a terminal (or `--color
//! always`), off with `--color never`, with `NO_COLOR` set, or when output goes to a file or pipe.

use crate::eval::Status;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

static ON: AtomicBool = AtomicBool::new(false);

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Decides once, at start-up, whether to colour.
pub fn init(choice: ColorChoice) {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && std::io::stdout().is_terminal(),
    };
    ON.store(on, Ordering::Relaxed);
}

/// A status word, coloured when colour is on.
pub fn status(s: Status) -> String {
    if !ON.load(Ordering::Relaxed) {
        return s.as_str().to_string();
    }
    format!("\x1b[{}m{}\x1b[0m", code(s), s.as_str())
}

/// Text for the terminal with control characters escaped, except the colour of the status words
/// this module painted: the only escape sequences the tool itself writes.
pub fn terminal_text(s: &str) -> String {
    let mut out = crate::diag::escape_controls(s).into_owned();
    if ON.load(Ordering::Relaxed) {
        for st in Status::ALL {
            let painted = status(st);
            let escaped = crate::diag::escape_controls(&painted).into_owned();
            out = out.replace(&escaped, &painted);
        }
    }
    out
}

fn code(s: Status) -> &'static str {
    match s {
        Status::Met => "32",
        Status::Partial => "33",
        Status::Gap => "31",
        Status::Blocked => "35",
        Status::Unknown => "90",
        Status::NotApplicable | Status::NotAssessed => "37",
    }
}
