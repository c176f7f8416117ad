"""Lone reports and stories: does a one-off report of a story join it, and at what cost?

    NEWSBRIEF_BENCH_CACHE=/tmp/newsbrief-bench .venv/bin/python bench/lone_reports.py

A lone report (one original, a story of its own after the chain guard) joins, as a leaf,
the story it links to most strongly when its names reach ``story_lone_name_min`` in cosine
with that story's core (``cluster/stories.py``). Measured for each variant:

* briefs per story with each DUC 2007 update topic and each Timeline17 window run alone
  (as ``eval briefs`` runs a gold story: one brief is right);
* one mixed dated run of DUC 2006 (50 topics), DUC 2007 (10) and the Timeline17 windows
  (5 topics), gold = topic: story BCubed precision shows lone reports joining the wrong
  story, recall the ones left apart;
* ECB+ dev (one run, gold = its 40 events: same-kind incidents stay apart) and NewsWCL50
  (one run, 10 gold events) as stories.

Writes the section "Lone reports" of ``bench/results/clustering.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
from collections.abc import Callable

from clustering import RESULTS  # type: ignore[import-not-found]
from stories import (  # type: ignore[import-not-found]
    Clustered,
    Labelled,
    clustered,
    folds_of,
    load_duc,
    load_ecb,
    load_newswcl,
    load_t17_windows,
    pooled,
    replace_sections,
    story_labels,
    subset,
)

from newsbrief.config import ClusterConfig
from newsbrief.evaluate.clustering import bcubed

# (lone reports join, name bar): off, then the name bars tried.
VARIANTS = [(False, 0.0), (True, 0.0), (True, 0.02), (True, 0.05), (True, 0.1)]


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    base = ClusterConfig()
    duc, t17w = load_duc(base), load_t17_windows(base)
    t17_topics = [t.split("/")[0] for t in t17w.topics]
    d6 = load_duc(base, "duc2006.jsonl.gz", "duc2006/")
    mixed = Labelled(
        d6.features + duc.features + t17w.features,
        d6.articles + duc.articles + t17w.articles,
        d6.gold + duc.gold + t17_topics,
        d6.topics + duc.topics + t17_topics,
    )
    whole = {"mixed": clustered(mixed, base)}
    whole["ecb"] = clustered(load_ecb(base), base)
    whole["wcl"] = clustered(load_newswcl(base), base)
    alone = {
        name: [clustered(subset(data, {t}), base) for t in sorted(set(data.topics))]
        for name, data in (("duc", duc), ("t17w", t17w))
    }
    lines = [
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC (`bench/lone_reports.py`, load "
        f"{os.getloadavg()[0]:.1f}). Mixed run: {len(mixed.articles)} dated articles of "
        f"{len(set(mixed.gold))} topics (DUC 2006, DUC 2007, Timeline17 windows), gold = "
        "topic. Other settings: the defaults.",
        "",
        "| lone reports | mixed run story P | R | F1 | stories | DUC 2007 alone, briefs"
        " per story | Timeline17 windows alone | ECB+ story F1 | NewsWCL50 stories (10) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for joins, name_min in VARIANTS:
        config = dataclasses.replace(base, story_lone_joins=joins, story_lone_name_min=name_min)
        labels = story_labels(whole["mixed"], config)
        precision, recall, f1 = bcubed(labels, mixed.gold)
        per_story = {
            name: sum(len(set(story_labels(run, config))) for run in runs) / len(runs)
            for name, runs in alone.items()
        }
        ecb = bcubed(story_labels(whole["ecb"], config), whole["ecb"].data.gold)[2]
        wcl = len(set(story_labels(whole["wcl"], config)))
        label = f"join, name bar {name_min:g}" if joins else "stay apart"
        if (joins, name_min) == (base.story_lone_joins, base.story_lone_name_min):
            label = f"**{label} (default)**"
        lines.append(
            f"| {label} | {precision:.4f} | {recall:.4f} | {f1:.4f} | {len(set(labels))} | "
            f"{per_story['duc']:.2f} | {per_story['t17w']:.2f} | {ecb:.4f} | {wcl} |"
        )
    lines += ["", *cross_validate(base, whole["mixed"], alone)]
    print("\n".join(lines))
    replace_sections(RESULTS, {"Lone reports": lines})


def cross_validate(
    base: ClusterConfig, mixed: Clustered, alone: dict[str, list[Clustered]]
) -> list[str]:
    """Choose the name bar by 5-fold cross-validation over topics: on the training topics,
    the variant with the best mean story BCubed F1 over the mixed run (its training
    topics' articles), the DUC topics alone and the Timeline17 windows alone (pooled);
    scored on the held-out topics. A Timeline17 window's topic is its fold key."""
    variants = VARIANTS
    configs = [
        dataclasses.replace(base, story_lone_joins=joins, story_lone_name_min=bar)
        for joins, bar in variants
    ]
    mixed_labels = [story_labels(mixed, config) for config in configs]
    alone_labels = {
        name: [[story_labels(run, config) for run in runs] for config in configs]
        for name, runs in alone.items()
    }
    gold = mixed.data.gold
    folds = folds_of(gold)

    def topic_of(run: Clustered) -> str:
        return str(run.data.gold[0]).split("/")[0]

    def scores(v: int, topics: set[str]) -> tuple[list[tuple[list[int], list[str]]], ...]:
        index = [i for i, t in enumerate(gold) if t in topics]
        parts_mixed = [([mixed_labels[v][i] for i in index], [gold[i] for i in index])]
        parts_alone = tuple(
            [
                (labels, list(run.data.gold))
                for run, labels in zip(alone[name], alone_labels[name][v], strict=True)
                if topic_of(run) in topics
            ]
            for name in alone
        )
        return (parts_mixed, *parts_alone)

    Parts = list[list[tuple[list[int], list[str]]]]

    def held_out(variant_for: Callable[[set[str]], int]) -> tuple[Parts, dict[str, list[int]]]:
        """Each fold's held-out topics scored with the variant ``variant_for`` gives it."""
        held: Parts = [[] for _ in range(1 + len(alone))]
        briefs: dict[str, list[int]] = {name: [] for name in alone}
        for test in folds:
            v = variant_for(test)
            for slot, parts in enumerate(scores(v, test)):
                held[slot] += parts
            for name in alone:
                briefs[name] += [
                    len(set(labels))
                    for run, labels in zip(alone[name], alone_labels[name][v], strict=True)
                    if topic_of(run) in test
                ]
        return held, briefs

    chosen: list[str] = []

    def best_on_the_rest(test: set[str]) -> int:
        train = set(gold) - test
        best = max(
            range(len(variants)),
            key=lambda v: sum(pooled(parts) for parts in scores(v, train) if parts),
        )
        chosen.append(f"{variants[best][1]:g}" if variants[best][0] else "apart")
        return best

    def row(label: str, held: Parts, briefs: dict[str, list[int]]) -> str:
        mixed_f1, *alone_f1 = (pooled(parts) for parts in held)
        cells = [
            f"{f:.4f} ({sum(briefs[name]) / len(briefs[name]):.2f})"
            for f, name in zip(alone_f1, alone, strict=True)
        ]
        return f"| {label} | {mixed_f1:.4f} | " + " | ".join(cells) + " |"

    rows = [row("chosen per fold", *held_out(best_on_the_rest))]
    for v, (joins, bar) in enumerate(variants):
        label = f"join, name bar {bar:g}" if joins else "stay apart"
        if (joins, bar) == (base.story_lone_joins, base.story_lone_name_min):
            label += " (default)"
        rows.append(row(label, *held_out(lambda _, v=v: v)))
    return [
        "Name bar chosen by 5-fold cross-validation over topics (objective: mean story BCubed"
        " F1 of the mixed run's training topics, the DUC topics alone and the Timeline17"
        f" windows alone); chosen per fold: {', '.join(chosen)}. Held-out topics, pooled by"
        " fold (a story across two folds counts apart, as in `bench/stories.py`):",
        "",
        "| held-out topics | mixed run story F1 | DUC 2007 alone F1 (briefs per story)"
        " | Timeline17 windows alone F1 (briefs per story) |",
        "|---|---:|---:|---:|",
        *rows,
    ]


if __name__ == "__main__":
    main()
