"""Dates from URLs and datelines, and the day a sentence states its facts as of (briefing.text.dates)."""
from __future__ import annotations

from datetime import date

import pytest

from briefing.text.dates import date_from_url, dateline_date, publication_date, sentence_day

WED = "2014-08-06"  # a Wednesday


@pytest.mark.parametrize("url, expected", [
    ("https://news.example.com/2014/08/06/world/quake-kills-hundreds", "2014-08-06"),
    ("https://news.example.com/world/2014/8/6", "2014-08-06"),
    ("https://news.example.com/2014-08-06/quake-kills-hundreds/", "2014-08-06"),
    ("https://news.example.com/news/quake-kills-hundreds-2014-08-06.html", "2014-08-06"),
    ("https://news.example.com/20140806/quake.html", "2014-08-06"),
    ("https://news.example.com/world/quake-20140806.html", "2014-08-06"),
    ("https://news.example.com/epaper/06-May-2018/page-3", "2018-05-06"),
    ("https://news.example.com/world/august-6-2014-quake", "2014-08-06"),
    ("https://news.example.com/2014/08/quake", None),  # no day
    ("https://news.example.com/article/1181010", None),  # an id, not a date
    ("https://news.example.com/story/id20140806x", None),  # digits inside a word
    ("https://2014-08-06.example.com/quake", None),  # the host is never read
    ("https://news.example.com/2014/02/30/quake", None),  # no such day
    ("https://news.example.com/1850/08/06/archive", None),
    (None, None),
    ("", None),
])
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize("text, expected", [
    ("August 6, 2014\n\nA strong earthquake struck the province.", "2014-08-06"),
    ("August 3, 2014Officials announced overnight that the toll had risen.", "2014-08-03"),  # glued year
    ("Published 06 Aug 2014\n\nA strong earthquake struck.", "2014-08-06"),
    ("Last updated: 10:32 GMT, 6 August 2014\n\nA strong earthquake struck.", "2014-08-06"),
    ("Wednesday, August 6, 2014\n\nA strong earthquake struck.", "2014-08-06"),
    ("By Jane Doe | August 6, 2014\n\nA strong earthquake struck.", "2014-08-06"),
    ("BEIJING, Aug. 6, 2014 (Xinhua) -- A strong earthquake struck Yunnan.", "2014-08-06"),
    ("KATHMANDU, Nepal, April 26, 2015 \u2014 The toll rose.", "2015-04-26"),
    ("2014-08-06\n\nA strong earthquake struck.", "2014-08-06"),
    # dates inside sentences are what the story is about
    ("The quake struck Nepal, April 25, 2015, killing thousands.", None),
    ("In Nepal, April 25, 2015 is remembered as a dark day.", None),
    ("A strong earthquake struck.\n\nIt was the worst since August 3, 2014.", None),
    # a dateline without its year needs one from elsewhere
    ("BEIJING, Aug. 6 (Xinhua) -- A strong earthquake struck Yunnan.", None),
    ("", None),
])
def test_dateline_date(text, expected):
    assert dateline_date(text) == expected


def test_dateline_without_a_year_takes_the_callers_year():
    assert dateline_date("BEIJING, Aug. 6 (Xinhua) -- A quake struck.", 2014) == "2014-08-06"


def test_dateline_is_only_read_in_the_first_lines():
    text = "\n\n".join(["A paragraph of text."] * 6 + ["August 6, 2014"])
    assert dateline_date(text) is None


def test_publication_date_prefers_the_url_then_the_dateline():
    text = "Published 07 Aug 2014\n\nA strong earthquake struck."
    assert publication_date(text, ("https://x.example/2014/08/06/quake",)) == "2014-08-06"
    assert publication_date(text, (None, "https://x.example/quake")) == "2014-08-07"
    # the URL's year completes a year-less dateline
    assert publication_date("BEIJING, Aug. 6 -- A quake struck.", ("https://x.example/2014/08/quake",)) == "2014-08-06"
    # a title that is only a date stamp (a reader took the stamp line for a headline)
    assert publication_date("A strong earthquake struck.", (), title="Published 06 Aug 2014") == "2014-08-06"
    assert publication_date("A strong earthquake struck.", (), title="Quake kills 400") is None


# ---------------------------------------------------------------------------------------- sentence_day

@pytest.mark.parametrize("sentence, expected", [
    ("The toll rose to 400 on Saturday.", date(2014, 8, 2)),
    ("The toll rose to 400 on Wednesday.", date(2014, 8, 6)),  # the publication day itself
    ("Rescuers pulled 12 survivors from the rubble Sunday night.", date(2014, 8, 3)),
    ("As of Thursday, 300 people were missing.", date(2014, 7, 31)),
    ("By Wednesday morning 20 bodies had been recovered.", date(2014, 8, 6)),
    ("Officials said late Monday that five people died.", date(2014, 8, 4)),
    ("Early Tuesday, the toll stood at 398.", date(2014, 8, 5)),
    ("Last Wednesday three people died.", date(2014, 7, 30)),  # "last" is strictly before
    ("Yesterday three people died.", date(2014, 8, 5)),
    ("Three more bodies were found last night.", date(2014, 8, 5)),
    ("The toll stands at nine tonight.", date(2014, 8, 6)),
    ("Officials said today that 410 had died.", date(2014, 8, 6)),
    ("The day before yesterday the first aid arrived.", date(2014, 8, 4)),
    ("The toll rose to 410 on 5 August.", date(2014, 8, 5)),
    ("The toll rose to 410 on Aug. 5.", date(2014, 8, 5)),
    ("As of 6 May 2015, 8,000 people had died.", date(2015, 5, 6)),
    ("On 12 August the toll will be revised.", date(2014, 8, 12)),  # within a week after: this year
    ("On 20 August the toll was revised.", date(2013, 8, 20)),  # more than a week after: the year before
    ("On Monday, Aug. 4, the toll rose to 398.", date(2014, 8, 4)),  # the date says which Monday
    ("Rescuers worked from Saturday to Monday.", date(2014, 8, 4)),  # the end of the period
    # the day of a report wins over the day of the event it reports
    ("The toll from Saturday's quake rose to 400 on Monday.", date(2014, 8, 4)),
    ("Officials said on Tuesday that the quake on Sunday killed 300.", date(2014, 8, 5)),
    ("The quake on Sunday killed 300, officials said Tuesday.", date(2014, 8, 5)),
    ("The death toll rose to 12 as of 10 p.m. on Monday.", date(2014, 8, 4)),
    ("The toll from the quake rose to 400 on Monday.", date(2014, 8, 4)),
    ("The toll now stands at 400, officials said on Monday.", date(2014, 8, 4)),
])
def test_sentence_day(sentence, expected):
    assert sentence_day(sentence, WED) == expected


@pytest.mark.parametrize("sentence", [
    "The toll rose to 400.",
    "In 2015 a quake struck the same region.",  # a year alone is not a day
    "The 2008 quake killed 87,000 people.",
    "The toll from Saturday's quake has risen to 400.",  # the day names the event, not the count
    "Since Sunday, 41 people have been killed.",  # the start of a period
    "The Easter Sunday bombings killed 250 people.",
    "A memorial will be held next Monday.",
    "The Sunday attack killed 12.",
    "Funerals were held in the town of Mayday.",
    # the day of the event, not of the count
    "Nine people are still missing in the province which was hit by the tremor on Sunday.",
    "The number of people killed in the earthquake in Nepal on April 25 is now 7,557.",
    "So far 300 people have died since the quake struck on Saturday.",
])
def test_sentence_day_none(sentence):
    assert sentence_day(sentence, WED) is None


def test_sentence_day_needs_a_publication_date_for_weekdays_and_year_less_dates():
    assert sentence_day("The toll rose on Saturday.", None) is None
    assert sentence_day("Three died yesterday.", None) is None
    assert sentence_day("The toll rose on 5 May.", None) is None
    assert sentence_day("As of 6 May 2015, 8,000 people had died.", None) == date(2015, 5, 6)
    # a weekday that cannot be resolved does not hide a full date after it
    assert sentence_day("On Saturday, 6 May 2015, the toll rose.", None) == date(2015, 5, 6)


def test_sentence_day_accepts_dates_and_datetimes():
    from datetime import datetime

    assert sentence_day("The toll rose on Saturday.", date(2014, 8, 6)) == date(2014, 8, 2)
    assert sentence_day("The toll rose on Saturday.", datetime(2014, 8, 6, 23, 30)) == date(2014, 8, 2)
    assert sentence_day("The toll rose on Saturday.", "2014-08-06T23:30:00+00:00") == date(2014, 8, 2)
    assert sentence_day("The toll rose on Saturday.", "Wed, 06 Aug 2014 10:00:00 GMT") == date(2014, 8, 2)
    assert sentence_day("The toll rose on Saturday.", "not a date") is None


@pytest.mark.parametrize("url, expected", [
    ("https://www.example.co.uk/world/2014/aug/04/china-earthquake", "2014-08-04"),
    ("http://example.com/world/2012-09/11/content_15749419.htm", "2012-09-11"),
    ("http://en.example.cn/n3/2022/0818/c90000-10136836.html", "2022-08-18"),
    ("http://us.example.com/2010/WORLD/asiapcf/08/13/mariana.islands.quake/index.html", "2010-08-13"),
    ("https://www.example.com/2019/08/gunmen-kill-5/", None),  # a month, no day
])
def test_date_from_url_other_layouts(url, expected):
    assert date_from_url(url) == expected
