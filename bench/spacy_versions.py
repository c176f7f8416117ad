"""Benchmark spaCy releases on the same model: CPU per sentence and the same readings.

    for v in 3.8.6 3.8.18; do
        .venv/bin/pip install -q --no-deps --target /tmp/spacy-$v spacy==$v
    done
    PYTHONPATH=src .venv/bin/python bench/spacy_versions.py /tmp/spacy-3.8.6 /tmp/spacy-3.8.18

Writes ``bench/results/spacy_versions.md``. Each folder holds one spaCy release (installed
with ``pip --target``, its compiled dependencies taken from the environment); the
environment's own spaCy is the last row. Each runs in its own process, loading
en_core_web_sm as ``newsbrief.nlp`` does, over the sentences of ``bench/spacy_ops.py``
(3,000 of the DUC 2007 update articles): the whole pipeline without the lemmatizer
(``nlp.parse_all``), the recogniser alone (``nlp.recognise``) and the lemmatizer on the
parses; the lower CPU time of two runs each. Tags, heads, labels, entities and lemmas are
compared with the first folder's.

The releases differ in how their compiled parser loop was built, not in the model: the
3.8.7 and later wheels (Cython 3) take the GIL inside the transition parser's nogil loop
to check for exceptions (half of the recogniser's CPU under ``perf``; docs/scaling.md).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "results" / "spacy_versions.md"


def measure(result_path: str) -> None:
    """In the worker process: time the three runs and write the readings as JSON."""
    import spacy
    from spacy_ops import _reading, sentences

    from newsbrief import nlp
    from newsbrief.parallel import one_blas_thread

    one_blas_thread()
    texts = sentences()
    model = nlp.load()
    if model is None:
        raise SystemExit("no spaCy English model installed")

    def run(**select: list[str]) -> tuple[float, list[Any]]:
        best, docs = float("inf"), []
        for _ in range(2):
            start = time.process_time()
            with model.select_pipes(**select):
                docs = list(nlp._pipe(model, texts))
            best = min(best, time.process_time() - start)
        return best, docs

    run(enable=["ner"])  # warm: the first batches allocate
    parse_s, parses = run(disable=["lemmatizer"])
    recognise_s, recognised = run(enable=["ner"])
    lemmatizer = model.get_pipe("lemmatizer")
    start = time.process_time()
    for doc in parses:
        lemmatizer(doc)
    lemma_s = time.process_time() - start
    readings = [_reading(doc) for doc in parses]
    entities = [_reading(doc)[1] for doc in recognised]
    lemmas = [[[t.text, t.lemma_] for t in doc] for doc in parses]
    result = {
        "version": spacy.about.__version__,
        "sentences": len(texts),
        "parse_s": parse_s,
        "recognise_s": recognise_s,
        "lemma_s": lemma_s,
        "readings": readings,
        "entities": entities,
        "lemmas": lemmas,
    }
    Path(result_path).write_text(json.dumps(result), encoding="utf-8")


def main(folders: list[str]) -> None:
    bench = Path(__file__).resolve().parent
    source = bench.parent / "src"
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for i, folder in enumerate([*folders, ""]):
            out = Path(scratch) / f"{i}.json"
            path = os.pathsep.join(p for p in (folder, str(bench), str(source)) if p)
            env = {**os.environ, "PYTHONPATH": path, "OMP_NUM_THREADS": "1"}
            subprocess.run([sys.executable, __file__, "--measure", str(out)], env=env, check=True)
            results.append(json.loads(out.read_text(encoding="utf-8")))
    first = results[0]
    rows, notes = [], []
    for found in results:
        n = found["sentences"]
        same = sum(a == b for a, b in zip(found["readings"], first["readings"], strict=True))
        same_ents = sum(a == b for a, b in zip(found["entities"], first["entities"], strict=True))
        tokens = [
            (word, theirs, ours)
            for x, y in zip(first["lemmas"], found["lemmas"], strict=True)
            for (word, theirs), (_, ours) in zip(x, y, strict=True)
        ]
        differ = [t for t in tokens if t[1] != t[2]]
        lemma_diff = len(differ)
        examples = dict.fromkeys(f"{w} {a} -> {b}" for w, a, b in differ)
        if examples:
            notes.append(f"{found['version']}: " + "; ".join(list(examples)[:8]))
        rows.append(
            f"| {found['version']} | {1000 * found['parse_s'] / n:.2f} "
            f"| {1000 * found['recognise_s'] / n:.2f} | {1000 * found['lemma_s'] / n:.2f} "
            f"| {same} of {n} | {same_ents} of {n} | {lemma_diff} of {len(tokens)} |"
        )
    OUT.write_text(
        "# spaCy releases: CPU per sentence on the same model\n\n"
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC by `bench/spacy_versions.py` "
        f"({platform.machine()}, Python {platform.python_version()}, one BLAS thread, "
        "numpy's matrix product as `newsbrief.nlp` loads it): the sentences of "
        f"`bench/spacy_ops.py` ({first['sentences']} of the DUC 2007 update articles), "
        "en_core_web_sm 3.8.0, batches as `newsbrief.nlp`; the lower CPU time of two runs. "
        f"Readings (tags, heads, labels, entities) and lemmas compared with "
        f"{first['version']}'s.\n\n"
        "| spaCy | parse CPU ms / sentence | recognise CPU ms / sentence "
        "| lemmatize CPU ms / sentence | same parse | same entities (recogniser) "
        "| lemmas that differ |\n|---|---:|---:|---:|---:|---:|---:|\n"
        + "\n".join(rows)
        + "\n\nLemmas that differ (word, first row's lemma -> this row's), the first "
        "distinct ones:\n\n" + "\n".join(f"- {note}" for note in notes) + "\n",
        encoding="utf-8",
    )
    print(OUT.read_text(encoding="utf-8"))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure(sys.argv[2])
    else:
        main(sys.argv[1:])
