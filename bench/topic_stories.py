"""Stories inside DUC 2006 topics: does story grouping join different stories of one theme?

    NEWSBRIEF_BENCH_CACHE=/tmp/newsbrief-bench .venv/bin/python bench/topic_stories.py

A DUC 2006 topic is a research question ("Jimmy Carter's international work", "wetlands"),
not a story: its 25 articles hold from 1 to 25 stories. ``bench/data/duc2006_stories.json``
labels each article with its story inside its topic (833 stories in 50 topics; how it was
made: ``bench/data/duc2006_stories.md``). The thirtieth editor read of the 2,000-article
mix found briefs joining different stories of one theme its most frequent serious fault.

Each DUC 2006 topic is run alone (story BCubed against the labels), beside the runs the
defaults were chosen on: each DUC 2007 update topic alone and each Timeline17 window alone
(one story each: briefs per story, as ``eval briefs`` counts), ECB+ dev (one run, gold =
its 40 events) and NewsWCL50 (one run, its 10 events each a story of the gold briefs).
Rows: the defaults, then one setting changed at a time. Then the chain guard, the lone
reports' name bar and the story threshold chosen together by 5-fold cross-validation over
topics (a Timeline17 topic's windows in one fold): on each fold's training topics, the
grid point with the best mean story F1 over the DUC 2006 topics, the DUC 2007 topics, the
Timeline17 windows, ECB+ and NewsWCL50 (the last two whole); the held-out topics, scored
with their fold's choice, pooled. Then the lone reports' reach alone, the same way, once
over the whole grid and once among the reaches that give the training DUC 2007 topics
and Timeline17 windows (one story each) no more briefs per story than any gap does (how
``story_lone_reach_days`` was chosen).

Writes the section "Stories inside DUC 2006 topics" of ``bench/results/clustering.md``.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path

from clustering import RESULTS  # type: ignore[import-not-found]
from stories import (  # type: ignore[import-not-found]
    Clustered,
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

LABELS = Path(__file__).parent / "data" / "duc2006_stories.json"
# One setting changed at a time from the defaults: (name, field, values).
SWEEPS = [
    ("story half-life (days)", "story_half_life_days", [180.0, 90.0, 30.0]),
    ("lone reports join", "story_lone_joins", [False]),
    ("lone reports' name bar", "story_lone_name_min", [0.1, 0.2]),
    ("chain guard (name core cosine)", "story_link_name_min", [0.25, 0.35]),
    ("story threshold", "story_threshold", [0.15, 0.2]),
    ("lone reports' reach (days, 0 = none)", "story_lone_reach_days", [0, 60, 30, 14, 7]),
]
RUNS = ["DUC 2006 topics", "DUC 2007 topics", "Timeline17 windows", "ECB+", "NewsWCL50"]
# Cross-validated together: (story_link_name_min, story_lone_name_min, story_threshold).
GRID_FIELDS = ("story_link_name_min", "story_lone_name_min", "story_threshold")
GRID = [
    (link, lone, threshold)
    for link in (0.15, 0.2, 0.25, 0.3, 0.35)
    for lone in (0.05, 0.1, 0.15, 0.2)
    for threshold in (0.1, 0.15)
]
# And the lone reports' reach alone, the rest at the defaults.
REACH_FIELDS = ("story_lone_reach_days",)
REACH_GRID = [(days,) for days in (0, 90, 60, 30, 21, 14, 7)]
FOLDED = RUNS[:3]  # runs of one topic each, held out by fold


def load_duc2006_stories(config: ClusterConfig) -> Labelled:
    """DUC 2006's articles, gold = topic/story from the labels."""
    labels = json.loads(LABELS.read_text())
    data = load_duc(config, "duc2006.jsonl.gz", "duc2006/")
    gold = [
        f"{topic}/{labels[topic][article.id.split('/', 1)[1]]}"
        for topic, article in zip(data.topics, data.articles, strict=True)
    ]
    return Labelled(data.features, data.articles, gold, data.topics)


def each_topic(data: Labelled, config: ClusterConfig) -> list[Clustered]:
    return [clustered(subset(data, {t}), config) for t in sorted(set(data.topics))]


Point = tuple[float, ...]


def config_of(base: ClusterConfig, fields: tuple[str, ...], point: Point) -> ClusterConfig:
    return dataclasses.replace(base, **dict(zip(fields, point, strict=True)))


def pooled_scores(
    runs: list[Clustered], labelled: list[list[int]]
) -> tuple[float, float, float, float]:
    """Story BCubed P / R / F1 pooled over the runs, and briefs per gold story."""
    predicted: list[tuple[int, int]] = []
    gold: list[tuple[int, str]] = []
    briefs = stories = 0
    for n, (done, labels) in enumerate(zip(runs, labelled, strict=True)):
        predicted += [(n, x) for x in labels]
        gold += [(n, x) for x in done.data.gold]
        briefs += len(set(labels))
        stories += len(set(done.data.gold))
    precision, recall, f1 = bcubed(predicted, gold)
    return precision, recall, f1, briefs / stories


def scores(runs: list[Clustered], config: ClusterConfig) -> tuple[float, float, float, float]:
    return pooled_scores(runs, [story_labels(done, config) for done in runs])


def topic_of(done: Clustered) -> str:
    return done.data.topics[0].split("/")[0]  # a Timeline17 window's topic


def cross_validate(
    runs: dict[str, list[Clustered]],
    base: ClusterConfig,
    fields: tuple[str, ...],
    grid: list[Point],
    described: str,
    whole: tuple[str, ...] = (),
) -> list[str]:
    """Choose the grid point per fold on the training topics; score the held-out ones.
    With ``whole``, a point qualifies only when these runs' training topics (one story
    each) get no more briefs per story than at the grid's first point."""
    labels = {
        point: {
            name: [story_labels(d, config_of(base, fields, point)) for d in runs[name]]
            for name in RUNS
        }
        for point in grid
    }
    topics = sorted({topic_of(d) for name in FOLDED for d in runs[name]})
    folds = [set(topics[k::5]) for k in range(5)]
    held: dict[str, list[tuple[Clustered, list[int]]]] = {name: [] for name in FOLDED}
    chosen: list[Point] = []

    def score(point: Point, name: str, keep: set[str]) -> tuple[float, float, float, float]:
        pairs = [
            (d, lab)
            for d, lab in zip(runs[name], labels[point][name], strict=True)
            if name not in FOLDED or topic_of(d) in keep
        ]
        return pooled_scores([d for d, _ in pairs], [lab for _, lab in pairs])

    def mean_f1(point: Point, keep: set[str]) -> float:
        return sum(score(point, name, keep)[2] for name in RUNS) / len(RUNS)

    def keeps_whole(point: Point, keep: set[str]) -> bool:
        return all(score(point, n, keep)[3] <= score(grid[0], n, keep)[3] for n in whole)

    for fold in folds:
        training = set(topics) - fold
        qualified = [point for point in grid if keeps_whole(point, training)]
        best = max(qualified, key=lambda point: (mean_f1(point, training), point == grid[0]))
        chosen.append(best)
        for name in FOLDED:
            held[name] += [
                (d, lab)
                for d, lab in zip(runs[name], labels[best][name], strict=True)
                if topic_of(d) in fold
            ]
    default = tuple(getattr(base, field) for field in fields)
    lines = [
        f"Chosen per fold ({described}): "
        + ", ".join(str(point) for point in chosen)
        + f"; the defaults {default}. Held-out topics, pooled:",
        "",
        "| | " + " | ".join(FOLDED) + " |",
        "|---|" + "---|" * len(FOLDED),
    ]
    cells = []
    for name in FOLDED:
        p, r, f, b = pooled_scores([d for d, _ in held[name]], [lab for _, lab in held[name]])
        cells.append(f"{p:.3f} / {r:.3f} / {f:.3f} ({b:.2f})")
    lines.append("| held out, chosen per fold | " + " | ".join(cells) + " |")
    cells = []
    for name in FOLDED:
        p, r, f, b = scores(runs[name], base)
        cells.append(f"{p:.3f} / {r:.3f} / {f:.3f} ({b:.2f})")
    lines.append("| the defaults, all topics | " + " | ".join(cells) + " |")
    return lines


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    base = ClusterConfig()
    runs = {
        "DUC 2006 topics": each_topic(load_duc2006_stories(base), base),
        "DUC 2007 topics": each_topic(load_duc(base), base),
        "Timeline17 windows": each_topic(load_t17_windows(base), base),
        "ECB+": [clustered(load_ecb(base), base)],
        "NewsWCL50": [clustered(load_newswcl(base), base)],
    }
    settings = [("defaults", base)] + [
        (f"{name} {value}", dataclasses.replace(base, **{field: value}))
        for name, field, values in SWEEPS
        for value in values
    ]
    gold_stories = len({g for done in runs["DUC 2006 topics"] for g in done.data.gold})
    lines = [
        f"`bench/topic_stories.py`: the 50 DUC 2006 topics, each run alone, against "
        f"`bench/data/duc2006_stories.json` ({gold_stories} stories in 1,250 articles); "
        "beside them the runs the story defaults were chosen on. Cells: story BCubed P / "
        "R / F1 (briefs per gold story). The defaults: half-life "
        f"{base.story_half_life_days:g} days, threshold {base.story_threshold:g}, chain guard "
        f"{base.story_link_name_min:g}, lone reports join at name cosine "
        f"{base.story_lone_name_min:g} when dated within "
        f"{base.story_lone_reach_days} days of the development they link to (0: any gap).",
        "",
        "| setting | " + " | ".join(RUNS) + " |",
        "|---|" + "---|" * len(RUNS),
    ]
    for name, config in settings:
        cells = []
        for run in RUNS:
            precision, recall, f1, per_story = scores(runs[run], config)
            cells.append(f"{precision:.3f} / {recall:.3f} / {f1:.3f} ({per_story:.2f})")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
        print(lines[-1], flush=True)
    lines += [
        "",
        *cross_validate(
            runs, base, GRID_FIELDS, GRID, "chain guard, lone reports' name bar, story threshold"
        ),
        "",
        *cross_validate(
            runs, base, REACH_FIELDS, REACH_GRID, "lone reports' reach in days, the rest default"
        ),
        "",
        *cross_validate(
            runs,
            base,
            REACH_FIELDS,
            REACH_GRID,
            "lone reports' reach in days, the rest default; only reaches that give the "
            "training DUC 2007 topics and Timeline17 windows no more briefs per story than "
            "any gap does",
            whole=("DUC 2007 topics", "Timeline17 windows"),
        ),
    ]
    print("\n".join(lines[-22:]), flush=True)
    replace_sections(RESULTS, {"Stories inside DUC 2006 topics": lines})


if __name__ == "__main__":
    main()
