"""Day after day: what changed since the previous brief, computed in one place before rendering.

    previous = load_since(path, series)          # `generate --since FILE` (PreviousBriefError: exit 2)
    previous = previous_from_dict(doc, series)   # a brief's JSON, or what the state recorded of one
    brief = apply_changes(brief, previous, ...)  # ids, statuses, update key points, moved figures
    doc = memory(brief)                          # what the state records of a brief (the JSON's shape, slim)

- **Identity.** A story continues one of the previous brief when they share articles (the most shared
  first, each previous story once), else when their titles say the same (most of the shorter title's words
  in the other); it keeps that story's id. A story no earlier brief had gets a new id (a hash of its articles).
- **Status.** `new` (no match), `developing` (articles no earlier brief had, and something new in them),
  `unchanged` (nothing new: the brief lists it in one line, without key points). An unchanged story whose
  last news is `quiet_days` or more old leaves the brief; it is remembered (`quiet_stories`) so that it
  comes back as `developing`, with its id, when news arrives, and not as `new` the next day.
- **Update key points.** A developing story's key points come from its new articles (summarised on their
  own, with the story's own selection): a sentence the reader already had, or one saying the same thing
  (most of its words in one sentence of the previous brief), is dropped unless it carries a number that
  sentence did not (a changed figure). A new story is summarised in full.
- **Figures.** Each total of a continuing story gets the same toll of the previous brief (`Total.previous`:
  same category and place); those that moved, and tolls first reported in a continuing story, are listed
  in `Changes.figures`.
- **Safety.** Only briefs of the same series (the configuration's title) are compared: a file that is not a
  brief or belongs to another series is a PreviousBriefError, one line, exit 2.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from briefing.errors import EXIT_USAGE, BriefingError
from briefing.models import Article, Brief, Changes, FigureChange, Previous, Selected, Story, Total

REPEAT_SHARE = 0.7  # a sentence with this share of its words in one sentence the reader had says the same thing
TITLE_SHARE = 0.75  # stories with no shared article continue each other when their titles share this much
TITLE_MIN_WORDS = 3
STATUSES = ("new", "developing", "unchanged")


class PreviousBriefError(BriefingError):
    """The previous brief cannot be used: missing, not a brief, or one of another configuration."""

    exit_code = EXIT_USAGE


def series_key(title: str) -> str:
    """Briefs with the same title are one series: numbered together and compared with each other."""
    return hashlib.sha1(" ".join(str(title).split()).lower().encode("utf-8")).hexdigest()[:12]


# ---------------------------------------------------------------- the previous brief


@dataclass(frozen=True)
class PreviousTotal:
    category: str
    place: str | None
    scope: str | None
    count: int
    as_of: str | None


@dataclass(frozen=True)
class PreviousStory:
    id: str
    title: str
    articles: frozenset[str]  # origins (paths or URLs as read)
    sentences: tuple[str, ...]  # every sentence the reader had: key points and developments
    totals: tuple[PreviousTotal, ...] = ()
    updated: str | None = None  # ISO date of its latest news
    quiet: bool = False  # it had left the brief (nothing new for quiet_days)


@dataclass(frozen=True)
class PreviousBrief:
    number: int | None
    date: str  # ISO
    title: str
    stories: tuple[PreviousStory, ...]


def load_since(path: str | Path, series: str) -> PreviousBrief:
    """The brief of `--since FILE` (its JSON), or a PreviousBriefError naming the file and what is wrong."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PreviousBriefError(f"--since {path}: no such file (name the JSON of an earlier brief)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PreviousBriefError(f"--since {path}: cannot read it ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise PreviousBriefError(f"--since {path}: not the JSON of a brief ({exc})") from None
    try:
        return previous_from_dict(doc, series)
    except PreviousBriefError as exc:
        raise PreviousBriefError(f"--since {path}: {exc}") from None


def previous_from_dict(doc: Any, series: str) -> PreviousBrief:
    """A brief's JSON (or a state record of one) as the previous brief; PreviousBriefError if it is none."""
    if not isinstance(doc, dict) or not isinstance(doc.get("stories"), list) or not isinstance(doc.get("title"), str):
        raise PreviousBriefError("not the JSON of a brief (no 'title' and 'stories')")
    day = doc.get("date")
    try:
        date.fromisoformat(day)
    except (TypeError, ValueError):
        raise PreviousBriefError("not the JSON of a brief (no 'date' YYYY-MM-DD)") from None
    theirs = doc.get("series") or series_key(doc["title"])
    if theirs != series:
        raise PreviousBriefError(f"a brief of another configuration ('{doc['title']}'): "
                                 "only briefs with the same title are compared")
    number = doc.get("number")
    stories = []
    try:
        for item in [*doc["stories"], *(doc.get("also_reported") or [])]:
            stories.append(_previous_story(item, quiet=False))
        for item in doc.get("quiet_stories") or []:
            stories.append(_previous_story(item, quiet=True))
    except (TypeError, KeyError, AttributeError, ValueError) as exc:
        raise PreviousBriefError(f"not the JSON of a brief (a story is malformed: {exc!r})") from None
    return PreviousBrief(number=number if isinstance(number, int) and not isinstance(number, bool) else None,
                         date=day, title=doc["title"], stories=tuple(stories))


def _previous_story(item: dict, *, quiet: bool) -> PreviousStory:
    title = str(item["title"])
    articles = frozenset(str(a) for a in item.get("articles") or ())
    sentences = tuple(str(s["text"]) for key in ("key_points", "developments") for s in item.get(key) or ())
    totals = tuple(
        PreviousTotal(str(t["category"]), t.get("place"), t.get("scope"), int(t["count"]), t.get("as_of"))
        for t in item.get("totals") or () if t.get("figures", True))
    return PreviousStory(id=str(item.get("id") or story_id(sorted(articles), title)), title=title, articles=articles,
                         sentences=sentences, totals=totals, updated=item.get("updated"), quiet=quiet)


def memory(brief: Brief) -> dict[str, Any]:
    """What the state records of a brief: the JSON's shape with only what the next brief compares."""
    from briefing.serialize import brief_dict

    data = brief_dict(brief)

    def slim(story: dict) -> dict:
        out = {k: story[k] for k in ("id", "title", "status", "updated", "articles") if k in story}
        for key in ("key_points", "developments"):
            out[key] = [{"text": s["text"]} for s in story.get(key) or ()]
        out["totals"] = [{k: t.get(k) for k in ("category", "place", "scope", "count", "as_of")}
                         for t in story.get("totals") or () if t.get("figures")]
        return out

    return {
        "title": data["title"], "date": data["date"], "number": data["number"], "series": data["series"],
        "stories": [slim(s) for s in data["stories"]],
        "also_reported": [slim(s) for s in data["also_reported"]],
        "quiet_stories": [slim(s) for s in data["quiet_stories"]],
    }


# ---------------------------------------------------------------- comparing


def story_id(origins: Sequence[str], title: str = "") -> str:
    """A new story's id: a hash of its articles (the same feed gives the same ids)."""
    return "s" + hashlib.sha1("\n".join(sorted(origins) or [title]).encode("utf-8")).hexdigest()[:10]


_WORD = re.compile(r"[a-z0-9]+")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_STOP = frozenset("""a an the of in on at to for from by with and or but as is are was were be been has have had it its
this that these those said says say after over into than more least about up their his her they he she we you""".split())


def _content(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower().replace("\u2019", "'")) if w not in _STOP}


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}


def repeats(sentence: str, had: Sequence[str]) -> bool:
    """Whether the reader already had `sentence`: the same words, or most of them in one sentence they had,
    unless it carries a number that sentence did not (a changed figure)."""
    words, numbers = _content(sentence), _numbers(sentence)
    if not words:
        return False
    for old in had:
        old_words = _content(old)
        if len(words & old_words) / len(words) >= REPEAT_SHARE and numbers <= _numbers(old):
            return True
    return False


def _titles_match(a: str, b: str) -> bool:
    wa, wb = _content(a), _content(b)
    shared = wa & wb
    return len(shared) >= TITLE_MIN_WORDS and len(shared) / min(len(wa), len(wb)) >= TITLE_SHARE


def match_stories(current: Sequence[frozenset[str]], titles: Sequence[str],
                  previous: Sequence[PreviousStory]) -> list[int | None]:
    """For each current story (its article origins), the index of the previous story it continues, or None."""
    pairs = []
    for c, origins in enumerate(current):
        for p, old in enumerate(previous):
            shared = len(origins & old.articles)
            if shared:
                pairs.append((-shared, c, p))
    out: list[int | None] = [None] * len(current)
    taken: set[int] = set()
    for _, c, p in sorted(pairs):
        if out[c] is None and p not in taken:
            out[c], taken = p, taken | {p}
    for c, title in enumerate(titles):
        if out[c] is None:
            for p, old in enumerate(previous):
                if p not in taken and _titles_match(title, old.title):
                    out[c], taken = p, taken | {p}
                    break
    return out


def _previous_total(total: Total, olds: Sequence[PreviousTotal]) -> PreviousTotal | None:
    same = [t for t in olds if t.category == total.category]
    exact = [t for t in same if (t.place or None) == (total.place or None)]
    if exact:
        return exact[0]
    return same[0] if len(same) == 1 else None


# ---------------------------------------------------------------- the brief with its changes


def apply_changes(brief: Brief, previous: PreviousBrief | None, *, quiet_days: int = 3, key_points: int = 5,
                  words: int = 250, number: int | None = None, series: str = "") -> Brief:
    """The brief with story ids and statuses, update key points, totals' previous counts and `changes`.

    Without a previous brief: every story `new`, `changes` None (a first brief)."""
    articles = brief.articles
    everything = [*brief.stories, *brief.also_reported]
    origins = [frozenset(articles[i].origin for i in s.articles if 0 <= i < len(articles)) for s in everything]
    day = brief.date.isoformat()
    if previous is None:
        def first(s: Story, o: frozenset[str]) -> Story:
            return replace(s, id=story_id(sorted(o), s.title), status="new", updated=day)

        return replace(brief, stories=tuple(first(s, o) for s, o in zip(brief.stories, origins)),
                       also_reported=tuple(first(s, o) for s, o in zip(brief.also_reported, origins[len(brief.stories):])),
                       number=number, changes=None, series=series)

    known = frozenset().union(*(p.articles for p in previous.stories)) if previous.stories else frozenset()
    if brief.new_articles is not None:
        fresh = set(brief.new_articles)
    else:
        fresh = {i for i, a in enumerate(articles) if a.origin not in known}
    matches = match_stories(origins, [s.title for s in everything], previous.stories)
    used_ids = {p.id for p in previous.stories}
    shown_count = len(brief.stories)
    out: list[tuple[int, Story]] = []  # (index in `everything`, story)
    quiet: list[Story] = []
    figures: list[FigureChange] = []
    for n, (story, o, match) in enumerate(zip(everything, origins, matches)):
        old = previous.stories[match] if match is not None else None
        if old is None:
            sid = story_id(sorted(o), story.title)
            while sid in used_ids:
                sid = "s" + hashlib.sha1(sid.encode()).hexdigest()[:10]
            used_ids.add(sid)
            out.append((n, replace(story, id=sid, status="new", updated=day)))
            continue
        totals, moved = _totals_with_previous(story, old, previous, fresh_news=any(i in fresh for i in story.articles))
        story = replace(story, id=old.id, totals=totals,
                        incident_totals=_totals_with_previous(replace(story, totals=story.incident_totals), old, previous,
                                                              fresh_news=False)[0])
        news = [i for i in story.articles if i in fresh]
        if news and n < shown_count:
            story = _update_key_points(story, old, articles, news, brief.date, key_points, words)
            has_news = any(s.article in fresh for s in (*story.key_points, *story.developments)) or bool(moved)
        else:
            has_news = bool(news)
        if has_news:
            out.append((n, replace(story, status="developing", updated=day)))
            figures.extend(moved)
            continue
        updated = old.updated or previous.date
        story = replace(story, status="unchanged", updated=updated, key_points=(), developments=())
        if _days_between(updated, day) >= quiet_days or old.quiet:
            quiet.append(story)
        else:
            out.append((n, story))
    shown = tuple(s for n, s in out if n < shown_count)
    also = tuple(s for n, s in out if n >= shown_count)
    kept = [s for _, s in out]
    newly_quiet = [s for s in quiet if not _was_quiet(s.id, previous)]
    changes = Changes(
        previous_number=previous.number,
        previous_date=previous.date,
        new_stories=tuple(s.id for s in kept if s.status == "new"),
        developing=tuple(s.id for s in kept if s.status == "developing"),
        unchanged=tuple(s.id for s in kept if s.status == "unchanged"),
        figures=tuple(figures),
        quiet=tuple(s.title for s in newly_quiet),
    )
    return replace(brief, stories=_shown_order(shown), also_reported=also, number=number, changes=changes, series=series,
                   quiet_stories=tuple(quiet))


def _shown_order(stories: Sequence[Story]) -> tuple[Story, ...]:
    """Stories with news first (in rank order), then the unchanged ones."""
    return tuple(sorted(stories, key=lambda s: s.status == "unchanged"))


def _was_quiet(sid: str, previous: PreviousBrief) -> bool:
    return any(p.id == sid and p.quiet for p in previous.stories)


def _days_between(a: str, b: str) -> int:
    try:
        return (date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days
    except (TypeError, ValueError):
        return 0


def _totals_with_previous(story: Story, old: PreviousStory, previous: PreviousBrief, *, fresh_news: bool):
    totals, moved = [], []
    for total in story.totals:
        before = _previous_total(total, old.totals)
        if before is None:
            totals.append(total)
            if fresh_news and total.figures and total.count > 0:
                moved.append(FigureChange(old.id, total.category, total.place, total.count, None, None))
            continue
        totals.append(replace(total, previous=Previous(before.count, before.as_of, previous.number, previous.date)))
        if before.count != total.count:
            moved.append(FigureChange(old.id, total.category, total.place, total.count, before.count, before.as_of))
    return tuple(totals), moved


def _update_key_points(story: Story, old: PreviousStory, articles: Sequence[Article], news: Sequence[int],
                       day: date, key_points: int, words: int) -> Story:
    """Key points from what is new since the previous brief; developments from the rest not yet read."""
    from briefing.stories import split_key_points, superseded_sentences
    from briefing.summarize import summarize
    from briefing.text.dates import iso_day

    news = list(news)[:30]
    fresh_set = set(news)
    own = [replace(s, article=news[s.article], also=tuple(news[a] for a in s.also if a < len(news)))
           for s in summarize([articles[i] for i in news], words=words, today=day)]
    pool = [*own]
    for s in (*story.key_points, *story.developments):
        if s.article in fresh_set and not any(s.text == t.text for t in pool):
            pool.append(s)
    had = old.sentences
    new_points = [s for s in pool if not repeats(s.text, had)]
    # several new articles print the same sentence: keep it once
    unique: list[Selected] = []
    for s in new_points:
        if not any(repeats(s.text, [u.text]) and repeats(u.text, [s.text]) for u in unique):
            unique.append(s)
    keys, rest = split_key_points(
        unique, key_points, superseded=superseded_sentences(unique, story.figures, story.totals),
        days=[iso_day(articles[s.article].published) for s in unique])
    context = [s for s in (*story.key_points, *story.developments)
               if s.article not in fresh_set and not repeats(s.text, had) and not any(s.text == t.text for t in unique)]
    budget = max(words - sum(len(s.text.split()) for s in rest), 0)
    extra = []
    for s in context:
        size = len(s.text.split())
        if size <= budget:
            extra.append(s)
            budget -= size
    return replace(story, key_points=tuple(keys), developments=tuple(rest) + tuple(extra))
