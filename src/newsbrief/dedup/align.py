"""In-order sentence alignment: the test for rewritten and re-translated copies.

A rewrite or a translation (seed 002 is seed 001 translated to French and back) shares
few word n-grams with its original, but it says the same things in the same order: most
of the shorter article's text finds a similar sentence in the other, and the matches run
in order. Articles that only cover the same event share a few facts and short quotes,
in no particular order.
"""

from __future__ import annotations

from collections.abc import Sequence


def sentence_similarity(first: frozenset[str], second: frozenset[str]) -> float:
    """Return the Dice coefficient of two sentences' content stems."""
    if not first or not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


def aligned_pairs(
    first: Sequence[frozenset[str]], second: Sequence[frozenset[str]], min_similarity: float
) -> list[tuple[int, int]]:
    """Return sentence pairs (i, j), similar enough and in order, covering the most content.

    A weighted longest common subsequence: "equal" means similarity >= ``min_similarity``,
    and a pair weighs as many content stems as the smaller of its two sentences, so that
    long aligned sentences count more than shared one-line quotes.
    """
    rows, cols = len(first), len(second)
    best = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        for j in range(1, cols + 1):
            score = max(best[i - 1][j], best[i][j - 1])
            if sentence_similarity(first[i - 1], second[j - 1]) >= min_similarity:
                weight = min(len(first[i - 1]), len(second[j - 1]))
                score = max(score, best[i - 1][j - 1] + weight)
            best[i][j] = score
    pairs: list[tuple[int, int]] = []
    i, j = rows, cols
    while i > 0 and j > 0:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return pairs[::-1]


def aligned_coverage(
    first: Sequence[frozenset[str]], second: Sequence[frozenset[str]], min_similarity: float
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
