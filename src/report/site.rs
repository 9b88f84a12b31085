//! The static site: an index, one page per state, plan and briefing topic, and the CSV exports —
//! relative links only, no network, so it works straight from `file://`.

use super::{
    brief, country, export, findings, plan, treaty, Format, Renderer, ReportError, SiteLinks, Stamp,
};
use crate::catalogue::Catalogue;
use crate::eval::{Evaluation, Status};
use crate::model::Topic;
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Clone, Serialize)]
pub struct Index {
    pub stamp: Stamp,
    pub instruments: usize,
    pub country_count: usize,
    pub plan_count: usize,
    pub plans: Vec<PlanCard>,
    pub countries: Vec<CountryCard>,
    pub downloads: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanCard {
    pub map: Option<super::map::MapView>,
    pub id: String,
    pub name: String,
    pub deadline: String,
    pub met: usize,
    pub total: usize,
    pub targets: Vec<TargetCard>,
    pub briefs: Vec<BriefLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetCard {
    pub summary: String,
    pub status: Status,
    pub text: String,
    pub percent: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct BriefLink {
    pub topic: String,
    pub file: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CountryCard {
    pub iso3: String,
    pub name: String,
    pub treaties: usize,
    pub treaties_met: usize,
    pub gaps: usize,
    pub unknown: usize,
    pub actions: usize,
    pub actions_met: usize,
}

/// What `write` produced, for the command's summary line.
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub pages: usize,
    pub files: usize,
}

/// The languages a site is written in: the first at the root, each other in a folder of its code.
#[derive(Debug, Clone)]
pub struct Languages {
    pub all: Vec<crate::model::Lang>,
}

impl Languages {
    pub fn one(lang: crate::model::Lang) -> Languages {
        Languages { all: vec![lang] }
    }

    /// The folder of `lang`'s pages, relative to the site root ("" for the first language).
    pub fn folder(&self, lang: crate::model::Lang) -> String {
        if self.all.first() == Some(&lang) {
            String::new()
        } else {
            format!("{}/", lang.code())
        }
    }

    /// Links for the page `rel` (relative to its language's folder) of the `current` language: the
    /// prefix to that folder's root, and the same page in every language.
    fn links(&self, current: crate::model::Lang, rel: &str) -> SiteLinks {
        let depth = rel.matches('/').count();
        let root = "../".repeat(depth);
        let site_root = format!(
            "{root}{}",
            "../".repeat(self.folder(current).matches('/').count())
        );
        let languages = if self.all.len() < 2 {
            Vec::new()
        } else {
            self.all
                .iter()
                .map(|l| super::LanguageLink {
                    label: l.code().to_uppercase(),
                    href: format!("{site_root}{}{rel}", self.folder(*l)),
                    current: *l == current,
                })
                .collect()
        };
        SiteLinks { root, languages }
    }
}

/// Renders every page and export into `out`. `ev` holds every state's treaties and plan actions and
/// every plan's targets ([`crate::eval::evaluate_plans`]); a state's obligations are evaluated when its
/// page is written. `since` is the same at each plan's conference end and `at_deadline` at its
/// deadline, keyed by plan id, for the "what changed" sections.
#[allow(clippy::too_many_arguments)]
pub fn write(
    cat: &Catalogue,
    ev: &Evaluation,
    since: &std::collections::BTreeMap<String, Evaluation>,
    at_deadline: &std::collections::BTreeMap<String, Evaluation>,
    renderer: &Renderer,
    site_root: &Path,
    langs: &Languages,
    fresh: super::Freshness,
) -> Result<Written, ReportError> {
    let lang = renderer.lang;
    let out = &site_root.join(langs.folder(lang));
    let links = |rel: &str| langs.links(lang, rel);
    let mut w = Written::default();
    let page = |rel: &str, html: String, w: &mut Written| -> Result<(), ReportError> {
        super::write_atomic(&out.join(rel), html.as_bytes())?;
        w.pages += 1;
        Ok(())
    };
    // Briefing packs are per plan and topic; a state's page links those of the plans it took part in.
    let brief_files = |pid: &str| -> Vec<(Topic, String)> {
        Topic::ALL
            .into_iter()
            .map(|t| (t, format!("{pid}-{}.html", t.as_str())))
            .collect()
    };
    let mut written_briefs: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    for p in cat.plans.values() {
        for (topic, file) in brief_files(&p.id) {
            let b = brief::build(cat, p, ev, Some(topic), &p.participants, renderer.lang);
            if b.instruments.is_empty() && b.actions.is_empty() {
                continue;
            }
            let rel = format!("briefs/{file}");
            page(
                &rel,
                renderer.render("brief", Format::Html, &b, Some(&links(&rel)))?,
                &mut w,
            )?;
            written_briefs.insert(file);
        }
    }
    // Each state's obligations are evaluated as its page is written and dropped after it, so memory
    // does not grow with the number of states; its findings rows are all that is kept. States are
    // independent, so the pages are shared out among the cores, each worker taking a run of states
    // and returning its rows in order.
    let state_page = |iso: &String| -> Result<Vec<findings::FindingRow>, ReportError> {
        let Some(ce) = crate::eval::evaluate_country(cat, iso, ev.as_of) else {
            return Ok(Vec::new());
        };
        let rows = findings::country_findings(cat, &ce, ev.as_of, findings::Filter::default());
        let past: Vec<country::Past> = cat
            .plans
            .values()
            .filter(|p| p.participants.contains(iso))
            .filter_map(|p| {
                Some(country::Past {
                    plan: p,
                    conference: since.get(&p.id)?.countries.get(iso)?,
                    deadline: at_deadline.get(&p.id).and_then(|d| d.countries.get(iso)),
                })
            })
            .collect();
        let mut r = country::build(cat, &ce, None, &past, ev.as_of, fresh, renderer.lang);
        r.briefs = cat
            .plans
            .values()
            .filter(|p| p.participants.contains(iso))
            .flat_map(|p| {
                brief_files(&p.id)
                    .into_iter()
                    .filter(|(_, f)| written_briefs.contains(f))
                    .map(move |(t, file)| country::BriefRef {
                        title: format!("{} — {}", p.name(), t.as_str()),
                        file,
                    })
            })
            .collect();
        let rel = format!("countries/{iso}.html");
        let html = renderer.render("country", Format::Html, &r, Some(&links(&rel)))?;
        super::write_atomic(&out.join(&rel), html.as_bytes())?;
        Ok(rows)
    };
    let isos: Vec<&String> = ev.countries.keys().collect();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let run = isos.len().div_ceil(workers).max(1);
    let parts: Vec<Result<(Vec<findings::FindingRow>, usize), ReportError>> =
        std::thread::scope(|scope| {
            let handles: Vec<_> = isos
                .chunks(run)
                .map(|part| {
                    let state_page = &state_page;
                    scope.spawn(move || {
                        let mut rows = Vec::new();
                        for iso in part {
                            rows.extend(state_page(iso)?);
                        }
                        Ok((rows, part.len()))
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(ReportError::Other("a page worker stopped".into())))
                })
                .collect()
        });
    let mut findings_rows = Vec::new();
    for part in parts {
        let (rows, pages) = part?;
        findings_rows.extend(rows);
        w.pages += pages;
    }
    let mut plans = Vec::new();
    for (pid, pe) in &ev.plans {
        let Some(p) = cat.plans.get(pid) else {
            continue;
        };
        let base = since.get(pid).unwrap_or(ev);
        let r = plan::build(cat, p, ev, pe, base, renderer.lang);
        let rel = format!("plans/{pid}.html");
        page(
            &rel,
            renderer.render("plan", Format::Html, &r, Some(&links(&rel)))?,
            &mut w,
        )?;
        let briefs = brief_files(pid)
            .into_iter()
            .filter(|(_, f)| written_briefs.contains(f))
            .map(|(t, file)| BriefLink {
                topic: t.as_str().into(),
                file,
            })
            .collect();
        plans.push(PlanCard {
            map: super::map::map(&plan::map_focus(
                &r.matrix.rows,
                "",
                &super::i18n::Messages::new(renderer.lang),
            )),
            id: pid.clone(),
            name: p.name().to_string(),
            deadline: p.deadline.to_string(),
            met: r.target_counts.met,
            total: r.target_counts.total,
            targets: r
                .targets
                .iter()
                .map(|t| TargetCard {
                    summary: t.summary.clone(),
                    status: t.now.status,
                    text: t.now.summary.clone(),
                    percent: t.now.percent,
                })
                .collect(),
            briefs,
        });
    }
    let mut pages = Vec::new();
    for inst in cat.treaties() {
        let t = treaty::build(cat, inst, ev, fresh, renderer.lang);
        let rel = format!("treaties/{}.html", inst.id);
        page(
            &rel,
            renderer.render("treaty", Format::Html, &t, Some(&links(&rel)))?,
            &mut w,
        )?;
        pages.push(t);
    }
    page(
        "treaties/index.html",
        renderer.render(
            "treaties",
            Format::Html,
            &treaty::index(&pages, ev),
            Some(&links("treaties/index.html")),
        )?,
        &mut w,
    )?;
    findings_rows.extend(findings::target_findings(ev, findings::Filter::default()));
    let bytes = export::rows_to_csv(&findings_rows, false).map_err(ReportError::Other)?;
    super::write_atomic(&out.join("data").join("findings.csv"), &bytes)?;
    w.files += 1;
    let mut downloads = vec!["findings.csv".to_string()];
    let files: [(&str, Result<Vec<u8>, String>); 5] = [
        (
            "participation.csv",
            export::rows_to_csv(&export::participation(ev), false),
        ),
        (
            "obligations.csv",
            export::rows_to_csv(&export::obligations(cat), false),
        ),
        (
            "actions.csv",
            export::rows_to_csv(&export::actions(cat, None), false),
        ),
        (
            "targets.csv",
            export::rows_to_csv(&export::targets(cat, None, ev), false),
        ),
        ("matrix.csv", export::matrix(cat, ev).to_csv(false)),
    ];
    for (name, bytes) in files {
        let bytes = bytes.map_err(ReportError::Other)?;
        super::write_atomic(&out.join("data").join(name), &bytes)?;
        w.files += 1;
        downloads.push(name.to_string());
    }
    let countries = ev
        .countries
        .values()
        .map(|c| {
            let acts: Vec<Status> = c
                .actions
                .iter()
                .filter(|(p, _)| {
                    cat.plans
                        .get(*p)
                        .is_some_and(|p| p.participants.contains(&c.iso3))
                })
                .flat_map(|(_, v)| v.iter().map(|a| a.status))
                .collect();
            CountryCard {
                iso3: c.iso3.clone(),
                name: c.name.clone(),
                treaties: c
                    .instruments
                    .iter()
                    .filter(|i| i.status != Status::NotApplicable)
                    .count(),
                treaties_met: c
                    .instruments
                    .iter()
                    .filter(|i| i.status == Status::Met)
                    .count(),
                gaps: c
                    .instruments
                    .iter()
                    .filter(|i| matches!(i.status, Status::Gap | Status::Blocked))
                    .count(),
                unknown: c
                    .instruments
                    .iter()
                    .filter(|i| i.status == Status::Unknown)
                    .count(),
                actions: acts.iter().filter(|s| **s != Status::NotAssessed).count(),
                actions_met: acts.iter().filter(|s| **s == Status::Met).count(),
            }
        })
        .collect();
    let index = Index {
        stamp: Stamp::new(ev.as_of),
        instruments: cat.instruments.len(),
        country_count: ev.countries.len(),
        plan_count: plans.len(),
        plans,
        countries,
        downloads,
    };
    page(
        "index.html",
        renderer.render("index", Format::Html, &index, Some(&links("index.html")))?,
        &mut w,
    )?;
    Ok(w)
}
