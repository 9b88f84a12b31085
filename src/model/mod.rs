//! Typed records of the data tree. The JSON Schemas in `schemas/` are generated from these types
//! ([`schema`]), and every struct refuses unknown fields, so a typo in a data file is an error rather
//! than a silently ignored fact.

mod country;
pub mod ids;
mod instrument;
mod lang;
mod period;
mod plan;
pub mod schema;
mod source;
mod translations;
mod vocabulary;

pub use country::*;
pub use instrument::*;
pub use lang::Lang;
pub use period::{PartialDate, Period};
pub use plan::*;
pub use source::*;
pub use translations::*;
pub use vocabulary::*;

/// Calendar date; `2011-02-30` fails to parse.
pub type Date = jiff::civil::Date;

/// Topics used to group instruments, obligations and actions in briefing packs.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    Trafficking,
    Smuggling,
    Refugees,
    Statelessness,
    Labour,
    Detention,
    Children,
    Borders,
    Rights,
}

impl Topic {
    pub const ALL: [Topic; 9] = [
        Topic::Trafficking,
        Topic::Smuggling,
        Topic::Refugees,
        Topic::Statelessness,
        Topic::Labour,
        Topic::Detention,
        Topic::Children,
        Topic::Borders,
        Topic::Rights,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Trafficking => "trafficking",
            Topic::Smuggling => "smuggling",
            Topic::Refugees => "refugees",
            Topic::Statelessness => "statelessness",
            Topic::Labour => "labour",
            Topic::Detention => "detention",
            Topic::Children => "children",
            Topic::Borders => "borders",
            Topic::Rights => "rights",
        }
    }

    pub fn parse(s: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// The base article an article reference cites: `1B(1)` → `1B`, `37 (2)` → `37`.
pub fn article_base(reference: &str) -> &str {
    let end = reference.find(['(', ' ', '.']).unwrap_or(reference.len());
    &reference[..end]
}

/// Whether `reference` cites an article in `articles`: the base itself, or its leading number
/// (`1B` is paragraph B of article `1` in the 1951 Convention).
pub fn article_listed(articles: &[String], reference: &str) -> bool {
    let base = article_base(reference);
    if articles.iter().any(|a| a == base) {
        return true;
    }
    let digits: String = base.chars().take_while(|c| c.is_ascii_digit()).collect();
    !digits.is_empty() && articles.contains(&digits)
}

/// Whether two article references touch the same article (compared on their listed base).
pub fn same_article(articles: &[String], a: &str, b: &str) -> bool {
    let norm = |r: &str| -> String {
        let base = article_base(r);
        if articles.iter().any(|x| x == base) {
            return base.to_string();
        }
        let digits: String = base.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() {
            base.to_string()
        } else {
            digits
        }
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_base_strips_paragraphs() {
        assert_eq!(article_base("1B(1)"), "1B");
        assert_eq!(article_base("37(2)"), "37");
        assert_eq!(article_base("I"), "I");
    }

    #[test]
    fn article_listed_falls_back_to_leading_number() {
        let arts: Vec<String> = ["1", "2", "33"].iter().map(|s| s.to_string()).collect();
        assert!(article_listed(&arts, "1B(1)"));
        assert!(article_listed(&arts, "33(2)"));
        assert!(!article_listed(&arts, "34"));
        assert!(!article_listed(&arts, "B"));
    }
}
