"""Figures of an event covered over days: read in time order, per place, background kept apart.

Scenarios are written for these tests (paraphrased wire style, invented places and numbers).
"""
from __future__ import annotations

from briefing.figures import extract_figures, reconcile
from briefing.models import Article
from briefing.serialize import total_dict


def art(text: str, day: str, source: str = "Wire") -> Article:
    return Article(text=text, title="", source=source, origin=f"{source}-{day}.txt", published=day)


def totals(*articles: Article, today: str | None = None) -> dict:
    return reconcile(extract_figures(list(articles)), today=today)


def test_a_rising_toll_is_headlined_with_the_latest_report_and_keeps_its_history():
    t = totals(
        art("An earthquake struck Velmora province on Sunday. At least 12 people were killed, officials said.", "2031-03-02"),
        art("The death toll from the Velmora earthquake rose to 140, the civil protection agency said.", "2031-03-03"),
        art("The death toll from the Velmora earthquake has climbed to 415, the agency said.", "2031-03-05"),
    )["killed"]
    assert t.count == 415
    assert t.as_of == "2031-03-05"
    assert [(r.date, r.count) for r in t.history] == [("2031-03-02", 12), ("2031-03-03", 140), ("2031-03-05", 415)]
    assert not t.contested


def test_a_toll_revised_down_supersedes_the_earlier_higher_one():
    t = totals(
        art("The death toll from the blasts in Port Arlen rose to 340, police said.", "2031-05-02"),
        art("Authorities revised the toll from the Port Arlen blasts down to 260, from the previous figure of 340, "
            "saying some bodies had been counted twice.", "2031-05-04"),
    )["killed"]
    assert t.count == 260
    assert t.as_of == "2031-05-04"


def test_reports_of_the_same_day_that_disagree_give_the_conservative_figure_and_each_claim_once():
    day = "2031-07-09"
    t = totals(
        art("At least 30 people were killed in the bombing, police said.", day, "Agency A"),
        art("At least 30 people were killed in the bombing, police said.", day, "Agency B"),
        art("Hospital officials said 45 people were killed in the bombing.", day, "Agency C"),
        art("An early report said 5 people were killed in the bombing.", "2031-07-08", "Agency D"),
    )["killed"]
    assert t.count == 30
    assert t.contested
    assert sorted((c.count, c.claimant) for c in t.claims) == [(30, "police"), (45, "Hospital officials")]
    assert t.more_claims == 0


def test_a_dispute_lists_at_most_five_claims_and_counts_the_rest():
    day = "2031-07-09"
    reports = [art(f"Officials of district {n} said {40 + n} people were killed in the floods.", day, f"Outlet {n}")
               for n in range(8)]
    t = totals(*reports)["killed"]
    assert t.contested and t.count == 40
    assert len(t.claims) == 5 and t.more_claims == 3
    shown = total_dict(t, reports)
    assert len(shown["claims"]) == 5 and shown["more_claims"] == 3


def test_a_partial_figure_for_one_place_does_not_replace_the_event_toll():
    t = totals(
        art("The storm killed at least 200 people across the region, the disaster agency said.", "2031-09-01"),
        art("In Harlow district, 14 people were killed when the river burst its banks, the mayor said.", "2031-09-03"),
    )["killed"]
    assert t.count == 200
    places = {f.place for f in t.figures}
    assert "the region" in places


def test_a_figure_knows_the_place_it_counts():
    figures = extract_figures([art("Eleven people were killed in Kunduz province on Monday.", "2031-04-02")])
    assert figures[0].place == "Kunduz province"
    assert figures[0].rule and figures[0].rule.startswith("killed.")
    assert figures[0].sentence[figures[0].start:figures[0].end] == figures[0].text


def test_a_background_toll_is_never_a_headline():
    story = art("Parliament approved the coastal warning budget on Tuesday. The 2004 tsunami, which killed "
                "230,000 people around the ocean, prompted the first warning system.", "2031-02-10")
    t = totals(story)
    assert t["killed"].count == 0 and not [f for f in t["killed"].figures]
    scopes = [f.scope for f in extract_figures([story])]
    assert scopes == ["background"]


def test_the_missing_fall_as_people_are_found():
    t = totals(
        art("Almost 300 people were missing after the ferry sank, the coast guard said.", "2031-04-16"),
        art("Divers recovered more bodies; 35 people are still missing, the coast guard said.", "2031-05-08"),
    )["missing"]
    assert t.count == 35 and t.as_of == "2031-05-08"


def test_reports_after_the_brief_date_are_left_out():
    t = totals(
        art("At least 20 people were killed in the fire, officials said.", "2031-01-05"),
        art("The death toll from the fire rose to 31, officials said.", "2031-01-07"),
        today="2031-01-06",
    )["killed"]
    assert t.count == 20


def test_a_claimant_is_never_a_weekday_or_the_place_counted():
    figures = extract_figures([art("Five people were killed in the blast, according to Tuesday's police report.",
                                   "2031-06-12")])
    assert all(f.claimant is None or "Tuesday" not in f.claimant for f in figures)
    figures = extract_figures([art("Twelve people were killed in Ostrava, Ostrava said.", "2031-06-12")])
    assert all(f.claimant != "Ostrava" for f in figures)


def test_without_dates_the_conservative_rule_holds_as_before():
    undated = [Article(text="At least 9 people were killed, police said.", title="", source="A", origin="a"),
               Article(text="Medics said 14 people were killed.", title="", source="B", origin="b")]
    t = reconcile(extract_figures(undated))["killed"]
    assert t.count == 9 and t.contested


def as_of(text: str, day: str) -> list[str | None]:
    return [f.as_of for f in extract_figures([art(text, day)])]


def test_a_figure_is_as_of_the_day_its_report_names():
    # 2031-03-07 is a Friday
    assert as_of("The death toll rose to 589 on Wednesday, the ministry said.", "2031-03-07") == ["2031-03-05"]
    assert as_of("As of Thursday, 269 people had been confirmed dead.", "2031-03-07") == ["2031-03-06"]


def test_a_day_that_dates_the_event_is_not_the_day_of_the_count():
    assert as_of("Nine people are still missing, officials in the province which was hit by the quake on Sunday said.",
                 "2031-03-07") == ["2031-03-07"]
    assert as_of("Police said 6,624 people died in the March 1 earthquake.", "2031-03-07") == ["2031-03-07"]
    assert as_of("Twelve people were killed on Saturday, police said.", "2031-03-07") == ["2031-03-07"]


def test_figures_for_different_places_are_listed_under_the_headline_not_disputed():
    t = totals(
        art("The floods killed at least 310 people across the region, the relief agency said.", "2031-08-04"),
        art("At least 41 people were killed in Tarnow, the mayor said. Another 18 were killed in Belsk.", "2031-08-05"),
    )["killed"]
    assert t.count == 310 and not t.contested
    assert {(r.place, r.count) for r in t.per_place} == {("Tarnow", 41), ("Belsk", 18)}


def test_a_wars_lifetime_toll_is_background_but_this_weeks_fighting_is_not():
    assert [f.scope for f in extract_figures([art("The war has killed more than 250,000 people.", "2031-02-10")])] \
        == ["background"]
    assert [f.scope for f in extract_figures([art("More than 10,000 people have died in the conflict, the UN says.",
                                                  "2031-02-10")])] == ["background"]
    assert [f.scope for f in extract_figures([art("Fighting in Arlen has killed 40 people this week, a monitor said.",
                                                  "2031-02-10")])] == ["incident"]
    assert [f.scope for f in extract_figures([art("Three soldiers were killed in the conflict zone on Monday.",
                                                  "2031-02-10")])] == ["incident"]


def test_a_count_across_the_country_so_far_is_the_events_own_toll():
    t = totals(art("The home ministry said it has so far recorded 5,006 deaths across the country.", "2031-04-29"))
    assert t["killed"].count == 5006


def test_a_count_given_as_earlier_is_no_claim_beside_a_newer_one_but_counts_alone():
    t = totals(art("The bombing has now killed 358 people and injured 228, the government said. The figures mark a "
                   "sharp rise in the toll, which earlier this week was put at 276 dead and 300 wounded.", "2031-10-20"))
    assert (t["killed"].count, t["injured"].count) == (358, 228)
    alone = totals(art("Earlier on Monday, police said 5 people were killed in the blast.", "2031-10-20"))
    assert alone["killed"].count == 5


def test_an_event_dated_well_before_the_coverage_is_another_event():
    day = "2031-09-10"
    for text in ("It was the deadliest attack since a suicide bombing in March that killed 50 people.",
                 "In July, a similar bombing at a wedding killed 30 people."):
        assert totals(art(text, day))["killed"].count == 0, text
    # within the coverage, or a month before it at most: the event itself
    assert totals(art("The August 20 collapse has killed 1,127 people, officials said.", day))["killed"].count == 1127
    assert totals(art("Last month, gunmen killed 12 people at a church in the town.", day))["killed"].count == 12


def test_the_coverage_start_is_the_earliest_report_of_the_set():
    first = art("A bomb killed 40 people at the Varn market on Monday, police said.", "2031-03-02")
    later = art("The March 2 bombing at the Varn market has now killed 85 people, officials said.", "2031-04-20")
    t = totals(first, later)["killed"]
    assert t.count == 85
