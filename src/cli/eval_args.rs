//! The evaluation date every evaluating command takes, and resolving ids given on the command line.

use super::data::{parse_date, today};
use super::CliError;
use crate::catalogue::Catalogue;
use crate::model::{Date, Plan};

#[derive(Debug, Clone, clap::Args)]
pub struct AsOf {
    /// Evaluate the facts as they stood on this date (default: today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
}

impl AsOf {
    pub fn date(&self) -> Result<Date, CliError> {
        match &self.as_of {
            Some(s) => parse_date(s, "--as-of"),
            None => today(),
        }
    }
}

/// Edit distance between two short strings (Levenshtein), for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The known value closest to `given` — by edit distance, or as the one that starts with it — when it
/// is close enough to be a likely slip.
pub fn suggest<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let g = given.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for k in known {
        let kl = k.to_lowercase();
        let d = if kl.starts_with(&g) && g.len() >= 3 {
            0
        } else {
            distance(&g, &kl)
        };
        if d <= (kl.len() / 3).max(1) && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, k));
        }
    }
    best.map(|(_, k)| k)
}

/// " (did you mean `x`?)" or nothing.
pub fn did_you_mean<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    suggest(given, known)
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default()
}

/// A state by ISO3 code (any case) or by its name as recorded ("Kenya", "united republic of tanzania").
pub fn country<'a>(cat: &'a Catalogue, given: &str) -> Result<&'a crate::model::Country, CliError> {
    let key = given.to_ascii_uppercase();
    if let Some(c) = cat.countries.get(&key) {
        return Ok(c);
    }
    if let Some(c) = cat
        .countries
        .values()
        .find(|c| c.name.eq_ignore_ascii_case(given.trim()))
    {
        return Ok(c);
    }
    let known = cat
        .countries
        .values()
        .flat_map(|c| [c.iso3.as_str(), c.name.as_str()]);
    Err(CliError::Usage(format!(
        "no country `{given}` in the data{} (known: {})",
        did_you_mean(given, known),
        cat.countries.keys().cloned().collect::<Vec<_>>().join(", ")
    )))
}

pub fn plan<'a>(cat: &'a Catalogue, id: &str) -> Result<&'a Plan, CliError> {
    cat.plans.get(id).ok_or_else(|| {
        CliError::Usage(format!(
            "no plan `{id}` in the data{} (known: {})",
            did_you_mean(id, cat.plans.keys().map(String::as_str)),
            cat.plans.keys().cloned().collect::<Vec<_>>().join(", ")
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_get_a_suggestion_and_strangers_do_not() {
        let ids = ["KEN", "TZA", "dar-es-salaam-2010", "trafficking2000"];
        assert_eq!(suggest("KEM", ids), Some("KEN"));
        assert_eq!(suggest("dar", ids), Some("dar-es-salaam-2010"));
        assert_eq!(suggest("traficking2000", ids), Some("trafficking2000"));
        assert_eq!(suggest("zzz", ids), None);
    }
}
