"""Errors users can act on. The CLI prints str(error) as one line and exits with error.exit_code.

Exit codes (documented in the README):
  0  success
  1  runtime failure (rendering failed, mail server unreachable, ...)
  2  bad usage, configuration or input
  3  another scheduled run holds the lock
"""
from __future__ import annotations

EXIT_OK = 0
EXIT_RUNTIME = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3


class BriefingError(Exception):
    """Base of every error meant for the user: one line, no traceback."""

    exit_code = EXIT_RUNTIME


class UsageError(BriefingError):
    exit_code = EXIT_USAGE


class ConfigError(BriefingError):
    """The configuration is malformed or invalid; carries every problem found."""

    exit_code = EXIT_USAGE

    def __init__(self, problems: list[str] | str, path: str | None = None):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        self.path = path
        where = f"{path}: " if path else ""
        super().__init__(where + "; ".join(self.problems))


class SourceError(BriefingError):
    """An input cannot be read at all (missing path, nothing readable left)."""

    exit_code = EXIT_USAGE


class RenderError(BriefingError):
    exit_code = EXIT_RUNTIME


class DeliveryError(BriefingError):
    exit_code = EXIT_RUNTIME


class LockedError(BriefingError):
    exit_code = EXIT_LOCKED
