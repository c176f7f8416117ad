"""End-to-end speed and memory of ``newsbrief brief`` on a day's worth of real articles.

    nice .venv/bin/python bench/speed.py --sizes 1000 5000 --workers 1 2
        # writes bench/results/speed.md

For each size, the first N articles of one fixed mix of real news (DUC 2006, DUC 2007
update, Timeline17 dev, ECB+, NewsWCL50, WCEP dev; each article once, shuffled with a
fixed seed so that every size mixes all sources) are written to a JSONL file, and
``newsbrief brief FILE --format json`` runs on it in a fresh process per worker count.
The machine is shared with other jobs, so speed is CPU seconds (``getrusage`` of the
finished command, its worker processes included), not wall seconds; wall seconds are
shown too. Peak memory is the largest resident set of any one process of the run.

The same run measures trafilatura's extraction rate on ~200 real pages (ScrapingHub and
trafilatura_eval) as the yardstick, and the CPU share of each stage (one process, the
stages called one by one as ``pipeline.build_briefs`` calls them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
# Cluster files (articles nested per cluster or task) and article files (one per line).
NESTED = [
    "summarization/duc2006.jsonl.gz",
    "summarization/duc2007_update.jsonl",
    "summarization/wcep_dev.jsonl",
    "timelines/timeline17_dev.jsonl.gz",
]
FLAT = ["clustering/ecbplus_dev.jsonl", "clustering/newswcl50.jsonl"]
PAGES = ["scrapinghub", "trafilatura_eval"]


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def real_articles() -> list[dict[str, Any]]:
    """Return every distinct article of the corpora above, in one fixed shuffled order."""
    found: dict[str, dict[str, Any]] = {}
    rows: list[tuple[str, dict[str, Any]]] = []
    for name in NESTED:
        for cluster in _lines(DATA / name):
            rows += [(name, article) for article in cluster["articles"]]
    for name in FLAT:
        rows += [(name, article) for article in _lines(DATA / name)]
    for name, article in rows:
        text = article.get("text") or ""
        key = " ".join(text.split())[:500]
        if not key or key in found:
            continue  # Timeline17 tasks of one topic share articles
        found[key] = {
            "id": f"{Path(name).name.split('.')[0]}/{article['id']}",
            "date": article.get("date"),
            "source": article.get("source") or "",
            "title": article.get("title") or "",
            "text": text,
        }
    articles = list(found.values())
    random.Random(15).shuffle(articles)
    return articles


def write_corpus(articles: list[dict[str, Any]], size: int, folder: Path) -> Path:
    """Write the first ``size`` articles (repeating the mix, with new ids, if too few)."""
    path = folder / f"articles_{size}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(size):
            article = dict(articles[i % len(articles)])
            if i >= len(articles):
                article["id"] = f"{article['id']}#{i // len(articles)}"
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


def run_cli(corpus: Path, workers: int, out: Path) -> dict[str, float]:
    """Run ``newsbrief brief`` in a fresh process; return its CPU, wall and memory."""
    config = out.with_suffix(".toml")
    config.write_text(f"workers = {workers}\n", encoding="utf-8")
    command = [sys.executable, "-m", "newsbrief.cli", "brief", str(corpus), "--format", "json"]
    command += ["--config", str(config), "--out", str(out), "-q"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"newsbrief brief failed on {corpus} (status {status})")
    # ru_maxrss of wait4 is the largest of the command and its waited-for workers (KiB).
    return {"cpu": usage.ru_utime + usage.ru_stime, "wall": wall, "peak": usage.ru_maxrss / 1024}


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def stage_shares(corpus: Path) -> dict[str, float]:
    """Return CPU seconds per stage of one serial run (run in a child process): the
    ``Pipeline`` steps, then each story's brief stages on what ``brief_story`` reads."""
    from newsbrief.clean import clean_articles
    from newsbrief.config import Config
    from newsbrief.dedup import mark_copies
    from newsbrief.entities import extract_entities
    from newsbrief.facts import extract_facts
    from newsbrief.model import Event
    from newsbrief.pipeline import Pipeline
    from newsbrief.sample import brief_sample, timeline_sample
    from newsbrief.summarize import summarize_event
    from newsbrief.timeline import build_timeline

    config = Config()
    pipeline = Pipeline(config)
    seconds: dict[str, float] = {}

    def timed(stage: str, call: Callable[[], Any]) -> Any:
        start = _cpu()
        result = call()
        seconds[stage] = seconds.get(stage, 0.0) + _cpu() - start
        return result

    articles, _ = timed("ingest", lambda: pipeline.read([corpus]))
    cleaned, _ = timed("clean", lambda: clean_articles(articles, config.clean))
    marked = timed("dedup", lambda: mark_copies(cleaned, config.dedup))
    stories = timed("cluster: events and stories (with encoder)", lambda: pipeline.cluster(marked))
    parts: dict[str, Callable[[Event], Any]] = {
        "summary": lambda event: summarize_event(event, config.summary),
        "facts": lambda event: extract_facts(event, config.facts),
        "entities": lambda event: extract_entities(event, config.entities),
    }
    for story in stories:
        kind = (
            "brief, one-report stories" if len(story.as_event().originals) == 1 else "brief, others"
        )
        sample = brief_sample(story, config.brief)
        for part, call in parts.items():
            timed(f"{kind}: {part}", functools.partial(call, sample))
        whole = timeline_sample(story, config.brief)
        timed(f"{kind}: timeline", functools.partial(build_timeline, whole, config.timeline))
    seconds["stories"] = len(stories)
    return seconds


def extraction_rate(limit: int) -> dict[str, float]:
    """Return trafilatura's pages per CPU second on up to ``limit`` real pages."""
    from newsbrief.config import IngestConfig
    from newsbrief.ingest.html import extract_main_text  # the ingest stage's own call

    config = IngestConfig()

    pages = []
    for name in PAGES:
        for row in _lines(DATA / "extraction" / name / "gold.jsonl"):
            path = DATA / "extraction" / name / str(row["html"])
            if path.is_file():
                pages.append((gzip.decompress(path.read_bytes()), str(row.get("url") or "")))
    pages = pages[:limit]
    start = time.process_time()
    for html, url in pages:
        extract_main_text(html, url=url or None, config=config)
    cpu = time.process_time() - start
    return {"pages": len(pages), "cpu": cpu}


def to_markdown(
    runs: list[dict[str, Any]], shares: dict[int, dict[str, float]], yardstick: dict[str, float]
) -> str:
    lines = [
        "# Speed and memory of a day of news",
        "",
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC by `bench/speed.py` on "
        f"{os.cpu_count()} CPU cores ({platform.machine()}, Python {platform.python_version()}), "
        "shared with other jobs: rates are per CPU second (user + system, worker processes "
        "included), the fair measure on a busy machine; wall seconds are given as measured. "
        "Input: JSONL of real articles (DUC 2006, DUC 2007 update, Timeline17 dev, ECB+, "
        "NewsWCL50, WCEP dev), output: JSON briefs with entities (spaCy en_core_web_sm).",
        "",
        "| articles | processes | briefs (stories) | CPU s | articles / CPU s | wall s | "
        "articles / wall s | peak RSS of one process (MiB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        lines.append(
            f"| {run['size']} | {run['workers']} | {run['events']} | {run['cpu']:.1f} | "
            f"{run['size'] / run['cpu']:.1f} | {run['wall']:.1f} | "
            f"{run['size'] / run['wall']:.1f} | {run['peak']:.0f} |"
        )
    rate = yardstick["pages"] / yardstick["cpu"]
    lines += [
        "",
        f"Yardstick, same run: trafilatura (the ingest stage's HTML extraction) reads "
        f"{yardstick['pages']:.0f} real pages (ScrapingHub, trafilatura_eval) at "
        f"{rate:.1f} pages per CPU second.",
        "",
    ]
    for size, measured in shares.items():
        seconds = dict(measured)
        stories = seconds.pop("stories")
        total = sum(seconds.values())
        lines += [
            f"## CPU per stage, {size} articles, one process ({stories:.0f} stories)",
            "",
            "| stage | CPU s | CPU ms / article | share |",
            "|---|---:|---:|---:|",
        ]
        for stage, value in seconds.items():
            lines.append(
                f"| {stage} | {value:.1f} | {1000 * value / size:.1f} | {value / total:.0%} |"
            )
        lines += [f"| total | {total:.1f} | {1000 * total / size:.1f} | 100% |", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--shares", type=int, nargs="*", default=[1000], help="sizes to profile")
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "speed.md")
    parser.add_argument("--stage-shares-of", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage_shares_of:  # the child process of a stage-share measurement
        print(json.dumps(stage_shares(args.stage_shares_of)))
        return
    articles = real_articles()
    yardstick = extraction_rate(args.pages)
    runs: list[dict[str, Any]] = []
    shares: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            corpus = write_corpus(articles, size, Path(folder))
            for workers in args.workers:
                out = Path(folder) / f"briefs_{size}_{workers}.json"
                run = run_cli(corpus, workers, out)
                events = len(json.loads(out.read_text(encoding="utf-8"))["events"])
                runs.append({"size": size, "workers": workers, "events": events, **run})
                print(runs[-1], file=sys.stderr)
                args.out.write_text(to_markdown(runs, {}, yardstick) + "\n", encoding="utf-8")
            if size in args.shares:
                child = [sys.executable, __file__, "--stage-shares-of", str(corpus)]
                output = subprocess.run(child, check=True, capture_output=True, text=True)
                shares[size] = json.loads(output.stdout.splitlines()[-1])
    report = to_markdown(runs, shares, yardstick)
    args.out.write_text(report + "\n", encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
