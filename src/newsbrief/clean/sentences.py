"""Sentence splitting for news text in English and other Latin-script languages.

Rule-based and offline (no model data to download). A boundary candidate is a run of
``.``, ``!``, ``?`` or ``…`` followed by optional closing quotes/brackets and whitespace,
then a token that can start a sentence (capital, digit, opening quote). A candidate is
rejected after a known abbreviation ("Gen.", "Maj.-Gen.", "Dec. 3", "Mr."), an initial
("J. K. Rowling"), a dotted acronym followed by a capitalised word ("U.S. Defense") and an
ellipsis followed by lower case. Paragraphs ("\\n\\n") are split separately and never
joined; a single line break inside a paragraph ends a sentence unless the lines are
hard-wrapped prose.
"""

from __future__ import annotations

import re

# Abbreviations that are (almost) never sentence-final before a capitalised word: titles,
# ranks and honorifics in several Latin-script languages. Lower-cased, without the period.
TITLE_ABBREVIATIONS = frozenset(
    """
    mr mrs ms messrs dr prof rev hon st sr jr mme mlle mm sra sres srta dra dott hr fr frau
    gen lt col maj capt cpt cmdr cdr adm sgt cpl pvt brig gov sen rep sec pres supt insp
    det amb atty gov gen lt-col lt-gen maj-gen brig-gen vice-adm rear-adm rt ft mt
    no nos vol vols fig figs art arts sec ch chap pp op cf vs v ca approx dept est
    """.split()
)
# Abbreviations that end a sentence only rarely, but are followed by numbers or lower case:
# months ("Dec. 3"), and Latin-script abbreviations common inside sentences.
MONTH_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec janv févr avr juil déc".split()
)
INLINE_ABBREVIATIONS = frozenset(
    "e.g i.e etc al approx ca cf incl resp bzw z.b u.a d.h usw sog p.ex ex av apr j.-c".split()
)
# Company suffixes can end a sentence; they only block a split before lower case.
CLOSING_QUOTES = "\"'”’»)]›"
OPENING_CHARS = "\"'“‘«([¿¡‹"

_CANDIDATE = re.compile(
    r"(?P<end>[.!?…]+|\.\.\.)(?P<close>[" + re.escape(CLOSING_QUOTES) + r"]*)(?P<space>\s+)"
)
_WORD_BEFORE = re.compile(r"([\w.\-’']+)$")
# Lines at least this long that end without final punctuation look hard-wrapped
# (DUC/AQUAINT newswire wraps at 70-80 columns).
WRAPPED_LINE_CHARS = 50
_LINE_END = re.compile(r"[.!?…:;" + re.escape(CLOSING_QUOTES) + r"]$")


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text``, never joining across paragraphs ("\\n\\n").

    Args:
        text: plain text; paragraphs separated by blank lines.

    Returns:
        The sentences in order, stripped, with inner whitespace as in the input except
        that line breaks of hard-wrapped lines become spaces.
    """
    sentences: list[str] = []
    for paragraph in re.split(r"\n[ \t]*\n", text):
        for segment in _paragraph_segments(paragraph):
            sentences.extend(_split_segment(segment))
    return sentences


def _paragraph_segments(paragraph: str) -> list[str]:
    """Split a paragraph at line breaks that end a line of its own (not hard wrapping)."""
    lines = [line.strip() for line in paragraph.split("\n")]
    lines = [line for line in lines if line]
    if len(lines) <= 1:
        return lines
    segments: list[str] = []
    current = lines[0]
    for line in lines[1:]:
        previous_wrapped = len(current.split("\n")[-1]) >= WRAPPED_LINE_CHARS and not _LINE_END.search(
            current
        )
        continues = previous_wrapped or line[:1].islower()
        if continues:
            current = f"{current} {line}"
        else:
            segments.append(current)
            current = line
    segments.append(current)
    return segments


def _split_segment(segment: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _CANDIDATE.finditer(segment):
        following = segment[match.end() : match.end() + 40]
        if not following:
            continue
        if _is_boundary(segment[start : match.start()], match["end"], following):
            sentence = segment[start : match.end("close")].strip()
            if sentence:
                sentences.append(sentence)
            start = match.end()
    rest = segment[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def _starts_sentence(following: str) -> bool:
    first = following.lstrip(OPENING_CHARS + " ")[:1]
    if not first:
        return False
    if following[0] in OPENING_CHARS:
        return True
    return first.isupper() or first.isdigit()


def _is_boundary(before: str, end: str, following: str) -> bool:
    """Decide whether the punctuation ``end`` after ``before`` ends a sentence."""
    if not _starts_sentence(following):
        return False
    if end != ".":
        return True  # "!", "?", "...", "…" before a capitalised word
    match = _WORD_BEFORE.search(before)
    if not match:
        return True
    word = match[1].strip("-’'")
    lower = word.lower()
    next_word = following.lstrip(OPENING_CHARS + " ").split(" ", 1)[0]
    if lower in TITLE_ABBREVIATIONS or lower.split("-")[-1] in TITLE_ABBREVIATIONS:
        return False
    if lower in MONTH_ABBREVIATIONS and next_word[:1].isdigit():
        return False
    if lower.rstrip(".") in INLINE_ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. K. Rowling", "George W. Bush"
    if "." in word:
        # Dotted acronym ("U.S.", "U.N."): a boundary only before a common sentence opener.
        letters = word.replace(".", "")
        if letters.isalpha() and len(letters) <= 4:
            return next_word in SENTENCE_OPENERS
    return True


# Words that open a new sentence after an acronym that ends one ("... in the U.S. The ...").
SENTENCE_OPENERS = frozenset(
    """
    The A An It He She They We I In On At But And This That These Those There His Her Its
    Their Our Officials Police When While After Before If As Some Many Most Last Earlier
    Later Meanwhile However Also Still Yet So Then Now Le La Les Il Elle Ils Der Die Das Es
    El Los Las
    """.split()
)
