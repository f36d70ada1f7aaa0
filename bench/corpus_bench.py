"""Read and clean 1,000 articles built from the benchmark clusters (dates over 30 days).

    python bench/corpus_bench.py [--count 1000] [--repeat 3]

Target (issue 3): under 5 s on a 2-core machine. Prints the median of the repeats.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from common import FIRST_DAY, SPREAD_DAYS, load_clusters, write_corpus

from briefing.corpus import load_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    clusters = load_clusters()
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_corpus(Path(tmp) / "corpus", args.count, clusters)
        until = date.fromordinal(FIRST_DAY.toordinal() + SPREAD_DAYS)
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            corpus = load_corpus(folder, until=until, cache=False)  # reading, every time
            times.append(time.perf_counter() - start)
        print(
            f"read and cleaned {args.count} files -> {len(corpus.articles)} articles "
            f"({len(corpus.reports) - len(corpus.articles)} skipped or merged): "
            f"median {statistics.median(times):.2f} s over {args.repeat} runs "
            f"({', '.join(f'{t:.2f}' for t in times)})"
        )


if __name__ == "__main__":
    main()
