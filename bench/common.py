"""Shared helpers for the benchmarks: the benchmark data and article folders built from it."""

from __future__ import annotations

import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path

DATA = Path(
    os.environ.get(
        "BRIEFING_BENCH_DATA",
        Path(__file__).resolve().parents[2] / "shared" / "bench" / "multinews_sample.jsonl",
    )
)
FIRST_DAY = date(2024, 11, 4)
SPREAD_DAYS = 30


def load_clusters() -> list[dict]:
    """Return the benchmark clusters, or exit cleanly when the data is absent."""
    if not DATA.is_file():
        print(f"benchmark data not found at {DATA}; set BRIEFING_BENCH_DATA", file=sys.stderr)
        raise SystemExit(0)
    with DATA.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def all_articles(clusters: list[dict]) -> list[dict]:
    return [a for cluster in clusters for a in cluster["articles"] if a["text"].strip()]


def write_corpus(folder: Path, count: int, clusters: list[dict]) -> Path:
    """Write `count` articles (cycling through the sample) with dates spread over 30 days."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = all_articles(clusters)
    for n in range(count):
        article = articles[n % len(articles)]
        day = FIRST_DAY + timedelta(days=n % SPREAD_DAYS)
        title = (article.get("title") or f"Article {n}").replace('"', "'")
        # Copies beyond the sample's size get a distinct last line, so the duplicate merger does
        # not fold them away and each size really carries that many articles.
        tail = f"\n\nCopy {n} filed on day {n % SPREAD_DAYS}." if n >= len(articles) else ""
        (folder / f"{n:05d}.txt").write_text(
            f'---\ntitle: "{title}"\noutlet: "Outlet {n % 37}"\ndate: {day.isoformat()}\n---\n'
            + article["text"]
            + tail,
            encoding="utf-8",
        )
    return folder
