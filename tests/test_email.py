"""Email delivery against a real SMTP server on 127.0.0.1 (aiosmtpd), no mocks."""
from __future__ import annotations

import logging
import shutil
import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from briefing import config as cfg
from briefing.deliver.email import ServerUnreachable, send_brief
from briefing.errors import ConfigError, DeliveryError, UsageError
from briefing.logs import setup_logging
from briefing.models import Article, Brief, Figure, Selected, Story, Total

try:
    from tests.smtpserver import SMTPServer, attachments, reserve_port, self_signed_certificate
except ImportError:  # tests/ is not a package: pytest puts this folder on sys.path
    from smtpserver import SMTPServer, attachments, reserve_port, self_signed_certificate

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")

PDF = b"%PDF-1.7\n% a tiny stand-in for a brief\n%%EOF\n"


def make_config(port: int, **smtp) -> cfg.Config:
    return cfg.parse({
        "title": "Situation brief",
        "email": {
            "smtp": {"host": "127.0.0.1", "port": port, "retries": 0, "timeout": 5, **smtp},
            "from": "briefs@example.org",
            "to": ["analyst@example.org", "desk@example.org"],
        },
    })


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "brief-2024-05-01.pdf"
    path.write_bytes(PDF)
    return path


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    return self_signed_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def server():
    with SMTPServer() as s:
        yield s


def received(server: SMTPServer, count: int, timeout: float = 3.0):
    """The server's messages once `count` have arrived (the handler runs in another thread)."""
    deadline = time.monotonic() + timeout
    while len(server.messages) < count and time.monotonic() < deadline:
        time.sleep(0.01)
    return server.messages


def sample_brief() -> Brief:
    articles = (
        Article(text="Shelling hit Stepanakert. At least 12 civilians were killed.", title="Shelling", source="Wire One", origin="a.txt"),
        Article(text="Officials said 12 civilians were killed.", title="Toll", source="Paper Two", origin="b.txt"),
    )
    key = Selected(text="Shelling hit Stepanakert on Sunday night.", article=0, position=0, score=1.0, also=(1,))
    fig = Figure(category="killed", count=12, low=12, high=None, qualifier="at least", group="civilians", claimant="officials",
                 scope="incident", article=0, sentence="At least 12 civilians were killed.")
    total = Total(category="killed", count=12, low=12, high=None, qualifier="at least", scope="incident", period=None,
                  figures=(fig,), group="civilians")
    story = Story(title="Shelling", articles=(0, 1), key_points=(key,), developments=(), figures=(fig,), totals=(total,))
    return Brief(title="Situation brief", date=date(2024, 5, 1), generated=datetime(2024, 5, 1, 6, tzinfo=UTC),
                 articles=articles, stories=(story,))


def test_one_mail_to_every_recipient_with_the_pdf_attached(server, pdf):
    config = make_config(server.port)
    message_id = send_brief(config, {"pdf": pdf}, None)

    [mail] = received(server, 1)
    assert server.envelopes == [("briefs@example.org", ["analyst@example.org", "desk@example.org"])]
    assert mail["Message-ID"] == message_id and message_id.endswith("@example.org>")
    assert parsedate_to_datetime(mail["Date"]).tzinfo is not None
    assert mail["Subject"] == "Situation brief — 2024-05-01"  # the date read from the file name
    assert attachments(mail) == [("application/pdf", "brief-2024-05-01.pdf", PDF)]
    assert "brief-2024-05-01.pdf" in mail.get_body(("plain",)).get_content()
    assert mail.get_body(("html",)) is not None


def test_body_carries_key_points_and_figures_of_the_brief(server, pdf):
    config = make_config(server.port)
    send_brief(config, {"pdf": pdf}, sample_brief(), subject="Brief {date}: {title}")

    [mail] = received(server, 1)
    assert mail["Subject"] == "Brief 2024-05-01: Situation brief"
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    for body in (text, html):
        assert "Shelling hit Stepanakert on Sunday night." in body
        assert "civilians killed" in body
        assert "Wire One" in body and "Paper Two" in body


def test_html_body_escapes_article_text(server, pdf):
    brief = sample_brief()
    hostile = Selected(text="<script>alert(1)</script> happened.", article=0, position=1, score=2.0)
    story = brief.stories[0]
    brief = Brief(**{**brief.__dict__, "stories": (Story(**{**story.__dict__, "key_points": (hostile,)}),)})
    send_brief(make_config(server.port), {"pdf": pdf}, brief)
    [mail] = received(server, 1)
    html = mail.get_body(("html",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_explicit_recipients_and_every_file_given_by_hand(server, pdf, tmp_path):
    html = tmp_path / "brief-2024-05-01.html"
    html.write_text("<p>brief</p>", encoding="utf-8")
    send_brief(make_config(server.port), {"pdf": pdf, "html": html}, None, to=["one@example.net", "two@example.net"])
    [mail] = received(server, 1)
    assert server.envelopes[0][1] == ["one@example.net", "two@example.net"]
    assert [(t, n) for t, n, _ in attachments(mail)] == [("application/pdf", pdf.name), ("text/html", html.name)]


def test_unreachable_server_is_retried_with_backoff_then_one_clear_error(pdf, caplog):
    sock = reserve_port()  # bound, not listening: connection refused
    port = sock.getsockname()[1]
    config = make_config(port, retries=2)
    started = time.monotonic()
    with caplog.at_level(logging.INFO, logger="briefing"), pytest.raises(ServerUnreachable) as caught:
        send_brief(config, {"pdf": pdf}, None, backoff=0.05)
    elapsed = time.monotonic() - started
    sock.close()
    message = str(caught.value)
    assert message.startswith(f"cannot reach mail server 127.0.0.1:{port}: ")
    assert "\n" not in message and "after 3 attempts" in message
    retries = [r for r in caplog.records if "trying again" in r.getMessage()]
    assert [r.getMessage().split("trying again in ")[1] for r in retries] == ["0.05 s", "0.1 s"]
    assert 0.15 <= elapsed < 2
    assert isinstance(caught.value, DeliveryError) and caught.value.exit_code == 1


def test_login_from_environment_and_secret_never_logged(tmp_path, pdf, monkeypatch, capsys, caplog):
    secret = "s3cret-Pa55word-never-shown"
    monkeypatch.setenv("TEST_SMTP_USER", "robot")
    monkeypatch.setenv("TEST_SMTP_PASSWORD", secret)
    log_file = tmp_path / "briefing.log"
    setup_logging("debug", log_file)
    try:
        with SMTPServer(login=("robot", secret)) as server, caplog.at_level(logging.DEBUG, logger="briefing"):
            config = make_config(server.port, username_env="TEST_SMTP_USER", password_env="TEST_SMTP_PASSWORD")
            send_brief(config, {"pdf": pdf}, None)
            assert len(received(server, 1)) == 1 and server.authenticator.attempts == ["ok"]

            monkeypatch.setenv("TEST_SMTP_PASSWORD", secret + "-wrong")
            with pytest.raises(DeliveryError) as caught:
                send_brief(config, {"pdf": pdf}, None)
            assert "login" in str(caught.value)
            assert server.authenticator.attempts == ["ok", "refused"]  # a refused login is not retried
    finally:
        setup_logging("warning", None)
    out, err = capsys.readouterr()
    assert out == ""
    logged = log_file.read_text(encoding="utf-8")
    assert "mailed" in logged  # the file did receive the debug/info lines
    for text in (err, caplog.text, logged, str(caught.value)):
        assert secret not in text


def test_unset_password_variable_is_a_config_error_naming_the_variable(pdf, monkeypatch, server):
    monkeypatch.delenv("TEST_SMTP_PASSWORD_UNSET", raising=False)
    config = make_config(server.port, password_env="TEST_SMTP_PASSWORD_UNSET")
    with pytest.raises(ConfigError, match="TEST_SMTP_PASSWORD_UNSET is not set"):
        send_brief(config, {"pdf": pdf}, None)
    assert server.messages == []


def test_starttls_upgrades_the_connection_before_login(certificate, pdf, monkeypatch):
    cert, key = certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # trust our self-signed certificate, nothing else changes
    monkeypatch.setenv("TEST_SMTP_PASSWORD", "pw")
    # the server refuses mail before STARTTLS and refuses login over plain text
    with SMTPServer(tls=(cert, key), login=("briefs@example.org", "pw")) as server:
        send_brief(make_config(server.port, security="starttls", password_env="TEST_SMTP_PASSWORD"), {"pdf": pdf}, None)
        assert len(received(server, 1)) == 1
        with pytest.raises(DeliveryError):
            send_brief(make_config(server.port, security="none", password_env="TEST_SMTP_PASSWORD"), {"pdf": pdf}, None)
        assert len(server.messages) == 1


def test_ssl_speaks_tls_from_the_first_byte(certificate, pdf, monkeypatch):
    cert, key = certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    with SMTPServer(tls=(cert, key), implicit_tls=True) as server:
        send_brief(make_config(server.port, security="ssl"), {"pdf": pdf}, None)
        assert len(received(server, 1)) == 1


def test_untrusted_certificate_is_refused(certificate, pdf, monkeypatch):
    cert, key = certificate
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    with SMTPServer(tls=(cert, key), implicit_tls=True) as server:
        with pytest.raises(DeliveryError, match="certificate"):
            send_brief(make_config(server.port, security="ssl"), {"pdf": pdf}, None)
        assert server.messages == []


def test_starttls_against_a_server_without_it_says_so(server, pdf):
    with pytest.raises(DeliveryError, match="STARTTLS"):
        send_brief(make_config(server.port, security="starttls"), {"pdf": pdf}, None)
    assert server.messages == []


@pytest.mark.parametrize("to, error", [(["not-an-address"], UsageError), ([], UsageError)])
def test_bad_recipients_are_refused_before_connecting(server, pdf, to, error):
    with pytest.raises(error):
        send_brief(make_config(server.port), {"pdf": pdf}, None, to=to)
    assert server.messages == []


def test_subject_with_an_unknown_placeholder_is_a_config_error(server, pdf):
    with pytest.raises(ConfigError, match="email.subject"):
        send_brief(make_config(server.port), {"pdf": pdf}, None, subject="{title} {when}")


def test_silence_after_data_is_unknown_and_never_retried_at_once(pdf):
    """The server takes the message, then says nothing: retrying could deliver it twice."""
    from briefing.deliver.email import DeliveryUnknown

    with SMTPServer(stall_after_data=1.0) as server:
        config = make_config(server.port, retries=3, timeout=0.3)
        started = time.monotonic()
        with pytest.raises(DeliveryUnknown) as caught:
            send_brief(config, {"pdf": pdf}, None, backoff=0)
        assert time.monotonic() - started < 0.9  # one attempt: no retry, no second wait
        assert "may have arrived" in str(caught.value) and caught.value.exit_code == 1
        time.sleep(0.9)
        assert len(server.messages) == 1


def test_a_refused_message_after_data_is_still_an_answer_not_unknown(pdf):
    """A 4xx/5xx answer to the message is the server's word: handled as before (5xx: refused)."""
    from briefing.deliver.email import DeliveryUnknown

    with SMTPServer() as server:
        async def refuse(*_):
            return "554 no thanks"

        server.inbox.handle_DATA = refuse
        server.stall_after_data = 0
        with pytest.raises(DeliveryError) as caught:
            send_brief(make_config(server.port), {"pdf": pdf}, None)
        assert not isinstance(caught.value, DeliveryUnknown) and "554" in str(caught.value)
