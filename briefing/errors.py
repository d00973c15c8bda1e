"""Errors users can act on. The CLI prints str(error) as one line and exits with error.exit_code.

Exit codes (documented in the README):
  0  success
  1  runtime failure (rendering failed, mail server unreachable, ...)
  2  bad usage, configuration or input, including a file or folder the configuration names that cannot be
     used as it is (a folder where a file should be, no permission, a read-only disk, not a state file)
  3  another scheduled run holds the lock
"""
from __future__ import annotations

import errno

EXIT_OK = 0
EXIT_RUNTIME = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3


class BriefingError(Exception):
    """Base of every error meant for the user: one line, no traceback."""

    exit_code = EXIT_RUNTIME

    def __init__(self, *args, exit_code: int | None = None):
        super().__init__(*args)
        if exit_code is not None:
            self.exit_code = exit_code


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


# A file or folder that cannot be used because of how it is set up (needs a person: exit 2), as against a
# failure of the moment (a full disk, an I/O error: exit 1, the next run may well succeed).
_SETUP_ERRNOS = {errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EISDIR, errno.EROFS, errno.ENOENT, errno.EEXIST,
                 errno.ELOOP, errno.ENAMETOOLONG, errno.EINVAL}


def os_error_exit_code(exc: OSError) -> int:
    """EXIT_USAGE for a path set up wrongly (permissions, a file where a folder should be), else EXIT_RUNTIME."""
    return EXIT_USAGE if exc.errno in _SETUP_ERRNOS else EXIT_RUNTIME


def os_error_reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or exc.__class__.__name__


def path_error(what: str, path, exc: OSError) -> BriefingError:
    """One line naming the path and the reason, with the exit code the kind of failure calls for."""
    return BriefingError(f"{what} {path}: {os_error_reason(exc)}", exit_code=os_error_exit_code(exc))
