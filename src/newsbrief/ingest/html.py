"""HTML pages: main text and metadata through trafilatura, then news-specific cleaning.

``extract_html_article`` is the one-page function that the reader, the WARC and feed
readers, the extraction evaluator and Spark all call. Its order:

1. reject pages over ``max_record_bytes`` before parsing them;
2. trafilatura ``bare_extraction`` (main text, title, site name, author; date by htmldate);
3. drop the lines news sites add around the story (``newsbrief.ingest.boilerplate``);
4. detect the language of what is left (``newsbrief.language``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import trafilatura
from lxml.etree import LxmlError

from newsbrief.config import IngestConfig
from newsbrief.ingest import Input, read_limited
from newsbrief.ingest.boilerplate import clean_extracted_lines
from newsbrief.language import detect_language
from newsbrief.model import Article, Rejected, content_id, parse_date

log = logging.getLogger(__name__)

# What trafilatura or lxml may raise on one malformed page; it rejects that page only.
PAGE_ERRORS = (
    LxmlError,
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
    KeyError,
    RecursionError,
    UnicodeError,
)


def extract_main_text(html: bytes | str, *, url: str | None, config: IngestConfig) -> Any:
    """Return trafilatura's Document for a page (text and metadata), or None."""
    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=config.html_include_tables,
        favor_precision=config.html_favor_precision,
        favor_recall=config.html_favor_recall,
        deduplicate=False,
    )


def extract_html_article(
    html: bytes | str,
    *,
    url: str | None,
    origin: str,
    config: IngestConfig | None = None,
) -> Article | Rejected:
    """Return the article in one HTML page, or why there is none.

    Args:
        html: the page, as bytes (charset detected by trafilatura) or text.
        url: the page's URL, or a ``file://`` URI; used for the outlet and the record.
        origin: where the page was read, for reports (``path``, ``path#record``).
    """
    config = config or IngestConfig()
    if len(html) > config.max_record_bytes:
        return Rejected(origin, f"page larger than {config.max_record_bytes} bytes")
    if not html.strip():
        return Rejected(origin, "empty page")
    try:
        web_url = url if url and url.startswith("http") else None
        document = extract_main_text(html, url=web_url, config=config)
    except PAGE_ERRORS as error:
        return Rejected(origin, f"cannot parse HTML: {type(error).__name__}: {error}")
    if document is None or not (document.text or "").strip():
        return Rejected(origin, "no article text found in the page")
    paragraphs = clean_extracted_lines(document.text.split("\n"), config, title=document.title)
    # Characters, not words: Chinese and Japanese text has no spaces between words.
    if sum(len(p.replace(" ", "")) for p in paragraphs) < config.html_min_chars:
        return Rejected(origin, f"page holds less than {config.html_min_chars} characters of text")
    text = "\n\n".join(paragraphs)
    title = (document.title or "").strip() or None
    source = document.sitename or document.hostname
    # A saved page's own URL (canonical link, og:url) beats the file it was saved in.
    declared = document.url if document.url and document.url.startswith("http") else None
    page_url = url if url and url.startswith("http") else declared or url
    if not source and page_url and page_url.startswith("http"):
        source = urlparse(page_url).hostname
    source = source.removeprefix("www.") if source else None
    return Article(
        id=content_id(source, title, text),
        text=text,
        title=title,
        date=parse_date(document.date),
        source=source,
        url=page_url,
        language=detect_language(text),
        author=(document.author or "").strip() or None,
        origin=origin,
    )


def read_html(opened: Input, config: IngestConfig) -> Iterator[Article | Rejected]:
    """Yield the one article of an HTML page (or why there is none)."""
    data = read_limited(opened.stream, config.max_record_bytes)
    if data is None:
        yield Rejected(opened.name, f"page larger than {config.max_record_bytes} bytes")
        return
    yield extract_html_article(data, url=opened.uri, origin=opened.name, config=config)
