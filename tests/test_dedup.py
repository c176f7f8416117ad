"""The dedup stage: reprints and re-translations grouped, same-event coverage kept apart."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
import pickle
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest

from newsbrief.clean import clean_articles
from newsbrief.config import CleanConfig, DedupConfig
from newsbrief.dedup import (
    DuplicateGroup,
    aligned_pairs,
    apply_groups,
    article_signature,
    band_keys,
    candidate_pairs,
    candidate_positions,
    duplicate_groups,
    find_duplicates,
    link_copies,
    mark_copies,
    pairs_from_buckets,
    sentence_similarity,
)
from newsbrief.dedup import groups as dedup_groups
from newsbrief.dedup.groups import BUCKET_NEIGHBOURS
from newsbrief.ingest import read_sources
from newsbrief.model import Article


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> list[Article]:
    articles = [record for record in read_sources([seeds_dir]) if isinstance(record, Article)]
    cleaned, _ = clean_articles(articles, CleanConfig())
    return sorted(cleaned, key=lambda article: article.origin or "")


def _records(path: Path) -> list[dict[str, object]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def _article(record: dict[str, object], **changes: object) -> Article:
    article = Article(
        id=str(record["id"]),
        text=str(record["text"]),
        title=record.get("title"),  # type: ignore[arg-type]
        source=record.get("source"),  # type: ignore[arg-type]
        date=dt.date.fromisoformat(str(record["date"])) if record.get("date") else None,
    )
    return dataclasses.replace(article, **changes)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def duc_articles(shared_data: Path) -> list[Article]:
    """The 25 real articles of one DUC 2006 cluster (AP, NYT, Xinhua), cleaned."""
    cluster = _records(shared_data / "summarization" / "duc2006.jsonl.gz")[0]
    articles = [_article(record) for record in cluster["articles"]]  # type: ignore[union-attr]
    cleaned, _ = clean_articles(articles, CleanConfig())
    return cleaned


def test_seed_retranslation_is_a_copy_and_other_reports_are_not(seeds: list[Article]) -> None:
    marked = mark_copies(seeds, DedupConfig())
    assert [a.id for a in marked] == [a.id for a in seeds]  # same articles, same order
    by_file = {Path(a.origin or "").name[:3]: a for a in marked}
    # 002 is 001's wire story translated to French and back; 001 is dated, so canonical.
    assert by_file["002"].copy_of == by_file["001"].id
    for name in ("000", "001", "003", "004"):
        assert by_file[name].copy_of is None, name
    groups = find_duplicates(seeds, DedupConfig())
    assert groups == [DuplicateGroup(by_file["001"].id, (by_file["002"].id,), "rewrite")]
    assert duplicate_groups(marked) == [DuplicateGroup(by_file["001"].id, (by_file["002"].id,))]


def test_newswcl50_same_event_articles_are_not_copies(shared_data: Path) -> None:
    records = _records(shared_data / "clustering" / "newswcl50.jsonl")
    articles, _ = clean_articles([_article(r) for r in records], CleanConfig())
    assert len(articles) == 50
    assert all(article.copy_of is None for article in mark_copies(articles, DedupConfig()))


def _edited_reprint(article: Article, new_id: str) -> Article:
    """Return a lightly edited reprint: a paragraph dropped, a few words changed, a tag line."""
    paragraphs = article.paragraphs
    del paragraphs[len(paragraphs) // 2]
    edited = []
    for number, paragraph in enumerate(paragraphs):
        words = paragraph.split()
        if number % 3 == 1 and len(words) > 8:
            words[4] = "reportedly"  # one word changed in every third paragraph
        edited.append(" ".join(words))
    edited.append("Distributed by the Valley Gazette news service.")
    return dataclasses.replace(
        article, id=new_id, source="valleygazette.example", text="\n\n".join(edited), sentences=()
    )


def test_exact_and_edited_reprints_of_real_articles_are_grouped(
    duc_articles: list[Article],
) -> None:
    original = max(duc_articles, key=lambda article: len(article.text))
    exact = dataclasses.replace(original, id="exact-reprint", source="other.example", date=None)
    edited = _edited_reprint(original, "edited-reprint")
    # Half the story, as a paper that cuts wire copy from the bottom prints it.
    half = dataclasses.replace(
        original,
        id="cut-reprint",
        text="\n\n".join(original.paragraphs[: len(original.paragraphs) // 2]),
        sentences=(),
    )
    marked = {a.id: a for a in mark_copies([*duc_articles, exact, edited, half], DedupConfig())}
    for copy_id in ("exact-reprint", "edited-reprint", "cut-reprint"):
        assert marked[copy_id].copy_of == original.id, copy_id
    assert marked[original.id].copy_of is None


def test_a_flood_of_copies_is_one_group_from_a_bounded_number_of_pairs(
    duc_articles: list[Article],
) -> None:
    # 300 reprints of one report, each with its own last line (a feed of one template):
    # they share whole LSH bands, and verifying every pair of a bucket grew quadratically.
    original = duc_articles[0]
    flood = [
        dataclasses.replace(
            original, id=f"reprint-{n:03}", text=f"{original.text}\n\nItem {n} of the feed."
        )
        for n in range(300)
    ]
    config = DedupConfig()
    signatures = [article_signature(a, config) for a in flood]
    pairs = candidate_positions(signatures, config)
    # Each large bucket pairs neighbours only (300 x 20); a few small ones pair all.
    assert 300 * BUCKET_NEIGHBOURS // 2 < len(pairs) < (300 * 299 // 2) // 5
    (group,) = find_duplicates(flood, config)
    assert len(group.copy_ids) == 299
    # Spark's path pairs the same neighbours (in id order).
    buckets: dict[tuple[str, int, bytes], list[str]] = {}
    for signature in signatures:
        for key in band_keys(signature, config):
            buckets.setdefault(key, []).append(signature.article_id)
    assert pairs_from_buckets(buckets.values()) == candidate_pairs(signatures, config)


def test_pairs_merged_band_by_band_are_the_pairs_of_all_bands(
    duc_articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A template feed repeats its pairs in every band; they are merged as the bands are
    # read (bounded memory), and the result must not depend on when the merges happen.
    original = duc_articles[0]
    flood = [
        dataclasses.replace(original, id=f"item-{n:03}", text=f"{original.text}\n\nItem {n}.")
        for n in range(150)
    ]
    signatures = [article_signature(a, DedupConfig()) for a in [*flood, *duc_articles[1:40]]]
    at_the_end = candidate_positions(signatures, DedupConfig())
    monkeypatch.setattr(dedup_groups, "_MERGE_AT", 100)
    merged_often = candidate_positions(signatures, DedupConfig())
    assert np.array_equal(at_the_end, merged_often)
    assert len({tuple(pair) for pair in at_the_end.tolist()}) == len(at_the_end)


def test_canonical_is_earliest_dated_then_longest(duc_articles: list[Article]) -> None:
    original = duc_articles[0]
    later = dataclasses.replace(original, id="later", date=dt.date(2001, 1, 1))
    undated_longer = dataclasses.replace(
        original, id="undated", date=None, text=original.text + "\n\nA closing line was added."
    )
    marked = mark_copies([later, undated_longer, original], DedupConfig())
    assert [a.copy_of for a in marked] == [original.id, original.id, None]


def test_map_merge_path_matches_one_call_path(
    seeds: list[Article], duc_articles: list[Article]
) -> None:
    config = DedupConfig()
    articles = [*seeds, *duc_articles, _edited_reprint(duc_articles[3], "edited")]
    # Map: signatures cross a process boundary (pickled), as on Spark executors.
    signatures = [pickle.loads(pickle.dumps(article_signature(a, config))) for a in articles]
    buckets: dict[tuple[str, int, bytes], list[str]] = {}
    for signature in signatures:
        for key in band_keys(signature, config):
            buckets.setdefault(key, []).append(signature.article_id)
    pairs = pairs_from_buckets(buckets.values())
    assert pairs == candidate_pairs(signatures, config)
    groups = link_copies(signatures, pairs, config)
    assert apply_groups(articles, groups) == mark_copies(articles, config)
    assert any(group.copy_ids == ("edited",) for group in groups)


def test_empty_and_tiny_articles_do_not_crash_or_match() -> None:
    articles = [
        Article(id="empty", text=""),
        Article(id="also-empty", text="   "),
        Article(id="tiny", text="Fire."),
        Article(id="tiny-2", text="Flood."),
    ]
    assert [a.copy_of for a in mark_copies(articles, DedupConfig())] == [None] * 4


def test_stale_copy_of_is_cleared(seeds: list[Article]) -> None:
    stale = [dataclasses.replace(seeds[0], copy_of=seeds[3].id), *seeds[1:]]
    assert mark_copies(stale, DedupConfig())[0].copy_of is None


def _aligned_pairs_full_table(
    first: Sequence[frozenset[str]], second: Sequence[frozenset[str]], min_similarity: float
) -> list[tuple[int, int]]:
    """The weighted LCS over the full sentences x sentences table (the former algorithm)."""
    best = [[0] * (len(second) + 1) for _ in range(len(first) + 1)]
    for i in range(1, len(first) + 1):
        for j in range(1, len(second) + 1):
            score = max(best[i - 1][j], best[i][j - 1])
            if sentence_similarity(first[i - 1], second[j - 1]) >= min_similarity:
                weight = min(len(first[i - 1]), len(second[j - 1]))
                score = max(score, best[i - 1][j - 1] + weight)
            best[i][j] = score
    pairs = []
    i, j = len(first), len(second)
    while i > 0 and j > 0:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return pairs[::-1]


def test_indexed_alignment_finds_the_pairs_of_the_full_table(
    seeds: list[Article], duc_articles: list[Article]
) -> None:
    config = DedupConfig()
    articles = [*seeds, *duc_articles, _edited_reprint(duc_articles[3], "edited")]
    stems = [article_signature(a, config).sentence_stems for a in articles]
    aligned = 0
    for first, second in combinations(stems, 2):
        for similarity in (config.sentence_similarity, 0.3):
            expected = _aligned_pairs_full_table(first, second, similarity)
            assert aligned_pairs(first, second, similarity) == expected
            aligned += len(expected)
    assert aligned > 300  # the pairs include rewrites and many partial alignments


def test_signatures_with_shared_permutations_equal_datasketchs_own(
    duc_articles: list[Article],
) -> None:
    from datasketch import LeanMinHash, MinHash

    from newsbrief.dedup.signature import _identity, word_shingles, words_of

    config = DedupConfig()
    for article in duc_articles[:5]:
        shingles = word_shingles(words_of(article.text), config.shingle_words)
        own = MinHash(num_perm=config.num_perm, seed=config.seed, hashfunc=_identity)
        own.update_batch(sorted(shingles))
        signature = article_signature(article, config)
        assert (signature.shingle_minhash.hashvalues == LeanMinHash(own).hashvalues).all()
