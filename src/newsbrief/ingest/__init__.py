"""Readers: turn files, folders, globs and stdin into Article records or Rejected ones.

The reader for an input is chosen by its content, not its name: the first bytes are
decompressed if needed (gzip, bzip2, xz), re-encoded to UTF-8 when a UTF-16/32 byte-order
mark says so, and sniffed. Every reader streams, so memory
stays bounded by one record whatever the input size. A reader never raises for one bad
record: it yields ``Rejected`` and goes on; a stream that breaks half-way (a truncated
gzip) yields what came before and one ``Rejected`` for the rest.

Every input named ends as articles or reported records. Folders are walked in sorted
order; files and folders whose names start with "." are skipped by design (editor and VCS
files) and listed in one note per folder; an unreadable subfolder or a special file is
rejected with its reason. Notes (stage ``"note"``) report a problem with an article
that was kept: a repaired encoding, an unreadable date, a changed id.
"""

from __future__ import annotations

import bz2
import dataclasses
import glob
import gzip
import importlib
import io
import json
import logging
import lzma
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast

from newsbrief.config import IngestConfig
from newsbrief.ingest.encoding import Utf8Stream, decode_text, wide_encoding
from newsbrief.ingest.metadata import url_parts
from newsbrief.model import NOTE, Article, Rejected, content_id, encodable, lone_surrogates

__all__ = [
    "Input",
    "content_key",
    "decode_text",
    "distinct_id",
    "note",
    "read_limited",
    "read_lines",
    "read_sources",
]

log = logging.getLogger(__name__)

SNIFF_BYTES = 8192
# Hidden names listed in a folder's note; the rest are counted.
LISTED_HIDDEN_NAMES = 10
# A folder's own documentation, not its articles: a dataset's README, licence, list of
# sources ("LICENSE.resiliparse", "SOURCES.md" of shared/data/robustness were briefed as
# stories). Skipped in a folder, with a note; read when named as a file.
FOLDER_DOCUMENT = re.compile(
    r"(?:README|LICEN[CS]E|COPYING|NOTICE|AUTHORS|CONTRIBUTING|CHANGELOG|CHANGES|SOURCES"
    r"|SCHEMA)(?:\.[\w.-]+)?",
    re.IGNORECASE,
)

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
class TolerantGzip(io.RawIOBase):
    """A gzip stream that ends, instead of failing, at bytes after its data that open no
    gzip member (padding, a tool's trailer): ``gzip`` raised on them and what was read
    before was lost. ``ignored`` then says so; a cut-short member still raises."""

    def __init__(self, raw: BinaryIO) -> None:
        self._gzip = gzip.GzipFile(fileobj=raw)
        self._read_any = False
        self.ignored: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.ignored is not None:
            return 0
        try:
            data = self._gzip.read1(len(buffer))
        except gzip.BadGzipFile as error:
            if not self._read_any:
                raise  # no gzip data at all
            self.ignored = f"bytes after the gzip data ignored ({error})"
            return 0
        self._read_any = self._read_any or bool(data)
        buffer[: len(data)] = data
        return len(data)


_MAGIC: list[tuple[bytes, Callable[[BinaryIO], Any]]] = [
    (b"\x1f\x8b", TolerantGzip),
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
    encoding = wide_encoding(head)
    if encoding is not None:
        stream = io.BufferedReader(Utf8Stream(stream, encoding))
        head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    return cast(BinaryIO, stream), head


def note(source: str, problem: str) -> Rejected:
    """Return the report of a problem with an input whose article was kept."""
    return Rejected(source, f"{problem}; the article was kept", NOTE)


def json_problem(error: ValueError | RecursionError, document: bool = False) -> str:
    """Why ``json.loads`` could not read a text, in a reader's words: json's own message
    and place, a nesting deeper than Python's stack, or a number of more digits than
    Python converts (4,300: a 50,000-digit "date" had broken the whole file's stream)."""
    if isinstance(error, json.JSONDecodeError):
        place = f"column {error.colno}"
        if document:
            place = f"line {error.lineno}, {place}"
        # json's messages end on " at" where a position follows ("Invalid control
        # character at")
        return f"{error.msg.removesuffix(' at')} at {place}"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return "a number too long to read"


# What may come before an XML document's root element: declarations, comments, a doctype.
_XML_PROLOG = re.compile(rb"<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>", re.DOTALL)
_ROOT_TAG = re.compile(rb"<([a-z][\w:.-]*)")


def _xml_root(text: bytes) -> bytes:
    """The name of an XML document's root element (lower-cased ``text``), past its prolog;
    empty when there is none."""
    root = _ROOT_TAG.search(_XML_PROLOG.sub(b"", text))
    return root.group(1) if root else b""


def opening_bytes(data: bytes) -> bytes:
    """An input's bytes without a UTF-8 byte order mark and blanks before its first sign."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")


def sniff(head: bytes) -> str:
    """Return the kind of input from its first bytes: warc, feed, html, jsonl, table (CSV
    or TSV with a text column) or text."""
    text = opening_bytes(head).lower()
    if text.startswith(b"warc/"):
        return "warc"
    if text.startswith((b"<?xml", b"<rss", b"<feed", b"<entry")):
        # The root element decides (an XHTML page may hold "<rdf:RDF" in a comment); an
        # Atom entry document is a one-entry feed.
        name = _xml_root(text)
        if name == b"html":
            return "html"
        if not name:
            # A prolog longer than the sniffed bytes (a licence in a comment, a doctype's
            # entities) before the root: a feed's (pages open on their root), read as one.
            return "feed"
        atom_entry = name == b"entry" and b"http://www.w3.org/2005/atom" in text
        feed_tags = any(tag in text for tag in (b"<rss", b"<feed", b"<rdf"))
        return "feed" if feed_tags or atom_entry else "html"
    if text.startswith(b"<") and any(tag in text for tag in (b"<html", b"<body", b"<div", b"<p")):
        return "html"
    if text.startswith(b"{") or _JSON_ARRAY.match(text):
        # A JSON Feed (jsonfeed.org) is one object over many lines, not JSON Lines; the
        # JSONL reader also reads one JSON document (an array of articles, an object
        # written over many lines).
        return "feed" if b"jsonfeed.org/version" in text else "jsonl"
    from newsbrief.ingest.tables import table_delimiter

    return "table" if table_delimiter(head) else "text"


# An array of objects, arrays or strings: JSON, not a text opening on "[Reuters]".
_JSON_ARRAY = re.compile(rb'\[\s*[{\["\]]')


# Files that are no news text, by their first bytes (after decompression), and whether they
# are archives: a PDF without NUL bytes in its head was read as text and briefed as
# "%PDF-1.4.".
_BINARY_FORMATS = (
    (b"%PDF-", "a PDF document", False),
    (b"PK\x03\x04", "a ZIP archive or Office document", True),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", True),
    (b"Rar!\x1a\x07", "a RAR archive", True),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", False),
    (b"\xff\xd8\xff", "a JPEG image", False),
    (b"GIF8", "a GIF image", False),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document", False),
    (b"{\\rtf", "an RTF document", False),
    (b"SQLite format 3\x00", "an SQLite database", False),
    (b"BEGIN:VCALENDAR", "an iCalendar file", False),
    (b"BEGIN:VCARD", "a vCard file", False),
)
_READABLE_FORMATS = (
    "newsbrief reads HTML, RSS/Atom/JSON feeds, WARC, JSON Lines, JSON, CSV and text"
)


# XML documents that list links, not articles, by their root element: a news sitemap's
# "<url><loc>...</loc><news:title>...</news:title>" entries were read as one page and
# briefed as "Https://shinpaideshou.wordpress.com/2017/04/25/...What can I do with a B.A.
# in Japanese Studies?en2017-04-25T10:00:36+00:00Job Opening: ..." (shared/data/robustness).
_LINK_LISTS = {
    b"urlset": "a sitemap (links to pages, no article text): fetch the pages it lists"
    " and give them as HTML or WARC",
    b"sitemapindex": "a sitemap index (links to sitemaps, no article text): fetch the"
    " pages its sitemaps list and give them as HTML or WARC",
    b"opml": "an OPML outline (links to feeds, no article text): give the feeds themselves",
}


def known_format(head: bytes) -> str | None:
    """Why an input that opens with ``head`` is in a known format that is no news text,
    or None. A tar archive says "ustar" at byte 257."""
    text = opening_bytes(head).lower()
    if text.startswith((b"<?xml", *(b"<" + root for root in _LINK_LISTS))):
        root = _xml_root(text)
        if root in _LINK_LISTS:
            return _LINK_LISTS[root]
    found = next(
        ((name, archive) for magic, name, archive in _BINARY_FORMATS if head.startswith(magic)),
        None,
    )
    if found is None and head[257:262] == b"ustar":
        found = ("a tar archive", True)
    if found is None:
        return None
    name, archive = found
    advice = "unpack it and give the folder" if archive else _READABLE_FORMATS
    return f"{name}, not news text: {advice}"


# The most characters a metadata field keeps: a brief shows titles, outlets and authors
# on one line, and a link is followed, not read. A longer one is a broken or hostile
# record (a whole article in a title field); it is cut (a URL or id is replaced), noted.
FIELD_LIMITS = {"title": 400, "source": 200, "author": 200}
MAX_URL_CHARS = 2048  # the common bound of browsers and servers
MAX_LANGUAGE_CHARS = 35  # the longest BCP 47 tag in common use ("zh-Hans-CN" is 10)
MAX_ID_CHARS = 200
# A line break or another control character: a brief's link line would carry a fake line.
_NOT_IN_URL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _valid_url(url: str) -> bool:
    """Whether a URL can be parsed and holds no line break or other control character."""
    return not _NOT_IN_URL.search(url) and url_parts(url) is not None


def bounded_fields(
    article: Article, max_text_chars: int = IngestConfig.max_text_chars
) -> tuple[Article, list[Rejected]]:
    """Return the article with a text over ``max_text_chars`` cut at a paragraph,
    over-long metadata cut (``FIELD_LIMITS``), a URL over ``MAX_URL_CHARS`` or that is
    no address dropped and an id over ``MAX_ID_CHARS`` shortened, and a note per change."""
    origin = article.origin or article.id[:MAX_ID_CHARS]
    changes: dict[str, Any] = {}
    notes = []
    if len(article.text) > max_text_chars:
        cut = article.text.rfind("\n\n", 0, max_text_chars)
        changes["text"] = article.text[: cut if cut > 0 else max_text_chars].rstrip()
        problem = f"text of {len(article.text)} characters cut to {len(changes['text'])}"
        notes.append(note(origin, problem))
    for field, limit in FIELD_LIMITS.items():
        value = getattr(article, field)
        if value and len(value) > limit:
            changes[field] = value[:limit].rsplit(" ", 1)[0].rstrip() + "…"
            notes.append(note(origin, f"{field} of {len(value)} characters cut to {limit}"))
    if article.url and len(article.url) > MAX_URL_CHARS:
        changes["url"] = None
        notes.append(note(origin, f"URL of {len(article.url)} characters dropped"))
    elif article.url and not _valid_url(article.url):
        changes["url"] = None
        notes.append(note(origin, f"not a web address, dropped: {article.url[:80]!r}"))
    if article.language and len(article.language) > MAX_LANGUAGE_CHARS:
        changes["language"] = None
        notes.append(note(origin, f"language of {len(article.language)} characters dropped"))
    if len(article.id) > MAX_ID_CHARS:
        changes["id"] = f"{article.id[:64]}~{content_key(article)[:8]}"
        notes.append(note(origin, f"id of {len(article.id)} characters shortened"))
    return (dataclasses.replace(article, **changes) if changes else article), notes


_STRING_FIELDS = ("id", "text", "title", "source", "url", "author", "language", "origin")


def encodable_record(record: Article | Rejected) -> tuple[Article | Rejected, list[Rejected]]:
    """Return the record with lone surrogates replaced by U+FFFD in every string field
    (``model.encodable``), and a note when an article's text or title had any: a JSON
    escape of half a character ("\\ud800") or a file name's undecodable bytes cannot be
    embedded, stored or printed as UTF-8."""
    if isinstance(record, Rejected):
        fixed = Rejected(encodable(record.source), encodable(record.reason), record.stage)
        return fixed, []
    changes: dict[str, Any] = {
        field: encodable(value)
        for field in _STRING_FIELDS
        if isinstance(value := getattr(record, field), str) and lone_surrogates(value)
    }
    if not changes:
        return record, []
    notes = []
    if count := lone_surrogates(record.text) + lone_surrogates(record.title or ""):
        origin = changes.get("origin", record.origin or record.id)
        notes.append(note(origin, f"{count} broken characters (lone surrogates) replaced"))
    return dataclasses.replace(record, **changes), notes


# How much of an over-long line is read at a time while skipping it.
SKIP_CHUNK_BYTES = 1024 * 1024

# Reader modules are imported on first use, so a run over text files never loads lxml.
READERS = {
    "text": ("newsbrief.ingest.text", "read_text"),
    "jsonl": ("newsbrief.ingest.jsonl", "read_jsonl"),
    "html": ("newsbrief.ingest.html", "read_html"),
    "feed": ("newsbrief.ingest.feeds", "read_feed"),
    "warc": ("newsbrief.ingest.warc", "read_warc"),
    "table": ("newsbrief.ingest.tables", "read_table"),
}


def _reader(kind: str) -> Reader:
    module_name, function_name = READERS[kind]
    reader: Reader = getattr(importlib.import_module(module_name), function_name)
    return reader


def walk_folder(folder: Path) -> Iterator[Path | Rejected]:
    """Yield the files under ``folder`` in sorted order and a report of what was skipped."""
    hidden: list[str] = []
    documents: list[str] = []
    found = 0
    errors: list[OSError] = []
    # Linked folders are followed, each real folder read once (a link to a parent loops).
    seen = {os.path.realpath(folder)}
    walk = os.walk(folder, onerror=errors.append, followlinks=True)
    for directory, subfolders, names in walk:
        for error in errors:
            yield cannot_read(str(error.filename or directory), error)
        errors.clear()
        here = Path(directory)
        hidden.extend(str(here / n) for n in subfolders + names if n.startswith("."))
        visible = sorted(n for n in subfolders if not n.startswith("."))
        subfolders[:] = []
        for name in visible:
            real = os.path.realpath(here / name)
            if real in seen:
                yield Rejected(
                    str(here / name), "the same folder as one already read (through a link)", NOTE
                )
            else:
                seen.add(real)
                subfolders.append(name)
        for name in sorted(n for n in names if not n.startswith(".")):
            path = here / name
            if FOLDER_DOCUMENT.fullmatch(name):
                documents.append(str(path))
            elif path.is_file():
                found += 1
                yield path
            else:
                yield Rejected(str(path), "not a regular file (a link to nothing, a pipe...)")
    for error in errors:
        yield cannot_read(str(error.filename or folder), error)
    if hidden:
        kind = "hidden file or folder" if len(hidden) == 1 else "hidden files or folders"
        yield Rejected(str(folder), _skipped(hidden, f"{kind} (names starting with '.')"), NOTE)
    if documents:
        yield documentation_note(str(folder), documents)
    if not found:
        yield Rejected(str(folder), "folder holds no files")


def documentation_note(folder: str, paths: list[str]) -> Rejected:
    """The note on the documentation files (``FOLDER_DOCUMENT``) a folder's walk skipped."""
    kind = "file" if len(paths) == 1 else "files"
    kind += " of the folder's documentation (README, LICENSE, SOURCES...)"
    return Rejected(folder, _skipped(paths, kind), NOTE)


def _skipped(paths: list[str], kind: str) -> str:
    """A folder's note on the files it skipped: the first few named, the rest counted."""
    listed = ", ".join(paths[:LISTED_HIDDEN_NAMES])
    more = len(paths) - LISTED_HIDDEN_NAMES
    suffix = f" and {more} more" if more > 0 else ""
    return f"skipped {len(paths)} {kind}: {listed}{suffix}"


def expand_sources(sources: Iterable[str | Path]) -> Iterator[Path | str | Rejected]:
    """Yield each file named by the sources (folders recursively, globs expanded, "-")."""
    for source in sources:
        name = str(source)
        if name == "-":
            yield "-"
            continue
        try:
            yield from _expand(name, patterns=True)
        except OSError as error:  # a name too long for the system ("File name too long")
            yield Rejected(name, f"cannot read: {error.strerror or error}")


def _expand(name: str, patterns: bool) -> Iterator[Path | Rejected]:
    """The files one source names; a glob's matches are sources in turn (a folder it
    matches is walked, a match that is no file named), as the shell would pass them."""
    path = Path(name)
    if path.is_dir():
        yield from walk_folder(path)
    elif path.is_file():
        yield path
    elif patterns and glob.has_magic(name):
        matches = sorted(glob.glob(name, recursive=True))
        if not matches:
            yield Rejected(name, "pattern matches no file")
        seen: set[Path] = set()  # "data/**" matches a folder and the files in it
        for match in matches:
            for item in _expand(match, patterns=False):
                if isinstance(item, Path):
                    if item in seen:
                        continue
                    seen.add(item)
                yield item
    elif path.exists():
        yield Rejected(name, "not a regular file or folder")
    elif path.is_symlink():
        yield Rejected(name, "a link to nothing (its target is missing, or a loop)")
    else:
        yield Rejected(name, "no such file or folder")


def read_input(opened: Input, config: IngestConfig) -> Iterator[Article | Rejected]:
    """Yield the records of one opened input, choosing its reader by content."""
    if not opened.head.strip():
        yield Rejected(opened.name, "empty input")
        return
    known = known_format(opened.head)
    if known is not None:
        yield Rejected(opened.name, known)
        return
    kind = sniff(opened.head)
    if kind == "text" and b"\x00" in opened.head:
        yield Rejected(opened.name, "binary data, not text")
        return
    reader = _reader(kind)
    count = refused = 0
    try:
        for record in reader(opened, config):
            record, notes = encodable_record(record)
            if isinstance(record, Article):
                count += 1
                record, more = bounded_fields(record, config.max_text_chars)
                notes += more
            else:
                refused += not record.is_note
            yield from notes
            yield record
    except STREAM_ERRORS as error:
        detail = str(error) or type(error).__name__
        yield Rejected(opened.name, f"stream broke after {count} articles: {detail}")
        return
    ignored = getattr(getattr(opened.stream, "raw", None), "ignored", None)
    if ignored:
        yield Rejected(opened.name, ignored, NOTE)
    if not count and not refused:
        # An empty JSON list, a table of headers only, a crawl of requests and revisits: it
        # had vanished from the run without a word.
        yield Rejected(opened.name, "holds no article")


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
            yield encodable_record(item)[0]
            continue
        if item == "-":
            try:
                stream, head = open_stream(sys.stdin.buffer)
            except STREAM_ERRORS as error:
                yield cannot_read("<stdin>", error)
                continue
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


def content_key(article: Article) -> str:
    """Return what makes two articles the same article: their title and text."""
    return content_id(article.title, article.text)


def distinct_id(article: Article) -> str:
    """Return the id for an article whose given id another article (other text) holds.

    The given id stays visible and the content hash makes it unique and stable: the
    same record read again gets the same id, so a repeated run stores nothing twice.
    """
    return f"{article.id}~{content_key(article)[:8]}"


def read_limited(stream: BinaryIO, limit: int) -> bytes | None:
    """Return the whole stream, or None when it is longer than ``limit`` bytes."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


def read_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield (line number, line) for each line; None for a line over ``limit`` bytes.

    An over-long line is skipped in chunks up to its newline, so memory stays bounded by
    ``limit`` however long the line is (one 1 GB line in a 5 MB gzip).
    """
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) <= limit or (line.endswith(b"\n") and len(line) == limit + 1):
            yield number, line
            continue
        while not line.endswith(b"\n"):
            line = stream.readline(SKIP_CHUNK_BYTES)
            if not line:
                break
        yield number, None
