//! Tidy exports, one fact a row: participation, obligations, plan actions and targets, and the wide
//! state × instrument matrix. CSV is UTF-8 with RFC 4180 quoting; JSON is an array of row objects.

use crate::catalogue::Catalogue;
use crate::eval::{Evaluation, Standing, Status, Strength};
use crate::model::{Criterion, ReservationKind, Threshold};
use serde::Serialize;
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
    // One row at a time, so a long table is held once, as the bytes written.
    let cell = |v: Option<&Value>| match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        // Lists are `;`-separated, never JSON inside a cell.
        Some(Value::Array(items)) => items
            .iter()
            .map(|x| match x {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join(";"),
        Some(other) => other.to_string(),
    };
    let mut out = Vec::new();
    if excel_bom {
        out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
    }
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let mut headers: Option<Vec<String>> = None;
        for r in rows {
            let v = serde_json::to_value(r).map_err(|e| e.to_string())?;
            if headers.is_none() {
                // The first row's fields name the columns.
                let hs: Vec<String> = match &v {
                    Value::Object(m) => m.keys().cloned().collect(),
                    _ => Vec::new(),
                };
                w.write_record(hs.iter().map(|c| neutralise(c).into_owned()))
                    .map_err(|e| e.to_string())?;
                headers = Some(hs);
            }
            let hs = headers.as_deref().unwrap_or_default();
            w.write_record(hs.iter().map(|h| neutralise(&cell(v.get(h))).into_owned()))
                .map_err(|e| e.to_string())?;
        }
        if headers.is_none() {
            w.write_record(std::iter::empty::<String>())
                .map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok(out)
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

/// One state's participation in one treaty on the evaluation date. The first seven columns are a
/// contract; `current_to` follows them.
#[derive(Debug, Clone, Serialize)]
pub struct ParticipationRow {
    pub iso3: String,
    pub instrument: String,
    /// party, signatory, not-party, withdrawn or unknown.
    pub status: String,
    pub action: Option<String>,
    /// Day of deposit; its year or month where the source gives no day (ISO 8601 reduced precision).
    pub date: Option<String>,
    pub signature_date: Option<String>,
    /// Articles touched by reservations in force, or `geographic-limitation`; `;`-separated in CSV.
    pub reservations: Vec<String>,
    pub current_to: Option<String>,
}

/// Participation as the evaluation has it on its date.
pub fn participation(ev: &Evaluation) -> Vec<ParticipationRow> {
    let mut rows = Vec::new();
    for c in ev.countries.values() {
        for i in &c.instruments {
            let mut reservations: Vec<String> = Vec::new();
            if i.standing.is_party() {
                for r in i
                    .reservations
                    .iter()
                    .filter(|r| r.in_force && r.kind != ReservationKind::Declaration)
                {
                    if r.kind == ReservationKind::GeographicLimitation {
                        reservations.push("geographic-limitation".into());
                    } else {
                        reservations.extend(r.articles.iter().cloned());
                    }
                }
                reservations.dedup();
            }
            let (action, date) = match i.standing {
                Standing::Party { .. } => (
                    i.action.map(|a| a.as_str().to_string()),
                    i.standing.joined(),
                ),
                Standing::Withdrawn { .. } => {
                    (i.action.map(|a| a.as_str().to_string()), i.deposit.clone())
                }
                _ => (None, None),
            };
            rows.push(ParticipationRow {
                iso3: c.iso3.clone(),
                instrument: i.id.clone(),
                status: i
                    .standing
                    .as_status()
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_else(|| "unknown".into()),
                action,
                date,
                signature_date: i.signature.map(|d| d.to_string()),
                reservations,
                current_to: i.current_to.map(|d| d.to_string()),
            });
        }
    }
    rows
}

#[derive(Debug, Clone, Serialize)]
pub struct ObligationRow {
    pub id: String,
    pub instrument: String,
    pub articles: Vec<String>,
    pub kind: String,
    pub reservable: bool,
    pub requires: Vec<String>,
    pub depends_on: Vec<String>,
    pub title: String,
    pub summary: String,
}

pub fn obligations(cat: &Catalogue) -> Vec<ObligationRow> {
    cat.obligations()
        .map(|o| ObligationRow {
            id: o.id.clone(),
            instrument: o.instrument_id().to_string(),
            articles: o.articles.clone(),
            kind: serde_json::to_value(o.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            reservable: o.reservable,
            requires: o.requires.clone(),
            depends_on: o.depends_on.clone(),
            title: o.label().to_string(),
            summary: o.summary.clone(),
        })
        .collect()
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

/// The ids a criterion names (treaties, obligations, measure kinds, bodies, actions), in order.
fn criterion_names(c: Option<&Criterion>) -> Vec<String> {
    let mut leaves = Vec::new();
    if let Some(c) = c {
        c.leaves(&mut leaves);
    }
    let mut out: Vec<String> = Vec::new();
    for l in leaves {
        let id = match l {
            Criterion::Party(t) | Criterion::NoReservations(t) => t.id().to_string(),
            Criterion::Signed(x)
            | Criterion::Implements(x)
            | Criterion::Measure(x)
            | Criterion::NoConflict(x)
            | Criterion::MemberOf(x)
            | Criterion::Action(x) => x.clone(),
            _ => continue,
        };
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionRow {
    pub id: String,
    pub plan: String,
    pub area: String,
    pub summary: String,
    pub reference: String,
    pub recommendations: Vec<String>,
    /// The criterion's top-level form (`party`, `each`, `all` …), or `not-assessed`.
    pub criterion_kind: String,
    /// The ids the criterion names; `;`-separated in CSV.
    pub criterion_names: Vec<String>,
    pub due: String,
}

pub fn actions(cat: &Catalogue, plan: Option<&str>) -> Vec<ActionRow> {
    let mut rows = Vec::new();
    for p in cat
        .plans
        .values()
        .filter(|p| plan.is_none_or(|x| x == p.id))
    {
        for (area, a) in p.actions() {
            rows.push(ActionRow {
                id: a.id.clone(),
                plan: p.id.clone(),
                area: area.id.clone(),
                summary: a.summary.clone(),
                reference: a.reference.clone(),
                recommendations: a.recommendations.clone(),
                criterion_kind: criterion_kind(a.criterion.as_ref()),
                criterion_names: criterion_names(a.criterion.as_ref()),
                due: p.deadline.to_string(),
            });
        }
    }
    rows
}

/// One target, read at its deadline and on the evaluation date, with counts as numbers.
#[derive(Debug, Clone, Serialize)]
pub struct TargetRow {
    pub id: String,
    pub plan: String,
    pub area: String,
    pub summary: String,
    pub reference: String,
    /// `at_least`, `all`, `regional` or `not-assessed`.
    pub threshold_kind: String,
    /// States (or, for a regional target, evidence records) needed.
    pub threshold: Option<u32>,
    pub criterion_kind: String,
    pub due: String,
    /// Empty while the deadline is after the evaluation date.
    pub at_due_status: Option<Status>,
    pub at_due_count: Option<usize>,
    pub now_status: Status,
    pub now_count: usize,
    /// Participants counted over; 0 for a regional target.
    pub of: usize,
    pub needed: usize,
    pub strength: Strength,
}

pub fn targets(cat: &Catalogue, plan: Option<&str>, ev: &Evaluation) -> Vec<TargetRow> {
    let mut rows = Vec::new();
    for p in cat
        .plans
        .values()
        .filter(|p| plan.is_none_or(|x| x == p.id))
    {
        let Some(pe) = ev.plans.get(&p.id) else {
            continue;
        };
        for (area, t) in p.targets() {
            let Some(te) = pe.targets.iter().find(|x| x.id == t.id) else {
                continue;
            };
            let (threshold_kind, threshold) = match (&t.regional, t.threshold) {
                (Some(r), _) => ("regional", Some(r.needed)),
                (None, Some(Threshold::All)) => ("all", Some(p.participants.len() as u32)),
                (None, Some(Threshold::AtLeast { at_least })) => ("at_least", Some(at_least)),
                (None, None) => ("not-assessed", None),
            };
            rows.push(TargetRow {
                id: t.id.clone(),
                plan: p.id.clone(),
                area: area.id.clone(),
                summary: t.summary.clone(),
                reference: t.reference.clone(),
                threshold_kind: threshold_kind.into(),
                threshold,
                criterion_kind: if t.regional.is_some() {
                    "regional".into()
                } else {
                    criterion_kind(t.criterion.as_ref())
                },
                due: t.due.to_string(),
                at_due_status: te.at_due.as_ref().map(|x| x.status),
                at_due_count: te.at_due.as_ref().map(|x| x.count),
                now_status: te.now.status,
                now_count: te.now.count,
                of: te.now.of,
                needed: te.now.needed,
                strength: te.now.strength,
            });
        }
    }
    rows
}

/// Wide table: one row per state, one column per treaty, cells the participation status on the date.
pub fn matrix(cat: &Catalogue, ev: &Evaluation) -> Table {
    let treaties: Vec<&str> = cat.treaties().map(|t| t.id.as_str()).collect();
    let mut headers = names(&["iso3", "name"]);
    headers.extend(treaties.iter().map(|t| t.to_string()));
    let rows = cat
        .countries
        .values()
        .map(|c| {
            let mut r = vec![c.iso3.clone(), c.name.clone()];
            let ce = ev.countries.get(&c.iso3);
            for t in &treaties {
                r.push(
                    ce.and_then(|ce| ce.instrument(t))
                        .and_then(|i| i.standing.as_status())
                        .map(|s| s.as_str().to_string())
                        .unwrap_or_else(|| "unknown".into()),
                );
            }
            r
        })
        .collect();
    Table { headers, rows }
}
