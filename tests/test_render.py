"""Rendering a Brief: layout sections, escaping, templates, PDF metadata, JSON shapes."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime
from html import unescape
from pathlib import Path

import pytest

from briefing import assets
from briefing.errors import RenderError
from briefing.models import Article, Brief, Figure, Selected, Story, Total
from briefing.render import (
    key_figures,
    markdown_escape,
    render,
    render_email,
    render_html,
    render_json,
    render_markdown,
    render_pdf,
    render_template,
    tidy_period,
)
from briefing.serialize import article_dict, brief_dict, figure_dict, selected_dict, total_dict
from briefing.text.sentences import split_sentences

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def _sentence(text: str, fragment: str) -> tuple[int, str]:
    for i, s in enumerate(split_sentences(text)):
        if fragment in s:
            return i, s
    raise AssertionError(f"no sentence with {fragment!r}")


def _selected(articles, index, fragment, score, also=()):
    position, text = _sentence(articles[index].text, fragment)
    return Selected(text=text, article=index, position=position, score=score, also=also)


def _figure(articles, index, fragment, category, count, **kw):
    _, sentence = _sentence(articles[index].text, fragment)
    kw.setdefault("low", count)
    kw.setdefault("high", None)
    kw.setdefault("qualifier", None)
    kw.setdefault("group", "people")
    kw.setdefault("claimant", None)
    kw.setdefault("scope", "cumulative")
    return Figure(category=category, count=count, article=index, sentence=sentence, **kw)


def seeds_articles() -> tuple[Article, ...]:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    return (
        Article(text=texts[0], title="Azerbaijan vows retaliation after missile attack on Ganja", source="TRT World",
                origin=str(SEEDS[0]), url="https://www.trtworld.com/europe/azerbaijan-vows-retaliation-40677",
                published="2020-10-11"),
        Article(text=texts[1], title="Azerbaijan vows 'befitting retaliation' to Armenian attacks",
                source="Anadolu Agency", origin=str(SEEDS[1]), published="2020-10-12"),
    )


def seeds_story(articles, title="Missile attack on Ganja") -> Story:
    keys = (
        _selected(articles, 0, "raising civilian death toll to 41", 0.9, also=(1,)),
        _selected(articles, 1, "At least nine people", 0.8),
    )
    devs = (
        _selected(articles, 0, "launched from Armenia's Vardenis district,\" Aliyev", 0.6),
        _selected(articles, 1, "Some 1,165 houses", 0.5),
    )
    killed = (
        _figure(articles, 0, "climbed to 41", "killed", 41, group="civilians", claimant="Aliyev",
                period="since September 27"),
        _figure(articles, 1, "as many as 41", "killed", 41, group="civilians", qualifier="as many as"),
    )
    injured = (_figure(articles, 0, "climbed to 41", "injured", 200, qualifier="over", claimant="Aliyev"),)
    contested = (
        _figure(articles, 1, "At least nine", "killed", 9, qualifier="at least", scope="incident"),
        _figure(articles, 0, "killed nine people", "killed", 12, scope="incident", claimant="local officials"),
    )
    damaged = (_figure(articles, 1, "Some 1,165", "damaged", 1165, group="houses", claimant="Azerbaijani officials"),)
    totals = (
        Total("killed", 41, 41, None, None, "cumulative", "since September 27", killed, group="civilians"),
        Total("injured", 200, 200, None, "over", "cumulative", None, injured, group="people"),
        Total("killed", 9, 9, 12, None, "incident", None, contested, contested=True, group="people"),
        Total("damaged", 1165, 1165, None, None, "cumulative", None, damaged, group="houses"),
    )
    figures = killed + injured + contested + damaged
    return Story(title, (0, 1), keys, devs, figures, totals, 1.0)


def make_brief(stories=None, also=(), warnings=(), articles=None, **kw) -> Brief:
    articles = articles or seeds_articles()
    stories = stories if stories is not None else (seeds_story(articles),)
    return Brief(title="Nagorno-Karabakh situation brief", date=date(2026, 11, 22),
                 generated=datetime(2026, 11, 22, 7, 5), articles=articles, stories=stories,
                 also_reported=also, period_start="2020-10-11", period_end="2020-10-12", warnings=warnings, **kw)


def hostile_brief(text: str) -> Brief:
    article = Article(text=text, title=text, source=text, origin="hostile.txt", url="javascript:alert(1)")
    sel = Selected(text=text, article=0, position=0, score=1.0)
    fig = Figure("killed", 3, 3, None, None, "people", text, "incident", 0, text)
    story = Story(text, (0,), (sel,), (sel,), (fig,), (Total("killed", 3, 3, None, None, "incident", None, (fig,)),))
    return Brief(title=text, date=date(2026, 11, 22), generated=datetime(2026, 11, 22, 7, 0), articles=(article,),
                 stories=(story,), also_reported=(Story(text, (0,), (), ()),), warnings=(text,))


def body(html: str) -> str:
    """The visible part of the page (the stylesheet's comments name sections too)."""
    return html.split("<body", 1)[1]


def pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


# ---------------------------------------------------------------- layout


def test_html_has_every_section_with_figures_and_credit():
    html = render_html(make_brief(warnings=("skipped empty.txt: the file is empty",)))
    for expected in ("Nagorno-Karabakh situation brief", "22 November 2026", "11–12 October 2020", "Key points",
                     "Key figures", "Developments", "Sources", "TRT World", "Anadolu Agency", "1,165", ">41<",
                     "contested", "Aliyev", "Azerbaijani officials", "skipped empty.txt: the file is empty",
                     "https://www.trtworld.com/europe/azerbaijan-vows-retaliation-40677", SEEDS[1].name):
        assert expected in html, expected
    # a sentence merged from two outlets is credited to both
    kp = html.split("Key points", 1)[1].split("</li>", 1)[0]
    assert "TRT World" in kp and "Anadolu Agency" in kp


def test_one_story_has_no_story_headings_and_empty_sections_are_omitted():
    articles = seeds_articles()
    story = seeds_story(articles)
    bare = Story(story.title, story.articles, story.key_points, (), (), ())
    html = body(render_html(make_brief(stories=(bare,), articles=articles)))
    assert "Key points" in html
    for absent in ("Key figures", "Developments", "Also reported", "Notes", story.title, 'class="contents"'):
        assert absent not in html, absent


def test_several_stories_each_get_a_section_and_also_reported_lists_the_rest():
    articles = seeds_articles()
    stories = (seeds_story(articles, "Missile attack on Ganja"), seeds_story(articles, "Ceasefire talks in Moscow"))
    also = (Story("Floods in the south", (1,), (), ()),)
    html = body(render_html(make_brief(stories=stories, also=also, articles=articles)))
    assert html.count("Key figures") == 2
    for title in ("Missile attack on Ganja", "Ceasefire talks in Moscow", "Also reported", "Floods in the south"):
        assert title in html
    md = render_markdown(make_brief(stories=stories, also=also, articles=articles))
    assert "## 1. Missile attack on Ganja" in md and "## Also reported" in md
    assert "\\[TRT World 1; Anadolu Agency 2\\]" in md


def test_sources_list_only_cited_articles_with_sentence_counts():
    articles = seeds_articles() + (Article(text="Unrelated.", title="Uncited", source="Elsewhere", origin="x.txt"),)
    data = brief_dict(make_brief(articles=articles))
    assert [s["name"] for s in data["sources"]] == ["TRT World", "Anadolu Agency"]
    assert [s["number"] for s in data["sources"]] == [1, 2]
    # key points: one from TRT World also reported by Anadolu, one from Anadolu; developments: one each
    assert [s["sentences"] for s in data["sources"]] == [2, 3]
    assert data["articles_read"] == 3


# ---------------------------------------------------------------- escaping

HOSTILE = '<script>alert(1)</script> <b>bold</b> {{ 7*7 }} {% for x in [1] %}loop{% endfor %} {# c #} & | [x](y)'


@pytest.mark.parametrize("renderer", [render_html, render_markdown, lambda b: "\n".join(render_email(b))])
def test_article_text_is_never_a_template(renderer):
    out = renderer(hostile_brief(HOSTILE)).replace("\\", "")  # Markdown escapes removed
    out = body(out) if "<body" in out else out
    assert "49" not in out and "loop loop" not in out
    assert "{{ 7*7 }}" in out
    assert "{% for x in [1] %}loop{% endfor %}" in out


@pytest.mark.parametrize("renderer", [render_html, lambda b: render_email(b)[1]])
def test_html_outputs_escape_markup_in_every_field(renderer):
    html = renderer(hostile_brief(HOSTILE))
    assert "<script>" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html


def test_markdown_escapes_markup():
    assert markdown_escape("a *b* _c_ `d` [e](f) <g> | h & i") == r"a \*b\* \_c\_ \`d\` \[e\](f) \<g\> \| h \& i"
    for line_start in ("# heading", "- item", "+ item", "> quote", "= setext"):
        escaped = markdown_escape(line_start)
        assert escaped.startswith("\\"), escaped
    # a backslash before a digit is shown as is (only punctuation can be escaped): escape the delimiter
    assert markdown_escape("1. item") == "1\\. item" and markdown_escape("2) item") == "2\\) item"
    assert markdown_escape("398.txt") == "398\\.txt"
    assert markdown_escape("two\n\nparagraphs\n# x") == "two paragraphs # x"
    md = render_markdown(hostile_brief(HOSTILE + "\n# not a heading"))
    assert "\\<script\\>" in md and "\\[x\\](y)" in md
    assert "\n# not a heading" not in md and "javascript:" not in md.replace("javascript:alert(1)", "")


# ---------------------------------------------------------------- PDF


def test_pdf_has_metadata_page_numbers_and_no_embedded_files():
    from pypdf import PdfReader

    pdf = render_pdf(make_brief())
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title.startswith("Nagorno-Karabakh situation brief")
    assert reader.metadata.creation_date.date() == date(2026, 11, 22)
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
    assert b"/EmbeddedFile" not in pdf
    text = pdf_text(pdf)
    assert "Page 1 of" in text
    for expected in ("22 November 2026", "41", "200", "1,165", "TRT World", "Anadolu Agency"):
        assert expected in text, expected
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points


def test_render_returns_each_format_asked_for():
    out = render(make_brief(), ["json", "md", "html", "pdf"])
    assert set(out) == {"json", "md", "html", "pdf"}
    assert out["pdf"].startswith(b"%PDF")
    assert json.loads(out["json"])["date"] == "2026-11-22"
    with pytest.raises(RenderError, match="docx"):
        render(make_brief(), ["pdf", "docx"])


def test_importing_render_does_not_import_weasyprint():
    code = "import sys, briefing.render; sys.exit('weasyprint' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


# ---------------------------------------------------------------- templates


def test_user_template_dir_overrides_the_default(tmp_path):
    (tmp_path / "brief.html.j2").write_text("<p>custom {{ brief.title }} {{ date_long }}</p>", encoding="utf-8")
    assert render_html(make_brief(), [tmp_path]) == "<p>custom Nagorno-Karabakh situation brief 22 November 2026</p>"
    # a folder holding only a stylesheet restyles the default layout
    css_only = tmp_path / "css"
    css_only.mkdir()
    (css_only / "brief.css").write_text("h1 { color: rgb(1, 2, 3); }", encoding="utf-8")
    html = render_html(make_brief(), [css_only])
    assert "rgb(1, 2, 3)" in html and "Key figures" in html


def test_missing_template_names_every_path_searched(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    with pytest.raises(RenderError) as error:
        render_template("nowhere.html.j2", make_brief(), [first, second])
    message = str(error.value)
    for path in (first, second, assets.template_dir()):
        assert str(path.resolve()) in message
    assert "\n" not in message


def test_a_missing_template_folder_is_named(tmp_path):
    with pytest.raises(RenderError, match="no-such-folder"):
        render_html(make_brief(), [tmp_path / "no-such-folder"])


def test_broken_user_template_is_a_render_error(tmp_path):
    (tmp_path / "brief.html.j2").write_text("{% for %}", encoding="utf-8")
    with pytest.raises(RenderError, match="brief.html.j2"):
        render_html(make_brief(), [tmp_path])
    (tmp_path / "brief.html.j2").write_text("{{ no_such_variable }}", encoding="utf-8")
    with pytest.raises(RenderError, match="no_such_variable"):
        render_html(make_brief(), [tmp_path])


# ---------------------------------------------------------------- JSON shapes


def test_json_shapes_keep_their_contract_keys():
    brief = make_brief()
    articles = brief.articles
    story = brief.stories[0]
    assert list(article_dict(articles[0]))[:6] == ["input", "title", "source", "published", "url", "text"]
    sel = selected_dict(story.key_points[0], articles)
    assert list(sel)[:6] == ["text", "source", "article", "score", "sources", "articles"]
    assert sel["source"] == "TRT World" and sel["article"] == str(SEEDS[0])
    assert sel["sources"] == ["TRT World", "Anadolu Agency"] and sel["articles"] == [str(p) for p in SEEDS]
    fig = figure_dict(story.figures[0], articles)
    assert list(fig)[:13] == ["category", "count", "low", "high", "qualifier", "group", "claimant", "scope",
                              "source", "article", "sentence", "role", "period"]
    total = total_dict(story.totals[0], articles)
    assert list(total)[:9] == ["count", "low", "high", "qualifier", "scope", "period", "contested", "sources",
                               "figures"]
    assert total["sources"] == ["TRT World", "Anadolu Agency"] and len(total["figures"]) == 2
    data = json.loads(render_json(brief))
    assert list(data)[:8] == ["title", "date", "generated", "period", "stories", "sources", "also_reported",
                              "warnings"]
    assert data["period"] == {"start": "2020-10-11", "end": "2020-10-12"}
    assert data["stories"][0]["key_points"][0]["text"] == story.key_points[0].text


def test_unknown_outlet_is_an_empty_string_and_labelled_by_its_file():
    articles = (Article(text="Five people were injured.", title="T", source="", origin="/data/wire-7.txt"),)
    sel = Selected(text="Five people were injured.", article=0, position=0, score=1.0)
    assert selected_dict(sel, articles)["source"] == ""
    brief = make_brief(stories=(Story("T", (0,), (sel,), ()),), articles=articles)
    assert "wire-7.txt" in render_html(brief)


def test_a_fact_carried_by_many_outlets_stays_readable():
    from briefing.render import CITE_LIMIT, SOURCES_LIMIT

    n = SOURCES_LIMIT + 20
    articles = tuple(Article(text="Seven people were killed.", title=f"Report {i}", source=f"Outlet {i}",
                             origin=f"feed/{i}.txt") for i in range(n))
    sel = Selected(text="Seven people were killed.", article=0, position=0, score=1.0, also=tuple(range(1, n)))
    brief = make_brief(stories=(Story("Attack", tuple(range(n)), (sel,), ()),), articles=articles)
    html = body(render_html(brief))
    key_point = html.split("Key points", 1)[1].split("</li>", 1)[0]
    assert key_point.count("Outlet ") == CITE_LIMIT and f"{n - CITE_LIMIT} more" in key_point
    assert html.count('<tr id="source-') == SOURCES_LIMIT
    assert "20 more articles from 20 outlets" in html
    assert len(json.loads(render_json(brief))["sources"]) == n
    assert "Outlet 0" in render_markdown(brief) and "20 more articles" in render_markdown(brief)


def test_without_totals_the_victim_figures_are_shown_and_attackers_are_not():
    articles = seeds_articles()
    victims = _figure(articles, 1, "At least nine", "killed", 9, qualifier="at least", scope="incident")
    attackers = _figure(articles, 1, "At least nine", "killed", 3, group="attackers", role="perpetrator")
    story = Story("Ganja", (0, 1), seeds_story(articles).key_points, (), (victims, attackers), ())
    html = body(render_html(make_brief(stories=(story,), articles=articles)))
    figures = html.split("Key figures", 1)[1].split("</table>", 1)[0]
    assert ">9<" in figures and "attackers" not in figures


def test_a_claimant_named_twice_is_shown_once_by_its_fullest_name():
    from briefing.render import distinct_claimants

    assert distinct_claimants(["President Ilham Aliyev", "Aliyev", None, "the ministry", "Aliyev"]) == [
        "President Ilham Aliyev", "the ministry"]
    assert distinct_claimants(["Ali", "Aliyev"]) == ["Ali", "Aliyev"]  # a word, not a few letters


def test_a_title_that_repeats_a_quoted_sentence_is_not_printed_twice():
    articles = seeds_articles()
    story = seeds_story(articles)
    lede = story.key_points[0].text
    articles = (replace(articles[0], title=lede.rstrip(".")),) + articles[1:]
    html = unescape(body(render_html(make_brief(articles=articles))))
    assert html.count(lede.rstrip(".")) == 1
    table = html.split('class="sources"', 1)[1]
    assert " ".join(lede.split()[:6]) + "\u2026" in table
    assert articles[1].title in table  # other titles are printed whole


def test_key_figures_show_a_running_toll_and_then_the_incident_figure():
    articles = seeds_articles()
    story = seeds_story(articles)
    incident = Total("killed", 9, 9, None, "at least", "incident", None,
                     (_figure(articles, 1, "At least nine", "killed", 9, qualifier="at least", scope="incident"),))
    story = replace(story, totals=story.totals[:2], incident_totals=(incident,))
    rows = key_figures(brief_dict(make_brief(stories=(story,)))["stories"][0])
    assert [r["value"] for r in rows] == ["41", "9", "over 200"] or [r["number"] for r in rows] == ["41", "9", "200"]
    assert "single incident" in rows[1]["what"] and "cumulative" in rows[0]["what"]


def test_a_category_nobody_reported_is_not_shown_as_zero():
    articles = seeds_articles()
    story = seeds_story(articles)
    empty = Total("injured", 0, 0, None, None, "incident", None, ())
    story = replace(story, totals=(story.totals[0], empty))
    rows = key_figures(brief_dict(make_brief(stories=(story,)))["stories"][0])
    assert len(rows) == 1 and rows[0]["number"] == "41"


def test_according_to_names_who_gives_that_number():
    articles = seeds_articles()
    figs = (
        _figure(articles, 1, "34 others", "injured", 34, scope="incident", claimant="the health ministry"),
        _figure(articles, 0, "wounded dozens", "injured", 12, scope="incident", claimant="Aliyev"),
    )
    story = replace(seeds_story(articles), totals=(Total("injured", 34, 34, None, None, "incident", None, figs),))
    rows = key_figures(brief_dict(make_brief(stories=(story,)))["stories"][0])
    assert rows[0]["claimants"] == ["the health ministry"]


def test_periods_drop_asides_but_keep_the_reported_words():
    assert tidy_period("Between Sept. 27, when the clashes began, and October 11") == "between Sept. 27 and October 11"
    assert tidy_period("Monday's attack") == "Monday's attack"
    assert tidy_period(None) is None


def test_sources_of_a_figure_are_those_that_give_that_number():
    articles = seeds_articles()
    figs = (
        _figure(articles, 1, "34 others", "injured", 34, scope="incident"),
        _figure(articles, 0, "wounded dozens", "injured", 12, scope="incident", claimant="Aliyev"),
    )
    story = replace(seeds_story(articles), totals=(Total("injured", 34, 34, None, None, "incident", None, figs),))
    row = key_figures(brief_dict(make_brief(stories=(story,)))["stories"][0])[0]
    assert row["sources"] == ["Anadolu Agency"] and row["claimants"] == []


def test_a_background_figure_is_never_a_key_figure():
    articles = seeds_articles()
    background = _figure(articles, 0, "climbed to 41", "killed", 96, scope="background")
    story = replace(seeds_story(articles), totals=(), figures=(background,))
    assert key_figures(brief_dict(make_brief(stories=(story,)))["stories"][0]) == []
