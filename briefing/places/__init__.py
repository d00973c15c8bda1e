"""Where it happened: the places of articles, stories and figures, resolved against a shipped gazetteer.

    article_mentions(article) -> [Resolved]                     place mentions of one article, resolved
    places_of(resolved_lists) -> (places, location)             ranked places (models.Place), one event location
    locate(articles, members=None) -> (places, location)        both, for a set of articles
    locate_figures(figures, articles, hint=()) -> figures       each figure's `place` words resolved (Figure.location)

Stage rules: reads Article and Figure (briefing.models), knows nothing of later stages. The gazetteer is
GeoNames (CC BY 4.0), extracted by scripts/build_gazetteer.py; see briefing/places/find.py for how a
mention is found and resolved.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from briefing.models import Article, Figure, Place

from .find import Resolved, find_mentions, resolve
from .gazetteer import KIND_RANK, Entry, gazetteer

__all__ = ["article_mentions", "places_of", "locate", "locate_figures", "place_of", "resolve_text", "country_name"]

TEXT_LIMIT = 20_000  # characters of an article read for places: the lede and body say where; the tail rarely adds


def article_mentions(article: Article, hint: tuple[str, ...] = ()) -> list[Resolved]:
    text = article.text[:TEXT_LIMIT]
    title = article.title or ""
    if title and not text.startswith(title):
        text = title + ".\n\n" + text
    return resolve(find_mentions(text), hint)


def resolve_text(text: str, hint: tuple[str, ...] = ()) -> list[Resolved]:
    return resolve(find_mentions(text), hint)


def place_of(entry: Entry, mentions: int = 1) -> Place:
    g = gazetteer()
    country = g.countries.get(entry.cc)
    admin = g.admin1_of(entry) if entry.kind != "country" else None
    return Place(name=entry.name, country=country.name if country else entry.cc,
                 admin1=admin.name if admin else None, lat=round(entry.lat, 4), lon=round(entry.lon, 4),
                 mentions=mentions, kind=entry.kind, country_code=entry.cc)


def country_name(cc: str) -> str:
    entry = gazetteer().countries.get(cc)
    return entry.name if entry else cc


def places_of(resolved_lists: Iterable[Sequence[Resolved]]) -> tuple[tuple[Place, ...], Place | None]:
    """Ranked places of a set of articles (each list one article's) and the event location.

    A place weighs its mentions, more for a place of the event ("in", "near", a dateline, "X province") and
    for each article that names it. The main country is the one whose places weigh most (a country counts
    the weight of its places); the location is the most specific place of it that weighs most (a town or
    district, else a province, else the country)."""
    weight: Counter = Counter()
    mentions: Counter = Counter()
    entries: dict[tuple, Entry] = {}
    first: dict[tuple, int] = {}
    order = 0
    for resolved in resolved_lists:
        seen = set()
        for j, r in enumerate(resolved):
            key = r.entry.key
            entries[key] = r.entry
            mentions[key] += 1
            w = 1.0 + 0.75 * r.mention.strength + (1.0 if r.mention.dateline else 0) + (1.5 if j < 3 else 0)  # the lede says where
            if r.mention.demonym:
                w *= 0.5  # "Iraqi forces": the country, but less than a named place
            if key not in seen:
                w += 1.0
                seen.add(key)
            weight[key] += w
            if key not in first:
                first[key] = order
            order += 1
    if not entries:
        return (), None
    country_weight: Counter = Counter()
    admin_weight: Counter = Counter()
    for key, w in weight.items():
        e = entries[key]
        country_weight[e.cc] += w
        if e.kind != "country":
            admin_weight[(e.cc, e.admin1)] += w
    location = None

    def standing(k):  # a place weighs its own mentions, and part of its division's and its country's
        e = entries[k]
        inside = admin_weight.get((e.cc, e.admin1), 0) - weight[k] if e.kind in ("place", "district") else 0
        return (weight[k] + 0.3 * inside + 0.25 * (country_weight[e.cc] - weight[k]), e.kind == "place", -first[k])

    for kinds in (("place", "district"), ("admin1",), ("country",)):
        pool = [k for k in entries if entries[k].kind in kinds]
        if pool:
            location = max(pool, key=standing)
            break
    main_cc = entries[location].cc
    ranked = sorted(entries, key=lambda k: (k != location, -weight[k], first[k]))
    places = tuple(place_of(entries[k], mentions[k]) for k in ranked)
    if location is None:
        return places, None
    loc = place_of(entries[location], mentions[location])
    if main_cc not in {entries[k].cc for k in entries if entries[k].kind == "country"}:
        # the country was never named ("in Kunduz province"): it is a place of the event all the same
        country = gazetteer().countries.get(main_cc)
        if country is not None:
            places = places + (place_of(country, 0),)
    return places, loc


def locate(articles: Sequence[Article], members: Iterable[int] | None = None,
           cache: dict[int, list[Resolved]] | None = None) -> tuple[tuple[Place, ...], Place | None]:
    indices = list(range(len(articles))) if members is None else list(members)
    lists = []
    for i in indices:
        if cache is not None and i in cache:
            lists.append(cache[i])
            continue
        found = article_mentions(articles[i])
        if cache is not None:
            cache[i] = found
        lists.append(found)
    return places_of(lists)


def locate_figures(figures: Sequence[Figure], articles: Sequence[Article], story_location: Place | None = None,
                   hint: tuple[str, ...] = ()) -> list[Figure]:
    """Each figure with `location`: its `place` words ("Kunduz province") resolved in the light of the story's
    country (`story_location`, `hint`); a figure whose sentence names no place, or a place the gazetteer does
    not know, is counted where the story happened."""
    codes = tuple(hint) + ((story_location.country_code,) if story_location else ())
    resolved_words: dict[str, Place | None] = {}
    out = []
    for fig in figures:
        location = story_location
        if fig.place:
            if fig.place not in resolved_words:
                found = resolve_text("in " + fig.place, codes)
                resolved_words[fig.place] = place_of(max(found, key=lambda r: KIND_RANK[r.entry.kind]).entry) if found else None
            location = resolved_words[fig.place] or story_location
        out.append(replace(fig, location=location) if location is not None else fig)
    return out


def countries_of(places: Sequence[Place]) -> list[str]:
    """Country codes of the places, the most important first, each once."""
    return list(dict.fromkeys(p.country_code for p in places if p.country_code))


def group_by_country(items) -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    for key, item in items:
        out[key].append(item)
    return out
