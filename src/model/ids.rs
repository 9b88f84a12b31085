//! Making ids for entries that need one: a reservation's from its kind and the articles it touches, a
//! measure's from its kind, a law's from its title. Ids are what citations name, so they are made once
//! and then kept; these helpers only propose one that is well formed and free in its scope.

use super::ReservationKind;

/// The longest id the schema accepts.
const MAX_LEN: usize = 64;

/// `text` as an id: lower-case ASCII letters and digits, runs of anything else as one hyphen, no
/// hyphen at either end, at most 64 characters (cut at a hyphen where possible). Empty when `text`
/// holds no letter or digit.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for ch in text.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.len() > MAX_LEN {
        let cut = out[..=MAX_LEN]
            .rfind('-')
            .filter(|&i| i > 0)
            .unwrap_or(MAX_LEN);
        out.truncate(cut);
        while out.ends_with('-') {
            out.pop();
        }
    }
    out
}

/// The customary id of a reservation: its kind and the articles it touches,
/// `reservation-art-7-1-13-1`, or the kind alone when it names no article.
pub fn reservation_id(kind: ReservationKind, articles: &[String]) -> String {
    let kind = match kind {
        ReservationKind::Reservation => "reservation",
        ReservationKind::Declaration => "declaration",
        ReservationKind::GeographicLimitation => "geographic-limitation",
    };
    if articles.is_empty() {
        kind.to_string()
    } else {
        slug(&format!("{kind} art {}", articles.join(" ")))
    }
}

/// `base`, or `base-2`, `base-3` … : the first that `taken` does not hold.
pub fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = if base.is_empty() { "entry" } else { base };
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| {
            let suffix = format!("-{n}");
            let stem: String = base.chars().take(MAX_LEN - suffix.len()).collect();
            let stem = slug(&stem);
            format!("{stem}{suffix}")
        })
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arts(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_reservation_id_names_its_kind_and_articles() {
        assert_eq!(
            reservation_id(ReservationKind::Reservation, &arts(&["7(1)", "13(1)"])),
            "reservation-art-7-1-13-1"
        );
        assert_eq!(
            reservation_id(ReservationKind::GeographicLimitation, &arts(&["1B(1)"])),
            "geographic-limitation-art-1b-1"
        );
        assert_eq!(
            reservation_id(ReservationKind::Declaration, &[]),
            "declaration"
        );
    }

    #[test]
    fn slugs_are_well_formed_ids() {
        assert_eq!(
            slug("  Refugees Act, 2021 (No. 10) "),
            "refugees-act-2021-no-10"
        );
        assert_eq!(slug("Loi n° 2003–04"), "loi-n-2003-04");
        assert_eq!(slug("¿?"), "");
        let long = slug(&"word ".repeat(30));
        assert!(long.len() <= 64 && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn a_taken_id_gets_the_next_free_number() {
        let taken = ["declaration", "declaration-2"];
        assert_eq!(
            unique("declaration", |id| taken.contains(&id)),
            "declaration-3"
        );
        assert_eq!(
            unique("reservation", |id| taken.contains(&id)),
            "reservation"
        );
        let long = "a".repeat(64);
        let id = unique(&long, |id| id == long);
        assert_eq!(id.len(), 64);
        assert!(id.ends_with("-2"));
    }
}
