//! Which templates include which, checked before anything renders: Handlebars refuses a template that
//! includes itself directly, but two that include each other recurse until the stack overflows.
//!
//! The check is conservative: an inline partial (`{{#*inline "x"}}`) counts as a node of the same name
//! as a registered template, and a partial's block body counts as included by the template it is
//! written in. Partial names must be written out; one computed while rendering cannot be checked.

use handlebars::template::{Parameter, Template, TemplateElement};
use handlebars::Handlebars;
use std::collections::{BTreeMap, BTreeSet};

/// A problem with how templates include each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartialError {
    /// Templates (`x.hbs`, or an inline partial within one) that include each other, the first one
    /// repeated at the end.
    Cycle(Vec<String>),
    /// A template (its registered name) includes a partial whose name is computed while rendering.
    Dynamic { template: String },
}

/// The name a partial or inline parameter has before rendering, if it is written out.
fn static_name(p: &Parameter) -> Option<String> {
    match p {
        Parameter::Literal(serde_json::Value::String(s)) => Some(s.clone()),
        Parameter::Literal(v) => Some(v.to_string()),
        other => other.as_name().map(str::to_string),
    }
}

/// Partial names each template or inline partial includes, keyed by its node; and the nodes each name
/// may resolve to (a registered template, and every inline partial of that name).
#[derive(Default)]
struct Graph {
    includes: BTreeMap<String, BTreeSet<String>>,
    nodes_named: BTreeMap<String, BTreeSet<String>>,
}

/// How a node is shown: `x.hbs`, or `country.md.hbs (inline "p")`.
fn template_node(name: &str) -> String {
    format!("{name}.hbs")
}

fn walk(t: &Template, node: &str, template: &str, g: &mut Graph) -> Result<(), PartialError> {
    for e in &t.elements {
        match e {
            TemplateElement::PartialExpression(d) | TemplateElement::PartialBlock(d) => {
                let name = static_name(&d.name).ok_or_else(|| PartialError::Dynamic {
                    template: template.to_string(),
                })?;
                if name != "@partial-block" {
                    g.includes.entry(node.to_string()).or_default().insert(name);
                }
                if let Some(body) = &d.template {
                    walk(body, node, template, g)?;
                }
            }
            TemplateElement::DecoratorExpression(d) | TemplateElement::DecoratorBlock(d) => {
                let inline = match (&d.name, d.params.first()) {
                    (Parameter::Name(n), Some(p)) if n == "inline" => static_name(p),
                    _ => None,
                };
                if let Some(body) = &d.template {
                    match inline {
                        Some(name) => {
                            let id = format!("{} (inline \"{name}\")", template_node(template));
                            g.nodes_named.entry(name).or_default().insert(id.clone());
                            walk(body, &id, template, g)?;
                        }
                        None => walk(body, node, template, g)?,
                    }
                }
            }
            TemplateElement::HelperBlock(h) => {
                for body in [&h.template, &h.inverse].into_iter().flatten() {
                    walk(body, node, template, g)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The partial names a compiled template includes, written out, at any depth of its blocks (inline
/// partials' names among them; a caller looks up only names it has templates for).
pub fn included(t: &Template) -> Vec<String> {
    let mut g = Graph::default();
    // A computed name is refused by [`check`] once the template is registered.
    let _ = walk(t, "", "", &mut g);
    g.includes.into_values().flatten().collect()
}

/// Finds a cycle among partial inclusions in one registry, if any.
pub fn check(h: &Handlebars<'_>) -> Result<(), PartialError> {
    let mut g = Graph::default();
    let mut names: Vec<&String> = h.get_templates().keys().collect();
    names.sort();
    for name in &names {
        let node = template_node(name);
        g.nodes_named
            .entry(name.to_string())
            .or_default()
            .insert(node.clone());
        if let Some(t) = h.get_template(name) {
            walk(t, &node, name, &mut g)?;
        }
    }
    // Node → nodes it may include.
    let edges: BTreeMap<&str, Vec<&str>> = g
        .includes
        .iter()
        .map(|(from, names)| {
            let to = names
                .iter()
                .filter_map(|n| g.nodes_named.get(n))
                .flatten()
                .map(String::as_str)
                .collect();
            (from.as_str(), to)
        })
        .collect();
    // Depth-first search with an explicit stack, so a long chain cannot overflow it either.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    let mut mark: BTreeMap<&str, Mark> = BTreeMap::new();
    for &start in edges.keys() {
        if mark.contains_key(start) {
            continue;
        }
        let mut path: Vec<&str> = vec![start];
        let mut iters = vec![edges.get(start).map(|s| s.iter())];
        mark.insert(start, Mark::Open);
        while let Some(top) = iters.last_mut() {
            let next = top.as_mut().and_then(|it| it.next()).copied();
            match next {
                Some(n) => match mark.get(n) {
                    Some(Mark::Open) => {
                        let from = path.iter().position(|p| *p == n).unwrap_or(0);
                        let mut cycle: Vec<String> =
                            path[from..].iter().map(|s| s.to_string()).collect();
                        cycle.push(n.to_string());
                        return Err(PartialError::Cycle(cycle));
                    }
                    Some(Mark::Done) => {}
                    None => {
                        mark.insert(n, Mark::Open);
                        path.push(n);
                        iters.push(edges.get(n).map(|s| s.iter()));
                    }
                },
                None => {
                    if let Some(done) = path.pop() {
                        mark.insert(done, Mark::Done);
                    }
                    iters.pop();
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn registry(ts: &[(&str, &str)]) -> Handlebars<'static> {
        let mut h = Handlebars::new();
        for (n, t) in ts {
            h.register_template_string(n, t).unwrap();
        }
        h
    }

    #[test]
    fn finds_templates_that_include_each_other() {
        let h = registry(&[
            ("a", "x{{> b}}"),
            ("b", "{{#if y}}{{> a}}{{/if}}"),
            ("c", ""),
        ]);
        assert_eq!(
            check(&h),
            Err(PartialError::Cycle(vec![
                "a.hbs".into(),
                "b.hbs".into(),
                "a.hbs".into()
            ]))
        );
    }

    #[test]
    fn finds_cycles_through_inline_partials() {
        let h = registry(&[(
            "a",
            "{{#*inline \"p\"}}{{> q}}{{/inline}}{{#*inline \"q\"}}{{> p}}{{/inline}}{{> p}}",
        )]);
        assert!(matches!(check(&h), Err(PartialError::Cycle(_))));
    }

    #[test]
    fn accepts_shared_partials_and_refuses_computed_names() {
        let h = registry(&[("a", "{{> c}}{{> b}}"), ("b", "{{> c}}"), ("c", "leaf")]);
        assert_eq!(check(&h), Ok(()));
        let h = registry(&[("a", "{{> (concat \"b\")}}")]);
        assert_eq!(
            check(&h),
            Err(PartialError::Dynamic {
                template: "a".into()
            })
        );
    }
}
