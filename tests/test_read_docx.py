"""Reading an edited Word draft: what the analyst changed, robust to renamed and deleted parts, and
the printable copy without the untouched Assessment prompt. No LibreOffice needed here."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from conftest import W, docx_paragraphs, docx_xml, run

from briefing.errors import DraftError
from briefing.read_docx import ASSESSMENT_PROMPT, ASSESSMENT_TITLE, printable_draft, read_draft

# --- editing a draft as an analyst does in Word --------------------------------------------------


def open_draft(path: Path):
    import docx

    return docx.Document(str(path))


def key_point_paragraphs(document) -> list:
    return [p for p in document.paragraphs if p.style.name == "List Bullet"][:5]


def heading(document, text: str):
    return next(p for p in document.paragraphs if p.style.name == "Heading 1" and p.text == text)


def rewrite(paragraph, text: str) -> None:
    """Replace a paragraph's words and keep its footnote reference, as retyping in Word does."""
    runs = [r for r in paragraph.runs if r.text]
    runs[0].text = text
    for extra in runs[1:]:
        extra.text = ""


def type_into_assessment(document, text: str) -> None:
    """Type over the prompt as Word does: the control stops showing its placeholder."""
    from docx.oxml.ns import qn

    control = document.element.body.find(qn("w:sdt"))
    properties = control.find(qn("w:sdtPr"))
    properties.remove(properties.find(qn("w:showingPlcHdr")))
    run = control.find(f".//{qn('w:r')}")
    run.remove(run.find(qn("w:rPr")))
    run.find(qn("w:t")).text = text


def save(document, path: Path) -> Path:
    document.save(str(path))
    return path


@pytest.fixture
def draft(seed_brief, tmp_path) -> Path:
    return Path(shutil.copy(seed_brief.docx, tmp_path / "draft.docx"))


def printable(path: Path) -> list[tuple[str, str]]:
    target = path.with_name("printable.docx")
    target.write_bytes(printable_draft(path))
    return docx_paragraphs(target)


# --- the draft as generated --------------------------------------------------------------------


def test_draft_has_an_assessment_prompt_after_the_key_points(seed_brief):
    headings = [t for s, t in docx_paragraphs(seed_brief.docx) if s == "Heading 1"]
    assert headings[:3] == ["Key points", ASSESSMENT_TITLE, "Positions"]
    body = docx_xml(seed_brief.docx, "word/document.xml").find(f"{W}body")
    control = body.find(f"{W}sdt")
    assert control.find(f"{W}sdtPr/{W}showingPlcHdr") is not None
    assert control.find(f"{W}sdtPr/{W}alias").get(f"{W}val") == ASSESSMENT_TITLE
    run = control.find(f".//{W}r")
    assert run.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "PlaceholderText"
    assert "".join(t.text for t in control.iter(f"{W}t")) == ASSESSMENT_PROMPT


def test_generated_pdf_has_no_assessment(seed_brief):
    from conftest import pdf_text, squash

    text = squash(pdf_text(seed_brief.pdf))
    assert squash(ASSESSMENT_PROMPT[:40]) not in text
    assert squash(ASSESSMENT_TITLE) not in text


def test_unedited_draft_reads_as_the_brief_with_no_assessment(seed_brief, seed_model):
    summary = read_draft(seed_brief.docx)
    statements = seed_model.section("key_points").statements
    assert summary.title == seed_model.title
    assert summary.date_label == seed_model.date_label
    assert summary.subject == f"[For internal use] {seed_model.title} – {seed_model.date_label}"
    assert [p.text for p in summary.key_points] == [s.text for s in statements]
    assert [p.notes for p in summary.key_points] == [(s.citation.number,) for s in statements]
    assert summary.footnotes == tuple((s.citation.number, s.citation.text) for s in statements)
    assert summary.assessment == ()


def test_untouched_prompt_and_its_heading_are_left_out_of_the_printable_copy(seed_brief, tmp_path):
    paragraphs = printable(Path(shutil.copy(seed_brief.docx, tmp_path / "d.docx")))
    texts = [t for _, t in paragraphs]
    assert ASSESSMENT_PROMPT not in texts
    assert ASSESSMENT_TITLE not in texts
    assert "Key points" in texts
    assert "Positions" in texts


# --- what the analyst changed ------------------------------------------------------------------


def test_a_rewritten_key_point_and_a_typed_assessment_are_read(draft):
    document = open_draft(draft)
    rewrite(key_point_paragraphs(document)[1], "The analyst's corrected second point.")
    type_into_assessment(document, "Expect no invitation this year.")
    heading(document, "Positions").insert_paragraph_before(
        "A second paragraph of assessment.", style="Normal"
    )
    summary = read_draft(save(document, draft))
    assert summary.key_points[1].text == "The analyst's corrected second point."
    assert summary.key_points[1].notes == (2,)
    assert [p.text for p in summary.assessment] == [
        "Expect no invitation this year.",
        "A second paragraph of assessment.",
    ]
    kept = printable(draft)
    assert ("Heading 1", ASSESSMENT_TITLE) in kept
    assert ("Normal", "Expect no invitation this year.") in kept
    assert ASSESSMENT_PROMPT not in [t for _, t in kept]


def test_text_typed_in_the_placeholder_style_prints_as_the_analysts(draft):
    from docx.oxml.ns import qn

    document = open_draft(draft)
    control = document.element.body.find(qn("w:sdt"))
    control.find(f".//{qn('w:t')}").text = "Typed where the prompt was, in its style."
    save(document, draft)
    import docx

    copy = docx.Document(io.BytesIO(printable_draft(draft)))
    body = copy.element.body
    assert body.find(qn("w:sdt")) is None  # controls become plain text in what is sent
    styles = {s.get(qn("w:val")) for s in body.iter(qn("w:rStyle"))}
    assert "PlaceholderText" not in styles
    assert "Typed where the prompt was, in its style." in [p.text for p in copy.paragraphs]


def test_assessment_written_below_a_deleted_prompt_is_read(draft):
    from docx.oxml.ns import qn

    document = open_draft(draft)
    control = document.element.body.find(qn("w:sdt"))
    control.getparent().remove(control)
    heading(document, "Positions").insert_paragraph_before("Our view, in plain paragraphs.")
    summary = read_draft(save(document, draft))
    assert [p.text for p in summary.assessment] == ["Our view, in plain paragraphs."]


def test_assessment_under_a_renamed_heading_is_read_whole(draft):
    document = open_draft(draft)
    heading(document, ASSESSMENT_TITLE).text = "Our view"
    type_into_assessment(document, "First paragraph, in the control.")
    heading(document, "Positions").insert_paragraph_before("Second, below it.")
    summary = read_draft(save(document, draft))
    assert summary.assessment_title == "Our view"
    assert [p.text for p in summary.assessment] == [
        "First paragraph, in the control.",
        "Second, below it.",
    ]
    assert len(summary.key_points) == 5


def test_assessment_whose_heading_was_deleted_is_not_taken_for_a_key_point(draft, seed_model):
    document = open_draft(draft)
    old = heading(document, ASSESSMENT_TITLE)._p
    old.getparent().remove(old)
    type_into_assessment(document, "Written in the control, heading gone.")
    summary = read_draft(save(document, draft))
    assert [p.text for p in summary.assessment] == ["Written in the control, heading gone."]
    expected = [s.text for s in seed_model.section("key_points").statements]
    assert [p.text for p in summary.key_points] == expected


def test_renamed_key_points_heading_and_added_point(draft):
    document = open_draft(draft)
    heading(document, "Key points").text = "Bottom line"
    key_point_paragraphs(document)[-1].insert_paragraph_before(
        "An added point with no footnote.", style="List Bullet"
    )
    summary = read_draft(save(document, draft))
    assert summary.key_points_title == "Bottom line"
    assert len(summary.key_points) == 6
    assert summary.key_points[4].text == "An added point with no footnote."
    assert summary.key_points[4].notes == ()


def test_deleted_key_points_heading_still_finds_the_points(draft, seed_model):
    document = open_draft(draft)
    old = heading(document, "Key points")._p
    old.getparent().remove(old)
    summary = read_draft(save(document, draft))
    expected = [s.text for s in seed_model.section("key_points").statements]
    assert [p.text for p in summary.key_points] == expected


def test_deleted_key_point_renumbers_the_footnotes_as_word_does(draft, seed_model):
    document = open_draft(draft)
    first = key_point_paragraphs(document)[0]._p
    first.getparent().remove(first)
    summary = read_draft(save(document, draft))
    citations = [s.citation for s in seed_model.section("key_points").statements]
    assert [p.notes for p in summary.key_points] == [(1,), (2,), (3,), (4,)]
    assert summary.footnotes[0] == (1, citations[1].text)


def test_edited_title_becomes_the_subject(draft):
    document = open_draft(draft)
    next(p for p in document.paragraphs if p.style.name == "Title").text = "Revised title"
    subject = read_draft(save(document, draft)).subject
    assert subject == "[For internal use] Revised title – 3 December 2024"


# --- files that are not briefing drafts ------------------------------------------------------


def test_a_word_file_without_a_title_is_not_a_draft(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Just a letter.")
    path = save(document, tmp_path / "letter.docx")
    with pytest.raises(DraftError, match="not a briefing draft"):
        read_draft(path)
    result = run("pdf", str(path))
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert f"{path}: not a briefing draft" in result.output


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"plain text, not a package", "not a Word document"), (None, "no such file")],
)
def test_unreadable_drafts_are_one_line_errors(tmp_path, content, problem):
    path = tmp_path / "draft.docx"
    if content is not None:
        path.write_bytes(content)
    for args in (["pdf", str(path)], ["email", "--docx", str(path), "--to", "a@example.org",
                                      "--eml", str(tmp_path / "m.eml")]):  # fmt: skip
        result = run(*args)
        assert result.exit_code == 2
        assert result.output.startswith(f"briefing: error: {path}: {problem}")
        assert result.output.count("\n") == 1
        assert "Traceback" not in result.output
    assert not (tmp_path / "m.eml").exists()
    assert not (tmp_path / "draft.pdf").exists()
