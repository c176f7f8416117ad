"""How much a reader needs a figure: a logistic model on a few general features.

``figure_features`` describes one quantity (its mentions across the event's articles) by
where it is said (a title, a lead), how many independent reports say it, whether the
story's reports name what it counts, what it counts (casualties, a magnitude, a span of
time, a part of the report), how well it is labelled (a place, a named counted thing) and
whether its sources disagree.
``importance`` is the model's log-odds that an editor shows the figure: the sum of each
feature times its weight, plus ``BIAS``.

The weights are a logistic regression fitted by ``bench/facts.py`` on the 14 gold
briefs' candidate figures (label: the figure matches an editor's figure), L2-regularised;
the held-out figure of leave-one-story-out cross-validation is reported beside the dev one
in bench/results/facts.md and docs/facts.md. Features are binary or on a log scale so each
weight reads as "log-odds added by this property".
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from newsbrief.facts.agreement import ACCUMULATING
from newsbrief.facts.figures import singular
from newsbrief.facts.mentions import Mention
from newsbrief.model import Event

__all__ = [
    "BIAS",
    "FEATURES",
    "WEIGHTS",
    "figure_features",
    "importance",
    "report_vocabulary",
    "topical_share",
]

# Counted things that are spans of time: generic, never one quantity across sources
# (false conflicts on ECB+ events: "four days" vs "90 days" of different things).
DURATION_HEADS = frozenset(
    {
        "second",
        "minute",
        "hour",
        "day",
        "night",
        "week",
        "weekend",
        "month",
        "year",
        "decade",
        "century",
        "time",
        "season",
        "term",
        "age",
        "percent",
    }
)
# Counts of a report's own parts, not of the event (the gold schema's "not page counts").
REPORT_HEADS = frozenset({"page", "word", "chapter", "paragraph", "photo", "video", "episode"})
FEATURES: tuple[str, ...] = (
    "reports",  # log2(1 + independent reports stating it)
    "lead",  # stated in a title or the first two sentences of an article
    "topical",  # share of the event's reports that use its counted noun anywhere
    "casualties",  # dead, injured, missing, arrested, evacuated, ...
    "magnitude",
    "place",  # its label says where
    "unnamed",  # nothing names what it counts (a bare "$45", "three")
    "span",  # a span of time or a part of the report ("three days", "15 pages")
    "vague",  # only ever "hundreds of", "dozens"
    "small",  # under three (mostly "two sides", "both")
    "disputed",  # its sources disagree (a conflict) or it changed (an update)
)
# Fitted by ``bench/facts.py`` (logistic regression, C=0.1, the 14 dev stories' candidates
# as clustered). Tried and left out, as they lowered the held-out figure (docs/facts.md):
# counts of people, money, percentages, an action in the label, a title apart from the
# lead, the share of reports, distances, aftershocks (a magnitude a point under the main
# shock: weight 0.03, and editors list the 31 August 1999 tremor) as features of their own.
WEIGHTS: dict[str, float] = {
    "reports": 0.64,
    "lead": 0.28,
    "topical": 0.43,
    "casualties": 0.58,
    "magnitude": 0.27,
    "place": 0.39,
    "unnamed": -0.33,
    "span": -0.88,
    "vague": -0.67,
    "small": -0.75,
    "disputed": 0.41,
}
BIAS = -2.11


def figure_features(
    mentions: Sequence[Mention],
    independent: int,
    agreement: str,
    topical: float,
) -> tuple[float, ...]:
    """Return the features of one quantity, in the order of ``FEATURES``.

    Args:
        mentions: every statement of the quantity, in every article.
        independent: how many independent reports (copies folded) state it.
        agreement: the fact's agreement ("single", "agree", "update", "conflict").
        topical: the share of the event's reports that use its counted noun (what the
            story is about is named in most of its reports).
    """
    figure = mentions[0].figure
    head = figure.head or ""
    unit = figure.unit
    values = {
        "reports": math.log2(1 + independent),
        "lead": any(m.lead for m in mentions),
        "topical": topical,
        "casualties": head in ACCUMULATING,
        "magnitude": unit == "magnitude",
        "place": any(m.figure.place for m in mentions),
        "unnamed": not any(m.figure.counted for m in mentions)
        and head not in ACCUMULATING
        and unit != "magnitude",
        "span": head in DURATION_HEADS or head in REPORT_HEADS,
        "vague": all(m.figure.vague for m in mentions),
        "small": max(m.figure.number for m in mentions) < 3,
        "disputed": agreement in ("conflict", "update"),
    }
    return tuple(float(values[name]) for name in FEATURES)


def importance(
    features: Sequence[float],
    weights: dict[str, float] | None = None,
    bias: float | None = None,
) -> float:
    """The log-odds that an editor shows a figure with these features."""
    weights = WEIGHTS if weights is None else weights
    bias = BIAS if bias is None else bias
    return bias + sum(weights[name] * value for name, value in zip(FEATURES, features, strict=True))


_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")


def report_vocabulary(event: Event) -> dict[str, set[str]]:
    """Each word (singular, lower-case) of the event's articles with the reports using it."""
    vocabulary: dict[str, set[str]] = defaultdict(set)
    for article in event.articles:
        for word in set(_WORD.findall(f"{article.title or ''} {article.text}")):
            vocabulary[singular(word)].add(article.copy_of or article.id)
    return vocabulary


def topical_share(mentions: list[Mention], vocabulary: dict[str, set[str]], reports: int) -> float:
    """The share of reports that use the quantity's counted noun (its most used one)."""
    nouns = Counter(
        singular(words[-1]) for m in mentions if (words := _WORD.findall(m.figure.counted or ""))
    )
    if not nouns:
        return 0.0
    noun = nouns.most_common(1)[0][0]
    return len(vocabulary.get(noun, ())) / max(reports, 1)
