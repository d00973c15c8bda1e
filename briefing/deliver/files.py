"""Output files, written atomically: a temporary file in the same folder, fsync, then rename.

A run that is killed half-way leaves the previous file intact, never a truncated one. The file gets the
permissions the umask gives (0666 & ~umask, as `open()` in any program would), not the 0600 of a
temporary file. While it is written, the temporary file (`.NAME.XXXXXXXX.tmp`) is locked; one that a
killed write left behind is removed by the next write in that folder once it is STALE_SECONDS old and
nobody holds its lock.
"""
from __future__ import annotations

import fcntl
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from briefing.logs import get_logger

log = get_logger("files")

STALE_SECONDS = 3600
# ours only: `.brief-YYYY-MM-DD.FORMAT.` + mkstemp's 8 characters + `.tmp`
_TEMPORARY = re.compile(r"\.brief-\d{4}-\d{2}-\d{2}\.(?:pdf|html|json|md)\.[A-Za-z0-9_]{8}\.tmp")


def current_umask() -> int:
    """The process's umask, read without changing it where Linux tells it (else set and restored)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike, data: bytes | str) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # "in use" for remove_stale_temporaries
            os.fchmod(fh.fileno(), 0o666 & ~current_umask())
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
            os.replace(tmp, target)  # still locked: nobody removes it between the write and the rename
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return target


def remove_stale_temporaries(folder: Path, *, older_than: float = STALE_SECONDS) -> list[Path]:
    """Remove the temporary files of brief writes that were killed: ours by name, regular files, older
    than `older_than` seconds, and not locked by a write still going on. Returns what was removed."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:  # no folder yet (or unreadable: the write itself will say so)
        return removed
    cutoff = time.time() - older_than
    for name in names:
        if not _TEMPORARY.fullmatch(name):
            continue
        path = Path(folder) / name
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue  # gone meanwhile, a symbolic link, or not ours to open
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_mtime > cutoff:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a write is still using it
            os.unlink(path)
            removed.append(path)
        except OSError:
            continue
        finally:
            os.close(fd)
    if removed:
        log.info("removed %d temporary file(s) left by an interrupted write in %s", len(removed), folder)
    return removed
