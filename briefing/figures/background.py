"""Background figures: numbers about an earlier, different event ("the 1989 disaster in which 96 died").

A sentence may recall an earlier event to give context: "the 2015 siege that killed 130", "the worst since
2004, when 200 died", "last year's floods killed 12", "more than 500,000 have been killed since the war began
in 2011". Such figures are kept, with scope "background", which reconcile never makes a headline.

An earlier time is an explicit year before the article's own year, or a relative past ("last year", "two
years ago", "a decade ago", "an earlier attack"). The article's year is its publication or event date, else the
latest year its text mentions; with no year to compare, only a year on an event noun with a relative clause
("the 2015 attack that killed 130") is read as background. A running toll "since September 27" stays
cumulative: only a period that starts in an earlier year is background.

    background_spans(sentence, reference_year) -> list[(start, end)]   character spans of the sentence
"""
from __future__ import annotations

import re

from .words import MONTH

_YEAR = r"(?:19|20)\d\d"
_MONTH = MONTH
_DATED_YEAR = rf"(?:(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}},?\s+)?)?(?P<year>{_YEAR})(?:['\u2019]?s)?"
_NUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}|several|many|some)"
# a past with no year: always earlier than the article's own events
_RELATIVE = (rf"\b(?:last\s+year(?:['\u2019]s)?|the\s+(?:previous|prior)\s+year|a\s+year\s+(?:earlier|before)|"
             rf"the\s+year\s+before|{_NUM}\s+(?:years|decades?)\s+(?:ago|earlier|before)|a\s+decade\s+ago|"
             rf"in\s+(?:previous|past|earlier)\s+years|{_NUM}\s+(?:years?|decades?)\s+after|(?:for|over)\s+"
             rf"(?:(?:the\s+)?(?:past|last)\s+)?(?:{_NUM}\s+)?decades|decades?[\s-](?:long|old)|"
             rf"(?:an|the)\s+(?:earlier|previous|prior)\s+(?:attack|bombing|blast|raid|massacre|incident|"
             rf"shooting|assault|disaster|flood(?:ing)?|earthquake|storm|war|conflict|crash|fire))\b")
_ANCHOR = re.compile(rf"(?P<rel>{_RELATIVE})|\b{_DATED_YEAR}\b", re.I)

# where a clause ends: the figure and its earlier time must be in one clause
_CLAUSE_END = re.compile(r";|\s[\u2014\u2013-]\s|,\s+(?:and|but|while|whereas|although|though)\b|"
                         r"\s(?:while|whereas)\s|(?<![A-Z])\.\s", re.I)  # "U.S. Embassy" goes on
# an anchor introducing a relative clause: "the 1989 disaster in which 96 died", "since 2004, when 200 died"
_RELATIVE_AFTER = re.compile(r"(?:\s+[\w.'\u2019-]+){0,6}?\s*,?\s+(?:in\s+which|during\s+which|that|which|when|"
                             r"where|who)\b", re.I)
# the main clause resumes after a relative clause: "the 2015 attack that killed 130 was recalled ..."
_MAIN_VERB = re.compile(r"\s(?:was|were|is|are|has|have|had)\s+(?!(?:\w+\s+){0,2}?(?:killed|dead|died|injured|"
                        r"wounded|hurt|missing|displaced|kidnapped|abducted|arrested|detained|destroyed|damaged|"
                        r"been|lost|left)\b)", re.I)
# an event noun right after a year: "the 2015 attack", "the 2004 tsunami"
_EVENT_AFTER = re.compile(r"(?:\s+[A-Z][\w'\u2019-]*){0,3}\s+(?:attacks?|bombings?|blasts?|siege|massacres?|"
                          r"disasters?|floods?|earthquakes?|quakes?|tsunami|storms?|hurricanes?|typhoons?|cyclones?|"
                          r"war|conflict|genocide|riots?|crash|fires?|uprising|revolution|famine|epidemic|"
                          r"outbreak|pandemic|shooting|raid|offensive|invasion|explosion|incident|tragedy|"
                          r"stampede|collapse|eruption|cyclone|drought)\b", re.I)
# "since 2011", "since the war began in 2011", "since the start of the conflict in March 2011"
_SINCE = re.compile(rf"\bsince\s+(?:[^,;.]{{0,40}}?\b)?{_DATED_YEAR}\b", re.I)
_SUPERLATIVE_SINCE = re.compile(r"\b(?:worst|deadliest|bloodiest|biggest|largest|highest|most\s+\w+|first)\b"
                                r"[^,;.]{0,30}$", re.I)


_YEAR_SPAN = re.compile(rf"[-\u2013/]\d|\s*(?:[-\u2013/]|and|to)?\s*{_YEAR}\b")


def reference_year(text: str, *dates: str | None) -> tuple[int | None, bool]:
    """The year of the article's own events and whether a date gave it (else the latest year in the text)."""
    for d in dates:
        if d and re.match(r"\d{4}", d):
            return int(d[:4]), True
    years = [int(y) for y in re.findall(rf"\b({_YEAR})\b", text)]
    return (max(years) if years else None), False


def background_spans(sentence: str, ref_year: int | None, dated: bool = False) -> list[tuple[int, int]]:
    """Character spans of the sentence whose figures are about an earlier event.

    `dated`: ref_year comes from the article's date; a year guessed from the text itself does not rule out
    "the 2015 siege that killed 130" (it may be the only year mentioned)."""
    spans = []
    for m in _ANCHOR.finditer(sentence):
        relative = m.group("rel") is not None
        if not relative and _YEAR_SPAN.match(sentence, m.end()):
            continue  # "the 2012-13 season", "2016 2017 New Year's eve": a span of years, not an earlier one
        year = None if relative else int(m.group("year"))
        earlier = relative or (ref_year is not None and year < ref_year)
        start, end = _clause(sentence, m.start(), m.end())
        since = _SINCE.search(sentence, max(0, m.start() - 50), m.end())
        if since and since.end() == m.end() and not relative:
            # a period: background when it starts in an earlier year; "the worst since 2004, when 200 died"
            # recalls 2004 itself
            before = sentence[max(0, since.start() - 40):since.start()]
            if _RELATIVE_AFTER.match(sentence, m.end()) and (earlier or not dated):
                spans.append((m.end(), _relative_end(sentence, m.end())))
            elif earlier and not _SUPERLATIVE_SINCE.search(before):
                spans.append((start, end))
            continue
        if _RELATIVE_AFTER.match(sentence, m.end()) and (earlier or (
                not dated and _EVENT_AFTER.match(sentence, m.end()))):
            spans.append((m.start(), _relative_end(sentence, m.end())))  # "the 2015 siege that killed 130"
            if earlier and _TIME_BEFORE.search(sentence[max(start, m.start() - 30):m.start()]):
                spans.append((start, m.start()))  # "800 people died in 1996 when the ferry sank": the main clause too
        elif relative and m.group(0).lower().endswith("after"):
            spans.append((m.start(), end))  # "two years after floods killed 1,500": what follows is the earlier event
        elif earlier and (relative or _temporal(sentence, m, start)):
            spans.append((start, end))  # "In 2016, 40 soldiers were killed", "killed 96 in 1989"
    return spans


_TIME_BEFORE = re.compile(r"\b(?:in|during|on|of|from|by|until|since|and|through|throughout)\s+(?:the\s+)?"
                          r"(?:(?:early|late|mid|summer|spring|autumn|fall|winter|year)\s*-?\s*(?:of\s+)?)?$", re.I)


def _temporal(sentence: str, m: re.Match, clause_start: int) -> bool:
    """A year that dates something: "in 2016", "in March 2016", "2016's", at the clause start, "the 2016 attack"."""
    before = sentence[max(clause_start, m.start() - 30):m.start()]
    return bool(_TIME_BEFORE.search(before) or not before.strip() or m.group(0).endswith("s")
                or _EVENT_AFTER.match(sentence, m.end()))


def clause_of(sentence: str, words: str) -> str:
    """The clause of the sentence holding `words` (the whole sentence when they are not found)."""
    at = sentence.find(words) if words else -1
    if at < 0:
        return sentence
    start, end = _clause(sentence, at, at + len(words))
    return sentence[start:end]


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around sentence[start:end]."""
    begin = 0
    for m in _CLAUSE_END.finditer(sentence, 0, start):
        begin = m.end()
    return begin, _clause_end(sentence, end)


def _clause_end(sentence: str, pos: int) -> int:
    m = _CLAUSE_END.search(sentence, pos)
    return m.start() if m else len(sentence)


def _relative_end(sentence: str, pos: int) -> int:
    end = _clause_end(sentence, pos)
    main = _MAIN_VERB.search(sentence, pos, end)
    return main.start() if main else end
