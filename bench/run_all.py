"""Run every benchmark in turn (see bench/RESULTS.md for the recorded figures)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

RUNS = (
    ("corpus_bench.py",),
    ("rouge_bench.py",),
    ("floor_bench.py",),
    ("scale_bench.py",),
    ("quality_bench.py", "--split", "dev"),
    ("quality_bench.py", "--split", "test"),
    ("digest_bench.py",),
)

for name, *args in RUNS:
    print(f"\n## {' '.join([name, *args])}\n", flush=True)
    subprocess.run([sys.executable, str(HERE / name), *args], check=True)
