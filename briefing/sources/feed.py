"""RSS and Atom feeds (files or URLs): one article per entry, with its link, title, date and outlet.

An entry that carries only a teaser is completed by reading the page it links to (`fetch_full`: on by
default for feeds read from the web, off for feed files, which are often read offline). feedparser is
always handed bytes, never a path or URL, so it never reaches the network or the disk on its own.
"""
from __future__ import annotations

import calendar
import logging
import re
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, date, datetime

from briefing.errors import SourceError
from briefing.models import Article
from briefing.sources.fetch import is_http_url, options_fetch
from briefing.sources.html import (
    _DEFAULT_MAX_BYTES,
    _GZIP_MAGIC,
    article_from_html,
    html_to_text,
    looks_like_html,
    named,
    read_file_bytes,
    read_head,
)

NAME = "feed"
EXTENSIONS = (".xml", ".rss", ".atom", ".rdf")
FEED_MEDIA_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml")
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
TEASER_MAX_WORDS = 120  # an entry this short with no full content is a teaser
_TEASER_ENDINGS = ("…", "...", "[…]", "[...]", "read more", "continue reading", "more»", "more »")
_FETCH_WORKERS = 4
_SEPARATORS = re.compile(r"\s+[|\-–—:·»]\s+")

log = logging.getLogger(__name__)


def accepts(target: str) -> bool:
    """A feed file (.xml, .rss, .atom, .rdf, optionally .gz, or sniffed).

    Not a URL: the url reader fetches it and hands it back here when the response is a feed (read() also
    takes a URL, for callers that know they hold a feed).
    """
    if "://" in target:
        return False
    if named(target, EXTENSIONS):
        return True
    head = read_head(target)
    return head is not None and looks_like_feed(head)


def looks_like_feed(head: bytes | str) -> bool:
    if isinstance(head, bytes):
        head = head[:4096].decode("utf-8", "replace")
    start = head[:4096].lstrip("\ufeff \t\r\n").lower()
    return bool(re.match(r"(<\?xml[^>]*>\s*)?(<\?xml-stylesheet[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:rdf)\b",
                         start, re.S))


def read(target: str, options: object = None) -> list[Article]:
    if is_http_url(target):
        response = options_fetch(target, options, accept=ACCEPT)
        if looks_like_html(response.body[:4096]) and not looks_like_feed(response.body[:4096]):
            raise SourceError(f"{target}: a web page, not an RSS/Atom feed")
        return articles_from_feed(response.body, origin=target, input=target, options=options, from_url=True)
    data = read_file_bytes(target, int(getattr(options, "max_bytes", None) or _DEFAULT_MAX_BYTES))
    return articles_from_feed(data, origin=target, input=target, options=options, from_url=False)


def articles_from_feed(data: bytes, *, origin: str, input: str = "", options: object = None,
                       from_url: bool = False) -> list[Article]:
    """Every entry of a feed (after `since`, at most `limit`) as an Article, teasers completed if asked."""
    import feedparser  # imported here: only needed when a feed is read

    if data.startswith(_GZIP_MAGIC):
        import gzip

        data = gzip.decompress(data)
    parsed = feedparser.parse(data)  # bytes: feedparser never fetches or opens anything itself
    if not parsed.entries and (parsed.get("version") or parsed.feed):
        # a feed all the same: its empty channel is the reason, not a charset or entity complaint
        raise SourceError(f"{origin}: an RSS/Atom feed with no items")
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        raise SourceError(f"{origin}: not a readable RSS/Atom feed" + (f" ({_one_line(reason)})" if reason else ""))
    feed_outlet = _feed_outlet(parsed.feed)
    name = getattr(options, "name", None)
    since = _since(getattr(options, "since", None))
    limit = getattr(options, "limit", None)
    articles: list[Article] = []
    for entry in parsed.entries:
        article = _entry_article(entry, origin=origin, input=input or origin, name=name)
        if article is None or (since and article.published and article.published[:10] < since):
            continue
        articles.append(article)
        if limit is not None and len(articles) >= limit:
            break
    if not articles and not since and limit != 0:
        raise SourceError(f"{origin}: none of the feed's {len(parsed.entries)} items has a title or text")
    fetch_full = getattr(options, "fetch_full", None)
    if fetch_full is None:
        fetch_full = from_url
    if fetch_full:
        articles = _complete_teasers(articles, options)
    # the feed's own name comes last: an aggregator's title says nothing about who wrote each story
    return [a if a.source else replace(a, source=feed_outlet) for a in articles]


# --- one entry -------------------------------------------------------------------------------------


def _entry_article(entry, *, origin: str, input: str, name: str | None) -> Article | None:
    title = _clean(decode_entities(html_to_text(entry.get("title", "") or "")))
    text = decode_entities(_entry_text(entry))
    if not text and not title:
        return None
    link = entry.get("link") or None
    if link and not is_http_url(link):
        link = None
    return Article(
        text=text or title,
        title=title or text.split("\n\n")[0][:120],
        source=name or _entry_outlet(entry, link),  # "" until the linked page or the feed's title says
        origin=link or origin,
        input=input,
        url=link,
        published=_entry_date(entry),
        author=_clean(decode_entities(entry.get("author", "") or "")) or None,
    )


# A character reference left in text after feedparser decoded it: the feed escaped it twice
# ("&amp;#8220;" in the XML is "&#8220;" in the entry), as many CMSs do in titles and summaries.
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entities(text: str) -> str:
    """Text with the HTML character references it still holds decoded ("&#8220;Yes&#8221;" -> "“Yes”");
    a stray "&" ("AT&T", "R&D") is left as written."""
    if not text or "&" not in text:
        return text
    import html

    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def _entry_text(entry) -> str:
    """The fullest body the entry carries: content (longest) before summary, reduced to plain text."""
    bodies = []
    for content in entry.get("content", []) or []:
        value = content.get("value", "") or ""
        kind = (content.get("type") or "").lower()
        bodies.append(value.strip() if kind == "text/plain" else html_to_text(value))
    summary = entry.get("summary", "") or ""
    bodies.append(html_to_text(summary))
    return max(bodies, key=len) if bodies else ""


def is_teaser(article: Article) -> bool:
    text = article.text.strip()
    if text == article.title:
        return True
    lowered = text.lower()
    return len(text.split()) < TEASER_MAX_WORDS or lowered.endswith(_TEASER_ENDINGS)


def _entry_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        with warnings.catch_warnings():  # feedparser warns about its own published/updated aliasing
            warnings.simplefilter("ignore", DeprecationWarning)
            value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).isoformat()
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _entry_outlet(entry, link: str | None) -> str:
    from briefing.text.outlets import canonical_outlet, outlet_from_url

    known = outlet_from_url(link) if link else None
    if known:
        return known
    source = entry.get("source") or {}
    title = source.get("title") if hasattr(source, "get") else None  # RSS <source>, e.g. in aggregator feeds
    return canonical_outlet(decode_entities(title)) if title else ""


def _feed_outlet(feed) -> str:
    """The outlet behind a feed: a known name in its title, its site's domain, else its title's first part."""
    from briefing.text.outlets import canonical_outlet, known_outlet, outlet_from_url

    title = _clean(decode_entities(feed.get("title", "") or ""))
    parts = [p for p in _SEPARATORS.split(title) if p.strip()] if title else []
    for candidate in [title, *parts]:
        found = known_outlet(candidate)
        if found:
            return found
    link = feed.get("link") or ""
    found = outlet_from_url(link) if is_http_url(link) else None
    if found:
        return found
    return canonical_outlet(parts[0]) if parts else ""


def _since(value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    text = str(value).strip()
    return text[:10] if re.match(r"\d{4}-\d\d-\d\d", text) else None


# --- teasers -> full pages -------------------------------------------------------------------------


def _complete_teasers(articles: list[Article], options: object) -> list[Article]:
    todo = [i for i, a in enumerate(articles) if a.url and is_teaser(a)]
    if not todo:
        return articles
    completed = list(articles)
    with ThreadPoolExecutor(max_workers=min(_FETCH_WORKERS, len(todo))) as pool:
        for i, full in zip(todo, pool.map(lambda i: _full_article(articles[i], options), todo)):
            completed[i] = full
    return completed


def _full_article(teaser: Article, options: object) -> Article:
    """The teaser with the text (and missing metadata) of the page it links to; the teaser if that fails."""
    try:
        response = options_fetch(teaser.url, options, accept="text/html, application/xhtml+xml, */*;q=0.5")
        if not looks_like_html(response.body[:4096]) and "html" not in response.content_type:
            raise SourceError(f"{teaser.url}: not a web page ({response.content_type or 'unknown type'})")
        page = article_from_html(response.body, origin=teaser.url, url=response.url)
    except SourceError as error:
        log.warning("%s; keeping the feed's teaser", error)
        return teaser
    if len(page.text) <= len(teaser.text):
        return teaser
    return replace(
        teaser,
        text=page.text,
        title=teaser.title or page.title,
        source=teaser.source or page.source,
        url=page.url or teaser.url,
        published=teaser.published or page.published,
        author=teaser.author or page.author,
    )


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _one_line(value) -> str:
    return _clean(str(value))[:200]
