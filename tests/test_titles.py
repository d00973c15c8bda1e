"""Story titles a reader can scan (briefing.titles): a real headline, else what happened where."""
from __future__ import annotations

from briefing.models import Article
from briefing.sources.newswire import articles_from_sgml
from briefing.sources.text import article_from_text
from briefing.titles import clean_headline, event_phrase, is_genuine_headline, story_title


def art(text: str, title: str = "", origin: str = "made-up.txt") -> Article:
    return Article(text=text, title=title, source="", origin=origin)


def from_text(text: str) -> Article:
    """An article as the text reader makes it: without a headline line it infers the title from the lede."""
    article = article_from_text(text, origin="made-up.txt")
    assert article is not None
    return article


QUAKE_1 = ("A strong earthquake struck Zhenlu county in China's south-west Yunnan province on Sunday, killing at "
           "least 150 people and injuring more than 1,000, state media said.\n\n"
           "The quake destroyed thousands of homes in Yunnan, officials said.")
QUAKE_2 = ("The death toll from Sunday's earthquake in Yunnan province rose to 210 on Monday, as rescuers searched "
           "collapsed homes in Zhenlu county for survivors.\n\nChina sent 2,000 soldiers to help.")
QUAKE_3 = ("Rescuers in China pulled survivors from the rubble in Zhenlu county on Tuesday, two days after the "
           "earthquake, which struck at a shallow depth.\n\nAftershocks rattled Yunnan for a second day.")


def test_the_most_central_real_headline_wins():
    articles = [
        art("Rescuers dug through the rubble on Monday.", "Rescuers dig through rubble after quake"),
        art("The toll rose to 210, officials said.", "Quake toll in Yunnan rises to 210"),
    ]
    assert story_title(articles, [1, 0]) == "Quake toll in Yunnan rises to 210"
    assert story_title(articles, [0, 1]) == "Rescuers dig through rubble after quake"


def test_inferred_titles_are_passed_over_for_a_real_headline():
    inferred = from_text(QUAKE_1)  # no headline line: the reader cut the first sentence
    assert not is_genuine_headline(inferred)
    real = art("The toll rose to 210, officials said.", "China quake toll rises to 210")
    assert story_title([inferred, real], [0, 1]) == "China quake toll rises to 210"


def test_what_is_not_a_headline():
    body = "The death toll rose to 210 on Monday as rescuers searched the rubble, officials said."
    assert not is_genuine_headline(art(body, "The death toll rose to 210 on Monday as rescuers searched the\u2026"))
    assert not is_genuine_headline(art(body, "The death toll rose to 210 on Monday as rescuers searched..."))
    assert not is_genuine_headline(art(body, "The death toll rose to 210 on Monday"))  # cut from the text
    assert not is_genuine_headline(art(body, "The death toll rose to 210 on Monday as rescuers searched the rubble"))
    assert not is_genuine_headline(art("Other text.", "The toll rose to 210, officials said."))  # a sentence
    assert not is_genuine_headline(
        art("Other text.", "Death toll climbs to 210 as rescuers search the rubble of homes destroyed by the quake in "
                           "the mountains"))  # too long to scan
    assert not is_genuine_headline(art("Other text.", "DAKAR \u2014"))  # a dateline left over
    assert not is_genuine_headline(art("Other text.", "AFP, ZHENLU"))
    assert not is_genuine_headline(art("Other text.", "XINHUA, August 8"))
    assert not is_genuine_headline(art("Other text.", "Published 06 Aug 2014"))
    assert not is_genuine_headline(art("Other text.", "03-quake-report", origin="/data/03-quake-report.txt"))
    assert not is_genuine_headline(art("Other text.", "Live updates"))
    assert not is_genuine_headline(art("Other text.", ""))


def test_what_is_a_headline():
    assert is_genuine_headline(art("The death toll rose to 210 on Monday.", "Quake toll rises to 210"))
    assert is_genuine_headline(art("Other text.", "Quake kills 210 in U.S."))  # an abbreviation, not a full stop
    assert is_genuine_headline(art("Other text.", "Is the worst over?"))
    assert is_genuine_headline(art("Other text.", "210 dead, 32 missing"))
    # the headline repeated above the text, on its own line
    assert is_genuine_headline(art("Quake toll rises to 210\nThe death toll rose on Monday.", "Quake toll rises to 210"))
    assert is_genuine_headline(art("Quake toll rises to 210\n\nThe death toll rose on Monday.", "Quake toll rises to 210"))
    # ... or run on into the first paragraph by a capital letter of a new sentence
    assert is_genuine_headline(art("Quake toll rises to 210 The death toll rose.", "Quake toll rises to 210"))


def test_labels_are_taken_off_headlines():
    assert clean_headline("BREAKING: Quake toll rises to 210") == "Quake toll rises to 210"
    assert clean_headline("UPDATE 2: Quake toll rises to 210") == "Quake toll rises to 210"
    assert clean_headline("The latest: death toll rises to 95") == "Death toll rises to 95"
    articles = [art("The toll rose on Monday.", "BREAKING: Quake toll rises to 210")]
    assert story_title(articles, [0]) == "Quake toll rises to 210"


def test_without_headlines_the_title_says_what_happened_where():
    articles = [from_text(QUAKE_1), from_text(QUAKE_2), from_text(QUAKE_3)]
    assert not any(is_genuine_headline(a) for a in articles)
    title = story_title(articles, [0, 1, 2])
    assert title in ("Earthquake in Zhenlu, China", "Earthquake in Yunnan, China")
    assert "\u2026" not in title and "..." not in title


def test_the_kind_of_event_and_its_country():
    bombing = [
        from_text("MOGADISHU, Somalia - A truck bomb exploded at a busy junction in Mogadishu on Saturday, killing "
                  "at least 20 people, police said.\n\nThe truck bombing was the deadliest in Somalia this year."),
        from_text("The toll from Saturday's truck bombing in Mogadishu rose to 79 on Sunday, the mayor said.\n\n"
                  "Somalia's government blamed the militants for the bombing."),
    ]
    assert story_title(bombing, [0, 1]) == "Truck bombing in Mogadishu, Somalia"
    sinking = [
        from_text("A ferry carrying 470 people capsized off South Korea's southern coast on Wednesday, and nearly 300 "
                  "were missing, the coast guard said.\n\nThe ferry sinking is the country's worst in decades."),
        from_text("Divers searched the sunken ferry off South Korea on Thursday, as the toll from the sinking rose "
                  "to 25.\n\nThe ferry sank within two hours."),
    ]
    assert story_title(sinking, [0, 1]) == "Ferry sinking off South Korea"


def test_a_named_storm_and_a_country_with_the():
    storm = [
        from_text("Typhoon Mirella slammed into the central Philippines on Friday, flattening villages and killing "
                  "at least 100 people, officials said.\n\nThe typhoon was the strongest of the year."),
        from_text("The toll from Typhoon Mirella rose to 1,200 on Sunday as aid reached the worst-hit islands of the "
                  "Philippines, the Red Cross said.\n\nThe storm surge reached five metres."),
    ]
    assert story_title(storm, [0, 1]) == "Typhoon Mirella in the Philippines"


def test_wire_documents_without_a_headline():
    sgml = """<DOC>
<DOCNO> XIE20140804.0001 </DOCNO>
<DATE_TIME> 08/04/2014 07:32:00 </DATE_TIME>
<TEXT>
<P> BEIJING, Aug. 4 (Xinhua) -- The death toll from the earthquake that struck Zhenlu county of southwest China's
Yunnan province on Sunday has risen to 398, the provincial government said Monday. </P>
<P> More than 1,800 people were injured in the quake, which toppled 12,000 homes in Yunnan. </P>
</TEXT>
</DOC>
<DOC>
<DOCNO> XIE20140805.0002 </DOCNO>
<DATE_TIME> 08/05/2014 09:10:00 </DATE_TIME>
<TEXT>
<P> Rescuers in Zhenlu county of Yunnan province have found 12 more bodies, bringing the death toll of Sunday's
earthquake to 410, local authorities said Tuesday. </P>
</TEXT>
</DOC>
"""
    articles = articles_from_sgml(sgml, origin="XIE20140804")
    assert len(articles) == 2 and all(a.published for a in articles)
    assert not any(is_genuine_headline(a) for a in articles)
    assert story_title(articles, [0, 1]) in ("Earthquake in Zhenlu, China", "Earthquake in Yunnan, China")
    with_headline = articles_from_sgml(sgml.replace("<TEXT>", "<HEADLINE> Yunnan quake toll rises to 398 </HEADLINE>\n<TEXT>", 1),
                                       origin="XIE20140804")
    assert story_title(with_headline, [0, 1]) == "Yunnan quake toll rises to 398"


def test_without_an_event_the_lead_is_cut_at_a_clause_never_with_an_ellipsis():
    articles = [art("Shares in the company rose by a fifth on Tuesday, lifting the index to a record, traders said.",
                    "Shares in the company rose by a fifth on Tuesday, lifting the index to a\u2026")]
    title = story_title(articles, [0])
    assert title == "Shares in the company rose by a fifth on Tuesday"
    assert event_phrase(articles, [0]) == ""
    dateline = [art("NEW DELHI - More than 30 people were feared killed when a crowded bus plunged.",
                    "NEW DELHI - More than 30 people were feared killed when a crowded bus\u2026")]
    assert story_title(dateline, [0]) == "More than 30 people were feared killed when a crowded bus plunged"
    long_lead = [art("Archaeologists have discovered a well-preserved tomb dating back more than 3,000 years near the "
                     "southern city, the ministry said.", "Archaeologists have discovered a well-preserved tomb\u2026")]
    assert story_title(long_lead, [0]) == "Archaeologists have discovered a well-preserved tomb"


def test_a_passing_mention_is_not_the_event():
    articles = [art("The minister said the report, which mentions last year's fire only once, was fair.",
                    "The minister said the report\u2026")]
    assert event_phrase(articles, [0]) == ""


def test_no_members():
    assert story_title([art("Text.", "Title here")], []) == ""


def test_a_possessive_before_a_place_is_not_part_of_its_name():
    text = ("Missiles were fired from Castria's Velmora district at dawn, officials said, in an attack on the "
            "border town. The attack from Castria's Velmora district was the third this week.")
    articles = [art(text, text.split(",")[0] + "\u2026"), art(text, text.split(",")[0] + "\u2026")]
    title = story_title(articles, [0, 1])
    assert "'s" not in title and "Velmora" in title


def test_a_story_over_days_is_titled_from_its_newest_headline():
    def dated(title: str, day: str) -> Article:
        return Article(text=f"Officials gave the toll on the day. {title} was the report.", title=title, source="",
                       origin=f"{day}.txt", published=day)
    articles = [dated("Storm toll put at 2,000", "2031-11-12"), dated("Storm toll tops 5,200", "2031-11-22"),
                dated("Storm toll climbs to 1,700", "2031-11-11")]
    assert story_title(articles, [0, 2, 1]) == "Storm toll tops 5,200"
    undated = [Article(text=a.text, title=a.title, source="", origin=a.origin) for a in articles]
    assert story_title(undated, [0, 2, 1]) == "Storm toll put at 2,000"  # no dates: the most central
