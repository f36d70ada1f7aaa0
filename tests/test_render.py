"""The renderers on a hand-built brief: they lay out what the model says and decide nothing."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import UTC, datetime

from briefs import LABELS, URL, sample_brief
from conftest import W, squash

from briefing.render_docx import render_docx
from briefing.render_html import render_html


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode()
    from xml.etree import ElementTree

    return "".join(t.text or "" for t in ElementTree.fromstring(xml).iter(f"{W}t"))


def test_both_renderers_print_the_models_labels():
    brief = sample_brief(labels=replace(LABELS, timeline="Calendar", aid_table="Aid overview",
                                        reported_by="Carried by {count} outlets", sources="Works cited"))  # fmt: skip
    brief = replace(brief, sections=sample_brief(labels=brief.labels).sections)
    html = render_html(brief)
    text = docx_text(render_docx(brief))
    for label in ("Calendar", "Aid overview", "Works cited", "note 3"):
        assert label in html
        assert label in text
    assert "Timeline" not in html
    assert "Timeline" not in text


def test_empty_section_prints_its_note_in_both():
    brief = sample_brief()
    assert "Nothing is open." in render_html(brief)
    assert "Nothing is open." in docx_text(render_docx(brief))


def test_docx_takes_its_timestamp_from_the_brief():
    brief = sample_brief(created=datetime(2031, 2, 3, 4, 5, 6, tzinfo=UTC))
    with zipfile.ZipFile(io.BytesIO(render_docx(brief))) as package:
        assert {info.date_time for info in package.infolist()} == {(2031, 2, 3, 4, 5, 6)}
        assert "2031-02-03T04:05:06Z" in package.read("docProps/core.xml").decode()


def test_html_carries_the_timestamp_the_pdf_reads():
    html = render_html(sample_brief(created=datetime(2031, 2, 3, 4, 5, 6, tzinfo=UTC)))
    assert '<meta name="dcterms.created" content="2031-02-03T04:05:06+00:00">' in html


def test_pdf_of_the_hand_built_brief_has_its_statements_and_footnotes(tmp_path):
    from conftest import pdf_text

    from briefing.render_pdf import render_pdf

    path = tmp_path / "brief.pdf"
    path.write_bytes(render_pdf(sample_brief()))
    text = squash(pdf_text(path))
    for words in ("Dock workers stayed out.", "Talks resume Monday.", "Harbour Herald",
                  "Page1of", "Ana Ruiz"):  # fmt: skip
        assert squash(words) in text
    from pypdf import PdfReader

    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in PdfReader(path).pages
        for annotation in page.get("/Annots", [])
    ]
    assert URL in links  # the reference links to its article
