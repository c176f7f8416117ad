"""The baselines every summarization result is printed beside: lead, LexRank, TextRank, centroid.

All four follow the ``Summarizer`` protocol (``summarize/base.py``) and are generic: they
ignore ``query`` and ``read_before``, as the published baselines did. Each one ranks the
sentences of the cluster, then ``_fill_budget`` takes them best first, skipping repeats and
sentences that no longer fit, and returns them in reading order (article date, then
position).

- ``lead``: NIST's DUC baseline: the leading sentences of the most recent article.
- ``lexrank``: Erkan and Radev (2004), thresholded idf-modified cosine, power method; the same
  formulas as sumy's ``LexRankSummarizer`` (``tests/test_baselines.py`` checks the ranking
  against sumy), vectorised so that a 25-article cluster takes well under a second.
- ``textrank``: Mihalcea and Tarau (2004) sentence graph (word overlap / sum of log lengths,
  damping 0.85), as sumy's ``TextRankSummarizer``, vectorised.
- ``centroid``: Radev et al. (2004) style: tf-idf centroid of the articles, sentences ranked
  by cosine to it, a sentence too similar to one already chosen is skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from nltk.stem.snowball import SnowballStemmer
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from newsbrief.clean import split_sentences
from newsbrief.cluster.features import count_matrix
from newsbrief.english_stopwords import ENGLISH_STOP_WORDS
from newsbrief.model import Article
from newsbrief.summarize.base import Summarizer

_WORD = re.compile(r"\w+")
_STEMMER = SnowballStemmer("english")
STOP_WORDS = ENGLISH_STOP_WORDS
# sumy's defaults for the two graph methods (not tuned here).
LEXRANK_THRESHOLD = 0.1
LEXRANK_EPSILON = 0.1
TEXTRANK_DAMPING = 0.85
TEXTRANK_EPSILON = 1e-4
# Centroid: a sentence whose tf-idf cosine to a chosen one exceeds this is a repeat. A common
# default of centroid summarizers (not tuned on DUC).
CENTROID_MAX_SIMILARITY = 0.6
# Only an article's first sentences are ranked, so that one book-length article cannot make
# the sentence graph (n x n) too big; DUC articles have at most ~120 sentences.
MAX_SENTENCES_PER_ARTICLE = 300


@dataclass(frozen=True)
class ClusterSentence:
    """One sentence of the cluster and where it stands in reading order."""

    text: str
    article_index: int
    position: int
    words: int


def cluster_sentences(articles: Sequence[Article]) -> list[ClusterSentence]:
    """Return the sentences of the articles in reading order: article date, then position.

    At most ``MAX_SENTENCES_PER_ARTICLE`` per article.
    """
    order = sorted(range(len(articles)), key=lambda i: (articles[i].date or dt.date.min, i))
    sentences: list[ClusterSentence] = []
    for article_index in order:
        article = articles[article_index]
        texts = article.sentences or tuple(split_sentences(article.text or ""))
        for position, text in enumerate(texts[:MAX_SENTENCES_PER_ARTICLE]):
            text = " ".join(text.split())
            if text:
                sentences.append(ClusterSentence(text, article_index, position, len(text.split())))
    return sentences


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    return str(_STEMMER.stem(word))


def sentence_terms(text: str) -> list[str]:
    """Return the lowercased, stemmed words of ``text``, stopwords removed."""
    words = (word.lower() for word in _WORD.findall(text))
    return [_stem(word) for word in words if word not in STOP_WORDS]


def _fill_budget(
    sentences: Sequence[ClusterSentence],
    ranking: Sequence[int],
    budget_words: int,
    is_redundant: Callable[[int, list[int]], bool] | None = None,
) -> list[str]:
    """Take sentences best first while they fit; return them in reading order."""
    chosen: list[int] = []
    seen: set[str] = set()
    used = 0
    for index in ranking:
        sentence = sentences[index]
        key = sentence.text.lower()
        if key in seen or used + sentence.words > budget_words:
            continue
        if is_redundant is not None and is_redundant(index, chosen):
            continue
        chosen.append(index)
        seen.add(key)
        used += sentence.words
        if used >= budget_words:
            break
    return [sentences[index].text for index in sorted(chosen)]


def lexrank_scores(term_lists: Sequence[list[str]]) -> np.ndarray:
    """Return LexRank centrality per sentence, as sumy's ``LexRankSummarizer`` computes it."""
    n = len(term_lists)
    counts = count_matrix(term_lists)
    max_tf = counts.max(axis=1).toarray().ravel()
    tf = sparse.diags(1.0 / np.where(max_tf > 0, max_tf, 1.0)) @ counts
    document_frequency = np.asarray((counts > 0).sum(axis=0)).ravel()
    idf = np.log(n / (1.0 + document_frequency))
    weighted = (tf @ sparse.diags(idf)).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    unit = sparse.diags(np.where(norms > 0, 1.0 / np.where(norms > 0, norms, 1.0), 0.0)) @ weighted
    cosine = (unit @ unit.T).toarray()
    adjacency = (cosine > LEXRANK_THRESHOLD).astype(float)
    degrees = adjacency.sum(axis=1)
    matrix = adjacency / np.where(degrees > 0, degrees, 1.0)[:, None]
    scores = np.full(n, 1.0 / n)
    change = 1.0
    while change > LEXRANK_EPSILON:
        following = matrix.T @ scores
        following /= np.linalg.norm(following) or 1.0
        change = float(np.linalg.norm(following - scores))
        scores = following
    return scores


def textrank_scores(term_lists: Sequence[list[str]]) -> np.ndarray:
    """Return TextRank scores per sentence, as sumy's ``TextRankSummarizer`` computes them."""
    n = len(term_lists)
    counts = count_matrix(term_lists)
    overlap = (counts @ counts.T).toarray()
    lengths = np.array([len(terms) for terms in term_lists], dtype=float)
    log_lengths = np.log(np.where(lengths > 0, lengths, 1.0))
    norm = log_lengths[:, None] + log_lengths[None, :]
    # Two one-word sentences have norm 0: sumy then uses the raw overlap (0 or 1).
    weights = np.where(np.isclose(norm, 0.0), overlap, overlap / np.where(norm == 0, 1.0, norm))
    weights = np.where(overlap == 0, 0.0, weights)
    weights /= weights.sum(axis=1)[:, None] + 1e-7
    matrix = np.full((n, n), (1.0 - TEXTRANK_DAMPING) / n) + TEXTRANK_DAMPING * weights
    scores = np.full(n, 1.0 / n)
    change = 1.0
    while change > TEXTRANK_EPSILON:
        following = matrix.T @ scores
        change = float(np.linalg.norm(following - scores))
        scores = following
    return scores


def _rank(scores: np.ndarray) -> list[int]:
    """Return indexes best first; ties keep reading order."""
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))


def lead_summary(
    articles: Sequence[Article],
    budget_words: int,
    query: str | None = None,
    read_before: Sequence[Article] = (),
) -> list[str]:
    """Return the leading sentences of the most recent article that fit in ``budget_words``."""
    dated = [i for i, article in enumerate(articles) if (article.text or "").strip()]
    if not dated:
        return []
    latest = max(dated, key=lambda i: (articles[i].date or dt.date.min, i))
    summary: list[str] = []
    used = 0
    for sentence in cluster_sentences([articles[latest]]):
        if used + sentence.words > budget_words:
            break
        summary.append(sentence.text)
        used += sentence.words
    return summary


def _graph_summary(
    articles: Sequence[Article],
    budget_words: int,
    score: Callable[[Sequence[list[str]]], np.ndarray],
) -> list[str]:
    sentences = cluster_sentences(articles)
    if not sentences:
        return []
    scores = score([sentence_terms(s.text) for s in sentences])
    return _fill_budget(sentences, _rank(scores), budget_words)


def lexrank_summary(
    articles: Sequence[Article],
    budget_words: int,
    query: str | None = None,
    read_before: Sequence[Article] = (),
) -> list[str]:
    """Return the most central sentences by LexRank within ``budget_words``."""
    return _graph_summary(articles, budget_words, lexrank_scores)


def textrank_summary(
    articles: Sequence[Article],
    budget_words: int,
    query: str | None = None,
    read_before: Sequence[Article] = (),
) -> list[str]:
    """Return the best sentences by TextRank within ``budget_words``."""
    return _graph_summary(articles, budget_words, textrank_scores)


def centroid_summary(
    articles: Sequence[Article],
    budget_words: int,
    query: str | None = None,
    read_before: Sequence[Article] = (),
) -> list[str]:
    """Return the sentences closest to the cluster's tf-idf centroid, without repeats."""
    sentences = cluster_sentences(articles)
    documents = [article.text for article in articles if (article.text or "").strip()]
    if not sentences or not documents:
        return []
    vectorizer = TfidfVectorizer(tokenizer=sentence_terms, lowercase=False, token_pattern=None)
    try:
        vectorizer.fit(documents)
    except ValueError:  # no term survives (only stopwords or punctuation)
        return _fill_budget(sentences, list(range(len(sentences))), budget_words)
    centroid = np.asarray(vectorizer.transform(documents).mean(axis=0)).ravel()
    centroid /= np.linalg.norm(centroid) or 1.0
    vectors = vectorizer.transform([s.text for s in sentences])  # rows are l2-normalised
    scores = vectors @ centroid

    def is_redundant(index: int, chosen: list[int]) -> bool:
        if not chosen:
            return False
        similarity = (vectors[chosen] @ vectors[index].T).toarray()
        return bool(similarity.max() > CENTROID_MAX_SIMILARITY)

    return _fill_budget(sentences, _rank(scores), budget_words, is_redundant)


BASELINES: dict[str, Summarizer] = {
    "lead": lead_summary,
    "lexrank": lexrank_summary,
    "textrank": textrank_summary,
    "centroid": centroid_summary,
}
