"""Whether the claims about one quantity agree, conflict, or update it over days.

* Two claims agree when the intervals they assert overlap ("at least 300" / "more than
  300", "about 500" / "approximately 500", "10 to 12" / "12"). Two plain numbers agree
  only when equal at the coarser one's precision (7.4 / 7.40; not $1.8 billion / $1.7
  billion); a qualified one allows ``relative_tolerance`` around it. "About 500" vs "more
  than 300" overlap as intervals, but one source reports 300 and the others 500, and that
  discrepancy is what a reader must see: both plain numbers must also be within the
  tolerance.
* A count that only grows (the dead, the injured, the arrested: ``ACCUMULATING``) stated
  with different values on different days is an ``update``, shown as a dated series.
* Anything else with incompatible values is a ``conflict``.
"""

from __future__ import annotations

import datetime as dt
import re

from newsbrief.english_stopwords import ENGLISH_STOP_WORDS
from newsbrief.facts.figures import MONEY_UNITS, SCALE_WORDS, Figure, parse_number
from newsbrief.facts.mentions import Mention

# Quantities that only grow while a story unfolds: tolls, arrests, sign-ups, aftershocks.
# General news knowledge, not fitted to any story.
ACCUMULATING = frozenset(
    {
        "dead",
        "injured",
        "missing",
        "arrested",
        "indicted",
        "convicted",
        "homeless",
        "evacuated",
        "displaced",
        "rescued",
        "case",
        "aftershock",
        "attendee",
        "supporter",
        "signature",
        "victim",
        "casualty",
        "survivor",
        "refugee",
    }
)


def _decimals(value: float) -> int:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def _round_to(value: float, decimals: int) -> float:
    return round(value, decimals)


_SCALED = re.compile(
    rf"(?P<whole>\d[\d,]*)(?:\.(?P<decimals>\d+))?\s*(?P<scale>{SCALE_WORDS})\b", re.IGNORECASE
)


def written_step(figure: Figure) -> float:
    """The precision a figure is written to: a unit of its last digit, in its scale ("$13M":
    a million, "$13.3 million": a hundred thousand, "$200M": a hundred million, "7.4": a
    tenth, "500": one; a count's zeros are taken as written)."""
    scaled = _SCALED.search(figure.value)
    if scaled is None:
        return 10.0 ** -_decimals(figure.number)
    scale = parse_number(f"1 {scaled['scale']}") or 1.0
    if scaled["decimals"]:
        return scale * 10.0 ** -len(scaled["decimals"])
    whole = scaled["whole"].replace(",", "")
    return scale * 10.0 ** (len(whole) - len(whole.rstrip("0")))


# Two agencies' readings of one quake differ by tenths ("5.2", "put the strength slightly
# higher at 5.4"); half a point is another tremor ("4.7 for the aftershock").
MAGNITUDE_READING_GAP = 0.25


def competing_readings(a: Figure, b: Figure, tolerance: float) -> bool:
    """Whether two unequal values one article gives are one measure reported two ways: a
    quake's magnitude by two agencies, a claimed amount and its fact-check ("We gave $1.8
    billion" / "The $1.7 billion the United States gave"). Counts are not: one article's
    "20 states" and "19 states" can be two sets (those that sued, those still suing)."""
    if a.unit != b.unit or a.vague or b.vague or a.number == b.number:
        return False
    if a.unit == "magnitude":
        return abs(a.number - b.number) <= MAGNITUDE_READING_GAP
    near = abs(a.number - b.number) <= tolerance * max(a.number, b.number)
    return a.unit in MONEY_UNITS and near


def is_range(figure: Figure) -> bool:
    """Whether a figure is a range ("10 to 12", ``figures.find_figures``): unqualified,
    precise, and still spanning an interval."""
    return figure.qualifier is None and not figure.vague and figure.low < figure.high


def compatible(a: Figure, b: Figure, tolerance: float) -> bool:
    """Return whether two figures can state the same quantity (see the module docstring)."""
    overlap = a.low <= b.high and b.low <= a.high
    if a.vague or b.vague or (is_range(a) and is_range(b)):
        return overlap
    if is_range(a) or is_range(b):
        # "10 to 12" states its span: a number inside it ("12", "about 11") is the same
        # claim; a bound reaching into it from afar ("at least 300") is not.
        span, other = (a, b) if is_range(a) else (b, a)
        # A magnitude is written to a tenth (below): "between 4.3 and 4.6" holds no 4.7.
        slack = 0.0 if span.unit == "magnitude" else tolerance
        return span.low * (1 - slack) <= other.number <= span.high * (1 + slack)
    close = abs(a.number - b.number) <= tolerance * max(a.number, b.number, 1e-9)
    if a.qualifier is None and b.qualifier is None:
        if a.unit == "magnitude":  # "5.0" is written to a tenth: not 4.6 or 5.4 rounded
            coarser = max(min(_decimals(a.number), _decimals(b.number)), 1)
            return _round_to(a.number, coarser) == _round_to(b.number, coarser)
        # A rounded amount ("$200M" in a headline, "$205 million" in the text) is the same
        # amount within the tolerance; two plain counts must be equal.
        step = max(written_step(a), written_step(b))
        return round(a.number / step) == round(b.number / step) and close
    return overlap and close


def components(figures: list[Figure], tolerance: float) -> list[list[int]]:
    """Return groups of indices whose figures are transitively compatible.

    A vague figure ("thousands of") would chain 2,400 to 10,000: it joins the first group
    it is compatible with instead of linking groups.
    """
    exact = [i for i, f in enumerate(figures) if not f.vague]
    if not exact or len(exact) == len(figures):
        return _linked(figures, tolerance)
    groups = [[exact[i] for i in g] for g in _linked([figures[i] for i in exact], tolerance)]
    for i, figure in enumerate(figures):
        if figure.vague:
            home = next((g for g in groups if compatible(figure, figures[g[0]], tolerance)), None)
            if home is None:
                groups.append([i])
            else:
                home.append(i)
    return groups


def _linked(figures: list[Figure], tolerance: float) -> list[list[int]]:
    from newsbrief.cluster.linkage import UnionFind

    linked = UnionFind(range(len(figures)))
    for i in range(len(figures)):
        for j in range(i + 1, len(figures)):
            if compatible(figures[i], figures[j], tolerance):
                linked.union(i, j)
    return linked.groups()


def changes_over_days(dated: list[tuple[dt.date | None, float]]) -> bool:
    """Return whether a count was stated with different values on two or more days.

    A count that only grows (``ACCUMULATING``) is comparable only at one time: its values
    of different days are an update, not a conflict, even when a later report gives a
    lower one (a toll revised, a part-count). Each day counts with its largest value.
    """
    by_day: dict[dt.date, float] = {}
    for day, number in dated:
        if day is not None:
            by_day[day] = max(number, by_day.get(day, number))
    return len(set(by_day.values())) >= 2


_PLAIN_WORD = re.compile(r"[a-z]{4,}")
_AMOUNT_WORDS = frozenset({"million", "billion", "trillion", "thousand", "dollars", "that", "this"})
# How many words either side of an amount say what it is: a correction restates them.
_NEAR_WORDS = 5


def join_competing_amounts(
    by_key: dict[tuple[object, ...], list[Mention]], tolerance: float
) -> None:
    """One article's near, unequal amounts of money in sentences that say the same beside
    them ("We gave $1.8 billion in cash" / "The $1.7 billion the United States gave to
    Iran") are a claim and its correction: one quantity, whatever each sentence calls it.
    Words elsewhere in the sentences are no sign: "an average family would see a $1,600
    tax cut" and "matching government tax credits, up to $1,500", two plans in one report,
    share only "campaign" and "would"."""
    keys = [k for k, group in by_key.items() if group[0].figure.unit in MONEY_UNITS]
    for i, first in enumerate(keys):
        for second in keys[i + 1 :]:
            if first not in by_key or second not in by_key:
                continue
            if any(
                a.article_id == b.article_id
                and a.quote != b.quote  # one sentence's two amounts are two things
                and a.background == b.background
                and competing_readings(a.figure, b.figure, tolerance)
                and words_near(a) & words_near(b)
                for a in by_key[first]
                for b in by_key[second]
            ):
                by_key[first].extend(by_key.pop(second))


def words_near(mention: Mention) -> set[str]:
    """The content words within ``_NEAR_WORDS`` words of a mention's amount."""
    quote, figure = mention.quote, mention.figure
    before = quote[: figure.start].split()[-_NEAR_WORDS:]
    after = quote[figure.end :].split()[:_NEAR_WORDS]
    words = set(_PLAIN_WORD.findall(" ".join(before + after).lower()))
    return words - _AMOUNT_WORDS - ENGLISH_STOP_WORDS
