"""Choose how many figures a brief shows, by leave-one-story-out; write bench/results/facts.md.

    PYTHONPATH=src .venv/bin/python bench/facts.py [--data ../shared/data/briefs/briefs_dev.jsonl]
    PYTHONPATH=src .venv/bin/python bench/facts.py --errors   # wrong and missed, per story

Each gold story of the briefs file runs through the real pipeline up to the facts stage
(clean, dedup, cluster), then ``facts.scored_facts`` gives every figure of every event with
its importance. A figure is shown when its importance is at least ``min_importance`` and it
is among the ``max_facts`` most important of its event; shown figures are scored as
``newsbrief eval briefs`` scores them (``evaluate.briefs.figure_matches``). For each
candidate reader (the spaCy parse, the rules alone) the pair (min_importance, max_facts)
that maximises F0.5 (precision first) is chosen on 13 stories and scored on the 14th, for
each story in turn: the held-out row is the honest figure. Two views: the events as the
clusterer made them (what ``eval briefs`` measures), and each story as one event (what a
brief gets when clustering keeps a story whole).
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from newsbrief.config import Config, FactsConfig
from newsbrief.evaluate.briefs import GoldBrief, figure_matches, read_gold_briefs
from newsbrief.facts import extract_facts, figures_to_show, scored_facts
from newsbrief.model import Event

THRESHOLDS = [x / 2 for x in range(-2, 9)]
# How many figures per event: a fixed number, or 0 for log2(1 + independent reports).
CAPS = [0, 1, 2, 3, 4, 5, 6, 8, 10, 20]


@dataclass(frozen=True)
class Scored:
    importance: float
    gold: frozenset[int]  # gold figures it matches
    conflict: bool
    gold_conflicts: frozenset[int]  # gold conflicts it matches, when flagged conflict


Story = tuple[int, int, list[tuple[int, list[Scored]]]]  # gold, conflicts, (cap, figures)


def _score_events(story: GoldBrief, events: list[Event], config: FactsConfig) -> Story:
    conflicts = {i for i, g in enumerate(story.figures) if g.get("agreement") == "conflict"}
    per_event = []
    for event in events:
        rows = []
        for fact, importance in scored_facts(event, config):
            gold = frozenset(i for i, g in enumerate(story.figures) if figure_matches(fact, g))
            flagged = fact.agreement == "conflict"
            rows.append(
                Scored(importance, gold, flagged, gold & conflicts if flagged else gold & set())
            )
        per_event.append((figures_to_show(event, replace(config, max_facts=10**6)), rows))
    return len(story.figures), len(conflicts), per_event


def _counts(stories: list[Story], threshold: float, cap: int) -> list[int]:
    shown = right = gold = found = c_shown = c_right = c_gold = c_found = 0
    for n_gold, n_conflicts, events in stories:
        picked = [
            r
            for by_reports, rows in events
            for r in [r for r in rows if r.importance >= threshold][: cap or by_reports]
        ]
        shown += len(picked)
        right += sum(bool(r.gold) for r in picked)
        gold += n_gold
        found += len(frozenset().union(*(r.gold for r in picked)))
        flagged = [r for r in picked if r.conflict]
        c_shown += len(flagged)
        c_right += sum(bool(r.gold_conflicts) for r in flagged)
        c_gold += n_conflicts
        c_found += len(frozenset().union(*(r.gold_conflicts for r in flagged)))
    return [shown, right, gold, found, c_shown, c_right, c_gold, c_found]


def _rates(counts: list[int]) -> tuple[float, float, float, float]:
    def rate(a: int, b: int) -> float:
        return a / b if b else 0.0

    s, r, g, f, cs, cr, cg, cf = counts
    return rate(r, s), rate(f, g), rate(cr, cs), rate(cf, cg)


def _f_half(counts: list[int]) -> float:
    precision, recall, _, _ = _rates(counts)
    return 1.25 * precision * recall / (0.25 * precision + recall) if precision + recall else 0.0


def _best(stories: list[Story]) -> tuple[float, int]:
    grid = [(t, c) for t in THRESHOLDS for c in CAPS]
    return max(grid, key=lambda choice: _f_half(_counts(stories, *choice)))


def _row(name: str, counts: list[int], choice: str) -> str:
    p, r, cp, cr = _rates(counts)
    return f"| {name} | {choice} | {p:.3f} | {r:.3f} | {cp:.3f} | {cr:.3f} | {counts[0]} |"


def print_errors(story: GoldBrief, events: list[Event], config: FactsConfig) -> None:
    """Print the figures a reader of this story's briefs gets that match no gold figure
    (BAD) and the gold figures none matches (MISS), with the best unshown candidate."""
    shown = [fact for event in events for fact in extract_facts(event, config)]
    every = [item for event in events for item in scored_facts(event, config)]
    print(f"== {story.id} ({len(events)} briefs)")
    for fact in shown:
        ok = any(figure_matches(fact, g) for g in story.figures)
        values = "; ".join(f"{c.qualifier or ''} {c.value} {list(c.sources)}" for c in fact.claims)
        print(f"  {'ok ' if ok else 'BAD'} [{fact.agreement}] {fact.subject!r}: {values}")
    for figure in story.figures:
        if any(figure_matches(fact, figure) for fact in shown):
            continue
        candidates = [(s, f) for f, s in every if figure_matches(f, figure)]
        best = max(candidates, key=lambda c: c[0], default=None)
        hint = f"best unshown: {best[1].subject!r} ({best[0]:.2f})" if best else "never read"
        print(f"  MISS [{figure.get('agreement')}] {figure['subject']!r}: {hint}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data/briefs/briefs_dev.jsonl")
    parser.add_argument("--out", default="bench/results/facts.md")
    parser.add_argument(
        "--errors", action="store_true", help="print each story's wrong and missed figures"
    )
    args = parser.parse_args()
    from newsbrief.cluster import cluster_stories
    from newsbrief.pipeline import prepare_articles

    config = Config()
    gold = read_gold_briefs(Path(args.data))
    prepared = []
    for story in gold:
        articles, _ = prepare_articles(story.articles, config)
        # As the pipeline briefs them: each story of the clusterer read as one event.
        clustered = [s.as_event() for s in cluster_stories(articles, config.cluster)]
        prepared.append((story, clustered, [Event(story.id, tuple(articles))]))
    if args.errors:
        for story, clustered, _ in prepared:
            print_errors(story, clustered, config.facts)
        return
    lines = [
        f"# Figures shown in briefs: choosing how many ({dt.date.today()})",
        "",
        f"`bench/facts.py` on `{Path(args.data).name}` ({len(gold)} stories). Rows: the",
        "(min_importance, max_facts) chosen on all stories (dev) and, per story, on the other",
        "13 (held-out fold, pooled); max_facts 0 = log2(1 + independent reports), rounded",
        "up (`figures_by_reports`). P/R as `eval briefs` counts figures and conflicts.",
        "",
    ]
    for view, index in (("events as clustered (eval briefs)", 1), ("each story one event", 2)):
        lines += [
            f"## {view}",
            "",
            "| reader | chosen (min_importance, max_facts) | figure P | figure R"
            " | conflict P | conflict R | shown |",
            "|---|---|---:|---:|---:|---:|---:|",
        ]
        for reader, facts_config in (
            ("spaCy parse + rules", config.facts),
            ("rules only", replace(config.facts, parse=False)),
        ):
            stories = [_score_events(s, list(e[index - 1]), facts_config) for s, *e in prepared]
            choice = _best(stories)
            lines.append(_row(f"{reader}, dev", _counts(stories, *choice), str(choice)))
            default = (facts_config.min_importance, 0 if facts_config.figures_by_reports else 8)
            lines.append(
                _row(f"{reader}, FactsConfig default", _counts(stories, *default), str(default))
            )
            pooled = [0] * 8
            picks = []
            for held_out in range(len(stories)):
                rest = stories[:held_out] + stories[held_out + 1 :]
                fold_choice = _best(rest)
                picks.append(fold_choice)
                fold = _counts([stories[held_out]], *fold_choice)
                pooled = [a + b for a, b in zip(pooled, fold, strict=True)]
            chosen = ", ".join(sorted({str(p) for p in picks}))
            lines.append(_row(f"{reader}, held-out folds", pooled, chosen))
            everything = _counts(stories, float("-inf"), 10**6)
            lines.append(_row(f"{reader}, every figure", everything, "all"))
        lines.append("")
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
