"""One spaCy pipeline per process: every stage shares it, each sentence is parsed once per
run, in batches, with the same parses and entities as one sentence per call."""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path
from typing import Any

import pytest

from newsbrief import nlp
from newsbrief.config import EntitiesConfig, FactsConfig, TimelineConfig
from newsbrief.entities import _load_spacy, _spacy_models
from newsbrief.entities.reading import Span, _rounds, read_sentences, sentence_spans
from newsbrief.facts.labels import load_parser
from newsbrief.facts.mentions import read_mentions
from newsbrief.model import Article, Event, parse_date
from newsbrief.summarize.attribution import trailing_speaker
from newsbrief.summarize.keypoints import key_point_parses, key_point_problem
from newsbrief.summarize.parsing import parse
from newsbrief.timeline import build_timeline

needs_spacy = pytest.mark.skipif(nlp.load() is None, reason="the [ner] extra is not installed")


@pytest.fixture(scope="module")
def articles(shared_data: Path) -> list[Article]:
    """The articles of one real DUC 2006 cluster (wire copy: figures, names, quotes)."""
    with gzip.open(shared_data / "summarization" / "duc2006.jsonl.gz", "rt") as lines:
        records = json.loads(next(lines))["articles"]
    return [Article(id=r["id"], text=r["text"], title=r.get("title")) for r in records[:4]]


def _sentences(articles: list[Article]) -> list[str]:
    from newsbrief.clean import split_sentences

    return [s for a in articles for s in split_sentences(a.text)]


def _analysis(doc: Any) -> list[tuple[str, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.dep_, str(t.head.i), t.ent_type_, t.lemma_)
        for t in doc
    ]


@pytest.fixture
def piped(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record every batch of texts the shared pipeline reads (one fresh cache)."""
    nlp.clear_cache()
    batches: list[list[str]] = []
    pipeline = nlp.load()
    real_pipe = pipeline.pipe

    def recording_pipe(texts: Any, **kwargs: Any) -> Any:
        texts = list(texts)
        batches.append(texts)
        return real_pipe(texts, **kwargs)

    monkeypatch.setattr(pipeline, "pipe", recording_pipe)
    return batches


def _within_limits(batch: list[str]) -> bool:
    return len(batch) <= nlp.BATCH_SIZE and (
        len(batch) == 1 or sum(map(len, batch)) <= nlp.BATCH_CHARS
    )


@needs_spacy
def test_every_stage_shares_one_pipeline() -> None:
    assert load_parser() is nlp.load()
    assert _load_spacy(_spacy_models(EntitiesConfig())) is nlp.load()


@needs_spacy
def test_batched_parses_equal_one_sentence_per_call(articles: list[Article]) -> None:
    sentences = _sentences(articles)[:40]
    nlp.clear_cache()
    nlp.parse_all(sentences[:20])  # parsed first without lemmas: added when asked
    batched = nlp.parse_all(sentences, lemmas=True)
    pipeline = nlp.load()
    assert [_analysis(d) for d in batched] == [_analysis(pipeline(s)) for s in sentences]


@needs_spacy
def test_the_recogniser_alone_finds_what_a_recogniser_only_pipeline_finds(
    articles: list[Article],
) -> None:
    import spacy

    sentences = _sentences(articles)[:60]
    alone = spacy.load(nlp.MODELS[0], exclude=[n for n in nlp.load().pipe_names if n != "ner"])
    expected = [[(e.text, e.label_, e.start_char) for e in alone(s).ents] for s in sentences]
    found = [[(e.text, e.label_, e.start_char) for e in d.ents] for d in nlp.recognise(sentences)]
    assert found == expected
    assert sum(map(len, found)) > 20  # names of people, places and bodies in wire copy


@needs_spacy
def test_facts_and_key_point_checks_parse_a_sentence_once(
    articles: list[Article], piped: list[list[str]]
) -> None:
    event = Event(id="e", articles=tuple(articles))
    mentions = list(read_mentions(event, FactsConfig()))
    assert len(mentions) > 5
    with_figures = {m.quote for m in mentions}
    # The event's sentences with figures in one call, as few batches as the limits allow.
    read = [text for batch in piped for text in batch]
    assert with_figures <= set(read) and len(read) == len(set(read))
    assert all(_within_limits(batch) for batch in piped)
    chars = sum(map(len, read))
    assert len(piped) <= math.ceil(len(read) / nlp.BATCH_SIZE) + math.ceil(chars / nlp.BATCH_CHARS)
    batches = len(piped)
    for sentence in with_figures:
        assert parse(sentence) is not None  # the key-point rules reuse the facts' parse
    list(read_mentions(event, FactsConfig()))
    assert len(piped) == batches


@needs_spacy
def test_long_texts_are_read_in_batches_of_bounded_size(
    articles: list[Article], piped: list[list[str]]
) -> None:
    # Recogniser windows of whole paragraphs: a batch's arrays grow with its characters.
    texts = [a.text[i : i + 2000] for a in articles for i in range(0, len(a.text), 500)]
    texts.append(articles[0].text * 4)  # longer than a batch: read alone
    assert sum(map(len, texts)) > nlp.BATCH_CHARS + len(texts[-1])
    docs = nlp.recognise(texts)
    assert [d.text for d in docs] == texts
    assert len(piped) >= 3 and all(_within_limits(batch) for batch in piped)
    pipeline = nlp.load()
    with pipeline.select_pipes(enable=["ner"]):
        alone = [pipeline(t) for t in texts[:3]]
    assert [[(e.text, e.label_) for e in d.ents] for d in docs[:3]] == [
        [(e.text, e.label_) for e in d.ents] for d in alone
    ]


@needs_spacy
def test_the_entity_rounds_read_in_one_batch_what_they_read_one_round_at_a_time(
    articles: list[Article],
) -> None:
    texts = [articles[0].text]  # one report: a round is one sentence
    calls: list[int] = []

    def model(sentences: list[str]) -> list[list[Span]]:
        calls.append(len(sentences))
        return [
            [Span(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents]
            for doc in nlp.recognise(sentences)
        ]

    def per_round(to_read: list[tuple[int, int, int]]) -> list[list[Span]]:
        return model([texts[n][b:e] for n, b, e in to_read]) if to_read else []

    one_by_one = _rounds(texts, [sentence_spans(texts[0])], 0, per_round)
    rounds = len(calls)
    calls.clear()
    assert read_sentences(texts, model, 0) == one_by_one
    # One batch, then the sentences a name word given back reopens ("Kim" of "Kim Jong Un").
    assert rounds > 5 and calls[0] > rounds / 2 and sum(calls) == rounds


def _first_duc2007_docset(shared_data: Path) -> tuple[Article, ...]:
    """The dated reports of DUC 2007's first update docset (Xinhua and AP wire copy)."""
    with (shared_data / "summarization" / "duc2007_update.jsonl").open(encoding="utf-8") as f:
        records = json.loads(next(f))["articles"]
    return tuple(
        Article(id=r["id"], text=r["text"], title=r.get("title"), date=parse_date(r["date"]))
        for r in records
    )


@needs_spacy
def test_the_key_point_checks_read_the_parses_made_ahead_of_them(
    articles: list[Article], piped: list[list[str]]
) -> None:
    # Sentences closing on their speaker ("..., X said."): the checks parse the sentence
    # and, alone, the speaker's phrase; ``key_point_parses`` names both, for one batch.
    attributed = [s for s in _sentences(articles) if trailing_speaker(s)][:12]
    assert len(attributed) >= 5
    nlp.parse_all(key_point_parses(attributed))
    batches = len(piped)
    problems = [key_point_problem(sentence, "An unrelated headline") for sentence in attributed]
    assert len(piped) == batches  # nothing left to parse one by one
    assert None in problems  # some of them are key points


@needs_spacy
def test_a_timeline_parses_each_days_first_sentence_in_one_batch(
    shared_data: Path, piped: list[list[str]]
) -> None:
    entries = build_timeline(Event("euro", _first_duc2007_docset(shared_data)), TimelineConfig())
    assert len(entries) >= 5
    # One batch for the days' first candidates (in batches of the size limits), then one
    # call per candidate that was not fit to show: fewer calls than entries.
    assert len(piped) < len(entries)
    read = {text for batch in piped for text in batch}
    assert all(entry.text in read for entry in entries)  # each entry was checked
