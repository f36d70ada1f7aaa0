"""Boilerplate removal by general rules: what a saved page or a paste carries that is not the story.

Each rule names the kind of junk it removes (language switchers, share and comment prompts, lone
punctuation, photo credits and their captions, banners, bylines, subheadings, repeated sentences);
tests show each one on real-looking dumps. Kept text is never edited inside a sentence: a paragraph
either stays as it was or goes, so every sentence quoted later is verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.vocabulary import Vocabulary, alternation, shipped

# Capitalised names joined by commas, "and", "&" or "|": "Jane Doe and Ali Khan".
_NAMES = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:\s*(?:,|and|&|\|)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)*"


@dataclass(frozen=True)
class Furniture:
    """The patterns of page furniture, built from a vocabulary's reading lists."""

    language_codes: frozenset[str]
    prompt_words: frozenset[str]
    byline: re.Pattern[str]  # "By Jane Doe", "Author: Jane Doe | 5 May 2025"
    credit: re.Pattern[str]  # "© AFP", "Photo: ...", a caption ending in an agency credit
    cross_link: re.Pattern[str]  # "RELATED: ...", "READ MORE: ...": a link to another story
    notice: re.Pattern[str]  # "Please enable JavaScript to watch this video"


def furniture(vocab: Vocabulary | None = None) -> Furniture:
    """Return the furniture patterns of `vocab` (the shipped vocabulary by default)."""
    return (vocab or shipped()).compiled(_furniture)


def _furniture(vocab: Vocabulary) -> Furniture:
    words = vocab.words
    credit = (
        rf"^\s*(?:©|\(c\)|copyright\b)|\b(?:{alternation(words('credit_words'))})s?\s*:|"
        rf"\((?:[^()]*\b(?:{alternation(words('bracket_credit_words'))})\b[^()]*)\)\s*$|"
        rf"\w/\s?(?:{alternation(words('photo_agencies'))})\b[^.!?]*$"
    )
    return Furniture(
        language_codes=frozenset(words("language_codes")),
        prompt_words=frozenset(words("prompt_words")),
        byline=re.compile(
            rf"^(?i:{alternation(words('byline_cues'))})\s*:?\s+(?P<name>{_NAMES})"
            r"(?:\s*[|,·]\s*(?P<when>[^\n]*\d[^\n]*))?$"
        ),
        credit=re.compile(credit, re.I),
        cross_link=re.compile(
            rf"^(?:{alternation(words('cross_link_labels'))})\b[^:]{{0,12}}:", re.I
        ),
        notice=re.compile(rf"\b(?:{alternation(words('notice_words'))})\b", re.I),
    )


MAX_PROMPT_WORDS = 6
# A dateline prefix naming the outlet: "washingtonpost – Ukrainian President..."
OUTLET_PREFIX = re.compile(r"^(?P<outlet>[\w][\w .&'-]{1,40}?)\s+[–—]\s+(?=[A-Z“\"])")
MAX_BYLINE_WORDS = 8
MAX_CREDIT_WORDS = 40  # a credit line with its caption; a longer paragraph is story
_NO_LETTERS = re.compile(r"^[\W_]*$", re.UNICODE)
_TERMINAL = (".", "!", "?", "…", "”", '"', "’", "»", ")")
# A subheading is a short line without terminal punctuation.
MAX_SUBHEADING_WORDS = 12
_MENU_SEPARATOR = re.compile(r"\s+[|•·»›/]\s+")
MIN_MENU_ITEMS = 3
MAX_JUNK_CHARS = 80  # longer than any prompt or switcher
MAX_NOTICE_WORDS = 15
MAX_MENU_ITEM_WORDS = 3


def clean_paragraphs(
    lines: list[str],
    *,
    title: str,
    drop: set[int],
    outlet: str = "",
    vocab: Vocabulary | None = None,
) -> list[str]:
    """Return the story's paragraphs from an article's body `lines`.

    `drop` holds the indexes of lines already read as metadata (banner, byline, dateline).
    """
    known = furniture(vocab)
    paragraphs: list[str] = []
    after_credit = False
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if (
            index in drop
            or is_junk_line(line, known)
            or _same_text(line, title)
            or (outlet and _same_text(line, outlet))
            or is_byline(line, known)
        ):
            after_credit = False
            continue
        if is_credit(line, known):
            after_credit = True
            continue
        if after_credit and not line.endswith(_TERMINAL):
            after_credit = False  # the caption under a photo credit
            continue
        after_credit = False
        if is_subheading(line):
            continue
        paragraphs.append(line)
    if paragraphs:
        paragraphs[0] = strip_outlet_prefix(paragraphs[0])
    return paragraphs


def strip_outlet_prefix(paragraph: str) -> str:
    """Return `paragraph` without a leading "Outlet – " dateline prefix."""
    match = OUTLET_PREFIX.match(paragraph)
    return paragraph[match.end() :] if match else paragraph


def is_byline(line: str, known: Furniture | None = None) -> bool:
    """Tell whether `line` is a byline ("By Jane Doe", "Author: Jane Doe"), wherever it stands."""
    known = known or furniture()
    return len(line.split()) <= MAX_BYLINE_WORDS and known.byline.match(line) is not None


def is_credit(line: str, known: Furniture | None = None) -> bool:
    """Tell whether `line` is a photo credit, with or without its caption."""
    known = known or furniture()
    return len(line.split()) <= MAX_CREDIT_WORDS and known.credit.search(line) is not None


def is_junk_line(line: str, known: Furniture | None = None) -> bool:
    """Tell whether a whole line is interface text: switcher, menu, prompt, cross-link, player
    notice or lone punctuation."""
    known = known or furniture()
    if known.cross_link.match(line) or (
        len(line.split()) <= MAX_NOTICE_WORDS and known.notice.search(line)
    ):
        return True
    if len(line) > MAX_JUNK_CHARS and not _MENU_SEPARATOR.search(line):
        return False  # a long line with no separators is prose, not interface text
    return (
        _NO_LETTERS.match(line) is not None
        or is_language_switcher(line, known)
        or is_navigation(line)
        or is_prompt(line, known)
    )


def is_navigation(line: str) -> bool:
    """Tell whether `line` is a menu: three or more short items between separators
    ("Home | World | Politics")."""
    items = [item.strip() for item in _MENU_SEPARATOR.split(line)]
    return len(items) >= MIN_MENU_ITEMS and all(
        0 < len(item.split()) <= MAX_MENU_ITEM_WORDS for item in items
    )


def is_language_switcher(line: str, known: Furniture | None = None) -> bool:
    """Tell whether `line` is a row of language codes ("ua en ru", "EN | FR")."""
    codes = (known or furniture()).language_codes
    tokens = [t for t in re.split(r"[\s|/·•,]+", line.lower()) if t]
    return len(tokens) >= 2 and all(t in codes for t in tokens)


def is_prompt(line: str, known: Furniture | None = None) -> bool:
    """Tell whether `line` is a short share, comment, navigation or subscription prompt."""
    words = (known or furniture()).prompt_words
    tokens = re.findall(r"[^\W\d_]+", line.lower())
    if not tokens or len(tokens) > MAX_PROMPT_WORDS:
        return False
    return all(t in words for t in tokens)


def is_subheading(line: str) -> bool:
    """Tell whether `line` is a short heading inside the story rather than a sentence."""
    return len(line.split()) <= MAX_SUBHEADING_WORDS and not line.endswith(_TERMINAL + (":",))


def normalize(text: str) -> str:
    """Return `text` reduced to lowercase letters and digits, for comparing sentences."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _same_text(line: str, title: str) -> bool:
    return bool(title) and normalize(line) == normalize(title)


def unique_sentences(sentences: list[str], *, title: str) -> list[str]:
    """Return `sentences` without repeats within the article and without the headline itself."""
    seen = {normalize(title)} if title else set()
    kept = []
    for sentence in sentences:
        key = normalize(sentence)
        if not key or key in seen:
            continue
        seen.add(key)
        kept.append(sentence)
    return kept
