"""Which articles carry the information of a key sentence: all of them, not just one.

Tests per article and sentence, any one suffices:

* lexical: most of the key sentence's content words (Porter stems, stopwords removed)
  occur in one sentence of the article (reprints, quotes, light rewording);
* semantic: the multilingual Universal Sentence Encoder puts a sentence of the article
  close to the key sentence (paraphrases, translations). Embedding every sentence of a
  large event is slow (about 25 ms a sentence), so only the article sentences that share
  some words with the key sentence are embedded, plus every sentence of an article in
  another language (where words cannot be shared, and a lower similarity suffices),
  capped per article. In the same language the sentence must also share some content
  words (a weaker similarity suffices then).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np

from newsbrief.embed import embed_texts
from newsbrief.model import Article
from newsbrief.summarize.candidates import article_sentences, content_stems, tidy_sentence

log = logging.getLogger(__name__)

# Calibrated on the seeds (five reports of one event, one a re-translation): best-matching
# sentence per (key sentence, article), content-stem share "lex" and USE cosine "cos".
# Same information: reprints lex 1.0; the re-translation of a quote lex 0.83-1.0,
# cos 0.83-0.93; reworded figures ("about 500 soldiers" / "approximately 500 soldiers")
# lex 0.35-0.40, cos 0.62-0.63. Only the same topic (troops, Iraq, Vance): lex <= 0.41
# with cos <= 0.58, or lex <= 0.25 with cos <= 0.64.
# Share of the key sentence's content stems one article sentence must contain.
LEXICAL_MATCH = 0.6
# Cosine similarity (USE multilingual v3) that alone shows the same statement.
SEMANTIC_MATCH = 0.75
# Across languages USE similarities run lower. Calibrated on a French report of the seed
# event (tests/fixtures/summarize/fr_armee_irak.txt): the same statement 0.68-0.70,
# other statements of the event at most 0.52.
CROSS_LINGUAL_MATCH = 0.62
# A weaker cosine that suffices when the sentence also shares this many content stems.
# The overlap was 0.3 on the seeds alone; 50 cited pairs of 6 dev stories judged by hand
# (tests/fixtures/citations_calibration.jsonl) chose 0.35 in 5 of 6 leave-one-story-out
# folds: below it, "same topic" sentences were credited (a rival's statement, the same
# strike described by another statement).
SUPPORTED_SEMANTIC_MATCH = 0.6
SUPPORTING_OVERLAP = 0.35
# Embedding costs 25-100 ms a sentence on two cores: in the same language, only the
# article's sentence sharing most words is embedded (the values above were measured on
# it), and only if it could pass the supported test.
EMBED_MIN_OVERLAP = SUPPORTING_OVERLAP
EMBED_PER_ARTICLE = 1
# Most sentences embedded of an article in another language.
EMBED_FOREIGN = 40
# Most sentences embedded per event (about 1.5 s at 25 ms each): in a large event the
# same-language sentences that share the most words go first.
EMBED_PER_EVENT = 60


def attribute_sources(
    key_sentences: Sequence[str],
    articles: Sequence[Article],
    language: str | None = None,
    key_vectors: np.ndarray | None = None,
) -> list[tuple[str, ...]]:
    """Return, for each key sentence, the ids of every article that reports it.

    Args:
        key_sentences: the sentences of the brief.
        articles: every article of the event, copies included.
        language: the key sentences' language, when known ("en"); articles in another
            language are compared by embeddings only.
        key_vectors: the key sentences' embeddings, if already computed.
    """
    sentences = [[tidy_sentence(s) for s in article_sentences(a)] for a in articles]
    stems = [[content_stems(s) for s in article] for article in sentences]
    matched: list[set[int]] = [set() for _ in key_sentences]
    to_embed: dict[tuple[int, int, int], str] = {}  # (key, article, sentence) -> text
    overlap: dict[tuple[int, int, int], float] = {}
    for k, key in enumerate(key_sentences):
        key_stems = content_stems(key)
        if not key_stems:
            continue
        for a, article in enumerate(articles):
            overlaps = [len(key_stems & s) / len(key_stems) for s in stems[a]]
            if overlaps and max(overlaps) >= LEXICAL_MATCH:
                matched[k].add(a)
                continue
            foreign = bool(language and article.language and article.language != language)
            if foreign:
                picks = list(range(min(len(overlaps), EMBED_FOREIGN)))
            else:
                ranked = sorted(range(len(overlaps)), key=lambda i: -overlaps[i])
                picks = [i for i in ranked[:EMBED_PER_ARTICLE] if overlaps[i] >= EMBED_MIN_OVERLAP]
            for i in picks:
                to_embed[(k, a, i)] = sentences[a][i]
                if not foreign:
                    overlap[(k, a, i)] = overlaps[i]
    if len(to_embed) > EMBED_PER_EVENT:
        # Other-language sentences share no words: they keep their place (capped above).
        kept = sorted(to_embed, key=lambda pair: -overlap.get(pair, 1.0))[:EMBED_PER_EVENT]
        to_embed = {pair: to_embed[pair] for pair in kept}
    if to_embed:
        if key_vectors is None:
            key_vectors = embed_texts(list(key_sentences))
        for (k, a, i), similarity in _similarities(key_vectors, to_embed).items():
            same_language = (k, a, i) in overlap
            if (
                similarity >= SEMANTIC_MATCH
                or (not same_language and similarity >= CROSS_LINGUAL_MATCH)
                or (
                    same_language
                    and similarity >= SUPPORTED_SEMANTIC_MATCH
                    and overlap[(k, a, i)] >= SUPPORTING_OVERLAP
                )
            ):
                matched[k].add(a)
    return [tuple(articles[a].id for a in sorted(found)) for found in matched]


def _similarities(
    key_vectors: np.ndarray, to_embed: dict[tuple[int, int, int], str]
) -> dict[tuple[int, int, int], float]:
    """Return the cosine of each (key sentence, article, sentence) to embed."""
    texts = list(dict.fromkeys(to_embed.values()))
    row = {text: i for i, text in enumerate(texts)}
    vectors = embed_texts(texts)
    return {
        (k, a, i): float(np.dot(key_vectors[k], vectors[row[text]]))
        for (k, a, i), text in to_embed.items()
    }
