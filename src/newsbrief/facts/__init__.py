"""The facts stage: the figures an editor would show about an event, cross-checked.

``extract_facts(event, config)`` runs, in order:

1. read the figures of every sentence of every article (``figures.find_figures``) and label
   each with what it counts, what happened to it and where (``labels.label_number``, from
   spaCy's dependency parse when installed): "U.S. troops stationed in South Korea",
   "people killed". Each is dated: a day its sentence names, else its article's date;
2. group figures that count the same quantity: the same counted thing (synonyms folded,
   "people killed" = "deaths" = "death toll"), place and unit. Equal amounts of money are
   one quantity whatever the sentence calls them; a figure with no place joins the one
   placed group of its quantity that it agrees with;
3. merge equivalent statements ("about 500" / "approximately 500") into one ``Claim`` with
   every source, copies included, and the earliest day it was stated;
4. mark each quantity ``single``, ``agree``, ``update`` or ``conflict`` (``agreement``);
   a source that itself gives incompatible numbers for one label counts different things
   ("about 200 with NATO" and "200 special forces"): they are split instead;
5. rank by importance (``importance``) and keep the few an editor would show.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from newsbrief.config import FactsConfig
from newsbrief.facts.agreement import ACCUMULATING, changes_over_days, components
from newsbrief.facts.figures import (
    SYNONYM_HEADS,
    Figure,
    find_figures,
    parse_number,
    singular,
)
from newsbrief.facts.labels import Label, label_number, load_parser
from newsbrief.model import Article, Claim, Event, Fact
from newsbrief.timexpr import day_mentions

__all__ = ["extract_facts", "find_figures", "parse_number"]

log = logging.getLogger(__name__)

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
        "age",
        "percent",
    }
)
# Counts of a report's own parts, not of the event (the gold schema's "not page counts").
REPORT_HEADS = frozenset({"page", "word", "chapter", "paragraph", "photo", "video", "episode"})
# Distances mostly locate the event ("13 miles from Ranger"), unless something travelled them.
DISTANCE_UNITS = frozenset({"km", "kilometres", "kilometers", "miles", "metres", "meters", "feet"})
# Verbs that make a count a casualty or toll, whatever noun it counts ("30 soldiers killed").
VERB_QUANTITIES = {
    "killed": "dead",
    "kill": "dead",
    "killing": "dead",
    "died": "dead",
    "dead": "dead",
    "perished": "dead",
    "injured": "injured",
    "injuring": "injured",
    "wounded": "injured",
    "wounding": "injured",
    "hurt": "injured",
    "missing": "missing",
    "arrested": "arrested",
    "detained": "arrested",
    "evacuated": "evacuated",
    "displaced": "displaced",
    "rescued": "rescued",
    "homeless": "homeless",
}
# Nouns that say nothing of what was counted until a verb does ("people", "those").
_GENERIC_HEADS = frozenset({"people", "other", "one", "those", "individual", "person"})
# Quantities a reader needs first (the list): casualties, people, money, magnitude.
KEY_QUANTITIES = frozenset(
    {*ACCUMULATING, "people", "personnel", "magnitude", "migrant", "protester", "troop"}
)
_MONEY_UNITS = frozenset({"$", "€", "£", "¥", "₹", "US$", "C$", "A$"})
_QUALIFIER_CLASSES = {
    **dict.fromkeys(
        ["about", "approximately", "approx.", "around", "roughly", "some", "an estimated"],
        "about",
    ),
    "estimated": "about",
    **dict.fromkeys(["more than", "over", "upwards of", "just over", "well over"], "more than"),
    **dict.fromkeys(["up to", "as many as", "at most", "no more than"], "up to"),
    **dict.fromkeys(["fewer than", "less than", "under", "just under"], "less than"),
    **dict.fromkeys(["nearly", "almost", "close to"], "nearly"),
}


@dataclass(frozen=True)
class _Mention:
    figure: Figure
    article_id: str
    origin: str  # the article this one is a copy of, or itself
    quote: str
    as_of: dt.date | None
    lead: bool  # in the title or the first two sentences of its article
    background: bool  # its sentence names a year before its article's: another event


def article_sentences(article: Article) -> list[str]:
    """Return the article's sentences, splitting its text when the clean stage did not."""
    if article.sentences:
        return list(article.sentences)
    from newsbrief.clean import split_sentences

    title = [article.title] if article.title else []
    return title + split_sentences(article.text)


def _fold(noun: str) -> str:
    head = singular(noun)
    return SYNONYM_HEADS.get(head, head)


def _labelled(figure: Figure, label: Label | None) -> Figure | None:
    """Return the figure with the parse's label, or None when nothing says what it counts."""
    if label is None:
        return figure if figure.head or figure.unit else None
    head = _fold(label.noun) if label.noun else figure.head
    casualty = VERB_QUANTITIES.get(label.verb or "")
    if casualty:
        head = casualty
    elif head is None or head in _GENERIC_HEADS:
        head = VERB_QUANTITIES.get(label.action or "", label.verb) or head
    if head is None and figure.unit is None:
        return None
    counted = label.counted or figure.counted
    if label.counted and figure.counted and figure.counted.endswith(label.counted.split()[-1]):
        counted = max(label.counted, figure.counted, key=len)  # "CH-146 Griffon helicopters"
    if figure.unit == "magnitude":
        counted, head = "magnitude", "magnitude"
    return replace(
        figure,
        counted=counted,
        head=head,
        action=label.action,
        # The parse's place, on the number or its noun or verb: the regex reader's "in X"
        # anywhere later in the clause is too loose once there is a parse.
        place=label.place or label.near_place,
    )


def _as_of(sentence: str, article: Article) -> dt.date | None:
    """Return the day a figure was reported: its article's date, else a day its sentence names.

    The article's date comes first: a day named beside a toll is mostly the day of the
    disaster ("the Aug. 17 quake killed more than 14,000"), not the day the count held.
    """
    if article.date is not None:
        return article.date
    days = [m.value for m in day_mentions(sentence, None) if m.value is not None]
    return days[-1] if days else None


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _names_an_earlier_year(sentence: str, date: dt.date | None) -> bool:
    """Whether a sentence is about an earlier event ("a quake in 1939 killed 20,000")."""
    return date is not None and any(int(y) < date.year for y in _YEAR.findall(sentence))


def _mentions(event: Event, config: FactsConfig) -> Iterable[_Mention]:
    parser = load_parser() if config.parse else None
    for article in event.articles:
        origin = article.copy_of or article.id
        for index, sentence in enumerate(article_sentences(article)):
            if len(sentence) > config.max_sentence_chars:
                continue  # tables and run-on boilerplate, not statements
            figures = find_figures(sentence, config.relative_tolerance, parser is not None)
            if not figures:
                continue
            doc = parser(sentence) if parser is not None else None
            as_of = _as_of(sentence, article)
            background = _names_an_earlier_year(sentence, article.date)
            for figure in figures:
                label = label_number(doc, figure.start, figure.end) if doc is not None else None
                found = _labelled(figure, label) if doc is not None else figure
                if found is not None:
                    yield _Mention(
                        found, article.id, origin, sentence, as_of, index < 3, background
                    )


def _claims(mentions: list[_Mention]) -> list[tuple[Claim, set[str]]]:
    """Merge equivalent statements; return each claim with its independent origins."""
    by_statement: dict[tuple[str | None, float, bool], list[_Mention]] = defaultdict(list)
    for mention in mentions:
        figure = mention.figure
        qualifier = _QUALIFIER_CLASSES.get(figure.qualifier or "", figure.qualifier)
        by_statement[(qualifier, figure.number, figure.vague)].append(mention)
    claims = []
    for group in by_statement.values():
        sources = tuple(dict.fromkeys(m.article_id for m in group))
        first = group[0]
        dates = [m.as_of for m in group if m.as_of is not None]
        claim = Claim(
            value=first.figure.value,
            qualifier=first.figure.qualifier,
            sources=sources,
            quote=first.quote,
            number=first.figure.number,
            as_of=min(dates) if dates else None,
        )
        claims.append((claim, {m.origin for m in group}))
    claims.sort(key=lambda item: (-len(item[1]), -len(item[0].sources)))
    return claims


def _subject(mentions: list[_Mention]) -> str:
    """The label most sources use: counted thing, what happened to it, where."""
    labels = Counter(_label_text(m.figure) for m in mentions)
    labels.pop("", None)
    subject = labels.most_common(1)[0][0] if labels else (mentions[0].figure.head or "")
    places = Counter(m.figure.place for m in mentions if m.figure.place)
    if places:
        place = places.most_common(1)[0][0]
        if place.lower() not in subject.lower():
            subject = f"{subject} {place}"
    return subject


def _label_text(figure: Figure) -> str:
    """ "U.S. troops" + "stationed", without saying a word twice ("injured injured")."""
    counted = figure.counted or ""
    action = figure.action or ""
    if action and action.split()[0].lower() in counted.lower().split():
        action = ""
    unit = figure.unit or ""
    # A measure says what it measures in its unit: "square miles of floodplains".
    measure = unit and unit not in _MONEY_UNITS and unit not in ("%", "magnitude")
    if measure and unit.lower() not in counted.lower():
        counted = f"{unit} of {counted}" if counted else unit
    return " ".join(part for part in (counted, action) if part)


def _fact(mentions: list[_Mention], agreement: str | None) -> Fact:
    claims = _claims(mentions)
    origins = set().union(*(o for _, o in claims))
    if agreement is None:
        agreement = "single" if len(origins) == 1 else "agree"
    ordered = [c for c, _ in claims]
    if agreement == "update":
        ordered.sort(key=lambda c: (c.as_of or dt.date.max, c.number or 0.0))
    top = ordered[-1] if agreement == "update" else ordered[0]
    value = f"{top.qualifier} {top.value}" if top.qualifier else top.value
    return Fact(
        subject=_subject(mentions),
        value=value,
        unit=mentions[0].figure.unit,
        claims=tuple(ordered),
        agreement=agreement,
    )


# Incompatible values within this factor of each other can be one quantity misreported
# (500 vs 300 soldiers, magnitude 7.8 vs 7.4); further apart, they count different things
# (an aftershock's 4.6 beside the quake's 7.4). Set by hand, not fitted.
CONFLICT_RATIO = 2.0
# The same on the magnitude scale (logarithmic): half a point.
MAGNITUDE_GAP = 0.5


def _facts_of_quantity(
    mentions: list[_Mention], tolerance: float
) -> list[tuple[list[_Mention], str | None]]:
    """Split one label's mentions into quantities, each with its agreement when not plain.

    Values that agree form a group. A rising count stated on several days is one
    ``update``. Otherwise a group whose sources give no value of another group, within
    ``CONFLICT_RATIO`` of it and anchored to it (same place or a shared name), joins the
    best-supported such group as a ``conflict``: its sources report that quantity
    differently. Groups whose sources also give the other's value count different things
    ("about 200 with NATO" and "30 who fly helicopters").
    """
    head = mentions[0].figure.head
    if head in ACCUMULATING and changes_over_days([(m.as_of, m.figure.number) for m in mentions]):
        return [(mentions, "update")]  # "at least 60" then "63": compatible, yet an update
    groups = components([m.figure for m in mentions], tolerance)
    if len(groups) == 1:
        return [(mentions, None)]
    groups.sort(key=lambda g: -len({mentions[i].origin for i in g}))
    # An article giving two values counts two things; an edited reprint that changes the
    # value of its original ("4,000" vs "5,000 residents") is a conflict.
    articles = [{mentions[i].article_id for i in g} for g in groups]
    anchored = bool(mentions[0].figure.place)
    phrases = [
        {c.lower() for i in g if (c := mentions[i].figure.counted) and len(c.split()) > 1}
        for g in groups
    ]
    home = list(range(len(groups)))  # each group's conflict partner, or itself
    changed = [True] * len(groups)  # every joined group stated at another time: an update
    for minor in range(1, len(groups)):
        for major in range(minor):
            if home[major] != major or articles[minor] & articles[major]:
                continue
            a = statistics.median(mentions[i].figure.number for i in groups[minor])
            b = statistics.median(mentions[i].figure.number for i in groups[major])
            if mentions[0].figure.unit == "magnitude":  # a log scale: 7.8 vs 7.4, not 5.8
                near = abs(a - b) <= MAGNITUDE_GAP
            else:
                near = max(a, b) <= CONFLICT_RATIO * max(min(a, b), 1e-9)
            # Anchored to one quantity: a place, the same modified noun ("secret files"),
            # or a name both sides mention.
            same = anchored or bool(phrases[minor] & phrases[major])
            apart_in_time = _apart_in_time(mentions, groups[minor], groups[major])
            if mentions[0].figure.unit == "magnitude" and _apart_in_time(
                mentions, groups[minor], groups[major], days=0
            ):
                continue  # magnitudes stated on different days: different tremors
            if near and (same or _share_a_name(mentions, [groups[minor], groups[major]])):
                home[minor] = major
                changed[major] = changed[major] and apart_in_time
                break
    facts: list[tuple[list[_Mention], str | None]] = []
    for major, group in enumerate(groups):
        if home[major] != major:
            continue
        joined = [i for minor, g in enumerate(groups) if home[minor] == major for i in g]
        agreement = None
        if len(joined) > len(group):
            agreement = "update" if changed[major] else "conflict"
        facts.append(([mentions[i] for i in sorted(joined)], agreement))
    return facts


# Claims this many days apart or fewer are about "the same time": a news cycle. Further
# apart, different values of a count are an update (20 states sued in 1998, 19 in 1999),
# not a conflict. Set by reasoning, not fitted: the dev stories hold too few conflicts.
SAME_TIME_DAYS = 7


def _apart_in_time(
    mentions: list[_Mention], first: list[int], second: list[int], days: int = SAME_TIME_DAYS
) -> bool:
    """Whether every claim of one group is dated more than ``days`` from the other's."""
    days_a = [mentions[i].as_of for i in first]
    days_b = [mentions[i].as_of for i in second]
    if None in days_a or None in days_b:
        return False  # an undated claim may be of the same time
    return all(abs((a - b).days) > SAME_TIME_DAYS for a in days_a for b in days_b if a and b)


_NAME_WORD = re.compile(r"(?<=[\w,;:] )[A-Z][\w’'-]{2,}")
_NOT_ANCHORS = frozenset(
    [
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
    ]
)


def _names_in(quote: str) -> set[str]:
    """Return the capitalised words inside a sentence (not its first word): its anchors."""
    return {w for w in _NAME_WORD.findall(quote) if w not in _NOT_ANCHORS}


def _share_a_name(mentions: list[_Mention], groups: list[list[int]]) -> bool:
    """Return whether every group of disagreeing claims names something another group names.

    Two sources disagreeing about one quantity report it about the same people, ships or
    places ("pirates in two boats ... INS Mysore" / "in three boats ... INS Mysore"). Checked
    on the 40 ECB+ dev events: requiring one shared name cut the conflicts from 33 to 9.
    """
    names = [set().union(*(_names_in(mentions[i].quote) for i in g)) for g in groups]
    return all(
        any(mine & theirs for j, theirs in enumerate(names) if j != i)
        for i, mine in enumerate(names)
    )


def _quantity_key(figure: Figure) -> tuple[object, ...]:
    place = figure.place.lower() if figure.place else None
    key: tuple[object, ...] = (figure.head, place, figure.unit)
    if figure.head in DURATION_HEADS or not figure.head:
        # "three days", a percentage of nothing named: too generic to be one quantity
        # across sources. Equal values still agree; others never conflict.
        key = (*key, figure.qualifier, figure.number)
    return key


def _group(mentions: Iterable[_Mention], tolerance: float) -> list[list[_Mention]]:
    """Group mentions by quantity (step 2 of the module docstring)."""
    by_key: dict[tuple[object, ...], list[_Mention]] = defaultdict(list)
    money: dict[tuple[str, float], tuple[object, ...]] = {}
    for mention in mentions:
        figure = mention.figure
        key = _quantity_key(figure)
        if mention.background:
            key = (*key, "background")  # "the 1939 quake killed 20,000": another event
        if figure.unit in _MONEY_UNITS and not figure.vague:
            key = money.setdefault((figure.unit, figure.number), key)
        by_key[key].append(mention)
    placed: dict[object, list[tuple[object, ...]]] = defaultdict(list)
    for key in by_key:
        if key[1] is not None:
            placed[(key[0], key[2])].append(key)
    for key in [k for k in by_key if k[1] is None and len(k) == 3]:
        targets = placed.get((key[0], key[2]), [])
        matching = [
            t
            for t in targets
            if all(
                len(components([m.figure, n.figure], tolerance)) == 1
                for m in by_key[key]
                for n in by_key[t]
            )
        ]
        if len(matching) == 1:  # "800 soldiers" joins "about 800 members in the region"
            by_key[matching[0]].extend(by_key.pop(key))
    return list(by_key.values())


def importance(mentions: list[_Mention], independent: int) -> float:
    """How much a reader needs a quantity: sources, lead position, and what it counts.

    log2(1 + independent sources stating it); +1 when stated in a title or lead (news puts
    what matters first); +1 for a casualty, people or magnitude count; +0.5 each when its
    label says what happened (an action), where (a place) or in what unit. -1 when nothing
    names what is counted (a bare "$45", "value"), -1 for a distance nothing travelled
    ("13 miles from Ranger"). -2 each for a span of time ("three days") or a part of the
    report ("15 pages"), a vague "hundreds of", a number under three (mostly "two
    sides", "both"); -4 for a figure only ever stated beside an earlier year (background,
    which editors never show: "the 1939 quake killed 20,000"). The weights are round
    numbers in the order of how often each feature marked a gold figure on the 14 dev
    stories (docs/facts.md); the threshold on this score is chosen by leave-one-story-out
    cross-validation.
    """
    figure = mentions[0].figure
    score = math.log2(1 + independent)
    score += any(m.lead for m in mentions)
    score += figure.head in KEY_QUANTITIES
    score += 0.5 * any(m.figure.action for m in mentions)
    score += 0.5 * any(m.figure.place for m in mentions)
    score += 0.5 * (figure.unit is not None)
    score -= 2 * (figure.head in DURATION_HEADS or figure.head in REPORT_HEADS)
    score -= not any(m.figure.counted for m in mentions) and figure.head not in KEY_QUANTITIES
    score -= figure.unit in DISTANCE_UNITS and not any(m.figure.action for m in mentions)
    score -= 2 * all(m.figure.vague for m in mentions)
    score -= 2 * (max(m.figure.number for m in mentions) < 3)
    score -= 4 * all(m.background for m in mentions)
    return score


def scored_facts(event: Event, config: FactsConfig) -> list[tuple[Fact, float]]:
    """Return every fact of the event with its importance, most important first."""
    copy_of = {a.id: a.copy_of or a.id for a in event.articles}
    scored: list[tuple[Fact, float]] = []
    for quantity in _group(_mentions(event, config), config.relative_tolerance):
        for mentions, agreement in _facts_of_quantity(quantity, config.relative_tolerance):
            fact = _fact(mentions, agreement)
            origins = {copy_of.get(m.article_id, m.article_id) for m in mentions}
            score = importance(mentions, len(origins))
            scored.append((fact, score))
    scored.sort(key=lambda item: -item[1])
    return scored


def extract_facts(event: Event, config: FactsConfig) -> tuple[Fact, ...]:
    """Return the figures a reader needs about an event, cross-checked between sources.

    Args:
        event: the articles of one event; ``copy_of`` marks syndicated copies.
        config: tolerance for "the same number", the least importance a shown figure needs
            and how many to show.

    Returns:
        Facts sorted by importance (``importance``), at most ``figures_to_show``.
    """
    shown = [fact for fact, score in scored_facts(event, config) if score >= config.min_importance]
    log.debug("event %s: %d facts", event.id, len(shown))
    return tuple(shown[: figures_to_show(event, config)])


def figures_to_show(event: Event, config: FactsConfig) -> int:
    """How many figures a brief shows: log2(1 + independent reports), rounded up, at most
    ``config.max_facts`` (one report: 1; two or three: 2; four to seven: 3; 25: 5).

    More reports carry more figures worth showing; the log keeps a long story's brief short.
    ``config.figures_by_reports`` False shows ``max_facts`` whatever the event's size.
    """
    if not config.figures_by_reports:
        return config.max_facts
    reports = len({a.copy_of or a.id for a in event.articles})
    return min(config.max_facts, max(1, math.ceil(math.log2(1 + reports))))
