"""News digests: one article that carries the items of several stories.

A wire service's digest ("AP Top News at 2 a.m. EST": eight stories, each under its own
dateline), a news service's budget for its clients' editors (one paragraph per story under
its slug: "CUBA-ELIAN _ MIAMI _ Demonstrators sang ... (Williams, Cox News Service)
MOVED"), a press review ("Major News Items in Leading Australian Newspapers": one
item per newspaper) or a newsletter (a morning briefing, its items under short headings)
is clustered with the story one of its items belongs to, and the
brief then read every item: a House budget vote and a tennis match in the brief of a
balloon flight (DUC 2007 D0740I), a telephone company's results on the timeline of a
uranium mine (D0716D). ``digest_items`` finds the items; ``on_topic_items`` keeps those
that speak of the story. The rest of the run (clustering, the sources list) still sees
the whole article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A wire dateline opening a paragraph: "WASHINGTON (AP) --", "KEY BISCAYNE, Fla. (AP) --".
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'-]{2,40}(?:, [A-Z][A-Za-z.]+(?: [A-Z][a-z.]+)?)?\s*"
    r"\((?:AP|Reuters|AFP|Xinhua|UPI)\)\s*(?:--|_|—|-)"
)
# A budget item's slug or title in capitals ("CUBA-ELIAN _", "SCHOOL-SAFETY-1STLD _",
# "ANOTHER CENSUS COUNTDOWN? _"; a report opens so once: "WASHINGTON _"), and its end: the
# writer and service in brackets, then notes to editors ("(Douthat, Palm Beach Post). 25.
# MOVED", "(Shepard, Cox News Service). WITH PHOTOS and LOCATOR MAP.").
# (The clean stage has turned the wire's "_" into a dash.)
_BUDGET_SLUG = re.compile(r"^[A-Z0-9][A-Z0-9 ,.:;'’?!&/-]{1,120}?[A-Z0-9?!]\s+[_—]\s+")
_BUDGET_END = re.compile(r"\s*\([^()]{2,80}\)[^()]{0,60}$|\s+MOVED\s*$")
# A press review's opening: "The following are major news items in leading Australian
# newspapers published today:"; its items are the paragraphs that start with "--".
_REVIEW_OPENING = re.compile(
    r"(?i)\bfollowing are (?:the )?(?:major|main|top|leading)\b.{0,60}?"
    r"\b(?:news|items|stories|headlines)\b"
)
_REVIEW_OPENING_CHARS = 400
# A newsletter's items, each under a short heading and a spaced dash, at a paragraph's or
# sentence's start: "Golden visa rules tightened – The foreign super-rich are to face ..."
# (the Guardian's morning briefing in WCEP, its paragraphs run together; its top story
# comes before the first heading). A heading holds no digit: a chronology's dated lines
# ("June 16, 1995 — A federal appeals court upholds ...": DUC 2007 D0711C) are no items,
# nor is a dateline in capitals ("WASHINGTON — ") or a clause before a dash ("In opposite
# ways — Gore with increased spending, Bush with ...": at most eight words, and three
# headings). Of the 5,700 reports of DUC, Timeline17, ECB+, NewsWCL50 and WCEP, cleaned,
# only the briefing holds three.
_HEADED_ITEM = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s))"
    r"(?P<head>[A-Z‘'\"“][^.\d\n–—]{2,80}?)\s[–—]\s(?=[A-Z‘'\"“])",
    re.MULTILINE,
)
MAX_HEADING_WORDS = 8
# A digest has at least this many items: a report has one dateline (a second one is
# a wire copy's repeated dateline) and may end with a short list.
MIN_ITEMS = 3
_WORD = re.compile(r"[a-z]{3,}")
# A capitalised word after a lower-case one or a comma: a name, not a sentence's opening.
_NAME_IN_SENTENCE = re.compile(r"(?<=[a-z,;’'] )[A-Z][a-z]{2,}")


def digest_items(text: str) -> list[str] | None:
    """Return the items of a digest (each a paragraph, without its "--" mark), or None
    when ``text`` is not one."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    dated = [p for p in paragraphs if _WIRE_DATELINE.match(p)]
    if len(dated) >= MIN_ITEMS:
        return dated
    slugged = [p for p in paragraphs if _BUDGET_SLUG.match(p)]
    if len(slugged) >= MIN_ITEMS:
        return [_BUDGET_END.sub("", _BUDGET_SLUG.sub("", p)) for p in slugged]
    if _REVIEW_OPENING.search(text[:_REVIEW_OPENING_CHARS]):
        items = [p.lstrip("-– ").strip() for p in paragraphs if p.startswith(("--", "–"))]
        return items if len(items) >= MIN_ITEMS else None
    return _headed_items(text)


def _headed_items(text: str) -> list[str] | None:
    """A newsletter's items without their headings (``_HEADED_ITEM``), the text before the
    first heading the first item; None for fewer than ``MIN_ITEMS`` headings."""
    heads = [
        m
        for m in _HEADED_ITEM.finditer(text)
        if len(m.group("head").split()) <= MAX_HEADING_WORDS and not m.group("head").isupper()
    ]
    if len(heads) < MIN_ITEMS:
        return None
    starts = [0, *(m.end() for m in heads)]
    ends = [*(m.start() for m in heads), len(text)]
    items = (text[start:end].strip() for start, end in zip(starts, ends, strict=True))
    return [item for item in items if item]


def on_topic_items(items: Sequence[str], topic: Sequence[str]) -> list[str]:
    """Return the items that name at least half as many of the story's ``topic`` words as
    the item that names most (the story's own item names 7 to 13 of them, the others 0 to
    3, on the DUC 2007 digests), in their order; all of them when none names any.

    An item on the story names one of its topic words as a name, capitalised inside a
    sentence ("where Elian Gonzales is staying"): common words alone do not place it
    there (a feature on a "15-year-old" "boy" whose "father" and "mother" have AIDS named
    five of the Elian Gonzalez story's words). When no item names the story so, none is
    on it."""
    words = set(topic)
    named = [len(words & set(_WORD.findall(item.lower()))) for item in items]
    best = max(named, default=0)
    if best == 0:
        return list(items)
    by_name = [bool(words & {w.lower() for w in _NAME_IN_SENTENCE.findall(i)}) for i in items]
    best = max((count for count, name in zip(named, by_name, strict=True) if name), default=0)
    return [
        item
        for item, count, name in zip(items, named, by_name, strict=True)
        if name and 2 * count >= best
    ]
