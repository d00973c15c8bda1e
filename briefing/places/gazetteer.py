"""The gazetteer shipped with the package: countries, first-level divisions, districts and populated places.

Data: GeoNames (CC BY 4.0) as extracted by scripts/build_gazetteer.py into briefing/places/data/. Loaded once,
lazily (`gazetteer()`); the name index maps a lower-cased, accent-free spelling to the entries it names.
Rows of places are kept as their text line and parsed only when a name asks for them.
"""
from __future__ import annotations

import gzip
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
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
        self.index: dict[str, object] = {}  # key -> code, or [codes]; a code is (Entry, alternate?) or line * 2 + alternate?
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
        with gzip.open(folder / "places.tsv.gz", "rt", encoding="utf-8") as f:
            self._lines = f.read().split("\n")
        index = self.index
        get = index.get
        for number, line in enumerate(self._lines):
            if not line:
                continue
            name, alts, _ = line.split("\t", 2)
            for key, code in ((name.lower(), number * 2), *((a.lower(), number * 2 + 1) for a in alts.split("|") if a)):
                old = get(key)  # one entry: an int (line * 2 + alternate); several: a list of them
                if old is None:
                    index[key] = code
                elif type(old) is list:
                    old.append(code)
                else:
                    index[key] = [old, code]

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
        key = fold(name)
        old = self.index.get(key)
        old = [] if old is None else old if type(old) is list else [old]
        self.index[key] = old + [(entry, alternate)]

    def _entry(self, number: int) -> Entry:
        name, _, cc, code, lat, lon, pop, kind = self._lines[number].split("\t")
        return Entry(name, "district" if kind == "D" else "place", cc, code, float(lat), float(lon), int(pop))

    def lookup(self, name: str) -> list[tuple[Entry, bool]]:
        """Every entry the name may mean, with whether it matched an alternate spelling."""
        found = self.index.get(fold(name))
        if found is None:
            return []
        if type(found) is not list:
            found = [found]
        return [(self._entry(e // 2), bool(e % 2)) if type(e) is int else e for e in found]

    def known(self, key: str) -> bool:
        return key in self.index

    def country_of(self, cc: str) -> Entry | None:
        return self.countries.get(cc)

    def admin1_of(self, entry: Entry) -> Entry | None:
        return self.admin1.get((entry.cc, entry.admin1)) if entry.kind != "admin1" else entry


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
