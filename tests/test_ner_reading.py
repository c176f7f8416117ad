"""spaCy for entities at speed: only its entity recogniser, reading the sentences that bring
new names within a budget per article (leads first); the rest counted by string."""

from __future__ import annotations

import dataclasses
import gzip
import itertools
import json
from collections import Counter
from pathlib import Path

import pytest

from newsbrief.config import EntitiesConfig
from newsbrief.entities import _load_spacy, _spacy_models, recognise_article
from newsbrief.entities.reading import (
    MAX_SENTENCE_CHARS,
    Span,
    read_event,
    read_sentences,
    sentence_spans,
)
from newsbrief.model import Article

SPACY = EntitiesConfig(backend="spacy", ner_chars_per_article=0)  # no budget
needs_spacy = pytest.mark.skipif(
    _load_spacy(_spacy_models(SPACY)) is None, reason="the [ner] extra is not installed"
)


@pytest.fixture(scope="module")
def cluster(shared_data: Path) -> list[Article]:
    """One real DUC 2006 cluster (news wire about one topic, several people), longest first."""
    with gzip.open(shared_data / "summarization" / "duc2006.jsonl.gz", "rt") as lines:
        records = json.loads(next(lines))["articles"]
    records.sort(key=lambda a: -len(a["text"]))
    return [Article(id=r["id"], text=r["text"], title=r.get("title")) for r in records]


def test_sentences_cover_the_text_in_bounded_pieces(cluster: list[Article]) -> None:
    text = cluster[0].text + " " + "word " * 1000  # a run-on tail with no sentence end
    spans = sentence_spans(text)
    assert all(0 < end - start <= MAX_SENTENCE_CHARS for start, end in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert " ".join(text[s:e] for s, e in spans).split() == text.split()


def _spacy_model(sentences: list[str]) -> list[list[Span]]:
    nlp = _load_spacy(_spacy_models(SPACY))
    return [
        [Span(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents]
        for doc in nlp.pipe(sentences)
    ]


def _read(texts: list[str], skipped: list[list[tuple[int, int]]]) -> list[tuple[int, int, int]]:
    """The sentences the model read: those not skipped."""
    return [
        (number, start, end)
        for number, text in enumerate(texts)
        for start, end in sentence_spans(text)
        if (start, end) not in skipped[number]
    ]


@needs_spacy
def test_leads_are_read_first_and_the_budget_holds(cluster: list[Article]) -> None:
    texts = [a.text for a in cluster[:5]]
    _, skipped = read_sentences(texts, _spacy_model, 300)
    read = _read(texts, skipped)
    # Every article's first sentence is read, whatever the others hold.
    firsts = {number for number, start, _ in read if start == sentence_spans(texts[number])[0][0]}
    assert firsts == set(range(5))
    chars = sum(end - start for _, start, end in read)
    assert 5 * 300 <= chars <= 5 * 300 + 5 * MAX_SENTENCE_CHARS
    _, unbounded = read_sentences(texts, _spacy_model, 0)
    assert sum(end - start for _, start, end in _read(texts, unbounded)) > 2 * chars


@needs_spacy
def test_names_found_in_one_report_are_counted_in_the_others(cluster: list[Article]) -> None:
    texts = [a.text for a in cluster[:4]]
    _, skipped = read_sentences(texts, _spacy_model, 500)
    found = read_event(texts, _spacy_model, 500, {"PERSON", "ORG", "GPE"})
    # Spans inside skipped sentences are string matches of names the model found somewhere
    # in the event; some of them only in another report.
    for number, text in enumerate(texts):
        for span in found[number]:
            assert text[span.start_char : span.end_char] == span.text
    matched_elsewhere = 0
    for number in range(4):
        in_skipped = [
            e for e in found[number] if any(s <= e.start_char < t for s, t in skipped[number])
        ]
        read_here = {
            e.text
            for e in found[number]
            if not any(s <= e.start_char < t for s, t in skipped[number])
        }
        matched_elsewhere += sum(e.text not in read_here for e in in_skipped)
    assert matched_elsewhere > 0


@needs_spacy
def test_names_the_model_read_are_counted_in_the_whole_article(cluster: list[Article]) -> None:
    """With a small budget, most names the article repeats are found, with their counts."""
    article = cluster[0]
    assert len(article.text) > 5000
    whole = Counter(recognise_article(article, SPACY))
    budget = Counter(
        recognise_article(article, dataclasses.replace(SPACY, ner_chars_per_article=1000))
    )
    repeated = [mention for mention, count in whole.items() if count >= 3]
    kept = [mention for mention in repeated if budget[mention]]
    assert len(kept) >= 0.5 * len(repeated) > 0  # names repeated are introduced early
    for mention in kept:
        assert budget[mention] >= whole[mention] - 1, mention


@needs_spacy
def test_an_article_longer_than_spacys_limit_is_read(cluster: list[Article]) -> None:
    """spaCy refuses texts over 1,000,000 characters (E088); the model reads sentences."""
    article = cluster[0]
    huge = dataclasses.replace(article, text="\n\n".join([article.text] * 250))
    assert len(huge.text) > 1_000_000
    config = dataclasses.replace(SPACY, ner_chars_per_article=1000)
    mentions = recognise_article(huge, config)
    single = recognise_article(article, config)
    assert len(mentions) >= 100 * len(single) > 0
