from __future__ import annotations

import numpy as np

from briefing import cluster
from briefing.cluster import cluster_articles, tokens, vectorize
from briefing.models import Article

from story_feeds import feed


def same_groups(groups, labels):
    """Whether the clustering puts articles together exactly when their events match."""
    where = {i: g for g, members in enumerate(groups) for i in members}
    n = len(labels)
    return all((where[i] == where[j]) == (labels[i] == labels[j]) for i in range(n) for j in range(i + 1, n))


def test_articles_about_one_event_form_one_group_and_events_stay_apart():
    articles, labels = feed({"flood": 4, "election": 3, "quake": 3, "merger": 2})
    groups = cluster_articles(articles)
    assert same_groups(groups, labels)


def test_every_article_is_in_exactly_one_group():
    articles, _ = feed({"flood": 3, "election": 1, "quake": 2})
    articles.append(Article(text="", title="", source="", origin="empty"))
    groups = cluster_articles(articles)
    assert sorted(i for g in groups for i in g) == list(range(len(articles)))


def test_groups_come_largest_first():
    articles, _ = feed({"merger": 2, "quake": 4, "flood": 3})
    sizes = [len(g) for g in cluster_articles(articles)]
    assert sizes == sorted(sizes, reverse=True)


def test_the_most_central_article_comes_first():
    # two partial reports and one that tells both halves: the complete one is closest to the centroid
    base = "Valdoria river flood Kerrin rescue boats governor Marquand emergency helicopters"
    extra = "Odessa Bay paddies livestock monsoon catchment forecasters weekend"
    articles = [
        Article(text=base, title="Kerrin rescue", source="a", origin="a"),
        Article(text=base + " " + extra, title="Valdoria flood, full story", source="b", origin="b"),
        Article(text=extra + " Valdoria river flood Kerrin", title="Odessa Bay paddies", source="c", origin="c"),
    ]
    groups = cluster_articles(articles)
    assert len(groups) == 1
    assert groups[0][0] == 1


def test_same_input_same_groups():
    articles, _ = feed({"flood": 3, "election": 3, "quake": 2, "merger": 3})
    assert cluster_articles(articles) == cluster_articles(list(articles))


def test_centroid_check_stops_a_chain_of_overlapping_articles():
    # article k shares half its words with article k+1: pairs link a chain end to end, but the first and
    # last articles have nothing in common and must not end up in one story
    words = [f"zq{chr(97 + k // 26)}{chr(97 + k % 26)}" for k in range(80)]
    articles = [Article(text=" ".join(words[10 * k:10 * k + 20]), title="", source="", origin=str(k)) for k in range(7)]
    X = vectorize(articles)
    i, j, _ = cluster.candidate_pairs(X)
    linked = {(int(a), int(b)) for a, b in zip(i, j)}
    assert all((k, k + 1) in linked for k in range(6))  # connected components would chain all seven
    groups = cluster_articles(articles)
    where = {a: g for g, members in enumerate(groups) for a in members}
    assert where[0] != where[6]
    assert max(len(g) for g in groups) < len(articles)


def test_empty_feed_has_no_groups():
    assert cluster_articles([]) == []


def test_vectors_are_unit_length_and_bounded():
    articles, _ = feed({"flood": 4, "election": 4, "quake": 4, "merger": 4})
    X = vectorize(articles)
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    assert np.allclose(norms[norms > 0], 1.0)
    assert max(np.diff(X.indptr)) <= cluster.TOP_TERMS


def test_tokens_drop_function_words_and_fold_case_and_possessives():
    words = tokens("The Governor's flood warnings were issued for Kerrin and the towns")
    assert "the" not in words and "and" not in words and "for" not in words
    assert "governor" in words and "kerrin" in words
    assert "warning" in words and "town" in words  # plural folded onto the singular


# ---------------------------------------------------------------- one event over days, look-alike events years apart


def wire(text: str, published: str | None, origin: str, title: str = "") -> Article:
    """A wire report: often no headline, so the reader's title is the opening sentence."""
    return Article(text=text, title=title or text.split(". ")[0], source="Wire", origin=origin, published=published)


STRIKE = [
    ("Dockworkers at the port of Velmora walked off the job on Monday, halting container traffic, after talks "
     "on pay broke down between the Harbour Workers Union and the Velmora Port Authority.\n\n"
     "Union leader Tomas Brandeck said cranes would stay idle until wages matched inflation.", "2031-03-03"),
    ("Exporters of frozen fish and fruit warned on Thursday of spoiled cargo as ships queued at anchor, with "
     "supermarkets reporting empty shelves.\n\nThe stoppage at Velmora entered its fourth day; the port "
     "authority called the Harbour Workers Union demands unaffordable.", "2031-03-06"),
    ("The transport minister invited both sides to mediation on Sunday, offering a state-backed arbitrator.\n\n"
     "The walkout, called after pay talks collapsed, has left dozens of vessels waiting. Brandeck, whose union "
     "represents most crane operators at Velmora, said he would attend.", "2031-03-09"),
]

BOMBINGS = [
    ("A truck packed with explosives blew up at the Kalebo junction in Port Sarine on Saturday, killing dozens "
     "of people, police said. The Sarine Liberation Front said it carried out the bombing at the busy junction.",
     "2029-10-13"),
    ("Rescuers searched the rubble at the Kalebo junction in Port Sarine after Saturday's truck bombing, as "
     "hospitals appealed for blood. Police blamed the Sarine Liberation Front.", "2029-10-15"),
    ("A truck bomb exploded at the Hodanne checkpoint in Port Sarine on Tuesday, killing scores of people, "
     "police said. The Sarine Liberation Front was blamed for the bombing at the checkpoint.", "2031-12-23"),
    ("Families buried victims of the truck bombing at the Hodanne checkpoint in Port Sarine as police said "
     "the Sarine Liberation Front had planned the attack for weeks.", "2031-12-25"),
]


def others() -> list[Article]:
    articles, _ = feed({"flood": 3, "election": 3, "quake": 3, "merger": 3})
    return articles


def test_reports_of_one_strike_over_a_week_form_one_group():
    # each report leads with its own development; the later ones name the strike only further down
    articles = others() + [wire(text, day, f"strike/{k}") for k, (text, day) in enumerate(STRIKE)]
    strike = set(range(len(articles) - len(STRIKE), len(articles)))
    groups = cluster_articles(articles)
    assert strike in [set(g) for g in groups]


def test_an_undated_report_joins_the_dated_reports_of_its_event():
    articles = others() + [wire(text, day if k else None, f"strike/{k}") for k, (text, day) in enumerate(STRIKE)]
    strike = set(range(len(articles) - len(STRIKE), len(articles)))
    assert strike in [set(g) for g in cluster_articles(articles)]


def test_two_truck_bombings_in_one_city_years_apart_stay_apart():
    articles = others() + [wire(text, day, f"bomb/{k}") for k, (text, day) in enumerate(BOMBINGS)]
    n = len(articles)
    groups = [set(g) for g in cluster_articles(articles)]
    assert {n - 4, n - 3} in groups
    assert {n - 2, n - 1} in groups


def test_dates_are_a_soft_penalty_not_a_requirement():
    # the same reports undated: nothing says they are years apart, and the shared names may join them;
    # what must hold is that every report still finds its own event
    articles = others() + [wire(text, None, f"bomb/{k}") for k, (text, _) in enumerate(BOMBINGS)]
    n = len(articles)
    where = {i: g for g, members in enumerate(cluster_articles(articles)) for i in members}
    assert where[n - 4] == where[n - 3] and where[n - 2] == where[n - 1]


def test_time_factor_rewards_days_and_penalises_years():
    factor = cluster.time_factor(np.array([0.0, 3.0, 30.0, 400.0, 2000.0, np.nan]))
    assert factor[0] == factor[1] > factor[2] > factor[3] > factor[4]
    assert factor[5] == 1.0  # undated: neither closer nor further


def test_names_are_capitalised_words_inside_a_sentence():
    from briefing.cluster_terms import names

    found = names("Rescuers reached Kerrin on Tuesday. Police said the Valdoria river rose.\n\nFloods hit Odessa Bay.")
    assert found == ["kerrin", "valdoria", "odessa", "bay"]  # not "rescuer", "police", "flood": they open


def test_numbers_are_not_terms():
    assert tokens("At least 1,200 killed, 35 missing in 2031") == ["killed", "missing"]


def test_one_word_in_common_is_no_evidence_of_one_event():
    # a small feed where the only word two reports share is the country's name
    quake = [wire("An earthquake struck the northern Castrian province of Velmora, toppling homes in the town of "
                  "Drast; rescuers from the capital searched the rubble.", "2031-03-02", "q/0"),
             wire("The death toll from the Velmora earthquake rose as rescuers in Drast dug through collapsed "
                  "homes and aftershocks shook the province.", "2031-03-03", "q/1")]
    budget = wire("Castria's parliament approved the national budget after a long debate on pensions and road "
                  "building.", "2031-03-04", "b/0")
    groups = [set(g) for g in cluster_articles(quake + [budget])]
    assert {0, 1} in groups and {2} in groups


def test_drifting_coverage_a_week_apart_joins_its_event():
    # the walkout, the mediation, the deal: each report has its own new names, the event's names persist
    reports = [
        ("Dockworkers at the port of Velmora walked off the job, halting container traffic after pay talks between "
         "the Harbour Workers Union and the Velmora Port Authority broke down.", "2031-03-03"),
        ("Mediator Ilse Carrow met the Harbour Workers Union and the Velmora Port Authority for six hours; both "
         "sides said talks on pay would resume, while ships queued off Velmora.", "2031-03-08"),
        ("Cranes at Velmora moved again after the Harbour Workers Union accepted a 9 percent pay rise brokered by "
         "Ilse Carrow, ending the stoppage at the port.", "2031-03-12"),
    ]
    articles = others() + [wire(text, day, f"strike/{k}") for k, (text, day) in enumerate(reports)]
    n = len(articles)
    assert {n - 3, n - 2, n - 1} in [set(g) for g in cluster_articles(articles)]
