#!/usr/bin/env bash
# Times `lexgap validate` (release) against check-jsonschema, the common Python validator, on the bundled
# tree with the same schemas, and prints the ratio. Run from the repository root; needs python3 and pip.
set -euo pipefail
work=$(mktemp -d)
python3 -m venv "$work/venv" >/dev/null
"$work/venv/bin/pip" install --quiet check-jsonschema
cargo build --release --quiet
# The schemas are self-contained (no $id, no reference outside the file), so check-jsonschema reads them
# straight from schemas/ with no network.
cj() { "$work/venv/bin/check-jsonschema" --schemafile "schemas/$1" "${@:2}" >/dev/null; }
start=$(date +%s.%N)
cj instrument.schema.json instruments/treaties/*.json
[ -n "$(ls instruments/soft-law/*.json 2>/dev/null)" ] && cj instrument.schema.json instruments/soft-law/*.json
cj plan.schema.json instruments/plans/*.json
cj vocabulary.schema.json instruments/vocabulary.json
cj country.schema.json countries/*.json
mid=$(date +%s.%N)
target/release/lexgap validate --data . >/dev/null
end=$(date +%s.%N)
python3 - "$start" "$mid" "$end" <<'PY'
import sys
s, m, e = map(float, sys.argv[1:])
cj, lg = m - s, e - m
print(f"check-jsonschema (schema only): {cj:.3f} s; lexgap validate (schema + meaning checks): {lg:.3f} s; ratio {cj/lg:.1f}x")
PY
rm -rf "$work"
