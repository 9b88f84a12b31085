//! Plan tracker: per target, how many states have met it at the deadline and now, who is closest,
//! the state × action matrix, and what changed since the conference.

use super::{Stamp, StatusCounts};
use crate::catalogue::Catalogue;
use crate::eval::{Evaluation, PlanEval, Progress, Status, Strength, TargetKind};
use crate::model::{Date, Plan};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct PlanReport {
    pub stamp: Stamp,
    pub plan: PlanInfo,
    pub target_counts: StatusCounts,
    pub targets: Vec<TargetRow>,
    pub matrix: Matrix,
    /// Participants coloured by their share of plan actions met (site pages only draw it).
    pub map: Option<super::map::MapView>,
    pub since: String,
    pub changes: Vec<ChangeRow>,
}

/// A change since the conference, with its detail in words.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeRow {
    pub item: &'static str,
    pub scope: String,
    pub id: String,
    pub from: Status,
    pub to: Status,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanInfo {
    pub id: String,
    pub title: String,
    pub name: String,
    pub conference: String,
    pub adopted: String,
    pub deadline: String,
    pub participants: Vec<Named>,
    pub participant_count: usize,
    pub absent: Vec<Named>,
    pub areas: Vec<Named>,
    pub deadline_by_lexgap: bool,
    pub deadline_note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProgressView {
    pub date: String,
    pub status: Status,
    pub strength: Strength,
    /// The evaluation date is before the due date: the due-date reading does not exist yet.
    pub not_yet_due: bool,
    pub summary: String,
    pub count: usize,
    pub of: usize,
    pub needed: usize,
    pub percent: usize,
    pub met: Vec<String>,
    pub unknown: Vec<String>,
}

/// `k of n (threshold m)`, `k of m evidence records`, or why it is not counted, in English.
pub fn progress_summary(p: &Progress) -> String {
    progress_words(&super::i18n::Messages::new(crate::model::Lang::En), p)
}

fn progress_words(m: &super::i18n::Messages, p: &Progress) -> String {
    if p.status == Status::NotAssessed {
        return m.t("count.not-assessed").to_string();
    }
    let (count, of, needed) = (p.count.to_string(), p.of.to_string(), p.needed.to_string());
    match p.of {
        0 => m.f("count.regional", &[("count", &count), ("needed", &needed)]),
        _ => m.f(
            "count.threshold",
            &[("count", &count), ("of", &of), ("needed", &needed)],
        ),
    }
}

impl ProgressView {
    /// The due-date reading of a target whose due date is after the evaluation date.
    fn not_yet_due(due: Date, m: &super::i18n::Messages) -> ProgressView {
        ProgressView {
            date: due.to_string(),
            status: Status::Unknown,
            strength: Strength::None,
            not_yet_due: true,
            summary: m.t("count.not-yet-due").to_string(),
            count: 0,
            of: 0,
            needed: 0,
            percent: 0,
            met: vec![],
            unknown: vec![],
        }
    }

    fn new(p: &Progress, m: &super::i18n::Messages) -> ProgressView {
        ProgressView {
            date: p.date.to_string(),
            status: p.status,
            strength: p.strength,
            not_yet_due: false,
            summary: progress_words(m, p),
            count: p.count,
            of: p.of,
            needed: p.needed,
            percent: (100 * p.count.min(p.needed))
                .checked_div(p.needed)
                .unwrap_or(0),
            met: p.met.clone(),
            unknown: p.unknown.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetRow {
    pub id: String,
    pub area: String,
    pub summary: String,
    pub reference: String,
    pub kind: TargetKind,
    pub due: String,
    /// The reading on the conference's last day, the baseline.
    pub at_conference: ProgressView,
    pub at_due: ProgressView,
    pub now: ProgressView,
    /// States not yet counted whose status is closest to meeting it (partial first).
    pub closest: Vec<String>,
    pub not_assessed: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Matrix {
    pub columns: Vec<MatrixColumn>,
    pub rows: Vec<MatrixRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixColumn {
    pub id: String,
    pub n: usize,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub iso3: String,
    pub name: String,
    pub cells: Vec<Cell>,
    pub counts: StatusCounts,
}

/// One state × action cell: the status, and the action, to link to its explanation.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub action: String,
    pub status: Status,
}

pub fn build(
    cat: &Catalogue,
    plan: &Plan,
    ev: &Evaluation,
    pe: &PlanEval,
    since: &Evaluation,
    lang: crate::model::Lang,
) -> PlanReport {
    let words = super::words::Words::in_lang(cat, None, lang);
    let msg = words.messages();
    let name = |iso: &str| {
        cat.countries
            .get(iso)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| iso.to_string())
    };
    let targets: Vec<TargetRow> = pe
        .targets
        .iter()
        .filter_map(|t| {
            let def = plan.targets().find(|(_, x)| x.id == t.id)?.1;
            let area = plan
                .areas
                .iter()
                .find(|a| a.id == t.area)
                .map(|a| words.area_title(&a.id, &a.title))
                .unwrap_or_default();
            let mut closest: Vec<String> = t.now.partial.clone();
            closest.extend(t.now.unknown.iter().cloned());
            closest.extend(t.now.blocked.iter().cloned());
            closest.extend(t.now.gap.iter().cloned());
            closest.truncate(5);
            Some(TargetRow {
                id: t.id.clone(),
                area,
                summary: words.target_summary(&def.id, &def.summary),
                reference: words.reference(&def.id, &def.reference),
                kind: t.kind,
                due: t.due.to_string(),
                at_due: t
                    .at_due
                    .as_ref()
                    .map(|p| ProgressView::new(p, &msg))
                    .unwrap_or_else(|| ProgressView::not_yet_due(t.due, &msg)),
                now: ProgressView::new(&t.now, &msg),
                at_conference: since
                    .plans
                    .get(&plan.id)
                    .and_then(|pe| pe.targets.iter().find(|x| x.id == t.id))
                    .map(|x| ProgressView::new(&x.now, &msg))
                    .unwrap_or_else(|| ProgressView::not_yet_due(t.due, &msg)),
                closest,
                not_assessed: def
                    .not_assessed
                    .clone()
                    .filter(|_| lang == crate::model::Lang::En),
            })
        })
        .collect();
    let assessed: Vec<_> = plan
        .actions()
        .filter(|(_, a)| a.criterion.is_some())
        .map(|(_, a)| a)
        .collect();
    let columns = assessed
        .iter()
        .enumerate()
        .map(|(i, a)| MatrixColumn {
            id: a.id.clone(),
            n: i + 1,
            summary: words.action_summary(&a.id),
        })
        .collect();
    let rows: Vec<MatrixRow> = plan
        .participants
        .iter()
        .filter_map(|iso| {
            let ce = ev.countries.get(iso)?;
            let acts = ce.actions.get(&plan.id)?;
            let cells: Vec<Cell> = assessed
                .iter()
                .map(|a| Cell {
                    action: a.id.clone(),
                    status: acts
                        .iter()
                        .find(|x| x.id == a.id)
                        .map(|x| x.status)
                        .unwrap_or(Status::Unknown),
                })
                .collect();
            Some(MatrixRow {
                iso3: iso.clone(),
                name: name(iso),
                counts: StatusCounts::of(cells.iter().map(|c| c.status)),
                cells,
            })
        })
        .collect();
    let absent = plan
        .invited
        .iter()
        .filter(|i| !plan.participants.contains(i))
        .map(|i| Named {
            id: i.clone(),
            name: name(i),
        })
        .collect();
    PlanReport {
        stamp: Stamp::new(ev.as_of),
        plan: PlanInfo {
            id: plan.id.clone(),
            title: cat
                .text(lang, &format!("plan:{}:title", plan.id), &plan.title)
                .to_string(),
            name: words.plan_name(plan),
            conference: msg.f(
                "conference.place",
                &[
                    ("place", &plan.conference.place),
                    ("start", &msg.date(plan.conference.start)),
                    ("end", &msg.date(plan.conference.end)),
                ],
            ),
            adopted: plan.adopted.to_string(),
            deadline: plan.deadline.to_string(),
            deadline_by_lexgap: plan.deadline_set_by == Some(crate::model::DeadlineSetBy::Lexgap),
            deadline_note: plan
                .deadline_note
                .clone()
                .filter(|_| lang == crate::model::Lang::En),
            participant_count: plan.participants.len(),
            participants: plan
                .participants
                .iter()
                .map(|i| Named {
                    id: i.clone(),
                    name: name(i),
                })
                .collect(),
            absent,
            areas: plan
                .areas
                .iter()
                .map(|a| Named {
                    id: a.id.clone(),
                    name: words.area_title(&a.id, &a.title),
                })
                .collect(),
        },
        target_counts: StatusCounts::of(targets.iter().map(|t| t.now.status)),
        targets,
        map: super::map::map(&map_focus(&rows, "../", &msg)),
        matrix: Matrix { columns, rows },
        since: since.as_of.to_string(),
        changes: crate::eval::diff(since, ev, Some(&plan.id), None)
            .into_iter()
            .filter(|c| {
                c.item != "obligation"
                    && (c.item != "instrument" || plan.participants.contains(&c.scope))
            })
            .filter(|c| c.item != "action" || plan.participants.contains(&c.scope))
            .map(|c| ChangeRow {
                detail: words.change_detail(&c),
                item: c.item,
                scope: c.scope,
                id: c.id,
                from: c.from,
                to: c.to,
            })
            .collect(),
    }
}

/// Each participant coloured by its plan actions whose status is decided (met, partial, gap or
/// blocked): met when half or more of those are met, partial when some are met or partial, gap when
/// none is, unknown when none is decided.
pub fn map_focus(
    rows: &[MatrixRow],
    link_prefix: &str,
    m: &super::i18n::Messages,
) -> Vec<super::map::Focus> {
    rows.iter()
        .map(|r| {
            let judged = r.counts.total - r.counts.not_assessed - r.counts.not_applicable;
            let decided = judged - r.counts.unknown;
            let status = if decided == 0 {
                Status::Unknown
            } else if 2 * r.counts.met >= decided {
                Status::Met
            } else if r.counts.met + r.counts.partial > 0 {
                Status::Partial
            } else {
                Status::Gap
            };
            super::map::Focus {
                iso3: r.iso3.clone(),
                status,
                title: m.f(
                    "map.plan-title",
                    &[
                        ("country", &r.name),
                        ("met", &r.counts.met.to_string()),
                        ("judged", &judged.to_string()),
                        ("partial", &r.counts.partial.to_string()),
                        ("unknown", &r.counts.unknown.to_string()),
                    ],
                ),
                href: Some(format!("{link_prefix}countries/{}.html", r.iso3)),
            }
        })
        .collect()
}

/// The date the tracker compares against: the last day of the conference.
pub fn baseline(plan: &Plan) -> Date {
    plan.conference.end
}
