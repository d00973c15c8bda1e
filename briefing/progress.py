"""A tiny progress bar for long runs, drawn on stderr only when stderr is a terminal (never under cron)."""
from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """`with Progress("Summarizing", total) as bar: bar.advance()`; silent unless the stream is a terminal."""

    WIDTH = 30
    INTERVAL = 0.1  # seconds between redraws

    def __init__(self, label: str, total: int, stream: TextIO | None = None, *, enabled: bool | None = None):
        self.label = label
        self.total = max(total, 0)
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled
        self._drawn = 0.0

    def advance(self, steps: int = 1) -> None:
        self.done = min(self.done + steps, self.total) if self.total else self.done + steps
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= self.INTERVAL or self.done >= self.total):
            self._drawn = now
            self._draw()

    def _draw(self) -> None:
        share = self.done / self.total if self.total else 1.0
        filled = int(share * self.WIDTH)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total}")
        self.stream.flush()

    def __enter__(self) -> Progress:
        if self.enabled:
            self._draw()
        return self

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()
