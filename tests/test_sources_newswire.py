"""LDC/TREC newswire archives (<DOC> SGML, as DUC topics ship): read by content, whatever the file is called."""
import json

from briefing.cli import main
from briefing.sources import read_inputs

DOC = """<DOC>
<DOCNO> APW19981016.0240 </DOCNO>
<DOCTYPE> NEWS STORY </DOCTYPE>
<DATE_TIME> 10/16/1998 07:32:00 </DATE_TIME>
<BODY>
<HEADLINE> Flood waters rise in river towns </HEADLINE>
<TEXT>
<P>
   RIVERTON (AP) _ Flood waters rose on Friday in three river towns, forcing
1,200 people from their homes, officials said.
</P>
<P>
   Rescue crews &amp; volunteers worked through the night to shore up the levees
along the river, the mayor said.
</P>
</TEXT>
</BODY>
<TRAILER> AP-NY-10-16-98 0732EDT </TRAILER>
</DOC>
"""


def test_a_docno_named_file_is_one_article_without_markup(tmp_path):
    path = tmp_path / "APW19981016.0240"
    path.write_text(DOC, encoding="utf-8")
    [article] = read_inputs([str(path)])
    assert article.title == "Flood waters rise in river towns"
    assert article.source == "Associated Press"
    assert article.published == "1998-10-16"
    assert "<" not in article.text and "&amp;" not in article.text and "crews & volunteers" in article.text
    assert article.text.count("\n\n") == 1  # two paragraphs, hard wrapping joined
    assert "1,200 people from their homes" in article.text


def test_several_docs_in_one_file_and_untagged_paragraphs(tmp_path):
    second = DOC.replace("APW19981016.0240", "NYT19981017.0001").replace("<P>", "").replace("</P>", "")
    path = tmp_path / "archive.sgml"
    path.write_text(DOC + second, encoding="utf-8")
    articles = read_inputs([str(path)])
    assert [a.source for a in articles] == ["Associated Press", "The New York Times"]
    assert articles[1].text.count("\n\n") == 1  # paragraphs found by their indented first lines
    assert articles[0].origin.endswith("#1") and articles[1].origin.endswith("#2")


def test_a_folder_of_wire_stories_summarizes_with_each(tmp_path, capsys):
    topic = tmp_path / "d30001t"
    topic.mkdir()
    (topic / "APW19981016.0240").write_text(DOC, encoding="utf-8")
    (topic / "NYT19981017.0001").write_text(DOC.replace("APW19981016.0240", "NYT19981017.0001"), encoding="utf-8")
    assert main(["summarize", "--each", "--words", "100", "--format", "jsonl", str(topic)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["input"] == str(topic) and "Flood waters rose" in out["summary"] and "<P>" not in out["summary"]


def test_plain_text_with_a_numbered_ending_is_read_as_text(tmp_path):
    path = tmp_path / "story.0001"
    path.write_text("Storms cut power to 20,000 homes on Monday, the utility said.\n", encoding="utf-8")
    [article] = read_inputs([str(path)])
    assert "20,000 homes" in article.text


DUC_2004_STYLE = """<DOC>
<DOCNO> APW19981016.0240 </DOCNO>
<DOCTYPE> NEWS </DOCTYPE>
<TXTTYPE> NEWSWIRE </TXTTYPE>
<TEXT>
The council on Friday rejected the opposition's demands
for talks abroad, accusing it of trying to ``internationalize''
the crisis. ``No-one should internationalize our affairs.
It is harmful to the country,'' the council leader said after a cabinet
meeting on Friday.
</TEXT>
</DOC>
"""


def test_typewriter_quotes_become_quotation_marks_and_quotes_stay_attributed(tmp_path):
    from briefing.text.sentences import split_sentences_marked

    path = tmp_path / "APW19981016.0240"
    path.write_text(DUC_2004_STYLE, encoding="utf-8")
    [article] = read_inputs([str(path)])
    assert "``" not in article.text and "''" not in article.text
    assert "\u201cinternationalize\u201d" in article.text
    sentences, fragments = split_sentences_marked(article.text)
    assert sentences[1] == "\u201cNo-one should internationalize our affairs."
    assert fragments[1] and fragments[2]  # the two halves of one quotation, spoken by the leader
