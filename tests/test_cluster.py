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
