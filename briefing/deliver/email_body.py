"""The text and HTML bodies of the email that carries a brief.

A scheduled brief is rendered by the email templates (email.txt.j2, email.html.j2: the user's
template folder first, the packaged ones last): key points and key figures, so the mail is useful
before anyone opens the PDF. Files sent by hand (`briefing send FILE`) have no Brief behind them and
get a short note naming the attachments.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from briefing.config import Config
from briefing.models import Brief


def render_bodies(config: Config, brief: Brief | None, day: date, attachments: Sequence[str]) -> tuple[str, str]:
    """(plain text, HTML) for the email."""
    if brief is None:
        return _note(config.title, day, attachments)
    from briefing.render import render_email

    templates = [config.resolve(config.output.templates)] if config.output.templates else []
    return render_email(brief, templates, attachments=list(attachments))


def _note(title: str, day: date, attachments: Sequence[str]) -> tuple[str, str]:
    names = ", ".join(attachments) or "no files"
    text = f"{title} — {day.isoformat()}\n\nAttached: {names}\n"
    items = "".join(f"<li>{escape(n)}</li>" for n in attachments)
    html = (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n'
        f"<p><strong>{escape(title)}</strong> — {escape(day.isoformat())}</p>\n"
        f"<p>Attached:</p><ul>{items}</ul>\n</body></html>\n"
    )
    return text, html
