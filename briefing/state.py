"""What scheduled runs remember, in one SQLite file: articles seen, briefs written, deliveries.

- articles:   one row per article ever read (key = canonical URL, else a hash of its text), with the date
              of the first brief that contained it; an article is "new" in a brief when no earlier brief
              had it.
- briefs:     one row per brief date: the files written and when.
- memories:   one row per brief date: its series (the configuration's title, hashed), its number in that
              series, and what it said (briefing.changes.memory: stories with their articles, key points
              and totals with their as-of dates), so that the next brief can say what changed since.
- deliveries: one row per attempt to mail a brief to a recipient list: queued -> sending -> sent | failed.
              A brief is delivered to a list when one of its rows is `sent`; rows left `queued`,
              `sending` or `failed` are pending and the next run sends them. A row left `sending`
              means the outcome is unknown: a run died mid-send, or the server went silent after
              the message was handed over (then `error` says so). All attempts for one
              (date, list) share one Message-ID, so a resend after a crash mid-send is recognisable
              as the same mail.

WAL mode and a busy timeout let a reader (or `sqlite3` in a shell) look while a run writes.
Times are ISO 8601 with an offset.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from briefing.errors import EXIT_RUNTIME, EXIT_USAGE, BriefingError, os_error_exit_code, os_error_reason
from briefing.models import Article

SCHEMA_VERSION = 2  # 2: memories
BUSY_TIMEOUT_MS = 10_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    key         TEXT PRIMARY KEY,   -- 'url:...' or 'sha256:...'
    url         TEXT,
    title       TEXT NOT NULL,
    first_brief TEXT NOT NULL,      -- date (YYYY-MM-DD) of the first brief that had it
    first_seen  TEXT NOT NULL       -- when a run first read it
);
CREATE TABLE IF NOT EXISTS briefs (
    day      TEXT PRIMARY KEY,      -- YYYY-MM-DD
    paths    TEXT NOT NULL,         -- JSON {format: path}
    articles INTEGER NOT NULL,
    new      INTEGER NOT NULL,
    created  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS deliveries (
    id         INTEGER PRIMARY KEY,
    day        TEXT NOT NULL,
    recipients TEXT NOT NULL,       -- the recipient list's key: sorted, lower-case, comma-separated
    status     TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    message_id TEXT NOT NULL,      -- shared by every attempt for one (day, recipients)
    subject    TEXT NOT NULL,      -- the mail as first composed, so a retry sends the same mail
    body_text  TEXT NOT NULL,
    body_html  TEXT NOT NULL,
    created    TEXT NOT NULL,
    finished   TEXT,
    error      TEXT
);
CREATE TABLE IF NOT EXISTS memories (
    day     TEXT PRIMARY KEY,       -- YYYY-MM-DD, as in briefs
    series  TEXT NOT NULL,          -- briefing.changes.series_key of the configuration's title
    title   TEXT NOT NULL,
    number  INTEGER NOT NULL,       -- the brief's number in its series
    memory  TEXT NOT NULL,          -- JSON: briefing.changes.memory(brief)
    created TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_by_list ON deliveries (recipients, day);
"""


class StateError(BriefingError):
    """The state file cannot be opened, written, or is not ours: one line, exit 2 when a person must fix
    the file or its folder (a folder in its place, no permission, not a state file), 1 when it may pass
    (the disk is full, another program kept it busy too long)."""


# SQLite's primary result codes that a person must fix (the rest -- busy, full, I/O -- may pass)
_SQLITE_SETUP = {3: "no permission", 8: "read-only", 14: "cannot open", 23: "not authorized", 26: "not a database"}


def state_error(path: Path, exc: BaseException) -> StateError:
    """A StateError for a failure of SQLite or of the file system on the state file `path`."""
    if isinstance(exc, StateError):
        return exc
    if isinstance(exc, OSError):
        return StateError(f"cannot use the state file {path}: {os_error_reason(exc)}", exit_code=os_error_exit_code(exc))
    code = getattr(exc, "sqlite_errorcode", None)
    setup = code is not None and (code & 0xFF) in _SQLITE_SETUP
    hint = ""
    if setup and (code & 0xFF) in (8, 14):
        hint = " (its folder must be writable: SQLite keeps a journal beside it)"
    return StateError(f"cannot use the state file {path}: {exc}{hint}", exit_code=EXIT_USAGE if setup else EXIT_RUNTIME)


@dataclass(frozen=True)
class Delivery:
    id: int
    day: date
    recipients: str
    status: str
    message_id: str
    subject: str
    text: str
    html: str
    created: str
    finished: str | None
    error: str | None


def now() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


def recipients_key(addresses: Iterable[str]) -> str:
    """One key per recipient list, whatever the order or case it was written in."""
    return ",".join(sorted({a.strip().lower() for a in addresses if a.strip()}))


def article_key(article: Article) -> str:
    """The canonical URL when known, else a hash of the text with whitespace and case normalised."""
    if article.url:
        return "url:" + article.url.strip()
    text = re.sub(r"\s+", " ", article.text).strip().lower()
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


class State:
    """An open state file. Use as a context manager, or call close()."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.db: sqlite3.Connection | None = None
        if self.path.is_dir():
            raise StateError(f"cannot use the state file {self.path}: it is a folder (state.path names a file)", exit_code=EXIT_USAGE)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StateError(f"cannot make the folder of the state file {self.path}: {os_error_reason(exc)}",
                             exit_code=os_error_exit_code(exc)) from None
        try:
            self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                self.close()
                raise StateError(f"{self.path}: state file written by a newer briefing (schema {version})", exit_code=EXIT_USAGE)
            with self.transaction():
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.Error as exc:
            self.close()
            raise state_error(self.path, exc) from None

    # -- plumbing -------------------------------------------------------------------------------

    def transaction(self):
        """Group several records into one commit (nested uses join the outer one)."""
        return _Transaction(self.db)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def __enter__(self) -> State:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- articles -------------------------------------------------------------------------------

    def new_articles(self, articles: Sequence[Article], day: date) -> list[int]:
        """Indices of the articles that no brief dated before `day` contained."""
        new = []
        for i, article in enumerate(articles):
            row = self.db.execute("SELECT first_brief FROM articles WHERE key = ?", (article_key(article),)).fetchone()
            if row is None or row[0] >= day.isoformat():
                new.append(i)
        return new

    def record_articles(self, articles: Sequence[Article], day: date) -> None:
        stamp = now()
        with self.transaction():
            for article in articles:
                self.db.execute(
                    "INSERT INTO articles (key, url, title, first_brief, first_seen) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET first_brief = min(first_brief, excluded.first_brief)",
                    (article_key(article), article.url, article.title, day.isoformat(), stamp),
                )

    # -- briefs ---------------------------------------------------------------------------------

    def record_brief(self, day: date, paths: dict[str, Path], *, articles: int, new: int) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO briefs (day, paths, articles, new, created) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (day) DO UPDATE SET paths = excluded.paths, articles = excluded.articles, "
                "new = excluded.new, created = excluded.created",
                (day.isoformat(), json.dumps({k: str(v) for k, v in paths.items()}), articles, new, now()),
            )

    def brief_paths(self, day: date) -> dict[str, Path] | None:
        row = self.db.execute("SELECT paths FROM briefs WHERE day = ?", (day.isoformat(),)).fetchone()
        return {k: Path(v) for k, v in json.loads(row[0]).items()} if row else None

    # -- what each brief said ---------------------------------------------------------------------

    def record_memory(self, day: date, *, series: str, title: str, number: int, memory: dict) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO memories (day, series, title, number, memory, created) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (day) DO UPDATE SET series = excluded.series, title = excluded.title, "
                "number = excluded.number, memory = excluded.memory, created = excluded.created",
                (day.isoformat(), series, title, number, json.dumps(memory, ensure_ascii=False), now()),
            )

    def previous_memory(self, day: date, series: str) -> tuple[date, int, str] | None:
        """(day, number, memory JSON text) of the latest brief of `series` dated before `day`, or None."""
        row = self.db.execute(
            "SELECT day, number, memory FROM memories WHERE series = ? AND day < ? ORDER BY day DESC LIMIT 1",
            (series, day.isoformat()),
        ).fetchone()
        return (date.fromisoformat(row[0]), int(row[1]), row[2]) if row else None

    def other_series(self, day: date, series: str) -> list[str]:
        """Titles of the other series with briefs dated before `day` in this state file."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT title FROM memories WHERE series != ? AND day < ? ORDER BY title", (series, day.isoformat()))]

    # -- deliveries -----------------------------------------------------------------------------

    def delivered(self, day: date, recipients: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM deliveries WHERE day = ? AND recipients = ? AND status = 'sent' LIMIT 1",
            (day.isoformat(), recipients),
        ).fetchone()
        return row is not None

    def queue(self, day: date, recipients: str, *, message_id: str, subject: str, text: str, html: str,
              force: bool = False) -> Delivery:
        """The unfinished delivery of `day` to `recipients`, else a new queued one with this content.

        With `force`, always a new one (a deliberate resend), and unfinished ones are closed.
        """
        with self.transaction():
            if force:
                self.db.execute(
                    "UPDATE deliveries SET status = 'failed', finished = ?, error = 'superseded by a forced resend' "
                    "WHERE day = ? AND recipients = ? AND status IN ('queued', 'sending')",
                    (now(), day.isoformat(), recipients),
                )
            else:
                open_row = self._open_delivery(day, recipients)
                if open_row is not None:
                    return open_row
            cur = self.db.execute(
                "INSERT INTO deliveries (day, recipients, status, message_id, subject, body_text, body_html, created) "
                "VALUES (?, ?, 'queued', ?, ?, ?, ?, ?)",
                (day.isoformat(), recipients, message_id, subject, text, html, now()),
            )
            return self._delivery(cur.lastrowid)

    def has_delivery(self, day: date, recipients: str) -> bool:
        """Whether a delivery of `day` to `recipients` was ever queued (sent, pending or failed)."""
        row = self.db.execute(
            "SELECT 1 FROM deliveries WHERE day = ? AND recipients = ? LIMIT 1", (day.isoformat(), recipients)
        ).fetchone()
        return row is not None

    def pending(self, recipients: str) -> list[Delivery]:
        """One delivery per brief date not yet sent to `recipients` (or forced again), oldest first.

        An unfinished row (queued, or sending when a run died mid-send) is returned as it is; a date
        whose attempts all failed gets a new queued row with the same Message-ID and content.
        """
        days = [
            date.fromisoformat(r[0])
            for r in self.db.execute(
                "SELECT day FROM deliveries WHERE recipients = ? GROUP BY day "
                "HAVING sum(status IN ('queued', 'sending')) > 0 OR sum(status = 'sent') = 0 ORDER BY day",
                (recipients,),
            )
        ]
        out = []
        for day in days:
            last = self._row(self.db.execute(
                "SELECT * FROM deliveries WHERE day = ? AND recipients = ? ORDER BY id DESC LIMIT 1",
                (day.isoformat(), recipients),
            ).fetchone())
            out.append(self.queue(day, recipients, message_id=last.message_id, subject=last.subject,
                                  text=last.text, html=last.html))
        return out

    def start_sending(self, delivery: Delivery) -> None:
        """Recorded before the first byte goes out: a run that dies mid-send leaves 'sending' behind."""
        with self.transaction():
            self.db.execute("UPDATE deliveries SET status = 'sending' WHERE id = ?", (delivery.id,))

    def finish(self, delivery: Delivery, *, ok: bool, error: str | None = None) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE deliveries SET status = ?, finished = ?, error = ? WHERE id = ?",
                ("sent" if ok else "failed", now(), error, delivery.id),
            )

    def unknown(self, delivery: Delivery, error: str) -> None:
        """The server went silent after the message was handed over (a timeout after DATA): it may have
        arrived. The row stays `sending`, as after a crash mid-send, with the reason in `error`; the next
        run (not this one) sends it again with the same Message-ID."""
        with self.transaction():
            self.db.execute(
                "UPDATE deliveries SET status = 'sending', finished = ?, error = ? WHERE id = ?",
                (now(), error, delivery.id),
            )

    def deliveries(self, day: date | None = None) -> list[Delivery]:
        """Every attempt (for one date, or all), oldest first."""
        query = "SELECT * FROM deliveries" + (" WHERE day = ?" if day else "") + " ORDER BY id"
        return [self._row(r) for r in self.db.execute(query, (day.isoformat(),) if day else ())]

    def _open_delivery(self, day: date, recipients: str) -> Delivery | None:
        row = self.db.execute(
            "SELECT * FROM deliveries WHERE day = ? AND recipients = ? AND status IN ('queued', 'sending') "
            "ORDER BY id DESC LIMIT 1",
            (day.isoformat(), recipients),
        ).fetchone()
        return self._row(row) if row else None

    def _delivery(self, id_: int) -> Delivery:
        return self._row(self.db.execute("SELECT * FROM deliveries WHERE id = ?", (id_,)).fetchone())

    @staticmethod
    def _row(row) -> Delivery:
        id_, day, recipients, status, message_id, subject, text, html, created, finished, error = row
        return Delivery(id_, date.fromisoformat(day), recipients, status, message_id, subject, text, html,
                        created, finished, error)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT (or ROLLBACK); nested uses join the outer transaction."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.outer = False

    def __enter__(self):
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            self.outer = True
        return self.db

    def __exit__(self, exc_type, *_):
        if self.outer:
            self.db.execute("ROLLBACK" if exc_type else "COMMIT")
        return False
