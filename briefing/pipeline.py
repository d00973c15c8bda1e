"""The orchestrator: sources -> articles -> stories (summary + figures) -> Brief -> files.

The only module that knows the order of the stages. Each step takes its inputs as arguments so that
the scheduled run (run.py) can insert its own bookkeeping between them.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from briefing.config import Config
from briefing.errors import BriefingError, ConfigError, SourceError, UsageError, os_error_exit_code, os_error_reason
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


def build_brief(articles: Sequence[Article], config: Config, day: date, *, warnings: Sequence[str] = (),
                new_articles: Sequence[int] | None = None, previous=None, number: int | None = None) -> Brief:
    """The brief of `day`; with `previous` (briefing.changes.PreviousBrief) it says what changed since."""
    from briefing.changes import apply_changes, series_key
    from briefing.stories import build_stories

    stories, also = build_stories(
        articles,
        words=config.summary.words,
        key_points=config.summary.key_points,
        top=config.stories.top,
        also=config.stories.also_reported,
        today=day,
        countries=[config.stories.countries] if isinstance(config.stories.countries, str) else config.stories.countries,
    )
    start, end = coverage_period(articles, day)
    brief = Brief(
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
    return apply_changes(brief, previous, quiet_days=config.stories.quiet_days, key_points=config.summary.key_points,
                         words=config.summary.words, number=number, series=series_key(config.title))


def brief_paths(out_dir: Path, day: date, formats: Sequence[str]) -> dict[str, Path]:
    return {fmt: out_dir / f"brief-{day.isoformat()}.{fmt}" for fmt in formats}


def write_brief(brief: Brief, config: Config, out_dir: Path, formats: Sequence[str]) -> dict[str, Path]:
    """Render every format first, then write each atomically: a render failure leaves old files intact.

    Files get the permissions the umask gives; temporary files a killed write left behind are removed.
    A folder set up wrongly (a file in its place, no permission) is exit 2, a failing disk exit 1, for
    `generate` and `run` alike.
    """
    from briefing.deliver.files import remove_stale_temporaries, write_atomic
    from briefing.render import render

    templates = [config.resolve(config.output.templates)] if config.output.templates else []
    rendered = render(brief, formats, template_dirs=templates)
    paths = brief_paths(out_dir, brief.date, formats)
    remove_stale_temporaries(out_dir)
    for fmt in formats:
        try:
            write_atomic(paths[fmt], rendered[fmt])
        except OSError as exc:  # disk full, permissions: the files already there stay as they were
            raise BriefingError(f"cannot write {paths[fmt]}: {os_error_reason(exc)}", exit_code=os_error_exit_code(exc)) from None
    return paths


def check_output_dir(out_dir: Path) -> None:
    """Fail before any work when the output folder cannot be made or written (and create nothing)."""
    from briefing.config import writable_folder_problem

    problem = writable_folder_problem(out_dir)
    if problem:
        raise UsageError(problem)


SAMPLE_ARTICLES = (
    Article(
        text="At least 12 civilians were killed and 40 were injured when missiles struck the city overnight, officials said on Sunday.\n\n"
             "Rescue teams searched the rubble of three apartment blocks. The health ministry said the toll could rise.",
        title="Missiles strike the city overnight", source="Sample News", origin="sample.txt",
        url="https://example.org/sample", published="2024-05-01",
    ),
)


def template_problems(config: Config, formats: Sequence[str] | None = None, *, email: bool | None = None) -> list[str]:
    """'output.templates: ...' for each of your own templates that cannot render a sample brief (with every
    field a brief has: stories, key points, figures, sources). Nothing to check without output.templates."""
    if not config.output.templates:
        return []
    from briefing.errors import RenderError
    from briefing.render import render_email, render_html, render_markdown

    folders = [config.resolve(config.output.templates)]
    formats = list(formats or config.output.formats)
    if email is None:
        email = any(a.strip() for a in config.email.to)
    brief = build_brief(list(SAMPLE_ARTICLES), config, date(2024, 5, 1), new_articles=[0])
    checks: list[Callable[[], object]] = []
    if "html" in formats or "pdf" in formats:
        checks.append(lambda: render_html(brief, folders))
    if "md" in formats:
        checks.append(lambda: render_markdown(brief, folders))
    if email:
        checks.append(lambda: render_email(brief, folders, attachments=["brief-2024-05-01.pdf"]))
    problems = []
    for check in checks:
        try:
            check()
        except RenderError as exc:
            problems.append(f"output.templates: {exc}")
    return problems


def generate(
    inputs: Sequence[str] | None,
    config: Config,
    *,
    day: date | None = None,
    out_dir: Path | None = None,
    formats: Sequence[str] | None = None,
    warn: Warn | None = None,
    since: Path | str | None = None,
) -> GenerateResult:
    """The brief of `inputs` (or the configured sources); with `since` (an earlier brief's JSON) it says what
    changed since that brief and is numbered after it."""
    from briefing.changes import load_since, series_key

    warnings: list[str] = []

    def note(message: str) -> None:
        warnings.append(message)
        if warn:
            warn(message)

    day = day or today(config)
    formats = list(formats or config.output.formats)
    out_dir = out_dir or config.resolve(config.output.dir)
    check_output_dir(out_dir)
    problems = template_problems(config, formats, email=False)
    if problems:
        raise ConfigError(problems, str(config.path) if config.path else None)
    previous = load_since(since, series_key(config.title)) if since is not None else None
    number = (previous.number or 1) + 1 if previous is not None else None
    articles = read_articles(inputs, config, note)
    brief = build_brief(articles, config, day, warnings=warnings, previous=previous, number=number)
    return GenerateResult(brief, write_brief(brief, config, out_dir, formats))
