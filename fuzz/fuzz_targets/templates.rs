//! Template fuzzing: the input is up to three templates separated by NUL bytes, each starting with a
//! byte that picks its name (a built-in page, a built-in partial or a new one). Registering them and
//! rendering the fixture's country report in Markdown and HTML must end in a result or an error:
//! no panic, and no stack overflow from partials that include each other.
#![no_main]

#[path = "fixture.rs"]
mod fixture;

use lexgap::diag::Diagnostics;
use lexgap::report::{country, Format, Freshness, Renderer};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const NAMES: [&str; 8] = ["country.md", "country.html", "badge", "header", "footer", "notes", "x", "y"];

fn model() -> &'static country::CountryReport {
    static MODEL: OnceLock<country::CountryReport> = OnceLock::new();
    MODEL.get_or_init(|| {
        let cat = lexgap::load::load_files(fixture::files(), Diagnostics::default(), fixture::opts()).catalogue;
        let as_of = jiff::civil::date(2012, 12, 31);
        let ce = lexgap::eval::evaluate_country(&cat, "AAA", as_of).expect("the fixture has AAA");
        country::build(&cat, &ce, None, as_of, Freshness { today: as_of, stale_years: 3 })
    })
}

fuzz_target!(|data: &[u8]| {
    let overrides: Vec<(String, String)> = data
        .split(|b| *b == 0)
        .take(3)
        .filter_map(|part| {
            let (&pick, text) = part.split_first()?;
            let text = std::str::from_utf8(text).ok()?;
            Some((NAMES[pick as usize % NAMES.len()].to_string(), text.to_string()))
        })
        .collect();
    let Ok(r) = Renderer::with_overrides(overrides) else { return };
    for f in [Format::Md, Format::Html] {
        let _ = r.render("country", f, model(), None);
    }
});
