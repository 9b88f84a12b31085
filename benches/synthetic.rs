//! Synthetic catalogues for benchmarks: the bundled tree scaled to N states and M instruments.
//! States are copies of the bundled state records under generated codes (AAA, AAB, …); extra
//! instruments are copies of bundled treaties under new ids, with their participation copied too; both
//! plans count every synthetic state. Deterministic, and every generated tree validates.

use lexgap::load::tree::{read_embedded, DataFile};
use serde_json::Value;

fn code(i: usize) -> String {
    let a = (i / 676) % 26;
    let b = (i / 26) % 26;
    let c = i % 26;
    [a, b, c]
        .iter()
        .map(|&x| (b'A' + x as u8) as char)
        .collect()
}

fn parse(f: &DataFile) -> Value {
    serde_json::from_slice(&f.bytes).unwrap_or(Value::Null)
}

fn file(path: String, v: &Value) -> DataFile {
    DataFile {
        path,
        bytes: serde_json::to_vec_pretty(v).unwrap_or_default(),
    }
}

/// A data tree with `states` state records and `instruments` binding instruments.
pub fn tree(states: usize, instruments: usize) -> Vec<DataFile> {
    let base = read_embedded();
    let mut out = Vec::new();
    let treaties: Vec<Value> = base
        .iter()
        .filter(|f| f.path.starts_with("instruments/treaties/"))
        .map(parse)
        .collect();
    let countries: Vec<Value> = base
        .iter()
        .filter(|f| f.path.starts_with("countries/"))
        .map(parse)
        .collect();
    // Extra instruments: copies of bundled treaties under ids syn-000, syn-001, …
    let extra = instruments.saturating_sub(treaties.len());
    let mut clones: Vec<(String, String)> = Vec::new();
    for k in 0..extra {
        let src = &treaties[k % treaties.len()];
        let from = src["id"].as_str().unwrap_or_default().to_string();
        let id = format!("syn-{k:03}");
        let mut v = src.clone();
        v["id"] = Value::String(id.clone());
        if let Some(obls) = v.get_mut("obligations").and_then(Value::as_array_mut) {
            for o in obls.iter_mut() {
                let slug = o["id"]
                    .as_str()
                    .unwrap_or_default()
                    .split('.')
                    .nth(1)
                    .unwrap_or("x")
                    .to_string();
                o["id"] = Value::String(format!("{id}.{slug}"));
                o["depends_on"] = Value::Array(vec![]);
            }
        }
        out.push(file(format!("instruments/treaties/{id}.json"), &v));
        clones.push((from, id));
    }
    for f in &base {
        if f.path.starts_with("instruments/") && !f.path.starts_with("instruments/plans/") {
            out.push(f.clone());
        }
    }
    let codes: Vec<String> = (0..states).map(code).collect();
    for (i, iso) in codes.iter().enumerate() {
        let mut c = countries[i % countries.len()].clone();
        c["iso3"] = Value::String(iso.clone());
        c["iso2"] = Value::String(iso[1..].to_string());
        c["name"] = Value::String(format!("Synthetic state {iso}"));
        c["conferences"] = Value::Array(vec![]);
        if let Some(parts) = c["participation"].as_array_mut() {
            let copies: Vec<Value> = clones
                .iter()
                .filter_map(|(from, id)| {
                    parts
                        .iter()
                        .find(|p| p["instrument"] == from.as_str())
                        .map(|p| {
                            let mut q = p.clone();
                            q["instrument"] = Value::String(id.clone());
                            q
                        })
                })
                .collect();
            parts.extend(copies);
        }
        out.push(file(format!("countries/{iso}.json"), &c));
    }
    for f in base
        .iter()
        .filter(|f| f.path.starts_with("instruments/plans/"))
    {
        let mut p = parse(f);
        p["participants"] = Value::Array(codes.iter().map(|c| Value::String(c.clone())).collect());
        p["invited"] = Value::Array(vec![]);
        p["conference"]["host"] = Value::String(codes[0].clone());
        out.push(file(f.path.clone(), &p));
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}
