"""Concepts: stemmed word bigrams, weighted by how many different articles report them.

This is the concept model of ICSISumm (Gillick and Favre, 2009): a fact many outlets repeat is important,
a bigram only one outlet uses is not. With a single article there is no "many outlets": its content
words, weighted by the number of its sentences using them (as SumBasic), stand in.
"""
from __future__ import annotations

from collections import Counter

from briefing.summarize.features import Unit, is_stopword

# From this many articles on, a concept must be reported by at least two of them to count ...
MIN_ARTICLES_FOR_AGREEMENT = 3
# ... and from this many on, by at least three.
MANY_ARTICLES = 8


# Every stem gets a small integer for the life of the process; stopwords get negative ones, so that a
# bigram is one int (cheap to hash) and "both are stopwords" is two sign tests.
_VOCAB: dict[str, int] = {}
_SHIFT = 1 << 32


def _token_id(token: str) -> int:
    i = _VOCAB.get(token)
    if i is None:
        i = len(_VOCAB) + 1
        i = _VOCAB[token] = -i if is_stopword(token) else i
    return i


def _ids(tokens: list[str]) -> list[int]:
    try:
        return list(map(_VOCAB.__getitem__, tokens))  # the usual case: every stem seen before
    except KeyError:
        return [_token_id(t) for t in tokens]


def unit_bigrams(tokens: list[str]) -> dict[int, None]:
    """Adjacent pairs of stemmed tokens, without pairs made of two stopwords, as int keys in order of
    first appearance (a dict used as an ordered set)."""
    ids = _ids(tokens)
    return dict.fromkeys(
        a * _SHIFT + b for a, b in zip(ids, ids[1:]) if a > 0 or b > 0
    )


def unit_words(tokens: list[str]) -> dict[int, None]:
    """Content words (no stopwords) as int keys, in order of first appearance."""
    return dict.fromkeys(i for i in _ids(tokens) if i > 0)


def agreement_threshold(n_articles: int) -> float:
    """How many articles must report a concept for it to count: 1 for one or two articles, 2 from
    three, 3 from MANY_ARTICLES on (ICSISumm keeps bigrams found in 3 of 10 documents)."""
    return 1.0 + (n_articles >= MIN_ARTICLES_FOR_AGREEMENT) + (n_articles >= MANY_ARTICLES)


def weigh_concepts(units: list[Unit], n_articles: int) -> tuple[list[list[int]], list[float]]:
    """For every unit the ids of the concepts it holds, and the weight of every concept id.

    Weight = the number of articles using the concept; concepts below `agreement_threshold` articles
    are dropped. A single article has no agreement to count, and its bigrams rarely recur: there the
    concepts are its content words, weighted by how many of its sentences use them (at least two).
    """
    if n_articles == 1:
        return _weigh_words(units)
    grams = [unit_bigrams(u.tokens) for u in units]
    # df: in how many articles a concept appears (one set per article, counted by Counter in C)
    df: Counter[int] = Counter()
    article_grams: set[int] = set()
    current = units[0].article if units else -1
    for u, g in zip(units, grams):
        if u.article != current:
            df.update(article_grams)
            article_grams = set()
            current = u.article
        article_grams.update(g)
    df.update(article_grams)

    threshold = agreement_threshold(n_articles)
    # A set of articles with nothing in common still needs something to cover.
    if threshold > 1.0 and not any(d >= threshold for d in df.values()):
        threshold = 1.0

    ids: dict[int, int] = {}
    weights: list[float] = []
    unit_concepts: list[list[int]] = []
    for g in grams:
        mine = []
        for c in g:  # first-appearance order: ids (and sums over them) the same whatever the hash seed
            i = ids.get(c)
            if i is None:
                if df[c] < threshold:
                    continue
                i = ids[c] = len(weights)
                weights.append(float(df[c]))
            mine.append(i)
        unit_concepts.append(mine)
    return unit_concepts, weights


def _weigh_words(units: list[Unit]) -> tuple[list[list[int]], list[float]]:
    grams = [unit_words(u.tokens) for u in units]
    sf: Counter[int] = Counter()
    for g in grams:
        sf.update(g.keys())  # keys: a dict would be read as counts
    ids: dict[int, int] = {}
    weights: list[float] = []
    unit_concepts: list[list[int]] = []
    for g in grams:
        mine = []
        for c in g:
            i = ids.get(c)
            if i is None:
                if sf[c] < 2 and len(grams) > 1:
                    continue
                i = ids[c] = len(weights)
                weights.append(float(sf[c]))
            mine.append(i)
        unit_concepts.append(mine)
    return unit_concepts, weights
