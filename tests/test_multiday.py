"""End to end: an event covered over days, mixed with unrelated news, through the command line.

`briefing stories --format jsonl` groups it into one story; `briefing generate` writes a brief whose key
figure is the latest toll, as of its day, with the earlier counts behind it. Articles are invented.
"""
from __future__ import annotations

import json

import pytest

from briefing.cli import main

from scenarios import QUAKE

OTHER = [
    ("2031-03-04", "Castrian parliament passes budget",
     "Castria's parliament approved the national budget on Wednesday after a long debate on pensions and "
     "road building. The finance minister said spending on schools would rise by a tenth."),
    ("2031-03-05", "Harbour workers strike in Belsk",
     "Dock workers in the southern port of Belsk walked out on Thursday over pay, halting container traffic. "
     "The union said the strike would last until the port authority reopened talks."),
]


@pytest.fixture()
def feed(tmp_path):
    folder = tmp_path / "feed"
    folder.mkdir()
    for n, (day, title, text) in enumerate(QUAKE + OTHER):
        (folder / f"{n:02d}.md").write_text(
            f'---\ntitle: "{title}"\nsource: "Outlet {n}"\npublished: "{day}"\n---\n\n{text}\n', encoding="utf-8")
    return folder


def run(capsys, *argv) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_stories_prints_one_story_per_event_across_days(feed, capsys):
    lines = [json.loads(line) for line in run(capsys, "stories", str(feed), "--format", "jsonl").splitlines()]
    assert [s["story"] for s in lines] == list(range(1, len(lines) + 1))
    for story in lines:
        assert set(story) >= {"story", "title", "articles", "sources", "first", "last", "score"}
    quake = [s for s in lines if any(p.endswith("00.md") for p in s["articles"])]
    assert len(quake) == 1
    assert sorted(p[-5:] for p in quake[0]["articles"]) == ["00.md", "01.md", "02.md"]
    assert (quake[0]["first"], quake[0]["last"]) == ("2031-03-02", "2031-03-05")
    assert lines[0] is quake[0]  # the event with the most outlets and harm comes first
    assert len(lines) == 3
    assert "\u2026" not in quake[0]["title"] and len(quake[0]["title"].split()) <= 14


def test_figures_each_gives_the_latest_toll_with_its_history(feed, capsys):
    obj = json.loads(run(capsys, "figures", "--each", str(feed), "--format", "jsonl").splitlines()[0])
    killed = obj["totals"]["killed"]
    assert killed["count"] == 415 and killed["as_of"] == "2031-03-05"
    assert [h["count"] for h in killed["history"]] == [12, 140, 415]
    assert all(set(h) >= {"date", "count", "qualifier", "claimant", "source"} for h in killed["history"])
    assert obj["totals"]["injured"]["count"] == 1020
    assert all({"as_of", "place", "rule"} <= set(f) for f in obj["figures"])


def test_the_brief_shows_the_latest_toll_as_of_its_day_and_the_earlier_counts(feed, tmp_path, capsys):
    out = tmp_path / "out"
    run(capsys, "generate", str(feed), "--out", str(out), "--date", "2031-03-06", "--format", "json,md")
    brief = json.loads((out / "brief-2031-03-06.json").read_text())
    top = brief["stories"][0]
    killed = next(t for t in top["totals"] if t["category"] == "killed")
    assert killed["count"] == 415 and killed["as_of"] == "2031-03-05"
    md = (out / "brief-2031-03-06.md").read_text()
    assert "415" in md and "as of 5 March" in md and "140 on 3 March" in md
