"""Boilerplate removal by general rules: what a saved page or a paste carries that is not the story.

Each rule names the kind of junk it removes (language switchers, share and comment prompts, lone
punctuation, photo credits and their captions, banners, bylines, subheadings, repeated sentences);
tests show each one on real-looking dumps. Kept text is never edited inside a sentence: a paragraph
either stays as it was or goes, so every sentence quoted later is verbatim.
"""

from __future__ import annotations

import re

# ISO 639-1 codes seen in language switchers ("ua en ru", "EN | FR | DE").
LANGUAGE_CODES = frozenset(
    [
        "ar",
        "bg",
        "cs",
        "da",
        "de",
        "el",
        "en",
        "es",
        "et",
        "fa",
        "fi",
        "fr",
        "he",
        "hi",
        "hr",
        "hu",
        "id",
        "it",
        "ja",
        "ka",
        "kk",
        "ko",
        "lt",
        "lv",
        "nl",
        "no",
        "pl",
        "pt",
        "ro",
        "ru",
        "sk",
        "sl",
        "sq",
        "sr",
        "sv",
        "th",
        "tr",
        "ua",
        "uk",
        "ur",
        "vi",
        "zh",
    ]
)
# Words that make up navigation, sharing and comment prompts; a short line made only of these
# (and numbers) is interface text, not news.
PROMPT_WORDS = frozenset(
    [
        "comments",
        "comment",
        "share",
        "shares",
        "this",
        "read",
        "more",
        "also",
        "see",
        "related",
        "articles",
        "stories",
        "subscribe",
        "sign",
        "up",
        "in",
        "log",
        "login",
        "register",
        "newsletter",
        "advertisement",
        "advert",
        "ad",
        "sponsored",
        "follow",
        "us",
        "on",
        "print",
        "email",
        "mail",
        "tweet",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "telegram",
        "linkedin",
        "reddit",
        "click",
        "here",
        "continue",
        "reading",
        "skip",
        "to",
        "content",
        "main",
        "menu",
        "home",
        "back",
        "top",
        "most",
        "popular",
        "trending",
        "watch",
        "listen",
        "loading",
        "tags",
        "topics",
        "previous",
        "next",
        "min",
        "minute",
        "minutes",
        "read",
        "show",
        "hide",
        "all",
        "cookies",
        "cookie",
        "accept",
        "settings",
        "copy",
        "link",
        "video",
        "photos",
        "gallery",
        "leave",
        "a",
        "reply",
        "reply",
        "replies",
        "the",
        "latest",
        "news",
        "breaking",
        "live",
        "updates",
        "sections",
        "search",
        "open",
        "close",
    ]
)
MAX_PROMPT_WORDS = 6
# A photo credit: "© AFP", "Photo: ...", "Credit: ...", or a line ending in an agency credit.
# A dateline prefix naming the outlet: "washingtonpost – Ukrainian President..."
OUTLET_PREFIX = re.compile(r"^(?P<outlet>[\w][\w .&'-]{1,40}?)\s+[–—]\s+(?=[A-Z“\"])")
MAX_BYLINE_WORDS = 8
_BYLINE_LINE = re.compile(
    r"^(?i:by|authors?|written by)\s*:?\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
    r"(?:\s*(?:,|and|&|\|)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)*$"
)
MAX_CREDIT_WORDS = 40  # a credit line with its caption; a longer paragraph is story
_CREDIT = re.compile(
    r"^\s*(?:©|\(c\)|copyright\b)|\b(?:photo|image|picture|credit|illustration)s?\s*:|"
    r"\((?:[^()]*\b(?:images|photo|afp|reuters|ap|epa|getty|shutterstock|pool)\b[^()]*)\)\s*$|"
    r"\w/\s?(?:getty|afp|ap|reuters|epa|shutterstock|alamy|pool|invision)\b[^.!?]*$",
    re.I,
)
_NO_LETTERS = re.compile(r"^[\W_]*$", re.UNICODE)
_TERMINAL = (".", "!", "?", "…", "”", '"', "’", "»", ")")
# A subheading is a short line without terminal punctuation.
MAX_SUBHEADING_WORDS = 12
_MENU_SEPARATOR = re.compile(r"\s+[|•·»›/]\s+")
MIN_MENU_ITEMS = 3
MAX_JUNK_CHARS = 80  # longer than any prompt or switcher
# "RELATED: ...", "READ MORE: ...", "WATCH: ...": a link to another story, not this one.
_CROSS_LINK = re.compile(
    r"^(?:RELATED|READ MORE|MORE|WATCH|SEE ALSO|ALSO READ|LISTEN)\b[^:]{0,12}:", re.I
)
# Notices a page shows instead of a player or a form ("Please enable JavaScript to watch this video").
_NOTICE = re.compile(
    r"\b(?:javascript|cookies?|ad ?blocker|browser does not support|sign up for)\b", re.I
)
MAX_NOTICE_WORDS = 15
MAX_MENU_ITEM_WORDS = 3


def clean_paragraphs(
    lines: list[str], *, title: str, drop: set[int], outlet: str = ""
) -> list[str]:
    """Return the story's paragraphs from an article's body `lines`.

    `drop` holds the indexes of lines already read as metadata (banner, byline, dateline).
    """
    paragraphs: list[str] = []
    after_credit = False
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if (
            index in drop
            or is_junk_line(line)
            or _same_text(line, title)
            or (outlet and _same_text(line, outlet))
            or is_byline(line)
        ):
            after_credit = False
            continue
        if is_credit(line):
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


def is_byline(line: str) -> bool:
    """Tell whether `line` is a byline ("By Jane Doe", "Author: Jane Doe"), wherever it stands."""
    return len(line.split()) <= MAX_BYLINE_WORDS and _BYLINE_LINE.match(line) is not None


def is_credit(line: str) -> bool:
    """Tell whether `line` is a photo credit, with or without its caption."""
    return len(line.split()) <= MAX_CREDIT_WORDS and _CREDIT.search(line) is not None


def is_junk_line(line: str) -> bool:
    """Tell whether a whole line is interface text: switcher, menu, prompt, cross-link, player
    notice or lone punctuation."""
    if _CROSS_LINK.match(line) or (len(line.split()) <= MAX_NOTICE_WORDS and _NOTICE.search(line)):
        return True
    if len(line) > MAX_JUNK_CHARS and not _MENU_SEPARATOR.search(line):
        return False  # a long line with no separators is prose, not interface text
    return (
        _NO_LETTERS.match(line) is not None
        or is_language_switcher(line)
        or is_navigation(line)
        or is_prompt(line)
    )


def is_navigation(line: str) -> bool:
    """Tell whether `line` is a menu: three or more short items between separators
    ("Home | World | Politics")."""
    items = [item.strip() for item in _MENU_SEPARATOR.split(line)]
    return len(items) >= MIN_MENU_ITEMS and all(
        0 < len(item.split()) <= MAX_MENU_ITEM_WORDS for item in items
    )


def is_language_switcher(line: str) -> bool:
    """Tell whether `line` is a row of language codes ("ua en ru", "EN | FR")."""
    tokens = [t for t in re.split(r"[\s|/·•,]+", line.lower()) if t]
    return len(tokens) >= 2 and all(t in LANGUAGE_CODES for t in tokens)


def is_prompt(line: str) -> bool:
    """Tell whether `line` is a short share, comment, navigation or subscription prompt."""
    tokens = re.findall(r"[^\W\d_]+", line.lower())
    if not tokens or len(tokens) > MAX_PROMPT_WORDS:
        return False
    return all(t in PROMPT_WORDS for t in tokens)


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
