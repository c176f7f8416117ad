"""The newsbrief pipeline on Apache Spark (issue 8): a first, partial cut.

Reading is distributed: ``sc.binaryFiles`` loads each input (any Hadoop path: file://,
hdfs://, s3a://) whole into one executor task, which runs the local ``read_input`` on the
bytes, so a corrupt record becomes a ``Rejected`` exactly as locally. Memory: one input file
must fit in an executor's memory. The rest (clean, dedup, cluster, brief) runs on the driver
with the local pipeline's own functions (``build_briefs_from_articles``), so results equal
the local run by construction. Distributing those steps per partition is still to do.

    spark-submit src/newsbrief/spark.py INPUT... --out DIR
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsbrief.config import Config
from newsbrief.model import Article, Rejected

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SparkReport:
    """What a Spark run did: counts, rejected inputs and seconds per step."""

    counts: dict[str, int]
    rejected: tuple[Rejected, ...]
    seconds: dict[str, float] = field(default_factory=dict)
    out_dir: str = ""

    def describe(self) -> str:
        counts = ", ".join(f"{value} {name}" for name, value in self.counts.items())
        total = sum(self.seconds.values())
        rejected = len(self.rejected)
        return f"Spark run: {counts}; {rejected} rejected; {total:.1f}s; wrote {self.out_dir}"


def _read_file(name: str, data: bytes, config: Config) -> list[Article | Rejected]:
    from newsbrief.ingest import Input, open_stream, read_input

    try:
        stream, head = open_stream(io.BytesIO(data))
        local = name.startswith("file:")
        uri = Path(name.removeprefix("file:")).as_uri() if local else name
        label = name.removeprefix("file:") if local else name
        return list(read_input(Input(label, uri, stream, head), config.ingest))
    except Exception as error:
        return [Rejected(name, f"unreadable: {error}", "ingest")]


def _spark_path(path: str) -> str:
    return path if "://" in path else Path(path).resolve().as_uri()


def run_spark_job(
    inputs: Sequence[str], out_dir: str | Path, config: Config, master: str | None = "local[2]"
) -> SparkReport:
    """Read ``inputs`` on Spark, build the briefs, write Parquet and briefs.json to out_dir."""
    from pyspark.sql import SparkSession

    from newsbrief.pipeline import _drop_repeated_ids, build_briefs_from_articles
    from newsbrief.render.json import render_json

    builder = SparkSession.builder.appName("newsbrief").config("spark.ui.enabled", "false")
    if master is not None:
        builder = builder.master(master)
    if master is not None and master.startswith("local"):
        # Local workers must run this interpreter, the one with newsbrief installed.
        os.environ["PYSPARK_PYTHON"] = sys.executable
        builder = builder.config("spark.pyspark.python", sys.executable)
        package_root = str(Path(__file__).resolve().parents[1])
        os.environ["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p
        )
        builder = builder.config("spark.executorEnv.PYTHONPATH", os.environ["PYTHONPATH"])
    spark = builder.getOrCreate()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    files = spark.sparkContext.binaryFiles(",".join(_spark_path(p) for p in inputs))

    def read_partition(pairs: Iterator[tuple[str, bytes]]) -> Iterator[Article | Rejected]:
        for name, data in pairs:
            yield from _read_file(name, data, config)

    # Local runs read inputs in sorted path order; later stages are order-sensitive in ties.
    records = files.sortByKey().mapPartitions(read_partition).collect()
    articles = [r for r in records if isinstance(r, Article)]
    rejected = [r for r in records if isinstance(r, Rejected)]
    articles, rejected = _drop_repeated_ids(articles, rejected)
    read_seconds = time.perf_counter() - start
    briefs, report = build_briefs_from_articles(articles, config, rejected=rejected)
    report.seconds["ingest"] = read_seconds
    (out / "briefs.json").write_text(render_json(briefs, report), encoding="utf-8")
    rows = [(b.event_id, a.id) for b in briefs for a in b.articles]
    if rows:
        spark.createDataFrame(rows, "event_id string, article_id string").write.mode(
            "overwrite"
        ).parquet(str(out / "events"))
    return SparkReport(dict(report.counts), report.rejected, dict(report.seconds), str(out))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="newsbrief on Spark")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    log.info(run_spark_job(args.paths, args.out, Config(), master=None).describe())


if __name__ == "__main__":
    main()
