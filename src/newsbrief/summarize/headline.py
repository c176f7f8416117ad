"""A one-line headline in the style of the Wikipedia Current Events Portal.

"Canada temporarily moves some of its troops from Iraq to Kuwait ...": present tense, who
did what where, no quotes, no attribution. The headline is an extract, lightly
compressed so it stays faithful:

1. choose the opening sentence (first three readable sentences of an article) that
   covers the most concept weight per word, not itself a quotation (quotation marks
   inside it are dropped);
2. drop a trailing attribution (", Vance said Tuesday.", ", according to officials."), a
   leading one ("Vance says the military ..." when the rest stands alone) and a trailing
   parenthesis;
3. put the lead verb group in the present tense when it is one of a few unambiguous
   forms: "is relocating" -> "relocates", "has indicated" -> "indicates", "was killed" ->
   "is killed", and a simple past right after the subject ("Canada moved" -> "Canada
   moves"); anything else is left as written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from newsbrief.summarize.candidates import Candidate
from newsbrief.summarize.concepts import Concept, sentence_concepts

# How many readable sentences at the top of each article may become the headline.
OPENING_SENTENCES = 3
# A headline shorter than this says too little ("Troops move.").
MIN_HEADLINE_WORDS = 6
# The lead verb group is looked for in the first words only (after the subject).
LEAD_VERB_WINDOW = 12

_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
_SPEECH = (
    r"(?:said|says|told\s[\w\s.]{1,30}?|announced|reported|wrote|added|confirmed|stated"
    r"|recommended|urged|warned|argued|insisted|noted|explained|predicted|estimated|declared)"
)
_TRAILING_ATTRIBUTION = re.compile(
    r",\s+(?:according\sto\s[^,]{2,80}"
    r"|(?:[^,]{2,80}?\s)?"
    + _SPEECH
    + r"(?:\s(?:on\s|late\s|early\s|last\s)?"
    + _DAYS
    + r")?(?:\s(?:in\s)?(?:a\s)?(?:statement|letter|interview))?"
    r"|(?:said|says)\s[^,]{2,80})\s*([.!?])$"
)
# "Gen. Vance says the Canadian military is ..." -> "The Canadian military is ...", only
# when what follows can stand alone (no pronoun that needs the speaker).
_LEADING_ATTRIBUTION = re.compile(
    r"^[A-Z][^,\"“”]{2,80}?\s(?:says|said|announced|confirmed|reported)\s(?:that\s)?"
    r"(?=(?:the\s|an?\s|The\s|An?\s|[A-Z][a-z]+\s[A-Z]|[A-Z]{2,}))"
)
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^()]*\)\s*([.!?])$")
_QUOTES = re.compile(r"[\"“”‘’«»]")
_DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"]
)
_PLURAL_SUBJECTS = frozenset(
    ["they", "we", "you", "i", "police", "people", "authorities", "officials"]
)
_AUXILIARIES = frozenset(["is", "are", "was", "were", "has", "have", "had"])
_MODALS = frozenset(["will", "would", "could", "can", "may", "might", "shall", "should", "must"])


def choose_headline(
    candidates: Sequence[Candidate],
    concepts: Sequence[set[Concept]],
    weights: dict[Concept, float],
    max_words: int,
) -> str:
    """Return the headline made from the best opening sentence, or "" if none fits.

    With a single article there is no agreement to measure: its first sentence that fits
    (the lead, in news style) is the headline.
    """
    single_article = len({candidate.article_index for candidate in candidates}) == 1
    opening: dict[int, int] = {}
    scored: list[tuple[float, int, str]] = []
    for index, candidate in enumerate(candidates):
        rank = opening.get(candidate.article_index, 0)
        opening[candidate.article_index] = rank + 1
        if rank >= OPENING_SENTENCES or _QUOTES.match(candidate.text):
            continue
        text = compress_headline(candidate.text)
        words = len(text.split())
        if not MIN_HEADLINE_WORDS <= words <= max_words:
            continue
        if single_article:
            return text
        covered = concepts[index] or sentence_concepts(candidate.stems) & weights.keys()
        value = sum(weights[c] for c in covered) / words**0.5
        scored.append((value, -index, text))
    if not scored:
        return ""
    return max(scored)[2]


def compress_headline(sentence: str) -> str:
    """Return ``sentence`` without attribution or quotes, lead verb in the present tense."""
    text = _QUOTES.sub("", sentence).strip()
    text = _TRAILING_ATTRIBUTION.sub(r"\1", text)
    text = _LEADING_ATTRIBUTION.sub("", text)
    text = _TRAILING_PARENTHESIS.sub(r"\1", text)
    text = " ".join(text.split())
    text = present_tense(text)
    if text and text[-1] not in ".!?":
        text += "."
    return text[:1].upper() + text[1:]


def present_tense(text: str) -> str:
    """Return ``text`` with its lead verb group in the present tense, when unambiguous."""
    words = text.split(" ")
    window = [word.lower() for word in words[:LEAD_VERB_WINDOW]]
    for i, bare in enumerate(window):
        if bare.endswith(",") or bare in _MODALS:
            break  # a clause boundary or a modal: leave the sentence as written
        if bare in _AUXILIARIES and i > 0:
            return _rewrite_auxiliary(words, i)
        if i > 0 and _is_simple_past(words[i]) and window[i - 1] not in _DETERMINERS:
            if _AUXILIARIES & set(window[i + 1 :]):
                break  # "The troops stationed in Iraq were moved": a participle
            present = _inflect(words[i], "VBP" if _plural_subject(words[:i]) else "VBZ")
            if present:
                words[i] = present
            return " ".join(words)
    return text


def _rewrite_auxiliary(words: list[str], i: int) -> str:
    auxiliary = words[i].lower()
    plural = auxiliary in {"are", "were", "have"}
    j = i + 1
    while j < len(words) and words[j].lower().endswith("ly") and j < i + 3:
        j += 1  # adverbs between auxiliary and verb: "is temporarily relocating"
    if j >= len(words):
        return " ".join(words)
    verb = words[j]
    tags = _tags(verb)
    if auxiliary in {"is", "are"} and "VBG" in tags:
        present = _inflect(verb, "VBP" if plural else "VBZ")
        if present:
            return " ".join([*words[:i], *words[i + 1 : j], present, *words[j + 1 :]])
    if auxiliary in {"has", "have"} and _past_participle(tags) and verb.lower() != "been":
        present = _inflect(verb, "VBP" if plural else "VBZ")
        if present:
            return " ".join([*words[:i], *words[i + 1 : j], present, *words[j + 1 :]])
    if auxiliary in {"was", "were"} and _past_participle(tags):
        words = [*words[:i], "are" if plural else "is", *words[i + 1 :]]
    return " ".join(words)


def _is_simple_past(word: str) -> bool:
    return word.isalpha() and word.islower() and "VBD" in _tags(word) and word != "said"


def _past_participle(tags: set[str]) -> bool:
    # lemminflect lists no VBN for regular verbs, whose participle equals the past.
    return "VBN" in tags or "VBD" in tags


def _plural_subject(subject: list[str]) -> bool:
    head = subject[-1].strip(",")
    if head.lower() in _PLURAL_SUBJECTS or "and" in (w.lower() for w in subject):
        return True
    return head.islower() and head.endswith("s") and not head.endswith("ss")


def _tags(word: str) -> set[str]:
    """Return the verb tags (VBD, VBN, VBG...) that ``word`` can have."""
    lemmas = _lemminflect().getAllLemmas(word.lower()).get("VERB", ())
    tags: set[str] = set()
    for lemma in lemmas:
        for tag, forms in _lemminflect().getAllInflections(lemma, upos="VERB").items():
            if word.lower() in forms:
                tags.add(tag)
    return tags


def _inflect(word: str, tag: str) -> str | None:
    """Return ``word``'s verb in the form ``tag`` (VBZ, VBP), or None if unknown."""
    lemmas = _lemminflect().getAllLemmas(word.lower()).get("VERB", ())
    if not lemmas:
        return None
    forms = _lemminflect().getInflection(lemmas[0], tag=tag)
    return str(forms[0]) if forms else None


@functools.cache
def _lemminflect() -> Any:
    # Imported on first use: loading its tables takes a few seconds.
    import lemminflect

    return lemminflect
