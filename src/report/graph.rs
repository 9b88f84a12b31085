//! The obligation graph as DOT, Mermaid or JSON; with a state, nodes are coloured by its statuses.

use crate::catalogue::Catalogue;
use crate::eval::{CountryEval, Status};
use crate::graph::{Node, ObligationGraph};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    Dot,
    Mermaid,
    Json,
}

#[derive(Debug, Clone, Serialize)]
pub struct GraphView {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GraphNode {
    pub id: String,
    pub kind: &'static str,
    pub label: String,
    pub status: Option<Status>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GraphEdge {
    pub from: String,
    pub to: String,
    pub kind: &'static str,
}

pub fn status_colour(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Met) => "#2e7d32",
        Some(Status::Partial) => "#f9a825",
        Some(Status::Gap) => "#c62828",
        Some(Status::Blocked) => "#6a1b9a",
        Some(Status::Unknown) => "#757575",
        Some(Status::NotApplicable) | Some(Status::NotAssessed) => "#bdbdbd",
        None => "#90a4ae",
    }
}

fn kind(n: &Node) -> &'static str {
    match n {
        Node::Instrument(_) => "instrument",
        Node::Obligation(_) => "obligation",
        Node::Measure(_) => "measure",
        Node::Action(_) => "action",
        Node::Target(_) => "target",
    }
}

/// The graph, limited to one plan's actions and targets when `plan` is given.
pub fn view(
    cat: &Catalogue,
    g: &ObligationGraph,
    country: Option<&CountryEval>,
    plan: Option<&str>,
) -> GraphView {
    let keep = |n: &Node| match (n, plan) {
        (Node::Action(a), Some(p)) => cat.plans.get(p).is_some_and(|p| p.action(a).is_some()),
        (Node::Target(t), Some(p)) => cat
            .plans
            .get(p)
            .is_some_and(|p| p.targets().any(|(_, x)| &x.id == t)),
        _ => true,
    };
    let status = |n: &Node| -> Option<Status> {
        let c = country?;
        match n {
            Node::Instrument(i) => c.instrument(i).map(|x| x.status),
            Node::Obligation(o) => c.obligation(o).map(|x| x.status),
            Node::Action(a) => c.action(a).map(|x| x.status),
            _ => None,
        }
    };
    let mut nodes: Vec<GraphNode> = g
        .graph
        .node_weights()
        .filter(|n| keep(n))
        .map(|n| {
            let label = match n {
                Node::Instrument(i) => cat.instrument_name(i).to_string(),
                Node::Measure(m) => cat.measure_label(m).to_string(),
                other => other.id().to_string(),
            };
            GraphNode {
                id: n.id().to_string(),
                kind: kind(n),
                label,
                status: status(n),
            }
        })
        .collect();
    nodes.sort_by(|a, b| (a.kind, &a.id).cmp(&(b.kind, &b.id)));
    let edges = g
        .edges()
        .into_iter()
        .filter(|(a, b, _)| keep(a) && keep(b))
        .map(|(a, b, e)| GraphEdge {
            from: a.id().to_string(),
            to: b.id().to_string(),
            kind: e.as_str(),
        })
        .collect();
    GraphView { nodes, edges }
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', " ")
}

pub fn to_dot(v: &GraphView) -> String {
    let mut s = String::from(
        "digraph lexgap {\n  rankdir=LR;\n  node [style=filled, fontname=\"Helvetica\"];\n",
    );
    for n in &v.nodes {
        let shape = match n.kind {
            "instrument" => "box",
            "obligation" => "ellipse",
            "measure" => "note",
            "action" => "component",
            _ => "doubleoctagon",
        };
        s.push_str(&format!(
            "  \"{}\" [label=\"{}\", shape={shape}, fillcolor=\"{}\"];\n",
            dot_escape(&n.id),
            dot_escape(&n.label),
            status_colour(n.status)
        ));
    }
    for e in &v.edges {
        s.push_str(&format!(
            "  \"{}\" -> \"{}\" [label=\"{}\"];\n",
            dot_escape(&e.from),
            dot_escape(&e.to),
            e.kind
        ));
    }
    s.push_str("}\n");
    s
}

fn mermaid_id(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// A node label safe inside Mermaid's quotes. Mermaid decodes `#name;` and `#NN;` entity codes in
/// labels, so `#` itself is encoded, as is every other character with a meaning to Mermaid or HTML:
/// the label shows the data's text and nothing in it is read as markup.
fn mermaid_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() {
            out.push(' ');
        } else if c.is_alphanumeric()
            || matches!(c, ' ' | '.' | ',' | ':' | ';' | '-' | '_' | '\'' | '/')
        {
            out.push(c);
        } else {
            out.push_str(&format!("#{};", c as u32));
        }
    }
    out
}

pub fn to_mermaid(v: &GraphView) -> String {
    let mut s = String::from("flowchart LR\n");
    for n in &v.nodes {
        s.push_str(&format!(
            "  {}[\"{}\"]\n",
            mermaid_id(&n.id),
            mermaid_label(&n.label)
        ));
        if n.status.is_some() {
            s.push_str(&format!(
                "  style {} fill:{}\n",
                mermaid_id(&n.id),
                status_colour(n.status)
            ));
        }
    }
    for e in &v.edges {
        s.push_str(&format!(
            "  {} -->|{}| {}\n",
            mermaid_id(&e.from),
            e.kind,
            mermaid_id(&e.to)
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mermaid_labels_carry_no_markup_or_entity_codes() {
        assert_eq!(mermaid_label("A & B (1951)"), "A #38; B #40;1951#41;");
        // `#quot;` in data must not become a quote that ends the label.
        assert_eq!(mermaid_label("x#quot;]"), "x#35;quot;#93;");
        assert_eq!(
            mermaid_label("Côte d'Ivoire <b>"),
            "Côte d'Ivoire #60;b#62;"
        );
    }
}
