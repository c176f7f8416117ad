"""Save, load and merge the online clusterer's state, like a sketch.

``save_state`` writes everything an ``OnlineClusterer`` holds (open events with their sums,
the buffered articles, the document frequencies of the news window) as JSON, vectors as
base64 float32: loading it and going on with the stream gives the clustering a continuous
stream gives (tests/test_cluster_state.py). ``merge_states`` joins the states of two
clusterers fed disjoint streams (two outlets, two partitions): their open events, buffers
and document frequencies add up. Events of the two sides are not re-judged against each
other (as open events are never re-judged among themselves): a later article similar to
both merges them, as in one stream.

The store saves the state after each update (``store/update.py``) and loads it for the
next one; ``close_before`` keeps it bounded by the news window a new article can reach.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections import Counter
from typing import Any

import numpy as np

from newsbrief.cluster.features import ArticleFeatures
from newsbrief.cluster.online import OnlineClusterer, _OpenEvent, _Pending
from newsbrief.config import ClusterConfig
from newsbrief.embed import DIMENSIONS
from newsbrief.errors import InputError
from newsbrief.model import Article

STATE_VERSION = 1


def save_state(clusterer: OnlineClusterer) -> str:
    """Return the clusterer's whole state as a JSON document."""
    return json.dumps(
        {
            "version": STATE_VERSION,
            "events": [_event_record(e) for e in clusterer._events.values()],
            "free_slots": clusterer._free_slots,
            "embedding_sums": _array(clusterer._embedding_sums),
            "sizes": _array(clusterer._sizes),
            "document_frequency": dict(clusterer._document_frequency),
            "documents": clusterer._documents,
            "pending": [_pending_record(p) for p in clusterer._pending],
            "pending_day": _day(clusterer._pending_day),
        },
        ensure_ascii=False,
    )


def load_state(text: str, config: ClusterConfig) -> OnlineClusterer:
    """Return a clusterer in the state ``save_state`` wrote.

    Raises:
        InputError: the text is not a saved state of this version.
    """
    try:
        state = json.loads(text)
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"version {state.get('version')!r}, expected {STATE_VERSION}")
        clusterer = OnlineClusterer(config)
        for record in state["events"]:
            event = _open_event(record)
            clusterer._events[event.slot] = event
            clusterer._event_of_article.update(dict.fromkeys(event.article_ids, event.slot))
        clusterer._free_slots = [int(s) for s in state["free_slots"]]
        clusterer._embedding_sums = _from_array(state["embedding_sums"]).reshape(-1, DIMENSIONS)
        clusterer._sizes = _from_array(state["sizes"])
        clusterer._document_frequency = Counter(state["document_frequency"])
        clusterer._documents = int(state["documents"])
        clusterer._pending = [_Pending(*_features(r)) for r in state["pending"]]
        clusterer._pending_day = _date(state["pending_day"])
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise InputError(f"not a saved clustering state: {error}") from None
    return clusterer


def merge_states(first: OnlineClusterer, second: OnlineClusterer) -> OnlineClusterer:
    """Return a clusterer holding both states (disjoint streams): events, buffers and
    document frequencies of both. The arguments are left as they were.

    Raises:
        InputError: an article is in both states (the streams were not disjoint).
    """
    merged = load_state(save_state(first), first.config)
    shared = merged._event_of_article.keys() & second._event_of_article.keys()
    pending_ids = {p.item.article_id for p in merged._pending}
    shared |= pending_ids & {p.item.article_id for p in second._pending}
    if shared:
        raise InputError(f"cannot merge states that share articles: {sorted(shared)[0]}")
    for other in second._events.values():
        slot = merged._new_slot()
        event = _open_event({**_event_record(other), "slot": slot})
        merged._events[slot] = event
        merged._event_of_article.update(dict.fromkeys(event.article_ids, slot))
        merged._embedding_sums[slot] = second._embedding_sums[other.slot]
        merged._sizes[slot] = second._sizes[other.slot]
    merged._document_frequency.update(second._document_frequency)
    merged._documents += second._documents
    merged._pending.extend(_Pending(*_features(_pending_record(p))) for p in second._pending)
    days = [d for d in (merged._pending_day, second._pending_day) if d]
    merged._pending_day = max(days, default=None)
    return merged


def held_articles(clusterer: OnlineClusterer) -> set[str]:
    """Return the ids of the articles in the clusterer's open events and buffer."""
    return set(clusterer._event_of_article) | {p.item.article_id for p in clusterer._pending}


def close_before(clusterer: OnlineClusterer, day: dt.date) -> int:
    """Close the open events whose last article is dated before ``day`` (undated ones stay
    open); decide the buffer first. Return how many closed."""
    clusterer.flush()
    quiet = [s for s, e in clusterer._events.items() if e.last_date and e.last_date < day]
    return len(clusterer._close(quiet))


def _event_record(event: _OpenEvent) -> dict[str, Any]:
    return {
        "slot": event.slot,
        "article_ids": event.article_ids,
        "articles": [a.to_record() for a in event.articles],
        "term_sum": event.term_sum,
        "term_counts": event.term_counts,
        "last_date": _day(event.last_date),
        "languages": sorted(event.languages, key=lambda code: code or ""),
        "names": sorted(event.names),
    }


def _open_event(record: dict[str, Any]) -> _OpenEvent:
    return _OpenEvent(
        slot=int(record["slot"]),
        article_ids=list(record["article_ids"]),
        articles=[Article.from_record(r) for r in record["articles"]],
        term_sum=dict(record["term_sum"]),
        term_counts=[dict(terms) for terms in record["term_counts"]],
        last_date=_date(record["last_date"]),
        languages=set(record["languages"]),
        names=set(record.get("names", ())),  # states saved before it have none
    )


def _pending_record(pending: _Pending) -> dict[str, Any]:
    item = pending.item
    return {
        "article_id": item.article_id,
        "date": _day(item.date),
        "after": _day(item.after),
        "embedding": _array(item.embedding),
        "term_counts": item.term_counts,
        "copy_of": item.copy_of,
        "language": item.language,
        "name_counts": item.name_counts,
        "article": pending.article.to_record() if pending.article else None,
    }


def _features(record: dict[str, Any]) -> tuple[ArticleFeatures, Article | None]:
    item = ArticleFeatures(
        article_id=record["article_id"],
        date=_date(record["date"]),
        embedding=_from_array(record["embedding"]),
        term_counts=dict(record["term_counts"]),
        copy_of=record["copy_of"],
        language=record["language"],
        name_counts=dict(record["name_counts"]),
        after=_date(record.get("after")),  # states saved before it have none
    )
    article = Article.from_record(record["article"]) if record["article"] else None
    return item, article


def _array(values: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(values, dtype=np.float32).tobytes()).decode()


def _from_array(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=np.float32).copy()


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
