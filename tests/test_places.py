"""Places in text (issue 14): the gazetteer, mentions in context, resolution, story places, the command."""
from __future__ import annotations

import json
import time
from dataclasses import replace

import pytest

from briefing.models import Article, Figure
from briefing.places import locate, locate_figures, places_of, resolve_text
from briefing.places.gazetteer import Gazetteer


def names(text, hint=()):
    return [(r.entry.name, r.entry.kind, r.entry.cc) for r in resolve_text(text, hint)]


def location(text):
    return places_of([resolve_text(text)])[1]


def test_gazetteer_loads_quickly_and_knows_countries_divisions_and_places():
    start = time.perf_counter()
    g = Gazetteer()
    assert time.perf_counter() - start < 3.0  # well under a second on a developer machine; slack for CI
    assert g.countries["AZ"].name == "Azerbaijan"
    assert any(e.kind == "admin1" and e.cc == "AF" for e, _ in g.lookup("Kunduz"))
    assert any(e.kind == "place" and e.cc == "AM" for e, _ in g.lookup("Vardenis"))


def test_gazetteer_reads_only_the_places_a_name_asks_for():
    g = Gazetteer()
    assert g.rows_read == 0  # nothing of the 160,000 places is read when it loads
    assert [(e.name, e.cc) for e, _ in g.lookup("Vardenis") if e.kind == "place"] == [("Vardenis", "AM")]
    assert 1 <= g.rows_read < 50
    read = g.rows_read
    assert g.known("vardenis") and g.lookup("VARDENIS") == g.lookup("Vardenis")  # asked again: from the cache
    assert g.rows_read == read
    assert not g.known("no such place anywhere") and g.lookup("no such place anywhere") == []


def test_dateline_counts_and_names_its_country():
    assert names("GANJA, Azerbaijan (AP) \u2014 Missiles struck the city overnight.")[:2] == [
        ("Ganja", "place", "AZ"), ("Azerbaijan", "country", "AZ")]
    assert location("KABUL (Reuters) - A bomb exploded near a mosque.").country_code == "AF"


def test_ambiguous_name_follows_the_country_the_text_is_about():
    assert ("Georgia", "admin1", "US") in names("Heavy rain hit Atlanta and Savannah in Georgia on Sunday.")
    assert ("Georgia", "country", "GE") in names("Russian aircraft struck Gori in Georgia, officials in Tbilisi said.")
    assert location("A blast near Bogo City, Cebu killed two people.").country_code == "PH"


def test_province_named_by_type_word_and_country_inferred():
    loc = location("Taliban fighters attacked a checkpoint in Kunduz province on Monday, killing 5 soldiers.")
    assert (loc.name, loc.kind, loc.country) == ("Kunduz", "admin1", "Afghanistan")


def test_province_abbreviations_in_parentheses():
    found = names("Gunmen killed 3 police in Dera Ismail Khan (NW, KPK).")
    assert ("Khyber Pakhtunkhwa", "admin1", "PK") in found
    assert location("Gunmen killed 3 police in Dera Ismail Khan (NW, KPK).").name == "Dera Ismail Khan"


def test_names_of_people_and_governments_are_not_places_of_the_event():
    assert names("Jordan said it would send aid. Washington's decision was criticised.") == []
    assert names("Jordan Henderson scored twice.") == []
    assert names("President Jordan met reporters.") == []


def test_story_spanning_two_countries_keeps_both_and_one_location():
    articles = [Article(text="Missiles launched from Armenia's Vardenis district struck Ganja, Azerbaijan, on Sunday. "
                             "Azerbaijan said the attack on Ganja killed 9 civilians.", title="Missiles hit Ganja",
                        source="", origin="a.txt")]
    places, loc = locate(articles)
    assert (loc.name, loc.country) == ("Ganja", "Azerbaijan")
    assert {"Vardenis", "Armenia", "Azerbaijan"} <= {p.name for p in places}
    assert places[0] == loc or places[0].name == loc.name


def test_figure_place_words_are_resolved_in_the_story_country():
    article = Article(text="Five people were killed in Kunduz province.", title="t", source="", origin="a")
    fig = Figure(category="killed", count=5, low=5, high=None, qualifier=None, group="people", claimant=None,
                 scope="incident", article=0, sentence="Five people were killed in Kunduz province.", place="Kunduz province")
    places, loc = locate([article])
    located = locate_figures([fig, Figure(**{**fig.__dict__, "place": None})], [article], loc)
    assert located[0].location.name == "Kunduz" and located[0].location.country_code == "AF"
    assert located[1].location == loc


def test_seeds_story_is_in_ganja_with_vardenis_named(tmp_path):
    from briefing.cli import main

    out = tmp_path / "out"
    assert main(["generate", "seeds", "--out", str(out), "--format", "json", "--date", "2020-10-12"]) == 0
    data = json.loads(next(out.glob("*.json")).read_text())
    story = data["stories"][0]
    assert (story["location"]["name"], story["location"]["country"]) == ("Ganja", "Azerbaijan")
    named = {(p["name"], p["country"]) for p in story["places"]}
    assert {("Ganja", "Azerbaijan"), ("Azerbaijan", "Azerbaijan"), ("Vardenis", "Armenia")} <= named
    assert list(story["places"][0])[:6] == ["name", "country", "admin1", "lat", "lon", "mentions"]


def test_places_command_prints_the_contract(capsys):
    from briefing.cli import main

    assert main(["places", "seeds", "--format", "jsonl"]) == 0
    obj = json.loads(capsys.readouterr().out.splitlines()[0])
    assert list(obj)[:3] == ["input", "location", "places"]
    assert list(obj["location"])[:5] == ["name", "country", "admin1", "lat", "lon"]
    assert obj["location"]["name"] == "Ganja"


def test_countries_setting_restricts_the_brief(tmp_path):
    from datetime import date

    from briefing.config import parse
    from briefing.errors import ConfigError
    from briefing.pipeline import build_brief, read_articles

    articles = read_articles(["seeds"], parse({}), lambda m: None)
    kept = build_brief(articles, parse({"stories": {"countries": ["AZ"]}}), date(2020, 10, 12))
    dropped = build_brief(articles, parse({"stories": {"countries": ["AF", "PK"]}}), date(2020, 10, 12))
    assert kept.stories and not dropped.stories
    with pytest.raises(ConfigError):
        parse({"stories": {"countries": ["Afghanistan"]}})


def test_locator_map_marks_ganja_and_names_vardenis_and_fetches_nothing(tmp_path):
    from briefing.cli import main

    out = tmp_path / "out"
    assert main(["generate", "seeds", "--out", str(out), "--format", "html", "--date", "2020-10-12"]) == 0
    html = next(out.glob("*.html")).read_text()
    svg = html[html.index('<svg xmlns="http://www.w3.org/2000/svg" class="locator"'):]
    svg = svg[:svg.index("</svg>")]
    assert ">Ganja</text>" in svg and ">Vardenis</text>" in svg and ">AZERBAIJAN</text>" in svg
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    assert "GeoNames (CC BY 4.0" in html and "Natural Earth" in html


def test_overview_map_numbers_each_located_story():
    from briefing.map import overview_svg

    svg = overview_svg([(1, {"name": "Ganja", "lat": 40.68, "lon": 46.36, "country_code": "AZ"}),
                        (2, {"name": "Kabul", "lat": 34.53, "lon": 69.17, "country_code": "AF"})])
    assert svg.startswith("<svg") and ">1</text>" in svg and ">2</text>" in svg
    assert overview_svg([(1, None)]) == ""


def test_country_adjectives_name_the_country():
    loc = location("A car bomb went off outside a school in the Somali capital on Tuesday.")
    assert (loc.kind, loc.country_code) == ("country", "SO")
    assert location("Gunmen shot at Freedonian and Iraqi officials.").country_code == "IQ"
    assert location("The Pakistani military said two soldiers died.").country_code == "PK"
    assert location("Two Afghans were hurt when a lorry crashed in Berlin.").country_code == "DE"  # a named place wins
    assert ("Somali", "admin1", "ET") in names("Floods hit the Somali region of Ethiopia.")  # a division, not Somalia
    assert names("Ships crossed the Indian Ocean.") == []


def test_building_names_and_generic_words_are_no_places():
    assert location("Fire swept through Grenfell Tower on a cold night.") is None
    assert names("Soldiers guarded the Tower and the Market.") == []
    assert names("The African Union Mission sent troops.") == []


def test_a_name_written_inside_a_container_must_lie_in_it():
    # a small namesake elsewhere is not the place the text means ("North Kensington, London" is no US town)
    assert [n[2] for n in names("Smoke rose over North Kensington, London, as crews worked.")] == ["GB"]


def test_a_small_namesake_abroad_yields_to_the_country_of_the_text():
    text = ("Pilgrims died in a crush at Mina. Saudi Arabia said the pilgrims in Mina were from many countries. "
            "Officials in Saudi Arabia and Riyadh said Mecca hospitals were full.")
    assert all(cc == "SA" for _, _, cc in names(text))


def test_nationality_of_a_person_and_a_border_are_not_where_it_happened():
    assert location("An Algerian man stabbed two people.") is None
    assert location("Gunmen attacked an outpost near the border with Mali.") is None
    assert names("Police said US officials were briefed.") == [] or names("Police said US officials were briefed.")[0][2] == "US"


def test_divisions_match_their_names_exactly_not_a_near_spelling():
    from briefing.places.gazetteer import gazetteer

    assert not any(e.kind == "admin1" and e.name == "Agdas" for e, _ in gazetteer().lookup("Agdam"))


def test_totals_figures_carry_the_location_like_the_story_figures():
    from briefing.models import Place, Story, Total
    from briefing.serialize import _story_dict

    where = Place(name="Ganja", country="Azerbaijan", admin1="Ganja", lat=40.68, lon=46.36, mentions=1, kind="place",
                  country_code="AZ")
    fig = Figure(category="killed", count=5, low=5, high=None, qualifier=None, group=None, claimant=None, scope="event",
                 article=0, sentence="Five people were killed.", role="victim", period=None, text="Five people were killed")
    story = Story(title="t", articles=(0,), key_points=(), developments=(), figures=(replace(fig, location=where),),
                  totals=(Total(category="killed", count=5, low=5, high=None, qualifier=None, scope="event", period=None,
                                figures=(fig,)),), location=where)
    out = _story_dict(story, [Article(text="Five people were killed.", title="", source="", origin="a")])
    assert out["totals"][0]["figures"][0]["location"]["name"] == "Ganja"
