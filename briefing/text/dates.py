"""Calendar dates written in news text: "October 11, 2020", "11 October 2020", "Oct. 11", "2020-10-11".

A date written without a year gets one only from a reference date the caller knows (the publication
date); nothing else is guessed. Stdlib only, regexes compiled once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

__all__ = [
    "DateMention", "find_date_mentions", "find_dates", "parse_date", "event_date", "iso_day",
    "date_from_url", "dateline_date", "publication_date", "sentence_day", "parse_date_precise", "is_partial_date",
]

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


_YEAR_ONLY = re.compile(r"((?:19|20)\d\d)")
_YEAR_MONTH = re.compile(r"((?:19|20)\d\d)[-/.](0?[1-9]|1[0-2])")
_MONTH_YEAR = re.compile(r"([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d\d)")
_NUMERIC_MONTH_YEAR = re.compile(r"(0?[1-9]|1[0-2])[/.]((?:19|20)\d\d)")


def parse_date_precise(value: object) -> str | None:
    """parse_date(value), or when the value only gives a month or a year, that much: "2015-06" from
    "June 2015", "2015-06" or "06/2015"; "2015" from 2015 or "2015". A day is never made up (parse_date
    would not either: it gives None for these)."""
    full = parse_date(value)
    if full or isinstance(value, bool):
        return full
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return None
    s = value.strip()
    if _YEAR_ONLY.fullmatch(s):
        return s
    m = _YEAR_MONTH.fullmatch(s)
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    m = _NUMERIC_MONTH_YEAR.fullmatch(s)
    if m:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    m = _MONTH_YEAR.fullmatch(s)
    if m and m.group(1).lower() in _MONTHS:
        return f"{m.group(2)}-{_MONTHS[m.group(1).lower()]:02d}"
    return None


def is_partial_date(value: str | None) -> bool:
    """Is `value` an ISO date known only to the year or the month ("2015", "2015-06")?"""
    return bool(value) and (bool(_YEAR_ONLY.fullmatch(value)) or bool(re.fullmatch(r"\d{4}-\d\d", value)))


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


# ------------------------------------------------------------------------------------ publication date
#
# Where a page says when it was published when its metadata does not: the URL path ("/2014/08/06/",
# "/2014-08-06/", "/20140806/", "/06-May-2018/") and a dateline in the first lines of the text
# ("BEIJING, Aug. 6, 2014 (Xinhua) --", "August 6, 2014", "Published 06 Aug 2014 10:32 GMT").

_URL_DATES = (
    # /2014/08/06/ or /2014/8/6 (then the end, a slash or a slug)
    (re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?=$|[/?#._-])"), (1, 2, 3)),
    # 2014-08-06 or 2014_08_06 as a path segment or part of a slug
    (re.compile(r"(?<![\w])((?:19|20)\d\d)([-_])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![\d])"), (1, 3, 4)),
    # /20140806/, /20140806-slug, -20140806.html
    (re.compile(r"(?<=[/_-])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=$|[/?#._-])"), (1, 2, 3)),
    # /2014-08/06/ and /2014/0806/
    (re.compile(r"/((?:19|20)\d\d)-(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?=$|[/?#._-])"), (1, 2, 3)),
    (re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=$|[/?#._-])"), (1, 2, 3)),
    # /2010/WORLD/asiapcf/08/13/: sections between the year and the month
    (re.compile(r"/((?:19|20)\d\d)/(?:[A-Za-z][\w-]*/){1,2}(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?=$|[/?#._-])"),
     (1, 2, 3)),
)
_URL_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_URL_YEAR_MONTH_NAME = re.compile(rf"/(?P<y>(?:19|20)\d\d)/{_URL_MONTH}/(?P<d>[0-3]?\d)(?=$|[/?#._-])", re.I)  # /2014/aug/04/
_URL_WORD_DATE = re.compile(
    rf"(?<![a-z0-9])(?:(?P<d1>[0-3]?\d)[-_]{_URL_MONTH}|{_URL_MONTH.replace('mon', 'mon2')}[-_](?P<d2>[0-3]?\d))"
    r"[-_,]+(?P<y>(?:19|20)\d\d)(?!\d)",
    re.I,
)
_URL_YEAR = re.compile(rf"/((?:19|20)\d\d)[/-](?:0?[1-9]|1[0-2]|{_URL_MONTH})/", re.I)  # "/2014/08/" without a day
_SCHEME_HOST = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*://[^/?#]*")


def date_from_url(url: str | None) -> str | None:
    """ISO date written in a URL's path ("/2014/08/06/", "/2014-08-06/", "/20140806/", "-06-may-2014"), or None.

    Only the path and query are read (never the host), and only complete, valid dates of 1990 onwards."""
    if not url:
        return None
    path = _SCHEME_HOST.sub("", url.strip())
    for pattern, order in _URL_DATES:
        for m in pattern.finditer(path):
            found = _valid(*(int(m.group(i)) for i in order))
            if found:
                return found
    for m in _URL_YEAR_MONTH_NAME.finditer(path):
        found = _valid(int(m.group("y")), _MONTHS.get(m.group("mon").lower()), int(m.group("d")))
        if found:
            return found
    for m in _URL_WORD_DATE.finditer(path):
        month = _MONTHS.get((m.group("mon") or m.group("mon2")).lower())
        found = _valid(int(m.group("y")), month, int(m.group("d1") or m.group("d2")))
        if found:
            return found
    return None


def _valid(year: int, month: int | None, day: int) -> str | None:
    if month is None or not 1990 <= year <= date.today().year + 1:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


_DATELINE_LINES = 4  # the title (when it is only a date) and the first paragraphs of the text
_DATELINE_CHARS = 400
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY"
_STAMP_WORD = re.compile(
    r"(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified|created)(?:\s+(?:on|at))?|date|dated|filed)\s*:?",
    re.I,
)
_TRAILING_TIME = re.compile(r"\s*\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?\s*,?\s*$", re.I)
_TRAILING_WEEKDAY = re.compile(rf"(?:^|,?\s+)(?:{_WEEKDAY}),?$")
# "BEIJING, ", "KATHMANDU, Nepal, ", "Dhaka, Bangladesh, ": a dateline's place (not "In Nepal, ")
_DATELINE_PLACE = re.compile(
    r"(?!(?:In|On|At|By|The|Since|After|Before|Until|From|As|For|Of)\b)"
    r"(?:[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*){0,3},\s*){1,2}"
)
_GLUED_YEAR = re.compile(r"^,?\s*((?:19|20)\d\d)(?!\d)")


def dateline_date(text: str, year: int | None = None) -> str | None:
    """ISO date of a dateline or date stamp at the start of one of the first lines of `text`.

    "August 6, 2014 ...", "Published 06 Aug 2014", "Updated: 10:32 GMT, 6 August 2014",
    "BEIJING, Aug. 6, 2014 (Xinhua) --", "Wednesday, August 6, 2014", "By Jane Doe | August 6, 2014".
    A date without its year ("BEIJING, Aug. 6 (Xinhua) --") only gets `year` when the caller knows it.
    A date further into a sentence is what the story is about, not when it was published: never read.
    """
    lines = [line.strip() for line in text[: _DATELINE_CHARS * 2].split("\n") if line.strip()][:_DATELINE_LINES]
    for line in lines:
        head = line[:_DATELINE_CHARS]
        for mention in find_date_mentions(head):
            before = head[: mention.start]
            if not _stamp_prefix(before):
                continue
            when_year = mention.year
            if when_year is None:
                glued = _GLUED_YEAR.match(head[mention.end:])  # "August 3, 2014Chinese officials ..."
                when_year = int(glued.group(1)) if glued else year
            if when_year is None:
                break
            try:
                return date(when_year, mention.month, mention.day).isoformat()
            except ValueError:
                break
    return None


def _stamp_prefix(before: str) -> bool:
    """Is what precedes a date at the start of a line nothing, a weekday, a time, a "Published" stamp, a
    byline ending in "|", or the place of a dateline?"""
    rest = _TRAILING_WEEKDAY.sub("", before.strip()).strip()  # "Wednesday, " before the date
    rest = _TRAILING_TIME.sub("", rest).strip()  # "10:32 GMT, "
    if not rest or _STAMP_WORD.fullmatch(rest):
        return True
    if rest.endswith(("|", "\u2022", " -", "\u2014", "\u2013")):  # "By Jane Doe | August 6, 2014"
        return len(rest.split()) <= 8
    return bool(_DATELINE_PLACE.fullmatch(rest + " "))


def publication_date(text: str = "", urls: tuple[str | None, ...] = (), title: str = "") -> str | None:
    """When an article was published, from what is left when its metadata said nothing: a date in one of
    its URLs' paths first, then a dateline or date stamp in its first lines (or a title that is only a
    date stamp). A dateline without a year takes the year of a URL path ("/2014/08/") when there is one."""
    for url in urls:
        found = date_from_url(url)
        if found:
            return found
    year = None
    for url in urls:
        m = _URL_YEAR.search(_SCHEME_HOST.sub("", url)) if url else None
        if m:
            year = int(m.group(1))
            break
    lines = text[: _DATELINE_CHARS * 2]
    if title and len(title.split()) <= 8 and find_date_mentions(title):
        lines = title + "\n" + lines
    return dateline_date(lines, year)



# ------------------------------------------------------------------------------------------ as-of day
#
# The day a sentence says its facts are "as of": "the toll rose to 381 on Monday", "as of 6 May 2015",
# "officials said late Sunday", "by Wednesday morning", "yesterday". Weekdays and year-less dates are
# resolved against the article's publication day.

_WEEKDAYS = {name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                                "sunday"))}
_DAY_WORD = re.compile(
    r"(?<![\w-])(?:(?P<rel>(?i:(?:the\s+)?day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|"
    r"this\s+(?:morning|afternoon|evening)))"
    rf"|(?:(?P<which>(?i:last|next|this|past|coming|following))\s+)?(?P<weekday>{_WEEKDAY}))"
    r"(?P<poss>['\u2019]s\b)?(?![\w-])"
)
_RELATIVE_DAYS = {"day before yesterday": -2, "yesterday": -1, "last night": -1}  # else 0 (today, tonight, ...)
# Words after which a day is the start or end of a period, another day than the facts' ("since Sunday",
# "from Monday", "before Friday's vote"): the facts are as of some later day ("from Monday to Wednesday" and
# "through Sunday" end on the day they are as of).
_PERIOD_BEFORE = re.compile(
    r"(?:\b(?:since|from|after|before|until|till|between|following|ahead\s+of|prior\s+to)"
    r"(?:\s+(?:late|early|the\s+(?:end|morning|evening|night)\s+of))?\s+)$",
    re.I,
)
# Words that say a day is the facts' "as of" day ("as of Thursday", "by Monday", "said on Sunday").
_AS_OF_BEFORE = re.compile(
    r"(?:\bas\s+(?:of|at)|\bby|\bup\s+(?:to|until)|\b(?:said|says|say|reported|announced|confirmed|added|stated|"
    r"updated|released|revised|raised|put|told\s+\S+|told\s+\S+\s+\S+))"
    r"(?:\s+(?:on|late|early|the\s+(?:end|morning|evening|night)\s+of))*\s+$",
    re.I,
)
# A day that dates the event itself, not the count: "the tremor on Sunday", "the earthquake in Nepal on April 25".
_EVENT_BEFORE = re.compile(
    r"\b(?:earthquakes?|quakes?|tremors?|blasts?|explosions?|bombings?|attacks?|fires?|blazes?|collapse|stampede|"
    r"crush|disaster|tragedy|typhoon|hurricane|cyclone|storm|floods?|landslides?|crash|sinking|abductions?|"
    r"kidnappings?|shootings?|massacre)"
    r"(?:\s+(?:in|at|near|off)\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)?\s+(?:on\s+)?$",
    re.I,
)
# "is now 7,557", "so far": the count is as of publication, whatever day the sentence gives its event.
_NOW = re.compile(r"\b(?:now|so\s+far|currently|to\s+date)\b", re.I)
# A weekday used as a name or an attribute ("Easter Sunday", "Bloody Sunday", "the Sunday attack").
_ATTRIBUTIVE_BEFORE = re.compile(r"(?:\b(?i:the|a|an)|(?<=\w)\s+[A-Z][a-z]+)\s+$")


def sentence_day(sentence: str, published: str | date | None) -> date | None:
    """The day a sentence states its facts as of, resolved against the article's publication day.

    "on Saturday", "Sunday night", "as of Thursday", "by Wednesday morning", "late Monday": the latest such
    weekday on or before publication (the same day when it matches; "last Monday" is strictly before it);
    "yesterday", "last night", "today", "tonight"; "on 5 May", "May 5", "as of 6 May 2015" (a year-less
    date takes the publication year, or the year before when it would fall more than a week after it).

    A day after "as of", "by" or a reporting verb ("said on Sunday") wins; otherwise the first day written,
    except days that open a period ("since Sunday"), days that name or date the event rather than the count
    ("Sunday's quake", "Easter Sunday", "the Sunday attack", "the tremor on Sunday") and days ahead ("next
    Monday"); a sentence that says its count is "now" or "so far" is as of publication (None) unless a day
    is marked as the "as of" one.
    None when the sentence names no such day (a year alone is not a day) or it cannot be resolved
    (a weekday or "yesterday" without a publication date).
    """
    reference = _as_date(published)
    candidates = _day_candidates(sentence, reference)
    for as_of, day in candidates:
        if as_of and day is not None:
            return day
    if _NOW.search(sentence):
        return None
    for _, day in candidates:
        if day is not None:
            return day
    return None


def _day_candidates(sentence: str, reference: date | None) -> list[tuple[bool, date | None]]:
    """(stated as "as of"?, the day or None when it cannot be resolved) for each day the sentence names as
    the time of its facts, in order."""
    found: list[tuple[int, int, str, Any]] = []
    mentions = find_date_mentions(sentence)
    for mention in mentions:
        found.append((mention.start, mention.end, "date", mention))
    taken = [(m.start, m.end) for m in mentions]
    for m in _DAY_WORD.finditer(sentence):
        if any(start < m.end() and m.start() < end for start, end in taken):
            continue
        found.append((m.start(), m.end(), "word", m))
    found.sort(key=lambda item: item[0])

    out: list[tuple[bool, date | None]] = []
    skip_until = -1
    for start, end, kind, item in found:
        if start < skip_until:
            continue
        before = sentence[max(0, start - 40):start]
        if _PERIOD_BEFORE.search(before) and not _AS_OF_BEFORE.search(before):
            continue
        as_of = bool(_AS_OF_BEFORE.search(before))
        if not as_of and _EVENT_BEFORE.search(sentence, max(0, start - 80), start):
            continue
        if kind == "date":
            if sentence[end:end + 2] in ("'s", "\u2019s"):
                continue
            out.append((as_of, item.resolve(reference)))
            continue
        m = item
        if m.group("poss"):
            continue
        if m.group("rel"):
            if reference is None:
                out.append((as_of, None))
                continue
            phrase = " ".join(m.group("rel").lower().split())
            phrase = phrase[4:] if phrase.startswith("the ") else phrase
            out.append((as_of, reference + timedelta(days=_RELATIVE_DAYS.get(phrase, 0))))
            continue
        which = (m.group("which") or "").lower()
        if which in ("next", "coming", "following") or (not which and _ATTRIBUTIVE_BEFORE.search(before)):
            continue
        # "Monday, May 5": the date says which Monday
        following = next((d for d in mentions if 0 <= d.start - end <= 2 and sentence[end:d.start].strip() in ("", ",")),
                         None)
        if following is not None:
            skip_until = following.end
            out.append((as_of, following.resolve(reference)))
            continue
        if reference is None:
            out.append((as_of, None))
            continue
        weekday = _WEEKDAYS[m.group("weekday").lower()]
        back = (reference.weekday() - weekday) % 7
        if which == "last" and back == 0:
            back = 7
        out.append((as_of, reference - timedelta(days=back)))
    return out
