"""The aid table: for each aid statement, who gives, what (an amount or a named system) and its
status, every cell a verbatim span of the statement."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.profile import Actor
from briefing.speakers import NOT_A_NAME
from briefing.text import word_count

if TYPE_CHECKING:
    from briefing.sections import Pick

MAX_AID_ROWS = 6


MONEY = re.compile(
    r"(?:[$€£]\s?\d[\d,.]*(?:\s?(?:million|billion|bn|m|trillion))?|\d[\d,.]*\s?(?:million|billion)"
    r"\s+(?:dollars|euros|pounds))",
    re.I,
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
class AidRow:
    donor: str
    item: str
    status: str
    pick: Pick


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
# "asked EU partners", "urged NATO allies": the group noun belongs to the name of who is asked.
_GROUP_NOUNS = "allies|partners|members|countries|governments|states|donors"


def aid_rows(picks: Sequence[Pick], actors: Sequence[Actor], room: int) -> tuple[AidRow, ...]:
    """Return a table row for each aid statement that names an item and a status, in `room` words."""
    rows = []
    for p in picks:
        item = aid_item(p.text)
        status = aid_status(p.text)
        if not item or not (status or MONEY.search(p.text)):
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
    money = MONEY.search(text)
    if money:
        return money.group(0).strip()
    spans = [_noun_phrase(text, head.start(), head.end()) for head in _AID_HEAD.finditer(text)]
    if not spans:
        return ""
    # A span that names something (Patriot, Gripen) says more than "weapons".
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
    while kept and (kept[0].lower() in {"and", "or"} or kept[0] in NOT_A_NAME):
        kept.pop(0)
    return " ".join([*kept, text[start:end]])


def _donor(text: str, actors: Sequence[Actor], status: str) -> str:
    """Return the verbatim name of the giver: the first actor named, or the one asked to give."""
    if status == "requested":
        asked = re.search(
            r"\b(?:asked|urged|from)\s+(?P<who>(?:[A-Z][\w.-]+\s*){1,3}(?:" + _GROUP_NOUNS + ")?)",
            text,
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
