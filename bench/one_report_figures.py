"""The figure of a one-report brief: how often an editor would keep it, by threshold.

Each original report of the gold stories (``briefs_dev.jsonl``) is briefed alone, as a
story of one report; its figure (the best-scored one, ``facts.scored_facts``) is right when
it is one of the story's gold figures (``evaluate.briefs.figure_matches``). A gold brief
lists what an editor shows for the whole story, so "right" is a lower bound: a report's
own figure that the story's brief left out counts as wrong. The threshold of
``FactsConfig.min_importance_one_report`` is chosen leave-one-story-out: on the other 13
stories, the lowest threshold whose precision reaches ``TARGET``; the held-out row pools
each story's figures under its fold's threshold. Writes bench/results/one_report_figures.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from pathlib import Path

from newsbrief.config import Config
from newsbrief.evaluate.briefs import figure_matches, read_gold_briefs
from newsbrief.facts import scored_facts
from newsbrief.model import Event
from newsbrief.pipeline import prepare_articles

THRESHOLDS = (-1.25, -1.0, -0.9, -0.8, -0.75, -0.7, -0.6, -0.5, -0.4, -0.25, 0.0)
# The precision goal for figures (issue 13: figure precision >= 0.8).
TARGET = 0.8


def _rows(data: Path, config: Config) -> list[tuple[str, float, bool]]:
    """(story, score, right) of each original report's best figure, briefed alone."""
    rows = []
    for story in read_gold_briefs(data):
        articles, _ = prepare_articles(story.articles, config)
        for article in articles:
            if article.copy_of:
                continue
            scored = scored_facts(Event(article.id, (article,)), config.facts)
            if scored:
                fact, score = scored[0]
                right = any(figure_matches(fact, gold) for gold in story.figures)
                rows.append((story.id, score, right))
    return rows


def _counts(rows: list[tuple[str, float, bool]], least: float) -> tuple[int, int]:
    shown = [right for _, score, right in rows if score >= least]
    return len(shown), sum(shown)


def _lowest_precise(rows: list[tuple[str, float, bool]]) -> float:
    for least in THRESHOLDS:
        shown, right = _counts(rows, least)
        if shown and right / shown >= TARGET:
            return least
    return THRESHOLDS[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data/briefs/briefs_dev.jsonl")
    parser.add_argument("--out", default="bench/results/one_report_figures.md")
    args = parser.parse_args()
    config = Config()
    rows = _rows(Path(args.data), config)
    lines = [
        f"# The figure of a one-report brief ({dt.date.today()})",
        "",
        f"`bench/one_report_figures.py`: {len(rows)} original reports of the gold stories "
        "briefed alone, each report's best-scored figure; right = one of its story's gold "
        "figures (a lower bound: the gold lists the story's figures, not each report's).",
        "",
        "| least importance | shown | right | precision |",
        "|---:|---:|---:|---:|",
    ]
    for least in THRESHOLDS:
        shown, right = _counts(rows, least)
        precision = f"{right / shown:.3f}" if shown else "-"
        lines.append(f"| {least} | {shown} | {right} | {precision} |")
    picks: Counter[float] = Counter()
    shown = right = 0
    for story in sorted({name for name, _, _ in rows}):
        least = _lowest_precise([r for r in rows if r[0] != story])
        picks[least] += 1
        held = _counts([r for r in rows if r[0] == story], least)
        shown, right = shown + held[0], right + held[1]
    chosen = ", ".join(f"{least} ({n} folds)" for least, n in picks.most_common())
    lines += [
        "",
        f"Leave-one-story-out, the lowest threshold with precision >= {TARGET} on the other "
        f"stories: {chosen}; held out, pooled: {right} right of {shown} shown "
        f"(precision {right / max(shown, 1):.3f}). Default: "
        f"`FactsConfig.min_importance_one_report = {config.facts.min_importance_one_report}`.",
    ]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
