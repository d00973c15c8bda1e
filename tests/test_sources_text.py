"""Reading inputs: the plain-text reader, folders, bad files, the reader registry."""
from __future__ import annotations

import codecs
import os
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from briefing.errors import EXIT_USAGE, SourceError
from briefing.sources import ReadOptions, read_input_groups, read_inputs, registry
from briefing.sources.text import article_from_text
from briefing.text.sentences import split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

STORY = [
    "Missiles struck the city of Ganja on Sunday, killing at least nine people and wounding 34 others, "
    "officials said.",
    "The attack came hours after a humanitarian truce took effect. Both sides accused each other of breaking it.",
    "\u201cThis is a war crime,\u201d the president said in a televised address. He promised a response.",
    "Talks brokered by Russia are due to resume in Moscow next week, according to diplomats in the region.",
]


def read(path: Path, **options) -> tuple[list, list[str]]:
    warnings: list[str] = []
    return read_inputs([str(path)], ReadOptions(**options), warnings.append), warnings


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seeds():
    warnings: list[str] = []
    articles = read_inputs([str(SEEDS)], None, warnings.append)
    return articles, warnings


def test_seeds_credit_their_outlets_from_the_trailers(seeds):
    articles, warnings = seeds
    assert warnings == []
    assert sorted(a.source for a in articles) == ["Anadolu Agency", "TRT World"]
    for article in articles:
        assert article.attribution and article.attribution in open(article.origin, encoding="utf-8").read()
        assert "Source:" not in article.text and "Copyright" not in article.text
        assert "rights reserved" not in article.text
        assert article.input == str(SEEDS) and article.origin.startswith(str(SEEDS))


def test_seeds_lose_their_boilerplate(seeds):
    articles, _ = seeds
    for article in articles:
        assert "READ MORE" not in article.text.upper()
        sentences = split_sentences(article.text)
        assert len(sentences) == len(set(sentences)), "a sentence appears twice"
        for sentence in sentences:  # a subheading is never glued to the sentence after it
            assert sentence[0].isupper() or sentence[0] in "\"\u201c'\u2018", sentence
        for paragraph in article.text.split("\n\n"):
            assert paragraph == paragraph.strip() and paragraph
        # the photo caption of seed 000 appears at most once
        assert article.text.count("A woman waits for her relatives") <= 1
        assert "(Reuters)" not in article.text


def test_seeds_titles_and_event_dates(seeds):
    articles, _ = seeds
    for article in articles:
        first_sentence = split_sentences(article.text)[0]
        assert article.title and len(article.title.split()) <= 16 and not article.title.endswith(".")
        assert first_sentence.startswith(article.title.rstrip("\u2026"))  # the lede is not a headline: kept
    by_source = {a.source: a for a in articles}
    assert by_source["TRT World"].event_date == "2020-10-11"  # "on October 11, 2020"
    assert by_source["Anadolu Agency"].event_date is None  # only "October 11": no year is guessed


# ------------------------------------------------------------------------------------------ metadata


def test_front_matter(tmp_path):
    text = ("---\ntitle: Missiles hit Ganja\nsource: AA\nurl: https://www.aa.com.tr/en/x/1\n"
            "date: 2020-10-12\nauthor: Jane Doe\n---\n" + "\n\n".join(STORY) + "\n\nMissiles fell on Oct. 11.\n")
    (article,), _ = read(write(tmp_path / "a.md", text))
    assert article.title == "Missiles hit Ganja"
    assert article.source == "Anadolu Agency"
    assert article.url == "https://www.aa.com.tr/en/x/1"
    assert article.published == "2020-10-12"
    assert article.author == "Jane Doe"
    assert article.event_date == "2020-10-11"  # the year from the publication date
    assert article.text.startswith(STORY[0]) and "title:" not in article.text


def test_front_matter_is_data_never_code(tmp_path):
    text = ("---\ntitle: \"<script>x</script> {{ 7*7 }}\"\nsource: Local Wire and agencies\n"
            "url: \"javascript:alert(1)\"\npublished: not a date\n---\n" + STORY[0] + "\n")
    (article,), _ = read(write(tmp_path / "a.txt", text))
    assert article.title == "<script>x</script> {{ 7*7 }}"
    assert article.source == "Local Wire"
    assert article.url is None and article.published is None


def test_broken_front_matter_is_read_as_text(tmp_path):
    text = "---\ntitle: [unclosed\n---\n" + STORY[0] + "\n"
    (article,), _ = read(write(tmp_path / "a.txt", text))
    assert STORY[0] in article.text


def test_header_block(tmp_path):
    text = "Title: Truce under strain\nSource: Reuters\nDate: October 12, 2020\n\n" + "\n\n".join(STORY)
    (article,), _ = read(write(tmp_path / "a.txt", text))
    assert (article.title, article.source, article.published) == ("Truce under strain", "Reuters", "2020-10-12")
    assert article.text.startswith(STORY[0])


def test_headline_on_the_first_line_is_the_title(tmp_path):
    (article,), _ = read(write(tmp_path / "a.txt", "Missiles hit Ganja as truce falters\n\n" + "\n\n".join(STORY)))
    assert article.title == "Missiles hit Ganja as truce falters"
    assert article.text == "\n\n".join(STORY)


def test_without_a_headline_a_title_is_derived_from_the_lede(tmp_path):
    (article,), _ = read(write(tmp_path / "a.txt", "\n\n".join(STORY)))
    assert article.text == "\n\n".join(STORY)
    assert article.title == "Missiles struck the city of Ganja on Sunday"


def test_markdown(tmp_path):
    text = ("# Missiles hit Ganja\n\nBy Jane Doe\n\n" + STORY[0] + " [Read the statement](https://example.org/s) "
            "was published.\n\n![pixel](http://127.0.0.1/p.png)\n\n**" + STORY[1] + "**\n")
    (article,), _ = read(write(tmp_path / "a.md", text))
    assert article.title == "Missiles hit Ganja" and article.author == "Jane Doe"
    assert "Read the statement was published." in article.text
    assert "http" not in article.text and "**" not in article.text and "pixel" not in article.text


def test_agency_dateline(tmp_path):
    text = "BAKU, Azerbaijan (AA) - " + STORY[0] + "\n\n" + STORY[1]
    (article,), _ = read(write(tmp_path / "a.txt", text))
    assert article.source == "Anadolu Agency" and article.text.startswith(STORY[0])


def test_name_option_overrides_the_outlet(tmp_path):
    (article,), _ = read(write(tmp_path / "a.txt", STORY[0] + "\n\nSource: Reuters"), name="Wire Service X")
    assert article.source == "Wire Service X"


# -------------------------------------------------------------------------------------------- layout

SENTENCES = [s for p in STORY for s in split_sentences(p)]
LAYOUTS = {
    "blank-line paragraphs": "\n\n".join(STORY),
    "one paragraph per line": "\n".join(STORY),
    "one sentence per line": "\n".join(SENTENCES),
    "wrapped at 72 with blank lines": "\n\n".join(textwrap.fill(p, 72) for p in STORY),
    "wrapped at 60, no blank lines": "\n".join(textwrap.fill(p, 60) for p in STORY),
    "wrapped, CRLF, trailing spaces": "\r\n\r\n".join(textwrap.fill(p, 78).replace("\n", "  \r\n") for p in STORY),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_gives_the_same_sentences(tmp_path, layout):
    (article,), _ = read(write(tmp_path / "story.txt", "Missiles hit Ganja\n\n" + LAYOUTS[layout]))
    assert article.title == "Missiles hit Ganja"
    assert split_sentences(article.text) == SENTENCES
    if layout not in ("one sentence per line", "wrapped at 60, no blank lines"):
        # (without blank lines, a wrapped paragraph whose last line is full cannot be told from the next)
        assert article.text.split("\n\n") == STORY


def test_hyphenated_words_broken_at_line_end_are_rejoined():
    text = "\n".join(textwrap.fill(p.replace("truce", "cease-fire"), 40) for p in STORY * 2)
    article = article_from_text(text, origin="x")
    assert "cease- fire" not in article.text and "cease-fire" in article.text


def test_subheading_lines_stay_out_of_sentences(tmp_path):
    text = "\n".join([STORY[0], "Truce under strain", STORY[1], "READ MORE: Another story", STORY[2]])
    (article,), _ = read(write(tmp_path / "a.txt", text))
    assert "Truce under strain" not in article.text and "READ MORE" not in article.text
    assert split_sentences(article.text) == [s for p in STORY[:3] for s in split_sentences(p)]


def test_repeated_caption_is_dropped(tmp_path):
    caption = "A woman waits near the site targeted by missiles, in Ganja, Azerbaijan, on October 11, 2020."
    text = "\n\n".join([STORY[0], caption + "\n" + caption + " (Reuters)", STORY[1]])
    (article,), _ = read(write(tmp_path / "a.txt", text))
    assert "A woman waits" not in article.text
    assert article.event_date == "2020-10-11"  # the date the caption states is still used


# ---------------------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),
        lambda s: s.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "cp1252"],
)
def test_encodings(tmp_path, encode):
    text = "Caf\u00e9 owners in Ganja said \u201cenough\u201d \u2014 the ministry\u2019s data showed 1,165 houses hit."
    (article,), _ = read(write(tmp_path / "a.txt", encode(text + "\r\n")))
    assert article.text == text


# ---------------------------------------------------------------------------------------- bad files


def test_bad_files_are_skipped_with_one_warning_each(tmp_path):
    write(tmp_path / "good.txt", STORY[0])
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.txt", b"  \n\n \t\n")
    write(tmp_path / "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(tmp_path / "noext", b"\x00\x01\x02\x03" * 50)
    write(tmp_path / "blob.bin", bytes(range(256)) * 4)
    write(tmp_path / "big.txt", ("word " * 400).encode())
    articles, warnings = read(tmp_path, max_bytes=1000)
    assert [Path(a.origin).name for a in articles] == ["good.txt"]
    assert len(warnings) == 6
    reasons = {Path(w.split(":")[0].removeprefix("skipped ")).name: w for w in warnings}
    assert set(reasons) == {"empty.txt", "blank.txt", "binary.txt", "noext", "blob.bin", "big.txt"}
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.txt"]
    assert all("binary" in reasons[name] for name in ("binary.txt", "noext", "blob.bin"))
    assert "too large" in reasons["big.txt"] and "\n" not in "".join(warnings)


def test_unreadable_file_is_skipped(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    write(tmp_path / "good.txt", STORY[0])
    locked = write(tmp_path / "locked.txt", STORY[1])
    locked.chmod(0)
    articles, warnings = read(tmp_path)
    assert len(articles) == 1 and len(warnings) == 1 and "locked.txt" in warnings[0]


def test_missing_path_is_an_error(tmp_path):
    missing = str(tmp_path / "nope")
    with pytest.raises(SourceError, match="no such file or directory: .*nope") as error:
        read_inputs([str(SEEDS), missing])
    assert error.value.exit_code == EXIT_USAGE


def test_nothing_readable_is_an_error(tmp_path):
    write(tmp_path / "empty.txt", b"")
    warnings: list[str] = []
    with pytest.raises(SourceError, match="nothing readable in") as error:
        read_inputs([str(tmp_path)], None, warnings.append)
    assert error.value.exit_code == EXIT_USAGE and len(warnings) == 1


# ------------------------------------------------------------------------------------------- folders


def test_folders_are_read_recursively_in_a_stable_order(tmp_path):
    write(tmp_path / "b.txt", STORY[1])
    write(tmp_path / "a.txt", STORY[0])
    write(tmp_path / "sub" / "c.md", STORY[2])
    write(tmp_path / "sub" / "deeper" / "d.txt", STORY[3])
    write(tmp_path / ".hidden.txt", STORY[0])
    write(tmp_path / ".git" / "e.txt", STORY[0])
    write(tmp_path / "page_files" / "photo.jpg", b"\xff\xd8\xff\xe0" + bytes(100))  # a page's asset: silent
    write(tmp_path / "page_files" / "style.css", "body { color: red }")
    write(tmp_path / "notes.csv", "a,b\n1,2\n")  # no reader, not an asset: said
    articles, warnings = read(tmp_path)
    assert len(warnings) == 1 and "notes.csv" in warnings[0] and "no reader" in warnings[0]
    assert [os.path.relpath(a.origin, tmp_path) for a in articles] == [
        "a.txt", "b.txt", os.path.join("sub", "c.md"), os.path.join("sub", "deeper", "d.txt")]
    assert {a.input for a in articles} == {str(tmp_path)}


def test_a_file_named_directly_that_no_reader_takes_is_a_warning(tmp_path):
    write(tmp_path / "a.txt", STORY[0])
    odd = write(tmp_path / "notes.csv", "a,b\n")
    warnings: list[str] = []
    articles = read_inputs([str(tmp_path / "a.txt"), str(odd)], None, warnings.append)
    assert len(articles) == 1 and len(warnings) == 1 and "no reader" in warnings[0] and "notes.csv" in warnings[0]


def test_input_is_kept_exactly_as_given_and_a_file_is_read_once(tmp_path, monkeypatch):
    write(tmp_path / "dir" / "a.txt", STORY[0])
    write(tmp_path / "dir" / "b.txt", STORY[1])
    monkeypatch.chdir(tmp_path)
    articles = read_inputs(["dir/", "./dir/a.txt"])
    assert [(a.input, os.path.basename(a.origin)) for a in articles] == [("dir/", "a.txt"), ("dir/", "b.txt")]
    groups = read_input_groups(["./dir/a.txt", "dir/"])
    assert [(given, len(found)) for given, found in groups] == [("./dir/a.txt", 1), ("dir/", 2)]
    assert groups[0][1][0].input == "./dir/a.txt"


def test_since_and_limit(tmp_path):
    for day in (10, 11, 12):
        write(tmp_path / f"{day}.txt", f"---\npublished: 2020-10-{day}\n---\n{STORY[0]}\n")
    articles, _ = read(tmp_path, since="2020-10-11")
    assert [a.published for a in articles] == ["2020-10-11", "2020-10-12"]
    articles, _ = read(tmp_path, limit=1)
    assert [a.published for a in articles] == ["2020-10-10"]


# ------------------------------------------------------------------------------------------ registry


def test_missing_reader_module_says_why(tmp_path, monkeypatch):
    monkeypatch.setattr(registry, "READER_MODULES", ("briefing.sources.text", "briefing.sources.no_such_reader"))
    monkeypatch.setitem(registry.WOULD_ACCEPT, "briefing.sources.no_such_reader", (".odd",))
    (reader, missing) = registry.readers()
    assert reader.available and not missing.available and missing.why_unavailable
    write(tmp_path / "a.txt", STORY[0])
    target = write(tmp_path / "story.odd", "<odd/>")
    warnings: list[str] = []
    read_inputs([str(tmp_path / "a.txt"), str(target)], None, warnings.append)
    assert len(warnings) == 1 and "story.odd" in warnings[0] and "no_such_reader" in warnings[0]


def test_reader_needing_a_missing_library_is_unavailable(tmp_path, monkeypatch):
    write(tmp_path / "needs_lib_reader.py", "import not_a_real_package_1234\nNAME='x'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    (reader,) = registry.readers(("needs_lib_reader",))
    assert not reader.available and "not_a_real_package_1234" in reader.why_unavailable


def test_a_crashing_reader_costs_one_warning(tmp_path, monkeypatch):
    write(tmp_path / "crash_reader.py",
          "NAME = 'crash'\ndef accepts(t): return t.endswith('.boom')\ndef read(t, o): raise RuntimeError('bang')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "READER_MODULES", ("briefing.sources.text", "crash_reader"))
    write(tmp_path / "in" / "a.txt", STORY[0])
    write(tmp_path / "in" / "b.boom", "x")
    articles, warnings = read(tmp_path / "in")
    assert len(articles) == 1 and len(warnings) == 1 and "bang" in warnings[0] and "b.boom" in warnings[0]


# ---------------------------------------------------------------------------------------- properties


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text_never_breaks_the_text_reader(text):
    article = article_from_text(text, origin="random.txt")
    if article is not None:
        assert article.text.strip() and article.title


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600), st.sampled_from(["x.txt", "x.md", "x", "x.html", "x.xml"]))
def test_random_bytes_only_ever_raise_source_error(data, name):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        warnings: list[str] = []
        try:
            articles = read_inputs([folder], None, warnings.append)
        except SourceError:
            return
        assert articles and all(a.text and a.title for a in articles)


def test_a_large_folder_read_on_two_processes_gives_the_same_articles_and_warnings(tmp_path, monkeypatch):
    import briefing.sources as sources
    from briefing.parallel import can_fork

    if not can_fork():
        pytest.skip("no second process to read with here")
    for n in range(12):
        body = " ".join(STORY[n % 4:]) + f" Item {n}."
        write(tmp_path / f"part{n % 3}" / f"{n:02d}.txt", f"Headline number {n}\n\n{body}")
    write(tmp_path / "part1" / "empty.txt", "")
    write(tmp_path / "part2" / "binary", bytes(range(256)) * 4)
    alone, alone_warnings = read(tmp_path)
    parent_reads: list[int] = []
    read_chunk = sources._read_chunk
    monkeypatch.setattr(sources, "PARALLEL_MIN_FILES", 2)
    def counted(targets, options):
        parent_reads.append(len(targets))
        return read_chunk(targets, options)

    monkeypatch.setattr(sources, "_read_chunk", counted)
    shared, shared_warnings = read(tmp_path)
    assert parent_reads and parent_reads[0] < 14  # this process read only part of the folder
    assert shared == alone and len(alone) == 12
    assert shared_warnings == alone_warnings and len(alone_warnings) == 2


def test_a_one_line_report_without_a_full_stop_is_the_article_text():
    from briefing.sources.text import article_from_text

    article = article_from_text("A roadside bomb kills 35 and injures 27 in Mogadishu\n", origin="note.txt")
    assert article is not None
    assert "kills 35 and injures 27" in article.text


def test_a_headline_over_an_unpunctuated_line_keeps_both():
    from briefing.sources.text import article_from_text

    article = article_from_text("Bomb hits market\n\nThree people were killed and 12 injured near the market\n", origin="n.txt")
    assert article is not None and "Three people were killed" in article.text
