"""Cold start and lazy imports: the command line stays light; DOCX runs never load PDF machinery.
(Timings live in bench/, not here.)"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SEEDS

from briefing.errors import BriefingError
from briefing.workers import Prepared

PROBE = """
import json, sys
from briefing.cli import main
try:
    main({args!r}, standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted(m.split(".")[0] for m in sys.modules)))
"""
HEAVY = {"weasyprint", "sumy", "nltk", "numpy", "docx", "jinja2", "trafilatura", "rich"}


def loaded_after(*args: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_help_imports_no_heavy_library():
    assert loaded_after("--help") & HEAVY == set()


def test_docx_only_run_imports_no_pdf_machinery(tmp_path):
    loaded = loaded_after(
        "-q",
        "generate",
        "--date",
        "2024-12-03",
        "--sources",
        str(SEEDS),
        "--output",
        str(tmp_path),
        "--format",
        "docx",
    )
    assert "docx" in loaded
    assert "weasyprint" not in loaded
    assert "pydyf" not in loaded
    assert list(tmp_path.glob("*.docx"))


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


def test_an_unused_worker_is_stopped():
    worker = Prepared(lambda: None, double)
    worker.close()
    assert worker.process is None


def test_progress_shows_on_a_terminal_and_not_otherwise(monkeypatch, capsys):
    import logging

    import briefing.cli
    from briefing.cli import setup_logging

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    setup_logging(quiet=False)
    logging.getLogger("briefing.pipeline").info("Reading articles in seeds")
    assert capsys.readouterr().err == ""  # a quick run stays silent
    monkeypatch.setattr(briefing.cli, "PROGRESS_DELAY", 0.0)
    logging.getLogger("briefing.pipeline").info("Rendering PDF")
    err = capsys.readouterr().err
    assert "Reading articles in seeds" in err  # the stage under way when progress began
    assert "Rendering PDF" in err
    setup_logging(quiet=True)
    logging.getLogger("briefing.pipeline").info("Reading articles in seeds")
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    setup_logging(quiet=False)
    logging.getLogger("briefing.pipeline").info("Reading articles in seeds")
    assert capsys.readouterr().err == ""
