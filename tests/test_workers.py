"""The prepared worker: work in a forked process that warmed up first, or in-process."""

from __future__ import annotations

import pytest

from briefing.errors import BriefingError
from briefing.workers import Prepared


def double(n: int) -> int:
    if n < 0:
        raise BriefingError("negative input")
    if n == 0:
        raise ZeroDivisionError("zero")
    return 2 * n


@pytest.mark.parametrize("fork", [True, False])
def test_prepared_worker_returns_results_and_raises_what_the_work_raised(monkeypatch, fork):
    if not fork:
        monkeypatch.setenv("BRIEFING_NO_FORK", "1")
    with Prepared(lambda: None, double) as worker:
        assert worker(21) == 42
    with (
        Prepared(lambda: None, double) as worker,
        pytest.raises(BriefingError, match="negative input"),
    ):
        worker(-1)
    with (
        Prepared(lambda: None, double) as worker,
        pytest.raises((RuntimeError, ZeroDivisionError), match="zero"),
    ):
        worker(0)


def test_an_unused_worker_is_stopped(monkeypatch):
    monkeypatch.delenv("BRIEFING_NO_FORK", raising=False)
    worker = Prepared(lambda: None, double)
    process = worker.process
    assert process is not None
    assert process.is_alive()
    worker.close()
    assert not process.is_alive()  # the child is gone, not merely forgotten
    assert process.exitcode is not None  # and reaped: no zombie left behind
