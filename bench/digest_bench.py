"""The longest article a file may hold: its digest, and a whole brief made from it.

    python bench/digest_bench.py

LexRank compares every pair of sentences, so an unbounded digest grew with the square of the
article (2,000 sentences 35 s, a 5 MB article over 600 s, issue 12). The digest now reads the head
of the article only; this prints its time on articles up to the 5 MB limit, and the time of a
whole `briefing generate --format docx` on a 5 MB article. The text is synthetic (sentences of
20 words drawn from 3,000), so nothing is needed but the project itself.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefing.corpus import MAX_BYTES
from briefing.summarize import digest

VOCABULARY = [f"term{n}" for n in range(3000)]
SENTENCE_WORDS = 20
RUNS = 3


def sentences(count: int, seed: int = 1) -> list[str]:
    chooser = random.Random(seed)
    return [
        " ".join(chooser.choice(VOCABULARY) for _ in range(SENTENCE_WORDS)).capitalize() + "."
        for _ in range(count)
    ]


def article_of(size: int) -> str:
    """Front matter and paragraphs of synthetic sentences, just under `size` bytes."""
    text = "---\ntitle: Longest article\noutlet: Bench Wire\ndate: 2024-12-01\n---\n"
    lines = []
    total = len(text)
    for sentence in sentences(size // 100):
        if total + len(sentence) + 2 >= size:
            break
        lines.append(sentence)
        total += len(sentence) + 2
    return text + "\n\n".join(lines) + "\n"


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    digest(sentences(10), 3)  # import sumy once, outside the timings
    for count in (100, 1_000, 5_000, 35_000):
        pool = sentences(count)
        times = [timed(lambda pool=pool: digest(pool, 3)) for _ in range(RUNS)]
        print(f"digest of {count:>6,} sentences: median {statistics.median(times):.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        text = article_of(MAX_BYTES - 1)
        (folder / "longest.md").write_text(text, encoding="utf-8")
        command = [
            sys.executable, "-m", "briefing", "-q", "generate", "--date", "2024-12-03",
            "--sources", str(folder), "--output", str(Path(tmp) / "out"), "--format", "docx",
            "--no-cache",  # a folder of one run: nothing to keep in the user's article cache
        ]  # fmt: skip
        seconds = timed(lambda: subprocess.run(command, check=True, capture_output=True))
        print(
            f"generate --format docx on one {len(text.encode()) / 1e6:.1f} MB article "
            f"({text.count(chr(10) * 2):,} sentences): {seconds:.1f} s"
        )


if __name__ == "__main__":
    main()
