"""Main-text extraction quality of the HTML reader, against other extractors, on human-marked pages.

    python bench/extraction.py [--data PATH] [--limit N] [--worst K]

PATH holds article-extraction/ (html/<id>.html.gz and ground-truth.json: {id: {"articleBody", "url"}}),
default ../shared/data relative to the repository root. Scoring follows the article-extraction
benchmark: 4-gram shingles of \\w+ tokens (multiset), precision and recall per page averaged over the
pages, F1 of the two means. Prints a markdown table (extractor, precision, recall, F1, seconds).
Extractors other than ours and trafilatura's defaults are included when importable (readability-lxml,
newspaper3k/newspaper4k).
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_scores(truth: str, predicted: str) -> tuple[float, float]:
    """(precision, recall) of one page's predicted main text."""
    expected, got = shingles(truth), shingles(predicted)
    tp = sum((expected & got).values())
    fp = sum((got - expected).values())
    fn = sum((expected - got).values())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def load(data: Path, limit: int | None) -> list[tuple[str, bytes, str, str]]:
    folder = data / "article-extraction"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append((page_id, html, truth[page_id].get("articleBody", ""), truth[page_id].get("url", "")))
    return pages


def ours(html: bytes, url: str) -> str:
    from briefing.errors import SourceError
    from briefing.sources.html import article_from_html

    try:
        return article_from_html(html, origin="page.html").text
    except SourceError:
        return ""


def ingest_cli(pages, data: Path) -> dict[str, str]:
    """Main text per page id as `briefing ingest --format jsonl PAGE.html.gz...` prints it (one run)."""
    import subprocess

    folder = data / "article-extraction" / "html"
    paths = [str(folder / f"{page_id}.html.gz") for page_id, *_ in pages]
    command = [sys.executable, "-m", "briefing", "ingest", "--format", "jsonl", *paths]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    texts: dict[str, str] = {}
    for line in done.stdout.splitlines():
        if line.strip().startswith("{"):
            record = json.loads(line)
            page_id = Path(record.get("input") or record.get("origin", "")).name.split(".")[0]
            texts[page_id] = record.get("text", "")
    if done.returncode != 0:
        print(f"(briefing ingest exited {done.returncode}: {done.stderr.strip()[-300:]})", file=sys.stderr)
    return texts


def trafilatura_defaults(html: bytes, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def readability_lxml(html: bytes, url: str) -> str:
    from readability import Document  # readability-lxml

    from briefing.sources.html import html_to_text

    return html_to_text(Document(html).summary())


def newspaper_article(html: bytes, url: str) -> str:
    import newspaper

    article = newspaper.Article(url or "http://example.com/")
    article.download(input_html=html.decode("utf-8", "replace"))
    article.parse()
    return article.text


def extractors() -> dict[str, Callable[[bytes, str], str]]:
    found: dict[str, Callable[[bytes, str], str]] = {"briefing": ours, "trafilatura (defaults)": trafilatura_defaults}
    for name, module, function in (("readability-lxml", "readability", readability_lxml),
                                   ("newspaper", "newspaper", newspaper_article)):
        try:
            __import__(module)
        except Exception:
            print(f"({name} not installed: skipped)", file=sys.stderr)
        else:
            found[name] = function
    return found


def evaluate(pages, extract: Callable[[bytes, str], str], given: dict[str, str] | None = None
             ) -> tuple[float, float, float, float, list]:
    """Mean precision, mean recall, F1 of the means, seconds, pages worst first.

    `given`: texts already extracted (page id -> text), scored instead of calling `extract`.
    """
    precisions, recalls, worst = [], [], []
    started = time.perf_counter()
    for page_id, html, truth, url in pages:
        try:
            predicted = given.get(page_id, "") if given is not None else extract(html, url)
        except Exception as error:  # a crashing extractor scores zero on that page
            print(f"{page_id}: {type(error).__name__}: {error}", file=sys.stderr)
            predicted = ""
        precision, recall = page_scores(truth, predicted)
        precisions.append(precision)
        recalls.append(recall)
        worst.append((2 * precision * recall / (precision + recall) if precision + recall else 0.0, page_id, precision,
                      recall))
    seconds = time.perf_counter() - started
    p, r = statistics.mean(precisions), statistics.mean(recalls)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), seconds, sorted(worst)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--worst", type=int, default=0, help="list our K worst pages")
    parser.add_argument("--only", default=None, help="run only the extractor with this name")
    parser.add_argument("--cli", action="store_true", help="also score `briefing ingest --format jsonl` output")
    args = parser.parse_args(argv)
    pages = load(args.data, args.limit)
    print(f"{len(pages)} pages from {args.data / 'article-extraction'}\n")
    print("| extractor | precision | recall | F1 | seconds |")
    print("|---|---:|---:|---:|---:|")
    worst_ours = []
    for name, extract in extractors().items():
        if args.only and name != args.only:
            continue
        p, r, f1, seconds, worst = evaluate(pages, extract)
        print(f"| {name} | {p:.4f} | {r:.4f} | {f1:.4f} | {seconds:.1f} |", flush=True)
        if name == "briefing":
            worst_ours = worst
    if args.cli:
        started = time.perf_counter()
        texts = ingest_cli(pages, args.data)
        p, r, f1, _, _ = evaluate(pages, ours, given=texts)
        print(f"| briefing ingest --format jsonl | {p:.4f} | {r:.4f} | {f1:.4f} | {time.perf_counter() - started:.1f} |")
    for f1, page_id, p, r in worst_ours[: args.worst]:
        print(f"  {page_id[:12]}  F1={f1:.2f}  P={p:.2f}  R={r:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
