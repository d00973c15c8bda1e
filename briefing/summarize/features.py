"""Sentences as the selector sees them: word count, stemmed tokens, eligibility, position prior, boost.

Everything here is per sentence and linear in the input: one regular expression, a cached stemmer,
set look-ups on the stemmed tokens. Nothing compares sentences with each other (that is `concepts` and `dedupe`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.summarize.porter import porter_stem
from briefing.summarize.stopwords import STOPWORDS

# A sentence shorter than this (in words) is a fragment, a caption or a byline, not a key point.
MIN_WORDS = 8

# Weights of the two kinds of sentence a situation brief needs most. They multiply a sentence's coverage
# gain (1 + boost), so they tip the balance between sentences that cover about as much, and never make
# an empty sentence worth choosing.
CASUALTY_BOOST = 0.10  # the sentence states a number of people killed, injured, missing, displaced...
ATTRIBUTION_BOOST = 0.05  # the sentence says who says so ("said", "according to", "told")

# words and numbers ("1,165", "2.5"); a clitic ('s, 'll, n't's t) is matched but left out of the token
_TOKEN = re.compile(r"([a-z0-9]+(?:[.,][0-9]+)*)(?:['\u2019](?:s|d|ll|re|ve|m|t)\b)?")

# "WASHINGTON (AP) _ ", "KABUL, Afghanistan (Reuters) -- ", "MOSCOW, Dec. 5 (Xinhua) -- ", "(CNN) -- ":
# a dateline in front of the lead.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z0-9][A-Za-z0-9.'\-]*){0,4}\s*(?:\([A-Za-z .&]+\)\s*)?"
    r"|\([A-Za-z .&]+\)\s*)"
    r"(?:_|--|-|\u2013|\u2014|:)\s+(?=\S)"
)
# Lower-case phrases that mark boilerplate, credits and calls to action rather than news.
_BOILERPLATE = (
    "all rights reserved", "copyright", "click here", "read more", "follow us", "sign up", "subscribe",
    "newsletter", "this material may not be", "photo:", "image:", "(photo", "getty images",
    "associated press writer", "contributed to this report", "(ap photo",
)
_BYLINE = re.compile(r"By [A-Z]|BY [A-Z]")

# Casualty figures, read from stemmed tokens: a number at most CASUALTY_SPAN tokens from a casualty word.
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty "
    "seventy eighty ninety hundr hundr thousand dozen score".split()
)
_CASUALTY_STEMS = frozenset(
    "kill dead die death injur injuri wound hurt miss displac casualti victim live bodi fatal "
    "hospit evacu homeless detain arrest abduct kidnap toll".split()
)
CASUALTY_SPAN = 5
# Attributed statements: the stems of the verbs (and "according") that name a source.
_ATTRIBUTION_STEMS = frozenset(
    "said says told according announc confirm warn claim".split()
)
_QUOTES = "\"\u201c\u201d'\u2018\u2019"


@dataclass(slots=True)
class Unit:
    """One sentence of one article, with what selection needs to know about it."""

    article: int
    position: int
    text: str  # the sentence as written (a leading dateline removed)
    words: int  # whitespace words, the unit of every budget
    tokens: list[str]  # stemmed lower-case tokens, stopwords included (bigrams need the order)
    eligible: bool  # False for fragments, questions, pure quotes, bylines and boilerplate
    prior: float  # 1.0 for an article's first sentence, decaying with position
    boost: float  # CASUALTY_BOOST / ATTRIBUTION_BOOST earned by the sentence


_stem_cache: dict[str, str] = {}


def stem(word: str) -> str:
    """Porter stem of a lower-case word, cached (the same few thousand words recur in every article).
    Stopwords and words of up to three letters stay whole, as ROUGE leaves them."""
    s = _stem_cache.get(word)
    if s is None:
        s = _stem_cache[word] = word if len(word) <= 3 or word in STOPWORDS else porter_stem(word)
    return s


def tokenize(text: str) -> list[str]:
    """Lower-case, stemmed word tokens; possessive endings dropped, numbers kept ("1,165")."""
    words = _TOKEN.findall(text.lower())
    try:
        return list(map(_stem_cache.__getitem__, words))  # the usual case: every word seen before
    except KeyError:
        return [stem(w) for w in words]


def strip_dateline(text: str) -> str:
    """Remove a dateline in front of a lead sentence ("BEIRUT (AP) _ ..."); keep anything else as is."""
    m = _DATELINE.match(text)
    if m and any(c.islower() for c in text[m.end():m.end() + 40]):
        return text[m.end():]
    return text


def is_eligible(text: str, words: int, tokens: list[str]) -> bool:
    """Whether a sentence can be a key point on its own."""
    if words < MIN_WORDS:
        return False
    stripped = text.rstrip(_QUOTES + " )")
    if stripped.endswith("?"):
        return False  # questions are rhetorical, they report nothing
    if text[:1] in _QUOTES and _ATTRIBUTION_STEMS.isdisjoint(tokens):
        return False  # a quotation (or the start of one) without its speaker
    if _BYLINE.match(text):
        return False
    low = text.lower()
    if any(phrase in low for phrase in _BOILERPLATE):
        return False
    if text.upper() == text:
        return False  # no lower-case letter: a shouted heading, or not prose
    return True


def position_prior(position: int) -> float:
    """1 for an article's lead, falling with position (news puts what matters first)."""
    return 1.0 / (1.0 + 0.5 * position)


_YEAR = re.compile(r"(?:19|20)\d\d$")


def _is_number(token: str) -> bool:
    """A count: digits or a number word, but not a year ("in 2024")."""
    if token[:1].isdigit():
        return not _YEAR.match(token)
    return token in _NUMBER_WORDS


def states_casualties(tokens: list[str]) -> bool:
    """A number within CASUALTY_SPAN tokens of a casualty word ("41 people were killed", "killing 9")."""
    if _CASUALTY_STEMS.isdisjoint(tokens):
        return False
    hits = [i for i, t in enumerate(tokens) if t in _CASUALTY_STEMS]
    numbers = [i for i, t in enumerate(tokens) if _is_number(t)]
    return any(abs(i - j) <= CASUALTY_SPAN for i in hits for j in numbers)


def is_attributed(tokens: list[str]) -> bool:
    return not _ATTRIBUTION_STEMS.isdisjoint(tokens)


def sentence_boost(tokens: list[str]) -> float:
    """CASUALTY_BOOST when the sentence states a casualty figure, plus ATTRIBUTION_BOOST when it says
    who says so. A multiplier on coverage: it ranks informative sentences first among equals."""
    boost = 0.0
    if states_casualties(tokens):
        boost += CASUALTY_BOOST
    if is_attributed(tokens):
        boost += ATTRIBUTION_BOOST
    return boost


def make_units(article_sentences: list[list[str]]) -> list[Unit]:
    """Units for every sentence of every article, in article order then sentence order."""
    units = []
    for a, sentences in enumerate(article_sentences):
        for p, raw in enumerate(sentences):
            text = strip_dateline(raw) if p < 2 else raw
            words = len(text.split())
            tokens = tokenize(text)
            units.append(
                Unit(
                    article=a,
                    position=p,
                    text=text,
                    words=words,
                    tokens=tokens,
                    eligible=is_eligible(text, words, tokens),
                    prior=position_prior(p),
                    boost=sentence_boost(tokens),
                )
            )
    return units


def is_stopword(token: str) -> bool:
    return token in STOPWORDS
