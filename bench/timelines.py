"""Benchmark story timelines on Timeline17 dev (news-tls protocol, tilse metric).

    .venv/bin/python bench/timelines.py

Also chooses the story timeline's settings by leave-one-topic-out cross-validation over
the 5 topics (``GRID``): for each topic, the setting with the best mean AR1-F on the other
four topics' timelines is scored on it, so the held-out figure says how much a topic the
settings were not chosen on gains over the busiest-days baseline.

Writes ``bench/results/timelines.md``: AR1-F, AR2-F and date F1 of newsbrief's Datewise-style
``build_story_timeline`` beside two baselines computed in the same run and the published
Datewise row, the per-timeline scores, and the wall time of building the timelines (the
scoring excluded) and of resolving time expressions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import platform
import time
from pathlib import Path
from statistics import mean

from newsbrief.evaluate.timelines import (
    PROTOCOL_CONFIG,
    SYSTEMS,
    evaluate_timelines,
    newsbrief_system,
)
from newsbrief.timexpr import find_times

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
T17 = DATA / "timelines" / "timeline17_dev.jsonl.gz"
RESULTS = Path(__file__).resolve().parent / "results" / "timelines.md"
# Settings cross-validated: lead sentences a day's candidates take, and the share of
# articles a story keyword must be used by.
GRID = {"story_lead_sentences": (2, 5), "story_keyword_share": (0.3, 0.5, 0.7)}
METRICS = ("ar1-f", "ar2-f", "date-f1")


def cross_validate() -> list[str]:
    """Return the Markdown lines of the leave-one-topic-out table (see the docstring)."""
    settings = [
        dict(zip(GRID, values, strict=True)) for values in itertools.product(*GRID.values())
    ]
    per_setting = []
    for setting in settings:
        config = dataclasses.replace(PROTOCOL_CONFIG, **setting)  # type: ignore[arg-type]
        result = evaluate_timelines(T17, systems={"newsbrief": newsbrief_system(config)})
        per_setting.append(result.details["per_timeline"])
        topics = result.details["topics"]
    busiest = evaluate_timelines(T17, systems={"newsbrief": SYSTEMS["busiest days + leads"]})
    baseline = busiest.details["per_timeline"]
    default = next(
        i
        for i, s in enumerate(settings)
        if all(getattr(PROTOCOL_CONFIG, k) == v for k, v in s.items())
    )
    held_out: dict[str, dict[str, float]] = {}
    chosen = []
    for topic in sorted(set(topics.values())):
        inside = [t for t, name in topics.items() if name != topic]
        best = max(
            range(len(settings)), key=lambda i: mean(per_setting[i][t]["ar1-f"] for t in inside)
        )
        chosen.append(f"{topic}: {settings[best]}")
        held_out.update({t: per_setting[best][t] for t, name in topics.items() if name == topic})

    def row(label: str, scores: dict[str, dict[str, float]]) -> str:
        cells = " | ".join(f"{mean(s[m] for s in scores.values()):.4f}" for m in METRICS)
        return f"| {label} | {cells} |"

    return [
        "## Settings chosen by leave-one-topic-out cross-validation",
        "",
        f"Grid: {GRID}; criterion: mean AR1-F of the other four topics' timelines.",
        "",
        "| figure (11 timelines) | ar1-f | ar2-f | date-f1 |",
        "|---|---:|---:|---:|",
        row("newsbrief, shipped settings (dev: all topics seen)", per_setting[default]),
        row("newsbrief, held-out topic (settings chosen on the other 4)", held_out),
        row("busiest days + leads", baseline),
        "",
        "Chosen per held-out topic: " + "; ".join(chosen) + ".",
        "",
    ]


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
    cross_validation = cross_validate()
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
        *cross_validation,
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
