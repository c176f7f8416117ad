"""Extraction evaluation: the scorer reproduces the published ScrapingHub table from the
saved tool outputs, and the three benchmarks (ScrapingHub, trafilatura's, fundus_dev page
metadata) run end to end on a subset of real pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief.errors import InputError
from newsbrief.evaluate import read_jsonl
from newsbrief.evaluate.extraction import (
    _evaldata_rows,
    evaluate_extraction,
    score_page,
    snippet_counts,
    summarize_pages,
    summarize_snippets,
)
from newsbrief.evaluate.metadata import authors_f1, publisher_folds


@pytest.mark.parametrize(
    ("tool", "published_name"),
    [
        ("trafilatura", "trafilatura"),
        ("readability-lxml", "readability (readability-lxml)"),
        ("justext", "justext"),
    ],
)
def test_saved_outputs_rescore_to_the_published_table(
    shared_data: Path, tool: str, published_name: str
) -> None:
    folder = shared_data / "extraction" / "scrapinghub"
    gold = list(read_jsonl(folder / "gold.jsonl"))
    predicted = {
        r["id"]: r.get("text") or ""
        for r in read_jsonl(folder / "tool_outputs" / tool / "predictions.jsonl")
    }
    scores = summarize_pages([score_page(r["text"], predicted.get(r["id"], "")) for r in gold])
    table = json.loads((folder / "published.json").read_text())["tables"]["latest"]
    published = next(row for row in table if row["tool"] == published_name)
    for key in ("f1", "precision", "recall", "accuracy"):
        assert scores[key] == pytest.approx(published[key], abs=0.005), key


def test_shingle_score_counts_missing_and_extra_text() -> None:
    gold = "Canada is moving some of its troops out of Iraq to Kuwait"
    perfect = score_page(gold, gold)
    assert perfect.fp == 0 and perfect.fn == 0 and perfect.exact
    with_boilerplate = score_page(gold, gold + " Sign up for our newsletter today please")
    assert with_boilerplate.fp > 0 and with_boilerplate.fn == 0
    empty = score_page(gold, "")
    assert empty.tp == 0 and empty.fp == 0  # empty output: no precision, zero recall
    summary = summarize_pages([perfect, empty])
    assert summary["precision"] == 1.0 and summary["recall"] == 0.5


def test_snippet_metric_is_summed_over_pages() -> None:
    output = "Troops  moved\nto Kuwait. Share this"
    counts = snippet_counts(output, ["Troops moved to"], ["Share this"])
    counts += snippet_counts("", ["anything"], ["Impressum"])
    assert dict(counts) == {"tp": 1, "fn": 1, "fp": 1, "tn": 1}
    assert summarize_snippets(counts)["f1"] == pytest.approx(0.5)


def _subset(shared_data: Path, dataset: str, tmp_path: Path, size: int) -> Path:
    folder = shared_data / "extraction" / dataset
    rows = list(read_jsonl(folder / "gold.jsonl"))[:size]
    path = tmp_path / "gold.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            row["html"] = str(folder / row["html"])  # absolute: resolves from anywhere
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def test_scrapinghub_subset_scores_newsbrief_beside_trafilatura(
    shared_data: Path, tmp_path: Path
) -> None:
    result = evaluate_extraction(_subset(shared_data, "scrapinghub", tmp_path, 12))
    assert result.n == 12
    live = [name for name in result.metric if name.endswith("(live)")]
    assert len(live) == 1 and live[0].startswith("trafilatura-")
    assert result.metric["newsbrief"]["f1"] > 0.85
    assert result.metric[live[0]]["f1"] > 0.85


def test_trafilatura_benchmark_subset_uses_the_snippet_metric(
    shared_data: Path, tmp_path: Path
) -> None:
    result = evaluate_extraction(_subset(shared_data, "trafilatura_eval", tmp_path, 15))
    assert result.n == 15
    assert "trafilatura-2.2.0 standard (published)" in result.metric
    assert 0.7 < result.metric["newsbrief"]["f1"] <= 1.0
    assert "accuracy" in result.metric["newsbrief"]


def test_evaldata_json_is_read_with_its_pages(shared_data: Path) -> None:
    rows = _evaldata_rows(shared_data / "extraction" / "trafilatura_eval" / "evaldata.json")
    assert len(rows) == 990
    folder = shared_data / "extraction" / "trafilatura_eval"
    assert all((folder / row["html"]).is_file() for row in rows)


def test_gold_of_neither_benchmark_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "x", "summary": "y"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="either"):
        evaluate_extraction(path)


def test_authors_f1_compares_normalised_name_sets() -> None:
    assert authors_f1(["Adam Vidler", "AP"], ["by adam  VIDLER", "AP"]) == 1.0
    assert authors_f1(["Adam Vidler", "AP"], ["Adam Vidler"]) == pytest.approx(2 / 3)
    assert authors_f1(None, []) == 1.0  # no byline, none predicted
    assert authors_f1(None, ["Nikkei Inc"]) == 0.0


def test_folds_keep_each_publisher_together(shared_data: Path) -> None:
    rows = list(read_jsonl(shared_data / "extraction" / "fundus_dev" / "gold.jsonl"))
    folds = publisher_folds(rows)
    fold_of: dict[str, set[int]] = {}
    for row, fold in zip(rows, folds, strict=True):
        fold_of.setdefault(row["publisher"], set()).add(fold)
    assert all(len(f) == 1 for f in fold_of.values())
    assert set(folds) == set(range(5))


def test_fundus_subset_scores_metadata_of_newsbrief_and_both_baselines(
    shared_data: Path, tmp_path: Path
) -> None:
    result = evaluate_extraction(_subset(shared_data, "fundus_dev", tmp_path, 20))
    metric = result.metric
    trafilatura = next(name for name in metric if name.startswith("trafilatura-"))
    htmldate = next(name for name in metric if name.startswith("htmldate-"))
    assert set(metric[htmldate]) == {"date-accuracy"}
    for field in ("title-accuracy", "date-accuracy", "authors-f1", "f1"):
        assert metric["newsbrief"][field] >= metric[trafilatura][field], field
    assert metric["newsbrief"]["date-accuracy"] >= metric[htmldate]["date-accuracy"]
    assert metric["newsbrief"]["title-accuracy"] > 0.8 and metric["newsbrief"]["f1"] > 0.85
    held_out = next(name for name in metric if "held-out" in name)
    assert set(metric[held_out]) == {"title-accuracy", "authors-f1"}
    assert "setting chosen per fold" in result.details
