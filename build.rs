// The data tree, schemas and templates are embedded with `include_dir!`/`include_str!`; tell cargo to
// rebuild when any of them changes (a directory path makes cargo scan everything below it).
fn main() {
    for dir in ["instruments", "countries", "schemas", "reports/templates"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
