"""briefing: situation briefs from news articles.

Public API (everything else is internal):
    read_sources(inputs)          -> list[Article]
    summarize(articles, words=)   -> list[Selected]
    extract_figures(articles)     -> list[Figure];  reconcile(figures, today=) -> {category: Total}
    generate(inputs, config, ...) -> GenerateResult (brief + paths written)
Imports are lazy so that `briefing summarize` never loads the PDF renderer.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["read_sources", "summarize", "extract_figures", "reconcile", "generate", "load_config"]


def read_sources(inputs, options=None, warn=None):
    from briefing.sources import read_inputs

    return read_inputs(list(inputs), options, warn)


def summarize(articles, *, words=None, sentences=None, today=None):
    from briefing.summarize import summarize as _summarize

    return _summarize(articles, words=words, sentences=sentences, today=today)


def extract_figures(articles):
    from briefing.figures import extract_figures as _extract

    return _extract(articles)


def reconcile(figures, *, today=None, over_time=True):
    from briefing.figures import reconcile as _reconcile

    return _reconcile(figures, today=today, over_time=over_time)


def load_config(path=None):
    from briefing import config

    return config.load(path) if path else config.parse({})


def generate(inputs, config=None, **kwargs):
    from briefing.pipeline import generate as _generate

    return _generate(inputs, config if config is not None else load_config(), **kwargs)
