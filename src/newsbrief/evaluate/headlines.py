"""``newsbrief eval headlines``: one-line headlines against the WCEP event lines.

Each cluster of a summarization JSONL file (``data/summarization/wcep_dev.jsonl``) holds an
event's articles and its Wikipedia Current Events Portal line as ``references[0]``. Three
headlines are scored in the same run against that line, ROUGE-1/2 F1 (Porter-stemmed,
stopwords kept, no length limit, as ``eval briefs`` scores headlines) and ROUGE-SU4:

* ``newsbrief``: ``summarize.write_headline`` on the cluster's articles;
* ``title``: the first article's title, as published;
* ``lead``: the first sentence of the first article.

The WCEP line's trailing source in parentheses ("... (BBC)") is not part of the line.
Scores are plain means over clusters; ``details`` counts empty headlines per system.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from pathlib import Path

from newsbrief.clean import split_sentences
from newsbrief.config import SummaryConfig
from newsbrief.errors import InputError
from newsbrief.evaluate import EvalResult
from newsbrief.evaluate.rouge import rouge_prf
from newsbrief.evaluate.summarization import dataset_name, read_clusters
from newsbrief.model import Article
from newsbrief.progress import Progress, no_progress

log = logging.getLogger(__name__)

_SOURCE_SUFFIX = re.compile(r"\s*\([^()]{1,60}\)\s*$")
_METRICS = ("rouge-1", "rouge-2", "rouge-su4")


def wcep_line(reference: str) -> str:
    """Return a WCEP line without its trailing source ("... homeless. (Reuters)")."""
    return " ".join(_SOURCE_SUFFIX.sub("", reference).split())


def title_headline(articles: Sequence[Article]) -> str:
    """Return the first article's title, or "" when it has none."""
    return next((a.title.strip() for a in articles if a.title and a.title.strip()), "")


def lead_headline(articles: Sequence[Article]) -> str:
    """Return the first sentence of the first article with text."""
    for article in articles:
        sentences = split_sentences(article.text[:5000])
        if sentences:
            return sentences[0]
    return ""


def evaluate_headlines(
    data_path: Path, config: SummaryConfig | None = None, progress: Progress = no_progress
) -> EvalResult:
    """Score newsbrief's headlines, the titles and the lead sentences against WCEP lines."""
    from newsbrief.summarize import write_headline

    config = config or SummaryConfig()
    clusters = [c for c in read_clusters(data_path) if c.references and c.articles]
    if not clusters:
        raise InputError(
            "no cluster has articles and references to score against", source=str(data_path)
        )
    systems = {
        "newsbrief": lambda articles: write_headline(articles, config),
        "title": title_headline,
        "lead": lead_headline,
    }
    sums = {name: dict.fromkeys(_METRICS, 0.0) for name in systems}
    empty = dict.fromkeys(systems, 0)
    for cluster in progress(clusters, "writing headlines", len(clusters)):
        reference = wcep_line(cluster.references[0])
        for name, system in systems.items():
            headline = system(cluster.articles)
            empty[name] += not headline
            scores = rouge_prf(headline, [reference], jackknife=False)
            for metric in _METRICS:
                sums[name][metric] += scores[metric].f
    n = len(clusters)
    return EvalResult(
        dataset=dataset_name(data_path),
        n=n,
        metric={
            name: {metric: total / n for metric, total in values.items()}
            for name, values in sums.items()
        },
        settings="ROUGE F1 vs the WCEP line (stemmed, stopwords kept, no length limit); mean",
        details={"empty headlines": empty},
    )
