"""Place mentions in text, and the gazetteer entry each one means.

    find_mentions(text) -> [Mention]          capitalised names the gazetteer knows, with their context
    resolve(mentions, hint=()) -> [Resolved]  one entry per mention, or none when it is no place of the event

A mention's context decides whether it is a place of the event: "in Kunduz province", "near Bogo City",
"Ganja, Azerbaijan", a dateline "GANJA, Azerbaijan (AP) —" are; "Jordan said", "Washington's decision",
"President Jordan" are not (an actor, a person). An ambiguous name is resolved by the country the text is
about (the countries it names, its unambiguous places, the `hint` of the caller), by the division or
country written after it ("Georgia, US"), by the kind of place the words after it ask for ("province",
"district", "city") and, all else equal, by population.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .gazetteer import Entry, fold, gazetteer

WORD = r"[A-Z\u00c0-\u00de][\w'\u2019\-]*"
CONNECTOR = r"(?:al|el|ez|es|er|az|ul|as|ad|an|ar|ash|at|de|del|della|di|do|dos|da|das|du|des|la|le|les|of|the|e|y|sur|upon|on|bin|ibn)"
RUN = re.compile(rf"{WORD}(?:[ \t]+(?:{CONNECTOR}[ \t\-]+)?{WORD}|-{WORD})*")
MAX_WORDS = 5

LOCATIVE = {"in", "near", "at", "outside", "across", "around", "into", "inside", "throughout", "towards", "toward",
            "to", "of", "between", "and", "on", "off", "northern", "southern", "eastern", "western", "central", "north",
            "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-west", "north-east",
            "south-west", "south-east", "northeastern", "northwestern", "southeastern", "southwestern", "city", "town",
            "village", "province", "district", "region", "state", "hit", "struck", "rocked", "via", "within", "over", "under"}
STRONG_LOCATIVE = {"in", "near", "at", "on", "hit", "struck", "rocked", "outside", "across", "around", "inside", "throughout", "northern", "southern",
                   "eastern", "western", "central", "northeastern", "northwestern", "southeastern", "southwestern", "off"}
TYPE_WORDS = {
    "province": "admin1", "provinces": "admin1", "state": "admin1", "region": "admin1", "governorate": "admin1",
    "prefecture": "admin1", "oblast": "admin1", "department": "admin1", "division": "admin1", "emirate": "admin1",
    "district": "district", "districts": "district", "county": "district", "municipality": "district",
    "sub-district": "district", "subdistrict": "district", "tehsil": "district", "area": "district", "regency": "district",
    "city": "place", "town": "place", "village": "place", "villages": "place", "township": "place", "capital": "place",
    "suburb": "place", "neighbourhood": "place", "neighborhood": "place", "port": "place",
}
SPEECH = {"said", "says", "say", "told", "announced", "stated", "added", "claimed", "warned", "urged", "called", "accused",
          "denied", "insisted", "argued", "noted", "tweeted", "wrote", "responded", "replied", "confirmed", "reported",
          "has", "had", "have", "is", "was", "will", "would", "could", "should", "did", "does", "must", "may",
          "might", "can", "wants", "wanted", "believes", "thinks", "hopes", "plans", "vowed", "promised", "pledged",
          "condemned", "welcomed", "rejected", "agreed", "signed", "supports", "supported", "scored", "joined"}
ACTOR_NOUNS = {"decision", "government", "president", "ministry", "minister", "leader", "leadership", "officials",
               "official", "response", "policy", "move", "ambassador", "military", "army", "troops", "forces",
               "side", "position", "claims", "allies", "administration", "embassy", "envoy", "spokesman",
               "spokesperson", "foreign", "defence", "defense", "prime", "regime", "authorities", "team", "coach",
               "parliament", "state-run", "state", "support", "stance", "demand", "demands", "offer", "request"}
TITLES = {"president", "mr", "mrs", "ms", "miss", "dr", "gen", "general", "minister", "prime", "king", "queen",
          "prince", "princess", "sen", "senator", "rep", "governor", "gov", "mayor", "sheikh", "col", "colonel",
          "capt", "captain", "lt", "sgt", "judge", "justice", "pope", "saint", "st", "sir", "lady", "lord", "chief",
          "commander", "spokesman", "spokeswoman", "secretary", "ambassador", "coach", "striker", "player", "singer",
          "actor", "actress", "rapper", "author", "professor", "prof", "rev", "father", "brother", "sister", "uncle",
          "aunt", "son", "daughter", "wife", "husband", "mother", "named", "dubbed", "called"}
# Capitalised words that are also names of small places somewhere: never a place on their own.
STOP = set("""
a an the this that these those it its he she they we you i his her their our my your one two three four five six seven
eight nine ten no yes not but and or if as at by for from in into of on to up with after before during since until
while when where who whom whose which what why how all any both each every few more most other some such only own same
so than too very can will just should now also however meanwhile although though because unless about above across
against along among around behind below beneath beside between beyond despite down inside near off onto out outside
over past through throughout toward towards under underneath upon within without
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
october november december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow
police army military government ministry health interior defence defense security forces troops officials official
president minister prime king queen general mr mrs ms dr news agency reuters ap afp xinhua anadolu bbc cnn press
associated france presse agence tass ria sputnik irna dw guardian times post herald tribune daily journal
hospital university school church mosque temple airport station bridge road street avenue square park market
north south east west northern southern eastern western central northeast northwest southeast southwest upper lower
new old great little big grand royal national international federal state states united union republic democratic
people people's islamic islam muslim christian jewish arab arabs kurdish kurds afghan pakistani indian
red cross crescent un unicef who nato eu isis isil al qaeda taliban hamas hezbollah boko haram shabaab
god allah jesus christ lord mary
victoria hope liberty independence unity progress freedom union concord harmony
mobile reading bath nice split man chance alert dallas
centre center city town village district province region county island islands lake river mountain mountains
valley bay coast gulf sea ocean desert hill hills
twitter facebook instagram youtube telegram whatsapp
covid coronavirus
""".split())
# Kinds of building or site: never a place on their own ("Grenfell Tower" is no town named Tower), and after a
# small place's name they make it part of a longer name ("Grenfell Tower", "Sikandar Mosque").
GENERIC = set("""
tower towers bridge market bazaar camp mission hotel plaza gate base hall house palace stadium mall building office
embassy consulate court prison jail barracks checkpoint highway motorway harbour harbor port beach club bar cafe
restaurant cinema theatre theater museum library academy college institute factory plant mine pier terminal tunnel
dam fort castle garden gardens junction crossing hospital clinic school university church mosque temple shrine
cathedral chapel synagogue airport airbase station road street avenue square park compound complex centre center
headquarters prefecture ministry parliament cemetery memorial monument tomb zoo arena
""".split())
STOP |= GENERIC
# after a country adjective, words that make it part of a name of no country ("Indian Ocean", "Arabian Sea")
# after a country adjective, words for people: their nationality, not where it happened ("an Afghan asylum seeker")
PERSON_AFTER = set("""
man men woman women boy boys girl girls teenager teenagers national nationals citizen citizens student students worker
workers engineer engineers tourist tourists asylum refugee refugees migrant migrants born-born origin descent
immigrant immigrants expatriate expatriates journalist journalists doctor doctors nurse nurses teacher teachers
businessman pilgrim pilgrims passport-holder dual family families couple child children national's
""".split())
# after a small place's name, words of an organisation's name ("Central Reserve Police Force")
ORG_AFTER = {"police", "force", "forces", "army", "party", "front", "brigade", "battalion", "corps", "company", "bank",
             "group", "council", "committee", "association", "federation", "league", "movement", "society", "club"}
NOT_DEMONYM_AFTER = {"ocean", "sea", "gulf", "peninsula", "subcontinent", "food", "cuisine", "language", "restaurant"}
DATELINE = re.compile(r"\A\s*(?:\(?[A-Z][A-Za-z.]+\)?\s+)?(?P<place>[A-Z][A-Z'\-. ]{2,40}?)(?:,\s*(?P<region>[A-Z][\w.' \-]{1,40}?))?"
                      r"\s*(?:\((?:AP|AFP|Reuters|UPI|IANS|PTI|dpa|Xinhua|Anadolu|AA|TASS|CNN|BBC)\)\s*)?[-\u2013\u2014:]")
ABBREVIATION = re.compile(r"\(([A-Z]{2,5})(?:,\s*([A-Z]{2,5}))?\)")


@dataclass(frozen=True)
class Mention:
    text: str  # the words as written
    start: int
    end: int
    kind_hint: str | None = None  # "admin1", "district", "place" when a type word follows ("Kunduz province")
    locative: bool = False  # a preposition of place before it, or a type word after it
    actor: bool = False  # a government or person speaking ("Jordan said", "Washington's decision")
    container: str | None = None  # the name written after it as its container ("Ganja, Azerbaijan" -> "Azerbaijan")
    dateline: bool = False
    contained: bool = False  # it is itself the container of the name before it
    strength: int = 0  # 2: "in", "near", "at", "on", a type word after it, a dateline; 1: "from", "to", ...; 0: none
    demonym: str | None = None  # a country adjective ("Somali capital", "Iraqi forces"): the country code it names


@dataclass(frozen=True)
class Resolved:
    mention: Mention
    entry: Entry
    score: float


def find_mentions(text: str) -> list[Mention]:
    """Every place name in the text, in order, with its context. Names the gazetteer does not know are skipped."""
    g = gazetteer()
    out: list[Mention] = []
    dateline = DATELINE.match(text[:200])
    if dateline:
        name = dateline.group("place").strip(" .")
        if g.known(fold(name)) and fold(name) not in STOP:
            start = dateline.start("place")
            region = dateline.group("region")
            region = region.strip() if region and g.known(fold(region.strip())) else None
            out.append(Mention(name, start, start + len(name), locative=True, dateline=True, container=region, strength=2))
            if region:
                rs = dateline.start("region")
                out.append(Mention(region, rs, rs + len(region), locative=True, dateline=True, contained=True))
    covered = out[-1].end if out else 0
    for run in RUN.finditer(text):
        if run.start() < covered:
            continue
        words = list(re.finditer(r"[^\s]+", run.group()))
        i = 0
        while i < len(words):
            found = None
            demonym = None
            for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
                s = run.start() + words[i].start()
                e = run.start() + words[i + n - 1].end()
                surface = _trim(text[s:e])
                e = s + len(surface)
                key = fold(surface)
                cc = g.demonym(key) if n <= 3 else None
                if cc and not any(entry.kind == "country" for entry, _ in g.lookup(key)):
                    demonym = _demonym(text, s, e, surface, cc)
                    if demonym is not None:
                        found = (s, e, surface, n)
                        break
                if len(surface) >= 2 and key not in STOP and g.known(key) and (n > 1 or surface[:1].isupper()):
                    found = (s, e, surface, n)
                    break
            if found is None:
                i += 1
                continue
            s, e, surface, n = found
            mention = demonym or _context(text, s, e, surface, g)
            if mention is not None:
                out.append(mention)
            elif i + n < len(words) and words[i + n].group()[:1].isupper():
                break  # part of a longer capitalised name ("Grenfell Tower", "Jordan Henderson"): none of it is a place
            i += n
    for m in ABBREVIATION.finditer(text):  # "(NW, KPK)": a province abbreviation in parentheses
        for group in (2, 1):
            code = m.group(group)
            if code and g.known(fold(code)) and any(e.kind == "admin1" for e, _ in g.lookup(code)):
                if not any(o.start == m.start(group) for o in out):
                    out.append(Mention(code, m.start(group), m.end(group), kind_hint="admin1", locative=True, strength=1))
    out.sort(key=lambda m: m.start)
    return _link_containers(text, out)


def _trim(surface: str) -> str:
    surface = re.sub(r"(?:'s|\u2019s|'|\u2019)$", "", surface)
    return surface.rstrip("-.")


def _context(text: str, s: int, e: int, surface: str, g) -> Mention | None:
    before = text[max(0, s - 40):s]
    after = text[e:e + 50]
    prev_words = re.findall(r"[\w'\u2019\-.]+", before)
    prev = prev_words[-1].lower().rstrip(".") if prev_words else ""
    sentence_start = not before.strip() or bool(re.search(r"[.!?\"\u201c:;]\s*$|\n\s*$", before))
    possessive = bool(re.match(r"(?:'s|\u2019s|'|\u2019)\b", text[e:e + 3]) or re.match(r"(?:'s|\u2019s)", text[e:e + 3]))
    rest = re.sub(r"^(?:'s|\u2019s|'|\u2019)", "", after)
    next_words = re.findall(r"[\w'\u2019\-]+", rest)
    nxt = next_words[0].lower() if next_words else ""
    next_raw = next_words[0] if next_words else ""
    kind_hint = TYPE_WORDS.get(nxt) if re.match(r"\s", rest[:1] or "x") and not possessive else None
    locative = prev in LOCATIVE or kind_hint is not None
    strength = 2 if (prev in STRONG_LOCATIVE or kind_hint is not None) else 1 if locative else 0
    # a title before it ("President Jordan"), or a capitalised word before it that is not itself a place
    if prev in TITLES:
        return None
    if prev_words and not sentence_start and prev_words[-1][:1].isupper() and re.search(r"[A-Za-z]\s+$", before) \
            and not g.known(fold(_trim(prev_words[-1]))) and prev not in LOCATIVE:
        return None  # "African Union Mission", "Ilham Aliyev": part of a longer name
    # a capitalised word after it that is no place and no type word: part of a longer name ("Jordan Peterson")
    if re.match(r"[ \t]+[A-Z]", rest) and not possessive and kind_hint is None and (
            fold(next_raw) not in STOP or fold(next_raw) in GENERIC | ORG_AFTER and _small(surface, g)):
        return None  # a small place's name before "Tower", "Mosque" names the building ("Grenfell Tower")
    actor = False
    if re.search(r"\bborders?\s+(?:with|of)\s+(?:the\s+)?$", before):
        return Mention(surface, s, e, actor=True)  # "near the border with Mali": the neighbour, not where it happened
    if not locative:
        if possessive and nxt in ACTOR_NOUNS:
            actor = True
        elif nxt in SPEECH and not possessive and re.match(r"\s+\w", after):
            actor = True
        elif possessive and not (next_raw[:1].isupper() or nxt in TYPE_WORDS or nxt in ("second", "largest", "capital",
                                                                                          "biggest", "main", "northern", "southern", "eastern", "western", "border", "territory", "territories", "region", "province", "city", "town", "village", "district")):
            actor = True  # "Armenia's leadership" (but "Armenia's Vardenis district" is a place)
    return Mention(surface, s, e, kind_hint=kind_hint, locative=locative, actor=actor, strength=strength)


def _small(name: str, g) -> bool:
    """Every entry of the name is a town or district of fewer than 100,000 people."""
    return all(e.kind in ("place", "district") and e.population < 100_000 for e, _ in g.lookup(name))


def _demonym(text: str, s: int, e: int, surface: str, cc: str) -> Mention | None:
    """"Somali capital", "Iraqi Prime Minister", "Pakistani military": evidence of the country, no place of its own.
    Not when a type word follows ("Somali region" is a division of Ethiopia) or a name of no country does ("Indian Ocean")."""
    nxt = re.match(r"[ \t]+([\w\-]+)", text[e:e + 30])
    word = nxt.group(1).lower() if nxt else ""
    if word in NOT_DEMONYM_AFTER or (TYPE_WORDS.get(word) in ("admin1", "district") and word != "capital"):
        return None
    born = re.match(r"[\-\s]+born\b", text[e:e + 12])
    border = word == "border" or re.search(r"\bborders?\s+(?:with|of)\s+$|\bborders?\s+(?:with|of)\s+the\s+$", text[max(0, s - 20):s])
    # a person's nationality or the neighbour across a border: the country counts a little, but is no place of the event
    return Mention(surface, s, e, demonym=cc, actor=bool(word in PERSON_AFTER or born or border))


def _link_containers(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Ganja, Azerbaijan", "Bogo City, Cebu", "Chibok in Borno State": the later name contains the earlier."""
    g = gazetteer()
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.demonym or b.demonym:
            continue
        between = text[a.end:b.start]
        if all(e.kind == "country" for e, _ in g.lookup(a.text)) and "'" not in between and "\u2019" not in between:
            continue  # "Russia, Azerbaijan and Armenia": a list, not a place and its container
        if re.fullmatch(r"(?:'s)?(?:\s+(?:city|town|village|district|province|county|area|state|region))?\s*(?:,|\s+in|\s+of)\s*(?:the\s+)?", between, re.I) \
                and a.container is None:
            out[i] = _with(a, container=b.text)
            out[i + 1] = _with(b, contained=True, locative=True, actor=False)
        elif re.fullmatch(r"'s\s+", between) or re.fullmatch(r"\u2019s\s+", between):
            # "Armenia's Vardenis district": the possessive names the container
            out[i + 1] = _with(b, container=b.container or a.text, strength=a.strength)  # "from Armenia's Vardenis district"
            out[i] = _with(a, contained=True, actor=False)
    return out


def _with(m: Mention, **changes) -> Mention:
    from dataclasses import replace

    return replace(m, **changes)


# ---------------------------------------------------------------- resolution

KIND_PRIOR = {"country": 3.0, "admin1": 1.5, "district": 0.3, "place": 0.0}


def resolve(mentions: list[Mention], hint: tuple[str, ...] = ()) -> list[Resolved]:
    """One entry per mention that is a place of the event (actors dropped), in the order of the mentions.

    `hint`: country codes the caller knows the text is about (a story's country, for a figure's place)."""
    g = gazetteer()
    candidates = [_within_container(m, _candidates(m, g), g) for m in mentions]
    votes = _country_votes(mentions, candidates, hint)
    total = sum(votes.values()) or 1.0
    top = max(votes.values(), default=0.0)
    admin_votes: Counter = Counter()
    for m, cands in zip(mentions, candidates):
        admins = {(e.cc, e.admin1) for e, _ in cands if e.kind == "admin1"}
        if len(admins) == 1 and not m.actor:
            admin_votes[next(iter(admins))] += 1
    out: list[Resolved] = []
    for m, cands in zip(mentions, candidates):
        if not cands or m.actor:
            continue
        if m.demonym:
            out.append(Resolved(m, cands[0][0], 0.0))
            continue
        container = _container_entries(m.container, g) if m.container else []
        best, best_score = None, -math.inf
        for entry, alternate in cands:
            score = KIND_PRIOR[entry.kind] + 0.45 * math.log10(entry.population + 10)
            score += 6.0 * votes.get(entry.cc, 0.0) / total
            if entry.kind in ("place", "district") and admin_votes.get((entry.cc, entry.admin1)):
                score += 2.5
            if alternate:
                score -= 1.5
            if m.kind_hint:
                score += 2.5 if entry.kind == m.kind_hint or (m.kind_hint == "district" and entry.kind == "admin1" and False) else (
                    -0.5 if m.kind_hint == "district" and entry.kind == "place" else -2.0)
            for c in container:
                if c.kind == "country" and c.cc == entry.cc:
                    score += 5.0
                elif c.kind == "admin1" and c.cc == entry.cc and c.admin1 == entry.admin1:
                    score += 6.0
            if entry.kind == "admin1" and m.kind_hint is None and any(e.kind == "place" and e.population > entry.population
                                                                      for e, _ in cands):
                score -= KIND_PRIOR["admin1"]  # "Manchester": the city of 400,000 more than a smaller parish elsewhere
            if entry.kind == "admin1" and m.kind_hint is None and any(e.kind == "place" and e.cc == entry.cc and e.admin1 == entry.admin1 and e.population > 20000 for e, _ in cands):
                score -= 1.0  # "Ganja": the city more than the division named after it
            if score > best_score:
                best, best_score = entry, score
        if best is None:
            continue
        # a small namesake abroad in a text about another country ("Mina" near Mecca is not the Mexican town)
        if best.kind in ("place", "district") and best.population < 50_000 and not (m.container or m.dateline) \
                and votes.get(best.cc, 0) < 0.1 * total and top >= 0.5 * total:
            continue
        # a small place named with no sign of being one ("Of", "Hope") is not taken on its own
        supported = m.locative or m.container or m.contained or m.dateline or votes.get(best.cc, 0) >= 0.2 * total
        if best.kind in ("place", "district") and not supported and best.population < 200_000:
            continue
        if best.kind in ("place", "district") and not (m.locative or m.container or m.dateline) and best.population < 5000 \
                and votes.get(best.cc, 0) < 0.3 * total:
            continue
        out.append(Resolved(m, best, best_score))
    return out


def _candidates(m: Mention, g) -> list[tuple[Entry, bool]]:
    if m.demonym:
        country = g.countries.get(m.demonym)
        return [(country, False)] if country else []
    found = g.lookup(m.text)
    if len(m.text) <= 4 and m.text.isupper():  # "US", "KPK": a code or abbreviation, not a town named "Us"
        found = [(e, alt) for e, alt in found if e.kind in ("country", "admin1") or e.name.isupper()]
    return found


def _within_container(m: Mention, cands: list[tuple[Entry, bool]], g) -> list[tuple[Entry, bool]]:
    """"North Kensington, London": only the entries inside what is written after the name. None of them inside a
    country or a city of a million written after a small name: the gazetteer lacks this place (a namesake elsewhere
    is not it)."""
    if not m.container or m.demonym:
        return cands
    holders = [e for e, _ in g.lookup(m.container) if e.kind in ("country", "admin1") or e.population >= 1_000_000]
    if not holders:
        return cands
    fitting = [(e, alt) for e, alt in cands if any(
        h.cc == e.cc and (h.kind == "country" or h.admin1 == e.admin1) and h.key != e.key for h in holders)]
    if fitting:
        return fitting
    if all(e.kind in ("place", "district") and e.population < 100_000 for e, _ in cands) and \
            any(h.kind == "country" or h.kind == "place" for h in holders):
        return []
    return cands


def _container_entries(name: str, g) -> list[Entry]:
    return [e for e, _ in g.lookup(name) if e.kind in ("country", "admin1")]


def _country_votes(mentions: list[Mention], candidates, hint: tuple[str, ...]) -> Counter:
    """How strongly the text is about each country: named countries, unambiguous places, datelines, the hint."""
    votes: Counter = Counter()
    for cc in hint:
        votes[cc] += 3.0
    for m, cands in zip(mentions, candidates):
        if not cands:
            continue
        weight = 0.3 if m.actor else 0.6 if m.demonym else (1.5 if m.locative or m.dateline else 1.0)
        countries = {e.cc for e, _ in cands if e.kind == "country"}
        if countries:
            for cc in countries:
                votes[cc] += weight * 1.2 / len(countries)
            continue
        if m.actor:
            continue
        strong = {e.cc for e, alt in cands if not alt and (e.kind == "admin1" or e.population >= 50_000)}
        if len(strong) == 1:
            votes[next(iter(strong))] += weight
        elif len({e.cc for e, _ in cands}) == 1 and not all(alt for _, alt in cands):
            votes[cands[0][0].cc] += 0.5 * weight  # (an alternate spelling of one small place abroad is no evidence)
    return votes
