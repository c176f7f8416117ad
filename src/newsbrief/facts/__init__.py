"""The facts stage: figures of an event, cross-checked between its sources.

``extract_facts(event, config)`` runs, in order:

1. read the figures of every sentence of every article (``figures.find_figures``);
2. group figures that count the same thing in the same place with the same unit
   ("Canadian personnel/soldiers/troops/members in Iraq" -> one quantity);
3. merge identical statements (same qualifier and value) into one ``Claim`` whose sources
   are every article that makes it, copies included (``Article.copy_of``);
4. mark each group ``single`` (one independent source: an article and its copies),
   ``agree`` or ``conflict``. Two claims agree when their numbers are within
   ``relative_tolerance`` of each other and the intervals they assert overlap
   ("at least 300" / "more than 300", "about 500" / "approximately 500"). Anything else
   is a conflict: "about 500" vs "more than 300" overlap as intervals, but one source
   reports 300 and the others 500, and that discrepancy is what a reader must see.
   A group where one source itself gives incompatible numbers counts different things
   under one name ("about 200 with NATO" and "200 special forces"): it is split by value
   instead of being called a conflict;
5. sort by importance: more independent sources first, then conflicts, then agreements.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from newsbrief.config import FactsConfig
from newsbrief.facts.figures import Figure, find_figures, parse_number
from newsbrief.model import Article, Claim, Event, Fact

__all__ = ["extract_facts", "find_figures", "parse_number"]

log = logging.getLogger(__name__)

_AGREEMENT_RANK = {"conflict": 0, "agree": 1, "single": 2}
# Counted things that are spans of time: generic, never one quantity across sources
# (false conflicts on ECB+ events: "four days" vs "90 days" of different things).
DURATION_HEADS = frozenset(
    {
        "second",
        "minute",
        "hour",
        "day",
        "night",
        "week",
        "weekend",
        "month",
        "year",
        "decade",
        "century",
        "time",
        "season",
        "term",
    }
)


@dataclass(frozen=True)
class _Mention:
    figure: Figure
    article_id: str
    origin: str  # the article this one is a copy of, or itself
    quote: str


def article_sentences(article: Article) -> list[str]:
    """Return the article's sentences, splitting its text when the clean stage did not."""
    if article.sentences:
        return list(article.sentences)
    from newsbrief.clean import split_sentences

    title = [article.title] if article.title else []
    return title + split_sentences(article.text)


def _mentions(event: Event, config: FactsConfig) -> Iterable[_Mention]:
    for article in event.articles:
        origin = article.copy_of or article.id
        for sentence in article_sentences(article):
            if len(sentence) > config.max_sentence_chars:
                continue  # tables and run-on boilerplate, not statements
            for figure in find_figures(sentence, config.relative_tolerance):
                yield _Mention(figure, article.id, origin, sentence)


def _compatible(a: Figure, b: Figure, tolerance: float) -> bool:
    """Return whether two figures can state the same quantity (see the module docstring)."""
    overlap = a.low <= b.high and b.low <= a.high
    if a.vague or b.vague:
        return overlap
    close = abs(a.number - b.number) <= tolerance * max(a.number, b.number, 1e-9)
    return overlap and close


def _components(figures: list[Figure], tolerance: float) -> list[list[int]]:
    """Return groups of indices whose figures are transitively compatible."""
    parent = list(range(len(figures)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(figures)):
        for j in range(i + 1, len(figures)):
            if _compatible(figures[i], figures[j], tolerance):
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(figures)):
        groups[find(i)].append(i)
    return list(groups.values())


def _claims(mentions: list[_Mention]) -> list[tuple[Claim, set[str]]]:
    """Merge identical statements; return each claim with its independent origins."""
    by_statement: dict[tuple[str | None, float, bool], list[_Mention]] = defaultdict(list)
    for mention in mentions:
        key = (mention.figure.qualifier, mention.figure.number, mention.figure.vague)
        by_statement[key].append(mention)
    claims = []
    for group in by_statement.values():
        sources = tuple(dict.fromkeys(m.article_id for m in group))
        first = group[0]
        claim = Claim(
            value=first.figure.value,
            qualifier=first.figure.qualifier,
            sources=sources,
            quote=first.quote,
            number=first.figure.number,
        )
        claims.append((claim, {m.origin for m in group}))
    claims.sort(key=lambda item: (-len(item[1]), -len(item[0].sources)))
    return claims


def _subject(mentions: list[_Mention]) -> str:
    counted = Counter(m.figure.counted for m in mentions if m.figure.counted)
    subject = counted.most_common(1)[0][0] if counted else (mentions[0].figure.head or "")
    places = Counter(m.figure.place for m in mentions if m.figure.place)
    if places:
        subject = f"{subject} in {places.most_common(1)[0][0]}"
    return subject


def _fact(mentions: list[_Mention], agreement: str | None) -> Fact:
    claims = _claims(mentions)
    origins = set().union(*(o for _, o in claims))
    if agreement is None:
        agreement = "single" if len(origins) == 1 else "agree"
    top = claims[0][0]
    value = f"{top.qualifier} {top.value}" if top.qualifier else top.value
    return Fact(
        subject=_subject(mentions),
        value=value,
        unit=mentions[0].figure.unit,
        claims=tuple(c for c, _ in claims),
        agreement=agreement,
    )


def _facts_of_quantity(mentions: list[_Mention], tolerance: float) -> list[Fact]:
    """Return the fact(s) for mentions of one quantity: one, or several when split."""
    components = _components([m.figure for m in mentions], tolerance)
    if len(components) == 1:
        return [_fact(mentions, None)]
    origins_per_component = [{mentions[i].origin for i in c} for c in components]
    seen: Counter[str] = Counter(o for origins in origins_per_component for o in origins)
    if any(count > 1 for count in seen.values()):
        # One source gives incompatible numbers: these are different quantities.
        return [_fact([mentions[i] for i in c], None) for c in components]
    if not mentions[0].figure.place and not _share_a_name(mentions, components):
        # "32 million viewers" (of the Oscars) and "5.8 million viewers" (of the Globes):
        # nothing anchors them to one quantity, so they are reported apart.
        return [_fact([mentions[i] for i in c], None) for c in components]
    return [_fact(mentions, "conflict")]


_NAME_WORD = re.compile(r"(?<=[\w,;:] )[A-Z][\w’'-]{2,}")
_NOT_ANCHORS = frozenset(
    {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "The",
        "This",
        "That",
    }
)
# Names two disagreeing claims without a place must share to be about one quantity.
# Checked on the 40 ECB+ dev events (shared/data/clustering/ecbplus_dev.jsonl): requiring
# one shared name cut the conflicts from 33 to 9; requiring two changed nothing.
SHARED_NAMES_FOR_CONFLICT = 1


def _names_in(quote: str) -> set[str]:
    """Return the capitalised words inside a sentence (not its first word): its anchors."""
    return {w for w in _NAME_WORD.findall(quote) if w not in _NOT_ANCHORS}


def _share_a_name(mentions: list[_Mention], components: list[list[int]]) -> bool:
    """Return whether every group of disagreeing claims names something another group names.

    Two sources disagreeing about one quantity report it about the same people, ships or
    places ("pirates in two boats ... INS Mysore" / "in three boats ... INS Mysore").
    """
    names = [set().union(*(_names_in(mentions[i].quote) for i in c)) for c in components]
    return all(
        any(mine & theirs for j, theirs in enumerate(names) if j != i)
        for i, mine in enumerate(names)
    )


def extract_facts(event: Event, config: FactsConfig) -> tuple[Fact, ...]:
    """Return the figures of an event, grouped by quantity and cross-checked between sources.

    Args:
        event: the articles of one event; ``copy_of`` marks syndicated copies.
        config: tolerance for "the same number" and how many facts to keep.

    Returns:
        Facts sorted by importance: more independent sources first, conflicts before
        agreements before single-source figures.
    """
    by_quantity: dict[tuple[object, ...], list[_Mention]] = defaultdict(list)
    for mention in _mentions(event, config):
        figure = mention.figure
        place = figure.place.lower() if figure.place else None
        key: tuple[object, ...] = (figure.head, place, figure.unit)
        if figure.head in DURATION_HEADS or not figure.head:
            # "three days", "four years", a percentage of nothing named: too generic to
            # be one quantity across sources. Equal values still agree; others never
            # conflict.
            key = (*key, figure.qualifier, figure.number)
        by_quantity[key].append(mention)
    facts: list[Fact] = []
    vague: set[int] = set()  # facts read from "hundreds of", "billions of": shown last on ties
    for mentions in by_quantity.values():
        found = _facts_of_quantity(mentions, config.relative_tolerance)
        if all(m.figure.vague for m in mentions):
            vague.update(id(fact) for fact in found)
        facts.extend(found)

    def importance(fact: Fact) -> tuple[int, int, bool]:
        origins = {source for claim in fact.claims for source in claim.sources}
        independent = len(_independent(origins, event))
        return (-independent, _AGREEMENT_RANK[fact.agreement], id(fact) in vague)

    facts.sort(key=importance)
    log.debug("event %s: %d facts", event.id, len(facts))
    return tuple(facts[: config.max_facts])


def _independent(article_ids: set[str], event: Event) -> set[str]:
    copy_of = {a.id: a.copy_of or a.id for a in event.articles}
    return {copy_of.get(i, i) for i in article_ids}
