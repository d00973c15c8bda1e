"""Sentence splitting with NLTK Punkt, entirely offline.

Punkt's pre-trained English model is NLTK *data* (a download); instead we build its parameters from a
curated list of news abbreviations shipped in this package, so nothing is fetched at run time.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Punkt leaves these unsplit: a sentence ending in a closing quote followed by a capital.
_QUOTE_END = re.compile(r'([.!?]["\u201d\u2019\'])\s+(?=[\u201c"\'\u2018]?[A-Z0-9])')
# A news sentence never starts in lower case: a fragment that does continues the previous one
# ('"Why?" he asked.' -- Punkt always breaks after ? and ! -- or "Petersburg, Fla. on Monday"),
# unless its first word is a brand like "iPhone" or "eBay".
_WORD = re.compile(r"\w")
_STARTS_LOWER = re.compile(r"^[\u201c\"'\u2018(]?[a-z](?![a-z]*[A-Z])")

# Capitalised words that start a new sentence after an abbreviation ("... at 5 p.m. The president left").
# Only words that rarely follow an abbreviation inside a sentence ("U.S. officials" must stay together).
_SENTENCE_STARTERS = frozenset(
    "the a an he she it they we i you this these those there but however meanwhile his her their its our "
    "when while after before if although though yet so".split()
)

# Punkt never breaks after a lone capital and period ("Plan B. The rest"): it takes it for an initial.
_INITIAL_THEN_STARTER = re.compile(
    r"(?<=\s[A-Z]\.)\s+(?=(?:" + "|".join(w.capitalize() for w in sorted(_SENTENCE_STARTERS) if len(w) > 1) + r")\b)"
)


def _load_punkt():
    """The Punkt module without `import nltk`, whose __init__ pulls in scipy.stats (about 1 s).

    punkt.py itself needs only a few small nltk modules; we import it under temporary stand-ins for the
    `nltk` and `nltk.tokenize` packages and then forget every nltk module loaded that way, so a later
    `import nltk` elsewhere initialises the real package normally. Any surprise: the ordinary import.
    """
    import sys

    if "nltk" in sys.modules:
        from nltk.tokenize import punkt

        return punkt
    import importlib.util
    import os
    import types

    before = set(sys.modules)
    try:
        spec = importlib.util.find_spec("nltk")
        root = types.ModuleType("nltk")
        root.__path__ = list(spec.submodule_search_locations)
        tokenize = types.ModuleType("nltk.tokenize")
        tokenize.__path__ = [os.path.join(root.__path__[0], "tokenize")]
        root.tokenize = tokenize
        sys.modules["nltk"], sys.modules["nltk.tokenize"] = root, tokenize
        import nltk.tokenize.punkt as punkt
    except Exception:  # pragma: no cover - a future nltk layout: pay for the full import
        punkt = None
    finally:
        for name in set(sys.modules) - before:
            if name == "nltk" or name.startswith("nltk."):
                del sys.modules[name]
    if punkt is None:  # pragma: no cover
        from nltk.tokenize import punkt
    return punkt


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """The shipped abbreviations, lower case without the final period ("u.s", "sept", "gen")."""
    text = resources.files("briefing.text").joinpath("abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


# The usual candidate break, "word. Next" (or "word? Next", 'word."'): a plain word of letters, its end
# mark, then a space and a token that does not start with a period, or a closing mark. Punkt always
# calls this a break unless the word is a known abbreviation or a one-letter initial (see _tokenizer),
# so it need not build its tokens.
_PLAIN_BREAK = re.compile(
    r"(?:([^\W\d_]{2,})\.|[^\W\d_]+[?!])(?: [^\s.]|[)\";}\]*:@'({\[\u2018\u2019\u201c\u201d\xab\xbb])"
)

# The other usual candidates: "U.S. The", "J. Smith", "2008. The", "Gen. Smith," -- a number, or letters
# with inner periods, then the mark, a space and a plain word (a comma or colon may follow it).
_MARK_THEN_WORD = re.compile(r"([^\W\d_]+(?:\.[^\W\d_]+)*|\d+)\. ([^\W\d_]+)[,;:]?$")


@lru_cache(maxsize=1)
def _tokenizer():
    punkt = _load_punkt()
    params = punkt.PunktParameters()
    params.abbrev_types = set(abbreviations())
    params.sent_starters = set(_SENTENCE_STARTERS)
    abbrev_types = params.abbrev_types
    sent_starters = params.sent_starters

    class Tokenizer(punkt.PunktSentenceTokenizer):
        def text_contains_sentbreak(self, text: str) -> bool:
            # Same answer as Punkt's, without its per-token objects on the usual case: a word of two or
            # more letters ending in "." is a break when it is no abbreviation (no initial, no number, no
            # collocations are set); "?" or "!" after a word is always one, and a token follows either.
            m = _PLAIN_BREAK.match(text)
            if m is not None and (m.group(1) is None or m.group(1).lower() not in abbrev_types):
                return True
            m = _MARK_THEN_WORD.match(text)
            if m is not None:
                word, following = m.groups()
                low = word.lower()
                first = following[0]
                if first.isupper() or first.islower():
                    # Punkt's second pass with no orthographic statistics (none are shipped): a number
                    # ends a sentence before a capital; an initial never does; an abbreviation only
                    # before a capitalised frequent sentence starter; any other word always does.
                    if word[0].isdigit():
                        if low not in abbrev_types:
                            return first.isupper()
                    elif len(word) == 1:
                        return False
                    elif low in abbrev_types:
                        return first.isupper() and following.lower() in sent_starters
                    else:
                        return True
            return super().text_contains_sentbreak(text)

        def sentences(self, text: str) -> list[str]:
            """tokenize(text) for a text whose only white space is single spaces (see split_paragraph)."""
            if context_re is None:  # pragma: no cover - a future nltk we cannot mirror
                return self.tokenize(text)
            return [text[a:b] for a, b in _realigned(text, _breaks(self, text))]

    tokenizer = Tokenizer(params)
    try:
        # Punkt's own patterns under the standard library's re (Punkt runs them through `regex` with a
        # timer per call): the same expressions, found the same way, at a fraction of the cost.
        lang = tokenizer._lang_vars
        context_re = re.compile(lang.period_context_re()._rx.pattern, re.VERBOSE)
        realign_re = re.compile(lang.re_boundary_realignment._rx.pattern, re.MULTILINE)
    except Exception:  # pragma: no cover
        context_re = realign_re = None

    def _breaks(tok, text: str):
        """(start, end) of each sentence before realignment: Punkt's _match_potential_end_contexts and
        _slices_from_text, step for step (the word before a mark starts after the last space)."""
        spans = []
        last_break = 0
        previous = None
        prev_start = prev_stop = 0
        matches = list(context_re.finditer(text))
        matches.append(None)
        for m in matches:
            if m is not None:
                start = m.start()
                space = text.rfind(" ", prev_stop, start) - prev_stop
                word_start = space + prev_stop + 1 if space > 0 else prev_start
                if previous is None or prev_stop > word_start:
                    previous, prev_start, prev_stop = m, word_start, start
                    continue
            if previous is not None:
                context = text[prev_start:prev_stop] + previous.group() + previous.group("after_tok")
                if tok.text_contains_sentbreak(context):
                    spans.append((last_break, previous.end()))
                    last_break = previous.start("next_tok") if previous.group("next_tok") else previous.end()
            if m is not None:
                previous, prev_start, prev_stop = m, word_start, start
        spans.append((last_break, len(text.rstrip())))
        return spans

    def _realigned(text: str, spans):
        """Punkt's _realign_boundaries: closing punctuation after a break belongs to the sentence before."""
        realign = 0
        last = len(spans) - 1
        for k, (a, b) in enumerate(spans):
            a += realign
            if k == last:
                if a < b:
                    yield a, b
                continue
            a2, b2 = spans[k + 1]
            m = realign_re.match(text, a2, max(a2, b2))
            if m:
                yield a, a2 + len(m.group(0).rstrip())
                realign = m.end() - a2
            else:
                realign = 0
                if a < b:
                    yield a, b

    return tokenizer


def split_paragraph(paragraph: str) -> list[str]:
    """Split one paragraph (line breaks inside it are treated as spaces) into sentences, none longer than
    MAX_SENTENCE_CHARS (see bounded)."""
    flat = " ".join(paragraph.split())  # every run of white space (as \s+ matches it) is one space
    if not flat:
        return []
    sentences = _split_flat(flat)
    if any(len(s) > MAX_SENTENCE_CHARS for s in sentences):
        sentences = [piece for s in sentences for piece in bounded(s)]
    return sentences


# The longest "sentence" any later stage sees. Real news sentences stay well below it (the longest of
# ~34,000 in the development data has 1,860 characters); a longer one is a text without sentence breaks
# (a run-on list, a page flattened to one line, a hostile file) and is cut into pieces of at most this
# size. Every stage after splitting does some work per figure or per word over its whole sentence, so
# this bound is what keeps a 10 MB article of one line linear (and its JSON brief small: each figure
# carries its sentence).
MAX_SENTENCE_CHARS = 2000

# Where an overlong sentence is cut, best first: after clause punctuation (followed by a space), before a
# dash between spaces, else at a space, else (one "word" longer than the bound) anywhere.
_CLAUSE_CUT = re.compile(r"(?<=[;:,)\]\u201d])\s|\s(?=(?:--|\u2014|\u2013)\s)")


def bounded(sentence: str, limit: int = MAX_SENTENCE_CHARS) -> list[str]:
    """`sentence` itself when it has at most `limit` characters, else pieces of at most `limit`, in order:
    each cut at the last clause break (",", ";", ":", a closing quote or bracket, a spaced dash) in the
    second half of the remaining window, else at its last space, else at `limit` characters. The space at
    a cut is dropped: nothing else is lost, added or moved."""
    n = len(sentence)
    if n <= limit:
        return [sentence]
    limit = max(limit, 2)
    pieces: list[str] = []
    start = 0
    while n - start > limit:
        end = start + limit  # the piece is sentence[start:cut], cut <= end
        cut = -1
        for m in _CLAUSE_CUT.finditer(sentence, start + limit // 2, end + 1):
            cut = m.start()
        if cut < 0:
            cut = sentence.rfind(" ", start + 1, end + 1)
        if cut <= start:
            cut = end
        piece = sentence[start:cut].strip()
        if piece:
            pieces.append(piece)
        start = cut
        while start < n and sentence[start] == " ":
            start += 1
    piece = sentence[start:].strip()
    if piece:
        pieces.append(piece)
    return pieces


def _split_flat(flat: str) -> list[str]:
    sentences = _tokenizer().sentences(flat)
    # a sentence holds a match only if the paragraph does: most paragraphs need neither substitution
    quote_end = _QUOTE_END.search(flat) is not None
    initial = _INITIAL_THEN_STARTER.search(flat) is not None
    if quote_end or initial:
        out: list[str] = []
        for sent in sentences:
            if quote_end:
                sent = _QUOTE_END.sub("\\1\n", sent)
            if initial:
                sent = _INITIAL_THEN_STARTER.sub("\n", sent)
            out.extend(s.strip() for s in sent.split("\n") if s.strip())
        sentences = out
    else:
        sentences = [s.strip() for s in sentences if s.strip()]
    return _merge_continuations(_merge_initials(sentences))


_INITIAL_END = re.compile(r"(?:^|\s)((?:[A-Z]\.){1,3})$")


def _merge_initials(sentences: list[str]) -> list[str]:
    """Re-join splits after a person's initials ("John F. Kennedy", "J.K. Rowling") that Punkt cannot know."""
    # each merged sentence is kept as its parts (joined with spaces at the end) and only the end of the
    # last part is looked at, so that a long chain of merges stays linear
    merged: list[list[str]] = []
    for s in sentences:
        last = merged[-1][-1] if merged else ""
        # only a sentence ending in a capital and a period can end in initials
        m = _INITIAL_END.search(last, max(0, len(last) - 8)) if last[-2:-1].isupper() else None
        if m and s[:1].isupper() and (len(merged[-1]) > 1 or len(last) > 2):
            initials = m.group(1)
            first = s.split(None, 1)[0].strip("\"'\u201c\u2018").lower()
            if len(initials) == 2:
                # a lone initial after a capitalised name is part of a name ("John F. Kennedy")
                prev_words = last.rsplit(None, 2)[-2:]
                if len(prev_words) < 2 and len(merged[-1]) > 1:
                    prev_words = merged[-1][-2].rsplit(None, 1)[-1:] + prev_words
                joined = len(prev_words) >= 2 and prev_words[-2][:1].isupper() and first not in _SENTENCE_STARTERS
            else:
                # "J.K. Rowling" but not "the U.S. The ..." (known abbreviations) or a sentence starter
                joined = initials[:-1].lower() not in abbreviations() and first not in _SENTENCE_STARTERS
            if joined:
                merged[-1].append(s)
                continue
        merged.append([s])
    return [parts[0] if len(parts) == 1 else " ".join(parts) for parts in merged]


def _merge_continuations(sentences: list[str]) -> list[str]:
    """'"What was the reason?" questioned Hajiyev.' is one sentence, not two (see _STARTS_LOWER)."""
    merged: list[list[str]] = []  # parts and the separators between them, joined at the end (linear)
    for s in sentences:
        if merged and not _WORD.search(s):  # "Thundercats!!" must not leave a lone "!" behind
            merged[-1].append(s)
        elif merged and _STARTS_LOWER.match(s):
            merged[-1] += (" ", s)
        else:
            merged.append([s])
    return [parts[0] if len(parts) == 1 else "".join(parts) for parts in merged]


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs are separated by blank lines."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def split_sentences(text: str) -> list[str]:
    """All sentences of a text, paragraph by paragraph, in order."""
    out: list[str] = []
    for paragraph in split_paragraphs(text):
        out.extend(split_paragraph(paragraph))
    return out


def quote_fragments(sentences: list[str]) -> list[bool]:
    """For one paragraph's sentences: True where a sentence is part of a quotation that spans several
    sentences (it starts inside the quotation, or leaves it open), so it cannot stand alone: shown by
    itself it would turn a speaker's claim into a statement of fact, without the speaker.

    Curly quotes (and the wire's `` '') nest by count; straight double quotes toggle. Apostrophes are
    not quotation marks.
    Only a quotation that closes within the paragraph, at most MAX_QUOTE_SENTENCES long, is marked: a
    stray or unclosed mark (tokenised text, a quote running on into the next paragraph) marks nothing.
    """
    flags = [False] * len(sentences)
    depth = 0  # open curly quotes
    straight = False  # inside a straight-quoted passage
    opened_at: int | None = None  # the sentence where the quotation now open began
    for i, sentence in enumerate(sentences):
        opened = sentence.count("\u201c") + sentence.count("``")  # `` '' : newswire and tokenised text
        depth = max(0, depth + opened - sentence.count("\u201d") - sentence.count("''"))
        straight ^= sentence.count('"') % 2 == 1
        inside = depth > 0 or straight
        if inside and opened_at is None:
            opened_at = i
        elif not inside and opened_at is not None:
            if i - opened_at + 1 <= MAX_QUOTE_SENTENCES:
                flags[opened_at:i + 1] = [True] * (i - opened_at + 1)
            opened_at = None
    return flags


MAX_QUOTE_SENTENCES = 5


def split_sentences_marked(text: str) -> tuple[list[str], list[bool]]:
    """split_sentences(text), with quote_fragments worked out paragraph by paragraph."""
    sentences: list[str] = []
    fragments: list[bool] = []
    for paragraph in split_paragraphs(text):
        split = split_paragraph(paragraph)
        sentences.extend(split)
        fragments.extend(quote_fragments(split))
    return sentences, fragments
