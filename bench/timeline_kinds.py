"""Choose the event timeline's kind settings by leave-one-story-out cross-validation.

    PYTHONPATH=src .venv/bin/python bench/timeline_kinds.py

On the 14 gold briefs (``../shared/data/briefs/briefs_dev.jsonl``): the real pipeline
cleans and clusters each story once; then, for every pair of ``background_after_days`` x
``scheduled_after_days`` in the grid, each event's timeline is built and its day-precise
development entries are scored as ``eval briefs`` scores them (days on a gold timeline day).
Held out: for each story, the setting with the best micro F1 over the other 13 stories
is scored on it; the held-out counts are summed. Writes ``bench/results/timeline_kinds.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import platform
from pathlib import Path

from newsbrief.cluster import cluster_events
from newsbrief.config import Config
from newsbrief.evaluate.briefs import read_gold_briefs
from newsbrief.pipeline import prepare_articles
from newsbrief.timeline import build_timeline

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
BRIEFS = DATA / "briefs" / "briefs_dev.jsonl"
RESULTS = Path(__file__).resolve().parent / "results" / "timeline_kinds.md"
BACKGROUND_AFTER = (0, 1, 2, 3, 5, 7, 14, 10_000)  # 10,000: no background at all
SCHEDULED_AFTER = (0, 1, 2, 10_000)

Setting = tuple[int, int]
Counts = tuple[int, int, int]  # days shown, days right, gold days


def _f1(counts: Counts) -> float:
    shown, right, gold = counts
    precision = right / shown if shown else 0.0
    recall = right / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _sum(rows: list[Counts]) -> Counts:
    return (sum(r[0] for r in rows), sum(r[1] for r in rows), sum(r[2] for r in rows))


def main() -> None:
    config = Config()
    stories = read_gold_briefs(BRIEFS)
    events = []
    for story in stories:
        prepared, _ = prepare_articles(story.articles, config)
        events.append(cluster_events(prepared, config.cluster))
    counts: dict[Setting, list[Counts]] = {}
    for setting in itertools.product(BACKGROUND_AFTER, SCHEDULED_AFTER):
        timeline = dataclasses.replace(
            config.timeline, background_after_days=setting[0], scheduled_after_days=setting[1]
        )
        rows = []
        for story, story_events in zip(stories, events, strict=True):
            days = {
                entry.date.isoformat()
                for event in story_events
                for entry in build_timeline(event, timeline)
                if entry.precision == "day" and entry.kind == "development"
            }
            rows.append((len(days), len(days & story.timeline_days), len(story.timeline_days)))
        counts[setting] = rows
    held_out: list[Counts] = []
    chosen: list[Setting] = []
    for index in range(len(stories)):
        best = max(
            counts,
            key=lambda s: _f1(_sum([r for i, r in enumerate(counts[s]) if i != index])),
        )
        chosen.append(best)
        held_out.append(counts[best][index])
    default = (config.timeline.background_after_days, config.timeline.scheduled_after_days)
    lines = [
        "# Event timelines: background and scheduled settings, cross-validated",
        "",
        f"Run {dt.date.today().isoformat()} on {platform.machine()} "
        f"({platform.python_version()}), command: `PYTHONPATH=src .venv/bin/python "
        "bench/timeline_kinds.py`. Data: the 14 gold briefs of `briefs_dev.jsonl`; scored "
        "as `eval briefs` scores the timeline (day-precise development entries on a gold "
        "day), pooled over each story's events. 10000 = the rule switched off.",
        "",
        "| background_after_days | scheduled_after_days | precision | recall | F1 |",
        "|---:|---:|---:|---:|---:|",
    ]
    for setting, rows in counts.items():
        shown, right, gold = _sum(rows)
        mark = " (default)" if setting == default else ""
        lines.append(
            f"| {setting[0]}{mark} | {setting[1]} | {right / max(shown, 1):.3f} | "
            f"{right / max(gold, 1):.3f} | {_f1((shown, right, gold)):.3f} |"
        )
    shown, right, gold = _sum(held_out)
    dev_shown, dev_right, dev_gold = _sum(counts[default])
    picks = ", ".join(f"{b}/{s}" for b, s in sorted(set(chosen)))
    lines += [
        "",
        "## Leave one story out",
        "",
        "| figure | precision | recall | F1 |",
        "|---|---:|---:|---:|",
        f"| held-out stories (setting chosen on the other 13) | {right / max(shown, 1):.3f} | "
        f"{right / max(gold, 1):.3f} | {_f1((shown, right, gold)):.3f} |",
        f"| all 14 with the default {default[0]}/{default[1]} | "
        f"{dev_right / max(dev_shown, 1):.3f} | {dev_right / max(dev_gold, 1):.3f} | "
        f"{_f1((dev_shown, dev_right, dev_gold)):.3f} |",
        "",
        f"Settings chosen across the 14 folds (background/scheduled): {picks}.",
        "",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
