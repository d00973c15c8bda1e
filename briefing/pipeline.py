"""The orchestrator: sources -> articles -> stories (summary + figures) -> Brief -> files.

The only module that knows the order of the stages. Each step takes its inputs as arguments so that
the scheduled run (run.py) can insert its own bookkeeping between them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Sequence
from zoneinfo import ZoneInfo

from briefing.config import Config
from briefing.errors import BriefingError, SourceError, UsageError
from briefing.models import Article, Brief
from briefing.text.dates import iso_day

Warn = Callable[[str], None]


@dataclass(frozen=True)
class GenerateResult:
    brief: Brief
    paths: dict[str, Path]  # format -> file written


def today(config: Config) -> date:
    return datetime.now(ZoneInfo(config.timezone)).date()


def read_options(config: Config, spec=None):
    from briefing.sources.options import ReadOptions

    return ReadOptions(
        max_bytes=config.input.max_bytes,
        fetch_timeout=config.fetch.timeout,
        fetch_max_bytes=config.fetch.max_bytes,
        max_redirects=config.fetch.max_redirects,
        retries=config.fetch.retries,
        user_agent=config.fetch.user_agent,
        fetch_full=getattr(spec, "fetch_full", None),
        name=getattr(spec, "name", None),
        limit=getattr(spec, "limit", None),
        since=getattr(spec, "since", None),
    )


def read_articles(inputs: Sequence[str] | None, config: Config, warn: Warn) -> list[Article]:
    """Articles from the command-line inputs, or else from the configured sources; duplicates merged."""
    from briefing.sources import read_inputs

    articles: list[Article] = []
    if inputs:
        articles = read_inputs(list(inputs), read_options(config), warn)
    elif config.sources:
        for spec in config.sources:
            try:
                articles.extend(read_inputs([spec.target], read_options(config, spec), warn))
            except SourceError as exc:
                # one broken source is a warning when others remain: the brief is made from the rest
                warn(str(exc))
        if not articles:
            raise SourceError("nothing readable in the configured sources")
    else:
        raise UsageError("no input: name files or folders, or list sources in the configuration")
    return _merge_duplicates(articles)


def _merge_duplicates(articles: list[Article]) -> list[Article]:
    try:
        from briefing.sources.dedupe import merge_duplicates
    except ImportError:
        return articles
    return merge_duplicates(articles)


PERIOD_DAYS = 60  # dates older than this before the newest report are history the articles recall


def coverage_period(articles: Sequence[Article], day: date | None = None) -> tuple[str | None, str | None]:
    """The earliest and latest dates the articles report on (publication dates, else event dates).

    Dates after the brief's day are implausible and ignored; a date mentioned for background ("the
    1989 disaster") would stretch the period to decades, so only the PERIOD_DAYS before the newest count.
    """
    days = sorted(
        d
        for a in articles
        for value in ((a.published or a.event_date),)
        if (d := iso_day(value)) is not None and (day is None or d <= day)
    )
    if not days:
        return None, None
    newest = days[-1]
    recent = [d for d in days if (newest - d).days <= PERIOD_DAYS]
    return recent[0].isoformat(), newest.isoformat()


def build_brief(articles: Sequence[Article], config: Config, day: date, *, warnings: Sequence[str] = (), new_articles: Sequence[int] | None = None) -> Brief:
    from briefing.stories import build_stories

    stories, also = build_stories(
        articles,
        words=config.summary.words,
        key_points=config.summary.key_points,
        top=config.stories.top,
        also=config.stories.also_reported,
        today=day,
    )
    start, end = coverage_period(articles, day)
    return Brief(
        title=config.title,
        date=day,
        generated=datetime.now(ZoneInfo(config.timezone)),
        articles=tuple(articles),
        stories=tuple(stories),
        also_reported=tuple(also),
        period_start=start,
        period_end=end,
        warnings=tuple(warnings),
        new_articles=tuple(new_articles) if new_articles is not None else None,
    )


def brief_paths(out_dir: Path, day: date, formats: Sequence[str]) -> dict[str, Path]:
    return {fmt: out_dir / f"brief-{day.isoformat()}.{fmt}" for fmt in formats}


def write_brief(brief: Brief, config: Config, out_dir: Path, formats: Sequence[str]) -> dict[str, Path]:
    """Render every format first, then write each atomically: a render failure leaves old files intact."""
    from briefing.deliver.files import write_atomic
    from briefing.render import render

    templates = [config.resolve(config.output.templates)] if config.output.templates else []
    rendered = render(brief, formats, template_dirs=templates)
    paths = brief_paths(out_dir, brief.date, formats)
    for fmt in formats:
        try:
            write_atomic(paths[fmt], rendered[fmt])
        except OSError as exc:  # disk full, permissions: the files already there stay as they were
            raise BriefingError(f"cannot write {paths[fmt]}: {exc.strerror or exc}") from None
    return paths


def check_output_dir(out_dir: Path) -> None:
    """Fail before any work when the output folder cannot be made or written (and create nothing)."""
    probe = out_dir
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    if not probe.is_dir():
        raise UsageError(f"cannot write to {out_dir}: {probe} is not a folder")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write to {out_dir}: no permission to write in {probe}")


def generate(
    inputs: Sequence[str] | None,
    config: Config,
    *,
    day: date | None = None,
    out_dir: Path | None = None,
    formats: Sequence[str] | None = None,
    warn: Warn | None = None,
) -> GenerateResult:
    warnings: list[str] = []

    def note(message: str) -> None:
        warnings.append(message)
        if warn:
            warn(message)

    day = day or today(config)
    formats = list(formats or config.output.formats)
    out_dir = out_dir or config.resolve(config.output.dir)
    check_output_dir(out_dir)
    articles = read_articles(inputs, config, note)
    brief = build_brief(articles, config, day, warnings=warnings)
    return GenerateResult(brief, write_brief(brief, config, out_dir, formats))
