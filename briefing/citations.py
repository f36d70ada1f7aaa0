"""Turn the chosen material into the document model, numbering footnotes once in reading order.

A source's first citation gives its full reference (outlet, author, title, date, URL); later ones
a short form (outlet or file, short title, date). Both renderers print these numbers and texts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from briefing.corpus import Article
from briefing.dates import format_day
from briefing.drafts import MAX_CITED_SOURCES, Draft, Pick
from briefing.model import (
    ActorPositions,
    AidItem,
    Citation,
    Event,
    Labels,
    Reference,
    Section,
    Source,
    Statement,
)

SHORT_TITLE_WORDS = 6


class Citer:
    """Hands out footnotes in the order the reader meets them."""

    def __init__(self, articles: Sequence[Article], labels: Labels) -> None:
        self.articles = articles
        self.labels = labels
        self.citations: list[Citation] = []
        self.first_cited: list[int] = []

    def cite(self, documents: Sequence[int]) -> Citation:
        references = []
        for d in documents:
            article = self.articles[d]
            if d in self.first_cited:
                text = short_reference(article)
            else:
                self.first_cited.append(d)
                text = full_reference(article)
            references.append(Reference(source_id=article.id, text=text, url=article.url))
        citation = Citation(number=len(self.citations) + 1, references=tuple(references))
        self.citations.append(citation)
        return citation

    def statement(self, pick: Pick) -> Statement:
        citation = self.cite(pick.sources[:MAX_CITED_SOURCES])
        notes = []
        if len(pick.sources) > 1:
            notes.append(self.labels.reported(len(pick.sources)))
        if pick.variants:
            notes.append(self.labels.differ)
        # The speaker is shown only when the sentence does not name them ("..., Osei told the council").
        named = pick.speaker and pick.speaker.split()[-1] in f"{pick.context} {pick.text}"
        speaker = "" if named else pick.speaker
        return Statement(
            text=pick.text,
            citation=citation,
            source_id=self.articles[pick.article].id,
            sentence_index=pick.index,
            speaker=speaker,
            note=" · ".join(notes),
            context=pick.context,
            variants=tuple(self.statement(v) for v in pick.variants),
        )


def assemble_sections(drafts: Sequence[Draft], citer: Citer) -> tuple[Section, ...]:
    """Return the model's sections, citing in the order they are printed: actor groups,
    timeline, statements (the aid table refers to its statements' notes)."""
    sections = []
    cited: dict[tuple[str, int], Citation] = {}
    for d in drafts:
        groups = tuple(
            ActorPositions(actor, tuple(citer.statement(p) for p in picks))
            for actor, picks in d.groups
        )
        events = tuple(
            Event(when=e.when.day, when_label=e.when.label, statement=citer.statement(e.pick))
            for e in d.events
        )
        statements = tuple(citer.statement(p) for p in d.picks)
        # A table row reads a statement printed above it: it points to that footnote ("note 24")
        # rather than adding a second footnote for the same sentence.
        for s in (
            *(s for g in groups for s in g.statements),
            *(e.statement for e in events),
            *statements,
        ):
            for shown in (s, *s.variants):
                cited[(shown.source_id, shown.sentence_index)] = shown.citation
        aid = tuple(
            AidItem(
                donor=row.donor,
                item=row.item,
                status=row.status,
                citation=cited[(citer.articles[row.pick.article].id, row.pick.index)],
                sentence=f"{row.pick.context} {row.pick.text}".strip(),
            )
            for row in d.aid
        )
        sections.append(
            Section(
                key=d.key,
                title=d.title,
                statements=statements,
                groups=groups,
                aid=aid,
                events=events,
                empty_note=d.empty_note,
            )
        )
    return tuple(sections)


def sources_in_citation_order(
    articles: Sequence[Article], citer: Citer, digests: Mapping[int, Sequence[str]]
) -> tuple[Source, ...]:
    """Return the cited sources in order of first citation (the brief lists what it cites)."""
    order = list(citer.first_cited)
    return tuple(
        Source(
            id=articles[d].id,
            path=articles[d].name,
            title=articles[d].title,
            outlet=articles[d].outlet,
            author=articles[d].author,
            published=articles[d].published,
            url=articles[d].url,
            language=articles[d].language,
            also_published_by=articles[d].also_published_by,
            words=articles[d].words,
            digest=tuple(digests[d]),
            reference=full_reference(articles[d]),
        )
        for d in order
    )


def full_reference(article: Article) -> str:
    parts = [article.outlet or "Outlet not named"]
    if article.also_published_by:
        parts[0] += " (also run by " + ", ".join(article.also_published_by) + ")"
    if article.author:
        parts.append(article.author)
    parts.append(f"“{display_title(article)}”")
    parts.append(format_day(article.published) if article.published else "undated")
    if article.url:
        parts.append(article.url)
    return ", ".join(parts)


def short_reference(article: Article) -> str:
    title = display_title(article).split()
    short = " ".join(title[:SHORT_TITLE_WORDS]) + ("…" if len(title) > SHORT_TITLE_WORDS else "")
    when = format_day(article.published) if article.published else "undated"
    return f"{article.outlet or 'Outlet not named'}, “{short}”, {when}"


def display_title(article: Article) -> str:
    """The article's title, or a plain statement that it has none (never an invented one)."""
    if article.title:
        return article.title
    return f"untitled article, file {article.name}"
