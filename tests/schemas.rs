//! The committed JSON Schemas are what the model types generate, and they work offline: every data
//! file validates against the schema its own `$schema` names, with no reference leaving the file.
//!
//! `LEXGAP_UPDATE_SCHEMAS=1 cargo test --test schemas` rewrites `schemas/` from the types.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

mod common;

use lexgap::model::schema::schema_files;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn committed_schemas_are_generated_from_the_model() {
    let dir = common::root().join("schemas");
    let update = std::env::var_os("LEXGAP_UPDATE_SCHEMAS").is_some();
    let mut stale = Vec::new();
    for f in schema_files() {
        let path = dir.join(f.name);
        let text = f.text();
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            if update {
                std::fs::write(&path, &text).unwrap();
            } else {
                stale.push(f.name);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "schemas out of date with the model: {stale:?}; run `LEXGAP_UPDATE_SCHEMAS=1 cargo test --test schemas`"
    );
    let generated: BTreeSet<String> = schema_files().iter().map(|f| f.name.to_string()).collect();
    let committed: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        committed, generated,
        "schemas/ holds files the model does not generate"
    );
}

/// Every `$ref` in a schema, with where it sits.
fn refs(v: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                if k == "$ref" {
                    out.push((at.to_string(), x.as_str().unwrap_or_default().to_string()));
                }
                refs(x, &format!("{at}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                refs(x, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn schemas_resolve_within_themselves() {
    for f in schema_files() {
        assert!(
            f.value.get("$id").is_none(),
            "{}: an $id makes references resolve against it",
            f.name
        );
        let mut found = Vec::new();
        refs(&f.value, "", &mut found);
        assert!(!found.is_empty());
        for (at, r) in found {
            let pointer = r
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("{}{at}: `{r}` leaves the file", f.name));
            assert!(
                f.value.pointer(pointer).is_some(),
                "{}{at}: `{r}` points at nothing",
                f.name
            );
        }
    }
}

/// Validates every bundled data file against the schema file its `$schema` names, read from disk as
/// an editor would, with no resources registered and no network.
#[test]
fn every_bundled_file_validates_against_the_schema_it_names() {
    let root = common::root();
    let mut checked = 0;
    for dir in ["countries", "instruments"] {
        for path in json_files(&root.join(dir)) {
            let doc: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let named = doc["$schema"].as_str().unwrap();
            let schema_path = path.parent().unwrap().join(named);
            let schema: Value =
                serde_json::from_str(&std::fs::read_to_string(&schema_path).unwrap()).unwrap();
            let v = jsonschema::options()
                .should_validate_formats(true)
                .build(&schema)
                .unwrap();
            let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).take(3).collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 60, "only {checked} files checked");
}

fn json_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(json_files(&p));
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
    out.sort();
    out
}
