"""Sentence compression for headlines: asides an editor's one-line summary leaves out.

On spaCy's parse (``parsing.py``), only spans set off by commas or parentheses go, so what
is left is the main clause as written (who does what where, and its numbers):

* ``parenthesis``: "(0811 GMT)", "(SCNT)" anywhere in the sentence;
* ``clock``: a time of day, "at 11:11 local time", "at 3:02 a.m.", "At 11:30 a.m., ";
* ``relative``: a non-restrictive relative clause, ", which ...," / ", who ...";
* ``appositive``: a comma-set description of a name, "Izmit, about 110 kilometers west of
  Istanbul, ...".

Without a parser only the first two (plain patterns) apply.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from newsbrief.summarize.parsing import parse

OPERATIONS = ("parenthesis", "clock", "relative", "appositive")

_PARENTHESIS = re.compile(r"\s*\([^()]{1,80}\)(?=[\s.,;:!?])")
# A time of day with what may follow it: "about 3:02 a.m. (0002 GMT)", "11:11 local time".
_TIME_OF_DAY = (
    r"(?:about\s|around\s)?\d{1,2}(?::\d\d)?\s?"
    r"(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|local time\b)"
    r"(?:\s(?:local time|GMT|ET|EST|EDT))?(?:\s?\([^()]{1,20}\))?"
)
_CLOCK = re.compile(rf"\s(?:at\s)?{_TIME_OF_DAY}")
# A clause that opens on the time: "The Information Center gave the following account: At
# 11:30 a.m., 500 workers ...", whose "At" and comma go with it (not "At, 500 workers").
_OPENING_CLOCK = re.compile(rf"(?:^|(?<=[:;]\s))(?:At|Around|About)\s{_TIME_OF_DAY},\s")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?])")


def compress(text: str, operations: Collection[str] = OPERATIONS) -> str:
    """Return ``text`` without the asides named in ``operations`` (see the module docstring)."""
    if "parenthesis" in operations:
        text = _PARENTHESIS.sub("", text)
    if "clock" in operations:
        opened = _OPENING_CLOCK.sub("", text)
        if opened[:1] != text[:1]:
            opened = opened[:1].upper() + opened[1:]  # the sentence's opening time went
        text = _CLOCK.sub("", opened)
    spans = set(operations) & {"relative", "appositive"}
    if spans:
        doc = parse(text)
        if doc is not None:
            text = _drop_comma_spans(doc, spans)
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(text.split()))


def _drop_comma_spans(doc: Any, kinds: set[str]) -> str:
    drop: set[int] = set()
    for token in doc:
        kind = {"relcl": "relative", "appos": "appositive"}.get(token.dep_)
        if kind not in kinds:
            continue
        span = sorted(t.i for t in token.subtree)
        start, end = span[0], span[-1]
        if start == 0 or doc[start - 1].text != ",":
            continue  # restrictive ("the man who ..."): part of the meaning
        if kind == "appositive" and token.head.ent_type_ == "" and token.head.pos_ != "PROPN":
            continue  # only a name's description is an aside
        closing = end + 1 < len(doc) and doc[end + 1].text == ","
        final = end + 1 < len(doc) and doc[end + 1].is_punct and doc[end + 1].text in ".!?"
        if not (closing or final or end + 1 == len(doc)):
            continue  # the span runs into the clause: not set off
        # The opening comma goes, and the closing one: "Izmit, X, at" -> "Izmit at".
        drop.update(range(start - 1, end + 1 + (closing and not final)))
    # A dropped token leaves its trailing space, so the words around it stay apart.
    return "".join(t.whitespace_ if t.i in drop else t.text_with_ws for t in doc).strip()
