#!/usr/bin/env python3
"""Merge researched participation (research/participation/<instrument>.json) into countries/<ISO3>.json
for every instrument that now has a record under instruments/treaties/. Run from the repository root,
then `cargo run -- validate`. Writes each country file atomically (temporary file, then rename)."""
import glob
import json
import os

ORDER = ["instrument", "status", "action", "signature", "deposit", "deposit_period", "withdrawal", "reservations", "note", "source"]
treaties = {os.path.basename(p)[:-5] for p in glob.glob("instruments/treaties/*.json")}
staged = {}
for path in sorted(glob.glob("research/participation/*.json")):
    research = json.load(open(path, encoding="utf-8"))
    instrument = research["instrument"]
    if instrument not in treaties:
        continue
    for entry in research["entries"]:
        entry = dict(entry)
        iso3 = entry.pop("iso3")
        entry["instrument"] = instrument
        staged.setdefault(iso3, {})[instrument] = {k: entry[k] for k in ORDER if entry.get(k) not in (None, "")}
for iso3, entries in sorted(staged.items()):
    path = f"countries/{iso3}.json"
    if not os.path.exists(path):
        continue
    country = json.load(open(path, encoding="utf-8"))
    current = {p["instrument"]: p for p in country["participation"]}
    current.update(entries)
    country["participation"] = [current[k] for k in sorted(current)]
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(country, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    os.replace(tmp, path)
    print(iso3, len(country["participation"]))
