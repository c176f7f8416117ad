"""HTML pages: main text and metadata through trafilatura, then news-specific cleaning.

``extract_html_article`` is the one-page function that the reader, the WARC and feed
readers, the extraction evaluator and Spark all call. Its order:

1. reject pages over ``max_page_bytes`` before parsing them;
2. trafilatura ``bare_extraction`` (main text, and metadata where the page declares none);
3. the page's own metadata (``newsbrief.ingest.metadata``: JSON-LD, <meta>, <title>) for
   the title, publication day, authors and outlet;
4. drop the lines news sites add around the story (``newsbrief.ingest.boilerplate``);
5. detect the language of what is left (``newsbrief.language``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from html import unescape
from typing import Any

import lxml.html
import trafilatura
from lxml.etree import LxmlError, ParserError

from newsbrief.config import IngestConfig
from newsbrief.ingest import Input, read_limited
from newsbrief.ingest.boilerplate import clean_extracted_lines
from newsbrief.ingest.encoding import decode_page
from newsbrief.ingest.metadata import (
    ANY_TAG,
    AUTHOR_SEPARATOR,
    PageMetadata,
    outlet_for,
    page_metadata,
    split_names,
)
from newsbrief.ingest.paragraphs import CODE_ELEMENTS, split_paragraphs, without_code
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


# A character reference to a C0 control but tab, line feed and carriage return ("&#x1;"):
# lxml refuses the whole document for one (a raw control byte it drops).
_CONTROL_REFERENCE = (
    r"&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F])|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]));"
)
_CONTROL_REFERENCE_TEXT = re.compile(_CONTROL_REFERENCE)
_CONTROL_REFERENCE_BYTES = re.compile(_CONTROL_REFERENCE.encode())


# What a browser never shows and trafilatura keeps: a <template>'s content (markup that
# scripts clone) and an element with the ``hidden`` attribute (a hostile record's
# "<template><p>Owner Luis Vega was arrested for murder on Tuesday</p></template>" had
# become a key point, a person and a timeline entry). trafilatura drops comments,
# <noscript>, "display: none", "visibility: hidden" and aria-hidden itself.
# And the elements whose content the parser keeps as raw text, tags and all (a form's
# <textarea>, an <iframe>'s fallback, <noframes>, <noembed>, the obsolete <xmp> and
# <plaintext>): "...officials said. <p>Police in Oslo said" had been a key point.
_RAW_TEXT = ("textarea", "iframe", "noframes", "noembed", "xmp", "plaintext")
_NEVER_SHOWN = " | ".join(["//template", "//*[@hidden]", *(f"//{tag}" for tag in _RAW_TEXT)])
# (the attribute, not a class name: "class="nav hidden"" is a stylesheet's matter)
_MAY_HIDE_PATTERN = rf"<(?:template|{'|'.join(_RAW_TEXT)})\b|\shidden(?=[\s>=/])"
_MAY_HIDE = re.compile(_MAY_HIDE_PATTERN, re.IGNORECASE)
_MAY_HIDE_BYTES = re.compile(_MAY_HIDE_PATTERN.encode(), re.IGNORECASE)


# trafilatura's and htmldate's time grows with the square of a page's elements and of one
# element's attributes: a hostile page of 200,000 "<p>x</p>" (1.6 MB) took 292 CPU s, one of
# 600,000 did not end in 17 CPU minutes; one element of 200,000 attributes did not end in
# 7. The real pages of the extraction benchmarks (1,261) hold at most 10,126 elements and
# 101 attributes on one element; at these bounds a page reads in ~2 CPU s.
MAX_PAGE_ELEMENTS = 30_000
MAX_ELEMENT_ATTRIBUTES = 1_000
_ELEMENT = re.compile(r"<[A-Za-z]")
# An element long enough to hold that many attributes (each at least ' a=""' long).
_LONG_TAG = re.compile(rf"<[A-Za-z][^<>]{{{4 * MAX_ELEMENT_ATTRIBUTES},}}>")


def _drop(elements: list[Any]) -> None:
    """Drop each element with its content (its tail stays); the document's root, which
    has no parent, loses its content instead (``<html hidden>``: nothing is shown)."""
    for element in elements:
        if element.getparent() is not None:
            element.drop_tree()
        else:
            element.clear()


def page_shape_problem(html: bytes | str) -> str | None:
    """Why a page is too big in elements or attributes to extract in bounded time, or None."""
    if isinstance(html, bytes):
        html = html.decode("latin-1")  # tags are ASCII in the codecs a page is read in
    if html.count("<") > MAX_PAGE_ELEMENTS:  # (a count of "<" is 30x faster than the pattern)
        elements = sum(1 for _ in _ELEMENT.finditer(html))
        if elements > MAX_PAGE_ELEMENTS:
            return f"page of {elements} elements, more than {MAX_PAGE_ELEMENTS}"
    for tag in _LONG_TAG.finditer(html):
        if tag.group().count("=") > MAX_ELEMENT_ATTRIBUTES:
            return f"an element with more than {MAX_ELEMENT_ATTRIBUTES} attributes"
    return None


def extract_main_text(html: bytes | str, *, url: str | None, config: IngestConfig) -> Any:
    """Return trafilatura's Document for a page (text and metadata), or None."""
    if isinstance(html, bytes):
        html = _CONTROL_REFERENCE_BYTES.sub(b" ", html)
    else:
        html = _CONTROL_REFERENCE_TEXT.sub(" ", html)
    page: Any = html
    may_hide = _MAY_HIDE_BYTES.search(html) if isinstance(html, bytes) else _MAY_HIDE.search(html)
    if may_hide:
        # Parsed here as trafilatura would (its load_html), to drop what is never shown.
        page = trafilatura.load_html(html)
        if page is None:
            return None
        _drop(page.xpath(_NEVER_SHOWN))
    return trafilatura.bare_extraction(
        page,
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
    content_type: str = "",
) -> Article | Rejected:
    """Return the article in one HTML page, or why there is none.

    Args:
        html: the page, as bytes (in the charset it declares, else detected by
            trafilatura) or text.
        url: the page's URL, or a ``file://`` URI; used for the outlet and the record.
        origin: where the page was read, for reports (``path``, ``path#record``).
        content_type: the HTTP Content-Type header it came with, if any (its charset).
    """
    config = config or IngestConfig()
    if len(html) > config.max_page_bytes:
        return Rejected(origin, f"page larger than {config.max_page_bytes} bytes")
    if not html.strip():
        return Rejected(origin, "empty page")
    if isinstance(html, bytes):
        html = decode_page(html, content_type)
    shape = page_shape_problem(html)
    if shape is not None:
        return Rejected(origin, shape)
    try:
        web_url = url if url and url.startswith("http") else None
        document = extract_main_text(html, url=web_url, config=config)
    except PAGE_ERRORS as error:
        return Rejected(origin, f"cannot parse HTML: {type(error).__name__}: {error}")
    if document is None or not (document.text or "").strip():
        return Rejected(origin, "no article text found in the page")
    # A saved page's own URL (canonical link, og:url) beats the file it was saved in.
    declared_url = document.url if document.url and document.url.startswith("http") else None
    page_url = web_url or declared_url or url
    try:
        declared = page_metadata(html, web_url or declared_url)
    except PAGE_ERRORS as error:
        log.warning("%s: page metadata unreadable (%s); trafilatura's used", origin, error)
        declared = PageMetadata()
    meta = with_fallback(declared, document)
    # The opening line is dropped when it is trafilatura's title, as before this metadata
    # existed: dropping the declared headline too cost a gold snippet on trafilatura_eval
    # (0.9276 -> 0.9274) for +0.0007 on ScrapingHub, so the body stays as it was.
    paragraphs = clean_extracted_lines(document.text.split("\n"), config, title=document.title)
    # Characters, not words: Chinese and Japanese text has no spaces between words.
    if sum(len(p.replace(" ", "")) for p in paragraphs) < config.html_min_chars:
        return Rejected(origin, f"page holds less than {config.html_min_chars} characters of text")
    text = "\n\n".join(paragraphs)
    source = outlet_for(site_name=meta.site_name, url=page_url)
    return Article(
        id=content_id(source, meta.title, text),
        text=text,
        title=meta.title,
        date=meta.date,
        source=source,
        url=page_url,
        language=detect_language(text),
        author=AUTHOR_SEPARATOR.join(meta.authors) or None,
        origin=origin,
    )


def with_fallback(declared: PageMetadata, document: Any) -> PageMetadata:
    """Return the page's declared metadata, with trafilatura's for each field it lacks.

    trafilatura's guesses (a byline found by its CSS class, a date found by htmldate in
    the text) are used only where JSON-LD and <meta> say nothing.
    """
    authors = declared.authors or tuple(
        name for part in (document.author or "").split(";") for name in split_names(part)
    )
    return PageMetadata(
        title=declared.title or (document.title or "").strip() or None,
        date=declared.date or parse_date(document.date),
        authors=authors,
        site_name=declared.site_name or (document.sitename or "").strip() or None,
    )


def read_html(opened: Input, config: IngestConfig) -> Iterator[Article | Rejected]:
    """Yield the one article of an HTML page (or why there is none)."""
    data = read_limited(opened.stream, config.max_page_bytes)
    if data is None:
        yield Rejected(opened.name, f"page larger than {config.max_page_bytes} bytes")
        return
    yield extract_html_article(data, url=opened.uri, origin=opened.name, config=config)


# Tags that mark text as HTML where plain text was expected (a feed entry's content, a
# JSON record's body).
_MARKUP = re.compile(r"<\s*(?:p|div|br|a|span|img|h\d|ul|li|strong|em|b|i|figure)\b", re.I)
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")


# The code elements (``paragraphs.CODE_ELEMENTS``) in a fragment's tree, with what is never
# shown (one query: an element of both kinds is dropped once).
_NOT_TEXT = " | ".join([_NEVER_SHOWN, *(f"//{tag}" for tag in CODE_ELEMENTS)])


def has_markup(text: str) -> bool:
    """Whether text holds HTML tags (``<p>``, ``<a href>``, ``<img>`` ...)."""
    return _MARKUP.search(text) is not None


# A character lxml refuses in a text node: a C0 control but tab, line feed and carriage
# return ("\x1b[31m", a terminal's colour code in a record's title, had broken the whole
# JSON Lines file it was in), a lone surrogate, U+FFFE and U+FFFF.
_NOT_XML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def html_fragment_text(fragment: str) -> str:
    """Return the text of a short HTML fragment, one paragraph per block element."""
    fragment = _NOT_XML_TEXT.sub(" ", fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (LxmlError, ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment)
    _drop(root.xpath(_NOT_TEXT))  # code and what is never shown, not text
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    return str(root.text_content())


# A character reference in text that should be plain: "A &amp; B", "&#8217;".
_CHARACTER_REFERENCE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")


def title_line(raw: str | None) -> str | None:
    """Return a title as plain text on one line, or None when none is left: a feed's or a
    record's title may be HTML ("<b>Fire</b> in Lima", "A &amp; B"), and a reader should
    see neither the tags, nor a script's code, nor the escapes."""
    if raw is None:
        return None
    if ANY_TAG.search(raw):
        raw = html_fragment_text(raw)
    elif _CHARACTER_REFERENCE.search(raw):
        raw = unescape(raw)
    return " ".join(raw.split()) or None


def body_text(raw: str, *, url: str | None, origin: str, config: IngestConfig) -> str:
    """Return the article text of a body that may be HTML (a feed entry's content, a JSON
    record's text): its paragraphs when it holds no tags, else extracted like a page
    (``extract_html_article``) or, for a fragment too short for that, its text with one
    paragraph per block element."""
    if not has_markup(raw):
        return "\n\n".join(split_paragraphs(without_code(raw)))
    page = extract_html_article(raw, url=url, origin=origin, config=config)
    if isinstance(page, Article):
        return page.text
    return "\n\n".join(split_paragraphs(html_fragment_text(raw)))
