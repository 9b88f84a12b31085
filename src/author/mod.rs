//! Authoring the data tree: the commands whose job is to change data files — bringing in a treaty's
//! status table, making skeletons of new records, giving entries the ids citations need. Each works
//! on the JSON of the files (so what it does not touch stays byte for byte as it was), shows a diff,
//! and writes atomically.

pub mod files;
pub mod import;
pub mod names;
pub mod skeleton;

use crate::model::{ids, ReservationKind};
use serde_json::{Map, Value};

/// The order of a country record's fields, as the bundled files write them.
pub const COUNTRY_FIELDS: &[&str] = &[
    "$schema",
    "iso3",
    "iso2",
    "name",
    "memberships",
    "conferences",
    "participation",
    "legislation",
    "measures",
    "notes",
];

/// The order of a participation entry's fields.
pub const PARTICIPATION_FIELDS: &[&str] = &[
    "instrument",
    "status",
    "action",
    "signature",
    "deposit",
    "deposit_period",
    "withdrawal",
    "reservations",
    "note",
    "source",
];

/// Sets `key` in a record: in place when it is there, else before the first field that `order` puts
/// after it, so that records keep the order their files use.
pub fn set_field(obj: &mut Map<String, Value>, key: &str, value: Value, order: &[&str]) {
    if let Some(v) = obj.get_mut(key) {
        *v = value;
        return;
    }
    let rank = |k: &str| order.iter().position(|x| *x == k).unwrap_or(order.len());
    let mine = rank(key);
    let at = obj.keys().position(|k| rank(k) > mine).unwrap_or(obj.len());
    obj.shift_insert(at, key.to_string(), value);
}

/// Gives every reservation and measure of a country record that has no `id` one made from its kind
/// (and, for a reservation, the articles it touches), unique in its scope, as the record's first
/// field. Returns the JSON pointer and id of each one given.
pub fn fill_missing_ids(country: &mut Value) -> Vec<(String, String)> {
    let mut given = Vec::new();
    if let Some(entries) = country
        .get_mut("participation")
        .and_then(Value::as_array_mut)
    {
        for (pi, entry) in entries.iter_mut().enumerate() {
            let Some(list) = entry.get_mut("reservations").and_then(Value::as_array_mut) else {
                continue;
            };
            give_ids(
                list,
                &format!("/participation/{pi}/reservations"),
                &mut given,
                |r| {
                    let kind = r
                        .get("kind")
                        .and_then(|k| serde_json::from_value::<ReservationKind>(k.clone()).ok())
                        .unwrap_or(ReservationKind::Reservation);
                    let articles: Vec<String> = r
                        .get("articles")
                        .and_then(|a| serde_json::from_value(a.clone()).ok())
                        .unwrap_or_default();
                    ids::reservation_id(kind, &articles)
                },
            );
        }
    }
    if let Some(list) = country.get_mut("measures").and_then(Value::as_array_mut) {
        give_ids(list, "/measures", &mut given, |m| {
            ids::slug(m.get("kind").and_then(Value::as_str).unwrap_or("measure"))
        });
    }
    given
}

fn give_ids(
    list: &mut [Value],
    at: &str,
    given: &mut Vec<(String, String)>,
    propose: impl Fn(&Value) -> String,
) {
    let mut taken: Vec<String> = list
        .iter()
        .filter_map(|x| x.get("id").and_then(Value::as_str).map(String::from))
        .collect();
    for (i, item) in list.iter_mut().enumerate() {
        if item.get("id").is_some() {
            continue;
        }
        let id = ids::unique(&propose(item), |c| taken.iter().any(|t| t == c));
        if let Some(obj) = item.as_object_mut() {
            obj.shift_insert(0, "id".into(), Value::String(id.clone()));
            taken.push(id.clone());
            given.push((format!("{at}/{i}/id"), id));
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_new_field_takes_its_place_in_the_record() {
        let mut v = serde_json::json!({"instrument": "x", "status": "party", "deposit": "2001-01-01", "source": {}});
        let obj = v.as_object_mut().unwrap();
        set_field(obj, "signature", "2000-01-01".into(), PARTICIPATION_FIELDS);
        set_field(obj, "status", "signatory".into(), PARTICIPATION_FIELDS);
        set_field(obj, "extra", 1.into(), PARTICIPATION_FIELDS);
        let keys: Vec<&String> = obj.keys().collect();
        assert_eq!(
            keys,
            [
                "instrument",
                "status",
                "signature",
                "deposit",
                "source",
                "extra"
            ]
        );
        assert_eq!(obj["status"], "signatory");
    }

    #[test]
    fn missing_ids_are_given_first_and_unique_in_their_scope() {
        let mut v = serde_json::json!({
            "participation": [{
                "instrument": "csr1951",
                "reservations": [
                    {"kind": "reservation", "articles": ["17"]},
                    {"id": "reservation-art-17", "kind": "reservation", "articles": ["17(2)"]},
                    {"kind": "declaration", "articles": []}
                ]
            }],
            "measures": [{"kind": "national-referral-mechanism"}, {"id": "x", "kind": "hotline"}]
        });
        let given = fill_missing_ids(&mut v);
        assert_eq!(
            given,
            [
                (
                    "/participation/0/reservations/0/id".to_string(),
                    "reservation-art-17-2".to_string()
                ),
                (
                    "/participation/0/reservations/2/id".to_string(),
                    "declaration".to_string()
                ),
                (
                    "/measures/0/id".to_string(),
                    "national-referral-mechanism".to_string()
                ),
            ]
        );
        let first = v["participation"][0]["reservations"][0]
            .as_object()
            .unwrap();
        assert_eq!(first.keys().next().unwrap(), "id");
        assert!(fill_missing_ids(&mut v).is_empty());
    }
}
