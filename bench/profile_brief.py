"""Where a brief's time goes: one `build_brief` under pyinstrument, its call tree printed.

    python bench/profile_brief.py SOURCES --date 2024-12-03 [--days 7] [--no-cache]

Runs in a fresh process (the PDF is not rendered: `floor_bench.py` and `archive_bench.py` time the
whole command), with the article cache in a temporary folder filled by another process first, so
the profile shows a warm run, imports included; `--no-cache` profiles reading every file instead.
Needs `pyinstrument` (`pip install -e '.[bench]'`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", type=Path)
    parser.add_argument("--date", type=date.fromisoformat, required=True)
    parser.add_argument("--days", type=int, default=None)
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--fill", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill:  # the run before, in a process of its own: it fills the cache
        build(args)
        return
    from pyinstrument import Profiler

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BRIEFING_CACHE_DIR"] = tmp
        if not args.no_cache:
            subprocess.run([sys.executable, __file__, *sys.argv[1:], "--fill"], check=True)
        profiler = Profiler()
        with profiler:
            build(args)
        print(profiler.output_text(unicode=False, color=False))


def build(args: argparse.Namespace) -> None:
    from briefing.options import Options
    from briefing.pipeline import build_brief

    build_brief(
        Options(sources=args.sources, day=args.date, days=args.days, cache=not args.no_cache)
    )


if __name__ == "__main__":
    main()
