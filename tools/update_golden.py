"""Rewrite tests/golden/seed_brief.md, the outline of the seed brief the tests compare against.

    python tools/update_golden.py

Run it only when a change to the brief's content is intended, and read the diff before committing.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from golden import GOLDEN, outline  # noqa: E402

GOLDEN.write_text(outline(), encoding="utf-8")
print(GOLDEN)
