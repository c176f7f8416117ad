"""Read functions over the store, for the web app and scripts.

Each takes an open connection (``open_readonly``) first. Every query is parameterised and
every result is bounded (``MAX_LIMIT`` rows at most).
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from newsbrief.model import NOTE, Article

MAX_LIMIT = 200
# Search terms beyond this many are ignored (FTS5 cost grows with the terms).
MAX_SEARCH_TERMS = 16
# Private-use characters mark the matched words in FTS5 snippets; the index holds none
# (``ingest.index_for_search``: a text's own had faked a highlight, "<mark>SECRET</mark>").
MATCH_START, MATCH_END = "\ue000", "\ue001"


@dataclass(frozen=True)
class EventSummary:
    """What a list of events shows per event."""

    id: str
    headline: str
    date: str | None
    first_seen: str | None
    last_seen: str | None
    article_count: int
    outlet_count: int
    languages: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "headline": self.headline,
            "date": self.date,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "articles": self.article_count,
            "outlets": self.outlet_count,
            "languages": list(self.languages),
        }


@dataclass(frozen=True)
class SearchHit:
    """An article matching a search, with a snippet split into (text, is_match) parts."""

    article_id: str
    title: str | None
    date: str | None
    source: str | None
    event_id: str | None
    snippet: tuple[tuple[str, bool], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.article_id,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "event_id": self.event_id,
            "snippet": "".join(text for text, _ in self.snippet),
            "matches": [text for text, is_match in self.snippet if is_match],
        }


def _bounded(limit: int, offset: int) -> tuple[int, int]:
    return max(0, min(limit, MAX_LIMIT)), max(0, offset)


def _summary(row: sqlite3.Row) -> EventSummary:
    return EventSummary(
        id=row["id"],
        headline=row["headline"],
        date=row["date"],
        first_seen=row["first_seen"],
        last_seen=row["last_seen"],
        article_count=row["article_count"],
        outlet_count=row["outlet_count"],
        languages=tuple(x for x in row["languages"].split(",") if x),
    )


def list_events(
    connection: sqlite3.Connection, day: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[EventSummary], int]:
    """Return events newest day first (largest first within a day), and how many there are.

    Args:
        day: "YYYY-MM-DD" for the events of one day only.
    """
    limit, offset = _bounded(limit, offset)
    where, parameters = ("WHERE date = ?", [day]) if day else ("", [])
    total = connection.execute(f"SELECT count(*) FROM events {where}", parameters).fetchone()[0]
    rows = connection.execute(
        f"SELECT * FROM events {where} ORDER BY date IS NULL, date DESC,"
        " article_count DESC, id LIMIT ? OFFSET ?",
        [*parameters, limit, offset],
    ).fetchall()
    return [_summary(row) for row in rows], total


def resolve_event_id(connection: sqlite3.Connection, event_id: str) -> str | None:
    """Return the current id of an event given its id or a former one, or None."""
    if connection.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone():
        return event_id
    row = connection.execute(
        "SELECT new_id FROM event_aliases WHERE old_id = ?", (event_id,)
    ).fetchone()
    return row[0] if row else None


def get_event(connection: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """Return an event's brief (the brief JSON of DESIGN.md) and its provenance, or None.

    Adds ``built_from`` (the article ids the brief was built from), ``built_run`` and
    ``outlets``/``languages`` to the brief's keys.
    """
    row = connection.execute(
        "SELECT b.brief, b.built_from, b.built_run, e.outlet_count, e.languages"
        " FROM briefs b JOIN events e ON e.id = b.event_id WHERE b.event_id = ?",
        (event_id,),
    ).fetchone()
    if row is None:
        return None
    brief: dict[str, Any] = json.loads(row["brief"])
    brief["built_from"] = json.loads(row["built_from"])
    brief["built_run"] = row["built_run"]
    brief["outlets"] = row["outlet_count"]
    brief["languages"] = [x for x in row["languages"].split(",") if x]
    return brief


def get_article(connection: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """Return an article's record (cleaned once processed), status and event, or None."""
    row = connection.execute(
        "SELECT a.record, a.cleaned, a.status, e.event_id, c.canonical_id FROM articles a"
        " LEFT JOIN event_articles e ON e.article_id = a.id"
        " LEFT JOIN copies c ON c.article_id = a.id WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    record = Article.from_record(json.loads(row["cleaned"] or row["record"])).to_record()
    record["copy_of"] = row["canonical_id"]
    record["status"] = row["status"]
    record["event_id"] = row["event_id"]
    record["copies"] = [
        r[0]
        for r in connection.execute(
            "SELECT article_id FROM copies WHERE canonical_id = ? ORDER BY article_id LIMIT ?",
            (article_id, MAX_LIMIT),
        )
    ]
    return record


def fts_query(text: str) -> str | None:
    """Return an FTS5 query matching all the words of ``text`` (no FTS5 syntax), or None."""
    words = re.findall(r"\w+", text)[:MAX_SEARCH_TERMS]
    if not words:
        return None
    # Quoting every word makes operators (AND, NEAR, *, :, ^) plain words.
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def _snippet_parts(snippet: str) -> tuple[tuple[str, bool], ...]:
    parts: list[tuple[str, bool]] = []
    for piece in re.split(f"({MATCH_START}.*?{MATCH_END})", snippet):
        if piece.startswith(MATCH_START):
            parts.append((piece.strip(MATCH_START + MATCH_END), True))
        elif piece:
            parts.append((piece, False))
    return tuple(parts)


def search(
    connection: sqlite3.Connection, query: str, limit: int = 20, offset: int = 0
) -> list[SearchHit]:
    """Return the articles matching every word of ``query``, best (BM25) first."""
    match = fts_query(query)
    if match is None:
        return []
    limit, offset = _bounded(limit, offset)
    rows = connection.execute(
        "SELECT a.id, a.title, a.date, a.source, e.event_id,"
        " snippet(article_search, 1, ?, ?, '…', 24) AS snippet"
        " FROM article_search JOIN articles a ON a.num = article_search.rowid"
        " LEFT JOIN event_articles e ON e.article_id = a.id"
        " WHERE article_search MATCH ? ORDER BY bm25(article_search, 5.0, 1.0)"
        " LIMIT ? OFFSET ?",
        (MATCH_START, MATCH_END, match, limit, offset),
    ).fetchall()
    return [
        SearchHit(
            article_id=row["id"],
            title=row["title"],
            date=row["date"],
            source=row["source"],
            event_id=row["event_id"],
            snippet=_snippet_parts(row["snippet"]),
        )
        for row in rows
    ]


def store_counts(connection: sqlite3.Connection) -> dict[str, int]:
    """Return how many articles (by status), events, briefs and runs the store holds."""
    counts = {
        f"articles_{status}": n
        for status, n in connection.execute("SELECT status, count(*) FROM articles GROUP BY status")
    }
    for table in ("articles", "events", "briefs", "runs", "copies"):
        counts[table] = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    # The rejected table holds notes on kept articles too: counted apart.
    notes = connection.execute("SELECT count(*) FROM rejected WHERE stage = ?", (NOTE,))
    counts["notes"] = notes.fetchone()[0]
    total = connection.execute("SELECT count(*) FROM rejected").fetchone()[0]
    counts["rejected"] = total - counts["notes"]
    return counts
