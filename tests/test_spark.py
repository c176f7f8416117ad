"""The Spark job gives the local pipeline's events and briefs on the seeds (local[2])."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief.config import Config
from newsbrief.pipeline import build_briefs

pytest.importorskip("pyspark")

SEEDS = Path("/work/shared/data/seeds")


def _events(document: dict) -> set[frozenset[str]]:
    return {frozenset(a["id"] for a in e["articles"]) for e in document["events"]}


def test_spark_matches_local_pipeline_on_seeds_with_a_corrupt_file(tmp_path: Path) -> None:
    from newsbrief.render.json import render_json
    from newsbrief.spark import run_spark_job

    inputs = tmp_path / "in"
    inputs.mkdir()
    for seed in sorted(SEEDS.iterdir()):
        if seed.is_file():
            (inputs / seed.name).write_bytes(seed.read_bytes())
    (inputs / "broken.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    config = Config()
    report = run_spark_job([str(inputs)], tmp_path / "out", config, master="local[2]")
    briefs, local_report = build_briefs([inputs], config)
    spark_doc = json.loads((tmp_path / "out" / "briefs.json").read_text())
    local_doc = json.loads(render_json(briefs, local_report))
    assert _events(spark_doc) == _events(local_doc)
    assert spark_doc["events"] == local_doc["events"]
    assert any("broken" in r.source for r in report.rejected)
