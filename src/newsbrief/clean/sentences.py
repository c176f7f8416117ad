"""Sentence splitting for news text in English and other Latin-script languages.

Rule-based and offline (no model data to download). A boundary candidate is a run of
``.``, ``!``, ``?`` or ``…`` followed by optional closing quotes/brackets and whitespace,
then a token that can start a sentence (capital, digit, opening quote). A candidate is
rejected after a known abbreviation ("Gen.", "Maj.-Gen.", "Dec. 3", "Mr."), an initial
("J. K. Rowling"), a dotted acronym followed by a capitalised word that rarely opens a
sentence ("U.S. Defense"), a company suffix followed by a day or a month ("Microsoft
Corp. Friday") and an ellipsis followed by lower case. Paragraphs ("\\n\\n") are split
separately and never joined; a single line break inside a paragraph ends a sentence unless
the lines are hard-wrapped prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsbrief.timexpr import CALENDAR_WORDS


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Abbreviations that are (almost) never sentence-final before a capitalised word: titles,
# ranks and honorifics in several Latin-script languages. Lower-cased, without the period.
TITLE_ABBREVIATIONS = _word_set(
    """
    mr mrs ms messrs dr prof rev hon st sr jr mme mlle mm sra sres srta dra dott hr fr frau
    gen lt col maj capt cpt cmdr cdr adm sgt cpl pvt brig gov sen rep sec pres supt insp
    det amb atty const cst dist supt gov lt-col lt-gen maj-gen brig-gen vice-adm rear-adm rt ft mt
    cf vs v ca approx
    """
)
# Abbreviations that are also words ("no", "art") or months: not a boundary only before a
# number ("Dec. 3", "No. 10", "Fig. 2"). Latin-script abbreviations common inside
# sentences never end one.
NUMBER_ABBREVIATIONS = _word_set(
    """
    jan feb mar apr jun jul aug sep sept oct nov dec janv févr avr juil déc
    no nos nr vol vols fig figs art arts ch chap pp op p
    """
)
# Company suffixes end sentences, but wire copy puts the day straight after the name
# ("told Microsoft Corp. Friday to change ..."): no boundary before a weekday or a month.
COMPANY_ABBREVIATIONS = _word_set("corp inc co cos ltd llc plc bros")
INLINE_ABBREVIATIONS = _word_set(
    "e.g i.e al approx ca cf incl resp bzw z.b u.a d.h usw sog p.ex ex av apr j.-c"
)
CLOSING_QUOTES = "\"'”’»)]›"
# (and a list's bullet, "•", never prose's: "... believe them to be UFOs. • Experts do not
# think it was aliens ..."; not "*": split there, Timeline17's factboxes lost a reference
# day, docs/timelines.md)
OPENING_CHARS = "\"'“‘«([¿¡‹•"

_CANDIDATE = re.compile(
    r"(?P<end>[.!?…]+|\.\.\.)(?P<close>[" + re.escape(CLOSING_QUOTES) + r"]*)(?P<space>\s+)"
)
_WORD_BEFORE = re.compile(r"([\w.\-’']+)$")
# Lines at least this long that end without final punctuation look hard-wrapped
# (DUC/AQUAINT newswire wraps at 70-80 columns).
WRAPPED_LINE_CHARS = 50
# Share of a block's lines (all but the last) that must be that long to count as wrapped.
WRAPPED_SHARE = 0.6
_LINE_END = re.compile(r"[.!?…:;" + re.escape(CLOSING_QUOTES) + r"]$")


# A line in title case: at least three words of four letters or more, every one of them
# capitalised ("Canada Moves Soldiers From Iraq To Kuwait"): a headline or a heading
# inside the text, not a sentence of it.
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def is_title_case(line: str) -> bool:
    """Whether a line is in title case (a headline or a heading)."""
    words = _LONG_WORD.findall(line)
    return len(words) >= 3 and all(word[0].isupper() for word in words)


# A quotation inside a sentence, its marks against its words ("about to detonate a bomb";
# not the spaced marks of tokenized wire copy, " minimal "); group 1 is what is quoted.
QUOTATION = re.compile(r"[\"“«](?=\S)([^\"“”«»]{1,300}?)(?<=\S)[\"”»]")
# The small words a title in capitals leaves in lower case ("Out of the Blue").
_TITLE_SMALL_WORDS = frozenset("a an and at by for from in of on or the to with".split())  # noqa: SIM905


def names_a_title(quoted: str) -> bool:
    """Whether quoted words are a title or a name ("The Hunger Games", "Snooki"): every
    word but the small ones capitalised."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", quoted) if w not in _TITLE_SMALL_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


# Quotation marks (wire copy writes `` and ''); a sentence with one quotes someone.
QUOTE_MARK = re.compile(r"[\"“”]|``|''")
# The first person ("Methinks somebody's milk just went sour.": a blog's quip).
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|me|my|we|We|us|our|Our|My|[Mm]ethinks)\b")
# A quote run over sentences closes within this many sentences after its first.
QUOTE_REACH = 6


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Return the (start, end) of the quoted parts of a sentence; a lone closing mark
    quotes from the start, a lone opening one to the end (a quote over sentences)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in QUOTE_MARK.finditer(sentence):
        closing = mark.group() in ("”", "''") or (
            mark.group() == '"'
            and (
                opened is not None
                or (mark.start() > 0 and not sentence[mark.start() - 1].isspace())
            )
        )
        if closing:
            spans.append((opened or 0, mark.start()))
            opened = None
        elif opened is None:
            opened = mark.end()
    if opened is not None:
        spans.append((opened, len(sentence)))
    return spans


def opens_quote(sentence: str) -> bool:
    """Return whether a sentence ends inside a quote it opened (wire style runs a quote over
    sentences: "``Naturally I sympathize ... scapegoat. I began building ...")."""
    spans = quoted_spans(sentence)
    return bool(spans) and spans[-1][1] == len(sentence) and spans[-1][0] > 0


def quote_continues(sentence: str) -> bool:
    """Return whether a sentence after one that opened a quote is still the quote: no
    quotation mark of its own and the speaker's first person ("I began building ...")."""
    return not QUOTE_MARK.search(sentence) and bool(FIRST_PERSON.search(sentence))


def closes_quote(sentence: str) -> bool:
    """Return whether a sentence begins inside a quote opened before it: a closing mark
    comes before any opening one ('We are ascertaining the facts," he said.')."""
    spans = quoted_spans(sentence)
    return bool(spans) and spans[0][0] == 0


def inside_quotes(sentences: Sequence[str]) -> list[bool]:
    """Return, for each sentence, whether it lies inside a quote run over sentences: after
    one that opened a quote (``opens_quote``) or another such sentence, with no quotation
    mark of its own, and either in the speaker's first person (``quote_continues``) or
    before a sentence, within ``QUOTE_REACH``, that closes the quote (``closes_quote``):
    '"In this engagement, we have unfortunately lost one MiG-21. The pilot is missing in
    action. Pakistan has claimed that he is in their custody. We are ascertaining the
    facts," he said.' (a WCEP report whose middle sentences were key points)."""
    inside = [False] * len(sentences)
    in_quote = False
    for index, sentence in enumerate(sentences):
        if in_quote and not QUOTE_MARK.search(sentence):
            after = sentences[index + 1 : index + QUOTE_REACH]
            marked = next((s for s in after if QUOTE_MARK.search(s)), None)
            closed = marked is not None and closes_quote(marked)
            inside[index] = closed or quote_continues(sentence)
        in_quote = opens_quote(sentence) or inside[index]
    return inside


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
    """Split a paragraph at its line breaks, unless its lines are hard-wrapped prose."""
    lines = [line.strip() for line in paragraph.split("\n")]
    lines = [line for line in lines if line]
    if len(lines) <= 1:
        return lines
    long_lines = sum(len(line) >= WRAPPED_LINE_CHARS for line in lines[:-1])
    if long_lines >= WRAPPED_SHARE * (len(lines) - 1):
        return [" ".join(lines)]
    segments: list[str] = []
    for line in lines:
        # A line that starts in lower case continues the previous one.
        if segments and line[:1].islower() and not _LINE_END.search(segments[-1]):
            segments[-1] = f"{segments[-1]} {line}"
        else:
            segments.append(line)
    return segments


# A page's caption or stamp run into the next sentence without a stop, then the day that
# heads the next item ("Footage of the raid on Dr Murray's clinic 21 November 2009 Court
# documents reveal ...", "14:07 PM, Monday, 1 June 2009 One of the UK's leading flu
# experts ...": BBC pages of Timeline17): the caption or stamp goes and the item keeps its
# day, unless a word that a date follows inside a sentence comes before the day ("the 7
# December 2009 Copenhagen summit", "on 1 June 2009 Mr"). A listing's weekday heading
# before its item is the key-point candidates' (``summarize.candidates._GLUED_DATE``): it
# dates a programme, not the item, and goes with the heading.
_GLUED_DAY = re.compile(
    r"(?<=[a-z,’')])\s(?P<day>\d{1,2}\s(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\s(?:19|20)\d\d)\s+(?=[A-Z][a-z])"
)
_BEFORE_A_DATE = _word_set(
    "the a an on of since until till by from in at to and or before after between during"
    " through over"
)


# The characters before a stop that ``is_sentence_boundary`` is given.
BOUNDARY_CONTEXT = 100


def _unglued(sentence: str) -> list[str]:
    """The item a caption or a stamp runs into, from its day on (``_GLUED_DAY``); the last
    such item of a sentence that holds several. A loop, and the words just before each day
    read: called on itself per glued day, a sentence of 1,000 had exceeded Python's
    recursion limit and ended the run."""
    cut = True
    while cut:
        cut = False
        for match in _GLUED_DAY.finditer(sentence):
            near = sentence[max(0, match.start() - BOUNDARY_CONTEXT) : match.start()]
            before = _WORD_BEFORE.search(near.rstrip(",’')"))
            if before and before[1].lower().strip(".") not in _BEFORE_A_DATE:
                sentence, cut = sentence[match.start("day") :].strip(), True
                break
    return [sentence]


def _split_segment(segment: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _CANDIDATE.finditer(segment):
        following = segment[match.end() : match.end() + 40]
        if not following:
            continue
        # The words just before the stop decide (``is_sentence_boundary`` reads the last
        # word): the whole run since the last boundary, sliced and searched at every stop,
        # was quadratic in a text that never ends a sentence ("A.B.C. D.E.F. ..." or "Mr.
        # Smith Mr. Jones ...": 100,000 characters took 50 s).
        before = segment[max(start, match.start() - BOUNDARY_CONTEXT) : match.start()]
        if is_sentence_boundary(before, match["end"], following):
            sentence = segment[start : match.end("close")].strip()
            if sentence:
                sentences.extend(_unglued(sentence))
            start = match.end()
    rest = segment[start:].strip()
    if rest:
        sentences.extend(_unglued(rest))
    return sentences


def _starts_sentence(following: str) -> bool:
    first = following.lstrip(OPENING_CHARS + " ")[:1]
    if not first:
        return False
    if following[0] in OPENING_CHARS:
        return True
    # A capital, a digit, or a letter of a script without case (Arabic, Hebrew, CJK,
    # Devanagari): an Arabic sentence after an English one had been glued to it.
    return not first.islower() and (first.isalpha() or first.isdigit())


def is_sentence_boundary(before: str, end: str, following: str) -> bool:
    """Decide whether the punctuation ``end`` after ``before`` ends a sentence."""
    if not _starts_sentence(following):
        return False
    if end != ".":
        return True  # "!", "?", "...", "…" before a capitalised word
    if _TICKER_EXCHANGE.match(following) and _TICKER_OPEN.search(before):
        return False  # a stock ticker spaced at its dot: "Merck's (MRK. N)", "( HLX . N )"
    match = _WORD_BEFORE.search(before)
    if not match:
        return True
    word = match[1].strip("-’'")
    lower = word.lower()
    next_word = following.lstrip(OPENING_CHARS + " ").split(" ", 1)[0]
    if lower in TITLE_ABBREVIATIONS or lower.split("-")[-1] in TITLE_ABBREVIATIONS:
        return False
    if lower in NUMBER_ABBREVIATIONS and next_word[:1].isdigit():
        return False
    if word.isdigit() and len(word) <= 3 and next_word[:1].isdigit():
        return False  # a decimal broken by a space ("razed by a 6. 7 degree quake", ECB+)
    if word in _ARTICLES and next_word[:1].isdigit():
        return False  # a calibre's point spaced off: "she returned with a. 357 Magnum"
    if lower.rstrip(".") in INLINE_ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. K. Rowling", "George W. Bush"
    if lower in COMPANY_ABBREVIATIONS:
        return next_word.rstrip(".,").lower() not in CALENDAR_WORDS
    if "." in word:
        # Dotted acronym ("U.S.", "U.N."): a boundary only before a common sentence opener.
        letters = word.replace(".", "")
        if letters.isalpha() and len(letters) <= 4:
            return next_word in SENTENCE_OPENERS
    return True


_ARTICLES = frozenset(["a", "an", "the"])
# A Reuters instrument code, its exchange after the dot: "(MRK.N)", "(GSK.L)", "(7203.T)".
_TICKER_OPEN = re.compile(r"\(\s?[A-Z0-9]{1,6}\s?$")
_TICKER_EXCHANGE = re.compile(r"[A-Z]{1,3}\s?\)")

# Words that open a new sentence after an acronym that ends one ("... in the U.S. The ...").
SENTENCE_OPENERS = _word_set(
    """
    The A An It He She They We I In On At But And This That These Those There His Her Its
    Their Our Officials Police When While After Before If As Some Many Most Last Earlier
    Later Meanwhile However Also Still Yet So Then Now Le La Les Il Elle Ils Der Die Das Es
    El Los Las
    """
)
