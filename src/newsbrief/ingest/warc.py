"""WARC crawls (Common Crawl, CC-News), read with FastWARC, one record at a time.

Every HTTP response record with an HTML payload, and every resource record of an HTML
page (a saved page, as warcit stores them), becomes an article (through
``extract_html_article``) with its target URI; its date is the page's publication date
when the page gives one, else the crawl date. What does not become an article is
reported: a record cut short (its block shorter than its ``Content-Length``), a response
without a parsable HTTP header, a non-200 status; requests, metadata and non-HTML
responses are counted in one note per file. A file in which no WARC record can be found
is rejected, and so is a stream that breaks (a truncated gzip) after the records before
the break were read.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from newsbrief.config import IngestConfig
from newsbrief.dates import read_date
from newsbrief.ingest import STREAM_ERRORS, Input, note
from newsbrief.ingest.html import extract_html_article
from newsbrief.model import NOTE, Article, Rejected

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


class TolerantStream(io.RawIOBase):
    """A stream that ends, instead of raising, where the underlying one breaks.

    FastWARC would lose the record it was reading when a truncated gzip raises; ending
    the stream lets it hand that record over (it is then reported as cut short).
    """

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        # One read of the layer below at most (``read1``): a buffered ``read`` fills the
        # whole request and, when the stream breaks on the way, drops what it had read (a
        # cut .warc.gz of small records lost every record before the cut).
        self._read: Callable[[int], bytes] = getattr(raw, "read1", raw.read)
        self._position = 0
        self.error: BaseException | None = None
        # The records that open in the bytes read (``_RECORD_START``), to tell how many a
        # reader lost; the last bytes read, for a start cut between two reads.
        self.record_starts = 0
        self._tail = b"\n\n"  # the stream's start opens a record as a blank line does

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        # FastWARC asks for the position with seek(0, SEEK_CUR); nothing else is supported.
        if offset == 0 and whence == io.SEEK_CUR:
            return self._position
        raise io.UnsupportedOperation("seek")

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self.error is not None:
            return 0
        try:
            data = self._read(len(buffer))
        except STREAM_ERRORS as error:
            self.error = error
            return 0
        buffer[: len(data)] = data
        self._position += len(data)
        window = self._tail + data
        self.record_starts += len(_RECORD_START.findall(window))
        self._tail = window[-(_RECORD_START_BYTES - 1) :]  # too short to hold a whole start
        return len(data)


# A record's version line after the blank line that ends the record before it, or at the
# stream's start. FastWARC skips a record whose version it does not know ("WARC/9.9") and
# the record after one whose Content-Length overran into it, saying nothing: the records
# that open here and that it did not hand over are reported.
_RECORD_START = re.compile(rb"\n\r?\nWARC/[0-9]")
_RECORD_START_BYTES = len(b"\n\nWARC/1")


@dataclasses.dataclass(frozen=True)
class HttpResponse:
    status: int
    content_type: str
    body: bytes
    content_encoding: str = ""  # "gzip", "deflate", "br" ...: how the body is compressed
    chunked: bool = False  # Transfer-Encoding: chunked, as the server sent it


_CHUNK_SIZE = re.compile(rb"[0-9a-fA-F]+")


def _unchunked(body: bytes) -> bytes:
    """Return a chunked transfer's payload (what the chunks hold, in order); a damaged
    chunk header ends it there. A body that does not open with a chunk header is
    returned as it is: some crawlers store the payload decoded under the sent headers."""
    out = bytearray()
    at = 0
    while at < len(body):
        end = body.find(b"\r\n", at)
        size_text = body[at : end if end >= 0 else len(body)].split(b";")[0].strip()
        if not _CHUNK_SIZE.fullmatch(size_text):
            return body if at == 0 else bytes(out)
        size = int(size_text, 16)
        if size <= 0 or end < 0:
            break
        out += body[end + 2 : end + 2 + size]
        at = end + 2 + size + 2
    return bytes(out)


def decoded_body(response: HttpResponse, limit: int) -> bytes | str:
    """Return the page a response carries, undoing chunked transfer and gzip or deflate
    compression (at most ``limit`` bytes out, else the reason as text), as browsers do;
    another encoding ("br") is a reason."""
    body = _unchunked(response.body) if response.chunked else response.body
    encoding = response.content_encoding
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return f"page in a content encoding not read: {encoding}"
    if body.lstrip()[:1] == b"<":
        return body  # stored decoded under the sent headers (some crawlers do)
    # wbits 47: gzip or zlib header detected; a raw deflate stream needs -15.
    for wbits in (47, -15):
        inflater = zlib.decompressobj(wbits)
        try:
            page = inflater.decompress(body, limit + 1)
        except zlib.error:
            continue
        if len(page) > limit:
            return f"page larger than {limit} bytes"
        return page
    return f"damaged {encoding} body"


def parse_http_response(block: bytes) -> HttpResponse | None:
    """Return the status, content type and body of an HTTP response block, or None."""
    # Old crawls (ClueWeb) end header lines with a bare LF; the first blank line ends them.
    ends = [(at, len(mark)) for mark in (b"\r\n\r\n", b"\n\n") if (at := block.find(mark)) >= 0]
    if not ends:
        return None
    at, length = min(ends)
    head, body = block[:at], block[at + length :]
    lines = head.decode("latin-1").splitlines()
    if not lines or not lines[0].startswith("HTTP/"):
        return None
    parts = lines[0].split()
    if len(parts) < 2 or not parts[1].isdigit():
        return None
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.setdefault(name.strip().lower(), value.strip().lower())
    return HttpResponse(
        int(parts[1]),
        headers.get("content-type", ""),
        body,
        headers.get("content-encoding", ""),
        "chunked" in headers.get("transfer-encoding", ""),
    )


def _whole_block(record: WarcRecord, origin: str, config: IngestConfig) -> bytes | Rejected:
    """Return a record's block, or why it is not read (too large, cut short)."""
    declared = record.content_length
    if declared > config.max_record_bytes:
        return Rejected(origin, f"record larger than {config.max_record_bytes} bytes")
    block: bytes = record.reader.read()
    if len(block) < declared:
        return Rejected(origin, f"record cut short: {len(block)} of {declared} bytes")
    return block


def article_from_record(
    record: WarcRecord, *, origin: str, config: IngestConfig
) -> Article | Rejected | None:
    """Return the article of one WARC record, why it has none, or None to skip it: an HTTP
    response, or a resource record of an HTML page (the page itself, no HTTP header: as
    warcit and other archivers store saved pages; they had been skipped)."""
    uri = record.headers.get("WARC-Target-URI")
    if record.record_type == WarcRecordType.resource:
        content_type = record.headers.get("Content-Type") or ""
        if not any(kind in content_type for kind in HTML_TYPES):
            return None
        block = _whole_block(record, origin, config)
        if isinstance(block, Rejected):
            return block
        if block.lstrip()[:1] != b"<":
            return None
        return extract_html_article(
            block, url=uri, origin=origin, config=config, content_type=content_type
        )
    if record.record_type != WarcRecordType.response:
        return None
    block = _whole_block(record, origin, config)
    if isinstance(block, Rejected):
        return block
    response = parse_http_response(block)
    if response is None:
        return Rejected(origin, "broken response record: no parsable HTTP header")
    # Some servers send no type; the payload start decides below instead.
    if response.content_type and not any(kind in response.content_type for kind in HTML_TYPES):
        return None
    if response.status != 200:
        return Rejected(origin, f"HTTP status {response.status} for {uri}")
    page = decoded_body(response, config.max_page_bytes)
    if isinstance(page, str):
        return Rejected(origin, f"{page} ({uri})")
    if page.lstrip()[:1] != b"<":
        return None
    return extract_html_article(
        page, url=uri, origin=origin, config=config, content_type=response.content_type
    )


def read_warc(opened: Input, config: IngestConfig) -> Iterator[Article | Rejected]:
    """Yield an Article or Rejected for each HTML response record of a WARC file."""
    skipped: Counter[str] = Counter()
    stream = TolerantStream(opened.stream)
    records = ArchiveIterator(
        stream,
        parse_http=False,  # parsed here, after checking that the block is whole
        quirks_mode=True,
        stream_detect=False,  # the dispatcher has already decompressed the stream
        fsspec_args=False,
    )
    found = number = 0
    for number, record in enumerate(records, start=1):
        record_type = record.headers.get("WARC-Type")
        if not record_type:
            skipped["unparsable"] += 1
            continue
        found += 1
        record_id = record.headers.get("WARC-Record-ID") or f"record{number}"
        origin = f"{opened.name}#{record_id.strip('<>')}"
        result = article_from_record(record, origin=origin, config=config)
        if result is None:
            kind = "non-HTML response" if record_type == "response" else record_type
            skipped[kind] += 1
            continue
        problem = None
        if isinstance(result, Article) and result.date is None:
            # A page with no date of its own takes its crawl date; a malformed WARC-Date
            # (ClueWeb's "2008-10-294T...") leaves it empty, and a note says why.
            crawl_date, problem = read_date(record.headers.get("WARC-Date"))
            result = dataclasses.replace(result, date=crawl_date)
        yield result
        if problem:
            yield note(origin, f"WARC-Date {problem}")
    if lost := stream.record_starts - number:
        yield Rejected(
            opened.name,
            f"WARC records not read: {lost} (an unknown WARC version, or a Content-Length "
            "that runs into the next record)",
        )
    if not found:
        yield Rejected(opened.name, "no WARC record found: not a WARC file or damaged")
    elif skipped["unparsable"]:
        count = skipped.pop("unparsable")
        yield Rejected(opened.name, f"{count} unparsable records (no WARC-Type) skipped")
    if skipped:
        counts = ", ".join(f"{count} {kind}" for kind, count in sorted(skipped.items()))
        yield Rejected(opened.name, f"records that are not HTML pages skipped: {counts}", NOTE)
    if stream.error is not None:
        detail = str(stream.error) or type(stream.error).__name__
        yield Rejected(opened.name, f"stream broke after {found} WARC records: {detail}")
