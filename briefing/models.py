"""Plain data handed from one stage to the next (stdlib only, frozen).

Data flows one way: sources -> Article -> Sentence -> (Selected, Figure) -> Brief -> render.
No stage imports a later one; every stage takes these types in and hands these types out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

# The closed sets of values, for the type checker (annotations only: nothing is checked at run time).
# The categories in extraction order are briefing.figures.CATEGORIES (tests/test_layers.py keeps them equal).
Category = Literal["killed", "injured", "missing", "displaced", "detained", "abducted", "damaged"]
Scope = Literal["incident", "cumulative", "background"]
Role = Literal["victim", "perpetrator"]
Status = Literal["new", "developing", "unchanged"]

FORMATS = ("pdf", "html", "json", "md")  # the formats a brief is written in


@dataclass(frozen=True)
class Article:
    """One article as a reader understood it."""

    text: str  # clean body: paragraphs separated by a blank line ("\n\n"), no boilerplate
    title: str  # headline; readers always supply one (inferred from the text when absent)
    source: str  # outlet name as a reader would say it ("TRT World"), "" when unknown
    origin: str  # where it was read from: a file path or a URL
    input: str = ""  # the INPUT argument (file, directory or URL) exactly as the user gave it
    url: str | None = None  # canonical URL when known
    published: str | None = None  # ISO 8601 date or datetime of publication, when known
    event_date: str | None = None  # ISO date the events happened, when the text states one
    attribution: str | None = None  # copyright / "Source:" notice, kept as attribution
    outlets: tuple[str, ...] = ()  # every outlet that carried this story (syndication); () = (source,)
    author: str | None = None

    @property
    def all_outlets(self) -> tuple[str, ...]:
        return self.outlets or ((self.source,) if self.source else ())


@dataclass(frozen=True)
class Sentence:
    """One sentence of one article, in document order."""

    text: str
    article: int  # index of the article in the list handed to the stage
    position: int  # index of the sentence within its article (0 = first)
    paragraph: int = 0  # index of the paragraph within its article


@dataclass(frozen=True)
class Selected:
    """A sentence chosen for the brief, kept exactly as written, credited to every source reporting it."""

    text: str
    article: int  # index of the article it was taken from
    position: int
    score: float
    also: tuple[int, ...] = ()  # other articles reporting the same fact (near-duplicates merged into this one)

    @property
    def articles(self) -> tuple[int, ...]:
        return (self.article,) + tuple(a for a in self.also if a != self.article)


@dataclass(frozen=True)
class Place:
    """A gazetteer entry a story or figure is about (briefing.places), with how often the coverage names it."""

    name: str
    country: str  # the country's name ("Azerbaijan")
    admin1: str | None  # the first-level division's name ("Ganja City", "Kunduz"), None for a country
    lat: float
    lon: float
    mentions: int = 1
    kind: str = "place"  # country, admin1, district, place
    country_code: str = ""  # ISO 3166-1 alpha-2 ("AZ")


@dataclass(frozen=True)
class Figure:
    """A casualty or damage figure as one sentence of one article reports it."""

    category: Category  # killed, injured, missing, displaced, detained, abducted, damaged
    count: int  # the conservative number (the low end of a range, the number after "more than")
    low: int
    high: int | None  # None when open-ended ("at least 9", "more than 200")
    qualifier: str | None  # "at least", "more than", "over", "about", "up to", "nearly", None for exact
    group: str | None  # civilians, soldiers, police, children, women, people, or the damaged object
    claimant: str | None  # who says so: "Aliyev", "the health ministry", "officials"
    scope: Scope  # "incident" (one event), "cumulative" (a running toll) or "background" (an earlier event, never a total)
    article: int  # index of the article
    sentence: str  # the sentence it was read from, as written
    role: Role = "victim"  # "victim" or "perpetrator" (attackers are never added to victim totals)
    period: str | None = None  # e.g. "since September 27" for a cumulative toll
    text: str = ""  # the words the number was read from ("more than 200 injured")
    as_of: str | None = None  # ISO day the figure is "as of": the day its sentence names, else its article's date
    place: str | None = None  # the place it counts ("Kunduz province"), when its sentence names one
    rule: str | None = None  # id of the extraction rule that read it ("killed.passive")
    start: int = -1  # character offsets of `text` in `sentence` (-1 when not found)
    end: int = -1
    earlier: bool = False  # the sentence gives it as a superseded count ("down to 253, from the previous 359")
    event_day: str | None = None  # ISO day its clause dates the counted event to ("a bombing in March"), if any
    location: Place | None = None  # `place` resolved against the gazetteer (briefing.places), else its article's location


@dataclass(frozen=True)
class Report:
    """One step of a total's history: a figure as reported on a day by a claimant."""

    date: str | None  # ISO day it is "as of"
    count: int
    qualifier: str | None
    claimant: str | None
    article: int  # index of the article that reports it
    place: str | None = None  # where the count is, when its sentence names a place


@dataclass(frozen=True)
class Previous:
    """What the previous brief said of a total: its count, the day that count was as of, and the brief."""

    count: int
    date: str | None  # ISO day the previous count was as of
    number: int | None = None  # the previous brief's number
    brief_date: str | None = None  # the previous brief's date (ISO)


@dataclass(frozen=True)
class Total:
    """The headline figure for one category, reconciled across sources (victims only)."""

    category: Category
    count: int  # the most conservative credible figure
    low: int
    high: int | None
    qualifier: str | None
    scope: Scope
    period: str | None
    figures: tuple[Figure, ...]  # the figures that support it (first is the headline one)
    contested: bool = False  # sources disagree on the same scope
    group: str | None = None
    as_of: str | None = None  # ISO day of the headline report
    history: tuple[Report, ...] = ()  # every distinct report of this toll, oldest first
    claims: tuple[Report, ...] = ()  # the rival claims of a contested total: each count and claimant once
    more_claims: int = 0  # further distinct claims not listed in `claims` (earlier or rarer reports)
    place: str | None = None  # the place the headline counts, when a source names it
    per_place: tuple[Report, ...] = ()  # the latest count for each other named place ("1,039 in Kathmandu")
    previous: Previous | None = None  # the same toll in the previous brief (scheduled runs, --since)

    @property
    def articles(self) -> tuple[int, ...]:
        seen: list[int] = []
        for f in self.figures:
            if f.article not in seen:
                seen.append(f.article)
        return tuple(seen)


@dataclass(frozen=True)
class Story:
    """A group of articles about the same events, with its own summary and figures."""

    title: str
    articles: tuple[int, ...]  # indices into Brief.articles
    key_points: tuple[Selected, ...]
    developments: tuple[Selected, ...]
    figures: tuple[Figure, ...] = ()
    totals: tuple[Total, ...] = ()
    score: float = 0.0
    # The reconciled single-incident figures of categories whose headline is a running toll, so that a
    # brief can say both "41 killed since 27 September" and "at least 9 killed in this attack".
    incident_totals: tuple[Total, ...] = ()
    id: str = ""  # stable across briefs of one configuration (briefing.changes)
    status: Status | None = None  # "new", "developing" or "unchanged" since the previous brief; None before changes
    updated: str | None = None  # ISO date of the latest brief in which the story had new articles
    places: tuple[Place, ...] = ()  # where (briefing.places): the event location first, then by importance
    location: Place | None = None  # the most specific place the coverage agrees on


@dataclass(frozen=True)
class FigureChange:
    """A total that moved since the previous brief (or was first reported in a continuing story)."""

    story: str  # story id
    category: str
    place: str | None
    count: int
    previous_count: int | None
    previous_date: str | None


@dataclass(frozen=True)
class Changes:
    """What changed since the previous brief; computed once (briefing.changes), laid out by renderers."""

    previous_number: int | None
    previous_date: str  # ISO date of the previous brief
    new_stories: tuple[str, ...] = ()  # story ids
    developing: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    figures: tuple[FigureChange, ...] = ()
    quiet: tuple[str, ...] = ()  # titles of stories that left the brief (nothing new for stories.quiet_days)


@dataclass(frozen=True)
class Brief:
    """Everything a renderer needs; renderers add nothing but layout."""

    title: str
    date: date
    generated: datetime
    articles: tuple[Article, ...]
    stories: tuple[Story, ...]  # most important first; one story when the input is about one event
    also_reported: tuple[Story, ...] = ()  # stories below the cut, shown as a short list
    period_start: str | None = None  # ISO date of the earliest event/publication covered
    period_end: str | None = None
    warnings: tuple[str, ...] = ()  # sources skipped, with the reason
    new_articles: tuple[int, ...] | None = None  # articles not seen by an earlier brief (scheduled runs)
    number: int | None = None  # "Situation brief No. 12": counted per configuration
    changes: Changes | None = None  # since the previous brief; None for a first brief
    quiet_stories: tuple[Story, ...] = ()  # stories that left the brief (nothing new for stories.quiet_days), remembered
    series: str = ""  # which configuration's series the brief belongs to (briefing.changes.series_key)
    meta: dict = field(default_factory=dict, compare=False, hash=False)
