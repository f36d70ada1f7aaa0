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
