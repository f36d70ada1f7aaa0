"""Render a `Brief` as a Word draft on the named styles of `templates/reference.docx`.

Named styles only, no direct formatting: restyling reference.docx restyles every brief.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from briefing.errors import BriefingError, TemplateError
from briefing.model import Brief, Citation, Labels, Section, Statement
from briefing.templating import REFERENCE_DOCX, require_template, templates_dir

PAPER_MM = {"a4": (210, 297), "letter": (215.9, 279.4)}
TABLE_STYLE = "Light List Accent 1"
# Column widths are table layout, not text formatting: the styles still come from reference.docx.
TIMELINE_WIDTH_MM = 170
AID_WIDTHS_MM = (38, 82, 28, 22)
# The OOXML core properties (title, subject, keywords, author...) hold at most 255 characters;
# python-docx refuses longer text, Word truncates it.
CORE_PROPERTY_LIMIT = 255
# ZIP member timestamps (MS-DOS format) run from 1980 to the end of 2107.
ZIP_YEARS = (1980, 2107)
# The timeline's "When" column is as wide as its longest date, so that no date wraps: a bold
# character of the table's 10.5 pt face is at most about 2.1 mm wide, and Word's cell margins
# take about 4 mm.
WHEN_CHAR_MM = 2.1
WHEN_PADDING_MM = 4
MIN_WHEN_MM = 24
# A reference.docx made before a style was added lacks it; the nearest older style stands in.
STYLE_FALLBACKS = {
    "Brief Legend": "Brief Empty",
    "Brief Fact": "Normal",
    "Brief Gloss": "Brief Note",
    "Brief New": "Brief Label",
    "Brief Handling": "Brief Label",
}


def render_docx(brief: Brief, templates: Path | None = None, paper: str = "a4") -> bytes:
    """Return the DOCX bytes; same brief and templates give the same bytes."""
    from docx.shared import Mm

    from briefing.docx_xml import Footnotes, add_hyperlink, text_run

    document = _open_reference(require_template(templates_dir(templates), REFERENCE_DOCX))
    body = document.element.body
    for child in list(body)[:-1]:  # keep the section properties, drop any sample content
        body.remove(child)
    section = document.sections[0]
    section.page_width, section.page_height = (Mm(v) for v in PAPER_MM[paper])
    footnotes = Footnotes(document)
    style = _style_picker(document)

    def run(paragraph, text: str, name: str = "") -> None:
        """Append a run of `text` in character style `name` (plain when "")."""
        style_id = document.styles[style(name)].style_id if name else ""
        paragraph._p.append(text_run(text, style_id))

    def cite(paragraph, citation: Citation) -> None:
        footnotes.add(paragraph, citation.number, [(r.text, r.url) for r in citation.references])

    def marks(paragraph, s: Statement) -> None:
        """The brief's own words beside a statement: glosses, its date, its notes."""
        for text, name in (
            (s.gloss, "Brief Gloss"),
            (s.dated, "Brief Note"),
            (s.note, "Brief Note"),
        ):
            if text:
                run(paragraph, " ")
                run(paragraph, text, name)

    def statement(s: Statement, style: str = "List Bullet", paragraph=None):
        paragraph = paragraph if paragraph is not None else document.add_paragraph(style=style)
        if s.new:
            run(paragraph, brief.labels.new, "Brief New")
            run(paragraph, " ")
        if s.speaker:
            run(paragraph, f"{s.speaker}: ", "Brief Label")
        paragraph.add_run(s.quoted)
        cite(paragraph, s.citation)
        marks(paragraph, s)
        for variant in s.variants:
            run(paragraph, " ")
            run(paragraph, brief.labels.other_account, "Brief Label")
            paragraph.add_run(f" {variant.quoted}")
            cite(paragraph, variant.citation)
            marks(paragraph, variant)
        return paragraph

    _running_heads(document, section, brief, run)

    masthead = document.add_paragraph(style="Brief Masthead")
    masthead.add_run(brief.kind)
    if brief.handling:
        masthead.add_run(" · ")
        run(masthead, brief.handling, "Brief Handling")
    document.add_paragraph(brief.title, style="Title")
    document.add_paragraph(brief.date_label, style="Subtitle")
    meta = f"{brief.period_label} · {brief.sources_label}" + (
        f" · {brief.author}" if brief.author else ""
    )
    document.add_paragraph(meta, style="Subtitle")
    document.add_paragraph(brief.labels.legend, style=style("Brief Legend"))

    if brief.new_since is not None:
        changes = brief.new_since
        document.add_heading(changes.title, level=1)
        document.add_paragraph(changes.intro, style=style("Brief Legend"))
        for item in changes.items:
            paragraph = document.add_paragraph(style="List Bullet")
            if item.statement.speaker:
                run(paragraph, f"{item.statement.speaker}: ", "Brief Label")
            paragraph.add_run(item.statement.quoted)
            marks(paragraph, item.statement)
            run(paragraph, " ")
            run(paragraph, item.where, "Brief Gloss")
        if changes.more:
            document.add_paragraph(changes.more, style=style("Brief Legend"))

    for sec in brief.sections:
        _section(document, sec, statement, brief.labels)
        if sec.key == "key_points":
            _assessment(document, brief.labels)

    if brief.sourcing:
        document.add_heading(brief.labels.sourcing, level=1)
        for fact in brief.sourcing:
            paragraph = document.add_paragraph(style=style("Brief Fact"))
            run(paragraph, fact.label, "Brief Label")
            paragraph.add_run("\t" + fact.text)

    document.add_heading(brief.labels.sources, level=1)
    for source in brief.sources:
        paragraph = document.add_paragraph(style="List Number")
        if source.url:
            add_hyperlink(paragraph, source.url, source.reference)
        else:
            paragraph.add_run(source.reference)
        paragraph.add_run(".")
        if source.digest:
            document.add_paragraph(" ".join(source.digest), style="Quote")

    _core_properties(document, brief)
    buffer = io.BytesIO()
    document.save(buffer)
    return _reproducible_zip(buffer.getvalue(), _naive(brief.created))


def _open_reference(path: Path):
    import docx

    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises zip, XML and package errors of many types
        raise TemplateError(
            f"{path}: not a Word document python-docx can open ({type(exc).__name__})"
        ) from None


def _style_picker(document):
    """Return a function giving the style to use for a style name: the name itself when the
    template has it, else its stand-in (`STYLE_FALLBACKS`)."""
    names = {s.name for s in document.styles}

    def pick(name: str) -> str:
        while name not in names and name in STYLE_FALLBACKS:
            name = STYLE_FALLBACKS[name]
        return name

    return pick


def _running_heads(document, section, brief: Brief, run) -> None:
    """Every page after the first is headed by the title, the handling mark and the date; the
    first page's header is empty (the masthead below says all that); every footer counts pages."""
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.style = document.styles["Header"]
    header.add_run(f"{brief.title}\t")
    if brief.handling:
        run(header, brief.handling, "Brief Handling")
    header.add_run(f"\t{brief.date_label}")
    section.first_page_header.is_linked_to_previous = False
    section.first_page_header.paragraphs[0].style = document.styles["Header"]
    for footer in (section.footer, section.first_page_footer):
        footer.is_linked_to_previous = False
        _page_numbers(document, footer.paragraphs[0], brief.labels)


def _page_numbers(document, paragraph, labels: Labels) -> None:
    from briefing.docx_xml import add_field

    paragraph.style = document.styles["Footer"]
    paragraph.add_run(f"{labels.page} ")
    add_field(paragraph, "PAGE", "1")
    paragraph.add_run(f" {labels.page_of} ")
    add_field(paragraph, "NUMPAGES", "1")


def _section(document, sec: Section, statement, labels: Labels) -> None:
    from briefing.docx_xml import no_wrap

    document.add_heading(sec.title, level=1)
    if sec.is_empty:
        document.add_paragraph(sec.empty_note, style="Brief Empty")
        return
    for group in sec.groups:
        document.add_heading(group.actor, level=2)
        for s in group.statements:
            statement(s)
    if sec.events:
        document.add_paragraph(labels.timeline, style="Caption")
        table = document.add_table(rows=1, cols=2, style=TABLE_STYLE)
        header = table.rows[0].cells
        header[0].text, header[1].text = labels.timeline_when, labels.timeline_what
        for event in sec.events:
            cells = table.add_row().cells
            cells[0].text = event.when_label
            no_wrap(cells[0])
            statement(event.statement, paragraph=cells[1].paragraphs[0])
        when = _when_width(labels.timeline_when, *(e.when_label for e in sec.events))
        _column_widths(table, (when, TIMELINE_WIDTH_MM - when))
    for s in sec.statements:
        statement(s)
    if sec.aid:
        columns = (labels.aid_donor, labels.aid_item, labels.aid_status, labels.aid_source)
        document.add_paragraph(labels.aid_table, style="Caption")
        table = document.add_table(rows=1, cols=len(columns), style=TABLE_STYLE)
        for cell, name in zip(table.rows[0].cells, columns, strict=True):
            cell.text = name
        for row in sec.aid:
            cells = table.add_row().cells
            if row.donor:
                cells[0].text = row.donor
            else:
                cells[0].paragraphs[0].add_run(labels.not_stated).style = document.styles[
                    "Brief Note"
                ]
            cells[1].text = row.item
            cells[2].text = row.status
            cells[3].text = labels.note(row.citation.number)
        _column_widths(table, AID_WIDTHS_MM)


def _when_width(*labels: str) -> float:
    """The width in mm of a column that holds these labels on one line each."""
    longest = max(len(label) for label in labels)
    return max(MIN_WHEN_MM, round(longest * WHEN_CHAR_MM + WHEN_PADDING_MM))


def _assessment(document, labels: Labels) -> None:
    """The analyst's section: a heading and a content control showing the prompt until replaced."""
    from briefing.docx_xml import content_control

    document.add_heading(labels.assessment_title, level=1)
    body = document.element.body
    body.sectPr.addprevious(content_control(labels.assessment_title, labels.assessment_prompt))


def _column_widths(table, widths_mm) -> None:
    from docx.shared import Mm

    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _core_properties(document, brief: Brief) -> None:
    moment = _naive(brief.created)
    properties = document.core_properties
    properties.title = _core_text(brief.title)
    properties.subject = _core_text(brief.subject)
    properties.keywords = _core_text(", ".join(brief.keywords))
    properties.author = _core_text(brief.author)
    properties.last_modified_by = _core_text(brief.author)
    properties.category = _core_text(brief.kind)
    properties.comments = _core_text(f"{brief.kind} of {brief.date_label}. {brief.period_label}.")
    properties.created = moment
    properties.modified = moment
    properties.last_printed = moment
    properties.revision = 1


def _core_text(text: str) -> str:
    """Return `text` cut to the core properties' limit, an ellipsis marking the cut."""
    if len(text) <= CORE_PROPERTY_LIMIT:
        return text
    return text[: CORE_PROPERTY_LIMIT - 1].rstrip() + "…"


def _naive(moment: datetime) -> datetime:
    """The moment in UTC without a zone, as the DOCX core properties and the ZIP entries take it."""
    return moment.astimezone(UTC).replace(tzinfo=None)


def _reproducible_zip(data: bytes, moment: datetime) -> bytes:
    """Rewrite the package with fixed member timestamps, so equal briefs give equal bytes."""
    if moment.year > ZIP_YEARS[1]:
        raise BriefingError(
            f"a DOCX cannot carry dates after {ZIP_YEARS[1]} (its ZIP format ends there); "
            "choose another --date or SOURCE_DATE_EPOCH, or --format pdf"
        )
    stamp = (
        max(moment.year, ZIP_YEARS[0]),
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
    )
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return out.getvalue()
