"""A non-blocking lock so that two scheduled runs never work (or mail) at the same time.

`fcntl.flock` on a file beside the state file: the kernel releases it when the process ends, however it
ends, so a crashed run never leaves a stale lock behind. The file itself stays; it holds the pid of the
last holder for people who wonder who has it.
"""
from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefing.errors import LockedError


def lock_path_for(state_path: Path) -> Path:
    return state_path.with_name(state_path.name + ".lock")


@contextmanager
def hold_lock(path: Path) -> Iterator[Path]:
    """Hold an exclusive lock on `path` for the duration; raise LockedError at once if someone else has it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockedError(f"another briefing run is in progress (lock: {path})") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        try:
            yield path
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
