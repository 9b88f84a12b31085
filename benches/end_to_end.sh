#!/usr/bin/env bash
# End to end, release binaries, GNU time (wall seconds, peak resident memory), on synthetic trees of
# 20, 200 and 2,000 states × 45 instruments from `examples/synth`, beside a plain serde_json parse of the
# same files (`examples/parse_tree`, the physical floor); then `report country KEN` on the bundled data,
# best of five. Prints Markdown tables. Run from the repository root: bash benches/end_to_end.sh [SIZES…]
set -euo pipefail
command -v /usr/bin/time >/dev/null || { echo "install GNU time: apt-get install time"; exit 1; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(20 200 2000)
cargo build --release --quiet
cargo build --release --quiet --example synth --example parse_tree
bin=target/release/lexgap
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure() { # label, command… → "| label | s | MB |"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  read -r s kb <"$work/t"
  printf '| %s | %s s | %d MB |\n' "$label" "$s" $((kb / 1024))
}
echo "| run | wall | peak RSS |"
echo "|---|---|---|"
for n in "${sizes[@]}"; do
  target/release/examples/synth "$n" "$work/tree-$n" >/dev/null
  measure "$n states: serde_json parse (floor)" target/release/examples/parse_tree "$work/tree-$n"
  measure "$n states: lexgap validate" $bin validate --data "$work/tree-$n"
  measure "$n states: lexgap report plan dar-es-salaam-2010" $bin report plan dar-es-salaam-2010 --data "$work/tree-$n" --as-of 2026-11-24
  measure "$n states: lexgap site" $bin site --data "$work/tree-$n" --out "$work/site-$n" --as-of 2026-11-24
  rm -rf "$work/tree-$n" "$work/site-$n"
done
best=""
for _ in 1 2 3 4 5; do
  /usr/bin/time -f "%e %M" -o "$work/t" $bin report country KEN --plan dar-es-salaam-2010 >/dev/null
  read -r s kb <"$work/t"
  if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; mem=$kb; fi
done
printf '| bundled: lexgap report country KEN --plan dar-es-salaam-2010 (best of 5) | %s s | %d MB |\n' "$best" $((mem / 1024))
