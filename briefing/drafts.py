"""The intermediate model between selection and footnote numbering: what each section chose.

Selection (`sections`, `aid`) produces these; `citations` turns them into the document model. Keeping
them apart from both stages means no stage imports another stage for a type.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.dates import When
from briefing.text import word_count

MAX_CITED_SOURCES = 3  # a footnote cites the first three reports; its note counts them all


@dataclass(frozen=True)
class Pick:
    """A chosen sentence: where it comes from, who else reported it, who said it."""

    article: int
    index: int
    text: str
    sources: tuple[int, ...]
    speaker: str = ""
    context: str = ""  # the sentence before `text` it leans on, shown with it (same article)
    variants: tuple[Pick, ...] = ()  # other articles' accounts of it, with other numbers

    @property
    def words(self) -> int:
        shown = (self.context, self.text, *(v.text for v in self.variants))
        return sum(word_count(text) for text in shown)


@dataclass(frozen=True)
class Dated:
    """A pick the outlook timeline places at a resolved time."""

    when: When
    pick: Pick


@dataclass(frozen=True)
class AidRow:
    """One row of the aid table: every cell a verbatim span of `pick`'s sentence."""

    donor: str
    item: str
    status: str
    pick: Pick


@dataclass(frozen=True)
class Draft:
    """The chosen material of one section, before footnotes are numbered."""

    key: str
    title: str
    picks: tuple[Pick, ...] = ()
    groups: tuple[tuple[str, tuple[Pick, ...]], ...] = ()
    aid: tuple[AidRow, ...] = ()
    events: tuple[Dated, ...] = ()
    empty_note: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.picks or self.groups or self.aid or self.events)


def body_words(drafts: Sequence[Draft]) -> int:
    """Return the number of quoted words in the body: statements and table cells."""
    total = 0
    for d in drafts:
        total += sum(p.words for p in d.picks)
        total += sum(p.words for _, ps in d.groups for p in ps)
        total += sum(e.pick.words for e in d.events)
        total += sum(word_count(r.donor) + word_count(r.item) for r in d.aid)
    return total
