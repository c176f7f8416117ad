"""Find time expressions in news text and resolve them against the article's own date.

``find_times(text, anchor)`` returns one ``TimeMention`` per expression, in text order:

    absolute   "Dec. 3, 2019", "January 2, 2020", "2020-01-07"      -> day
               "in October 2014", "the summer of 2014"               -> month / year
               "since 2003", "in 2014"                               -> year
    anchored   "January 6", "in October" (year taken from the anchor: the closest such date)
    relative   "Tuesday", "on Monday", "Thursday evening", "yesterday", "last night", "today",
               "two days ago", "last week", "this weekend", "earlier this month",
               "next month", "last year"
    vague      "in the coming days", "in recent weeks"            -> never given a day
    anaphoric  "the next Saturday", "the following week"          -> never given a day

Conventions (news style, documented in docs/timelines.md):

* A bare weekday ("on Monday", "said Tuesday") is the most recent such day on or before
  the article's date: reports are written in the past tense about the past week. When the
  sentence has a future cue ("will", "is to", "expected to", "deadline") it is the next
  such day on or after the article's date, and the mention is marked ``future``; so is a
  deadline, "by Friday" ("oxygen could be exhausted by Friday"). "last Monday" is always
  before, "next Monday" after. With ``clause_tense`` (event timelines) the day after the
  article's date is that day, not six days back: the time-zone slack of a month and day.
* The tense is read outside quotes: a quote keeps the speaker's own tense ("we'll close
  down the country," he said at a rally on Saturday night: the rally is past).
* "the next Saturday", "the following week", "the same day" count from a moment of the
  narrative, not from the report: left unresolved.
* A weekday followed closely by an explicit date ("Thursday evening (January 2, 2020 EST)")
  takes that date.
* A month and day without a year ("January 6", "a May 12 deadline") take the year named
  earlier in the same sentence ("on Feb. 8, 2017, and again on March 1") or by the
  chronology heading the text is under ("1997:"); else, in a past-tense sentence, the
  latest year on or before the article's date (two days of slack for time zones); with a
  future cue, the earliest on or after it; with neither, or when it names a scheduled
  happening ("the May 12 summit", "its May 19 opening"), the nearest, a day ahead
  counting as two behind (news style gives the year only when it is not the current
  one). Likewise a month alone ("in March").
* A season ("the summer of 2014") is dated to its year: year precision, 1 January.
* Without an anchor (an article with no date) every relative or year-less expression stays
  unresolved with ``reason="article has no date"``: nothing is guessed.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

# Precision of a resolved mention. "week" (last week, this weekend) is coarser than a day
# but finer than a month; "vague" mentions ("in the coming days") never have a value.
DAY, WEEK, MONTH, YEAR, VAGUE = "day", "week", "month", "year", "vague"

NO_ANCHOR = "article has no date"
# "Today, Quebec's separatist movement lies in tatters": a sentence that opens on "Today,"
# and has no past or future verb in that clause sets the present against the past; no day.
NOWADAYS = "today as nowadays"
_NOWADAYS = re.compile(r"(?i)today,\s")
# "still today", "even today": the present as nowadays, not the report's day ("By the time
# she got there, and still today, its most prominent alumnus was Leonard Cohen": a
# National Post profile of fundus_dev, dated the report's day).
_STILL_BEFORE = re.compile(r"(?i)\b(?:still|even)\s+$")
# A weekday that recurs names no day: "speeches at her front gate every Saturday and
# Sunday", "each Tuesday the council meets", "every other Monday" (DUC 2007 D0706B: dated
# the Saturday and Sunday before the report).
HABITUAL = "a recurring weekday"
IN_A_NAME = "a word of a name"


@dataclass(frozen=True)
class TimeMention:
    """One time expression: where it is, what it means and how precisely.

    ``value`` is the first day of the period it names (the day itself for ``"day"``,
    the Monday for ``"week"``, the 1st for ``"month"``, 1 January for ``"year"``).
    ``resolved`` is False when the value could not be fixed; ``reason`` then says why
    (no article date, vague expression).
    """

    text: str
    start: int
    end: int
    value: dt.date | None
    precision: str
    resolved: bool
    reason: str | None = None
    # The sentence speaks of what is to come ("will meet on Friday", "by Friday").
    future: bool = False


_MONTH_NUMBERS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTH_NUMBERS["sept"] = 9
# Capitalised month names only: "may" and "march" are also verbs. Abbreviations may carry a dot.
MONTH_PATTERN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_MONTH = rf"(?P<month>{MONTH_PATTERN})"
# Not a clock's hour ("Nov. 4 4:30"): a colon before a space ends a chronology's date
# ("Nov. 4: Troops arrive", "an editorial for Thursday, Nov. 4:").
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"
# The digits of a year of news (1800-2099): shared by every rule that tells a year from a
# count (figures, citations, timeline headings).
YEAR_DIGITS = r"(?:1[89]\d\d|20\d\d)"
# Not a decade: "the early 2000's" (a year ending in 0 with "'s"; "2015's deal" is one).
_YEAR = rf"(?P<year>{YEAR_DIGITS})(?![\d])(?!(?<=0)[’']s\b)"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Lower-case names of days and months: they date a report, they do not say what it is about.
CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(n for n in _MONTH_NUMBERS if len(n) > 3)
_WEEKDAY_NAMES = "|".join(day.capitalize() for day in WEEKDAYS)
_WEEKDAY = rf"(?P<weekday>{_WEEKDAY_NAMES})"
# The words before a weekday that recurs (``HABITUAL``, ``recurs``).
_HABITUAL_BEFORE = re.compile(
    # "every other Saturday", "every sixth Saturday", "every 2nd Tuesday"
    rf"\b(?i:every|each)(?:\s+(?i:other|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)))?"
    rf"\s+(?:(?:{_WEEKDAY_NAMES})"
    r"\s*(?:,|and|or|,\s*and|,\s*or)\s*)*$"
)
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_COUNT = r"(?P<count>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

# Words in the sentence that put its weekdays in the future (plans and deadlines).
# Modals ("could", "would", "may") were tried too: on Timeline17 dev they moved AR1-F
# from 0.1478 to 0.1437-0.1452 and on the gold briefs they changed nothing.
_FUTURE_CUE = re.compile(
    # "scheduled" as a plan ("is scheduled to", "scheduled for Monday"), not as an
    # adjective ("the yet-to-be scheduled summit", "the scheduled trial")
    # "might have been expected to" is a past that did not happen, no plan
    r"(?i)\b(?:will|shall|'ll|is to|are to|is due|are due"
    r"|(?<!have been )(?<!had been )expected to|scheduled (?:to|for)"
    # "The planned debate is expected as early as Monday" (a Thursday report's next one),
    # and the negation, as far ahead: "returns are not expected before early Monday" (a
    # Sunday report: it had been the Monday before)
    r"|(?:is|are)(?: not)? expected\b"
    r"|(?<!-)(?:is|are|was|were|been|be|has|have|had) (?:been )?scheduled|"
    r"plans? to|planning to|planned to|set to|poised|going to|upcoming|deadline"
    # "who is slated to deliver the opening statement ... Thursday", "Tuesday, Republicans
    # intend to call two federal judges" (a Wednesday's and a Friday's: the days after)
    r"|slated to|intends? to"
    # a call still standing: "The Muslim Brotherhood ... has called for protests after
    # Friday prayers" (a Thursday report's next day; Timeline17)
    r"|(?:has|have) called for"
    # "next week", "the next meeting"; not a place ("stood next to the president"), the
    # narrative's next day ("The next day, Jan. 28, he disappeared") nor the next holder
    # of an office ("his landslide victory Sunday securing his place as the next president")
    # nor a contest's next stage ("appeared to swear after finding out he was getting
    # through to the next round": the October before the report, not the one after)
    r"|next(?!\s+(?:to|door|day|morning|afternoon|evening|night|president|prime|leader"
    r"|chairman|chief|head|governor|mayor|king|queen|pope|generation|round)\b)"
    r"|won't|won’t"
    # present only: "was preparing to pack up" is a past plan
    r"|prepares? (?:for|to)|(?:is|are|'s|'re) preparing (?:for|to))\b"
)
# Past-tense verbs: forms of "be", "have", "do", regular "-ed" forms and the irregular
# past forms news uses that are no other common word ("In February the pilot ... broke
# the record"; not "left", "lost", "won" (and "won't"), "saw", "rose", "set", "hit").
_PAST_CUE = re.compile(
    r"(?i)\b(?:was|were|had|did|said|told|went|came|met|began|\w{3,}ed|broke|took|gave"
    r"|made|fell|struck|sent|led|held|flew|fled|shot|wrote|sank|became|brought|fought"
    r"|caught|chose|knew|grew|threw|drew|paid|sold|stood|spent|built|kept|got|ran|spoke"
    r"|drove|swore|sought|thought|felt|found|heard|meant"
    # and a few more irregular past forms, "hit" among them: a form of both tenses, past
    # in a report's sentence ("In February, a quake ... hit the southern town of Zarand,
    # killing 612 people", a report of November: it had been the February ahead)
    r"|hit|won|lost|rose|saw|shook|bought|taught|withdrew|blew|stole|froze|woke|arose"
    r"|swept|stuck|hung|tore|wore)\b"
)
# A past verb that dates what the time expression names, not a plan's participle ("poised
# on Sunday", "planned to"); the caller adds how "-ed" forms may be written.
_NOT_A_PLAN = r"(?!(?:poised|scheduled|planned|expected|slated)\b)"
# The past verbs of saying a time follows ("said Monday"): one list, the timeline's too.
SAID_VERBS = r"said|told|announced|reported|confirmed|declared|revealed|added|wrote"
# A past verb right before a time expression ("announced Thursday", "said on Monday").
_PAST_VERB_BEFORE = re.compile(
    r"(?<!\bbe )(?<!\bbeen )"  # not a future passive: "will be postponed Monday"
    # not an adjective: "a self-imposed May 12 deadline"
    rf"(?<![\w-]){_NOT_A_PLAN}(?:{SAID_VERBS}|\w{{3,}}ed)(?:\s+on)?\s+$"
    # or a perfect, whatever its participle: "the troubles into which it has fallen this
    # year" (DUC 2007 D0743J: a forecast beside it had made that year "scheduled")
    r"|(?<!\bwill )\b(?:has|have|had)\s+[a-z]{3,}\s+$",
    re.IGNORECASE,
)
# A past verb right after a time expression, in lower case ("on Wednesday trashed",
# "Monday announced"); not a plan ("on Monday planned to").
_PAST_VERB_AFTER = re.compile(rf"\s+{_NOT_A_PLAN}(?:{SAID_VERBS}|[a-z]{{3,}}ed)\b")
# A past verb of saying: what follows it is what was said, whose tense is the speaker's.
# And a past verb of committing or telling someone, whose object is what lies ahead:
# "during his visit to this settlement on September 15, pledged to the settlers there
# that he will continue to expand it" (a report of 27 September 1999: it had been dated
# September 2000).
_SAID = re.compile(
    r"\b(?:said|told|announced|added|declared|stated|reported|confirmed|pledged|promised"
    r"|vowed|informed|warned|urged|agreed|decided|predicted|insisted|threatened|proposed)\b"
)
# Quoted speech keeps its own tense: "we'll close down the country," Trump said at a rally
# on Saturday night: the rally is past whatever the quote promises.
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|``.*?''")
_CLAUSE_BREAK = re.compile(r"[,;:\"“”()]|\s[-–—]+\s")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“`'])|\n")


def _b(pattern: str) -> re.Pattern[str]:
    """Compile a pattern that must start and end on word boundaries."""
    return re.compile(r"(?<![\w-])" + pattern + r"(?![\w-])")


# The tense of a sentence: True future, False past, None when it shows neither.
Tense = bool | None
# A rule turns its match, the anchor and the sentence's tense into (value, precision,
# reason the value is missing).
_Resolution = tuple[dt.date | None, str, str | None]
_Handler = Callable[[re.Match[str], dt.date | None, Tense], _Resolution]


def _month_of(match: re.Match[str]) -> int:
    return _MONTH_NUMBERS[match["month"].rstrip(".").lower()]


# A chronology's item opening on its day: "April 20, 2010 - Explosion and fire on BP's
# Deepwater Horizon drilling rig kills 11 workers", "May 11/12 - Executives ... appear at
# congressional hearings", "Nov. 4: Troops arrive" (a factbox's list, its days in order):
# the openers ``timeline_text._DATE_HEADING`` strips from an entry's text, read for their day.
_CHRONOLOGY_ITEM = re.compile(
    rf"^\W*{_MONTH}\s+(?P<day>[0-3]?\d)(?:/[0-3]?\d)?(?:\s*,\s*{_YEAR})?\s*(?:-|--|—|–|_|:)\s"
)


def chronology_item(sentence: str) -> tuple[int, int, int | None] | None:
    """The (month, day, year or None) a chronology's item opens on, or None."""
    match = _CHRONOLOGY_ITEM.match(sentence)
    if match is None:
        return None
    year = int(match["year"]) if match["year"] else None
    return _month_of(match), int(match["day"]), year


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Reports from other time zones can carry tomorrow's date: this much slack around the anchor.
_ANCHOR_SLACK = dt.timedelta(days=2)
# A present-tense schedule right before a time expression: "the euro, which officially
# goes into effect on Jan. 12" (in a past-tense report), "until his thriller is published
# Feb. 1": what it dates is ahead, whatever verb the sentence has.
_SCHEDULE_BEFORE = re.compile(
    r"(?i)\b(?:(?:goes|go|comes|come|enters?) into (?:effect|force)|takes? effect"
    r"|(?:is|are) (?:published|released|due(?: out)?|launched|held)"
    r"|(?:is|are) (?:set|scheduled|slated) for|(?:has|have) until"
    # a passive infinitive of what is scheduled: "the measures to be voted on Thursday",
    # "is to be formally sentenced May 3" (a report of 4 April 2007: it had been 3 May
    # 2006), "to be published Wednesday"; not a state ("was found to be infected on
    # Saturday") nor a report of the past ("said to be seen on Thursday")
    r"|to be (?:[a-z]+ly )?(?:voted|held|published|released|sentenced|signed|launched"
    r"|unveiled|opened|inaugurated|sworn|announced|debated|heard|tried|buried|decided"
    r"|presented|submitted|delivered|named|elected|discussed|considered|auctioned)"
    # a paper's study that "appears" or is "appearing Friday in the journal Science"
    # (not "was appearing", a past)
    r"|opens|begins|starts|expires|resumes|airs|appears|(?<!was )(?<!were )appearing"
    # "an emergency session of the Arab League due to start Sunday" (a Saturday report:
    # it had been the Sunday before); "Aaron McKinney, 22, goes on trial Monday" (a
    # Sunday's: the Monday before)
    r"|due to (?:be )?[a-z]+|(?:goes|go) on trial)"
    # the time of day between: "an injunction ... expires at 4 p.m. Wednesday" (a Friday
    # report: it had been the Wednesday before)
    r"(?:\s+at\s+\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?)?(?:\s+on)?\s+$"
)
# A plan's object with its day after it: "Clinton planned a budget meeting Monday",
# "scheduled a news conference on the regulations for Monday" (not "had planned", a plan
# that may have fallen through, nor "held a meeting Monday"); a day set or called "for"
# a weekday: "Judge Dorothy Robinson has set a hearing for Thursday morning" (a Monday
# report of DUC 2007: it had been the Thursday before). Not "called a news conference
# Monday", held that day.
_PLANNED_BEFORE = re.compile(
    r"(?<!had )\b(?:(?:planned|scheduled|slated) (?:an?|the) "
    r"(?:(?:[a-z-]+ ){0,2}[a-z-]+(?: on)?|[^.;:\"“”]{0,48}? for)"
    r"|(?:set|sets|called|calls|fixed|rescheduled) (?:an?|the|its|his|her|their) "
    r"[^.;:\"“”]{0,48}? for)\s+$"
)
# A time joined to the one before it in a list: "set for Tuesday at DaimlerChrysler and
# Wednesday at GM" (both ahead).
_JOINED_TO_PREVIOUS = re.compile(r"^[^.;:]{0,40}?\b(?:and|or)\s+(?:on\s+)?$")
# A paper's issue named by its weekday: "in Thursday's issue of the journal Nature",
# "Friday's editions of The Times".
# And a journal's by its name: "published in Wednesday's Journal of the American Medical
# Association" (a Tuesday report: it had been the Wednesday before).
_ISSUE_AFTER = re.compile(
    r"['’]s\s+(?:issues?|editions?|(?:[Jj]ournal|New England Journal|Lancet|Nature|Science"
    r"|JAMA|BMJ)\b)"
)
# And a paper's by its title, written "for" it: "the editorial prepared for Friday's
# People's Daily" (a Thursday report: it had been the Friday before); not "wrote in
# Sunday's New York Times", most often the Sunday gone.
_FOR_BEFORE = re.compile(r"\bfor\s+$")
_PAPER_AFTER = re.compile(
    r"['’]s\s+(?:[A-Z][\w'’.-]*\s+){0,3}(?:Daily|Times|Post|News|Herald|Telegraph|Tribune"
    r"|Gazette|Guardian|Independent|Observer|Globe|Chronicle|Inquirer|Bulletin)\b"
)
# A conditional or possible plan in the time's own clause, right before it: "would give
# Putin a proposal on Wednesday", "could begin in late September". Only there, a few
# words on, with no other clause between ("he would not run for speaker and who was
# present at the Monday dinner") and not "the Friday after" (a day named from another
# event): "would" anywhere in a sentence (sentence-wide, as the future cues are read)
# cost Timeline17 AR1-F, and "would have" is a past that did not happen.
_MODAL_BEFORE = re.compile(
    r"(?i)\b(?:would|could|might|should|(?-i:may))(?:\s+not)?\s+(?!have\b)[a-z]+\b"
    r"(?:\s+(?!(?:and|or|but|who|which|that|when|if|because|after|before|since)\b)"
    r"[\w'’.-]+){0,5}\s+(?<![Tt]he\s)$"
)
_ON_BEFORE = re.compile(r"\bon\s+$")
# A span's end or start: "since last year" names no year of the sentence's other times.
_SPAN_BEFORE = re.compile(r"(?i)\b(?:since|from|until|till|through|by|than)\s+$")
# A past participle right before the time dates its own event, whatever modal comes
# before it: "would nullify an executive order issued in May" (not "would be postponed
# Monday", a plan).
_PARTICIPLE_BEFORE = re.compile(r"(?<!\bbe )(?<!\bbeen )\b[a-z]{3,}ed(?:\s+(?:in|on|at))?\s+$")
# Times that say they are past: "earlier this year", "last week", "yesterday", "two days
# ago".
_BACKWARD = re.compile(r"(?i)(?:earlier|last|past|previous|yesterday)\b|.*\bago$")
# And a time that says it is ahead, whatever the sentence's verb: "made the trip ... to
# discuss the planned meeting with Trump later this year" (WCEP: it had been background).
_FORWARD = re.compile(r"(?i)later\s+this\b")
# A time that may lie ahead by its own word ("Next Monday, the court said, it will rule").
_AHEAD = re.compile(r"(?i)(?:next|this|coming|later)\b")
# Words that set a time limit ("as soon as May 12", "a deadline of May 12", "until",
# "on view through April 1"): the date may lie ahead even in a past-tense sentence.
_LIMIT_WORDS = r"until|till|through|thru"
_OPEN_LIMIT = re.compile(
    rf"\b(?:as (?:soon|early|late) as|no (?:later|earlier) than|{_LIMIT_WORDS}"
    # "should be sent back to Cuba by Jan. 14" (a report of 8 January 2000: 1999)
    r"|by|deadline(?: of)?"
    r"|due(?: on)?)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# A day something was put off to: "have postponed Sunday's shows in Monterrey, Mexico to
# July 31" (a May report: it had been the July before).
_PUT_OFF_TO_BEFORE = re.compile(
    r"(?i)\b(?:postponed|delayed|pushed back|put off|rescheduled|deferred|adjourned)\b"
    r"[^.;:\"“”]{0,60}?\b(?:to|until|till)\s+$"
)
# A happening called off by its day: "have postponed Sunday's shows", "cancelled
# Friday's game".
_CALLED_OFF_BEFORE = re.compile(
    r"(?i)\b(?:postponed?|postpones|cancell?ed|cancels?|called off|calls? off|put off|puts off"
    r"|scrapped|scraps?)\s+(?:the\s+)?$"
)
# Or the rule took the limit's word in: "delayed the trial ... until May" (a report of 3
# March 2011, Timeline17: it had been May 2010).
_OPEN_LIMIT_WORD = re.compile(rf"(?i)(?:{_LIMIT_WORDS})\s")


# "March of last year", "December next year": the month's year named after it.
_OF_RELATIVE_YEAR = re.compile(r"\s+(?:of\s+)?(?P<which>last|this|next)\s+year\b", re.IGNORECASE)
# A scheduled happening named by its day ("its May 19 opening", "states with March 7
# primaries", "the May 12 deadline"): such a day may lie ahead of a past-tense report, so
# the nearest occurrence is meant, whatever the sentence's tense. The happening's own noun
# decides: "the Oct. 31 crash", read in August 2000, is the crash of 1999.
_SCHEDULED_HAPPENINGS = (
    r"(?:opening|release|premiere|debut|launch|primary|primaries|caucus|caucuses|election"
    r"|elections|vote|referendum|ballot|balloting|runoff|summit|hearing|deadline|inauguration"
    r"|sentencing|execution|court date|trial date"
    # "under way for Saturday's stadium concert" (a Friday report: it had been the
    # Saturday before), "postponed Sunday's shows" (a Thursday's: the Sunday after)
    r"|concerts?|shows|gigs?|festival|parade|ceremony|funeral|memorial service)"
)
# The happening after its day, a word or a quoted name's first word between: "Saturday's
# stadium concert", "Sunday's "Millennium March" in Washington that is expected to
# attract 300,000" (a Thursday report: it had been the Sunday before). A gathering too,
# only so: "called for protests on Friday" (a Thursday report) is the call's Friday.
_SCHEDULED_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:[a-z]+\s+|[\"“]?[A-Z][a-z]+\s+)?"
    rf"(?i:{_SCHEDULED_HAPPENINGS}|march|marches|rally|rallies|protests?|demonstrations?)\b"
)
# And one named right before its day ("before elections Sunday", "at his sentencing in
# June", "the vote on Thursday"): the nearest such day too.
_SCHEDULED_BEFORE_DAY = re.compile(
    rf"\b{_SCHEDULED_HAPPENINGS}\s+(?:(?:on|in|set for|scheduled for)\s+)?$"
)
# A study "published Friday in the journal Science" or "in The Lancet": an embargoed
# paper is often reported the day before it is out (the mix: "published Friday" in a
# Thursday report had been dated six days back); the nearest such day, as for a
# scheduled happening.
_PUBLISHED_BEFORE = re.compile(r"\b(?:published|released)\s+$")
_IN_A_PAPER_AFTER = re.compile(r"\s+in\s+(?:the\s+)?(?:journal\b|[A-Z])")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:the|a|an|in|on|at|to|of|for|by|with|from|and|or|but|as|that|when|after|before|was|were"
    r"|is|are|had|has|will|would|night|morning|evening|afternoon)\b)[a-z][a-z-]+"
)


def names_a_thing(sentence: str, mention: TimeMention) -> bool:
    """Whether a time expression names a thing instead of dating the sentence's news:
    a possessive ("fire caused by Tuesday's earthquake") or a date between "the" and a
    noun ("survivors of the August 17, 1999 earthquake")."""
    return _names_a_thing(sentence, mention.start, mention.end)


def _names_a_thing(text: str, start: int, end: int) -> bool:
    if text[start:end].endswith(("'s", "’s")):
        return True
    return bool(_THE_BEFORE.search(text, max(0, start - 8), start) and _NOUN_AFTER.match(text, end))


def period_end(day: dt.date, precision: str) -> dt.date:
    """Return the last day of the period that starts on ``day`` at ``precision``."""
    if precision == YEAR:
        return dt.date(day.year, 12, 31)
    if precision == MONTH:
        following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    if precision == WEEK:  # a week starts on its Monday, a weekend on its Saturday
        return day + dt.timedelta(days=6 - day.weekday())
    return day


def _pick_year(anchor: dt.date, candidates: list[dt.date | None], future: Tense) -> dt.date | None:
    """Return the candidate a report dated ``anchor`` means (see the module docstring).

    Future sentence: the earliest on or after the anchor; past: the latest on or
    before it. Neither: the nearest, a day ahead (beyond the time-zone slack) weighing as
    two behind: "May 12" in a report of April 24 is this May, not last year's.
    """
    valid = [c for c in candidates if c is not None]
    if future:
        ahead = [c for c in valid if c >= anchor - _ANCHOR_SLACK]
        return min(ahead) if ahead else None
    if future is False:
        behind = [c for c in valid if c <= anchor + _ANCHOR_SLACK]
        return max(behind) if behind else None

    def distance(candidate: dt.date) -> int:
        days = (candidate - anchor).days
        return 2 * days if candidate > anchor + _ANCHOR_SLACK else abs(days)

    return min(valid, key=distance) if valid else None


def _full_date(match: re.Match[str], anchor: dt.date | None, future: Tense) -> _Resolution:
    value = _safe_date(int(match["year"]), _month_of(match), int(match["day"]))
    return (value, DAY, None) if value else (None, DAY, "not a calendar date")


def _iso_date(match: re.Match[str], anchor: dt.date | None, future: Tense) -> _Resolution:
    value = _safe_date(int(match["year"]), int(match["m"]), int(match["day"]))
    return (value, DAY, None) if value else (None, DAY, "not a calendar date")


def _month_day(match: re.Match[str], anchor: dt.date | None, future: Tense) -> _Resolution:
    if anchor is None:
        return None, DAY, NO_ANCHOR
    month, day = _month_of(match), int(match["day"])
    candidates = [_safe_date(anchor.year + shift, month, day) for shift in (-1, 0, 1)]
    value = _pick_year(anchor, candidates, future)
    return (value, DAY, None) if value else (None, DAY, "not a calendar date")


def _month_year(match: re.Match[str], anchor: dt.date | None, future: Tense) -> _Resolution:
    return dt.date(int(match["year"]), _month_of(match), 1), MONTH, None


def _season_year(match: re.Match[str], anchor: dt.date | None, future: Tense) -> _Resolution:
    # A season spans months; its honest precision is the year, dated like a year.
    return dt.date(int(match["year"]), 1, 1), YEAR, None


def _year(match: re.Match[str], anchor: dt.date | None, future: Tense) -> _Resolution:
    return dt.date(int(match["year"]), 1, 1), YEAR, None


def _month_alone(match: re.Match[str], anchor: dt.date | None, future: Tense) -> _Resolution:
    if anchor is None:
        return None, MONTH, NO_ANCHOR
    month = _month_of(match)
    of_year = _OF_RELATIVE_YEAR.match(match.string, match.end())
    if of_year:
        # "In March of last year" (a report of April 1999: March 1998)
        shift = {"last": -1, "this": 0, "next": 1}[of_year["which"].lower()]
        return dt.date(anchor.year + shift, month, 1), MONTH, None
    candidates: list[dt.date | None] = [dt.date(anchor.year + s, month, 1) for s in (-1, 0, 1)]
    return _pick_year(anchor.replace(day=1), candidates, future), MONTH, None


def _days_ahead(match: re.Match[str], anchor: dt.date) -> int:
    """How many days after ``anchor`` its weekday next falls (0 to 6; 0: the same day)."""
    return (WEEKDAYS.index(match["weekday"].lower()) - anchor.weekday()) % 7


# How far ahead a weekday named with no tense of its own still lies ahead (half a week).
_DAYS_AHEAD_MAX = 3


def _within_days_ahead(
    match: re.Match[str], anchor: dt.date | None, same_day: bool = False
) -> bool:
    """Whether the weekday next falls at most ``_DAYS_AHEAD_MAX`` days after ``anchor``
    (``same_day``: the report's own day counts as ahead)."""
    if anchor is None:
        return False
    ahead = _days_ahead(match, anchor)
    return (same_day or ahead > 0) and ahead <= _DAYS_AHEAD_MAX


def _nearest_is_ahead(match: re.Match[str], anchor: dt.date) -> bool:
    """Whether the nearer of a weekday's two days around ``anchor`` is the one ahead, a
    day ahead weighing as two behind (``_pick_year``'s rule)."""
    ahead = _days_ahead(match, anchor)
    days: list[dt.date | None] = [anchor + dt.timedelta(days=s) for s in (ahead - 7, ahead)]
    return _pick_year(anchor, days, None) == days[1]


def recurs(before: str) -> bool:
    """Whether a weekday after ``before`` recurs ("every Saturday", "each Tuesday", "every
    Saturday and Sunday"): it names no day."""
    return bool(_HABITUAL_BEFORE.search(before[-48:].rstrip() + " "))


# A weekday's part of the day in the plural recurs too: "moves to Thursday nights this
# fall" (a Sunday report had dated the Emmys' news to the Thursday before).
_HABITUAL_AFTER = re.compile(r"\s+(?:mornings|afternoons|evenings|nights)\b")


def _weekday(match: re.Match[str], anchor: dt.date | None, future: Tense) -> _Resolution:
    if recurs(match.string[: match.start()]) or _HABITUAL_AFTER.match(match.string, match.end()):
        return None, DAY, HABITUAL
    if anchor is None:
        return None, DAY, NO_ANCHOR
    modifier = (match["mod"] or "").lower()
    ahead = _days_ahead(match, anchor)
    back = (7 - ahead) % 7
    if modifier == "last":
        return anchor - dt.timedelta(days=back or 7), DAY, None
    if modifier == "next":
        return anchor + dt.timedelta(days=ahead or 7), DAY, None
    if modifier == "this" and 0 < ahead <= 6 - anchor.weekday():
        # "this Thursday" of a Monday is this week's, still to come, whatever the tense:
        # "the session this Thursday in Austin, Texas, has irked leaders" (it had been
        # the Thursday before).
        return anchor + dt.timedelta(days=ahead), DAY, None
    # Bare, "on" or "this" weekday: tense decides.
    shift = ahead if future else -back
    return anchor + dt.timedelta(days=shift), DAY, None


def _deictic_day(match: re.Match[str], anchor: dt.date | None, future: Tense) -> _Resolution:
    word = match["word"].lower()
    if (
        word in ("tomorrow", "yesterday")
        and match["word"][:1].isupper()
        and _in_a_name(match.string, match.start(), match.end())
    ):
        # A name's "Today" ("the Today programme", "USA Today") keeps the report's day:
        # the interview it names is most often that morning's (Timeline17 dev: 0.1495 ->
        # 0.1492 AR1-F when it dated nothing). A name's "Tomorrow" is a day off.
        return None, VAGUE, IN_A_NAME
    if word == "today" and (
        _opens_on_today(match) or _STILL_BEFORE.search(match.string, 0, match.start())
    ):
        return None, VAGUE, NOWADAYS
    if anchor is None:
        return None, DAY, NO_ANCHOR
    # "last night" is the evening before the report's day (print convention).
    shift = -1 if word == "yesterday" or word.startswith("last") else int(word == "tomorrow")
    return anchor + dt.timedelta(days=shift), DAY, None


# The words around a capitalised "Tomorrow" or "Yesterday" that make it a name's word: a
# name before it, a name after its possessive ("Tomorrow's Society"), a programme's word
# after it.
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z][\w.&'’-]*[ \t]+$")  # not a byline in capitals
_NAME_AFTER = re.compile(r"(?:['’]s\s+[A-Z]|\s+(?:show|programme|program|newspaper)\b)")


def _in_a_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised deictic day word is a name's word, not a day: "Wine to Benefit
    Responsible Adults for Tomorrow's Society" (an acronym's long form had dated its
    sentence the day after the report); not "... - Tomorrow the board meets", nor a
    byline's "MEDICINS SANS FRONTIERES Yesterday I visited Trinite Hospital"."""
    if _opens_a_sentence(text, start):
        return False
    return bool(
        _NAME_BEFORE.search(text, max(0, start - 40), start) or _NAME_AFTER.match(text, end)
    )


def _opens_on_today(match: re.Match[str]) -> bool:
    """Whether the match is a sentence's opening "Today," whose clause has no past or
    future verb (``NOWADAYS``; "Today, Acadians make up about a third of the population
    -- ... large enough to have successfully lobbied for ...": the clause's verb)."""
    text, start = match.string, match.start()
    opening = _NOWADAYS.match(text, start)
    if not opening or not _opens_a_sentence(text, start):
        return False
    stop = _CLAUSE_BREAK.search(text, opening.end())
    return sentence_tense(text[opening.end() : stop.start() if stop else len(text)]) is None


def _opens_a_sentence(text: str, start: int) -> bool:
    """Whether only spaces stand before ``start``, or a sentence's end (a full stop, its
    closing quotes, then a space). Read back from ``start``: a search of all the text
    before it, for each "Today," of a long text, made that quadratic."""
    at = start
    while at and text[at - 1].isspace():
        at -= 1
    if at == 0:
        return True
    if at == start:
        return False
    while at and text[at - 1] in "\"'”’)":
        at -= 1
    return at > 0 and text[at - 1] in ".!?"


def _ago(match: re.Match[str], anchor: dt.date | None, future: Tense) -> _Resolution:
    unit = match["unit"].lower().rstrip("s")
    precision = {"day": DAY, "week": WEEK, "month": MONTH, "year": YEAR}[unit]
    if anchor is None:
        return None, precision, NO_ANCHOR
    count = match["count"].lower()
    amount = int(count) if count.isdigit() else _NUMBER_WORDS[count]
    return _shift(anchor, unit, -amount), precision, None


def _shift(anchor: dt.date, unit: str, amount: int) -> dt.date:
    """Return the start of the period ``amount`` units away from the anchor's period."""
    if unit == "day":
        return anchor + dt.timedelta(days=amount)
    if unit in ("week", "weekend"):
        monday = anchor - dt.timedelta(days=anchor.weekday())
        start = monday + dt.timedelta(weeks=amount)
        return start + dt.timedelta(days=5) if unit == "weekend" else start
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + amount
        return dt.date(index // 12, index % 12 + 1, 1)
    return dt.date(anchor.year + amount, 1, 1)


def _relative_period(match: re.Match[str], anchor: dt.date | None, future: Tense) -> _Resolution:
    unit = match["unit"].lower()
    precision = {"week": WEEK, "weekend": WEEK, "month": MONTH, "year": YEAR}[unit]
    if anchor is None:
        return None, precision, NO_ANCHOR
    modifier = " ".join(match["mod"].lower().split())
    amount = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(modifier, 0)
    if unit == "weekend" and amount == 0 and anchor.weekday() < 5 and not future:
        # "this weekend" read on a weekday of a past-tense report: the weekend just gone.
        amount = -1
    return _shift(anchor, unit, amount), precision, None


def _vague(match: re.Match[str], anchor: dt.date | None, future: Tense) -> _Resolution:
    direction = "future" if re.search(r"(?i)coming|next|ahead", match[0]) else "past"
    return None, VAGUE, f"vague {direction} period"


STORY_TIME = "counted from the story's time, not the report's"


def _anaphoric(match: re.Match[str], anchor: dt.date | None, future: Tense) -> _Resolution:
    # "he had scheduled a return call for the next Saturday", "the following week": the
    # day after some moment the narrative told of, which the report's date does not fix.
    return None, VAGUE, STORY_TIME


_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_NO_OTHER_YEAR = r"(?!\s*,?\s*\d{4}\b(?!,\d)(?!\s+[a-z]))"
_RULES: list[tuple[re.Pattern[str], _Handler]] = [
    (_b(r"(?P<year>\d{4})-(?P<m>[01]\d)-(?P<day>[0-3]\d)"), _iso_date),
    (_b(_MONTH + r"\s*" + _DAY + r"\s*,?\s*" + _YEAR), _full_date),
    (_b(_DAY + r"\s+" + _MONTH + r"\s*,?\s*" + _YEAR), _full_date),
    (
        _b(r"(?i:(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+of)\s+" + _YEAR),
        _season_year,
    ),
    # "June 2009", "June, 2009", "June of 2009"
    (_b(_MONTH + r"(?:\s*,?\s*|\s+of\s+)" + _YEAR), _month_year),
    # not a day whose year is past news's ("March 3, 2150", "3 March 0999": no year of
    # the report stands in for it); a count after a day stays ("March 3, 1500 troops").
    (_b(_MONTH + r"\s+" + _DAY + _NO_OTHER_YEAR), _month_day),
    (_b(_DAY + r"\s+" + _MONTH + _NO_OTHER_YEAR), _month_day),
    (
        _b(
            r"(?i:in|since|by|until|from|before|after|during|of|early|late|mid|between)"
            r"\s+(?:-\s*)?" + _YEAR
        ),
        _year,
    ),
    (
        _b(
            r"(?i:in|since|by|until|from|before|after|during|early|late|mid-)\s+"
            + _MONTH
            # not "from Feb. 3" ("Feb" without its dot, then a day) nor "in Jan., 2019",
            # "in June of 2009"
            + rf"(?!\.?\s*\d|\.?\s*,\s*{YEAR_DIGITS}\b|\s+of\s+{YEAR_DIGITS}\b)"
        ),
        _month_alone,
    ),
    (
        _b(
            r"(?i:the\s+(?:next|following|previous|preceding|same))\s+"
            r"(?:" + _WEEKDAY + r"|(?i:day|morning|evening|night|week|weekend|month|year))"
        ),
        _anaphoric,
    ),
    (
        _b(
            r"(?:(?P<mod>(?i:last|next|this|on|by|early|late))\s+)?"
            + _WEEKDAY
            + r"(?:\s*'s)?"
            + _PART_OF_DAY
        ),
        _weekday,
    ),
    (
        _b(r"(?P<word>(?i:yesterday|today|tomorrow|tonight|last\s+night))" + _PART_OF_DAY),
        _deictic_day,
    ),
    (_b(r"(?i:this\s+(?P<word>morning|afternoon|evening))"), _deictic_day),
    (_b(r"(?i:" + _COUNT + r"\s+(?P<unit>days?|weeks?|months?|years?)\s+ago)"), _ago),
    (
        _b(
            r"(?i:(?P<mod>last|next|this|past|previous|coming|earlier\s+this|later\s+this)\s+"
            r"(?P<unit>weekend|week|month|year))"
        ),
        _relative_period,
    ),
    (
        _b(
            r"(?i:(?:in|over|during|for)\s+the\s+(?:coming|next|past|last|recent|previous)"
            r"(?:\s+few|\s+several|\s+couple\s+of)?\s+(?:days|weeks|months|years)|"
            r"in\s+recent\s+(?:days|weeks|months|years)|in\s+the\s+days\s+ahead"
            # a span ahead: "said that investment would grow over the coming year" (a report
            # of 14 January 2010, Timeline17: it had dated the promise 2011)
            r"|(?:over|during|within|for)\s+the\s+(?:coming|next)\s+(?:week|month|year))"
        ),
        _vague,
    ),
]
# Cheap tests that a rule can match at all: most sentences have no time expression, and
# running every rule over them dominated the cost (2x faster per sentence on Timeline17).
_TRIGGERS = {
    "digits": re.compile(r"\d"),
    "month": re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"),
    "day": re.compile(r"(?i)day|tomorrow|night|morning|afternoon|evening"),
    "period": re.compile(r"(?i)week|month|year"),
    "vague": re.compile(r"(?i)days|weeks|months|years|ahead|(?:coming|next)\s+(?:week|month|year)"),
    "ago": re.compile(r"(?i)\bago\b"),
    "anaphoric": re.compile(r"(?i)\bthe\s+(?:next|following|previous|preceding|same)\b"),
}
_RULE_TRIGGER: dict[_Handler, str] = {
    _iso_date: "digits",
    _full_date: "digits",
    _season_year: "digits",
    _month_year: "digits",
    _month_day: "digits",
    _year: "digits",
    _month_alone: "month",
    _weekday: "day",
    _deictic_day: "day",
    _ago: "ago",
    _relative_period: "period",
    _vague: "vague",
    _anaphoric: "anaphoric",
}
# A weekday this close before an explicit date ("Thursday evening (January 2, 2020 EST)",
# "Tuesday, Dec. 3, 2019") takes that date.
_EXPLICIT_GAP = re.compile(r"^[\s,(]*(?:\w+\s+)?[\s,(]*$")


def _sentence_ends(text: str) -> list[int]:
    """Where the sentences of ``text`` end: the sentence splitter's rule, so that "Ms.
    Bisek's appearance Wednesday ... will be postponed" keeps its future tense."""
    from newsbrief.clean.sentences import is_sentence_boundary

    # A line break ends a sentence, after a full stop too: "going to court twice.\n\nBut on
    # Dec. 16, ... reached a tentative agreement" had been one sentence with the one
    # before, whose "the next five months" put Dec. 16 ahead (DUC 2007 D0727G).
    return [
        m.start() + 1
        for m in _SENTENCE_END.finditer(text)
        if "\n" in m[0]
        or is_sentence_boundary(
            text[max(0, m.start() - 40) : m.start()],
            m[0][0],
            m[0][1:] + text[m.end() : m.end() + 40],
        )
    ] + [len(text)]


def may_name_a_time(text: str) -> bool:
    """Whether ``text`` holds a word or digit a time expression starts from: without one,
    ``find_times`` finds nothing (most sentences of a report)."""
    return any(trigger.search(text) for trigger in _TRIGGERS.values())


def find_times(
    text: str, anchor: dt.date | None, year: int | None = None, *, clause_tense: bool = False
) -> list[TimeMention]:
    """Return the time expressions of ``text`` resolved against ``anchor``, in text order.

    Args:
        text: plain or PTB-tokenised text.
        anchor: the article's publication date, or None when unknown.
        year: the year the text is under, when a heading gives one (a chronology's
            "1997:"); month-and-day dates and months without a year of their own take it.
        clause_tense: a past verb right before the expression ("reported Wednesday that
            ... plan to"), or earlier in its own clause with no future cue in the clause,
            makes it past even in a sentence with a future cue ("came back to it at a
            rally on Saturday night, saying ... when a deadline is reached"). Event
            timelines use it; on Timeline17 dev the clause part moved AR1-F / date F1
            from 0.1468 / 0.6917 to 0.1450 / 0.6927, so story timelines do not.
    """
    present = {name for name, trigger in _TRIGGERS.items() if trigger.search(text)}
    if not present:
        return []
    candidates: list[tuple[int, int, re.Match[str], _Handler]] = []
    for pattern, handler in _RULES:
        if _RULE_TRIGGER[handler] not in present:
            continue
        for match in pattern.finditer(text):
            candidates.append((match.start(), match.end(), match, handler))
    # Longest match wins where expressions overlap; earlier rules break ties.
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    mentions: list[TimeMention] = []
    ends = _sentence_ends(text)
    taken_until = -1
    # sentence index -> the last dated year it named, and where a relative year ("last
    # year") that names it only for its own clause ends (-1: any year the text writes)
    year_named: dict[int, tuple[dt.date, int]] = {}
    # A day the text writes in full somewhere is that day where it leaves the year out:
    # "a Feb. 8, 2017, encounter ... At that same Feb. 8 meeting" (a report of April 2018
    # had dated the second 2018-02-08).
    written_years: dict[tuple[int, int], set[int]] = defaultdict(set)
    for _, _, match, handler in candidates:
        if handler is _full_date:
            written_years[(_month_of(match), int(match["day"]))].add(int(match["year"]))
    scheduled_until = -1  # where the last time a schedule put ahead ends
    for start, end, match, handler in candidates:
        if start < taken_until:
            continue
        taken_until = end
        scheduled = False
        # The mention's sentence: from the previous sentence end to the next one.
        index = bisect.bisect_left(ends, end)
        left = ends[index - 1] if index else 0
        sentence = _QUOTED.sub(" ", text[left : ends[min(index, len(ends) - 1)]])
        future = cued = sentence_tense(sentence)
        # A weekday of a scheduled happening: "Saturday's stadium concert", "before
        # elections Sunday".
        happening = (
            handler is _weekday
            and anchor is not None
            and bool(
                _SCHEDULED_AFTER.match(text, match.end("weekday"))
                or _SCHEDULED_BEFORE_DAY.search(text, max(left, start - 32), start)
            )
        )
        if (
            handler is _weekday
            and anchor is not None
            and (
                _ISSUE_AFTER.match(text, match.end("weekday"))
                or (
                    _PAPER_AFTER.match(text, match.end("weekday"))
                    and _FOR_BEFORE.search(text, max(0, start - 8), start)
                )
                or (
                    match[0].endswith(("'s", "’s"))
                    and _CALLED_OFF_BEFORE.search(text, max(left, start - 24), start)
                )
            )
        ):
            # "in Thursday's issue of the journal Nature": a paper's issue of the nearest
            # such day, whatever the tense (an AP science story of a Wednesday reports a
            # study out the next day: it had been dated six days back). So is what is
            # called off by its day, which had not yet come: "The Jonas Brothers have
            # postponed Sunday's shows in Monterrey" (a Thursday report: the Sunday before).
            future = _within_days_ahead(match, anchor, same_day=True)
        elif (
            handler is _weekday
            and anchor is not None
            and (
                (
                    not future
                    and (
                        happening
                        or (
                            _PUBLISHED_BEFORE.search(text, max(left, start - 16), start)
                            and _IN_A_PAPER_AFTER.match(text, end)
                        )
                    )
                )
                or (future and _only_a_past_plan(sentence))
            )
        ):
            # A scheduled happening's day in a sentence with no future cue: the nearest, a
            # day ahead counting as two behind, as for its date ("polling stations set up for
            # Sunday's presidential elections" in a Saturday report had been dated six
            # days back; "the vote on Thursday was 52-48" of a Monday is the last one). So
            # is a day a past plan names ("Clinton was scheduled to be here Monday anyway",
            # a Thursday report's Monday gone: it had been dated the Monday ahead).
            if _days_ahead(match, anchor):  # the report's own day keeps its sentence's
                future = _nearest_is_ahead(match, anchor)  # tense ("a vote Monday")
        elif future and _BACKWARD.match(match[0]):
            # "will enforce existing oil production agreements made earlier this year": a
            # time that says it is past is past, whatever the sentence plans.
            future = False
        elif _FORWARD.match(match[0]):
            future = True
        elif (handler is _month_day and _SCHEDULED_AFTER.match(text, end)) or (
            handler in (_month_day, _month_alone)
            and _SCHEDULED_BEFORE_DAY.search(text, max(left, start - 32), start)
        ):
            future, scheduled = None, True
        elif future and _names_a_thing(text, start, end):
            # "will be charged ... in connection with the Aug. 7 bombing": a thing's own
            # day is not the sentence's future; the nearest one. A happening's is the
            # next when at most three days ahead: "shortly before Sunday's "Millennium
            # March" ... that is expected to attract 300,000" (a Thursday report: it had
            # been the Sunday before); "the results of Monday's election will set all of
            # Canada on another painful round" (a Tuesday's) is the day before.
            future = _within_days_ahead(match, anchor) if happening else None
        elif match.groupdict().get("mod") == "by" and not match[0].endswith("'s"):
            # "could be exhausted by Friday": a deadline is ahead ("killed by Tuesday's
            # earthquake" names the day of an event, no deadline)
            future = True
        elif (
            _SCHEDULE_BEFORE.search(text, max(0, start - 32), start)
            or _PLANNED_BEFORE.search(text, max(left, start - 64), start)
            or (scheduled_until >= 0 and _JOINED_TO_PREVIOUS.match(text[scheduled_until:start]))
        ):
            future = True
            scheduled_until = end
        elif (
            not future
            and (not any(c.isdigit() for c in match[0]) or _ON_BEFORE.search(text, left, start))
            and _MODAL_BEFORE.search(text, max(left, start - 60), start)
            and not _PARTICIPLE_BEFORE.search(text, max(left, start - 24), start)
        ):
            # An explicit date ("the Oct. 31 crash") is not moved ahead, unless the modal's
            # verb happens on it: "warned computer users that a killer virus ... may attack
            # computer hard drives on December 13" (a report of 7 December 1999: it had
            # been 1998).
            future = True
        elif (
            future is False
            and handler in (_month_alone, _month_day, _weekday)
            and _progressive_clause(text, left, start)
        ):
            # "The Department of Homeland Security is ending its color-coded terror threat
            # level system in April, as expected, ... has confirmed" (a January report: it
            # had been the April before): an arrangement in the present progressive may lie
            # either side; the nearest.
            future = None
        elif (
            future
            and clause_tense
            and (
                _past_clause_around(text, left, start, end)
                or _past_verb_right_before(text, start)
                or (_opens_a_past_clause(text, left, start, end) and not _AHEAD.match(match[0]))
            )
        ):
            # "came back to immigration at a rally on Saturday night, saying ... when a
            # deadline is reached": the time's own clause is past, whatever follows. A
            # happening's day in a past clause is the next when at most three days ahead:
            # "The agreement was reached prior to a Thursday hearing that was expected to
            # attract national media" (a Tuesday report: it had been the Thursday before).
            future = happening and _within_days_ahead(match, anchor)
        elif future and clause_tense and _before_what_was_said(text, left, start, end):
            # "At a government cabinet session on Jan. 27, Putin said defense spending this
            # year will be 50 percent higher": the future is what was said, the day is past.
            future = False
        elif future is False and (
            _OPEN_LIMIT.search(text, max(0, start - 24), start)
            or _OPEN_LIMIT_WORD.match(match[0])
            or _PUT_OFF_TO_BEFORE.search(text, max(left, start - 80), start)
        ):
            # "has threatened to scrap the deal as soon as May 12": the limit's own
            # time is not the clause's past; the nearest occurrence it is. A weekday's
            # too: "ordering the family to turn the boy over _ perhaps as early as
            # Thursday" (a Wednesday report: the Thursday before).
            future = None
            if handler is _weekday and anchor is not None and _days_ahead(match, anchor):
                future = _nearest_is_ahead(match, anchor)
        value, precision, reason = handler(match, anchor, future)
        if (
            clause_tense
            and handler is _weekday
            and not future
            and not cued  # "Authorities said earlier that the oxygen could last until Friday"
            and (match["mod"] or "").lower() != "last"  # "last Friday": last week's
            and anchor is not None
            and value is not None
            and _days_ahead(match, anchor) == 1
        ):
            # The report's next day, within the time-zone slack a month and day get
            # (``_pick_year``), not six days back: a Friday report's "Kim Jong-un announced
            # early Saturday" (Seoul), "acknowledged the meeting in a Wednesday morning
            # tweet" in a report dated the Tuesday. On the gold briefs' reports it dates 6
            # changed mentions as the editors do against 1; story timelines keep the six
            # days back (Timeline17 dev: 51 against 17 at the mention, yet 2 of its days
            # lost from the top of the count, docs/timelines.md).
            value = anchor + dt.timedelta(days=1)
        if scheduled and value is not None and anchor is not None:
            future = value > anchor + _ANCHOR_SLACK  # a happening still to come is a plan
        named, named_end = year_named.get(index, (None, -1))
        if named_end >= 0 and _CLAUSE_BREAK.search(text, named_end, start):
            named = None  # "who was ranked 19th last year, became co-chairwoman in June"
        named_year = named.year if named else year
        if handler in (_month_day, _month_alone) and value is not None and named_year is not None:
            # "on Feb. 8, 2017, and again on March 1": the year the sentence just named;
            # a date it names later in the sentence does not go back before it ("began in
            # October 1997, but accelerated on Jan. 13": the January after, when the
            # report's date allows it).
            adopted = _safe_date(named_year, value.month, value.day)
            if adopted and not (named and adopted < named < value):
                value = adopted
        if handler is _month_day and value is not None:
            written = written_years.get((value.month, value.day), set())
            if len(written) == 1:
                value = _safe_date(next(iter(written)), value.month, value.day) or value
        if value is not None and (
            ("year" in match.groupdict() and match["year"])
            or (
                handler is _relative_period
                and precision == YEAR
                and not _SPAN_BEFORE.search(text, max(left, start - 8), start)
                and not text.startswith(("'s", "’s"), end)
            )
        ):
            # "Last year, the first U.S. case of West Nile was reported in late August" (a
            # report of August 2000: it had been August 2000) names its year too; not
            # "since last year" nor "last year's devastating strikes" ("occured 'many
            # times' ... since last year, the Xinjiang Daily said in its Aug. 24 edition").
            relative = handler is _relative_period and not _OPENS_A_SENTENCE.fullmatch(
                text, left, start
            )
            year_named[index] = (value, end if relative else -1)
        mentions.append(
            TimeMention(
                match[0], start, end, value, precision, value is not None, reason, bool(future)
            )
        )
    return _adopt_explicit_dates(text, mentions)


# What may come before a time that opens its sentence: "Last year, ...", "Early last year".
_OPENS_A_SENTENCE = re.compile(r"[\s\"“'`(]*(?:(?:in|early|late|earlier|later|by)\s+)?", re.I)


def _clause_before(text: str, sentence_start: int, start: int) -> str:
    """The words of a time expression's clause before it (clauses run between commas,
    semicolons, colons, brackets and quote marks)."""
    return _CLAUSE_BREAK.split(text[sentence_start:start])[-1]


def _past_clause_around(text: str, sentence_start: int, start: int, end: int) -> bool:
    """Whether the clause that holds a time expression has a past verb before it and no
    future cue on either side of it (a clause runs between commas, semicolons, colons,
    brackets and quote marks): "came just days before a self-imposed May 12 deadline"
    is a deadline ahead, "came back to it at a rally on Saturday night, saying" is past."""
    before = _clause_before(text, sentence_start, start)
    # What follows "that" is what was said, and a verb after "and" or "but" has its own
    # tense: "warnings were in effect Wednesday ... and were expected to expire Thursday
    # morning" (a Thursday report: Wednesday had been the one ahead), "informed Jewish
    # settler leaders Tuesday that he plans to dismantle 15 encampments".
    after = _CLAUSE_BREAK.split(text[end:])[0]
    after = _OWN_TENSE_AFTER.split(after, maxsplit=1)[0]
    return bool(_PAST_CUE.search(before)) and not _FUTURE_CUE.search(before + " " + after)


_OWN_TENSE_AFTER = re.compile(r"\b(?:that|and|but)\b")


def _progressive_clause(text: str, sentence_start: int, start: int) -> bool:
    """Whether the clause before a time expression is in the present progressive ("is
    ending its ... system in") with no past verb."""
    before = _clause_before(text, sentence_start, start)
    # (a compound's participle is an adjective: "its color-coded terror threat level")
    return bool(_PROGRESSIVE.search(before)) and not _PAST_CUE.search(_COMPOUND.sub(" ", before))


_PROGRESSIVE = re.compile(r"(?i)\b(?:is|are|am)\s+(?:[a-z]+ly\s+)?[a-z]{2,}ing\b")
_COMPOUND = re.compile(r"\w+(?:-\w+)+")


def _opens_a_past_clause(text: str, sentence_start: int, start: int, end: int) -> bool:
    """Whether a time expression opens its sentence and the clause after it is past with no
    future cue ("On Monday, the two countries signed six documents, under which Germany
    will provide 25 million marks": the signing is Monday's, whatever was agreed ahead)."""
    if text[sentence_start:start].strip(" \n\t\"“'‘("):
        return False
    clauses = _CLAUSE_BREAK.split(text[end:].lstrip(" ,"))
    clause = clauses[0]
    if _SPEECH_TAG.fullmatch(clause.strip()) and len(clauses) > 1:
        clause = clauses[1]  # "On Tuesday, Dennis Shepard said, he will try to meet ..."
    if _SUBORDINATE_OPENING.match(clause):
        return False  # "Monday, as she did last year ..., she will be": not the main clause
    return bool(_PAST_CUE.search(clause)) and not _FUTURE_CUE.search(clause)


# A speaker's tag set off by commas: "Dennis Shepard said", "he says", "officials said".
_SPEECH_TAG = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,3}(?:he|she|they|officials)?\s*(?:said|says)")
# ... right after a time, with its commas: "On Tuesday, Dennis Shepard said, he will".
_SET_OFF_TAG = re.compile(rf",\s*{_SPEECH_TAG.pattern},")


# A clause that is not a sentence's main one opens with one of these.
_SUBORDINATE_OPENING = re.compile(
    r"(?i)(?:as|while|when|whenever|after|before|because|if|since|although|though|unless"
    r"|until|once|where|whereas|like|with|without|despite|in|at|on|for|by|from)\b"
)


def _before_what_was_said(text: str, sentence_start: int, start: int, end: int) -> bool:
    """Whether a time expression comes before a past verb of saying, with the sentence's
    every future cue after that verb (in what was said, outside quotes)."""
    said = _SAID.search(text, end, end + _SAID_WINDOW)
    if said is None or _SENTENCE_END_AFTER.search(text, end, said.start()):
        return False
    if _SET_OFF_TAG.fullmatch(text, end, said.end() + 1):
        return False  # "On Tuesday, Dennis Shepard said, he will try ...": what he will do
    before = text[max(sentence_start, start - _SAID_WINDOW) : said.start()]
    return not _FUTURE_CUE.search(_QUOTED.sub(" ", before))


# How far around a time expression the saying and the future cues before it are looked
# for (a sentence's length; a run-on text of dates is not read to its end for each one).
_SAID_WINDOW = 300


# A sentence's end between a time expression and a later verb: another sentence's verb.
_SENTENCE_END_AFTER = re.compile(r"[.!?]\s+[A-Z\"“]")


def past_verb_beside(text: str, mention: TimeMention) -> bool:
    """Return whether a past verb stands right before the mention ("announced Thursday
    its currency will be fixed") or right after it ("Greenspan on Wednesday trashed
    President Clinton's plan to invest ..."): what it dates is done, whatever the sentence
    promises.

    Only the event timeline's kinds use it: resolving weekdays by it moved Timeline17 dev
    from 0.1468 / 0.6917 to 0.1462 / 0.6908 (AR1-F / date F1).
    """
    return _past_verb_right_before(text, mention.start) or bool(
        _PAST_VERB_AFTER.match(text, mention.end)
    )


def _past_verb_right_before(text: str, start: int) -> bool:
    return bool(_PAST_VERB_BEFORE.search(text, max(0, start - 24), start))


# A plan told in the past: the day it named may have come.
_PAST_PLAN = re.compile(r"(?i)\b(?:was|were|had been) scheduled\b")


def _only_a_past_plan(sentence: str) -> bool:
    """Whether a sentence's only future cue is a plan told in the past ("was scheduled
    to be here Monday")."""
    return bool(_PAST_PLAN.search(sentence)) and not _FUTURE_CUE.search(
        _PAST_PLAN.sub(" ", sentence)
    )


def sentence_tense(sentence: str) -> Tense:
    """Return the tense of a sentence: future when it has a future cue, past when it has
    a past-tense verb, else None (the sentence's tense decides, not the clause's: scoping
    cues to the clause cost 0.002-0.004 AR1-F on Timeline17 dev and changed nothing on
    the gold briefs)."""
    if _FUTURE_CUE.search(sentence):
        return True
    return False if _PAST_CUE.search(sentence) else None


def _adopt_explicit_dates(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    out = list(mentions)
    for index, mention in enumerate(mentions[:-1]):
        following = mentions[index + 1]
        is_weekday = mention.text.split()[-1].lower().rstrip("'s") in WEEKDAYS or any(
            word in mention.text.lower() for word in WEEKDAYS
        )
        # A date that gives its year, or whose resolved day is the weekday named
        # ("Thursday, Nov. 4" in a report of Wednesday, Nov. 3: the 4th, not the 28th
        # before).
        explicit = (
            following.precision == DAY
            and following.resolved
            and following.value is not None
            and (
                re.search(r"\d{4}", following.text)
                or (
                    re.search(r"\d", following.text)  # a month and day, not "today"
                    and WEEKDAYS[following.value.weekday()] in mention.text.lower()
                )
            )
        )
        if is_weekday and explicit and _EXPLICIT_GAP.match(text[mention.end : following.start]):
            out[index] = TimeMention(
                mention.text,
                mention.start,
                mention.end,
                following.value,
                DAY,
                True,
                None,
                mention.future,
            )
    return out


def day_mentions(text: str, anchor: dt.date | None) -> list[TimeMention]:
    """Return only the mentions resolved to a single day."""
    return [m for m in find_times(text, anchor) if m.resolved and m.precision == DAY]
