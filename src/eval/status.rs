//! Statuses and the reasons behind them. Every status carries a tree of reasons down to the facts and
//! their sources, so a reader can follow any finding to what it rests on.

use crate::model::{Date, Source};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Met,
    Partial,
    Gap,
    Blocked,
    Unknown,
    NotApplicable,
    /// A plan item that country facts cannot judge; never counted as met or gap.
    NotAssessed,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Met,
        Status::Partial,
        Status::Gap,
        Status::Blocked,
        Status::Unknown,
        Status::NotApplicable,
        Status::NotAssessed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Partial => "partial",
            Status::Gap => "gap",
            Status::Blocked => "blocked",
            Status::Unknown => "unknown",
            Status::NotApplicable => "not-applicable",
            Status::NotAssessed => "not-assessed",
        }
    }

    /// Open items a state still has to act on.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Gap | Status::Blocked | Status::Partial)
    }

    /// Three-valued conjunction: any gap decides; then blocked; an unknown leaves it open.
    pub fn all(items: impl IntoIterator<Item = Status>) -> Status {
        let v: Vec<Status> = items
            .into_iter()
            .filter(|s| !matches!(s, Status::NotApplicable | Status::NotAssessed))
            .collect();
        if v.is_empty() {
            return Status::Unknown;
        }
        for s in [
            Status::Gap,
            Status::Blocked,
            Status::Unknown,
            Status::Partial,
        ] {
            if v.contains(&s) {
                return s;
            }
        }
        Status::Met
    }

    /// Three-valued disjunction: any met decides; an unknown could still be met, so it beats partial.
    pub fn any(items: impl IntoIterator<Item = Status>) -> Status {
        let v: Vec<Status> = items
            .into_iter()
            .filter(|s| !matches!(s, Status::NotApplicable | Status::NotAssessed))
            .collect();
        if v.is_empty() {
            return Status::Unknown;
        }
        for s in [
            Status::Met,
            Status::Unknown,
            Status::Partial,
            Status::Blocked,
        ] {
            if v.contains(&s) {
                return s;
            }
        }
        Status::Gap
    }

    pub fn negate(self) -> Status {
        match self {
            Status::Met => Status::Gap,
            Status::Gap | Status::Blocked => Status::Met,
            other => other,
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A citation of the source a fact came from, with where the fact sits in the data tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cite {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    pub accessed: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<Date>,
    pub file: String,
    pub pointer: String,
}

impl Cite {
    pub fn new(src: &Source, file: &str, pointer: String) -> Cite {
        Cite {
            title: src.title.clone(),
            url: src.url.clone(),
            locator: src.locator.clone(),
            accessed: src.accessed,
            verified: src.verified,
            file: file.to_string(),
            pointer,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Cite>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Reason>,
}

impl Reason {
    pub fn new(text: impl Into<String>) -> Reason {
        Reason {
            text: text.into(),
            status: None,
            source: None,
            children: Vec::new(),
        }
    }

    pub fn with_status(mut self, s: Status) -> Reason {
        self.status = Some(s);
        self
    }

    pub fn cite(mut self, c: Option<Cite>) -> Reason {
        self.source = c;
        self
    }

    pub fn child(mut self, r: Reason) -> Reason {
        self.children.push(r);
        self
    }

    pub fn children(mut self, rs: impl IntoIterator<Item = Reason>) -> Reason {
        self.children.extend(rs);
        self
    }

    /// Every citation in the tree, depth first.
    pub fn cites<'a>(&'a self, out: &mut Vec<&'a Cite>) {
        if let Some(c) = &self.source {
            out.push(c);
        }
        for ch in &self.children {
            ch.cites(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Status::*;
    use super::*;

    #[test]
    fn unknown_propagates_honestly() {
        assert_eq!(Status::all([Met, Unknown]), Unknown);
        assert_eq!(Status::all([Gap, Unknown]), Gap);
        assert_eq!(Status::any([Met, Unknown]), Met);
        assert_eq!(Status::any([Gap, Unknown]), Unknown);
        assert_eq!(Status::any([Gap, Partial]), Partial);
        assert_eq!(Unknown.negate(), Unknown);
        assert_eq!(Gap.negate(), Met);
    }
}
