"""Choose the brief's statements: key points, positions by actor, open questions, aid, outlook.

Every sentence of every article is a candidate for every section. A section scores candidates by
salience (from `summarize.Engine`) times its relevance (generic and profile cues), and takes the
best within its share of the word budget. One `Selection` owns what the brief has said so far:
concepts already said anywhere are worth nothing, so no statement is made twice. Near-identical
sentences from several sources are merged first and cited to all of them.

Each section is one small object (`KeyPoints`, `Positions`, ...) with its key, its share of the
budget and a `choose` method; `SECTIONS` lists them in the order they choose.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from briefing.actors import Actors
from briefing.aid import aid_named, aid_rows, aid_words, is_aid
from briefing.corpus import Article
from briefing.dates import calendar, resolve
from briefing.drafts import Dated, Draft, Pick, body_words
from briefing.profile import SECTION_KEYS, Profile
from briefing.speakers import QUOTE, QUOTE_MARKS, find_speakers, speech
from briefing.summarize import Engine, log_scale
from briefing.text import numbers, numbers_differ, unquoted
from briefing.vocabulary import Vocabulary, alternation

TABLE_RESERVE = 40
MIN_AID_SENTENCES = 2  # one passing mention of money or arms does not make a story about aid  # words of the aid share kept for the table's cells, which are quoted words too
KEY_POINTS = (3, 5)
# A brief reads best as many short, telling statements: gains are taken per word more strictly
# than in a plain summary (summarize.LENGTH_EXPONENT), leaving room for more facts.
LENGTH_EXPONENT = 0.9
MAX_PER_ACTOR = 3
# A cue match multiplies a sentence's gain; three matches are about as telling as it gets.
CUE_WEIGHT = 1.0
MAX_CUES = 3
# A sentence joins a section's pool only when the section is (nearly) its best match.
POOL_MARGIN = 0.6
# Two sentences from different sources are "the same statement" when their concepts overlap this much.
CORROBORATION_OVERLAP = 0.6
RARE_BIGRAM_LIMIT = 50  # a bigram in more sentences than this says nothing about sameness
MIN_SHARED_BIGRAMS = 2  # restatements share several rare bigrams, not one
# Reworded reports of one fact agree on its figures: two sentences of different sources that give
# the same telling number ("$725 million"), no number the other lacks, and share this much of the
# shorter one's facts and FULLER_OVERLAP of the longer one's (at least MIN_SHARED_FACTS of them)
# report the same thing in their own words.
NUMBER_OVERLAP = 0.45
FULLER_OVERLAP = 0.3
MIN_SHARED_FACTS = 3
YEARS = range(1900, 2101)  # a year dates a fact; it does not tell which one
# Newer reporting supersedes older: an article's weight halves every RECENCY_HALF_LIFE days before
# the brief's date, but never falls below RECENCY_FLOOR (background still counts).
RECENCY_HALF_LIFE = 14.0
VAGUE_DATE_FACTOR = 0.5  # a year alone ("next year") weighs half a date on the timeline
RECENCY_FLOOR = 0.3


@dataclass(frozen=True)
class Material:
    """Everything the sections choose from, computed once: candidates with their corroboration,
    speakers, relevance to each section and support (corroboration, freshness, standing alone)."""

    articles: Sequence[Article]
    profile: Profile
    day: date
    engine: Engine
    corroborated: Mapping[int, tuple[int, ...]]
    differing: Mapping[int, tuple[int, ...]]
    representatives: list[int]
    speakers: Mapping[int, str]
    relevance: Mapping[str, list[float]]
    support: Mapping[int, float]
    actors: Actors

    @property
    def vocab(self) -> Vocabulary:
        return self.profile.vocabulary

    def pick(self, i: int) -> Pick:
        c = self.engine.candidates[i]
        before = self.engine.unit(i)[:-1]
        context = " ".join(self.engine.candidates[k].text for k in before)
        speaker = self.speakers.get(i, "") or next(
            (self.speakers[k] for k in reversed(before) if k in self.speakers), ""
        )
        variants = tuple(
            Pick(v.document, v.index, v.text, (v.document,), self.speakers.get(k, ""))
            for k in self.differing.get(i, ())
            for v in [self.engine.candidates[k]]
        )
        return Pick(c.document, c.index, c.text, self.corroborated[i], speaker, context, variants)

    def in_reading_order(self, ids: list[int]) -> list[int]:
        candidates = self.engine.candidates
        return sorted(ids, key=lambda i: (candidates[i].document, candidates[i].index))

    def pool(self, key: str, taken: Sequence[int]) -> list[int]:
        """Candidates for section `key`: relevant to it, nearly as relevant as to any other, and
        not said yet."""
        chosen = set(taken)
        pool = []
        for i in self.representatives:
            if i in chosen:
                continue
            mine = self.relevance[key][i]
            best = max(r[i] for r in self.relevance.values())
            if mine > 0 and mine >= POOL_MARGIN * best:
                pool.append(i)
        return pool

    def boost(self, key: str, pool: Sequence[int]) -> dict[int, float]:
        return {i: self.support[i] * (1 + self.relevance[key][i]) for i in pool}


@dataclass
class Selection:
    """What the brief has said so far: the one owner of covered concepts and chosen candidates."""

    engine: Engine
    covered: set[str] = field(default_factory=set)
    chosen: list[int] = field(default_factory=list)
    by_section: dict[str, list[int]] = field(default_factory=dict)

    def select(
        self,
        key: str,
        budget: int,
        pool: Sequence[int],
        boost: Mapping[int, float],
        limit: int | None = None,
        dated: Collection[int] = (),
    ) -> list[int]:
        """Pick from `pool` what says most that is new, within `budget` words, and record it."""
        ids = self.engine.select(
            budget,
            pool=pool,
            boost=boost,
            covered=self.covered,
            chosen=self.chosen,
            limit=limit,
            dated=dated,
        )
        self.record(key, ids)
        return ids

    def record(self, key: str, ids: Sequence[int]) -> None:
        """Note `ids` as said in section `key`: their concepts are covered and they may not be
        restated."""
        for i in ids:
            self.covered.update(self.engine.unit_concepts(i))
            self.chosen.extend(self.engine.unit(i))
        self.by_section.setdefault(key, []).extend(ids)


class KeyPoints:
    """The story now: the most salient, best corroborated, freshest statements, each a different
    fact, whatever section they might also fit (the central event often fits none)."""

    key = "key_points"
    share = 0.20

    def choose(self, material: Material, selection: Selection, allowance: int) -> Draft:
        pool = material.representatives
        boost = {i: material.support[i] ** 2 for i in pool}
        fewest, most = KEY_POINTS
        ids = selection.select(self.key, allowance, pool, boost, limit=most)
        if len(ids) < fewest:
            # A short budget or long statements: the bottom line still gets three points, the
            # words coming out of the sections below.
            more = selection.select(self.key, allowance, pool, boost, limit=fewest - len(ids))
            ids += more
        return Draft(self.key, _title(material, self.key), picks=_picks(material, ids))


class ListSection:
    """A section that is a list of statements: open questions."""

    def __init__(self, key: str, share: float) -> None:
        self.key, self.share = key, share

    def choose(self, material: Material, selection: Selection, allowance: int) -> Draft:
        pool = material.pool(self.key, selection.chosen)
        ids = selection.select(self.key, allowance, pool, material.boost(self.key, pool))
        ids = material.in_reading_order(ids)
        return Draft(self.key, _title(material, self.key), picks=_picks(material, ids))


class Aid:
    """Aid statements and the table of what is given, by whom, with what status."""

    key = "aid"
    share = 0.18

    def choose(self, material: Material, selection: Selection, allowance: int) -> Draft:
        pool = material.pool(self.key, selection.chosen)
        boost = material.boost(self.key, pool)
        ids = selection.select(self.key, allowance - TABLE_RESERVE, pool, boost)
        ids = material.in_reading_order(ids)
        picks = _picks(material, ids)
        # The table covers aid named anywhere above it: key points first, then this section.
        relevant = material.relevance[self.key]
        key_aid = [material.pick(i) for i in selection.by_section[KeyPoints.key] if relevant[i] > 0]
        room = allowance - sum(material.engine.unit_words(i) for i in ids)
        rows = aid_rows(key_aid + list(picks), material.profile.actors, room, material.vocab)
        return Draft(self.key, _title(material, self.key), picks=picks, aid=rows)


class Outlook:
    """What comes next: dated events on a timeline, the other forward-looking statements below."""

    key = "outlook"
    share = 0.18

    def choose(self, material: Material, selection: Selection, allowance: int) -> Draft:
        pool = material.pool(self.key, selection.chosen)
        boost = material.boost(self.key, pool)
        # The events still ahead of the brief's date come first: they are what a reader plans
        # by; the other forward-looking statements take the words left.
        ahead = [i for i in pool if (when := self._when(material, i)) and when.day > material.day]
        # A single sentence giving the exact day of an event adds that day to what the brief
        # said of the event: only saying nearly all of it again makes it a restatement.
        exact = [
            i
            for i in ahead
            if material.engine.unit(i) == (i,) and (when := self._when(material, i)) and when.exact
        ]
        ids = selection.select(self.key, allowance, ahead, boost, dated=exact)
        used = sum(material.engine.unit_words(i) for i in ids)
        rest_pool = [i for i in pool if i not in ids]
        ids += selection.select(self.key, allowance - used, rest_pool, boost)
        events, rest = [], []
        for p in _picks(material, material.in_reading_order(ids)):
            published = material.articles[p.article].published
            when = resolve(p.text, published, material.vocab) if published else None
            if when and when.day >= published and when.day >= material.day:
                events.append(Dated(when, p))
            else:
                rest.append(p)
        events.sort(key=lambda e: (e.when.day, e.pick.article, e.pick.index))
        title = _title(material, self.key)
        return Draft(self.key, title, picks=tuple(rest), events=tuple(events))

    @staticmethod
    def _when(material: Material, i: int):
        c = material.engine.candidates[i]
        published = material.articles[c.document].published
        return resolve(c.text, published, material.vocab) if published else None


class Positions:
    """Who wants what: statements grouped by actor, every actor heard before any is heard twice."""

    key = "positions"
    share = 0.29

    def choose(self, material: Material, selection: Selection, allowance: int) -> Draft:
        others = material.vocab.table("labels")["others"]  # statements no actor or speaker claims
        pool = material.pool(self.key, selection.chosen)
        boost = material.boost(self.key, pool)
        ids = self._in_rounds(material, selection, pool, boost, allowance, others)
        selection.record(self.key, ids)
        ids = material.in_reading_order(ids)
        actors = merge_name_forms([self._actor(material, i) or others for i in ids])
        groups = _group(_picks(material, ids), actors, material, others)
        return Draft(self.key, _title(material, self.key), groups=groups)

    def _actor(self, material: Material, i: int) -> str:
        """Name the actor of candidate i (see `actors`): a quoted speaker's position is theirs,
        whatever the sentence is about ("The official said the strike pushed the rebels back"
        is not the rebels' position); a sentence no one speaks belongs to what it is about."""
        return material.actors.of(i)

    def _in_rounds(self, material, selection, pool, boost, budget, others) -> list[int]:
        """Take statements actor by actor, in rounds; within an actor, the best uncovered
        statement first. Each pick's concepts are covered at once, so later offers are judged
        by what is still new."""
        engine = material.engine
        by_actor: dict[str, list[int]] = {}
        for i in pool:
            by_actor.setdefault(self._actor(material, i) or others, []).append(i)
        weight = {a: sum(boost[i] for i in ids) for a, ids in by_actor.items()}
        order = sorted(by_actor, key=lambda a: (a == others, -weight[a], a))
        # The profile's actors speak first; speakers it does not know join in the second round,
        # and unattributed statements in the third, so the budget goes to the actors the reader
        # expects.
        profile_actors = {a.name for a in material.profile.actors}
        tier = {a: 0 if a in profile_actors else 2 if a == others else 1 for a in order}
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
                        if i in picked or used + engine.unit_words(i) > budget:
                            continue
                        said = [*selection.chosen, *(k for p in picked for k in engine.unit(p))]
                        if engine.restates(i, said):
                            continue
                        gain = engine.gain(i, selection.covered, boost) * engine.novelty(i, said)
                        if gain > best_gain:
                            best, best_gain = i, gain
                    if best is not None:
                        offers.append((best_gain, actor, best))
                if not offers:
                    break
                _, actor, best = max(offers, key=lambda offer: (offer[0], -order.index(offer[1])))
                waiting.remove(actor)
                picked.append(best)
                selection.covered.update(engine.unit_concepts(best))
                used += engine.unit_words(best)
        return picked


def merge_name_forms(actors: list[str]) -> list[str]:
    """The actors with a short form of a name under its full form: "County Police" and "Police"
    under "Riverside County Police", "Ruiz" under "Ana Ruiz"."""
    names = set(actors)
    full = {
        a: max((b for b in names if b.endswith(" " + a)), key=lambda b: (len(b), b), default=a)
        for a in names
    }
    return [full[a] for a in actors]


def _group(
    picks: Sequence[Pick], actors: list[str], material: Material, others: str
) -> tuple[tuple[str, tuple[Pick, ...]], ...]:
    """Group picks by actor: the profile's actors in its order, then the others by how much the
    material is about them, the catch-all last."""
    groups: dict[str, list[Pick]] = {}
    for p, actor in zip(picks, actors, strict=True):
        groups.setdefault(actor, []).append(p)
    order = {a.name: n for n, a in enumerate(material.profile.actors)}
    ranked = sorted(
        groups.items(),
        key=lambda kv: (
            kv[0] == others,
            order.get(kv[0], len(order)),
            -material.actors.weight(kv[0]),
            -len(kv[1]),
            kv[0],
        ),
    )
    return tuple((actor, tuple(ps)) for actor, ps in ranked)


# The sections in the order they choose: positions last, so that the words other sections leave
# unused go to them. The reading order is `profile.SECTION_KEYS`.
SECTIONS = (KeyPoints(), ListSection("open_questions", 0.15), Aid(), Outlook(), Positions())


def build_sections(
    articles: Sequence[Article], profile: Profile, budget: int, day: date
) -> list[Draft]:
    """Select the statements of every section from `articles` within `budget` words."""
    material = gather(articles, profile, day)
    selection = Selection(material.engine)
    drafts: dict[str, Draft] = {}
    unused = 0
    for section in SECTIONS:
        # Words a section leaves unused go to the positions (chosen last), the heart of a brief,
        # not to the next section: a story without aid gets no longer outlook for it.
        allowance = int(budget * section.share) + (unused if section is SECTIONS[-1] else 0)
        draft = section.choose(material, selection, allowance)
        drafts[section.key] = draft
        unused += allowance - body_words([draft])
    # A section the sources give no material is left out; only the key points always stand, with
    # one template line when there is nothing central enough to lead.
    empty = profile.vocabulary.table("empty_notes")
    ordered = [drafts[key] for key in SECTION_KEYS]
    return [
        d if not d.is_empty else replace(d, empty_note=empty[d.key])
        for d in ordered
        if not d.is_empty or d.key == KeyPoints.key
    ]


def gather(articles: Sequence[Article], profile: Profile, day: date) -> Material:
    """Return the material every section chooses from."""
    vocab = profile.vocabulary
    engine = Engine(
        [list(a.sentences) for a in articles], length_exponent=LENGTH_EXPONENT, vocab=vocab
    )
    candidates = engine.candidates
    speakers = find_speakers(candidates, vocab)
    corroboration = corroborate(engine, speakers)
    corroborated = corroboration.reports
    relevance = _relevance_by_section(candidates, profile, speakers)
    future = calendar(vocab).future
    for i, c in enumerate(candidates):
        published = articles[c.document].published
        when = resolve(c.text, published, vocab) if published else None
        bonus = _future_bonus(when, published, day)
        # The outlook is what comes next: a sentence that looks forward or names a time to come,
        # never one about a day already past when it was written.
        past = when is not None and when.day < published
        # A "will" inside a quotation is the speaker's stance ("This Life Will Go On") or an
        # actor's position, which Positions shows; the outlook takes what the reporting expects.
        looks_ahead = not past and (bonus > 0 or future.search(unquoted(c.text)) is not None)
        relevance["outlook"][i] = relevance["outlook"][i] + bonus if looks_ahead else 0.0
    fresh = [recency(a.published, day) for a in articles]
    # A quotation with no speaker in it or just before it would reach the reader unattributed.
    representatives = [
        i for i in sorted(corroborated) if not _orphan_quote(candidates[i].text, i in speakers)
    ]
    support = {
        i: log_scale(len(corroborated[i])) * fresh[candidates[i].document] for i in representatives
    }
    return Material(
        articles,
        profile,
        day,
        engine,
        corroborated,
        corroboration.differing,
        representatives,
        speakers,
        relevance,
        support,
        Actors(
            [c.text for c in candidates],
            [c.document for c in candidates],
            speakers,
            profile,
            len(articles),
        ),
    )


def _title(material: Material, key: str) -> str:
    return material.profile.section_title(key)


def _picks(material: Material, ids: Sequence[int]) -> tuple[Pick, ...]:
    return tuple(material.pick(i) for i in ids)


def _relevance_by_section(
    candidates, profile: Profile, speakers: Mapping[int, str]
) -> dict[str, list[float]]:
    vocab = profile.vocabulary
    aid = aid_words(vocab)
    relevance = {}
    for key in SECTION_KEYS[1:]:
        cues = cue_pattern(profile.section_cues(key))
        counts_money = aid.money if key == "aid" else None
        relevance[key] = [_relevance(c.text, cues, counts_money) for c in candidates]
    # A section holds only what it is about: real aid, funding or arms given, asked for or
    # refused (not a salary or a death toll); open questions something unresolved (not a hedge).
    open_markers = cue_pattern(tuple(vocab.words("open_markers")))
    # The story is about aid only when several sentences name aid, funding or arms given or asked
    # for; then a sentence that names an item given ("sent air defence systems") belongs too.
    about_aid = sum(1 for c in candidates if aid_named(c.text, aid)) >= MIN_AID_SENTENCES
    for i, c in enumerate(candidates):
        if not (about_aid and is_aid(c.text, aid)):
            relevance["aid"][i] = 0.0
        if not (_asks(c.text) or open_markers.search(" " + c.text.lower() + " ")):
            relevance["open_questions"][i] = 0.0
        else:  # the marker is itself the clearest cue ("would not say")
            relevance["open_questions"][i] = max(relevance["open_questions"][i], CUE_WEIGHT)
    positions = relevance["positions"]
    stance = speech(vocab).stance
    for i, c in enumerate(candidates):
        spoken, quoted = i in speakers, QUOTE.search(c.text) is not None
        if spoken and quoted:
            positions[i] += 2 * CUE_WEIGHT  # a named speaker's own words: the clearest position
        elif spoken or quoted:
            positions[i] += CUE_WEIGHT
        elif stance.search(c.text):
            # A stance no one is named for ("X remains opposed to ...") still is a position, but
            # an attributed one says more about who wants what.
            positions[i] = min(positions[i], CUE_WEIGHT)
        else:
            positions[i] = 0.0  # a position is attributed to someone or states a stance
    return relevance


def _asks(text: str) -> bool:
    """Tell whether a sentence reports a question someone asks ("“Will the talks resume?” she
    asked"). A bare question is the writer's own: a subheading or a rhetorical turn, not an open
    question of the story."""
    return re.search(r"\?[”\"’']", text) is not None


def _orphan_quote(text: str, has_speaker: bool) -> bool:
    return not has_speaker and text.lstrip()[:1] in QUOTE_MARKS


def _future_bonus(when, published: date | None, day: date) -> float:
    """Outlook favours sentences naming a time still to come, more so after the brief's date."""
    if when is None or published is None or when.day <= published:
        return 0.0  # the day it was written is no time to come ("could not be reached on Monday")
    # A date a reader can plan by ("the end of June", "3 December") says more than "next year".
    vague = not when.exact and when.label.isdigit()
    return CUE_WEIGHT * (2 if when.day > day else 1) * (VAGUE_DATE_FACTOR if vague else 1.0)


def recency(published: date | None, day: date) -> float:
    """Return an article's weight by age: 1.0 on the brief's date, halving every half-life."""
    if published is None:
        return RECENCY_FLOOR
    age = max((day - published).days, 0)
    return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * 0.5 ** (age / RECENCY_HALF_LIFE)


@dataclass(frozen=True)
class Corroboration:
    """Near-identical sentences of different articles: who reports each, and who differs.

    `reports` maps each group's representative (its earliest sentence) to the articles that
    report it, its own first. `differing` maps a representative to the sentences of other
    articles that tell the same thing with other numbers ("more than 400" against "550"): they
    are shown beside it, not counted as agreeing.
    """

    reports: dict[int, tuple[int, ...]]
    differing: dict[int, tuple[int, ...]]


def corroborate(engine: Engine, speakers: Mapping[int, str] | None = None) -> Corroboration:
    """Group sentences of different articles that report the same thing: near-identical ones
    (wire copy), and reworded ones that agree on a telling number (`_same_figures`).

    Candidate pairs come from inverted indexes of rare bigrams (common ones like "of the" would
    pair everything with everything) and of numbers; only pairs found there are compared in full,
    so the cost grows with the corpus, not its square.
    """
    candidates = engine.candidates
    voices = speakers or {}
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
            if count < MIN_SHARED_BIGRAMS or _two_voices(i, j, voices):
                continue
            smaller = min(len(grams), len(bigrams[j]))
            if smaller and len(grams & bigrams[j]) / smaller >= CORROBORATION_OVERLAP:
                parent[root(j)] = root(i)
    # Reworded reports join only groups whose figures agree: "230 cheerleaders" must not bring
    # together a delegation "of more than 400" and one of 550.
    own = [_telling_numbers(c.text) for c in candidates]
    figures: dict[int, frozenset[str]] = {}
    for i in range(len(candidates)):
        figures[root(i)] = figures.get(root(i), frozenset()) | own[i]
    for i, j in _same_figures(engine, voices, own):
        first, second = root(i), root(j)
        nested = figures[first] <= figures[second] or figures[second] <= figures[first]
        # "$1.2 billion in sales and $80 million in commissions" against "$1.6 billion in sales,
        # which resulted in $80 million in commissions": one fact, two accounts of it.
        if first != second and (nested or numbers_differ(candidates[i].text, candidates[j].text)):
            parent[second] = first
            figures[first] |= figures[second]
    groups: dict[int, list[int]] = {}
    for i in range(len(candidates)):
        groups.setdefault(root(i), []).append(i)
    reports, differing = {}, {}
    for members in groups.values():
        members.sort()
        first = members[0]
        agree, differ = [], []
        for m in members:
            # Facts agree when neither gives a number the other contradicts; a report that
            # leaves a number out still agrees, one that gives other figures ("more than 400"
            # against "550-member") does not.
            mine, theirs = own[first], own[m]
            conflict = m != first and (
                not (mine <= theirs or theirs <= mine)
                or numbers_differ(candidates[first].text, candidates[m].text)
            )
            (differ if conflict else agree).append(m)
        reports[first] = tuple(dict.fromkeys(candidates[m].document for m in agree))
        seen = set(reports[first])
        others = []
        for m in differ:
            if candidates[m].document not in seen:
                seen.add(candidates[m].document)
                others.append(m)
        if others:
            differing[first] = tuple(others)
    return Corroboration(reports, differing)


def _same_figures(
    engine: Engine, speakers: Mapping[int, str], figures: Sequence[frozenset[str]]
) -> list[tuple[int, int]]:
    """Return the pairs (i, j), i < j, of sentences from different articles that tell one fact in
    their own words: they share a telling number, one gives no telling number the other lacks or
    gives another number in its place ("$1.2 billion in sales" against "$1.6 billion in sales":
    accounts that differ), they share most of their facts,
    and neither is said by someone else ("Craford said" and "Delynn said" are two voices) nor
    about another actor. `figures` holds each candidate's telling numbers."""
    candidates = engine.candidates
    postings: dict[str, list[int]] = {}
    for i, found in enumerate(figures):
        for value in found:
            postings.setdefault(value, []).append(i)
    pairs = set()
    for owners in postings.values():
        if len(owners) > RARE_BIGRAM_LIMIT:
            continue
        for a, i in enumerate(owners):
            for j in owners[a + 1 :]:
                first, second = candidates[i], candidates[j]
                if first.document == second.document:
                    continue
                if _two_voices(i, j, speakers):
                    continue
                if first.subject and second.subject and first.subject != second.subject:
                    continue
                share, fuller, count = engine.overlap(i, j)
                if share <= NUMBER_OVERLAP or fuller < FULLER_OVERLAP or count < MIN_SHARED_FACTS:
                    continue
                nested = figures[i] <= figures[j] or figures[j] <= figures[i]
                if nested or numbers_differ(first.text, second.text):
                    pairs.add((i, j))
    return sorted(pairs)


def _two_voices(i: int, j: int, speakers: Mapping[int, str]) -> bool:
    """Tell whether two sentences are said by two different named people: alike words from two
    voices are two statements, not one reported twice. ("a diplomat" and "a senior diplomat" may
    be one person, told two ways.)"""
    first, second = speakers.get(i, ""), speakers.get(j, "")
    named = first[:1].isupper() and second[:1].isupper()
    return named and first.split()[-1] != second.split()[-1]


def _telling_numbers(text: str) -> frozenset[str]:
    """The numbers that single out a fact: not years, not single digits ("3 December")."""
    found = set()
    for value in numbers(text):
        whole = value.split(".")[0]
        if "." not in value and (len(whole) < 2 or (len(whole) == 4 and int(whole) in YEARS)):
            continue
        found.add(value)
    return frozenset(found)


def _relevance(text: str, cues: re.Pattern[str], money: re.Pattern[str] | None) -> float:
    """Return how many distinct cues the sentence holds (capped), a money amount counting as one
    when `money` (the aid section's amounts) is given."""
    hits = len(set(cues.findall(" " + text.lower() + " ")))
    if money is not None and money.search(text):
        hits += 1
    return CUE_WEIGHT * min(hits, MAX_CUES)


@cache
def cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern finding any cue at a word start ("pledg" finds "pledged")."""
    return re.compile(r"(?<![a-z0-9])(" + alternation(cues, escape=True, longest_first=True) + ")")
