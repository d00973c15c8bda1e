"""Issue 16, round two: a configuration, a state file, a lock, a log file or an output folder set up wrongly.

Real files and folders, a real SQLite state file, the loopback SMTP server of tests/smtpserver.py. The
tests run as root here, where permission bits stop nothing: the wrong set-ups are made with a regular file
where a folder should be, a folder where a file should be, /dev/full for a disk that fills up; a test
that needs permission bits skips when they cannot stop the current user.
"""
from __future__ import annotations

import fcntl
import logging
import os
import sqlite3
import stat
import time
from datetime import date
from pathlib import Path

import pytest
import yaml

from briefing import config as cfg
from briefing.cli import main
from briefing.errors import ConfigError
from briefing.logs import setup_logging
from briefing.run import _hold, run_scheduled
from briefing.state import State, StateError

try:
    from tests.smtpserver import SMTPServer
    from tests.test_run import SHELLING, add_article, received, write_config
except ImportError:  # tests/ is not a package: pytest puts this folder on sys.path
    from test_run import SHELLING, add_article, received, write_config

    from smtpserver import SMTPServer

DAY = date(2024, 5, 1)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    add_article(tmp_path, "shelling.txt", SHELLING)
    return tmp_path


@pytest.fixture
def server():
    with SMTPServer() as s:
        yield s


@pytest.fixture(autouse=True)
def quiet_logging():
    yield
    setup_logging("warning", None)  # main() installs log.file handlers: never leak them into other tests


def a_file(path: Path) -> Path:
    """A regular file where the configuration expects a folder."""
    path.write_text("not a folder\n")
    return path


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefing: error: "), err
    assert "internal error" not in err and "Traceback" not in err
    return lines[0]


# ---------------------------------------------------------------- the scheduled job never stops silently


@pytest.mark.parametrize("level", ["warning", "info"])
def test_a_log_file_that_cannot_be_written_falls_back_to_stderr_and_the_brief_is_written_and_mailed(site, server, capsys, level):
    a_file(site / "logs")  # log.file: logs/briefing.log, but logs is a file
    config = write_config(site, server.port, log={"level": level, "file": "logs/briefing.log"})
    assert main(["run", "--config", str(config), "--date", "2024-05-01"]) == 0
    assert len(received(server, 1)) == 1
    assert (site / "briefs" / "brief-2024-05-01.md").is_file()
    out, err = capsys.readouterr()
    assert out == ""
    warnings = [line for line in err.splitlines() if "log file" in line]
    assert len(warnings) == 1 and warnings[0].startswith("briefing: warning: cannot write the log file")
    assert "logging on stderr only" in warnings[0] and "Traceback" not in err
    # and every later run still works (the state is sound)
    assert main(["run", "--config", str(config), "--date", "2024-05-01"]) == 0
    assert len(received(server, 1)) == 1


def test_a_log_file_that_is_a_folder_is_one_warning_too(site, server, capsys):
    (site / "briefing.log").mkdir()
    config = write_config(site, server.port, log={"level": "info", "file": "briefing.log"})
    assert main(["run", "--config", str(config), "--date", "2024-05-01"]) == 0
    assert len(received(server, 1)) == 1
    assert capsys.readouterr().err.count("cannot write the log file") == 1


def test_a_log_file_whose_disk_fills_up_mid_run_is_one_warning_and_the_run_goes_on(site, server, capsys):
    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full (a device whose every write fails: disk full)")
    config = write_config(site, server.port, log={"level": "info", "file": "/dev/full"})
    assert main(["run", "--config", str(config), "--date", "2024-05-01"]) == 0
    assert len(received(server, 1)) == 1
    err = capsys.readouterr().err
    assert err.count("cannot write the log file /dev/full") == 1 and "Traceback" not in err
    assert "briefing: wrote " in err  # the log goes on, on stderr


def test_a_state_path_that_is_a_folder_is_one_line_exit_2(site, server, capsys):
    config = write_config(site, server.port)
    (site / "briefs" / "state.sqlite3").mkdir(parents=True)
    assert main(["run", "--config", str(config)]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert "state.path: " in line and "is a folder" in line
    with pytest.raises(StateError) as caught:  # the library alone, past the checks before work
        State(site / "briefs" / "state.sqlite3")
    assert caught.value.exit_code == 2 and "is a folder" in str(caught.value)
    assert len(received(server, 0)) == 0


def test_a_state_folder_that_cannot_be_made_is_one_line_exit_2(site, server, capsys):
    a_file(site / "var")
    config = write_config(site, server.port, state={"path": "var/state.sqlite3"})
    assert main(["run", "--config", str(config)]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert f"state.path: cannot create state.sqlite3 in {site / 'var'}: it is a file, not a folder" in line
    with pytest.raises(StateError) as caught:
        State(site / "var" / "state.sqlite3")
    assert caught.value.exit_code == 2 and "\n" not in str(caught.value)


def test_a_read_only_state_folder_is_one_line_exit_2(site, server, capsys):
    config = write_config(site, server.port)
    folder = site / "briefs"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("permission bits do not stop this user (root)")
        assert main(["run", "--config", str(config)]) == 2
        line = one_line_error(capsys.readouterr().err)
        assert "no permission to write in" in line
    finally:
        folder.chmod(0o755)


def test_a_lock_file_that_cannot_be_opened_is_one_line_exit_2(site, server, capsys):
    config = write_config(site, server.port)
    lock = site / "briefs" / "state.sqlite3.lock"
    lock.mkdir(parents=True)  # as another user's file would: it cannot be opened for writing
    assert main(["run", "--config", str(config)]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert "state.path: its lock file" in line and "is a folder" in line
    from contextlib import ExitStack

    with ExitStack() as stack, pytest.raises(StateError) as caught:  # when it turns bad after the checks
        _hold(stack, lock)
    assert caught.value.exit_code == 2 and str(caught.value).startswith(f"cannot use the lock file {lock}: ")


def test_a_state_file_that_is_not_a_database_is_found_by_check_and_by_run(site, capsys):
    config = write_config(site, None)
    (site / "briefs").mkdir()
    (site / "briefs" / "state.sqlite3").write_text("notes, not a database\n" * 50)
    assert main(["check", "--config", str(config)]) == 2
    assert "state.path: " in one_line_error(capsys.readouterr().err)
    assert main(["run", "--config", str(config)]) == 2
    assert "not a SQLite state file" in one_line_error(capsys.readouterr().err)


def test_a_state_file_another_program_keeps_busy_is_one_line_exit_1(site):
    config = cfg.load(write_config(site, None))
    run_scheduled(config, day=DAY)
    path = site / "briefs" / "state.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the file past the busy timeout
    import briefing.state as state_module

    old = state_module.BUSY_TIMEOUT_MS
    state_module.BUSY_TIMEOUT_MS = 50
    try:
        with pytest.raises(StateError) as caught:
            run_scheduled(config, day=date(2024, 5, 2))
    finally:
        state_module.BUSY_TIMEOUT_MS = old
        holder.execute("ROLLBACK")
        holder.close()
    assert caught.value.exit_code == 1 and "locked" in str(caught.value) and "\n" not in str(caught.value)


def test_an_output_folder_that_cannot_be_made_is_exit_2_from_run_and_from_generate(site, capsys):
    a_file(site / "out")
    config = write_config(site, None, output={"dir": "out/briefs", "formats": ["md"]})
    assert main(["run", "--config", str(config)]) == 2
    run_line = one_line_error(capsys.readouterr().err)
    assert main(["generate", "--config", str(config)]) == 2
    generate_line = one_line_error(capsys.readouterr().err)
    assert f"cannot write to {site / 'out' / 'briefs'}: {site / 'out'} is not a folder" in run_line
    assert f"cannot write to {site / 'out' / 'briefs'}: {site / 'out'} is not a folder" in generate_line


def test_a_brief_that_cannot_be_written_at_write_time_is_the_same_exit_code_from_run_and_generate(site, capsys):
    config = write_config(site, None)
    (site / "briefs" / "brief-2024-05-01.md").mkdir(parents=True)  # a folder holds the brief's name
    assert main(["run", "--config", str(config), "--date", "2024-05-01"]) == 2
    run_line = one_line_error(capsys.readouterr().err)
    assert main(["generate", "--config", str(config), "--date", "2024-05-01"]) == 2
    generate_line = one_line_error(capsys.readouterr().err)
    assert run_line == generate_line == f"briefing: error: cannot write {site / 'briefs' / 'brief-2024-05-01.md'}: Is a directory"


# ---------------------------------------------------------------- check finds what the run would meet


BROKEN = """\
title: Test brief
sources:
  - path: sources
fetch:
  retries: 1000000000
output:
  dir: briefs
  formats: [md]
  templates: my-templates
email:
  smtp:
    host: ""
    port: 99999
  from: briefs@example.org
  to: [analyst@example.org]
  subject: "{title} for {day}"
log:
  level: info
  file: logs/briefing.log
title: Another title
"""


def test_check_reports_every_problem_at_once_with_its_key_path(site, capsys):
    a_file(site / "logs")
    (site / "config.yaml").write_text(BROKEN)
    assert main(["check", "--config", str(site / "config.yaml")]) == 2
    line = one_line_error(capsys.readouterr().err)
    for expected in (
        "title: duplicate key (lines 1 and 20)",
        "fetch.retries: must be at most 10",
        f"output.templates: {site / 'my-templates'} does not exist",
        "email.smtp.host: must not be empty",
        "email.smtp.port: must be at most 65535",
        "email.subject: unknown field {day}",
        f"log.file: cannot create briefing.log in {site / 'logs'}: it is a file, not a folder",
    ):
        assert expected in line, expected
    # the loader alone (every command) finds all but the files the run writes, before any work
    with pytest.raises(ConfigError) as caught:
        cfg.load(site / "config.yaml")
    assert len(caught.value.problems) == 6 and not any(p.startswith("log.file") for p in caught.value.problems)
    assert main(["generate", "--config", str(site / "config.yaml")]) == 2
    assert not (site / "briefs").exists()


@pytest.mark.parametrize("data, problem", [
    ({"email": {"smtp": {"port": 0}}}, "email.smtp.port: must be at least 1"),
    ({"email": {"smtp": {"retries": 11}}}, "email.smtp.retries: must be at most 10"),
    ({"fetch": {"timeout": 10**9}}, "fetch.timeout: must be at most 600"),
    ({"summary": {"words": 10**7}}, "summary.words: must be at most 10000"),
    ({"state": {"path": " "}}, "state.path: must not be empty"),
    ({"output": {"dir": ""}}, "output.dir: must not be empty"),
    ({"log": {"file": ""}}, "log.file: must not be empty (leave the key out, or null, for none)"),
    ({"email": {"subject": "{title} {0}"}}, "email.subject: unknown field {0}"),
    ({"email": {"subject": "{title"}}, "email.subject: cannot fill in"),
])
def test_ranges_empty_strings_and_subject_fields(data, problem):
    with pytest.raises(ConfigError) as caught:
        cfg.parse(data)
    assert any(p.startswith(problem) for p in caught.value.problems), caught.value.problems


def test_duplicate_keys_are_named_with_their_path_and_lines(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("email:\n  smtp:\n    port: 25\n    host: a\n    port: 2525\nsources:\n  - path: x\n    path: y\n")
    with pytest.raises(ConfigError) as caught:
        cfg.load(path)
    assert caught.value.problems == [
        "email.smtp.port: duplicate key (lines 3 and 5); only one can hold",
        "sources[0].path: duplicate key (lines 7 and 8); only one can hold",
    ]


def test_nested_aliases_in_a_configuration_are_checked_in_linear_time(tmp_path):
    lines = ['a0: &a0 ["x"]'] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 30)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    started = time.monotonic()
    with pytest.raises(ConfigError) as caught:
        cfg.load(path, files=True)
    assert time.monotonic() - started < 1
    assert "a0: unknown key" in caught.value.problems


def test_an_unusable_output_folder_and_state_are_check_problems(site, capsys):
    a_file(site / "out")
    (site / "state.sqlite3").mkdir()
    config = write_config(site, None, output={"dir": "out/x", "formats": ["md"]}, state={"path": "state.sqlite3"})
    assert main(["check", "--config", str(config)]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert "output.dir: cannot write to" in line and "state.path: " in line and "is a folder" in line


def test_a_template_that_cannot_render_the_brief_is_found_before_any_work(site, server, capsys):
    templates = site / "my-templates"
    templates.mkdir()
    (templates / "email.txt.j2").write_text("{{ brief.title }} {{ brief.no_such_field }}\n")
    config = write_config(site, server.port, output={"dir": "briefs", "formats": ["md"], "templates": "my-templates"})
    assert main(["check", "--config", str(config)]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert "output.templates: template email.txt.j2" in line and "no_such_field" in line
    assert main(["run", "--config", str(config), "--date", "2024-05-01"]) == 2
    assert "no_such_field" in one_line_error(capsys.readouterr().err)
    assert not (site / "briefs").exists()  # nothing written, nothing queued
    assert received(server, 0) == []
    (templates / "email.txt.j2").write_text("{{ brief.title }}: {% for s in brief.stories %}{{ s.title }}{% endfor %}\n")
    assert main(["check", "--config", str(config)]) == 0
    assert main(["run", "--config", str(config), "--date", "2024-05-01"]) == 0
    [mail] = received(server, 1)
    assert mail.get_body(("plain",)).get_content().startswith("Test brief: ")


def test_check_names_what_would_stop_the_mail(site, capsys, monkeypatch):
    monkeypatch.delenv("NO_SUCH_PASSWORD_VARIABLE", raising=False)
    config = write_config(site, 2525, smtp={"password_env": "NO_SUCH_PASSWORD_VARIABLE"})
    data = yaml.safe_load(config.read_text())
    data["email"]["from"] = "not an address"
    config.write_text(yaml.safe_dump(data))
    assert main(["check", "--config", str(config)]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert "email.from: not an email address" in line
    assert "email.smtp.password_env: environment variable NO_SUCH_PASSWORD_VARIABLE is not set" in line


def test_a_good_configuration_still_passes_check_and_creates_nothing(site, capsys):
    config = write_config(site, None, log={"file": "logs/briefing.log"})
    assert main(["check", "--config", str(config)]) == 0
    assert "ok" in capsys.readouterr().out
    assert sorted(p.name for p in site.iterdir()) == ["config.yaml", "sources"]


# ---------------------------------------------------------------- brief files: umask, stale temporaries


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_briefs_get_the_permissions_the_umask_gives(site, umask, mode):
    config = cfg.load(write_config(site, None, output={"dir": "briefs", "formats": ["md", "json"]}))
    old = os.umask(umask)
    try:
        run_scheduled(config, day=DAY)
    finally:
        os.umask(old)
    for name in ("brief-2024-05-01.md", "brief-2024-05-01.json"):
        assert stat.S_IMODE((site / "briefs" / name).stat().st_mode) == mode


def test_stale_temporary_files_of_an_interrupted_write_are_removed_by_the_next_run(site):
    from briefing.pipeline import generate

    out = site / "briefs"
    out.mkdir()
    hours_ago = time.time() - 7200

    def temporary(name: str, age: float | None = hours_ago) -> Path:
        path = out / name
        path.write_bytes(b"half a brief")
        if age is not None:
            os.utime(path, (age, age))
        return path

    stale = temporary(".brief-2024-04-30.pdf.abcd_123.tmp")
    fresh = temporary(".brief-2024-05-01.md.k2j3h4g5.tmp", age=None)  # maybe a write going on right now
    in_use = temporary(".brief-2024-04-29.html.zzzzzzzz.tmp")
    not_ours = temporary(".notes.abcdefgh.tmp")
    other = temporary("brief-2024-04-30.pdf.abcd_123.tmp")  # no leading dot: not a name we make
    link = out / ".brief-2024-04-28.md.linklink.tmp"
    link.symlink_to(not_ours)
    config = cfg.load(write_config(site, None))
    with open(in_use, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # another write still holds it
        generate(None, config, day=DAY)
    assert not stale.exists()
    assert fresh.exists() and in_use.exists() and not_ours.exists() and other.exists() and link.is_symlink()
    assert (out / "brief-2024-05-01.md").is_file()
    assert not [p for p in out.iterdir() if p.name.startswith(".brief-2024-05-01.md.") and p != fresh]


# ---------------------------------------------------------------- mail: silence after DATA


def test_a_timeout_after_data_is_unknown_not_retried_and_the_next_run_sends_the_same_message(site, caplog):
    with SMTPServer(stall_after_data=1.5) as server:
        config = cfg.load(write_config(site, server.port, smtp={"retries": 2, "timeout": 0.5}))
        from briefing.errors import DeliveryError

        with pytest.raises(DeliveryError) as caught:
            run_scheduled(config, day=DAY, backoff=0)
        message = str(caught.value)
        assert "went silent after it was handed the message" in message and "may have arrived" in message
        assert message.endswith("the next run will send it with the same Message-ID")
        assert caught.value.exit_code == 1 and "\n" not in message
        time.sleep(1.2)  # the server's late 250: it did take the mail
        assert len(server.messages) == 1  # sent once, not three times
        with State(site / "briefs" / "state.sqlite3") as state:
            [row] = state.deliveries(DAY)
        assert row.status == "sending" and row.error.startswith("unknown: ")
        assert row.message_id == server.messages[0]["Message-ID"]

        server.stall_after_data = 0
        with caplog.at_level(logging.WARNING, logger="briefing"):
            again = run_scheduled(config, day=DAY)
        messages = received(server, 2)
        assert [s.message_id for s in again.sent] == [row.message_id] == [messages[1]["Message-ID"]]
        assert "went silent" in caplog.text and "same Message-ID" in caplog.text
        with State(site / "briefs" / "state.sqlite3") as state:
            assert [d.status for d in state.deliveries(DAY)] == ["sent"]
        run_scheduled(config, day=DAY)
        assert len(received(server, 2)) == 2
