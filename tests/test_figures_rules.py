"""The extraction rules of briefing/figures/rules.py, one by one: each case asserts every figure a text gives
(category, count, role, scope, rule id, words and span), every rule is exercised, every rule's own example is
read by it; patterns that act after extraction have cases of their reconciled total or claimant.
scripts/mutate_rules.py checks that disabling any rule (or any named pattern) fails a test here."""
import pytest

from briefing.figures import extract_figures, reconcile
from briefing.figures.rules import RULE_IDS, RULES
from briefing.models import Article

from figures_cases import CLAIMANT_CASES, KNOWN_MISSES, RULE_CASES, TOTAL_CASES


def figures(text):
    return extract_figures([Article(text=text, title="t", source="Wire", origin="mem")])


CASES = [(group, text, expected) for group, cases in RULE_CASES.items() for text, expected in cases]


@pytest.mark.parametrize("group, text, expected", CASES, ids=[f"{g.split()[0]}: {t[:40]}" for g, t, _ in CASES])
def test_rule_case(group, text, expected):
    got = figures(text)
    assert [(f.category, f.count, f.role, f.scope, f.rule, f.text) for f in got] == expected
    for f in got:  # the span is where the words stand in the sentence (damage words are an object and its verb,
        # "1,165 houses destroyed", not one stretch of the sentence: no span)
        assert f.start >= 0 or f.category == "damaged"
        assert f.start < 0 or f.sentence[f.start:f.end] == f.text


def test_every_rule_is_exercised_by_a_case():
    seen = {rule for _, _, expected in CASES for *_, rule, _words in expected}
    names = {rule.split(".", 1)[1] for rule in seen}
    missing = [r.name for r in RULES if r.name not in names]
    assert not missing, f"rules with no case in tests/figures_cases.py RULE_CASES: {missing}"
    assert "killed.back_reference" in seen


def test_rule_ids_are_unique_and_figures_only_carry_ids_of_the_table():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for _, text, _ in CASES:
        for f in figures(text):
            assert f.rule in RULE_IDS


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_each_rule_reads_its_own_example(rule):
    assert rule.example and rule.reason and rule.pattern
    assert any(f.rule in rule.ids for f in figures(rule.example)), rule.example


@pytest.mark.parametrize("text, category, count", KNOWN_MISSES)
@pytest.mark.xfail(strict=True, reason="known miss: see tests/figures_cases.py KNOWN_MISSES")
def test_known_misses(text, category, count):
    assert any(f.category == category and f.count == count for f in figures(text))


TOTALS = [(group, articles, expected) for group, cases in TOTAL_CASES.items() for articles, expected in cases]


@pytest.mark.parametrize("group, articles, expected", TOTALS,
                         ids=[f"{g.split()[0]}: {a[-1][1][:40]}" for g, a, _ in TOTALS])
def test_total_case(group, articles, expected):
    got = reconcile(extract_figures([Article(text=text, title="t", source="Wire", origin="mem", published=day)
                                     for day, text in articles]))
    assert {c: got[c].count if c in got else None for c in expected} == expected


CLAIMANTS = [(group, text, expected) for group, cases in CLAIMANT_CASES.items() for text, expected in cases]


@pytest.mark.parametrize("group, text, expected", CLAIMANTS, ids=[f"{g.split()[0]}: {t[:40]}" for g, t, _ in CLAIMANTS])
def test_claimant_case(group, text, expected):
    assert [(f.category, f.count, f.claimant) for f in figures(text)] == expected
