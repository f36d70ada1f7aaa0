"""Stage progress on a terminal, silence otherwise."""

from __future__ import annotations

import sys


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


def test_reading_thousands_of_files_counts_on_one_line(monkeypatch, capsys):
    import logging

    import briefing.cli
    from briefing.cli import setup_logging

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(briefing.cli, "PROGRESS_DELAY", 0.0)
    setup_logging(quiet=False)
    log = logging.getLogger("briefing.corpus")
    log.info("Reading 10000 new or changed files (0 from the cache)")
    for done in range(0, 10_001, 2_500):
        log.info("Read %s of %s files", f"{done:,}", "10,000", extra={"progress": (done, 10_000)})
    logging.getLogger("briefing.pipeline").info("Selecting statements from 200 articles")
    err = capsys.readouterr().err
    lines = err.split("\n")
    assert "Reading 10000 new or changed files (0 from the cache)" in lines[0]
    # One line, redrawn: each count erases the one before it.
    assert lines[1].count("\r\x1b[2K") == 5
    assert lines[1].endswith("Read 10,000 of 10,000 files")
    assert "Read 5,000 of 10,000 files" in lines[1]
    assert "Selecting statements from 200 articles" in lines[2]
    setup_logging(quiet=True)
    log.info("Read %s of %s files", "1", "2", extra={"progress": (1, 2)})
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    setup_logging(quiet=False)
    log.info("Read %s of %s files", "1", "2", extra={"progress": (1, 2)})
    assert capsys.readouterr().err == ""


def test_a_long_read_shows_its_count_on_a_terminal(tmp_path, monkeypatch, capsys):
    from datetime import date

    import briefing.cli
    from briefing.cli import setup_logging
    from briefing.corpus import load_corpus

    for n in range(120):
        (tmp_path / f"{n:03d}.md").write_text(
            f"---\ndate: 2025-05-01\n---\nThe ferry to island {n} sails again, the port said.\n",
            encoding="utf-8",
        )
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(briefing.cli, "PROGRESS_DELAY", 0.0)
    setup_logging(quiet=False)
    load_corpus(tmp_path, until=date(2025, 5, 8), cache=False)
    err = capsys.readouterr().err
    assert "Read 60 of 120 files" in err
    assert "Read 120 of 120 files\n" in err
