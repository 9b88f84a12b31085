//! Reads the files of a data tree, from disk (`--data DIR`) or from the copy embedded in the binary.
//! Only `instruments/` and `countries/` are data; anything else under the root (sources, docs,
//! build output) is not looked at.

use crate::diag::{Diagnostic, Diagnostics};
use include_dir::{include_dir, Dir};
use std::path::Path;

static INSTRUMENTS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/instruments");
static COUNTRIES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/countries");

/// One file of the tree: its path relative to the root (with `/`) and its bytes.
#[derive(Debug, Clone)]
pub struct DataFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What a file holds, decided by where it sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    Treaty,
    SoftLaw,
    Plan,
    Vocabulary,
    Country,
    Translations,
}

/// Classifies a relative path; `None` for a place the layout does not have.
pub fn place_of(path: &str) -> Option<Place> {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["instruments", "vocabulary.json"] => Some(Place::Vocabulary),
        ["instruments", "treaties", f] if f.ends_with(".json") => Some(Place::Treaty),
        ["instruments", "soft-law", f] if f.ends_with(".json") => Some(Place::SoftLaw),
        ["instruments", "plans", f] if f.ends_with(".json") => Some(Place::Plan),
        ["instruments", "i18n", f] if f.ends_with(".json") => Some(Place::Translations),
        ["countries", f] if f.ends_with(".json") => Some(Place::Country),
        _ => None,
    }
}

/// Files a contributor may keep beside the data without them being read.
fn ignorable(name: &str) -> bool {
    name.starts_with('.') || name.ends_with(".md")
}

const DATA_DIRS: [&str; 2] = ["instruments", "countries"];

/// Reads `instruments/` and `countries/` under `root`. Problems with the tree itself (unreadable files,
/// directories where files belong, files in unknown places) go into `diags`.
pub fn read_disk(root: &Path, diags: &mut Diagnostics) -> Vec<DataFile> {
    let mut files = Vec::new();
    if !root.is_dir() {
        diags.push(
            Diagnostic::error(
                "data-root-missing",
                &root.display().to_string(),
                "",
                "the data folder does not exist or is not a folder",
            )
            .expected("a folder holding instruments/ and countries/"),
        );
        return files;
    }
    for dir in DATA_DIRS {
        let p = root.join(dir);
        if !p.exists() {
            diags.push(
                Diagnostic::error(
                    "missing-folder",
                    dir,
                    "",
                    format!("the data tree has no `{dir}/` folder"),
                )
                .expected(format!("a folder `{dir}/` under the data root")),
            );
            continue;
        }
        walk(root, &p, &mut files, diags);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap_or(p)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn walk(root: &Path, dir: &Path, files: &mut Vec<DataFile>, diags: &mut Diagnostics) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            diags.push(Diagnostic::error(
                "unreadable",
                &rel(root, dir),
                "",
                format!("cannot read folder: {e}"),
            ));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if ignorable(&name) {
            continue;
        }
        let relp = rel(root, &path);
        // `metadata` follows links, so a link to a file is read like a file.
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                diags.push(Diagnostic::error(
                    "unreadable",
                    &relp,
                    "",
                    format!("cannot read: {e}"),
                ));
                continue;
            }
        };
        if meta.is_dir() {
            let is_known_dir = matches!(
                relp.as_str(),
                "instruments/treaties"
                    | "instruments/soft-law"
                    | "instruments/plans"
                    | "instruments/i18n"
            );
            if is_known_dir {
                walk(root, &path, files, diags);
            } else if place_of(&relp).is_some() {
                diags.push(
                    Diagnostic::error(
                        "not-a-file",
                        &relp,
                        "",
                        "a folder stands where a data file belongs",
                    )
                    .expected("a JSON file")
                    .found("a folder"),
                );
            } else {
                diags.push(
                    Diagnostic::error("unknown-file", &relp, "", "a folder in a place the data layout does not have")
                        .expected("instruments/{treaties,soft-law,plans}/<id>.json, instruments/vocabulary.json or countries/<ISO3>.json"),
                );
            }
            continue;
        }
        if place_of(&relp).is_none() {
            diags.push(
                Diagnostic::error("unknown-file", &relp, "", "a file in a place the data layout does not have")
                    .expected("instruments/{treaties,soft-law,plans}/<id>.json, instruments/vocabulary.json or countries/<ISO3>.json"),
            );
            continue;
        }
        // Regular files only, up to a cap: a named pipe would block the run and a link to a device
        // would never end.
        match crate::files::read_regular(&path, crate::files::MAX_FILE_BYTES) {
            Ok(bytes) => files.push(DataFile { path: relp, bytes }),
            Err(e) => diags.push(
                Diagnostic::error(e.code(), &relp, "", format!("cannot read the file: {e}"))
                    .expected(format!(
                        "a regular JSON file of at most {} MiB",
                        crate::files::MAX_FILE_BYTES / (1024 * 1024)
                    )),
            ),
        }
    }
}

/// The bundled tree compiled into the binary.
pub fn read_embedded() -> Vec<DataFile> {
    fn collect(prefix: &str, dir: &Dir<'_>, out: &mut Vec<DataFile>) {
        for f in dir.files() {
            let name = f
                .path()
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if ignorable(&name) {
                continue;
            }
            out.push(DataFile {
                path: format!("{prefix}/{}", f.path().to_string_lossy()),
                bytes: f.contents().to_vec(),
            });
        }
        for d in dir.dirs() {
            collect(prefix, d, out);
        }
    }
    let mut out = Vec::new();
    collect("instruments", &INSTRUMENTS, &mut out);
    collect("countries", &COUNTRIES, &mut out);
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}
