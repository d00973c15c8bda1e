"""Casualty and damage figures, sentence by sentence: number, category, group, role, claimant, scope.

Each sentence is masked (every quantity replaced by a token, see patterns.py and reader.py) and read by the
rules of the table in rules.py, most specific first; a quantity feeds at most one figure. A list of counted noun
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

from briefing.models import Article, Figure
from briefing.text.numbers import find_quantities
from briefing.text.sentences import split_sentences

from . import patterns as P
from .background import background_spans, clause_of, reference_year
from .asof import event_day, figure_day
from .claimants import is_claimant
from .place import figure_place
from .reader import CATEGORIES  # noqa: F401 (re-exported by briefing.figures)
from .reader import _Maker, _Sentence, _Sides, _group, _stem
from .rules import RULES
from .vague import is_vague



def extract_figures(articles: Sequence[Article]) -> list[Figure]:
    """Every figure in every article, in document order; `article` is the index into `articles`."""
    out: list[Figure] = []
    for index, article in enumerate(articles):
        day = article.published or article.event_date
        out.extend(_located(f, day) for f in _article_figures(article.text, index, article.event_date, article.published))
    return out


def _located(f: Figure, published: str | None) -> Figure:
    """What later stages read instead of re-reading the sentence (its span is set when it is read): the day
    it is "as of" (the day its sentence names, resolved against the article's date, else that date), its
    place, and a claimant that names someone (never a weekday, a date or the figure's own place)."""
    start = f.start
    place = figure_place(f.sentence, f.text)
    clause = clause_of(f.sentence, f.text)
    as_of = figure_day(clause, published)
    # "said the Interior Ministry." ends the sentence: the full stop is not part of the name
    claimant = f.claimant.strip().rstrip(".,;:") if f.claimant and is_claimant(f.claimant, place) else None
    return replace(f, as_of=as_of, place=place, claimant=claimant,
                   earlier=start >= 0 and _given_as_earlier(f.sentence, start, f.text, f.count),
                   event_day=event_day(clause, published))


def _given_as_earlier(sentence: str, start: int, words: str, count: int | None = None) -> bool:
    """'revised the toll down to 253, from the previous figure of 359': the words before the figure's number
    give it as a count that a newer one replaced. The number is the quantity of its words that says its count
    ("the toll at 359 but later revised it down to 253" is 253), else their first quantity."""
    quantities = [q for q in find_quantities(words) if not q.article]
    number = next((q for q in quantities if q.value == count), quantities[0] if quantities else None)
    at = start + (number.start if number else 0)
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
    return [_spanned(Figure(category="killed", count=count, low=count, high=count, qualifier=None,
                            group=_group(noun), claimant=claimant, scope="incident", article=index,
                            sentence=sentence, role="victim", period=None, text=words,
                            rule="killed.back_reference"))]


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
        at = f.start
        if at >= 0 and any(a <= at < b for a, b in spans):
            f = replace(f, scope="background")
        out.append(f)
    return out



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




def _sentence_figures(text: str, index: int, claimant: str | None, agents: _Sides) -> list[Figure]:
    """The figures of one sentence: every rule of the table (rules.RULES), in order, on the masked sentence."""
    if not P.TRIGGER.search(text):
        return []
    s = _Sentence(text)
    period_m = P.PERIOD.search(text)
    period = period_m.group(0) if period_m else None
    scope = "cumulative" if period or P.CUMULATIVE_CUE.search(text) else "incident"
    make = _Maker(s, index, claimant, scope, period, agents)
    for rule in RULES:
        if rule.applies(s.masked):
            make.rule = rule.name
            rule.read(rule, make)
    return [_spanned(f) for f in make.figures]


def _spanned(f: Figure) -> Figure:
    """The figure with the span of its words in its sentence (`start`, `end`: where they first appear; -1
    when they do not), which every later stage reads instead of looking for the words again."""
    start = f.sentence.find(f.text) if f.text else -1
    return replace(f, start=start, end=start + len(f.text) if start >= 0 else -1)


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
        at = f.start
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
