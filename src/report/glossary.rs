//! Plain-language glossary for briefing packs, kept as data beside the templates.

use serde::{Deserialize, Serialize};

const GLOSSARY: &str = include_str!("../../reports/glossary.json");
const GLOSSARY_FR: &str = include_str!("../../reports/i18n/glossary.fr.json");
const GLOSSARY_PT: &str = include_str!("../../reports/i18n/glossary.pt.json");
const GLOSSARY_RU: &str = include_str!("../../reports/i18n/glossary.ru.json");

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Term {
    pub term: String,
    pub definition: String,
    #[serde(default)]
    pub topics: Vec<String>,
}

/// Terms for a topic (every term when `topic` is `None`), sorted by term, in `lang` (English when the
/// language's glossary cannot be read).
pub fn terms(topic: Option<&str>, lang: crate::model::Lang) -> Vec<Term> {
    use crate::model::Lang;
    let text = match lang {
        Lang::En => GLOSSARY,
        Lang::Fr => GLOSSARY_FR,
        Lang::Pt => GLOSSARY_PT,
        Lang::Ru => GLOSSARY_RU,
    };
    let mut all: Vec<Term> = serde_json::from_str(text)
        .or_else(|_| serde_json::from_str(GLOSSARY))
        .unwrap_or_default();
    if let Some(t) = topic {
        all.retain(|x| x.topics.is_empty() || x.topics.iter().any(|y| y == t));
    }
    all.sort_by_key(|t| t.term.to_lowercase());
    all
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_language_has_the_whole_glossary() {
        use crate::model::Lang;
        let en = super::terms(None, Lang::En);
        for lang in [Lang::Fr, Lang::Pt, Lang::Ru] {
            let other = super::terms(None, lang);
            assert_eq!(other.len(), en.len(), "{}", lang.code());
            assert_ne!(other[0].term, "", "{}", lang.code());
        }
    }

    #[test]
    fn glossary_parses_and_has_core_terms() {
        let all = super::terms(None, crate::model::Lang::En);
        assert!(all.len() >= 12);
        assert!(all.iter().any(|t| t.term == "Non-refoulement"));
    }
}
