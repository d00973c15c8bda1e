#!/usr/bin/env python3
"""Render the seeds brief's first page to docs/brief.png, and a second-day brief's to docs/brief-day2.png
(the pictures in the README).

    python scripts/snapshot.py [--out docs/brief.png] [--date 2026-11-22] [--day2 docs/brief-day2.png]

Runs `briefing generate seeds` through the command line (as a user would), then `pdftoppm -png -r 80`
(poppler-utils) on page 1. The date is fixed so that the picture only changes when the layout does.
Page 1 holds the story's locator map (Ganja starred, Vardenis marked, Azerbaijan and Armenia outlined), so
docs/brief.png shows it: check that it does after changing briefing/map.py or the templates.
The second-day brief is made from an invented scenario (DAY1, DAY2 below: no real articles) by two
scheduled runs (`briefing run`, a temporary configuration and state file): DAY1's articles, then DAY2's added.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# An invented crisis over three days (published, outlet, title, text): nothing here was reported anywhere.
DAY1 = [
    ("2031-03-02", "Castria Times", "Quake kills dozens in Velmora province",
     "A strong earthquake struck Velmora province in the north of Castria on Sunday, toppling homes in the mountain "
     "town of Drast. At least 12 people were killed and 40 injured, the Castrian civil protection agency said. "
     "Rescue teams from the capital Ostrava were sent to Drast overnight."),
    ("2031-03-03", "Ostrava Wire", "Velmora earthquake toll rises to 140",
     "The death toll from the Velmora earthquake in northern Castria rose to 140, the civil protection agency said "
     "on Monday. Rescuers in Drast searched collapsed houses as aftershocks shook the province. Some 300 people "
     "were injured, and the agency said thousands had spent the night outdoors."),
    ("2031-03-03", "Belsk Daily", "Harbour workers strike in Belsk",
     "Dock workers in the southern port of Belsk walked out on Monday over pay, halting container traffic. "
     "The union said the strike would last until the port authority reopened talks with the workers."),
]
DAY2 = [
    ("2031-03-05", "Castria Times", "Castria quake death toll passes 400 as aid reaches Drast",
     "The death toll from the Velmora earthquake has climbed to 415, Castria's civil protection agency said on "
     "Wednesday, as the first aid convoys reached the mountain town of Drast. The agency said 1,020 people were "
     "injured and 15,000 had been evacuated from villages around Drast in Velmora province. Engineers warned that "
     "the road over the Kesh pass would stay closed for a week after a landslide."),
    ("2031-03-05", "Ostrava Wire", "Ferry capsizes off Merra island",
     "A passenger ferry capsized in rough seas off Merra island on Wednesday, the Castrian coast guard said. "
     "Nine people were missing and 31 were rescued, a coast guard spokesman said, as the search went on into the night."),
]


def write_articles(folder: Path, articles, start: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, (day, outlet, title, text) in enumerate(articles, start=start):
        (folder / f"{n:02d}.md").write_text(
            f'---\ntitle: "{title}"\nsource: "{outlet}"\npublished: "{day}"\n---\n\n{text}\n', encoding="utf-8")


def day2_snapshot(out: Path, png: Path, resolution: int) -> int:
    """The second brief of the invented scenario, compared with the first, page 1 as PNG."""
    feed, briefs = out / "feed", out / "day2"
    config = out / "config.yaml"
    config.write_text('title: "Situation brief — Castria"\nsources: [{path: feed}]\n'
                      'output: {dir: day2, formats: [pdf]}\nstate: {path: state.sqlite3}\n', encoding="utf-8")
    for day, articles in (("2031-03-04", DAY1), ("2031-03-06", DAY2)):
        write_articles(feed, articles, 0 if articles is DAY1 else len(DAY1))
        command = [sys.executable, "-m", "briefing", "run", "--config", str(config), "--date", day]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        if result.returncode != 0:
            print(f"snapshot: briefing run failed: {result.stderr.strip()}", file=sys.stderr)
            return result.returncode
    subprocess.run(["pdftoppm", "-png", "-r", str(resolution), "-f", "1", "-l", "1", "-singlefile",
                    str(briefs / "brief-2031-03-06.pdf"), str(out / "day2")], check=True)
    png.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(out / "day2.png", png)
    print(png)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "brief.png", help="PNG to write")
    parser.add_argument("--date", default="2026-11-22", help="date of the brief (YYYY-MM-DD)")
    parser.add_argument("--resolution", type=int, default=80, help="pixels per inch")
    parser.add_argument("--day2", type=Path, default=ROOT / "docs" / "brief-day2.png",
                        help="PNG of the second-day brief of the invented scenario")
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("snapshot: pdftoppm not found; install poppler-utils (apt-get install poppler-utils)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        generate = [sys.executable, "-m", "briefing", "generate", str(ROOT / "seeds"), "--out", str(out),
                    "--date", args.date, "--format", "pdf"]
        result = subprocess.run(generate, cwd=ROOT, capture_output=True, text=True)
        if result.returncode != 0:
            print(f"snapshot: briefing generate failed: {result.stderr.strip()}", file=sys.stderr)
            return result.returncode
        pdf = out / f"brief-{args.date}.pdf"
        png = out / "page"
        subprocess.run(["pdftoppm", "-png", "-r", str(args.resolution), "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(png)], check=True)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png.with_suffix(".png"), args.out)
        print(args.out)
        return day2_snapshot(out, args.day2, args.resolution)


if __name__ == "__main__":
    sys.exit(main())
