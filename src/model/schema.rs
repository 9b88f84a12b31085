//! The JSON Schemas of the data files, generated from the model types so that the two cannot drift.
//!
//! `schemas/*.schema.json` are this module's output, committed so that editors and other validators
//! can use them; a test fails when they differ from what the types generate (and rewrites them with
//! `LEXGAP_UPDATE_SCHEMAS=1`). Each schema is self-contained — shared definitions are copied into its
//! own `$defs` and it has no `$id` — so a data file's relative `$schema` path resolves offline in any
//! validator or editor.
//!
//! Fields whose strings have a form (ids, dates, article references, bounded text) name it with
//! `#[schemars(with = "...")]` and one of the marker types below.

use schemars::generate::SchemaSettings;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// Declares a marker type whose schema is a named definition (`#/$defs/<name>`).
macro_rules! marker {
    ($(#[$doc:meta])* $ty:ident, $name:literal, $schema:tt) => {
        $(#[$doc])*
        pub struct $ty;

        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

marker!(
    /// A short lower-case identifier.
    Id,
    "id",
    {
        "type": "string",
        "pattern": "^[a-z0-9]+(?:[a-z0-9-]*[a-z0-9])?$",
        "maxLength": 64,
        "description": "A short lower-case identifier (letters, digits, inner hyphens)."
    }
);

marker!(
    /// A namespaced identifier, `<owner-id>.<slug>`.
    DottedId,
    "dotted_id",
    {
        "type": "string",
        "pattern": "^[a-z0-9]+(?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9]+(?:[a-z0-9-]*[a-z0-9])?)+$",
        "maxLength": 160,
        "description": "A namespaced identifier: <owner-id>.<slug>[.<slug>...]"
    }
);

marker!(
    /// An ISO 3166-1 alpha-3 code.
    Iso3,
    "iso3",
    {
        "type": "string",
        "pattern": "^[A-Z]{3}$",
        "description": "ISO 3166-1 alpha-3 code, upper case."
    }
);

marker!(
    /// An article reference.
    Article,
    "article",
    {
        "type": "string",
        "minLength": 1,
        "maxLength": 40,
        "pattern": "^[0-9A-Za-z]+(?:[ .()0-9A-Za-z-]*[0-9A-Za-z)])?$",
        "description": "An article reference: '33', '1B(1)', 'I(1)', '37(2)'. The part before the first '(' or space must be an article the instrument lists."
    }
);

marker!(
    /// Free text of bounded length.
    Text,
    "text",
    {
        "type": "string",
        "minLength": 1,
        "maxLength": 4000,
        "pattern": "\\S",
        "description": "Text with something other than spaces, at most 4000 characters."
    }
);

marker!(
    /// An http(s) address.
    Url,
    "url",
    {
        "type": "string",
        "pattern": "^https?://[^\\s<>\"\\\\]+$",
        "maxLength": 2000,
        "description": "An http(s) URL."
    }
);

marker!(
    /// A calendar day.
    Day,
    "date",
    {
        "type": "string",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        "format": "date",
        "description": "A calendar date, ISO 8601 (YYYY-MM-DD). Impossible dates such as 2011-02-30 are rejected by the loader."
    }
);

/// An obligation id or a measure kind, as a law's `implements` or a criterion names it.
pub struct Reference;

impl JsonSchema for Reference {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "reference".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "minLength": 1,
            "maxLength": 160,
            "description": "An obligation id (instrument.slug) or a measure kind."
        })
    }
}

/// A recommendation code as the plan prints it, `I (iv)`.
pub struct Code;

impl JsonSchema for Code {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "code".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "minLength": 1, "maxLength": 20 })
    }
}

impl JsonSchema for super::Period {
    fn schema_name() -> Cow<'static, str> {
        "period".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2]))?$",
            "description": "A year (YYYY) or month (YYYY-MM), for a fact whose source gives no day."
        })
    }
}

impl JsonSchema for super::PartialDate {
    fn schema_name() -> Cow<'static, str> {
        "partial_date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-[0-9]{2})?)?$",
            "description": "A day (YYYY-MM-DD), or a month (YYYY-MM) or year (YYYY) when the source gives no day."
        })
    }
}

impl JsonSchema for super::Threshold {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "threshold".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Country threshold: how many participants must meet the criterion.",
            "oneOf": [
                {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["at_least"],
                    "properties": { "at_least": { "type": "integer", "minimum": 1, "maximum": 1000 } }
                },
                { "const": "all" }
            ]
        })
    }
}

impl JsonSchema for super::TreatyRef {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "treaty_ref".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let id = generator.subschema_for::<Id>();
        let article = generator.subschema_for::<Article>();
        json_schema!({
            "description": "A treaty id, or a treaty with the articles the item is about (only reservations touching them are relevant).",
            "oneOf": [
                id,
                {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["instrument", "articles"],
                    "properties": {
                        "instrument": id,
                        "articles": { "type": "array", "items": article }
                    }
                }
            ]
        })
    }
}

/// A plan item's criterion, which may be `null` for an item country facts cannot judge.
pub fn nullable_criterion(generator: &mut SchemaGenerator) -> Schema {
    let criterion = generator.subschema_for::<super::Criterion>();
    json_schema!({ "oneOf": [criterion, { "type": "null" }] })
}

/// A non-empty list of criteria (`all`, `any`, `each`).
pub fn criteria(generator: &mut SchemaGenerator) -> Schema {
    let criterion = generator.subschema_for::<super::Criterion>();
    json_schema!({ "type": "array", "minItems": 1, "items": criterion })
}

/// One schema file: its name under `schemas/` and its content.
#[derive(Debug, Clone)]
pub struct SchemaFile {
    pub name: &'static str,
    pub value: Value,
}

impl SchemaFile {
    /// The file's text as committed: two-space indentation and a final newline.
    pub fn text(&self) -> String {
        let mut s = serde_json::to_string_pretty(&self.value).unwrap_or_default();
        s.push('\n');
        s
    }
}

fn root<T: JsonSchema>(name: &'static str, title: &str) -> SchemaFile {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut value = generator.into_root_schema_for::<T>().to_value();
    if let Some(obj) = value.as_object_mut() {
        obj.insert("title".into(), Value::String(title.into()));
    }
    tidy(&mut value);
    SchemaFile { name, value }
}

/// The schema of every kind of data file, in the order they are listed in `schemas/`.
pub fn schema_files() -> Vec<SchemaFile> {
    vec![
        root::<super::Country>("country.schema.json", "lexgap country record"),
        root::<super::Instrument>(
            "instrument.schema.json",
            "lexgap instrument (treaty or soft-law text)",
        ),
        root::<super::Plan>("plan.schema.json", "lexgap action plan"),
        root::<super::Vocabulary>("vocabulary.schema.json", "lexgap controlled vocabulary"),
        root::<super::Translations>(
            "translations.schema.json",
            "lexgap translations of the data's texts into one language",
        ),
    ]
}

/// Makes generated schemas say what data files hold and read well in an editor: an optional field
/// is left out, never `null` (the two nullable criteria say so explicitly); an enum is a list of its
/// values, with what the values mean in its description; no defaults or Rust-specific integer
/// formats; descriptions as running text; keywords in a fixed order, `$defs` last.
fn tidy(v: &mut Value) {
    match v {
        Value::Object(obj) => {
            collapse_enum(obj);
            obj.remove("default");
            if obj.get("type").and_then(Value::as_str) == Some("integer") {
                obj.remove("format");
            }
            if let Some(Value::String(d)) = obj.get_mut("description") {
                *d = running_text(d);
            }
            let required: Vec<String> = obj
                .get("required")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            for (key, value) in obj.iter_mut() {
                match (key.as_str(), value) {
                    // Maps from names to schemas: keep their order, tidy each schema.
                    ("properties", Value::Object(props)) => {
                        for (name, prop) in props.iter_mut() {
                            if !required.contains(name) {
                                not_null(prop);
                            }
                            tidy(prop);
                        }
                    }
                    ("$defs", Value::Object(defs)) => defs.values_mut().for_each(tidy),
                    (_, value) => tidy(value),
                }
            }
            order_keywords(obj);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

/// The order keywords are written in; others follow in their generated order, then `$defs`.
const KEYWORD_ORDER: [&str; 25] = [
    "$schema",
    "title",
    "description",
    "$ref",
    "type",
    "const",
    "enum",
    "pattern",
    "format",
    "minLength",
    "maxLength",
    "minimum",
    "minItems",
    "uniqueItems",
    "items",
    "additionalProperties",
    "required",
    "properties",
    "anyOf",
    "oneOf",
    "allOf",
    "not",
    "if",
    "then",
    "else",
];

fn order_keywords(obj: &mut Map<String, Value>) {
    let rank = |k: &str| match KEYWORD_ORDER.iter().position(|x| *x == k) {
        Some(p) => p,
        None if k == "$defs" => KEYWORD_ORDER.len() + 1,
        None => KEYWORD_ORDER.len(),
    };
    let mut entries: Vec<(String, Value)> = std::mem::take(obj).into_iter().collect();
    entries.sort_by_key(|(k, _)| rank(k));
    obj.extend(entries);
}

/// A doc comment's lines joined into running text; blank lines stay paragraph breaks.
fn running_text(doc: &str) -> String {
    doc.split("\n\n")
        .map(|para| para.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// An optional property's schema without the `null` schemars allows for `Option`.
fn not_null(prop: &mut Value) {
    let Some(obj) = prop.as_object_mut() else {
        return;
    };
    if obj.get("default") == Some(&Value::Null) {
        obj.remove("default");
    }
    if let Some(Value::Array(types)) = obj.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            obj.insert("type".into(), only);
        }
    }
    let is_null = |s: &Value| s.get("type").and_then(Value::as_str) == Some("null");
    let inner = match obj.get("anyOf").and_then(Value::as_array) {
        Some(alts) if alts.len() == 2 && alts.iter().any(is_null) => {
            alts.iter().find(|s| !is_null(s)).cloned()
        }
        _ => None,
    };
    if let Some(Value::Object(inner)) = inner {
        obj.remove("anyOf");
        for (k, v) in inner {
            obj.entry(k).or_insert(v);
        }
    }
}

/// `oneOf` a set of string constants (what schemars makes of an enum with documented variants)
/// becomes one `enum`, so a wrong value is reported as such.
fn collapse_enum(obj: &mut Map<String, Value>) {
    let Some(Value::Array(alts)) = obj.get("oneOf") else {
        return;
    };
    let mut values = Vec::new();
    let mut notes = Vec::new();
    for alt in alts {
        let Some(a) = alt.as_object() else { return };
        let consts: Vec<Value> = match (a.get("const"), a.get("enum")) {
            (Some(c), None) => vec![c.clone()],
            (None, Some(Value::Array(e))) => e.clone(),
            _ => return,
        };
        if a.keys()
            .any(|k| !matches!(k.as_str(), "type" | "const" | "enum" | "description"))
        {
            return;
        }
        if let (Some(d), [Value::String(c)]) =
            (a.get("description").and_then(Value::as_str), &consts[..])
        {
            notes.push(format!("`{c}`: {d}"));
        }
        values.extend(consts);
    }
    obj.remove("oneOf");
    obj.insert("type".into(), Value::String("string".into()));
    obj.insert("enum".into(), Value::Array(values));
    if !notes.is_empty() {
        let text = match obj.get("description").and_then(Value::as_str) {
            Some(d) => format!("{d} {}", notes.join(" ")),
            None => notes.join(" "),
        };
        obj.insert("description".into(), Value::String(text));
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn an_optional_field_is_left_out_rather_than_null() {
        let mut v = serde_json::json!({
            "type": "object",
            "required": ["a"],
            "properties": {
                "a": {"type": ["string", "null"]},
                "b": {"description": "B.", "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}], "default": null},
                "c": {"type": ["integer", "null"], "format": "uint32"}
            }
        });
        tidy(&mut v);
        assert_eq!(
            v["properties"]["a"]["type"],
            serde_json::json!(["string", "null"])
        );
        assert_eq!(
            v["properties"]["b"],
            serde_json::json!({"description": "B.", "$ref": "#/$defs/text"})
        );
        let keys: Vec<&String> = v["properties"]["b"].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["description", "$ref"]);
        assert_eq!(v["properties"]["c"], serde_json::json!({"type": "integer"}));
    }

    #[test]
    fn documented_enum_variants_become_one_enum() {
        let mut v = serde_json::json!({
            "description": "Status.",
            "oneOf": [
                {"type": "string", "enum": ["party", "signatory"]},
                {"type": "string", "const": "unknown", "description": "Checked, not settled."}
            ]
        });
        tidy(&mut v);
        assert_eq!(
            v,
            serde_json::json!({
                "description": "Status. `unknown`: Checked, not settled.",
                "type": "string",
                "enum": ["party", "signatory", "unknown"]
            })
        );
    }

    #[test]
    fn a_one_of_objects_is_left_alone() {
        let mut v = serde_json::json!({"oneOf": [{"type": "object"}, {"const": "all"}]});
        let before = v.clone();
        tidy(&mut v);
        assert_eq!(v, before);
    }
}
