"""The reference pipeline: sources in, one brief per story out.

The order, as in DESIGN.md:

    ingest   read_sources        files, folders, feeds, WARC, JSONL, stdin -> Article | Rejected
    clean    clean_articles      boilerplate, normalisation, language, sentences
    dedup    mark_copies         reprints and re-translations -> copy_of
    cluster  cluster_stories     articles -> events -> stories (docs/stories.md)
    brief    brief_story         headline, key sentences, facts, entities, timeline,
                                 developments (the story's events)

``Pipeline`` owns this order and its steps, each one call to the component the config
names (``[components]``, see ``newsbrief.registry``): ``read`` (reader), ``prepare``
(clean, the map step per article, then dedup, the merge), ``cluster`` (clusterer), ``brief``
(summarizer, facts, entities, timeline: the map step per story) and ``brief_all`` (the
briefs in processes). The local run calls ``run``; the store's update and the Spark job
schedule the same steps on their own data: ``features`` (per article, with a store's saved
embeddings), ``stream`` (the online clusterer, in date order), ``event_of`` (an event's
articles in the local order) and ``brief`` per story. A run never stops
for one bad input: it is reported in ``RunReport``, and so is a story a brief stage failed
on (``parallel.brief_stories``); the others are briefed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from newsbrief import embed, nlp
from newsbrief.config import Config
from newsbrief.errors import NewsbriefError, StageError
from newsbrief.language import release_detectors
from newsbrief.model import (
    Article,
    Brief,
    Development,
    Event,
    Rejected,
    RunReport,
    Story,
    TimelineEntry,
    rejection_counts,
)
from newsbrief.parallel import return_freed_memory, set_up_process
from newsbrief.progress import Progress, no_progress
from newsbrief.registry import component, use_components

if TYPE_CHECKING:
    import numpy as np

    from newsbrief.cluster import OnlineClusterer
    from newsbrief.cluster.features import ArticleFeatures

log = logging.getLogger(__name__)

T = TypeVar("T")
# A failed stage's reason is cut to this length: library messages can be paragraphs long.
MAX_REASON_CHARS = 300


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
    use_components(config.components)
    read_sources = component("reader", config.components.reader)
    articles: list[Article] = []
    rejected: list[Rejected] = []
    for record in progress(read_sources(sources, config.ingest), "reading"):
        if isinstance(record, Rejected):
            log.warning("%s", record.describe())
            rejected.append(record)
        else:
            articles.append(record)
    return drop_repeated_ids(articles, rejected)


def drop_repeated_ids(
    articles: list[Article], rejected: list[Rejected]
) -> tuple[list[Article], list[Rejected]]:
    """Keep one of the articles that share an id and content; give the others their own id.

    The same article given twice (two paths, or a folder and a file in it) has one id and
    one content: the repeat is reported and dropped. Two records that share a given id
    but not their text (JSONL dumps number articles per topic) are different articles:
    the later one gets ``distinct_id`` and a note says so. One dict lookup per article.
    """
    from newsbrief.ingest import content_key, distinct_id, note

    kept: dict[str, Article] = {}
    for article in articles:
        first = kept.get(article.id)
        if first is not None and content_key(first) != content_key(article):
            new_id = distinct_id(article)
            origin = article.origin or article.id
            reason = f"id {article.id} also names other text ({first.origin}); given id {new_id}"
            rejected.append(note(origin, reason))
            article = dataclasses.replace(article, id=new_id)
            first = kept.get(new_id)
        if first is not None:
            rejected.append(
                Rejected(article.origin or article.id, f"same article as {first.origin}", "ingest")
            )
        else:
            kept[article.id] = article
    return list(kept.values()), rejected


def prepare_articles(
    articles: Sequence[Article], config: Config, progress: Progress = no_progress
) -> tuple[list[Article], list[Rejected]]:
    """Clean the articles and mark copies; return them and the ones cleaning emptied."""
    from newsbrief.clean import clean_articles
    from newsbrief.dedup import mark_copies

    use_components(config.components)
    cleaned, rejected = clean_articles(articles, config.clean)
    return mark_copies(cleaned, config.dedup), rejected


def brief_event(event: Event, config: Config, timeline_event: Event | None = None) -> Brief:
    """Return the brief of one event: summary, facts, entities and timeline (of
    ``timeline_event`` when given: a story's timeline reads more of it than the rest).

    Raises:
        StageError: a stage failed on this event (``stage`` says which), or its one
            report has nothing to show (``summarize.brief.nothing_to_show``).
        NewsbriefError: a configuration or dependency problem, which every event would hit.
    """
    chosen = config.components
    use_components(chosen)
    summarize_event = component("summarizer", chosen.summarizer)
    extract_facts = component("facts", chosen.facts)
    extract_entities = component("entities", chosen.entities)
    build_timeline = component("timeline", chosen.timeline)

    from newsbrief.summarize.brief import nothing_to_show

    summary = _in_stage("summary", summarize_event, event, config.summary)
    unfit = nothing_to_show(event, summary)
    if unfit is not None:
        raise StageError(unfit, stage="summary")
    return Brief(
        event_id=event.id,
        headline=summary.headline,
        summary=summary.key_sentences,
        articles=event.articles,
        facts=_in_stage("facts", extract_facts, event, config.facts),
        entities=_in_stage("entities", extract_entities, event, config.entities),
        timeline=_in_stage("timeline", build_timeline, timeline_event or event, config.timeline),
        headline_article=summary.headline_article,
    )


def brief_story(story: Story, config: Config) -> Brief:
    """Return the brief of one story: the brief of all its articles, with its developments.

    The brief stages read a bounded sample of the story (``newsbrief.sample``): its main
    development's reports and each development's leads, each report cut to its opening
    and a news digest to its items on the story's topic; the timeline reads every
    report's opening. The brief lists every report.
    """
    from newsbrief.sample import brief_sample, timeline_sample, topic_words

    story = dated_by_stamps(story)
    topic = topic_words(story, config.timeline)
    sample = brief_sample(story, config.brief, topic)
    try:
        brief = brief_event(sample, config, timeline_sample(story, config.brief, topic))
    finally:
        # Another story reads other sentences: this one's parses and vectors are not kept,
        # whichever scheduler briefs it (on 10,000 articles they held ~50 MB no later
        # story read).
        nlp.clear_cache()
        embed.clear_cache()
    return dataclasses.replace(
        brief,
        articles=story.articles,
        developments=tuple(map(_development, story.events)),
    )


def _development(event: Event) -> Development:
    """The development of an event; reports without a title are labelled by their first
    sentence a reader can use (``opening_line``): ECB+'s and Timeline17's reports have
    none, and an empty label was a row no reader could place."""
    from newsbrief.summarize.candidates import opening_line

    development = Development.of(event)
    if development.headline:
        return development
    return dataclasses.replace(
        development, headline=opening_line(event.originals or event.articles)
    )


def dated_by_stamps(story: Story) -> Story:
    """The story with each report no reader dated given the day of its text's own stamp
    (``dates.stamp_date``: "First Published: June 13, 2013 4:59 PM EDT" under a title).

    The brief reads it (weekdays, key points and figures dated by their reports), not the
    clusterer: given the stamps, the clusterer's undated reports of one incident joined
    the dated ones of another (the 2,000-article mix's ECB+ reports, BCubed F1 0.897 ->
    0.890: an Alaska church fire with a dairy's, Athens' 2010 riots with a 2011 protest in
    Jordan), while its undated handling was chosen on undated ECB+ (docs/timelines.md, "A
    report's own stamp"; docs/clustering.md).
    """
    from newsbrief.dates import stamp_date

    def dated(article: Article) -> Article:
        if article.date is not None:
            return article
        day = stamp_date(article.text)
        return article if day is None else dataclasses.replace(article, date=day)

    return Story(
        story.id,
        tuple(
            dataclasses.replace(event, articles=tuple(map(dated, event.articles)))
            for event in story.events
        ),
    )


def _in_stage(stage: str, function: Callable[..., T], *args: Any) -> T:
    """Call one stage on one event; turn any failure but a user error into a StageError."""
    try:
        return function(*args)
    except NewsbriefError:
        raise
    except Exception as error:  # any bug or library limit hit by odd input: one event only
        reason = " ".join(f"{type(error).__name__}: {error}".split())
        raise StageError(reason[:MAX_REASON_CHARS], stage=stage) from error


def unbriefed(
    event: Event, error: StageError, article_ids: Collection[str] | None = None
) -> list[Rejected]:
    """Return the report of a story (as one event) a stage failed on: one record per
    article (or per one of ``article_ids``), naming the stage and the reason."""
    reason = f"story {event.id} not briefed: {error.stage} failed: {error}"
    return [
        Rejected(article.origin or article.id, reason, error.stage or "brief")
        for article in event.articles
        if article_ids is None or article.id in article_ids
    ]


@dataclass(frozen=True)
class Pipeline:
    """The stage order and its map and merge steps, with the components ``config`` names."""

    config: Config = field(default_factory=Config)

    def read(
        self, sources: Iterable[str | Path], progress: Progress = no_progress
    ) -> tuple[list[Article], list[Rejected]]:
        """Read the sources: their articles (one per id) and the rejected inputs."""
        return read_articles(sources, self.config, progress)

    def clean(self, articles: Sequence[Article]) -> tuple[list[Article], list[Rejected]]:
        """Clean each article (the map step of ``prepare``); the emptied ones rejected."""
        from newsbrief.clean import clean_articles

        use_components(self.config.components)
        return clean_articles(articles, self.config.clean)

    def prepare(
        self, articles: Sequence[Article], progress: Progress = no_progress
    ) -> tuple[list[Article], list[Rejected]]:
        """Clean each article (map), mark copies over all of them (merge)."""
        return prepare_articles(articles, self.config, progress)

    def cluster(self, prepared: Sequence[Article]) -> list[Story]:
        """Group the prepared articles into events and stories (the configured clusterer)."""
        use_components(self.config.components)
        clusterer = component("clusterer", self.config.components.clusterer)
        stories: list[Story] = clusterer(prepared, self.config.cluster)
        return stories

    def embedding_key(self, article: Article) -> str:
        """Return the key of the article's embedding: the embedder and the text it encodes
        (a store's saved embedding is used while both are the same)."""
        from newsbrief.cluster.features import embedding_text
        from newsbrief.model import content_id

        text = embedding_text(article, self.config.cluster)
        return content_id(f"{self.config.components.embedder}\n{text}")

    def features(
        self, articles: Sequence[Article], saved: Mapping[str, np.ndarray] | None = None
    ) -> tuple[list[ArticleFeatures], dict[str, np.ndarray]]:
        """Return the clustering features of the articles (the map step per article) and
        the embeddings encoded now, by ``embedding_key``; ``saved`` embeddings (by key, a
        store's) are used instead of encoding those texts again."""
        from newsbrief.cluster.features import embedding_text, features_for_articles
        from newsbrief.embed import remember

        use_components(self.config.components)
        keys = [self.embedding_key(article) for article in articles]
        saved = saved or {}
        for article, key in zip(articles, keys, strict=True):
            if key in saved:
                remember(embedding_text(article, self.config.cluster), saved[key])
        found = features_for_articles(articles, self.config.cluster)
        encoded = {
            key: item.embedding for key, item in zip(keys, found, strict=True) if key not in saved
        }
        return found, encoded

    def stream(
        self,
        clusterer: OnlineClusterer,
        articles: Sequence[Article],
        features: Mapping[str, ArticleFeatures],
        progress: Progress = no_progress,
    ) -> list[Event]:
        """Add the articles to the online clusterer in date order (undated last, ties by
        id, so a stream cut in two adds them as one); return its open events."""
        ordered = sorted(articles, key=lambda a: (a.date is None, a.date or dt.date.min, a.id))
        for article in progress(ordered, "clustering", len(ordered)):
            clusterer.add_features(features[article.id], article)
        return clusterer.open_events()

    @staticmethod
    def event_of(members: Iterable[tuple[Any, Article]]) -> Event:
        """Return the event of these (reading position, article) pairs in the local order:
        originals in reading order, then copies (as ``cluster_features`` lists them)."""
        from newsbrief.cluster.online import make_event

        ordered = sorted(members, key=lambda pair: (pair[1].copy_of is not None, pair[0]))
        return make_event([article for _, article in ordered])

    def brief(self, story: Story) -> Brief:
        """Return one story's brief (the map step per story; ``brief_story``)."""
        return brief_story(story, self.config)

    def brief_all(
        self, stories: Sequence[Story], progress: Progress = no_progress
    ) -> tuple[list[Brief], list[tuple[Event, StageError]]]:
        """Brief every story in ``config.workers`` processes; the failed ones apart."""
        from newsbrief.parallel import brief_stories

        return brief_stories(stories, self.config, progress)

    def run_articles(
        self,
        articles: Sequence[Article],
        progress: Progress = no_progress,
        rejected: Sequence[Rejected] = (),
    ) -> tuple[list[Brief], RunReport]:
        """Prepare, cluster and brief articles already read: one brief per story."""
        clock = StageClock()
        set_up_process()
        with clock.stage("clean+dedup"):
            prepared, emptied = self.prepare(articles, progress)
        return self._cluster_and_brief(
            prepared, len(articles), [*rejected, *emptied], clock, progress
        )

    def run(
        self, sources: Iterable[str | Path], progress: Progress = no_progress
    ) -> tuple[list[Brief], RunReport]:
        """Read the sources and return one brief per story, with the run's report."""
        clock = StageClock()
        set_up_process()
        with clock.stage("ingest"):
            articles, rejected = self.read(sources, progress)
        with clock.stage("clean+dedup"):
            prepared, emptied = self.prepare(articles, progress)
        read_count = len(articles)
        # The texts as read are not held through clustering and briefing: the cleaned
        # articles replace them (~5 MB per 1,000 articles).
        del articles
        return self._cluster_and_brief(prepared, read_count, [*rejected, *emptied], clock, progress)

    def _cluster_and_brief(
        self,
        prepared: list[Article],
        read_count: int,
        rejected: list[Rejected],
        clock: StageClock,
        progress: Progress,
    ) -> tuple[list[Brief], RunReport]:
        """Cluster the prepared articles and brief each story; the run's report."""
        # No later step of the run detects a language: the detector's model (py3langid's
        # ~75 MiB) is not held through clustering and briefing. The store's update keeps
        # it: reloading costs ~0.4 s per update.
        release_detectors()
        return_freed_memory(collect=True)  # the texts as read and cleaning's copies
        with clock.stage("cluster"):
            stories = self.cluster(prepared)
        # Of what clustering encoded, only the article leads are read again (each event's
        # centre for its figures, ``facts.importance.lead_centre``); no later step reads
        # the names' frequencies that grouped stories.
        from newsbrief.cluster.features import embedding_text, release_word_frequencies

        embed.keep_only(embedding_text(article, self.config.cluster) for article in prepared)
        release_word_frequencies()
        return_freed_memory(collect=True)  # the similarity blocks and features
        with clock.stage("brief"):
            briefs, failed = self.brief_all(stories, progress)
        for event, error in failed:
            rejected.extend(unbriefed(event, error))
        counts = {
            "articles": read_count,
            "kept": len(prepared),
            "copies": sum(a.copy_of is not None for a in prepared),
            "events": sum(len(story.events) for story in stories),
            "stories": len(stories),
            "unbriefed_stories": len(failed),
            **rejection_counts(rejected),
        }
        report = RunReport(counts=counts, rejected=tuple(rejected), seconds=clock.seconds)
        return briefs, report


def build_briefs_from_articles(
    articles: Sequence[Article],
    config: Config | None = None,
    progress: Progress = no_progress,
    rejected: Sequence[Rejected] = (),
) -> tuple[list[Brief], RunReport]:
    """Run clean, dedup, cluster and brief over articles already read: one brief per story."""
    return Pipeline(config or Config()).run_articles(articles, progress, rejected)


def build_briefs(
    sources: Iterable[str | Path],
    config: Config | None = None,
    progress: Progress = no_progress,
) -> tuple[list[Brief], RunReport]:
    """Read the sources and return one brief per story, with the run's report.

    Args:
        sources: files, folders, globs, or "-" for stdin; any format newsbrief reads.
        config: settings per stage and the components to use (defaults when None).
        progress: a progress callback (see ``newsbrief.progress``).
    """
    return Pipeline(config or Config()).run(sources, progress)


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
        **rejection_counts(all_rejected),
    }
    return timeline, RunReport(counts=counts, rejected=all_rejected, seconds=clock.seconds)
