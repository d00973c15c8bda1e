"""Web pages (.html, .htm, gzip-compressed too): main text and the page's own metadata.

HTML is reduced to plain text here, before anything downstream sees it: no markup, script or
stylesheet survives into Article.text or Article.title (issue 7: nothing a stranger wrote is rendered
as HTML). The main text comes from trafilatura; a plain block-by-block reading is the fallback for
pages trafilatura finds nothing in.
"""
from __future__ import annotations

import gzip
import io
import logging
import re
import zlib
from pathlib import Path
from typing import Any

from briefing.errors import SourceError
from briefing.models import Article
from briefing.sources.sections import is_section_label

# trafilatura and htmldate log parser complaints at ERROR level; for us a page without text is a
# SourceError with one line, so their messages would only be noise on the user's terminal.
for _library in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_library).setLevel(logging.CRITICAL)

NAME = "html"
EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
_GZIP_MAGIC = b"\x1f\x8b"
_DEFAULT_MAX_BYTES = 10_000_000

# Extraction settings, chosen on bench/extraction.py (main-text F1 against human-marked text):
# comments are never news; tables often carry the figures an analyst wants.
TRAFILATURA_OPTIONS: dict[str, Any] = dict(include_comments=False, include_tables=True, include_images=False, include_links=False)

_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr section article header footer "
    "figure figcaption dd dt dl hr address main aside nav".split()
)
_NOISE_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "form",
               "button", "select", "textarea", "link", "meta", "head")
_PAGE_CHROME_TAGS = ("nav", "header", "footer", "aside", "menu")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_JUNK_LINE = re.compile(r"\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?")  # leaked metadata timestamps
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")
_DEDUPE_MIN_WORDS = 20  # repeated short lines (headings, labels) can be real; repeated paragraphs are not


def accepts(target: str) -> bool:
    """An .html/.htm file (optionally .gz), or a file without a known extension whose content is HTML.

    Never a URL: those go to the url reader, which lets the response's content type decide.
    """
    if "://" in target:
        return False
    if named(target, EXTENSIONS):
        return True
    path = Path(target)
    if path.suffix and path.suffix.lower() not in ("", ".gz", ".bin", ".dat", ".download"):
        return False
    head = read_head(target)
    return head is not None and looks_like_html(head)


def named(target: str, extensions: tuple[str, ...]) -> bool:
    """The file name ends in one of `extensions`, or in one of them followed by .gz."""
    name = target.lower()
    return name.removesuffix(".gz").endswith(extensions)


def read_head(path: str, size: int = 4096) -> bytes | None:
    """The first `size` bytes of a file (of its content, when gzip-compressed); None when unreadable."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(size)
    except OSError:
        return None
    if head.startswith(_GZIP_MAGIC):
        try:
            with gzip.open(path, "rb") as handle:
                head = handle.read(size)
        except (OSError, EOFError, zlib.error):
            return None
    return head


def looks_like_html(head: bytes | str) -> bool:
    """Does the start of a document look like an HTML page (not a feed, not plain text)?"""
    if isinstance(head, bytes):
        head = head[:4096].decode("utf-8", "replace")
    start = head[:4096].lstrip("\ufeff \t\r\n").lower()
    if re.match(r"(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:rdf)\b", start, re.S):
        return False
    return bool(re.search(r"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]", start))


def read(target: str, options: object = None) -> list[Article]:
    max_bytes = int(getattr(options, "max_bytes", None) or _DEFAULT_MAX_BYTES)
    data = read_file_bytes(target, max_bytes)
    article = article_from_html(data, origin=target, input=target, name=getattr(options, "name", None))
    return [article]


def read_file_bytes(path: str, max_bytes: int) -> bytes:
    """The bytes of a file, gunzipped when compressed, refusing anything over `max_bytes`."""
    from briefing.sources import text

    data = text.read_file_bytes(path, max_bytes)  # unreadable, too large or empty: the same words as for text
    if data.startswith(_GZIP_MAGIC):
        try:
            # read at most one byte past the cap: a small file may inflate to gigabytes
            data = gzip.GzipFile(fileobj=io.BytesIO(data)).read(max_bytes + 1)
        except (OSError, EOFError, zlib.error) as error:
            raise SourceError(f"{path}: corrupt gzip file ({error})") from None
        if len(data) > max_bytes:
            raise SourceError(f"{path}: larger than the {max_bytes:,}-byte input limit (input.max_bytes) once uncompressed")
        if not data.strip():
            raise SourceError(f"{path}: empty file")
    return data


def article_from_html(
    data: bytes | str,
    *,
    origin: str,
    input: str = "",
    url: str | None = None,
    name: str | None = None,
) -> Article:
    """One Article from one HTML page: main text, title, author, date, outlet, canonical URL.

    `url` is where the page was fetched from (helps trafilatura and the outlet table); `name` overrides
    the outlet name the page gives. Raises SourceError when the page holds no readable text.
    """
    if isinstance(data, bytes) and b"\0" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(f"{origin}: binary content, not an HTML page")
    document = _trafilatura(data, url)
    site = _clean(getattr(document, "sitename", None) or "")
    meta_title = strip_site_name(_clean(getattr(document, "title", None) or ""), site)
    meta_title, text = split_headline(meta_title, clean_main_text(getattr(document, "text", None) or ""))
    tree = None
    if not text:
        tree = _parse(data)
        text = page_text(tree) if tree is not None else ""
    if not text:
        raise SourceError(f"{origin}: no readable text in the page")
    if is_section_label(meta_title):  # "World": the section's name, not the story's; the page's <h1> may be
        meta_title = ""
        found = _title_from_markup(tree if tree is not None else _parse(data))
        if found:
            meta_title, rest = split_headline(found, text)
            text = rest if rest.strip() else text
    title = meta_title or _title_from_markup(tree if tree is not None else _parse(data)) or _first_sentence(text)
    canonical = _absolute_url(getattr(document, "url", None)) or url
    return Article(
        text=text,
        title=title,
        source=name or _outlet(site, canonical or url),
        origin=origin,
        input=input or origin,
        url=canonical,
        published=page_date(getattr(document, "date", None), data, (url, canonical)),
        author=_clean(getattr(document, "author", None) or "") or None,
    )


def clean_main_text(text: str) -> str:
    """trafilatura's line-per-block output -> paragraphs joined by a blank line.

    Drops list bullets, lines that are only a timestamp (leaked metadata), and long paragraphs repeated
    verbatim (hidden copies of the body some sites ship for scripts).
    """
    paragraphs: list[str] = []
    seen: set[str] = set()
    for line in text.split("\n"):
        line = _clean(line)
        if line.startswith(("- ", "* ", "• ")):
            line = line[2:].strip()
        if not _WORD.search(line) or _JUNK_LINE.fullmatch(line):
            continue
        if len(line.split()) >= _DEDUPE_MIN_WORDS:
            key = _key(line)
            if key in seen:
                continue
            seen.add(key)
        paragraphs.append(line)
    return "\n\n".join(paragraphs)


def split_headline(title: str, text: str) -> tuple[str, str]:
    """When the text opens with the headline, move it out of the body (it is the title, not a paragraph).

    The page's <h1> is often the cleanest headline: "Storm hits coast" beats the <title>
    "Storm hits coast - Daily News - Latest news", so a shorter opening line that the title starts with wins.
    """
    first, _, rest = text.partition("\n\n")
    first_key, title_key = _key(first), _key(title)
    if not first_key or not title_key:
        return title, text
    if first_key == title_key:
        return title, rest
    if title_key.startswith(first_key) and len(first.split()) >= 3 and not first.endswith((".", "!", "?")):
        return first, rest
    return title, text


def strip_site_name(title: str, site: str) -> str:
    """ "Storm hits coast | Daily News" -> "Storm hits coast" when the page's site name is "Daily News"."""
    if not site or not title:
        return title
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and _key(site) and _key(site) in _key(tail):
            return head.strip()
        head, found, tail = title.partition(separator)  # "Daily News | Storm hits coast"
        if found and tail.strip() and _key(head) == _key(site):
            return tail.strip()
    return title


def html_to_text(markup: str, *, drop_page_chrome: bool = False) -> str:
    """Any HTML (a fragment from a feed, or a whole page) -> plain paragraphs joined by a blank line."""
    if not markup or "<" not in markup:
        return "\n\n".join(p for p in (_clean(x) for x in re.split(r"\n\s*\n", markup or "")) if p)
    tree = _parse_markup(markup)
    return page_text(tree, drop_page_chrome=drop_page_chrome) if tree is not None else ""


def page_text(tree, *, drop_page_chrome: bool = True) -> str:
    """Text of a parsed page, one paragraph per block element, scripts and (optionally) menus removed."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    for tag in _NOISE_TAGS + (_PAGE_CHROME_TAGS if drop_page_chrome else ()):
        for element in list(root.iter(tag)):
            element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments, processing instructions
            continue
        if element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n\n" + (element.text or "")
    raw = root.text_content()
    paragraphs = (_clean(part) for part in re.split(r"\n\s*\n", raw))
    return "\n\n".join(p for p in paragraphs if _WORD.search(p))


# --- helpers ---------------------------------------------------------------------------------------


def _trafilatura(data: bytes | str, url: str | None):
    import trafilatura  # imported here: heavy, and only needed when a page is read

    try:
        return trafilatura.bare_extraction(data, url=url, with_metadata=True, **TRAFILATURA_OPTIONS)
    except Exception:  # trafilatura on hostile markup: fall back to the plain reading, never crash
        return None


def _parse(data: bytes | str):
    try:
        from trafilatura.utils import load_html  # decodes bytes by the page's declared/sniffed charset

        tree = load_html(data)
    except Exception:
        tree = None
    if tree is None:
        tree = _parse_markup(data)
    return tree


def _parse_markup(markup: str | bytes):
    """lxml tree of a page or of a fragment (lxml wraps fragments in <html><body>)."""
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.document_fromstring(markup)
    except ValueError:  # a str that declares its own encoding
        if isinstance(markup, bytes):
            return None
        try:
            return lxml.html.document_fromstring(markup.encode("utf-8"))
        except (ValueError, lxml.etree.ParserError):
            return None
    except lxml.etree.ParserError:  # nothing but whitespace or comments
        return None


def _title_from_markup(tree) -> str:
    if tree is None:
        return ""
    for xpath in ("//head/title", '//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content',
                  "//h1"):
        for found in tree.xpath(xpath):
            text = _clean(found if isinstance(found, str) else found.text_content())
            if text and not is_section_label(text):
                return text
    return ""


def _first_sentence(text: str, limit: int = 120) -> str:
    first = text.split("\n\n", 1)[0]
    try:
        from briefing.text.sentences import split_sentences

        first = (split_sentences(first) or [first])[0]
    except Exception:
        pass
    first = _clean(first)
    if len(first) > limit:
        first = first[:limit].rsplit(" ", 1)[0] + "…"
    return first


def _outlet(site_name: str, url: str | None) -> str:
    """A known outlet (by the page's site name, then by its domain) first; else the site name as written."""
    from briefing.text.outlets import canonical_outlet, known_outlet, outlet_from_url

    return (known_outlet(site_name) or (outlet_from_url(url) if url else None)
            or (canonical_outlet(site_name) if site_name else ""))


def _absolute_url(value: str | None) -> str | None:
    if value and re.match(r"https?://", value.strip(), re.I):
        return value.strip()
    return None


def _iso_date(value: str | None) -> str | None:
    if value and re.match(r"\d{4}-\d\d-\d\d", value):
        return value
    return None


# --- the page's date, to the precision the page gives it ------------------------------------------------
#
# htmldate (through trafilatura) always answers with a day: a year alone ("© 2015", a meta tag "2015")
# comes back as 1 January, a month alone ("2015-06") with today's day of the month. A day is kept only when
# the page (or its URL) writes it: as digits in any order ("2015-06-05", "20150605", "05.06.2015",
# "6/5/2015", "2015年6月5日") or with a month's name in any language ("5 June 2015", "June 5th, 2015",
# "5. Juni 2015"). Otherwise the month, when the page writes it ("2015-06", "June 2015"), else the year.

_YEAR_WINDOW = 48  # characters on either side of each place the year is written
_MAX_YEAR_PLACES = 2000
_GAP = r"(?:\s|&nbsp;|&#160;|,)*"


def page_date(value: str | None, data: bytes | str, urls: tuple[str | None, ...] = ()) -> str | None:
    """The page's publication date from htmldate's answer `value`, at the precision the page states:
    "2015-06-05", "2015-06" or "2015"; None when there is no answer."""
    iso = _iso_date(value)
    if not iso:
        return None
    try:
        year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    except ValueError:
        return None
    page = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    windows = _year_windows(" ".join(u for u in urls if u) + " " + page, str(year))
    if any(_day_written(w, year, month, day) for w in windows):
        return iso
    if any(_month_written(w, year, month) for w in windows):
        return iso[:7]
    return iso[:4]


def _year_windows(page: str, year: str) -> list[str]:
    windows: list[str] = []
    at = page.find(year)
    while at >= 0 and len(windows) < _MAX_YEAR_PLACES:
        windows.append(page[max(0, at - _YEAR_WINDOW): at + len(year) + _YEAR_WINDOW])
        at = page.find(year, at + 1)
    return windows


def _day_written(window: str, year: int, month: int, day: int) -> bool:
    y, m, d = str(year), f"0?{month}", f"0?{day}"
    patterns = (
        rf"(?<!\d){y}\s*[-/._\u5e74\s]?\s*{m}\s*[-/._\u6708\s]?\s*{d}(?!\d)",  # 2015-06-05, 20150605, 2015年6月5日
        rf"(?<!\d){d}\s?[-/.]\s?{m}\s?[-/.]\s?{y}(?!\d)",  # 05.06.2015, 05/06/2015
        rf"(?<!\d){m}[-/.]{d}[-/.]{y}(?!\d)",  # 6/5/2015
        rf"(?<!\d){d}(?:st|nd|rd|th|er|\u00ba|\.)?{_GAP}(?:de\s+|of\s+)?[^\W\d_]{{3,12}}\.?{_GAP}(?:de\s+)?{y}(?!\d)",
        rf"[^\W\d_]{{3,12}}\.?{_GAP}{d}(?:st|nd|rd|th)?(?!\d){_GAP}{y}(?!\d)",  # June 5th, 2015
    )
    return any(re.search(p, window, re.I) for p in patterns)


def _month_written(window: str, year: int, month: int) -> bool:
    from briefing.text.dates import _MONTHS

    names = "|".join(name for name, number in _MONTHS.items() if number == month)
    y, m = str(year), f"0?{month}"
    patterns = (
        rf"(?<!\d){y}\s*[-/._\u5e74]\s*{m}(?!\d)",  # 2015-06, 2015/6, 2015年6
        rf"(?<!\d){m}[-/.]{y}(?!\d)",  # 06/2015
        rf"\b(?:{names})\b\.?{_GAP}(?:of\s+)?{y}(?!\d)",  # June 2015
    )
    return any(re.search(p, window, re.I) for p in patterns)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _key(text: str) -> str:
    return "".join(_WORD.findall(text.lower()))
