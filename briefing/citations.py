"""Turn the chosen material into the document model, numbering footnotes once in reading order.

A source's first citation gives its full reference (outlet, author, title, date, URL); later ones
a short form (outlet or author, short title, date). A source is cited by what is known of it: the
site its URL names when no outlet is, the words it opens with when it has no title; never by its
file name. Each statement also carries what a reader needs to weigh it: how many sources report
it, whether its speaker is anonymous, its date when its article is older than the brief's recent
window, glosses of its relative days, and whether it is new since the earlier brief.
Both renderers print these numbers and texts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from briefing.corpus import Article
from briefing.dates import format_day, glosses, is_recent
from briefing.drafts import MAX_CITED_SOURCES, Draft, Pick
from briefing.history import Earlier
from briefing.metadata import is_heading_like, site_name
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
from briefing.speakers import is_proper_name, speech
from briefing.vocabulary import Vocabulary, alternation, shipped

# A short title of about six words is still recognisable; a title of up to eight is kept whole.
SHORT_TITLE_WORDS = 6
WHOLE_TITLE_WORDS = 8
# A short title ends at a clause break ("Zelensky brings Victory Plan to Brussels, but ...") when
# one comes within this many words, and is never longer than MAX_SHORT_WORDS.
CLAUSE_WORDS = 8
MAX_SHORT_WORDS = 10
_CLAUSE_END = re.compile(r"[,:;]$")
_DASHES = frozenset({"-", "–", "—", "|"})


class Citer:
    """Hands out footnotes in the order the reader meets them."""

    def __init__(
        self,
        articles: Sequence[Article],
        labels: Labels,
        day: date | None = None,
        vocab: Vocabulary | None = None,
        earlier: Earlier | None = None,
    ) -> None:
        self.articles = articles
        self.labels = labels
        self.day = day
        self.vocab = vocab or shipped()
        self.earlier = earlier
        self.citations: list[Citation] = []
        self.first_cited: list[int] = []

    def cite(self, documents: Sequence[int]) -> Citation:
        references = []
        for d in documents:
            article = self.articles[d]
            if d in self.first_cited:
                text = short_reference(article, self.labels, self.vocab)
            else:
                self.first_cited.append(d)
                text = full_reference(article, self.labels, self.vocab)
            references.append(Reference(source_id=article.id, text=text, url=article.url))
        citation = Citation(number=len(self.citations) + 1, references=tuple(references))
        self.citations.append(citation)
        return citation

    def statement(self, pick: Pick, shown_when: str = "", new: bool | None = None) -> Statement:
        """Return the statement of `pick` with its footnote; `shown_when` is a date the brief
        already prints beside it (a timeline's "When"), which needs no gloss."""
        citation = self.cite(pick.sources[:MAX_CITED_SOURCES])
        notes = []
        if len(pick.sources) > 1:
            notes.append(self.labels.reported(len(pick.sources)))
        if pick.variants:
            notes.append(self.labels.differ)
        speaker = self._speaker_label(pick)
        if new is None:
            new = self._is_new(pick)
        article = self.articles[pick.article]
        glossed = self._glosses(pick, shown_when)
        return Statement(
            text=pick.text,
            citation=citation,
            source_id=article.id,
            sentence_index=pick.index,
            speaker=speaker,
            note=" · ".join(notes),
            context=pick.context,
            variants=tuple(self.statement(v, new=new) for v in pick.variants),
            published=article.published,
            reported_by=len(pick.sources),
            sources=tuple(self.articles[d].id for d in pick.sources),
            attributed_to=pick.speaker,
            anonymous=_anonymous(pick.speaker, self.vocab),
            dated=self._dated(pick),
            glosses=glossed,
            gloss=self.labels.glossed.format(glosses="; ".join(glossed)) if glossed else "",
            new=new,
        )

    def _speaker_label(self, pick: Pick) -> str:
        """The speaker's name to print before the statement (also under their own heading, which
        may stand on the page before), unless the sentence names them ("..., Osei told the
        council": a label "Kofi Osei:" before it reads as the name said twice)."""
        named = pick.speaker and pick.speaker.split()[-1] in f"{pick.context} {pick.text}"
        return "" if named else pick.speaker

    def _dated(self, pick: Pick) -> str:
        """The date beside a statement all of whose reports are older than the recent window:
        the newest of them, so a reader sees how fresh the freshest report is."""
        if self.day is None:
            return ""
        dates = [self.articles[d].published for d in pick.sources if self.articles[d].published]
        if not dates or is_recent(max(dates), self.day):
            return ""
        return self.labels.dated.format(date=format_day(max(dates)))

    def _glosses(self, pick: Pick, shown_when: str) -> tuple[str, ...]:
        published = self.articles[pick.article].published
        if published is None:
            return ()
        found = [
            gloss
            for text in (pick.context, pick.text)
            if text
            for gloss in glosses(text, published, self.vocab, read_on=self.day)
            if gloss.meaning != shown_when
        ]
        return tuple(
            dict.fromkeys(
                self.labels.gloss.format(phrase=g.phrase, meaning=g.meaning) for g in found
            )
        )

    def _is_new(self, pick: Pick) -> bool:
        """New: neither the earlier brief nor any article it read holds the statement or one of
        its other accounts (see `history.Earlier.holds`)."""
        if self.earlier is None:
            return False
        accounts = (pick, *pick.variants)
        reports = [self.articles[d] for p in accounts for d in p.sources]
        return not self.earlier.holds(
            texts=[p.text for p in accounts],
            ids=[a.id for a in reports],
            urls=[a.url for a in reports if a.url],
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
            Event(
                when=e.when.day,
                when_label=e.when.label,
                statement=citer.statement(e.pick, shown_when=e.when.label),
            )
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
            reference=full_reference(articles[d], citer.labels, citer.vocab),
        )
        for d in order
    )


def publisher(article: Article) -> str:
    """Who published the article: its outlet, else the site its URL names; "" when neither is known."""
    return article.outlet or site_name(article.url)


def full_reference(article: Article, labels: Labels, vocab: Vocabulary | None = None) -> str:
    """Return the reference a source's first footnote gives: outlet (or site), author, title (or
    the words the article opens with), date, URL; whatever is not known is left out."""
    title = _cited_title(article, labels, vocab, short=False) + _copies(article, labels)
    parts = [publisher(article), article.author, title, _when(article, labels), article.url]
    return _sentence_case(
        ", ".join(part for part in parts if part), first_is_title=parts[:2] == ["", ""]
    )


def short_reference(article: Article, labels: Labels, vocab: Vocabulary | None = None) -> str:
    """Return the reference of a later footnote: outlet (or site, else the author's surname),
    short title, date."""
    who = publisher(article) or (article.author.split()[-1] if article.author else "")
    parts = [who, _cited_title(article, labels, vocab, short=True), _when(article, labels)]
    return _sentence_case(", ".join(part for part in parts if part), first_is_title=not who)


def short_title(title: str, vocab: Vocabulary | None = None, words: int = SHORT_TITLE_WORDS) -> str:
    """Return `title` shortened at a word boundary so that it stays recognisable: whole when short;
    else up to a clause break near the start; else about `words` words, never ending on a word
    that leaves it broken off ("to", "the"). A shortened title ends in "…"."""
    tokens = title.split()
    if len(tokens) <= WHOLE_TITLE_WORDS:
        return title
    for k in range(3, min(CLAUSE_WORDS, len(tokens) - 1) + 1):
        if _CLAUSE_END.search(tokens[k - 1]) or tokens[k] in _DASHES:
            return _cut(tokens[:k])
    dangling = set((vocab or shipped()).words("dangling_words"))
    end = words
    while end < min(MAX_SHORT_WORDS, len(tokens)) and tokens[end - 1].lower() in dangling:
        end += 1
    while end > 1 and tokens[end - 1].lower() in dangling:
        end -= 1
    return _cut(tokens[:end]) if end < len(tokens) else title


def _cut(tokens: Sequence[str]) -> str:
    return " ".join(tokens).rstrip(",:;–—-| ") + "…"


def _cited_title(article: Article, labels: Labels, vocab: Vocabulary | None, short: bool) -> str:
    """The title in quotation marks; for an untitled article the headline its text opens with,
    else the words it opens with, said to be such (never an invented title, never a file name)."""
    if article.title:
        return f"“{short_title(article.title, vocab) if short else article.title}”"
    first = article.paragraphs[0] if article.paragraphs else ""
    if first and is_heading_like(first):
        return f"“{short_title(first, vocab) if short else first}”"
    opening = article.sentences[0] if article.sentences else first
    return labels.opening.format(words=short_title(opening, vocab))


def _copies(article: Article, labels: Labels) -> str:
    """The note on copies: " (also run by …)" when other outlets ran the same story."""
    if not article.also_published_by:
        return ""
    named = [outlet for outlet in article.also_published_by if outlet]
    if not named:
        return f" ({labels.also_run_elsewhere})"
    return f" ({labels.also_run_by.format(outlets=', '.join(named))})"


def _when(article: Article, labels: Labels) -> str:
    return format_day(article.published) if article.published else labels.undated


def _sentence_case(text: str, first_is_title: bool) -> str:
    """A reference that opens with the brief's own words ("article beginning …") starts with a
    capital; one that opens with a name ("example.org") is left as written."""
    return text[:1].upper() + text[1:] if first_is_title else text


def _anonymous(speaker: str, vocab) -> bool:
    """Tell whether a speaker is an unnamed person ("a senior official", "diplomats"), not a
    name and not an institution speaking as such ("the unification ministry")."""
    if not speaker or is_proper_name(speaker, speech(vocab)):
        return False
    return vocab.compiled(_persons).search(speaker) is not None


def _persons(vocab) -> re.Pattern[str]:
    """Nouns of an unnamed person: "official", "diplomats", "a source"."""
    return re.compile(rf"\b(?:{alternation(vocab.words('anonymous_persons'))})\b", re.I)
