"""The documents people open, edit and attach: DOCX on named styles, tagged PDF, HTML preview,
byte-identical repeats, safe writes, hostile article text, user templates."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, W, docx_xml, generate, pdf_text, run_generate, run_seeds

from briefing.render_pdf import confined_fetcher

ALLOWED_RUN_PROPERTIES = {f"{W}rStyle"}
ALLOWED_PARAGRAPH_PROPERTIES = {f"{W}pStyle", f"{W}numPr"}


# --- DOCX --------------------------------------------------------------------------------------


def test_docx_uses_named_styles_only(seed_brief):
    body = docx_xml(seed_brief.docx, "word/document.xml")
    for rpr in body.iter(f"{W}rPr"):
        assert {child.tag for child in rpr} <= ALLOWED_RUN_PROPERTIES
    for ppr in body.iter(f"{W}pPr"):
        assert {child.tag for child in ppr} <= ALLOWED_PARAGRAPH_PROPERTIES
    import docx

    document = docx.Document(str(seed_brief.docx))
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "Quote"} <= used
    assert document.tables
    assert all(table.style.name == "Light List Accent 1" for table in document.tables)


def test_reference_docx_holds_the_styles_the_renderer_names():
    import docx

    reference = docx.Document(str(ROOT / "templates" / "reference.docx"))
    names = {s.name for s in reference.styles}
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Normal", "List Bullet", "Quote",
                 "Footnote Text", "Footnote Reference", "Caption", "Light List Accent 1"):  # fmt: skip
        assert name in names


def test_docx_header_footer_and_properties(seed_brief):
    import docx

    document = docx.Document(str(seed_brief.docx))
    section = document.sections[0]
    assert "Ukraine's bid for a NATO invitation" in section.header.paragraphs[0].text
    assert "3 December 2024" in section.header.paragraphs[0].text
    footer = (
        docx_xml(seed_brief.docx, "word/footer1.xml")
        if _has(seed_brief.docx, "word/footer1.xml")
        else None
    )
    instructions = (
        " ".join(t.text for t in footer.iter(f"{W}instrText")) if footer is not None else ""
    )
    assert "PAGE" in instructions
    assert "NUMPAGES" in instructions
    properties = document.core_properties
    assert properties.title == "Ukraine's bid for a NATO invitation"
    assert properties.subject.startswith("Policy brief")
    assert "NATO" in properties.keywords
    assert properties.created == datetime(2024, 12, 3, tzinfo=UTC)
    assert round(section.page_width.mm) == 210


def _has(path: Path, member: str) -> bool:
    with zipfile.ZipFile(path) as package:
        return member in package.namelist()


def test_docx_author_and_letter_paper(tmp_path):
    out = generate(tmp_path, "--author", "Policy Unit", "--paper", "letter")
    import docx
    from pypdf import PdfReader

    document = docx.Document(str(out.docx))
    assert document.core_properties.author == "Policy Unit"
    assert round(document.sections[0].page_width.inches, 1) == 8.5
    box = PdfReader(out.pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert PdfReader(out.pdf).metadata["/Author"] == "Policy Unit"


def test_source_urls_are_hyperlinks_in_both_documents(tmp_path):
    shutil.copy(ROOT / "tests" / "data" / "noisy" / "saved_page.html", tmp_path / "page.html")
    result = run_generate(tmp_path, tmp_path / "out", day="2025-05-07")
    assert result.exit_code == 0, result.output
    docx_path = next((tmp_path / "out").glob("*.docx"))
    with zipfile.ZipFile(docx_path) as package:
        rels = package.read("word/_rels/document.xml.rels").decode()
        footnote_rels = package.read("word/_rels/footnotes.xml.rels").decode()
    url = "https://harbourherald.example/news/port-strike-second-week"
    assert url in rels
    assert url in footnote_rels
    from pypdf import PdfReader

    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in PdfReader(next((tmp_path / "out").glob("*.pdf"))).pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Link"
    ]
    assert url in links


def test_docx_header_carries_the_handling_mark_and_the_first_page_header_is_empty(seed_brief):
    import docx

    document = docx.Document(str(seed_brief.docx))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header = section.header.paragraphs[0]
    assert header.text == "Ukraine's bid for a NATO invitation\tFor internal use\t3 December 2024"
    handling = [run for run in header.runs if run.style.name == "Brief Handling"]
    assert [run.text for run in handling] == ["For internal use"]
    first = "".join(p.text for p in section.first_page_header.paragraphs)
    assert first == ""  # the masthead below holds title, date and mark: nothing printed twice
    masthead = document.paragraphs[0]
    assert masthead.style.name == "Brief Masthead"
    assert [r.text for r in masthead.runs if r.style.name == "Brief Handling"] == [
        "For internal use"
    ]
    footers = [section.footer, section.first_page_footer]
    assert all("Page" in f.paragraphs[0].text for f in footers)


def test_docx_explains_the_two_typefaces(seed_brief, seed_model):
    import docx

    document = docx.Document(str(seed_brief.docx))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    legend = ("Brief Legend", seed_model.labels.legend)
    assert legend in styles
    first_heading = next(k for k, (style, _) in enumerate(styles) if style == "Heading 1")
    assert styles.index(legend) < first_heading  # in the masthead, as in the PDF


def test_docx_timeline_dates_never_wrap(seed_brief, seed_model):
    import docx
    from docx.shared import Mm

    document = docx.Document(str(seed_brief.docx))
    labels = [e.when_label for e in seed_model.section("outlook").events]
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "When")
    for row, label in zip(table.rows[1:], labels, strict=True):
        cell = row.cells[0]
        assert cell.text == label
        assert cell._tc.tcPr.find(f"{W}noWrap") is not None
        # Wide enough for the label on one line: about 2.1 mm a character, and the margins.
        assert cell.width >= Mm(len(label) * 2.1 + 4) - Mm(1)


# --- PDF -----------------------------------------------------------------------------------------


def test_every_pdf_page_carries_the_handling_mark(seed_brief):
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(seed_brief.pdf).pages]
    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        assert "FOR INTERNAL USE" in text.upper(), f"page {number}"
    for text in pages[1:]:  # the running header: title, mark, date
        head = text.upper().split("FOR INTERNAL USE")[0]
        assert "UKRAINE'S BID FOR A NATO INVITATION" in head.replace("\n", " ")


def test_pdf_is_small_a4_with_metadata(seed_brief):
    from pypdf import PdfReader

    assert seed_brief.pdf.stat().st_size < 300_000
    reader = PdfReader(seed_brief.pdf)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    meta = reader.metadata
    assert meta["/Title"].startswith("Ukraine's bid for a NATO invitation")
    assert meta["/Subject"].startswith("Policy brief")
    assert "NATO" in meta["/Keywords"]
    assert meta["/CreationDate"].startswith("D:20241203")


def test_pdf_running_header_and_page_numbers_on_every_page(seed_brief):
    from pypdf import PdfReader

    pages = PdfReader(seed_brief.pdf).pages
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert f"Page {number} of {len(pages)}" in text
        if number > 1:
            assert "Ukraine's bid for a NATO invitation" in text
            assert "3 December 2024" in text


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdf_embeds_every_font(seed_brief):
    listing = subprocess.run(
        ["pdffonts", str(seed_brief.pdf)], capture_output=True, text=True, check=True
    ).stdout
    rows = listing.splitlines()[2:]
    assert rows
    for row in rows:
        assert row.split()[-5] == "yes", row  # the "emb" column


def test_pdf_passes_the_pdf_ua_check(seed_brief):
    import pdfua

    report = pdfua.validate(str(seed_brief.pdf))
    errors = [f for o in report.outcomes for f in o.findings if f.severity == pdfua.Severity.ERROR]
    assert errors == []
    from pypdf import PdfReader

    catalog = PdfReader(seed_brief.pdf).trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en"


def test_footnotes_sit_at_the_foot_of_their_page(seed_brief, seed_model):
    from pypdf import PdfReader

    first_page = PdfReader(seed_brief.pdf).pages[0].extract_text()
    first_note = seed_model.citations[0].text
    body_end = first_page.index(seed_model.statements()[0].text[:40])
    assert first_page.index(first_note[:40]) > body_end


# --- HTML ---------------------------------------------------------------------------------------


def test_html_preview_is_one_self_contained_file(tmp_path):
    result = run_seeds(tmp_path, "--format", "html")
    assert result.exit_code == 0
    files = sorted(p.suffix for p in tmp_path.iterdir())
    assert files == [".html", ".json"]  # the preview stands alone; the record goes with it
    html = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert "<style>" in html
    assert 'href="brief.css"' not in html
    assert "url(" not in html


# --- determinism and safe writes -------------------------------------------------------------


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_same_sources_and_date_give_the_same_bytes_across_processes(tmp_path):
    outputs = []
    for n, seed in enumerate(("1", "4242")):
        folder = tmp_path / str(n)
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "briefing", "generate", "--date", "2024-12-03", "--sources", str(SEEDS), "--output", str(folder)],
            check=True, env=env, capture_output=True,
        )  # fmt: skip
        outputs.append(digests(folder))
    assert outputs[0] == outputs[1]
    assert sorted(Path(name).suffix for name in outputs[0]) == [".docx", ".json", ".pdf"]


def test_source_date_epoch_sets_one_creation_time_in_pdf_and_docx(tmp_path, monkeypatch):
    from pypdf import PdfReader

    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", "1700000000"
    )  # 2023-11-14 22:13:20 UTC, not the brief's date
    out = generate(tmp_path)
    with zipfile.ZipFile(out.docx) as package:
        assert {info.date_time for info in package.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        core = package.read("docProps/core.xml").decode()
    assert "<dcterms:created" in core
    assert "2023-11-14T22:13:20Z" in core
    assert PdfReader(out.pdf).metadata["/CreationDate"].startswith("D:20231114221320")


def test_without_source_date_epoch_pdf_and_docx_date_from_the_brief(tmp_path, monkeypatch):
    from pypdf import PdfReader

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = generate(tmp_path)
    with zipfile.ZipFile(out.docx) as package:
        assert "2024-12-03T00:00:00Z" in package.read("docProps/core.xml").decode()
    assert PdfReader(out.pdf).metadata["/CreationDate"].startswith("D:20241203000000")


def test_a_failure_mid_run_leaves_the_earlier_brief_intact(tmp_path, monkeypatch):
    first = generate(tmp_path)
    before = digests(tmp_path)
    import briefing.render_docx

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(briefing.render_docx, "render_docx", broken)
    result = run_seeds(tmp_path, "--words", "300")
    assert result.exit_code == 1
    assert "disk on fire" in result.output
    assert digests(tmp_path) == before  # neither file touched, no temporary file left
    assert first.pdf.exists()


def test_a_failed_rename_leaves_no_partial_file(tmp_path, monkeypatch):
    from briefing import output

    target = tmp_path / "brief.pdf"
    target.write_bytes(b"earlier brief")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", refuse)
    with pytest.raises(output.OutputError, match="No space left"):
        output.write_bytes(target, b"new brief")
    assert target.read_bytes() == b"earlier brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


# --- hostile article text --------------------------------------------------------------------

HOSTILE = (
    '<script>alert("x")</script> is what the attacker placed in the comment field of the ministry site, investigators said on Monday. '
    'The page also carried <img src="file:///etc/passwd"> inside its main text, according to the ministry. '
    "A template probe reading {{ 7*7 }} was found in the same story about the ministry website. "
    "The ministry said the website would be rebuilt next month after the attack on its servers."
)


def test_hostile_article_text_stays_text(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hostile.md").write_text(
        "---\ndate: 2024-12-02\noutlet: Test Wire\n---\n" + HOSTILE, encoding="utf-8"
    )
    result = run_generate(tmp_path / "in", tmp_path / "out", "--format", "pdf,docx,html")
    assert result.exit_code == 0, result.output
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert '<img src="file:///etc/passwd">' not in html
    assert "{{ 7*7 }}" in html
    assert "49" not in html
    text = pdf_text(next((tmp_path / "out").glob("*.pdf")))
    assert '<script>alert("x")</script>' in text
    assert '<img src="file:///etc/passwd">' in text
    assert "{{ 7*7 }}" in text
    assert "root:" not in text


def test_pdf_fetcher_reads_only_the_templates_folder(tmp_path):
    fetch = confined_fetcher(ROOT / "templates")
    assert fetch.fetch((ROOT / "templates" / "brief.css").as_uri()) is not None
    for url in ("file:///etc/passwd", "https://example.org/a.png", (ROOT / "README.md").as_uri()):
        with pytest.raises(ValueError, match="refused"):
            fetch.fetch(url)


# --- user templates ---------------------------------------------------------------------------


def test_user_templates_restyle_the_brief(tmp_path):
    custom = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", custom)
    html = (custom / "brief.html.j2").read_text(encoding="utf-8")
    (custom / "brief.html.j2").write_text(
        html.replace("{{ brief.kind }}", "Acme Institute {{ brief.kind }}"), encoding="utf-8"
    )
    import docx

    reference = docx.Document(str(custom / "reference.docx"))
    reference.styles["Title"].font.name = "Courier New"
    reference.save(str(custom / "reference.docx"))
    out = generate(tmp_path / "out", "--templates", str(custom))
    assert "ACME INSTITUTE" in pdf_text(out.pdf).upper()
    assert docx.Document(str(out.docx)).styles["Title"].font.name == "Courier New"


def test_templates_folder_without_template_is_a_clear_error(tmp_path):
    result = run_seeds(tmp_path, "--templates", str(tmp_path))
    assert result.exit_code == 2
    assert "brief.html.j2" in result.output


# --- hostile input (issue 12) ----------------------------------------------------------------------


def one_article(folder: Path, front: str = "", body: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.md").write_text(
        f'---\noutlet: "Coast News"\ndate: 2024-12-01\n{front}---\n'
        "The harbour authority approved a new ferry terminal on Monday after two years of planning. "
        f"The terminal will double the number of daily crossings to the islands. {body}\n",
        encoding="utf-8",
    )
    return folder


def test_long_document_properties_are_shortened_never_fatal(tmp_path):
    sources = one_article(tmp_path / "in")
    keywords = ", ".join(f'"keyword number {n}"' for n in range(26))
    (sources / "brief.toml").write_text(
        f'title = "{"Harbour " * 40}"\nkeywords = [{keywords}]\n', encoding="utf-8"
    )
    result = run_generate(sources, tmp_path / "out", "--format", "docx", "--author", "Unit " * 60)
    assert result.exit_code == 0, result.output
    import docx

    properties = docx.Document(str(next((tmp_path / "out").glob("*.docx")))).core_properties
    for value, start in (
        (properties.title, "Harbour Harbour"),
        (properties.keywords, "keyword number 0, keyword number 1"),
        (properties.author, "Unit Unit"),
        (properties.subject, "Policy brief: Harbour"),
    ):
        assert value.startswith(start)
        assert len(value) <= 255
        assert value.endswith("…")


def test_only_web_addresses_become_links(tmp_path):
    sources = one_article(tmp_path / "in", front='url: "javascript:alert(document.domain)"\n')
    result = run_generate(sources, tmp_path / "out", "--format", "pdf,docx,html")
    assert result.exit_code == 0, result.output
    assert "a.md: url 'javascript:alert(document.domain)' is not a web address" in result.output
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert "javascript:" not in html
    with zipfile.ZipFile(next((tmp_path / "out").glob("*.docx"))) as package:
        assert not any(b"javascript:" in package.read(name) for name in package.namelist())
    assert b"javascript:" not in next((tmp_path / "out").glob("*.pdf")).read_bytes()


def test_an_unbroken_five_thousand_character_word_stays_on_the_page(tmp_path):
    word = "x" * 5000
    sources = one_article(tmp_path / "in", body=f"Officials said {word} was the code.")
    result = run_generate(sources, tmp_path / "out", "--format", "pdf")
    assert result.exit_code == 0, result.output
    lines = pdf_text(next((tmp_path / "out").glob("*.pdf"))).splitlines()
    pieces = [line for line in lines if "xxxx" in line]
    assert max(len(line) for line in pieces) < 200  # about 90 characters fill a line
    assert sum(line.count("x") for line in pieces) >= len(word)  # all of it, on the page


def broken_templates(tmp_path: Path, name: str, content: bytes | None) -> Path:
    custom = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", custom)
    if content is None:
        (custom / name).unlink()
    else:
        (custom / name).write_bytes(content)
    return custom


@pytest.mark.parametrize(
    ("name", "content", "fmt", "message"),
    [
        ("brief.css", None, "pdf", "has no brief.css"),
        ("brief.css", None, "html", "has no brief.css"),
        ("reference.docx", None, "docx", "has no reference.docx"),
        ("reference.docx", b"PK\x03\x04 not a zip", "docx", "reference.docx: not a Word document"),
        (
            "brief.html.j2",
            b"<p>{% if brief %}</p>",
            "html",
            "brief.html.j2, line 1: Unexpected end",
        ),
        ("brief.html.j2", b"<p>{{ brief.nothing }}</p>", "pdf", "brief.html.j2: 'briefing.model"),
    ],
)
def test_a_missing_or_broken_template_file_is_one_line_exit_2(
    tmp_path, name, content, fmt, message
):
    custom = broken_templates(tmp_path, name, content)
    result = run_seeds(tmp_path / "out", "--templates", str(custom), "--format", fmt)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert result.output.startswith("briefing: error: ")
    assert result.output.count("\n") == 1


def test_docx_dates_the_zip_format_cannot_hold_are_one_line_exit_2(tmp_path, monkeypatch):
    sources = one_article(tmp_path / "in")
    result = run_generate(sources, tmp_path / "out", "--format", "docx", day="2108-01-01")
    assert result.exit_code == 2
    assert result.output == (
        "briefing: error: a DOCX cannot carry dates after 2107 (its ZIP format ends there); "
        "choose another --date or SOURCE_DATE_EPOCH, or --format pdf\n"
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "9" * 30)
    result = run_generate(sources, tmp_path / "out", "--format", "docx")
    assert result.exit_code == 2
    assert result.output.startswith("briefing: error: SOURCE_DATE_EPOCH=9999")
    assert result.output.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_a_reference_docx_made_before_the_new_styles_still_renders(tmp_path):
    """A user's copy of the templates from an earlier version lacks the legend, fact, gloss,
    "New" and handling styles: older styles stand in for them."""
    import docx

    custom = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", custom)
    reference = docx.Document(str(custom / "reference.docx"))
    for name in ("Brief Legend", "Brief Fact", "Brief Gloss", "Brief New", "Brief Handling"):
        element = reference.styles[name].element
        element.getparent().remove(element)
    reference.save(str(custom / "reference.docx"))
    out = generate(tmp_path / "out", "--templates", str(custom), "--format", "docx")
    document = docx.Document(str(out.docx))
    assert any(p.text.startswith("Quoted text is verbatim") for p in document.paragraphs)
    assert "For internal use" in document.sections[0].header.paragraphs[0].text
