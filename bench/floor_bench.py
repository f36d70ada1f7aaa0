"""The seed brief against the toolchain's floor, side by side.

    python bench/floor_bench.py [--runs 7]

The floor is a fresh Python process that imports WeasyPrint and python-docx and prints a one-page
HTML file to PDF. The brief is a fresh `briefing generate --date 2024-12-03` (PDF and DOCX).
Runs alternate so both see the same machine state; the figure is the ratio of the medians.
Target (issue 6): at most 1.2.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = """
import weasyprint, docx
weasyprint.HTML(string="<html><body><h1>One page</h1><p>A paragraph of text.</p></body></html>").write_pdf({out!r})
"""


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    briefing = shutil.which("briefing") or str(Path(sys.executable).with_name("briefing"))
    with tempfile.TemporaryDirectory() as tmp:
        floor_cmd = [sys.executable, "-c", FLOOR.format(out=str(Path(tmp) / "floor.pdf"))]
        brief_cmd = [
            briefing,
            "-q",
            "generate",
            "--date",
            "2024-12-03",
            "--output",
            str(Path(tmp) / "out"),
        ]
        timed(floor_cmd), timed(brief_cmd)  # warm the file cache
        floor, brief = [], []
        for _ in range(args.runs):
            floor.append(timed(floor_cmd))
            brief.append(timed(brief_cmd))
    f, b = statistics.median(floor), statistics.median(brief)
    print(
        f"floor (import WeasyPrint + python-docx, one-page PDF): median {f:.3f} s  {sorted(round(x, 3) for x in floor)}"
    )
    print(
        f"briefing generate --date 2024-12-03 (PDF + DOCX):      median {b:.3f} s  {sorted(round(x, 3) for x in brief)}"
    )
    print(f"ratio: {b / f:.2f} (target <= 1.2) over {args.runs} runs each")


if __name__ == "__main__":
    main()
