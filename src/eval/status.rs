//! Statuses and the reasons behind them. Every status carries a tree of reasons down to the facts and
//! their sources, so a reader can follow any finding to what it rests on.

use super::fact::Fact;
use crate::model::{Date, PartialDate, Source};
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

/// How strong the evidence behind a finding is, weakest first. Met, partial and a conflicting-law gap
/// need `Secondary` or `Provision` (or `Record` for what is about participation); `Law` is a lead.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Strength {
    /// Nothing on record.
    #[default]
    None,
    /// A law on the subject is identified, its provisions not read.
    Law,
    /// A depositary or registry record: participation, membership.
    Record,
    /// An authoritative report states it explicitly.
    Secondary,
    /// A provision read in the text of a law or regulation, cited by section.
    Provision,
}

impl Strength {
    pub const ALL: [Strength; 5] = [
        Strength::Provision,
        Strength::Secondary,
        Strength::Record,
        Strength::Law,
        Strength::None,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Strength::Provision => "provision",
            Strength::Secondary => "secondary",
            Strength::Record => "record",
            Strength::Law => "law",
            Strength::None => "none",
        }
    }

    /// Strong enough to decide met, partial or a conflicting-law gap on what a state does at home.
    pub fn decides(self) -> bool {
        self >= Strength::Secondary
    }
}

impl std::fmt::Display for Strength {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A citation of the source a fact came from, with the entry it sits in. `entry` names the entry by
/// its ids (`participation/csr1951`, `legislation/refugees-act-2021`), so a citation survives entries
/// being inserted or reordered in the file.
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
    /// The date the source's content reflects; `None` when it could not be established.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_to: Option<PartialDate>,
    /// What was read when it was a copy of the authority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy: Option<String>,
    pub file: String,
    pub entry: String,
}

impl Cite {
    pub fn new(src: &Source, file: &str, entry: String) -> Cite {
        Cite {
            title: src.title.clone(),
            url: src.url.clone(),
            locator: src.locator.clone(),
            accessed: src.accessed,
            verified: src.verified,
            current_to: src.current_to,
            copy: src.copy.clone(),
            file: file.to_string(),
            entry,
        }
    }

    /// Stale on `as_of`: see [`Source::is_stale`].
    pub fn is_stale(&self, as_of: Date, years: i16) -> bool {
        let Some(c) = self.current_to else {
            return true;
        };
        match as_of.checked_sub(jiff::Span::new().years(years)) {
            Ok(limit) => c.last_day() < limit,
            Err(_) => false,
        }
    }
}

/// One node of an explanation: a typed fact (words are made by the report layer), the status and
/// evidence strength it gives where it decides something, its source, and the facts beneath it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub fact: Fact,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strength: Option<Strength>,
    /// Boxed: most nodes cite nothing, and an unboxed citation made every node several times larger.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Box<Cite>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Reason>,
}

impl Reason {
    pub fn new(fact: Fact) -> Reason {
        Reason {
            fact,
            status: None,
            strength: None,
            source: None,
            children: Vec::new(),
        }
    }

    pub fn with_status(mut self, s: Status) -> Reason {
        self.status = Some(s);
        self
    }

    pub fn with_strength(mut self, s: Strength) -> Reason {
        self.strength = Some(s);
        self
    }

    pub fn cite(mut self, c: Option<Cite>) -> Reason {
        self.source = c.map(Box::new);
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

    /// Every node in the tree, depth first.
    pub fn walk<'a>(&'a self, out: &mut Vec<&'a Reason>) {
        out.push(self);
        for ch in &self.children {
            ch.walk(out);
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
