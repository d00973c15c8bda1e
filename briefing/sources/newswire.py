"""Newswire archives in the LDC/TREC SGML layout (DUC, TDT, Gigaword, AQUAINT): <DOC> elements.

    <DOC>
    <DOCNO> APW19981016.0240 </DOCNO>
    <DATE_TIME> 10/16/1998 07:32:00 </DATE_TIME>
    <HEADLINE> ... </HEADLINE>
    <TEXT> <P> ... </P> <P> ... </P> </TEXT>
    </DOC>

Such files are named by their DOCNO ("APW19981016.0240": no usable extension), so the reader is chosen
by content. Each <DOC> becomes one article: the TEXT's paragraphs go through the text reader's cleaning
(datelines such as "PHNOM PENH, Cambodia (AP) _" removed), the HEADLINE is the title, the date comes
from DATE_TIME/DATE or the DOCNO, and the outlet from the DOCNO's agency prefix.
"""
from __future__ import annotations

import html
import re
from dataclasses import replace

from briefing.errors import SourceError
from briefing.models import Article
from briefing.sources.options import ReadOptions

NAME = "newswire"

_SNIFF_BYTES = 512
_DOC = re.compile(r"<DOC(?:\s[^>]*)?>(.*?)</DOC>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_PARAGRAPH = re.compile(r"<P(?:\s[^>]*)?>(.*?)(?=<P[\s>]|</TEXT>|$)", re.S | re.I)
_DOCNO_DATE = re.compile(r"(\d{4})(\d\d)(\d\d)")
_US_DATE = re.compile(r"(\d\d?)/(\d\d?)/(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-?(\d\d)-?(\d\d)")

# Agency prefixes of LDC DOCNOs ("APW19981016.0240", "NYT19981017.0001", "XIE19990101.0001").
AGENCIES = {
    "APW": "Associated Press", "AP": "Associated Press", "NYT": "The New York Times",
    "XIE": "Xinhua", "XIN": "Xinhua", "AFP": "Agence France-Presse", "AFE": "Agence France-Presse",
    "LTW": "Los Angeles Times/Washington Post", "WSJ": "The Wall Street Journal", "FT": "Financial Times",
    "LA": "Los Angeles Times", "SJMN": "San Jose Mercury News", "FBIS": "FBIS", "CNA": "Central News Agency",
    "CNN": "CNN", "ABC": "ABC News", "NBC": "NBC News", "PRI": "Public Radio International", "VOA": "Voice of America",
    "UMD": "", "WPB": "Washington Post",
}


def accepts(target: str) -> bool:
    from briefing.sources.html import read_head

    if "://" in target:
        return False
    head = read_head(target, _SNIFF_BYTES)
    return head is not None and looks_like_newswire(head)


def looks_like_newswire(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:8].upper()
    return start.startswith(b"<DOC>") or start.startswith(b"<DOC ")


def read(target: str, options: ReadOptions | None = None) -> list[Article]:
    from briefing.sources.text import read_file_bytes
    from briefing.text.decode import BinaryData, decode_bytes

    options = options or ReadOptions()
    try:
        text = decode_bytes(read_file_bytes(target, options.max_bytes))
    except BinaryData as error:
        raise SourceError(f"{target}: {error}") from None
    articles = articles_from_sgml(text, origin=target)
    if not articles:
        raise SourceError(f"{target}: no article text in its <DOC> elements")
    return articles


def articles_from_sgml(text: str, *, origin: str) -> list[Article]:
    from briefing.sources.text import article_from_text

    articles = []
    docs = _DOC.findall(text) or [text]  # an unclosed <DOC> is still one document
    for number, doc in enumerate(docs):
        body = _element(doc, "TEXT")
        if body is None:
            continue
        paragraphs = [_plain(p) for p in (_PARAGRAPH.findall(body) or _untagged_paragraphs(body))]
        article = article_from_text("\n\n".join(p for p in paragraphs if p), origin=_origin(origin, number, len(docs)))
        if article is None:
            continue
        docno = _plain(_element(doc, "DOCNO") or "")
        headline = _plain(_element(doc, "HEADLINE") or _element(doc, "TITLE") or "")
        published = _date(_element(doc, "DATE_TIME") or _element(doc, "DATE") or "") or _date(docno)
        agency = AGENCIES.get(re.match(r"[A-Z]*", docno).group(0), "") if docno else ""
        articles.append(replace(
            article,
            title=headline or article.title,
            source=article.source or agency,
            published=article.published or published,
        ))
    return articles


def _untagged_paragraphs(body: str) -> list[str]:
    """TEXT without <P>: paragraphs are separated by blank lines, or start with an indented line."""
    parts = re.split(r"\n\s*\n", body)
    return parts if len(parts) > 1 else re.split(r"\n(?=[ \t]+\S)", body)


def _element(doc: str, tag: str) -> str | None:
    match = re.search(rf"<{tag}(?:\s[^>]*)?>(.*?)</{tag}>", doc, re.S | re.I)
    return match.group(1) if match else None


def _plain(fragment: str) -> str:
    """Markup removed, entities decoded, white space folded: the words as the wire wrote them, with the
    archives' typewriter quotes (``like this'') printed as the quotation marks they stand for."""
    words = " ".join(html.unescape(_TAG.sub(" ", fragment)).split())
    return words.replace("``", "\u201c").replace("''", "\u201d")


def _date(value: str) -> str | None:
    for pattern, order in ((_US_DATE, (3, 1, 2)), (_ISO_DATE, (1, 2, 3)), (_DOCNO_DATE, (1, 2, 3))):
        m = pattern.search(value)
        if m:
            year, month, day = (int(m.group(i)) for i in order)
            if 1900 < year < 2100 and 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _origin(path: str, number: int, count: int) -> str:
    return path if count == 1 else f"{path}#{number + 1}"
