"""Output paths and atomic writes: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from briefing.errors import OutputError


def output_path(folder: Path, day: date, slug: str, fmt: str) -> Path:
    """Return `folder/<date>-<slug>.<fmt>`."""
    return folder / f"{day.isoformat()}-{slug}.{fmt}"


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call `write(temporary_path)`, then rename the result onto `path`.

    A failure leaves `path` as it was (an earlier brief stays intact) and no partial file.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(handle)
    except OSError as exc:
        raise OutputError(f"{path.parent}: cannot write there ({exc.strerror or exc})") from None
    temporary = Path(name)
    try:
        write(temporary)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_bytes(path: Path, data: bytes) -> None:
    write_atomically(path, lambda tmp: tmp.write_bytes(data))
