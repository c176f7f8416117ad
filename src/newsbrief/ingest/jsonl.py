"""JSONL dumps: one article per line, with the field names common scrapers write; and
JSON documents: an array of such records, or one record written over many lines.

news-please and CC-News records (``maintext``, ``date_publish``, ``source_domain``) work
as they are, as do the evaluation files of ``shared/data`` (``text``, ``date``, ``source``).
A record whose ``articles`` field is a list (the cluster files of ``shared/data``)
yields each of those articles. A line that is not JSON, not an object, or has no text is
rejected with its line number; so is a line over ``max_record_bytes``, which is skipped
without holding it in memory. A JSON document (an input opening on "[", or whose first
line is no JSON by itself, as pretty-printers write) is read whole, up to
``max_record_bytes``; its array items are named ``#item1``, ``#item2``, ... A date that
cannot be read is reported and the article kept; "yesterday" is read against the
record's crawl date when it has one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import math
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from newsbrief.config import IngestConfig
from newsbrief.dates import read_date
from newsbrief.ingest import (
    Input,
    decode_text,
    json_problem,
    note,
    opening_bytes,
    read_lines,
)
from newsbrief.ingest.html import body_text, title_line
from newsbrief.ingest.metadata import outlet_for
from newsbrief.language import detect_language
from newsbrief.model import Article, Rejected, content_id

TEXT_FIELDS = ("text", "maintext", "content", "body", "article")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "date_publish", "published", "pubdate", "date_published")
URL_FIELDS = ("url", "link")
AUTHOR_FIELDS = ("author", "authors", "byline")
SOURCE_FIELDS = ("source", "source_domain", "outlet", "site_name", "domain")
# When the record was collected (news-please, CC-News): the reference for "yesterday".
CRAWL_DATE_FIELDS = ("date_download", "date_crawled", "crawl_date", "date_modify")


def _first(record: Mapping[str, Any], fields: tuple[str, ...]) -> Any:
    for name in fields:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def record_date(record: Mapping[str, Any]) -> tuple[dt.date | None, str | None]:
    """Return the publication date of a record and, when it has an unreadable one, why."""
    crawled, _ = read_date(_first(record, CRAWL_DATE_FIELDS))
    return read_date(_first(record, DATE_FIELDS), reference=crawled)


def article_from_record(
    record: Mapping[str, Any], *, origin: str, config: IngestConfig
) -> Article | Rejected:
    """Return the Article in one JSON record, or why it cannot be one. A body in HTML (a
    feed's or a CMS's export) is read like a feed entry's (``html.body_text``)."""
    text = _first(record, TEXT_FIELDS)
    if isinstance(text, list) and all(isinstance(part, str) for part in text):
        text = "\n\n".join(text)  # a body stored as its paragraphs
    if isinstance(text, dict | list | int | float | bool):
        return Rejected(origin, f"the text field is a JSON {json_kind(text)}, not text")
    if not isinstance(text, str) or not text.strip():
        return Rejected(origin, f"no text field ({'/'.join(TEXT_FIELDS)})")
    title = title_line(_scalar_text(_first(record, TITLE_FIELDS)))
    url = _first(record, URL_FIELDS)
    declared = _scalar_text(_first(record, SOURCE_FIELDS)) or ""
    web_url = url if isinstance(url, str) else None
    source = outlet_for(site_name=declared, url=web_url)
    body = body_text(text, url=web_url, origin=origin, config=config)
    if not body.strip():
        return Rejected(origin, "no text in the record's HTML")
    author = _first(record, AUTHOR_FIELDS)
    if isinstance(author, list):
        author = "; ".join(filter(None, map(_scalar_text, author)))
    author = _scalar_text(author)
    given_id = _scalar_text(record.get("id"))  # a list or an object is no id
    language = record.get("language")
    return Article(
        id=str(given_id) if given_id not in (None, "") else content_id(source, title, body),
        text=body,
        title=title,
        date=record_date(record)[0],
        source=source,
        url=web_url or None,  # a list or an object is no link
        language=language if isinstance(language, str) and language else detect_language(body),
        author=author,
        origin=origin,
    )


def _scalar_text(value: object) -> str | None:
    """Return a field's text on one line: a string with its whitespace collapsed (a line
    break in a title would make a line of its own in the brief), a number written out,
    else None (a list or an object is no title, nor NaN or Infinity: "nan" had been one)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return " ".join(str(value).split()) or None


def json_kind(value: object) -> str:
    """Return the JSON name of a parsed value's type ("array", "null"), not Python's."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    kinds = {dict: "object", list: "array", str: "string", int: "number", float: "number"}
    return kinds.get(type(value), type(value).__name__)


def read_jsonl(opened: Input, config: IngestConfig) -> Iterator[Article | Rejected]:
    """Yield one Article or Rejected per non-empty line, or per record of a JSON document
    (and notes on kept ones)."""
    if is_json_document(opened.head):
        yield from _read_document(opened, config)
    else:
        yield from _read_lines(opened.stream, opened, config)


def is_json_document(head: bytes) -> bool:
    """Whether an input is one JSON document rather than JSON Lines: it opens on "[", or
    its first line, whole in ``head``, is no JSON value by itself (an object written over
    many lines, as pretty-printers write it)."""
    text = opening_bytes(head)
    if text.startswith(b"["):
        return True
    first, newline, _ = text.partition(b"\n")
    if not newline:
        return False  # one line, or a first line longer than the head: JSON Lines
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return True
    return False


def _read_lines(
    stream: BinaryIO, opened: Input, config: IngestConfig
) -> Iterator[Article | Rejected]:
    """The records of JSON Lines, one per non-empty line."""
    for number, line in read_lines(stream, config.max_record_bytes):
        where = f"{opened.name}:{number}"
        if line is None:
            yield Rejected(where, f"record larger than {config.max_record_bytes} bytes")
            continue
        if not line.strip():
            continue
        parsed, record, report = _parsed(line, where)
        if report is not None:
            yield report
        if parsed:
            link = f"{opened.uri}#L{number}" if opened.uri else None
            yield from read_record(record, where, link, config)


def _read_document(opened: Input, config: IngestConfig) -> Iterator[Article | Rejected]:
    """The records of a JSON document: each item of an array, or the one object. One
    that does not parse whole is read as JSON Lines when a later line is a record
    (a first line that is an array, or broken)."""
    data = opened.stream.read(config.max_record_bytes + 1)
    if len(data) > config.max_record_bytes:
        if not opening_bytes(opened.head).startswith(b"["):
            # JSON Lines whose first line is broken: the lines, from the first again
            yield from _read_lines(io.BufferedReader(_Replay(data, opened.stream)), opened, config)
            return
        yield Rejected(
            opened.name,
            f"a JSON document larger than {config.max_record_bytes} bytes:"
            " write one article per line (JSONL)",
        )
        return
    parsed, value, report = _parsed(data, opened.name, document=True)
    if not parsed and _a_later_line_is_a_record(data):
        yield from _read_lines(io.BytesIO(data), opened, config)
        return
    if report is not None:
        yield report
    if not parsed:
        return
    if not isinstance(value, list):
        yield from read_record(value, opened.name, opened.uri, config)
        return
    for n, item in enumerate(value, start=1):
        link = f"{opened.uri}#item{n}" if opened.uri else None
        yield from read_record(item, f"{opened.name}#item{n}", link, config)


def _a_later_line_is_a_record(data: bytes) -> bool:
    """Whether a text that is no JSON document is JSON Lines after all: a line after its
    first (among the first 100) is a JSON object by itself (a line of a pretty-printed
    document is not: it ends on a comma or holds a field alone). Not only the second:
    a broken first line and a broken second one had lost every record after them."""
    for line in [line for line in data.splitlines()[:100] if line.strip()][1:]:
        try:
            if isinstance(json.loads(line), dict):
                return True
        except (ValueError, RecursionError):
            continue
    return False


class _Replay(io.RawIOBase):
    """The bytes already read from a stream, then the rest of it."""

    def __init__(self, first: bytes, rest: BinaryIO) -> None:
        self._first = memoryview(first)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._first:
            size = min(len(buffer), len(self._first))
            buffer[:size] = self._first[:size]
            self._first = self._first[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _parsed(data: bytes, where: str, document: bool = False) -> tuple[bool, Any, Rejected | None]:
    """Whether ``data`` is JSON, its value, and a report: why it is not, or a note on
    its text (bad bytes replaced)."""
    decoded = decode_text(data)
    if decoded.text is None:
        return False, None, Rejected(where, decoded.reason or "not text")
    try:
        value = json.loads(decoded.text)
    except (ValueError, RecursionError) as error:
        return False, None, Rejected(where, f"not JSON: {json_problem(error, document)}")
    return True, value, note(where, decoded.note) if decoded.note else None


def read_record(
    record: object, where: str, link: str | None, config: IngestConfig
) -> Iterator[Article | Rejected]:
    """The article of one record, or those of its ``articles`` list."""
    if not isinstance(record, dict):
        yield Rejected(where, f"a JSON {json_kind(record)}, not an object")
        return
    # Cluster files of shared/data (summarization, timelines) nest their articles; a
    # record with a text field of its own is an article too.
    own_text = any(field in record for field in TEXT_FIELDS)
    key, nested = ("articles", record.get("articles")) if own_text else _nested_articles(record)
    records = [(where, record)] if own_text or not isinstance(nested, list) else []
    if isinstance(nested, list):
        records += [(f"{where}#{key}[{n}]", item) for n, item in enumerate(nested)]
    if not records:
        yield Rejected(where, "an empty articles list and no text field")
        return
    for origin, item in records:
        if not isinstance(item, dict):
            yield Rejected(origin, f"a JSON {json_kind(item)}, not an object")
            continue
        try:
            article = article_from_record(item, origin=origin, config=config)
        except (ValueError, RecursionError) as error:
            # One record a library refuses is that record's fault, not the file's: the
            # rest of the stream is read (lxml's refusals are ValueErrors).
            detail = " ".join(f"{type(error).__name__}: {error}".split())
            yield Rejected(origin, f"unreadable record: {detail}"[:300])
            continue
        if isinstance(article, Article) and article.url is None and link:
            article = dataclasses.replace(article, url=link)
        yield article
        if not isinstance(article, Article):
            continue
        for problem in (record_date(item)[1], _title_problem(item)):
            if problem:
                yield note(origin, problem)


# A news API's answer wraps its list of articles in an envelope: {"articles": [...]}
# (NewsAPI, GNews), {"data": [...]}, {"response": {"results": [...]}}, {"data": {"items":
# [...]}}. Its list is read under these keys, one envelope deep.
_LIST_KEYS = ("articles", "results", "items", "data", "docs", "news", "stories")
_ENVELOPE_KEYS = ("data", "response", "result")


def _nested_articles(record: Mapping[str, Any]) -> tuple[str, object]:
    """The path and list of articles a record with no text of its own holds ("data.items"),
    else "articles" and that value (whatever it is: ``read_record`` says why it is none)."""
    holders = [("", record)] + [(f"{key}.", record.get(key)) for key in _ENVELOPE_KEYS]
    for path, holder in holders:
        if not isinstance(holder, Mapping):
            continue
        for key in _LIST_KEYS:
            value = holder.get(key)
            if isinstance(value, list) and any(isinstance(item, dict) for item in value):
                return f"{path}{key}", value
    return "articles", record.get("articles")


def _title_problem(record: Mapping[str, Any]) -> str | None:
    """Why a record's title field gave no title, when it holds something else than text (a
    JSON object or array, a boolean): the article is kept, untitled, and the run says so."""
    title = _first(record, TITLE_FIELDS)
    if title is None or isinstance(title, str) or _scalar_text(title) is not None:
        return None
    return f"the title field is a JSON {json_kind(title)}, not text: no title"
