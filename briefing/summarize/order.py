"""Readable order: by when each article was published, then by where the sentence sits in its article."""
from __future__ import annotations

from collections.abc import Sequence

from briefing.models import Article


def reading_key(articles: Sequence[Article]):
    """Sort key for (article, position) pairs: dated articles oldest first, undated ones after them in
    input order; within an article, its own sentence order."""
    def key(pair: tuple[int, int]) -> tuple:
        a, position = pair
        published = articles[a].published if a < len(articles) else None
        return (published is None, published or "", a, position)

    return key
