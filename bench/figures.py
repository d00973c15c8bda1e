"""Exact-match accuracy of the killed / injured totals on incident descriptions, against a naive regex.

    python bench/figures.py [--data PATH] [--show N]

PATH defaults to ../shared/data relative to the repo root; reads casualties/incidents_dev.csv (columns Dead,
Injured, Description). Prints a markdown table: accuracy of `briefing.figures` and of the naive baseline
(first "<number> ... killed|dead" / "<number> ... injured|wounded" in the text, 0 when none), and the
time per 1,000 texts (extraction and reconciliation, one process, after import).
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_NAIVE_KILLED = re.compile(r"(\d+)\s+(?:\w+\s+){0,3}?(?:were\s+|was\s+)?(?:killed|dead)", re.I)
_NAIVE_INJURED = re.compile(r"(\d+)\s+(?:\w+\s+){0,3}?(?:were\s+|was\s+)?(?:injured|wounded)", re.I)


def naive(text: str) -> tuple[int, int]:
    k, i = _NAIVE_KILLED.search(text), _NAIVE_INJURED.search(text)
    return (int(k.group(1)) if k else 0, int(i.group(1)) if i else 0)


def ours(text: str) -> tuple[int, int]:
    from briefing.figures import extract_figures, reconcile
    from briefing.models import Article

    totals = reconcile(extract_figures([Article(text=text, title="", source="", origin="bench")]))
    return totals["killed"].count, totals["injured"].count


def _int(value: str) -> int | None:
    try:
        return int(float(value))
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--show", type=int, default=0, help="print the first N misses")
    args = parser.parse_args(argv)
    path = Path(args.data) / "casualties" / "incidents_dev.csv"
    if not path.is_file():
        print(f"no data at {path} (use --data PATH)", file=sys.stderr)
        return 2
    rows = [r for r in csv.DictReader(path.open(encoding="utf-8"))
            if _int(r["Dead"]) is not None and _int(r["Injured"]) is not None]
    texts = [r["Description"] for r in rows]
    t0 = time.perf_counter()
    import briefing.figures  # noqa: F401  (import time is reported apart)
    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    predicted = [ours(t) for t in texts]
    elapsed = time.perf_counter() - t0
    baseline = [naive(t) for t in texts]
    gold = [(_int(r["Dead"]), _int(r["Injured"])) for r in rows]

    def acc(pred, k):
        return sum(p[k] == g[k] for p, g in zip(pred, gold)) / len(gold)

    print(f"{len(rows)} incident descriptions from {path}\n")
    print("| system | killed exact | injured exact | s per 1,000 texts |")
    print("|---|---|---|---|")
    print(f"| naive regex | {acc(baseline, 0):.3f} | {acc(baseline, 1):.3f} | |")
    print(f"| briefing.figures | {acc(predicted, 0):.3f} | {acc(predicted, 1):.3f} | "
          f"{elapsed / len(texts) * 1000:.2f} (+ import {t_import:.2f}) |")
    shown = 0
    for text, p, g in zip(texts, predicted, gold):
        if shown < args.show and p != g:
            shown += 1
            print(f"\n- gold {g} got {p}: {text[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
