"""Casualty and damage figures, sentence by sentence: number, category, group, role, claimant, scope.

Each sentence is masked (every quantity replaced by a token, see patterns.py) and read with a handful of
structural patterns, most specific first; a quantity feeds at most one figure. A list of counted noun
phrases before one participle ("14 civilians and a police officer were killed") is one figure, summed;
damage lists keep one figure per object counted ("1,165 houses, 146 public buildings").

Who counts as a victim: combatants killed in a clash between armed parties are victims of the event; only the
perpetrators of a one-sided attack are left out (see `_agent_nouns` and patterns.ALWAYS_PERPETRATORS). People
stabbed or shot with no word of death are injured (reconcile takes out those reported dead). A person may be
counted by a pronoun ("another", "the other"), a definite noun ("the driver") or a name ("Noor and his guard").
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from briefing.models import Article, Figure
from briefing.text.numbers import Quantity, find_quantities
from briefing.text.sentences import split_sentences

from . import patterns as P
from .background import background_spans, clause_of, reference_year
from .asof import event_day, figure_day
from .claimants import is_claimant
from .place import figure_place
from .vague import is_vague

CATEGORIES = ("killed", "injured", "missing", "displaced", "detained", "abducted", "damaged")


def extract_figures(articles: Sequence[Article]) -> list[Figure]:
    """Every figure in every article, in document order; `article` is the index into `articles`."""
    out: list[Figure] = []
    for index, article in enumerate(articles):
        day = article.published or article.event_date
        out.extend(_located(f, day) for f in _article_figures(article.text, index, article.event_date, article.published))
    return out


def _located(f: Figure, published: str | None) -> Figure:
    """What later stages read instead of re-reading the sentence: the figure's span, the day it is "as of"
    (the day its sentence names, resolved against the article's date, else that date), its place, and a
    claimant that names someone (never a weekday, a date or the figure's own place)."""
    start = f.sentence.find(f.text) if f.text else -1
    place = figure_place(f.sentence, f.text)
    clause = clause_of(f.sentence, f.text)
    as_of = figure_day(clause, published)
    claimant = f.claimant if is_claimant(f.claimant, place) else None
    return replace(f, as_of=as_of, place=place, start=start, end=start + len(f.text) if start >= 0 else -1,
                   claimant=claimant, earlier=start >= 0 and _given_as_earlier(f.sentence, start, f.text),
                   event_day=event_day(clause, published))


_FIRST_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                           r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozens?|hundreds|thousands)\b", re.I)


def _given_as_earlier(sentence: str, start: int, words: str) -> bool:
    """'revised the toll down to 253, from the previous figure of 359': the words before the figure's number
    give it as a count that a newer one replaced."""
    number = _FIRST_NUMBER.search(words)
    at = start + (number.start() if number else 0)
    return bool(P.EARLIER_COUNT.search(sentence[max(0, at - 80):at]))


def _article_figures(text: str, index: int, *dates: str | None) -> list[Figure]:
    agents = _agent_nouns(text)
    ref_year, dated = reference_year(text, *dates)
    figures: list[Figure] = []
    last_claimant: str | None = None
    earlier: list[str] = []
    for sentence in split_sentences(text):
        claimant = _claimant(sentence)
        if claimant and claimant.lower() in P.PRONOUNS:
            claimant = last_claimant
        elif claimant:
            last_claimant = claimant
        found = _sentence_figures(sentence, index, claimant, agents)
        if not found:
            _attackers_among_earlier(sentence, figures, index, agents)
        if len(found) > 1:
            found = _with_clause_claimants(found, sentence)
        if found:
            spans = background_spans(sentence, ref_year, dated)
            spans += [(m.start(), len(sentence)) for m in P.RELATED_EVENTS.finditer(sentence)]
            found = _with_background(found, spans)
            # a toll over a whole area or year ("the number of people killed in the province this year") counts
            # other events too: context, not this story's toll (unlike "the death toll rose to 41 since May 2")
            found = [replace(f, scope="background") if _aggregate(f, clause_of(sentence, f.text)) else f for f in found]
        if earlier and not any(f.category == "killed" for f in found) and (back := _back_reference_match(sentence)):
            found += _back_reference(back, sentence, figures + found, earlier, index, claimant, agents)
        figures.extend(found)
        earlier.append(sentence)
    return figures


def _aggregate(f: Figure, clause: str) -> bool:
    """A toll of more than this story: over a whole area for a period ("killed in the province this year"; an
    area "so far" is the event's own widest count: "5,006 deaths across the country so far"), or a war's
    lifetime toll with no period and no recent day ("the war has killed more than 250,000")."""
    if f.scope == "cumulative" and f.period and not P.SO_FAR.search(f.period) and P.AGGREGATE_AREA.search(clause):
        return True
    if f.scope == "cumulative" and (P.AGGREGATE_PERIOD.search(clause) or P.SINCE_DECADES.search(clause)):
        return True
    return f.scope != "background" and not f.period and bool(P.CONFLICT_TOLL.search(clause)) \
        and bool(P.TOLL_SO_FAR.search(clause) or P.LONG_RUNNING.search(clause)) and not P.RECENT.search(clause) \
        and f.category in ("killed", "injured", "displaced")


def _back_reference_match(sentence: str) -> re.Match | None:
    """The words of a sentence that may refer back to people counted before (see _back_reference)."""
    m = P.BACK_REFERENCE.search(sentence)
    if m and not P.BACK_PASSIVE.search(m.group(0)):
        m = None  # "They killed a guard", "The kidnappers killed ...": the subject did the killing
    return m or P.BACK_BODIES.search(sentence) or P.BACK_OBJECT.search(sentence)


def _back_reference(m: re.Match, sentence: str, figures: list[Figure], earlier: list[str], index: int,
                    claimant: str | None, agents: _Sides) -> list[Figure]:
    """'Gunmen abducted three aid workers. The victims were later found dead': the dead are the people an earlier
    sentence counted. "the hostages" are the last people abducted; "the victims" the last people abducted, missing
    or hurt; "they" the people abducted or missing in the last figure; any other plural ("the engineers") the
    last count of that noun, figure or not ("a vehicle carrying two officials"). Attackers are never referred to.
    People hurt who are now dead leave the injured (the same people). `m` is _back_reference_match(sentence);
    `earlier` the sentences before, joined only when a count must be looked for in them (joining them for
    every sentence made a long article quadratic)."""
    groups = m.groupdict()
    noun = (groups.get("noun") or groups.get("noun2") or "").lower()
    mine = [f for f in figures if f.article == index and f.role == "victim" and f.scope != "background"
            and not is_vague(f)]  # "several were abducted. The victims were found dead": no count to repeat
    count, source = 0, None
    if groups.get("they"):
        if mine and mine[-1].category in ("abducted", "missing"):
            source = mine[-1]
    elif P.PERPETRATOR_NOUNS.search(noun) or P.ARMED_TARGET.fullmatch(noun) and agents.clash:
        return []  # "the gunmen were killed": attackers, or a side of a clash, not people counted before
    elif P.HOSTAGE_NOUNS.match(noun):
        wanted = ("detained",) if noun in ("prisoners", "detainees") else ("abducted",)
        source = next((f for f in reversed(mine) if f.category in wanted), None)
    elif noun == "victims":
        source = next((f for f in reversed(mine) if f.category in ("abducted", "missing", "injured")), None)
    elif noun:
        source = next((f for f in reversed(mine) if f.category in ("abducted", "missing", "injured")
                       and re.search(rf"\b{re.escape(noun)}\b", f.text, re.I)), None)
        if source is None:
            count = _last_count_of(noun, " ".join(earlier))
    if source is not None:
        count = source.count
        if source.category == "injured":
            figures[figures.index(source)] = replace(source, count=0, low=0, high=0)
    if count <= 0:
        return []
    words = m.group(0).strip(" ,;")
    return [Figure(category="killed", count=count, low=count, high=count, qualifier=None, group=_group(noun),
                   claimant=claimant, scope="incident", article=index, sentence=sentence, role="victim",
                   period=None, text=words, rule="killed.back_reference")]


def _last_count_of(noun: str, text: str) -> int:
    """The last precise count of `noun` in `text`: "a vehicle carrying two officials" -> 2 for "officials"."""
    count = 0
    followed = re.compile(rf"\s+(?:[\w-]+\s+){{0,3}}?{re.escape(noun)}\b", re.I)
    for q in find_quantities(text):
        if q.high == q.low == q.value and not q.vague and followed.match(text, q.end):  # no copy of the rest
            count = q.value
    return count


def _attackers_among_earlier(sentence: str, figures: list[Figure], index: int, agents: _Sides) -> None:
    """'The dead included the two assailants': attackers inside the last victim figure of that category come out
    of it, unless the article already counts attackers apart for that category."""
    m = P.ATTACKERS_AMONG.search(sentence)
    if not m:
        return
    cat = m.group("cat") or m.group("cat2") or m.group("cat3")
    who = m.group("who") or m.group("who2") or m.group("who3")
    category = "killed" if P.KILLED_WORD.fullmatch(cat) else "injured"
    same = [i for i, f in enumerate(figures) if f.category == category and f.scope != "background"]
    if not same or any(figures[i].role == "perpetrator" for i in same) or figures[same[-1]].role != "victim":
        return
    s = _Sentence(who)
    n = _Maker(s, index, None, "incident", None, agents).perpetrators_in(s.masked, category)
    last = figures[same[-1]]
    if 0 < n < last.count:
        high = last.high - n if last.high is not None else None
        figures[same[-1]] = replace(last, count=last.count - n, low=last.low - n, high=high)


def _with_background(figures: list[Figure], spans: list[tuple[int, int]]) -> list[Figure]:
    """Figures whose words lie in a span about an earlier event get scope "background"."""
    if not spans:
        return figures
    out = []
    for f in figures:
        at = f.sentence.find(f.text) if f.text else -1
        if at >= 0 and any(a <= at < b for a, b in spans):
            f = replace(f, scope="background")
        out.append(f)
    return out


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


def _agent_nouns(text: str) -> _Sides:
    """Armed groups the text makes the attacking side of a one-sided attack: killed ones are perpetrators.

    "militants attacked a village" or "bandits killed 3 civilians" is one-sided; "militants attacked an army
    post", or a text that reports fighting ("clashed", "gun battle"), is a clash between armed parties and its
    dead on both sides are victims of the event. Gunmen and terrorists are the attacking side unless the event
    is a clash. Armed parties fought, too, when one was killed by the other ("9 militants were killed by troops";
    "militants attacked the town ... 1 soldier was killed"). The same rule holds for every text: an incident
    database's record and a conflict-event note are read alike (no convention is keyed on a format)."""
    clash = bool(P.CLASH.search(text) or P.FOUGHT_BACK.search(text))
    one_sided, unknown = set(), set()
    for m in P.SIDED_AGENT.finditer(text):
        target = m.group("target")
        civilian, armed = P.CIVILIAN_TARGET.search(target), P.ARMED_TARGET.search(target)
        if civilian and (not armed or civilian.start() < armed.start()):
            one_sided.add(_stem(m.group(1)))
        elif armed:
            clash = True
        elif re.search(r"\w", target):  # "4 AQAP militants killed." names no one they attacked: not agents
            unknown.add(_stem(m.group(1)))
    named = {(m.group("a") or m.group("b")).split()[-1] for m in P.NAMED_ATTACKER.finditer(text)}
    sizes = set()
    for m in P.ATTACKER_COUNT.finditer(text):
        q = find_quantities(m.group("n"))
        if len(q) == 1 and q[0].high == q[0].low == q[0].value and q[0].value > 1:
            sizes.add((_stem(m.group("noun")), q[0].value))
    # "Gunmen shot ..." reads as a name to NAMED_ATTACKER: only a singular attacker makes "he" ambiguous
    lone = bool(P.ONE_ATTACKER.search(text) or any(not _common_noun(n) for n in named))
    return _Sides(frozenset(one_sided if clash else one_sided | unknown), clash, frozenset(named),
                  tuple(sorted(sizes)), lone)


def _common_noun(word: str) -> bool:
    """'Gunmen', 'Soldiers' at a sentence start: a group, not a person's name."""
    return any(r.fullmatch(word) for r in (P.PERPETRATOR_NOUNS, P.ARMED_TARGET, P.CIVILIAN_TARGET, P.GROUPS_ANY))


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


# Words that BLEW_UP and LOST_PASSIVE cannot match without: looked for first, as those patterns, which start
# with a list, are tried at every position of the sentence (same results, a long article read faster)
_BLEW = re.compile(r"\s(?:blew|blowing|blown)\s", re.I)
_LOST = re.compile(r"\slost\b", re.I)


def _sentence_figures(text: str, index: int, claimant: str | None, agents: _Sides) -> list[Figure]:
    if not P.TRIGGER.search(text):
        return []
    s = _Sentence(text)
    period_m = P.PERIOD.search(text)
    period = period_m.group(0) if period_m else None
    scope = "cumulative" if period or P.CUMULATIVE_CUE.search(text) else "incident"
    make = _Maker(s, index, claimant, scope, period, agents)

    make.rule = "in_addition"
    for regex, category in ((P.IN_ADDITION, None),):
        for m in regex.finditer(s.masked):
            rest = s.masked[m.end():]
            verb = P.PASSIVE.search(rest)
            if verb:
                cat = next(c for c in CATEGORIES if verb.group(c))
                make.from_list(m, cat, force_role="perpetrator")
    make.rule = "death_toll"
    for m in P.DEATH_TOLL.finditer(s.masked):
        if not _hedged(s.masked, m.start()):
            make.from_list(m, "killed")
    make.rule = "number_of"
    for m in P.NUMBER_OF.finditer(s.masked):  # "bringing the number held since the election to 6,700"
        if not _hedged(s.masked, m.start()):
            make.from_list(m, next(c for c in CATEGORIES if m.groupdict().get(c)))
    # "stabbed 2 commuters to death", "shot the driver dead": before the passive and active readings of "shot"
    for regex, make.rule in ((P.TO_DEATH, "to_death"), (P.SHOT_DEAD, "shot_dead"), (P.DIED_OF_INJURED, "died_of_injured"),
                             (P.CLAIMED_LIVES, "claimed_lives"), (P.HIT_THEN_KILLED, "hit_then_killed")):
        for m in regex.finditer(s.masked):
            if not _hedged(s.masked, m.start()):
                make.from_list(m, "killed")
                if regex is P.DIED_OF_INJURED:
                    s.used.update(s.indices(m.group(0)))  # "1 of 4 children injured": the 4 is counted elsewhere
    # before the passive reading, which would take "two passengers, and three soldiers" as one subject
    make.rule = "along_with"
    for m in P.ALONG_WITH.finditer(s.masked):
        verb = P.ALONG_WITH_VERB.search(s.masked, max(0, m.start() - 60), m.start())
        if verb and not _hedged(s.masked, verb.start()):
            make.from_list(m, next(c for c in CATEGORIES if verb.group(c)))
    pos = 0
    make.rule = "passive"
    while (m := P.PASSIVE.search(s.masked, pos)) is not None:
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
    for regex, make.rule in ((P.ACTIVE, "active"), (P.LEAVING, "leaving")):
        for m in regex.finditer(s.masked):
            if _hedged(s.masked, m.start()):
                continue
            category = next(c for c in CATEGORIES if c in m.groupdict() and m.group(c))
            before = len(make.figures)
            make.from_list(m, category)
            _coordinated(s, m, category, make.figures, before)
    make.rule = "elliptic"
    for e in P.ELLIPTIC.finditer(s.masked):
        if (m := P.ELLIPTIC_TAIL.match(s.masked, e.start("tail"))) and not _hedged(s.masked, e.start()):
            make.from_list(m, "killed" if e.group("killed") else "injured")
    make.rule = "blew_up"
    for m in P.BLEW_UP.finditer(s.masked) if _BLEW.search(s.masked) else ():
        if not _hedged(s.masked, m.start()):
            make.from_list(m, "killed", force_role="perpetrator")
    make.rule = "inverted"
    for m in P.INVERTED.finditer(s.masked):
        make.from_list(m, "killed" if m.group("killed") else "injured")
    for regex, make.rule in ((P.LOST, "lost"), (P.LOST_PASSIVE, "lost_passive")):
        for m in regex.finditer(s.masked) if regex is P.LOST or _LOST.search(s.masked) else ():
            if s.indices(m.group("list")) and _counts_people(s.unmask(m.group("list"))) \
                    and not _hedged(s.masked, m.start()):
                make.from_list(m, "killed")
    for regex, category, make.rule in ((P.BODIES, "killed", "bodies"), (P.BODY_OF_ONE, "killed", "body_of_one"),
                                       (P.BODIES_FOUND, "killed", "bodies_found")):
        for m in regex.finditer(s.masked):
            if not _hedged(s.masked, m.start()):
                make.from_list(m, category)
    if not any(f.category == "killed" for f in make.figures) and (m := P.BEFORE_BEING_KILLED.search(text)):
        # "an assailant stabbed two officers before being shot dead": the subject dies, attacker or not
        subject = text[:m.start()]
        make.rule = "before_being_killed"
        role = "perpetrator" if P.ALWAYS_PERPETRATORS.search(subject) or P.ATTACKER_NOUNS.search(subject) \
            else "victim"
        make._add("killed", [Quantity(1, 1, 1, None, "being")], None, role, m.group(0))
    if not agents.lone_attacker and not any(f.category == "killed" for f in make.figures) \
            and (m := P.PRONOUN_DIED.search(s.masked)):
        # "Gunmen shot a headman. He died of his wounds": the one person the text spoke of; when the text also
        # speaks of a single attacker, "he" may be that attacker and counts for nothing
        words = s.unmask(s.masked[m.start("who"):m.end()])
        make.rule = "pronoun_died"
        make._add("killed", [Quantity(1, 1, 1, None, m.group("who"))], None, "victim", words)
    make.rule = "death_of"
    for m in P.DEATH_OF.finditer(s.masked):
        if not _hedged(s.masked, m.start()):
            make.from_list(m, "killed" if m.group("killed") else "injured")
    if not any(f.category == "injured" for f in make.figures):
        make.rule = "casualties_split"
        for m in P.CASUALTIES_SPLIT.finditer(s.masked):
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
    make.rule = "coded_as"
    for m in P.CODED_AS.finditer(s.masked):
        make.from_list(m, "injured" if m.group("injured") else "killed")  # "(coded as 10)" codes fatalities
    make.rule = "coded"
    for m in P.CODED.finditer(s.masked):
        make.from_list(m, "killed" if m.group("killed") else "injured")
    make.rule = "nominal"
    for m in P.NOMINAL.finditer(s.masked):
        if not _hedged(s.masked, m.start()):
            make.from_list(m, "killed" if m.group("killed") else "injured")
    make.rule = "zero"
    if not make.figures:
        for regex, categories in P.ZERO:
            m = regex.search(text)
            if m and not _hedged(text, m.start()):
                for category in categories:
                    make.zero(category, m.group(0))
    if not any(f.category == "killed" and f.count == 0 for f in make.figures):
        make.rule = "zero_group"
        for m in P.ZERO_GROUP.finditer(text):  # a zero for one side, beside figures for the other
            if not _hedged(text, m.start()) and not P.NOT_A_GROUP_ZERO.match(m.group("np") or ""):
                make.zero("killed", m.group(0), _group(m.group("np")) if m.group("np") else None)
    return make.figures


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


_CHUNK_END = re.compile(r"[,;]\s|\s(?:while|whereas|but)\s", re.I)


def _with_clause_claimants(figures: list[Figure], sentence: str) -> list[Figure]:
    """'Local media said 7 were killed, officials said 4': each figure gets the claimant of its own clause,
    else the nearest one before it, else the nearest after it."""
    claims = []
    m = P.CLAIM_ACCORDING.search(sentence)
    if m:
        claims.append((m.start(), m.group("c").strip()))
    for regex in (P.CLAIM_SUBJECT, P.CLAIM_AFTER):
        claims += [(x.start(), x.group("c").strip()) for x in regex.finditer(sentence)
                   if not P.NOT_CLAIMANTS.match(x.group("c").strip())]
    claims += [(x.start("c"), x.group("c").strip()) for x in P.CLAIM_WHILE.finditer(sentence)
               if not P.NOT_CLAIMANTS.match(x.group("c").strip()) and not any(x.start("c") <= pos < x.end("c") for pos, _ in claims)]
    if len({c.lower() for _, c in claims if c.lower() not in P.PRONOUNS}) < 2:
        return figures
    claims.sort()
    bounds = [0] + [x.end() for x in _CHUNK_END.finditer(sentence)] + [len(sentence) + 1]

    def chunk(pos: int) -> int:
        return next(i for i, b in enumerate(bounds[1:]) if pos < b)

    out = []
    for f in figures:
        at = sentence.find(f.text) if f.text else -1
        if at < 0:
            out.append(f)
            continue
        same = [c for pos, c in claims if chunk(pos) == chunk(at)]
        before = [c for pos, c in claims if pos < at]
        after = [c for pos, c in claims if pos > at]
        who = (same or before[-1:] or after[:1])[0]
        out.append(f if who.lower() in P.PRONOUNS else replace(f, claimant=who))
    return out


def _claimant(sentence: str) -> str | None:
    m = P.CLAIM_ACCORDING.search(sentence)
    if m:
        return m.group("c").strip()
    for regex in (P.CLAIM_SUBJECT, P.CLAIM_AFTER):
        found = [x.group("c").strip() for x in regex.finditer(sentence)]
        found = [c for c in found if not P.NOT_CLAIMANTS.match(c)]
        if found:
            return found[0]
    return None
