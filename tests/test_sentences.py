"""Sentence splitting on tricky news text (NLTK Punkt, offline, with the shipped abbreviations)."""
from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st

from briefing.text.sentences import split_paragraph, split_paragraphs, split_sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        # abbreviations that do not end a sentence
        ("The U.S. Army said on Sept. 27 that Gen. Smith arrived. He left at 2 a.m. on Monday.",
         ["The U.S. Army said on Sept. 27 that Gen. Smith arrived.", "He left at 2 a.m. on Monday."]),
        ("The U.N. Security Council met. Lt. Col. Ahmed briefed Dr. Jones at No. 10 Downing St. in London.",
         ["The U.N. Security Council met.", "Lt. Col. Ahmed briefed Dr. Jones at No. 10 Downing St. in London."]),
        ("Mr. and Mrs. Smith flew to St. Petersburg, Fla. on Jan. 6. It rained.",
         ["Mr. and Mrs. Smith flew to St. Petersburg, Fla. on Jan. 6.", "It rained."]),
        # an abbreviation that does end a sentence
        ("The meeting ended at 5 p.m. The president left.", ["The meeting ended at 5 p.m.", "The president left."]),
        ("It happened in the U.S. The next day was calm.", ["It happened in the U.S.", "The next day was calm."]),
        ("He arrived at 5 p.m. Sunday and left.", ["He arrived at 5 p.m. Sunday and left."]),
        # initials
        ("John F. Kennedy was shot. Lee H. Oswald was arrested.",
         ["John F. Kennedy was shot.", "Lee H. Oswald was arrested."]),
        ("He met J.K. Rowling. She smiled.", ["He met J.K. Rowling.", "She smiled."]),
        ("He chose Plan B. The rest failed.", ["He chose Plan B.", "The rest failed."]),
        # numbers
        ("Some 1,165 houses were damaged. Prices rose 2.5 percent to $1.13bn. Shares fell.",
         ["Some 1,165 houses were damaged.", "Prices rose 2.5 percent to $1.13bn.", "Shares fell."]),
        # quotes that end a sentence, and quotes that do not
        ('"We will win," he said. "They will lose." The crowd cheered.',
         ['"We will win," he said.', '"They will lose."', "The crowd cheered."]),
        ("\u201cThe Azerbaijani side will give a befitting retaliation!\u201d he pledged. Talks resumed.",
         ["\u201cThe Azerbaijani side will give a befitting retaliation!\u201d he pledged.", "Talks resumed."]),
        ('He asked: "Why?" Nobody answered.', ['He asked: "Why?"', "Nobody answered."]),
        ('"Why?" he asked.', ['"Why?" he asked.']),
        ("Sales fell. iPhone sales rose.", ["Sales fell.", "iPhone sales rose."]),
        ("Fans shouted Thundercats!! Then they left.", ["Fans shouted Thundercats!!", "Then they left."]),
    ],
)
def test_news_sentences(text, expected):
    assert split_sentences(text) == expected


def test_seed_sentence_with_date_abbreviation_stays_whole():
    text = ("Between Sept. 27, when the clashes began, and October 11, as many as 41 Azerbaijani civilians "
            "have been killed and more than 200 injured.")
    assert split_sentences(text) == [text]


def test_paragraphs_and_line_breaks():
    text = "First line\ncontinues here. Second.\n\n  \nNew paragraph."
    assert split_paragraphs(text) == ["First line\ncontinues here. Second.", "New paragraph."]
    assert split_paragraph(split_paragraphs(text)[0]) == ["First line continues here.", "Second."]
    assert split_sentences("") == [] and split_sentences(" \n\n ") == []


def test_splitter_does_not_import_all_of_nltk():
    # `import nltk` pulls in scipy.stats (about a second); the splitter needs only Punkt
    code = ("import sys; from briefing.text.sentences import split_sentences; "
            "assert split_sentences('One. Two.') == ['One.', 'Two.']; print('scipy.stats' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aB .!?\"'\u201c\u201d\n,;:()-0123456789U.S.")) | st.characters(), max_size=300))
def test_random_text_never_breaks_the_splitter(text):
    sentences = split_sentences(text)
    assert all(s and s == s.strip() for s in sentences)
    # nothing but whitespace is lost
    assert "".join("".join(sentences).split()) == "".join("".join(split_paragraphs(text)).split())


# The text reader takes an article's title from the first sentence of a short prefix of its lede (see
# briefing.sources.text._first_sentence): that is only right if a sentence break depends on the words on
# either side of it, never on text after the next sentence has started.
_TRICKY = (
    "The he said. Mr. Smith J. K. Rowling U.S. officials \"Why?\" asked. Plan B. p.m. at 5 iPhone ! ? ... "
    "\u201cWe won.\u201d (AP) \u2014 Dr. Jan. 11, St. Fla. Monday. killed. \" ' It A.B.C. Inc. However, 10.5 No. ) ( "
    "Gen. E. wow!!"
).split()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_TRICKY), min_size=2, max_size=40), st.data())
def test_first_sentence_is_settled_once_a_second_one_starts(words, data):
    text = " ".join(words)
    cut = data.draw(st.sampled_from([i for i, ch in enumerate(text) if ch == " "]))
    prefix = split_paragraph(text[:cut])
    if len(prefix) >= 2:
        assert prefix[0] == split_paragraph(text)[0]


_PUNKT_WORDS = ["said", "U.S.", "u.s", "a", "J", "Mr", "No", "2008", "3.5", "the", "The", "He", "Gen",
                "However", "etc", "\u00e9", "--", "...", ". .", "'", '"', "\u201c", "\u201d", "(", ")", "?",
                "!", "a.m.", "Inc", "jan", "St", "\u4e2d", "x_y"]
_PUNKT_ENDS = ["", "", "", ".", ".", ".", "?", "!", '."', '?"', ".'", ".)", "..", "\u201d", ",", ".\u2019"]
_PUNKT_CASES = [  # one for each shortcut Punkt's decision takes, and its neighbours
    "He met J. Smith. Then he left.", "He met j. smith in the U.S. The end.", "It was 2008. The year.",
    "It was 2008. the year.", "Gen. Smith came. Gen. However left.", "Why? No. What! Yes.", 'He said." No.',
    "In the U.S. the fight goes on.", "At 5 p.m. The end. Mr. Smith, Dr. Who.", "Born in 2008. \u4e2d. Now.",
]


@pytest.mark.parametrize("text", _PUNKT_CASES)
def test_fast_punkt_gives_punkts_own_sentences_on_each_shortcut(text):
    _same_as_punkt(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PUNKT_WORDS), st.sampled_from(_PUNKT_ENDS)), min_size=1, max_size=14))
def test_fast_punkt_gives_punkts_own_sentences(pieces):
    _same_as_punkt(" ".join(word + end for word, end in pieces))


def _same_as_punkt(text):
    # the splitter's shortcuts (candidate breaks decided without Punkt's token objects, its search and
    # realignment under the standard re) must give exactly what Punkt itself gives
    from briefing.text import sentences

    fast = sentences._tokenizer()
    plain = sentences._load_punkt().PunktSentenceTokenizer(fast._params)
    assert fast.sentences(text) == plain.tokenize(text)


def test_quote_fragments_mark_pieces_of_a_multi_sentence_quotation():
    from briefing.text.sentences import quote_fragments, split_paragraph

    curly = split_paragraph("“We will rebuild. The city will stand,” the mayor said. Crews worked all night.")
    assert quote_fragments(curly) == [True, True, False]
    straight = split_paragraph('"That attack came from the east," Aliyev said. He left. "We win. They lose," he said.')
    assert quote_fragments(straight) == [False, False, True, True]
    assert quote_fragments(["Azerbaijan’s army and the city’s mayor agreed."]) == [False]  # apostrophes


def test_split_sentences_marked_restarts_at_each_paragraph():
    from briefing.text.sentences import split_sentences, split_sentences_marked

    text = "“A quote. Still inside,” she said.\n\n“An open quote never closed. Still inside.\n\nA new paragraph. Another one."
    sentences, fragments = split_sentences_marked(text)
    assert sentences == split_sentences(text)
    assert fragments == [True, True, False, False, False, False]


def test_an_unclosed_or_stray_quotation_mark_marks_nothing():
    from briefing.text.sentences import quote_fragments

    assert quote_fragments(['He said " the talks failed.', "Troops moved in.", "Shops closed."]) == [False, False, False]
    assert quote_fragments(["“This quote runs on into the next paragraph.", "It never closes here."]) == [False, False]
    long_quote = ["“One."] + ["More." for _ in range(6)] + ["End,” he said."]
    assert quote_fragments(long_quote) == [False] * 8


def test_quote_fragments_know_the_newswire_quote_marks():
    from briefing.text.sentences import quote_fragments, split_paragraph

    wire = split_paragraph("``We will rebuild. The city will stand,'' the mayor said. Crews worked all night.")
    assert quote_fragments(wire) == [True, True, False]
