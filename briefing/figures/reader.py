"""Reading one sentence: its quantities masked, and the machinery the rules of rules.py share.

`_Sentence` masks every quantity of a sentence (see patterns.py) and remembers which ones already fed a
figure; `_Maker` turns a rule's match into Figures (a list of counted noun phrases, summed; attackers taken
out; damage kept per object). `_Sides` is what the whole article says about who attacked whom. The rules
themselves (which pattern, in which order, read how) are the table in rules.py.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from briefing.models import Figure
from briefing.text.numbers import Quantity, find_quantities

from . import patterns as P

CATEGORIES = ("killed", "injured", "missing", "displaced", "detained", "abducted", "damaged")


class _Sides(NamedTuple):
    attackers: frozenset[str]  # stems of the armed nouns that attacked one-sidedly ("militant")
    clash: bool  # armed parties fought each other
    named: frozenset[str] = frozenset()  # last names of named attackers ("Artan")
    sizes: tuple[tuple[str, int], ...] = ()  # how many attacked, by stem: "two suicide bombers stormed" (bomber, 2)
    lone_attacker: bool = False  # one attacker named in the singular: "he" may be that attacker

    def size(self, noun: str) -> int:
        """How many attackers "the <noun>" are: the text's count for that noun, else its only count of
        attackers when the noun says no more than that ("the perpetrators"); 0 when unknown."""
        stem = _stem(noun)
        exact = {n for s, n in self.sizes if s == stem}
        if not exact and P.ALWAYS_PERPETRATORS.fullmatch(noun):
            exact = {n for _, n in self.sizes}
        return exact.pop() if len(exact) == 1 else 0




def _stem(word: str) -> str:
    word = word.lower()
    if word.startswith("militia"):
        return "militia"  # militia, militias, militiamen
    return word[:-3] + "man" if word.endswith("men") else word.rstrip("s")


class _Sentence:
    """One sentence with its quantities masked, and which quantities are already used."""

    def __init__(self, text: str):
        self.text = text
        self.quantities: list[Quantity] = _with_pronoun_counts(text, find_quantities(text))
        parts, pos = [], 0
        for i, q in enumerate(self.quantities):
            parts.append(text[pos:q.start])
            parts.append(f"{P.Q_OPEN}{i}{P.Q_CLOSE}")
            pos = q.end
        parts.append(text[pos:])
        self.masked = P.tag_words("".join(parts))
        self.used: set[int] = set()
        self.used_spans: set[int] = set()

    def unmask(self, span: str) -> str:
        span = span.replace(P.TAG, "")
        return P.Q_TOKEN.sub(lambda m: self.quantities[int(m.group(1))].text, span).strip()

    def indices(self, span: str) -> list[int]:
        return [int(i) for i in P.Q_TOKEN.findall(span)]


def _with_pronoun_counts(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Add the one person a pronoun stands for: "another was wounded", "another civilian", "the other died".

    "another 29" keeps its number (the pronoun is only a prefix there)."""
    starts = {q.start for q in quantities}
    extra = []
    for m in P.PRONOUN_ONE.finditer(text):
        nxt = re.match(r"\s*", text[m.end():]).end() + m.end()
        if nxt in starts or any(q.start <= m.start() < q.end for q in quantities):
            continue
        extra.append(Quantity(1, 1, 1, None, m.group(0), m.start(), m.end()))
    return sorted(quantities + extra, key=lambda q: q.start) if extra else quantities


def _counts_people(list_text: str) -> bool:
    """'7 soldiers', 'four men', '30 of its fighters': people, not "3 vehicles" or "20 percent"."""
    return any(r.search(list_text) for r in (P.GROUPS_ANY, P.ARMED_TARGET, P.PERPETRATOR_NOUNS)) \
        or bool(P.PERSON_HEAD.search(list_text)) or bool(re.search(r"\b(?:lives|members|comrades)\b", list_text))


def _coordinated(s: _Sentence, m: re.Match, category: str, figures: list[Figure], first: int) -> None:
    """'wounding and kidnapping dozens of others': the object of both verbs, when one person can be both.

    Killed and injured exclude each other: "killing and injuring four" does not say how many died. The four
    are casualties, dead and hurt together: no death count (any split would be a guess, and killed is the
    headline a reader trusts), but at most four hurt, which is how incident coders record such a phrase
    when the text gives nothing apart (the development data codes it as 4 injured). See KILLED_OR_INJURED."""
    c = P.COORDINATED.search(s.masked, max(0, m.start() - 40), m.start())
    if not c:
        return
    other = next(x for x in CATEGORIES if c.group(x))
    if {other, category} == {"killed", "injured"}:
        first_verb, second_verb = c.group(0).split()[0], m.group("verb").split()[0]
        if P.HURT_WORDS.search(c.group(0) + " " + m.group("verb")) and \
                first_verb[-3:].lower() == second_verb[-3:].lower():  # not "shot and killed", "killed and wounding"
            figures[first:] = [replace(f, category="injured") for f in figures[first:]]
        return
    if other == category:
        return
    figures.extend(replace(f, category=other) for f in figures[first:] if f.category == category)


def _passive_restart(masked: str, m: re.Match) -> int:
    """Where a passive subject may start after an active verb's object ("killed 6 soldiers and another were
    injured"): after the first separator that introduces another/others/more, else after the last one."""
    seps = list(P.SEP_RE.finditer(masked, m.start("list"), m.start("aux")))
    for sep in seps:
        if P.ADDITIVE_ITEM.match(masked, sep.end()):
            return sep.end()
    return seps[-1].end() if seps else m.end()


def _agent_reading(masked: str, m: re.Match) -> bool:
    """'a gunman killed 3 people': the noun phrase before an active verb is the agent, not the victims ("died
    of his injuries the next day" takes no object)."""
    if re.match(r"(?:died|dead|perished|succumbed)\b", m.group("verb"), re.I):
        return False
    return bool(P.OBJECT_AFTER.match(masked, m.end("verb")))


def _hedged(masked: str, start: int) -> bool:
    # a hedge or negation reaches to the clause end: "No fatalities were reported, 2 officers were injured",
    # and no further than a zero for one side ("no soldiers died and 6 militants were killed")
    window = re.split(r"[;,]\s", masked[max(0, start - 40):start])[-1].replace(P.TAG, "")
    zero = None
    for zero in P.ZERO_GROUP.finditer(window):
        pass
    if zero is not None and re.match(r"\s+(?:and|but|while|whereas)\s", window[zero.end():]):
        window = window[zero.end():]
    return bool(P.HEDGED.search(window))


class _Maker:
    """Turns pattern matches into Figures for one sentence."""

    def __init__(self, s: _Sentence, article: int, claimant, scope, period, agents):
        self.s, self.article, self.claimant = s, article, claimant
        self.scope, self.period, self.agents = scope, period, agents
        self.figures: list[Figure] = []
        self.rule = "pattern"  # the name of the pattern being read; a figure's rule is "<category>.<name>"

    def zero(self, category: str, words: str, group: str | None = None) -> None:
        self.figures.append(Figure(category=category, count=0, low=0, high=0, qualifier=None, group=group,
                                   claimant=self.claimant, scope="incident", article=self.article,
                                   sentence=self.s.text, text=words, rule=f"{category}.{self.rule}"))

    def from_list(self, m: re.Match, category: str, force_role: str | None = None, trailing: str = "") -> None:
        s = self.s
        list_text = m.group("list")
        indices = s.indices(list_text)
        if not indices:
            # a person without a number ("the driver") feeds one figure, as a number does
            if m.start("list") in s.used_spans or not (P.DEFINITE.search(list_text) or _named(list_text)):
                return
            s.used_spans.add(m.start("list"))
        if indices and all(i in s.used for i in indices):
            return
        if self.figures and P.PART_OF_WHOM.match(list_text):
            s.used.update(indices)  # "4 officers were wounded, 1 of whom seriously": a part of that figure
            return
        if self.figures and P.PART_OF.match(list_text) and (last := self.figures[-1]).category == category \
                and last.count >= s.quantities[indices[0]].value:
            s.used.update(indices)  # "18 officers were killed, two of them beheaded": the two are in the 18
            return
        # items whose number already fed a figure ("in addition to the three assailants, 22 people") drop out
        # a part after the first item ("10 people, 3 of them children") is already in it
        # and so is one that opens a longer list after an earlier figure ("5 killed, 3 of them children, and 20
        # injured": the 3 belong to the 5), unlike a lone one ("2 were wounded; one of them later died")
        found = list(P.ITEM_RE.finditer(list_text))
        items = [self._item(im.group(0), category) for n, im in enumerate(found)
                 if not any(i in s.used for i in s.indices(im.group(0)))
                 and not ((n or (self.figures and len(found) > 1)) and P.PART_OF.match(im.group(0)))]
        before = s.masked[max(0, m.start("list") - 12):m.start("list")]
        items = _without_appositions([it for it in items if it is not None], list_text, before)
        if not items or _lone_name(items, m):
            return
        incl = " ".join(x for x in (m.groupdict().get("incl"), m.groupdict().get("paren"), trailing) if x)
        incl_indices = s.indices(incl)
        s.used.update(indices)
        s.used.update(incl_indices)
        words = s.unmask(s.masked[m.start():m.end()])
        if category == "damaged":
            for q, group, _role, item_text in items:
                if group is not None:
                    self._add(category, [q], group, "victim", s.unmask(item_text) + " " + _verb_words(m, s),
                              object_group=True)
            return
        victims = [it for it in items if it[2] == "victim" and force_role is None and it[1] != "__object__"]
        perps = [it for it in items if it[2] == "perpetrator" or force_role == "perpetrator"]
        subtract = self.perpetrators_in(incl, category)
        # a part of the counted people that were attackers: "37 people, 2 of them assailants, were killed"
        subtract += sum(it[0].value for n, im in enumerate(P.ITEM_RE.finditer(list_text))
                        if n and P.PART_OF.match(im.group(0))
                        and (it := self._item(im.group(0), category)) and it[2] == "perpetrator")
        if len(victims) > 2 and victims[0][0].value == sum(it[0].value for it in victims[1:]):
            victims = victims[:1]  # an apposition: "40 people, 6 soldiers and 34 civilians, were killed"
        if victims:
            self._add(category, [it[0] for it in victims], _join(it[1] for it in victims), "victim", words,
                      minus=subtract)
        if perps:
            self._add(category, [it[0] for it in perps], _join(it[1] for it in perps), "perpetrator", words)

    def perpetrators_in(self, incl: str, category: str) -> int:
        """How many of the people an 'including ...' part names are attackers ("including the two assailants",
        "of whom 2 were the attackers", "including the bomber"; "including the gunmen" by the text's count)."""
        subtract = 0
        for part in P.PART_WERE_RE.finditer(incl):  # the number first, what they were after "were"
            if self._role(self.s.unmask(part.group("np"))) == "perpetrator":
                subtract += self.s.quantities[int(P.Q_TOKEN.search(part.group(0)).group(1))].value
        incl = P.PART_WERE_RE.sub(" ", incl)
        for im in P.ITEM_RE.finditer(incl):
            it = self._item(im.group(0), category)
            if it and it[2] == "perpetrator":
                subtract += it[0].value
        if not self.s.indices(incl):
            if P.ONE_ATTACKER.search(incl):
                subtract = max(subtract, 1)
            elif (plural := P.THE_ATTACKERS.search(incl)) and self._role(plural.group("noun")) == "perpetrator":
                subtract = max(subtract, self.agents.size(plural.group("noun")))
        return subtract

    def _item(self, item_text: str, category: str):
        """(quantity, group, role, text) for one counted noun phrase, or None when it is not a count."""
        low = item_text.lower().strip()
        if P.NAME_RE.match(item_text.strip()):
            item = _name_item(self.s.unmask(item_text), item_text, category)
            if item and item[0].text.split()[-1] in self.agents.named:
                return item[:2] + ("perpetrator",) + item[3:]  # "a man named Abdul Artan ... Artan was killed"
            return item
        if low in ("himself", "herself", "themselves"):
            return (Quantity(1, 1, 1, None, low), None, "perpetrator", item_text)
        possessive = re.match(rf"(his|her|their|its|the)\s+(?!{P.Q})(.*)$", item_text, re.I | re.S)
        if possessive:
            np = self.s.unmask(possessive.group(2))
            if _plural(np) or P.NOT_A_COUNT_HEAD.search(np):
                return None
            if possessive.group(1).lower() == "the" and not P.PERSON_HEAD.search(np):
                return None
            q, np_text = Quantity(1, 1, 1, None, item_text.split()[0], article=True), np
        else:
            m = P.ITEM_OF.match(item_text.strip())
            if not m:
                return None
            q = self.s.quantities[int(P.Q_TOKEN.match(m.group("q")).group(1))]
            np_text = self.s.unmask(m.group("np") or "")
            if m.group("q2"):
                self.s.used.add(int(P.Q_TOKEN.match(m.group("q2")).group(1)))
            if q.article and (not np_text or _plural(np_text)):
                return None
            if m.group("prefix"):
                q = Quantity(q.value, q.low, q.high, q.qualifier, m.group("prefix") + q.text, q.start, q.end,
                             q.vague, q.article)
        if np_text and (P.NOT_A_COUNT_HEAD.search(np_text) or P.NOT_A_COUNT_HEAD.search(_head(np_text))):
            return None
        is_object = bool(P.OBJECTS.search(_head(np_text))) if np_text else False  # "village chief" is a person
        if category == "damaged":
            return (q, _object_group(np_text) if is_object else None, "victim", item_text)
        if is_object:
            return (q, "__object__", "victim", item_text)
        role = self._role(np_text) if category in ("killed", "injured", "missing") else "victim"
        if not np_text and q.text.lower().split()[-1] in ("another", "other") and self.figures:
            role = self.figures[-1].role  # "one of the assailants was shot dead and the other was wounded"
        return (q, _group(np_text), role, item_text)

    def _role(self, np_text: str) -> str:
        if P.ALWAYS_PERPETRATORS.search(np_text):
            return "perpetrator"
        if P.ATTACKER_NOUNS.search(np_text) and not self.agents.clash:
            return "perpetrator"
        m = P.PERPETRATOR_NOUNS.search(np_text)
        if m and _stem(m.group(0).split()[-1]) in self.agents.attackers:
            return "perpetrator"
        return "victim"

    def _add(self, category, quantities, group, role, words, minus=0, object_group=False):
        count = sum(q.value for q in quantities)
        low = sum(q.low for q in quantities)
        high = None if any(q.high is None for q in quantities) else sum(q.high for q in quantities)
        qualifier = next((q.qualifier for q in quantities if q.qualifier), None)
        if minus and count > minus:
            count, low = count - minus, low - minus
            high = high - minus if high is not None else None
        vague = all(q.vague for q in quantities)
        text = words if not vague else words
        self.figures.append(Figure(category=category, count=count, low=low, high=high, qualifier=qualifier,
                                   group=group, claimant=self.claimant, scope=self.scope, article=self.article,
                                   sentence=self.s.text, role=role, period=self.period, text=text,
                                   rule=f"{category}.{self.rule}"))


def _verb_words(m: re.Match, s: _Sentence) -> str:
    try:
        return s.unmask(m.group("verb"))
    except IndexError:
        return ""


def _named(list_text: str) -> bool:
    return any(P.NAME_RE.match(im.group(0).strip()) for im in P.ITEM_RE.finditer(list_text))


def _name_item(name: str, item_text: str, category: str):
    """One person named ("Noor and his guard were killed"), unless the words are a group, an object, a place
    word or a plural ("Police", "Villagers", "Islamic State militants" are not names)."""
    if category not in ("killed", "injured", "abducted", "missing", "detained"):
        return None
    last = name.split()[-1]
    if (P.GROUPS_ANY.search(name) or P.PERSON_HEAD.search(name) or P.PERPETRATOR_NOUNS.search(name)
            or P.OBJECTS.search(name) or P.NOT_A_COUNT_HEAD.search(name)
            or (last.endswith("s") and not last.endswith("ss"))):
        return None
    return (Quantity(1, 1, 1, None, name, article=True), "people", "victim", item_text)


def _is_name(item) -> bool:
    return bool(P.NAME_RE.match(item[3].strip()))


def _without_appositions(items: list, list_text: str, before: str) -> list:
    """"Ahmed Yusuf, a local councilor," is one person: a name next to "a"/"an" + noun, after a comma.

    A name joins a list only with "and" ("Noor and his guard"); after a comma or a preposition it is a place
    ("in Helmand, at least 34 people"; "in Turkey and 3 bystanders")."""
    if len(items) > 1 and items[0][0].article and not _is_name(items[0]) and re.search(
            r"\b(?:of|in|at|on|from|near|into|during|after|before)\s*$", before, re.I):
        items = items[1:]  # "in a continuation of an ongoing event, 12 hostages": the event is no victim
    if items and _is_name(items[0]) and re.search(r"\b(?:in|at|on|of|from|near|to|into|outside|inside|across|"
                                                  r"around|toward|towards)\s*$", before, re.I):
        items = items[1:]
    names_ok = {id(it) for i, it in enumerate(items) if _is_name(it) and (
        len(items) == 1 or any(_joined_by_and(list_text, items[j][3], it[3]) for j in (i - 1, i + 1)
                               if 0 <= j < len(items)))}
    items = [it for it in items if not _is_name(it) or id(it) in names_ok or _apposed(items, it, list_text)]
    out = []
    for it in items:
        prev = out[-1] if out else None
        if prev and it is items[-1] and len(items) == 2 and it[0].text.lower() in ("a", "an") and re.search(
                re.escape(prev[3].strip()) + r"\s*,\s*" + re.escape(it[3].strip()) + r"\s*$", list_text):
            continue  # "killing its owner, a prominent lawyer": two items with no "and" are one person
        if prev and it[0].text.lower() == "both" and re.search(r",\s*" + re.escape(it[3].strip()), list_text):
            continue  # "2 elderly victims, both pensioners,": the same two people
        if prev and (_is_name(prev) and it[0].article and it[0].text.lower() in ("a", "an")
                     or _is_name(it) and prev[0].article and prev[0].text.lower() in ("a", "an")) \
                and re.search(re.escape(prev[3].strip()) + r"\s*,\s*" + re.escape(it[3].strip()), list_text):
            continue
        out.append(it)
    return out


def _joined_by_and(list_text: str, a: str, b: str) -> bool:
    first, second = sorted((a.strip(), b.strip()), key=list_text.find)
    return bool(re.search(re.escape(first) + r"\s*,?\s+(?:and|as\s+well\s+as|along\s+with)\s+"
                          + re.escape(second), list_text))


def _apposed(items: list, name, list_text: str) -> bool:
    return any(it is not name and it[0].text.lower() in ("a", "an") and (
        re.search(re.escape(name[3].strip()) + r"\s*,\s*" + re.escape(it[3].strip()), list_text)
        or re.search(re.escape(it[3].strip()) + r"\s*,\s*" + re.escape(name[3].strip()), list_text))
        for it in items)


def _lone_name(items: list, m: re.Match) -> bool:
    """A name alone counts after an active verb or before "was"; before "were" it is no person ("Borno were")."""
    if len(items) > 1 or not _is_name(items[0]):
        return False
    aux = m.groupdict().get("aux")
    return aux is not None and not re.search(r"\bwas\b", aux, re.I)


def _head(np: str) -> str:
    """The noun a phrase is about: its last word before any "of" ("village chief", "members of the family")."""
    words = re.split(r"\s+of\s+", np.strip(), maxsplit=1)[0].split()
    return words[-1] if words else ""


def _plural(np: str) -> bool:
    head = np.strip().split()[-1].lower() if np.strip() else ""
    return bool(P.PLURAL_IRREGULAR.search(np)) or (head.endswith("s") and not head.endswith("ss"))


def _group(np: str) -> str | None:
    if not np:
        return "people"
    for regex, name in P.GROUPS:
        if regex.search(np):
            return name
    return np.strip().split()[-1].lower()


def _object_group(np: str) -> str:
    return re.sub(r"\s+", " ", np.strip().lower())


def _join(groups) -> str | None:
    seen: list[str] = []
    for g in groups:
        if g and g not in seen and g != "__object__":
            seen.append(g)
    return " and ".join(seen) or None
