"""Multi-document extractive summarization for news briefs.

    summarize(articles, words=100, today=None) -> list[Selected], in reading order

How it chooses (see each module):
  features  every sentence: words, stemmed tokens, eligibility (no fragments, questions, bare quotes,
            bylines), a position prior, and a small documented boost for casualty figures and
            attributed statements (CASUALTY_BOOST, ATTRIBUTION_BOOST)
  concepts  stemmed bigrams weighted by how many articles report them (ICSISumm's concepts); for a
            single article, its recurring content words
  select    budgeted maximum coverage of those concepts: lazy greedy on gain per word, best single
            sentence check, a few improving swaps, then whole sentences fill what is left of the budget
  recency   articles of two days or more: merits weighed by the age of their article (half-life
            HALF_LIFE_DAYS, floor RECENCY_FLOOR), a casualty figure a later day replaced demoted
            (SUPERSEDED); `summarize(..., today=date)` caps the reference day. No effect otherwise.
  dedupe    a sentence several outlets print appears once, credited to all of them (Selected.also);
            no two chosen sentences repeat the same 5-word phrase (a quote and its paraphrase)
  order     the chosen sentences in reading order: article publication time, then position
  porter    the Porter stemmer, so that summarizing never imports NLTK

Selected.score is the sentence's value on its own (weight of the concepts it states x its merit),
relative to the best sentence of the input: 1.0 for the best, 0 for a sentence with no shared concept.

Budget rule: `words=N` caps the summary at N words (whitespace-separated, as `len(text.split())`),
cutting only at sentence boundaries. The summary is never empty when the input has a sentence: when no
whole sentence fits in N words, it is the single best sentence, over the budget. `sentences=N` caps the
number of sentences; both may be given. With neither, the budget is DEFAULT_WORDS words.
Deterministic: no randomness, every tie broken by article order then sentence position.
"""
from __future__ import annotations

from briefing.summarize.core import DEFAULT_WORDS, summarize, summarize_sentences
from briefing.summarize.dedupe import DUPLICATE_SIMILARITY
from briefing.summarize.features import ATTRIBUTION_BOOST, CASUALTY_BOOST, MIN_WORDS

__all__ = [
    "summarize",
    "summarize_sentences",
    "DEFAULT_WORDS",
    "CASUALTY_BOOST",
    "ATTRIBUTION_BOOST",
    "DUPLICATE_SIMILARITY",
    "MIN_WORDS",
]
