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
from functools import cache, lru_cache

from briefing.corpus import Article
from briefing.dates import When, resolve
from briefing.profile import Actor, Profile
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
SECTION_ORDER = ("key_points", "positions", "open_questions", "aid", "outlook")
KEY_POINTS = (3, 5)
# A brief reads best as many short, telling statements: gains are taken per word more strictly
# than in a plain summary (summarize.LENGTH_EXPONENT), leaving room for more facts.
LENGTH_EXPONENT = 0.9
MAX_PER_ACTOR = 3
OTHERS = "Others"  # the group of statements no actor or named speaker claims
MAX_AID_ROWS = 6
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

_SPEECH = (
    r"said|says|say|stated|states|added|noted|insisted|insists|urged|urges|warned|warns|told|"
    r"remarked|admitted|acknowledged|acknowledges|argued|argues|believes|believe|stressed|"
    r"emphasized|explained|indicated|recognizes|wrote|announced|declared|labeled|labelled|called"
)
_NAME = r"(?:[A-Z][\w’'.-]+|of|the|for|and)(?:\s+(?:[A-Z][\w’'.-]+|of|the|for|and))*?"
# An unnamed speaker described by role: "a senior NATO diplomat", "the official", "U.S. officials".
_ROLE = (
    r"(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Ss]everal|[Ss]ome)?\s*(?:[\w.-]+\s+){0,3}?"
    r"(?:diplomats?|officials?|spokes(?:man|woman|person)|ministers?|sources?|analysts?|leaders?|"
    r"ambassadors?|envoys?|advis[eo]rs?|experts?|lawmakers?|governments?|ministry)"
)
_ATTRIBUTIONS = (
    re.compile(
        rf"\b(?P<who>(?:[A-Z][\w’'.-]+)(?:\s+[A-Z][\w’'.-]+){{0,3}})\s+(?:has\s+|had\s+)?(?:{_SPEECH})\b"
    ),
    re.compile(
        rf"(?:[,”\"]\s*|\b)(?:{_SPEECH})\s+(?P<who>(?:the\s+)?[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{0,3}})"
    ),
    re.compile(rf"\baccording to\s+(?P<who>(?:the\s+)?{_NAME})(?=[,.;]|\s+[a-z]|$)"),
    re.compile(rf"\b(?P<who>{_ROLE})\s+(?:has\s+|had\s+)?(?:{_SPEECH})\b"),
    re.compile(rf"(?:[,”\"]\s*)(?:{_SPEECH})\s+(?P<who>{_ROLE})"),
)
_TITLED = re.compile(
    r"\b(?:[Ss]pokes(?:man|woman|person)|[Pp]resident|[Mm]inister|[Ss]ecretary[- ][Gg]eneral|"
    r"[Ss]ecretary of [A-Z]\w+|[Cc]hancellor|[Ee]nvoy(?: for \w+)?|[Aa]mbassador|[Gg]eneral|"
    r"[Mm]ayor|[Cc]ouncill?or|[Ss]enator|[Gg]overnor|[Rr]epresentative|[Cc]hair(?:man|woman)?|"
    r"[Dd]irector|[Cc]hief [Ee]xecutive|CEO|[Cc]ommissioner|[Jj]udge|[Pp]rofessor)"
    r"\s+(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
)
# Titles written before a name: the speaker is the person, not the office.
_HONORIFICS = frozenset(
    ["Mr", "Mrs", "Ms", "Dr", "Mayor", "Councillor", "Councilor", "Senator", "Sen", "Rep",
     "Governor", "Gov", "President", "Minister", "Chancellor", "Secretary", "General", "Judge",
     "Professor", "Prof", "Commissioner", "Ambassador", "Director", "Chairman", "Chairwoman",
     "Chair", "Leader", "Majority", "Minority", "Speaker", "Chief", "Officer", "Captain", "Capt",
     "Cmdr", "Commander", "Lt", "Lieutenant", "Sgt", "Sergeant", "Detective", "Attorney",
     "Defender", "Counsel", "Prosecutor", "Sheriff", "Deputy", "Vice", "Prime", "Prince",
     "Princess", "King", "Queen", "Lord", "Lady", "Baron", "Baroness", "Sir", "Dame", "Elder",
     "Bishop", "Pope", "Father", "Rev", "Reverend", "Firefighter", "Inspector", "Superintendent",
     "Spokesman", "Spokeswoman", "Spokesperson", "Editor", "Analyst", "Coach", "Agent", "Envoy",
     "CEO", "Executive", "Justice", "Chairperson", "Premier", "Emir", "Sheikh"]
)  # fmt: skip
# Words that open an attribution but are no one's name ("We've said", "One said", "Sources said").
_NO_SPEAKER = frozenset(
    ["We", "I", "You", "One", "Some", "Many", "Others", "Sources", "Source", "Images", "Photos",
     "Reports", "Report", "Documents", "Data", "Records", "Both", "Each", "All", "Most", "Few"]
)  # fmt: skip
_CONTRACTION = re.compile(r"[’'](?:s|ve|m|re|ll|d|t)?$", re.I)
_QUOTE_MARKS = "“\"‘'"
_PRONOUN_SPEAKER = re.compile(
    rf"[,”\"]\s*(?:he|she|they)\s+(?:{_SPEECH})\b|\b(?:he|she)\s+(?:{_SPEECH})\b"
)
_STANCE = re.compile(
    r"\b(wants?|insists?|oppos\w*|refus\w*|reject\w*|support\w*|back(?:s|ed|ing)?|urg\w*|demand\w*|"
    r"calls? for|called for|believ\w*|convinced|view(?:s|ing)?|sees|consider\w*|unacceptable|"
    r"reluctan\w*|cautio\w*|priorit\w*|focus\w*|hopes?|hoped|seeks?|push\w*|press\w*|"
    r"committed|determined|warn\w*|label\w*|stated|said|says|argu\w*|emphasi\w*|stress\w*)\b",
    re.I,
)
_QUOTE = re.compile(r"[“\"][^”\"]{8,}[”\"]")
_MONEY = re.compile(
    r"(?:[$€£]\s?\d[\d,.]*(?:\s?(?:million|billion|bn|m|trillion))?|\d[\d,.]*\s?(?:million|billion)"
    r"\s+(?:dollars|euros|pounds))",
    re.I,
)
_NOT_A_NAME = frozenset(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Today",
        "Yesterday",
        "Tomorrow",
    ]
) | frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "But",
        "And",
        "However",
        "Meanwhile",
        "Despite",
        "Some",
        "Several",
        "Many",
        "Other",
        "Others",
        "Such",
        "In",
        "On",
        "At",
        "For",
        "With",
        "As",
        "If",
        "When",
        "While",
        "Officials",
        "Diplomats",
    ]
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


def build_sections(
    articles: Sequence[Article], profile: Profile, budget: int, day: date
) -> list[Draft]:
    """Select the statements of every section from `articles` within `budget` words."""
    engine = Engine([list(a.sentences) for a in articles], length_exponent=LENGTH_EXPONENT)
    candidates = engine.candidates
    corroborated = corroborate(engine)
    representatives = sorted(corroborated)
    relevance = _relevance_by_section(candidates, profile)
    for i, c in enumerate(candidates):
        relevance["outlook"][i] += _future_bonus(c.text, articles[c.document].published, day)
    fresh = [recency(a.published, day) for a in articles]
    speakers = _speakers(engine)
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
    selection = _Selection(engine)

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
            rows = _aid_rows(
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
    ordered = [drafts[key] for key in SECTION_ORDER]
    return [
        draft if not _is_empty(draft) else replace(draft, empty_note=EMPTY_NOTES[draft.key])
        for draft in ordered
    ]


def _relevance_by_section(candidates, profile: Profile) -> dict[str, list[float]]:
    relevance = {}
    for key in ("positions", "open_questions", "aid", "outlook"):
        cues = cue_pattern(profile.section_cues(key))
        relevance[key] = [_relevance(c.text, cues, key == "aid") for c in candidates]
    positions = relevance["positions"]
    for i, c in enumerate(candidates):
        attributed = _attribution(c.text)
        if c.text.lstrip()[:1] in "“\"'‘" and not attributed:
            positions[i] = 0.0  # a bare quote whose speaker is named elsewhere
        elif attributed and _QUOTE.search(c.text):
            positions[i] += 2 * CUE_WEIGHT  # a named speaker's own words: the clearest position
        elif attributed or _QUOTE.search(c.text):
            positions[i] += CUE_WEIGHT
        elif not _STANCE.search(c.text):
            positions[i] = 0.0  # a position is attributed to someone or states a stance
    return relevance


def _orphan_quote(text: str, has_speaker: bool) -> bool:
    return not has_speaker and text.lstrip()[:1] in "“\"‘'" and not _attribution(text)


def standalone(text: str) -> float:
    """Return a factor below 1 for a sentence that leans on the one before ("These systems...")."""
    opening = _DISCOURSE.sub("", text.lstrip("“\"'‘ "))
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
    if money_counts and _MONEY.search(text):
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


def _is_empty(draft: Draft) -> bool:
    return not (draft.picks or draft.groups or draft.aid or draft.events)


# --- positions -------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
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
    """Return the person in an attribution: "Boston Police Commissioner William Evans" is
    "William Evans"; a possessive or a contraction ("Trump's", "We've") names no speaker."""
    parts = who.split()
    while parts and parts[-1].lower() in {"of", "the", "for", "and"}:
        parts = parts[:-1]
    if not parts or _CONTRACTION.search(parts[-1]) or parts[0] in _NO_SPEAKER:
        return ""
    titles = [k for k, part in enumerate(parts) if _is_title(part)]
    if titles and titles[-1] < len(parts) - 1:
        parts = parts[titles[-1] + 1 :]  # the name after the last title word
    while parts and (parts[0] in _NOT_A_NAME or _is_title(parts[0])):
        parts = parts[1:]
    return " ".join(parts).strip(" ,.;:")


def _is_title(word: str) -> bool:
    """ "Commissioner", "Gov.", "Secretary-General": a word naming an office, not a person."""
    return all(piece.rstrip(".") in _HONORIFICS for piece in word.split("-"))


def _speakers(engine: Engine) -> dict[int, str]:
    """Name the speaker of each quoting sentence; "he said" takes the previous sentence's speaker."""
    speakers: dict[int, str] = {}
    previous = ""
    for i, c in enumerate(engine.candidates):
        if c.index == 0:
            previous = ""
        named = _attribution(c.text)
        titled = _TITLED.search(c.text)
        if not named and titled and _QUOTE.search(c.text):
            # "Kremlin spokesman Dmitry Peskov labeling the prospect as "unacceptable"": a titled
            # person is the speaker only of a sentence that quotes someone.
            named = _clean_name(titled.group("who"))
        if named:
            speakers[i] = named
            previous = named
        elif previous and c.text.lstrip()[:1] in _QUOTE_MARKS and _PRONOUN_SPEAKER.search(c.text):
            speakers[i] = previous  # “...,” he added. — only a quotation right after a named one
    return _full_names(speakers, [c.text for c in engine.candidates])


def _full_names(speakers: dict[int, str], texts: list[str]) -> dict[int, str]:
    """Name each person the same way throughout: "Osei" becomes "Helen Osei" when the sources give
    the full name (and only one full name ends that way)."""
    full: dict[str, set[str]] = {}
    for name in speakers.values():
        parts = name.split()
        if len(parts) >= 2 and _is_proper_name(name):
            full.setdefault(parts[-1], set()).add(name)
    surnames = {
        n for n in speakers.values() if " " not in n and n not in full and _is_proper_name(n)
    }
    if surnames:
        pattern = re.compile(
            r"\b([A-Z][\w’'-]+) (" + "|".join(map(re.escape, sorted(surnames))) + r")\b"
        )
        for text in texts:
            for first, last in pattern.findall(text):
                if first not in _NOT_A_NAME and first.rstrip(".") not in _HONORIFICS:
                    full.setdefault(last, set()).add(f"{first} {last}")
    named = {}
    for i, name in speakers.items():
        longer = full.get(name, set()) if " " not in name else set()
        named[i] = next(iter(longer)) if len(longer) == 1 else name
    return named


def _actor_finder(candidates, speakers: dict[int, str], profile: Profile):
    """Return a function naming the actor of candidate i: for a quoted speaker, the profile actor
    the speaker belongs to, else the speaker's own name, else "" (unattributed); for a sentence
    with no speaker, the profile actor it names first."""

    def find(i: int) -> str:
        speaker = speakers.get(i, "")
        if not speaker:
            return actor_of(candidates[i].text, profile.actors)
        # A quoted speaker's position is theirs, whatever the sentence is about: "The official
        # said the attack pushed Russia..." is not Russia's position.
        found = actor_of(speaker, profile.actors)
        if not found and _is_proper_name(speaker):
            found = speaker
        return found

    return find


def _is_proper_name(speaker: str) -> bool:
    parts = speaker.split()
    return bool(parts) and all(w[:1].isupper() for w in parts) and not re.fullmatch(_ROLE, speaker)


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


def actor_of(text: str, actors: Sequence[Actor]) -> str:
    """Return the profile actor `text` is about: the first named, unless a later one is given as
    the example of a group ("Some NATO members, like Hungary, ..." is about Hungary)."""
    found: list[tuple[int, str]] = []
    for actor in actors:
        for name in actor.names():
            match = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
            if match:
                found.append((match.start(), actor.name))
    if not found:
        return ""
    found.sort()
    for start, name in found:
        if _EXAMPLE.search(text[max(0, start - 16) : start]):
            return name
    return found[0][1]


_EXAMPLE = re.compile(
    r"\b(?:like|such as|including|particularly|especially|notably)\s+(?:the\s+)?$"
)


# --- aid -------------------------------------------------------------------------------------

_AID_HEAD = re.compile(
    r"\b(?:systems?|missiles?|mines|munitions|ammunition|weapons?|weaponry|tanks?|jets?|drones?|"
    r"artillery|shells|aircraft|rockets?|launchers?|vehicles|howitzers?)\b",
    re.I,
)
# Lower-case words that belong to a weapon's name ("air defense systems", "ballistic missiles").
_MODIFIERS = frozenset(
    [
        "air",
        "defense",
        "defence",
        "missile",
        "ballistic",
        "cruise",
        "anti-aircraft",
        "anti-personnel",
        "anti-tank",
        "long-range",
        "short-range",
        "medium-range",
        "advanced",
        "sophisticated",
        "military",
        "fighter",
        "combat",
        "armoured",
        "armored",
        "hypersonic",
        "artillery",
        "tank",
        "attack",
        "surface-to-air",
    ]
)
MAX_MODIFIERS = 6


def _aid_rows(picks: Sequence[Pick], actors: Sequence[Actor], room: int) -> tuple[AidRow, ...]:
    """Return a table row for each aid statement that names an item and a status, in `room` words."""
    rows = []
    for p in picks:
        item = aid_item(p.text)
        status = aid_status(p.text)
        if not item or not (status or _MONEY.search(p.text)):
            continue
        status = status or "reported"
        row = AidRow(_donor(p.text, actors, status), item, status, p)
        room -= word_count(row.donor) + word_count(row.item)
        if room < 0:
            break
        rows.append(row)
    return tuple(rows[:MAX_AID_ROWS])


def aid_status(text: str) -> str:
    """Return the status named by the sentence's first status cue ("requested", ...), or ""."""
    found = []
    for name, cue in AID_STATUSES:
        match = re.search(rf"\b(?:{cue})", text, re.I)
        if match:
            found.append((match.start(), name))
    return min(found)[1] if found else ""


def aid_item(text: str) -> str:
    """Return the verbatim span naming what is given: an amount, else a named weapon or system."""
    money = _MONEY.search(text)
    if money:
        return money.group(0).strip()
    spans = [_noun_phrase(text, head.start(), head.end()) for head in _AID_HEAD.finditer(text)]
    if not spans:
        return ""
    # A span that names something (THAAD, Patriot) says more than "weapons".
    return max(spans, key=lambda span: (sum(w[:1].isupper() for w in span.split()), len(span)))


def _noun_phrase(text: str, start: int, end: int) -> str:
    """Extend a head noun leftwards over the words of its name: capitals, hyphenated, modifiers."""
    tokens = text[:start].split()
    kept: list[str] = []
    while tokens and len(kept) < MAX_MODIFIERS:
        token = tokens[-1]
        if token != token.strip(',;:()"“”'):
            break
        lowered = token.lower()
        joins = lowered in {"and", "or"} and kept and len(tokens) > 1 and tokens[-2][:1].isupper()
        if joins or token[:1].isupper() or "-" in token or lowered in _MODIFIERS:
            kept.insert(0, tokens.pop())
            continue
        break
    while kept and (kept[0].lower() in {"and", "or"} or kept[0] in _NOT_A_NAME):
        kept.pop(0)
    return " ".join([*kept, text[start:end]])


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


def corpus_title(articles: Sequence[Article]) -> str:
    """Return a title for a corpus with no profile: the names its articles mention most."""
    counts: dict[str, int] = {}
    spread: dict[
        str, int
    ] = {}  # how many articles name it: what the corpus is about, not one story
    for a in articles:
        seen = set()
        for sentence in (a.title, *a.sentences[:TITLE_SENTENCES]):
            for match in _CAPITALIZED_RUN.finditer(sentence):
                name = _clean_name(match.group(0))
                if match.start() == 0 or not name or name in _NOT_A_NAME or len(name) < 3:
                    continue
                counts[name] = counts.get(name, 0) + 1
                seen.add(name)
        for name in seen:
            spread[name] = spread.get(name, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-spread[kv[0]], -kv[1], -len(kv[0]), kv[0]))
    top: list[str] = []
    for name, _ in ranked:
        if any(name in other or other in name for other in top):
            continue
        top.append(name)
        if len(top) == TITLE_NAMES:
            break
    if not top:
        return "Briefing"
    return "Briefing: " + (", ".join(top[:-1]) + " and " + top[-1] if len(top) > 1 else top[0])


TITLE_SENTENCES = 8
TITLE_NAMES = 3
_CAPITALIZED_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*)*")
