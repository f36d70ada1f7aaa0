"""Run every benchmark in turn (see bench/RESULTS.md for the recorded figures)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for name in (
    "corpus_bench.py",
    "rouge_bench.py",
    "floor_bench.py",
    "scale_bench.py",
    "digest_bench.py",
):
    print(f"\n## {name}\n", flush=True)
    subprocess.run([sys.executable, str(HERE / name)], check=True)
