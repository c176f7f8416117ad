"""Benchmark story timelines on Timeline17 dev (news-tls protocol, tilse metric).

    .venv/bin/python bench/timelines.py

Writes ``bench/results/timelines.md``: AR1-F, AR2-F and date F1 of newsbrief's Datewise-style
``build_story_timeline`` beside two baselines computed in the same run and the published
Datewise row, the per-timeline scores, and the wall time of building the timelines (the
scoring excluded) and of resolving time expressions.
"""

from __future__ import annotations

import datetime as dt
import platform
import time
from pathlib import Path

from newsbrief.evaluate.timelines import evaluate_timelines
from newsbrief.timexpr import find_times

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
T17 = DATA / "timelines" / "timeline17_dev.jsonl.gz"
RESULTS = Path(__file__).resolve().parent / "results" / "timelines.md"


def time_expression_speed() -> tuple[int, int, float]:
    """Return (articles, mentions, seconds) of running find_times over every T17 article."""
    from newsbrief.evaluate import read_jsonl
    from newsbrief.model import parse_date

    articles = [a for task in read_jsonl(T17) for a in task["articles"]]
    start = time.perf_counter()
    mentions = sum(len(find_times(a["text"], parse_date(a["date"]))) for a in articles)
    return len(articles), mentions, time.perf_counter() - start


def main() -> None:
    started = time.perf_counter()
    result = evaluate_timelines(T17)
    evaluation_seconds = time.perf_counter() - started
    articles, mentions, timex_seconds = time_expression_speed()
    per_timeline = result.details["per_timeline"]
    lines = [
        "# Story timelines: Timeline17 dev",
        "",
        f"Run {dt.date.today().isoformat()} on {platform.machine()} ({platform.python_version()})"
        ", command: `.venv/bin/python bench/timelines.py`.",
        "",
        result.to_table(),
        "",
        "## newsbrief per timeline",
        "",
        "| timeline | ar1-f | ar2-f | date-f1 |",
        "|---|---:|---:|---:|",
        *(
            f"| {name} | {s['ar1-f']:.4f} | {s['ar2-f']:.4f} | {s['date-f1']:.4f} |"
            for name, s in per_timeline.items()
        ),
        "",
        "## Timing",
        "",
        f"- whole evaluation (3 systems + scoring, {result.n} timelines): "
        f"{evaluation_seconds:.1f} s",
        f"- `find_times` over all {articles} Timeline17 articles: {mentions} mentions in "
        f"{timex_seconds:.1f} s ({1000 * timex_seconds / articles:.1f} ms/article)",
        "",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
