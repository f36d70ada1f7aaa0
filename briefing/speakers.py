"""Who says what: speakers named in attributions, and the profile actor a name belongs to."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefing.dates import calendar
from briefing.profile import Actor
from briefing.vocabulary import Vocabulary, alternation, phrase_pattern, shipped

QUOTE_MARKS = "“\"‘'"
QUOTE = re.compile(r"[“\"][^”\"]{8,}[”\"]")
_NAME = r"(?:[A-Z][\w’'.-]+|of|the|for|and)(?:\s+(?:[A-Z][\w’'.-]+|of|the|for|and))*?"
_CONTRACTION = re.compile(r"[’'](?:s|ve|m|re|ll|d|t)?$", re.I)


@dataclass(frozen=True)
class Speech:
    """The patterns of attribution, built from a vocabulary's speech lists."""

    role: str  # an unnamed speaker described by role: "a senior EU diplomat", "the official"
    attributions: tuple[re.Pattern[str], ...]
    titled: re.Pattern[str]  # an office before a name: "Minister Ana Ruiz"
    pronoun_speaker: re.Pattern[str]  # "..., he said"
    stance: re.Pattern[str]  # a word stating a position: "insists", "opposes"
    honorifics: frozenset[str]  # title words before a name: the person, not the office
    no_speaker: frozenset[str]  # words opening an attribution that name no one
    not_names: frozenset[str]  # capitalised words that are no one's name


def speech(vocab: Vocabulary | None = None) -> Speech:
    """Return the attribution patterns of `vocab` (the shipped vocabulary by default)."""
    return (vocab or shipped()).compiled(_speech)


def _speech(vocab: Vocabulary) -> Speech:
    said = alternation(vocab.words("speech_verbs"))
    inverted = alternation(vocab.words("inverted_speech_verbs"))
    listeners = set(vocab.words("listener_speech_verbs"))
    after_quote = alternation([v for v in vocab.words("speech_verbs") if v not in listeners])
    role = (
        r"(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Ss]everal|[Ss]ome)?\s*(?:[\w.-]+\s+){0,3}?"
        rf"(?:{alternation(vocab.words('role_nouns'))})"
    )
    # A name right after "in" or "from" is a place in a phrase, not the one who speaks.
    not_after = "".join(rf"(?<!\b{re.escape(w)} )" for w in vocab.words("place_prepositions"))
    known = calendar(vocab)
    dates = [name.capitalize() for name in (*known.weekdays, *known.month_names)]
    return Speech(
        role=role,
        attributions=(
            re.compile(
                rf"\b{not_after}(?P<who>(?:[A-Z][\w’'.-]+)(?:\s+[A-Z][\w’'.-]+){{0,3}})\s+(?:has\s+|had\s+)?(?:{said})\b"
            ),
            # "..., urged Mr. Zelensky": right after a quotation any speech verb inverts; elsewhere
            # only those that take no object ("a tip that indicated Perez was there" names no one).
            re.compile(
                rf"(?:[,”\"]\s*(?:{after_quote})|\b(?:{inverted}))\s+(?P<who>(?:the\s+)?[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{0,3}})"
            ),
            re.compile(rf"\baccording to\s+(?P<who>(?:the\s+)?{_NAME})(?=[,.;]|\s+[a-z]|$)"),
            re.compile(rf"\b(?P<who>{role})\s+(?:has\s+|had\s+)?(?:{said})\b"),
            re.compile(rf"(?:[,”\"]\s*)(?:{after_quote})\s+(?P<who>{role})"),
        ),
        titled=re.compile(
            rf"\b(?:{phrase_pattern(vocab.words('office_titles'))})"
            r"\s+(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
        ),
        pronoun_speaker=re.compile(
            rf"[,”\"]\s*(?:he|she|they)\s+(?:{said})\b|\b(?:he|she)\s+(?:{said})\b"
        ),
        stance=re.compile(rf"\b({alternation(vocab.words('stance_words'))})\b", re.I),
        honorifics=frozenset(vocab.words("honorifics")),
        no_speaker=frozenset(vocab.words("no_speaker")),
        not_names=frozenset([*dates, *vocab.words("not_names")]),
    )


@lru_cache(maxsize=65536)
def attribution(text: str, vocab: Vocabulary | None = None) -> str:
    """Return the speaker a sentence names ("Helen Osei", "a senior EU diplomat"), or ""."""
    known = speech(vocab)
    titled = known.titled.search(text)
    for pattern in known.attributions:
        match = pattern.search(text)
        if match:
            who = clean_name(match.group("who"), known)
            if who:
                if titled and titled.group("who").split()[-1] == who.split()[-1]:
                    return clean_name(titled.group("who"), known)
                return who
    return ""


def clean_name(who: str, known: Speech | None = None) -> str:
    """Return the person in an attribution: "Boston Police Commissioner William Evans" is
    "William Evans"; a possessive or a contraction ("Trump's", "We've") names no speaker."""
    known = known or speech()
    parts = who.split()
    while parts and parts[-1].lower() in {"of", "the", "for", "and"}:
        parts = parts[:-1]
    if not parts or _CONTRACTION.search(parts[-1]) or parts[0] in known.no_speaker:
        return ""
    titles = [k for k, part in enumerate(parts) if _is_title(part, known)]
    if titles and titles[-1] < len(parts) - 1:
        parts = parts[titles[-1] + 1 :]  # the name after the last title word
    while parts and (parts[0] in known.not_names or _is_title(parts[0], known)):
        parts = parts[1:]
    return " ".join(parts).strip(" ,.;:")


def _is_title(word: str, known: Speech) -> bool:
    """ "Commissioner", "Gov.", "Secretary-General": a word naming an office, not a person."""
    return all(piece.rstrip(".") in known.honorifics for piece in word.split("-"))


def find_speakers(candidates: Sequence, vocab: Vocabulary | None = None) -> dict[int, str]:
    """Name the speaker of each quoting sentence; "he said" takes the previous sentence's speaker."""
    known = speech(vocab)
    speakers: dict[int, str] = {}
    previous = ""
    for i, c in enumerate(candidates):
        if c.index == 0:
            previous = ""
        named = attribution(c.text, vocab)
        titled = known.titled.search(c.text)
        if not named and titled and QUOTE.search(c.text):
            # "Ministry spokeswoman Ana Ruiz calling the plan "reckless"": a titled
            # person is the speaker only of a sentence that quotes someone.
            named = clean_name(titled.group("who"), known)
        if named:
            speakers[i] = named
            previous = named
        elif (
            previous and c.text.lstrip()[:1] in QUOTE_MARKS and known.pronoun_speaker.search(c.text)
        ):
            speakers[i] = previous  # “...,” he added. — only a quotation right after a named one
    return _full_names(speakers, [c.text for c in candidates], known)


def _full_names(speakers: dict[int, str], texts: list[str], known: Speech) -> dict[int, str]:
    """Name each person the same way throughout: "Osei" becomes "Helen Osei" when the sources give
    the full name (and only one full name ends that way)."""
    full: dict[str, set[str]] = {}
    for name in speakers.values():
        parts = name.split()
        if len(parts) >= 2 and is_proper_name(name, known):
            full.setdefault(parts[-1], set()).add(name)
    surnames = {
        n for n in speakers.values() if " " not in n and n not in full and is_proper_name(n, known)
    }
    if surnames:
        # "Rex Tillerson", not "Reclusive North" (of "Reclusive North Korea"): the surname ends
        # the name, and a given name is no word the sources also write in lower case ("From",
        # "Because" opening a sentence).
        pattern = re.compile(
            r"\b([A-Z][\w’'-]+) (" + "|".join(map(re.escape, sorted(surnames))) + r")\b(?! [A-Z])"
        )
        lower = {w for text in texts for w in _LOWER_WORD.findall(text)}
        for text in texts:
            for first, last in pattern.findall(text):
                if first in known.not_names or first.rstrip(".") in known.honorifics:
                    continue
                if first.lower() not in lower:
                    full.setdefault(last, set()).add(f"{first} {last}")
    named = {}
    for i, name in speakers.items():
        longer = full.get(name, set()) if " " not in name else set()
        named[i] = next(iter(longer)) if len(longer) == 1 else name
    return named


_LOWER_WORD = re.compile(r"\b[a-z][\w’'-]*")


def is_proper_name(speaker: str, known: Speech | None = None) -> bool:
    """Tell whether `speaker` is a name ("Helen Osei"), not a role ("a senior official")."""
    role = (known or speech()).role
    parts = speaker.split()
    return bool(parts) and all(w[:1].isupper() for w in parts) and not re.fullmatch(role, speaker)


def actor_of(text: str, actors: Sequence[Actor]) -> str:
    """Return the profile actor `text` is about: the first named, unless a later one is given as
    the example of a group ("Some EU members, like Malta, ..." is about Malta)."""
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
        if EXAMPLE.search(text[max(0, start - 16) : start]):
            return name
    return found[0][1]


EXAMPLE = re.compile(r"\b(?:like|such as|including|particularly|especially|notably)\s+(?:the\s+)?$")
