"""Boilerplate removal by general rules: what a saved page or a paste carries that is not the story.

Each rule names the kind of junk it removes (language switchers, share and comment prompts, lone
punctuation, photo credits and captions, video players, social-media embeds, reader prompts, web
archive and error notices, banners, bylines, subheadings, datelines, repeated sentences); tests show
each one on real-looking dumps. Kept text is never edited inside a sentence: a paragraph either
stays as it was or goes, or loses a leading prefix (an "Outlet – " or "CITY (Agency) - " dateline,
a run of gallery captions), so every sentence quoted later is a verbatim slice of the source.

An article that is mostly furniture (a crawl notice, an error page, a widget) is no article:
`furniture_verdict` names the kind of furniture it is made of.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from briefing.dates import calendar
from briefing.text import sentence_spans, split_sentences, word_count
from briefing.vocabulary import Vocabulary, alternation, shipped

# Capitalised names joined by commas, "and", "&" or "|": "Jane Doe and Ali Khan".
_NAMES = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:\s*(?:,|and|&|\|)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)*"


# Kinds of page furniture, as `briefing sources` names them when an article is mostly one.
INTERFACE = "interface text"
CAPTION = "photo captions"
PLAYER = "video player"
EMBED = "social-media embed"
PROMPT = "reader prompts"
ARCHIVE = "archive notice"
ERROR = "error page"
# Kinds that say what a whole page is: one such line among other furniture names the page.
SIGNATURE_KINDS = (ARCHIVE, ERROR)


@dataclass(frozen=True)
class Furniture:
    """The patterns of page furniture, built from a vocabulary's reading lists."""

    language_codes: frozenset[str]
    prompt_words: frozenset[str]
    byline: re.Pattern[str]  # "By Jane Doe", "Author: Jane Doe | 5 May 2025"
    credit: re.Pattern[str]  # "© AFP", "Photo: ...", a caption ending in an agency credit
    cross_link: re.Pattern[str]  # "RELATED: ...", "READ MORE: ...": a link to another story
    notice: re.Pattern[str]  # "Please enable JavaScript to watch this video"
    end_credit: re.Pattern[str]  # "... in Kabul. (Associated Press)", "(Jane Roe/The Courier)"
    bare_credit: re.Pattern[str]  # a sentence that is a credit: "Photo: ...", "... (AP Photo)"
    bracket_credit: re.Pattern[str]  # a credit in brackets anywhere: "(AP Photo/Jane Roe, File)"
    run_in_credit: re.Pattern[str]  # "Jane Roe/AP", "(Jane Roe/The Courier)" inside a paragraph
    caption_label: re.Pattern[str]  # "Image copyright", "toggle caption", "Buy Photo"
    caption_opener: re.Pattern[str]  # "FILE - In this ... photo", "This undated photo shows"
    caption_phrase: re.Pattern[str]  # "... in this undated photo released by ..."
    caption_verb: re.Pattern[str]  # "holds", "is seen": the present tense of a picture's scene
    full_date: re.Pattern[str]  # "March 6, 2013", "Wednesday, Sept. 15, 2010"
    speech: re.Pattern[str]  # "said", "according to": a news sentence, not a caption
    player: re.Pattern[str]  # "Media playback is unsupported on your device"
    embed: re.Pattern[str]  # "Tweet with a location", "pic.twitter.com/..."
    tweet_signature: re.Pattern[str]  # "— Jane Doe (@jane) May 5, 2017" closing an embedded tweet
    prompt: re.Pattern[str]  # "Story continued below", "contributed to this report"
    prompt_opener: re.Pattern[str]  # "Click here ...", "Read more about ..."
    archive: re.Pattern[str]  # "crawl", "Wayback Machine"
    error: re.Pattern[str]  # "Page not found", "Access denied"
    dateline: re.Pattern[str]  # "OSLO (Reuters) - ", "LAS VEGAS, June 10 (UPI) -- ", "DALLAS – "
    agencies: frozenset[str]  # the agencies a dateline may name without a dash: "(CNN) Two ..."
    stamp: re.Pattern[str]  # "(Published Monday, Nov. 19, 2018)", "Updated 7:51 a.m. ET"


def furniture(vocab: Vocabulary | None = None) -> Furniture:
    """Return the furniture patterns of `vocab` (the shipped vocabulary by default)."""
    return (vocab or shipped()).compiled(_furniture)


def _words_pattern(vocab: Vocabulary, name: str, *, opener: bool = False) -> re.Pattern[str]:
    """A case-insensitive pattern of list `name`: its fragments as whole words, or at the start."""
    body = alternation(vocab.words(name), longest_first=True)
    return re.compile(rf"^\s*(?:{body})(?!\w)" if opener else rf"(?<!\w)(?:{body})(?!\w)", re.I)


def _furniture(vocab: Vocabulary) -> Furniture:
    words = vocab.words
    agencies = alternation(words("photo_agencies"))
    credit = (
        rf"^\s*(?:©|\(c\)|copyright\b)|\b(?:{alternation(words('credit_words'))})s?\s*:|"
        rf"\((?:[^()]*\b(?:{alternation(words('bracket_credit_words'))})\b[^()]*)\)\s*$|"
        rf"\w/\s?(?:{agencies})\b[^.!?]*$"
    )
    # A photographer's name and a picture desk: "Jane Roe/AP", "(JANE ROE/ The Courier)".
    person = r"[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+)+"
    bracket_slash = rf"\({person}\s?/\s?[A-Z][^()]{{0,40}}\)"
    months = alternation(list(calendar(vocab).months), longest_first=True)
    weekdays = alternation(list(calendar(vocab).weekdays))
    date = rf"\b(?:{months})\.?\s+\d{{1,2}},?\s+\d{{4}}\b"
    speech = alternation([*words("speech_verbs"), "according to"])
    agency_names = alternation(words("dateline_agencies"), escape=True, longest_first=True)
    return Furniture(
        language_codes=frozenset(words("language_codes")),
        prompt_words=frozenset(words("prompt_words")),
        byline=re.compile(
            # "By Jane Doe", "Author: Jane Doe", or a signature under a post ("-Jane Doe").
            rf"^(?:(?i:{alternation(words('byline_cues'))})\s*:?\s+|[-–—]\s?(?=\S+(?:\s+\S+){{1,3}}$))"
            rf"(?P<name>{_NAMES})"
            r"(?:\s*[|,·]\s*(?P<when>[^\n]*\d[^\n]*))?$"
        ),
        credit=re.compile(credit, re.I),
        cross_link=re.compile(
            rf"^(?:{alternation(words('cross_link_labels'))})\b[^:]{{0,12}}:"
            rf"|^\((?:{alternation(words('cross_link_labels'))}|from)\b[^:()]{{0,30}}:",
            re.I,
        ),
        notice=re.compile(rf"\b(?:{alternation(words('notice_words'))})\b", re.I),
        end_credit=re.compile(
            rf"(?:\((?i:[^()]*\b(?:{alternation(words('bracket_credit_words'))})\b[^()]*)\)"
            rf"|{bracket_slash})\s*$"
        ),
        bare_credit=re.compile(
            rf"^\s*(?:©|\(c\)|copyright\b|(?:{alternation(words('credit_words'))})s?\s*:)|"
            rf"\((?:[^()]*\b(?:{alternation(words('bracket_credit_words'))})\b[^()]*)\)\s*$|"
            rf"\w/\s?(?:{agencies})\b[^.!?]*$",
            re.I,
        ),
        bracket_credit=re.compile(
            rf"\((?:[^()]*\b(?:{alternation(words('bracket_credit_words'))})\b[^()]*)\)", re.I
        ),
        run_in_credit=re.compile(rf"{bracket_slash}|\b{person}\s?/\s?(?i:{agencies})\b"),
        caption_label=_words_pattern(vocab, "caption_labels"),
        caption_opener=_words_pattern(vocab, "caption_openers", opener=True),
        caption_phrase=_words_pattern(vocab, "caption_phrases"),
        caption_verb=re.compile(rf"\b(?:{alternation(words('caption_verbs'))})\b"),
        full_date=re.compile(rf"(?P<weekday>\b(?:{weekdays}),?\s+)?{date}", re.I),
        speech=re.compile(rf"\b(?:{speech})\b", re.I),
        player=_words_pattern(vocab, "player_phrases"),
        embed=_words_pattern(vocab, "embed_phrases"),
        tweet_signature=re.compile(
            rf"[—–-]{{1,2}}\s*[^—–()]{{1,60}}\(@\w{{1,20}}\)\s*{date}\s*$", re.I
        ),
        prompt=_words_pattern(vocab, "prompt_phrases"),
        prompt_opener=_words_pattern(vocab, "prompt_openers", opener=True),
        archive=_words_pattern(vocab, "archive_terms"),
        error=_words_pattern(vocab, "error_phrases"),
        dateline=re.compile(
            # "PLACE[, Month D] (Source) - " or "(Source) - ": a known agency, or any short name
            # with a dash after it when the place is written in capitals.
            rf"^(?:(?P<place>[A-Z][\w.'’/-]*(?:,?\s+[\w.'’/-]+){{0,6}}?)\s+)?"
            rf"\((?P<source>{agency_names}|[A-Z][\w&.'-]*(?:\s[\w&.'-]+){{0,2}})\)"
            rf"(?P<dash>\s*[-–—]{{1,2}}|\s*:)?\s+(?=[A-Z“\"‘'0-9])"
            # "WASHINGTON — ", "HANFORD, Calif. -- ": a place in capitals and a dash.
            rf"|^(?P<caps>[A-Z][A-Z.'’-]{{2,}}(?:[\s/][A-Z][A-Z.'’-]+)*)"
            rf"(?:,\s+[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*){{0,3}})?\s+[-–—]{{1,2}}\s+(?=[A-Z“\"‘'])"
        ),
        agencies=frozenset(words("dateline_agencies")),
        stamp=re.compile(
            rf"^[(\[—–-]*\s*(?:last\s+)?(?:{alternation(words('dateline_cues'))})\s*[:,]?\s*"
            rf"(?:on\s+|at\s+)?(?:\d|(?:{weekdays}|{months})\b)",
            re.I,
        ),
    )


MAX_PROMPT_WORDS = 6
# A dateline prefix naming the outlet: "washingtonpost – Ukrainian President..."
OUTLET_PREFIX = re.compile(r"^(?P<outlet>[\w][\w .&'-]{1,40}?)\s+[–—]\s+(?=[A-Z“\"])")
MAX_BYLINE_WORDS = 8
MAX_CREDIT_WORDS = 40  # a credit line with its caption; a longer paragraph is story
# A caption that names itself as one (a label, an opener, a credit at its end) runs to a few
# sentences; past this length a paragraph is story that happens to mention a photo.
MAX_CAPTION_WORDS = 80
# A line that opens with the words of a truncated caption just removed is that caption in full;
# a few words are too few to tell.
MIN_TRUNCATED_WORDS = 6
# A photo gallery pasted as one line repeats its labels ("Hide Caption 3 of 30", "Buy Photo").
MIN_GALLERY_LABELS = 2
# A credit standing alone ("© AFP", "Photo: Jane Roe/Getty") has its caption on the next line.
MAX_BARE_CREDIT_WORDS = 8
# Widget, player and prompt boilerplate is a sentence or two; in a longer paragraph only the
# sentences that hold it go (see `trim_furniture`).
MAX_BOILERPLATE_WORDS = 30
MAX_STAMP_WORDS = 14  # "Updated 7:51 a.m. ET Dec. 14 with official announcement of the nomination."
MAX_PROMPT_LINE_WORDS = 25  # "Read more about the case here." / "Follow Jane Doe on Twitter"
MAX_CONTACT_WORDS = 30  # "Jane Doe can be reached at jane@example.org."
MAX_ERROR_WORDS = 30  # "Sorry, the page you requested was not found. Try the search."
MAX_TEASER_WORDS = 30  # "MUST WATCH Talks keep skaters' dream alive 02:41"
MIN_ARCHIVE_TERMS = 2  # one mention of a crawl is news about the web; two is the notice itself
# A video teaser ends in the clip's running time: "... dream alive 02:41".
_DURATION_END = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?$")
# A live blog's time stamp standing alone: "5:35 p.m.", "10:55 BST".
_TIMESTAMP = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?$", re.I)
# A list of links to other stories, each behind an arrow: "► Aug. 14: Report puts spotlight on ..."
_LINK_BULLET = re.compile(r"^[►▶▸→»›]")
# Script or style code: an assignment, a call with an object, a function; with a few of "{};=".
_CODE = re.compile(r"\bwindow\.\w|\bfunction\s*\(|\bvar\s+\w+\s*=|\w\s*=\s*\w+\s*\|\||\(\{\s*\w+:")
MIN_CODE_MARKS = 3
_EMAIL = re.compile(r"\b[\w.+-]+(?:@|\(at\))[\w-]+\.[\w.]+\b")
# A close button left before the story by a gallery: "X In announcing her decision, ..."
_CLOSE_BUTTON = re.compile(r"^[X×✕]\s+(?=[A-Z“\"])")
_NO_LETTERS = re.compile(r"^[\W_]*$", re.UNICODE)
_TERMINAL = (".", "!", "?", "…", "”", '"', "’", "»", ")")
# A subheading is a short line without terminal punctuation.
MAX_SUBHEADING_WORDS = 12
_MENU_SEPARATOR = re.compile(r"\s+[|•·»›/]\s+")
MIN_MENU_ITEMS = 3
MAX_JUNK_CHARS = 80  # longer than any prompt or switcher
MAX_NOTICE_WORDS = 15
MAX_MENU_ITEM_WORDS = 3
# An article is mostly furniture when fewer prose words than this are left after cleaning and the
# furniture removed outweighs them: a widget, a notice or a gallery, not a story. The shortest
# real items in the benchmark (a three-sentence brief) hold over 50 words of prose.
MIN_PROSE_WORDS = 40
# A prose sentence ends in terminal punctuation and has a few words; list items and labels do not.
MIN_PROSE_SENTENCE_WORDS = 4
# An article whose words lie mostly in lines naming a web archive's crawl is the archive's notice.
ARCHIVE_SHARE = 0.5


@dataclass
class Body:
    """The story's paragraphs, and how many words of each kind of furniture were removed."""

    paragraphs: list[str]
    removed: Counter[str] = field(default_factory=Counter)
    archive_words: int = 0  # words in lines that name a web archive's crawl
    words: int = 0  # words of every line read, metadata and furniture included


def clean_body(
    lines: list[str],
    *,
    title: str,
    drop: set[int],
    outlet: str = "",
    vocab: Vocabulary | None = None,
) -> Body:
    """Return the story's paragraphs from an article's body `lines` and the furniture removed.

    `drop` holds the indexes of lines already read as metadata (banner, byline, dateline).
    """
    known = furniture(vocab)
    body = Body(paragraphs=[])
    truncated = ""  # the text of a truncated caption just removed ("... in Kabul, ... (AP)")
    after_credit = False
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        size = len(line.split())
        body.words += size
        if known.archive.search(line):
            body.archive_words += size
        if (
            index in drop
            or _same_text(line, title)
            or (outlet and _same_text(line, outlet))
            or is_byline(line, known)
        ):
            after_credit = False
            continue
        kind = furniture_kind(line, known)
        if kind == CAPTION or (kind == "" and _repeats_caption(line, truncated)):
            body.removed[CAPTION] += size
            truncated = _truncated_caption(line, known)
            after_credit = size <= MAX_BARE_CREDIT_WORDS and is_credit(line, known)
            continue
        truncated = ""
        if kind:
            body.removed[kind] += size
            after_credit = False
            continue
        if after_credit and not line.endswith(_TERMINAL):
            after_credit = False  # the caption under a photo credit
            body.removed[CAPTION] += size
            continue
        after_credit = False
        if is_subheading(line):
            continue
        paragraph = strip_caption_prefix(line, known)
        body.removed[CAPTION] += size - len(paragraph.split())
        paragraph = trim_furniture(paragraph, body.removed, known, vocab)
        if paragraph:
            body.paragraphs.append(strip_dateline(paragraph, known))
    if body.paragraphs:
        body.paragraphs[0] = strip_outlet_prefix(body.paragraphs[0])
    return body


def furniture_kind(line: str, known: Furniture | None = None) -> str:
    """Return the kind of page furniture a whole line is (INTERFACE, CAPTION, ...), or ""."""
    known = known or furniture()
    if len(line) <= MEMO_LINE_CHARS:
        return _remembered_kind(line, known)
    return _furniture_kind(line, known)


# Reading an article asks a line's kind twice (for its metadata, then for its body): the kinds of
# the latest lines of ordinary length are kept.
MEMO_LINE_CHARS = 20_000
MEMO_LINES = 256


@lru_cache(maxsize=MEMO_LINES)
def _remembered_kind(line: str, known: Furniture) -> str:
    return _furniture_kind(line, known)


def _furniture_kind(line: str, known: Furniture) -> str:
    size = len(line.split())
    if (
        is_junk_line(line, known)
        or _TIMESTAMP.match(line)
        or is_timestamp_line(line, known)
        or is_code(line)
        or (size <= MAX_PROMPT_LINE_WORDS and _LINK_BULLET.match(line))
    ):
        return INTERFACE
    if len({m.group(0).lower() for m in known.archive.finditer(line)}) >= MIN_ARCHIVE_TERMS:
        return ARCHIVE
    if size <= MAX_ERROR_WORDS and known.error.search(line):
        return ERROR
    if size <= MAX_CAPTION_WORDS and known.tweet_signature.search(line):
        return EMBED
    if is_teaser(line):
        return PLAYER
    one_sentence = size <= MAX_BOILERPLATE_WORDS and len(split_sentences(line)) == 1
    if one_sentence and (kind := sentence_kind(line, known)):
        return kind  # a longer line loses only its furniture sentences (`trim_furniture`)
    if is_caption(line, known):
        return CAPTION
    return ""


def sentence_kind(sentence: str, known: Furniture | None = None) -> str:
    """Return the kind of furniture a sentence is by the words only furniture uses (a prompt, a
    widget's or a player's boilerplate, a caption label or credit), or ""."""
    known = known or furniture()
    if is_prompt(sentence, known) or _NO_LETTERS.match(sentence):
        return INTERFACE
    if is_timestamp_line(sentence, known) or is_code(sentence):
        return INTERFACE
    if known.embed.search(sentence) or known.tweet_signature.search(sentence):
        return EMBED
    if known.player.search(sentence):
        return PLAYER
    if is_reader_prompt(sentence, known):
        return PROMPT
    if known.caption_label.search(sentence) or known.bare_credit.search(sentence):
        return CAPTION
    return ""


def trim_furniture(
    paragraph: str, removed: Counter[str], known: Furniture, vocab: Vocabulary | None = None
) -> str:
    """Return `paragraph` without the furniture sentences that open or close it ("... dies at 90.
    Advertisement", "... Read more about the case here."), counting their words in `removed`;
    return "" when furniture is also most of what lies between."""
    spans = list(sentence_spans(paragraph, vocab))
    kinds = [sentence_kind(paragraph[start:end], known) for start, end in spans]
    first = next((i for i, kind in enumerate(kinds) if not kind), len(kinds))
    last = max((i for i, kind in enumerate(kinds) if not kind), default=-1)
    middle = kinds[first : last + 1]
    if middle and 2 * sum(1 for kind in middle if kind) < len(middle):
        dropped = [*range(first), *range(last + 1, len(kinds))]
        kept = paragraph[spans[first][0] : spans[last][1]]
    else:
        dropped, kept = list(range(len(kinds))), ""
    for i in dropped:
        removed[kinds[i] or INTERFACE] += word_count(paragraph[spans[i][0] : spans[i][1]])
    return kept


def is_code(line: str) -> bool:
    """Tell whether `line` is script or style code a page leaked ("window._ads = ...; push({...})")."""
    return sum(line.count(c) for c in "{};=") >= MIN_CODE_MARKS and _CODE.search(line) is not None


def is_timestamp_line(line: str, known: Furniture | None = None) -> bool:
    """Tell whether `line` only says when the page was published or updated ("(Published Monday,
    Nov. 19, 2018)", "Last Updated, Wednesday, 11:07 a.m.")."""
    known = known or furniture()
    return len(line.split()) <= MAX_STAMP_WORDS and known.stamp.match(line) is not None


def is_teaser(line: str) -> bool:
    """Tell whether `line` is a video teaser: a short title ending in the clip's running time."""
    return len(line.split()) <= MAX_TEASER_WORDS and _DURATION_END.search(line) is not None


def is_reader_prompt(line: str, known: Furniture | None = None) -> bool:
    """Tell whether `line` asks the reader to do something (subscribe, click, follow, write) or
    credits the story's makers ("... contributed to this report.")."""
    known = known or furniture()
    size = len(line.split())
    return (
        (size <= MAX_BOILERPLATE_WORDS and known.prompt.search(line) is not None)
        or (
            known.prompt_opener.match(line) is not None
            and (size <= MAX_PROMPT_LINE_WORDS or (line[0], line[-1]) == ("(", ")"))
        )
        or (
            size <= MAX_CONTACT_WORDS
            and _may_hold_address(line)
            and _EMAIL.search(line) is not None
        )
    )


def _may_hold_address(line: str) -> bool:
    """What every address `_EMAIL` finds holds: a quick test before the slow one."""
    return "@" in line or "(at)" in line


def is_caption(line: str, known: Furniture | None = None) -> bool:
    """Tell whether `line` is a photo caption or credit: a credit line, a caption label, a caption
    opening ("FILE - In this ... photo"), a credit at its end or run into it, or a picture's scene
    told in the present tense with its full date."""
    known = known or furniture()
    if is_credit(line, known) or len(known.caption_label.findall(line)) >= MIN_GALLERY_LABELS:
        return True
    if len(line.split()) > MAX_CAPTION_WORDS:
        return False
    return bool(
        known.caption_opener.match(line)
        or known.caption_phrase.search(line)
        or known.end_credit.search(line)
        or known.run_in_credit.search(line)
        or is_dated_scene(line, known)
    )


def is_dated_scene(line: str, known: Furniture | None = None) -> bool:
    """Tell whether the first sentence of `line` describes a picture: a scene in the present tense
    ("A woman holds ...", or a weekday written with its full date, as captions do) dated to the
    day, with no one quoted ("An employee holds circuit boards ... March 6, 2013.")."""
    known = known or furniture()
    span = next(sentence_spans(line), None)
    first = line[span[0] : span[1]] if span else line
    date = known.full_date.search(first)
    if date is None or date.start() == 0 or known.speech.search(first):
        return False
    if first[: date.start()].strip().lower() in ("on", "since", "until", "by"):
        return False  # "On Tuesday, May 5, 2015, ..." opens a story sentence
    return (
        bool(date.group("weekday")) or known.caption_verb.search(first[: date.start()]) is not None
    )


def strip_caption_prefix(paragraph: str, known: Furniture | None = None) -> str:
    """Return `paragraph` without the captions glued before the story in a paragraph too long to
    be a caption: everything up to the last photo credit when two or more open it (a gallery), or
    up to its credit when it opens as a caption does ("In this May 5 file photo, ... (AP Photo/Jane
    Roe) When the council ...")."""
    known = known or furniture()
    if len(paragraph.split()) <= MAX_CAPTION_WORDS:
        return paragraph
    credits = list(known.run_in_credit.finditer(paragraph))
    if len(credits) >= MIN_GALLERY_LABELS:
        cut, least = credits[-1].end(), MAX_CAPTION_WORDS
    elif known.caption_opener.match(paragraph) or is_dated_scene(paragraph, known):
        credit = known.run_in_credit.search(paragraph) or known.bracket_credit.search(paragraph)
        if credit is None:
            return paragraph
        cut, least = credit.end(), MIN_PROSE_WORDS
    else:
        return paragraph
    rest = paragraph[cut:].lstrip()
    if len(rest.split()) < least:
        return paragraph  # the credits sit inside the story or close it: leave it whole
    return _CLOSE_BUTTON.sub("", rest, count=1)


def strip_dateline(paragraph: str, known: Furniture | None = None) -> str:
    """Return `paragraph` without a leading dateline ("OSLO (Reuters) - ", "(CNN) -- ",
    "WASHINGTON — "); the sentence after it is kept as written."""
    match = match_dateline(paragraph, known)
    return paragraph[match.end() :] if match else paragraph


def match_dateline(paragraph: str, known: Furniture | None = None) -> re.Match[str] | None:
    """Return the dateline opening `paragraph`, or None: a place in capitals and a dash, or a
    source in brackets (a known agency, or any short name with a dash after a place in capitals).
    Its groups: "place" or "caps" (the place), "source" (the agency named)."""
    known = known or furniture()
    match = known.dateline.match(paragraph)
    if match is None or match.group("caps"):
        return match
    place = match.group("place") or ""
    if match.group("source") in known.agencies or (match.group("dash") and place[:3].isupper()):
        return match
    return None


def _truncated_caption(line: str, known: Furniture) -> str:
    """Return the text of a caption cut short before its credit ("A man walks ... in Kabul,...
    (AP)" gives "A man walks ... in Kabul,"), or "" when `line` is no truncated caption."""
    text = known.end_credit.sub("", line).rstrip()
    for mark in ("...", "…"):
        if text.endswith(mark):
            return text.removesuffix(mark).rstrip()
    return ""


def _repeats_caption(line: str, truncated: str) -> bool:
    """Tell whether `line` is in full the caption just removed cut short: pages print a caption
    truncated with its credit, then the whole caption."""
    return len(truncated.split()) >= MIN_TRUNCATED_WORDS and line.startswith(truncated)


def furniture_verdict(body: Body, sentences: list[str]) -> str:
    """Return the kind of furniture an article mostly is (ARCHIVE, ERROR, EMBED, ...), or "" when
    it is an article: most of its words name a web archive's crawl, or little prose is left and
    more furniture than prose was removed."""
    if body.words and body.archive_words / body.words >= ARCHIVE_SHARE:
        return ARCHIVE
    prose = sum(
        word_count(s)
        for s in sentences
        if s.endswith(_TERMINAL) and word_count(s) >= MIN_PROSE_SENTENCE_WORDS
    )
    removed = sum(body.removed.values())
    if prose >= MIN_PROSE_WORDS or removed <= prose:
        return ""
    for kind in SIGNATURE_KINDS:
        if body.removed[kind]:
            return kind
    return max(sorted(body.removed), key=lambda kind: body.removed[kind])


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
