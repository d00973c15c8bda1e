"""Command line: parse options, call the library, map errors to exit codes. Nothing else lives here.

Exit codes: 0 success, 1 runtime failure, 2 bad usage/configuration/input, 3 another run holds the lock.
Errors are one line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from datetime import date
from functools import partial
from pathlib import Path

from briefing.errors import EXIT_RUNTIME, EXIT_USAGE, BriefingError, UsageError
from briefing.models import FORMATS

log = logging.getLogger("briefing")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit 2), not a usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {value!r}: expected YYYY-MM-DD") from None


def _formats(value: str) -> list[str]:
    items = [v.strip().lower() for v in value.split(",") if v.strip()]
    bad = [v for v in items if v not in FORMATS]
    if bad or not items:
        raise argparse.ArgumentTypeError(f"invalid format {','.join(bad) or value!r}: choose from {','.join(FORMATS)}")
    return list(dict.fromkeys(items))


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefing", description="Situation briefs from news articles: key sentences with their sources, casualty figures, a dated PDF.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output on stderr (-v info, -vv debug)")
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.add_argument("--config", metavar="PATH", help="configuration file (default: ./config.yaml when present)")
        return p

    p = command("generate", "Write the dated situation brief (PDF and the other formats asked for) and print the paths written.")
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="files, folders, feeds or URLs (default: the configured sources)")
    p.add_argument("--out", metavar="DIR", help="output folder (default: output.dir of the configuration)")
    p.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", help="the brief's date (default: today in the configured time zone)")
    p.add_argument("--format", type=_formats, metavar="LIST", help="comma-separated: pdf,html,json,md (default: output.formats)")
    p.add_argument("--since", metavar="PREVIOUS.json", help="an earlier brief's JSON: say what changed since it, and number this brief after it")

    p = command("summarize", "Print the key sentences of the inputs, each with its source.")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    budget = p.add_mutually_exclusive_group()
    budget.add_argument("--words", type=_positive, metavar="N", help="at most N words, cut at sentence boundaries, never empty")
    budget.add_argument("--sentences", type=_positive, metavar="N", help="at most N sentences")
    p.add_argument("--each", action="store_true", help="summarize every INPUT on its own (a folder is one set)")
    p.add_argument("--format", choices=("text", "json", "jsonl"), default="text")

    p = command("figures", "Print the casualty figures found in the inputs, with who reports them, and the reconciled totals.")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--each", action="store_true", help="one result per INPUT (a folder is one set)")
    p.add_argument("--format", choices=("text", "json", "jsonl"), default="text")

    p = command("stories", "Print how the inputs group into stories (one per event, across days), most important first.")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", help="the day the ranking counts recency from (default: the newest article's)")
    p.add_argument("--format", choices=("text", "jsonl"), default="text")

    p = command("places", "Print where the inputs happened: the event location and every place named, most important first.")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--each", action="store_true", help="one result per INPUT (a folder is one set)")
    p.add_argument("--format", choices=("text", "jsonl"), default="text")

    p = command("ingest", "Print what was read from each input: title, source, date, URL and text.")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--format", choices=("text", "json", "jsonl"), default="text")

    command("check", "Validate the configuration and the sources; say what is wrong.")

    p = command("run", "The scheduled job: generate today's brief, write it, email it once, record it.")
    p.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", help="the brief's date (default: today in the configured time zone)")
    p.add_argument("--force", action="store_true", help="generate and send again even if today's brief was already sent")

    p = command("send", "Email brief files by hand.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--to", nargs="+", required=True, metavar="ADDRESS")
    p.add_argument("--subject", help="subject line (default: from the configuration)")
    return parser


def _version() -> str:
    from briefing.version import __version__

    return __version__


# ---------------------------------------------------------------- helpers


def _load_config(path: str | None, required: bool = False, files: bool = False):
    from briefing import config as cfg

    if path:
        return cfg.load(path, files=files)
    found = cfg.find_default()
    if found:
        return cfg.load(found, files=files)
    if required:
        raise UsageError("no configuration: pass --config PATH or create ./config.yaml")
    return cfg.parse({})


def _read_options(args):
    from briefing.pipeline import read_options

    return read_options(_load_config(args.config))


PARALLEL_INPUTS = 64  # with --each, at least this many inputs are shared out over two processes


def _per_input(args, work, warm=None) -> list:
    """work(label, articles) -> dict for each INPUT with --each, else once for all inputs together.

    With --each and many inputs, the inputs are read and processed on two processes (fork; results
    keep the order of the inputs): reading and summarizing are CPU-bound and independent per input.
    """
    from briefing.errors import SourceError
    from briefing.parallel import can_fork, map_in_order
    from briefing.sources import check_inputs_exist, read_inputs

    options = _read_options(args)
    if not args.each:
        return [work(" ".join(args.inputs), read_inputs(args.inputs, options, log.warning))]
    check_inputs_exist(args.inputs)
    as_lines = args.format == "jsonl"  # workers hand back finished lines: less to pickle, less for the parent
    tasks = [(given, options, work, as_lines) for given in args.inputs]
    parallel = len(tasks) >= PARALLEL_INPUTS
    if parallel and warm and can_fork():
        warm()  # imports and tables made once here, shared by both forked workers
    results = map_in_order(_work_on_input, tasks, chunksize=max(1, len(tasks) // 64), parallel=parallel)
    if not any(n for _, n in results):
        raise SourceError("nothing readable in: " + ", ".join(args.inputs[:5]) + (" ..." if len(args.inputs) > 5 else ""))
    return [obj for obj, _ in results]


def _work_on_input(task) -> tuple[dict | str, int]:
    from briefing.sources import read_input
    from briefing.text.controls import safe_name

    given, options, work, as_lines = task
    articles = read_input(given, options, log.warning)
    obj = work(safe_name(given), articles)  # the label: a folder name that is not UTF-8, escaped
    return (json.dumps(obj, ensure_ascii=False) if as_lines else obj), len(articles)


def _emit(objects: list[dict], fmt: str, text_lines) -> None:
    out = sys.stdout
    if fmt == "jsonl":
        for obj in objects:
            out.write((obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False)) + "\n")
    elif fmt == "json":
        out.write(json.dumps(objects[0] if len(objects) == 1 else objects, ensure_ascii=False, indent=2) + "\n")
    else:
        for obj in objects:
            for line in text_lines(obj):
                out.write(line + "\n")


# ---------------------------------------------------------------- commands


def cmd_generate(args) -> int:
    from briefing.pipeline import generate

    config = _load_config(args.config)
    result = generate(
        args.inputs or None,
        config,
        day=args.date,
        out_dir=Path(args.out) if args.out else None,
        formats=args.format,
        warn=log.warning,
        since=args.since,
    )
    for path in result.paths.values():
        print(path)
    return 0


def cmd_summarize(args) -> int:
    objects = _per_input(args, partial(_summary_object, words=args.words, sentences=args.sentences), _warm_summarizer)

    def lines(obj):
        if args.each:
            yield f"== {obj['input']}"
        for s in obj["sentences"]:
            yield f"{s['text']} [{', '.join(s.get('sources') or [s['source']]) or s['article']}]"

    _emit(objects, args.format, lines)
    return 0


def _warm_summarizer() -> None:
    import briefing.serialize  # noqa: F401
    import briefing.summarize  # noqa: F401
    from briefing.text.sentences import split_sentences

    split_sentences("Warm up. The sentence splitter builds its tables once.")


def _summary_object(label: str, articles: list, *, words: int | None, sentences: int | None) -> dict:
    from briefing.serialize import selected_dict
    from briefing.summarize import summarize

    chosen = summarize(articles, words=words, sentences=sentences) if articles else []
    picked = [selected_dict(s, articles) for s in chosen]
    return {"input": label, "summary": " ".join(s["text"] for s in picked), "sentences": picked}


def cmd_figures(args) -> int:
    objects = _per_input(args, _figures_object, _warm_figures)

    def lines(obj):
        if args.each:
            yield f"== {obj['input']}"
        for cat, t in obj["totals"].items():
            yield f"{cat}: {t['count']}" + (f" ({t['qualifier']})" if t.get("qualifier") else "")
        for f in obj["figures"]:
            who = f" according to {f['claimant']}" if f.get("claimant") else ""
            yield f"  {f['category']} {f['count']} {f.get('group') or ''} [{f['scope']}]{who} — {f['source'] or f['article']}"

    _emit(objects, args.format, lines)
    return 0


def _warm_figures() -> None:
    import briefing.figures  # noqa: F401
    import briefing.serialize  # noqa: F401


def _figures_object(label: str, articles: list) -> dict:
    from briefing.figures import extract_figures, reconcile
    from briefing.serialize import figure_dict, total_dict

    figures = extract_figures(articles) if articles else []
    return {
        "input": label,
        "figures": [figure_dict(f, articles) for f in figures],
        "totals": {cat: total_dict(t, articles) for cat, t in reconcile(figures).items()},
    }


def cmd_stories(args) -> int:
    from briefing.serialize import story_group_dict
    from briefing.sources import read_inputs
    from briefing.stories import group_stories

    articles = read_inputs(args.inputs, _read_options(args), log.warning)
    objects = [story_group_dict(n, g, articles) for n, g in enumerate(group_stories(articles, today=args.date), start=1)]

    def lines(obj):
        span = obj["first"] if obj["first"] == obj["last"] else f"{obj['first']} to {obj['last']}"
        yield f"{obj['story']}. {obj['title']} — {len(obj['articles'])} article(s), {len(obj['sources'])} source(s), {span or 'undated'}"
        for path in obj["articles"]:
            yield f"    {path}"

    _emit(objects, args.format, lines)
    return 0


def cmd_places(args) -> int:
    objects = _per_input(args, _places_object, _warm_places)

    def lines(obj):
        loc = obj["location"]
        where = ", ".join(x for x in (loc["name"], loc["admin1"] if loc["admin1"] != loc["name"] else None, loc["country"] if loc["country"] != loc["name"] else None) if x) if loc else "no place found"
        yield f"{obj['input']}: {where}" + (f" ({loc['lat']}, {loc['lon']})" if loc else "")
        for p in obj["places"]:
            yield f"  {p['name']} [{p['kind']}, {p['country']}] x{p['mentions']}"

    _emit(objects, args.format, lines)
    return 0


def _warm_places() -> None:
    from briefing.places.gazetteer import gazetteer

    gazetteer()


def _places_object(label: str, articles: list) -> dict:
    from briefing.places import locate
    from briefing.serialize import location_dict, place_dict

    places, location = locate(articles) if articles else ((), None)
    return {"input": label, "location": location_dict(location), "places": [place_dict(p) for p in places]}


def cmd_ingest(args) -> int:
    from briefing.serialize import article_dict
    from briefing.sources import read_inputs

    articles = read_inputs(args.inputs, _read_options(args), log.warning)
    objects = [article_dict(a) for a in articles]

    def lines(obj):
        when = obj["published"] or (f"events of {obj['event_date']}" if obj.get("event_date") else "no date")
        yield f"{obj['origin']}: {obj['title']!r} — {obj['source'] or 'unknown source'}, {when}, {len(obj['text'].split())} words"

    if args.format == "json":
        sys.stdout.write(json.dumps(objects, ensure_ascii=False, indent=2) + "\n")
    else:
        _emit(objects, args.format, lines)
    return 0


def cmd_check(args) -> int:
    from briefing.pipeline import read_articles

    config = _load_config(args.config, required=True, files=True)  # every problem the run would meet, at once
    problems: list[str] = []
    articles = read_articles(None, config, problems.append) if config.sources else []
    if not config.sources:
        problems.append("sources: no sources configured")
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(f"{config.path}: ok — {len(config.sources)} source(s), {len(articles)} article(s) read" + (f", {len(problems)} warning(s)" if problems else ""))
    return 0


def cmd_run(args) -> int:
    from briefing.run import run_scheduled

    config = _load_config(args.config, required=True)
    _log_per_config(config, args)
    run_scheduled(config, day=args.date, force=args.force)
    return 0


def cmd_send(args) -> int:
    from briefing.deliver.email import send_brief

    config = _load_config(args.config, required=True)
    _log_per_config(config, args)
    paths = {}
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            raise UsageError(f"no such file: {name}")
        paths[path.suffix.lstrip(".").lower() or path.name] = path
    send_brief(config, paths, None, to=args.to, subject=args.subject)
    return 0


COMMANDS = {
    "generate": cmd_generate,
    "summarize": cmd_summarize,
    "figures": cmd_figures,
    "stories": cmd_stories,
    "places": cmd_places,
    "ingest": cmd_ingest,
    "check": cmd_check,
    "run": cmd_run,
    "send": cmd_send,
}


def _setup_logging(args) -> None:
    level = logging.ERROR if args.quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)]
    try:
        from briefing.logs import setup_logging
    except ImportError:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("briefing: %(levelname)s: %(message)s"))
        log.handlers[:] = [handler]
        log.setLevel(level)
        log.propagate = False
        return
    setup_logging(logging.getLevelName(level).lower(), None)


def _log_per_config(config, args) -> None:
    """log.level and log.file of the configuration (for run and send); -v/-q still win."""
    from briefing.logs import setup_from_config

    setup_from_config(config, verbose=args.verbose, quiet=args.quiet)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        _setup_logging(args)
        return COMMANDS[args.command](args)
    except BriefingError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: still one line, never a traceback (set BRIEFING_DEBUG=1 to see it)
        import os

        if os.environ.get("BRIEFING_DEBUG"):
            raise
        print(f"briefing: internal error: {exc.__class__.__name__}: {exc} (run with BRIEFING_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_RUNTIME
