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
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from briefing.text import SumyTokenizer, word_count, words

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
# A candidate whose content words are mostly those of a sentence already chosen is a restatement.
MAX_OVERLAP = 0.6
# LexRank compares every pair of sentences: its time grows with the square of the article. A digest
# reads the head of the article only, where a news story puts its main facts (the inverted
# pyramid): at most this many sentences and words, so that any article, up to the 5 MB a file
# may hold, is digested in a fraction of a second. A news article rarely has more than 60.
DIGEST_SENTENCES = 100
DIGEST_WORDS = 3000


@dataclass(frozen=True)
class Candidate:
    """One sentence of one article, with the concepts it carries."""

    text: str
    document: int
    index: int
    words: int
    stems: frozenset[str]
    concepts: tuple[str, ...]


class Engine:
    """Salience and selection over the sentences of a set of documents."""

    def __init__(
        self,
        documents: Sequence[Sequence[str]],
        language: str = "english",
        length_exponent: float = LENGTH_EXPONENT,
    ) -> None:
        self.length_exponent = length_exponent
        stem, stop = _stemmer(language), _stop_words(language)
        self.candidates: list[Candidate] = []
        for d, sentences in enumerate(documents):
            for i, sentence in enumerate(sentences):
                tokens = [t.lower() for t in words(sentence)]
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
                self.candidates.append(
                    Candidate(
                        text=sentence,
                        document=d,
                        index=i,
                        words=word_count(sentence),  # as a reader counts: the budget's unit
                        stems=frozenset(unigrams),
                        concepts=tuple(sorted(bigrams)) + tuple(sorted(unigrams)),
                    )
                )
        self.weights = self._concept_weights(len(documents))
        self.scores = [self._static_score(c) for c in self.candidates]

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

    def _static_score(self, candidate: Candidate) -> float:
        if not MIN_WORDS <= candidate.words <= MAX_WORDS:
            return 0.0
        weight = sum(self.weights[c] for c in candidate.concepts)
        return weight * _position_factor(candidate.index)

    def salience(self) -> list[float]:
        """Return each candidate's salience per word, scaled to 0..1."""
        rates = [
            s / self._length(c.words) for s, c in zip(self.scores, self.candidates, strict=True)
        ]
        top = max(rates, default=0.0) or 1.0
        return [r / top for r in rates]

    def select(
        self,
        budget: int,
        *,
        pool: Iterable[int] | None = None,
        boost: Mapping[int, float] | None = None,
        covered: set[str] | None = None,
        chosen: list[int] | None = None,
        limit: int | None = None,
        accept: Callable[[int, list[int]], bool] | None = None,
    ) -> list[int]:
        """Pick candidates greedily by uncovered concept weight per word, within `budget` words.

        `boost` multiplies a candidate's gain (section relevance, corroboration); `covered` holds
        concepts already said elsewhere in the brief and is updated; `chosen` are earlier picks
        that new ones must not restate; `accept(i, picked)` may veto a pick (e.g. an actor's quota).
        """
        covered = covered if covered is not None else set()
        earlier = [self.candidates[i].stems for i in (chosen or [])]
        boost = boost or {}
        indexes = range(len(self.candidates)) if pool is None else pool
        heap = []
        for i in indexes:
            gain = self.gain(i, covered, boost)
            if gain > 0:
                heapq.heappush(heap, (-gain, i))
        picked: list[int] = []
        used = 0
        while heap and (limit is None or len(picked) < limit):
            negative, i = heapq.heappop(heap)
            gain = self.gain(i, covered, boost)
            if gain <= 0:
                continue
            if heap and gain < -heap[0][0] - 1e-12:
                heapq.heappush(heap, (-gain, i))  # stale bound: re-queue with the true gain
                continue
            candidate = self.candidates[i]
            if used + candidate.words > budget:
                continue
            if any(_overlap(candidate.stems, other) > MAX_OVERLAP for other in earlier):
                continue
            if accept is not None and not accept(i, picked):
                continue
            picked.append(i)
            earlier.append(candidate.stems)
            covered.update(candidate.concepts)
            used += candidate.words
        return picked

    def restates(self, i: int, chosen: Iterable[int]) -> bool:
        """Tell whether candidate i mostly repeats the words of one already chosen."""
        stems = self.candidates[i].stems
        return any(_overlap(stems, self.candidates[j].stems) > MAX_OVERLAP for j in chosen)

    def _length(self, words_in_sentence: int) -> float:
        return max(words_in_sentence, 1) ** self.length_exponent

    def gain(self, i: int, covered: set[str], boost: Mapping[int, float]) -> float:
        """Return candidate i's uncovered concept weight per word, times its boost."""
        candidate = self.candidates[i]
        if self.scores[i] <= 0:
            return 0.0
        fresh = sum(self.weights[c] for c in candidate.concepts if c not in covered)
        factor = _position_factor(candidate.index) * boost.get(i, 1.0)
        return fresh * factor / self._length(candidate.words)


def summarize(documents: Sequence[Sequence[str]], words_budget: int) -> list[str]:
    """Return a summary of the documents (lists of sentences): verbatim sentences in reading order
    (by document, then position) within `words_budget` words."""
    engine = Engine(documents)
    picked = engine.select(words_budget)
    ordered = sorted(
        picked, key=lambda i: (engine.candidates[i].document, engine.candidates[i].index)
    )
    return [engine.candidates[i].text for i in ordered]


def digest(sentences: Sequence[str], count: int, language: str = "english") -> list[str]:
    """Return the `count` most central sentences of one article (sumy LexRank), in text order.

    Only the head of a long article is read (`DIGEST_SENTENCES`, `DIGEST_WORDS`).
    """
    sentences = _head(sentences)
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


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


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


@cache
def _stop_words(language: str) -> frozenset[str]:
    """Return sumy's stop words for `language`, read from its data file (importing sumy.utils would
    pull in an HTTP client the brief never uses)."""
    from importlib.resources import files

    data = files("sumy") / "data" / "stopwords" / f"{language}.txt"
    try:
        text = data.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        from sumy.utils import get_stop_words

        return frozenset(get_stop_words(language))
    return frozenset(w.strip() for w in text.splitlines() if w.strip())


def log_scale(value: float) -> float:
    """Return a gentle boost for counts (1 source -> 1.0, 2 -> 1.69, 3 -> 2.1)."""
    return 1.0 + math.log(max(value, 1.0))
