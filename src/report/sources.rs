//! Numbered footnotes: every source a report cites, once, in order of first use.

use crate::eval::{Cite, Reason};
use crate::model::Date;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Footnote {
    pub n: usize,
    pub title: String,
    pub url: Option<String>,
    pub locator: Option<String>,
    pub accessed: String,
    pub verified: Option<String>,
    /// The date the source's content reflects, when known.
    pub current_to: Option<String>,
    /// What was read, when it was a copy of the authority.
    pub copy: Option<String>,
    /// Current to more than the staleness limit before the evaluation date, or currency unknown.
    pub stale: bool,
    /// Never checked against the source.
    pub unverified: bool,
    pub file: String,
}

/// What "stale" means for a run: sources whose content is current to more than `stale_years` before
/// `today` (the evaluation date), or whose currency is not known.
#[derive(Debug, Clone, Copy)]
pub struct Freshness {
    pub today: Date,
    pub stale_years: i16,
}

impl Freshness {
    /// The same limit, measured from another evaluation date.
    pub fn at(self, as_of: Date) -> Freshness {
        Freshness {
            today: as_of,
            ..self
        }
    }
}

#[derive(Debug, Clone)]
pub struct Sources {
    pub notes: Vec<Footnote>,
    today: Date,
    stale_years: i16,
}

impl Sources {
    pub fn new(f: Freshness) -> Sources {
        Sources {
            notes: Vec::new(),
            today: f.today,
            stale_years: f.stale_years,
        }
    }

    /// The footnote number for a citation, adding it if new.
    pub fn cite(&mut self, c: &Cite) -> usize {
        if let Some(f) = self.notes.iter().find(|f| {
            // The same page read at another currency, or from another copy, is another source.
            f.title == c.title
                && f.url == c.url
                && f.locator == c.locator
                && f.current_to == c.current_to.map(|d| d.to_string())
                && f.copy == c.copy
        }) {
            return f.n;
        }
        let n = self.notes.len() + 1;
        self.notes.push(Footnote {
            n,
            title: c.title.clone(),
            url: c.url.clone(),
            locator: c.locator.clone(),
            accessed: c.accessed.to_string(),
            verified: c.verified.map(|d| d.to_string()),
            current_to: c.current_to.map(|d| d.to_string()),
            copy: c.copy.clone(),
            stale: c.is_stale(self.today, self.stale_years),
            unverified: c.verified.is_none(),
            file: c.file.clone(),
        });
        n
    }

    /// Footnote numbers for every citation in a reason tree.
    pub fn cite_reason(&mut self, r: &Reason) -> Vec<usize> {
        let mut cites = Vec::new();
        r.cites(&mut cites);
        let mut ns: Vec<usize> = cites.into_iter().map(|c| self.cite(c)).collect();
        ns.sort_unstable();
        ns.dedup();
        ns
    }
}
