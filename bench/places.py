"""Where it happened (issue 14): how often the event location is in the right country, and how fast.

    .venv/bin/python bench/places.py [--data ../shared/data]

1. incidents: ../shared/data/casualties/incidents_dev.csv, one short incident summary a row, coded with its
   Country: each summary alone through briefing.places; the location's country must be the coded one.
2. events: ../shared/data/events (12 events covered over days): each event's articles as one story; the
   location's country must be the country of the gold headline place, and the location's name should be
   named in it ("Savar, Dhaka district, Bangladesh").
3. speed: `briefing places --each --format jsonl` over 1,000 short notes (the incident summaries, repeated),
   the whole process timed.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.models import Article  # noqa: E402
from briefing.places import locate  # noqa: E402
from briefing.places.gazetteer import fold, gazetteer  # noqa: E402


def country_code(name: str) -> str | None:
    found = [e.cc for e, _ in gazetteer().lookup(name.strip()) if e.kind == "country"]
    return found[0] if found else None


def incidents(data: Path) -> tuple[int, int, int, list]:
    rows = list(csv.DictReader(open(data / "casualties" / "incidents_dev.csv", encoding="utf-8")))
    right = located = scored = 0
    misses = []
    for row in rows:
        cc = country_code(row["Country"])
        if cc is None:
            continue
        scored += 1
        _, loc = locate([Article(text=row["Description"], title="", source="", origin="note")])
        located += loc is not None
        if loc is not None and loc.country_code == cc:
            right += 1
        elif len(misses) < 8:
            misses.append((row["Country"], loc.name + ", " + loc.country if loc else None, row["Description"][:90]))
    return scored, located, right, misses


def events(data: Path) -> tuple[int, int, int, list]:
    from briefing.sources import read_inputs
    from briefing.sources.options import ReadOptions

    gold = json.loads((data / "events" / "gold.json").read_text())["events"]
    country_right = name_right = admin_scored = admin_right = 0
    rows = []
    for event in gold:
        place = event["headline"][0]["place"]
        parts = [p.strip() for p in place.split(",")]
        cc = country_code(parts[-1]) or {"London": "GB"}.get(parts[-1])
        folder = data / "events" / "articles" / event["event"]
        articles = read_inputs([str(folder)], ReadOptions(), lambda m: None)
        _, loc = locate(articles)
        ok_country = loc is not None and loc.country_code == cc
        ok_name = loc is not None and any(fold(loc.name) in fold(p) or fold(p).startswith(fold(loc.name)) for p in parts)
        country_right += ok_country
        name_right += ok_name
        gold_admin = {e.name for part in parts[:-1] for e, _ in gazetteer().lookup(part.replace(" province", "")
                      .replace(" State", "").replace(" district", "")) if e.kind == "admin1" and e.cc == cc}
        if gold_admin:  # the gold place names a first-level division: is the location in it?
            admin_scored += 1
            admin_right += loc is not None and (loc.admin1 in gold_admin or loc.name in gold_admin)
        rows.append((event["event"], place, f"{loc.name}, {loc.country}" if loc else None, ok_country, ok_name))
    return len(gold), country_right, name_right, rows, admin_scored, admin_right


def speed(data: Path, notes: int = 1000) -> float:
    rows = list(csv.DictReader(open(data / "casualties" / "incidents_dev.csv", encoding="utf-8")))
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(notes):
            path = Path(tmp) / f"note-{i:04d}.txt"
            path.write_text(rows[i % len(rows)]["Description"] + "\n", encoding="utf-8")
            paths.append(str(path))
        start = time.perf_counter()
        done = subprocess.run([str(ROOT / ".venv" / "bin" / "briefing"), "places", "--each", "--format", "jsonl", *paths],
                              capture_output=True, text=True, cwd=tmp)
        elapsed = time.perf_counter() - start
        assert done.returncode == 0, done.stderr[-500:]
        assert len(done.stdout.splitlines()) == notes
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    data = Path(parser.parse_args().data)
    start = time.perf_counter()
    gazetteer()
    load = time.perf_counter() - start
    scored, located, right, misses = incidents(data)
    n, country_right, name_right, rows, admin_scored, admin_right = events(data)
    seconds = speed(data)
    print(f"gazetteer load: {load:.2f} s")
    print("| data | items | located | country right | place named in gold |")
    print("|---|---|---|---|---|")
    print(f"| incidents_dev.csv (one summary alone) | {scored} | {located / scored:.3f} | {right / scored:.3f} | n/a |")
    print(f"| events (each event's articles as one story) | {n} | {n / n:.3f} | {country_right / n:.3f} | {name_right / n:.3f} |")
    print(f"admin1 right (events whose gold place names a division): {admin_right}/{admin_scored}"
          " (incidents_dev.csv codes no province)")
    print(f"\n`briefing places --each --format jsonl`, 1,000 short notes, whole process: {seconds:.2f} s")
    print("\nevents:")
    for row in rows:
        print("  ", row)
    print("incident misses (first 8):")
    for miss in misses:
        print("  ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
