"""The embedded store: SQLite (WAL) holding articles, copies, events, briefs and runs.

    report = ingest(["feeds/", "crawl.warc.gz"], "news.db", config)   # idempotent
    update_report = update("news.db", config)                         # incremental
    with closing(open_readonly("news.db")) as db:                     # the web app
        events, total = list_events(db, day="2020-01-07")

``ingest`` stores articles as read, in committed batches; ``update`` cleans, dedups and
clusters the new ones into the stored events and rebuilds only the changed briefs. The
schema is in ``store/schema.py`` (versioned with ``PRAGMA user_version``).
"""

from newsbrief.store.ingest import ingest
from newsbrief.store.read import (
    MAX_LIMIT,
    EventSummary,
    SearchHit,
    get_article,
    get_event,
    list_events,
    resolve_event_id,
    search,
    store_counts,
)
from newsbrief.store.schema import SCHEMA_VERSION, open_for_writing, open_readonly
from newsbrief.store.update import UpdateReport, update

__all__ = [
    "MAX_LIMIT",
    "SCHEMA_VERSION",
    "EventSummary",
    "SearchHit",
    "UpdateReport",
    "get_article",
    "get_event",
    "ingest",
    "list_events",
    "open_for_writing",
    "open_readonly",
    "resolve_event_id",
    "search",
    "store_counts",
    "update",
]
