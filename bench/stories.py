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
STORY_THRESHOLDS = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45]
STORY_HALF_LIVES = [7.0, 14.0, 30.0, 60.0, 120.0, 365.0]
NAME_WEIGHTS = [0.0, 0.25, 0.5]
UNDATED_FACTORS = [0.0, 0.25, 0.5, 0.75, 1.0]
LINKAGES = ["average", "single"]
# threshold, name share, undated factor, half-life, linkage
Point = tuple[float, float, float, float, str]


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


def load_duc(config: ClusterConfig) -> Labelled:
    articles, topics = [], []
    for cluster in read_jsonl(DATA / "summarization" / "duc2007_update.jsonl"):
        for a in cluster["articles"]:
            articles.append(
                Article(
                    id=a["id"],
                    text=a["text"],
                    title=a.get("title"),
                    date=parse_date(a.get("date")),
                    source=a.get("source"),
                )
            )
            topics.append(cluster["id"].split("-")[0])
    return Labelled(cached_features(articles, config), articles, topics, topics)


# Timeline17 articles per topic (the topic's source folders pooled, spread evenly over
# its dates): its 2557 articles take ~20 minutes to embed on 2 shared cores.
T17_PER_TOPIC = 120


def load_t17(config: ClusterConfig) -> Labelled:
    """Return dated stories over weeks to years: Timeline17's five topics (label = topic)."""
    by_topic: dict[str, list[Article]] = {}
    for task in read_jsonl(DATA / "timelines" / "timeline17_dev.jsonl.gz"):
        for a in task["articles"]:
            date = parse_date(a.get("date"))
            if date and a["text"].strip():
                by_topic.setdefault(task["topic"], []).append(
                    Article(id=f"{task['id']}/{a['id']}", text=a["text"], date=date)
                )
    articles, topics = [], []
    for topic, pool in sorted(by_topic.items()):
        pool.sort(key=lambda a: (a.date or dt.date.min, a.id))
        step = max(1, len(pool) // T17_PER_TOPIC)
        chosen = pool[::step][:T17_PER_TOPIC]
        articles += chosen
        topics += [topic] * len(chosen)
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
    grid = [
        dataclasses.replace(base, similarity_threshold=t, embedding_weight=w)
        for t, w in itertools.product(EVENT_THRESHOLDS, EMBEDDING_WEIGHTS)
    ]
    held_out: list[tuple[list[int], list[str]]] = []
    default_held: list[tuple[list[int], list[str]]] = []
    chosen = []
    for test in folds_of(ecb.topics):
        train = subset(ecb, set(ecb.topics) - test)
        best = max(grid, key=lambda c: f1(event_labels(train, c), train.gold))
        chosen.append(f"{best.similarity_threshold}/{best.embedding_weight}")
        part = subset(ecb, test)
        held_out.append((event_labels(part, best), part.gold))
        default_held.append((event_labels(part, base), part.gold))
    dev = f1(event_labels(ecb, base), ecb.gold)
    return [
        "ECB+ dev, 5 folds of 4 topics; grid: threshold "
        f"{EVENT_THRESHOLDS} x embedding weight {EMBEDDING_WEIGHTS}; held-out topics are "
        "clustered on their own (as sealed topics are).",
        "",
        "| settings | dev bcubed-f1 (all 20 topics together) | held-out-topic bcubed-f1 |",
        "|---|---:|---:|",
        f"| default (threshold {base.similarity_threshold}, weight {base.embedding_weight}) "
        f"| {dev:.4f} | {pooled(default_held):.4f} (fixed, per fold) |",
        f"| chosen per fold on the other 16 topics ({', '.join(chosen)}) | | "
        f"{pooled(held_out):.4f} |",
    ]


def briefs_per_topic(data: Labelled, config: ClusterConfig) -> float:
    """Return stories per topic when each topic's articles are run alone (eval briefs)."""
    counts = [
        len(set(story_labels(clustered(subset(data, {topic}), config), config)))
        for topic in sorted(set(data.topics))
    ]
    return sum(counts) / len(counts)


def story_cv(
    ecb: Labelled, duc: Labelled, t17: Labelled, wcl: Labelled, base: ClusterConfig
) -> list[str]:
    """Choose the story settings by 5-fold cross-validation over topics; return the report.

    The grid is separable: ECB+ is undated (its grouping depends on the threshold, the name
    share and the undated factor), DUC and Timeline17 are dated (threshold, name share and
    half-life), so each dataset is grouped once per combination it depends on.
    """
    sets = {
        "ecb": clustered(ecb, base),
        "duc": clustered(duc, base),
        "t17": clustered(t17, base),
        "wcl": clustered(wcl, base),
    }
    labels: dict[tuple[str, float, float, float, float, str], list[int]] = {}
    for threshold, share, undated, half_life, linkage in itertools.product(
        STORY_THRESHOLDS, NAME_WEIGHTS, UNDATED_FACTORS, STORY_HALF_LIVES, LINKAGES
    ):
        config = dataclasses.replace(
            base,
            story_threshold=threshold,
            story_name_weight=share,
            story_undated_factor=undated,
            story_half_life_days=half_life,
            story_linkage=linkage,
        )
        for name in sets:
            key = _key(name, (threshold, share, undated, half_life, linkage))
            if key not in labels:
                labels[key] = story_labels(sets[name], config)
    grid = list(
        itertools.product(
            STORY_THRESHOLDS, NAME_WEIGHTS, UNDATED_FACTORS, STORY_HALF_LIVES, LINKAGES
        )
    )

    def part(name: str, point: Point, topics: set[str]) -> float:
        key = _key(name, point)
        data = sets[name].data
        index = [i for i, t in enumerate(data.topics) if t in topics]
        return f1([labels[key][i] for i in index], [data.gold[i] for i in index])

    events_only = {name: event_labels(sets[name].data, base) for name in sets}

    def objective(point: Point, topics: dict[str, set[str]]) -> float:
        """Mean story F1; -1 when ECB+ (undated, same-kind pairs) loses against no grouping."""
        ecb_index = [i for i, t in enumerate(ecb.topics) if t in topics["ecb"]]
        baseline = f1([events_only["ecb"][i] for i in ecb_index], [ecb.gold[i] for i in ecb_index])
        if part("ecb", point, topics["ecb"]) < baseline:
            return -1.0
        return sum(part(name, point, topics[name]) for name in sets) / len(sets)

    folds = {name: folds_of(sets[name].data.topics) for name in sets}
    held: dict[str, list[tuple[list[int], list[str]]]] = {name: [] for name in sets}
    chosen = []
    for k in range(FOLDS):
        train = {name: set(sets[name].data.topics) - folds[name][k] for name in sets}
        # NewsWCL50 is whole in every training fold: its merges are between its events, and
        # a fold of two held-out events cannot show them (its row is a dev figure).
        train["wcl"] = set(wcl.topics)
        best = max(grid, key=lambda p: objective(p, train))
        chosen.append("/".join(f"{x:g}" if isinstance(x, float) else x for x in best))
        for name in sets:
            key = _key(name, best)
            data = sets[name].data
            test = set(wcl.topics) if name == "wcl" else folds[name][k]
            index = [i for i, t in enumerate(data.topics) if t in test]
            held[name].append(([labels[key][i] for i in index], [data.gold[i] for i in index]))
    everything = {name: set(sets[name].data.topics) for name in sets}
    default = (
        base.story_threshold,
        base.story_name_weight,
        base.story_undated_factor,
        base.story_half_life_days,
        base.story_linkage,
    )
    events_f1 = {name: f1(events_only[name], sets[name].data.gold) for name in sets}
    lines = [
        "Events grouped into stories (`cluster/stories.py`); 5 folds over topics (4 ECB+, 2 "
        "DUC 2007 update and 1 Timeline17 topic held out per fold; NewsWCL50 whole in every "
        "training fold, as its merges are between its events). Grid: story threshold "
        f"{STORY_THRESHOLDS} x name share {NAME_WEIGHTS} x undated factor {UNDATED_FACTORS} "
        f"x half-life (days) {STORY_HALF_LIVES} x linkage {LINKAGES}. Objective: mean story "
        "BCubed F1 over ECB+ (gold = events; undated; an ecb/ecbplus merge costs, a fragment "
        "joined gains), DUC (gold = topic, 250 articles 1996-2000), Timeline17 (gold = topic, "
        "600 articles 2009-2011, 120 per topic spread over its dates) and NewsWCL50 (gold = "
        "its 10 events of one month, each its own gold brief), under the constraint that ECB+ "
        "scores no lower than without story grouping on the training topics.",
        "",
        "Chosen per fold (threshold/name share/undated factor/half-life/linkage): "
        f"{', '.join(chosen)}.",
        "",
        "| story bcubed-f1 | ECB+ | DUC 2007 | Timeline17 | NewsWCL50 | mean |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    rows = {
        "events only (no story grouping), dev": events_f1,
        f"default {'/'.join(f'{x:g}' if isinstance(x, float) else x for x in default)}, dev": {
            name: part(name, default, everything[name]) for name in sets
        },
        "chosen per fold, held-out topics (pooled; NewsWCL50: dev)": {
            name: pooled(held[name]) for name in sets
        },
    }
    for label, values in rows.items():
        mean = sum(values.values()) / len(values)
        cells = " | ".join(f"{values[name]:.4f}" for name in sets)
        lines.append(f"| {label} | {cells} | {mean:.4f} |")
    wcl_labels = labels[_key("wcl", default)]
    lines += [
        "",
        "Default settings, briefs per story when each topic's articles are run alone (as "
        f"`eval briefs` runs a story): DUC 2007 update {briefs_per_topic(duc, base):.2f} "
        f"(events alone: {briefs_per_topic_events(duc, base):.2f}), Timeline17 "
        f"{briefs_per_topic(t17, base):.2f} (events alone: "
        f"{briefs_per_topic_events(t17, base):.2f}). NewsWCL50 (10 events of one month of US "
        f"politics, each its own gold brief): {len(set(wcl_labels))} stories, story BCubed F1 "
        f"against the events {f1(wcl_labels, wcl.gold):.4f}. ECB+: "
        f"{len(set(labels[_key('ecb', default)]))} stories for 40 gold events.",
    ]
    return lines


def _key(name: str, point: Point) -> tuple[str, float, float, float, float, str]:
    """The grid point's settings that matter to a dataset (ECB+ is undated: no half-life)."""
    threshold, share, undated, half_life, linkage = point
    if name == "ecb":
        return (name, threshold, share, undated, 0.0, linkage)
    if name in ("duc", "t17"):  # every article dated
        return (name, threshold, share, 0.0, half_life, linkage)
    return (name, threshold, share, undated, half_life, linkage)


def briefs_per_topic_events(data: Labelled, config: ClusterConfig) -> float:
    counts = [
        len(set(event_labels(subset(data, {topic}), config))) for topic in sorted(set(data.topics))
    ]
    return sum(counts) / len(counts)


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
        duc, t17, wcl = load_duc(base), load_t17(base), load_newswcl(base)
        sections["Stories"] = header + story_cv(ecb, duc, t17, wcl, base)
    for lines in sections.values():
        print("\n".join(lines))
    replace_sections(RESULTS, sections)


if __name__ == "__main__":
    main()
