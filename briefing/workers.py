"""Run a heavy stage in a forked process that warms up while the brief is still being built.

Importing WeasyPrint costs about half a second, as long as reading, selecting and condensing the
articles together; on a machine with two cores the two can overlap. The worker imports its
library at once, then waits for the finished `Brief`, renders it and sends the bytes back. Where
forking is not safe (no `fork`, or threads already running) the work simply runs in-process.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

from briefing.errors import BriefingError

log = logging.getLogger(__name__)

DISABLE_VARIABLE = "BRIEFING_NO_FORK"


class Prepared:
    """A function run in a child process that prepared itself (`warm`) before the call."""

    def __init__(self, warm: Callable[[], None], work: Callable[[Any], Any]) -> None:
        self.work = work
        self.payload: Any = None
        self.process = None
        if not can_fork():
            return
        context = multiprocessing.get_context("fork")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, warm, work), daemon=True)
        self.process.start()
        child.close()

    def submit(self, payload: Any) -> None:
        """Hand the payload over; the work starts now in the worker, or at `result` in-process."""
        self.payload = payload
        if self.process is not None:
            try:
                self.connection.send(payload)
            except OSError:
                self.close()

    def result(self) -> Any:
        """Return the work's result, raising what the work raised."""
        if self.process is None:
            return self.work(self.payload)
        try:
            status, value = self.connection.recv()
        except (EOFError, OSError):
            self.close()
            log.info("Worker process ended early; working in-process")
            return self.work(self.payload)
        self.close()
        if status == "ok":
            return value
        if status == "user":
            raise BriefingError(value)
        raise RuntimeError(value)

    def __call__(self, payload: Any) -> Any:
        self.submit(payload)
        return self.result()

    def close(self) -> None:
        """Stop the worker if it is still waiting (the run failed before it was needed)."""
        if self.process is None:
            return
        if self.process.is_alive():
            with contextlib.suppress(OSError):
                self.connection.send(None)
            self.process.join(timeout=5)
            if self.process.is_alive():
                self.process.terminate()
        self.connection.close()
        self.process = None

    def __enter__(self) -> Prepared:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def can_fork() -> bool:
    """Fork only where it is cheap and safe: Linux, one thread, not switched off."""
    return (
        sys.platform.startswith("linux")
        and threading.active_count() == 1
        and not os.environ.get(DISABLE_VARIABLE)
        and multiprocessing.current_process().name == "MainProcess"
    )


def _serve(connection, warm: Callable[[], None], work: Callable[[Any], Any]) -> None:
    # A failed warm-up is not reported here: the work fails the same way, with its context.
    with contextlib.suppress(Exception):
        warm()
    try:
        payload = connection.recv()
    except EOFError:
        return
    if payload is None:
        return
    try:
        connection.send(("ok", work(payload)))
    except BriefingError as exc:
        connection.send(("user", str(exc)))
    except Exception as exc:
        connection.send(("bug", f"{type(exc).__name__}: {exc}"))
    finally:
        connection.close()
