"""Which sentences stand alone, and which lean on the sentence before them.

A brief quotes sentences out of their articles. "This will shatter their hopes", "Such a gesture
would infuriate him", "said the official", "the minister said it should happen now": the reader
never learns what "this", "such a gesture", "the official" or "it" is. Such a sentence is shown
only together with the sentence before it (`summarize.Engine` pairs them) or not at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.speakers import QUOTE_MARKS, speech
from briefing.vocabulary import Vocabulary, alternation, shipped

# An "it" within this many words of an extraposition's "that", "to" or "whether" is empty:
# "It is not clear to the ministry whether ..."
EMPTY_IT_REACH = 6
ATTRIBUTION_ONLY_CHARS = 140  # "Name, title of the organisation, said." names who, says nothing
_TERMINAL = (".", "!", "?", "…", "”", '"', "’", "'", ")")


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
    return Leaning(
        opening=re.compile(rf"^(?:{openings})\b", re.I),
        opening_it=re.compile(
            rf"^it\b(?!\s+(?:{verbs})\s+(?:\S+\s+){{0,{EMPTY_IT_REACH}}}?"
            r"(?:that|to|whether|if|how|why|what|when|for)\b)",
            re.I,
        ),
        back_reference=re.compile(
            rf"\b(?:the|this|that)\s+(?:{roles})\b(?!\s+(?:of|for|at|in|from)\s+(?:the\s+)?[A-Z])"
            rf"|\b(?:{phrases})\b"
            # "..., believes another." — another of whom?
            rf"|\b(?:{said}|believes|according to)\s+(?:yet\s+)?another\b(?!\s+[a-z])",
            re.I,
        ),
        introduced=re.compile(
            rf"\b(?:an?|one|two|three|several|some)\s+(?:\S+\s+){{0,3}}(?:{roles})\b", re.I
        ),
        said_it=re.compile(rf"\b(?:{said})\s+(?:that\s+)?it\b(?!\s+(?:{verbs})\b)", re.I),
        titles=speech(vocab).titled,
        attribution_only=re.compile(
            rf"^[^“”\"]{{0,{ATTRIBUTION_ONLY_CHARS}}}\b(?:{said})"
            r"(?:\s+(?:in\s+a\s+statement|in\s+an\s+interview|on\s+\w+|\w+day|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*))?[.!]$"
        ),
    )


def is_fragment(text: str) -> bool:
    """Tell whether `text` is not a whole statement: a heading or lead-in without a full stop
    ("UPDATE: 5:55 p.m., April 17, Police Department:", "Highlights of the report")."""
    return not text.rstrip().endswith(_TERMINAL)


def leans_on_previous(text: str, vocab: Vocabulary | None = None) -> bool:
    """Tell whether `text` needs the sentence before it to be understood."""
    known = leaning(vocab)
    if known.attribution_only.match(text) and " that " not in text:
        return True  # it names who said the quotation before it

    opening = text.lstrip(QUOTE_MARKS + " (")
    if not opening or opening[0].islower() or not opening[0].isalnum():
        return True  # a fragment: the rest of a sentence the splitter cut
    if known.opening.match(opening) or known.opening_it.match(opening):
        return True
    back = known.back_reference.search(text)
    if back and not known.introduced.search(text, 0, back.start()):
        return True
    said_it = known.said_it.search(text)
    # "Defense Minister Ana Ruiz said it should happen now": a person is never "it", so "it" is
    # something an earlier sentence named. ("The ministry said it would ..." stands alone.)
    return said_it is not None and known.titles.search(text, 0, said_it.start()) is not None
