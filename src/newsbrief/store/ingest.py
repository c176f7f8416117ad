"""Ingest: read sources into the store, idempotently and in committed batches.

An article's id comes from its content, so the same article read twice (or a run repeated
after a crash) is stored once: ``INSERT OR IGNORE``. A given id (JSONL ``id``) that the
store already holds for different text names a different article: it is stored under
``ingest.distinct_id`` and a note says so; only the same title and text is a repeat.
Articles are committed in batches; a run killed half-way keeps every batch it committed,
and its run row stays ``running`` as a record of the interruption. Rerunning the same
command completes the work. Articles are stored as read (status ``new``); ``update``
cleans, dedups and clusters them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from newsbrief.config import Config
from newsbrief.ingest import content_key, distinct_id, note
from newsbrief.model import Article, Rejected, RunReport, rejection_counts
from newsbrief.progress import Progress, no_progress
from newsbrief.store.read import MATCH_END, MATCH_START
from newsbrief.store.schema import open_for_writing, write_transaction

log = logging.getLogger(__name__)

# Articles per transaction: large enough that commits cost little, small enough that a
# killed run loses at most a moment's work and readers see progress.
BATCH_SIZE = 100


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def start_run(connection: sqlite3.Connection, kind: str, sources: list[str]) -> int:
    cursor = connection.execute(
        "INSERT INTO runs (kind, status, started, sources) VALUES (?, 'running', ?, ?)",
        (kind, now_iso(), json.dumps(sources)),
    )
    run_id = cursor.lastrowid
    assert run_id is not None
    return run_id


def finish_run(connection: sqlite3.Connection, run_id: int, report: dict[str, object]) -> None:
    connection.execute(
        "UPDATE runs SET status = 'done', finished = ?, report = ? WHERE id = ?",
        (now_iso(), json.dumps(report), run_id),
    )


def store_rejected(
    connection: sqlite3.Connection, run_id: int, rejected: Iterable[Rejected]
) -> None:
    # A problem stored by an earlier run is not stored again: the same file ingested
    # twice had added its notes (and rejections) to the store's counts each time.
    connection.executemany(
        "INSERT INTO rejected (run_id, source, reason, stage) SELECT ?, ?, ?, ? WHERE NOT EXISTS"
        " (SELECT 1 FROM rejected WHERE source = ? AND reason = ? AND stage = ?)",
        [(run_id, r.source, r.reason, r.stage, r.source, r.reason, r.stage) for r in rejected],
    )


_WITHOUT_MATCH_MARKS = str.maketrans({MATCH_START: " ", MATCH_END: " "})


def index_for_search(connection: sqlite3.Connection, article: Article) -> None:
    """(Re)index one article's title and text for full-text search (without the private-use
    characters that mark matches in a snippet)."""
    row = connection.execute("SELECT num FROM articles WHERE id = ?", (article.id,)).fetchone()
    connection.execute("DELETE FROM article_search WHERE rowid = ?", (row[0],))
    connection.execute(
        "INSERT INTO article_search (rowid, title, text) VALUES (?, ?, ?)",
        (
            row[0],
            (article.title or "").translate(_WITHOUT_MATCH_MARKS),
            article.text.translate(_WITHOUT_MATCH_MARKS),
        ),
    )


def _insert_article(connection: sqlite3.Connection, run_id: int, article: Article) -> bool:
    """Insert one article unless its id is stored; return whether it was new."""
    cursor = connection.execute(
        "INSERT OR IGNORE INTO articles (id, title, date, source, url, language, origin,"
        " record, added_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id,
            article.title,
            article.date.isoformat() if article.date else None,
            article.source,
            article.url,
            article.language,
            article.origin,
            json.dumps(article.to_record(), ensure_ascii=False),
            run_id,
        ),
    )
    if cursor.rowcount == 1:
        index_for_search(connection, article)
    return cursor.rowcount == 1


def stored_content_key(connection: sqlite3.Connection, article_id: str) -> str | None:
    """Return the content key (title and text) of a stored article, None if not stored."""
    stored = _stored(connection, article_id)
    return stored[0] if stored else None


def _stored(connection: sqlite3.Connection, article_id: str) -> tuple[str, str | None] | None:
    """The content key and the date (ISO) of a stored article, None if not stored."""
    row = connection.execute(
        "SELECT record, date FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return None
    record = json.loads(row[0])
    key = content_key(Article(id=article_id, text=record["text"], title=record.get("title")))
    return key, row[1]


def _insert_batch(
    connection: sqlite3.Connection, run_id: int, articles: list[Article], rejected: list[Rejected]
) -> tuple[int, list[Rejected]]:
    """Store one batch in one transaction; return how many articles were new and id notes."""
    added = 0
    notes: list[Rejected] = []
    with write_transaction(connection):
        for article in articles:
            if _insert_article(connection, run_id, article):
                added += 1
                continue
            origin = article.origin or article.id
            stored = _stored(connection, article.id)
            if stored is not None and stored[0] == content_key(article):
                # The same article, stored before; a date it now gives is said, not taken
                # (a corrected date had been dropped without a word).
                day = article.date.isoformat() if article.date else None
                if day is not None and day != stored[1]:
                    reason = (
                        f"already stored dated {stored[1] or 'no day'}; its date {day} not read"
                    )
                    notes.append(note(origin, reason))
                continue
            new_id = distinct_id(article)
            moved = dataclasses.replace(article, id=new_id)
            if _insert_article(connection, run_id, moved):
                added += 1
                reason = f"id {article.id} already names other text in the store; given id {new_id}"
                notes.append(note(origin, reason))
            elif stored_content_key(connection, new_id) != content_key(article):
                # Another record holds the id this one would be given: it had vanished,
                # its note saying it was kept.
                reason = f"ids {article.id} and {new_id} already name other texts in the store"
                notes.append(Rejected(origin, f"{reason}: not stored"))
        store_rejected(connection, run_id, rejected + notes)
    return added, notes


def ingest(
    sources: Iterable[str | Path],
    db_path: str | Path,
    config: Config | None = None,
    progress: Progress = no_progress,
) -> RunReport:
    """Read the sources into the store; return what was read, added and rejected.

    Args:
        sources: files, folders, globs, or "-" for stdin; any format newsbrief reads.
        db_path: the SQLite store (created if missing, and removed again when nothing
            could be read: a mistyped input must not leave a store for ``update`` to
            find).
        config: settings (only ``config.ingest`` is used here).
        progress: a progress callback.

    Raises:
        StoreError: the store cannot be opened or written.
    """
    from newsbrief.ingest import read_sources

    config = config or Config()
    source_names = [str(s) for s in sources]
    start = time.perf_counter()
    created = not Path(db_path).exists()
    connection = open_for_writing(db_path)
    try:
        run_id = start_run(connection, "ingest", source_names)
        counts = {"read": 0, "added": 0, "already_stored": 0, "rejected": 0}
        all_rejected: list[Rejected] = []
        batch: list[Article] = []
        batch_rejected: list[Rejected] = []
        unstored = 0  # read, but neither added nor stored before (an id taken twice over)

        def store_batch() -> None:
            nonlocal unstored
            added, notes = _insert_batch(connection, run_id, batch, batch_rejected)
            counts["added"] += added
            counts["read"] += len(batch)
            unstored += sum(not r.is_note for r in notes)
            all_rejected.extend(batch_rejected + notes)
            batch.clear()
            batch_rejected.clear()

        for record in progress(read_sources(source_names, config.ingest), "ingesting"):
            if isinstance(record, Rejected):
                log.warning("%s", record.describe())
                batch_rejected.append(record)
            else:
                batch.append(record)
            if len(batch) + len(batch_rejected) >= BATCH_SIZE:
                store_batch()
        store_batch()
        counts["already_stored"] = counts["read"] - counts["added"] - unstored
        counts.update(rejection_counts(all_rejected))
        report = RunReport(
            counts=counts,
            rejected=tuple(all_rejected),
            seconds={"ingest": time.perf_counter() - start},
        )
        finish_run(connection, run_id, report.to_json())
    except sqlite3.DatabaseError as error:
        from newsbrief.errors import StoreError

        raise StoreError(f"cannot write store: {error}", source=str(db_path)) from None
    finally:
        connection.close()
    if created and not counts["read"]:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    log.info("ingest: %s", counts)
    return report
