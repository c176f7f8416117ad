"""Plain-text articles: one article per file.

An optional first line `` date YYYY-MM-DD ...`` gives the publication date (the rest of
that line is the start of the text); a date there that cannot be read is reported. A short
first paragraph without final punctuation is taken as the title. Blocks separated by blank
lines are paragraphs; inside a block, hard-wrapped lines are joined and short or complete
lines stay paragraphs of their own.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator

from newsbrief.config import IngestConfig
from newsbrief.dates import read_date
from newsbrief.ingest import Input, decode_text, note, read_limited
from newsbrief.language import detect_language
from newsbrief.model import Article, Rejected, content_id

log = logging.getLogger(__name__)

DATE_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{1,2}-\d{1,2})\b[ \t]*")
SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")
# Lines at least this long that end mid-sentence are taken as hard-wrapped text.
WRAPPED_LINE_CHARS = 60
TITLE_WORDS = (3, 25)


def split_paragraphs(text: str) -> list[str]:
    """Return the paragraphs of plain text (see the module docstring for the rules)."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        wrapped = len(lines) > 1 and all(
            len(line) >= WRAPPED_LINE_CHARS and not SENTENCE_END.search(line) for line in lines[:-1]
        )
        if wrapped:
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


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


def parse_text_article(raw: str, *, origin: str, url: str | None) -> Article:
    """Return the article in one plain-text document."""
    date, _, raw = split_date_header(raw)
    paragraphs = split_paragraphs(raw)
    title = guess_title(paragraphs)
    if title is not None:
        paragraphs.remove(title)
    text = "\n\n".join(paragraphs)
    return Article(
        id=content_id(None, title, text),
        text=text,
        title=title,
        date=date,
        url=url,
        language=detect_language(text),
        origin=origin,
    )


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
    article = parse_text_article(decoded.text, origin=opened.name, url=opened.uri)
    date_problem = split_date_header(decoded.text)[1]
    if not article.text.strip():
        yield Rejected(opened.name, "no text")
        return
    yield article
    # Reported, not dropped: the run report lists them, the article is still used.
    for problem in (decoded.note, date_problem):
        if problem:
            yield note(opened.name, problem)
