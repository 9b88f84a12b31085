//! A state's open gaps in the order to close them: treaties to join first (a protocol after the
//! convention it requires), then obligations to implement (prerequisites first), then plan actions —
//! each with the targets it would move.

use super::{CountryEval, Fact, Reason, Standing, Status, Test};
use crate::catalogue::Catalogue;
use crate::graph::{Node, ObligationGraph};
use crate::model::{Date, Plan};
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepKind {
    Join,
    Implement,
    Act,
}

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub order: usize,
    pub step: StepKind,
    pub id: String,
    pub status: Status,
    pub why: Fact,
    /// The step rests on a negative or signatory status from a stale source: check the current
    /// status before acting on it.
    pub check_status_first: bool,
    /// Prerequisites that are themselves open.
    pub after: Vec<String>,
    /// Targets this step would move.
    pub targets: Vec<String>,
}

/// The fact that decides a status: follow, from the top, the first child that carries the same status
/// (else one that carries any status, else the first child) down to a leaf — a standing, a provision,
/// a reservation, a measure.
fn decisive(r: &Reason, s: Status) -> Fact {
    let mut node = r;
    for _ in 0..64 {
        // A k-of-n item is best explained by its own count and what is still missing.
        if matches!(node.fact, Fact::Test(Test::Each { .. })) {
            break;
        }
        let next = node
            .children
            .iter()
            .find(|c| c.status == Some(s))
            .or_else(|| {
                node.children
                    .iter()
                    .find(|c| c.status.is_some_and(|x| x != Status::NotApplicable))
            })
            .or_else(|| node.children.first());
        match next {
            Some(n) => node = n,
            None => break,
        }
    }
    node.fact.clone()
}

/// Open nodes in dependency order, each with its open prerequisites and the targets it moves; with a
/// plan, nodes that move none of its targets are left out.
fn ordered(
    graph: &ObligationGraph,
    nodes: impl Iterator<Item = Node>,
    open: &BTreeSet<&str>,
    in_plan: &dyn Fn(Vec<String>) -> Vec<String>,
    plan_only: bool,
) -> Vec<(Node, Vec<String>, Vec<String>)> {
    let nodes: Vec<Node> = nodes.collect();
    graph
        .dependency_order(&nodes)
        .into_iter()
        .filter_map(|n| {
            let targets = in_plan(graph.impacted_targets(&n));
            if plan_only && targets.is_empty() {
                return None;
            }
            let after = graph
                .prerequisites(&n)
                .into_iter()
                .filter(|p| open.contains(p.id()))
                .map(|p| p.id().to_string())
                .collect();
            Some((n, after, targets))
        })
        .collect()
}

/// Open steps for a state. `stale_years`: a participation source current to more than this many years
/// before the evaluation date makes a "join" step say to check the current status first.
pub fn roadmap(
    cat: &Catalogue,
    e: &CountryEval,
    plan: Option<&Plan>,
    as_of: Date,
    stale_years: i16,
) -> Vec<Step> {
    let graph = cat.graph();
    let in_plan = |targets: Vec<String>| -> Vec<String> {
        match plan {
            Some(p) => targets
                .into_iter()
                .filter(|t| p.targets().any(|(_, x)| &x.id == t))
                .collect(),
            None => targets,
        }
    };
    let open_instruments: BTreeSet<&str> = e
        .instruments
        .iter()
        .filter(|i| matches!(i.status, Status::Gap | Status::Blocked))
        .map(|i| i.id.as_str())
        .collect();
    let mut steps: Vec<Step> = Vec::new();

    for (n, after, targets) in ordered(
        graph,
        open_instruments
            .iter()
            .map(|i| Node::Instrument(i.to_string())),
        &open_instruments,
        &in_plan,
        plan.is_some(),
    ) {
        let Some(ie) = e.instrument(n.id()) else {
            continue;
        };
        let negative = matches!(
            ie.standing,
            Standing::NotParty | Standing::Signatory { .. } | Standing::Withdrawn { .. }
        );
        let stale = ie
            .source
            .as_ref()
            .is_none_or(|s| s.is_stale(as_of, stale_years));
        steps.push(Step {
            order: 0,
            step: StepKind::Join,
            id: ie.id.clone(),
            status: ie.status,
            why: ie.reasons.fact.clone(),
            check_status_first: negative && stale,
            after,
            targets,
        });
    }

    let open_obl: BTreeSet<&str> = e
        .obligations
        .iter()
        .filter(|o| o.bound && o.status.is_open())
        .map(|o| o.id.as_str())
        .collect();
    for (n, after, targets) in ordered(
        graph,
        open_obl.iter().map(|o| Node::Obligation(o.to_string())),
        &open_obl,
        &in_plan,
        plan.is_some(),
    ) {
        let Some(oe) = e.obligation(n.id()) else {
            continue;
        };
        let why = decisive(&oe.reasons, oe.status);
        steps.push(Step {
            order: 0,
            step: StepKind::Implement,
            id: oe.id.clone(),
            status: oe.status,
            why,
            check_status_first: false,
            after,
            targets,
        });
    }

    for (pid, actions) in &e.actions {
        if plan.is_some_and(|p| &p.id != pid) {
            continue;
        }
        let Some(p) = cat.plans.get(pid) else {
            continue;
        };
        if plan.is_none() && !p.participants.contains(&e.iso3) {
            continue;
        }
        for a in actions.iter().filter(|a| a.status.is_open()) {
            let targets = in_plan(graph.impacted_targets(&Node::Action(a.id.clone())));
            steps.push(Step {
                order: 0,
                step: StepKind::Act,
                id: a.id.clone(),
                status: a.status,
                why: match &a.reasons {
                    Some(r) => decisive(r, a.status),
                    None => Fact::Action {
                        action: a.id.clone(),
                    },
                },
                check_status_first: false,
                after: vec![],
                targets,
            });
        }
    }
    for (i, s) in steps.iter_mut().enumerate() {
        s.order = i + 1;
    }
    steps
}
