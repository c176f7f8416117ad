"""The facts stage: the figures an editor would show about an event, cross-checked.

``extract_facts(event, config)`` runs, in order:

1. read the figures of every sentence of every article (``mentions.read_mentions``) and
   label each with what it counts, what happened to it and where (``labels.label_number``,
   from spaCy's dependency parse when installed): "U.S. troops stationed in South Korea",
   "people killed". Each is dated: its article's date, else a day its sentence names;
2. group figures that count the same quantity: the same counted thing (synonyms folded,
   "people killed" = "deaths" = "death toll"), place and unit. Equal amounts of money are
   one quantity whatever the sentence calls them; a figure with no place joins the one
   placed group of its quantity that it agrees with;
3. merge equivalent statements ("about 500" / "approximately 500") into one ``Claim`` with
   every source, copies included, and the earliest day it was stated;
4. mark each quantity ``single``, ``agree``, ``update`` or ``conflict``
   (``_facts_of_quantity``, ``agreement``); an article that itself gives incompatible
   numbers for one label counts different things ("about 200 with NATO" and "30 who fly
   helicopters"): they are split instead;
   One report's competing readings of a measure (two agencies' magnitudes, a claimed
   amount and its fact-check) are a conflict; units are converted before comparing;
5. rank by importance (``facts.importance``: a logistic model on general features, fitted
   by bench/facts.py) and keep the few an editor would show (``figures_to_show``);
   background (another event's figure, a set's size) is never shown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import logging
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from newsbrief.config import FactsConfig
from newsbrief.entities.names import acronym, word_set
from newsbrief.facts.agreement import (
    ACCUMULATING,
    changes_over_days,
    compatible,
    competing_readings,
    components,
    is_range,
    join_competing_amounts,
    words_near,
)
from newsbrief.facts.figures import (
    CURRENCY_NAMES,
    EXTENT_WORDS,
    MONEY_UNITS,
    QUALIFIER_CLASSES,
    SYNONYM_HEADS,
    Figure,
    base_unit,
    find_figures,
    in_base_unit,
    parse_number,
    singular,
    start_of_clause,
)
from newsbrief.facts.importance import (
    DURATION_HEADS,
    SMALL_COUNT,
    centrality,
    figure_features,
    importance,
    lead_centre,
    report_vocabulary,
    topical_share,
    with_centrality,
)
from newsbrief.facts.labels import SPAN_UNITS, action_verb, casualty_of
from newsbrief.facts.mentions import (
    GENERIC_HEADS,
    Mention,
    article_sentences,
    day_named,
    read_mentions,
)
from newsbrief.model import Claim, Event, Fact
from newsbrief.summarize.candidates import QUOTE_MARKS
from newsbrief.summarize.parsing import verb_lemma

__all__ = [
    "article_sentences",
    "candidate_facts",
    "extract_facts",
    "figure_cap",
    "figures_to_show",
    "find_figures",
    "importance",
    "parse_number",
    "rank_facts",
    "scored_facts",
]

log = logging.getLogger(__name__)


def _claims(mentions: list[Mention]) -> list[tuple[Claim, set[str]]]:
    """Merge equivalent statements; return each claim with its independent origins."""
    by_statement: dict[tuple[str | None, float, float, bool], list[Mention]] = defaultdict(list)
    for mention in mentions:
        figure = mention.figure
        qualifier = QUALIFIER_CLASSES.get(figure.qualifier or "", figure.qualifier)
        # The lower end keeps a range ("10 to 12") apart from its upper end ("12").
        by_statement[(qualifier, figure.number, figure.low, figure.vague)].append(mention)
    ranked: list[tuple[bool, Claim, set[str]]] = []
    for (_, _, _, is_vague), group in by_statement.items():
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
        ranked.append((is_vague, claim, {m.origin for m in group}))
    # A precise figure first: a row reads "more than 150", not "hundreds", when both are said.
    ranked.sort(key=lambda item: (item[0], -len(item[2]), -len(item[1].sources)))
    claims = [(claim, origins) for _, claim, origins in ranked]
    # A plain number its own sources also state qualified ("about 800 members ... 800
    # soldiers" in one report) adds no source: the qualified claim stands for it.
    return [
        (claim, origins)
        for claim, origins in claims
        if claim.qualifier
        or not any(
            other.qualifier
            and other.number == claim.number
            and set(claim.sources) <= set(other.sources)
            for other, _ in claims
        )
    ]


def _subject(mentions: list[Mention]) -> str:
    """The label most sources use: counted thing, what happened to it, where."""
    labels = Counter(_label_text(m.figure, m.quote) for m in mentions)
    labels.pop("", None)
    ranked = [label for label, _ in labels.most_common()]
    # (A list's dash or a quote's mark is no word of it: "--Federal government relief,
    # $400 million.")
    subject = (ranked[0] if ranked else (mentions[0].figure.head or "")).lstrip(" -–—:;,'\"")
    # A count of the same things with what happened to them says more: "migrants" of
    # "hundreds of migrants" -> "migrants prepared to seek asylum", another source's label
    # of the row. (A measure's longer labels mostly add its unit: "magnitude measured".)
    fuller = [label for label in ranked if label.startswith(f"{subject} ")]
    if fuller and mentions[0].figure.unit is None:
        subject = fuller[0]
    places = Counter(m.figure.place for m in mentions if m.figure.place)
    if places:
        place = places.most_common(1)[0][0]
        if place.lower() not in subject.lower():
            # A nationality stands apart: "death toll risen (Americans)", not "... risen
            # Americans"; a place has its preposition ("in Iraq").
            subject = f"{subject} {place}" if place[:1].islower() else f"{subject} ({place})"
    return subject


# Adverbs that say where or how far, not what a measure measures.
_WHERE_WORDS = word_set(
    """offshore inland away apart off out ahead behind below above overhead underground
    upstream downstream north south east west northeast northwest southeast southwest
    long wide deep high tall"""
)

_AREA_WORD = re.compile(r"(?:sq\.?|square)(?:[-‑]\w+)?$", re.IGNORECASE)


def _label_text(figure: Figure, sentence: str = "") -> str:
    """ "U.S. troops" + "stationed", without saying a word twice ("injured injured").

    A measure's unit names what it measures only when that follows it ("3,000 miles of
    coastline"); what stands before the number is what the measure is of ("the
    classmate was 3,000 miles away", "a maximum height of 341 miles": "classmate",
    "maximum height", not "miles of classmate").
    """
    counted = figure.counted or ""
    action = figure.action or ""
    if action and action_verb(action).lower() in counted.lower().split():
        action = ""
    unit = figure.unit or ""
    if figure.head == "area":  # "area of Kakadu", not "square-kilometer Kakadu"
        thing = " ".join(w for w in counted.split() if not _AREA_WORD.match(w))
        counted = f"area of {thing}" if thing else "area"
    # A measure says what it measures in its unit: "miles of coastline".
    # (A span of time's unit is no measure of its label: "delay: 30 days", not "day of delay".)
    measure = unit and unit not in MONEY_UNITS and unit not in ("%", "magnitude", *SPAN_UNITS)
    last = counted.split()[-1] if counted else ""
    if measure and last.endswith("ed") and verb_lemma(last) != last.lower():
        # "Jones and Piccard have traveled more than 20,500 miles": "miles traveled", not
        # "miles of Piccard traveled" (the words before a measure are its subject and verb)
        counted = f"{unit} {last}"
    elif measure and action and counted[:1].isupper():
        counted = unit  # the same read by the parse: "Jones" + "traveled" -> "miles traveled"
    elif measure and counted.lower() in _WHERE_WORDS:
        counted = f"{unit} {counted}"  # "40 miles offshore": not "miles of offshore"
    elif (
        measure
        and figure.head != "area"
        and unit.lower() not in counted.lower()
        and (not counted or _follows(counted, sentence, figure.end))
    ):
        counted = f"{unit} of {counted}" if counted else unit
    if measure:
        # "miles of missile traveled", not "... traveled miles": the unit is said once.
        action = " ".join(w for w in action.split() if w.lower() != unit.lower())
    label = " ".join(part for part in (counted, action) if part)
    # Quote marks and ages are no part of what is counted: 'cases of "intentional doping'
    # (its closing mark cut off), "6,000 3- to 10-year-old children".
    return " ".join(w for w in QUOTE_MARKS.sub("", label).split() if not _AGE_WORD.match(w))


def _follows(counted: str, sentence: str, end: int) -> bool:
    """Whether the counted phrase's head comes after the number (or the sentence is not
    known): "3,000 miles of coastline", not "the classmate was 3,000 miles away"."""
    if not sentence:
        return True
    head = counted.split()[-1].lower()
    return head in _ANY_LABEL_WORD.findall(sentence[end : end + 80].lower())


_AGE_WORD = re.compile(r"^\w*-?(?:year|month|week|day)s?-old$", re.IGNORECASE)


def _fact(mentions: list[Mention], agreement: str | None) -> Fact:
    claims = _claims(mentions)
    origins = set().union(*(o for _, o in claims))
    if agreement is None:
        agreement = "single" if len(origins) == 1 else "agree"
    ordered = [c for c, _ in claims]
    if agreement == "update":
        # A dated series shows each day's figure: "thousands" on a day some report gives
        # "over 1,500" says nothing more (DUC 2007 D0743J's injured).
        vague = {m.figure.value for m in mentions if m.figure.vague}
        precise_days = {c.as_of for c in ordered if c.value not in vague}
        ordered = [c for c in ordered if c.value not in vague or c.as_of not in precise_days]
        ordered.sort(key=_series_order)
    return Fact(
        subject=_subject(mentions),
        value=_shown_value(ordered, agreement),
        unit=mentions[0].figure.unit,
        claims=tuple(ordered),
        agreement=agreement,
    )


def _series_order(claim: Claim) -> tuple[dt.date, float]:
    """A dated series' order: by day (undated last), then by value."""
    return (claim.as_of or dt.date.max, claim.number or 0.0)


def _shown_value(claims: Sequence[Claim], agreement: str) -> str:
    """The row's value: a series' latest, else its first (best-supported) claim."""
    top = claims[-1] if agreement == "update" else claims[0]
    return f"{top.qualifier} {top.value}" if top.qualifier else top.value


# Incompatible values within this factor of each other can be one quantity misreported
# (500 vs 300 soldiers, magnitude 7.8 vs 7.4); further apart, they count different things
# (an aftershock's 4.6 beside the quake's 7.4). Set by hand, not fitted.
CONFLICT_RATIO = 2.0
# A running toll's step more than this many times the toll before it, never come near
# again and naming nothing the toll's reports name, is another count (``_running_toll``).
# Set by hand: on the 4,857-article mix it took nine rows' steps, eight of them another
# count by a read of their sentences (SARS's 800 dead in a swine flu brief, 61 New Yorkers
# infected after eight dead), one the story's (90 detained in Cairo, then more than 1,000
# arrested across Egypt two days on).
SPIKE_RATIO = 5.0
# ... or, whatever its sentences name, this many days after the toll's last report: a toll
# grows in reports day by day (set by reasoning: a month; not fitted).
SPIKE_GAP_DAYS = 30
# ... and a step of more than this many times the toll before it counts something else
# whatever comes after it: no toll grows four orders of magnitude from one report to the
# next (a quake's first wire counts to its toll days on grow some 500-fold: Haiti's "at
# least 100" to "45,000 to 50,000"), but a history told without its year does ("At least 40
# million people died in 18 months" after swine flu's 149 dead in Mexico, Timeline17's
# Reuters, with "An estimated 50 million people died in the first outbreak" the next day:
# each held the other up as a toll that grew and stayed). Set by reasoning, not fitted.
IMPLAUSIBLE_GROWTH = 10_000.0
# Counts that do grow so in days: an epidemic's cases, a quake's aftershocks (27 the first
# day, 1,300 five days on: DUC 2007 D0743J), a petition's signatures.
COMPOUNDING = frozenset({"case", "aftershock", "signature"})
# The same on the magnitude scale (logarithmic): half a point.
MAGNITUDE_GAP = 0.5


def _facts_of_quantity(
    mentions: list[Mention], tolerance: float
) -> list[tuple[list[Mention], str | None]]:
    """Split one label's mentions into quantities, each with its agreement when not plain.

    Values that agree form a group. A rising count stated on several days is one
    ``update``. Otherwise a group whose sources give no value of another group, within
    ``CONFLICT_RATIO`` of it and anchored to it (same place or a shared name), joins the
    best-supported such group as a ``conflict``: its sources report that quantity
    differently. Groups whose sources also give the other's value count different things
    ("about 200 with NATO" and "30 who fly helicopters").
    """
    head = mentions[0].figure.head
    if head == "dead":
        mentions = _victims_only(mentions)
    if head in ACCUMULATING and changes_over_days([(m.as_of, m.figure.number) for m in mentions]):
        toll = _running_toll(mentions, tolerance)
        if changes_over_days([(m.as_of, m.figure.number) for m in toll]):
            return [(toll, "update")]  # "at least 60" then "63": compatible, yet an update
        mentions = toll or mentions
    figures = [in_base_unit(m.figure) for m in mentions]  # square miles as square km
    happened = [_happening(m) for m in mentions]
    groups = _vague_apart(mentions, happened, components(figures, tolerance))
    if len(groups) == 1:
        return [(mentions, None)]
    groups.sort(key=lambda g: -len({mentions[i].origin for i in g}))
    # An article giving two values counts two things; an edited reprint that changes the
    # value of its original ("4,000" vs "5,000 residents") is a conflict.
    articles = [{mentions[i].article_id for i in g} for g in groups]
    # Anchored to one place: both groups' claims say where, and say the same place
    # ("seven people in California" / "eight people in California and Texas"); a place one
    # group names and the other does not ties nothing ("only three dams in the entire
    # state" / "two other dams on the Snake").
    places = [{p.lower() for i in g if (p := mentions[i].figure.place)} for g in groups]
    static = head == "area" and not any(m.figure.action for m in mentions)
    phrases = [{p for i in g if (p := _anchor_phrase(mentions[i].figure.counted))} for g in groups]
    # What each group's claims state (a count, more of it, a plan: ``_claim_kinds``), and
    # whether each is only ever one side of a comparison (``_compared``).
    kinds = [_claim_kinds(mentions, g) for g in groups]
    compared = [_compared(mentions, g) for g in groups]
    home = list(range(len(groups)))  # each group's conflict partner, or itself
    changed = [True] * len(groups)  # every joined group stated at another time: an update
    for minor in range(1, len(groups)):
        for major in range(minor):
            shared = articles[minor] & articles[major]
            claimed = head in ACCUMULATING and _claimed_apart(
                mentions, groups[minor], groups[major]
            )
            readings = (
                claimed
                or _revised_reading(mentions, groups, minor, major)
                or (
                    competing_readings(
                        figures[groups[minor][0]], figures[groups[major][0]], tolerance
                    )
                    and not _side_by_side(mentions, groups[minor], groups[major])
                )
            )
            if home[major] != major or (shared and not readings):
                continue
            a, b = _typical(figures, groups[minor]), _typical(figures, groups[major])
            if mentions[0].figure.unit == "magnitude":  # a log scale: 7.8 vs 7.4, not 5.8
                near = abs(a - b) <= MAGNITUDE_GAP
            else:
                # Two sides' tolls of one fight are far apart as often as not.
                near = claimed or max(a, b) <= CONFLICT_RATIO * max(min(a, b), 1e-9)
            # Anchored to one quantity: a place, the same modified noun ("secret files"),
            # or a name both sides mention.
            same = bool(places[minor] & places[major] or phrases[minor] & phrases[major])
            # A stated extent ("Kakadu covers 20,000 square km") does not change over
            # days as a toll does: later values of it disagree, they do not update it.
            apart_in_time = not static and _apart_in_time(mentions, groups[minor], groups[major])
            if mentions[0].figure.unit == "magnitude" and _apart_in_time(
                mentions, groups[minor], groups[major], days=0
            ):
                continue  # magnitudes stated on different days: different tremors
            if head in _DAYS_OWN and apart_in_time:
                continue  # each day's move is its own: no update
            if _on_other_days(mentions, groups[minor], groups[major]):
                continue  # "on Thursday ... 26 pirates" / "23 pirates ... on Saturday"
            if (
                head not in ACCUMULATING
                and mentions[0].figure.unit is None
                and max(a, b) < SMALL_COUNT
                and _one_side_happens(happened, groups[minor], groups[major])
            ):
                # A few things something has are not the few that something happened to:
                # "the Concorde's four engines" / "removed two engines"
                continue
            if _done_differently(happened, groups[minor], groups[major]):
                continue  # "evacuate some 420 passengers" / "fly its 246 passengers"
            if len(kinds[minor]) == len(kinds[major]) == 1 and kinds[minor] != kinds[major]:
                continue  # "six more crows found dead" / "seven dead crows have been found"
            if compared[minor] or compared[major]:
                continue  # "44 percent of the popular vote to 43 percent for the PQ"
            named = _share_a_name(mentions, [groups[minor], groups[major]])
            if apart_in_time and _counted_in_own_words(phrases[minor], phrases[major], head):
                continue  # "42 NLD members of parliament" / "26 members of ... armed groups"
            if near and (same or (shared and readings) or named):
                home[minor] = major
                changed[major] = changed[major] and apart_in_time
                break
    facts: list[tuple[list[Mention], str | None]] = []
    for major, group in enumerate(groups):
        if home[major] != major:
            continue
        joined = [i for minor, g in enumerate(groups) if home[minor] == major for i in g]
        agreement = None
        if len(joined) > len(group):
            agreement = "update" if changed[major] else "conflict"
        facts.append(([mentions[i] for i in sorted(joined)], agreement))
    return facts


# A toll told with its attackers: "Six dead, including gunman, in shooting spree".
_WITH_ATTACKERS = re.compile(
    r"\bincluding\s+(?:the\s+|a\s+|two\s+|three\s+)?(?:suspected\s+|lone\s+)?"
    r"(?:gunm[ae]n|shooters?|attackers?|assailants?|(?:suicide\s+)?bombers?|hijackers?"
    r"|perpetrators?|killers?)\b",
    re.IGNORECASE,
)
_MOST_ATTACKERS = 3


def _victims_only(mentions: list[Mention]) -> list[Mention]:
    """The mentions of a toll less those that count its attackers too when another says
    the toll without them, one to ``_MOST_ATTACKERS`` fewer: "Six dead, including gunman"
    beside "gunman kills five people, self" (WCEP's Bakersfield shooting) is the victims'
    toll told two ways, not a conflict; the row gives the victims'."""
    with_attackers = [bool(_WITH_ATTACKERS.search(m.quote)) for m in mentions]
    victims = {m.figure.number for m, w in zip(mentions, with_attackers, strict=True) if not w}
    return [
        m
        for m, w in zip(mentions, with_attackers, strict=True)
        if not w or not any(m.figure.number - n in victims for n in range(1, _MOST_ATTACKERS + 1))
    ]


# Words that say a count is of others than some other count: no anchor of a quantity
# (``_anchor_phrase``), more of what was counted (``_INCREMENT_AFTER``), another count
# (``_MORE``).
_OTHERS_WORDS = frozenset({"other", "more", "another", "additional", "further"})


def _any_word(words: Iterable[str]) -> str:
    """A pattern for any of ``words``, whole."""
    return rf"\b(?:{'|'.join(sorted(words))})\b"


def _anchor_phrase(counted: str | None) -> str | None:
    """The modified noun a count names ("secret files"), which anchors two groups' claims
    to one quantity; None for a bare noun. "other" and its like say only that these are
    others than something each sentence names: "Three other dams will be retrofitted"
    and "two other dams on the Snake" are no one quantity (a DUC 2006 update "dams in
    entire state: three -> two")."""
    words = [w for w in (counted or "").lower().split() if w not in _OTHERS_WORDS]
    return " ".join(words) if len(words) > 1 else None


# A count of more of the same: "six more crows", "another 12", "an additional 300",
# "Four other people were rescued during the day".
_INCREMENT_AFTER = re.compile(r"\s+" + _any_word(_OTHERS_WORDS - {"another"}))  # after a number
_INCREMENT_BEFORE = re.compile(r"\b(?:another|additional|further)\s+$", re.IGNORECASE)
# A plan or expectation ahead of what happened: "plans to launch its own test early next
# year with about 100 autistic children".
_PLANNED = re.compile(
    r"\b(?:plans?|planned|planning|intends?|intended|expects?|expected|aims?|hopes?)\s+to\b"
)


def _counts_more(mention: Mention) -> bool:
    """Whether a figure counts more of what was counted, said after it ("six more crows",
    "Four other people were rescued during the day"), not all of it. "Another" before it
    may be that ("another 12") or a count of another kind ("200,000 people died ... and
    another 1.5 million have been made homeless"): ``_an_increment``."""
    return bool(_INCREMENT_AFTER.match(mention.quote, mention.figure.end))


def _an_increment(mention: Mention) -> bool:
    """Whether a figure counts more of what was counted (``_counts_more``, "another 12")."""
    return _counts_more(mention) or bool(
        _INCREMENT_BEFORE.search(mention.quote[: mention.figure.start])
    )


def _claim_kinds(mentions: list[Mention], group: list[int]) -> set[str]:
    """What a group's claims state: "increment" ("six more crows found dead there",
    "another 12"), "plan" (a modal or "plans to", "expected to" before it in its clause:
    "plans to launch its own test ... with about 100 autistic children") or "count". One
    group all of one kind and another all of another are two things, not a conflict: more
    of a count, or what is to come, is no other value of what was counted (DUC 2006's West
    Nile crows, 7 / 6 more; autism's study of 56 children beside a planned test of 100)."""

    def kind(mention: Mention) -> str:
        quote, figure = mention.quote, mention.figure
        if _an_increment(mention):
            return "increment"
        # Said before the number: "the 118 sailors on board could survive for two more
        # weeks" counts the crew (DUC 2006's Kursk, 118 / 116, a conflict).
        clause = quote[start_of_clause(quote, figure.start) : figure.start]
        return "plan" if _MODAL.search(clause) or _PLANNED.search(clause) else "count"

    return {kind(mentions[i]) for i in group}


# A sentence that sets two values side by side: "received 44 percent of the popular vote
# to 43 percent for the Parti Quebecois", "arrived with 82 passengers, compared to 32".
_COMPARISON = re.compile(
    r"\b(?:compared\s+(?:to|with)|versus|vs\.|as\s+against)\s"
    r"|\bto\s+\d[\d.,]*\s*(?:percent|per\s+cent|%)\s+for\b",
    re.IGNORECASE,
)


def _compared(mentions: list[Mention], group: list[int]) -> bool:
    """Whether every claim of a group is one side of a comparison (``_COMPARISON``): which
    side a value is, the label does not say, so it is no other report's value told
    differently (DUC 2006: Quebec's parties' shares of the vote, 44 / 42.8 percent; the
    crashed Concorde's 100 passengers and a later flight's 82)."""
    return all(_COMPARISON.search(mentions[i].quote) for i in group)


def _counted_in_own_words(first: set[str], second: set[str], head: str | None) -> bool:
    """Whether what two groups count is told apart by the words around its noun: one names
    it in words the other never uses ("42 NLD members of parliament" in prison; a year on,
    "26 members" of armed groups who surrendered). Months apart, that is two things,
    however many names their sentences share. "20 states" and "19 states" suing one
    company stay one count; so do "confirmed cases" and "confirmed swine flu cases"."""
    words = [{w for p in phrases for w in _label_words(p)} - {head} for phrases in (first, second)]
    return any(words) and not words[0] & words[1]


def _on_other_days(mentions: list[Mention], first: list[int], second: list[int]) -> bool:
    """Whether both groups' sentences name days and never the same one: two incidents ("An
    Indian warship on Thursday intercepted ... 26 Somali pirates" / "captured 23 ...
    pirates who attacked a merchant vessel ... on Saturday"), not one count reported two
    ways. A growing toll's values of different days are an update before this is asked."""
    named = [{day for i in group for day in mentions[i].days} for group in (first, second)]
    return all(named) and not named[0] & named[1]


def _done_differently(happened: list[str | None], first: list[int], second: list[int]) -> bool:
    """Whether both groups say what happened to the counted thing, every claim of one of
    them does, and no verb is shared: two quantities ("some 420 passengers and crew
    evacuated" / "fly its 246 passengers"; "69 response vessels used" / "76 deployed";
    "armed with 50,000 barrels of mud", "stockpiled some 50,000 barrels" / "pumped 30,000
    barrels into the well"), not one reported two ways ("200 people set off" / "100 set
    off"; "10 killed" / "12 died": one toll)."""
    verbs = [{happened[i] for i in group} for group in (first, second)]
    told = [v - {None} for v in verbs]
    return all(told) and not told[0] & told[1] and (None not in verbs[0] or None not in verbs[1])


def _one_side_happens(happened: list[str | None], first: list[int], second: list[int]) -> bool:
    """Whether every claim of one group says what happened to the counted things
    (``_happening``) and no claim of the other does."""
    said = [[happened[i] is not None for i in group] for group in (first, second)]
    return (all(said[0]) and not any(said[1])) or (all(said[1]) and not any(said[0]))


def _happening(mention: Mention) -> str | None:
    """What happened to the counted thing, as one word ("killed" and "died" are one toll,
    "dead"; "injured" and "wounded" another), or None when the sentence does not say."""
    action = mention.figure.action
    if not action:
        return None
    word = action_verb(action).lower()
    return casualty_of(word, action) or verb_lemma(word)


def _vague_apart(
    mentions: list[Mention], happened: list[str | None], groups: list[list[int]]
) -> list[list[int]]:
    """The groups with each vague claim done otherwise than all the precise claims of its
    group set apart: "Hundreds of members ... have since been jailed" is no claim of "at
    least 20 members ... surrendered" (DUC 2007 D0706B, two years apart, one row "agree")."""
    split = []
    for group in groups:
        precise = {happened[i] for i in group if not mentions[i].figure.vague}
        apart = [
            i
            for i in group
            if mentions[i].figure.vague
            and precise
            and None not in precise
            and happened[i] is not None
            and happened[i] not in precise
        ]
        split += [[i for i in group if i not in apart], apart] if apart else [group]
    return split


def _typical(figures: list[Figure], group: list[int]) -> float:
    """A group's median value, of its precise figures when it has any: "tens of thousands"
    is read as its lower end, 20,000, beside the 55,000 it agrees with."""
    precise = [figures[i].number for i in group if not figures[i].vague]
    return statistics.median(precise or [figures[i].number for i in group])


def _running_toll(mentions: list[Mention], tolerance: float) -> list[Mention]:
    """The mentions that state a growing count as it stood each day: the day's largest
    firm value and those agreeing with it. A report's lesser values that day count parts
    (one town's dead, a later tremor's), and a day further than ``CONFLICT_RATIO`` below
    an earlier day's toll counts something else (another quake's dead a year on); a
    bound from above ("as many as 40,000"), a vague one or one a modal verb governs ("the
    death toll in the UK could range between 50,000 and 750,000") is a projection, not the
    toll; nor is a count of more of it (``_counts_more``: "Four other people were rescued
    during the day", then "Two people have been rescued after spending 10 days under
    rubble" was "other people rescued: Four -> Two"). A day's toll more than
    ``SPIKE_RATIO`` times the toll before it that no later day comes near, in sentences
    naming something and nothing the toll's sentences name, counts something else too
    ("That too ... caused more than 800 deaths worldwide", SARS in a report of swine
    flu's 81 dead in Mexico; "killed at least 40 on the Volga Delta" after New York's
    seven: ``_counts_another``); a toll that grows so and stays (1,000 killed, then 10,000, then
    12,000) is the story's, and so are counts that compound (``COMPOUNDING``)."""
    by_day: dict[dt.date, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.as_of is not None and not _projected(mention) and not _counts_more(mention):
            by_day[mention.as_of].append(mention)
    firm = [m for told in by_day.values() for m in told if not m.figure.vague and m.figure.low > 0]
    tolls: dict[dt.date, Figure] = {}
    for day in sorted(by_day):
        # the day's toll: its largest firm value, but one far above what more reports
        # state that day or after (a toll does not fall so)
        now = [m for m in firm if m.as_of == day]
        since = [m for m in firm if m.as_of is not None and m.as_of >= day]
        now = [m for m in now if not _outnumbered_spike(m, since, tolerance)]
        if now:
            tolls[day] = max(now, key=lambda m: m.figure.number).figure
    kept: list[Mention] = []
    running = 0.0
    for day, toll in tolls.items():
        if toll.number * CONFLICT_RATIO < running:
            continue
        same = [m for m in by_day[day] if compatible(m.figure, toll, tolerance)]
        later = [t.number for d, t in tolls.items() if d > day]
        if running and _counts_another(kept, same, running, later):
            continue
        running = max(running, toll.number)
        kept += same
    chosen = {id(m) for m in kept}
    return [  # in reading order, with the undated claims that agree with a day's toll
        m
        for m in mentions
        if id(m) in chosen
        or (m.as_of is None and any(compatible(m.figure, k.figure, tolerance) for k in kept))
    ]


def _outnumbered_spike(mention: Mention, since: list[Mention], tolerance: float) -> bool:
    """Whether a day's value is another count than the toll: more than ``SPIKE_RATIO``
    times the values more reports state that day or later (``since``), and no other
    report's value comes within ``CONFLICT_RATIO`` of it. A toll does not fall so: "It
    killed 612 people and injured more than 1,400" (February's quake, in a report of the
    Qeshm quake) was the day's toll against the 10 dead and 50 to 80 injured the other
    reports gave that day and the next, and theirs were dropped as its parts."""
    number = mention.figure.number
    near = {m.origin for m in since if math.isclose(m.figure.number, number, rel_tol=tolerance)}
    others = [m for m in since if m.origin not in near]
    if any(m.figure.number * CONFLICT_RATIO >= number for m in others):
        return False
    lesser = {m.origin for m in others if m.figure.number * SPIKE_RATIO < number}
    return len(lesser) > len(near)


def _counts_another(
    kept: list[Mention], same: list[Mention], running: float, later: list[float]
) -> bool:
    """Whether a day's toll (``same``: its mentions) counts something else than the
    running toll its ``kept`` mentions state: more than ``SPIKE_RATIO`` times it, no
    ``later`` day's toll within ``CONFLICT_RATIO`` of it, its sentences naming something
    and nothing theirs name ("caused more than 800 deaths worldwide" names Asia; "More
    than 16,000 people were listed as seriously injured" the day after Izmit's 1,500
    names nothing: the toll grown). One that comes more than ``SPIKE_GAP_DAYS`` after
    the last day of the running toll counts something else whatever it names, once it is
    more than ``CONFLICT_RATIO`` times it: a toll grows in reports day by day ("Larry
    Robison, who killed five people" and, six months on, "More than 600 people have
    died" were an update "people killed: five -> 600"); one
    more than ``IMPLAUSIBLE_GROWTH`` times it counts something else whatever follows."""
    number = max(m.figure.number for m in same)
    last = max((m.as_of for m in kept if m.as_of is not None), default=None)
    day = same[0].as_of
    late = last is not None and day is not None and (day - last).days > SPIKE_GAP_DAYS
    # A late day's step needs to be only as large as a conflict's gap: "seven people were
    # killed ... in the overnight air raid" and, ten months on, "25 people killed ... in
    # the past week" (a DUC 2006 theme on Chechnya) were an update "seven -> 25".
    step = CONFLICT_RATIO if late else SPIKE_RATIO
    if same[0].figure.head in COMPOUNDING or number <= step * running:
        return False
    if number > IMPLAUSIBLE_GROWTH * running:
        return True
    if any(n * CONFLICT_RATIO >= number for n in later):
        return False
    if late:
        return True
    theirs, mine = _anchors(
        kept + same, [list(range(len(kept))), list(range(len(kept), len(kept) + len(same)))]
    )
    return bool(mine) and not mine & theirs


# A modal verb that puts what follows it in the future: "could range between", "will rise
# to". Not "may have been killed": an estimate of what happened.
_MODAL = re.compile(r"\b(?:could|might|may|would|will)\b(?!\s+(?:have|not have)\b)")


def _projected(mention: Mention) -> bool:
    """Whether a modal verb (``_MODAL``) governs the figure: before it in its clause ("the
    toll could range between 50,000 and 750,000") or between it and what happened to the
    counted thing ("1,000 people could die")."""
    figure, quote = mention.figure, mention.quote
    clause = quote[start_of_clause(quote, figure.start) : figure.start]
    if figure.action:
        verb = quote.find(action_verb(figure.action), figure.end)
        if verb > 0:
            clause += " " + quote[figure.end : verb]
    return bool(_MODAL.search(clause))


def _side_by_side(mentions: list[Mention], minor: list[int], major: list[int]) -> bool:
    """Whether one group's amounts are only ever stated in a sentence with the other's:
    a list of two things ('"Return of the Jedi" has grossed $309 million ... and "The Empire
    Strikes Back" has made $290 million'), not a claim and its correction, which a report
    makes in sentences of their own."""
    if mentions[minor[0]].figure.unit not in MONEY_UNITS:
        return False  # a magnitude's two readings share a sentence (``_revised_reading``)
    return {mentions[i].quote for i in minor} <= {mentions[i].quote for i in major}


# A verb or phrase that gives a statement its source: "the group said", "the military
# confirmed", "according to".
_SOURCE_VERB = re.compile(
    r"\b(?:said|says|claimed|claims|confirmed|confirms|reported|reports|put|puts|insisted"
    r"|insists|according\s+to)\b"
)


def _claimed_apart(mentions: list[Mention], minor: list[int], major: list[int]) -> bool:
    """Whether a toll's two values are told in one sentence, each by its own source: "While
    the group said it had killed at least 61 soldiers in the fighting, the military
    confirmed that Al-Shabaab killed 20" is one toll the two sides give differently (a
    one-report brief showed "soldiers killed: 61" as fact). Each value needs a source verb
    of its own: before the first, and between the two."""
    for one, other in itertools.product((mentions[i] for i in minor), (mentions[j] for j in major)):
        if one.quote != other.quote or one.article_id != other.article_id:
            continue
        early, late = sorted((one.figure, other.figure), key=lambda f: f.start)
        quote = one.quote
        between = quote[early.end : late.start]
        if (
            _SOURCE_VERB.search(quote[: early.start])
            and _SOURCE_VERB.search(between)
            and not _MORE.search(between + quote[late.end : late.end + 12])
        ):
            return True
    return False


# Words that make a second count another one: "reported three more killed", "another 12".
_MORE = re.compile(_any_word(_OTHERS_WORDS | {"others"}))


def _revised_reading(
    mentions: list[Mention], groups: list[list[int]], minor: int, major: int
) -> bool:
    """Whether an article's two magnitudes are one quake's revised or competing readings:
    a quake has one magnitude, and a sentence giving two near ones ("a preliminary
    magnitude of 7.8, but downgraded that to 7.4") reports a disagreement, not two quakes.
    Every article stating both must state them in one sentence."""
    if mentions[0].figure.unit != "magnitude":
        return False
    if any(_listed(mentions[i], mentions[j]) for i in groups[minor] for j in groups[major]):
        return False  # "two strong aftershocks of 5.9 and 5.5": two shocks
    quotes = [
        {(mentions[i].article_id, mentions[i].quote) for i in g}
        for g in (groups[minor], groups[major])
    ]
    shared = {a for a, _ in quotes[0]} & {a for a, _ in quotes[1]}
    return all(
        any((article, q) in quotes[1] for a, q in quotes[0] if a == article) for article in shared
    )


def _listed(a: Mention, b: Mention) -> bool:
    """Whether two amounts are listed in one sentence, nothing but "and" or a comma between
    them ("aftershocks of 5.9 and 5.5 magnitude", Timeline17's Haiti: a false conflict)."""
    if a.quote != b.quote or a.figure.start == b.figure.start:
        return False
    first, second = sorted((a.figure, b.figure), key=lambda figure: figure.start)
    return re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", a.quote[first.end : second.start]) is not None


# Counts each day has its own: an index's move ("the Dow finished down 25.78 points") is
# never a count updated over days (a DUC 2006 update "points: 19.31 -> 25.78", two days'
# closes four months apart); one day's reports still agree ("recouping most of the 213
# points it lost" / "did indeed drop more than 200 points on Wednesday morning").
_DAYS_OWN = frozenset({"point"})
# Claims this many days apart or fewer are about "the same time": a report and the next
# days' follow-ups and reprints. Further apart, different values of a count are an update
# (20 states sued in 1998, 19 in 1999; an outbreak "has spread to 19 countries" on 3 May
# and to 29 on 10 May, a conflict in the thirty-second read while this was the news
# cycle's 7 days), not a conflict. Set by reasoning, not fitted: the dev stories hold too
# few conflicts (`eval briefs` is the same for 3 and 7).
SAME_TIME_DAYS = 3


def _apart_in_time(
    mentions: list[Mention], first: list[int], second: list[int], days: int = SAME_TIME_DAYS
) -> bool:
    """Whether every claim of one group is dated more than ``days`` from the other's."""
    days_a = [mentions[i].as_of for i in first]
    days_b = [mentions[i].as_of for i in second]
    if None in days_a or None in days_b:
        return False  # an undated claim may be of the same time
    return all(abs((a - b).days) > days for a in days_a for b in days_b if a and b)


_NAME_WORD = re.compile(r"(?<=[\w,;:] )[A-Z][\w’'-]{2,}")
_NOT_ANCHORS = frozenset(
    word
    for words in (
        "January February March April May June July August September October November December",
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That",
        # Abbreviated months and titles: a date's or a person's, no anchor ("Oct. 7",
        # "Gov. Bush", "Nostrand Ave.": a DUC 2006 update "questions: 32 -> 26" of two
        # requests a week apart was anchored by "Oct" and "Nov").
        "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec",
        "Mrs Gov Sen Rep Gen Col Sgt Capt Ave",  # "Mr", "Dr" are too short to be read
    )
    for word in words.split()
)


def _names_in(quote: str) -> set[str]:
    """Return the capitalised words inside a sentence (not its first word): its anchors."""
    words = (re.sub(r"['’]s$", "", w) for w in _NAME_WORD.findall(quote))  # "Australia's"
    return {w for w in words if w not in _NOT_ANCHORS}


def _anchors(mentions: list[Mention], groups: list[list[int]]) -> list[set[str]]:
    """The names each group's sentences name (``_names_in``) but the thing counted: that
    is no anchor, even capitalised ("six Concordes" / "seven Concordes": two airlines'
    fleets); what else both name is."""
    counted = {
        singular(word.lower())
        for m in mentions
        for word in re.findall(r"[\w'’-]+", m.figure.counted or "")
    }
    return [
        {
            name
            for i in g
            for name in _names_in(mentions[i].quote)
            if singular(name.lower()) not in counted
        }
        for g in groups
    ]


def _share_a_name(mentions: list[Mention], groups: list[list[int]]) -> bool:
    """Return whether every group of disagreeing claims names something another group names.

    Two sources disagreeing about one quantity report it about the same people, ships or
    places ("pirates in two boats ... INS Mysore" / "in three boats ... INS Mysore"). Checked
    on the 40 ECB+ dev events: requiring one shared name cut the conflicts from 33 to 9.
    """
    names = _anchors(mentions, groups)
    return all(
        any(mine & theirs for j, theirs in enumerate(names) if j != i)
        for i, mine in enumerate(names)
    )


def _same_statement_class(unplaced: Figure, placed: Figure) -> bool:
    """A plain number may restate a qualified one ("800" / "about 800"); a bound ("more
    than", "up to") restates only a bound of its kind."""
    mine = QUALIFIER_CLASSES.get(unplaced.qualifier or "", unplaced.qualifier)
    theirs = QUALIFIER_CLASSES.get(placed.qualifier or "", placed.qualifier)
    return mine in (None, "about") or mine == theirs


def _names_a_place(place: str) -> bool:
    """Whether a figure's place names one ("in Iraq"): "in the region", "at the border"
    point back to the story's own place, so they make no other quantity."""
    return any(word[:1].isupper() for word in place.split())


# The sides of a fight whose tolls are told apart: "more than 2,000 militants" killed in
# airstrikes and "more than 1,500 soldiers and officers" killed are two tolls (a DUC 2006
# row "militants killed: 2,000 -> 1,500", an update, the thirty-eighth read). Civilians
# are neither side ("21 civilians killed" against "militants killed 15 Syrian army and
# allied soldiers", a conflict in the thirty-ninth read). A toll of people or victims
# names no side: it may hold any.
_SIDE_WORDS = {
    "forces": "soldier troop force serviceman servicemen policeman policemen police marine"
    " sailor airman officer guardsman army",
    "fighters": "militant rebel insurgent gunman gunmen fighter terrorist jihadist guerrilla"
    " separatist attacker",
    "civilians": "civilian",
}
_SIDES = {word: side for side, words in _SIDE_WORDS.items() for word in words.split()}
_TOLL_HEADS = frozenset({"dead", "injured", "missing"})


def _side(figure: Figure) -> str | None:
    """The side of a fight a toll counts (``_SIDES``), when its noun names one."""
    if figure.head not in _TOLL_HEADS or not figure.counted:
        return None
    return _SIDES.get(singular(figure.counted.split()[-1]))


def _quantity_key(figure: Figure) -> tuple[object, ...]:
    place = figure.place.lower() if figure.place and _names_a_place(figure.place) else None
    side = _side(figure)
    head = figure.head if side is None else f"{figure.head} ({side})"
    key: tuple[object, ...] = (head, place, base_unit(figure.unit))
    if figure.head in DURATION_HEADS or figure.unit in SPAN_UNITS or not figure.head:
        # "three days", a percentage of nothing named: too generic to be one quantity
        # across sources. Equal values still agree; others never conflict.
        key = (*key, figure.qualifier, figure.number)
    elif figure.head in GENERIC_HEADS and not figure.action and not figure.place:
        # "about 60 people" with nothing that happened to them or where: as generic; the
        # same number still agrees however qualified ("at least a dozen" / "a dozen").
        key = (*key, figure.number)
    return key


# "two of Jackson's children", "four of its six Concordes": a count of part of a set.
_PARTITIVE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|these|those|[A-Z][\w.'’-]*\s?['’]s)\s"
)


def _part_of_a_set(mention: Mention) -> bool:
    """Whether a count is of part of a set the sentence names ("two of Jackson's
    children"): another quantity than the set's size, never in conflict with it ("the
    singer's three children"). "about 500 of them in Iraq" is the thing counted before."""
    figure = mention.figure
    return (
        figure.unit is None
        and not figure.vague
        and bool(_PARTITIVE.match(mention.quote, figure.end))
    )


# "the" right before an amount: one told before ("the $7 million", "the 1.7 billion").
_THE_AMOUNT = re.compile(r"\b[Tt]he\s+(?:[A-Z]{0,3}[$€£¥]\s?)?$")
# How many letters of a word say which it is beside an amount ("economy", "economic").
_STEM_LETTERS = 5


def _said_alike(mention: Mention, others: Iterable[Mention]) -> bool:
    """Whether the words beside an amount share a stem with those beside another mention
    of it (``agreement.words_near``)."""
    stems = {word[:_STEM_LETTERS] for word in words_near(mention)}
    return any(stems & {word[:_STEM_LETTERS] for word in words_near(m)} for m in others)


def _group(mentions: Iterable[Mention], tolerance: float) -> list[list[Mention]]:
    """Group mentions by quantity (step 2 of the module docstring)."""
    by_key: dict[tuple[object, ...], list[Mention]] = defaultdict(list)
    money: dict[tuple[str, float], list[tuple[object, ...]]] = defaultdict(list)
    for mention in mentions:
        figure = mention.figure
        key = _quantity_key(figure)
        if _part_of_a_set(mention):
            key = (*key, "part")
        if mention.background:
            key = (*key, "background")  # "the 1939 quake killed 20,000": another event
        # One amount of money is one quantity whatever each sentence calls it, when the
        # words beside it say so too or it is "the" amount told before ("Experts described
        # the $7 million as paltry"): "$100,000 to keep running" and "spent about $100,000
        # to promote Book Sense" are two. A range's bound is not that amount ("a loss of
        # between 20 and 40 billion dollars" is no "domestic debt of 40 billion dollars").
        if figure.unit in MONEY_UNITS and not figure.vague and not is_range(figure):
            amounts = money[(figure.unit, figure.number)]
            told = _THE_AMOUNT.search(mention.quote[: figure.start]) is not None
            key = next(
                (k for k in amounts if k == key or told or _said_alike(mention, by_key[k])),
                key,
            )
            if key not in amounts:
                amounts.append(key)
        by_key[key].append(mention)
    join_competing_amounts(by_key, tolerance)
    placed: dict[object, list[tuple[object, ...]]] = defaultdict(list)
    for key in by_key:
        # A background's or a part's quantity takes no mention without a place: "tens of
        # thousands" of a story's dead joined 2003's "more than 31,000 in Bam" (a conflict).
        if key[1] is not None and len(key) == 3:
            placed[(key[0], key[2])].append(key)
    for key in [k for k in by_key if k[1] is None and len(k) == 3]:
        targets = placed.get((key[0], key[2]), [])
        staying = []
        for mention in by_key.pop(key):
            matching = [
                t
                for t in targets
                if all(
                    compatible(in_base_unit(mention.figure), in_base_unit(n.figure), tolerance)
                    for n in by_key[t]
                )
                # one sentence names one quantity once: "about 200 with a NATO mission ...
                # and upwards of 200 special-forces soldiers" are two
                and all(n.quote != mention.quote for n in by_key[t])
                # "upwards of 200" is a bound, not the "about 200 in Baghdad" it overlaps
                and all(_same_statement_class(mention.figure, n.figure) for n in by_key[t])
            ]
            if len(matching) == 1:  # "800 soldiers" joins "about 800 members in the region"
                by_key[matching[0]].append(mention)
            else:
                staying.append(mention)
        if staying:
            by_key[key] = staying
    return list(by_key.values())


Features = tuple[float, ...]
Candidate = tuple[Fact, Features, bool]  # a fact, its features, whether never shown


def candidate_facts(
    event: Event, config: FactsConfig, showable_only: bool = False
) -> list[Candidate]:
    """Return every fact of the event with its importance features (``importance``) and
    whether a brief never shows it: background (another event's figure or a set's size,
    the gold schema's "not numbers about background"), or only ever vague ("hundreds of
    people", "dozens"): no editor's figure on the 14 gold briefs is, and leaving them out
    raised the held-out folds' precision from 0.897 to 0.923 at the same recall
    (bench/facts.py). A vague claim still joins a row of precise ones ("150", "hundreds").

    With ``showable_only``, a figure that stays under ``config.min_importance`` at the
    highest centrality is given none: its sentences are not encoded (half the figures,
    half the encoder's cost in this stage), and it is not shown either way."""
    copy_of = {a.id: a.copy_of or a.id for a in event.articles}
    reports = reports_of(event)
    read: list[tuple[Fact, list[Mention], int]] = []
    for quantity in _group(read_mentions(event, config), config.relative_tolerance):
        for mentions, agreement in _facts_of_quantity(quantity, config.relative_tolerance):
            origins = {copy_of.get(m.article_id, m.article_id) for m in mentions}
            read.append((_fact(mentions, agreement), mentions, len(origins)))
    vocabulary = report_vocabulary(event)
    candidates = [
        (
            fact,
            figure_features(
                mentions,
                independent,
                fact.agreement,
                topical_share(mentions, vocabulary, reports),
            ),
            all(m.background for m in mentions) or all(m.figure.vague for m in mentions),
        )
        for fact, mentions, independent in read
    ]
    # Importance is linear in the cosine (-1 .. 1): its highest is at one end, whatever
    # the sign of the feature's weight.
    wanted = [
        i
        for i, (_, features, hidden) in enumerate(candidates)
        if not showable_only
        or (
            not hidden
            and max(importance(with_centrality(features, end)) for end in (-1.0, 1.0))
            >= config.min_importance
        )
    ]
    centre = lead_centre(event) if wanted else None
    for i, near in zip(wanted, centrality([read[i][1] for i in wanted], centre), strict=True):
        fact, features, hidden = candidates[i]
        candidates[i] = (fact, with_centrality(features, near), hidden)
    return candidates


def rank_facts(
    candidates: list[Candidate],
    weights: dict[str, float] | None = None,
    bias: float | None = None,
) -> list[tuple[Fact, float]]:
    """Score candidates (``importance``), most important first, one fact per row; a
    hidden figure (``candidate_facts``), one whose label names only its unit, only
    "people" or only a change, or a distance its label does not measure is never shown."""

    def score(candidate: Candidate) -> float:
        fact, features, hidden = candidate
        if (
            hidden
            or _names_only_its_unit(fact)
            or _names_nobody_in_particular(fact)
            or _names_only_a_change(fact)
            or _distance_not_measured(fact)
        ):
            return -math.inf
        return importance(features, weights, bias)

    scored = [(candidate[0], score(candidate)) for candidate in candidates]
    scored.sort(key=lambda item: -item[1])
    return _merge_rows(scored)


def scored_facts(event: Event, config: FactsConfig) -> list[tuple[Fact, float]]:
    """Return every fact of the event with its importance, most important first (one
    that cannot be shown scored without its centrality: ``candidate_facts``)."""
    return rank_facts(candidate_facts(event, config, showable_only=True))


_LABEL_WORD = re.compile(r"[A-Za-z][A-Za-z-]{3,}")
_ANY_LABEL_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


def _names_only_its_unit(fact: Fact) -> bool:
    """Whether a figure's label is only a span of time or its unit ("years: 18", "mph: 95
    / 100 / 105", "degrees: 9"): it does not say what is counted (DUC 2007 D0727G, D0740I).
    A magnitude says it: a quake's."""
    if fact.unit == "magnitude":
        return False
    units = DURATION_HEADS | {singular((fact.unit or "").lower())}
    if fact.unit in MONEY_UNITS:  # "dlrs: $500" (a conversion in brackets)
        units |= CURRENCY_NAMES | {"dlr"}  # the AP's "dlrs", singular
    return _subject_words(fact) - {"of"} <= units


# Words for anyone of a kind: "women: two" (DUC 2007 D0736H), "children: 10 / 9 / 4".
_ANYONE_OF_A_KIND = word_set("man men woman women child children boy girl adult")


def _names_nobody_in_particular(fact: Fact) -> bool:
    """Whether a figure's label is only a word for anyone ("people: 400", "people: 113",
    "women: two"): it says neither who they are nor what happened to them (the
    2,000-article mix: a jury panel, a dinner's audience, a country's population, a
    crash's dead all read so)."""
    return _label_only_of(fact, GENERIC_HEADS | _ANYONE_OF_A_KIND)


# Words of change or extent: alone they say neither what changed nor what is measured.
_CHANGE_WORDS = EXTENT_WORDS | word_set(
    """
    increase rise decrease decline drop fall gain jump cut growth reduction change hike
    surge boost
    """
)


def _names_only_a_change(fact: Fact) -> bool:
    """Whether a figure's label is only a word of change or extent ("increase: 4.5
    percent" of "book club sales reached $950 million, an increase of 4.5 percent";
    "worldwide: $7.2 billion"): what changed is elsewhere in the sentence."""
    return _label_only_of(fact, _CHANGE_WORDS)


def _label_only_of(fact: Fact, vocabulary: frozenset[str]) -> bool:
    """Whether a figure's label has words and every one of them is in ``vocabulary``."""
    words = _subject_words(fact)
    return bool(words) and words <= vocabulary


def _subject_words(fact: Fact) -> set[str]:
    """Every word of a figure's label, lower-case and singular (``_label_words`` keeps
    only the words that name something)."""
    return {singular(w.lower()) for w in _ANY_LABEL_WORD.findall(fact.subject)}


# What covers or spans a distance: "missile traveled", "traveling" (NewsWCL50-6's 2,500
# miles), "maximum height", "length of the border"; and the snow or rain that a storm's
# depth measures ("8 to 12 inches of snow").
_DISTANCE_WORDS = word_set(
    """
    travel fly walk march drive swim sail run trek hike flee journey trip flight stretch span
    extend reach rise fall drop plunge climb dive sink cover height depth length distance
    width altitude range radius diameter elevation perimeter border coastline route road
    pipeline wall fence runway tunnel bridge snow rain snowfall rainfall
    """
)


# What has a speed besides what travels: "winds of up to 100 mph", "top speed".
_SPEED_WORDS = _DISTANCE_WORDS | word_set("wind gust speed velocity hurricane storm typhoon")


def _distance_not_measured(fact: Fact) -> bool:
    """Whether a distance's label says nothing of what covered or spans it: the parse labels
    most distances by where something is ("Jan flyby: 218 miles", "crew submarine: 350
    feet", "located hilltop: 800 meters", "feet of underwater" on the 1,000-article mix).
    A distance is shown when a word of its label moves or measures (``_DISTANCE_WORDS``);
    a speed likewise, or when it is the wind's (``_SPEED_WORDS``: "east-bound direction:
    200 kilometers an hour", DUC 2007 D0740I, is not shown)."""
    vocabulary = {"km": _DISTANCE_WORDS, "km/h": _SPEED_WORDS}.get(base_unit(fact.unit) or "")
    if vocabulary is None:
        return False
    words = [w.lower() for w in _ANY_LABEL_WORD.findall(fact.subject)]
    return not any(verb_lemma(w) in vocabulary or singular(w) in vocabulary for w in words)


# Label words that name no particular thing: two rows sharing only these are not one fact.
_EMPTY_LABEL_WORDS = frozenset({"money", "people", "percent", "with", "from", "into", "about"})


def _label_words(subject: str) -> set[str]:
    """A label's words, singular, synonyms folded ("import duties" names a tariff)."""
    words = {singular(w.lower()) for w in _LABEL_WORD.findall(subject)}
    return {SYNONYM_HEADS.get(word, word) for word in words} - _EMPTY_LABEL_WORDS


def _labels_share(label: str, other: str) -> bool:
    """Whether two labels share a word, as verbs' lemmas ("money robbed" and "money spent
    robbing", DUC 2007 D0721E's $20, share "rob"). A verb shared alone, each label naming
    something else besides ("bodyguards killed" / "Russian policemen killed": DUC 2006's
    Chechnya on the mix, a car bomb's two dead and another day's), is no one thing."""
    lemmas = [{word: verb_lemma(word) for word in _label_words(s)} for s in (label, other)]
    shared = set(lemmas[0].values()) & set(lemmas[1].values())
    # A thing one label names as a noun ("transport officers" / "guards transporting"; a
    # toll's "dead" tells what befell the counted, as a verb does).
    if any(lemma in lemmas[0] or lemma in lemmas[1] for lemma in shared - _TOLL_HEADS):
        return True
    rests = [{word for word, lemma in own.items() if lemma not in shared} for own in lemmas]
    return bool(shared) and (not all(rests) or bool(rests[0] & rests[1]))


# A word in capitals that may stand for words of another label: "CD", "CDs", "ICBMs".
_ABBREVIATION = re.compile(r"\b([A-Z]{2,6})s?\b")


def _abbreviates(label: str, other: str) -> bool:
    """Whether one label's word in capitals is the initials of words in a row of the other:
    "CD: 183" and "compact discs of Iranian files: 183" (NewsWCL50's archive story, two
    rows of one count once a brief showed more figures)."""
    for short, long in ((label, other), (other, label)):
        initials = "".join(word[0] for word in long.lower().split())  # one letter a word
        if any(found.lower() in initials for found in _ABBREVIATION.findall(short)):
            return True
    return False


# A label's closing place: "Canadian soldiers in Baghdad", "troops stationed at Erbil".
_CLOSING_PLACE = re.compile(
    r"\s+(?:in|at|near|outside)\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)$"
)


# A label's closing body that a count serves "with": "soldiers with NATO mission".
_WITH_BODY = re.compile(r"\s+with\s+(?P<name>[A-Z][\w.'’-]*)(?:\s+[a-z][\w'’-]*)*$")
# A run of capitalised words ("of", "and", "for", "the" inside it): a name its initials may
# stand for.
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for|the)\s+)*[A-Z][\w'’-]*)+")


def _place_both_name(label: str, other: str, quotes: Sequence[str] = ()) -> str:
    """The label of a row another report's figure joins: without its closing place when
    that report's label does not name it, so the row cites no report for a place it did
    not give ("Canadian soldiers in Baghdad" joined by "about 200 with a NATO mission in
    the south of the country": "Canadian soldiers"). The joining label's body ("with NATO
    mission") takes the place's when the row's own ``quotes`` name that body too, in full
    or by its initials ("part of a North Atlantic Treaty Organization training operation"):
    then both reports give it."""
    label = _with_modifier(label, other, quotes)
    place = _CLOSING_PLACE.search(label)
    if place is None or place.group(1).lower() in other.lower():
        return label
    kept = label[: place.start()]
    body = _WITH_BODY.search(other)
    if body and kept and any(_names_body(body["name"], quote) for quote in quotes):
        return kept + body.group()
    return kept


# A label that opens on a capitalised modifier of its counted noun: "Canadian soldiers".
_NAMED_COUNT = re.compile(r"(?P<modifier>[A-Z][a-z]{3,})\s+(?P<noun>[a-z][\w-]*)\b")


def _with_modifier(label: str, other: str, quotes: Sequence[str]) -> str:
    """The row's label with the capitalised modifier that the joining label puts on the same
    counted noun, when the row's own ``quotes`` name it too (its word or one of its first
    four letters: "Canada has about 500 soldiers in Iraq, ... including about 200 with a
    NATO mission": "soldiers with NATO mission" joined by "Canadian soldiers in Baghdad"
    reads "Canadian soldiers with NATO mission")."""
    named = _NAMED_COUNT.match(other)
    if named is None or label.split(" ", 1)[0] != named["noun"]:
        return label
    stem = named["modifier"][:4]
    if quotes and all(re.search(rf"\b{stem}", quote) for quote in quotes):
        return f"{named['modifier']} {label}"
    return label


def _names_body(name: str, quote: str) -> bool:
    """Whether ``quote`` names a body: its word, or a capitalised run whose initials it is."""
    if re.search(rf"\b{re.escape(name)}\b", quote):
        return True
    return name.isupper() and any(acronym(run) == name for run in _CAPITALISED_RUN.findall(quote))


def _merge_rows(scored: list[tuple[Fact, float]]) -> list[tuple[Fact, float]]:
    """One fact on one row: a plain fact stating only what a higher-ranked plain fact
    states (same numbers, same qualifiers, same unit),
    with a label word in common (as a verb's lemma: ``_labels_share``), is that fact said
    another way
    ("five sites for a potential meeting" / "five locations ... as possible meeting sites");
    its claims join that row."""

    def statements(fact: Fact) -> set[tuple[str | None, float | None]]:
        return {
            (QUALIFIER_CLASSES.get(c.qualifier or "", c.qualifier), c.number) for c in fact.claims
        }

    rows: list[tuple[Fact, float]] = []
    for fact, score in scored:
        said = statements(fact)
        target = None
        if fact.agreement in ("single", "agree"):
            target = next(
                (
                    i
                    for i, (row, _) in enumerate(rows)
                    # a dated series states its values too ("state attorneys: 19" is
                    # the 19 of "states: 20 (1998) -> 19 (1999)")
                    if row.agreement in ("single", "agree", "update")
                    and row.unit == fact.unit
                    and said <= statements(row)  # "upwards of 200" is not "about 200"
                    and (
                        _labels_share(row.subject, fact.subject)
                        or _abbreviates(row.subject, fact.subject)
                    )
                ),
                None,
            )
        if target is None:
            rows.append((fact, score))
            continue
        row, row_score = rows[target]
        claims = list(row.claims)
        for claim in fact.claims:
            same = next(
                (
                    i
                    for i, c in enumerate(claims)
                    if (c.qualifier, c.number) == (claim.qualifier, claim.number)
                ),
                None,
            )
            if same is None:
                claims.append(claim)
            else:
                both = tuple(dict.fromkeys((*claims[same].sources, *claim.sources)))
                claims[same] = dataclasses.replace(claims[same], sources=both)
        sources = {s for c in claims for s in c.sources}
        agreement = "agree" if len(sources) > 1 and row.agreement != "update" else row.agreement
        if agreement == "update":
            claims.sort(key=_series_order)  # a series joined by a plain row stays in order
        rows[target] = (
            dataclasses.replace(
                row,
                subject=_place_both_name(
                    row.subject, fact.subject, [claim.quote for claim in row.claims]
                ),
                value=_shown_value(claims, agreement),
                claims=tuple(claims),
                agreement=agreement,
            ),
            row_score,
        )
    return rows


def extract_facts(event: Event, config: FactsConfig) -> tuple[Fact, ...]:
    """Return the figures a reader needs about an event, cross-checked between sources.

    Args:
        event: the articles of one event; ``copy_of`` marks syndicated copies.
        config: tolerance for "the same number", the least importance a shown figure needs
            and how many to show.

    Returns:
        Facts sorted by importance (``importance``), at most ``figures_to_show``.
    """
    least = config.min_importance
    if len(event.originals) == 1:  # as ``light_one_report`` counts one report
        least = max(least, config.min_importance_one_report)
    shown = [fact for fact, score in scored_facts(event, config) if score >= least]
    log.debug("event %s: %d facts", event.id, len(shown))
    # Told apart after the cut: a row left out frees no place for one under it.
    return tuple(
        fact for _, fact in told_apart(shown[: figures_to_show(event, config, len(shown))])
    )


def told_apart(facts: Sequence[Fact]) -> list[tuple[int, Fact]]:
    """The rows, each that shares its label and unit with an earlier row dated by the day
    its claims name (else their reports' day: ``mentions.day_named``) when its claims all
    name one day the earlier row's do not: an aftershock's "quake magnitude: 5.0" under the
    quake's "quake magnitude: 7.4; 7.8" read as the same quake's ("quake magnitude (Aug
    22): 5.0", "struck western Turkey on Sunday" in a Monday's report, which the timeline
    dates the same). One that no day tells apart is left out: a reader cannot
    tell what it counts ("seats won: 48" beside "seats won: 75", two parties'; three rows
    "confirmed cases" of three countries). Each kept row with its place in ``facts``."""
    first: dict[tuple[str, str | None], Fact] = {}
    told: list[tuple[int, Fact]] = []
    for index, fact in enumerate(facts):
        earlier = first.setdefault((fact.subject.lower(), fact.unit), fact)
        if earlier is not fact:
            days = {day_named(claim.quote, claim.as_of) for claim in fact.claims}
            day = next(iter(days)) if len(days) == 1 else None
            if day is None or day in {day_named(c.quote, c.as_of) for c in earlier.claims}:
                log.debug("figure left out, its label another row's: %s", fact.subject)
                continue
            years = {c.as_of.year for c in earlier.claims if c.as_of is not None}
            year = f", {day.year}" if years - {day.year} else ""
            fact = dataclasses.replace(fact, subject=f"{fact.subject} ({day:%b} {day.day}{year})")
            if first.setdefault((fact.subject.lower(), fact.unit), fact) is not fact:
                # two rows of that label on that day: "surplus (Aug 18, 2000): $4.76
                # billion" under "surplus (Aug 18, 2000): $56.3 billion" (July's, June's)
                log.debug("figure left out, its day another row's: %s", fact.subject)
                continue
        told.append((index, fact))
    return told


def reports_of(event: Event) -> int:
    """The event's independent reports (a copy counts with its original)."""
    return len({a.copy_of or a.id for a in event.articles})


def figures_to_show(event: Event, config: FactsConfig, showable: int = 0) -> int:
    """How many figures a brief shows: log2(1 + independent reports), rounded up (one
    report: 1; two or three: 2; four to seven: 3; 25: 5), plus
    ``config.figures_per_development`` times log2(developments), rounded up (one: 0; two:
    1; three or four: 2; 16: 4); with two or more reports at least
    ``config.min_share_shown`` of the ``showable`` figures (those whose importance reaches
    ``config.min_importance``), rounded up; at most ``config.max_facts``.

    More reports carry more figures worth showing, and so does each development of a story
    over weeks; the logs keep a long story's brief short, and the share lets a story
    rich in well-reported figures show more of them. One report's figures no other report
    confirms: its brief keeps to one.
    ``config.figures_by_reports`` False shows ``max_facts`` whatever the event's size.
    """
    if not config.figures_by_reports:
        return config.max_facts
    return figure_cap(reports_of(event), event.developments, showable, config)


def figure_cap(reports: int, developments: int, showable: int, config: FactsConfig) -> int:
    """``figures_to_show`` for an event of ``reports`` independent reports and
    ``developments`` developments, ``showable`` of its figures over the bar."""
    by_reports = max(1, math.ceil(math.log2(1 + reports)))
    by_developments = config.figures_per_development * math.ceil(math.log2(max(1, developments)))
    by_share = math.ceil(config.min_share_shown * showable) if reports > 1 else 0
    return min(config.max_facts, max(by_reports + by_developments, by_share))
