"""Update: process the articles ingest stored since the last update, incrementally.

The order:

    1. read the new articles (status ``new``), in date order
    2. clean them (``clean_articles``); emptied ones are rejected
    3. dedup them against each other and the stored articles of the same days
       (``find_duplicates``): a new copy of a stored story points to the stored canonical
    4. cluster online (``Pipeline.stream``): the online clusterer the last update saved
       (``cluster_state``; cluster/online_state.py) goes on with the new articles, so its
       open events, sums and document frequencies are those of one continuous stream.
       Developments of the stored stories in reach (same days, a new copy's canonical,
       ``story_reach_days``) that the state no longer holds (closed, or a store without
       state) are reopened from their briefs and saved embeddings. Each new event then
       joins the stored story it is closest to in story terms (``cluster/stories.py``) or
       starts a new story. A row of ``events`` is a story: its id is that of its first
       article, so it stays while the story grows; the state is saved with the batch
    5. rebuild the brief of every story that gained articles, and of every new story
    6. write the batch in one transaction; go on with the next batch of new articles

Stored articles never move between stories and stored copies keep their canonical, so a
story changes only by gaining articles and only changed stories get new briefs. The work
is computed outside the write transaction (the web app and ingest keep going) and
written in one short one per batch, after checking no other update wrote the same rows
meanwhile; a killed update keeps its finished batches and the next one does the rest.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import time
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from newsbrief.config import Config
from newsbrief.errors import StoreError
from newsbrief.model import Article, Brief, Event, Rejected, Story
from newsbrief.pipeline import Pipeline, unbriefed
from newsbrief.progress import Progress, no_progress
from newsbrief.store.ingest import finish_run, index_for_search, start_run, store_rejected
from newsbrief.store.schema import open_for_writing, write_transaction

if TYPE_CHECKING:  # clustering loads the embedding model: only when an update runs
    from newsbrief.cluster import OnlineClusterer
    from newsbrief.cluster.features import ArticleFeatures

log = logging.getLogger(__name__)

# An undated new article is compared with this many stored articles, the most recent:
# enough for a news desk's last weeks, bounded so an update's cost does not grow forever.
MAX_UNDATED_NEIGHBOURS = 5000
# New articles per update transaction: a killed update keeps its finished batches; larger
# batches rebuild fewer briefs twice (an event growing across two batches).
UPDATE_BATCH_ARTICLES = 500


@dataclass(frozen=True)
class UpdateReport:
    """What an update did."""

    new_articles: int = 0
    kept: int = 0
    copies: int = 0
    events_created: int = 0
    events_changed: int = 0
    events_merged: int = 0  # stored events folded into another one by a bridging article
    briefs_rebuilt: int = 0
    events_unbriefed: int = 0  # a brief stage failed: their new articles wait for the next run
    # Stored developments rebuilt from the briefs: not in the saved clustering state (closed
    # from it, or no state yet); 0 when the state held every story the update touched.
    developments_reopened: int = 0
    rejected: tuple[Rejected, ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def changed_anything(self) -> bool:
        return self.new_articles > 0

    def describe(self) -> str:
        """Return a one-line account for the terminal."""
        if not self.changed_anything:
            return "update: no new articles; nothing changed"
        merged = f" ({self.events_merged} merged into them)" if self.events_merged else ""
        failed = f"; {self.events_unbriefed} not briefed" if self.events_unbriefed else ""
        return (
            f"update: {self.new_articles} new articles ({self.kept} kept, {self.copies} copies,"
            f" {len(self.rejected)} rejected); {self.events_created} events created,"
            f" {self.events_changed} grown{merged}; {self.briefs_rebuilt} briefs rebuilt{failed}"
        )

    def to_json(self) -> dict[str, object]:
        return {
            "counts": {
                "new_articles": self.new_articles,
                "kept": self.kept,
                "copies": self.copies,
                "events_created": self.events_created,
                "events_changed": self.events_changed,
                "events_merged": self.events_merged,
                "briefs_rebuilt": self.briefs_rebuilt,
                "events_unbriefed": self.events_unbriefed,
                "developments_reopened": self.developments_reopened,
                "rejected": len(self.rejected),
            },
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
        }


@dataclass(frozen=True)
class _Plan:
    """Everything an update will write, computed before the write transaction."""

    processed_ids: tuple[str, ...]
    held_ids: tuple[str, ...]  # new articles of events a brief stage failed on: left new
    events_unbriefed: int
    kept: tuple[Article, ...]
    emptied_ids: tuple[str, ...]
    rejected: tuple[Rejected, ...]
    replaced: dict[str, str]  # stored event id -> id of the event that replaces it
    old_members: dict[str, frozenset[str]]  # stored event id -> its article ids, as read
    briefs: tuple[Brief, ...]  # of changed and created events
    embeddings: dict[str, tuple[str, bytes]]  # article id -> (embedding key, float32), new
    clusterer_state: str | None  # saved online clusterer; None: delete (rebuilt next time)
    developments_reopened: int  # stored developments not in the saved state, rebuilt


def _article_of(row: sqlite3.Row | tuple[str, ...], copy_of: str | None = None) -> Article:
    article = Article.from_record(json.loads(row[0]))
    return replace(article, copy_of=copy_of) if copy_of != article.copy_of else article


def _read_new(connection: sqlite3.Connection, limit: int, held: Set[str]) -> list[Article]:
    """Return up to ``limit`` new articles, in date order, but those held by this run."""
    rows = connection.execute(
        "SELECT id, record FROM articles WHERE status = 'new'"
        " ORDER BY date IS NULL, date, id LIMIT ?",
        (limit + len(held),),
    ).fetchall()
    return [_article_of(row[1:]) for row in rows if row[0] not in held][:limit]


def _day_range(articles: Sequence[Article], window_days: int) -> tuple[str, str] | None:
    dates = [a.date for a in articles if a.date]
    if not dates:
        return None
    window = dt.timedelta(days=window_days)
    return (min(dates) - window).isoformat(), (max(dates) + window).isoformat()


def _stored_neighbours(
    connection: sqlite3.Connection, articles: Sequence[Article], window_days: int
) -> list[Article]:
    """Return the stored, kept articles a new article may be a copy of or share an event with.

    Those within the event window of the new articles' dates, and the undated ones; when a
    new article is undated it may belong anywhere, so the most recent stored articles.
    """
    query = (
        "SELECT a.cleaned, c.canonical_id FROM articles a"
        " LEFT JOIN copies c ON c.article_id = a.id WHERE a.status = 'kept'"
    )
    days = _day_range(articles, window_days)
    if any(a.date is None for a in articles) or days is None:
        rows = connection.execute(
            f"{query} ORDER BY a.date IS NULL, a.date DESC LIMIT ?", (MAX_UNDATED_NEIGHBOURS,)
        )
    else:
        rows = connection.execute(f"{query} AND (a.date BETWEEN ? AND ? OR a.date IS NULL)", days)
    return [_article_of(row, row[1]) for row in rows]


def _stored_ids_in_reach(
    connection: sqlite3.Connection, articles: Sequence[Article], reach_days: int
) -> list[str]:
    """Return the stored, kept articles within ``reach_days`` of the new articles' dates:
    their stories may gain a development (the dedup neighbours are only the event window)."""
    days = _day_range(articles, reach_days)
    if days is None:
        return []
    rows = connection.execute(
        "SELECT id FROM articles WHERE status = 'kept' AND date BETWEEN ? AND ?", days
    )
    return [row[0] for row in rows]


def _mark_new_copies(
    new: Sequence[Article], stored: Sequence[Article], config: Config
) -> list[Article]:
    """Return the new articles with ``copy_of`` set; stored articles keep theirs."""
    from newsbrief.dedup import find_duplicates

    stored_by_id = {a.id: a for a in stored}
    new_ids = {a.id for a in new}
    canonical_of: dict[str, str] = {}
    for group in find_duplicates([*stored, *new], config.dedup):
        members = [group.canonical_id, *group.copy_ids]
        stored_members = [m for m in members if m in stored_by_id]
        if stored_members:
            # Keep stored stories as they are: new copies point to a stored canonical.
            anchor = stored_by_id[stored_members[0]]
            canonical = anchor.copy_of or anchor.id
        else:
            canonical = group.canonical_id
        for member in members:
            if member in new_ids and member != canonical:
                canonical_of[member] = canonical
    return [replace(a, copy_of=canonical_of.get(a.id)) for a in new]


def _stored_events(
    connection: sqlite3.Connection, article_ids: Iterable[str]
) -> dict[str, list[Article]]:
    """Return the stored events holding these articles, with all their members."""
    ids = sorted(set(article_ids))
    events: dict[str, list[Article]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for (event,) in connection.execute(
            f"SELECT DISTINCT event_id FROM event_articles WHERE article_id IN ({marks})", chunk
        ):
            events.setdefault(event, [])
    for event in events:
        rows = connection.execute(
            "SELECT a.cleaned, c.canonical_id FROM event_articles e"
            " JOIN articles a ON a.id = e.article_id"
            " LEFT JOIN copies c ON c.article_id = a.id"
            " WHERE e.event_id = ? ORDER BY a.date IS NULL, a.date, a.id",
            (event,),
        )
        events[event] = [_article_of(row, row[1]) for row in rows]
    return events


def _features(
    connection: sqlite3.Connection, articles: Sequence[Article], pipeline: Pipeline
) -> tuple[dict[str, ArticleFeatures], dict[str, tuple[str, bytes]]]:
    """Return the clustering features of the articles (``Pipeline.features``) with their
    saved embeddings, and the embeddings encoded now, to be saved (id -> key, float32)."""
    import numpy as np

    keys = {a.id: pipeline.embedding_key(a) for a in articles}
    saved: dict[str, np.ndarray] = {}
    ids = list(keys)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = connection.execute(
            "SELECT article_id, text_hash, embedding FROM article_embeddings"
            f" WHERE article_id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        saved.update(
            {
                row[1]: np.frombuffer(row[2], dtype=np.float32)
                for row in rows
                if row[1] == keys[row[0]]
            }
        )
    found, encoded = pipeline.features(articles, saved)
    new_embeddings = {
        item.article_id: (keys[item.article_id], np.asarray(item.embedding, np.float32).tobytes())
        for item in found
        if keys[item.article_id] in encoded
    }
    return {item.article_id: item for item in found}, new_embeddings


def _load_clusterer(connection: sqlite3.Connection, config: Config) -> OnlineClusterer:
    """Return the online clusterer as the last update saved it, or a fresh one."""
    from newsbrief.cluster import OnlineClusterer
    from newsbrief.cluster.online_state import load_state
    from newsbrief.errors import InputError

    row = connection.execute("SELECT state FROM cluster_state WHERE id = 1").fetchone()
    if row is None:
        return OnlineClusterer(config.cluster)
    try:
        return load_state(row[0], config.cluster)
    except InputError as error:  # rebuilt from the stored briefs: nothing is lost
        log.warning("saved clustering state not used: %s", error)
        return OnlineClusterer(config.cluster)


def _stored_developments(
    connection: sqlite3.Connection, stored: dict[str, list[Article]]
) -> dict[str, list[Article]]:
    """Return the developments (events) of the stored stories, from their briefs.

    A story's members not listed in its brief (a store written before stories) form one
    development of their own.
    """
    developments: dict[str, list[Article]] = {}
    for story, members in stored.items():
        by_id = {a.id: a for a in members}
        row = connection.execute("SELECT brief FROM briefs WHERE event_id = ?", (story,)).fetchone()
        listed = json.loads(row[0]).get("developments", []) if row else []
        placed: set[str] = set()
        for number, development in enumerate(listed):
            ids = [i for i in development.get("articles", []) if i in by_id and i not in placed]
            if ids:
                developments[f"{story}/{number}"] = [by_id[i] for i in ids]
                placed.update(ids)
        rest = [a for a in members if a.id not in placed]
        if rest:
            developments[f"{story}/rest"] = rest
    return developments


def _group_into_stories(
    events: Sequence[Event],
    old_members: dict[str, frozenset[str]],
    features: dict[str, ArticleFeatures],
    config: Config,
) -> list[tuple[Story, list[str]]]:
    """Return the stories of the open events, each with the stored stories it holds.

    Stored stories never split (stored articles never move): the events of one stored story
    are grouped as one unit, and each new event joins the unit it is closest to in story
    terms (``cluster/stories.py``) or starts a story of its own.
    """
    from newsbrief.cluster import group_event_indices, make_story

    stored_story_of = {a: story for story, members in old_members.items() for a in members}
    old_story_of = dict(stored_story_of)  # followed as bridged stories become one unit
    units: dict[str, list[Event]] = {}
    for number, event in enumerate(events):
        stories = sorted({old_story_of[a.id] for a in event.articles if a.id in old_story_of})
        # An event holding articles of two stored stories is a bridge: they become one unit.
        key = stories[0] if stories else f"new/{number}"
        for other in stories[1:]:
            units.setdefault(key, []).extend(units.pop(other, []))
            old_story_of.update({a: key for a in old_members[other]})
        units.setdefault(key, []).append(event)
    keys = list(units)
    members = [
        [features[a.id] for e in units[k] for a in e.articles if a.copy_of is None]
        or [features[a.id] for e in units[k] for a in e.articles]
        for k in keys
    ]

    def grew(key: str) -> bool:
        held = {a.id for e in units[key] for a in e.articles}
        return key not in old_members or held != old_members[key]

    groups: list[list[int]] = []
    for group in group_event_indices(members, config.cluster):
        if any(grew(keys[i]) for i in group):
            groups.append(group)
        else:  # stored stories are regrouped only by something new
            groups.extend([i] for i in group)
    out = []
    for group in groups:
        story = make_story([e for i in group for e in units[keys[i]]])
        previous = sorted(
            {stored_story_of[a.id] for a in story.articles if a.id in stored_story_of}
        )
        if previous:
            # A stored story keeps the id it was published under, whatever joins it: a
            # report dated before its first one had given it that report's id (the old one
            # redirecting). Stories merged keep the id of the one that began first.
            first = {a.id: rank for rank, a in enumerate(story.articles)}  # in date order
            kept = min(previous, key=lambda key: min(first[a] for a in old_members[key]))
            story = replace(story, id=kept)
        out.append((story, previous))
    return out


def _plan(
    connection: sqlite3.Connection,
    config: Config,
    progress: Progress,
    batch_size: int,
    held: Set[str] = frozenset(),
) -> _Plan | None:
    from newsbrief.cluster import OnlineClusterer
    from newsbrief.cluster.online_state import close_before, held_articles, save_state
    from newsbrief.cluster.stories import story_reach_days

    pipeline = Pipeline(config)
    new = _read_new(connection, batch_size, held)
    if not new:
        return None
    cleaned, emptied = pipeline.clean(new)
    kept_ids = {a.id for a in cleaned}
    window = config.cluster.event_window_days
    neighbours = _stored_neighbours(connection, cleaned, window)
    cleaned = _mark_new_copies(cleaned, neighbours, config)
    canonicals = {a.copy_of for a in cleaned if a.copy_of}
    reach = story_reach_days(config.cluster)
    in_reach = _stored_ids_in_reach(connection, cleaned, reach)
    clusterer = _load_clusterer(connection, config)
    in_state = held_articles(clusterer)
    stored = _stored_events(
        connection, [a.id for a in neighbours] + sorted(canonicals) + in_reach + sorted(in_state)
    )
    if not in_state <= {a.id for members in stored.values() for a in members}:
        log.warning("saved clustering state is not the stored stories'; rebuilt from briefs")
        clusterer, in_state = OnlineClusterer(config.cluster), set()
    old_members = {event: frozenset(a.id for a in members) for event, members in stored.items()}

    # Developments the saved state no longer holds (closed, or no state yet) are reopened
    # from the stored briefs, so every stored story that may change is whole.
    developments = _stored_developments(connection, stored)
    closed = {
        key: members
        for key, members in developments.items()
        if not any(a.id in in_state for a in members)
    }
    stored_articles = [a for members in stored.values() for a in members]
    features, embeddings = _features(connection, [*stored_articles, *cleaned], pipeline)
    for members in closed.values():
        clusterer.reopen_event([(features[article.id], article) for article in members])
    events = pipeline.stream(clusterer, cleaned, features, progress)

    replaced: dict[str, str] = {}
    changed: list[Story] = []
    for story, previous in _group_into_stories(events, old_members, features, config):
        if len(previous) == 1 and old_members[previous[0]] == {a.id for a in story.articles}:
            continue
        # A new event that bridges stored stories merges them: each old id leads here (the
        # story keeps the id of the stored one that began first: ``_group_into_stories``).
        for old in previous:
            replaced[old] = story.id
        changed.append(story)
    briefs, failed = pipeline.brief_all(changed, progress)
    # A story a stage failed on is not written: its stored stories stay as they were, and
    # its new articles are reported and stay new, for the next update to try again.
    new_ids = {a.id for a in new}
    held_now: set[str] = set()
    rejected = list(emptied)
    for event, error in failed:
        ids = {a.id for a in event.articles} & new_ids
        held_now |= ids
        rejected += unbriefed(event, error, ids)
    failed_ids = {event.id for event, _ in failed}
    replaced = {old: now for old, now in replaced.items() if now not in failed_ids}
    state = None  # the clusterer holds articles not written: the next update rebuilds
    if not held_now:
        newest = max((a.date for a in cleaned if a.date), default=None)
        if newest is not None:  # events no new article can reach any more close
            close_before(clusterer, newest - dt.timedelta(days=reach + window))
        state = save_state(clusterer)
    return _Plan(
        processed_ids=tuple(a.id for a in new if a.id not in held_now),
        held_ids=tuple(sorted(held_now)),
        events_unbriefed=len(failed),
        kept=tuple(a for a in cleaned if a.id not in held_now),
        emptied_ids=tuple(a.id for a in new if a.id not in kept_ids),
        rejected=tuple(rejected),
        replaced=replaced,
        old_members={e: old_members[e] for e in replaced},
        briefs=tuple(briefs),
        embeddings={i: e for i, e in embeddings.items() if i not in held_now},
        clusterer_state=state,
        developments_reopened=len(closed),
    )


def _event_row(brief: Brief, run_id: int) -> tuple[object, ...]:
    from newsbrief.clean import report_outlets

    outlets = report_outlets(brief.articles)
    languages = sorted({a.language for a in brief.articles if a.language})
    return (
        brief.event_id,
        brief.headline,
        brief.date.isoformat() if brief.date else None,
        brief.first_seen.isoformat() if brief.first_seen else None,
        brief.last_seen.isoformat() if brief.last_seen else None,
        len(brief.articles),
        len(outlets),
        ",".join(languages),
        run_id,
    )


def _check_unchanged(connection: sqlite3.Connection, plan: _Plan) -> None:
    """Raise StoreError when another update processed the same articles meanwhile."""
    for article_id in plan.processed_ids:
        row = connection.execute("SELECT status FROM articles WHERE id = ?", (article_id,))
        if row.fetchone() != ("new",):
            raise StoreError("another update ran at the same time; run update again")
    for event, members in plan.old_members.items():
        rows = connection.execute(
            "SELECT article_id FROM event_articles WHERE event_id = ?", (event,)
        ).fetchall()
        if frozenset(r[0] for r in rows) != members:
            raise StoreError("another update ran at the same time; run update again")


def _write(connection: sqlite3.Connection, plan: _Plan, run_id: int) -> None:
    for article in plan.kept:
        connection.execute(
            "UPDATE articles SET status = 'kept', cleaned = ?, title = ?, date = ?, source = ?,"
            " url = ?, language = ?, processed_run = ? WHERE id = ?",
            (
                json.dumps(article.to_record(), ensure_ascii=False),
                article.title,
                article.date.isoformat() if article.date else None,
                article.source,
                article.url,
                article.language,
                run_id,
                article.id,
            ),
        )
        index_for_search(connection, article)  # search the cleaned text
        if article.copy_of:
            connection.execute(
                "INSERT OR REPLACE INTO copies (article_id, canonical_id) VALUES (?, ?)",
                (article.id, article.copy_of),
            )
    connection.executemany(
        "UPDATE articles SET status = 'emptied', processed_run = ? WHERE id = ?",
        [(run_id, article_id) for article_id in plan.emptied_ids],
    )
    connection.executemany(
        "INSERT OR REPLACE INTO article_embeddings (article_id, text_hash, embedding)"
        " VALUES (?, ?, ?)",
        [(article_id, *cached) for article_id, cached in plan.embeddings.items()],
    )
    store_rejected(connection, run_id, plan.rejected)
    if plan.clusterer_state is None:
        connection.execute("DELETE FROM cluster_state")
    else:
        connection.execute(
            "INSERT OR REPLACE INTO cluster_state (id, state, run_id) VALUES (1, ?, ?)",
            (plan.clusterer_state, run_id),
        )
    for old, new in plan.replaced.items():
        connection.execute("DELETE FROM events WHERE id = ?", (old,))  # cascades
        connection.execute("UPDATE event_aliases SET new_id = ? WHERE new_id = ?", (new, old))
        connection.execute(
            "INSERT OR REPLACE INTO event_aliases (old_id, new_id) VALUES (?, ?)", (old, new)
        )
    for brief in plan.briefs:
        connection.execute(
            "INSERT OR REPLACE INTO events (id, headline, date, first_seen, last_seen,"
            " article_count, outlet_count, languages, updated_run)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _event_row(brief, run_id),
        )
        connection.executemany(
            "INSERT OR REPLACE INTO event_articles (article_id, event_id) VALUES (?, ?)",
            [(a.id, brief.event_id) for a in brief.articles],
        )
        connection.execute(
            "INSERT OR REPLACE INTO briefs (event_id, brief, built_from, built_run)"
            " VALUES (?, ?, ?, ?)",
            (
                brief.event_id,
                json.dumps(brief.to_json(), ensure_ascii=False),
                json.dumps(sorted(a.id for a in brief.articles)),
                run_id,
            ),
        )
        connection.execute("DELETE FROM event_aliases WHERE old_id = ?", (brief.event_id,))


def _report(plan: _Plan) -> UpdateReport:
    return UpdateReport(
        new_articles=len(plan.processed_ids) + len(plan.held_ids),
        kept=len(plan.kept),
        copies=sum(a.copy_of is not None for a in plan.kept),
        events_created=len(plan.briefs) - len(set(plan.replaced.values())),
        events_changed=len(set(plan.replaced.values())),
        events_merged=len(plan.replaced) - len(set(plan.replaced.values())),
        briefs_rebuilt=len(plan.briefs),
        events_unbriefed=plan.events_unbriefed,
        developments_reopened=plan.developments_reopened,
        rejected=plan.rejected,
    )


def _add(total: UpdateReport, batch: UpdateReport) -> UpdateReport:
    return UpdateReport(
        new_articles=total.new_articles + batch.new_articles,
        kept=total.kept + batch.kept,
        copies=total.copies + batch.copies,
        events_created=total.events_created + batch.events_created,
        events_changed=total.events_changed + batch.events_changed,
        events_merged=total.events_merged + batch.events_merged,
        briefs_rebuilt=total.briefs_rebuilt + batch.briefs_rebuilt,
        events_unbriefed=total.events_unbriefed + batch.events_unbriefed,
        developments_reopened=total.developments_reopened + batch.developments_reopened,
        rejected=total.rejected + batch.rejected,
    )


def require_store(db_path: str | Path) -> Path:
    """Return the path of an existing store; only ingest creates one (a typo must not).

    Raises:
        StoreError: nothing, or no file, at ``db_path``.
    """
    path = Path(db_path)
    if not path.is_file():
        raise StoreError(f"no store at {db_path}; create it with newsbrief ingest")
    return path


def update(
    db_path: str | Path,
    config: Config | None = None,
    progress: Progress = no_progress,
    *,
    batch_size: int = UPDATE_BATCH_ARTICLES,
) -> UpdateReport:
    """Clean, dedup and cluster the articles stored since the last update; rebuild briefs.

    Only events that gained articles, and new events, get new briefs. New articles are
    processed in date order, ``batch_size`` per transaction, so a long update killed
    half-way keeps its finished batches (an event grown over two batches counts as
    created and changed). With no new articles nothing is written.

    An event a brief stage fails on is reported (its new articles, as rejected, with the
    stage and reason) and left out; its new articles stay new, so the next update tries
    them again, and every other event is written.

    Raises:
        StoreError: no store at ``db_path``, it cannot be opened, or another update ran at
            the same time.
    """
    config = config or Config()
    start = time.perf_counter()
    connection = open_for_writing(require_store(db_path))
    total = UpdateReport()
    held: set[str] = set()
    try:
        run_id: int | None = None
        while (plan := _plan(connection, config, progress, batch_size, held)) is not None:
            held.update(plan.held_ids)
            if run_id is None:
                run_id = start_run(connection, "update", [])
            with write_transaction(connection):
                _check_unchanged(connection, plan)
                _write(connection, plan, run_id)
            total = _add(total, _report(plan))
            log.info("update batch: %s", _report(plan).to_json()["counts"])
        total = replace(total, seconds={"update": time.perf_counter() - start})
        if run_id is None:
            log.info("update: no new articles")
        else:
            finish_run(connection, run_id, total.to_json())
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot update store: {error}", source=str(db_path)) from None
    finally:
        connection.close()
    return total
