"""Summary quality and speed: ours against Lead and sumy's LexRank, TextRank, LSA and KL-Sum.

    python bench/summarization.py [--data ../shared/data] [--sets multi-news,bbc] [--words 250[,100]]
                                  [--limit N] [--systems ours,lead,...] [--min-docs N]
    python bench/summarization.py --speed DIR [--words 250] [--runs 3]

--speed: DIR holds one folder per cluster (one .txt per article). Times the whole process
`python -m briefing summarize --each --words N --format jsonl DIR/*` (start-up included, wall clock, best
of --runs) against sumy's LexRank summarizing the same clusters in-process (same sentences).

ROUGE-1 and ROUGE-2 recall (rouge_score, Porter stemming), and per item how often each system's ROUGE-2
beats sumy LexRank's (won/lost, when lexrank is among --systems), every summary cut to the budget in words,
recall averaged over the references (one per item in these sets). Every system gets the same sentences
(our splitter), so only the choice differs. Multi-News: each cluster at --words (250 by default; 100 is
the closest proxy of DUC-style 100-word summaries, with abstractive references; --min-docs 4 keeps the
clusters with most articles, 83 of 400). BBC: single articles,
budget = the reference's length in words. Time = summarizing only (sentence splitting excluded, same
for all), in-process. Not a test: it is never run by pytest or CI.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.summarize import summarize_sentences  # noqa: E402
from briefing.text.sentences import split_sentences, split_sentences_marked  # noqa: E402


class Doc(list):
    """An article's sentences (what every system gets) and which are pieces of a longer quotation
    (what `briefing summarize` itself works out from the paragraphs)."""

    fragments: list[bool] = []


def split_doc(text: str) -> Doc:
    sentences, fragments = split_sentences_marked(text)
    doc = Doc(sentences)
    doc.fragments = fragments
    return doc


_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-])*")


# ---------------------------------------------------------------- data


def load_multi_news(data: Path, limit: int | None, min_docs: int = 1):
    items = []
    with open(data / "multi-news" / "dev.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if len(row["documents"]) < min_docs:
                continue
            docs = [split_doc(d) for d in row["documents"]]
            items.append(([d for d in docs if d], [row["summary"]]))
            if limit and len(items) >= limit:
                break
    return items


def load_bbc(data: Path, limit: int | None):
    items = []
    for path in sorted((data / "bbc" / "articles").glob("*/*.txt")):
        lines = path.read_text(encoding="latin-1").splitlines()
        body = "\n\n".join(line for line in lines[1:] if line.strip())  # line 1 is the headline
        ref_path = data / "bbc" / "summaries" / path.parent.name / path.name
        ref = ref_path.read_text(encoding="latin-1")
        ref = re.sub(r"([.!?])(?=[A-Z\"])", r"\1 ", ref)  # "end.Next" -> "end. Next"
        items.append(([split_doc(body)], [ref]))
        if limit and len(items) >= limit:
            break
    return items


# ---------------------------------------------------------------- systems


def cut(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


def ours(docs, words):
    fragments = [getattr(d, "fragments", []) for d in docs]
    return " ".join(s.text for s in summarize_sentences(docs, words=words, fragments=fragments))


def lead(docs, words):
    """The first sentences of the first article, then the next article's, up to the budget."""
    return cut(" ".join(s for d in docs for s in d), words)


class _Words:
    """A word tokenizer for sumy that needs no NLTK data (sumy's own needs punkt)."""

    @staticmethod
    def to_words(sentence):
        return tuple(_WORD.findall(sentence))


@cache
def _sumy(name):
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    cls = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer,
           "kl": KLSummarizer}[name]
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def sumy_system(name):
    def run(docs, words):
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        tok = _Words()
        document = ObjectDocumentModel([Paragraph([Sentence(s, tok) for s in d]) for d in docs])

        def best_until_budget(infos):  # infos come best first: take them until the budget is met
            taken, used = [], 0
            for info in infos:
                if used >= words:
                    break
                taken.append(info)
                used += len(str(info.sentence).split())
            return taken

        chosen = _sumy(name)(document, best_until_budget)
        return cut(" ".join(str(s) for s in chosen), words)

    return run


SYSTEMS = {
    "lead": lead,
    "lexrank": sumy_system("lexrank"),
    "textrank": sumy_system("textrank"),
    "lsa": sumy_system("lsa"),
    "kl": sumy_system("kl"),
    "ours": ours,
}
LABELS = {"lead": "Lead", "lexrank": "sumy LexRank", "textrank": "sumy TextRank", "lsa": "sumy LSA",
          "kl": "sumy KL-Sum", "ours": "briefing"}


# ---------------------------------------------------------------- scoring


def make_scorer():
    from rouge_score import rouge_scorer, tokenizers

    tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)
    stemmer = tokenizer._stemmer
    cache: dict[str, str] = {}

    class CachedStemmer:  # the same Porter stemmer, remembered: scoring thousands of summaries
        @staticmethod
        def stem(word):
            s = cache.get(word)
            if s is None:
                s = cache[word] = stemmer.stem(word)
            return s

    tokenizer._stemmer = CachedStemmer()
    return rouge_scorer.RougeScorer(["rouge1", "rouge2"], tokenizer=tokenizer)


def evaluate(items, system, words_for, scorer):
    """Mean ROUGE-1 and ROUGE-2 recall (in %), time spent summarizing, and every item's ROUGE-2 (for
    the per-cluster comparison)."""
    r1 = r2 = 0.0
    elapsed = 0.0
    each = []
    for docs, refs in items:
        words = words_for(refs)
        t = time.perf_counter()
        summary = system(docs, words)
        elapsed += time.perf_counter() - t
        summary = cut(summary, words)
        s1 = s2 = 0.0
        for ref in refs:
            scores = scorer.score(ref, summary)
            s1 += scores["rouge1"].recall
            s2 += scores["rouge2"].recall
        r1 += s1 / len(refs)
        r2 += s2 / len(refs)
        each.append(s2 / len(refs))
    n = len(items)
    return 100 * r1 / n, 100 * r2 / n, elapsed, each


def wins(each, against) -> str:
    """'won/lost' items on ROUGE-2 against another system's scores of the same items (ties not counted):
    a mean can hide a few large wins over many small losses."""
    won = sum(a > b for a, b in zip(each, against))
    lost = sum(a < b for a, b in zip(each, against))
    return f"{won}/{lost}"


def speed(folder: Path, words: int, runs: int) -> None:
    import subprocess

    clusters = sorted(p for p in folder.iterdir() if p.is_dir())
    docs = [[split_sentences(f.read_text(encoding="utf-8", errors="replace")) for f in sorted(c.glob("*.txt"))]
            for c in clusters]
    lexrank = SYSTEMS["lexrank"]
    t = time.perf_counter()
    for d in docs:
        lexrank([x for x in d if x], words)
    sumy = time.perf_counter() - t
    command = [sys.executable, "-m", "briefing", "-q", "summarize", "--each", "--words", str(words),
               "--format", "jsonl", *map(str, clusters)]
    walls = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        walls.append(time.perf_counter() - t)
    print(f"{len(clusters)} clusters at {words} words: sumy LexRank in-process {sumy:.2f} s; "
          f"briefing summarize --each (whole process) best {min(walls):.2f} s of {runs} "
          f"({', '.join(f'{w:.2f}' for w in walls)}); ratio {min(walls) / sumy:.2f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--sets", default="multi-news,bbc")
    parser.add_argument("--words", default="250",
                        help="Multi-News budget in words; several, comma-separated (100,250), in one run")
    parser.add_argument("--limit", type=int, default=None, help="only the first N items of each set")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--min-docs", type=int, default=1,
                        help="Multi-News: only clusters of at least N articles (closer to DUC's ten)")
    parser.add_argument("--speed", type=Path, metavar="DIR", help="time the CLI against sumy on DIR/*")
    parser.add_argument("--runs", type=int, default=3, help="--speed: runs of the CLI (best is kept)")
    args = parser.parse_args(argv)
    if args.speed:
        speed(args.speed, int(args.words.split(",")[0]), args.runs)
        return

    scorer = make_scorer()
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    budgets = [int(w) for w in str(args.words).split(",")]
    print("| data | budget | system | ROUGE-1 R | ROUGE-2 R | R-2 won/lost vs LexRank | time (s) |")
    print("|---|---|---|---:|---:|---:|---:|")
    for name in [s.strip() for s in args.sets.split(",")]:
        if name == "multi-news":
            items = load_multi_news(args.data, args.limit, args.min_docs)
            runs = [(f"{n} words", lambda refs, n=n: n) for n in budgets]
        elif name == "bbc":
            items = load_bbc(args.data, args.limit)
            runs = [("reference length", lambda refs: len(refs[0].split()))]
        else:
            parser.error(f"unknown data set {name!r}")
        for budget, words_for in runs:
            # LexRank first when asked for, so that every other system is compared with it per item
            order = sorted(systems, key=lambda s: s != "lexrank")
            rows, lexrank = {}, None
            for system in order:
                r1, r2, elapsed, each = evaluate(items, SYSTEMS[system], words_for, scorer)
                if system == "lexrank":
                    lexrank = each
                rows[system] = (r1, r2, elapsed, each)
            for system in systems:
                r1, r2, elapsed, each = rows[system]
                versus = "" if lexrank is None or system == "lexrank" else wins(each, lexrank)
                print(f"| {name} ({len(items)}) | {budget} | {LABELS[system]} | {r1:.2f} | {r2:.2f} | "
                      f"{versus} | {elapsed:.2f} |", flush=True)

if __name__ == "__main__":
    main()
