"""Day after day: each brief says what changed since the last one (issue 13).

Scenarios replayed through `briefing run` with a real SQLite state file, and through `briefing generate
--since`; articles are invented and written to tmp_path. Formats json/md/html only (no PDF: speed).
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import yaml

from briefing.changes import repeats
from briefing.cli import main

from scenarios import QUAKE

STRIKE = ("2031-03-02", "Harbour workers strike in Belsk",
          "Dock workers in the southern port of Belsk walked out on Sunday over pay, halting container traffic. "
          "The union said the strike would last until the port authority reopened talks with the workers.")
BLAST = [
    ("2031-06-10", "Blast at Korvin fuel depot kills 359",
     "An explosion tore through the fuel depot of Korvin on Tuesday. The death toll from the Korvin depot blast "
     "rose to 359, the interior ministry said. Firefighters fought the blaze through the night."),
    ("2031-06-12", "Korvin depot blast toll revised down",
     "The interior ministry revised the death toll from the Korvin depot blast down to 253 on Thursday, saying some "
     "bodies had been counted twice. Investigators began questioning the depot's managers."),
]


def write(folder: Path, name: str, item: tuple[str, str, str], outlet: str = "Outlet") -> None:
    day, title, text = item
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f'---\ntitle: "{title}"\nsource: "{outlet} {name[:2]}"\npublished: "{day}"\n---\n\n{text}\n',
                               encoding="utf-8")


def config(tmp_path: Path, title: str = "Castria brief", **stories) -> Path:
    data = {"title": title, "sources": [{"path": "feed"}], "output": {"dir": "out", "formats": ["json", "md"]},
            "state": {"path": "state.sqlite3"}}
    if stories:
        data["stories"] = stories
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def run(tmp_path: Path, day: str, *extra: str) -> dict:
    assert main(["-q", "run", "--config", str(tmp_path / "config.yaml"), "--date", day, *extra]) == 0
    return json.loads((tmp_path / "out" / f"brief-{day}.json").read_text(encoding="utf-8"))


def generate(tmp_path: Path, feed: Path, day: str, *extra: str) -> dict:
    assert main(["-q", "generate", str(feed), "--out", str(tmp_path / "out"), "--date", day,
                 "--format", "json,md,html", *extra]) == 0
    return json.loads((tmp_path / "out" / f"brief-{day}.json").read_text(encoding="utf-8"))


def story_of(brief: dict, name: str) -> dict:
    return next(s for s in brief["stories"] if any(a.endswith(name) for a in s["articles"]))


def key_points(brief: dict) -> list[str]:
    return [k["text"] for s in brief["stories"] for k in s["key_points"]]


def test_a_rising_toll_through_run_is_numbered_kept_and_compared(tmp_path):
    config(tmp_path)
    feed = tmp_path / "feed"
    write(feed, "00.md", QUAKE[0])
    write(feed, "01.md", QUAKE[1])
    first = run(tmp_path, "2031-03-04")
    assert first["number"] == 1 and first["changes"] is None
    quake1 = story_of(first, "00.md")
    assert quake1["status"] == "new" and quake1["id"]
    assert all(t["previous"] is None for t in quake1["totals"])

    write(feed, "02.md", QUAKE[2])
    second = run(tmp_path, "2031-03-06")
    assert second["number"] == 2
    assert second["changes"]["previous"] == {"number": 1, "date": "2031-03-04"}
    quake2 = story_of(second, "00.md")
    assert quake2["id"] == quake1["id"] and quake2["status"] == "developing"
    assert second["changes"]["developing"] == [quake1["id"]]
    killed = next(t for t in quake2["totals"] if t["category"] == "killed")
    assert killed["count"] == 415 and killed["previous"]["count"] == 140 and killed["previous"]["date"] == "2031-03-03"
    moved = {f["category"]: f for f in second["changes"]["figures"]}
    assert moved["killed"]["previous_count"] == 140 and moved["killed"]["count"] == 415
    assert moved["killed"]["story"] == quake1["id"]
    # key points: only what is new since the first brief, from the new article
    assert key_points(second) and not any(repeats(k, key_points(first)) for k in key_points(second))
    assert all(k["article"].endswith("02.md") for k in quake2["key_points"])
    md = (tmp_path / "out" / "brief-2031-03-06.md").read_text(encoding="utf-8")
    assert "Since the last brief" in md and "Situation brief No. 2" in md
    assert "up from 140 in brief No. 1 of 4 March" in md


def test_force_on_the_same_day_compares_with_the_brief_before_never_itself(tmp_path):
    config(tmp_path)
    feed = tmp_path / "feed"
    write(feed, "00.md", QUAKE[0])
    write(feed, "01.md", QUAKE[1])
    run(tmp_path, "2031-03-04")
    write(feed, "02.md", QUAKE[2])
    second = run(tmp_path, "2031-03-06")
    again = run(tmp_path, "2031-03-06", "--force")
    assert again["number"] == second["number"] == 2
    assert again["changes"]["previous"] == {"number": 1, "date": "2031-03-04"}
    assert again["changes"]["developing"] == second["changes"]["developing"]


def test_a_new_story_and_an_unchanged_one_listed_in_one_line(tmp_path):
    config(tmp_path)
    feed = tmp_path / "feed"
    write(feed, "00.md", QUAKE[0])
    write(feed, "01.md", QUAKE[1])
    first = run(tmp_path, "2031-03-04")
    write(feed, "05.md", STRIKE)
    second = run(tmp_path, "2031-03-05")
    strike, quake = story_of(second, "05.md"), story_of(second, "00.md")
    assert strike["status"] == "new" and second["changes"]["new_stories"] == [strike["id"]]
    assert quake["status"] == "unchanged" and quake["id"] == story_of(first, "00.md")["id"]
    assert quake["key_points"] == [] and quake["developments"] == []
    assert second["changes"]["unchanged"] == [quake["id"]]
    md = (tmp_path / "out" / "brief-2031-03-05.md").read_text(encoding="utf-8")
    assert "## No new reports" in md and "- New: Harbour workers strike in Belsk" in md


def test_a_story_gone_quiet_leaves_the_brief_and_does_not_come_back_as_new(tmp_path):
    config(tmp_path, quiet_days=2)
    feed = tmp_path / "feed"
    write(feed, "05.md", STRIKE)
    write(feed, "00.md", QUAKE[0])
    run(tmp_path, "2031-03-02")
    write(feed, "01.md", QUAKE[1])
    day2 = run(tmp_path, "2031-03-03")
    assert story_of(day2, "05.md")["status"] == "unchanged"
    write(feed, "02.md", QUAKE[2])
    day3 = run(tmp_path, "2031-03-04")
    assert not any(a.endswith("05.md") for s in day3["stories"] for a in s["articles"])
    assert day3["changes"]["quiet"] == ["Harbour workers strike in Belsk"]
    assert [s["title"] for s in day3["quiet_stories"]] == ["Harbour workers strike in Belsk"]
    day4 = run(tmp_path, "2031-03-05")
    assert not any(a.endswith("05.md") for s in day4["stories"] for a in s["articles"])
    assert day4["changes"]["new_stories"] == [] and day4["changes"]["quiet"] == []


def test_a_revised_down_toll_through_generate_since(tmp_path):
    feed = tmp_path / "feed"
    write(feed, "00.md", BLAST[0])
    first = generate(tmp_path, feed, "2031-06-11")
    assert first["number"] is None and first["changes"] is None
    write(feed, "01.md", BLAST[1])
    second = generate(tmp_path, feed, "2031-06-13", "--since", str(tmp_path / "out" / "brief-2031-06-11.json"))
    assert second["changes"]["previous"]["date"] == "2031-06-11"
    blast = story_of(second, "00.md")
    assert blast["status"] == "developing" and blast["id"] == story_of(first, "00.md")["id"]
    killed = next(t for t in blast["totals"] if t["category"] == "killed")
    assert (killed["count"], killed["previous"]["count"]) == (253, 359)
    md = (tmp_path / "out" / "brief-2031-06-13.md").read_text(encoding="utf-8")
    assert "revised down from 359" in md
    html = (tmp_path / "out" / "brief-2031-06-13.html").read_text(encoding="utf-8")
    assert "Since the last brief" in html and "revised down from 359" in html


def test_the_trend_chart_is_drawn_with_three_dated_points(tmp_path):
    feed = tmp_path / "feed"
    for n, item in enumerate(QUAKE):
        write(feed, f"0{n}.md", item)
    generate(tmp_path, feed, "2031-03-06")
    html = (tmp_path / "out" / "brief-2031-03-06.html").read_text(encoding="utf-8")
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="trend"') == 1 and "415 killed" in html
    assert "http" not in html.split("<svg", 1)[1].split("</svg>")[0].replace("http://www.w3.org/2000/svg", "")


@pytest.mark.parametrize("content, says", [
    (None, "no such file"),
    ("{not json", "not the JSON of a brief"),
    ('{"input": "x.txt", "summary": "..."}', "not the JSON of a brief"),
])
def test_since_a_missing_corrupt_or_foreign_file_is_one_line_and_exit_2(tmp_path, capsys, content, says):
    feed = tmp_path / "feed"
    write(feed, "00.md", QUAKE[0])
    since = tmp_path / "previous.json"
    if content is not None:
        since.write_text(content, encoding="utf-8")
    assert main(["generate", str(feed), "--out", str(tmp_path / "out"), "--format", "json", "--since", str(since)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and says in err and str(since) in err and "Traceback" not in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_since_a_brief_of_another_configuration_is_refused(tmp_path, capsys):
    feed = tmp_path / "feed"
    write(feed, "00.md", QUAKE[0])
    other = tmp_path / "other.yaml"
    other.write_text(yaml.safe_dump({"title": "Korvin brief"}), encoding="utf-8")
    assert main(["-q", "generate", str(feed), "--config", str(other), "--out", str(tmp_path / "a"), "--date",
                 "2031-03-03", "--format", "json"]) == 0
    assert main(["generate", str(feed), "--out", str(tmp_path / "b"), "--format", "json",
                 "--since", str(tmp_path / "a" / "brief-2031-03-03.json")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "another configuration ('Korvin brief')" in err


def test_run_with_a_state_holding_another_configuration_is_a_first_brief_with_a_warning(tmp_path, capsys):
    config(tmp_path, title="Korvin brief")
    feed = tmp_path / "feed"
    write(feed, "00.md", QUAKE[0])
    run(tmp_path, "2031-03-02")
    config(tmp_path, title="Castria brief")
    write(feed, "01.md", QUAKE[1])
    capsys.readouterr()
    assert main(["run", "--config", str(tmp_path / "config.yaml"), "--date", "2031-03-03"]) == 0
    brief = json.loads((tmp_path / "out" / "brief-2031-03-03.json").read_text(encoding="utf-8"))
    assert brief["number"] == 1 and brief["changes"] is None
    err = capsys.readouterr().err
    assert "another configuration ('Korvin brief')" in err and "Traceback" not in err


def test_run_with_a_corrupt_record_of_the_previous_brief_warns_and_lays_out_a_first_brief(tmp_path, capsys):
    config(tmp_path)
    feed = tmp_path / "feed"
    write(feed, "00.md", QUAKE[0])
    run(tmp_path, "2031-03-02")
    with sqlite3.connect(tmp_path / "state.sqlite3") as db:
        db.execute("UPDATE memories SET memory = '{\"stories\": 7'")
    write(feed, "01.md", QUAKE[1])
    capsys.readouterr()
    assert main(["run", "--config", str(tmp_path / "config.yaml"), "--date", "2031-03-03"]) == 0
    brief = json.loads((tmp_path / "out" / "brief-2031-03-03.json").read_text(encoding="utf-8"))
    assert brief["changes"] is None and brief["number"] == 2
    err = capsys.readouterr().err
    assert "cannot be read" in err and "first brief" in err and "Traceback" not in err


def test_run_with_a_corrupt_state_file_is_one_line_and_exit_2(tmp_path, capsys):
    config(tmp_path)
    write(tmp_path / "feed", "00.md", QUAKE[0])
    (tmp_path / "state.sqlite3").write_bytes(b"this is not a database" * 100)
    assert main(["run", "--config", str(tmp_path / "config.yaml"), "--date", "2031-03-02"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "state" in err and "Traceback" not in err


def test_repeats_recognises_the_same_thing_unless_a_figure_changed():
    had = ["The death toll from the Velmora earthquake rose to 140, the civil protection agency said on Monday."]
    assert repeats("The death toll from the Velmora earthquake rose to 140, the agency said on Monday.", had)
    assert not repeats("The death toll from the Velmora earthquake rose to 415, the civil protection agency said.", had)
    assert not repeats("Aid convoys reached the mountain town of Drast on Wednesday.", had)
