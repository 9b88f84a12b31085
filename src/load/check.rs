//! Meaning checks across records, after each file passed its schema: unique ids, references that
//! resolve, dates in order, reserved articles that exist, no dependency cycles, sources present.

use super::{LoadOptions, Stats};
use crate::catalogue::Catalogue;
use crate::diag::{Diagnostic, Diagnostics};
use crate::graph::{Node, ObligationGraph};
use crate::model::{
    article_listed, Basis, Criterion, Date, ParticipationStatus, Period, Plan, Source, TreatyRef,
};
use std::collections::{BTreeMap, BTreeSet};

pub(super) fn check(cat: &Catalogue, opts: LoadOptions, d: &mut Diagnostics, stats: &mut Stats) {
    instruments(cat, d);
    for inst in cat.instruments.values() {
        let file = cat.file_of(&format!("instrument:{}", inst.id));
        source_dates(file, "", &inst.source, opts, d, stats);
    }
    countries(cat, opts, d, stats);
    let action_ids = plans(cat, d);
    let _ = action_ids;
    for plan in cat.plans.values() {
        criterion_limits(plan, cat.file_of(&format!("plan:{}", plan.id)), d);
    }
    cycles(cat, d);
}

/// How deep a criterion reaches: one per level of `all`/`any`/`each`/`not` and per action it reuses,
/// as the evaluator counts depth. `actions` holds the reach of the actions already measured.
fn reach(c: &Criterion, actions: &BTreeMap<&str, usize>) -> usize {
    match c {
        Criterion::All(cs) | Criterion::Any(cs) | Criterion::Each(cs) => cs
            .iter()
            .map(|x| reach(x, actions))
            .max()
            .map_or(0, |m| m.saturating_add(1)),
        Criterion::Not(x) => reach(x, actions).saturating_add(1),
        Criterion::Action(a) => actions.get(a.as_str()).map_or(0, |r| r.saturating_add(1)),
        _ => 0,
    }
}

fn count_nodes(c: &Criterion) -> usize {
    match c {
        Criterion::All(cs) | Criterion::Any(cs) | Criterion::Each(cs) => {
            1 + cs.iter().map(count_nodes).sum::<usize>()
        }
        Criterion::Not(x) => 1 + count_nodes(x),
        _ => 1,
    }
}

fn referenced_actions<'a>(c: &'a Criterion, out: &mut Vec<&'a str>) {
    match c {
        Criterion::All(cs) | Criterion::Any(cs) | Criterion::Each(cs) => {
            cs.iter().for_each(|x| referenced_actions(x, out))
        }
        Criterion::Not(x) => referenced_actions(x, out),
        Criterion::Action(a) => out.push(a),
        _ => {}
    }
}

/// Criteria the evaluator would refuse to follow to the end: nested (through the actions they reuse)
/// deeper than [`MAX_DEPTH`], or, over a whole plan, more conditions than its work limit allows.
/// Cycles among actions are reported as dependency cycles, and are cut here.
///
/// [`MAX_DEPTH`]: crate::eval::criteria::MAX_DEPTH
fn criterion_limits(plan: &Plan, file: &str, d: &mut Diagnostics) {
    use crate::eval::criteria::{MAX_DEPTH, MAX_WORK};
    let criteria: BTreeMap<&str, &Criterion> = plan
        .actions()
        .filter_map(|(_, a)| Some((a.id.as_str(), a.criterion.as_ref()?)))
        .collect();
    // Actions in an order that measures what each reuses before it (depth-first, iteratively, so a
    // long chain of actions cannot exhaust the stack).
    let mut order: Vec<&str> = Vec::new();
    let mut state: BTreeMap<&str, bool> = BTreeMap::new(); // false: open, true: done
    for &start in criteria.keys() {
        if state.contains_key(start) {
            continue;
        }
        let mut stack: Vec<(&str, Vec<&str>)> = Vec::new();
        let mut refs = Vec::new();
        if let Some(c) = criteria.get(start) {
            referenced_actions(c, &mut refs);
        }
        state.insert(start, false);
        stack.push((start, refs));
        while let Some((node, refs)) = stack.last_mut() {
            match refs.pop() {
                Some(next) if criteria.contains_key(next) && !state.contains_key(next) => {
                    let mut r = Vec::new();
                    if let Some(c) = criteria.get(next) {
                        referenced_actions(c, &mut r);
                    }
                    state.insert(next, false);
                    stack.push((next, r));
                }
                Some(_) => {}
                None => {
                    let node = *node;
                    state.insert(node, true);
                    order.push(node);
                    stack.pop();
                }
            }
        }
    }
    let mut reaches: BTreeMap<&str, usize> = BTreeMap::new();
    for a in order {
        if let Some(c) = criteria.get(a) {
            reaches.insert(a, reach(c, &reaches));
        }
    }
    let mut nodes = 0usize;
    let mut too_deep = |c: &Criterion, ptr: String, d: &mut Diagnostics| {
        nodes = nodes.saturating_add(count_nodes(c));
        let r = reach(c, &reaches);
        if r > MAX_DEPTH {
            d.push(
                Diagnostic::error(
                    "criterion-too-deep",
                    file,
                    &ptr,
                    format!(
                        "the criterion nests {r} levels deep, counting the actions it reuses; the evaluator follows {MAX_DEPTH}"
                    ),
                )
                .expected(format!("at most {MAX_DEPTH} levels of all/any/each/not and reused actions"))
                .help("name an intermediate step as an action once and reuse it, rather than chaining"),
            );
        }
    };
    for (ai, area) in plan.areas.iter().enumerate() {
        for (xi, a) in area.actions.iter().enumerate() {
            if let Some(c) = &a.criterion {
                too_deep(c, format!("/areas/{ai}/actions/{xi}/criterion"), d);
            }
        }
        for (ti, t) in area.targets.iter().enumerate() {
            if let Some(c) = &t.criterion {
                too_deep(c, format!("/areas/{ai}/targets/{ti}/criterion"), d);
            }
        }
    }
    // Each action is evaluated once directly and at most once more where another first reuses it.
    if nodes.saturating_mul(2) > MAX_WORK {
        d.push(
            Diagnostic::error(
                "criterion-too-large",
                file,
                "/areas",
                format!(
                    "the plan's criteria hold {nodes} conditions; the evaluator stops after {MAX_WORK} per state, counting reused actions twice"
                ),
            )
            .expected(format!("at most {} conditions in a plan", MAX_WORK / 2)),
        );
    }
}

fn source_checks(
    file: &str,
    ptr: &str,
    src: Option<&Source>,
    opts: LoadOptions,
    d: &mut Diagnostics,
    stats: &mut Stats,
) {
    stats.facts += 1;
    match src {
        None => {
            stats.unverified_facts += 1;
            stats.stale_facts += 1;
            d.push(
                Diagnostic::warning("missing-source", file, ptr, "fact has no source")
                    .expected("a `source` with title, url and accessed date"),
            );
        }
        Some(s) => {
            // How current the content is decides staleness; when it was checked does not.
            if s.is_stale(opts.today, opts.stale_years) {
                stats.stale_facts += 1;
            }
            if s.verified.is_none() {
                stats.unverified_facts += 1;
            }
            source_dates(file, ptr, s, opts, d, stats);
        }
    }
}

/// The date checks every source gets, whether it backs a counted fact or a finding on a law, a
/// reservation or an instrument: nothing read, current or verified after the day it was read or after
/// today.
fn source_dates(
    file: &str,
    ptr: &str,
    s: &Source,
    opts: LoadOptions,
    d: &mut Diagnostics,
    stats: &mut Stats,
) {
    if s.accessed > opts.today {
        d.push(
            Diagnostic::error(
                "future-date",
                file,
                &format!("{ptr}/source/accessed"),
                "a source cannot have been read on a day that has not come",
            )
            .expected(format!("on or before today, {}", opts.today))
            .found(s.accessed.to_string()),
        );
    }
    if let Some(c @ crate::model::PartialDate::Day(day)) = s.current_to {
        if day > s.accessed {
            d.push(
                Diagnostic::error(
                    "current-after-access",
                    file,
                    &format!("{ptr}/source/current_to"),
                    "a source cannot reflect a day after it was read",
                )
                .expected(format!("on or before the accessed date {}", s.accessed))
                .found(c.to_string()),
            );
        }
    }
    if let Some(v) = s.verified {
        if v > opts.today {
            d.push(
                Diagnostic::error(
                    "future-date",
                    file,
                    &format!("{ptr}/source/verified"),
                    "verified date lies in the future",
                )
                .found(v.to_string()),
            );
        }
        stats.newest_verified = stats.newest_verified.max(Some(v));
    }
}

fn order(d: &mut Diagnostics, file: &str, ptr: &str, pairs: &[(&str, Option<Date>)]) {
    let known: Vec<(&str, Date)> = pairs
        .iter()
        .filter_map(|(n, v)| v.map(|v| (*n, v)))
        .collect();
    for w in known.windows(2) {
        if w[0].1 > w[1].1 {
            d.push(
                Diagnostic::error(
                    "dates-out-of-order",
                    file,
                    &format!("{ptr}/{}", w[1].0),
                    format!(
                        "`{}` ({}) comes before `{}` ({})",
                        w[1].0, w[1].1, w[0].0, w[0].1
                    ),
                )
                .expected(format!("{} on or after {}", w[1].0, w[0].1))
                .found(w[1].1.to_string()),
            );
        }
    }
}

fn instruments(cat: &Catalogue, d: &mut Diagnostics) {
    let mut seen_obl: BTreeMap<&str, &str> = BTreeMap::new();
    for inst in cat.instruments.values() {
        let file = cat.file_of(&format!("instrument:{}", inst.id));
        if inst.scope != "universal" && !cat.is_body(&inst.scope) {
            d.push(Diagnostic::error(
                "unknown-body",
                file,
                "/scope",
                format!(
                    "scope `{}` is neither `universal` nor a regional body of the vocabulary",
                    inst.scope
                ),
            ));
        }
        if inst.adopted.is_some() && inst.adopted_period.is_some() {
            d.push(
                Diagnostic::error(
                    "conflicting-dates",
                    file,
                    "/adopted_period",
                    "an adoption period is given beside the day of adoption",
                )
                .expected("`adopted` when the day is known, else `adopted_period`"),
            );
        }
        // A treaty's final clauses run from a known day; only soft law may be dated by month or year.
        if inst.adopted.is_none() && inst.kind.is_binding() {
            d.push(
                Diagnostic::error(
                    "missing-adoption-date",
                    file,
                    "/adopted",
                    "a treaty needs the full date it was adopted",
                )
                .expected("`adopted` as YYYY-MM-DD"),
            );
        }
        order(
            d,
            file,
            "",
            &[
                ("adopted", inst.adopted),
                ("entry_into_force", inst.entry_into_force),
            ],
        );
        for (ri, r) in inst.relations.iter().enumerate() {
            let ptr = format!("/relations/{ri}");
            match cat.instruments.get(&r.target) {
                None => d.push(Diagnostic::error(
                    "unknown-instrument",
                    file,
                    &format!("{ptr}/target"),
                    format!(
                        "relation names instrument `{}`, which is not in the catalogue",
                        r.target
                    ),
                )),
                Some(t) => {
                    if r.target == inst.id {
                        d.push(Diagnostic::error(
                            "self-relation",
                            file,
                            &format!("{ptr}/target"),
                            "an instrument cannot relate to itself",
                        ));
                    }
                    for (ai, a) in r.target_articles.iter().enumerate() {
                        if !t.articles.is_empty() && !article_listed(&t.articles, a) {
                            d.push(
                                Diagnostic::error(
                                    "unknown-article",
                                    file,
                                    &format!("{ptr}/target_articles/{ai}"),
                                    format!("article `{a}` is not an article of `{}`", t.id),
                                )
                                .expected(format!("one of the articles listed in `{}`", t.id)),
                            );
                        }
                    }
                }
            }
        }
        for (oi, o) in inst.obligations.iter().enumerate() {
            let ptr = format!("/obligations/{oi}");
            if o.instrument_id() != inst.id {
                d.push(
                    Diagnostic::error(
                        "obligation-id-prefix",
                        file,
                        &format!("{ptr}/id"),
                        "obligation id must start with its instrument id",
                    )
                    .expected(format!("`{}.<slug>`", inst.id))
                    .found(format!("`{}`", o.id)),
                );
            }
            if let Some(prev) = seen_obl.insert(&o.id, file) {
                d.push(Diagnostic::error(
                    "duplicate-id",
                    file,
                    &format!("{ptr}/id"),
                    format!("obligation id `{}` is already used in {prev}", o.id),
                ));
            }
            for (ai, a) in o.articles.iter().enumerate() {
                if !inst.articles.is_empty() && !article_listed(&inst.articles, a) {
                    d.push(
                        Diagnostic::error(
                            "unknown-article",
                            file,
                            &format!("{ptr}/articles/{ai}"),
                            format!("article `{a}` is not among the instrument's articles"),
                        )
                        .expected("an article listed in `articles`"),
                    );
                }
            }
            for (di, dep) in o.depends_on.iter().enumerate() {
                if cat.obligation(dep).is_none() {
                    d.push(Diagnostic::error(
                        "unknown-obligation",
                        file,
                        &format!("{ptr}/depends_on/{di}"),
                        format!("obligation `{dep}` does not exist"),
                    ));
                }
            }
            for (mi, m) in o.requires.iter().enumerate() {
                if !cat.is_measure_kind(m) {
                    d.push(Diagnostic::error(
                        "unknown-measure-kind",
                        file,
                        &format!("{ptr}/requires/{mi}"),
                        format!("measure kind `{m}` is not in the vocabulary"),
                    ));
                }
            }
        }
    }
}

fn countries(cat: &Catalogue, opts: LoadOptions, d: &mut Diagnostics, stats: &mut Stats) {
    let treaties: BTreeSet<&str> = cat.treaties().map(|t| t.id.as_str()).collect();
    for c in cat.countries.values() {
        let file = cat.file_of(&format!("country:{}", c.iso3));
        for (mi, m) in c.memberships.iter().enumerate() {
            let ptr = format!("/memberships/{mi}");
            if !cat.is_body(&m.body) {
                d.push(Diagnostic::error(
                    "unknown-body",
                    file,
                    &format!("{ptr}/body"),
                    format!("`{}` is not a regional body of the vocabulary", m.body),
                ));
            }
            order(d, file, &ptr, &[("since", m.since), ("until", m.until)]);
            source_checks(file, &ptr, m.source.as_ref(), opts, d, stats);
        }
        overlapping_memberships(c, file, d);
        for (ci, conf) in c.conferences.iter().enumerate() {
            let ptr = format!("/conferences/{ci}");
            match cat.plans.get(&conf.plan) {
                None => d.push(Diagnostic::error(
                    "unknown-plan",
                    file,
                    &format!("{ptr}/plan"),
                    format!("plan `{}` does not exist", conf.plan),
                )),
                Some(p) => {
                    let listed = p.participants.contains(&c.iso3);
                    let takes_part = conf.role != crate::model::Role::InvitedAbsent;
                    if listed != takes_part {
                        d.push(
                            Diagnostic::error(
                                "participation-mismatch",
                                file,
                                &format!("{ptr}/role"),
                                format!("role disagrees with the participants of plan `{}`", p.id),
                            )
                            .expected(if listed {
                                "host or participant"
                            } else {
                                "invited-absent"
                            }),
                        );
                    }
                }
            }
            source_checks(file, &ptr, conf.source.as_ref(), opts, d, stats);
        }
        let mut seen = BTreeSet::new();
        let mut not_checked = Vec::new();
        for (pi, p) in c.participation.iter().enumerate() {
            let ptr = format!("/participation/{pi}");
            match cat.instruments.get(&p.instrument) {
                None => {
                    d.push(Diagnostic::error(
                        "unknown-instrument",
                        file,
                        &format!("{ptr}/instrument"),
                        format!("instrument `{}` is not in the catalogue", p.instrument),
                    ));
                    continue;
                }
                Some(i) if !i.kind.is_binding() => {
                    d.push(Diagnostic::error(
                        "not-a-treaty",
                        file,
                        &format!("{ptr}/instrument"),
                        format!("`{}` is soft law and takes no ratification", p.instrument),
                    ));
                    continue;
                }
                Some(_) => {}
            }
            if !seen.insert(p.instrument.as_str()) {
                d.push(Diagnostic::error(
                    "duplicate-participation",
                    file,
                    &format!("{ptr}/instrument"),
                    format!("a second entry for `{}`", p.instrument),
                ));
            }
            order(
                d,
                file,
                &ptr,
                &[
                    ("signature", p.signature),
                    ("deposit", p.deposit),
                    ("withdrawal", p.withdrawal),
                ],
            );
            for (field, v) in [
                ("signature", p.signature),
                ("deposit", p.deposit),
                ("withdrawal", p.withdrawal),
            ] {
                if let Some(v) = v {
                    if v > opts.today {
                        d.push(
                            Diagnostic::error(
                                "future-date",
                                file,
                                &format!("{ptr}/{field}"),
                                "date lies in the future",
                            )
                            .found(v.to_string()),
                        );
                    }
                }
            }
            if let Some(adopted) = cat.instruments.get(&p.instrument).and_then(|i| i.adopted) {
                for (field, v) in [("signature", p.signature), ("deposit", p.deposit)] {
                    if v.is_some_and(|v| v < adopted) {
                        d.push(
                            Diagnostic::error(
                                "dates-out-of-order",
                                file,
                                &format!("{ptr}/{field}"),
                                format!("`{}` was adopted only on {adopted}", p.instrument),
                            )
                            .expected(format!("on or after {adopted}"))
                            .found(v.map(|v| v.to_string()).unwrap_or_default()),
                        );
                    }
                }
            }
            if let Some(per) = p.deposit_period {
                if p.deposit.is_some() {
                    d.push(
                        Diagnostic::error(
                            "conflicting-dates",
                            file,
                            &format!("{ptr}/deposit_period"),
                            "both a deposit day and a deposit period are given",
                        )
                        .expected("`deposit` when the day is known, else `deposit_period`"),
                    );
                }
                future_period(d, file, &format!("{ptr}/deposit_period"), per, opts.today);
                let out_of_order = p.signature.is_some_and(|s| s > per.last_day())
                    || p.withdrawal.is_some_and(|w| w < per.first_day());
                if out_of_order {
                    d.push(
                        Diagnostic::error(
                            "dates-out-of-order",
                            file,
                            &format!("{ptr}/deposit_period"),
                            "the deposit period does not lie between signature and withdrawal",
                        )
                        .found(per.to_string()),
                    );
                }
            }
            let deposited = p.deposit.is_some() || p.deposit_period.is_some();
            let consistent = match p.status {
                ParticipationStatus::Party => p.withdrawal.is_none(),
                ParticipationStatus::Signatory => !deposited && p.withdrawal.is_none(),
                ParticipationStatus::NotParty => {
                    !deposited && p.withdrawal.is_none() && p.signature.is_none()
                }
                ParticipationStatus::Withdrawn => p.withdrawal.is_some(),
                ParticipationStatus::Unknown => !deposited && p.withdrawal.is_none(),
                ParticipationStatus::NotChecked => {
                    !deposited
                        && p.withdrawal.is_none()
                        && p.signature.is_none()
                        && p.reservations.is_empty()
                }
            };
            if !consistent {
                d.push(
                    Diagnostic::error("status-mismatch", file, &format!("{ptr}/status"), format!("status `{}` does not fit the dates given", p.status.as_str()))
                        .expected("party: no withdrawal; signatory: signature only; not-party: no dates; withdrawn: a withdrawal date; not-checked: no dates or reservations"),
                );
            }
            if p.status == ParticipationStatus::NotChecked {
                // A placeholder records no fact, so it needs no source; it is listed below.
                not_checked.push(p.instrument.as_str());
                continue;
            }
            let mut reservation_ids = BTreeSet::new();
            for (ri, r) in p.reservations.iter().enumerate() {
                if let Some(s) = &r.source {
                    source_dates(file, &format!("{ptr}/reservations/{ri}"), s, opts, d, stats);
                }
                if !reservation_ids.insert(r.id.as_str()) {
                    d.push(Diagnostic::error(
                        "duplicate-id",
                        file,
                        &format!("{ptr}/reservations/{ri}/id"),
                        format!(
                            "reservation id `{}` is used twice in the entry for `{}`",
                            r.id, p.instrument
                        ),
                    ));
                }
            }
            if let Some(inst) = cat.instruments.get(&p.instrument) {
                for (ri, r) in p.reservations.iter().enumerate() {
                    let rptr = format!("{ptr}/reservations/{ri}");
                    for (ai, a) in r.articles.iter().enumerate() {
                        if !article_of(cat, inst, a) {
                            d.push(
                                Diagnostic::error(
                                    "unknown-article",
                                    file,
                                    &format!("{rptr}/articles/{ai}"),
                                    format!(
                                        "reservation names article `{a}`, which `{}` does not have",
                                        inst.id
                                    ),
                                )
                                .expected(format!("an article of `{}`", inst.id))
                                .found(a.clone()),
                            );
                        }
                    }
                    order(
                        d,
                        file,
                        &rptr,
                        &[("made", r.made), ("withdrawn", r.withdrawn)],
                    );
                }
            }
            source_checks(file, &ptr, p.source.as_ref(), opts, d, stats);
        }
        stats.participation_entries += seen
            .iter()
            .filter(|i| treaties.contains(*i) && !not_checked.contains(*i))
            .count();
        stats.participation_expected += treaties.len();
        let missing: Vec<&str> = treaties
            .iter()
            .filter(|t| !seen.contains(*t))
            .copied()
            .collect();
        if !missing.is_empty() {
            d.push(
                Diagnostic::warning(
                    "missing-participation",
                    file,
                    "/participation",
                    format!(
                        "no entry for {} treat{} of the catalogue: {}",
                        missing.len(),
                        if missing.len() == 1 { "y" } else { "ies" },
                        missing.join(", ")
                    ),
                )
                .expected("one entry per treaty; a missing one reads as not checked"),
            );
        }
        if !not_checked.is_empty() {
            d.push(
                Diagnostic::warning(
                    "participation-not-checked",
                    file,
                    "/participation",
                    format!(
                        "participation in {} treat{} not checked yet: {}",
                        not_checked.len(),
                        if not_checked.len() == 1 { "y" } else { "ies" },
                        not_checked.join(", ")
                    ),
                )
                .expected("each entry's status from the depositary's record, with its source"),
            );
        }
        let mut law_ids = BTreeSet::new();
        let mut laws: BTreeMap<&str, &crate::model::Law> = BTreeMap::new();
        for l in &c.legislation {
            laws.entry(l.id.as_str()).or_insert(l);
        }
        for (li, law) in c.legislation.iter().enumerate() {
            let ptr = format!("/legislation/{li}");
            if !law_ids.insert(law.id.as_str()) {
                d.push(Diagnostic::error(
                    "duplicate-id",
                    file,
                    &format!("{ptr}/id"),
                    format!("law id `{}` is used twice in this country", law.id),
                ));
            }
            order(
                d,
                file,
                &ptr,
                &[("enacted", law.enacted), ("in_force", law.in_force)],
            );
            if law.enacted_period.is_some() && (law.enacted.is_some() || law.in_force.is_some()) {
                d.push(
                    Diagnostic::error(
                        "conflicting-dates",
                        file,
                        &format!("{ptr}/enacted_period"),
                        "an enactment period is given beside a known day",
                    )
                    .expected("`enacted` or `in_force` when a day is known, else `enacted_period`"),
                );
            }
            if let Some(p) = law.enacted_period {
                future_period(d, file, &format!("{ptr}/enacted_period"), p, opts.today);
            }
            if let Some(r) = &law.repealed {
                if r.date.is_some() == r.period.is_some() {
                    d.push(
                        Diagnostic::error(
                            "conflicting-dates",
                            file,
                            &format!("{ptr}/repealed"),
                            "a repeal needs exactly one of a day and a period",
                        )
                        .expected("`date` when the day is known, else `period`"),
                    );
                }
                // Only an impossible order is an error: the latest the repeal can fall against the earliest
                // the law can have started.
                let start = law
                    .effective()
                    .or(law.enacted_period.map(|p| p.first_day()));
                let end = r.date.or(r.period.map(|p| p.last_day()));
                if let (Some(e), Some(x)) = (start, end) {
                    if x < e {
                        let field = if r.date.is_some() { "date" } else { "period" };
                        d.push(
                            Diagnostic::error(
                                "dates-out-of-order",
                                file,
                                &format!("{ptr}/repealed/{field}"),
                                "repealed before it took effect",
                            )
                            .expected(format!("on or after {e}"))
                            .found(r.when()),
                        );
                    }
                }
                if let Some(by) = &r.by {
                    match laws.get(by.as_str()) {
                        None => d.push(Diagnostic::error(
                            "unknown-law",
                            file,
                            &format!("{ptr}/repealed/by"),
                            format!("law `{by}` is not in this country's legislation"),
                        )),
                        Some(l) if l.id == law.id => d.push(Diagnostic::error(
                            "self-relation",
                            file,
                            &format!("{ptr}/repealed/by"),
                            "a law cannot repeal itself",
                        )),
                        Some(_) => {}
                    }
                }
            }
            for (ii, imp) in law.implements.iter().enumerate() {
                if cat.obligation(&imp.target).is_none() && !cat.is_measure_kind(&imp.target) {
                    d.push(
                        Diagnostic::error("unknown-reference", file, &format!("{ptr}/implements/{ii}/target"), format!("`{}` is neither an obligation nor a measure kind", imp.target))
                            .expected("an obligation id (instrument.slug) or a measure kind of the vocabulary"),
                    );
                }
                let iptr = format!("{ptr}/implements/{ii}");
                // Said to be read in the text, the entry must say where; said to rest on a report, it
                // must name the report.
                match (imp.basis, &imp.provision, &imp.source) {
                    (Some(Basis::Text), None, _) => d.push(
                        Diagnostic::warning(
                            "text-without-provision",
                            file,
                            &format!("{iptr}/provision"),
                            "a finding read in the law's text names no provision",
                        )
                        .expected("the section or article read, or no `basis` while it is a lead"),
                    ),
                    (Some(Basis::Report), _, None) => d.push(
                        Diagnostic::warning(
                            "report-without-source",
                            file,
                            &format!("{iptr}/source"),
                            "a finding said to rest on a report names no report",
                        )
                        .expected("a `source` for the report that states the provision's effect"),
                    ),
                    _ => {}
                }
                if let Some(s) = &imp.source {
                    source_dates(file, &iptr, s, opts, d, stats);
                }
            }
            source_checks(file, &ptr, law.source.as_ref(), opts, d, stats);
        }
        let mut measure_ids = BTreeSet::new();
        for (mi, m) in c.measures.iter().enumerate() {
            let ptr = format!("/measures/{mi}");
            if !measure_ids.insert(m.id.as_str()) {
                d.push(Diagnostic::error(
                    "duplicate-id",
                    file,
                    &format!("{ptr}/id"),
                    format!("measure id `{}` is used twice in this country", m.id),
                ));
            }
            if !cat.is_measure_kind(&m.kind) {
                d.push(Diagnostic::error(
                    "unknown-measure-kind",
                    file,
                    &format!("{ptr}/kind"),
                    format!("measure kind `{}` is not in the vocabulary", m.kind),
                ));
            }
            if m.date.last_day() > opts.today {
                d.push(
                    Diagnostic::error(
                        "future-date",
                        file,
                        &format!("{ptr}/date"),
                        "date lies in the future",
                    )
                    .found(m.date.to_string()),
                );
            }
            source_checks(file, &ptr, m.source.as_ref(), opts, d, stats);
        }
    }
}

/// One body, two entries whose periods overlap: two answers to one question. Sorted by start, each
/// entry is compared with the furthest-reaching earlier one of its body.
fn overlapping_memberships(c: &crate::model::Country, file: &str, d: &mut Diagnostics) {
    let mut by_body: BTreeMap<&str, Vec<(Date, Date, usize)>> = BTreeMap::new();
    for (i, m) in c.memberships.iter().enumerate() {
        by_body.entry(m.body.as_str()).or_default().push((
            m.since.unwrap_or(Date::MIN),
            m.until.unwrap_or(Date::MAX),
            i,
        ));
    }
    for (body, mut spans) in by_body {
        spans.sort();
        let mut reach: Option<(Date, usize)> = None;
        for (start, end, i) in spans {
            if let Some((until, prev)) = reach {
                if start <= until {
                    d.push(
                        Diagnostic::error(
                            "duplicate-membership",
                            file,
                            &format!("/memberships/{i}/body"),
                            format!(
                                "a second membership of `{body}` overlapping /memberships/{prev}"
                            ),
                        )
                        .expected("one entry per period of membership (since/until apart)"),
                    );
                }
            }
            if reach.is_none_or(|(until, _)| end > until) {
                reach = Some((end, i));
            }
        }
    }
}

/// Whether `a` is an article of `inst`, or of another instrument that `inst` incorporates and applies
/// (1967 Protocol art. VII(1) allows reservations to the Convention articles it applies). An instrument
/// that lists no articles accepts any.
fn article_of(cat: &Catalogue, inst: &crate::model::Instrument, a: &str) -> bool {
    inst.articles.is_empty()
        || article_listed(&inst.articles, a)
        || inst
            .relations
            .iter()
            .filter(|x| x.kind == crate::model::RelationKind::Incorporates)
            .any(|x| {
                cat.instruments.get(&x.target).is_some_and(|t| {
                    article_listed(&t.articles, a)
                        && x.target_articles
                            .iter()
                            .any(|ta| crate::model::same_article(&t.articles, a, ta))
                })
            })
}

fn criterion(
    cat: &Catalogue,
    plan: &Plan,
    file: &str,
    ptr: &str,
    c: &Criterion,
    d: &mut Diagnostics,
) {
    let treaty = |id: &str, what: &str, d: &mut Diagnostics| match cat.instruments.get(id) {
        None => d.push(Diagnostic::error(
            "unknown-instrument",
            file,
            &format!("{ptr}/{what}"),
            format!("instrument `{id}` is not in the catalogue"),
        )),
        Some(i) if !i.kind.is_binding() => d.push(Diagnostic::error(
            "not-a-treaty",
            file,
            &format!("{ptr}/{what}"),
            format!("`{id}` is soft law and cannot be ratified"),
        )),
        Some(_) => {}
    };
    // Articles named for a treaty must be articles it lists, as for reservations.
    let treaty_ref = |t: &TreatyRef, what: &str, d: &mut Diagnostics| {
        treaty(t.id(), what, d);
        let (Some(arts), Some(inst)) = (t.articles(), cat.instruments.get(t.id())) else {
            return;
        };
        for (i, a) in arts.iter().enumerate() {
            if !article_of(cat, inst, a) {
                d.push(Diagnostic::error(
                    "unknown-article",
                    file,
                    &format!("{ptr}/{what}/articles/{i}"),
                    format!("article `{a}` is not an article of `{}`", inst.id),
                ));
            }
        }
    };
    match c {
        Criterion::Party(t) => treaty_ref(t, "party", d),
        Criterion::Signed(id) => treaty(id, "signed", d),
        Criterion::NoReservations(t) => treaty_ref(t, "no_reservations", d),
        Criterion::Implements(id) | Criterion::NoConflict(id) => {
            let key = if matches!(c, Criterion::Implements(_)) {
                "implements"
            } else {
                "no_conflict"
            };
            if cat.obligation(id).is_none() && !cat.is_measure_kind(id) {
                d.push(Diagnostic::error(
                    "unknown-reference",
                    file,
                    &format!("{ptr}/{key}"),
                    format!("`{id}` is neither an obligation nor a measure kind"),
                ));
            }
        }
        Criterion::Measure(id) => {
            if !cat.is_measure_kind(id) {
                d.push(Diagnostic::error(
                    "unknown-measure-kind",
                    file,
                    &format!("{ptr}/measure"),
                    format!("measure kind `{id}` is not in the vocabulary"),
                ));
            }
        }
        Criterion::MemberOf(b) => {
            if !cat.is_body(b) {
                d.push(Diagnostic::error(
                    "unknown-body",
                    file,
                    &format!("{ptr}/member_of"),
                    format!("`{b}` is not a regional body of the vocabulary"),
                ));
            }
        }
        Criterion::Action(a) => {
            if plan.action(a).is_none() {
                d.push(Diagnostic::error(
                    "unknown-action",
                    file,
                    &format!("{ptr}/action"),
                    format!("action `{a}` is not in plan `{}`", plan.id),
                ));
            }
        }
        Criterion::All(cs) => cs
            .iter()
            .enumerate()
            .for_each(|(i, x)| criterion(cat, plan, file, &format!("{ptr}/all/{i}"), x, d)),
        Criterion::Any(cs) => cs
            .iter()
            .enumerate()
            .for_each(|(i, x)| criterion(cat, plan, file, &format!("{ptr}/any/{i}"), x, d)),
        Criterion::Each(cs) => cs
            .iter()
            .enumerate()
            .for_each(|(i, x)| criterion(cat, plan, file, &format!("{ptr}/each/{i}"), x, d)),
        Criterion::Not(x) => criterion(cat, plan, file, &format!("{ptr}/not"), x, d),
    }
}

fn plans(cat: &Catalogue, d: &mut Diagnostics) -> BTreeSet<String> {
    let mut all_ids: BTreeMap<String, String> = BTreeMap::new();
    for plan in cat.plans.values() {
        let file = cat.file_of(&format!("plan:{}", plan.id));
        let mut claim = |id: &str, ptr: &str, d: &mut Diagnostics| {
            if let Some(prev) = all_ids.insert(id.to_string(), file.to_string()) {
                d.push(Diagnostic::error(
                    "duplicate-id",
                    file,
                    ptr,
                    format!("id `{id}` is already used in {prev}"),
                ));
            }
        };
        order(
            d,
            file,
            "/conference",
            &[
                ("start", Some(plan.conference.start)),
                ("end", Some(plan.conference.end)),
            ],
        );
        order(
            d,
            file,
            "",
            &[
                ("adopted", Some(plan.adopted)),
                ("deadline", Some(plan.deadline)),
            ],
        );
        if !cat.countries.contains_key(&plan.conference.host) {
            d.push(Diagnostic::error(
                "unknown-country",
                file,
                "/conference/host",
                format!("host `{}` has no country record", plan.conference.host),
            ));
        }
        for (i, p) in plan.participants.iter().enumerate() {
            if !cat.countries.contains_key(p) {
                d.push(
                    Diagnostic::error(
                        "unknown-country",
                        file,
                        &format!("/participants/{i}"),
                        format!("participant `{p}` has no country record"),
                    )
                    .expected(format!("countries/{p}.json")),
                );
            }
        }
        if !plan.invited.is_empty() {
            for (i, p) in plan.participants.iter().enumerate() {
                if !plan.invited.contains(p) {
                    d.push(
                        Diagnostic::error(
                            "participation-mismatch",
                            file,
                            &format!("/participants/{i}"),
                            format!("participant `{p}` is not among the invited states"),
                        )
                        .expected(
                            "participants drawn from `invited`, which lists every state invited",
                        ),
                    );
                }
            }
        }
        for (i, p) in plan.invited.iter().enumerate() {
            if !cat.countries.contains_key(p) {
                d.push(Diagnostic::error(
                    "unknown-country",
                    file,
                    &format!("/invited/{i}"),
                    format!("invited state `{p}` has no country record"),
                ));
            }
        }
        let codes: BTreeSet<&str> = plan
            .recommendations
            .iter()
            .flat_map(|r| r.items.iter().map(|i| i.code.as_str()))
            .collect();
        for (ai, area) in plan.areas.iter().enumerate() {
            claim(&area.id, &format!("/areas/{ai}/id"), d);
            for (xi, a) in area.actions.iter().enumerate() {
                let ptr = format!("/areas/{ai}/actions/{xi}");
                claim(&a.id, &format!("{ptr}/id"), d);
                for (ri, code) in a.recommendations.iter().enumerate() {
                    // A misprinted code is kept as printed when a code note names its probable reading.
                    let noted = a
                        .code_note
                        .as_ref()
                        .is_some_and(|n| n.printed == *code && codes.contains(n.probable.as_str()));
                    if !plan.recommendations.is_empty() && !codes.contains(code.as_str()) && !noted
                    {
                        d.push(Diagnostic::error(
                            "unknown-recommendation",
                            file,
                            &format!("{ptr}/recommendations/{ri}"),
                            format!(
                                "recommendation `{code}` is not among the plan's recommendations"
                            ),
                        ));
                    }
                }
                for (ri, id) in a.addresses.iter().enumerate() {
                    if !cat.instruments.contains_key(id)
                        && cat.obligation(id).is_none()
                        && !cat.is_measure_kind(id)
                    {
                        d.push(Diagnostic::error(
                            "unknown-reference",
                            file,
                            &format!("{ptr}/addresses/{ri}"),
                            format!("`{id}` is not an instrument, obligation or measure kind"),
                        ));
                    }
                }
                if let Some(c) = &a.criterion {
                    criterion(cat, plan, file, &format!("{ptr}/criterion"), c, d);
                }
            }
            for (ti, t) in area.targets.iter().enumerate() {
                let ptr = format!("/areas/{ai}/targets/{ti}");
                claim(&t.id, &format!("{ptr}/id"), d);
                if t.due < plan.adopted {
                    d.push(
                        Diagnostic::error(
                            "dates-out-of-order",
                            file,
                            &format!("{ptr}/due"),
                            "a target falls due before its plan was adopted",
                        )
                        .expected(format!("on or after {}", plan.adopted))
                        .found(t.due.to_string()),
                    );
                }
                let mut listed = std::collections::HashSet::new();
                for (mi, a) in t.measured_by.iter().enumerate() {
                    if !listed.insert(a) {
                        d.push(Diagnostic::error(
                            "duplicate-reference",
                            file,
                            &format!("{ptr}/measured_by/{mi}"),
                            format!("action `{a}` is listed twice"),
                        ));
                    }
                    if plan.action(a).is_none() {
                        d.push(Diagnostic::error(
                            "unknown-action",
                            file,
                            &format!("{ptr}/measured_by/{mi}"),
                            format!("action `{a}` is not in this plan"),
                        ));
                    }
                }
                if let Some(c) = &t.criterion {
                    criterion(cat, plan, file, &format!("{ptr}/criterion"), c, d);
                }
                if let Some(crate::model::Threshold::AtLeast { at_least }) = t.threshold {
                    if at_least as usize > plan.participants.len() {
                        d.push(Diagnostic::error(
                            "threshold-too-high",
                            file,
                            &format!("{ptr}/threshold/at_least"),
                            format!(
                                "threshold {at_least} exceeds the {} participants",
                                plan.participants.len()
                            ),
                        ));
                    }
                }
                if t.criterion.is_none() && t.regional.is_none() && t.not_assessed.is_none() {
                    d.push(Diagnostic::error(
                        "missing-field",
                        file,
                        &ptr,
                        "a target with no criterion needs a `not_assessed` reason",
                    ));
                }
            }
        }
    }
    all_ids.into_keys().collect()
}

fn cycles(cat: &Catalogue, d: &mut Diagnostics) {
    let g = ObligationGraph::build(cat);
    for cyc in g.cycles() {
        let names: Vec<String> = cyc.iter().map(|n| format!("`{}`", n.id())).collect();
        let (file, ptr) = match &cyc[0] {
            Node::Instrument(id) => (
                cat.file_of(&format!("instrument:{id}")).to_string(),
                "/relations".to_string(),
            ),
            Node::Obligation(id) => {
                let inst = id.split('.').next().unwrap_or(id);
                let file = cat.file_of(&format!("instrument:{inst}")).to_string();
                let idx = cat
                    .instruments
                    .get(inst)
                    .and_then(|i| i.obligations.iter().position(|o| &o.id == id));
                (
                    file,
                    idx.map(|i| format!("/obligations/{i}/depends_on"))
                        .unwrap_or_default(),
                )
            }
            Node::Action(id) => {
                let plan = cat.plan_of_action(id);
                let ptr = plan
                    .and_then(|p| {
                        p.areas.iter().enumerate().find_map(|(ai, area)| {
                            let xi = area.actions.iter().position(|a| &a.id == id)?;
                            Some(format!("/areas/{ai}/actions/{xi}/criterion"))
                        })
                    })
                    .unwrap_or_default();
                (
                    plan.map(|p| cat.file_of(&format!("plan:{}", p.id)).to_string())
                        .unwrap_or_default(),
                    ptr,
                )
            }
            other => (String::new(), other.id().to_string()),
        };
        d.push(
            Diagnostic::error(
                "dependency-cycle",
                &file,
                &ptr,
                format!("dependency cycle: {}", names.join(" → ")),
            )
            .expected("prerequisites that end somewhere"),
        );
    }
}

/// A year or month that has not begun yet cannot hold a fact.
fn future_period(d: &mut Diagnostics, file: &str, ptr: &str, p: Period, today: Date) {
    if p.first_day() > today {
        d.push(
            Diagnostic::error("future-date", file, ptr, "date lies in the future")
                .found(p.to_string()),
        );
    }
}
