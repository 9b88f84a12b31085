#!/usr/bin/env bash
# End to end: `lexgap site` (release) on synthetic trees of 200 and 2,000 states × 45 instruments, with
# wall time and peak memory from GNU time. Run from the repository root.
set -euo pipefail
command -v /usr/bin/time >/dev/null || { echo "install GNU time: apt-get install time"; exit 1; }
cargo build --release --quiet
cargo build --release --quiet --example synth
work=$(mktemp -d)
for n in 200 2000; do
  target/release/examples/synth "$n" "$work/tree-$n"
  target/release/lexgap validate --data "$work/tree-$n" | tail -n 1
  /usr/bin/time -f "$n states: lexgap site %e s wall, %M KB peak RSS" target/release/lexgap site --data "$work/tree-$n" --out "$work/site-$n" --as-of 2026-11-24 >/dev/null
done
rm -rf "$work"
