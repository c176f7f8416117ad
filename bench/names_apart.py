"""Names apart: how much a pair of articles that share no name should weigh.

``ClusterConfig.names_apart_factor`` multiplies the similarity of two same-language
articles that both name people or places (``features.name_counts``) but none the same.
Measured on ECB+ dev, whose topics hold different incidents of one kind (two earthquakes,
two shootings): every pair of articles of one topic clustered as a run of its own (two
articles, as a user's small folder is: the IDF has no corpus to tell "people died" from
"Manila"), joined when their similarity reaches ``similarity_threshold``; a pair is right
when it is joined exactly when gold puts both in one event. The factor is chosen per fold
of five over topics (the most right pairs on the other folds, the highest factor on a tie)
and scored on the held-out fold; then, at the default factor, ``names_apart_common_zipf``
(names at least that common in general text are not compared), among the values that lower
neither whole set's BCubed F1. On the whole sets (ECB+ dev, NewsWCL50) BCubed F1 with each
setting shows what the rule costs where the corpus is there. Writes
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
# Names at least this common (Zipf) left out of the comparison; 0: every name compared.
COMMON_ZIPFS = (0.0, 6.0, 5.5, 5.0, 4.5, 4.0)
FOLDS = 5
# A setting: (names_apart_factor, names_apart_common_zipf).
Setting = tuple[float, float]
SETTINGS: tuple[Setting, ...] = tuple(
    {(f, 0.0) for f in FACTORS} | {(ClusterConfig().names_apart_factor, z) for z in COMMON_ZIPFS}
)
Row = tuple[str, bool, dict[Setting, bool]]


def _tried(config: ClusterConfig, setting: Setting) -> ClusterConfig:
    factor, zipf = setting
    return dataclasses.replace(config, names_apart_factor=factor, names_apart_common_zipf=zipf)


def _pairs(data: Path, config: ClusterConfig) -> list[Row]:
    """(topic, same gold event, {setting: joined}) of every pair of one topic."""
    articles, gold, topics = load_labelled(data)
    features = features_for_articles(articles, config)
    rows = []
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if topics[i] != topics[j]:
                continue
            joined = {}
            for setting in SETTINGS:
                score = similarity_of_features(features[i], features[j], _tried(config, setting))
                joined[setting] = score >= config.similarity_threshold
            rows.append((str(topics[i]), gold[i] == gold[j], joined))
    return rows


def _right(rows: list[Row], setting: Setting) -> int:
    return sum(joined[setting] == same for _, same, joined in rows)


def _whole_set(data: Path, config: ClusterConfig, settings: list[Setting]) -> dict[Setting, float]:
    articles, gold, _ = load_labelled(data)
    features = features_for_articles(articles, config)
    scores = {}
    for setting in settings:
        groups = cluster_features(features, _tried(config, setting))
        scores[setting] = bcubed(labels_of(groups, [a.id for a in articles]), gold)[2]
    return scores


def _cross_validated(rows: list[Row], settings: list[Setting]) -> tuple[int, list[Setting]]:
    """Held-out pairs right and the setting chosen per fold (the most right pairs on the
    other folds; on a tie the highest factor, then every name compared, then the highest
    common Zipf: the least change)."""
    topics = sorted({topic for topic, _, _ in rows})
    fold_of = {topic: n % FOLDS for n, topic in enumerate(topics)}
    held_right, chosen = 0, []
    for fold in range(FOLDS):
        train = [r for r in rows if fold_of[r[0]] != fold]
        test = [r for r in rows if fold_of[r[0]] == fold]
        best = max(settings, key=lambda s: (_right(train, s), s[0], s[1] or 99.0))
        chosen.append(best)
        held_right += _right(test, best)
    return held_right, chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/clustering"))
    parser.add_argument("--out", type=Path, default=Path("bench/results/names_apart.md"))
    args = parser.parse_args()
    config = ClusterConfig()
    rows = _pairs(args.data / "ecbplus_dev.jsonl", config)
    topics = sorted({topic for topic, _, _ in rows})
    factor = config.names_apart_factor
    by_factor = [(f, 0.0) for f in FACTORS]
    by_zipf = [(factor, z) for z in COMMON_ZIPFS]
    whole_settings = sorted({*by_factor, *by_zipf})
    whole = {
        name: _whole_set(args.data / f"{name}.jsonl", config, whole_settings)
        for name in ("ecbplus_dev", "newswcl50")
    }
    # A common Zipf may not cost the whole sets anything against every name compared.
    allowed = [
        s for s in by_zipf if all(whole[name][s] >= whole[name][(factor, 0.0)] for name in whole)
    ]
    held_factor, chosen_factor = _cross_validated(rows, by_factor)
    held_zipf, chosen_zipf = _cross_validated(rows, allowed)
    lines = [
        f"# Names apart in event clustering ({dt.date.today().isoformat()})",
        "",
        "`bench/names_apart.py`: every pair of articles of one ECB+ dev topic clustered as",
        "a run of two; joined = similarity >= `similarity_threshold`",
        f"({config.similarity_threshold}). Defaults: `names_apart_factor` {factor},",
        f"`names_apart_common_zipf` {config.names_apart_common_zipf} (0: every name compared).",
        "",
        "| factor | common Zipf | same-event pairs joined | other-event pairs joined"
        " | pairs right |",
        "|---:|---:|---:|---:|---:|",
    ]
    same = [r for r in rows if r[1]]
    other = [r for r in rows if not r[1]]
    for setting in sorted({*by_factor, *by_zipf}, key=lambda s: (-s[0], s[1] or 99.0)):
        joined_same = sum(r[2][setting] for r in same)
        joined_other = sum(r[2][setting] for r in other)
        lines.append(
            f"| {setting[0]} | {setting[1]} | {joined_same} of {len(same)}"
            f" ({joined_same / len(same):.3f}) | {joined_other} of {len(other)}"
            f" ({joined_other / len(other):.3f}) | {_right(rows, setting) / len(rows):.4f} |"
        )
    no_rule = _right(rows, (1.0, 0.0)) / len(rows)
    lines += [
        "",
        f"Five folds over the {len(topics)} topics (no rule, factor 1.0: pairs right"
        f" {no_rule:.4f}):",
        f"- the factor, every name compared: chosen"
        f" {', '.join(str(s[0]) for s in chosen_factor)}; held-out pairs right"
        f" {held_factor / len(rows):.4f};",
        f"- the common Zipf at factor {factor}, among those that cost neither whole set"
        f" anything ({', '.join(str(s[1]) for s in allowed)}): chosen"
        f" {', '.join(str(s[1]) for s in chosen_zipf)}; held-out pairs right"
        f" {held_zipf / len(rows):.4f}.",
        "",
        "Whole sets, batch clustering, BCubed F1 (factor, common Zipf):",
        "",
        "| set | " + " | ".join(f"{s[0]}, {s[1]}" for s in whole_settings) + " |",
        "|---|" + "---:|" * len(whole_settings),
    ]
    for name, scores in whole.items():
        lines.append(f"| {name} | " + " | ".join(f"{scores[s]:.4f}" for s in whole_settings) + " |")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
