"""Average linkage over weighted starting clusters (the online clusterer's revision step).

scipy's ``linkage`` starts from single points. The online clusterer starts from open events
(clusters of known size whose average similarities come from their sums) plus the articles
of the day, and must not merge two open events that no new article touches (their pair was
already judged when they last grew). This is plain UPGMA with the Lance-Williams update
``s(A+B, C) = (|A| s(A, C) + |B| s(B, C)) / (|A| + |B|)``, O(n^2) per merge on the small
matrices a day produces.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


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
