"""Sentence splitting with NLTK Punkt, entirely offline.

Punkt's pre-trained English model is NLTK *data* (a download); instead we build its parameters from a
curated list of news abbreviations shipped in this package, so nothing is fetched at run time.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"\s+")
# Punkt leaves these unsplit: a sentence ending in a closing quote followed by a capital.
_QUOTE_END = re.compile(r'([.!?]["\u201d\u2019\'])\s+(?=[\u201c"\'\u2018]?[A-Z0-9])')


@lru_cache(maxsize=1)
def _tokenizer():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    text = resources.files("briefing.text").joinpath("abbreviations.txt").read_text(encoding="utf-8")
    params.abbrev_types = {
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    }
    return PunktSentenceTokenizer(params)


def split_paragraph(paragraph: str) -> list[str]:
    """Split one paragraph (line breaks inside it are treated as spaces) into sentences."""
    flat = _SPACES.sub(" ", paragraph).strip()
    if not flat:
        return []
    out: list[str] = []
    for sent in _tokenizer().tokenize(flat):
        out.extend(s.strip() for s in _QUOTE_END.sub("\\1\n", sent).split("\n") if s.strip())
    return _merge_initials(out)


_INITIAL_END = re.compile(r"(?:^|\s)(?:[A-Z]\.){1,3}$")


def _merge_initials(sentences: list[str]) -> list[str]:
    """Re-join splits after a person's initial ("John F. Kennedy") that Punkt cannot know."""
    merged: list[str] = []
    for s in sentences:
        if merged and _INITIAL_END.search(merged[-1]) and s[:1].isupper() and len(merged[-1]) > 2:
            prev_words = merged[-1].split()
            # a lone initial after a capitalised name is part of a name, not a sentence end
            if len(prev_words) >= 2 and prev_words[-2][:1].isupper():
                merged[-1] = merged[-1] + " " + s
                continue
        merged.append(s)
    return merged


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs are separated by blank lines."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def split_sentences(text: str) -> list[str]:
    """All sentences of a text, paragraph by paragraph, in order."""
    out: list[str] = []
    for paragraph in split_paragraphs(text):
        out.extend(split_paragraph(paragraph))
    return out
