"""Online clustering: a date-ordered stream, decided a day (or a bounded buffer) at a time.

New articles wait in a buffer until their day ends (an article with a later date arrives,
or an event is asked for) or the buffer holds ``online_buffer_size`` articles. Then the
buffered articles and the open events near them are clustered together by average
linkage (``linkage.average_linkage``), each open event entering as one weighted item, so
the day's articles group with each other and with open events as batch clustering would
group them, and an article that bridges two open events merges them. Decisions within a
day are therefore independent of the order the articles came in.

Per open event the clusterer keeps the sums of its members' embeddings and TF-IDF vectors
(their means give the average similarity to the members exactly, as average linkage uses),
its articles and its last date. Document frequencies are counted over the articles of
open events and the buffer, so the IDF is that of the current news window and memory is
bounded by the open events, not by the history. A buffered article is compared with every
open event by embedding (one matrix product) and in full with the nearest
``online_candidates`` of them. Events with no article for ``event_window_days`` close.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from newsbrief.cluster.features import (
    ArticleFeatures,
    TimeKey,
    apart_names,
    count_matrix,
    date_factor,
    day_factor,
    features_for_articles,
    names_apart,
    shares_no_name,
    time_key,
)
from newsbrief.cluster.linkage import average_linkage, combined_similarity
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
    # The members' names (``features.apart_names``): an article that shares none is apart.
    names: set[str] = field(default_factory=set)


@dataclass(eq=False)
class _Pending:
    item: ArticleFeatures
    article: Article | None


class OnlineClusterer:
    """Cluster a date-ordered stream of articles into events."""

    def __init__(self, config: ClusterConfig):
        self.config = config
        self._events: dict[int, _OpenEvent] = {}
        self._free_slots: list[int] = []
        self._embedding_sums = np.zeros((64, DIMENSIONS), dtype=np.float32)
        self._sizes = np.zeros(64, dtype=np.float32)
        self._event_of_article: dict[str, int] = {}
        self._document_frequency: Counter[str] = Counter()
        self._documents = 0
        self._pending: list[_Pending] = []
        self._pending_day: dt.date | None = None

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
        """The number of open events, each buffered article counted as one (at most)."""
        return len(self._events) + len(self._pending)

    def add(self, article: Article) -> str:
        """Add one article; return the id of the event it is in now (see ``add_features``)."""
        return self.add_features(features_for_articles([article], self.config)[0], article)

    def add_features(self, item: ArticleFeatures, article: Article | None = None) -> str:
        """Add one article's precomputed features; return the id of its event now.

        A copy whose canonical is in an open event joins it at once. Other articles wait
        for their day to end: until then their id is that of their own one-article event.
        Ids follow the members and are final once an event closes.
        """
        slot = self._event_of_article.get(item.copy_of) if item.copy_of else None
        if slot is not None:
            slot = self._join(item, article, slot)
            return event_id(self._events[slot].article_ids)
        if item.date and self._pending_day and item.date > self._pending_day:
            self.flush()
        self._count_terms(item.term_counts, +1)
        self._pending.append(_Pending(item, article))
        if item.date and (self._pending_day is None or item.date > self._pending_day):
            self._pending_day = item.date
        if len(self._pending) >= self.config.online_buffer_size:
            self.flush()
        return event_id([item.article_id])

    def close_quiet(self, today: dt.date) -> list[Event]:
        """Decide the buffer if ``today`` starts a new day; close and return the events
        with no article for ``event_window_days``."""
        return [self._to_event(e) for e in self._close(self._quiet_slots(today))]

    def close_quiet_ids(self, today: dt.date) -> list[list[str]]:
        """Close the quiet events; return their article ids (for features-only streams)."""
        return [e.article_ids for e in self._close(self._quiet_slots(today))]

    def close_all_ids(self) -> list[list[str]]:
        """Decide the buffer, close every event; return their article ids."""
        self.flush()
        return [e.article_ids for e in self._close(list(self._events))]

    def open_events(self) -> list[Event]:
        """Decide the buffered articles, then return the open events (without closing them)."""
        self.flush()
        return [self._to_event(e) for e in self._events.values()]

    def flush(self) -> None:
        """Cluster the buffered articles together with the open events near them."""
        pending, self._pending, self._pending_day = self._pending, [], None
        if not pending:
            return
        buffered_ids = {p.item.article_id for p in pending}
        copies = [p for p in pending if p.item.copy_of in buffered_ids]
        originals = [p for p in pending if p.item.copy_of not in buffered_ids]
        vectors = [self._tfidf(p.item.term_counts) for p in originals]
        slots = self._candidate_events(originals, vectors)
        similarity = self._item_similarity(slots, originals, vectors)
        sizes = np.concatenate([self._sizes[slots], np.ones(len(originals), dtype=np.float32)])
        fresh = np.arange(len(sizes)) >= len(slots)
        threshold = self.config.online_similarity_threshold
        for group in average_linkage(similarity, sizes, fresh, threshold):
            event_slots = [int(slots[i]) for i in group if i < len(slots)]
            slot: int | None = None
            if event_slots:
                slot = max(event_slots, key=lambda s: len(self._events[s].article_ids))
                for other in event_slots:
                    if other != slot:
                        self._absorb(slot, other)
            for i in group:
                if i >= len(slots):
                    index = i - len(slots)
                    slot = self._join(
                        originals[index].item, originals[index].article, slot, vectors[index]
                    )
        self._place_copies(copies)

    def _place_copies(self, copies: list[_Pending]) -> None:
        """Put buffered copies with their (now decided) canonicals, chains included."""
        waiting = list(copies)
        while waiting:
            ready = [p for p in waiting if p.item.copy_of in self._event_of_article]
            if not ready:  # a cycle of copies is a dedup bug: the first starts an event
                ready = waiting[:1]
            for p in ready:
                slot = self._event_of_article.get(p.item.copy_of or "")
                self._join(p.item, p.article, slot, self._tfidf(p.item.term_counts))
            waiting = [p for p in waiting if p not in ready]

    def _candidate_events(
        self, originals: Sequence[_Pending], vectors: Sequence[dict[str, float]]
    ) -> np.ndarray:
        """Return the open events that some buffered article reaches the threshold with.

        Each article is scored in full only against its ``online_candidates`` nearest open
        events by embedding, so the cost per article is bounded.
        """
        if not self._events or not originals:
            return np.zeros(0, dtype=np.int64)
        slots = np.fromiter(self._events, dtype=np.int64)
        embeddings = np.vstack([p.item.embedding for p in originals]).astype(np.float32)
        # All rows (free slots are zeros), then the open ones: cheaper than gathering rows.
        all_scores = (self._embedding_sums @ embeddings.T).T
        embedding_scores = all_scores[:, slots] / self._sizes[slots]
        nearest_count = min(self.config.online_candidates, len(slots))
        if nearest_count < len(slots):
            nearest = np.argpartition(-embedding_scores, nearest_count, axis=1)[:, :nearest_count]
        else:
            nearest = np.broadcast_to(np.arange(len(slots)), embedding_scores.shape)
        window = dt.timedelta(days=self.config.event_window_days)
        threshold = self.config.online_similarity_threshold
        keep: set[int] = set()
        slot_list, size_list = slots.tolist(), self._sizes[slots].tolist()
        for row, (pending, vector) in enumerate(zip(originals, vectors, strict=True)):
            item = pending.item
            scores = embedding_scores[row].tolist()
            names = set(apart_names(item, self.config.names_apart_common_zipf))
            for column in nearest[row].tolist():
                slot = slot_list[column]
                if slot in keep:
                    continue
                event = self._events[slot]
                decay = 1.0
                if item.date and event.last_date:
                    gap = abs(item.date - event.last_date)
                    if gap > window:
                        continue
                    decay = day_factor(gap.days, self.config)
                term_sum = event.term_sum
                term_score = sum(w * term_sum.get(t, 0.0) for t, w in vector.items())
                score = combined_similarity(
                    scores[column],
                    term_score / size_list[column],
                    self.config,
                    _other_languages({item.language}, event.languages),
                    decay,
                    shares_no_name(names, event.names),
                )
                if score >= threshold:
                    keep.add(slot)
        return np.array(sorted(keep), dtype=np.int64)

    def _item_similarity(
        self,
        slots: np.ndarray,
        originals: Sequence[_Pending],
        vectors: Sequence[dict[str, float]],
    ) -> np.ndarray:
        """Return the average similarity between the members of every pair of items.

        Items are the candidate events (from their sums), then the buffered articles.
        """
        events = [self._events[int(s)] for s in slots]
        term_rows = [e.term_sum for e in events] + list(vectors)
        vocabulary = {t: n for n, t in enumerate(sorted({t for r in term_rows for t in r}))}
        rows, columns, values = [], [], []
        for row, terms in enumerate(term_rows):
            for term, value in terms.items():
                rows.append(row)
                columns.append(vocabulary[term])
                values.append(value)
        terms_matrix = sparse.csr_matrix(
            (values, (rows, columns)), shape=(len(term_rows), len(vocabulary))
        )
        embeddings = np.vstack(
            [self._embedding_sums[slots].astype(np.float64)]
            + [p.item.embedding.astype(np.float64)[None, :] for p in originals]
        )
        sizes = np.concatenate([self._sizes[slots], np.ones(len(originals))]).astype(np.float64)
        scale = np.outer(sizes, sizes)
        cosine = embeddings @ embeddings.T / scale
        term_cosine = (terms_matrix @ terms_matrix.T).toarray() / scale
        languages = [e.languages for e in events] + [{p.item.language} for p in originals]
        dates: list[TimeKey] = [e.last_date for e in events]
        dates += [time_key(p.item) for p in originals]
        common = self.config.names_apart_common_zipf
        names = count_matrix(
            [e.names for e in events] + [apart_names(p.item, common) for p in originals]
        )
        return combined_similarity(
            cosine,
            term_cosine,
            self.config,
            _cross_language_pairs(languages),
            date_factor(dates, dates, self.config),
            names_apart(names, names),
        )

    def _count_terms(self, terms: dict[str, float], sign: int) -> None:
        if sign > 0:
            self._document_frequency.update(terms.keys())
        else:
            for term in terms:
                left = self._document_frequency[term] - 1
                if left > 0:
                    self._document_frequency[term] = left
                else:
                    del self._document_frequency[term]
        self._documents += sign

    def _quiet_slots(self, today: dt.date) -> list[int]:
        if self._pending_day and today > self._pending_day:
            self.flush()  # a new day: decide yesterday's articles before closing events
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
                self._count_terms(terms, -1)
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

    def _join(
        self,
        item: ArticleFeatures,
        article: Article | None,
        slot: int | None,
        vector: dict[str, float] | None = None,
    ) -> int:
        """Add an article to event ``slot`` (a new event when None); return the slot.

        ``vector`` is the TF-IDF vector of a buffered article, whose terms are already
        counted in the document frequencies; without it they are counted here.
        """
        if vector is None:
            vector = self._tfidf(item.term_counts)
            self._count_terms(item.term_counts, +1)
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
        event.names.update(apart_names(item, self.config.names_apart_common_zipf))
        if item.date and (event.last_date is None or item.date > event.last_date):
            event.last_date = item.date
        self._embedding_sums[slot] += item.embedding
        self._sizes[slot] += 1
        self._event_of_article[item.article_id] = slot
        return slot

    def _absorb(self, slot: int, other: int) -> int:
        """Merge event ``other`` into event ``slot``; return ``slot``."""
        event, absorbed = self._events[slot], self._events.pop(other)
        event.article_ids.extend(absorbed.article_ids)
        event.articles.extend(absorbed.articles)
        event.term_counts.extend(absorbed.term_counts)
        event.languages |= absorbed.languages
        event.names |= absorbed.names
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


def _cross_language_pairs(languages: Sequence[set[str | None]]) -> np.ndarray:
    """Return True where two items' languages are all known and none is shared."""
    known = sorted({x for group in languages for x in group if x})
    if len(known) < 2:
        return np.zeros((len(languages), len(languages)), dtype=bool)
    member = np.array([[code in group for code in known] for group in languages], dtype=bool)
    complete = np.array([None not in group for group in languages], dtype=bool)
    shared = member.astype(np.int32) @ member.T.astype(np.int32)
    out: np.ndarray = (shared == 0) & complete[:, None] & complete[None, :]
    return out


def make_event(articles: Sequence[Article]) -> Event:
    """Return an Event of these articles, in date order (undated last)."""
    ordered = sorted(articles, key=lambda a: (a.date is None, a.date or dt.date.min))
    return Event(event_id([a.id for a in ordered]), tuple(ordered))
