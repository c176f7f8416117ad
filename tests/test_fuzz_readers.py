"""Fuzzing every reader with random and mutated bytes: no exception escapes, and every
input ends as articles or a reported rejection. Mutations start from small real inputs
(a seed article, a real RSS feed, a JSON Feed, a real WARC record)."""

from __future__ import annotations

import gzip
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbrief.config import IngestConfig
from newsbrief.ingest import Input, read_sources
from newsbrief.ingest.feeds import read_feed
from newsbrief.ingest.html import read_html
from newsbrief.ingest.jsonl import read_jsonl
from newsbrief.ingest.text import read_text
from newsbrief.ingest.warc import read_warc
from newsbrief.model import Article, Rejected

Reader = Callable[[Input, IngestConfig], Iterator[Article | Rejected]]
CONFIG = IngestConfig(max_record_bytes=256 * 1024)
FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _real_samples(shared: Path) -> dict[str, bytes]:
    feeds = shared / "robustness" / "news_feeds" / "feed-rs"
    warc = gzip.decompress((shared / "robustness/warc_real/warcfile.warc.gz").read_bytes())
    seed = next((shared / "seeds").glob("000_*.txt")).read_bytes()
    return {
        "text": seed[:3000],
        "jsonl": b'{"id": "1", "title": "Vote", "date": "2020-01-07", "text": "%s"}\n'
        % seed[:800].replace(b"\\", b"").replace(b'"', b"").replace(b"\n", b" "),
        "feed": (feeds / "rss2" / "rss_2.0_bbc.xml").read_bytes()[:6000],
        "jsonfeed": (feeds / "jsonfeed" / "jsonfeed_example_1.json").read_bytes(),
        "html": b"<html><head><title>Vote</title></head><body><p>%s</p></body></html>"
        % seed[:1500],
        "warc": warc[: warc.find(b"WARC/1.0", 8000) if warc.find(b"WARC/1.0", 8000) > 0 else 8000],
    }


@pytest.fixture(scope="module")
def samples(shared_data: Path) -> dict[str, bytes]:
    return _real_samples(shared_data)


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """The original with a few bytes flipped, cut, duplicated or inserted."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "cut", "insert", "repeat", "truncate"]))
        if action == "flip":
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[at : at + draw(st.integers(1, 200))]
        elif action == "insert":
            data[at:at] = draw(st.binary(max_size=40))
        elif action == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 300))]
        else:
            del data[at:]
    return bytes(data)


def _opened(data: bytes, name: str) -> Input:
    """The bytes as a reader gets them (decompression is the front door's job)."""
    return Input(name, None, io.BufferedReader(io.BytesIO(data)), data[:8192])


def _check(records: list[Article | Rejected]) -> None:
    """Every input ends as articles or reported rejections, each with a reason."""
    assert records, "the input ended without an article or a report"
    for record in records:
        assert isinstance(record, Article | Rejected)
        if isinstance(record, Rejected):
            assert record.reason
        else:
            assert record.text.strip() and record.id


READERS: dict[str, Reader] = {
    "text": read_text,
    "jsonl": read_jsonl,
    "html": read_html,
    "feed": read_feed,
    "jsonfeed": read_feed,
    "warc": read_warc,
}


def _run(reader: Reader, data: bytes) -> list[Article | Rejected]:
    records = list(reader(_opened(data, "fuzz"), CONFIG))
    if reader is read_jsonl and not data.strip():
        return [Rejected("fuzz", "empty")]  # blank lines are skipped by design
    return records


@pytest.mark.parametrize("kind", sorted(READERS))
def test_readers_survive_mutated_real_inputs(kind: str, samples: dict[str, bytes]) -> None:
    @FUZZ
    @given(data=mutated(samples[kind]))
    def check(data: bytes) -> None:
        records = _run(READERS[kind], data)
        if kind != "jsonl" or any(line.strip() for line in data.splitlines()):
            _check(records)

    check()


@pytest.mark.parametrize("kind", sorted(READERS))
def test_readers_survive_random_bytes(kind: str) -> None:
    @FUZZ
    @given(data=st.binary(min_size=1, max_size=4000))
    def check(data: bytes) -> None:
        records = _run(READERS[kind], data)
        if kind != "jsonl" or any(line.strip() for line in data.splitlines()):
            _check(records)

    check()


def test_front_door_survives_any_bytes(samples: dict[str, bytes], tmp_path: Path) -> None:
    """``read_sources`` (decompression, sniffing, reader choice) on anything in a file."""
    originals = [*samples.values(), gzip.compress(samples["text"]), b"BZh", b"\x1f\x8b"]
    path = tmp_path / "input"

    @FUZZ
    @given(
        data=st.one_of(
            st.binary(max_size=4000),
            st.sampled_from(originals).flatmap(mutated),
        )
    )
    def check(data: bytes) -> None:
        path.write_bytes(data)
        _check(list(read_sources([path], CONFIG)))

    check()
