"""Readers, one module per format, found by what they accept (in the manner of Pelican's readers).

A reader module defines:
    NAME: str                                   "text", "html", ...
    accepts(target: str) -> bool                by extension, content sniffing or URL scheme
    read(target: str, options: ReadOptions) -> list[Article]
and raises SourceError("TARGET: reason") for an input it has to skip (empty, binary, too large, ...).

Modules are imported on first use, in the order listed; the first that accepts a target reads it. A reader
whose module (or a library it needs) cannot be imported is unavailable and says why, instead of failing.
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from functools import cache
from types import ModuleType

__all__ = ["READER_MODULES", "WOULD_ACCEPT", "Reader", "readers", "find_reader", "NoReader"]

READER_MODULES: tuple[str, ...] = (
    "briefing.sources.newswire",  # by content (<DOC> archives are named by DOCNO, no usable extension)
    "briefing.sources.text",
    "briefing.sources.html",
    "briefing.sources.feed",
    "briefing.sources.url",
)

# What an unavailable reader would have taken (file endings, URL prefixes), to say why nothing reads a
# target. Only consulted when the module itself cannot be imported.
WOULD_ACCEPT: dict[str, tuple[str, ...]] = {
    "briefing.sources.html": (".html", ".htm", ".xhtml", ".shtml", ".html.gz", ".htm.gz"),
    "briefing.sources.feed": (".rss", ".atom", ".xml", ".rdf", ".feed"),
    "briefing.sources.url": ("http://", "https://"),
}


class NoReader(Exception):
    """No available reader accepts the target; str() says why."""


@dataclass(frozen=True)
class Reader:
    module_name: str
    module: ModuleType | None  # None when unavailable
    why_unavailable: str | None = None

    @property
    def name(self) -> str:
        return getattr(self.module, "NAME", None) or self.module_name.rsplit(".", 1)[-1]

    @property
    def available(self) -> bool:
        return self.module is not None

    def accepts(self, target: str) -> bool:
        if self.module is None:
            return False
        try:
            return bool(self.module.accepts(target))
        except Exception:  # a reader unsure about a strange target simply does not take it
            return False


def readers(modules: tuple[str, ...] | None = None) -> tuple[Reader, ...]:
    """Every reader in registry order (READER_MODULES unless given), available or not."""
    return _readers(READER_MODULES if modules is None else tuple(modules))


@cache
def _readers(modules: tuple[str, ...]) -> tuple[Reader, ...]:
    return tuple(_load(name) for name in modules)  # each module imported once, then cached


def _load(module_name: str) -> Reader:
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        missing = error.name or ""
        if missing == module_name:
            return Reader(module_name, None, "not installed in this version")
        if missing and not missing.startswith("briefing"):
            return Reader(module_name, None, f"needs the Python package {missing.split('.')[0]!r} ({error})")
        return Reader(module_name, None, f"failed to import ({error})")
    except Exception as error:  # a broken reader must not take the others down with it
        return Reader(module_name, None, f"failed to import ({type(error).__name__}: {error})")
    missing_api = [attr for attr in ("accepts", "read") if not callable(getattr(module, attr, None))]
    if missing_api:
        return Reader(module_name, None, f"module defines no {' or '.join(missing_api)}()")
    return Reader(module_name, module)


def find_reader(target: str, modules: tuple[str, ...] | None = None) -> Reader:
    """The first available reader that accepts `target`; NoReader (with the reason) when none does."""
    all_readers = readers(modules)
    for reader in all_readers:
        if reader.accepts(target):
            return reader
    lowered = target.lower()
    for reader in all_readers:
        hints = WOULD_ACCEPT.get(reader.module_name, ())
        if not reader.available and (lowered.endswith(hints) or lowered.startswith(hints)):
            raise NoReader(f"the {reader.name} reader is unavailable: {reader.why_unavailable}")
    if "://" in target:
        raise NoReader(f"unsupported URL scheme {target.split('://', 1)[0]!r}")
    ext = os.path.splitext(target)[1]
    raise NoReader(f"unsupported file type {ext}" if ext else "not a text file and no extension")
