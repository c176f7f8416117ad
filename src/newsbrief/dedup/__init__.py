"""The dedup stage: copies of one story, marked ``copy_of`` their canonical article.

Copies are verbatim or lightly edited reprints (MinHash LSH over word shingles, verified
by shingle containment) and rewritten or re-translated versions (the same sentences in
the same order, found by in-order sentence alignment over content stems). Articles that
merely cover the same event are not copies.

``mark_copies`` is the one-call path. A map/reduce engine runs the same steps:

1. map ``article_signature(article, config)`` (picklable);
2. flat-map ``band_keys(signature, config)`` -> (key, article id), group by key, and
   ``pairs_from_buckets`` -> candidate pairs;
3. ``link_copies(signatures, pairs, config)`` -> groups; ``apply_groups`` sets ``copy_of``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from newsbrief.config import DedupConfig
from newsbrief.dedup.align import aligned_coverage, aligned_pairs, sentence_similarity
from newsbrief.dedup.groups import (
    DuplicateGroup,
    apply_groups,
    band_keys,
    candidate_pairs,
    candidate_positions,
    copy_method,
    duplicate_groups,
    link_copies,
    pairs_from_buckets,
)
from newsbrief.dedup.signature import ArticleSignature, article_signature
from newsbrief.model import Article

log = logging.getLogger(__name__)


def find_duplicates(articles: Sequence[Article], config: DedupConfig) -> list[DuplicateGroup]:
    """Return the groups of copies among the articles, each with its canonical article."""
    signatures = [article_signature(article, config) for article in articles]
    positions = candidate_positions(signatures, config)
    # Read in slices: a million candidate pairs as one Python list took ~100 MB.
    pairs = (
        (signatures[i].article_id, signatures[j].article_id)
        for start in range(0, len(positions), 65_536)
        for i, j in positions[start : start + 65_536].tolist()
    )
    groups = link_copies(signatures, pairs, config)
    log.info(
        "dedup: %d articles, %d candidate pairs, %d groups",
        len(articles),
        len(positions),
        len(groups),
    )
    return groups


def mark_copies(articles: Sequence[Article], config: DedupConfig) -> list[Article]:
    """Return the same articles in the same order, ``copy_of`` set on each copy."""
    return apply_groups(articles, find_duplicates(articles, config))


__all__ = [
    "ArticleSignature",
    "DuplicateGroup",
    "aligned_coverage",
    "aligned_pairs",
    "apply_groups",
    "article_signature",
    "band_keys",
    "candidate_pairs",
    "candidate_positions",
    "copy_method",
    "duplicate_groups",
    "find_duplicates",
    "link_copies",
    "mark_copies",
    "pairs_from_buckets",
    "sentence_similarity",
]
