"""Timeline summarization metrics (tilse) and the ``newsbrief eval timelines`` job.

The metric is tilse's (Martschat and Markert, EACL 2017 / CoNLL 2018), as news-tls
(Gholipour Ghalandari and Ifrim, ACL 2020) reports it on Timeline17:

* ``ar1-f``, ``ar2-f``: alignment-based ROUGE-1/2 F1, ``align_date_content_costs_many_to_one``.
  Each predicted date is aligned to the reference date of least cost (for precision), and
  each reference date to the predicted date of least cost (for recall); cost = date factor
  ``1 - 1/(|days apart| + 1)`` times content factor ``1 - approximate ROUGE-1 F1``. Aligned
  n-gram matches are weighted by ``1/(|days apart| + 1)``. ROUGE counts follow tilse's
  ``RougeReimplementation`` (lowercased, ROUGE's SMART stopwords and punctuation removed,
  Porter stemming, n-grams over the whole daily summary).
* ``date-f1``: F1 of the predicted against the reference set of dates.

Protocol (news-tls): per reference timeline, articles outside the reference's first..last
date are removed; the system outputs as many dates as the reference and, per date, the
reference's average number of sentences per date (rounded, at least one); scores are
averaged over timelines.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import string
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from statistics import mean
from typing import Any

from newsbrief.config import TimelineConfig
from newsbrief.errors import InputError
from newsbrief.evaluate import EvalResult, read_jsonl
from newsbrief.model import Article, TimelineEntry, parse_date
from newsbrief.progress import Progress, no_progress
from newsbrief.smart_stopwords import SMART_STOPWORDS
from newsbrief.timeline import build_story_timeline, split_ptb_sentences

log = logging.getLogger(__name__)

# A timeline for scoring: date -> sentences (PTB-tokenised, tokens split on whitespace).
Timeline = Mapping[dt.date, Sequence[str]]

# Published Timeline17 figures of Datewise (news-tls, ACL 2020, Table 4; official data).
DATEWISE_PUBLISHED = {"ar1-f": 0.120, "ar2-f": 0.035, "date-f1": 0.544}
_ROUGE_PUNCTUATION = frozenset({".", ",", ";", ":", "``", "''", "-", '"'})


@lru_cache(maxsize=1)
def _porter() -> Any:
    from nltk.stem import PorterStemmer  # NLTK_EXTENSIONS mode, the default tilse used

    return PorterStemmer()


@lru_cache(maxsize=200_000)
def _stem(token: str) -> str:
    try:
        return str(_porter().stem(token))
    except IndexError:  # tilse's "robust" stemmer keeps the token on this nltk error
        return token


def rouge_tokens(sentences: Sequence[str]) -> list[str]:
    """Return the tokens ROUGE counts: lowercased, stemmed, stopwords and punctuation out."""
    tokens = []
    for sentence in sentences:
        for token in sentence.split():
            lowered = token.lower()
            if lowered not in SMART_STOPWORDS and lowered not in _ROUGE_PUNCTUATION:
                tokens.append(_stem(lowered))
    return tokens


def _overlap(predicted: Counter[Any], reference: Counter[Any]) -> int:
    return sum(min(count, reference[gram]) for gram, count in predicted.items())


def _approximate_rouge1(predicted: Counter[str], reference: Counter[str]) -> float:
    """Return tilse's cheap ROUGE-1 F1 used only to align dates (no stemming, no stopwords)."""
    match = _overlap(predicted, reference)
    p_total, r_total = sum(predicted.values()), sum(reference.values())
    precision = match / p_total if p_total else 0.0
    recall = match / r_total if r_total else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _raw_counts(sentences: Sequence[str]) -> Counter[str]:
    # tilse tests ``token not in string.punctuation``: a substring test, kept as is.
    return Counter(t for s in sentences for t in s.split() if t not in string.punctuation)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _date_weight(a: dt.date, b: dt.date) -> float:
    return 1 / (abs(a.toordinal() - b.toordinal()) + 1)


def alignment_rouge(predicted: Timeline, reference: Timeline, n: int) -> dict[str, float]:
    """Return tilse's many-to-one alignment ROUGE-n precision, recall and F1 (one reference)."""
    pred_dates, ref_dates = sorted(predicted), sorted(reference)
    if not pred_dates or not ref_dates:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    raw = {("p", d): _raw_counts(predicted[d]) for d in pred_dates}
    raw.update({("r", d): _raw_counts(reference[d]) for d in ref_dates})
    grams: dict[tuple[str, dt.date], Counter[Any]] = {}
    for side, timeline in (("p", predicted), ("r", reference)):
        for day in timeline:
            tokens = rouge_tokens(timeline[day])
            grams[(side, day)] = Counter(
                tokens if n == 1 else zip(*(tokens[i:] for i in range(n)), strict=False)
            )

    def cost(pred_day: dt.date, ref_day: dt.date) -> float:
        content = _approximate_rouge1(raw[("p", pred_day)], raw[("r", ref_day)])
        return (1 - _date_weight(pred_day, ref_day)) * (1 - content)

    precision_num = precision_den = recall_num = recall_den = 0.0
    for pred_day in pred_dates:
        ref_day = min(ref_dates, key=lambda r: cost(pred_day, r))  # first minimum, as argmin
        match = _overlap(grams[("p", pred_day)], grams[("r", ref_day)])
        precision_num += _date_weight(pred_day, ref_day) * match
        precision_den += sum(grams[("p", pred_day)].values())
    for ref_day in ref_dates:
        pred_day = min(pred_dates, key=lambda p: cost(p, ref_day))
        match = _overlap(grams[("p", pred_day)], grams[("r", ref_day)])
        recall_num += _date_weight(pred_day, ref_day) * match
        recall_den += sum(grams[("r", ref_day)].values())
    precision = precision_num / precision_den if precision_den else 0.0
    recall = recall_num / recall_den if recall_den else 0.0
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def date_f1(predicted: Timeline, reference: Timeline) -> float:
    """Return the F1 of the predicted dates against the reference dates."""
    shared = len(set(predicted) & set(reference))
    if not predicted or not reference:
        return 0.0
    return _f1(shared / len(predicted), shared / len(reference))


def score_timeline(predicted: Timeline, reference: Timeline) -> dict[str, float]:
    """Return ``ar1-f``, ``ar2-f`` and ``date-f1`` of one predicted timeline."""
    return {
        "ar1-f": alignment_rouge(predicted, reference, 1)["f1"],
        "ar2-f": alignment_rouge(predicted, reference, 2)["f1"],
        "date-f1": date_f1(predicted, reference),
    }


def as_timeline(entries: Sequence[TimelineEntry]) -> dict[dt.date, list[str]]:
    """Turn timeline entries into the date -> sentences form that is scored."""
    timeline: dict[dt.date, list[str]] = {}
    for entry in entries:
        timeline.setdefault(entry.date, []).extend(split_ptb_sentences(entry.text))
    return timeline


# A system: (articles in range, dates wanted, sentences per date) -> timeline entries.
System = Callable[[Sequence[Article], int, int], Sequence[TimelineEntry]]


# The protocol gives the reference's date range: no dates before the first article.
PROTOCOL_CONFIG = TimelineConfig(story_lookback_days=0)


def newsbrief_system(config: TimelineConfig = PROTOCOL_CONFIG) -> System:
    """Return newsbrief's story timeline with ``config`` as a system to score."""

    def system(articles: Sequence[Article], dates: int, per_date: int) -> Sequence[TimelineEntry]:
        return build_story_timeline(articles, config, dates, per_date)

    return system


_newsbrief = newsbrief_system()


def _lead_entries(
    days: Sequence[dt.date], by_day: dict[dt.date, list[Article]], per_date: int
) -> list[TimelineEntry]:
    entries = []
    for day in days:
        leads = [a.sentences[0] for a in by_day[day] if a.sentences][:per_date]
        if leads:
            entries.append(TimelineEntry(day, " ".join(leads), tuple(a.id for a in by_day[day])))
    return entries


def _by_day(articles: Sequence[Article]) -> dict[dt.date, list[Article]]:
    by_day: dict[dt.date, list[Article]] = {}
    for article in articles:
        if article.date:
            by_day.setdefault(article.date, []).append(article)
    return by_day


def _random_dates(
    articles: Sequence[Article], dates: int, per_date: int
) -> Sequence[TimelineEntry]:
    """Random publication days (seeded), lead sentences of that day's articles."""
    by_day = _by_day(articles)
    days = sorted(by_day)
    chosen = random.Random(len(articles)).sample(days, min(dates, len(days)))
    return _lead_entries(sorted(chosen), by_day, per_date)


def _busiest_days(
    articles: Sequence[Article], dates: int, per_date: int
) -> Sequence[TimelineEntry]:
    """The days with most articles published, lead sentences of that day's articles."""
    by_day = _by_day(articles)
    busiest = sorted(by_day, key=lambda day: (-len(by_day[day]), day))[:dates]
    return _lead_entries(sorted(busiest), by_day, per_date)


SYSTEMS: dict[str, System] = {
    "newsbrief": _newsbrief,
    "random dates + leads": _random_dates,
    "busiest days + leads": _busiest_days,
}


def task_articles(task: Mapping[str, Any], first: dt.date, last: dt.date) -> list[Article]:
    """Return the task's articles published from ``first`` to ``last``, sentences split."""
    articles = []
    for record in task["articles"]:
        day = parse_date(record.get("date"))
        if day is None or not first <= day <= last:
            continue
        text = str(record.get("text") or "")
        sentences = tuple(split_ptb_sentences(text))
        articles.append(Article(id=str(record.get("id")), text=text, date=day, sentences=sentences))
    return articles


def evaluate_timelines(
    data_path: Path,
    progress: Progress = no_progress,
    systems: Mapping[str, System] = SYSTEMS,
) -> EvalResult:
    """Score newsbrief's story timelines and the baselines on a Timeline17-style file.

    ``systems`` (name -> system) defaults to newsbrief and the two baselines; the
    per-timeline scores of the "newsbrief" system, keyed "<task id>#<n>", are in
    ``details["per_timeline"]``, and its task's topic in ``details["topics"]``.
    """
    tasks = list(read_jsonl(data_path))
    for number, task in enumerate(tasks, start=1):
        if not isinstance(task, dict) or not {"id", "articles", "timelines"} <= set(task):
            raise InputError(
                f"record {number} is not a timeline task (needs id, articles, timelines)",
                source=str(data_path),
            )
    if not tasks:
        raise InputError("no timeline tasks", source=str(data_path))
    per_system: dict[str, list[dict[str, float]]] = {name: [] for name in systems}
    per_timeline: dict[str, dict[str, float]] = {}
    topics: dict[str, str] = {}
    jobs = [(task, index, ref) for task in tasks for index, ref in enumerate(task["timelines"])]
    for task, index, raw_reference in progress(jobs, "timelines", len(jobs)):
        reference: dict[dt.date, list[str]] = {}
        for entry in raw_reference:
            day = parse_date(entry.get("date"))
            if day is not None:
                text = str(entry.get("text") or "")
                reference.setdefault(day, []).extend(split_ptb_sentences(text))
        if not reference:
            continue
        first, last = min(reference), max(reference)
        articles = task_articles(task, first, last)
        per_date = max(1, round(mean(len(s) for s in reference.values())))
        for name, system in systems.items():
            predicted = as_timeline(system(articles, len(reference), per_date))
            scores = score_timeline(predicted, reference)
            per_system[name].append(scores)
            if name == "newsbrief":
                per_timeline[f"{task['id']}#{index}"] = scores
                topics[f"{task['id']}#{index}"] = str(task.get("topic") or task["id"])
        log.info("%s: %s", task["id"], per_timeline.get(f"{task['id']}#{index}"))
    metric = {
        name: {key: mean(s[key] for s in rows) for key in ("ar1-f", "ar2-f", "date-f1")}
        for name, rows in per_system.items()
        if rows
    }
    if systems is SYSTEMS:
        metric["datewise (published)"] = dict(DATEWISE_PUBLISHED)
    n = len(next(iter(per_system.values()), []))
    return EvalResult(
        dataset=Path(data_path).name,
        n=n,
        metric=metric,
        settings=(
            "tilse align_date_content_costs_many_to_one, ROUGE reimplementation "
            "(Porter stem, SMART stopwords removed), F1 averaged over timelines; "
            "dates = reference count, sentences/date = reference mean; articles outside "
            "the reference date range removed; datewise (published) is on the official "
            "T17 release (all topics), not this copy"
        ),
        details={"per_timeline": per_timeline, "topics": topics},
    )
