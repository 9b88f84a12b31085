//! Bringing in a treaty's status table: the participants of one treaty with their signature and
//! deposit dates, as the UN Treaty Collection publishes them (and researchers copy them into a
//! spreadsheet), become the participation entries of the states in the tree.
//!
//! The table is read as CSV (or tab- or semicolon-separated text). Its header names the columns:
//! `Participant`, `Signature`, `Ratification, Accession(a), Succession(d)` (or with `Acceptance(A)`,
//! `Approval(AA)`, `Definitive signature(s)`), and optionally a reservations or declarations column.
//! Dates are written `16 May 1966` (or `16 May 1966 a`, the action's mark after the date) or ISO
//! `1966-05-16`. Participants are matched by the names the UN uses, former names, the tree's own
//! names and ISO3 codes ([`super::names`]).
//!
//! A row is applied only when all of it is understood; every other row is reported with the reason,
//! and no entry is touched that a row does not name. An entry is not overwritten by an older table,
//! nor where it records a withdrawal, which status tables do not show. Nothing is written here: the
//! result is a plan with the diff of every file, which the caller shows and then writes.

use super::names::{strip_footnotes, Matcher};
use super::{files, set_field, PARTICIPATION_FIELDS};
use crate::diag::{Diagnostic, Severity};
use crate::load::{self, DataFile, LoadOptions};
use crate::model::{Date, JoinAction, PartialDate};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// What to import and how to cite it.
#[derive(Debug, Clone)]
pub struct Request {
    /// The treaty's id in the catalogue.
    pub instrument: String,
    /// The status table's text.
    pub table: String,
    pub source_url: String,
    /// Defaults to the UN Treaty Collection's status page of the treaty.
    pub source_title: Option<String>,
    /// The date the table's content reflects (the status page's "as at" date).
    pub current_to: PartialDate,
    /// What was read, when it was a copy of the depositary's table.
    pub copy: Option<String>,
    /// The researcher compared the rows with the source today.
    pub verified: bool,
    /// The day of the import: the source's `accessed` date.
    pub today: Date,
}

/// Why an import cannot be planned.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("`{0}` is not an instrument of the catalogue")]
    UnknownInstrument(String),
    #[error("`{0}` is soft law and takes no ratification")]
    NotATreaty(String),
    #[error("`{0}` is not an http(s) address")]
    BadUrl(String),
    #[error("the table is said to be current to {current_to}, after today ({today})")]
    CurrentAfterToday {
        current_to: PartialDate,
        today: Date,
    },
    #[error("no header row with a participant column and a ratification, accession … column in the table's first {0} rows")]
    NoHeader(usize),
    #[error("the table is not readable CSV: {0}")]
    Table(String),
    #[error("the data tree has {0} error(s); run `lexgap validate` and fix them before importing")]
    TreeInvalid(usize),
    #[error("the import would make the tree invalid, so nothing is written:\n{}", list(.0))]
    WouldBreak(Vec<Diagnostic>),
    #[error("cannot read `{path}`: {message}")]
    Read { path: String, message: String },
    #[error(transparent)]
    Write(#[from] files::WriteError),
}

fn list(ds: &[Diagnostic]) -> String {
    ds.iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Why a row of the table was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    NoParticipant,
    /// No state of the known names or the tree goes by this name.
    Unrecognised,
    /// A state the tree has no record for.
    NotInTree {
        iso3: String,
    },
    /// A second row for a state already named.
    Duplicate {
        iso3: String,
        first_line: u64,
    },
    BadDate {
        column: &'static str,
        text: String,
    },
    /// An action mark lexgap does not record (such as `c`, formal confirmation).
    UnknownMark {
        text: String,
    },
    NoDates,
    SignatureAfterDeposit,
    /// A date after the table's currency or after today.
    TooLate {
        date: Date,
    },
    /// The entry records a withdrawal, which status tables do not show.
    Withdrawn {
        on: String,
    },
    /// The entry rests on a source more current than the table.
    NewerRecord {
        current_to: String,
    },
    /// The state's file is not in the layout lexgap writes, so writing would reformat all of it.
    Layout {
        file: String,
    },
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::NoParticipant => write!(f, "no participant named"),
            SkipReason::Unrecognised => write!(f, "not a state name lexgap knows; use the ISO3 code"),
            SkipReason::NotInTree { iso3 } => write!(f, "{iso3} has no record in this tree"),
            SkipReason::Duplicate { iso3, first_line } => {
                write!(f, "a second row for {iso3} (first on line {first_line})")
            }
            SkipReason::BadDate { column, text } => write!(
                f,
                "{column} `{}` is not a date like `16 May 1966` or `1966-05-16`",
                files::printable(text)
            ),
            SkipReason::UnknownMark { text } => write!(
                f,
                "the action mark `{}` is not a, d, A, AA or s",
                files::printable(text)
            ),
            SkipReason::NoDates => write!(f, "neither a signature nor a deposit date"),
            SkipReason::SignatureAfterDeposit => write!(f, "signed after the deposit"),
            SkipReason::TooLate { date } => {
                write!(f, "dated {date}, after the table's currency or today")
            }
            SkipReason::Withdrawn { on } => write!(
                f,
                "the entry records a withdrawal ({on}), which the table cannot show; check by hand"
            ),
            SkipReason::NewerRecord { current_to } => write!(
                f,
                "the entry rests on a source current to {current_to}, later than this table"
            ),
            SkipReason::Layout { file } => write!(
                f,
                "{file} is not in the layout lexgap writes (two-space JSON); writing would reformat all of it"
            ),
        }
    }
}

/// A row that was not applied.
#[derive(Debug, Clone)]
pub struct Skipped {
    pub line: u64,
    pub participant: String,
    pub reason: SkipReason,
}

/// What a row did to its state's entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Created,
    Updated,
    /// Only the source changed: the table confirms the entry, as of its date.
    Confirmed,
    Unchanged,
}

/// A row applied to a state's participation entry.
#[derive(Debug, Clone)]
pub struct Change {
    pub line: u64,
    pub participant: String,
    pub iso3: String,
    pub kind: ChangeKind,
    /// The standing the entry now records, in words.
    pub standing: String,
    /// The status the entry had, when it was different.
    pub was: Option<String>,
    /// Things the researcher should look at.
    pub notes: Vec<String>,
}

/// One file to write: its path, relative name, and old and new text.
#[derive(Debug, Clone)]
pub struct FileEdit {
    pub path: PathBuf,
    pub name: String,
    pub old: String,
    pub new: String,
}

/// Everything an import would do, for showing before writing.
#[derive(Debug, Clone)]
pub struct ImportPlan {
    pub instrument: String,
    pub current_to: PartialDate,
    pub changes: Vec<Change>,
    pub skipped: Vec<Skipped>,
    /// States of the tree the table does not name: their entries are left as they are.
    pub absent: Vec<String>,
    pub edits: Vec<FileEdit>,
}

/// The table's columns, by position.
#[derive(Debug, Clone, Copy)]
struct Columns {
    participant: usize,
    signature: Option<usize>,
    deposit: usize,
    notes: Option<usize>,
}

fn column_of(header: &str) -> Option<&'static str> {
    let h = header.trim().to_lowercase();
    if h.starts_with("participant") || matches!(h.as_str(), "state" | "country" | "party") {
        Some("participant")
    } else if h.starts_with("signature") {
        Some("signature")
    } else if [
        "ratification",
        "accession",
        "succession",
        "acceptance",
        "approval",
        "consent",
    ]
    .iter()
    .any(|w| h.contains(w))
    {
        Some("deposit")
    } else if h.contains("reservation") || h.contains("declaration") {
        Some("notes")
    } else {
        None
    }
}

fn columns(header: &csv::StringRecord) -> Option<Columns> {
    let find = |what: &str| (0..header.len()).find(|&i| column_of(&header[i]) == Some(what));
    Some(Columns {
        participant: find("participant")?,
        signature: find("signature"),
        deposit: find("deposit")?,
        notes: find("notes"),
    })
}

/// Rows of the table (line number and cells) after its header, and the columns the header names.
fn read_table(text: &str) -> Result<(Columns, Vec<(u64, csv::StringRecord)>), ImportError> {
    const LOOK: usize = 10;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for delimiter in [b'\t', b';', b','] {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let mut rows = Vec::new();
        for r in reader.records() {
            match r {
                Ok(rec) => {
                    let line = rec.position().map_or(0, |p| p.line());
                    rows.push((line, rec));
                }
                // A delimiter that does not fit the text; another may.
                Err(_) if delimiter != b',' => break,
                Err(e) => return Err(ImportError::Table(e.to_string())),
            }
        }
        let header = rows
            .iter()
            .take(LOOK)
            .position(|(_, r)| r.len() >= 2 && columns(r).is_some());
        if let Some(h) = header {
            if let Some(cols) = columns(&rows[h].1) {
                return Ok((cols, rows.split_off(h + 1)));
            }
        }
    }
    Err(ImportError::NoHeader(LOOK))
}

fn month(name: &str) -> Option<i8> {
    let n = name.trim_end_matches('.').to_lowercase();
    let months = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    months
        .iter()
        .position(|m| n == *m || (n.len() >= 3 && m.starts_with(&n)))
        .and_then(|i| i8::try_from(i + 1).ok())
}

/// A dated cell: `16 May 1966`, `16 May 1966 a`, `7 Mar 1972 (a)`, `1966-05-16 d`. The mark after
/// the date is returned as written; digits standing alone after it are footnote numbers.
fn parse_dated(cell: &str) -> Result<Option<(Date, String)>, ()> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    let tokens: Vec<&str> = cell.split_whitespace().collect();
    let (date, rest) = if let Ok(d) = tokens[0].get(..10).unwrap_or("").parse::<Date>() {
        // An ISO date may have its mark run on: `1966-05-16a`.
        let mut rest = vec![&tokens[0][10..]];
        rest.extend(&tokens[1..]);
        (d, rest)
    } else {
        if tokens.len() < 3 {
            return Err(());
        }
        let day: i8 = tokens[0].parse().map_err(|_| ())?;
        let month = month(tokens[1]).ok_or(())?;
        let year_digits: String = tokens[2].chars().take_while(char::is_ascii_digit).collect();
        if year_digits.len() != 4 {
            return Err(());
        }
        let year: i16 = year_digits.parse().map_err(|_| ())?;
        let d = Date::new(year, month, day).map_err(|_| ())?;
        let mut rest = vec![&tokens[2][4..]];
        rest.extend(&tokens[3..]);
        (d, rest)
    };
    let mark: Vec<&str> = rest
        .iter()
        .map(|t| t.trim_matches(|c| c == '(' || c == ')'))
        .filter(|t| !t.is_empty() && !t.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    Ok(Some((date, mark.join(" "))))
}

/// The action a deposit's mark stands for, in the UN Treaty Collection's notation.
fn action(mark: &str) -> Option<JoinAction> {
    match mark {
        "" => Some(JoinAction::Ratification),
        "a" => Some(JoinAction::Accession),
        "d" => Some(JoinAction::Succession),
        "A" => Some(JoinAction::Acceptance),
        "AA" => Some(JoinAction::Approval),
        "s" => Some(JoinAction::DefinitiveSignature),
        _ => None,
    }
}

/// What a row says about one state.
#[derive(Debug, Clone)]
struct RowFacts {
    signature: Option<Date>,
    deposit: Option<(Date, JoinAction)>,
    note: Option<String>,
}

impl RowFacts {
    fn standing(&self) -> String {
        match (self.deposit, self.signature) {
            (Some((d, a)), _) => format!("party ({}, {d})", a.as_str()),
            (None, Some(s)) => format!("signatory (signed {s})"),
            (None, None) => "no standing".into(),
        }
    }
}

fn row_facts(cols: Columns, row: &csv::StringRecord, latest: Date) -> Result<RowFacts, SkipReason> {
    let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).unwrap_or("");
    let signature = match parse_dated(cell(cols.signature)) {
        Ok(Some((d, mark))) if mark.is_empty() || mark == "d" => Some(d),
        Ok(Some((_, mark))) => return Err(SkipReason::UnknownMark { text: mark }),
        Ok(None) => None,
        Err(()) => {
            return Err(SkipReason::BadDate {
                column: "signature",
                text: cell(cols.signature).to_string(),
            })
        }
    };
    let deposit = match parse_dated(cell(Some(cols.deposit))) {
        Ok(Some((d, mark))) => match action(&mark) {
            Some(a) => Some((d, a)),
            None => return Err(SkipReason::UnknownMark { text: mark }),
        },
        Ok(None) => None,
        Err(()) => {
            return Err(SkipReason::BadDate {
                column: "deposit",
                text: cell(Some(cols.deposit)).to_string(),
            })
        }
    };
    for d in signature.iter().chain(deposit.iter().map(|(d, _)| d)) {
        if *d > latest {
            return Err(SkipReason::TooLate { date: *d });
        }
    }
    match (signature, deposit) {
        (None, None) => return Err(SkipReason::NoDates),
        (Some(s), Some((d, _))) if s > d => return Err(SkipReason::SignatureAfterDeposit),
        _ => {}
    }
    let note = Some(cell(cols.notes).trim())
        .filter(|n| !n.is_empty() && !n.bytes().all(|b| b.is_ascii_digit() || b == b','))
        .map(String::from);
    Ok(RowFacts {
        signature,
        deposit,
        note,
    })
}

fn is_http(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || "<>\"\\".contains(c))
}

/// The source an imported entry cites.
fn source(req: &Request, title: &str, participant: &str) -> Value {
    let mut s = Map::new();
    s.insert("title".into(), title.into());
    s.insert("url".into(), req.source_url.as_str().into());
    s.insert("locator".into(), format!("row: {participant}").into());
    s.insert("accessed".into(), req.today.to_string().into());
    if req.verified {
        s.insert("verified".into(), req.today.to_string().into());
    }
    s.insert("current_to".into(), req.current_to.to_string().into());
    if let Some(c) = &req.copy {
        s.insert("copy".into(), c.as_str().into());
    }
    Value::Object(s)
}

/// A record's text and JSON, read once, with whether lexgap may write it back.
struct Record {
    path: PathBuf,
    name: String,
    old: String,
    doc: Value,
}

fn read_record(root: &Path, iso3: &str) -> Result<Record, ImportError> {
    let name = format!("countries/{iso3}.json");
    let path = root.join(&name);
    let old = std::fs::read_to_string(&path).map_err(|e| ImportError::Read {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    let doc = serde_json::from_str(&old).map_err(|e| ImportError::Read {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    Ok(Record {
        path,
        name,
        old,
        doc,
    })
}

/// Applies a row to a state's record; what it changed, or why it left the entry alone.
fn apply(
    doc: &mut Value,
    instrument: &str,
    facts: &RowFacts,
    source: Value,
    current_to: PartialDate,
) -> Result<(ChangeKind, Option<String>, Vec<String>), SkipReason> {
    let Some(entries) = doc.get_mut("participation").and_then(Value::as_array_mut) else {
        return Err(SkipReason::NoParticipant);
    };
    let at = entries
        .iter()
        .position(|p| p.get("instrument").and_then(Value::as_str) == Some(instrument));
    let created = at.is_none();
    let index = match at {
        Some(i) => i,
        None => {
            entries.push(json!({"instrument": instrument, "status": "not-checked"}));
            entries.len() - 1
        }
    };
    let entry = &mut entries[index];
    let before = entry.clone();
    if let Some(w) = entry.get("withdrawal") {
        return Err(SkipReason::Withdrawn {
            on: w.as_str().unwrap_or_default().to_string(),
        });
    }
    let recorded = entry
        .pointer("/source/current_to")
        .and_then(Value::as_str)
        .and_then(|s| s.parse::<PartialDate>().ok());
    if let Some(r) = recorded.filter(|r| r.last_day() > current_to.last_day()) {
        return Err(SkipReason::NewerRecord {
            current_to: r.to_string(),
        });
    }
    let Some(obj) = entry.as_object_mut() else {
        return Err(SkipReason::NoParticipant);
    };
    let mut notes = Vec::new();
    let status = if facts.deposit.is_some() {
        "party"
    } else {
        "signatory"
    };
    set_field(obj, "status", status.into(), PARTICIPATION_FIELDS);
    match facts.deposit {
        Some((d, a)) => {
            set_field(obj, "action", a.as_str().into(), PARTICIPATION_FIELDS);
            set_field(obj, "deposit", d.to_string().into(), PARTICIPATION_FIELDS);
        }
        None => {
            obj.shift_remove("action");
            obj.shift_remove("deposit");
        }
    }
    match facts.signature {
        Some(s) => set_field(obj, "signature", s.to_string().into(), PARTICIPATION_FIELDS),
        None => {
            obj.shift_remove("signature");
        }
    }
    obj.shift_remove("deposit_period");
    if let Some(note) = &facts.note {
        let recorded = obj
            .get("reservations")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        if recorded == 0 {
            let lower = note.to_lowercase();
            let kind = if lower.contains("declaration") && !lower.contains("reservation") {
                "declaration"
            } else {
                "reservation"
            };
            let reservation = json!({
                "id": kind,
                "kind": kind,
                "articles": [],
                "summary": format!("TODO: read the text and name the articles it touches; the status table notes: {note}"),
                "text_read": false
            });
            set_field(
                obj,
                "reservations",
                Value::Array(vec![reservation]),
                PARTICIPATION_FIELDS,
            );
            notes.push(format!(
                "the table notes a {kind}: recorded unread, so its effect is unknown until its text is read"
            ));
        } else {
            notes.push(format!(
                "the table notes reservations or declarations; the entry's {recorded} are kept as they are"
            ));
        }
    }
    if obj.contains_key("note") && !created {
        notes.push("the entry's note is kept: check that it still holds".into());
    }
    set_field(obj, "source", source, PARTICIPATION_FIELDS);
    let old_status = before
        .get("status")
        .and_then(Value::as_str)
        .filter(|s| *s != status && !created)
        .map(String::from);
    let without_source = |v: &Value| {
        let mut v = v.clone();
        if let Some(o) = v.as_object_mut() {
            o.shift_remove("source");
        }
        v
    };
    let kind = if created {
        ChangeKind::Created
    } else if *entry == before {
        ChangeKind::Unchanged
    } else if without_source(entry) == without_source(&before) {
        ChangeKind::Confirmed
    } else {
        ChangeKind::Updated
    };
    Ok((kind, old_status, notes))
}

/// Plans the import of a status table into the tree at `root`: reads the tree (which must be
/// valid), matches and applies every row it can, and checks that the result is still valid.
pub fn plan(root: &Path, opts: LoadOptions, req: &Request) -> Result<ImportPlan, ImportError> {
    if !is_http(&req.source_url) {
        return Err(ImportError::BadUrl(req.source_url.clone()));
    }
    if req.current_to.last_day() > req.today && matches!(req.current_to, PartialDate::Day(_)) {
        return Err(ImportError::CurrentAfterToday {
            current_to: req.current_to,
            today: req.today,
        });
    }
    let loaded = load::load_dir(root, opts);
    if loaded.diagnostics.errors() > 0 {
        return Err(ImportError::TreeInvalid(loaded.diagnostics.errors()));
    }
    let cat = &loaded.catalogue;
    let inst = cat
        .instruments
        .get(&req.instrument)
        .ok_or_else(|| ImportError::UnknownInstrument(req.instrument.clone()))?;
    if !inst.kind.is_binding() {
        return Err(ImportError::NotATreaty(req.instrument.clone()));
    }
    let title = req
        .source_title
        .clone()
        .unwrap_or_else(|| match &inst.untc_ref {
            Some(r) => format!(
                "UN Treaty Collection, status of the {} (chapter {r})",
                inst.title
            ),
            None => format!("Status of the {}", inst.title),
        });
    let (cols, rows) = read_table(&req.table)?;
    let matcher = Matcher::new(
        cat.countries
            .values()
            .map(|c| (c.iso3.as_str(), c.name.as_str())),
    );
    let latest = req.today.min(req.current_to.last_day());
    let mut records: BTreeMap<String, Record> = BTreeMap::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    let mut changes = Vec::new();
    let mut skipped = Vec::new();
    for (line, row) in &rows {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let participant = strip_footnotes(row.get(cols.participant).unwrap_or("")).to_string();
        let mut skip = |reason| {
            skipped.push(Skipped {
                line: *line,
                participant: participant.clone(),
                reason,
            })
        };
        if participant.is_empty() {
            skip(SkipReason::NoParticipant);
            continue;
        }
        let Some(iso3) = matcher.find(&participant) else {
            skip(SkipReason::Unrecognised);
            continue;
        };
        if !cat.countries.contains_key(&iso3) {
            skip(SkipReason::NotInTree { iso3 });
            continue;
        }
        if let Some(first) = seen.get(&iso3) {
            skip(SkipReason::Duplicate {
                iso3,
                first_line: *first,
            });
            continue;
        }
        seen.insert(iso3.clone(), *line);
        let facts = match row_facts(cols, row, latest) {
            Ok(f) => f,
            Err(reason) => {
                skip(reason);
                continue;
            }
        };
        if !records.contains_key(&iso3) {
            records.insert(iso3.clone(), read_record(root, &iso3)?);
        }
        let Some(record) = records.get_mut(&iso3) else {
            continue;
        };
        if files::canonical(&record.doc) != record.old {
            skip(SkipReason::Layout {
                file: record.name.clone(),
            });
            continue;
        }
        let src = source(req, &title, &participant);
        match apply(
            &mut record.doc,
            &req.instrument,
            &facts,
            src,
            req.current_to,
        ) {
            Ok((kind, was, notes)) => changes.push(Change {
                line: *line,
                participant: participant.clone(),
                iso3,
                kind,
                standing: facts.standing(),
                was,
                notes,
            }),
            Err(reason) => skip(reason),
        }
    }
    let edits: Vec<FileEdit> = records
        .into_values()
        .filter_map(|r| {
            let new = files::canonical(&r.doc);
            (new != r.old).then_some(FileEdit {
                path: r.path,
                name: r.name,
                old: r.old,
                new,
            })
        })
        .collect();
    let absent = cat
        .countries
        .keys()
        .filter(|k| !seen.contains_key(*k))
        .cloned()
        .collect();
    check_result(root, opts, &loaded.diagnostics.items, &edits)?;
    Ok(ImportPlan {
        instrument: req.instrument.clone(),
        current_to: req.current_to,
        changes,
        skipped,
        absent,
        edits,
    })
}

/// Refuses a plan that would make the tree invalid: loads the tree with the new files in place and
/// looks for errors that were not there before.
fn check_result(
    root: &Path,
    opts: LoadOptions,
    before: &[Diagnostic],
    edits: &[FileEdit],
) -> Result<(), ImportError> {
    if edits.is_empty() {
        return Ok(());
    }
    let mut diags = crate::diag::Diagnostics::default();
    let mut files: Vec<DataFile> = load::tree::read_disk(root, &mut diags);
    for e in edits {
        match files.iter_mut().find(|f| f.path == e.name) {
            Some(f) => f.bytes = e.new.clone().into_bytes(),
            None => files.push(DataFile {
                path: e.name.clone(),
                bytes: e.new.clone().into_bytes(),
            }),
        }
    }
    let after = load::load_files(files, diags, opts);
    let key = |d: &Diagnostic| (d.code, d.file.clone(), d.pointer.clone(), d.message.clone());
    let old: BTreeSet<_> = before.iter().map(key).collect();
    let new: Vec<Diagnostic> = after
        .diagnostics
        .items
        .into_iter()
        .filter(|d| d.severity == Severity::Error && !old.contains(&key(d)))
        .collect();
    if new.is_empty() {
        Ok(())
    } else {
        Err(ImportError::WouldBreak(new))
    }
}

impl ImportPlan {
    /// The unified diff of every file the import changes.
    pub fn diff(&self) -> String {
        self.edits
            .iter()
            .map(|e| files::diff(&e.name, &e.old, &e.new, 3))
            .collect()
    }

    /// What the import does, row by row, and every row it skips with the reason.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        let count = |k: ChangeKind| self.changes.iter().filter(|c| c.kind == k).count();
        out.push_str(&format!(
            "{} of {} rows applied to `{}` (table current to {}): {} created, {} updated, {} confirmed, {} unchanged; {} file(s) to write.\n",
            self.changes.len(),
            self.changes.len() + self.skipped.len(),
            self.instrument,
            self.current_to,
            count(ChangeKind::Created),
            count(ChangeKind::Updated),
            count(ChangeKind::Confirmed),
            count(ChangeKind::Unchanged),
            self.edits.len()
        ));
        for c in &self.changes {
            let kind = match c.kind {
                ChangeKind::Created => "created",
                ChangeKind::Updated => "updated",
                ChangeKind::Confirmed => "confirmed",
                ChangeKind::Unchanged => "unchanged",
            };
            let was = c
                .was
                .as_deref()
                .map(|w| format!(" (was {w})"))
                .unwrap_or_default();
            out.push_str(&format!(
                "  {} line {} `{}`: {kind}, {}{was}\n",
                c.iso3,
                c.line,
                files::printable(&c.participant),
                c.standing
            ));
            for n in &c.notes {
                out.push_str(&format!("      {n}\n"));
            }
        }
        let (elsewhere, problems): (Vec<&Skipped>, Vec<&Skipped>) = self
            .skipped
            .iter()
            .partition(|s| matches!(s.reason, SkipReason::NotInTree { .. }));
        if !problems.is_empty() {
            out.push_str(&format!("Skipped {} row(s):\n", problems.len()));
            for s in problems {
                out.push_str(&format!(
                    "  line {} `{}`: {}\n",
                    s.line,
                    files::printable(&s.participant),
                    s.reason
                ));
            }
        }
        if !elsewhere.is_empty() {
            let list: Vec<String> = elsewhere
                .iter()
                .map(|s| match &s.reason {
                    SkipReason::NotInTree { iso3 } => format!("{iso3} (line {})", s.line),
                    _ => String::new(),
                })
                .collect();
            out.push_str(&format!(
                "Skipped {} row(s) for states with no record in this tree: {}\n",
                list.len(),
                list.join(", ")
            ));
        }
        if !self.absent.is_empty() {
            out.push_str(&format!(
                "Not in the table, entries left as they are: {}\n",
                self.absent.join(", ")
            ));
        }
        out
    }

    /// Writes every changed file atomically; returns how many were written.
    pub fn write(&self) -> Result<usize, ImportError> {
        for e in &self.edits {
            files::replace(&e.path, e.new.as_bytes())?;
        }
        Ok(self.edits.len())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn dates_are_read_as_the_un_writes_them_and_in_iso() {
        assert_eq!(
            parse_dated("16 May 1966"),
            Ok(Some((day("1966-05-16"), String::new())))
        );
        assert_eq!(
            parse_dated(" 7 Mar 1972 a "),
            Ok(Some((day("1972-03-07"), "a".into())))
        );
        assert_eq!(
            parse_dated("12 Oct 1993 (d)"),
            Ok(Some((day("1993-10-12"), "d".into())))
        );
        assert_eq!(
            parse_dated("1 September 2000 AA 4"),
            Ok(Some((day("2000-09-01"), "AA".into())))
        );
        assert_eq!(
            parse_dated("2004-06-30A"),
            Ok(Some((day("2004-06-30"), "A".into())))
        );
        assert_eq!(parse_dated(""), Ok(None));
        for bad in [
            "30 Feb 2001",
            "16/05/1966",
            "May 1966",
            "16 Mai 1966",
            "1966",
        ] {
            assert_eq!(parse_dated(bad), Err(()), "{bad}");
        }
    }

    #[test]
    fn marks_name_the_action() {
        assert_eq!(action(""), Some(JoinAction::Ratification));
        assert_eq!(action("a"), Some(JoinAction::Accession));
        assert_eq!(action("d"), Some(JoinAction::Succession));
        assert_eq!(action("A"), Some(JoinAction::Acceptance));
        assert_eq!(action("AA"), Some(JoinAction::Approval));
        assert_eq!(action("c"), None);
    }

    #[test]
    fn the_header_is_found_below_a_title_in_any_separator() {
        let csv = "Status as at 3 February 2026\nParticipant,Signature,\"Ratification, Accession(a), Succession(d)\"\nKenya,,16 May 1966 a\n";
        let (cols, rows) = read_table(csv).unwrap();
        assert_eq!(
            (cols.participant, cols.signature, cols.deposit),
            (0, Some(1), 2)
        );
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].0, 3);
        let tsv = "Participant\tSignature\tRatification, Accession(a)\tReservations\nKenya\t\t1966-05-16 a\tyes\n";
        let (cols, _) = read_table(tsv).unwrap();
        assert_eq!(cols.notes, Some(3));
        assert!(matches!(
            read_table("Name,Date\nKenya,1966\n"),
            Err(ImportError::NoHeader(_))
        ));
    }
}
