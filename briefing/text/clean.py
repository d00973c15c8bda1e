"""Boilerplate out of article text, paragraph by paragraph (for every reader: text, HTML, feeds).

What goes, and why:
- "READ MORE: ...", "Also read", "Related:", newsletter and social-media prompts: links to other stories.
- Photo captions: they describe a picture the brief does not show. A caption repeated with its credit
  ("A woman waits ... 2020." then "A woman waits ... 2020. (Reuters)") and paragraphs that end in a photo
  credit are dropped; callers who want the dates they state get them in `Cleaned.captions`.
- Copyright and redistribution notices, "Source: X and agencies" trailers, agency credits at the end:
  not news, but they say who wrote it, so they are kept in `Cleaned.attribution` and `Cleaned.outlet`.
- A dateline "BAKU, Azerbaijan (AA) - " at the start of the body: its agency is the outlet.
- Section subheadings (one short line without final punctuation): never glued to the next sentence;
  they are dropped, since they are not sentences a brief could quote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Cleaned", "clean_paragraphs", "normalise_spaces", "is_subheading", "is_link_prompt",
           "parse_trailer", "strip_dateline"]

_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
_RUNS_OF_SPACES = re.compile(r" {2,}")
_TERMINAL = re.compile(r"[.!?\u2026:;,][\"'\u201d\u2019)\]]*$|[\"\u201d]$")
_BULLET = re.compile(r"^\s*[-*\u2022\u25aa\u25cf\u2013\u2014]\s+")

# Links to other stories and calls to action, at the start of a paragraph.
_LINK_PROMPT = re.compile(
    r"^(?:read\s+more|also\s+read|read\s+also|related(?:\s+(?:articles?|stories|news|content|coverage))?|"
    r"recommended|see\s+also|more\s+on\s+this(?:\s+story)?|watch|listen|top\s+stories|latest\s+news|"
    r"don'?t\s+miss|trending|explainer|opinion|analysis|live\s+updates?)\s*(?:[:>|\u203a\u00bb\u2013\u2014-]|$)",
    re.I,
)
_CALL_TO_ACTION = re.compile(
    r"^(?:click\s+here|sign\s+up|subscribe|follow\s+(?:us|@?\w+\s+on)|download\s+(?:the|our)\s+\w*\s*app|"
    r"join\s+our|get\s+(?:the|our)\s+(?:latest|newsletter)|share\s+this|like\s+us\s+on|"
    r"we\s+use\s+cookies|advertisement$|this\s+(?:article|story)\s+(?:was|has\s+been)\s+(?:updated|corrected)"
    r"|comments?$|print$|email$|share$)",
    re.I,
)
_MAX_PROMPT_CHARS = 200

_SOURCE_TRAILER = re.compile(
    r"^(?:sources?|via|credit|courtesy(?:\s+of)?|with\s+(?:input|reporting)\s+from|compiled\s+from)"
    r"\s*[:\-\u2013\u2014]?\s+(?P<name>.{1,120}?)[.\s]*$",
    re.I,
)
# "Copyright 2022 Anadolu Agency. All rights reserved.", "(c) Copyright Thomson Reuters 2022", "© 2022 The AP"
_NOTICE = re.compile(
    r"^(?:copyright|\u00a9|\(c\))\s*(?:\u00a9\s*)?(?:\d{4}|(?-i:[A-Z]))"  # "Copyright 2022 ...", not "Copyright law ..."
    r"|\ball\s+rights\s+reserved\b|\u00a9"
    r"|\bmay\s+not\s+be\s+(?:re)?(?:published|reproduced|redistributed|copied|broadcast)\b"
    r"|\brewritten,?\s+or\s+redistributed\b",
    re.I,
)
_COPYRIGHT_HOLDER = re.compile(
    r"(?:copyright|\u00a9|\(c\))(?:\s*(?:copyright|\u00a9|\(c\)))*\s*(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*,?\s*)?"
    r"(?P<name>[A-Za-z][\w&'\-]*(?:[ ][\w&'\-]+){0,5}?)(?:\s*,?\s*\d{4})?\s*(?:[.,;|]|all\s+rights|$)",
    re.I,
)
# A credit line that is only an outlet: "(Reuters)", "- AFP", "— TRT World"
_CREDIT_ONLY = re.compile(r"^[(\[\-\u2013\u2014\s]*(?P<name>[A-Za-z][\w .&/'-]{0,40}?)[)\]\s.]*$")
_REPORTING_BY = re.compile(r"^\(?(?:reporting|writing|additional\s+reporting|editing)\s+by\b.{0,300}$", re.I)

# "BAKU, Azerbaijan (AA) - ", "GANJA, Oct 11 (Reuters) - ", "WASHINGTON (AP) — "
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'\-]*(?:[ ,]+[A-Z][\w.'\-]*){0,4})(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
    r"\((?P<agency>[A-Za-z][\w .&/\-]{0,30})\)\s*(?:[-\u2013\u2014:]+\s*)"
)
# "MOSCOW, October 11. /TASS/. "
_DATELINE_SLASHES = re.compile(r"^(?P<place>[A-Z][\w.'\- ]{1,40}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?)\.?\s*/(?P<agency>[A-Za-z-]{2,12})/\.?\s*")
# Photo credits ending a caption: "(Reuters)", "(AP Photo/John Doe)", "(Photo: AFP)", "/ Getty Images"
_PHOTO_CREDIT = re.compile(
    r"(?:\((?:[^()]{0,40}?\b(?:photo|photograph|image|file|getty|afp|reuters|ap|epa|aa|anadolu|xinhua|"
    r"trt|pool|handout|courtesy)\b[^()]{0,60})\)|(?:photo|image|picture)\s*(?:credit)?\s*:\s*[^.]{1,80}|"
    r"/\s*(?:getty\s+images|reuters|afp|ap|epa|anadolu\s+agency|aa))\s*$",
    re.I,
)
_CAPTION_PREFIX = re.compile(
    r"^(?:photo|file\s+photo|image(?:\s+caption|\s+source)?|media\s+caption|picture|caption|pictured|"
    r"video|gallery)\s*[:\-\u2013\u2014|]",
    re.I,
)
_MAX_CAPTION_WORDS = 70
_CREDIT_TAIL = 160  # longer than any photo credit _PHOTO_CREDIT matches
_MAX_SUBHEADING_WORDS = 12
_MAX_SUBHEADING_CHARS = 100
_MAX_TRAILER_CHARS = 400


@dataclass
class Cleaned:
    paragraphs: list[str]
    attribution: str | None = None  # the notices removed, as written, joined by a space
    outlet: str | None = None  # the outlet those notices (or the dateline) name, canonical
    captions: list[str] = field(default_factory=list)  # photo captions removed
    removed: list[str] = field(default_factory=list)  # every other paragraph removed


def normalise_spaces(text: str) -> str:
    """No-break and other odd spaces to plain spaces, runs of spaces collapsed, lines stripped."""
    # cheap tests first: most text has no odd space, no double space, and a paragraph no line break
    if not text.isascii():
        text = _ODD_SPACES.sub(" ", text)
    elif "\t" in text:
        text = text.replace("\t", " ")
    if "  " in text:
        text = _RUNS_OF_SPACES.sub(" ", text)
    if "\n" not in text:
        return text.strip()
    return "\n".join(line.strip() for line in text.split("\n"))


def is_link_prompt(paragraph: str) -> bool:
    """"READ MORE: ...", "Also read", "Sign up for our newsletter" and the like."""
    p = paragraph.strip()
    return len(p) <= _MAX_PROMPT_CHARS and bool(_LINK_PROMPT.match(p) or _CALL_TO_ACTION.match(p))


def is_subheading(paragraph: str) -> bool:
    """A short single line without final punctuation, starting with a capital, digit or quote."""
    p = paragraph.strip()
    if not p or "\n" in p or _TERMINAL.search(p[-6:]) or _BULLET.match(p):
        return False
    if len(p) > _MAX_SUBHEADING_CHARS or len(p.split()) > _MAX_SUBHEADING_WORDS:
        return False
    first = p.lstrip("\"'\u201c\u2018([")[:1]
    return first.isupper() or first.isdigit()


def is_caption(paragraph: str) -> bool:
    p = paragraph.strip()
    if _CAPTION_PREFIX.match(p):
        # a long paragraph after "Photo:" is a caption glued to the story (one-line files): keep it
        return len(p.split()) <= _MAX_CAPTION_WORDS
    # (the credit pattern is anchored at the end: searching the tail only is the same, and much cheaper)
    tail = p[-_CREDIT_TAIL:]
    return (_may_end_in_credit(tail) and len(p.split()) <= _MAX_CAPTION_WORDS
            and bool(_PHOTO_CREDIT.search(tail)) and not _ends_in_quote(p))


def _may_end_in_credit(tail: str) -> bool:
    """False when _PHOTO_CREDIT cannot match: each of its forms ends in ")", or has a ":" or a "/"."""
    return tail.rstrip().endswith(")") or ":" in tail or "/" in tail


def parse_trailer(paragraph: str, *, last: bool = True) -> tuple[str, str | None] | None:
    """(notice, outlet or None) when the paragraph is a source/copyright/credit notice, else None.

    A paragraph that is only an outlet's name ("(Reuters)", "- AFP") counts only when `last`."""
    p = paragraph.strip()
    if not p or len(p) > _MAX_TRAILER_CHARS:
        return None
    m = _SOURCE_TRAILER.match(p)
    if not (m or last or _may_be_notice(p)):  # most paragraphs: only "Reporting by ..." is left to test
        return (p, None) if _REPORTING_BY.match(p) else None
    from briefing.text.outlets import canonical_outlet, known_outlet

    if m and len(p.split()) <= 15:
        name = m.group("name")
        first = re.split(r"\s*(?:[,;/&+]|\band\b)\s*", name)[0]
        return p, (known_outlet(name) or known_outlet(first) or canonical_outlet(name) or None)
    if _may_be_notice(p) and _NOTICE.search(p):
        holder = _COPYRIGHT_HOLDER.search(p)
        name = holder.group("name").strip() if holder else ""
        return p, (canonical_outlet(name) or None) if name and name.lower() not in ("all", "the") else None
    if _REPORTING_BY.match(p):
        return p, None
    m = _CREDIT_ONLY.match(p) if last else None
    if m and known_outlet(m.group("name")):
        return p, known_outlet(m.group("name"))
    return None


def _may_be_notice(p: str) -> bool:
    """False when _NOTICE cannot match (it needs one of these letters or signs; a regex search over the
    whole paragraph is 30 times dearer). Only letters without special case folding are tested
    ("ı" and "ſ" match "i" and "s" under re.I): "rved" (reserved), "may" and "not", "rewr" (rewritten)."""
    if p[:1] in ("c", "C", "(") or "\u00a9" in p:
        return True
    low = p.lower()
    return "rved" in low or "rewr" in low or ("may" in low and "not" in low)


def strip_dateline(paragraph: str) -> tuple[str, str | None]:
    """("Azerbaijan vowed ...", "Anadolu Agency") from "BAKU, Azerbaijan (AA) - Azerbaijan vowed ..."."""
    from briefing.text.outlets import known_outlet

    m = _DATELINE.match(paragraph) or _DATELINE_SLASHES.match(paragraph)
    if not m:
        return paragraph, None
    outlet = known_outlet(m.group("agency"))
    if not outlet:
        return paragraph, None
    rest = paragraph[m.end():].lstrip()
    return (rest[:1].upper() + rest[1:], outlet) if rest else (paragraph, None)


def clean_paragraphs(
    paragraphs: list[str], *, drop_subheadings: bool = True, spaces_normalised: bool = False
) -> Cleaned:
    """Remove boilerplate from an article's paragraphs (in order); see the module docstring.

    `spaces_normalised`: the caller vouches that every paragraph is already what normalise_spaces(p).strip()
    would make of it, and not empty (the text reader's paragraphs are), so that work is not done twice.
    """
    out = Cleaned(paragraphs=[])
    notices: list[str] = []
    trailer_outlets: list[str] = []
    if spaces_normalised:
        paras = list(paragraphs)
    else:
        paras = [normalise_spaces(p).strip() for p in paragraphs]
        paras = [p for p in paras if p]
    n = len(paras)
    i = 0
    while i < n:
        p = paras[i]
        nxt = paras[i + 1] if i + 1 < n else ""
        if nxt and _is_caption_pair(p, nxt):
            out.captions.append(p)
            i += 2
            continue
        if out.paragraphs and p == out.paragraphs[-1]:  # the same paragraph twice in a row
            i += 1
            continue
        if _is_doubled(p):
            out.captions.append(p)
        elif is_link_prompt(p):
            out.removed.append(p)
        elif (trailer := parse_trailer(p, last=i == n - 1)) is not None:
            notices.append(trailer[0])
            if trailer[1]:
                trailer_outlets.append(trailer[1])
        elif is_caption(p):
            out.captions.append(p)
        elif drop_subheadings and is_subheading(p):
            out.removed.append(p)
        else:
            out.paragraphs.append(_BULLET.sub("", p, count=1) if _BULLET.match(p) else p)
        i += 1
    if out.paragraphs:
        first, dateline_outlet = strip_dateline(out.paragraphs[0])
        out.paragraphs[0] = first
        if dateline_outlet:
            trailer_outlets.append(dateline_outlet)
    out.attribution = " ".join(notices) or None
    # the last trailer is the one that names the article's own source ("Source: TRTWorld and agencies")
    out.outlet = trailer_outlets[-1] if trailer_outlets else None
    return out


def _ends_in_quote(p: str) -> bool:
    return p.rstrip().endswith(("\"", "\u201d"))


def _is_caption_pair(p: str, nxt: str) -> bool:
    """A caption followed by itself plus a credit: "X." then "X. (Reuters)"."""
    if not nxt.startswith(p.rstrip(".")) or nxt == p or len(p.split()) > _MAX_CAPTION_WORDS:
        return False
    rest = nxt[len(p.rstrip(".")):].lstrip(". ")
    return len(rest) <= 80 and (not rest or bool(_PHOTO_CREDIT.search(rest)) or rest.startswith("("))


def _is_doubled(p: str) -> bool:
    """A caption and its credited copy run together in one paragraph: "X. X. (Reuters)"."""
    if len(p) < 80 or p.find(p[:20], 20) < 0:  # cheap test first: does its start come back later?
        return False
    core = _PHOTO_CREDIT.sub("", p).rstrip()
    if len(core) < 40:
        return False
    half = (len(core) - 1) // 2
    return core[:half] == core[half + 1:] and core[half] in " \n"
