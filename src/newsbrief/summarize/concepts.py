"""Concepts (stemmed word bigrams) and their weights: what a summary should cover.

Following Gillick and Favre (2009), a concept's value is the number of documents that
mention it: what many outlets report is what the event is about. Three adjustments:
concepts near the top of articles count more (news puts the gist first), concepts that
share words with the query count more (DUC 2006/2007), and concepts the reader already
met in ``read_before`` articles count less (DUC 2007 update task).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable, Sequence

from newsbrief.config import SummaryConfig
from newsbrief.model import LEAD_SENTENCES
from newsbrief.smart_stopwords import SMART_STOPWORDS
from newsbrief.summarize.candidates import TOKEN, stem, stem_tokens

Concept = tuple[str, str]

STOP_STEMS = frozenset(stem(word) for word in SMART_STOPWORDS) | SMART_STOPWORDS
# Words of DUC-style topic narratives that say what to do, not what it is about.
QUERY_INSTRUCTION_WORDS = frozenset(
    [
        "discuss",
        "describe",
        "include",
        "identify",
        "explain",
        "specify",
        "report",
        "provide",
        "give",
        "list",
        "information",
        "details",
        "detail",
        "aspects",
        "aspect",
        "kinds",
        "kind",
        "types",
        "type",
        "factors",
        "issues",
        "efforts",
        "developments",
        "development",
        "reasons",
        "reason",
        "ways",
        "effects",
        "effect",
        "current",
        "status",
        "involved",
        "involvement",
        "specific",
        "mention",
        "mentioned",
        "cite",
    ]
)


def sentence_concepts(stems: Sequence[str]) -> set[Concept]:
    """Return the bigrams of ``stems`` that contain at least one content word."""
    return {
        (first, second)
        for first, second in itertools.pairwise(stems)
        if not (first in STOP_STEMS and second in STOP_STEMS)
    }


def document_concepts(sentences: Iterable[str]) -> tuple[set[Concept], set[Concept]]:
    """Return (all concepts, concepts of the opening sentences) of one document."""
    everything: set[Concept] = set()
    opening: set[Concept] = set()
    for position, sentence in enumerate(sentences):
        concepts = sentence_concepts(stem_tokens(sentence))
        everything |= concepts
        if position < LEAD_SENTENCES:
            opening |= concepts
    return everything, opening


def query_stems(query: str | None) -> frozenset[str]:
    """Return the content stems of a topic statement, without instruction words."""
    if not query:
        return frozenset()
    return frozenset(
        stem(token)
        for token in TOKEN.findall(query.lower())
        if token not in SMART_STOPWORDS and token not in QUERY_INSTRUCTION_WORDS
    )


def concept_weights(
    documents: Sequence[Sequence[str]],
    config: SummaryConfig,
    query: str | None = None,
    read_before: Sequence[Sequence[str]] = (),
) -> dict[Concept, float]:
    """Return the weight of each concept worth covering.

    Args:
        documents: the sentences of each (original) document of the cluster.
        config: the summarizer's settings (query and novelty factors, minimum frequency).
        query: the topic statement, if any.
        read_before: the sentences of each document the reader already knows.
    """
    document_frequency: Counter[Concept] = Counter()
    lead_frequency: Counter[Concept] = Counter()
    for sentences in documents:
        everything, opening = document_concepts(sentences)
        document_frequency.update(everything)
        lead_frequency.update(opening)
    min_frequency = minimum_document_frequency(len(documents), config)
    if len(documents) == 1:
        # One document: fall back to repetition within it, plus its opening.
        document_frequency = Counter(
            concept
            for sentence in documents[0]
            for concept in sentence_concepts(stem_tokens(sentence))
        )
    known: Counter[Concept] = Counter()
    for sentences in read_before:
        known.update(document_concepts(sentences)[0])
    topic = query_stems(query)
    weights: dict[Concept, float] = {}
    for concept, frequency in document_frequency.items():
        if frequency < min_frequency:
            continue
        weight = frequency + config.lead_bonus * lead_frequency[concept]
        if topic:
            weight *= 1.0 + config.query_bonus * sum(word in topic for word in concept)
        if known[concept]:
            weight *= 1.0 - config.novelty_discount
        if weight > 0:
            weights[concept] = weight
    return weights


def minimum_document_frequency(documents: int, config: SummaryConfig) -> int:
    """Return how many documents must mention a concept for it to count."""
    if documents <= 1:
        return 1  # one document: every concept, weighted by its repetitions
    return max(2, min(config.min_concept_documents, math.ceil(documents / 4)))
