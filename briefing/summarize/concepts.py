"""Concepts: stemmed word bigrams, weighted by how many different articles report them.

This is the concept model of ICSISumm (Gillick and Favre, 2009): a fact many outlets repeat is important,
a bigram only one outlet uses is not. With a single article there is no "many outlets", so the weight is
the number of sentences that use the bigram instead.
"""
from __future__ import annotations

from collections import defaultdict

from briefing.summarize.features import Unit, is_stopword

# With this many articles or more, a concept must be reported by at least two of them to count.
MIN_ARTICLES_FOR_AGREEMENT = 3
MANY_ARTICLES = 8
# Extra weight for each further sentence that repeats a concept within the articles (0 = articles only).
REPEAT_WEIGHT = 0.0
# Content words as concepts too, at this fraction of their weight (0 = bigrams only, as ICSISumm).
UNIGRAM_WEIGHT = 0.0


def unit_bigrams(tokens: list[str]) -> set[tuple[str, str]]:
    """Adjacent pairs of stemmed tokens, without pairs made of two stopwords."""
    out = set()
    prev = None
    prev_stop = True
    for tok in tokens:
        stop = is_stopword(tok)
        if prev is not None and not (stop and prev_stop):
            out.add((prev, tok))
        prev, prev_stop = tok, stop
    return out


def agreement_threshold(n_articles: int) -> float:
    """How many articles must report a concept for it to count: 1 for one or two articles, 2 from
    three, 3 from MANY_ARTICLES on (ICSISumm keeps bigrams found in 3 of 10 documents)."""
    return 1.0 + (n_articles >= MIN_ARTICLES_FOR_AGREEMENT) + (n_articles >= MANY_ARTICLES)


def weigh_concepts(units: list[Unit], n_articles: int) -> tuple[list[list[int]], list[float]]:
    """For every unit the ids of the concepts it holds, and the weight of every concept id.

    Weight = number of articles using the concept (+ REPEAT_WEIGHT per further sentence using it);
    with a single article, the number of its sentences using it.
    """
    grams = [unit_bigrams(u.tokens) for u in units]
    if UNIGRAM_WEIGHT:
        for u, g in zip(units, grams):
            g.update((t,) for t in u.tokens if not is_stopword(t))
    # units come article by article: an article is counted once per concept by remembering the last one
    last: dict[tuple, int] = {}
    df: dict[tuple, int] = defaultdict(int)
    sf: dict[tuple, int] = defaultdict(int)
    for u, g in zip(units, grams):
        a = u.article
        for c in g:
            sf[c] += 1
            if last.get(c) != a:
                last[c] = a
                df[c] += 1
    if n_articles > 1:
        weight = {c: d + REPEAT_WEIGHT * (sf[c] - d) for c, d in df.items()}
    else:
        weight = {c: float(n) for c, n in sf.items()}
    if UNIGRAM_WEIGHT:
        for c in weight:
            if len(c) == 1:
                weight[c] *= UNIGRAM_WEIGHT

    threshold = agreement_threshold(n_articles)
    # A set of articles with nothing in common still needs something to cover.
    if not any(df[c] >= threshold for c in df):
        threshold = 1.0

    ids: dict[tuple, int] = {}
    weights: list[float] = []
    unit_concepts: list[list[int]] = []
    for g in grams:
        mine = []
        for c in sorted(g):  # sorted: ids, and every sum over them, in one order whatever the hash seed
            if df[c] < threshold:
                continue
            i = ids.get(c)
            if i is None:
                i = ids[c] = len(weights)
                weights.append(weight[c])
            mine.append(i)
        unit_concepts.append(mine)
    return unit_concepts, weights
