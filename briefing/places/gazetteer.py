"""The gazetteer shipped with the package: countries, first-level divisions, districts and populated places.

Data: GeoNames (CC BY 4.0) as extracted by scripts/build_gazetteer.py into briefing/places/data/. Countries
and first-level divisions (a few thousand rows) are read once (`gazetteer()`) into a name index that maps a
lower-cased, accent-free spelling to the entries it names. Populated places and districts stay on disk, in
the SQLite file places.sqlite (opened read-only, never written), indexed by their lower-cased spellings:
a name is looked up only when a text asks for it, and the answers are kept in a small cache.
"""
from __future__ import annotations

import os
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

DATA = Path(str(resources.files("briefing.places").joinpath("data")))
CACHE_SIZE = 8192  # names whose places are kept in memory; emptied when full
KIND_RANK = {"country": 0, "admin1": 1, "district": 2, "place": 3}  # more specific later


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry."""

    name: str
    kind: str  # country, admin1, district, place
    cc: str  # ISO 3166-1 alpha-2
    admin1: str  # GeoNames admin1 code within the country ("" for a country)
    lat: float
    lon: float
    population: int

    @property
    def key(self) -> tuple:
        return (self.kind, self.cc, self.admin1, self.name)


def fold(text: str) -> str:
    """Lower case without accents or curly apostrophes: the form names are indexed by."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


class Gazetteer:
    def __init__(self, folder: Path = DATA):
        self.countries: dict[str, Entry] = {}
        self.country_names: dict[str, str] = {}
        self.neighbours: dict[str, tuple[str, ...]] = {}
        self.admin1: dict[tuple[str, str], Entry] = {}
        self.demonyms: dict[str, str] = {}  # "somali" -> "SO": country adjectives, evidence of a country, no places
        self.index: dict[str, list[tuple[Entry, bool]]] = {}  # key -> countries and divisions it names
        self.rows_read = 0  # rows of places read from places.sqlite so far: only those a looked-up name names
        self._db_path = folder / "places.sqlite"
        self._db: sqlite3.Connection | None = None
        self._db_pid = 0
        self._cache: dict[str, list[tuple[Entry, bool]]] = {}
        for line in (folder / "countries.tsv").read_text(encoding="utf-8").splitlines():
            cc, name, alts, lat, lon, pop, neighbours = line.split("\t")
            entry = Entry(name, "country", cc, "", float(lat), float(lon), int(pop))
            self.countries[cc] = entry
            self.country_names[cc] = name
            self.neighbours[cc] = tuple(n for n in neighbours.split("|") if n)
            self._add(name, entry, False)
            for alt in filter(None, alts.split("|")):
                self._add(alt, entry, False)
        self._read_demonyms(folder.parent / "demonyms.tsv")
        for line in (folder / "admin1.tsv").read_text(encoding="utf-8").splitlines():
            cc, code, name, alts, lat, lon, pop = line.split("\t")
            entry = Entry(name, "admin1", cc, code, float(lat), float(lon), int(pop))
            self.admin1[(cc, code)] = entry
            self._add(name, entry, False)
            for alt in filter(None, alts.split("|")):
                self._add(alt, entry, False)

    def _read_demonyms(self, path: Path) -> None:
        if not path.is_file():
            return
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cc, word = line.split("\t")
            key = fold(word.strip())
            self.demonyms.setdefault(key, cc)
            if key[-1] in "aeioun" and not key.endswith("ese"):  # "Iraqis", "Afghans", "Somalis"
                self.demonyms.setdefault(key + "s", cc)

    def demonym(self, name: str) -> str | None:
        """The country a country adjective or demonym names ("Somali" -> "SO"), else None."""
        return self.demonyms.get(fold(name))

    def _add(self, name: str, entry: Entry, alternate: bool) -> None:
        self.index.setdefault(fold(name), []).append((entry, alternate))

    def _connection(self) -> sqlite3.Connection:
        """The read-only connection of this process (a forked worker opens its own)."""
        if self._db is None or self._db_pid != os.getpid():
            self._db = sqlite3.connect(f"{self._db_path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            self._db_pid = os.getpid()
        return self._db

    def _places(self, key: str) -> list[tuple[Entry, bool]]:
        """The places and districts a lower-cased spelling names, in the order of the extract."""
        found = self._cache.get(key)
        if found is None:
            rows = self._connection().execute(
                "SELECT n.code, p.name, p.cc, p.admin1, p.lat, p.lon, p.population, p.kind"
                " FROM name n JOIN place p ON p.id = n.code / 2 WHERE n.key = ? ORDER BY n.code", (key,)).fetchall()
            self.rows_read += len(rows)
            found = [(Entry(name, "district" if kind == "D" else "place", cc, code, lat / 10000, lon / 10000, pop),
                      bool(number % 2)) for number, name, cc, code, lat, lon, pop, kind in rows]
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = found
        return found

    def lookup(self, name: str) -> list[tuple[Entry, bool]]:
        """Every entry the name may mean, with whether it matched an alternate spelling."""
        key = fold(name)
        return self.index.get(key, []) + self._places(key)

    def known(self, key: str) -> bool:
        return key in self.index or bool(self._places(key))

    def country_of(self, cc: str) -> Entry | None:
        return self.countries.get(cc)

    def admin1_of(self, entry: Entry) -> Entry | None:
        return self.admin1.get((entry.cc, entry.admin1)) if entry.kind != "admin1" else entry


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
