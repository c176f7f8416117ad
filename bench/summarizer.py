"""Benchmark: newsbrief's summarizer, query-aware and generic, beside baselines and peers.

Run: ``.venv/bin/python bench/summarizer.py`` (about 4 minutes on 2 cores). Writes
``bench/results/summarizer.md``. Complements ``bench/summaries.py`` with the variants
that show how the method generalises: the same summarizer with the query ignored
(generic, as on the held-out generic set) and with ``read_before`` ignored (no update
awareness). Everything is scored in this run by ``newsbrief.evaluate.summarization``
(ROUGE-1.5.5 reimplementation, official settings, jackknifed), official peers included.
Speed: seconds per 25-article DUC 2006 cluster for ``summarize_cluster``, and for
``summarize_event`` on the five seed articles (headline, key sentences and sources).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from newsbrief.config import SummaryConfig
from newsbrief.evaluate.summarization import evaluate_summarization, read_clusters
from newsbrief.model import Article, Event
from newsbrief.summarize import summarize_cluster, summarize_event
from newsbrief.summarize.baselines import BASELINES

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "summarization"
RESULTS = Path(__file__).resolve().parent / "results" / "summarizer.md"
DATASETS = {
    "DUC 2006 (250 words, query-focused)": ("duc2006.jsonl.gz", "24"),
    "DUC 2007 update (100 words)": ("duc2007_update.jsonl", "40"),
}


def generic(
    articles: Sequence[Article],
    budget_words: int,
    query: str | None = None,
    read_before: Sequence[Article] = (),
) -> list[str]:
    """newsbrief with the query ignored: the generic multi-document task."""
    return summarize_cluster(articles, budget_words, None, read_before)


def no_update(
    articles: Sequence[Article],
    budget_words: int,
    query: str | None = None,
    read_before: Sequence[Article] = (),
) -> list[str]:
    """newsbrief with ``read_before`` ignored: no update awareness."""
    return summarize_cluster(articles, budget_words, query, ())


SUMMARIZERS = {
    "newsbrief": summarize_cluster,
    "newsbrief, query ignored (generic)": generic,
    "newsbrief, read_before ignored": no_update,
    **BASELINES,
}


def rouge_table(name: str, file_name: str, best_peer: str) -> list[str]:
    result = evaluate_summarization(DATA / file_name, summarizers=SUMMARIZERS)
    rows = [*SUMMARIZERS, f"peer {best_peer}"]
    rows += [r for r in ("peer 1",) if r in result.metric]
    lines = [
        f"### {name}: {result.n} clusters",
        "",
        "| system | ROUGE-1 R | ROUGE-2 R | ROUGE-SU4 R |",
        "|---|---:|---:|---:|",
    ]
    for row in rows:
        scores = result.metric[row]
        label = f"{row} (best official system)" if row == f"peer {best_peer}" else row
        label = f"{label} (NIST baseline)" if row == "peer 1" else label
        lines.append(
            f"| {label} | {scores['rouge-1']:.4f} | {scores['rouge-2']:.4f}"
            f" | {scores['rouge-su4']:.4f} |"
        )
    return [*lines, ""]


def speed_table() -> list[str]:
    clusters = [c for c in read_clusters(DATA / "duc2006.jsonl.gz") if len(c.articles) == 25]
    cluster_seconds = []
    for cluster in clusters:
        started = time.perf_counter()
        summarize_cluster(cluster.articles, cluster.target_words, cluster.query)
        cluster_seconds.append(time.perf_counter() - started)
    with open(DATA / "seeds.jsonl", encoding="utf-8") as handle:
        seeds = json.loads(handle.readline())
    event = Event("seeds", tuple(Article.from_record(a) for a in seeds["articles"]))
    event_seconds = []
    for _ in range(3):  # the first call loads the embedding model and lemminflect
        started = time.perf_counter()
        summarize_event(event, SummaryConfig())
        event_seconds.append(time.perf_counter() - started)
    return [
        "### Speed",
        "",
        "| job | median s | max s | runs |",
        "|---|---:|---:|---:|",
        f"| summarize_cluster, 25-article DUC 2006 cluster, 250 words, with query"
        f" | {statistics.median(cluster_seconds):.2f} | {max(cluster_seconds):.2f}"
        f" | {len(cluster_seconds)} |",
        f"| summarize_event, 5 seed articles, cold (loads USE and lemminflect)"
        f" | {event_seconds[0]:.2f} | {event_seconds[0]:.2f} | 1 |",
        f"| summarize_event, 5 seed articles, warm | {statistics.median(event_seconds[1:]):.2f}"
        f" | {max(event_seconds[1:]):.2f} | 2 |",
        "",
    ]


def main() -> None:
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# newsbrief summarizer: query-aware, generic and update variants",
        "",
        f"Run {started} by `.venv/bin/python bench/summarizer.py` on {os.cpu_count()} CPU"
        f" cores ({platform.machine()}, Python {sys.version.split()[0]}; load average"
        f" {os.getloadavg()[0]:.1f} at the start: other jobs shared the cores). ROUGE-1.5.5"
        " settings of the official runs (`-n 2 -x -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0"
        " -d`), recall, jackknifed; our summaries cut to the target length. Defaults of"
        f" `SummaryConfig`: {SummaryConfig()}.",
        "",
        *speed_table(),
    ]
    for name, (file_name, best_peer) in DATASETS.items():
        lines += rouge_table(name, file_name, best_peer)
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
