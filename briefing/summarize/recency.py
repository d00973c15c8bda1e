"""Recency: for a story reported over several days, what the newest articles say counts for more.

A situation brief states the latest state of an event. When the articles were published on two days or
more, every sentence's merit (see select.merit) is multiplied by the recency of its article:

    recency = RECENCY_FLOOR + (1 - RECENCY_FLOOR) * 0.5 ** (age / HALF_LIFE_DAYS)

where age is the number of days between the article's publication day and the reference day (the newest
article's day, or `today` when that is earlier: an article dated after `today` counts as of today). A
newer sentence then covers a concept at a higher merit than an older one stating the same, so the newer
one is chosen; the floor keeps an old sentence that alone states part of the event's core worth choosing.

A sentence is also *superseded* when a later day's article states the same kind of casualty figure
(killed, injured, missing, ...) with a number it does not state ("the toll stands at 367" on day 1,
"the toll rose to 589" on day 4): its merit is further multiplied by SUPERSEDED.

Articles without a date count as current (nothing says they are old) and supersede nothing. With fewer
than two distinct ages (undated input, one day of articles) nothing here applies: `recency_merits`
returns None and the summarizer runs exactly as without dates (Multi-News, undated: the same summaries,
bit for bit).

Measured on 12 real events reported over 2-150 days (4-9 articles each, analyst-marked headline and
superseded figures), 250-word summaries, before -> after: the best-scored sentence comes from the newest
day for 1 -> 10 events (9 without SUPERSEDED) and states the final death toll for 1 -> 4 (3); headline
figure sentences chosen 10 -> 17 of 32, superseded-figure sentences 4 -> 1 of 13 (2 without SUPERSEDED).
The values below were set from the reasoning in their comments, not fitted to those events.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from briefing.models import Article
from briefing.summarize.features import _NUMBER_IDS, _STEMS, CASUALTY_SPAN, Unit, _is_number
from briefing.text.dates import iso_day

# A report loses half its extra weight every HALF_LIFE_DAYS: by then casualty figures and the state of a
# response have usually been updated.
HALF_LIFE_DAYS = 2.0
# ... but never falls below this share of the newest report's: the event's core (what happened, where,
# when) is often stated best on the first day, and a detail no later article repeats is still news.
RECENCY_FLOOR = 0.3
# Merit multiplier of a sentence whose casualty figure a later day's article has replaced.
SUPERSEDED = 0.5

# Casualty stems (features._CASUALTY_STEMS, plus "di" of "died") by the kind of figure they state;
# "casualti" and "victim" name no one kind and are left out.
_KINDS = {
    "killed": "kill dead di die death toll fatal bodi live",
    "injured": "injur injuri wound hurt hospit",
    "missing": "miss",
    "displaced": "displac homeless evacu",
    "detained": "detain arrest",
    "abducted": "abduct kidnap",
}
_KIND_OF = {s: kind for kind, stems in _KINDS.items() for s in stems.split()}
_COUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
# Month stems: a number beside one is a day of the month ("April 25", "25 April"), not a count.
_MONTHS = frozenset(
    "januari februari march april may june juli august septemb octob novemb decemb "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def article_ages(articles: Sequence[Article], today: date | None = None) -> list[int | None] | None:
    """Age in days of every article (None when undated) counted back from the newest article's day, or
    from `today` when that is earlier (an article after `today` is 0 days old); None when fewer than two
    distinct ages are found (undated input, or one day of articles): then recency changes nothing."""
    days = [iso_day(a.published) for a in articles]
    dated = [d for d in days if d is not None]
    if not dated:
        return None
    reference = max(dated)
    if isinstance(today, datetime):
        today = today.date()
    if today is not None and today < reference:
        reference = today
    ages = [None if d is None else max(0, (reference - d).days) for d in days]
    if len({a for a in ages if a is not None}) < 2:
        return None
    return ages


def recency(age: int | None) -> float:
    """The merit multiplier of a sentence from an article `age` days older than the newest."""
    if age is None:
        return 1.0
    return RECENCY_FLOOR + (1.0 - RECENCY_FLOOR) * 0.5 ** (age / HALF_LIFE_DAYS)


def stated_counts(ids: Sequence[int]) -> dict[str, frozenset[int]]:
    """The casualty counts a sentence states, by kind: every whole number (not a year, not a decimal) with
    its nearest casualty word within CASUALTY_SPAN tokens ("74 were missing, presumed dead": missing); a
    day of the month ("April 25") is no count."""
    stems = [_STEMS[i] for i in ids]
    words = [(k, _KIND_OF[s]) for k, s in enumerate(stems) if s in _KIND_OF]
    if not words:
        return {}
    found: dict[str, set[int]] = {}
    for k, s in enumerate(stems):
        if not s[:1].isdigit() or not _COUNT.fullmatch(s) or not _is_number(s):
            continue
        if (k and stems[k - 1] in _MONTHS) or (k + 1 < len(stems) and stems[k + 1] in _MONTHS):
            continue
        near = [(abs(k - j), j < k, kind) for j, kind in words if abs(k - j) <= CASUALTY_SPAN]
        if near:
            kind = min(near)[2]  # the nearest; on a tie the word after the number ("41 killed")
            found.setdefault(kind, set()).add(int(s.replace(",", "")))
    return {kind: frozenset(counts) for kind, counts in found.items()}


def superseded(units: Sequence[Unit], ages: Sequence[int | None]) -> list[bool]:
    """For every unit, whether an article of a later day states a count of the same kind that it does
    not state (a newer figure replaced its own)."""
    counts = [stated_counts(u.ids) if ages[u.article] is not None and not _NUMBER_IDS.isdisjoint(u.ids)
              else {} for u in units]
    # per kind and age, every count reported at that age
    reported: dict[str, dict[int, set[int]]] = {}
    for u, c in zip(units, counts):
        for kind, numbers in c.items():
            reported.setdefault(kind, {}).setdefault(ages[u.article], set()).update(numbers)
    # per kind and age, every count reported at a smaller age (later): a unit is superseded when that
    # set is not within its own counts (some later report states one it does not)
    later: dict[tuple[str, int], frozenset[int]] = {}
    for kind, by_age in reported.items():
        seen: set[int] = set()
        for age in sorted(by_age):
            later[kind, age] = frozenset(seen)
            seen |= by_age[age]
    return [any(not later[kind, ages[u.article]] <= mine for kind, mine in c.items())
            for u, c in zip(units, counts)]


def recency_merits(units: Sequence[Unit], articles: Sequence[Article], today: date | None = None
                   ) -> list[float] | None:
    """Every unit's merit multiplier (recency of its article, times SUPERSEDED when a later report
    replaced its figure), or None when the articles span fewer than two days (nothing to weigh)."""
    if not articles:
        return None
    ages = article_ages(articles, today)
    if ages is None:
        return None
    old = superseded(units, ages)
    return [recency(ages[u.article]) * (SUPERSEDED if s else 1.0) for u, s in zip(units, old)]
