"""Brief files: written with the permissions the umask gives; temporary files of a killed write removed.

Real files in a temporary folder; locks with flock as a write in another process would hold them.
"""
from __future__ import annotations

import fcntl
import os
import stat
import time
from pathlib import Path

import pytest

from briefing.deliver.files import current_umask, remove_stale_temporaries, write_atomic


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664), (0o000, 0o666)])
def test_a_written_file_gets_the_mode_the_umask_gives(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        assert current_umask() == umask
        path = write_atomic(tmp_path / "brief-2024-05-01.html", "<p>brief</p>")
        plain = tmp_path / "plain.txt"
        plain.write_text("as any other program writes it")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == mode == stat.S_IMODE(plain.stat().st_mode)
    assert path.read_text() == "<p>brief</p>"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_only_our_stale_unlocked_temporaries_are_removed(tmp_path):
    old = time.time() - 2 * 3600

    def make(name: str, aged: bool = True) -> Path:
        path = tmp_path / name
        path.write_bytes(b"half")
        if aged:
            os.utime(path, (old, old))
        return path

    stale = make(".brief-2024-05-01.pdf.a1b2c3d4.tmp")
    fresh = make(".brief-2024-05-01.md.a1b2c3d4.tmp", aged=False)
    held = make(".brief-2024-05-01.json.a1b2c3d4.tmp")
    other = [make(".brief-2024-05-01.pdf.tmp"), make(".report.a1b2c3d4.tmp"), make(".brief-2024-05-01.docx.a1b2c3d4.tmp")]
    folder = tmp_path / ".brief-2024-05-02.pdf.a1b2c3d4.tmp"
    folder.mkdir()
    os.utime(folder, (old, old))
    with open(held, "rb") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        assert remove_stale_temporaries(tmp_path) == [stale]
    assert fresh.exists() and held.exists() and folder.is_dir() and all(p.exists() for p in other)
    assert remove_stale_temporaries(tmp_path) == [held]  # released: now it is stale and unused
    assert remove_stale_temporaries(tmp_path / "missing") == []


def test_a_write_in_progress_holds_the_lock_on_its_temporary(tmp_path, monkeypatch):
    """While write_atomic writes, its temporary is locked, so a cleaner never takes it, however old."""
    seen = []
    real_fsync = os.fsync

    def fsync_and_look(fd):
        real_fsync(fd)
        [tmp] = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        os.utime(tmp, (0, 0))  # as old as can be
        seen.append(remove_stale_temporaries(tmp_path))

    monkeypatch.setattr(os, "fsync", fsync_and_look)
    write_atomic(tmp_path / "brief-2024-05-01.md", "brief")
    assert seen == [[]] and (tmp_path / "brief-2024-05-01.md").read_text() == "brief"
