"""ROUGE-1, ROUGE-2 and ROUGE-SU4 exactly as ROUGE-1.5.5.pl computes them, without Perl.

Reproduces the DUC 2006/2007 settings ``-n 2 -x -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0``
(optionally ``-l N``), following the Perl script line by line:

1. Read: lowercase; with ``-l N`` keep the first N whitespace-separated words of the peer AND
   of every model (the script truncates both).
2. Tokenise: every character other than ``[A-Za-z0-9]`` becomes a space (hyphens too).
3. Stem (``-m``): tokens longer than 3 characters are looked up in the WordNet 2.0 exception
   list (``said`` -> ``say``) and otherwise stemmed with the script's own Perl Porter stemmer
   (Martin Porter's "Release 1" plus Chin-Yew Lin's ``-ement`` change). Stopwords are kept.
4. Count n-grams; skip-bigrams with at most 4 words between, plus unigrams (``-u``). Like the
   script, SU4 leaves out the unigram of the last token.
5. Model average (``-f A``): clipped hits and gram counts are summed over the models; recall =
   hits / model grams, precision = hits / (peer grams x models), F with alpha 0.5; each rounded
   to 5 decimals as the script does (``sprintf "%7.5f"``).
6. Jackknifing as NIST ran it (``rougejk.in``): with k references, k evaluations of k-1 models
   each; a system is scored in all k and averaged, a human peer only in the one that leaves
   out its own reference.

7. Average (``-r 1000 -c 95``): the script reports the mean of 1000 bootstrap resamples, not the
   plain mean, drawing with Perl's ``srand(i)``/``rand`` (drand48). ``bootstrap_average``
   replays that generator, so averages match the official output digit for digit when the
   evaluations are in the script's order (sorted evaluation ids).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from statistics import fmean

import numpy as np

METRICS = ("rouge-1", "rouge-2", "rouge-su4")
ALPHA = 0.5  # -p 0.5: recall and precision weigh the same in F
SKIP_DISTANCE = 4  # -2 4: at most 4 words between the two words of a skip-bigram

_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class RougeScore:
    """Recall, precision and F of one metric, each rounded as ROUGE-1.5.5 prints it."""

    recall: float
    precision: float
    f: float


@dataclass(frozen=True)
class RougeSettings:
    """The ROUGE-1.5.5 options that change ROUGE-1/2/SU scores (defaults: the DUC runs).

    ``-n``, ``-x``, ``-c``, ``-r``, ``-f A``, ``-t 0``, ``-d`` and ``-a`` are implied or do not
    change these figures; ``-u`` (unigrams in SU) is always on.
    """

    stem: bool = True  # -m
    remove_stopwords: bool = False  # -s (SMART common words)
    length_limit_words: int | None = None  # -l
    length_limit_bytes: int | None = None  # -b
    skip_distance: int = SKIP_DISTANCE  # -2
    alpha: float = ALPHA  # -p

    @classmethod
    def parse(cls, options: str) -> RougeSettings:
        """Return the settings of a ROUGE-1.5.5 option string such as ``-n 2 -m -2 4 -u -l 100``."""
        words = options.split()

        def value(flag: str) -> str | None:
            return words[words.index(flag) + 1] if flag in words[:-1] else None

        limit_words, limit_bytes = value("-l"), value("-b")
        return cls(
            stem="-m" in words,
            remove_stopwords="-s" in words,
            length_limit_words=int(limit_words) if limit_words else None,
            length_limit_bytes=int(limit_bytes) if limit_bytes else None,
            skip_distance=int(value("-2") or SKIP_DISTANCE),
            alpha=float(value("-p") or ALPHA),
        )

    @property
    def has_length_limit(self) -> bool:
        return bool(self.length_limit_words or self.length_limit_bytes)


DUC_SETTINGS = RougeSettings()


# --- Porter stemmer of ROUGE-1.5.5.pl --------------------------------------------------------
# Translated regex by regex from the script; Python's ``re`` matches these patterns as Perl does.

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
    "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize",
    "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful",
    "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble", "logi": "log",
}  # fmt: skip
_STEP3 = {
    "icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": "",
}  # fmt: skip
_c = "[^aeiou]"  # consonant
_v = "[aeiouy]"  # vowel
_C = f"{_c}[^aeiouy]*"  # consonant sequence
_V = f"{_v}[aeiou]*"  # vowel sequence
_MGR0 = re.compile(f"^({_C})?{_V}{_C}")  # [C]VC... is m>0
_MEQ1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")  # [C]VC[V] is m=1
_MGR1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")  # [C]VCVC... is m>1
_VOWEL_IN_STEM = re.compile(f"^({_C})?{_v}")
_CVC = re.compile(f"^{_C}{_v}[^aeiouwxy]$")
_STEP2_SUFFIX = re.compile("(" + "|".join(_STEP2) + ")$")
_STEP3_SUFFIX = re.compile("(" + "|".join(_STEP3) + ")$")
_STEP4_SUFFIX = re.compile("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")


def porter_stem(word: str) -> str:
    """Return ROUGE-1.5.5's Porter stem of a lowercase word (``stem`` in the Perl script)."""
    if len(word) < 3:
        return word
    initial_y = word[0] == "y"
    w = "Y" + word[1:] if initial_y else word  # initial y is never a vowel
    # Step 1a
    if (m := re.search("(ss|i)es$", w)) or (m := re.search("([^s])s$", w)):
        w = w[: m.start()] + m.group(1)
    # Step 1b
    if m := re.search("eed$", w):
        if _MGR0.search(w[: m.start()]):
            w = w[:-1]
    elif m := re.search("(ed|ing)$", w):
        stem = w[: m.start()]
        if _VOWEL_IN_STEM.search(stem):
            w = stem
            if re.search("(at|bl|iz)$", w):
                w += "e"
            elif re.search(r"([^aeiouylsz])\1$", w):
                w = w[:-1]
            elif _CVC.search(w):
                w += "e"
    # Step 1c
    if (m := re.search("y$", w)) and _VOWEL_IN_STEM.search(w[: m.start()]):
        w = w[: m.start()] + "i"
    # Step 2
    if (m := _STEP2_SUFFIX.search(w)) and _MGR0.search(w[: m.start()]):
        w = w[: m.start()] + _STEP2[m.group(1)]
    # Step 3
    if (m := _STEP3_SUFFIX.search(w)) and _MGR0.search(w[: m.start()]):
        w = w[: m.start()] + _STEP3[m.group(1)]
    # Step 4, with CYL's 2004 change: -ement words do not try -ment and -ent first.
    if (m := _STEP4_SUFFIX.search(w)) and _MGR1.search(w[: m.start()]):
        w = w[: m.start()]
    if (m := re.search("ment$", w)) and _MGR1.search(w[: m.start()]):
        w = w[: m.start()]
    if m := re.search("ent$", w):
        if _MGR1.search(w[: m.start()]):
            w = w[: m.start()]
    elif (m := re.search("(s|t)(ion)$", w)) and _MGR1.search(w[: m.start()] + m.group(1)):
        w = w[: m.start()] + m.group(1)
    # Step 5
    if m := re.search("e$", w):
        stem = w[: m.start()]
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _CVC.search(stem)):
            w = stem
    if re.search("ll$", w) and _MGR1.search(w):
        w = w[:-1]
    return "y" + w[1:] if initial_y else w


@cache
def _wordnet_exceptions() -> dict[str, str]:
    text = resources.files(__package__).joinpath("rouge_wordnet_exceptions.txt").read_text("utf-8")
    pairs = (line.split("|", 1) for line in text.splitlines() if line and not line.startswith("#"))
    return {inflected: base for inflected, base in pairs}


@lru_cache(maxsize=200_000)
def stem_token(token: str) -> str:
    """Return the token as ROUGE's ``-m`` sees it: WordNet exception, else Porter, if > 3 chars."""
    if len(token) <= 3:
        return token
    return _wordnet_exceptions().get(token) or porter_stem(token)


# --- reading and counting -------------------------------------------------------------------


def truncate_words(text: str, length_limit_words: int | None) -> str:
    """Return the first ``length_limit_words`` whitespace-separated words (ROUGE's ``-l``)."""
    if not length_limit_words:
        return text
    words = text.split()
    return " ".join(words[:length_limit_words]) if len(words) > length_limit_words else text


def truncate_bytes(text: str, length_limit_bytes: int | None) -> str:
    """Return the first ``length_limit_bytes`` bytes of the UTF-8 text (ROUGE's ``-b``)."""
    if not length_limit_bytes:
        return text
    return text.encode("utf-8")[:length_limit_bytes].decode("utf-8", errors="ignore")


def rouge_tokens(
    text: str, length_limit_words: int | None = None, settings: RougeSettings = DUC_SETTINGS
) -> tuple[str, ...]:
    """Return the tokens ROUGE-1.5.5 counts for ``text`` (DUC settings: stemmed, stopwords kept).

    ``length_limit_words`` overrides the settings' ``-l``.
    """
    text = text.lower()
    text = truncate_words(text, length_limit_words or settings.length_limit_words)
    text = truncate_bytes(text, settings.length_limit_bytes)
    tokens = _NOT_ALPHANUMERIC.sub(" ", text).split()
    if settings.remove_stopwords:
        stopwords = _smart_stopwords()
        tokens = [token for token in tokens if token not in stopwords]
    return tuple(stem_token(token) for token in tokens) if settings.stem else tuple(tokens)


@cache
def _smart_stopwords() -> frozenset[str]:
    from newsbrief.smart_stopwords import SMART_STOPWORDS

    return SMART_STOPWORDS


def ngram_counts(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """Return the n-grams of ``tokens`` with their counts."""
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def skip_bigram_counts(
    tokens: Sequence[str], skip_distance: int = SKIP_DISTANCE
) -> Counter[tuple[str, ...]]:
    """Return ROUGE-SU skip-bigrams (at most ``skip_distance`` words apart) plus unigrams.

    As in ``createSkipBigram`` of the script, the last token adds no unigram.
    """
    grams: Counter[tuple[str, ...]] = Counter()
    last = len(tokens) - 1
    for i in range(last):
        grams[(tokens[i],)] += 1
        for j in range(i + 1, min(last, i + skip_distance + 1) + 1):
            grams[(tokens[i], tokens[j])] += 1
    return grams


@dataclass(frozen=True)
class RougeText:
    """The gram counts of one summary, computed once and compared with many."""

    grams: dict[str, Counter[tuple[str, ...]]]
    totals: dict[str, int]

    @classmethod
    def of(
        cls,
        text: str,
        length_limit_words: int | None = None,
        settings: RougeSettings = DUC_SETTINGS,
    ) -> RougeText:
        tokens = rouge_tokens(text, length_limit_words, settings)
        grams = {
            "rouge-1": ngram_counts(tokens, 1),
            "rouge-2": ngram_counts(tokens, 2),
            "rouge-su4": skip_bigram_counts(tokens, settings.skip_distance),
        }
        return cls(grams, {metric: sum(counts.values()) for metric, counts in grams.items()})


def _round5(value: float) -> float:
    return float(f"{value:.5f}")


def score_against(
    peer: RougeText, models: Sequence[RougeText], alpha: float = ALPHA
) -> dict[str, RougeScore]:
    """Return the scores of ``peer`` against ``models`` in one evaluation (``-f A``)."""
    scores: dict[str, RougeScore] = {}
    for metric in METRICS:
        peer_grams = peer.grams[metric]
        hits = model_total = peer_total = 0
        for model in models:
            model_grams = model.grams[metric]
            small, large = (
                (peer_grams, model_grams)
                if len(peer_grams) < len(model_grams)
                else (model_grams, peer_grams)
            )
            hits += sum(min(count, large[gram]) for gram, count in small.items() if gram in large)
            model_total += model.totals[metric]
            peer_total += peer.totals[metric]
        recall = _round5(hits / model_total) if model_total else 0.0
        precision = _round5(hits / peer_total) if peer_total else 0.0
        denominator = (1 - alpha) * precision + alpha * recall
        f = _round5(precision * recall / denominator) if denominator > 0 else 0.0
        scores[metric] = RougeScore(recall, precision, f)
    return scores


def jackknife_evaluations(
    peer: RougeText,
    references: Sequence[RougeText],
    own_reference: int | None = None,
    *,
    jackknife: bool = True,
    alpha: float = ALPHA,
) -> list[dict[str, RougeScore]]:
    """Return the per-evaluation scores NIST's jackknifing gives ``peer``.

    With k >= 2 references there are k evaluations, each leaving one reference out. A peer
    that wrote reference ``own_reference`` (a human) is scored only in the evaluation that
    leaves its own out; any other peer in all k. With one reference, or ``jackknife=False``,
    there is one evaluation against all references (but a human's own).
    """
    if not jackknife or len(references) == 1:
        models = [ref for i, ref in enumerate(references) if i != own_reference]
        return [score_against(peer, models, alpha)] if models else []
    left_out = range(len(references)) if own_reference is None else [own_reference]
    return [
        score_against(peer, [ref for i, ref in enumerate(references) if i != skip], alpha)
        for skip in left_out
    ]


def mean_scores(evaluations: Sequence[dict[str, RougeScore]]) -> dict[str, RougeScore]:
    """Return the average of per-evaluation scores, metric by metric (0 when there are none)."""
    if not evaluations:
        return {metric: RougeScore(0.0, 0.0, 0.0) for metric in METRICS}
    return {
        metric: RougeScore(
            fmean(e[metric].recall for e in evaluations),
            fmean(e[metric].precision for e in evaluations),
            fmean(e[metric].f for e in evaluations),
        )
        for metric in METRICS
    }


def rouge_prf(
    summary: str,
    references: Sequence[str],
    *,
    length_limit_words: int | None = None,
    jackknife: bool = True,
    own_reference: int | None = None,
    settings: RougeSettings = DUC_SETTINGS,
) -> dict[str, RougeScore]:
    """Return ROUGE-1/2/SU4 recall, precision and F of ``summary`` against ``references``.

    Args:
        summary: the peer summary, plain text.
        references: the model summaries.
        length_limit_words: ROUGE's ``-l``: peer and references cut to this many words.
        jackknife: average over the leave-one-out subsets of the references (NIST's way).
        own_reference: index of the reference written by this peer (human peers).
        settings: other ROUGE options (default: the DUC 2006/2007 runs).
    """
    peer = RougeText.of(summary, length_limit_words, settings)
    models = [RougeText.of(reference, length_limit_words, settings) for reference in references]
    return mean_scores(
        jackknife_evaluations(
            peer, models, own_reference, jackknife=jackknife, alpha=settings.alpha
        )
    )


def rouge_scores(
    summary: str,
    references: Sequence[str],
    *,
    length_limit_words: int | None = None,
    jackknife: bool = True,
    own_reference: int | None = None,
    settings: RougeSettings = DUC_SETTINGS,
) -> dict[str, float]:
    """Return the recall of ROUGE-1, ROUGE-2 and ROUGE-SU4 (keys ``rouge-1``, ``rouge-2``...)."""
    scores = rouge_prf(
        summary,
        references,
        length_limit_words=length_limit_words,
        jackknife=jackknife,
        own_reference=own_reference,
        settings=settings,
    )
    return {metric: score.recall for metric, score in scores.items()}


# --- corpus average: ROUGE's bootstrap, with Perl's random numbers -------------------------

_DRAND48_A = np.uint64(0x5DEECE66D)
_DRAND48_C = np.uint64(0xB)
_DRAND48_MASK = np.uint64((1 << 48) - 1)


@dataclass(frozen=True)
class BootstrapAverage:
    """ROUGE-1.5.5's reported average and confidence interval of per-evaluation scores."""

    mean: float
    ci_low: float
    ci_high: float


def bootstrap_average(
    values: Sequence[float], resamples: int = 1000, confidence: float = 95
) -> BootstrapAverage:
    """Return the average ROUGE-1.5.5 prints for these per-evaluation scores (``-r``, ``-c``).

    Resample i seeds Perl's generator with ``srand(i)`` (drand48: state = seed << 16 | 0x330E,
    x' = 0x5DEECE66D x + 0xB mod 2**48) and draws ``len(values)`` indexes; the average is
    the mean of the resample means, the interval interpolates the sorted means as the script
    does. Values must be in the script's order (evaluation ids sorted as strings).
    """
    n = len(values)
    if n == 0:
        return BootstrapAverage(0.0, 0.0, 0.0)
    scores = np.asarray(values, dtype=np.float64)
    state = (np.arange(resamples, dtype=np.uint64) << np.uint64(16)) | np.uint64(0x330E)
    totals = np.zeros(resamples)
    for _ in range(n):
        state = (state * _DRAND48_A + _DRAND48_C) & _DRAND48_MASK
        totals += scores[(state.astype(np.float64) / 2.0**48 * n).astype(np.int64)]
    means = np.sort(totals / n)
    delta = resamples * (100 - confidence) / 2 / 100
    upper_index = int(resamples - delta - 1)
    lower_index = int(delta)
    ratio = resamples - delta - 1 - upper_index

    def interpolate(index: int) -> float:
        following = means[min(index + 1, resamples - 1)]
        return _round5(float(means[index] + (following - means[index]) * ratio))

    return BootstrapAverage(
        _round5(float(means.mean())), interpolate(lower_index), interpolate(upper_index)
    )
