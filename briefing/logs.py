"""Logging for people and for cron: short lines on stderr, optional file with timestamps, nothing on stdout.

Cron mails whatever a job prints, so a run that went well must print nothing: every message goes through
the `briefing` logger to stderr (warnings and errors by default), and progress lines appear only when
stderr is a terminal.

A log file that cannot be written (a folder where the file should be, no permission, a full disk) never
stops a run: one warning on stderr says so, and the log goes on on stderr alone.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

LOGGER_NAME = "briefing"
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}

_OURS = "_briefing_handler"  # marks handlers installed here, so a second setup replaces them


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time (pytest's capture, a redirected stream)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


class _ShortFormatter(logging.Formatter):
    """`briefing: warning: message` — info lines go without a level, as progress."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.exc_info and record.levelno <= logging.DEBUG:
            message += "\n" + self.formatException(record.exc_info)
        if record.levelno == logging.INFO:
            return f"briefing: {message}"
        return f"briefing: {record.levelname.lower()}: {message}"


def setup_logging(level: str = "warning", file: str | Path | None = None) -> logging.Logger:
    """Configure the `briefing` logger: stderr always, `file` (appended, with timestamps) when given.

    Calling it again replaces the handlers installed by an earlier call.
    """
    try:
        threshold = LEVELS[level.lower()]
    except KeyError:
        raise ValueError(f"unknown log level {level!r} (choose from {', '.join(LEVELS)})") from None
    logger = logging.getLogger(LOGGER_NAME)
    for handler in [h for h in logger.handlers if getattr(h, _OURS, False)]:
        logger.removeHandler(handler)
        handler.close()
    logger.setLevel(threshold)
    logger.propagate = True  # pytest's caplog listens on the root logger

    stderr = _StderrHandler()
    stderr.setFormatter(_ShortFormatter())
    setattr(stderr, _OURS, True)
    logger.addHandler(stderr)

    if file:
        path = Path(file)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            to_file = _FileHandler(path)
        except OSError as exc:
            logger.warning("cannot write the log file %s: %s; logging on stderr only", path, _reason(exc))
        else:
            to_file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            setattr(to_file, _OURS, True)
            logger.addHandler(to_file)
    return logger


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or exc.__class__.__name__


class _FileHandler(logging.FileHandler):
    """Appends to the log file, opened at once (so a path that cannot be written is known at setup).

    A write that fails later (disk full, the file replaced by a folder) removes this handler with one
    warning on stderr; logging never raises into the program.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(path, mode="a", encoding="utf-8", delay=False)
        self.failed = False

    def handleError(self, record: logging.LogRecord) -> None:  # type: ignore[override]
        if self.failed:
            return
        self.failed = True
        exc = sys.exc_info()[1]
        logger = logging.getLogger(LOGGER_NAME)
        logger.removeHandler(self)
        try:
            self.close()
        except Exception:  # the stream may be the broken part
            pass
        logger.warning("cannot write the log file %s: %s; logging on stderr only", self.baseFilename,
                       _reason(exc) if exc else "write failed")


def get_logger(name: str = "") -> logging.Logger:
    return logging.getLogger(f"{LOGGER_NAME}.{name}" if name else LOGGER_NAME)


def on_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def progress(message: str) -> None:
    """A transient status line, only when a person watches a terminal (never under cron)."""
    if on_terminal():
        sys.stderr.write(f"\r\033[K{message}")
        sys.stderr.flush()


def end_progress() -> None:
    if on_terminal():
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()


def setup_from_config(config, *, verbose: int = 0, quiet: bool = False) -> logging.Logger:
    """setup_logging with log.level and log.file of the configuration; -v/-q on the command line win."""
    if quiet:
        level = "error"
    elif verbose:
        level = "debug" if verbose > 1 else "info"
    else:
        level = config.log.level
    return setup_logging(level, config.resolve(config.log.file) if config.log.file else None)
