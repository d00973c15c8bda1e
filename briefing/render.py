"""Brief -> HTML, PDF, Markdown, JSON and email bodies.

Article text is data, never a template: it only ever reaches a template as a variable, and every
variable is escaped for the output it lands in (HTML autoescape; Markdown escaping of its own).
Templates are looked up in the user's folders first and the packaged defaults last.
The PDF is made by WeasyPrint (imported only here, lazily) with a URL fetcher that reads nothing
but `data:` URLs and files inside the template folders, and with attachments switched off.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import assets
from .errors import RenderError
from .models import FORMATS, Brief
from .serialize import brief_dict

HTML_TEMPLATE = "brief.html.j2"
MARKDOWN_TEMPLATE = "brief.md.j2"
EMAIL_TEXT_TEMPLATE = "email.txt.j2"
EMAIL_HTML_TEMPLATE = "email.html.j2"

TemplateDirs = Sequence["str | Path"]
CITE_LIMIT = 6  # outlets named in one citation
KEY_FIGURES_LIMIT = 8  # rows when a story has figures but no reconciled totals
SOURCES_LIMIT = 40  # rows of the Sources table; the rest are counted (and all are in the JSON)


# ---------------------------------------------------------------- public API

def render(brief: Brief, formats: Sequence[str], template_dirs: TemplateDirs = ()) -> dict[str, bytes]:
    """Every format asked for, as bytes keyed by format name ("pdf", "html", "json", "md")."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise RenderError(f"unknown output format {', '.join(map(repr, unknown))}; expected some of {', '.join(FORMATS)}")
    out: dict[str, bytes] = {}
    html: str | None = None
    for fmt in dict.fromkeys(formats):
        if fmt in ("html", "pdf") and html is None:
            html = render_html(brief, template_dirs)
        if fmt == "html":
            out[fmt] = html.encode("utf-8")
        elif fmt == "pdf":
            out[fmt] = html_to_pdf(html, template_dirs)
        elif fmt == "json":
            out[fmt] = render_json(brief).encode("utf-8")
        elif fmt == "md":
            out[fmt] = render_markdown(brief, template_dirs).encode("utf-8")
    return out


def render_html(brief: Brief, template_dirs: TemplateDirs = ()) -> str:
    return render_template(HTML_TEMPLATE, brief, template_dirs)


def render_pdf(brief: Brief, template_dirs: TemplateDirs = ()) -> bytes:
    return html_to_pdf(render_html(brief, template_dirs), template_dirs)


def render_markdown(brief: Brief, template_dirs: TemplateDirs = ()) -> str:
    return render_template(MARKDOWN_TEMPLATE, brief, template_dirs)


def render_json(brief: Brief) -> str:
    return json.dumps(brief_dict(brief), ensure_ascii=False, indent=2) + "\n"


def render_email(brief: Brief, template_dirs: TemplateDirs = (), **extra: Any) -> tuple[str, str]:
    """(plain-text body, HTML body) of the email that carries the brief; `extra` reaches the templates."""
    return (
        render_template(EMAIL_TEXT_TEMPLATE, brief, template_dirs, **extra),
        render_template(EMAIL_HTML_TEMPLATE, brief, template_dirs, **extra),
    )


def render_template(name: str, brief: Brief, template_dirs: TemplateDirs = (), **extra: Any) -> str:
    """Render one template by name. Escaping follows the name: *.md.j2 Markdown, *.txt.j2 none, else HTML."""
    search = search_path(template_dirs)
    env = _environment(_kind(name), tuple(str(d) for d in search))
    try:
        template = env.get_template(name)
        return template.render(**_context(brief), **extra)
    except jinja2.TemplateNotFound as error:
        missing = error.name if error.name and error.name != name else name
        raise RenderError(
            f"template {missing!r} not found; searched: {', '.join(str(d) for d in search)}"
        ) from None
    except jinja2.TemplateSyntaxError as error:
        raise RenderError(f"template {error.filename or name}:{error.lineno}: {error.message}") from None
    except jinja2.TemplateError as error:
        raise RenderError(f"template {name}: {error}") from None


def search_path(template_dirs: TemplateDirs = ()) -> list[Path]:
    """User template folders in the order given, the packaged defaults last."""
    dirs: list[Path] = []
    for d in (*template_dirs, assets.template_dir()):
        path = Path(d).expanduser().resolve()
        if not path.is_dir():
            raise RenderError(f"template folder {d} does not exist or is not a folder")
        if path not in dirs:
            dirs.append(path)
    return dirs


# ---------------------------------------------------------------- PDF

def html_to_pdf(html: str, template_dirs: TemplateDirs = ()) -> bytes:
    """Lay out HTML made by render_html as PDF, reading nothing outside the template folders."""
    import weasyprint  # heavy (~0.5 s): only the PDF path pays for it

    search = search_path(template_dirs)
    try:
        document = weasyprint.HTML(
            string=html, base_url=search[0].as_uri() + "/", url_fetcher=_confined_fetcher(tuple(search))
        ).render()
        # Defence in depth: the fetcher already refuses their targets, but no attachment may exist at all.
        document.metadata.attachments = []
        for page in document.pages:
            page.links = [link for link in page.links if link[0] != "attachment"]
        return document.write_pdf(attachments=None)
    except RenderError:
        raise
    except Exception as error:  # WeasyPrint raises many kinds; the user needs one line
        raise RenderError(f"PDF rendering failed: {type(error).__name__}: {error}") from error


@lru_cache(maxsize=8)
def _confined_fetcher(allowed: tuple[Path, ...]):
    from weasyprint import URLFetcher
    from weasyprint.urls import URLFetcherResponse

    class ConfinedFetcher(URLFetcher):
        """Serves `data:` URLs and files inside the template folders; refuses everything else."""

        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                path = _file_url_path(url)
                if path is not None and path.is_file() and any(path.is_relative_to(d) for d in allowed):
                    return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": _mime(path)})
            raise ValueError(f"refused to fetch {url[:200]!r}: only data: URLs and template assets are allowed")

    return ConfinedFetcher(timeout=1, allow_redirects=False, allowed_protocols=("data", "file"))


def _file_url_path(url: str) -> Path | None:
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        return None
    try:
        return Path(unquote(parts.path)).resolve()
    except (OSError, ValueError):
        return None


_MIME = {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
         ".jpeg": "image/jpeg", ".ttf": "font/ttf", ".otf": "font/otf", ".woff": "font/woff", ".woff2": "font/woff2"}


def _mime(path: Path) -> str:
    return _MIME.get(path.suffix.lower(), "application/octet-stream")


# ---------------------------------------------------------------- Jinja environments

def _kind(name: str) -> str:
    stem = name[:-3] if name.endswith(".j2") else name
    if stem.endswith(".md"):
        return "markdown"
    if stem.endswith(".txt"):
        return "text"
    return "html"


@lru_cache(maxsize=16)
def _environment(kind: str, search: tuple[str, ...]) -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(d) for d in search])
    options: dict[str, Any] = {"loader": loader, "undefined": jinja2.StrictUndefined,
                               "trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True}
    if kind == "html":
        env = jinja2.Environment(autoescape=True, **options)
    elif kind == "markdown":
        env = jinja2.Environment(autoescape=False, finalize=_markdown_finalize, **options)
    else:
        env = jinja2.Environment(autoescape=False, **options)
    env.filters.update(num=format_number, day=format_day, oneline=_oneline, md_link=markdown_link, names=some_names)
    env.globals.update(
        period=format_period, key_figures=key_figures, figure_value=figure_value, figure_what=figure_what,
        trend_chart=trend_chart, locator_map=locator_map, overview_map=overview_map, where_text=where_text,
    )
    return env


def _context(brief: Brief) -> dict[str, Any]:
    data = brief_dict(brief)
    labels = {}
    for source in data["sources"]:
        source["label"] = labels[source["ref"]] = source_label(source)
        source["link"] = web_link(source["url"])
    quoted = _quoted_text(data)
    for source in data["sources"]:
        source["short_title"] = short_title(source["title"], quoted)
    listed = data["sources"][:SOURCES_LIMIT]
    unlisted = data["sources"][SOURCES_LIMIT:]
    numbers = {s["ref"]: s["number"] for s in listed}

    def cite(refs: Sequence[int]) -> list[dict[str, Any]]:
        """[{"name": "TRT World", "numbers": [1, 3]}, ...]: each outlet once, with its Sources numbers."""
        groups: dict[str, list[int]] = {}
        for ref in refs:
            if ref in labels:
                numbers_of = groups.setdefault(labels[ref], [])
                if ref in numbers:
                    numbers_of.append(numbers[ref])
        ordered = sorted(groups.items(), key=lambda item: min(item[1], default=SOURCES_LIMIT + 1))
        shown = [{"name": name, "numbers": sorted(nums)} for name, nums in ordered[:CITE_LIMIT]]
        if len(ordered) > CITE_LIMIT:  # a fact carried by dozens of outlets: name a few, count the rest
            shown.append({"name": f"{len(ordered) - CITE_LIMIT} more", "numbers": []})
        return shown

    generated = brief.generated if brief.generated.tzinfo else brief.generated.astimezone()
    full = [s for s in data["stories"] if s.get("status") != "unchanged"]
    return {
        "brief": data,
        "full_stories": full,  # stories shown in full (a first brief: all of them)
        "unchanged_stories": [s for s in data["stories"] if s.get("status") == "unchanged"],  # one line each
        "since": since_box(data),  # the "Since the last brief" box, None for a first brief
        "number_text": f"No. {data['number']}" if data.get("number") else "",
        "cite": cite,
        "sources": listed,  # the Sources table; the JSON lists every cited article
        "unlisted": {"articles": len(unlisted), "outlets": len({s["label"] for s in unlisted})},
        "single_story": len(data["stories"]) == 1 and len(full) == 1,
        "date_long": format_day(brief.date),
        "period_text": format_period(brief.period_start, brief.period_end),
        "created": generated.isoformat(timespec="seconds"),
        "generated_text": f"{generated.day} {generated:%B %Y, %H:%M %Z}".strip(),
    }


def _normal(text: str) -> str:
    return " ".join(str(text).replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split()).lower()


def _quoted_text(data: dict) -> str:
    """Every sentence the brief prints, normalised, for spotting a title that repeats one of them."""
    return "\n".join(_normal(s["text"]) for story in data["stories"]
                     for s in (*story["key_points"], *story["developments"]))


def short_title(title: str, quoted: str, words: int = 6) -> str:
    """The title for the Sources table. When a reader took an article's lede as its title, the brief
    already prints those words: the table names it by its first words instead of repeating them."""
    if not title or _normal(title) not in quoted:
        return title
    head = title.split()
    return title if len(head) <= words else " ".join(head[:words]) + "\u2026"


def source_label(source: dict) -> str:
    """How a source is named in citations: its outlet, else its web host, else its file name."""
    if source.get("name"):
        return source["name"]
    from urllib.parse import urlsplit

    host = urlsplit(source.get("url") or "").hostname
    if host:
        return host.removeprefix("www.")
    origin = source.get("origin") or ""
    return Path(origin).name or origin or f"source {source.get('number', '')}".strip()


def web_link(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else (javascript:, file:) is shown as text or not at all."""
    if url and re.fullmatch(r"(?i)https?://[^\s<>\"'`\\]+", url):
        return url
    return None


# ---------------------------------------------------------------- display helpers

def format_number(value: Any) -> str:
    """1165 -> "1,165"; anything not a number is returned as text."""
    if isinstance(value, bool) or not isinstance(value, int):
        return "" if value is None else str(value)
    return f"{value:,}"


def _parse_day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def format_day(value: Any) -> str:
    """ISO date (or datetime) -> "11 October 2020"; a date known only to the month ("2015-06") -> "June 2015",
    to the year ("2015") -> "2015"; unparseable text is shown as it is."""
    day = _parse_day(value)
    if day is None:
        if isinstance(value, str) and re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
            return f"{date(int(value[:4]), int(value[5:]), 1):%B %Y}"
        return "" if value is None else str(value)
    return f"{day.day} {day:%B %Y}"


def format_period(start: Any, end: Any) -> str:
    """The period the sources cover: "11 October 2020", "11–12 October 2020", "30 Sept... – 2 October 2020"."""
    a, b = _parse_day(start), _parse_day(end)
    if a and b and b < a:
        a, b = b, a
    if not a or not b:
        return format_day(start or end) if (start or end) else ""
    if a == b:
        return format_day(a)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}\u2013{b.day} {b:%B %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%B} \u2013 {b.day} {b:%B %Y}"
    return f"{format_day(a)} \u2013 {format_day(b)}"


def figure_value(total: dict) -> str:
    """The number as a reader should see it: "41", "over 200", "9–12"."""
    low, high, count = total.get("low"), total.get("high"), total.get("count")
    if high is not None and low is not None and high != low:
        return f"{format_number(low)}\u2013{format_number(high)}"
    qualifier = total.get("qualifier")
    number = format_number(count)
    return f"{qualifier} {number}" if qualifier else number


def key_figures(story: dict) -> list[dict[str, Any]]:
    """Rows of a story's key-figures table (a story dict of brief_dict): its reconciled totals, else
    its victim figures (attackers are never shown as casualties). Every row has the same keys."""
    totals = [t for t in story["totals"] if t["figures"]]  # a category nobody reported is not "0"
    if totals:
        incident = {t["category"]: t for t in story.get("incident_totals", ()) if t["figures"]}
        rows = []
        for t in totals:
            rows.append(_figure_row(t, t["figures"], t["refs"], t["sources"], bool(t["contested"])))
            if t["category"] in incident and t["scope"] == "cumulative":
                i = incident[t["category"]]  # the running toll first, then the latest incident's own figure
                rows.append(_figure_row(i, i["figures"], i["refs"], i["sources"], bool(i["contested"])))
        return rows
    victims = [f for f in story["figures"]  # an earlier event's figure ("the 1989 disaster in which 96 died") is no key figure
               if f.get("role", "victim") == "victim" and f.get("scope") != "background"][:KEY_FIGURES_LIMIT]
    return [
        _figure_row(f, [f], [] if f["ref"] is None else [f["ref"]], [f["source"]] if f["source"] else [], False)
        for f in victims
    ]


def _figure_row(item: dict, figures: list[dict], refs: list[int], sources: list[str], contested: bool) -> dict:
    single = not contested and (item["high"] is None or item["high"] == item["low"])
    # "according to" and the sources name who gives THIS number, not everyone who reported the category
    giving = figures if contested else [f for f in figures if f["count"] == item["count"]] or figures
    if not contested and giving is not figures:
        refs = list(dict.fromkeys(f["ref"] for f in giving if f.get("ref") is not None)) or refs
        sources = list(dict.fromkeys(f["source"] for f in giving if f.get("source"))) or sources
    return {
        "value": figure_value(item),  # "over 200", "9–12": the number with its qualifier, as one text
        "qualifier": item["qualifier"] if single else None,  # shown apart from the number when there is one
        "number": format_number(item["count"]) if single else figure_value(item),
        "what": figure_what(item),
        "contested": contested,
        "claimants": distinct_claimants(f["claimant"] for f in giving),
        "claims": _claims(item, figures),
        "more_claims": item.get("more_claims") or 0,  # further claims, summed up ("and 3 more reports")
        "refs": refs,
        "sources": sources,
        "as_of": short_day(item.get("as_of")),  # "6 May": the day the number is as of
        "earlier": _earlier(item),  # "2,500 on 3 May; 1,394 on 26 April": how the number got here
        "place": item.get("place"),
        "by_place": "; ".join(f"{format_number(r['count'])} in {r['place']}" for r in item.get("per_place") or ()),
        "change": change_text(item),  # "up from 2,500 in brief No. 3, 3 May"
    }


def change_text(total: dict) -> str:
    """How a total moved since the previous brief: "up from 2,500 in brief No. 3, 3 May", "revised down from
    359 in brief No. 3, 3 May", "unchanged since brief No. 3"; "" without a previous brief."""
    previous = total.get("previous")
    if not previous:
        return ""
    brief = f"brief No. {previous['number']}" if previous.get("number") else "the previous brief"
    when = short_day(previous.get("brief_date") or previous.get("date"))
    where = f"{brief} of {when}" if when else brief
    count, before = total.get("count"), previous.get("count")
    if count == before:
        return f"unchanged since {brief}"
    word = "up from" if count > before else "revised down from"
    return f"{word} {format_number(before)} in {where}"


def since_box(data: dict) -> dict[str, Any] | None:
    """The "Since the last brief" box: the previous brief, stories new and with new developments, figures
    that moved, stories with nothing new, stories that left; titles, not ids. None for a first brief."""
    changes = data.get("changes")
    if not changes:
        return None
    stories = {s["id"]: s for s in (*data["stories"], *data["also_reported"])}

    def titles(ids):
        return [stories[i]["title"] for i in ids if i in stories]

    previous = changes["previous"]
    label = f"No. {previous['number']}, " if previous.get("number") else ""
    by_story: dict[str, list[str]] = {}  # one line per story: "people killed: 415 (up from 140 on 3 March); ..."
    for f in changes["figures"]:
        what = figure_what({"category": f["category"], "place": f["place"]})
        line = f"{format_number(f['count'])} {what}"
        if f["previous_count"] is not None:
            word = "up from" if f["count"] > f["previous_count"] else "revised down from"
            line += f" ({word} {format_number(f['previous_count'])}" + (f" on {short_day(f['previous_date'])})" if f["previous_date"] else ")")
        else:
            line += " (first reported)"
        story = stories.get(f["story"])
        by_story.setdefault(story["title"] if story else "", []).append(line)
    figures = [{"story": title, "text": "; ".join(lines)} for title, lines in by_story.items()]
    return {
        "previous": f"{label}{format_day(previous['date'])}",
        "new": titles(changes["new_stories"]),
        "developing": titles(changes["developing"]),
        "unchanged": titles(changes["unchanged"]),
        "figures": figures,
        "quiet": list(changes.get("quiet") or ()),
    }


def locator_map(story: dict) -> Markup:
    """An inline SVG locator map of the story's places (briefing.map), or "" when it has none."""
    from .map import locator_svg

    return Markup(locator_svg(story.get("places") or (), story.get("location"), title=f"Where: {story.get('title', '')}"))


def overview_map(stories: Sequence[dict]) -> Markup:
    """One map of the stories' locations, numbered as in the contents ("" for fewer than two located stories)."""
    from .map import overview_svg

    return Markup(overview_svg([(n, s.get("location")) for n, s in enumerate(stories, start=1)]))


def where_text(place: dict | None) -> str:
    """"Ganja, Azerbaijan"; "Kunduz, Afghanistan"; "Azerbaijan"."""
    if not place:
        return ""
    return place["name"] if place["name"] == place["country"] else f"{place['name']}, {place['country']}"


def trend_chart(story: dict) -> Markup:
    """An inline SVG of the story's killed and injured tolls over time, when one has three or more dated
    points (else ""). Drawn from the totals' history: the numbers are the brief's own."""
    from .chart import trend_points, trend_svg

    series = {t["category"]: trend_points(t) for t in story.get("totals") or ()
              if t.get("category") in ("killed", "injured") and t.get("figures")}
    return Markup(trend_svg(series, title=f"{story.get('title', '')}: toll over time"))


EARLIER_SHOWN = 3  # earlier steps of a total's history shown under it


def _claims(item: dict, figures: list[dict]) -> list[dict]:
    """The rival claims of a contested total: each count and claimant once (Total.claims), with its day."""
    if item.get("claims"):
        return [{"value": (f"{c['qualifier']} " if c.get("qualifier") else "") + format_number(c["count"]),
                 "claimant": c["claimant"], "source": c["source"], "as_of": short_day(c.get("date"))}
                for c in item["claims"]]
    return [{"value": figure_value(f), "claimant": f["claimant"], "source": f["source"], "as_of": short_day(f.get("as_of"))}
            for f in figures]


def _earlier(item: dict) -> str:
    """The latest EARLIER_SHOWN different counts reported before the headline's day, newest first."""
    as_of = item.get("as_of")
    steps, seen = [], {item.get("count")}
    for r in reversed(item.get("history") or ()):
        if as_of and r.get("date") and r["date"] < as_of and r["count"] not in seen and r["count"] > 0:
            seen.add(r["count"])
            steps.append(f"{format_number(r['count'])} on {short_day(r['date'])}")
    return "; ".join(steps[:EARLIER_SHOWN])


def short_day(value: Any) -> str:
    """ISO date -> "6 May" (the year is the brief's; the period covered says it)."""
    day = _parse_day(value)
    return f"{day.day} {day:%B}" if day else ""


def distinct_claimants(claimants) -> list[str]:
    """Each claimant once; a short form of a longer one ("Aliyev" beside "President Ilham Aliyev") is dropped."""
    names = list(dict.fromkeys(c.strip() for c in claimants if c and c.strip()))

    def shortened(name: str, other: str) -> bool:
        return name != other and re.search(rf"(?i)(?:^|\s){re.escape(name)}$", other) is not None

    return [n for n in names if not any(shortened(n, other) for other in names)]


_CATEGORY_WORDS = {
    "killed": "killed", "injured": "injured", "missing": "missing", "displaced": "displaced",
    "detained": "detained", "abducted": "abducted", "damaged": "damaged or destroyed",
}


def figure_what(total: dict) -> str:
    """What the number counts: "civilians killed (cumulative, since September 27)"."""
    category = total.get("category") or ""
    figures = total.get("figures") or ()
    group = total.get("group") or (figures[0].get("group") if figures else None)
    if not group and category != "damaged":
        group = "people"
    words = " ".join(w for w in (group, _CATEGORY_WORDS.get(category, category)) if w)
    if total.get("place"):
        words += (" " if re.match(r"(?i)(?:across|throughout|near|off|at)\b", total["place"]) else " in ") + total["place"]
    scope = total.get("scope")
    period = tidy_period(total.get("period"))
    detail = ", ".join(w for w in ("cumulative" if scope == "cumulative" else
                                   "single incident" if scope == "incident" else None, period) if w)
    return f"{words} ({detail})" if detail else words


_ASIDE = re.compile(r",\s*(?:when|which|where|as|after)\b[^,]*,")


def tidy_period(period: str | None) -> str | None:
    """A period as the table shows it: "Between Sept. 27, when the clashes began, and October 11"
    becomes "between Sept. 27 and October 11" (asides dropped, the words otherwise as reported)."""
    if not period:
        return None
    text = re.sub(r"\s+", " ", _ASIDE.sub("", period)).strip(" ,.")
    first = text.split(" ", 1)[0]
    return first.lower() + text[len(first):] if first.lower() in _PERIOD_WORDS else text


_PERIOD_WORDS = {"between", "since", "from", "during", "over", "in", "this", "last", "so", "until", "through"}


def some_names(names: Sequence[str], limit: int = 8) -> str:
    """"A, B and C"; a long list is cut: "A, B, ... and 41 more" (a big story has many outlets)."""
    names = [str(n) for n in names]
    if len(names) > limit:
        return f"{', '.join(names[:limit])} and {len(names) - limit} more"
    if len(names) > 1:
        return f"{', '.join(names[:-1])} and {names[-1]}"
    return names[0] if names else ""


def _oneline(text: Any) -> str:
    return " ".join(str(text).split())


# Markdown: characters that start inline markup anywhere, and those that start a block at line start.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|&~])")
_MD_LINE_START = re.compile(r"^(\s*)([#+\-=>])")
_MD_ORDERED = re.compile(r"^(\s*\d+)([.)])")  # "398. " starts a list: CommonMark escapes the delimiter


def markdown_escape(value: Any) -> str:
    """Text shown literally in Markdown/CommonMark: one line, inline markup and block starters escaped."""
    text = re.sub(r"\s+", " ", "" if value is None else str(value))  # one line: no block can start inside
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def markdown_link(url: Any) -> Any:
    """A web URL as a Markdown autolink (<https://...>); anything else as escaped text."""
    link = web_link(url if isinstance(url, str) else None)
    return Markup(f"<{link}>") if link else Markup(markdown_escape(url))


def _markdown_finalize(value: Any) -> Any:
    """Every {{ expression }} in a Markdown template is escaped unless the template marked it safe."""
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return markdown_escape(value)
