"""Every figure of an event's sentences, labelled, dated and placed in its article.

``read_mentions(event, config)`` reads each sentence's figures (``figures.find_figures``),
labels them from spaCy's parse when it is installed (``labels.label_number``), and keeps
with each one its article, the article it copies, its sentence (the supporting quote), the
day it was reported, its sentence's place in the article, and whether it is background.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from newsbrief import nlp
from newsbrief.config import FactsConfig
from newsbrief.facts.figures import (
    AREA_UNIT,
    MONEY_UNITS,
    QUALIFIER_PATTERN,
    SYNONYM_HEADS,
    Figure,
    base_unit,
    end_of_clause,
    find_figures,
    is_currency,
    singular,
    start_of_clause,
)
from newsbrief.facts.labels import (
    COUNT_WORDS,
    MODALS,
    PEOPLE_VERB_QUANTITIES,
    VERB_QUANTITIES,
    Label,
    casualty_of,
    in_other_complement,
    is_state_verb,
    label_number,
    load_parser,
)
from newsbrief.model import LEAD_SENTENCES, Article, Event
from newsbrief.summarize.candidates import as_the_text_writes, glued_parts, strip_dateline
from newsbrief.timexpr import (
    CALENDAR_WORDS,
    DAY,
    MONTH,
    WEEKDAYS,
    YEAR_DIGITS,
    TimeMention,
    find_times,
)

# Nouns that say nothing of what was counted until a verb does ("people", "those").
GENERIC_HEADS = frozenset({"people", "other", "one", "those", "individual", "person"})

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Mention:
    figure: Figure
    article_id: str
    origin: str  # the article this one is a copy of, or itself
    quote: str
    as_of: dt.date | None
    position: int  # its sentence's place in its article, the title first (0)
    background: bool  # its sentence names a year before its article's: another event
    days: tuple[str, ...] = ()  # the days its sentence names (``days_named``)

    @property
    def lead(self) -> bool:
        """In the title or the first sentences of its article (LEAD_SENTENCES in all)."""
        return self.position < LEAD_SENTENCES


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
    if base_unit(figure.unit) == AREA_UNIT:
        # An area is one quantity whatever the sentence says it is of ("12,000 square miles
        # of floodplains", "the 22,000 square-kilometer park"): its label names the thing.
        figure = replace(figure, head="area")
    elif figure.head == "area":
        figure = replace(figure, head="areas")  # a count of areas: "39 metropolitan areas"
    if label is None:
        # (A share needs what it is of: "Murder was down 2 percent in cities ... and 8
        # percent overall" had a row with no label for the 8.)
        return figure if figure.head or figure.unit not in (None, "%") else None
    if label.not_stated:
        log.debug("not a figure (%s): %s", label.not_stated, figure.text)
        return None
    if label.span:
        # An action's length: "delay: 30 days", its unit the span's (one quantity only
        # with the same length: ``facts._quantity_key``).
        plural = "" if figure.number == 1 else "s"
        value = f"{figure.value} {label.span}{plural}"
        # Where is the action's, not the regex reader's guess from the clause after it
        # ("a three-day visit at President George Washington's estate").
        return replace(
            figure,
            value=value,
            unit=label.span,
            counted=label.counted,
            head=_fold(label.noun or ""),
            place=None,
        )
    head = _fold(label.noun) if label.noun else figure.head
    if head == "area" and figure.head != "area":
        head = "areas"  # "area" is the head of an area measured, not of areas counted
    casualty = casualty_of(label.verb, label.action)
    if casualty:
        head = casualty
    elif head is None or head in GENERIC_HEADS:
        toll = PEOPLE_VERB_QUANTITIES.get(label.action or label.verb or "") if head else None
        head = toll or VERB_QUANTITIES.get(label.action or "", label.verb) or head
    if head is None and figure.unit is None:
        return None
    counted = label.counted or figure.counted
    action = label.action
    if not label.counted and action and counted and is_state_verb(counted.split()[0]):
        # The words after the number read as its noun are the state it was put in: "two
        # million made homeless following the quake" is "homeless", not "made homeless
        # following" ("two nearly killed" keeps its words).
        counted = None
    if action and not counted and figure.unit == "%" and label.agent and not label.agent_named:
        # A share nothing follows is of the verb's subject: "The murder rate ... has
        # dropped in some large cities ... by as much as 28 percent" (the 2,000-article
        # mix: "much dropped in large cities").
        counted = label.agent
    if action and not label.counted and figure.unit in MONEY_UNITS:
        # Money the parse finds no noun for: the words before it are no label. What cost it
        # ("legal actions have cost $13.3 million") or "money" and who moved it ("IBM
        # paying $9" -> "money paying by IBM"; "sent $1.7 billion to Iran").
        counted = label.agent if label.agent and not label.agent_named else "money"
        if counted == "money" and action.split()[0].endswith("ing"):
            counted = "money spent"  # "$7 million investigating and suing Microsoft"
        if label.agent_named and action.split()[0] in MODALS:
            counted = f"money {label.agent}"  # "money Phantom Menace will reap"
        elif label.agent_named:
            action = f"{action} by {label.agent}"
    if (
        label.counted
        and figure.counted
        and figure.counted.endswith(label.counted.split()[-1])
        and not label.running
    ):
        counted = max(label.counted, figure.counted, key=len)  # "CH-146 Griffon helicopters"
    if counted and counted.lower() == "others":
        # "injured 33,000 others" counts people; "four others" alone counts nothing named.
        if not action:
            return None
        counted = "people"
    if counted and not action and singular(counted.split()[-1].lower()) in COUNT_WORDS:
        # A tally with nothing it counts: "The three-day figure was $22.2 million", "The
        # total was 350" (rows "three-day figure", "total")
        return None
    if figure.unit == "%" and (not counted or counted == action):
        # A share of nothing named: "El Nino has become weaker, shrinking by at least 10
        # percent" (the row was "shrinking: at least 10 percent")
        return None
    if figure.unit == "magnitude":
        # What shook (``figures``) says it all: not the parse's "tremor magnitude measured".
        counted, head, action = figure.counted, "magnitude", None
    elif figure.head == "area":
        # Where the measured thing lies is not another area: "the 22,000 square-kilometer
        # Kakadu National Park ... in the Northern Territory" is Kakadu's area.
        if action and action.split()[0] in (figure.unit or "").split():
            action = None  # the parse reads "is 12,000 square miles" as an action "miles"
        return replace(figure, counted=counted, head="area", action=action)
    return replace(
        figure,
        counted=counted,
        head=head,
        action=action,
        # The parse's place, on the number or its noun or verb: the regex reader's "in X"
        # anywhere later in the clause is too loose once there is a parse. A toll of one
        # nationality ("eight Chinese were dead") is apart from the toll, as a place is.
        place=label.place or label.near_place or (label.nationality if casualty else None),
    )


def days_named(times: Sequence[TimeMention]) -> tuple[str, ...]:
    """The days a sentence's time expressions (``timexpr.find_times`` against its report's
    date) name, as keys two sentences share when they name one day: a resolved day as its
    date and its weekday ("on Thursday" in a report of Saturday 10 December 2011:
    "2011-12-08", "thursday"); in an undated report, a weekday's name."""
    keys: list[str] = []
    for mention in times:
        if mention.precision != DAY:
            continue
        if mention.resolved and mention.value is not None:
            keys += [mention.value.isoformat(), WEEKDAYS[mention.value.weekday()]]
        else:
            keys += [w for w in WEEKDAYS if w in mention.text.lower()]
    return tuple(keys)


def _as_of(times: Sequence[TimeMention], article: Article) -> dt.date | None:
    """Return the day a figure was reported: its article's date, else the last day its
    sentence names (``times``: the sentence's time expressions, ``timexpr.find_times``).

    The article's date comes first: a day named beside a toll is mostly the day of the
    disaster ("the Aug. 17 quake killed more than 14,000"), not the day the count held.
    """
    if article.date is not None:
        return article.date
    days = _days(times)
    return days[-1] if days else None


def _days(times: Sequence[TimeMention]) -> list[dt.date]:
    """The days that time expressions name, resolved to the day."""
    return [m.value for m in times if m.resolved and m.precision == DAY and m.value]


def day_named(sentence: str, reported: dt.date | None) -> dt.date | None:
    """Return the last day ``sentence`` names, on or before the day it was ``reported``
    ("struck western Turkey on Sunday" in a Monday's report: Sunday), else ``reported``.

    The day an incident happened, for a row told apart from another by its day
    (``facts.told_apart``); a figure's ``as_of`` keeps its report's day (``_as_of``).
    """
    if reported is None:
        return None
    days = [day for day in _days(find_times(sentence, reported)) if day <= reported]
    return days[-1] if days else reported


_YEAR = re.compile(rf"\b{YEAR_DIGITS}\b")
# A chronology's entry, its year then a colon: "1957: Asian flu killed two million people"
# (a BBC fact box run into Timeline17's text after the sentence before it, so the parse
# hangs the year on that sentence's verb).
_YEAR_LABEL = re.compile(rf"\b({YEAR_DIGITS})\s?:(?!\d)")
_LAST_YEAR = re.compile(r"\blast year\b", re.IGNORECASE)


def _earlier_years(sentence: str, date: dt.date | None) -> list[tuple[int, int]]:
    """The character spans of the years before ``date`` that a sentence names."""
    if date is None:
        return []
    return [m.span() for m in _YEAR.finditer(sentence) if int(m.group()) < date.year]


def _names_an_earlier_year(
    sentence: str, date: dt.date | None, doc: Any | None = None, figure: Figure | None = None
) -> bool:
    """Whether a figure is about an earlier event ("a quake in 1939 killed 20,000", "a
    petition signed by 1.8 million people last year"). With the sentence's parse, a year
    inside a clause that someone says or that the figure's clause proves ("files prove the
    2015 deal is based on lies") dates that clause, not the figure."""
    if _LAST_YEAR.search(sentence):
        return True  # whatever the article's date, or with none
    years = _earlier_years(sentence, date)
    if doc is None or figure is None:
        return bool(years)
    labels = [m for m in _YEAR_LABEL.finditer(sentence) if m.start() < figure.start]
    if labels and date is not None:
        return int(labels[-1].group(1)) < date.year  # the entry the figure stands in
    return any(
        not in_other_complement(doc, start, end, figure.start, figure.end) for start, end in years
    )


# What a happening's toll counts (``VERB_QUANTITIES``): the dead, the injured, the
# arrested ... A rate or a size named with an earlier day still holds ("Trump on March
# 23 imposed ... a 10 percent tariff on aluminum"); a toll is its day's happening's.
_TOLLS = frozenset(VERB_QUANTITIES.values())
# A day named this many days before a story's first report is another event's: the story
# is news from its first report on (a report's own day and the days just before it are
# the story's: "On Monday ... 32 were killed" in Tuesday's first report).
EARLIER_EVENT_DAYS = 7


def _before_the_story(
    sentence: str,
    times: Sequence[TimeMention],
    first_day: dt.date | None,
    doc: Any | None,
    figure: Figure,
) -> bool:
    """Whether a toll's sentence dates it before its story began: a day more than
    ``EARLIER_EVENT_DAYS`` before the story's first report, or a month before that
    report's ("In early March, a gunman shot and wounded three people" in a story first
    reported on 10 April, a DUC 2006 update "people wounded: three -> two" of two
    shootings). Only a time whose clause holds the figure dates it (not "a caravan that
    once numbered about 1,200 and headed north in March"), and never a span's start ("23
    missiles during 16 tests since February"); without a parse, none does."""
    if first_day is None or doc is None:
        return False
    for time in times:
        if not time.resolved or time.value is None or time.future:
            continue
        if time.precision == DAY:
            before = (first_day - time.value).days > EARLIER_EVENT_DAYS
        elif time.precision == MONTH:
            before = (time.value.year, time.value.month) < (first_day.year, first_day.month)
        else:
            continue
        # Up to the time's first word: "since March" may be one time expression.
        opening = f"{sentence[: time.start]}{time.text.split()[0]} "
        if (
            before
            and not _SPAN_START.search(opening)
            and _clause_holds(doc, time.start, time.end, figure.start, figure.end)
        ):
            return True
    return False


# Words before a time that make it where a span starts or ends, not when something was.
_SPAN_START = re.compile(
    r"\b(?:since|from|until|till|through|between|starting|beginning|as\s+of)\s+(?:\S+\s+){0,3}$",
    re.IGNORECASE,
)


def _clause_holds(doc: Any, start: int, end: int, number_start: int, number_end: int) -> bool:
    """Whether the clause of the words at ``doc.text[start:end]`` (the verb above them)
    holds the number at ``number_start:number_end``."""
    words = doc.char_span(start, end, alignment_mode="expand")
    number = doc.char_span(number_start, number_end, alignment_mode="expand")
    if words is None or number is None or len(words) == 0 or len(number) == 0:
        return False
    token = words.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return bool(token.left_edge.i <= number[-1].i <= token.right_edge.i)


# "is one of (a handful of) the 552 sites", "the 26th of the world's 552 sites", "among the
# 40 members": the number sizes a set the subject belongs to, not a count of the event
# ("one of the three gunmen was killed" counts the event: no copula, no ordinal).
_SET_SIZE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|become|becomes|became|as|remains?)\s+(?:only\s+)?"
    r"one|\b(?:first|second|third|last|latest|\d+(?:st|nd|rd|th))"
    # and the thing ranked: "the 26th ``in danger'' site of the 552 sites"
    r"(?:\s+[\"“”'`]*[\w-]+[\"“”'`]*){0,3}?)"
    r"\s+of\s+(?:(?:the|a|an|its|their|handful|number|few|of|[\w-]+(?:'s|’s))\s+){0,5}$"
    r"|\b(?:is|are|was|were)\s+among\s+(?:the|its|their)\s+$"
    # the whole of a part given in digits: "won 18 of its next 23 games", "connected on
    # just 30 of 207 punches thrown" (the part counts; 23 and 207 size what it is part of).
    # Not in words: "lost power in two of its four engines" read so left "the Concorde's
    # four engines" to conflict with "removed two engines" (the 2,000-article mix)
    # "nearly 150 of the region's 470 independent booksellers" too
    r"|\b\d[\d,.]*\s+of\s+(?:(?:the|its|their|his|her|next|last|first|[\w-]+(?:'s|’s))\s+){0,3}$",
    re.IGNORECASE,
)


# An apposition: "the inert figure _ one of more than 500 bodies inside the rink".
_ONE_OF_APPOSED = re.compile(
    r"(?:[,(_—–]|\s-)\s*one\s+of\s+(?:(?:the|its|their|[\w-]+(?:'s|’s))\s+){0,3}"
    rf"(?:(?:{QUALIFIER_PATTERN})\s+)?$",
    re.IGNORECASE,
)


def _sizes_a_set(sentence: str, figure: Figure) -> bool:
    """Whether the (labelled) figure sizes a set the subject belongs to. An apposed "one
    of" a toll still states the toll ("_ one of more than 7,000 people who perished")."""
    before = sentence[: figure.start]
    if _SET_SIZE.search(before):
        return True
    return figure.head not in _CASUALTIES and bool(_ONE_OF_APPOSED.search(before))


# A place's population is context, not a count of the event: "The island, which has about
# 200,000 residents", "Qeshm Island, home to 200,000 people", "a city of about 70,000
# people", "Macedonia's 2.1-million population" (the 2,000-article mix: "residents:
# 200,000" in the brief of a quake on Qeshm).
_ROUGHLY = rf"(?:(?:{QUALIFIER_PATTERN})\s+)?"
_HOME_TO = re.compile(rf"\b(?:home\s+to|population\s+of)\s+{_ROUGHLY}$", re.IGNORECASE)
_PLACE_OF = re.compile(
    r"\b(?:city|town|village|island|country|nation|state|province|region|community|county"
    rf"|district|suburb|metropolis)\s+of\s+{_ROUGHLY}$",
    re.IGNORECASE,
)
_PEOPLE = re.compile(r"\s*(?:people|residents|inhabitants)\b", re.IGNORECASE)
# "has" or "with" a number of residents (not "with 50 people killed": a toll)
_HAS = re.compile(rf"\b(?:has|have|had|with)\s+{_ROUGHLY}$", re.IGNORECASE)
_RESIDENTS = re.compile(r"\s*(?:residents|inhabitants)\b", re.IGNORECASE)
_POPULATION_AFTER = re.compile(r"[-‑\s]+(?:strong\s+)?population\b", re.IGNORECASE)
# "the province, where some 1.4 million people live, ..." (DUC 2007 D0743J: "people live:
# 1.4 million"); not where they live now ("150,000 people live in prefabricated homes").
_WHERE = re.compile(rf"\bwhere\s+{_ROUGHLY}$", re.IGNORECASE)
_LIVE_THERE = re.compile(
    r"\s*(?:people|residents|inhabitants)\s+(?:live|lived|reside|resided)\s*(?:[,.;:)]|$)",
    re.IGNORECASE,
)


def _states_a_population(sentence: str, figure: Figure) -> bool:
    """Whether a figure is the population of a place (``_HOME_TO`` and the others)."""
    before, after = sentence[: figure.start], sentence[figure.end :]
    return bool(
        _HOME_TO.search(before)
        or _POPULATION_AFTER.match(after)
        or (_PLACE_OF.search(before) and _PEOPLE.match(after))
        or (_HAS.search(before) and _RESIDENTS.match(after))
        or (_WHERE.search(before) and _LIVE_THERE.match(after))
    )


# A thing of a kind said to be able to do something: "A magnitude-6.0 quake can cause
# severe damage" (WCEP's Qeshm quake: a fourth reading of its magnitude, "6.0").
_KIND_OPENING = re.compile(r"\s*(?:An?|Any)\s+(?:[\w-]+\s+){0,2}[\w-]*")
_MODAL_AFTER = re.compile(r"[^,.;:]{0,40}?\b(?:can|could|may|might|would)\b")


def _of_a_kind(sentence: str, figure: Figure) -> bool:
    """Whether a measure describes a kind in a general or hypothetical statement: it is in
    the indefinite subject opening the sentence, and a modal verb follows. (A count there
    is the event's: "An estimated 500 people may have died".)"""
    return bool(
        figure.unit is not None
        and not is_currency(figure.unit)
        and _KIND_OPENING.fullmatch(sentence[: figure.start])
        and _MODAL_AFTER.match(sentence[figure.end :])
    )


# A count of others beside someone a list names before it, set off by a comma: "The boy's
# mother, Elisabet, and 10 others died" (the thirty-fifth read: "people died: 10", eleven
# did); not a clause's own count ("38 people have been killed and 70 others injured",
# "killer earthquake in northwest Turkey and 33,495 others were reported as injured").
_BESIDE_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*,\s+(?:and|with|plus)\s+$")
_OTHERS_AFTER = re.compile(r"\s+others\b")


def _others_beside(sentence: str, figure: Figure) -> bool:
    """Whether a figure counts the others beside someone a list names ("X and 10 others
    died"): a part of what happened to them all, not its count."""
    return bool(
        _OTHERS_AFTER.match(sentence, figure.end)
        and _BESIDE_BEFORE.search(sentence[: figure.start])
    )


# What only might have been: '"There might have been two people killed," he said.' (ECB+:
# a gang murder's brief showed "people killed: two"), "could have been as many as 300".
_POSSIBLE_BEFORE = re.compile(
    r"\b(?:might|could|would)\s+(?:not\s+)?have\s+been\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE
)


def _only_possible(sentence: str, figure: Figure) -> bool:
    """Whether a figure is what might have been, not what was."""
    return bool(_POSSIBLE_BEFORE.search(sentence[max(0, figure.start - 60) : figure.start]))


# "fallen from some 120,000 after the quake to 26,000 today", "rose from 7,085 to 10,059",
# "from $100 million to $250 million": the value before "to" is the one it changed from.
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[a-z]+\s+){0,2}[$€£¥₹]?\s?$")
_TO_BETWEEN = re.compile(r"^[^.;:!?]{0,100}?\bto\s+(?:[a-z]+\s+){0,2}[$€£¥₹]?\s?$")


def _changed_from(sentence: str, figure: Figure, figures: Sequence[Figure]) -> bool:
    """Whether the figure is the value a quantity changed from, the sentence giving the
    value it changed to: context for the new one, not a row of its own (D0743J: "people in
    tent cities: 120,000" beside "people in tent cities: 26,000", from one sentence). An
    amount changes to one in its unit, a count to one of the same thing (not "from 20
    countries to 30 cities")."""
    if not _FROM_BEFORE.search(sentence[max(0, figure.start - 40) : figure.start]):
        return False
    return any(
        other.start > figure.end
        and other.unit == figure.unit
        and (figure.unit is not None or other.head == figure.head)
        and _TO_BETWEEN.match(sentence[figure.end : other.start])
        for other in figures
    )


# An amount in cents with no scale: a price ("$10.89 for 100 capsules", "$1.70 an hour").
_PRICE = re.compile(r"\d\.\d\d$")


def _is_a_price(figure: Figure) -> bool:
    """Whether a money figure is a price: what one thing costs is context, as a rate is, not
    an amount the event moved (DUC 2007's drug stories: "mg capsules: $10.89; $9.99")."""
    return figure.unit in MONEY_UNITS and bool(_PRICE.search(figure.value))


# A number per period: "Malaria kills one million people every year", "which claims 4,200
# lives every day", "Millions of Americans pay about $60 a month for Prozac" (the 2,000-
# article mix: "Millions paid: $60"). Not "a year ago", "for a year", "more than a year", "a
# month-long strike", "a week of protests".
_RATE = re.compile(
    r"\b(?:every|each|per)\s+(?:year|day|week|month)\b|\bannually\b"
    r"|\ba\s+(?:year|month|week|day)\b(?![-‑]|\s+(?:ago|later|earlier|before|after|since|from"
    r"|or|and|of)\b)"
    r"|[-‑]a[-‑](?:year|month|week|day)\b"  # "a $5-million-a-year enterprise"
)
_NOT_A_RATE_BEFORE = re.compile(
    r"\b(?:for|in|than|within|half|over|about|nearly|almost|of|after|last|past|first)\s+$"
)


def _states_a_rate(sentence: str, figure: Figure) -> bool:
    """Whether the clause of a figure gives it per year, day, week or month: a rate is
    context (the toll of a disease each year), never the running toll of the event."""
    clause = sentence[start_of_clause(sentence, figure.start) : end_of_clause(sentence, figure.end)]
    return any(
        not (match.group().startswith("a") and _NOT_A_RATE_BEFORE.search(clause[: match.start()]))
        for match in _RATE.finditer(clause.lower())
    )


# The nouns of an incident a toll may be another one's.
_INCIDENT = (
    r"(?:crash|attack|bombing|earthquake|quake|disaster|shooting|explosion|massacre|accident"
    r"|hijacking|sinking|fire|flood|storm|hurricane|tsunami|collision)"
)
# "The Lauda Air crash killed all 223 people on board": a figure of a named incident.
_NAMED_INCIDENT = re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+((?:[A-Z][\w'’.-]*\s+){{1,4}}){_INCIDENT}\b")
# ... or an incident placed: "more than a dozen people were killed by a quake in eastern
# China" (in a report of the Qeshm quake, the first claim of its toll's series).
_PLACED_INCIDENT = re.compile(
    rf"\b{_INCIDENT}\s+(?:in|near|off)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|[a-z]+ern)\s+)?"
    r"((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,2})"
)
# An incident named in one report only, or in fewer than this share of an event's reports
# (of at least ``_FEW_REPORTS``), is another one: its toll is background to this event's.
_OTHER_INCIDENT_SHARE = 0.25
_FEW_REPORTS = 4


def _other_incidents(sentence: str, texts: dict[str, str]) -> bool:
    """Whether a sentence names an incident few of the event's reports (``texts``, by
    original) name: "The Lauda Air crash killed 223" in one of 25 reports of EgyptAir 990;
    "killed by a quake in eastern China" in one of 14 of the Qeshm quake."""
    if len(texts) < _FEW_REPORTS:
        return False

    def few_name(name: str) -> bool:
        naming = sum(name in text for text in texts.values())
        return naming <= 1 or naming < _OTHER_INCIDENT_SHARE * len(texts)

    for match in _NAMED_INCIDENT.finditer(sentence):
        name = match.group(1).strip()
        if all(word.lower().rstrip(".") in CALENDAR_WORDS for word in name.split()):
            continue  # "the August quake", "the Monday attack": a date, not a name
        if few_name(name):
            return True
    # A place is another incident's when none of its words is one the reports name: "the
    # fire in the Izmit Refinery" is the Izmit quake's.
    return any(
        all(few_name(word) for word in match.group(1).rstrip(".,").split())
        for match in _PLACED_INCIDENT.finditer(sentence)
    )


def _sentences_with_title(article: Article) -> list[str]:
    """The article's sentences, its title first: a figure in a headline is one its editor
    put first (the clean stage's sentences leave the title out)."""
    sentences = article_sentences(article)
    title = (article.title or "").strip()
    if title and (not sentences or sentences[0].strip() != title):
        return [title, *sentences]
    return sentences


def read_mentions(event: Event, config: FactsConfig) -> Iterable[Mention]:
    """Yield every labelled figure of the event's sentences; a light brief of one report
    (``FactsConfig.light_one_report``) reads its lead, and the rest only when the lead
    has no labelled figure (one report shows one figure, and a lead figure ranks first)."""
    parsing = config.parse and load_parser() is not None
    light = config.light_one_report and len(event.originals) == 1
    if not light:
        yield from _mentions(event.articles, config, parsing, 0, None)
        return
    in_lead = list(_mentions(event.articles, config, parsing, 0, LEAD_SENTENCES))
    yield from in_lead
    if not in_lead:
        yield from _mentions(event.articles, config, parsing, LEAD_SENTENCES, None)


def _mentions(
    articles: Iterable[Article], config: FactsConfig, parsing: bool, start: int, stop: int | None
) -> Iterable[Mention]:
    """The labelled figures of the sentences ``start`` to ``stop`` of each article."""
    articles = list(articles)
    found = []  # (article, index in it, sentence, its figures)
    # Labels are read from English (the parse, the counted nouns): another language's
    # figures would be labelled with junk ("nh cents: 85%" of a Vietnamese report).
    for article in (a for a in articles if a.in_english):
        sentences = _sentences_with_title(article)[start:stop]
        for index, sentence in enumerate(sentences, start=start):
            if len(sentence) > config.max_sentence_chars:
                continue  # tables and run-on boilerplate, not statements
            if sentence.isupper():
                continue  # a title in capitals ("... 100 ARRESTED"): its text says it again
            # A dateline is no part of the statement: "ATLANTA _ The Coca-Cola Co. Thursday
            # gave $1.5 million" was labelled "money given ... by ATLANTA".
            sentence = strip_dateline(sentence)
            # A heading glued on is read apart: its words are no part of the sentence's
            # labels ("people killed As international concern in Mexico").
            for part in glued_parts(sentence):
                figures = find_figures(part, config.relative_tolerance, parsing)
                if figures:
                    found.append((article, index, part, figures))
    # One batched parse of the sentences with figures (each parsed once per run).
    docs = nlp.parse_all([s for _, _, s, _ in found], lemmas=True) if parsing else []
    # The event's reports by original: an incident few of them name is another one.
    reports = {a.copy_of or a.id: a.text for a in articles}
    first_day = min((a.date for a in articles if a.date is not None), default=None)
    made: list[tuple[Mention, bool]] = []  # each mention, whether it is in a title
    for (article, index, sentence, figures), doc in itertools.zip_longest(found, docs):
        in_title = index == 0 and sentence == strip_dateline((article.title or "").strip())
        origin = article.copy_of or article.id
        times = find_times(sentence, article.date)  # read once: the day reported, those named
        as_of = _as_of(times, article)
        days = days_named(times)
        other_incident = _other_incidents(sentence, reports)  # the sentence's, all its figures
        # An undated report of a dated story is read against the story's first day: "struck
        # southern Iran in September" in an undated report of the Qeshm quake (November).
        story_times = times
        if article.date is None and first_day is not None:
            story_times = find_times(sentence, first_day)
        for figure in figures:
            background = _names_an_earlier_year(sentence, article.date, doc, figure)
            label = label_number(doc, figure.start, figure.end) if doc is not None else None
            if doc is not None:
                figure = _cut_to_naming_words(doc, figure)
            labelled = _labelled(figure, label) if doc is not None else figure
            if labelled is not None:
                # A set's size, a rate, a place's population, a measure of a kind,
                # what only might have been and others beside someone named are context,
                # like a past event's toll: background.
                context = (
                    background
                    or (
                        labelled.head in _TOLLS
                        and _before_the_story(sentence, story_times, first_day, doc, figure)
                    )
                    or _sizes_a_set(sentence, labelled)
                    or _is_a_price(figure)
                    or _changed_from(sentence, figure, figures)
                    or other_incident
                    or _states_a_rate(sentence, figure)
                    or _states_a_population(sentence, figure)
                    or _of_a_kind(sentence, figure)
                    or _only_possible(sentence, figure)
                    or _others_beside(sentence, figure)
                )
                mention = Mention(
                    labelled, article.id, origin, sentence, as_of, index, context, days
                )
                made.append((mention, in_title))
    texts = {article.id: article.text for article in articles}
    yield from _one_label_per_figure(made, config.relative_tolerance, texts)


# What the parse may tag the words naming a measured thing before its value as.
_NAMING_TAGS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "X"})


def _cut_to_naming_words(doc: Any, figure: Figure) -> Figure:
    """The figure with the words the regex reader took before a measure for what it
    measures cut to those after the last the parse reads as naming nothing (not a noun,
    an adjective or, last, what was done to it: "the missile traveled about 1,677 miles").
    "Trump imposed tariffs of 25 percent" is "tariffs"; "the Chinese government to provide
    one million yuan" ("government provide") and "he once had $180,000" ("once") name
    nothing: an amount of money is named by nouns only ("They beat him for $20" is no
    "beat: $20"; "the venture to fly some 300,000 miles" keeps "venture fly")."""
    if figure.unit is None or not figure.counted:
        return figure
    money = is_currency(figure.unit)
    tokens = {t.text.rstrip("."): t for t in doc if t.idx + len(t) <= figure.start}
    words = figure.counted.split()
    last = tokens.get(words[-1])
    done = last is not None and last.tag_.startswith("VB") and not money
    start = 0
    for i, word in enumerate(words[:-1] if done else words):
        token = tokens.get(word)
        if token is not None and token.pos_ not in _NAMING_TAGS:
            start = i + 1
    if money and last is not None and last.pos_ not in ("NOUN", "PROPN"):
        start = len(words)  # "an escrow account as large as $20 billion": no "large"
    if start == 0:
        return figure
    counted = " ".join(words[start:]) or None
    return replace(figure, counted=counted, head=counted.lower() if counted else None)


def _one_label_per_figure(
    made: Sequence[tuple[Mention, bool]], tolerance: float, texts: dict[str, str]
) -> list[Mention]:
    """The mentions, a title's figure and the text's statement of it under one label.

    A headline restates a figure of its text, clipped ("Gov't Spent $13M on Microsoft
    Case" over "legal actions have cost $13.3 million"), and one figure under two labels
    is two rows. Both take the text's label, unless only the title names what an
    amount is for ("Gordie Howe bridge to cost $5.7 billion" over "is expected to cost
    $5.7 billion": "money cost"). A label a title gives is written as its text writes
    the words ("Russian Servicemen Killed in Chechnya": "Russian servicemen killed").
    """
    mentions = [mention for mention, _ in made]
    for t, (title, in_title) in enumerate(made):
        if not in_title:
            continue
        b = _its_statement(title, made, tolerance, texts.get(title.article_id, ""))
        said = mentions[b].figure if b is not None else None
        if said is None or (_names_a_thing(title.figure) and not _names_a_thing(said)):
            source = _as_written(title.figure, texts.get(title.article_id, ""))
        else:
            source = said
        for i in (t,) if b is None else (t, b):
            labelled = replace(
                mentions[i].figure,
                counted=source.counted,
                head=source.head,
                place=source.place,
                action=source.action,
            )
            mentions[i] = replace(mentions[i], figure=labelled)
    return mentions


def _as_written(figure: Figure, text: str) -> Figure:
    """A title's figure with the words of its label as the article's text writes them."""

    def written(phrase: str | None) -> str | None:
        return as_the_text_writes(phrase, text) if phrase else phrase

    # What happened is no name: a Title Case verb the text does not write is lower-cased.
    action = written(figure.action)
    if action:
        action = _TITLE_CASE_WORD.sub(lambda word: word.group().lower(), action)
    return replace(
        figure, counted=written(figure.counted), place=written(figure.place), action=action
    )


_TITLE_CASE_WORD = re.compile(r"\b[A-Z][a-z]+\b")


def _its_statement(
    title: Mention, made: Sequence[tuple[Mention, bool]], tolerance: float, text: str
) -> int | None:
    """The index of the text's first mention of a title's figure: a count by what it counts
    ("3 dead" is not the text's "3 injured"), an amount by its unit and value; a count
    whose counted word the text never writes by its value alone ("600 Gather at Matthew
    Shepard Vigil" over "About 600 people gathered": the title's parse took the verb for
    the thing counted)."""
    figure = title.figure
    same = [
        i
        for i, (other, in_title) in enumerate(made)
        if not in_title
        and other.article_id == title.article_id
        and other.figure.unit == figure.unit
        and abs(other.figure.number - figure.number)
        <= tolerance * max(other.figure.number, figure.number)
    ]
    counted = next((i for i in same if made[i][0].figure.head == figure.head), None)
    if counted is not None:
        return counted
    misread = (
        bool(figure.head)
        and figure.head not in _CASUALTIES  # "3 Dead" is not the text's "injured 3"
        and not _writes_word(text, figure.head or "")
    )
    if figure.unit is None and not misread:
        return None
    return same[0] if same else None


_CASUALTIES = frozenset(VERB_QUANTITIES.values())


def _writes_word(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` or its plural, in any case."""
    return re.search(rf"\b{re.escape(word)}(?:s|es)?\b", text, re.IGNORECASE) is not None


def _names_a_thing(figure: Figure) -> bool:
    """Whether an amount's label names what it buys or costs, not only "money" (a count's
    label always names what it counts)."""
    return figure.unit not in MONEY_UNITS or not (figure.counted or "money").startswith("money")
