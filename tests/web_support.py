"""Stores built by the real pipeline (ingest + update), and a real server over one.

Building a store runs clean, dedup, clustering and briefing (seconds per event), so each
distinct store is built once per test session and copied for tests that change it.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running_server(db_path: Path, startup_seconds: float = 60) -> Iterator[str]:
    """Run ``newsbrief.web.serve`` in another process on a free loopback port; yield its URL."""
    port = free_port()
    code = "import sys; from newsbrief.web import serve; serve(sys.argv[1], port=int(sys.argv[2]))"
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(db_path), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_seconds
        while True:
            try:
                if httpx.get(f"{url}/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                error = process.stderr.read().decode() if process.stderr else ""
                raise RuntimeError(f"server did not start: {error[-2000:]}")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()
