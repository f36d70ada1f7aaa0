"""The seed brief, end to end: generate both documents and open them as a reader would."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest
from conftest import (
    docx_footnote_references,
    docx_footnotes,
    docx_paragraphs,
    pdf_body_text,
    pdf_text,
    source_texts,
    squash,
)

from briefing.read_docx import ASSESSMENT_TITLE

HEADINGS = (
    "Key points",
    "Positions",
    "Open questions",
    "Military aid",
    "Outlook",
    "Sourcing",
    "Sources",
)


def test_generate_prints_the_paths_of_both_documents(seed_brief):
    assert seed_brief.pdf.name == "2024-12-03-ukraines-bid-for-a-nato-invitation.pdf"
    assert seed_brief.docx.name == "2024-12-03-ukraines-bid-for-a-nato-invitation.docx"
    record = seed_brief.pdf.with_suffix(".json")
    assert seed_brief.stdout.split() == [str(seed_brief.pdf), str(seed_brief.docx), str(record)]


def test_pdf_shows_date_title_and_every_section(seed_brief):
    text = pdf_text(seed_brief.pdf)
    assert "3 December 2024" in text
    assert "Ukraine's bid for a NATO invitation" in text
    for heading in HEADINGS:
        assert heading in text
    assert re.search(r"Page 1 of \d", text)


def test_docx_shows_date_and_every_section_as_headings(seed_brief):
    paragraphs = docx_paragraphs(seed_brief.docx)
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings == [HEADINGS[0], ASSESSMENT_TITLE, *HEADINGS[1:]]
    assert ("Subtitle", "3 December 2024") in paragraphs


def test_docx_has_real_footnotes_each_referenced_once_in_order(seed_brief):
    notes = docx_footnotes(seed_brief.docx)
    references = docx_footnote_references(seed_brief.docx)
    assert len(notes) >= 5
    assert references == sorted(notes) == list(range(1, len(notes) + 1))
    assert all(notes.values())


def test_every_docx_footnote_appears_in_the_pdf_with_its_number(seed_brief, seed_model):
    text = squash(pdf_text(seed_brief.pdf))
    notes = docx_footnotes(seed_brief.docx)
    for number, note in notes.items():
        assert squash(f"{number}.{note}") in text, f"footnote {number} missing from the PDF"
    assert [c.text for c in seed_model.citations] == [notes[n] for n in sorted(notes)]


def test_every_statement_is_a_verbatim_sentence_of_a_source(seed_model):
    sources = source_texts()
    statements = seed_model.statements()
    assert statements
    for statement in statements:
        assert statement.text in sources
    for source in seed_model.sources:
        for sentence in source.digest:
            assert sentence in sources


def test_every_statement_is_printed_in_both_documents(seed_brief, seed_model):
    pdf = squash(pdf_body_text(seed_brief.pdf, running_head=seed_model.title))
    docx_text = "\n".join(text for _, text in docx_paragraphs(seed_brief.docx))
    for statement in seed_model.statements():
        assert squash(statement.text) in pdf
        assert statement.text in docx_text


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc not installed")
def test_pandoc_reads_the_footnotes_as_footnotes(seed_brief):
    markdown = subprocess.run(
        ["pandoc", str(seed_brief.docx), "-t", "markdown"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    definitions = re.findall(r"^\[\^(\d+)\]:", markdown, re.M)
    assert len(definitions) == len(docx_footnotes(seed_brief.docx))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_docx_and_prints_footnotes_at_the_foot_of_the_page(
    seed_brief, tmp_path
):
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(seed_brief.docx),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    converted = tmp_path / seed_brief.docx.with_suffix(".pdf").name
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(converted).pages]
    first = docx_footnotes(seed_brief.docx)[1]
    assert squash(first) in squash(pages[0])
    assert "Page 1 of" in pages[0]
    assert squash(pages[0]).index(squash("Key points")) < squash(pages[0]).index(squash(first))


# --- dates a reader can see ------------------------------------------------------------------------

WEEKEND = "Zelensky insisted this weekend."  # from a 2 December article


def statement_with(model, start: str):
    return next(s for s in model.statements() if start in s.quoted)


def docx_runs(path, start: str) -> list[tuple[str, str]]:
    """(character style, text) of the runs of the body paragraph holding `start`."""
    import docx

    paragraph = next(p for p in docx.Document(str(path)).paragraphs if start in p.text)
    return [(run.style.name if run.style is not None else "", run.text) for run in paragraph.runs]


def test_a_statement_from_an_older_article_shows_its_date(seed_brief, seed_model):
    statement = next(s for s in seed_model.statements() if s.published == date(2024, 10, 17))
    assert statement.dated == "Published 17 October 2024"
    pdf = squash(pdf_body_text(seed_brief.pdf, running_head=seed_model.title))
    after = pdf.split(squash(statement.quoted), 1)[1]
    assert after.startswith(f"{statement.citation.number}PUBLISHED17OCTOBER2024")  # set in caps
    runs = docx_runs(seed_brief.docx, statement.text[:40])
    assert ("Brief Note", "Published 17 October 2024") in runs
    assert all(not s.dated for s in seed_model.statements() if s.published.month == 12)


def test_a_relative_day_is_glossed_beside_the_unchanged_quote(seed_brief, seed_model):
    statement = statement_with(seed_model, WEEKEND)
    gloss = "[this weekend: 30 November – 1 December 2024]"
    assert statement.gloss == gloss
    assert statement.text.endswith(WEEKEND)  # the quoted text itself is never changed
    pdf = squash(pdf_body_text(seed_brief.pdf, running_head=seed_model.title))
    assert squash(statement.quoted) + str(statement.citation.number) + squash(gloss) in pdf
    runs = docx_runs(seed_brief.docx, WEEKEND)
    assert ("Brief Gloss", gloss) in runs
    quoted = "".join(text for style, text in runs if style in ("", "Default Paragraph Font"))
    assert quoted.strip() == statement.quoted
