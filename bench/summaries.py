"""Benchmark: summary quality (ROUGE) on DUC 2006 and DUC 2007 update, and summarising speed.

Run: ``.venv/bin/python bench/summaries.py`` (about 5 minutes on 2 cores). Writes
``bench/results/summaries.md``. Everything in the tables is computed in this run: newsbrief,
the baselines and the official peers are scored by the same ROUGE-1.5.5 reimplementation
(``newsbrief.evaluate.rouge``); the published figures are printed beside ours.

Speed is measured first, before anything else has warmed a cache: each summarizer summarises
one 25-article DUC 2006 cluster cold (this includes loading models), then five other
25-article clusters, once each; the median of those five is reported.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from newsbrief.evaluate import EvalResult
from newsbrief.evaluate.summarization import (
    default_summarizers,
    evaluate_summarization,
    read_clusters,
)

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "summarization"
DATASETS = {
    "DUC 2006 (250 words, query-focused)": "duc2006.jsonl.gz",
    "DUC 2007 update (100 words, update)": "duc2007_update.jsonl",
}
RESULTS = Path(__file__).resolve().parent / "results" / "summaries.md"
SPEED_RUNS = 5
METRICS = ("rouge-1", "rouge-2", "rouge-su4")


def measure_speed(data_dir: Path) -> list[str]:
    """Return a Markdown table of seconds per 25-article cluster, per summarizer."""
    clusters = [c for c in read_clusters(data_dir / "duc2006.jsonl.gz") if len(c.articles) == 25]
    warmup, timed = clusters[0], clusters[1 : 1 + SPEED_RUNS]
    lines = [
        f"| system | first call, s (cold) | median of {len(timed)} clusters, s | max, s"
        " | median CPU s (all threads) |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, summarize in default_summarizers().items():
        started = time.perf_counter()
        summarize(warmup.articles, warmup.target_words, warmup.query, ())
        cold = time.perf_counter() - started
        times, cpu_times = [], []
        for cluster in timed:
            started, cpu_started = time.perf_counter(), time.process_time()
            summarize(cluster.articles, cluster.target_words, cluster.query, ())
            times.append(time.perf_counter() - started)
            cpu_times.append(time.process_time() - cpu_started)
        lines.append(
            f"| {name} | {cold:.2f} | {statistics.median(times):.2f} | {max(times):.2f}"
            f" | {statistics.median(cpu_times):.2f} |"
        )
    return lines


def update_step_table(result: EvalResult) -> list[str]:
    """Return ROUGE-2 recall per update step for our systems and the best official system."""
    steps_by_system = result.details.get("by_update_step", {})
    if not steps_by_system:
        return []
    names = [n for n in result.metric if not n.startswith(("peer ", "human "))]
    best = _pick(result, "system")
    names += [best] if best else []
    steps = sorted(next(iter(steps_by_system.values())))
    lines = [
        "ROUGE-2 recall by update step (subset A = nothing read before, B = A read,"
        " C = A and B read):",
        "",
        "| system | " + " | ".join(steps) + " |",
        "|---|" + "---:|" * len(steps),
    ]
    for name in names:
        row = steps_by_system.get(name, {})
        cells = [f"{row[step]['rouge-2']:.5f}" if step in row else "" for step in steps]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return [*lines, ""]


def _pick(result: EvalResult, kind: str) -> str | None:
    """Return the row of the best peer of a kind (system/human) by ROUGE-2, as computed here."""
    kinds = result.details.get("kind", {})
    rows = [name for name, k in kinds.items() if k == kind and name in result.metric]
    return max(rows, key=lambda name: result.metric[name]["rouge-2"], default=None)


def rouge_table(result: EvalResult) -> list[str]:
    """Return the headline rows: ours, the baselines, best system, NIST baseline, best human."""
    published = result.details.get("published", {})
    ours = [name for name in result.metric if not name.startswith(("peer ", "human "))]
    ours.sort(key=lambda name: (name != "newsbrief", -result.metric[name]["rouge-2"]))
    labelled = [(name, name) for name in ours]
    for label, kind in (("best official system", "system"), ("NIST baseline", "baseline")):
        name = _pick(result, kind)
        if name:
            labelled.append((name, f"{name} ({label})"))
    human = _pick(result, "human")
    if human:
        labelled.append((human, f"{human} (best human, vs 3 references)"))
    intervals = result.details.get("recall_ci95", {})
    lines = [
        "| system | ROUGE-1 R | ROUGE-2 R | ROUGE-2 95% CI | ROUGE-SU4 R"
        " | published R-2 | published R-SU4 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, label in labelled:
        row = result.metric[name]
        shown = published.get(name, {})
        low, high = intervals.get(name, {}).get("rouge-2", [float("nan")] * 2)
        cells = [f"{row['rouge-1']:.5f}", f"{row['rouge-2']:.5f}", f"{low:.5f}-{high:.5f}"]
        cells.append(f"{row['rouge-su4']:.5f}")
        cells += [f"{shown[m]:.5f}" if m in shown else "" for m in ("rouge-2", "rouge-su4")]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    # Published systems whose summaries we do not have: their figures only, clearly marked.
    missing = result.details.get("not_recomputed", [])
    kinds = result.details.get("kind", {})
    best_missing = max(
        (name for name in missing if kinds.get(name) == "system" and name in published),
        key=lambda name: published[name].get("rouge-2", 0.0),
        default=None,
    )
    if best_missing:
        shown = published[best_missing]
        cells = [f"{shown[m]:.5f}" if m in shown else "" for m in ("rouge-2", "rouge-su4")]
        label = f"{best_missing} (best published system, not recomputed: no summaries)"
        lines.append(f"| {label} |  |  |  |  | " + " | ".join(cells) + " |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder with the DUC files")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--no-speed", action="store_true", help="skip the speed table")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    started = time.perf_counter()
    out = [
        "# Summaries: ROUGE on DUC 2006 / DUC 2007 update, and speed",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `.venv/bin/python bench/summaries.py`"
        f" on {os.cpu_count()} CPU cores ({platform.processor() or platform.machine()},"
        f" Python {platform.python_version()}).",
        "",
        "ROUGE-1.5.5 settings of the official DUC runs (`-n 2 -x -m -2 4 -u -c 95 -r 1000 -f A"
        " -p 0.5 -t 0 -d`): Porter stemming with the WordNet exception list, stopwords kept,"
        " model average, recall, jackknifed over the 4 references (a human peer is scored"
        " against the other 3), bootstrap average. newsbrief and the baselines are cut to the"
        " target length (`-l 250` / `-l 100`); official peers are scored as published (no `-l`;"
        " they were submitted within the limit). Every number below is computed in this run;"
        " the `published` columns are NIST's official figures for the same peers. The 95%"
        " interval is ROUGE-1.5.5's bootstrap interval over the evaluations.",
        "",
    ]
    if not args.no_speed:
        out += ["## Speed: one 25-article DUC 2006 cluster (250 words, with query)", ""]
        out += measure_speed(args.data)
        out += [""]
    for title, file_name in DATASETS.items():
        result = evaluate_summarization(args.data / file_name)
        deviation = result.details.get("max_abs_deviation", {})
        n_peers = len(result.details.get("published", {}))
        out += [f"## {title}: {result.n} clusters", ""]
        out += rouge_table(result)
        out += [
            "",
            f"Reproduction of the official figures, all {n_peers} peers of this set: largest"
            " |ours - published| = "
            + ", ".join(f"{m} {deviation.get(m, float('nan')):.5f}" for m in METRICS)
            + " (the goal is <= 0.002).",
            "",
        ]
        out += update_step_table(result)
        failures = result.details.get("failures")
        if failures:
            out += [f"Clusters a summarizer could not summarize: {len(failures)}", ""]
    out += [f"Whole benchmark: {time.perf_counter() - started:.0f} s.", ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(out), encoding="utf-8")
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
