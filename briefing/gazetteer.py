"""The actors news quotes, read from `briefing/data/gazetteer.toml`: countries, organisations,
institutions and parties, every name they go by, and the actor a mention or a title belongs to.

`gazetteer(vocab).find(sentence)` reports each mention of a known actor in one pass of a single
compiled pattern (a trie of every name, longest name first), so a brief of 100,000 sentences is
read in seconds. Names match as written (case-sensitive, whole words); a name that often means
something else is reported flagged `ambiguous`, and `resolve` keeps it only with corroboration.
The file's header states the rules; nothing here knows a country by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from briefing.vocabulary import Vocabulary, phrase_pattern, shipped

COUNTRY = "country"
ORGANISATION = "organisation"
PARTY = "party"
INSTITUTION = "institution"

# The part of an entry a form comes from, reported with each mention.
NAME, ALIAS, DEMONYM, CAPITAL, SEAT = "name", "alias", "demonym", "capital", "seat"

# Characters after which a capital letter is the start of a sentence, not a proper name.
_SENTENCE_OPENERS = ".!?:;\"“‘'(«—–"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "\u00a0": " "})  # same length: spans stay valid
_POSSESSIVE = re.compile(r"'s?\s+|\s+")
_OF_BEFORE = re.compile(r"(?:\s+(?:of|for)(?:\s+the)?)\s*$", re.I)
_SPACES = re.compile(r"\s+")
_NEIGHBOUR_WINDOW = 40  # characters searched for the word before or after an acronym
_SHOUTED_WORD = 3  # letters a capitalised neighbour needs to show a text in capitals ("WANT")
_LAST_WORD = re.compile(r"([A-Za-z]+)[^A-Za-z]*$")
_FIRST_WORD = re.compile(r"[^A-Za-z]*([A-Za-z]+)")


@dataclass(frozen=True)
class Country:
    name: str
    iso: str
    status: str  # "member" of the UN, "observer", or "other"
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    capital_aliases: tuple[str, ...]
    seats: tuple[str, ...]
    ambiguous: frozenset[str]
    common_words: frozenset[str]


@dataclass(frozen=True)
class Organisation:
    name: str
    aliases: tuple[str, ...]
    seats: tuple[str, ...]
    country: str  # the country a national movement acts in ("" for international bodies)
    ambiguous: frozenset[str]
    common_words: frozenset[str]


@dataclass(frozen=True)
class Institution:
    name: str
    belongs_to: str  # the country or organisation it speaks for: its actor
    aliases: tuple[str, ...]
    ambiguous: frozenset[str]
    common_words: frozenset[str]


@dataclass(frozen=True)
class Party:
    name: str
    country: str
    aliases: tuple[str, ...]
    ambiguous: frozenset[str]
    common_words: frozenset[str]


@dataclass(frozen=True)
class Mention:
    """One mention of a known actor in a text."""

    start: int
    end: int
    text: str  # the form as written: "Kremlin", "South Korean", "Labour"
    actor: str  # the actor it counts for: "Russia", "South Korea", "Labour Party"
    entity: str  # the entry named: "Department of Defense" for "Pentagon"
    kind: str  # country, organisation, party or institution
    country: str  # the country it belongs to ("" for an international body)
    form: str  # name, alias, demonym, capital or seat
    ambiguous: bool  # needs corroboration before it counts


@dataclass(frozen=True)
class Form:
    """What one name of an entry stands for."""

    actor: str
    entity: str
    kind: str
    country: str
    form: str
    ambiguous: bool
    common: bool


class Gazetteer:
    """The entries of the gazetteer and the compiled patterns that find them in text."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.countries = tuple(_country(e) for e in vocab.table("countries"))
        self.organisations = tuple(_organisation(e) for e in vocab.table("organisations"))
        self.institutions = tuple(_institution(e) for e in vocab.table("institutions"))
        self.parties = tuple(_party(e) for e in vocab.table("parties"))
        country_names = {c.name for c in self.countries}
        self._forms, surfaces = _index(self._entries(country_names))
        self._pattern = re.compile(_trie_pattern([*surfaces, *vocab.words("not_actors")]))
        offices = phrase_pattern([*vocab.words("office_titles"), *vocab.words("institution_nouns")])
        self._offices = re.compile(rf"(?<!\w)(?:{offices})s?(?!\w)")  # "MPs", "officials"
        self._local = re.compile(phrase_pattern(vocab.words("local_offices")))
        titles: Mapping[str, str] = vocab.table("title_actors")
        self._title_actors = {key.lower(): actor for key, actor in titles.items()}
        self._titles = re.compile(
            rf"(?<!\w)(?:{phrase_pattern(list(titles))})(?!\w)", re.IGNORECASE
        )
        self._by_casefold = _casefold_index(self._forms)

    def find(self, text: str) -> list[Mention]:
        """Return every mention of a known actor in `text`, in order; a name two actors share
        gives one mention for each, all flagged ambiguous."""
        plain = text.translate(_APOSTROPHES)
        found: list[Mention] = []
        for match in self._pattern.finditer(plain):
            start, end = match.span()
            if start and (plain[start - 1].isalnum() or plain[start - 1] == "_"):
                continue
            forms = self._forms.get(_key(match.group()))
            if not forms:
                continue  # a name that is no actor ("New Mexico")
            opening = _opens_sentence(plain, start)
            shouted = match.group().isupper() and self._shouting(plain, start, end)
            for f in forms:
                flagged = f.ambiguous or shouted or (f.common and opening)
                found.append(
                    Mention(
                        start,
                        end,
                        text[start:end],
                        f.actor,
                        f.entity,
                        f.kind,
                        f.country,
                        f.form,
                        flagged,
                    )
                )
        return found

    def resolve(self, mentions: Sequence[Mention], text: str = "") -> list[Mention]:
        """Return the mentions that count: the unflagged ones, and a flagged one when the same
        actor (or its country) is mentioned unflagged too, or when `text` (the text the spans
        index) has a national office or institution word right after it ("Jordan's King")."""
        actors_at: dict[tuple[int, int], set[str]] = {}
        for m in mentions:
            actors_at.setdefault((m.start, m.end), set()).add(m.actor)
        confirmed = [
            m
            for m in mentions
            if not m.ambiguous
            # An office shows a name is an actor, not which of the actors sharing it is meant.
            or (len(actors_at[m.start, m.end]) == 1 and self._titled(m, text))
        ]
        known = {m.actor for m in confirmed} | {m.country for m in confirmed if m.country}
        return [
            m
            for m in mentions
            if m in confirmed or m.actor in known or (m.country and m.country in known)
        ]

    def actor_of_title(self, phrase: str) -> str:
        """Return the actor a title phrase belongs to ("Spanish Foreign Ministry spokesman" is
        Spain, "Kremlin spokesman" Russia, "Labour MPs" the Labour Party), or ""."""
        mentions = self.resolve(self.find(phrase), phrase)
        if mentions:
            parties = [m for m in mentions if m.kind == PARTY]
            return (parties or mentions)[0].actor
        titles = [m for m in self._titles.finditer(phrase)]
        if titles:
            longest = max(titles, key=lambda m: (len(m.group()), -m.start()))
            return self._title_actors[_SPACES.sub(" ", longest.group().lower())]
        return ""

    def offices(self, text: str) -> list[tuple[int, int]]:
        """Return the spans of office titles and institution words in `text` ("Defense Minister",
        "spokesman", "Foreign Ministry")."""
        plain = text.translate(_APOSTROPHES)
        return [m.span() for m in self._offices.finditer(plain)]

    def canonical(self, name: str) -> str:
        """Return the actor any of its names stands for ("Kremlin" -> "Russia", "Tories" ->
        "Conservative Party" only if one actor has the name), or "" when none or several do."""
        plain = name.translate(_APOSTROPHES).strip()
        plain = re.sub(r"^the\s+", "", re.sub(r"'s?$", "", plain), flags=re.I)
        forms = self._forms.get(_key(plain)) or self._by_casefold.get(_key(plain).casefold(), ())
        actors = {f.actor for f in forms}
        return actors.pop() if len(actors) == 1 else ""

    def _shouting(self, text: str, start: int, end: int) -> bool:
        """Tell whether an acronym stands among words in capitals ("DEMOCRATS WHO WANT US TO"),
        where "WHO" and "US" are words, not names."""
        before = _LAST_WORD.search(text, max(0, start - _NEIGHBOUR_WINDOW), start)
        after = _FIRST_WORD.match(text, end, end + _NEIGHBOUR_WINDOW)
        return any(
            len(word) >= _SHOUTED_WORD and word.isupper() and _key(word) not in self._forms
            for word in (m.group(1) for m in (before, after) if m)
        )

    def _titled(self, mention: Mention, text: str) -> bool:
        """Tell whether an office or institution word next to `mention` shows it is the actor:
        "Georgian Foreign Ministry", "Jordan's King", "President of Georgia"; not an office a US
        state or a city has too ("Georgia Governor")."""
        if not text:
            return False
        plain = text.translate(_APOSTROPHES)
        gap = _POSSESSIVE.match(plain, mention.end)
        after = gap.end() if gap else mention.end
        office = self._offices.match(plain, after)
        if office and self._national(office.group(), mention):
            return True
        before = _OF_BEFORE.search(plain, 0, mention.start)
        if before:
            head = plain[: before.start()]
            for office in self._offices.finditer(head):
                if office.end() == len(head) and self._national(office.group(), mention):
                    return True
        return False

    def _national(self, office: str, mention: Mention) -> bool:
        """Tell whether `office` shows `mention` is its actor: any office does for a party or a
        body; for a country, one that US states and cities do not have as well."""
        singular = office[:-1] if office.endswith("s") else office
        local = self._local.fullmatch(office) or self._local.fullmatch(singular)
        return mention.kind != COUNTRY or not local

    def _entries(self, country_names: set[str]) -> Iterable[tuple[str, Form]]:
        for c in self.countries:
            parts = {
                NAME: (c.name,),
                ALIAS: c.aliases,
                DEMONYM: c.demonyms,
                CAPITAL: (c.capital, *c.capital_aliases),
                SEAT: c.seats,
            }
            yield from _forms_of(c, COUNTRY, c.name, c.name, parts)
        for o in self.organisations:
            parts = {NAME: (o.name,), ALIAS: o.aliases, SEAT: o.seats}
            yield from _forms_of(o, ORGANISATION, o.name, o.country, parts)
        for i in self.institutions:
            country = i.belongs_to if i.belongs_to in country_names else ""
            parts = {NAME: (i.name,), ALIAS: i.aliases}
            yield from _forms_of(i, INSTITUTION, i.belongs_to, country, parts)
        for p in self.parties:
            # "the Conservative party": news writes a party's name with a small "p" as often.
            names = (p.name, *(n.replace(" Party", " party") for n in (p.name,) if " Party" in n))
            aliases = (*p.aliases, *(a.replace(" Party", " party") for a in p.aliases))
            yield from _forms_of(p, PARTY, p.name, p.country, {NAME: names, ALIAS: aliases})

    def forms(self) -> Mapping[str, tuple[Form, ...]]:
        """Every form (as the matcher keys it) and the entries it names."""
        return self._forms


def gazetteer(vocab: Vocabulary | None = None) -> Gazetteer:
    """Return the gazetteer of `vocab` (the shipped vocabulary by default), built once."""
    return (vocab or shipped()).compiled(Gazetteer)


def _strings(entry: Mapping[str, Any], field: str) -> tuple[str, ...]:
    return tuple(entry.get(field, ()))


def _country(entry: Mapping[str, Any]) -> Country:
    return Country(
        name=entry["name"],
        iso=entry.get("iso", ""),
        status=entry.get("status", "member"),
        aliases=_strings(entry, "aliases"),
        demonyms=_strings(entry, "demonyms"),
        capital=entry.get("capital", ""),
        capital_aliases=_strings(entry, "capital_aliases"),
        seats=_strings(entry, "seats"),
        ambiguous=frozenset(_strings(entry, "ambiguous")),
        common_words=frozenset(_strings(entry, "common_words")),
    )


def _organisation(entry: Mapping[str, Any]) -> Organisation:
    return Organisation(
        name=entry["name"],
        aliases=_strings(entry, "aliases"),
        seats=_strings(entry, "seats"),
        country=entry.get("country", ""),
        ambiguous=frozenset(_strings(entry, "ambiguous")),
        common_words=frozenset(_strings(entry, "common_words")),
    )


def _institution(entry: Mapping[str, Any]) -> Institution:
    return Institution(
        name=entry["name"],
        belongs_to=entry["belongs_to"],
        aliases=_strings(entry, "aliases"),
        ambiguous=frozenset(_strings(entry, "ambiguous")),
        common_words=frozenset(_strings(entry, "common_words")),
    )


def _party(entry: Mapping[str, Any]) -> Party:
    return Party(
        name=entry["name"],
        country=entry["country"],
        aliases=_strings(entry, "aliases"),
        ambiguous=frozenset(_strings(entry, "ambiguous")),
        common_words=frozenset(_strings(entry, "common_words")),
    )


def _forms_of(
    entry: Country | Organisation | Institution | Party,
    kind: str,
    actor: str,
    country: str,
    parts: Mapping[str, Sequence[str]],
) -> Iterable[tuple[str, Form]]:
    """Yield each name of `entry` once, with what it stands for."""
    seen: set[str] = set()
    for role, surfaces in parts.items():
        for surface in surfaces:
            if surface and surface not in seen:
                seen.add(surface)
                ambiguous = surface in entry.ambiguous
                common = surface in entry.common_words
                yield surface, Form(actor, entry.name, kind, country, role, ambiguous, common)


def _index(entries: Iterable[tuple[str, Form]]) -> tuple[dict[str, tuple[Form, ...]], list[str]]:
    """Return the forms by key, and every surface as written (for the pattern)."""
    index: dict[str, tuple[Form, ...]] = {}
    surfaces: dict[str, None] = {}  # an ordered set
    for surface, form in entries:
        key = _key(surface)
        surfaces[surface] = None
        if form.entity not in {f.entity for f in index.get(key, ())}:
            index[key] = (*index.get(key, ()), form)
    return index, list(surfaces)


def _casefold_index(forms: Mapping[str, tuple[Form, ...]]) -> dict[str, tuple[Form, ...]]:
    folded: dict[str, tuple[Form, ...]] = {}
    for key, entries in forms.items():
        folded[key.casefold()] = (*folded.get(key.casefold(), ()), *entries)
    return folded


def _key(surface: str) -> str:
    """The form a surface is looked up by: one space between words, straight apostrophes, and
    each later word's first letter in lower case ("UN Refugee Agency" is "UN refugee agency")."""
    words = _SPACES.sub(" ", surface.translate(_APOSTROPHES).strip()).split(" ")
    return " ".join([words[0], *(w[:1].lower() + w[1:] for w in words[1:])])


def _trie_pattern(surfaces: Iterable[str]) -> str:
    """Return one pattern matching any of `surfaces` as a whole word, the longest first.

    The surfaces share their prefixes in a trie, so the pattern is tried once per position, not
    once per name. A space matches any run of white space; a later word written in lower case
    ("refugee" in "UN refugee agency") matches with either case; the rest matches as written."""
    end = ""
    trie: dict[str, Any] = {}
    for surface in surfaces:
        node = trie
        for atom in _atoms(surface.translate(_APOSTROPHES).strip()):
            node = node.setdefault(atom, {})
        node[end] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [atom + build(child) for atom, child in node.items() if atom != end]
        if end in node:
            branches.append(r"(?!\w)")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(trie)


def _atoms(surface: str) -> Iterable[str]:
    previous = ""
    for position, char in enumerate(surface):
        if char.isspace():
            if not previous.isspace():
                yield r"\s+"
        elif position and previous == " " and char.islower():
            yield f"[{char}{char.upper()}]"
        else:
            yield re.escape(char)
        previous = " " if char.isspace() else char


def _opens_sentence(text: str, start: int) -> bool:
    """Tell whether `start` begins a sentence: nothing but an opening mark or a full stop before."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _SENTENCE_OPENERS
