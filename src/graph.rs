//! The obligation graph, built once per catalogue: instruments, obligations, measure kinds, plan actions
//! and targets as nodes; typed edges between them. Used to reject dependency cycles, to order a
//! roadmap (prerequisites first), and to find which targets a gap touches.

use crate::catalogue::Catalogue;
use crate::model::{Criterion, RelationKind};
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{EdgeFiltered, EdgeRef};
use petgraph::Direction;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "kebab-case")]
pub enum Node {
    Instrument(String),
    Obligation(String),
    Measure(String),
    Action(String),
    Target(String),
}

impl Node {
    pub fn id(&self) -> &str {
        match self {
            Node::Instrument(s)
            | Node::Obligation(s)
            | Node::Measure(s)
            | Node::Action(s)
            | Node::Target(s) => s,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Edge {
    /// Instrument → instrument that must be joined first.
    RequiresPartyTo,
    /// Instrument → instrument whose articles it makes binding.
    Incorporates,
    /// Descriptive instrument relations.
    OptionalProtocolTo,
    Supplements,
    Supersedes,
    /// Obligation → its instrument.
    PartOf,
    /// Obligation → obligation that must be in place first.
    DependsOn,
    /// Obligation → measure kind that implements it.
    ImplementedBy,
    /// Action or target → what its criterion or `addresses` names.
    Addresses,
    /// Target → action it measures; action → action its criterion reuses.
    MeasuredBy,
}

impl Edge {
    /// Edges that say "this must come first".
    pub fn is_prerequisite(self) -> bool {
        matches!(self, Edge::RequiresPartyTo | Edge::DependsOn)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Edge::RequiresPartyTo => "requires_party_to",
            Edge::Incorporates => "incorporates",
            Edge::OptionalProtocolTo => "optional_protocol_to",
            Edge::Supplements => "supplements",
            Edge::Supersedes => "supersedes",
            Edge::PartOf => "part_of",
            Edge::DependsOn => "depends_on",
            Edge::ImplementedBy => "implemented_by",
            Edge::Addresses => "addresses",
            Edge::MeasuredBy => "measured_by",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ObligationGraph {
    pub graph: DiGraph<Node, Edge>,
    index: HashMap<Node, NodeIndex>,
}

impl ObligationGraph {
    fn node(&mut self, n: Node) -> NodeIndex {
        if let Some(&i) = self.index.get(&n) {
            return i;
        }
        let i = self.graph.add_node(n.clone());
        self.index.insert(n, i);
        i
    }

    fn edge(&mut self, a: Node, b: Node, e: Edge) {
        let (a, b) = (self.node(a), self.node(b));
        if !self.graph.edges_connecting(a, b).any(|x| *x.weight() == e) {
            self.graph.add_edge(a, b, e);
        }
    }

    pub fn get(&self, n: &Node) -> Option<NodeIndex> {
        self.index.get(n).copied()
    }

    /// Classifies an id named by a criterion or an `addresses` list.
    fn classify(cat: &Catalogue, id: &str) -> Option<Node> {
        if cat.instruments.contains_key(id) {
            Some(Node::Instrument(id.to_string()))
        } else if cat.obligation(id).is_some() {
            Some(Node::Obligation(id.to_string()))
        } else if cat.is_measure_kind(id) {
            Some(Node::Measure(id.to_string()))
        } else if cat.plan_of_action(id).is_some() {
            Some(Node::Action(id.to_string()))
        } else {
            None
        }
    }

    fn criterion_edges(&mut self, cat: &Catalogue, from: &Node, c: &Criterion) {
        let mut leaves = Vec::new();
        c.leaves(&mut leaves);
        for leaf in leaves {
            let (id, edge) = match leaf {
                Criterion::Party(t) | Criterion::NoReservations(t) => (t.id(), Edge::Addresses),
                Criterion::Signed(id)
                | Criterion::Implements(id)
                | Criterion::Measure(id)
                | Criterion::NoConflict(id) => (id.as_str(), Edge::Addresses),
                Criterion::Action(id) => (id.as_str(), Edge::MeasuredBy),
                _ => continue,
            };
            if let Some(n) = Self::classify(cat, id) {
                self.edge(from.clone(), n, edge);
            }
        }
    }

    pub fn build(cat: &Catalogue) -> Self {
        let mut g = ObligationGraph::default();
        for inst in cat.instruments.values() {
            let me = Node::Instrument(inst.id.clone());
            g.node(me.clone());
            for r in &inst.relations {
                if !cat.instruments.contains_key(&r.target) {
                    continue;
                }
                let e = match r.kind {
                    RelationKind::RequiresPartyTo => Edge::RequiresPartyTo,
                    RelationKind::Incorporates => Edge::Incorporates,
                    RelationKind::OptionalProtocolTo => Edge::OptionalProtocolTo,
                    RelationKind::Supplements => Edge::Supplements,
                    RelationKind::Supersedes => Edge::Supersedes,
                };
                g.edge(me.clone(), Node::Instrument(r.target.clone()), e);
            }
            for o in &inst.obligations {
                let on = Node::Obligation(o.id.clone());
                g.edge(on.clone(), me.clone(), Edge::PartOf);
                for d in &o.depends_on {
                    if cat.obligation(d).is_some() {
                        g.edge(on.clone(), Node::Obligation(d.clone()), Edge::DependsOn);
                    }
                }
                for m in &o.requires {
                    g.edge(on.clone(), Node::Measure(m.clone()), Edge::ImplementedBy);
                }
            }
        }
        for plan in cat.plans.values() {
            for (_, a) in plan.actions() {
                let an = Node::Action(a.id.clone());
                g.node(an.clone());
                for id in &a.addresses {
                    if let Some(n) = Self::classify(cat, id) {
                        g.edge(an.clone(), n, Edge::Addresses);
                    }
                }
                if let Some(c) = &a.criterion {
                    g.criterion_edges(cat, &an, c);
                }
            }
            for (_, t) in plan.targets() {
                let tn = Node::Target(t.id.clone());
                g.node(tn.clone());
                for a in &t.measured_by {
                    if plan.action(a).is_some() {
                        g.edge(tn.clone(), Node::Action(a.clone()), Edge::MeasuredBy);
                    }
                }
                if let Some(c) = &t.criterion {
                    g.criterion_edges(cat, &tn, c);
                }
            }
        }
        g
    }

    /// Every cycle among prerequisite edges (and among actions whose criteria reuse each other), each
    /// as the list of its nodes in id order.
    pub fn cycles(&self) -> Vec<Vec<Node>> {
        let filtered = EdgeFiltered::from_fn(&self.graph, |e| {
            e.weight().is_prerequisite()
                || (*e.weight() == Edge::MeasuredBy
                    && matches!(self.graph[e.source()], Node::Action(_)))
        });
        let mut out: Vec<Vec<Node>> = tarjan_scc(&filtered)
            .into_iter()
            .filter(|scc| {
                scc.len() > 1
                    || scc.iter().any(|&n| {
                        self.graph.edges_connecting(n, n).any(|e| {
                            e.weight().is_prerequisite() || *e.weight() == Edge::MeasuredBy
                        })
                    })
            })
            .map(|scc| {
                let mut v: Vec<Node> = scc.into_iter().map(|i| self.graph[i].clone()).collect();
                v.sort();
                v
            })
            .collect();
        out.sort();
        out
    }

    /// Direct prerequisites of a node (what must be in place first).
    pub fn prerequisites(&self, n: &Node) -> Vec<Node> {
        let Some(i) = self.get(n) else {
            return Vec::new();
        };
        let mut v: Vec<Node> = self
            .graph
            .edges_directed(i, Direction::Outgoing)
            .filter(|e| e.weight().is_prerequisite())
            .map(|e| self.graph[e.target()].clone())
            .collect();
        v.sort();
        v
    }

    /// Ids of the nodes `n` points to along edges of kind `kind`, sorted.
    pub fn targets_of(&self, n: &Node, kind: Edge) -> Vec<String> {
        self.neighbours(n, kind, Direction::Outgoing)
    }

    /// Ids of the nodes pointing to `n` along edges of kind `kind`, sorted.
    pub fn sources_of(&self, n: &Node, kind: Edge) -> Vec<String> {
        self.neighbours(n, kind, Direction::Incoming)
    }

    fn neighbours(&self, n: &Node, kind: Edge, dir: Direction) -> Vec<String> {
        let Some(i) = self.get(n) else {
            return Vec::new();
        };
        let mut v: Vec<String> = self
            .graph
            .edges_directed(i, dir)
            .filter(|e| *e.weight() == kind)
            .map(|e| {
                let other = if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                self.graph[other].id().to_string()
            })
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// Orders nodes so that each comes after its prerequisites among them; ties by id.
    pub fn dependency_order(&self, nodes: &[Node]) -> Vec<Node> {
        let set: BTreeSet<&Node> = nodes.iter().collect();
        // depth = length of the longest prerequisite chain below a node, within the whole graph.
        let mut memo: BTreeMap<Node, usize> = BTreeMap::new();
        fn depth(
            g: &ObligationGraph,
            n: &Node,
            memo: &mut BTreeMap<Node, usize>,
            guard: usize,
        ) -> usize {
            if let Some(&d) = memo.get(n) {
                return d;
            }
            if guard > 64 {
                return 0;
            }
            let d = g
                .prerequisites(n)
                .iter()
                .map(|p| depth(g, p, memo, guard + 1) + 1)
                .max()
                .unwrap_or(0);
            memo.insert(n.clone(), d);
            d
        }
        let mut v: Vec<(usize, Node)> = set
            .into_iter()
            .map(|n| (depth(self, n, &mut memo, 0), n.clone()))
            .collect();
        v.sort();
        v.into_iter().map(|(_, n)| n).collect()
    }

    /// Targets whose criteria or measured actions touch `n`, directly or through actions.
    pub fn impacted_targets(&self, n: &Node) -> Vec<String> {
        let Some(start) = self.get(n) else {
            return Vec::new();
        };
        let mut seen = BTreeSet::new();
        let mut stack = vec![start];
        let mut out = BTreeSet::new();
        while let Some(i) = stack.pop() {
            if !seen.insert(i) {
                continue;
            }
            for e in self.graph.edges_directed(i, Direction::Incoming) {
                if matches!(
                    e.weight(),
                    Edge::Addresses | Edge::MeasuredBy | Edge::PartOf | Edge::ImplementedBy
                ) {
                    let src = e.source();
                    if let Node::Target(t) = &self.graph[src] {
                        out.insert(t.clone());
                    }
                    stack.push(src);
                }
            }
        }
        out.into_iter().collect()
    }

    /// Edges as (from, to, kind), sorted, for rendering.
    pub fn edges(&self) -> Vec<(Node, Node, Edge)> {
        let mut v: Vec<(Node, Node, Edge)> = self
            .graph
            .edge_references()
            .map(|e| {
                (
                    self.graph[e.source()].clone(),
                    self.graph[e.target()].clone(),
                    *e.weight(),
                )
            })
            .collect();
        v.sort_by(|a, b| (&a.0, &a.1, a.2.as_str()).cmp(&(&b.0, &b.1, b.2.as_str())));
        v
    }
}
