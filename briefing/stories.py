"""Stories: a day's feed grouped by the events it reports, ranked, each summarized with its own figures.

    build_stories(articles, words=, key_points=, top=, also=) -> (shown, also_reported)

Steps: cluster the articles (briefing.cluster), extract casualty figures once for the whole feed, rank
the groups (`rank`), then summarize only the `top` groups, each on its own and from at most
`SUMMARY_ARTICLES` of its most central articles, so the cost grows with the feed, not with its square.
The next `also` groups become title-only stories. A handful of articles about one event is one story.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from briefing.models import Article, Figure, Selected, Story, Total
from briefing.parallel import map_in_order
from briefing.progress import Progress
from briefing.text.dates import iso_day

SUMMARY_ARTICLES = 30  # a story's summary reads its most central articles, at most this many
FIGURE_CHUNKS = 16  # the feed is read for figures in this many pieces (progress, and balance across processes)
PARALLEL_MIN_CHARS = 400_000  # below this much text, a second process costs more than it saves
HALF_LIFE_DAYS = 2.0  # a story's weight halves for every this many days its newest report is old
UNDATED_AGE_DAYS = HALF_LIFE_DAYS  # a story with no date at all counts as this old
SEVERITY_WEIGHTS = {  # people counted in a story's totals, weighed by how grave their harm is
    "killed": 1.0,
    "missing": 0.5,
    "abducted": 0.5,
    "injured": 0.25,
    "detained": 0.05,
    "displaced": 0.02,
}
CUMULATIVE_WEIGHT = 0.1  # a running toll ("70,000 since the war began") is context, not today's event
HARM_CAP = 1000.0  # beyond this, more harm adds nothing: one misread "2 million" must not rule the brief


def split_key_points(selected: Sequence[Selected], key_points: int, *, superseded: Sequence[bool] = (),
                     days: Sequence[date | None] = ()) -> tuple[tuple[Selected, ...], tuple[Selected, ...]]:
    """The best-scored sentences become key points, the rest developments (in reading order).

    A key point is read alone: one opening with a pronoun ("He said ...") is a key point only when too few
    others are left, and otherwise a development; so is one whose casualty count a later report superseded
    (`superseded[i]`: "the toll stood at 207" once it is 253). With `days` (each sentence's article date)
    spanning two days or more, key points come newest first: the latest state of the event leads."""
    from briefing.summarize.features import opens_with_pronoun

    late = [bool(superseded[i]) if i < len(superseded) else False for i in range(len(selected))]
    ranked = sorted(
        range(len(selected)),
        key=lambda i: (opens_with_pronoun(selected[i].text) or late[i], -selected[i].score, i),
    )[:key_points]
    chosen = set(ranked)
    keys = [i for i in range(len(selected)) if i in chosen]
    dated = [days[i] if i < len(days) else None for i in keys]
    if len({d for d in dated if d is not None}) > 1:
        keys.sort(key=lambda i: -(days[i].toordinal() if days[i] else 0))  # stable: reading order within a day
    return tuple(selected[i] for i in keys), tuple(s for i, s in enumerate(selected) if i not in chosen)


def superseded_sentences(selected: Sequence[Selected], figures: Sequence[Figure], totals: Sequence[Total]) -> list[bool]:
    """For each selected sentence, whether it gives a count of a category that a later report superseded:
    its figure is older than the category's headline and says another number."""
    heads = {t.category: t for t in totals if t.figures and t.as_of}
    stale = [(f.article, f.sentence) for f in figures
             if f.category in heads and f.as_of and f.as_of < heads[f.category].as_of
             and f.count != heads[f.category].count and f.scope != "background" and f.count > 0]
    # the summary may drop a dateline the figure's sentence keeps ("COLOMBO: The death toll ...")
    return [any(a in sel.articles and (sel.text in sentence or sentence in sel.text) for a, sentence in stale)
            for sel in selected]


# ---------------------------------------------------------------- ranking


@dataclass(frozen=True)
class Signals:
    """What ranking knows about one story."""

    articles: int
    outlets: int
    newest: date | None  # the latest event or publication date its articles give
    harm: float  # people harmed, weighed by SEVERITY_WEIGHTS


def story_signals(articles: Sequence[Article], members: Iterable[int], totals: Iterable[Total], today: date | None = None) -> Signals:
    """Signals of the story made of `articles[i] for i in members`.

    Outlets are the distinct outlet names (syndicated copies count every outlet); an article whose outlet
    is unknown counts as an outlet of its own. Dates after `today` are ignored as implausible.
    """
    outlets: set[str] = set()
    unknown = 0
    newest: date | None = None
    count = 0
    for i in members:
        count += 1
        names = {name.strip().lower() for name in articles[i].all_outlets if name.strip()}
        outlets |= names
        unknown += not names
        for value in (articles[i].event_date, articles[i].published):
            day = iso_day(value)
            if day and (today is None or day <= today) and (newest is None or day > newest):
                newest = day
    harm = sum(
        SEVERITY_WEIGHTS.get(t.category, 0.0) * t.count * (CUMULATIVE_WEIGHT if t.scope == "cumulative" else 1.0)
        for t in totals
    )
    return Signals(articles=count, outlets=len(outlets) + unknown, newest=newest, harm=min(harm, HARM_CAP))


def score(signals: Signals, today: date | None) -> float:
    """How prominent a story is; higher first.

        score = (1 + log2 outlets) * (1 + 0.5 log2 articles) * 0.5 ** (age / HALF_LIFE_DAYS)
                * (1 + log10(1 + harm))

    outlets: distinct sources reporting it; articles: its size; age: days from its newest dated report to
    `today` (UNDATED_AGE_DAYS when it has no date, 0 when `today` is unknown); harm: killed + 0.5 missing
    or abducted + 0.25 injured + small weights for detained and displaced (SEVERITY_WEIGHTS), so a death
    toll weighs four times as many wounded; running (cumulative) tolls count a tenth, and harm stops at
    HARM_CAP. Logarithms keep one huge story from drowning every other signal.
    """
    if signals.newest is None:
        age = UNDATED_AGE_DAYS
    elif today is None:
        age = 0.0
    else:
        age = max((today - signals.newest).days, 0)
    return (
        (1 + math.log2(max(signals.outlets, 1)))
        * (1 + 0.5 * math.log2(max(signals.articles, 1)))
        * 0.5 ** (age / HALF_LIFE_DAYS)
        * (1 + math.log10(1 + max(signals.harm, 0.0)))
    )


def rank(signals: Sequence[Signals], today: date | None = None) -> list[tuple[int, float]]:
    """(index into `signals`, score), best first; ties keep the given order (largest group first)."""
    scored = [(i, score(s, today)) for i, s in enumerate(signals)]
    return sorted(scored, key=lambda item: (-item[1], item[0]))


def recency_reference(signals: Sequence[Signals], today: date | None) -> date | None:
    """The day ages are counted from: the newest report in the feed, or `today` if that is earlier.

    Shifting the reference scales every dated story alike, so it only matters against undated ones: an
    archive read years later must not rank every dated story below the undated ones.
    """
    newest = max((s.newest for s in signals if s.newest is not None), default=None)
    if newest is None:
        return today
    return newest if today is None else min(newest, today)


# ---------------------------------------------------------------- building


def build_stories(
    articles: Sequence[Article],
    *,
    words: int = 250,
    key_points: int = 5,
    top: int = 8,
    also: int = 15,
    today: date | None = None,
    countries: Sequence[str] = (),
) -> tuple[list[Story], list[Story]]:
    """(stories shown in full, stories listed under 'also reported'), both most important first.

    `today` is the brief's date: dates after it are ignored; recency counts from `recency_reference`.
    `countries` (ISO codes): only stories with a place in one of them (briefing.places); () keeps all.
    """
    from briefing.places import locate, locate_figures

    if not articles:
        return [], []
    grouped = group_stories(articles, today=today)
    found: dict = {}  # article index -> its resolved place mentions, read once
    where = {}
    wanted = {c.upper() for c in countries}
    if wanted:
        kept = []
        for g in grouped:
            where[id(g)] = locate(articles, g.central[:SUMMARY_ARTICLES], found)
            if any(p.country_code in wanted for p in where[id(g)][0]):
                kept.append(g)
        grouped = kept
    shown_groups, listed_groups = grouped[:top], grouped[top:top + also]

    tasks = [[articles[i] for i in g.central[:SUMMARY_ARTICLES]] for g in shown_groups]
    with Progress("Summarizing stories", len(tasks)) as bar:
        summaries = _map(_summarize_story, [(subset, words, today) for subset in tasks], sum(len(a.text) for t in tasks for a in t), bar.advance)
    shown = []
    for g, selected in zip(shown_groups, summaries):
        central = g.central[:SUMMARY_ARTICLES]
        selected = [_reindex(s, central) for s in selected]
        keys, rest = split_key_points(
            selected, key_points, superseded=superseded_sentences(selected, g.figures, g.totals),
            days=[iso_day(articles[sel.article].published) for sel in selected])
        places, location = where.get(id(g)) or locate(articles, central, found)
        shown.append(Story(
            title=g.title,
            articles=g.articles,
            key_points=keys,
            developments=rest,
            figures=tuple(locate_figures(g.figures, articles, location)),
            totals=g.totals,
            score=g.score,
            incident_totals=tuple(incident_totals(g.figures, g.totals, today)),
            places=places,
            location=location,
        ))
    listed = []
    for g in listed_groups:
        places, location = where.get(id(g)) or locate(articles, g.central[:SUMMARY_ARTICLES], found)
        listed.append(Story(title=g.title, articles=g.articles, key_points=(), developments=(), score=g.score,
                            places=places, location=location))
    return shown, listed


@dataclass(frozen=True)
class StoryGroup:
    """One story of a feed before it is summarized: its articles, title, figures, dates and rank."""

    central: tuple[int, ...]  # member articles, most central first
    title: str
    figures: tuple[Figure, ...]
    totals: tuple[Total, ...]
    score: float
    first: date | None  # the earliest and latest dates its articles report on
    last: date | None

    @property
    def articles(self) -> tuple[int, ...]:
        return tuple(sorted(self.central))


def group_stories(articles: Sequence[Article], *, today: date | None = None) -> list[StoryGroup]:
    """Every story of the feed, most important first (the `briefing stories` contract).

    The articles are clustered (briefing.cluster), figures are read once for the whole feed, each group's
    figures reconciled as of `today`, and the groups ranked (`rank`)."""
    from briefing.cluster import cluster_articles
    from briefing.titles import story_title

    if not articles:
        return []
    groups = cluster_articles(articles)
    figures = _feed_figures(articles)
    by_article: dict[int, list[Figure]] = {}
    for fig in figures:
        by_article.setdefault(fig.article, []).append(fig)
    story_figures = [tuple(f for i in sorted(g) for f in by_article.get(i, ())) for g in groups]
    totals = [_reconcile(figs, today) for figs in story_figures]
    signals = [story_signals(articles, g, t, today) for g, t in zip(groups, totals)]
    ranked = rank(signals, recency_reference(signals, today))
    out = []
    for g, value in ranked:
        first, last = story_dates(articles, groups[g], today)
        out.append(StoryGroup(central=tuple(groups[g]), title=story_title(articles, groups[g]), figures=story_figures[g],
                              totals=tuple(totals[g]), score=value, first=first, last=last))
    return out


def story_dates(articles: Sequence[Article], members: Iterable[int], today: date | None = None) -> tuple[date | None, date | None]:
    """The earliest and latest publication (else event) dates of the members; dates after `today` ignored."""
    days = [d for i in members if (d := iso_day(articles[i].published or articles[i].event_date))
            and (today is None or d <= today)]
    return (min(days), max(days)) if days else (None, None)


def _summarize_story(task: tuple[list[Article], int, date | None]) -> list[Selected]:
    from briefing.summarize import summarize

    subset, words, today = task
    return summarize(subset, words=words, today=today)


def _feed_figures(articles: Sequence[Article]) -> list[Figure]:
    """Casualty figures of every article (ranking needs every story's toll), article indices feed-wide.

    Large feeds are cut into chunks read on two processes; chunks keep the feed's order.
    """
    chunk = max(1, -(-len(articles) // FIGURE_CHUNKS))
    starts = list(range(0, len(articles), chunk))
    with Progress("Reading figures", len(starts)) as bar:
        parts = _map(_chunk_figures, [(list(articles[s:s + chunk]), s) for s in starts], sum(len(a.text) for a in articles), bar.advance)
    return [f for part in parts for f in part]


def _chunk_figures(task: tuple[list[Article], int]) -> list[Figure]:
    from briefing.figures import extract_figures

    subset, offset = task
    return [replace(f, article=f.article + offset) for f in extract_figures(subset)]


def incident_totals(figures: Sequence[Figure], totals: Sequence[Total], today: date | None = None) -> list[Total]:
    """Single-incident figures reconciled on their own, for the categories whose headline is a running toll."""
    cumulative = {t.category for t in totals if t.scope == "cumulative" and t.figures}
    incident = [f for f in figures if f.scope == "incident" and f.category in cumulative]
    return [t for t in _reconcile(incident, today) if t.category in cumulative and t.figures]


def _reconcile(figures: Sequence[Figure], today: date | None = None) -> list[Total]:
    if not figures:
        return []
    from briefing.figures import reconcile

    return list(reconcile(list(figures), today=today.isoformat() if today else None).values())


def _map(fn: Callable, items: list, size: int, done: Callable[[], None]) -> list:
    """fn over items in order; on two processes when there is enough work to pay for starting one."""
    return map_in_order(fn, items, done, parallel=size >= PARALLEL_MIN_CHARS)


def _reindex(sel: Selected, indices: Sequence[int]) -> Selected:
    return replace(sel, article=indices[sel.article], also=tuple(indices[a] for a in sel.also))
