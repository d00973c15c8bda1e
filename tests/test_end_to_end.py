"""seeds/ -> PDF through the real command line, read back with pypdf."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seeds_brief(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "generate", "seeds", "--out", str(out), "--date", "2026-11-22", "--format", "pdf,html,json,md"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return out, result


def pdf_text(path: Path) -> tuple[str, PdfReader]:
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text), reader


def test_generate_prints_the_paths_it_wrote(seeds_brief):
    out, result = seeds_brief
    printed = result.stdout.split()
    assert printed == [str(out / f"brief-2026-11-22.{ext}") for ext in ("pdf", "html", "json", "md")]
    assert all(Path(p).stat().st_size > 0 for p in printed)
    assert not list(out.glob(".*tmp")), "no temporary file left behind"


def test_pdf_holds_the_brief_an_analyst_needs(seeds_brief):
    out, _ = seeds_brief
    text, reader = pdf_text(out / "brief-2026-11-22.pdf")
    assert 1 <= len(reader.pages) <= 4
    assert "22 November 2026" in text or "2026-11-22" in text
    assert "TRT World" in text and "Anadolu Agency" in text
    for figure in ("41", "200", "34", "1,165"):
        assert re.search(rf"(?<![\d,]){re.escape(figure)}(?![\d,])", text), figure
    assert re.search(r"\b(nine|9)\b", text)
    assert "Ganja" in text
    assert "READ MORE" not in text.upper()


def test_no_sentence_appears_twice(seeds_brief):
    out, _ = seeds_brief
    text, _ = pdf_text(out / "brief-2026-11-22.pdf")
    assert text.count("launched from Armenia's Vardenis district") + text.count("launched from Armenia’s Vardenis district") <= 1
    assert text.count("A woman waits for her relatives to be rescued") <= 1


def test_pdf_embeds_nothing_and_carries_metadata(seeds_brief):
    out, _ = seeds_brief
    reader = PdfReader(str(out / "brief-2026-11-22.pdf"))
    names = reader.trailer["/Root"].get("/Names")
    assert names is None or "/EmbeddedFiles" not in names.get_object()
    assert not reader.attachments
    assert reader.metadata.title
    assert reader.metadata.creation_date is not None

