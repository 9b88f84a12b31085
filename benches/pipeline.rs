//! Benchmarks of the whole pipeline at 20, 200 and 2,000 states with 45 instruments: parsing alone (the
//! physical floor), load + validate, evaluating everything or treaties and plans only, the plan tracker,
//! and rendering every page and export (`site`); and, on the bundled data, loading the embedded tree
//! and a whole country report. Memory is measured end to end (benches/end_to_end.sh).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // benchmarks fail by panicking

#[path = "synthetic.rs"]
mod synthetic;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use lexgap::diag::Diagnostics;
use lexgap::eval;
use lexgap::load::{self, LoadOptions};
use lexgap::model::Lang;
use lexgap::report::{country, plan, site, Format, Freshness, Renderer};
use std::time::{Duration, Instant};

const INSTRUMENTS: usize = 45;

/// Today: the data records when each source was read, and a day after today is refused.
fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

fn opts() -> LoadOptions {
    LoadOptions {
        today: today(),
        stale_years: 3,
    }
}

fn fresh() -> Freshness {
    Freshness {
        today: today(),
        stale_years: 3,
    }
}

/// `lexgap report country KEN` on the bundled data, start to finish but for printing.
fn bundled(c: &mut Criterion) {
    let as_of = today();
    let mut g = c.benchmark_group("bundled");
    g.sample_size(20);
    g.bench_function("load-embedded", |b| b.iter(|| load::load_embedded(opts())));
    let renderer = Renderer::new(None).unwrap();
    g.bench_function("report-country-KEN", |b| {
        b.iter(|| {
            let cat = load::load_embedded(opts()).catalogue;
            let ce = eval::evaluate_country(&cat, "KEN", as_of).unwrap();
            let history: Vec<_> = cat
                .plans
                .values()
                .filter(|p| p.participants.iter().any(|x| x == "KEN"))
                .map(|p| {
                    let at = |d| eval::evaluate_country(&cat, "KEN", d).unwrap();
                    (
                        p,
                        at(p.conference.end),
                        (p.deadline <= as_of).then(|| at(p.deadline)),
                    )
                })
                .collect();
            let past: Vec<_> = history
                .iter()
                .map(|(p, c, d)| country::Past {
                    plan: p,
                    conference: c,
                    deadline: d.as_ref(),
                })
                .collect();
            let model = country::build(&cat, &ce, None, &past, as_of, fresh(), Lang::En);
            renderer
                .render("country", Format::Md, &model, None)
                .unwrap()
        })
    });
    g.finish();
}

fn scale(c: &mut Criterion) {
    for states in [20usize, 200, 2000] {
        let files = synthetic::tree(states, INSTRUMENTS);
        let loaded = load::load_files(files.clone(), Diagnostics::default(), opts());
        assert_eq!(
            loaded.diagnostics.errors(),
            0,
            "{:?}",
            loaded.diagnostics.items.first()
        );
        let cat = loaded.catalogue;
        let mut g = c.benchmark_group(format!("{states}-states"));
        g.sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(if states > 1000 { 20 } else { 5 }));
        g.bench_function("parse-only", |b| {
            b.iter(|| {
                files
                    .iter()
                    .map(|f| {
                        serde_json::from_slice::<serde_json::Value>(&f.bytes)
                            .map(|_| 1)
                            .unwrap_or(0)
                    })
                    .sum::<usize>()
            })
        });
        g.bench_function("load-validate", |b| {
            b.iter_batched(
                || files.clone(),
                |f| load::load_files(f, Diagnostics::default(), opts()),
                BatchSize::LargeInput,
            )
        });
        let as_of = today();
        g.bench_function("evaluate-everything", |b| {
            b.iter(|| eval::evaluate(&cat, as_of, &[]).unwrap())
        });
        g.bench_function("evaluate-plans", |b| {
            b.iter(|| eval::evaluate_plans(&cat, as_of))
        });
        let renderer = Renderer::new(None).unwrap();
        let dsm = &cat.plans["dar-es-salaam-2010"];
        g.bench_function("report-plan", |b| {
            b.iter(|| {
                let ev = eval::evaluate_plans(&cat, as_of);
                let base = eval::evaluate_plans(&cat, plan::baseline(dsm));
                let pe = &ev.plans[&dsm.id];
                let model = plan::build(&cat, dsm, &ev, pe, &base, Lang::En);
                renderer.render("plan", Format::Md, &model, None).unwrap()
            })
        });
        // At 2,000 states the site is measured end to end (benches/end_to_end.sh) to keep
        // `cargo bench` short.
        if states <= 200 {
            let ev = eval::evaluate_plans(&cat, as_of);
            let since = std::collections::BTreeMap::new();
            let out = tempfile::tempdir().unwrap();
            g.bench_function("render-site", |b| {
                b.iter(|| {
                    site::write(
                        &cat,
                        &ev,
                        &since,
                        &since,
                        &renderer,
                        out.path(),
                        &site::Languages::one(Lang::En),
                        fresh(),
                    )
                    .unwrap()
                })
            });
        }
        g.finish();
        // The ratio the validation target is stated in, measured once more outside criterion.
        let t = Instant::now();
        for f in &files {
            let _ = serde_json::from_slice::<serde_json::Value>(&f.bytes);
        }
        let parse = t.elapsed();
        let t = Instant::now();
        let _ = load::load_files(files.clone(), Diagnostics::default(), opts());
        let full = t.elapsed();
        println!(
            "{states} states: load+validate {:?}, parse only {:?}, ratio {:.2}",
            full,
            parse,
            full.as_secs_f64() / parse.as_secs_f64()
        );
    }
}

criterion_group!(benches, bundled, scale);
criterion_main!(benches);
