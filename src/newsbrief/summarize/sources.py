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

Either way, a sentence states a key sentence that gives figures only if it gives one of
them (``stated_numbers``: within the figures' tolerance, "about 500" for "approximately
500"): "more than 500 soldiers since May" shares the words and the meaning of "more than
300 soldiers since Sunday", not its point. One of them, not all: a report that gives the
500 soldiers in Iraq states "about 500 soldiers in Iraq, including about 200 with a NATO
mission" as the editors judged it (tests/fixtures/citations_calibration.jsonl).

In a long story (``LONG_STORY`` reports or more) a sentence that shares with a key sentence
little but what most of the story's reports share (its names: "Lucien Bouchard", "Parti
Quebecois", "Quebec") states another point of the same story, and counts for neither test
(``RARER_SHARE``).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from newsbrief.config import FactsConfig
from newsbrief.embed import embed_texts
from newsbrief.facts.figures import parse_number
from newsbrief.model import Article
from newsbrief.smart_stopwords import SMART_STOPWORDS
from newsbrief.summarize.candidates import article_sentences, content_stems, tidy_sentence
from newsbrief.timexpr import CALENDAR_WORDS, DAY, WEEK, YEAR_DIGITS, find_times
from newsbrief.timexpr import MONTH_PATTERN as _MONTH

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
# In a story of this many reports, the names and words that most of its reports use
# (its people, places, parties) say only which story a sentence is of: a sentence must
# also hold this share of the key sentence's other stems. DUC 2006 D0614E (25 reports on
# Quebec, 1996-2000): the 1996 "Bouchard is expected to become Parti Quebecois leader" was
# cited by four reports of the 1998 election, whose best sentences ("Bouchard and his
# Parti Quebecois are expected to win another term") share 0.43-0.57 of its stems and
# 0.0-0.2 of its rarer ones; the reports that state a key point share 1.0 of them. On the
# calibration pairs of a 25-report story (DUC 2007 D0716D) the "different" pairs share
# 0.05 and 0.15 of their rarer stems, the "same" ones 0.26 to 1.0. Events of five reports
# (the other calibration stories) have almost no rarer stems: the rule stays out of them.
LONG_STORY = 10
RARER_SHARE = 0.23
# The name a key sentence opens with and a comma-set aside that describes someone ("Rep.
# Barney Frank, D-Mass., an acknowledged homosexual and a leading congressional spokesman
# for gay rights, also predicted ..."): their words say who, not what the key sentence
# states. A report of another point by the same person shares them (DUC 2006 D0619A on the
# mix: a July report of Frank's other remark was cited for his August prediction, its
# overlap 0.38 all in his name and description).
# The least share of those other stems a sentence stating the key sentence holds (Frank's
# July sentence: 0.0).
POINT_SHARE = 0.2
_OPENING_NAME = re.compile(r"^\W*(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*")
_ASIDE_BODY = r",\s+(?:(?:a|an|the|who|whose|which)\s[^,;:()]{0,160}|[DRI]-[A-Z][\w.]{1,12})(?=,\s)"
# after a name ("Frank, ..."; not "regulations, the Corps will ...")
_ASIDE = re.compile(rf"(?P<name>[A-Z][\w.'’-]*){_ASIDE_BODY}")
_LEADING_ASIDE = re.compile(rf"^{_ASIDE_BODY}")
# Embedding costs 25-100 ms a sentence on two cores: in the same language, only the
# article's sentence sharing most words is embedded (the values above were measured on
# it), and only if it could pass the supported test.
EMBED_MIN_OVERLAP = SUPPORTING_OVERLAP
EMBED_PER_ARTICLE = 1
# Most sentences embedded of an article in another language.
EMBED_FOREIGN = 40
# A number in digits, with its scale word ("1.5 million"); not part of a word, a code or a
# time ("F-16", "COVID-19", "3:30").
_NUMBER = re.compile(
    r"(?<![\w:/.,-])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d(?:[\d,]*\d)?(?:\.\d+)?)"
    r"(?:\s(?:thousand|million|billion|trillion)\b)?(?![\w:/-]|[.,]\d)"
)
_YEAR_NUMBER = re.compile(YEAR_DIGITS)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s+$")
# Two numbers this close (relative) are one figure: the figures' own tolerance.
_SAME_NUMBER = FactsConfig().relative_tolerance
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
    key_stems = [content_stems(key) for key in key_sentences]
    column = {stem_: c for c, stem_ in enumerate(dict.fromkeys(s for k in key_stems for s in k))}
    key_columns = _incidence([[column[s] for s in stems] for stems in key_stems], len(column)).T
    sizes = np.array([len(stems) for stems in key_stems], dtype=np.float64)
    # The stems outside the key sentences' opening names and asides, for the key sentences
    # that have any (``_point_of``; elsewhere they are all the stems).
    point_stems = [
        content_stems(_point_of(key)) & stems
        for key, stems in zip(key_sentences, key_stems, strict=True)
    ]
    narrowed = np.array(
        [k for k, stems in enumerate(key_stems) if 0 < len(point_stems[k]) < len(stems)], dtype=int
    )
    point_columns = _incidence(
        [[column[s] for s in point_stems[k]] for k in narrowed], len(column)
    ).T
    point_sizes = np.array([len(point_stems[k]) for k in narrowed], dtype=np.float64)
    usable = sizes > 0
    wanted = {k: numbers for k, key in enumerate(key_sentences) if (numbers := figure_numbers(key))}
    matched: list[set[int]] = [set() for _ in key_sentences]
    # (key, article, rank among the article's picks, sentence, its text)
    picked: list[tuple[int, int, int, int, str]] = []
    overlap: dict[tuple[int, int, int], float] = {}
    # Per article, its sentences x the key sentences' stems as one sparse 0/1 matrix: a
    # story's timeline cites over every report (2,960 in one story of 10,000 articles),
    # whose sentences' stems were all held at once (+116 MB) and intersected with every
    # entry one by one (15 of the timeline's 41 CPU s). The matrices (the key sentences'
    # stems only) and the tidied sentences are kept for a second pass: which stems most
    # of the reports use is known only after the last one.
    read: list[tuple[list[str], sparse.csr_matrix]] = []
    reports_using = np.zeros(len(column))
    long_story = len(articles) >= LONG_STORY
    for article in articles:
        sentences = [tidy_sentence(s) for s in article_sentences(article)]
        stems_in = [[column[s] for s in content_stems(t) if s in column] for t in sentences]
        if long_story:
            reports_using[list({c for stems in stems_in for c in stems})] += 1
        read.append((sentences, _incidence(stems_in, len(column))))
    rare_columns = _rarer_stems(key_columns, reports_using, len(articles))
    rare_sizes = np.asarray(rare_columns.sum(axis=0)).ravel()
    for a, (article, (sentences, incidence)) in enumerate(zip(articles, read, strict=True)):
        if not sentences:
            continue
        # share[i, k]: the part of key sentence k's content stems that sentence i holds;
        # none when it holds almost nothing but the key sentence's names and asides.
        share = (incidence @ key_columns).toarray() / np.maximum(sizes, 1.0)
        if len(narrowed):
            point_share = (incidence @ point_columns).toarray() / point_sizes
            share[:, narrowed] = np.where(point_share < POINT_SHARE, 0.0, share[:, narrowed])
        # Sentences that share with a key sentence little but a long story's own names.
        names_only = np.zeros(share.shape, dtype=bool)
        if rare_sizes.any():
            rare = (incidence @ rare_columns).toarray() / np.maximum(rare_sizes, 1.0)
            names_only = (rare < RARER_SHARE) & (rare_sizes > 0)
        # Each sentence's numbers, read once for every key sentence that gives figures.
        given = [figure_numbers(sentence) for sentence in sentences] if wanted else []
        for k, numbers in wanted.items():
            for i, sentence_numbers in enumerate(given):
                if share[i, k] > 0 and not _gives_one_of(numbers, sentence_numbers):
                    share[i, k] = 0.0  # another figure: not this statement
        lexical = usable & (np.where(names_only, 0.0, share).max(axis=0) >= LEXICAL_MATCH)
        for k in map(int, np.flatnonzero(lexical)):
            matched[k].add(a)
        rest = usable & ~lexical
        if language and article.language and article.language != language:
            picks = range(min(len(sentences), EMBED_FOREIGN))
            picked += [
                (k, a, i, i, sentences[i])
                for k in map(int, np.flatnonzero(rest))
                for i in picks
                if k not in wanted or _gives_one_of(wanted[k], given[i])
            ]
            continue
        # The sentences sharing most stems (ties: the earlier), if they could pass; not
        # the next best when the best shares only names (it was the article's nearest).
        ranked = np.argsort(-share, axis=0, kind="stable")[:EMBED_PER_ARTICLE]
        for rank, rows in enumerate(ranked):
            shares = share[rows, np.arange(len(key_stems))]
            for k in map(int, np.flatnonzero(rest & (shares >= EMBED_MIN_OVERLAP))):
                i = int(rows[k])
                if names_only[i, k]:
                    continue
                picked.append((k, a, rank, i, sentences[i]))
                overlap[(k, a, i)] = float(shares[k])
    # In the order of key sentence, article and rank (ties below keep it).
    to_embed = {(k, a, i): text for k, a, _, i, text in sorted(picked)}
    if len(to_embed) > EMBED_PER_EVENT:
        # Other-language sentences share no words: they keep their place (capped above).
        kept = sorted(to_embed, key=lambda pair: -overlap.get(pair, 1.0))[:EMBED_PER_EVENT]
        to_embed = {pair: to_embed[pair] for pair in kept}
    if to_embed:
        for (k, a, i), similarity in _similarities(key_sentences, key_vectors, to_embed).items():
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


def could_report(published: dt.date | None, happened: dt.date) -> bool:
    """Whether a report published on ``published`` (None: undated) can tell of what
    happened on ``happened``: not one filed before it, a day's leeway for time zones."""
    return published is None or published >= happened - dt.timedelta(days=1)


def happened_on(sentence: str, reported: dt.date | None) -> dt.date | None:
    """The latest past day or week a sentence dates what it tells, read against its own
    report's day; None when it names none (a month or a year is too coarse to rule out an
    earlier report)."""
    days = [
        m.value
        for m in find_times(sentence, reported)
        if m.value is not None and not m.future and m.precision in (DAY, WEEK)
    ]
    return max(days, default=None)


def _rarer_stems(
    key_columns: sparse.csr_matrix, reports_using: np.ndarray, reports: int
) -> sparse.csr_matrix:
    """Return ``key_columns`` with only the stems that fewer than half of a long story's
    reports use (none in a shorter event: every stem of its point is in most reports)."""
    if reports < LONG_STORY:
        return sparse.csr_matrix(key_columns.shape, dtype=key_columns.dtype)
    rarer = sparse.diags((reports_using < reports / 2).astype(np.int32), dtype=np.int32)
    return (rarer @ key_columns).tocsr()


def _incidence(rows: Sequence[Sequence[int]], width: int) -> sparse.csr_matrix:
    """Return the 0/1 matrix of ``len(rows)`` x ``width`` with a 1 at each column a row lists."""
    return sparse.csr_matrix(
        (
            np.ones(sum(map(len, rows)), dtype=np.int32),
            [c for row in rows for c in row],
            np.cumsum([0, *map(len, rows)]),
        ),
        shape=(len(rows), width),
    )


def _similarities(
    key_sentences: Sequence[str],
    key_vectors: np.ndarray | None,
    to_embed: dict[tuple[int, int, int], str],
) -> dict[tuple[int, int, int], float]:
    """Return the cosine of each (key sentence, article, sentence) to embed; without
    ``key_vectors``, the key sentences that have a sentence to compare are embedded with
    those sentences, in one call (a timeline's entries: most need none)."""
    texts = list(dict.fromkeys(to_embed.values()))
    row = {text: i for i, text in enumerate(texts)}
    if key_vectors is None:
        keys = sorted({k for k, _, _ in to_embed})
        vectors = embed_texts([key_sentences[k] for k in keys] + texts)
        key_rows = dict(zip(keys, vectors[: len(keys)], strict=True))
        vectors = vectors[len(keys) :]
    else:
        key_rows = dict(enumerate(key_vectors))
        vectors = embed_texts(texts)
    return {
        (k, a, i): float(np.dot(key_rows[k], vectors[row[text]]))
        for (k, a, i), text in to_embed.items()
    }


def _point_of(key: str) -> str:
    """A key sentence without its asides, and without the name it opens with when an aside
    describes that name ("Canada has about 500 soldiers": the name is the point)."""
    opening = _OPENING_NAME.match(key)
    if (
        opening
        and _is_name(opening.group().split()[0])
        and (aside := _ASIDE.match(key, opening.start() + opening.group().rfind(" ") + 1))
        and _is_name(aside["name"])
    ):
        key = key[opening.end() :]
        while aside := _LEADING_ASIDE.match(key):  # "Frank, D-Mass., an acknowledged ...,"
            key = key[aside.end() :]
    for _ in range(4):  # one aside after another ("Frank, D-Mass., an acknowledged ...,")
        shorter = _ASIDE.sub(lambda m: m["name"] if _is_name(m["name"]) else m.group(), key)
        if shorter == key:
            break
        key = shorter
    return key


def _is_name(word: str) -> bool:
    """Whether a capitalised word may name someone: not "In", "The" nor "February" ("In
    February, a quake measuring 6.4 ... hit Zarand": no aside)."""
    folded = word.strip("\"“'‘(").lower()
    return folded not in SMART_STOPWORDS and folded not in CALENDAR_WORDS


def figure_numbers(sentence: str) -> list[float]:
    """Return the values of the numbers a sentence states as figures: digits with their
    scale word, not years or days of a month (a report dates an event its own way)."""
    numbers = []
    for match in _NUMBER.finditer(sentence):
        text = match.group()
        if _YEAR_NUMBER.fullmatch(text) or _MONTH_BEFORE.search(sentence, 0, match.start()):
            continue
        value = parse_number(text)
        if value is not None:
            numbers.append(value)
    return numbers


def stated_numbers(wanted: Sequence[float], sentence: str) -> bool:
    """Whether ``sentence`` gives a number of ``wanted`` (within ``_SAME_NUMBER``), or
    ``wanted`` is empty."""
    return not wanted or _gives_one_of(wanted, figure_numbers(sentence))


def _gives_one_of(wanted: Sequence[float], given: Sequence[float]) -> bool:
    """Whether a number of ``given`` is one of ``wanted`` (within ``_SAME_NUMBER``)."""
    return any(
        abs(value - number) <= _SAME_NUMBER * max(value, number)
        for value in wanted
        for number in given
    )
