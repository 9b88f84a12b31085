//! JSON Schema validation of each file against the schema for its place in the tree. The schemas are
//! the contract of the data format (generated from the model, see [`crate::model::schema`]), so the
//! binary always uses its own embedded copy. Each is self-contained: no reference leaves the file.

use super::tree::Place;
use crate::diag::Diagnostic;
use crate::model::{ids, ReservationKind};
use jsonschema::error::ValidationErrorKind;
use jsonschema::Validator;
use serde_json::Value;
use std::sync::OnceLock;

pub const INSTRUMENT: &str = include_str!("../../schemas/instrument.schema.json");
pub const COUNTRY: &str = include_str!("../../schemas/country.schema.json");
pub const PLAN: &str = include_str!("../../schemas/plan.schema.json");
pub const VOCABULARY: &str = include_str!("../../schemas/vocabulary.schema.json");

pub struct Validators {
    instrument: Validator,
    country: Validator,
    plan: Validator,
    vocabulary: Validator,
}

fn build(text: &str) -> Result<Validator, String> {
    let schema: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .map_err(|e| e.to_string())
}

/// The compiled validators, built once per process.
pub fn validators() -> Result<&'static Validators, String> {
    static CELL: OnceLock<Result<Validators, String>> = OnceLock::new();
    CELL.get_or_init(|| {
        Ok(Validators {
            instrument: build(INSTRUMENT)?,
            country: build(COUNTRY)?,
            plan: build(PLAN)?,
            vocabulary: build(VOCABULARY)?,
        })
    })
    .as_ref()
    .map_err(Clone::clone)
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 80 {
        format!("{}…", s.chars().take(80).collect::<String>())
    } else {
        s
    }
}

/// What a missing `id` should be, with one that would do: citations name entries by their ids, so
/// each needs one that is unique where it sits.
fn missing_id(doc: &Value, pointer: &str) -> String {
    let entry = doc.pointer(pointer);
    let siblings = pointer
        .rsplit_once('/')
        .and_then(|(parent, _)| doc.pointer(parent))
        .and_then(Value::as_array);
    let taken = |id: &str| {
        siblings.is_some_and(|s| {
            s.iter()
                .any(|x| x.get("id").and_then(Value::as_str) == Some(id))
        })
    };
    let text = |key: &str| {
        entry
            .and_then(|e| e.get(key))
            .and_then(Value::as_str)
            .unwrap_or_default()
    };
    let parts: Vec<&str> = pointer.split('/').collect();
    let (scope, proposal) = match parts.as_slice() {
        ["", "participation", _, "reservations", _] => {
            let kind = entry
                .and_then(|e| e.get("kind"))
                .and_then(|k| serde_json::from_value::<ReservationKind>(k.clone()).ok())
                .unwrap_or(ReservationKind::Reservation);
            let articles: Vec<String> = entry
                .and_then(|e| e.get("articles"))
                .and_then(|a| serde_json::from_value(a.clone()).ok())
                .unwrap_or_default();
            (
                "its participation entry",
                ids::reservation_id(kind, &articles),
            )
        }
        ["", "measures", _] => ("the country's measures", ids::slug(text("kind"))),
        ["", "legislation", _] => ("the country's legislation", ids::slug(text("title"))),
        _ => return "an `id`".to_string(),
    };
    format!(
        "an `id` unique within {scope} (lower-case letters, digits and hyphens), such as `{}`",
        ids::unique(&proposal, taken)
    )
}

/// Validates one parsed file and returns a diagnostic per violation (all of them).
pub fn check(v: &Validators, place: Place, file: &str, doc: &Value) -> Vec<Diagnostic> {
    let validator = match place {
        Place::Treaty | Place::SoftLaw => &v.instrument,
        Place::Country => &v.country,
        Place::Plan => &v.plan,
        Place::Vocabulary => &v.vocabulary,
        // Translation files are plain maps of texts: their typed parse reports every problem.
        Place::Translations => return Vec::new(),
    };
    validator
        .iter_errors(doc)
        .map(|e| {
            let pointer = e.instance_path.as_str().to_string();
            let found = short(&e.instance);
            let (code, message, expected) = match &e.kind {
                ValidationErrorKind::AdditionalProperties { unexpected } => (
                    "unknown-field",
                    format!(
                        "unknown field{} {}",
                        if unexpected.len() > 1 { "s" } else { "" },
                        unexpected
                            .iter()
                            .map(|u| format!("`{u}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    "only the fields the schema defines".to_string(),
                ),
                ValidationErrorKind::Required { property } if property == "id" => (
                    "missing-id",
                    "required field `id` is missing".to_string(),
                    missing_id(doc, &pointer),
                ),
                ValidationErrorKind::Required { property } => (
                    "missing-field",
                    format!(
                        "required field {} is missing",
                        short(property).replace('"', "`")
                    ),
                    format!("a field {}", short(property)),
                ),
                ValidationErrorKind::Type { kind } => (
                    "wrong-type",
                    "value has the wrong type".to_string(),
                    format!("{kind:?}").to_lowercase(),
                ),
                ValidationErrorKind::Format { format } if format == "date" => (
                    "invalid-date",
                    "not a real calendar date".to_string(),
                    "a date YYYY-MM-DD that exists".to_string(),
                ),
                ValidationErrorKind::Enum { options } => (
                    "unknown-value",
                    "value is not one of the allowed values".to_string(),
                    format!("one of {}", short(options)),
                ),
                ValidationErrorKind::Pattern { pattern } => (
                    "bad-format",
                    "value does not have the required form".to_string(),
                    format!("text matching {pattern}"),
                ),
                _ => (
                    "schema-violation",
                    e.to_string().chars().take(300).collect(),
                    "a value the schema accepts".to_string(),
                ),
            };
            Diagnostic::error(code, file, &pointer, message)
                .expected(expected)
                .found(found)
        })
        .collect()
}
