//! Benchmarks of the whole pipeline at 24, 200 and 2,000 states with 45 instruments: parsing alone,
//! load + validate, evaluate everything, and render every report and export (`site`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // benchmarks fail by panicking

#[path = "synthetic.rs"]
mod synthetic;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use lexgap::diag::Diagnostics;
use lexgap::eval;
use lexgap::load::{self, LoadOptions};
use lexgap::report::{site, Freshness, Renderer};
use std::time::{Duration, Instant};

const INSTRUMENTS: usize = 45;

fn opts() -> LoadOptions {
    LoadOptions {
        today: jiff::civil::date(2026, 11, 24),
        stale_years: 3,
    }
}

fn bench(c: &mut Criterion) {
    for states in [24usize, 200, 2000] {
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
        let as_of = jiff::civil::date(2026, 11, 24);
        g.bench_function("evaluate", |b| {
            b.iter(|| eval::evaluate(&cat, as_of, &[]).unwrap())
        });
        let renderer = Renderer::new(None).unwrap();
        let ev = eval::evaluate(&cat, as_of, &[]).unwrap();
        let since = std::collections::BTreeMap::new();
        let out = tempfile::tempdir().unwrap();
        // At 2,000 states rendering is measured end to end (benches/end_to_end.sh) to keep `cargo bench` short.
        if states <= 200 {
            g.bench_function("render-site", |b| {
                b.iter(|| {
                    site::write(
                        &cat,
                        &ev,
                        &since,
                        &since,
                        &renderer,
                        out.path(),
                        &site::Languages::one(lexgap::model::Lang::En),
                        Freshness {
                            today: as_of,
                            stale_years: 3,
                        },
                    )
                    .unwrap()
                })
            });
        }
        g.finish();
        // The ratio the performance target is stated in, measured once more outside criterion.
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

criterion_group!(benches, bench);
criterion_main!(benches);
