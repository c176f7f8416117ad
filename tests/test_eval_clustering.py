"""Clustering metrics on hand-computed cases, and the eval job on NewsWCL50."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.errors import InputError
from newsbrief.evaluate.clustering import bcubed, evaluate_clustering, pairwise


def test_bcubed_and_pairwise_by_hand():
    gold = ["a", "a", "a", "b", "b"]
    # One cluster for everything: each item's precision is 3/5 or 2/5, recall 1.
    p, r, f = bcubed([0] * 5, gold)
    assert p == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)
    assert r == 1.0
    assert f == pytest.approx(2 * p / (p + 1))
    # Singletons: precision 1, recall (3 * 1/3 + 2 * 1/2) / 5.
    p, r, _ = bcubed([0, 1, 2, 3, 4], gold)
    assert (p, r) == (1.0, pytest.approx(2 / 5))
    # Pairwise: gold pairs 3 + 1 = 4; predicted {0,1},{2,3,4} -> pairs 1 + 3, shared 1 + 1.
    p, r, f = pairwise([0, 0, 1, 1, 1], gold)
    assert (p, r) == (pytest.approx(2 / 4), pytest.approx(2 / 4))
    assert bcubed(gold, gold)[2] == 1.0 and pairwise(gold, gold)[2] == 1.0


@pytest.mark.slow
def test_newswcl50_events_are_recovered_beside_baselines(shared_data: Path) -> None:
    result = evaluate_clustering(shared_data / "clustering" / "newswcl50.jsonl")
    assert result.n == 50
    systems = set(result.metric)
    assert {"newsbrief", "newsbrief online", "hdbscan-usem3"} <= systems
    assert any("oracle k" in name for name in systems)
    assert any("oracle threshold" in name for name in systems)
    # Ten events, five outlets each, left to right: batch recovers nearly all of them;
    # online loses the undated articles that arrive after their event closed.
    assert result.metric["newsbrief"]["bcubed-f1"] >= 0.95
    # The 13 undated articles, streamed last, join their events though these closed.
    assert result.metric["newsbrief online"] == result.metric["newsbrief"]
    assert "newsbrief stories" in result.metric
    assert result.details["clusters"]["gold"] == 10
    assert 8 <= result.details["clusters"]["newsbrief"] <= 12


def test_bad_dataset_is_an_input_error(tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "text": "no event label"}\n')
    with pytest.raises(InputError):
        evaluate_clustering(broken)
    with pytest.raises(InputError):
        evaluate_clustering(tmp_path / "missing.jsonl")
