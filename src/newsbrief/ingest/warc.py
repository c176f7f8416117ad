"""WARC crawls (Common Crawl, CC-News), read with FastWARC, one record at a time.

Every HTTP response record with an HTML payload becomes an article (through
``extract_html_article``) with its target URI; its date is the page's publication date
when the page gives one, else the crawl date. Other records (requests, metadata,
non-HTML responses) are skipped and counted in the log. A record that cannot be parsed
is reported and the reader goes on with the next record the parser finds.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Iterator

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from newsbrief.config import IngestConfig
from newsbrief.ingest import Input
from newsbrief.ingest.html import extract_html_article
from newsbrief.model import Article, Rejected, parse_date

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_html(record: WarcRecord) -> bool:
    assert record.http_headers is not None
    content_type = (record.http_headers.get("Content-Type") or "").lower()
    # Some servers send no type; sniff the payload start later instead of dropping it.
    return not content_type or any(kind in content_type for kind in HTML_TYPES)


def article_from_record(
    record: WarcRecord, *, origin: str, config: IngestConfig
) -> Article | Rejected | None:
    """Return the article of one WARC record, why it has none, or None to skip it."""
    if record.record_type != WarcRecordType.response:
        return None
    if record.http_headers is None:
        return Rejected(origin, "broken response record: no parsable HTTP header")
    if not _is_html(record):
        return None
    uri = record.headers.get("WARC-Target-URI")
    status = record.http_headers.status_code
    if status != 200:
        return Rejected(origin, f"HTTP status {status} for {uri}")
    if record.content_length > config.max_record_bytes:
        return Rejected(origin, f"record larger than {config.max_record_bytes} bytes")
    payload = record.reader.read()
    if payload.lstrip()[:1] != b"<":
        return None
    article = extract_html_article(payload, url=uri, origin=origin, config=config)
    if isinstance(article, Article) and article.date is None:
        crawl_date = parse_date(record.headers.get("WARC-Date"))
        article = dataclasses.replace(article, date=crawl_date)
    return article


def read_warc(opened: Input, config: IngestConfig) -> Iterator[Article | Rejected]:
    """Yield an Article or Rejected for each HTML response record of a WARC file."""
    skipped: Counter[str] = Counter()
    records = ArchiveIterator(
        opened.stream,
        parse_http=True,
        quirks_mode=True,
        stream_detect=False,  # the dispatcher has already decompressed the stream
        fsspec_args=False,
    )
    for number, record in enumerate(records, start=1):
        record_id = record.headers.get("WARC-Record-ID") or f"record{number}"
        origin = f"{opened.name}#{record_id.strip('<>')}"
        result = article_from_record(record, origin=origin, config=config)
        if result is None:
            skipped[record.headers.get("WARC-Type") or "unknown"] += 1
            continue
        yield result
    if skipped:
        log.info("%s: skipped records that are not HTML pages: %s", opened.name, dict(skipped))
