"""Shared helpers for the benchmarks: the benchmark data and article folders built from it."""

from __future__ import annotations

import json
import os
import random
import sys
from datetime import date, timedelta
from pathlib import Path

from briefing.text import split_sentences

DATA = Path(
    os.environ.get(
        "BRIEFING_BENCH_DATA",
        Path(__file__).resolve().parents[2] / "shared" / "bench" / "multinews_sample.jsonl",
    )
)
FIRST_DAY = date(2024, 11, 4)
SPREAD_DAYS = 30
MIN_MIX_SENTENCES = 12
PART_SENTENCES = 8  # equal shares, so no one source article dominates a mixed file


def load_clusters() -> list[dict]:
    """Return the benchmark clusters, or exit cleanly when the data is absent."""
    if not DATA.is_file():
        print(f"benchmark data not found at {DATA}; set BRIEFING_BENCH_DATA", file=sys.stderr)
        raise SystemExit(0)
    with DATA.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def all_articles(clusters: list[dict]) -> list[dict]:
    return [a for cluster in clusters for a in cluster["articles"] if a["text"].strip()]


def write_corpus(
    folder: Path,
    count: int,
    clusters: list[dict],
    *,
    first_day: date = FIRST_DAY,
    spread_days: int = SPREAD_DAYS,
    start: int = 0,
) -> Path:
    """Write `count` articles, numbered from `start`, with dates spread over `spread_days` days
    from `first_day`, and a synthetic profile.

    Beyond the sample's size, article n joins eight-sentence passages of three sample articles
    (chosen by a generator seeded with n), so every file is a distinct text and the duplicate merger does not fold the corpus away.
    """
    folder.mkdir(parents=True, exist_ok=True)
    articles = all_articles(clusters)
    total = len(articles)
    # Mixed files draw on substantial articles only: a near-empty part would leave a file that is
    # mostly one other article, which the duplicate merger rightly folds away.
    long_ones = [a for a in articles if len(split_sentences(a["text"])) >= MIN_MIX_SENTENCES]
    for n in range(start, start + count):
        first = articles[n % total]
        text = first["text"]
        if n >= total:
            pick = random.Random(n)  # seeded by n: the same corpus on every run
            parts = pick.sample(long_ones, 3)
            first = parts[0]
            chunks = []
            for part in parts:
                sentences = split_sentences(part["text"])
                start = pick.randrange(len(sentences) - PART_SENTENCES + 1)
                chunks.append(" ".join(sentences[start : start + PART_SENTENCES]))
            text = "\n\n".join(chunks)
        day = first_day + timedelta(days=n % spread_days)
        title = (first.get("title") or f"Article {n}").replace('"', "'")
        (folder / f"{n:05d}.txt").write_text(
            f'---\ntitle: "{title}"\noutlet: "Outlet {n % 37}"\ndate: {day.isoformat()}\n---\n'
            + text,
            encoding="utf-8",
        )
    (folder / "brief.toml").write_text(SYNTHETIC_PROFILE, encoding="utf-8")
    return folder


SYNTHETIC_PROFILE = """title = "Benchmark news digest"
handling = "Benchmark"

[[actors]]
name = "United States"
aliases = ["U.S.", "Washington", "American", "Obama", "Trump", "White House"]

[[actors]]
name = "Congress"
aliases = ["Senate", "House", "Republicans", "Democrats", "lawmakers"]

[[actors]]
name = "Police"
aliases = ["police", "officers", "sheriff"]

[sections.outlook]
cues = ["election", "trial", "hearing"]
"""
