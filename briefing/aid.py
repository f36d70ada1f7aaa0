"""The aid table: for each aid statement, who gives, what (an amount or a named system) and its
status, every cell a verbatim span of the statement."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.drafts import AidRow, Pick
from briefing.profile import Actor
from briefing.speakers import speech
from briefing.text import word_count
from briefing.vocabulary import Vocabulary, alternation, shipped

MAX_AID_ROWS = 6
TRANSFERS = frozenset({"pledged", "delivered", "announced"})  # statuses of something given
MAX_MODIFIERS = 6
_NEXT_WORD = re.compile(r"\s+([\w-]+)")


@dataclass(frozen=True)
class AidWords:
    """The patterns of aid statements, built from a vocabulary's aid lists."""

    money: re.Pattern[str]  # "$725 million", "40 million euros"
    nouns: re.Pattern[str]  # "aid", "loan", "package": what a transfer is called
    head: re.Pattern[str]  # the noun heading an item's name: "systems", "missiles"
    modifiers: frozenset[str]  # lower-case words of an item's name: "air", "ballistic"
    statuses: tuple[tuple[str, re.Pattern[str]], ...]  # status name -> its cues
    asked: re.Pattern[str]  # "asked EU partners", "urged NATO allies"
    not_names: frozenset[str]


def aid_words(vocab: Vocabulary | None = None) -> AidWords:
    """Return the aid patterns of `vocab` (the shipped vocabulary by default)."""
    return (vocab or shipped()).compiled(_aid_words)


def _aid_words(vocab: Vocabulary) -> AidWords:
    scales = alternation(vocab.words("money_scales"))
    currencies = alternation(vocab.words("currency_words"))
    money = (
        rf"(?:[$€£]\s?\d[\d,.]*(?:\s?(?:{scales}))?|\d[\d,.]*\s?(?:million|billion)"
        rf"\s+(?:{currencies}))"
    )
    groups = alternation(vocab.words("group_nouns"))
    return AidWords(
        money=re.compile(money, re.I),
        nouns=re.compile(rf"\b(?:{alternation(vocab.words('aid_nouns'), escape=True)})\b", re.I),
        # A head inside a hyphenated word ("anti-aircraft") is a modifier, not an item.
        head=re.compile(rf"(?<![\w-])(?:{alternation(vocab.words('item_heads'))})(?![\w-])", re.I),
        modifiers=frozenset(vocab.words("item_modifiers")),
        statuses=tuple(
            (name, re.compile(rf"\b(?:{alternation(cues)})", re.I))
            for name, cues in vocab.table("aid_statuses").items()
        ),
        asked=re.compile(
            rf"\b(?:asked|urged|from)\s+(?P<who>(?:[A-Z][\w.-]+\s*){{1,3}}(?:{groups})?)"
        ),
        not_names=speech(vocab).not_names,
    )


def aid_rows(
    picks: Sequence[Pick], actors: Sequence[Actor], room: int, vocab: Vocabulary | None = None
) -> tuple[AidRow, ...]:
    """Return a table row for each aid statement that names an item and a status, in `room` words:
    one for each sentence shown (a statement's context sentence may name aid too)."""
    known = aid_words(vocab)
    rows = []
    for p in picks:
        for sentence in (p.context, p.text):
            item = aid_item(sentence, known)
            status = aid_status(sentence, known)
            if not item or not (status or known.money.search(sentence)):
                continue
            status = status or "reported"
            row = AidRow(_donor(sentence, actors, status, known), item, status, p)
            if not row.donor and len(item.split()) == 1 and not known.money.search(item):
                continue  # "—, weapons, requested": a row that tells the reader nothing
            room -= word_count(row.donor) + word_count(row.item)
            if room < 0:
                return tuple(rows[:MAX_AID_ROWS])
            rows.append(row)
    return tuple(rows[:MAX_AID_ROWS])


def aid_named(text: str, known: AidWords | None = None) -> bool:
    """Tell whether a sentence names aid, funding or arms with a status ("pledged military aid",
    "delivered 20 howitzers"): the evidence that a story is about aid."""
    known = known or aid_words()
    status = aid_status(text, known)
    if not status:
        return False
    # An item given or promised ("pledged 50 tanks") is aid too; an item asked about is not yet
    # evidence ("asked anyone who finds drone parts").
    return known.nouns.search(text) is not None or (
        status in TRANSFERS and known.head.search(text) is not None
    )


def is_aid(text: str, known: AidWords | None = None) -> bool:
    """Tell whether a sentence reports aid, funding or arms given, asked for or refused: it names
    what is given (an aid noun or an item) and a status. A bare amount (a salary, GDP) is not aid."""
    known = known or aid_words()
    names = known.nouns.search(text) or known.head.search(text)
    return names is not None and aid_status(text, known) != ""


def aid_status(text: str, known: AidWords | None = None) -> str:
    """Return the status named by the sentence's first status cue ("requested", ...), or ""."""
    found = _status_matches(text, known or aid_words())
    return min(found)[1] if found else ""


def _status_match(text: str, known: AidWords) -> re.Match[str] | None:
    found = _status_matches(text, known)
    return min(found)[2] if found else None


def _status_matches(text: str, known: AidWords) -> list[tuple[int, str, re.Match[str]]]:
    found = []
    for name, cue in known.statuses:
        match = cue.search(text)
        if match:
            found.append((match.start(), name, match))
    return found


def aid_item(text: str, known: AidWords | None = None) -> str:
    """Return the verbatim span naming what is given: an amount, else a named weapon or system."""
    known = known or aid_words()
    money = known.money.search(text)
    if money:
        return money.group(0).strip()
    heads = list(known.head.finditer(text))
    if not heads:
        return ""
    # What is asked for, pledged or sent follows the verb that says so ("demanded anti-aircraft
    # systems capable of countering the new missile"): the first item after the status cue.
    status = _status_match(text, known)
    after = [h for h in heads if status is not None and h.start() > status.end()]
    if after:
        return _noun_phrase(text, after[0].start(), after[0].end(), known)
    spans = [_noun_phrase(text, h.start(), h.end(), known) for h in heads]
    # A span that names something (Patriot, Gripen) says more than "weapons".
    return max(spans, key=lambda span: (sum(w[:1].isupper() for w in span.split()), len(span)))


def _noun_phrase(text: str, start: int, end: int, known: AidWords) -> str:
    """Extend a head noun leftwards over the words of its name: capitals, hyphenated, modifiers."""
    tokens = text[:start].split()
    kept: list[str] = []
    while tokens and len(kept) < MAX_MODIFIERS:
        token = tokens[-1]
        if token != token.strip(',;:()"“”'):
            break
        lowered = token.lower()
        joins = lowered in {"and", "or"} and kept and len(tokens) > 1 and tokens[-2][:1].isupper()
        if joins or token[:1].isupper() or "-" in token or lowered in known.modifiers:
            kept.insert(0, tokens.pop())
            continue
        break
    while kept and (kept[0].lower() in {"and", "or"} or kept[0] in known.not_names):
        kept.pop(0)
    # ... and rightwards over the rest of a compound: "missile defense systems".
    while word := _NEXT_WORD.match(text, end):
        if word.group(1).lower() not in known.modifiers and not known.head.fullmatch(word.group(1)):
            break
        end = word.end()
    return " ".join([*kept, text[start:end]])


def _donor(text: str, actors: Sequence[Actor], status: str, known: AidWords) -> str:
    """Return the verbatim name of the giver: the first actor named, or the one asked to give."""
    if status == "requested":
        asked = known.asked.search(text)
        return asked.group("who").strip() if asked else ""
    spans = []
    for actor in actors:
        for name in actor.names():
            match = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
            if match:
                spans.append((match.start(), match.group(0)))
    if spans:
        return min(spans)[1]
    for proper in re.finditer(r"(?<=[a-z,] )(?:[A-Z][\w.-]+)(?:\s+[A-Z][\w.-]+)*", text):
        if proper.group(0).split()[0] not in known.not_names:  # "Monday" gives nothing
            return proper.group(0)
    return ""
