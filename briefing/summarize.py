"""Sentence salience across many articles, with explicit redundancy control and a word budget.

The engine follows the concept-coverage model of multi-document summarization: a sentence is worth
the weighted concepts (stemmed content-word bigrams and salient words) it covers, a concept is worth
more the more articles report it (corroboration), and a summary is built greedily, each pick taking
the sentence with the most *uncovered* weight per word, so that a second sentence saying the same
thing is worth almost nothing. Lazy greedy selection (gains only ever fall) keeps it near linear.

sumy stays as the per-article condenser for source digests (`digest`).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from briefing.gazetteer import gazetteer
from briefing.speakers import EXAMPLE
from briefing.standalone import is_fragment, leans_on_previous, unattributed_voice
from briefing.text import SumyTokenizer, amounts, stop_words, word_count, words
from briefing.vocabulary import Vocabulary, shipped

# A bigram of two content words is the unit of meaning; single words count for less because they
# are far more often shared by unrelated sentences.
UNIGRAM_WEIGHT = 0.1
# A concept mentioned once is worth a little (it still separates sentences in a single short
# article); a repeated one is worth its mentions plus DF_WEIGHT per article that reports it, since
# corroboration across outlets is the strongest sign of a story's main facts.
SINGLE_ARTICLE_WEIGHT = 0.5
DF_WEIGHT = 5.0
# Sentences near the top of a news story carry its main facts (the inverted pyramid). The bonus is
# a share of the sentence's own weight: 1 + POSITION_WEIGHT / (1 + index / POSITION_SCALE).
POSITION_WEIGHT = 5.0
POSITION_SCALE = 2.0
# Gains are divided by words ** LENGTH_EXPONENT: below 1 so that long informative sentences are not
# penalised as hard as a pure per-word rate would.
LENGTH_EXPONENT = 0.6
MIN_WORDS = 6  # shorter fragments rarely stand alone in a brief
MAX_WORDS = 60  # longer ones are usually run-on captions or lists
MAX_UNIT_WORDS = 85  # a sentence shown with those it leans on: a short paragraph, no more
TOPIC_SHARE = 0.6  # a word in this share of the articles is the story's topic
MIN_TOPIC_DOCUMENTS = 3
EXAMPLE_REACH = 16  # characters before a name that may say it is an example ("like Hungary")
SUBJECT_REACH = 4  # words before a name that still opens the sentence ("On Monday, Moscow said")
MAX_CHAIN = (
    3  # "A said X." "Such a gesture would ..., recognizes B." "This will ..., believes another."
)
# A pair is chosen for its second sentence; what only the first (the context) says counts for
# half, so a weak sentence never rides in on a strong one (which is a candidate of its own).
CONTEXT_WEIGHT = 0.5
# Restatement: a candidate restates the brief when most of the weight of its facts (content words,
# with words of one concept group counted as one, and numbers) is shared with one chosen statement
# (most of the smaller of the two), or nearly all of it is held across the statements chosen so far.
MAX_CONTAINED = 0.45
MAX_COVERED = 0.75
MIN_SHARED_PHRASES = 3  # content-word bigrams two sentences share when they tell one event
NUMBER_FACTOR = 1.5  # a number is among the most specific facts a sentence holds
GROUP_FACTOR = 2.0  # two statements sharing a concept group say a thing in other words
MAX_GROUP_WORDS = 4  # the longest phrase of a concept group: "end to the war"
_POSSESSIVE = re.compile(r"[’']s?$")  # "Ukraine's" and "Ukraine" are one name
# LexRank compares every pair of sentences: its time grows with the square of the article. A digest
# reads the head of the article only, where a news story puts its main facts (the inverted
# pyramid): at most this many sentences and words, so that any article, up to the 5 MB a file
# may hold, is digested in a fraction of a second. A news article rarely has more than 60.
DIGEST_SENTENCES = 100
DIGEST_WORDS = 3000


@dataclass(frozen=True)
class Candidate:
    """One sentence of one article, with the concepts it carries and the sentence it leans on."""

    text: str
    document: int
    index: int
    words: int
    stems: frozenset[str]
    concepts: tuple[str, ...]
    facts: frozenset[str]
    phrases: frozenset[str] = frozenset()  # bigrams of two content words: "walk fame", "seiz build"
    subject: str = ""  # the actor the sentence is about first ("Moscow remains opposed": Russia)
    lead: int | None = None  # the first of the sentences it must be shown with ("He added ...")
    barred: bool = False  # leans on a sentence that cannot be shown: never chosen


class Engine:
    """Salience and selection over the sentences of a set of documents.

    A sentence that leans on the one before it (`standalone.leans_on_previous`) is a candidate only
    together with that sentence: the pair is one unit, weighed, counted and chosen as one.
    """

    def __init__(
        self,
        documents: Sequence[Sequence[str]],
        language: str = "english",
        length_exponent: float = LENGTH_EXPONENT,
        vocab: Vocabulary | None = None,
    ) -> None:
        self.length_exponent = length_exponent
        vocab = vocab or shipped()
        stem, stop = _stemmer(language), stop_words(language)
        groups = vocab.compiled(_concept_groups)
        self.candidates: list[Candidate] = []
        topic = _topic_words(documents)
        places = gazetteer(vocab)
        for d, sentences in enumerate(documents):
            fragment = [is_fragment(s) or unattributed_voice(s, vocab) for s in sentences]
            leaning = [leans_on_previous(s, vocab, topic) for s in sentences]
            for i, sentence in enumerate(sentences):
                tokens = [_POSSESSIVE.sub("", t.lower()) for t in words(sentence)]
                content = [stem(t) if t not in stop and _is_word(t) else "" for t in tokens]
                unigrams = {c for c in content if c}
                stems = [stem(t) for t in tokens]
                # Every bigram of stems counts unless both of its words are stop words: "president
                # of" and "of France" carry the phrase that "president France" would lose.
                bigrams = {
                    f"{stems[k]} {stems[k + 1]}"
                    for k in range(len(tokens) - 1)
                    if content[k] or content[k + 1]
                }
                start = _chain_start(i, leaning, fragment)
                lead = None if start is None or start == i else len(self.candidates) - (i - start)
                self.candidates.append(
                    Candidate(
                        text=sentence,
                        document=d,
                        index=i,
                        words=word_count(sentence),  # as a reader counts: the budget's unit
                        stems=frozenset(unigrams),
                        concepts=tuple(sorted(bigrams)) + tuple(sorted(unigrams)),
                        facts=_facts(unigrams, stems, groups, sentence),
                        phrases=frozenset(
                            f"{content[k]} {content[k + 1]}"
                            for k in range(len(content) - 1)
                            if content[k] and content[k + 1]
                        ),
                        lead=lead,
                        barred=start is None,
                        subject=_subject(sentence, places),
                    )
                )
        self.weights = self._concept_weights(len(documents))
        self.fact_weights = self._fact_weights()
        # Each candidate's whole fact weight, summed once: restatement tests compare it often.
        self.fact_totals = [self._weight(c.facts) for c in self.candidates]
        self.scores = [self._static_score(i) for i in range(len(self.candidates))]

    def _concept_weights(self, documents: int) -> dict[str, float]:
        frequency: Counter[str] = Counter()
        mentions: Counter[str] = Counter()
        for document in _group_by_document(self.candidates):
            frequency.update({c for candidate in document for c in candidate.concepts})
            for candidate in document:
                mentions.update(candidate.concepts)
        weights = {}
        for concept, df in frequency.items():
            tf = mentions[concept]
            weight = DF_WEIGHT * df + (tf - 1) if tf > 1 else SINGLE_ARTICLE_WEIGHT
            if " " not in concept:
                weight *= UNIGRAM_WEIGHT
            weights[concept] = weight
        return weights

    def _fact_weights(self) -> dict[str, float]:
        """Rarer facts weigh more (smoothed inverse sentence frequency), but the story's common
        words still count: two statements of its central event share mostly those."""
        sentences: Counter[str] = Counter(f for c in self.candidates for f in c.facts)
        total = len(self.candidates)
        factor = {"#": NUMBER_FACTOR, "=": GROUP_FACTOR}
        return {
            fact: math.log(1 + total / count) * factor.get(fact[0], 1.0)
            for fact, count in sentences.items()
        }

    def unit(self, i: int) -> tuple[int, ...]:
        """Return the candidates shown when i is chosen: the sentences it leans on, then i."""
        lead = self.candidates[i].lead
        return (i,) if lead is None else tuple(range(lead, i + 1))

    def unit_words(self, i: int) -> int:
        return sum(self.candidates[k].words for k in self.unit(i))

    def unit_concepts(self, i: int) -> set[str]:
        return {c for k in self.unit(i) for c in self.candidates[k].concepts}

    def _static_score(self, i: int) -> float:
        candidate = self.candidates[i]
        if candidate.barred or not MIN_WORDS <= candidate.words <= MAX_WORDS:
            return 0.0
        if self.unit_words(i) > MAX_UNIT_WORDS:
            return 0.0
        weight = sum(self.weights[c] for c in self.unit_concepts(i))
        return weight * _position_factor(self.candidates[self.unit(i)[0]].index)

    def salience(self) -> list[float]:
        """Return each candidate's salience per word, scaled to 0..1."""
        rates = [s / self._length(self.unit_words(i)) for i, s in enumerate(self.scores)]
        top = max(rates, default=0.0) or 1.0
        return [r / top for r in rates]

    def select(
        self,
        budget: int,
        *,
        pool: Iterable[int] | None = None,
        boost: Mapping[int, float] | None = None,
        covered: Iterable[str] = (),
        chosen: Sequence[int] = (),
        limit: int | None = None,
        dated: Collection[int] = (),
    ) -> list[int]:
        """Pick candidates greedily by uncovered concept weight per word, within `budget` words.

        `boost` multiplies a candidate's gain (section relevance, corroboration); `covered` holds
        concepts already said elsewhere in the brief (read, never changed: the caller records what
        was picked); `chosen` are earlier picks (with their leads) that new ones must not restate.
        A `dated` candidate tells when something happens: it restates only what nearly all of its
        facts were said ("The board will vote on 20 March" adds its date to "It is unclear whether
        the board will approve").
        """
        covered = set(covered)
        said = list(chosen)
        boost = boost or {}
        indexes = range(len(self.candidates)) if pool is None else pool
        heap = []
        for i in indexes:
            gain = self.gain(i, covered, boost) * self.novelty(i, said)
            if gain > 0:
                heapq.heappush(heap, (-gain, i))
        picked: list[int] = []
        used = 0
        while heap and (limit is None or len(picked) < limit):
            negative, i = heapq.heappop(heap)
            # Gains only fall as the brief grows (covered concepts, said facts): lazy greedy holds.
            novelty = self.novelty(i, said)
            gain = self.gain(i, covered, boost) * novelty
            if gain <= 0:
                continue
            if heap and gain < -heap[0][0] - 1e-12:
                heapq.heappush(heap, (-gain, i))  # stale bound: re-queue with the true gain
                continue
            if used + self.unit_words(i) > budget or self.restates(i, said, i in dated):
                continue
            picked.append(i)
            said.extend(self.unit(i))
            covered.update(self.unit_concepts(i))
            used += self.unit_words(i)
        return picked

    def restates(self, i: int, chosen: Iterable[int], dated: bool = False) -> bool:
        """Tell whether candidate i (with its lead) adds no new fact to those already chosen: it
        is one of them, or most of its facts are in one of them, or nearly all across them (only
        the last when it is `dated`: its date is the new fact)."""
        chosen = list(chosen)
        unit = self.unit(i)
        if any(j in unit for j in chosen):
            return True
        if dated:
            facts = self._unit_facts(i)
            said = {f for j in chosen for f in self.candidates[j].facts}
            total = self._weight(facts)
            return bool(total) and self._weight(facts & said) > MAX_COVERED * total
        # Each sentence shown must say something new, and so must the pair as a whole.
        parts = [(self.candidates[k].facts, {self.candidates[k].subject}) for k in unit]
        whole = (self._unit_facts(i), {self.candidates[k].subject for k in unit})
        if any(
            self._repeats(facts, subjects - {""}, chosen) for facts, subjects in (*parts, whole)
        ):
            return True
        # Two sentences that share several phrases of their own ("received a star on the
        # Hollywood Walk of Fame") tell the same event, whatever else each adds.
        return any(
            len(self.candidates[k].phrases & self.candidates[j].phrases) >= MIN_SHARED_PHRASES
            for k in unit
            for j in chosen
        )

    def _repeats(self, facts: frozenset[str], subjects: set[str], chosen: list[int]) -> bool:
        total = self._weight(facts)
        if not total:
            return False
        union: set[str] = set()
        for j in chosen:
            # Two sentences about different actors ("Hungary has opposed it", "Moscow remains
            # opposed") tell two facts, however alike their words.
            if (
                subjects
                and self.candidates[j].subject
                and self.candidates[j].subject not in subjects
            ):
                continue
            other = self.candidates[j].facts
            shared = facts & other
            if shared:
                # Either way round: a statement that repeats a chosen one with a detail added,
                # or one that a chosen statement already holds with more.
                smaller = min(total, self.fact_totals[j]) or total
                if self._weight(shared) > MAX_CONTAINED * smaller:
                    return True
            union |= other
        return self._weight(facts & union) > MAX_COVERED * total

    def _weight(self, facts: Iterable[str]) -> float:
        weights = self.fact_weights
        return sum(weights[f] for f in facts)

    def overlap(self, i: int, j: int) -> tuple[float, float, int]:
        """Return the shares of the smaller and of the larger of candidates i and j's fact weight
        that both hold, and how many facts they share."""
        mine, theirs = self.candidates[i].facts, self.candidates[j].facts
        shared = mine & theirs
        weights = sorted((self.fact_totals[i], self.fact_totals[j]))
        if not weights[0]:
            return 0.0, 0.0, len(shared)
        both = self._weight(shared)
        return both / weights[0], both / weights[1], len(shared)

    def novelty(self, i: int, chosen: Iterable[int]) -> float:
        """Return the share of candidate i's fact weight that the chosen statements do not hold."""
        facts = self._unit_facts(i)
        total = sum(self.fact_weights[f] for f in facts)
        said = {f for j in chosen for f in self.candidates[j].facts}
        if not total or not said:
            return 1.0
        return 1.0 - sum(self.fact_weights[f] for f in facts & said) / total

    def _unit_facts(self, i: int) -> frozenset[str]:
        return frozenset(f for k in self.unit(i) for f in self.candidates[k].facts)

    def _length(self, words_in_unit: int) -> float:
        return max(words_in_unit, 1) ** self.length_exponent

    def gain(self, i: int, covered: set[str], boost: Mapping[int, float]) -> float:
        """Return candidate i's uncovered concept weight per word (with its lead), times its
        boost."""
        if self.scores[i] <= 0:
            return 0.0
        unit = self.unit(i)
        own = set(self.candidates[i].concepts)
        fresh = sum(
            self.weights[c] * (1.0 if c in own else CONTEXT_WEIGHT)
            for c in self.unit_concepts(i)
            if c not in covered
        )
        factor = _position_factor(self.candidates[unit[0]].index) * boost.get(i, 1.0)
        return fresh * factor / self._length(self.unit_words(i))


def summarize(documents: Sequence[Sequence[str]], words_budget: int) -> list[str]:
    """Return a summary of the documents (lists of sentences): verbatim sentences in reading order
    (by document, then position) within `words_budget` words; a sentence that leans on the one
    before it comes with that sentence."""
    engine = Engine(documents)
    picked = engine.select(words_budget)
    shown = sorted({k for i in picked for k in engine.unit(i)})
    return [engine.candidates[k].text for k in shown]


def _topic_words(documents: Sequence[Sequence[str]]) -> frozenset[str]:
    """The words of the story's topic: in at least TOPIC_SHARE of three or more documents."""
    if len(documents) < MIN_TOPIC_DOCUMENTS:
        return frozenset()
    spread: Counter[str] = Counter()
    for sentences in documents:
        spread.update({w.lower() for s in sentences for w in words(s)})
    return frozenset(w for w, n in spread.items() if n >= TOPIC_SHARE * len(documents))


def _subject(sentence: str, places) -> str:
    """The actor a sentence is about: a known actor that opens it ("Moscow remains opposed"),
    or the one given as the example of a group ("Some members, like Hungary, have opposed it");
    "" when the actors come later, as objects ("Trump said he had nothing to do with Russia")."""
    for mention in places.resolve(places.find(sentence), sentence):
        if EXAMPLE.search(sentence, max(0, mention.start - EXAMPLE_REACH), mention.start):
            return mention.actor
        if word_count(sentence[: mention.start]) <= SUBJECT_REACH:
            return mention.actor
    return ""


def _chain_start(i: int, leaning: list[bool], fragment: list[bool]) -> int | None:
    """Return the first sentence a reader needs for sentence i (i itself when it stands alone),
    or None when that takes more than MAX_CHAIN sentences or a fragment."""
    start = i
    while leaning[start]:
        start -= 1
        if start < 0 or i - start >= MAX_CHAIN:
            return None
    if any(fragment[k] for k in range(start, i + 1)):
        return None
    return start


def _concept_groups(vocab: Vocabulary) -> dict[str, str]:
    """Map the stem (or stemmed bigram) of every word of a concept group to the group's name;
    words of a neutral group ("said", "told") map to "" and count as no fact. (The groups are
    English words, stemmed as English.)"""
    stem = _stemmer("english")
    neutral = set(vocab.words("neutral_concept_groups"))
    groups = {}
    for name, members in vocab.table("concept_groups").items():
        for member in members:
            key = " ".join(stem(w) for w in member.lower().split())
            groups[key] = "" if name in neutral else f"={name}"
    return groups


def _facts(
    unigrams: set[str],
    stems: list[str],
    groups: Mapping[str, str],
    text: str,
) -> frozenset[str]:
    """The facts a sentence states, for restatement checks: content stems, a concept group's words
    (stop words such as "unlikely" included) as the group, and amounts by value ("$41m" and "$41
    million" are both "#41000000")."""
    facts = {groups.get(u, u) for u in unigrams if not u[:1].isdigit()}
    facts.update(groups[s] for s in stems if s in groups)
    for size in range(2, MAX_GROUP_WORDS + 1):  # "hold off", "end to the war"
        for k in range(len(stems) - size + 1):
            phrase = " ".join(stems[k : k + size])
            if phrase in groups:
                facts.add(groups[phrase])
    facts.update("#" + amount for amount in amounts(text))
    facts.discard("")
    return frozenset(facts)


def digest(sentences: Sequence[str], count: int, language: str = "english") -> list[str]:
    """Return the `count` most central sentences of one article (sumy LexRank), in text order.

    Only the head of a long article is read (`DIGEST_SENTENCES`, `DIGEST_WORDS`), less what is
    no statement (headlines, captions, the writer's teaser questions: `is_fragment`) and what
    needs the sentence before it ("But crowds cheered ...": `leans_on_previous`).
    """
    sentences = [
        s for s in _head(sentences) if not is_fragment(s) and not leans_on_previous(s)
    ] or list(sentences[:1])
    if len(sentences) <= count:
        return list(sentences)
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = SumyTokenizer(language)
    document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])
    summarizer = LexRankSummarizer(Stemmer(language))
    summarizer.stop_words = get_stop_words(language)
    chosen = {str(s) for s in summarizer(document, count)}
    return [s for s in sentences if s in chosen][:count]


def _head(sentences: Sequence[str]) -> Sequence[str]:
    """The leading sentences within the digest's bounds (always at least the first)."""
    words_so_far = 0
    for i, sentence in enumerate(sentences[:DIGEST_SENTENCES]):
        words_so_far += word_count(sentence)
        if words_so_far > DIGEST_WORDS and i > 0:
            return sentences[:i]
    return sentences[:DIGEST_SENTENCES]


def _group_by_document(candidates: list[Candidate]) -> Iterable[list[Candidate]]:
    current: list[Candidate] = []
    for candidate in candidates:
        if current and candidate.document != current[0].document:
            yield current
            current = []
        current.append(candidate)
    if current:
        yield current


def _position_factor(index: int) -> float:
    return 1.0 + POSITION_WEIGHT / (1.0 + index / POSITION_SCALE)


def _is_word(token: str) -> bool:
    return any(ch.isalpha() for ch in token) or any(ch in "$€£%" for ch in token) or token.isdigit()


@cache
def _stemmer(language: str):
    """Return a cached Snowball stemmer (the algorithm sumy's own Stemmer wraps, without NLTK's
    0.4 s import on every run)."""
    import snowballstemmer

    base = snowballstemmer.stemmer(language)
    cached: dict[str, str] = {}

    def stem(word: str) -> str:
        found = cached.get(word)
        if found is None:
            found = cached[word] = base.stemWord(word)
        return found

    return stem


def log_scale(value: float) -> float:
    """Return a gentle boost for counts (1 source -> 1.0, 2 -> 1.69, 3 -> 2.1)."""
    return 1.0 + math.log(max(value, 1.0))
