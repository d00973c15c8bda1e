"""config.yaml: a typed schema, defaults, and every problem reported at once with its key path.

Each key is declared once below with its type, default and a one-line doc (the README's table is made
from the same declarations: `python -m briefing.config` prints it). Loading never stops at the first
problem: all of them are collected and raised together as one ConfigError.

What is checked: YAML syntax and duplicate keys, types, value ranges, empty strings where a value is
needed, `email.subject` fields, and that `output.templates` is a folder. With `files=True` (`briefing
check`, and `run` before any work) also what the run will meet on disk: the log file, the state file, its
lock and the output folder can be written (nothing is created to find out), and your own templates render
a sample brief.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from briefing.errors import ConfigError
from briefing.models import FORMATS


@dataclass(frozen=True)
class Key:
    type: str  # str, int, float, bool, list[str], dict, sources, choice
    default: Any
    doc: str
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    check: Callable[[Any], str | None] | None = None  # returns a problem or None
    required: bool = False  # a string that must not be empty

    @property
    def full_doc(self) -> str:
        """The doc with the allowed range, as the README shows it."""
        if self.minimum is not None and self.maximum is not None:
            return f"{self.doc.rstrip('.')} ({_number(self.minimum)} to {_number(self.maximum)})."
        return self.doc


def _number(value: float) -> str:
    if not float(value).is_integer():
        return f"{value:g}"
    return f"{int(value):,}" if value >= 100_000 else str(int(value))


def _timezone(value: str) -> str | None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return f"unknown time zone {value!r}"
    return None


def _formats(value: list[str]) -> str | None:
    if not value:
        return f"expected at least one of {', '.join(FORMATS)}"
    bad = [v for v in value if v not in FORMATS]
    return f"unknown format {bad[0]!r} (choose from {', '.join(FORMATS)})" if bad else None


def _iso_date(value: str) -> str | None:
    return None if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else "expected a date YYYY-MM-DD"


def _subject_fields(value: str) -> str | None:
    import string

    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(value) if f is not None]
    except ValueError as exc:
        return f"cannot fill in {value!r} ({exc}); use {{title}} and {{date}}, and {{{{ }}}} for a brace"
    unknown = [f for f in fields if f not in ("title", "date")]
    if unknown:
        return f"unknown field {{{unknown[0]}}} in {value!r}; use {{title}} and {{date}}"
    try:
        value.format(title="t", date="2024-01-01")
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        return f"cannot fill in {value!r} ({exc.__class__.__name__}: {exc}); use {{title}} and {{date}}"
    return None


def _country_codes(value: list[str]) -> str | None:
    bad = [v for v in value if not re.fullmatch(r"[A-Za-z]{2}", v)]
    return f"expected two-letter ISO country codes such as AF or PK, got {bad[0]!r}" if bad else None


def _env_name(value: str) -> str | None:
    return None if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", value) else "expected the NAME of an environment variable"


SCHEMA: dict[str, Any] = {
    "title": Key("str", "Situation brief", "Title printed on the brief."),
    "timezone": Key("str", "UTC", "Time zone of the brief's date and of scheduled runs.", check=_timezone),
    "sources": Key("sources", [], "What to read: a list of `- path: DIR`, `- url: URL` or `- feed: URL|FILE`, each with optional `name`, `limit`, `since`, `fetch_full`."),
    "summary": {
        "words": Key("int", 250, "Word budget of each story's developments.", minimum=1, maximum=10_000),
        "key_points": Key("int", 5, "How many sentences become key points.", minimum=1, maximum=100),
    },
    "stories": {
        "top": Key("int", 8, "How many stories get a full section; the rest are listed under 'Also reported'.", minimum=1, maximum=100),
        "also_reported": Key("int", 15, "How many further stories are listed under 'Also reported'.", minimum=0, maximum=1000),
        "quiet_days": Key("int", 3, "Scheduled runs: a story with nothing new for this many days leaves the brief.", minimum=1, maximum=365),
        "countries": Key("list[str]", [], "Only stories with a place in these countries (ISO codes such as AF, PK); [] keeps every story.", check=_country_codes),
    },
    "input": {
        "max_bytes": Key("int", 10_000_000, "Files (and pages) larger than this many bytes are skipped with a warning.", minimum=1, maximum=1_000_000_000),
    },
    "fetch": {
        "timeout": Key("float", 10.0, "Seconds before an HTTP request gives up.", minimum=0.1, maximum=600),
        "max_bytes": Key("int", 5_000_000, "Largest HTTP response read.", minimum=1, maximum=1_000_000_000),
        "max_redirects": Key("int", 5, "Redirects followed at most.", minimum=0, maximum=30),
        "retries": Key("int", 2, "Retries for transient HTTP failures, with backoff.", minimum=0, maximum=10),
        "user_agent": Key("str|null", None, "User-Agent sent with every request (null: briefing/VERSION (situation-brief generator)).", required=True),
    },
    "output": {
        "dir": Key("str", "briefs", "Folder the brief files are written to (relative to the configuration file).", required=True),
        "formats": Key("list[str]", ["pdf"], "Formats written: any of pdf, html, json, md.", check=_formats),
        "templates": Key("str|null", None, "Folder (which must exist) of your own templates, searched before the packaged ones."),
    },
    "state": {
        "path": Key("str", "briefs/state.sqlite3", "SQLite file where scheduled runs record articles, briefs and deliveries.", required=True),
    },
    "email": {
        "smtp": {
            "host": Key("str", "localhost", "SMTP server.", required=True),
            "port": Key("int", 25, "SMTP port.", minimum=1, maximum=65535),
            "security": Key("choice", "none", "Connection security.", choices=("none", "starttls", "ssl")),
            "timeout": Key("float", 30.0, "Seconds before an SMTP connection gives up.", minimum=0.1, maximum=600),
            "username_env": Key("str|null", None, "Name of the environment variable holding the SMTP user name.", check=_env_name),
            "password_env": Key("str|null", None, "Name of the environment variable holding the SMTP password (never put the password itself here).", check=_env_name),
            "retries": Key("int", 2, "Retries when the server cannot be reached, with backoff.", minimum=0, maximum=10),
        },
        "from": Key("str|null", None, "Sender address."),
        "to": Key("list[str]", [], "Recipients; no recipients means no email."),
        "subject": Key("str", "{title} — {date}", "Subject line; {title} and {date} are replaced.", check=_subject_fields, required=True),
        "attach": Key("list[str]", ["pdf"], "Formats attached to the email ([] sends the body alone).", check=lambda v: _formats(v) if v else None),
    },
    "log": {
        "level": Key("choice", "warning", "Log level on stderr and in the log file.", choices=("debug", "info", "warning", "error")),
        "file": Key("str|null", None, "Also append the log to this file (if it cannot be written: one warning, and the log stays on stderr)."),
    },
}

SOURCE_KEYS = {
    "path": "str", "url": "str", "feed": "str", "name": "str", "limit": "int", "since": "str", "fetch_full": "bool",
}


@dataclass(frozen=True)
class SummaryConfig:
    words: int
    key_points: int


@dataclass(frozen=True)
class StoriesConfig:
    top: int
    also_reported: int
    quiet_days: int
    countries: list[str]


@dataclass(frozen=True)
class InputConfig:
    max_bytes: int


@dataclass(frozen=True)
class FetchConfig:
    timeout: float
    max_bytes: int
    max_redirects: int
    retries: int
    user_agent: str | None


@dataclass(frozen=True)
class OutputConfig:
    dir: str
    formats: list[str]
    templates: str | None


@dataclass(frozen=True)
class StateConfig:
    path: str


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: str  # none, starttls or ssl
    timeout: float
    username_env: str | None
    password_env: str | None
    retries: int


@dataclass(frozen=True)
class EmailConfig:
    smtp: SmtpConfig
    from_: str | None  # `from` in the file
    to: list[str]
    subject: str
    attach: list[str]


@dataclass(frozen=True)
class LogConfig:
    level: str  # debug, info, warning or error
    file: str | None


@dataclass(frozen=True)
class SourceSpec:
    kind: str  # path, url or feed
    target: str  # resolved path or URL
    name: str | None = None
    limit: int | None = None
    since: str | None = None
    fetch_full: bool | None = None


@dataclass(frozen=True)
class Config:
    """The validated configuration: one typed section per part of SCHEMA (`config.email.smtp.port`)."""

    title: str
    timezone: str
    summary: SummaryConfig
    stories: StoriesConfig
    input: InputConfig
    fetch: FetchConfig
    output: OutputConfig
    state: StateConfig
    email: EmailConfig
    log: LogConfig
    sources: tuple[SourceSpec, ...] = ()
    path: Path | None = None  # the file it was read from; None for defaults
    base_dir: Path = field(default_factory=Path.cwd)

    @classmethod
    def from_values(cls, values: dict[str, Any], sources: tuple[SourceSpec, ...] = (), path: Path | None = None,
                    base_dir: Path | None = None) -> Config:
        """The typed configuration from a validated mapping (every key of SCHEMA present)."""
        email = dict(values["email"])
        email["from_"] = email.pop("from")
        email["smtp"] = SmtpConfig(**email["smtp"])
        return cls(
            title=values["title"], timezone=values["timezone"],
            summary=SummaryConfig(**values["summary"]), stories=StoriesConfig(**values["stories"]),
            input=InputConfig(**values["input"]), fetch=FetchConfig(**values["fetch"]),
            output=OutputConfig(**values["output"]), state=StateConfig(**values["state"]),
            email=EmailConfig(**email), log=LogConfig(**values["log"]),
            sources=sources, path=path, base_dir=base_dir if base_dir is not None else Path.cwd(),
        )

    def resolve(self, relative: str | None) -> Path | None:
        """A path from the configuration, relative to the configuration file's folder."""
        if relative is None:
            return None
        p = Path(os.path.expanduser(relative))
        return p if p.is_absolute() else self.base_dir / p


def defaults() -> dict[str, Any]:
    return _defaults(SCHEMA)


def _defaults(schema: dict[str, Any]) -> dict[str, Any]:
    return {k: (_defaults(v) if isinstance(v, dict) else _deep_copy(v.default)) for k, v in schema.items()}


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value


def _type_problem(key: Key, value: Any) -> str | None:
    t = key.type
    if t.endswith("|null"):
        if value is None:
            return None
        t = t[: -len("|null")]
    if t == "str" and not isinstance(value, str):
        return "expected a string"
    if t == "int" and (isinstance(value, bool) or not isinstance(value, int)):
        return "expected an integer"
    if t == "float" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return "expected a number"
    if t == "bool" and not isinstance(value, bool):
        return "expected true or false"
    if t == "list[str]":
        if isinstance(value, str):
            return None  # a single string is accepted as a one-item list
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "expected a list of strings"
    if t == "choice" and value not in key.choices:
        return f"expected one of {', '.join(key.choices)}"
    if key.minimum is not None and isinstance(value, (int, float)) and value < key.minimum:
        return f"must be at least {_number(key.minimum)}"
    if key.maximum is not None and isinstance(value, (int, float)) and value > key.maximum:
        return f"must be at most {_number(key.maximum)}"
    if isinstance(value, str) and not value.strip() and (key.required or key.type.endswith("|null")):
        return "must not be empty" + ("" if key.required else " (leave the key out, or null, for none)")
    if key.check is not None and value is not None:
        return key.check([value] if key.type == "list[str]" and isinstance(value, str) else value)
    return None


def _validate(schema: dict[str, Any], data: Any, prefix: str, problems: list[str]) -> dict[str, Any]:
    out = _defaults(schema)
    if data is None:
        return out
    if not isinstance(data, dict):
        problems.append(f"{prefix.rstrip('.') or 'configuration'}: expected a mapping")
        return out
    for name, value in data.items():
        path = f"{prefix}{name}"
        if name not in schema:
            problems.append(f"{path}: unknown key")
            continue
        spec = schema[name]
        if isinstance(spec, dict):
            out[name] = _validate(spec, value, path + ".", problems)
        elif spec.type == "sources":
            out[name] = _validate_sources(value, path, problems)
        else:
            problem = _type_problem(spec, value)
            if problem:
                problems.append(f"{path}: {problem}")
            else:
                out[name] = [value] if spec.type == "list[str]" and isinstance(value, str) else value
    return out


def _validate_sources(value: Any, path: str, problems: list[str]) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(f"{path}: expected a list of sources (- path: DIR, - url: URL or - feed: URL)")
        return []
    good = []
    for i, item in enumerate(value):
        where = f"{path}[{i}]"
        if isinstance(item, str):
            item = {"path": item}
        if not isinstance(item, dict):
            problems.append(f"{where}: expected a mapping such as 'path: DIR'")
            continue
        kinds = [k for k in ("path", "url", "feed") if k in item]
        if len(kinds) != 1:
            problems.append(f"{where}: needs exactly one of path, url or feed")
        ok = True
        for k, v in item.items():
            t = SOURCE_KEYS.get(k)
            if t is None:
                problems.append(f"{where}.{k}: unknown key")
                ok = False
                continue
            problem = _type_problem(Key(t, None, ""), v) or (_iso_date(v) if k == "since" and isinstance(v, str) else None)
            if problem:
                problems.append(f"{where}.{k}: {problem}")
                ok = False
        if ok and len(kinds) == 1:
            good.append(item)
    return good


def parse(data: Any, *, path: Path | None = None, files: bool = False, problems: list[str] | None = None) -> Config:
    """Validate a parsed YAML document; raise one ConfigError carrying every problem.

    `files`: also check the files and folders the run will write, and your own templates (see the module
    doc). `problems`: ones found earlier (duplicate keys), reported with the rest.
    """
    problems = list(problems or [])
    values = _validate(SCHEMA, data, "", problems)
    base_dir = path.parent.resolve() if path else Path.cwd()
    provisional = Config.from_values(values, (), path, base_dir)  # invalid keys hold their defaults here
    templates = values["output"]["templates"]
    if templates and not _has_problem(problems, "output.templates"):
        folder = provisional.resolve(templates)
        if not folder.is_dir():
            problems.append(f"output.templates: {folder} {'is not a folder' if folder.exists() else 'does not exist'}")
    if files:
        found = [p for p in file_problems(provisional) if not _has_problem(problems, p.split(":", 1)[0])]
        problems.extend(found)
        if any(a.strip() for a in values["email"]["to"]) and not _has_problem(problems, "email"):
            problems.extend(_email_problems(provisional))
        if not problems:
            from briefing.pipeline import template_problems

            problems.extend(template_problems(provisional))
    if problems:
        raise ConfigError(problems, str(path) if path else None)
    sources = []
    for item in values["sources"]:
        kind = next(k for k in ("path", "url", "feed") if k in item)
        target = item[kind]
        if kind == "path" or (kind == "feed" and "://" not in target):
            p = Path(os.path.expanduser(target))
            target = str(p if p.is_absolute() else base_dir / p)
        sources.append(SourceSpec(kind, target, item.get("name"), item.get("limit"), item.get("since"), item.get("fetch_full")))
    return Config.from_values(values, tuple(sources), path, base_dir)


def _email_problems(config: Config) -> list[str]:
    """What would stop the mail: addresses, the sender, login variables not set (each ConfigError has its key)."""
    from briefing.deliver.email import credentials, recipients_for, sender_for

    problems = []
    for check in (lambda: recipients_for(config, None), lambda: sender_for(config), lambda: credentials(config)):
        try:
            check()
        except ConfigError as exc:
            problems.extend(exc.problems)
    return problems


def _has_problem(problems: list[str], key: str) -> bool:
    return any(p.startswith(key + ":") for p in problems)


def load(path: str | os.PathLike, *, files: bool = False) -> Config:
    """Read and validate a configuration file (`files`: see parse)."""
    import yaml

    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError("no such file", str(p)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc.__class__.__name__}: {exc}", str(p)) from None
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            duplicates = _duplicate_keys(node)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"invalid YAML: {where}{problem}", str(p)) from None
    return parse(data, path=p, files=files, problems=duplicates)


def _duplicate_keys(root) -> list[str]:
    """'key.path: duplicate key (lines 3 and 9)' for every mapping key given twice; each node visited once
    (aliases share nodes: a document of nested aliases is walked in linear time)."""
    import yaml

    problems: list[str] = []
    seen_nodes: set[int] = set()
    stack = [(root, "")]
    while stack:
        node, prefix = stack.pop()
        if node is None or id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            lines: dict[str, int] = {}
            for key_node, value_node in node.value:
                name = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                if name is None or key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                path = f"{prefix}{name}"
                line = key_node.start_mark.line + 1
                if name in lines:
                    problems.append(f"{path}: duplicate key (lines {lines[name]} and {line}); only one can hold")
                else:
                    lines[name] = line
                stack.append((value_node, path + "."))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                stack.append((item, f"{prefix.rstrip('.')}[{i}]."))
    return sorted(problems, key=lambda p: int(re.search(r"lines (\d+)", p).group(1)))


# ---------------------------------------------------------------- files the run will write


def file_problems(config: Config, *, log: bool = True, state: bool = True, output: bool = True) -> list[str]:
    """'key: problem' for each file or folder of the configuration that the run could not write.

    Looks only: nothing is created. A file that exists must be a file and open for writing; one that
    does not must have as its nearest existing ancestor a folder we may write in.
    """
    problems = []
    if log and config.log.file:
        problem = writable_file_problem(config.resolve(config.log.file))
        if problem:
            problems.append(f"log.file: {problem}")
    if state:
        path = config.resolve(config.state.path)
        problem = writable_file_problem(path) or _state_file_problem(path)
        if not problem and path.is_file():
            problem = writable_folder_problem(path.parent)  # SQLite writes its journal beside the file
            problem = problem and f"{problem} (SQLite writes its journal beside {path.name})"
        if problem:
            problems.append(f"state.path: {problem}")
        else:
            lock = path.with_name(path.name + ".lock")
            problem = writable_file_problem(lock)
            if problem:
                problems.append(f"state.path: its lock file {problem}")
    if output:
        problem = writable_folder_problem(config.resolve(config.output.dir))
        if problem:
            problems.append(f"output.dir: {problem}")
    return problems


def writable_folder_problem(folder: Path) -> str | None:
    """Why files could not be written in `folder` (made if missing), or None."""
    probe = folder
    while not probe.exists() and not probe.is_symlink() and probe.parent != probe:
        probe = probe.parent
    if not probe.is_dir():
        if probe == folder:
            return f"cannot write to {folder}: it is a file, not a folder"
        return f"cannot write to {folder}: {probe} is not a folder"
    if not os.access(probe, os.W_OK | os.X_OK):
        return f"cannot write to {folder}: no permission to write in {probe}"
    return None


def writable_file_problem(path: Path) -> str | None:
    """Why `path` could not be opened for appending (made if missing), or None; opens nothing new."""
    if path.is_dir():
        return f"{path} is a folder, not a file"
    if not path.exists():
        if path.is_symlink():
            return f"{path} is a broken symbolic link"
        problem = writable_folder_problem(path.parent)
        return problem.replace("cannot write to", f"cannot create {path.name} in", 1) if problem else None
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    except OSError as exc:
        return f"cannot write {path}: {exc.strerror or exc}"
    os.close(fd)
    return None


def _state_file_problem(path: Path) -> str | None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot read {path}: {exc.strerror or exc}"
    if head and not head.startswith(b"SQLite format 3\x00"):
        return f"{path} is not a SQLite state file (give state.path a new file name)"
    return None


def find_default(cwd: Path | None = None) -> Path | None:
    """./config.yaml when present."""
    candidate = (cwd or Path.cwd()) / "config.yaml"
    return candidate if candidate.is_file() else None


def reference(schema: dict[str, Any] | None = None, prefix: str = "") -> list[tuple[str, str, str]]:
    """(key, default, doc) rows for the README."""
    rows = []
    for name, spec in (schema or SCHEMA).items():
        if isinstance(spec, dict):
            rows.extend(reference(spec, f"{prefix}{name}."))
        else:
            default = spec.default
            if isinstance(default, list):
                shown = "[" + ", ".join(default) + "]"
            else:
                shown = "null" if default is None else str(default)
            rows.append((f"{prefix}{name}", shown, spec.full_doc))
    return rows


if __name__ == "__main__":
    print("| key | default | meaning |\n|---|---|---|")
    for key, default, doc in reference():
        print(f"| `{key}` | `{default}` | {doc} |")
