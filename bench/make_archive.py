"""Build a year's archive of articles from the benchmark data, as an analyst's folder grows.

    python bench/make_archive.py DIR [--count 10000] [--add 0]

Writes `--count` article files into DIR with dates spread evenly over the year ending
ARCHIVE_LAST_DAY (so `briefing generate --date 2024-12-03 --days 7` keeps about 220 of 10,000),
and the synthetic profile; `--add N` then writes N more, dated ARCHIVE_LAST_DAY, as a morning's
new articles. Files beyond the sample's 666 articles join passages of three sample articles
(`common.write_corpus`), so each is a distinct text. The data is read from `../shared/bench/`;
nothing is written into the repository unless DIR is in it.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from common import load_clusters, write_corpus

ARCHIVE_LAST_DAY = date(2024, 12, 3)  # the seed brief's date: the archive is the year before it
ARCHIVE_DAYS = 366  # a year, both ends included: 10,000 files give about 27 a day
ARCHIVE_FIRST_DAY = ARCHIVE_LAST_DAY - timedelta(days=ARCHIVE_DAYS - 1)
ARCHIVE_COUNT = 10_000


def build_archive(
    folder: Path, count: int = ARCHIVE_COUNT, clusters: list[dict] | None = None
) -> Path:
    """Write the archive of `count` files into `folder` and return it."""
    return write_corpus(
        folder,
        count,
        clusters if clusters is not None else load_clusters(),
        first_day=ARCHIVE_FIRST_DAY,
        spread_days=ARCHIVE_DAYS,
    )


def add_articles(folder: Path, count: int, start: int, clusters: list[dict] | None = None) -> Path:
    """Write `count` new files numbered from `start`, dated ARCHIVE_LAST_DAY."""
    return write_corpus(
        folder,
        count,
        clusters if clusters is not None else load_clusters(),
        first_day=ARCHIVE_LAST_DAY,
        spread_days=1,
        start=start,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=ARCHIVE_COUNT)
    parser.add_argument("--add", type=int, default=0, help="then add this many new articles")
    args = parser.parse_args()
    clusters = load_clusters()
    build_archive(args.folder, args.count, clusters)
    if args.add:
        add_articles(args.folder, args.add, args.count, clusters)
    print(f"{args.count + args.add} articles in {args.folder}")


if __name__ == "__main__":
    main()
