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

from clustering import RESULTS  # type: ignore[import-not-found]
from stories import (  # type: ignore[import-not-found]
    Labelled,
    clustered,
    load_duc,
    load_ecb,
    load_newswcl,
    load_t17_windows,
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
    print("\n".join(lines))
    replace_sections(RESULTS, {"Lone reports": lines})


if __name__ == "__main__":
    main()
