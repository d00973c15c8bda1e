r"""Text an article cannot use to make the brief show something other than what it says.

    strip_controls("Price \u202eevil\u202c list") -> "Price evil list"
    one_line("  A\u2066 title\n") -> "A title"
    safe_name("caf\udce9.txt") -> the text caf\xe9.txt (a backslash, then "xe9")

Removed: Unicode format (Cf) and control (Cc) characters - bidirectional embeddings, overrides and isolates
(U+202A-202E, U+2066-2069), marks (U+200E/F, U+061C), zero-width spaces, word joiners, BOMs, invisible
operators, interlinear annotations, tag characters - and line/paragraph separators outside plain text. Kept:
tab and newline in text, and the zero-width joiner and non-joiner (U+200D, U+200C) between two non-ASCII
characters, which Persian, the Indic scripts and emoji sequences need to be written correctly; they cannot
reorder or hide text.

File names that are not valid UTF-8 come from os.listdir as str with lone surrogates (U+DC80-DCFF, PEP
383); such a str cannot be encoded for a PDF, JSON, a log file or a mail. safe_name() writes those bytes as
backslash escapes (the byte 0xE9 as the four characters \xe9), the way Python shows them, so every later
stage gets valid text. Stdlib only.
"""
from __future__ import annotations

import re

__all__ = ["strip_controls", "one_line", "safe_name", "has_surrogates"]

# Every Cc, Cf, Cs (lone surrogates), Zl and Zp character of Unicode 14 except tab, newline, ZWNJ and ZWJ
# (computed once with unicodedata.category over all code points; tests/test_hostile_reading.py checks it
# against the running Python's tables).
_REMOVED_CLASS = (
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e"
    "\u200b\u200e-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)


_REMOVED = re.compile(_REMOVED_CLASS)
_SPACES = re.compile(r"\s+")
# the cheap test first: most texts are ASCII without controls but tab and newline
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


# a joiner is only kept between two characters of a script that can need it (never next to ASCII)
_STRAY_JOINER = re.compile(r"(?<![^\x00-\x7f])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\x7f])")


def strip_controls(text: str) -> str:
    """`text` without format and control characters (tab, newline, and ZWJ and ZWNJ between two non-ASCII
    characters kept)."""
    if not text:
        return text
    if text.isascii():
        return _ASCII_CONTROL.sub("", text) if _ASCII_CONTROL.search(text) else text
    text = _REMOVED.sub("", text)
    return _STRAY_JOINER.sub("", text) if "\u200c" in text or "\u200d" in text else text


def one_line(text: str) -> str:
    """A title or a name: controls removed, every run of white space (tabs, newlines) one space."""
    if not text:
        return text
    cleaned = strip_controls(text)
    if "\n" in cleaned or "\t" in cleaned or "  " in cleaned or cleaned != cleaned.strip():
        cleaned = _SPACES.sub(" ", cleaned).strip()
    return cleaned


def has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def safe_name(name: str) -> str:
    """A path or URL as valid text: bytes that were not UTF-8 (surrogate-escaped) as "\\xe9" escapes."""
    if not name or not has_surrogates(name):
        return name
    # surrogateescape gives back the file name's own bytes; any other lone surrogate is escaped as "\udxxx"
    raw = name.encode("utf-8", "surrogateescape") if _only_escapes(name) else None
    if raw is not None:
        return raw.decode("utf-8", "backslashreplace")
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _only_escapes(name: str) -> bool:
    return all(not 0xD800 <= ord(ch) <= 0xDFFF or 0xDC80 <= ord(ch) <= 0xDCFF for ch in name)
