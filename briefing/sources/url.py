"""http(s) URLs: fetch once, then let the content decide: a web page, a feed, or plain text.

The Content-Type header decides first; when it is missing or vague (application/octet-stream, */xml)
the first bytes do. Only http and https are read (fetch.py refuses everything else, on every redirect).
"""
from __future__ import annotations

import re

from briefing.errors import SourceError
from briefing.models import Article
from briefing.sources.feed import FEED_MEDIA_TYPES, articles_from_feed, looks_like_feed
from briefing.sources.fetch import Response, is_http_url, options_fetch
from briefing.sources.html import article_from_html, looks_like_html

NAME = "url"
ACCEPT = ("text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
          "application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain", "text/markdown")
_REFUSED_PREFIXES = ("image/", "audio/", "video/", "font/")
_REFUSED_TYPES = ("application/pdf", "application/zip", "application/json", "application/javascript")


def accepts(target: str) -> bool:
    return is_http_url(target)


def read(target: str, options: object = None) -> list[Article]:
    response = options_fetch(target, options, accept=ACCEPT)
    kind = content_kind(response)
    name = getattr(options, "name", None)
    if kind == "feed":
        return articles_from_feed(response.body, origin=target, input=target, options=options, from_url=True)
    if kind == "html":
        return [article_from_html(response.body, origin=target, input=target, url=response.url, name=name)]
    return [_text_article(response, target, name)]


def content_kind(response: Response) -> str:
    """"html", "feed" or "text"; SourceError for content no reader handles (images, PDF, binary)."""
    media = response.content_type
    head = response.body[:4096]
    if media in _HTML_TYPES:
        return "feed" if looks_like_feed(head) else "html"
    if media in FEED_MEDIA_TYPES:
        return "feed"
    if media.startswith(_REFUSED_PREFIXES) or media in _REFUSED_TYPES:
        raise SourceError(f"{response.url}: {media} content is not an article")
    if looks_like_feed(head):
        return "feed"
    if looks_like_html(head):
        return "html"
    if b"\0" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(f"{response.url}: binary content ({media or 'no content type'}), not an article")
    return "text"


def _text_article(response: Response, target: str, name: str | None) -> Article:
    text = _decode(response)
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise SourceError(f"{target}: empty response")
    first = paragraphs[0]
    title = first
    if len(paragraphs) > 1 and len(first) <= 200 and not first.endswith((".", "!", "?", ":")):
        paragraphs = paragraphs[1:]  # a short opening line is the headline, as in text files
    elif len(title) > 120:
        title = title[:120].rsplit(" ", 1)[0] + "…"
    from briefing.text.outlets import outlet_from_url

    return Article(
        text="\n\n".join(paragraphs),
        title=title,
        source=name or outlet_from_url(response.url) or "",
        origin=target,
        input=target,
        url=response.url,
    )


def _decode(response: Response) -> str:
    try:
        from briefing.text.decode import decode_bytes  # shared rules: BOMs, UTF-8, cp1252 fallback
    except ImportError:
        decode_bytes = None
    if decode_bytes is not None:
        try:
            return decode_bytes(response.body)
        except Exception:
            pass
    for encoding in filter(None, (response.charset, "utf-8", "cp1252")):
        try:
            return response.body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return response.body.decode("latin-1")
