"""A daily brief over a year's archive: a cold run, a warm run, and a run after adding articles.

    python bench/archive_bench.py [--archive DIR] [--count 10000] [--add 50]

Builds the archive with `make_archive.py` (10,000 articles over the year ending 2024-12-03, in a
temporary folder unless `--archive` names one to keep), then runs `briefing generate --date
2024-12-03 --days 7` (PDF and DOCX), each in a fresh process, with an empty article cache of its
own: without the cache (`--no-cache`), cold (the cache empty), warm (nothing changed), and after
adding `--add` new articles. Prints wall and CPU time (the pool and PDF worker included), peak
memory, and where the wall time went by stage (from the run's own progress lines).
Targets (issue 15): cold under 15 s, warm under 3 s, after adding 50 under 4 s, memory under 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from common import load_clusters
from make_archive import ARCHIVE_COUNT, ARCHIVE_LAST_DAY, add_articles, build_archive

# Runs `briefing` in this process and reports its figures on stderr's last line: wall time, CPU
# (itself and its children: the reading pool and the PDF worker), peak memory, and the time at
# which each stage line was logged.
RUN = """
import json, logging, resource, sys, time
from briefing.cli import main

stages = []

class Stages(logging.Handler):
    def emit(self, record):
        if record.levelno == logging.INFO and not hasattr(record, "progress"):
            stages.append((time.perf_counter() - start, record.getMessage()))

start = time.perf_counter()
for name in ("briefing.corpus", "briefing.pipeline"):
    logging.getLogger(name).addHandler(Stages(logging.INFO))
try:
    main({args!r}, standalone_mode=False)
finally:
    wall = time.perf_counter() - start
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({{
        "wall": wall,
        "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
        "peak_mb": me.ru_maxrss / 1024,
        "child_peak_mb": kids.ru_maxrss / 1024,
        "stages": stages,
    }}), file=sys.stderr)
"""


def run(args: list[str], cache: Path) -> dict:
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache)}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", RUN.format(args=args)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    stats = json.loads(done.stderr.strip().splitlines()[-1])
    stats["process"] = time.perf_counter() - start  # the interpreter's start included
    return stats


def stage_times(stats: dict) -> str:
    """Each stage's share of the run: from its line to the next one's (or the end)."""
    marks = [*stats["stages"], (stats["wall"], "end")]
    parts = []
    for (at, message), (until, _) in pairwise(marks):
        parts.append(f"{message.split(' (')[0][:40]}: {until - at:.1f}")
    return "; ".join(parts)


def remove_added(archive: Path, count: int) -> None:
    for path in archive.glob("*.txt"):
        if path.stem.isdigit() and int(path.stem) >= count:
            path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=None, help="build (or reuse) it here")
    parser.add_argument("--count", type=int, default=ARCHIVE_COUNT)
    parser.add_argument("--add", type=int, default=50)
    args = parser.parse_args()
    clusters = load_clusters()
    with tempfile.TemporaryDirectory() as tmp:
        archive = args.archive or Path(tmp) / "archive"
        if not (archive / f"{args.count - 1:05d}.txt").exists():
            build_archive(archive, args.count, clusters)
        remove_added(archive, args.count)  # articles an earlier run added
        # The archive is older than the cache's two-second clock margin, as a real one is.
        old = time.time() - 3600
        for path in archive.iterdir():
            os.utime(path, (old, old))
        cache = Path(tmp) / "cache"
        command = ["-q", "generate", "--date", ARCHIVE_LAST_DAY.isoformat(), "--days", "7"]
        command += ["--sources", str(archive), "--output", str(Path(tmp) / "out")]
        print(f"{args.count:,} articles in {archive}; `briefing {' '.join(command[1:5])}`\n")
        print("| run | wall (s) | CPU (s) | peak memory, main / largest child (MB) | stages (s) |")
        print("| --- | --- | --- | --- | --- |")
        runs = (
            ("no cache (`--no-cache`)", [*command, "--no-cache"], None),
            ("cold (empty cache)", command, None),
            ("warm (nothing changed)", command, None),
            (f"after adding {args.add} articles", command, args.add),
        )
        for label, cli, added in runs:
            if added:
                add_articles(archive, added, args.count, clusters)
            stats = run(cli, cache)
            print(
                f"| {label} | {stats['process']:.1f} | {stats['cpu']:.1f} | "
                f"{stats['peak_mb']:.0f} / {stats['child_peak_mb']:.0f} | {stage_times(stats)} |",
                flush=True,
            )
        remove_added(archive, args.count)  # leave a kept archive as it was built


if __name__ == "__main__":
    main()
