"""Calendar dates written in news text: "October 11, 2020", "11 October 2020", "Oct. 11", "2020-10-11".

A date written without a year gets one only from a reference date the caller knows (the publication
date); nothing else is guessed. Stdlib only, regexes compiled once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

__all__ = ["DateMention", "find_date_mentions", "find_dates", "parse_date", "event_date"]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# Capitalised or all capitals ("OCTOBER 11" in datelines); never lower case ("may 5 people").
_MONTH = "|".join(
    alt for name in sorted(_MONTHS, key=len, reverse=True) for alt in (name.capitalize(), name.upper())
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"


def _after_first(alternatives: list[str]) -> str:
    """The alternatives without their first letter, each behind a lookbehind for it, grouped by that letter
    (in their order within a letter: which comes first only matters between those of the same letter)."""
    letters = list(dict.fromkeys(alt[0] for alt in alternatives))
    return "|".join(
        f"(?<={letter})(?:" + "|".join(alt[1:] for alt in alternatives if alt[0] == letter) + ")" for letter in letters
    )


# Every date starts with a digit or a month's first letter. The pattern takes that character first, with a
# plain class, which lets the regex engine skip to the next candidate in a tight loop instead of trying the
# pattern at every position (dates were the dearest part of reading an article); each first alternative
# then goes on after it, checking which character it was with a lookbehind. So the groups "iso", "m1" and
# "d2" lack the date's first character: find_date_mentions puts it back.
_DATE = re.compile(
    r"[\dJFMASOND](?<!\w.)"  # (?<!\w.): no word character before it, as "\b" before it would say
    r"(?:(?P<iso>(?:(?<=1)9|(?<=2)0)\d\d-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?![\d-])"  # _YEAR-MM-DD
    rf"|(?P<m1>{_after_first(_MONTH.split('|'))})\.?\s+(?P<d1>{_DAY})\b(?:,?\s+(?P<y1>{_YEAR})\b)?"
    # _DAY after its first digit
    r"|(?P<d2>(?:(?<=[12])\d|(?<=3)[01]|(?<=0)[1-9]|(?<=[1-9]))(?:st|nd|rd|th)?)"
    rf"\s+(?:of\s+)?(?P<m2>{_MONTH})\b\.?(?:,?\s+(?P<y2>{_YEAR})\b)?)"
)
_YEARLESS_SLACK = timedelta(days=7)  # "Oct. 11" in a story published Oct. 10 still means this year


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    year: int | None  # None when the text does not say
    month: int
    day: int

    def resolve(self, reference: date | None = None) -> date | None:
        """The date meant: its own year, else the latest such day not after `reference` (+ a week)."""
        try:
            if self.year is not None:
                return date(self.year, self.month, self.day)
            if reference is None:
                return None
            candidate = date(reference.year, self.month, self.day)
            if candidate > reference + _YEARLESS_SLACK:
                candidate = date(reference.year - 1, self.month, self.day)
            return candidate
        except ValueError:  # February 30, or February 29 in a year without one
            return None


def find_date_mentions(text: str) -> list[DateMention]:
    """Every calendar date (day and month at least) written in the text, in order."""
    out: list[DateMention] = []
    for m in _DATE.finditer(text):
        start = m.start()  # the first character, which the groups iso, m1 and d2 lack (see _DATE)
        if m.group("iso") is not None:
            year, month, day = int(text[start : start + 4]), int(m.group("im")), int(m.group("id"))
        else:
            name = text[start : m.end("m1")] if m.group("m1") is not None else m.group("m2")
            month = _MONTHS[name.lower()]
            digits = m.group("d1") if m.group("d1") is not None else text[start : m.end("d2")]
            day = int(re.match(r"\d+", digits).group())
            y = m.group("y1") or m.group("y2")
            year = int(y) if y else None
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            continue
        out.append(DateMention(m.start(), m.end(), m.group(0), year, month, day))
    return out


def find_dates(text: str, reference: date | None = None) -> list[date]:
    """The valid dates the text states, in order; year-less ones only when `reference` is given."""
    found = (mention.resolve(reference) for mention in find_date_mentions(text))
    return [d for d in found if d is not None]


def event_date(text: str, published: str | date | None = None) -> str | None:
    """ISO date the events happened: the latest date the text states, not after publication."""
    reference = _as_date(published)
    dates = find_dates(text, reference)
    if reference is not None:
        dates = [d for d in dates if d <= reference + timedelta(days=1)]
    return max(dates).isoformat() if dates else None


def parse_date(value: object) -> str | None:
    """An ISO 8601 string (date, or datetime when a time is known) from what front matter and feeds carry:
    date/datetime objects, ISO strings, RFC 2822 ("Sun, 11 Oct 2020 10:00:00 GMT"), "October 11, 2020".
    None when the value is not a complete date."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    try:
        if len(s) == 10:
            return date.fromisoformat(s).isoformat()
        return datetime.fromisoformat(s.replace("Z", "+00:00").replace("z", "+00:00")).isoformat()
    except ValueError:
        pass
    if "," in s[:5] or s[:3].isalpha():
        try:
            from email.utils import parsedate_to_datetime

            return parsedate_to_datetime(s).isoformat()
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    mentions = find_date_mentions(s)
    if mentions and mentions[0].year is not None:
        found = mentions[0].resolve()
        return found.isoformat() if found else None
    return None


def _as_date(value: str | date | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    iso = parse_date(value) if value else None
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def iso_day(value: str | None) -> date | None:
    """The day of an ISO date or datetime string ("2026-11-22", "2026-11-22T07:00:00+00:00"); None otherwise."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
