//! Message catalogues: every word the report layer writes comes from `reports/i18n/<lang>.json`, a flat
//! map of keys to texts with `{placeholders}`. A key missing in a language falls back to English (a test
//! keeps the catalogues complete). Dates are written the way each language writes them.

use crate::eval::Status;
use crate::model::{Date, Lang, PartialDate};
use include_dir::{include_dir, Dir};
use std::collections::BTreeMap;
use std::sync::OnceLock;

static CATALOGUES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/reports/i18n");

type Map = BTreeMap<String, String>;

/// The catalogue of one language, parsed once.
pub fn catalogue(lang: Lang) -> &'static Map {
    static CELLS: [OnceLock<Map>; 4] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    CELLS[i].get_or_init(|| {
        CATALOGUES
            .get_file(format!("{}.json", lang.code()))
            .and_then(|f| f.contents_utf8())
            .and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_default()
    })
}

/// Messages in one language, with English behind it.
#[derive(Clone, Copy)]
pub struct Messages {
    pub lang: Lang,
    own: &'static Map,
    english: &'static Map,
}

impl Messages {
    pub fn new(lang: Lang) -> Messages {
        Messages {
            lang,
            own: catalogue(lang),
            english: catalogue(Lang::En),
        }
    }

    /// The text of `key`; a visible marker when no catalogue has it (the catalogue tests keep that from
    /// happening), so a gap shows rather than hides.
    pub fn t(&self, key: &str) -> &'static str {
        self.own
            .get(key)
            .or_else(|| self.english.get(key))
            .map(String::as_str)
            .unwrap_or("[missing message]")
    }

    /// The text of `key` with its `{name}` placeholders filled.
    pub fn f(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut out = self.t(key).to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    pub fn status(&self, s: Status) -> &'static str {
        self.t(&format!("status.{}", s.as_str()))
    }

    /// A day as the language writes it in running text; English keeps ISO 8601. Russian spells out
    /// "года" so that a date ending a sentence does not end in a doubled full stop.
    pub fn date(&self, d: Date) -> String {
        let (day, month, year) = (d.day(), d.month(), d.year());
        match self.lang {
            Lang::En => d.to_string(),
            Lang::Fr => format!("{day} {} {year}", month_name(self.lang, month, false)),
            Lang::Pt => format!("{day} de {} de {year}", month_name(self.lang, month, false)),
            Lang::Ru => format!("{day} {} {year} года", month_name(self.lang, month, true)),
        }
    }

    /// A day, month or year as the language writes it.
    pub fn partial_date(&self, d: PartialDate) -> String {
        match d {
            PartialDate::Day(d) => self.date(d),
            PartialDate::Period(p) => self.period(&p.to_string()),
        }
    }

    /// A year (`2013`) or month (`2013-06`) as the language writes it.
    pub fn period(&self, p: &str) -> String {
        let Some((y, m)) = p.split_once('-') else {
            return p.to_string();
        };
        let Ok(m) = m.parse::<i8>() else {
            return p.to_string();
        };
        match self.lang {
            Lang::En => p.to_string(),
            Lang::Fr => format!("{} {y}", month_name(self.lang, m, false)),
            Lang::Pt => format!("{} de {y}", month_name(self.lang, m, false)),
            Lang::Ru => format!("{} {y} года", month_name(self.lang, m, false)),
        }
    }
}

/// Month names; Russian needs the genitive after a day ("2 декабря").
fn month_name(lang: Lang, m: i8, genitive: bool) -> &'static str {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const PT: [&str; 12] = [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ];
    const RU: [&str; 12] = [
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ];
    const RU_GEN: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = (m.clamp(1, 12) - 1) as usize;
    match (lang, genitive) {
        (Lang::Fr, _) => FR[i],
        (Lang::Pt, _) => PT[i],
        (Lang::Ru, true) => RU_GEN[i],
        (Lang::Ru, false) => RU[i],
        (Lang::En, _) => EN[i],
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn every_catalogue_has_every_message_english_has() {
        let en = catalogue(Lang::En);
        assert!(en.len() > 100, "the English catalogue is the reference");
        for lang in [Lang::Fr, Lang::Pt, Lang::Ru] {
            let other = catalogue(lang);
            let missing: Vec<&String> = en.keys().filter(|k| !other.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{}: missing {missing:?}", lang.code());
            // Every placeholder of a message is kept in its translation.
            for (k, v) in en {
                for part in v.split('{').skip(1) {
                    let name = part.split('}').next().unwrap();
                    assert!(
                        other[k].contains(&format!("{{{name}}}")),
                        "{}: `{k}` lost `{{{name}}}`",
                        lang.code()
                    );
                }
            }
        }
    }

    #[test]
    fn dates_are_written_the_way_each_language_writes_them() {
        let d: Date = "2026-12-02".parse().unwrap();
        assert_eq!(Messages::new(Lang::En).date(d), "2026-12-02");
        assert_eq!(Messages::new(Lang::Fr).date(d), "2 décembre 2026");
        assert_eq!(Messages::new(Lang::Pt).date(d), "2 de dezembro de 2026");
        assert_eq!(Messages::new(Lang::Ru).date(d), "2 декабря 2026 года");
        assert_eq!(Messages::new(Lang::Fr).period("2013-06"), "juin 2013");
    }
}
