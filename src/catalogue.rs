//! The immutable, validated catalogue every evaluation reads: instruments, countries, plans and the
//! vocabulary, indexed by id.

use crate::graph::ObligationGraph;
use crate::model::{Country, Instrument, Lang, Level, Obligation, Plan, Vocabulary};
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub vocabulary: Option<Vocabulary>,
    pub instruments: BTreeMap<String, Instrument>,
    pub countries: BTreeMap<String, Country>,
    pub plans: BTreeMap<String, Plan>,
    /// Obligation id → (instrument id, index in its `obligations`).
    obligations: BTreeMap<String, (String, usize)>,
    /// Record key (`instrument:<id>`, `country:<ISO3>`, `plan:<id>`) → file it came from.
    pub files: BTreeMap<String, String>,
    /// The obligation graph, built on first use and then shared by every evaluation and report.
    graph: OnceLock<ObligationGraph>,
    /// Translations of data texts: (language, `<kind>:<id>:<field>`) → text.
    translations: BTreeMap<(Lang, String), String>,
}

impl Catalogue {
    pub fn new(
        vocabulary: Option<Vocabulary>,
        instruments: BTreeMap<String, Instrument>,
        countries: BTreeMap<String, Country>,
        plans: BTreeMap<String, Plan>,
        files: BTreeMap<String, String>,
    ) -> Self {
        let mut c = Catalogue {
            vocabulary,
            instruments,
            countries,
            plans,
            obligations: BTreeMap::new(),
            files,
            graph: OnceLock::new(),
            translations: BTreeMap::new(),
        };
        c.reindex();
        c
    }

    /// The obligation graph of this catalogue, built once.
    pub fn graph(&self) -> &ObligationGraph {
        self.graph.get_or_init(|| ObligationGraph::build(self))
    }

    /// Rebuilds the obligation index and graph (after hypothetical facts are added, for example).
    pub fn reindex(&mut self) {
        self.graph = OnceLock::new();
        self.obligations = self
            .instruments
            .values()
            .flat_map(|i| {
                i.obligations
                    .iter()
                    .enumerate()
                    .map(move |(n, o)| (o.id.clone(), (i.id.clone(), n)))
            })
            .collect();
    }

    pub fn obligation(&self, id: &str) -> Option<&Obligation> {
        let (inst, n) = self.obligations.get(id)?;
        self.instruments.get(inst)?.obligations.get(*n)
    }

    pub fn obligations(&self) -> impl Iterator<Item = &Obligation> {
        self.instruments.values().flat_map(|i| i.obligations.iter())
    }

    /// Binding instruments, which take ratifications, in id order.
    pub fn treaties(&self) -> impl Iterator<Item = &Instrument> {
        self.instruments.values().filter(|i| i.kind.is_binding())
    }

    pub fn is_measure_kind(&self, id: &str) -> bool {
        self.vocabulary
            .as_ref()
            .is_some_and(|v| v.measure_kinds.iter().any(|m| m.id == id))
    }

    /// A measure kind that only says a law on the subject exists (`refugee-law`).
    pub fn is_subject_kind(&self, id: &str) -> bool {
        self.vocabulary.as_ref().is_some_and(|v| {
            v.measure_kinds
                .iter()
                .any(|m| m.id == id && m.level == Level::Subject)
        })
    }

    pub fn measure_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.vocabulary
            .as_ref()
            .and_then(|v| v.measure_kinds.iter().find(|m| m.id == id))
            .map(|m| m.label.as_str())
            .unwrap_or(id)
    }

    pub fn is_body(&self, id: &str) -> bool {
        self.vocabulary
            .as_ref()
            .is_some_and(|v| v.regional_bodies.iter().any(|b| b.id == id))
    }

    /// The plan an action or target id belongs to, with it.
    pub fn plan_of_action(&self, action: &str) -> Option<&Plan> {
        self.plans.values().find(|p| p.action(action).is_some())
    }

    pub fn file_of(&self, key: &str) -> &str {
        self.files.get(key).map(String::as_str).unwrap_or("")
    }

    /// A data text in `lang`, else its English original. `key` is `<kind>:<id>:<field>`.
    pub fn text<'a>(&'a self, lang: Lang, key: &str, english: &'a str) -> &'a str {
        if lang == Lang::En {
            return english;
        }
        self.translations
            .get(&(lang, key.to_string()))
            .map(String::as_str)
            .unwrap_or(english)
    }

    /// Whether a data text has a translation into `lang`.
    pub fn has_text(&self, lang: Lang, key: &str) -> bool {
        lang == Lang::En || self.translations.contains_key(&(lang, key.to_string()))
    }

    /// Whether a translation key (`<kind>:<id>:<field>`) names a text the catalogue has.
    pub fn knows_text(&self, key: &str) -> bool {
        let mut parts = key.splitn(3, ':');
        let (kind, id) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        match kind {
            "instrument" => self.instruments.contains_key(id),
            "obligation" => self.obligation(id).is_some(),
            "plan" => self.plans.contains_key(id),
            "area" => self
                .plans
                .values()
                .any(|p| p.areas.iter().any(|a| a.id == id)),
            "action" => self.plan_of_action(id).is_some(),
            "target" => self
                .plans
                .values()
                .any(|p| p.targets().any(|(_, t)| t.id == id)),
            "measure_kind" => self.is_measure_kind(id),
            "reference" => ["area", "action", "target"]
                .iter()
                .any(|k| self.knows_text(&format!("{k}:{id}"))),
            _ => false,
        }
    }

    /// Of the obligations' and plan items' texts, how many have a translation into `lang`.
    pub fn translation_coverage(&self, lang: Lang) -> (usize, usize) {
        let mut keys: Vec<String> = Vec::new();
        for o in self.obligations() {
            keys.push(format!("obligation:{}:title", o.id));
            keys.push(format!("obligation:{}:summary", o.id));
        }
        for p in self.plans.values() {
            keys.extend(p.actions().map(|(_, a)| format!("action:{}:summary", a.id)));
            keys.extend(p.targets().map(|(_, t)| format!("target:{}:summary", t.id)));
            keys.extend(p.actions().map(|(_, a)| format!("reference:{}:text", a.id)));
            keys.extend(p.targets().map(|(_, t)| format!("reference:{}:text", t.id)));
        }
        let done = keys.iter().filter(|k| self.has_text(lang, k)).count();
        (done, keys.len())
    }

    /// Records a translation (the loader calls it for every `i18n` entry of the data).
    pub fn add_text(&mut self, lang: Lang, key: String, text: String) {
        self.translations.insert((lang, key), text);
    }

    pub fn instrument_name_in<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        let en = self.instrument_name(id);
        self.text(lang, &format!("instrument:{id}:short_name"), en)
    }

    pub fn measure_label_in<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        let en = self.measure_label(id);
        self.text(lang, &format!("measure_kind:{id}:label"), en)
    }

    pub fn instrument_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.instruments
            .get(id)
            .map(|i| i.short_name.as_str())
            .unwrap_or(id)
    }
}
