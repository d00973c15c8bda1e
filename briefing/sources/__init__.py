"""Sources in, articles out: files, folders (recursively) and URLs, each read by the reader that accepts it.

    read_inputs(["seeds", "extra.txt", "https://example.org/feed"], ReadOptions(), warn) -> [Article, ...]

An input that does not exist is an error (SourceError, exit 2). One that exists but cannot be used -
unreadable, empty, binary, too large, no reader for it - is skipped with one warning line naming it and the
reason, and the others are read. When nothing at all could be read, SourceError("nothing readable in: ...").
Inside folders, hidden files and folders are skipped, and so, silently, are the files that come with saved
web pages (images, style sheets, scripts, fonts, media: QUIET_EXTENSIONS); any other file no reader accepts
gets its warning (issue 7: a binary file is never dropped without a word).
"""
from __future__ import annotations

import dataclasses
import functools
import logging
import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from briefing.errors import SourceError
from briefing.models import Article
from briefing.parallel import in_two_processes
from briefing.sources.options import ReadOptions
from briefing.sources.registry import NoReader, find_reader

__all__ = ["read_inputs", "read_input_groups", "read_input", "ReadOptions", "SourceError", "is_url", "check_inputs_exist", "QUIET_EXTENSIONS"]

Warn = Callable[[str], None]
QUIET_EXTENSIONS = frozenset(
    ".css .js .mjs .map .png .jpg .jpeg .gif .webp .svg .ico .bmp .tif .tiff .avif .heic .woff .woff2 .ttf "
    ".otf .eot .mp3 .mp4 .m4a .webm .ogg .oga .wav .mov .avi .pyc .db .ini .lock .part .crdownload".split()
)
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*://")
_MAX_REASON_CHARS = 300


def is_url(target: str) -> bool:
    return bool(_URL.match(target))


def read_inputs(inputs: Sequence[str], options: ReadOptions | None = None, warn: Warn | None = None) -> list[Article]:
    """Every article of every input, in input order (a target named twice is read once)."""
    options, warn = options or ReadOptions(), warn or _log_warning
    check_inputs_exist(inputs)
    seen: set[str] = set()
    articles: list[Article] = []
    skipped = 0
    for given in inputs:
        found, n = _read_one(given, options, warn, seen)
        articles.extend(found)
        skipped += n
    if not articles:
        raise SourceError(_nothing_readable(inputs, skipped))
    return articles


def read_input_groups(
    inputs: Sequence[str], options: ReadOptions | None = None, warn: Warn | None = None
) -> list[tuple[str, list[Article]]]:
    """(input as given, its articles) for each input argument, in order (for --each)."""
    options, warn = options or ReadOptions(), warn or _log_warning
    check_inputs_exist(inputs)
    groups: list[tuple[str, list[Article]]] = []
    skipped = 0
    for given in inputs:
        found, n = _read_one(given, options, warn, set())
        groups.append((_safe(given), found))  # as given, a name that is not UTF-8 escaped as in Article.input
        skipped += n
    if not any(found for _, found in groups):
        raise SourceError(_nothing_readable(inputs, skipped))
    return groups


def read_input(given: str, options: ReadOptions | None = None, warn: Warn | None = None) -> list[Article]:
    """The articles of one input (possibly none); SourceError only when the path does not exist."""
    check_inputs_exist([given])
    return _read_one(given, options or ReadOptions(), warn or _log_warning, set())[0]


# ------------------------------------------------------------------------------------------------------


def _log_warning(message: str) -> None:
    logging.getLogger("briefing").warning("%s", message)


def _safe(name: str) -> str:
    from briefing.text.controls import safe_name

    return safe_name(name)


def _escaping(warn: Warn) -> Warn:
    """`warn` for messages that may name a file whose name is not UTF-8: escaped, so every log can write it."""
    return lambda message: warn(_safe(message))


def check_inputs_exist(inputs: Sequence[str]) -> None:
    """SourceError naming the first input that is neither a URL nor an existing path (before any reading)."""
    for given in inputs:
        if not is_url(given) and not os.path.exists(given):
            raise SourceError(f"no such file or directory: {_safe(given)}")


def _nothing_readable(inputs: Sequence[str], skipped: int) -> str:
    names = ", ".join(_safe(given) for given in inputs) if inputs else "(no inputs given)"
    more = f" ({skipped} skipped, see the warnings)" if skipped else ""
    return f"nothing readable in: {names}{more}"


def _targets(given: str, warn: Warn) -> Iterable[tuple[str, bool]]:
    """(target, named directly?) for one input: itself, or the files of a folder in a stable order."""
    if is_url(given) or not os.path.isdir(given):
        yield given, True
        return

    def unreadable(error: OSError) -> None:
        warn(f"skipped {error.filename or given}: cannot read ({error.strerror or error})")

    for folder, subfolders, files in os.walk(given, onerror=unreadable):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and not name.endswith("~"):
                yield os.path.join(folder, name), False


def _read_one(given: str, options: ReadOptions, warn: Warn, seen: set[str]) -> tuple[list[Article], int]:
    """(articles, number of targets skipped with a warning) for one input argument."""
    warn = _escaping(warn)
    since = _since(options.since)
    articles: list[Article] = []
    skipped = 0
    real_folders: dict[str, str] = {}
    # the targets to read, and the warnings of the walk (str) where they came, to say them in that order
    plan: list[tuple[str, bool] | str] = []
    for target, direct in _targets(given, plan.append):
        key = target if is_url(target) else _real_path(target, direct, real_folders)
        if key not in seen:
            seen.add(key)
            plan.append((target, direct))
    outcomes = iter(_read_targets([step for step in plan if not isinstance(step, str)], options))
    for step in plan:
        if isinstance(step, str):
            warn(step)
            continue
        target = step[0]
        found = next(outcomes)
        if not isinstance(found, list):  # the reason it was skipped, or None to skip it silently
            if found:
                warn(f"skipped {target}: {found}")
                skipped += 1
            continue
        for article in found:
            if since and _older(article, since):
                continue
            articles.append(_bounded(_finish(article, given, options), warn))
    if options.limit is not None and options.limit >= 0:
        articles = articles[: options.limit]
    return articles, skipped


MAX_TEXT_CHARS = 300_000  # about 50,000 words, five times the longest long-read: more is read no further


def _bounded(article: Article, warn: Warn) -> Article:
    """An article cut to MAX_TEXT_CHARS (at a paragraph break, else a space) with one warning: a 10 MB text
    under the size cap must not cost minutes; no news report is that long."""
    if len(article.text) <= MAX_TEXT_CHARS:
        return article
    head = article.text[:MAX_TEXT_CHARS]
    cut = head.rfind("\n\n")
    if cut < MAX_TEXT_CHARS // 2:
        cut = head.rfind(" ")
    cut = cut if cut > MAX_TEXT_CHARS // 2 else MAX_TEXT_CHARS
    warn(f"{article.origin}: only the first {cut:,} of its {len(article.text):,} characters are read")
    return dataclasses.replace(article, text=head[:cut].rstrip())


def _real_path(target: str, direct: bool, real_folders: dict[str, str]) -> str:
    """os.path.realpath(target), resolving each folder once: for a file that is not a link itself, the
    real path is its folder's real path and its name (realpath costs a system call per path component)."""
    if direct:
        return os.path.realpath(target)
    folder, name = os.path.split(target)
    if os.path.islink(target):
        return os.path.realpath(target)
    real = real_folders.get(folder)
    if real is None:
        real = real_folders[folder] = os.path.realpath(folder)
    return os.path.join(real, name)


PARALLEL_MIN_FILES = 500  # from this many files on, a second process reads half of them (see _read_targets)


def _read_targets(targets: list[tuple[str, bool]], options: ReadOptions) -> list:
    """For each (target, named directly?) in order: its articles (a list), or why it was skipped (a str;
    None to skip it silently).

    Reading thousands of files is CPU work (decoding, cleaning, dates, titles), independent per file: the
    second half of a long list of local files is read by a forked process while this one reads the first
    (the articles come back pickled, about 5 % of the cost of reading them).
    """
    if len(targets) < PARALLEL_MIN_FILES or any(is_url(t) for t, _ in targets):
        return _read_chunk(targets, options)
    # this process also has to unpack the other's articles and finish them all: it takes a little less
    read = functools.partial(_read_chunk, options=options)
    first, rest = in_two_processes(read, read, targets, share=0.45)
    return first + rest


def _read_chunk(targets: list[tuple[str, bool]], options: ReadOptions) -> list:
    out: list = []
    for target, direct in targets:
        try:
            out.append(_read_target(target, direct, options))
        except _Skip as skip:
            out.append(skip.reason)
    return out


class _Skip(Exception):
    def __init__(self, reason: str | None):
        super().__init__(reason)
        self.reason = reason  # None: skip silently


def _read_target(target: str, direct: bool, options: ReadOptions) -> list[Article]:
    local = not is_url(target)
    if local:
        try:
            status = os.stat(target)  # once, for both questions: a regular file? how large?
        except (OSError, ValueError):
            status = None
        if status is None or not stat.S_ISREG(status.st_mode):
            raise _Skip("not a regular file" if direct else None)
    try:
        reader = find_reader(target)
    except NoReader as why:
        if not direct and os.path.splitext(target)[1].lower() in QUIET_EXTENSIONS:
            raise _Skip(None) from None
        raise _Skip(_no_reader(target, str(why))) from None
    if local:
        size = status.st_size
        if size > options.max_bytes:
            raise _Skip(f"too large ({_size(size)}; the limit is {_size(options.max_bytes)}, input.max_bytes)")
        if size == 0:
            raise _Skip("empty file")
    try:
        articles = list(reader.module.read(target, options) or [])
    except SourceError as error:
        raise _Skip(_reason(target, str(error))) from None
    except OSError as error:
        raise _Skip(f"cannot read ({error.strerror or error})") from None
    except Exception as error:  # a reader's bug or a library choking on hostile input: skip, go on
        raise _Skip(_reason(target, f"{reader.name} reader failed: {type(error).__name__}: {error}")) from None
    return [_dated(article, target if local and len(articles) == 1 else None) for article in articles]


def _no_reader(target: str, why: str) -> str:
    from briefing.text.decode import looks_binary

    try:
        with open(target, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        head = b""
    if head and looks_binary(head):
        return f"binary file, no reader for it ({why})"
    return f"no reader for it: {why}"


def _reason(target: str, message: str) -> str:
    if message.startswith(target + ": "):
        message = message[len(target) + 2:]
    message = " ".join(message.split())
    return message if len(message) <= _MAX_REASON_CHARS else message[: _MAX_REASON_CHARS - 1] + "\u2026"


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def _finish(article: Article, given: str, options: ReadOptions) -> Article:
    """The one place every article passes before anything else sees it: where it came from as valid text
    (a file name that is not UTF-8 escaped, see safe_name), text and names without the format and control
    characters that could make the brief show other text than the article's (bidirectional overrides),
    an archived copy credited to its original, and a headline that is not a section's name."""
    from briefing.sources.archive import credit_original
    from briefing.sources.sections import is_section_label
    from briefing.text.controls import one_line, safe_name, strip_controls

    changes: dict[str, Any] = {}
    origin, given = safe_name(article.origin), safe_name(given)
    if origin != article.origin:
        changes["origin"] = origin
    if article.input != given:
        changes["input"] = given
    text = strip_controls(article.text)
    if text != article.text:
        changes["text"] = text
    for field in ("title", "source", "author", "attribution", "url"):
        value = getattr(article, field)
        if value:
            cleaned = (strip_controls if field == "attribution" else one_line)(safe_name(value))
            if cleaned != value:
                changes[field] = cleaned
    if article.outlets:
        outlets = tuple(one_line(name) for name in article.outlets)
        if outlets != article.outlets:
            changes["outlets"] = outlets
    if options.name and article.source != options.name:
        changes["source"] = options.name
    if changes:
        article = dataclasses.replace(article, **changes)
        changes = {}
    article = credit_original(article, keep_source=bool(options.name))
    if article.title and is_section_label(article.title):
        changes["title"] = _headline(article)
    if not changes.get("title", article.title):
        changes["title"] = os.path.splitext(os.path.basename(article.origin.rstrip("/")))[0] or article.origin
    return dataclasses.replace(article, **changes) if changes else article


def _headline(article: Article) -> str:
    """A headline from the article's lead, when its title was only a section's name ("World")."""
    from briefing.sources.sections import is_section_label
    from briefing.sources.text import headline_from_lede

    first = next((p for p in article.text.split("\n\n") if p.strip() and not is_section_label(p)), "")
    return headline_from_lede(first) if first else ""


_HEAD_BYTES = 2048
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n.*?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def _dated(article: Article, path: str | None) -> Article:
    """The article with its publication date when its reader found none in metadata, front matter, a feed
    entry or a wire DOCNO: from its URL's path or its origin's (when that is a URL), else from a dateline or
    date stamp in its first lines - in its text, or in the file it alone came from (`path`), whose date
    lines readers drop as boilerplate; with it, the events' date when the text states one (year-less
    dates need it). Every reader's articles pass here, so this is the one place that does it."""
    from briefing.text.dates import event_date, is_partial_date, publication_date

    known = article.published  # a date known only to the year or month ("2015-06") can gain its day here
    if known and not is_partial_date(known):
        return article
    urls = (article.url, article.origin if is_url(article.origin) else None)
    published = publication_date(article.text, urls, title=article.title)
    if not published and path:
        published = publication_date(_file_head(path), urls)
    if not published or (known and not published.startswith(known)):
        return article
    stated = article.event_date or event_date(article.text, published)
    return dataclasses.replace(article, published=published, event_date=stated)


def _file_head(path: str) -> str:
    """The first lines of a file's text, after its front matter ("" when it cannot be read)."""
    from briefing.text.decode import decode_bytes

    try:
        with open(path, "rb") as handle:
            text = decode_bytes(handle.read(_HEAD_BYTES))
    except Exception:  # unreadable, or not text: no date from it
        return ""
    return _FRONT_MATTER.sub("", text, count=1).replace("\r\n", "\n")


def _since(value: str | None) -> str | None:
    if not value:
        return None
    from briefing.text.dates import parse_date

    iso = parse_date(value)
    return iso[:10] if iso else None


def _older(article: Article, since: str) -> bool:
    """Published (or, failing that, dated) before `since`; a date known to the year or month ("2015-06") only
    when that whole year or month is."""
    when = (article.published or article.event_date or "")[:10]
    return bool(when) and when < since[: len(when)]
