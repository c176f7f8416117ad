"""Light briefs of one-report events: figures from the lead (the rest only when the lead
has none), entities read by the model in the lead when configured, counted by string."""

from __future__ import annotations

import dataclasses
import gzip
import json
from pathlib import Path

import pytest

from newsbrief import nlp
from newsbrief.config import EntitiesConfig, FactsConfig
from newsbrief.entities import extract_entities
from newsbrief.entities.reading import Span, read_event, sentence_spans
from newsbrief.facts.mentions import read_mentions
from newsbrief.model import LEAD_SENTENCES, Article, Event

needs_spacy = pytest.mark.skipif(nlp.load() is None, reason="the [ner] extra is not installed")


@pytest.fixture(scope="module")
def reports(shared_data: Path) -> list[Article]:
    """Real DUC 2006 wire reports, one per event below."""
    with gzip.open(shared_data / "summarization" / "duc2006.jsonl.gz", "rt") as lines:
        records = [a for _ in range(3) for a in json.loads(next(lines))["articles"]]
    return [Article(id=r["id"], text=r["text"], title=r.get("title")) for r in records]


@needs_spacy
def test_one_report_figures_come_from_its_lead_when_it_has_one(reports: list[Article]) -> None:
    light, full = FactsConfig(), FactsConfig(light_one_report=False)
    cases = set()
    for article in reports[:15]:
        event = Event(id="one", articles=(article,))
        everything = list(read_mentions(event, full))
        in_lead = [m for m in everything if m.lead]
        # The lead's figures when it has one; else the whole report, as without the option.
        assert list(read_mentions(event, light)) == (in_lead or everything)
        cases.add((bool(in_lead), len(everything) > len(in_lead)))
    assert {(True, True), (False, True)} <= cases  # lead and body figures; body ones only
    # Several reports: every sentence, light or not.
    several = Event(id="many", articles=tuple(reports[:2]))
    assert list(read_mentions(several, light)) == list(read_mentions(several, full))


@needs_spacy
def test_light_entities_read_the_lead_and_count_its_names_in_the_rest(
    reports: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    article = max(reports, key=lambda a: len(a.text))
    read: list[str] = []
    real = nlp.recognise

    def recording(texts: list[str], models: tuple[str, ...] = nlp.MODELS) -> list[object]:
        read.extend(texts)
        return real(texts, models)

    monkeypatch.setattr(nlp, "recognise", recording)
    event = Event(id="one", articles=(article,))
    light = extract_entities(event, EntitiesConfig(light_one_report=True))
    assert 0 < len(read) <= LEAD_SENTENCES
    read.clear()
    full = extract_entities(event, EntitiesConfig(light_one_report=False))
    assert len(read) > LEAD_SENTENCES
    # The lead's names, found again by string in the rest of the report.
    full_names = {e.name for e in full}
    assert light and sum(e.name in full_names for e in light) >= len(light) / 2
    # In the reading: spans past the lead are the lead's names found again by string.
    spans = [(e.start_char, e.end_char, e.text) for e in _lead_read(reports[:6])]
    assert spans and {name for _, _, name in spans}
    assert dataclasses.replace(EntitiesConfig()).light_one_report is False  # off by default


def _lead_read(articles: list[Article]) -> list[Span]:
    """The spans past the lead of each article, read in three rounds (one report each)."""
    beyond = []
    for article in articles:
        text = f"{article.title}\n\n{article.text}" if article.title else article.text
        lead_end = sentence_spans(text)[LEAD_SENTENCES - 1][1]
        model = lambda sentences: [  # noqa: E731
            [Span(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents]
            for doc in nlp.recognise(sentences)
        ]
        (found,) = read_event([text], model, 0, {"PERSON", "ORG", "GPE"}, LEAD_SENTENCES)
        beyond += [e for e in found if e.start_char >= lead_end]
    return beyond
