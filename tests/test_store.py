"""The store: idempotent, transactional ingest; incremental update; read functions.

Every test runs the real pipeline (readers, clean, dedup, clustering, briefs) on the seeds
(five reports of one event; 002 re-translates 001) and small hand-written fixtures.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from web_support import SEEDS, TESTS, UNTRUSTED, copy_store

from newsbrief.config import FactsConfig
from newsbrief.errors import StoreError
from newsbrief.model import Event, Fact
from newsbrief.store import (
    get_article,
    get_event,
    ingest,
    list_events,
    open_readonly,
    resolve_event_id,
    search,
    store_counts,
    update,
)
from newsbrief.store.read import fts_query

UNRELATED = TESTS / "fixtures" / "web" / "unrelated.jsonl"
CLUSTERING = SEEDS.parent / "clustering"


def seed_files(*numbers: str) -> list[Path]:
    return [next(SEEDS.glob(f"{number}_*.txt")) for number in numbers]


def stored_state(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables an update writes, for before/after comparisons."""
    with closing(sqlite3.connect(db_path)) as connection:
        return {
            table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall())
            for table in ("articles", "copies", "events", "event_articles", "briefs")
        }


def event_members(db_path: Path) -> dict[str, set[str]]:
    with closing(sqlite3.connect(db_path)) as connection:
        members: dict[str, set[str]] = {}
        for event, article in connection.execute("SELECT event_id, article_id FROM event_articles"):
            members.setdefault(event, set()).add(article)
        return members


@pytest.fixture(scope="module")
def incremental_store(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Seeds 000, 001, 003 and an unrelated story; update; then seeds 002 and 004; update."""
    folder = tmp_path_factory.mktemp("incremental")
    db_path = folder / "news.db"
    first_ingest = ingest([*seed_files("000", "001", "003"), UNRELATED], db_path)
    first = update(db_path)
    after_first = stored_state(db_path)
    members_first = event_members(db_path)
    second_ingest = ingest(seed_files("002", "004"), db_path)
    second = update(db_path)
    return {
        "db": db_path,
        "first_ingest": first_ingest,
        "first": first,
        "after_first": after_first,
        "members_first": members_first,
        "second_ingest": second_ingest,
        "second": second,
    }


def test_first_update_opens_one_event_per_story(incremental_store: dict[str, object]) -> None:
    report = incremental_store["first"]
    assert incremental_store["first_ingest"].counts["added"] == 4  # type: ignore[attr-defined]
    assert report.new_articles == 4 and report.kept == 4  # type: ignore[attr-defined]
    assert report.events_created == 2 and report.events_changed == 0  # type: ignore[attr-defined]
    groups = sorted(len(m) for m in incremental_store["members_first"].values())  # type: ignore[attr-defined]
    assert groups == [1, 3]  # the three seeds together, the bushfire story alone


def test_new_articles_join_the_stored_event_and_only_its_brief_is_rebuilt(
    incremental_store: dict[str, object],
) -> None:
    db_path: Path = incremental_store["db"]  # type: ignore[assignment]
    report = incremental_store["second"]
    assert report.new_articles == 2  # type: ignore[attr-defined]
    assert report.events_changed == 1 and report.events_created == 0  # type: ignore[attr-defined]
    assert report.briefs_rebuilt == 1  # type: ignore[attr-defined]
    members = event_members(db_path)
    seeds_event = next(e for e, m in members.items() if len(m) == 5)
    assert sorted(len(m) for m in members.values()) == [1, 5]

    with closing(open_readonly(db_path)) as db:
        brief = get_event(db, seeds_event)
        assert brief is not None
        assert sorted(brief["built_from"]) == sorted(members[seeds_event])
        # A story keeps its id as it grows (that of its first article), and its brief
        # lists its developments.
        old_seeds_event = next(
            e
            for e, m in incremental_store["members_first"].items()
            if len(m) == 3  # type: ignore[attr-defined]
        )
        assert old_seeds_event == seeds_event
        assert resolve_event_id(db, old_seeds_event) == seeds_event
        listed = {a for d in brief["developments"] for a in d["articles"]}
        assert listed == members[seeds_event]

    # The bushfire story was not touched: same id, same brief row, same run; the seeds
    # story kept its id and got a new brief.
    before = {row[0]: row for row in incremental_store["after_first"]["briefs"]}  # type: ignore[index]
    after = {row[0]: row for row in stored_state(db_path)["briefs"]}
    assert set(before) == set(after)
    assert [story for story in before if before[story] != after[story]] == [seeds_event]


def test_each_kept_article_has_one_cached_embedding(incremental_store: dict[str, object]) -> None:
    # The second update reopened the stored events from these instead of re-embedding.
    with closing(sqlite3.connect(incremental_store["db"])) as connection:  # type: ignore[arg-type]
        cached = connection.execute(
            "SELECT count(*), count(DISTINCT article_id), min(length(embedding))"
            " FROM article_embeddings"
        ).fetchone()
        kept = connection.execute("SELECT count(*) FROM articles WHERE status = 'kept'")
        assert cached == (kept.fetchone()[0], 6, 512 * 4)


def test_the_web_keeps_a_grown_storys_page_and_lists_its_developments(
    incremental_store: dict[str, object],
) -> None:
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    from fastapi.testclient import TestClient

    from newsbrief.web import create_app

    client = TestClient(create_app(incremental_store["db"]), follow_redirects=False)  # type: ignore[arg-type]
    old = next(e for e, m in incremental_store["members_first"].items() if len(m) == 3)  # type: ignore[attr-defined]
    response = client.get("/api/events/" + old)
    assert response.status_code == 200  # the story grew; its address did not change
    assert len(response.json()["articles"]) == 5
    assert sum(len(d["articles"]) for d in response.json()["developments"]) == 5
    page = client.get("/events/" + old)
    assert page.status_code == 200 and "Developments" in page.text


def test_a_new_copy_points_to_the_stored_original(incremental_store: dict[str, object]) -> None:
    db_path: Path = incremental_store["db"]  # type: ignore[assignment]
    translation_id = _article_id(db_path, "002")
    wire_id = _article_id(db_path, "001")
    with closing(open_readonly(db_path)) as db:
        article = get_article(db, translation_id)
        assert article is not None and article["copy_of"] == wire_id
        assert translation_id in (get_article(db, wire_id) or {})["copies"]


def _article_id(db_path: Path, seed: str) -> str:
    with closing(sqlite3.connect(db_path)) as connection:
        row = connection.execute(
            "SELECT id FROM articles WHERE origin LIKE ?", (f"%/{seed}_%",)
        ).fetchone()
    return str(row[0])


def test_ingest_twice_stores_once_and_update_without_input_changes_nothing(
    incremental_store: dict[str, object], tmp_path: Path
) -> None:
    db_path = copy_store(incremental_store["db"], tmp_path)  # type: ignore[arg-type]
    before = stored_state(db_path)
    again = ingest([SEEDS, UNRELATED], db_path)
    assert again.counts["read"] == 6 and again.counts["added"] == 0
    report = update(db_path)
    assert not report.changed_anything and report.briefs_rebuilt == 0
    assert stored_state(db_path) == before


def test_ingesting_a_file_again_stores_its_problems_once(tmp_path: Path) -> None:
    # The notes on kept articles and the rejected inputs had grown with every ingest of
    # the same files (6 -> 12 -> 18 notes in /api/stats).
    dump = tmp_path / "dump.jsonl"
    record = {"title": "Fire", "text": seed_files("000")[0].read_text(), "date": "2020-13-45"}
    dump.write_text(json.dumps(record) + "\n")
    db_path = tmp_path / "news.db"
    counts = []
    for _ in range(3):
        ingest([dump, tmp_path / "missing.txt"], db_path)
        with closing(open_readonly(db_path)) as connection:
            counts.append(store_counts(connection))
    assert counts[0]["notes"] == counts[0]["rejected"] == 1
    assert [c["runs"] for c in counts] == [1, 2, 3]
    assert counts[0] == counts[1] | {"runs": 1} == counts[2] | {"runs": 1}


def test_incremental_result_matches_a_batch_run(incremental_store: dict[str, object]) -> None:
    # The five seeds are one event whether they arrive at once or in two batches.
    from newsbrief.cluster import cluster_events
    from newsbrief.config import Config
    from newsbrief.pipeline import prepare_articles, read_articles

    config = Config()
    articles, _ = read_articles([SEEDS, UNRELATED], config)
    prepared, _ = prepare_articles(articles, config)
    events = cluster_events(prepared, config.cluster)
    batch = sorted(sorted(a.id for a in e.articles) for e in events)
    stored = sorted(sorted(m) for m in event_members(incremental_store["db"]).values())  # type: ignore[arg-type]
    assert stored == batch


def test_update_in_batches_gives_the_same_events(tmp_path: Path) -> None:
    db_path = tmp_path / "news.db"
    ingest([SEEDS], db_path)
    report = update(db_path, batch_size=3)  # two transactions: 3 articles, then 2
    assert report.new_articles == 5 and report.events_created == 1
    assert report.events_changed == 1 and report.briefs_rebuilt == 2
    assert [len(m) for m in event_members(db_path).values()] == [5]
    with closing(sqlite3.connect(db_path)) as connection:
        runs = connection.execute("SELECT kind, status FROM runs").fetchall()
        assert runs == [("ingest", "done"), ("update", "done")]
        assert connection.execute("SELECT count(*) FROM copies").fetchone()[0] == 1


def test_an_article_that_bridges_stored_events_merges_them(tmp_path: Path) -> None:
    # Stored apart under a strict threshold, the seed reports are joined by a later report
    # under a loose one: the stored events merge into one, and their old ids lead to it.
    from newsbrief.config import config_from_dict

    strict = config_from_dict(
        {
            "cluster": {
                "similarity_threshold": 0.95,
                "online_similarity_threshold": 0.95,
                "story_threshold": 0.95,
            }
        }
    )
    loose = config_from_dict(
        {"cluster": {"similarity_threshold": 0.05, "online_similarity_threshold": 0.05}}
    )
    db_path = tmp_path / "news.db"
    ingest(seed_files("000", "001", "003"), db_path)
    update(db_path, strict)
    apart = event_members(db_path)
    assert len(apart) == 3
    ingest(seed_files("004"), db_path)
    report = update(db_path, loose)
    merged = event_members(db_path)
    assert len(merged) == 1 and len(next(iter(merged.values()))) == 4
    assert report.events_merged == 2 and report.events_changed == 1
    with closing(open_readonly(db_path)) as connection:
        (new_id,) = merged
        assert {resolve_event_id(connection, old) for old in apart} == {new_id}


def test_read_functions(incremental_store: dict[str, object]) -> None:
    with closing(open_readonly(incremental_store["db"])) as db:  # type: ignore[arg-type]
        events, total = list_events(db)
        assert total == 2 and events[0].article_count == 5
        assert events[0].outlet_count == 0 and "en" in events[0].languages  # outlets unknown
        assert list_events(db, day="1999-01-01") == ([], 0)
        assert list_events(db, limit=1)[0] == events[:1]
        hits = search(db, "Kuwait relocating")
        assert hits and all(h.event_id == events[0].id for h in hits)
        assert any(text.lower() == "kuwait" for h in hits for text, match in h.snippet if match)
        assert search(db, "bushfire smoke")[0].event_id == events[1].id
        assert search(db, 'AND OR NEAR( "* :^') == []  # FTS5 syntax is plain text here
        counts = store_counts(db)
        assert counts["articles_kept"] == 6 and counts["copies"] == 1 and counts["briefs"] == 2
        with pytest.raises(sqlite3.OperationalError):
            db.execute("DELETE FROM articles")


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('troops NEAR(kuwait) "x') == '"troops" "NEAR" "kuwait" "x"'
    assert fts_query("  ... ") is None


def test_rejected_inputs_are_recorded(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    kept = json.dumps(
        {"text": "The council approved the budget on Monday, the mayor said.", "date": "soon"}
    )
    bad.write_text(f'{{"title": "no text here"}}\nnot json at all\n{kept}\n', encoding="utf-8")
    db_path = tmp_path / "news.db"
    report = ingest([bad], db_path)
    # The unreadable date is a note on an article that was kept, not a rejection.
    assert report.counts["added"] == 1 and report.counts["rejected"] == 2
    assert report.counts["notes"] == 1
    with closing(sqlite3.connect(db_path)) as connection:
        rows = connection.execute("SELECT source, reason FROM rejected").fetchall()
        runs = connection.execute("SELECT kind, status FROM runs").fetchall()
        counts = store_counts(connection)
    assert len(rows) == 3 and all(source.startswith(str(bad)) for source, _ in rows)
    assert runs == [("ingest", "done")]
    assert (counts["rejected"], counts["notes"]) == (2, 1)


def test_a_killed_ingest_keeps_its_committed_batches_and_the_next_run_completes(
    tmp_path: Path,
) -> None:
    source = CLUSTERING / "ecbplus_dev.jsonl"
    with source.open(encoding="utf-8") as lines:
        expected = len({json.loads(line)["id"] for line in lines})
    db_path = tmp_path / "news.db"
    # The process dies abruptly (os._exit: no cleanup, no rollback) while reading record 250.
    crash = (
        "import os, sys\n"
        "from newsbrief.store import ingest\n"
        "def dying(items, description, total=None):\n"
        "    for number, item in enumerate(items):\n"
        "        if number == 250:\n"
        "            os._exit(9)\n"
        "        yield item\n"
        "ingest([sys.argv[1]], sys.argv[2], progress=dying)\n"
    )
    result = subprocess.run([sys.executable, "-c", crash, str(source), str(db_path)], check=False)
    assert result.returncode == 9
    with closing(sqlite3.connect(db_path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        indexed = connection.execute("SELECT count(*) FROM article_search").fetchone()[0]
        runs = connection.execute("SELECT status FROM runs").fetchall()
    assert stored == indexed == 200  # two committed batches of 100, nothing half-written
    assert runs == [("running",)]  # the interrupted run is on record
    report = ingest([source], db_path)
    assert report.counts["added"] == expected - 200
    with closing(sqlite3.connect(db_path)) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == expected
        assert connection.execute("SELECT count(*) FROM article_search").fetchone()[0] == expected


def test_not_a_store(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a newsbrief store"):
        ingest([UNRELATED], other)
    with pytest.raises(StoreError, match="schema version 0"):
        open_readonly(other)
    with pytest.raises(StoreError, match="no store"):
        open_readonly(tmp_path / "missing.db")
    with pytest.raises(StoreError, match=r"no store at .*; create it with newsbrief ingest"):
        update(tmp_path / "nowhere" / "news.db")


def test_another_programs_database_of_the_same_version_is_no_store(tmp_path: Path) -> None:
    # An app's database with "pragma user_version = 1": the server had started on it and
    # answered 500 to every request; an update had added its cluster_state table first.
    other = tmp_path / "app.db"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE users (name)")
        connection.execute("PRAGMA user_version = 1")
    with pytest.raises(StoreError, match=r"not a newsbrief store \(no table articles"):
        open_readonly(other)
    with pytest.raises(StoreError, match="not a newsbrief store"):
        ingest([UNRELATED], other)
    with pytest.raises(StoreError, match="not a newsbrief store"):
        update(other)
    with closing(sqlite3.connect(other)) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master")]
    assert tables == ["users"]


def test_update_never_creates_a_store(tmp_path: Path) -> None:
    typo = tmp_path / "typo.db"
    with pytest.raises(StoreError) as raised:
        update(typo)
    assert str(raised.value) == f"no store at {typo}; create it with newsbrief ingest"
    assert not typo.exists()


def _statuses(db_path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(db_path)) as connection:
        return dict(connection.execute("SELECT status, count(*) FROM articles GROUP BY status"))


def test_an_event_a_stage_fails_on_is_reported_and_later_updates_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsbrief.facts

    db_path = tmp_path / "news.db"
    ingest([*seed_files("000", "001"), UNTRUSTED], db_path)
    extract_facts = newsbrief.facts.extract_facts

    def fails_on_the_ferry_strike(event: Event, config: FactsConfig) -> tuple[Fact, ...]:
        # A fault injected into the real stage (the inputs known to break one are fixed).
        if any("ferry" in a.text.lower() for a in event.articles):
            raise ValueError("figure parser broke")
        return extract_facts(event, config)

    monkeypatch.setattr(newsbrief.facts, "extract_facts", fails_on_the_ferry_strike)
    first = update(db_path)
    assert (first.events_created, first.events_unbriefed, first.new_articles) == (1, 1, 4)
    assert [r.stage for r in first.rejected] == ["facts", "facts"]
    assert all("facts failed: ValueError: figure parser broke" in r.reason for r in first.rejected)
    assert _statuses(db_path) == {"kept": 2, "new": 2}  # the ferry reports wait, reported
    with closing(sqlite3.connect(db_path)) as connection:
        stored = connection.execute("SELECT stage, count(*) FROM rejected GROUP BY stage")
        assert dict(stored) == {"facts": 2}
    # Still failing: reported again, nothing else changes, the run completes.
    again = update(db_path)
    assert (again.events_unbriefed, again.briefs_rebuilt, len(again.rejected)) == (1, 0, 2)
    monkeypatch.undo()
    fixed = update(db_path)
    assert (fixed.events_created, fixed.events_unbriefed, fixed.rejected) == (1, 0, ())
    assert _statuses(db_path) == {"kept": 4}
    assert len(event_members(db_path)) == 2


def test_a_story_keeps_its_id_and_lists_a_development_weeks_later(tmp_path: Path) -> None:
    # The quake reports (6-7 February) and, in a later update, an aftermath report twelve
    # days on: a new event (beyond the event window) of the same story.
    stories = TESTS / "fixtures" / "stories"
    db_path = tmp_path / "news.db"
    ingest([stories / "turkey_quake_days.jsonl"], db_path)
    update(db_path)
    (story,) = event_members(db_path)
    ingest([stories / "turkey_quake_aftermath.jsonl"], db_path)
    report = update(db_path)
    assert report.events_changed == 1 and report.events_created == 0
    assert list(event_members(db_path)) == [story]  # same id, now three articles
    with closing(open_readonly(db_path)) as db:
        brief = get_event(db, story)
        assert brief is not None
        assert [len(d["articles"]) for d in brief["developments"]] == [2, 1]


def test_a_story_keeps_its_id_when_a_report_dated_before_its_first_joins(
    tmp_path: Path,
) -> None:
    # Seeds 000 and 001 (7 January) stored, then 003 (6 January): the story had taken the
    # new first report's id, its page moved (the old address redirecting).
    db_path = tmp_path / "news.db"
    ingest(seed_files("000", "001"), db_path)
    update(db_path)
    (story,) = event_members(db_path)
    ingest(seed_files("003"), db_path)
    report = update(db_path)
    assert report.events_changed == 1 and report.events_created == 0
    assert [len(members) for members in event_members(db_path).values()] == [3]
    assert list(event_members(db_path)) == [story]


def _story_members(db_path: Path) -> list[list[str]]:
    return sorted(sorted(members) for members in event_members(db_path).values())


def test_the_saved_clustering_state_survives_a_reopen_and_two_updates_equal_one(
    tmp_path: Path,
) -> None:
    from newsbrief.cluster.online_state import held_articles, load_state
    from newsbrief.config import ClusterConfig

    at_once = tmp_path / "at_once.db"
    ingest([SEEDS, UNRELATED], at_once)
    update(at_once)
    in_two = tmp_path / "in_two.db"
    ingest([*seed_files("000", "001", "003"), UNRELATED], in_two)
    first = update(in_two)
    assert first.developments_reopened == 0  # nothing stored yet
    with closing(sqlite3.connect(in_two)) as connection:  # the state is in the file
        (state,) = connection.execute("SELECT state FROM cluster_state").fetchone()
        kept = {row[0] for row in connection.execute("SELECT id FROM articles WHERE status='kept'")}
    assert held_articles(load_state(state, ClusterConfig())) == kept
    without_state = tmp_path / "without_state.db"
    without_state.write_bytes(in_two.read_bytes())
    with closing(sqlite3.connect(without_state)) as connection, connection:
        connection.execute("DELETE FROM cluster_state")
    for db_path in (in_two, without_state):
        ingest(seed_files("002", "004"), db_path)
    second = update(in_two)
    assert second.developments_reopened == 0  # the saved state held every open event
    assert _story_members(in_two) == _story_members(at_once)
    assert len(_story_members(in_two)) == 2  # the seeds' story and the unrelated one
    # A store without a state (made before, or after a failed brief) rebuilds it from
    # the stored briefs and ends the same.
    rebuilt = update(without_state)
    assert rebuilt.developments_reopened >= 1
    assert _story_members(without_state) == _story_members(in_two)
    briefs = []
    for db_path in (in_two, at_once, without_state):
        with closing(sqlite3.connect(db_path)) as connection:
            rows = connection.execute("SELECT brief FROM briefs ORDER BY event_id").fetchall()
        briefs.append([json.loads(row[0])["headline"] for row in rows])
    assert briefs[0] == briefs[1] == briefs[2]


def test_a_store_named_like_a_sqlite_uri_is_that_file(tmp_path: Path, monkeypatch) -> None:
    # SQLite reads a name opening on "file:" as a URI: "file:news.db?mode=memory" had
    # stored nothing (and said "2 added"), "file:real.db" had written real.db.
    monkeypatch.chdir(tmp_path)
    name = "file:news.db?mode=memory"
    assert ingest(seed_files("000", "001"), name).counts["added"] == 2
    assert not (tmp_path / "news.db").exists()
    with closing(open_readonly(tmp_path / name)) as connection:
        assert store_counts(connection)["articles"] == 2
    assert update(name).kept == 2


def test_a_resent_article_s_new_date_and_an_id_taken_twice_over_are_said(
    tmp_path: Path,
) -> None:
    from newsbrief.model import content_id

    first = "Ferry workers in Athens went on strike on Monday over pay, the union said."
    other = "Farmers in Lyon blocked the ring road on Tuesday to protest fuel taxes, police said."
    third = "A magnitude 5.1 earthquake shook central Chile on Wednesday, officials said."
    dump = tmp_path / "dump.jsonl"
    rows = [
        {"id": "x", "text": first, "date": "2020-03-02"},
        # the id ingest would give the next record "x": it had vanished, its note saying
        # it was kept under that id
        {"id": f"x~{content_id(None, other)[:8]}", "text": third},
        {"id": "x", "text": other},
    ]
    dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    report = ingest([dump], tmp_path / "news.db")
    assert (report.counts["added"], report.counts["already_stored"]) == (2, 0)
    assert [r.reason for r in report.refused] == [
        f"ids x and x~{content_id(None, other)[:8]} already name other texts in the store:"
        " not stored"
    ]
    # The same article sent again with a corrected date: the stored one stays, said so
    # (it had been dropped without a word).
    dump.write_text(json.dumps({**rows[0], "date": "2020-03-09"}) + "\n", encoding="utf-8")
    again = ingest([dump], tmp_path / "news.db")
    assert again.counts["already_stored"] == 1
    assert [r.reason for r in again.notes] == [
        "already stored dated 2020-03-02; its date 2020-03-09 not read; the article was kept"
    ]


def test_a_text_s_own_match_marks_fake_no_highlight(tmp_path: Path) -> None:
    # U+E000/U+E001 mark the matched words of a snippet: a text's own had shown
    # "<mark>SECRET</mark>" in the search page.
    dump = tmp_path / "pua.jsonl"
    text = (
        "Ferry workers in Athens went on strike over pay, the union said. The strike stopped"
        " 40 ferries across the Aegean \ue000SECRET\ue001 officials said on Monday."
    )
    dump.write_text(json.dumps({"text": text, "date": "2020-03-01"}) + "\n", encoding="utf-8")
    ingest([dump], tmp_path / "news.db")
    with closing(open_readonly(tmp_path / "news.db")) as db:
        (hit,) = search(db, "ferries")
    assert [text for text, match in hit.snippet if match] == ["ferries"]


def test_an_ingest_that_reads_nothing_leaves_no_new_store(tmp_path: Path) -> None:
    # "ingest missing_dir --store typo.db" had created typo.db, and "update --store
    # typo.db" then said "no new articles" instead of "no store".
    report = ingest([tmp_path / "missing_dir"], tmp_path / "typo.db")
    assert report.counts["read"] == 0 and not list(tmp_path.glob("typo.db*"))
    with pytest.raises(StoreError, match="no store at"):
        update(tmp_path / "typo.db")
    # A store that was there stays, with the run on record.
    ingest(seed_files("000"), tmp_path / "news.db")
    ingest([tmp_path / "missing_dir"], tmp_path / "news.db")
    assert (tmp_path / "news.db").is_file()
