//! Briefing pack for trainers: the instruments of a topic in plain words, key obligations with their
//! articles, where each state stands, the plan actions that matter, and a glossary.

use super::{glossary, Stamp};
use crate::catalogue::Catalogue;
use crate::eval::{Evaluation, Standing, Status};
use crate::model::{Plan, Topic};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Brief {
    pub stamp: Stamp,
    pub plan: String,
    pub plan_id: String,
    pub topic: String,
    pub countries: Vec<String>,
    /// Short names of the treaties in the status table, in column order.
    pub columns: Vec<String>,
    pub instruments: Vec<BriefInstrument>,
    pub obligations: Vec<BriefObligation>,
    pub status: Vec<StatusRow>,
    pub actions: Vec<BriefAction>,
    pub glossary: Vec<glossary::Term>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BriefInstrument {
    pub id: String,
    pub name: String,
    pub title: String,
    pub summary: String,
    pub adopted: String,
    pub in_force: String,
    pub text_url: Option<String>,
    pub parties: usize,
    /// What of this record could not be checked against its source, in words (empty when all was).
    pub not_verified: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BriefObligation {
    pub id: String,
    pub instrument: String,
    pub articles: String,
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusRow {
    pub iso3: String,
    pub name: String,
    pub cells: Vec<StatusCell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusCell {
    pub status: Status,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BriefAction {
    pub id: String,
    pub summary: String,
    pub reference: String,
    pub met: usize,
    pub of: usize,
}

pub fn build(
    cat: &Catalogue,
    plan: &Plan,
    ev: &Evaluation,
    topic: Option<Topic>,
    countries: &[String],
    lang: crate::model::Lang,
) -> Brief {
    let w = super::words::Words::in_lang(cat, None, lang);
    let m = w.messages();
    let english = lang == crate::model::Lang::En;
    let has = |ts: &[Topic]| topic.is_none_or(|t| ts.contains(&t));
    let instruments: Vec<&crate::model::Instrument> = cat
        .instruments
        .values()
        .filter(|i| {
            has(&i.topics)
                || i.obligations
                    .iter()
                    .any(|o| topic.is_some_and(|t| o.topics.contains(&t)))
        })
        // A regional treaty belongs in the pack only if it concerns one of the states: a member of its
        // region, or one that signed or joined it (its status is then anything but not-applicable).
        .filter(|i| {
            i.scope == "universal"
                || countries.iter().any(|iso| {
                    ev.countries
                        .get(iso)
                        .and_then(|c| c.instrument(&i.id))
                        .is_some_and(|x| x.status != Status::NotApplicable)
                })
        })
        .collect();
    let binding: Vec<&&crate::model::Instrument> =
        instruments.iter().filter(|i| i.kind.is_binding()).collect();
    let status = countries
        .iter()
        .filter_map(|iso| {
            let ce = ev.countries.get(iso)?;
            let cells = binding
                .iter()
                .map(|i| {
                    let ie = ce.instrument(&i.id);
                    let text = match ie.map(|x| x.standing) {
                        // The year is enough in a table cell.
                        Some(s @ Standing::Party { .. }) => match s.joined_year() {
                            Some(y) => m.f("brief.party-year", &[("year", &y.to_string())]),
                            None => m.t("brief.party").to_string(),
                        },
                        Some(Standing::Signatory { .. }) => m.t("brief.signed").to_string(),
                        Some(Standing::NotParty) => m.t("brief.no").to_string(),
                        Some(Standing::Withdrawn { on }) => {
                            m.f("brief.withdrew-year", &[("year", &on.year().to_string())])
                        }
                        _ => "?".into(),
                    };
                    StatusCell {
                        status: ie.map(|x| x.status).unwrap_or(Status::Unknown),
                        text,
                    }
                })
                .collect();
            Some(StatusRow {
                iso3: iso.clone(),
                name: ce.name.clone(),
                cells,
            })
        })
        .collect();
    let obligations = instruments
        .iter()
        .flat_map(|i| {
            i.obligations
                .iter()
                .filter(|o| topic.is_none_or(|t| o.topics.contains(&t)))
                .map(move |o| (i, o))
        })
        .map(|(i, o)| BriefObligation {
            id: o.id.clone(),
            instrument: w.inst_name(&i.id),
            articles: o.articles.join(", "),
            title: w.obligation_title(&o.id),
            summary: cat
                .text(lang, &format!("obligation:{}:summary", o.id), &o.summary)
                .to_string(),
        })
        .collect();
    let actions = plan
        .actions()
        .filter(|(_, a)| has(&a.topics))
        .map(|(_, a)| {
            let met = countries
                .iter()
                .filter(|iso| {
                    ev.countries
                        .get(*iso)
                        .and_then(|c| c.action(&a.id))
                        .is_some_and(|x| x.status == Status::Met)
                })
                .count();
            BriefAction {
                id: a.id.clone(),
                summary: w.action_summary(&a.id),
                reference: w.reference(&a.id, &a.reference),
                met,
                of: countries.len(),
            }
        })
        .collect();
    Brief {
        stamp: Stamp::new(ev.as_of),
        plan: w.plan_name(plan),
        plan_id: plan.id.clone(),
        topic: topic
            .map(|t| m.t(&format!("topic.{}", t.as_str())).to_string())
            .unwrap_or_else(|| m.t("brief.all-topics").to_string()),
        countries: countries.to_vec(),
        columns: binding.iter().map(|i| w.inst_name(&i.id)).collect(),
        instruments: instruments
            .iter()
            .map(|i| BriefInstrument {
                id: i.id.clone(),
                name: w.inst_name(&i.id),
                title: cat
                    .text(lang, &format!("instrument:{}:title", i.id), &i.title)
                    .to_string(),
                // The instrument's summary is English prose; other languages keep the title only.
                summary: i.summary.clone().filter(|_| english).unwrap_or_default(),
                adopted: i.adoption(),
                in_force: i
                    .entry_into_force
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                text_url: i.text_url.clone(),
                not_verified: not_verified(i, &m),
                parties: countries
                    .iter()
                    .filter(|iso| {
                        ev.countries
                            .get(*iso)
                            .and_then(|c| c.instrument(&i.id))
                            .is_some_and(|x| x.standing.is_party())
                    })
                    .count(),
            })
            .collect(),
        obligations,
        status,
        actions,
        glossary: glossary::terms(topic.map(|t| t.as_str()), lang),
    }
}

/// The record's unchecked fields in words: a trainer must not present them as established.
fn not_verified(i: &crate::model::Instrument, m: &super::i18n::Messages) -> String {
    if i.source.verified.is_none() {
        return m.t("brief.whole-record").to_string();
    }
    i.unverified
        .iter()
        .map(|f| match f.as_str() {
            "adopted" | "entry_into_force" | "text_url" | "articles" | "depositary" => {
                m.t(&format!("brief.field.{f}")).to_string()
            }
            other => item_path(i, other, m),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `obligations/2/articles` as "articles of obligation `x.y`", `relations/0/basis` as "basis of the relation
/// to `z`"; anything else as written.
fn item_path(i: &crate::model::Instrument, path: &str, m: &super::i18n::Messages) -> String {
    let mut parts = path.splitn(3, '/');
    let (list, n, field) = (parts.next(), parts.next(), parts.next());
    let n: Option<usize> = n.and_then(|n| n.parse().ok());
    let field = match field.unwrap_or("") {
        // Data field names are English identifiers; say them in the reader's language.
        f @ ("summary" | "articles" | "reservable" | "basis") => {
            m.t(&format!("brief.field.{f}")).to_string()
        }
        f => f.replace('_', " "),
    };
    match (list, n) {
        (Some("obligations"), Some(n)) if n < i.obligations.len() => m.f(
            "brief.field-of-obligation",
            &[("field", &field), ("id", &i.obligations[n].id)],
        ),
        (Some("relations"), Some(n)) if n < i.relations.len() => m.f(
            "brief.field-of-relation",
            &[("field", &field), ("id", &i.relations[n].target)],
        ),
        _ => path.replace('_', " "),
    }
}
