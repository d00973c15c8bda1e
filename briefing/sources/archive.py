"""Archived copies credited to what they copy: a page saved from the Wayback Machine is the outlet's.

    original_url("https://web.archive.org/web/20150605123456/http://www.bbc.com/news/world-123")
        -> "http://www.bbc.com/news/world-123"

A copy's URL is <archive>/web/<timestamp><flags>/<original URL> (flags such as "id_" or "im_"; the
original's "//" is sometimes folded to "/"). The outlet is the original's (a known outlet by its domain,
else its host name); the archive's own name ("Wayback Machine", "web.archive.org") is never an outlet.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Any
from urllib.parse import urlsplit

from briefing.models import Article

__all__ = ["original_url", "is_archive_name", "credit_original"]

_ARCHIVE_HOSTS = ("web.archive.org", "wayback.archive.org", "archive.org", "webarchive.org.uk",
                  "wayback.archive-it.org", "webarchive.loc.gov", "arquivo.pt")
_COPY = re.compile(
    r"^(?:https?:)?//(?:www\.)?(?P<host>[^/?#]+)(?:/wayback)?(?:/\d+)?/web/\d{1,14}(?:[a-z]{2}_)?/+"
    r"(?P<original>(?:https?:/{1,2}|www\.|[\w-]+(?:\.[\w-]+)+(?=[/:?#]|$)).*)$",
    re.I,
)
_ARCHIVE_NAMES = frozenset(
    "wayback machine|internet archive|web archive|archive.org|web.archive.org|wayback.archive.org|"
    "the wayback machine|archive-it|internet archive wayback machine".split("|")
)


def original_url(url: str | None) -> str | None:
    """The URL an archived copy was saved from; None when `url` is not a web archive's copy."""
    if not url:
        return None
    m = _COPY.match(url.strip())
    if not m or not m.group("host").lower().endswith(_ARCHIVE_HOSTS):
        return None
    original = m.group("original")
    original = re.sub(r"^(https?):/{1,2}", r"\1://", original, flags=re.I)
    if not re.match(r"https?://", original, re.I):
        original = "http://" + original
    return original if urlsplit(original).hostname else None


def is_archive_name(name: str | None) -> bool:
    return bool(name) and " ".join(name.lower().split()) in _ARCHIVE_NAMES


def credit_original(article: Article, keep_source: bool = False) -> Article:
    """The article with its original URL and outlet when it is an archived copy (else unchanged).

    `keep_source`: the outlet was named by the user (a source's `name`), only the URL changes."""
    from briefing.text.outlets import outlet_from_url

    original = original_url(article.url) or original_url(article.origin)
    if original is None:
        return article
    changes: dict[str, Any] = {}
    if original_url(article.url) or not article.url:
        changes["url"] = original
    if not keep_source:
        archived = (not article.source or is_archive_name(article.source)
                    or article.source.lower() == (urlsplit(article.origin).hostname or "").lower()
                    or article.source.lower() == (urlsplit(article.url or "").hostname or "").lower())
        if archived:
            host = (urlsplit(original).hostname or "").lower().removeprefix("www.")
            changes["source"] = outlet_from_url(original) or host
    return dataclasses.replace(article, **changes)
