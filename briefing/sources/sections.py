"""Section labels that pages and feeds put where a headline belongs: "World", "News", "Politics", "Home".

    is_section_label("World") -> True;  is_section_label("News > Middle East") -> True
    is_section_label("World leaders meet in Geneva") -> False

A title is a section label when every part of it (split at "&", "and", "/", "|", ">", "»", "-", ",")
is one of the names below, in English or in a few other languages news pages are commonly in. Such a title
says nothing about the story; the reader gives the article a headline from its lead instead.
"""
from __future__ import annotations

import re

__all__ = ["is_section_label", "SECTION_NAMES"]

SECTION_NAMES = frozenset(
    # English
    "news|latest|latest news|breaking|breaking news|top stories|top news|headlines|home|homepage|front page|"
    "world|world news|international|global|national|nation|local|metro|region|regional|regions|"
    "politics|political|government|business|economy|markets|finance|money|"
    "sport|sports|opinion|opinions|comment|commentary|editorial|editorials|analysis|features|feature|blogs|"
    "health|science|technology|tech|environment|climate|weather|education|crime|justice|law|"
    "entertainment|culture|arts|lifestyle|life|travel|media|video|videos|photos|pictures|live|podcasts|"
    "europe|asia|africa|americas|america|middle east|asia pacific|asia-pacific|latin america|south asia|"
    "us|u.s.|usa|uk|u.k.|us news|uk news|us & canada|australia|india|china|"
    "general|more|index|untitled|article|story|stories|en|"
    # French, Spanish, Portuguese, Italian, German, Dutch, Turkish
    "actualités|actualites|monde|international|politique|économie|societe|société|infos|"
    "noticias|mundo|internacional|política|politica|economía|economia|nacional|portada|últimas noticias|"
    "notícias|brasil|mondo|esteri|cronaca|attualità|"
    "nachrichten|welt|politik|wirtschaft|ausland|inland|startseite|"
    "nieuws|buitenland|binnenland|"
    "haberler|dünya|gündem|siyaset|ekonomi".split("|")
)
_PARTS = re.compile(r"\s*(?:&|\+|/|\||>|\u00bb|\u203a|\s[-\u2013\u2014\u00b7:]\s|,|\band\b|\by\b|\bet\b|\bund\b)\s*", re.I)
_MAX_CHARS = 60


def is_section_label(title: str) -> bool:
    """Is this "title" only the name of a section or two ("World", "News | Politics", "Mundo")?"""
    text = " ".join((title or "").split()).strip(" .:-\u2013\u2014|>\u00bb").lower()
    if not text or len(text) > _MAX_CHARS:
        return False
    parts = [p.strip(" .:") for p in _PARTS.split(text)]
    parts = [p for p in parts if p]
    return bool(parts) and all(p in SECTION_NAMES for p in parts)
