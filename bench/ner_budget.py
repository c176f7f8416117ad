"""Choose ``entities.ner_chars_per_article``: entity recall of the briefs against the
editors' gold when spaCy reads at most that many characters per article of a story (pooled,
leads first; entities/reading.py), with leave-one-story-out selection.

    nice .venv/bin/python bench/ner_budget.py     # prints a Markdown table (docs/scaling.md)

The 14 gold stories of ``briefs/briefs_dev.jsonl`` are prepared and clustered into stories
once, as the pipeline does; then each budget is scored with the metric of ``eval briefs``
(gold entities named by a shown entity, and gold entities shown under two names). Rule: the
smallest budget whose recall on the other stories is at most ``TOLERANCE`` below reading
without a budget; the held-out story is scored at the budget chosen without it.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path

from newsbrief.cluster import cluster_stories
from newsbrief.config import Config
from newsbrief.entities import extract_entities
from newsbrief.evaluate.briefs import entity_matches, read_gold_briefs
from newsbrief.pipeline import prepare_articles

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
LEADS = [0, 1000, 2000, 4000]
TOLERANCE = 0.01  # of pooled recall: one gold entity in 100


def main() -> None:
    config = Config()
    stories = read_gold_briefs(DATA / "briefs" / "briefs_dev.jsonl")
    events = {}
    for story in stories:
        prepared, _ = prepare_articles(story.articles, config)
        events[story.id] = [s.as_event() for s in cluster_stories(prepared, config.cluster)]
    extract_entities(events[stories[0].id][0], config.entities)  # loads spaCy untimed
    found: dict[int, dict[str, tuple[int, int, int]]] = {}
    cpu: dict[int, float] = {}
    for lead in LEADS:
        entities_config = dataclasses.replace(config.entities, ner_chars_per_article=lead)
        start = time.process_time()
        found[lead] = {}
        for story in stories:
            shown = [extract_entities(e, entities_config) for e in events[story.id]]
            named, _ = entity_matches([x for brief in shown for x in brief], story.entities)
            twice = sum(entity_matches(brief, story.entities)[1] for brief in shown)
            found[lead][story.id] = (named, len(story.entities), twice)
        cpu[lead] = time.process_time() - start
        print(lead, cpu[lead], file=sys.stderr)

    def recall(lead: int, ids: list[str]) -> float:
        named = sum(found[lead][i][0] for i in ids)
        return named / max(1, sum(found[lead][i][1] for i in ids))

    ids = [s.id for s in stories]
    held_named = held_full = 0
    chosen = []
    for out in ids:
        train = [i for i in ids if i != out]
        ok = [x for x in LEADS if x and recall(x, train) >= recall(0, train) - TOLERANCE]
        lead = min(ok) if ok else 0
        chosen.append(lead)
        held_named += found[lead][out][0]
        held_full += found[0][out][0]
    total = sum(found[0][i][1] for i in ids)
    print("| model characters per article | entity recall | gold entities shown twice | CPU s |")
    print("|---|---:|---:|---:|")
    for lead in LEADS:
        twice = sum(found[lead][i][2] for i in ids)
        name = "no budget" if lead == 0 else f"{lead:,}"
        print(f"| {name} | {recall(lead, ids):.4f} | {twice} | {cpu[lead]:.1f} |")
    print()
    print(
        f"Leave-one-story-out: chosen lengths {sorted(set(chosen))}; held-out recall "
        f"{held_named / total:.4f} vs {held_full / total:.4f} without a budget."
    )


if __name__ == "__main__":
    main()
