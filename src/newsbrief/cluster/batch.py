"""Batch clustering: average linkage on the combined similarity, cut at a threshold.

Order of work: fit the TF-IDF space on every article's term counts (the merge step's
corpus state); find, block by block, the pairs whose similarity reaches the threshold;
split the articles into connected components of that graph; run exact average linkage
inside each component. Average linkage never merges across components (every pair
between them is below the threshold, so their mean is too), so the split is exact and
the cost follows the components, not the square of the corpus.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from newsbrief.cluster.features import (
    ArticleFeatures,
    TermSpace,
    TimeKey,
    apart_names,
    count_matrix,
    similarity_block,
    time_key,
)
from newsbrief.cluster.linkage import components_above
from newsbrief.config import ClusterConfig

log = logging.getLogger(__name__)

# Components above this size fall back to the online clusterer (linkage needs N^2 memory);
# 4000 articles -> a 64 MB condensed distance matrix.
MAX_LINKAGE_SIZE = 4000


def group_features(
    features: Sequence[ArticleFeatures], config: ClusterConfig, space: TermSpace | None = None
) -> list[list[int]]:
    """Return groups of indices into ``features``: one group per event.

    ``space`` is the TF-IDF space; by default it is fitted on ``features`` themselves.
    """
    count = len(features)
    if count == 0:
        return []
    if space is None:
        space = TermSpace.fit((f.term_counts for f in features), config.idf_prior_documents)
    tfidf = space.vectors([f.term_counts for f in features])
    embeddings = np.vstack([f.embedding for f in features]).astype(np.float32)
    dates = [time_key(f) for f in features]
    languages = [f.language for f in features]
    names = count_matrix([apart_names(f, config.names_apart_common_zipf) for f in features])

    def block_of(start: int, stop: int) -> np.ndarray:
        return similarity_block(
            embeddings[start:stop],
            tfidf[start:stop],
            dates[start:stop],
            embeddings,
            tfidf,
            dates,
            config,
            languages[start:stop],
            languages,
            names[start:stop],
            names,
        )

    groups: list[list[int]] = []
    for members in components_above(count, block_of, config.similarity_threshold):
        if len(members) == 1:
            groups.append([int(members[0])])
        elif len(members) <= MAX_LINKAGE_SIZE:
            groups.extend(
                _average_linkage(members, embeddings, tfidf, dates, languages, names, config)
            )
        else:
            log.info("component of %d articles clustered online", len(members))
            groups.extend(_online_groups(members, features, config))
    return groups


def _average_linkage(
    members: np.ndarray,
    embeddings: np.ndarray,
    tfidf: sparse.csr_matrix,
    dates: Sequence[TimeKey],
    languages: Sequence[str | None],
    names: sparse.csr_matrix,
    config: ClusterConfig,
) -> list[list[int]]:
    member_dates = [dates[i] for i in members]
    member_languages = [languages[i] for i in members]
    similarity = similarity_block(
        embeddings[members],
        tfidf[members],
        member_dates,
        embeddings[members],
        tfidf[members],
        member_dates,
        config,
        member_languages,
        member_languages,
        names[members],
        names[members],
    )
    # In place, and the upper triangle row by row without index arrays: a 4,000-article
    # component peaked at ~450 MB with a copy and np.triu_indices (two int64 arrays).
    distance = np.subtract(1.0, similarity, out=similarity)
    condensed = squareform(distance, checks=False)
    del similarity, distance
    tree = linkage(condensed, method="average")
    labels = fcluster(tree, t=1.0 - config.similarity_threshold + 1e-9, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in zip(members, labels, strict=True):
        groups.setdefault(int(label), []).append(int(index))
    return list(groups.values())


def _online_groups(
    members: np.ndarray, features: Sequence[ArticleFeatures], config: ClusterConfig
) -> list[list[int]]:
    from newsbrief.cluster.online import OnlineClusterer

    order = sorted(members, key=lambda i: (features[i].date is None, features[i].date or 0))
    clusterer = OnlineClusterer(config)
    position = {features[i].article_id: int(i) for i in members}
    groups: list[list[int]] = []
    for index in order:
        item = features[index]
        if item.date is not None:
            groups.extend([position[a] for a in g] for g in clusterer.close_quiet_ids(item.date))
        clusterer.add_features(item)
    groups.extend([position[a] for a in g] for g in clusterer.close_all_ids())
    return groups
