//! Plain-language glossary for briefing packs, kept as data beside the templates.

use serde::{Deserialize, Serialize};

const GLOSSARY: &str = include_str!("../../reports/glossary.json");

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Term {
    pub term: String,
    pub definition: String,
    #[serde(default)]
    pub topics: Vec<String>,
}

/// Terms for a topic (every term when `topic` is `None`), sorted by term.
pub fn terms(topic: Option<&str>) -> Vec<Term> {
    let mut all: Vec<Term> = serde_json::from_str(GLOSSARY).unwrap_or_default();
    if let Some(t) = topic {
        all.retain(|x| x.topics.is_empty() || x.topics.iter().any(|y| y == t));
    }
    all.sort_by_key(|t| t.term.to_lowercase());
    all
}

#[cfg(test)]
mod tests {
    #[test]
    fn glossary_parses_and_has_core_terms() {
        let all = super::terms(None);
        assert!(all.len() >= 12);
        assert!(all.iter().any(|t| t.term == "Non-refoulement"));
    }
}
