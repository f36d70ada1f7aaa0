"""Find and read articles: formats, metadata, cleaning, the date window and duplicate stories.

The result is a `Corpus`: the clean, dated, de-duplicated articles a brief may use, and a report line
for every file found saying "used" or why it was skipped.
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
from collections import defaultdict
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from briefing.cache import ArticleCache, Record, open_cache, reader_fingerprint
from briefing.cleaning import clean_body, furniture_verdict, unique_sentences
from briefing.errors import ArticleError, BriefingError, NoArticlesError
from briefing.metadata import (
    Metadata,
    infer_metadata,
    merge,
    metadata_from_front_matter,
    site_name,
    split_front_matter,
)
from briefing.text import split_sentences, word_count
from briefing.untrusted import visible_name, web_url, xml_safe
from briefing.vocabulary import Vocabulary, shipped

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
# Files that live beside the articles but are not articles.
PROFILE_NAMES = frozenset({"brief.toml"})
# A news article is a few thousand words; anything far larger is a dump or a mistake.
MAX_BYTES = 5 * 1024 * 1024
# Leading bytes of file types people drop into article folders by accident.
MAGIC = {
    b"%PDF": "a PDF",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP or Office file",
    b"\xd0\xcf\x11\xe0": "an Office file",
}
# The names briefing gives what it writes (`output.output_path`): date, topic slug, format.
OWN_OUTPUT_NAME = re.compile(
    r"\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.(?:pdf|docx|html|eml|json)"
)
# Every HTML page briefing writes names it as its generator (templates/brief.html.j2).
_OWN_OUTPUT_MARK = re.compile(
    r"<meta\s+name=[\"']?generator[\"']?\s+content=[\"']?briefing[\"'\s>]", re.I
)
OWN_OUTPUT = "written by briefing: its own output is never read as a source"
# Duplicate stories: word 5-grams shared by two texts, as a share of the shorter text's 5-grams.
# Syndicated copies share nearly all of them (>0.9); two reports of one event share few (<0.2).
SHINGLE_WORDS = 5
DUPLICATE_CONTAINMENT = 0.7
# A 5-gram found in this many articles is a stock phrase and says nothing about copying.
COMMON_SHINGLE_ARTICLES = 20
# Reading this many files is worth starting a process per core (about 0.1 s); fewer read at once.
PARALLEL_MIN_FILES = 64
# Progress while reading: a line on a terminal about every hundredth of the files.
PROGRESS_STEPS = 100
PROGRESS = "progress"  # a log record's (done, total), which the terminal shows on one line


@dataclass(frozen=True)
class Article:
    """One clean article: metadata, paragraphs, and its sentences as verbatim slices."""

    id: str
    name: str
    title: str
    outlet: str
    author: str
    published: date | None
    url: str
    language: str
    paragraphs: tuple[str, ...]
    sentences: tuple[str, ...]
    date_inferred: bool = False
    also_published_by: tuple[str, ...] = ()

    @property
    def words(self) -> int:
        return sum(word_count(p) for p in self.paragraphs)


def article_to_json(article: Article) -> str:
    """Return `article` as JSON (the copies it absorbed are not part of reading it)."""
    data = {f.name: getattr(article, f.name) for f in fields(Article)}
    data["published"] = article.published.isoformat() if article.published else None
    del data["also_published_by"]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def article_from_json(text: str) -> Article:
    """Return the article `article_to_json` wrote; raise ValueError when `text` is not one."""
    data = json.loads(text)
    if not isinstance(data, dict) or set(data) != set(_ARTICLE_FIELDS):
        raise ValueError("not an article record")
    return Article(**{name: _field(data[name], kind) for name, kind in _ARTICLE_FIELDS.items()})


def _field(value: object, kind: str) -> object:
    """`value` as the Article field of type `kind` (as annotated) holds it; ValueError if it is
    not one."""
    if kind == "str" and isinstance(value, str):
        return value
    if kind == "bool" and isinstance(value, bool):
        return value
    if (
        kind == "tuple[str, ...]"
        and isinstance(value, list)
        and all(isinstance(v, str) for v in value)
    ):
        return tuple(value)
    if kind == "date | None" and (value is None or isinstance(value, str)):
        return date.fromisoformat(value) if value else None
    raise ValueError("not an article record")


@dataclass(frozen=True)
class FileReport:
    """What happened to one file: used, or skipped and why."""

    name: str
    used: bool
    reason: str = ""
    article: Article | None = None
    duplicate_of: str = ""  # the file of the article this one is a copy of

    @property
    def read(self) -> bool:
        """Whether the brief read this article: used, or folded into the article it copies."""
        return self.used or bool(self.duplicate_of)


@dataclass(frozen=True)
class Corpus:
    """The articles a brief may use, in a stable order, and a report on every file found."""

    articles: tuple[Article, ...]
    reports: tuple[FileReport, ...]
    # The article cache they were read through (it also keeps the digests), if any.
    cache: ArticleCache | None = field(default=None, compare=False, repr=False)

    @property
    def period(self) -> tuple[date, date] | None:
        dates = [a.published for a in self.articles if a.published]
        return (min(dates), max(dates)) if dates else None


def _is_article(text: str) -> bool:
    try:
        article_from_json(text)
    except ValueError:
        return False
    return True


# The fields reading gives, with their annotated types (the copies an article absorbed are not).
_ARTICLE_FIELDS = {f.name: f.type for f in fields(Article) if f.name != "also_published_by"}


def load_corpus(
    folder: Path,
    *,
    until: date,
    days: int | None = None,
    include_undated: bool = False,
    follow_links: bool = False,
    output: Path | None = None,
    vocab: Vocabulary | None = None,
    cache: bool = True,
) -> Corpus:
    """Read every article under `folder` and keep those published in the window ending `until`.

    Links leaving `folder` are followed only with `follow_links`; files in the `output` folder
    named like briefing's own outputs are never read. Unchanged files come from the article
    cache unless `cache` is false. An article outside the window is reported without the
    article, and one whose front matter dates it there is read no further (`read_record`).
    Raise `NoArticlesError`, saying what was found and why each file was skipped, when none is
    left.
    """
    articles, reports, kept = _scan(
        folder, until, days, include_undated, follow_links, output, vocab, cache, False
    )
    if not articles:
        raise NoArticlesError(_nothing_usable(folder, until, reports))
    return Corpus(articles=tuple(articles), reports=tuple(reports), cache=kept)


def survey(
    folder: Path,
    *,
    until: date,
    days: int | None = None,
    include_undated: bool = False,
    follow_links: bool = False,
    vocab: Vocabulary | None = None,
    cache: bool = True,
) -> tuple[FileReport, ...]:
    """Return a report on every file under `folder`: used, or skipped and why (with the article,
    when one was read)."""
    return tuple(
        _scan(folder, until, days, include_undated, follow_links, None, vocab, cache, True)[1]
    )


def read_paths(paths: list[Path]) -> list[Article]:
    """Read the articles in `paths` (files, or folders read recursively), undated ones included."""
    articles = []
    for path in paths:
        if not path.exists():
            raise BriefingError(f"'{path}' does not exist")
        files = (
            [(p, visible_name(p.relative_to(path).as_posix())) for p in discover(path)]
            if path.is_dir()
            else [(path, visible_name(path.name))]
        )
        for file, name in files:
            if file.suffix.lower() in SUFFIXES:
                article, _ = _read_or_skip(file, name)
                if article is not None:
                    articles.append(article)
    if not articles:
        raise NoArticlesError("no readable article in " + ", ".join(str(p) for p in paths))
    return articles


def _read_or_skip(
    path: Path, name: str, vocab: Vocabulary | None = None
) -> tuple[Article | None, str]:
    """Read one article, or warn in one line and return why it was skipped."""
    try:
        return read_article(path, name, vocab), ""
    except ArticleError as exc:
        log.warning("%s", exc)
        return None, str(exc).removeprefix(f"{name}: ")


def read_record(
    path: Path,
    name: str,
    vocab: Vocabulary | None = None,
    unwanted: Callable[[date], bool] | None = None,
) -> Record:
    """Read one file into a `Record` (what the cache keeps), logging nothing: the caller repeats
    its warnings in file order, whichever process read it.

    A file whose front matter states a date that `unwanted` turns down (one outside the brief's
    window) is read no further than that: its record is `dated_only`, and the cleaning a brief
    would not use is never done.
    """
    try:
        text = _read_text(path, name)
        if unwanted is not None and path.suffix.lower() not in HTML_SUFFIXES:
            front, _ = split_front_matter(text, name)
            stated = metadata_from_front_matter(front, name).published
            if stated is not None and unwanted(stated):
                return Record(stated, "", (), dated_only=True)
        article, notes = _read(path, name, vocab, text)
    except ArticleError as exc:
        return Record(None, str(exc).removeprefix(f"{name}: "), ())
    return Record(article.published, "", notes, article_to_json(article))


def _scan(
    folder: Path,
    until: date,
    days: int | None,
    include_undated: bool,
    follow_links: bool,
    output: Path | None,
    vocab: Vocabulary | None,
    use_cache: bool = True,
    every_article: bool = True,
) -> tuple[list[Article], list[FileReport], ArticleCache | None]:
    """Read the folder (from the cache what has not changed) and judge every file.

    With `every_article` false, articles outside the window are not loaded from the cache (their
    report carries no article): a daily brief over a long archive reads only its days.
    """
    paths, reports = _walk(folder, follow_links, output)
    for report in reports:
        if report.reason != OWN_OUTPUT:
            log.warning("%s: %s", report.name, report.reason)
    since = _window_start(until, days)
    entries: list[tuple[Path, str]] = []
    for path in paths:
        name = visible_name(relative_name(path, folder))
        if path.suffix.lower() not in SUFFIXES:
            reason = f"not an article format ({path.suffix or 'no extension'})"
            reports.append(FileReport(name, False, reason))
        else:
            entries.append((path, name))

    def wanted(published: date | None) -> bool:
        return not _outside_window(published, until, since, include_undated)

    records, cache = _records(folder, entries, vocab, use_cache, None if every_article else wanted)
    candidates: list[Article] = []
    for (_, name), record in zip(entries, records, strict=True):
        for note in record.notes:
            log.warning("%s", note)
        if record.reason:
            log.warning("%s: %s", name, record.reason)
            reports.append(FileReport(name, False, record.reason))
            continue
        reason = _outside_window(record.published, until, since, include_undated)
        if reason:
            if record.published is None:
                log.warning("%s: %s", name, reason)
            kept = article_from_json(record.article) if every_article else None
            reports.append(FileReport(name, False, reason, kept))
            continue
        if record.dated_only:  # read for another window: its date alone was read
            raise RuntimeError(f"{name}: read only as far as its date, yet inside the window")
        candidates.append(article_from_json(record.article))
    articles, duplicates = merge_duplicates(candidates)
    by_name = {a.name: a for a in candidates}
    for name, original in duplicates.items():
        reports.append(
            FileReport(
                name, False, f"duplicate of {original}", by_name[name], duplicate_of=original
            )
        )
    reports.extend(FileReport(a.name, True, "", a) for a in articles)
    reports.sort(key=lambda r: r.name)
    return articles, reports, cache


def _records(
    folder: Path,
    entries: list[tuple[Path, str]],
    vocab: Vocabulary | None,
    use_cache: bool,
    wanted: Callable[[date | None], bool] | None,
) -> tuple[list[Record], ArticleCache | None]:
    """Return each file's record, in `entries`' order: from the cache when the file is unchanged,
    else read now, on every core. Articles whose date `wanted` turns down are neither loaded from
    the cache nor cleaned when their front matter states the date; with no `wanted`, all are."""
    cache = open_cache(folder, reader_version(vocab)) if use_cache else None
    found = cache.lookup(entries, wanted or _every_date, _is_article) if cache else {}
    missing = [i for i in range(len(entries)) if i not in found]
    if cache and entries:
        log.info("Reading %d new or changed files (%d from the cache)", len(missing), len(found))
    unwanted = None if wanted is None else lambda day: not wanted(day)
    fresh = read_records([entries[i] for i in missing], vocab, unwanted)
    if cache:
        cache.save(
            [(entries[i][0], r) for i, r in zip(missing, fresh, strict=True)],
            [p for p, _ in entries],
        )
    found.update(zip(missing, fresh, strict=True))
    return [found[i] for i in range(len(entries))], cache


def _every_date(published: date | None) -> bool:
    return True


def read_records(
    entries: list[tuple[Path, str]],
    vocab: Vocabulary | None,
    unwanted: Callable[[date], bool] | None = None,
) -> list[Record]:
    """Read every `(path, name)` into a record (see `read_record`), in order; a long list on
    every core."""
    from briefing.workers import map_in_order

    total = len(entries)
    step = max(1, total // PROGRESS_STEPS)
    records: list[Record] = []
    reading = map_in_order(
        partial(_read_entry, vocab=vocab, unwanted=unwanted),
        entries,
        parallel=total >= PARALLEL_MIN_FILES,
    )
    with closing(reading):
        for record in reading:
            records.append(record)
            done = len(records)
            if done % step == 0 or done == total:
                log.info(
                    "Read %s of %s files",
                    f"{done:,}",
                    f"{total:,}",
                    extra={PROGRESS: (done, total)},
                )
    return records


def _read_entry(
    entry: tuple[Path, str], vocab: Vocabulary | None, unwanted: Callable[[date], bool] | None
) -> Record:
    return read_record(*entry, vocab, unwanted)


def reader_version(vocab: Vocabulary | None) -> str:
    """The version of what reading does: briefing's version, the reading code, the vocabulary it
    reads with and the libraries that shape an article. Any change gives another version, and the
    cache then reads each file again (see README, "The article cache")."""
    return reader_fingerprint((vocab or shipped()).fingerprint())


def discover(folder: Path, follow_links: bool = False) -> list[Path]:
    """Return every file under `folder` that could be an article, sorted, profile and hidden files
    left out; what else is left out (links, unreadable folders) is warned about in one line each."""
    paths, skipped = _walk(folder, follow_links, None)
    for report in skipped:
        log.warning("%s: %s", report.name, report.reason)
    return paths


def _walk(
    folder: Path, follow_links: bool, output: Path | None
) -> tuple[list[Path], list[FileReport]]:
    """Return the files under `folder` and a report on each entry left out that a user would want
    to know about.

    The walk keeps its own list of folders still to read instead of recursing, so that no depth of
    nesting exhausts Python's stack; a folder reached twice (through links) is read once.
    """
    if not folder.exists():
        raise BriefingError(f"sources folder '{folder}' does not exist")
    if not folder.is_dir():
        raise BriefingError(f"sources '{folder}' is not a folder")
    root = folder.resolve()
    output_id = _folder_id(output) if output is not None else None
    seen = {_folder_id(folder)}
    pending = [folder]
    found: list[Path] = []
    skipped: list[FileReport] = []
    while pending:
        directory = pending.pop()
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            if directory == folder:
                raise BriefingError(
                    f"sources folder '{folder}' cannot be read ({_why(exc)})"
                ) from None
            name = visible_name(directory.relative_to(folder).as_posix()) + "/"
            skipped.append(FileReport(name, False, f"folder cannot be read ({_why(exc)})"))
            continue
        own_outputs = output_id is not None and _folder_id(directory) == output_id
        for entry in reversed(entries):  # the stack then reads folders in name order
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            name = visible_name(relative_name(path, folder))
            problem = _link_problem(path, root, follow_links) if entry.is_symlink() else ""
            if problem:
                skipped.append(FileReport(name, False, problem))
            elif _is_folder(entry):
                key = _folder_id(path)
                if key not in seen:
                    seen.add(key)
                    pending.append(path)
            elif not _is_regular_file(entry):
                skipped.append(
                    FileReport(name, False, "not a regular file (a pipe, socket or device)")
                )
            elif own_outputs and OWN_OUTPUT_NAME.fullmatch(entry.name):
                skipped.append(FileReport(name, False, OWN_OUTPUT))
            elif entry.name not in PROFILE_NAMES:
                found.append(path)
    return sorted(found), skipped


def relative_name(path: Path, folder: Path) -> str:
    """`path`'s POSIX path inside `folder`, as `relative_to` gives it: by its text when it starts
    with the folder's (as every path the walk finds does), ten times faster on a large archive."""
    text, prefix = str(path), str(folder)
    if prefix != "." and text.startswith(prefix + os.sep) and os.sep == "/":
        return text[len(prefix) + 1 :]
    return path.relative_to(folder).as_posix()


def _link_problem(path: Path, root: Path, follow_links: bool) -> str:
    """Say why a symbolic link is not followed, or return "" to follow it."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # no target, or a loop of links
        return "broken link: what it points to does not exist"
    if follow_links:
        return ""
    if not target.is_relative_to(root):
        return "link to a file outside the sources folder: not followed (use --follow-links)"
    if target.is_dir():
        return "link to a folder: not followed (use --follow-links)"
    return ""


def _folder_id(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_regular_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def read_article(path: Path, name: str | None = None, vocab: Vocabulary | None = None) -> Article:
    """Read and clean one article file; raise `ArticleError` naming the file and the problem."""
    name = name or visible_name(path.name)
    article, notes = _read(path, name, vocab)
    for note in notes:
        log.warning("%s", note)
    return article


def _read(
    path: Path, name: str, vocab: Vocabulary | None, text: str | None = None
) -> tuple[Article, tuple[str, ...]]:
    """Read (unless its `text` is given) and clean one article; return it with the warnings its
    reading gave."""
    text = _read_text(path, name) if text is None else text
    if path.suffix.lower() in HTML_SUFFIXES:
        if _OWN_OUTPUT_MARK.search(text):
            raise ArticleError(f"{name}: {OWN_OUTPUT}")
        meta, lines, drop = _read_html(text, name, vocab)
    else:
        front, body = split_front_matter(text, name)
        stated = metadata_from_front_matter(front, name)
        lines = body.splitlines()
        inferred, drop = infer_metadata(lines, vocab)
        meta = merge(stated, inferred, frozenset(front))
    title = meta.title or path.stem
    body = clean_body(lines, title=title, drop=drop, outlet=meta.outlet, vocab=vocab)
    paragraphs = body.paragraphs
    sentences = unique_sentences(
        [s for p in paragraphs for s in split_sentences(p, vocab)], title=title
    )
    kind = furniture_verdict(body, sentences)
    if kind:
        raise ArticleError(f"{name}: mostly page furniture ({kind}), not an article")
    if not sentences:
        raise ArticleError(f"{name}: no article text left after removing page furniture")
    url = web_url(meta.url)
    notes: tuple[str, ...] = ()
    if meta.url and not url:
        notes = (f"{name}: url '{meta.url}' is not a web address (http or https); left out",)
    article = Article(
        id=_article_id(name),
        name=name,
        title=meta.title,
        outlet=meta.outlet,
        author=meta.author,
        published=meta.published,
        url=url,
        language=meta.language or "en",
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        date_inferred=meta.date_inferred,
    )
    return article, notes


def _read_text(path: Path, name: str) -> str:
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise ArticleError(f"{name}: not a regular file (a folder, pipe, socket or device)")
        size = status.st_size
        if size > MAX_BYTES:
            raise ArticleError(f"{name}: file is {size / 1e6:.1f} MB, over the 5 MB limit")
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            raise ArticleError(f"{name}: binary file ({kind}), not an article")
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{name}: binary file, not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8"
        ) from None
    # Made XML-safe here, once: a stray control character in one article must not stop the brief.
    text = xml_safe(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ArticleError(f"{name}: file is empty")
    return text


def _read_html(
    html: str, name: str, vocab: Vocabulary | None
) -> tuple[Metadata, list[str], set[int]]:
    """Return metadata and text lines of a saved web page, extracted by trafilatura."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            _CHARACTER_REFERENCE.sub(_xml_safe_reference, html),
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            deduplicate=True,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises many internal types on broken markup
        raise ArticleError(f"{name}: HTML could not be parsed ({type(exc).__name__})") from None
    if doc is None or not (doc.text or "").strip():
        raise ArticleError(f"{name}: no article text found in the HTML page")
    published = None
    if doc.date:
        try:
            published = date.fromisoformat(doc.date[:10])
        except ValueError:
            published = None
    # Character references (&#1;) reach the text only now: made XML-safe as the page is read.
    meta = Metadata(
        title=" ".join(xml_safe(doc.title or "").split()),
        outlet=" ".join(xml_safe(doc.sitename or "").split()),
        author=" ".join(xml_safe(doc.author or "").split()),
        published=published,
        url=xml_safe(doc.url or ""),
        language=xml_safe(doc.language or "")[:2],
    )
    lines = xml_safe(doc.text).splitlines()
    inferred, drop = infer_metadata(lines, vocab)
    return merge(meta, replace(inferred, title="")), lines, drop


# A numeric character reference (&#1; &#x1b;); more digits than any code point has are left alone.
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,8}));?")


def _xml_safe_reference(match: re.Match[str]) -> str:
    """Drop a reference to a character XML cannot hold: the HTML parser gives up on the whole
    page at the first one."""
    hexadecimal, decimal = match.groups()
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    if code > 0x10FFFF or xml_safe(chr(code)) != chr(code):
        return ""
    return match.group()


def _article_id(name: str) -> str:
    """The file's name within the sources folder: unique per file, which no slug of it is
    ("Aid Report.txt" and "aid-report.md" share one)."""
    return name


def _window_start(until: date, days: int | None) -> date | None:
    """The earliest publication date `--days` lets in; a window reaching back before the year 1
    lets in everything, as it says."""
    if days is None:
        return None
    try:
        return until - timedelta(days=days)
    except OverflowError:
        return date.min


def _outside_window(
    published: date | None, until: date, since: date | None, include_undated: bool
) -> str:
    if published is None:
        if include_undated:
            return ""
        return "no date found: add 'date: YYYY-MM-DD' front matter, or use --include-undated"
    if published > until:
        return f"published {published.isoformat()}, after the brief's date"
    if since is not None and published < since:
        return (
            f"published {published.isoformat()}, older than the window starting {since.isoformat()}"
        )
    return ""


def merge_duplicates(articles: list[Article]) -> tuple[list[Article], dict[str, str]]:
    """Fold copies of the same story into one article that lists every outlet that ran it.

    Return the kept articles and, for each dropped copy, the name of the article it duplicates.
    Articles are taken original first (earliest, then longest); each is compared only with the
    originals kept so far, through an index of their word 5-grams, so two different stories are
    never chained together through a roundup that quotes both, and the cost grows with the corpus,
    not with its square.
    """
    order = sorted(range(len(articles)), key=lambda i: _original_first(articles[i]))
    index: dict[int, list[int]] = defaultdict(list)
    shingles: dict[int, set[int]] = {}
    copies: dict[int, list[int]] = {}
    for i in order:
        grams = _shingles(articles[i])
        shared: dict[int, int] = defaultdict(int)
        for gram in grams:
            owners = index.get(gram, ())
            if len(owners) > COMMON_SHINGLE_ARTICLES:
                continue
            for j in owners:
                shared[j] += 1
        original = next(
            (
                j
                for j, count in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))
                if count / (min(len(grams), len(shingles[j])) or 1) >= DUPLICATE_CONTAINMENT
            ),
            None,
        )
        if original is not None:
            copies[original].append(i)
            continue
        shingles[i] = grams
        copies[i] = []
        for gram in grams:
            index[gram].append(i)
    kept: list[Article] = []
    dropped: dict[str, str] = {}
    for i, duplicates in copies.items():
        original = articles[i]
        # A copy is named by its outlet, else its site; a copy that names neither is kept as ""
        # (the reference says the story also ran elsewhere), never as its file name.
        outlets = tuple(
            dict.fromkeys(articles[d].outlet or site_name(articles[d].url) for d in duplicates)
        )
        kept.append(replace(original, also_published_by=outlets))
        for d in duplicates:
            dropped[articles[d].name] = original.name
    kept.sort(key=lambda a: a.name)
    return kept, dropped


def _original_first(article: Article) -> tuple[date, int, str]:
    return (article.published or date.max, -article.words, article.name)


def _shingles(article: Article) -> set[int]:
    tokens = " ".join(article.paragraphs).lower().split()
    return {
        hash(" ".join(tokens[i : i + SHINGLE_WORDS]))
        for i in range(max(0, len(tokens) - SHINGLE_WORDS + 1))
    }


def _nothing_usable(folder: Path, until: date, reports: list[FileReport]) -> str:
    if not reports:
        return f"no articles found in '{folder}' (looked for {', '.join(SUFFIXES)})"
    reasons = "; ".join(f"{r.name}: {r.reason}" for r in reports[:5])
    more = f"; and {len(reports) - 5} more" if len(reports) > 5 else ""
    return (
        f"no usable article in '{folder}' up to {until.isoformat()} "
        f"({len(reports)} file(s) found): {reasons}{more}"
    )
