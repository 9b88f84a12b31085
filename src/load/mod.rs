//! Load → validate: read the tree, parse each file, check it against its schema, build typed records,
//! then check meaning across records. Every problem is collected; nothing stops at the first.

mod check;
pub mod locate;
pub mod schema;
pub mod suggest;
pub mod todo;
pub mod tree;
mod value;

use crate::catalogue::Catalogue;
use crate::diag::{Diagnostic, Diagnostics, FollowOn, Severity};
use crate::model::{Country, Instrument, Plan, Vocabulary};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
pub use tree::{DataFile, Place};

/// Options for meaning checks that depend on the run.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// The day the run takes as today, for stale-source warnings.
    pub today: crate::model::Date,
    /// A source current to more than this many years before today is stale.
    pub stale_years: i16,
}

/// The result of a load: the catalogue built from every file that parsed, and all problems found.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub catalogue: Catalogue,
    pub diagnostics: Diagnostics,
    pub stats: Stats,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    pub files: usize,
    pub records: usize,
    pub instruments: usize,
    pub obligations: usize,
    pub countries: usize,
    pub plans: usize,
    pub facts: usize,
    pub unverified_facts: usize,
    /// Facts whose source is current to more than the staleness limit before today, or whose
    /// currency is not known.
    pub stale_facts: usize,
    /// Participation entries present / (countries × treaties).
    pub participation_entries: usize,
    pub participation_expected: usize,
    /// The newest `verified` date on any source in the tree: the day the data was last checked.
    pub newest_verified: Option<crate::model::Date>,
}

impl Stats {
    pub fn coverage_percent(&self) -> f64 {
        if self.participation_expected == 0 {
            100.0
        } else {
            100.0 * self.participation_entries as f64 / self.participation_expected as f64
        }
    }
}

/// Loads a tree from disk. A file's text is let go once its own checks are done, unless they found
/// something; a check across records that points into it reads it again to place its diagnostic.
pub fn load_dir(root: &Path, opts: LoadOptions) -> Loaded {
    let mut diags = Diagnostics::default();
    let files = tree::read_disk(root, &mut diags);
    let parsed = files
        .into_iter()
        .map(|f| {
            let mut p = parse_owned(f);
            if p.diagnostics.is_empty() && p.record.is_some() {
                p.text = None;
                p.origin = Some(root.join(&p.path));
            }
            p
        })
        .collect();
    assemble(parsed, diags, opts)
}

/// Whether the embedded tree passed its schema checks when the binary was built (see `build.rs`).
const EMBEDDED_CHECKED: bool = option_env!("LEXGAP_EMBEDDED_CHECKED").is_some();

/// Loads the tree embedded in the binary. It was checked against its schemas when the binary was
/// built (and fully, meaning checks included, by the tests), so it is only parsed into records here,
/// with the checks across records that give statistics and warnings; the schema validators are not
/// even compiled. A file that does not parse as expected gets the full checks after all.
pub fn load_embedded(opts: LoadOptions) -> Loaded {
    if EMBEDDED_CHECKED {
        let files = tree::read_embedded();
        assemble(
            files.iter().map(parse_trusted).collect(),
            Diagnostics::default(),
            opts,
        )
    } else {
        load_embedded_checked(opts)
    }
}

/// Whether the binary was built with an embedded tree that passed its schema checks, so runs on the
/// bundled data skip them.
pub fn embedded_checked_at_build() -> bool {
    EMBEDDED_CHECKED
}

/// Loads the embedded tree with every check a tree from disk gets: what `lexgap validate` runs.
pub fn load_embedded_checked(opts: LoadOptions) -> Loaded {
    load_files(tree::read_embedded(), Diagnostics::default(), opts)
}

/// Loads already-read files. Public so tests and fuzzing can feed trees from memory.
pub fn load_files(files: Vec<DataFile>, diags: Diagnostics, opts: LoadOptions) -> Loaded {
    assemble(files.into_iter().map(parse_owned).collect(), diags, opts)
}

/// A record as its file holds it.
#[derive(Debug, Clone)]
enum Record {
    Vocabulary(Vocabulary),
    Instrument(Instrument),
    Country(Country),
    Plan(Plan),
    Translations(crate::model::Translations),
}

/// One file after the checks that need only the file: encoding, JSON syntax, control characters, its
/// schema and its typed record. Files are independent up to here, so callers (fuzzing) may parse once
/// and [`assemble`] many times.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    pub path: String,
    place: Option<Place>,
    text: Option<String>,
    /// Where the text can be read again when it was let go after the file's own checks (a tree from
    /// disk keeps no text in memory unless a diagnostic needs it).
    origin: Option<std::path::PathBuf>,
    /// The text read again from `origin`, when a diagnostic needed it.
    reread: std::sync::Arc<std::sync::OnceLock<Option<String>>>,
    record: Option<Record>,
    /// Ids the file defines, or would define had it loaded: the one it holds and its file name's.
    claimed: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// Where each value of the text stands, built when first needed and shared by clones.
    index: std::sync::Arc<std::sync::OnceLock<locate::SourceIndex>>,
}

impl ParsedFile {
    /// The file's text with its index, when it was text.
    fn source_map(&self) -> Option<locate::SourceMap<'_>> {
        let text = match (&self.text, &self.origin) {
            (Some(t), _) => t.as_str(),
            (None, Some(path)) => self
                .reread
                .get_or_init(|| std::fs::read_to_string(path).ok())
                .as_deref()?,
            (None, None) => return None,
        };
        Some(locate::SourceMap::with_index(
            text,
            self.index.get_or_init(|| locate::SourceIndex::new(text)),
        ))
    }
}

/// The source map of `file`, made once per assembly.
fn map_for<'m, 'p>(
    maps: &'m mut HashMap<&'p str, locate::SourceMap<'p>>,
    files: &HashMap<&'p str, &'p ParsedFile>,
    file: &str,
) -> Option<&'m locate::SourceMap<'p>> {
    let (k, f) = files.get_key_value(file)?;
    match maps.entry(k) {
        std::collections::hash_map::Entry::Occupied(o) => Some(o.into_mut()),
        std::collections::hash_map::Entry::Vacant(v) => Some(v.insert(f.source_map()?)),
    }
}

/// Parses a file's bytes to JSON, reporting encoding and syntax problems with their position.
fn parse(file: DataFile, diags: &mut Vec<Diagnostic>) -> Option<(String, Value)> {
    let path = &file.path;
    if file.bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        diags.push(
            Diagnostic::error(
                "byte-order-mark",
                path,
                "",
                "the file starts with a UTF-8 byte-order mark",
            )
            .expected("UTF-8 without a byte-order mark")
            .at(1, 1),
        );
        return None;
    }
    let text = match String::from_utf8(file.bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let (l, c) = locate::line_col(&String::from_utf8_lossy(&e.as_bytes()[..at]), at);
            diags.push(
                Diagnostic::error(
                    "not-utf8",
                    path,
                    "",
                    format!("the file is not valid UTF-8 (byte {at})"),
                )
                .expected("UTF-8 text")
                .at(l, c),
            );
            return None;
        }
    };
    if text.trim().is_empty() {
        diags.push(
            Diagnostic::error("empty-file", path, "", "the file is empty")
                .expected("a JSON object")
                .at(1, 1),
        );
        return None;
    }
    match value::parse(&text) {
        Ok((v, has_duplicates)) => {
            let mut lines = None;
            // Only a file with a repeated key is scanned again to place each one.
            let duplicates = if has_duplicates {
                locate::duplicate_keys(&text)
            } else {
                Vec::new()
            };
            for (pointer, span) in duplicates {
                let lines = lines.get_or_insert_with(|| locate::LineIndex::new(&text));
                let (l, c) = lines.line_col(span.start);
                diags.push(
                    Diagnostic::error(
                        "duplicate-key",
                        path,
                        &pointer,
                        "a key appears twice in the same object; only the last would count",
                    )
                    .expected("each key once")
                    .at(l, c),
                );
            }
            Some((text, v))
        }
        Err(e) => {
            let message = if e.to_string().contains("recursion limit") {
                "invalid JSON: nested too deeply".to_string()
            } else {
                format!("invalid JSON: {}", strip_position(&e.to_string()))
            };
            diags.push(
                Diagnostic::error("malformed-json", path, "", message)
                    .expected("well-formed JSON")
                    .at(e.line(), e.column()),
            );
            None
        }
    }
}

/// serde_json's message without its trailing "at line L column C", which the diagnostic gives itself.
fn strip_position(m: &str) -> &str {
    m.rfind(" at line ").map_or(m, |i| &m[..i])
}

/// Every string (and key) holding a control character: data is printed on terminals and in reports,
/// where such a character could rewrite what is shown.
fn control_characters(path: &str, v: &Value, pointer: &mut String, diags: &mut Vec<Diagnostic>) {
    let bad = |s: &str| s.chars().find(|c| crate::diag::is_unsafe_char(*c));
    let report = |pointer: &str, c: char, diags: &mut Vec<Diagnostic>| {
        diags.push(
            Diagnostic::error(
                "control-character",
                path,
                pointer,
                format!(
                    "text holds the control character U+{:04X}, which could rewrite what a terminal or report shows",
                    c as u32
                ),
            )
            .expected("printable text; write line breaks and tabs as spaces"),
        )
    };
    match v {
        Value::String(s) => {
            if let Some(c) = bad(s) {
                report(pointer, c, diags);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&i.to_string());
                control_characters(path, x, pointer, diags);
                pointer.truncate(len);
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&locate::escape_token(k));
                if let Some(c) = bad(k) {
                    report(pointer, c, diags);
                }
                control_characters(path, x, pointer, diags);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// The typed record, or a diagnostic at the place serde stopped, in the data's words.
fn typed<T: DeserializeOwned>(path: &str, v: Value, diags: &mut Vec<Diagnostic>) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(v) {
        Ok(t) => Some(t),
        Err(e) => {
            let pointer = pointer_of(e.path());
            diags.push(
                Diagnostic::error(
                    "schema-violation",
                    path,
                    &pointer,
                    format!(
                        "the value does not fit: {}",
                        schema::plain_words(&e.inner().to_string())
                    ),
                )
                .expected("a value of the form the schema describes"),
            );
            None
        }
    }
}

/// A serde path as an RFC 6901 pointer.
fn pointer_of(p: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in p.iter() {
        match seg {
            Segment::Seq { index } => {
                out.push('/');
                out.push_str(&index.to_string());
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out.push('/');
                out.push_str(&locate::escape_token(key));
            }
            Segment::Unknown => {}
        }
    }
    out
}

fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".json").unwrap_or(name)
}

/// Parses a file already known to pass the checks on its own straight into its typed record; a
/// file that does not parse so goes through [`parse_file`] for its diagnostics.
fn parse_trusted(file: &DataFile) -> ParsedFile {
    fn typed_bytes<T: DeserializeOwned>(b: &[u8]) -> Option<T> {
        serde_json::from_slice(b).ok()
    }
    let place = tree::place_of(&file.path);
    let b = file.bytes.as_slice();
    let record = match place {
        Some(Place::Vocabulary) => typed_bytes(b).map(Record::Vocabulary),
        Some(Place::Treaty | Place::SoftLaw) => typed_bytes(b).map(Record::Instrument),
        Some(Place::Country) => typed_bytes(b).map(Record::Country),
        Some(Place::Plan) => typed_bytes(b).map(Record::Plan),
        Some(Place::Translations) => typed_bytes(b).map(Record::Translations),
        None => None,
    };
    let (Some(record), Ok(text)) = (record, std::str::from_utf8(b)) else {
        return parse_file(file);
    };
    ParsedFile {
        path: file.path.clone(),
        place,
        text: Some(text.to_string()),
        origin: None,
        reread: Default::default(),
        record: Some(record),
        claimed: vec![file_stem(&file.path).to_string()],
        diagnostics: Vec::new(),
        index: Default::default(),
    }
}

/// Parses and checks one file on its own.
pub fn parse_file(file: &DataFile) -> ParsedFile {
    parse_owned(file.clone())
}

/// [`parse_file`] taking the file, so its bytes become the text without a copy.
fn parse_owned(file: DataFile) -> ParsedFile {
    let mut out = ParsedFile {
        path: file.path.clone(),
        place: tree::place_of(&file.path),
        text: None,
        origin: None,
        reread: Default::default(),
        record: None,
        claimed: vec![file_stem(&file.path).to_string()],
        diagnostics: Vec::new(),
        index: Default::default(),
    };
    let Some(place) = out.place else {
        out.diagnostics.push(
            Diagnostic::error(
                "unknown-file",
                &file.path,
                "",
                "a file in a place the data layout does not have",
            )
            .expected("instruments/{treaties,soft-law,plans}/<id>.json, instruments/vocabulary.json or countries/<ISO3>.json"),
        );
        return out;
    };
    let path = file.path.clone();
    let file_path = path.as_str();
    let Some((text, value)) = parse(file, &mut out.diagnostics) else {
        return out;
    };
    for key in ["id", "iso3"] {
        if let Some(id) = value.get(key).and_then(Value::as_str) {
            out.claimed.push(id.to_string());
        }
    }
    if value::may_hold_controls(&text) {
        control_characters(file_path, &value, &mut String::new(), &mut out.diagnostics);
    }
    let errors = match schema::validators() {
        Ok(v) => schema::check(&v, place, file_path, &value),
        Err(e) => vec![Diagnostic::error(
            "schema-invalid",
            "schemas",
            "",
            format!("a bundled schema does not compile: {e}"),
        )],
    };
    let schema_ok = errors.is_empty();
    out.diagnostics.extend(errors);
    if schema_ok && value::may_hold_placeholders(&text) {
        // Skeletons from `lexgap new` mark what is still to fill in.
        let mut placeholders = Diagnostics::default();
        todo::check(file_path, &value, &mut placeholders);
        out.diagnostics.extend(placeholders.items);
    }
    if schema_ok {
        let path = file_path;
        let d = &mut out.diagnostics;
        out.record = match place {
            Place::Vocabulary => typed(path, value, d).map(Record::Vocabulary),
            Place::Treaty | Place::SoftLaw => typed(path, value, d).map(Record::Instrument),
            Place::Country => typed(path, value, d).map(Record::Country),
            Place::Plan => typed(path, value, d).map(Record::Plan),
            Place::Translations => typed(path, value, d).map(Record::Translations),
        };
    }
    out.text = Some(text);
    if out.diagnostics.iter().any(|d| d.line.is_none()) {
        let mut diags = std::mem::take(&mut out.diagnostics);
        if let Some(map) = out.source_map() {
            for d in diags.iter_mut().filter(|d| d.line.is_none()) {
                place_at(d, &map);
            }
        }
        out.diagnostics = diags;
    }
    out
}

/// Gives a diagnostic its line, column and excerpt from the file's source map.
fn place_at(d: &mut Diagnostic, map: &locate::SourceMap<'_>) {
    if let Some(l) = map.locate(&d.pointer) {
        d.line = Some(l.line);
        d.column = Some(l.column);
        d.excerpt = Some(l.excerpt);
    }
}

/// Where each record that did not load would have stood, so references to it are not reported as
/// problems of their own.
#[derive(Debug, Default)]
struct Broken {
    /// (kind, id) → the file that failed.
    records: BTreeMap<(Place, String), String>,
    vocabulary: Option<String>,
}

impl Broken {
    fn instrument(&self, id: &str) -> Option<&str> {
        [Place::Treaty, Place::SoftLaw]
            .iter()
            .find_map(|p| self.records.get(&(*p, id.to_string())))
            .map(String::as_str)
    }

    fn get(&self, place: Place, id: &str) -> Option<&str> {
        self.records
            .get(&(place, id.to_string()))
            .map(String::as_str)
    }

    /// The file whose failure explains a reference diagnostic about `id`, if one does.
    fn cause(&self, code: &str, id: &str) -> Option<&str> {
        let obligation_owner = || id.split_once('.').and_then(|(i, _)| self.instrument(i));
        match code {
            "unknown-instrument" => self.instrument(id),
            "unknown-obligation" => obligation_owner(),
            "unknown-reference" => obligation_owner()
                .or_else(|| self.instrument(id))
                .or(self.vocabulary.as_deref()),
            "unknown-plan" => self.get(Place::Plan, id),
            "unknown-country" => self.get(Place::Country, id),
            "unknown-measure-kind" | "unknown-body" => self.vocabulary.as_deref(),
            _ => None,
        }
    }
}

/// The diagnostics' order: what is wrong in a file on its own first (it explains what follows), then
/// problems across records, then warnings; within each, by file and place.
fn rank(d: &Diagnostic, meaning: bool) -> (Severity, bool) {
    (d.severity, meaning)
}

/// Builds the catalogue from parsed files and runs the checks across records.
pub fn assemble(mut parsed: Vec<ParsedFile>, tree_diags: Diagnostics, opts: LoadOptions) -> Loaded {
    let mut stats = Stats {
        files: parsed.len(),
        ..Stats::default()
    };
    let mut first: Vec<Diagnostic> = tree_diags.items;
    let mut vocabulary: Option<Vocabulary> = None;
    let mut translations: Vec<(String, crate::model::Translations)> = Vec::new();
    let mut instruments: BTreeMap<String, Instrument> = BTreeMap::new();
    let mut countries: BTreeMap<String, Country> = BTreeMap::new();
    let mut plans: BTreeMap<String, Plan> = BTreeMap::new();
    let mut record_files: BTreeMap<String, String> = BTreeMap::new();
    let mut broken = Broken::default();
    // A data file that could not even be read stands broken like one that did not parse.
    for d in first.iter().filter(|d| d.severity == Severity::Error) {
        if let Some(place) = tree::place_of(&d.file) {
            if place == Place::Vocabulary {
                broken.vocabulary = Some(d.file.clone());
            }
            broken
                .records
                .entry((place, file_stem(&d.file).to_string()))
                .or_insert_with(|| d.file.clone());
        }
    }

    for file in parsed.iter_mut() {
        first.append(&mut file.diagnostics);
        let Some(place) = file.place else { continue };
        let path = file.path.as_str();
        let Some(record) = file.record.take() else {
            if place == Place::Vocabulary {
                broken.vocabulary = Some(path.to_string());
            }
            for id in &file.claimed {
                broken
                    .records
                    .entry((place, id.clone()))
                    .or_insert_with(|| path.to_string());
            }
            continue;
        };
        let stem = file_stem(path).to_string();
        let mismatch = |id: &str, diags: &mut Vec<Diagnostic>, ptr: &str| {
            if id != stem {
                diags.push(
                    Diagnostic::error(
                        "id-path-mismatch",
                        path,
                        ptr,
                        "the record's id does not match its file name",
                    )
                    .expected(format!("`{stem}`"))
                    .found(format!("`{id}`"))
                    .help(format!(
                        "rename the file to `{id}.json`, or the id to `{stem}`"
                    )),
                );
            }
        };
        let mut claim = |key: String, ptr: &str, what: &str, diags: &mut Vec<Diagnostic>| {
            if let Some(prev) = record_files.get(&key) {
                diags.push(Diagnostic::error(
                    "duplicate-id",
                    path,
                    ptr,
                    format!("{what} is already defined by {prev}"),
                ));
                false
            } else {
                record_files.insert(key, path.to_string());
                true
            }
        };
        match record {
            Record::Vocabulary(v) => vocabulary = Some(v),
            Record::Instrument(i) => {
                mismatch(&i.id, &mut first, "/id");
                let binding_place = place == Place::Treaty;
                if i.kind.is_binding() != binding_place {
                    first.push(
                        Diagnostic::error(
                            "misplaced-instrument",
                            path,
                            "/kind",
                            "instrument kind does not fit its folder",
                        )
                        .expected(if binding_place {
                            "a binding kind under treaties/"
                        } else {
                            "declaration, framework or plan-of-action under soft-law/"
                        })
                        .found(
                            serde_json::to_value(i.kind)
                                .ok()
                                .and_then(|v| v.as_str().map(str::to_string))
                                .unwrap_or_default(),
                        ),
                    );
                }
                let key = format!("instrument:{}", i.id);
                let what = format!("instrument id `{}`", i.id);
                if claim(key, "/id", &what, &mut first) {
                    instruments.insert(i.id.clone(), i);
                }
            }
            Record::Country(c) => {
                mismatch(&c.iso3, &mut first, "/iso3");
                let key = format!("country:{}", c.iso3);
                let what = format!("country `{}`", c.iso3);
                if claim(key, "/iso3", &what, &mut first) {
                    countries.insert(c.iso3.clone(), c);
                }
            }
            Record::Translations(t) => {
                if t.lang.code() != stem {
                    first.push(
                        Diagnostic::error(
                            "id-path-mismatch",
                            path,
                            "/lang",
                            "the translation's language does not match its file name",
                        )
                        .expected(format!("`{stem}`"))
                        .found(format!("`{}`", t.lang.code())),
                    );
                    continue;
                }
                translations.push((path.to_string(), t));
            }
            Record::Plan(p) => {
                mismatch(&p.id, &mut first, "/id");
                let key = format!("plan:{}", p.id);
                let what = format!("plan id `{}`", p.id);
                if claim(key, "/id", &what, &mut first) {
                    plans.insert(p.id.clone(), p);
                }
            }
        }
    }
    if vocabulary.is_none()
        && broken.vocabulary.is_none()
        && !parsed
            .iter()
            .any(|f| tree::place_of(&f.path) == Some(Place::Vocabulary))
    {
        first.push(
            Diagnostic::error(
                "missing-file",
                "instruments/vocabulary.json",
                "",
                "the vocabulary file is missing",
            )
            .expected("instruments/vocabulary.json with measure kinds and regional bodies"),
        );
    }

    let mut catalogue = Catalogue::new(vocabulary, instruments, countries, plans, record_files);
    for (path, t) in translations {
        for (key, text) in t.entries() {
            if !catalogue.knows_text(&key) {
                first.push(
                    Diagnostic::warning(
                        "unknown-translation",
                        &path,
                        "",
                        format!("a translation for `{key}`, which the catalogue does not have"),
                    )
                    .expected("ids of instruments, obligations, plans, areas, actions, targets and measure kinds"),
                );
            }
            catalogue.add_text(t.lang, key, text);
        }
    }
    let mut meaning = Diagnostics::default();
    check::check(&catalogue, opts, &mut meaning, &mut stats);

    // Locate what the checks found, set aside what follows from a record that did not load, and
    // suggest what a misspelt reference probably meant.
    let files: HashMap<&str, &ParsedFile> = parsed.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut maps: HashMap<&str, locate::SourceMap<'_>> = HashMap::new();
    let mut follow_ons: BTreeMap<String, Vec<FollowOn>> = BTreeMap::new();
    let mut suggester = suggest::Suggester::new(&catalogue);
    let mut second: Vec<Diagnostic> = Vec::new();
    for mut d in meaning.items {
        let map = map_for(&mut maps, &files, &d.file);
        let referenced = map.as_ref().and_then(|m| m.referenced_id(&d.pointer));
        if let Some(m) = map {
            if d.line.is_none() {
                place_at(&mut d, m);
            }
        }
        if let Some(id) = referenced.as_deref() {
            if let Some(root) = broken.cause(d.code, id) {
                follow_ons
                    .entry(root.to_string())
                    .or_default()
                    .push(FollowOn {
                        code: d.code,
                        file: d.file.clone(),
                        pointer: d.pointer.clone(),
                        line: d.line,
                    });
                continue;
            }
            if d.help.is_none() {
                if let Some(s) = suggester.suggest(d.code, &d.file, id) {
                    d.help = Some(format!("did you mean `{s}`?"));
                }
            }
        }
        second.push(d);
    }
    for d in first.iter_mut().filter(|d| d.line.is_none()) {
        if let Some(m) = map_for(&mut maps, &files, &d.file) {
            place_at(d, m);
        }
    }
    let mut items: Vec<(bool, Diagnostic)> = first
        .into_iter()
        .map(|d| (false, d))
        .chain(second.into_iter().map(|d| (true, d)))
        .collect();
    items.sort_by(|(ma, a), (mb, b)| {
        (
            rank(a, *ma),
            &a.file,
            a.line,
            &a.pointer,
            a.code,
            &a.message,
        )
            .cmp(&(
                rank(b, *mb),
                &b.file,
                b.line,
                &b.pointer,
                b.code,
                &b.message,
            ))
    });
    let mut items: Vec<Diagnostic> = items.into_iter().map(|(_, d)| d).collect();
    items.dedup();
    for (root, mut list) in follow_ons {
        list.sort_by(|a, b| (&a.file, a.line, &a.pointer).cmp(&(&b.file, b.line, &b.pointer)));
        if let Some(d) = items
            .iter_mut()
            .find(|d| d.file == root && d.severity == Severity::Error)
        {
            d.follow_ons = list;
        }
    }
    stats.instruments = catalogue.instruments.len();
    stats.obligations = catalogue.obligations().count();
    stats.countries = catalogue.countries.len();
    stats.plans = catalogue.plans.len();
    stats.records = stats.instruments
        + stats.countries
        + stats.plans
        + usize::from(catalogue.vocabulary.is_some());
    Loaded {
        catalogue,
        diagnostics: Diagnostics { items },
        stats,
    }
}
