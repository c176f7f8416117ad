"""The JSON API's response shapes, for the OpenAPI description (/openapi.json).

They mirror the brief JSON of DESIGN.md and ``newsbrief.store``'s records. Extra keys are
allowed through, so a key added to the brief appears in the API before it is described.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class EventSummary(_Open):
    id: str
    headline: str
    date: str | None
    first_seen: str | None
    last_seen: str | None
    articles: int
    outlets: int
    languages: list[str]


class EventList(_Open):
    events: list[EventSummary]
    total: int
    limit: int
    offset: int


class KeySentence(_Open):
    text: str
    sources: list[str]
    reported: str | None = None  # its first report's day, in a story over weeks


class ArticleRef(_Open):
    id: str
    source: str | None
    title: str | None
    date: str | None
    url: str | None
    language: str | None
    copy_of: str | None


class Claim(_Open):
    value: str
    qualifier: str | None
    sources: list[str]
    quote: str
    as_of: str | None = None


class Fact(_Open):
    subject: str
    value: str
    unit: str | None
    claims: list[Claim]
    agreement: str


class Entity(_Open):
    name: str
    type: str
    count: int
    sources: list[str]


class TimelineEntry(_Open):
    date: str
    text: str
    sources: list[str]


class Development(_Open):
    """One event of a story: its id, days, lead title and articles."""

    id: str
    headline: str
    first_seen: str | None
    last_seen: str | None
    articles: list[str]


class Brief(_Open):
    """One story's brief (``developments``: its events), and the article ids it was built
    from."""

    id: str
    headline: str
    date: str | None
    first_seen: str | None
    last_seen: str | None
    summary: list[KeySentence]
    articles: list[ArticleRef]
    facts: list[Fact]
    entities: list[Entity]
    timeline: list[TimelineEntry]
    developments: list[Development] = []
    built_from: list[str]
    built_run: int
    outlets: int
    languages: list[str]


class StoredArticle(ArticleRef):
    text: str
    author: str | None
    origin: str | None
    sentences: list[str]
    status: str
    event_id: str | None
    copies: list[str]


class SearchHit(_Open):
    id: str
    title: str | None
    date: str | None
    source: str | None
    event_id: str | None
    snippet: str
    matches: list[str]


class SearchResults(_Open):
    query: str
    results: list[SearchHit]
    limit: int
