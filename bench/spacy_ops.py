"""Benchmark spaCy's matrix products: thinc's bundled BLIS against numpy's OpenBLAS.

    PYTHONPATH=src .venv/bin/python bench/spacy_ops.py

Writes ``bench/results/spacy_ops.md``. The sentences are the clean stage's sentences of the
DUC 2007 update articles (real news, 40 to 400 characters). Each setting loads
en_core_web_sm as ``newsbrief.nlp`` does (every component but the sentence splitter), with
one BLAS thread, then parses the sentences twice: the whole pipeline without the
lemmatizer (``nlp.parse_all``) and the recogniser alone (``nlp.recognise``), in batches
of ``nlp.BATCH_SIZE``. The settings alternate, twice each, and each row is the lower of
its two CPU times (the machine is shared). Parses and entities are compared token by
token.
"""

from __future__ import annotations

import datetime as dt
import json
import platform
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsbrief import nlp
from newsbrief.clean import clean_articles
from newsbrief.config import Config
from newsbrief.ingest.jsonl import article_from_record
from newsbrief.model import Article
from newsbrief.parallel import one_blas_thread

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "summarization"
OUT = Path(__file__).resolve().parent / "results" / "spacy_ops.md"
SENTENCES = 3000


def sentences() -> list[str]:
    articles = []
    with open(DATA / "duc2007_update.jsonl", encoding="utf-8") as lines:
        for line in lines:
            for record in json.loads(line)["articles"]:
                read = article_from_record(
                    record, origin="duc2007_update.jsonl", config=Config().ingest
                )
                if isinstance(read, Article):
                    articles.append(read)
    cleaned, _ = clean_articles(articles, Config().clean)
    found = [s for a in cleaned for s in a.sentences if 40 <= len(s) <= 400]
    return list(dict.fromkeys(found))[:SENTENCES]


def load(use_blis: bool) -> Any:
    import spacy
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=use_blis):
        return spacy.load(nlp.MODELS[0], exclude=["senter"])


def timed(run: Callable[[Any], list[Any]], model: Any) -> tuple[float, list[Any]]:
    start = time.process_time()
    docs = run(model)
    return time.process_time() - start, docs


def main() -> None:
    one_blas_thread()
    texts = sentences()
    models = {"BLIS (thinc's default)": load(True), "numpy (OpenBLAS)": load(False)}
    runs: dict[str, Callable[[Any], list[Any]]] = {
        "parse (no lemmatizer)": lambda m: _pipe(m, disable=["lemmatizer"]),
        "recognise (ner alone)": lambda m: _pipe(m, enable=["ner"]),
    }

    def _pipe(model: Any, **select: list[str]) -> list[Any]:
        with model.select_pipes(**select):
            return list(model.pipe(texts, batch_size=nlp.BATCH_SIZE))

    for model in models.values():
        _pipe(model, enable=["ner"])  # warm: the first batches allocate
    seconds: dict[tuple[str, str], float] = {}
    docs: dict[tuple[str, str], list[Any]] = {}
    for _ in range(2):
        for run_name, run in runs.items():
            for model_name, model in models.items():
                spent, found = timed(run, model)
                key = (run_name, model_name)
                seconds[key] = min(seconds.get(key, spent), spent)
                docs[key] = found
    rows = []
    for run_name in runs:
        blis, numpy = (docs[(run_name, m)] for m in models)
        same = sum(_reading(a) == _reading(b) for a, b in zip(blis, numpy, strict=True))
        for model_name in models:
            spent = seconds[(run_name, model_name)]
            rows.append(
                f"| {run_name} | {model_name} | {spent:.1f} | {1000 * spent / len(texts):.2f} "
                f"| {same} of {len(texts)} |"
            )
    OUT.write_text(
        "# spaCy's matrix products: BLIS or OpenBLAS\n\n"
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC by `bench/spacy_ops.py` "
        f"({platform.machine()}, Python {platform.python_version()}, one BLAS thread): "
        f"{len(texts)} sentences of the DUC 2007 update articles, en_core_web_sm, batches "
        f"of {nlp.BATCH_SIZE}; the lower CPU time of two runs each.\n\n"
        "| run | matrix product | CPU s | CPU ms / sentence | same tags, heads, labels "
        "and entities |\n|---|---|---:|---:|---:|\n" + "\n".join(rows) + "\n\n"
        "`newsbrief.nlp` loads the pipeline with numpy's product "
        '(`use_ops("numpy", use_blis=False)`).\n',
        encoding="utf-8",
    )
    print(OUT.read_text(encoding="utf-8"))


def _reading(doc: Any) -> tuple[Any, ...]:
    tokens = tuple((t.tag_, t.dep_, t.head.i) for t in doc)
    return tokens, tuple((e.start, e.end, e.label_) for e in doc.ents)


if __name__ == "__main__":
    main()
