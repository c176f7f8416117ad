"""The one copy of clustering's shared rules: the combined similarity, union-find, and
average linkage over weighted starting clusters (the online clusterer's revision step).

``combined_similarity`` is the same-event similarity every clusterer uses (batch, online,
undated placement, stories, the Spark windows): ``embedding_weight`` x embedding cosine +
the rest x TF-IDF cosine, at least ``cross_language_scale`` x the embedding cosine across
languages, times the time factor, clipped to [0, 1]. ``UnionFind`` joins groups that share
a member (dedup's copy groups, Spark's windows and components, figure agreement).

scipy's ``linkage`` starts from single points. The online clusterer starts from open events
(clusters of known size whose average similarities come from their sums) plus the articles
of the day, and must not merge two open events that no new article touches (their pair was
already judged when they last grew). This is plain UPGMA with the Lance-Williams update
``s(A+B, C) = (|A| s(A, C) + |B| s(B, C)) / (|A| + |B|)``, O(n^2) per merge on the small
matrices a day produces.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.sparse.csgraph import connected_components

if TYPE_CHECKING:
    from newsbrief.config import ClusterConfig

H = TypeVar("H", bound=Hashable)

# Similarities computed at once: a block of rows x N items holds about this many cells,
# whatever N (1,024 rows x N grew the transient peak with the corpus: the similarity's
# intermediate arrays, ~40 MiB each at 5,000 articles, ~80 at 10,000). A quarter of a
# million cells cost the same clustering CPU as a million, with a lower peak (clustering
# 2,000 articles: 479 -> 423 MiB; 5,000: 705 -> 639).
BLOCK_CELLS = 1 << 18


def row_blocks(count: int, columns: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, stop) of the row blocks of a ``count`` x ``columns`` similarity
    (``count`` x ``count`` by default), each about ``BLOCK_CELLS`` cells (at least 16 rows)."""
    rows = max(16, BLOCK_CELLS // max(count if columns is None else columns, 1))
    for start in range(0, count, rows):
        yield start, min(start + rows, count)


def combined_similarity(
    cosine: npt.ArrayLike,
    term_cosine: npt.ArrayLike,
    config: ClusterConfig,
    cross_language: npt.ArrayLike = False,
    time_factor: npt.ArrayLike = 1.0,
    names_apart: npt.ArrayLike = False,
) -> npt.NDArray[np.float64]:
    """Return the same-event similarity from the embedding and TF-IDF cosines.

    Across languages few words are shared, so there (``cross_language`` True) the
    similarity is at least the embedding cosine mapped onto the combined scale. Time apart
    lowers it (``time_factor``, see ``features.date_factor``), and so, within a language,
    do names apart (``names_apart`` True: both articles name people or places, none the
    same; ``ClusterConfig.names_apart_factor``). Arrays or scalars (a 0-d array comes back).
    """
    embedding = np.asarray(cosine, dtype=np.float64)
    weight = config.embedding_weight
    similarity = weight * embedding + (1.0 - weight) * np.asarray(term_cosine, dtype=np.float64)
    if np.any(cross_language):
        floor = config.cross_language_scale * embedding
        similarity = np.where(cross_language, np.maximum(similarity, floor), similarity)
    if np.any(names_apart):
        apart = np.logical_and(names_apart, np.logical_not(cross_language))
        similarity = np.where(apart, similarity * config.names_apart_factor, similarity)
    clipped: npt.NDArray[np.float64] = np.clip(similarity * np.asarray(time_factor), 0.0, 1.0)
    return clipped


class UnionFind(Generic[H]):
    """Disjoint sets of hashable items, with path halving; groups in first-added order."""

    def __init__(self, items: Iterable[H] = ()) -> None:
        self._parent: dict[H, H] = {}
        for item in items:
            self.add(item)

    def add(self, item: H) -> None:
        """Add ``item`` as a set of its own (nothing when it is already there)."""
        self._parent.setdefault(item, item)

    def __contains__(self, item: object) -> bool:
        return item in self._parent

    def find(self, item: H) -> H:
        """Return the representative of ``item``'s set."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, first: H, second: H) -> None:
        """Join the sets of ``first`` and ``second`` (added when new)."""
        self.add(first)
        self.add(second)
        root, other = self.find(first), self.find(second)
        if root != other:
            self._parent[other] = root

    def groups(self) -> list[list[H]]:
        """Return the sets, each in the order its items were added, by their first item."""
        joined: dict[H, list[H]] = {}
        for item in self._parent:
            joined.setdefault(self.find(item), []).append(item)
        return list(joined.values())


def join_groups(groups: Iterable[Sequence[H]]) -> list[list[H]]:
    """Return the groups joined where they share an item, each in first-seen order."""
    sets: UnionFind[H] = UnionFind()
    for group in groups:
        for item in group:
            sets.union(group[0], item)
    return sets.groups()


def components_above(
    count: int, block_of: Callable[[int, int], npt.NDArray[np.floating]], threshold: float
) -> list[npt.NDArray[np.intp]]:
    """Return the connected components of the graph of pairs at ``threshold`` or above.

    ``block_of(start, stop)`` gives the similarities of items ``start:stop`` to all
    ``count`` items; blocks of about ``BLOCK_CELLS`` similarities keep memory flat.
    """
    rows: list[npt.NDArray[np.intp]] = []
    columns: list[npt.NDArray[np.intp]] = []
    for start, stop in row_blocks(count):
        hit_rows, hit_columns = np.nonzero(block_of(start, stop) >= threshold)
        rows.append(hit_rows + start)
        columns.append(hit_columns)
    return components_of_pairs(count, np.concatenate(rows), np.concatenate(columns))


def components_of_pairs(
    count: int, first: npt.NDArray[np.intp], second: npt.NDArray[np.intp]
) -> list[npt.NDArray[np.intp]]:
    """Return the connected components of ``count`` items linked by the pairs
    (``first[k]``, ``second[k]``), each in ascending order, ordered by their first item."""
    graph = sparse.csr_matrix(
        (np.ones(len(first), dtype=np.int8), (first, second)), shape=(count, count)
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
