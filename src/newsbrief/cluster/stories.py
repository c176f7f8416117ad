"""Stories: the events (developments) of one story, grouped so that it gets one brief.

An event is what a news cycle reports together (a day or a few); a story is what a reader
follows for weeks: a disaster and its aftermath, a crime and its investigation. Events of
one story share specific actors, places and terms, so their content similarity stays high
while the wording of each day differs; two incidents of one kind (two earthquakes, two
shootings) share the kind's words but not their specifics.

Each event becomes a profile: the normalised mean of its originals' embeddings, the
TF-IDF centroid of their words and the centroid of their specific names and words, each
weighted by how rare it is in general text (wordfreq; "Jabiluka" and "uranium" count,
"Trump" and "government" do not). The content similarity of two events mixes the event
similarity of the centroids with the name overlap (``story_name_weight``), and is
multiplied by a time factor that halves every ``story_half_life_days`` of the gap between
their nearest days (``story_undated_factor`` when one is undated). With ``story_linkage``
"single" (the default) pairs whose score reaches ``story_threshold`` are linked strongest
first and a story is a chain of developments, so it stays open while it keeps developing;
the chain guard joins two groups only when their cores of specific names and words agree
(``story_link_name_min``), so a chain cannot drift from story to story through one
shared actor. With "average" groups merge while the mean content similarity over their
event pairs, times the decay of their nearest gap, reaches the threshold. Settings: 5-fold
cross-validation over topics (``bench/stories.py``, docs/stories.md).

A story's id is that of its first article (date order, undated last, then id): it stays
the same as the story grows with later developments, and when two stories merge the
older keeps its id (``story_id``).
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from scipy import sparse

from newsbrief.cluster.features import (
    ArticleFeatures,
    TermSpace,
    name_specificity,
    similarity_block,
)
from newsbrief.cluster.linkage import components_above, components_of_pairs, row_blocks
from newsbrief.config import ClusterConfig
from newsbrief.entities.cues import WIRE_SERVICES
from newsbrief.model import Article, Event, Story, content_id

log = logging.getLogger(__name__)

# The wire services' one-word names ("xinhua", "reuters"): a dateline's credit names who
# distributed the report, not what it is about. Rare in general text, "xinhua" was the
# specific word shared by 95 Xinhua reports of a dozen DUC topics (the euro, malaria,
# Quebec, Mongolia, Kakadu) that the chain guard let into one story: the guard's name
# cores leave them out (the content score keeps them: one agency's reports of one story
# are alike in it too).
_WIRE_WORDS = frozenset(key for key in WIRE_SERVICES if " " not in key)


def story_id(articles: Sequence[Article]) -> str:
    """Return a story's id: derived from its first article, so it survives growth."""
    first = min(articles, key=lambda a: (a.date is None, a.date or dt.date.min, a.id))
    return content_id("story", first.id)


def story_reach_days(config: ClusterConfig) -> int:
    """Return the most days between two developments that can still join (content 1, the
    time factor alone down to the threshold): how far back an update looks for stories."""
    if config.story_half_life_days <= 0 or config.story_threshold <= 0:
        return 36500
    return int(config.story_half_life_days * math.log2(1.0 / min(config.story_threshold, 1.0)))


def make_story(events: Sequence[Event]) -> Story:
    """Return the Story of these events, developments in date order (undated last)."""
    ordered = sorted(
        events, key=lambda e: (e.first_seen is None, e.first_seen or dt.date.min, e.id)
    )
    return Story(story_id([a for e in ordered for a in e.articles]), tuple(ordered))


def group_stories(
    events: Sequence[Event],
    features: Mapping[str, ArticleFeatures],
    config: ClusterConfig,
    space: TermSpace | None = None,
) -> list[Story]:
    """Return the stories of these events; every event is in exactly one story.

    ``features`` maps article ids to their clustering features (every original of every
    event must be there); ``space`` is the run's TF-IDF space (fitted here when None).
    """
    groups = group_event_indices(
        [[features[a.id] for a in event.originals or event.articles] for event in events],
        config,
        space,
    )
    return [make_story([events[i] for i in group]) for group in groups]


def group_event_indices(
    members: Sequence[Sequence[ArticleFeatures]],
    config: ClusterConfig,
    space: TermSpace | None = None,
) -> list[list[int]]:
    """Return groups of event indices, one per story; ``members`` are each event's features."""
    count = len(members)
    if count == 0:
        return []
    if space is None:
        space = TermSpace.fit(
            (f.term_counts for group in members for f in group), config.idf_prior_documents
        )
    sums = [EventSums.of(group) for group in members]
    return group_event_sums(sums, config, space)


@dataclass(frozen=True, eq=False)
class EventSums:
    """What story grouping needs of one event, as sums (reducible over Spark partitions)."""

    embedding_sum: np.ndarray
    term_counts: dict[str, float]
    name_counts: dict[str, float]
    languages: frozenset[str | None]
    first_day: dt.date | None
    last_day: dt.date | None
    reports: int = 1  # originals summed

    @classmethod
    def of(cls, group: Sequence[ArticleFeatures]) -> EventSums:
        days = [f.date for f in group if f.date]
        return cls(
            np.sum([f.embedding for f in group], axis=0),
            _summed(f.term_counts for f in group),
            _summed(f.name_counts for f in group),
            frozenset(f.language for f in group),
            min(days) if days else None,
            max(days) if days else None,
            len(group),
        )

    def plus(self, other: EventSums) -> EventSums:
        """Return the sums of both (the reduce step)."""
        days = [d for d in (self.first_day, self.last_day, other.first_day, other.last_day) if d]
        return EventSums(
            self.embedding_sum + other.embedding_sum,
            _summed([self.term_counts, other.term_counts]),
            _summed([self.name_counts, other.name_counts]),
            self.languages | other.languages,
            min(days) if days else None,
            max(days) if days else None,
            self.reports + other.reports,
        )


def group_event_sums(
    sums: Sequence[EventSums], config: ClusterConfig, space: TermSpace
) -> list[list[int]]:
    """Return groups of event indices, one per story, from each event's sums."""
    count = len(sums)
    if count == 0:
        return []
    profiles = _profiles(sums, space, config)
    spans = [
        (s.first_day.toordinal(), (s.last_day or s.first_day).toordinal()) if s.first_day else None
        for s in sums
    ]
    # Components of "some event pair reaches the threshold on content alone": a merged
    # group's score never exceeds its best pair's content similarity (time factors are at
    # most 1), so no story spans two components and each is grouped on its own.
    everything = np.arange(count)

    def block_of(start: int, stop: int) -> np.ndarray:
        rows = everything[start:stop]
        content = profiles.content(rows, everything, config)
        # A pair the undated name rule may link counts as reaching the threshold here.
        named = profiles.name_link(rows, everything, config)
        out: np.ndarray = np.where(named, np.maximum(content, config.story_threshold), content)
        return out

    groups: list[list[int]] = []
    for indices in components_above(count, block_of, config.story_threshold):
        if len(indices) == 1:
            groups.append([int(indices[0])])
            continue
        local_spans = [spans[i] for i in indices]
        if config.story_linkage == "single":

            def pairs(rows: np.ndarray, indices: np.ndarray = indices) -> PairBlock:
                return (
                    profiles.content(indices[rows], indices, config),
                    profiles.name_link(indices[rows], indices, config),
                )

            local = _chain_developments(
                _links(pairs, profiles.has_names[indices], local_spans, config),
                profiles.guard_names[indices],
                profiles.has_names[indices],
                config,
                np.array([sums[i].reports == 1 for i in indices]),
            )
        else:
            content = profiles.content(indices, indices, config)
            local = _merge_developments(content, local_spans, config)
        groups.extend([int(indices[i]) for i in group] for group in local)
    return groups


# Content similarity and undated-name links of some events (rows) to all of a component.
PairBlock = tuple[np.ndarray, np.ndarray]


class _Links(NamedTuple):
    """The pairs of a component's events that may link (``first < second``, row-major)."""

    events: int  # in the component
    first: np.ndarray
    second: np.ndarray
    score: np.ndarray  # content x time decay
    by_names: np.ndarray  # an undated pair linked by shared names
    gap: np.ndarray  # days between the pair's nearest days (NaN: one is undated)


def _links(
    pairs: Callable[[np.ndarray], PairBlock],
    has_names: np.ndarray,
    spans: Sequence[tuple[int, int] | None],
    config: ClusterConfig,
) -> _Links:
    """Return the pairs of a component's events that reach the story threshold (content x
    time, each pair decayed by its own gap) or, undated, share specific names (the undated
    name rule); with the chain guard on, a pair without names on both sides needs the
    content-only bar (``story_nameless_threshold``): a low threshold is safe only where
    the guard checks names. Computed in blocks of rows (``linkage.row_blocks``): a day of news
    can be one component of thousands of events, whose dense pair matrices grew
    quadratically."""
    count = len(spans)
    starts = np.array([s[0] if s else np.nan for s in spans], dtype=np.float64)
    ends = np.array([s[1] if s else np.nan for s in spans], dtype=np.float64)
    guarded = config.story_link_name_min > 0
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    for start, stop in row_blocks(count):
        rows = np.arange(start, stop)
        gaps = _gaps(starts[rows], ends[rows], starts, ends)
        content, named = pairs(rows)
        score = content * _decay(gaps, config)
        by_names = named & np.isnan(gaps)
        linked = (score >= config.story_threshold) | by_names
        linked &= np.arange(count)[None, :] > rows[:, None]  # each pair once
        if guarded:
            both_named = has_names[rows][:, None] & has_names[None, :]
            linked &= both_named | (score >= config.story_nameless_threshold) | by_names
        hit_rows, hit_columns = np.nonzero(linked)
        parts.append(
            (
                rows[hit_rows],
                hit_columns,
                score[hit_rows, hit_columns],
                by_names[hit_rows, hit_columns],
                gaps[hit_rows, hit_columns],
            )
        )
    columns = (np.concatenate(column) for column in zip(*parts, strict=True))
    return _Links(count, *columns)


def _chain_developments(
    links: _Links,
    names: sparse.csr_matrix,
    has_names: np.ndarray,
    config: ClusterConfig,
    one_report: np.ndarray | None = None,
) -> list[list[int]]:
    """Single linkage with a chain guard: an event joins a story when some development of
    it is close enough in content x time (``_links``), so a story follows its chain. Links
    are taken strongest first, and two groups join only when their name cores
    (specificity-weighted names that ``story_core_share`` of a group's developments
    mention) reach ``story_link_name_min`` in cosine, so a chain cannot drift from one
    story to the next through one shared actor or a round-up naming both. Then a lone
    report (``one_report``: an event of one original that is a story of its own) joins the
    story it links to most strongly when their names agree enough
    (``story_lone_joins``, ``story_lone_name_min``) and it is dated within
    ``story_lone_reach_days`` of the development it links to."""
    count = links.events
    if config.story_link_name_min <= 0:
        components = components_of_pairs(count, links.first, links.second)
        return [component.tolist() for component in components]
    first, second = links.first, links.second
    order = np.argsort(-np.where(links.by_names, np.inf, links.score))
    parent = list(range(count))
    centroid = {i: names[i] for i in range(count)}
    named_group = {i: bool(has_names[i]) for i in range(count)}
    mentions = {i: (names[i] > 0).astype(np.float64) for i in range(count)}
    size = {i: 1 for i in range(count)}

    # A group's core changes only when it grows: cores are kept per group, and a pair of
    # groups the guard kept apart is not compared again until one of them grows (a large
    # component has tens of thousands of links between the same few groups).
    cores: dict[int, tuple[sparse.csr_matrix, float]] = {}
    grown = dict.fromkeys(range(count), 0)  # merges into each group so far
    kept_apart: set[tuple[int, int, int, int]] = set()

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def core(group: int) -> tuple[sparse.csr_matrix, float]:
        if group not in cores:
            found = _core(centroid[group], mentions[group], size[group], config.story_core_share)
            cores[group] = (found, float(found.multiply(found).sum()))
        return cores[group]

    def names_agree(a: int, b: int, bar: float) -> bool:
        """Whether two groups' name cores reach ``bar`` in cosine (true when one has no
        names: the nameless bar was checked in ``_links``)."""
        if not (named_group[a] and named_group[b]):
            return True
        (core_a, norm_a), (core_b, norm_b) = core(a), core(b)
        norms = math.sqrt(norm_a * norm_b)
        return bool(norms) and float(core_a.multiply(core_b).sum()) / norms >= bar

    for edge in order.tolist():
        a, b = root(int(first[edge])), root(int(second[edge]))
        pair = (a, b, grown[a], grown[b]) if a < b else (b, a, grown[b], grown[a])
        if a == b or pair in kept_apart:
            continue
        if not names_agree(a, b, config.story_link_name_min):
            kept_apart.add(pair)
            continue
        cores.pop(a, None)  # group a grows: its core is stale
        cores.pop(b, None)
        grown[a] += 1
        parent[b] = a
        centroid[a] = centroid[a] + centroid.pop(b)
        mentions[a] = mentions[a] + mentions.pop(b)
        size[a] += size.pop(b)
        named_group[a] = named_group[a] or named_group.pop(b)
    if config.story_lone_joins and one_report is not None:
        # A lone report joins as a leaf (strongest link first), so it cannot chain two
        # stories together; the guard's bar for it is lower (``story_lone_name_min``).
        lone = {i for i in range(count) if parent[i] == i and size[i] == 1 and one_report[i]}
        reach = config.story_lone_reach_days
        for edge in order.tolist():
            if reach and links.gap[edge] > reach:  # NaN (undated) compares False
                continue
            a, b = root(int(first[edge])), root(int(second[edge]))
            joining, story = (a, b) if a in lone else (b, a)
            if joining not in lone or story in lone or a == b:
                continue
            if names_agree(joining, story, config.story_lone_name_min):
                parent[joining] = story
                lone.discard(joining)
    members: dict[int, list[int]] = {}
    for index in range(count):
        members.setdefault(root(index), []).append(index)
    return list(members.values())


def _core(
    centroid: sparse.csr_matrix, mentions: sparse.csr_matrix, size: int, share: float
) -> sparse.csr_matrix:
    """Return a group's name core: its name centroid over the names that at least
    ``share`` of its developments mention (all of a lone event's names)."""
    need = max(1, math.ceil(share * size - 1e-9))
    out: sparse.csr_matrix = centroid.multiply(mentions >= need).tocsr()
    return out


@dataclass(frozen=True, eq=False)
class _Profiles:
    """Per event: mean embedding, TF-IDF and name centroids, language (None if mixed)."""

    embeddings: np.ndarray
    terms: sparse.csr_matrix
    names: sparse.csr_matrix
    languages: list[str | None]
    has_names: np.ndarray  # bool per event: some capitalised name at all
    guard_names: sparse.csr_matrix  # ``names`` without the wire services' (the chain guard's)

    def content(self, rows: np.ndarray, columns: np.ndarray, config: ClusterConfig) -> np.ndarray:
        """Return the content similarity of events ``rows`` x ``columns`` (no time)."""
        undated: list[dt.date | None] = [None] * max(len(rows), len(columns))
        base = similarity_block(
            self.embeddings[rows],
            self.terms[rows],
            undated[: len(rows)],
            self.embeddings[columns],
            self.terms[columns],
            undated[: len(columns)],
            config,
            [self.languages[i] for i in rows],
            [self.languages[i] for i in columns],
        )
        names = (self.names[rows] @ self.names[columns].T).toarray()
        share = config.story_name_weight
        out: np.ndarray = (1.0 - share) * base + share * names
        return out

    def name_link(self, rows: np.ndarray, columns: np.ndarray, config: ClusterConfig) -> np.ndarray:
        """Return which pairs share names enough for the undated rule (dates not checked)."""
        names = (self.names[rows] @ self.names[columns].T).toarray()
        out: np.ndarray = names >= config.story_undated_name_threshold
        return out


def _profiles(sums: Sequence[EventSums], space: TermSpace, config: ClusterConfig) -> _Profiles:
    """Return each event's profile; name IDF is counted over the events of the run, and
    each name also weighs by how rare it is in general text (``story_common_name_zipf``)."""
    embeddings = np.zeros((len(sums), sums[0].embedding_sum.shape[0]), dtype=np.float32)
    for row, item in enumerate(sums):
        norm = float(np.linalg.norm(item.embedding_sum))
        embeddings[row] = item.embedding_sum / norm if norm else item.embedding_sum
    languages = [next(iter(s.languages)) if len(s.languages) == 1 else None for s in sums]
    names = [
        _specific_words(item, language, config)
        for item, language in zip(sums, languages, strict=True)
    ]
    name_space = TermSpace.fit(names, config.idf_prior_documents)
    if not config.story_name_run_idf:  # specificity alone: a run of one story keeps its core
        name_space = TermSpace(name_space.vocabulary, np.ones_like(name_space.idf))
    return _Profiles(
        embeddings,
        space.vectors([item.term_counts for item in sums]),
        name_space.vectors(names),
        languages,
        np.array([bool(item.name_counts) for item in sums]),
        name_space.vectors([{k: v for k, v in n.items() if k not in _WIRE_WORDS} for n in names]),
    )


def _specific_words(
    sums: EventSums, language: str | None, config: ClusterConfig
) -> dict[str, float]:
    """Return an event's names, and with ``story_core_term_weight`` its other words, each
    weighted by its specificity: what the name profile and the chain guard compare. A
    story's specific words need not be names ("swine flu", "uranium", "denuclearization")."""
    common = config.story_common_name_zipf
    words: dict[str, float] = {}
    for name, count in sums.name_counts.items():
        if (weight := name_specificity(name, common, language)) > 0:
            words[name] = count * weight
    if config.story_core_term_weight > 0 and common > 0:
        for term, count in sums.term_counts.items():
            if (weight := name_specificity(term, common, language)) > 0:
                extra = config.story_core_term_weight * count * weight
                words[term] = words.get(term, 0.0) + extra
    return words


def _summed(counts: Iterable[Mapping[str, float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for terms in counts:
        for term, value in terms.items():
            total[term] = total.get(term, 0.0) + value
    return total


def _merge_developments(
    content: np.ndarray, spans: Sequence[tuple[int, int] | None], config: ClusterConfig
) -> list[list[int]]:
    """Average linkage: mean content similarity x decay of the nearest-development gap."""
    count = len(spans)
    similarity = np.array(content, dtype=np.float64)
    weights = np.ones(count)
    starts = np.array([s[0] if s else np.nan for s in spans], dtype=np.float64)
    ends = np.array([s[1] if s else np.nan for s in spans], dtype=np.float64)
    members: list[list[int]] = [[i] for i in range(count)]
    alive = np.ones(count, dtype=bool)
    score = similarity * _decay(_gaps(starts, ends, starts, ends), config)
    np.fill_diagonal(score, -np.inf)
    while count > 1:
        flat = int(np.argmax(score))
        first, second = divmod(flat, count)
        if score[first, second] < config.story_threshold:
            break
        total = weights[first] + weights[second]
        merged = (weights[first] * similarity[first] + weights[second] * similarity[second]) / total
        similarity[first, :] = merged
        similarity[:, first] = merged
        weights[first] = total
        starts[first] = np.fmin(starts[first], starts[second])
        ends[first] = np.fmax(ends[first], ends[second])
        alive[second] = False
        members[first].extend(members[second])
        members[second] = []
        row = merged * _decay(
            _gaps(starts[first : first + 1], ends[first : first + 1], starts, ends)[0], config
        )
        row[~alive] = -np.inf
        row[first] = -np.inf
        score[first, :] = row
        score[:, first] = row
        score[second, :] = -np.inf
        score[:, second] = -np.inf
    return [group for group in members if group]


def _gaps(
    starts_a: np.ndarray, ends_a: np.ndarray, starts_b: np.ndarray, ends_b: np.ndarray
) -> np.ndarray:
    """Return the days between the nearest days of every two spans (0: they overlap; NaN:
    one is undated)."""
    with np.errstate(invalid="ignore"):
        gap = np.maximum(starts_a[:, None] - ends_b[None, :], starts_b[None, :] - ends_a[:, None])
    out: np.ndarray = np.maximum(gap, 0.0)  # NaN stays NaN: unknown
    return out


def _decay(gap: np.ndarray, config: ClusterConfig) -> np.ndarray:
    """Return the time factor of gaps in days (NaN: a side is undated)."""
    known = np.nan_to_num(gap, nan=0.0)
    factor: np.ndarray = (
        np.power(0.5, known / config.story_half_life_days)
        if config.story_half_life_days > 0
        else np.ones_like(known)
    )
    factor[np.isnan(gap)] = config.story_undated_factor
    return factor
