//! Reports: one serialisable view model per report; JSON output is that model, Markdown and HTML are
//! Handlebars renderings of it. Templates are embedded and can be overridden one by one from a folder.

pub mod brief;
pub mod country;
pub mod export;
pub mod findings;
pub mod glossary;
pub mod graph;
pub mod i18n;
pub mod map;
mod partials;
pub mod plan;
pub mod site;
mod sources;
pub mod treaty;
pub mod words;

pub use sources::{Footnote, Freshness, Sources};

use crate::eval::Status;
use handlebars::Handlebars;
use include_dir::{include_dir, Dir};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

static TEMPLATES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/reports/templates");

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("template `{name}`: {message}")]
    Template { name: String, message: String },
    #[error("cannot render `{name}`: {message}")]
    Render { name: String, message: String },
    #[error("cannot write `{path}`: {message}")]
    Write { path: String, message: String },
    #[error(transparent)]
    File(crate::files::WriteError),
    #[error("{0}")]
    Other(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Html,
    Json,
}

/// Escapes text for Markdown: table pipes, emphasis and link characters, raw HTML, line breaks.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '|' | '*' | '_' | '`' | '[' | ']' | '\\' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The largest template read from a folder. The built-in ones are under 8 KiB; compiling a template
/// costs time that grows faster than its size (each element's line is counted from the start), so a
/// huge one would stall the run.
pub const MAX_TEMPLATE_BYTES: u64 = 64 * 1024;
/// The most `{{…}}` expressions in one template (the built-in ones have under 200).
pub const MAX_TEMPLATE_EXPRESSIONS: usize = 1000;
/// The most bytes of templates in one folder.
pub const MAX_TEMPLATES_TOTAL: usize = 128 * 1024;

/// Template registries for HTML (HTML-escaped) and Markdown (Markdown-escaped), strict mode on so a
/// misspelt field fails instead of rendering as nothing.
pub struct Renderer {
    /// Each registry holds the helpers and the user's templates from the start; built-in templates
    /// join when a render first needs them.
    html: std::sync::RwLock<Handlebars<'static>>,
    md: std::sync::RwLock<Handlebars<'static>>,
    pub lang: crate::model::Lang,
}

/// `{{t "key" name=value}}`: a catalogue message with its placeholders filled; `{{st status}}`,
/// `{{sg strength}}`: a status or evidence strength in words; `{{fdate iso}}`: a date in running text.
#[derive(Clone, Copy)]
struct Translate(i18n::Messages);

impl handlebars::HelperDef for Translate {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &handlebars::Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc handlebars::Context,
        _: &mut handlebars::RenderContext<'reg, 'rc>,
    ) -> Result<handlebars::ScopedJson<'rc>, handlebars::RenderError> {
        let name = h.name();
        let arg = h
            .param(0)
            .map(|p| match p.value() {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .unwrap_or_default();
        let m = self.0;
        let text = match name {
            "st" => m.t(&format!("status.{arg}")).to_string(),
            "sg" => m.t(&format!("strength.{arg}")).to_string(),
            "fdate" => match arg.parse::<crate::model::PartialDate>() {
                Ok(d) => m.partial_date(d),
                Err(_) => arg,
            },
            _ => {
                let values: Vec<(String, String)> = h
                    .hash()
                    .iter()
                    .map(|(k, v)| {
                        let v = match v.value() {
                            serde_json::Value::String(s) => s.clone(),
                            other => other.to_string(),
                        };
                        (k.to_string(), v)
                    })
                    .collect();
                let args: Vec<(&str, &str)> = values
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                m.f(&arg, &args)
            }
        };
        Ok(handlebars::ScopedJson::Derived(serde_json::Value::String(
            text,
        )))
    }
}

fn register_helpers(h: &mut Handlebars<'static>) {
    handlebars::handlebars_helper!(eq: |a: Json, b: Json| a == b);
    handlebars::handlebars_helper!(inc: |n: u64| n + 1);
    handlebars::handlebars_helper!(len: |v: Json| v.as_array().map(|a| a.len()).unwrap_or(0));
    // A symbol per status, so tables and maps read without colour.
    handlebars::handlebars_helper!(symbol: |s: str| match s {
        "met" => "✓",
        "partial" => "◐",
        "gap" => "✗",
        "blocked" => "⊘",
        "unknown" => "?",
        "not-applicable" => "–",
        "not-assessed" => "·",
        _ => "",
    });
    handlebars::handlebars_helper!(join: |v: Json| v.as_array().map(|a| a.iter().map(|x| x.as_str().map(str::to_string).unwrap_or_else(|| x.to_string())).collect::<Vec<_>>().join(", ")).unwrap_or_default());
    h.register_helper("eq", Box::new(eq));
    h.register_helper("inc", Box::new(inc));
    h.register_helper("len", Box::new(len));
    h.register_helper("symbol", Box::new(symbol));
    h.register_helper("join", Box::new(join));
}

/// The registries a template belongs to: `*.md` / `*.html` their own; anything else is a partial for
/// both.
fn registries_of(name: &str) -> (bool, bool) {
    (!name.ends_with(".md"), !name.ends_with(".html"))
}

/// Registers a template text in the registries it belongs to.
fn register(
    html: &mut Handlebars<'static>,
    md: &mut Handlebars<'static>,
    name: &str,
    text: &str,
) -> Result<(), ReportError> {
    let (in_html, in_md) = registries_of(name);
    for (h, wanted) in [(html, in_html), (md, in_md)] {
        if wanted {
            h.register_template_string(name, text)
                .map_err(|e| ReportError::Template {
                    name: format!("{name}.hbs"),
                    message: e.to_string(),
                })?;
        }
    }
    Ok(())
}

/// The text of a built-in template by its name (without `.hbs`).
fn builtin_text(name: &str) -> Option<&'static str> {
    TEMPLATES
        .get_file(format!("{name}.hbs"))
        .and_then(|f| f.contents_utf8())
}

/// A built-in template, compiled when first needed and then kept for the whole process: compiling
/// costs more than rendering, and a run needs only the templates of the reports it writes.
fn builtin_compiled(name: &str) -> Result<Option<handlebars::Template>, ReportError> {
    static CACHE: std::sync::OnceLock<std::sync::Mutex<BTreeMap<String, handlebars::Template>>> =
        std::sync::OnceLock::new();
    let Some(text) = builtin_text(name) else {
        return Ok(None);
    };
    let cache = CACHE.get_or_init(Default::default);
    if let Some(t) = cache.lock().ok().and_then(|c| c.get(name).cloned()) {
        return Ok(Some(t));
    }
    let t = handlebars::Template::compile_with_name(text, name.to_string()).map_err(|e| {
        ReportError::Template {
            name: format!("{name}.hbs"),
            message: e.to_string(),
        }
    })?;
    if let Ok(mut c) = cache.lock() {
        c.insert(name.to_string(), t.clone());
    }
    Ok(Some(t))
}

/// The partials a compiled template includes.
fn template_partials(t: &handlebars::Template) -> Vec<String> {
    partials::included(t)
}

/// Refuses templates that include each other, or a partial whose name is computed.
fn check_partials(h: &Handlebars<'static>) -> Result<(), ReportError> {
    partials::check(h).map_err(|e| match e {
        partials::PartialError::Cycle(names) => ReportError::Template {
            name: names.first().cloned().unwrap_or_default(),
            message: format!("templates include each other: {}", names.join(" → ")),
        },
        partials::PartialError::Dynamic { template } => ReportError::Template {
            name: format!("{template}.hbs"),
            message: "a partial's name must be written out, not computed".into(),
        },
    })
}

impl Renderer {
    /// The embedded templates, with any `*.hbs` in `dir` taking their place, in English.
    pub fn new(dir: Option<&Path>) -> Result<Renderer, ReportError> {
        Renderer::in_lang(dir, crate::model::Lang::En)
    }

    /// The same, writing in `lang`.
    pub fn in_lang(dir: Option<&Path>, lang: crate::model::Lang) -> Result<Renderer, ReportError> {
        let mut overrides: Vec<(String, String)> = Vec::new();
        if let Some(dir) = dir {
            let entries = std::fs::read_dir(dir).map_err(|e| ReportError::Template {
                name: dir.display().to_string(),
                message: format!("cannot read template folder: {e}"),
            })?;
            for e in entries.filter_map(Result::ok) {
                let p = e.path();
                let Some(name) = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.strip_suffix(".hbs"))
                else {
                    continue;
                };
                let text = crate::files::read_regular(&p, MAX_TEMPLATE_BYTES)
                    .map_err(|e| e.to_string())
                    .and_then(|b| {
                        String::from_utf8(b).map_err(|_| "the file is not UTF-8 text".to_string())
                    })
                    .map_err(|message| ReportError::Template {
                        name: p.display().to_string(),
                        message: format!("cannot read template: {message}"),
                    })?;
                overrides.push((name.to_string(), text));
            }
        }
        Renderer::build(overrides, lang)
    }

    /// The embedded templates, with `(name, text)` pairs (name without `.hbs`) taking their place or
    /// added as partials. Public so fuzzing can feed templates from memory.
    pub fn with_overrides(overrides: Vec<(String, String)>) -> Result<Renderer, ReportError> {
        Renderer::build(overrides, crate::model::Lang::En)
    }

    fn build(
        overrides: Vec<(String, String)>,
        lang: crate::model::Lang,
    ) -> Result<Renderer, ReportError> {
        let mut total = 0usize;
        for (name, text) in &overrides {
            let refuse = |message: String| ReportError::Template {
                name: format!("{name}.hbs"),
                message,
            };
            if text.len() as u64 > MAX_TEMPLATE_BYTES {
                return Err(refuse(format!(
                    "the template is {} bytes; at most {MAX_TEMPLATE_BYTES} are compiled",
                    text.len()
                )));
            }
            let expressions = text.matches("{{").count();
            if expressions > MAX_TEMPLATE_EXPRESSIONS {
                return Err(refuse(format!(
                    "the template has {expressions} expressions; at most {MAX_TEMPLATE_EXPRESSIONS} are compiled (split it into partials)"
                )));
            }
            total += text.len();
            if total > MAX_TEMPLATES_TOTAL {
                return Err(refuse(format!(
                    "the templates hold more than {MAX_TEMPLATES_TOTAL} bytes together"
                )));
            }
        }
        let mut html = Handlebars::new();
        let mut md = Handlebars::new();
        for h in [&mut html, &mut md] {
            h.set_strict_mode(true);
            register_helpers(h);
            // The words helpers carry the language.
            let words = Translate(i18n::Messages::new(lang));
            for name in ["t", "st", "sg", "fdate"] {
                h.register_helper(name, Box::new(words));
            }
        }
        md.register_escape_fn(escape_markdown);
        for (name, text) in &overrides {
            register(&mut html, &mut md, name, text)?;
        }
        // A registered template always comes with the built-in partials it includes, so a render
        // that finds its template registered needs nothing more.
        for (name, _) in &overrides {
            Renderer::ensure(&mut html, name, true)?;
            Renderer::ensure(&mut md, name, false)?;
        }
        for h in [&html, &md] {
            check_partials(h)?;
        }
        Ok(Renderer {
            html: std::sync::RwLock::new(html),
            md: std::sync::RwLock::new(md),
            lang,
        })
    }

    /// Adds to `h` the built-in templates `name` needs — itself and the partials it includes, at any
    /// depth — that it does not hold yet (a user's template of the same name stays in their place).
    fn ensure(h: &mut Handlebars<'static>, name: &str, html: bool) -> Result<(), ReportError> {
        let mut todo = vec![name.to_string()];
        let mut added = false;
        let mut seen = std::collections::BTreeSet::new();
        while let Some(n) = todo.pop() {
            if !seen.insert(n.clone()) {
                continue;
            }
            let (in_html, in_md) = registries_of(&n);
            if !(if html { in_html } else { in_md }) {
                continue;
            }
            if let Some(t) = h.get_template(&n) {
                // Already there (built in, or the user's): follow what it includes.
                todo.extend(template_partials(t));
                continue;
            }
            let Some(t) = builtin_compiled(&n)? else {
                continue;
            };
            todo.extend(template_partials(&t));
            h.register_template(&n, t);
            added = true;
        }
        if added {
            check_partials(h)?;
        }
        Ok(())
    }

    /// Renders `model` with template `<name>.<md|html>`, or as JSON. Templates see `report` (the model)
    /// and `site` (relative links when the page is part of the static site, else null).
    pub fn render<T: Serialize>(
        &self,
        name: &str,
        format: Format,
        model: &T,
        site: Option<&SiteLinks>,
    ) -> Result<String, ReportError> {
        let (h, tpl) = match format {
            Format::Json => {
                return serde_json::to_string_pretty(model)
                    .map(|s| s + "\n")
                    .map_err(|e| ReportError::Render {
                        name: name.into(),
                        message: e.to_string(),
                    })
            }
            Format::Md => (&self.md, format!("{name}.md")),
            Format::Html => (&self.html, format!("{name}.html")),
        };
        let poisoned = || ReportError::Other("template registry poisoned".into());
        if !h.read().map_err(|_| poisoned())?.has_template(&tpl) {
            let mut w = h.write().map_err(|_| poisoned())?;
            Renderer::ensure(&mut w, &tpl, format == Format::Html)?;
        }
        let h = h.read().map_err(|_| poisoned())?;
        let report = serde_json::to_value(model).map_err(|e| ReportError::Render {
            name: format!("{tpl}.hbs"),
            message: e.to_string(),
        })?;
        // The page's chrome (style, header, footer, legend, sources) reads only the links, the stamp
        // and the sources: Handlebars copies a partial's context, so they get this small one rather
        // than the whole report.
        let pick = |k: &str| report.get(k).cloned().unwrap_or(serde_json::Value::Null);
        let chrome = serde_json::json!({
            "report": { "stamp": pick("stamp"), "sources": pick("sources") },
            "site": site,
        });
        // Built by hand: `json!` would serialise the report's value a second time.
        let mut ctx = serde_json::Map::new();
        ctx.insert("report".into(), report);
        ctx.insert("site".into(), serde_json::json!(site));
        ctx.insert("chrome".into(), chrome);
        let ctx = serde_json::Value::Object(ctx);
        h.render(&tpl, &ctx).map_err(|e| ReportError::Render {
            name: format!("{tpl}.hbs"),
            message: e.to_string(),
        })
    }
}

/// Links from a page of the static site back to the rest of it (all relative, so it works from file://).
#[derive(Debug, Clone, Serialize)]
pub struct SiteLinks {
    /// Prefix from the page to the site root, e.g. `../`.
    pub root: String,
    /// The same page in each language the site is written in (empty for a one-language site).
    pub languages: Vec<LanguageLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

/// Writes a file atomically and safely (see [`crate::files::write_atomic`]).
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), ReportError> {
    crate::files::write_atomic(path, contents).map_err(ReportError::File)
}

/// How many items have each status.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct StatusCounts {
    pub met: usize,
    pub partial: usize,
    pub gap: usize,
    pub blocked: usize,
    pub unknown: usize,
    pub not_applicable: usize,
    pub not_assessed: usize,
    pub total: usize,
    /// Items that apply: the total less not-applicable and not-assessed ones (the denominator the
    /// overview uses too).
    pub applicable: usize,
}

impl StatusCounts {
    pub fn of(statuses: impl IntoIterator<Item = Status>) -> StatusCounts {
        let mut c = StatusCounts::default();
        for s in statuses {
            c.total += 1;
            match s {
                Status::Met => c.met += 1,
                Status::Partial => c.partial += 1,
                Status::Gap => c.gap += 1,
                Status::Blocked => c.blocked += 1,
                Status::Unknown => c.unknown += 1,
                Status::NotApplicable => c.not_applicable += 1,
                Status::NotAssessed => c.not_assessed += 1,
            }
        }
        c.applicable = c.total - c.not_applicable - c.not_assessed;
        c
    }
}

/// Version and date stamp every report carries.
#[derive(Debug, Clone, Serialize)]
pub struct Stamp {
    pub tool: &'static str,
    pub version: &'static str,
    pub as_of: String,
}

impl Stamp {
    pub fn new(as_of: crate::model::Date) -> Stamp {
        Stamp {
            tool: "lexgap",
            version: env!("CARGO_PKG_VERSION"),
            as_of: as_of.to_string(),
        }
    }
}
