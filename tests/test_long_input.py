"""Long input stays linear (issue 16): no "sentence" longer than MAX_SENTENCE_CHARS reaches the later stages,
so a long article without sentence breaks is read in bounded pieces and its JSON brief stays proportional.

Behaviour only: the time and memory of a 10 MB article are measured by bench/long_input.py, never here.
"""
from __future__ import annotations

import json
import random
from datetime import date

from briefing.text.sentences import MAX_SENTENCE_CHARS, bounded, split_paragraph, split_sentences

_WORDS = ("the officials said police residents village road market hospital night attack shelling convoy "
          "people civilians soldiers children reported confirmed Monday Karabakh Stepanakert").split()


def _run_on(n_chars: int, seed: int = 1, figures: bool = False) -> str:
    """One line of words and commas, no sentence break anywhere (generated, not copied from an article)."""
    rng = random.Random(seed)
    out, size = [], 0
    while size < n_chars:
        clause = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 20)))
        if figures and rng.random() < 0.2:
            clause += f" and at least {rng.randint(2, 90)} people were killed"
        out.append(clause)
        size += len(clause) + 2
    return ", ".join(out)


def test_a_short_sentence_is_its_own_only_piece():
    s = "Between Sept. 27 and October 11, as many as 41 civilians have been killed."
    assert bounded(s) == [s]


def test_overlong_sentence_cut_at_clause_punctuation_into_bounded_pieces():
    text = _run_on(20_000)
    pieces = bounded(text, 500)
    assert all(0 < len(p) <= 500 for p in pieces)
    assert all(p.endswith(",") for p in pieces[:-1])  # every cut after a comma, none inside a clause
    assert all(len(p) >= 250 for p in pieces[:-1])  # a cut in the second half of its window: no crumbs
    assert " ".join(pieces) == text  # only the space at each cut is dropped


def test_without_punctuation_cut_at_spaces_and_a_word_longer_than_the_bound_anywhere():
    words = " ".join(f"word{i}" for i in range(3_000))
    pieces = bounded(words, 300)
    assert all(len(p) <= 300 for p in pieces) and " ".join(pieces) == words
    assert all(not p.startswith(" ") and not p.endswith(" ") for p in pieces)
    blob = "x" * 1_050
    assert bounded(blob, 300) == ["x" * 300] * 3 + ["x" * 150]


def test_a_spaced_dash_starts_the_next_piece():
    assert bounded("aaa bbb -- ccc ddd", 10) == ["aaa bbb", "-- ccc ddd"]


def test_real_length_sentences_are_never_cut():
    sentence = "The ministry said " + ", ".join(["the shelling of the regional hospital continued"] * 38) + "."
    assert 1_800 < len(sentence) <= MAX_SENTENCE_CHARS
    assert split_paragraph(sentence) == [sentence]


def test_one_line_article_without_sentence_breaks_becomes_bounded_sentences():
    text = _run_on(300_000)
    sentences = split_sentences(text + "\n")
    assert len(sentences) >= 300_000 // MAX_SENTENCE_CHARS
    assert max(map(len, sentences)) <= MAX_SENTENCE_CHARS
    assert " ".join(sentences) == text  # nothing lost, nothing added, in order


def test_long_sentences_in_prose_are_cut_and_short_ones_kept():
    short = "Rescuers searched the rubble on Monday."
    run_on = _run_on(9_000, seed=2)
    paragraph = f"{short} {run_on[0].upper() + run_on[1:]}. {short}"
    sentences = split_paragraph(paragraph)
    assert sentences[0] == short and sentences[-1] == short
    assert len(sentences) >= 2 + 9_000 // MAX_SENTENCE_CHARS
    assert max(map(len, sentences)) <= MAX_SENTENCE_CHARS


def test_chains_of_merged_fragments_stay_correct():
    # Punkt breaks after every "?"; a fragment starting in lower case joins the sentence before (and the
    # joins are now collected and done once: a long chain used to copy the growing sentence every time)
    chain = "X " + "a? " * 20_000
    sentences = split_sentences(chain)
    assert max(map(len, sentences)) <= MAX_SENTENCE_CHARS
    assert " ".join(sentences) == chain.strip()
    assert split_sentences("He met J. K. Rowling. She smiled.") == ["He met J. K. Rowling.", "She smiled."]
    assert split_sentences("John F. Kennedy was shot. Lee H. Oswald was arrested.") == [
        "John F. Kennedy was shot.", "Lee H. Oswald was arrested."]


def test_json_brief_of_a_long_one_line_article_is_proportional(tmp_path):
    from briefing import generate

    text = _run_on(120_000, seed=3, figures=True)
    path = tmp_path / "long.txt"
    path.write_text("A long report\n\n" + text + "\n", encoding="utf-8")
    result = generate([str(path)], day=date(2026, 11, 22), out_dir=tmp_path / "out", formats=["json"])
    written = [p for p in (tmp_path / "out").glob("*.json")]
    assert written
    data = json.loads(written[0].read_text(encoding="utf-8"))
    sentences = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "sentence" and isinstance(value, str):
                    sentences.append(value)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    assert sentences, "the figures carry their sentences"
    assert max(map(len, sentences)) <= MAX_SENTENCE_CHARS
    # each figure repeats its (bounded) sentence: the brief stays within a small multiple of the article
    # (before the bound, every figure carried the whole 120,000-character line: hundreds of MB)
    assert written[0].stat().st_size < 40 * len(text)
    assert result is not None


def test_an_article_longer_than_any_report_is_read_to_the_cap_with_one_warning(tmp_path):
    from briefing.sources import MAX_TEXT_CHARS, read_inputs

    def paragraph(n: int) -> str:
        return " ".join(f"Officials in district {n * 40 + k} said the river rose overnight and homes were damaged."
                        for k in range(40))
    path = tmp_path / "long.txt"
    path.write_text("Long report\n\n" + "\n\n".join(paragraph(n) for n in range(MAX_TEXT_CHARS // 3000 + 20)))
    warnings: list[str] = []
    [article] = read_inputs([str(path)], None, warnings.append)
    assert MAX_TEXT_CHARS // 2 < len(article.text) <= MAX_TEXT_CHARS
    assert article.text.endswith("damaged.")  # cut at a paragraph break, not mid-word
    assert len(warnings) == 1 and "only the first" in warnings[0]
    short = tmp_path / "short.txt"
    short.write_text("Short report\n\n" + paragraph(0))
    warnings.clear()
    assert read_inputs([str(short)], None, warnings.append)[0].text.strip() == paragraph(0) and not warnings
