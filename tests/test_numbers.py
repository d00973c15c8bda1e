"""The number grammar, case by case, and round trips number -> words -> number."""
import pytest
from hypothesis import given, strategies as st

from briefing.text.numbers import find_quantities, number_to_words, parse_quantity


@pytest.mark.parametrize("text, value, low, high, qualifier", [
    ("7", 7, 7, 7, None),
    ("2,480 homes", 2480, 2480, 2480, None),
    ("eleven", 11, 11, 11, None),
    ("fifty-three", 53, 53, 53, None),
    ("three hundred and twelve", 312, 312, 312, None),
    ("a thousand", 1000, 1000, 1000, None),
    ("3.4 million", 3_400_000, 3_400_000, 3_400_000, None),
    ("at least 14", 14, 14, None, "at least"),
    ("more than 300", 300, 300, None, "more than"),
    ("over 60", 60, 60, None, "over"),
    ("nearly 90", 90, 90, 90, "nearly"),
    ("about 25", 25, 25, 25, "about"),
    ("up to 40", 40, 40, 40, "up to"),
    ("as many as 17", 17, 17, 17, "as many as"),
    ("some 800", 800, 800, 800, "some"),
    ("between 4 and 6", 4, 4, 6, None),
    ("15 to 18", 15, 15, 18, None),
    ("three or four", 3, 3, 4, None),
    ("20-25", 20, 20, 25, None),
    ("2 dozen", 24, 24, 24, None),
])
def test_parses_counts(text, value, low, high, qualifier):
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.low, q.high, q.qualifier) == (value, low, high, qualifier)


@pytest.mark.parametrize("text, value", [
    ("tens", 10), ("a dozen", 12), ("dozens of", 12), ("scores of", 20), ("hundreds", 100),
    ("tens of thousands", 10_000), ("several", 3), ("a few", 3),
])
def test_vague_quantities_follow_acled(text, value):
    q = parse_quantity(text)
    assert q.value == value and q.vague


@pytest.mark.parametrize("text", [
    "2012-13", "1998", "14 March", "Oct. 3", "07:45", "5 a.m.", "a 19-year-old", "30 km", "12 percent",
    "4.5", "11/02/2019", "Route 9", "nearly a 100 km",
])
def test_never_counts(text):
    q = parse_quantity(text)
    assert q is None or q.article


def test_article_is_one_before_a_noun():
    q = parse_quantity("a policeman")
    assert q.value == 1 and q.article
    assert parse_quantity("an engineer").value == 1


def test_find_quantities_skips_dates_and_keeps_counts():
    found = find_quantities("On 12 June 2021, at 18:30, gunmen killed 4 farmers 20 km from Gao.")
    assert [q.value for q in found] == [4]


def test_find_quantities_spans_point_at_the_text():
    text = "The toll rose to forty-two, officials said."
    (q,) = find_quantities(text)
    assert text[q.start:q.end] == "forty-two" and q.value == 42


@given(st.integers(min_value=0, max_value=999_999_999))
def test_words_round_trip(n):
    q = parse_quantity(number_to_words(n))
    assert q is not None and q.value == n


@given(st.integers(min_value=0, max_value=10_000_000))
def test_digits_with_separators_round_trip(n):
    assert parse_quantity(f"{n:,}").value == n


@given(st.integers(min_value=1, max_value=5000), st.integers(min_value=1, max_value=5000))
def test_ranges_keep_both_ends(a, b):
    lo, hi = sorted((a, b))
    if lo == hi:
        return
    # "between five hundred and five hundred and one" is ambiguous English: words go with "to", digits with "and"
    for text in (f"between {lo:,} and {hi:,}", f"{number_to_words(lo)} to {number_to_words(hi)}"):
        q = parse_quantity(text)
        assert (q.value, q.low, q.high) == (lo, lo, hi), text


def test_an_age_after_a_person_is_not_a_count():
    assert 19 not in [q.value for q in find_quantities("His nephew, 19, was wounded.")]
    assert 8 not in [q.value for q in find_quantities("the youngest aged eight, and 139 were wounded")]


def test_an_age_after_a_persons_name_is_not_a_count():
    assert 40 not in [q.value for q in find_quantities("Miradul Islam Sheikh, 40, a farmer, died on Monday.")]
    assert [q.value for q in find_quantities("In Kabul, 12, including children, were killed.")] == [12]


def test_an_increase_and_a_new_count_are_not_a_range():
    assert [(q.value, q.high) for q in find_quantities("the toll rose by 12 to 262")] == [(12, 12), (262, 262)]
    assert [(q.value, q.high) for q in find_quantities("between 12 to 262 people")] == [(12, 262)]
