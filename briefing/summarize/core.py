"""The summarizer: articles in, chosen sentences (credited, in reading order) out."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from briefing.errors import UsageError
from briefing.models import Article, Selected
from briefing.summarize import features
from briefing.summarize.concepts import weigh_concepts
from briefing.summarize.dedupe import DuplicateIndex
from briefing.summarize.order import reading_key
from briefing.summarize.recency import recency_merits
from briefing.summarize.select import fill, improve, merit, select

# The budget when the caller gives neither words nor sentences: about a third of a page.
DEFAULT_WORDS = 250
# Swaps after greedy selection consider this many of the best sentences by value per word.
SWAP_POOL = 30
# From this many articles on, the sentence most of them agree on is chosen first (see centroid):
# Multi-News clusters of 3+ articles at 100 words: ROUGE-1/2 23.83/7.66 -> 24.09/7.96 (4+: 22.46/7.30 ->
# 22.90/7.81); with two articles it costs R-1 (25.92 -> 25.57 on all 400), so not below three.
CENTROID_ARTICLES = 3


def centroid(candidates: Sequence[int], alone: Sequence[float], lengths: Sequence[int],
              max_words: float, n_articles: int) -> int | None:
    """The sentence that states the most of what the sources agree on (largest value on its own) that
    fits the budget, once at least CENTROID_ARTICLES articles report: chosen first, whatever its length.
    Human summaries of an event open with the event; cost-scaled greedy alone prefers short sentences
    that each carry a piece of it. None for fewer articles (no agreement to go by)."""
    if n_articles < CENTROID_ARTICLES:
        return None
    fit = [i for i in candidates if lengths[i] <= max_words and alone[i] > 0.0]
    return max(fit, key=lambda i: (alone[i], -i), default=None)


def _check_budget(name: str, value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise UsageError(f"{name} must be a positive whole number, not {value!r}")


def summarize(
    articles: Sequence[Article],
    *,
    words: int | None = None,
    sentences: int | None = None,
    today: date | None = None,
) -> list[Selected]:
    """Choose the sentences that best cover what the articles report, within the budget.

    Returns Selected sentences in reading order (oldest article first, then position in the article);
    `Selected.also` lists the other articles that print the same sentence (near-duplicates merged).

    When the articles' `published` dates span two days or more, the newest reports weigh more and a
    sentence whose casualty figure a later day's report replaced is demoted (see summarize.recency);
    `today` (the brief's date) caps the reference day: an article dated after it counts as of `today`.
    None (the `summarize` command, which covers a set as a whole): no recency at all; nor for undated
    articles, or all from one day.
    """
    from briefing.text.sentences import split_sentences_marked

    marked = [split_sentences_marked(a.text) for a in articles]
    article_sentences = [sentences for sentences, _ in marked]
    fragments = [flags for _, flags in marked]
    return summarize_sentences(
        article_sentences, words=words, sentences=sentences, articles=articles, fragments=fragments,
        today=today,
    )


def summarize_sentences(
    article_sentences: Sequence[Sequence[str]],
    *,
    words: int | None = None,
    sentences: int | None = None,
    articles: Sequence[Article] = (),
    fragments: Sequence[Sequence[bool]] | None = None,
    today: date | None = None,
) -> list[Selected]:
    """`summarize` for articles already split into sentences (one list of sentences per article).

    `articles`, when given, supplies publication dates for the reading order and for recency (see
    `summarize` for `today`). `fragments`, when given,
    marks the sentences that are pieces of a longer quotation (text.sentences.quote_fragments): one is
    chosen only if it names its speaker ("..., he said."), since otherwise it turns a claim into a fact.
    """
    _check_budget("words", words)
    _check_budget("sentences", sentences)
    if words is None and sentences is None:
        words = DEFAULT_WORDS
    max_words = float("inf") if words is None else words
    max_sentences = float("inf") if sentences is None else sentences

    units = features.make_units([list(s) for s in article_sentences], fragments)
    units = [u for u in units if u.words > 0]
    if not units:
        return []
    n_articles = len({u.article for u in units})
    concepts, weights = weigh_concepts(units, n_articles)
    merits = [merit(u.boost, u.prior) for u in units]
    if today is not None and len(articles) == len(article_sentences):
        newer = recency_merits(units, articles, today)
        if newer is not None:  # articles of two days or more: the newest reports weigh more
            merits = [m * r for m, r in zip(merits, newer)]
    lengths = [u.words for u in units]
    # value of a sentence on its own: what it would add to an empty summary
    weight = weights.__getitem__
    alone = [m * sum(map(weight, cs)) for m, cs in zip(merits, concepts)]

    candidates = [i for i, u in enumerate(units) if u.eligible]
    if not candidates:
        candidates = list(range(len(units)))  # only fragments: still say something

    dupes = DuplicateIndex(units)
    texts = [u.text for u in units]

    def conflicts(i: int, chosen: list[int]) -> bool:
        return any(texts[i] == texts[j] or dupes.repeats(i, j) for j in chosen)

    chosen = select(
        candidates, concepts, merits, lengths, weights,
        max_words=max_words, max_sentences=max_sentences, conflicts=conflicts, alone=alone,
        length_exponent=None if words is not None else 0.0,  # a count budget: length costs nothing
        first=centroid(candidates, alone, lengths, max_words, n_articles),
    )
    rank = {i: r for r, i in enumerate(candidates)}
    pool = sorted(candidates, key=lambda i: (-alone[i] / max(lengths[i], 1), rank[i]))[:SWAP_POOL]
    chosen = improve(chosen, pool, concepts, merits, lengths, weights,
                     max_words=max_words, conflicts=conflicts, pool=SWAP_POOL)

    def preference(i: int) -> tuple:
        return (-alone[i], -merits[i], rank[i])

    chosen = fill(
        chosen, candidates, lengths, preference,
        max_words=max_words, max_sentences=max_sentences, conflicts=conflicts,
    )
    if not chosen:
        # Nothing fits in the budget: the one best sentence, over the budget, rather than nothing.
        chosen = [min(candidates, key=preference)]

    top = max(max(alone), 1e-12)
    order = reading_key(articles)
    chosen.sort(key=lambda i: order((units[i].article, units[i].position)))
    out = []
    for i in chosen:
        u = units[i]
        others = dupes.articles_repeating(i)
        out.append(
            Selected(
                text=u.text,
                article=u.article,
                position=u.position,
                score=round(alone[i] / top, 4),
                also=tuple(others),
            )
        )
    return out
