"""Online clustering: each new article joins the most similar open event or opens one.

The clusterer keeps only open events: per event the sum of its members' embeddings and
TF-IDF vectors (their means give the average similarity to the members exactly, as in
batch average linkage), its articles and its last date. Document frequencies are counted
over the articles of open events, so the IDF is that of the current news window and memory
is bounded by the open events, not by the history. A new article is compared with every
open event by embedding (one matrix-vector product) and in full with the nearest
``online_candidates`` of them. Events with no article for ``event_window_days`` close.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from newsbrief.cluster.features import ArticleFeatures, features_for_articles
from newsbrief.config import ClusterConfig
from newsbrief.embed import DIMENSIONS
from newsbrief.model import Article, Event, event_id


@dataclass(eq=False)
class _OpenEvent:
    slot: int
    article_ids: list[str] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    term_sum: dict[str, float] = field(default_factory=dict)
    term_counts: list[dict[str, float]] = field(default_factory=list)
    last_date: dt.date | None = None
    # Languages of the members; None in it when some member's language is unknown.
    languages: set[str | None] = field(default_factory=set)


class OnlineClusterer:
    """Cluster a date-ordered stream of articles into events, one article at a time."""

    def __init__(self, config: ClusterConfig):
        self.config = config
        self._events: dict[int, _OpenEvent] = {}
        self._free_slots: list[int] = []
        self._embedding_sums = np.zeros((64, DIMENSIONS), dtype=np.float32)
        self._sizes = np.zeros(64, dtype=np.float32)
        self._event_of_article: dict[str, int] = {}
        self._document_frequency: Counter[str] = Counter()
        self._documents = 0

    @classmethod
    def from_events(cls, events: Iterable[Event], config: ClusterConfig) -> OnlineClusterer:
        """Return a clusterer whose open events are ``events`` (for incremental updates)."""
        clusterer = cls(config)
        for event in events:
            features = features_for_articles(event.articles, config)
            clusterer.reopen_event(list(zip(features, event.articles, strict=True)))
        return clusterer

    def reopen_event(self, members: Sequence[tuple[ArticleFeatures, Article]]) -> None:
        """Open one event with these members as they are (from stored events and features)."""
        slot: int | None = None
        for item, article in members:
            slot = self._join(item, article, slot)

    @property
    def open_count(self) -> int:
        return len(self._events)

    def add(self, article: Article) -> str:
        """Add one article; return the id its event has now (it follows the members)."""
        return self.add_features(features_for_articles([article], self.config)[0], article)

    def add_features(self, item: ArticleFeatures, article: Article | None = None) -> str:
        """Add one article's precomputed features; return its event's current id."""
        slot = self._event_of_article.get(item.copy_of) if item.copy_of else None
        if slot is None:
            slot = self._best_event(item)
        slot = self._join(item, article, slot)
        if item.copy_of is None:
            slot = self._merge_nearest(slot)
        return event_id(self._events[slot].article_ids)

    def close_quiet(self, today: dt.date) -> list[Event]:
        """Close and return the events with no article for ``event_window_days``."""
        return [self._to_event(e) for e in self._close(self._quiet_slots(today))]

    def close_quiet_ids(self, today: dt.date) -> list[list[str]]:
        """Close the quiet events; return their article ids (for features-only streams)."""
        return [e.article_ids for e in self._close(self._quiet_slots(today))]

    def close_all_ids(self) -> list[list[str]]:
        return [e.article_ids for e in self._close(list(self._events))]

    def open_events(self) -> list[Event]:
        """Return the open events (without closing them)."""
        return [self._to_event(e) for e in self._events.values()]

    def _quiet_slots(self, today: dt.date) -> list[int]:
        window = dt.timedelta(days=self.config.event_window_days)
        return [
            slot
            for slot, e in self._events.items()
            if e.last_date is not None and today - e.last_date > window
        ]

    def _close(self, slots: Sequence[int]) -> list[_OpenEvent]:
        closed = []
        for slot in slots:
            event = self._events.pop(slot)
            for terms in event.term_counts:
                for term in terms:
                    left = self._document_frequency[term] - 1
                    if left > 0:
                        self._document_frequency[term] = left
                    else:
                        del self._document_frequency[term]
            self._documents -= len(event.term_counts)
            for article_id in event.article_ids:
                self._event_of_article.pop(article_id, None)
            self._embedding_sums[slot] = 0.0
            self._sizes[slot] = 0.0
            self._free_slots.append(slot)
            closed.append(event)
        return closed

    def _tfidf(self, terms: dict[str, float]) -> dict[str, float]:
        documents = self._documents + 1 + self.config.idf_prior_documents
        weights = {
            term: tf * (math.log((1 + documents) / (1 + self._document_frequency[term] + 1)) + 1)
            for term, tf in terms.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {term: w / norm for term, w in weights.items()}

    def _best_event(self, item: ArticleFeatures) -> int | None:
        if not self._events:
            return None
        slots = np.fromiter(self._events, dtype=np.int64)
        embedding_scores = self._embedding_sums[slots] @ item.embedding / self._sizes[slots]
        if len(slots) > self.config.online_candidates:
            nearest = np.argpartition(-embedding_scores, self.config.online_candidates)
            keep = nearest[: self.config.online_candidates]
            slots, embedding_scores = slots[keep], embedding_scores[keep]
        vector = self._tfidf(item.term_counts)
        weight = self.config.embedding_weight
        window = dt.timedelta(days=self.config.event_window_days)
        best_slot, best_score = None, self.config.online_similarity_threshold
        for slot, embedding_score in zip(slots.tolist(), embedding_scores.tolist(), strict=True):
            event = self._events[slot]
            if item.date and event.last_date and abs(item.date - event.last_date) > window:
                continue
            term_score = sum(w * event.term_sum.get(t, 0.0) for t, w in vector.items())
            score = weight * embedding_score + (1 - weight) * term_score / len(event.article_ids)
            if _other_languages({item.language}, event.languages):
                score = max(score, self.config.cross_language_scale * embedding_score)
            if score >= best_score:
                best_slot, best_score = slot, score
        return best_slot

    def _join(self, item: ArticleFeatures, article: Article | None, slot: int | None) -> int:
        vector = self._tfidf(item.term_counts)
        if slot is None:
            slot = self._new_slot()
            self._events[slot] = _OpenEvent(slot)
        event = self._events[slot]
        event.article_ids.append(item.article_id)
        if article is not None:
            event.articles.append(article)
        for term, weight in vector.items():
            event.term_sum[term] = event.term_sum.get(term, 0.0) + weight
        event.term_counts.append(item.term_counts)
        event.languages.add(item.language)
        if item.date and (event.last_date is None or item.date > event.last_date):
            event.last_date = item.date
        self._embedding_sums[slot] += item.embedding
        self._sizes[slot] += 1
        self._event_of_article[item.article_id] = slot
        self._document_frequency.update(item.term_counts.keys())
        self._documents += 1
        return slot

    def _merge_nearest(self, slot: int) -> int:
        """Merge the event that just grew with its nearest open event, if it now qualifies.

        The average similarity between two events' members, from their sums, is what batch
        average linkage merges on; an article that bridges two events makes them one.
        """
        event = self._events[slot]
        others = np.fromiter((s for s in self._events if s != slot), dtype=np.int64)
        if len(others) == 0:
            return slot
        size = self._sizes[slot]
        embedding_scores = (
            self._embedding_sums[others] @ self._embedding_sums[slot] / (self._sizes[others] * size)
        )
        if len(others) > self.config.online_candidates:
            keep = np.argpartition(-embedding_scores, self.config.online_candidates)
            keep = keep[: self.config.online_candidates]
            others, embedding_scores = others[keep], embedding_scores[keep]
        weight = self.config.embedding_weight
        window = dt.timedelta(days=self.config.event_window_days)
        best_slot, best_score = None, self.config.online_similarity_threshold
        for other, embedding_score in zip(others.tolist(), embedding_scores.tolist(), strict=True):
            candidate = self._events[other]
            if (
                event.last_date
                and candidate.last_date
                and abs(event.last_date - candidate.last_date) > window
            ):
                continue
            small, large = sorted((event.term_sum, candidate.term_sum), key=len)
            term_score = sum(w * large.get(t, 0.0) for t, w in small.items())
            term_score /= len(event.article_ids) * len(candidate.article_ids)
            score = weight * embedding_score + (1 - weight) * term_score
            if _other_languages(event.languages, candidate.languages):
                score = max(score, self.config.cross_language_scale * embedding_score)
            if score >= best_score:
                best_slot, best_score = other, score
        if best_slot is None:
            return slot
        return self._absorb(slot, best_slot)

    def _absorb(self, slot: int, other: int) -> int:
        """Merge event ``other`` into event ``slot``; return ``slot``."""
        event, absorbed = self._events[slot], self._events.pop(other)
        event.article_ids.extend(absorbed.article_ids)
        event.articles.extend(absorbed.articles)
        event.term_counts.extend(absorbed.term_counts)
        event.languages |= absorbed.languages
        for term, weight in absorbed.term_sum.items():
            event.term_sum[term] = event.term_sum.get(term, 0.0) + weight
        if absorbed.last_date and (event.last_date is None or absorbed.last_date > event.last_date):
            event.last_date = absorbed.last_date
        self._embedding_sums[slot] += self._embedding_sums[other]
        self._sizes[slot] += self._sizes[other]
        self._embedding_sums[other] = 0.0
        self._sizes[other] = 0.0
        self._free_slots.append(other)
        for article_id in absorbed.article_ids:
            self._event_of_article[article_id] = slot
        return slot

    def _new_slot(self) -> int:
        if self._free_slots:
            return self._free_slots.pop()
        slot = len(self._events)
        if slot >= len(self._sizes):
            grow = len(self._sizes)
            self._embedding_sums = np.vstack(
                [self._embedding_sums, np.zeros((grow, DIMENSIONS), dtype=np.float32)]
            )
            self._sizes = np.concatenate([self._sizes, np.zeros(grow, dtype=np.float32)])
        return slot

    def _to_event(self, event: _OpenEvent) -> Event:
        return make_event(event.articles)


def _other_languages(first: set[str | None], second: set[str | None]) -> bool:
    """Return True when both sides' languages are all known and none is shared."""
    return None not in first and None not in second and not first & second


def make_event(articles: Sequence[Article]) -> Event:
    """Return an Event of these articles, in date order (undated last)."""
    ordered = sorted(articles, key=lambda a: (a.date is None, a.date or dt.date.min))
    return Event(event_id([a.id for a in ordered]), tuple(ordered))
