//! Words for the typed facts of an evaluation. The evaluator builds [`Fact`] values only; every
//! sentence a report, `explain`, `roadmap` or `diff` prints about a finding is made here.

use crate::catalogue::Catalogue;
use crate::eval::diff::{Count, Detail};
use crate::eval::{Change, Effect, Fact, NotCounting, Standing, Status, Step, StepKind, Test};
use crate::model::{Extent, ReservationKind};

/// Renders facts for one state (or none, for plan-wide facts) with names from the catalogue.
pub struct Words<'a> {
    cat: &'a Catalogue,
    /// The state's name, where the facts are about one state.
    country: String,
}

fn join(v: &[String]) -> String {
    v.join(", ")
}

impl<'a> Words<'a> {
    pub fn new(cat: &'a Catalogue, iso3: Option<&str>) -> Words<'a> {
        let country = iso3
            .map(|i| {
                cat.countries
                    .get(i)
                    .map(|c| c.name.clone())
                    .unwrap_or_else(|| i.to_string())
            })
            .unwrap_or_default();
        Words { cat, country }
    }

    fn inst(&self, id: &str) -> String {
        self.cat.instrument_name(id).to_string()
    }

    fn insts(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|i| self.inst(i))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// An obligation by its title, instrument and articles.
    pub fn obligation(&self, id: &str) -> String {
        match self.cat.obligation(id) {
            Some(o) => format!(
                "{} ({}, art. {})",
                o.label(),
                self.inst(o.instrument_id()),
                o.articles.join(", ")
            ),
            None => id.to_string(),
        }
    }

    /// An obligation or measure kind, by its name.
    pub fn target(&self, id: &str) -> String {
        match self.cat.obligation(id) {
            Some(_) => self.obligation(id),
            None => self.cat.measure_label(id).to_string(),
        }
    }

    fn action(&self, id: &str) -> String {
        self.cat
            .plan_of_action(id)
            .and_then(|p| p.action(id))
            .map(|a| format!("{id}: {}", a.summary))
            .unwrap_or_else(|| id.to_string())
    }

    pub fn standing(&self, s: Standing, name: &str) -> String {
        match s {
            Standing::Party { since, action, .. } => {
                let how = action
                    .map(|a| format!(" ({})", a.as_str()))
                    .unwrap_or_default();
                match (s.joined(), since) {
                    (Some(j), Some(_)) => format!("party to {name} since {j}{how}"),
                    (Some(j), None) => {
                        format!("party to {name} since {j} (day not recorded){how}")
                    }
                    (None, _) => format!("party to {name} (date of joining not recorded)"),
                }
            }
            Standing::Signatory { since: Some(d) } => {
                format!("signed {name} on {d} but has not ratified")
            }
            Standing::Signatory { since: None } => {
                format!("signed {name} (day not recorded) but has not ratified")
            }
            Standing::NotParty => format!("not party to {name}"),
            Standing::Withdrawn { on } => format!("withdrew from {name} on {on}"),
            Standing::Unknown => format!("participation in {name} not recorded for this date"),
        }
    }

    fn reservation(
        &self,
        kind: ReservationKind,
        articles: &[String],
        summary: &str,
        effect: Effect,
    ) -> String {
        let what = match kind {
            ReservationKind::GeographicLimitation => "geographic limitation".to_string(),
            ReservationKind::Declaration => "declaration".to_string(),
            ReservationKind::Reservation if articles.is_empty() => "reservation".to_string(),
            ReservationKind::Reservation => format!("reservation to art. {}", join(articles)),
        };
        match effect {
            Effect::InForce => format!("{what} in force: {summary}"),
            Effect::Excludes => format!("{what} excludes it: {summary}"),
            Effect::Narrows => format!("{what} narrows it: {summary}"),
            Effect::Unread => {
                format!("{what} whose text was not read, so its effect is unknown: {summary}")
            }
        }
    }

    fn not_counting(&self, why: NotCounting) -> String {
        match why {
            NotCounting::Repealed { on: Some(d), .. } => format!("repealed on {d}"),
            NotCounting::Repealed {
                within: Some(p), ..
            } => format!("repealed in {p} (day not recorded)"),
            NotCounting::Repealed { .. } => "repealed on a day not recorded".into(),
            NotCounting::NotYetInForce { from } => format!("not yet in force (from {from})"),
            NotCounting::EnactedWithin { period } => {
                format!("enacted in {period}, on a day not recorded")
            }
            NotCounting::NotYetEnacted { period } => format!("not yet enacted (in {period})"),
            NotCounting::NoDate => "date of entry into force not recorded".into(),
        }
    }

    fn law(&self, title: &str, citation: &Option<String>) -> String {
        match citation {
            Some(c) => format!("{title} ({c})"),
            None => title.to_string(),
        }
    }

    fn test(&self, t: &Test) -> String {
        match t {
            Test::Party { instrument } => format!("party to {}", self.inst(instrument)),
            Test::Signed { instrument } => format!("signed {}", self.inst(instrument)),
            Test::NoReservations {
                instrument,
                articles,
            } if articles.is_empty() => {
                format!("party to {} without reservations", self.inst(instrument))
            }
            Test::NoReservations {
                instrument,
                articles,
            } => format!(
                "party to {} without reservations to art. {}",
                self.inst(instrument),
                join(articles)
            ),
            Test::InPlace { target } => format!("{} in place", self.target(target)),
            Test::NoConflict { target } => {
                format!("no law in force conflicts with {}", self.target(target))
            }
            Test::MemberOf { body, member } => match member {
                Some(true) => format!("member of {body}"),
                Some(false) => format!("member of {body}: not among recorded memberships"),
                None => format!("member of {body}: no memberships recorded"),
            },
            Test::Action { action } => format!("action {}", self.action(action)),
            Test::ActionNotAssessed { action } => {
                format!("action `{action}` is not assessed from country facts")
            }
            Test::All => "all of".into(),
            Test::Any => "any of".into(),
            Test::Each { met, of, missing } if missing.is_empty() => {
                format!("each of: {met} of {of} met")
            }
            Test::Each { met, of, missing } => format!(
                "each of: {met} of {of} met; still missing: {}",
                missing
                    .iter()
                    .map(|m| self.name_any(m))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Test::Not => "not".into(),
            Test::TooDeep => {
                "criterion nests or reuses items beyond what is evaluated; left unknown".into()
            }
        }
    }

    /// A name for any id a criterion can name.
    fn name_any(&self, id: &str) -> String {
        if self.cat.instruments.contains_key(id) {
            self.inst(id)
        } else {
            self.target(id)
        }
    }

    /// One fact as a sentence.
    pub fn fact(&self, f: &Fact) -> String {
        let c = &self.country;
        match f {
            Fact::Standing {
                instrument,
                standing,
            } => self.standing(*standing, &self.inst(instrument)),
            Fact::Party { instrument } => format!("{c} is party to {}", self.inst(instrument)),
            Fact::NoRecord { instrument, date } => format!(
                "no verified record of {c}'s participation in {} on {date}",
                self.inst(instrument)
            ),
            Fact::NotParty { instrument } => {
                format!("{c} is not party to {}", self.inst(instrument))
            }
            Fact::OutsideRegion { instrument, body } => format!(
                "{} is a {body} instrument and {c} is not a member",
                self.inst(instrument)
            ),
            Fact::MustJoinFirst {
                instrument,
                missing,
            } => format!(
                "{c} cannot join {} before joining {}",
                self.inst(instrument),
                self.insts(missing)
            ),
            Fact::JoinRequires { target, basis } => format!(
                "joining requires party status to {} ({basis})",
                self.inst(target)
            ),
            Fact::Reservation {
                kind,
                articles,
                summary,
                effect,
                ..
            } => self.reservation(*kind, articles, summary, *effect),
            Fact::ReservationWithdrawn { articles, on } => {
                format!("reservation on art. {} withdrawn on {on}", join(articles))
            }
            Fact::Obligation { obligation } => self.obligation(obligation),
            Fact::NotBinding { obligation, date } => format!(
                "{} does not bind {c} on {date}",
                self.obligation(obligation)
            ),
            Fact::ExcludedByReservation { obligation, date } => format!(
                "{} is excluded by reservation on {date}",
                self.obligation(obligation)
            ),
            Fact::BindsThrough {
                instrument,
                incorporated: false,
            } => format!("binds {c} through {}", self.inst(instrument)),
            Fact::BindsThrough {
                instrument,
                incorporated: true,
            } => format!(
                "binds {c} through {}, which incorporates it",
                self.inst(instrument)
            ),
            Fact::NothingRecorded { looked_for } => format!(
                "no law or measure recorded that gives effect to it (looked for {})",
                looked_for
                    .iter()
                    .map(|t| self.target(t))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Fact::Prerequisite { obligation, status } => {
                format!("prerequisite {} is {status}", self.obligation(obligation))
            }
            Fact::Implements {
                title,
                citation,
                provision,
                extent,
                target,
                note,
                ..
            } => {
                let law = self.law(title, citation);
                let verb = match extent {
                    Extent::Full => "gives effect to",
                    Extent::Partial => "partly gives effect to",
                    Extent::Conflicts => "conflicts with",
                };
                match provision {
                    Some(p) => format!("{law}, {p}, {verb} {}: {note}", self.target(target)),
                    None => format!(
                        "{law} {verb} {} (provision not cited): {note}",
                        self.target(target)
                    ),
                }
            }
            Fact::LawNotCounting {
                title,
                citation,
                date,
                why,
                ..
            } => format!(
                "{} does not count on {date}: {}",
                self.law(title, citation),
                self.not_counting(*why)
            ),
            Fact::Measure {
                kind,
                status,
                date,
                summary,
            } => format!(
                "{}: {} as of {date} — {summary}",
                self.cat.measure_label(kind),
                status.as_str()
            ),
            Fact::Test(t) => self.test(t),
            Fact::Action { action } => self.action(action),
            Fact::NotAssessed { action, why } => format!(
                "{action}: not assessed — {}",
                why.as_deref()
                    .unwrap_or("country facts cannot judge this item")
            ),
            Fact::Evidence { date, summary } => format!("{date}: {summary}"),
            Fact::Searched {
                on,
                place,
                terms,
                found,
            } => format!("searched {place} on {on} for {terms}: {found}"),
            Fact::Target {
                target,
                date,
                status,
                count,
                of,
                needed,
            } => format!(
                "target `{target}` on {date}: {} — {status}",
                self.count(Count {
                    count: *count,
                    of: *of,
                    needed: *needed
                })
            ),
            Fact::CountsAs { iso3, status } => {
                let name = self
                    .cat
                    .countries
                    .get(iso3)
                    .map(|x| x.name.as_str())
                    .unwrap_or(iso3);
                format!("{name} counts as {status}")
            }
        }
    }

    /// `k of n (threshold m)`, or `k of m evidence records` for a regional target.
    pub fn count(&self, c: Count) -> String {
        match c.of {
            0 => format!("{} of {} evidence records", c.count, c.needed),
            n => format!("{} of {} (threshold {})", c.count, n, c.needed),
        }
    }

    /// What a roadmap step asks, in words.
    pub fn step_label(&self, s: &Step) -> String {
        match s.step {
            StepKind::Join => self.inst(&s.id),
            StepKind::Implement => self
                .cat
                .obligation(&s.id)
                .map(|o| o.label().to_string())
                .unwrap_or_else(|| s.id.clone()),
            StepKind::Act => self
                .cat
                .plan_of_action(&s.id)
                .and_then(|p| p.action(&s.id))
                .map(|a| a.summary.clone())
                .unwrap_or_else(|| s.id.clone()),
        }
    }

    pub fn step_kind(&self, k: StepKind) -> &'static str {
        match k {
            StepKind::Join => "join",
            StepKind::Implement => "implement",
            StepKind::Act => "act",
        }
    }

    /// Why a step is on the roadmap, with the warning when it rests on a stale negative status.
    pub fn step_why(&self, s: &Step) -> String {
        let why = self.fact(&s.why);
        if s.check_status_first {
            format!("{why} — the record is old: check the current status before acting on it")
        } else {
            why
        }
    }

    /// The detail of a change between two evaluations.
    pub fn change_detail(&self, c: &Change) -> Option<String> {
        match c.detail.as_ref()? {
            Detail::Instrument { fact } => Some(self.fact(fact)),
            Detail::Target {
                before,
                after,
                newly_met,
                no_longer_met,
            } => {
                let mut s = format!("{} → {}", self.count(*before), self.count(*after));
                if !newly_met.is_empty() {
                    s.push_str(&format!("; newly met: {}", newly_met.join(", ")));
                }
                if !no_longer_met.is_empty() {
                    s.push_str(&format!("; no longer met: {}", no_longer_met.join(", ")));
                }
                Some(s)
            }
        }
    }

    pub fn status(&self, s: Status) -> &'static str {
        s.as_str()
    }
}
