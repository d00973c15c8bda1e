"""Email the brief: one message per recipient list, the PDF attached as application/pdf.

smtplib with `email.smtp.security` none | starttls | ssl. The login comes from environment variables
whose NAMES are in the configuration; their values are read at send time, never stored, never logged.
A server that cannot be reached is tried again `email.smtp.retries` times, waiting BACKOFF_BASE seconds,
then twice that, ...; a server that answers "no" (bad login, refused recipient) is not retried.
A server that goes silent (a timeout, a dropped line) after it was handed the message (after its 354
answer to DATA) may well have accepted it: that is DeliveryUnknown, never retried at once; the
scheduled run leaves the decision to its next run, which sends the very same mail (same Message-ID).
"""
from __future__ import annotations

import os
import re
import smtplib
import socket
import ssl
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path
from zoneinfo import ZoneInfo

from briefing.config import Config
from briefing.errors import ConfigError, DeliveryError, UsageError
from briefing.logs import get_logger
from briefing.models import Brief

log = get_logger("email")

BACKOFF_BASE = 1.0  # seconds before the first retry; doubled for each further one

MIME_TYPES = {
    "pdf": ("application", "pdf"),
    "html": ("text", "html"),
    "json": ("application", "json"),
    "md": ("text", "markdown"),
}


class ServerUnreachable(DeliveryError):
    """The mail server could not be reached (after the retries): worth trying again later."""


class DeliveryUnknown(DeliveryError):
    """The message was handed over but the server never confirmed it: it may have arrived."""


# ---------------------------------------------------------------- public API


@dataclass(frozen=True)
class Draft:
    """A mail ready to go; kept in the state so that a retry days later sends the very same mail."""

    sender: str
    recipients: tuple[str, ...]
    subject: str
    text: str
    html: str
    attachments: tuple[tuple[str, Path], ...]  # (format, file)


def send_brief(
    config: Config,
    paths: dict[str, Path],
    brief: Brief | None,
    *,
    to: Sequence[str] | None = None,
    subject: str | None = None,
    day: date | None = None,
    message_id: str | None = None,
    backoff: float | None = None,
) -> str:
    """Mail the brief files in `paths` ({format: file}) and return the Message-ID.

    `to` defaults to email.to and `subject` to the email.subject template. The body lists the key
    points and figures of `brief`; without a brief (sending files by hand) it is a short note and
    every file in `paths` is attached.
    """
    mail = draft(config, paths, brief, to=to, subject=subject, day=day)
    return send_draft(config, mail, message_id=message_id, backoff=backoff)


def draft(
    config: Config,
    paths: dict[str, Path],
    brief: Brief | None,
    *,
    to: Sequence[str] | None = None,
    subject: str | None = None,
    day: date | None = None,
) -> Draft:
    """Compose the mail (recipients, subject, bodies, attachments) without sending it."""
    from briefing.deliver.email_body import render_bodies

    recipients = recipients_for(config, to)
    sender = sender_for(config)
    day = day or (brief.date if brief else None) or _day_from_names(paths.values()) or _today(config)
    attachments = attachments_for(config, paths) if brief is not None else tuple((f, Path(p)) for f, p in paths.items())
    text, html = render_bodies(config, brief, day, [p.name for _, p in attachments])
    title = brief.title if brief else config.title
    return Draft(sender, tuple(recipients), _subject(subject or config.email.subject, title, day), text, html, attachments)


def send_draft(config: Config, mail: Draft, *, message_id: str | None = None, backoff: float | None = None) -> str:
    """Send a composed mail; return its Message-ID."""
    message = build_message(config, mail, message_id=message_id)
    transmit(config, message, mail.recipients, backoff=backoff)
    return message["Message-ID"]


def check_email_config(config: Config) -> None:
    """Raise ConfigError now, before any work, if mail could not be sent as configured."""
    recipients_for(config, None)
    sender_for(config)
    credentials(config)


def new_message_id(config: Config) -> str:
    """A fresh Message-ID in the sender's domain (never a DNS lookup of our own host name)."""
    sender = parseaddr(config.email.from_ or "")[1]
    domain = sender.rpartition("@")[2] or "briefing.invalid"
    return make_msgid("briefing", domain=domain)


def build_message(config: Config, mail: Draft, *, message_id: str | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = mail.sender
    message["To"] = ", ".join(mail.recipients)
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(datetime.now(ZoneInfo(config.timezone)))
    message["Message-ID"] = message_id or new_message_id(config)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation auto-replies to a robot
    message.set_content(mail.text)
    message.add_alternative(mail.html, subtype="html")
    for fmt, path in mail.attachments:
        maintype, subtype = MIME_TYPES.get(fmt, ("application", "octet-stream"))
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DeliveryError(f"cannot attach {path}: {exc.strerror or exc}") from None
        params = {}
        if maintype == "text":  # say how the text is encoded, or readers fall back to ASCII
            try:
                data.decode("utf-8")
                params["charset"] = "utf-8"
            except UnicodeDecodeError:
                maintype, subtype = "application", "octet-stream"
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=path.name, params=params)
    return message


def attachments_for(config: Config, paths: dict[str, Path]) -> tuple[tuple[str, Path], ...]:
    """The brief's files named by email.attach, in that order."""
    missing = [fmt for fmt in config.email.attach if fmt not in paths]
    if missing:
        log.warning("email.attach: no %s file was written; not attached", ", ".join(missing))
    return tuple((fmt, Path(paths[fmt])) for fmt in config.email.attach if fmt in paths)


def transmit(config: Config, message: EmailMessage, recipients: Sequence[str], *, backoff: float | None = None) -> None:
    """Hand the message to the SMTP server, retrying while it cannot be reached."""
    smtp = config.email.smtp
    login = credentials(config)
    base = BACKOFF_BASE if backoff is None else backoff
    where = f"{smtp.host}:{smtp.port}"
    attempts = 1 + smtp.retries
    for attempt in range(1, attempts + 1):
        try:
            refused = _send_once(smtp, login, message, recipients)
        except _Unknown as exc:
            raise DeliveryUnknown(f"mail server {where} went silent after it was handed the message ({exc}): "
                                  "it may have arrived, so it is not sent again at once") from None
        except _Transient as exc:
            if attempt == attempts:
                tries = f" (after {attempts} attempts)" if attempts > 1 else ""
                raise ServerUnreachable(f"cannot reach mail server {where}: {exc}{tries}") from None
            wait = base * 2 ** (attempt - 1)
            log.info("mail server %s: %s; trying again in %g s", where, exc, wait)  # the final error says it all
            time.sleep(wait)
        else:
            for address, (code, reply) in refused.items():
                log.warning("mail server %s refused recipient %s: %s %s", where, address, code, _text(reply))
            log.info("mailed %r %s to %s via %s", message["Subject"], message["Message-ID"], ", ".join(recipients), where)
            return


def credentials(config: Config) -> tuple[str, str] | None:
    """(user, password) from the environment variables the configuration names, or None (no login)."""
    smtp = config.email.smtp
    if not smtp.password_env:
        if smtp.username_env:
            raise ConfigError("email.smtp.password_env: needed with email.smtp.username_env (the NAME of the variable holding the password)")
        return None
    password = os.environ.get(smtp.password_env)
    if password is None:
        raise ConfigError(f"email.smtp.password_env: environment variable {smtp.password_env} is not set")
    if smtp.username_env:
        user = os.environ.get(smtp.username_env)
        if user is None:
            raise ConfigError(f"email.smtp.username_env: environment variable {smtp.username_env} is not set")
    else:
        user = parseaddr(config.email.from_ or "")[1]
    return user, password


# ---------------------------------------------------------------- one SMTP conversation


class _Transient(Exception):
    """A failure worth retrying: no connection, a timeout, a dropped line, a 4xx answer."""


class _Unknown(Exception):
    """Silence or a dropped line after the message itself was sent: retrying could send it twice."""


class _Tracking:
    """Notes when the message itself starts going out: after the server's 354 answer to DATA."""

    handed_over = False
    _in_data = False

    def data(self, msg):
        self._in_data = True
        try:
            return super().data(msg)
        finally:
            self._in_data = False

    def getreply(self):
        reply = super().getreply()
        if self._in_data and reply[0] == 354:
            self.handed_over = True
        return reply


class _SMTP(_Tracking, smtplib.SMTP):
    pass


class _SMTP_SSL(_Tracking, smtplib.SMTP_SSL):
    pass


def _send_once(smtp, login: tuple[str, str] | None, message: EmailMessage, recipients: Sequence[str]) -> dict:
    where = f"{smtp.host}:{smtp.port}"
    hostname = socket.gethostname() or "localhost"  # smtplib's default (getfqdn) can hang on DNS
    client: smtplib.SMTP | None = None
    try:
        if smtp.security == "ssl":
            client = _SMTP_SSL(smtp.host, smtp.port, local_hostname=hostname, timeout=smtp.timeout,
                               context=ssl.create_default_context())
        else:
            client = _SMTP(smtp.host, smtp.port, local_hostname=hostname, timeout=smtp.timeout)
        with client:
            if smtp.security == "starttls":
                client.starttls(context=ssl.create_default_context())
            if login:
                client.login(*login)
            try:
                return client.send_message(message, to_addrs=list(recipients))
            except (TimeoutError, smtplib.SMTPServerDisconnected, OSError) as exc:
                if not client.handed_over or isinstance(exc, smtplib.SMTPResponseException):
                    raise
                client.close()  # no QUIT on a line in an unknown state (it would only wait again)
                if isinstance(exc, socket.timeout):
                    raise _Unknown(f"no answer within {smtp.timeout:g} s") from None
                raise _Unknown(f"connection closed: {exc}" if str(exc) else "connection closed") from None
    except _Unknown:
        raise
    except smtplib.SMTPAuthenticationError as exc:
        raise DeliveryError(f"mail server {where} refused the login: {exc.smtp_code} {_text(exc.smtp_error)}") from None
    except smtplib.SMTPNotSupportedError as exc:
        raise DeliveryError(f"mail server {where}: {exc} (check email.smtp.security)") from None
    except smtplib.SMTPRecipientsRefused as exc:
        refused = "; ".join(f"{a}: {c} {_text(r)}" for a, (c, r) in exc.recipients.items())
        if all(400 <= c < 500 for c, _ in exc.recipients.values()):
            raise _Transient(f"recipients deferred: {refused}") from None
        raise DeliveryError(f"mail server {where} refused every recipient: {refused}") from None
    except smtplib.SMTPConnectError as exc:
        raise _Transient(f"{exc.smtp_code} {_text(exc.smtp_error)}") from None
    except smtplib.SMTPResponseException as exc:
        if 400 <= exc.smtp_code < 500:
            raise _Transient(f"{exc.smtp_code} {_text(exc.smtp_error)}") from None
        raise DeliveryError(f"mail server {where} refused the message: {exc.smtp_code} {_text(exc.smtp_error)}") from None
    except ssl.SSLCertVerificationError as exc:
        raise DeliveryError(f"mail server {where}: TLS certificate not trusted: {exc.verify_message or exc}") from None
    except ssl.SSLError as exc:
        hint = " (is email.smtp.security right for this port?)"
        raise _Transient(f"TLS failed: {exc.reason or exc}{hint}") from None
    except smtplib.SMTPServerDisconnected as exc:
        raise _Transient(f"connection closed: {exc}" if str(exc) else "connection closed") from None
    except smtplib.SMTPException as exc:
        raise DeliveryError(f"mail server {where}: {exc}") from None
    except TimeoutError:
        raise _Transient(f"timed out after {smtp.timeout:g} s") from None
    except socket.gaierror as exc:
        raise _Transient(f"unknown host ({exc.strerror or exc})") from None
    except OSError as exc:
        raise _Transient(exc.strerror or str(exc)) from None


# ---------------------------------------------------------------- helpers


def _text(reply) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def _valid_address(address: str) -> bool:
    return bool(re.fullmatch(r"[^@\s<>,]+@[^@\s<>,]+", parseaddr(address)[1] or ""))


def recipients_for(config: Config, to: Sequence[str] | None) -> list[str]:
    if to is not None:
        addresses = [a.strip() for item in to for a in item.split(",") if a.strip()]
        bad = [a for a in addresses if not _valid_address(a)]
        if bad:
            raise UsageError(f"not an email address: {bad[0]!r}")
        if not addresses:
            raise UsageError("no recipients: give --to ADDRESS")
        return addresses
    addresses = [a.strip() for a in config.email.to if a.strip()]
    bad = [a for a in addresses if not _valid_address(a)]
    if bad:
        raise ConfigError(f"email.to: not an email address: {bad[0]!r}")
    if not addresses:
        raise ConfigError("email.to: no recipients configured")
    return addresses


def sender_for(config: Config) -> str:
    sender = config.email.from_
    if not sender:
        raise ConfigError("email.from: needed to send email (the sender address)")
    if not _valid_address(sender):
        raise ConfigError(f"email.from: not an email address: {sender!r}")
    return sender


def _subject(template: str, title: str, day: date) -> str:
    try:
        subject = template.format(title=title, date=day.isoformat())
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        raise ConfigError(f"email.subject: cannot fill in {template!r} ({exc.__class__.__name__}: {exc}); use {{title}} and {{date}}") from None
    return " ".join(subject.split())  # a header is one line


def _day_from_names(paths) -> date | None:
    for path in paths:
        found = re.search(r"(\d{4}-\d{2}-\d{2})", Path(path).name)
        if found:
            try:
                return date.fromisoformat(found.group(1))
            except ValueError:
                continue
    return None


def _today(config: Config) -> date:
    return datetime.now(ZoneInfo(config.timezone)).date()
