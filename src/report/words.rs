//! Words for the typed facts of an evaluation. The evaluator builds [`Fact`] values only; every
//! sentence a report, `explain`, `roadmap` or `diff` prints about a finding is made here, from the
//! message catalogue of the report's language ([`super::i18n`]) and the data's translated names.
//!
//! Free-text research notes in the data (a law's note, a measure's or reservation's summary) are written
//! in English; in other languages the structured fact is given and the note is left to the source.

use super::i18n::Messages;
use crate::catalogue::Catalogue;
use crate::eval::diff::{Count, Detail};
use crate::eval::{Change, Effect, Fact, NotCounting, Standing, Status, Step, StepKind, Test};
use crate::model::{Extent, Lang, MeasureStatus, ReservationKind};

/// The standing columns of a treaty row (see [`Words::standing_row`]).
pub struct StandingRow {
    pub code: &'static str,
    pub word: String,
    pub action: String,
    pub date: String,
}

/// Renders facts for one state (or none, for plan-wide facts) in one language.
pub struct Words<'a> {
    cat: &'a Catalogue,
    msg: Messages,
    /// The state's name, where the facts are about one state.
    country: String,
}

fn join(v: &[String]) -> String {
    v.join(", ")
}

impl<'a> Words<'a> {
    pub fn new(cat: &'a Catalogue, iso3: Option<&str>) -> Words<'a> {
        Words::in_lang(cat, iso3, Lang::En)
    }

    pub fn in_lang(cat: &'a Catalogue, iso3: Option<&str>, lang: Lang) -> Words<'a> {
        let country = iso3
            .map(|i| {
                cat.countries
                    .get(i)
                    .map(|c| c.name.clone())
                    .unwrap_or_else(|| i.to_string())
            })
            .unwrap_or_default();
        Words {
            cat,
            msg: Messages::new(lang),
            country,
        }
    }

    pub fn messages(&self) -> Messages {
        self.msg
    }

    fn english(&self) -> bool {
        self.msg.lang == Lang::En
    }

    /// `text` followed by `: note` in English, where research notes are written; `text` alone in other
    /// languages.
    fn with_note(&self, text: String, note: &str) -> String {
        if self.english() && !note.is_empty() {
            format!("{text}: {note}")
        } else {
            text
        }
    }

    fn inst(&self, id: &str) -> String {
        self.cat.instrument_name_in(id, self.msg.lang).to_string()
    }

    /// A treaty's short name in the report's language.
    pub fn inst_name(&self, id: &str) -> String {
        self.inst(id)
    }

    /// A plan's name in the report's language.
    pub fn plan_name(&self, p: &crate::model::Plan) -> String {
        self.cat
            .text(
                self.msg.lang,
                &format!("plan:{}:short_name", p.id),
                p.name(),
            )
            .to_string()
    }

    /// A plan area's title in the report's language.
    pub fn area_title(&self, id: &str, english: &str) -> String {
        self.cat
            .text(self.msg.lang, &format!("area:{id}:title"), english)
            .to_string()
    }

    /// A target's summary in the report's language.
    pub fn target_summary(&self, id: &str, english: &str) -> String {
        self.cat
            .text(self.msg.lang, &format!("target:{id}:summary"), english)
            .to_string()
    }

    fn insts(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|i| self.inst(i))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// An obligation's title, in the report's language.
    pub fn obligation_title(&self, id: &str) -> String {
        match self.cat.obligation(id) {
            Some(o) => self
                .cat
                .text(self.msg.lang, &format!("obligation:{id}:title"), o.label())
                .to_string(),
            None => id.to_string(),
        }
    }

    /// An obligation by its title, instrument and articles.
    pub fn obligation(&self, id: &str) -> String {
        match self.cat.obligation(id) {
            Some(o) => self.msg.f(
                "obligation.label",
                &[
                    ("title", &self.obligation_title(id)),
                    ("treaty", &self.inst(o.instrument_id())),
                    ("articles", &o.articles.join(", ")),
                ],
            ),
            None => id.to_string(),
        }
    }

    /// An obligation or measure kind, by its name.
    pub fn target(&self, id: &str) -> String {
        match self.cat.obligation(id) {
            Some(_) => self.obligation(id),
            None => self.cat.measure_label_in(id, self.msg.lang).to_string(),
        }
    }

    /// Where a plan item stands in its source document, in the report's language.
    pub fn reference(&self, id: &str, english: &str) -> String {
        self.cat
            .text(self.msg.lang, &format!("reference:{id}:text"), english)
            .to_string()
    }

    /// Why an item is not assessed: the plan's own note (English prose, so English reports only) or
    /// the general reason.
    pub fn not_assessed_reason(&self, why: &Option<String>) -> String {
        match why {
            Some(w) if self.english() => w.clone(),
            _ => self.msg.t("fact.not-assessed-default").to_string(),
        }
    }

    /// A plan action's summary in the report's language.
    pub fn action_summary(&self, id: &str) -> String {
        self.cat
            .plan_of_action(id)
            .and_then(|p| p.action(id))
            .map(|a| {
                self.cat
                    .text(self.msg.lang, &format!("action:{id}:summary"), &a.summary)
                    .to_string()
            })
            .unwrap_or_else(|| id.to_string())
    }

    fn action(&self, id: &str) -> String {
        format!("{id}: {}", self.action_summary(id))
    }

    fn date(&self, d: crate::model::Date) -> String {
        self.msg.date(d)
    }

    fn action_word(&self, a: crate::model::JoinAction) -> String {
        self.msg.t(&format!("action.{}", a.as_str())).to_string()
    }

    /// A treaty row's standing: its code (`party`, `signatory` …), the word for it, and how and when the
    /// state joined or left (empty when neither applies).
    pub fn standing_row(&self, s: Standing) -> StandingRow {
        let m = &self.msg;
        let code = s.as_status().map(|s| s.as_str()).unwrap_or("unknown");
        let (action, date) = match s {
            Standing::Party { action, .. } => (
                action
                    .map(|a| m.t(&format!("action.{}", a.as_str())).to_string())
                    .unwrap_or_default(),
                s.joined().unwrap_or_default(),
            ),
            Standing::Withdrawn { on } => (m.t("action.withdrawal").to_string(), on.to_string()),
            _ => (String::new(), String::new()),
        };
        StandingRow {
            code,
            word: m.t(&format!("standing-word.{code}")).to_string(),
            action,
            date,
        }
    }

    pub fn standing(&self, s: Standing, name: &str) -> String {
        let m = &self.msg;
        match s {
            Standing::Party { since, action, .. } => {
                let how = action
                    .map(|a| format!(" ({})", self.action_word(a)))
                    .unwrap_or_default();
                match (since, s.joined()) {
                    (Some(d), _) => m.f(
                        "standing.party",
                        &[("treaty", name), ("date", &self.date(d)), ("how", &how)],
                    ),
                    (None, Some(p)) => m.f(
                        "standing.party-period",
                        &[("treaty", name), ("date", &m.period(&p)), ("how", &how)],
                    ),
                    (None, None) => m.f("standing.party-undated", &[("treaty", name)]),
                }
            }
            Standing::Signatory { since: Some(d) } => m.f(
                "standing.signatory",
                &[("treaty", name), ("date", &self.date(d))],
            ),
            Standing::Signatory { since: None } => {
                m.f("standing.signatory-undated", &[("treaty", name)])
            }
            Standing::NotParty => m.f("standing.not-party", &[("treaty", name)]),
            Standing::Withdrawn { on } => m.f(
                "standing.withdrawn",
                &[("treaty", name), ("date", &self.date(on))],
            ),
            Standing::Unknown => m.f("standing.unknown", &[("treaty", name)]),
        }
    }

    /// "reservation", "declaration" or "geographic limitation", in the report's language.
    pub fn reservation_kind(&self, k: ReservationKind) -> &str {
        self.msg.t(match k {
            ReservationKind::Reservation => "reservation.kind.reservation",
            ReservationKind::Declaration => "reservation.kind.declaration",
            ReservationKind::GeographicLimitation => "reservation.kind.geographic-limitation",
        })
    }

    fn reservation(
        &self,
        kind: ReservationKind,
        articles: &[String],
        summary: &str,
        effect: Effect,
    ) -> String {
        let k = self.reservation_kind(kind).to_string();
        let what = if kind == ReservationKind::Reservation && !articles.is_empty() {
            self.msg.f(
                "reservation.to-articles",
                &[("kind", &k), ("articles", &join(articles))],
            )
        } else {
            k
        };
        let key = match effect {
            Effect::InForce => "reservation.in-force",
            Effect::Excludes => "reservation.excludes",
            Effect::Narrows => "reservation.narrows",
            Effect::Unread => "reservation.unread",
        };
        self.with_note(self.msg.f(key, &[("what", &what)]), summary)
    }

    /// A reservation or declaration as a line of a treaty table.
    pub fn reservation_line(&self, r: &crate::eval::ReservationState) -> String {
        let m = &self.msg;
        let arts = if r.articles.is_empty() {
            String::new()
        } else {
            m.f(
                "reservation.line-articles",
                &[("articles", &join(&r.articles))],
            )
        };
        let w = r
            .withdrawn
            .map(|w| m.f("reservation.line-withdrawn", &[("date", &self.date(w))]))
            .unwrap_or_default();
        let unread = if r.text_read {
            String::new()
        } else {
            m.t("reservation.line-unread").to_string()
        };
        let line = m.f(
            "reservation.line",
            &[
                ("kind", self.reservation_kind(r.kind)),
                ("articles", &arts),
                ("withdrawn", &w),
                ("unread", &unread),
            ],
        );
        self.with_note(line, &r.summary)
    }

    fn not_counting(&self, why: NotCounting) -> String {
        let m = &self.msg;
        match why {
            NotCounting::Repealed { on: Some(d), .. } => {
                m.f("law.repealed-on", &[("date", &self.date(d))])
            }
            NotCounting::Repealed {
                within: Some(p), ..
            } => m.f("law.repealed-in", &[("period", &m.period(&p.to_string()))]),
            NotCounting::Repealed { .. } => m.t("law.repealed-undated").to_string(),
            NotCounting::NotYetInForce { from } => {
                m.f("law.not-yet-in-force", &[("date", &self.date(from))])
            }
            NotCounting::EnactedWithin { period } => m.f(
                "law.enacted-within",
                &[("period", &m.period(&period.to_string()))],
            ),
            NotCounting::NotYetEnacted { period } => m.f(
                "law.not-yet-enacted",
                &[("period", &m.period(&period.to_string()))],
            ),
            NotCounting::NoDate => m.t("law.no-date").to_string(),
        }
    }

    /// A law as cited: its title as enacted, with its citation.
    fn law(&self, title: &str, citation: &Option<String>) -> String {
        match citation {
            Some(c) => format!("{title} ({c})"),
            None => title.to_string(),
        }
    }

    fn test(&self, t: &Test) -> String {
        let m = &self.msg;
        match t {
            Test::Party { instrument } => m.f("test.party", &[("treaty", &self.inst(instrument))]),
            Test::Signed { instrument } => {
                m.f("test.signed", &[("treaty", &self.inst(instrument))])
            }
            Test::NoReservations {
                instrument,
                articles,
            } if articles.is_empty() => m.f(
                "test.no-reservations",
                &[("treaty", &self.inst(instrument))],
            ),
            Test::NoReservations {
                instrument,
                articles,
            } => m.f(
                "test.no-reservations-articles",
                &[
                    ("treaty", &self.inst(instrument)),
                    ("articles", &join(articles)),
                ],
            ),
            Test::InPlace { target } => m.f("test.in-place", &[("target", &self.target(target))]),
            Test::NoConflict { target } => {
                m.f("test.no-conflict", &[("target", &self.target(target))])
            }
            Test::MemberOf { body, member } => match member {
                Some(true) => m.f("test.member", &[("body", body)]),
                Some(false) => m.f("test.not-member", &[("body", body)]),
                None => m.f("test.no-memberships", &[("body", body)]),
            },
            Test::Action { action } => m.f("test.action", &[("action", &self.action(action))]),
            Test::ActionNotAssessed { action } => {
                m.f("test.action-not-assessed", &[("action", action)])
            }
            Test::All => m.t("test.all").to_string(),
            Test::Any => m.t("test.any").to_string(),
            Test::Each { met, of, missing } if missing.is_empty() => m.f(
                "test.each",
                &[("met", &met.to_string()), ("of", &of.to_string())],
            ),
            Test::Each { met, of, missing } => m.f(
                "test.each-missing",
                &[
                    ("met", &met.to_string()),
                    ("of", &of.to_string()),
                    (
                        "missing",
                        &missing
                            .iter()
                            .map(|x| self.name_any(x))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ],
            ),
            Test::Not => m.t("test.not").to_string(),
            Test::TooDeep => m.t("test.too-deep").to_string(),
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

    fn measure_status(&self, s: MeasureStatus) -> &str {
        self.msg.t(&format!("measure-status.{}", s.as_str()))
    }

    /// One fact as a sentence.
    pub fn fact(&self, f: &Fact) -> String {
        let m = &self.msg;
        let c = self.country.as_str();
        match f {
            Fact::Standing {
                instrument,
                standing,
            } => self.standing(*standing, &self.inst(instrument)),
            Fact::Party { instrument } => m.f(
                "fact.party",
                &[("country", c), ("treaty", &self.inst(instrument))],
            ),
            Fact::NoRecord { instrument, date } => m.f(
                "fact.no-record",
                &[
                    ("country", c),
                    ("treaty", &self.inst(instrument)),
                    ("date", &self.date(*date)),
                ],
            ),
            Fact::NotParty { instrument } => m.f(
                "fact.not-party",
                &[("country", c), ("treaty", &self.inst(instrument))],
            ),
            Fact::OutsideRegion { instrument, body } => m.f(
                "fact.outside-region",
                &[
                    ("country", c),
                    ("treaty", &self.inst(instrument)),
                    ("body", body),
                ],
            ),
            Fact::MustJoinFirst {
                instrument,
                missing,
            } => m.f(
                "fact.must-join-first",
                &[
                    ("country", c),
                    ("treaty", &self.inst(instrument)),
                    ("missing", &self.insts(missing)),
                ],
            ),
            Fact::JoinRequires { target, basis } => m.f(
                "fact.join-requires",
                &[("treaty", &self.inst(target)), ("basis", basis)],
            ),
            Fact::Reservation {
                kind,
                articles,
                summary,
                effect,
                ..
            } => self.reservation(*kind, articles, summary, *effect),
            Fact::ReservationWithdrawn { articles, on } => m.f(
                "reservation.withdrawn",
                &[("articles", &join(articles)), ("date", &self.date(*on))],
            ),
            Fact::Obligation { obligation } => self.obligation(obligation),
            Fact::NotBinding { obligation, date } => m.f(
                "fact.not-binding",
                &[
                    ("obligation", &self.obligation(obligation)),
                    ("country", c),
                    ("date", &self.date(*date)),
                ],
            ),
            Fact::ExcludedByReservation { obligation, date } => m.f(
                "fact.excluded",
                &[
                    ("obligation", &self.obligation(obligation)),
                    ("date", &self.date(*date)),
                ],
            ),
            Fact::BindsThrough {
                instrument,
                incorporated,
            } => m.f(
                if *incorporated {
                    "fact.binds-through-incorporated"
                } else {
                    "fact.binds-through"
                },
                &[("country", c), ("treaty", &self.inst(instrument))],
            ),
            Fact::NothingRecorded { looked_for } => m.f(
                "fact.nothing-recorded",
                &[(
                    "targets",
                    &looked_for
                        .iter()
                        .map(|t| self.target(t))
                        .collect::<Vec<_>>()
                        .join("; "),
                )],
            ),
            Fact::Prerequisite { obligation, status } => m.f(
                "fact.prerequisite",
                &[
                    ("obligation", &self.obligation(obligation)),
                    ("status", m.status(*status)),
                ],
            ),
            Fact::Implements {
                title,
                citation,
                provision,
                extent,
                target,
                note,
                ..
            } => {
                let ext = match extent {
                    Extent::Full => "full",
                    Extent::Partial => "partial",
                    Extent::Conflicts => "conflicts",
                };
                let law = self.law(title, citation);
                let text = match provision {
                    Some(p) => m.f(
                        &format!("fact.implements.{ext}"),
                        &[
                            ("law", &law),
                            ("provision", p),
                            ("target", &self.target(target)),
                        ],
                    ),
                    None => m.f(
                        &format!("fact.implements-unread.{ext}"),
                        &[("law", &law), ("target", &self.target(target))],
                    ),
                };
                self.with_note(text, note)
            }
            Fact::LawNotCounting {
                title,
                citation,
                date,
                why,
                ..
            } => m.f(
                "fact.law-not-counting",
                &[
                    ("law", &self.law(title, citation)),
                    ("date", &self.date(*date)),
                    ("why", &self.not_counting(*why)),
                ],
            ),
            Fact::Measure {
                kind,
                status,
                date,
                summary,
            } => {
                let text = m.f(
                    "fact.measure",
                    &[
                        ("kind", self.cat.measure_label_in(kind, m.lang)),
                        ("status", self.measure_status(*status)),
                        ("date", &m.partial_date(*date)),
                    ],
                );
                if self.english() {
                    format!("{text} — {summary}")
                } else {
                    text
                }
            }
            Fact::Test(t) => self.test(t),
            Fact::Action { action } => self.action(action),
            Fact::NotAssessed { action, why } => m.f(
                "fact.not-assessed",
                &[("action", action), ("why", &self.not_assessed_reason(why))],
            ),
            Fact::Evidence { date, summary } if self.english() => m.f(
                "fact.evidence",
                &[("date", &self.date(*date)), ("summary", summary)],
            ),
            Fact::Evidence { date, .. } => {
                m.f("fact.evidence-untranslated", &[("date", &self.date(*date))])
            }
            Fact::Searched {
                on,
                place,
                terms,
                found,
            } if self.english() => m.f(
                "fact.searched",
                &[
                    ("place", place),
                    ("date", &self.date(*on)),
                    ("terms", terms),
                    ("found", found),
                ],
            ),
            Fact::Searched { on, .. } => {
                m.f("fact.searched-untranslated", &[("date", &self.date(*on))])
            }
            Fact::Target {
                target,
                date,
                status,
                count,
                of,
                needed,
            } => m.f(
                "fact.target",
                &[
                    ("target", target),
                    ("date", &self.date(*date)),
                    (
                        "count",
                        &self.count(Count {
                            count: *count,
                            of: *of,
                            needed: *needed,
                        }),
                    ),
                    ("status", m.status(*status)),
                ],
            ),
            Fact::CountsAs { iso3, status } => {
                let name = self
                    .cat
                    .countries
                    .get(iso3)
                    .map(|x| x.name.as_str())
                    .unwrap_or(iso3);
                m.f(
                    "fact.counts-as",
                    &[("country", name), ("status", m.status(*status))],
                )
            }
        }
    }

    /// `k of n (threshold m)`, or `k of m evidence records` for a regional target.
    pub fn count(&self, c: Count) -> String {
        let (count, of, needed) = (c.count.to_string(), c.of.to_string(), c.needed.to_string());
        match c.of {
            0 => self
                .msg
                .f("count.regional", &[("count", &count), ("needed", &needed)]),
            _ => self.msg.f(
                "count.threshold",
                &[("count", &count), ("of", &of), ("needed", &needed)],
            ),
        }
    }

    /// What a roadmap step asks, in words.
    pub fn step_label(&self, s: &Step) -> String {
        match s.step {
            StepKind::Join => self.inst(&s.id),
            StepKind::Implement => self.obligation_title(&s.id),
            StepKind::Act => self.action_summary(&s.id),
        }
    }

    pub fn step_kind(&self, k: StepKind) -> &str {
        self.msg.t(match k {
            StepKind::Join => "step.join",
            StepKind::Implement => "step.implement",
            StepKind::Act => "step.act",
        })
    }

    /// Why a step is on the roadmap, with the warning when it rests on a stale negative status.
    pub fn step_why(&self, s: &Step) -> String {
        let why = self.fact(&s.why);
        if s.check_status_first {
            self.msg.f("step.check-first", &[("why", &why)])
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
                    s.push_str("; ");
                    s.push_str(
                        &self
                            .msg
                            .f("change.newly-met", &[("list", &newly_met.join(", "))]),
                    );
                }
                if !no_longer_met.is_empty() {
                    s.push_str("; ");
                    s.push_str(&self.msg.f(
                        "change.no-longer-met",
                        &[("list", &no_longer_met.join(", "))],
                    ));
                }
                Some(s)
            }
        }
    }

    pub fn status(&self, s: Status) -> &str {
        self.msg.status(s)
    }
}
