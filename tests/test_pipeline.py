from datetime import date

from briefing.models import Article
from briefing.pipeline import coverage_period


def article(published=None, event_date=None):
    return Article(text="t", title="t", source="s", origin="o", published=published, event_date=event_date)


def test_period_runs_from_the_oldest_to_the_newest_report():
    arts = [article(published="2026-11-20T08:00:00+00:00"), article(event_date="2026-11-18"), article(published="2026-11-21")]
    assert coverage_period(arts, date(2026, 11, 22)) == ("2026-11-18", "2026-11-21")


def test_a_publication_date_wins_over_a_date_the_text_mentions():
    assert coverage_period([article(published="2026-11-21", event_date="2001-09-11")]) == ("2026-11-21", "2026-11-21")


def test_background_dates_and_future_dates_do_not_stretch_the_period():
    arts = [article(event_date="1920-10-27"), article(event_date="2020-10-11"), article(event_date="2020-10-12"),
            article(published="2030-01-01")]
    assert coverage_period(arts, date(2026, 11, 22)) == ("2020-10-11", "2020-10-12")


def test_no_dates_no_period():
    assert coverage_period([article()]) == (None, None)
