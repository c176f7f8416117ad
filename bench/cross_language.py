"""Stories across languages: is a story told in two languages grouped as one?

    NEWSBRIEF_BENCH_CACHE=/tmp/newsbrief-bench .venv/bin/python bench/cross_language.py

Each SemEval 2022 task 8 pair (``../shared/data/pairs``, 2,432 pairs of news articles in
one or two of ten languages, scored 1 "very similar" to 4 "very dissimilar" by readers)
is run alone through event clustering and story grouping, both articles dated the same
day. A pair scored at most 1.5 is one story; one scored 3 or more is two. Pairs of two
languages should be grouped as often as pairs of one: story grouping compares words and
names, which do not cross languages, so the embedding's cross-language floor
(``cross_language_scale``) has to carry them.

Writes the section "Stories across languages" of ``bench/results/clustering.md``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections import defaultdict

from clustering import DATA, RESULTS, cached_features  # type: ignore[import-not-found]
from stories import (  # type: ignore[import-not-found]
    Labelled,
    clustered,
    replace_sections,
    story_labels,
)

from newsbrief.config import ClusterConfig
from newsbrief.evaluate import read_jsonl
from newsbrief.model import Article

SAME_STORY_MAX = 1.5
OTHER_STORY_MIN = 3.0
DAY = dt.date(2020, 5, 1)


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    config = ClusterConfig()
    rows = list(read_jsonl(DATA / "pairs" / "semeval2022_sample.jsonl.gz"))
    articles = [
        Article(
            id=f"{n}-{side}", title=row[f"title{side}"], text=row[f"text{side}"] or "", date=DAY
        )
        for n, row in enumerate(rows)
        for side in "12"
    ]
    features = cached_features(articles, config)
    # (languages, side) -> [pairs, one event, one story]
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for n, row in enumerate(rows):
        score = float(row["score"])
        if SAME_STORY_MAX < score < OTHER_STORY_MIN:
            continue
        pair = slice(2 * n, 2 * n + 2)
        done = clustered(Labelled(features[pair], articles[pair], ["a"] * 2, ["a"] * 2), config)
        languages = "two languages" if row["lang1"] != row["lang2"] else "one language"
        side = "same story" if score <= SAME_STORY_MAX else "other stories"
        tally = counts[(languages, side)]
        tally[0] += 1
        tally[1] += len(done.events) == 1
        tally[2] += len(set(story_labels(done, config))) == 1
    lines = [
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC (`bench/cross_language.py`, load "
        f"{os.getloadavg()[0]:.1f}). SemEval 2022 task 8 pairs, each run alone (both "
        f"articles dated one day); same story: score at most {SAME_STORY_MAX}, other "
        f"stories: {OTHER_STORY_MIN} or more. Defaults.",
        "",
        "| pairs | readers' judgement | pairs | one event | one story |",
        "|---|---|---:|---:|---:|",
    ]
    for (languages, side), (pairs, events, stories) in sorted(counts.items()):
        lines.append(
            f"| {languages} | {side} | {pairs} | {events / pairs:.3f} | {stories / pairs:.3f} |"
        )
    print("\n".join(lines))
    replace_sections(RESULTS, {"Stories across languages": lines})


if __name__ == "__main__":
    main()
