"""The document model: one finished `Brief` that every renderer reads and none changes.

Plain frozen dataclasses and plain-text strings, no I/O and no rendering decisions: the wording of
template text (labels, empty notes, footnote references) is settled here once, so that the PDF and
the DOCX say the same words with the same footnote numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    # What a reader needs to weigh it, decided once (see `citations`, `dates`, `history`):
    published: date | None = None  # when its own source was published
    reported_by: int = 1  # how many sources report it (the footnote cites the first few)
    sources: tuple[str, ...] = ()  # the ids of every source that reports it
    attributed_to: str = ""  # who the source says said it, shown or not ("a senior official")
    anonymous: bool = False  # attributed to an unnamed person: a role, not a name
    dated: str = ""  # template text beside a statement from an older article: "Published 17 ..."
    glosses: tuple[str, ...] = ()  # its relative days resolved: "Tuesday: 3 December 2024"
    gloss: str = ""  # the glosses as printed beside it: "[Tuesday: 3 December 2024]"
    new: bool = False  # neither the earlier brief nor the sources it read held it

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

    def main_statements(self) -> tuple[Statement, ...]:
        """Return the section's statements in reading order (groups, timeline, list), without the
        other sources' accounts printed with them."""
        grouped = tuple(s for group in self.groups for s in group.statements)
        return grouped + tuple(event.statement for event in self.events) + self.statements

    def all_statements(self) -> tuple[Statement, ...]:
        """Return every statement of the section in reading order: groups, timeline, list."""
        grouped = tuple(s for group in self.groups for s in group.statements)
        timeline = tuple(event.statement for event in self.events)
        return tuple(
            shown for s in grouped + timeline + self.statements for shown in (s, *s.variants)
        )


@dataclass(frozen=True)
class Fact:
    """One line of the sourcing note: a label and what the brief's data say under it."""

    label: str
    text: str


@dataclass(frozen=True)
class Pointer:
    """A statement printed elsewhere in the brief, and where: "Positions, note 8"."""

    statement: Statement
    where: str


@dataclass(frozen=True)
class NewSince:
    """What the brief holds that the earlier brief of the same story did not."""

    since: date  # the earlier brief's date
    title: str  # "New since 2 December 2024"
    intro: str  # one line saying what the section holds
    items: tuple[Pointer, ...] = ()  # newest first
    more: str = ""  # the line saying how many more are marked in the sections, if any


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
    marked_subject: str  # "[{handling}] {subject}": an email's subject with the handling mark
    no_key_points: str  # what an email says of a draft whose key points were all deleted
    assessment_title: str  # the Word draft's section for the analyst's judgement
    assessment_prompt: str  # its placeholder, left out until the analyst replaces it
    # References (`citations`): what a footnote says of a source that names no outlet or title.
    opening: str  # "article beginning “{words}”": a source cited by its first words
    undated: str  # a source with no date
    also_run_by: str  # "also run by {outlets}": copies of the same story
    also_run_elsewhere: str  # copies of the same story that name no outlet
    # Dates (`dates`): the brief's own words beside a statement.
    dated: str  # "Published {date}": beside a statement from an article older than the window
    gloss: str  # "{phrase}: {meaning}": a relative day resolved
    glossed: str  # "[{glosses}]": a statement's glosses as printed beside it
    # What changed since the last brief (`history`).
    new: str  # the mark of a new statement in the sections
    new_since: str  # "New since {date}": the section's title
    new_since_intro: str
    new_since_more: str  # "{count} more ..."
    nothing_new: str
    new_where: str  # "{section}, note {number}"
    # The sourcing note (`sourcing`).
    sourcing: str  # its heading
    sourcing_sources: str
    sourcing_outlets: str
    sourcing_single: str
    sourcing_corroborated: str
    sourcing_anonymous: str
    sourcing_differ: str
    sources_text: str  # "{articles}, published {period}"
    unnamed_outlets: str  # "{articles} without a named outlet"
    share_text: str  # "{count} of {total}"
    notes_text: str  # "{statements} ({notes})"
    none: str  # a count of nothing
    none_differ: str  # no differing accounts: among the statements shown, not in the sources
    statement_one: str
    statement_other: str
    article_one: str
    article_other: str
    note_one: str  # "note {numbers}"
    note_other: str  # "notes {numbers}"

    def reported(self, count: int) -> str:
        return self.reported_by.format(count=count)

    def statements(self, count: int) -> str:
        """Return "1 statement", "3 statements"."""
        return f"{count} " + (self.statement_one if count == 1 else self.statement_other)

    def articles(self, count: int) -> str:
        """Return "1 article", "3 articles"."""
        return f"{count} " + (self.article_one if count == 1 else self.article_other)

    def notes(self, numbers: Sequence[int]) -> str:
        """Return "note 4", "notes 4, 9, 20"."""
        listed = ", ".join(str(n) for n in numbers)
        return (self.note_one if len(numbers) == 1 else self.note_other).format(numbers=listed)

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
    sourcing: tuple[Fact, ...] = ()  # the sourcing note at the end of the body
    new_since: NewSince | None = None  # what is new since the earlier brief; None for the first
    read: tuple[Source, ...] = ()  # every article the brief read, cited or not (its record)

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
