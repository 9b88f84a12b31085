//! Placeholders a researcher still has to fill: the skeletons `lexgap new` prints mark what they
//! cannot know with text beginning `TODO` (and ids beginning `todo-`). They are well formed, so a
//! skeleton validates, and each is listed as a warning until it is replaced.

use crate::diag::{Diagnostic, Diagnostics};
use serde_json::Value;

/// Whether a value is a placeholder: text beginning `TODO`, or an id `todo` or beginning `todo-`.
pub fn is_placeholder(key: &str, s: &str) -> bool {
    s.starts_with("TODO") || (key == "id" && (s == "todo" || s.starts_with("todo-")))
}

/// A warning for every placeholder in `doc`.
pub fn check(file: &str, doc: &Value, diags: &mut Diagnostics) {
    walk(file, "", "", doc, diags);
}

fn walk(file: &str, key: &str, pointer: &str, v: &Value, diags: &mut Diagnostics) {
    match v {
        Value::String(s) if is_placeholder(key, s) => diags.push(
            Diagnostic::warning("todo", file, pointer, "a placeholder still to be filled in")
                .expected("the value from the source")
                .found(Value::String(s.clone()).to_string()),
        ),
        Value::Object(o) => {
            for (k, x) in o {
                let p = format!("{pointer}/{}", k.replace('~', "~0").replace('/', "~1"));
                walk(file, k, &p, x, diags);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                walk(file, key, &format!("{pointer}/{i}"), x, diags);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_listed_where_they_stand() {
        let doc = serde_json::json!({
            "legislation": [{"id": "todo-law", "title": "TODO: the act's title", "citation": "Act 5 of 2020"}],
            "measures": [{"id": "todos-office", "summary": "A TODO list office"}]
        });
        let mut d = Diagnostics::default();
        check("countries/XXX.json", &doc, &mut d);
        let at: Vec<&str> = d.items.iter().map(|x| x.pointer.as_str()).collect();
        assert_eq!(at, ["/legislation/0/id", "/legislation/0/title"]);
    }
}
