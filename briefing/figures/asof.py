"""The day a figure is "as of": the day its sentence says the count was given, else its article's date.

"The toll rose to 589 on Wednesday", "as of Thursday, 269 were confirmed dead", "police said on Monday":
the day of the report. A day that dates the event itself is not: "the quake that hit on Sunday", "the April 25
earthquake", "12 were killed on Saturday" (a count given on Monday about Saturday's deaths is Monday's count).
Days more than a week before the article or after it are not taken either: they date something else.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from briefing.text.dates import find_date_mentions, iso_day, sentence_day

from .words import MONTHS

_DAY = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:['\u2019]s)?(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{4})?)"
)
# words that make a day the time of the event, not of the count: "hit on Sunday", "killed on Saturday"
_EVENT_BEFORE = re.compile(
    r"\b(?:hit|struck|strikes?|devastated|rocked|jolted|shook|occurred|happened|began|erupted|sank|capsized|"
    r"collapsed|exploded|started|broke\s+out|tremor|quake|earthquake|attacks?|bombings?|blasts?|storm|typhoon|"
    r"hurricane|cyclone|fire|stampede|crash|sinking|explosion|disaster|killed|died|dead|injured|wounded|hurt|"
    r"kidnapped|abducted|seized|arrested|detained|missing)\b(?:\s+[\w,'\u2019.-]+){0,5}?\s+(?:on\s+|last\s+|early\s+|"
    r"late\s+|since\s+)?$",
    re.I,
)
# a reporting or counting word between the event word and the day gives the day back to the count
_REPORT_BEFORE = re.compile(r"\b(?:said|says|told|reported|announced|confirmed|stated|revised|rose|risen|climbed|"
                            r"jumped|reached|stood|stands|updated)\b|\b(?:as\s+of|by)\s+$", re.I)
_EVENT_AFTER = re.compile(
    r"^(?:['\u2019]s)?\s+(?:\w+\s+)?(?:quake|earthquake|tremor|attacks?|bombings?|blasts?|storm|typhoon|disaster|"
    r"fire|stampede|crash|sinking|explosion|collapse)\b", re.I)
MAX_DAYS_BEFORE = 7


def figure_day(clause: str, published: str | None) -> str | None:
    """ISO day the figure in `clause` is as of (see the module docstring); None without an article date."""
    reference = iso_day(published)
    if reference is None:
        return None
    day = sentence_day(_without_event_days(clause), reference)
    if day is None or day > reference or reference - day > timedelta(days=MAX_DAYS_BEFORE):
        return reference.isoformat()
    return day.isoformat()


def _without_event_days(clause: str) -> str:
    """The clause with every day that dates the event blanked out (same length, so nothing else moves)."""
    out = clause
    for m in _DAY.finditer(clause):
        before = clause[max(0, m.start() - 60):m.start()]
        event = _EVENT_BEFORE.search(before)
        if (event and not _REPORT_BEFORE.search(event.group(0))) or _EVENT_AFTER.match(clause[m.end():]):
            out = out[:m.start()] + " " * (m.end() - m.start()) + out[m.end():]
    return out


_MONTHS = tuple(m.lower() for m in MONTHS)
_MONTH_ONLY = re.compile(r"\b(?:in|since|during|of|last|early|late|mid-?)\s+(?P<month>" + "|".join(_MONTHS) + r")\b"
                         r"(?!\s+\d)", re.I)
_LAST_MONTH = re.compile(r"\blast\s+month(?:['\u2019]s)?\b", re.I)


def event_day(clause: str, published: str | None) -> str | None:
    """ISO day the clause dates what it counts to, when it names a day or month before its article's date
    ("a bombing in March that killed 50", "the April 24 collapse", "last month"): the earliest such day; a
    month counts as its last day. None when the clause names none, or the article has no date."""
    reference = iso_day(published)
    if reference is None:
        return None
    days = [d for m in find_date_mentions(clause) if (d := m.resolve(reference)) is not None and d <= reference]
    for m in _MONTH_ONLY.finditer(clause):
        month = _MONTHS.index(m.group("month").lower()) + 1
        year = reference.year if month <= reference.month else reference.year - 1
        days.append(_month_end(year, month))
    if _LAST_MONTH.search(clause):
        first = reference.replace(day=1)
        days.append(first - timedelta(days=1))
    days = [min(d, reference) for d in days]
    return min(days).isoformat() if days else None


def _month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
