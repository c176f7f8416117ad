"""Metadata evaluation on news pages whose gold has title, date and authors (fundus_dev).

Per page: title exact after whitespace normalisation, date the same day, authors the set
F1 of normalised names (case-folded, NFKC, a leading "By" dropped; a page whose gold has
no author scores 1 when none is predicted, else 0), and the body's ScrapingHub shingle
scores. Systems, in one run: newsbrief's HTML reader, trafilatura's ``bare_extraction``
metadata (title, date, author) and body, and htmldate (date only, ``original_date=True``).

The tie-break settings of ``ingest.metadata`` (which declared title or author list wins)
are also cross-validated here: publishers are split into folds, each fold's setting is
the best on the other folds, and the held-out pages are scored with it.
"""

from __future__ import annotations

import logging
import unicodedata
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from newsbrief.config import IngestConfig
from newsbrief.evaluate import EvalResult
from newsbrief.evaluate.extraction import (
    PageScore,
    read_page,
    score_page,
    summarize_pages,
)
from newsbrief.ingest.metadata import (
    AUTHOR_ORDERS,
    AUTHOR_SEPARATOR,
    BYLINE_PREFIX,
    TITLE_ORDERS,
    Candidates,
    choose,
    host_name,
    htmldate_day,
    page_candidates,
    parse_page,
)
from newsbrief.model import Article, parse_date
from newsbrief.progress import Progress, no_progress

log = logging.getLogger(__name__)

FOLDS = 5
METADATA_FIELDS = ("title", "date", "authors")


@dataclass(frozen=True)
class Predicted:
    """What one system says about one page."""

    title: str | None = None
    date: str | None = None
    authors: tuple[str, ...] = ()
    text: str = ""


def normalise_title(title: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", title or "").split())


def normalise_name(name: str) -> str:
    name = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(BYLINE_PREFIX.sub("", name).split())


def authors_f1(gold: Sequence[str] | None, predicted: Sequence[str]) -> float:
    """Return the set F1 of normalised names (1.0 when both are empty)."""
    gold_set = {normalise_name(n) for n in gold or () if n.strip()}
    predicted_set = {normalise_name(n) for n in predicted if n.strip()}
    if not gold_set and not predicted_set:
        return 1.0
    common = len(gold_set & predicted_set)
    return 2 * common / (len(gold_set) + len(predicted_set))


def split_author(author: str | None) -> tuple[str, ...]:
    return tuple(n.strip() for n in (author or "").split(AUTHOR_SEPARATOR.strip()) if n.strip())


# --- systems --------------------------------------------------------------------------


def newsbrief_metadata(config: IngestConfig | None) -> Callable[[bytes, str | None], Predicted]:
    """Return newsbrief's HTML reader as page -> Predicted (the path `brief` uses)."""
    from newsbrief.ingest.html import extract_html_article

    def predict(html: bytes, url: str | None) -> Predicted:
        article = extract_html_article(html, url=url, origin=url or "page", config=config)
        if not isinstance(article, Article):
            return Predicted()
        day = article.date.isoformat() if article.date else None
        return Predicted(article.title, day, split_author(article.author), article.text)

    return predict


def trafilatura_metadata(html: bytes, url: str | None) -> Predicted:
    """Return trafilatura's own metadata and body (its defaults, comments off)."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False
        )
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, RecursionError) as error:
        log.warning("trafilatura failed on %s: %s", url, error)
        document = None
    if document is None or isinstance(document, dict):  # dict only with as_dict=True
        return Predicted()
    day = parse_date(document.date)
    return Predicted(
        title=document.title,
        date=day.isoformat() if day else None,
        authors=split_author(document.author),
        text=document.text or "",
    )


def htmldate_metadata(html: bytes, url: str | None) -> Predicted:
    """Return htmldate's first-publication day (its only field)."""
    day = htmldate_day(html)
    return Predicted(date=day.isoformat() if day else None)


# --- scoring --------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldScores:
    """One system's per-page scores; a field it does not predict stays empty."""

    title: list[float]
    date: list[float]
    authors: list[float]
    body: list[PageScore]

    def summary(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name, values in (
            ("title-accuracy", self.title),
            ("date-accuracy", self.date),
            ("authors-f1", self.authors),
        ):
            if values:
                out[name] = sum(values) / len(values)
        if self.body:
            out.update(summarize_pages(self.body))
            del out["accuracy"]  # exact body match: not a field of this evaluation
        return out


def score_fields(
    rows: Sequence[Mapping[str, Any]], predicted: Sequence[Predicted], fields: frozenset[str]
) -> FieldScores:
    """Score the fields a system predicts ("title", "date", "authors", "body") on every page."""
    scores = FieldScores([], [], [], [])
    for row, guess in zip(rows, predicted, strict=True):
        if "title" in fields:
            scores.title.append(
                float(normalise_title(guess.title) == normalise_title(row["title"]))
            )
        if "date" in fields and row.get("date"):
            scores.date.append(float(guess.date == row["date"]))
        if "authors" in fields:
            scores.authors.append(authors_f1(row.get("authors"), guess.authors))
        if "body" in fields:
            scores.body.append(score_page(str(row.get("text") or ""), guess.text))
    return scores


# --- cross-validated tie-breaks ---------------------------------------------------------


def publisher_folds(rows: Sequence[Mapping[str, Any]], folds: int = FOLDS) -> list[int]:
    """Return each page's fold; all pages of one publisher share a fold."""
    publishers = sorted(
        {_publisher(row) for row in rows}, key=lambda p: (zlib.crc32(p.encode()), p)
    )
    fold_of = {publisher: i % folds for i, publisher in enumerate(publishers)}
    return [fold_of[_publisher(row)] for row in rows]


def _publisher(row: Mapping[str, Any]) -> str:
    return str(row.get("publisher") or host_name(row.get("url")) or row.get("id"))


def _order_scores(
    rows: Sequence[Mapping[str, Any]],
    candidates: Sequence[Candidates | None],
    fallback: Sequence[Predicted],
) -> dict[str, list[float]]:
    """Return per-page scores of every title order and author order."""
    scores: dict[str, list[float]] = {}
    for order in TITLE_ORDERS:
        scores[f"title: {order}"] = [
            float(normalise_title(_title(c, order) or guess.title) == normalise_title(row["title"]))
            for row, c, guess in zip(rows, candidates, fallback, strict=True)
        ]
    for order in AUTHOR_ORDERS:
        scores[f"authors: {order}"] = [
            authors_f1(row.get("authors"), _authors(c, order) or guess.authors)
            for row, c, guess in zip(rows, candidates, fallback, strict=True)
        ]
    return scores


def _title(candidates: Candidates | None, order: str) -> str | None:
    return choose(candidates, title_order=order).title if candidates else None


def _authors(candidates: Candidates | None, order: str) -> tuple[str, ...]:
    return choose(candidates, author_order=order).authors if candidates else ()


def cross_validate(
    rows: Sequence[Mapping[str, Any]],
    candidates: Sequence[Candidates | None],
    fallback: Sequence[Predicted],
) -> tuple[dict[str, float], dict[str, Any]]:
    """Return held-out title accuracy and authors F1, and the per-setting dev figures.

    For each fold, the order with the best mean on the other folds is applied to it
    (ties go to the order listed first, the shipped default).
    """
    per_order = _order_scores(rows, candidates, fallback)
    folds = publisher_folds(rows)
    held_out: dict[str, float] = {}
    chosen: dict[str, list[str]] = {}
    for field, metric in (("title", "title-accuracy"), ("authors", "authors-f1")):
        names = [name for name in per_order if name.startswith(field + ":")]
        total = 0.0
        for fold in range(FOLDS):
            train = [i for i, f in enumerate(folds) if f != fold]
            best = max(names, key=lambda n: sum(per_order[n][i] for i in train))
            chosen.setdefault(field, []).append(best.split(": ", 1)[1])
            total += sum(per_order[best][i] for i, f in enumerate(folds) if f == fold)
        held_out[metric] = total / len(rows)
    details = {
        "all-dev figure of each setting": {
            name: round(sum(values) / len(values), 4) for name, values in per_order.items()
        },
        "setting chosen per fold": chosen,
    }
    return held_out, details


# --- the job --------------------------------------------------------------------------


def has_metadata_gold(rows: Sequence[Mapping[str, Any]]) -> bool:
    return all("html" in row and "title" in row and "date" in row for row in rows)


def evaluate_metadata(
    rows: Sequence[Mapping[str, Any]],
    folder: Path,
    progress: Progress = no_progress,
    config: IngestConfig | None = None,
) -> EvalResult:
    """Score title, date, authors and body of newsbrief, trafilatura and htmldate."""
    systems: dict[str, tuple[Callable[[bytes, str | None], Predicted], frozenset[str]]] = {
        "newsbrief": (newsbrief_metadata(config), frozenset({"title", "date", "authors", "body"})),
        f"trafilatura-{version('trafilatura')} (live)": (
            trafilatura_metadata,
            frozenset({"title", "date", "authors", "body"}),
        ),
        f"htmldate-{version('htmldate')} (live, original_date)": (
            htmldate_metadata,
            frozenset({"date"}),
        ),
    }
    predicted: dict[str, list[Predicted]] = {name: [] for name in systems}
    candidates: list[Candidates | None] = []
    for row in progress(rows, "extracting", len(rows)):
        html = read_page(folder, row)
        url = row.get("url")
        for name, (predict, _fields) in systems.items():
            predicted[name].append(predict(html, url))
        root = parse_page(html)
        candidates.append(page_candidates(root, url) if root is not None else None)
    metric = {
        name: score_fields(rows, predicted[name], fields).summary()
        for name, (_predict, fields) in systems.items()
    }
    held_out, details = cross_validate(rows, candidates, predicted["newsbrief"])
    metric[f"newsbrief ({FOLDS}-fold CV by publisher, held-out)"] = held_out
    return EvalResult(
        dataset=f"news page metadata ({folder.name})",
        n=len(rows),
        metric=metric,
        settings=(
            "title exact after whitespace normalisation; date same day; authors set F1 of "
            "case-folded NFKC names; body word 4-gram shingle P/R/F1 (ScrapingHub); "
            f"CV row: title/author tie-breaks chosen on {FOLDS - 1} folds of publishers"
        ),
        details=details,
    )
