"""JSONL dumps: one article per line, with the field names common scrapers write.

news-please and CC-News records (``maintext``, ``date_publish``, ``source_domain``) work
as they are, as do the evaluation files of ``shared/data`` (``text``, ``date``, ``source``).
A record whose ``articles`` field is a list (the cluster files of ``shared/data``)
yields each of those articles. A line that is not JSON, not an object, or has no text is
rejected with its line number; so is a line over ``max_record_bytes``, which is skipped
without holding it in memory. A date that cannot be read is reported and the article kept;
"yesterday" is read against the record's crawl date when it has one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator, Mapping
from typing import Any

from newsbrief.config import IngestConfig
from newsbrief.dates import read_date
from newsbrief.ingest import Input, decode_text, note, read_lines
from newsbrief.ingest.html import body_text
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
    if not isinstance(text, str) or not text.strip():
        return Rejected(origin, f"no text field ({'/'.join(TEXT_FIELDS)})")
    title = _scalar_text(_first(record, TITLE_FIELDS))
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
    given_id = record.get("id")
    language = record.get("language")
    return Article(
        id=str(given_id) if given_id not in (None, "") else content_id(source, title, body),
        text=body,
        title=title,
        date=record_date(record)[0],
        source=source,
        url=str(url) if url else None,
        language=language if isinstance(language, str) and language else detect_language(body),
        author=author,
        origin=origin,
    )


def _scalar_text(value: object) -> str | None:
    """Return a field's text on one line: a string with its whitespace collapsed (a line
    break in a title would make a line of its own in the brief), a number written out,
    else None (a list or an object is no title)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return " ".join(str(value).split()) or None


def _json_kind(value: object) -> str:
    """Return the JSON name of a parsed value's type ("array", "null"), not Python's."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    kinds = {list: "array", str: "string", int: "number", float: "number"}
    return kinds.get(type(value), type(value).__name__)


def read_jsonl(opened: Input, config: IngestConfig) -> Iterator[Article | Rejected]:
    """Yield one Article or Rejected per non-empty line (and notes on kept ones)."""
    for number, line in read_lines(opened.stream, config.max_record_bytes):
        where = f"{opened.name}:{number}"
        if line is None:
            yield Rejected(where, f"record larger than {config.max_record_bytes} bytes")
            continue
        if not line.strip():
            continue
        decoded = decode_text(line)
        if decoded.text is None:
            yield Rejected(where, decoded.reason or "not text")
            continue
        try:
            record = json.loads(decoded.text)
        except json.JSONDecodeError as error:
            yield Rejected(where, f"not JSON: {error.msg} at column {error.colno}")
            continue
        except RecursionError:
            yield Rejected(where, "not JSON: nested too deeply")
            continue
        if not isinstance(record, dict):
            yield Rejected(where, f"a JSON {_json_kind(record)}, not an object")
            continue
        if decoded.note:
            yield note(where, decoded.note)
        # Cluster files of shared/data (summarization, timelines) nest their articles; a
        # record with a text field of its own is an article too.
        nested = record.get("articles")
        own_text = any(field in record for field in TEXT_FIELDS)
        records = [(where, record)] if own_text or not isinstance(nested, list) else []
        if isinstance(nested, list):
            records += [(f"{where}#articles[{n}]", item) for n, item in enumerate(nested)]
        if not records:
            yield Rejected(where, "an empty articles list and no text field")
            continue
        for origin, item in records:
            if not isinstance(item, dict):
                yield Rejected(origin, f"a JSON {_json_kind(item)}, not an object")
                continue
            article = article_from_record(item, origin=origin, config=config)
            if isinstance(article, Article) and article.url is None and opened.uri:
                article = dataclasses.replace(article, url=f"{opened.uri}#L{number}")
            yield article
            date_problem = record_date(item)[1] if isinstance(article, Article) else None
            if date_problem:
                yield note(origin, date_problem)
