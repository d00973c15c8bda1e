"""Numbers as news writes them: "1,165", "forty-one", "1.2 million", "at least nine", "between 5 and 7", "dozens".

No number library handles qualifiers or tells a count from a year, a date, a time or a distance, so this is
a small grammar of its own:

    quantity  := [qualifier] (range | number | vague | article)
    range     := "between" number "and" number | number ("to" | "-" | "or") number
    number    := digits [scale] | words              (digits: 9, 1,165, 1.2 million; words: two hundred and five)
    vague     := tens | dozens | a dozen | scores | hundreds | thousands | several | a few | a couple ...
    article   := "a" | "an"                           (1, when a singular noun follows: "a soldier")

Vague quantities follow ACLED's coding rules: tens 10, a dozen / dozens 12, scores 20, hundreds 100,
thousands 1,000 ("tens of thousands" 10,000). ACLED does not fix "several" or "a few"; we take the smallest
plural reading that is still "several" (3), "a few" 3, "a couple" 2: conservative, as ACLED is with vague
reports. "many" and "numerous" are not numbers.

Not counts, ever: years (1991, 2012-13), dates (3 May, Sept. 27, 12/31/2016), times (20:00, 2 a.m.),
ages (25-year-old), distances and other units (100 km, 5 %), decimals without a scale word, labels after a
capitalised word ("Brigade 93", "Resolution 2334").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Qualifiers as written, mapped to a canonical form; LOWER_BOUND ones leave the top open.
_QUALIFIERS = {
    "at least": "at least", "no fewer than": "at least", "no less than": "at least", "a minimum of": "at least",
    "more than": "more than", "upwards of": "more than", "in excess of": "more than",
    "over": "over", "well over": "over", "just over": "over",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "an estimated": "about",
    "estimated": "about", "some": "some",
    "up to": "up to", "as many as": "as many as", "at most": "up to", "fewer than": "fewer than",
    "less than": "fewer than",
    "a total of": None, "a further": None,
}
LOWER_BOUND = frozenset({"at least", "more than", "over"})

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_SCALE_ABBR = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1000}

# Vague quantities (value) — "of" is optional after the plural forms.
_VAGUE = [
    (r"tens\s+of\s+thousands", 10_000), (r"hundreds\s+of\s+thousands", 100_000),
    (r"several\s+dozens?", 12), (r"several\s+hundreds?", 100), (r"several\s+thousands?", 1000),
    (r"half\s+a\s+dozen", 6), (r"a\s+dozen", 12), (r"dozens", 12), (r"tens", 10), (r"scores", 20),
    (r"hundreds", 100), (r"thousands", 1000), (r"millions", 1_000_000),
    (r"several", 3), (r"a\s+few", 3), (r"a\s+couple(?:\s+of)?", 2), (r"a\s+handful(?:\s+of)?", 3),
]
_VAGUE_VALUES = [(re.compile(p + r"\Z", re.I), v) for p, v in _VAGUE]

_WORD_ATOM = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|"
              r"seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
              r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|thousand|million|billion)")
_AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"  # "two hundred and five" only
_WORDS = rf"(?:(?:a\s+(?=hundred|thousand|million))?{_WORD_ATOM}(?:(?:{_AND}|\s+|-){_WORD_ATOM})*)"
_DIGITS = r"(?:\d[\d,.:/\-\u2013]*\d|\d)(?:\s*(?:million|billion|thousand|mn|bn|m|k)\b)?"
_NUMBER = rf"(?:(?:\d+|{_WORD_ATOM})\s+dozen\b|{_DIGITS}|{_WORDS}|both)"
_QUAL_RE = "|".join(sorted((re.escape(q).replace(r"\ ", r"\s+") for q in _QUALIFIERS), key=len, reverse=True))
_VAGUE_RE = "|".join(p for p, _ in _VAGUE)

_SINGLE_BODY = (rf"|(?P<vague>(?:{_VAGUE_RE}))\b(?:\s+of\b)?"
                rf"|(?P<num>{_NUMBER})"
                rf"|(?P<art>an?)(?=\s+(?:[A-Za-z]|\d+[\s-]*years?[\s-]*old\b))")  # "a 32-year-old man"
_QUANTITY = re.compile(
    rf"\b(?:(?P<qual>{_QUAL_RE})\s+)?"
    rf"(?:between\s+(?P<b1>{_NUMBER})\s+and\s+(?P<b2>{_NUMBER})"
    rf"|(?:from\s+)?(?P<r1>{_NUMBER})\s+(?:to|or)\s+(?P<r2>{_NUMBER})"
    rf"|(?P<h1>\d[\d,]*)\s*[-\u2013]\s*(?P<h2>\d[\d,]*)(?![\w.,]\d)"
    rf"{_SINGLE_BODY})(?![\w%$\u20ac\u00a3])",
    re.I,
)
# The same without ranges: the fallback when a range reading fails ("2 to 1" is not a range).
_SINGLE = re.compile(rf"\b(?:(?P<qual>{_QUAL_RE})\s+)?(?:(?!)(?P<b1>)(?P<b2>)(?P<r1>)(?P<r2>)(?P<h1>)(?P<h2>)"
                     rf"{_SINGLE_BODY})(?![\w%$\u20ac\u00a3])", re.I)

_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
           r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_AFTER_NOT_COUNT = re.compile(
    rf"\s*(?:(?:{_MONTHS})\b|(?:st|nd|rd|th)\b|%|per\s*cent|percent|-?years?(?:-old)?\b|-?(?:month|week|day|hour)"
    r"s?(?:-old)?\b|yrs?\b|o'clock|[ap]\.?m\.?(?!\w)|gmt\b|utc\b|hrs?\b|minutes?\b|seconds?\b|mins?\b|"
    r"km\b|kms\b|kilomet(?:re|er)s?\b|miles?\b|met(?:re|er)s?\b|feet\b|ft\b|inch(?:es)?\b|kg\b|kilo(?:gram)?s?\b|"
    r"tons?\b|tonnes?\b|mph\b|km/h|degrees?\b|dollars?\b|euros?\b|pounds\b|rupees?\b|times\b|-storey|-story|"
    r"-member|-strong|-man\b|-year|-day|-hour|-minute|-km|-mile|-metre|-meter)",
    re.I,
)
_BEFORE_NOT_COUNT = re.compile(
    rf"(?:\b(?:{_MONTHS})\.?|\b(?:no|nos|number|aged?|article|resolution|page|flight|route|highway|"
    r"room|chapter|section|paragraph|item|rule|level|phase|grade|class|year|since|until|till|during)\.?"
    r"|[$\u20ac\u00a3#]|\bUS\$)\s*$",
    re.I,
)
_CAPITALISED_LABEL = re.compile(r"\b[A-Z][a-z]+\.?\s+$")
_QUALIFIER_WORDS = {q.split()[-1] for q in _QUALIFIERS}
# Capitalised only because they start the sentence: "Another 6 people", "The 4 victims" are counts, not labels
_SENTENCE_START_WORDS = frozenset(
    "another the all only other further additional those these their his her its and but while with including "
    "in on at of for among whom".split()) | _QUALIFIER_WORDS


@dataclass(frozen=True)
class Quantity:
    """A count as written: value is the conservative number (the low end of a range)."""

    value: int
    low: int
    high: int | None  # None when open-ended ("at least 9", "more than 200")
    qualifier: str | None  # canonical: "at least", "more than", "over", "about", "nearly", "up to", ...
    text: str = ""
    start: int = 0
    end: int = 0
    vague: bool = False  # "dozens", "several": an ACLED-style convention, not a reported number
    article: bool = False  # "a"/"an": 1 only when a singular noun follows (the caller decides)


def _parse_words(text: str) -> int | None:
    tokens = [t for t in re.split(r"[\s\-]+", text.lower()) if t]
    if tokens and tokens[0] == "a":
        tokens[0] = "one"
    total, current, prev, last_scale = 0, 0, None, None
    for i, tok in enumerate(tokens):
        if tok == "and":
            # "two hundred and five": only after a scale, before something smaller than a hundred
            if prev not in _SCALES or i + 1 >= len(tokens) or tokens[i + 1] in _SCALES:
                return None
            prev = tok
            continue
        if tok in _UNITS or tok in _TENS:
            value = _UNITS.get(tok, _TENS.get(tok))
            after_tens = prev in _TENS and value < 10  # "forty-one", "forty one"
            if current % 100 and not after_tens:
                return None  # "two three", "twenty thirty", "twenty-one five" are not one number
            current += value
        elif tok == "hundred":
            if current >= 100 or prev == "hundred":
                return None
            current = (current or 1) * 100
        elif tok in _SCALES:
            scale = _SCALES[tok]
            if last_scale is not None and scale >= last_scale:
                return None  # "a thousand million" is written as a billion
            total += (current or 1) * scale
            current, last_scale = 0, scale
        else:
            return None
        prev = tok
    return total + current if prev is not None else None


def _parse_digits(text: str) -> int | None:
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(million|billion|thousand|mn|bn|m|k)?", text.strip(),
                     re.I)
    if not m:
        return None
    whole, frac, scale = m.groups()
    if "," not in whole and len(whole) > 1 and whole.startswith("0"):
        return None
    if scale:
        factor = _SCALES.get(scale.lower()) or _SCALE_ABBR[scale.lower()]
        return round(float(whole.replace(",", "") + "." + (frac or "0")) * factor)
    if frac is not None:
        return None  # 2.5 people is not a count
    return int(whole.replace(",", ""))


def _year_like(text: str) -> bool:
    return bool(re.fullmatch(r"(1[5-9]|20)\d\d", text.strip()))


def parse_number(text: str) -> int | None:
    """A single number: digits (1,165; 1.2 million) or words (forty-one; two hundred and five); "both" is 2."""
    t = text.strip()
    if t.lower() == "both":
        return 2
    dozen = re.fullmatch(r"(.+?)\s+dozen", t, re.I)
    if dozen:  # "2 dozen", "three dozen"
        n = parse_number(dozen.group(1))
        return n * 12 if n is not None else None
    if t[:1].isdigit():
        return _parse_digits(t)
    return _parse_words(t)


def _from_match(m: re.Match, offset: int = 0) -> Quantity | None:
    qual_raw = m.group("qual")
    qualifier = _QUALIFIERS.get(re.sub(r"\s+", " ", qual_raw.lower())) if qual_raw else None
    vague = article = False
    if m.group("b1") or m.group("r1") or m.group("h1"):
        a, b = next((m.group(x), m.group(y)) for x, y in (("b1", "b2"), ("r1", "r2"), ("h1", "h2")) if m.group(x))
        if any(_year_like(x) for x in (a, b)):
            return None
        lo, hi = parse_number(a), parse_number(b)
        if lo is None or hi is None or hi <= lo:
            return None
        value, low, high = lo, lo, hi
    elif m.group("vague"):
        word = re.sub(r"\s+of\Z", "", m.group("vague").lower().strip())
        value = next(v for p, v in _VAGUE_VALUES if p.match(re.sub(r"\s+", " ", word)))
        low, high, vague = value, None, True
    elif m.group("num"):
        raw = m.group("num")
        if raw[:1].isdigit() and (_year_like(raw) or re.search(r"[:/]|\d[\-\u2013]\d|\d\.\d+$|,$", raw)
                                  and _parse_digits(raw) is None):
            return None
        value = parse_number(raw)
        if value is None:
            return None
        low, high = value, value
    else:
        if qual_raw:
            return None  # "nearly a 100 km": an article under a qualifier is not a count
        value, low, high, article = 1, 1, 1, True
    if qualifier in LOWER_BOUND:
        high = None
    return Quantity(value=value, low=low, high=high, qualifier=qualifier, text=m.group(0),
                    start=m.start() + offset, end=m.end() + offset, vague=vague, article=article)


def _is_count_context(text: str, m: re.Match) -> bool:
    """Reject dates, times, ages, distances and labels around a digit or word number."""
    if m.group("art") or m.group("vague"):
        return True
    after = text[m.end():m.end() + 16]
    if _AFTER_NOT_COUNT.match(after):
        return False
    before = text[max(0, m.start() - 14):m.start()]
    if m.group("qual") is None:
        if _BEFORE_NOT_COUNT.search(before) and m.group(0)[:1].isdigit():
            return False
        label = _CAPITALISED_LABEL.search(before)
        if label and m.group(0)[:1].isdigit() and label.group(0).strip(" .").lower() not in _SENTENCE_START_WORDS:
            return False
    if m.group(0)[:1].isdigit() and re.search(r"[\d/:]$", before):
        return False
    name = _AGE_APPOSITION.search(text, max(0, m.start() - 60), m.start())
    named = name and name.group(1).lower() not in _SENTENCE_START_WORDS
    if (named or _PERSON_BEFORE.search(text, max(0, m.start() - 40), m.start())) and re.match(r"\s*,", after) \
            and m.group(0).isdigit() and int(m.group(0)) < 120:
        return False  # "Miradul Sheikh, 40, a farmer", "his nephew, 19,": an age, not a count ("In Kabul, 12," is one)
    if _AGED.search(before):
        return False  # "the youngest aged eight": an age, in words too
    return True


_AGED = re.compile(r"\baged?\s+(?:of\s+|just\s+|only\s+|about\s+|between\s+)?$", re.I)
_PERSON_BEFORE = re.compile(
    r"\b(?:nephew|niece|son|daughter|brother|sister|wife|husband|father|mother|cousin|uncle|aunt|grandson|"
    r"granddaughter|grandfather|grandmother|man|woman|boy|girl|child|teenager|driver|student|teacher|farmer|"
    r"officer|soldier|worker|journalist|victim|friend|neighbou?r|owner|resident|guard|pilot|nurse|doctor|"
    r"shopkeeper|trader|pupil|suspect|gunman|attacker|bomber),\s*$", re.I)
_AGE_APPOSITION = re.compile(r"\b([A-Z][\w'\u2019.-]*)\s+[A-Z][\w'\u2019.-]+,\s*$")


def find_quantities(text: str) -> list[Quantity]:
    """Every count in a text, left to right, with its span; dates, years, times and units are skipped."""
    out: list[Quantity] = []
    pos = 0
    while (m := _QUANTITY.search(text, pos)) is not None:
        q = _read(text, m)
        out += [q] if q is not None else []
        pos = q.end if q is not None else m.end()
    return out


_BY_INCREMENT = re.compile(r"\bby\s*$", re.I)


def _read(text: str, m: re.Match) -> Quantity | None:
    # "rose by 12 to 262" is an increase and a new count, not the range 12-262
    increment = bool(m.group("r1")) and bool(_BY_INCREMENT.search(text, 0, m.start()))
    q = _from_match(m) if _is_count_context(text, m) and not increment else None
    if q is None and (m.group("r1") or m.group("h1") or m.group("b1")):
        single = _SINGLE.match(text, m.start())
        if single and _is_count_context(text, single):
            q = _from_match(single)
    return q


def parse_quantity(text: str) -> Quantity | None:
    """The quantity a phrase starts with ("at least 9 people" -> 9, at least), or None when it starts with none.

    "a"/"an" count as 1 only before a word ("a soldier"); a phrase that is a year, date, time or distance
    ("2012-13", "3 May", "100 km") is None.
    """
    stripped = text.strip()
    m = _QUANTITY.match(stripped)
    return _read(stripped, m) if m else None


def number_to_words(n: int) -> str:
    """English words for a non-negative integer ("forty-one", "two hundred and five", "one thousand")."""
    if n < 0:
        raise ValueError("negative numbers are not counts")
    if n < 20:
        return next(k for k, v in _UNITS.items() if v == n)
    if n < 100:
        tens = next(k for k, v in _TENS.items() if v == n // 10 * 10)
        return tens + ("-" + number_to_words(n % 10) if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return number_to_words(n // 100) + " hundred" + (" and " + number_to_words(rest) if rest else "")
    for name, scale in (("billion", 10**9), ("million", 10**6), ("thousand", 1000)):
        if n >= scale:
            head, rest = divmod(n, scale)
            words = number_to_words(head) + " " + name
            if rest:
                words += (" and " if rest < 100 else " ") + number_to_words(rest)
            return words
    raise AssertionError("unreachable")
