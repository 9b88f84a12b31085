//! Skeletons of new records: a state, a law, a measure. Each is valid as it stands, so `validate`
//! accepts it, and marks what only a source can tell — every treaty `not-checked`, text beginning
//! `TODO` — so that `validate` lists it until a researcher fills it in. A skeleton carries no source:
//! until one is added it cannot decide any finding.

use super::{files, names, set_field, COUNTRY_FIELDS};
use crate::catalogue::Catalogue;
use crate::model::{ids, Date, MeasureStatus};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// Why a skeleton cannot be made or written.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    #[error("`{0}` is not an ISO 3166-1 alpha-3 code (three capital letters)")]
    BadIso3(String),
    #[error("`{0}` is not an ISO 3166-1 alpha-2 code (two capital letters)")]
    BadIso2(String),
    #[error("`{0}` is not a state lexgap knows by name: give --name and --iso2")]
    UnknownState(String),
    #[error("the tree already has a record for `{0}`")]
    CountryExists(String),
    #[error("the tree has no record for `{0}`: make one with `lexgap new country {0}`")]
    NoCountry(String),
    #[error("`{kind}` is not a measure kind of the vocabulary (known: {known})")]
    UnknownKind { kind: String, known: String },
    #[error("`{0}` is not a valid id (lower-case letters, digits and inner hyphens)")]
    BadId(String),
    #[error("`{id}` is already used in {scope}")]
    IdTaken { id: String, scope: &'static str },
    #[error("`{0}` is not in the layout lexgap writes (two-space JSON); writing would reformat all of it")]
    Layout(String),
    #[error("cannot read `{path}`: {message}")]
    Read { path: String, message: String },
    #[error(transparent)]
    Write(#[from] files::WriteError),
}

/// A new state's record: every treaty of the catalogue `not-checked`, nothing else yet.
pub fn country(
    cat: &Catalogue,
    iso3: &str,
    name: Option<&str>,
    iso2: Option<&str>,
) -> Result<Value, NewError> {
    if iso3.len() != 3 || !iso3.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(NewError::BadIso3(iso3.to_string()));
    }
    if cat.countries.contains_key(iso3) {
        return Err(NewError::CountryExists(iso3.to_string()));
    }
    let known = names::state(iso3);
    let iso2 = match (iso2, known) {
        (Some(c), _) => c.to_string(),
        (None, Some(s)) => s.iso2.to_string(),
        (None, None) => return Err(NewError::UnknownState(iso3.to_string())),
    };
    if iso2.len() != 2 || !iso2.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(NewError::BadIso2(iso2));
    }
    let name = match (name, known) {
        (Some(n), _) => n.to_string(),
        (None, Some(s)) => s.un_name.to_string(),
        (None, None) => return Err(NewError::UnknownState(iso3.to_string())),
    };
    let participation: Vec<Value> = cat
        .treaties()
        .map(|t| json!({"instrument": t.id, "status": "not-checked"}))
        .collect();
    Ok(json!({
        "$schema": "../schemas/country.schema.json",
        "iso3": iso3,
        "iso2": iso2,
        "name": name,
        "memberships": [],
        "conferences": [],
        "participation": participation,
        "legislation": [],
        "measures": [],
        "notes": "TODO: memberships of regional bodies (with sources), conference roles, each treaty's status from the depositary's record, laws (`lexgap new law`) and measures (`lexgap new measure`)"
    }))
}

fn existing<'a>(cat: &'a Catalogue, iso3: &str) -> Result<&'a crate::model::Country, NewError> {
    cat.countries
        .get(iso3)
        .ok_or_else(|| NewError::NoCountry(iso3.to_string()))
}

fn checked_id(id: &str, taken: bool, scope: &'static str) -> Result<String, NewError> {
    if ids::slug(id) != id {
        return Err(NewError::BadId(id.to_string()));
    }
    if taken {
        return Err(NewError::IdTaken {
            id: id.to_string(),
            scope,
        });
    }
    Ok(id.to_string())
}

/// A new law for a state: its id (given, made from the title, or a placeholder), its title, a
/// placeholder citation, the day of enactment to check, and nothing it implements yet.
pub fn law(
    cat: &Catalogue,
    iso3: &str,
    id: Option<&str>,
    title: Option<&str>,
    enacted: Date,
) -> Result<Value, NewError> {
    let c = existing(cat, iso3)?;
    let taken = |x: &str| c.legislation.iter().any(|l| l.id == x);
    let id = match (id, title) {
        (Some(id), _) => checked_id(id, taken(id), "this state's legislation")?,
        (None, Some(t)) => ids::unique(&ids::slug(t), taken),
        (None, None) => ids::unique("todo-law", taken),
    };
    Ok(json!({
        "id": id,
        "title": title.unwrap_or("TODO: the act's title as enacted"),
        "citation": format!("TODO: the official citation (act number, gazette); check `enacted` ({enacted}) and add `in_force`"),
        "enacted": enacted.to_string(),
        "implements": []
    }))
}

/// A new measure for a state: its kind (from the vocabulary), status and date to check, and a
/// placeholder summary.
pub fn measure(
    cat: &Catalogue,
    iso3: &str,
    kind: &str,
    status: MeasureStatus,
    date: Date,
    id: Option<&str>,
) -> Result<Value, NewError> {
    let c = existing(cat, iso3)?;
    if !cat.is_measure_kind(kind) {
        let known = cat
            .vocabulary
            .as_ref()
            .map(|v| {
                v.measure_kinds
                    .iter()
                    .map(|k| k.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        return Err(NewError::UnknownKind {
            kind: kind.to_string(),
            known,
        });
    }
    let taken = |x: &str| c.measures.iter().any(|m| m.id == x);
    let id = match id {
        Some(id) => checked_id(id, taken(id), "this state's measures")?,
        None => ids::unique(kind, taken),
    };
    Ok(json!({
        "id": id,
        "kind": kind,
        "status": status.as_str(),
        "date": date.to_string(),
        "summary": format!("TODO: what the measure is and where it stands, in your own words; check `status` ({}) and `date` ({date})", status.as_str())
    }))
}

/// Where a state's record lives in a tree.
pub fn country_path(root: &Path, iso3: &str) -> PathBuf {
    root.join("countries").join(format!("{iso3}.json"))
}

/// A state's record with `entry` added at the end of its `list` (`legislation` or `measures`): the
/// file's old and new text.
pub fn add_to_country(
    root: &Path,
    iso3: &str,
    list: &str,
    entry: Value,
) -> Result<(String, String), NewError> {
    let path = country_path(root, iso3);
    let old = std::fs::read_to_string(&path).map_err(|e| NewError::Read {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    let mut doc: Value = serde_json::from_str(&old).map_err(|e| NewError::Read {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    if files::canonical(&doc) != old {
        return Err(NewError::Layout(path.display().to_string()));
    }
    let Some(obj) = doc.as_object_mut() else {
        return Err(NewError::Layout(path.display().to_string()));
    };
    if !obj.contains_key(list) {
        set_field(obj, list, Value::Array(Vec::new()), COUNTRY_FIELDS);
    }
    if let Some(Value::Array(items)) = obj.get_mut(list) {
        items.push(entry);
    }
    Ok((old, files::canonical(&doc)))
}
