"""Baseline summarizers: checked against sumy, on the seeds and on a DUC cluster."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import pytest

from newsbrief.evaluate import read_jsonl
from newsbrief.model import Article, parse_date
from newsbrief.summarize.baselines import (
    BASELINES,
    STOP_WORDS,
    cluster_sentences,
    lead_summary,
    lexrank_scores,
    sentence_terms,
    textrank_scores,
)

# The evaluation data beside the checkout (../shared/data), as CI provides it.
DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "summarization"
SEEDS = DATA / "seeds.jsonl"
DUC2006 = DATA / "duc2006.jsonl.gz"


def _articles(record: dict) -> list[Article]:
    return [
        Article(id=a["id"], text=a["text"], title=a.get("title"), date=parse_date(a.get("date")))
        for a in record["articles"]
    ]


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    return _articles(next(iter(read_jsonl(SEEDS))))


@pytest.fixture(scope="module")
def duc_cluster() -> list[Article]:
    return _articles(next(iter(read_jsonl(DUC2006))))


def _words(summary: list[str]) -> int:
    return sum(len(sentence.split()) for sentence in summary)


class _WordTokenizer:
    """Gives sumy the same words our baselines see."""

    def to_words(self, text: str) -> list[str]:
        return re.findall(r"\w+", text)


def _sumy_document(texts: list[str]):  # type: ignore[no-untyped-def]
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _WordTokenizer()
    return ObjectDocumentModel([Paragraph([Sentence(text, tokenizer) for text in texts])])


def _unique_texts(articles: list[Article]) -> list[str]:
    # sumy keys its ratings by sentence text: keep one copy of each.
    return list(dict.fromkeys(s.text for s in cluster_sentences(articles)))


def test_lexrank_scores_match_sumy(seeds: list[Article]) -> None:
    lex_rank = pytest.importorskip("sumy.summarizers.lex_rank")
    from sumy.nlp.stemmers import Stemmer

    texts = _unique_texts(seeds)
    summarizer = lex_rank.LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = STOP_WORDS
    words = [summarizer._to_words_set(s) for s in _sumy_document(texts).sentences]
    matrix = summarizer._create_matrix(
        words, summarizer.threshold, summarizer._compute_tf(words), summarizer._compute_idf(words)
    )
    expected = summarizer.power_method(matrix, summarizer.epsilon)
    ours = lexrank_scores([sentence_terms(text) for text in texts])
    assert len(texts) > 50
    np.testing.assert_allclose(ours, expected, rtol=1e-9, atol=1e-12)


def test_textrank_scores_match_sumy(seeds: list[Article]) -> None:
    text_rank = pytest.importorskip("sumy.summarizers.text_rank")
    from sumy.nlp.stemmers import Stemmer

    texts = _unique_texts(seeds)
    summarizer = text_rank.TextRankSummarizer(Stemmer("english"))
    summarizer.stop_words = STOP_WORDS
    document = _sumy_document(texts)
    ratings = summarizer.rate_sentences(document)
    expected = np.array([ratings[sentence] for sentence in document.sentences])
    ours = textrank_scores([sentence_terms(text) for text in texts])
    np.testing.assert_allclose(ours, expected, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_summaries_fit_the_budget_without_repeats(name: str, duc_cluster: list[Article]) -> None:
    summary = BASELINES[name](duc_cluster, 250, None, ())
    assert summary
    assert 150 <= _words(summary) <= 250
    assert len({s.lower() for s in summary}) == len(summary)
    # Every sentence is a sentence of the cluster, in reading order (date, then position).
    order = {s.text: i for i, s in enumerate(cluster_sentences(duc_cluster))}
    positions = [order[s] for s in summary]
    assert positions == sorted(positions)


def test_lead_takes_the_leading_sentences_of_the_most_recent_article(seeds: list[Article]) -> None:
    latest = max(
        (a for a in seeds if a.date), key=lambda a: (a.date or dt.date.min, seeds.index(a))
    )
    summary = lead_summary(seeds, 100)
    leading = [s.text for s in cluster_sentences([latest])]
    assert summary == leading[: len(summary)]
    assert _words(summary) <= 100
    assert _words(summary + leading[len(summary) : len(summary) + 1]) > 100


def test_graph_baselines_prefer_central_sentences_over_an_outlier() -> None:
    troops = [
        Article(id=str(i), text=text)
        for i, text in enumerate(
            [
                "Canada moved troops from Iraq to Kuwait. The weather was mild that week.",
                "Canadian troops were moved from Iraq to Kuwait on Tuesday.",
                "Troops from Canada left Iraq for Kuwait after the strike.",
            ]
        )
    ]
    for name in ("lexrank", "textrank", "centroid"):
        summary = BASELINES[name](troops, 10, None, ())
        assert summary and "weather" not in summary[0], name


def test_centroid_skips_a_syndicated_copy() -> None:
    story = "Canada moved 500 troops from Iraq to Kuwait after the Iranian general was killed."
    other = "The Canadian defence minister said the move was temporary and made for safety."
    articles = [
        Article(id="wire", text=f"{story} {other}"),
        Article(id="reprint", text=f"{story} {other}"),
    ]
    summary = BASELINES["centroid"](articles, 100, None, ())
    assert summary.count(story) == 1


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_bad_clusters_still_get_a_summary_or_nothing_without_crashing(name: str) -> None:
    summarize = BASELINES[name]
    assert summarize([], 100, None, ()) == []
    assert summarize([Article(id="e", text=""), Article(id="w", text="   \n\n ")], 100) == []
    one = [Article(id="1", text="Canada moved troops to Kuwait. It cited safety.")]
    assert summarize(one, 100) == ["Canada moved troops to Kuwait.", "It cited safety."]
    german = [
        Article(
            id="de",
            text="Kanada verlegt Soldaten aus dem Irak nach Kuwait. Die Lage bleibt angespannt.",
        )
    ]
    assert _words(summarize(german, 100)) > 0
    long_article = [
        Article(id="long", text=" ".join(f"Sentence number {i} is here." for i in range(3000)))
    ]
    assert 0 < _words(summarize(long_article, 100)) <= 100
