//! "Did you mean": the closest known name to a misspelt one, by edit distance, for references to ids
//! and for field names.

use crate::catalogue::Catalogue;
use std::collections::HashMap;

/// Edit distance counting insertions, deletions, substitutions and swaps of neighbours (optimal string
/// alignment), case-insensitive. Stops early past `limit`, returning `limit + 1`.
pub fn distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let w = b.len() + 1;
    let mut prev2 = vec![0usize; w];
    let mut prev: Vec<usize> = (0..w).collect();
    let mut cur = vec![0usize; w];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..w {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[w - 1]
}

/// Longest name compared; anything longer is not a misspelling worth guessing at.
const MAX_LEN: usize = 80;

/// The candidate closest to `word`, if one is close enough to be a likely misspelling: at most a third
/// of the word's length in edits (at least one), ties broken by name.
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let len = word.chars().count();
    if len == 0 || len > MAX_LEN {
        return None;
    }
    let limit = (len / 3).max(1);
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .map(|c| (distance(word, c, limit), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// Suggestions for reference diagnostics, remembered per word so many copies of one typo cost one
/// search.
pub struct Suggester<'a> {
    cat: &'a Catalogue,
    memo: HashMap<(&'static str, String, String), Option<String>>,
}

impl<'a> Suggester<'a> {
    pub fn new(cat: &'a Catalogue) -> Self {
        Suggester {
            cat,
            memo: HashMap::new(),
        }
    }

    /// The names a reference of diagnostic `code`, in `file`, could have meant.
    fn candidates(&self, code: &str, file: &str) -> Vec<&'a str> {
        let cat = self.cat;
        let instruments = || cat.instruments.keys().map(String::as_str);
        let obligations = || cat.obligations().map(|o| o.id.as_str());
        let kinds = || {
            cat.vocabulary
                .iter()
                .flat_map(|v| v.measure_kinds.iter().map(|m| m.id.as_str()))
        };
        let plan_in_file = || {
            cat.plans
                .values()
                .find(|p| cat.file_of(&format!("plan:{}", p.id)) == file)
        };
        match code {
            "unknown-instrument" => instruments().collect(),
            "unknown-obligation" => obligations().collect(),
            "unknown-reference" => obligations().chain(kinds()).chain(instruments()).collect(),
            "unknown-plan" => cat.plans.keys().map(String::as_str).collect(),
            "unknown-country" => cat.countries.keys().map(String::as_str).collect(),
            "unknown-measure-kind" => kinds().collect(),
            "unknown-body" => cat
                .vocabulary
                .iter()
                .flat_map(|v| v.regional_bodies.iter().map(|b| b.id.as_str()))
                .collect(),
            "unknown-action" => plan_in_file()
                .map(|p| p.actions().map(|(_, a)| a.id.as_str()).collect())
                .unwrap_or_default(),
            "unknown-recommendation" => plan_in_file()
                .map(|p| {
                    p.recommendations
                        .iter()
                        .flat_map(|r| r.items.iter().map(|i| i.code.as_str()))
                        .collect()
                })
                .unwrap_or_default(),
            "unknown-law" => cat
                .countries
                .values()
                .find(|c| cat.file_of(&format!("country:{}", c.iso3)) == file)
                .map(|c| c.legislation.iter().map(|l| l.id.as_str()).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// A likely meaning of `word` in a reference diagnostic `code` raised in `file`.
    pub fn suggest(&mut self, code: &'static str, file: &str, word: &str) -> Option<String> {
        // Candidates of these codes depend on the file; of the others, only on the code.
        let scope = match code {
            "unknown-action" | "unknown-recommendation" | "unknown-law" => file.to_string(),
            _ => String::new(),
        };
        let key = (code, scope, word.to_string());
        if let Some(hit) = self.memo.get(&key) {
            return hit.clone();
        }
        let found = closest(word, self.candidates(code, file)).map(str::to_string);
        self.memo.insert(key, found.clone());
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_edits_and_swaps() {
        assert_eq!(distance("csr1951", "csr1951", 3), 0);
        assert_eq!(distance("csr1915", "csr1951", 3), 1);
        assert_eq!(distance("kitten", "sitting", 5), 3);
        assert_eq!(distance("AAA", "aaa", 1), 0);
        assert_eq!(distance("abcdef", "uvwxyz", 2), 3);
    }

    #[test]
    fn suggests_only_close_names() {
        let c = ["csr1951", "prot1967", "untoc2000"];
        assert_eq!(closest("csr1915", c), Some("csr1951"));
        assert_eq!(closest("prot1976", c), Some("prot1967"));
        assert_eq!(closest("zzz", c), None);
        assert_eq!(closest("csr1951", c), None);
    }
}
