//! Translations of the data's texts into one language (`instruments/i18n/<lang>.json`): instrument
//! names and titles, obligation titles and summaries, plan titles, area titles, action and target
//! summaries, measure-kind labels and definitions, keyed by the ids of the records they translate.
//! Anything not translated falls back to English; `validate` reports coverage.

use super::Lang;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Translations {
    #[serde(rename = "$schema")]
    pub schema: String,
    pub lang: Lang,
    #[serde(default)]
    pub instruments: BTreeMap<String, InstrumentText>,
    #[serde(default)]
    pub obligations: BTreeMap<String, ObligationText>,
    #[serde(default)]
    pub plans: BTreeMap<String, PlanText>,
    #[serde(default)]
    pub measure_kinds: BTreeMap<String, MeasureKindText>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InstrumentText {
    pub short_name: String,
    /// The official title where the treaty has an authentic text in the language.
    pub title: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObligationText {
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanText {
    pub title: String,
    pub short_name: String,
    #[serde(default)]
    pub areas: BTreeMap<String, String>,
    #[serde(default)]
    pub actions: BTreeMap<String, String>,
    #[serde(default)]
    pub targets: BTreeMap<String, String>,
    /// Where each area, action or target stands in the source document, by its id.
    #[serde(default)]
    pub references: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureKindText {
    pub label: String,
    pub definition: String,
}

impl Translations {
    /// Every text as (`<kind>:<id>:<field>`, text), the keys the catalogue looks translations up by.
    pub fn entries(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (id, t) in &self.instruments {
            out.push((format!("instrument:{id}:short_name"), t.short_name.clone()));
            out.push((format!("instrument:{id}:title"), t.title.clone()));
        }
        for (id, t) in &self.obligations {
            out.push((format!("obligation:{id}:title"), t.title.clone()));
            out.push((format!("obligation:{id}:summary"), t.summary.clone()));
        }
        for (id, p) in &self.plans {
            out.push((format!("plan:{id}:title"), p.title.clone()));
            out.push((format!("plan:{id}:short_name"), p.short_name.clone()));
            for (a, t) in &p.areas {
                out.push((format!("area:{a}:title"), t.clone()));
            }
            for (a, t) in &p.actions {
                out.push((format!("action:{a}:summary"), t.clone()));
            }
            for (a, t) in &p.targets {
                out.push((format!("target:{a}:summary"), t.clone()));
            }
            for (a, t) in &p.references {
                out.push((format!("reference:{a}:text"), t.clone()));
            }
        }
        for (id, t) in &self.measure_kinds {
            out.push((format!("measure_kind:{id}:label"), t.label.clone()));
            out.push((
                format!("measure_kind:{id}:definition"),
                t.definition.clone(),
            ));
        }
        out
    }
}
