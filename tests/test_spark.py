"""The Spark job distributes the local stages and gives the local pipeline's results.

One Spark job per input set (module-scoped fixtures, one SparkSession for the module):
the seeds with a corrupt gzip and a repeated file (one window: must equal the local run
exactly), and NewsWCL50 cut into 7-day windows (several windows plus undated articles).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsbrief.config import Config
from newsbrief.pipeline import build_briefs, prepare_articles, read_articles
from newsbrief.spark.windows import (
    join_groups,
    one_window,
    resolve_windows,
    window_keys,
    windows_of,
)

pyspark = pytest.importorskip("pyspark")

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
SEEDS = SHARED / "seeds"


# Windows (no Spark needed) ------------------------------------------------------------


def test_every_pair_close_enough_to_share_an_event_shares_a_window() -> None:
    start = dt.date(2020, 1, 1)
    days = [start + dt.timedelta(days=n) for n in range(60)]
    for window_days in (1, 5, 7, 30):
        for first in days:
            for second in days:
                if 0 <= (second - first).days <= 7:
                    shared = set(windows_of(first, window_days, 7)) & set(
                        windows_of(second, window_days, 7)
                    )
                    assert shared, (first, second, window_days)


def test_one_window_holds_a_week_of_news_but_not_a_year() -> None:
    week = [dt.date(2020, 1, 7), dt.date(2020, 1, 9), None, dt.date(2020, 1, 14)]
    assert one_window(week, 30, 7)
    assert not one_window([dt.date(2020, 1, 7), dt.date(2021, 1, 7)], 30, 7)
    # Across several windows, undated articles are clustered in every window.
    assert window_keys(None, 30, 7, single=False, every_window=[3, 4]) == [3, 4]
    assert window_keys(dt.date(2020, 1, 7), 30, 7, single=True) == [0]


def test_events_of_neighbouring_windows_sharing_an_article_are_joined() -> None:
    groups = [["a", "b"], ["c"], ["b", "d"], ["e", "c"], ["f"]]
    joined = sorted(sorted(group) for group in join_groups(groups))
    assert joined == [["a", "b", "d"], ["c", "e"], ["f"]]


def test_undated_articles_stay_in_the_group_they_are_most_similar_to() -> None:
    dated = {"a", "b", "c", "d"}
    window_groups = [
        (1, ["a", "b", "u"], {"u": 0.6}),  # u is closest to a and b ...
        (2, ["b", "c"], {}),  # ... b is in windows 1 and 2: its groups are joined
        (2, ["d", "u"], {"u": 0.4}),
        (3, ["u", "v"], {"u": 0.3, "v": 0.3}),  # only undated: v stays there, alone
        (1, ["v"], {"v": 0.0}),
    ]
    events = sorted(sorted(group) for group in resolve_windows(window_groups, dated))
    assert events == [["a", "b", "c", "u"], ["d"], ["v"]]


# One window: the seeds, exactly as locally -------------------------------------------


def _events(document: dict[str, Any]) -> set[frozenset[str]]:
    return {frozenset(a["id"] for a in e["articles"]) for e in document["events"]}


def _local_document(inputs: list[str], config: Config) -> dict[str, Any]:
    from newsbrief.render.json import render_json

    briefs, report = build_briefs(inputs, config)
    return json.loads(render_json(briefs, report))


@pytest.fixture(scope="module")
def spark_session() -> Iterator[Any]:
    from newsbrief.spark.job import spark_session as start

    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java 17: apt-get install openjdk-17-jre-headless")

    session = start("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def seeds_run(spark_session: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from newsbrief.spark import run_spark_job

    root = tmp_path_factory.mktemp("seeds")
    inputs = root / "in"
    (inputs / "again").mkdir(parents=True)
    for seed in sorted(SEEDS.iterdir()):
        (inputs / seed.name).write_bytes(seed.read_bytes())
    # The same article twice, and a WARC whose gzip stream is corrupt.
    first_seed = sorted(SEEDS.iterdir())[1]
    (inputs / "again" / first_seed.name).write_bytes(first_seed.read_bytes())
    (inputs / "broken.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    # A dataset's documentation is no article (a note, locally and on Spark).
    (inputs / "README.md").write_text("# Five reports\n\nCanada moves troops to Kuwait.\n")
    (inputs / "again" / "LICENSE").write_text("Public domain. Reuse freely, with credit.\n")
    config = Config()
    paths = [str(root / "missing.jsonl"), str(inputs)]
    report = run_spark_job(paths, root / "out", config, master="local[2]")
    return {
        "report": report,
        "out": root / "out",
        "spark": json.loads((root / "out" / "briefs.json").read_text(encoding="utf-8")),
        "local": _local_document(paths, config),
        "inputs": inputs,
        "config": config,
    }


def test_spark_events_and_briefs_equal_the_local_pipeline(seeds_run: dict[str, Any]) -> None:
    spark, local = seeds_run["spark"], seeds_run["local"]
    assert _events(spark) == _events(local)
    assert len(spark["events"]) == 1  # the five reports are one event
    assert spark["events"] == local["events"]
    assert seeds_run["report"].windows == 1


def test_bad_inputs_are_reported_like_the_local_pipeline(seeds_run: dict[str, Any]) -> None:
    spark, local = seeds_run["spark"], seeds_run["local"]
    assert spark["rejected"] == local["rejected"]
    reasons = {Path(r.source).name: r.reason for r in seeds_run["report"].rejected}
    assert "broken.warc.gz" in reasons
    assert reasons["missing.jsonl"] == "no such file or folder"
    assert any(reason.startswith("same article as") for reason in reasons.values())
    (documents,) = [r for r in seeds_run["report"].rejected if "documentation" in r.reason]
    folder = seeds_run["inputs"]
    assert documents.source == str(folder) and documents.reason.endswith(
        f"{folder / 'README.md'}, {folder / 'again' / 'LICENSE'}"
    )
    assert spark["report"]["counts"] == local["report"]["counts"]


def test_band_key_candidate_pairs_equal_the_local_lsh_index(seeds_run: dict[str, Any]) -> None:
    from newsbrief.dedup import article_signature, candidate_pairs

    config = seeds_run["config"]
    articles, _ = read_articles([seeds_run["inputs"]], config)
    prepared, _ = prepare_articles(articles, config)
    signatures = [article_signature(a, config.dedup) for a in prepared]
    local_pairs = candidate_pairs(signatures, config.dedup)
    assert local_pairs  # the re-translation 002 is a candidate of 001
    assert set(seeds_run["report"].candidate_pairs) == local_pairs


def test_parquet_tables_hold_articles_copies_and_events(
    seeds_run: dict[str, Any], spark_session: Any
) -> None:
    out = seeds_run["out"]
    local_event = seeds_run["local"]["events"][0]
    articles = spark_session.read.parquet(str(out / "articles")).collect()
    assert {row.id for row in articles} == {a["id"] for a in local_event["articles"]}
    assert {row.event_id for row in articles} == {local_event["id"]}
    local_copies = {(a["copy_of"], a["id"]) for a in local_event["articles"] if a["copy_of"]}
    copies = spark_session.read.parquet(str(out / "copies")).collect()
    assert {(row.canonical_id, row.copy_id) for row in copies} == local_copies
    assert local_copies  # 002 re-translates the wire story of 001
    events = spark_session.read.parquet(str(out / "events")).collect()
    assert [(row.event_id, row.headline) for row in events] == [
        (local_event["id"], local_event["headline"])
    ]


# Several windows: NewsWCL50 in 7-day windows -----------------------------------------


@pytest.mark.slow
def test_windowed_events_stay_close_to_the_single_process_ones(
    spark_session: Any, tmp_path: Path
) -> None:
    from newsbrief.evaluate.clustering import bcubed
    from newsbrief.spark import SparkSettings, run_spark_job

    # Four NewsWCL50 events (20 articles, 5 undated) from April 17 to May 1 2018, in
    # 3-day windows (10 days with the overlap): several windows.
    inputs = tmp_path / "in"
    inputs.mkdir()
    lines = (SHARED / "clustering" / "newswcl50.jsonl").read_text(encoding="utf-8").splitlines()
    chosen = [line for line in lines if json.loads(line)["event"] in {"0", "1", "8", "9"}]
    (inputs / "newswcl50.jsonl").write_text("\n".join(chosen) + "\n", encoding="utf-8")
    config = Config()
    report = run_spark_job(
        [str(inputs)], tmp_path / "out", config, "local[2]", SparkSettings(window_days=3)
    )
    spark = json.loads((tmp_path / "out" / "briefs.json").read_text(encoding="utf-8"))
    local = _local_document([str(inputs)], config)
    assert report.windows > 1
    spark_of = {a["id"]: e["id"] for e in spark["events"] for a in e["articles"]}
    local_of = {a["id"]: e["id"] for e in local["events"] for a in e["articles"]}
    assert set(spark_of) == set(local_of)
    ids = sorted(local_of)
    _, _, f1 = bcubed([spark_of[i] for i in ids], [local_of[i] for i in ids])
    assert f1 >= 0.9, f1
    # Undated articles, clustered in every window, still join events of dated ones.
    mixed = [e for e in spark["events"] if len({a["date"] is None for a in e["articles"]}) == 2]
    assert mixed, _events(spark)


# One pipeline: brief, update and Spark -----------------------------------------------


def _newswcl50_slice(folder: Path) -> None:
    """Four NewsWCL50 events (20 articles, 5 undated), April 17 to May 1 2018."""
    lines = (SHARED / "clustering" / "newswcl50.jsonl").read_text(encoding="utf-8").splitlines()
    chosen = [line for line in lines if json.loads(line)["event"] in {"0", "1", "8", "9"}]
    (folder / "newswcl50.jsonl").write_text("\n".join(chosen) + "\n", encoding="utf-8")


def _seeds(folder: Path) -> None:
    for seed in sorted(SEEDS.iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())


def _comparable(brief: dict[str, Any]) -> dict[str, Any]:
    """A brief's JSON; the articles of a development as a set: the store lists the reports
    of one day in the order the online clusterer took them, the batch in reading order."""
    developments = [dict(d, articles=sorted(d["articles"])) for d in brief.get("developments", [])]
    return dict(brief, developments=developments)


@pytest.mark.slow
@pytest.mark.parametrize("write_inputs", [_seeds, _newswcl50_slice], ids=["seeds", "newswcl50"])
def test_brief_update_and_spark_give_the_same_briefs(
    spark_session: Any, tmp_path: Path, write_inputs: Any
) -> None:
    import sqlite3
    from contextlib import closing

    from newsbrief.spark import run_spark_job
    from newsbrief.store import ingest, update

    inputs = tmp_path / "in"
    inputs.mkdir()
    write_inputs(inputs)
    config = Config()
    local = _local_document([str(inputs)], config)["events"]
    db_path = tmp_path / "news.db"
    ingest([inputs], db_path)
    update(db_path)
    with closing(sqlite3.connect(db_path)) as connection:
        stored = [json.loads(row[0]) for row in connection.execute("SELECT brief FROM briefs")]
    run_spark_job([str(inputs)], tmp_path / "out", config, "local[2]")
    spark = json.loads((tmp_path / "out" / "briefs.json").read_text(encoding="utf-8"))["events"]

    def by_id(briefs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        return {brief["id"]: _comparable(brief) for brief in briefs}

    assert len(local) >= 1 and all(brief["headline"] for brief in local)
    assert by_id(stored) == by_id(local)
    assert by_id(spark) == by_id(local)
    assert spark == local  # Spark keeps the local order too, of briefs and their articles


def test_a_record_reusing_an_id_with_other_text_is_kept_under_a_new_id_as_locally(
    spark_session: Any, tmp_path: Path
) -> None:
    from newsbrief.spark import run_spark_job

    lines = (SHARED / "clustering" / "newswcl50.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines[:6]]
    records[3]["id"] = records[0]["id"]  # a JSONL dump numbering per topic: other text
    records.append(dict(records[1]))  # the same article twice: dropped, reported
    (tmp_path / "in").mkdir()
    text = "\n".join(json.dumps(record) for record in records) + "\n"
    (tmp_path / "in" / "dump.jsonl").write_text(text, encoding="utf-8")
    config = Config(workers=1)
    local = _local_document([str(tmp_path / "in")], config)
    run_spark_job([str(tmp_path / "in")], tmp_path / "out", config, "local[2]")
    spark = json.loads((tmp_path / "out" / "briefs.json").read_text(encoding="utf-8"))
    assert _events(spark) == _events(local)
    assert sum(len(e) for e in _events(spark)) == 6  # the renamed record is briefed too
    assert spark["rejected"] == local["rejected"]
    assert any("also names other text" in r["reason"] for r in spark["rejected"])
