"""The tilse timeline metric on tiny hand-checked timelines, and a small Timeline17 run."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from newsbrief.errors import InputError
from newsbrief.evaluate.timelines import (
    DATEWISE_PUBLISHED,
    alignment_rouge,
    date_f1,
    evaluate_timelines,
    rouge_tokens,
    score_timeline,
)

D = dt.date
REFERENCE = {
    D(2011, 1, 25): ["Protesters march through Cairo demanding reform ."],
    D(2011, 1, 28): ["The army is deployed in the capital as police withdraw ."],
}


def test_identical_timeline_scores_one() -> None:
    assert score_timeline(REFERENCE, REFERENCE) == {"ar1-f": 1.0, "ar2-f": 1.0, "date-f1": 1.0}


def test_one_day_off_halves_rouge_and_zeroes_date_f1() -> None:
    # Each predicted date aligns to the reference date one day away: matches weigh 1/(1+1).
    shifted = {day + dt.timedelta(days=1): text for day, text in REFERENCE.items()}
    scores = score_timeline(shifted, REFERENCE)
    assert scores["ar1-f"] == pytest.approx(0.5)
    assert scores["ar2-f"] == pytest.approx(0.5)
    assert scores["date-f1"] == 0.0


def test_right_dates_wrong_content() -> None:
    other = {day: ["Completely unrelated football results today ."] for day in REFERENCE}
    scores = score_timeline(other, REFERENCE)
    assert scores["ar1-f"] == 0.0 and scores["date-f1"] == 1.0


def test_date_f1_counts_shared_dates() -> None:
    predicted = {D(2011, 1, 25): ["x"], D(2011, 2, 1): ["y"], D(2011, 2, 2): ["z"]}
    # P = 1/3, R = 1/2 -> F1 = 0.4
    assert date_f1(predicted, REFERENCE) == pytest.approx(0.4)
    assert date_f1({}, REFERENCE) == 0.0


def test_rouge_tokens_stem_and_drop_stopwords_and_punctuation() -> None:
    tokens = rouge_tokens(["The protesters were marching , `` peacefully '' ."])
    assert tokens == ["protest", "march", "peac"]


def test_matches_tilse_reference_implementation() -> None:
    # Expected values computed with tilse 0.2.1 (TimelineRougeEvaluator, rouge_computation=
    # "reimpl", evaluate_align_date_content_costs_many_to_one) on this exact input.
    reference = {
        D(2010, 4, 20): ["An explosion on the Deepwater Horizon rig kills 11 workers ."],
        D(2010, 4, 22): ["The rig sinks and oil begins leaking into the Gulf of Mexico ."],
        D(2010, 7, 15): ["BP caps the well , stopping the flow of oil for the first time ."],
    }
    predicted = {
        D(2010, 4, 21): ["Eleven workers are missing after an explosion on the rig ."],
        D(2010, 4, 22): ["Oil is leaking into the Gulf of Mexico after the rig sinks ."],
        D(2010, 6, 1): ["BP 's chief executive says the company will pay for the clean-up ."],
    }
    rouge1 = alignment_rouge(predicted, reference, 1)
    rouge2 = alignment_rouge(predicted, reference, 2)
    assert rouge1["precision"] == pytest.approx(0.44248366013071894)
    assert rouge1["recall"] == pytest.approx(0.3582010582010582)
    assert rouge1["f1"] == pytest.approx(0.395906432748538)
    assert rouge2["f1"] == pytest.approx(0.1875)


def test_small_timeline17_subset(shared_data: Path, tmp_path: Path) -> None:
    # Two smallest tasks (H1N1 BBC and Guardian) keep the run short.
    source = shared_data / "timelines" / "timeline17_dev.jsonl.gz"
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        tasks = [json.loads(line) for line in handle]
    subset = [t for t in tasks if t["id"] in {"H1N1_bbc", "H1N1_guardian"}]
    path = tmp_path / "t17_subset.jsonl"
    path.write_text("\n".join(json.dumps(t) for t in subset), encoding="utf-8")
    result = evaluate_timelines(path)
    assert result.n == 2
    assert set(result.metric) >= {"newsbrief", "random dates + leads", "datewise (published)"}
    assert result.metric["datewise (published)"] == DATEWISE_PUBLISHED
    ours = result.metric["newsbrief"]
    assert all(0.0 <= value <= 1.0 for value in ours.values())
    # Dated mentions find most reference dates on these topics; content overlaps the reference.
    assert ours["date-f1"] >= 0.6
    assert ours["ar1-f"] > 0.08
    assert ours["date-f1"] >= result.metric["random dates + leads"]["date-f1"]
    # per-timeline scores carry their topic, for leave-one-topic-out cross-validation
    assert set(result.details["topics"].values()) == {"H1N1"}
    assert set(result.details["topics"]) == set(result.details["per_timeline"])


def test_malformed_dataset_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "articles": []}\n', encoding="utf-8")
    with pytest.raises(InputError, match="not a timeline task"):
        evaluate_timelines(path)
