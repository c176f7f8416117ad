"""Multi-document extractive summarization: the steps listed in ``newsbrief.summarize``."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsbrief.config import SummaryConfig
from newsbrief.model import Article
from newsbrief.summarize.candidates import Candidate, article_sentences, candidate_sentences
from newsbrief.summarize.concepts import Concept, concept_weights, sentence_concepts
from newsbrief.summarize.select import select_sentences

log = logging.getLogger(__name__)


def summarize_cluster(
    articles: Sequence[Article],
    budget_words: int,
    query: str | None = None,
    read_before: Sequence[Article] = (),
    config: SummaryConfig | None = None,
) -> list[str]:
    """Return the summary's sentences, in reading order, within ``budget_words`` words.

    Args:
        articles: the cluster; copies (``copy_of`` set) are not used for selection.
        budget_words: the most words the summary may have.
        query: a topic statement (DUC); its words raise the weight of matching concepts.
        read_before: articles the reader already knows: their concepts count less.
        config: the summarizer's settings (defaults when None).

    Returns:
        Sentences, possibly fewer (or none) when the articles hold no readable sentence.
    """
    config = config or SummaryConfig()
    originals = selectable_articles(articles)
    chosen = rank_candidates(originals, budget_words, query, read_before, config)
    return [candidate.text for candidate in order_for_reading(chosen, originals)]


@dataclass(frozen=True)
class WeightedCandidates:
    """The readable sentences of a cluster, their concepts, and every concept's weight."""

    candidates: list[Candidate]
    concepts: list[set[Concept]]  # the weighted concepts of each candidate
    weights: dict[Concept, float]


def selectable_articles(articles: Sequence[Article]) -> list[Article]:
    """Return the articles with text that are not copies (all with text if all are copies).

    A copy would count its original's concepts twice; but when the original is not in the
    cluster, the copies are all there is.
    """
    with_text = [a for a in articles if a.text.strip()]
    return [a for a in with_text if a.copy_of is None] or with_text


# An opinion piece says so in its title ("EDITORIAL: A STIFF AND PROPER SENTENCE",
# "Column: Dodgers return ..."), its address (/opinion/, the Guardian's /commentisfree/) or
# its first line ("The New York Times said in an editorial for Thursday, Nov. 4:", the NYT
# wire's editorials): 19 of the 4,857 articles of the speed mix, all opinion.
_OPINION_TITLE = re.compile(
    r"^\s*(?:editorial|commentary|column|opinion|op-ed)\s*[:|]", re.IGNORECASE
)
_OPINION_URL = re.compile(
    r"/(?:opinions?|editorials?|commentisfree|op-?eds?|columnists?)/", re.IGNORECASE
)
_OPINION_LEAD = re.compile(r"^[^\n.]{0,80}\bsaid in an? (?:\w+ )?editorial\b[^\n.]{0,60}:")


def is_opinion(article: Article) -> bool:
    """Whether the article is an opinion piece (an editorial, a column, an op-ed)."""
    return bool(
        _OPINION_TITLE.match(article.title or "")
        or _OPINION_URL.search(article.url or "")
        or _OPINION_LEAD.match(article.text.lstrip()[:200])
    )


def news_reports(articles: Sequence[Article]) -> list[Article]:
    """The articles that are not opinion pieces (all of them when every one is): a brief
    states what the reports say, and an editorial's sentences are its writer's view
    ("... shocked Americans by lifting homophobia to a new level of savagery") told as
    fact. An opinion piece is still cited where it states a key point."""
    return [a for a in articles if not is_opinion(a)] or list(articles)


def weigh_candidates(
    articles: Sequence[Article],
    query: str | None = None,
    read_before: Sequence[Article] = (),
    config: SummaryConfig | None = None,
) -> WeightedCandidates:
    """Return the candidate sentences of ``articles`` (originals only) and concept weights."""
    config = config or SummaryConfig()
    documents = [article_sentences(article) for article in articles]
    known = [article_sentences(article) for article in read_before if article.text.strip()]
    weights = concept_weights(documents, config, query, known)
    candidates = candidate_sentences(articles)
    concepts = [sentence_concepts(c.stems) & weights.keys() for c in candidates]
    return WeightedCandidates(candidates, concepts, weights)


def weighed_as_one_text(
    articles: Sequence[Article], weighted: WeightedCandidates, config: SummaryConfig
) -> WeightedCandidates:
    """``weighted``'s candidates that hold one of its concepts (those the articles share:
    the others are what a report tells besides the event, a digest's other items or a
    page's comments), weighed as the sentences of one document (by repetition), not by
    how many articles share a concept."""
    document = [sentence for article in articles for sentence in article_sentences(article)]
    weights = concept_weights([document], config)
    kept = [
        candidate
        for candidate, found in zip(weighted.candidates, weighted.concepts, strict=True)
        if found
    ]
    concepts = [sentence_concepts(candidate.stems) & weights.keys() for candidate in kept]
    return WeightedCandidates(kept, concepts, weights)


def rank_candidates(
    articles: Sequence[Article],
    budget_words: int,
    query: str | None = None,
    read_before: Sequence[Article] = (),
    config: SummaryConfig | None = None,
    weighted: WeightedCandidates | None = None,
) -> list[Candidate]:
    """Return the chosen sentences of ``articles``, most valuable first.

    ``Candidate.article_index`` indexes ``articles``; pass originals only (no copies).
    ``weighted`` reuses an earlier ``weigh_candidates`` of the same articles.
    """
    config = config or SummaryConfig()
    if not articles or budget_words <= 0:
        log.info("nothing to summarize: %d articles, budget %d", len(articles), budget_words)
        return []
    weighted = weighted or weigh_candidates(articles, query, read_before, config)
    candidates, concepts, weights = weighted.candidates, weighted.concepts, weighted.weights
    # Cap the selection's input: the candidates worth the most concept weight.
    value = [sum(weights[concept] for concept in found) for found in concepts]
    keep = sorted(range(len(candidates)), key=lambda i: -value[i])[: config.max_candidates]
    keep = [i for i in sorted(keep) if value[i] > 0]
    if not keep:
        return []
    picked = select_sentences(
        [concepts[i] for i in keep],
        [candidates[i].words for i in keep],
        weights,
        budget_words,
        config.cost_power,
    )
    return [candidates[keep[k]] for k in picked]


def order_for_reading(chosen: Sequence[Candidate], articles: Sequence[Article]) -> list[Candidate]:
    """Return ``chosen`` ordered by article date, then article, then position in it."""

    def key(candidate: Candidate) -> tuple[str, int, int]:
        date = articles[candidate.article_index].date
        # Undated articles after dated ones: their place in time is unknown.
        return (date.isoformat() if date else "~", candidate.article_index, candidate.position)

    return sorted(chosen, key=key)
