"""Who says what: speakers named in attributions, the profile actor a name belongs to, and the
names a corpus is about (its title when no profile gives one)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from briefing.corpus import Article
from briefing.profile import Actor

_SPEECH = (
    r"said|says|say|stated|states|added|noted|insisted|insists|urged|urges|warned|warns|told|"
    r"remarked|admitted|acknowledged|acknowledges|argued|argues|believes|believe|stressed|"
    r"emphasized|explained|indicated|recognizes|wrote|announced|declared|labeled|labelled|called"
)


_NAME = r"(?:[A-Z][\w’'.-]+|of|the|for|and)(?:\s+(?:[A-Z][\w’'.-]+|of|the|for|and))*?"


# An unnamed speaker described by role: "a senior EU diplomat", "the official", "U.S. officials".
ROLE = (
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
    re.compile(rf"\b(?P<who>{ROLE})\s+(?:has\s+|had\s+)?(?:{_SPEECH})\b"),
    re.compile(rf"(?:[,”\"]\s*)(?:{_SPEECH})\s+(?P<who>{ROLE})"),
)


TITLED = re.compile(
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


QUOTE_MARKS = "“\"‘'"


_PRONOUN_SPEAKER = re.compile(
    rf"[,”\"]\s*(?:he|she|they)\s+(?:{_SPEECH})\b|\b(?:he|she)\s+(?:{_SPEECH})\b"
)


QUOTE = re.compile(r"[“\"][^”\"]{8,}[”\"]")


NOT_A_NAME = frozenset(
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


@lru_cache(maxsize=65536)
def attribution(text: str) -> str:
    """Return the speaker a sentence names ("Helen Osei", "a senior EU diplomat"), or ""."""
    titled = TITLED.search(text)
    for pattern in _ATTRIBUTIONS:
        match = pattern.search(text)
        if match:
            who = clean_name(match.group("who"))
            if who:
                if titled and titled.group("who").split()[-1] == who.split()[-1]:
                    return clean_name(titled.group("who"))
                return who
    return ""


def clean_name(who: str) -> str:
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
    while parts and (parts[0] in NOT_A_NAME or _is_title(parts[0])):
        parts = parts[1:]
    return " ".join(parts).strip(" ,.;:")


def _is_title(word: str) -> bool:
    """ "Commissioner", "Gov.", "Secretary-General": a word naming an office, not a person."""
    return all(piece.rstrip(".") in _HONORIFICS for piece in word.split("-"))


def find_speakers(candidates: Sequence) -> dict[int, str]:
    """Name the speaker of each quoting sentence; "he said" takes the previous sentence's speaker."""
    speakers: dict[int, str] = {}
    previous = ""
    for i, c in enumerate(candidates):
        if c.index == 0:
            previous = ""
        named = attribution(c.text)
        titled = TITLED.search(c.text)
        if not named and titled and QUOTE.search(c.text):
            # "Ministry spokeswoman Ana Ruiz calling the plan "reckless"": a titled
            # person is the speaker only of a sentence that quotes someone.
            named = clean_name(titled.group("who"))
        if named:
            speakers[i] = named
            previous = named
        elif previous and c.text.lstrip()[:1] in QUOTE_MARKS and _PRONOUN_SPEAKER.search(c.text):
            speakers[i] = previous  # “...,” he added. — only a quotation right after a named one
    return _full_names(speakers, [c.text for c in candidates])


def _full_names(speakers: dict[int, str], texts: list[str]) -> dict[int, str]:
    """Name each person the same way throughout: "Osei" becomes "Helen Osei" when the sources give
    the full name (and only one full name ends that way)."""
    full: dict[str, set[str]] = {}
    for name in speakers.values():
        parts = name.split()
        if len(parts) >= 2 and is_proper_name(name):
            full.setdefault(parts[-1], set()).add(name)
    surnames = {
        n for n in speakers.values() if " " not in n and n not in full and is_proper_name(n)
    }
    if surnames:
        pattern = re.compile(
            r"\b([A-Z][\w’'-]+) (" + "|".join(map(re.escape, sorted(surnames))) + r")\b"
        )
        for text in texts:
            for first, last in pattern.findall(text):
                if first not in NOT_A_NAME and first.rstrip(".") not in _HONORIFICS:
                    full.setdefault(last, set()).add(f"{first} {last}")
    named = {}
    for i, name in speakers.items():
        longer = full.get(name, set()) if " " not in name else set()
        named[i] = next(iter(longer)) if len(longer) == 1 else name
    return named


def is_proper_name(speaker: str) -> bool:
    parts = speaker.split()
    return bool(parts) and all(w[:1].isupper() for w in parts) and not re.fullmatch(ROLE, speaker)


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
        if _EXAMPLE.search(text[max(0, start - 16) : start]):
            return name
    return found[0][1]


_EXAMPLE = re.compile(
    r"\b(?:like|such as|including|particularly|especially|notably)\s+(?:the\s+)?$"
)


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
                name = clean_name(match.group(0))
                if match.start() == 0 or not name or name in NOT_A_NAME or len(name) < 3:
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
