"""Plain-text and Markdown articles (.txt, .text, .md, .markdown, and text files without an extension).

Metadata comes from YAML front matter (or a "Title: ... / Source: ..." header block) when present;
otherwise from what the text itself says: a headline on the first line, the outlet in a trailer or dateline,
the date the events happened. Layout is recovered whatever it was: one sentence per line, one paragraph per
line, blank-line paragraphs, or hard-wrapped at a fixed width.
"""
from __future__ import annotations

import functools
import logging
import os
import re

from briefing.errors import SourceError
from briefing.models import Article
from briefing.sources.options import ReadOptions
from briefing.text.clean import clean_paragraphs, normalise_spaces, parse_trailer, strip_dateline
from briefing.text.dates import event_date, is_partial_date, parse_date, parse_date_precise
from briefing.text.decode import BinaryData, decode_bytes, looks_binary

NAME = "text"
EXTENSIONS = (".txt", ".text", ".md", ".markdown")
_MARKDOWN = (".md", ".markdown")
_SNIFF_BYTES = 4096
# Endings that say nothing about the format, so the content decides: wire archives named by number
# ("APW19981016.0240"), "story.1", "note.2026-11-22".
_UNTYPED_EXTENSION = re.compile(r"\.[\d_-]+")

__all__ = ["NAME", "EXTENSIONS", "accepts", "read", "read_file_bytes", "article_from_text", "paragraphs_of"]


def accepts(target: str) -> bool:
    """A .txt/.md file, or a file without extension that is not markup (HTML, feeds go elsewhere)."""
    if "://" in target:
        return False
    name = os.path.basename(target).lower()
    if name.endswith(EXTENSIONS):
        return True
    ext = os.path.splitext(name)[1]
    if ext and not _UNTYPED_EXTENSION.fullmatch(ext):
        return False
    try:
        with open(target, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    # binary files are accepted so that reading them says why they were skipped
    return looks_binary(head) or not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def read(target: str, options: ReadOptions | None = None) -> list[Article]:
    options = options or ReadOptions()
    data = read_file_bytes(target, options.max_bytes)
    try:
        text = decode_bytes(data)
    except BinaryData as error:
        raise SourceError(f"{target}: {error}") from None
    article = article_from_text(text, origin=target, markdown=target.lower().endswith(_MARKDOWN))
    if article is None:
        raise SourceError(f"{target}: no article text")
    return [article]


def read_file_bytes(path: str, max_bytes: int) -> bytes:
    """The file's bytes; SourceError("PATH: reason") when it is too large, empty or unreadable."""
    try:
        data = _read_at_most(path, max_bytes + 1)
    except OSError as error:
        raise SourceError(f"{path}: cannot read ({error.strerror or error})") from None
    if len(data) > max_bytes:
        raise SourceError(f"{path}: larger than the {max_bytes:,}-byte input limit (input.max_bytes)")
    if not data.strip():
        raise SourceError(f"{path}: empty file")
    return data


_CHUNK = 1 << 16


def _read_at_most(path: str, limit: int) -> bytes:
    """Up to `limit` bytes of a file, asking for its size first: `read(limit)` would allocate `limit`
    bytes (10 MB) for every 3 KB article, which costs more than the rest of reading it."""
    with open(path, "rb", buffering=0) as handle:
        size = os.fstat(handle.fileno()).st_size
        data = handle.read(min(size + 1, limit))
        if len(data) < limit and data:  # the file grew, or is a pipe or /proc file: read on to the end
            parts = [data]
            total = len(data)
            while total < limit:
                chunk = handle.read(min(_CHUNK, limit - total))
                if not chunk:
                    break
                parts.append(chunk)
                total += len(chunk)
            data = b"".join(parts)
    return data


# ------------------------------------------------------------------------------------------- metadata

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADER_LINE = re.compile(
    r"^(?P<key>title|headline|source|publisher|outlet|url|link|date|published|author|by|byline)\s*:\s*(?P<value>\S.*)$",
    re.I,
)
_KEYS = {
    "title": ("title", "headline"),
    "source": ("source", "outlet", "publisher", "site", "site_name", "sitename", "agency"),
    "url": ("url", "link", "canonical", "canonical_url", "permalink"),
    "published": ("published", "date", "pubdate", "pub_date", "published_at", "publication_date",
                  "datetime", "created", "dateline"),
    "author": ("author", "by", "byline", "authors"),
    "event_date": ("event_date", "event", "occurred"),
}
_BYLINE = re.compile(r"^(?i:by)\s+[A-Z][\w.'\-]+(?:[ ,]+(?:and\s+)?[A-Z][\w.'\-]+){0,6}\s*(?:[|,\-\u2013\u2014].{0,60})?$")


def _front_matter(text: str, origin: str = "") -> tuple[dict[str, object], str]:
    """YAML front matter (a mapping between --- lines) or a header block of "Key: value" lines."""
    m = _FRONT_MATTER.match(text)
    if m:
        data, problem = _load_front_matter(m.group(1))
        if isinstance(data, dict):
            meta, dropped = _meta_values(data)
            if dropped:
                _warn_front_matter(origin, "ignored " + ", ".join(dropped) + " (not a plain value)")
            return meta, text[m.end():]
        if problem or _KEY_LINE.search(m.group(1)):  # front matter that cannot be used: the body still is
            _warn_front_matter(origin, problem or "not a mapping of keys to values")
            return {}, text[m.end():]
    rest = text.lstrip("\n")
    header: dict[str, object] = {}
    start = 0
    while True:  # line by line, without splitting the whole text: most texts stop at their first line
        end = rest.find("\n", start)
        line = rest[start:] if end < 0 else rest[start:end]
        hm = _HEADER_LINE.match(line.strip())
        if not hm:
            if header and not line.strip():
                return _meta(header), ("" if end < 0 else rest[end + 1:])
            break
        header[hm.group("key").lower()] = hm.group("value").strip()
        if end < 0:
            break
        start = end + 1
    return {}, text


# ------------------------------------------------------------------------------ front matter, safely
#
# Front matter is hostile input like the rest of the file. PyYAML's safe loader still expands aliases: nine
# nested lists of nine aliases ("billion laughs") are 600 bytes that become 9^9 strings once a value is
# turned into text. Anchors and aliases have no use in an article's metadata: any is refused, and the whole
# front matter with it. Dates are taken as the text they are written as (parse_date reads them), so an
# impossible one ("2020-02-30") only loses that value. Front matter larger than _MAX_FRONT_MATTER is not
# parsed at all, and values longer than _MAX_VALUE_CHARS (or not plain values) are left out.

_MAX_FRONT_MATTER = 64_000
_MAX_VALUE_CHARS = 2_000
_MAX_LIST_ITEMS = 20  # authors: [A, B, C]
_KEY_LINE = re.compile(r"^[ \t]*[\w\-\"']+[ \t]*:", re.M)
log = logging.getLogger(__name__)


class _Refused(Exception):
    pass


@functools.lru_cache(maxsize=1)
def _loader_class():
    import yaml

    class FrontMatterLoader(yaml.SafeLoader):
        """SafeLoader without anchors, aliases or timestamps (dates stay text)."""

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                raise _Refused("YAML aliases are not allowed")
            if getattr(self.peek_event(), "anchor", None) is not None:
                raise _Refused("YAML anchors are not allowed")
            return super().compose_node(parent, index)

    FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", FrontMatterLoader.construct_yaml_str)
    return FrontMatterLoader


def _load_front_matter(source: str) -> tuple[object, str | None]:
    """(the parsed front matter, None) or (None, why it was not used)."""
    if len(source) > _MAX_FRONT_MATTER:
        return None, f"larger than {_MAX_FRONT_MATTER:,} characters"
    import yaml  # only files with front matter pay for it

    loader = _loader_class()(source)
    try:
        return loader.get_single_data(), None
    except _Refused as refused:
        return None, str(refused)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or type(error).__name__
        mark = getattr(error, "problem_mark", None)
        return None, f"invalid YAML ({problem}" + (f", line {mark.line + 2})" if mark else ")")
    except (RecursionError, MemoryError, ValueError, TypeError, OverflowError) as error:
        return None, f"invalid YAML ({type(error).__name__})"
    finally:
        loader.dispose()


def _meta_values(data: dict) -> tuple[dict[str, object], list[str]]:
    """(the known keys' values that are plain and small, the known keys whose values were left out)."""
    raw: dict[str, object] = {}
    dropped: list[str] = []
    known = {alias for aliases in _KEYS.values() for alias in aliases}
    for key, value in data.items():
        name = str(key).lower().strip() if isinstance(key, (str, int, float)) else ""
        if name not in known or name in raw:
            continue
        plain = _plain_value(value, allow_list=name in _KEYS["author"])
        if plain is _NOT_PLAIN:
            dropped.append(name)
        else:
            raw[name] = plain
    return _meta(raw), dropped


_NOT_PLAIN = object()


def _plain_value(value: object, allow_list: bool = False) -> object:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return value if len(value) <= _MAX_VALUE_CHARS else _NOT_PLAIN
    if allow_list and isinstance(value, list) and len(value) <= _MAX_LIST_ITEMS:
        items = [_plain_value(v) for v in value]
        if all(isinstance(v, str) or v is None for v in items):
            return [v for v in items if v]
    return _NOT_PLAIN


def _warn_value(origin: str, field: str, value: object) -> None:
    from briefing.text.controls import one_line, safe_name

    shown = one_line(str(value))
    shown = shown if len(shown) <= 40 else shown[:39] + "\u2026"
    log.warning("%s: %s %r is not a date, left out", safe_name(origin) or "article", field, shown)


def _day_known(published: str | None) -> str | None:
    """A publication date that names a day, for resolving the text's own dates (None for "2015", "2015-06")."""
    return None if is_partial_date(published) else published


def _warn_front_matter(origin: str, why: str) -> None:
    from briefing.text.controls import safe_name

    log.warning("%s: front matter ignored: %s", safe_name(origin) or "article", why)


def _meta(raw: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for field, aliases in _KEYS.items():
        for alias in aliases:
            value = raw.get(alias)
            if value not in (None, "", [], {}):
                out[field] = value
                break
    return out


def _text_value(value: object) -> str | None:
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value if v is not None)
    if value is None:
        return None
    s = normalise_spaces(str(value)).replace("\n", " ").strip()
    return s or None


def _http_url(value: object) -> str | None:
    s = _text_value(value)
    return s if s and re.match(r"https?://[^\s/]", s, re.I) else None


# --------------------------------------------------------------------------------------------- layout

_BLANK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_MAX_WRAP_WIDTH = 100  # wider "lines" are paragraphs or sentences, not a wrapped column
_MIN_WRAPPED_SHARE = 0.5


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs of a plain text, whatever its layout (each paragraph on one line, in order)."""
    lines = [line.rstrip() for line in text.split("\n")]
    width = _wrap_width(lines)
    paragraphs: list[str] = []
    current: list[str] = []
    for i, line in enumerate(lines):
        if not line.strip():
            if current:
                paragraphs.append(_join(current))
                current = []
            continue
        current.append(line.strip())
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if not nxt or not _continues(line, nxt, width):
            paragraphs.append(_join(current))
            current = []
    if current:
        paragraphs.append(_join(current))
    return paragraphs


_HYPHEN_END = re.compile(r"[^\W\d_]-$")


def _join(lines: list[str]) -> str:
    """Lines of one paragraph as one line; a line broken after a hyphen ("long-" / "term") is rejoined."""
    out = lines[0]
    for line in lines[1:]:
        out += line if _HYPHEN_END.search(out[-3:]) and line[:1].isalpha() else " " + line
    return out


def _wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None when lines are not wrapped.

    A line was wrapped when the next line's first word would not have fit on it; in a wrapped text
    most lines followed by another line were.
    """
    lengths = [len(line.strip()) for line in lines if line.strip()]
    if len(lengths) < 3:
        return None
    width = max(lengths)
    if width > _MAX_WRAP_WIDTH:
        # a few over-long lines (a URL) may stick out; use the length most lines stay under
        width = sorted(lengths)[int(0.9 * (len(lengths) - 1))]
        if width > _MAX_WRAP_WIDTH:
            return None
    pairs = wrapped = 0
    for line, nxt in zip(lines, lines[1:]):
        if line.strip() and nxt.strip():
            pairs += 1
            wrapped += _full(line, nxt, width)
    return width if pairs >= 2 and wrapped >= _MIN_WRAPPED_SHARE * pairs else None


def _full(line: str, nxt: str, width: int) -> bool:
    return len(line.strip()) + 1 + len(nxt.split(None, 1)[0]) > width - 2


def _continues(line: str, nxt: str, width: int | None) -> bool:
    """Does `nxt` continue the paragraph of `line` (as opposed to starting a new one)?"""
    if width is not None:  # wrapped: a line that starts with "- " or "57. " may just continue the text
        return _full(line, nxt, width)
    if _LIST_ITEM.match(nxt) or nxt.startswith("#"):
        return False
    # not wrapped: each line is a paragraph (or a sentence), unless it visibly breaks mid-sentence
    end = line.strip()[-6:]
    return not _SENTENCE_END.search(end) and nxt[:1].islower() and not end.endswith(":")


_LIST_ITEM = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,2}[.)])\s+")

# --------------------------------------------------------------------------------------------- markdown

_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto|file|javascript):[^>\s]*>", re.I)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.M)
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?", re.M)
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.M)


def _strip_markdown(text: str) -> tuple[str, str | None]:
    """Plain text from Markdown; the first level-1/2 heading at the top is returned as the title."""
    title = None
    m = _MD_HEADING.search(text)
    if m and not text[: m.start()].strip():
        title = m.group(1).strip()
        text = text[m.end():]
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub("", text)
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return text, title


# ---------------------------------------------------------------------------------------------- title

_MAX_HEADLINE_WORDS = 20
_MAX_HEADLINE_CHARS = 160
_TITLE_MIN_WORDS, _TITLE_MAX_WORDS = 6, 16
_LEDE_CHARS = 2000
# Where a lede sentence can be cut into a headline-like phrase: before a clause.
_CLAUSE = re.compile(
    r",\s|;\s|\s[\u2013\u2014]\s|\s-\s|:\s|\s(?=(?:which|who|whose|where|after|as|while|despite|amid|following|"
    r"saying|because|since|when|with|raising|leaving|killing|prompting|according)\s)"
)
_QUOTES = re.compile(r"[\"\u201c\u201d]")


_WORD = re.compile(r"\w")
_NOT_HEADLINE_END = re.compile(r"[.,;:\u2026][\"'\u201d\u2019)\]]*$")  # a sentence, maybe quoted; "?"/"!" may end one


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "\u2026"


def _is_headline(paragraph: str) -> bool:
    p = paragraph.strip()
    if not p or len(p) > _MAX_HEADLINE_CHARS or len(p.split()) > _MAX_HEADLINE_WORDS:
        return False
    if _NOT_HEADLINE_END.search(p[-6:]) or _LIST_ITEM.match(p) or parse_trailer(p):
        return False
    first = p.lstrip("\"'\u201c\u2018")[:1]
    return first.isupper() or first.isdigit()


def headline_from_lede(lede: str) -> str:
    """A headline-like phrase from the article's first sentence: its main clause, at most ~16 words."""
    sentence = _first_sentence(lede[:_LEDE_CHARS])  # never longer; a 10 MB "paragraph" is not split whole
    sentence = re.sub(r"[.!?\u2026]+([\"'\u201d\u2019]?)$", r"\1", sentence)
    words = sentence.split()
    if len(words) <= _TITLE_MAX_WORDS:
        return sentence
    for m in _CLAUSE.finditer(sentence):
        head = sentence[: m.start()].rstrip(" ,;:-\u2013\u2014")
        count = len(head.split())
        if count > _TITLE_MAX_WORDS:
            break
        if count >= _TITLE_MIN_WORDS and len(_QUOTES.findall(head)) % 2 == 0:
            return head
    return " ".join(words[:_TITLE_MAX_WORDS - 2]).rstrip(" ,;:-\u2013\u2014") + "\u2026"


_PROBE_CHARS = 300  # most first sentences end well before this


def _first_sentence(lede: str) -> str:
    """The first sentence of `lede` as split_paragraph(lede) gives it, splitting as little text as possible.

    Splitting a prefix that ends at a space gives the same sentences as splitting the whole, except around
    the prefix's last word (what follows it is unknown): every break before that word depends only on the
    words on either side of it, and merging a piece into the previous sentence only on that sentence and
    the piece's first word. So once the prefix holds a second sentence, the first one is final.
    """
    from briefing.text.sentences import split_paragraph

    if len(lede) > _PROBE_CHARS:
        cut = lede.rfind(" ", 0, _PROBE_CHARS)
        if cut > 0:
            sentences = split_paragraph(lede[:cut])
            if len(sentences) >= 2:
                return sentences[0].strip()
    return (split_paragraph(lede) or [lede])[0].strip()


# ----------------------------------------------------------------------------------------------- read


def article_from_text(
    text: str, *, origin: str, markdown: bool = False, input: str = ""
) -> Article | None:
    """One Article from decoded text, or None when no body text is left after cleaning."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body = _front_matter(text, origin)
    md_title = None
    if markdown:
        body, md_title = _strip_markdown(body)
    paragraphs = paragraphs_of(normalise_spaces(body))
    author = _text_value(meta.get("author"))
    title = _text_value(meta.get("title")) or md_title
    if not title and len(paragraphs) > 1 and _is_headline(paragraphs[0]):
        title = paragraphs.pop(0)
    if paragraphs and _BYLINE.match(paragraphs[0]) and len(paragraphs) > 1:
        author = author or paragraphs[0][3:].strip()
        paragraphs.pop(0)
    cleaned = clean_paragraphs(paragraphs, spaces_normalised=True)  # paragraphs_of(normalise_spaces(...))
    if not any(_WORD.search(p) for p in cleaned.paragraphs):
        # Only short lines without a full stop ("A roadside bomb kills 35 and injures 27"): in a text with
        # nothing else they are the report itself, not subheadings.
        cleaned = clean_paragraphs(paragraphs, drop_subheadings=False, spaces_normalised=True)
    if not any(_WORD.search(p) for p in cleaned.paragraphs):
        return None
    body_text = "\n\n".join(cleaned.paragraphs)
    if title:
        title, _ = strip_dateline(title)
    title = title or headline_from_lede(cleaned.paragraphs[0]) or _shorten(cleaned.paragraphs[0])

    published = parse_date_precise(meta.get("published"))
    stated = parse_date(meta.get("event_date"))
    for field, value, parsed in (("published", meta.get("published"), published),
                                 ("event_date", meta.get("event_date"), stated)):
        if value not in (None, "") and parsed is None:
            _warn_value(origin, field, value)
    stated = stated[:10] if stated else event_date("\n".join([body_text, *cleaned.captions]), _day_known(published))
    source = _text_value(meta.get("source"))
    if source:
        from briefing.text.outlets import canonical_outlet

        source = canonical_outlet(source)
    return Article(
        text=body_text,
        title=title,
        source=source or cleaned.outlet or "",
        origin=origin,
        input=input,
        url=_http_url(meta.get("url")),
        published=published,
        event_date=stated,
        attribution=cleaned.attribution,
        author=author,
    )
