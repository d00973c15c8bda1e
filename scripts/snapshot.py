#!/usr/bin/env python3
"""Render the seeds brief's first page to docs/brief.png (the picture in the README).

    python scripts/snapshot.py [--out docs/brief.png] [--date 2026-11-22]

Runs `briefing generate seeds` through the command line (as a user would), then `pdftoppm -png -r 80`
(poppler-utils) on page 1. The date is fixed so that the picture only changes when the layout does.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "brief.png", help="PNG to write")
    parser.add_argument("--date", default="2026-11-22", help="date of the brief (YYYY-MM-DD)")
    parser.add_argument("--resolution", type=int, default=80, help="pixels per inch")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
