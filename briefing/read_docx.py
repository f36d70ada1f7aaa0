"""Read an edited Word draft as its reader now sees it, and make the copy that is printed and sent.

Reading gives the title, date, key points with their footnotes and the analyst's assessment (the
email body shows them); the printable copy leaves out the Assessment prompt the analyst did not
replace. The analyst may have renamed, moved or deleted parts of the draft: reading does the best
sensible thing and fails only when the file is not a briefing draft at all (no Title paragraph).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import DraftError
from briefing.vocabulary import shipped

# The styles render_docx writes, by the names python-docx and Word show.
TITLE_STYLE = "Title"
SUBTITLE_STYLE = "Subtitle"
MASTHEAD_STYLE = "Brief Masthead"
SECTION_STYLE = "Heading 1"
EMPTY_STYLE = "Brief Empty"
LABEL_STYLE = "Brief Note"  # template text beside a statement, e.g. "Reported by 3 sources"
# All the character styles of template text beside a statement: notes, glosses, the "New" mark.
GLOSS = "Brief Gloss"
LABEL_STYLES = frozenset({LABEL_STYLE, GLOSS, "Brief New"})
LEGEND_STYLE = "Brief Legend"  # the masthead's line on the two typefaces; "New since" notes
HANDLING_STYLE = "Brief Handling"  # the handling mark in the masthead and the running header
# The headings and prompt the renderer writes, from the shipped labels (briefing/data/labels.toml).
KEY_POINTS_TITLE = shipped().table("section_titles")["key_points"]
ASSESSMENT_TITLE = shipped().table("labels")["assessment_title"]
ASSESSMENT_PROMPT = shipped().table("labels")["assessment_prompt"]
NO_KEY_POINTS = shipped().table("labels")["no_key_points"]
CLOSING = shipped().table("labels")["attached"]
MARKED_SUBJECT = shipped().table("labels")["marked_subject"]


@dataclass(frozen=True)
class Passage:
    """A paragraph as the reader sees it, with the numbers of its footnotes as printed."""

    text: str
    notes: tuple[int, ...] = ()
    label: str = ""  # template text beside it, e.g. "Reported by 3 sources"


@dataclass(frozen=True)
class DraftSummary:
    """What an email shows of a brief: masthead, key points, assessment, and their footnotes."""

    title: str
    date_label: str = ""
    masthead: str = ""  # e.g. "Policy brief · For internal use"
    handling: str = ""  # the handling mark, e.g. "For internal use"; the subject carries it
    meta: str = ""  # the period the sources cover, how many there are
    key_points_title: str = KEY_POINTS_TITLE
    key_points: tuple[Passage, ...] = ()
    empty_note: str = ""  # the template line shown instead of key points when there are none
    assessment_title: str = ASSESSMENT_TITLE
    assessment: tuple[Passage, ...] = ()
    footnotes: tuple[tuple[int, str], ...] = ()  # (number, text) of every note cited above
    closing: str = CLOSING  # the line that says what is attached

    @property
    def subject(self) -> str:
        subject = f"{self.title} – {self.date_label}" if self.date_label else self.title
        return self.marked(subject)

    def marked(self, subject: str) -> str:
        """Return `subject` carrying the handling mark, when there is one: "[For internal use] …"."""
        if not self.handling or self.handling.casefold() in subject.casefold():
            return subject
        return MARKED_SUBJECT.format(handling=self.handling, subject=subject)


@dataclass(frozen=True)
class _Span:
    """A part of the draft: its title, its heading's index (None when it has none) and the
    range of its paragraphs."""

    title: str
    heading: int | None
    start: int
    end: int

    def __contains__(self, k: int) -> bool:
        return self.start <= k < self.end


@dataclass(frozen=True)
class _Paragraph:
    element: object  # the w:p element
    style: str
    text: str

    @property
    def is_section(self) -> bool:
        return self.style.casefold() == SECTION_STYLE.casefold()


def read_draft(path: Path) -> DraftSummary:
    """Return the draft's title, date, key points, assessment and their footnotes as it now reads."""
    from briefing.docx_xml import footnote_reference_ids, footnote_texts

    document = _open(path)
    names = _style_names(document)
    paragraphs = _paragraphs(document, names)
    title_at = _title_index(paragraphs, path)
    key_span = _key_points_span(paragraphs, title_at)
    assessment_span = _assessment_span(paragraphs, title_at, key_span)
    numbers = _printed_numbers(document)

    def passage(paragraph: _Paragraph) -> Passage:
        text, label = _text_and_label(paragraph.element, names)
        ids = footnote_reference_ids(paragraph.element)
        return Passage(text, tuple(numbers[i] for i in ids), label)

    key_points, empty_note, assessment = [], "", []
    for k in range(key_span.start, key_span.end):
        paragraph = paragraphs[k]
        if not _written(paragraph) or paragraph.is_section or k in assessment_span:
            continue
        if paragraph.style == EMPTY_STYLE:
            empty_note = paragraph.text
        else:
            key_points.append(passage(paragraph))
    for paragraph in paragraphs[assessment_span.start : assessment_span.end]:
        if _written(paragraph):
            assessment.append(passage(paragraph))
    texts = footnote_texts(document)
    by_id = {number: note_id for note_id, number in numbers.items()}
    cited = sorted({n for p in (*key_points, *assessment) for n in p.notes})
    masthead = [p.text for p in paragraphs[:title_at] if p.style == MASTHEAD_STYLE and p.text]
    subtitles = _subtitles(paragraphs, title_at)
    return DraftSummary(
        title=paragraphs[title_at].text or document.core_properties.title or path.stem,
        date_label=subtitles[0] if subtitles else "",
        masthead=masthead[0] if masthead else "",
        handling=_handling(document, paragraphs[:title_at], names),
        meta=" · ".join(subtitles[1:]),
        key_points_title=key_span.title,
        key_points=tuple(key_points),
        empty_note=(empty_note or NO_KEY_POINTS) if not key_points else "",
        assessment_title=assessment_span.title,
        assessment=tuple(assessment),
        footnotes=tuple((n, texts.get(by_id[n], "")) for n in cited),
    )


def _printed_numbers(document) -> dict[int, int]:
    """Footnote id -> the number printed for it: Word and LibreOffice number in reading order,
    whatever the ids, so a deleted or added footnote renumbers the ones after it."""
    from briefing.docx_xml import footnote_reference_ids

    numbers: dict[int, int] = {}
    for note_id in footnote_reference_ids(document.element.body):
        numbers.setdefault(note_id, len(numbers) + 1)
    return numbers


def printable_draft(path: Path) -> bytes:
    """Return the draft as it is printed and sent: the untouched Assessment prompt left out (and
    its heading, when nothing was written under it), content controls turned into plain text."""
    from docx.oxml.ns import qn

    from briefing.docx_xml import PLACEHOLDER_TEXT, unwrap_content_controls

    document = _open(path)
    names = _style_names(document)
    paragraphs = _paragraphs(document, names)
    title_at = _title_index(paragraphs, path)
    assessment = _assessment_span(paragraphs, title_at, _key_points_span(paragraphs, title_at))
    for paragraph in paragraphs:
        if _is_prompt(paragraph):
            _remove(paragraph.element)
    body = document.element.body
    unwrap_content_controls(body)
    # What is left in the placeholder style was typed into the prompt: it is the analyst's text.
    for style in list(body.iter(qn("w:rStyle"))):
        if style.get(qn("w:val")) == PLACEHOLDER_TEXT:
            style.getparent().remove(style)
    if assessment.heading is not None:
        _drop_if_unwritten(paragraphs[assessment.heading].element, names)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _open(path: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    if not path.is_file():
        problem = "is a folder, not a .docx file" if path.is_dir() else "no such file"
        raise DraftError(f"{path}: {problem}")
    try:
        return docx.Document(str(path))
    except OSError as exc:
        raise DraftError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, LxmlError):
        raise DraftError(
            f"{path}: not a Word document (.docx); save the draft in Word format"
        ) from None


def _style_names(document) -> dict[str, str]:
    """Style id -> style name; the key "" holds the default paragraph style's name."""
    from docx.enum.style import WD_STYLE_TYPE

    names = {s.style_id: s.name for s in document.styles if s.style_id and s.name}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    names[""] = default.name if default is not None else "Normal"
    return names


def _paragraphs(document, names: dict[str, str]) -> list[_Paragraph]:
    from briefing.docx_xml import block_paragraphs

    return [
        _Paragraph(p, _style_of(p, names), _plain(p))
        for p in block_paragraphs(document.element.body)
    ]


def _style_of(p, names: dict[str, str]) -> str:
    style_id = p.style or ""
    return names.get(style_id, style_id or names[""])


def _plain(element) -> str:
    """The element's text as it reads: deleted tracked changes (w:delText) are not w:t."""
    from docx.oxml.ns import qn

    return " ".join("".join(t.text or "" for t in element.iter(qn("w:t"))).split())


def _text_and_label(p, names: dict[str, str]) -> tuple[str, str]:
    """The paragraph's text and, apart, the template label runs (LABEL_STYLES) beside it, joined
    with " · " as the email prints a brief's labels."""
    from docx.oxml.ns import qn

    text, label = [], []
    for run in p.iter(qn("w:r")):
        words = "".join(t.text or "" for t in run.iter(qn("w:t")))
        style = names.get(run.style or "", "")
        if style in LABEL_STYLES:
            # A gloss's brackets set it apart in the draft; the email's parentheses do that.
            words = words.strip().removeprefix("[").removesuffix("]") if style == GLOSS else words
            label.append(" ".join(words.split()))
        else:
            text.append(words)
    return " ".join("".join(text).split()), " · ".join(part for part in label if part)


def _handling(document, masthead: list[_Paragraph], names: dict[str, str]) -> str:
    """The handling mark: the masthead's run in HANDLING_STYLE, else the running header's."""
    from docx.oxml.ns import qn

    places = [p.element for p in masthead]
    for section in document.sections:
        places.extend(p._p for p in section.header.paragraphs)
    for element in places:
        for run in element.iter(qn("w:r")):
            if names.get(run.style or "", "") == HANDLING_STYLE:
                words = " ".join("".join(t.text or "" for t in run.iter(qn("w:t"))).split())
                if words:
                    return words
    return ""


def _title_index(paragraphs: list[_Paragraph], path: Path) -> int:
    for k, paragraph in enumerate(paragraphs):
        if paragraph.style == TITLE_STYLE:
            return k
    raise DraftError(
        f"{path}: not a briefing draft (no paragraph in the Title style); "
        "give the .docx that `briefing generate` wrote"
    )


def _subtitles(paragraphs: list[_Paragraph], title_at: int) -> list[str]:
    """The masthead lines under the title: the date, then the period and sources."""
    found = []
    for paragraph in paragraphs[title_at + 1 :]:
        if paragraph.is_section:
            break
        if paragraph.style == SUBTITLE_STYLE and paragraph.text:
            found.append(paragraph.text)
    return found


def _section_end(paragraphs: list[_Paragraph], heading_at: int) -> int:
    for k in range(heading_at + 1, len(paragraphs)):
        if paragraphs[k].is_section:
            return k
    return len(paragraphs)


def _is_prompt(paragraph: _Paragraph) -> bool:
    """An Assessment prompt the analyst left as it was."""
    return paragraph.text == " ".join(ASSESSMENT_PROMPT.split())


def _written(paragraph: _Paragraph) -> bool:
    return bool(paragraph.text) and not _is_prompt(paragraph)


def _section(paragraphs: list[_Paragraph], heading: int, title: str = "") -> _Span:
    end = _section_end(paragraphs, heading)
    return _Span(title or paragraphs[heading].text, heading, heading + 1, end)


def _key_points_span(paragraphs: list[_Paragraph], title_at: int) -> _Span:
    """The key points: under a heading named as they are; else, when their heading was deleted,
    the paragraphs above the first heading; else the first section, renamed."""
    headings = [k for k in range(title_at + 1, len(paragraphs)) if paragraphs[k].is_section]
    for k in headings:
        if _titled(paragraphs[k], KEY_POINTS_TITLE):
            return _section(paragraphs, k)
    first = headings[0] if headings else len(paragraphs)
    loose = [
        k
        for k in range(title_at + 1, first)
        if _written(paragraphs[k])
        and paragraphs[k].style not in (SUBTITLE_STYLE, MASTHEAD_STYLE, LEGEND_STYLE)
        and not _in_assessment_control(paragraphs[k].element)
    ]
    if loose:
        return _Span(KEY_POINTS_TITLE, None, loose[0], first)
    if headings and not _is_assessment_section(paragraphs, first):
        return _section(paragraphs, first)
    return _Span(KEY_POINTS_TITLE, None, first, first)


def _assessment_span(paragraphs: list[_Paragraph], title_at: int, key_points: _Span) -> _Span:
    """The analyst's assessment: under its heading; else in the section holding its prompt or
    control; else, when its heading was deleted, the control's own paragraphs."""
    for k in range(title_at + 1, len(paragraphs)):
        if paragraphs[k].is_section and _titled(paragraphs[k], ASSESSMENT_TITLE):
            return _section(paragraphs, k)
    marked = [
        k for k, p in enumerate(paragraphs) if _is_prompt(p) or _in_assessment_control(p.element)
    ]
    if not marked:
        return _Span(ASSESSMENT_TITLE, None, 0, 0)
    headings = [h for h in range(title_at + 1, marked[0]) if paragraphs[h].is_section]
    if headings and headings[-1] != key_points.heading:
        return _section(paragraphs, headings[-1])
    return _Span(ASSESSMENT_TITLE, None, marked[0], marked[-1] + 1)


def _is_assessment_section(paragraphs: list[_Paragraph], heading: int) -> bool:
    if _titled(paragraphs[heading], ASSESSMENT_TITLE):
        return True
    return any(
        _is_prompt(p) or _in_assessment_control(p.element)
        for p in paragraphs[heading + 1 : _section_end(paragraphs, heading)]
    )


def _titled(paragraph: _Paragraph, title: str) -> bool:
    return paragraph.text.casefold() == title.casefold()


def _in_assessment_control(p) -> bool:
    from docx.oxml.ns import qn

    for control in p.iterancestors(qn("w:sdt")):
        alias = control.find(f"{qn('w:sdtPr')}/{qn('w:alias')}")
        if alias is not None and alias.get(qn("w:val")) == ASSESSMENT_TITLE:
            return True
    return False


def _drop_if_unwritten(heading, names: dict[str, str]) -> None:
    """Remove the heading, and the empty paragraphs under it, when nothing is written there."""
    from docx.oxml.ns import qn

    under = []
    for sibling in heading.itersiblings():
        if sibling.tag == qn("w:p"):
            if _style_of(sibling, names).casefold() == SECTION_STYLE.casefold():
                break
            if _plain(sibling) or _holds_more_than_text(sibling):
                return
            under.append(sibling)
        elif sibling.tag != qn("w:sectPr"):
            return  # a table, or anything else the analyst put there
    for element in (heading, *under):
        _remove(element)


def _holds_more_than_text(p) -> bool:
    """A paragraph that carries a section break, a picture or a footnote is kept, text or not."""
    from docx.oxml.ns import qn

    return any(
        next(p.iter(qn(tag)), None) is not None
        for tag in ("w:sectPr", "w:drawing", "w:pict", "w:footnoteReference", "w:object")
    )


def _remove(element) -> None:
    if not _holds_more_than_text(element):
        element.getparent().remove(element)
