//! Where things are in a file's text: the line, column and extent of the value a JSON pointer names,
//! and duplicate object keys, which `serde_json` silently collapses to the last one.
//!
//! Both take one pass over the file. A [`SourceMap`] is built once per file that has diagnostics, so
//! locating any number of them costs one scan plus a lookup each, not a scan each.
//!
//! Only run on text `serde_json` has already parsed, so the input is well formed and nesting is bounded
//! by its recursion limit.

use crate::diag::Excerpt;
use std::collections::{HashMap, HashSet};

/// Byte range of a value (or of a key, for duplicates) in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Event {
    Value,
    DuplicateKey,
}

impl Scanner<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    /// At a `"`: skips the string and returns its decoded content.
    fn string(&mut self) -> Option<String> {
        let start = self.i;
        self.i += 1;
        let mut escaped = false;
        while self.i < self.b.len() {
            match self.b[self.i] {
                b'\\' => {
                    escaped = true;
                    self.i += 2;
                    continue;
                }
                b'"' => break,
                _ => self.i += 1,
            }
        }
        let end = self.i.min(self.b.len());
        self.i += 1;
        let raw = std::str::from_utf8(self.b.get(start + 1..end)?).ok()?;
        if escaped {
            serde_json::from_str::<String>(std::str::from_utf8(self.b.get(start..end + 1)?).ok()?)
                .ok()
        } else {
            Some(raw.to_string())
        }
    }

    /// Scans one value; `visit` hears of it (with its span) after it ends, and of every repeated key.
    fn value(&mut self, visit: &mut dyn FnMut(&str, Span, Event), path: &mut String) -> Option<()> {
        self.ws();
        let start = self.i;
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut seen: HashSet<String> = HashSet::new();
                loop {
                    self.ws();
                    match *self.b.get(self.i)? {
                        b'}' => {
                            self.i += 1;
                            break;
                        }
                        b',' => {
                            self.i += 1;
                            continue;
                        }
                        _ => {}
                    }
                    let key_at = self.i;
                    let key = self.string()?;
                    let key_span = Span {
                        start: key_at,
                        end: self.i,
                    };
                    let len = path.len();
                    path.push('/');
                    push_escaped(path, &key);
                    if !seen.insert(key) {
                        visit(path, key_span, Event::DuplicateKey);
                    }
                    self.ws();
                    self.i += 1; // ':'
                    self.value(visit, path)?;
                    path.truncate(len);
                }
            }
            b'[' => {
                self.i += 1;
                let mut n = 0usize;
                loop {
                    self.ws();
                    match *self.b.get(self.i)? {
                        b']' => {
                            self.i += 1;
                            break;
                        }
                        b',' => {
                            self.i += 1;
                            continue;
                        }
                        _ => {}
                    }
                    let len = path.len();
                    path.push('/');
                    path.push_str(&n.to_string());
                    self.value(visit, path)?;
                    path.truncate(len);
                    n += 1;
                }
            }
            b'"' => {
                self.string()?;
            }
            _ => {
                while self.i < self.b.len()
                    && !matches!(
                        self.b[self.i],
                        b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'
                    )
                {
                    self.i += 1;
                }
            }
        }
        let end = self.i.min(self.b.len());
        visit(path, Span { start, end }, Event::Value);
        Some(())
    }
}

fn push_escaped(path: &mut String, token: &str) {
    for c in token.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}

/// RFC 6901 escaping of one reference token.
pub fn escape_token(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

fn walk(text: &str, visit: &mut dyn FnMut(&str, Span, Event)) {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
    };
    let mut path = String::new();
    let _ = s.value(visit, &mut path);
}

/// Where each line starts, for turning byte offsets into lines by binary search.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// 1-based line and column (in bytes) of byte offset `at`.
    pub fn line_col(&self, at: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= at).max(1);
        (line, at - self.starts[line - 1] + 1)
    }

    /// Byte range of 1-based `line`, without its line break.
    fn line_range(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.starts.get(line - 1).copied().unwrap_or(text.len());
        let mut end = self.starts.get(line).map_or(text.len(), |n| n - 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        (start, end.max(start))
    }
}

/// 1-based line and column (in bytes) of byte offset `at`, for a one-off position.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    LineIndex::new(&text[..floor_char(text, at)]).line_col(floor_char(text, at))
}

fn floor_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// A place found for a pointer: where its value starts, and the excerpt to show under a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub excerpt: Excerpt,
}

/// Every value's span in one file, and its lines: built in one scan, then any number of lookups.
#[derive(Debug, Clone)]
pub struct SourceIndex {
    lines: LineIndex,
    spans: HashMap<String, Span>,
}

impl SourceIndex {
    pub fn new(text: &str) -> SourceIndex {
        let mut spans = HashMap::new();
        walk(text, &mut |path, span, ev| {
            if ev == Event::Value {
                spans.insert(path.to_string(), span);
            }
        });
        SourceIndex {
            lines: LineIndex::new(text),
            spans,
        }
    }
}

/// A file's text with its index: where pointers land, what they name, excerpts to show.
pub struct SourceMap<'a> {
    text: &'a str,
    index: std::borrow::Cow<'a, SourceIndex>,
}

/// Most characters of a line shown either side of the value in an excerpt.
const EXCERPT_SIDE: usize = 40;
/// Most characters of a value underlined.
const EXCERPT_VALUE: usize = 60;

impl<'a> SourceMap<'a> {
    pub fn new(text: &'a str) -> SourceMap<'a> {
        SourceMap {
            text,
            index: std::borrow::Cow::Owned(SourceIndex::new(text)),
        }
    }

    /// A map over an index built before (and kept, for text that is looked up again).
    pub fn with_index(text: &'a str, index: &'a SourceIndex) -> SourceMap<'a> {
        SourceMap {
            text,
            index: std::borrow::Cow::Borrowed(index),
        }
    }

    /// The value at `pointer`, or at its nearest ancestor when it is absent (a missing field is shown at
    /// the object that lacks it).
    pub fn locate(&self, pointer: &str) -> Option<Location> {
        let mut p = pointer;
        loop {
            if let Some(s) = self.index.spans.get(p) {
                return Some(self.at(*s));
            }
            if p.is_empty() {
                return None;
            }
            p = &p[..p.rfind('/').unwrap_or(0)];
        }
    }

    /// The id a reference at `pointer` names: the string there, or the `id` of an object there.
    pub fn referenced_id(&self, pointer: &str) -> Option<String> {
        let s = self.index.spans.get(pointer)?;
        let raw = self.text.get(s.start..s.end)?;
        match raw.as_bytes().first()? {
            b'"' => serde_json::from_str::<String>(raw).ok(),
            b'{' => {
                let v = serde_json::from_str::<serde_json::Value>(raw).ok()?;
                ["id", "instrument"]
                    .iter()
                    .find_map(|k| v.get(k)?.as_str().map(str::to_string))
            }
            _ => None,
        }
    }

    /// The location of a span.
    pub fn at(&self, span: Span) -> Location {
        let (line, column) = self.index.lines.line_col(span.start);
        let (ls, le) = self.index.lines.line_range(self.text, line);
        let start = floor_char(self.text, span.start.clamp(ls, le));
        let end = ceil_char(self.text, span.end.clamp(start, le));
        // A window of the line around the value, so a huge one-line file shows a short excerpt.
        let before = &self.text[ls..start];
        let from = before
            .char_indices()
            .rev()
            .nth(EXCERPT_SIDE - 1)
            .map_or(ls, |(i, _)| ls + i);
        let value = &self.text[start..end];
        let value_end = value
            .char_indices()
            .nth(EXCERPT_VALUE)
            .map_or(end, |(i, _)| start + i);
        let after = &self.text[value_end..le];
        let to = after
            .char_indices()
            .nth(EXCERPT_SIDE)
            .map_or(le, |(i, _)| value_end + i);
        let lead = self.text[from..start].chars().count();
        let excerpt = Excerpt {
            line,
            text: format!(
                "{}{}{}",
                if from > ls { "…" } else { "" },
                &self.text[from..to],
                if to < le { "…" } else { "" }
            ),
            caret: lead + usize::from(from > ls),
            width: self.text[start..value_end].chars().count().max(1),
        };
        Location {
            line,
            column,
            excerpt,
        }
    }
}

/// Line and column where the value at `pointer` starts (one scan; use a [`SourceMap`] for many).
pub fn locate(text: &str, pointer: &str) -> Option<(usize, usize)> {
    SourceMap::new(text)
        .locate(pointer)
        .map(|l| (l.line, l.column))
}

/// Every key that repeats within one object: its pointer and where the repeat stands.
pub fn duplicate_keys(text: &str) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    walk(text, &mut |path, span, ev| {
        if ev == Event::DuplicateKey {
            out.push((path.to_string(), span));
        }
    });
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn locates_nested_values() {
        let t = "{\n  \"a\": [1,\n  {\"b/c\": \"x\"}]\n}";
        assert_eq!(locate(t, "/a/1/b~1c").map(|p| p.0), Some(3));
        assert_eq!(locate(t, "/a/0"), Some((2, 9)));
        // An absent member is shown at the object that lacks it.
        assert_eq!(locate(t, "/zz"), Some((1, 1)));
        assert_eq!(locate(t, "/a/1/q"), Some((3, 3)));
    }

    #[test]
    fn finds_duplicate_keys() {
        let t = "{\"a\": 1,\n \"b\": {\"c\": 1, \"c\": 2}, \"a\": 3}";
        let d = duplicate_keys(t);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].0, "/b/c");
        assert_eq!(d[1].0, "/a");
        assert_eq!(&t[d[1].1.start..d[1].1.end], "\"a\"");
    }

    #[test]
    fn excerpts_underline_the_value() {
        let t = "{\n  \"instrument\": \"csr1915\",\n  \"n\": 2\n}";
        let m = SourceMap::new(t);
        let l = m.locate("/instrument").unwrap();
        assert_eq!(l.line, 2);
        assert_eq!(l.excerpt.text, "  \"instrument\": \"csr1915\",");
        assert_eq!(l.excerpt.caret, 16);
        assert_eq!(l.excerpt.width, 9);
    }

    #[test]
    fn excerpts_of_long_lines_are_windows() {
        let t = format!(
            "{{\"a\": \"{}\", \"b\": 1, \"c\": \"{}\"}}",
            "x".repeat(5000),
            "y".repeat(5000)
        );
        let m = SourceMap::new(&t);
        let l = m.locate("/b").unwrap();
        assert!(l.excerpt.text.chars().count() < 100, "{}", l.excerpt.text);
        let shown: String = l
            .excerpt
            .text
            .chars()
            .skip(l.excerpt.caret)
            .take(1)
            .collect();
        assert_eq!(shown, "1");
    }

    #[test]
    fn many_lookups_in_a_large_file_take_one_scan() {
        let body: Vec<String> = (0..20_000).map(|i| format!("\"k{i}\": {i}")).collect();
        let t = format!("{{\n{}\n}}", body.join(",\n"));
        let m = SourceMap::new(&t);
        for i in (0..20_000).step_by(997) {
            assert_eq!(m.locate(&format!("/k{i}")).unwrap().line, i + 2);
        }
    }
}
