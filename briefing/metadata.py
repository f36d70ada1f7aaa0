"""Article metadata: YAML front matter when present, otherwise what the text itself states.

Inference reads only the head of an article (banner, headline, byline, dateline) and never guesses:
a field the text does not support stays empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date
from functools import cache

from briefing.cleaning import (
    OUTLET_PREFIX,
    furniture,
    furniture_kind,
    is_timestamp_line,
    match_dateline,
)
from briefing.dates import calendar
from briefing.errors import ArticleError
from briefing.text import split_sentences
from briefing.untrusted import xml_safe
from briefing.vocabulary import Vocabulary, alternation, shipped

# How many leading lines may hold a banner, headline, byline or dateline.
HEAD_LINES = 6
# A headline or banner is a short line; body paragraphs are longer.
MAX_HEADLINE_WORDS = 25
MAX_BANNER_WORDS = 10
MAX_DATELINE_WORDS = 6  # "Updated 5 May 2025, 10:42 BST"

# Front matter holds a few short fields; a block far larger is a mistake or an attack, and the YAML
# parser's time and memory grow with it.
MAX_FRONT_MATTER_BYTES = 64 * 1024
# Nesting a field needs at most: a list of names inside a mapping. Deeper nesting only costs stack.
MAX_FRONT_MATTER_DEPTH = 16
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*\r?\n?", re.S | re.M)


@dataclass(frozen=True)
class Metadata:
    """What is known of an article; empty strings and `None` for what is not."""

    title: str = ""
    outlet: str = ""
    author: str = ""
    published: date | None = None
    url: str = ""
    language: str = ""
    date_inferred: bool = False


def split_front_matter(text: str, path: str) -> tuple[dict[str, object], str]:
    """Return the front-matter mapping (empty when there is none) and the body after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---\n") and text.count("\n---") == 0:
            raise ArticleError(f"{path}: front matter opened with '---' is never closed")
        return {}, text
    import yaml

    block = match.group("yaml")
    if len(block) > MAX_FRONT_MATTER_BYTES:
        raise ArticleError(
            f"{path}: front matter is {len(block) // 1024} KB, over the "
            f"{MAX_FRONT_MATTER_BYTES // 1024} KB limit"
        )
    try:
        _check_structure(yaml.parse(block, Loader=_loader()), path)
        data = yaml.load(block, Loader=_loader()) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise ArticleError(f"{path}: broken front matter{where}: not valid YAML") from None
    except ValueError:  # a value YAML reads but Python refuses, e.g. an integer of 5,000 digits
        raise ArticleError(f"{path}: broken front matter: a value cannot be read") from None
    if not isinstance(data, dict):
        raise ArticleError(f"{path}: front matter must be 'key: value' lines")
    return data, text[match.end() :]


def _check_structure(events, path: str) -> None:
    """Refuse aliases and deep nesting before anything is built: a few lines of aliases to aliases
    ("billion laughs") expand to more text than memory holds once a value is turned into text."""
    import yaml

    depth = 0
    for event in events:
        if isinstance(event, yaml.AliasEvent):
            raise ArticleError(
                f"{path}: front matter uses a YAML alias (*name); write the value out"
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_FRONT_MATTER_DEPTH:
                raise ArticleError(
                    f"{path}: front matter nests deeper than {MAX_FRONT_MATTER_DEPTH} levels"
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


@cache
def _loader():
    """A safe YAML loader that leaves dates as text, so that `parse_date_value` judges them (YAML's
    own reading of "2024-13-45" fails with an exception that names no file)."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ten times faster

    class TextDates(base):
        pass

    TextDates.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in base.yaml_implicit_resolvers.items()
    }
    return TextDates


def metadata_from_front_matter(data: dict[str, object], path: str) -> Metadata:
    """Return the metadata a front-matter mapping states, checking its values."""
    values: dict[str, object] = {}
    for key in ("title", "outlet", "author", "url", "language"):
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        # YAML escapes ("\x01", "\ud800") make characters the file's bytes did not hold.
        values[key] = " ".join(xml_safe(str(value)).split())
    if data.get("date") not in (None, ""):
        values["published"] = parse_date_value(data["date"], path)
    return Metadata(**values)  # type: ignore[arg-type]


def parse_date_value(value: object, path: str) -> date:
    """Return a front-matter date (YYYY-MM-DD, or a date YAML already parsed)."""
    if isinstance(value, date):
        return value if type(value) is date else value.date()  # type: ignore[attr-defined]
    text = " ".join(xml_safe(str(value)).split())
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+-Z]*)?", text)
    if not match:
        raise ArticleError(f"{path}: date '{text}' is not a date (use YYYY-MM-DD)")
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise ArticleError(f"{path}: date '{text}' is impossible (use YYYY-MM-DD)") from None


@dataclass(frozen=True)
class _Head:
    """The patterns of an article's head: written dates and dateline cues."""

    dates: tuple[re.Pattern[str], ...]
    dateline: re.Pattern[str]


def _head_patterns(vocab: Vocabulary) -> _Head:
    month = calendar(vocab).month
    return _Head(
        dates=(
            re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})\b"),
            re.compile(month + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
            re.compile(
                r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + month + r",?\s+(?P<year>\d{4})\b", re.I
            ),
        ),
        dateline=re.compile(rf"^\s*({alternation(vocab.words('dateline_cues'))})\b\s*:?", re.I),
    )


def find_date(text: str, vocab: Vocabulary | None = None) -> date | None:
    """Return the first calendar date written in `text`, or None."""
    months = calendar(vocab).months
    for pattern in _head(vocab).dates:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else months[groups["month"].lower()]
        try:
            return date(int(groups["year"]), month, int(groups["day"]))
        except ValueError:
            continue
    return None


def infer_metadata(lines: list[str], vocab: Vocabulary | None = None) -> tuple[Metadata, set[int]]:
    """Infer metadata from an article's leading lines.

    Return the metadata and the indexes of the lines that held only metadata (banner, byline,
    dateline), which the cleaner then leaves out of the body.
    """
    known = furniture(vocab)
    head: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if len(head) == HEAD_LINES:
            break
        text = line.strip()
        if text and (not furniture_kind(text, known) or is_timestamp_line(text, known)):
            head.append((i, text))  # a time stamp is furniture in the body, a date in the head
    used: set[int] = set()
    title = outlet = author = ""
    published = None
    for index, line in head:
        byline = known.byline.match(line)
        if byline and not author:
            author = " ".join(byline.group("name").split()).rstrip(",;|")
            used.add(index)
            continue
        if _head(vocab).dateline.match(line) and published is None:
            published = find_date(line, vocab)
            if published:
                used.add(index)
                continue
        if _is_bare_date(line, vocab) and published is None:
            published = find_date(line, vocab)
            used.add(index)
            continue
    short_lines = [(i, line) for i, line in head if i not in used and is_heading_like(line)]
    if len(short_lines) >= 2 and short_lines[0][0] < short_lines[1][0]:
        first, second = short_lines[0], short_lines[1]
        if len(first[1].split()) <= MAX_BANNER_WORDS and len(second[1].split()) > len(
            first[1].split()
        ):
            outlet = first[1]
            used.add(first[0])
            title = second[1]
        else:
            title = first[1]
    elif short_lines:
        title = short_lines[0][1]
    if not outlet:
        outlet = _outlet_prefix(head, used, vocab)
    return Metadata(title=title, outlet=outlet, author=author, published=published), used


def _outlet_prefix(head: list[tuple[int, str]], used: set[int], vocab: Vocabulary | None) -> str:
    """Return the outlet the first paragraph's prefix names: the agency of a dateline
    ("OSLO (Reuters) - "), or an "Outlet – " prefix that is not a place in capitals."""
    known = furniture(vocab)
    for index, line in head:
        if index in used or is_heading_like(line):
            continue
        dateline = match_dateline(line, known)
        if dateline and (dateline.group("source") or dateline.group("caps") in known.agencies):
            return dateline.group("source") or dateline.group("caps")
        if dateline:
            return ""  # "WASHINGTON — ": where the story was filed, not who published it
        prefix = OUTLET_PREFIX.match(line)
        return prefix.group("outlet") if prefix else ""
    return ""


def _head(vocab: Vocabulary | None) -> _Head:
    return (vocab or shipped()).compiled(_head_patterns)


def _is_bare_date(line: str, vocab: Vocabulary | None) -> bool:
    return len(line.split()) <= MAX_DATELINE_WORDS and find_date(line, vocab) is not None


def is_heading_like(line: str) -> bool:
    """Tell whether a line reads as a headline: short, no closing punctuation, one sentence."""
    words = line.split()
    return (
        0 < len(words) <= MAX_HEADLINE_WORDS
        and not line.rstrip().endswith((".", "!", "?", "…", ":", ";", ",", "”", '"'))
        and any(ch.isalpha() for ch in line)
        and len(split_sentences(line)) == 1  # "... to the islands. Advertisement" is no headline
    )


def site_name(url: str) -> str:
    """Return the site a URL names, as a reader writes it: "example.org" (no "www."); "" for none."""
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def merge(primary: Metadata, fallback: Metadata, stated: frozenset[str] = frozenset()) -> Metadata:
    """Return `primary` with its empty fields filled from `fallback`.

    Fields named in `stated` were given explicitly (an empty front-matter value means "not known")
    and are never filled by inference.
    """
    filled = {
        name: getattr(fallback, name)
        for name in (f.name for f in fields(Metadata) if f.name != "date_inferred")
        if not getattr(primary, name)
        and getattr(fallback, name)
        and (name if name != "published" else "date") not in stated
    }
    if "published" in filled:
        filled["date_inferred"] = True
    return replace(primary, **filled)
