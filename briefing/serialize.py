"""Plain dicts for the JSON contracts (stdlib only).

Programs read these shapes (`briefing ingest`, `summarize`, `figures`, `generate --format json`):
key names and their order are a contract. Extend only by adding keys after the documented ones.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .models import Article, Brief, Changes, Figure, Place, Previous, Report, Selected, Story, Total


def article_dict(article: Article) -> dict[str, Any]:
    """What the program understood of one input (the `ingest` contract)."""
    return {
        "input": article.input,
        "title": article.title,
        "source": article.source,
        "published": article.published,
        "url": article.url,
        "text": article.text,
        "origin": article.origin,
        "event_date": article.event_date,
        "attribution": article.attribution,
        "outlets": list(article.all_outlets),
        "author": article.author,
    }


def _article(articles: Sequence[Article], index: int) -> Article | None:
    return articles[index] if 0 <= index < len(articles) else None


def _outlet(articles: Sequence[Article], index: int) -> str:
    article = _article(articles, index)
    return article.source if article else ""


def _origin(articles: Sequence[Article], index: int) -> str:
    article = _article(articles, index)
    return article.origin if article else ""


def _unique(values) -> list:
    """Each value once, in order, without None or "" (0 is a value: it is an article index)."""
    return [v for v in dict.fromkeys(values) if v is not None and v != ""]


def _outlets(articles: Sequence[Article], indices: Sequence[int]) -> list[str]:
    """Every outlet credited by these articles, syndication partners included, in order, once each."""
    names: list[str] = []
    for index in indices:
        article = _article(articles, index)
        if article:
            names.extend(article.all_outlets)
    return _unique(names)


def selected_dict(sel: Selected, articles: Sequence[Article]) -> dict[str, Any]:
    """A chosen sentence, credited to the article it was taken from and to every article reporting it."""
    return {
        "text": sel.text,
        "source": _outlet(articles, sel.article),
        "article": _origin(articles, sel.article),
        "score": round(float(sel.score), 6),
        "sources": _outlets(articles, sel.articles),
        "articles": _unique(_origin(articles, i) for i in sel.articles),
        "position": sel.position,
        "refs": [i for i in sel.articles if _article(articles, i) is not None],
    }


def figure_dict(fig: Figure, articles: Sequence[Article]) -> dict[str, Any]:
    """One figure as one sentence of one article reports it (the `figures` contract)."""
    return {
        "category": fig.category,
        "count": fig.count,
        "low": fig.low,
        "high": fig.high,
        "qualifier": fig.qualifier,
        "group": fig.group,
        "claimant": fig.claimant,
        "scope": fig.scope,
        "source": _outlet(articles, fig.article),
        "article": _origin(articles, fig.article),
        "sentence": fig.sentence,
        "role": fig.role,
        "period": fig.period,
        "text": fig.text,
        "ref": fig.article if _article(articles, fig.article) is not None else None,
        "as_of": fig.as_of,
        "place": fig.place,
        "rule": fig.rule,
        "span": [fig.start, fig.end] if fig.start >= 0 else None,
        "earlier": fig.earlier,
        "event_day": fig.event_day,
        "location": location_dict(fig.location),
    }


def location_dict(place: Place | None) -> dict[str, Any] | None:
    """Where, as the `places` contract gives it: {"name", "country", "admin1", "lat", "lon"} (+ kind, country_code)."""
    if place is None:
        return None
    return {"name": place.name, "country": place.country, "admin1": place.admin1, "lat": place.lat, "lon": place.lon,
            "kind": place.kind, "country_code": place.country_code}


def place_dict(place: Place) -> dict[str, Any]:
    """One place of a story: where, and how many times the coverage names it."""
    return {"name": place.name, "country": place.country, "admin1": place.admin1, "lat": place.lat, "lon": place.lon,
            "mentions": place.mentions, "kind": place.kind, "country_code": place.country_code}


def report_dict(report: Report, articles: Sequence[Article]) -> dict[str, Any]:
    """One step of a total's history, or one claim of a contested total."""
    return {
        "date": report.date,
        "count": report.count,
        "qualifier": report.qualifier,
        "claimant": report.claimant,
        "source": _outlet(articles, report.article),
        "article": _origin(articles, report.article),
        "ref": report.article if _article(articles, report.article) is not None else None,
        "place": report.place,
    }


def total_dict(total: Total, articles: Sequence[Article], located: Sequence[Figure] = (),
               where: Place | None = None) -> dict[str, Any]:
    """The reconciled figure for one category, with the figures that support it.

    `located`: the story's figures with their `location` (briefing.places); a total's figure takes the location
    of the same figure there, else `where` (the story's location), as the story's figures do."""
    if located or where is not None:
        by_key = {_figure_key(f): f.location for f in located if f.location is not None}
        total = replace(total, figures=tuple(
            f if f.location is not None else replace(f, location=by_key.get(_figure_key(f), where)) for f in total.figures))
    return {
        "count": total.count,
        "low": total.low,
        "high": total.high,
        "qualifier": total.qualifier,
        "scope": total.scope,
        "period": total.period,
        "contested": total.contested,
        "sources": _outlets(articles, total.articles),
        "figures": [figure_dict(f, articles) for f in total.figures],
        "category": total.category,
        "group": total.group,
        "claimants": _unique(f.claimant for f in total.figures),
        "refs": [i for i in total.articles if _article(articles, i) is not None],
        "as_of": total.as_of,
        "history": [report_dict(r, articles) for r in total.history],
        "claims": [report_dict(r, articles) for r in total.claims],
        "more_claims": total.more_claims,
        "place": total.place,
        "per_place": [report_dict(r, articles) for r in total.per_place],
        "previous": previous_dict(total.previous),
    }


def _figure_key(fig: Figure) -> tuple:
    return (fig.article, fig.start, fig.end, fig.category, fig.count, fig.sentence)


def previous_dict(previous: Previous | None) -> dict[str, Any] | None:
    """The same toll in the previous brief: its count and the day it was as of (and that brief's number, date)."""
    if previous is None:
        return None
    return {"count": previous.count, "date": previous.date, "number": previous.number, "brief_date": previous.brief_date}


def changes_dict(changes: Changes | None) -> dict[str, Any] | None:
    """What changed since the previous brief (null for a first brief)."""
    if changes is None:
        return None
    return {
        "previous": {"number": changes.previous_number, "date": changes.previous_date},
        "new_stories": list(changes.new_stories),
        "developing": list(changes.developing),
        "unchanged": list(changes.unchanged),
        "figures": [{"story": f.story, "category": f.category, "place": f.place, "count": f.count,
                     "previous_count": f.previous_count, "previous_date": f.previous_date} for f in changes.figures],
        "quiet": list(changes.quiet),
    }


def _story_dict(story: Story, articles: Sequence[Article]) -> dict[str, Any]:
    return {
        "title": story.title,
        "score": round(float(story.score), 6),
        "key_points": [selected_dict(s, articles) for s in story.key_points],
        "developments": [selected_dict(s, articles) for s in story.developments],
        "figures": [figure_dict(f, articles) for f in story.figures],
        "totals": [total_dict(t, articles, story.figures, story.location) for t in story.totals],
        "incident_totals": [total_dict(t, articles, story.figures, story.location) for t in story.incident_totals],
        "sources": _outlets(articles, story.articles),
        "articles": _unique(_origin(articles, i) for i in story.articles),
        "refs": [i for i in story.articles if _article(articles, i) is not None],
        "id": story.id,
        "status": story.status,
        "updated": story.updated,
        "places": [place_dict(p) for p in story.places],
        "location": location_dict(story.location),
    }


def story_group_dict(number: int, group, articles: Sequence[Article]) -> dict[str, Any]:
    """One story of a feed as `briefing stories --format jsonl` prints it (a contract: add keys, never rename)."""
    return {
        "story": number,
        "title": group.title,
        "articles": _unique(_origin(articles, i) for i in group.central),
        "sources": _outlets(articles, group.central),
        "first": group.first.isoformat() if group.first else None,
        "last": group.last.isoformat() if group.last else None,
        "score": round(float(group.score), 6),
        "refs": [i for i in group.central if _article(articles, i) is not None],
    }


def _sentences_used(brief: Brief) -> dict[int, int]:
    """How many sentences of the brief each article supports (a merged sentence counts for each)."""
    used: dict[int, int] = {}
    for story in brief.stories:
        for sel in (*story.key_points, *story.developments):
            for index in sel.articles:
                used[index] = used.get(index, 0) + 1
    return used


def cited_articles(brief: Brief) -> list[int]:
    """Articles the brief relies on (a sentence or a figure): first those a sentence or a headline
    figure was taken from, then those that also report them; each once, in reading order.

    A day's feed holds thousands of articles; the brief lists only those it cites, and a renderer
    that must cut the list keeps the articles quoted first.
    """
    primary: list[int] = []
    secondary: list[int] = []
    for story in brief.stories:
        for sel in (*story.key_points, *story.developments):
            primary.append(sel.article)
            secondary.extend(sel.also)
        for total in story.totals:
            primary.extend(f.article for f in total.figures[:1])
            secondary.extend(f.article for f in total.figures[1:])
        secondary.extend(f.article for f in story.figures)
    return _unique(i for i in (*primary, *secondary) if 0 <= i < len(brief.articles))


def _source_dict(number: int, index: int, article: Article, used: int, new: bool | None) -> dict[str, Any]:
    return {
        "name": article.source,
        "title": article.title,
        "url": article.url,
        "origin": article.origin,
        "published": article.published,
        "sentences": used,
        "number": number,  # as cited in the rendered brief: [1], [2], ...
        "ref": index,  # index into the brief's articles (the "refs" of sentences and figures)
        "event_date": article.event_date,
        "outlets": list(article.all_outlets),
        "attribution": article.attribution,
        "new": new,
    }


def _also_dict(story: Story, articles: Sequence[Article]) -> dict[str, Any]:
    return {
        "title": story.title,
        "sources": _outlets(articles, story.articles),
        "articles": _unique(_origin(articles, i) for i in story.articles),
        "refs": [i for i in story.articles if _article(articles, i) is not None],
        "score": round(float(story.score), 6),
        "id": story.id,
        "status": story.status,
        "updated": story.updated,
        "places": [place_dict(p) for p in story.places],
        "location": location_dict(story.location),
    }


def brief_dict(brief: Brief) -> dict[str, Any]:
    """The whole brief as the JSON document `generate --format json` writes."""
    articles = brief.articles
    used = _sentences_used(brief)
    new = set(brief.new_articles) if brief.new_articles is not None else None
    return {
        "title": brief.title,
        "date": brief.date.isoformat(),
        "generated": brief.generated.isoformat(timespec="seconds"),
        "period": {"start": brief.period_start, "end": brief.period_end},
        "stories": [_story_dict(s, articles) for s in brief.stories],
        "sources": [
            _source_dict(n, i, articles[i], used.get(i, 0), None if new is None else i in new)
            for n, i in enumerate(cited_articles(brief), start=1)
        ],
        "also_reported": [_also_dict(s, articles) for s in brief.also_reported],
        "warnings": list(brief.warnings),
        "articles_read": len(articles),
        "number": brief.number,
        "changes": changes_dict(brief.changes),
        "series": brief.series or None,
        "quiet_stories": [_also_dict(s, articles) for s in brief.quiet_stories],
    }
