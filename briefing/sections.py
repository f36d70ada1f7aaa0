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
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from briefing.aid import MONEY, AidRow, aid_rows
from briefing.corpus import Article
from briefing.dates import When, resolve
from briefing.profile import SECTION_KEYS, Profile
from briefing.speakers import (
    QUOTE,
    QUOTE_MARKS,
    actor_of,
    find_speakers,
    is_proper_name,
)
from briefing.summarize import Engine, log_scale
from briefing.text import word_count

# Shares of the body's word budget. Positions are the heart of a policy brief. The aid share
# includes its table, whose cells are quoted words too: TABLE_RESERVE words are kept for them.
BUDGET_SHARES = {
    "key_points": 0.20,
    "positions": 0.28,
    "open_questions": 0.17,
    "aid": 0.21,
    "outlook": 0.14,
}
TABLE_RESERVE = 40
BODY_KEYS = SECTION_KEYS[1:]  # the sections below the key points
KEY_POINTS = (3, 5)
# A brief reads best as many short, telling statements: gains are taken per word more strictly
# than in a plain summary (summarize.LENGTH_EXPONENT), leaving room for more facts.
LENGTH_EXPONENT = 0.9
MAX_PER_ACTOR = 3
OTHERS = "Others"  # the group of statements no actor or named speaker claims
# A cue match multiplies a sentence's gain; three matches are about as telling as it gets.
CUE_WEIGHT = 1.0
MAX_CUES = 3
# A sentence joins a section's pool only when the section is (nearly) its best match.
POOL_MARGIN = 0.6
# Two sentences from different sources are "the same statement" when their concepts overlap this much.
CORROBORATION_OVERLAP = 0.6
RARE_BIGRAM_LIMIT = 50  # a bigram in more sentences than this says nothing about sameness
MIN_SHARED_BIGRAMS = 2  # restatements share several rare bigrams, not one
MAX_CITED_SOURCES = 3  # a footnote cites the first three reports; its note counts them all

# A sentence opening with a personal pronoun or a demonstrative plural ("He added", "These systems")
# leans on the sentence before it and is left out; one opening with "it" is held back by half,
# unless the "it" is the empty subject of "It is unclear whether...".
DEPENDENT_FACTOR = 0.0
IT_FACTOR = 0.5
_DEPENDENT_STARTS = frozenset(["These", "Those", "He", "She", "They", "His", "Her", "Their", "Its"])
_EMPTY_IT = re.compile(
    r"^it\s+(?:is|was|will|would|could|may|might|remains|seems|appears|has been|had been)\b", re.I
)
_DISCOURSE = re.compile(
    r"^(?:(?:However|But|And|Meanwhile|Still|Yet|Also|So|Instead|Moreover),?\s+)+", re.I
)
# Newer reporting supersedes older: an article's weight halves every RECENCY_HALF_LIFE days before
# the brief's date, but never falls below RECENCY_FLOOR (background still counts).
RECENCY_HALF_LIFE = 14.0
RECENCY_FLOOR = 0.3

EMPTY_NOTES = {
    "key_points": "The sources hold no statement central enough to lead the brief.",
    "positions": "The sources report no attributed positions.",
    "open_questions": "The sources leave no question explicitly open.",
    "aid": "The sources report no aid pledged, delivered, requested or refused.",
    "outlook": "The sources name no coming events or expected decisions.",
}

_STANCE = re.compile(
    r"\b(wants?|insists?|oppos\w*|refus\w*|reject\w*|support\w*|back(?:s|ed|ing)?|urg\w*|demand\w*|"
    r"calls? for|called for|believ\w*|convinced|view(?:s|ing)?|sees|consider\w*|unacceptable|"
    r"reluctan\w*|cautio\w*|priorit\w*|focus\w*|hopes?|hoped|seeks?|push\w*|press\w*|"
    r"committed|determined|warn\w*|label\w*|stated|said|says|argu\w*|emphasi\w*|stress\w*)\b",
    re.I,
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

    @property
    def is_empty(self) -> bool:
        return not (self.picks or self.groups or self.aid or self.events)


@dataclass
class _Selection:
    """What the brief has said so far: concepts covered and candidates chosen."""

    covered: set[str] = field(default_factory=set)
    chosen: list[int] = field(default_factory=list)


def build_sections(
    articles: Sequence[Article], profile: Profile, budget: int, day: date
) -> list[Draft]:
    """Select the statements of every section from `articles` within `budget` words."""
    engine = Engine([list(a.sentences) for a in articles], length_exponent=LENGTH_EXPONENT)
    candidates = engine.candidates
    corroborated = corroborate(engine)
    representatives = sorted(corroborated)
    speakers = find_speakers(candidates)
    relevance = _relevance_by_section(candidates, profile, speakers)
    for i, c in enumerate(candidates):
        relevance["outlook"][i] += _future_bonus(c.text, articles[c.document].published, day)
    fresh = [recency(a.published, day) for a in articles]
    # A quotation with no speaker in it or just before it would reach the reader unattributed.
    representatives = [
        i for i in representatives if not _orphan_quote(candidates[i].text, i in speakers)
    ]
    support = {
        i: log_scale(len(corroborated[i]))
        * fresh[candidates[i].document]
        * standalone(candidates[i].text)
        for i in representatives
    }
    selection = _Selection()

    def pick(i: int) -> Pick:
        c = candidates[i]
        return Pick(c.document, c.index, c.text, corroborated[i], speakers.get(i, ""))

    budget_of = {key: int(budget * share) for key, share in BUDGET_SHARES.items()}
    # Key points: the most salient, best corroborated, freshest statements that belong somewhere.
    belongs = [i for i in representatives if max(r[i] for r in relevance.values()) > 0]
    key_ids = engine.select(
        budget_of["key_points"],
        pool=belongs,
        boost={i: support[i] * support[i] for i in belongs},
        covered=selection.covered,
        chosen=selection.chosen,
        limit=KEY_POINTS[1],
    )
    selection.chosen.extend(key_ids)
    title = profile.section_title("key_points")
    drafts = {"key_points": Draft("key_points", title, picks=tuple(pick(i) for i in key_ids))}
    carry = budget_of["key_points"] - sum(candidates[i].words for i in key_ids)
    find = _actor_finder(candidates, speakers, profile)
    # Positions are chosen last so that the words other sections leave unused go to them.
    for key in ("open_questions", "aid", "outlook", "positions"):
        allowance = budget_of[key] + carry
        reserve = TABLE_RESERVE if key == "aid" else 0
        pool = _pool(key, representatives, relevance, selection.chosen)
        boost = {i: support[i] * (1 + relevance[key][i]) for i in pool}
        if key == "positions":
            known = {a.name for a in profile.actors}
            ids = _select_positions(engine, pool, boost, selection, allowance, find, known)
        else:
            ids = engine.select(
                allowance - reserve,
                pool=pool,
                boost=boost,
                covered=selection.covered,
                chosen=selection.chosen,
            )
        selection.chosen.extend(ids)
        ids.sort(key=lambda i: (candidates[i].document, candidates[i].index))
        picks = [pick(i) for i in ids]
        title = profile.section_title(key)
        if key == "positions":
            actors = [find(i) for i in ids]
            draft = Draft(key, title, groups=_group_by_actor(picks, actors, profile))
        elif key == "aid":
            # The table covers aid named anywhere above it: key points first, then this section.
            key_aid = [pick(i) for i in key_ids if relevance["aid"][i] > 0]
            rows = aid_rows(
                key_aid + picks,
                profile.actors,
                allowance - sum(c.words for c in map(candidates.__getitem__, ids)),
            )
            draft = Draft(key, title, picks=tuple(picks), aid=rows)
        elif key == "outlook":
            draft = _outlook(title, picks, articles, day)
        else:
            draft = Draft(key, title, picks=tuple(picks))
        drafts[key] = draft
        carry = allowance - body_words([draft])
    ordered = [drafts[key] for key in SECTION_KEYS]
    return [
        draft if not draft.is_empty else replace(draft, empty_note=EMPTY_NOTES[draft.key])
        for draft in ordered
    ]


def _relevance_by_section(
    candidates, profile: Profile, speakers: dict[int, str]
) -> dict[str, list[float]]:
    relevance = {}
    for key in BODY_KEYS:
        cues = cue_pattern(profile.section_cues(key))
        relevance[key] = [_relevance(c.text, cues, key == "aid") for c in candidates]
    positions = relevance["positions"]
    for i, c in enumerate(candidates):
        spoken, quoted = i in speakers, QUOTE.search(c.text) is not None
        if spoken and quoted:
            positions[i] += 2 * CUE_WEIGHT  # a named speaker's own words: the clearest position
        elif spoken or quoted:
            positions[i] += CUE_WEIGHT
        elif not _STANCE.search(c.text):
            positions[i] = 0.0  # a position is attributed to someone or states a stance
    return relevance


def _orphan_quote(text: str, has_speaker: bool) -> bool:
    return not has_speaker and text.lstrip()[:1] in QUOTE_MARKS


def standalone(text: str) -> float:
    """Return a factor below 1 for a sentence that leans on the one before ("These systems...")."""
    opening = _DISCOURSE.sub("", text.lstrip(QUOTE_MARKS + " "))
    first = opening.split(" ", 1)[0].strip(",").capitalize()
    if first in _DEPENDENT_STARTS:
        return DEPENDENT_FACTOR
    if first == "It" and not _EMPTY_IT.match(opening):
        return IT_FACTOR
    return 1.0


def _future_bonus(text: str, published: date | None, day: date) -> float:
    """Outlook favours sentences naming a time still to come, more so after the brief's date."""
    when = resolve(text, published) if published else None
    if when is None or when.day < published:
        return 0.0
    return CUE_WEIGHT * (2 if when.day > day else 1)


def recency(published: date | None, day: date) -> float:
    """Return an article's weight by age: 1.0 on the brief's date, halving every half-life."""
    if published is None:
        return RECENCY_FLOOR
    age = max((day - published).days, 0)
    return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * 0.5 ** (age / RECENCY_HALF_LIFE)


def corroborate(engine: Engine) -> dict[int, tuple[int, ...]]:
    """Group near-identical sentences of different articles.

    Return, for each sentence that represents a group (the earliest in reading order), the articles
    that report it, its own first. Candidate pairs come from an inverted index of rare bigrams
    (common ones like "of the" would pair everything with everything); only pairs sharing
    several of them are compared in full, so the cost grows with the corpus, not its square.
    """
    candidates = engine.candidates
    bigrams = [frozenset(c for c in cand.concepts if " " in c) for cand in candidates]
    postings: dict[str, list[int]] = {}
    for i, grams in enumerate(bigrams):
        for gram in grams:
            postings.setdefault(gram, []).append(i)
    parent = list(range(len(candidates)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, grams in enumerate(bigrams):
        shared: dict[int, int] = {}
        for gram in grams:
            owners = postings[gram]
            if len(owners) > RARE_BIGRAM_LIMIT:
                continue
            for j in owners:
                if j > i and candidates[j].document != candidates[i].document:
                    shared[j] = shared.get(j, 0) + 1
        for j, count in shared.items():
            if count < MIN_SHARED_BIGRAMS:
                continue
            smaller = min(len(grams), len(bigrams[j]))
            if smaller and len(grams & bigrams[j]) / smaller >= CORROBORATION_OVERLAP:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(candidates)):
        groups.setdefault(root(i), []).append(i)
    result = {}
    for members in groups.values():
        documents = list(dict.fromkeys(candidates[m].document for m in sorted(members)))
        result[min(members)] = tuple(documents)
    return result


def _relevance(text: str, cues: re.Pattern[str], money_counts: bool) -> float:
    """Return how many distinct cues the sentence holds (capped), a money amount counting as one
    when the section is about aid."""
    hits = len(set(cues.findall(" " + text.lower() + " ")))
    if money_counts and MONEY.search(text):
        hits += 1
    return CUE_WEIGHT * min(hits, MAX_CUES)


@cache
def cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern finding any cue at a word start ("pledg" finds "pledged")."""
    ordered = sorted(set(cues), key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(" + "|".join(re.escape(c) for c in ordered) + ")")


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


def _actor_finder(candidates, speakers: dict[int, str], profile: Profile):
    """Return a function naming the actor of candidate i: for a quoted speaker, the profile actor
    the speaker belongs to, else the speaker's own name, else "" (unattributed); for a sentence
    with no speaker, the profile actor it names first."""

    def find(i: int) -> str:
        speaker = speakers.get(i, "")
        if not speaker:
            return actor_of(candidates[i].text, profile.actors)
        # A quoted speaker's position is theirs, whatever the sentence is about: "The official
        # said the strike pushed the rebels back..." is not the rebels' position.
        found = actor_of(speaker, profile.actors)
        if not found and is_proper_name(speaker):
            found = speaker
        return found

    return find


def _select_positions(
    engine: Engine, pool, boost, selection: _Selection, budget: int, find, profile_actors: set[str]
):
    """Take statements actor by actor, in rounds, so that every actor is heard before any is
    heard twice; within an actor, the best uncovered statement first."""
    candidates = engine.candidates
    by_actor: dict[str, list[int]] = {}
    for i in pool:
        by_actor.setdefault(find(i) or OTHERS, []).append(i)
    weight = {a: sum(boost[i] for i in ids) for a, ids in by_actor.items()}
    order = sorted(by_actor, key=lambda a: (a == OTHERS, -weight[a], a))
    # The profile's actors speak first; speakers it does not know join in the second round, and
    # unattributed statements in the third, so the budget goes to the actors the reader expects.
    tier = {a: 0 if a in profile_actors else 2 if a == OTHERS else 1 for a in order}
    picked: list[int] = []
    used = 0
    for round_ in range(MAX_PER_ACTOR):
        # In each round every actor offers its best statement; the round takes the offers in
        # order of gain, so a long weak statement never crowds out a short telling one.
        waiting = [a for a in order if tier[a] <= round_]
        while waiting:
            offers = []
            for actor in waiting:
                best, best_gain = None, 0.0
                for i in by_actor[actor]:
                    if i in picked or used + candidates[i].words > budget:
                        continue
                    if engine.restates(i, [*selection.chosen, *picked]):
                        continue
                    gain = engine.gain(i, selection.covered, boost)
                    if gain > best_gain:
                        best, best_gain = i, gain
                if best is not None:
                    offers.append((best_gain, actor, best))
            if not offers:
                break
            _, actor, best = max(offers, key=lambda offer: (offer[0], -order.index(offer[1])))
            waiting.remove(actor)
            picked.append(best)
            selection.covered.update(candidates[best].concepts)
            used += candidates[best].words
    return picked


def _group_by_actor(
    picks: list[Pick], actors: list[str], profile: Profile
) -> tuple[tuple[str, tuple[Pick, ...]], ...]:
    groups: dict[str, list[Pick]] = {}
    for p, actor in zip(picks, actors, strict=True):
        groups.setdefault(actor or OTHERS, []).append(p)
    order = {a.name: n for n, a in enumerate(profile.actors)}
    ranked = sorted(
        groups.items(),
        key=lambda kv: (kv[0] == OTHERS, order.get(kv[0], len(order)), -len(kv[1]), kv[0]),
    )
    return tuple((actor, tuple(ps)) for actor, ps in ranked)


# --- outlook ---------------------------------------------------------------------------------


def _outlook(title: str, picks: list[Pick], articles: Sequence[Article], day: date) -> Draft:
    """Split outlook statements into a timeline of events still to come and the rest."""
    events, rest = [], []
    for p in picks:
        published = articles[p.article].published
        when = resolve(p.text, published) if published else None
        if when and when.day >= published and when.day >= day:
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
