"""Sentence grammar for headlines: is it a news sentence; its main verb in the present.

Uses spaCy's English dependency parse (``parsing.py``, ``pip install 'newsbrief[ner]'``);
without it, ``parse`` returns None and callers keep sentences as written (past tense and
all) rather than guess: a past-tense headline is better than a broken one.

* ``is_news_sentence``: a finite main clause with a subject (no caption, imperative or
  fragment), no question, no first or second person outside quotes (opinion, letters),
  no counterfactual ("would have had a field day"), not a live-blog or digest opener, and
  something to report: a name or a number.
* ``present_tense``: only the main verb of the main clause (and verbs coordinated with it
  that share its subject) changes: "killed" -> "kills", "has indicated" -> "indicates",
  "is relocating" -> "relocates", "was killed" -> "is killed"; anything else is left.
"""

from __future__ import annotations

import re
from typing import Any

from newsbrief.summarize.attribution import attributed_statement
from newsbrief.summarize.parsing import inflect, main_verb, parse, plural_subject, verb_lemma

_FIRST_SECOND_PERSON = frozenset(["i", "me", "my", "we", "us", "our", "you", "your"])
_COUNTERFACTUAL_MODALS = frozenset(["would", "could", "might", "should", "may", "must"])
_DIGEST = re.compile(
    r"^(?:the latest\b|here(?:'s| is| are)\b|what (?:we|you) (?:know|need)|live updates?\b|"
    r"watch\b|listen\b|in pictures\b|photos?:|video:)|\(all times local\)",
    re.IGNORECASE,
)
# "..., Tuesday, June 13, 2017.": the date line of a photo caption.
_CAPTION_DATE = re.compile(r",\s+(?:[A-Z][a-z]+,\s+)?[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\.?$")
_REPORTABLE_ENTITIES = frozenset(
    [
        "PERSON",
        "ORG",
        "GPE",
        "NORP",
        "LOC",
        "FAC",
        "EVENT",
        "CARDINAL",
        "QUANTITY",
        "MONEY",
        "PERCENT",
    ]
)
_PICTURES = frozenset(
    ["photo", "picture", "image", "video", "grab", "file", "screenshot", "footage"]
)
_FINITE_TAGS = frozenset(["VBD", "VBZ", "VBP", "MD"])


def quoted_tokens(doc: Any) -> set[int]:
    """Return the indices of the parsed sentence's tokens that stand inside quote marks."""
    inside, quoted = False, set()
    for token in doc:
        if token.text in {'"', "“", "”"}:
            inside = not inside
        elif inside:
            quoted.add(token.i)
    return quoted


def is_news_sentence(text: str) -> bool:
    """Return True if ``text`` reads as a news report (see the module docstring).

    Without a parser every sentence passes: the caller's readability rules still apply.
    """
    if (
        not text.strip()
        or text.rstrip().endswith("?")
        or _DIGEST.search(text)
        or _CAPTION_DATE.search(text)
    ):
        return False
    doc = parse(news_parse_text(text))
    if doc is None:
        return True
    root = main_verb(doc)
    if root.pos_ not in {"VERB", "AUX"}:
        # No verb at all: a caption or a fragment ("A vehicle in the motorcade of ...");
        # a verb the parse attached elsewhere: a misparse of a news sentence.
        return any(t.tag_ in _FINITE_TAGS or t.tag_ == "VBN" for t in doc) and _reports(doc)
    children = list(root.children)
    subjects = [c for c in children if c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"}]
    if not subjects:
        return False  # an imperative or a fragment
    if subjects[0].lower_ in _PICTURES:
        return False  # "A video grab ... shows flames": a caption
    auxiliaries = [c for c in children if c.dep_ in {"aux", "auxpass"}]
    if root.tag_ not in _FINITE_TAGS and not any(a.tag_ in _FINITE_TAGS for a in auxiliaries):
        return False
    words = [a.lower_ for a in auxiliaries]
    if any(m in words for m in _COUNTERFACTUAL_MODALS) and "have" in words:
        return False  # "Hitchcock would have had a field day": comment, not report
    return _reports(doc)


def news_parse_text(text: str) -> str:
    """Return the text ``is_news_sentence`` parses: in "Y, X said Monday." the statement,
    which is what must be news (and the parser often misreads the whole)."""
    return attributed_statement(text) or text


def _first_or_second_person(word: str) -> bool:
    # "US" (the country) is no "us"; "I" is always the pronoun.
    return word == "I" or (not word.isupper() and word.lower() in _FIRST_SECOND_PERSON)


def _reports(doc: Any) -> bool:
    """Return True if ``doc`` names something and speaks in the third person."""
    quoted = quoted_tokens(doc)
    if any(_first_or_second_person(t.text) for t in doc if t.i not in quoted):
        return False
    return any(e.label_ in _REPORTABLE_ENTITIES for e in doc.ents)


def first_person(text: str) -> bool:
    """Return True if ``text`` says "I", "we" or "you" anywhere, quotes included."""
    return any(_first_or_second_person(word) for word in re.findall(r"[A-Za-z]+", text))


def present_tense(text: str) -> str:
    """Return ``text`` with its main verb in the present tense, when that is safe."""
    doc = parse(text)
    if doc is None:
        return text
    root = main_verb(doc)
    if root.pos_ not in {"VERB", "AUX"}:
        return text
    replace: dict[int, str] = {}
    drop: set[int] = set()
    plural = _number_of_auxiliary(root)
    if plural is None:
        plural = plural_subject(root)
    if not _verb_to_present(root, plural, replace, drop):
        return text
    simple_past = root.tag_ == "VBD" and not any(
        c.dep_ in {"aux", "auxpass"} for c in root.children
    )
    for conj in root.children:
        own_subject = any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in conj.children)
        # After a simple past, a coordinated "threatened" is a past too, whatever its tag.
        past = conj.tag_ == "VBD" or (simple_past and conj.tag_ == "VBN")
        if conj.dep_ == "conj" and past and not own_subject:
            form = inflect(verb_lemma(conj.text), "VBP" if plural else "VBZ")
            if form:
                replace[conj.i] = form
    if _unconverted_series_verb(doc, root, replace):
        return text  # "mobilized the Guard, threatened ...": the parse missed a verb
    parts = []
    for token in doc:
        if token.i in drop:
            continue
        word = replace.get(token.i, token.text)
        if token.i == 0 and token.text[:1].isupper():
            word = word[:1].upper() + word[1:]
        parts.append(word + token.whitespace_)
    return "".join(parts).strip()


def _number_of_auxiliary(root: Any) -> bool | None:
    """Whether the verb group's finite auxiliary is plural ("Britons are starting": the
    tagger read "Britons" as a singular proper noun), singular ("is", "was", "has"), or
    None when no auxiliary says."""
    for child in root.children:
        if child.dep_ in {"aux", "auxpass"} and child.i < root.i:
            if child.lower_ in {"are", "were", "have", "'re", "'ve"}:
                return True
            if child.lower_ in {"is", "was", "has"}:
                return False
    return None


def _unconverted_series_verb(doc: Any, root: Any, replace: dict[int, str]) -> bool:
    """Return True if a past form right after a comma of the main clause stays past."""
    return any(
        token.tag_ in {"VBD", "VBN"}
        and token.i > 0
        and doc[token.i - 1].text == ","
        and root in (token.head, token.head.head)
        and token.i not in replace
        and root.i in replace
        for token in doc
    )


def _verb_to_present(root: Any, plural: bool, replace: dict[int, str], drop: set[int]) -> bool:
    """Fill ``replace``/``drop`` for the main verb group; False when it must stay as is."""
    auxiliaries = [c for c in root.children if c.dep_ in {"aux", "auxpass"} and c.i < root.i]
    if any(c.dep_ == "neg" for c in root.children) and not (
        len(auxiliaries) == 1 and auxiliaries[0].lower_ == "did"
    ):
        return False  # "has not indicated": leave negated groups alone
    tag = "VBP" if plural else "VBZ"
    words = [a.lower_ for a in auxiliaries]
    if not auxiliaries:
        if root.tag_ != "VBD":
            return False
        if verb_lemma(root.text) == "be":
            replace[root.i] = "are" if plural else "is"
            return True
        form = inflect(verb_lemma(root.text), tag)
        if form is None:
            return False
        replace[root.i] = form
        return True
    if words == ["did"]:
        replace[auxiliaries[0].i] = "do" if plural else "does"
        return True
    # "has confirmed" / "was confirming": one auxiliary goes, the verb takes the tense.
    perfect = words in (["has"], ["have"], ["had"]) and root.tag_ == "VBN"
    progressive = words in (["is"], ["are"], ["was"], ["were"]) and root.tag_ == "VBG"
    if perfect or progressive:
        form = inflect(verb_lemma(root.text), tag)
        if form is None:
            return False
        drop.add(auxiliaries[0].i)
        replace[root.i] = form
        return True
    if words in (["has", "been"], ["have", "been"], ["had", "been"]) and root.tag_ == "VBN":
        drop.add(auxiliaries[0].i)
        replace[auxiliaries[1].i] = "are" if plural else "is"
        return True
    if words in (["was"], ["were"]) and root.tag_ == "VBN":
        replace[auxiliaries[0].i] = "are" if plural else "is"
        return True
    return False
