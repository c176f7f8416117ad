"""Serving while ingesting (small version of bench/web.py, the same code).

The server runs in one process over a store built from the seeds (and the untrusted
fixture articles), ingest of ECB+ dev (462 real articles) in another, and client threads
in this one send a bounded number of requests over loopback. No request may fail and no
article may be lost. Nothing here asserts on time.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from web_support import SEEDS, TESTS, UNTRUSTED, built_store, copy_store

pytest.importorskip("uvicorn", reason="the web extra is not installed")

BENCH = TESTS.parent / "bench" / "web.py"


def load_bench() -> object:
    spec = importlib.util.spec_from_file_location("bench_web", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_serving_while_ingesting_loses_nothing(tmp_path: Path) -> None:
    bench = load_bench()
    db_path = copy_store(built_store(SEEDS, UNTRUSTED), tmp_path)
    source = SEEDS.parent / "clustering" / "ecbplus_dev.jsonl"
    baseline, loaded = bench.run_load(  # type: ignore[attr-defined]
        db_path, [source], clients=3, max_requests=300, max_seconds=20
    )
    assert baseline.requests > 0 and baseline.errors == 0
    assert loaded.requests > 0 and loaded.errors == 0
    assert loaded.articles_lost == 0
    assert loaded.articles_stored == loaded.articles_expected == 462 + 7
