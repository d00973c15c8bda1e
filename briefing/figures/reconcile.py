"""Headline totals per category, victims only, reconciled conservatively.

Two steps:
1. Per article and scope, one claim: the article's fullest figure (its largest precise figure; figures of
   distinct specific groups in separate sentences - "3 soldiers ... 5 civilians" - add up, and so does a figure
   marked "another"/"also"; a figure marked "in total" wins). Vague figures ("dozens") count only when the
   article gives nothing precise; a reported zero only when it gives nothing else.
2. Across articles, per scope: the lowest claim is the headline (the most conservative credible figure, as
   ACLED codes), with the range of the others and contested=True when they disagree. A cumulative toll
   ("the death toll climbed to 41 since September 27") is the headline over a single incident's figure; the
   incident figures stay in Total.figures after the headline ones, so a brief can say both.

Killed and injured always have a Total: with no figure at all it is count 0 with figures=() ("nothing
reported", which renderers should skip), apart from a reported zero, which has its figures.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from briefing.models import Figure, Report, Total
from briefing.text.dates import iso_day

from . import patterns as P
from .background import clause_of
from .place import figure_place, named_place
from .vague import is_vague

ALWAYS = ("killed", "injured")
SCOPES = ("incident", "cumulative")  # a "background" figure (an earlier event) is never a headline
CATEGORIES = ("killed", "injured", "missing", "displaced", "detained", "abducted", "damaged")
_GENERIC_GROUPS = {None, "people", "children", "women"}


@dataclass
class _Claim:
    count: int
    low: int
    high: int | None
    figures: list[Figure]
    vague: bool

    @property
    def head(self) -> Figure:
        return self.figures[0]


def reconcile(figures: Sequence[Figure], *, today: str | None = None, over_time: bool = True) -> dict[str, Total]:
    """One Total per category that has figures (killed and injured always), victims only.

    `over_time` reads the reports in time order (see `_timeline`); without it every report is of the same
    moment and the lowest credible claim wins. Reports "as of" a day after `today` (ISO) are left out."""
    totals: dict[str, Total] = {}
    figures = _deaths_among_injured(_hits_as_injuries(figures))
    if today:
        figures = [f for f in figures if not f.as_of or f.as_of[:10] <= today]
    if over_time:
        figures = _before_coverage_as_background(figures)
    for category in CATEGORIES:
        mine = [f for f in figures if f.category == category and f.role == "victim" and f.scope in SCOPES]
        if category == "damaged":
            total = _damage_total(mine)
        else:
            total = _total(category, mine, over_time)
        if total is not None:
            totals[category] = total
        elif category in ALWAYS:
            totals[category] = Total(category=category, count=0, low=0, high=0, qualifier=None,
                                     scope="incident", period=None, figures=())
    return totals


BEFORE_COVERAGE_DAYS = 30  # an event dated more than this before the first report is another event


def _before_coverage_as_background(figures: Sequence[Figure]) -> list[Figure]:
    """'It was the deadliest attack since a bombing in March that killed 50': a count whose clause dates its
    event more than BEFORE_COVERAGE_DAYS before the earliest report read is about an earlier event."""
    start = min((d for f in figures if (d := iso_day(f.as_of))), default=None)
    if start is None:
        return list(figures)
    limit = start - timedelta(days=BEFORE_COVERAGE_DAYS)
    return [replace(f, scope="background") if (d := iso_day(f.event_day)) and d < limit else f for f in figures]


def _start(f: Figure) -> int:
    """Where a figure's words start in its sentence: the span extraction recorded (a figure made by hand,
    with none, is looked up)."""
    return f.start if f.start >= 0 else f.sentence.find(f.text)


def is_hit_only(figure: Figure) -> bool:
    """'7 people were stabbed', 'gunmen shot 2 officers': hit, with no word of injury or death."""
    return figure.category == "injured" and bool(P.HIT_ONLY.search(figure.text)) \
        and not P.HURT_WORDS.search(figure.text)


def _hits_as_injuries(figures: Sequence[Figure]) -> list[Figure]:
    """People stabbed or shot who did not die are injured, as incident databases count them.

    An article that says who was injured is taken at its word (its hit-only figures are dropped); otherwise
    the people it reports killed are taken out of those hit ("shot a teacher ... the teacher was killed": 0
    injured; "stabbed 3 people, killing one": 2)."""
    out = [f for f in figures if not is_hit_only(f)]
    for article in sorted({f.article for f in figures if is_hit_only(f)}):
        mine = [f for f in figures if f.article == article and f.role == "victim"]
        if any(f.category == "injured" and not is_hit_only(f) for f in mine):
            continue
        dead = sum(f.count for f in mine if f.category == "killed" and f.scope == "incident"
                   and not P.BEFORE_BEING_KILLED.search(f.text))  # the attacker "before being shot dead"
        for f in (f for f in mine if is_hit_only(f)):
            taken = min(dead, f.count)
            dead -= taken
            out.append(replace(f, count=f.count - taken, low=max(0, f.low - taken),
                               high=None if f.high is None else f.high - taken))
    return out


def _deaths_among_injured(figures: list[Figure]) -> list[Figure]:
    """The injured who later died are dead, not injured ("10 were injured. Two of the injured died": 8
    injured, as incident databases count non-fatal injuries); the deaths add to the killed (ADDITIVE).

    The injury figure that gives them up is the one they refer to: "of the injured" names it; "of them",
    "of whom" refer to the figure just before ("two soldiers were wounded; one of them died", but not
    "two farmers were shot. One of them died", where the people shot are counted apart)."""
    order = _reading_order(figures)
    out = list(figures)
    for died in sorted((f for f in figures if f.category == "killed" and f.role == "victim"
                        and (P.DIED_AMONG_INJURED.search(f.text) or _all_of_them_died(f))), key=order):
        before = [f for f in out if f.article == died.article and f is not died and f.scope in SCOPES
                  and f.category in ("killed", "injured") and order(f) < order(died)]
        if P.DIED_LATER.search(died.text):
            before = [f for f in before if f.category == "injured"]
        if not before:
            continue
        source = max(before, key=order)  # the nearest figure before the deaths
        if source.category != "injured" or source.role != "victim" or is_hit_only(source) or source.count < died.count:
            continue
        out[out.index(source)] = replace(source, count=source.count - died.count, low=max(0, source.low - died.count),
                                         high=None if source.high is None else max(0, source.high - died.count))
    return out


def _all_of_them_died(f: Figure) -> bool:
    """'All five later died': the figure's words start at its number, "all" stands before them."""
    return bool(P.DIED_AMONG_INJURED.search("all " + f.text)) and bool(
        re.search(r"\b(?i:all)\s+" + re.escape(f.text), f.sentence))


def _reading_order(figures: list[Figure]):
    """Where a figure stands in its article: its sentence's first appearance, then its place in the sentence."""
    first: dict[tuple[int, str], int] = {}
    for i, f in enumerate(figures):
        first.setdefault((f.article, f.sentence), i)

    def key(f: Figure) -> tuple[int, int]:
        where = _start(f)
        return first.get((f.article, f.sentence), 0), where if where >= 0 else 0
    return key


def _total(category: str, figures: list[Figure], over_time: bool = True) -> Total | None:
    if not figures:
        return None
    # a count its article gives as superseded ("earlier put at 300") is no claim when the article has a newer one
    replaced = {f.article for f in figures if not f.earlier and f.count > 0}
    # over days, a toll with no period of its own is the event's toll; beside a running toll "since 27
    # September" it is that running toll, as one text reads it
    merge = over_time and not any(f.scope == "cumulative" and f.period and not P.SO_FAR.fullmatch(f.period) for f in figures)
    claims = {"cumulative": [], "incident": []}
    for scope in claims:
        by_article: dict[int, list[Figure]] = {}
        for f in figures:
            if _claim_scope(f, merge) == scope and not (over_time and f.article in replaced and f.earlier):
                by_article.setdefault(f.article, []).append(f)
        claims[scope] = [c for fs in by_article.values() for c in _article_claims(fs)]
    scope = "cumulative" if claims["cumulative"] else "incident"
    if not claims[scope]:
        return None
    chosen = _timeline(claims[scope]) if over_time else _credible(claims[scope])
    chosen.sort(key=lambda c: c.count)
    head = chosen[0]
    counts = {c.count for c in chosen}
    contested = len(counts) > 1
    high = max((c.high if c.high is not None else c.count) for c in chosen) if contested else head.high
    if contested and any(c.high is None for c in chosen if c.count == max(counts)):
        high = None
    if not over_time or len({_day(c) for c in claims[scope]}) < 2:  # one moment: every figure read supports it
        ordered = head.figures + [f for c in chosen[1:] for f in c.figures]
        ordered += _without(figures, ordered)
    else:  # over days: the figures giving the listed claims are the evidence; earlier reports are its history
        ordered = [f for c in [head] + _listed(chosen[1:], MAX_CLAIMS - 1) for f in _giving(c)]
        ordered += _without([f for c in claims[scope] if c.count == head.count and c not in chosen
                             for f in _giving(c)], ordered)  # other reports of the same count, any day: they say it too
    # the period the headline counts over, from its own report or another report of the same count
    period = next((f.period for c in chosen + [c for c in claims[scope] if c.count == head.count] for f in c.figures
                   if f.period and _claim_scope(f, merge) == scope), None)
    rivals = _distinct_reports(chosen) if contested else []
    return Total(category=category, count=head.count, low=min(c.low for c in chosen), high=high,
                 qualifier=head.head.qualifier, scope=scope, period=period, figures=tuple(ordered[:MAX_EVIDENCE]),
                 contested=contested, group=_named_group(head, chosen), as_of=head.head.as_of,
                 history=tuple(_distinct_reports(sorted(claims[scope], key=_day))), claims=tuple(rivals[:MAX_CLAIMS]),
                 more_claims=max(0, len(rivals) - MAX_CLAIMS), place=head.head.place,
                 per_place=tuple(_per_place([f for c in claims[scope] for f in c.figures], head.head.place, over_time)))


def _claim_scope(f: Figure, merge: bool) -> str:
    """With `merge`, a running toll with no period of its own ("the death toll had reached 5,057") counts the
    same event as "7,040 people have died": one timeline ("so far" and "to date" name no period). A toll "since 27
    September" stays a running toll."""
    plain = not f.period or P.SO_FAR.fullmatch(f.period)
    return "incident" if merge and f.scope == "cumulative" and plain else f.scope



MAX_EVIDENCE = 30  # figures kept behind a total (the story keeps every figure; a 300 KB text may hold thousands)
MAX_CLAIMS = 5  # a contested total lists at most this many claims; the rest are summed up
SUPERSEDE_SHARE = 0.5  # a later report below this share of the toll it follows is a part of it, not a revision
GROWING = ("killed", "injured")  # tolls that only grow but for revisions; the missing are found, the held freed


def _day(claim: _Claim) -> str:
    return (claim.head.as_of or "")[:10]


def _timeline(claims: list[_Claim]) -> list[_Claim]:
    """The claims of the latest moment that supersedes the ones before it (ACLED: the latest report over an
    earlier one; among reports of the same moment, the most conservative credible one wins, see `_credible`).

    Reports are grouped by the day they are "as of", oldest first (undated ones first: they update nothing).
    A later day's credible claims supersede the current headline up or down ("revised down to 253, from 359"),
    except those that cannot be the same toll: a vague count after a precise one, and a death or injury count
    below SUPERSEDE_SHARE of the headline, which counts a part of it ("3 killed at the hotel") unless it states
    the whole toll ("the death toll rose to 227") or says it revises it (the missing, the abducted and the displaced fall as people are found, freed or go home)."""
    tolls = bool(claims) and claims[0].head.category in GROWING
    days: dict[str, list[_Claim]] = {}
    for claim in sorted(claims, key=_day):
        days.setdefault(_day(claim), []).append(claim)
    current: list[_Claim] = []
    for day_claims in days.values():
        credible = _credible(day_claims)
        if not current:
            current = credible
            continue
        headline = min(c.count for c in current)
        precise = not all(c.vague for c in current)
        later = [c for c in credible if not (precise and c.vague)
                 and (not tolls or c.count >= SUPERSEDE_SHARE * headline or _states_the_toll(c.head))]
        if later and (headline > 0 or any(c.count > 0 for c in later)):
            current = later
    return list(current)


MAX_PLACES = 8  # places listed under a headline


def _per_place(figures: list[Figure], headline_place: str | None, over_time: bool) -> list[Report]:
    """For each named place other than the headline's, its own latest count (a timeline of its own): figures
    for different places are different figures, listed under the headline, never rival claims."""
    by_place: dict[str, list[_Claim]] = {}
    for f in dict.fromkeys(figures):
        place = named_place(f.place)
        if place and place != headline_place and f.count > 0 and not f.earlier:
            by_place.setdefault(place, []).append(_Claim(f.count, f.low, f.high, [f], is_vague(f)))
    out = []
    for place, mine in by_place.items():
        latest = _timeline(mine) if over_time else _credible(mine)
        best = min(latest, key=lambda c: c.count)
        out.append(replace(_distinct_reports([best])[0], place=place))
    out.sort(key=lambda r: -r.count)
    return out[:MAX_PLACES] if len(out) > 1 or headline_place else []


def _without(figures: Sequence[Figure], taken: Sequence[Figure]) -> list[Figure]:
    """`figures` not among `taken`, in order (a set: a long article has thousands of figures)."""
    seen = set(taken)
    return [f for f in figures if f not in seen]


def _giving(claim: _Claim) -> list[Figure]:
    """The figures of a claim that state its count (its head when its count is a sum of parts)."""
    return [f for f in claim.figures if f.count == claim.count] or [claim.head]


def _listed(claims: list[_Claim], limit: int) -> list[_Claim]:
    """The claims behind at most `limit` distinct (count, claimant) reports, in the order given."""
    keys: set[tuple] = set()
    out = []
    for c in claims:
        key = (c.count, (c.head.claimant or "").lower())
        if key not in keys and len(keys) >= limit:
            continue
        keys.add(key)
        out.append(c)
    return out


def _states_the_toll(f: Figure) -> bool:
    """'The death toll rose to 227', 'revised the toll down to 253': a report of the whole toll, whatever its size."""
    return bool(P.REVISED.search(f.sentence) or (f.rule or "").endswith(TOLL_RULES) or P.TOLL_WORDS.search(f.text))


TOLL_RULES = (".death_toll", ".number_of")  # extraction rules that read a whole toll


def _distinct_reports(claims: Sequence[_Claim]) -> list[Report]:
    """One Report per distinct (day, count, claimant), in the order given: the same number from the same
    claimant is one report however many articles repeat it."""
    seen: dict[tuple, Report] = {}
    for c in claims:
        f = c.head
        key = (_day(c), c.count, (f.claimant or "").lower())
        seen.setdefault(key, Report(date=_day(c) or None, count=c.count, qualifier=f.qualifier,
                                    claimant=f.claimant, article=f.article))
    return list(seen.values())


def _named_group(head, chosen) -> str | None:
    """Who the headline counts: its own group, or, when it only says "people", the group another report
    of the same number names ("death toll to 41" and "41 civilians have been killed" -> civilians)."""
    group = head.head.group
    if group not in (None, "people"):
        return group
    return next((f.group for c in chosen if c.count == head.count for f in c.figures
                 if f.count == head.count and f.group not in (None, "people")), group)


def _credible(claims: list[_Claim]) -> list[_Claim]:
    positive = [c for c in claims if c.count > 0] or claims
    precise = [c for c in positive if not c.vague] or positive
    return list(precise)


def _article_claims(figures: list[Figure]) -> list[_Claim]:
    """The article's claim; or, when its sources disagree, one claim per source voice.

    A later figure updates an earlier one ("the death toll later rose to 5", "officials later said 5 had
    died"): one claim, the fuller figure. Alternative claims ("3 were killed, while other sources put the toll
    at 5"; "local media said 7, officials said 4") are separate claims: the lowest is the headline, contested,
    as ACLED and GTD code conflicting reports. Only figures of the same group can disagree (3 children and 10
    people do not)."""
    voices: dict[object, list[Figure]] = {}
    for f in figures:
        voices.setdefault(_voice(f), []).append(f)
    voices = _same_sources_merged(voices)
    if len(voices) < 2:
        return [_article_claim(figures)]
    claims = {key: _article_claim(fs) for key, fs in voices.items()}
    disagreeing = set()
    keys = list(claims)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if _disagree(a, claims[a], b, claims[b]):
                disagreeing.update((a, b))
    if not disagreeing:
        return [_article_claim(figures)]
    return [claims[k] for k in keys if k in disagreeing]


def _same_sources_merged(voices: dict) -> dict:
    """'police sources' and 'Iraqi police sources' are one source: a claimant ending another joins it."""
    names = sorted((k for k in voices if isinstance(k, str)), key=len)
    merged: dict[object, list[Figure]] = {}
    for key, fs in voices.items():
        if isinstance(key, str):
            key = next(n for n in names if key == n or key.endswith(" " + n))
        merged.setdefault(key, []).extend(fs)
    return merged


def _voice(f: Figure) -> object:
    """Who gives the figure: an alternative account ("other sources put ...") is a voice of its own."""
    clause = clause_of(f.sentence, f.text)
    if P.ALTERNATIVE_CUE.search(clause):
        return ("alternative", f.sentence, clause)
    return f.claimant.lower() if f.claimant else None


def _disagree(a: object, ca: _Claim, b: object, cb: _Claim) -> bool:
    """Two voices disagree when they count some of the same people differently: "Al Shabaab claimed 10 soldiers
    were killed, while the SNA said no soldiers died and 6 militants were killed" (soldiers in both: the SNA's
    6 is the conservative account); "3 children" and "10 people" are different people. A voice that only
    reports a zero does not override figures."""
    if ca.count == cb.count or ca.count == 0 or cb.count == 0 or ca.vague or cb.vague:
        return False
    ga, gb = _groups(ca), _groups(cb)
    if not (ga & gb or _ANY_GROUP in ga | gb or _rival_generic(a, ca, ga, b, cb, gb)):
        return False
    if not ((a is not None and b is not None) or isinstance(a, tuple) or isinstance(b, tuple)):
        return False  # the article's own words and one named source: not two accounts
    heads = (ca.head, cb.head)
    return not any(P.SEPARATE_EVENT.search(f.sentence) or P.TOTAL_MARK.search(f.text) or P.ADDITIVE.search(f.text)
                   or P.UPDATE_CUE.search(clause_of(f.sentence, f.text)) for f in heads)


_ANY_GROUP = "*"
_SUBSET_GROUPS = {"children", "women"}


def _rival_generic(a: object, ca: _Claim, ga: set[str], b: object, cb: _Claim, gb: set[str]) -> bool:
    """'ISWAP claimed to have killed 15 soldiers; military sources put the toll at 6': a toll in people and a
    figure for one group are rival accounts when the group's figure is the larger (it cannot be a part of the
    toll) or one account is marked as an alternative ("other sources reported five deaths"). Children and
    women are a part of the people counted, never a rival count."""
    generic_a, generic_b = ga <= {"people"}, gb <= {"people"}
    if generic_a == generic_b:
        return False
    (specific, groups), generic = ((cb, gb), ca) if generic_a else ((ca, ga), cb)
    if groups & _SUBSET_GROUPS:
        return False
    return isinstance(a, tuple) or isinstance(b, tuple) or specific.count > generic.count


def _groups(claim: _Claim) -> set[str]:
    """Who a voice counts ("soldiers and militants" is both); a zero that names nobody ("denied any losses")
    speaks of anyone."""
    out = set()
    for f in claim.figures:
        if f.count == 0 and f.group is None:
            out.add(_ANY_GROUP)
        for g in (f.group or "people").split(" and "):
            out.add(g.rstrip("s") if g not in ("people", "others") else g)
    return out


def _article_claim(figures: list[Figure]) -> _Claim:
    """The article's figure. Armed men who reach here were counted by extraction as dead of a fight (members
    of an armed party, not attackers named by their role, who never do): they are other people than the
    figure for the rest, so the two add up ("killing 11 soldiers. 3 of the militants were killed" is 14)."""
    attackers = [f for f in figures if f.group and f.count > 0
                 and all(P.PERPETRATOR_NOUNS.search(g) for g in f.group.split(" and "))]
    others = _without(figures, attackers)
    if attackers and any(f.count > 0 for f in others):
        if any(_counts_attackers(f) for f in others):
            # another figure already counts them: "3 were killed in total, including the bomber"
            a = _one_claim(others)
            return _Claim(a.count, a.low, a.high, a.figures + attackers, a.vague)
        a, b = _one_claim(others), _one_claim(attackers)
        high = None if a.high is None or b.high is None else a.high + b.high
        return _Claim(a.count + b.count, a.low + b.low, high, a.figures + b.figures, a.vague and b.vague)
    return _one_claim(figures)


_ATTACKERS_JOINED = re.compile(rf"\b(?:including|among\s+them|of\s+whom|and|in\s+total|altogether)\s+(?:\w+\s+){{0,3}}?"
                               rf"(?:{P.ALWAYS_PERPETRATORS.pattern}|{P.PERPETRATOR_NOUNS.pattern})", re.I)


def _counts_attackers(f: Figure) -> bool:
    """'killing 4 soldiers and himself', '3 were killed in total, including the bomber': a figure whose own
    words (or the words right after them) take the attackers in."""
    at = _start(f) if f.text else -1
    tail = f.sentence[at + len(f.text):at + len(f.text) + 60] if at >= 0 else ""
    return bool(_ATTACKERS_JOINED.search(f.text + re.split(r"[;.]", tail)[0]))


def _one_claim(figures: list[Figure]) -> _Claim:
    positive = [f for f in figures if f.count > 0]
    if not positive:
        return _Claim(0, 0, 0, figures, vague=False)
    precise = [f for f in positive if not is_vague(f)]
    pool, vague = (precise, False) if precise else (positive, True)
    totals = [f for f in pool if P.TOTAL_MARK.search(f.text)]
    if totals:
        best = max(totals, key=lambda f: f.count)
        return _Claim(best.count, best.low, best.high, [best] + [f for f in figures if f is not best], vague)
    # a toll states the whole: deaths added in its own sentence are in it ("two of the injured died, bringing
    # the death toll to 13")
    tolls = {f.sentence for f in pool if P.TOLL_WORDS.search(f.text) or (f.rule or "").endswith(TOLL_RULES)}
    added = [f for f in pool if P.ADDITIVE.search(f.text) and f.sentence not in tolls and not _others_than_dead(f)]
    taken = set(added)
    base = [f for f in pool if f not in taken and not (f.sentence in tolls and P.ADDITIVE.search(f.text))]
    parts = _distinct_groups(base) if base else []
    parts += added
    if not vague:
        parts += _vague_other_side(positive, parts)
    count = sum(f.count for f in parts)
    low = sum(f.low for f in parts)
    high = None if any(f.high is None for f in parts) else sum(f.high for f in parts)
    return _Claim(count, low, high, parts + _without(figures, parts), vague)


_ONLY_OTHERS = re.compile(r"\bothers\b", re.I)
_DEATH_WORDS = re.compile(r"\b(?:kill(?:ed|ing)|dead|died|deaths?|lives)\b", re.I)


def _others_than_dead(f: Figure) -> bool:
    """'killing 12 civilians and injuring 30 others': the injured are others than the dead, not more injured
    than another injury figure (so "Hospital officials said 30 people were injured" restates them)."""
    if f.category != "injured" or not _ONLY_OTHERS.search(f.text):
        return False
    rest = _ONLY_OTHERS.sub("", f.text)
    if P.ADDITIVE.search(rest):
        return False  # "another 30 others", "30 more others": added all the same
    before = f.sentence[:f.start] if f.start >= 0 else ""
    return bool(_DEATH_WORDS.search(before)) and not P.HURT_WORDS.search(before)


def _vague_other_side(figures: list[Figure], parts: list[Figure]) -> list[Figure]:
    """'18 officers were killed, and dozens of rioters were killed': a vague figure for a group of its own, beside
    precise figures that all name other specific groups, counts other people (by the vague words' convention);
    "dozens of people" beside "18 officers" may be the same people and does not."""
    groups = {f.group for f in parts}
    unnamed = _GENERIC_GROUPS | {"them", "others"}
    if groups & unnamed:
        return []
    extra = [f for f in figures if is_vague(f) and f.group not in unnamed | groups]
    return extra if extra and _apart(parts + extra) else []


def _distinct_groups(figures: list[Figure]) -> list[Figure]:
    """The largest figure; or, when every figure names a different specific group, or a different place
    ("Eleven people were killed in Baghdad, and four were killed and 10 wounded in Al-Khalis"), one per group
    or place."""
    groups = [f.group for f in figures]
    if len(figures) > 1 and not (_GENERIC_GROUPS & set(groups)) and len(set(groups)) == len(groups) \
            and _apart(figures):
        return list(figures)
    places = [_place(f) for f in figures]
    if len(figures) > 1 and all(places) and len(set(places)) == len(places) and _apart(figures):
        return list(figures)
    return [max(figures, key=lambda f: f.count)]


def _place(f: Figure) -> str | None:
    """The named place of a figure ("killed in Baghdad" -> Baghdad); "the region" names no place to add up."""
    return named_place(f.place if f.place is not None else figure_place(f.sentence, f.text))


def _apart(figures: list[Figure]) -> bool:
    """Separate sentences, or separate clauses of one ("beheaded a farmer and shot a herder"): no figure's words
    overlap another's in the same sentence (an apposition or an "including" part would)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for f in figures:
        start = _start(f)
        if start < 0:
            return False
        spans.setdefault(f.sentence, []).append((start, start + len(f.text)))
    for pieces in spans.values():
        pieces.sort()
        if any(b[0] < a[1] for a, b in zip(pieces, pieces[1:])):
            return False
    return True


def _damage_total(figures: list[Figure]) -> Total | None:
    """Damage counts different objects (houses, schools): the headline is the largest, all are kept."""
    figures = [f for f in figures if f.count > 0]
    if not figures:
        return None
    head = max(figures, key=lambda f: f.count)
    scope = head.scope
    return Total(category="damaged", count=head.count, low=head.low, high=head.high, qualifier=head.qualifier,
                 scope=scope, period=head.period, figures=(head,) + tuple(f for f in figures if f is not head),
                 group=head.group)
