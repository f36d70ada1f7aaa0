"""Quality bench (issue 10): the defects an analyst strikes out of a brief, counted per brief.

    python bench/quality_bench.py [--split dev|test|all] [--limit N] [--examples] [--json FILE]
                                  [--compare FILE] [--dump DIR] [--no-summary] [--calibrate] [--seed]

Each Multi-News cluster is pasted as a folder of plain `.txt` files (no front matter, no profile)
and built into a brief with the Python API, undated articles included. Splits: `dev` is every
cluster whose index % 3 != 0 (tune on it), `test` every cluster whose index % 3 == 0 (held out),
`all` both; `--limit N` keeps the first N of the split.

The detectors below are this bench's own, deliberately simple and independent of `briefing`'s
heuristics (nothing from `briefing` is imported for them): regular expressions, a stop-word
list, the Porter stemmer and the gazetteer in `bench/data/actors.tsv`. `--examples` prints every
flagged item with its cluster id and reason, so a human can audit them; `--json FILE` keeps the
per-cluster counts and flags, and `--compare FILE` prints a saved run's counts beside this one's
(before/after a change), with the clusters that changed most; `--seed` runs the detectors on
the seed brief instead. What each count means, and where each detector errs, is in the docstring
of its function and in bench/RESULTS.md.

Key points are also judged as a summary: their first 100 words, ROUGE-2 recall (rouge-score,
Porter stemming) against the cluster's human summary, beside the engine's own 100-word summary,
sumy's LexRank and the lead, all on the same cleaned sentences.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import combinations
from pathlib import Path

from common import load_clusters
from nltk.stem.porter import PorterStemmer

from briefing.corpus import load_corpus
from briefing.errors import BriefingError
from briefing.model import Brief, Statement
from briefing.pipeline import Options, build_brief

HERE = Path(__file__).resolve().parent
GAZETTEER = HERE / "data" / "actors.tsv"
SEEDS = HERE.parent / "seeds"
SEED_DAY = date(2024, 12, 3)  # the date of `make brief`
BRIEF_DAY = date(2024, 12, 3)  # any day will do: the sample's articles are undated
SUMMARY_WORDS = 100  # the issue judges key points by their first 100 words
TEST_EVERY = 3  # index % 3 == 0 is the held-out test split: a third, spread over the sample

# ---------------------------------------------------------------------------------------------
# Plain text helpers (the bench's own, not the product's)

# Words a sentence may not be split after although they end with a full stop.
_ABBREVIATIONS = frozenset(
    (
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gov", "sen", "rep", "gen", "lt",
        "col", "sgt", "capt", "cmdr", "no", "vs", "inc", "corp", "co", "ltd", "prof", "rev",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mt", "ft", "ave", "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m",
    )
)  # fmt: skip
_SPLIT = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
# A number keeps its unit ("400ft", "$1.1bn"), so the unit is not taken for a word.
_TOKEN = re.compile(r"\d[\d,.]*[A-Za-z]*|[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")
_LEADING = "\"'“”‘’«»„([—–- \t"

STOP_WORDS = frozenset(
    line.strip()
    for line in (HERE / "data" / "stop_words.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
_SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3,
    "bn": 1e9, "mn": 1e6, "tn": 1e12,  # not "m": "580m" is as often metres
}  # fmt: skip
_NUMBER = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?|(?:" + "|".join(_NUMBER_WORDS) + r")\b)"
    r"(?:\s*(bn|mn|tn|k)\b|\s+(thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)

_stem = cache(PorterStemmer().stem)


def split_sentences(text: str) -> list[str]:
    """Split text into sentences: after . ! ? and before a capital or digit, not after a common
    abbreviation or an initial."""
    sentences: list[str] = []
    for line in text.splitlines():
        start = 0
        for match in _SPLIT.finditer(line):
            before = line[start : match.start()].split()
            last = before[-1].rstrip(".!?\"”’')").lower() if before else ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
            sentences.append(line[start : match.start()].strip())
            start = match.end()
        if line[start:].strip():
            sentences.append(line[start:].strip())
    return [s for s in sentences if s]


def first_sentence(text: str) -> str:
    sentences = split_sentences(text)
    return sentences[0] if sentences else text


def words_of(text: str) -> list[str]:
    return text.split()


def content_stems(text: str) -> set[str]:
    """Porter stems of the content words (stop words and one-letter tokens left out)."""
    stems = set()
    for token in _TOKEN.findall(text):
        low = token.lower().replace("’", "'").rstrip(".")
        if low in STOP_WORDS or len(low) < 2 or low[0].isdigit():
            continue
        stems.add(_stem(low.removesuffix("'s")))
    return stems


def entity_words(text: str) -> set[str]:
    """Capitalised words that are not stop words: a cheap stand-in for named entities."""
    return {
        t.lower().rstrip(".")
        for t in _TOKEN.findall(text)
        if t[0].isupper() and t.lower().rstrip(".") not in STOP_WORDS and len(t) > 1
    }


def numbers_of(text: str) -> set[float]:
    """Numbers a sentence states, in digits or words, scaled ("2.5 million" -> 2500000)."""
    found = set()
    for match in _NUMBER.finditer(text):
        raw, scale = match.group(1).lower(), match.group(2) or match.group(3)
        if raw in _NUMBER_WORDS:
            value = float(_NUMBER_WORDS[raw])
        else:
            try:
                value = float(raw.replace(",", ""))
            except ValueError:
                continue
        if scale:
            value *= _SCALES[scale.lower()]
        found.add(value)
    return found


def strip_leading(text: str) -> str:
    return text.lstrip(_LEADING)


# ---------------------------------------------------------------------------------------------
# The brief as units: every statement with where it stands


@dataclass(frozen=True)
class Unit:
    where: str  # "key_points #2", "positions / Ukraine", "outlook / timeline"
    section: str
    statement: Statement

    @property
    def text(self) -> str:
        """What the reader sees: a statement with the sentences it is shown with, if any (a
        pair is judged as one unit, by its first sentence)."""
        text = getattr(self.statement, "quoted", self.statement.text)
        # The speaker label the brief prints before a quotation that does not name its speaker.
        speaker = getattr(self.statement, "speaker", "")
        return f"{speaker}: {text}" if speaker else text


@dataclass(frozen=True)
class Flag:
    kind: str
    where: str
    text: str
    why: str


def units_of(brief: Brief) -> list[Unit]:
    units = []
    for section in brief.sections:
        for group in section.groups:
            units += [
                Unit(f"{section.key} / {group.actor}", section.key, s) for s in group.statements
            ]
        units += [
            Unit(f"{section.key} / timeline", section.key, e.statement) for e in section.events
        ]
        units += [
            Unit(f"{section.key} #{n}", section.key, s)
            for n, s in enumerate(section.statements, start=1)
        ]
    return units


# ---------------------------------------------------------------------------------------------
# Dangling statements

_CONNECTIVE = re.compile(
    r"^(?:However|But|Meanwhile|Yet|Also|Instead(?! of\b)|And|Then(?!-)|Thus|Therefore|Hence|"
    r"Moreover|Furthermore|Nevertheless|Nonetheless|In addition(?! to\b)|Besides|Likewise|"
    r"Similarly|Otherwise|Even so|Even then|In turn|As a result|By contrast|By comparison|"
    r"In contrast(?! (?:with|to)\b)|On the other hand|At the same time|In the meantime|In response|"
    r"For (?:his|her|its|their) part|On a \w+ note|Again(?=,)|Or|"
    r"Still(?=,|\s+[a-z])|So(?=,|\s+(?!far\b|many\b|much\b|long\b)[a-z]))\b(?!-)"
)
_PRONOUN = re.compile(
    r"^(?:[A-Z]\w+ly,\s+)?(?:He|She|They|It|His|Her|Their|Its|Him|Them|he|she|they|it)\b(?![-'’]?s\b)|"
    r"^(?:[A-Z]\w+ly,\s+)?(?:It|it)['’]s\b"
)  # "He said", "Amazingly, he got off again"
_IT_VERB = (
    r"^It(?:['’]s| is| was| has been| had been| will be| would be| remains| remained| seems| "
    r"seemed| appears| appeared| became| becomes| may be| could be| might be)"
)
# "It is unclear whether", "It is believed ...", "It took hours to": an empty "it".
_EMPTY_IT = re.compile(
    rf"{_IT_VERB}\b(?:\s+[\w’'-]+){{0,7}}?\s+(?:that|whether|if|how|why|what|when|who|where)\b|"
    rf"{_IT_VERB}(?: not)?(?: yet| widely| generally| now| too| also)? (?:believed|thought|understood|"
    r"expected|reported|said|feared|hoped|claimed|alleged|estimated|known|likely|unlikely|"
    r"possible|impossible|clear|unclear|important|necessary|hard|difficult|easy|time|official|"
    r"early|late|worth|true|false)\b|"
    r"^It (?:takes|took|will take|would take|could take)\b.{0,60}?\bto\b"
)
_DEMONSTRATIVE = re.compile(
    r"^(?:This|That|These|Those|Such|Another|Both(?!(?: [\w’'-]+){1,6} and\b)|The latter|The two|"
    r"The same)\b(?!-)"
)
# "This week" and the like point at the time of writing, not at an earlier sentence.
_DEICTIC_TIME = re.compile(
    r"^This (?:past |coming )?(?:week|weekend|month|year|morning|afternoon|evening|spring|summer|"
    r"fall|autumn|winter|season|time of year)\b"
)
# "Two years later", "Moments later", "Afterwards": after what?
_RELATIVE_TIME = re.compile(
    r"^(?:(?:\w+ |a |a few |several )?(?:years?|months?|weeks?|days?|hours?|minutes?|moments?|"
    r"seconds?) (?:later|afterwards?)|Later(?=,| that| in the| on)|Afterwards?|After that|Since then|"
    r"At the time|By then|Until then)\b",
    re.IGNORECASE,
)
_ROLES = (
    r"official|officials|spokesman|spokeswoman|spokesperson|minister|president|senator|lawmaker|"
    r"legislator|congressman|congresswoman|governor|mayor|diplomat|diplomats|source|sources|"
    r"officer|officers|man|woman|men|women|boy|girl|suspect|victim|victims|couple|pair|lawyer|"
    r"attorney|judge|leader|chairman|chairwoman|ambassador|envoy|actor|actress|singer|star|"
    r"company|firm|group|agency|ministry|department|father|mother|son|daughter|teen|teenager|"
    r"child|family|driver|gunman|shooter|player|coach|candidate|prosecutor|prosecutors|author|"
    r"professor|doctor|researcher|researchers|student|pilot|executive|analyst"
)
# A definite role never introduced: "The official said ...". A name right after the role, or a
# defining clause ("The man who ...", "the minister of Finance"), introduces it.
_ROLE = re.compile(
    rf"^The(?: [a-z][\w-]*){{0,3}}? (?:{_ROLES})\b(?!-)"
    rf"(?!,? (?:[A-Z][\w’'.-]+ ){{0,2}}[A-Z][\w’'-]+\b(?! said)|,? who\b|,? that\b|"
    rf" (?:of|for|at|in|from) (?:the |a |an )?[A-Z]| accused\b| charged\b| named\b| identified\b)"
)
# "do that", "did so", "thinks so" early in a sentence point back; later, usually to its own start
# ("said it would be possible to develop a drug and that work towards doing so ...").
_DO_THAT = re.compile(
    r"\b(?:(?:do|does|did|doing|done)\s+(?:that|so|this)(?!\s+which\b)|"
    r"(?:think|thinks|thought|believe|believes|hope|hopes)\s+so)\b"
)
DO_THAT_WORDS = 10
# "Defense Minister Laurynas Kasciunas said it should happen now": an office holder said "it" does
# something, and the statement never says what "it" is. An office title before the name marks a
# person (a company or agency may well be "it"); "said it was important to ..." is an empty "it".
_PERSON_SAID_IT = re.compile(
    r"\b(?:Minister|President|Secretary|Senator|Sen\.|Governor|Gov\.|Mayor|Chancellor|Ambassador|"
    r"[Ss]pokes(?:man|woman|person)|Director|Chairman|Chairwoman|Commissioner|General|Judge|Rep\.|"
    r"[Ll]eader|Premier|Envoy) (?P<who>[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+)*) (?:said|says|told|"
    r"added|argued|insisted|warned|stressed|noted|believes|thinks) (?:that )?(?:it|this|that) "
    r"(?:should|would|will|could|must|is|was|has|had|can|may|might)\b(?!(?:\s+[\w’'-]+){0,6}?\s+(?:to|that)\b)"
)
# Singular persons only: "they" and "their" usually have a plural noun before them in the same
# sentence ("the flies ... their bodies").
_PERSONAL = re.compile(r"\b(?:he|she|him|her|his)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")


def dangling_flags(units: Sequence[Unit]) -> list[Flag]:
    """Statements that lean on a sentence the reader never saw (the first sentence is judged).

    - dangling_connective: opens (after quote marks) with a connective that answers an earlier
      sentence: However, But, Meanwhile, Still, Yet, Also, Instead, And, Then, So, Thus, Moreover,
      In addition, Nevertheless, On the other hand, For his part ... ("So far", "Instead of",
      "In addition to", "Then-President" are not).
    - dangling_reference: opens with a personal pronoun or possessive (He, She, They, It, His,
      Her, Their, Its, also after "Amazingly,"; not an empty "It is unclear whether", "It is
      believed", "It took hours to"), a demonstrative (This, That, These, Those, Such; not "This
      week"), Another, Both (not "Both X and Y"), The latter, The two, The same, a time relative to
      an untold event ("Two years later", "Moments later", "Afterwards"), or a definite role never
      named ("The official said", "The company", unless a name or "who"/"of X" follows); or says
      "do that", "did so", "thinks so" within its first ten words; or has a person say "it"
      does something ("Defense Minister Laurynas Kasciunas said it should happen now").
    - dangling_pronoun: speaks of he or she (", he said", "As he prepares ...") and names no one
      outside quotation marks anywhere in the statement.
    """
    flags = []
    for unit in units:
        kind, why = _dangling(unit.text)
        if kind:
            flags.append(Flag(kind, unit.where, unit.text, why))
    return flags


def _dangling(text: str) -> tuple[str, str]:
    sentence = first_sentence(text)
    opening = strip_leading(sentence)
    if match := _CONNECTIVE.match(opening):
        return "dangling_connective", match.group(0)
    if (match := _PRONOUN.match(opening)) and not _EMPTY_IT.match(opening):
        return "dangling_reference", f"pronoun {match.group(0)!r}"
    if (match := _DEMONSTRATIVE.match(opening)) and not _DEICTIC_TIME.match(opening):
        return "dangling_reference", f"refers back: {match.group(0)!r}"
    if match := _RELATIVE_TIME.match(opening):
        return "dangling_reference", f"time relative to an untold event: {match.group(0)!r}"
    if match := _ROLE.match(opening):
        return "dangling_reference", f"role never named: {match.group(0)!r}"
    match = _DO_THAT.search(sentence)
    if match and len(sentence[: match.start()].split()) < DO_THAT_WORDS:
        return "dangling_reference", repr(match.group(0))
    if match := _PERSON_SAID_IT.search(_QUOTED.sub(" ", sentence)):
        return "dangling_reference", f"what is it? {match.group(0)!r}"
    outside = _QUOTED.sub(" ", text)
    if (match := _PERSONAL.search(outside)) and not _names_a_person(outside):
        return "dangling_pronoun", f"{match.group(0)!r} and no name outside quotes"
    return "", ""


def _names_a_person(text: str) -> bool:
    """Whether `text` (quotations removed) has a name: a capitalised word inside a sentence, or
    one opening it that is not a stop word ("Police", not "As")."""
    for sentence in split_sentences(strip_leading(text)):
        tokens = _TOKEN.findall(sentence)
        if tokens and tokens[0][0].isupper() and tokens[0].lower() not in STOP_WORDS:
            return True
        if any(t[0].isupper() and t != "I" for t in tokens[1:]):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Restatements


@dataclass(frozen=True)
class PairFeatures:
    jaccard: float  # content-stem Jaccard
    weighted: float  # shared content stems over the smaller statement's, weighted by rarity
    shared: int  # shared content stems
    entities: int  # shared capitalised words
    numbers: int  # shared distinctive numbers (within NUMBER_TOLERANCE) and years
    others: int  # shared content stems that are not capitalised words
    conflict: bool  # both state quantities (not years, dates, times) and share none of them


# Calibrated on JUDGED_PAIRS (run --calibrate): a pair restates when
# - most content words of the smaller statement recur, weighted by their rarity in the cluster
#   (WEIGHTED_CONTAINMENT), with at least MIN_OTHERS shared words that are not names, or
# - they share a name, a distinctive number or a year and NUMBER_OTHERS more content words (the
#   same event and figure), or
# - they share MANY_OTHERS content words that are not names, however long they are;
# - and not when both give numbers and none agree: two figures are two facts ("54 million tons"
#   in the world, "12.2 million tons" in China).
WEIGHTED_CONTAINMENT = 0.45
MIN_OTHERS = 2
MANY_OTHERS = 6
NUMBER_OTHERS = 3
DISTINCTIVE_NUMBER = 10
NUMBER_TOLERANCE = 0.05  # "more than 300" priests and "301 priests" are one figure


def restates(f: PairFeatures) -> bool:
    if f.conflict:
        return False
    if f.weighted >= WEIGHTED_CONTAINMENT and f.others >= MIN_OTHERS or f.others >= MANY_OTHERS:
        return True
    return f.entities >= 1 and f.numbers >= 1 and f.others >= NUMBER_OTHERS


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_OR_TIME = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|"
    r"\b\d{1,2}:\d{2}\b|(?<=[”\"’])\d{1,3}\b"  # the last: a footnote mark after a quote
)


def quantities(text: str) -> tuple[set[float], set[float]]:
    """The numbers of a statement that measure something, and its years; days of the month,
    clock times and footnote marks are left out ("December 3" is no quantity to compare with "32 members"), and so
    is 1 ("one of them", "at one time")."""
    found = numbers_of(_DATE_OR_TIME.sub(" ", text)) - {1.0}
    years = {n for n in found if _is_year(n)}
    return found - years, years


def _is_year(value: float) -> bool:
    return value.is_integer() and 1900 <= value <= 2100


def _same_number(a: float, b: float) -> bool:
    """Equal, or within NUMBER_TOLERANCE when one of them is a round figure ("more than 300")."""
    if a == b:
        return True
    round_figure = any(len(f"{x:.0f}".rstrip("0")) <= 2 for x in (a, b) if x.is_integer())
    return round_figure and abs(a - b) <= NUMBER_TOLERANCE * max(abs(a), abs(b))


def _distinctive(value: float) -> bool:
    """A figure too specific to be shared by chance: 10 or more, or a fraction ("2 weeks" is not)."""
    return value >= DISTINCTIVE_NUMBER or not value.is_integer()


def pair_features(a: str, b: str, idf: Callable[[str], float]) -> PairFeatures:
    sa, sb = content_stems(a), content_stems(b)
    shared = sa & sb
    weight_small = min(sum(idf(s) for s in sa), sum(idf(s) for s in sb)) or 1.0
    ea, eb = entity_words(a), entity_words(b)
    entity_stems = {_stem(e) for e in ea | eb}
    (na, ya), (nb, yb) = quantities(a), quantities(b)
    common = [x for x in na if any(_same_number(x, y) for y in nb)]
    return PairFeatures(
        jaccard=len(shared) / (len(sa | sb) or 1),
        weighted=sum(idf(s) for s in shared) / weight_small,
        shared=len(shared),
        entities=len(ea & eb),
        numbers=sum(1 for x in common if _distinctive(x)) + len(ya & yb),
        others=len(shared - entity_stems),
        conflict=bool(na and nb and not common),
    )


def make_idf(texts: Iterable[str]) -> Callable[[str], float]:
    """Inverse sentence frequency of each stem over the cluster's own sentences (smoothed)."""
    df: Counter = Counter()
    n = 0
    for text in texts:
        for sentence in split_sentences(text):
            n += 1
            df.update(content_stems(sentence))
    return lambda stem: math.log((n + 1) / (df.get(stem, 0) + 1)) + 1.0


def restatement_flags(units: Sequence[Unit], idf: Callable[[str], float]) -> list[Flag]:
    """Pairs of statements anywhere in the brief (key points, sections, timeline) that say the
    same fact: the same text twice, or `restates` on their features (see the constants). Junk
    statements are left out: they are counted as junk, and captions of a gallery all look alike."""
    flags = []
    content = [u for u in units if not junk_reason(u.text)]
    for x, y in combinations(content, 2):
        if x.text == y.text:
            why = "identical"
        else:
            f = pair_features(x.text, y.text, idf)
            if not restates(f):
                continue
            why = (
                f"weighted containment {f.weighted:.2f}, shared {f.shared} (names {f.entities}, "
                f"numbers {f.numbers}, other words {f.others})"
            )
        flags.append(
            Flag(
                "restatement_pairs",
                f"{x.where}  <->  {y.where}",
                f"{x.text}\n      <-> {y.text}",
                why,
            )
        )
    return flags


# Hand-judged pairs, all from briefs this bench built (seed corpus, and dev clusters of the sample,
# cluster index in the comment); True when the two statements give the same fact. Lexical
# features cannot see every paraphrase: the seed's "no invitation at this meeting" pairs are kept
# to show the miss.
JUDGED_PAIRS: tuple[tuple[int | str, str, str, bool], ...] = (
    (
        "seed",
        "NATO is unlikely to heed Ukraine's call for an invitation to join the alliance during Tuesday's meeting on December 3.",
        "NATO foreign ministers are expected to hold off on Ukraine’s push for progress toward membership during their meeting on Tuesday, as the country seeks to secure its position before Donald Trump takes office as the next U.S. president.",
        True,
    ),
    (
        "seed",
        "NATO is unlikely to heed Ukraine's call for an invitation to join the alliance during Tuesday's meeting on December 3.",
        "However, several diplomats said on condition of anonymity that among NATO's 32 members, there are no signs of the necessary consensus for such a decision at the foreign ministers' meeting in Brussels.",
        True,
    ),
    (
        "seed",
        'Ukraine is intensifying its push for NATO membership, viewing it as the sole "real guarantee" of security against Russian aggression.',
        'Moscow remains staunchly opposed to Ukraine joining NATO, with Kremlin spokesman Dmitry Peskov labeling the prospect as "unacceptable."',
        False,
    ),
    (
        "seed",
        "“The invitation to Ukraine to join NATO is necessary for our survival,” Ukrainian President Volodymyr Zelensky insisted this weekend.",
        "Secretary-General Mark Rutte emphasized that the alliance's current focus is on supplying arms to Ukraine rather than expanding its membership.",
        False,
    ),
    (
        2,
        "Scaramucci did not specify what information was leaked, but a Politico article cited the incoming communications director’s required financial disclosure in reporting he earned $4.9 million since last year from his ownership stake in investment firm SkyBridge.",
        "The incoming White House communications director earned $4.9 million from his ownership stake in SkyBridge in addition to more than $5 million in salary between Jan. 1, 2016, and the end of June, when he joined the Export-Import Bank, according to a financial disclosure filed with the Office of Government Ethics.",
        True,
    ),
    (
        2,
        "Scaramucci did not specify what information was leaked, but a Politico article cited the incoming communications director’s required financial disclosure in reporting he earned $4.9 million since last year from his ownership stake in investment firm SkyBridge.",
        "Scaramucci earned $200,000 in income from a majority stake in Hastings Capital Group, according to his financial disclosure.",
        False,
    ),
    (
        4,
        'Professor David Allsop, from the University of Lancaster, said: "Inhibiting this pathway has produced some very dramatic and highly encouraging results in mice infected with prion disease.',
        "David Allsopp, professor of neuroscience at Lancaster University said that the study had thrown up ”very dramatic and highly encouraging results“, but said that more research was needed to overcome the \"problematic side-effects\" and to prove the technique would be effective against other disease like Alzheimer's and Parkinson's.",
        True,
    ),
    (
        5,
        "The world produced nearly 54 million tons (49 million metric tons) of used electrical and electronic products last year.",
        "In 2012, China produced about 12.2 million tons (11.1 million metric tons), followed by the U.S. with about 11 million tons (10 million metric tons).",
        False,
    ),
    (
        5,
        "In 2012, China produced about 12.2 million tons (11.1 million metric tons), followed by the U.S. with about 11 million tons (10 million metric tons).",
        "The StEP Initiative forecasts that by 2017, the world will produce about 33 percent more e-waste, or 72 million tons (65 million metric tons).",
        False,
    ),
    (
        7,
        "We are currently going through call records and text messages to determine if any of that information can help us locate Perez.",
        "Right now Orofino police have secured a search warrant for Perez’s cellphone, going through calls and text messages, in hopes of figuring out if any information can help find him.",
        True,
    ),
    (
        10,
        "CHICAGO, Jan 6 (Reuters) - U.S. researchers have developed a way to harness the immune system to test for Alzheimer's, an approach they say could lead to a blood test for the disease within months.",
        "THURSDAY, Jan. 6 (HealthDay News) -- A blood test that screens for antibodies, a protein produced by the immune system, may one day be used to detect Alzheimer's and other diseases, new research suggests.",
        True,
    ),
    (
        11,
        "However, after a Pennsylvania grand jury released a nearly 900-page report Tuesday detailing allegations of sexual abuse against 301 priests, Burns said telling parishioners at Parades' former church was necessary.",
        "► Aug. 14: Church protected more than 300 'predator priests,' grand jury says",
        True,
    ),
    (
        13,
        "Given that America hosts national elections one out of every two years, that means, in theory, that Supreme Court seats should remain unfilled fully 50 percent of the time.",
        "But the result of both sides taking SCOTUS nominations as seriously as they deserve to be taken is disastrous — it will become common for seats on the Court, perhaps multiple at one time, to remain open for years, and when they are filled, they will be filled with more extreme candidates.",
        False,
    ),
    (
        14,
        "An object, believed to be a drone, struck the front of a plane landing at Heathrow Airport from Geneva, Switzerland, about noon (7 a.m. ET), according to London's Metropolitan Police.",
        "A police investigation is under way after a passenger plane approaching Heathrow Airport flew into what is believed to have been a drone.",
        True,
    ),
    (
        14,
        "The Metropolitan Police said the plane was hit by the drone at about 1,700ft (580m) while flying over the area of Richmond Park, in south west London.",
        "Drones may not fly above 400ft (122m).",
        False,
    ),
    (
        14,
        "28 November 2015 - The pilot of an A321 plane narrowly missed a drone hovering at 100ft above a runway at Gatwick Airport",
        '13 September 2015 - A silver drone with a "balloon-like" centre missed an E170 aircraft by about 20m, while the plane was approaching London City Airport over the Thames',
        False,
    ),
    (
        14,
        "30 September 2015 - A small drone helicopter passed within 30ft of the cockpit of an A319 plane while on the approach to Heathrow",
        "27 August 2015 - A DO328 aircraft flew within 50ft of a drone while approaching Manchester Airport at 2,800ft",
        False,
    ),
    (
        16,
        "Darian Ward, a spokeswoman for the Houston Airport System, said some passengers who were scheduled to leave from Terminal B were rerouted to other terminals.",
        'According to Houston Airport System spokeswoman Darian Ward, Houston police and the FBI "interviewed quite a few people."',
        False,
    ),
    (
        16,
        "Inside a black suitcase next to where Moore was sitting, HSI, FBI and Houston PD found a black suitcase contains a Smith & Wesson AR15 assault weapon with a fully loaded magazine.",
        "In Moore's car, more .223 ammo for the weapon was found.",
        False,
    ),
    (
        19,
        "Hanford police detectives arrested Jelinajane Bedrijo Almario in May 2016.",
        "Almario’s scheme, which last a few weeks, involved posting pictures of the younger girls on different websites for prostitution, then taking the girls to motels off Highway 99 in Tulare County, said Hanford police Detective Richard Pontecorvo.",
        False,
    ),
    (
        23,
        "Making the incendiary comments Tuesday outside Nancy and Dilbeck's home, Fraschetti said Nancy spiraled into depression after Betty Lou Motes, the mother she and Roberts shared, 'rejected' her six months ago - and that she 'just couldn't handle it anymore'.",
        "'Julia tried in vain over the years, even in the last six months, to get Nancy to go to rehab,' a source close to Julia reportedly told RadarOnline.",
        False,
    ),
    (
        25,
        "At a hearing in November, his legal team said there was a high risk that Love would kill himself if extradited.",
        "29 November 2017: The Court of Appeal begins hearing Mr Love's appeal against extradition.",
        False,
    ),
    (
        26,
        "Verizon agreed to buy Yahoo’s core internet business for $4.83bn (£3.62bn) in cash on Monday, marking the final chapter in the struggling fortunes of the fading web pioneer.",
        "Verizon, the US’s largest telecommunications company by subscribers, will combine Yahoo with another fallen giant of the first internet age, AOL, which it bought last year for $4.4bn.",
        False,
    ),
    (
        26,
        "“The acquisition of Brightroll was a good one,” he said of Yahoo’s 2014 purchase of the ad platform, but he pointed out that its 2013 purchase of microblogging platform Tumblr for $1.1 billion didn’t pay off the way the company hoped.",
        "But shareholders lost faith in her after a wild spending spree in which she tried to build Yahoo’s content business by adding the blog site Tumblr, for $1.1bn, and signed deals with TV news anchor Katie Couric and the National Football League that failed to pay off.",
        True,
    ),
    (
        26,
        "In January 2000, Yahoo was valued at $125bn.",
        "The Alibaba and Yahoo Japan investments are worth about $40bn, while Yahoo had a market value of about $37.4bn as of Friday’s close.",
        False,
    ),
    (
        40,
        "This week, a survey will begin to map the underground hydrothermal features of Yellowstone National Park for the first time.",
        "(AP) — Scientists from the U.S. and Denmark are seeking to map out the plumbing system hidden inside the earth's crust that's responsible for the famous Old Faithful geyser and other hydrothermal features at Yellowstone National Park.",
        True,
    ),
    (
        41,
        "Muijres said a fly’s brain is actually more dense than a human brain.",
        "The fly’s brain may be small, but it’s very dense with neurons.",
        True,
    ),
    (
        43,
        "When Texas teen Mackenzie Wethington survived a parachuting accident Saturday, her father Joe called the 16-year-old “a miracle.”",
        "\"She's a miracle child, that she's doing well and she's going to be alright,\" Joe Wethington said.",
        True,
    ),
    (
        44,
        "In the docs they say she threatened to go to tabloids if her demands are not met.",
        "Weingarten also claims Thicke's wife has \"threatened to make her claims fodder for 'tabloid publicity' unless the Co-Trustees agreed to participate in a mediation and succumb to her demands.\"",
        True,
    ),
    (
        44,
        "Alan got rich and famous long before meeting Callau, and they signed a prenup when they wed in 2005.",
        "The older sons claim their father acquired the vast majority of his wealth long before meeting Callau, who signed a prenuptial agreement ahead of their 2005 marriage.",
        True,
    ),
    (
        46,
        '"Keep in mind that after the Civil War, many of the big planters continued to be extremely powerful figures in their regions, so there was an advantage for a freed person to keep a link to a leading white family," says Wiencek, author of "An Imperfect God: George Washington, His Slaves, and the Creation of America."',
        "Alternately, the name could have been a way to maintain ties to plantation owners who continued to be powerful regional figures after the Civil War.",
        True,
    ),
    (
        47,
        "Water from the Mt. Tabor Reservoir system tested clean of urine-related toxins Thursday, news that came as no surprise to Water Bureau administrators yet also did not change their decision to dump 38 million gallons after a man peed in the Southeast Portland storage pool a day earlier.",
        "The Portland teen is in the hot seat after surveillance video supposedly captured him taking a leak in a city reservoir early Wednesday morning, prompting officials to flush 38 million gallons of drinking water down the drain.",
        True,
    ),
    (
        47,
        "Dallas Delynn says he didn’t urinate in Portland’s drinking supply, but rather on a wall next to it.",
        "Instead, Delynn said he urinated on the wall next to Reservoir 5.",
        True,
    ),
    (
        47,
        "Kent Craford, a former lobbyist for large industrial water customers and co-petitioner of the ballot measure, said he thinks flushing 38 million gallons is a bad idea.",
        "Delynn also told Kavanaugh he thinks it's silly to flush 38 million gallons of water:",
        False,
    ),
)


def calibrate(clusters: Sequence[dict]) -> tuple[int, list[str]]:
    """Return how many hand-judged pairs `restates` gets right, and the pairs it gets wrong; each
    pair is weighed with the rarity of words in its own cluster, as in a run."""
    right, wrong = 0, []
    for where, a, b, same in JUDGED_PAIRS:
        f = pair_features(a, b, cluster_idf(where, clusters))
        if restates(f) == same:
            right += 1
        else:
            verdict = "missed" if same else "false alarm"
            wrong.append(
                f"{verdict} [{where}] (containment {f.weighted:.2f}, names {f.entities}, numbers "
                f"{f.numbers}, other words {f.others}): {a[:50]}... | {b[:50]}..."
            )
    return right, wrong


@cache
def _seed_texts() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def cluster_idf(where: int | str, clusters: Sequence[dict]) -> Callable[[str], float]:
    texts = _seed_texts() if where == "seed" else article_files(clusters[int(where)]).values()
    return make_idf(texts)


# ---------------------------------------------------------------------------------------------
# Junk: page furniture as content

JUNK_PATTERNS: tuple[tuple[str, re.Pattern], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        (
            "caption/credit",
            r"\bPhoto:|\(AP Photo|\bAP Photo/|Getty Images|\bImage (?:copyright|caption)\b|\bPhoto(?:graph)? (?:by|credit)\b|\bCredit:|\b[Ff]ile photo\b|\bin this (?:undated )?(?:handout )?(?:photo|image|picture)\b|\bHide Caption\b|\b\d+ of \d+ photos\b|[a-z]/(?:AP|AFP|Reuters|Getty|EPA|PA|Bloomberg|Shutterstock)\b|\bAFP/|\bReuters/[A-Z]|Shutterstock|\bImage:|\(Photo\b|\((?:pictured|left|right|centre|center|above|below|inset)\)",
        ),
        (
            "video/player",
            r"Media playback is (?:unsupported|not supported)|MUST WATCH|\bVIDEO:|\bWATCH:|\bWatch:|\bPlay(?:ing)? [Vv]ideo\b|\bAutoplay\b|\bNow Playing\b|\bUp Next\b|\b\d{1,2}:\d{2}(?::\d{2})?\s*$|\bClosed captioning\b|your device\b",
        ),
        (
            "dateline",
            r"^[\"“]?(?:[A-Z][\w .,'’-]{0,40}?\s*)?\((?:AP|Reuters|AFP|CNN|UPI|Bloomberg|dpa|AP/Reuters|HealthDay News|The Borowitz Report)\)|^[A-Z]{3,}(?:[ ,]+[A-Z][A-Za-z.]*){0,3}\s+(?:—|–|--)\s",
        ),
        (
            "error/archive",
            r"Wayback Machine|Internet Archive|\bcrawls?\b|\b404\b|[Pp]age (?:was )?not found|enable JavaScript|JavaScript is disabled|browser (?:does not|doesn't) support|\bWARC\b|no longer available|\bURLs\b|outbound links",
        ),
        (
            "subscription",
            r"^Subscribe\b|\bSUBSCRIBE\b|\b[Ss]ubscribe (?:now|today|here|for)\b|\b[Ss]ubscribe to (?:our|the) (?:newsletter|channel)|\b[Nn]ewsletters?\b|\bSign up\b|\bsign up for\b|\b[Cc]ookies\b|\bLog in\b|\bfree trial\b|\balready a subscriber\b|\b[Pp]rivacy [Pp]olicy\b|\bTerms of (?:Use|Service)\b|\b[Aa]ll rights reserved\b|©|\bBreaking News Emails\b|\bnews alerts\b|may not be (?:re)?published|\bredistributed\b|\bverification (?:message|email)\b|\bSpam (?:or|and) Junk\b",
        ),
        (
            "social embed",
            r"pic\.twitter\.com|\(@\w+\)|—\s*[A-Z][\w .]+\(@|\bTweet with a location\b|location information to your Tweets|\bFollow (?:us|him|her) on\b|\bShare (?:this|on)\b|\bEmbed\b|\bAdd this Tweet\b",
        ),
        (
            "prompt",
            r"^Advertisement\b|\bAdvertisement$|\b[Cc]lick here\b|\bRead more\b|\bContinue reading\b|\bStory continues\b|\bScroll down\b|\bSponsored\b|\bRelated:|\bRELATED\b|\bLearn more$|^\s*[►▶•»]|\b(?:UPDATE|Update)[Dd]?:|^Updated\b|\bUpdated (?:with|at|on)\b|\b[Pp]lease (?:review|visit|see|click|call|contact|note)\b|\bFor (?:further|more) information\b|^The following is\b|\bis an excerpt\b|thoughts of suicide|[Ss]uicide [Pp]revention [Ll]ifeline|\b[Cc]risis (?:[Ll]ine|[Hh]otline)\b|\bseek help\b",
        ),
    )
)
_SHOUT_WORD = re.compile(r"\b[A-Z]{2,}(?:['’][A-Z]+)?\b")
_ANY_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
SHOUT_SHARE = 0.5  # half the words in capitals is shouting, not acronyms
SHOUT_MIN = 3  # ... and at least three of them ("NATO and EU" is not a shout)


def junk_reason(text: str) -> str:
    """The first furniture pattern `text` matches (see JUNK_PATTERNS), or an all-caps shout."""
    for name, pattern in JUNK_PATTERNS:
        if match := pattern.search(text):
            return f"{name}: {match.group(0).strip()!r}"
    shouting = _SHOUT_WORD.findall(text)
    total = _ANY_WORD.findall(text)
    if len(shouting) >= SHOUT_MIN and len(shouting) >= SHOUT_SHARE * len(total):
        return "all-caps shout"
    return ""


def junk_flags(units: Sequence[Unit], brief: Brief) -> list[Flag]:
    """junk_statements: statements that are page furniture; junk_sources: cited sources whose
    digest is furniture (half or more of its sentences match); junk_source_titles: cited sources
    whose title (shown in every footnote) is furniture."""
    flags = []
    for unit in units:
        if why := junk_reason(unit.text):
            flags.append(Flag("junk_statements", unit.where, unit.text, why))
    for source in brief.sources:
        bad = [r for r in map(junk_reason, source.digest) if r]
        if source.digest and 2 * len(bad) >= len(source.digest):
            text = " / ".join(source.digest)
            flags.append(Flag("junk_sources", f"source {source.id}", text, "; ".join(bad)))
        if source.title and (why := junk_reason(source.title)):
            flags.append(Flag("junk_source_titles", f"source {source.id}", source.title, why))
    return flags


# ---------------------------------------------------------------------------------------------
# Actor headings


@dataclass(frozen=True)
class Gazetteer:
    entity: dict[str, str]  # normalised form -> canonical name
    kind: dict[str, str]  # canonical name -> country, region, organisation, body


def _normal(name: str) -> str:
    name = name.replace(".", "").replace("’", "'").strip().casefold()
    return name.removeprefix("the ").strip()


@cache
def load_gazetteer(path: Path = GAZETTEER) -> Gazetteer:
    entity, kind = {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        cells = line.split("\t")
        what, name = cells[0], cells[1]
        forms = [f.strip() for f in cells[2].split(";")] if len(cells) > 2 else []
        kind[name] = what
        for form in [name, *forms]:
            if form:
                entity.setdefault(_normal(form), name)
    return Gazetteer(entity, kind)


GENERIC_HEADINGS = frozenset(
    {"others", "other voices", "other", "other actors", "various", "other sources"}
)
_INSTITUTION = re.compile(
    r"\b(?:Government|Ministry|Parliament|Congress|Senate|House|Assembly|Police|Court|Army|Navy|"
    r"Air Force|Military|Forces|Party|Commission|Council|Department|Agency|Bureau|Office|"
    r"Administration|Authority|Authorities|Committee|Cabinet|Embassy|Service|University|College|"
    r"School|Hospital|Company|Inc|Corp|Corporation|Ltd|LLC|Group|Bank|Association|Federation|"
    r"Union|Institute|Foundation|Board|Organization|Organisation|Church|League|Club|Team|"
    r"Campaign|Coalition|Movement|Front|Prosecutors?|Sheriff|Airlines?|Motors|Regime|Legislature|"
    r"Tribunal|Commission|Secretariat|Guard|Republicans|Democrats|Conservatives|Labour)\b"
)
# "European allies", "Chinese officials": a place word followed by a collective noun.
_COLLECTIVE = re.compile(
    r"^(?P<place>.+?)\s+(?:allies|officials|government|leaders|forces|troops|authorities|"
    r"diplomats|lawmakers|ministers|police|military|army|navy|prosecutors|states|nations|"
    r"countries|partners|members|negotiators|regulators|investigators)$",
    re.IGNORECASE,
)


def central_in(name: str, articles: Sequence[str]) -> int:
    """How many of the cluster's articles name `name` (or, for a multi-word name, its last word)."""
    words = name.split()
    probes = [name] + ([words[-1]] if 2 <= len(words) <= 4 and len(words[-1]) > 2 else [])
    patterns = [re.compile(rf"(?<![\w-]){re.escape(p)}(?![\w-])") for p in probes]
    return sum(1 for text in articles if any(p.search(text) for p in patterns))


def central_threshold(articles: int) -> int:
    """At least half the articles and at least two: in a pair of articles every quoted person
    appears in one, so "half" alone would pass everyone."""
    return max(min(2, articles), math.ceil(articles / 2))


def heading_verdict(heading: str, articles: Sequence[str]) -> str:
    """'' when the heading is an actor, else why not; 'generic' for catch-all headings."""
    gaz = load_gazetteer()
    norm = _normal(heading)
    if norm in GENERIC_HEADINGS:
        return "generic"
    if norm in gaz.entity:
        return ""
    if _INSTITUTION.search(heading):
        return ""
    if (m := _COLLECTIVE.match(heading)) and _normal(m.group("place")) in gaz.entity:
        return ""
    owner = re.match(r"^(.+?)['’]s\s+\S", heading)  # "U.K.'s CAA": a body of a known country
    if owner and _normal(owner.group(1)) in gaz.entity:
        return ""
    seen = central_in(heading, articles)
    need = central_threshold(len(articles))
    if seen >= need:
        return ""
    return f"not in the gazetteer, no institution word, named in {seen} of {len(articles)} articles (needs {need})"


def same_actor(a: str, b: str) -> str:
    """Why two headings name the same actor: one's words contained in the other's, or the same
    gazetteer entity (a country and its demonym or capital)."""
    gaz = load_gazetteer()
    ca, cb = gaz.entity.get(_normal(a)), gaz.entity.get(_normal(b))
    if ca and ca == cb:
        return f"both are {ca}"
    wa, wb = set(_normal(a).split()), set(_normal(b).split())
    if wa and wb and (wa <= wb or wb <= wa):
        return "one name contains the other"
    return ""


def heading_flags(brief: Brief, articles: Sequence[str]) -> list[Flag]:
    """bad_headings: Positions headings that are not an actor (see `heading_verdict`);
    generic_headings: "Others"-style catch-alls (allowed, counted apart); duplicate_headings:
    pairs of headings that are the same actor (see `same_actor`)."""
    flags = []
    for section in brief.sections:
        headings = [g.actor for g in section.groups]
        for heading in headings:
            verdict = heading_verdict(heading, articles)
            if verdict == "generic":
                flags.append(Flag("generic_headings", section.key, heading, "catch-all"))
            elif verdict:
                flags.append(Flag("bad_headings", section.key, heading, verdict))
        real = [h for h in headings if _normal(h) not in GENERIC_HEADINGS]
        for a, b in combinations(real, 2):
            if why := same_actor(a, b):
                flags.append(Flag("duplicate_headings", section.key, f"{a} / {b}", why))
    return flags


# ---------------------------------------------------------------------------------------------
# Sections whose material does not fit

AID_WORDS = re.compile(
    r"\b(?:aid|aids|aided|assistance|fund|funds|funding|funded|grants?|loans?|pledg\w*|donat\w*|"
    r"donors?|weapon\w*|arms|munitions?|ammunition|missiles?|tanks|jets|air defen[cs]e|defen[cs]es|"
    r"military (?:support|package|equipment|hardware)|equipment|supplies|supplying|supply|"
    r"deliver\w*|shipments?|relief|bailout|subsid\w*|humanitarian|contributions?|package|"
    r"fundrais\w*|charit\w*|rais\w* [^.]{0,25}\$)\b",
    re.IGNORECASE,
)
OPEN_WORDS = re.compile(
    r"\b(?:whether|unclear|not (?:immediately )?clear|uncertain\w*|unknown|not (?:yet )?known|"
    r"not yet|yet to|undecided|could|might|doubts?|doubtful|disput\w*|disagree\w*|"
    r"declined? to (?:say|comment|discuss|confirm|elaborate|specify)|would not (?:say|comment|"
    r"confirm|discuss|elaborate)|refused to (?:say|comment|confirm)|no comment|did not (?:respond|"
    r"return|comment|say)|(?:could not|couldn['’]t|cannot|can['’]t) be reached|not immediately|has not (?:said|decided)|have not (?:said|decided)|pending|expected to "
    r"(?:decide|rule|vote|announce)|remains? to be seen|unresolved|debat\w*|contest\w*|"
    r"investigat\w*|unconfirmed|undetermined|no decision|skeptic\w*|sceptic\w*|question\w*|"
    r"consensus|no signs?|reluctan\w*|hesitan\w*|(?:do|does|did) not (?:believe|agree|accept)|"
    r"possib\w*|unlikely|(?:is|are|was|were) (?:examining|reviewing|considering|weighing|probing)|"
    r"(?:wonder\w*|ask\w*|know|determine|see|tell|figur\w* out|find out|check)\b[^.;]{0,40}\b(?:if|whether))\b|"
    r"\?|\bmay\b",
    re.IGNORECASE,
)
_MAY_MONTH = re.compile(r"\bMay\b")


def _has_open_marker(text: str) -> bool:
    for match in OPEN_WORDS.finditer(text):
        if match.group(0) == "May" and _MAY_MONTH.match(text, match.start()):
            continue  # the month
        return True
    return False


def section_flags(brief: Brief) -> list[Flag]:
    """aid_misfit_statements / open_misfit_statements: statements of the aid section with no
    aid, funding or arms-transfer word (AID_WORDS), of open questions with no marker of an
    unresolved matter (OPEN_WORDS); aid_unfit_sections / open_unfit_sections: such a section
    present with at least half its statements misfits."""
    flags = []
    tests = {"aid": ("aid", AID_WORDS.search), "open_questions": ("open", _has_open_marker)}
    for section in brief.sections:
        if section.key not in tests or section.is_empty:
            continue
        prefix, fits = tests[section.key]
        statements = [getattr(s, "quoted", s.text) for s in section.all_statements()]
        # a table row may cite a sentence shown in another section: it is this section's material too
        statements += [item.sentence for item in section.aid if item.sentence not in statements]
        misfits = [text for text in statements if not fits(text)]
        for text in misfits:
            flags.append(Flag(f"{prefix}_misfit_statements", section.key, text, "no marker word"))
        if 2 * len(misfits) >= len(statements):
            flags.append(
                Flag(
                    f"{prefix}_unfit_sections",
                    section.key,
                    section.title,
                    f"{len(misfits)} of {len(statements)} statements without a marker word",
                )
            )
    return flags


# ---------------------------------------------------------------------------------------------
# Titles

_TITLE_JOINERS = frozenset(
    ("of", "the", "de", "la", "le", "du", "von", "van", "der", "al", "bin", "for", "and", "&", "on", "in", "at", "to",)
)  # fmt: skip
GENERIC_TITLE_WORDS = frozenset(
    (
        "briefing", "brief", "news", "update", "report", "story", "police", "government",
        "president", "officials", "people", "world", "business", "politics", "today",
    )
)  # fmt: skip


def title_flags(title: str) -> list[Flag]:
    """wordlist_title: a title that is a list of 2-4 capitalised names with no lower-case content
    word ("Briefing: Morgan, Jones and CNN"), or a single generic word ("Briefing")."""
    body = re.sub(r"^Briefing:\s*", "", title).strip()
    items = [i for i in re.split(r",\s+|\s+and\s+|\s+&\s+", body) if i]
    tokens = body.replace(",", " ").split()
    lower_content = [t for t in tokens if t[:1].islower() and t.lower() not in _TITLE_JOINERS]
    if 2 <= len(items) <= 4 and not lower_content:
        return [Flag("wordlist_title", "title", title, f"a list of {len(items)} names")]
    if len(tokens) <= 1 and (
        not tokens or tokens[0].lower().strip(":") in GENERIC_TITLE_WORDS or tokens[0].islower()
    ):
        return [Flag("wordlist_title", "title", title, "one generic word")]
    return []


# ---------------------------------------------------------------------------------------------
# Corroborations whose sources give different numbers

_REPORTED = re.compile(r"\b(?:[Rr]eported|[Cc]onfirmed|[Cc]orroborated) by (\d+|\w+) sources\b")
MIN_MATCH = 0.15  # a source sentence sharing less than this (Jaccard) is not the same report


def corroboration_flags(brief: Brief, texts: dict[str, str]) -> tuple[int, list[Flag]]:
    """differing_corroborations: statements noted "Reported by N sources" where a cited source's
    most similar sentence (content-stem Jaccard) states a number the statement does not while the
    statement states one that sentence does not (2024 vs 2023, 400 vs 550; within
    NUMBER_TOLERANCE, days of the month, clock times and "one" left out); unmatched_corroborations:
    a cited source with no sentence similar at all (Jaccard < MIN_MATCH). Returns how many
    corroborated statements were checked, and the flags."""
    by_id = {s.id: s for s in brief.sources}
    checked, flags = 0, []
    for statement in brief.statements():
        if not _REPORTED.search(statement.note):
            continue
        checked += 1
        mine = set().union(*quantities(statement.text))
        stems = content_stems(statement.text)
        for source_id in statement.citation.source_ids:
            source = by_id.get(source_id)
            if source_id == statement.source_id or source is None:
                continue
            text = texts.get(Path(source.path).name, "")
            best, score = "", 0.0
            for sentence in split_sentences(text):
                other = content_stems(sentence)
                jaccard = len(stems & other) / (len(stems | other) or 1)
                if jaccard > score:
                    best, score = sentence, jaccard
            if score < MIN_MATCH:
                flags.append(
                    Flag(
                        "unmatched_corroborations",
                        f"source {source_id}",
                        statement.text,
                        f"best match {score:.2f}: {best[:120]}",
                    )
                )
                continue
            theirs = set().union(*quantities(best))
            only_mine = [x for x in mine if not any(_same_number(x, y) for y in theirs)]
            only_theirs = [y for y in theirs if not any(_same_number(x, y) for x in mine)]
            if only_mine and only_theirs:
                flags.append(Flag(
                    "differing_corroborations", f"source {source_id}",
                    f"{statement.text}\n      vs {best}",
                    f"numbers {sorted(only_mine)} vs {sorted(only_theirs)}",
                ))  # fmt: skip
    return checked, flags


# ---------------------------------------------------------------------------------------------
# Worked examples: what each single-statement detector must say (checked on every run, so that a
# change to a pattern that breaks one is seen at once). The expected value is the count a
# statement adds to, or "" for none.

DETECTOR_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("This will shatter Kyiv’s hopes for a political boost, reports Reuters.", "dangling_reference"),
    ("“Such a gesture before the arrival of the new administration would infuriate Trump.”", "dangling_reference"),
    ("\"The best way to do that is to surge money, munitions, and mobilization,\" said the official.", "dangling_reference"),
    ("Lithuanian Defense Minister Laurynas Kasciunas said it should happen now.", "dangling_reference"),
    ("The Foreign Ministry said it would respond.", ""),
    ("Party leader Harriet Harman said it was no exaggeration to say so.", ""),
    ("The official said the talks would resume.", "dangling_reference"),
    ("The spokesman, John Smith, said the talks would resume.", ""),
    ("Two years later, his dad was shot.", "dangling_reference"),
    ("It is unclear whether the talks will resume.", ""),
    ("It is believed the suspect fled.", ""),
    ("It was a huge eye-opener for us.", "dangling_reference"),
    ("This week the ministers meet in Brussels.", ""),
    ("Both France and Germany objected.", ""),
    ("However, NATO leaders have expressed caution.", "dangling_connective"),
    ("In addition to the six killed, five people were injured.", ""),
    ("So far, no one has claimed responsibility.", ""),
    ("\"I think a register is a good idea,\" he said.", "dangling_pronoun"),
    ("\"I think a register is a good idea,\" Smith said.", ""),
    ("Police said they found the car.", ""),
)  # fmt: skip
JUNK_EXAMPLES: tuple[tuple[str, bool], ...] = (
    ("LONDON (Reuters) - Prime Minister Theresa May survived a confidence vote.", True),
    ("MUST WATCH Talks keep N. Korean skaters' dream alive 02:41", True),
    ("Media playback is unsupported on your device Media caption Theresa May speaks", True),
    ("Image copyright PA Image caption Supporters gathered outside the court", True),
    ("Crawls of supported \"No More 404\" sites.", True),
    ("Terrible! — Donald J. Trump (@realDonaldTrump) February 8, 2017", True),
    ("Another reason not to subscribe to Netflix, he wrote.", False),
    ("The meeting starts at 10:30 a.m. in Brussels.", False),
    ("NATO and EU ministers met in Brussels on Tuesday.", False),
)  # fmt: skip


def check_examples() -> list[str]:
    """Return the worked examples the detectors now get wrong."""
    wrong = []
    for text, expected in DETECTOR_EXAMPLES:
        kind, why = _dangling(text)
        if kind != expected:
            wrong.append(
                f"dangling: expected {expected or 'nothing'}, got {kind or 'nothing'} ({why}): {text}"
            )
    for text, expected in JUNK_EXAMPLES:
        if bool(junk_reason(text)) != expected:
            wrong.append(f"junk: expected {expected}, got {junk_reason(text)!r}: {text}")
    return wrong


# ---------------------------------------------------------------------------------------------
# One cluster

COUNTS = (
    "dangling_reference", "dangling_connective", "dangling_pronoun", "restatement_pairs",
    "junk_statements", "junk_sources", "junk_source_titles", "bad_headings", "duplicate_headings", "generic_headings",
    "aid_unfit_sections", "aid_misfit_statements", "open_unfit_sections", "open_misfit_statements",
    "wordlist_title", "differing_corroborations", "unmatched_corroborations",
)  # fmt: skip
STATS = ("key_points", "statements", "body_words", "sections_present", "corroborations")
SUMMARIES = ("key_points", "engine", "lexrank", "lead")


@dataclass
class Result:
    index: int
    id: str
    counts: dict[str, int] = field(default_factory=dict)
    stats: dict[str, float] = field(default_factory=dict)
    rouge: dict[str, float] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)
    error: str = ""


def article_files(cluster: dict) -> dict[str, str]:
    """The cluster's non-empty articles as the plain text files a user would paste."""
    files = {}
    for n, article in enumerate(cluster["articles"]):
        if not article["text"].strip():
            continue  # the product skips empty files too
        title = (article.get("title") or "").strip()
        files[f"{n:02d}.txt"] = (f"{title}\n\n" if title else "") + article["text"]
    return files


def assess(
    index: int, cluster: dict, folder: Path, summaries: bool, scorer
) -> tuple[Result, Brief | None]:
    result = Result(index, cluster["id"])
    files = article_files(cluster)
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    try:
        corpus = load_corpus(folder, until=BRIEF_DAY, include_undated=True, cache=False)
        brief = build_brief(
            Options(sources=folder, day=BRIEF_DAY, include_undated=True), corpus=corpus
        )
    except BriefingError as error:
        result.error = str(error)
        return result, None
    inspect(brief, files, result)
    if summaries:
        key_points = [u.text for u in units_of(brief) if u.section == "key_points"]
        documents = [list(a.sentences) for a in corpus.articles]
        score_summaries(result, cluster["references"][0], key_points, documents, scorer)
    return result, brief


def inspect(brief: Brief, files: dict[str, str], result: Result) -> None:
    """Run every detector on `brief`, whose sources are `files` (name -> text), into `result`."""
    articles = list(files.values())
    units = units_of(brief)
    idf = make_idf(articles)
    checked, corroborations = corroboration_flags(brief, files)
    result.flags = (
        title_flags(brief.title)
        + dangling_flags(units)
        + restatement_flags(units, idf)
        + junk_flags(units, brief)
        + heading_flags(brief, articles)
        + section_flags(brief)
        + corroborations
    )
    tally = Counter(f.kind for f in result.flags)
    result.counts = {kind: tally.get(kind, 0) for kind in COUNTS}
    key_points = [u.text for u in units if u.section == "key_points"]
    result.stats = {
        "key_points": len(key_points),
        "statements": len(units),
        "body_words": sum(len(words_of(u.text)) for u in units),
        "sections_present": sum(1 for s in brief.sections if not s.is_empty),
        "corroborations": checked,
    }


def assess_seed() -> tuple[Result, Brief]:
    """The seed brief as `make brief` builds it (its profile and date), through every detector."""
    brief = build_brief(Options(sources=SEEDS, day=SEED_DAY))
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    result = Result(-1, "seed")
    inspect(brief, files, result)
    return result, brief


def first_words(sentences: Sequence[str], limit: int) -> str:
    return " ".join(" ".join(sentences).split()[:limit])


def score_summaries(
    result: Result, reference: str, key_points: list[str], documents: list[list[str]], scorer
) -> None:
    from rouge_bench import lead, sumy_method

    from briefing.summarize import summarize

    texts = {
        "key_points": first_words(key_points, SUMMARY_WORDS),
        "engine": first_words(summarize(documents, SUMMARY_WORDS), SUMMARY_WORDS),
        "lexrank": first_words(sumy_method("lexrank", documents, SUMMARY_WORDS), SUMMARY_WORDS),
        "lead": first_words(lead(documents, SUMMARY_WORDS), SUMMARY_WORDS),
    }
    for name, text in texts.items():
        result.rouge[name] = scorer.score(reference, text)["rouge2"].recall
        result.words[name] = len(text.split())


# ---------------------------------------------------------------------------------------------
# Output


def select(clusters: list[dict], split: str, limit: int) -> list[tuple[int, dict]]:
    chosen = [
        (i, c)
        for i, c in enumerate(clusters)
        if split == "all" or (split == "test") == (i % TEST_EVERY == 0)
    ]
    return chosen[:limit] if limit else chosen


def print_table(results: list[Result], summaries: bool) -> None:
    built = [r for r in results if not r.error]
    n = len(built) or 1
    print(f"\n{len(built)} briefs built ({len(results) - len(built)} clusters gave no brief)\n")
    print("| count | total | per brief | briefs with any |")
    print("| --- | --- | --- | --- |")
    for kind in COUNTS:
        total = sum(r.counts[kind] for r in built)
        hit = sum(1 for r in built if r.counts[kind])
        print(f"| {kind} | {total} | {total / n:.2f} | {hit} |")
    print("\n| per brief | mean | min | max |")
    print("| --- | --- | --- | --- |")
    for stat in STATS:
        values = [r.stats[stat] for r in built] or [0]
        print(f"| {stat} | {sum(values) / n:.1f} | {min(values)} | {max(values)} |")
    if summaries:
        print(
            f"\nSummaries of {SUMMARY_WORDS} words, ROUGE-2 recall (%) against the human summary:\n"
        )
        print("| summary | R-2 recall | mean words |")
        print("| --- | --- | --- |")
        for name in SUMMARIES:
            recall = sum(r.rouge[name] for r in built) / n
            words = sum(r.words[name] for r in built) / n
            print(f"| {name} | {100 * recall:.2f} | {words:.1f} |")


def print_examples(results: list[Result]) -> None:
    for kind in COUNTS:
        items = [(r, f) for r in results for f in r.flags if f.kind == kind]
        print(f"\n### {kind} ({len(items)})\n")
        for r, f in items:
            print(f"- [{r.id[-3:]}] {f.where}: {f.text}\n      ({f.why})")
    for r in results:
        if r.error:
            print(f"\n[{r.id[-3:]}] no brief: {r.error}")


def write_outline(brief: Brief, result: Result, path: Path) -> None:
    """The brief as a markdown outline: title, sections, headings, statements with notes and
    footnote sources, then the sources with their digests."""
    lines = [
        f"# {brief.title}",
        "",
        f"cluster {result.id} (index {result.index}); {brief.sources_label}",
        "",
    ]
    for section in brief.sections:
        lines.append(f"## {section.title} [{section.key}]")
        if section.is_empty:
            lines.append(f"_{section.empty_note}_")
        for group in section.groups:
            lines.append(f"### {group.actor}")
            lines += [_outline_statement(s) for s in group.statements]
        for event in section.events:
            lines.append(_outline_statement(event.statement, f"**{event.when_label}** "))
        for item in section.aid:
            lines.append(
                f"- table row: {item.donor} | {item.item} | {item.status} [^{item.citation.number}]"
            )
        lines += [_outline_statement(s) for s in section.statements]
        lines.append("")
    lines.append("## Sources")
    for source in brief.sources:
        lines.append(f"- [{source.id}] {source.title or source.path}: " + " ".join(source.digest))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _outline_statement(statement: Statement, prefix: str = "") -> str:
    note = f" _({statement.note})_" if statement.note else ""
    return f"- {prefix}{statement.text}{note} [^{statement.citation.number}: {', '.join(statement.citation.source_ids)}]"


def save_json(results: list[Result], args: argparse.Namespace, path: Path) -> None:
    payload = {
        "split": args.split,
        "limit": args.limit,
        "clusters": [
            {
                "index": r.index,
                "id": r.id,
                "error": r.error,
                "counts": r.counts,
                "stats": r.stats,
                "rouge": r.rouge,
                "flags": [f.__dict__ for f in r.flags],
            }
            for r in results
        ],
    }
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def print_comparison(results: list[Result], path: Path) -> None:
    """Print each count before (a saved --json run) and now, over the clusters both runs built,
    and the clusters whose counts changed most."""
    before = {c["id"]: c for c in json.loads(path.read_text(encoding="utf-8"))["clusters"]}
    both = [r for r in results if not r.error and r.id in before and not before[r.id]["error"]]
    print(f"\nCompared with {path} on {len(both)} clusters:\n")
    print("| count | before | now | change |")
    print("| --- | --- | --- | --- |")
    for kind in COUNTS:
        old = sum(before[r.id]["counts"].get(kind, 0) for r in both)
        new = sum(r.counts[kind] for r in both)
        print(f"| {kind} | {old} | {new} | {new - old:+d} |")
    for name in SUMMARIES:
        olds = [before[r.id]["rouge"].get(name) for r in both]
        if both and all(v is not None for v in olds) and all(name in r.rouge for r in both):
            old = 100 * sum(olds) / len(both)
            new = 100 * sum(r.rouge[name] for r in both) / len(both)
            print(f"| R-2 recall {name} | {old:.2f} | {new:.2f} | {new - old:+.2f} |")
    changes = sorted(
        both,
        key=lambda r: -sum(abs(r.counts[k] - before[r.id]["counts"].get(k, 0)) for k in COUNTS),
    )
    print("\nClusters that changed most (count: before -> now):")
    for r in changes[:10]:
        diffs = [
            f"{k} {before[r.id]['counts'].get(k, 0)}->{r.counts[k]}"
            for k in COUNTS
            if r.counts[k] != before[r.id]["counts"].get(k, 0)
        ]
        if diffs:
            print(f"- [{r.id[-3:]}] " + ", ".join(diffs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument(
        "--limit", type=int, default=0, help="first N clusters of the split (default all)"
    )
    parser.add_argument("--examples", action="store_true", help="print every flagged item")
    parser.add_argument("--json", type=Path, help="save per-cluster counts and flags")
    parser.add_argument("--compare", type=Path, help="a saved --json run to compare with")
    parser.add_argument(
        "--seed",
        action="store_true",
        help="only the seed brief (seeds/, its profile), flags listed",
    )
    parser.add_argument("--dump", type=Path, help="write each brief as a markdown outline here")
    parser.add_argument("--no-summary", action="store_true", help="skip the ROUGE comparison")
    parser.add_argument(
        "--calibrate", action="store_true", help="only check the detectors on the worked examples"
    )
    args = parser.parse_args()
    clusters = load_clusters()
    failed = check_examples()
    examples = len(DETECTOR_EXAMPLES) + len(JUNK_EXAMPLES)
    print(f"detectors on {examples} worked examples: {examples - len(failed)} right")
    for line in failed:
        print(f"  {line}")
    right, wrong = calibrate(clusters)
    same = sum(1 for pair in JUDGED_PAIRS if pair[3])
    missed = sum(1 for line in wrong if line.startswith("missed"))
    print(
        f"restatement rule on {len(JUDGED_PAIRS)} hand-judged pairs: {right} right; missed "
        f"{missed} of {same} same-fact pairs, flagged {len(wrong) - missed} of "
        f"{len(JUDGED_PAIRS) - same} different ones"
    )
    for line in wrong:
        print(f"  {line}")
    if args.calibrate:
        return
    if args.seed:
        result, brief = assess_seed()
        print_table([result], summaries=False)
        print_examples([result])
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            write_outline(brief, result, args.dump / "seed.md")
        return
    summaries = not args.no_summary
    scorer = None
    if summaries:
        from rouge_score import rouge_scorer

        scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    chosen = select(clusters, args.split, args.limit)
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for index, cluster in chosen:
            result, brief = assess(index, cluster, Path(tmp) / f"{index:03d}", summaries, scorer)
            results.append(result)
            if args.dump and brief is not None:
                write_outline(brief, result, args.dump / f"{index:03d}.md")
    elapsed = time.perf_counter() - start
    print(f"split {args.split}: {len(chosen)} clusters in {elapsed:.0f} s", file=sys.stderr)
    print(f"split {args.split}, {len(chosen)} clusters")
    print_table(results, summaries)
    if args.examples:
        print_examples(results)
    if args.compare:
        print_comparison(results, args.compare)
    if args.json:
        save_json(results, args, args.json)


if __name__ == "__main__":
    main()
