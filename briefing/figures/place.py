"""Where a figure counts: the place its own clause names right after its words.

"11 people were killed in Baghdad" -> "Baghdad"; "2,000 displaced across the region" -> "the region";
"killed in Kunduz province" -> "Kunduz province". Months, weekdays and words such as "the attack" are not
places. Read once by extraction (Figure.place); reconciliation and rendering use the field.
"""
from __future__ import annotations

import re

from .background import clause_of
from .words import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

_NAME = r"[A-Z][\w'\u2019-]+(?:(?:\s+|-)(?:of\s+|de\s+|al-)?[A-Z][\w'\u2019-]+)*"
_ADMIN = r"province|district|county|region|state|city|town|village|area|prefecture|governorate|municipality|island"
_AREA = r"capital|region|country|province|district|city|area|county|state|island"
_PLACE = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:in|at|across|throughout|near|off)\s+"
    rf"(?P<place>(?:the\s+)?{_NAME}(?:\s+(?:{_ADMIN})\b)?|the\s+(?:whole\s+|entire\s+)?(?:{_AREA})\b)"
)
_NOT_PLACES = re.compile(
    r"^(?:the\s+)?(?:" + "|".join(MONTHS + MONTH_ABBREVIATIONS + WEEKDAYS) + "|"
    r"Christmas|Easter|Ramadan|Eid|The|A|An|He|She|They|It|This|That)\b"
)


def figure_place(sentence: str, words: str) -> str | None:
    """The place named right after a figure's words, in their clause ("killed in Baghdad" -> "Baghdad")."""
    if not words or words not in sentence:
        return None
    clause = clause_of(sentence, words)
    rest = clause[clause.find(words) + len(words):] if words in clause else ""
    m = _PLACE.match(rest)
    if not m:
        return None
    place = m.group("place")
    bare = re.sub(r"^the\s+", "", place)
    if _NOT_PLACES.match(place) or (bare[:1].isupper() and _NOT_PLACES.match(bare)):
        return None
    return place


def named_place(place: str | None) -> str | None:
    """A place with a proper name ("Baghdad", "Kunduz province"); "the region" names none."""
    if not place:
        return None
    bare = re.sub(r"^the\s+", "", place)
    return place if bare[:1].isupper() else None
