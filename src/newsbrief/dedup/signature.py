"""The map step of dedup: one picklable signature per article.

A signature holds what the merge step needs and nothing that depends on other articles:

- ``shingles``: 32-bit hashes of the article's word n-grams, sorted, in a uint32 array
  (exact containment checks; 4 bytes each, where a frozenset of ints took ~70);
- ``shingle_minhash``: a MinHash of those shingles (LSH candidates for reprints);
- ``stem_minhash``: a MinHash of its content-word stems (LSH candidates for rewrites and
  re-translations, whose word n-grams differ but whose vocabulary overlaps);
- ``sentence_stems``: the content-word stems of each sentence (in-order alignment), and
  ``stems``, all of them (a cheap test before aligning); sorted tuples of interned
  strings, not frozensets: a 10-stem sentence takes 136 bytes instead of ~730, which
  kept 10,000 articles' signatures from growing a run by ~300 MB.

Hashes come from BLAKE2b, not Python's ``hash``, so that signatures made in different
processes (Spark executors) agree.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import sys
import unicodedata
from dataclasses import dataclass
from typing import Any

import numpy as np
from datasketch import LeanMinHash, MinHash

from newsbrief.clean import split_sentences
from newsbrief.config import DedupConfig
from newsbrief.model import Article

_WORD = re.compile(r"\w+")

# Function words of the Latin-script languages newsbrief reads most: they carry no
# content, so two sentences sharing only them are not aligned.
STOPWORDS = frozenset(
    str.split(
        """
    the a an and or but of to in on at by for from with as is are was were be been being has
    have had do does did not no it its this that these those there their they them he she his
    her him we our us you your i me my who whom which what when where why how than then so if
    into over after before about against between during under again further once also just
    more most other some such only own same too very can will would should could may might
    must shall said says say told according while because until all any both each few many
    much one two up out off down new last year years time week day mr mrs ms per
    le la les un une des du de et ou mais en dans sur pour par avec est sont été au aux ce
    cette ces qui que quoi il elle ils elles nous vous son sa ses leur leurs pas plus
    el los las unos unas del y o pero en con por para es son fue sus su lo que
    der die das ein eine und oder aber mit von zu im ist sind war nicht auf für dem den des
    """
    )
)
# Stems are word prefixes: crude but language-agnostic, and enough to match inflections
# ("relocating"/"relocate", "defence"/"defense") between a wire story and its rewrite.
STEM_CHARS = 5
MIN_WORD_CHARS = 3


@dataclass(frozen=True, eq=False)  # compared by id: numpy fields
class ArticleSignature:
    """What dedup's merge step needs to know about one article (picklable)."""

    article_id: str
    date: dt.date | None
    word_count: int
    shingles: np.ndarray  # sorted, unique, uint32
    shingle_minhash: LeanMinHash
    stem_minhash: LeanMinHash
    sentence_stems: tuple[tuple[str, ...], ...]  # sorted, unique per sentence
    stems: tuple[str, ...]  # sorted, unique


def words_of(text: str) -> list[str]:
    """Return the lower-cased words of ``text`` (accents kept, NFKC-normalised)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


def content_stems(text: str) -> frozenset[str]:
    """Return the stems of the content words in ``text`` (numbers kept whole)."""
    stems = set()
    for word in words_of(text):
        # Interned: a run holds each distinct stem once, not once per sentence.
        if word.isdigit():
            stems.add(sys.intern(word))
        elif len(word) >= MIN_WORD_CHARS and word not in STOPWORDS:
            stems.add(sys.intern(word[:STEM_CHARS]))
    return frozenset(stems)


def hash32(token: str) -> int:
    """Return a stable 32-bit hash of ``token``."""
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=4).digest(), "big")


def word_shingles(words: list[str], size: int) -> frozenset[int]:
    """Return the hashes of the ``size``-word shingles (the whole text if shorter)."""
    if len(words) < size:
        return frozenset({hash32(" ".join(words))}) if words else frozenset()
    return frozenset(hash32(" ".join(words[i : i + size])) for i in range(len(words) - size + 1))


def _identity(value: int) -> int:
    # Tokens are hashed already (hash32); datasketch would hash them a second time.
    return value


@functools.cache
def _permutations(num_perm: int, seed: int) -> Any:
    # datasketch draws a MinHash's permutations from its seed for every new MinHash
    # (1.1 CPU s for 4,000 signatures): drawn once, the same values.
    return MinHash(num_perm=num_perm, seed=seed).permutations


def make_minhash(hashes: frozenset[int], config: DedupConfig) -> LeanMinHash:
    """Return a MinHash of pre-hashed tokens with the configured seed and size."""
    minhash = MinHash(
        num_perm=config.num_perm,
        seed=config.seed,
        hashfunc=_identity,
        permutations=_permutations(config.num_perm, config.seed),
        scheme="affine32",  # datasketch's default, named because permutations are given
    )
    if hashes:
        minhash.update_batch(sorted(hashes))
    return LeanMinHash(minhash)


def article_signature(article: Article, config: DedupConfig) -> ArticleSignature:
    """Map step: return the article's dedup signature."""
    words = words_of(article.text)
    shingles = word_shingles(words, config.shingle_words)
    sentences = article.sentences or tuple(split_sentences(article.text))
    # Alignment is quadratic in sentences: a pathological 50 MB "article" must not stall a run.
    sentence_stems = tuple(
        tuple(sorted(stems))
        for stems in (content_stems(s) for s in sentences)
        if len(stems) >= config.min_sentence_stems
    )[: config.max_alignment_sentences]
    all_stems = tuple(sorted(set().union(*sentence_stems)))
    return ArticleSignature(
        article_id=article.id,
        date=article.date,
        word_count=len(words),
        shingles=np.fromiter(sorted(shingles), dtype=np.uint32, count=len(shingles)),
        shingle_minhash=make_minhash(shingles, config),
        stem_minhash=make_minhash(frozenset(hash32(stem) for stem in all_stems), config),
        sentence_stems=sentence_stems,
        stems=all_stems,
    )
