"""Story clustering against ground truth: multi-news clusters (documents about one story) mixed with BBC
articles (each its own story), scored by pairwise precision / recall / F1 and the adjusted Rand index.

    python bench/cluster_quality.py [--data ../shared/data] [--grid]

Not a test: a measurement for tuning `briefing.cluster` thresholds. BBC "distinct stories" is an
approximation (the set holds a few follow-ups of one story), so precision on it is a lower bound.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from math import comb
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing import cluster  # noqa: E402
from briefing.models import Article  # noqa: E402


def boilerplate_openings(items: list[dict]) -> set[str]:
    """Openings shared by documents of 3+ different clusters: crawler pages ("These crawls are part of an
    effort to archive pages...", "Tweet with a location...") that a reader would not pass on as articles."""
    seen: dict[str, set] = {}
    for item in items:
        for doc in item["documents"]:
            seen.setdefault(doc[:80], set()).add(item["idx"])
    return {opening for opening, clusters in seen.items() if len(clusters) >= 3}


def multi_news(data: Path) -> tuple[list[Article], list[str]]:
    """Multi-news documents labelled by cluster; empty documents and crawler boilerplate left out."""
    with open(data / "multi-news" / "dev.jsonl", encoding="utf-8") as fh:
        items = [json.loads(line) for line in fh]
    junk = boilerplate_openings(items)
    articles, labels = [], []
    for item in items:
        for k, doc in enumerate(item["documents"]):
            if len(doc.split()) < 20 or doc[:80] in junk:
                continue
            articles.append(Article(text=doc, title="", source=f"mn{k}", origin=f"mn/{item['idx']}/{k}"))
            labels.append(f"mn{item['idx']}")
    return articles, labels


def bbc(data: Path) -> tuple[list[Article], list[str]]:
    articles, labels = [], []
    for path in sorted((data / "bbc" / "articles").glob("*/*.txt")):
        lines = path.read_text(encoding="latin-1").split("\n", 1)
        articles.append(Article(text=lines[1].strip() if len(lines) > 1 else "", title=lines[0].strip(), source="BBC", origin=str(path)))
        labels.append(f"bbc/{path.parent.name}/{path.stem}")
    return articles, labels


def scores(truth: list[str], groups: list[list[int]]) -> dict[str, float]:
    """Pairwise precision/recall/F1 and adjusted Rand index of a clustering against labels."""
    predicted = [0] * len(truth)
    for g, members in enumerate(groups):
        for i in members:
            predicted[i] = g
    joint = Counter(zip(truth, predicted))
    same_both = sum(comb(c, 2) for c in joint.values())
    same_truth = sum(comb(c, 2) for c in Counter(truth).values())
    same_pred = sum(comb(c, 2) for c in Counter(predicted).values())
    total = comb(len(truth), 2)
    p = same_both / same_pred if same_pred else 1.0
    r = same_both / same_truth if same_truth else 1.0
    expected = same_truth * same_pred / total if total else 0.0
    top = (same_truth + same_pred) / 2 - expected
    ari = (same_both - expected) / top if top else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "ari": ari}


def scores_on(truth: list[str], groups: list[list[int]], first: int) -> dict[str, float]:
    """Scores of the clustering restricted to the first `first` articles, plus 'foreign': the share of
    their same-group pairs whose partner lies beyond them (a multi-news article grouped with a BBC one)."""
    inside = [[i for i in g if i < first] for g in groups]
    result = scores(truth[:first], [g for g in inside if g])
    own = sum(comb(len(g), 2) for g in inside)
    foreign = sum(len(g_in) * (len(g) - len(g_in)) for g, g_in in zip(groups, inside))
    result["foreign"] = foreign / (own + foreign) if own + foreign else 0.0
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--grid", action="store_true", help="try a grid of thresholds")
    args = parser.parse_args()
    mn, mn_labels = multi_news(args.data)
    bb, bb_labels = bbc(args.data)
    # BBC's 'one story per article' is not true (Yukos, WorldCom, the Oscars run over many articles), so
    # the mixed feed is scored on multi-news articles only, plus the share of their pairs that are foreign
    feeds = {"multi-news": (mn, mn_labels), "bbc": (bb, bb_labels), "both": (mn + bb, mn_labels + bb_labels)}
    grid = [(t, c) for t in (0.2, 0.25, 0.3, 0.35, 0.4) for c in (t, t + 0.1)] if args.grid else [(cluster.THRESHOLD, cluster.CENTROID_THRESHOLD)]
    print("| feed | articles | threshold | centroid | groups | precision | recall | F1 | ARI | foreign | seconds |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, (articles, labels) in feeds.items():
        for t, c in grid:
            start = time.perf_counter()
            groups = cluster.cluster_articles(articles, threshold=t, centroid_threshold=c)
            took = time.perf_counter() - start
            s = scores(labels, groups) if name != "both" else scores_on(labels, groups, len(mn))
            print(f"| {name} | {len(articles)} | {t:.2f} | {c:.2f} | {len(groups)} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['ari']:.3f} | {s.get('foreign', 0):.3f} | {took:.2f} |")


if __name__ == "__main__":
    main()
