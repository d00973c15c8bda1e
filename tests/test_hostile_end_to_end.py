"""Issue 7 end to end: a folder of hostile and broken input through `briefing generate`.

Nothing leaks (no request to the loopback listener, no local file embedded or quoted), nothing is
evaluated, nothing crashes: broken files are skipped with a one-line warning each and the brief is
made from the rest.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from test_hostile_render import MARKER, corpus, embedded_files, evaluated, recorder, secret  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[1]


def hostile_folder(folder: Path, port: int, secret_path: Path) -> Path:
    folder.mkdir()
    for name, text in corpus(port, secret_path):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "windows.txt").write_bytes(
        "Floods in the valley\n\nThe mayor\x92s office said 14 people were killed and 20 were injured in the "
        "floods at the caf\xe9 district on Monday.\n\nRescue teams were still searching on Tuesday.\n".encode("latin-1")
    )
    with open(folder / "wire-dump.txt", "w", encoding="utf-8") as fh:
        line = "Officials said the situation remained tense after the latest clashes near the border.\n"
        fh.write(line * (20_000_000 // len(line) + 1))
    return folder


def test_hostile_folder_becomes_a_brief_that_leaks_nothing(tmp_path, recorder, secret):
    folder = hostile_folder(tmp_path / "in", recorder.port, secret)
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "generate", str(folder), "--out", str(out), "--date", "2026-11-22", "--format", "pdf,html,md,json"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    warnings = result.stderr.strip().splitlines()
    for name in ("binary.txt", "empty.txt", "wire-dump.txt"):
        assert sum(name in w for w in warnings) == 1, (name, warnings)

    pdf = (out / "brief-2026-11-22.pdf").read_bytes()
    assert not embedded_files(pdf)
    text = "\n".join(page.extract_text() for page in PdfReader(str(out / "brief-2026-11-22.pdf")).pages)
    for fmt in ("html", "md", "json"):
        text += (out / f"brief-2026-11-22.{fmt}").read_text(encoding="utf-8")
    assert MARKER not in text and "root:x:0:0" not in text
    assert not evaluated(text)
    assert "mayor’s office" in text or "mayor's office" in text  # cp1252 read without mojibake
    assert "â€" not in text
    assert recorder.close() == [], "rendering must not contact any server"
