"""The store's SQLite schema, its version, and how connections are opened.

Tables:

    articles        one row per article id (ids come from content, so a re-read is a no-op);
                    ``record`` is the article as read, ``cleaned`` as prepared by update
    article_embeddings  each processed article's clustering embedding, keyed by the hash of
                    the text embedded (an update reopens stored events without re-embedding)
    copies          copy -> canonical article (dedup)
    events          one row per event, with what the front page lists
    event_articles  membership: every processed, kept article is in exactly one event
    event_aliases   an event's old id -> its current id (ids follow the members)
    briefs          the brief JSON of an event and the article ids it was built from
    runs            each ingest/update run: kind, status, report
    rejected        inputs a run could not use, and why
    article_search  FTS5 index over titles and texts

Writers use WAL mode so readers (the web app) never wait for them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsbrief.errors import StoreError

SCHEMA_VERSION = 1

# A writer waits this long for another writer's transaction before giving up.
BUSY_TIMEOUT_MS = 30_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    num INTEGER PRIMARY KEY,  -- the search index's rowid (stable, unlike an implicit rowid)
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    date TEXT,
    source TEXT,
    url TEXT,
    language TEXT,
    origin TEXT,
    record TEXT NOT NULL,
    cleaned TEXT,
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'kept', 'emptied')),
    added_run INTEGER NOT NULL,
    processed_run INTEGER
);
CREATE INDEX IF NOT EXISTS articles_status ON articles(status);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);

CREATE TABLE IF NOT EXISTS article_embeddings (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    text_hash TEXT NOT NULL,
    embedding BLOB NOT NULL
);

CREATE TABLE IF NOT EXISTS copies (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    canonical_id TEXT NOT NULL REFERENCES articles(id)
);
CREATE INDEX IF NOT EXISTS copies_canonical ON copies(canonical_id);

CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    headline TEXT NOT NULL,
    date TEXT,
    first_seen TEXT,
    last_seen TEXT,
    article_count INTEGER NOT NULL,
    outlet_count INTEGER NOT NULL,
    languages TEXT NOT NULL,
    updated_run INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_date ON events(date);

CREATE TABLE IF NOT EXISTS event_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS event_articles_event ON event_articles(event_id);

CREATE TABLE IF NOT EXISTS event_aliases (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS briefs (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    brief TEXT NOT NULL,
    built_from TEXT NOT NULL,
    built_run INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('ingest', 'update')),
    status TEXT NOT NULL CHECK (status IN ('running', 'done')),
    started TEXT NOT NULL,
    finished TEXT,
    sources TEXT,
    report TEXT
);

CREATE TABLE IF NOT EXISTS rejected (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    stage TEXT NOT NULL
);

CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5(
    title, text, tokenize = 'unicode61 remove_diacritics 2'
);
"""


def open_for_writing(db_path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) the store for a writer; check or set the schema version.

    Raises:
        StoreError: the file is not a newsbrief store of a version this code knows.
    """
    path = Path(db_path)
    if path.parent and not path.parent.is_dir():
        raise StoreError("folder does not exist", source=str(path.parent))
    try:
        # As a file URI, the path it is: SQLite reads a name opening on "file:" as a URI
        # ("file:news.db?mode=memory" had stored nothing and said "5 added").
        connection = sqlite3.connect(
            path.resolve().as_uri(), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, uri=True
        )
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        # NORMAL is durable across application crashes in WAL mode (only an OS crash may
        # lose the last transactions), which is what "a killed run" needs.
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        _ensure_schema(connection, str(path))
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot open store: {error}", source=str(path)) from None
    return connection


def open_readonly(db_path: str | Path) -> sqlite3.Connection:
    """Open an existing store read-only (the web app); nothing can be written through it.

    Raises:
        StoreError: the file is missing or not a store this code can read.
    """
    path = Path(db_path).resolve()
    if not path.is_file():
        raise StoreError("no store here; run `newsbrief ingest --store` first", source=str(path))
    try:
        connection = sqlite3.connect(
            f"{path.as_uri()}?mode=ro", uri=True, timeout=5, check_same_thread=False
        )
        connection.execute("PRAGMA query_only = ON")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot open store: {error}", source=str(path)) from None
    if version != SCHEMA_VERSION:
        connection.close()
        raise StoreError(
            f"store schema version {version}, this newsbrief reads {SCHEMA_VERSION}",
            source=str(path),
        )
    if missing := _missing_tables(connection):
        connection.close()
        raise StoreError(_not_a_store(missing), source=str(path))
    connection.row_factory = sqlite3.Row
    return connection


# Tables every store has had since version 1 began: another program's database can carry
# the same ``user_version`` (an app's "pragma user_version = 1"); the server had started on
# one and answered 500 to every request, and an update had added a table to it first.
_CORE_TABLES = frozenset(["articles", "events", "briefs", "runs"])


def _missing_tables(connection: sqlite3.Connection) -> list[str]:
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    return sorted(_CORE_TABLES - names)


def _not_a_store(missing: list[str]) -> str:
    return f"not a newsbrief store (no table {', '.join(missing[:3])})"


@contextmanager
def write_transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """Hold the write lock for the block; commit it whole, or roll back on any exception.

    BEGIN IMMEDIATE takes the lock at the start, so a concurrent writer waits (busy
    timeout) instead of failing half-way through the block.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


# The online clusterer's saved state (cluster/online_state.py), one row, rewritten by each
# update batch with the stories it wrote; absent (or stale) means rebuild from the briefs.
_CLUSTER_STATE_TABLE = """
CREATE TABLE IF NOT EXISTS cluster_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    state TEXT NOT NULL,
    run_id INTEGER
)"""


def _ensure_schema(connection: sqlite3.Connection, name: str) -> None:
    with write_transaction(connection):
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            tables = connection.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
            if tables:
                raise StoreError("not a newsbrief store (unversioned tables)", source=name)
            for statement in _statements(_SCHEMA):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        elif version != SCHEMA_VERSION:
            raise StoreError(
                f"store schema version {version}, this newsbrief writes {SCHEMA_VERSION}",
                source=name,
            )
        elif missing := _missing_tables(connection):
            raise StoreError(_not_a_store(missing), source=name)
        # Added within version 1 (readers never need them): stores made before get them
        # here. The index finds a problem an earlier run stored (``store_rejected``).
        connection.execute(_CLUSTER_STATE_TABLE)
        connection.execute("CREATE INDEX IF NOT EXISTS rejected_source ON rejected(source)")


def _statements(script: str) -> list[str]:
    # executescript() would commit the open transaction; run the statements one by one.
    return [s.strip() for s in script.split(";") if s.strip()]
