//! Criterion fuzzing: any JSON that parses as a criterion is evaluated for every fixture state.
#![no_main]

#[path = "fixture.rs"]
mod fixture;

use libfuzzer_sys::fuzz_target;
use lexgap::diag::Diagnostics;
use lexgap::model::Criterion;
use std::sync::OnceLock;

fn catalogue() -> &'static lexgap::catalogue::Catalogue {
    static CAT: OnceLock<lexgap::catalogue::Catalogue> = OnceLock::new();
    CAT.get_or_init(|| lexgap::load::load_files(fixture::files(), Diagnostics::default(), fixture::opts()).catalogue)
}

fuzz_target!(|data: &[u8]| {
    let Ok(c) = serde_json::from_slice::<Criterion>(data) else { return };
    let cat = catalogue();
    let Some(plan) = cat.plans.get("mini-2010") else { return };
    for country in cat.countries.values() {
        let _ = lexgap::eval::criteria::evaluate(cat, plan, country, &c, jiff::civil::date(2012, 12, 31));
    }
});
