"""Find the figures in one sentence: a number, its qualifier, unit, counted thing and place.

Rule-based and offline. The order, per sentence:

1. mask spans that hold digits but are not figures (``facts.masks``): URLs, handles,
   hashtags, e-mail addresses, phone numbers, times ("11:33 am"), dates ("January 2,
   2020", "Dec. 3"), years ("since 2003", "2019/20"), ages ("52-year-old"), scores ("9-2"), compound
   modifiers ("7-game"), codes and names ("CH-146", "G7", "Highway 3", "Section 12");
2. match numbers in digits ("182,000", "1.2 billion"), in words ("two hundred", "a dozen",
   "half a dozen", "a half-dozen"), vague plurals ("hundreds of"), with an optional qualifier before
   ("about", "more than", "at least", "up to", ...), currency ("$", "US$", "€") or unit
   after ("per cent", "km", "dollars");
3. read what the number counts: the noun phrase after it ("three CH-146 Griffon
   helicopters" -> "CH-146 Griffon helicopters", head "helicopter"); when there is none
   ("about 500 in Iraq", "500 of them"), the counted thing of the figure before it in the
   same sentence;
4. read where: "in/at/inside <Capitalised place>" or "in the region" in the rest of the
   clause;
5. a range is one figure ("10 to 12 people", "$4.2 billion to $4.5 billion", "between 20
   and 40 billion dollars"): its value as written, the interval both ends give, its number
   the upper end. A range states its own span, so it never conflicts with a value inside
   it. "rose from 7,085 to 10,059" is a change, not a range: two figures, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsbrief.entities.names import word_set
from newsbrief.facts.masks import not_figure_spans
from newsbrief.timexpr import MONTH_PATTERN

# ---- numbers ----------------------------------------------------------------------------

_UNITS_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "bn": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "m": 1_000_000,
    "mm": 1_000_000,  # "$160MM": financial writing's million
    "k": 1_000,
    "mln": 1_000_000,
}
_DIGIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_SMALL = "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS], key=len, reverse=True))
_TENS = "|".join(_TENS_WORDS)
_UNIT_NO_ONE = "|".join(w for w in _UNITS_WORDS if w != "one")
_WORD_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
# Scales written as letters, British and financial style ("£30m", "$3bn", "$1.5tn",
# "$160MM"; "mm" before "m"): one list for the number reader, the labels and agreement.
SCALE_LETTERS = "bn|tn|mln|mm|m|k"
# Every scale, in words or letters ("million", "m").
SCALE_WORDS = rf"{_WORD_SCALE}|{SCALE_LETTERS}"
# A fraction of a scale word: "half a million", "a quarter of a million", "one and a half
# billion" (read as "a million" they were twice or four times the number written).
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3, "thirds": 1 / 3}
_FRACTION_OF_SCALE = (
    r"(?:(?:one\s+and\s+)?(?:a\s+)?half(?:\s+of)?|(?:a|one|three)\s+quarters?\s+of"
    rf"|(?:a|one|two)\s+thirds?\s+of)\s+(?:a\s+)?{_WORD_SCALE}"
)
# Words below a hundred: "twenty-five", "forty two", "nine".
_WORD_GROUP = rf"(?:(?:{_TENS})(?:[-\s](?:{_SMALL}))?|{_SMALL})"
# "one" alone is mostly a pronoun or an article ("one of", "no one"): only in compounds,
# as are the groups after a scale, with or without "and" ("One hundred fourteen people",
# "two million five hundred thousand").
_WORD_NUMBER = (
    rf"(?:{_FRACTION_OF_SCALE}|(?:a\s+)?half(?:\s+a\s+|[-‑\s])dozen|a\s+dozen|(?:{_SMALL})\s+dozen|a\s+(?:{_WORD_SCALE})"
    rf"|{_WORD_GROUP}(?:\s+{_WORD_SCALE})+(?:(?:\s+and)?\s+{_WORD_GROUP}(?:\s+{_WORD_SCALE})*)*"
    # "Twenty six people have died in Egypt" (Timeline17: "six people in Egypt: Twenty")
    rf"|(?:{_TENS})(?:[-‑]|\s+(?=(?:{_DIGIT_WORDS})\b))(?:{_SMALL})|(?:{_TENS})|(?:{_UNIT_NO_ONE})|dozen)"
)
_VAGUE = (
    r"(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds|thousands"
    r"|millions|billions)(?=\s+of\b)"
)
# 182,000 / 20 000 (SI and French style, also with no-break spaces) / 1.2 / 500
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:\.\d+)?"
# "dlrs 60,000": the AP's dollar sign in wire copy of the 1990s (read as "$").
_CURRENCY = r"(?:US|U\.S\.|C|CA|CAD|CDN|A|AU|NZ|HK|S)?\$|€|£|¥|₹|\bdlrs(?=\s\d)"
# a money figure's units
MONEY_UNITS = frozenset({"$", "€", "£", "¥", "₹", "US$", "C$", "A$", "HK$", "NZ$"})
# Each qualifier with its class: what it lets a number mean (``_interval``: a bound on one
# side, or a neighbourhood), and one claim whatever its wording ("about 500" /
# "approximately 500"; lower bounds of one number, "more than 300" / "at least 300":
# ``facts._claims``).
QUALIFIER_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        ("about", "approximately", "approx.", "around", "roughly", "some", "an estimated"),
        "about",
    ),
    "estimated": "about",
    **dict.fromkeys(
        ("more than", "over", "upwards of", "just over", "well over", "at least"), "more than"
    ),
    **dict.fromkeys(("up to", "as many as", "as much as", "at most", "no more than"), "up to"),
    **dict.fromkeys(("fewer than", "less than", "under", "just under"), "less than"),
    **dict.fromkeys(("nearly", "almost", "close to"), "nearly"),
}
_QUALIFIERS = (*QUALIFIER_CLASSES, "exactly", "more")
# The qualifiers as one regular expression (longest first; "more" alone is no qualifier).
QUALIFIER_PATTERN = "|".join(
    re.escape(q).replace(r"\ ", r"\s+")
    for q in sorted(set(_QUALIFIERS), key=lambda q: (-len(q), q))
    if q != "more"
)
_UNIT_WORDS = (
    # a speed before its distance: "traveling at about 100 miles an hour" (DUC 2007 D0740I:
    # "midweek traveling: about 100 miles", a distance)
    r"(?:miles?|kilomet(?:re|er)s?|km)\s+(?:an|per)\s+hour|"
    r"per\s*cent|percent|percentage\s+points?|%|km/h|mph|sq(?:uare)?\.?[\s-]+(?:kms?|kilomet(?:re|er)s?|miles?)"
    r"|sq\.?\s?m\b\.?"  # "300,000 sq.m. of solar panels"
    # "3.8 million cubic kilometers of ice" (the mix's row "ice: 3.8 million"), "150
    # nautical miles"
    r"|cubic\s+(?:kilomet(?:re|er)s?|met(?:re|er)s?|feet|miles?|yards?)|nautical\s+miles?"
    r"|km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|feet|ft|kg|kilograms?|tonnes?|tons?|hectares?|acres?"
    # "risen 4 to 10 inches" (the mix: "inches: 4 to 10", and "a six-inch replica" of a
    # salmon agreed with it as "inch: six")
    r"|inch(?:es)?|foot|yards?|centimet(?:re|er)s?|cm"
    r"|barrels?|lit(?:re|er)s?|gallons?|degrees?|°C|°F|dollars?|euros?|pounds?|yuan|yen|rupees?"
)
_UNIT_WORD = re.compile(rf"(?:{_UNIT_WORDS})", re.IGNORECASE)


def is_unit_word(word: str) -> bool:
    """Whether ``word`` is a unit a figure is written in ("percent", "mph", "feet")."""
    return _UNIT_WORD.fullmatch(word) is not None


_MAY_HOLD_NUMBER = re.compile(
    rf"\d|\b(?:{_SMALL}|dozens?|scores|hundreds?|thousands?|millions?|billions?|half)\b",
    re.IGNORECASE,
)
_FIGURE = re.compile(
    rf"(?:(?P<qualifier>\b(?:{QUALIFIER_PATTERN}))\s+)?"
    rf"(?P<currency>{_CURRENCY})?\s?"
    # Not a power's base or exponent: "10^1000 people" counts no ten people.
    rf"(?P<number>(?<![\w.,^])(?:{_DIGITS})"
    rf"(?:\s*(?:{SCALE_WORDS})\b|[-‑]{_WORD_SCALE}\b)?(?![\w^])"  # "$5-million"
    rf"|\b(?:{_VAGUE}|{_WORD_NUMBER})\b)"
    rf"(?:\s*(?P<unit>(?:{_UNIT_WORDS})(?![\w])))?",
    re.IGNORECASE,
)

# The lower end of a range, just before a figure: "10 to", "$4.2 billion to", "between 20
# and". Not "from 10 to" (a change: "rose from 7,085 to 10,059") unless "between" opens it,
# nor "by 12 to" (a change and a level: "the toll rose by 12 to 80").
_RANGE_START = re.compile(
    rf"(?:(?P<between>\bbetween)\s+|(?<!\bfrom )(?<!\bby )(?<![\w.,$€£¥₹-]))"
    rf"(?P<currency>{_CURRENCY})?\s?"
    rf"(?P<number>(?<![\w.,])(?:{_DIGITS})(?:\s*(?P<scale>{SCALE_WORDS})\b)?"
    rf"|\b{_WORD_NUMBER}\b|\b[Oo]ne\b)"  # "one" as a range's lower end: "one to three feet"
    rf"(?:\s*(?P<unit>{_UNIT_WORDS}))?(?:\s+(?P<joint>to|and)\s+|(?P<dash>[-–]))$",
    re.IGNORECASE,
)
# A verb of change before "X to Y" makes X the change and Y the level it reached: "the
# Nasdaq composite index rose 7.32 to 2,415.49" (a DUC 2006 row "Nasdaq composite index
# rose: 7.32 to 2,415.49"); "rose from 7 to 9" is read as no range already.
_CHANGED_BY = re.compile(
    r"\b(?:rose|fell|gained|lost|dropped|climbed|jumped|slipped|slid|sank|rallied|tumbled"
    r"|declined|advanced|eased|plunged|soared|surged|edged\s+(?:up|down)|closed\s+(?:up|down)"
    r"|finished\s+(?:up|down))\s+$",
    re.IGNORECASE,
)
# A range written with a dash ends at this at least ("12,000-19,000 barrels a day",
# "100-150 people"): below, "3-2" and "5-7" are scores and ages; a descending pair
# ("2009-10", "219-212") is a season or a vote. ("20-40,000" is read as no figure.)
DASH_RANGE_MIN = 100

# ---- what is counted, and where ---------------------------------------------------------

# Words that end the counted noun phrase: verbs, prepositions, conjunctions, determiners.
_STOP = word_set(
    """
    a an the this that these those them they their its it he she his her we our you i is are
    was were be been being am have has had will would could should may might can must shall
    did do does said say says told according including include includes in at on from to
    into onto with without by for of as than who whom whose which that and or but nor while
    when where after before since during until per each every about over under more most
    less least up down out off only also still just already not no yes there here so if then
    because although though whether more than among between across through against toward
    towards via amid last next earlier later ago yesterday today tonight tomorrow monday
    tuesday wednesday thursday friday saturday sunday above below beneath beyond behind
    inside outside near along around away apart except that's it's there's here's what's who's
    usually typically generally normally often sometimes reportedly allegedly
    worldwide nationwide statewide countrywide globally overall altogether apiece alone
    """
)
# Nouns that are plural or mass without a final "s": a phrase ends on them.
_MASS_HEADS = word_set(
    """
    personnel staff people police militia crew cattle aircraft equipment military children
    men women youth livestock infantry fire deer fish sheep
    """
)
# Heads counting the same people in news about armed forces (tuned on the seeds and on
# common wire phrasing: "500 troops", "500 soldiers", "500 personnel", "500 members").
SYNONYM_HEADS = {
    "soldier": "personnel",
    "troop": "personnel",
    "member": "personnel",
    "force": "personnel",
    "serviceman": "personnel",
    "servicemember": "personnel",
    "servicewoman": "personnel",
    "personnel": "personnel",
    "service member": "personnel",
    "person": "people",
    "people": "people",
    "individual": "people",
    "resident": "people",
    "death": "dead",
    "fatality": "dead",
    "dead": "dead",
    "killed": "dead",
    "injury": "injured",
    "wounded": "injured",
    "injured": "injured",
    "toll": "dead",
    "death toll": "dead",
    # "import duties of 25 percent on steel" is the steel tariff, not a row of its own
    "duty": "tariff",
    "levy": "tariff",
    # "the 30-day delay", "a final extension", "the 30-day reprieve": one delay's length
    "extension": "delay",
    "reprieve": "delay",
    "postponement": "delay",
}
_PLACE_WORDS = "region|country|area|city|capital|north|south|east|west|province|state"
_PLACE = re.compile(
    r"\b(?:in|at|inside|into|across|near|within)\s+(?:the\s+)?"
    rf"(?P<place>(?:[A-Z][\w'’.-]*)(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*|(?:{_PLACE_WORDS})\b)"
)
_NOT_PLACES = re.compile(
    rf"^(?:Operation|Highway|Route|Section|Article|Chapter|Twitter|Facebook|The|A|An)\b|^{MONTH_PATTERN}$"
    r"|^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$"
)
CLAUSE_END = re.compile(r"[,;:()\[\]\"“”—–]|\s-\s|\.(?:\s|$)")


def start_of_clause(sentence: str, at: int) -> int:
    """Where the clause holding ``sentence[at]`` starts: after the last ``CLAUSE_END``
    before ``at`` (the sentence's start if none)."""
    ends = [match.end() for match in CLAUSE_END.finditer(sentence, 0, at)]
    return ends[-1] if ends else 0


def end_of_clause(sentence: str, at: int) -> int:
    """Where the clause holding ``sentence[at]`` ends: at the first ``CLAUSE_END`` from
    ``at`` on (the sentence's end if none)."""
    stop = CLAUSE_END.search(sentence, at)
    return stop.start() if stop else len(sentence)


_TOKEN = re.compile(r"[A-Za-z][\w'’.\-‑]*(?:&[A-Z][\w.]*)?|\d[\w\-‑]*")  # "S&P" is one word


@dataclass(frozen=True)
class Figure:
    """One number in a sentence, read with its context."""

    text: str  # as written, qualifier included: "about 500"
    value: str  # the number as written, without qualifier: "500", "half a dozen"
    number: float
    qualifier: str | None
    unit: str | None  # "$", "%", "km", ... or None for a count
    counted: str | None  # the noun phrase counted: "Canadian personnel"
    head: str | None  # its normalised head noun, synonyms folded: "personnel"
    place: str | None  # "Iraq", "region"
    low: float  # the interval the figure asserts (qualifier applied)
    high: float
    vague: bool = False
    start: int = 0  # where the number is in its sentence
    end: int = 0
    action: str | None = None  # what happened to the counted thing: "killed", "stationed"


# The largest value a figure may have: a quadrillion (the world's yearly output is about
# 1e14 dollars). A larger one in a report is a typo or a hostile text ("1,000,...,000
# people killed", "five hundred billion trillion soldiers"), not a count to show; an
# endless one (400 digits) had been filtered as inf, these had not.
MAX_VALUE = 1e15


def parse_number(text: str) -> float | None:
    """Return the value of a number written in digits or words ("1.2 billion", "two hundred",
    "£30m", "$3bn")."""
    text = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)", "", text)  # "20 000" -> "20000"
    text = _ATTACHED_SCALE.sub(" ", text)  # "30m" -> "30 m"
    words = re.sub(r"[-‑]", " ", text.lower().replace(",", "")).split()
    if not words:
        return None
    if "half" in words[:2] and "dozen" in words:  # "half a dozen", "a half-dozen"
        return 6.0
    fraction = next((_FRACTIONS[w] for w in words if w in _FRACTIONS), None)
    if fraction is not None and words[-1] in _SCALES:
        # "three quarters of a million": the count of parts times the part, of the scale
        parts = _UNITS_WORDS.get(words[0], 1)  # "a", "half": one part
        whole = 1.0 if words[:3] == ["one", "and", "a"] else 0.0
        return (whole + parts * fraction) * _SCALES[words[-1]]
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        if word in ("a", "and"):
            current = current or (1.0 if word == "a" else current)
            continue
        if word == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)
            seen = True
        elif word in _UNITS_WORDS:
            current += _UNITS_WORDS[word]
            seen = True
        elif word in _TENS_WORDS:
            current += _TENS_WORDS[word]
            seen = True
        elif word in _SCALES:
            scale = _SCALES[word]
            if scale == 100:
                current = (current or 1.0) * 100
            else:
                total += (current or 1.0) * scale
                current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


# A scale written onto its digits: "£30m", "$3bn", "$1.5tn".
_ATTACHED_SCALE = re.compile(rf"(?<=\d)(?=(?:{SCALE_LETTERS})$)", re.IGNORECASE)
# "m" and "k" are also metres and kilo-: without a currency sign they scale only a decimal
# ("2.5m viewers") or a count of people ("3m people"), not "the 400m hurdles", "300m tall";
# "mm" (millimetres, "155mm shells") only an amount ("$160MM").
_LETTER_SCALE = re.compile(r"(?<=\d)\s*(?P<letters>mm|m|k)$", re.IGNORECASE)


def _letter_scale_is_unit(raw_number: str, currency: str | None, after: str) -> bool:
    """Whether a number's "m" or "k" (``_LETTER_SCALE``) is more likely a unit than a scale."""
    letters = _LETTER_SCALE.search(raw_number)
    if currency or letters is None:
        return False
    if letters["letters"].lower() == "mm":
        return True
    decimal = "." in raw_number
    next_word = re.match(r"\s*([A-Za-z]+)", after)
    return not (decimal or (next_word is not None and next_word[1].lower() in _MASS_HEADS))


_VAGUE_BASE = {
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1_000,
    "tens of thousands": 10_000,
    "hundreds of thousands": 100_000,
    "millions": 1_000_000,
    "billions": 1_000_000_000,
}


def _interval(
    number: float, qualifier: str | None, relative_tolerance: float
) -> tuple[float, float]:
    """Return the values a qualified number allows ("more than 300" -> (300, inf))."""
    kind = QUALIFIER_CLASSES.get(qualifier or "")
    if kind == "more than":
        return number, float("inf")
    if kind in ("up to", "less than"):
        return 0.0, number
    if kind == "nearly":
        return number * (1 - relative_tolerance), number
    if kind == "about":
        return number * (1 - relative_tolerance), number * (1 + relative_tolerance)
    return number, number


def singular(word: str) -> str:
    lower = word.lower()
    if lower in _MASS_HEADS or len(lower) < 4 or not lower.endswith("s") or lower.endswith("ss"):
        return lower
    if lower.endswith("ies"):
        return lower[:-3] + "y"
    if re.search(r"(?:ches|shes|xes|sses|zes)$", lower):
        return lower[:-2]
    return lower[:-1]


def _counted_phrase(rest: str) -> tuple[str | None, str | None, int]:
    """Return the noun phrase at the start of ``rest``, its head, and where it ends."""
    offset = 0
    of_match = re.match(r"\s*of\s+", rest)
    if of_match:  # "dozens of people", "20 per cent of voters", "500 of them"
        offset = of_match.end()
    text = rest[offset:]
    words: list[str] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        if text[previous_end : match.start()].strip():
            break  # punctuation between words ends the phrase
        word = match.group().rstrip(".")
        lower = word.lower()
        if lower in _STOP or word[0].isdigit():
            break
        words.append(word)
        previous_end = match.end()
        is_head = word[0].islower() and (
            lower in _MASS_HEADS
            or (lower.endswith("s") and not lower.endswith("ss") and "-" not in lower)
        )
        if is_head or len(words) >= 5:
            break
    if not words:
        return None, None, 0
    if words[0].lower() in ("them", "those"):
        return None, None, 0
    # A phrase of capitalised words only is a name ("Canadian"), not a counted thing.
    if all(w[0].isupper() for w in words):
        return None, None, 0
    head = singular(words[-1])
    head = SYNONYM_HEADS.get(head, head)
    return " ".join(words), head, offset + previous_end


# Currencies written out after the amount (wire style): "592 million U.S. dollars".
_CURRENCY_WORDS = re.compile(
    r"(U\.?S\.?|US|American|Australian|Canadian|Hong Kong|New Zealand)?\s*(?:dollars?|dlrs)\b",
    re.IGNORECASE,
)
_CURRENCY_UNITS = {
    "": "$",
    "us": "$",
    "american": "$",
    "australian": "A$",
    "canadian": "C$",
    "hong kong": "HK$",
    "new zealand": "NZ$",
}


# What a money sign right before it names the kind of: "$1 bills", "£5 notes", "50p coins".
_DENOMINATED = frozenset(
    {"bill", "bills", "note", "notes", "banknote", "banknotes", "coin", "coins"}
)


# A comparison with a crowd counts nothing: "Like thousands of children, 7-year-old Kyle
# Carroll takes Ritalin" (a feature's lede, shown as "children: thousands" beside the
# reports' 3.8 million).
_LIKE_BEFORE = re.compile(r"(?i)\b(?:un)?like\s+$")


def find_figures(
    sentence: str, relative_tolerance: float = 0.1, keep_bare: bool = False
) -> list[Figure]:
    """Return the figures in one sentence, in order (see the module docstring).

    With ``keep_bare``, numbers with nothing counted after them are kept too (head None),
    for a parser to label ("the death toll rose to 7,085").
    """
    if not _MAY_HOLD_NUMBER.search(sentence):
        return []  # most sentences: skip the expensive patterns
    masked = not_figure_spans(sentence)
    figures, thresholds = _magnitudes(sentence)
    masked += [(f.start, f.end) for f in figures] + thresholds
    for match in _FIGURE.finditer(sentence):
        start, end = match.span("number")
        if any(s < end and start < e for s, e in masked):
            continue
        raw_number = re.sub(r"(?<=\d)[-‑](?=[a-z])", " ", match.group("number"))  # "$5 million"
        if re.match(r"0\d", raw_number):
            continue  # "000" of a number broken by a stray space: not a value
        if _letter_scale_is_unit(raw_number, match.group("currency"), sentence[end:]):
            continue  # "the 400m hurdles": a distance, not 400 million

        vague = bool(re.match(_VAGUE, raw_number + " of", re.IGNORECASE))
        if vague and _LIKE_BEFORE.search(sentence, 0, start):
            continue  # a comparison: "Like thousands of children, 7-year-old Kyle ..."
        if vague:
            number = float(_VAGUE_BASE[" ".join(raw_number.lower().split())] * 2)
        else:
            parsed = parse_number(raw_number)
            if parsed is None or not parsed <= MAX_VALUE:
                continue  # no number, or none a report means ("10^300 people killed")
            number = parsed
        currency = _currency_sign(match.group("currency"))
        unit_word = match.group("unit")
        unit = _normalise_unit(currency, unit_word)
        qualifier = match.group("qualifier")
        qualifier = " ".join(qualifier.lower().split()) if qualifier else None
        begins = match.start("currency") if currency else start
        lower = None if qualifier or vague else _range_start(sentence, begins, raw_number, unit)
        if lower is not None and figures and figures[-1].start >= lower[1]:
            figures.pop()  # "$4.2 billion" of "$4.2 billion to $4.5 billion": one range
        counted, head, consumed = _counted_phrase(sentence[match.end() :])
        if currency and counted and counted.split()[0].lower() in _DENOMINATED:
            continue  # "two batches of $1 bills": a kind of bill, no amount
        if (
            unit_word
            and unit_word.lower() in CURRENCY_NAMES
            and counted
            and counted.split()[0].lower().endswith("s")
        ):
            # "the 11 euro countries", "5 dollar bills": the currency names what is counted
            counted, unit_word, unit = f"{unit_word} {counted}", None, None
            head = singular(counted.split()[-1].lower())
        if (
            head is None
            and unit is None
            and figures
            and figures[-1].head
            and figures[-1].unit is None
            and _ELLIPSIS.match(sentence[match.end() :])
        ):
            counted, head = figures[-1].counted, figures[-1].head  # "about 500 in Iraq"
        named_currency = (
            _CURRENCY_WORDS.match(counted or "") if unit is None and not vague else None
        )
        if named_currency:  # "592 million U.S. dollars", "a 1.7 billion U.S. dollar writedown"
            unit = _CURRENCY_UNITS[(named_currency.group(1) or "").replace(".", "").lower()]
            counted = counted[named_currency.end() :].strip() if counted else None
            head = singular(counted.split()[-1].lower()) if counted else None
        if vague and head in ("dollar", "euro", "pound"):
            unit = {"dollar": "$", "euro": "€", "pound": "£"}[head]  # "billions of dollars"
        if _is_conversion(sentence, match.start(), unit, figures):
            continue  # "6.4 billion euros ($7.7 billion)": one amount, one row
        if head is None and unit is not None:
            before = sentence[: _measured_from(sentence, lower[1]) if lower else match.start()]
            counted = _subject_before(before)  # "unemployment rose to 20%"
            head = counted.lower() if counted else None
        if head is None and unit is None and not keep_bare:
            continue  # a bare number with nothing counted is not a checkable figure
        clause_start = match.end() + consumed
        clause = sentence[clause_start : end_of_clause(sentence, clause_start)]
        place = _find_place(clause)
        low, high = (
            # "tens of thousands": from 20,000 up to, not including, 100,000
            (number, number * 5 * (1 - 1e-9))
            if vague
            else _interval(number, qualifier, relative_tolerance)
        )
        value = " ".join(raw_number.split())
        if currency:
            value = currency + value
        elif named_currency and unit:
            value = unit + value  # "592 million U.S. dollars" -> "$592 million"
        if unit_word:
            value = f"{value} {unit_word}" if unit_word[0].isalpha() else value + unit_word
        if counted and unit_word and counted.lower().startswith(unit_word.lower()):
            counted = None  # "3,000 metres": the unit is not also the thing counted
            head = None if head and unit_word.lower().startswith(head) else head
        text = " ".join(match.group().split())
        if lower is not None:
            low_number, low_start, low_value = lower
            if unit in MONEY_UNITS and not low_value.startswith(unit):
                low_value = unit + low_value  # "between 20 and 40 billion dollars"
            value, start = f"{low_value} to {value}", low_start
            text = " ".join(sentence[low_start : match.end()].split())
            low, high = low_number, number
        figures.append(
            Figure(
                text=text,
                value=value,
                number=number,
                qualifier=qualifier,
                unit=unit,
                counted=counted,
                head=head,
                place=place,
                low=low,
                high=high,
                vague=vague,
                start=start,
                end=end,
            )
        )
    figures.sort(key=lambda figure: figure.start)
    return figures


def is_currency(unit: str | None) -> bool:
    """Whether a figure's unit is money: a sign, or a currency's name ("120 million yuan")."""
    return unit in MONEY_UNITS or singular(unit or "") in CURRENCY_NAMES


# What stands between an amount and its conversion in brackets: its currency's name, an
# opening bracket and a qualifier ("6.4 billion euros (about $7.7 billion)").
_CURRENCY_NAME = (
    r"(?:U\.?S\.?|Canadian|Australian|Hong\s+Kong|New\s+Zealand|euros?|dollars?|pounds?"
    r"|sterling|yen|yuan|rupees?|dlrs)"
)
# "1.6 billion Hong Kong dollars (U.S. dlrs 205 million)"
_CONVERSION_GAP = re.compile(
    rf"\s*(?:{_CURRENCY_NAME}\s*){{0,3}}\(\s*(?:(?:about|some|around|roughly|approximately"
    rf"|nearly|almost|more\s+than|over|US)\s*)?(?:{_CURRENCY_NAME}\s*){{0,2}}$",
    re.IGNORECASE,
)


def _is_conversion(sentence: str, begins: int, unit: str | None, before: list[Figure]) -> bool:
    """Whether an amount of money starting at ``begins`` restates the amount before it in
    another currency, in brackets: "2.8 billion euros ($3.4 billion)", "£5m (€5.8m)"."""
    return (
        is_currency(unit)
        and bool(before)
        and is_currency(before[-1].unit)
        and bool(_CONVERSION_GAP.fullmatch(sentence, before[-1].end, begins))
    )


# A qualifier right before a range's lower end: the range's own ("fly some 300,000 to
# 400,000 miles"), as the figure pattern's qualifier is a single number's.
_QUALIFIER_BEFORE = re.compile(rf"\b(?:{QUALIFIER_PATTERN})\s+$", re.IGNORECASE)


def _measured_from(sentence: str, range_start: int) -> int:
    """Where the words naming what a range measures end: before its qualifier, if any."""
    qualifier = _QUALIFIER_BEFORE.search(sentence, 0, range_start)
    return qualifier.start() if qualifier else range_start


def _range_start(
    sentence: str, at: int, upper: str, upper_unit: str | None
) -> tuple[float, int, str] | None:
    """The lower end of a range ending in the figure at ``at`` (``_RANGE_START``): its
    value (the upper end's scale applied when it has none: "20 and 40 billion"), where
    it starts, and its words up to the upper end ("between 20 and"); None when there is
    no range, the ends do not ascend ("voted 52 to 47" is a tally) or the lower end has
    a unit the upper end (``upper_unit``) has not ("grew by almost 4 percent to 18.5
    million copies": a change and a level)."""
    window = max(0, at - 60)
    found = _RANGE_START.search(sentence[window:at])
    if found is None or ((found.group("joint") or "").lower() == "and") != bool(
        found.group("between")
    ):
        return None
    if found.group("unit") and _normalise_unit(None, found.group("unit")) != upper_unit:
        return None
    if not found.group("between") and _CHANGED_BY.search(sentence, 0, window + found.start()):
        return None
    raw = found.group("number")
    if raw.lower() == "one" and upper[:1].isdigit() and not found.group("between"):
        return None  # a pronoun: "sentenced one to 10 years"; "one to three feet" is a range
    scale = re.search(rf"(?:{_WORD_SCALE})$", upper, re.IGNORECASE)
    if found.group("scale") is None and scale is not None:
        raw = f"{raw} {scale.group()}"  # "between 20 and 40 billion": 20 billion
    number = parse_number(raw)
    upper_number = parse_number(re.sub(r"(?<=\d)[-‑](?=[a-z])", " ", upper))
    if number is None or upper_number is None or not number < upper_number:
        return None
    if found.group("dash") and (not raw[:1].isdigit() or upper_number < DASH_RANGE_MIN):
        return None
    currency = found.group("currency")
    begin = found.start("number")
    if currency and _currency_sign(currency) == currency:
        begin = found.start("currency")  # "$20 to"; the AP's "dlrs 20 to" gets "$" later
    lower_end = found.end("unit") if found.group("unit") else found.end("number")
    return number, window + found.start(), " ".join(found.string[begin:lower_end].split())


# After a number, what makes it elliptical for the thing counted before it: "about 500 in
# Iraq", "200 of them", "300, and". Not "two more weeks" (a new counted thing follows).
_ELLIPSIS = re.compile(r"\s*(?:$|[,;.)]|(?:in|at|inside|with|of\s+them|of\s+those|and|or)\b)")
# "a 7.4-magnitude quake", "magnitude 7.4", "7.4 on the Richter scale", "measuring 7.4".
# Also "a preliminary magnitude of 7.8, but downgraded that to 7.4": a reading revised in
# the sentence that gives a magnitude is a magnitude too.
# A qualifier may stand inside the phrase: "a magnitude of at least 5.9", "measuring at
# least magnitude-5.9" (WCEP: the Iran quake's row "hit southern Iran: at least 5.9").
_MAGNITUDE = re.compile(
    r"(?i)(?:\bmagnitude(?:[- ]|\s+(?:of|was|is|at)\s+)|\bregistered\s+"
    r"|\bmeasur(?:ing|ed)\s+(?:at\s+)?(?:a\s+)?)"
    rf"(?:(?P<qa>(?:{QUALIFIER_PATTERN}))\s+)?(?:(?:a\s+)?magnitude[-\s]+)?(?P<a>\d{{1,2}}\.\d)\b"
    r"|\b(?P<b>\d{1,2}\.\d)(?:[- ]magnitude|\s+on\s+the\s+(?:open-ended\s+)?Richter)"
    # another agency's reading: "put the strength slightly higher at 5.4"
    r"|\bstrength\s+(?:[a-z]+\s+){0,3}?(?:at|of)\s+(?P<c>\d{1,2}\.\d)\b"
)
# The seismologists' notation, "M 3.6", "Mw 7.8": a magnitude in a sentence about a quake,
# or opening one (USGS feeds title each quake "M 3.6 - 15km W of Petrolia, CA").
_MAGNITUDE_SCALE = re.compile(r"\bM[wsL]?\s?(?P<d>\d\.\d)\b(?!\s*(?:million|billion|bn)\b)")
_SEISMIC = re.compile(r"(?i)\b(?:quake|earthquake|tremor|aftershock|richter|seismic)")
# What a magnitude measures, by the word nearest it: a story of one quake reports its
# tremors and aftershocks too, and three rows labelled "magnitude" did not say which.
_SHOCK = re.compile(r"(?i)\b(earthquake|quake|temblor|tremor|aftershock)s?\b")
_SHOCK_NAMES = {"earthquake": "quake", "temblor": "quake"}
_REVISED = re.compile(
    r"(?i)\b(?:downgraded|upgraded|revised)(?:\s+(?:that|it))?\s+to\s+(?P<a>\d{1,2}\.\d)\b"
)
# Before a magnitude, a comparison that makes it a threshold: "more than 10 larger than
# Magnitude 5.0" (Timeline17's Haiti: "aftershock magnitude: 5.5; 5.0" a conflict).
_LARGER_THAN = re.compile(
    r"(?i)\b(?:larger|greater|bigger|stronger|higher)\s+than\s+(?:(?:a\s+)?magnitude[-\s]+)?$"
)
# After a magnitude, what makes it a threshold: "at four degrees or above".
_OR_ABOVE_WORDS = r"\s+or\s+(?:above|more|higher)\b"
# A magnitude in whole numbers, as Xinhua writes it: "measuring 5 on the Richter scale",
# "over four degrees on the Richter scale", "registered at four degrees or above" in a
# sentence about a quake (DUC 2007 D0743J: a row "degrees on the Richter scale: four
# degrees").
_WHOLE_MAGNITUDE = re.compile(
    r"(?i)\b(?P<number>[1-9]|one|two|three|four|five|six|seven|eight|nine)\b"
    rf"(?:(?P<degrees>\s+degrees?)(?={_OR_ABOVE_WORDS})"
    r"|(?:\s+degrees?)?(?=\s+on\s+the\s+(?:open-ended\s+)?Richter\b))"
)
_WHOLE_SEISMIC = re.compile(rf"(?i)\bRichter\b|\bdegrees?{_OR_ABOVE_WORDS}")
_OR_ABOVE = re.compile(rf"(?:\s+degrees?)?{_OR_ABOVE_WORDS}")
# A range of magnitudes, its other end before or after the one the patterns found: "Five
# aftershocks, ranging between 4.3 and 4.6 on the Richter scale" is no "4.6", nor
# "magnitude 4.3 to 4.6" a "4.3".
_MAGNITUDE_LOW = re.compile(r"(?:\bbetween\s+)?\b(?P<low>\d{1,2}\.\d)\s*(?P<joint>and|to|-|–)\s*$")
_MAGNITUDE_HIGH = re.compile(r"\s*(?P<joint>and|to|-|–)\s*(?P<high>\d{1,2}\.\d)\b")


def _magnitudes(sentence: str) -> tuple[list[Figure], list[tuple[int, int]]]:
    """Return the earthquake magnitudes of a sentence (their numbers carry no unit word),
    and the spans of the thresholds among them: "Over 60 aftershocks measuring at least
    4.0", "three aftershocks were measured at over four degrees on the Richter scale",
    "dozens of which registered at four degrees or above" say which shocks a count counts,
    not how strong one was (DUC 2007 D0743J showed "aftershock magnitude: 4.0")."""
    figures: list[Figure] = []
    thresholds: list[tuple[int, int]] = []
    for start, end, low, high, inside in _magnitude_spans(sentence):
        before = _QUALIFIER_BEFORE.search(sentence, max(0, start - 20), start)
        written = inside or (before.group() if before else None)
        qualifier = " ".join(written.lower().split()) if written else None
        bounded = QUALIFIER_CLASSES.get(qualifier or "") == "more than" or bool(
            _LARGER_THAN.search(sentence, max(0, start - 30), start)
        )
        if (bounded or _OR_ABOVE.match(sentence, end)) and _of_shocks(sentence, start, end):
            thresholds.append((start, end))
            continue
        if any(figure.start == start and figure.end == end for figure in figures):
            continue  # "magnitude 4.3 to 4.6 on the Richter scale": found from both ends
        value = f"{low:g} to {high:g}" if low < high else sentence[start:end]
        figures.append(
            Figure(
                text=sentence[start:end],
                value=value,
                number=high,
                qualifier=qualifier,  # "a quake of about 6.1 magnitude"
                unit="magnitude",
                counted=_what_shook(sentence, start, end),
                head="magnitude",
                place=None,
                # A bound keeps its point ("at least 5.9": 5.9 to 5.9): widened to every
                # higher reading, "a quake measuring at least 6.7" (a forecast) read as
                # D0743J's 7.4.
                low=low,
                high=high,
                start=start,
                end=end,
            )
        )
    return figures, thresholds


def _magnitude_spans(sentence: str) -> list[tuple[int, int, float, float, str | None]]:
    """(start, end, low, high, qualifier) of each magnitude the patterns find, a range's
    both ends, the qualifier when the phrase holds one ("a magnitude of at least 5.9")."""
    matches = list(_MAGNITUDE.finditer(sentence))
    matches += [
        m
        for m in _MAGNITUDE_SCALE.finditer(sentence)
        if m.start() == len(sentence) - len(sentence.lstrip()) or _SEISMIC.search(sentence)
    ]
    matches.sort(key=lambda m: m.start())
    if matches:
        matches += list(_REVISED.finditer(sentence, matches[0].end()))
    spans: list[tuple[int, int, float, float, str | None]] = []
    for match in matches:
        group = next(g for g in ("a", "b", "c", "d") if g in match.re.groupindex and match.group(g))
        if group == "c" and not _SEISMIC.search(sentence):
            continue  # "strength at 1.5" of something else than a tremor
        start, end = match.span(group)
        low = high = float(match.group(group))
        below = _MAGNITUDE_LOW.search(sentence, max(0, start - 20), start)
        above = _MAGNITUDE_HIGH.match(sentence, end)
        if below and float(below.group("low")) < high:
            start, low = below.start("low"), float(below.group("low"))
        elif above and float(above.group("high")) > low:
            end, high = above.end("high"), float(above.group("high"))
        # The larger first is no range but two shocks' magnitudes listed: "two strong
        # aftershocks of 5.9 and 5.5 magnitude" (Timeline17's Haiti: the 5.9 had been a
        # bare number, joined to "more than 10 aftershocks").
        for listed, name in ((below, "low"), (above, "high")):
            if listed is None or listed["joint"] != "and":
                continue
            other = float(listed.group(name))
            if (name == "low" and other > high) or (name == "high" and other < low):
                spans.append((listed.start(name), listed.end(name), other, other, None))
        inside = match.group("qa") if "qa" in match.re.groupindex else None
        spans.append((start, end, low, high, inside))
    if _WHOLE_SEISMIC.search(sentence):
        for match in _WHOLE_MAGNITUDE.finditer(sentence):
            start, end = match.span("number")
            if match.group("degrees") is not None and not _SEISMIC.search(sentence):
                continue  # "four degrees or above" of a temperature
            if not any(span[0] <= start < span[1] for span in spans):
                number = parse_number(match.group("number")) or 0.0
                spans.append((start, end, number, number, None))
    return spans


def _nearest_shock(sentence: str, start: int, end: int) -> re.Match[str] | None:
    """The shock word (``_SHOCK``) nearest the magnitude at ``start:end``, if any."""
    shocks = list(_SHOCK.finditer(sentence))
    if not shocks:
        return None
    return min(shocks, key=lambda m: start - m.end() if m.end() <= start else m.start() - end)


def _what_shook(sentence: str, start: int, end: int) -> str:
    """A magnitude's label: "quake magnitude", "tremor magnitude", "aftershock
    magnitude" by the shock named nearest the number, else "magnitude"."""
    nearest = _nearest_shock(sentence, start, end)
    if nearest is None:
        return "magnitude"
    word = nearest.group(1).lower()
    return f"{_SHOCK_NAMES.get(word, word)} magnitude"


def _of_shocks(sentence: str, start: int, end: int) -> bool:
    """Whether the shock nearest a magnitude is many ("aftershocks measuring at least
    4.0"): a bound on it picks the shocks a count counts. One quake's is its magnitude:
    "An earthquake with a magnitude of at least 5.9 hit southern Iran"."""
    nearest = _nearest_shock(sentence, start, end)
    return nearest is not None and nearest.group().lower().endswith("s")


# Verbs that link a measured thing to its value: skipped when reading the thing before.
_LINKING_VERBS = word_set(
    """
    rose fell reached worth totalled totaled cost costs hit stood climbed increased
    decreased dropped jumped grew surged plunged amounted amounts topped exceeded valued
    estimated set raised cut budgeted pegged put spent spend pay paid
    """
)


# An amount with its currency written out: "31.8 million U.S. dollars".
_AMOUNT_IN_WORDS = re.compile(
    rf"(?:{_DIGITS})\s*(?:(?:{SCALE_WORDS})\s+)?" + _CURRENCY_WORDS.pattern, re.IGNORECASE
)


# Words of how widely and of when, not of what a measure measures.
EXTENT_WORDS = word_set("worldwide nationwide globally overall")
_WHEN_OR_HOW_WIDELY = EXTENT_WORDS | word_set(
    "year years month months week weeks day days decade decades"
)
# Another number's words up to the "and" before this one: "25 percent on imported steel and".
_JOINED_AFTER_NUMBER = re.compile(r"\d(?P<words>[^\d]*)\b(?:and|or)\s*$")
# The object pronouns ``_STOP`` lacks, matched as written (lower case: "US" is a country).
_OBJECT_PRONOUNS = frozenset({"him", "us", "me"})


def _subject_before(before: str) -> str | None:
    """Return the thing a unit figure measures from the words before it ("unemployment")."""
    clause = re.split(r"[,;:()\[\]\"“”—–]", before)[-1]
    # Another amount before it is no subject: "31.8 million U.S. dollars and 103.9 million
    # U.S. dollars" (was "million U.S: $103.9 million").
    clause = _AMOUNT_IN_WORDS.sub(" ", clause)
    # The words between another number and "and" are that number's: "tariffs of 25 percent
    # on imported steel and 10 percent on imported aluminum" (not "imported steel: 10%").
    joined = _JOINED_AFTER_NUMBER.search(clause)
    if joined and _naming_words(joined["words"]):
        return None
    words = _naming_words(clause)
    start = max(0, len(words) - 2)
    # A name is not cut: "the two Hong Kong businessmen" (was "Kong businessmen"); its
    # words stand side by side ("Frankfurt's DAX and Paris' CAC40" are two names).
    while (
        start > 0
        and start > len(words) - 4
        and words[start][:1].isupper()
        and words[start - 1][:1].isupper()
        and f"{words[start - 1]} {words[start]}" in clause
    ):
        start -= 1
    return " ".join(words[start:]) if words else None


def _naming_words(clause: str) -> list[str]:
    """The words of ``clause`` that can name what a unit figure measures."""
    return [
        w.rstrip(".")
        for w in _TOKEN.findall(clause)
        if w.lower().rstrip(".") not in _STOP
        and w != "s"  # a possessive written apart: "The company 's shares"
        and w.lower() not in _LINKING_VERBS
        and not w[0].isdigit()
        and not is_unit_word(w)  # "at 55 mph at an altitude of": not "mph altitude"
        and w.lower() not in _SCALES  # "from $100 million to": not "endowment million"
        and w not in _OBJECT_PRONOUNS  # "robbed him of $20": not "robbed him"
        # "deficit for the year 2005 of": not "deficit year"
        and w.lower() not in _WHEN_OR_HOW_WIDELY
    ]


def _find_place(clause: str) -> str | None:
    """Return the first place phrase of a clause with its preposition: "in Iraq"."""
    for match in _PLACE.finditer(clause):
        place = match.group("place").rstrip(".’'")
        if place and not _NOT_PLACES.search(place):
            preposition = match.group().split()[0].lower()
            the = "the " if match.group("place")[0].islower() else ""
            return f"{preposition} {the}{place}"
    return None


# Currency words: they may qualify a counted noun ("euro countries", "dollar bills"), and a
# label of only them names no thing (``facts._names_only_its_unit``: "dlrs: $500").
CURRENCY_NAMES = frozenset({"euro", "dollar", "pound", "yen", "yuan", "rupee"})


def _currency_sign(currency: str | None) -> str | None:
    """The sign of a currency written before an amount: the AP's "dlrs" is "$"."""
    return "$" if currency and currency.lower() == "dlrs" else currency


def _normalise_unit(currency: str | None, unit_word: str | None) -> str | None:
    if currency:
        return currency.replace(".", "")
    if not unit_word:
        return None
    unit = " ".join(unit_word.lower().split())
    area = re.match(r"sq(?:uare)?\.?[\s-]+(k|m)", unit)
    if area:  # "sq. kms", "square-kilometer", "square kilometres": one unit
        return "square km" if area.group(1) == "k" else "square miles"
    if unit in ("per cent", "percent", "%", "percentage point", "percentage points"):
        return "%" if "point" not in unit else "percentage points"
    if unit.startswith("dollar"):
        return "$"
    if unit.startswith("euro"):
        return "€"  # "2.8 billion euros" and "€2.8 billion": one unit ("pounds" may weigh)
    return unit


# Units of one quantity written differently: each to a base unit and its factor, so that
# "almost 12,000 square miles" and "31,000 square kilometers" are compared as one area.
_UNIT_SCALES: dict[str, tuple[str, float]] = {
    **dict.fromkeys(["km", "kilometres", "kilometers", "kilometre", "kilometer"], ("km", 1.0)),
    **dict.fromkeys(["miles", "mile"], ("km", 1.609344)),
    **dict.fromkeys(["metres", "meters", "metre", "meter"], ("km", 0.001)),
    **dict.fromkeys(["feet", "ft", "foot"], ("km", 0.0003048)),
    **dict.fromkeys(["inches", "inch"], ("km", 0.0000254)),
    **dict.fromkeys(["yards", "yard"], ("km", 0.0009144)),
    **dict.fromkeys(["centimetres", "centimeters", "centimetre", "centimeter", "cm"], ("km", 1e-5)),
    **dict.fromkeys(["square miles", "sq miles", "sq. miles"], ("km2", 2.589988)),
    **dict.fromkeys(
        ["square km", "sq km", "sq. km", "square kilometres", "square kilometers", "sq kms"],
        ("km2", 1.0),
    ),
    **dict.fromkeys(["hectares", "hectare"], ("km2", 0.01)),
    **dict.fromkeys(["acres", "acre"], ("km2", 0.004046856)),
    **dict.fromkeys(["kg", "kilograms", "kilogram"], ("t", 0.001)),
    **dict.fromkeys(["tonnes", "tonne", "tons", "ton"], ("t", 1.0)),
    # speeds: "100 miles an hour" is "100 mph"
    **{f"{m} {a} hour": ("km/h", 1.609344) for m in ("miles", "mile") for a in ("an", "per")},
    **{
        f"{k} {a} hour": ("km/h", 1.0)
        for k in ("km", "kilometres", "kilometers", "kilometre", "kilometer")
        for a in ("an", "per")
    },
    "mph": ("km/h", 1.609344),
}
AREA_UNIT = "km2"  # the base unit of areas: an area is one quantity ("area of Kakadu")


def base_unit(unit: str | None) -> str | None:
    """The unit a figure is compared in: kilometres, square kilometres, tonnes, km/h, or its
    own."""
    if unit is None:
        return None
    return _UNIT_SCALES.get(" ".join(unit.lower().split()), (unit, 1.0))[0]


def in_base_unit(figure: Figure) -> Figure:
    """The figure with its number and interval in its ``base_unit`` (for comparing only: a
    brief shows the value as written)."""
    unit = " ".join((figure.unit or "").lower().split())
    base, scale = _UNIT_SCALES.get(unit, (figure.unit, 1.0))
    if scale == 1.0:
        return figure
    return replace(
        figure,
        number=figure.number * scale,
        low=figure.low * scale,
        high=figure.high * scale,
        unit=base,
    )
