"""Hostile text and templates: rendering reads nothing it was not given and evaluates nothing.

The corpus in tests/hostile/ holds two placeholders that a test substitutes in a copy:
  @PORT@    the port of a loopback TCP listener that records every connection (expect none)
  @SECRET@  the absolute path of a local file holding a secret marker (expect it nowhere)
Template expressions in the corpus whose values must never appear: {{ 7*7 }} (49), {{ "ab" * 3 }} (ababab).
"""
from __future__ import annotations

import io
import re
import socket
import threading
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.models import Article, Brief, Figure, Selected, Story, Total
from briefing.render import render, render_pdf

HOSTILE = Path(__file__).resolve().parent / "hostile"
MARKER = "SECRET-MARKER-7f3a9c"


class ConnectionRecorder:
    """A TCP listener on 127.0.0.1 that records every connection, whatever the protocol (http, https, ftp)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.connections: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(0.2)
                try:
                    self.connections.append(conn.recv(1024))
                except OSError:
                    self.connections.append(b"")

    def close(self) -> list[bytes]:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()
        return self.connections


@pytest.fixture
def recorder():
    rec = ConnectionRecorder()
    yield rec
    rec.close()


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(f"{MARKER}\nroot:x:0:0\n", encoding="utf-8")
    return path


def _png(path: Path, size=(40, 30)) -> Path:
    from PIL import Image  # a WeasyPrint dependency

    Image.new("RGB", size, (200, 30, 30)).save(path)
    return path


def corpus(port: int, secret: Path) -> list[tuple[str, str]]:
    return [
        (p.name, p.read_text(encoding="utf-8").replace("@PORT@", str(port)).replace("@SECRET@", str(secret)))
        for p in sorted(HOSTILE.iterdir())
        if p.is_file()
    ]


def corpus_brief(port: int, secret: Path) -> Brief:
    """Each hostile file's raw text in every field a renderer shows (worse than any reader would hand over)."""
    articles, stories = [], []
    for index, (name, text) in enumerate(corpus(port, secret)):
        paragraphs = [line for line in text.splitlines() if line.strip()]
        articles.append(Article(text=text, title=paragraphs[0], source=paragraphs[-1], origin=f"file://{secret}",
                                url=f"http://127.0.0.1:{port}/{name}", published="2026-11-21"))
        picked = tuple(Selected(text=p, article=index, position=i, score=1.0 / (i + 1)) for i, p in enumerate(paragraphs))
        figure = Figure("killed", 12, 12, None, None, paragraphs[1], paragraphs[2], "incident", index, paragraphs[1],
                        period=paragraphs[0])
        total = Total("killed", 12, 10, 14, None, "incident", paragraphs[0], (figure,), contested=True)
        stories.append(Story(paragraphs[0], (index,), picked[:2], picked[2:], (figure,), (total,)))
    return Brief(title=stories[0].title, date=date(2026, 11, 22), generated=datetime(2026, 11, 22, 7, 0),
                 articles=tuple(articles), stories=tuple(stories[:2]), also_reported=tuple(stories[2:]),
                 warnings=tuple(a.text[:300] for a in articles))


def embedded_files(pdf: bytes) -> list[str]:
    """Names of files carried by the PDF: the EmbeddedFiles name tree and file-attachment annotations."""
    reader = PdfReader(io.BytesIO(pdf))
    found = []
    names = reader.trailer["/Root"].get("/Names")
    if names is not None and "/EmbeddedFiles" in names.get_object():
        found.append("/EmbeddedFiles")
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            if annot.get_object().get("/Subtype") == "/FileAttachment":
                found.append("/FileAttachment")
    return found


def evaluated(text: str) -> bool:
    """Did a template expression of the corpus produce its value? (49 after a word: "was 49 by evening";
    a bare "49" may be part of the random port or temporary path.)"""
    return "ababab" in text or re.search(r"[A-Za-z,] 49\b", text) is not None


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def image_count(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_corpus_has_the_hostile_cases():
    names = {name for name, _ in corpus(1, Path("/x"))}
    text = "".join(t for _, t in corpus(1, Path("/x")))
    assert len(names) >= 3
    for needle in ('rel="attachment"', "@import", "<iframe", "<script", "<img", "{{ 7*7 }}", "{% for"):
        assert needle in text, needle


def test_hostile_corpus_renders_without_fetching_leaking_or_evaluating(recorder, secret):
    out = render(corpus_brief(recorder.port, secret), ["pdf", "html", "md", "json"])
    assert recorder.close() == [], "no connection to the loopback server"
    assert embedded_files(out["pdf"]) == []
    text = pdf_text(out["pdf"])
    assert MARKER not in text and "root:x:0:0" not in text
    assert "7*7" in text and not evaluated(text)
    assert image_count(out["pdf"]) == 0
    html = out["html"].decode("utf-8").split("<body", 1)[1]
    for tag in ("<script", "<iframe", "<img", "<link", "<object", "<embed", "<svg", "<style"):
        assert tag not in html, tag
    assert not evaluated(html) and "{{ 7*7 }}" in html
    md = out["md"].decode("utf-8")
    assert not evaluated(md)
    assert not re.search(r"(?<!\\)(<script|\]\(javascript:|<iframe|<img)", md), "markup left unescaped"


def test_fetcher_refuses_every_scheme_but_data_and_template_assets(recorder, secret, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    outside = _png(tmp_path / "outside.png")
    (templates / "leak.txt").symlink_to(secret)  # a symlink inside the folder must not reach outside it
    (templates / "leak.png").symlink_to(outside)
    port = recorder.port
    (templates / "brief.html.j2").write_text(f"""<!DOCTYPE html>
<html><head><title>{{{{ brief.title }}}}</title>
<link rel="attachment" href="file://{secret}"><link rel="attachment" href="../secret.txt">
<link rel="attachment" href="leak.txt"><link rel="attachment" href="http://127.0.0.1:{port}/a.bin">
<link rel="attachment" href="brief.html.j2"><!-- inside the folder, yet no file is ever embedded -->
<link rel="stylesheet" href="http://127.0.0.1:{port}/s.css"><link rel="stylesheet" href="file://{secret}">
<style>@import url(https://127.0.0.1:{port}/i.css); @import url(ftp://127.0.0.1:{port}/f.css);
@font-face {{ font-family: X; src: url(http://127.0.0.1:{port}/f.woff); }}
body {{ background: url(http://127.0.0.1:{port}/bg.png); }}</style></head>
<body><p>{{{{ brief.title }}}}</p>
<img src="http://127.0.0.1:{port}/i.png"><img src="https://127.0.0.1:{port}/i.png">
<img src="ftp://127.0.0.1:{port}/i.png"><img src="file://{outside}"><img src="../outside.png">
<img src="leak.png"><img src="//127.0.0.1:{port}/scheme-relative.png">
<a rel="attachment" href="file://{secret}">report</a><a rel="attachment" href="brief.html.j2">t</a><iframe src="http://127.0.0.1:{port}/frame"></iframe>
<object data="http://127.0.0.1:{port}/o.pdf"></object><embed src="file://{secret}">
</body></html>""", encoding="utf-8")
    pdf = render_pdf(corpus_brief(port, secret), [templates])
    assert recorder.close() == []
    assert embedded_files(pdf) == []
    assert image_count(pdf) == 0
    assert MARKER not in pdf_text(pdf)


def test_template_assets_and_data_urls_are_served(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    _png(templates / "logo.png")
    (templates / "brief.html.j2").write_text(
        '<html><head><title>{{ brief.title }}</title></head><body><img src="logo.png">'
        '<img src="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%2210%22 height=%2210%22%3E'
        '%3Crect width=%2210%22 height=%2210%22/%3E%3C/svg%3E"></body></html>',
        encoding="utf-8",
    )
    brief = Brief(title="Assets", date=date(2026, 11, 22), generated=datetime(2026, 11, 22), articles=(), stories=())
    assert image_count(render_pdf(brief, [templates])) == 1  # the PNG; the SVG is drawn as vectors
