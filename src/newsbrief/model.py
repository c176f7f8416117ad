"""The records that flow through the pipeline, and their JSON form.

Every stage takes and returns these frozen dataclasses; a stage that adds
information returns a new record (``dataclasses.replace``) instead of mutating.
The JSON keys follow the brief schema in DESIGN.md, which scripts rely on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from newsbrief.dates import read_date

Json = dict[str, Any]


_LONE_SURROGATES = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """Return text with lone surrogates (from a bad JSON escape or a file name's
    undecodable bytes) replaced by U+FFFD, so that it can be written as UTF-8, stored and
    embedded."""
    return _LONE_SURROGATES.sub("\ufffd", text)


# What a terminal would act on instead of showing: whole escape sequences first (CSI, and
# OSC/DCS/PM/APC strings up to their terminator or the line's end: "ESC ] 0 ; title BEL"
# sets the window title), then any C0 control but newline and tab, DEL and C1 controls.
_ESCAPE_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # CSI as one C1 character
    r"|[\x1b][\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, SOS, PM, APC
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # the same, C1
    r"|\x1b[ -/]*[0-~]?"  # any other escape sequence
)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def without_escapes(text: str) -> str:
    """Return text without escape sequences and control characters (newlines and tabs
    stay; bidi controls too), lone surrogates replaced: the clean stage's text, and every
    field of the HTML page, where ``<bdi>`` isolates bidi text, but a terminal printing
    the file would act on an escape sequence."""
    return _CONTROLS.sub("", _ESCAPE_SEQUENCES.sub("", encodable(text)))


# The combining marks that any script may put on a letter (accents, overlays). A letter
# carries one or two of them at most (a Yoruba tone over a dot below); a stack of three or
# more is decoration ("Zalgo" text: "V" under 1,000 marks read as one 1,000-character
# "word", dropped with the name in it, and the report was identified as Lingala).
COMBINING_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_MARK_STACK = re.compile(f"[{COMBINING_MARKS}]{{3,}}")
# Pictographs are no words: emoji and their skin tones, flags' regional letters, keycaps,
# variation selectors and tag characters, the dingbats and symbols of U+2600-U+27BF (not
# the quotation ornaments and circled digits among them). Left in, a tweet quoted in a
# report gave names such as "Vance 🎖️" and headlines strewn with them.
_PICTOGRAPHS = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u275a\u2761-\u2775\u2794-\u27bf\u2b00-\u2bff"
    "\ufe0e\ufe0f\u20e3\U000e0020-\U000e007f]+"
)


def without_decoration(text: str) -> str:
    """Return text without stacks of three or more combining marks and with each run of
    pictographs a space: what the clean stage keeps of a text, and what the language
    identifier reads."""
    return _PICTOGRAPHS.sub(" ", _MARK_STACK.sub("", text))


def lone_surrogates(text: str) -> int:
    """Return how many lone surrogates the text holds (what ``encodable`` replaces)."""
    return len(_LONE_SURROGATES.findall(text))


def content_id(*parts: str | None) -> str:
    """Return a stable 16-hex-digit id for the given text parts.

    Parts are NFC-normalised and whitespace-collapsed first, so the same article read
    twice, from a file or a feed, gets the same id.
    """
    digest = hashlib.sha1()
    for part in parts:
        # A lone surrogate (a JSON "\ud800") has no UTF-8: hashed as the reader replaces it.
        normalised = " ".join(unicodedata.normalize("NFC", encodable(part or "")).split())
        digest.update(normalised.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:16]


def parse_date(value: object) -> dt.date | None:
    """Return the day in a date value, or None (``newsbrief.dates.read_date`` says why)."""
    return read_date(value)[0]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def is_english(language: str | None) -> bool:
    """Whether text of this language is for the English models: English, or unknown."""
    return language in {None, "en"}


class Sentences(Sequence[str]):
    """An article's sentences, kept as (start, end) offsets into its text.

    The clean stage's sentences are pieces of the text, so holding them as strings held
    every character twice: on 10,000 articles the tuples took 66 MB beside the texts'
    48 MB, where the offsets take 3 MB. A sentence is cut from the text when read.
    Equal to the tuple of the same sentences, and pickled with its text (which pickle
    writes once when the article's text is the same string).
    """

    __slots__ = ("_bounds", "_text")

    def __init__(self, text: str, bounds: array[int]) -> None:
        self._text = text
        self._bounds = bounds  # start, end, start, end, ...

    @classmethod
    def of(cls, text: str, sentences: Iterable[str]) -> Sequence[str]:
        """Return ``sentences`` as offsets into ``text``, found there in order; as a tuple
        when one is not there as written (a sentence made of reworded text)."""
        listed = tuple(sentences)
        bounds = array("q")
        position = 0
        for sentence in listed:
            start = text.find(sentence, position)
            if start < 0:
                return listed
            position = start + len(sentence)
            bounds.extend((start, position))
        return cls(text, bounds)

    def __len__(self) -> int:
        return len(self._bounds) // 2

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return tuple(self)[index]
            return Sentences(self._text, self._bounds[2 * start : 2 * max(start, stop)])
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("sentence index out of range")
        return self._text[self._bounds[2 * index] : self._bounds[2 * index + 1]]

    def __iter__(self) -> Iterator[str]:
        bounds, text = self._bounds, self._text
        for i in range(0, len(bounds), 2):
            yield text[bounds[i] : bounds[i + 1]]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sentences | tuple):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Sentences({tuple(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return Sentences, (self._text, self._bounds)


@dataclass(frozen=True)
class Article:
    """One news article: cleaned text plus the metadata that traces it to its origin.

    ``text`` keeps paragraphs separated by a blank line. ``url`` is the page's URL or,
    for a local file, its ``file://`` URI. ``origin`` says where exactly it was read
    (``path`` or ``path:line`` or ``path#record``), for error reports.
    """

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    author: str | None = None
    origin: str | None = None
    sentences: Sequence[str] = ()  # of the cleaned text (``Sentences``: offsets into it)
    copy_of: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]

    @property
    def in_english(self) -> bool:
        """Whether the English models may read it (``is_english``)."""
        return is_english(self.language)

    def to_json(self) -> Json:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "date": _iso(self.date),
            "url": self.url,
            "language": self.language,
            "copy_of": self.copy_of,
        }

    def to_record(self) -> Json:
        """Return every field, text included (JSONL exports, the store, Spark)."""
        return {
            **self.to_json(),
            "text": self.text,
            "author": self.author,
            "origin": self.origin,
            "sentences": list(self.sentences),
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Article:
        text = str(record.get("text") or "")
        return cls(
            id=str(record["id"]),
            text=text,
            title=record.get("title"),
            date=parse_date(record.get("date")),
            source=record.get("source"),
            url=record.get("url"),
            language=record.get("language"),
            author=record.get("author"),
            origin=record.get("origin"),
            sentences=Sentences.of(text, record.get("sentences") or ()),
            copy_of=record.get("copy_of"),
        )


# The stage of a report about an input whose article was kept (a repaired encoding, an
# unreadable date, a changed id): listed with the rejected inputs, not counted among them.
NOTE = "note"


@dataclass(frozen=True)
class Rejected:
    """An input that could not be used, and why: reported, never silently dropped."""

    source: str
    reason: str
    stage: str = "ingest"

    @property
    def is_note(self) -> bool:
        return self.stage == NOTE

    def describe(self) -> str:
        """Return the one-line account of it: "rejected x.warc: truncated record", or
        "note on dump.jsonl:3: ..." for a note on an article that was kept."""
        return f"{'note on' if self.is_note else 'rejected'} {self.source}: {self.reason}"

    def to_json(self) -> Json:
        return {"source": self.source, "reason": self.reason, "stage": self.stage}


def rejection_counts(records: Iterable[Rejected]) -> dict[str, int]:
    """Return what a run report counts of its records: the inputs rejected, and the notes
    on kept articles apart (a note is not a rejection)."""
    listed = list(records)
    refused = [r for r in listed if not r.is_note]
    return {"rejected": len(refused), "notes": len(kept_notes(listed))}


def kept_notes(records: Iterable[Rejected]) -> tuple[Rejected, ...]:
    """The notes of ``records`` on articles that were kept: a note on one a later stage
    rejected ("text cut to 499,999 characters", then "repetitive text") is left out, its
    rejection says what became of it."""
    listed = list(records)
    refused = {r.source for r in listed if not r.is_note}
    return tuple(r for r in listed if r.is_note and r.source not in refused)


# An article's lead, where news states its main facts: three sentences (the title counts as
# one where a stage reads it with the text).
LEAD_SENTENCES = 3
# One news cycle: reports this many days apart or fewer tell of "the same time" (a
# figure's conflict, not its update; key points needing no day of their own).
NEWS_CYCLE_DAYS = 7


@dataclass(frozen=True)
class Event:
    """A group of articles about one real-world happening."""

    id: str
    articles: tuple[Article, ...]
    # How many developments of a story it stands for: a story's brief reads the story as
    # one event, and each development brings figures of its own (``facts.figures_to_show``).
    developments: int = 1

    @property
    def first_seen(self) -> dt.date | None:
        dates = [a.date for a in self.articles if a.date]
        return min(dates) if dates else None

    @property
    def last_seen(self) -> dt.date | None:
        dates = [a.date for a in self.articles if a.date]
        return max(dates) if dates else None

    @property
    def originals(self) -> tuple[Article, ...]:
        """Articles that are not copies of another article in the event."""
        return tuple(a for a in self.articles if a.copy_of is None)


@dataclass(frozen=True)
class Story:
    """The events (developments) of one story, in date order; one brief per story."""

    id: str
    events: tuple[Event, ...]

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article of the story, in date order (undated last)."""
        return tuple(
            sorted(
                (a for e in self.events for a in e.articles),
                key=lambda a: (a.date is None, a.date or dt.date.min, a.id),
            )
        )

    def as_event(self) -> Event:
        """Return the story as one Event (what the brief stages read), under the story id."""
        return Event(self.id, self.articles, developments=len(self.events))


def event_id(article_ids: Sequence[str]) -> str:
    """Return an event id derived from its member articles (stable across runs)."""
    return content_id(*sorted(article_ids))


@dataclass(frozen=True)
class KeySentence:
    """A sentence of the brief and every article that reports the same information.

    ``reported`` is the day its first report was published, given in a story whose reports
    span weeks (``summarize.brief.DATED_KEY_POINTS_DAYS``): there "on Friday" or "the
    quake hit at 11:11" needs the day it was written.
    """

    text: str
    sources: tuple[str, ...]
    reported: dt.date | None = None

    def to_json(self) -> Json:
        return {
            "text": self.text,
            "sources": list(self.sources),
            "reported": self.reported.isoformat() if self.reported else None,
        }


@dataclass(frozen=True)
class Summary:
    headline: str
    key_sentences: tuple[KeySentence, ...]
    headline_article: str | None = None  # the id of the report the headline is written from


@dataclass(frozen=True)
class Claim:
    """One source's statement of a figure: "about 500" in article X.

    ``as_of`` is the day its report gave the value: its article's date, else the last day
    its sentence names (a day named beside a toll is mostly the disaster's, not the day the
    count held: ``facts.mentions._as_of``).
    """

    value: str
    qualifier: str | None
    sources: tuple[str, ...]
    quote: str
    number: float | None = None
    as_of: dt.date | None = None

    def to_json(self) -> Json:
        return {
            "value": self.value,
            "qualifier": self.qualifier,
            "sources": list(self.sources),
            "quote": self.quote,
            "as_of": _iso(self.as_of),
        }


def stated(claim: Claim, dated: bool = False, with_year: bool = False) -> str:
    """A claim as a reader sees it: "about 500", or "about 500 (Jan 7)" in a dated series
    ("20 (Oct 20, 1998)" when the series spans years)."""
    text = f"{claim.qualifier} {claim.value}" if claim.qualifier else claim.value
    if dated and claim.as_of is not None:
        year = f", {claim.as_of.year}" if with_year else ""
        text += f" ({claim.as_of:%b} {claim.as_of.day}{year})"
    return text


def stated_claims(fact: Fact) -> list[str]:
    """Each claim of a fact as a reader sees it (``stated``): an update is a dated series,
    with the year on every date when its dates fall in more than one year."""
    dated = fact.agreement == "update"
    years = len({c.as_of.year for c in fact.claims if c.as_of is not None}) > 1
    return [stated(claim, dated, with_year=dated and years) for claim in fact.claims]


# How each agreement joins its claims and how it is flagged: an update is a dated series.
CLAIM_JOINS = {"update": " -> ", "conflict": "; ", "agree": "; ", "single": "; "}


@dataclass(frozen=True)
class Fact:
    """A quantity and what every source claims about it."""

    subject: str
    value: str
    unit: str | None
    claims: tuple[Claim, ...]
    # "single" (one independent source), "agree", "conflict" (incompatible values of the
    # same quantity at the same time) or "update" (a count that changes over days; its
    # claims are then in date order).
    agreement: str

    def to_json(self) -> Json:
        return {
            "subject": self.subject,
            "value": self.value,
            "unit": self.unit,
            "claims": [c.to_json() for c in self.claims],
            "agreement": self.agreement,
        }


@dataclass(frozen=True)
class Entity:
    name: str
    type: str  # "person" | "organization" | "place" | ...
    count: int
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()

    def to_json(self) -> Json:
        out: Json = {
            "name": self.name,
            "type": self.type,
            "count": self.count,
            "sources": list(self.sources),
        }
        if self.aliases:
            out["aliases"] = list(self.aliases)
        return out


@dataclass(frozen=True)
class TimelineEntry:
    date: dt.date
    text: str
    sources: tuple[str, ...]
    precision: str = "day"  # "day" | "month" | "year"
    # "development" (the story's own), "background" (older context) or "scheduled"
    # (announced for later): DESIGN.md's ``kind``, absent from the JSON for developments.
    kind: str = "development"

    def to_json(self) -> Json:
        out: Json = {
            "date": self.date.isoformat(),
            "text": self.text,
            "sources": list(self.sources),
            "precision": self.precision,
        }
        if self.kind != "development":
            out["kind"] = self.kind
        return out


@dataclass(frozen=True)
class Development:
    """One event inside a story's brief: its id, days, lead title and articles."""

    event_id: str
    headline: str
    first_seen: dt.date | None
    last_seen: dt.date | None
    article_ids: tuple[str, ...]

    @classmethod
    def of(cls, event: Event) -> Development:
        """Return the development of an event; its headline is its earliest original's title."""
        lead = next((a for a in event.originals or event.articles if a.title), None)
        return cls(
            event_id=event.id,
            headline=lead.title if lead and lead.title else "",
            first_seen=event.first_seen,
            last_seen=event.last_seen,
            article_ids=tuple(a.id for a in event.articles),
        )

    def to_json(self) -> Json:
        return {
            "id": self.event_id,
            "headline": self.headline,
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
            "articles": list(self.article_ids),
        }


@dataclass(frozen=True)
class Brief:
    """Everything newsbrief says about one story (``event_id`` is the story's id).

    ``developments`` are the story's events in date order; a brief built from a single
    event (no story grouping) has none.
    """

    event_id: str
    headline: str
    summary: tuple[KeySentence, ...]
    articles: tuple[Article, ...]
    facts: tuple[Fact, ...] = ()
    entities: tuple[Entity, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    developments: tuple[Development, ...] = ()
    headline_article: str | None = None  # the id of the report the headline is written from

    @property
    def first_seen(self) -> dt.date | None:
        return Event(self.event_id, self.articles).first_seen

    @property
    def last_seen(self) -> dt.date | None:
        return Event(self.event_id, self.articles).last_seen

    @property
    def date(self) -> dt.date | None:
        """The brief's date: the day of the report its headline is written from, else when
        most of its articles appeared, earliest on ties. (A story's headline comes from
        one development: the first report's day put the 23 February 2000 "Greenspan
        cautions lawmakers" under a report of October 1998.)"""
        written_from = next(
            (a.date for a in self.articles if a.id == self.headline_article and a.date), None
        )
        if written_from is not None:
            return written_from
        dates = sorted(a.date for a in self.articles if a.date)
        if not dates:
            return None
        return max(dates, key=lambda d: (dates.count(d), -d.toordinal()))

    def to_json(self) -> Json:
        return {
            "id": self.event_id,
            "headline": self.headline,
            "date": _iso(self.date),
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
            "summary": [s.to_json() for s in self.summary],
            "articles": [a.to_json() for a in self.articles],
            "facts": [f.to_json() for f in self.facts],
            "entities": [e.to_json() for e in self.entities],
            "timeline": [t.to_json() for t in self.timeline],
            "developments": [d.to_json() for d in self.developments],
        }


@dataclass(frozen=True)
class RunReport:
    """What a run did: counts per stage, every rejected input, seconds per stage."""

    counts: dict[str, int] = field(default_factory=dict)
    rejected: tuple[Rejected, ...] = ()  # rejected inputs, then notes on kept articles
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def refused(self) -> tuple[Rejected, ...]:
        """The inputs that gave no article (``rejected`` without the notes)."""
        return tuple(r for r in self.rejected if not r.is_note)

    @property
    def notes(self) -> tuple[Rejected, ...]:
        """The notes on articles that were kept (``kept_notes``)."""
        return kept_notes(self.rejected)

    def to_json(self) -> Json:
        return {
            "counts": dict(self.counts),
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
            "rejected": len(self.rejected),
        }


def briefs_to_json(briefs: Sequence[Brief], report: RunReport) -> Json:
    """Return the brief document of DESIGN.md: events, rejected inputs and the report."""
    return {
        "events": [b.to_json() for b in briefs],
        "rejected": [r.to_json() for r in report.rejected],
        "report": report.to_json(),
    }
