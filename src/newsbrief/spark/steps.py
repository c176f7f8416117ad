"""The distributed steps: each runs one stage's own map and merge functions on RDDs.

Records travel as ``(position, record)`` pairs: ``position`` is (input path, record
number), the order the local pipeline reads in, so order-sensitive ties (the first of two
articles with one id, the order of articles inside an event) resolve as they do locally.

Every task starts with ``in_worker``: one BLAS thread in this Python worker, and the
config's language detector and embedder in use (``registry.use_components``); the models
load once per worker (module-level caches, workers reused), not once per task. The steps
with uneven tasks (a window, a story) are cut by ``balanced_partitions``, so both
executors work from the start and the largest tasks start first.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable
from operator import add
from typing import TYPE_CHECKING, Any

from newsbrief.config import Config
from newsbrief.model import NOTE, Article, Brief, Rejected

if TYPE_CHECKING:
    from pyspark import RDD, SparkContext

    from newsbrief.cluster import ArticleFeatures, TermSpace
    from newsbrief.dedup import ArticleSignature, DuplicateGroup
    from newsbrief.spark.windows import WindowGroup

log = logging.getLogger(__name__)

Position = tuple[str, int]


def in_worker(config: Config) -> None:
    """Prepare this Python worker for a task (cheap after the first: both are cached)."""
    from newsbrief.parallel import set_up_process
    from newsbrief.registry import use_components

    set_up_process()
    use_components(config.components)


def balanced_partitions(costs: dict[Any, int], partitions: int) -> dict[Any, int]:
    """Return a partition per key: the costliest first, each to the least loaded partition
    (longest processing time first), so partitions end about together."""
    load = [0] * max(partitions, 1)
    chosen: dict[Any, int] = {}
    for key, cost in sorted(costs.items(), key=lambda item: (-item[1], str(item[0]))):
        target = min(range(len(load)), key=lambda n: (load[n], n))
        chosen[key] = target
        load[target] += max(cost, 1)
    return chosen


def read_file(name: str, data: bytes, config: Config) -> list[Article | Rejected]:
    """Return the records of one input file's bytes, read by the local readers."""
    import io
    from pathlib import Path

    from newsbrief.ingest import STREAM_ERRORS, Input, cannot_read, open_stream, read_input

    in_worker(config)
    local = name.startswith("file:")
    label = name.removeprefix("file:") if local else name
    try:
        stream, head = open_stream(io.BytesIO(data))
        uri = Path(label).as_uri() if local else name
        return list(read_input(Input(label, uri, stream, head), config.ingest))
    except STREAM_ERRORS as error:  # the reason read_sources gives for the same file
        return [cannot_read(label, error)]
    except Exception as error:  # a reader bug on one file must not fail the job
        return [Rejected(label, f"unreadable: {error}", "ingest")]


def read_records(
    files: RDD[tuple[str, bytes]], config: Config, named: Iterable[str] = ()
) -> RDD[tuple[Position, Any]]:
    """Return every record of every file with its position; a folder's documentation
    (``ingest.FOLDER_DOCUMENT``) found in a folder, not ``named`` as a file, is a note."""
    from newsbrief.ingest import FOLDER_DOCUMENT

    # Hadoop names a local file "file:/a/b", spark_path "file:///a/b".
    files_named = frozenset(_local(path) for path in named)

    def read(pair: tuple[str, bytes]) -> list[tuple[Position, Article | Rejected]]:
        name, data = pair
        document = FOLDER_DOCUMENT.fullmatch(name.rsplit("/", 1)[-1])
        if document and _local(name) not in files_named:
            return [((name, 0), Rejected(name, SKIPPED_DOCUMENT, NOTE))]
        return [((name, n), record) for n, record in enumerate(read_file(name, data, config))]

    return files.flatMap(read)


# A folder's documentation file as ``read_records`` marks it; ``documentation_notes`` makes
# the marks the local walk's one note per input folder.
SKIPPED_DOCUMENT = "a file of the folder's documentation"


def documentation_notes(
    rejected: list[tuple[Position, Rejected]], inputs: Iterable[str]
) -> list[tuple[Position, Rejected]]:
    """Replace ``read_records``' marks by one note per input folder, as the local walk
    writes it (``ingest.documentation_note``), its files named under the folder as given."""
    from pathlib import Path

    from newsbrief.ingest import documentation_note

    folders = [(p, Path(p).resolve()) for p in inputs if "://" not in p]
    by_folder: dict[str, list[str]] = {}
    kept = []
    for position, record in rejected:
        if record.reason != SKIPPED_DOCUMENT:
            kept.append((position, record))
            continue
        file = Path(_local(record.source))
        # Under no named folder (a glob's match): its own folder.
        given, root = next(
            ((p, r) for p, r in folders if r in file.parents), (str(file.parent), file.parent)
        )
        by_folder.setdefault(given, []).append(str(Path(given) / file.relative_to(root)))
    # After the folder's own records, where the local walk reports it.
    return kept + [
        (
            (f"file:{Path(folder).resolve()}/\U0010ffff", 0),
            documentation_note(folder, sorted(paths)),
        )
        for folder, paths in by_folder.items()
    ]


def _local(path: str) -> str:
    return re.sub(r"^file:/+", "/", path)


def drop_repeated(
    articles: RDD[tuple[Position, Article]],
) -> RDD[tuple[Position, Article | Rejected]]:
    """Keep the first article of each id (``drop_repeated_ids``), the others as Rejected."""
    from newsbrief.pipeline import drop_repeated_ids

    def keep_first(same_id: Iterable[tuple[Position, Article]]) -> list[tuple[Position, Any]]:
        ordered = sorted(same_id, key=lambda pair: pair[0])
        # Kept: the first of each content (a later one with other text under a new id, as
        # locally); rejected: the repeats, and a note per renamed one. Each keeps the
        # position of its record (by origin).
        kept, rejected = drop_repeated_ids([article for _, article in ordered], [])
        position_of: dict[str, Position] = {}
        for position, article in ordered:
            position_of.setdefault(article.origin or article.id, position)
        first = ordered[0][0]
        return [(position_of.get(a.origin or a.id, first), a) for a in kept] + [
            (position_of.get(r.source, first), r) for r in rejected
        ]

    return (
        articles.map(lambda pair: (pair[1].id, pair))
        .groupByKey()
        .flatMap(lambda item: keep_first(item[1]))
    )


def clean(
    articles: RDD[tuple[Position, Article]], config: Config, sc: SparkContext
) -> RDD[tuple[Position, Article | Rejected]]:
    """Run the clean stage: repeated lines per outlet (merge), then ``clean_article``."""
    from newsbrief.clean import (
        clean_article,
        drop_repeated_lines,
        line_fingerprints,
        reject_unusable,
        repeated_lines,
    )

    settings = config.clean
    # The merge is independent per outlet, so it runs per outlet key; the result is small.
    repeated: dict[str, frozenset[str]] = dict(
        articles.map(lambda pair: line_fingerprints(pair[1], settings))
        .filter(lambda fingerprint: fingerprint[0] is not None)
        .groupByKey()
        .flatMap(
            lambda item: repeated_lines(((item[0], text) for text in item[1]), settings).items()
        )
        .collect()
    )
    shared = sc.broadcast(repeated)

    def clean_one(pair: tuple[Position, Article]) -> tuple[Position, Article | Rejected]:
        position, article = pair
        in_worker(config)
        try:
            cleaned = clean_article(drop_repeated_lines(article, shared.value), settings)
        except Exception as error:  # one bad record never fails the job
            return position, Rejected(
                article.origin or article.id, f"clean failed: {error}", "clean"
            )
        kept, rejected = reject_unusable([cleaned], settings)
        return position, (kept or rejected)[0]

    return articles.map(clean_one)


def candidate_pairs(
    signatures: RDD[tuple[Position, ArticleSignature]], config: Config
) -> RDD[tuple[str, str]]:
    """Return the LSH candidate pairs: group by band key, then ``pairs_from_buckets``."""
    from newsbrief.dedup import band_keys, pairs_from_buckets

    settings = config.dedup
    return (
        signatures.flatMap(
            lambda pair: [(key, pair[1].article_id) for key in band_keys(pair[1], settings)]
        )
        .groupByKey()
        .mapPartitions(lambda buckets: iter(pairs_from_buckets(ids for _, ids in buckets)))
        .distinct()
    )


def link(
    signatures: RDD[tuple[Position, ArticleSignature]],
    pairs: list[tuple[str, str]],
    config: Config,
    sc: SparkContext,
) -> list[DuplicateGroup]:
    """Verify candidate pairs with ``link_copies``, one task per connected component.

    Copy groups never cross components of the candidate graph, so each component is
    verified where its signatures are, and only those signatures move.
    """
    from newsbrief.dedup import link_copies
    from newsbrief.spark.windows import join_groups

    settings = config.dedup
    components = join_groups(pairs)
    component_of = sc.broadcast({i: n for n, ids in enumerate(components) for i in ids})
    keyed_pairs = sc.parallelize(
        [(component_of.value[first], (first, second)) for first, second in pairs]
    )
    keyed_signatures = signatures.filter(lambda pair: pair[1].article_id in component_of.value).map(
        lambda pair: (component_of.value[pair[1].article_id], pair[1])
    )

    def verify(item: tuple[int, tuple[Iterable[Any], Iterable[Any]]]) -> list[DuplicateGroup]:
        component_signatures, component_pairs = item[1]
        return link_copies(list(component_signatures), list(component_pairs), settings)

    groups: list[DuplicateGroup] = keyed_signatures.cogroup(keyed_pairs).flatMap(verify).collect()
    return sorted(groups, key=lambda group: group.canonical_id)


def features(
    articles: RDD[tuple[Position, Article]], config: Config
) -> RDD[tuple[Position, ArticleFeatures]]:
    """Return each article's clustering features (``Pipeline.features``), per partition."""
    from newsbrief.pipeline import Pipeline

    def per_partition(
        pairs: Iterable[tuple[Position, Article]],
    ) -> Iterable[tuple[Position, ArticleFeatures]]:
        in_worker(config)
        batch = list(pairs)
        found, _ = Pipeline(config).features([article for _, article in batch])
        return iter(zip((position for position, _ in batch), found, strict=True))

    return articles.mapPartitions(per_partition)


def term_space(originals: RDD[ArticleFeatures], config: Config) -> TermSpace:
    """Return the TF-IDF space of all originals: document frequencies reduced by term."""
    from newsbrief.cluster import TermSpace

    frequencies = dict(
        originals.flatMap(lambda item: [(term, 1) for term in item.term_counts])
        .reduceByKey(add)
        .collect()
    )
    return TermSpace.from_document_frequencies(
        frequencies, originals.count(), config.cluster.idf_prior_documents
    )


def cluster_windows(
    originals: RDD[tuple[Position, ArticleFeatures]],
    window_keys: dict[str, list[int]],
    space: TermSpace,
    config: Config,
    sc: SparkContext,
) -> list[WindowGroup]:
    """Cluster each time window with ``cluster_features`` in its own task.

    ``window_keys`` gives each article's windows. Returns, per group, its window, its
    article ids and each undated member's mean similarity to the other members.
    """
    from newsbrief.cluster import cluster_features, similarity_of_features

    settings = config.cluster
    shared_space = sc.broadcast(space)
    shared_keys = sc.broadcast(window_keys)

    def affinity(item: ArticleFeatures, others: list[ArticleFeatures]) -> float:
        if not others:
            return 0.0
        similarities = [
            similarity_of_features(item, other, settings, shared_space.value) for other in others
        ]
        return sum(similarities) / len(similarities)

    def cluster_window(
        window: int, members: Iterable[tuple[Position, ArticleFeatures]]
    ) -> list[WindowGroup]:
        in_worker(config)
        ordered = [item for _, item in sorted(members, key=lambda pair: pair[0])]
        by_id = {item.article_id: item for item in ordered}
        found: list[WindowGroup] = []
        for group in cluster_features(ordered, settings, shared_space.value):
            items = [by_id[article_id] for article_id in group]
            affinities = {
                item.article_id: affinity(item, [other for other in items if other is not item])
                for item in items
                if item.date is None
            }
            found.append((window, group, affinities))
        return found

    # A window costs average linkage over its members: about the square of their number.
    sizes = Counter(key for keys in window_keys.values() for key in keys)
    partitions = max(1, min(len(sizes), 4 * sc.defaultParallelism))
    partition_of = balanced_partitions({k: n * n for k, n in sizes.items()}, partitions)
    groups: list[WindowGroup] = (
        originals.flatMap(
            lambda pair: [(key, pair) for key in shared_keys.value[pair[1].article_id]]
        )
        .groupByKey(partitions, partition_of.__getitem__)
        .flatMap(lambda item: cluster_window(item[0], item[1]))
        .collect()
    )
    shared_space.unpersist()
    shared_keys.unpersist()
    return groups


def group_stories(
    originals: RDD[tuple[Position, ArticleFeatures]],
    events: list[list[str]],
    space: TermSpace,
    config: Config,
    sc: SparkContext,
) -> list[list[int]]:
    """Return the story groups of event indices: per-event sums reduced over partitions,
    then grouped on the driver as ``cluster_stories`` groups them."""
    from newsbrief.cluster.stories import EventSums, group_event_sums

    shared = sc.broadcast({i: n for n, ids in enumerate(events) for i in ids})
    reduced = dict(
        originals.map(lambda pair: (shared.value[pair[1].article_id], EventSums.of([pair[1]])))
        .reduceByKey(lambda a, b: a.plus(b))
        .collect()
    )
    return group_event_sums([reduced[n] for n in range(len(events))], config.cluster, space)


def brief_stories(
    articles: RDD[tuple[Position, Article]],
    event_of: dict[str, int],
    story_of: dict[int, int],
    config: Config,
    sc: SparkContext,
) -> RDD[Brief | tuple[Rejected, ...]]:
    """Build each story's events with ``make_event``, the story with ``make_story`` and its
    brief with ``brief_story``, per story; a story a stage fails on gives the report of its
    articles instead (``pipeline.unbriefed``), as in the local run."""
    from newsbrief.cluster import make_story
    from newsbrief.errors import StageError
    from newsbrief.pipeline import Pipeline, unbriefed

    shared = sc.broadcast((event_of, story_of))
    pipeline = Pipeline(config)

    def build(members: Iterable[tuple[Position, Article]]) -> Brief | tuple[Rejected, ...]:
        in_worker(config)
        by_event: dict[int, list[tuple[Position, Article]]] = {}
        for pair in members:
            by_event.setdefault(shared.value[0][pair[1].id], []).append(pair)
        story = make_story([pipeline.event_of(pairs) for pairs in by_event.values()])
        try:
            return pipeline.brief(story)
        except StageError as error:
            return tuple(unbriefed(story.as_event(), error))

    def story_key(pair: tuple[Position, Article]) -> int:
        event_map, story_map = shared.value
        return story_map[event_map[pair[1].id]]

    # A story's brief costs about its number of articles (sentences to rank and read).
    sizes = Counter(story_of[event] for event in event_of.values())
    partitions = max(1, min(len(sizes), 4 * sc.defaultParallelism))
    partition_of = balanced_partitions(dict(sizes), partitions)
    return (
        articles.map(lambda pair: (story_key(pair), pair))
        .groupByKey(partitions, partition_of.__getitem__)
        .map(lambda item: build(item[1]))
    )
