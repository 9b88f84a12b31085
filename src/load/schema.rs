//! JSON Schema validation of each file against the schema for its place in the tree. The schemas are
//! the contract of the data format (generated from the model, see [`crate::model::schema`]), so the
//! binary always uses its own embedded copy. Each is self-contained: no reference leaves the file.

use super::tree::Place;
use crate::diag::Diagnostic;
use crate::model::{ids, ReservationKind};
use jsonschema::error::ValidationErrorKind;
use jsonschema::ValidationError;
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

/// The compiled validators, built when first needed and kept until [`release`]: compiled with their
/// resolved references, they take tens of megabytes, which a run that goes on to evaluate and render
/// should have back.
pub fn validators() -> Result<std::sync::Arc<Validators>, String> {
    let mut cell = CELL
        .lock()
        .map_err(|_| "the schema validators' lock is poisoned".to_string())?;
    if let Some(v) = cell.as_ref() {
        return Ok(v.clone());
    }
    let v = std::sync::Arc::new(Validators {
        instrument: build(INSTRUMENT)?,
        country: build(COUNTRY)?,
        plan: build(PLAN)?,
        vocabulary: build(VOCABULARY)?,
    });
    *cell = Some(v.clone());
    Ok(v)
}

static CELL: std::sync::Mutex<Option<std::sync::Arc<Validators>>> = std::sync::Mutex::new(None);

/// Drops the compiled validators (a later load compiles them again).
pub fn release() {
    if let Ok(mut cell) = CELL.lock() {
        *cell = None;
    }
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

/// The schema documents by their file name, parsed once, for looking up what a place allows.
fn documents() -> &'static [(&'static str, Value)] {
    static DOCS: OnceLock<Vec<(&'static str, Value)>> = OnceLock::new();
    DOCS.get_or_init(|| {
        [
            ("instrument.schema.json", INSTRUMENT),
            ("country.schema.json", COUNTRY),
            ("plan.schema.json", PLAN),
            ("vocabulary.schema.json", VOCABULARY),
        ]
        .into_iter()
        .filter_map(|(n, t)| Some((n, serde_json::from_str(t).ok()?)))
        .collect()
    })
}

fn document(name: &str) -> Option<&'static Value> {
    documents().iter().find(|(n, _)| *n == name).map(|(_, v)| v)
}

fn schema_file(place: Place) -> &'static str {
    match place {
        Place::Treaty | Place::SoftLaw => "instrument.schema.json",
        Place::Country => "country.schema.json",
        Place::Plan => "plan.schema.json",
        Place::Vocabulary => "vocabulary.schema.json",
        Place::Translations => "translations.schema.json",
    }
}

/// The schema node a keyword's location leads to, following `$ref`s into the schema they name.
fn schema_node(place: Place, schema_path: &str) -> Option<&'static Value> {
    let mut doc = schema_file(place);
    let mut node = document(doc)?;
    for seg in schema_path.split('/').skip(1) {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        if seg == "$ref" {
            let target = node.get("$ref")?.as_str()?;
            let (file, pointer) = target.split_once('#').unwrap_or((target, ""));
            if !file.is_empty() {
                doc = documents().iter().find(|(n, _)| *n == file)?.0;
            }
            node = document(doc)?.pointer(pointer)?;
            continue;
        }
        node = match node {
            Value::Array(a) => a.get(seg.parse::<usize>().ok()?)?,
            _ => node.get(seg.as_str())?,
        };
    }
    Some(node)
}

/// The fields an object may have, from the schema node that refused an unknown one.
fn allowed_fields(place: Place, schema_path: &str) -> Vec<&'static str> {
    let parent = schema_path.rsplit_once('/').map_or("", |(p, _)| p);
    schema_node(place, parent)
        .and_then(|n| n.get("properties"))
        .and_then(Value::as_object)
        .map(|m| m.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

/// A JSON type in words.
fn type_words(t: jsonschema::JsonType) -> String {
    let name = t.to_string();
    let article = if matches!(
        t,
        jsonschema::JsonType::Array | jsonschema::JsonType::Integer | jsonschema::JsonType::Object
    ) {
        "an"
    } else {
        "a"
    };
    match t {
        jsonschema::JsonType::Null => "null".to_string(),
        _ => format!("{article} {name}"),
    }
}

/// A serde or schema message with the Rust type names taken out: "untagged enum Threshold" and
/// "struct Country" mean nothing to someone editing JSON.
pub fn plain_words(m: &str) -> String {
    let mut out = m.to_string();
    if let Some(i) = out.find("data did not match any variant of untagged enum") {
        out.truncate(i);
        out.push_str("the value matches none of the accepted forms");
    }
    for (rust, plain) in [
        ("untagged enum ", ""),
        ("internally tagged enum ", ""),
        ("enum ", ""),
        ("struct variant ", ""),
        ("tuple variant ", ""),
        ("newtype variant ", ""),
        ("unit variant ", ""),
        ("struct ", ""),
        ("tuple ", ""),
    ] {
        out = out.replace(rust, plain);
    }
    // What is left of a type name (`Threshold`, `Criterion`) reads as the kind of value it was.
    let words: Vec<String> = out
        .split(' ')
        .map(|w| {
            let core = w.trim_end_matches([',', '.', ':', ';']);
            let camel = core.len() > 1
                && core.starts_with(|c: char| c.is_ascii_uppercase())
                && core.chars().skip(1).any(|c| c.is_ascii_lowercase())
                && core.chars().all(|c| c.is_ascii_alphanumeric());
            if camel {
                w.replacen(core, "value", 1)
            } else {
                w.to_string()
            }
        })
        .collect();
    words.join(" ")
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
        .flat_map(|e| convert(place, file, doc, &e))
        .collect()
}

/// How far a branch of `oneOf`/`anyOf` is from fitting: 0 when the value has the branch's shape
/// and only its details are wrong, 2 when a key the branch needs is missing, 3 when the value is of
/// another type or constant altogether; then the number of problems.
fn misfit(branch: &[ValidationError<'_>], at: &str) -> (u8, usize) {
    let shape = branch
        .iter()
        .filter(|e| e.instance_path.as_str() == at)
        .map(|e| match e.kind {
            ValidationErrorKind::Type { .. } | ValidationErrorKind::Constant { .. } => 3,
            ValidationErrorKind::Required { .. } => 2,
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    (shape, branch.len())
}

/// The schema node's own description of what it accepts, if it has one.
fn described(place: Place, schema_path: &str) -> Option<String> {
    let parent = schema_path.rsplit_once('/').map_or("", |(p, _)| p);
    let d = schema_node(place, parent)?.get("description")?.as_str()?;
    Some(d.trim_end_matches('.').to_string())
}

/// One validator error in the data's words; `oneOf`/`anyOf` failures are explained by the branch the
/// value comes closest to, so `{"at_least": 0}` is reported as a number too small, not as a value
/// matching none of the forms.
fn convert(place: Place, file: &str, doc: &Value, e: &ValidationError<'_>) -> Vec<Diagnostic> {
    let mut pointer = e.instance_path.as_str().to_string();
    let mut found = short(&e.instance);
    let mut help = None;
    let (code, message, expected) = match &e.kind {
        ValidationErrorKind::OneOfNotValid { context } | ValidationErrorKind::AnyOf { context } => {
            let best = context
                .iter()
                .map(|b| (misfit(b, &pointer), b))
                .min_by_key(|(m, _)| *m);
            // Two forms that fit but for each other's keys: the value mixes forms.
            let extra_only: Vec<&String> = context
                .iter()
                .filter(|b| {
                    !b.is_empty()
                        && b.iter().all(|x| {
                            x.instance_path.as_str() == pointer
                                && matches!(
                                    x.kind,
                                    ValidationErrorKind::AdditionalProperties { .. }
                                )
                        })
                })
                .flat_map(|b| b.iter())
                .filter_map(|x| match &x.kind {
                    ValidationErrorKind::AdditionalProperties { unexpected } => unexpected.first(),
                    _ => None,
                })
                .collect();
            if extra_only.len() >= 2 {
                let mut keys: Vec<String> = extra_only.iter().map(|k| format!("`{k}`")).collect();
                keys.sort();
                keys.dedup();
                let mut d = Diagnostic::error(
                    "schema-violation",
                    file,
                    &pointer,
                    format!("value combines the forms {}", keys.join(" and ")),
                )
                .expected("exactly one of them; combine criteria with `all` or `any`")
                .found(found);
                d.help = None;
                return vec![d];
            }
            if let Some(((shape, n), branch)) = best {
                if shape < 2 && n > 0 {
                    return branch
                        .iter()
                        .flat_map(|x| convert(place, file, doc, x))
                        .collect();
                }
            }
            // No form fits: name the keys the forms are told apart by, and the nearest one.
            let keys: Vec<String> = context
                .iter()
                .flatten()
                .filter(|x| x.instance_path.as_str() == pointer)
                .filter_map(|x| match &x.kind {
                    ValidationErrorKind::Required { property } => {
                        property.as_str().map(str::to_string)
                    }
                    _ => None,
                })
                .collect();
            if let (Some(obj), false) = (e.instance.as_object(), keys.is_empty()) {
                if let Some(k) = obj.keys().find(|k| !keys.contains(k)) {
                    help = super::suggest::closest(k, keys.iter().map(String::as_str))
                        .map(|s| format!("did you mean `{s}`?"));
                }
            }
            (
                "schema-violation",
                "value matches none of the accepted forms".to_string(),
                if keys.is_empty() {
                    described(place, e.schema_path.as_str())
                        .unwrap_or_else(|| "one of the forms the schema describes".to_string())
                } else {
                    format!("an object with one of the keys {}", keys.join(", "))
                },
            )
        }
        ValidationErrorKind::OneOfMultipleValid { .. } => (
            "schema-violation",
            "value matches more than one of the accepted forms".to_string(),
            "exactly one form (remove the keys of the others)".to_string(),
        ),
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            let allowed = allowed_fields(place, e.schema_path.as_str());
            if let [one] = unexpected.as_slice() {
                pointer = format!("{pointer}/{}", super::locate::escape_token(one));
                found = e.instance.get(one).map(short).unwrap_or_default();
                help = super::suggest::closest(one, allowed.iter().copied())
                    .map(|s| format!("did you mean `{s}`?"));
            }
            (
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
                if allowed.is_empty() {
                    "only the fields the schema defines".to_string()
                } else {
                    format!("one of the fields {}", allowed.join(", "))
                },
            )
        }
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
            match kind {
                jsonschema::error::TypeKind::Single(t) => type_words(*t),
                jsonschema::error::TypeKind::Multiple(ts) => {
                    ts.iter().map(type_words).collect::<Vec<_>>().join(" or ")
                }
            },
        ),
        ValidationErrorKind::Format { format } if format == "date" => (
            "invalid-date",
            "not a real calendar date".to_string(),
            "a date YYYY-MM-DD that exists".to_string(),
        ),
        ValidationErrorKind::Enum { options } => {
            if let (Some(word), Some(opts)) = (e.instance.as_str(), options.as_array()) {
                help = super::suggest::closest(word, opts.iter().filter_map(Value::as_str))
                    .map(|s| format!("did you mean `{s}`?"));
            }
            (
                "unknown-value",
                "value is not one of the allowed values".to_string(),
                format!("one of {}", short(options)),
            )
        }
        ValidationErrorKind::Constant { expected_value } => (
            "unknown-value",
            "value is not the one allowed here".to_string(),
            short(expected_value),
        ),
        ValidationErrorKind::Pattern { pattern } => (
            "bad-format",
            "value does not have the required form".to_string(),
            described(place, e.schema_path.as_str()).unwrap_or_else(|| {
                if pattern == "\\S" {
                    "text that is not only spaces".to_string()
                } else {
                    format!("text matching {pattern}")
                }
            }),
        ),
        ValidationErrorKind::MaxLength { limit } => (
            "schema-violation",
            "text is too long".to_string(),
            format!("at most {limit} characters"),
        ),
        ValidationErrorKind::MinLength { limit } => (
            "schema-violation",
            "text is too short".to_string(),
            format!(
                "at least {limit} character{}",
                if *limit == 1 { "" } else { "s" }
            ),
        ),
        ValidationErrorKind::Minimum { limit }
        | ValidationErrorKind::ExclusiveMinimum { limit } => (
            "schema-violation",
            "number is too small".to_string(),
            format!("at least {limit}"),
        ),
        ValidationErrorKind::Maximum { limit }
        | ValidationErrorKind::ExclusiveMaximum { limit } => (
            "schema-violation",
            "number is too large".to_string(),
            format!("at most {limit}"),
        ),
        ValidationErrorKind::MinItems { limit } => (
            "schema-violation",
            "list has too few entries".to_string(),
            format!("at least {limit}"),
        ),
        ValidationErrorKind::MaxItems { limit } => (
            "schema-violation",
            "list has too many entries".to_string(),
            format!("at most {limit}"),
        ),
        ValidationErrorKind::UniqueItems => (
            "schema-violation",
            "list has the same entry twice".to_string(),
            "each entry once".to_string(),
        ),
        _ => (
            "schema-violation",
            plain_words(&strip_instance(&e.to_string(), &e.instance)),
            "a value the schema accepts".to_string(),
        ),
    };
    let mut d = Diagnostic::error(code, file, &pointer, message)
        .expected(expected)
        .found(found);
    d.help = help;
    vec![d]
}

/// A validator message without the (possibly huge) value it opens with, which `found` shows.
fn strip_instance(m: &str, instance: &Value) -> String {
    let v = instance.to_string();
    let m = m.strip_prefix(v.as_str()).map(str::trim_start).unwrap_or(m);
    m.chars().take(300).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_drop_rust_type_names() {
        assert_eq!(
            plain_words("data did not match any variant of untagged enum Threshold"),
            "the value matches none of the accepted forms"
        );
        assert_eq!(
            plain_words("invalid type: string \"x\", expected struct TreatyRef"),
            "invalid type: string \"x\", expected value"
        );
    }

    #[test]
    fn unknown_fields_find_the_fields_their_object_allows() {
        let fields = allowed_fields(
            Place::Country,
            "/properties/participation/items/$ref/additionalProperties",
        );
        assert!(
            fields.contains(&"instrument") && fields.contains(&"deposit"),
            "{fields:?}"
        );
    }
}
