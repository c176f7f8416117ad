"""Which sentences of an event the entity model reads, and the names counted by string.

The model (spaCy's recogniser) costs most of a run's CPU when it reads every sentence. An
event's brief needs its names and their mention counts, not a model pass over each
sentence: a name the reports repeat is introduced early, in a title or a lead. So the
model reads an event's sentences in this order, while a budget of
``chars_per_article`` characters per article of the event lasts (pooled over the event):

1. the first sentence (the title) of every article, then the second of every article,
   and so on, so that every report's lead is read before any report's tail;
2. only sentences with a capitalised word that no sentence read so far in the event
   held (not "The", "But", days or months): a sentence of known names adds nothing. A
   word the model left out of every name where it was read is read once more in the next
   sentence that holds it: the model's call depends on context ("the Netscape browser",
   then "Netscape said").

Every other sentence is searched by string for the names the model found anywhere in the
event (whole words, case-sensitive; one sense per discourse), so mention counts, and the
entity order they give, cover all the event's text. The model reads sentences of at most
``MAX_SENTENCE_CHARS`` (so memory stays bounded on any article), those the rounds will
pick in one batch first (``read_sentences``): spaCy's cost per call is most of a short
sentence's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from newsbrief.nlp import MAX_TEXT_CHARS
from newsbrief.smart_stopwords import SMART_STOPWORDS
from newsbrief.timexpr import CALENDAR_WORDS

MAX_SENTENCE_CHARS = MAX_TEXT_CHARS  # the most the model reads in one text
# Sentence ends: a blank line (a title, a paragraph), or a space after [.!?] that follows
# two lower-case letters or digits (not "U.S. Army", "Mr. Smith") and comes before a
# capital or a quote (not "Corp. lost"). A single line break is
# not one: wire copy wraps lines inside sentences (and names). Offsets are kept.
_SENTENCE_END = re.compile(r"(?<=[a-z0-9]{2}[.!?])\s+(?=[A-Z\"“‘'(])|\n\s*\n\s*")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


class Span(NamedTuple):
    """An entity span, from the model or found by string (``string_mentions``)."""

    text: str
    label_: str
    start_char: int
    end_char: int


# A model: texts in, the entity spans of each (offsets within that text) out.
Model = Callable[[list[str]], Iterable[list[Span]]]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of the sentences of ``text``; a run-on "sentence" is cut
    into pieces of at most ``MAX_SENTENCE_CHARS`` (bounded memory per model call)."""
    spans, begin = [], 0
    ends = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text)]
    for end, after in [*ends, (len(text), len(text))]:
        while end - begin > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", begin + 1, begin + MAX_SENTENCE_CHARS) + 1
            cut = cut if cut > begin else begin + MAX_SENTENCE_CHARS
            spans.append((begin, cut))
            begin = cut
        if begin < end:
            spans.append((begin, end))
        begin = after
    return spans


def _new_capitalised(text: str, span: tuple[int, int], seen: set[str]) -> set[str]:
    """Return the capitalised words of a span ("Vance's" as "Vance") not in ``seen``,
    other than function words ("The", "But") and days or months."""
    words = {w.split("'")[0].split("’")[0] for w in _CAPITALISED.findall(text, *span)}
    return {
        word
        for word in words - seen
        if word.lower() not in SMART_STOPWORDS and word.lower() not in CALENDAR_WORDS
    }


def _name_words(sentence: str, ents: Sequence[Span]) -> set[str]:
    """Return the words of a sentence's multi-word names ("Kim" of "Kim Jong Un") that the
    model did not find as a name of their own: a later sentence with "Kim" alone is read."""
    alone = {e.text for e in ents}
    inside = {w for e in ents if " " in e.text for w in _CAPITALISED.findall(e.text)}
    return {w for w in inside if w not in alone and w in sentence}


def read_sentences(
    texts: Sequence[str],
    model: Model,
    chars_per_article: int,
    rounds: int | None = None,
    kept_labels: frozenset[str] | None = None,
) -> tuple[list[list[Span]], list[list[tuple[int, int]]]]:
    """Return per text the model's spans (offsets in the text) and the sentences it did not
    read, in rounds: the first sentence of every text, then the second, and so on (module
    docstring). ``chars_per_article`` 0: no budget; ``rounds``: the most rounds (None: all;
    3: the leads); ``kept_labels``: the labels that count as names (None: all)."""
    spans = [sentence_spans(text) for text in texts]
    known: dict[Sentence, list[Span]] = {}

    def read(to_read: list[Sentence]) -> list[list[Span]]:
        new = [key for key in to_read if key not in known]
        if new:
            known.update(zip(new, model([texts[n][b:e] for n, b, e in new]), strict=True))
        return [known[key] for key in to_read]

    if not chars_per_article:
        # Without a budget the rounds read at least the sentences they pick when no name
        # word is given back to read (``_name_words``): the model reads those in one batch
        # (spaCy's cost per call is most of a short sentence's), then the rest as needed.
        ahead: list[Sentence] = []

        def look_ahead(to_read: list[Sentence]) -> list[list[Span]]:
            ahead.extend(to_read)
            return [[] for _ in to_read]

        _rounds(texts, spans, 0, look_ahead, rounds, kept_labels)
        read(ahead)
    return _rounds(texts, spans, chars_per_article, read, rounds, kept_labels)


# A sentence of an event: its text's number, its start and end in that text.
Sentence = tuple[int, int, int]


def _rounds(
    texts: Sequence[str],
    spans: list[list[tuple[int, int]]],
    chars_per_article: int,
    read: Callable[[list[Sentence]], list[list[Span]]],
    rounds: int | None = None,
    kept_labels: frozenset[str] | None = None,
) -> tuple[list[list[Span]], list[list[tuple[int, int]]]]:
    """The rounds of ``read_sentences``; ``read`` gives the model's spans of sentences."""
    budget = chars_per_article * len(texts) if chars_per_article else None
    seen: set[str] = set()
    read_again: set[str] = set()  # words already given a second reading
    found: list[list[Span]] = [[] for _ in texts]
    skipped: list[list[tuple[int, int]]] = [[] for _ in texts]
    for rank in range(max(map(len, spans), default=0)):
        to_read = []
        new_words = []
        for number, own in enumerate(spans):
            if rank >= len(own):
                continue
            begin, end = own[rank]
            spent = (budget is not None and budget <= 0) or (rounds is not None and rank >= rounds)
            new = set() if spent else _new_capitalised(texts[number], (begin, end), seen)
            if new:
                seen |= new
                to_read.append((number, begin, end))
                new_words.append(new)
                budget = None if budget is None else budget - (end - begin)
            else:
                skipped[number].append((begin, end))
        for (number, begin, end), new, ents in zip(to_read, new_words, read(to_read), strict=True):
            found[number] += [
                Span(e.text, e.label_, begin + e.start_char, begin + e.end_char) for e in ents
            ]
            seen -= _name_words(texts[number][begin:end], ents)
            in_names = {
                w
                for e in ents
                if kept_labels is None or e.label_ in kept_labels
                for w in _CAPITALISED.findall(e.text)
            }
            unnamed = new - in_names - read_again
            seen -= unnamed
            read_again |= unnamed
    return found, skipped


def string_mentions(
    text: str, spans: Sequence[tuple[int, int]], labels: dict[str, str]
) -> list[Span]:
    """Return the occurrences, inside ``spans`` of ``text``, of the names in ``labels``
    (whole words, case-sensitive, longest first: "Vance" inside a full name is not one)."""
    if not spans or not labels:
        return []
    names = sorted(labels, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
    return [
        Span(m.group(), labels[m.group()], m.start(), m.end())
        for start, end in spans
        for m in pattern.finditer(text, start, end)
    ]


def read_event(
    texts: Sequence[str],
    model: Model,
    chars_per_article: int,
    kept_labels: Iterable[str],
    rounds: int | None = None,
) -> list[list[Span]]:
    """Return the entity spans of each text of one event: the model's on the sentences
    ``read_sentences`` picks (in at most ``rounds`` rounds), and the names it found (any
    text) found again by string in the others. ``kept_labels``: the model labels that
    count as names."""
    kept = set(kept_labels)
    found, skipped = read_sentences(texts, model, chars_per_article, rounds, frozenset(kept))
    # A name's label is the model's most common one for it in the event.
    votes: Counter[tuple[str, str]] = Counter(
        (e.text, e.label_) for ents in found for e in ents if e.label_ in kept and len(e.text) > 1
    )
    labels: dict[str, str] = {}
    for (name, label), _count in votes.most_common():
        labels.setdefault(name, label)
    for number, text in enumerate(texts):
        found[number] += string_mentions(text, skipped[number], labels)
    return found
