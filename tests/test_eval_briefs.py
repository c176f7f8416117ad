"""``newsbrief eval briefs``: the metrics on honest hand-made cases and the seeds' real brief."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsbrief.cli import main
from newsbrief.evaluate.briefs import (
    attribution_violations,
    entity_matches,
    evaluate_briefs,
    figure_matches,
    lead_baseline,
)
from newsbrief.model import Article, Claim, Entity, Fact

NETANYAHU = {
    "claim": "Iran lied about its nuclear weapons program",
    "speaker": "Benjamin Netanyahu",
    "speaker_aliases": ["Netanyahu", "Israeli Prime Minister"],
}


def test_a_claim_without_its_speaker_is_a_violation() -> None:
    sentences = [
        "Iran lied about its nuclear weapons program, documents show.",
        "Netanyahu says Iran lied about its nuclear weapons program.",
        "Oil prices rose on Monday.",
    ]
    carrying, violations = attribution_violations(sentences, [NETANYAHU])
    assert carrying == 2
    assert violations == [sentences[0]]


def test_a_figure_matches_on_a_shared_number_and_a_subject_word() -> None:
    gold = {"subject_words": ["Iraq", "in Iraq"], "values": [{"number": 500}, {"number": 300}]}
    claim = Claim("300", "more than", ("a",), "More than 300 Canadian personnel are in Iraq.", 300)
    assert figure_matches(Fact("Canadian personnel in Iraq", "300", None, (claim,), "single"), gold)
    assert not figure_matches(Fact("personnel in Kuwait", "300", None, (claim,), "single"), gold)
    other = Claim("800", "about", ("a",), "about 800 in Iraq", 800)
    assert not figure_matches(Fact("soldiers in Iraq", "800", None, (other,), "single"), gold)
    # A range states both its ends (DUC 2007 D0711C: "IBM believed it paid $5 to $15 more").
    memo = {"subject_words": ["IBM"], "values": [{"number": 5}]}
    paid = Claim("$5 to $15", None, ("a",), "IBM believed it paid $5 to $15 more.", 15)
    assert figure_matches(Fact("money IBM paid", "$", None, (paid,), "single"), memo)


def test_an_alias_shown_beside_its_name_is_a_duplicate() -> None:
    gold = [{"name": "James Comey", "aliases": ["Comey"]}, {"name": "Kim Jong Un", "aliases": []}]
    shown = [Entity("Comey", "person", 95, ()), Entity("James Comey", "person", 6, ())]
    assert entity_matches(shown, gold) == (1, 1)


def test_the_lead_baseline_puts_every_dated_sentence_on_the_timeline() -> None:
    article = Article(
        "a",
        "text",
        date=dt.date(2020, 1, 7),
        sentences=("Canada moved 500 soldiers on Tuesday.", "It was cold."),
    )
    brief = lead_baseline([article])
    assert brief.headline == "Canada moved 500 soldiers on Tuesday."
    assert [entry.date for entry in brief.timeline] == [dt.date(2020, 1, 7)]
    assert [fact.subject for fact in brief.facts] == ["soldiers on Tuesday"]


@pytest.fixture()
def seeds_gold(tmp_path: Path, shared_data: Path) -> Path:
    path = tmp_path / "seeds_gold.jsonl"
    with open(shared_data / "briefs" / "briefs_dev.jsonl", encoding="utf-8") as lines:
        seeds = [line for line in lines if json.loads(line)["id"] == "seeds"]
    path.write_text("".join(seeds), encoding="utf-8")
    return path


def test_the_seeds_brief_is_scored_beside_the_baseline(seeds_gold: Path) -> None:
    result = evaluate_briefs(seeds_gold)
    ours, baseline = result.metric["newsbrief"], result.metric["lead-baseline"]
    assert result.n == 1
    assert ours["briefs-per-story"] == 1.0
    assert ours["attribution-violations"] == 0
    # The seeds' one real conflict (about 500 vs more than 300 soldiers in Iraq) is found.
    assert ours["conflict-recall"] == 1.0
    assert ours["headline-rouge-1"] > baseline["headline-rouge-1"]
    assert ours["figure-precision"] > baseline["figure-precision"]
    assert ours["entity-recall"] >= 0.9
    for name, value in ours.items():
        if name not in ("attribution-violations", "entity-duplicates", "briefs-per-story"):
            assert 0.0 <= value <= 1.0, name


def test_the_command_prints_one_json_object(
    seeds_gold: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "briefs", str(seeds_gold), "--json", "-q"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["n"] == 1
    assert set(printed["metric"]) == {"newsbrief", "lead-baseline"}
    assert "figure-precision" in printed["metric"]["newsbrief"]
