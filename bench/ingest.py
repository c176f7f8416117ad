"""Benchmark ingestion: language identification (accuracy, speed) and reader throughput.

    .venv/bin/python bench/ingest.py

Writes ``bench/results/ingest.md``.

Language: the gold label of a trafilatura_eval page is the language its HTML declares
(``<html lang>``, else ``<meta http-equiv="content-language">``), first two letters; pages
that declare none are left out. Each detector gets the page's main text as trafilatura
extracts it. Declared languages are sometimes wrong (a template's default ``en``), so
every detector's accuracy is a lower bound; they are compared on the same pages.

Readers: pages per second through ``read_sources`` for every reader on the 181
ScrapingHub pages (as .html files, one WARC of all pages, an RSS feed and a JSONL dump of
their gold text, plain-text files), beside trafilatura alone (``trafilatura.extract``,
no metadata) and trafilatura with metadata on the same pages. One process, 2 cores.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from html import escape
from pathlib import Path

import trafilatura

from newsbrief.config import IngestConfig
from newsbrief.ingest import read_sources
from newsbrief.language import DETECTORS, detect_language
from newsbrief.model import Article

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "extraction"
RESULTS = Path(__file__).resolve().parent / "results" / "ingest.md"

_HTML_LANG = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2})", re.I)
_META_LANG = re.compile(
    rb"<meta[^>]+http-equiv=[\"']?content-language[\"']?[^>]+content=[\"']?([a-zA-Z]{2})", re.I
)


def declared_language(html: bytes) -> str | None:
    """Return the two-letter language the page declares, or None."""
    match = _HTML_LANG.search(html[:20000]) or _META_LANG.search(html[:20000])
    return match.group(1).decode().lower() if match else None


def language_table() -> list[str]:
    folder = DATA / "trafilatura_eval"
    samples: list[tuple[str, str]] = []
    with open(folder / "gold.jsonl", encoding="utf-8") as handle:
        for row in map(json.loads, handle):
            html = gzip.decompress((folder / row["html"]).read_bytes())
            gold = declared_language(html)
            text = trafilatura.extract(html, include_comments=False) if gold else None
            if gold and text and len(text) >= 200:
                samples.append((gold, text))
    languages = Counter(gold for gold, _ in samples)
    lines = [
        f"### Language identification on trafilatura_eval ({len(samples)} pages with a declared "
        f"language and 200+ characters of text; {dict(languages.most_common(8))} ...)",
        "",
        "| detector | accuracy (all) | accuracy (non-English pages) | no answer | ms per page |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in DETECTORS:
        detect_language(samples[0][1], name)  # load the model outside the timing
        start = time.perf_counter()
        guesses = [detect_language(text, name) for _, text in samples]
        seconds = time.perf_counter() - start
        right = [guess == gold for guess, (gold, _) in zip(guesses, samples, strict=True)]
        foreign = [r for r, (gold, _) in zip(right, samples, strict=True) if gold != "en"]
        lines.append(
            f"| {name} | {sum(right) / len(right):.3f} | {sum(foreign) / len(foreign):.3f} | "
            f"{guesses.count(None)} | {1000 * seconds / len(samples):.2f} |"
        )
    return lines


def _write_inputs(folder: Path) -> dict[str, list[Path]]:
    source = DATA / "scrapinghub"
    with open(source / "gold.jsonl", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    pages = [gzip.decompress((source / row["html"]).read_bytes()) for row in rows]
    html_dir, text_dir = folder / "html", folder / "text"
    html_dir.mkdir()
    text_dir.mkdir()
    warc = bytearray()
    items = []
    dump = []
    for number, (row, page) in enumerate(zip(rows, pages, strict=True)):
        (html_dir / f"{number:03d}.html").write_bytes(page)
        (text_dir / f"{number:03d}.txt").write_text(row["text"], encoding="utf-8")
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
        head = (
            f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {row['url']}\r\n"
            f"WARC-Date: 2019-11-21T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:r{number}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n"
        ).encode()
        warc += gzip.compress(head + http + b"\r\n\r\n")
        body = "".join(f"<p>{escape(p)}</p>" for p in row["text"].split("\n"))
        items.append(
            f"<item><title>Story {number}</title><link>{escape(row['url'])}</link>"
            f"<description>{escape(body)}</description></item>"
        )
        dump.append(json.dumps({"url": row["url"], "maintext": row["text"]}))
    (folder / "crawl.warc.gz").write_bytes(bytes(warc))
    (folder / "feed.xml").write_text(
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Bench</title>{''.join(items)}"
        "</channel></rss>",
        encoding="utf-8",
    )
    (folder / "dump.jsonl").write_text("\n".join(dump) + "\n", encoding="utf-8")
    return {
        "html (.html files)": [html_dir],
        "warc (one .warc.gz)": [folder / "crawl.warc.gz"],
        "feed (RSS, HTML entries)": [folder / "feed.xml"],
        "jsonl (news-please style)": [folder / "dump.jsonl"],
        "text (.txt files)": [text_dir],
    }


def _rate(run: Callable[[], int]) -> tuple[int, float]:
    start = time.perf_counter()
    count = run()
    return count, time.perf_counter() - start


def reader_table() -> list[str]:
    lines = [
        "### Reader throughput (181 ScrapingHub pages or their gold text)",
        "",
        "| reader | articles | seconds | pages/s |",
        "|---|---:|---:|---:|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        inputs = _write_inputs(Path(tmp))
        pages = sorted((Path(tmp) / "html").iterdir())
        raw = [p.read_bytes() for p in pages]
        baselines = {
            "trafilatura.extract alone (no metadata)": lambda: sum(
                bool(trafilatura.extract(page, include_comments=False)) for page in raw
            ),
            "trafilatura.bare_extraction with metadata": lambda: sum(
                bare is not None
                for bare in (
                    trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
                    for page in raw
                )
            ),
        }
        for name, run in baselines.items():
            count, seconds = _rate(run)
            lines.append(f"| {name} | {count} | {seconds:.1f} | {len(raw) / seconds:.1f} |")
        for name, sources in inputs.items():
            count, seconds = _rate(
                lambda s=sources: sum(
                    isinstance(r, Article) for r in read_sources(s, IngestConfig())
                )
            )
            lines.append(f"| newsbrief {name} | {count} | {seconds:.1f} | {181 / seconds:.1f} |")
    return lines


def main() -> None:
    logging.basicConfig(level=logging.ERROR)
    run = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = [
        "# Ingestion benchmark",
        "",
        f"Run: {run}, Python {sys.version.split()[0]}, trafilatura {trafilatura.__version__}, "
        "2 CPU cores. Command: `.venv/bin/python bench/ingest.py`.",
        "",
        *reader_table(),
        "",
        *language_table(),
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
