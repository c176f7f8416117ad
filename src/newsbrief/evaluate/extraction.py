"""Text-extraction evaluation on the two benchmarks of ``shared/data/extraction``.

``evaluate_extraction(gold_path)`` tells the benchmark by the gold rows' fields:

* ScrapingHub article-extraction benchmark (rows with ``text``): word 4-gram shingle
  precision and recall averaged over pages, F1 of the two averages, exact-match accuracy,
  as in the benchmark's ``evaluate.py``. Rows: the saved tool outputs in ``tool_outputs/``
  re-scored here (they must match ``published.json``), the published table, trafilatura
  run live in this process, and newsbrief's HTML reader.
* news pages with title/date/authors gold (fundus_dev): those fields and the body, by
  ``newsbrief.evaluate.metadata``;
* trafilatura's benchmark (rows with ``with``/``without``): snippet matching, summed over
  the corpus (micro P/R/F1, and accuracy = (TP+TN)/all snippets), with trafilatura live,
  newsbrief and the published figures of trafilatura's ``docs/evaluation.rst``.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast

from newsbrief.config import IngestConfig
from newsbrief.errors import InputError
from newsbrief.evaluate import EvalResult, read_jsonl
from newsbrief.ingest import read_limited
from newsbrief.progress import Progress, no_progress

log = logging.getLogger(__name__)

SHINGLE_WORDS = 4
_TOKEN = re.compile(r"\w+")

# Published figures of trafilatura's own benchmark (docs/evaluation.rst, the same 990
# pages), as quoted in shared/data/README.md.
TRAFILATURA_EVAL_PUBLISHED: dict[str, dict[str, float]] = {
    "trafilatura-2.2.0 standard (published)": {"precision": 0.906, "recall": 0.943, "f1": 0.924},
    "readability-lxml-0.8.4.1 (published)": {"f1": 0.826},
    "justext-3.0.2 (published)": {"f1": 0.862},
    "raw HTML (published)": {"f1": 0.667},
}

# Saved tool output folder -> the tool's name in published.json.
SAVED_TOOL_NAMES = {
    "trafilatura": "trafilatura",
    "readability-lxml": "readability (readability-lxml)",
    "justext": "justext",
}

Extractor = Callable[[bytes, str | None], str]


# --- ScrapingHub: shingle metric -----------------------------------------------------


def shingles(text: str, size: int = SHINGLE_WORDS) -> Counter[tuple[str, ...]]:
    """Return the multiset of word ``size``-grams (one shorter shingle for short texts)."""
    tokens = _TOKEN.findall(text)
    grams = (tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)))
    return Counter(gram for gram in grams if gram)


@dataclass(frozen=True)
class PageScore:
    """One page's shingle counts, normalised to sum 1, and exact token match."""

    tp: float
    fp: float
    fn: float
    exact: bool


def score_page(gold: str, predicted: str) -> PageScore:
    """Return the ScrapingHub evaluate.py counts for one page."""
    gold_grams, predicted_grams = shingles(gold), shingles(predicted)
    tp = sum((gold_grams & predicted_grams).values())
    fp = sum((predicted_grams - gold_grams).values())
    fn = sum((gold_grams - predicted_grams).values())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total  # type: ignore[assignment]
    exact = _TOKEN.findall(gold) == _TOKEN.findall(predicted)
    return PageScore(tp, fp, fn, exact)


def summarize_pages(scores: Sequence[PageScore]) -> dict[str, float]:
    """Return mean precision (non-empty predictions), mean recall, F1 of means, accuracy."""
    precisions = [s.tp / (s.tp + s.fp) for s in scores if s.tp + s.fp > 0]
    recalls = [s.tp / (s.tp + s.fn) for s in scores if s.tp + s.fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(s.exact for s in scores) / len(scores) if scores else 0.0
    return {"f1": f1, "precision": precision, "recall": recall, "accuracy": accuracy}


# --- trafilatura benchmark: snippet metric -------------------------------------------


def snippet_counts(output: str, with_: Iterable[str], without: Iterable[str]) -> Counter[str]:
    """Return TP/FN/FP/TN for one page: snippets found in the whitespace-normalised output."""
    text = " ".join(output.split())
    counts: Counter[str] = Counter(tp=0, fn=0, fp=0, tn=0)
    for snippet in with_:
        counts["tp" if " ".join(snippet.split()) in text else "fn"] += 1
    for snippet in without:
        counts["fp" if " ".join(snippet.split()) in text else "tn"] += 1
    return counts


def summarize_snippets(counts: Counter[str]) -> dict[str, float]:
    """Return micro precision, recall, F1 and accuracy over the whole corpus."""
    tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
    return {
        "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "accuracy": (tp + tn) / (tp + fp + fn + tn) if tp + fp + fn + tn else 0.0,
    }


# --- extractors run live -------------------------------------------------------------


def newsbrief_extractor(config: IngestConfig | None = None) -> Extractor:
    """Return newsbrief's HTML reader as page -> text ("" when it finds no article)."""
    from newsbrief.ingest.html import extract_html_article
    from newsbrief.model import Article

    def extract(html: bytes, url: str | None) -> str:
        article = extract_html_article(html, url=url, origin=url or "page", config=config)
        return article.text if isinstance(article, Article) else ""

    return extract


def trafilatura_extractor(html: bytes, url: str | None) -> str:
    """Return trafilatura's text with its defaults (comments off), "" on failure."""
    import trafilatura

    try:
        return trafilatura.extract(html, url=url, include_comments=False) or ""
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, RecursionError) as error:
        log.warning("trafilatura failed on %s: %s", url, error)
        return ""


def read_page(folder: Path, row: Mapping[str, Any]) -> bytes:
    path = folder / str(row["html"])
    if not path.is_file():  # a folder, a device ("/dev/zero" is endless)
        raise InputError("cannot read page: not a file", source=str(path))
    limit = IngestConfig().max_record_bytes
    try:
        with gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb") as handle:
            page = read_limited(cast(BinaryIO, handle), limit)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(f"cannot read page: {error}", source=str(path)) from None
    if page is None:
        raise InputError(f"cannot read page: larger than {limit} bytes", source=str(path))
    return bytes(page)


def _trafilatura_version() -> str:
    from importlib.metadata import version

    return version("trafilatura")


def _live_extractors(config: IngestConfig | None) -> dict[str, Extractor]:
    return {
        "newsbrief": newsbrief_extractor(config),
        f"trafilatura-{_trafilatura_version()} (live)": trafilatura_extractor,
    }


# --- the two benchmarks --------------------------------------------------------------


def _published_scrapinghub(folder: Path) -> dict[str, dict[str, float]]:
    path = folder / "published.json"
    if not path.is_file():
        return {}
    rows: dict[str, dict[str, float]] = {}
    for entry in json.loads(path.read_text(encoding="utf-8"))["tables"]["latest"]:
        name = f"{entry['tool']}-{entry['version']} (published)"
        rows[name] = {
            key: float(entry[key])
            for key in ("f1", "precision", "recall", "accuracy")
            if entry.get(key) is not None
        }
    return rows


def _saved_outputs(folder: Path) -> dict[str, dict[str, str]]:
    outputs: dict[str, dict[str, str]] = {}
    for predictions in sorted((folder / "tool_outputs").glob("*/predictions.jsonl")):
        tool = predictions.parent.name
        outputs[tool] = {str(r["id"]): str(r.get("text") or "") for r in read_jsonl(predictions)}
    return outputs


def evaluate_scrapinghub(
    gold_rows: Sequence[Mapping[str, Any]],
    folder: Path,
    progress: Progress = no_progress,
    config: IngestConfig | None = None,
) -> EvalResult:
    """Score newsbrief, trafilatura live and the saved tool outputs with the shingle metric."""
    extractors = _live_extractors(config)
    live: dict[str, list[PageScore]] = {name: [] for name in extractors}
    for row in progress(gold_rows, "extracting", len(gold_rows)):
        html = read_page(folder, row)
        for name, extract in extractors.items():
            live[name].append(score_page(str(row["text"]), extract(html, row.get("url"))))
    metric = {name: summarize_pages(scores) for name, scores in live.items()}
    published = _published_scrapinghub(folder)
    for tool, predicted in _saved_outputs(folder).items():
        scores = [score_page(str(r["text"]), predicted.get(str(r["id"]), "")) for r in gold_rows]
        label = SAVED_TOOL_NAMES.get(tool, tool)
        version = next((v for v in published if v.startswith(label + "-")), None)
        name = (version or label).replace(" (published)", "") + " (saved output, re-scored)"
        metric[name] = summarize_pages(scores)
    metric.update(published)
    return EvalResult(
        dataset=f"scrapinghub article extraction ({folder.name})",
        n=len(gold_rows),
        metric=metric,
        settings=(
            "word 4-gram shingles (\\w+ tokens, case kept), per-page counts normalised; "
            "P averaged over non-empty predictions, R over pages, F1 of the means; "
            "accuracy = exact token match"
        ),
    )


def evaluate_snippets(
    gold_rows: Sequence[Mapping[str, Any]],
    folder: Path,
    progress: Progress = no_progress,
    config: IngestConfig | None = None,
) -> EvalResult:
    """Score newsbrief and trafilatura live with trafilatura's snippet metric."""
    extractors = _live_extractors(config)
    totals: dict[str, Counter[str]] = {name: Counter() for name in extractors}
    for row in progress(gold_rows, "extracting", len(gold_rows)):
        html = read_page(folder, row)
        for name, extract in extractors.items():
            totals[name] += snippet_counts(
                extract(html, row.get("url")), row.get("with") or (), row.get("without") or ()
            )
    metric = {name: summarize_snippets(counts) for name, counts in totals.items()}
    metric.update(TRAFILATURA_EVAL_PUBLISHED)
    return EvalResult(
        dataset=f"trafilatura extraction benchmark ({folder.name})",
        n=len(gold_rows),
        metric=metric,
        settings=(
            "snippets searched in whitespace-normalised output; TP/FN over 'with', FP/TN over "
            "'without', summed over pages (micro); accuracy = (TP+TN)/snippets"
        ),
    )


def _evaldata_rows(path: Path) -> list[dict[str, Any]]:
    """Return gold rows from trafilatura's ``evaldata.json`` (pages in cache/, then eval/)."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"cannot read gold file: {error}", source=str(path)) from None
    rows = []
    for url, entry in entries.items():
        name = entry["file"]
        candidates = [f"{sub}/{name}{gz}" for sub in ("cache", "eval") for gz in (".gz", "")]
        html = next((c for c in candidates if (path.parent / c).is_file()), candidates[0])
        rows.append(
            {
                "id": entry["file"],
                "url": url,
                "html": html,
                "with": entry.get("with", []),
                "without": entry.get("without", []),
            }
        )
    return rows


def evaluate_extraction(
    gold_path: Path, progress: Progress = no_progress, config: IngestConfig | None = None
) -> EvalResult:
    """Evaluate text extraction on a gold file, telling the benchmark by its fields.

    Raises:
        InputError: the gold file is missing, empty or of neither benchmark.
    """
    gold_path = Path(gold_path)
    rows = _evaldata_rows(gold_path) if gold_path.suffix == ".json" else list(read_jsonl(gold_path))
    if not rows:
        raise InputError("gold file holds no rows", source=str(gold_path))
    folder = gold_path.parent
    from newsbrief.evaluate.metadata import evaluate_metadata, has_metadata_gold

    if has_metadata_gold(rows):
        return evaluate_metadata(rows, folder, progress, config)
    if all("text" in row and "html" in row for row in rows):
        return evaluate_scrapinghub(rows, folder, progress, config)
    if all("with" in row and "html" in row for row in rows):
        return evaluate_snippets(rows, folder, progress, config)
    raise InputError(
        "gold rows need 'html' and either 'text' (ScrapingHub), 'title'/'date' (page "
        "metadata) or 'with'/'without' (trafilatura benchmark)",
        source=str(gold_path),
    )
