"""Every article carries its publication date when anything says it (briefing.sources._finish)."""
from __future__ import annotations

from briefing.sources import ReadOptions, read_inputs

BODY = "A strong earthquake struck the province on Sunday, killing 400 people, officials said.\n\nRescue work went on."


def _read(tmp_path, name, text, **options):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_inputs([str(path)], ReadOptions(**options), warn=lambda message: None)


def test_metadata_date_is_kept(tmp_path):
    text = '---\ntitle: "Quake kills 400"\npublished: "2014-08-05"\nurl: "https://x.example/2014/08/06/quake"\n---\n\n'
    [article] = _read(tmp_path, "a.md", text + BODY)
    assert article.published == "2014-08-05"


def test_date_from_the_url_path(tmp_path):
    text = '---\ntitle: "Quake kills 400"\nurl: "https://x.example/world/2014/08/06/quake-kills-400"\n---\n\n'
    [article] = _read(tmp_path, "a.md", text + BODY)
    assert article.published == "2014-08-06"


def test_date_from_a_dateline(tmp_path):
    [article] = _read(tmp_path, "a.txt", "Quake kills 400\n\nBEIJING, Aug. 6, 2014 (Xinhua) -- " + BODY)
    assert article.published == "2014-08-06"


def test_date_from_a_date_stamp_line(tmp_path):
    [article] = _read(tmp_path, "a.txt", "Quake kills 400\n\nPublished 06 Aug 2014\n\n" + BODY)
    assert article.published == "2014-08-06"


def test_with_the_publication_date_year_less_event_dates_resolve(tmp_path):
    text = "Quake kills 400\n\nAugust 6, 2014\n\nThe quake struck on Aug. 3, killing 400 people.\n\nRescue work went on."
    [article] = _read(tmp_path, "a.txt", text)
    assert article.published == "2014-08-06"
    assert article.event_date == "2014-08-03"


def test_no_date_anywhere_stays_unknown(tmp_path):
    [article] = _read(tmp_path, "a.txt", "Quake kills 400\n\n" + BODY)
    assert article.published is None


def test_since_sees_the_filled_date(tmp_path):
    text = '---\ntitle: "Quake kills 400"\nurl: "https://x.example/2014/08/06/quake"\n---\n\n' + BODY
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    quiet = lambda message: None  # noqa: E731
    assert read_inputs([str(tmp_path)], ReadOptions(since="2014-08-01"), warn=quiet)
    import pytest

    from briefing.errors import SourceError

    with pytest.raises(SourceError):
        read_inputs([str(tmp_path)], ReadOptions(since="2014-09-01"), warn=quiet)
