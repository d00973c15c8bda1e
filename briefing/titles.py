"""A story's title a reader can scan: a real headline, else a phrase of what happened where.

    story_title(articles, members) -> "Death toll in China quake rises to 589"
                                   -> "Earthquake in Yunnan, China"       (no article had a headline)

The title is the headline of the most central article that has a genuine one. A reader that finds no
headline infers a title from the first sentence of the text (text.py's headline_from_lede, html.py's
_first_sentence, a feed entry's first 120 characters, the file's name): such a title is a cut lead
sentence, not a headline, and is recognised here (it ends with an ellipsis, or the text starts with it and
goes on with the same sentence). When no article has a genuine headline, the title is built from the
story's most frequent event noun and the places its articles name most: "Truck bombing in Mogadishu,
Somalia", "Typhoon Haiyan in the Philippines"; with no event noun, the first central article's lead sentence
short enough to be read whole as a headline; only as a last resort a lead cut where a clause ends. Word lists
are data below.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence

from briefing.models import Article

__all__ = ["story_title", "is_genuine_headline", "event_phrase"]

MAX_HEADLINE_WORDS = 14
_READ_MEMBERS = 20  # the phrase is built from the most central articles only
_READ_CHARS = 2000  # of each article's text: the lead says what happened where
_LEAD_CHARS = 400  # places named this early count three times (the country of a dateline, of the lead)
_MIN_EVENT_MENTIONS = 2

# ------------------------------------------------------------------------------------------ headlines

_ELLIPSIS_END = re.compile(r"(?:\u2026|\.\.\.|\. \. \.)[\"'\u201d\u2019)\]]*$")
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])\.[\"'\u201d\u2019)\]]*$")  # "... said." but not "U.S." / "Mr."
_LABEL = re.compile(
    r"^(?:(?:breaking(?:\s+news)?|update(?:d)?(?:\s*\d+)?|the\s+latest|latest|live(?:\s+updates)?|exclusive|"
    r"watch|video|photos?|pictures|in\s+pictures|analysis|opinion|factbox|timeline|explainer)\s*[:|\u2013\u2014-]\s*)+",
    re.I,
)
_GENERIC = frozenset(
    "news|latest news|breaking news|live updates|live|home|homepage|world|world news|untitled|article|index|"
    "top stories|news update|update|updates|headlines|page not found|404".split("|")
)
_WORDS = re.compile(r"[\w'\u2019]+")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")


def clean_headline(title: str) -> str:
    """A headline without the labels outlets put before it ("BREAKING:", "UPDATE 2:", "The latest:")."""
    title = " ".join(title.split())
    stripped = _LABEL.sub("", title).strip()
    return stripped[:1].upper() + stripped[1:] if stripped else title


def is_genuine_headline(article: Article) -> bool:
    """Is the article's title a headline someone wrote, rather than one a reader inferred from the text
    (a cut lead sentence, the first sentence, the file name) or a stray dateline ("DAKAR \u2014", "TASS,
    August 8")?"""
    title = clean_headline(article.title or "")
    if not title or _ELLIPSIS_END.search(title) or _SENTENCE_END.search(title):
        return False
    words = _WORDS.findall(title)
    if not words or len(title.split()) > MAX_HEADLINE_WORDS or title.lower().strip(" .:-") in _GENERIC:
        return False
    if article.origin and title == os.path.splitext(os.path.basename(article.origin.rstrip("/")))[0]:
        return False  # the file's name, given when nothing else was found
    if len(words) <= 3 and not _LOWER_WORD.search(title):
        return False  # "DAKAR", "AFP, MOGADISHU", "TASS, August 8": a dateline, not a headline
    if _mostly_a_date(title):
        return False
    return not _starts_text(title, article.text)


def _mostly_a_date(title: str) -> bool:
    from briefing.text.dates import find_date_mentions

    mentions = find_date_mentions(title)
    rest = title
    for m in reversed(mentions):
        rest = rest[: m.start] + rest[m.end:]
    return bool(mentions) and len(_LOWER_WORD.findall(rest)) < 2


_FOLD = re.compile(r"[\"'\u201c\u201d\u2018\u2019`]")


def _fold(text: str) -> str:
    return " ".join(_FOLD.sub("", text).split()).lower()


def _starts_text(title: str, text: str) -> bool:
    """Does the text open with the title and carry on with the same sentence (so the title was cut from
    it)? A headline repeated above the text is followed by a new line's capital letter, not by a comma,
    a full stop or more lower-case words of its sentence."""
    head = _fold(text[: len(title) * 2 + 200])
    key = _fold(title)
    if not key or not head.startswith(key):
        return False
    after = _fold(text[: len(title) * 2 + 200].split("\n", 1)[0])
    if after == key:  # the title is the whole first line: a headline kept above the text
        return False
    rest = head[len(key):]
    if not rest:
        return True
    original = _original_after(title, text)
    if original[:1].isalpha() and not original[:1].isspace():
        return True  # cut mid-word
    nxt = original.lstrip()
    return not nxt or not (nxt[:1].isupper() or nxt[:1].isdigit()) or nxt[:1] in ".,;:!?"


def _original_after(title: str, text: str) -> str:
    """The text after its first len(title) characters' worth of words (spacing and quotes may differ)."""
    wanted = len(_fold(title).replace(" ", ""))
    seen = 0
    for i, ch in enumerate(text):
        if ch.isspace() or _FOLD.match(ch):
            continue
        seen += 1
        if seen == wanted:
            return text[i + 1:]
    return ""


# ------------------------------------------------------------------------------------------- phrase

# (name as a title says it, the words that say it), in order of preference when counts tie
_EVENTS: tuple[tuple[str, str], ...] = (
    ("earthquake", r"earthquakes?|quakes?|tremors?|temblors?"),
    ("tsunami", r"tsunamis?"),
    ("typhoon", r"typhoons?"),
    ("hurricane", r"hurricanes?"),
    ("cyclone", r"cyclones?"),
    ("storm", r"storms?"),
    ("floods", r"floods?|flooding|flash floods?"),
    ("landslide", r"landslides?|mudslides?|mudslips?"),
    ("avalanche", r"avalanches?"),
    ("eruption", r"eruptions?"),
    ("bombing", r"bombings?|bombs?|bombers?"),
    ("explosion", r"explosions?|blasts?"),
    ("shooting", r"shootings?|gunmen|gunman|gunfire"),
    ("airstrike", r"air ?strikes?"),
    ("attack", r"attacks?|assaults?|raids?"),
    ("massacre", r"massacres?"),
    ("fire", r"(?<!opened )(?<!open )(?<!cease)fires?(?! ?(?:fighters?|brigades?|services?|departments?|chiefs?|crews?|"
             r"engines?|officers?|trucks?|stations?|commissioner|safety|alarms?|exits?|doors?|escapes?))|blazes?|infernos?"),
    ("collapse", r"collapses?|collapsed"),
    ("stampede", r"stampedes?|crush"),
    ("abduction", r"abductions?|kidnappings?|abducted|kidnapped"),
    ("sinking", r"sinking|sank|sunk|capsized?|capsizing"),
    ("crash", r"crash(?:es)?"),
    ("derailment", r"derailments?|derailed"),
    ("clashes", r"clashes"),
    ("riots", r"riots?|rioting"),
    ("protests", r"protests?|demonstrations?|protesters"),
    ("lightning strike", r"lightning(?: ?strikes?| ?bolts?)?"),
    ("strike", r"(?<!air )(?<!air-)strikes?(?! back)"),
    ("election", r"elections?"),
    ("outbreak", r"outbreaks?|epidemics?"),
    ("drought", r"droughts?"),
    ("heatwave", r"heat ?waves?"),
)
_EVENT_WORD = re.compile(
    r"(?i)(?<![\w-])(?:" + "|".join(f"(?P<e{i}>{words})" for i, (_, words) in enumerate(_EVENTS)) + r")(?![\w-])"
)
# Words that make an event a kind of event worth naming: "truck bombing", "ferry sinking", "building collapse".
_MODIFIERS = frozenset(
    "truck car suicide port building factory garment ferry boat plane bus train mine tower church hotel school "
    "market bridge dam warehouse chemical gas tanker hajj airport stadium nightclub mosque temple".split()
)
_NAMED_STORM = re.compile(r"\b(?:Super\s+)?(Typhoon|Hurricane|Cyclone|Storm|Tropical Storm)\s+([A-Z][a-z]{2,})\b")

_COUNTRIES = {
    name.lower(): display for display, names in (
        (c, (c,)) for c in (
            "Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh "
            "Belarus Belgium Benin Bhutan Bolivia Botswana Brazil Bulgaria Burundi Cambodia Cameroon Canada Chad Chile "
            "China Colombia Croatia Cuba Cyprus Denmark Djibouti Ecuador Egypt Eritrea Estonia Ethiopia Fiji Finland "
            "France Gabon Georgia Germany Ghana Greece Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India "
            "Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kosovo Kuwait Kyrgyzstan "
            "Laos Latvia Lebanon Lesotho Liberia Libya Lithuania Madagascar Malawi Malaysia Mali Mauritania Mexico "
            "Moldova Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nepal Nicaragua Niger Nigeria Norway Oman "
            "Pakistan Palestine Panama Paraguay Peru Poland Portugal Qatar Romania Russia Rwanda Senegal Serbia Singapore "
            "Slovakia Slovenia Somalia Somaliland Spain Sudan Sweden Switzerland Syria Taiwan Tajikistan Tanzania "
            "Thailand Togo Tunisia Turkey Turkmenistan Uganda Ukraine Uruguay Uzbekistan Venezuela Vietnam Yemen Zambia "
            "Zimbabwe Gaza"
        ).split()
    ) for name in names
}
_COUNTRIES.update({
    "saudi arabia": "Saudi Arabia", "south korea": "South Korea", "north korea": "North Korea",
    "sri lanka": "Sri Lanka", "south africa": "South Africa", "south sudan": "South Sudan",
    "new zealand": "New Zealand", "papua new guinea": "Papua New Guinea", "costa rica": "Costa Rica",
    "el salvador": "El Salvador", "sierra leone": "Sierra Leone", "burkina faso": "Burkina Faso",
    "ivory coast": "Ivory Coast", "east timor": "East Timor", "puerto rico": "Puerto Rico",
    "the philippines": "the Philippines", "philippines": "the Philippines",
    "the netherlands": "the Netherlands", "netherlands": "the Netherlands",
    "the united states": "the United States", "united states": "the United States", "u.s.": "the United States",
    "the united kingdom": "the United Kingdom", "united kingdom": "the United Kingdom", "britain": "the United Kingdom",
    "uk": "the United Kingdom", "u.k.": "the United Kingdom", "england": "England", "scotland": "Scotland",
    "the united arab emirates": "the United Arab Emirates", "united arab emirates": "the United Arab Emirates",
    "uae": "the United Arab Emirates", "the gambia": "the Gambia", "gambia": "the Gambia",
    "democratic republic of congo": "the Democratic Republic of Congo",
    "democratic republic of the congo": "the Democratic Republic of Congo", "dr congo": "the Democratic Republic of Congo",
    "drc": "the Democratic Republic of Congo", "congo": "Congo",
    "central african republic": "the Central African Republic", "czech republic": "the Czech Republic",
    "dominican republic": "the Dominican Republic", "bosnia": "Bosnia", "west bank": "the West Bank",
})


def _surface(name: str) -> str:
    """How a country's name is written in text: "Saudi Arabia", "Democratic Republic of Congo", "U.S."."""
    if "." in name or name in ("uk", "uae", "drc"):
        return name.upper()
    return " ".join(w if w in ("of", "the") else w.capitalize() for w in name.split())


_COUNTRY = re.compile(
    r"(?<![\w.])(" + "|".join(
        re.escape(_surface(name)).replace(r"\ ", r"\s+")
        for name in sorted(_COUNTRIES, key=len, reverse=True) if not name.startswith("the ")
    ) + r")(?![\w])"
)
_NAME = r"[A-Z][\w\u2019'.-]*[\w](?:\s+(?:[A-Z][\w\u2019'.-]*[\w]))*"
_PLACE_AFTER = re.compile(
    r"\b(?P<prep>in|near|at|off|outside|across|around|into|from|of)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?\s+|(?:north|south|east|west)(?:-|\s)?"
    r"(?:east|west)?ern\s+)?(?P<name>" + _NAME + r")"
)
_PLACE_BEFORE_NOUN = re.compile(
    r"(?P<name>" + _NAME + r")\s+(?:province|county|district|state|city|region|town|village|prefecture|township|"
    r"governorate|island|islands|municipality|neighbourhood|neighborhood|area)\b"
)
_DATELINE = re.compile(r"^\s*(?P<name>[A-Z][A-Z.'-]+(?:[ /][A-Z][A-Z.'-]+)*)\s*(?:,|:|\s\(|\s[\u2013\u2014-])")
_NOT_PLACE_WORDS = frozenset(
    "the a an this that these those his her their its our monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december jan feb mar apr jun jul "
    "aug sep sept oct nov dec easter christmas ramadan eid mr mrs ms dr president minister ministry prime police "
    "government officials official state reuters ap afp xinhua cnn bbc tass anadolu associated press efe upi pti ians "
    "agency news total order addition response part".split()
)


def event_phrase(articles: Sequence[Article], members: Sequence[int]) -> str:
    """"Earthquake in Yunnan, China" from the story's most frequent event noun and places ("" when the
    articles name neither)."""
    chosen = [articles[i] for i in members[:_READ_MEMBERS] if 0 <= i < len(articles)]
    texts = [a.text[:_READ_CHARS] for a in chosen]
    titles = [a.title for a in chosen if a.title]
    event = _event(texts, titles)
    if not event:
        return ""
    place, preposition = _place(texts)
    if place and event.split()[0].lower() in place.lower():
        event = event.split(None, 1)[1].capitalize()  # "Tower fire in Grenfell Tower" -> "Fire in Grenfell Tower"
    return f"{event} {preposition} {place}" if place else event


def story_title(articles: Sequence[Article], members: Sequence[int]) -> str:
    """The story's title: the headline of its most central article that has a genuine one (`members` are
    indices into `articles`, most central first) from the newest day that has one, so that a story covered
    over days is not titled with a toll its later reports replaced; else a phrase of what happened where,
    else the most central article's title cut at a clause, never with an ellipsis."""
    valid = [i for i in members if 0 <= i < len(articles)]
    headlined = [i for i in valid if is_genuine_headline(articles[i])]
    if headlined:
        newest = max((articles[i].published or "")[:10] for i in headlined)
        return clean_headline(next(articles[i].title for i in headlined if (articles[i].published or "")[:10] == newest))
    phrase = event_phrase(articles, valid)
    if phrase:
        return phrase
    lead = _short_lead(articles, valid)
    if lead:
        return lead
    # the title a reader inferred is already a cut lead: cut the lead itself where a phrase ends
    return _short(articles[valid[0]].text[:_READ_CHARS] or articles[valid[0]].title) if valid else ""


def _short_lead(articles: Sequence[Article], members: Sequence[int]) -> str:
    """The first lead sentence of a central article that is short enough to stand as a headline, whole
    ("Seven miners were trapped in a flooded coal mine in Sabinas"): never cut. "" when every lead is long."""
    from briefing.text.sentences import split_sentences

    for i in members[:_READ_MEMBERS]:
        text = _LEAD_DATELINE.sub("", articles[i].text[:_READ_CHARS].lstrip())
        sentences = split_sentences(text)
        if not sentences:
            continue
        first = " ".join(sentences[0].split())
        if 5 <= len(first.split()) <= MAX_HEADLINE_WORDS and first.endswith((".", "!")) and not first.endswith("?"):
            first = first.rstrip(".!").strip()
            return first[:1].upper() + first[1:]
    return ""


_LEAD_DATELINE = re.compile(r"^[A-Z][A-Z.'\-]+(?:[ ,/]+[A-Z][A-Za-z.'\-]+)*\s*(?:\([^)]{1,40}\)\s*)?[-\u2013\u2014:]+\s*")
_PHRASE_OPENERS = frozenset(
    "that which who whom whose when where while after before as since until amid during despite following "
    "with without for from to in on at by over under into near across against about than because "
    "dating saying killing leaving adding including".split())
_DANGLING = frozenset("the a an of to and or in on at by for from with as that than its their his her".split())


def _short(text: str, limit: int = 10) -> str:
    """At most `limit` words of a title, cut where a clause ends when one does, without an ellipsis (nor
    the dateline before it, nor a word left hanging at the end)."""
    text = _ELLIPSIS_END.sub("", " ".join(text.split()))
    text = _LEAD_DATELINE.sub("", text) or text
    words = text.split()
    if len(words) > limit:
        head = " ".join(words[:limit])
        cut = max(head.rfind(","), head.rfind(";"), head.rfind(" -"), head.rfind(":"))
        if cut > len(head) // 2:
            words = head[:cut].split()
        else:  # before the first word (from the sixth) that opens a phrase: "a tomb | dating back more than ..."
            starts = [k for k in range(5, limit + 1) if words[k].lower().strip("\"'“") in _PHRASE_OPENERS]
            words = words[:starts[0]] if starts else words[:limit]
        while len(words) > 3 and words[-1].lower() in _DANGLING:
            words.pop()
    text = " ".join(words).rstrip(" .,;:-\u2013\u2014")
    return text[:1].upper() + text[1:]


def _event(texts: list[str], titles: list[str]) -> str:
    counts: Counter[int] = Counter()
    modifiers: Counter[tuple[int, str]] = Counter()
    for weight, text in [(1, t) for t in texts] + [(2, t) for t in titles]:
        for m in _EVENT_WORD.finditer(text):
            kind = int(m.lastgroup[1:])
            counts[kind] += weight
            before = text[max(0, m.start() - 20):m.start()].split()
            if before and before[-1].lower() in _MODIFIERS:
                modifiers[(kind, before[-1].lower())] += weight
    if not counts:
        return ""
    kind = max(counts, key=lambda k: (counts[k], -k))
    if counts[kind] < _MIN_EVENT_MENTIONS:
        return ""  # a word in passing does not say what the story is about
    name = _EVENTS[kind][0]
    if name in ("typhoon", "hurricane", "cyclone", "storm"):
        named = Counter(
            f"{m.group(1)} {m.group(2)}" for text in texts + titles for m in _NAMED_STORM.finditer(text)
            if m.group(1).lower().endswith(name)
        )
        if named:
            storm, n = named.most_common(1)[0]
            if n >= 2 or len(texts) == 1:
                return storm
    best = max((key for key in modifiers if key[0] == kind), key=lambda key: modifiers[key], default=None)
    if best is not None and modifiers[best] >= max(2, counts[kind] // 4):
        name = f"{best[1]} {name}"
    return name[:1].upper() + name[1:]


def _place(texts: list[str]) -> tuple[str, str]:
    """(the story's place, the preposition it takes): "Yunnan, China", "Mogadishu, Somalia", "the
    Philippines"; ("", "in") when the texts name no place."""
    countries: Counter[str] = Counter()
    places: Counter[str] = Counter()
    prepositions: dict[str, Counter[str]] = {}
    for text in texts:
        for m in _COUNTRY.finditer(text):
            country = _COUNTRIES[" ".join(m.group(1).lower().split())]
            countries[country] += 3 if m.start() < _LEAD_CHARS else 1
            before = _PREPOSITION_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if before:
                prepositions.setdefault(country, Counter())[before.group(1)] += 1
        for m in _PLACE_AFTER.finditer(text):
            name = _place_name(m.group("name"))
            if name and m.group("prep") != "of":
                places[name] += 1
                prepositions.setdefault(name, Counter())[m.group("prep")] += 1
        for m in _PLACE_BEFORE_NOUN.finditer(text):  # "Yunnan province": surely a place
            name = _place_name(m.group("name"))
            if name:
                places[name] += 2
        dateline = _DATELINE.match(text)
        if dateline:  # "MOGADISHU, Somalia -": where the reporter was
            name = _place_name(dateline.group("name").split("/")[0].title())
            if name:
                places[name] += 2
    for name in list(places):
        if name.lower() in _COUNTRIES or name in countries or _COUNTRIES.get("the " + name.lower()):
            del places[name]  # counted as a country
    country = countries.most_common(1)[0][0] if countries else ""
    top = countries[country] if country else 0
    local = ""
    for name, n in places.most_common():
        if n >= 2 and n * 4 >= top:
            local = name
            break
    if local and country:
        preposition = _preposition(prepositions.get(local))
        return f"{local}, {country.removeprefix('the ')}", preposition
    if local:
        return local, _preposition(prepositions.get(local))
    return country, _preposition(prepositions.get(country))


_PREPOSITION_BEFORE = re.compile(r"\b(in|off|near|at)\s+(?:the\s+)?$")


def _preposition(seen: Counter[str] | None) -> str:
    if not seen:
        return "in"
    best = max(("in", "off", "near", "at"), key=lambda p: (seen.get(p, 0), p == "in"))
    return best if seen.get(best) else "in"


def _place_name(name: str) -> str:
    name = re.sub(r"['\u2019]s?$", "", name.strip()).rstrip(".")
    name = re.sub(r"^.*['\u2019]s\s+", "", name)  # "Armenia's Vardenis": the place is Vardenis
    words: list[str] = []
    for word in name.split():
        if word.lower().strip(".") in _NOT_PLACE_WORDS:
            if words:
                break
            continue  # "The Kaduna state": the place comes after
        words.append(word)
    name = " ".join(words)
    if not name or len(name) < 3 or name.isupper() and len(name) <= 4:
        return ""  # "AP", "UN", "USGS": agencies and bodies, not places
    last = name.split()[-1]
    if _DEMONYM_END.search(last) and any(last.startswith(w[:4]) and last != w for w in _COUNTRY_WORDS):
        return ""  # "Indian", "South Korean", "Nigerian": a people, not a place
    return name


_DEMONYM_END = re.compile(r"(?:an|ese|ish|i)$")
_COUNTRY_WORDS = frozenset(w.capitalize() for name in _COUNTRIES for w in name.split() if len(w) >= 4)
