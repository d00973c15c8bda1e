"""Concepts: stemmed word bigrams, weighted by how many different articles report them.

This is the concept model of ICSISumm (Gillick and Favre, 2009): a fact many outlets repeat is important,
a bigram only one outlet uses is not. With a single article there is no "many outlets": its content
words that recur through it, weighted by the number of its sentences using them (as SumBasic), stand in.
"""
from __future__ import annotations

import math
from collections import Counter
from itertools import chain, compress, islice
from operator import and_

from briefing.summarize.features import Unit

# From this many articles on, a concept must be reported by at least two of them to count ...
MIN_ARTICLES_FOR_AGREEMENT = 3
# ... and from this many on, by at least three.
MANY_ARTICLES = 8
# A single article's subject is in the words that run through it: a concept is a content word used by at
# least this share of its sentences (and by two at least). A word of two sentences out of twenty is a
# detail; BBC News single-article summaries: ROUGE-2 54.5 with "two sentences", 64.9 with a quarter.
RECURRING_SHARE = 0.25


_is_content = (0).__lt__  # content stems have positive ids, stopwords negative ones
_non_negative = (-1).__lt__


def unit_bigrams(ids: list[int]) -> dict[tuple[int, int], None]:
    """Adjacent pairs of token ids (features.token_ids), without pairs of two stopwords, in order of first
    appearance (a dict used as an ordered set). All in C: two ids are both stopwords (negative) exactly
    when their bitwise and is negative."""
    return dict.fromkeys(compress(zip(ids, islice(ids, 1, None)),
                                  map(_non_negative, map(and_, ids, islice(ids, 1, None)))))


def unit_words(ids: list[int]) -> dict[int, None]:
    """Content words (no stopwords) as int keys, in order of first appearance."""
    return dict.fromkeys(filter(_is_content, ids))


def agreement_threshold(n_articles: int) -> float:
    """How many articles must report a concept for it to count: 1 for one or two articles, 2 from
    three, 3 from MANY_ARTICLES on (ICSISumm keeps bigrams found in 3 of 10 documents)."""
    return 1.0 + (n_articles >= MIN_ARTICLES_FOR_AGREEMENT) + (n_articles >= MANY_ARTICLES)


def weigh_concepts(units: list[Unit], n_articles: int) -> tuple[list[list[int]], list[float]]:
    """For every unit the ids of the concepts it holds (in order of first appearance), and the weight of
    every concept id. Concept ids start at 1 (weights[0] is an unused 0.0).

    Weight = the number of articles using the concept; concepts below `agreement_threshold` articles
    are dropped. A single article has no agreement to count, and its bigrams rarely recur: there the
    concepts are its content words, weighted by how many of its sentences use them (at least two, and
    RECURRING_SHARE of them: see recurrence_threshold).
    """
    if n_articles == 1:
        return _weigh_words(units)
    grams = [unit_bigrams(u.ids) for u in units]
    by_article: dict[int, list[dict]] = {}
    for u, g in zip(units, grams):
        by_article.setdefault(u.article, []).append(g)
    # df: in how many articles a concept appears (one ordered set per article, counted by Counter in C)
    df: Counter = Counter()
    for article_grams in by_article.values():
        df.update(dict.fromkeys(chain.from_iterable(article_grams)).keys())
    # A set of articles with nothing in common still needs something to cover: then every bigram counts.
    return _index(grams, df, agreement_threshold(n_articles), fallback=True)


def _index(grams: list[dict], counts: Counter, threshold: float, *, fallback: bool
           ) -> tuple[list[list[int]], list[float]]:
    """Concept ids (from 1) for the keys counted at least `threshold` times, weight = the count; with none
    at the threshold and `fallback`, every key counts."""
    if threshold <= 1.0:
        kept = list(counts)
    else:
        kept = list(compress(counts.keys(), map(threshold.__le__, counts.values())))  # in C
        if not kept and fallback:
            kept = list(counts)
    # ids are only names: every sum runs over a unit's concepts in its own order, so their numbering
    # (which follows the process-wide token ids) changes no result
    index = dict(zip(kept, range(1, len(kept) + 1)))
    weights = [0.0, *map(float, map(counts.__getitem__, kept))]
    get = index.get
    unit_concepts = [list(filter(None, map(get, g))) for g in grams]
    return unit_concepts, weights


def recurrence_threshold(n_sentences: int, most: int) -> float:
    """In how many sentences a single article's word must appear to be a concept: RECURRING_SHARE of
    them, at least two, but never more than its most used word does (so that one always counts)."""
    if n_sentences <= 1:
        return 1.0
    return float(max(2, min(math.ceil(RECURRING_SHARE * n_sentences), most)))


def _weigh_words(units: list[Unit]) -> tuple[list[list[int]], list[float]]:
    grams = [unit_words(u.ids) for u in units]
    sf: Counter[int] = Counter()
    for g in grams:
        sf.update(g.keys())  # keys: a dict would be read as counts
    threshold = recurrence_threshold(len(grams), max(sf.values(), default=0))
    return _index(grams, sf, threshold, fallback=False)
