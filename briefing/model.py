"""The document model: one finished `Brief` that every renderer reads and none changes.

Plain frozen dataclasses and plain-text strings, no I/O and no rendering decisions: the wording of
template text (labels, empty notes, footnote references) is settled here once, so that the PDF and
the DOCX say the same words with the same footnote numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Source:
    """One article the brief draws on (several outlets when the same story ran more than once)."""

    id: str
    path: str
    title: str
    outlet: str = ""
    author: str = ""
    published: date | None = None
    url: str = ""
    language: str = "en"
    also_published_by: tuple[str, ...] = ()
    words: int = 0
    digest: tuple[str, ...] = ()
    reference: str = ""


@dataclass(frozen=True)
class Reference:
    """One source as a footnote cites it: full form at its first citation, short form after."""

    source_id: str
    text: str
    url: str = ""


@dataclass(frozen=True)
class Citation:
    """A footnote: its number, assigned once in reading order, and the sources it cites."""

    number: int
    references: tuple[Reference, ...]

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(ref.source_id for ref in self.references)

    @property
    def text(self) -> str:
        return "; ".join(ref.text for ref in self.references) + "."


@dataclass(frozen=True)
class Statement:
    """A verbatim sentence from a source, with the footnote that cites it."""

    text: str
    citation: Citation
    source_id: str
    sentence_index: int
    speaker: str = ""
    note: str = ""  # template text shown beside the quote, e.g. "Reported by 3 sources"
    context: str = ""  # the sentence before `text` that it leans on, quoted with it
    variants: tuple[Statement, ...] = ()  # other sources' accounts of it, giving other numbers

    @property
    def quoted(self) -> str:
        """The verbatim text a reader sees: the context sentence, if any, then the statement."""
        return f"{self.context} {self.text}" if self.context else self.text


@dataclass(frozen=True)
class ActorPositions:
    """An actor and its most telling statements."""

    actor: str
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class AidItem:
    """One row of the aid table; every cell is a span of `sentence`, a statement of the same
    section, whose footnote `citation` is."""

    donor: str
    item: str
    status: str
    citation: Citation
    sentence: str = ""  # the cited sentence every cell is a span of


@dataclass(frozen=True)
class Event:
    """A dated entry of the outlook timeline."""

    when: date
    when_label: str
    statement: Statement


@dataclass(frozen=True)
class Section:
    """One section of the brief; `empty_note` is its single template line when it has no material."""

    key: str
    title: str
    statements: tuple[Statement, ...] = ()
    groups: tuple[ActorPositions, ...] = ()
    aid: tuple[AidItem, ...] = ()
    events: tuple[Event, ...] = ()
    empty_note: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.statements or self.groups or self.aid or self.events)

    def all_statements(self) -> tuple[Statement, ...]:
        """Return every statement of the section in reading order: groups, timeline, list."""
        grouped = tuple(s for group in self.groups for s in group.statements)
        timeline = tuple(event.statement for event in self.events)
        return tuple(
            shown for s in grouped + timeline + self.statements for shown in (s, *s.variants)
        )


@dataclass(frozen=True)
class Labels:
    """The brief's own words that every renderer prints, settled once (`briefing/data/labels.toml`)."""

    kind: str  # what the masthead calls the document: "Policy brief"
    legend: str  # explains the two typefaces
    reported_by: str  # "Reported by {count} sources"
    differ: str  # the note on a statement whose sources give different numbers
    other_account: str  # introduces another source's account of the same thing
    others: str  # the catch-all group of positions
    timeline: str
    timeline_when: str
    timeline_what: str
    aid_table: str
    aid_donor: str
    aid_item: str
    aid_status: str
    aid_source: str
    not_stated: str  # an aid table cell the statement leaves empty
    note_reference: str  # "note {number}": an aid row points to its statement's footnote
    sources: str
    digest: str
    page: str  # "Page" N "of" M
    page_of: str
    attached: str  # the email's closing line
    no_key_points: str  # what an email says of a draft whose key points were all deleted
    assessment_title: str  # the Word draft's section for the analyst's judgement
    assessment_prompt: str  # its placeholder, left out until the analyst replaces it

    def reported(self, count: int) -> str:
        return self.reported_by.format(count=count)

    def note(self, number: int) -> str:
        return self.note_reference.format(number=number)


@dataclass(frozen=True)
class Brief:
    """A dated policy brief, complete before the first byte of output is written."""

    title: str
    slug: str
    date: date
    date_label: str
    period_label: str
    sources_label: str
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    citations: tuple[Citation, ...]
    labels: Labels
    created: datetime  # the documents' creation time (UTC): decided once, printed by every renderer
    handling: str = ""
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = field(default=())

    @property
    def kind(self) -> str:
        return self.labels.kind

    def statements(self) -> tuple[Statement, ...]:
        """Return every statement of the body, in reading order."""
        return tuple(s for section in self.sections for s in section.all_statements())

    def section(self, key: str) -> Section:
        """Return the section with this key."""
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)
