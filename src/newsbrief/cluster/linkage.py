"""Average linkage over weighted starting clusters (the online clusterer's revision step).

scipy's ``linkage`` starts from single points. The online clusterer starts from open events
(clusters of known size whose average similarities come from their sums) plus the articles
of the day, and must not merge two open events that no new article touches (their pair was
already judged when they last grew). This is plain UPGMA with the Lance-Williams update
``s(A+B, C) = (|A| s(A, C) + |B| s(B, C)) / (|A| + |B|)``, O(n^2) per merge on the small
matrices a day produces.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.sparse.csgraph import connected_components

# Rows compared at once: bounds the dense similarity block to ROWS x N floats.
BLOCK_ROWS = 1024


def components_above(
    count: int, block_of: Callable[[int, int], npt.NDArray[np.floating]], threshold: float
) -> list[npt.NDArray[np.intp]]:
    """Return the connected components of the graph of pairs at ``threshold`` or above.

    ``block_of(start, stop)`` gives the similarities of items ``start:stop`` to all
    ``count`` items; blocks of ``BLOCK_ROWS`` rows keep memory at ROWS x N floats.
    """
    rows: list[npt.NDArray[np.intp]] = []
    columns: list[npt.NDArray[np.intp]] = []
    for start in range(0, count, BLOCK_ROWS):
        hit_rows, hit_columns = np.nonzero(
            block_of(start, min(start + BLOCK_ROWS, count)) >= threshold
        )
        rows.append(hit_rows + start)
        columns.append(hit_columns)
    all_rows = np.concatenate(rows)
    graph = sparse.csr_matrix(
        (np.ones(len(all_rows), dtype=np.int8), (all_rows, np.concatenate(columns))),
        shape=(count, count),
    )
    _, component_of = connected_components(graph, directed=False)
    return [np.flatnonzero(component_of == c) for c in np.unique(component_of)]


def average_linkage(
    similarity: npt.ArrayLike, sizes: npt.ArrayLike, fresh: npt.ArrayLike, threshold: float
) -> list[list[int]]:
    """Return groups of item indices: average linkage cut at ``threshold``.

    ``similarity[i, j]`` is the average similarity between the members of items i and j,
    ``sizes`` their member counts; two items may merge only when one of them is ``fresh``
    (holds a new article), and a merged item is fresh when either part was.
    """
    scores = np.array(similarity, dtype=np.float64, copy=True)
    count = len(scores)
    np.fill_diagonal(scores, -np.inf)
    weights = np.asarray(sizes, dtype=np.float64).copy()
    is_fresh = np.asarray(fresh, dtype=bool).copy()
    members: list[list[int]] = [[i] for i in range(count)]
    while count > 1:
        allowed = np.where(is_fresh[:, None] | is_fresh[None, :], scores, -np.inf)
        flat = int(np.argmax(allowed))
        first, second = divmod(flat, len(weights))
        if allowed[first, second] < threshold:
            break
        total = weights[first] + weights[second]
        merged = (weights[first] * scores[first] + weights[second] * scores[second]) / total
        scores[first, :] = merged
        scores[:, first] = merged
        scores[first, first] = -np.inf
        scores[second, :] = -np.inf
        scores[:, second] = -np.inf
        weights[first] = total
        is_fresh[first] |= is_fresh[second]
        members[first].extend(members[second])
        members[second] = []
    return [group for group in members if group]
