"""RSS, Atom (feedparser) and JSON Feed (jsonfeed.org 1.0/1.1): one article per entry.

An entry's text is its full content when the feed carries it, else its summary. HTML
inside an entry is extracted like a page (trafilatura and the news cleaning of
``ingest.html``); a fragment too short for that is reduced to its text. The outlet is
the feed's title, else its site's host name. An entry's date is its published date,
else its updated one; a date that cannot be read is reported and the entry kept.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import logging
import re
from collections.abc import Iterator
from html import escape
from typing import Any

import feedparser

from newsbrief.config import IngestConfig
from newsbrief.dates import read_date
from newsbrief.ingest import (
    Input,
    decode_text,
    json_problem,
    note,
    opening_bytes,
    read_limited,
)
from newsbrief.ingest.html import body_text, title_line
from newsbrief.ingest.metadata import outlet_for, url_parts
from newsbrief.language import detect_language
from newsbrief.model import Article, Rejected, content_id

log = logging.getLogger(__name__)

# What feedparser raises on a damaged feed (found by tests/test_fuzz_readers.py).
FEED_ERRORS = (ValueError, LookupError, TypeError, AttributeError, IndexError, RecursionError)


def entry_date(entry: Any) -> tuple[dt.date | None, str | None]:
    """Return an entry's date and, when it has only unreadable ones, why.

    The written value goes through ``read_date`` (the day where it was written, as for
    every reader); feedparser's UTC reading is the fallback for the rare formats only
    it knows (W3CDTF variants, some non-English RFC 822 dates).
    """
    # dict.get: feedparser's own lookup maps a missing key to another, with a warning.
    problem = None
    for key in ("published", "updated", "created"):
        day, reason = read_date(dict.get(entry, key))
        if day is not None:
            return day, None
        problem = problem or reason
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = dict.get(entry, key)
        if not parsed:
            continue
        written = dict.get(entry, key.removesuffix("_parsed"))
        try:
            moment = dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)
        except (ValueError, OverflowError, OSError):  # year 0 or 10000 after the offset
            problem = problem or f"not a date: {written!r}"
            continue
        if not _as_written(moment.date(), str(written or "")):
            problem = problem or f"not a date: {written!r}"
            continue
        day, reason = read_date(moment)  # the plausible years, as for every reader
        if day is not None:
            return day, None
        problem = problem or reason
    return None, problem


# A written day in year-month-day order: feedparser carries an impossible month or day
# over ("2020-13-45T99:99:99Z" read as 2021-01-01), which would invent a date.
_WRITTEN_DAY = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})")


def _as_written(day: dt.date, written: str) -> bool:
    """Whether feedparser's reading of a date keeps the written one: the same day (or the
    next or the one before, moved to UTC) when written year-month-day, else its year."""
    found = _WRITTEN_DAY.search(written)
    if found is None:
        return str(day.year) in written or f" {day.year % 100:02d}" in written
    year, month, of_month = (int(part) for part in found.groups())
    try:
        return abs((dt.date(year, month, of_month) - day).days) <= 1
    except ValueError:
        return False


def entry_link(entry: Any) -> str | None:
    """Return an entry's web link; ids that are no address (``tag:``, ``urn:``) are not."""
    link = str(entry.get("link") or "").strip()
    parts = url_parts(link)
    return link if link and parts and parts.scheme in ("http", "https", "") else None


def _entry_html(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or () if c.get("value")]
    return max(contents, key=len) if contents else str(entry.get("summary") or "")


def article_from_entry(
    entry: Any, *, outlet: str | None, origin: str, config: IngestConfig
) -> Article | Rejected:
    """Return the Article of one feed entry, or why it has none."""
    raw = _entry_html(entry)
    link = entry_link(entry)
    title = title_line(str(entry.get("title") or ""))
    if not raw.strip():
        return Rejected(origin, "feed entry has no content or summary")
    text = body_text(raw, url=link, origin=origin, config=config)
    if not text.strip():
        return Rejected(origin, "feed entry has no text")
    source = outlet_for(site_name=outlet, url=link)
    author = str(entry.get("author") or "").strip() or None
    return Article(
        id=content_id(source, title, text),
        text=text,
        title=title,
        date=entry_date(entry)[0],
        source=source,
        url=link,
        language=detect_language(text),
        author=author,
        origin=origin,
    )


def jsonfeed_entries(document: Any) -> tuple[str | None, list[dict[str, Any]]] | None:
    """Return the outlet and entries (in feedparser's shape) of a JSON Feed, or None."""
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        return None
    entries: list[dict[str, Any]] = []
    for item in document["items"]:
        if not isinstance(item, dict):
            entries.append({})
            continue
        html = item.get("content_html")
        text = item.get("content_text")
        content = str(html) if html else escape(str(text)) if text else ""
        authors = item.get("authors") or [item.get("author")]
        author = authors[0] if isinstance(authors, list) and authors else None
        entries.append(
            {
                "title": item.get("title"),
                "link": item.get("url") or item.get("external_url"),
                "content": [{"value": content}] if content else [],
                "summary": item.get("summary"),
                "published": item.get("date_published"),
                "updated": item.get("date_modified"),
                "author": author.get("name") if isinstance(author, dict) else None,
            }
        )
    title, home = document.get("title"), document.get("home_page_url")
    outlet = outlet_for(
        site_name=title if isinstance(title, str) else None,
        url=home if isinstance(home, str) else None,
    )
    return outlet, entries


def _parsed_entries(name: str, data: bytes) -> tuple[str | None, list[Any]] | Rejected:
    """Return the outlet and entries of a JSON Feed or an RSS/Atom feed, or why none."""
    if opening_bytes(data)[:1] == b"{":
        decoded = decode_text(data)
        try:
            parsed_json = json.loads(decoded.text or "")
        except (ValueError, RecursionError) as error:
            return Rejected(name, f"not a valid JSON Feed: {json_problem(error, document=True)}")
        found = jsonfeed_entries(parsed_json)
        if found is None:
            return Rejected(name, "not a valid JSON Feed: no list of items")
        return found
    try:
        parsed = feedparser.parse(data)
    except FEED_ERRORS as error:  # a garbled encoding declaration, a NUL in the prolog...
        return Rejected(name, f"cannot parse feed: {type(error).__name__}: {error}")
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        return Rejected(
            name, f"not a valid feed: {problem}" if problem else "feed holds no entries"
        )
    if parsed.get("bozo"):
        log.warning(
            "%s: feed is not well-formed (%s); read what parsed", name, parsed.get("bozo_exception")
        )
    feed = parsed.feed
    outlet = outlet_for(site_name=str(feed.get("title") or ""), url=feed.get("link"))
    return outlet, list(parsed.entries)


# A numeric character reference to no character: a surrogate ("&#xD800;", "&#55296;") or
# past Unicode's last code point ("&#x110000;"). feedparser raised on one and the whole
# feed was lost; it reads U+FFFD in its place.
_CHARACTER_REFERENCE = re.compile(rb"&#(?:[xX](?P<hex>[0-9a-fA-F]+)|(?P<dec>[0-9]+));")
_REPLACEMENT_REFERENCE = b"&#xFFFD;"


def _without_broken_references(data: bytes) -> tuple[bytes, int]:
    """Return a feed's bytes with its references to no character replaced, and how many."""
    if b"&#" not in data:
        return data, 0
    broken = 0

    def replace(match: re.Match[bytes]) -> bytes:
        nonlocal broken
        digits = (match["hex"] or match["dec"]).lstrip(b"0")
        # past eight digits, past U+10FFFF (and no huge number to convert)
        code = int(digits or b"0", 16 if match["hex"] else 10) if len(digits) <= 8 else -1
        if 0xD800 <= code <= 0xDFFF or not 0 <= code <= 0x10FFFF:
            broken += 1
            return _REPLACEMENT_REFERENCE
        return match.group()

    return _CHARACTER_REFERENCE.sub(replace, data), broken


def read_feed(opened: Input, config: IngestConfig) -> Iterator[Article | Rejected]:
    """Yield one Article or Rejected per entry of a feed (and notes on kept ones)."""
    data = read_limited(opened.stream, config.max_record_bytes)
    if data is None:
        yield Rejected(opened.name, f"feed larger than {config.max_record_bytes} bytes")
        return
    data, broken = _without_broken_references(data)
    if broken:
        yield note(opened.name, f"character references to no character replaced: {broken}")
    found = _parsed_entries(opened.name, data)
    if isinstance(found, Rejected):
        yield found
        return
    outlet, entries = found
    if not entries:
        yield Rejected(opened.name, "feed holds no entries")
    for number, entry in enumerate(entries, start=1):
        origin = f"{opened.name}#entry{number}"
        article = article_from_entry(entry, outlet=outlet, origin=origin, config=config)
        yield article
        date_problem = entry_date(entry)[1] if isinstance(article, Article) else None
        if date_problem:
            yield note(origin, date_problem)
