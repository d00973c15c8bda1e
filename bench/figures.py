"""Exact-match accuracy of the killed / injured totals on incident descriptions, against a naive regex.

    python bench/figures.py [--data PATH] [--show N]

PATH defaults to ../shared/data relative to the repo root; reads casualties/incidents_dev.csv (columns Dead,
Injured, Description). Prints a markdown table: accuracy of `briefing.figures` and of the naive baseline
(first "<number> ... killed|dead" / "<number> ... injured|wounded" in the text, 0 when none), and the
time per 1,000 texts (extraction and reconciliation, one process, after import).

Many rows' counts are not in their text at all (the description is short; the count comes from elsewhere).
A count is *reachable* when it is 0 or the text holds it in some form: one quantity ("12", "twelve", "a
dozen", "a"), or the sum of up to three of them ("three Chinese citizens and their driver" is not, "two
soldiers and 3 civilians" is). Accuracy is also reported on the reachable rows of each category: that is
the part a text reader can be judged on.

It also scores the hand-written cases of tests/figures_cases.py (GTD-style summaries: killed and injured;
ACLED-style notes: killed, and injured where the note states it), which need no data.
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


def reachable(text: str, gold: int) -> bool:
    """Gold is 0, or one quantity of the text, or the sum of up to three of them."""
    from itertools import combinations

    from briefing.text.numbers import find_quantities

    if gold == 0:
        return True
    values = [q.value for q in find_quantities(text)][:40]
    return any(sum(c) == gold for n in (1, 2, 3) for c in combinations(values, n))


def _int(value: str) -> int | None:
    try:
        return int(float(value))
    except ValueError:
        return None


def case_scores() -> dict[str, float]:
    """Exact-match accuracy on the hand-written cases of tests/figures_cases.py (also pinned by
    tests/eval_gate.py): gtd_killed, gtd_injured, acled_killed, acled_injured, and the numbers of cases."""
    sys.path.insert(0, str(ROOT / "tests"))
    from figures_cases import ACLED, GTD

    out: dict[str, float] = {}
    for name, cases in (("gtd", GTD), ("acled", ACLED)):
        got = [ours(t) for t, _, _ in cases]
        judged = [(g, i) for g, (_, _, i) in zip(got, cases) if i is not None]
        out[f"{name}_cases"] = len(cases)
        out[f"{name}_killed"] = sum(g[0] == k for g, (_, k, _) in zip(got, cases)) / len(cases)
        out[f"{name}_injured"] = sum(g[1] == i for g, i in judged) / max(1, len(judged))
        out[f"{name}_injured_judged"] = len(judged)
    return out


def _cases() -> None:
    scores = case_scores()
    for name, key in (("GTD-style", "gtd"), ("ACLED-style", "acled")):
        print(f"\n{name} cases (tests/figures_cases.py): {scores[key + '_cases']}, killed {scores[key + '_killed']:.3f}, "
              f"injured {scores[key + '_injured']:.3f} on {scores[key + '_injured_judged']}", end="")
    print()


def read_rows(path: Path) -> list[dict]:
    """The rows of incidents_dev.csv with both counts given."""
    return [r for r in csv.DictReader(path.open(encoding="utf-8"))
            if _int(r["Dead"]) is not None and _int(r["Injured"]) is not None]


def dev_scores(path: Path) -> dict[str, float]:
    """Exact-match accuracy of the killed and injured totals on incidents_dev.csv (pinned by tests/eval_gate.py)."""
    rows = read_rows(path)
    predicted = [ours(r["Description"]) for r in rows]
    gold = [(_int(r["Dead"]), _int(r["Injured"])) for r in rows]
    return {"rows": len(rows), **{name: sum(p[k] == g[k] for p, g in zip(predicted, gold)) / len(gold)
                                  for k, name in ((0, "killed"), (1, "injured"))}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--show", type=int, default=0, help="print the first N misses on reachable counts")
    args = parser.parse_args(argv)
    path = Path(args.data) / "casualties" / "incidents_dev.csv"
    if not path.is_file():
        print(f"no data at {path} (use --data PATH)", file=sys.stderr)
        return 2
    rows = read_rows(path)
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
    for k, name in ((0, "killed"), (1, "injured")):
        rows_k = [i for i, (t, g) in enumerate(zip(texts, gold)) if reachable(t, g[k])]
        ours_k = sum(predicted[i][k] == gold[i][k] for i in rows_k) / max(1, len(rows_k))
        base_k = sum(baseline[i][k] == gold[i][k] for i in rows_k) / max(1, len(rows_k))
        print(f"\n{name}: {len(rows_k)} of {len(rows)} rows reachable (ceiling {len(rows_k) / len(rows):.3f}); "
              f"on them briefing.figures {ours_k:.3f}, naive {base_k:.3f}", end="")
    print()
    _cases()
    shown = 0
    for text, p, g in zip(texts, predicted, gold):
        wrong = [k for k in (0, 1) if p[k] != g[k] and reachable(text, g[k])]
        if shown < args.show and wrong:
            shown += 1
            print(f"\n- gold {g} got {p}: {text[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
