"""Write templates/reference.docx: the Word styles every DOCX brief is built on.

    python tools/make_reference_docx.py

Run it only to change the house style in code; an organization restyles its briefs by editing a
copy of reference.docx in Word instead. The output is committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING
from docx.shared import Mm, Pt, RGBColor

ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
MUTED = RGBColor(0x5B, 0x64, 0x70)
HANDLING = RGBColor(0xAA, 0x33, 0x33)  # the handling mark stands out, as a stamp would
TEXT_WIDTH_MM = 170  # A4 less the 20 mm side margins: the header's right tab stop
FACT_LABEL_MM = 36  # the sourcing note's label column: its longest label, "Anonymous sources"
BODY_FONT = "Georgia"
LABEL_FONT = "Arial"


def font(
    style, name: str, size: float, *, bold: bool = False, italic: bool = False, color=None
) -> None:
    style.font.name = name
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    if color is not None:
        style.font.color.rgb = color
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(_qn(attribute), name)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def spacing(style, before: float = 0, after: float = 4, line: float = 1.15) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = line


def build(path: Path) -> None:
    document = Document()
    body = document.element.body
    for child in list(body):
        if child.tag != _qn("w:sectPr"):
            body.remove(child)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(24)
    section.left_margin = section.right_margin = Mm(20)
    section.header_distance = section.footer_distance = Mm(10)

    styles = document.styles
    font(styles["Normal"], BODY_FONT, 10.5)
    spacing(styles["Normal"])
    font(styles["Title"], LABEL_FONT, 22, bold=True, color=ACCENT)
    spacing(styles["Title"], after=4, line=1.0)
    _no_border(styles["Title"])
    font(styles["Subtitle"], LABEL_FONT, 10, color=MUTED)
    spacing(styles["Subtitle"], after=2, line=1.0)
    font(styles["Heading 1"], LABEL_FONT, 13, bold=True, color=ACCENT)
    spacing(styles["Heading 1"], before=14, after=4, line=1.0)
    font(styles["Heading 2"], LABEL_FONT, 10.5, bold=True, color=styles["Normal"].font.color.rgb)
    spacing(styles["Heading 2"], before=8, after=2, line=1.0)
    font(styles["List Bullet"], BODY_FONT, 10.5)
    spacing(styles["List Bullet"], after=4)
    font(styles["Quote"], BODY_FONT, 9.5, italic=True, color=RGBColor(0x33, 0x33, 0x33))
    spacing(styles["Quote"], after=6)
    font(styles["Caption"], LABEL_FONT, 8, bold=True, color=MUTED)
    spacing(styles["Caption"], before=6, after=2, line=1.0)
    font(styles["Header"], LABEL_FONT, 8, color=MUTED)
    _header_tabs(styles["Header"], TEXT_WIDTH_MM)
    font(styles["Footer"], LABEL_FONT, 8, color=MUTED)

    footnote_text = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
    footnote_text.base_style = styles["Normal"]
    footnote_text.quick_style = True
    font(footnote_text, LABEL_FONT, 8)
    spacing(footnote_text, after=1, line=1.0)
    footnote_reference = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    footnote_reference.font.superscript = True
    footnote_reference.font.color.rgb = ACCENT
    hyperlink = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    hyperlink.font.color.rgb = ACCENT
    hyperlink.font.underline = True
    label = styles.add_style("Brief Label", WD_STYLE_TYPE.CHARACTER)
    label.quick_style = True
    font(label, LABEL_FONT, 8, bold=True, color=MUTED)
    note = styles.add_style("Brief Note", WD_STYLE_TYPE.CHARACTER)
    note.quick_style = True
    font(note, LABEL_FONT, 7.5, color=MUTED)
    note.font.all_caps = True
    masthead = styles.add_style("Brief Masthead", WD_STYLE_TYPE.PARAGRAPH)
    masthead.base_style = styles["Subtitle"]
    masthead.quick_style = True
    font(masthead, LABEL_FONT, 8, bold=True, color=MUTED)
    masthead.font.all_caps = True
    empty = styles.add_style("Brief Empty", WD_STYLE_TYPE.PARAGRAPH)
    empty.base_style = styles["Normal"]
    empty.quick_style = True
    font(empty, LABEL_FONT, 9, italic=True, color=MUTED)
    legend = styles.add_style("Brief Legend", WD_STYLE_TYPE.PARAGRAPH)
    legend.base_style = styles["Normal"]
    legend.quick_style = True
    font(legend, LABEL_FONT, 7.5, color=MUTED)
    spacing(legend, before=2, after=4, line=1.0)
    fact = styles.add_style("Brief Fact", WD_STYLE_TYPE.PARAGRAPH)
    fact.base_style = styles["Normal"]
    fact.quick_style = True
    font(fact, LABEL_FONT, 9)
    spacing(fact, after=1, line=1.0)
    # A label, a tab, then its text: the sourcing note reads as two columns.
    fact.paragraph_format.left_indent = Mm(FACT_LABEL_MM)
    fact.paragraph_format.first_line_indent = -Mm(FACT_LABEL_MM)
    fact.paragraph_format.tab_stops.add_tab_stop(Mm(FACT_LABEL_MM))
    gloss = styles.add_style("Brief Gloss", WD_STYLE_TYPE.CHARACTER)
    gloss.quick_style = True
    font(gloss, LABEL_FONT, 7.5, color=MUTED)
    new = styles.add_style("Brief New", WD_STYLE_TYPE.CHARACTER)
    new.quick_style = True
    font(new, LABEL_FONT, 7, bold=True, color=ACCENT)
    new.font.all_caps = True
    handling = styles.add_style("Brief Handling", WD_STYLE_TYPE.CHARACTER)
    handling.quick_style = True
    font(handling, LABEL_FONT, 8, bold=True, color=HANDLING)
    handling.font.all_caps = True
    # Word's own name for the text a content control shows until it is filled in: Word and
    # LibreOffice show the Assessment prompt in it, so the prompt reads as template text.
    placeholder = styles.add_style("Placeholder Text", WD_STYLE_TYPE.CHARACTER)
    placeholder.quick_style = True
    font(placeholder, LABEL_FONT, 9.5, italic=True, color=MUTED)

    # python-docx's template carries a thumbnail of its own sample page; a brief must not show it.
    package_rels = document.part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package_rels[r_id]
    properties = document.core_properties
    properties.title = "Policy brief"
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = "Styles for briefing's DOCX briefs"
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)


def _header_tabs(style, width_mm: float) -> None:
    """The running header's tab stops: centre and right edge of the text, for "title, handling
    mark, date" (Word's default stops are those of US Letter with one-inch margins)."""
    from docx.enum.text import WD_TAB_ALIGNMENT

    ppr = style.element.get_or_add_pPr()
    for child in list(ppr):
        if child.tag == _qn("w:tabs"):
            ppr.remove(child)
    stops = style.paragraph_format.tab_stops
    stops.add_tab_stop(Mm(width_mm / 2), WD_TAB_ALIGNMENT.CENTER)
    stops.add_tab_stop(Mm(width_mm), WD_TAB_ALIGNMENT.RIGHT)


def _no_border(style) -> None:
    ppr = style.element.get_or_add_pPr()
    for child in list(ppr):
        if child.tag == _qn("w:pBdr"):
            ppr.remove(child)


if __name__ == "__main__":
    target = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).parents[1] / "templates" / "reference.docx"
    )
    build(target)
    print(target)
