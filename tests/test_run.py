"""The scheduled run against a real SMTP server on 127.0.0.1 and a real SQLite state file."""
from __future__ import annotations

import logging
import re
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import yaml

from briefing import config as cfg
from briefing.errors import DeliveryError, LockedError
from briefing.lock import hold_lock, lock_path_for
from briefing.logs import setup_logging
from briefing.run import run_scheduled
from briefing.state import State, recipients_key

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")

try:
    from tests.smtpserver import SMTPServer, attachments, reserve_port
except ImportError:  # tests/ is not a package: pytest puts this folder on sys.path
    from smtpserver import SMTPServer, attachments, reserve_port

ROOT = Path(__file__).resolve().parents[1]
DAY1, DAY2 = date(2024, 5, 1), date(2024, 5, 2)
TO = ["analyst@example.org", "desk@example.org"]

SHELLING = """Shelling hits Ganja overnight

At least 12 civilians were killed and 40 were injured when missiles struck residential areas of Ganja overnight, officials said on Sunday.

Rescue teams searched the rubble of three apartment blocks. The health ministry said the toll could rise as more bodies were recovered.

Residents described hearing several loud explosions shortly after midnight.
"""

TALKS = """Ceasefire talks resume in Moscow

Foreign ministers of both countries met in Moscow on Monday to discuss a humanitarian ceasefire, diplomats said.

The talks lasted ten hours. Mediators urged both sides to allow the exchange of prisoners and the recovery of bodies.
"""


def write_config(folder: Path, port: int | None, *, formats=("md",), to=TO, smtp=None, **extra) -> Path:
    """A configuration in `folder` reading `folder/sources`; md only unless a test needs the PDF (speed)."""
    (folder / "sources").mkdir(exist_ok=True)
    data = {
        "title": "Test brief",
        "sources": [{"path": "sources"}],
        "output": {"dir": "briefs", "formats": list(formats)},
        "state": {"path": "briefs/state.sqlite3"},
        **extra,
    }
    if port is not None:
        data["email"] = {
            "smtp": {"host": "127.0.0.1", "port": port, "security": "none", "retries": 0, "timeout": 5, **(smtp or {})},
            "from": "briefs@example.org",
            "to": list(to),
            "attach": list(formats),
        }
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def add_article(folder: Path, name: str, text: str) -> None:
    (folder / "sources" / name).write_text(text, encoding="utf-8")


def received(server: SMTPServer, count: int, timeout: float = 3.0):
    deadline = time.monotonic() + timeout
    while len(server.messages) < count and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.05)  # and nothing more arrives
    return server.messages


@pytest.fixture
def server():
    with SMTPServer() as s:
        yield s


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    add_article(tmp_path, "shelling.txt", SHELLING)
    return tmp_path


def test_first_run_mails_the_pdf_once_then_nothing_until_forced(site, server, capsys):
    config = cfg.load(write_config(site, server.port, formats=("pdf",)))

    first = run_scheduled(config, day=DAY1)
    [mail] = received(server, 1)
    pdf = site / "briefs" / "brief-2024-05-01.pdf"
    assert first.written and first.paths == {"pdf": pdf}
    assert [s.message_id for s in first.sent] == [mail["Message-ID"]]
    assert attachments(mail) == [("application/pdf", pdf.name, pdf.read_bytes())]
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "2024-05-01" in mail["Subject"] and server.envelopes[0][1] == TO
    assert "12 civilians" in mail.get_body(("plain",)).get_content()  # key points in the body

    second = run_scheduled(config, day=DAY1)
    assert not second.written and second.sent == ()
    assert len(received(server, 1)) == 1

    forced = run_scheduled(config, day=DAY1, force=True)
    messages = received(server, 2)
    assert forced.written and len(messages) == 2
    assert messages[1]["Message-ID"] != messages[0]["Message-ID"]
    assert capsys.readouterr().out == ""


def test_unreachable_server_keeps_the_brief_and_the_next_run_sends_exactly_it(site):
    down = reserve_port()  # nothing listens here yet: connection refused
    config = cfg.load(write_config(site, down.getsockname()[1]))

    with pytest.raises(DeliveryError) as caught:
        run_scheduled(config, day=DAY1)
    message = str(caught.value)
    assert message.startswith(f"cannot reach mail server 127.0.0.1:{down.getsockname()[1]}: ")
    assert "\n" not in message and caught.value.exit_code == 1
    brief = site / "briefs" / "brief-2024-05-01.md"
    assert brief.is_file() and str(brief) in message
    kept = brief.read_bytes()
    with State(site / "briefs" / "state.sqlite3") as state:
        [failed] = state.deliveries(DAY1)
    assert failed.status == "failed" and "cannot reach" in failed.error

    with SMTPServer(sock=down) as server:  # the server comes back on the same port
        again = run_scheduled(config, day=DAY1)
        [mail] = received(server, 1)
        assert not again.written  # the kept brief is sent, not a new one
        assert mail["Message-ID"] == failed.message_id
        assert attachments(mail)[0][2] == kept
        run_scheduled(config, day=DAY1)
        assert len(received(server, 1)) == 1


def test_a_later_run_sends_the_missed_day_first_then_its_own(site):
    down = reserve_port()
    config = cfg.load(write_config(site, down.getsockname()[1]))
    with pytest.raises(DeliveryError):
        run_scheduled(config, day=DAY1)
    with SMTPServer(sock=down) as server:
        result = run_scheduled(config, day=DAY2)
        messages = received(server, 2)
    assert [s.day for s in result.sent] == [DAY1, DAY2]
    assert ["2024-05-01" in m["Subject"] for m in messages] == [True, False]
    assert "2024-05-02" in messages[1]["Subject"]


def test_articles_not_in_an_earlier_brief_are_new(site):
    config = cfg.load(write_config(site, None))
    assert run_scheduled(config, day=DAY1).new_articles == 1
    add_article(site, "talks.txt", TALKS)
    second = run_scheduled(config, day=DAY2)
    assert (second.articles, second.new_articles) == (2, 1)
    again = run_scheduled(config, day=DAY2, force=True)
    assert again.new_articles == 1  # redoing the day does not make its own articles old


def test_without_recipients_it_only_writes_the_files(site, server):
    config = cfg.load(write_config(site, server.port, to=[]))
    result = run_scheduled(config, day=DAY1)
    assert result.written and result.paths["md"].is_file() and result.sent == ()
    assert not run_scheduled(config, day=DAY1).written
    assert received(server, 0) == []


def test_a_new_recipient_list_gets_its_own_mail(site, server):
    run_scheduled(cfg.load(write_config(site, server.port)), day=DAY1)
    run_scheduled(cfg.load(write_config(site, server.port, to=["boss@example.org"])), day=DAY1)
    run_scheduled(cfg.load(write_config(site, server.port, to=["boss@example.org"])), day=DAY1)
    assert [rcpt for _, rcpt in server.envelopes] == [TO, ["boss@example.org"]]


def test_a_run_that_died_mid_send_is_resent_with_the_same_message_id(site, server, caplog):
    config = cfg.load(write_config(site, server.port))
    with State(site / "briefs" / "state.sqlite3") as state:
        run_scheduled(cfg.load(write_config(site, None)), day=DAY1)  # brief written, nothing mailed
        day = state.queue(DAY1, recipients_key(TO), message_id="<crashed@example.org>", subject="Test brief — 2024-05-01",
                          text="key points", html="<p>key points</p>")
        state.start_sending(day)  # ... and the process was killed here
    with caplog.at_level(logging.WARNING, logger="briefing"):
        run_scheduled(config, day=DAY1)
    [mail] = received(server, 1)
    assert mail["Message-ID"] == "<crashed@example.org>"
    assert "stopped while mailing" in caplog.text


def test_a_held_lock_stops_a_second_run_at_once(site, server):
    config = cfg.load(write_config(site, server.port))
    lock = lock_path_for(site / "briefs" / "state.sqlite3")
    with hold_lock(lock):
        started = time.monotonic()
        with pytest.raises(LockedError) as caught:
            run_scheduled(config, day=DAY1)
        assert time.monotonic() - started < 1
    assert caught.value.exit_code == 3
    assert str(caught.value) == f"another briefing run is in progress (lock: {lock})"
    assert not (site / "briefs" / "brief-2024-05-01.md").exists()
    run_scheduled(config, day=DAY1)  # released: the next run works
    assert len(received(server, 1)) == 1


def test_the_password_never_reaches_the_logs(site, monkeypatch, capsys):
    secret = "pw-that-must-not-leak-123"
    monkeypatch.setenv("TEST_RUN_PASSWORD", secret)
    log_file = site / "briefing.log"
    setup_logging("debug", log_file)
    try:
        with SMTPServer(login=("briefs@example.org", secret)) as server:
            config = cfg.load(write_config(site, server.port, smtp={"password_env": "TEST_RUN_PASSWORD"}))
            run_scheduled(config, day=DAY1)
            assert len(received(server, 1)) == 1
    finally:
        setup_logging("warning", None)
    out, err = capsys.readouterr()
    logged = log_file.read_text(encoding="utf-8")
    assert out == "" and "mailed" in logged
    assert secret not in err and secret not in logged
    assert secret not in (site / "briefs" / "state.sqlite3").read_bytes().decode("latin-1")


def bare_run(config: Path, home: Path) -> subprocess.Popen:
    """`briefing run` as cron starts it: PATH=/usr/bin:/bin, no LANG, nothing else."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    return subprocess.Popen([sys.executable, "-m", "briefing", "run", "--config", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=str(home))


def test_two_runs_started_together_send_one_mail(site, server):
    config = write_config(site, server.port)
    runs = [bare_run(config, site), bare_run(config, site)]
    results = [(p.wait(timeout=60), *p.communicate()) for p in runs]
    assert len(received(server, 1)) == 1
    codes = sorted(code for code, _, _ in results)
    assert codes in ([0, 0], [0, 3]), results
    for code, out, err in results:
        assert out == b""
        assert b"Traceback" not in err
        if code == 3:
            assert err.decode().strip().endswith(f"another briefing run is in progress (lock: {lock_path_for(site / 'briefs' / 'state.sqlite3')})")
        else:
            assert err == b""


def test_command_line_exit_codes_and_one_line_errors(site, capsys):
    from briefing.cli import main

    down = reserve_port()
    config = str(write_config(site, down.getsockname()[1], smtp={"retries": 1}))
    assert main(["run", "--config", config, "--date", "2024-05-01"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "cannot reach mail server" in err
    with hold_lock(lock_path_for(site / "briefs" / "state.sqlite3")):
        assert main(["run", "--config", config]) == 3
    assert "another briefing run is in progress" in capsys.readouterr().err
    with SMTPServer(sock=down) as server:
        assert main(["run", "--config", config, "--date", "2024-05-01"]) == 0
        assert len(received(server, 1)) == 1
    assert capsys.readouterr() == ("", "")


def test_logging_goes_to_stderr_and_the_log_file_never_to_stdout(tmp_path, capsys):
    from briefing.logs import get_logger, progress

    log_file = tmp_path / "logs" / "briefing.log"
    setup_logging("info", log_file)
    try:
        get_logger("run").info("wrote the brief")
        get_logger("run").debug("below the level")
        get_logger("run").warning("source skipped")
        progress("reading sources…")  # not a terminal: nothing
    finally:
        setup_logging("warning", None)
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "briefing: wrote the brief\nbriefing: warning: source skipped\n"
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert [line.split(" ", 2)[2] for line in lines] == ["INFO briefing.run: wrote the brief", "WARNING briefing.run: source skipped"]
    assert all(re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", line) for line in lines)
