"""ROUGE of `briefing summarize --words 300` on the benchmark clusters, beside sumy and baselines.

    python bench/rouge_bench.py [--limit N] [--methods briefing,lead,lexrank,...]

Every method reads the same cleaned articles through `briefing.corpus` and is held to the same
300-word budget; times cover summarization only (reading is shared and timed apart).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path

from common import load_clusters

from briefing.corpus import read_article
from briefing.summarize import summarize
from briefing.text import SumyTokenizer, word_count

BUDGET = 300
SUMY = ("lexrank", "textrank", "lsa", "sumbasic", "kl")


def read_cluster(cluster: dict, folder: Path) -> list[list[str]]:
    documents = []
    for n, article in enumerate(cluster["articles"]):
        if not article["text"].strip():
            continue
        path = folder / f"{n}.txt"
        path.write_text(article["text"], encoding="utf-8")
        try:
            documents.append(list(read_article(path).sentences))
        except Exception:  # an article with nothing left after cleaning
            continue
    return documents


def lead(documents: list[list[str]], budget: int = BUDGET) -> list[str]:
    chosen, used, depth = [], 0, 0
    while any(depth < len(d) for d in documents):
        for d in documents:
            if depth < len(d):
                words = word_count(d[depth])
                if used + words > budget:
                    return chosen
                chosen.append(d[depth])
                used += words
        depth += 1
    return chosen


def oracle(documents: list[list[str]], reference: str, scorer) -> list[str]:
    """Greedy extractive oracle: add the sentence that most raises R-2 F against the reference.

    Bigrams come from rouge-score's own tokenizer (Porter stemming), counted incrementally, so the
    oracle scores exactly what the final ROUGE call scores, at a fraction of its cost.
    """
    tokenize = scorer._tokenizer.tokenize
    target = _bigrams(tokenize(reference))
    pool = [(s, _bigrams(tokenize(s))) for d in documents for s in d]
    chosen: list[str] = []
    have: Counter = Counter()
    best, used = 0.0, 0
    while True:
        step = None
        for sentence, grams in pool:
            if sentence in chosen or used + word_count(sentence) > BUDGET:
                continue
            score = _f1(have + grams, target)
            if score > best:
                best, step = score, (sentence, grams)
        if step is None:
            return chosen
        chosen.append(step[0])
        have += step[1]
        used += word_count(step[0])


def _bigrams(tokens: list[str]) -> Counter:
    return Counter(zip(tokens, tokens[1:], strict=False))


def _f1(candidate: Counter, reference: Counter) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def sumy_method(name: str, documents: list[list[str]], budget: int = BUDGET) -> list[str]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {
        "lexrank": LexRankSummarizer,
        "textrank": TextRankSummarizer,
        "lsa": LsaSummarizer,
        "sumbasic": SumBasicSummarizer,
        "kl": KLSummarizer,
    }
    tokenizer = SumyTokenizer("english")
    document = ObjectDocumentModel(
        [Paragraph([Sentence(s, tokenizer) for s in d]) for d in documents if d]
    )
    summarizer = classes[name](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def within_budget(infos):
        kept, used = [], 0
        for info in infos:
            words = word_count(str(info.sentence))
            if used + words <= budget:
                kept.append(info)
                used += words
        return kept

    return [str(s) for s in summarizer(document, within_budget)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--methods", default="briefing,lead,oracle," + ",".join(SUMY))
    args = parser.parse_args()
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    clusters = load_clusters()
    if args.limit:
        clusters = clusters[: args.limit]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        corpora = [read_cluster(c, Path(tmp)) for c in clusters]
    read_time = time.perf_counter() - start
    print(f"read and cleaned {len(clusters)} clusters in {read_time:.1f} s")
    methods = args.methods.split(",")
    print("| method | R-1 F | R-2 F | R-L F | time (s) |")
    print("| --- | --- | --- | --- | --- |")
    for method in methods:
        totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
        elapsed = 0.0
        for cluster, documents in zip(clusters, corpora, strict=True):
            reference = cluster["references"][0]
            begin = time.perf_counter()
            if method == "briefing":
                summary = summarize(documents, BUDGET)
            elif method == "lead":
                summary = lead(documents)
            elif method == "oracle":
                summary = oracle(documents, reference, scorer)
            else:
                summary = sumy_method(method, documents)
            elapsed += time.perf_counter() - begin
            scores = scorer.score(reference, "\n".join(summary))
            for key in totals:
                totals[key] += scores[key].fmeasure
        n = len(clusters)
        print(
            f"| {method} | {100 * totals['rouge1'] / n:.2f} | {100 * totals['rouge2'] / n:.2f} "
            f"| {100 * totals['rougeL'] / n:.2f} | {elapsed:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
