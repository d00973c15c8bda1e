"""Day after day: how much of the second brief is new to a reader of the first.

    python bench/changes.py [--data PATH] [--events a,b] [--runs 2|3] [--show]

PATH defaults to ../shared/data. Each event of events/articles/<event>/ is mixed with the distractors of
events/articles/_other/ and replayed through `briefing run` (a temporary configuration, output folder and
SQLite state file; formats json):

- run 1 reads the event's articles dated up to the middle date (halfway between its first and last
  article) and every distractor, dated the day after its newest event article;
- run 2 reads all of them, dated the day after the newest event article;
- with `--runs 3`, a run in between at the three-quarter date (the trend chart needs three dated points).

Measured on the last brief's JSON, over the key points of every story:
- **repeated**: share of key points that repeat a key point of the previous brief (the same sentence, or
  one saying the same thing: 80% of its words in the other and the same numbers);
- **new**: share of key points taken from an article the last run added;
- **previous**: share of events whose last brief's `changes.previous` names the brief before it;
- **chart**: events whose last brief shows a trend chart (an inline <svg> in the HTML; 3 runs only).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DAY = re.compile(r"(\d{4}-\d{2}-\d{2})\.md$")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace(",", ""))


def same_thing(a: str, b: str) -> bool:
    """The same sentence, or 80% of the shorter one's words in the other and the same numbers."""
    wa, wb = _words(a), _words(b)
    if wa == wb:
        return True
    if not wa or not wb:
        return False
    na, nb = {w for w in wa if w.isdigit()}, {w for w in wb if w.isdigit()}
    if na != nb:
        return False
    sa, sb = set(wa), set(wb)
    return len(sa & sb) / min(len(sa), len(sb)) >= 0.8


def run_brief(config: Path, day: date, out: Path, html: bool = False) -> dict:
    from briefing.cli import main

    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["-q", "run", "--config", str(config), "--date", day.isoformat()])
    if code != 0:
        raise SystemExit(f"briefing run exited {code}: {err.getvalue().strip()}")
    return json.loads((out / f"brief-{day.isoformat()}.json").read_text(encoding="utf-8"))


def replay(event_dir: Path, other_dir: Path, runs: int, show: bool) -> dict:
    files = sorted(event_dir.glob("*.md"), key=lambda p: DAY.search(p.name).group(1))
    days = [date.fromisoformat(DAY.search(p.name).group(1)) for p in files]
    first, last = days[0], days[-1]
    cuts = [first + (last - first) * k // (2 if runs == 2 else 4) for k in ((1,) if runs == 2 else (2, 3))] + [last]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        feed = tmp / "feed"
        feed.mkdir()
        for p in other_dir.glob("*.md"):
            shutil.copyfile(p, feed / f"other-{p.name}")
        config = tmp / "config.yaml"
        formats = '["json", "html"]' if runs > 2 else '["json"]'
        config.write_text(f'title: "Replay {event_dir.name}"\nsources: [{{path: feed}}]\n'
                          f'output: {{dir: out, formats: {formats}}}\nstate: {{path: state.sqlite3}}\n', encoding="utf-8")
        briefs, added = [], set()
        for cut in cuts:
            batch = [p for p, d in zip(files, days) if d <= cut and not (feed / p.name).exists()]
            for p in batch:
                shutil.copyfile(p, feed / p.name)
            newest = max(d for d in days if d <= cut)
            briefs.append(run_brief(config, newest + timedelta(days=1), tmp / "out"))
            added = {str(feed / p.name) for p in batch}
        before, after = briefs[-2], briefs[-1]
        had = [k["text"] for s in before["stories"] for k in s["key_points"]]
        points = [k for s in after["stories"] for k in s["key_points"]]
        repeated = [k for k in points if any(same_thing(k["text"], h) for h in had)]
        new = [k for k in points if k["article"] in added]
        mine = {str(feed / p.name) for p in files}
        event_points = [k for s in after["stories"] if set(s["articles"]) & mine for k in s["key_points"]]
        event_repeated = [k for k in event_points if k in repeated]
        event_new = [k for k in event_points if k in new]
        previous = (after.get("changes") or {}).get("previous") or {}
        named = previous.get("date") == before["date"]
        chart = False
        if runs > 2:
            html = (tmp / "out" / f"brief-{after['date']}.html").read_text(encoding="utf-8")
            chart = "<svg" in html
        if show:
            print(f"\n== {event_dir.name}: {len(points)} key points, {len(repeated)} repeated, {len(new)} new")
            for k in points:
                mark = "R" if k in repeated else "N" if k in new else " "
                print(f"  {mark} {k['text'][:150]}")
        return {"points": len(points), "repeated": len(repeated), "new": len(new), "named": named, "chart": chart,
                "event_points": len(event_points), "event_repeated": len(event_repeated), "event_new": len(event_new)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--events", help="comma-separated event folder names (default: all)")
    parser.add_argument("--runs", type=int, choices=(2, 3), default=2)
    parser.add_argument("--show", action="store_true", help="print each last brief's key points")
    args = parser.parse_args(argv)
    articles = args.data / "events" / "articles"
    events = [p for p in sorted(articles.iterdir()) if p.is_dir() and not p.name.startswith("_")]
    if args.events:
        events = [p for p in events if p.name in args.events.split(",")]
    started = time.perf_counter()
    rows = {e.name: replay(e, articles / "_other", args.runs, args.show) for e in events}
    points = sum(r["points"] for r in rows.values())
    print(f"\n{'':36} {'whole brief':^22} {'event story':^22}")
    print(f"{'event':36} {'points':>6} {'repeated':>8} {'new':>6} {'points':>6} {'repeated':>8} {'new':>6} {'prev':>5}"
          + (" chart" if args.runs > 2 else ""))

    def share(a, b):
        return f"{a / b:.2f}" if b else "-"

    for name, r in rows.items():
        print(f"{name:36} {r['points']:6d} {share(r['repeated'], r['points']):>8} {share(r['new'], r['points']):>6}"
              f" {r['event_points']:6d} {share(r['event_repeated'], r['event_points']):>8} {share(r['event_new'], r['event_points']):>6}"
              f" {'yes' if r['named'] else 'no':>5}" + (f" {'yes' if r['chart'] else 'no':>5}" if args.runs > 2 else ""))
    total = {k: sum(r[k] for r in rows.values()) for k in ("repeated", "new", "event_points", "event_repeated", "event_new")}
    print(f"{'all (micro)':36} {points:6d} {share(total['repeated'], points):>8} {share(total['new'], points):>6}"
          f" {total['event_points']:6d} {share(total['event_repeated'], total['event_points']):>8}"
          f" {share(total['event_new'], total['event_points']):>6}"
          f" {sum(r['named'] for r in rows.values()):3d}/{len(rows)}"
          + (f" {sum(r['chart'] for r in rows.values()):3d}/{len(rows)}" if args.runs > 2 else ""))
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
