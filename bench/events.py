"""Events covered over days: story grouping of a mixed feed, and each event's headline figures.

    python bench/events.py [--data PATH] [--show]

PATH defaults to ../shared/data; reads events/articles/<event>/*.md, events/articles/_other/*.md (each
distractor its own story) and events/gold.json. Everything goes through the command line's own code paths:

- **grouping**: every article of every event and every distractor in one feed, grouped as
  `briefing stories FEED --format jsonl` groups it; B-cubed precision, recall and F1 against the events
  (each distractor is its own story). Compared in the same run with what a user would script first (TF-IDF
  of whole articles, pairs above a cosine threshold joined, `single_link`) and with one story per article.
- **figures**: each event's folder read on its own, as `briefing figures --each --format jsonl` reads it:
  a gold headline figure is *inside* when the total of its category has a count within the analyst's
  [low, high]; a *false headline* is a killed/injured total with a count above 0 in an event whose gold
  has no headline of that category; *claims* is the number of claims a contested total lists.
  Compared with the previous reconciliation ("the lowest credible figure wins", dates ignored:
  `reconcile(figures, over_time=False)`).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def bcubed(predicted: list[int], gold: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of a labelling `predicted` against `gold` (same item order)."""
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    n = len(gold)
    precision = recall = 0.0
    for i in range(n):
        mine, truth = by_pred[predicted[i]], by_gold[gold[i]]
        both = len(mine & truth)
        precision += both / len(mine)
        recall += both / len(truth)
    precision, recall = precision / n, recall / n
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _run_cli(argv: list[str]) -> str:
    from briefing.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(argv)
    if code != 0:
        raise SystemExit(f"briefing {' '.join(argv[:2])} ... exited {code}")
    return out.getvalue()


def feed_files(events_dir: Path) -> tuple[list[str], list[str]]:
    files, labels = [], []
    for folder in sorted((events_dir / "articles").iterdir()):
        for path in sorted(folder.glob("*.md")):
            files.append(str(path))
            labels.append(f"other:{path.name}" if folder.name == "_other" else folder.name)
    return files, labels


def single_link(articles, threshold: float) -> dict[str, int]:
    """The grouping a user would script first: TF-IDF of each whole article (scikit-learn's defaults: raw
    counts, smooth IDF, L2), and every pair above `threshold` cosine in one story (connected components)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    from briefing.cluster import tokens

    vocabulary: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for r, article in enumerate(articles):
        counts: dict[int, int] = {}
        for word in tokens(article.title + " " + article.text):
            t = vocabulary.setdefault(word, len(vocabulary))
            counts[t] = counts.get(t, 0) + 1
        rows += [r] * len(counts)
        cols += list(counts)
        vals += list(counts.values())
    X = csr_matrix((np.array(vals, float), (rows, cols)), shape=(len(articles), len(vocabulary)))
    df = np.bincount(X.indices, minlength=X.shape[1])
    X = X @ csr_matrix(np.diag(np.log((1 + len(articles)) / (1 + df)) + 1))
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    X = csr_matrix(X.multiply(1 / np.maximum(norms, 1e-12)[:, None]))
    S = X @ X.T
    S.data[S.data < threshold] = 0
    S.eliminate_zeros()
    _, labels = connected_components(S, directed=False)
    return {a.origin: int(label) for a, label in zip(articles, labels)}


def grouping(events_dir: Path) -> list[tuple[str, float, float, float, float, int]]:
    from briefing.sources import read_inputs

    files, labels = feed_files(events_dir)
    gold = dict(zip(files, labels))
    rows = []
    start = time.perf_counter()
    lines = _run_cli(["stories", *files, "--format", "jsonl"]).splitlines()
    seconds = time.perf_counter() - start
    label_of = {}
    for line in lines:
        story = json.loads(line)
        for path in story["articles"]:
            label_of[path] = story["story"]
    predicted = [label_of.get(f, -1 - i) for i, f in enumerate(files)]
    rows.append(("briefing stories", *bcubed(predicted, labels), seconds, len(lines)))

    articles = read_inputs(files)
    for threshold in (0.2, 0.3):
        start = time.perf_counter()
        labels_by_origin = single_link(articles, threshold)
        seconds = time.perf_counter() - start
        predicted = [labels_by_origin.get(f, -1 - i) for i, f in enumerate(files)]
        rows.append((f"TF-IDF cosine >= {threshold}, single link", *bcubed(predicted, [gold[f] for f in files]), seconds,
                     len(set(predicted))))
    rows.append(("one story per article", *bcubed(list(range(len(files))), labels), 0.0, len(files)))
    return rows


def _headline_scores(events: list[dict], totals_of) -> dict:
    inside = total = false = 0
    claims: list[int] = []
    misses = []
    for event in events:
        totals = totals_of(event["event"])
        gold_cats = {h["category"] for h in event["headline"]}
        for h in event["headline"]:
            total += 1
            t = totals.get(h["category"])
            count = t["count"] if t else 0
            if h["low"] <= count <= h["high"]:
                inside += 1
            else:
                misses.append(f"{event['event']} {h['category']}: {count} (gold {h['value']}, {h['low']}-{h['high']})")
        for cat in ("killed", "injured"):
            t = totals.get(cat)
            if cat not in gold_cats and t and t["count"] > 0:
                false += 1
                misses.append(f"{event['event']} {cat}: false headline {t['count']}")
        for t in totals.values():
            if t.get("contested"):
                claims.append(len(t["claims"]) if "claims" in t else len({(f["count"], f["claimant"]) for f in t["figures"]}))
    return {"inside": inside, "total": total, "false": false, "claims": max(claims, default=0), "misses": misses}


def figures(events_dir: Path) -> list[tuple[str, dict, float]]:
    from briefing.figures import extract_figures
    from briefing.serialize import total_dict
    from briefing.sources import read_inputs

    gold = json.loads((events_dir / "gold.json").read_text())["events"]
    folders = [str(events_dir / "articles" / e["event"]) for e in gold]
    start = time.perf_counter()
    lines = _run_cli(["figures", "--each", *folders, "--format", "jsonl"]).splitlines()
    seconds = time.perf_counter() - start
    by_event = {Path(json.loads(line)["input"]).name: json.loads(line)["totals"] for line in lines}
    rows = [("briefing figures --each", _headline_scores(gold, by_event.__getitem__), seconds)]

    from briefing.figures import reconcile

    previous = {}
    start = time.perf_counter()
    for folder in folders:
        articles = read_inputs([folder])
        previous[Path(folder).name] = {c: total_dict(t, articles) for c, t in reconcile(extract_figures(articles), over_time=False).items()}
    rows.append(("lowest credible figure, no dates (previous)", _headline_scores(gold, previous.__getitem__), time.perf_counter() - start))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--show", action="store_true", help="list every headline outside the gold range")
    args = parser.parse_args()
    events_dir = Path(args.data) / "events"
    print("| grouping of the mixed feed | B³ precision | B³ recall | B³ F1 | stories | seconds |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, p, r, f, s, n in grouping(events_dir):
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {n} | {s:.2f} |")
    print()
    print("| headline figures per event | inside gold range | false killed/injured | most claims in a dispute | seconds |")
    print("|---|---:|---:|---:|---:|")
    for name, score, seconds in figures(events_dir):
        share = score["inside"] / score["total"] if score["total"] else 0.0
        print(f"| {name} | {score['inside']}/{score['total']} ({share:.2f}) | {score['false']} | {score['claims']} | {seconds:.2f} |")
        if args.show:
            for miss in score["misses"]:
                print(f"    {miss}")


if __name__ == "__main__":
    main()
