"""The brief stage in a process pool: the same briefs as the serial run, in the same order."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from newsbrief.config import Config, config_from_dict
from newsbrief.errors import ConfigError
from newsbrief.ingest import read_sources
from newsbrief.model import Article, briefs_to_json
from newsbrief.parallel import available_cores, worker_count
from newsbrief.pipeline import build_briefs_from_articles


@pytest.fixture(scope="module")
def articles(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    """The five seeds and the first 16 NewsWCL50 articles: several events of mixed sizes."""
    lines = (shared_data / "clustering" / "newswcl50.jsonl").read_text("utf-8").splitlines()
    path = tmp_path_factory.mktemp("parallel") / "news.jsonl"
    path.write_text("\n".join(lines[:16]) + "\n", encoding="utf-8")
    records = list(read_sources([shared_data / "seeds", path], Config().ingest))
    return [r for r in records if isinstance(r, Article)]


def _briefs_json(articles: list[Article], workers: int) -> str:
    config = dataclasses.replace(Config(), workers=workers)
    briefs, report = build_briefs_from_articles(articles, config)
    document = briefs_to_json(briefs, report)
    document.pop("report")  # seconds per stage differ between any two runs
    return json.dumps(document, sort_keys=True)


def test_two_processes_write_the_same_briefs_as_one(articles):
    serial = _briefs_json(articles, workers=1)
    assert len(json.loads(serial)["events"]) >= 3  # several events, so the pool shares work
    assert _briefs_json(articles, workers=2) == serial


def test_workers_come_from_the_config_file_and_default_to_the_cores():
    assert Config().workers == 0
    assert worker_count(Config(), tasks=1000) == available_cores()
    assert worker_count(config_from_dict({"workers": 1}), tasks=1000) == 1
    # Never more processes than events.
    assert worker_count(config_from_dict({"workers": 8}), tasks=3) == 3


def test_a_negative_worker_count_is_a_config_error():
    with pytest.raises(ConfigError, match="workers"):
        worker_count(config_from_dict({"workers": -1}), tasks=10)


def test_the_encoder_and_numpy_use_one_blas_thread():
    """Processes take the cores; BLAS threads on top of them only compete (docs/scaling.md)."""
    from threadpoolctl import threadpool_info

    from newsbrief.embed import embed_texts

    vectors = embed_texts(["Canada will send troops to Kuwait.", "Ottawa deploys soldiers."])
    assert float(vectors[0] @ vectors[1]) > 0.3  # the real encoder ran
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas
    assert all(pool["num_threads"] == 1 for pool in blas)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
def test_freed_memory_goes_back_to_the_system() -> None:
    from newsbrief.parallel import _malloc_trim, return_freed_memory

    if _malloc_trim() is None:
        pytest.skip("this C library has no malloc_trim")

    def resident_mib() -> float:
        status = Path("/proc/self/status").read_text()
        line = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
        return int(line.split()[1]) / 1024

    # 96 MiB of 48 KiB texts (malloc's heap, below its mmap threshold), every other one
    # freed: holes the heap keeps until it is trimmed.
    texts = [bytes([i % 251]) * (48 * 1024) for i in range(2048)]
    del texts[::2]
    before = resident_mib()
    return_freed_memory()
    assert before - resident_mib() > 24
    assert len(texts) == 1024


def test_a_run_keeps_no_model_cache_of_a_finished_step(articles) -> None:
    # Clustering's article vectors and name frequencies, a story's parses and sentence
    # vectors: nothing later reads them (on 10,000 articles they held ~80 MB).
    import wordfreq

    from newsbrief import embed, nlp

    briefs, _ = build_briefs_from_articles(articles, dataclasses.replace(Config(), workers=1))
    assert briefs
    assert not embed._cache and not nlp._cache
    assert wordfreq.get_frequency_dict.cache_info().currsize == 0


def test_a_large_block_is_mapped_apart_even_after_a_larger_one_was_freed() -> None:
    import subprocess
    import sys

    from newsbrief.parallel import _glibc

    libc = _glibc()
    if libc is None or not hasattr(libc, "mallinfo2"):
        pytest.skip("reads glibc's mallinfo2")
    # In a fresh interpreter: a heap that earlier tests grew can hold a free 2 MiB block,
    # which malloc hands out before it maps one.
    check = """
import ctypes, sys
from newsbrief.parallel import _glibc, map_large_blocks_apart
fields = "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost"
class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in fields.split()]
libc = _glibc()
libc.mallinfo2.restype = MallInfo2
if sys.argv[1] == "fixed":
    map_large_blocks_apart()
large = bytearray(8 * 1024 * 1024)  # glibc raises its threshold to 8 MiB on this free
del large
before = libc.mallinfo2().hblks
block = bytearray(2 * 1024 * 1024)
print(libc.mallinfo2().hblks - before)
"""

    def mapped(mode: str) -> str:
        run = [sys.executable, "-c", check, mode]
        return subprocess.run(run, check=True, capture_output=True, text=True).stdout.strip()

    assert mapped("fixed") == "1"  # its own mapping
    assert mapped("default") == "0"  # from the heap, as glibc does by default
