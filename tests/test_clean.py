"""Boilerplate removal, decoding and date finding: the text utilities every reader relies on."""
from __future__ import annotations

import codecs
from datetime import date

import pytest

from briefing.text.clean import clean_paragraphs, is_link_prompt, is_subheading, parse_trailer, strip_dateline
from briefing.text.dates import event_date, find_date_mentions, find_dates, parse_date
from briefing.text.decode import BinaryData, decode_bytes

CAPTION = "A woman waits for her relatives to be rescued near the site targeted by missiles, in Ganja, on October 11, 2020."


# --------------------------------------------------------------------------------------------- clean


def test_read_more_and_calls_to_action_go():
    for line in ("READ MORE:\u00a0 Armenian attack on Azerbaijani city leaves several dead", "Read more: Truce talks",
                 "Also read", "ALSO READ | Ceasefire collapses", "Sign up for our newsletter"):
        assert is_link_prompt(line), line
    for line in ("Related talks were held on Monday in Moscow.", "Watchdogs said the vote was fair."):
        assert not is_link_prompt(line), line


def test_caption_repeated_with_credit_is_dropped_and_kept_aside():
    cleaned = clean_paragraphs(["First sentence of the story.", CAPTION, CAPTION + " (Reuters)", "Next paragraph."])
    assert cleaned.paragraphs == ["First sentence of the story.", "Next paragraph."]
    assert cleaned.captions == [CAPTION]


def test_caption_and_its_copy_run_together_in_one_paragraph():
    cleaned = clean_paragraphs(["Lede sentence here.", CAPTION + " " + CAPTION + " (Reuters)", "More."])
    assert cleaned.paragraphs == ["Lede sentence here.", "More."]


def test_a_sentence_quoting_an_agency_is_not_a_caption():
    text = "The ministry said 12 people were killed, according to a statement carried by Reuters (Reuters) on Monday."
    assert clean_paragraphs([text]).paragraphs == [text]
    quote = '"We saw the photo (AP Photo) everywhere," she said.'
    assert clean_paragraphs([quote]).paragraphs == [quote]


def test_trailers_become_attribution_and_outlet():
    cleaned = clean_paragraphs(["The story.", "READ MORE: Other story", "Source: TRTWorld and agencies"])
    assert cleaned.paragraphs == ["The story."]
    assert cleaned.attribution == "Source: TRTWorld and agencies"
    assert cleaned.outlet == "TRT World"
    notice = ("Copyright 2022 Anadolu Agency. All rights reserved. This material may not be published, "
              "broadcast, rewritten, or redistributed.")
    cleaned = clean_paragraphs(["The story.", notice])
    assert (cleaned.paragraphs, cleaned.attribution, cleaned.outlet) == (["The story."], notice, "Anadolu Agency")


@pytest.mark.parametrize(
    "line, outlet",
    [
        ("\u00a9 2022 Reuters", "Reuters"),
        ("(c) Copyright Thomson Reuters 2022. Click for restrictions.", "Reuters"),
        ("Copyright \u00a9 2022 The Associated Press. All rights reserved.", "Associated Press"),
        ("Sources: AFP, Reuters", "AFP"),
        ("Reporting by Jane Doe; Editing by John Roe", None),
    ],
)
def test_trailer_forms(line, outlet):
    notice, found = parse_trailer(line)
    assert notice == line and found == outlet


def test_news_sentences_are_not_trailers():
    for line in ("Copyright law changed in 2020.", "The random redistribution effect of rebanding will hurt.",
                 "Source: the health ministry said twelve people died in the attack on the market on Monday morning."):
        assert parse_trailer(line) is None, line


def test_outlet_name_alone_is_a_credit_only_at_the_end():
    assert clean_paragraphs(["Story.", "Hill.", "More story."]).paragraphs == ["Story.", "Hill.", "More story."]
    cleaned = clean_paragraphs(["Story.", "(Reuters)"])
    assert cleaned.paragraphs == ["Story."] and cleaned.outlet == "Reuters"


def test_subheadings_never_reach_the_sentences():
    paragraphs = ["Azerbaijan vowed retaliation.", "Truce under strain", "'No military targets' in Ganja",
                  '"The side will give a befitting retaliation!"', "Talks were held."]
    assert clean_paragraphs(paragraphs).paragraphs == [paragraphs[0], paragraphs[3], paragraphs[4]]
    assert is_subheading("Turkey reacts with anger")
    assert not is_subheading("The ceasefire held.") and not is_subheading("- 41 civilians killed")


def test_bullets_lose_their_marker_and_stay():
    assert clean_paragraphs(["Key facts:", "- 41 civilians killed", "\u2022 200 wounded"]).paragraphs == [
        "Key facts:", "41 civilians killed", "200 wounded"]


def test_dateline_names_the_agency():
    text, outlet = strip_dateline("BAKU, Azerbaijan (AA) - Azerbaijan vowed Sunday a retaliation.")
    assert (text, outlet) == ("Azerbaijan vowed Sunday a retaliation.", "Anadolu Agency")
    text, outlet = strip_dateline("WASHINGTON (AP) \u2014 The Senate voted.")
    assert (text, outlet) == ("The Senate voted.", "Associated Press")
    assert strip_dateline("MOSCOW, October 11. /TASS/. Russia said.") == ("Russia said.", "TASS")
    unchanged = "Hamas (the group) - and others - said so."
    assert strip_dateline(unchanged) == (unchanged, None)


def test_no_break_spaces_become_spaces():
    cleaned = clean_paragraphs(["Aliyev said 41 civilians died.\u00a0", "x\u00a0\u00a0y."])
    assert cleaned.paragraphs == ["Aliyev said 41 civilians died.", "x y."]


# -------------------------------------------------------------------------------------------- decode

TEXT = "Azerbaijan\u2019s \u201cbefitting retaliation\u201d \u2014 caf\u00e9 in Gyumri"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),  # no BOM: told by its NUL pattern
        TEXT.encode("cp1252"),
        # UTF-8 that went through a cp1252 (then latin-1) decoder once, saved as UTF-8
        "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
                for b in TEXT.encode("utf-8")).encode("utf-8"),
    ],
)
def test_encodings_decode_without_mojibake(data):
    text = decode_bytes(data)
    assert "\u00e2\u20ac" not in text and "caf\u00e9" in text


def test_cp1252_and_latin1_fallbacks():
    assert decode_bytes(b"caf\xe9 \x93quoted\x94") == "caf\u00e9 \u201cquoted\u201d"
    assert decode_bytes(b"undefined \x81 byte") == "undefined  byte"


def test_newlines_controls_and_normal_form():
    assert decode_bytes(b"a\r\nb\rc\x00"[:-1]) == "a\nb\nc"
    assert decode_bytes("e\u0301\u200b".encode()) == "\u00e9"


@pytest.mark.parametrize("data", [b"\x00\x01\x02abc\x00", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), bytes(range(32)) * 4])
def test_binary_is_refused(data):
    with pytest.raises(BinaryData):
        decode_bytes(data)


# --------------------------------------------------------------------------------------------- dates


def test_dates_in_news_forms():
    text = ("on October 11, 2020; 11 October 2020; Oct. 11 2020; the 3rd of March 2021; 2020-10-11; "
            "Sunday, Oct 4th, 2020; since Sept. 27; may 5 people; May 2020; February 30, 2020")
    assert find_dates(text) == [date(2020, 10, 11)] * 3 + [date(2021, 3, 3), date(2020, 10, 11), date(2020, 10, 4)]
    yearless = [m for m in find_date_mentions(text) if m.year is None]
    assert [(m.text, m.month, m.day) for m in yearless] == [("Sept. 27", 9, 27)]


def test_year_comes_only_from_a_reference_date():
    assert find_dates("clashes began on Sept. 27") == []
    assert find_dates("clashes began on Sept. 27", reference=date(2020, 10, 12)) == [date(2020, 9, 27)]
    assert find_dates("on December 30", reference=date(2021, 1, 2)) == [date(2020, 12, 30)]


def test_event_date_is_the_latest_stated_date_not_after_publication():
    text = "The 1994 truce was signed on May 12, 1994. Missiles hit Ganja on October 11, 2020. Talks on Dec. 1."
    assert event_date(text) == "2020-10-11"
    assert event_date(text, published="2020-10-12") == "2020-10-11"
    assert event_date(text, published="2020-12-02") == "2020-12-01"
    assert event_date("No date in here.") is None


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2020-10-11", "2020-10-11"),
        ("2020-10-11T10:00:00Z", "2020-10-11T10:00:00+00:00"),
        ("Sun, 11 Oct 2020 10:00:00 GMT", "2020-10-11T10:00:00+00:00"),
        ("October 11, 2020", "2020-10-11"),
        (date(2020, 10, 11), "2020-10-11"),
        ("Oct 11", None),
        ("2020-13-01", None),
        ("soon", None),
        (None, None),
    ],
)
def test_parse_date(value, iso):
    assert parse_date(value) == iso


# ------------------------------------------------------------------------------------ cheap pre-checks
# Cheap tests run before the expensive regular expressions: they may only ever skip texts the
# expression would not have matched.

import re  # noqa: E402

from hypothesis import given, settings, strategies as st  # noqa: E402

from briefing.text import clean, dates, decode  # noqa: E402

_NOTICE_WORDS = (
    "Copyright copyright \u00a9 (c) (C) 2022 Agency. All ALL rights RIGHTS r\u0131ghts reserved may MAY not NOT be "
    "published rewritten, or redistributed (Reuters) Photo: / Getty image credit : ( ) x \u201d AFP Picture"
).split() + ["(AP Photo/John Doe)", "Getty Images", "\n", " "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NOTICE_WORDS), max_size=14), st.sampled_from(["", " ", "\n"]))
def test_pre_checks_never_skip_a_notice_or_a_photo_credit(words, sep):
    text = sep.join(words)
    if clean._NOTICE.search(text):
        assert clean._may_be_notice(text)
    if clean._PHOTO_CREDIT.search(text):
        assert clean._may_end_in_credit(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .\t\n\r\x0b\x0c\x01\x1b\x7f\u2019\u0416\u2028\u200b\u0301\u00a0")),
               max_size=60))
def test_decoding_fast_paths_give_what_normalise_text_gives(text):
    # (no "Ã"-like characters in the alphabet: mojibake repair is a rule of its own, tested above)
    data = text.encode("utf-8")
    try:
        decoded = decode_bytes(data)
    except BinaryData:
        assert len(decode._BINARY_CONTROL.findall(text)) > 0.02 * len(text)
        return
    assert decoded == decode.normalise_text(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n\u00a0\u2009\u3000\x1c\u2028")), max_size=40))
def test_normalise_spaces_fast_paths(text):
    import re

    slow = re.sub(" {2,}", " ", clean._ODD_SPACES.sub(" ", text))
    assert clean.normalise_spaces(text) == "\n".join(line.strip() for line in slow.split("\n"))


# The date pattern is written for speed (see briefing.text.dates._DATE); this is the rule it implements.
_PLAIN_DATE = re.compile(
    rf"\b(?:(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)(?![\d-])"
    rf"|(?:{dates._MONTH})\.?\s+{dates._DAY}\b(?:,?\s+{dates._YEAR}\b)?"
    rf"|{dates._DAY}\s+(?:of\s+)?(?:{dates._MONTH})\b\.?(?:,?\s+{dates._YEAR}\b)?)"
)
_DATE_BITS = (
    "Jan JAN January Sept SEPT May may Ma March JUNE June Jul Dec. Oct No A . , 1 2 3 0 9 01 19 20 29 31 1st 3rd th of "
    "2020 1999 2020-10-11 - x _ \u0663 D S F"
).split() + [" ", "\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_BITS), max_size=14))
def test_date_pattern_finds_what_the_plain_rule_finds(bits):
    text = "".join(bits)
    expected = [(m.start(), m.end(), m.group()) for m in _PLAIN_DATE.finditer(text)
                if not m.group("iso") or (1 <= int(m.group()[5:7]) <= 12 and 1 <= int(m.group()[8:10]) <= 31)]
    assert [(m.start, m.end, m.text) for m in find_date_mentions(text)] == expected


def test_a_long_paragraph_after_a_photo_prefix_is_not_a_caption():
    from briefing.text.clean import is_caption

    assert is_caption("Photo: Reuters")
    story = "Photo: ap " + "Crews checked the scene on Tuesday after a suspected arson at the house. " * 10
    assert not is_caption(story)
