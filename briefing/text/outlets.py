"""Outlet names as an analyst would write them, from bylines, trailers and web domains.

`canonical_outlet("TRTWorld and agencies")` is "TRT World"; `outlet_from_url("https://www.aa.com.tr/en/x")`
is "Anadolu Agency". Names are matched without case, spaces or punctuation, so "TRT World", "TRTWorld" and
"trt-world" are one key. An unknown name comes back tidied but otherwise as written.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

__all__ = ["canonical_outlet", "outlet_from_url", "known_outlet", "OUTLETS"]

# canonical name, other spellings (bylines, trailers, site names), domains (registrable part)
OUTLETS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("TRT World", ("TRTWorld", "TRT", "TRT World Now"), ("trtworld.com", "trt.net.tr")),
    ("Anadolu Agency", ("AA", "Anadolu", "Anadolu Ajansi", "Anadolu Ajansı", "AA.com.tr"), ("aa.com.tr",)),
    ("Reuters", ("Thomson Reuters", "Reuters staff"), ("reuters.com",)),
    ("Associated Press", ("AP", "The Associated Press", "AP News", "AP Photo"), ("apnews.com", "ap.org")),
    ("AFP", ("Agence France-Presse", "Agence France Presse", "France-Presse", "AFP News"), ("afp.com",)),
    ("BBC", ("BBC News", "British Broadcasting Corporation", "BBC World Service"), ("bbc.co.uk", "bbc.com")),
    ("Al Jazeera", ("Aljazeera", "Al-Jazeera", "Al Jazeera English"), ("aljazeera.com", "aljazeera.net")),
    ("CNN", ("Cable News Network", "CNN International"), ("cnn.com",)),
    ("The Guardian", ("Guardian", "The Observer"), ("theguardian.com", "guardian.co.uk")),
    ("The New York Times", ("NYT", "New York Times", "NYTimes"), ("nytimes.com",)),
    ("The Washington Post", ("Washington Post", "WaPo", "WP"), ("washingtonpost.com",)),
    ("Bloomberg", ("Bloomberg News",), ("bloomberg.com",)),
    ("DPA", ("Deutsche Presse-Agentur", "dpa international"), ("dpa.com", "dpa-international.com")),
    ("Xinhua", ("Xinhua News Agency", "Xinhuanet"), ("xinhuanet.com", "news.cn")),
    ("TASS", ("ITAR-TASS", "TASS News Agency"), ("tass.com", "tass.ru")),
    ("Kyodo News", ("Kyodo",), ("kyodonews.net",)),
    ("Yonhap", ("Yonhap News Agency",), ("yna.co.kr",)),
    ("UPI", ("United Press International",), ("upi.com",)),
    ("ANI", ("Asian News International", "ANI News"), ("aninews.in",)),
    ("PTI", ("Press Trust of India",), ("ptinews.com",)),
    ("EFE", ("Agencia EFE",), ("efe.com",)),
    ("ANSA", ("Agenzia ANSA",), ("ansa.it",)),
    ("Sky News", ("Sky",), ("news.sky.com", "sky.com")),
    ("DW", ("Deutsche Welle", "DW News"), ("dw.com",)),
    ("France 24", ("France24",), ("france24.com",)),
    ("Euronews", (), ("euronews.com",)),
    ("RFE/RL", ("Radio Free Europe/Radio Liberty", "Radio Free Europe", "RFERL"), ("rferl.org",)),
    ("VOA", ("Voice of America", "VOA News"), ("voanews.com",)),
    ("NPR", ("National Public Radio",), ("npr.org",)),
    ("CBS News", ("CBS",), ("cbsnews.com",)),
    ("NBC News", ("NBC",), ("nbcnews.com",)),
    ("ABC News", (), ("abcnews.go.com", "abcnews.com")),
    ("ABC (Australia)", ("Australian Broadcasting Corporation", "ABC Australia"), ("abc.net.au",)),
    ("Fox News", ("Fox", "Fox News Channel"), ("foxnews.com",)),
    ("The Times of Israel", ("Times of Israel", "TOI"), ("timesofisrael.com",)),
    ("Haaretz", (), ("haaretz.com", "haaretz.co.il")),
    ("The Kyiv Independent", ("Kyiv Independent",), ("kyivindependent.com",)),
    ("Ukrinform", (), ("ukrinform.net", "ukrinform.ua")),
    ("Interfax", ("Interfax-Ukraine",), ("interfax.com", "interfax.ru", "interfax.com.ua")),
    ("Dawn", ("Dawn News",), ("dawn.com",)),
    ("Hindustan Times", ("HT",), ("hindustantimes.com",)),
    ("The Times of India", ("Times of India", "TOI India"), ("timesofindia.indiatimes.com", "indiatimes.com")),
    ("Daily Sabah", (), ("dailysabah.com",)),
    ("Hürriyet", ("Hurriyet",), ("hurriyet.com.tr",)),
    ("Hürriyet Daily News", ("Hurriyet Daily News",), ("hurriyetdailynews.com",)),
    ("Middle East Eye", ("MEE",), ("middleeasteye.net",)),
    ("The National", ("The National News",), ("thenationalnews.com",)),
    ("Arab News", (), ("arabnews.com",)),
    ("Al Arabiya", ("Al-Arabiya",), ("alarabiya.net",)),
    ("The Wall Street Journal", ("Wall Street Journal", "WSJ"), ("wsj.com",)),
    ("Financial Times", ("FT",), ("ft.com",)),
    ("The Economist", ("Economist",), ("economist.com",)),
    ("The Independent", ("Independent",), ("independent.co.uk",)),
    ("The Telegraph", ("Telegraph", "Daily Telegraph"), ("telegraph.co.uk",)),
    ("Politico", (), ("politico.com", "politico.eu")),
    ("Axios", (), ("axios.com",)),
    ("The Hill", (), ("thehill.com",)),
    ("USA Today", (), ("usatoday.com",)),
    ("Los Angeles Times", ("LA Times",), ("latimes.com",)),
    ("Le Monde", (), ("lemonde.fr",)),
    ("Der Spiegel", ("Spiegel",), ("spiegel.de",)),
    ("RT", ("Russia Today",), ("rt.com",)),
    ("Sputnik", (), ("sputniknews.com",)),
    ("Meduza", (), ("meduza.io",)),
    ("Kyiv Post", (), ("kyivpost.com",)),
    ("Ukrainska Pravda", (), ("pravda.com.ua",)),
    ("IRNA", ("Islamic Republic News Agency",), ("irna.ir",)),
    ("Press TV", ("PressTV",), ("presstv.ir",)),
    ("Azertac", ("AZERTAC",), ("azertag.az",)),
    ("Armenpress", (), ("armenpress.am",)),
    ("UN News", ("United Nations News",), ("news.un.org",)),
    ("ReliefWeb", (), ("reliefweb.int",)),
    ("OCHA", ("UN OCHA",), ("unocha.org",)),
)

_NON_ALNUM = re.compile(r"[\W_]+")
# "TRTWorld and agencies", "Reuters with agencies", "AFP/agencies", "Agencies"
_AGENCIES = re.compile(r"\s*(?:\b(?:and|with)\b|[&+/,])\s*(?:other\s+)?(?:news\s+)?agencies\s*$", re.I)
_SPACES = re.compile(r"\s+")
_DOMAIN_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[\w-]+\.)+[a-z]{2,}(?:[:/].*)?$", re.I)


def _key(name: str) -> str:
    return _NON_ALNUM.sub("", name.lower().replace("&", "and"))


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    by_name: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    for canonical, spellings, domains in OUTLETS:
        for name in (canonical, *spellings):
            by_name.setdefault(_key(name), canonical)
            if name.lower().startswith("the "):
                by_name.setdefault(_key(name[4:]), canonical)
        for domain in domains:
            by_domain[domain] = canonical
            by_name.setdefault(_key(domain), canonical)
    return by_name, by_domain


def known_outlet(name_or_domain: str) -> str | None:
    """The canonical name when the outlet is in the built-in table, else None."""
    if not name_or_domain:
        return None
    name = _tidy(name_or_domain)
    by_name, _ = _tables()
    found = by_name.get(_key(name))
    if found:
        return found
    if _DOMAIN_LIKE.match(name):
        return outlet_from_url(name)
    return None


def canonical_outlet(name_or_domain: str) -> str:
    """The outlet's usual name: a known spelling or domain gives the canonical name, else the tidied input."""
    return known_outlet(name_or_domain) or _tidy(name_or_domain)


def outlet_from_url(url: str) -> str | None:
    """The outlet of a known domain (www. and subdomains ignored), None for an unknown one."""
    if not url:
        return None
    text = url.strip()
    host = urlsplit(text if "//" in text else "//" + text).hostname or ""
    host = host.lower().rstrip(".")
    _, by_domain = _tables()
    labels = host.split(".")
    for i in range(len(labels) - 1):  # news.bbc.co.uk, bbc.co.uk, co.uk
        found = by_domain.get(".".join(labels[i:]))
        if found:
            return found
    return None


def _tidy(name: str) -> str:
    name = _SPACES.sub(" ", name).strip().strip(".,;:-\u2013\u2014[] ")
    # brackets around the whole name go; a bracket that closes a part of it stays: "India Today (feed copy)"
    while name[:1] in "([" and name[-1:] in ")]":
        name = name[1:-1].strip()
    if name.count("(") < name.count(")"):
        name = name.rstrip(")").strip()
    if name.count("(") > name.count(")"):
        name = name.lstrip("(").strip()
    name = _AGENCIES.sub("", name).strip()
    if name.lower() in ("agencies", "news agencies", "wires", "wire services"):
        return ""
    return name
