"""Which sentences stand alone, and which lean on the sentence before them.

A brief quotes sentences out of their articles. "This will shatter their hopes", "Such a gesture
would infuriate him", "said the official", "the minister said it should happen now": the reader
never learns what "this", "such a gesture", "the official" or "it" is. Such a sentence is shown
only together with the sentence before it (`summarize.Engine` pairs them) or not at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.gazetteer import gazetteer
from briefing.speakers import QUOTE_MARKS, attribution, speech
from briefing.text import stop_words
from briefing.vocabulary import Vocabulary, alternation, shipped

# An "it" within this many words of an extraposition's "that", "to" or "whether" is empty:
# "It is not clear to the ministry whether ..."
EMPTY_IT_REACH = 4
SHOUTED = 0.7  # share of capital letters that makes a line a headline or caption, not prose
MIN_SHOUTED = 12  # letters: "NATO." or "U.S.-EU." alone is not a headline
ATTRIBUTION_ONLY_CHARS = 120  # "Name, title of the organisation, said." names who, says nothing
_NAME = r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*"
_TERMINAL = (".", "!", "?", "…", "”", '"', "’", "'", ")")
# An inline "related stories" widget: headlines glued to a name ("TrumpScaramucci") and closed by a
# capitalised "MORE".
_INLINE_LINKS = re.compile(r"[a-z]MORE\b|\bMORE(?=[’'\s(])")
_GLUED = re.compile(r"[a-z]{2,}[A-Z][a-z]{3,}|[a-z]MORE\b")
_QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"")
# A lone closing quotation mark: the text before it is quoted.
_CLOSING_QUOTE = re.compile(r"^[^“]*”|^[^\"]*[,.!?…—-]\"")
# A headline or caption capitalises its words ("Mayor Finally Gets Her Bridge!", "Sgt. Ana Ruiz,
# Riverside County (Ore.)"); a sentence, however many names it holds, has a word in lower case that
# says something ("met", "urged"): one of at least three letters beyond these.
MIN_HEADLINE_CAPITALS = 4
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’.-]*")
_LOWER_WORD = re.compile(r"(?<![\w'’-])(?!(?:and|the|for)\b)[a-z][a-z'’-]{2,}")


@dataclass(frozen=True)
class Leaning:
    """The patterns of a sentence that leans on the one before it, built from a vocabulary."""

    opening: re.Pattern[str]  # "He", "These systems", "Such a", "Another", "However,"
    opening_it: re.Pattern[str]  # "It", unless it is empty: "It is unclear whether ..."
    back_reference: re.Pattern[str]  # "said the official", "the best way to do that"
    introduced: re.Pattern[str]  # the role introduced earlier in the sentence: "a US official ..."
    said_it: re.Pattern[str]  # "<person> said it should": "it" is no person, so something earlier
    titles: re.Pattern[str]  # an office before a name marks the speaker as a person
    attribution_only: re.Pattern[str]  # "Ana Ruiz, the council's chair, said in a statement."
    demonstrative: re.Pattern[str]  # "to achieve those savings", "any such decision"
    described: re.Pattern[str]  # "The man was taken to hospital": named in an earlier sentence
    after_event: re.Pattern[str]  # "At the time, ...", "Two years later, ...", "If that works"
    person_nouns: re.Pattern[str]  # "A mother is upset after she says ...": who "she" is
    attribution_pronoun: re.Pattern[str]  # ", he said": the speaker label shows who
    starters: frozenset[str]  # capitalised first words that name no one ("In the call, he")
    personal: re.Pattern[str]  # "he", "her", "himself": pronouns that stand for a person
    own_voice: re.Pattern[str]  # "I", "we", "our", "you": someone's own voice, or a writer's
    according: re.Pattern[str]  # "according to the mayor": whose words they are
    someone_said: re.Pattern[str]  # "his rep tells us", "he said": who says it, named or not


def leaning(vocab: Vocabulary | None = None) -> Leaning:
    """Return the leaning patterns of `vocab` (the shipped vocabulary by default)."""
    return (vocab or shipped()).compiled(_leaning)


def _leaning(vocab: Vocabulary) -> Leaning:
    words = vocab.words
    openings = alternation(
        [*words("dependent_openings"), *words("connectives")], escape=True, longest_first=True
    )
    verbs = alternation(words("empty_it_verbs"), escape=True, longest_first=True)
    roles = alternation(words("anaphoric_roles"))
    phrases = alternation(words("anaphoric_phrases"), escape=True, longest_first=True)
    said = alternation(words("speech_verbs"))
    exceptions = alternation(words("demonstrative_exceptions"), escape=True)
    nouns = alternation(words("anaphoric_nouns"), escape=True, longest_first=True)
    return Leaning(
        opening=re.compile(rf"^(?:{openings})\b", re.I),
        opening_it=re.compile(
            rf"^it\b(?!\s+(?:{verbs})\s+(?:\S+\s+){{0,{EMPTY_IT_REACH}}}?"
            # "It is hard to say" is empty; "It was warm to the touch" is something.
            r"(?:that|whether|if|how|why|what|to(?!\s+(?:the|an?|his|her|its|their)\b))\b)",
            re.I,
        ),
        back_reference=re.compile(
            rf"\b(?:the|this|that)\s+(?:{roles})\b(?!\s+(?:of|for|at|in|from)\s+(?:the\s+)?[A-Z])"
            rf"|\b(?:{phrases})\b"
            # "the former" standing for someone ("the latter said"), not "the former president"
            r"|\bthe\s+(?:former|latter)\b(?!\s+(?-i:[a-z]))"
            # "..., believes another." — another of whom?
            rf"|\b(?:{said}|believes|according to)\s+(?:yet\s+)?another\b(?!\s+[a-z])",
            re.I,
        ),
        introduced=re.compile(
            rf"\b(?:an?|one|two|three|several|some)\s+(?:\S+\s+){{0,3}}(?:{roles})\b", re.I
        ),
        said_it=re.compile(rf"\b(?:{said})\s+(?:that\s+)?it\b(?!\s+(?:{verbs})\b)", re.I),
        titles=speech(vocab).titled,
        # A name (or two), maybe a title set off by commas, the verb, and nothing said.
        demonstrative=re.compile(
            rf"\b(?:these|those|such)\b(?!\s+(?:{exceptions})\b)\s+(?:(?:an?|the)\s+)?"
            r"(?P<noun>[\w-]+)",
            re.I,
        ),
        attribution_only=re.compile(
            rf"^{_NAME}(?:\s+(?:and|&)\s+{_NAME})?(?:,\s*[^,“”\"]{{1,{ATTRIBUTION_ONLY_CHARS}}},)?"
            rf"\s+(?:{said})"
            r"(?:\s+(?:in\s+a\s+statement|in\s+an\s+interview|on\s+\w+|\w+day|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*))?[.!]$"
        ),
        described=re.compile(
            rf"^the\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns}|\d+-year-old)\b(?![\w-])"
            r"(?!,?\s+(?-i:[A-Z]))",
            re.I,
        ),
        after_event=re.compile(
            rf"^(?:{alternation(words('temporal_openings'))})\b"
            rf"|^(?:{alternation(words('subordinators'))}),?\s+(?:this|that)\b"
            rf"(?!\s+(?:{alternation(words('demonstrative_times'))})\b)",
            re.I,
        ),
        person_nouns=re.compile(rf"\b(?:{nouns})\b", re.I),
        attribution_pronoun=re.compile(rf"\b(?:he|she|they)\s+(?:{said})\b", re.I),
        starters=frozenset(words("sentence_starters")),
        personal=re.compile(rf"\b(?:{alternation(words('personal_pronouns'))})\b", re.I),
        # As written or capitalised, never in capitals: "US" is a country.
        own_voice=re.compile(
            r"(?<![\w'’-])(?:"
            + alternation(
                sorted(
                    {
                        form
                        for w in (*words("first_person"), *words("second_person"))
                        for form in (w, w[:1].upper() + w[1:])
                    }
                ),
                escape=True,
                longest_first=True,
            )
            + r")(?![\w'’-])"
        ),
        according=re.compile(r"\baccording to\b", re.I),
        someone_said=re.compile(rf"(?P<who>[\w'’]+)\s+(?:also\s+)?(?:{said})\b"),
    )


def is_fragment(text: str) -> bool:
    """Tell whether `text` is not a whole statement: a heading or lead-in without a full stop
    ("UPDATE: 5:55 p.m., April 17, Police Department:", "Highlights of the report"), or a
    sentence a page's inline link widget ran into ("President Trump Donald John TrumpScaramucci
    warns ... MORE's next nomination"), a line in capitals ("THE BODY, THE LEG, THE BULLET,
    EVERYWHERE.") or in headline case ("Mayor Finally Gets Her Bridge!"): a headline, caption or
    shouted pull quote, not reporting; or a question the writer asks ("What do the two have in
    common?"), a teaser, not a fact."""
    if not text.rstrip().endswith(_TERMINAL) or _asked_by_writer(text):
        return True
    if len(_CAPITALISED.findall(text)) >= MIN_HEADLINE_CAPITALS and not _LOWER_WORD.search(text):
        return True
    upper, lower = sum(map(str.isupper, text)), sum(map(str.islower, text))
    if upper + lower >= MIN_SHOUTED and upper > SHOUTED * (upper + lower):
        return True
    return _INLINE_LINKS.search(text) is not None and _GLUED.search(text) is not None


def _asked_by_writer(text: str) -> bool:
    """ "Who is the man behind the market?": a question the writer asks the reader is a teaser
    the article goes on to answer, not a fact; one in quotation marks is someone's words."""
    stripped = text.strip()
    return stripped[:1] not in QUOTE_MARKS and _QUOTATION.sub("", stripped).endswith("?")


def leans_on_previous(
    text: str, vocab: Vocabulary | None = None, topic: frozenset[str] = frozenset()
) -> bool:
    """Tell whether `text` needs the sentence before it to be understood.

    `topic` holds the words of the story's topic (in most of its articles): inside a sentence,
    "such an invitation" is clear in a story about an invitation; opening one, "Such a gesture"
    never is."""
    known = leaning(vocab)
    if known.attribution_only.match(text) and " that " not in text:
        return True  # it names who said the quotation before it

    opening = text.lstrip(QUOTE_MARKS + " (")
    if not opening or opening[0].islower() or not opening[0].isalnum():
        return True  # a fragment: the rest of a sentence the splitter cut
    if known.opening.match(opening) or known.opening_it.match(opening):
        return True
    if known.described.match(opening) or known.after_event.match(opening):
        return True
    for found in known.demonstrative.finditer(text):
        opens = found.start() <= len(text) - len(opening) + len("Any ")
        if opens or found.group("noun").lower() not in topic:
            return True
    back = known.back_reference.search(text)
    if back and not known.introduced.search(text, 0, back.start()):
        return True
    said_it = known.said_it.search(text)
    # "Defense Minister Ana Ruiz said it should happen now": a person is never "it", so "it" is
    # something an earlier sentence named. ("The ministry said it would ..." stands alone.)
    if said_it is not None and known.titles.search(text, 0, said_it.start()) is not None:
        return True
    return _unnamed_person(text, known, vocab)


def unattributed_voice(text: str, vocab: Vocabulary | None = None) -> bool:
    """Tell whether `text` is someone's own words ("I", "we", "our") or a writer addressing the
    reader ("you", "your") outside quotation marks with no one named as saying them ("Nobody in
    town thinks we're going to lose.", "... which you can watch here."): the middle of a
    quotation the splitter cut, a statement pasted whole, or the writer's own voice.
    Who speaks is named after it, or nowhere: the sentences before it do not help."""
    known = leaning(vocab)
    outside = _outside_quotes(text)
    voice = known.own_voice.search(outside)
    if voice is None:
        return False
    if voice.group() == "I" and _roman_numeral(outside, voice.start()):
        return False  # "World War I", "Elizabeth I"
    return not (
        attribution(outside, vocab)
        or known.according.search(outside)
        or any(
            not known.own_voice.fullmatch(found.group("who"))
            for found in known.someone_said.finditer(outside)
        )
    )


def _roman_numeral(text: str, at: int) -> bool:
    before = text[:at].split()
    return len(before) > 1 and before[-1][:1].isupper()


def _outside_quotes(text: str) -> str:
    """`text` without its quotations: balanced ones, and the open end of a quotation that
    begins or ends in another sentence."""
    outside = _QUOTATION.sub(" ", text)
    closed = _CLOSING_QUOTE.search(outside)
    if closed is not None:  # the end of a quotation that began in an earlier sentence
        outside = outside[closed.end() :]
    opened = re.search(r"[“\"]", outside)
    if opened is not None:  # a quotation that goes on into the next sentence
        outside = outside[: opened.start()]
    return outside


def _unnamed_person(text: str, known: Leaning, vocab: Vocabulary | None = None) -> bool:
    """ "In the call, he explained his decision": a "he" or "she" outside quotation marks with
    no one named before it. (", he said" is left to the speaker label the brief prints.)"""
    unquoted = _QUOTATION.sub(" ", text)
    outside = known.attribution_pronoun.sub(" ", unquoted)
    pronoun = known.personal.search(outside)
    if pronoun is None:
        # "When dry times arrive, more streambed will be exposed, he said.": who said it is in
        # the sentence before, unless a quotation opens it (the speaker label names them).
        said = known.attribution_pronoun.search(unquoted)
        opens_quote = text.lstrip()[:1] in QUOTE_MARKS
        return (
            said is not None
            and not opens_quote
            and not _names_someone(text[: said.start()], known, vocab)
        )
    before = outside[: pronoun.start()]
    return not (_names_someone(before, known, vocab) or _antecedent(before, known))


def _names_someone(before: str, known: Leaning, vocab: Vocabulary | None = None) -> bool:
    """Tell whether `before` names someone: a capitalised word after the first, or a first word
    that is neither a sentence opener nor an adverb ("Ultimately," "Amazingly,"). A place or a
    body the gazetteer knows is no one ("Speaking in Brussels, he said")."""
    for mention in reversed(gazetteer(vocab).find(before)):
        before = before[: mention.start] + before[mention.end :]
    if any(word[:1].isupper() for word in before.split()[1:]):
        return True
    first = [w.strip(",;:") for w in before.split()[:1]]
    stop = stop_words("english")
    return bool(
        first
        and first[0][:1].isupper()
        and first[0].lower() not in known.starters | stop
        and not first[0].endswith("ly")
    )


def _antecedent(before: str, known: Leaning) -> bool:
    """Tell whether `before` introduces a person the pronoun can stand for ("A mother is upset
    after she ..."); a bare role describes the pronoun's person, it does not introduce one
    ("During 14 years as governor, he ...")."""
    return any(
        not re.search(r"\bas\s+$", before[: m.start()], re.I)
        for m in known.person_nouns.finditer(before)
    )
