//! The hand-built fixture tree, compiled in, as the base the fuzz targets start from.

use lexgap::load::DataFile;

macro_rules! fixture {
    ($($path:literal),* $(,)?) => {
        vec![$(DataFile { path: $path.to_string(), bytes: include_bytes!(concat!("../../tests/fixtures/mini/", $path)).to_vec() }),*]
    };
}

pub fn files() -> Vec<DataFile> {
    fixture![
        "instruments/vocabulary.json",
        "instruments/treaties/csr1951.json",
        "instruments/treaties/prot1967.json",
        "instruments/treaties/untoc2000.json",
        "instruments/treaties/trafficking2000.json",
        "instruments/treaties/crc1989.json",
        "instruments/treaties/crc-opsc2000.json",
        "instruments/soft-law/udhr1948.json",
        "instruments/plans/mini-2010.json",
        "countries/AAA.json",
        "countries/BBB.json",
        "countries/CCC.json",
        "countries/DDD.json",
    ]
}

pub fn opts() -> lexgap::load::LoadOptions {
    lexgap::load::LoadOptions { today: jiff::civil::date(2026, 11, 24), stale_years: 3 }
}
