"""The raw OOXML python-docx has no API for: Word footnotes, fields and hyperlinks.

Kept at the XML layer, in one place, so that `render_docx` speaks only of styles and paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

FOOTNOTES_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
)
FOOTNOTE_TEXT = "FootnoteText"
FOOTNOTE_REFERENCE = "FootnoteReference"

# Word requires the separator (-1) and continuation separator (0) footnotes before any real one.
_FOOTNOTES_XML = f"""<w:footnotes {nsdecls("w", "r")}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
</w:footnotes>"""


class Footnotes:
    """The footnotes part of one document: add a footnote and its reference in one call."""

    def __init__(self, document) -> None:
        self.document_part = document.part
        self.part = XmlPart(
            PackURI("/word/footnotes.xml"),
            FOOTNOTES_CONTENT_TYPE,
            parse_xml(_FOOTNOTES_XML),
            self.document_part.package,
        )
        self.document_part.relate_to(self.part, RT.FOOTNOTES)
        settings = document.settings.element
        if settings.find(qn("w:footnotePr")) is None:
            footnote_pr = parse_xml(
                f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
            )
            anchor = settings.find(qn("w:compat"))
            if anchor is not None:
                anchor.addprevious(footnote_pr)
            else:
                settings.append(footnote_pr)

    def add(self, paragraph, number: int, references: Sequence[tuple[str, str]]) -> None:
        """Append footnote `number` to the end of `paragraph`, citing `(text, url)` references."""
        footnote = parse_xml(
            f'<w:footnote {nsdecls("w")} w:id="{number}"><w:p><w:pPr><w:pStyle w:val="{FOOTNOTE_TEXT}"/>'
            f'</w:pPr><w:r><w:rPr><w:rStyle w:val="{FOOTNOTE_REFERENCE}"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> </w:t></w:r></w:p></w:footnote>'
        )
        body = footnote.find(qn("w:p"))
        for k, (text, url) in enumerate(references):
            if url:
                body.append(hyperlink(self.part, url, text))
            else:
                body.append(text_run(text))
            body.append(text_run("; " if k < len(references) - 1 else "."))
        self.part.element.append(footnote)
        paragraph._p.append(
            parse_xml(
                f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="{FOOTNOTE_REFERENCE}"/></w:rPr>'
                f'<w:footnoteReference w:id="{number}"/></w:r>'
            )
        )


def text_run(text: str, style: str = ""):
    """Return a `w:r` holding `text` (spaces kept), in character style `style` if given."""
    run = parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"/></w:r>')
    if style:
        run.insert(0, parse_xml(f'<w:rPr {nsdecls("w")}><w:rStyle w:val="{style}"/></w:rPr>'))
    run.find(qn("w:t")).text = text
    return run


def hyperlink(part, url: str, text: str):
    """Return a `w:hyperlink` to external `url`, related from `part`, showing `text`."""
    r_id = part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}" w:history="1"/>')
    link.append(text_run(text, "Hyperlink"))
    return link


def add_hyperlink(paragraph, url: str, text: str) -> None:
    paragraph._p.append(hyperlink(paragraph.part, url, text))


def add_field(paragraph, instruction: str, placeholder: str) -> None:
    """Append a field (e.g. `PAGE`, `NUMPAGES`) that Word and LibreOffice compute on display."""
    for xml in (
        '<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r {ns}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r {ns}><w:t>{placeholder}</w:t></w:r>",
        '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(
            parse_xml(xml.format(ns=nsdecls("w"), instruction=instruction, placeholder=placeholder))
        )


def no_wrap(cell) -> None:
    """Keep a table cell's text on one line (`w:noWrap`): a date never breaks across lines."""
    properties = cell._tc.get_or_add_tcPr()
    if properties.find(qn("w:noWrap")) is None:
        properties.append(parse_xml(f"<w:noWrap {nsdecls('w')}/>"))


def content_control(alias: str, placeholder: str, style: str = "Normal"):
    """Return a block content control (`w:sdt`) showing `placeholder` in Word's Placeholder Text.

    Word selects the whole placeholder on a click and replaces it with what is typed, which then
    takes paragraph style `style`; LibreOffice shows it as ordinary editable text.
    """
    control = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val=""/><w:tag w:val=""/><w:showingPlcHdr/>'
        f'</w:sdtPr><w:sdtContent><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr></w:p>'
        "</w:sdtContent></w:sdt>"
    )
    properties = control.find(qn("w:sdtPr"))
    properties.find(qn("w:alias")).set(qn("w:val"), alias)
    properties.find(qn("w:tag")).set(qn("w:val"), alias)
    control.find(qn("w:sdtContent")).find(qn("w:p")).append(text_run(placeholder, PLACEHOLDER_TEXT))
    return control


PLACEHOLDER_TEXT = "PlaceholderText"  # Word's style id for a content control's placeholder


def block_paragraphs(body) -> list:
    """Return the body's `w:p` elements in reading order, those inside content controls included
    (python-docx's `Document.paragraphs` skips them); tables are left out."""
    found = []
    for child in body:
        if child.tag == qn("w:p"):
            found.append(child)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                found.extend(block_paragraphs(content))
    return found


def unwrap_content_controls(element) -> None:
    """Replace every content control under `element` by its content, keeping what it holds."""
    for control in list(element.iter(qn("w:sdt"))):
        parent = control.getparent()
        if parent is None:
            continue
        content = control.find(qn("w:sdtContent"))
        for child in list(content) if content is not None else []:
            control.addprevious(child)
        parent.remove(control)


def footnote_reference_ids(element) -> list[int]:
    """Return the ids of the footnotes referenced under `element`, in reading order."""
    return [int(ref.get(qn("w:id"))) for ref in element.iter(qn("w:footnoteReference"))]


def footnote_texts(document) -> dict[int, str]:
    """Return each real footnote's text by id (separators left out); {} when there are none."""
    part = next(
        (rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FOOTNOTES),
        None,
    )
    if part is None:
        return {}
    root = part.element if hasattr(part, "element") else parse_xml(part.blob)
    notes = {}
    for note in root.iter(qn("w:footnote")):
        if note.get(qn("w:type")) in ("separator", "continuationSeparator"):
            continue
        text = "".join(t.text or "" for t in note.iter(qn("w:t")))
        notes[int(note.get(qn("w:id")))] = " ".join(text.split())
    return notes
