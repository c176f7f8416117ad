"""The merge step of dedup: candidate pairs from LSH bands, verified, then grouped.

1. candidates: two articles are compared only if their shingle MinHashes or their stem
   MinHashes share an LSH band (the bands of datasketch's ``MinHashLSH`` for the
   threshold: ``band_keys`` for a map/reduce engine, ``candidate_positions`` in one
   process, the same candidates);
2. verification (``copy_method``): a *reprint* shares at least
   ``reprint_containment`` of the shorter article's word shingles; a *rewrite* (or a
   re-translation) aligns, in order, at least ``min_aligned_sentences`` sentences that
   hold ``rewrite_coverage`` of the shorter article's content and
   ``rewrite_longer_coverage`` of the longer one's;
3. grouping: verified pairs are joined transitively; the canonical article of a group is
   the earliest dated, then the longest, then the smallest id.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from newsbrief.config import DedupConfig
from newsbrief.dedup.align import aligned_coverage
from newsbrief.dedup.signature import ArticleSignature
from newsbrief.model import Article

REPRINT = "reprint"
REWRITE = "rewrite"
MIXED = "reprint+rewrite"


@dataclass(frozen=True)
class DuplicateGroup:
    """One story's canonical article and its copies.

    ``method`` is "reprint", "rewrite" or "reprint+rewrite" when the group was found by
    ``find_duplicates``; None when it was read back from ``copy_of`` fields.
    """

    canonical_id: str
    copy_ids: tuple[str, ...]
    method: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "canonical": self.canonical_id,
            "copies": list(self.copy_ids),
            "method": self.method,
        }


BandKey = tuple[str, int, bytes]


@functools.cache
def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """Return datasketch's (bands, rows per band) for a threshold and MinHash size."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def _minhashes(
    signature: ArticleSignature, config: DedupConfig
) -> list[tuple[str, LeanMinHash, float]]:
    """Return the signature's non-empty MinHashes with their kind and LSH threshold."""
    found = []
    if len(signature.shingles):
        found.append(("shingle", signature.shingle_minhash, config.minhash_threshold))
    if signature.sentence_stems:
        found.append(("stem", signature.stem_minhash, config.stem_threshold))
    return found


def band_keys(signature: ArticleSignature, config: DedupConfig) -> list[BandKey]:
    """Map step for engines without datasketch's index: the LSH bucket keys of one article.

    Articles that share any key are candidates (``pairs_from_buckets``).
    """
    keys: list[BandKey] = []
    for kind, minhash, threshold in _minhashes(signature, config):
        bands, rows = lsh_bands(threshold, config.num_perm)
        for band in range(bands):
            keys.append((kind, band, minhash.hashvalues[band * rows : (band + 1) * rows].tobytes()))
    return keys


# A bucket of more articles than this (a feed of one template, a flood of one wire story)
# pairs each member with its next BUCKET_NEIGHBOURS in id order instead of with every
# other: all pairs grew quadratically (3,000 near-identical feed items: 180 million
# candidate pairs, 4.5 GB). Members of such a bucket share a whole band of their MinHash,
# so they are copies of one text, and the chain of neighbours links them all.
BUCKET_ALL_PAIRS = 100
BUCKET_NEIGHBOURS = 20


def bucket_pairs(size: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the pairs (i, j), i < j, of members of a bucket of ``size`` (sorted by id)
    to verify: all of them, or each member's next neighbours in a large bucket."""
    if size <= BUCKET_ALL_PAIRS:
        first, second = np.triu_indices(size, k=1)
        return first, second
    steps = range(1, BUCKET_NEIGHBOURS + 1)
    return (
        np.concatenate([np.arange(size - step) for step in steps]),
        np.concatenate([np.arange(step, size) for step in steps]),
    )


def pairs_from_buckets(buckets: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    """Return the pairs of distinct article ids that share a bucket (``bucket_pairs``),
    smaller id first."""
    pairs: set[tuple[str, str]] = set()
    for bucket in buckets:
        members = sorted(set(bucket))
        first, second = bucket_pairs(len(members))
        pairs.update(
            (members[i], members[j]) for i, j in zip(first.tolist(), second.tolist(), strict=True)
        )
    return pairs


# Pending pair codes merged into the distinct ones at least this many at a time.
_MERGE_AT = 1_000_000


def candidate_positions(signatures: Sequence[ArticleSignature], config: DedupConfig) -> np.ndarray:
    """Return the candidate pairs as rows (i, j), i < j, of positions in ``signatures``,
    each once: the articles whose shingle or stem MinHashes share an LSH band.

    The bands of ``band_keys`` (datasketch's for the threshold), grouped by sorting one
    64-bit key per article and band: 10,000 articles' candidates took ~170 MB in
    datasketch's ``MinHashLSH`` (a set per bucket) and a set of id pairs, and take a few
    MB here. A key collision only adds a pair to verify.
    """
    by_kind: dict[str, tuple[list[int], list[np.ndarray], float]] = {}
    for position, signature in enumerate(signatures):
        for kind, minhash, threshold in _minhashes(signature, config):
            owners, rows, _ = by_kind.setdefault(kind, ([], [], threshold))
            owners.append(position)
            rows.append(minhash.hashvalues)
    # The pairs found so far, each once, as one code i * count + j, and the bands' codes
    # not merged in yet: merged whenever they outnumber the unique ones, so pairs that
    # many bands repeat (a feed of one template) are held a few times, not once per band
    # (50,000 items: 2.1 GB, most of a run's peak).
    count = max(len(signatures), 1)
    codes = np.zeros(0, dtype=np.int64)
    pending: list[np.ndarray] = []
    # Each position's rank in id order: a large bucket pairs neighbours in id order, as
    # ``pairs_from_buckets`` does.
    ids = [signature.article_id for signature in signatures]
    id_rank = np.empty(len(ids), dtype=np.int64)
    id_rank[sorted(range(len(ids)), key=ids.__getitem__)] = np.arange(len(ids))
    for owners, rows, threshold in by_kind.values():
        if len(owners) < 2:
            continue
        hashes = np.vstack(rows).astype(np.uint64)
        positions = np.asarray(owners, dtype=np.int64)
        bands, width = lsh_bands(threshold, config.num_perm)
        for band in range(bands):
            keys = _band_key(hashes[:, band * width : (band + 1) * width])
            pairs = _sharing_key(keys, positions, id_rank)
            pending.append(pairs[:, 0] * count + pairs[:, 1])
            if sum(map(len, pending)) > max(len(codes), _MERGE_AT):
                codes, pending = _distinct(np.concatenate([codes, *pending])), []
    codes = _distinct(np.concatenate([codes, *pending]))
    return np.stack([codes // count, codes % count], axis=1)


def _distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique`` of an integer array by one sort (numpy 2.4's ``unique`` took 80x
    longer on 5 million codes)."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


def _band_key(band: np.ndarray) -> np.ndarray:
    """Return one 64-bit key per row of a band's hash values (a polynomial hash mod 2^64)."""
    key = np.zeros(len(band), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for column in band.T:
            key = key * np.uint64(1_000_003) + column
    return key


def _sharing_key(keys: np.ndarray, owners: np.ndarray, id_rank: np.ndarray) -> np.ndarray:
    """Return the pairs (i, j), i < j, of owners whose keys are equal (``bucket_pairs``
    of each bucket, its members in id order: ``id_rank`` of each owner)."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    sizes = np.diff(np.r_[starts, len(ordered)])
    twos = order[starts[sizes == 2]]  # most shared buckets: one pair, without a loop
    pairs = [np.sort(np.stack([owners[twos], owners[order[starts[sizes == 2] + 1]]], axis=1))]
    for start, size in zip(starts[sizes > 2], sizes[sizes > 2], strict=True):
        members = owners[order[start : start + size]]
        members = members[np.argsort(id_rank[members])]
        first, second = bucket_pairs(int(size))
        pairs.append(np.sort(np.stack([members[first], members[second]], axis=1), axis=1))
    return np.concatenate(pairs)


def candidate_pairs(
    signatures: Sequence[ArticleSignature], config: DedupConfig
) -> set[tuple[str, str]]:
    """Return the candidate pairs of article ids (``candidate_positions``), smaller first."""
    pairs: set[tuple[str, str]] = set()
    for i, j in candidate_positions(signatures, config).tolist():
        first, second = sorted((signatures[i].article_id, signatures[j].article_id))
        if first != second:
            pairs.add((first, second))
    return pairs


def copy_method(
    first: ArticleSignature, second: ArticleSignature, config: DedupConfig
) -> str | None:
    """Return "reprint" or "rewrite" if one article copies the other, else None."""
    if len(first.shingles) and len(second.shingles):
        shared = np.intersect1d(first.shingles, second.shingles, assume_unique=True).size
        if shared / min(len(first.shingles), len(second.shingles)) >= config.reprint_containment:
            return REPRINT
    if min(len(first.sentence_stems), len(second.sentence_stems)) < config.min_aligned_sentences:
        return None
    shared_stems = len(set(first.stems).intersection(second.stems)) / max(
        1, min(len(first.stems), len(second.stems))
    )
    if shared_stems < config.rewrite_min_shared_stems:
        return None  # cannot reach the coverage below; skips the quadratic alignment
    aligned, shorter_share, longer_share = aligned_coverage(
        first.sentence_stems, second.sentence_stems, config.sentence_similarity
    )
    if (
        aligned >= config.min_aligned_sentences
        and shorter_share >= config.rewrite_coverage
        and longer_share >= config.rewrite_longer_coverage
    ):
        return REWRITE
    return None


def _canonical_order(signature: ArticleSignature) -> tuple[dt.date, int, str]:
    return (signature.date or dt.date.max, -signature.word_count, signature.article_id)


def link_copies(
    signatures: Sequence[ArticleSignature], pairs: Iterable[tuple[str, str]], config: DedupConfig
) -> list[DuplicateGroup]:
    """Verify candidate pairs and return the duplicate groups they form."""
    from newsbrief.cluster.linkage import UnionFind

    by_id = {signature.article_id: signature for signature in signatures}
    linked = UnionFind(by_id)
    methods: dict[str, set[str]] = {}
    # Any order: the groups are the connected components of the verified pairs.
    for first, second in pairs:
        if first not in by_id or second not in by_id:
            continue
        method = copy_method(by_id[first], by_id[second], config)
        if method is None:
            continue
        linked.union(first, second)
        methods.setdefault(first, set()).add(method)
        methods.setdefault(second, set()).add(method)

    groups = []
    for ids in linked.groups():
        group = [by_id[article_id] for article_id in ids]
        if len(group) < 2:
            continue
        ordered = sorted(group, key=_canonical_order)
        found = set().union(*(methods.get(s.article_id, set()) for s in group))
        method = found.pop() if len(found) == 1 else MIXED
        groups.append(
            DuplicateGroup(ordered[0].article_id, tuple(s.article_id for s in ordered[1:]), method)
        )
    return sorted(groups, key=lambda group: group.canonical_id)


def apply_groups(articles: Sequence[Article], groups: Iterable[DuplicateGroup]) -> list[Article]:
    """Return the articles in order, ``copy_of`` set from the groups (cleared elsewhere)."""
    canonical_of = {copy_id: group.canonical_id for group in groups for copy_id in group.copy_ids}
    return [
        article
        if article.copy_of == canonical_of.get(article.id)
        else dataclasses.replace(article, copy_of=canonical_of.get(article.id))
        for article in articles
    ]


def duplicate_groups(articles: Sequence[Article]) -> list[DuplicateGroup]:
    """Return the groups recorded in the articles' ``copy_of`` fields (for renderers)."""
    copies: dict[str, list[str]] = {}
    for article in articles:
        if article.copy_of and article.copy_of != article.id:
            copies.setdefault(article.copy_of, []).append(article.id)
    return [DuplicateGroup(canonical, tuple(ids)) for canonical, ids in sorted(copies.items())]
