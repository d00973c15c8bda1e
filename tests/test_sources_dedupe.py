"""The same story twice is read once and credited to every outlet that carried it."""
from __future__ import annotations

import random

from briefing.models import Article
from briefing.sources.dedupe import canonical_url, merge_duplicates

STORY = (
    "Rescue teams in the northern province pulled 14 survivors from collapsed buildings on Tuesday, "
    "two days after a 6.8 magnitude earthquake struck the region, the disaster agency said.\n\n"
    "The agency said at least 212 people had been killed and more than 1,400 injured. Aid convoys reached "
    "the worst-hit towns overnight after roads were cleared of landslides.\n\n"
    "The government declared three days of national mourning and appealed for blood donations, while "
    "neighbouring countries sent search teams with sniffer dogs and heavy lifting equipment."
)


def art(text, source, origin, **fields):
    return Article(text=text, title=fields.pop("title", "Quake survivors found"), source=source, origin=origin, **fields)


def random_text(rng, words=150):
    vocabulary = [f"word{i}" for i in range(3000)]
    return " ".join(rng.choice(vocabulary) for _ in range(words))


def test_syndicated_copy_is_merged_and_credited_to_every_outlet():
    wire = art(STORY, "Reuters", "reuters.html", url="https://www.reuters.com/quake", published="2026-11-20")
    # an outlet's copy: its own dateline and a trailer, otherwise the agency's words
    copy = art("ANKARA (Reuters) - " + STORY + "\n\nReporting by staff; editing by the desk.", "Daily Sabah", "sabah.html")
    other = art("Parliament passed the budget on Wednesday after a long night of debate over pensions and "
                "defence spending, with the opposition walking out before the final vote.", "TRT World", "budget.html")
    merged = merge_duplicates([wire, other, copy])
    assert len(merged) == 2
    story = next(a for a in merged if "survivors" in a.text)
    assert story.all_outlets == ("Reuters", "Daily Sabah")
    assert story.url == "https://www.reuters.com/quake" and story.published == "2026-11-20"
    assert merged[1].source == "TRT World"  # order of first appearance kept


def test_trimmed_copy_is_merged_with_the_full_story():
    paragraphs = STORY.split("\n\n")
    trimmed = art("\n\n".join(paragraphs[:2]) + " Officials gave no further detail on the search.", "AA", "aa.html")
    full = art(STORY, "AFP", "afp.html")
    [merged] = merge_duplicates([trimmed, full])
    assert merged.text == STORY  # the fullest copy is the one kept
    assert set(merged.all_outlets) == {"AA", "AFP"}


def test_same_canonical_url_is_one_story_even_when_texts_differ():
    feed_copy = art("Teaser: survivors found two days after the quake…", "Reuters", "https://www.reuters.com/quake?utm_source=rss",
                    url="https://www.reuters.com/quake?utm_source=rss")
    page_copy = art(STORY, "Reuters", "/saved/quake.html", url="https://reuters.com/quake/")
    [merged] = merge_duplicates([feed_copy, page_copy])
    assert merged.text == STORY and merged.all_outlets == ("Reuters",)


def test_different_stories_on_the_same_topic_stay_apart():
    rng = random.Random(7)
    first = art(STORY, "Reuters", "a.html")
    # the same event, written independently: shares names and numbers, not sentences
    second = art("A powerful earthquake killed at least 212 people in the northern province, officials said, "
                 "as rescuers searched through the rubble of collapsed buildings. " + random_text(rng, 80),
                 "BBC", "b.html")
    assert len(merge_duplicates([first, second])) == 2


def test_short_boilerplate_teasers_with_different_titles_are_not_merged():
    one = art("Read the full story on our website.", "X", "1", title="Budget passed")
    two = art("Read the full story on our website.", "X", "2", title="Quake survivors found")
    assert len(merge_duplicates([one, two])) == 2


def test_many_articles_with_a_few_copies():
    rng = random.Random(3)
    originals = [art(random_text(rng), f"Outlet {i}", f"{i}.html", title=f"T{i}") for i in range(400)]
    copies = []
    for i in range(0, 400, 40):
        words = originals[i].text.split()
        words[10] = "changed"
        copies.append(art(" ".join(words), "Copycat", f"copy{i}.html", title=f"C{i}"))
    merged = merge_duplicates(originals + copies)
    assert len(merged) == 400
    assert sum(1 for a in merged if "Copycat" in a.all_outlets) == 10
    assert merge_duplicates(originals + copies) == merged  # deterministic


def test_nothing_to_merge_returns_the_articles_unchanged():
    articles = [art(STORY, "Reuters", "a.html")]
    assert merge_duplicates(articles) == articles
    assert merge_duplicates([]) == []


def test_canonical_url_ignores_tracking_scheme_www_and_slash():
    assert canonical_url("https://www.example.com/a/b/?utm_source=x&id=3#top") == canonical_url("http://example.com/a/b?id=3")
    assert canonical_url("https://example.com/a?id=3") != canonical_url("https://example.com/a?id=4")


# ------------------------------------------------------------------- shingles: the fast path is the rule
import re  # noqa: E402
from collections import defaultdict  # noqa: E402
from itertools import count  # noqa: E402

import numpy as np  # noqa: E402
from hypothesis import given, settings, strategies as st  # noqa: E402

from briefing.sources import dedupe  # noqa: E402

_WORDY = st.text(
    alphabet=st.sampled_from(list("ab Z_9.,'-\n\u2019\u201c\u00e9\u00c9\u0130\u00a0\u2014\u0436\u00b2\u00aa\u212a\ud800")),
    max_size=50,
)


def _reference_shingles(text: str, vocabulary: dict) -> np.ndarray:
    """The rule, written plainly: 4-grams of the lower-cased \\w+ words, ids by first appearance."""
    words = re.findall(r"\w+", text.lower())
    if not words:
        return np.empty(0, dtype=np.uint64)
    hashed = dedupe._mix(np.array([vocabulary[w] for w in words], dtype=np.uint64))
    n = min(dedupe.SHINGLE, len(words))
    grams = np.zeros(len(words) - n + 1, dtype=np.uint64)
    for k in range(n):
        grams = dedupe._mix(grams ^ hashed[k: len(words) - n + 1 + k])
    return np.unique(grams)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(_WORDY, st.sampled_from([STORY, STORY.upper(), "Caf\u00e9 \u2014 don\u2019t " * 30, ""])),
                max_size=8))
def test_batched_shingles_follow_the_rule(texts):
    vocabulary: dict = defaultdict(count(1).__next__)
    expected = [_reference_shingles(t, vocabulary) for t in texts]
    for chunk in (dedupe._CHUNK_TOKENS, 3):  # texts hashed together, and split across batches
        old, dedupe._CHUNK_TOKENS = dedupe._CHUNK_TOKENS, chunk
        try:
            got = dedupe._shingle_sets(texts)
        finally:
            dedupe._CHUNK_TOKENS = old
        assert all(np.array_equal(a, b) for a, b in zip(got, expected)) and len(got) == len(expected)


def test_words_of_half_the_texts_cut_in_another_process_get_the_same_ids(monkeypatch):
    rng = random.Random(5)
    texts = [random_text(rng) + " caf\u00e9 \u2014 don\u2019t " * (i % 3) for i in range(60)] + ["", "Short one."]
    vocabulary: dict = defaultdict(count(1).__next__)
    expected = [_reference_shingles(t, vocabulary) for t in texts]
    monkeypatch.setattr(dedupe, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(dedupe, "_CHUNK_TOKENS", 500)
    got = dedupe._shingle_sets(texts)
    assert len(got) == len(expected) and all(np.array_equal(a, b) for a, b in zip(got, expected))
