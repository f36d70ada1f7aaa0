"""Briefs from 100, 1,000 and 5,000 articles: wall time and peak memory at each size.

    python bench/scale_bench.py [--sizes 100,1000,5000]

Articles come from the benchmark clusters (beyond the sample's size, two articles are joined per
file), dated over 30 days, with a synthetic profile. Each size runs `briefing generate` (PDF and
DOCX) in a fresh process; peak memory is the larger of that process and its PDF worker.
Target (issue 6): 1,000 articles under 20 s and 1 GB, cost growing about linearly.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import FIRST_DAY, SPREAD_DAYS, load_clusters, write_corpus

RUN = """
import json, logging, resource, sys, time
from briefing.cli import main

used = []

class Count(logging.Handler):
    def emit(self, record):
        if record.getMessage().startswith("Selecting statements from"):
            used.append(int(record.getMessage().split()[3]))

start = time.perf_counter()
logging.getLogger("briefing.pipeline").addHandler(Count())
try:
    main({args!r}, standalone_mode=False)
finally:
    elapsed = time.perf_counter() - start
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({{"seconds": elapsed, "peak_mb": peak / 1024, "used": used[-1]}}), file=sys.stderr)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    args = parser.parse_args()
    clusters = load_clusters()
    until = FIRST_DAY.fromordinal(FIRST_DAY.toordinal() + SPREAD_DAYS).isoformat()
    print(
        "| files | articles used | wall time (s) | in-process (s) | peak memory (MB) | s per 1,000 |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            folder = write_corpus(Path(tmp) / "corpus", size, clusters)
            cli = [
                "-q",
                "generate",
                "--date",
                until,
                "--sources",
                str(folder),
                "--output",
                str(Path(tmp) / "out"),
                "--no-cache",  # every file read, as the figures always were; no cache left behind
            ]
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", RUN.format(args=cli)],
                capture_output=True,
                text=True,
                check=True,
            )
            wall = time.perf_counter() - start
            stats = json.loads(done.stderr.strip().splitlines()[-1])
            print(
                f"| {size:,} | {stats['used']:,} | {wall:.1f} | {stats['seconds']:.1f} | {stats['peak_mb']:.0f} "
                f"| {1000 * wall / size:.1f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
