"""``newsbrief eval summarization``: newsbrief, the baselines and the official peers, one run.

Steps: read the clusters (and ``<name>.published.json`` / ``<name>.peers.jsonl`` next to
them when present); run each summarizer on each cluster with its query, ``target_words`` and,
for the DUC 2007 update task, the articles of the earlier subsets as ``read_before``; score
every summary with ``evaluate.rouge`` (ROUGE-1.5.5 ``-n 2 -m -2 4 -u -f A``, jackknifed over
the references); average as ROUGE-1.5.5 does (bootstrap mean, Perl's random numbers).

Length: our summaries are cut to ``target_words`` words (ROUGE's ``-l``); official peers are
scored with the published settings (DUC 2006/2007: no ``-l``; they were submitted within the
limit), which reproduces the official figures exactly.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsbrief.errors import InputError, NewsbriefError
from newsbrief.evaluate import EvalResult, read_jsonl
from newsbrief.evaluate.rouge import (
    METRICS,
    BootstrapAverage,
    RougeScore,
    RougeSettings,
    RougeText,
    bootstrap_average,
    jackknife_evaluations,
)
from newsbrief.model import Article, parse_date
from newsbrief.progress import Progress, no_progress

if TYPE_CHECKING:
    from newsbrief.summarize.base import Summarizer

log = logging.getLogger(__name__)

DEFAULT_SETTINGS = "-n 2 -x -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -d"


@dataclass(frozen=True)
class Cluster:
    """One summarization task: articles, query, length and the human references."""

    id: str
    articles: tuple[Article, ...]
    query: str | None
    target_words: int
    references: tuple[str, ...]
    reference_ids: tuple[str, ...]
    read_before: tuple[str, ...] = ()


@dataclass
class _Scores:
    """Per-evaluation scores of one system, keyed so they sort as ROUGE sorts its ids."""

    evaluations: list[tuple[tuple[str, str], dict[str, RougeScore]]] = field(default_factory=list)

    def averages(self, clusters: set[str] | None = None) -> dict[str, BootstrapAverage]:
        """Return ROUGE's average per metric, over all evaluations or those of ``clusters``."""
        ordered = [
            scores
            for key, scores in sorted(self.evaluations, key=lambda item: item[0])
            if clusters is None or key[0] in clusters
        ]
        return {
            metric: bootstrap_average([scores[metric].recall for scores in ordered])
            for metric in METRICS
        }


def read_clusters(data_path: Path) -> list[Cluster]:
    """Return the clusters of a summarization JSONL file (``InputError`` if it has none)."""
    clusters: list[Cluster] = []
    for number, record in enumerate(read_jsonl(data_path), start=1):
        try:
            articles = tuple(
                Article(
                    id=str(item.get("id") or f"{record['id']}-{index}"),
                    text=str(item.get("text") or ""),
                    title=item.get("title"),
                    date=parse_date(item.get("date")),
                    source=item.get("source"),
                )
                for index, item in enumerate(record.get("articles") or [])
            )
            references = tuple(str(text) for text in record.get("references") or [])
            clusters.append(
                Cluster(
                    id=str(record["id"]),
                    articles=articles,
                    query=record.get("query"),
                    target_words=int(record.get("target_words") or 100),
                    references=references,
                    reference_ids=tuple(
                        str(i) for i in record.get("reference_ids") or range(len(references))
                    ),
                    read_before=tuple(str(i) for i in record.get("read_before") or []),
                )
            )
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(
                f"line {number} is not a summarization cluster: {error}", source=str(data_path)
            ) from error
    if not clusters:
        raise InputError("no clusters", source=str(data_path))
    return clusters


def dataset_name(data_path: Path) -> str:
    """Return ``duc2006`` for ``duc2006.jsonl.gz``."""
    return re.sub(r"\.jsonl(\.gz)?$", "", data_path.name)


def read_published(data_path: Path) -> dict[str, Any]:
    """Return ``<name>.published.json`` next to the data file, or an empty dict."""
    path = data_path.with_name(f"{dataset_name(data_path)}.published.json")
    if not path.is_file():
        return {}
    try:
        published: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise InputError(f"not JSON: {error.msg}", source=str(path)) from error
    return published


def peer_row_name(system: str, kind: str | None = None) -> str:
    """Return the row name of an official peer: ``peer 24``, ``human C``.

    ``kind`` comes from ``published.json``; without it a single letter is a human (the DUC
    convention for assessors).
    """
    is_human = kind == "human" if kind else len(system) == 1 and system.isalpha()
    return f"human {system}" if is_human else f"peer {system}"


def uses_jackknife(value: object) -> bool:
    """Return whether a ``published.json`` ``jackknife`` entry asks for it (default: yes)."""
    if isinstance(value, bool):
        return value
    if value is None:
        return True
    return not str(value).strip().lower().startswith(("no", "false", "off", "0"))


def default_summarizers() -> dict[str, Summarizer]:
    """Return newsbrief's summarizer (when it can be imported) and every baseline."""
    from newsbrief.summarize.baselines import BASELINES

    summarizers: dict[str, Summarizer] = {}
    try:
        from newsbrief.summarize import summarize_cluster

        summarizers["newsbrief"] = summarize_cluster
    except ImportError as error:
        log.warning("newsbrief's summarizer is not available (%s); baselines only", error)
    summarizers.update(BASELINES)
    return summarizers


@dataclass(frozen=True)
class _Scoring:
    """How this dataset is scored: ROUGE options and whether NIST jackknifed."""

    settings: RougeSettings
    jackknife: bool


def _score(
    into: _Scores,
    cluster: Cluster,
    summary: str,
    references: Sequence[RougeText],
    scoring: _Scoring,
    length_limit_words: int | None,
    own_reference: int | None = None,
) -> None:
    peer = RougeText.of(summary, length_limit_words, scoring.settings)
    evaluations = jackknife_evaluations(
        peer,
        references,
        own_reference,
        jackknife=scoring.jackknife,
        alpha=scoring.settings.alpha,
    )
    if scoring.jackknife and len(references) > 1:
        left_out = [own_reference] if own_reference is not None else range(len(references))
        keys = [(cluster.id, cluster.reference_ids[i]) for i in left_out]
    else:
        keys = [(cluster.id, "")]
    for key, scores in zip(keys, evaluations, strict=False):
        into.evaluations.append((key, scores))


def evaluate_summarization(
    data_path: Path,
    peers_path: Path | None = None,
    progress: Progress = no_progress,
    systems: Sequence[str] | None = None,
    summarizers: Mapping[str, Summarizer] | None = None,
) -> EvalResult:
    """Score newsbrief, the baselines and the official peers on a summarization dataset.

    Args:
        data_path: clusters JSONL (``.gz`` allowed) with ``references``.
        peers_path: official peer summaries; default ``<name>.peers.jsonl`` next to the data.
        progress: progress callback (the CLI passes a terminal bar).
        systems: names of our summarizers to run (default: newsbrief and every baseline).
        summarizers: name -> summarizer to choose from (default: ``default_summarizers()``).

    Returns:
        Rows keyed by system (``newsbrief``, ``lead``..., ``peer 24``, ``human C``) with the
        recall of ``rouge-1``, ``rouge-2`` and ``rouge-su4``. ``details`` holds the published
        figures of the peers and the largest difference from them, the seconds each of our
        summarizers took per cluster, and any cluster a summarizer could not summarize.

    Raises:
        InputError: the data cannot be read, or no cluster has references.
    """
    clusters = read_clusters(data_path)
    by_id = {cluster.id: cluster for cluster in clusters}
    scored = [cluster for cluster in clusters if cluster.references]
    if not scored:
        raise InputError("no cluster has references to score against", source=str(data_path))
    published = read_published(data_path)
    options = str(published.get("settings") or DEFAULT_SETTINGS)
    scoring = _Scoring(
        RougeSettings.parse(options),
        jackknife=uses_jackknife(published.get("jackknife")),
    )
    # Without a length option in the settings, our summaries are cut at the cluster's target
    # length (ROUGE's -l); official peers were submitted within it.
    cut_ours = not scoring.settings.has_length_limit
    available = dict(summarizers) if summarizers is not None else default_summarizers()
    chosen = list(systems) if systems is not None else list(available)
    unknown = [name for name in chosen if name not in available]
    if unknown:
        raise InputError(
            f"unknown summarizer {', '.join(unknown)}; choose from: {', '.join(sorted(available))}"
        )

    scores: dict[str, _Scores] = defaultdict(_Scores)
    seconds: dict[str, float] = defaultdict(float)
    failures: list[dict[str, str]] = []
    for cluster in progress(scored, "summarizing", len(scored)):
        limit = cluster.target_words if cut_ours else None
        references = [RougeText.of(text, limit, scoring.settings) for text in cluster.references]
        read_before = tuple(
            article
            for earlier in cluster.read_before
            if earlier in by_id
            for article in by_id[earlier].articles
        )
        for name in chosen:
            started = time.perf_counter()
            try:
                sentences = available[name](
                    cluster.articles, cluster.target_words, cluster.query, read_before
                )
            except NewsbriefError as error:
                failures.append({"system": name, "cluster": cluster.id, "reason": str(error)})
                sentences = []
            seconds[name] += time.perf_counter() - started
            summary = " ".join(sentences)
            _score(scores[name], cluster, summary, references, scoring, limit)

    details: dict[str, Any] = {
        "length": (
            "newsbrief and baselines cut to target_words (-l); peers as published"
            if cut_ours
            else "everyone cut by the published settings"
        ),
        "seconds_per_cluster": {name: seconds[name] / len(scored) for name in chosen},
    }
    if failures:
        details["failures"] = failures
    peers_path = peers_path or data_path.with_name(f"{dataset_name(data_path)}.peers.jsonl")
    if peers_path.is_file():
        kinds = {
            str(system): str(entry.get("kind") or "")
            for system, entry in (published.get("systems") or {}).items()
        }
        unscored = _score_peers(peers_path, by_id, scoring, scores, progress, kinds)
        if unscored:
            details["unscored_peer_summaries"] = unscored
    elif peers_path != data_path.with_name(f"{dataset_name(data_path)}.peers.jsonl"):
        raise InputError("no such file", source=str(peers_path))

    averages = {name: row.averages() for name, row in scores.items()}
    metric = {name: {m: a.mean for m, a in row.items()} for name, row in averages.items()}
    details.update(_compare_published(published, metric))
    if any(cluster.read_before for cluster in scored):
        details["by_update_step"] = _by_update_step(scored, scores)
    details["recall_ci95"] = {
        name: {m: [a.ci_low, a.ci_high] for m, a in row.items()} for name, row in averages.items()
    }
    return EvalResult(
        dataset=dataset_name(data_path),
        n=len(scored),
        metric=metric,
        settings=f"ROUGE-1.5.5 {options}, recall, "
        + ("jackknifed over the references" if scoring.jackknife else "no jackknifing"),
        details=details,
    )


def _score_peers(
    peers_path: Path,
    clusters: Mapping[str, Cluster],
    scoring: _Scoring,
    scores: dict[str, _Scores],
    progress: Progress,
    kinds: Mapping[str, str],
) -> list[dict[str, str]]:
    """Score every official peer summary; return the lines that could not be scored."""
    references: dict[str, list[RougeText]] = {}
    unscored: list[dict[str, str]] = []
    for number, peer in enumerate(progress(list(read_jsonl(peers_path)), "scoring peers"), start=1):
        cluster = clusters.get(str(peer.get("id")))
        system = str(peer.get("system") or "")
        reason = (
            "no system id"
            if not system
            else "unknown cluster"
            if cluster is None
            else "cluster has no references"
            if not cluster.references
            else None
        )
        if reason or cluster is None:
            log.warning("%s line %d: peer summary not scored: %s", peers_path, number, reason)
            unscored.append({"line": str(number), "reason": str(reason)})
            continue
        if cluster.id not in references:
            references[cluster.id] = [
                RougeText.of(text, None, scoring.settings) for text in cluster.references
            ]
        own = cluster.reference_ids.index(system) if system in cluster.reference_ids else None
        row = scores[peer_row_name(system, kinds.get(system))]
        summary = str(peer.get("summary") or "")
        _score(row, cluster, summary, references[cluster.id], scoring, None, own)
    return unscored


def _compare_published(
    published: Mapping[str, Any], metric: Mapping[str, Mapping[str, float]]
) -> dict[str, Any]:
    """Return each published figure, its peer's kind, and the largest difference from ours.

    Peers with published figures but no summaries to rescore are listed as
    ``not_recomputed``: their figures are shown, never mixed into ``metric``.
    """
    rows: dict[str, dict[str, float]] = {}
    kinds: dict[str, str | None] = {}
    largest = dict.fromkeys(METRICS, 0.0)
    missing: list[str] = []
    for system, entry in (published.get("systems") or {}).items():
        name = peer_row_name(str(system), entry.get("kind"))
        kinds[name] = entry.get("kind")
        rows[name] = {}
        for key in METRICS:
            value = (entry.get("metrics") or {}).get(key, {}).get("recall")
            if value is None:
                continue
            rows[name][key] = float(value)
            if name in metric:
                largest[key] = max(largest[key], abs(metric[name][key] - float(value)))
        if name not in metric:
            missing.append(name)
    if not rows:
        return {}
    details: dict[str, Any] = {"published": rows, "kind": kinds}
    if len(missing) < len(rows):
        details["max_abs_deviation"] = largest
    if missing:
        details["not_recomputed"] = missing
    return details


def _by_update_step(clusters: Sequence[Cluster], scores: Mapping[str, _Scores]) -> dict[str, Any]:
    """Return recall per update step (DUC 2007: subsets A, B, C = 0, 1, 2 subsets read before)."""
    steps: dict[str, set[str]] = defaultdict(set)
    for cluster in clusters:
        steps[f"after {len(cluster.read_before)} read"].add(cluster.id)
    return {
        name: {
            step: {m: average.mean for m, average in row.averages(ids).items()}
            for step, ids in sorted(steps.items())
        }
        for name, row in scores.items()
    }
