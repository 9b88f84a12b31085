//! Tidy exports, one fact a row: participation, obligations, plan actions and targets, and the wide
//! state × instrument matrix. CSV is UTF-8 with RFC 4180 quoting; JSON is an array of row objects.

use crate::catalogue::Catalogue;
use crate::eval::{facts, Evaluation, Standing};
use crate::model::{Criterion, Date, ReservationKind, Threshold};
use serde_json::{Map, Value};

/// A table: the header and its rows, all text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn to_csv(&self, excel_bom: bool) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        if excel_bom {
            out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
        }
        {
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(&mut out);
            w.write_record(self.headers.iter().map(|c| neutralise(c).into_owned()))
                .map_err(|e| e.to_string())?;
            for r in &self.rows {
                w.write_record(r.iter().map(|c| neutralise(c).into_owned()))
                    .map_err(|e| e.to_string())?;
            }
            w.flush().map_err(|e| e.to_string())?;
        }
        Ok(out)
    }

    pub fn to_json(&self) -> String {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|r| {
                Value::Object(
                    self.headers
                        .iter()
                        .zip(r)
                        .map(|(h, v)| (h.clone(), Value::String(v.clone())))
                        .collect::<Map<_, _>>(),
                )
            })
            .collect();
        serde_json::to_string_pretty(&rows)
            .map(|s| s + "\n")
            .unwrap_or_default()
    }
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
/// first) gets a leading apostrophe, so it is shown as text.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Typed rows as CSV: one column per field in declaration order; null as an empty cell.
pub fn rows_to_csv<T: serde::Serialize>(rows: &[T], excel_bom: bool) -> Result<Vec<u8>, String> {
    let values: Vec<Value> = rows
        .iter()
        .map(|r| serde_json::to_value(r).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    let headers: Vec<String> = match values.first() {
        Some(Value::Object(m)) => m.keys().cloned().collect(),
        _ => Vec::new(),
    };
    let table = Table {
        headers: headers.clone(),
        rows: values
            .iter()
            .map(|v| {
                headers
                    .iter()
                    .map(|h| match v.get(h) {
                        None | Some(Value::Null) => String::new(),
                        Some(Value::String(s)) => s.clone(),
                        Some(other) => other.to_string(),
                    })
                    .collect()
            })
            .collect(),
    };
    table.to_csv(excel_bom)
}

/// Typed rows as a JSON array, numbers, booleans and nulls kept as such.
pub fn rows_to_json<T: serde::Serialize>(rows: &[T]) -> Result<String, String> {
    serde_json::to_string_pretty(rows)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())
}

fn names(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn opt(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// `iso3,instrument,status,action,date,signature_date,reservations` as of a date.
pub fn participation(cat: &Catalogue, as_of: Date) -> Table {
    let mut rows = Vec::new();
    for c in cat.countries.values() {
        for t in cat.treaties() {
            let p = c.participation_in(&t.id);
            let st = facts::standing(p, as_of);
            let status = st
                .as_status()
                .map(|s| s.as_str().to_string())
                .unwrap_or_else(|| "unknown".into());
            let (action, date) = match st {
                // A year or month stands where the day is not on record (ISO 8601 reduced precision).
                Standing::Party { action, .. } => (
                    action.map(|a| a.as_str().to_string()).unwrap_or_default(),
                    st.joined().unwrap_or_default(),
                ),
                Standing::Withdrawn { .. } => (
                    p.and_then(|p| p.action)
                        .map(|a| a.as_str().to_string())
                        .unwrap_or_default(),
                    opt(p.and_then(|p| p.deposit)),
                ),
                _ => (String::new(), String::new()),
            };
            let signature = opt(p.and_then(|p| p.signature).filter(|s| *s <= as_of));
            let reservations = match (st, p) {
                (Standing::Party { .. }, Some(p)) => {
                    let mut v: Vec<String> = Vec::new();
                    for (_, r) in facts::reservations_in_force(p, as_of) {
                        if r.kind == ReservationKind::GeographicLimitation {
                            v.push("geographic-limitation".into());
                        } else {
                            v.extend(r.articles.iter().cloned());
                        }
                    }
                    v.dedup();
                    v.join(";")
                }
                _ => String::new(),
            };
            rows.push(vec![
                c.iso3.clone(),
                t.id.clone(),
                status,
                action,
                date,
                signature,
                reservations,
            ]);
        }
    }
    Table {
        headers: names(&[
            "iso3",
            "instrument",
            "status",
            "action",
            "date",
            "signature_date",
            "reservations",
        ]),
        rows,
    }
}

pub fn obligations(cat: &Catalogue) -> Table {
    let rows = cat
        .obligations()
        .map(|o| {
            vec![
                o.id.clone(),
                o.instrument_id().to_string(),
                o.articles.join(";"),
                serde_json::to_value(o.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                o.reservable.to_string(),
                o.requires.join(";"),
                o.depends_on.join(";"),
                o.label().to_string(),
                o.summary.clone(),
            ]
        })
        .collect();
    Table {
        headers: names(&[
            "id",
            "instrument",
            "articles",
            "kind",
            "reservable",
            "requires",
            "depends_on",
            "title",
            "summary",
        ]),
        rows,
    }
}

fn criterion_kind(c: Option<&Criterion>) -> String {
    match c {
        None => "not-assessed".into(),
        Some(c) => serde_json::to_value(c)
            .ok()
            .and_then(|v| v.as_object().and_then(|o| o.keys().next().cloned()))
            .unwrap_or_default(),
    }
}

pub fn actions(cat: &Catalogue, plan: Option<&str>) -> Table {
    let mut rows = Vec::new();
    for p in cat
        .plans
        .values()
        .filter(|p| plan.is_none_or(|x| x == p.id))
    {
        for (area, a) in p.actions() {
            rows.push(vec![
                a.id.clone(),
                p.id.clone(),
                area.id.clone(),
                a.summary.clone(),
                a.reference.clone(),
                a.recommendations.join("; "),
                criterion_kind(a.criterion.as_ref()),
                a.criterion
                    .as_ref()
                    .and_then(|c| serde_json::to_string(c).ok())
                    .unwrap_or_default(),
                p.deadline.to_string(),
            ]);
        }
    }
    Table {
        headers: names(&[
            "id",
            "plan",
            "area",
            "summary",
            "reference",
            "recommendations",
            "criterion_kind",
            "criterion",
            "due",
        ]),
        rows,
    }
}

pub fn targets(cat: &Catalogue, plan: Option<&str>, ev: Option<&Evaluation>) -> Table {
    let mut rows = Vec::new();
    for p in cat
        .plans
        .values()
        .filter(|p| plan.is_none_or(|x| x == p.id))
    {
        let pe = ev.and_then(|e| e.plans.get(&p.id));
        for (area, t) in p.targets() {
            let threshold = match (&t.regional, t.threshold) {
                (Some(r), _) => format!("regional: {} evidence record(s)", r.needed),
                (None, Some(Threshold::All)) => "all".into(),
                (None, Some(Threshold::AtLeast { at_least })) => format!("at_least {at_least}"),
                (None, None) => "not-assessed".into(),
            };
            let te = pe.and_then(|pe| pe.targets.iter().find(|x| x.id == t.id));
            rows.push(vec![
                t.id.clone(),
                p.id.clone(),
                area.id.clone(),
                t.summary.clone(),
                t.reference.clone(),
                threshold,
                if t.regional.is_some() {
                    "regional".into()
                } else {
                    criterion_kind(t.criterion.as_ref())
                },
                t.due.to_string(),
                te.and_then(|x| x.at_due.as_ref())
                    .map(super::plan::progress_summary)
                    .unwrap_or_default(),
                te.and_then(|x| x.at_due.as_ref())
                    .map(|p| p.status.as_str().to_string())
                    .unwrap_or_default(),
                te.map(|x| super::plan::progress_summary(&x.now))
                    .unwrap_or_default(),
                te.map(|x| x.now.status.as_str().to_string())
                    .unwrap_or_default(),
            ]);
        }
    }
    Table {
        headers: names(&[
            "id",
            "plan",
            "area",
            "summary",
            "reference",
            "threshold",
            "criterion_kind",
            "due",
            "at_due",
            "at_due_status",
            "now",
            "now_status",
        ]),
        rows,
    }
}

/// Wide table: one row per state, one column per treaty, cells the participation status on the date.
pub fn matrix(cat: &Catalogue, as_of: Date) -> Table {
    let treaties: Vec<&str> = cat.treaties().map(|t| t.id.as_str()).collect();
    let mut headers = names(&["iso3", "name"]);
    headers.extend(treaties.iter().map(|t| t.to_string()));
    let rows = cat
        .countries
        .values()
        .map(|c| {
            let mut r = vec![c.iso3.clone(), c.name.clone()];
            for t in &treaties {
                let st = facts::standing(c.participation_in(t), as_of);
                r.push(
                    st.as_status()
                        .map(|s| s.as_str().to_string())
                        .unwrap_or_else(|| "unknown".into()),
                );
            }
            r
        })
        .collect();
    Table { headers, rows }
}
