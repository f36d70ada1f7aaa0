"""The brief's record and what changed: its content as JSON beside the documents, the earlier brief
of the same story, the statements new since it, and the difference between two records.

The record's schema is versioned and documented in docs/brief-json.md. The pipeline reads the
earlier record before it builds the brief (an input, like the articles); renderers never read it.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefing.dates import format_day
from briefing.errors import HistoryError
from briefing.model import Brief, Labels, NewSince, Pointer, Section, Source, Statement

log = logging.getLogger(__name__)

SCHEMA = "briefing.brief"
SCHEMA_VERSION = 1  # raise it when a field changes meaning or goes; adding a field keeps it
SUFFIX = "json"
# "New since" shows about as many statements as the key points; the rest are marked where they
# stand, so that the section stays a glance, not a second brief.
NEW_SINCE_MAX = 5
_RECORD_NAME = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})-(?P<slug>.+)\.json$")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


@dataclass(frozen=True)
class Earlier:
    """What an earlier brief of the story held: its statements and the articles it read."""

    path: Path
    day: date
    texts: frozenset[str]  # its statements, normalised (see `normalise`)
    read: frozenset[str]  # the ids of every article it read
    urls: frozenset[str]  # and their URLs, when known

    def holds(self, texts: Iterable[str], ids: Iterable[str], urls: Iterable[str]) -> bool:
        """Tell whether the earlier brief held a statement: one of its accounts (`texts`) was in
        it, or one of the articles that report it (`ids`, `urls`) was read for it."""
        return (
            any(normalise(t) in self.texts for t in texts)
            or any(i in self.read for i in ids)
            or any(u in self.urls for u in urls)
        )


def normalise(text: str) -> str:
    """A statement's text for comparison: case, spacing and typographic quotes set aside."""
    return " ".join(text.translate(_QUOTES).casefold().split())


# --- the record ---------------------------------------------------------------------------------


def brief_record(brief: Brief) -> bytes:
    """Return the brief's record as JSON bytes (UTF-8, stable key order, a final newline)."""
    record = {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "title": brief.title,
        "slug": brief.slug,
        "date": brief.date.isoformat(),
        "created": brief.created.isoformat(),
        "handling": brief.handling,
        "author": brief.author,
        "period": brief.period_label,
        "since": brief.new_since.since.isoformat() if brief.new_since else None,
        "sections": [_section_record(section) for section in brief.sections],
        "sourcing": [{"label": fact.label, "text": fact.text} for fact in brief.sourcing],
        "sources": [_source_record(source) for source in brief.sources],
        "read": [_read_record(source) for source in brief.read],
    }
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _section_record(section: Section) -> dict:
    return {
        "key": section.key,
        "title": section.title,
        "empty_note": section.empty_note,
        "groups": [
            {"actor": g.actor, "statements": [_statement_record(s) for s in g.statements]}
            for g in section.groups
        ],
        "events": [
            {
                "when": e.when.isoformat(),
                "when_label": e.when_label,
                "statement": _statement_record(e.statement),
            }
            for e in section.events
        ],
        "statements": [_statement_record(s) for s in section.statements],
        "aid": [
            {"donor": a.donor, "item": a.item, "status": a.status, "footnote": a.citation.number}
            for a in section.aid
        ],
    }


def _statement_record(s: Statement) -> dict:
    return {
        "text": s.text,
        "context": s.context,
        "footnote": s.citation.number,
        "source": s.source_id,
        "sentence": s.sentence_index,
        "sources": list(s.sources or (s.source_id,)),
        "cited": list(s.citation.source_ids),
        "reported_by": s.reported_by,
        "published": s.published.isoformat() if s.published else None,
        "speaker": s.attributed_to,
        "anonymous": s.anonymous,
        "note": s.note,
        "dated": s.dated,
        "glosses": list(s.glosses),
        "new": s.new,
        "variants": [_statement_record(v) for v in s.variants],
    }


def _source_record(source: Source) -> dict:
    return {
        "id": source.id,
        "file": source.path,
        "outlet": source.outlet,
        "author": source.author,
        "title": source.title,
        "published": source.published.isoformat() if source.published else None,
        "url": source.url,
        "also_published_by": list(source.also_published_by),
        "reference": source.reference,
    }


def _read_record(source: Source) -> dict:
    return {
        "id": source.id,
        "file": source.path,
        "published": source.published.isoformat() if source.published else None,
        "url": source.url,
    }


def read_record(path: Path) -> dict:
    """Return a brief's record; raise `HistoryError` naming the file when it is not one."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HistoryError(f"{path}: no such file") from None
    except OSError as exc:
        raise HistoryError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HistoryError(f"{path}: not a brief's JSON record ({exc})") from None
    if not isinstance(record, dict) or record.get("schema") != SCHEMA:
        raise HistoryError(f'{path}: not a brief\'s JSON record (no "schema": "{SCHEMA}")')
    version = record.get("version")
    if version != SCHEMA_VERSION:
        raise HistoryError(
            f"{path}: record version {version} is not the {SCHEMA_VERSION} this briefing reads"
        )
    try:
        date.fromisoformat(record["date"])
        for section in record["sections"]:
            _section_statements(section)
        for entry in record["read"]:
            entry["id"]
    except (KeyError, TypeError, ValueError) as exc:
        raise HistoryError(f"{path}: broken brief record (missing or bad {exc})") from None
    return record


def _section_statements(section: dict) -> list[dict]:
    """The section's statements in reading order: actor groups, timeline, list."""
    return [
        *(s for g in section["groups"] for s in g["statements"]),
        *(e["statement"] for e in section["events"]),
        *section["statements"],
    ]


def _texts(statement: dict) -> list[str]:
    return [statement["text"], *(t for v in statement["variants"] for t in _texts(v))]


# --- the earlier brief ---------------------------------------------------------------------------


def find_earlier(folder: Path, slug: str, before: date) -> Path | None:
    """Return the record in `folder` of the latest brief with this slug dated before `before`."""
    if not folder.is_dir():
        return None
    found = []
    for path in folder.glob(f"*-{slug}.{SUFFIX}"):
        match = _RECORD_NAME.match(path.name)
        if not match or match.group("slug") != slug:
            continue
        try:
            day = date.fromisoformat(match.group("day"))
        except ValueError:
            continue
        if day < before:
            found.append((day, path))
    return max(found)[1] if found else None


def read_earlier(path: Path) -> Earlier:
    """Return what the brief recorded in `path` held."""
    record = read_record(path)
    statements = [s for section in record["sections"] for s in _section_statements(section)]
    return Earlier(
        path=path,
        day=date.fromisoformat(record["date"]),
        texts=frozenset(normalise(t) for s in statements for t in _texts(s)),
        read=frozenset(entry["id"] for entry in record["read"]),
        urls=frozenset(entry["url"] for entry in record["read"] if entry.get("url")),
    )


def gather_earlier(
    folder: Path | None, slug: str, day: date, since: Path | None = None
) -> Earlier | None:
    """Return the earlier brief to compare with: `since` when given, else the latest record of the
    same slug in `folder` dated before `day`; None for the first brief of a story.

    A `since` that cannot be read is an error; a record found in the folder that cannot be read
    is skipped with a warning, so that a damaged old file never stops the day's brief.
    """
    if since is not None:
        log.info("Comparing with the brief in %s", since)
        return read_earlier(since)
    path = find_earlier(folder, slug, day) if folder is not None else None
    if path is None:
        return None
    log.info("Comparing with the brief in %s", path)
    try:
        return read_earlier(path)
    except HistoryError as exc:
        log.warning("%s; the brief says nothing of what is new", exc)
        return None


def new_since(sections: Sequence[Section], earlier: Earlier, labels: Labels) -> NewSince:
    """Return the "New since" section: the new statements, newest first (then in reading order),
    each pointing to where it stands in the brief."""
    found = []
    for section in sections:
        for s in section.main_statements():
            if s.new:
                where = labels.new_where.format(
                    section=section.title, note=labels.note(s.citation.number)
                )
                found.append(Pointer(s, where))
    found.sort(key=lambda p: (-_ordinal(p.statement.published), p.statement.citation.number))
    shown = tuple(found[:NEW_SINCE_MAX])
    since = format_day(earlier.day)
    more = len(found) - len(shown)
    return NewSince(
        since=earlier.day,
        title=labels.new_since.format(date=since),
        intro=(labels.new_since_intro if found else labels.nothing_new).format(date=since),
        items=shown,
        more=labels.new_since_more.format(count=more) if more else "",
    )


def _ordinal(day: date | None) -> int:
    return day.toordinal() if day else 0


# --- the difference between two records -----------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """A statement or source one record has and the other has not."""

    where: str  # the section's title, or "" for a source
    text: str


@dataclass(frozen=True)
class Changes:
    """What a newer brief added and dropped, against an older one."""

    old_date: str
    new_date: str
    added: tuple[Change, ...]
    dropped: tuple[Change, ...]
    sources_added: tuple[Change, ...]
    sources_dropped: tuple[Change, ...]


def compare(old_path: Path, new_path: Path) -> Changes:
    """Return what the brief in `new_path` added and dropped against the one in `old_path`."""
    old, new = read_record(old_path), read_record(new_path)
    old_statements, new_statements = _statement_changes(old), _statement_changes(new)
    old_sources, new_sources = _source_changes(old), _source_changes(new)
    return Changes(
        old_date=format_day(date.fromisoformat(old["date"])),
        new_date=format_day(date.fromisoformat(new["date"])),
        added=_missing(new_statements, old_statements),
        dropped=_missing(old_statements, new_statements),
        sources_added=_missing(new_sources, old_sources),
        sources_dropped=_missing(old_sources, new_sources),
    )


def _statement_changes(record: dict) -> dict[frozenset[str], Change]:
    """Each statement by the sentences it quotes (its context included), so that a statement
    shown with a context sentence in one brief and without it in the other is the same."""
    found: dict[frozenset[str], Change] = {}
    for section in record["sections"]:
        for s in _section_statements(section):
            quoted = f"{s['context']} {s['text']}".strip() if s.get("context") else s["text"]
            sentences = frozenset(normalise(t) for t in (s.get("context"), s["text"]) if t)
            found.setdefault(sentences, Change(section["title"], quoted))
    return found


def _source_changes(record: dict) -> dict[str, Change]:
    return {
        entry["id"]: Change("", entry.get("reference") or entry["id"])
        for entry in record.get("sources", [])
    }


def _missing(present: dict, absent: dict) -> tuple[Change, ...]:
    """The changes of `present` that `absent` has not; statements (keyed by their sentences)
    match when they share a sentence."""
    known = set(absent)
    sentences = {t for key in absent if isinstance(key, frozenset) for t in key}
    return tuple(
        change
        for key, change in present.items()
        if key not in known and not (isinstance(key, frozenset) and key & sentences)
    )


def describe(changes: Changes) -> list[str]:
    """Return the changes as lines of text, the way `briefing diff` prints them."""
    lines = [f"{changes.old_date} -> {changes.new_date}"]
    for heading, entries, mark in (
        ("Statements added", changes.added, "+"),
        ("Statements dropped", changes.dropped, "-"),
        ("Sources added", changes.sources_added, "+"),
        ("Sources dropped", changes.sources_dropped, "-"),
    ):
        lines.append(f"{heading}: {len(entries)}")
        lines.extend(
            f"{mark} [{c.where}] {c.text}" if c.where else f"{mark} {c.text}" for c in entries
        )
    return lines
