"""Quality gate for the casualty figures: today's scores against the pins of tests/eval_baseline.json.

    python tests/eval_gate.py [--data PATH] [--no-data] [--update]

Scores (all higher is better, except `events_false`):
- the hand-written cases of tests/figures_cases.py (bench/figures.py): `gtd_killed`, `gtd_injured`,
  `acled_killed`, `acled_injured` (no data needed);
- the development incidents, PATH/casualties/incidents_dev.csv (bench/figures.py): `dev_killed`, `dev_injured`;
- the events covered over days, PATH/events (bench/events.py, `briefing figures --each`): `events_inside`
  (gold headline figures inside the analyst's range) and `events_false` (false killed/injured headlines).

A score below its pin (above, for `events_false`) fails: exit 1, with the scores that dropped. A score above its
pin is reported; raising the pins is a deliberate commit (`--update` writes today's scores to the file). With
no data at PATH (or with --no-data) only the case scores are checked. Run by .ci/run after the tests.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "eval_baseline.json"
LOWER_IS_BETTER = {"events_false"}
DIGITS = 3


def scores(data: Path | None) -> dict[str, float]:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    import figures as bench_figures

    cases = bench_figures.case_scores()
    out = {k: round(v, DIGITS) for k, v in cases.items() if k.endswith(("_killed", "_injured"))}
    if data is None:
        return out
    dev = bench_figures.dev_scores(data / "casualties" / "incidents_dev.csv")
    out["dev_killed"], out["dev_injured"] = round(dev["killed"], DIGITS), round(dev["injured"], DIGITS)
    import events as bench_events

    with contextlib.redirect_stdout(io.StringIO()):
        name, score, _ = bench_events.figures(data / "events")[0]
    out["events_inside"], out["events_false"] = score["inside"], score["false"]
    return out


def compare(now: dict[str, float], pins: dict[str, float]) -> list[str]:
    """The keys of the scores that are worse than their pins."""
    return [key for key, pin in pins.items() if key in now
            and (now[key] > pin if key in LOWER_IS_BETTER else now[key] < pin)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--no-data", action="store_true", help="check only the scores that need no data")
    parser.add_argument("--update", action="store_true", help="write today's scores as the new pins")
    args = parser.parse_args(argv)
    data = Path(args.data)
    if args.no_data or not (data / "casualties" / "incidents_dev.csv").is_file() or not (data / "events").is_dir():
        if not args.no_data:
            print(f"eval gate: no data at {data}: development scores skipped, case scores only")
        data = None
    now = scores(data)
    pins = json.loads(BASELINE.read_text(encoding="utf-8"))["scores"]
    if args.update:
        if data is None:
            print("eval gate: --update needs the data (every score is pinned)", file=sys.stderr)
            return 2
        BASELINE.write_text(json.dumps({"scores": now}, indent=2) + "\n", encoding="utf-8")
        print(f"eval gate: pins written to {BASELINE.relative_to(ROOT)}")
        return 0
    print("| score | now | pinned |\n|---|---:|---:|")
    for key in pins:
        if key in now:
            print(f"| {key} | {now[key]} | {pins[key]} |")
    dropped = compare(now, pins)
    better = [k for k in pins if k in now and k not in dropped and now[k] != pins[k]]
    if better:
        print(f"eval gate: better than pinned: {', '.join(better)} (raise the pins: python tests/eval_gate.py --update)")
    if dropped:
        print("eval gate: FAILED, scores dropped:\n  " + "\n  ".join(f"{k}: {now[k]} (pinned {pins[k]})" for k in dropped))
        return 1
    print("eval gate: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
