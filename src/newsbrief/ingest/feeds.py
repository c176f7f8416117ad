"""RSS and Atom feeds (feedparser): one article per entry.

An entry's text is its full content when the feed carries it, else its summary. HTML
inside an entry is extracted like a page (trafilatura and the news cleaning of
``ingest.html``); a fragment too short for that is reduced to its text. The outlet is
the feed's title, else its site's host name.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Iterator
from typing import Any

import feedparser
import lxml.html
from lxml.etree import LxmlError, ParserError

from newsbrief.config import IngestConfig
from newsbrief.ingest import Input, read_limited
from newsbrief.ingest.html import extract_html_article
from newsbrief.ingest.metadata import outlet_for
from newsbrief.ingest.text import split_paragraphs
from newsbrief.language import detect_language
from newsbrief.model import Article, Rejected, content_id

log = logging.getLogger(__name__)

_MARKUP = re.compile(r"<\s*(?:p|div|br|a|span|img|h\d|ul|li|strong|em|b|i|figure)\b", re.I)
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC).date()
    return None


def _entry_html(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or () if c.get("value")]
    return max(contents, key=len) if contents else str(entry.get("summary") or "")


def html_fragment_text(fragment: str) -> str:
    """Return the text of a short HTML fragment, one paragraph per block element."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (LxmlError, ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment)
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    return str(root.text_content())


def article_from_entry(
    entry: Any, *, outlet: str | None, origin: str, config: IngestConfig
) -> Article | Rejected:
    """Return the Article of one feed entry, or why it has none."""
    raw = _entry_html(entry)
    link = entry.get("link") or None
    title = " ".join(str(entry.get("title") or "").split()) or None
    if not raw.strip():
        return Rejected(origin, "feed entry has no content or summary")
    text = ""
    if _MARKUP.search(raw):
        page = extract_html_article(raw, url=link, origin=origin, config=config)
        if isinstance(page, Article):
            text = page.text
        else:
            text = "\n\n".join(split_paragraphs(html_fragment_text(raw)))
    else:
        text = "\n\n".join(split_paragraphs(raw))
    if not text.strip():
        return Rejected(origin, "feed entry has no text")
    source = outlet_for(site_name=outlet, url=link)
    author = str(entry.get("author") or "").strip() or None
    return Article(
        id=content_id(source, title, text),
        text=text,
        title=title,
        date=_entry_date(entry),
        source=source,
        url=link,
        language=detect_language(text),
        author=author,
        origin=origin,
    )


def read_feed(opened: Input, config: IngestConfig) -> Iterator[Article | Rejected]:
    """Yield one Article or Rejected per entry of an RSS or Atom feed."""
    data = read_limited(opened.stream, config.max_record_bytes)
    if data is None:
        yield Rejected(opened.name, f"feed larger than {config.max_record_bytes} bytes")
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f"not a valid feed: {problem}" if problem else "feed holds no entries"
        yield Rejected(opened.name, reason)
        return
    if parsed.get("bozo"):
        log.warning(
            "%s: feed is not well-formed (%s); read what parsed",
            opened.name,
            parsed.get("bozo_exception"),
        )
    feed = parsed.feed
    outlet = outlet_for(site_name=str(feed.get("title") or ""), url=feed.get("link"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield article_from_entry(
            entry, outlet=outlet, origin=f"{opened.name}#entry{number}", config=config
        )
