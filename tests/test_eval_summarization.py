"""``evaluate_summarization``: our summarizers beside the official peers, in one run."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from newsbrief.errors import InputError
from newsbrief.evaluate.summarization import (
    evaluate_summarization,
    peer_row_name,
    uses_jackknife,
)
from newsbrief.model import Article
from newsbrief.summarize.baselines import BASELINES

# The evaluation data beside the checkout (../shared/data), as CI provides it.
DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "summarization"

TROOPS = (
    "Canada is moving some of its troops out of Iraq to Kuwait. "
    "About 500 Canadian personnel are deployed in Iraq. "
    "The move follows the killing of an Iranian general by a U.S. strike."
)
MARKETS = "Stock markets rose on Friday. Oil prices fell sharply after the report."


def _write_jsonl(path: Path, records: Sequence[dict]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """Two topics; the second is an update subset that has read the first."""
    clusters = [
        {
            "id": "T1-A",
            "query": "Canadian troops\nWhere are Canadian troops moving?",
            "target_words": 30,
            "articles": [
                {"id": "a1", "date": "2020-01-07", "source": "x", "title": None, "text": TROOPS},
                {"id": "a2", "date": "2020-01-08", "source": "y", "title": None, "text": ""},
            ],
            "references": [TROOPS, TROOPS],
            "reference_ids": ["A", "B"],
        },
        {
            "id": "T1-B",
            "query": None,
            "target_words": 30,
            "read_before": ["T1-A"],
            "articles": [{"id": "b1", "date": "2020-01-09", "text": MARKETS}],
            "references": [MARKETS, MARKETS],
            "reference_ids": ["A", "B"],
        },
    ]
    data = _write_jsonl(tmp_path / "tiny.jsonl", clusters)
    _write_jsonl(
        tmp_path / "tiny.peers.jsonl",
        [
            {"id": "T1-A", "system": "7", "summary": TROOPS},
            {"id": "T1-B", "system": "7", "summary": MARKETS},
            {"id": "T1-A", "system": "9", "summary": "Zebras graze quietly."},
            {"id": "T1-B", "system": "9", "summary": "Zebras graze quietly."},
            {"id": "T1-A", "system": "A", "summary": TROOPS},
            {"id": "T1-B", "system": "A", "summary": MARKETS},
        ],
    )
    return data


def test_scores_baselines_and_peers_in_one_run(tiny: Path) -> None:
    result = evaluate_summarization(tiny, systems=["lead", "centroid"], summarizers=BASELINES)
    assert result.n == 2
    assert {"lead", "centroid", "peer 7", "peer 9", "human A"} <= set(result.metric)
    # A peer that copies the references scores 1; one with no shared word scores 0.
    assert result.metric["peer 7"]["rouge-2"] == pytest.approx(1.0)
    assert result.metric["peer 9"]["rouge-1"] == 0.0
    # The human is scored against the other reference only, still a copy: 1.
    assert result.metric["human A"]["rouge-su4"] == pytest.approx(1.0)
    # Lead of the most recent non-empty article, cut at 30 words: most of the text.
    assert result.metric["lead"]["rouge-1"] > 0.6
    assert set(result.to_json()["metric"]["lead"]) == {"rouge-1", "rouge-2", "rouge-su4"}
    # The update subset (one cluster read before) is also reported on its own.
    steps = result.details["by_update_step"]["peer 7"]
    assert set(steps) == {"after 0 read", "after 1 read"}
    assert steps["after 1 read"]["rouge-2"] == pytest.approx(1.0)


def test_passes_query_target_and_earlier_subsets_as_read_before(tiny: Path) -> None:
    calls: list[tuple[list[str], int, str | None, list[str]]] = []

    def recording(
        articles: Sequence[Article],
        budget_words: int,
        query: str | None = None,
        read_before: Sequence[Article] = (),
    ) -> list[str]:
        calls.append(([a.id for a in articles], budget_words, query, [a.id for a in read_before]))
        return BASELINES["lead"](articles, budget_words, query, read_before)

    evaluate_summarization(tiny, peers_path=None, summarizers={"recording": recording})
    assert calls[0] == (["a1", "a2"], 30, "Canadian troops\nWhere are Canadian troops moving?", [])
    assert calls[1] == (["b1"], 30, None, ["a1", "a2"])


def test_summaries_longer_than_the_target_are_cut(tiny: Path) -> None:
    long_text = " ".join([TROOPS] * 5)

    def verbose(articles, budget_words, query=None, read_before=()):  # type: ignore[no-untyped-def]
        return [long_text]

    def exact(articles, budget_words, query=None, read_before=()):  # type: ignore[no-untyped-def]
        return [" ".join(long_text.split()[:budget_words])]

    result = evaluate_summarization(tiny, summarizers={"verbose": verbose, "exact": exact})
    assert result.metric["verbose"] == result.metric["exact"]


def test_bad_requests_raise_input_errors(tiny: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown summarizer"):
        evaluate_summarization(tiny, systems=["nope"], summarizers=BASELINES)
    no_refs = _write_jsonl(
        tmp_path / "norefs.jsonl",
        [{"id": "x", "target_words": 100, "articles": [{"id": "1", "text": TROOPS}]}],
    )
    with pytest.raises(InputError, match="no cluster has references"):
        evaluate_summarization(no_refs, summarizers=BASELINES)
    with pytest.raises(InputError, match="no such file"):
        evaluate_summarization(tiny, peers_path=tmp_path / "missing.peers.jsonl")


def test_published_settings_decide_length_limit_and_jackknifing(tiny: Path) -> None:
    published = {
        "settings": "-n 2 -m -2 4 -u -l 5",
        "jackknife": "no: all references in one evaluation",
        "systems": {"7": {"kind": "system", "metrics": {"rouge-1": {"recall": 1.0}}}},
    }
    (tiny.parent / "tiny.published.json").write_text(json.dumps(published))
    result = evaluate_summarization(tiny, systems=["lead"], summarizers=BASELINES)
    assert "no jackknifing" in result.settings
    # -l 5 cuts references and the copying peer alike: still a perfect match.
    assert result.metric["peer 7"]["rouge-1"] == pytest.approx(1.0)
    assert result.details["published"]["peer 7"] == {"rouge-1": 1.0}
    assert result.details["max_abs_deviation"]["rouge-1"] == pytest.approx(0.0)


def test_peer_lines_that_cannot_be_scored_are_reported(tiny: Path) -> None:
    peers = tiny.with_name("tiny.peers.jsonl")
    with peers.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "T9-Z", "system": "7", "summary": TROOPS}) + "\n")
        handle.write(json.dumps({"id": "T1-A", "summary": TROOPS}) + "\n")
    result = evaluate_summarization(tiny, systems=[], summarizers={})
    reasons = [entry["reason"] for entry in result.details["unscored_peer_summaries"]]
    assert reasons == ["unknown cluster", "no system id"]
    assert result.metric["peer 7"]["rouge-2"] == pytest.approx(1.0)


def test_peer_rows_are_named_by_kind() -> None:
    assert peer_row_name("24") == "peer 24"
    assert peer_row_name("C") == "human C"
    assert peer_row_name("ICSISumm") == "peer ICSISumm"
    assert peer_row_name("ICSISumm", "system") == "peer ICSISumm"
    assert peer_row_name("Z", "system") == "peer Z"


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("yes: over the 4 references", True),
        (None, True),
        (True, True),
        ("no", False),
        (False, False),
    ],
)
def test_jackknife_entry_of_published_json(entry: object, expected: bool) -> None:
    assert uses_jackknife(entry) is expected


def test_published_systems_without_summaries_are_listed_not_scored(tiny: Path) -> None:
    published = {
        "settings": "-n 2 -m -2 4 -u",
        "systems": {
            "7": {"kind": "system", "metrics": {"rouge-2": {"recall": 1.0}}},
            "CLASSY": {"kind": "system", "metrics": {"rouge-2": {"recall": 0.09}}},
        },
    }
    (tiny.parent / "tiny.published.json").write_text(json.dumps(published))
    result = evaluate_summarization(tiny, systems=[], summarizers={})
    assert "peer CLASSY" not in result.metric
    assert result.details["not_recomputed"] == ["peer CLASSY"]
    assert result.details["published"]["peer CLASSY"] == {"rouge-2": 0.09}
    assert result.details["max_abs_deviation"]["rouge-2"] == pytest.approx(0.0)


@pytest.mark.slow
@pytest.mark.parametrize("data_file", ["duc2006.jsonl.gz", "duc2007_update.jsonl"])
def test_every_official_peer_is_reproduced(data_file: str) -> None:
    result = evaluate_summarization(DATA / data_file, systems=[], summarizers={})
    published = result.details["published"]
    assert len(published) == (45 if data_file.startswith("duc2006") else 34)
    for name, figures in published.items():
        for metric in ("rouge-2", "rouge-su4"):
            assert abs(result.metric[name][metric] - figures[metric]) <= 0.002, (name, metric)
    # In fact every figure matches to the 5 printed decimals.
    assert max(result.details["max_abs_deviation"].values()) < 5e-6
