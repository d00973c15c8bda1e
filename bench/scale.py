"""Scale benchmark: `briefing generate DIR --out OUT --date 2026-11-22` over feeds of 1,000 and 10,000
article files, with wall time, peak memory and the growth factor, as a markdown table.

    python bench/scale.py [--data ../shared/data] [--sizes 1000,10000] [--keep DIR] [--profile FILE]

How the feeds are made (honestly: the development data holds ~2,500 distinct articles, not 10,000):
  * distinct real articles first: multi-news documents (empty ones and crawler boilerplate left out),
    BBC articles, the article-extraction ground-truth bodies, the casualty-incident descriptions;
  * then re-reports until the size is reached: re-report r of article A is a real-sentence rewrite, the
    opening half of A's sentences (a quarter dropped) followed by the closing half of a partner's, the
    partner being another document of A's multi-news cluster (same story, another outlet), or for BBC
    articles, web pages and incidents another article of the same BBC category / set (often another
    story: such a rewrite bridges two stories, which makes clustering harder, not easier). Its sentences
    are real news sentences, but it is new text: a trimmed copy of A alone would be (rightly) merged back
    into A by the readers' duplicate detection, and the feed would not hold 10,000 articles any more.
  One text file per article (headline on line 1 when the source has one, blank line, paragraphs), in
  sub-folders of at most 500 files. The feed for size N is the first N articles of that sequence, shuffled
  with a fixed seed so that stories are spread across folders.

Peak memory is the largest resident set of any process of the run (the CLI and its worker processes), as
`resource.getrusage(RUSAGE_CHILDREN).ru_maxrss` of a wrapper that runs nothing else.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATE = "2026-11-22"
PER_FOLDER = 500
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'\u201c(])|(?<=[.!?] )\s*(?=[a-z])")

# runs one command and reports the peak resident set of it and its descendants, in kilobytes
_WRAPPER = (
    "import resource, subprocess, sys; rc = subprocess.run(sys.argv[1:]).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(rc)"
)


class Doc:
    __slots__ = ("title", "sentences", "group", "folder")

    def __init__(self, title: str, sentences: list[str], group: str, folder: str):
        self.title, self.sentences, self.group, self.folder = title, sentences, group, folder


def sentences_of(text: str) -> list[str]:
    """A cheap split, good enough to build test feeds (the product uses Punkt)."""
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def real_documents(data: Path) -> list[Doc]:
    docs: list[Doc] = []
    with open(data / "multi-news" / "dev.jsonl", encoding="utf-8") as fh:
        items = [json.loads(line) for line in fh]
    seen: dict[str, set] = {}
    for item in items:
        for doc in item["documents"]:
            seen.setdefault(doc[:80], set()).add(item["idx"])
    for item in items:
        for doc in item["documents"]:
            if len(doc.split()) >= 20 and len(seen[doc[:80]]) < 3:  # crawler boilerplate is not an article
                docs.append(Doc("", sentences_of(doc), f"mn{item['idx']}", "multi-news"))
    for path in sorted((data / "bbc" / "articles").glob("*/*.txt")):
        head, _, body = path.read_text(encoding="latin-1").partition("\n")
        docs.append(Doc(head.strip(), sentences_of(body), f"bbc-{path.parent.name}", f"bbc-{path.parent.name}"))
    truth = json.loads((data / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        body = truth[key].get("articleBody") or ""
        if len(body.split()) >= 20:
            docs.append(Doc("", sentences_of(body), "web", "web"))
    with open(data / "casualties" / "incidents_dev.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            docs.append(Doc("", sentences_of(row["Description"]), "incidents", "incidents"))
    return [d for d in docs if d.sentences]


def re_report(doc: Doc, partner: Doc, r: int) -> Doc:
    """A rewrite of `doc` from its own opening and its partner's close (see the module docstring)."""
    rng = random.Random(f"{r}:{doc.group}:{doc.sentences[0][:40]}")
    own = doc.sentences[: max(1, math.ceil(len(doc.sentences) / 2))]
    own = [own[0]] + [s for s in own[1:] if rng.random() > 0.25]
    other = partner.sentences[len(partner.sentences) // 2:] if partner is not doc else doc.sentences[len(own):]
    other = [s for s in other if rng.random() > 0.25]
    title = f"{doc.title} ({r})" if doc.title else ""
    return Doc(title, own + other, doc.group, doc.folder)


def feed_documents(data: Path, size: int) -> list[Doc]:
    docs = real_documents(data)
    by_group: dict[str, list[Doc]] = {}
    for d in docs:
        by_group.setdefault(d.group, []).append(d)
    out = list(docs[:size])
    r = 1
    while len(out) < size:
        for d in docs:
            if len(out) >= size:
                break
            mates = by_group[d.group]
            partner = mates[(mates.index(d) + r) % len(mates)] if len(mates) > 1 else d
            out.append(re_report(d, partner, r))
        r += 1
    random.Random(size).shuffle(out)
    return out


def write_feed(docs: list[Doc], folder: Path) -> None:
    for n, doc in enumerate(docs):
        sub = folder / f"{doc.folder}-{n // PER_FOLDER:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        paragraphs = [" ".join(doc.sentences[k:k + 3]) for k in range(0, len(doc.sentences), 3)]
        head = f"{doc.title}\n\n" if doc.title else ""
        (sub / f"{n:05d}.txt").write_text(head + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def run(feed: Path, out: Path, profile: Path | None) -> tuple[float, int, int, str]:
    """(seconds, peak kB, exit code, stderr tail) of one `briefing generate` run."""
    command = [sys.executable] + (["-m", "cProfile", "-o", str(profile)] if profile else []) + ["-m", "briefing"]
    command += ["generate", str(feed), "--out", str(out), "--date", DATE]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _WRAPPER, *command], capture_output=True, text=True, cwd=feed.parent)
    took = time.perf_counter() - start
    lines = done.stderr.strip().splitlines()
    peak = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    return took, peak, done.returncode, "\n".join(lines[-6:-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--keep", type=Path, help="build the feeds here and keep them")
    parser.add_argument("--profile", type=Path, help="cProfile the largest run into this file")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    base = args.keep or Path(tempfile.mkdtemp(prefix="briefing-scale-"))
    rows = []
    try:
        for size in sizes:
            feed = base / f"feed-{size}"
            if not feed.exists():
                write_feed(feed_documents(args.data, size), feed)
            profile = args.profile if args.profile and size == max(sizes) else None
            took, peak, code, err = run(feed, base / f"out-{size}", profile)
            pdfs = list((base / f"out-{size}").glob("*.pdf"))
            rows.append((size, took, peak, code, bool(pdfs)))
            if code:
                print(f"size {size}: exit {code}\n{err}", file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    print("| articles | wall time (s) | peak memory (MB) | exit | PDF written | time / time(first) |")
    print("|---|---|---|---|---|---|")
    for size, took, peak, code, pdf in rows:
        print(f"| {size:,} | {took:.1f} | {peak / 1024:.0f} | {code} | {'yes' if pdf else 'no'} | {took / rows[0][1]:.2f} |")


if __name__ == "__main__":
    main()
