//! Country gap report: where one state stands, obligation by obligation, with every finding sourced.

use super::words::Words;
use super::{Sources, Stamp, StatusCounts};
use crate::catalogue::Catalogue;
use crate::eval::{self, CountryEval, Fact, InstrumentEval, Reason, Status, StepKind, Strength};
use crate::model::{Country, Date, DeadlineSetBy, Plan};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct CountryReport {
    pub stamp: Stamp,
    pub country: CountryHead,
    pub plan: Option<PlanHead>,
    /// Page one: where the state stands, the gaps that matter most, what changed.
    pub overview: Overview,
    pub instrument_counts: StatusCounts,
    pub obligation_counts: StatusCounts,
    pub action_counts: StatusCounts,
    /// What met and partial findings rest on, per table.
    pub instrument_strength: StrengthCounts,
    pub obligation_strength: StrengthCounts,
    pub action_strength: StrengthCounts,
    /// Findings resting on a source current to more than the staleness limit before the date.
    pub stale_findings: usize,
    pub scorecard: Vec<AreaScore>,
    pub instruments: Vec<InstrumentRow>,
    pub obligations: Vec<ObligationRow>,
    pub actions: Vec<ActionRow>,
    pub roadmap: Vec<StepRow>,
    pub evidence_needed: Vec<EvidenceItem>,
    pub sources: Vec<super::Footnote>,
    /// Briefing packs that cover this state, when the report is a page of the static site.
    pub briefs: Vec<BriefRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BriefRef {
    pub title: String,
    pub file: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CountryHead {
    pub iso3: String,
    pub name: String,
    pub memberships: Vec<String>,
    pub conferences: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanHead {
    pub id: String,
    pub name: String,
    pub deadline: String,
    /// The state took part in the conference that adopted the plan.
    pub participant: bool,
    /// The deadline is lexgap's reading, not a date the plan set.
    pub deadline_by_lexgap: bool,
    pub deadline_note: Option<String>,
}

/// The first page of a country report, printable on one sheet.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub plans: Vec<PlanStanding>,
    pub top_gaps: Vec<TopGap>,
    /// Changes in treaty and plan-action statuses since the (first) plan's conference.
    pub changes: Vec<ChangeLine>,
    /// Changes beyond the first few, listed in the appendix so page one fits one sheet.
    pub more_changes: Vec<ChangeLine>,
    pub since: Option<String>,
}

/// How many changes page one lists before the rest go to the appendix.
const CHANGES_ON_PAGE_ONE: usize = 8;

/// Plan actions met, per area, at the conference, at the deadline and on the evaluation date; counted
/// over the actions that country facts can judge, so every column has the same denominator.
#[derive(Debug, Clone, Serialize)]
pub struct PlanStanding {
    pub id: String,
    pub name: String,
    pub conference: String,
    pub deadline: String,
    pub deadline_reached: bool,
    pub areas: Vec<AreaLine>,
    pub total: AreaLine,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct AreaLine {
    pub title: String,
    pub assessable: usize,
    pub at_conference: usize,
    pub at_deadline: Option<usize>,
    pub today: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct TopGap {
    pub id: String,
    pub label: String,
    pub status: Status,
    pub step: String,
    pub why: String,
    pub check_status_first: bool,
    pub targets: Vec<String>,
    pub notes: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChangeLine {
    pub id: String,
    pub label: String,
    pub from: Status,
    pub to: Status,
}

/// Evaluations of the same state on a plan's conference day and deadline, for page one.
pub struct Past<'a> {
    pub plan: &'a Plan,
    pub conference: &'a CountryEval,
    /// `None` while the deadline is after the evaluation date.
    pub deadline: Option<&'a CountryEval>,
}

/// How many met or partial findings rest on each strength of evidence.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct StrengthCounts {
    pub provision: usize,
    pub secondary: usize,
    pub record: usize,
    pub law: usize,
    pub none: usize,
}

impl StrengthCounts {
    pub fn of(items: impl IntoIterator<Item = (Status, Strength)>) -> StrengthCounts {
        let mut c = StrengthCounts::default();
        for (_, st) in items
            .into_iter()
            .filter(|(s, _)| matches!(s, Status::Met | Status::Partial))
        {
            match st {
                Strength::Provision => c.provision += 1,
                Strength::Secondary => c.secondary += 1,
                Strength::Record => c.record += 1,
                Strength::Law => c.law += 1,
                Strength::None => c.none += 1,
            }
        }
        c
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StepRow {
    pub order: usize,
    pub step: String,
    pub id: String,
    pub label: String,
    pub status: Status,
    pub why: String,
    pub check_status_first: bool,
    pub after: Vec<String>,
    pub targets: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AreaScore {
    pub id: String,
    pub title: String,
    pub counts: StatusCounts,
}

#[derive(Debug, Clone, Serialize)]
pub struct InstrumentRow {
    pub id: String,
    pub name: String,
    pub status: Status,
    /// The standing in words, and as its code (`party`, `signatory` …).
    pub standing: String,
    pub standing_code: String,
    pub action: String,
    pub date: String,
    pub signature: String,
    pub reservations: Vec<String>,
    pub why: String,
    pub strength: Strength,
    /// The date the participation record's source is current to ("" when not known).
    pub current_to: String,
    pub stale: bool,
    pub notes: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ObligationRow {
    pub id: String,
    pub title: String,
    pub instrument: String,
    pub articles: String,
    pub status: Status,
    pub via: String,
    pub strength: Strength,
    pub evidence: Vec<String>,
    pub notes: Vec<usize>,
    /// A plan the report covers asks about it (directly, or through a measure kind it requires).
    pub in_plan: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionRow {
    pub id: String,
    pub area: String,
    pub summary: String,
    pub reference: String,
    pub recommendations: String,
    pub status: Status,
    pub strength: Strength,
    pub why: Vec<String>,
    pub notes: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvidenceItem {
    pub item: String,
    pub question: String,
    /// Entries that may settle it once read: laws whose provisions were not read, unread reservations.
    pub leads: Vec<String>,
}

/// Leaf facts of a reason tree, as short lines for a report cell.
fn facts(w: &Words, r: &Reason, out: &mut Vec<String>, depth: usize) {
    if r.children.is_empty() || depth > 6 {
        let t = w.fact(&r.fact);
        if !out.contains(&t) {
            out.push(t);
        }
        return;
    }
    for c in &r.children {
        facts(w, c, out, depth + 1);
    }
}

/// Entries in a reason tree that would settle an unknown once read: a law known only on the subject
/// or without a cited provision, a reservation whose text was not read, a law that does not count.
fn leads(w: &Words, r: &Reason) -> Vec<String> {
    let m = w.messages();
    let mut nodes = Vec::new();
    r.walk(&mut nodes);
    let mut out: Vec<String> = Vec::new();
    for n in nodes {
        let lead = match &n.fact {
            Fact::Implements {
                title, provision, ..
            } if n.status == Some(Status::Unknown) => Some(match provision {
                Some(p) => m.f("lead.law-provision", &[("law", title), ("provision", p)]),
                None => m.f("lead.law", &[("law", title)]),
            }),
            Fact::Reservation {
                effect: eval::Effect::Unread,
                articles,
                ..
            } => Some(if articles.is_empty() {
                m.t("lead.reservation").to_string()
            } else {
                m.f(
                    "lead.reservation-articles",
                    &[("articles", &articles.join(", "))],
                )
            }),
            Fact::Measure { .. } if n.status == Some(Status::Unknown) => {
                Some(m.f("lead.measure", &[("fact", &w.fact(&n.fact))]))
            }
            _ => None,
        };
        if let Some(l) = lead.filter(|l| !out.contains(l)) {
            out.push(l);
        }
    }
    out
}

fn head(cat: &Catalogue, e: &CountryEval, c: Option<&Country>) -> CountryHead {
    CountryHead {
        iso3: e.iso3.clone(),
        name: e.name.clone(),
        memberships: c
            .map(|c| c.memberships.iter().map(|m| m.body.clone()).collect())
            .unwrap_or_default(),
        conferences: c
            .map(|c| {
                c.conferences
                    .iter()
                    .map(|x| {
                        let role = serde_json::to_value(x.role)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default();
                        let plan = cat
                            .plans
                            .get(&x.plan)
                            .map(|p| p.name().to_string())
                            .unwrap_or(x.plan.clone());
                        format!("{plan} ({role})")
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

fn instrument_row(
    cat: &Catalogue,
    w: &Words,
    i: &InstrumentEval,
    src: &mut Sources,
    fresh: super::Freshness,
) -> InstrumentRow {
    let m = w.messages();
    let standing = w.standing_row(i.standing);
    InstrumentRow {
        id: i.id.clone(),
        name: cat.instrument_name_in(&i.id, m.lang).to_string(),
        status: i.status,
        standing: standing.word,
        standing_code: standing.code.to_string(),
        action: standing.action,
        date: standing.date,
        signature: i.signature.map(|s| s.to_string()).unwrap_or_default(),
        reservations: i
            .reservations
            .iter()
            .map(|r| w.reservation_line(r))
            .collect(),
        why: w.fact(&i.reasons.fact),
        strength: i.strength,
        current_to: i.current_to.map(|d| d.to_string()).unwrap_or_default(),
        stale: i
            .source
            .as_ref()
            .is_some_and(|s| s.is_stale(fresh.today, fresh.stale_years)),
        notes: src.cite_reason(&i.reasons),
    }
}

/// Obligations and measure kinds that a plan's criteria name.
fn plan_targets(plans: &[&Plan]) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    for p in plans {
        for (_, a) in p.actions() {
            out.extend(a.addresses.iter().cloned());
            let mut leaves = Vec::new();
            if let Some(c) = &a.criterion {
                c.leaves(&mut leaves);
            }
            for l in leaves {
                if let crate::model::Criterion::Implements(id)
                | crate::model::Criterion::Measure(id)
                | crate::model::Criterion::NoConflict(id) = l
                {
                    out.insert(id.clone());
                }
            }
        }
    }
    out
}

fn obligation_rows(
    cat: &Catalogue,
    w: &Words,
    e: &CountryEval,
    plans: &[&Plan],
    src: &mut Sources,
) -> Vec<ObligationRow> {
    let named = plan_targets(plans);
    e.obligations
        .iter()
        .filter(|o| o.bound || o.excluded_by_reservation || o.status == Status::Unknown)
        .filter_map(|o| {
            let ob = cat.obligation(&o.id)?;
            let mut ev = Vec::new();
            for ch in o.reasons.children.iter().skip(if o.bound { 1 } else { 0 }) {
                facts(w, ch, &mut ev, 0);
            }
            Some(ObligationRow {
                id: o.id.clone(),
                title: w.obligation_title(&ob.id),
                instrument: w.inst_name(&o.instrument),
                articles: ob.articles.join(", "),
                status: o.status,
                via: o.via.as_ref().map(|v| w.inst_name(v)).unwrap_or_default(),
                strength: o.strength,
                evidence: ev,
                notes: src.cite_reason(&o.reasons),
                in_plan: named.contains(&o.id) || ob.requires.iter().any(|r| named.contains(r)),
            })
        })
        .collect()
}

/// The plans a report covers: the one asked for, else those the state took part in.
fn plans_of<'a>(cat: &'a Catalogue, e: &CountryEval, plan: Option<&'a Plan>) -> Vec<&'a Plan> {
    match plan {
        Some(p) => vec![p],
        None => cat
            .plans
            .values()
            .filter(|p| p.participants.contains(&e.iso3))
            .collect(),
    }
}

fn action_rows(
    w: &Words,
    e: &CountryEval,
    plans: &[&Plan],
    src: &mut Sources,
) -> (Vec<ActionRow>, Vec<AreaScore>) {
    let mut actions = Vec::new();
    let mut scorecard = Vec::new();
    for p in plans {
        let evals = e.actions.get(&p.id).map(Vec::as_slice).unwrap_or_default();
        for area in &p.areas {
            let mut statuses = Vec::new();
            for a in &area.actions {
                let Some(x) = evals.iter().find(|x| x.id == a.id) else {
                    continue;
                };
                statuses.push(x.status);
                let mut why = Vec::new();
                // A state's own evaluation keeps every reason; one without them shows none.
                let reasons = x.reasons.as_deref();
                for ch in reasons.iter().flat_map(|r| r.children.iter()) {
                    facts(w, ch, &mut why, 0);
                }
                if let (Status::NotAssessed, Some(r)) = (x.status, reasons) {
                    // The row already names the action and says "not assessed": give the reason only.
                    why = vec![match &r.fact {
                        crate::eval::Fact::NotAssessed { why, .. } => w.not_assessed_reason(why),
                        f => w.fact(f),
                    }];
                }
                actions.push(ActionRow {
                    id: a.id.clone(),
                    area: w.area_title(&area.id, &area.title),
                    summary: w.action_summary(&a.id),
                    reference: w.reference(&a.id, &a.reference),
                    recommendations: a.recommendations.join("; "),
                    status: x.status,
                    strength: x.strength,
                    why,
                    notes: reasons.map(|r| src.cite_reason(r)).unwrap_or_default(),
                });
            }
            let area_title = w.area_title(&area.id, &area.title);
            scorecard.push(AreaScore {
                id: area.id.clone(),
                title: if plans.len() > 1 {
                    format!("{} — {area_title}", w.plan_name(p))
                } else {
                    area_title
                },
                counts: StatusCounts::of(statuses),
            });
        }
    }
    (actions, scorecard)
}

fn evidence_needed(w: &Words, e: &CountryEval, actions: &[ActionRow]) -> Vec<EvidenceItem> {
    let mut out = Vec::new();
    for i in e.instruments.iter().filter(|i| i.status == Status::Unknown) {
        out.push(EvidenceItem {
            item: i.id.clone(),
            question: w.messages().f(
                "question.treaty",
                &[("country", &e.name), ("treaty", &w.inst_name(&i.id))],
            ),
            leads: leads(w, &i.reasons),
        });
    }
    for o in e
        .obligations
        .iter()
        .filter(|o| o.bound && o.status == Status::Unknown)
    {
        out.push(EvidenceItem {
            item: o.id.clone(),
            question: w.messages().f(
                "question.obligation",
                &[("obligation", &w.obligation(&o.id))],
            ),
            leads: leads(w, &o.reasons),
        });
    }
    for a in actions.iter().filter(|a| a.status == Status::Unknown) {
        let lead = e
            .action(&a.id)
            .and_then(|x| x.reasons.as_deref())
            .map(|r| leads(w, r))
            .unwrap_or_default();
        out.push(EvidenceItem {
            item: a.id.clone(),
            question: w
                .messages()
                .f("question.action", &[("summary", &a.summary)]),
            leads: lead,
        });
    }
    out
}

fn step_rows(w: &Words, steps: &[eval::Step]) -> Vec<StepRow> {
    steps
        .iter()
        .map(|s| StepRow {
            order: s.order,
            step: w.step_kind(s.step).to_string(),
            id: s.id.clone(),
            label: w.step_label(s),
            status: s.status,
            why: w.step_why(s),
            check_status_first: s.check_status_first && s.step == StepKind::Join,
            after: s.after.clone(),
            targets: s.targets.clone(),
        })
        .collect()
}

fn met_actions(e: &CountryEval, plan: &Plan, area: &crate::model::Area) -> usize {
    let evals = e
        .actions
        .get(&plan.id)
        .map(Vec::as_slice)
        .unwrap_or_default();
    area.actions
        .iter()
        .filter(|a| {
            evals
                .iter()
                .any(|x| x.id == a.id && x.status == Status::Met)
        })
        .count()
}

fn standing_of(w: &Words, e: &CountryEval, past: &Past) -> PlanStanding {
    let p = past.plan;
    let mut areas = Vec::new();
    let mut total = AreaLine {
        title: String::new(),
        at_deadline: past.deadline.map(|_| 0),
        ..AreaLine::default()
    };
    for area in &p.areas {
        let line = AreaLine {
            title: w.area_title(&area.id, &area.title),
            assessable: area
                .actions
                .iter()
                .filter(|a| a.criterion.is_some())
                .count(),
            at_conference: met_actions(past.conference, p, area),
            at_deadline: past.deadline.map(|d| met_actions(d, p, area)),
            today: met_actions(e, p, area),
        };
        total.assessable += line.assessable;
        total.at_conference += line.at_conference;
        total.today += line.today;
        if let (Some(t), Some(l)) = (total.at_deadline.as_mut(), line.at_deadline) {
            *t += l;
        }
        areas.push(line);
    }
    PlanStanding {
        id: p.id.clone(),
        name: w.plan_name(p),
        conference: p.conference.end.to_string(),
        deadline: p.deadline.to_string(),
        deadline_reached: past.deadline.is_some(),
        areas,
        total,
    }
}

/// The reasons behind a roadmap step's item, for its footnotes.
fn step_reasons<'e>(e: &'e CountryEval, s: &eval::Step) -> Option<&'e Reason> {
    match s.step {
        StepKind::Join => e.instrument(&s.id).map(|x| &x.reasons),
        StepKind::Implement => e.obligation(&s.id).map(|x| &x.reasons),
        StepKind::Act => e.action(&s.id).and_then(|x| x.reasons.as_deref()),
    }
}

/// The five open gaps that matter most: those that move the most targets, gaps before blocked items
/// before partial ones, then in roadmap order (prerequisites first).
fn top_gaps(w: &Words, e: &CountryEval, steps: &[eval::Step], src: &mut Sources) -> Vec<TopGap> {
    let rank = |s: Status| match s {
        Status::Gap => 0,
        Status::Blocked => 1,
        _ => 2,
    };
    let mut v: Vec<&eval::Step> = steps.iter().collect();
    v.sort_by_key(|s| (std::cmp::Reverse(s.targets.len()), rank(s.status), s.order));
    v.into_iter()
        .take(5)
        .map(|s| TopGap {
            id: s.id.clone(),
            label: w.step_label(s),
            status: s.status,
            step: w.step_kind(s.step).to_string(),
            why: w.step_why(s),
            check_status_first: s.check_status_first,
            targets: s.targets.clone(),
            notes: step_reasons(e, s)
                .map(|r| src.cite_reason(r))
                .unwrap_or_default(),
        })
        .collect()
}

/// Treaty and plan-action statuses that differ between the conference and the evaluation date.
fn changes(w: &Words, plans: &[&Plan], then: &CountryEval, now: &CountryEval) -> Vec<ChangeLine> {
    let mut out = Vec::new();
    for i in &now.instruments {
        if let Some(t) = then.instrument(&i.id).filter(|t| t.status != i.status) {
            out.push(ChangeLine {
                id: i.id.clone(),
                label: w.inst_name(&i.id),
                from: t.status,
                to: i.status,
            });
        }
    }
    for (pid, acts) in &now.actions {
        if !plans.iter().any(|p| &p.id == pid) {
            continue;
        }
        for a in acts {
            let before = then
                .actions
                .get(pid)
                .and_then(|v| v.iter().find(|x| x.id == a.id));
            if let Some(b) = before.filter(|b| b.status != a.status) {
                out.push(ChangeLine {
                    id: a.id.clone(),
                    label: w.action_summary(&a.id),
                    from: b.status,
                    to: a.status,
                });
            }
        }
    }
    out
}

pub fn build(
    cat: &Catalogue,
    e: &CountryEval,
    plan: Option<&Plan>,
    past: &[Past],
    as_of: Date,
    fresh: super::Freshness,
    lang: crate::model::Lang,
) -> CountryReport {
    let fresh = fresh.at(as_of);
    let mut src = Sources::new(fresh);
    let w = Words::in_lang(cat, Some(&e.iso3), lang);
    let c = cat.countries.get(&e.iso3);
    let instruments: Vec<InstrumentRow> = e
        .instruments
        .iter()
        .map(|i| instrument_row(cat, &w, i, &mut src, fresh))
        .collect();
    let plans = plans_of(cat, e, plan);
    let obligations = obligation_rows(cat, &w, e, &plans, &mut src);
    let (actions, scorecard) = action_rows(&w, e, &plans, &mut src);
    let steps = eval::roadmap(cat, e, plan, as_of, fresh.stale_years);
    let evidence_needed = evidence_needed(&w, e, &actions);
    let stale_findings = instruments.iter().filter(|i| i.stale).count();
    let past: Vec<&Past> = past
        .iter()
        .filter(|p| plans.iter().any(|x| x.id == p.plan.id))
        .collect();
    let mut changed = past
        .first()
        .map(|p| changes(&w, &plans, p.conference, e))
        .unwrap_or_default();
    let more_changes = changed.split_off(changed.len().min(CHANGES_ON_PAGE_ONE));
    let overview = Overview {
        plans: past.iter().map(|p| standing_of(&w, e, p)).collect(),
        top_gaps: top_gaps(&w, e, &steps, &mut src),
        changes: changed,
        more_changes,
        since: past.first().map(|p| p.plan.conference.end.to_string()),
    };
    CountryReport {
        overview,
        stamp: Stamp::new(as_of),
        country: head(cat, e, c),
        plan: plan.map(|p| PlanHead {
            id: p.id.clone(),
            name: w.plan_name(p),
            deadline: p.deadline.to_string(),
            participant: p.participants.contains(&e.iso3),
            deadline_by_lexgap: p.deadline_set_by == Some(DeadlineSetBy::Lexgap),
            // The note is research prose in English; other languages keep the structured caveat only.
            deadline_note: p
                .deadline_note
                .clone()
                .filter(|_| lang == crate::model::Lang::En),
        }),
        instrument_counts: StatusCounts::of(instruments.iter().map(|i| i.status)),
        obligation_counts: StatusCounts::of(obligations.iter().map(|o| o.status)),
        action_counts: StatusCounts::of(actions.iter().map(|a| a.status)),
        instrument_strength: StrengthCounts::of(instruments.iter().map(|i| (i.status, i.strength))),
        obligation_strength: StrengthCounts::of(obligations.iter().map(|o| (o.status, o.strength))),
        action_strength: StrengthCounts::of(actions.iter().map(|a| (a.status, a.strength))),
        stale_findings,
        scorecard,
        instruments,
        obligations,
        actions,
        roadmap: step_rows(&w, &steps),
        evidence_needed,
        sources: src.notes,
        briefs: Vec::new(),
    }
}
