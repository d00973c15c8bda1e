"""Story clustering: which articles of a feed report the same events.

Each article becomes a sparse TF-IDF vector of its headline (weighted up) and body, names weighted up
(`briefing.cluster_terms`), keeping only its most distinctive terms, so similarity is carried by names,
places and events rather than by the words every article shares. Candidate pairs come from the sparse
product X @ X.T computed in row blocks (never a dense n x n or n x vocabulary matrix). Pairs above a
similarity threshold are merged strongest first, but two groups only merge when their centroids are also
similar: this stops the chaining that plain connected components produce (A~B, B~C, ... until unrelated
articles share a story).

Dates are soft evidence: the similarity of two articles is weighed by `time_factor` of the days between
them, a bonus for reports days apart, a penalty growing with months and years (a truck bombing in the same
city two years later is another story), and 1.0 when either is undated, so undated feeds group exactly as
without dates. The centroid check takes the penalty (days between the groups' date spans), not the bonus, but
groups reported within `NEAR_DAYS` of each other merge at a lower centroid similarity: coverage of one
event drifts from the first report to the later ones. Two articles must share `MIN_SHARED` distinct terms to
be candidates at all: a country's name alone is no evidence of one event.

Cost grows about linearly with the number of articles: every article keeps at most `TOP_TERMS` terms,
terms carried by more than a bounded number of articles are dropped from candidate generation, and every
article keeps at most `MAX_NEIGHBOURS` candidate pairs.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

import numpy as np
import scipy.sparse as sp

from briefing.cluster_terms import article_terms, tokens  # noqa: F401  (tokens: part of the module's API)
from briefing.models import Article

THRESHOLD = 0.31  # cosine between two articles for them to be candidates for the same story
CENTROID_THRESHOLD = 0.31  # cosine between two groups' centroids for them to merge
TOP_TERMS = 80  # distinctive terms kept per article
MAX_NEIGHBOURS = 20  # candidate pairs kept per article (the most similar)
COMMON_SHARE = 0.01  # terms in more than this share of a large feed say nothing about which story
COMMON_FLOOR = 30  # ... but never drop a term carried by this few articles (a small feed is one story)
BLOCK_ROWS = 1000  # rows of X @ X.T computed at once (bounds memory)
# how much a similarity counts by the days between two reports (log-linear in the days between the knots,
# flat beyond them): reports of one event come days or weeks apart; look-alike events of the same kind and
# place, years apart. Undated reports count 1.0 (neither closer nor further).
# Past a month the penalty grows faster than at first set (60 days neutral, a year 0.5): two migrant-boat
# sinkings four months apart, or a bombing recalled in the next one's coverage, were one story (outsider probe:
# B-cubed precision 0.94 -> 0.98, development events 0.99 -> 1.00, recall unchanged).
# Within a week the bonus is 1.6 (first 1.33 within 10 days): with NEAR_CENTROID below, an outsider's probe of
# drifting coverage (12 events of 8-10 reports over 1-3 weeks: strike, election, trial ...) went from B-cubed
# recall 0.66 to 0.87 at precision 0.94 -> 0.93; the other dated sets did not lose.
TIME_KNOTS = ((7.0, 1.6), (30.0, 1.0), (120.0, 0.6), (365.0, 0.4), (3650.0, 0.2))


MIN_SHARED = 3  # distinct terms two articles must share to be candidates for one story
NEAR_DAYS = 14.0  # groups whose reports lie this close in time ...
NEAR_CENTROID = 0.8  # ... merge at this share of CENTROID_THRESHOLD


def vectorize(articles: Sequence[Article]) -> sp.csr_matrix:
    """One L2-normalised row per article: sublinear TF x IDF over its `TOP_TERMS` most distinctive terms.

    Terms found in a single article cannot link two articles and are dropped; so are terms carried by so
    many articles that they describe the feed rather than a story.
    """
    n = len(articles)
    vocabulary: dict[str, int] = {}
    docs = []
    for article in articles:
        counts = article_terms(article)
        docs.append({vocabulary.setdefault(w, len(vocabulary)): c for w, c in counts.items()})
    df = np.zeros(len(vocabulary), dtype=np.int64)
    for doc in docs:
        for term in doc:
            df[term] += 1
    idf = np.log((1 + n) / (1 + df)) + 1.0
    common = max(COMMON_FLOOR, int(COMMON_SHARE * n))
    useful = (df >= 2) & (df <= common)
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for doc in docs:
        row = [(term, (1.0 + math.log(c)) * idf[term]) for term, c in doc.items() if useful[term]]
        if len(row) > TOP_TERMS:
            row.sort(key=lambda tw: (-tw[1], tw[0]))
            row = row[:TOP_TERMS]
        row.sort()
        indices.extend(t for t, _ in row)
        data.extend(w for _, w in row)
        indptr.append(len(indices))
    X = sp.csr_matrix(
        (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
        shape=(n, max(len(vocabulary), 1)),
    )
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ X)


Spans = tuple[np.ndarray, np.ndarray]  # first and last day of each row (NaN: undated)


def article_days(articles: Sequence[Article]) -> np.ndarray:
    """Publication day of each article as a day number (NaN when unknown); the event date stands in."""
    days = np.full(len(articles), np.nan)
    for k, article in enumerate(articles):
        for value in (article.published, article.event_date):
            try:
                days[k] = date.fromisoformat((value or "")[:10]).toordinal()
                break
            except ValueError:
                continue
    return days


def time_factor(gap: np.ndarray) -> np.ndarray:
    """What a similarity counts for, given the days between two reports (NaN: unknown, counts 1.0)."""
    xs = np.log1p([k for k, _ in TIME_KNOTS])
    ys = [f for _, f in TIME_KNOTS]
    out = np.interp(np.log1p(np.nan_to_num(np.abs(gap), nan=0.0)), xs, ys)
    out[np.isnan(gap)] = 1.0
    return out


def span_gap(spans: Spans, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Days between the date spans of rows i and j: 0 when they overlap, NaN when either is undated."""
    lo, hi = spans
    return np.maximum(0.0, np.maximum(lo[i] - hi[j], lo[j] - hi[i]))


def candidate_pairs(
    X: sp.csr_matrix, threshold: float = THRESHOLD, spans: Spans | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, similarity) for i < j above the threshold, each row keeping its `MAX_NEIGHBOURS` best.

    With `spans`, a pair's cosine is weighed by `time_factor` of the days between the two rows.
    """
    n = X.shape[0]
    XT = sp.csr_matrix(X.T)
    B = X.copy()
    B.data[:] = 1.0
    BT = sp.csr_matrix(B.T)
    floor = threshold / max(f for _, f in TIME_KNOTS) if spans is not None else threshold
    rows, cols, sims = [], [], []
    for start in range(0, n, BLOCK_ROWS):
        block = sp.csr_matrix(X[start:start + BLOCK_ROWS] @ XT)
        # one word in common (a country's name) is no evidence of one event, however rare the word
        shared = sp.csr_matrix(B[start:start + BLOCK_ROWS] @ BT)
        block = block.multiply(shared >= MIN_SHARED).tocsr()
        block.data[block.data < floor] = 0.0
        block.eliminate_zeros()
        if spans is not None and block.nnz:
            r_of = np.repeat(np.arange(block.shape[0]), np.diff(block.indptr)) + start
            block.data = block.data * time_factor(span_gap(spans, r_of, block.indices))
            block.data[block.data < threshold] = 0.0
            block.eliminate_zeros()
        for r in range(block.shape[0]):
            lo, hi = block.indptr[r], block.indptr[r + 1]
            row = start + r
            js = block.indices[lo:hi]
            vs = block.data[lo:hi]
            keep = js != row
            js, vs = js[keep], vs[keep]
            if len(js) > MAX_NEIGHBOURS:
                best = np.lexsort((js, -vs))[:MAX_NEIGHBOURS]
                js, vs = js[best], vs[best]
            rows.append(np.full(len(js), row, dtype=np.int64))
            cols.append(js.astype(np.int64))
            sims.append(vs)
    if not rows:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0)
    i, j, s = np.concatenate(rows), np.concatenate(cols), np.concatenate(sims)
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    # a pair kept by either end is kept once
    key = lo * n + hi
    key, first = np.unique(key, return_index=True)
    return lo[first], hi[first], s[first]


def group(
    X: sp.csr_matrix,
    threshold: float = THRESHOLD,
    centroid_threshold: float = CENTROID_THRESHOLD,
    spans: Spans | None = None,
) -> list[int]:
    """A group label per row: strongest pairs first, merging two groups only if their centroids agree
    (the centroids' cosine reduced by `time_factor` when the groups' date spans lie far apart)."""
    n = X.shape[0]
    i, j, s = candidate_pairs(X, threshold, spans)
    order = np.lexsort((j, i, -s))
    parent = list(range(n))
    centroid: dict[int, dict[int, float]] = {}
    norm2: dict[int, float] = {}
    first = spans[0].tolist() if spans is not None else [math.nan] * n
    last = spans[1].tolist() if spans is not None else [math.nan] * n

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def members(a: int) -> dict[int, float]:
        if a not in centroid:
            lo, hi = X.indptr[a], X.indptr[a + 1]
            centroid[a] = dict(zip(X.indices[lo:hi].tolist(), X.data[lo:hi].tolist()))
            norm2[a] = sum(v * v for v in centroid[a].values())
        return centroid[a]

    for k in order.tolist():
        a, b = find(int(i[k])), find(int(j[k]))
        if a == b:
            continue
        ca, cb = members(a), members(b)
        if len(ca) < len(cb):
            a, b, ca, cb = b, a, cb, ca
        dot = sum(v * ca.get(t, 0.0) for t, v in cb.items())
        after, before = first[a] - last[b], first[b] - last[a]
        gap = math.nan if math.isnan(after) or math.isnan(before) else max(0.0, after, before)
        # days apart only ever count against a merge here: the bonus for reports close in time finds
        # candidate pairs, but a story from the same country and week must still match the group as a whole
        factor = min(float(time_factor(np.array([gap]))[0]), 1.0)
        # coverage of one event drifts (the strike, the talks, the deal): groups reported within NEAR_DAYS of
        # each other need less in common as a whole than groups with no dates to go by
        near = NEAR_CENTROID if gap <= NEAR_DAYS else 1.0  # NaN (undated) is never near
        if dot * factor < near * centroid_threshold * math.sqrt(norm2[a] * norm2[b]):
            continue
        for t, v in cb.items():  # smaller into larger
            ca[t] = ca.get(t, 0.0) + v
        norm2[a] = norm2[a] + norm2[b] + 2 * dot
        # an undated group takes the other's dates (math.nan never wins min/max when listed second)
        first[a] = min(first[a], first[b]) if first[b] == first[b] else first[a]
        first[a] = first[b] if first[a] != first[a] else first[a]
        last[a] = max(last[a], last[b]) if last[b] == last[b] else last[a]
        last[a] = last[b] if last[a] != last[a] else last[a]
        parent[b] = a
        del centroid[b], norm2[b]
    return [find(a) for a in range(n)]


def order_groups(X: sp.csr_matrix, labels: Sequence[int]) -> list[list[int]]:
    """Groups largest first (ties: earliest article first); members most central first (ties: index)."""
    by_label: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        by_label.setdefault(label, []).append(position)
    groups: list[list[int]] = []
    for idx in by_label.values():
        if len(idx) > 2:
            rows = X[idx]
            centre = np.asarray(rows.sum(axis=0)).ravel()
            closeness = rows @ centre
            idx = [idx[k] for k in np.lexsort((np.arange(len(idx)), -closeness))]
        groups.append(idx)
    groups.sort(key=lambda g: (-len(g), min(g)))
    return groups


def cluster_articles(
    articles: Sequence[Article],
    *,
    threshold: float = THRESHOLD,
    centroid_threshold: float = CENTROID_THRESHOLD,
) -> list[list[int]]:
    """Indices of the articles grouped by story, every article in exactly one group.

    Groups come largest first; within a group the most central article (closest to the group's centroid)
    comes first, so `articles[group[0]].title` names the story. Deterministic for a given input order.
    """
    if not articles:
        return []
    X = vectorize(articles)
    days = article_days(articles)
    spans = (days, days) if not np.isnan(days).all() else None
    return order_groups(X, group(X, threshold, centroid_threshold, spans))
