"""Near-duplicates: the same sentence as two outlets (or one outlet twice) print it.

Two sentences are near-duplicates when their sets of content stems overlap by at least
DUPLICATE_SIMILARITY (Jaccard). Only chosen sentences (and the candidates checked against them) are
ever compared, so the cost grows with the summary length times the input, never with the input squared.
"""
from __future__ import annotations

from itertools import accumulate, compress
from operator import not_, sub

from briefing.summarize.features import Unit

DUPLICATE_SIMILARITY = 0.6
# Two chosen sentences never repeat the same run of this many stemmed words (with at least
# PHRASE_CONTENT_WORDS content words in it): a quote and the paraphrase that repeats it, one suffices.
PHRASE_WORDS = 5
PHRASE_CONTENT_WORDS = 3
_is_content = (0).__lt__  # content stems have positive ids
_enough_content = (PHRASE_CONTENT_WORDS - 1).__lt__


def content_stems(unit: Unit) -> frozenset[int]:
    """The ids of the sentence's content stems (features.token_ids: positive ids)."""
    return frozenset(filter(_is_content, unit.ids))


def similarity(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


class DuplicateIndex:
    """Finds, for one sentence, every other sentence that says the same thing."""

    def __init__(self, units: list[Unit]):
        self.units = units
        self.stems = [content_stems(u) for u in units]
        self._phrases: dict[int, frozenset[tuple[int, ...]]] = {}
        self._spans: dict[int, list[int]] | None = None  # article -> [first unit, last unit + 1]

    def near(self, i: int, j: int) -> bool:
        return similarity(self.stems[i], self.stems[j]) >= DUPLICATE_SIMILARITY

    def phrases(self, i: int) -> frozenset[tuple[int, ...]]:
        """Runs of PHRASE_WORDS stemmed tokens (as ids) of unit i that carry PHRASE_CONTENT_WORDS content words."""
        got = self._phrases.get(i)
        if got is None:
            ids = self.units[i].ids
            # content words in each run, from running totals (all in C): total[k + n] - total[k]
            total = list(accumulate(map(_is_content, ids), initial=0))
            enough = map(_enough_content, map(sub, total[PHRASE_WORDS:], total))
            runs = zip(*(ids[k:] for k in range(PHRASE_WORDS)))
            got = self._phrases[i] = frozenset(compress(runs, enough))
        return got

    def repeats(self, i: int, j: int) -> bool:
        """Whether units i and j say the same thing: near-duplicates, or one repeats a phrase of the other."""
        a, b = self.stems[i], self.stems[j]
        if not a or not b:
            return a == b or not self.phrases(i).isdisjoint(self.phrases(j))
        shared = len(a & b)
        if shared / (len(a) + len(b) - shared) >= DUPLICATE_SIMILARITY:
            return True
        # a shared phrase has content words, so the two share a content stem
        return shared > 0 and not self.phrases(i).isdisjoint(self.phrases(j))

    def articles_repeating(self, i: int) -> list[int]:
        """The other articles (ascending) that print a near-duplicate of unit i: each article's units are
        read until one matches (units come article by article, see features.make_units)."""
        mine = self.stems[i]
        if not mine:
            return []
        if self._spans is None:
            spans: dict[int, list[int]] = {}
            for k, u in enumerate(self.units):
                span = spans.get(u.article)
                if span is None:
                    spans[u.article] = [k, k + 1]
                else:
                    span[1] = k + 1
            self._spans = spans
        n = len(mine)
        stems = self.stems
        own = self.units[i].article
        found = []
        for article, (lo, hi) in self._spans.items():
            if article == own:
                continue
            for k in compress(range(lo, hi), map(not_, map(mine.isdisjoint, stems[lo:hi]))):
                shared = len(mine & stems[k])
                if shared / (n + len(stems[k]) - shared) >= DUPLICATE_SIMILARITY:
                    found.append(article)
                    break
        return sorted(found)
