"""What the pages show: stored records turned into what the templates iterate over.

Everything here is plain data; escaping is the templates' job (Jinja2 autoescape), and
links are only made from ``safe_url`` (http, https, a local file: never ``javascript:``
nor a remote share).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from newsbrief.model import Article
from newsbrief.render import article_label, safe_url
from newsbrief.store import EventSummary

# The article page shows at most this much text (a bound on response size).
MAX_ARTICLE_CHARS = 200_000


@dataclass(frozen=True)
class Day:
    """The events of one day on the front page."""

    date: str | None
    events: tuple[EventSummary, ...]


def events_by_day(events: list[EventSummary]) -> list[Day]:
    """Group events (already newest day first) by their date."""
    return [
        Day(date, tuple(group)) for date, group in itertools.groupby(events, key=lambda e: e.date)
    ]


def article_href(article_id: str, api: bool = False) -> str:
    """Return the link to an article's page (or its JSON).

    The id is quoted as one path segment (``/`` too): "../../etc/passwd" stays under
    /articles/. An id "." or ".." would be a dot segment however quoted (URL parsers
    decode "%2E%2E" to ".."), so it links nowhere ("#").
    """
    if article_id in {".", ".."}:
        return "#"
    return ("/api/articles/" if api else "/articles/") + quote(article_id, safe="")


def _article(record: dict[str, Any]) -> Article:
    return Article.from_record({**record, "text": record.get("text") or ""})


@dataclass(frozen=True)
class Source:
    """One article as the event page names it."""

    id: str
    number: int
    label: str
    title: str | None
    date: str | None
    language: str | None
    url: str | None
    copy_of: str | None


@dataclass(frozen=True)
class Story:
    """An original article and its copies (reprints, re-translations)."""

    original: Source
    copies: tuple[Source, ...]


def event_view(brief: dict[str, Any]) -> dict[str, Any]:
    """Return the event page's data: the brief plus numbered sources and stories."""
    sources = [
        Source(
            id=record["id"],
            number=number,
            label=article_label(_article(record)),
            title=record.get("title"),
            date=record.get("date"),
            language=record.get("language"),
            url=safe_url(record.get("url")),
            copy_of=record.get("copy_of"),
        )
        for number, record in enumerate(brief["articles"], start=1)
    ]
    by_id = {s.id: s for s in sources}
    stories = [
        Story(s, tuple(c for c in sources if c.copy_of == s.id))
        for s in sources
        if s.copy_of is None or s.copy_of not in by_id
    ]
    return {"brief": brief, "sources": by_id, "stories": stories}


def cited(sources: dict[str, Source], article_ids: list[str]) -> list[Source]:
    """Return the sources of the given ids, in citation order (unknown ids skipped)."""
    return sorted((sources[i] for i in article_ids if i in sources), key=lambda s: s.number)


def article_view(record: dict[str, Any]) -> dict[str, Any]:
    """Return the article page's data: paragraphs of its text (bounded) and a safe link."""
    text = record.get("text") or ""
    truncated = len(text) > MAX_ARTICLE_CHARS
    paragraphs = [p for p in text[:MAX_ARTICLE_CHARS].split("\n\n") if p.strip()]
    return {
        "article": record,
        "label": article_label(_article(record)),
        "paragraphs": paragraphs,
        "truncated": truncated,
        "link": safe_url(record.get("url")),
    }
