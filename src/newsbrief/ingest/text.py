"""Plain-text articles: one article per file.

An optional first line `` date YYYY-MM-DD ...`` gives the publication date (the rest of
that line is the start of the text); a date there that cannot be read is reported. A short
first paragraph without final punctuation is taken as the title. Paragraphs are those of
``paragraphs.split_paragraphs``. A Markdown file (".md", or any text opening on
front matter) gives its title and date in its front matter, and its markup is dropped.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator

from newsbrief.config import IngestConfig
from newsbrief.dates import read_date
from newsbrief.ingest import Input, decode_text, note, read_limited
from newsbrief.ingest.html import has_markup, html_fragment_text
from newsbrief.ingest.paragraphs import split_paragraphs, without_code
from newsbrief.language import detect_language
from newsbrief.model import Article, Rejected, content_id

log = logging.getLogger(__name__)

DATE_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{1,2}-\d{1,2})\b[ \t]*")
TITLE_WORDS = (3, 25)


def guess_title(paragraphs: list[str]) -> str | None:
    """Return a headline-like paragraph among the first three, or None."""
    for paragraph in paragraphs[:3]:
        words = paragraph.split()
        headline_length = TITLE_WORDS[0] <= len(words) <= TITLE_WORDS[1]
        if (
            headline_length
            and not re.search(r"[.!?…]$", paragraph)
            and sum(word[:1].isupper() for word in words) >= 2
        ):
            return paragraph
    return None


def split_date_header(raw: str) -> tuple[dt.date | None, str | None, str]:
    """Return the date of the first line's date header, why it is unreadable, and the rest."""
    match = DATE_HEADER.match(raw)
    if not match:
        return None, None, raw
    date, problem = read_date(match[1])
    return date, problem, raw[match.end() :]


# Markdown (a ".md" file, or one opening on front matter): its front matter, "---" lines
# around "key: value" lines, gives the title and date; its markup is no text ("**Genoa**
# on Tuesday" had lost "Tuesday" in a headline, "[Read more](https://...)" was a sentence).
# Hugo's TOML front matter is fenced by "+++" and writes "key = value": it had been text.
_FRONT_MATTER = re.compile(
    r"\A(?P<fence>---|\+\+\+)[ \t]*\n(?P<fields>.*?)\n(?P=fence)[ \t]*(?:\n|\Z)", re.DOTALL
)
MARKDOWN_SUFFIXES = (".md", ".markdown")
_MARKUP = (
    (re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), ""),  # an image
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),  # a link: its words
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong emphasis
    (re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])"), r"\2"),  # emphasis
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # code
    (re.compile(r"^#{1,6}[ \t]+", re.MULTILINE), ""),  # a heading's marks
)


def split_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """Return a Markdown front matter's fields (keys lower-cased, quotes dropped) and the
    text after it; no fields and the text as it was when there is none."""
    match = _FRONT_MATTER.match(raw)
    if match is None:
        return {}, raw
    fields = {}
    separator = "=" if match["fence"] == "+++" else ":"
    for line in match["fields"].splitlines():
        key, colon, value = line.partition(separator)
        if colon and key.strip():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, raw[match.end() :]


def without_markup(text: str) -> str:
    """Return Markdown as the words it shows: no emphasis marks, links as their words,
    images and heading marks dropped."""
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return re.sub(r"[ \t]{2,}", " ", text)  # where an image was


def parse_text_article(raw: str, *, origin: str, url: str | None) -> Article:
    """Return the article in one plain-text (or Markdown) document."""
    return _article_and_date_problem(raw, origin=origin, url=url)[0]


def _article_and_date_problem(
    raw: str, *, origin: str, url: str | None
) -> tuple[Article, str | None]:
    """The article in one plain-text (or Markdown) document, and why a date its date
    header or front matter writes cannot be read (None when none)."""
    date, problem, raw = split_date_header(without_code(raw))
    fields, raw = split_front_matter(raw)
    if fields or origin.lower().endswith(MARKDOWN_SUFFIXES):
        raw = without_markup(raw)
    if fields.get("date"):
        written, written_problem = read_date(fields["date"])
        date = date or written
        problem = problem or written_problem
    paragraphs = split_paragraphs(raw)
    if "<" in raw:
        # A tag in a text file is markup, not words: "... 40 people died. <img src=x
        # onerror=alert(1)>" had ended a hostile file's headline and labelled its figure
        # "people died. =". A paragraph with tags is read as a fragment's text, as a
        # record's body is.
        paragraphs = [
            part
            for paragraph in paragraphs
            for part in (
                split_paragraphs(html_fragment_text(paragraph))
                if has_markup(paragraph)
                else [paragraph]
            )
        ]
    title = fields.get("title") or guess_title(paragraphs)
    if title is not None and title in paragraphs:
        paragraphs.remove(title)
    text = "\n\n".join(paragraphs)
    article = Article(
        id=content_id(None, title, text),
        text=text,
        title=title,
        date=date,
        url=url,
        language=detect_language(text),
        origin=origin,
    )
    return article, problem


def read_text(opened: Input, config: IngestConfig) -> Iterator[Article | Rejected]:
    """Yield the one article of a plain-text input."""
    data = read_limited(opened.stream, config.max_record_bytes)
    if data is None:
        yield Rejected(opened.name, f"larger than {config.max_record_bytes} bytes")
        return
    decoded = decode_text(data)
    if decoded.text is None:
        yield Rejected(opened.name, decoded.reason or "not text")
        return
    article, date_problem = _article_and_date_problem(
        decoded.text, origin=opened.name, url=opened.uri
    )
    if not article.text.strip():
        yield Rejected(opened.name, "no text")
        return
    yield article
    # Reported, not dropped: the run report lists them, the article is still used.
    for problem in (decoded.note, date_problem):
        if problem:
            yield note(opened.name, problem)
