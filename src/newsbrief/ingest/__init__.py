"""Readers: turn files, folders, globs and stdin into Article records or Rejected ones.

The reader for an input is chosen by its content, not its name: the first bytes are
decompressed if needed (gzip, bzip2, xz) and sniffed. Every reader streams, so memory
stays bounded by one record whatever the input size. A reader never raises for one bad
record: it yields ``Rejected`` and goes on; a stream that breaks half-way (a truncated
gzip) yields what came before and one ``Rejected`` for the rest.
"""

from __future__ import annotations

import bz2
import glob
import gzip
import importlib
import io
import logging
import lzma
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast

from newsbrief.config import IngestConfig
from newsbrief.model import Article, Rejected

log = logging.getLogger(__name__)

SNIFF_BYTES = 8192

# A reader gets an open binary stream, a name for reports and the settings.
Reader = Callable[["Input", IngestConfig], Iterator[Article | Rejected]]


@dataclass(frozen=True)
class Input:
    """One opened input: its name for reports, a file URI when local, and the stream."""

    name: str
    uri: str | None
    stream: BinaryIO
    head: bytes  # the first decompressed bytes, for sniffing


# Decompressors by magic bytes; the caller closes the raw stream they wrap.
_MAGIC: list[tuple[bytes, Callable[[BinaryIO], Any]]] = [
    (b"\x1f\x8b", lambda raw: gzip.GzipFile(fileobj=raw)),
    (b"BZh", lambda raw: bz2.BZ2File(raw)),
    (b"\xfd7zXZ\x00", lambda raw: lzma.LZMAFile(raw)),  # noqa: SIM115
]

# Errors a decompressor or decoder raises on a damaged stream.
STREAM_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError, ValueError)


def open_stream(raw: BinaryIO) -> tuple[BinaryIO, bytes]:
    """Return a decompressed, peekable stream over ``raw`` and its first bytes."""
    buffered: Any = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)
    magic = buffered.peek(8)[:8]
    stream: Any = buffered
    for prefix, opener in _MAGIC:
        if magic.startswith(prefix):
            stream = io.BufferedReader(opener(buffered))
            break
    head: bytes = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    return cast(BinaryIO, stream), head


def sniff(head: bytes) -> str:
    """Return the kind of input from its first bytes: warc, feed, html, jsonl or text."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"warc/"):
        return "warc"
    if text.startswith(b"<?xml") or text.startswith(b"<rss") or text.startswith(b"<feed"):
        return "feed" if any(tag in text for tag in (b"<rss", b"<feed", b"<rdf")) else "html"
    if text.startswith(b"<") and any(tag in text for tag in (b"<html", b"<body", b"<div", b"<p")):
        return "html"
    if text.startswith(b"{"):
        return "jsonl"
    return "text"


# Reader modules are imported on first use, so a run over text files never loads lxml.
READERS = {
    "text": ("newsbrief.ingest.text", "read_text"),
    "jsonl": ("newsbrief.ingest.jsonl", "read_jsonl"),
    "html": ("newsbrief.ingest.html", "read_html"),
    "feed": ("newsbrief.ingest.feeds", "read_feed"),
    "warc": ("newsbrief.ingest.warc", "read_warc"),
}


def _reader(kind: str) -> Reader:
    module_name, function_name = READERS[kind]
    reader: Reader = getattr(importlib.import_module(module_name), function_name)
    return reader


def expand_sources(sources: Iterable[str | Path]) -> Iterator[Path | str | Rejected]:
    """Yield each file named by the sources (folders recursively, globs expanded, "-")."""
    for source in sources:
        name = str(source)
        if name == "-":
            yield "-"
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                yield Rejected(name, "folder holds no files")
            yield from files
        elif path.is_file():
            yield path
        elif glob.has_magic(name):
            matches = sorted(Path(m) for m in glob.glob(name, recursive=True) if Path(m).is_file())
            if not matches:
                yield Rejected(name, "pattern matches no file")
            yield from matches
        else:
            yield Rejected(name, "no such file or folder")


def read_input(opened: Input, config: IngestConfig) -> Iterator[Article | Rejected]:
    """Yield the records of one opened input, choosing its reader by content."""
    if not opened.head.strip():
        yield Rejected(opened.name, "empty input")
        return
    kind = sniff(opened.head)
    if kind == "text" and b"\x00" in opened.head:
        yield Rejected(opened.name, "binary data, not text")
        return
    reader = _reader(kind)
    count = 0
    try:
        for record in reader(opened, config):
            count += isinstance(record, Article)
            yield record
    except STREAM_ERRORS as error:
        detail = str(error) or type(error).__name__
        yield Rejected(opened.name, f"stream broke after {count} articles: {detail}")


def cannot_read(name: str, error: BaseException) -> Rejected:
    """Return the report of an input that could not be opened or decompressed."""
    return Rejected(name, f"cannot read: {getattr(error, 'strerror', None) or error}")


def read_sources(
    sources: Iterable[str | Path], config: IngestConfig | None = None
) -> Iterator[Article | Rejected]:
    """Yield an Article or a Rejected record for everything the sources hold."""
    config = config or IngestConfig()
    for item in expand_sources(sources):
        if isinstance(item, Rejected):
            yield item
            continue
        if item == "-":
            stream, head = open_stream(sys.stdin.buffer)
            yield from read_input(Input("<stdin>", None, stream, head), config)
            continue
        assert isinstance(item, Path)
        try:
            with open(item, "rb") as raw:
                stream, head = open_stream(raw)
                opened = Input(str(item), item.resolve().as_uri(), stream, head)
                yield from read_input(opened, config)
        except STREAM_ERRORS as error:
            yield cannot_read(str(item), error)


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Return the text in ``data`` and a warning when it was not valid UTF-8.

    Invalid bytes are replaced rather than rejected: one stray byte in a scraped page
    should not lose the article, but the report says it happened.
    """
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        return data.decode("utf-8", errors="replace"), f"invalid UTF-8 at byte {error.start}"


def read_limited(stream: BinaryIO, limit: int) -> bytes | None:
    """Return the whole stream, or None when it is longer than ``limit`` bytes."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data
