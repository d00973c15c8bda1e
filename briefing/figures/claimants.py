"""Who can say a figure: a person, an office, a body or an outlet, never a time or the figure's own place.

"according to Tuesday" (from "... killed, according to Tuesday's report") or "Sunday night" are no
claimants; nor is "Mexico" when the figure counts people in Mexico ("12 killed in Mexico, Mexico said"
names no one new). Used by extraction, so every later stage sees the same claimant.
"""
from __future__ import annotations

import re

from .words import MONTH_ABBREVIATIONS, MONTHS, WEEKDAY

# (not "May": "May" at a sentence start is the verb more often than the month)
_TIME = re.compile(
    r"^(?:(?:on|by|as\s+of|late|early|last|this|next)\s+)?(?:the\s+)?(?:" + WEEKDAY + "|"
    + "|".join(m for m in MONTHS if m != "May") + "|" + "|".join(MONTH_ABBREVIATIONS) + r"|today|tonight|yesterday|tomorrow|morning|afternoon|"
    r"evening|night|week|weekend|month|year|\d+)\b",
    re.I,
)


_FUNCTION_WORD = re.compile(r"^(?:the|a|an|this|that|these|those|it|its|there|here)$", re.I)


def is_claimant(claimant: str | None, place: str | None = None) -> bool:
    """True when `claimant` can say a figure (see the module docstring)."""
    if not claimant or not claimant.strip():
        return False
    name = claimant.strip()
    if _TIME.match(name) or _FUNCTION_WORD.match(name):
        return False
    if place and re.sub(r"^the\s+", "", name, flags=re.I).lower() == re.sub(r"^the\s+", "", place, flags=re.I).lower():
        return False
    return True
