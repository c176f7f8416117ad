"""spaCy for entities at speed: only its entity recogniser, reading each article's lead."""

from __future__ import annotations

import dataclasses
import gzip
import json
from collections import Counter
from pathlib import Path

import pytest

from newsbrief.config import EntitiesConfig
from newsbrief.entities import _load_spacy, _ner_lead, _spacy_models, recognise_article
from newsbrief.model import Article

SPACY = EntitiesConfig(backend="spacy", ner_lead_chars=0)  # the whole article at once
needs_spacy = pytest.mark.skipif(
    _load_spacy(_spacy_models(SPACY)) is None, reason="the [ner] extra is not installed"
)


@pytest.fixture(scope="module")
def long_article(shared_data: Path) -> Article:
    """The longest article of one real DUC 2006 cluster (news wire, several people)."""
    with gzip.open(shared_data / "summarization" / "duc2006.jsonl.gz", "rt") as lines:
        cluster = json.loads(next(lines))
    record = max(cluster["articles"], key=lambda a: len(a["text"]))
    return Article(id=record["id"], text=record["text"], title=record.get("title"))


def test_the_lead_ends_after_a_sentence_within_the_budget(long_article: Article) -> None:
    text = long_article.text
    lead = _ner_lead(text, 1500)
    assert text.startswith(lead)
    assert 750 < len(lead) <= 1500
    assert lead.rstrip()[-1] in ".\"'”)" or text[len(lead)] == "\n"
    assert _ner_lead(text, 0) == text
    assert _ner_lead("A short article.", 1500) == "A short article."


@needs_spacy
def test_only_the_entity_recogniser_runs() -> None:
    assert _load_spacy(_spacy_models(SPACY)).pipe_names == ["ner"]


@needs_spacy
def test_names_of_the_lead_are_counted_in_the_whole_article(long_article: Article) -> None:
    """Reading 1,500 characters, the names the article repeats keep their mention counts."""
    assert len(long_article.text) > 5000
    whole = Counter(recognise_article(long_article, SPACY))
    lead = Counter(recognise_article(long_article, dataclasses.replace(SPACY, ner_lead_chars=1500)))
    repeated = [mention for mention, count in whole.items() if count >= 3]
    assert repeated
    for mention in repeated:
        assert lead[mention] >= whole[mention] - 1, mention


@needs_spacy
def test_an_article_longer_than_spacys_limit_is_read(long_article: Article) -> None:
    """spaCy refuses texts over 1,000,000 characters (E088); the model reads the lead only."""
    huge = dataclasses.replace(long_article, text="\n\n".join([long_article.text] * 250))
    assert len(huge.text) > 1_000_000
    mentions = recognise_article(huge, dataclasses.replace(SPACY, ner_lead_chars=3000))
    single = recognise_article(long_article, dataclasses.replace(SPACY, ner_lead_chars=3000))
    assert len(mentions) >= 100 * len(single) > 0
