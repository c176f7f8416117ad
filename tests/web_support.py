"""Stores built by the real pipeline (ingest + update), and a real server over one.

Building a store runs clean, dedup, clustering and briefing (seconds per event), so each
distinct store is built once per test session and copied for tests that change it.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import sqlite3
import tempfile
from pathlib import Path

from newsbrief.store import ingest, update

TESTS = Path(__file__).resolve().parent
SEEDS = TESTS.parent.parent / "shared" / "data" / "seeds"
UNTRUSTED = TESTS / "fixtures" / "web" / "untrusted.jsonl"


def _temporary_folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="newsbrief-test-store-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@functools.cache
def built_store(*sources: Path) -> Path:
    """Return a store holding the sources, ingested and updated (built once per session)."""
    db_path = _temporary_folder() / "store.db"
    ingest(sources, db_path)
    update(db_path)
    return db_path


def copy_store(db_path: Path, folder: Path) -> Path:
    """Return a copy of a store in ``folder`` (SQLite's backup API: safe with WAL)."""
    target = folder / db_path.name
    source, copy = sqlite3.connect(db_path), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()
    return target
