"""Long-input benchmark: one article just under the 10 MB reading cap, through every command.

    python bench/long_input.py [--mb 9.9] [--kinds oneline,words,prose,long] [--commands generate,figures,summarize,ingest]
                               [--timeout 600] [--keep DIR]

Each article is generated (random words from a small news vocabulary, casualty phrases and numbers mixed
in, fixed seed), never copied from real articles:
  * oneline  -- one line with no sentence breaks: clauses separated by commas, no final period anywhere;
  * words    -- one line of words and numbers only: no punctuation at all;
  * prose    -- ordinary prose: sentences of 8-40 words, paragraphs of 2-8 sentences, blank lines between;
  * long     -- prose whose sentences run to 2,000-20,000 words (commas, semicolons, dashes, no period).
Every command runs in its own process (`briefing generate FILE --format pdf,json,md`, `figures FILE
--format json`, `summarize FILE`, `ingest FILE`), with its wall time, its peak resident set (largest of
the process and its children, from `getrusage(RUSAGE_CHILDREN)` in a wrapper that runs nothing else) and,
for `generate`, the size of the JSON brief. A command still running after --timeout is stopped and shown
as such. The machine is shared: take the best of a few runs when comparing.
"""
from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATE = "2026-11-22"
_WRAPPER = (
    "import resource, subprocess, sys; rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(rc)"
)

_WORDS = (
    "the a of in on at to and with from by for after before during near officials said police residents "
    "government forces army troops village town city district province region border capital market "
    "hospital school road bridge camp shelter aid convoy water food fuel power night morning evening week "
    "attack strike shelling fighting clashes explosion fire flood storm earthquake landslide rain wind "
    "people civilians soldiers children women men families workers rescuers witnesses reporters "
    "reported confirmed denied announced warned called urged blamed accused killed injured wounded "
    "missing displaced evacuated arrested rescued damaged destroyed closed opened Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday ministry spokesman statement agency local state federal national "
    "United Nations Red Cross Reuters Karabakh Stepanakert Baku Yerevan Kyiv Gaza Khartoum"
).split()
_FIGURES = (
    "at least {n} people were killed",
    "{n} civilians were injured",
    "the death toll rose to {n}",
    "{n} wounded",
    "killing {n} and injuring {m}",
    "{n} dead",
    "about {n} houses were damaged",
)
_JOINS = (", ", ", ", ", ", "; ", " -- ", " and ", ", while ")


def _clause(rng: random.Random, words: int) -> str:
    parts = [rng.choice(_WORDS) for _ in range(words)]
    if rng.random() < 0.3:
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(_FIGURES).format(n=rng.randint(2, 400), m=rng.randint(2, 900)))
    return " ".join(parts)


def _sentence(rng: random.Random, words: int) -> str:
    s = _clause(rng, words)
    return s[0].upper() + s[1:] + rng.choice(".....?!")


def make_text(kind: str, size: int, seed: int = 5) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    n = 0
    if kind == "oneline":
        while n < size:
            piece = _clause(rng, rng.randint(4, 30)) + rng.choice(_JOINS)
            out.append(piece)
            n += len(piece)
        return "".join(out)[:size].rstrip(" ,;-") + "\n"
    if kind == "words":
        while n < size:
            piece = rng.choice(_WORDS) if rng.random() < 0.95 else str(rng.randint(1, 5000))
            out.append(piece)
            n += len(piece) + 1
        return " ".join(out)[:size].rstrip() + "\n"
    if kind == "prose":
        while n < size:
            para = " ".join(_sentence(rng, rng.randint(8, 40)) for _ in range(rng.randint(2, 8)))
            out.append(para)
            n += len(para) + 2
        return "\n\n".join(out)[:size] + "\n"
    if kind == "long":
        while n < size:
            target = rng.randint(2_000, 20_000)
            words: list[str] = []
            count = 0
            while count < target:
                clause = _clause(rng, rng.randint(4, 30))
                words.append(clause + rng.choice(_JOINS))
                count += clause.count(" ") + 1
            sent = "".join(words).rstrip(" ,;-") + "."
            sent = sent[0].upper() + sent[1:]
            out.append(sent)
            n += len(sent) + 2
        return "\n\n".join(out)[:size] + "\n"
    raise ValueError(f"unknown kind {kind!r}")


def run(cmd: list[str], timeout: float) -> tuple[float, int | None, int | None]:
    """(wall seconds, peak RSS in MB or None, exit code or None when stopped after `timeout`)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _WRAPPER, *cmd], stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        import os
        import signal

        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return time.perf_counter() - start, None, None
    wall = time.perf_counter() - start
    lines = err.strip().splitlines()
    try:
        rss = int(lines[-1]) // 1024
    except (IndexError, ValueError):
        rss = None
    if proc.returncode != 0:
        print("\n".join(lines[-5:-1]), file=sys.stderr)
    return wall, rss, proc.returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=9.9, help="article size in MB (the cap is 10 MB)")
    ap.add_argument("--kinds", default="oneline,words,prose,long")
    ap.add_argument("--commands", default="generate,figures,summarize,ingest")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--keep", type=Path, help="keep the generated articles and briefs in this folder")
    args = ap.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="long-input-"))
    work.mkdir(parents=True, exist_ok=True)
    exe = [sys.executable, "-m", "briefing", "-q"]
    print(f"| article ({args.mb:g} MB) | command | wall (s) | peak RSS (MB) | JSON (KB) |")
    print("|---|---|---:|---:|---:|")
    try:
        for kind in args.kinds.split(","):
            path = work / f"{kind}.txt"
            path.write_text(make_text(kind, int(args.mb * 1_000_000)), encoding="utf-8")
            for command in args.commands.split(","):
                out = work / f"{kind}-brief"
                if command == "generate":
                    cmd = [*exe, "generate", str(path), "--format", "pdf,json,md", "--out", str(out), "--date", DATE]
                elif command == "figures":
                    cmd = [*exe, "figures", str(path), "--format", "json"]
                else:
                    cmd = [*exe, command, str(path)]
                wall, rss, rc = run(cmd, args.timeout)
                json_kb = ""
                if command == "generate":
                    found = sorted(out.glob("*.json")) if out.exists() else []
                    json_kb = f"{found[0].stat().st_size / 1000:,.0f}" if found else "-"
                shown = f"{wall:.1f}" if rc is not None else f"> {args.timeout:.0f} (stopped)"
                if rc not in (None, 0):
                    shown += f" (exit {rc})"
                print(f"| {kind} | {command} | {shown} | {rss if rss is not None else '-'} | {json_kb} |", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
