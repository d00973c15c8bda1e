"""How to read sources: limits, network behaviour and per-source overrides (one frozen value)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadOptions:
    # Files larger than this are skipped with a warning (a 20 MB wire dump is not an article).
    max_bytes: int = 10_000_000
    fetch_timeout: float = 10.0  # seconds for one HTTP request, all of it
    fetch_max_bytes: int = 5_000_000  # a response larger than this is abandoned
    max_redirects: int = 5
    retries: int = 2  # extra attempts after a transient failure (timeout, 5xx, dropped connection)
    user_agent: str | None = None  # None: briefing.version.USER_AGENT
    fetch_full: bool | None = None  # fetch the linked page of a feed entry that is only a teaser; None = reader decides
    name: str | None = None  # outlet name for every article of this source, overriding what the reader found
    limit: int | None = None  # at most this many articles from this source (in document / feed order)
    since: str | None = None  # ISO date: articles published (or, failing that, dated) earlier are skipped
