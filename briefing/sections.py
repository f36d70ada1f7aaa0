"""Choose the brief's statements: key points, positions by actor, open questions, aid, outlook.

Every sentence of every article is a candidate for every section. A section scores candidates by
salience (from `summarize.Engine`) times its relevance (generic and profile cues), and takes the
best within its share of the word budget; concepts already said anywhere in the brief are worth
nothing, so no statement is made twice. Near-identical sentences from several sources are merged
first and cited to all of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from briefing.corpus import Article
from briefing.dates import When, resolve
from briefing.profile import Actor, Profile
from briefing.summarize import Engine, log_scale
from briefing.text import word_count, words

# Shares of the body's word budget. Positions are the heart of a policy brief; the rest (6%) is
# kept for the aid table's cells, which are quoted words too.
BUDGET_SHARES = {
    "key_points": 0.20,
    "positions": 0.28,
    "open_questions": 0.15,
    "aid": 0.15,
    "outlook": 0.16,
}
KEY_POINTS = (3, 5)
MAX_PER_ACTOR = 3
MAX_AID_ROWS = 6
# A cue match multiplies a sentence's gain; three matches are about as telling as it gets.
CUE_WEIGHT = 1.0
MAX_CUES = 3
# A sentence joins a section's pool only when the section is (nearly) its best match.
POOL_MARGIN = 0.6
# Two sentences from different sources are "the same statement" when their concepts overlap this much.
CORROBORATION_OVERLAP = 0.6

EMPTY_NOTES = {
    "key_points": "The sources hold no statement central enough to lead the brief.",
    "positions": "The sources report no attributed positions.",
    "open_questions": "The sources leave no question explicitly open.",
    "aid": "The sources report no aid pledged, delivered, requested or refused.",
    "outlook": "The sources name no coming events or expected decisions.",
}

_SPEECH = (
    r"said|says|say|stated|states|added|noted|insisted|insists|urged|urges|warned|warns|told|"
    r"remarked|admitted|acknowledged|acknowledges|argued|argues|believes|believe|stressed|"
    r"emphasized|explained|indicated|recognizes|wrote|announced|declared|labeled|labelled|called"
)
_NAME = r"(?:[A-Z][\w’'.-]+|of|the|for|and)(?:\s+(?:[A-Z][\w’'.-]+|of|the|for|and))*?"
_ATTRIBUTIONS = (
    re.compile(
        rf"\b(?P<who>(?:[A-Z][\w’'.-]+)(?:\s+[A-Z][\w’'.-]+){{0,3}})\s+(?:has\s+|had\s+)?(?:{_SPEECH})\b"
    ),
    re.compile(
        rf"(?:[,”\"]\s*|\b)(?:{_SPEECH})\s+(?P<who>(?:the\s+)?[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{0,3}})"
    ),
    re.compile(rf"\baccording to\s+(?P<who>(?:the\s+)?{_NAME})(?=[,.;]|\s+[a-z]|$)"),
)
_TITLED = re.compile(
    r"\b(?:[Ss]pokes(?:man|woman|person)|[Pp]resident|[Mm]inister|[Ss]ecretary[- ][Gg]eneral|"
    r"[Ss]ecretary of [A-Z]\w+|[Cc]hancellor|[Ee]nvoy(?: for \w+)?|[Aa]mbassador|[Gg]eneral)"
    r"\s+(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
)
_PRONOUN_SPEAKER = re.compile(
    rf"[,”\"]\s*(?:he|she|they)\s+(?:{_SPEECH})\b|\b(?:he|she)\s+(?:{_SPEECH})\b"
)
_QUOTE = re.compile(r"[“\"][^”\"]{8,}[”\"]")
_MONEY = re.compile(
    r"(?:[$€£]\s?\d[\d,.]*(?:\s?(?:million|billion|bn|m|trillion))?|\d[\d,.]*\s?(?:million|billion)"
    r"\s+(?:dollars|euros|pounds))",
    re.I,
)
_NOT_A_NAME = frozenset(
    ["The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "But", "And", "However", "Meanwhile", "Despite", "Some", "Several", "Many", "Other", "Others", "Such", "In", "On", "At", "For", "With", "As", "If", "When", "While", "Officials", "Diplomats"]
)
AID_STATUSES = (
    ("refused", r"refus|reject|declin|hesitant to commit|won[’']t (?:send|give|provide)"),
    (
        "requested",
        r"request|ask|demand|press(?:es|ed)? for|push(?:es|ed)? for|call(?:s|ed)? for|seek|urg",
    ),
    ("delivered", r"deliver|arriv|sent\b|handed over|received"),
    ("pledged", r"pledg|promis|commit"),
    ("announced", r"announc|unveil|approv|package"),
)


@dataclass(frozen=True)
class Pick:
    """A chosen sentence: where it comes from, who else reported it, who said it."""

    article: int
    index: int
    text: str
    sources: tuple[int, ...]
    speaker: str = ""


@dataclass(frozen=True)
class AidRow:
    donor: str
    item: str
    status: str
    pick: Pick


@dataclass(frozen=True)
class Dated:
    when: When
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


@dataclass
class _Selection:
    engine: Engine
    covered: set[str] = field(default_factory=set)
    chosen: list[int] = field(default_factory=list)


def build_sections(articles: Sequence[Article], profile: Profile, budget: int) -> list[Draft]:
    """Select the statements of every section from `articles` within `budget` words."""
    documents = [list(a.sentences) for a in articles]
    engine = Engine(documents)
    candidates = engine.candidates
    corroborated = corroborate(engine)
    representatives = sorted(corroborated)
    relevance = {
        key: [_relevance(c.text, profile.section_cues(key)) for c in candidates]
        for key in ("positions", "open_questions", "aid", "outlook")
    }
    for i, c in enumerate(candidates):
        if _attribution(c.text) or _QUOTE.search(c.text):
            relevance["positions"][i] += CUE_WEIGHT
    support = {i: log_scale(len(corroborated[i])) for i in representatives}
    speakers = _speakers(articles, engine)
    selection = _Selection(engine)

    def pick(i: int) -> Pick:
        c = candidates[i]
        return Pick(c.document, c.index, c.text, corroborated[i], speakers.get(i, ""))

    budget_of = {key: int(budget * share) for key, share in BUDGET_SHARES.items()}
    # Key points: the most salient, best corroborated statements that belong somewhere.
    belongs = [i for i in representatives if max(r[i] for r in relevance.values()) > 0]
    key_ids = engine.select(
        budget_of["key_points"],
        pool=belongs,
        boost={i: support[i] ** 2 for i in belongs},
        covered=selection.covered,
        chosen=selection.chosen,
        limit=KEY_POINTS[1],
    )
    selection.chosen.extend(key_ids)
    drafts = [
        Draft(
            "key_points", profile.section_title("key_points"), picks=tuple(pick(i) for i in key_ids)
        )
    ]
    for key in ("positions", "open_questions", "aid", "outlook"):
        pool = _pool(key, representatives, relevance, selection.chosen)
        boost = {i: support[i] * (1 + min(relevance[key][i], MAX_CUES)) for i in pool}
        ids = engine.select(
            budget_of[key],
            pool=pool,
            boost=boost,
            covered=selection.covered,
            chosen=selection.chosen,
        )
        selection.chosen.extend(ids)
        ids.sort(key=lambda i: (candidates[i].document, candidates[i].index))
        title = profile.section_title(key)
        if key == "positions":
            drafts.append(
                Draft(key, title, groups=_group_by_actor([pick(i) for i in ids], profile.actors))
            )
        elif key == "aid":
            picks = tuple(pick(i) for i in ids)
            drafts.append(Draft(key, title, picks=picks, aid=_aid_rows(picks, profile.actors)))
        elif key == "outlook":
            drafts.append(_outlook(title, [pick(i) for i in ids], articles))
        else:
            drafts.append(Draft(key, title, picks=tuple(pick(i) for i in ids)))
    return [
        draft
        if not _is_empty(draft)
        else Draft(draft.key, draft.title, empty_note=EMPTY_NOTES[draft.key])
        for draft in drafts
    ]


def corroborate(engine: Engine) -> dict[int, tuple[int, ...]]:
    """Group near-identical sentences of different articles.

    Return, for each sentence that represents a group (the earliest in reading order), the articles
    that report it, its own first. Sentences are compared only with those sharing a rare bigram
    (an inverted index), never all pairs.
    """
    candidates = engine.candidates
    index: dict[str, list[int]] = {}
    for i, c in enumerate(candidates):
        for concept in c.concepts:
            if " " in concept:
                index.setdefault(concept, []).append(i)
    parent = list(range(len(candidates)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, c in enumerate(candidates):
        seen: set[int] = set()
        for concept in c.concepts:
            for j in index.get(concept, ()):
                if j <= i or j in seen or candidates[j].document == c.document:
                    continue
                seen.add(j)
                if _same_statement(c, candidates[j]):
                    parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(candidates)):
        groups.setdefault(root(i), []).append(i)
    result = {}
    for members in groups.values():
        first = min(members)
        documents = []
        for m in sorted(members):
            if candidates[m].document not in documents:
                documents.append(candidates[m].document)
        result[first] = tuple(documents)
    return result


def _same_statement(a, b) -> bool:
    ab = set(a.concepts) & set(b.concepts)
    bigrams = sum(1 for c in ab if " " in c)
    smaller = min(sum(1 for c in a.concepts if " " in c), sum(1 for c in b.concepts if " " in c))
    return smaller > 0 and bigrams / smaller >= CORROBORATION_OVERLAP


def _relevance(text: str, cues: Sequence[str]) -> float:
    lowered = " " + text.lower() + " "
    hits = sum(1 for cue in cues if _has_cue(lowered, cue))
    if cues and _MONEY.search(text) and "aid" in cues:
        hits += 1
    return CUE_WEIGHT * min(hits, MAX_CUES)


def _has_cue(lowered: str, cue: str) -> bool:
    start = lowered.find(cue)
    while start != -1:
        if not lowered[start - 1].isalnum():
            return True
        start = lowered.find(cue, start + 1)
    return False


def _pool(
    key: str, representatives: list[int], relevance: dict[str, list[float]], chosen: list[int]
):
    taken = set(chosen)
    pool = []
    for i in representatives:
        if i in taken:
            continue
        mine = relevance[key][i]
        best = max(r[i] for r in relevance.values())
        if mine > 0 and mine >= POOL_MARGIN * best:
            pool.append(i)
    return pool


def _is_empty(draft: Draft) -> bool:
    return not (draft.picks or draft.groups or draft.aid or draft.events)


# --- positions -------------------------------------------------------------------------------


def _attribution(text: str) -> str:
    """Return the speaker a sentence names ("Dmitry Peskov", "a senior NATO diplomat"), or ""."""
    titled = _TITLED.search(text)
    for pattern in _ATTRIBUTIONS:
        match = pattern.search(text)
        if match:
            who = _clean_name(match.group("who"))
            if who:
                if titled and titled.group("who").split()[-1] == who.split()[-1]:
                    return _clean_name(titled.group("who"))
                return who
    return ""


def _clean_name(who: str) -> str:
    parts = who.split()
    while parts and parts[0] in _NOT_A_NAME:
        parts = parts[1:]
    while parts and parts[-1].lower() in {"of", "the", "for", "and"}:
        parts = parts[:-1]
    return " ".join(parts).strip(" ,.;:")


def _speakers(articles: Sequence[Article], engine: Engine) -> dict[int, str]:
    """Name the speaker of each quoting sentence; "he said" takes the previous sentence's speaker."""
    speakers: dict[int, str] = {}
    previous = ""
    for i, c in enumerate(engine.candidates):
        if c.index == 0:
            previous = ""
        named = _attribution(c.text) or (
            _TITLED.search(c.text) and _clean_name(_TITLED.search(c.text).group("who"))
        )
        if named:
            speakers[i] = named
            previous = named
        elif _PRONOUN_SPEAKER.search(c.text) and previous:
            speakers[i] = previous
    return speakers


def _group_by_actor(
    picks: list[Pick], actors: Sequence[Actor]
) -> tuple[tuple[str, tuple[Pick, ...]], ...]:
    groups: dict[str, list[Pick]] = {}
    for p in picks:
        actor = actor_of(p.speaker, actors) or actor_of(p.text, actors) or p.speaker or "Others"
        groups.setdefault(actor, []).append(p)
    order = {a.name: n for n, a in enumerate(actors)}
    ranked = sorted(
        groups.items(),
        key=lambda kv: (kv[0] == "Others", order.get(kv[0], len(order)), -len(kv[1]), kv[0]),
    )
    return tuple((actor, tuple(ps[:MAX_PER_ACTOR])) for actor, ps in ranked)


def actor_of(text: str, actors: Sequence[Actor]) -> str:
    """Return the profile actor named first in `text`, or ""."""
    best: tuple[int, str] | None = None
    for actor in actors:
        for name in actor.names():
            match = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), actor.name)
    return best[1] if best else ""


# --- aid -------------------------------------------------------------------------------------

_ITEM_WORDS = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?:systems?|missiles?|mines|munitions|ammunition|weapons?|weaponry|tanks?|"
    r"jets?|drones?|artillery|shells|air defen[cs]es?|defen[cs]es|aircraft|rockets?|launchers?|package)\b",
    re.I,
)


def _aid_rows(picks: Sequence[Pick], actors: Sequence[Actor]) -> tuple[AidRow, ...]:
    rows = []
    for p in picks:
        item = _aid_item(p.text)
        if not item:
            continue
        status = next(
            (name for name, cue in AID_STATUSES if re.search(cue, p.text, re.I)), "reported"
        )
        rows.append(AidRow(_donor(p.text, actors, status), item, status, p))
    return tuple(rows[:MAX_AID_ROWS])


def _aid_item(text: str) -> str:
    money = _MONEY.search(text)
    if money:
        return money.group(0).strip()
    found = _ITEM_WORDS.search(text)
    if not found:
        return ""
    span = found.group(0).strip()
    words_in = span.split()
    while words_in and words_in[0].lower() in {
        "the",
        "a",
        "an",
        "of",
        "and",
        "to",
        "for",
        "more",
        "with",
        "such",
        "as",
        "like",
    }:
        words_in = words_in[1:]
    return " ".join(words_in)


def _donor(text: str, actors: Sequence[Actor], status: str) -> str:
    """Return the verbatim name of the giver: the first actor named, or the one asked to give."""
    if status == "requested":
        asked = re.search(
            r"\b(?:asked|urged|from)\s+(?P<who>(?:[A-Z][\w.-]+\s*){1,3}(?:allies)?)", text
        )
        return asked.group("who").strip() if asked else ""
    spans = []
    for actor in actors:
        for name in actor.names():
            match = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
            if match:
                spans.append((match.start(), match.group(0)))
    if spans:
        return min(spans)[1]
    proper = re.search(r"(?<=[a-z,] )(?:[A-Z][\w.-]+)(?:\s+[A-Z][\w.-]+)*", text)
    return proper.group(0) if proper else ""


# --- outlook ---------------------------------------------------------------------------------


def _outlook(title: str, picks: list[Pick], articles: Sequence[Article]) -> Draft:
    events, rest = [], []
    for p in picks:
        published = articles[p.article].published
        when = resolve(p.text, published) if published else None
        if when and when.day >= published:
            events.append(Dated(when, p))
        else:
            rest.append(p)
    events.sort(key=lambda e: (e.when.day, e.pick.article, e.pick.index))
    return Draft("outlook", title, picks=tuple(rest), events=tuple(events))


def body_words(drafts: Sequence[Draft]) -> int:
    """Return the number of quoted words in the body: statements and table cells."""
    total = 0
    for d in drafts:
        total += sum(word_count(p.text) for p in d.picks)
        total += sum(word_count(p.text) for _, ps in d.groups for p in ps)
        total += sum(word_count(e.pick.text) for e in d.events)
        total += sum(word_count(r.donor) + word_count(r.item) for r in d.aid)
    return total


def corpus_title(articles: Sequence[Article]) -> str:
    """Return a title for a corpus with no profile: its most reported names."""
    counts: dict[str, int] = {}
    for a in articles:
        for sentence in (a.title, *a.sentences[:5]):
            tokens = words(sentence)
            for k, token in enumerate(tokens):
                if k and token[:1].isupper() and token not in _NOT_A_NAME and len(token) > 2:
                    counts[token] = counts.get(token, 0) + 1
    top = [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]]
    if not top:
        return "Briefing"
    return "Briefing: " + (", ".join(top[:-1]) + " and " + top[-1] if len(top) > 1 else top[0])


def period(articles: Sequence[Article]) -> tuple[date, date] | None:
    dates = [a.published for a in articles if a.published]
    return (min(dates), max(dates)) if dates else None
