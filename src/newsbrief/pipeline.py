"""The reference pipeline: sources in, one brief per event out.

The order, as in DESIGN.md:

    ingest   read_sources        files, folders, feeds, WARC, JSONL, stdin -> Article | Rejected
    clean    clean_articles      boilerplate, normalisation, language, sentences
    dedup    mark_copies         reprints and re-translations -> copy_of
    cluster  cluster_events      articles -> events
    brief    brief_event         headline, key sentences, facts, entities, timeline

Each step is one call to its stage module, so the Spark job and the store can run the
same functions. A run never stops for one bad input: it is reported in ``RunReport``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from newsbrief.config import Config
from newsbrief.model import Article, Brief, Event, Rejected, RunReport, TimelineEntry
from newsbrief.progress import Progress, no_progress

log = logging.getLogger(__name__)


class StageClock:
    """Seconds spent per stage, for the run report (also the Spark job's)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def read_articles(
    sources: Iterable[str | Path], config: Config, progress: Progress = no_progress
) -> tuple[list[Article], list[Rejected]]:
    """Read every source; return its articles and the inputs that were rejected."""
    from newsbrief.ingest import read_sources

    articles: list[Article] = []
    rejected: list[Rejected] = []
    for record in progress(read_sources(sources, config.ingest), "reading"):
        if isinstance(record, Rejected):
            log.warning("rejected %s: %s", record.source, record.reason)
            rejected.append(record)
        else:
            articles.append(record)
    return drop_repeated_ids(articles, rejected)


def drop_repeated_ids(
    articles: list[Article], rejected: list[Rejected]
) -> tuple[list[Article], list[Rejected]]:
    """Keep the first of the articles that share an id; report the others as rejected.

    The same article given twice (two paths, or a folder and a file in it) has one id.
    """
    seen: dict[str, Article] = {}
    for article in articles:
        if article.id in seen:
            first = seen[article.id]
            rejected.append(
                Rejected(article.origin or article.id, f"same article as {first.origin}", "ingest")
            )
        else:
            seen[article.id] = article
    return list(seen.values()), rejected


def prepare_articles(
    articles: Sequence[Article], config: Config, progress: Progress = no_progress
) -> tuple[list[Article], list[Rejected]]:
    """Clean the articles and mark copies; return them and the ones cleaning emptied."""
    from newsbrief.clean import clean_articles
    from newsbrief.dedup import mark_copies

    cleaned, rejected = clean_articles(articles, config.clean)
    return mark_copies(cleaned, config.dedup), rejected


def brief_event(event: Event, config: Config) -> Brief:
    """Return the brief of one event: summary, facts, entities and timeline."""
    from newsbrief.entities import extract_entities
    from newsbrief.facts import extract_facts
    from newsbrief.summarize import summarize_event
    from newsbrief.timeline import build_timeline

    summary = summarize_event(event, config.summary)
    return Brief(
        event_id=event.id,
        headline=summary.headline,
        summary=summary.key_sentences,
        articles=event.articles,
        facts=extract_facts(event, config.facts),
        entities=extract_entities(event, config.entities),
        timeline=build_timeline(event, config.timeline),
    )


def build_briefs_from_articles(
    articles: Sequence[Article],
    config: Config | None = None,
    progress: Progress = no_progress,
    rejected: Sequence[Rejected] = (),
) -> tuple[list[Brief], RunReport]:
    """Run clean, dedup, cluster and brief over articles already read."""
    from newsbrief.cluster import cluster_events
    from newsbrief.parallel import brief_events

    config = config or Config()
    clock = StageClock()
    all_rejected = list(rejected)
    with clock.stage("clean+dedup"):
        prepared, emptied = prepare_articles(articles, config, progress)
        all_rejected.extend(emptied)
    with clock.stage("cluster"):
        events = cluster_events(prepared, config.cluster)
    with clock.stage("brief"):
        briefs = brief_events(events, config, progress)
    counts = {
        "articles": len(articles),
        "kept": len(prepared),
        "copies": sum(a.copy_of is not None for a in prepared),
        "events": len(events),
        "rejected": len(all_rejected),
    }
    return briefs, RunReport(counts=counts, rejected=tuple(all_rejected), seconds=clock.seconds)


def build_briefs(
    sources: Iterable[str | Path],
    config: Config | None = None,
    progress: Progress = no_progress,
) -> tuple[list[Brief], RunReport]:
    """Read the sources and return one brief per event, with the run's report.

    Args:
        sources: files, folders, globs, or "-" for stdin; any format newsbrief reads.
        config: settings per stage (defaults when None).
        progress: a progress callback (see ``newsbrief.progress``).
    """
    config = config or Config()
    start = time.perf_counter()
    articles, rejected = read_articles(sources, config, progress)
    ingest_seconds = time.perf_counter() - start
    briefs, report = build_briefs_from_articles(articles, config, progress, rejected)
    report.seconds["ingest"] = ingest_seconds
    return briefs, report


def build_story_timeline(
    sources: Iterable[str | Path],
    config: Config | None = None,
    progress: Progress = no_progress,
    max_dates: int | None = None,
) -> tuple[tuple[TimelineEntry, ...], RunReport]:
    """Read the sources as one story and return its dated timeline, with the run's report."""
    from newsbrief.timeline import build_story_timeline as select_dates_and_sentences

    config = config or Config()
    clock = StageClock()
    with clock.stage("ingest"):
        articles, rejected = read_articles(sources, config, progress)
    with clock.stage("clean+dedup"):
        prepared, emptied = prepare_articles(articles, config, progress)
    with clock.stage("timeline"):
        timeline = select_dates_and_sentences(prepared, config.timeline, max_dates=max_dates)
    all_rejected = tuple(rejected + emptied)
    counts = {
        "articles": len(articles),
        "kept": len(prepared),
        "dates": len(timeline),
        "rejected": len(all_rejected),
    }
    return timeline, RunReport(counts=counts, rejected=all_rejected, seconds=clock.seconds)
