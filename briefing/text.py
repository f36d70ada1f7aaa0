"""Sentence and word splitting with no data downloads, and the tokenizer sumy is given.

sumy's own tokenizer needs NLTK's punkt data, which is a download; this module gives sentence
boundaries from rules (terminal punctuation, closing quotes, abbreviations, initials, decimals) and
words from one regular expression. Sentences are returned as spans of the input, so every sentence
the brief quotes is a verbatim slice of its source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from briefing.vocabulary import Vocabulary, shipped

_BOUNDARY = re.compile(
    r"""(?P<end>[.!?…]+)             # terminal punctuation
        (?P<close>[\"'”’»)\]]*)        # closing quotes or brackets that belong to the sentence
        (?P<gap>\s+)                   # white space
        (?=[\"'“‘«(\[]*[\w$€£])        # the next sentence starts with a word, maybe quoted""",
    re.VERBOSE,
)
LAST_WORD_WINDOW = 64  # the word before a full stop is found in this many characters, not all
_LAST_WORD = re.compile(r"([\w.'’-]+)\W*$")
_WORD = re.compile(r"[\w$€£%]+(?:[-'’.,][\w]+)*", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass(frozen=True)
class _Words:
    """The splitter's vocabulary: abbreviations (months and weekdays included) and the words that
    show a new sentence has begun after an ambiguous abbreviation."""

    abbreviations: frozenset[str]
    starters: frozenset[str]


def _splitter_words(vocab: Vocabulary) -> _Words:
    abbreviations = {*vocab.words("abbreviations"), *vocab.words("weekday_abbreviations")}
    abbreviations.update(a for names in vocab.table("months").values() for a in names)
    return _Words(frozenset(abbreviations), frozenset(vocab.words("sentence_starters")))


def split_sentences(text: str, vocab: Vocabulary | None = None) -> list[str]:
    """Return the sentences of `text`, each a verbatim, stripped slice of it."""
    return [text[start:end] for start, end in sentence_spans(text, vocab)]


def sentence_spans(text: str, vocab: Vocabulary | None = None) -> Iterator[tuple[int, int]]:
    """Yield `(start, end)` offsets of each sentence in `text`, paragraphs never joined."""
    known = (vocab or shipped()).compiled(_splitter_words)
    if len(text) <= MEMO_CHARS:
        yield from _remembered_spans(text, known)
    else:
        yield from _spans(text, known)


# Reading one article splits a paragraph up to three times (furniture, captions, sentences): the
# latest paragraphs' spans are kept. Only paragraphs of ordinary length, so that the memo stays small.
MEMO_CHARS = 20_000
MEMO_PARAGRAPHS = 256


def _spans(text: str, known: _Words) -> Iterator[tuple[int, int]]:
    for para_start, para_end in _paragraph_spans(text):
        yield from _sentence_spans_in(text, para_start, para_end, known)


@lru_cache(maxsize=MEMO_PARAGRAPHS)
def _remembered_spans(text: str, known: _Words) -> tuple[tuple[int, int], ...]:
    return tuple(_spans(text, known))


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer(r"\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _sentence_spans_in(text: str, start: int, end: int, known: _Words) -> Iterator[tuple[int, int]]:
    paragraph = text[start:end]
    cursor = 0
    for match in _BOUNDARY.finditer(paragraph):
        if not _is_boundary(paragraph, match, known):
            continue
        if _inside_quotation(paragraph[cursor : match.end("close")], paragraph[match.end() :]):
            continue
        yield from _trimmed(text, start + cursor, start + match.start("gap"))
        cursor = match.end("gap")
    yield from _trimmed(text, start + cursor, end)


# Stray punctuation after a finished sentence ("... this source. ."), left by copy-paste.
_STRAY_TAIL = re.compile(r"(?<=[.!?…\"”’)])(\s+[.,;:\-–—]+)+\s*$")


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    stray = _STRAY_TAIL.search(text, start, end)
    if stray:
        end = stray.start()
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and _LETTER.search(text, start, end):
        yield start, end


def _inside_quotation(sentence: str, rest: str) -> bool:
    """Tell whether a quotation opened in `sentence` is still open and closes later in `rest`.

    A quote of several sentences followed by its attribution ("“A. B,” he said.") stays one
    statement, so the brief never cites half a quotation.
    """
    curly_open = sentence.count("“") > sentence.count("”") and "”" in rest
    straight_open = sentence.count('"') % 2 == 1 and '"' in rest
    return curly_open or straight_open


def _is_boundary(paragraph: str, match: re.Match[str], known: _Words) -> bool:
    stop = match.group("end")
    following = paragraph[match.end("gap") :].lstrip("\"'“‘«([")
    if following[:1].islower():
        return False  # “Is it over?” she asked. / "... we will," he said.
    if stop != "." or match.group("close"):
        return True
    before = paragraph[max(0, match.start("end") - LAST_WORD_WINDOW) : match.start("end")]
    last = _LAST_WORD.search(before)
    word = last.group(1).lower().rstrip(".") if last else ""
    following = paragraph[match.end("gap") :].lstrip("\"'“‘«([")
    next_word = re.match(r"[\w$€£]+", following)
    next_token = next_word.group(0) if next_word else ""
    if next_token[:1].islower():
        return False
    if word in known.abbreviations:
        # "Dec. 3" and "Mr. Smith" continue; "... in Dec. The next" does not.
        return next_token.lower() in known.starters
    if len(word) == 1 and word.isalpha():
        return False  # an initial: "Joe R. Biden"
    if "." in word:  # "U.S." or "a.m." ends a sentence only before a clear sentence start
        return next_token.lower() in known.starters
    return True


def words(text: str) -> list[str]:
    """Return the word tokens of `text` (numbers and amounts included), in order."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    """Return how many words a reader would count in `text`."""
    return len(text.split())


class SumyTokenizer:
    """The tokenizer object sumy expects (`to_sentences`, `to_words`), with no NLTK data."""

    def __init__(self, language: str = "english") -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


# An amount as written: "$41m", "£31.5bn", "41 million", "3,500"; its scale word multiplies it.
_AMOUNT = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?:\s*(k|m|bn|b|tn|thousand|million|billion|trillion)\b)?",
    re.I,
)
_SCALE = {
    "k": 10**3, "thousand": 10**3, "m": 10**6, "million": 10**6, "b": 10**9, "bn": 10**9,
    "billion": 10**9, "tn": 10**12, "trillion": 10**12,
}  # fmt: skip


def amounts(text: str) -> list[str]:
    """Return the numbers of `text` by value, as text: "$41m" and "41 million" are "41000000",
    "3,500" is "3500", "4.9" stays "4.9"."""
    found = []
    for match in _AMOUNT.finditer(text):
        digits, scale = match.group(1).replace(",", "").rstrip("."), match.group(2)
        if not scale:
            found.append(digits)
            continue
        try:
            value = Decimal(digits) * _SCALE[scale.lower()]
        except InvalidOperation:
            found.append(digits)
            continue
        found.append(format(value.normalize(), "f"))
    return found


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def unquoted(text: str) -> str:
    """Return `text` with what it quotes blanked out (same length, so positions still hold): the
    sentence's own words, not the speaker's."""
    return _QUOTED.sub(lambda quote: " " * len(quote.group()), text)


def numbers(text: str) -> dict[str, tuple[str, str]]:
    """Return the numbers written in digits in `text`, normalised ("3,500" is "3500"), each with
    the words on either side of it ("than", "delegates")."""
    found = {}
    for match in _NUMBER.finditer(text):
        before = _WORD.findall(text[max(0, match.start() - LAST_WORD_WINDOW) : match.start()])
        after = _WORD.findall(text[match.end() : match.end() + LAST_WORD_WINDOW])
        value = match.group(0).replace(",", "")
        found[value] = (before[-1].lower() if before else "", after[0].lower() if after else "")
    return found


def numbers_differ(first: str, second: str) -> bool:
    """Tell whether two sentences give different numbers for the same thing: a number of one
    stands where the other has another number (same word before or after it)."""
    mine, theirs = numbers(first), numbers(second)
    for value, (before, after) in mine.items():
        for other, (other_before, other_after) in theirs.items():
            same_place = (before and before == other_before) or (after and after == other_after)
            if same_place and other != value and other not in mine and value not in theirs:
                return True
    return False


@cache
def stop_words(language: str) -> frozenset[str]:
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
