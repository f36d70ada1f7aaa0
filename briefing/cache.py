"""The article cache: what reading each file gave, kept between runs, so that a run reads again
only the files that are new or changed and forgets those deleted.

One SQLite database (the standard library's `sqlite3`) per sources folder, in the user's cache
folder: `$BRIEFING_CACHE_DIR`, else `$XDG_CACHE_HOME/briefing`, else `~/.cache/briefing`, never
inside the sources. A row holds a file's path in the folder, its size, modification and change
times (ns) and inode, the reader's version (`reader_fingerprint`) and the `Record` reading gave: the
article as JSON (data: a cache file can never run code), or why the file was skipped. A second
table keeps the digests of cited articles, under a hash of their sentences and the summarizer.

The cache speeds a run up and is never the record: the folder of files is. An unreadable cache is
rebuilt and a busy one left alone for the run, each with one warning; a brief never fails for it.
Runs at once share it safely: WAL journal, one transaction per write, a wait for the other's write.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import platform
import sqlite3
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from briefing import __version__

T = TypeVar("T")
log = logging.getLogger(__name__)

CACHE_VARIABLE = "BRIEFING_CACHE_DIR"
SCHEMA = "3"  # the tables' layout: a database of another layout is emptied and made anew
# Seconds a run waits for another run's write before it goes on without the cache: a cold write
# of 10,000 articles takes about two.
BUSY_TIMEOUT = 20.0
# A file changed this recently may change again within one tick of the file system's clock (two
# seconds on FAT) without its times showing it: read now, kept only once it is older.
RACY_SECONDS = 2
# The modules whose code decides what reading a file gives (a test checks the list is complete).
READING_MODULES = (
    "cleaning",
    "corpus",
    "dates",
    "errors",
    "metadata",
    "text",
    "untrusted",
    "vocabulary",
)
# Libraries whose version changes what an article reads as (HTML extraction, front matter).
READING_LIBRARIES = ("trafilatura", "PyYAML")
# A database no run has opened for this long belongs to a folder gone or given up: removed, so
# the cache folder does not grow with every folder ever briefed. A quarter covers a long holiday.
UNUSED_DAYS = 90
# SQLite's primary result codes (sqlite3.h): another connection holds a lock; the file is no
# database or a damaged one.
_BUSY = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED
_DAMAGED = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB

_TABLE = """
CREATE TABLE IF NOT EXISTS files (
    path BLOB PRIMARY KEY,  -- the file's path inside the sources folder
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    reader TEXT NOT NULL,   -- reader_fingerprint() of the run that read it
    published TEXT,         -- the article's date, YYYY-MM-DD
    reason TEXT NOT NULL,   -- why the file was skipped; '' when read
    notes TEXT NOT NULL,    -- JSON list of the warnings reading gave
    article TEXT NOT NULL,  -- the article as JSON; '' when skipped or dated only
    dated_only INTEGER NOT NULL  -- 1: read only as far as its date (Record.dated_only)
)
"""
_DIGESTS = """
CREATE TABLE IF NOT EXISTS digests (
    key BLOB PRIMARY KEY,   -- a hash of the sentences and the summarizer's version
    path BLOB NOT NULL,     -- the file the article came from: forgotten with it
    digest TEXT NOT NULL    -- JSON list of the digest's sentences
)
"""

Stamp = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode


@dataclass(frozen=True)
class Record:
    """What reading one file gave, as the cache keeps it: the article as JSON (data, never code),
    or why the file was skipped; the article's date, so the window is judged without loading it;
    and the warnings reading gave, repeated on every run."""

    published: date | None
    reason: str  # why the file was skipped; "" when it was read
    notes: tuple[str, ...]
    article: str = ""  # the article as JSON (`corpus.article_to_json`); "" when skipped
    # Read only as far as the date its front matter states, a date outside the brief's window:
    # no article; the file is read in full when a brief wants it.
    dated_only: bool = False


def reader_fingerprint(vocabulary: str) -> str:
    """Return the reader's version: briefing's version and a hash of the reading code, the
    vocabulary's `fingerprint`, the libraries reading uses and the Python running it."""
    return fingerprint(READING_MODULES, READING_LIBRARIES, vocabulary)


def fingerprint(modules: tuple[str, ...], libraries: tuple[str, ...], extra: str = "") -> str:
    """Return briefing's version and a hash of the code of `modules` (briefing's), the versions
    of `libraries`, the Python running them, the cache's layout and `extra`."""
    from importlib.resources import files

    digest = hashlib.sha256()
    for module in modules:
        digest.update((files("briefing") / f"{module}.py").read_bytes())
    for library in libraries:
        try:
            digest.update(f"{library} {metadata.version(library)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library} absent\n".encode())
    digest.update(f"python {platform.python_version()}\n{SCHEMA}\n{extra}".encode())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def cache_folder() -> Path | None:
    """Return the folder the cache lives in, or None when there is no home to put it in."""
    explicit = os.environ.get(CACHE_VARIABLE, "").strip()
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg and os.path.isabs(xdg):  # the XDG rules: a relative path is to be ignored
        return Path(xdg) / "briefing"
    try:
        return Path.home() / ".cache" / "briefing"
    except RuntimeError:
        return None


def open_cache(sources: Path, reader: str) -> ArticleCache | None:
    """Return the cache of the `sources` folder, or None (with one warning) when it cannot be
    used: no cache folder, one inside the sources, a link, or a folder others may write to."""
    folder = cache_folder()
    if folder is None:
        log.warning("article cache: no home folder to keep it in; reading every file")
        return None
    root = sources.resolve()
    try:
        place = folder.resolve()
    except (OSError, RuntimeError):
        place = folder
    if place.is_relative_to(root):
        log.warning(
            "article cache folder %s is inside the sources folder; not used (set %s elsewhere)",
            folder,
            CACHE_VARIABLE,
        )
        return None
    problem = _private_folder(folder)
    if problem:
        log.warning("article cache folder %s %s; not used, reading every file", folder, problem)
        return None
    key = hashlib.sha256(os.fsencode(str(root))).hexdigest()[:24]
    database = folder / f"articles-{key}.sqlite3"
    _remove_unused(folder, database)
    return ArticleCache(database, sources, reader)


def _remove_unused(folder: Path, current: Path) -> None:
    """Remove the databases (and their logs) no run has opened for UNUSED_DAYS."""
    oldest = time.time() - UNUSED_DAYS * 24 * 3600
    for path in folder.glob("articles-*.sqlite3*"):
        if path.name.startswith(current.name):
            continue
        with contextlib.suppress(OSError):
            status = os.lstat(path)
            if stat.S_ISREG(status.st_mode) and status.st_mtime < oldest:
                path.unlink()


def _private_folder(folder: Path) -> str:
    """Make `folder` (only the user may enter it) and say what is wrong with it, or ""."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = os.lstat(folder)
    except OSError as exc:
        return f"cannot be made ({exc.strerror or exc})"
    if stat.S_ISLNK(status.st_mode):
        return "is a symbolic link"
    if not stat.S_ISDIR(status.st_mode):
        return "is not a folder"
    if hasattr(os, "getuid") and status.st_uid != os.getuid():
        return "belongs to another user"
    if status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "may be written by other users"
    return ""


class ArticleCache:
    """The records of one sources folder's files. Every method gives up on the cache, with one
    warning, rather than fail the run; a damaged database is made anew at once."""

    def __init__(self, database: Path, sources: Path, reader: str) -> None:
        self.database = database
        self.sources = sources  # as the run names it: the files' paths start with it
        self.reader = reader
        self.usable = True
        self.stamps: dict[bytes, Stamp] = {}
        self.known: set[bytes] = set()
        self.keys: dict[Path, bytes] = {}  # each file's key, as `lookup` made it

    def lookup(
        self,
        entries: list[tuple[Path, str]],
        wanted: Callable[[date | None], bool],
        valid: Callable[[str], bool],
    ) -> dict[int, Record]:
        """Return the records of the unchanged files among `entries`, by position; a record's
        article is loaded only when `wanted` says its date is wanted, and only when `valid` says
        the text is an article (else the file is read again). Each file's times are taken now,
        before it is read, so a file changed while it is read is read again next time."""
        keys = [self._key(path) for path, _ in entries]
        self.keys = dict(zip((path for path, _ in entries), keys, strict=True))
        for key, (path, _) in zip(keys, entries, strict=True):
            stamp = _stamp(path)
            if stamp is not None:
                self.stamps[key] = stamp
        return self._with_database(
            lambda connection: self._rows(connection, keys, wanted, valid), {}
        )

    def _rows(
        self,
        connection: sqlite3.Connection,
        keys: list[bytes],
        wanted: Callable[[date | None], bool],
        valid: Callable[[str], bool],
    ) -> dict[int, Record]:
        """The records `lookup` returns, read from one snapshot of the database."""
        found: dict[int, Record] = {}
        with contextlib.suppress(OSError):
            os.utime(self.database)  # in use: see UNUSED_DAYS
        connection.execute("BEGIN")  # one snapshot: rows and articles as one run left them
        rows = {
            row[0]: row[1:]
            for row in connection.execute(
                "SELECT path, size, mtime_ns, ctime_ns, inode, reader, published, reason, "
                "notes, dated_only FROM files"
            )
        }
        self.known = set(rows)
        load = connection.execute
        for i, key in enumerate(keys):
            row = rows.get(key)
            if row is None or tuple(row[:4]) != self.stamps.get(key) or row[4] != self.reader:
                continue
            record = _record(row[5], row[6], row[7], row[8])
            if record is None or (record.dated_only and wanted(record.published)):
                continue  # a damaged row, or an article now wanted whose date alone was read
            if not record.reason and not record.dated_only and wanted(record.published):
                (text,) = load("SELECT article FROM files WHERE path = ?", (key,)).fetchone()
                if not isinstance(text, str) or not valid(text):
                    continue
                record = Record(record.published, "", record.notes, text)
            found[i] = record
        connection.execute("COMMIT")
        return found

    def save(self, records: list[tuple[Path, Record]], present: list[Path]) -> None:
        """Keep the records of the files just read and forget the files no longer in the folder
        (those this run found in the cache and did not see), in one transaction."""
        now = time.time_ns()
        rows = []
        for path, record in records:
            key = self._key(path)
            stamp = self.stamps.get(key)
            if stamp is None or now - stamp[1] < RACY_SECONDS * 1_000_000_000:
                continue
            published = record.published.isoformat() if record.published else None
            notes = json.dumps(list(record.notes), ensure_ascii=False)
            rows.append(
                (
                    key,
                    *stamp,
                    self.reader,
                    published,
                    record.reason,
                    notes,
                    record.article,
                    int(record.dated_only),
                )
            )
        gone = self.known - {self._key(path) for path in present}
        changed = {row[0] for row in rows} & self.known
        if not rows and not gone:
            return

        def write(connection: sqlite3.Connection) -> None:
            with connection:  # one transaction: all of it or none
                connection.execute("BEGIN IMMEDIATE")
                connection.executemany(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
                )
                connection.executemany("DELETE FROM files WHERE path = ?", [(k,) for k in gone])
                # A file read again or gone takes its digests with it.
                connection.executemany(
                    "DELETE FROM digests WHERE path = ?", [(k,) for k in gone | changed]
                )

        self._with_database(write, None)

    def digests(self, keys: list[bytes]) -> dict[bytes, list[str]]:
        """Return the digests kept under `keys` (`pipeline.digest_key`)."""

        def read(connection: sqlite3.Connection) -> dict[bytes, list[str]]:
            found: dict[bytes, list[str]] = {}
            for key in keys:
                row = connection.execute(
                    "SELECT digest FROM digests WHERE key = ?", (key,)
                ).fetchone()
                sentences = _strings(row[0]) if row else None
                if sentences is not None:
                    found[key] = sentences
            return found

        return self._with_database(read, {})

    def keep_digests(self, digests: dict[bytes, tuple[str, list[str]]]) -> None:
        """Keep each `key: (article name, digest)`, tied to the article's file."""
        paths = {os.fsdecode(key): key for key in self.keys.values()}
        rows = [
            (key, paths[name], json.dumps(sentences, ensure_ascii=False))
            for key, (name, sentences) in digests.items()
            if name in paths
        ]
        if not rows:
            return

        def write(connection: sqlite3.Connection) -> None:
            with connection:
                connection.execute("BEGIN IMMEDIATE")
                connection.executemany("INSERT OR REPLACE INTO digests VALUES (?, ?, ?)", rows)

        self._with_database(write, None)

    def _with_database(self, work: Callable[[sqlite3.Connection], T], failed: T) -> T:
        """Return what `work` makes of a fresh connection; `failed` when the cache is unusable or
        the database fails it (the cache is then given up, with one warning)."""
        connection = self._connect()
        if connection is None:
            return failed
        try:
            return work(connection)
        except sqlite3.Error as exc:
            self._give_up(exc)
            return failed
        finally:
            connection.close()

    def _key(self, path: Path) -> bytes:
        """The file's path inside the sources folder (`corpus.relative_name`), as bytes."""
        key = self.keys.get(path)
        if key is None:
            text, prefix = str(path), str(self.sources)
            if prefix != "." and text.startswith(prefix + os.sep):
                text = text[len(prefix) + 1 :]
            else:
                text = str(path.relative_to(self.sources))
            key = os.fsencode(text)
        return key

    def _connect(self) -> sqlite3.Connection | None:
        """Open the database, making it (or making it anew when damaged); None when unusable."""
        if not self.usable:
            return None
        for attempt in range(2):
            problem = self._not_a_regular_file()
            if problem:
                log.warning("article cache %s %s; reading every file", self.database, problem)
                self.usable = False
                return None
            try:
                return self._open()
            except sqlite3.Error as exc:
                if _code(exc) not in _DAMAGED or attempt:
                    self._give_up(exc)
                    return None
                log.warning("article cache %s was unreadable (%s); made anew", self.database, exc)
                self._remove()
        return None

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.database, timeout=BUSY_TIMEOUT, isolation_level=None, cached_statements=16
        )
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            # With WAL, NORMAL never damages the database; a crash may lose the last write,
            # which the next run simply reads again.
            connection.execute("PRAGMA synchronous=NORMAL")
            self._check_layout(connection)
        except BaseException:
            connection.close()
            raise
        return connection

    def _check_layout(self, connection: sqlite3.Connection) -> None:
        """Make the tables, or make them anew when they hold another layout or another folder."""
        # The folder's resolved path, as it names the database; surrogates kept as they came.
        folder = (
            str(self.sources.resolve())
            .encode("utf-8", "surrogateescape")
            .decode("utf-8", "replace")
        )
        expected = {"schema": SCHEMA, "folder": folder}
        try:
            found = dict(connection.execute("SELECT key, value FROM meta"))
        except sqlite3.OperationalError as exc:
            if "no such table" not in str(exc):
                raise
            found = {}
        if found == expected:
            return
        with connection:
            connection.execute("BEGIN IMMEDIATE")
            for table in ("files", "digests", "meta"):
                connection.execute(f"DROP TABLE IF EXISTS {table}")
            connection.execute(_TABLE)
            connection.execute(_DIGESTS)
            connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            connection.executemany("INSERT INTO meta VALUES (?, ?)", expected.items())

    def _not_a_regular_file(self) -> str:
        for path in (self.database, *self._companions()):
            try:
                mode = os.lstat(path).st_mode
            except FileNotFoundError:
                continue
            except OSError as exc:
                return f"cannot be read ({exc.strerror or exc})"
            if not stat.S_ISREG(mode):
                what = "is" if path == self.database else f"has {path.name}, which is"
                return f"{what} not a regular file (a link or a special file)"
        return ""

    def _companions(self) -> tuple[Path, Path]:
        """SQLite's write-ahead log and its index beside the database."""
        return (
            self.database.with_name(self.database.name + "-wal"),
            self.database.with_name(self.database.name + "-shm"),
        )

    def _remove(self) -> None:
        for path in (self.database, *self._companions()):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    def _give_up(self, exc: sqlite3.Error) -> None:
        """Go on without the cache for the rest of the run, saying why in one line."""
        if _code(exc) in _BUSY:
            why = "is busy (another run is writing it)"
        else:
            why = f"cannot be used ({exc})"
        log.warning("article cache %s %s; this run reads without it", self.database, why)
        self.usable = False


def _code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code of `exc` (-1 when it has none)."""
    return getattr(exc, "sqlite_errorcode", -1) & 0xFF


def _stamp(path: Path) -> Stamp | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino


def _record(published: str | None, reason: str, notes: str, dated_only: int) -> Record | None:
    """The record a row holds (its article still to load), or None when the row is not one."""
    try:
        day = date.fromisoformat(published) if published is not None else None
    except (TypeError, ValueError):
        return None
    warnings = [] if notes == "[]" else _strings(notes)
    if not isinstance(reason, str) or warnings is None or dated_only not in (0, 1):
        return None
    if dated_only and (day is None or reason):
        return None
    return Record(day, reason, tuple(warnings), dated_only=bool(dated_only))


def _strings(text: object) -> list[str] | None:
    """The JSON list of strings `text` holds, or None when it holds something else."""
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return None
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None
