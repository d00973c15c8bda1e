"""Outlet names from bylines, trailers and domains."""
from __future__ import annotations

import pytest

from briefing.text.outlets import OUTLETS, canonical_outlet, known_outlet, outlet_from_url


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("TRTWorld", "TRT World"),
        ("TRT World", "TRT World"),
        ("trtworld.com", "TRT World"),
        ("TRTWorld and agencies", "TRT World"),
        ("AA", "Anadolu Agency"),
        ("Anadolu", "Anadolu Agency"),
        ("aa.com.tr", "Anadolu Agency"),
        ("AP", "Associated Press"),
        ("The Associated Press", "Associated Press"),
        ("Agence France-Presse", "AFP"),
        ("AFP/agencies", "AFP"),
        ("Guardian", "The Guardian"),
        ("NYT", "The New York Times"),
        ("  Reuters. ", "Reuters"),
        ("Thomson Reuters", "Reuters"),
        ("Al-Jazeera", "Al Jazeera"),
        ("Deutsche Welle", "DW"),
        ("Radio Free Europe/Radio Liberty", "RFE/RL"),
    ],
)
def test_known_spellings(written, canonical):
    assert canonical_outlet(written) == canonical


def test_unknown_names_come_back_tidied():
    assert canonical_outlet("Ganja Daily Courier and agencies") == "Ganja Daily Courier"
    assert canonical_outlet("  Some   Paper ") == "Some Paper"
    assert canonical_outlet("Agencies") == ""
    assert known_outlet("Ganja Daily Courier") is None and known_outlet("") is None


@pytest.mark.parametrize(
    "url, outlet",
    [
        ("https://www.aa.com.tr/en/europe/azerbaijan-vows-retaliation/2002136", "Anadolu Agency"),
        ("https://www.trtworld.com/europe/x-40612", "TRT World"),
        ("http://news.bbc.co.uk/2/hi/business/4236959.stm", "BBC"),
        ("https://edition.cnn.com/2020/10/11/world/x.html", "CNN"),
        ("https://abcnews.go.com/International/x", "ABC News"),
        ("www.reuters.com", "Reuters"),
        ("https://www.example.com/news", None),
        ("https://notreuters.com/x", None),
        ("not a url", None),
        ("", None),
    ],
)
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


def test_table_is_consistent():
    names = [canonical for canonical, _, _ in OUTLETS]
    assert len(names) == len(set(names))
    for canonical, _spellings, domains in OUTLETS:
        assert canonical_outlet(canonical) == canonical
        for domain in domains:
            assert outlet_from_url(f"https://www.{domain}/story") == canonical, domain
