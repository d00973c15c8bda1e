"""Stories: articles about the same events, each summarized with its own figures.

This first version treats the whole input as one story; clustering a day's feed into many stories
builds on the same `build_stories` contract.
"""
from __future__ import annotations

from typing import Sequence

from briefing.models import Article, Selected, Story


def split_key_points(selected: Sequence[Selected], key_points: int) -> tuple[tuple[Selected, ...], tuple[Selected, ...]]:
    """The best-scored sentences become key points, the rest developments; both keep reading order."""
    ranked = sorted(range(len(selected)), key=lambda i: (-selected[i].score, i))[:key_points]
    chosen = set(ranked)
    keys = tuple(s for i, s in enumerate(selected) if i in chosen)
    rest = tuple(s for i, s in enumerate(selected) if i not in chosen)
    return keys, rest


def build_story(articles: Sequence[Article], indices: Sequence[int], *, words: int, key_points: int) -> Story:
    from briefing.figures import extract_figures, reconcile
    from briefing.summarize import summarize

    subset = [articles[i] for i in indices]
    selected = [_reindex(s, indices) for s in summarize(subset, words=words)]
    figures = tuple(_refigure(f, indices) for f in extract_figures(subset))
    totals = tuple(reconcile(figures).values())
    keys, rest = split_key_points(selected, key_points)
    title = subset[0].title if subset else ""
    return Story(title=title, articles=tuple(indices), key_points=keys, developments=rest, figures=figures, totals=totals, score=float(len(indices)))


def build_stories(articles: Sequence[Article], *, words: int = 250, key_points: int = 5, top: int = 8, also: int = 15) -> tuple[list[Story], list[Story]]:
    """(stories shown in full, stories listed under 'also reported')."""
    if not articles:
        return [], []
    return [build_story(articles, list(range(len(articles))), words=words, key_points=key_points)], []


def _reindex(sel: Selected, indices: Sequence[int]) -> Selected:
    from dataclasses import replace

    return replace(sel, article=indices[sel.article], also=tuple(indices[a] for a in sel.also))


def _refigure(fig, indices: Sequence[int]):
    from dataclasses import replace

    return replace(fig, article=indices[fig.article])
