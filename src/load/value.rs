//! Parsing a file's text into a JSON value while noticing duplicate keys, in one pass: serde_json keeps
//! the last of two equal keys without a word, and a second scan of every file only to look for them
//! cost as much as the parse itself. The slow scan that locates each duplicate runs only for a file
//! that has one.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::Cell;
use std::fmt;

/// The value of `text`, and whether some object in it repeats a key.
pub fn parse(text: &str) -> Result<(Value, bool), serde_json::Error> {
    let dup = Cell::new(false);
    let mut de = serde_json::Deserializer::from_str(text);
    let v = Seed(&dup).deserialize(&mut de)?;
    de.end()?;
    Ok((v, dup.get()))
}

#[derive(Clone, Copy)]
struct Seed<'a>(&'a Cell<bool>);

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Number::from_f64(n).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_string()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut v = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(x) = seq.next_element_seed(self)? {
            v.push(x);
        }
        Ok(Value::Array(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut m = Map::new();
        while let Some(k) = map.next_key::<String>()? {
            let v = map.next_value_seed(self)?;
            if m.insert(k, v).is_some() {
                self.0.set(true);
            }
        }
        Ok(Value::Object(m))
    }
}

/// Whether the text could hold a control or direction character anywhere in a string or key: one
/// raw (beyond the line breaks, tabs and spaces that lay out the file), or written as an escape.
/// When it cannot, the walk that finds and places each one is skipped.
pub fn may_hold_controls(text: &str) -> bool {
    // Byte by byte: control characters (Unicode Cc: U+0000-U+001F, U+007F-U+009F) and the direction
    // marks U+202A-U+202E and U+2066-U+2069 have these UTF-8 forms.
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &c)| match c {
        b'\n' | b'\r' | b'\t' => false,
        0..=0x1F | 0x7F => true,
        b'\\' => matches!(b.get(i + 1), Some(b'u' | b'n' | b'r' | b't' | b'b' | b'f')),
        0xC2 => matches!(b.get(i + 1), Some(0x80..=0x9F)),
        0xE2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
        _ => false,
    })
}

/// Whether the text could hold a placeholder of `lexgap new` (text beginning `TODO`, an id `todo…`).
pub fn may_hold_placeholders(text: &str) -> bool {
    text.contains("TODO") || text.contains("\"todo")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn parses_like_serde_json_and_notices_repeated_keys() {
        let t = r#"{"a": [1, -2, 3.5, true, null, "x"], "b": {"c": 1, "d": {"e": "f"}}}"#;
        let (v, dup) = parse(t).unwrap();
        assert_eq!(v, serde_json::from_str::<Value>(t).unwrap());
        assert!(!dup);
        let (v, dup) = parse(r#"{"a": {"c": 1, "c": 2}}"#).unwrap();
        assert!(dup);
        assert_eq!(v["a"]["c"], 2);
        assert!(parse("{\"a\": 1} x").is_err());
    }

    #[test]
    fn the_byte_scan_agrees_with_the_character_test() {
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            let want = crate::diag::is_unsafe_char(c) && !matches!(c, '\n' | '\r' | '\t');
            assert_eq!(
                may_hold_controls(&format!("\"x{c}y\"")),
                want,
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn pre_checks_never_miss_what_the_walks_find() {
        assert!(!may_hold_controls("{\n\t\"a\": \"plain \\\" text\"\r\n}"));
        assert!(may_hold_controls("{\"a\": \"line\\nbreak\"}"));
        assert!(may_hold_controls("{\"a\": \"\\u0007\"}"));
        assert!(may_hold_controls("{\"a\": \"rtl \u{202E} override\"}"));
        assert!(may_hold_controls("{\"a\": \"del \u{7f}\"}"));
        assert!(may_hold_controls("{\"a\": \"c1 \u{85}\"}"));
        assert!(may_hold_controls("{\"a\": \"isolate \u{2066}\"}"));
        assert!(!may_hold_controls(
            "{\"a\": \"dash \u{2014} quote \u{201C} arrow \u{2192}\"}"
        ));
        assert!(!may_hold_placeholders("{\"id\": \"refugees-act\"}"));
        assert!(may_hold_placeholders("{\"id\": \"todo-law\"}"));
        assert!(may_hold_placeholders("{\"title\": \"TODO: title\"}"));
    }
}
