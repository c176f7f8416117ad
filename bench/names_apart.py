"""Names apart: how much a pair of articles that share no name should weigh.

``ClusterConfig.names_apart_factor`` multiplies the similarity of two same-language
articles that both name people or places (``features.name_counts``) but none the same.
Measured on ECB+ dev, whose topics hold different incidents of one kind (two earthquakes,
two shootings): every pair of articles of one topic clustered as a run of its own (two
articles, as a user's small folder is: the IDF has no corpus to tell "people died" from
"Manila"), joined when their similarity reaches ``similarity_threshold``; a pair is right
when it is joined exactly when gold puts both in one event. The factor is chosen per fold
of five over topics (the most right pairs on the other folds, the highest factor on a tie)
and scored on the held-out fold. On the whole sets (ECB+ dev, NewsWCL50) BCubed F1 with
each factor shows what the rule costs where the corpus is there. Writes
bench/results/names_apart.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path

from newsbrief.cluster import cluster_features, similarity_of_features
from newsbrief.cluster.features import features_for_articles
from newsbrief.config import ClusterConfig
from newsbrief.evaluate.clustering import bcubed, labels_of, load_labelled

FACTORS = (1.0, 0.75, 0.5, 0.25, 0.0)
FOLDS = 5


def _pairs(data: Path, config: ClusterConfig) -> list[tuple[str, bool, dict[float, bool]]]:
    """(topic, same gold event, {factor: joined}) of every pair of one topic."""
    articles, gold, topics = load_labelled(data)
    features = features_for_articles(articles, config)
    rows = []
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if topics[i] != topics[j]:
                continue
            joined = {}
            for factor in FACTORS:
                tried = dataclasses.replace(config, names_apart_factor=factor)
                score = similarity_of_features(features[i], features[j], tried)
                joined[factor] = score >= config.similarity_threshold
            rows.append((str(topics[i]), gold[i] == gold[j], joined))
    return rows


def _right(rows: list[tuple[str, bool, dict[float, bool]]], factor: float) -> int:
    return sum(joined[factor] == same for _, same, joined in rows)


def _whole_set(data: Path, config: ClusterConfig) -> dict[float, float]:
    articles, gold, _ = load_labelled(data)
    features = features_for_articles(articles, config)
    scores = {}
    for factor in FACTORS:
        tried = dataclasses.replace(config, names_apart_factor=factor)
        groups = cluster_features(features, tried)
        scores[factor] = bcubed(labels_of(groups, [a.id for a in articles]), gold)[2]
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/clustering"))
    parser.add_argument("--out", type=Path, default=Path("bench/results/names_apart.md"))
    args = parser.parse_args()
    config = ClusterConfig()
    rows = _pairs(args.data / "ecbplus_dev.jsonl", config)
    topics = sorted({topic for topic, _, _ in rows})
    fold_of = {topic: n % FOLDS for n, topic in enumerate(topics)}
    held_right, chosen = 0, []
    for fold in range(FOLDS):
        train = [r for r in rows if fold_of[r[0]] != fold]
        test = [r for r in rows if fold_of[r[0]] == fold]
        best = max(FACTORS, key=lambda f: (_right(train, f), f))
        chosen.append(best)
        held_right += _right(test, best)
    lines = [
        f"# Names apart in event clustering ({dt.date.today().isoformat()})",
        "",
        "`bench/names_apart.py`: every pair of articles of one ECB+ dev topic clustered as",
        "a run of two; joined = similarity >= `similarity_threshold`",
        f"({config.similarity_threshold}). Default `names_apart_factor`:",
        f"{config.names_apart_factor}.",
        "",
        "| factor | same-event pairs joined | other-event pairs joined | pairs right |",
        "|---:|---:|---:|---:|",
    ]
    same = [r for r in rows if r[1]]
    other = [r for r in rows if not r[1]]
    for factor in FACTORS:
        joined_same = sum(r[2][factor] for r in same)
        joined_other = sum(r[2][factor] for r in other)
        lines.append(
            f"| {factor} | {joined_same} of {len(same)} ({joined_same / len(same):.3f}) | "
            f"{joined_other} of {len(other)} ({joined_other / len(other):.3f}) | "
            f"{_right(rows, factor) / len(rows):.4f} |"
        )
    lines += [
        "",
        f"Five folds over the {len(topics)} topics: chosen {', '.join(map(str, chosen))};",
        f"held-out pairs right {held_right / len(rows):.4f}"
        f" (no rule, factor 1.0: {_right(rows, 1.0) / len(rows):.4f}).",
        "",
        "Whole sets, batch clustering, BCubed F1:",
        "",
        "| factor | " + " | ".join(map(str, FACTORS)) + " |",
        "|---|" + "---:|" * len(FACTORS),
    ]
    for name in ("ecbplus_dev", "newswcl50"):
        scores = _whole_set(args.data / f"{name}.jsonl", config)
        lines.append(f"| {name} | " + " | ".join(f"{scores[f]:.4f}" for f in FACTORS) + " |")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
