"""The summary part of a brief: a headline and key sentences with all their sources.

``summarize_event`` runs the multi-document summarizer over the event's original
articles (copies only add sources), keeps its best ``key_sentences`` sentences that do
not restate a better one, in reading order, and lists for each one every article that
reports the same information (``sources.py``). The headline is the best opening
sentence, compressed (``headline.py``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections import Counter
from collections.abc import Sequence

import numpy as np

from newsbrief.clean.boilerplate import SENTENCE_END
from newsbrief.config import SummaryConfig
from newsbrief.embed import embed_texts
from newsbrief.model import (
    LEAD_SENTENCES,
    NEWS_CYCLE_DAYS,
    Article,
    Event,
    KeySentence,
    Summary,
    is_english,
)
from newsbrief.summarize.candidates import (
    Candidate,
    article_sentences,
    asks_or_trails_off,
    is_boilerplate,
    is_caption,
    title_as_written,
)
from newsbrief.summarize.headline import choose_headline, compress_headline, shorten
from newsbrief.summarize.keypoints import key_point_parses, key_point_problem, order_news_first
from newsbrief.summarize.multidoc import (
    WeightedCandidates,
    news_reports,
    order_for_reading,
    rank_candidates,
    selectable_articles,
    weigh_candidates,
    weighed_as_one_text,
)
from newsbrief.summarize.parsing import parse_ahead
from newsbrief.summarize.sources import (
    SEMANTIC_MATCH,
    attribute_sources,
    could_report,
    happened_on,
)

log = logging.getLogger(__name__)

# Words allowed per key sentence when selecting them (news sentences average ~25 words).
WORDS_PER_KEY_SENTENCE = 35
# Extra ranked sentences embedded to replace key sentences that restate a better one.
PARAPHRASE_SPARES = 3
# A story whose reports span more than this many days dates each key point by its first
# report: DUC 2007 D0743J's year of coverage had "relief workers ... Friday pleaded" with
# no week, and "the quake hit Izmit ... at 11:11 local time" from a report of an
# aftershock two weeks on, read as the main quake's.
DATED_KEY_POINTS_DAYS = NEWS_CYCLE_DAYS


# How a headline cut at the word limit ends (``_fallback_headline``): our mark, not a
# teaser's trailing off.
CUT_MARK = " …"


def summarize_event(event: Event, config: SummaryConfig) -> Summary:
    """Return the event's headline and key sentences, each with every reporting article.

    An event without usable text gets its first article title as headline (or "") and no
    key sentences; the reason is logged, nothing is raised.
    """
    originals = quotable_articles(event.articles)
    if not originals:
        log.info("event %s: no article with text, no summary", event.id)
        headline, written_from = _fallback_headline(event.articles, [], 0)
        return Summary(headline, key_sentences=(), headline_article=written_from)
    language = _language(originals)
    weighted, ranked, shared = event_weights(originals, config)
    # Spares replace paraphrases, which only several reports have (below).
    wanted = config.key_sentences + (PARAPHRASE_SPARES if len(originals) > 1 else 0)
    # The key points' checks parse their first candidates: parsed with the headline's.
    upcoming = key_point_parses([c.text for c in ranked[:wanted]]) if is_english(language) else []
    headline, index = _choose_headline(originals, weighted, language, config, upcoming)
    written_from = None if index is None else originals[index].id
    if is_english(language):
        ranked = _fitting(ranked, originals, headline, event.id, wanted)
    key_vectors: np.ndarray | None = None
    if len(originals) > 1:
        kept, vectors = drop_paraphrases(ranked, config.key_sentences, headline)
        chosen = order_for_reading(kept, originals)
        key_vectors = vectors[[kept.index(candidate) for candidate in chosen]]
    else:
        # One report (and its copies): concept coverage already keeps its sentences from
        # repeating each other, and embedding them would be most of a large run's time.
        # Its headline's own sentence is no key point (English: ``_fitting``; any other
        # language, when written as the headline: a French page's one sentence was both).
        said = " ".join(headline.split()).casefold()
        ranked = [c for c in ranked if " ".join(c.text.split()).casefold() != said]
        chosen = order_for_reading(ranked[: config.key_sentences], originals)
    news_first = order_news_first([candidate.text for candidate in chosen])
    chosen = [chosen[i] for i in news_first]
    if key_vectors is not None:
        key_vectors = key_vectors[news_first]
    if not headline:
        # From the key points the shared concepts ranked, not those a thin ranking was
        # topped up with (``event_weights``), when there are any.
        from_shared = [candidate for candidate in chosen if candidate in shared] or chosen
        headline, written_from = _fallback_headline(
            event.articles, from_shared, config.headline_max_words, originals
        )
        if from_shared and _titled(event.articles) is None:
            # The headline is the first of these key points, which then says it twice
            # (the mix: "Inmates in the far southern gulags miss out on everything." as
            # a lone report's headline and its one key point).
            rest = [i for i, candidate in enumerate(chosen) if candidate is not from_shared[0]]
            chosen = [chosen[i] for i in rest]
            if key_vectors is not None:
                key_vectors = key_vectors[rest]
    if not chosen:
        log.info("event %s: no readable sentence for key sentences", event.id)
    texts = [candidate.text for candidate in chosen]
    found = attribute_sources(texts, event.articles, language, key_vectors)
    order = {article.id: i for i, article in enumerate(event.articles)}
    published = {a.id: a.date for a in event.articles if a.date is not None}
    days = published.values()
    dated = bool(days) and (max(days) - min(days)).days > DATED_KEY_POINTS_DAYS
    key_sentences: list[KeySentence] = []
    for candidate, sources in zip(chosen, found, strict=True):
        # A syndicated copy is cited where its own text states the point, as any report
        # (``attribute_sources`` reads copies too): an edited reprint may cut it (the
        # 2,000-article mix: WCEP's train-692, a shortened AP story, was cited for the
        # original's last paragraphs).
        own = originals[candidate.article_index]
        # A report filed before the day the point names cannot state it: "Judge Dorothy
        # Robinson made the Gingriches' divorce final ... which they signed early this
        # week" (April 2000) had been cited to, and dated by, an October 1999 report. Its
        # own report is cited whatever the day: the sentence is read only when another is.
        cited_elsewhere = any(i != own.id for i in sources)
        happened = happened_on(candidate.text, own.date) if cited_elsewhere else None
        if happened is not None:
            sources = tuple(i for i in sources if could_report(published.get(i), happened))
        ids = set(sources) | {own.id}
        # The first report's day is known only when every report of the point is dated: an
        # undated one may be the first (ECB+'s older reports carry no stamp).
        first = min((published[i] for i in ids), default=None) if ids <= published.keys() else None
        key_sentences.append(
            KeySentence(
                candidate.text,
                tuple(sorted(ids, key=lambda i: order.get(i, 0))),
                reported=first if dated else None,
            )
        )
    return Summary(headline, tuple(key_sentences), headline_article=written_from)


def nothing_to_show(event: Event, summary: Summary) -> str | None:
    """Why a one-report event's brief would show nothing a reader can use, or None.

    A page with no title and no sentence fit to be a key point gets its first sentence
    as headline (``_fallback_headline``). When that is a photo caption, a question or
    teaser (captions run together: "Air France CEO makes a statement to the press about
    the aviation catastrophe Did you read them, or use them for a sun hat?", a Guardian
    video index of the 2,000-article mix), the page is no article and is reported, not
    briefed. A run-on article with no sentence ends still is, whatever its opening words:
    its names and figures are news. Nor is one whose first sentence is a service note or
    page furniture (``candidates.is_boilerplate``).
    """
    if summary.key_sentences or len(event.originals) != 1:
        return None
    if any(article.title and article.title.strip() for article in event.articles):
        return None
    headline = summary.headline
    if is_caption(headline):
        return "no sentence fit to show: its text is a photo caption"
    if asks_or_trails_off(headline.removesuffix(CUT_MARK)):
        return "no sentence fit to show: its text opens on a question or a teaser"
    if is_boilerplate(headline) and any(
        SENTENCE_END.search(article.text) for article in event.originals
    ):
        # "BIGBOOKS (undated) Anne Stephenson's reviews of big books ...": a wire budget
        # (DUC 2006 on the mix), a page's notes to its readers; not a run-on text's
        # opening words ("date 2020-01-07 advertisement The Canadian Armed Forces ...")
        return "no sentence fit to show: its text is a service note or page furniture"
    return None


def quotable_articles(articles: Sequence[Article]) -> list[Article]:
    """Return the originals whose sentences may be shown, oldest first: news reports, not
    opinion pieces (``news_reports``).

    When any report is in English the brief is written in English: reports in other
    languages are still cited as sources (``sources.py`` matches across languages), but
    not quoted. Articles of unknown language count as English.
    """
    originals = sorted(
        news_reports(selectable_articles(articles)),
        key=lambda a: a.date.isoformat() if a.date else "",
    )
    english = [a for a in originals if a.in_english]
    if any(a.language == "en" for a in english):
        return english
    return originals


def _language(articles: Sequence[Article]) -> str | None:
    languages = Counter(a.language for a in articles if a.language)
    return languages.most_common(1)[0][0] if languages else None


def _fitting(
    ranked: Sequence[Candidate],
    originals: Sequence[Article],
    headline: str,
    event_id: str,
    wanted: int,
) -> list[Candidate]:
    """Return the first ``wanted`` ranked candidates that may be key points.

    Checked lazily (each check parses): only the first ``wanted`` that fit are used, so the
    rest of the ranking is never parsed; each round parses, in one batch, as many
    candidates as are still wanted (spaCy's cost per call is most of a sentence's).
    """
    fit: list[Candidate] = []
    position = 0
    latest = max((a.date for a in originals if a.date), default=None)
    while len(fit) < wanted and position < len(ranked):
        batch = ranked[position : position + wanted - len(fit)]
        position += len(batch)
        parse_ahead(key_point_parses([candidate.text for candidate in batch]))
        fit += [
            c
            for c in batch
            if _fit_as_key_point(
                c.text, headline, event_id, originals[c.article_index].date, latest
            )
        ]
    return fit


def _fit_as_key_point(
    text: str,
    headline: str,
    event_id: str,
    reported: dt.date | None = None,
    latest: dt.date | None = None,
) -> bool:
    problem = key_point_problem(text, headline, reported, latest)
    if problem:
        log.debug("event %s: not a key point (%s): %s", event_id, problem, text)
    return problem is None


def event_weights(
    originals: Sequence[Article], config: SummaryConfig
) -> tuple[WeightedCandidates, list[Candidate], set[Candidate]]:
    """The candidates and concept weights of an event's reports (concepts that several
    reports share: ``weigh_candidates``), the key-point candidates ranked, and those of
    them the shared weights ranked. When those rank no more candidates than there are key
    points, the ranking is topped up with the reports' sentences that hold a shared
    concept weighed as one text's: a long live page and a two-sentence follow-up share a
    handful of concepts, which one sentence covers, and the brief had no key point (WCEP's
    Karachi consulate attack). The headline keeps the shared weights: with the pooled ones
    WCEP's headlines lost ROUGE-1 0.2973 -> 0.2938."""
    budget = 2 * config.key_sentences * WORDS_PER_KEY_SENTENCE
    key_config = dataclasses.replace(config, cost_power=config.key_sentence_cost_power)
    weighted = weigh_candidates(originals, config=config)
    ranked = rank_candidates(originals, budget, config=key_config, weighted=weighted)
    shared = set(ranked)
    if len(originals) > 1 and len(ranked) <= config.key_sentences:
        log.debug("reports share too few concepts: their sentences weighed as one text's")
        pooled = weighed_as_one_text(originals, weighted, config)
        topped = rank_candidates(originals, budget, config=key_config, weighted=pooled)
        ranked += [candidate for candidate in topped if candidate not in shared]
    return weighted, ranked, shared


def write_headline(articles: Sequence[Article], config: SummaryConfig) -> str:
    """Return the headline ``summarize_event`` gives these articles, without key sentences."""
    originals = quotable_articles(articles)
    weighted = weigh_candidates(originals, config=config)
    headline, _ = _choose_headline(originals, weighted, _language(originals), config)
    return headline or _fallback_headline(articles, [], config.headline_max_words)[0]


def _choose_headline(
    originals: Sequence[Article],
    weighted: WeightedCandidates,
    language: str | None,
    config: SummaryConfig,
    parse_too: Sequence[str] = (),
) -> tuple[str, int | None]:
    """The headline of ``summarize_event`` and ``write_headline`` (empty when none fits)
    and the index in ``originals`` of the report it is written from; ``parse_too``: texts
    the caller parses next (``choose_headline``)."""
    english = is_english(language)
    return choose_headline(
        weighted.candidates,
        weighted.weights,
        config.headline_max_words,
        english=english,
        titles=[a.title for a in originals if a.title],
        leads=[
            " ".join([a.title or "", *article_sentences(a)[:LEAD_SENTENCES]]) for a in originals
        ],
        parse_too=parse_too,
    )


def drop_paraphrases(
    ranked: Sequence[Candidate], limit: int, headline: str = ""
) -> tuple[list[Candidate], np.ndarray]:
    """Return up to ``limit`` of ``ranked`` that restate no better one, and their embeddings.

    Concept coverage misses paraphrases ("Canadian Armed Forces are leaving Iraq" and
    "the Canadian military is relocating some soldiers from Iraq"); embeddings catch them.
    A sentence that restates the ``headline`` is dropped too: the reader has just read it.
    """
    pool = list(ranked[: limit + PARAPHRASE_SPARES])
    vectors = embed_texts([candidate.text for candidate in pool] + ([headline] if headline else []))
    said = [vectors[len(pool)]] if headline else []
    kept: list[int] = []
    for i in range(len(pool)):
        if all(float(np.dot(vectors[i], other)) < SEMANTIC_MATCH for other in said):
            kept.append(i)
            said.append(vectors[i])
        if len(kept) == limit:
            break
    return [pool[i] for i in kept], vectors[kept]


def _titled(articles: Sequence[Article]) -> Article | None:
    """The first article with a title, which ``_fallback_headline`` heads a brief with."""
    return next((a for a in articles if a.title and a.title.strip()), None)


def _fallback_headline(
    articles: Sequence[Article],
    chosen: Sequence[Candidate],
    max_words: int,
    originals: Sequence[Article] = (),
) -> tuple[str, str | None]:
    """Return a headline when no opening sentence fits: a title, else a cut key sentence
    (of ``originals``), else the first sentence of the reports (never no headline at all);
    and the id of the article it is written from."""
    titled = _titled(articles)
    if titled is not None:
        written = title_as_written((titled.title or "").strip(), titled.text)
        title = compress_headline(written, title=True)
        return title, titled.id
    firsts = [(c.text, originals[c.article_index].id) for c in chosen] or [
        (a.sentences[0], a.id) for a in articles if a.sentences
    ]
    if not firsts or max_words <= 0:
        return "", None
    first, written_from = firsts[0]
    headline = compress_headline(first)
    words = headline.split()
    if len(words) <= max_words:
        return " ".join(words), written_from
    # End at the last clause boundary inside the limit that leaves a news sentence, else
    # at the limit, marked as cut: a clause cut at its comma may be a subordinate one
    # standing alone ("When scores of the state's ... politicos show up in Columbus last
    # month to schmooze at the annual ... conference.", a DUC 2006 feature's lede).
    shortened = shorten(headline, max_words)
    if shortened != headline:
        return shortened, written_from
    return " ".join(words[:max_words]).rstrip(",;: ") + CUT_MARK, written_from
