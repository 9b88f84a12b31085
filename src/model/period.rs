//! A year or a month, for facts whose source gives no day (an ILO registration shown as "Ratification:
//! 1963", a ratification announced for "July 2018"). Kept apart from `Date` so that no day is ever made up.

use super::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    year: i16,
    /// 1-12, or `None` for the whole year.
    month: Option<i8>,
}

impl Period {
    /// The first day the period covers.
    pub fn first_day(self) -> Date {
        Date::new(self.year, self.month.unwrap_or(1), 1).unwrap_or(Date::MIN)
    }

    /// The last day the period covers.
    pub fn last_day(self) -> Date {
        match self.month {
            Some(m) => Date::new(self.year, m, 1)
                .map(|d| d.last_of_month())
                .unwrap_or(Date::MAX),
            None => Date::new(self.year, 12, 31).unwrap_or(Date::MAX),
        }
    }

    /// Whether `date` falls within the period.
    pub fn contains(self, date: Date) -> bool {
        self.first_day() <= date && date <= self.last_day()
    }
}

impl FromStr for Period {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a year (YYYY) or month (YYYY-MM)");
        let (y, m) = match s.split_once('-') {
            Some((y, m)) => (y, Some(m)),
            None => (s, None),
        };
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i16 = y.parse().map_err(|_| bad())?;
        let month = match m {
            None => None,
            Some(m) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
                let m: i8 = m.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&m) {
                    return Err(bad());
                }
                Some(m)
            }
            Some(_) => return Err(bad()),
        };
        Ok(Period { year, month })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.month {
            Some(m) => write!(f, "{:04}-{:02}", self.year, m),
            None => write!(f, "{:04}", self.year),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A day, or a year or month when the source gives no day: how current a source is (`current_to`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartialDate {
    Day(Date),
    Period(Period),
}

impl PartialDate {
    /// The latest day the content can reflect: a month-dated status list is current to its month's end.
    pub fn last_day(self) -> Date {
        match self {
            PartialDate::Day(d) => d,
            PartialDate::Period(p) => p.last_day(),
        }
    }
}

impl FromStr for PartialDate {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.len() == 10 {
            return s
                .parse::<Date>()
                .map(PartialDate::Day)
                .map_err(|_| format!("`{s}` is not a real calendar day"));
        }
        s.parse::<Period>()
            .map(PartialDate::Period)
            .map_err(|_| format!("`{s}` is not a day (YYYY-MM-DD), month (YYYY-MM) or year (YYYY)"))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Day(d) => write!(f, "{d}"),
            PartialDate::Period(p) => write!(f, "{p}"),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_year_or_a_month_covers_its_days() {
        let y: Period = "1963".parse().unwrap();
        assert_eq!(y.first_day().to_string(), "1963-01-01");
        assert_eq!(y.last_day().to_string(), "1963-12-31");
        let m: Period = "2024-02".parse().unwrap();
        assert_eq!(m.last_day().to_string(), "2024-02-29");
        assert!(m.contains("2024-02-10".parse().unwrap()));
        assert!(!m.contains("2024-03-01".parse().unwrap()));
        assert_eq!(m.to_string(), "2024-02");
    }

    #[test]
    fn currency_takes_a_day_a_month_or_a_year() {
        let d: PartialDate = "2013-06".parse().unwrap();
        assert_eq!(d.last_day().to_string(), "2013-06-30");
        let d: PartialDate = "2026-03-14".parse().unwrap();
        assert_eq!(d.to_string(), "2026-03-14");
        assert!("2026-02-30".parse::<PartialDate>().is_err());
        assert!("26".parse::<PartialDate>().is_err());
    }

    #[test]
    fn days_and_malformed_periods_are_refused() {
        for bad in ["1963-05-01", "63", "1963-13", "1963-1", "abcd", ""] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }
}
