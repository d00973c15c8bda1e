"""Issue 16, reading: hostile front matter, invisible text controls and file names that are not UTF-8.

Every case is a real file in tmp_path read through the public functions or the CLI.
"""
from __future__ import annotations

import json
import logging
import os
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.sources import ReadOptions, read_inputs
from briefing.text.controls import one_line, safe_name, strip_controls

BODY = (
    "Heavy flooding killed 12 people and injured 30 others in the northern province on Sunday, officials said. "
    "Rescue teams were searching for the missing in several villages along the river.\n\n"
    "The provincial governor said more than 2,000 families had been moved to shelters and that schools would "
    "stay closed until the water receded.\n"
)


def read(path: Path, **options) -> tuple[list, list[str]]:
    warnings: list[str] = []
    return read_inputs([os.fsdecode(path)], ReadOptions(**options), warnings.append), warnings


def ingest(capsys, *paths) -> list[dict]:
    assert main(["ingest", *map(os.fsdecode, paths), "--format", "jsonl"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def billion_laughs(levels: int = 9) -> str:
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghijk"[: levels - 1]:
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    lines += [f"title: *{previous}", f"source: *{previous}", "---", ""]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------- front matter


def test_yaml_bomb_in_front_matter_is_one_warning_in_under_a_second(tmp_path, capsys, caplog):
    bomb = billion_laughs()
    path = tmp_path / "bomb.md"
    path.write_text(bomb + "\n" + BODY, encoding="utf-8")
    assert len(bomb) < 700  # a few hundred bytes that expand to 9^9 strings
    started = time.perf_counter()
    with caplog.at_level(logging.WARNING, logger="briefing"):
        [article] = ingest(capsys, path)
    assert time.perf_counter() - started < 1.0
    assert article["text"].startswith("Heavy flooding killed 12 people")  # the body is read
    assert "lol" not in article["title"] + article["source"] + article["text"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "front matter ignored" in warnings[0] and "bomb.md" in warnings[0]


def test_front_matter_anchor_alone_is_refused_but_the_article_is_read(tmp_path, caplog):
    path = tmp_path / "anchor.md"
    path.write_text("---\ntitle: &t Floods in the north\nsource: *t\n---\n\n" + BODY, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="briefing"):
        [article], _ = read(path)
    assert article.source == "" and "Floods in the north" not in article.text
    assert article.text.startswith("Heavy flooding")
    assert sum("front matter ignored" in r.getMessage() for r in caplog.records) == 1


def test_impossible_published_date_drops_the_value_not_the_article(tmp_path, caplog):
    path = tmp_path / "baddate.md"
    path.write_text("---\ntitle: Floods kill 12 in the north\npublished: 2020-02-30\nsource: Daily Courier\n---\n\n"
                    + BODY, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="briefing"):
        [article], skipped = read(path)
    assert not skipped
    assert (article.title, article.source, article.published) == ("Floods kill 12 in the north", "Daily Courier", None)
    assert [r.getMessage() for r in caplog.records if "2020-02-30" in r.getMessage()]


def test_invalid_front_matter_never_becomes_the_headline(tmp_path, capsys):
    path = tmp_path / "invalid.md"
    path.write_text('---\ntitle: [unclosed\nsource: "Daily\n---\n\n' + BODY, encoding="utf-8")
    [article] = ingest(capsys, path)
    assert "unclosed" not in article["title"] and "unclosed" not in article["text"]
    assert article["title"].startswith("Heavy flooding killed 12")
    assert article["text"].startswith("Heavy flooding")


def test_front_matter_takes_small_plain_values_only(tmp_path, caplog):
    path = tmp_path / "values.md"
    path.write_text("---\ntitle: {nested: mapping}\nsource: Daily Courier\nauthor: [Ann Lee, Bo Chen]\n"
                    "url: " + "https://example.org/" + "x" * 5000 + "\nlayout: post\ntags: [a, b]\n---\n\n" + BODY,
                    encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="briefing"):
        [article], _ = read(path)
    assert article.source == "Daily Courier" and article.author == "Ann Lee, Bo Chen"
    assert article.url is None and "nested" not in article.title
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(messages) == 1 and "title" in messages[0] and "url" in messages[0]
    assert "layout" not in messages[0] and "tags" not in messages[0]  # unknown keys are not a problem


def test_front_matter_date_known_to_the_month_is_kept_to_the_month(tmp_path):
    path = tmp_path / "month.md"
    path.write_text("---\ntitle: Floods kill 12 in the north\npublished: June 2015\n---\n\n" + BODY, encoding="utf-8")
    [article], _ = read(path)
    assert article.published == "2015-06"


# --------------------------------------------------------------------------------------- text controls

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_bidi_overrides_and_zero_width_characters_are_removed_at_reading(tmp_path, capsys):
    path = tmp_path / "bidi.txt"
    path.write_text(
        "Floods kill \u202e21\u202c in the north\n\n"
        "Heavy flooding killed \u202e21\u202c people\u200b and injured 30\u2066 others\u2069 on Sunday, "
        "officials said.\u00ad Rescue teams in \u0645\u06cc\u200c\u0634\u0648\u062f were searching.\u2060\n\n"
        "Source: Daily\u202e Courier\u200f\n",
        encoding="utf-8",
    )
    [article] = ingest(capsys, path)
    shown = article["title"] + article["text"] + article["source"] + "".join(article.get("outlets", []))
    assert not [ch for ch in shown if unicodedata.category(ch) in ("Cf", "Cc") and ch not in "\n\u200c"]
    assert article["title"] == "Floods kill 21 in the north"
    assert "killed 21 people and injured 30 others on Sunday" in article["text"]
    assert "\u0645\u06cc\u200c\u0634\u0648\u062f" in article["text"]  # the Persian non-joiner stays
    assert article["source"] == "Daily Courier"


def test_controls_in_html_title_and_site_name_are_removed(tmp_path):
    path = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    path.write_text(
        "<!DOCTYPE html><html><head><title>Floods \u202ekill\u202c 12</title>"
        "<meta property=\"og:site_name\" content=\"Daily\u2067 Courier\u2069\"></head>"
        f"<body><article><h1>Floods \u202ekill\u202c 12</h1>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    [article], _ = read(path)
    for value in (article.title, article.source, article.text):
        assert not set(value) & set(BIDI)
    assert article.title == "Floods kill 12"


def test_strip_controls_matches_the_unicode_tables():
    keep = set("\t\n\u200c\u200d")
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        removed = unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") and ch not in keep
        assert (strip_controls("\u0645" + ch + "\u0645") == "\u0645\u0645") == removed, hex(code)
    assert strip_controls("a\u200db") == "ab"  # a joiner next to ASCII is a stray one
    assert one_line(" Daily\n\u202eCourier\t ") == "Daily Courier"


# ----------------------------------------------------------------------------------- non-UTF-8 names


def _bad_name(folder: Path, name: bytes, text: str) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), name)))
    try:
        path.write_text(text, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses file names that are not UTF-8")
    return path


def test_file_name_that_is_not_utf8_is_escaped_in_every_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "storm.txt").write_text(
        "Storm kills 4 on the coast\n\nA storm killed four people on the coast on Sunday, police said. "
        "Power lines were down across the region and roads were closed.\n", encoding="utf-8")
    _bad_name(sources, b"caf\xe9-floods.txt", "Floods kill 12 in northern province\n\n" + BODY)
    _bad_name(sources, b"empty-\xff.txt", " ")  # skipped with a warning that names it
    out = tmp_path / "out"
    code = main(["generate", str(sources), "--out", str(out), "--date", "2020-10-12", "--format", "pdf,html,json,md"])
    assert code == 0
    written = {p.suffix: p for p in out.iterdir()}
    assert set(written) == {".pdf", ".html", ".json", ".md"}
    brief = json.loads(written[".json"].read_text(encoding="utf-8"))
    dumped = json.dumps(brief, ensure_ascii=False)
    assert "caf\\\\xe9-floods.txt" in dumped  # the backslash escape, JSON-encoded
    assert any("empty-\\xff.txt" in w for w in brief["warnings"])
    assert "caf\\xe9-floods.txt" in written[".html"].read_text(encoding="utf-8")
    assert "caf\\\\xe9-floods.txt" in written[".md"].read_text(encoding="utf-8")  # Markdown escapes "\"
    assert written[".pdf"].read_bytes().startswith(b"%PDF")


def test_article_origin_and_input_are_valid_text(tmp_path, capsys):
    folder = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"d\xe9p\xeaches")))
    try:
        folder.mkdir()
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses file names that are not UTF-8")
    _bad_name(folder, b"\xff\xfe.txt", "Floods kill 12 in northern province\n\n" + BODY)
    [article], _ = read(folder)
    for value in (article.origin, article.input, article.title):
        value.encode("utf-8")  # never raises
    assert article.origin.endswith("d\\xe9p\\xeaches/\\xff\\xfe.txt")
    assert article.input.endswith("d\\xe9p\\xeaches")
    [line] = ingest(capsys, folder)
    assert line["input"] == article.input


def test_safe_name_leaves_valid_names_alone():
    assert safe_name("/tmp/caf\u00e9.txt") == "/tmp/caf\u00e9.txt"
    assert safe_name(os.fsdecode(b"/tmp/caf\xe9.txt")) == "/tmp/caf\\xe9.txt"
