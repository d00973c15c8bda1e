"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd in a thread), on an ephemeral port.

    with SMTPServer() as server:            # listening on server.port
        ...                                 # server.messages: every mail received, parsed

`SMTPServer(stall_after_data=2.0)` takes the message, then waits 2 s before answering 250 (a server
that goes silent after DATA); set `server.stall_after_data = 0` to make it answer at once again.

`reserve_port()` holds a port that refuses connections (bound, not listening): a mail server that is
down. `SMTPServer(sock=that_socket)` later brings a server up on that very port.
"""
from __future__ import annotations

import asyncio
import email
import email.policy
import socket
import ssl
import subprocess
import threading
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def reserve_port() -> socket.socket:
    """A socket bound to 127.0.0.1 on a free port and not listening: connections are refused."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


class _Inbox:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.stall = 0.0  # seconds of silence after a message is taken, before its 250

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(parsed)
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        if self.stall:
            await asyncio.sleep(self.stall)
        return "250 OK"


class _Authenticator:
    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user, password
        self.attempts: list[str] = []  # "ok" or "refused", one per connection that tried to log in

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == self.user and auth_data.password.decode() == self.password
        if not getattr(session, "_login_counted", False):  # smtplib tries each mechanism in turn: count connections
            session._login_counted = True
            self.attempts.append("ok" if ok else "refused")
        return AuthResult(success=ok, handled=False)


class SMTPServer(Controller):
    """aiosmtpd's threaded Controller, listening on a socket bound before start (port 0 = any free port).

    login=(user, password) requires that login; tls=(cert, key) offers STARTTLS, or with implicit_tls
    the whole connection is TLS (SMTPS).
    """

    def __init__(self, *, sock: socket.socket | None = None, login: tuple[str, str] | None = None,
                 tls: tuple[Path, Path] | None = None, implicit_tls: bool = False, stall_after_data: float = 0.0) -> None:
        self.sock = sock or reserve_port()
        self.inbox = _Inbox()
        self.inbox.stall = stall_after_data
        self.authenticator = _Authenticator(*login) if login else None
        context = None
        if tls:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(tls[0]), str(tls[1]))
        kwargs = {}
        if self.authenticator:
            kwargs.update(authenticator=self.authenticator, auth_require_tls=bool(tls), auth_required=True)
        if context and not implicit_tls:
            kwargs.update(tls_context=context, require_starttls=True)
        super().__init__(
            self.inbox,
            hostname="127.0.0.1",
            port=self.sock.getsockname()[1],
            ssl_context=context if implicit_tls else None,
            server_hostname="127.0.0.1",
            **kwargs,
        )

    def _create_server(self):
        return self.loop.create_server(self._factory_invoker, sock=self.sock, ssl=self.ssl_context)

    def _trigger_server(self):
        # Controller's own trigger reads the greeting to instantiate the SMTP object; with implicit TLS it
        # must verify our self-signed certificate, so trust nothing and skip verification here only.
        if self.ssl_context is None:
            return super()._trigger_server()
        client = ssl.create_default_context()
        client.check_hostname = False
        client.verify_mode = ssl.CERT_NONE
        with socket.create_connection(("127.0.0.1", self.port), 1.0) as raw, client.wrap_socket(raw) as s:
            s.recv(1024)

    @property
    def stall_after_data(self) -> float:
        return self.inbox.stall

    @stall_after_data.setter
    def stall_after_data(self, seconds: float) -> None:
        self.inbox.stall = seconds

    @property
    def messages(self) -> list[EmailMessage]:
        with self.inbox.lock:
            return list(self.inbox.messages)

    @property
    def envelopes(self) -> list[tuple[str, list[str]]]:
        with self.inbox.lock:
            return list(self.inbox.envelopes)

    def __enter__(self) -> SMTPServer:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """(cert, key) for 127.0.0.1, made with the openssl command."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return cert, key


def attachments(message: EmailMessage) -> list[tuple[str, str, bytes]]:
    """(content type, file name, bytes) of every attachment."""
    return [(part.get_content_type(), part.get_filename(), part.get_payload(decode=True)) for part in message.iter_attachments()]
