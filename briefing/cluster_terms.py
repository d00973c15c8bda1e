"""The terms story clustering compares: content words of an article, names weighted up.

Names of places, people and organisations tell one event from another of the same kind far better than
the words every report of a bombing or an earthquake uses, so a word written with a capital inside a
sentence counts more. The whole body is read, not only its lead: later reports of an event lead with the
new development and name the event itself further down. Numbers are not terms: tolls and dates change
from one report of an event to the next.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import MutableMapping
from functools import lru_cache
from typing import Any

from briefing.models import Article

TITLE_WEIGHT = 3.0  # headline words count this many times, body words once
NAME_WEIGHT = 2.0  # a capitalised word inside a sentence (a name) counts this many times
MAX_CHARS = 5000  # the body read (background paragraphs name the event too; bounded cost)

# a word: letters and digits from a letter on, joined by an apostrophe, a dot or a hyphen before a letter
_WORD = re.compile(r"[^\W\d_]\w*(?:['\u2019.-][^\W\d_]\w*)*")
_CAPITALISED = re.compile(r"\b[A-Z\u00c0-\u00d6\u00d8-\u00de]\w*(?:['\u2019.-][^\W\d_]\w*)*")
# a sentence, paragraph, quotation or parenthesis opens, and the word that opens it
_OPENER = re.compile(r"(?:^|[.!?:;\n\"\u201c\u201d\u2018()\[\]|\u2014\u2013])[^\w]*[^\W\d_][\w'\u2019.-]*")

STOPWORDS = frozenset(
    """
    a about above after again against all almost also although always am among an and another any are
    around as at away back be became because become been before being below between both but by came can
    cannot come could did do does doing done down during each either else even ever every few first for
    from further get gets getting got had has have having he her here hers herself him himself his how
    however i if in into is it its itself just last least less let like made make makes making many may
    me might more most much must my myself neither never new next no nor not now of off often on once one
    only or other others our ours out over own per perhaps put rather really same see seen several shall
    she should since so some still such take taken than that the their theirs them themselves then there
    these they thing things think this those though three through thus time times to today too took
    toward towards two under until up upon us use used very via want was way ways we week weeks well went
    were what whatever when where whether which while who whom whose why will with within without would
    year years yesterday yet you your yours
    said says say saying told tell tells according added asked called including including also
    mr mrs ms dr news report reports reported page update updated read click image images photo caption
    copyright rights reserved monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)


@lru_cache(maxsize=1 << 18)
def normalise(word: str) -> str:
    """A word lower-cased, possessive and abbreviation dots dropped, a light plural strip; '' if not a term."""
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace(".", "")
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word if len(word) > 2 and word not in STOPWORDS else ""


def tokens(text: str) -> list[str]:
    """Lower-cased content words with a light plural strip, stopwords and very short words removed."""
    return [w for w in map(normalise, _WORD.findall(text)) if w]


def _counted(words: list[str]) -> Counter:
    """Normalised term counts of raw words (each distinct raw word normalised once)."""
    out: Counter = Counter()
    for raw, k in Counter(words).items():
        word = normalise(raw)
        if word:
            out[word] += k
    return out


def names(text: str) -> list[str]:
    """The capitalised words of `text` that do not open a sentence, a paragraph or a quotation (where
    every word is capitalised), normalised like `tokens`."""
    return [w for w in map(normalise, _CAPITALISED.findall(_OPENER.sub(" ", text))) if w]


def add_terms(counts: MutableMapping[str, Any], text: str, weight: float, with_names: bool = True) -> None:
    """Add the terms of `text` to `counts`, each worth `weight`, a name `NAME_WEIGHT` times as much.

    Headlines are passed `with_names=False`: they are often in title case.
    """
    for word, k in _counted(_WORD.findall(text)).items():
        counts[word] += k * weight
    if with_names and NAME_WEIGHT != 1.0:
        for word, k in _counted(_CAPITALISED.findall(_OPENER.sub(" ", text))).items():
            counts[word] += k * weight * (NAME_WEIGHT - 1.0)


def article_terms(article: Article) -> Counter:
    """Weighted term counts of the headline and the body."""
    counts: Counter = Counter()
    add_terms(counts, article.title, TITLE_WEIGHT, with_names=False)
    add_terms(counts, article.text[:MAX_CHARS], 1.0)
    return counts
