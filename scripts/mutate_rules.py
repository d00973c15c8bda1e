"""Do the tests notice a broken rule? Disable each extraction rule in turn, then each named pattern, and run
the figure tests: every mutant should make at least one test fail.

    python scripts/mutate_rules.py [--only rules|patterns] [--jobs N] [--tests FILE ...]

A rule is disabled by taking it out of the table (briefing/figures/rules.py RULES); a pattern by replacing the
compiled expression of that name in briefing/figures/patterns.py with one that never matches (a list of
patterns, such as ZERO or GROUPS, by an empty list). Each mutant runs `pytest -x` on the figure tests
(tests/test_figures.py, tests/test_figures_rules.py, tests/test_timeline.py by default) in a fresh process; the
mutation is applied by this same file loaded as a pytest plugin (`-p mutate_rules`, variable BRIEFING_MUTANT).
Prints one line per mutant that no test caught, and a summary; exits 1 when a rule was not caught. Takes a few
minutes (about two seconds per mutant and process). Not part of the test suite.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ["tests/test_figures.py", "tests/test_figures_rules.py", "tests/test_timeline.py"]
NEVER = r"(?!)"


def pytest_configure(config) -> None:
    """As a pytest plugin: apply the mutant named by BRIEFING_MUTANT ("rule:passive", "pattern:LOST")."""
    mutant = os.environ.get("BRIEFING_MUTANT")
    if not mutant:
        return
    kind, name = mutant.split(":", 1)
    from briefing.figures import extract, patterns as P
    if kind == "rule":
        kept = tuple(r for r in extract.RULES if r.name != name)
        assert len(kept) == len(extract.RULES) - 1, f"no rule {name}"
        extract.RULES = kept
    else:
        value = getattr(P, name)
        setattr(P, name, [] if isinstance(value, list) else re.compile(NEVER))


def mutants(only: str | None) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from briefing.figures import patterns as P
    from briefing.figures.rules import RULES

    out = []
    if only in (None, "rules"):
        out += [f"rule:{r.name}" for r in RULES]
    if only in (None, "patterns"):
        out += [f"pattern:{name}" for name, value in vars(P).items()
                if isinstance(value, re.Pattern) or name in ("ZERO", "GROUPS")]
    return out


def run(mutant: str, tests: list[str]) -> tuple[str, bool, str]:
    env = dict(os.environ, BRIEFING_MUTANT=mutant,
               PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "scripts"), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-o", "addopts=", "-p", "no:cacheprovider",
                           "-p", "mutate_rules", *tests], cwd=ROOT, env=env, capture_output=True, text=True)
    failed = proc.returncode != 0
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("FAILED")), "")
    return mutant, failed, line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("rules", "patterns"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--tests", nargs="+", default=TESTS)
    args = parser.parse_args(argv)
    tests = [t for t in args.tests if (ROOT / t).exists()]
    start = time.perf_counter()
    clean = run("", tests)
    if clean[1]:
        print(f"the tests fail with no mutant: {clean[2]}")
        return 2
    todo = mutants(args.only)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda m: run(m, tests), todo))
    survived = [m for m, failed, _ in results if not failed]
    for m in survived:
        print(f"not caught: {m}")
    rules = [m for m in todo if m.startswith("rule:")]
    patterns = [m for m in todo if m.startswith("pattern:")]
    print(f"\n{len(todo)} mutants on {', '.join(tests)} in {time.perf_counter() - start:.0f} s: "
          f"rules {len(rules) - sum(m in survived for m in rules)}/{len(rules)} caught, "
          f"patterns {len(patterns) - sum(m in survived for m in patterns)}/{len(patterns)} caught")
    return 1 if any(m.startswith("rule:") for m in survived) else 0


if __name__ == "__main__":
    sys.exit(main())
