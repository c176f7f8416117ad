"""Write a Spark run's outputs: Parquet tables and the brief document of DESIGN.md.

DIR/articles/   one row per kept article (text, metadata, copy_of, event_id)
DIR/copies/     one row per copy: canonical_id, copy_id, method
DIR/events/     one row per event: event_id, headline, first/last seen, article ids
DIR/briefs.json the same document as ``newsbrief brief --format json``
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsbrief.model import Article, Brief, RunReport

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

    from newsbrief.dedup import DuplicateGroup

ARTICLES_SCHEMA = (
    "id string, event_id string, title string, date date, source string, url string, "
    "language string, copy_of string, origin string, text string"
)
COPIES_SCHEMA = "canonical_id string, copy_id string, method string"
EVENTS_SCHEMA = (
    "event_id string, headline string, first_seen date, last_seen date, article_ids array<string>"
)


def article_row(article: Article, event_id: str | None) -> tuple[Any, ...]:
    """Return an article's row of the articles table."""
    return (
        article.id,
        event_id,
        article.title,
        article.date,
        article.source,
        article.url,
        article.language,
        article.copy_of,
        article.origin,
        article.text,
    )


def write_outputs(
    spark: SparkSession,
    articles: RDD[tuple[Any, Article]],
    groups: Sequence[DuplicateGroup],
    briefs: Sequence[Brief],
    report: RunReport,
    out_dir: str,
) -> None:
    """Write the three Parquet tables and briefs.json under ``out_dir`` (any Spark path)."""
    from newsbrief.render.json import render_json

    base = out_dir.rstrip("/")
    event_of = spark.sparkContext.broadcast(
        {article.id: brief.event_id for brief in briefs for article in brief.articles}
    )
    rows = articles.map(lambda pair: article_row(pair[1], event_of.value.get(pair[1].id)))
    spark.createDataFrame(rows, ARTICLES_SCHEMA).write.mode("overwrite").parquet(f"{base}/articles")
    copies = [(g.canonical_id, copy_id, g.method) for g in groups for copy_id in g.copy_ids]
    spark.createDataFrame(copies, COPIES_SCHEMA).write.mode("overwrite").parquet(f"{base}/copies")
    events = [
        (b.event_id, b.headline, b.first_seen, b.last_seen, [a.id for a in b.articles])
        for b in briefs
    ]
    spark.createDataFrame(events, EVENTS_SCHEMA).write.mode("overwrite").parquet(f"{base}/events")
    write_text(spark, f"{base}/briefs.json", render_json(briefs, report))
    event_of.unpersist()


def write_text(spark: SparkSession, path: str, text: str) -> None:
    """Write one text file to a local path or, through Hadoop, to any Spark path."""
    if "://" not in path or path.startswith("file:"):
        target = Path(path.removeprefix("file://"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return
    jvm: Any = spark.sparkContext._jvm  # Hadoop FileSystem: no Python API
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    stream = hadoop_path.getFileSystem(conf).create(hadoop_path, True)
    try:
        stream.write(bytearray(text.encode("utf-8")))
    finally:
        stream.close()
