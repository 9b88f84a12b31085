//! Load → validate: read the tree, parse each file, check it against its schema, build typed records,
//! then check meaning across records. Every problem is collected; nothing stops at the first.

mod check;
pub mod locate;
pub mod schema;
pub mod todo;
pub mod tree;

use crate::catalogue::Catalogue;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Country, Instrument, Plan, Vocabulary};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
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

/// Loads a tree from disk.
pub fn load_dir(root: &Path, opts: LoadOptions) -> Loaded {
    let mut diags = Diagnostics::default();
    let files = tree::read_disk(root, &mut diags);
    load_files(files, diags, opts)
}

/// Loads the tree embedded in the binary.
pub fn load_embedded(opts: LoadOptions) -> Loaded {
    load_files(tree::read_embedded(), Diagnostics::default(), opts)
}

/// Parses a file's bytes to JSON, reporting encoding and syntax problems with their position.
fn parse(file: &DataFile, diags: &mut Diagnostics) -> Option<(String, Value)> {
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
    let text = match String::from_utf8(file.bytes.clone()) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let (l, c) = locate::line_col(&String::from_utf8_lossy(&file.bytes[..at]), at);
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
                .expected("a JSON object"),
        );
        return None;
    }
    match serde_json::from_str::<Value>(&text) {
        Ok(v) => {
            for (pointer, l, c) in locate::duplicate_keys(&text) {
                diags.push(
                    Diagnostic::error(
                        "duplicate-key",
                        path,
                        &pointer,
                        "a key appears twice in the same object",
                    )
                    .expected("each key once")
                    .at(l, c),
                );
            }
            Some((text, v))
        }
        Err(e) => {
            diags.push(
                Diagnostic::error("malformed-json", path, "", format!("invalid JSON: {e}"))
                    .expected("well-formed JSON")
                    .at(e.line(), e.column()),
            );
            None
        }
    }
}

fn typed<T: DeserializeOwned>(path: &str, v: Value, diags: &mut Diagnostics) -> Option<T> {
    match serde_json::from_value::<T>(v) {
        Ok(t) => Some(t),
        Err(e) => {
            diags.push(Diagnostic::error(
                "schema-violation",
                path,
                "",
                format!("record does not fit its kind: {e}"),
            ));
            None
        }
    }
}

fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".json").unwrap_or(name)
}

/// Loads already-read files. Public so tests and fuzzing can feed trees from memory.
pub fn load_files(files: Vec<DataFile>, mut diags: Diagnostics, opts: LoadOptions) -> Loaded {
    let validators = match schema::validators() {
        Ok(v) => v,
        Err(e) => {
            diags.push(Diagnostic::error(
                "schema-invalid",
                "schemas",
                "",
                format!("a bundled schema does not compile: {e}"),
            ));
            return Loaded {
                catalogue: Catalogue::default(),
                diagnostics: diags,
                stats: Stats::default(),
            };
        }
    };
    let mut stats = Stats {
        files: files.len(),
        ..Stats::default()
    };
    let mut vocabulary: Option<Vocabulary> = None;
    let mut translations: Vec<(String, crate::model::Translations)> = Vec::new();
    let mut instruments: BTreeMap<String, Instrument> = BTreeMap::new();
    let mut countries: BTreeMap<String, Country> = BTreeMap::new();
    let mut plans: BTreeMap<String, Plan> = BTreeMap::new();
    let mut record_files: BTreeMap<String, String> = BTreeMap::new();
    let mut texts: BTreeMap<String, String> = BTreeMap::new();

    for file in &files {
        let Some(place) = tree::place_of(&file.path) else {
            diags.push(Diagnostic::error(
                "unknown-file",
                &file.path,
                "",
                "a file in a place the data layout does not have",
            ));
            continue;
        };
        let Some((text, value)) = parse(file, &mut diags) else {
            continue;
        };
        let errors = schema::check(validators, place, &file.path, &value);
        let schema_ok = errors.is_empty();
        for mut d in errors {
            if let Some((l, c)) = locate::locate(&text, &d.pointer) {
                d = d.at(l, c);
            }
            diags.push(d);
        }
        if schema_ok {
            let mut placeholders = Diagnostics::default();
            todo::check(&file.path, &value, &mut placeholders);
            for mut d in placeholders.items {
                if let Some((l, c)) = locate::locate(&text, &d.pointer) {
                    d = d.at(l, c);
                }
                diags.push(d);
            }
        }
        texts.insert(file.path.clone(), text);
        if !schema_ok {
            continue;
        }
        let stem = file_stem(&file.path).to_string();
        let path = file.path.as_str();
        let mismatch = |id: &str, diags: &mut Diagnostics, ptr: &str| {
            if id != stem {
                diags.push(
                    Diagnostic::error(
                        "id-path-mismatch",
                        path,
                        ptr,
                        "the record's id does not match its file name",
                    )
                    .expected(format!("`{stem}`"))
                    .found(format!("`{id}`")),
                );
            }
        };
        match place {
            Place::Vocabulary => vocabulary = typed(path, value, &mut diags),
            Place::Treaty | Place::SoftLaw => {
                let Some(i) = typed::<Instrument>(path, value, &mut diags) else {
                    continue;
                };
                mismatch(&i.id, &mut diags, "/id");
                let binding_place = place == Place::Treaty;
                if i.kind.is_binding() != binding_place {
                    diags.push(
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
                        .found(format!("{:?}", i.kind)),
                    );
                }
                if let Some(prev) = record_files.get(&format!("instrument:{}", i.id)) {
                    diags.push(Diagnostic::error(
                        "duplicate-id",
                        path,
                        "/id",
                        format!("instrument id `{}` is already used by {prev}", i.id),
                    ));
                    continue;
                }
                record_files.insert(format!("instrument:{}", i.id), path.to_string());
                instruments.insert(i.id.clone(), i);
            }
            Place::Country => {
                let Some(c) = typed::<Country>(path, value, &mut diags) else {
                    continue;
                };
                mismatch(&c.iso3, &mut diags, "/iso3");
                if let Some(prev) = record_files.get(&format!("country:{}", c.iso3)) {
                    diags.push(Diagnostic::error(
                        "duplicate-id",
                        path,
                        "/iso3",
                        format!("country `{}` is already defined by {prev}", c.iso3),
                    ));
                    continue;
                }
                record_files.insert(format!("country:{}", c.iso3), path.to_string());
                countries.insert(c.iso3.clone(), c);
            }
            Place::Translations => {
                let Some(t) = typed::<crate::model::Translations>(path, value, &mut diags) else {
                    continue;
                };
                if t.lang.code() != stem {
                    diags.push(
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
            Place::Plan => {
                let Some(p) = typed::<Plan>(path, value, &mut diags) else {
                    continue;
                };
                mismatch(&p.id, &mut diags, "/id");
                if let Some(prev) = record_files.get(&format!("plan:{}", p.id)) {
                    diags.push(Diagnostic::error(
                        "duplicate-id",
                        path,
                        "/id",
                        format!("plan id `{}` is already used by {prev}", p.id),
                    ));
                    continue;
                }
                record_files.insert(format!("plan:{}", p.id), path.to_string());
                plans.insert(p.id.clone(), p);
            }
        }
    }
    if vocabulary.is_none()
        && !files
            .iter()
            .any(|f| tree::place_of(&f.path) == Some(Place::Vocabulary))
    {
        diags.push(
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
                diags.push(
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
    for mut d in meaning.items {
        if d.line.is_none() {
            if let Some((l, c)) = texts
                .get(&d.file)
                .and_then(|t| locate::locate(t, &d.pointer))
            {
                d = d.at(l, c);
            }
        }
        diags.push(d);
    }
    stats.instruments = catalogue.instruments.len();
    stats.obligations = catalogue.obligations().count();
    stats.countries = catalogue.countries.len();
    stats.plans = catalogue.plans.len();
    stats.records = stats.instruments
        + stats.countries
        + stats.plans
        + usize::from(catalogue.vocabulary.is_some());
    diags.sort();
    Loaded {
        catalogue,
        diagnostics: diags,
        stats,
    }
}
