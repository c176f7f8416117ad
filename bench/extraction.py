"""Benchmark extraction: newsbrief's HTML reader beside trafilatura (and htmldate for dates).

    .venv/bin/python bench/extraction.py [--no-variants]

Writes ``bench/results/extraction.md``: the full tables of ``newsbrief eval extraction`` on
ScrapingHub (181 pages; saved tool outputs re-scored, published rows, trafilatura live,
newsbrief), on trafilatura_eval (990 pages; snippet metric) and on fundus_dev (90 news
pages: title, date, authors and body, with the 5-fold publisher CV of the metadata
tie-breaks), then an ablation of the reader's settings, newsbrief only.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import logging
import time
from collections import Counter
from pathlib import Path

import trafilatura

from newsbrief.config import IngestConfig
from newsbrief.evaluate.extraction import (
    evaluate_extraction,
    newsbrief_extractor,
    score_page,
    snippet_counts,
    summarize_pages,
    summarize_snippets,
)

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "extraction"
RESULTS = Path(__file__).resolve().parent / "results" / "extraction.md"

VARIANTS = {
    "default (tables, news cleaning)": IngestConfig(),
    "news cleaning off (= trafilatura with metadata)": IngestConfig(html_news_cleaning=False),
    "favor_precision": IngestConfig(html_favor_precision=True),
    "favor_recall": IngestConfig(html_favor_recall=True),
    "tables off": IngestConfig(html_include_tables=False),
}


def _rows(dataset: str) -> list[dict[str, object]]:
    with open(DATA / dataset / "gold.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def variant_scores(config: IngestConfig) -> tuple[dict[str, float], dict[str, float]]:
    """Return newsbrief's ScrapingHub and trafilatura_eval scores under one config."""
    extract = newsbrief_extractor(config)
    pages = []
    for row in _rows("scrapinghub"):
        html = gzip.decompress((DATA / "scrapinghub" / str(row["html"])).read_bytes())
        pages.append(score_page(str(row["text"]), extract(html, str(row["url"]))))
    counts: Counter[str] = Counter()
    for row in _rows("trafilatura_eval"):
        html = gzip.decompress((DATA / "trafilatura_eval" / str(row["html"])).read_bytes())
        counts += snippet_counts(extract(html, str(row["url"])), row["with"], row["without"])  # type: ignore[arg-type]
    return summarize_pages(pages), summarize_snippets(counts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-variants", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)  # trafilatura logs every odd page
    lines = [
        "# Extraction benchmark",
        "",
        f"Run: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, trafilatura "
        f"{trafilatura.__version__} (live rows run in the same process as newsbrief).",
        "Command: `.venv/bin/python bench/extraction.py` (the tables are "
        "`newsbrief eval extraction GOLD.jsonl` on each benchmark).",
        "",
    ]
    for dataset in ("fundus_dev", "scrapinghub", "trafilatura_eval"):
        start = time.perf_counter()
        result = evaluate_extraction(DATA / dataset / "gold.jsonl")
        lines += [
            "## " + dataset,
            "",
            result.to_table(),
            "",
            f"({time.perf_counter() - start:.0f} s for all live extractors)",
            "",
        ]
        if result.details:
            lines += ["```", json.dumps(result.details, indent=1, ensure_ascii=False), "```", ""]
        print("\n".join(lines[-6:]), flush=True)
    if not args.no_variants:
        lines += [
            "## Reader settings (newsbrief only)",
            "",
            "| setting | ScrapingHub F1 | P | R | trafilatura_eval F1 | P | R |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, config in VARIANTS.items():
            changed = {
                k: v
                for k, v in dataclasses.asdict(config).items()
                if v != getattr(IngestConfig(), k)
            }
            hub, snippets = variant_scores(config)
            lines.append(
                f"| {name} {changed or ''} | {hub['f1']:.4f} | {hub['precision']:.4f} | "
                f"{hub['recall']:.4f} | {snippets['f1']:.4f} | {snippets['precision']:.4f} | "
                f"{snippets['recall']:.4f} |"
            )
            print(lines[-1], flush=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
