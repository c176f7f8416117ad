"""Throughput of the Spark job in local mode against the pipeline in one process.

    .venv/bin/python bench/spark.py                      # sizes 1000 5000
    .venv/bin/python bench/spark.py --sizes 200 500      # a quicker run

Corpus: real dated news articles from ``shared/data``: DUC 2006 and DUC 2007 update (news
wire 1996-2006), NewsWCL50 (2018) and the Timeline17 dev articles (2009-2011), shuffled
with a fixed seed; the first N are written as JSONL in four parts (four input splits).
Both runs read the same files. For each size: seconds per step, articles per second, peak
memory, and how far the Spark events are from the single-process ones (BCubed F1 of one
against the other: 1.0 means the same partition). The single process is ``newsbrief
brief`` in a fresh process, briefing serially (``workers = 1``): its CPU and peak memory
are those of ``wait4``, as in ``bench/speed.py``. Spark runs in ``local[2]`` with the
default 30-day windows; its session is started once, before the timed runs (the startup
is reported); its CPU is that of this process and every process under it (the JVM,
Spark's Python workers), its memory the resident sets under this process, sampled.
Writes ``bench/results/spark.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import random
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from speed import run_cli

from newsbrief.config import Config
from newsbrief.evaluate.clustering import bcubed

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
PARTS = 4
FIELDS = ("id", "date", "source", "title", "text")


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def real_articles() -> list[dict[str, Any]]:
    """Return the pool of dated real articles, shuffled with a fixed seed."""
    pool: list[dict[str, Any]] = []
    for name in ("duc2006.jsonl.gz", "duc2007_update.jsonl"):
        for cluster in _lines(DATA / "summarization" / name):
            pool.extend(cluster["articles"])
    pool.extend(_lines(DATA / "clustering" / "newswcl50.jsonl"))
    for task in _lines(DATA / "timelines" / "timeline17_dev.jsonl.gz"):
        pool.extend(dict(a, source=task["id"].split("_")[-1]) for a in task["articles"])
    records = [{key: a.get(key) for key in FIELDS} for a in pool if a.get("date")]
    random.Random(8).shuffle(records)
    return records


def write_parts(records: list[dict[str, Any]], folder: Path) -> None:
    folder.mkdir(parents=True)
    for part in range(PARTS):
        with open(folder / f"part-{part:03d}.jsonl", "w", encoding="utf-8") as handle:
            for record in records[part::PARTS]:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def event_labels(events: list[dict[str, Any]]) -> dict[str, str]:
    """Return each article's event id in a brief document's events."""
    return {a["id"]: e["id"] for e in events for a in e["articles"]}


def agreement(spark_doc: dict[str, Any], local_events: list[dict[str, Any]]) -> float:
    """Return the BCubed F1 of the Spark events against the local ones."""
    local_of = event_labels(local_events)
    spark_of = event_labels(spark_doc["events"])
    ids = sorted(local_of)
    if set(ids) != set(spark_of):
        return float("nan")
    return bcubed([spark_of[i] for i in ids], [local_of[i] for i in ids])[2]


def _process_tree() -> dict[int, tuple[str, list[str]]]:
    """Return (command name, the /proc stat fields after it) of this process and each one
    under it, by pid."""
    stats: dict[int, tuple[str, list[str]]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process ended meanwhile
            continue
        name, fields = text[text.index("(") + 1 :].rsplit(")", 1)
        stats[int(stat.parent.name)] = (name, fields.split())
    tree, frontier = {os.getpid()}, [os.getpid()]
    while frontier:
        frontier = [pid for pid, (_, fields) in stats.items() if int(fields[1]) in frontier]
        tree.update(frontier)
    return {pid: stats[pid] for pid in tree if pid in stats}


def _process_cpu() -> dict[int, float]:
    """Return the CPU seconds of this process and each one under it (reaped children
    included in their parent's), by pid, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    # utime stime cutime cstime
    return {
        pid: sum(int(x) for x in fields[11:15]) / ticks
        for pid, (_, fields) in _process_tree().items()
    }


def cpu_since(before: dict[int, float]) -> float:
    """CPU seconds the process tree used since ``before`` (a worker that ended unreaped
    is not counted: Spark reaps its Python workers)."""
    return sum(now - before.get(pid, 0.0) for pid, now in _process_cpu().items())


def _tree_rss() -> list[tuple[str, int]]:
    """Return (command name, resident KiB) of each process under this one (not itself)."""
    page_kib = os.sysconf("SC_PAGE_SIZE") // 1024
    return [
        (name, int(fields[21]) * page_kib)  # rss, in pages
        for pid, (name, fields) in _process_tree().items()
        if pid != os.getpid()
    ]


class MemorySampler:
    """Peak resident memory of the processes under this one while a block runs, sampled
    every ``interval`` seconds: the JVM, Spark's Python workers (their largest one) and
    all of them together (a sample can miss a peak shorter than the interval)."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peaks = {"jvm": 0, "python worker": 0, "all": 0}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            processes = _tree_rss()
            workers = [kib for name, kib in processes if name.startswith("python")]
            jvm = [kib for name, kib in processes if name == "java"]
            for key, kib in (
                ("jvm", sum(jvm)),
                ("python worker", max(workers, default=0)),
                ("all", sum(kib for _, kib in processes)),
            ):
                self.peaks[key] = max(self.peaks[key], kib)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run_single_process(inputs: Path, out: Path) -> tuple[dict[str, Any], dict[str, float]]:
    """Run ``newsbrief brief`` (one process) on ``inputs`` in a fresh process; return its
    JSON document and its wall, CPU and peak memory (``bench/speed.py``'s measure)."""
    measured = run_cli(inputs, 1, out)
    document = json.loads(out.read_text(encoding="utf-8"))
    return document, {"total": measured["wall"], "cpu": measured["cpu"], "peak": measured["peak"]}


def bench_size(size: int, pool: list[dict[str, Any]], work: Path, config: Config) -> dict[str, Any]:
    from newsbrief.spark import run_spark_job

    inputs = work / f"in-{size}"
    write_parts(pool[:size], inputs)
    local_doc, measured = run_single_process(inputs, work / f"local-{size}.json")
    local_report = local_doc["report"]
    cpu_before, start = _process_cpu(), time.perf_counter()
    with MemorySampler() as memory:
        spark_report = run_spark_job([str(inputs)], work / f"out-{size}", config, "local[2]")
    spark_total = time.perf_counter() - start
    spark_cpu = cpu_since(cpu_before)
    spark_doc = json.loads((work / f"out-{size}" / "briefs.json").read_text(encoding="utf-8"))
    local_keys = {json.dumps(event, sort_keys=True) for event in local_doc["events"]}
    same_briefs = sum(json.dumps(e, sort_keys=True) in local_keys for e in spark_doc["events"])
    return {
        "size": size,
        "articles": local_report["counts"]["articles"],
        "local": dict(local_report["seconds"], **measured),
        "spark": dict(spark_report.seconds, total=spark_total, cpu=spark_cpu),
        "spark_memory": {key: kib / 1024 for key, kib in memory.peaks.items()},
        "local_events": local_report["counts"]["events"],
        "spark_events": spark_report.counts["events"],
        "spark_briefs": len(spark_doc["events"]),
        "windows": spark_report.windows,
        "bcubed": agreement(spark_doc, local_doc["events"]),
        "same_briefs": same_briefs,
    }


def markdown(rows: list[dict[str, Any]], startup: float, load: str) -> str:
    local_steps = ["ingest", "clean+dedup", "cluster", "brief"]
    spark_steps = ["ingest", "clean", "dedup", "cluster", "brief", "write"]
    lines = [
        "# Spark local mode against the pipeline in one process",
        "",
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC with `.venv/bin/python bench/spark.py"
        f" --sizes {' '.join(str(r['size']) for r in rows)}` on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, Spark `local[2]`, "
        "default settings (30-day windows, 4 partitions); the single process briefs"
        " serially (`workers = 1`).",
        f"Load average before the run: {load} (the machine is shared: timings are noisy).",
        f"Spark session startup (JVM, once per job, not in the totals): {startup:.1f} s.",
        "",
        "Corpus: real dated articles (DUC 2006, DUC 2007 update, NewsWCL50, Timeline17 dev),"
        " shuffled with a fixed seed, the first N written as 4 JSONL parts.",
        "",
        "## Seconds per step",
        "",
        "| articles | run | "
        + " | ".join(sorted(set(local_steps + spark_steps), key=_order))
        + " | wall | CPU s | articles/s | speed-up (wall) |",
        "|---:|---|" + "---:|" * (len(set(local_steps + spark_steps)) + 4),
    ]
    for row in rows:
        for run, key in (("single process", "local"), ("Spark local[2]", "spark")):
            seconds = row[key]
            cells = []
            for step in sorted(set(local_steps + spark_steps), key=_order):
                cells.append(f"{seconds[step]:.1f}" if step in seconds else "")
            total = seconds["total"]
            speedup = row["local"]["total"] / total
            lines.append(
                f"| {row['articles']} | {run} | "
                + " | ".join(cells)
                + f" | {total:.1f} | {seconds['cpu']:.1f} | {row['articles'] / total:.1f}"
                f" | {speedup:.2f}x |"
            )
    lines += [
        "",
        "## Peak memory (MiB)",
        "",
        "The single process: its peak resident set (`wait4`), as `bench/speed.py` measures."
        " Spark: resident sets under the bench's process sampled every 0.2 s during the job"
        " (the driver's own Python process, which also ran the bench, is not counted).",
        "",
        "| articles | single process | Spark: largest Python worker | Spark: JVM | Spark: all"
        " processes |",
        "|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        memory = row["spark_memory"]
        lines.append(
            f"| {row['articles']} | {row['local']['peak']:.0f} | {memory['python worker']:.0f}"
            f" | {memory['jvm']:.0f} | {memory['all']:.0f} |"
        )
    lines += [
        "",
        "## Spark events against single-process events",
        "",
        "| articles | windows | events (single) | events (Spark) | BCubed F1 | identical briefs |",
        "|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['articles']} | {row['windows']} | {row['local_events']} | "
            f"{row['spark_events']} | {row['bcubed']:.4f} | "
            f"{row['same_briefs']} of {row['spark_briefs']} |"
        )
    return "\n".join(lines) + "\n"


def bench_undated(window_days: list[int], work: Path, config: Config) -> list[dict[str, Any]]:
    """Run NewsWCL50 (13 of 50 articles undated) in several windows against one process."""
    from newsbrief.spark import SparkSettings, run_spark_job

    inputs = work / "newswcl50"
    inputs.mkdir()
    shutil.copy(DATA / "clustering" / "newswcl50.jsonl", inputs)
    local, _ = run_single_process(inputs, work / "newswcl50-local.json")
    local_of = event_labels(local["events"])
    rows = []
    for days in window_days:
        out = work / f"newswcl50-{days}"
        report = run_spark_job([str(inputs)], out, config, "local[2]", SparkSettings(days))
        spark_doc = json.loads((out / "briefs.json").read_text(encoding="utf-8"))
        spark_of = event_labels(spark_doc["events"])
        ids = sorted(local_of)
        p, r, f1 = bcubed([spark_of[i] for i in ids], [local_of[i] for i in ids])
        rows.append({"days": days, "windows": report.windows, "p": p, "r": r, "f1": f1})
        print(json.dumps(rows[-1]), flush=True)
    return rows


def undated_markdown(rows: list[dict[str, Any]]) -> str:
    lines = [
        "## Several windows with undated articles: NewsWCL50",
        "",
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC with `.venv/bin/python bench/spark.py"
        f" --sizes --undated {' '.join(str(r['days']) for r in rows)}`. 50 articles (13"
        " undated, the rest from 2018-04-17 to 2018-05-01); BCubed of the Spark events"
        " against the single-process events.",
        "",
        "| window days | windows | BCubed P | BCubed R | BCubed F1 |",
        "|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['days']} | {row['windows']} | {row['p']:.3f} | {row['r']:.3f} | "
            f"{row['f1']:.3f} |"
        )
    return "\n".join(lines) + "\n"


def _order(step: str) -> int:
    return ["ingest", "clean+dedup", "clean", "dedup", "cluster", "brief", "write"].index(step)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument(
        "--undated", type=int, nargs="*", default=[], metavar="DAYS", help="window sizes"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "spark.md")
    args = parser.parse_args()
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    load = load.split("load average:")[-1].strip()
    pool = real_articles()
    config = Config(workers=1)  # one process; Spark's parallelism is its executors
    work = Path(tempfile.mkdtemp(prefix="newsbrief-spark-bench-"))
    try:
        from newsbrief.spark.job import spark_session

        start = time.perf_counter()
        spark_session("local[2]")
        startup = time.perf_counter() - start
        rows: list[dict[str, Any]] = []
        text = ""
        for size in args.sizes:
            rows.append(bench_size(size, pool, work, config))
            print(json.dumps(rows[-1]), flush=True)
            text = markdown(rows, startup, load)
            args.out.write_text(text, encoding="utf-8")
        if args.undated:
            text += "\n" + undated_markdown(bench_undated(args.undated, work, config))
            args.out.write_text(text, encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(args.out.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
