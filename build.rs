//! The data tree, schemas and templates are embedded with `include_dir!`/`include_str!`; cargo rebuilds
//! when any of them changes (a directory path makes cargo scan everything below it).
//!
//! The embedded tree is also checked against its schemas here, once, when the binary is built: a run on
//! the bundled data then only parses it (see `load::load_embedded`). If a file does not pass, the build
//! still succeeds with a warning naming the file and place, and the binary checks the embedded tree at
//! every start instead, so `lexgap validate` can report the problem in full.

use std::path::Path;

fn main() {
    for dir in ["instruments", "countries", "schemas", "reports/templates"] {
        println!("cargo:rerun-if-changed={dir}");
    }
    let problems = check_embedded();
    if problems.is_empty() {
        println!("cargo:rustc-env=LEXGAP_EMBEDDED_CHECKED=1");
    } else {
        for p in problems.iter().take(20) {
            println!("cargo:warning=bundled data: {p}");
        }
        println!(
            "cargo:warning=bundled data: {} problem(s); the binary will check the bundled tree at every start (run `lexgap validate`)",
            problems.len()
        );
    }
}

/// Which schema a data file follows, by where it sits (as `load::tree::place_of` decides). Translation
/// files have none to check here: they are plain maps of texts, and their typed parse, which the binary
/// always runs, reports every problem.
fn schema_for(rel: &str) -> Option<Option<&'static str>> {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        ["instruments", "vocabulary.json"] => Some(Some("vocabulary.schema.json")),
        ["instruments", "treaties" | "soft-law", f] if f.ends_with(".json") => {
            Some(Some("instrument.schema.json"))
        }
        ["instruments", "plans", f] if f.ends_with(".json") => Some(Some("plan.schema.json")),
        ["instruments", "i18n", f] if f.ends_with(".json") => Some(None),
        ["countries", f] if f.ends_with(".json") => Some(Some("country.schema.json")),
        _ => None,
    }
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

/// Every schema problem of the embedded tree, as "file pointer: message".
fn check_embedded() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    let mut validators = std::collections::BTreeMap::new();
    let mut paths = Vec::new();
    for dir in ["instruments", "countries"] {
        files(&root.join(dir), &mut paths);
    }
    paths.sort();
    for path in paths {
        let rel = path
            .strip_prefix(root)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let Some(schema) = schema_for(&rel) else {
            problems.push(format!(
                "{rel}: a file in a place the data layout does not have"
            ));
            continue;
        };
        let Some(schema) = schema else {
            continue;
        };
        let validator = validators.entry(schema).or_insert_with(|| {
            let text = std::fs::read_to_string(root.join("schemas").join(schema))
                .map_err(|e| e.to_string())?;
            let value: serde_json::Value =
                serde_json::from_str(&text).map_err(|e| e.to_string())?;
            jsonschema::options()
                .should_validate_formats(true)
                .build(&value)
                .map_err(|e| e.to_string())
        });
        let validator = match validator {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("schemas/{schema}: does not compile: {e}"));
                continue;
            }
        };
        let doc = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).map_err(|e| e.to_string()));
        match doc {
            Ok(doc) => {
                for e in validator.iter_errors(&doc) {
                    problems.push(format!("{rel} {}: {e}", e.instance_path));
                }
            }
            Err(e) => problems.push(format!("{rel}: {e}")),
        }
    }
    problems
}
