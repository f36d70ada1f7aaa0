"""Who an actor is: the country, organisation or institution a statement's speaker speaks for.

Positions are grouped by actor. A profile names the actors of its topic; without one (and for
anyone a profile does not name) the actor is read from the text with the gazetteer
(`briefing/data/gazetteer.toml`): the speaker's title ("Kremlin spokesman", "Spanish Foreign
Ministry spokesman Joaquin Perez"), what follows the name ("Ana Ruiz of the Port Authority",
"(D-N.Y.)"), the role a nameless speaker is given ("a senior US official"), the actor an earlier
sentence introduced "the official" with, and, for a sentence no one speaks, the actor it is about.
A person is an actor of their own only when the person is the story.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefing.dates import calendar
from briefing.gazetteer import Mention, gazetteer
from briefing.profile import Profile
from briefing.speakers import actor_of, is_proper_name, speech
from briefing.text import stop_words, unquoted, word_count
from briefing.vocabulary import Vocabulary, alternation

# A story is domestic when this share of the statements that name a country name the same one:
# its actors are then that country's institutions and parties, not the country itself.
DOMESTIC_SHARE = 0.7
MIN_DOMESTIC_STATEMENTS = 2
# A person is the story when named in at least this share of the articles (and two of them).
CENTRAL_PERSON_SHARE = 0.5
TITLE_REACH = 80  # characters before a name that may hold its title
# Words before the first actor a sentence names that still make it the sentence's subject ("On
# Monday, the Chilean government ..."); one named later is an object ("Netzhammer shows the ISIS
# flag cake").
SUBJECT_REACH = 6
APPOSITION_REACH = 140  # characters after a name that may say whom the person works for
STATE_KINDS = frozenset({"country", "organisation", "institution", "party"})


@dataclass(frozen=True)
class Affiliation:
    """What a speaker speaks for: a gazetteer actor, or an organisation named in the text."""

    actor: str  # the actor in an international story: "Russia", "NATO", "Labour Party"
    local: str  # the actor in a domestic story: "White House", "Senate", "Republican Party"
    country: str = ""  # the country it belongs to, if any
    known: bool = True  # from the gazetteer (a state actor), not a name found in the text
    held: bool = False  # an office the speaker holds in it ("Orofino Police Chief"): speaks for it


@dataclass(frozen=True)
class _Patterns:
    org_words: re.Pattern[str]  # heads of an organisation's name: "Institute", "Police"
    apposition: re.Pattern[str]  # ", a professor at the Scripps Institute", " of the Ministry"
    party_code: re.Pattern[str]  # "(D-N.Y.)", "(R-Texas)"
    role: re.Pattern[str]  # the role noun of a nameless speaker: "official", "diplomat"
    definite_role: re.Pattern[str]  # "the official": someone an earlier sentence introduced
    media: re.Pattern[str]  # a news outlet ("The Washington Post", "Reuters")
    legal_form: re.Pattern[str]  # ", Inc.", " Co": the end of a company's name, not its name


def _patterns(vocab: Vocabulary) -> _Patterns:
    org = alternation(vocab.words("organisation_heads"), escape=True, longest_first=True)
    name = r"[A-Z][\w’'.&-]*(?:\s+(?:of|for|and|on|de|the)\s+[A-Z][\w’'.&-]*|\s+[A-Z][\w’'.&-]*)*"
    codes = alternation(list(vocab.table("party_codes")), escape=True)
    roles = alternation(vocab.words("role_nouns"))
    return _Patterns(
        org_words=re.compile(rf"\b(?:{org})\b"),
        apposition=re.compile(
            rf"^(?:\s*\([^)]*\))?(?:\s+of|,\s+(?:the\s+|an?\s+)?[^,;“”\"]{{0,70}}?\b(?:of|at|for|with|from))"
            rf"\s+(?:the\s+)?(?P<org>{name})"
        ),
        party_code=re.compile(rf"\((?P<party>{codes})-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\)"),
        role=re.compile(rf"\b(?:{roles})\b", re.I),
        definite_role=re.compile(rf"^(?:the|this|that)\s+(?:\w+\s+){{0,2}}(?:{roles})$", re.I),
        media=re.compile(
            rf"\b(?:{alternation(vocab.words('media_names'), escape=True, longest_first=True)})$"
        ),
        legal_form=re.compile(
            rf"(?<=\w),?\s+(?:{alternation(vocab.words('legal_forms'), escape=True)})$"
        ),
    )


class Actors:
    """Names the actor of each candidate sentence of a corpus."""

    def __init__(
        self,
        texts: Sequence[str],
        documents: Sequence[int],
        speakers: Mapping[int, str],
        profile: Profile,
        articles: int,
    ) -> None:
        self.texts, self.documents, self.speakers = texts, documents, speakers
        self.profile = profile
        self.vocab = profile.vocabulary
        self.places = gazetteer(self.vocab)
        self.patterns = self.vocab.compiled(_patterns)
        self.speech = speech(self.vocab)
        self.stop = stop_words("english")
        self._people: dict[str, Affiliation | None] = {}  # a person's affiliation, found once
        self.affiliations = self._affiliations()
        self.mentions = self._mentions()
        self.domestic = self._home_country()
        self.central = self._central_people(articles)
        self._found: dict[int, str] = {}

    def of(self, i: int) -> str:
        """Return the actor of candidate i, or "" when no actor can be told."""
        if i not in self._found:
            actor = self.patterns.legal_form.sub("", self._actor(i))
            self._found[i] = "" if self._media(actor) else actor
        return self._found[i]

    def weight(self, actor: str) -> int:
        """How much the material is about `actor`: how many sentences name it or its people."""
        return self.mentions.get(actor, 0)

    # --- one statement -----------------------------------------------------------------------

    def _actor(self, i: int) -> str:
        speaker, text = self.speakers.get(i, ""), self.texts[i]
        actors = self.profile.actors
        if actors:  # the profile's actors come first: its aliases are the analyst's own
            found = actor_of(speaker, actors) if speaker else actor_of(text, actors)
            if found:
                return found
        if not speaker:
            return self._label(self._subject(text))
        affiliation = self.affiliations.get(i)
        if affiliation is None and self.patterns.definite_role.match(speaker):
            affiliation = self._introduced(i)  # "said the official": the one met before
        if affiliation is None and is_proper_name(speaker, self.speech):
            affiliation = self._person_affiliation(speaker)
        person = self._person(speaker)
        if person and (affiliation is None or not (affiliation.known or affiliation.held)):
            return person  # the person is the story, not an office holder speaking for a body
        if affiliation is not None:
            return self._label(affiliation)
        return ""

    def _label(self, affiliation: Affiliation | None) -> str:
        if affiliation is None:
            return ""
        if self.domestic and affiliation.country == self.domestic:
            return affiliation.local
        return affiliation.actor

    def _subject(self, text: str) -> Affiliation | None:
        """The actor a sentence no one speaks is about: the first it names, outside quotation
        marks and near its start ("The Chilean government has urged Britain to ..." is Chile's;
        "Netzhammer shows the ISIS battle flag cake" is no one's: ISIS is not its subject)."""
        own = unquoted(text)
        mentions = self._resolved(own)
        if not mentions or word_count(own[: mentions[0].start]) > SUBJECT_REACH:
            return None
        # A name before it is the subject ("Netzhammer shows the ISIS flag"), a date is not ("On
        # Monday, Moscow said").
        dates = calendar(self.vocab)
        days = {*dates.month_names, *(d.capitalize() for d in dates.weekdays)}
        before = [w.strip(",.;:") for w in own[: mentions[0].start].split()]
        if before and before[0].lower() in self.stop:
            before = before[1:]  # "The", "On", "Some": a capital only for opening the sentence
        if any(w[:1].isupper() and w not in days for w in before):
            return None
        return _affiliation(mentions[0])

    def _introduced(self, i: int) -> Affiliation | None:
        """The affiliation of the nameless speaker met last before i in the same article."""
        for k in range(i - 1, -1, -1):
            if self.documents[k] != self.documents[i]:
                break
            if k in self.affiliations and not is_proper_name(self.speakers.get(k, ""), self.speech):
                return self.affiliations[k]
        return None

    # --- the corpus ----------------------------------------------------------------------------

    def _affiliations(self) -> dict[int, Affiliation]:
        """The affiliation each speaker is given in its own sentence."""
        found = {}
        for i, speaker in self.speakers.items():
            affiliation = self._affiliation_in(self.texts[i], speaker)
            if affiliation is not None:
                found[i] = affiliation
        return found

    def _affiliation_in(self, text: str, speaker: str) -> Affiliation | None:
        """Read whom `speaker` speaks for from the sentence: a role phrase's own words ("a senior
        US official"), the title before the name, or what follows it."""
        if not is_proper_name(speaker, self.speech):
            mentions = self._resolved(speaker)
            return _affiliation(mentions[-1]) if mentions else None  # "European NATO diplomat"
        if self._organisation(speaker):
            return self._organisation(speaker)  # "the Metropolitan Police said", "Amnesty said"
        at = text.find(speaker)
        if at < 0:
            at = text.find(speaker.split()[-1])
        if at < 0:
            return None
        after = text[at + len(speaker) : at + len(speaker) + APPOSITION_REACH]
        return (
            self._party(after)
            or self._title_before(text[max(0, at - TITLE_REACH) : at])
            or self._after(after)
        )

    def _organisation(self, name: str) -> Affiliation | None:
        """A speaker that is an organisation, not a person: a known actor, or a name ending in
        an organisation's word ("British Airline Pilots Association")."""
        mentions = self._resolved(name)
        if mentions and mentions[0].end - mentions[0].start >= len(name) - 2:
            return _affiliation(mentions[0])
        if self.patterns.org_words.search(name.split()[-1]) and not self._media(name):
            return Affiliation(name, name, known=False)
        return None

    def _media(self, name: str) -> bool:
        """Tell whether `name` is a news outlet: it reports positions, it holds none."""
        return self.patterns.media.search(name) is not None

    def _title_before(self, before: str) -> Affiliation | None:
        """ "Lithuanian Defense Minister ", "White House spokesman ", "British Airways spokesman "."""
        run = _TITLE_RUN.search(before)
        if not run or not run.group(0).strip():
            return None
        phrase = _ARTICLE.sub("", run.group(0).strip())
        offices = self.places.offices(phrase)
        roles = list(_ROLE_WORD.finditer(phrase))
        if not offices and not roles:
            return None  # capitalised words before a name are a title only with an office in them
        # "Conservative MP Sarah " before "Wollaston": the title ends at its last office word.
        end = max([stop for _, stop in offices] + [r.end() for r in roles])
        phrase = _JOINERS.sub("", phrase[:end].strip())
        mentions = [m for m in self._resolved(phrase) if not _hosted(phrase, m)]
        named = self._organisation_named(phrase)
        if named:  # "British Airways", "Orofino Police"
            return Affiliation(named, named, known=False, held=True)
        return _affiliation(_most_specific(mentions)) if mentions else None

    def _organisation_named(self, phrase: str) -> str:
        """An organisation named before an office ("British Airways spokesman", "CNN host",
        "Orofino Police Department officer"): the capitalised words before the office, when
        some of them are neither a gazetteer name nor an office or institution word."""
        cut = len(phrase)
        for start, stop in reversed(self.places.offices(phrase)):
            if self.patterns.org_words.fullmatch(phrase[start:stop]):
                break  # "Riverside County Police Chief": the body's name ends at "Police"
            if stop >= cut - 1:
                cut = start
        head = phrase[:cut].split()
        while head and head[-1][:1].islower():
            head.pop()  # a role in lower case: "host", "lawyer"
        joiners = {"of", "the", "for", "and"}
        if not head or any(w[:1].islower() and w not in joiners for w in head):
            return ""
        text = " ".join(head)
        known = {w for m in self.places.find(text) for w in m.text.split()}
        for start, stop in self.places.offices(text):
            known.update(text[start:stop].split())
        rest = [w for w in head if w not in known and w not in joiners]
        name = _POSSESSIVE_END.sub("", text)
        # An organisation's name ends in an organisation's word ("Airways", "Institute") or is
        # an acronym ("CNN"); other capitalised words before a name are titles and given names.
        last = name.split()[-1] if name.split() else ""
        if not rest or not (self.patterns.org_words.search(last) or name.isupper()):
            return ""
        if len(name.split()) < 2 and not name.isupper():
            return ""  # "Network president ...": a body's kind, not its name
        return "" if self._media(name) else name

    def _party(self, after: str) -> Affiliation | None:
        """The party a code after a legislator's name gives: "(D-N.Y.)"."""
        code = self.patterns.party_code.match(after.lstrip())
        if not code:
            return None
        mentions = self._resolved(self.vocab.table("party_codes")[code.group("party")])
        return _affiliation(mentions[0]) if mentions else None

    def _after(self, after: str) -> Affiliation | None:
        """ " of the Scripps Research Institute", ", a professor at Memorial University"."""
        apposition = self.patterns.apposition.match(after)
        if not apposition:
            return None
        org = apposition.group("org").strip(" .,")
        mentions = self._resolved(org)
        if mentions and mentions[0].end - mentions[0].start >= len(org) - 4:
            return _affiliation(mentions[0])  # the whole name is a known actor
        if self.patterns.org_words.search(org):
            return Affiliation(org, org, known=False)
        return _affiliation(mentions[0]) if mentions else None

    def _person_affiliation(self, speaker: str) -> Affiliation | None:
        """The affiliation the corpus gives this person wherever else it names them."""
        if speaker not in self._people:
            self._people[speaker] = self._find_person_affiliation(speaker)
        return self._people[speaker]

    def _find_person_affiliation(self, speaker: str) -> Affiliation | None:
        if " " not in speaker and speaker not in self.central:
            return None  # a lone name ("Association", "Smith") is not enough to find its person
        surname = speaker.split()[-1]
        votes: Counter[Affiliation] = Counter()
        for text in self.texts:
            if surname in text:
                for full in (speaker, surname):
                    affiliation = self._affiliation_in(text, full)
                    if affiliation is not None:
                        votes[affiliation] += 1
                        break
        return votes.most_common(1)[0][0] if votes else None

    def _mentions(self) -> Counter[str]:
        """How many sentences name each actor (for ranking the groups)."""
        counts: Counter[str] = Counter()
        for text in self.texts:
            counts.update({m.actor for m in self._resolved(text)})
        for affiliation in self.affiliations.values():
            counts[affiliation.actor] += 1
            counts[affiliation.local] += 1
        return counts

    def _home_country(self) -> str:
        """The country of a domestic story (most of its affiliations), else ""."""
        countries = Counter(a.country for a in self.affiliations.values() if a.country)
        if not countries:
            return ""
        country, count = countries.most_common(1)[0]
        total = sum(countries.values())
        return (
            country if total >= MIN_DOMESTIC_STATEMENTS and count >= DOMESTIC_SHARE * total else ""
        )

    def _central_people(self, articles: int) -> dict[str, str]:
        """Surname -> full name of the people named in most articles: the people who are the story."""
        spread: Counter[str] = Counter()
        names: dict[str, str] = {}
        for speaker in sorted(set(self.speakers.values())):
            words = speaker.split()
            if not is_proper_name(speaker, self.speech) or len(words) < 2:
                continue
            if words[0].lower() in self.speech.not_names or self._resolved(speaker):
                continue  # "From Ohio", "Senate Republicans": no person's name
            names.setdefault(words[-1], speaker)
        for document in sorted(set(self.documents)):
            text = " ".join(
                t for t, d in zip(self.texts, self.documents, strict=True) if d == document
            )
            spread.update(surname for surname in names if surname in text)
        needed = max(2, CENTRAL_PERSON_SHARE * articles)
        return {s: names[s] for s, n in spread.items() if n >= needed}

    def _person(self, speaker: str) -> str:
        """The central person `speaker` is: the same surname, and the same first name when the
        speaker has one ("John Kennedy" is not "Anthony Kennedy")."""
        if not is_proper_name(speaker, self.speech):
            return ""
        words = speaker.split()
        central = self.central.get(words[-1], "")
        if central and len(words) > 1 and words[0] != central.split()[0]:
            return ""
        return central

    def _resolved(self, text: str) -> list[Mention]:
        return self.places.resolve(self.places.find(text), text)


_CAPITALISED = re.compile(r"[A-Z][\w’'.&-]*")
_POSSESSIVE_END = re.compile(r"[’']s?$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_JOINERS = re.compile(r"^(?:(?:of|the|to|for|and|from)\s+)+", re.I)
# A role in lower case before a name ("CNN host", "diocese spokeswoman", "defence lawyer").
_ROLE_WORD = re.compile(r"\b[a-z][\w-]*(?:man|woman|person|ist|er|or|ary|ent|host|chief|head)\b")
# The title run before a name: capitalised words, office words, "of", "the", "'s", "to".
_TITLE_RUN = re.compile(
    r"(?:(?:[A-Z][\w’'.&-]*|[a-z][\w-]*(?:man|woman|person|ist|er|or|ary|ent)|of|the|to|for|and|[’']s)"
    r"\s+)+$"
)


def _affiliation(mention: Mention) -> Affiliation:
    local = mention.entity if mention.kind in {"institution", "party"} else mention.actor
    return Affiliation(
        mention.actor,
        local,
        mention.country or (mention.actor if mention.kind == "country" else ""),
    )


def _most_specific(mentions: Sequence[Mention]) -> Mention:
    """The mention that says most about whom a title speaks for: a party, then an institution,
    then the first ("Senate Republican Whip" is the Republican Party's)."""
    rank = {"party": 0, "institution": 1}
    return min(mentions, key=lambda m: (rank.get(m.kind, 2), m.start))


def _hosted(phrase: str, mention: Mention) -> bool:
    """ "Ambassador to NATO": NATO hosts the speaker; the speaker speaks for someone else."""
    return phrase[: mention.start].rstrip().endswith(" to")
