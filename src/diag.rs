//! Diagnostics: every problem found in a data tree, with where it is and what was expected.
//!
//! Loading never stops at the first problem: checks push into a [`Diagnostics`] collector and the caller
//! decides the exit code from the whole set (errors fail a run; warnings fail only under `--strict`).

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file. `code` is a stable kebab-case name other tools can match on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    /// Path of the file relative to the data root, with `/` separators.
    pub file: String,
    /// RFC 6901 JSON pointer to the offending value ("" for the whole file).
    pub pointer: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    /// A suggestion that likely fixes it ("did you mean `csr1951`?").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The source line with the offending value marked, for the terminal.
    #[serde(skip)]
    pub excerpt: Option<Excerpt>,
    /// Problems elsewhere that follow from this one (references to a record that did not load), kept
    /// out of the list so the cause comes first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub follow_ons: Vec<FollowOn>,
}

/// A line of source with a value marked: `caret` characters in, `width` characters wide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub line: usize,
    pub text: String,
    pub caret: usize,
    pub width: usize,
}

/// Where a problem that follows from another stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowOn {
    pub code: &'static str,
    pub file: String,
    pub pointer: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// Renders control characters (and the Unicode controls that reorder text) as `\u{..}` escapes, so text
/// from data cannot move the cursor, clear the screen or forge lines on a terminal.
pub fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe_char(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Characters that must not reach a terminal from data: C0 and C1 controls, DEL, and the bidirectional
/// embedding, override and isolate controls (which reorder what is shown).
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

impl Diagnostic {
    pub fn error(
        code: &'static str,
        file: &str,
        pointer: &str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            file: file.to_string(),
            pointer: pointer.to_string(),
            line: None,
            column: None,
            message: message.into(),
            expected: None,
            found: None,
            help: None,
            excerpt: None,
            follow_ons: Vec::new(),
        }
    }

    pub fn warning(
        code: &'static str,
        file: &str,
        pointer: &str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, pointer, message)
        }
    }

    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }

    pub fn found(mut self, found: impl Into<String>) -> Self {
        self.found = Some(found.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = escape_controls;
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{sev}[{}]: {}", self.code, e(&self.file))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        if !self.pointer.is_empty() {
            write!(f, " at `{}`", e(&self.pointer))?;
        }
        write!(f, ": {}", e(&self.message))?;
        if let Some(x) = &self.excerpt {
            let num = x.line.to_string();
            let pad = " ".repeat(num.len());
            let text = e(&x.text);
            // Escapes widen the text before the caret; count what is shown.
            let lead: String = x.text.chars().take(x.caret).collect();
            let marked: String = x.text.chars().skip(x.caret).take(x.width).collect();
            write!(
                f,
                "\n {pad} |\n {num} | {text}\n {pad} | {}{}",
                " ".repeat(e(&lead).chars().count()),
                "^".repeat(e(&marked).chars().count().max(1))
            )?;
        }
        if let Some(x) = &self.expected {
            write!(f, "\n    expected: {}", e(x))?;
        }
        if let Some(found) = &self.found {
            write!(f, "\n    found: {}", e(found))?;
        }
        if let Some(h) = &self.help {
            write!(f, "\n    help: {}", e(h))?;
        }
        if !self.follow_ons.is_empty() {
            write!(
                f,
                "\n    note: {} reference{} to this record elsewhere cannot be checked until it loads:",
                self.follow_ons.len(),
                if self.follow_ons.len() == 1 { "" } else { "s" }
            )?;
            const SHOWN: usize = 5;
            for x in self.follow_ons.iter().take(SHOWN) {
                write!(f, "\n      {}", e(&x.file))?;
                if let Some(l) = x.line {
                    write!(f, ":{l}")?;
                }
                write!(f, " at `{}` ({})", e(&x.pointer), x.code)?;
            }
            if self.follow_ons.len() > SHOWN {
                write!(f, "\n      … and {} more", self.follow_ons.len() - SHOWN)?;
            }
        }
        Ok(())
    }
}

/// The collector every load stage writes into.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn errors(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// Whether the run fails: any error, or any warning when `strict`.
    pub fn fails(&self, strict: bool) -> bool {
        self.errors() > 0 || (strict && self.warnings() > 0)
    }

    /// Stable order for output and golden files: by file, then pointer, then code.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, &a.pointer, a.code, &a.message)
                .cmp(&(&b.file, b.line, &b.pointer, b.code, &b.message))
        });
        self.items.dedup();
    }
}
