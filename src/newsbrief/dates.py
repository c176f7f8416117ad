"""Publication dates as written by feeds, scrapers, WARC headers and pages: one parser.

``read_date(value, reference)`` returns ``(date, None)`` when it read a day,
``(None, reason)`` when a value was given but holds no readable day, and ``(None, None)``
when there was no value. Readers keep the article either way and report the reason.

Accepted, in this order:

    date/datetime objects; Unix timestamps (seconds or milliseconds)
    relative words   "today", "yesterday", "tomorrow", "3 days ago": only against a
                     reference date (a crawl date); without one they are reported
    ISO 8601         "2020-01-07", "2020-01-07T10:00:00Z", "2020-01-07T23:30-05:00", "20200107"
    RFC 2822         "Tue, 07 Jan 2020 10:00:00 GMT" (RSS, e-mail, HTTP)
    written dates    "January 7, 2020", "7 January 2020", "Jan. 7, 2020", "2020/01/07",
                     "07.01.2020" (dots: day first, as in Europe), "01/07/2020" (slashes:
                     month first, as in the US)

``stamp_date(text)`` reads a text's own publication stamp, for an article no reader gave a
date: a line among its first (``STAMP_LINES``) that is a date and only stamp words around
it ("First Published: June 13, 2013 4:59 PM EDT", "Fri., May. 3, 2013 11:45 AM PDT",
"Posted: 08/02/2013 11:10 am EDT"), as pages copied to text (ECB+) carry under their title.

The day is the one written in the value, in the writer's own time zone: a story stamped
"2020-01-07T23:30-05:00" was published on the 7th where it was written. A value without a
day ("January 2020"), with an impossible day ("2020-13-45") or a year outside
``PLAUSIBLE_YEARS`` is reported, never guessed; so is the Unix epoch as a timestamp (0 or
less, "1970-01-01T00:00:00Z"), the value a missing date becomes in many exports.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from dateutil import parser as dateutil_parser

from newsbrief.timexpr import MONTH_PATTERN, WEEKDAYS

# News archives start in the 19th century; later years are typos or placeholder dates.
PLAUSIBLE_YEARS = range(1800, 2101)
# Timestamp 0, the value a missing date becomes in many exports ("1970-01-01T00:00:00Z",
# the number 0): a placeholder, not a day. A date written without a time is kept.
_EPOCH = dt.datetime(1970, 1, 1)
# Longer values are text, not dates; do not hand them to the fuzzy parsers.
MAX_DATE_CHARS = 80

_RELATIVE_DAYS = {"today": 0, "now": 0, "just now": 0, "yesterday": -1, "tomorrow": 1}
_AGO = re.compile(r"^(\d{1,4}|an?|one)\s+(minute|hour|day|week)s?\s+ago$")
_ISO_LIKE = re.compile(r"^\d{4}-\d{1,3}-\d{1,3}")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?!\d)")
_DOTTED = re.compile(r"^\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b")


def _relative(text: str, reference: dt.date | None) -> tuple[dt.date | None, str | None] | None:
    """Return the day of a relative expression, None when ``text`` is not one."""
    lowered = text.lower().strip(" .")
    offset: int | None = _RELATIVE_DAYS.get(lowered)
    match = _AGO.match(lowered)
    if match:
        count = 1 if match[1] in ("a", "an", "one") else int(match[1])
        unit_days = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7}[match[2]]
        offset = -int(count * unit_days)
    if offset is None:
        return None
    if reference is None:
        return None, f"relative date {text!r} without a reference date"
    return reference + dt.timedelta(days=offset), None


def _timestamp(value: float) -> tuple[dt.date | None, str | None]:
    if value <= 0:
        return None, f"timestamp {value!r} at or before the Unix epoch: a placeholder"
    seconds = value / 1000 if abs(value) > 1e11 else value  # milliseconds since 1970
    try:
        day = dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None, f"timestamp {value!r} out of range"
    return _plausible(day, str(value))


def _at_epoch(stamp: dt.datetime) -> bool:
    """Whether a time is 1970-01-01 00:00 in UTC (or with no zone): timestamp 0."""
    return stamp.replace(tzinfo=None) == _EPOCH and stamp.utcoffset() in (None, dt.timedelta(0))


def _plausible(day: dt.date, text: str) -> tuple[dt.date | None, str | None]:
    if day.year not in PLAUSIBLE_YEARS:
        return None, f"implausible year in date {text!r}"
    return day, None


def _written(text: str) -> dt.date | None:
    """Return the day of a written date, None when a part (day, month, year) is missing."""
    dayfirst = bool(_DOTTED.match(text))
    # Two different defaults: a part that the text lacks shows up as a difference.
    first, second = dt.datetime(2001, 1, 1), dt.datetime(2002, 2, 2)
    one = dateutil_parser.parse(text, default=first, dayfirst=dayfirst, ignoretz=True)
    two = dateutil_parser.parse(text, default=second, dayfirst=dayfirst, ignoretz=True)
    day: dt.date = one.date()
    return day if day == two.date() else None


def read_date(value: object, reference: dt.date | None = None) -> tuple[dt.date | None, str | None]:
    """Return the day in ``value`` and, when it has none, why (see the module docstring).

    Args:
        value: a string, number, date or datetime, as a reader found it.
        reference: the day the text was collected (a crawl date), for "yesterday".
    """
    if value is None:
        return None, None
    if isinstance(value, bool):
        return None, "a boolean is not a date"
    if isinstance(value, dt.datetime):
        return _plausible(value.date(), value.isoformat())
    if isinstance(value, dt.date):
        return _plausible(value, value.isoformat())
    if isinstance(value, int | float):
        return _timestamp(float(value))
    if not isinstance(value, str):
        return None, f"a {type(value).__name__} is not a date"
    text = " ".join(value.split())
    if not text:
        return None, None
    if len(text) > MAX_DATE_CHARS:
        return None, f"not a date: {text[:40]!r}..."
    relative = _relative(text, reference)
    if relative is not None:
        return relative
    if text.isdigit() and len(text) >= 9:
        return _timestamp(float(text))
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        if len(text) > len("1970-01-01") and _at_epoch(stamp):
            return None, f"the Unix epoch {text!r}: a placeholder"
        return _plausible(stamp.date(), text)
    if _ISO_LIKE.match(text):
        # ISO-shaped but not ISO 8601: "2020-13-45", "2008-10-294T05:21:46-0700". A
        # date part that is valid on its own ("2020-01-07 10:00:00 +0000 UTC") is kept.
        try:
            if _ISO_DAY.match(text):
                return _plausible(dt.date.fromisoformat(text[:10]), text)
        except ValueError:
            pass
        return None, f"not a valid date: {text!r}"
    try:
        stamp = email.utils.parsedate_to_datetime(text)
        if _at_epoch(stamp):
            return None, f"the Unix epoch {text!r}: a placeholder"
        return _plausible(stamp.date(), text)
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        day = _written(text)
    except (ValueError, OverflowError):
        return None, f"not a date: {text!r}"
    if day is None:
        return None, f"no full day in date {text!r}"
    return _plausible(day, text)


# A stamp stands under a title, a byline or a section name: among the first lines.
STAMP_LINES = 4
# Longer lines are sentences that name a day ("Reid checked herself in on Tuesday, December
# 9, 2008."), not stamps.
MAX_STAMP_CHARS = 90
# A whole written date in a stamp: "June 13, 2013", "May 3rd, 2013", "14 June 2013",
# "05/02/2013", "2013-09-26" (a month and a year alone is no day).
_STAMPED_DAY = re.compile(
    rf"(?i)\b{MONTH_PATTERN}\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b"
    rf"|\b[0-3]?\d(?:st|nd|rd|th)?\s+{MONTH_PATTERN}\s+(?:19|20)\d\d\b"
    r"|\b[01]?\d/[0-3]?\d/(?:19|20)\d\d\b|\b(?:19|20)\d\d-[01]\d-[0-3]\d\b"
)
# What else a stamp holds: its clock time, zone, weekday and words ("Published",
# "Last updated at", "Story Created:").
_STAMP_WORDS = frozenset(
    {"published", "posted", "updated", "last", "first", "originally", "created", "modified"}
    | {"edited", "story", "date", "time", "on", "at", "by", "am", "pm", "a", "m", "p", "hrs"}
    | {"tues", "thur", "thurs", *WEEKDAYS, *(day[:3] for day in WEEKDAYS)}
)
# A date in numbers whose day and month could be either ("11/09/2010": an ECB+ page of 11
# September 2010 would be dated 9 November).
_AMBIGUOUS_SLASHES = re.compile(r"(?P<first>0?[1-9]|1[0-2])/(?P<second>0?[1-9]|1[0-2])/\d{4}")
# A word in capitals is a time zone ("IST", "AEST") or a dateline ("WASHINGTON, DC").
_STAMP_WORD = re.compile(r"[^\W\d_]+")


def stamp_date(text: str) -> dt.date | None:
    """Return the day of the publication stamp among ``text``'s first lines, or None."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][:STAMP_LINES]
    for line in lines:
        if len(line) > MAX_STAMP_CHARS:
            continue
        found = _STAMPED_DAY.search(line)
        if found is None:
            continue
        rest = _STAMPED_DAY.sub(" ", line)  # "Posted: Nov 27, 2005 ... Updated: Nov 27, 2005"
        if any(
            word.lower() not in _STAMP_WORDS and not (len(word) > 1 and word.isupper())
            for word in _STAMP_WORD.findall(rest)
        ):
            continue
        written = found.group()
        both = _AMBIGUOUS_SLASHES.fullmatch(written)
        if both and int(both["first"]) != int(both["second"]):
            return None  # "11/09/2010": 9 November (US) or 11 September: no day to trust
        day, _ = read_date(written.replace(".", ""))
        if day is not None:
            return day
    return None
