"""Key points follow the latest state: articles of several days, through the public `summarize`.

All text is invented: a fictional earthquake in a fictional county, reported over three days with a
rising toll."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from briefing.models import Article
from briefing.summarize import summarize
from briefing.summarize.features import make_units
from briefing.summarize.recency import RECENCY_FLOOR, article_ages, recency, stated_counts

DAY1 = "2031-03-02"
DAY2 = "2031-03-03"
DAY3 = "2031-03-05"
BRIEF_DAY = date(2031, 3, 6)  # the brief's date: recency applies only when a brief gives one

FIRST_A = [
    "The death toll from the earthquake in the hill county of Marrowdene stands at 214, the disaster office said.",
    "The strong earthquake shook Marrowdene on Sunday afternoon, toppling old brick homes and the market hall.",
    "Rescuers with sniffer dogs searched the rubble of the collapsed market hall through the night.",
]
FIRST_B = [
    "The death toll from the earthquake in the hill county of Marrowdene stands at 214, officials said on Sunday.",
    "Roads into the valley were blocked by landslides, slowing the arrival of heavy equipment.",
    "The strong earthquake shook Marrowdene on Sunday, cutting power to the whole valley for hours.",
]
SECOND = [
    "Soldiers cleared the landslides on the main road into Marrowdene on Monday, letting aid convoys pass.",
    "Field hospitals were set up in the football stadium of the county town for the injured.",
    "The death toll in the hill county of Marrowdene rose to 298 on Monday, the disaster office said.",
]
THIRD = [
    "Rescuers said hopes of finding more survivors in the rubble of the market hall were fading.",
    "Aid agencies appealed for tents and blankets as cold nights set in over the hill county.",
    "The death toll in the hill county of Marrowdene rose to 356 on Wednesday, the disaster office said.",
]


def article(sentences: list[str], name: str, published: str | None) -> Article:
    return Article(text=" ".join(sentences), title=name, source=name, origin=f"{name}.txt",
                   published=published)


def story(dates=(DAY1, DAY1, DAY2, DAY3)) -> list[Article]:
    return [article(s, n, d) for s, n, d in zip((FIRST_A, FIRST_B, SECOND, THIRD), "abcd", dates)]


def texts(selected) -> list[str]:
    return [s.text for s in selected]


def test_the_newest_toll_is_chosen_and_the_superseded_one_is_not():
    chosen = texts(summarize(story(), words=60, today=BRIEF_DAY))
    assert THIRD[2] in chosen  # "rose to 356 on Wednesday"
    assert not any("stands at 214" in t for t in chosen)
    assert SECOND[2] not in chosen  # day 2's toll is superseded too


def test_the_newest_toll_is_the_best_scored_sentence():
    best = max(summarize(story(), words=60, today=BRIEF_DAY), key=lambda s: s.score)
    assert best.text == THIRD[2] and best.score == 1.0


def test_without_dates_the_toll_most_outlets_repeat_wins():
    # the same articles undated: no recency, the day-1 toll (printed by two outlets) is chosen
    chosen = texts(summarize(story(dates=(None,) * 4), words=60))
    assert any("stands at 214" in t for t in chosen)


def test_undated_or_single_day_input_is_exactly_as_before():
    undated = summarize(story(dates=(None,) * 4), words=60)
    one_day = summarize(story(dates=(DAY2,) * 4), words=60)
    one_day_today = summarize(story(dates=(DAY2,) * 4), words=60, today=date(2031, 3, 9))
    assert one_day == one_day_today
    # a single day changes only the reading order (dated before undated), never the choice or the scores
    assert sorted(one_day, key=lambda s: (s.article, s.position)) == sorted(
        undated, key=lambda s: (s.article, s.position))


def test_an_old_core_fact_still_makes_the_summary():
    # what happened (the quake shook Marrowdene) is told only on day 1: the recency floor keeps it
    chosen = texts(summarize(story(), words=80, today=BRIEF_DAY))
    assert any(t.startswith("The strong earthquake shook Marrowdene on Sunday") for t in chosen)


def test_reading_order_stays_oldest_first():
    selected = summarize(story(), words=80, today=BRIEF_DAY)
    days = [story()[s.article].published for s in selected]
    assert days == sorted(days)


def test_today_caps_the_reference_day():
    # a brief dated before every article: all of them are "as of today", so no recency at all
    early = summarize(story(), words=60, today=date(2031, 3, 1))
    undated = summarize(story(dates=(None,) * 4), words=60)
    assert sorted(texts(early)) == sorted(texts(undated))
    # a brief dated after the newest article: ages still count from the newest article
    assert summarize(story(), words=60, today=date(2031, 3, 20)) == summarize(story(), words=60, today=BRIEF_DAY)


def test_without_a_brief_date_the_summary_covers_the_set_as_a_whole():
    # the `summarize` command gives no date: a set is summarized as a whole, as multi-document benchmarks expect
    assert summarize(story(), words=60) == summarize(story(dates=(None,) * 4), words=60)


def test_ages_and_weights():
    arts = story()
    assert article_ages(arts) == [3, 3, 2, 0]
    assert article_ages(arts, today=date(2031, 3, 3)) == [1, 1, 0, 0]
    assert article_ages(arts, today=datetime(2031, 3, 3, 7, 30)) == [1, 1, 0, 0]
    assert article_ages([replace(a, published=None) for a in arts]) is None
    assert article_ages(story(dates=(DAY1, None, DAY1, DAY1))) is None
    assert recency(0) == 1.0 and recency(None) == 1.0
    assert RECENCY_FLOOR < recency(30) < recency(2) < 1.0


def test_stated_counts_by_kind():
    units = make_units([[
        "The toll rose to 1,204 on April 25, with 74 people still missing and 3,100 injured.",
        "The 6.2-magnitude quake in 2031 struck at a depth of 10 kilometres below the county.",
    ]])
    assert stated_counts(units[0].ids) == {"killed": {1204}, "missing": {74}, "injured": {3100}}
    assert stated_counts(units[1].ids) == {}


def test_a_superseded_figure_no_longer_leads_even_when_its_sentence_holds_the_core():
    # day 1's only account of what happened also carries day 1's toll: it stays (nothing else tells
    # the event), but the newest toll is the best-scored sentence, so it leads the key points
    core = "A strong earthquake shook the hill county of Marrowdene on Sunday afternoon, killing 214 people"
    arts = [
        article([core + " and toppling the old market hall.", FIRST_A[2]], "a", DAY1),
        article([core + ", officials said.", FIRST_B[1]], "b", DAY1),
        article([SECOND[0], "The death toll in Marrowdene rose to 298 on Monday, the disaster office said."], "c", DAY2),
        article([THIRD[1], "The death toll in Marrowdene rose to 356 on Wednesday, the disaster office said."], "d", DAY3),
    ]
    selected = summarize(arts, words=40, today=BRIEF_DAY)
    best = max(selected, key=lambda s: s.score)
    assert "rose to 356" in best.text
    assert not any("rose to 298" in s.text for s in selected)
    # undated, the day-1 account leads
    undated = summarize([replace(a, published=None) for a in arts], words=40)
    assert "killing 214" in max(undated, key=lambda s: s.score).text
