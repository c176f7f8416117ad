"""Dated timelines: of one event (for its brief) and of a story told over weeks or months.

``build_timeline(event, config)``: every sentence is dated by its own time expression
(``timexpr.find_times`` against the article's date; day, month or year precision), or, for
the lead sentences of a dated article that name no time, by the article's date. Photo
captions are left out, and with five reports or more the sentences that name none of the
words most reports use (a news digest's other items). Sentences are grouped per date; each
date gets the sentence closest to the centroid of its group (one telling what happened
then, not one naming the date, and with a verb), and as sources every article with a
sentence on that date or a sentence reporting the same (TF-IDF cosine), so undated
articles are credited too without guessing their dates. Each entry has a kind (``entry_kind``):

    background   its period ended more than ``background_after_days`` before the first
                 report (the event's context: older than the coverage);
    scheduled    every sentence on it speaks of what is to come: its date is after its
                 report's own date (beyond a day of time-zone slack), or its clause is
                 future ("will meet on Friday", "could be exhausted by Friday");
    development  the rest: the event's own news, dated by when it happened.

Developments keep the ``max_entries`` dates reported by most articles; background and
scheduled entries their own shorter lists.

``build_story_timeline(articles, config, max_dates, sentences_per_date)`` follows the
Datewise method of news-tls (Gholipour Ghalandari and Ifrim, ACL 2020):

    1. date selection: rank days by how many articles mention them, ties broken by how
       many articles were published on them (``story_score``), keep the ``max_dates`` best;
    2. per date, collect the sentences that mention it and the lead sentences (without a
       time expression) of the articles published that day and the next;
    3. per date, keep the candidates that agree with both the mentions and the leads (the
       words both use; news-tls's mean collector with its knee-point cut), then greedily
       pick ``sentences_per_date`` sentences whose sum is closest to the TF-IDF centroid of
       the candidates (news-tls's CentroidOpt), among those that name one of the story's
       keywords (news-tls's keyword filter; ours are found in the articles).

Both read sentences without page furniture (``timeline_text.clean_sentence``): wire
datelines, text before a " | " separator, live-blog time stamps; transcript lines are left
out. What a sentence may be (quote, standing alone) is in ``timeline_text``; captions are
told by ``summarize.candidates`` (``is_caption``, ``is_verbless``), as for key points.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from scipy import sparse

from newsbrief.clean.sentences import inside_quotes, is_title_case, quoted_spans
from newsbrief.cluster.features import TermSpace, sublinear
from newsbrief.config import TimelineConfig
from newsbrief.english_stopwords import ENGLISH_STOP_WORDS
from newsbrief.model import NEWS_CYCLE_DAYS, Article, Event, TimelineEntry
from newsbrief.smart_stopwords import SMART_STOPWORDS  # ROUGE's own list
from newsbrief.summarize.attribution import SPEECH_VERBS
from newsbrief.summarize.candidates import (
    WIRE_AGENCIES,
    in_another_language,
    is_boilerplate,
    is_caption,
    is_verbless,
    lost_characters,
    runs_in_a_heading,
    tidy_sentence,
    without_heading_label,
)
from newsbrief.summarize.grammar import used_to
from newsbrief.summarize.headline import off_its_title
from newsbrief.summarize.keypoints import reads_alone_problem
from newsbrief.summarize.multidoc import news_reports
from newsbrief.summarize.parsing import main_verb, parse, parse_ahead, verb_lemma
from newsbrief.summarize.sources import attribute_sources, could_report
from newsbrief.timeline_text import (
    clean_sentence,
    closed_quotes,
    named_speaker,
    narrator_speaks,
    stands_alone,
    unattributed_quote,
    without_date_heading,
)
from newsbrief.timeline_text import (
    split_ptb_sentences as split_ptb_sentences,  # re-exported: evaluate.timelines uses it
)
from newsbrief.timexpr import (
    CALENDAR_WORDS,
    DAY,
    MONTH,
    MONTH_PATTERN,
    NOWADAYS,
    SAID_VERBS,
    WEEK,
    YEAR,
    YEAR_DIGITS,
    TimeMention,
    chronology_item,
    find_times,
    may_name_a_time,
    names_a_thing,
    past_verb_beside,
    period_end,
    sentence_tense,
)

log = logging.getLogger(__name__)

_PRECISION_RANK = {DAY: 0, MONTH: 1, YEAR: 2}
_WORD = re.compile(r"[a-z]{3,}")
_NOT_KEYWORDS = SMART_STOPWORDS | CALENDAR_WORDS
# A year in digits, not part of an amount or a code ("$1,998", "COVID-2019").
_YEAR = re.compile(rf"(?<![\w$.,-])({YEAR_DIGITS})(?![\w%-]|[.,]\d)")
# A chronology's year heading ("1997:" on its own line): the dates below it are of that year.
_YEAR_HEADING = re.compile(rf"^\(?({YEAR_DIGITS})\)?\s*:?$")
# ... or the year opening a chronology's item: "1939: In April, regularly scheduled network
# TV is born" (in a report of 1999: April 1939, not April 1999).
_YEAR_ITEM = re.compile(rf"^\(?({YEAR_DIGITS})\)?\s*(?::|--|—|–)\s")

DEVELOPMENT, BACKGROUND, SCHEDULED = "development", "background", "scheduled"


@dataclass(frozen=True)
class DatedSentence:
    """A sentence placed on a date, and why: its own expression, or its article's date."""

    text: str
    article_id: str
    date: dt.date
    precision: str
    mentioned: bool  # dated by a time expression in the sentence itself
    # The report's own date, and whether the expression's clause speaks of the future.
    reported: dt.date | None = None
    future: bool = False
    # It can be shown as an entry by itself (``stands_alone``, judged on the text shown:
    # "But it has ..." is shown as "It has ..."); else it only dates.
    standalone: bool = True
    # Its date names a thing, not when the sentence's news happened (``names_a_thing``).
    attributive: bool = False


# An example given to illustrate a point is the story's context, not one of its
# developments, whatever its date.
_ILLUSTRATION = re.compile(r"\b(?:for (?:example|instance)|such as when)\b", re.IGNORECASE)


def sentence_kind(item: DatedSentence, first_report: dt.date | None, config: TimelineConfig) -> str:
    """Return whether a dated sentence tells the event's news, its background or its plans.

    Background: the period ended more than ``config.background_after_days`` before the
    event's first report. Scheduled: the period starts more than
    ``config.scheduled_after_days`` after the sentence's own report, or the sentence's
    clause is future and the period does not end before the report (an undated report's
    future clause always). ``first_report``: the event's first report, or an undated
    event's stand-in (``_latest_stated``).
    """
    if _ILLUSTRATION.search(item.text):
        return BACKGROUND  # "Staples and Office Depot, for example, spent $20 million in 1997"
    if first_report is not None:
        oldest = first_report - dt.timedelta(days=config.background_after_days)
        if period_end(item.date, item.precision) < oldest:
            return BACKGROUND
    if item.reported is not None:
        if item.date > item.reported + dt.timedelta(days=config.scheduled_after_days):
            return SCHEDULED
        if item.future and period_end(item.date, item.precision) >= item.reported:
            return SCHEDULED
    elif item.future:
        # An undated report's future clause ("won't be open to traffic until the end of
        # 2024") is a plan whatever the report's day.
        return SCHEDULED
    if item.precision != DAY and first_report is not None and item.date < first_report:
        # "earlier this year", "in April 2018": a period the coverage began within is its
        # context; the event's own news is told by the day.
        return BACKGROUND
    return DEVELOPMENT


def _latest_stated(dated: Sequence[DatedSentence]) -> dt.date | None:
    """An undated event's stand-in for its first report: the latest date its sentences
    tell of as past or present (a plan's date is no "now"); a year or month with no day of
    it stated counts as the day after it: news is told by the day, so a report that dates
    nothing closer ("In 2012, a fire raced through a garment factory", beside an undated
    report's Thursday fire) was written after it. Reports with no date of their own (a
    folder of text files, ECB+, WCEP) still have a past to set apart: a life's "in 1944",
    "in 1950" beside the death of "Dec. 11, 2008" are its background."""
    past = {(item.date, item.precision) for item in dated if not item.future}
    days = sorted(day for day, precision in past if precision == DAY)
    stated = days[-1:]
    for start, precision in past - {(day, DAY) for day in days}:
        end = period_end(start, precision)
        at = bisect.bisect_left(days, start)
        if at == len(days) or days[at] > end:  # no day of the period stated
            stated.append(end + dt.timedelta(days=1))
    return max(stated) if stated else None


def entry_kind(kinds: Sequence[str]) -> str:
    """Return an entry's kind from its sentences': a development when one reports it
    (an earlier report may have announced what a later one tells as done)."""
    for kind in (DEVELOPMENT, SCHEDULED):
        if kind in kinds:
            return kind
    return BACKGROUND


def _of_kind(kind: str, kinds: dict[int, str], stated: list[int], shown: list[int]) -> list[int]:
    """The sentences of ``kind`` among those stating their date, else among all shown."""
    return [i for i in stated if kinds[i] == kind] or [i for i in shown if kinds[i] == kind]


def article_sentences(article: Article) -> list[str]:
    """Return the article's sentences (the clean stage's, else split now), furniture out."""
    if article.sentences:
        raw = list(article.sentences)
    else:
        from newsbrief.clean.sentences import split_sentences

        raw = split_sentences(article.text)
    return [cleaned for cleaned in map(clean_sentence, raw) if cleaned]


def _word_count(sentence: str) -> int:
    return len(sentence.split())


def _relative_aside(mention: TimeMention, asides: list[tuple[int, int]]) -> bool:
    """Return whether a time expression without a year stands in a quote or in brackets:
    "last night", "10 years ago", "tomorrow" in a quote are the speaker's, said on a day
    the report may not give; "(last month's quake registered 7.4)" dates the aside, not
    the sentence's news ("the quake registered 5.8")."""
    inside = any(a <= mention.start < b for a, b in asides)
    return inside and not _HAS_YEAR.search(mention.text)


_HAS_YEAR = re.compile(rf"\b{YEAR_DIGITS}\b")
# A year written as a possessive names a thing of that year, not when the sentence's news
# happened: "The United Nations is warning of a repeat of 2011's famine" (a WCEP report,
# dated 2011 on the timeline), "last year's election". A day so written still dates its
# sentence ("Tuesday's earthquake": ``names_a_thing``).
_POSSESSIVE = re.compile(r"['’]s\b")
# A sentence's end: a stop, then perhaps closing quotes or brackets; or a closing quote.
_ENDS_A_SENTENCE = re.compile(r"(?:[.!?…][\"'”’)\]]*|[\"”]|'')\s*$")
_BRACKETED = re.compile(r"\([^()]*\)")


def _entry_text(sentence: str) -> str:
    """A dated sentence as its entry shows it: without a date heading or a heading glued
    on, its quotes closed."""
    return closed_quotes(tidy_sentence(without_date_heading(sentence)))


def _reads_alone(sentence: str) -> bool:
    """Whether an entry's text can be read alone (its parse's checks, those of a key
    point: ``summarize.keypoints.reads_alone_problem``)."""
    return (
        not is_verbless(sentence)
        and without_heading_label(sentence) == sentence
        and reads_alone_problem(sentence) is None
    )


def _usable(sentence: str, config: TimelineConfig) -> bool:
    return config.min_sentence_words <= _word_count(sentence) <= config.max_sentence_words


# A wire dateline naming its day before the agency: "PARIS, February 20 (Xinhua) --",
# "WASHINGTON, Oct. 10 (AP) _" (PTB tokenised: "( Xinhua )").
_DATED_DATELINE = re.compile(rf"^(?P<head>[A-Z][^()\n]{{2,60}}?)\(\s*{WIRE_AGENCIES}\s*\)")
# The most days a dateline's day may come before the report's date (an agency's report
# written one day and dated by the next day's file).
DATELINE_MAX_DAYS = 3


def _year_of_the_day(
    mentions: Sequence[TimeMention], item: tuple[int, int, int | None]
) -> int | None:
    """The year a mention resolves the (month, day) a chronology's item opens on to."""
    days = [m.value for m in mentions if m.resolved and m.precision == DAY]
    return next((d.year for d in days if d is not None and (d.month, d.day) == item[:2]), None)


def _running_year(
    item: tuple[int, int, int | None], year: int | None, last: tuple[int, int] | None
) -> tuple[int | None, tuple[int, int]]:
    """The year a chronology's item is of, and its (month, day): the year it writes, else
    the items' running year, a year on when its day comes before the last item's. A
    Reuters factbox of 11 January 2011 lists "April 20, 2010 - Explosion ...", then "May
    11/12 - Executives ... appear at congressional hearings": May 2010, which the
    report's own year and the present tense had made a plan of 2011."""
    month, day, written = item
    if written is not None:
        return written, (month, day)
    if year is not None and last is not None and (month, day) < last:
        year += 1  # "Dec. 28 - ...", then "Jan. 6 - ...": the new year
    return year, (month, day)


def news_day(article: Article) -> dt.date | None:
    """Return the day a report's news is of: the day its wire dateline names when it is
    up to ``DATELINE_MAX_DAYS`` before the report's date, else the report's date. Xinhua
    files "PARIS, February 20 (Xinhua) -- ... Juppe today reiterated ..." under February
    21: its "today" is the 20th (DUC 2007 D0703A: five entries a day late)."""
    published = article.date
    match = _DATED_DATELINE.match(article.text) if published else None
    if match is None or published is None:
        return published
    days = [
        m.value
        for m in find_times(match.group("head"), published)
        if m.resolved and m.value is not None and m.precision == DAY
    ]
    if days and 0 <= (published - days[0]).days <= DATELINE_MAX_DAYS:
        return days[0]
    return published


# A day written with its month and no year ("that same Feb. 8 meeting"); one written with
# its year ("a Feb. 8, 2017, encounter") is found by ``_HAS_YEAR``.
_MONTH_NAME = re.compile(rf"\b{MONTH_PATTERN}")


def _as_written_before(
    times: list[TimeMention], written: dict[tuple[int, int], int]
) -> list[TimeMention]:
    """Return ``times`` with a month and day written without a year given the year the
    article wrote with that day before ("a Feb. 8, 2017, encounter" then "At that same Feb.
    8 meeting", in a report of April 2018: it had been February 2018); remember in
    ``written`` the days this sentence writes with a year."""
    out = []
    for mention in times:
        if mention.precision == DAY and mention.value is not None:
            key = (mention.value.month, mention.value.day)
            if _HAS_YEAR.search(mention.text):
                written[key] = mention.value.year
            elif key in written and _MONTH_NAME.search(mention.text):
                mention = replace(mention, value=mention.value.replace(year=written[key]))
        out.append(mention)
    return out


def date_sentences(
    article: Article, config: TimelineConfig, lead_sentences: int, event: bool = False
) -> list[DatedSentence]:
    """Date each usable sentence of ``article`` by its most precise resolved time expression.

    With ``event`` (the event timeline's reading), a weekday's own clause sets its tense
    (``find_times(clause_tense=True)``), the undated sentences of a report's lead take
    the past day its lead names (``_dated_by_lead_day``), and a sentence in the first
    person outside quotes (a column) is no entry; on Timeline17 dev they cost the story
    timeline AR1-F (0.1468 -> 0.1450, and -> 0.1432) or date F1 (0.6917 -> 0.6761: its
    blogs date their news), so it reads without them.

    A sentence with no time expression is dated with the report's day (``news_day``) when
    among the article's first ``lead_sentences`` (the lead reports the news of the day);
    otherwise it is left out. Week and vague expressions date nothing. Below a
    chronology's year heading ("1997:"), dates without a year are of that year.
    """
    dated: list[DatedSentence] = []
    in_lead: int | None = None  # how many of ``dated`` come from the lead
    heading_year: int | None = None
    # A chronology's running year and its last item's (month, day) (``_running_year``).
    item_year: int | None = None
    last_item: tuple[int, int] | None = None
    day = news_day(article)
    written: dict[tuple[int, int], int] = {}  # (month, day) -> the year written with it
    sentences = article_sentences(article)
    quoted = inside_quotes(sentences)
    for index, sentence in enumerate(sentences):
        if index == lead_sentences:
            in_lead = len(dated)
        heading = _YEAR_HEADING.match(sentence) or _YEAR_ITEM.match(sentence)
        if heading:
            heading_year = item_year = int(heading.group(1))  # "1998:" runs anew
            last_item = None
        item = chronology_item(sentence)
        if item is not None:
            item_year, last_item = _running_year(item, item_year, last_item)
        continued = quoted[index]
        if index >= lead_sentences and not may_name_a_time(sentence):
            continue  # past the lead, only a time expression dates a sentence
        if not _usable(sentence, config) or is_caption(sentence) or runs_in_a_heading(sentence):
            continue
        if lost_characters(sentence):
            continue
        if in_another_language(sentence, article.language):
            continue
        if unattributed_quote(sentence) or (continued and not named_speaker(sentence)):
            continue
        if event and not continued and narrator_speaks(sentence):
            continue  # a column's "I present today ..."
        if event and (is_title_case(sentence) or not _ENDS_A_SENTENCE.search(sentence)):
            # a page's title among its sentences ("Fired Accountant Goes on Shooting
            # Spree", "Schenectady man charged in fatal Queens crash": no sentence's end),
            # dated by its page: the news its report tells in sentences
            continue
        asides = quoted_spans(sentence) + [m.span() for m in _BRACKETED.finditer(sentence)]
        year = item_year if item is not None and item_year is not None else heading_year
        times = _as_written_before(find_times(sentence, day, year, clause_tense=event), written)
        if item is not None and item_year is None:
            # A run with no year written starts in the year its first item is read in ("*
            # April 20 - ...", a report of May 2010: 2010); a later item's future ("will
            # pay") moves it no year on (it had been April 2011).
            item_year = _year_of_the_day(times, item)
        mentions = [
            m
            for m in times
            if m.precision in _PRECISION_RANK
            and not _relative_aside(m, asides)
            and not _period_end(sentence, m)
            and not _compared_with(sentence, m)
            and not _a_things_own_year(sentence, m)
            and not _in_a_relative_aside(sentence, m)
            and not (m.precision == YEAR and _POSSESSIVE.match(sentence, m.end))
        ]
        if event:  # "... Shelton, who was in Turkey when the earthquake took place last
            # night, had offered helicopters": the night is the quake's, not the offer's.
            mentions = [m for m in mentions if not _of_a_when_clause(sentence, m)]
        running = [m for m in mentions if event and _opens_a_span(sentence, m)]
        if running:
            # "900 arrested since May" (said in September) tells the count on the report's
            # day: the span's start dates nothing, nor does a coarser date in the sentence
            # ("the parliament elected in 1990"); with nothing more precise left, it is
            # dated as a lead sentence is, or not at all. Story timelines keep the span's
            # start: Timeline17's editors date a span so (dev AR1-F / date F1 0.1476 /
            # 0.6917 -> 0.1458 / 0.6775).
            finest = min(_PRECISION_RANK[m.precision] for m in running)
            mentions = [
                m for m in mentions if m not in running and _PRECISION_RANK[m.precision] <= finest
            ]
        resolved = [m for m in mentions if m.resolved and m.value is not None]
        if event and any(not m.resolved and not names_a_thing(sentence, m) for m in mentions):
            # "was found guilty last month ... in the March 2005 rampage" (an undated
            # ECB+ report): a thing's own date is not when the sentence's news happened,
            # which another of its times tells, unknown here. (Where that time is known,
            # the most precise one dates the sentence: "In the final results of Monday's
            # election, ... than in 1994" is Monday's news.)
            resolved = [m for m in resolved if not names_a_thing(sentence, m)]
        # an undated lead sentence takes the report's news day, unless it names another
        # week ("Police testimony at a hearing two weeks ago indicates ..."), an earlier
        # year, or opens on the present set against the past ("Today, the movement lies
        # in tatters")
        undated = not (
            mentions
            or any(_another_week(m, day) or m.reason == NOWADAYS for m in times)
            or _names_an_earlier_year(sentence, day, times)
        )
        lead_day = day if undated and index < lead_sentences else None
        if lead_day and event and _tells_how_things_are(sentence):
            lead_day = None
        if lead_day and event and article.title and off_its_title(sentence, article.title):
            # a feature's scene, which its headline gives way to ("Villagers said it
            # started with a loud rumble ...", titled "At least 44 killed as dam bursts
            # in Kenya ..."), is no news of the report's day
            lead_day = None
        if (resolved or lead_day) and is_boilerplate(sentence):
            continue  # "Today is Monday, Oct. 18, the 291st day of 1999." (checked last: slow)
        if resolved:
            best = min(resolved, key=lambda m: _PRECISION_RANK[m.precision])
            assert best.value is not None
            dated.append(
                DatedSentence(
                    sentence,
                    article.id,
                    best.value,
                    best.precision,
                    True,
                    article.date,
                    best.future and not past_verb_beside(sentence, best),
                    stands_alone(tidy_sentence(sentence)),
                    names_a_thing(sentence, best),
                )
            )
        elif lead_day:
            dated.append(
                DatedSentence(
                    sentence,
                    article.id,
                    lead_day,
                    DAY,
                    False,
                    article.date,
                    standalone=stands_alone(tidy_sentence(sentence)),
                )
            )
    if not event:  # Timeline17 dev: AR1-F / date F1 0.1468 / 0.6917 -> 0.1432 / 0.6820
        return dated
    return _dated_by_lead_day(dated, len(dated) if in_lead is None else in_lead)


# How many days before its report the lead's own day may be ("late Thursday" in Monday's
# paper) for the report's undated lead sentences to take it.
LEAD_DAY_MAX_DAYS = 7


def _another_week(mention: TimeMention, day: dt.date | None) -> bool:
    """Return True for a week that is not the one of ``day`` or holds it only in part
    ("last week", "two weeks ago", "next week", "earlier this week"): a week dates
    nothing, and a sentence naming one is not news of the report's day either."""
    if mention.precision != WEEK or not mention.resolved or mention.value is None:
        return False
    if day is None or not mention.value <= day < mention.value + dt.timedelta(days=7):
        return True
    return mention.text.lower().startswith(("earlier", "later"))


def _tells_how_things_are(sentence: str) -> bool:
    """Whether a sentence's main verb is a state's (``_STATIVE``) in the simple present,
    and it reports no speech and plans nothing ("The weather on Jupiter seems always
    stormy", "Irving Powless Jr., the chief of the Onondaga Nation, longs to see the day
    ..."): a feature's lead tells how things are, not what happened on its day ("Canada
    is moving troops", "Iran says it will retaliate", "The toll stands at 50, officials
    said", "Calls mount for Berlusconi to resign" do). So does a main verb of habit ("There
    used to be a joke that a Mercury is just a Ford ...", a lede the thirty-fourth read
    found dated as its report's news) or of a condition, with no one saying or doing
    anything ("The measure would raise the minimum wage to $5.15 an hour": what a proposal
    does, not what happened that day)."""
    tense = sentence_tense(sentence)
    stative = tense is None and not _STATIVE_FORMS.isdisjoint(
        re.findall(r"[a-z]+", sentence.lower())
    )
    if not stative and not _HABIT_OR_CONDITION.search(sentence):
        return False  # a plan, a past, or no state's verb: not parsed (most leads)
    doc = parse(sentence)
    if doc is None:
        return False
    root = main_verb(doc)
    if used_to(root):
        return True
    if any(c.dep_ == "aux" and c.lower_ in _CONDITIONAL for c in root.children):
        # "A fourth uranium mine could be approved within a year after Energy Resources
        # Australia moved to fast-track ...", "... would get beefed up ... under a measure
        # approved by the Assembly" tell the day's move
        return not any(_said_or_done(token) or _done_by_someone(token) for token in doc)
    return (
        stative
        and root.tag_ in ("VBZ", "VBP")
        and verb_lemma(root.text) in _STATIVE
        and not any(child.dep_ in ("aux", "auxpass") for child in root.children)
        # "The toll stands at 50, officials said", "Jupiter is hotter than believed, the
        # probe's data have shown": a statement or a finding of the day
        and not any(_said_or_done(token) for token in doc)
    )


_CONDITIONAL = frozenset(["would", "could", "might"])
# The words that send a lead to the parse for a habit or a condition (one list above).
_HABIT_OR_CONDITION = re.compile(rf"\b(?:used to|{'|'.join(sorted(_CONDITIONAL))})\b")


# Verbs of a state, not of an event: in the simple present they tell how things are ("The
# weather seems stormy", "The series has a lot to answer for", "He longs to see the day").
# An event's verb in the headline's present is news ("Calls mount for Berlusconi to resign
# as he wins a budget vote"), and so is a story's state on the day ("The investigation
# continues", "The victim remains in critical condition").
_STATIVE_VERBS = """
    be seem appear look sound feel have lie long want need wish hope know believe think
    doubt fear like love hate prefer own belong exist consist contain mean matter depend
    deserve lack require involve include represent constitute resemble
"""
_STATIVE = frozenset(_STATIVE_VERBS.split())
# Their present forms, to parse only the sentences that hold one.
_STATIVE_FORMS = frozenset(
    ["is", "are", "am", "has", *(_STATIVE - {"be"})]
    + [v + ("es" if v.endswith(("s", "sh", "ch", "x")) else "s") for v in _STATIVE - {"be", "have"}]
)


def _said_or_done(token: Any) -> bool:
    """A verb of speech, a past tense or a present perfect ("has shown")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    perfect = token.tag_ == "VBN" and any(c.lower_ in ("has", "have") for c in token.children)
    return token.tag_ == "VBD" or perfect or verb_lemma(token.text) in SPEECH_VERBS


def _done_by_someone(token: Any) -> bool:
    """A past participle with its doer: "a measure approved by the Assembly"."""
    return token.tag_ == "VBN" and any(child.dep_ == "agent" for child in token.children)


def _names_an_earlier_year(
    sentence: str, day: dt.date | None, times: Sequence[TimeMention]
) -> bool:
    """Whether a past sentence names, outside its time expressions, a year before the
    report's ("In a 1995 referendum on independence, Quebec came within a few thousand
    votes of secession", in 1999): its news is of that year, not of the report's day. In
    the present it is the report's news ("The investigation into Russian involvement in
    the 2016 presidential election continues"), and so is a plan for a later year ("Al
    Gore's 2000 campaign has appointed a campaign pro")."""
    return (
        day is not None
        and sentence_tense(sentence) is False
        and any(
            int(match[1]) < day.year and not any(m.start <= match.start() < m.end for m in times)
            for match in _YEAR.finditer(sentence)
        )
    )


def _dated_by_lead_day(dated: list[DatedSentence], in_lead: int) -> list[DatedSentence]:
    """Date a report's undated lead sentences (its title) by the past day its lead names:
    the title "Comey claims FBI does not leak" tells the news of "late Thursday" in the
    lead, not of the day the report came out. ``in_lead``: how many of ``dated`` are from
    the lead; a day at most ``LEAD_DAY_MAX_DAYS`` before the report."""
    lead = dated[:in_lead]
    named = [
        item.date
        for item in lead
        if item.mentioned
        and item.precision == DAY
        and not item.future
        and item.reported is not None
        and 0 < (item.reported - item.date).days <= LEAD_DAY_MAX_DAYS
    ]
    if not named or all(item.mentioned for item in lead):
        return dated
    return [
        item if item.mentioned or i >= in_lead else replace(item, date=named[0])
        for i, item in enumerate(dated)
    ]


# The start of a span that runs to the report: "since May", "since early June".
_SINCE_BEFORE = re.compile(r"(?i)\bsince\s+(?:early\s+|late\s+|mid-?)?$")
# Or the time closes a clause "since" opens: "Over 60 aftershocks have occurred since the
# quake hit western Turkey in the early hours of August 17" (said on August 23); "is now
# 10-5-2 ... since knocking out Lennox Lewis in 2001" (ECB+ on the mix: dated 2001).
_SINCE_CLAUSE = re.compile(
    r"(?i)\bsince\s+(?:the|a|an|his|her|its|their|[a-z]+ing)\s[^,;:.()\"“”]*$"
)
# The end of an accounting period: "for this business year, ended June 30", "in the
# quarter ending Sept. 30".
_PERIOD_END_BEFORE = re.compile(
    r"(?i)\b(?:year|quarter|half|period|months?|weeks?)\s*,?\s+(?:that\s+)?"
    r"(?:ended|ending|ends|which ended)(?:\s+on)?\s+$"
)


# "when" opening the clause a relative day is in, with no clause break between.
_WHEN_BEFORE = re.compile(r"(?i)\bwhen\b[^,;:.!?()\"]*$")
# A relative clause set off by a comma, still open: ", who resigned his seat in"; an
# initial's full stop does not close it (", who is among the defendants charged with
# conspiring to bomb two U.S. embassies in Africa in August 1998").
_RELATIVE_BEFORE = re.compile(
    r"(?i),\s+(?:who|whom|whose|which)\b(?:[^,;:.!?()\"]|(?<=\b[A-Z])\.)*$"
)
# Or a noun's "who" clause without the comma: "Steven Curnow, a 14-year-old fan who was
# shot and killed at Columbine High School in April" (a petition of June had been dated
# April); the word before "who" is checked to be no verb ("asked who", "know who").
_NOUN_WHO_BEFORE = re.compile(r"\b([a-z]+)\s+who\b[^,;:.!?()\"]*$")
# A second finite "be" or "have" in a "who" clause: its own verb's and the sentence's.
_FINITE_BE_OR_HAVE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would)\b")
# A verb of saying right before a time: the sentence's, not a clause's ("... said Monday").
_SAID_RIGHT_BEFORE = re.compile(rf"\b(?:{SAID_VERBS}|says)\s+(?:on\s+)?$")
# How many words may come before a subject's noun: "The man who ..." opens a sentence.
_SUBJECT_MAX_WORDS = 4
# Verbs whose object may be a "who" clause, in the form that is their own lemma.
_WH_OBJECT_VERBS = frozenset(
    {"know", "ask", "wonder", "see", "tell", "decide", "determine", "identify", "show"}
    | {"reveal", "learn", "find", "say"}
)
# Or a name's "who" clause without the comma: "named after Alan Turing who was convicted of
# gross indecency in" (a "who" after a name asks nothing). Not a sentence's opening word:
# "Protesters who were gathered in Tahrir Square said Monday" is the sentence's news.
_NAME_WHO_BEFORE = re.compile(r"(?<=[\w,]\s)[A-Z][\w'’-]+\s+(?:who|whose)\b[^,;:.!?()\"]*$")
# A participle clause after the main one that tells what was alleged or added, still open:
# its time is of what it tells ("President Clinton ordered the attack, alleging that the
# plant had links to ... the bombings of U.S. embassies in Kenya and Tanzania on Aug. 7,
# 1998": an entry of Aug. 7; "Chile reported two new cases, adding to its first two cases
# reported on Sunday"). Not a time right after the participle ("adding Monday that").
_PARTICIPLE_CLAUSE_BEFORE = re.compile(
    r"(?i),\s+(?:alleging|accusing|claiming|charging|arguing|adding|noting)\s+\S"
    r"[^;:!?()\"“”]*$"
)
# "a caravan that once numbered about 1,200 and headed north in": a noun's "that" clause,
# still open (the word before "that" is checked to be no verb: "the company said that").
_THAT_BEFORE = re.compile(
    r"(?i)\b(?:a|an|the)\s+(?:[\w'’-]+\s+)?([a-z][\w'’-]*)\s+that\b"
    r"(?:[^,;:.!?()\"]|(?<=\d)[,.](?=\d))*$"  # "numbered about 1,200 and headed north in"
)


def _of_a_when_clause(sentence: str, mention: TimeMention) -> bool:
    """Whether a time sits in a clause about someone or something else inside the
    sentence: it dates that clause's event, not the sentence's news. A relative day
    ("last night", "Monday": no digit) in a "when" clause; any time in a relative clause
    ("the former test pilot, who flew the Concorde in 1969, told reporters"; "150 migrants,
    part of a caravan that once numbered 1,200 and headed north in March, were prepared
    to seek asylum") or in a participle clause of what was alleged or added
    (``_PARTICIPLE_CLAUSE_BEFORE``)."""
    # A relative clause may run long ("who is among the defendants charged with conspiring
    # to bomb two U.S. embassies in Africa in"); "that" and "when" are read closer.
    wide = sentence[max(0, mention.start - 120) : mention.start]
    if _RELATIVE_BEFORE.search(wide) or _NAME_WHO_BEFORE.search(wide):
        return True
    if _PARTICIPLE_CLAUSE_BEFORE.search(sentence, max(0, mention.start - 200), mention.start):
        return True
    noun_who = _NOUN_WHO_BEFORE.search(wide)
    if noun_who is not None:
        word = noun_who.group(1)
        opening = sentence[: mention.start - len(wide) + noun_who.start()]
        if (
            # not the sentence's subject ("The man who was arrested on Monday appeared in
            # court" is news of Monday)
            len(opening.split()) >= _SUBJECT_MAX_WORDS
            and verb_lemma(word) == word
            and word not in _WH_OBJECT_VERBS | SPEECH_VERBS
            # nor past the clause: "papers of the general who was Mexico's secretary of
            # defense at the time were made public last month", "a former submarine
            # officer who is a member of a commission investigating the explosion said
            # Monday"
            and len(_FINITE_BE_OR_HAVE.findall(noun_who.group(0))) <= 1
            and not _SAID_RIGHT_BEFORE.search(wide)
        ):
            return True
    before = sentence[max(0, mention.start - 80) : mention.start]
    that = _THAT_BEFORE.search(before)
    if that is not None:
        word = that.group(1).lower()
        # A noun ("caravan"), not a verb's "that" ("said", "found", "warn that"): a word
        # that is its own verb lemma and reports no speech.
        if verb_lemma(word) == word and word not in SPEECH_VERBS:
            return True
    if any(c.isdigit() for c in mention.text):
        return False
    return _WHEN_BEFORE.search(before) is not None


def _since(sentence: str, mention: TimeMention) -> bool:
    """Whether a time expression opens a span running to the report ("900 arrested since
    May", said in September): the sentence tells the state on the report's day."""
    if mention.text[:6].lower() == "since ":  # the rule took the word in ("since May")
        return True
    if _SINCE_BEFORE.search(sentence, max(0, mention.start - 12), mention.start):
        return True
    return bool(_SINCE_CLAUSE.search(sentence, max(0, mention.start - 100), mention.start))


def _opens_a_span(sentence: str, mention: TimeMention) -> bool:
    """Whether a day, month or year opens a span running to the report (``_since``). A
    year does so unless a "when" clause tells what happened then ("since 1872, when the
    U.S. Fish Commission built the first one"): "the highest turnout since 1998", "23
    athletes have tested positive since 1990", "crime had decreased steadily since 1994"
    say nothing of that year (the mix's briefs had dated each to it)."""
    if mention.precision not in (DAY, MONTH, YEAR) or not _since(sentence, mention):
        return False
    return mention.precision != YEAR or not _WHEN_AFTER.match(sentence, mention.end)


# A "when" clause right after a time: it tells what happened then.
_WHEN_AFTER = re.compile(r"(?i)\s*,?\s*when\b")


# A comparison's other side, open up to the time: "a figure far higher than a similar
# disaster in Pakistan five years ago", "less than half of what it was in 1966", "1 million
# people fewer than last year".
_THAN_BEFORE = re.compile(r"(?i)\bthan\b(?P<gap>[^,;:.()\"“”]{0,60})$")


# Or a superlative's yardstick: "the most serious in Greece since student protests that
# preceded the fall of the military junta in 1974", "the worst flooding since 1998".
_SUPERLATIVE_SINCE_BEFORE = re.compile(
    r"(?i)\b(?:most|least|worst|best|first|biggest|largest|highest|lowest|deadliest"
    r"|bloodiest|costliest|strongest|greatest|longest|heaviest|sharpest|steepest|weakest"
    r"|smallest|fiercest|hottest|coldest|wettest|driest|busiest)\b"
    r"[^,;:.()\"“”]{0,60}\bsince\b[^,;:.()\"“”]{0,80}$"
)


# Or a change's starting point: "dropped from 79 percent a year ago to 66 percent", "risen
# from 30 percent in July 1997 to more than 50 percent": the change is the news.
_CHANGE_FROM_BEFORE = re.compile(
    r"(?i)\bfrom\s+(?:about\s+|around\s+|nearly\s+|some\s+)?[$€£]?\d[\d.,]*"
    r"(?:\s*(?:%|percent|per cent|million|billion))?\s+(?:in\s+|on\s+)?$"
)
_CHANGE_TO_AFTER = re.compile(
    r"(?i)\s*,?\s+to\s+(?:about\s+|around\s+|nearly\s+|some\s+|(?:more|less)\s+than\s+)?"
    r"[$€£]?\d"
)


def _compared_with(sentence: str, mention: TimeMention) -> bool:
    """Whether a time is the other side of a comparison, not when the sentence's news
    happened (the mix had "There are at least 2,000 people who lost their limbs in the
    Haiti earthquake - a figure far higher than a similar disaster in Pakistan five years
    ago" as an entry of 2005, and "the most serious in Greece since ... 1974" one of 1974).
    "More than a year ago" is a span, not a comparison."""
    if _SUPERLATIVE_SINCE_BEFORE.search(sentence, max(0, mention.start - 150), mention.start):
        return True
    if _CHANGE_FROM_BEFORE.search(
        sentence, max(0, mention.start - 40), mention.start
    ) and _CHANGE_TO_AFTER.match(sentence, mention.end):
        return True
    than = _THAN_BEFORE.search(sentence, max(0, mention.start - 70), mention.start)
    if than is None or _A_QUANTITY.match(than["gap"]):
        return False  # "more than 900 activists have been arrested since May": a count
    return bool(than["gap"].strip()) or not mention.text.lower().endswith("ago")


# A thing and the participle that dates it, inside a sentence: "has designated an asteroid
# discovered in 1991" (the naming, in 2016: a one-report brief of the thirty-second read
# dated it 1991), "to prevent the convening of a parliament elected in 1990" (an entry of
# 1990 for 1998's arrests), "About 300 protesters walked from a camp set up in March" (a
# July report's walk: it had been an entry of March); not a sentence's own subject and verb
# ("The army attacked in 1990": nothing before its article), nor a passive ("was elected
# in").
_THING_DATED_BEFORE = re.compile(
    r"\w[^.;:]*\b(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?[a-z][\w-]*\s+"
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)"
    r"(?:[a-z]{3,}ed|set|built|held|made|begun|written|taken|won|born)(?:\s+(?:up|out))?\s+"
    r"(?:(?:in|during)\s+)?$"  # (the mention may hold its "in")
)


# A relative aside before a main clause in the present: "Charles Ferguson, who sold Vermeer
# Technologies in Cambridge, Mass. to Microsoft in 1997, is a harsh critic of the company"
# (an entry of 1997 for the news of 1999).
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which)\s+(?P<aside>.+?),\s+(?:is|are|remains?)\s")


def _in_a_relative_aside(sentence: str, mention: TimeMention) -> bool:
    """Whether a time lies in a relative aside whose main clause tells how things are now
    (``_RELATIVE_ASIDE``): the aside's time is not the sentence's news."""
    return any(
        aside.start("aside") <= mention.start and mention.end <= aside.end("aside")
        for aside in _RELATIVE_ASIDE.finditer(sentence)
    )


def _a_things_own_year(sentence: str, mention: TimeMention) -> bool:
    """Whether a year or a month dates a thing the sentence names, not its news
    (``_THING_DATED_BEFORE``)."""
    if mention.precision not in (YEAR, MONTH):
        return False
    return bool(_THING_DATED_BEFORE.search(sentence, max(0, mention.start - 120), mention.start))


# What "than" qualifies when it counts: "more than 900", "more than $300 million", "fewer
# than a dozen", "a more than doubling of first-quarter net profits on Tuesday".
_A_QUANTITY = re.compile(
    r"(?i)\s*(?:[\d$€£¥]|an?\s+(?:few|dozen|hundred|thousand|million|score)\b|dozens|hundreds"
    r"|doubl|tripl|twice|quadrupl"
    r"|thousands|millions|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b)"
)


def _period_end(sentence: str, mention: TimeMention) -> bool:
    """Whether a time expression closes an accounting period ("expenses of $689 million
    for this business year, ended June 30"): nothing happened that day."""
    return bool(_PERIOD_END_BEFORE.search(sentence, max(0, mention.start - 40), mention.start))


# The timeline's TF-IDF, as measured with scikit-learn's TfidfVectorizer defaults: words of
# two or more letters or digits, lowercased, English stop words dropped, sublinear counts.
_TERM = re.compile(r"\b\w\w+\b")


def _terms(sentence: str) -> dict[str, float]:
    counts = Counter(w for w in _TERM.findall(sentence.lower()) if w not in ENGLISH_STOP_WORDS)
    return {word: sublinear(count) for word, count in counts.items()}


def _sparse_rows(sentences: Callable[[], Iterable[str]]) -> sparse.csr_matrix | None:
    """Return L2-normalised TF-IDF rows (sparse) of the sentences ``sentences()`` yields
    (called twice: the fit, then the rows), or None when they share no content word."""
    # Two passes over the words, not every sentence's counts held at once (see vectors).
    space = _fit_vectorizer(sentences())
    return None if space is None else space.vectors(_terms(sentence) for sentence in sentences())


def _usable_sentences(
    articles: Iterable[Article], config: TimelineConfig
) -> Iterator[tuple[str, str]]:
    """Yield (article id, sentence) for each usable sentence of ``articles``."""
    for article in articles:
        for sentence in article_sentences(article):
            if _usable(sentence, config):
                yield article.id, sentence


def _vectorise(sentences: Sequence[str]) -> np.ndarray | None:
    """Return ``_sparse_rows`` as a dense array (for the few rows of one date)."""
    rows = _sparse_rows(lambda: sentences)
    return None if rows is None else rows.toarray()


def _by_centrality(
    indices: list[int], vectors: sparse.csr_matrix | None, story_scores: np.ndarray | None = None
) -> list[int]:
    """``indices`` from the row most similar to their rows' centroid to the least, without
    densifying (a story has tens of thousands of sentences and words). Ties (two rows are
    always equally close to their centroid) go to the row closer to the whole story's
    (``story_scores``, by index), then keep the given order; as given without rows."""
    if vectors is None or len(indices) < 2:
        return list(indices)
    rows = vectors[indices]
    centroid = np.asarray(rows.mean(axis=0)).ravel()
    # Rounded: rows equal in exact arithmetic differ in the last bit of their float sums.
    own = np.round(rows @ centroid, 9)
    story = np.zeros(len(indices)) if story_scores is None else np.round(story_scores[indices], 9)
    order = np.lexsort((np.arange(len(indices)), -story, -own))
    return [indices[i] for i in order]


# The fewest reports whose shared words say what an event is about (a guard, not fitted:
# with two reports they are the two texts' common words, and a true sentence of one report
# may use none; from five, the gold briefs lost no entry to the filter).
TOPIC_FILTER_REPORTS = 5


def build_timeline(event: Event, config: TimelineConfig) -> tuple[TimelineEntry, ...]:
    """Return the dated timeline of one event: one sentence per date, with its sources.

    Dates carry their precision (day, month, year) and their kind (development,
    background, scheduled); entries are sorted by date. When there are more dates of a
    kind than its limit (``config.max_entries``, ``max_background``, ``max_scheduled``),
    the dates reported by most articles stay.
    """
    # Off-topic sentences (a news digest's other items) neither date nor credit anything.
    # Every word most reports use, not the story timeline's five: one event's sentences
    # are few, and a true one often names none of the five ("told her Friday that ...").
    # Fewer reports share too few words to tell what is off the topic.
    keywords: tuple[str, ...] = ()
    if len(event.articles) >= TOPIC_FILTER_REPORTS:
        keywords = story_keywords(event.articles, config, every_one=True)
    # An opinion piece's sentences neither date nor tell a development: its writer's view.
    dated = [
        item
        for article in news_reports(event.articles)
        for item in date_sentences(article, config, config.lead_sentences, event=True)
        if not keywords or _names_any(item.text, keywords)
    ]
    if not dated:
        return ()

    # Every usable sentence of the reports is read again for each pass, not held: a story
    # of 2,960 reports has ~90,000 (their strings were +25 MB at the brief's peak).
    def texts() -> Iterator[str]:
        yield from (item.text for item in dated)
        yield from (sentence for _, sentence in _usable_sentences(event.articles, config))

    vectors = _sparse_rows(texts)
    story_scores = None
    if vectors is not None:
        dated_rows = vectors[: len(dated)]
        story_scores = dated_rows @ np.asarray(dated_rows.mean(axis=0)).ravel()
    groups: dict[tuple[dt.date, str], list[int]] = defaultdict(list)
    for index, item in enumerate(dated):
        groups[(item.date, item.precision)].append(index)
    # An article reports a date if it has a sentence close to any sentence dated to it
    # (an undated reprint or translation of a dated report).
    restating: list[np.ndarray] = []  # per date, the rows (after the dated ones) restating it
    owners: list[str] = []  # the article of each of those rows
    if vectors is not None and len(event.articles) > 1:  # one report restates only itself
        restating = _restating(vectors, list(groups.values()), config.same_report_similarity)
        owners = [article_id for article_id, _ in _usable_sentences(event.articles, config)]
    first_report = event.first_seen or _latest_stated(dated)
    # Each date's candidate sentences, best first, with its sources and kind.
    choices: list[tuple[dt.date, str, str, set[str], list[int]]] = []
    for group, ((day, precision), members) in enumerate(groups.items()):
        # Every sentence dates its day and credits its article; one that cannot stand
        # alone ("He told ...") is never the entry: no such sentence, no entry.
        shown = [i for i in members if dated[i].standalone]
        if not shown:
            continue
        # Prefer sentences that state their date over leads dated by their article, and
        # those telling what happened then over those naming it ("survivors of the
        # August 17, 1999 earthquake are still in tents", a year on).
        stated = [i for i in shown if dated[i].mentioned] or shown
        stated = [i for i in stated if not dated[i].attributive] or stated
        by_centrality = _by_centrality(stated, vectors, story_scores)
        sources = {dated[i].article_id for i in members}
        if restating:
            sources.update(owners[i] for i in restating[group])
        kinds = {i: sentence_kind(dated[i], first_report, config) for i in members}
        kind = entry_kind(list(kinds.values()))
        # The entry's text is of its kind: a development says what happened, not what a
        # report expected of the day; a plan is a plan, not a past figure that shares its
        # year ("caused $20 billion in losses, half the country's budget in 1999" under
        # a 1999 forecast). Those sentences come first, the most central first.
        # A day dated only by a report's lead ("Rescuers pulled a boy ...", Aug 21) and
        # a plan for it stated the day before ("Saturday another team will arrive") is
        # told by the lead.
        reported = _of_kind(kind, kinds, stated, shown)
        if not reported and kind == SCHEDULED:
            # No plan that can stand alone ("It will ..."): the entry is of the kind its
            # shown sentences tell, not a past figure listed as a plan. (A day some report
            # tells as done stays a development, whichever sentence tells it.)
            kind = entry_kind([kinds[i] for i in shown])
            reported = _of_kind(kind, kinds, stated, shown)
        first = _by_centrality(reported, vectors, story_scores) if reported else []
        candidates = first + [i for i in by_centrality if i not in first]
        choices.append((day, precision, kind, sources, candidates))
    # The checks below parse: every date's first candidate in one batch (spaCy's cost per
    # call is most of a sentence's), the rare next ones one by one.
    firsts = [_entry_text(dated[candidates[0]].text) for *_, candidates in choices]
    parse_ahead(firsts)
    entries: list[tuple[int, TimelineEntry]] = []
    rows: dict[int, int] = {}  # id of each entry -> its sentence's row in ``vectors``
    for (day, precision, kind, sources, candidates), first_text in zip(
        choices, firsts, strict=True
    ):
        # A caption with no verb ("Members of the caravan at the border wall on Sunday."),
        # a heading run in ("Skip to a day of the week: ..."), a fragment or a subject
        # that points back ("Today he lives with three steel rods attached to his spine")
        # is never the entry: the next candidate is.
        rest = ((i, _entry_text(dated[i].text)) for i in candidates[1:])
        shown_as = itertools.chain([(candidates[0], first_text)], rest)
        chosen = next(((i, text) for i, text in shown_as if _reads_alone(text)), None)
        if chosen is None:
            continue
        best, text = chosen
        # Cited, for now, by the report it comes from (``_cited`` adds those that state it).
        entry = TimelineEntry(
            day,
            text,
            (dated[best].article_id,),
            precision,
            kind,
        )
        entries.append((len(sources), entry))
        rows[id(entry)] = best
    # Ties: the date nearest the coverage first (the closest context, the next plan).
    anchor = first_report or dt.date.min
    entries.sort(key=lambda pair: (-pair[0], abs((pair[1].date - anchor).days), pair[1].date))
    report_days = len({a.date for a in event.articles if a.date})
    limits = {
        # A story reported over many days has more news to date than one day's coverage.
        DEVELOPMENT: max(config.max_entries, config.entries_per_report_day * report_days),
        BACKGROUND: config.max_background,
        SCHEDULED: config.max_scheduled,
    }
    kept: list[TimelineEntry] = []
    for _, entry in entries:
        # One sentence, one entry: copies published years apart date "on Monday" to two
        # Mondays; the day more reports give stands.
        if any(other.text == entry.text for other in kept):
            continue
        if sum(other.kind == entry.kind for other in kept) < limits[entry.kind]:
            kept.append(entry)
    kept = _without_coarse_restatements(kept, rows, vectors, config.same_report_similarity)
    kept = _cited(kept, event.articles)
    return tuple(sorted(kept, key=lambda entry: (entry.date, _PRECISION_RANK[entry.precision])))


def _without_coarse_restatements(
    entries: list[TimelineEntry],
    rows: dict[int, int],
    vectors: sparse.csr_matrix | None,
    threshold: float,
) -> list[TimelineEntry]:
    """The entries without one dated to a month or a year that restates (TF-IDF cosine at
    least ``threshold``) an entry of its kind dated to a day in that period: "1999-05
    Gingrich separated from his wife of 18 years in May and filed for divorce in July"
    beside "1999-05-10 Gingrich, 56, was separated from his wife of 18 years on May 10
    and filed for divorce July 29" (DUC 2007 D0727G) is one development told twice."""
    if vectors is None:
        return entries
    days = [e for e in entries if e.precision == DAY]

    def restates(coarse: TimelineEntry, fine: TimelineEntry) -> bool:
        if fine.kind != coarse.kind or not (
            coarse.date <= fine.date <= period_end(coarse.date, coarse.precision)
        ):
            return False
        similarity = vectors[rows[id(coarse)]].multiply(vectors[rows[id(fine)]]).sum()
        return bool(similarity >= threshold)

    return [
        entry
        for entry in entries
        if entry.precision == DAY or not any(restates(entry, day) for day in days)
    ]


def _cited(entries: list[TimelineEntry], articles: Sequence[Article]) -> list[TimelineEntry]:
    """Cite each entry by the reports that state it: its own and those the key points'
    rule finds (``attribute_sources``: most of its words in one sentence, or a close
    paraphrase or translation), not every report that dates something to its day (those
    still rank the day): "Over 60 aftershocks ... since the quake hit ... on August 17"
    had cited 22 reports of D0743J that name the day, one of which says it. Nor, for a
    development or background, a report published before the entry's date."""
    if len(articles) < 2:
        return entries  # one report: each entry is cited by it already
    stating = attribute_sources([e.text for e in entries], articles) if entries else []
    order = {a.id: n for n, a in enumerate(articles)}
    by_id = {a.id: a for a in articles}
    days_named: dict[str, list[tuple[dt.date, str]]] = {}
    cited = []
    for entry, found in zip(entries, stating, strict=True):
        # A report published before a development or a past event cannot state it: a
        # stock sentence of an earlier report of the series matched ("the verdict" in
        # seven reports of a trial filed before it). A day's leeway for time zones.
        if entry.kind != SCHEDULED:
            found = tuple(i for i in found if could_report(by_id[i].date, entry.date))
        found = tuple(
            i for i in found if i in entry.sources or _names_the_day(by_id[i], entry, days_named)
        )
        sources = sorted({*entry.sources, *found}, key=order.__getitem__)
        cited.append(replace(entry, sources=tuple(sources)))
    return cited


def _names_the_day(
    article: Article, entry: TimelineEntry, days_named: dict[str, list[tuple[dt.date, str]]]
) -> bool:
    """Whether a report that restates an entry's sentence can be telling of its day: it
    was published within the entry's news cycle (``NEWS_CYCLE_DAYS``: the seeds' report of
    7 January restates Iraq's parliamentary vote of the 5th without its day), or names a
    time that holds it ("in September" for 13 September), or is undated (nothing to
    check: the seeds' re-translated wire story).
    Three later reports of the Gingrich divorce (DUC 2007 D0727G) were cited for "agreed
    Monday to keep their divorce out of a public arena" (13 September 1999): their
    sentences, alike in words, told of the December mediation."""
    if article.date is None or abs((article.date - entry.date).days) <= NEWS_CYCLE_DAYS:
        return True
    if article.id not in days_named:  # (day, precision) of each time the report names
        days_named[article.id] = [
            (m.value, m.precision)
            for m in find_times(article.text, article.date)
            if m.value is not None
        ]
    end = period_end(entry.date, entry.precision)
    return any(
        day <= end
        and entry.date <= period_end(day, precision)
        and (precision != YEAR or entry.precision == YEAR)  # "in 1999": most reports
        for day, precision in days_named[article.id]
    )


def story_score(mentioning_articles: int, publishing_articles: int) -> tuple[int, int]:
    """Rank a day by the articles that mention it, then by the articles published on it.

    Articles, not sentences: one article repeating a date is one voice (news-tls's
    ``docs_total`` feature). Publications only break ties: a busy news day is not an
    event day unless reports refer to it. On Timeline17 dev (furniture removed), the sum
    of both instead gave -0.004 AR1-F, -0.001 AR2-F, -0.029 date F1.
    """
    return mentioning_articles, publishing_articles


def story_keywords(
    articles: Sequence[Article], config: TimelineConfig, *, every_one: bool = False
) -> tuple[str, ...]:
    """Return what the story is about: the content words used by most of its articles.

    Up to ``config.story_keywords`` words (all of them with ``every_one``) in at least
    ``config.story_keyword_share`` of the articles and in two at least (one article's
    words say nothing of the story), SMART stopwords, day and month names out, most used
    first; none when none qualifies.
    """
    limit = None if every_one else config.story_keywords
    used_by: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    for article in articles:
        words = [w for w in _WORD.findall(article.text.lower()) if w not in _NOT_KEYWORDS]
        used_by.update(set(words))
        uses.update(words)
    least = max(2.0, config.story_keyword_share * len(articles))
    # Ties (frequent in a handful of articles): the word used most, then a-z.
    ranked = sorted(used_by.items(), key=lambda pair: (-pair[1], -uses[pair[0]], pair[0]))
    return tuple(word for word, count in ranked[:limit] if count >= least)


def _article_count(dated: Sequence[DatedSentence]) -> int:
    return len({item.article_id for item in dated})


def build_story_timeline(
    articles: Sequence[Article],
    config: TimelineConfig,
    max_dates: int | None = None,
    sentences_per_date: int = 1,
) -> tuple[TimelineEntry, ...]:
    """Return a day-by-day timeline of a story told by many articles (Datewise method).

    Args:
        articles: the story's articles; undated ones contribute only dates they state
            in full ("January 2, 2020").
        config: timeline settings (sentence length limits, lead sentences, redundancy).
        max_dates: how many dates to keep (``config.max_entries`` when None).
        sentences_per_date: sentences in each date's summary.

    Returns:
        Entries sorted by date; the text of an entry joins its sentences with a space.
    """
    max_dates = config.max_entries if max_dates is None else max_dates
    dated_articles = [a.date for a in articles if a.date]
    if not articles or max_dates <= 0:
        return ()
    lookback = dt.timedelta(days=config.story_lookback_days)
    first = min(dated_articles) - lookback if dated_articles else None
    last = max(dated_articles) if dated_articles else None
    mentions: dict[dt.date, list[DatedSentence]] = defaultdict(list)
    leads: dict[dt.date, list[DatedSentence]] = defaultdict(list)
    published: dict[dt.date, int] = defaultdict(int)
    reports = {id(article) for article in news_reports(articles)}
    for article in articles:
        if article.date:
            published[article.date] += 1
        if id(article) not in reports:
            continue  # an opinion piece's day counts as coverage; its sentences are views
        for item in date_sentences(article, config, config.story_lead_sentences):
            if item.precision != DAY:
                continue
            if first and last and not first <= item.date <= last:
                continue
            (mentions if item.mentioned else leads)[item.date].append(item)
    days = set(mentions) | set(published)
    scores = {day: story_score(_article_count(mentions[day]), published[day]) for day in days}
    ranked = sorted(days, key=lambda day: (-scores[day][0], -scores[day][1], day))
    vectorizer = _fit_vectorizer(sentence for _, sentence in _usable_sentences(articles, config))
    keywords = story_keywords(articles, config)
    entries: list[TimelineEntry] = []
    for day in ranked:
        if len(entries) == max_dates or vectorizer is None:
            break
        # Leads published the day after report what happened that day (news-tls PM collector).
        day_leads = leads[day] + leads[day + dt.timedelta(days=1)]
        candidates = _day_candidates(mentions[day], day_leads, vectorizer)
        if not candidates:
            continue
        # Fit on the day's candidates: IDF then sets apart what is specific to the day.
        vectors = _vectorise([c.text for c in candidates])
        if vectors is None:
            continue
        # Off-topic sentences (other news on the page) may be central but never chosen.
        # (Only sentences that stand alone, as in event timelines: Timeline17 dev AR1-F
        # 0.1449-0.1447 against 0.1468; not kept.)
        allowed = [
            i for i, c in enumerate(candidates) if not keywords or _names_any(c.text, keywords)
        ]
        chosen = _summary_centroid_select(
            vectors, sentences_per_date, allowed, config.same_report_similarity
        )
        if not chosen:
            continue
        sources: set[str] = set()
        for i in chosen:
            similar = vectors @ vectors[i] >= config.same_report_similarity
            sources.update(candidates[j].article_id for j in np.flatnonzero(similar))
        text = " ".join(closed_quotes(candidates[i].text) for i in chosen)
        entries.append(TimelineEntry(day, text, tuple(sorted(sources)), DAY))
    log.debug("story timeline: %d of %d candidate dates kept", len(entries), len(days))
    return tuple(sorted(entries, key=lambda entry: entry.date))


def _restating(
    vectors: sparse.csr_matrix, groups: Sequence[Sequence[int]], threshold: float
) -> list[np.ndarray]:
    """Return, per group of dated rows (the first rows of ``vectors``, one group per date),
    the other rows (numbered after the dated ones) whose cosine with a row of the group
    reaches ``threshold``. One product of every row with the dated rows, in row blocks: a
    story of 2,900 reports compares ~100,000 sentences with its dated ones (one product
    per date had sliced them once per date, and all at once was +330 MB)."""
    from newsbrief.cluster.linkage import row_blocks

    first = sum(map(len, groups))
    group_of = np.empty(first, dtype=np.int64)
    for number, members in enumerate(groups):
        group_of[members] = number
    dated_columns = vectors[:first].T.tocsc()
    found: list[np.ndarray] = []  # group * rest + row, per block
    rest = vectors.shape[0] - first
    for start, stop in row_blocks(rest, first):
        close = (vectors[first + start : first + stop] @ dated_columns).tocoo()
        above = close.data >= threshold
        found.append(group_of[close.col[above]] * rest + close.row[above] + start)
    pairs = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
    bounds = np.searchsorted(pairs, np.arange(len(groups) + 1) * rest)
    return [pairs[bounds[g] : bounds[g + 1]] - g * rest for g in range(len(groups))]


def _names_any(sentence: str, keywords: Sequence[str]) -> bool:
    # A word that starts with one: "egypt" in "egyptian", not "national" in "international".
    words = set(_WORD.findall(sentence.lower()))
    return any(word.startswith(keyword) for word in words for keyword in keywords)


def _fit_vectorizer(sentences: Iterable[str]) -> TermSpace | None:
    """Fit TF-IDF on the whole story, so rare words are rare across all its days."""
    space = TermSpace.fit(_terms(sentence) for sentence in sentences)
    return space if space.vocabulary else None


def _rows(space: TermSpace, sentences: Sequence[str]) -> np.ndarray:
    return np.asarray(space.vectors(_terms(sentence) for sentence in sentences).toarray())


def _knee(values: Sequence[float]) -> int:
    """Return the index of the point of a descending curve farthest from its chord."""
    if len(values) < 3:
        return len(values) - 1
    points = np.column_stack([np.arange(len(values)), np.asarray(values, dtype=float)])
    chord = points[-1] - points[0]
    chord = chord / (np.linalg.norm(chord) or 1.0)
    offsets = points - points[0]
    distances = np.linalg.norm(offsets - np.outer(offsets @ chord, chord), axis=1)
    return int(np.argmax(distances))


def _day_candidates(
    mentioned: list[DatedSentence], leads: list[DatedSentence], vectorizer: TermSpace
) -> list[DatedSentence]:
    """Return the day's candidates that agree with both what mentions and leads say.

    As news-tls's mean collector: the day's vector keeps the words found both in sentences
    that mention the day and in the leads published that day or the next; candidates less
    similar to it than the knee of the sorted similarities are dropped.
    """
    if not mentioned or not leads:
        return mentioned or leads
    both = mentioned + leads
    vectors = _rows(vectorizer, [c.text for c in both])
    mention_mean = vectors[: len(mentioned)].mean(axis=0)
    lead_mean = vectors[len(mentioned) :].mean(axis=0)
    day_vector = np.where((mention_mean > 0) & (lead_mean > 0), mention_mean + lead_mean, 0.0)
    norm = np.linalg.norm(day_vector)
    if norm == 0:
        return both
    similarities = vectors @ (day_vector / norm)
    ordered = sorted(similarities, reverse=True)
    threshold = ordered[_knee(ordered)]
    kept = [c for c, sim in zip(both, similarities, strict=True) if sim > 0 and sim > threshold]
    return kept or both


def _summary_centroid_select(
    vectors: np.ndarray, count: int, allowed: Sequence[int], max_similarity: float
) -> list[int]:
    """Greedily add the allowed sentence that brings the summary closest to the centroid.

    The centroid is that of all rows; a sentence at cosine ``max_similarity`` or more to
    one already chosen reports the same thing and is skipped (news-tls skips only
    verbatim repeats; skipping reports of the same: +0.0006 AR2-F on Timeline17 dev).
    """
    centroid = vectors.sum(axis=0)
    norm = np.linalg.norm(centroid)
    if norm == 0:
        return []
    centroid = centroid / norm
    chosen: list[int] = []
    summary = np.zeros_like(centroid)
    while len(chosen) < min(count, len(allowed)):
        best, best_score = -1, -1.0
        for index in allowed:
            if any(float(vectors[index] @ vectors[c]) >= max_similarity for c in chosen):
                continue
            candidate = summary + vectors[index]
            length = np.linalg.norm(candidate)
            score = float(candidate @ centroid / length) if length else 0.0
            if score > best_score:
                best, best_score = index, score
        if best < 0:
            break
        chosen.append(best)
        summary = summary + vectors[best]
    return chosen
