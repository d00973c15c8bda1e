"""briefing: situation briefs from news articles.

Public API (everything else is internal):
    read_sources(inputs)          -> list[Article]
    summarize(articles, words=)   -> list[Selected]
    extract_figures(articles)     -> list[Figure];  reconcile(figures, today=) -> {category: Total}
    generate(inputs, config, ...) -> GenerateResult (brief + paths written)
Imports are lazy so that `briefing summarize` never loads the PDF renderer.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import os
    from datetime import date

    from briefing.config import Config
    from briefing.models import Article, Figure, Selected, Total
    from briefing.pipeline import GenerateResult
    from briefing.sources.options import ReadOptions

__all__ = ["read_sources", "summarize", "extract_figures", "reconcile", "generate", "load_config"]


def __getattr__(name: str) -> Any:
    if name == "__version__":  # read from the installed package only when asked (briefing.version)
        from briefing.version import __version__

        return __version__
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")


def read_sources(inputs: Iterable[str], options: ReadOptions | None = None,
                 warn: Callable[[str], None] | None = None) -> list[Article]:
    from briefing.sources import read_inputs

    return read_inputs(list(inputs), options, warn)


def summarize(articles: Sequence[Article], *, words: int | None = None, sentences: int | None = None,
              today: date | None = None) -> list[Selected]:
    from briefing.summarize import summarize as _summarize

    return _summarize(articles, words=words, sentences=sentences, today=today)


def extract_figures(articles: Sequence[Article]) -> list[Figure]:
    from briefing.figures import extract_figures as _extract

    return _extract(articles)


def reconcile(figures: Sequence[Figure], *, today: str | None = None, over_time: bool = True) -> dict[str, Total]:
    from briefing.figures import reconcile as _reconcile

    return _reconcile(figures, today=today, over_time=over_time)


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    from briefing import config

    return config.load(path) if path else config.parse({})


def generate(inputs: Sequence[str] | None, config: Config | None = None, **kwargs: Any) -> GenerateResult:
    from briefing.pipeline import generate as _generate

    return _generate(inputs, config if config is not None else load_config(), **kwargs)
