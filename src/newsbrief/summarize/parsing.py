"""spaCy's English parse, shared by the headline and key-point rules.

The pipeline is the process's one (``newsbrief.nlp``, the [ner] extra's ``en_core_web_sm``);
without it ``parse`` returns None and every caller keeps its sentence as written.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from newsbrief import nlp
from newsbrief.entities.names import gazetteer_type, is_demonym

log = logging.getLogger(__name__)

# Pronouns and quantifiers that take a plural verb ("Some say", "Many fear").
_PLURAL_PRONOUNS = frozenset(["we", "they", "you", "i", "some", "many", "several", "both", "few"])


def parse(text: str) -> Any | None:
    """Return spaCy's parse of ``text``, or None when spaCy or its model is missing or the
    parse has no root. Parsed once per process (``newsbrief.nlp``: shared with the facts)."""
    doc = nlp.parse(text)
    return doc if doc is not None and any(token.dep_ == "ROOT" for token in doc) else None


def parse_ahead(texts: Sequence[str]) -> None:
    """Parse ``texts`` in one batch now, so the ``parse`` calls that follow find them."""
    nlp.parse_all(texts)


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
    if head.lower_ in {"police", "people"}:
        return True  # "Staunton Police arrest", though tagged a singular proper noun
    if head.like_num and head.lower_ not in {"one", "1"}:
        return True  # "five more remained missing"
    if head.lower_ == "number" and any(c.lower_ == "a" for c in head.children):
        return True  # "A number of parents refute"
    # "Canada and Mexico are"; "Barnes & Noble" is one company.
    if any(c.dep_ == "conj" for c in head.children) and not any(
        c.dep_ == "cc" and c.text == "&" for c in head.children
    ):
        return True
    if head.tag_ == "NNPS" and _one_body(head):
        return False

    return head.tag_ in {"NNS", "NNPS"} or "Number=Plur" in str(head.morph)


def _one_body(head: Any) -> bool:
    """Whether a plural proper noun with names before it is one body: a company ("British
    Airways resumes") or a country ("The United States sends"), not a people ("American
    Indians begin") nor a team, which takes "the" ("The Los Angeles Angels offer")."""
    names = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if not names or is_demonym(head.text):
        return False
    if gazetteer_type(" ".join([*(c.text for c in names), head.text])) == "place":
        return True
    return not any(c.dep_ == "det" for c in head.children)


def inflect(lemma: str, tag: str) -> str | None:
    from lemminflect import getInflection

    if lemma.lower() == "be":  # lemminflect's first VBP of "be" is "am"
        return "is" if tag == "VBZ" else "are"
    forms = getInflection(lemma.lower(), tag=tag)
    return str(forms[0]) if forms else None
