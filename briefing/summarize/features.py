"""Sentences as the selector sees them: word count, stemmed tokens, eligibility, position prior, boost.

Everything here is per sentence and linear in the input: words are read as ids of stems (a process-wide
vocabulary, so that later stages work on ints), and the checks are set look-ups on those ids. Nothing
compares sentences with each other (that is `concepts` and `dedupe`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from briefing.summarize.porter import porter_stem
from briefing.summarize.stopwords import STOPWORDS

# A sentence shorter than this (in words) is a fragment, a caption or a byline, not a key point.
# 10 is ICSISumm's setting (Gillick and Favre 2009; sume prunes sentences under 10 words). Multi-News,
# ROUGE-1/2 recall, 8 -> 10 words: 100 w all 400 26.04/8.76 -> 26.00/8.78, 4+ articles 22.84/7.82 ->
# 22.86/7.87, 250 w 49.31/17.44 -> 49.30/17.55; BBC 73.78/64.47 -> 73.71/64.47 (6 and 9 were no better:
# the gain is small, the rule principled).
MIN_WORDS = 10

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
_QUOTES = "\"\u201c\u201d'\u2018\u2019`"  # ` opens a quotation in newswire text (``like this'')
# A sentence opening with a pronoun that points back to a person or group named earlier.
_DANGLING = re.compile(r"(?:He|She|His|Her|They|Their|Them)\b")
# The speaker of a quotation named only by a pronoun ('..., he said.', '... said she'): a piece of a longer
# quotation attributed like this does not stand alone: the name is in the part the reader lacks (Multi-News
# at 100 / 250 words: ROUGE-2 8.78 -> 8.77, 17.55 -> 17.51).
_PRONOUN_SPEAKER = re.compile(
    r"[,\"\u201d]\s+(?:(?:he|she|they)\s+(?:\w+\s+)?(?:said|says|added|told|stated|noted|warned|wrote)"
    r"|(?:said|says|added)\s+(?:he|she|they))\b[^\"\u201c\u201d]*$"
)


@dataclass(slots=True)
class Unit:
    """One sentence of one article, with what selection needs to know about it."""

    article: int
    position: int
    text: str  # the sentence as written (a leading dateline removed)
    words: int  # whitespace words, the unit of every budget
    ids: list[int]  # its stemmed tokens as ids (see token_ids), stopwords included: bigrams need the order
    eligible: bool  # False for fragments, questions, pure quotes, bylines and boilerplate
    prior: float  # 1.0 for an article's first sentence, decaying with position
    boost: float  # CASUALTY_BOOST / ATTRIBUTION_BOOST earned by the sentence

    @property
    def tokens(self) -> list[str]:
        """The stemmed lower-case tokens."""
        return [_STEMS[i] for i in self.ids]


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
    return [_STEMS[i] for i in token_ids(text.lower())]


# Every stem gets a small integer for the life of the process: content stems a positive one, stopwords a
# negative one, so that "is a content word" is a sign test (see concepts and dedupe). Ids are a
# process-wide vocabulary: never compare them across processes, never let their order matter.
_STEMS: dict[int, str] = {}  # id -> stem
_STEM_IDS: dict[str, int] = {}  # stem -> id
_WORD_IDS: dict[str, int] = {}  # lower-case word -> the id of its stem
# ids with a meaning for the boosts, filled as stems get their ids
_CASUALTY_IDS: set[int] = set()
_NUMBER_IDS: set[int] = set()
_ATTRIBUTION_IDS: set[int] = set()


def _new_word(word: str) -> int:
    s = stem(word)
    i = _STEM_IDS.get(s)
    if i is None:
        i = len(_STEM_IDS) + 1
        if s in STOPWORDS:
            i = -i
        _STEM_IDS[s] = i
        _STEMS[i] = s
        if s in _CASUALTY_STEMS:
            _CASUALTY_IDS.add(i)
        if _is_number(s):
            _NUMBER_IDS.add(i)
        if s in _ATTRIBUTION_STEMS:
            _ATTRIBUTION_IDS.add(i)
    _WORD_IDS[word] = i
    return i


# Tokens never span white space, so a text's ids are those of its white-space chunks ("said,", "u.s.",
# "obama's") one after the other: a chunk's ids are remembered, and most texts are then read by dict
# look-ups in C, without the regular expression. Only a cache: emptied when it grows past MAX_CHUNKS.
_CHUNK_IDS: dict[str, tuple[int, ...]] = {}
MAX_CHUNKS = 500_000


def _new_chunk(chunk: str) -> tuple[int, ...]:
    get = _WORD_IDS.get
    ids = _CHUNK_IDS[chunk] = tuple(get(w) or _new_word(w) for w in _TOKEN.findall(chunk))
    return ids


def token_ids(low: str) -> list[int]:
    """The stem ids (see _STEMS) of the word tokens of a lower-cased text, in order."""
    return _chunks_ids(low.split())


def _chunks_ids(chunks: list[str]) -> list[int]:
    try:
        return list(chain.from_iterable(map(_CHUNK_IDS.__getitem__, chunks)))  # every chunk seen before
    except KeyError:
        if len(_CHUNK_IDS) > MAX_CHUNKS:
            _CHUNK_IDS.clear()
        for chunk in set(chunks).difference(_CHUNK_IDS):
            _new_chunk(chunk)
        return list(chain.from_iterable(map(_CHUNK_IDS.__getitem__, chunks)))


def strip_dateline(text: str) -> str:
    """Remove a dateline in front of a lead sentence ("BEIRUT (AP) _ ..."); keep anything else as is."""
    m = _DATELINE.match(text)
    if m and any(c.islower() for c in text[m.end():m.end() + 40]):
        return text[m.end():]
    return text


def _eligible(text: str, low: str, words: int, attributed: bool, boilerplate: tuple[str, ...] = _BOILERPLATE
              ) -> bool:
    if words < MIN_WORDS:
        return False
    stripped = text.rstrip(_QUOTES + " )")
    if stripped.endswith("?"):
        return False  # questions are rhetorical, they report nothing
    if text[:1] in _QUOTES and not attributed:
        return False  # a quotation (or the start of one) without its speaker
    if _BYLINE.match(text):
        return False
    if boilerplate and any(phrase in low for phrase in boilerplate):
        return False
    if text.upper() == text:
        return False  # no lower-case letter: a shouted heading, or not prose
    return True


def opens_with_pronoun(text: str) -> bool:
    """Whether a sentence opens with a pronoun pointing back to someone named before ("He said ...",
    "Their convoy ..."): it reads well in its article's order, not alone. Not a reason to drop it from a
    summary (Multi-News at 250 words: ROUGE-2 17.55 -> 17.27 when such sentences are left out), but one not
    to make it a key point (see stories.split_key_points)."""
    return _DANGLING.match(text) is not None


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


def _states_casualties_ids(ids: list[int]) -> bool:
    """states_casualties on token ids."""
    if _CASUALTY_IDS.isdisjoint(ids) or _NUMBER_IDS.isdisjoint(ids):
        return False
    hits = [i for i, t in enumerate(ids) if t in _CASUALTY_IDS]
    numbers = [i for i, t in enumerate(ids) if t in _NUMBER_IDS]
    return any(abs(i - j) <= CASUALTY_SPAN for i in hits for j in numbers)


def is_attributed(tokens: list[str]) -> bool:
    return not _ATTRIBUTION_STEMS.isdisjoint(tokens)


def _boost(casualties: bool, attributed: bool) -> float:
    boost = 0.0
    if casualties:
        boost += CASUALTY_BOOST
    if attributed:
        boost += ATTRIBUTION_BOOST
    return boost


def make_units(article_sentences: list[list[str]], fragments: Sequence[Sequence[bool]] | None = None) -> list[Unit]:
    """Units for every sentence of every article, in article order then sentence order; a sentence
    marked in `fragments` (a piece of a multi-sentence quotation) is eligible only with its speaker."""
    rows = []
    for a, sentences in enumerate(article_sentences):
        marks = fragments[a] if fragments is not None else ()
        for p, raw in enumerate(sentences):
            text = strip_dateline(raw) if p < 2 else raw
            rows.append((a, p, text, text.lower(), p < len(marks) and marks[p]))
    # boilerplate phrases looked for sentence by sentence only when the input has them at all
    everything = "\n".join([row[3] for row in rows])
    boilerplate = tuple(phrase for phrase in _BOILERPLATE if phrase in everything)
    units = []
    for a, p, text, low, fragment in rows:
        chunks = low.split()  # lower case splits where the text does: as many words
        words = len(chunks)
        ids = _chunks_ids(chunks)
        attributed = not _ATTRIBUTION_IDS.isdisjoint(ids)
        # a piece of a longer quotation stands alone only when it names its speaker ('..., Aliyev said.')
        speaker = attributed and not (fragment and _PRONOUN_SPEAKER.search(text))
        units.append(
            Unit(a, p, text, words, ids, (speaker or not fragment) and _eligible(text, low, words, attributed, boilerplate),
                 1.0 / (1.0 + 0.5 * p), _boost(_states_casualties_ids(ids), attributed))
        )
    return units
