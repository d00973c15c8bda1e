"""The scheduled run (`briefing run`): today's brief written once, mailed once, everything recorded.

Read top to bottom:
  1. take the lock (another run working -> LockedError, exit 3, at once);
  2. unless today's brief is already written (and mailed) -> read the sources, mark the articles no
     earlier brief had as new, write the files, and queue the mail -- one commit;
  3. send every queued or failed mail to this recipient list, oldest first; each is marked `sending`
     before it goes out and `sent`/`failed` after;
  4. a mail server that cannot be reached -> the files stay, the delivery stays pending for the next
     run, DeliveryError (exit 1, one line).
A second run the same day finds the brief written and mailed, and does nothing; `force` redoes both.

Before any work (0.): the files and folders the run writes (state file, its lock, output folder) and your
own templates are checked: a problem there is a ConfigError (exit 2) naming its key. A state or lock file
that fails anyway is one line (StateError; exit 2 when a person must fix it, 1 when it may pass). A mail
server that goes silent after it was handed the message leaves the delivery `sending` (unknown): this run
does not send it again; the next one does, with the same Message-ID, as after a crash mid-send.
"""
from __future__ import annotations

import sqlite3
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from briefing.config import Config, file_problems
from briefing.errors import BriefingError, ConfigError, DeliveryError, os_error_exit_code, os_error_reason
from briefing.lock import hold_lock, lock_path_for
from briefing.logs import end_progress, get_logger, progress
from briefing.state import State, StateError, recipients_key, state_error

log = get_logger("run")


@dataclass(frozen=True)
class Sent:
    day: date
    message_id: str


@dataclass(frozen=True)
class RunResult:
    day: date
    paths: dict[str, Path]  # the day's brief files (written by this run or an earlier one)
    written: bool  # this run (re)wrote them
    articles: int = 0  # articles in the brief (when written by this run)
    new_articles: int = 0  # of which no earlier brief had
    sent: tuple[Sent, ...] = ()  # mails sent by this run, oldest brief first
    failed: tuple[str, ...] = field(default=())  # delivery problems (also raised as DeliveryError)


def run_scheduled(config: Config, *, day: date | None = None, force: bool = False, backoff: float | None = None) -> RunResult:
    """Write the day's brief once and mail it once; see the module doc. `backoff`: seconds before the first SMTP retry."""
    from briefing.deliver.email import check_email_config
    from briefing.pipeline import today

    day = day or today(config)
    recipients = [a for a in config.email.to if a.strip()]
    if recipients:
        check_email_config(config)  # a bad address or an unset password variable: say so before any work
    formats = list(dict.fromkeys([*config.output.formats, *(config.email.attach if recipients else [])]))
    preflight(config, formats, email=bool(recipients))
    state_path = config.resolve(config.state.path)
    try:
        with ExitStack() as stack:
            _hold(stack, lock_path_for(state_path))
            state = stack.enter_context(State(state_path))
            return _run_locked(config, state, day, formats, recipients, force, backoff)
    except sqlite3.Error as exc:  # the disk filled up, another program held the file too long, ...
        raise state_error(state_path, exc) from None


def preflight(config: Config, formats: list[str], *, email: bool) -> None:
    """ConfigError (exit 2) with every problem the run would meet in its files and templates, before any work."""
    from briefing.pipeline import template_problems

    problems = file_problems(config, log=False) + template_problems(config, formats, email=email)
    if problems:
        raise ConfigError(problems, str(config.path) if config.path else None)


def _hold(stack: ExitStack, lock: Path) -> None:
    try:
        stack.enter_context(hold_lock(lock))
    except OSError as exc:  # a folder in its place, another user's file, a read-only folder
        raise StateError(f"cannot use the lock file {lock}: {os_error_reason(exc)}", exit_code=os_error_exit_code(exc)) from None


def _run_locked(config: Config, state: State, day: date, formats: list[str], recipients: list[str], force: bool,
                backoff: float | None) -> RunResult:
    key = recipients_key(recipients)
    paths = state.brief_paths(day)
    have_files = paths is not None and set(formats) <= set(paths) and all(p.is_file() for p in paths.values())
    # a brief written before email was configured (or a run killed between writing and queueing) is redone
    queued = not recipients or state.has_delivery(day, key)

    written, counts, problem = False, (0, 0), None
    if force or not have_files or not queued:
        try:
            paths, counts = _write_and_queue(config, state, day, formats, recipients, key, force)
            written = True
        except BriefingError as exc:
            problem = exc  # still deliver what earlier runs left pending, then report it
    else:
        log.info("brief for %s already written (%s)%s; use --force to redo it", day, paths.get("pdf") or next(iter(paths.values())),
                 " and mailed" if recipients and state.delivered(day, key) else "")

    sent, failures = (_deliver_pending(config, state, key, backoff) if recipients else ((), ()))
    end_progress()
    if problem is not None:
        raise problem
    result = RunResult(day, paths or {}, written, counts[0], counts[1], tuple(sent), tuple(failures))
    if failures:
        kept = ", ".join(str(p) for p in (paths or {}).values())
        raise DeliveryError(f"{failures[0]}; the brief is kept ({kept}) and the next run will send it"
                            + (" with the same Message-ID" if "may have arrived" in failures[0] else ""))
    return result


def _write_and_queue(config: Config, state: State, day: date, formats: list[str], recipients: list[str], key: str, force: bool):
    from briefing.changes import memory
    from briefing.deliver.email import draft, new_message_id
    from briefing.pipeline import build_brief, read_articles, write_brief

    warnings: list[str] = []

    def warn(message: str) -> None:
        warnings.append(message)
        log.warning("%s", message)

    progress("reading sources…")
    articles = read_articles(None, config, warn)
    new = state.new_articles(articles, day)
    previous, number = previous_brief(state, config, day, warn)
    progress(f"writing the brief of {day} ({len(articles)} articles, {len(new)} new)…")
    brief = build_brief(articles, config, day, warnings=warnings, new_articles=new, previous=previous, number=number)
    paths = write_brief(brief, config, config.resolve(config.output.dir), formats)
    mail = draft(config, paths, brief, day=day) if recipients else None
    with state.transaction():  # files recorded, articles seen and mail queued: all or nothing
        state.record_brief(day, paths, articles=len(articles), new=len(new))
        state.record_articles(articles, day)
        state.record_memory(day, series=brief.series, title=brief.title, number=number, memory=memory(brief))
        if mail is not None:
            state.queue(day, key, message_id=new_message_id(config), subject=mail.subject, text=mail.text,
                        html=mail.html, force=force)
    log.info("wrote %s", ", ".join(str(p) for p in paths.values()))
    return paths, (len(articles), len(new))


def previous_brief(state: State, config: Config, day: date, warn):
    """(the previous brief of this configuration dated before `day`, or None; this brief's number).

    Never the brief of `day` itself (`--force` compares with the one before). A record that cannot be read
    is a warning and a first-brief layout; briefs of other configurations in the same state file are
    never compared with (a warning says so when they are all there is)."""
    import json

    from briefing.changes import PreviousBriefError, previous_from_dict, series_key

    series = series_key(config.title)
    row = state.previous_memory(day, series)
    if row is None:
        others = state.other_series(day, series)
        if others:
            warn(f"the state file {state.path} holds briefs of another configuration ({', '.join(repr(t) for t in others[:3])}), "
                 f"not of '{config.title}': this brief is not compared with them and is laid out as a first brief")
        return None, 1
    when, number, text = row
    try:
        return previous_from_dict(json.loads(text), series), number + 1
    except (ValueError, PreviousBriefError) as exc:
        warn(f"the previous brief ({when}) recorded in {state.path} cannot be read ({exc}): "
             "this brief is laid out as a first brief")
        return None, number + 1


def _deliver_pending(config: Config, state: State, key: str, backoff: float | None) -> tuple[list[Sent], list[str]]:
    """Send every pending mail for this recipient list, oldest first; stop at the first failure."""
    from briefing.deliver.email import DeliveryUnknown, Draft, attachments_for, send_draft, sender_for

    sent: list[Sent] = []
    pending = state.pending(key)
    for delivery in pending:
        paths = state.brief_paths(delivery.day) or {}
        missing = [str(p) for p in paths.values() if not p.is_file()]
        if not paths or missing:
            problem = f"cannot mail the brief of {delivery.day}: its files are gone ({', '.join(missing) or 'never written'})"
            state.finish(delivery, ok=False, error=problem)
            return sent, [problem]
        if delivery.status == "sending":
            why = f"the mail server went silent after it was handed the brief of {delivery.day}" if delivery.error \
                else f"a run stopped while mailing the brief of {delivery.day}"
            log.warning("%s (Message-ID %s); it may have arrived: sending it again with the same Message-ID",
                        why, delivery.message_id)
        mail = Draft(sender_for(config), tuple(_addresses(config)), delivery.subject, delivery.text, delivery.html,
                     attachments_for(config, paths))
        progress(f"mailing the brief of {delivery.day} to {len(mail.recipients)} recipient(s)…")
        state.start_sending(delivery)
        try:
            send_draft(config, mail, message_id=delivery.message_id, backoff=backoff)
        except DeliveryUnknown as exc:  # not again in this run: the next one decides, from the state
            state.unknown(delivery, f"unknown: {exc}")
            return sent, [str(exc)]
        except DeliveryError as exc:
            state.finish(delivery, ok=False, error=str(exc))
            return sent, [str(exc)]
        except BaseException as exc:  # a bug or ^C mid-send: whether it went out is unknown, say so
            state.finish(delivery, ok=False, error=f"interrupted: {exc.__class__.__name__}")
            raise
        state.finish(delivery, ok=True)
        sent.append(Sent(delivery.day, delivery.message_id))
    return sent, []


def _addresses(config: Config) -> list[str]:
    return [a.strip() for a in config.email.to if a.strip()]
