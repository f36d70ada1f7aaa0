"""Lazy imports: the command line stays light; DOCX runs never load PDF machinery.
(Timings live in bench/, not here.)"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import SEEDS

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
