"""Run heavy work in forked processes: a stage that warms up while the brief is still being built
(`Prepared`), and many small tasks on every core (`map_in_order`).

Importing WeasyPrint costs about half a second, as long as reading, selecting and condensing the
articles together; on a machine with two cores the two can overlap. The worker imports its
library at once, then waits for the finished `Brief`, renders it and sends the bytes back. Where
forking is not safe (no `fork`, or threads already running) the work simply runs in-process.

The parent owns the run: the worker ignores Ctrl-C (which the terminal sends to both) and is ended
by the parent when the run stops early. A forked child ends without Python's clean-up (no garbage
collection, no `__del__`), so its temporary files go into a folder the parent removes, however
the worker ended.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from briefing.errors import BriefingError

log = logging.getLogger(__name__)

DISABLE_VARIABLE = "BRIEFING_NO_FORK"
# Signals that stop a run: the parent handles them; the worker must not see them before it has
# set itself up to ignore them, so they are held while it is forked.
_RUN_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})
STOP_TIMEOUT = 5  # seconds a worker asked to stop may take before it is killed
# Tasks handed to a pool process at a time: few round trips, yet shares that stay even at the end.
CHUNK_TASKS = 16


class Prepared:
    """A function run in a child process that prepared itself (`warm`) before the call."""

    def __init__(
        self, warm: Callable[[], None], work: Callable[[Any], Any], *, start: bool = True
    ) -> None:
        self.warm = warm
        self.work = work
        self.payload: Any = None
        self.process = None
        self.scratch: str | None = None
        if start:
            self.start()

    def start(self) -> None:
        """Fork the worker where that is safe. A caller that must never leak it registers `close`
        first (`start=False`), since Ctrl-C may arrive the moment the worker exists."""
        if self.process is not None or not can_fork():
            return
        context = multiprocessing.get_context("fork")
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _RUN_SIGNALS)
        try:
            self.scratch = tempfile.mkdtemp(prefix="briefing-worker-")
            self.connection, child = context.Pipe()
            process = context.Process(
                target=_serve, args=(child, self.warm, self.work, self.scratch), daemon=True
            )
            process.start()
            self.process = process
            child.close()
            # Dropped while signals are held: a Ctrl-C raised inside its __del__ would be lost.
            del child
        except BaseException:
            self.close()
            raise
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)

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
        """Stop the worker if it is still running (the run ended before it was needed, or was
        interrupted), and remove whatever it left in its temporary folder."""
        if self.process is not None:
            if self.process.is_alive():
                self.process.terminate()  # its work is no longer wanted, its files are in scratch
                self.process.join(timeout=STOP_TIMEOUT)
                if self.process.is_alive():
                    self.process.kill()
            self.process.join()
            self.connection.close()
            self.process = None
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None

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


def _serve(connection, warm: Callable[[], None], work: Callable[[Any], Any], scratch: str) -> None:
    # Ctrl-C is the parent's to handle (it reaches every process of the terminal's group); SIGTERM
    # from the parent ends the worker at once. Both were held since the fork: release them now.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _RUN_SIGNALS)
    tempfile.tempdir = scratch
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


# The function `map_in_order` runs: the pool's processes are forked after it is set, so they have
# it without pickling it (with the vocabulary it carries) for every chunk of tasks.
_task: Callable[[Any], Any] | None = None


def map_in_order(
    function: Callable[[Any], Any], items: Iterable[Any], *, parallel: bool = True
) -> Iterator[Any]:
    """Yield `function(item)` for each item, in the items' order, with one forked process per
    core when `parallel` and forking is safe (see `can_fork`), else here, one by one.

    The processes ignore Ctrl-C, as the `Prepared` worker does: the parent stops the run, and
    the pool is shut down however the caller stops reading the results.
    """
    global _task
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    if not parallel or cores < 2 or not can_fork():
        for item in items:
            yield function(item)
        return
    from concurrent.futures import ProcessPoolExecutor

    _task = function
    executor = ProcessPoolExecutor(
        cores, mp_context=multiprocessing.get_context("fork"), initializer=_ignore_run_signals
    )
    try:
        # The pool forks at the first task, before its own thread starts; the signals that stop
        # a run are held meanwhile, so that no process sees one before it has set itself up.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _RUN_SIGNALS)
        try:
            results = executor.map(_run_task, items, chunksize=CHUNK_TASKS)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        yield from results
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        _task = None


def _run_task(item: Any) -> Any:
    return _task(item)


def _ignore_run_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _RUN_SIGNALS)
