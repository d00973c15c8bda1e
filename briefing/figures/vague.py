"""Vague counts ("dozens", "several"): a figure that states a coding convention, not a reported number.

Used by extraction (a vague count is never repeated by a back-reference) and by reconciliation (precise
figures win over vague ones), so it sits below both.
"""
from __future__ import annotations

import re

from briefing.models import Figure

_VAGUE_TEXT = re.compile(r"^(?:[\w-]+\s+){0,4}?(?:tens|dozens?|scores|hundreds|thousands|millions|several|"
                         r"a\s+few|a\s+couple|a\s+handful)\b", re.I)


def is_vague(figure: Figure) -> bool:
    """'dozens', 'several': a coding convention, not a reported number."""
    return bool(_VAGUE_TEXT.search(_number_words(figure.text)))


def _number_words(text: str) -> str:
    # the words from the first count on: drop a leading verb ("wounded dozens", "killing several")
    return re.sub(r"^(?:\w+\s+){0,2}?(?=(?:at\s+least|more\s+than|over|about|some|nearly|up\s+to)?\s*"
                  r"(?:tens|dozens?|scores|hundreds|thousands|millions|several|a\s+few|a\s+couple|a\s+handful)\b)",
                  "", text.strip(), flags=re.I)
