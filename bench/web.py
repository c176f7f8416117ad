"""Benchmark serving while ingesting: requests per second, errors, latency, lost articles.

    .venv/bin/python bench/web.py [--clients 4] [--seconds 30] [--max-requests 20000]

Writes ``bench/results/web.md``. Everything runs on this machine over loopback
(127.0.0.1 only):

- a store is built from the seeds by the real pipeline (ingest + update), so the pages have
  an event brief to show;
- the server is ``newsbrief.web.serve`` (uvicorn, one process) over that store;
- ``--clients`` threads each send requests in a loop over a fixed mix of pages and API
  calls (front page, event page and JSON, article page and JSON, search page and JSON,
  stats), bounded by ``--max-requests`` and ``--seconds``;
- baseline: the same load on the store while nothing writes to it;
- under update: the same load while ``newsbrief.store.update`` clusters and briefs
  NewsWCL50 (50 articles) into a store of the seeds, in another process;
- under ingest: the same load while ``newsbrief.store.ingest`` runs in another process over
  real articles (ECB+ dev 462, NewsWCL50 50, DUC 2006 1250 flattened to JSONL, and the
  ScrapingHub benchmark's HTML pages, extracted with trafilatura).

A request fails when it raises or answers anything but 200. An article is lost when the
readers yield its id but the store does not hold it after ingest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import httpx

from newsbrief.web.background import running_server

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SEEDS = DATA / "seeds"
RESULTS = ROOT / "bench" / "results" / "web.md"


@dataclass(frozen=True)
class LoadResult:
    label: str
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    articles_expected: int = 0
    articles_stored: int = 0
    articles_lost: int = 0
    ingest_seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def request_mix(url: str) -> list[str]:
    """Return the paths the clients cycle through: every page and API call, real ids."""
    events = httpx.get(f"{url}/api/events", timeout=10).json()["events"]
    event = events[0]["id"]
    article = httpx.get(f"{url}/api/events/{event}", timeout=10).json()["articles"][0]["id"]
    return [
        "/",
        "/api/events",
        f"/events/{event}",
        f"/api/events/{event}",
        f"/articles/{article}",
        f"/api/articles/{article}",
        "/search?q=troops+Kuwait",
        "/api/search?q=police",
        "/api/stats",
    ]


def send_load(
    url: str,
    paths: Sequence[str],
    clients: int,
    max_requests: int,
    max_seconds: float,
    stop: threading.Event,
) -> tuple[list[float], int, float]:
    """Send requests from ``clients`` threads until stopped or a bound is reached.

    Returns latencies (seconds) of the successful requests, the number of failures and the
    elapsed seconds.
    """
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    sent = iter(range(max_requests))
    start = time.monotonic()

    def client(offset: int) -> None:
        with httpx.Client(base_url=url, timeout=30) as http:
            for number in sent:  # shared iterator: at most max_requests in all
                if stop.is_set() or time.monotonic() - start > max_seconds:
                    return
                path = paths[(number + offset) % len(paths)]
                began = time.perf_counter()
                try:
                    status = http.get(path).status_code
                except httpx.HTTPError as error:
                    status, reason = 0, repr(error)
                else:
                    reason = f"{status} {path}"
                took = time.perf_counter() - began
                with lock:
                    if status == 200:
                        latencies.append(took)
                    else:
                        failures.append(reason)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        print(f"{len(failures)} failures, e.g. {failures[:3]}", file=sys.stderr)
    return latencies, len(failures), time.monotonic() - start


def load_while_writing(
    url: str,
    paths: Sequence[str],
    writer_code: Sequence[str],
    clients: int,
    max_requests: int,
    max_seconds: float,
    writer_limit_seconds: float,
) -> tuple[tuple[list[float], int, float], float]:
    """Send load while ``python -c *writer_code`` writes to the store; the load stops with it.

    Returns ``send_load``'s result and the writer's seconds; raises if the writer failed.
    """
    stop = threading.Event()
    began = time.monotonic()
    writer = subprocess.Popen([sys.executable, "-c", *writer_code], stdout=subprocess.DEVNULL)
    watcher = threading.Thread(target=lambda: (writer.wait(), stop.set()))
    watcher.start()
    try:
        busy = send_load(url, paths, clients, max_requests, max_seconds, stop)
    finally:
        watcher.join(timeout=writer_limit_seconds)
    seconds = time.monotonic() - began
    if writer.returncode != 0:
        raise RuntimeError(f"writer failed with exit code {writer.returncode}: {writer_code[0]}")
    return busy, seconds


def expected_ids(sources: Sequence[Path]) -> set[str]:
    """Return the ids of every article the readers yield for the sources."""
    from newsbrief.config import IngestConfig
    from newsbrief.ingest import read_sources
    from newsbrief.model import Article

    return {r.id for r in read_sources(sources, IngestConfig()) if isinstance(r, Article)}


def stored_ids(db_path: Path) -> set[str]:
    with closing(sqlite3.connect(db_path)) as connection:
        return {row[0] for row in connection.execute("SELECT id FROM articles")}


def _result(
    label: str, latencies: list[float], errors: int, seconds: float, **extra: float
) -> LoadResult:
    ordered = sorted(latencies) or [0.0]
    return LoadResult(
        label=label,
        requests=len(latencies) + errors,
        errors=errors,
        seconds=seconds,
        p50_ms=1000 * statistics.median(ordered),
        p95_ms=1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
        **extra,  # type: ignore[arg-type]
    )


def run_load(
    db_path: Path,
    sources: Sequence[Path],
    clients: int = 4,
    max_requests: int = 20_000,
    max_seconds: float = 30.0,
) -> tuple[LoadResult, LoadResult]:
    """Measure the load on an idle store, then while ingesting ``sources`` into it.

    The store must already hold at least one event (``update`` ran). Returns the baseline
    and the under-ingest results.
    """
    expected = expected_ids(sources) | stored_ids(db_path)
    with running_server(db_path) as url:
        paths = request_mix(url)
        idle = send_load(url, paths, clients, max_requests, max_seconds, threading.Event())
        baseline = _result("reads only (baseline)", *idle)

        code = "import sys; from newsbrief.store import ingest; ingest(sys.argv[2:], sys.argv[1])"
        busy, ingest_seconds = load_while_writing(
            url,
            paths,
            [code, str(db_path), *map(str, sources)],
            clients,
            max_requests,
            max_seconds,
            writer_limit_seconds=600,
        )
    stored = stored_ids(db_path)
    if expected != stored:
        print(
            f"lost: {sorted(expected - stored)}; unexpected: {sorted(stored - expected)}",
            file=sys.stderr,
        )
    loaded = _result(
        "reads while ingesting",
        *busy,
        articles_expected=len(expected),
        articles_stored=len(stored),
        articles_lost=len(expected - stored),
        ingest_seconds=ingest_seconds,
    )
    return baseline, loaded


def run_update_load(
    db_path: Path, clients: int = 4, max_requests: int = 20_000, max_seconds: float = 120.0
) -> LoadResult:
    """Measure the load while ``newsbrief.store.update`` processes the store's new articles.

    Afterwards every kept article must be in exactly one event with a brief.
    """
    with running_server(db_path) as url:
        paths = request_mix(url)
        code = "import sys; from newsbrief.store import update; update(sys.argv[1])"
        busy, update_seconds = load_while_writing(
            url,
            paths,
            [code, str(db_path)],
            clients,
            max_requests,
            max_seconds,
            writer_limit_seconds=1800,
        )
    with closing(sqlite3.connect(db_path)) as connection:
        kept = connection.execute("SELECT count(*) FROM articles WHERE status = 'kept'")
        placed = connection.execute(
            "SELECT count(*) FROM event_articles e JOIN briefs b ON b.event_id = e.event_id"
        )
        kept_count, placed_count = kept.fetchone()[0], placed.fetchone()[0]
    return _result(
        "reads while updating",
        *busy,
        articles_expected=kept_count,
        articles_stored=placed_count,
        articles_lost=kept_count - placed_count,
        ingest_seconds=update_seconds,
    )


def duc_articles(folder: Path) -> Path:
    """Flatten DUC 2006 (clusters of articles) into one article per JSONL line."""
    target = folder / "duc2006-articles.jsonl"
    with (
        gzip.open(DATA / "summarization" / "duc2006.jsonl.gz", "rt") as clusters,
        target.open("w", encoding="utf-8") as out,
    ):
        for line in clusters:
            for article in json.loads(line)["articles"]:
                out.write(json.dumps(article) + "\n")
    return target


def markdown(results: Sequence[LoadResult], clients: int, settings: str) -> str:
    lines = [
        "# Serving while ingesting",
        "",
        f"Run on {dt.date.today().isoformat()} by `bench/web.py` ({settings}).",
        f"{clients} client threads over loopback against one uvicorn process; 2 CPU cores",
        "shared by the server, the clients and the ingest process. A failure is any",
        "exception or non-200 answer; a lost article is one the readers yield but the",
        "store lacks after ingest. For the update row, articles expected/stored/lost are",
        "kept articles / articles in an event with a brief / the difference, and the last",
        "column the update's seconds.",
        "",
        "| load | requests | errors | requests/s | p50 ms | p95 ms "
        "| articles expected | stored | lost | writer s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        ingest = (
            f"{r.articles_expected} | {r.articles_stored} | {r.articles_lost} "
            f"| {r.ingest_seconds:.1f}"
            if r.articles_expected
            else "- | - | - | -"
        )
        lines.append(
            f"| {r.label} | {r.requests} | {r.errors} | {r.per_second:.1f} "
            f"| {r.p50_ms:.1f} | {r.p95_ms:.1f} | {ingest} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--max-requests", type=int, default=20_000)
    args = parser.parse_args(argv)

    from newsbrief.store import ingest, update

    with tempfile.TemporaryDirectory(prefix="newsbrief-bench-web-") as folder:
        db_path = Path(folder) / "news.db"
        ingest([SEEDS], db_path)
        update(db_path)
        sources = [
            DATA / "clustering" / "ecbplus_dev.jsonl",
            DATA / "clustering" / "newswcl50.jsonl",
            duc_articles(Path(folder)),
            DATA / "extraction" / "scrapinghub" / "html",
        ]
        results = run_load(db_path, sources, args.clients, args.max_requests, args.seconds)
        # Updating: a fresh store of the seeds plus NewsWCL50 (50 articles, 10 events) not
        # yet clustered; update briefs the new events while the pages are read.
        update_db = Path(folder) / "update.db"
        ingest([SEEDS], update_db)
        update(update_db)
        ingest([DATA / "clustering" / "newswcl50.jsonl"], update_db)
        updating = run_update_load(update_db, args.clients, args.max_requests, 600)
        results = (*results, updating)
    settings = (
        f"--clients {args.clients} --seconds {args.seconds:g} --max-requests {args.max_requests}"
    )
    table = markdown(results, args.clients, settings)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
