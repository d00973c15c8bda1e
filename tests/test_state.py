"""The SQLite state of scheduled runs: a real file in tmp_path."""
from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from briefing.models import Article
from briefing.state import State, StateError, article_key, recipients_key

D1, D2, D3 = date(2024, 5, 1), date(2024, 5, 2), date(2024, 5, 3)
LIST = recipients_key(["analyst@example.org"])


def article(text: str, url: str | None = None) -> Article:
    return Article(text=text, title=text[:20], source="Wire", origin="x.txt", url=url)


def mail(state: State, day: date, message_id: str = "<m@example.org>", **kw):
    return state.queue(day, LIST, message_id=message_id, subject=f"Brief {day}", text="text", html="<p>html</p>", **kw)


@pytest.fixture
def state(tmp_path: Path):
    with State(tmp_path / "state.sqlite3") as s:
        yield s


def test_articles_are_new_until_an_earlier_brief_had_them(state):
    a, b = article("Shelling hit the town."), article("Talks resumed.", url="https://example.org/talks")
    assert state.new_articles([a, b], D1) == [0, 1]
    state.record_articles([a], D1)
    assert state.new_articles([a, b], D1) == [0, 1]  # redoing the same day: still new that day
    assert state.new_articles([a, b], D2) == [1]  # the next day: `a` was in an earlier brief
    state.record_articles([a, b], D2)
    assert state.new_articles([a, b], D3) == []


def test_backfilling_an_earlier_day_moves_first_brief_back(state):
    a = article("Shelling hit the town.")
    state.record_articles([a], D3)
    assert state.new_articles([a], D2) == [0]
    state.record_articles([a], D1)
    assert state.new_articles([a], D2) == []


def test_article_key_prefers_url_and_ignores_whitespace_and_case_of_text():
    assert article_key(article("x", url="https://example.org/a")) == "url:https://example.org/a"
    assert article_key(article("Shelling  hit\nthe town.")) == article_key(article("shelling hit the town. "))
    assert article_key(article("Shelling hit the town.")) != article_key(article("Shelling hit the city."))


def test_recipient_list_key_ignores_order_case_and_repeats():
    assert recipients_key(["B@example.org", "a@example.org", "b@example.org"]) == recipients_key(["a@example.org", "b@example.org"])
    assert recipients_key(["a@example.org"]) != recipients_key(["a@example.org", "b@example.org"])


def test_a_failed_delivery_stays_pending_with_the_same_message_and_message_id(state):
    first = mail(state, D1, "<one@example.org>")
    assert mail(state, D1, "<other@example.org>") == first  # queueing again returns the open one
    state.start_sending(first)
    state.finish(first, ok=False, error="cannot reach mail server")
    assert not state.delivered(D1, LIST)

    [again] = state.pending(LIST)
    assert (again.day, again.status, again.message_id, again.subject) == (D1, "queued", "<one@example.org>", f"Brief {D1}")
    assert again.id != first.id  # each attempt is its own row: the history stays
    state.start_sending(again)
    state.finish(again, ok=True)
    assert state.delivered(D1, LIST) and state.pending(LIST) == []
    assert [d.status for d in state.deliveries(D1)] == ["failed", "sent"]


def test_pending_is_oldest_first_and_per_recipient_list(state):
    mail(state, D2)
    mail(state, D1)
    assert [d.day for d in state.pending(LIST)] == [D1, D2]
    assert state.pending(recipients_key(["someone@example.org"])) == []


def test_a_run_that_died_mid_send_leaves_sending_behind(state):
    d = mail(state, D1)
    state.start_sending(d)
    [left] = state.pending(LIST)  # seen by the next run (which holds the lock, so nobody is sending)
    assert (left.id, left.status) == (d.id, "sending")


def test_forced_resend_gets_a_new_message_id_even_after_success(state):
    d = mail(state, D1, "<one@example.org>")
    state.finish(d, ok=True)
    forced = mail(state, D1, "<two@example.org>", force=True)
    assert forced.message_id == "<two@example.org>"
    assert [p.id for p in state.pending(LIST)] == [forced.id]


def test_brief_paths_round_trip(state, tmp_path):
    paths = {"pdf": tmp_path / "brief-2024-05-01.pdf", "md": tmp_path / "brief-2024-05-01.md"}
    assert state.brief_paths(D1) is None
    state.record_brief(D1, paths, articles=3, new=2)
    assert state.brief_paths(D1) == paths


def test_wal_mode_lets_a_reader_look_while_a_run_writes(state):
    assert state.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with state.transaction():
        mail(state, D1)
        reader = sqlite3.connect(state.path, timeout=0.1)
        assert reader.execute("SELECT count(*) FROM deliveries").fetchone()[0] == 0  # not committed yet, not blocked
        reader.close()
    reader = sqlite3.connect(state.path)
    assert reader.execute("SELECT count(*) FROM deliveries").fetchone()[0] == 1
    reader.close()


def test_a_failed_transaction_records_nothing(state, tmp_path):
    with pytest.raises(RuntimeError):
        with state.transaction():
            state.record_brief(D1, {"pdf": tmp_path / "x.pdf"}, articles=1, new=1)
            mail(state, D1)
            raise RuntimeError("render failed")
    assert state.brief_paths(D1) is None and state.deliveries() == []


def test_reopening_keeps_everything(tmp_path):
    path = tmp_path / "deep" / "state.sqlite3"
    with State(path) as s:
        mail(s, D1)
    with State(path) as s:
        assert [d.day for d in s.pending(LIST)] == [D1]


def test_not_a_state_file_is_a_clear_error(tmp_path):
    path = tmp_path / "state.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StateError, match="state.sqlite3"):
        State(path)


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "state.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(StateError, match="newer"):
        State(path)
