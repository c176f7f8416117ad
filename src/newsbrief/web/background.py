"""A newsbrief web server in a child process, for tests, benchmarks and notebooks.

with running_server("news.db") as url:
    httpx.get(f"{url}/api/events")
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from newsbrief.errors import NewsbriefError


def free_port() -> int:
    """Return a loopback port that is free now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running_server(db_path: str | Path, startup_seconds: float = 60) -> Iterator[str]:
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
                raise NewsbriefError(f"server did not start: {error[-2000:]}", source=str(db_path))
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
