"""In-order sentence alignment: the test for rewritten and re-translated copies.

A rewrite or a translation (seed 002 is seed 001 translated to French and back) shares
few word n-grams with its original, but it says the same things in the same order: most
of the shorter article's text finds a similar sentence in the other, and the matches run
in order. Articles that only cover the same event share a few facts and short quotes,
in no particular order.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence


def sentence_similarity(first: Collection[str], second: Collection[str]) -> float:
    """Return the Dice coefficient of two sentences' content stems (each unique)."""
    if not first or not second:
        return 0.0
    return 2 * len(set(first).intersection(second)) / (len(first) + len(second))


def similar_sentences(
    first: Sequence[Collection[str]], second: Sequence[Collection[str]], min_similarity: float
) -> dict[int, list[int]]:
    """Return, for each sentence i of ``first``, the sentences j of ``second`` similar to it.

    Sentences are indexed by stem, so only pairs that share a stem are scored: linear in
    the two articles' lengths for unrelated texts instead of sentences x sentences.
    """
    postings: dict[str, list[int]] = {}
    for j, stems in enumerate(second):
        for stem in stems:
            postings.setdefault(stem, []).append(j)
    similar: dict[int, list[int]] = {}
    for i, stems in enumerate(first):
        shared: dict[int, int] = {}
        for stem in stems:
            for j in postings.get(stem, ()):
                shared[j] = shared.get(j, 0) + 1
        # The Dice coefficient of sentence_similarity, computed from the shared count.
        matches = [
            j
            for j, count in shared.items()
            if 2 * count / (len(stems) + len(second[j])) >= min_similarity
        ]
        if matches:
            similar[i] = sorted(matches)
    return similar


def aligned_pairs(
    first: Sequence[Collection[str]], second: Sequence[Collection[str]], min_similarity: float
) -> list[tuple[int, int]]:
    """Return sentence pairs (i, j), similar enough and in order, covering the most content.

    A weighted longest common subsequence: "equal" means similarity >= ``min_similarity``,
    and a pair weighs as many content stems as the smaller of its two sentences, so that
    long aligned sentences count more than shared one-line quotes.

    The table has a row and a column only for the sentences that have a similar sentence
    in the other article: a row or column without one only copies its neighbour's scores,
    and the trace back crosses it without taking a pair, so the pairs are those of the
    full sentences x sentences table (tests/test_dedup.py compares the two).
    """
    similar = similar_sentences(first, second, min_similarity)
    rows = sorted(similar)
    cols = sorted({j for matches in similar.values() for j in matches})
    col_of = {j: c for c, j in enumerate(cols, start=1)}
    width = len(cols)
    best = [[0] * (width + 1)]
    for i in rows:
        above = best[-1]
        row = [0] * (width + 1)
        match_cols = {col_of[j]: min(len(first[i]), len(second[j])) for j in similar[i]}
        for c in range(1, width + 1):
            score = max(above[c], row[c - 1])
            weight = match_cols.get(c)
            if weight is not None:
                score = max(score, above[c - 1] + weight)
            row[c] = score
        best.append(row)
    pairs: list[tuple[int, int]] = []
    r, c = len(rows), width
    while r > 0 and c > 0:
        if best[r][c] == best[r - 1][c]:
            r -= 1
        elif best[r][c] == best[r][c - 1]:
            c -= 1
        else:
            pairs.append((rows[r - 1], cols[c - 1]))
            r, c = r - 1, c - 1
    return pairs[::-1]


def aligned_coverage(
    first: Sequence[Collection[str]], second: Sequence[Collection[str]], min_similarity: float
) -> tuple[int, float, float]:
    """Return the number of aligned sentences and the share of each article they cover.

    Shares are measured in content stems: (count, shorter article's share, longer's share).
    """
    pairs = aligned_pairs(first, second, min_similarity)
    first_total = sum(len(s) for s in first)
    second_total = sum(len(s) for s in second)
    if not pairs or not first_total or not second_total:
        return 0, 0.0, 0.0
    first_share = sum(len(first[i]) for i, _ in pairs) / first_total
    second_share = sum(len(second[j]) for _, j in pairs) / second_total
    if first_total <= second_total:
        return len(pairs), first_share, second_share
    return len(pairs), second_share, first_share
