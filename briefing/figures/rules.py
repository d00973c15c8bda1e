"""The extraction rules, in the order they are tried: one table, each rule with a stable id.

A sentence is read by every rule of `RULES` in turn, on the masked sentence (see reader.py). Order matters: a
quantity feeds at most one figure, so a rule reads only the numbers the rules before it left; the specific
readings come first ("stabbed 2 commuters to death" before the passive reading of "stabbed", a death toll
before a bare "killed"), the catch-alls ("9 deaths", a reported zero) last.

Each rule has
- `name`: the stable part of its id; a figure it makes records `"<category>.<name>"` (`Figure.rule`, "rule"
  in the JSON), e.g. `killed.passive`, `injured.active`, `killed.death_toll`. Ids are never renamed (outside
  programs read them); a new rule gets a new name;
- `categories`: the categories its figures can have (its ids are `<category>.<name>` for each);
- `pattern`: the name of its pattern in patterns.py (looked up when it runs, so a test can replace it);
- `requires`: optionally, the name of a cheap pattern the masked sentence must match before `pattern` is tried
  (for patterns that start with a list and would be tried at every position of a long sentence);
- `read`: the handler that turns its matches into figures (`read(rule, make)`, `make` a reader._Maker);
- `example`: a sentence it reads (tests/test_figures_rules.py checks that it does);
- `reason`: why it exists, in one line.

To add a rule: write its pattern in patterns.py (words in the shared lists of words.py), a handler here (most
rules reuse `_list_as(...)`), an entry in `RULES` at the place its order needs, and cases in
tests/figures_cases.py; then run scripts/mutate_rules.py. Two rules read whole articles, not one sentence, and
live in extract.py: `killed.back_reference` ("The victims were later found dead") and the removal of attackers
named among people counted before ("The dead included the two assailants").
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from briefing.text.numbers import Quantity

from . import patterns as P
from .reader import (CATEGORIES, _agent_reading, _coordinated, _counts_people, _group, _hedged, _Maker,
                     _passive_restart)

ALL = CATEGORIES
KILLED = ("killed",)
KILLED_INJURED = ("killed", "injured")


@dataclass(frozen=True)
class Rule:
    name: str
    categories: tuple[str, ...]
    pattern: str | None
    read: Callable[[Rule, _Maker], None]
    example: str
    reason: str
    requires: str | None = None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(f"{c}.{self.name}" for c in self.categories)

    @property
    def regex(self) -> re.Pattern:
        return getattr(P, self.pattern)

    def applies(self, masked: str) -> bool:
        return self.requires is None or bool(getattr(P, self.requires).search(masked))


# ---- handlers -------------------------------------------------------------------------------------------

def _list_as(category: str | None = None, hedge: bool = True, used: bool = False):
    """The common handler: each match's list is one figure. `category` fixed, or read from the match (the
    group "killed" or "injured" that matched: "9 deaths" / "12 injuries"); `hedge`: skip a match after a hedge
    or negation ("could have killed"); `used`: the numbers of the whole match are used up."""
    def read(rule: Rule, make: _Maker) -> None:
        s = make.s
        for m in rule.regex.finditer(s.masked):
            if hedge and _hedged(s.masked, m.start()):
                continue
            cat = category or ("killed" if m.group("killed") else "injured")
            make.from_list(m, cat)
            if used:
                s.used.update(s.indices(m.group(0)))  # "1 of 4 children injured": the 4 is counted elsewhere
    return read


def _coded_as(rule: Rule, make: _Maker) -> None:
    for m in rule.regex.finditer(make.s.masked):
        make.from_list(m, "injured" if m.group("injured") else "killed")  # "(coded as 10)" codes fatalities


def _in_addition(rule: Rule, make: _Maker) -> None:
    s = make.s
    for m in rule.regex.finditer(s.masked):
        rest = s.masked[m.end():]
        verb = P.PASSIVE.search(rest)
        if verb:
            cat = next(c for c in CATEGORIES if verb.group(c))
            make.from_list(m, cat, force_role="perpetrator")


def _number_of(rule: Rule, make: _Maker) -> None:
    s = make.s
    for m in rule.regex.finditer(s.masked):  # "bringing the number held since the election to 6,700"
        if not _hedged(s.masked, m.start()):
            make.from_list(m, next(c for c in CATEGORIES if m.groupdict().get(c)))


def _along_with(rule: Rule, make: _Maker) -> None:
    s = make.s
    for m in rule.regex.finditer(s.masked):
        verb = P.ALONG_WITH_VERB.search(s.masked, max(0, m.start() - 60), m.start())
        if verb and not _hedged(s.masked, verb.start()):
            make.from_list(m, next(c for c in CATEGORIES if verb.group(c)))


def _passive(rule: Rule, make: _Maker) -> None:
    s = make.s
    pos = 0
    while (m := rule.regex.search(s.masked, pos)) is not None:
        pos = m.end()
        if P.AFTER_ACTIVE.search(s.masked[max(0, m.start() - 60):m.start()]):
            # the first item is an active verb's object: the passive subject starts after a separator
            pos = _passive_restart(s.masked, m)
            continue
        category = next(c for c in CATEGORIES if m.group(c))
        if category == "injured" and P.FATALLY.search(m.group("aux")):
            category = "killed"  # "was fatally stabbed", "were mortally wounded"
        if m.group("aux").strip() and P.OBJECT_OF_PARTICIPLE.search(s.masked, 0, m.start("list")):
            pos = m.start("list") + 1  # "wearing a fake explosive belt, was shot dead": the belt is no victim
            continue
        if m.group("clause") and not P.FINITE_AUX.search(m.group("aux")) and (
                not m.group("aux").strip() or P.PARTICIPLE_CLAUSE.match(m.group("clause"))):
            pos = m.end("list")  # a clause needs "were" after it: "a station in X making 10 injured" is not one
            continue
        if (not P.FINITE_AUX.search(m.group("aux")) and category != "damaged" and _agent_reading(s.masked, m)
                or not m.group("aux").strip() and P.HIT_ONLY.fullmatch(m.group("verb"))):
            continue  # "a gunman killed 3 people", "a man stabbed and ran over ...": the agent, not victims
        if P.EXCLUDED.search(s.masked, max(0, m.start("list") - 30), m.start("list")):
            # "45 were killed, not including the three assailants, and 239 others were wounded": the people left
            # out of the last figure are no subject; the next one starts after them
            pos = _passive_restart(s.masked, m)
            continue
        if _hedged(s.masked, m.start("list")):
            continue
        if category == "killed" and P.KILLED_OR_INJURED.match(s.masked, m.end("verb")):
            category = "injured"  # "10 were killed or injured": casualties, no death count (see _coordinated)
        # ", including six children," after the participle is part of the figure; attackers in it are taken out
        trailing = P.TRAILING_INCL.match(s.masked, m.end())
        part = P.OF_WHOM_SUBJECT.search(s.masked, m.start("incl"), m.end("incl")) if m.group("incl") else None
        if part and not m.group("clause"):
            # "The caseload is nearly 162,000, of whom 7,844 have died": the verb's subject is the part after
            # "of whom"; the whole before it (cases, passengers, residents) is no casualty count
            make.from_list(part, category)
            s.used.update(s.indices(m.group("list") + m.group("incl")))
            continue
        make.from_list(m, category, trailing=trailing.group(0) if trailing else "")
        s.used.update(s.indices(m.group("clause") or ""))  # "collecting their salaries at a base": no count
        s.used.update(s.indices(m.group("paren") or ""))  # "(four being civilians)": a part, already in it
        if trailing:
            s.used.update(s.indices(trailing.group(0)))


def _active(rule: Rule, make: _Maker) -> None:
    s = make.s
    for m in rule.regex.finditer(s.masked):
        if _hedged(s.masked, m.start()):
            continue
        category = next(c for c in CATEGORIES if c in m.groupdict() and m.group(c))
        before = len(make.figures)
        make.from_list(m, category)
        _coordinated(s, m, category, make.figures, before)


def _elliptic(rule: Rule, make: _Maker) -> None:
    s = make.s
    for e in rule.regex.finditer(s.masked):
        if (m := P.ELLIPTIC_TAIL.match(s.masked, e.start("tail"))) and not _hedged(s.masked, e.start()):
            make.from_list(m, "killed" if e.group("killed") else "injured")


def _blew_up(rule: Rule, make: _Maker) -> None:
    s = make.s
    for m in rule.regex.finditer(s.masked):
        if not _hedged(s.masked, m.start()):
            make.from_list(m, "killed", force_role="perpetrator")


def _lost(rule: Rule, make: _Maker) -> None:
    s = make.s
    for m in rule.regex.finditer(s.masked):
        if s.indices(m.group("list")) and _counts_people(s.unmask(m.group("list"))) \
                and not _hedged(s.masked, m.start()):
            make.from_list(m, "killed")


def _before_being_killed(rule: Rule, make: _Maker) -> None:
    text = make.s.text
    if not any(f.category == "killed" for f in make.figures) and (m := rule.regex.search(text)):
        # "an assailant stabbed two officers before being shot dead": the subject dies, attacker or not
        subject = text[:m.start()]
        role = "perpetrator" if P.ALWAYS_PERPETRATORS.search(subject) or P.ATTACKER_NOUNS.search(subject) \
            else "victim"
        make._add("killed", [Quantity(1, 1, 1, None, "being")], None, role, m.group(0))


def _pronoun_died(rule: Rule, make: _Maker) -> None:
    s = make.s
    if not make.agents.lone_attacker and not any(f.category == "killed" for f in make.figures) \
            and (m := rule.regex.search(s.masked)):
        # "Gunmen shot a headman. He died of his wounds": the one person the text spoke of; when the text also
        # speaks of a single attacker, "he" may be that attacker and counts for nothing
        words = s.unmask(s.masked[m.start("who"):m.end()])
        make._add("killed", [Quantity(1, 1, 1, None, m.group("who"))], None, "victim", words)


def _casualties_split(rule: Rule, make: _Maker) -> None:
    s = make.s
    if any(f.category == "injured" for f in make.figures):
        return
    for m in rule.regex.finditer(s.masked):
        dead_group = "dead2" if m.group("dead2") else "dead"
        whole_index, dead_index = (int(P.Q_TOKEN.match(m.group(g)).group(1)) for g in ("all", dead_group))
        whole, dead = s.quantities[whole_index], s.quantities[dead_index]
        if dead.value < whole.value == whole.low == whole.high and not whole.vague:
            if dead_index not in s.used:  # "9 casualties, 3 of them fatal"
                make._add("killed", [dead], None, "victim",
                          s.unmask(m.group(dead_group) + s.masked[m.end(dead_group):m.end()]))
                s.used.add(dead_index)
            hurt = whole.value - dead.value
            make._add("injured", [Quantity(hurt, hurt, hurt, None, str(hurt))], None, "victim",
                      s.unmask(m.group(0)))


def _zero(rule: Rule, make: _Maker) -> None:
    text = make.s.text
    if make.figures:
        return
    for regex, categories in rule.regex:
        m = regex.search(text)
        if m and not _hedged(text, m.start()):
            for category in categories:
                make.zero(category, m.group(0))


def _zero_group(rule: Rule, make: _Maker) -> None:
    text = make.s.text
    if any(f.category == "killed" and f.count == 0 for f in make.figures):
        return
    for m in rule.regex.finditer(text):  # a zero for one side, beside figures for the other
        if not _hedged(text, m.start()) and not P.NOT_A_GROUP_ZERO.match(m.group("np") or ""):
            make.zero("killed", m.group(0), _group(m.group("np")) if m.group("np") else None)


# ---- the table ------------------------------------------------------------------------------------------

RULES: tuple[Rule, ...] = (
    Rule("in_addition", ALL, "IN_ADDITION", _in_addition,
         "In addition to the three assailants, 22 people were killed.",
         "people named apart from the victims before the passive subject are the attackers"),
    Rule("death_toll", KILLED, "DEATH_TOLL", _list_as("killed"),
         "The death toll rose to 41 on Friday.",
         "a toll is the whole count of the dead, whatever verb gives it"),
    Rule("number_of", ("detained", "injured", "missing", "displaced"), "NUMBER_OF", _number_of,
         "The number of injured rose to 2,401.",
         "a toll of another category than the dead"),
    # "stabbed 2 commuters to death", "shot the driver dead": before the passive and active readings of "shot"
    Rule("to_death", KILLED, "TO_DEATH", _list_as("killed"),
         "A man stabbed 2 commuters to death at the station.",
         "the object of a verb + 'to death' died (not injured, as 'stabbed' alone reads)"),
    Rule("shot_dead", KILLED, "SHOT_DEAD", _list_as("killed"),
         "Police shot 2 suspects dead at the checkpoint.",
         "'shot X dead' kills X (the object between the verb and 'dead')"),
    Rule("died_of_injured", KILLED, "DIED_OF_INJURED", _list_as("killed", used=True),
         "One of the injured died of his injuries on Monday.",
         "people counted as hurt who then died: one more death, not a new count of the injured"),
    Rule("claimed_lives", KILLED, "CLAIMED_LIVES", _list_as("killed"),
         "The bombing claimed 11 villagers' lives and wounded 4 more.",
         "'claimed the lives of' with the people before 'lives'"),
    Rule("hit_then_killed", KILLED, "HIT_THEN_KILLED", _list_as("killed"),
         "He stabbed a student in the corridor and killed her.",
         "the person hit is the one killed ('stabbed X ... and killed her')"),
    # before the passive reading, which would take "two passengers, and three soldiers" as one subject
    Rule("along_with", ALL, "ALONG_WITH", _along_with,
         "The leader was killed along with two of his guards.",
         "people after 'along with' share the verb of the subject before"),
    Rule("passive", ALL, "PASSIVE", _passive,
         "35 people were killed and 2 were injured.",
         "the main reading: a list of counted people, then what happened to them"),
    Rule("active", ("killed", "injured", "displaced", "detained", "abducted", "damaged"), "ACTIVE", _active,
         "Gunmen stormed the bus station, killing at least 12 passengers.",
         "an active verb with the victims as its object"),
    Rule("leaving", ("killed", "injured", "displaced", "missing"), "LEAVING", _active,
         "The clashes left 200 families homeless.",
         "'leaving X dead', 'left X homeless': the state after the object"),
    Rule("elliptic", KILLED_INJURED, "ELLIPTIC", _elliptic,
         "5 soldiers were killed in Gubio and 3 in Damasak.",
         "a second number whose verb is left out"),
    Rule("blew_up", KILLED, "BLEW_UP", _blew_up, "Two militants blew themselves up at the gate.",
         "attackers who blew themselves up died (perpetrators)", requires="BLEW_WORD"),
    Rule("inverted", KILLED_INJURED, "INVERTED", _list_as(hedge=False),
         "Killed in the attack were a district commissioner, his deputy and a driver.",
         "the participle first, the people after 'were'"),
    Rule("lost", KILLED, "LOST", _lost, "The army lost 7 soldiers in the ambush.",
         "a side's losses of people ('lost 7 soldiers', not 'lost 3 vehicles')"),
    Rule("lost_passive", KILLED, "LOST_PASSIVE", _lost, "Seven soldiers were lost in the fighting.",
         "people 'lost' in fighting died", requires="LOST_WORD"),
    Rule("bodies", KILLED, "BODIES", _list_as("killed"), "The bodies of 4 herders were found near the well.",
         "the bodies of people are deaths"),
    Rule("body_of_one", KILLED, "BODY_OF_ONE", _list_as("killed"), "The journalist's body was found on Sunday.",
         "one person named before 'body'"),
    Rule("bodies_found", KILLED, "BODIES_FOUND", _list_as("killed"), "Two more bodies were recovered on Monday.",
         "a count of bodies found"),
    Rule("before_being_killed", KILLED, "BEFORE_BEING_KILLED", _before_being_killed,
         "An assailant stabbed two officers before being shot dead.",
         "the subject of the sentence dies, attacker or not (read on the unmasked sentence)"),
    Rule("pronoun_died", KILLED, "PRONOUN_DIED", _pronoun_died,
         "Gunmen shot a village headman. He died of his wounds in hospital.",
         "'he'/'she' at a clause start is the one person the text spoke of"),
    Rule("death_of", KILLED_INJURED, "DEATH_OF", _list_as(),
         "The attack resulted in the deaths of 6 people and the wounding of 10 others.",
         "a noun of the act with 'of' and the people"),
    Rule("casualties_split", KILLED_INJURED, "CASUALTIES_SPLIT", _casualties_split,
         "The blast caused 14 casualties, including 3 killed.",
         "casualties with the dead named inside them: the rest are the injured"),
    Rule("coded_as", KILLED_INJURED, "CODED_AS", _coded_as,
         "Militants attacked a village, killing 3 civilians (coded as 2 fatalities).",
         "a note's own coding, which overrides its narrative"),
    Rule("coded", KILLED_INJURED, "CODED", _list_as(hedge=False), "Fatalities: 5",
         "a coded count: 'Fatalities: 5', 'Injuries - 3'"),
    Rule("nominal", KILLED_INJURED, "NOMINAL", _list_as(), "The bombing caused 27 deaths and 41 injuries.",
         "a number with a noun of death or injury ('nine deaths', '12 injuries')"),
    Rule("zero", KILLED_INJURED, "ZERO", _zero, "No casualties were reported after the shell hit.",
         "a reported zero, only when the sentence gives no other figure"),
    Rule("zero_group", KILLED, "ZERO_GROUP", _zero_group,
         "The army said no soldiers died and 6 militants were killed.",
         "a zero for one side beside figures for the other"),
)

RULE_IDS: frozenset[str] = frozenset(i for r in RULES for i in r.ids) | {"killed.back_reference"}
