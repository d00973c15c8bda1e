from __future__ import annotations

import io
from datetime import date

import pytest

import briefing.stories as stories
from briefing.models import Selected, Total
from briefing.progress import Progress
from briefing.stories import Signals, build_stories, rank, score, split_key_points, story_signals

from story_feeds import article, feed

TODAY = date(2026, 11, 22)


def signals(**fields) -> Signals:
    values = dict(articles=4, outlets=4, newest=TODAY, harm=0.0)
    values.update(fields)
    return Signals(**values)


def total(category: str, count: int, scope: str = "incident") -> Total:
    return Total(category=category, count=count, low=count, high=count, qualifier=None, scope=scope, period=None, figures=())


# ---------------------------------------------------------------- ranking


def test_more_outlets_rank_higher():
    assert score(signals(outlets=6), TODAY) > score(signals(outlets=2), TODAY)


def test_bigger_stories_rank_higher():
    assert score(signals(articles=12), TODAY) > score(signals(articles=3), TODAY)


def test_recent_stories_rank_higher():
    assert score(signals(newest=TODAY), TODAY) > score(signals(newest=date(2026, 11, 15)), TODAY)


def test_deaths_weigh_more_than_the_same_number_injured():
    killed = story_signals([article("quake", 0)], [0], [total("killed", 10)], TODAY)
    injured = story_signals([article("quake", 0)], [0], [total("injured", 10)], TODAY)
    unharmed = story_signals([article("quake", 0)], [0], [], TODAY)
    assert score(killed, TODAY) > score(injured, TODAY) > score(unharmed, TODAY)


def test_a_running_toll_weighs_less_than_todays_and_harm_is_capped():
    today = story_signals([article("quake", 0)], [0], [total("killed", 50)], TODAY)
    running = story_signals([article("quake", 0)], [0], [total("killed", 50, "cumulative")], TODAY)
    assert score(today, TODAY) > score(running, TODAY)
    huge = story_signals([article("quake", 0)], [0], [total("killed", 2_000_000)], TODAY)
    at_cap = story_signals([article("quake", 0)], [0], [total("killed", int(stories.HARM_CAP))], TODAY)
    assert score(huge, TODAY) == score(at_cap, TODAY)


def test_rank_orders_best_first_and_keeps_order_on_ties():
    given = [signals(outlets=1), signals(outlets=5), signals(outlets=1), signals(outlets=3)]
    assert [i for i, _ in rank(given, TODAY)] == [1, 3, 0, 2]


def test_outlets_are_distinct_names_and_unknown_outlets_count_once_each():
    articles = [
        article("flood", 0, source="Coastal Post"),
        article("flood", 1, source="coastal post "),
        article("flood", 2, source="Wire", outlets=("Wire", "Ledger")),
        article("flood", 3, source=""),
        article("flood", 4, source=""),
    ]
    got = story_signals(articles, range(5), [], TODAY)
    assert got.outlets == 1 + 2 + 2
    assert got.articles == 5


def test_newest_date_ignores_dates_after_today():
    articles = [
        article("flood", 0, published="2026-11-20T08:00:00"),
        article("flood", 1, event_date="2026-11-21"),
        article("flood", 2, published="2027-01-01"),
        article("flood", 3, published="not a date"),
    ]
    assert story_signals(articles, range(4), [], TODAY).newest == date(2026, 11, 21)


# ---------------------------------------------------------------- building


def test_a_feed_of_several_events_becomes_one_story_per_event():
    articles, labels = feed({"flood": 4, "election": 3, "quake": 2, "merger": 2})
    shown, also = build_stories(articles, words=80, key_points=2, top=8, also=5)
    assert len(shown) == 4 and also == []
    for story in shown:
        events = {labels[i] for i in story.articles}
        assert len(events) == 1
        assert story.title in {articles[i].title for i in story.articles}
        assert story.key_points
        cited = {a for s in story.key_points + story.developments for a in s.articles}
        assert cited <= set(story.articles)  # a story quotes only its own articles
    assert sorted(i for s in shown for i in s.articles) == list(range(len(articles)))


def test_stories_are_ranked_and_the_rest_are_also_reported_without_summary():
    articles, _ = feed({"flood": 4, "election": 3, "quake": 2, "merger": 1})
    shown, also = build_stories(articles, words=80, key_points=2, top=2, also=1)
    assert len(shown) == 2 and len(also) == 1
    assert shown[0].score >= shown[1].score >= also[0].score
    assert also[0].title and also[0].articles
    assert also[0].key_points == () and also[0].developments == ()
    assert len(shown[0].articles) == 4  # most outlets and articles


def test_a_handful_of_articles_about_one_event_stays_one_story():
    articles = [article("quake", v) for v in range(3)]
    shown, also = build_stories(articles, words=80, key_points=3, top=8, also=15)
    assert len(shown) == 1 and also == []
    assert shown[0].articles == (0, 1, 2)


def test_empty_feed_has_no_stories():
    assert build_stories([]) == ([], [])


def test_two_processes_give_the_same_stories_as_one(monkeypatch):
    articles, _ = feed({"flood": 3, "election": 3, "quake": 2})
    one = build_stories(articles, words=60, key_points=2, top=3, also=0)
    monkeypatch.setattr(stories, "PARALLEL_MIN_CHARS", 0)
    two = build_stories(articles, words=60, key_points=2, top=3, also=0)
    assert one == two


def test_split_key_points_keeps_reading_order():
    sel = [Selected(text=str(i), article=0, position=i, score=s) for i, s in enumerate([0.1, 0.9, 0.5, 0.7])]
    keys, rest = split_key_points(sel, 2)
    assert [s.position for s in keys] == [1, 3]
    assert [s.position for s in rest] == [0, 2]


def test_a_superseded_count_is_no_key_point_and_the_newest_state_leads():
    texts = ["The toll stood at 207 on the first night.", "Rescuers searched the rubble of three churches.",
             "Officials revised the toll down to 253.", "The army imposed a curfew across the island."]
    sel = [Selected(text=t, article=i, position=0, score=s) for i, (t, s) in enumerate(zip(texts, [0.9, 0.5, 0.8, 0.7]))]
    days = [date(2031, 4, 22), date(2031, 4, 22), date(2031, 4, 25), date(2031, 4, 24)]
    keys, rest = split_key_points(sel, 3, superseded=[True, False, False, False], days=days)
    assert [s.text for s in keys] == [texts[2], texts[3], texts[1]]  # newest first, the 207 left out
    assert [s.text for s in rest] == [texts[0]]
    # one day only: reading order as before
    keys, _ = split_key_points(sel, 3, days=[date(2031, 4, 22)] * 4)
    assert [s.text for s in keys] == [texts[0], texts[2], texts[3]]


# ---------------------------------------------------------------- progress


def test_progress_is_silent_when_not_on_a_terminal():
    out = io.StringIO()
    with Progress("Work", 3, out) as bar:
        for _ in range(3):
            bar.advance()
    assert out.getvalue() == ""


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("total", [1, 4])
def test_progress_draws_a_bar_on_a_terminal(total):
    out = Terminal()
    with Progress("Work", total, out) as bar:
        for _ in range(total):
            bar.advance()
    assert f"{total}/{total}" in out.getvalue() and out.getvalue().endswith("\n")


def test_incident_totals_only_for_categories_headed_by_a_running_toll():
    from briefing.models import Figure

    def fig(category, count, scope, article=0):
        return Figure(category, count, count, None, None, "people", None, scope, article, "s")

    figures = [fig("killed", 41, "cumulative"), fig("killed", 9, "incident"), fig("killed", 9, "incident", 1),
               fig("injured", 34, "incident")]
    totals = [Total("killed", 41, 41, None, None, "cumulative", None, (figures[0],)),
              Total("injured", 34, 34, None, None, "incident", None, (figures[3],))]
    incident = stories.incident_totals(figures, totals)
    assert [(t.category, t.count, t.scope) for t in incident] == [("killed", 9, "incident")]


def test_recency_counts_from_the_newest_report_when_the_feed_is_older_than_the_brief():
    old = signals(newest=date(2020, 10, 11))
    undated = signals(newest=None)
    assert stories.recency_reference([old, undated], TODAY) == date(2020, 10, 11)
    assert stories.recency_reference([undated], TODAY) == TODAY
    ref = stories.recency_reference([old, undated], TODAY)
    assert score(old, ref) > score(undated, ref)  # a dated story is not buried under undated ones


def test_a_sentence_opening_with_a_pronoun_is_a_key_point_only_when_nothing_else_is_left():
    texts = ["He said the levees held.", "Floods hit Valdoria.", "Rescue teams arrived.", "Schools closed."]
    sel = [Selected(text=t, article=0, position=i, score=s) for i, (t, s) in enumerate(zip(texts, [0.9, 0.1, 0.5, 0.7]))]
    keys, rest = split_key_points(sel, 2)
    assert [s.position for s in keys] == [2, 3] and [s.position for s in rest] == [0, 1]
    keys, _ = split_key_points(sel, 4)
    assert len(keys) == 4
