"""Output paths and atomic writes: a temporary file in the same folder, then a rename.

The one place where briefing writes files. Only regular files are written or replaced: a device,
a pipe, a folder or a link where a brief should go is reported, never overwritten.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from briefing.errors import OutputError

_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a pipe"),
    (stat.S_ISSOCK, "a socket"),
)


def output_path(folder: Path, day: date, slug: str, fmt: str) -> Path:
    """Return `folder/<date>-<slug>.<fmt>`."""
    return folder / f"{day.isoformat()}-{slug}.{fmt}"


def write_files(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write every `(path, data)` to a temporary file beside its path, then move them all into place.

    Nothing is replaced until every file is written: a failure (a full disk) leaves each path as it
    was, so an earlier brief stays whole, never half old and half new, and no partial file remains.
    """
    _replace_all([(path, lambda tmp, data=data: tmp.write_bytes(data)) for path, data in files])


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call `write(temporary_path)`, then rename the result onto `path`.

    A failure leaves `path` as it was (an earlier brief stays intact) and no partial file.
    """
    _replace_all([(path, write)])


def write_bytes(path: Path, data: bytes) -> None:
    write_files([(path, data)])


def _replace_all(writers: Sequence[tuple[Path, Callable[[Path], None]]]) -> None:
    for path, _ in writers:
        check_writable(path)
    staged: list[tuple[Path, Path]] = []
    try:
        for path, write in writers:
            temporary = _temporary_beside(path, staged)
            try:
                write(temporary)
                os.chmod(temporary, 0o644)
            except OSError as exc:
                raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        for temporary, path in staged:
            check_writable(path)
            try:
                os.replace(temporary, path)
            except OSError as exc:
                raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)


def _temporary_beside(path: Path, staged: list[tuple[Path, Path]]) -> Path:
    """Create an empty temporary file in `path`'s folder and record it in `staged` at once, so
    that an interruption at any point leaves nothing behind."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        staged.append((Path(name), path))
        os.close(handle)
    except OSError as exc:
        raise OutputError(f"{path.parent}: cannot write there ({exc.strerror or exc})") from None
    return Path(name)


def check_writable(path: Path) -> None:
    """Raise `OutputError` unless `path` is free or a regular file that may be replaced."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    for is_kind, kind in _KINDS:
        if is_kind(mode):
            raise OutputError(
                f"{path}: is {kind}, not a regular file; briefing writes only regular files"
            )
