"""Who says what: the speaker of a reported statement, named or generic.

* ``split_attribution``: "Y, X said Monday." / "Y, said X." (found by shape: the parser
  often misreads long ones) and "X said (that) Y" (found by the parse) -> (X, Y), whether X
  names someone ("Netanyahu", "the DNC") or no one ("officials", "police"), and whether X
  is plural ("officials say");
* ``reported_speech``: whether a sentence's main verb reports speech;
* ``is_named_speaker``: "Afghan police" names nobody, "Gen. Vance" does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbrief.summarize.parsing import main_verb, parse, plural_head, plural_subject, verb_lemma

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
        "testify",
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
# A speaker ending on one of these was told, not telling: "..., regional leaders were
# warned on Monday" (a passive: who warned them is not said).
_PASSIVE_ENDINGS = frozenset(["was", "were", "is", "are", "be", "been", "being"])
_SPEECH = (
    r"(?:said|says|told\s[\w\s.]{1,30}?|announced|reported|wrote|added|confirmed|stated"
    r"|warned|argued|insisted|noted|explained|predicted|estimated|declared|claimed|testified)"
)
_TIME = r"(?:\s(?:on\s|late\s|early\s|last\s|this\s)?[A-Za-z]+day(?:\s(?:night|morning))?)?"
_VENUE = r"(?:\s(?:in|on)\s(?:a\s|an\s|its\s|his\s|her\s|their\s)?[\w-]+(?:\s[\w-]+)?)?"
# "Y, X said Monday in a statement.", "Y, X has confirmed." and "Y, according to X.", with
# an optional modifier after it ("Y, X said on Saturday, a day after ...": it belongs to Y).
_TRAILING_ATTRIBUTION = re.compile(
    r"^(?P<statement>.{20,}?),\s+(?:(?P<speaker>[^,\"“”]{2,80}?)\s(?:(?:has|have|had)\s)?"
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
    trailing = _trailing(text)
    if trailing:
        according = trailing.groupdict().get("speaker2")
        speaker = _trailing_speaker(trailing)
        if not speaker or speaker.split()[-1].lower() in _PASSIVE_ENDINGS:
            return None
        statement = _statement(trailing)
        name = _NAME_BEFORE_TITLE.search(statement) if speaker[:1].islower() else None
        if name and not _plural_phrase(speaker) and _a_person(statement, name.start(1)):
            # "..., Barry Levitt, official of Carter Center told press": the name is the
            # speaker's, the title its apposition (the comma after it was lost).
            speaker = f"{name.group(1)}, {speaker},"
            statement = statement[: name.start()]
        named = is_named_speaker(speaker)
        if speaker.split()[0].lower() in _PRONOUN_SPEAKERS or (named and according):
            return None  # "..., according to the UN." names its speaker where it is
        return Attribution(speaker, statement, named, _plural_phrase(speaker), True)
    doc = parse(text)
    if doc is None:
        return None
    root = main_verb(doc)
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
    plural = plural_subject(root)
    return Attribution(speaker.text, clause, is_named_speaker(speaker.text), plural, False)


def _trailing(text: str) -> re.Match[str] | None:
    return _INVERTED_ATTRIBUTION.match(text) or _TRAILING_ATTRIBUTION.match(text)


def _trailing_speaker(trailing: re.Match[str]) -> str:
    return (trailing.group("speaker") or trailing.groupdict().get("speaker2") or "").strip()


def trailing_speaker(text: str) -> str | None:
    """The speaker of a trailing attribution as ``split_attribution`` reads it ("Y, X said
    Monday." -> "X"), found by its shape without a parse; None when there is none."""
    trailing = _trailing(text)
    return (_trailing_speaker(trailing) or None) if trailing else None


# A person's name closing a statement whose speaker is a title: ", Barry Levitt".
_NAME_BEFORE_TITLE = re.compile(r",\s+((?:[A-Z][a-z][\w'’-]*\s+){1,2}[A-Z][a-z][\w'’-]*)$")


def _a_person(text: str, start: int) -> bool:
    """Whether the parse reads the words of ``text`` from ``start`` on as a person's name
    (", Barry Levitt", not ", New York")."""
    doc = parse(text)
    return doc is not None and any(
        e.label_ == "PERSON" and e.start_char == start and e.end_char == len(text) for e in doc.ents
    )


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
    return plural_head(main_verb(doc))


def reported_speech(text: str, verbs: frozenset[str] = SPEECH_VERBS) -> bool:
    """Return True if ``text``'s main verb reports what someone said ("X said Y", "Y, X said.")."""
    trailing = _INVERTED_ATTRIBUTION.match(text) or _TRAILING_ATTRIBUTION.match(text)
    if trailing:
        said = re.findall(r"[a-z]+", trailing.group(0)[len(trailing.group("statement")) :])
        return any(verb_lemma(word) in verbs for word in said) or "according" in said
    doc = parse(text)
    return doc is not None and verb_lemma(main_verb(doc).text) in verbs


def has_speech_word(text: str, verbs: frozenset[str] = SPEECH_VERBS) -> bool:
    """Whether any word of ``text`` is a form of one of ``verbs`` ("said", "told", "warns")
    or "according": the sentence may name who speaks (no parse)."""
    words = re.findall(r"[a-z]+", text.lower())
    return "according" in words or any(verb_lemma(word) in verbs for word in words)


def is_named_speaker(speaker: str) -> bool:
    """Return False for a speaker that names nobody ("officials", "Afghan police")."""
    words = speaker.lower().replace(",", " ").split()
    return not (set(words) & GENERIC_SPEAKERS and words[-1] in GENERIC_SPEAKERS)


def attributed_statement(text: str) -> str | None:
    """Return the statement of a trailing attribution ("Y, X said." -> "Y."), else None."""
    trailing = _INVERTED_ATTRIBUTION.match(text) or _TRAILING_ATTRIBUTION.match(text)
    return _statement(trailing) + "." if trailing else None
