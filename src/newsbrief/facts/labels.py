"""What a number counts, read from spaCy's dependency parse of its sentence.

The regex reader (``facts.figures``) finds the numbers; this module says what each one is
about, as an editor would label it: the counted thing with its modifiers ("U.S. troops"),
what happened to it ("stationed", "killed", "pleaded guilty") and where ("in South Korea").

* the counted noun: the word the number modifies ("600 people"), the noun after "of"
  ("150 of the caravan's members"), the noun a pronoun stands for ("200 of them" -> the
  soldiers before), the subject of "rose to / stood at / reached" ("the death toll rose to
  7,085"), or the subject of "measured" ("the quake measured 7.4");
* the action: the verb that has the counted thing as its subject or object, or that modifies
  it ("troops stationed"), with its particle, complement and object ("pleaded guilty",
  "prepared to seek asylum");
* the place: the first "in/at/near/inside" phrase on the noun or the verb whose object is a
  named place or a place word ("in Iraq", "at the border").

Used when spaCy and an English pipeline are installed (the ``ner`` extra); otherwise the
regex reader's own labels stand.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsbrief import nlp
from newsbrief.facts.figures import SCALE_LETTERS, is_unit_word, parse_number

log = logging.getLogger(__name__)


def _split(words: str) -> list[str]:
    return words.split()


_MODIFIERS = frozenset({"compound", "amod", "nmod"})
_VERB_LINKS = frozenset({"nsubj", "nsubjpass", "dobj"})
# Verbs whose object is the new value of their subject: "the toll rose to 7,085".
_LEVEL_VERBS = frozenset(
    {
        "rise",
        "climb",
        "reach",
        "stand",
        "hit",
        "top",
        "jump",
        "increase",
        "grow",
        "surpass",
        "exceed",
        "fall",
        "drop",
        "measure",
        "total",
        "number",
        "be",
    }
)
_STOREYS = frozenset({"story", "storey"})
# Verbs that say how a casualty is known, and the complements that say what it is.
_STATUS_VERBS = frozenset(
    {"confirm", "report", "list", "declare", "presume", "fear", "believe", "find"}
)
_STATUS_COMPLEMENTS = frozenset({"oprd", "acomp", "advcl", "xcomp", "attr"})
_STATUS_WORDS = frozenset({"dead", "killed", "injured", "wounded", "hurt", "missing"})
# Nouns that only say "how many" of their "of" object: "the number of dead".
_TALLY_NOUNS = frozenset({"number", "total", "tally", "count"})
# Words that name a count, not what it counts ("the three-day figure was $22.2 million";
# not "count": "13 criminal counts" are charges).
COUNT_WORDS = (_TALLY_NOUNS - {"count"}) | {"figure", "sum", "amount"}
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "across", "outside"})
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC", "NORP"})
_PLACE_NOUNS = frozenset(
    {"region", "border", "country", "city", "area", "province", "capital", "state", "site"}
)
_MAX_ACTION_WORDS = 5
# Verbs whose "in" / "at" phrase says how the counted live, place or no place: "some
# 26,000 survivors still live in tents" (DUC 2007 D0743J) had been "survivors live".
_DWELLING_VERBS = frozenset({"live", "stay", "shelter", "sleep", "camp"})
# Verbs that say where or in what state they put the counted thing, which alone say
# nothing: "put 5,100 jobs at risk" ("jobs put"), "placed 40 people under arrest".
_PLACING_VERBS = frozenset({"put", "place", "keep", "hold"})
_PLACING_PREPOSITIONS = frozenset({"at", "in", "under"})
# Verbs whose "from" phrase says what the counted suffer, which alone say nothing: "19
# million Americans suffer from anxiety disorders" had been "Americans suffer", "people
# suffering from quake-related diseases" "people suffering" (DUC 2007 D0743J).
_SUFFERING_VERBS = frozenset({"suffer"})
# Nouns of an "as" phrase that say why or how something was done ("as a condition", "as a
# precaution", "as a result"), not what the counted things became or served as ("turned
# into refugees", "hired as consultants").
_AS_ADVERBIAL_NOUNS = frozenset(
    {
        "part",
        "condition",
        "precaution",
        "result",
        "consequence",
        "response",
        "gesture",
        "sign",
        "means",
        "way",
        "whole",
        "reminder",
        "warning",
        "deterrent",
        "concession",
        "punishment",
        "penalty",
        "reward",
    }
)
# Verbs that put what they count in a state, their "oprd": "left homeless", "made homeless".
_STATE_VERBS = frozenset({"leave", "make", "render"})
# Adjectives of chance before a clause ("likely to be poor"), unlike those of a state
# ("prepared to seek asylum").
_CHANCE_WORDS = frozenset({"likely", "unlikely", "certain", "sure", "bound", "apt", "liable"})


def is_state_verb(word: str) -> bool:
    """Whether ``word`` is a form of a verb that puts what it counts in a state ("made",
    "leaving")."""
    from lemminflect import getLemma

    return any(lemma in _STATE_VERBS for lemma in getLemma(word.lower(), upos="VERB"))


# Verbs that say nothing of what happened to the counted thing ("we have 800 members").
_LIGHT_VERBS = frozenset(
    _split(
        """have has had having include includes included including be is are was were been
        said says say told according make makes made get gets got see sees saw
        prove proves proved proven show shows showed shown suggest suggests suggested
        indicate indicates indicated demonstrate demonstrates demonstrated mean means meant"""
    )
)
# Currencies written out: "3.7 billion dollars", the AP's "U.S. dlrs 3.7 billion".
_MONEY_NOUNS = frozenset(_split("dollars dollar dlrs euros euro yuan yen"))
# Nouns that are the number's unit, not what it measures: "a 25 percent tariff on steel".
_UNIT_NOUNS = _MONEY_NOUNS | frozenset(
    _split(
        """percent per cent % pounds billion million thousand tons tonnes miles kilometers
        kilometres km metres meters feet hectares acres"""
    )
    + SCALE_LETTERS.split("|")
)
# The modal verbs a money label keeps: "government could receive" (``_action_words``).
MODALS = frozenset(_split("will would could may might can should must shall"))
# Nouns a number measures in before the noun it qualifies: "a 30-year mine life".
_MEASURE_NOUNS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "magnitude"}
)
# Verbs whose subject is what a measure measures: "the park covers 20,000 square km".
_MEASURING_VERBS = frozenset({"be", "cover", "span", "measure", "stretch", "encompass"})
# Prepositions whose object completes a counted thing: "tariff on steel", "share of imports".
_OF_PREPOSITIONS = frozenset({"of", "on", "for"})
# Groups of people whose size is given as "a crew of 118": the number counts members.
_MEMBERED_GROUPS = frozenset(
    _split("crew team delegation contingent squad jury panel staff workforce")
)
# Nouns that name no group until a phrase says which: "people in the caravan".
_GROUPS = frozenset({"people", "person", "other"})
_GROUP_PREPOSITIONS = frozenset({"in", "aboard", "inside"})


@dataclass(frozen=True)
class Label:
    """What one number counts, as read from the parse."""

    counted: str | None  # "U.S. troops", "death toll"
    noun: str | None  # the counted noun's lemma: "troop", "toll"
    action: str | None  # "stationed", "killed", "pleaded guilty"
    verb: str | None  # the action's verb, lower-case as written: "stationed", "killed"
    place: str | None  # on the number itself: "about 500 in Iraq"
    near_place: str | None = None  # on its noun or verb: "troops stationed in South Korea"
    agent: str | None = None  # the action's subject when nothing counted: "legal actions"
    agent_named: bool = False  # the agent is a name ("IBM"), not what is counted
    nationality: str | None = None  # the counted noun names one: "eight Chinese"
    # Why the number states no quantity of the story, when it does not (``_not_stated``).
    not_stated: str | None = None
    # The level a running count is brought to ("bringing the toll to 15"): the label is
    # the tally's, not the increment's the words around it name ("three more deaths").
    running: bool = False
    # The unit of a span of time that ``counted`` lasts: "day" of "a 30-day delay".
    span: str | None = None


def load_parser() -> Any | None:
    """Return the process's spaCy English pipeline (``newsbrief.nlp``), or None."""
    return nlp.load()


def _lemma(token: Any) -> str:
    """The token's lemma from spaCy's rule-based lemmatizer, lower-case ("surpassed" ->
    "surpass", "troops" -> "troop")."""
    return str(token.lemma_ or token.text).lower()


def _phrase_tokens(noun: Any) -> list[Any]:
    """The tokens of ``_phrase``: the noun and its contiguous modifiers."""
    start = noun.i
    for child in reversed(list(noun.lefts)):
        if child.dep_ in _MODIFIERS and child.i == start - 1 and not child.like_num:
            start = child.i
        else:
            break
    # a measure stays: "receded to a 10-year low"
    start = _hyphened_start(noun.doc, start, noun.i, keep_measure=True)
    return list(noun.doc[start : noun.i + 1])


def _hyphened_start(doc: Any, start: int, last: int, keep_measure: bool = False) -> int:
    """Where a phrase starting at ``start`` (its noun at ``last``) starts with the words
    that hyphens join to its first word: "special-forces soldiers", "quake-related
    diseases" (a phrase had read "related diseases"). A number so joined is a measure,
    kept with ``keep_measure``, else left out with the word it measures."""
    while start >= 2 and doc[start - 1].text in "-‑" and not doc[start - 2].whitespace_:
        if doc[start - 2].like_num and not keep_measure:
            # "a 180-kilometer road": the measure is another number's, no part of the name
            return min(_past_hyphens(doc[start]) + 1, last)
        start -= 2
    return start


# Tags of the words between a preposition and its noun that the parse may misread as
# verbs: "live in cramped prefabricated homes" ("cramped" as the object, a verb).
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "VBN", "VBD", "VBG", "RB"})


def _object_as_written(preposition: Any) -> list[Any]:
    """The preposition's noun phrase read from the words after it, when the parse gives it
    no noun object: at most three modifiers, then a noun; else []."""
    doc = preposition.doc
    for end in range(preposition.i + 1, min(preposition.i + 5, len(doc))):
        token = doc[end]
        if token.pos_ == "NOUN" and end > preposition.i + 1:
            return list(doc[preposition.i + 1 : end + 1])
        if token.tag_ not in _MODIFIER_TAGS:
            return []
    return []


def _kept_modifier(token: Any) -> bool:
    """Whether a modifier of a counted noun is part of its label: not a number, a unit or
    an amount ("$200MM deal")."""
    return (
        not token.like_num
        and token.lower_ not in _UNIT_NOUNS
        and not _SCALE_TOKEN.fullmatch(token.lower_)
    )


def _phrase(noun: Any) -> str:
    """The noun with its contiguous compound and adjective modifiers: "U.S. troops".

    Also its "of/on/for" object ("tariff on steel imports") and hyphenated words whole.
    """
    doc = noun.doc
    start = noun.i
    for child in reversed(list(noun.lefts)):
        if child.dep_ in _MODIFIERS and child.i == start - 1 and _kept_modifier(child):
            start = child.i
        elif child.dep_ == "case" and child.i == start - 1:
            continue
        else:
            break
    # A modifier's own modifiers: "World Heritage sites" ("World" modifies "Heritage"); and
    # the noun's own before them: "suspected swine flu cases" (Timeline17 H1N1: without
    # "suspected", Mexico's 1,614 ran into the confirmed cases' series).
    while (
        start > 0
        and doc[start - 1].dep_ in ("compound", "amod")
        and start <= doc[start - 1].head.i <= noun.i
        and _kept_modifier(doc[start - 1])
    ):
        start -= 1
    start = _hyphened_start(doc, start, noun.i)
    end = noun.i + 1
    for child in noun.rights:  # "tariff on steel imports", "share of imports"
        if child.dep_ == "prep" and child.lower_ in _OF_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            # near, or past only its own modifiers: "members of various anti-government
            # armed groups" (was "members")
            if objects and (
                objects[0].i - noun.i <= 4
                or (
                    objects[0].i - noun.i <= 8
                    and all(t.head.i == objects[0].i for t in doc[child.i + 1 : objects[0].i])
                )
            ):
                end = _past_hyphens(objects[0]) + 1  # "giants of e-commerce"
        elif (
            child.dep_ == "prep" and child.lower_ in _GROUP_PREPOSITIONS and _lemma(noun) in _GROUPS
        ):
            # "the roughly 400 people in the caravan", "people in tents": which people
            objects = [
                c
                for c in child.children
                if c.dep_ == "pobj" and c.pos_ == "NOUN" and _lemma(c) not in _PLACE_NOUNS
            ]  # a place is the label's place ("in the African region"), not who they are
            if objects and objects[0].i - noun.i <= 4:
                where = _as_spaced(_phrase_tokens(objects[0]))
                return f"{doc[start:end].text} {child.lower_} {where}"
        elif (
            child.dep_ == "advmod"
            and child.lower_ in _GROUP_PREPOSITIONS
            and child.i == noun.i + 1
            and _lemma(noun) in _GROUPS
        ):
            return f"{doc[start:end].text} {child.lower_}"  # "with 217 people aboard"
        break
    return str(doc[start:end].text)


def _past_hyphens(token: Any) -> int:
    """The index of the last word of the hyphenated word ``token`` starts ("co" of
    "co-workers", which the parser splits into three tokens): ``token``'s own if none."""
    doc, i = token.doc, int(token.i)
    while (
        i + 2 < len(doc)
        and not doc[i].whitespace_
        and doc[i + 1].text in "-‑"
        and not doc[i + 1].whitespace_
        and doc[i + 2].is_alpha
    ):
        i += 2
    return i


# Verbs that make a count a casualty or toll, whatever noun it counts ("30 soldiers killed").
VERB_QUANTITIES = {
    "killed": "dead",
    "kill": "dead",
    "killing": "dead",
    "died": "dead",
    "dead": "dead",
    "perished": "dead",
    "injured": "injured",
    "injuring": "injured",
    "wounded": "injured",
    "wounding": "injured",
    "hurt": "injured",
    "missing": "missing",
    "arrested": "arrested",
    "detained": "arrested",
    "evacuated": "evacuated",
    "displaced": "displaced",
    "rescued": "rescued",
    "homeless": "homeless",
    "indicted": "indicted",
    "convicted": "convicted",
    "pleaded guilty": "convicted",
}
# Verbs before "to death" that are a sentence, not a death ("sentenced to death").
_JUDGED = frozenset({"sentenced", "condemned", "sentencing", "condemning"})


# Verbs that make a count of people (``GENERIC_HEADS``) a toll, and of anything else none:
# "the earthquake destroyed poorly built apartment houses, crushing some 17,000 people as
# they slept" (DUC 2007 D0743J: a row "people crushed" beside the toll); police that
# "crushed 1,200 criminal gangs" killed none. So does a death toll's "claimed" ("a spate of
# apartment building blasts that claimed over 300 people in Moscow", DUC 2006 on the mix:
# a row "people claimed in Moscow" beside "people killed in Moscow: about 300"); one who
# claims something says a clause, which no count is the object of.
PEOPLE_VERB_QUANTITIES = {"crushed": "dead", "crushing": "dead", "claimed": "dead"}


def casualty_of(verb: str | None, action: str | None = None) -> str | None:
    """The toll a verb makes of a count ("killed", "died": "dead"), or None. A death
    however caused is the one toll: "some 17,000 people were crushed to death"."""
    word = (verb or "").lower()
    if word in VERB_QUANTITIES:
        return VERB_QUANTITIES[word]
    words = (action or "").lower().split()
    if words[1:3] == ["to", "death"] and words[0] not in _JUDGED:
        return "dead"
    return None


# Parts of speech that name nothing a number counts: a pronoun subject ("That's $32,750"),
# a preposition a distance is measured to ("218 miles above the moon").
_NOT_COUNTED = frozenset({"PRON", "ADP", "ADV", "DET", "SCONJ", "CCONJ", "PART", "AUX"})


def _counted_noun(number: Any) -> Any | None:
    """Return the token the number counts, past a unit ("25 percent tariff" -> tariff)."""
    noun = _noun_of(number)
    if noun is None and _has_currency_sign(number):
        return _money_in(number)  # "$1 million in damage"
    if noun is not None and noun.lower_ in _UNIT_NOUNS:
        if _money_in(noun) is not None:  # "20 billion U.S. dollars in economic loss"
            return _money_in(noun)
        if noun.dep_ in ("amod", "compound", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
            return noun.head
        if noun.dep_ in ("attr", "dobj") and _lemma(noun.head) in _MEASURING_VERBS:
            subject = _subject_of(noun.head)  # "Kakadu is 12,000 square miles of floodplains"
            if subject is not None:
                return subject
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
                if objects:
                    return objects[0]
        return _subject_of(noun.head) if noun.head.pos_ == "VERB" else None
    return noun


_CURRENCY_SIGNS = frozenset({"$", "€", "£", "¥", "US$", "C$", "A$"})


def _money_in(token: Any) -> Any | None:
    """The noun of an amount's "in" phrase: "$1 million in damage", "dollars in losses"
    (not a place or a date: "$5 million in Texas", "in 1999")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for obj in child.children:
                if (
                    obj.dep_ == "pobj"
                    and obj.pos_ == "NOUN"
                    and obj.ent_type_ not in ("DATE", "TIME")
                    and not _is_place(obj)
                ):
                    return obj
    return None


def _subject_of(verb: Any) -> Any | None:
    """The noun subject of a verb: "Microsoft's stock" of "plunged almost 14 percent", the
    noun a relative clause hangs on for its "which/that/who" ("the Nasdaq composite index,
    which fell 8 percent")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    if subjects[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        return verb.head if verb.head.pos_ in ("NOUN", "PROPN") else None
    return subjects[0] if subjects[0].pos_ in ("NOUN", "PROPN") else None


def _noun_of(number: Any) -> Any | None:
    # A number in words may be parsed as a compound ("Twenty-one coal miners were killed":
    # "one" a compound of "miners", the row was "coal miners: Twenty-one", no verb).
    counts = (
        number.dep_ in ("nummod", "quantmod")
        or (number.dep_ == "compound" and number.tag_ == "CD")
        # or an adjective: "Sixty residents were moved from their homes" (ECB+ on the
        # mix: the row was "residents: Sixty", what befell them lost)
        or (number.dep_ == "amod" and number.like_num and number.i < number.head.i)
    )
    if counts and number.head.pos_ in ("NOUN", "PROPN"):
        noun = number.head
        # The parse can hang the number on a compound's first noun ("112 uranium mine
        # protesters" counts protesters, not uranium).
        while (
            noun.dep_ == "compound"
            and noun.head.pos_ == "NOUN"
            and noun.head.i > noun.i
            and noun.lower_ not in _UNIT_NOUNS
            and _lemma(noun) not in _MEASURE_NOUNS  # "a three-day visit", "7.4-magnitude"
            and noun.doc[noun.i - 1].text not in "-‑"  # "an eight-member team": members
        ):
            noun = noun.head
        return noun
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in ("NOUN", "PROPN"):
                return objects[0]
            if objects and objects[0].pos_ == "PRON" and number.dep_ == "appos":
                return number.head  # "500 soldiers, 200 of them"
    if number.dep_ == "appos" and number.head.pos_ == "NOUN":
        return number.head
    if (
        number.pos_ == "NOUN"
        and number.dep_ != "compound"
        and not _SCALE_TOKEN.fullmatch(number.lower_)
    ):
        return number  # "thousands", "dozens": the number is the noun
    verb = _level_verb(number)
    if verb is not None:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
            return _tallied(subjects[0])
    return None


# A running count brought to a level: "bringing the toll to 15", "taking the UK total to
# 848", "put the death toll at 50,000" (what the tally counts is in its "of" phrase, or
# the clause the verb goes on from: "three more deaths ..., bringing the toll to 15").
_RUNNING_VERBS = frozenset({"bring", "take", "raise", "push", "lift", "put"})
_RUNNING_NOUNS = _TALLY_NOUNS | {"toll", "figure"}
# Words between "to/at" and the number: "to about 350", "at more than 1,000" ("at least"
# is read as "least" then the level's own "to": "to at least 100").
_LEVEL_QUALIFIERS = frozenset(
    _split(
        "about around some nearly almost over roughly approximately more than least an estimated"
    )
)
_INCREMENT_WORDS = frozenset(_split("more new further additional another other"))
# A tally's words before it, after the verb: "the UK total", "its official death toll".
_TALLY_MODIFIER_TAGS = frozenset({"DET", "PRON", "ADJ", "PROPN", "NOUN"})


def _running_total(number: Any) -> tuple[Any, Any] | None:
    """The (verb, tally) that bring a running count to ``number`` ("bringing the toll to
    15"; the parse may hang "to" on any word between: "bring the total since the protest
    action began to about 350"), or None. Read from the words, as the parse varies."""
    doc = number.doc
    after = doc[number.i + 1] if number.i + 1 < len(doc) else None
    if after is not None and after.pos_ in ("NOUN", "PROPN", "VERB", "ADJ"):
        return None  # "bringing the total to 702 arrested", "to 952 cases": it says itself
    if after is not None and after.text in "-–":
        return None  # a range read in part ("at 50,000-100 ,000"): no level of its own
    i = number.i - 1
    while i >= 0 and (doc[i].lower_ in _LEVEL_QUALIFIERS or doc[i].like_num):
        i -= 1  # "at over 2 million"
    if i < 0 or doc[i].lower_ not in ("to", "at"):
        return None
    for tally in reversed(doc[max(0, i - 12) : i]):
        if tally.is_punct and tally.text not in "-‑":
            return None
        if _lemma(tally) not in _RUNNING_NOUNS or tally.pos_ != "NOUN":
            continue
        verb = doc[tally.i - 1]
        # At most four words of the tally's own ("the UK total", "its official death
        # toll"), whatever the parse hangs them on.
        while verb.i > max(0, tally.i - 5) and verb.pos_ in _TALLY_MODIFIER_TAGS:
            verb = doc[verb.i - 1]
        if verb.pos_ == "VERB" and _lemma(verb) in _RUNNING_VERBS:
            return verb, tally
        return None
    return None


def _running_count(verb: Any, tally: Any) -> Any | None:
    """What a running tally counts: its "of" noun ("the number of deaths"), else the noun
    the verb's clause counts ("The arrests bring the total", "another 187 members were
    detained, bringing the total"); a toll counts the dead."""
    counted = _tallied(tally)
    if counted.i != tally.i or _lemma(tally) == "toll":
        return counted  # a toll counts the dead whatever its clause counts ("bodies")
    clause = verb.head if verb.dep_ in ("advcl", "conj") else verb
    # The verb's own subject ("The arrests bring"), then what its clause did something to
    # ("detained another 187 members", "deaths had been confirmed"), then who did it. Who
    # puts a figure at a level is its source ("Experts put the figure at 20,000").
    subjects = ("nsubj",) if _lemma(verb) != "put" else ()
    for head, deps in (
        (verb, subjects),
        (clause, ("nsubjpass", "dobj", "attr")),
        (clause, subjects),
    ):
        for child in head.children:
            if child.dep_ in deps and child.pos_ == "NOUN" and _lemma(child) not in _RUNNING_NOUNS:
                return _tallied(child)
    return None


def _running_label(number: Any, verb: Any, tally: Any) -> Label | None:
    """The label of a running count's level (``_running_total``): what it counts, where
    ("the UK total", "the number of cases in the capital": not the increment's place, "110
    new cases in England, taking the UK total to 1,604"), and no action (the verb only
    moves it)."""
    noun = _running_count(verb, tally)
    if noun is None:
        return None
    # The count's increment says "more" or "new"; its level counts them all ("one more
    # confirmed case ..., taking the national total to 28": confirmed cases).
    words = _phrase(noun).split()
    if noun.i == tally.i:
        words = ["death", "toll"] if words == [noun.text] else words  # a toll counts the dead
    elif noun.tag_ == "NN" and noun.text in words:
        words[words.index(noun.text)] = _plural(noun)
    while len(words) > 1 and words[0].lower() in _INCREMENT_WORDS:
        words.pop(0)
    doc = number.doc
    named = [t.text for t in doc[verb.i + 1 : tally.i] if t.ent_type_ in ("GPE", "LOC")]
    own = tally.i in (noun.i, noun.head.head.i)  # the tally or its "of" noun
    # What the tally's own noun does ("the number of students learning at home"); the
    # running verb moves the tally and says nothing of what it counts.
    acting = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    action, verb_token = _action_words(acting[0], noun) if own and acting else ("", None)
    return Label(
        counted=" ".join(words),
        noun=_lemma(noun),
        action=action or None,
        verb=str(verb_token.lower_) if verb_token is not None and action else None,
        place=f"in {' '.join(named)}" if named else None,
        near_place=_place(noun, tally) if own else _place(tally),
        running=True,
    )


def _status_after(number: Any) -> Any | None:
    """The casualty status word right after a number, when no noun follows it ("200,000
    dead", "12 missing"), or None."""
    doc = number.doc
    if number.i + 1 >= len(doc) or doc[number.i + 1].lower_ not in _STATUS_WORDS:
        return None
    if number.i + 2 < len(doc) and doc[number.i + 2].pos_ in ("NOUN", "PROPN"):
        return None  # "two dead sea turtles": what is counted follows
    return doc[number.i + 1]


def _level_verb(number: Any) -> Any | None:
    """The level verb whose value the number is ("surpassed 4,100", "rose to 60"), or None."""
    verb = number.head.head if number.dep_ == "pobj" else number.head
    level = number.dep_ in ("pobj", "dobj", "attr") and _lemma(verb) in _LEVEL_VERBS
    return verb if level else None


def _tallied(noun: Any) -> Any:
    """What a tally counts: "the number of people in tent cities has fallen to 26,000"
    counts people, "the number of dead rose to 60" the dead; any other noun itself."""
    if _lemma(noun) not in _TALLY_NOUNS:
        return noun
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in ("NOUN", "PROPN", "ADJ"):
                return objects[0]
    return noun


def _action(noun: Any, number: Any) -> Any | None:
    """Return the verb that says what happened to the counted thing."""
    holder = _of_holder(noun)
    if (
        holder is not None
        and holder.i == number.i
        and number.dep_ in _VERB_LINKS
        and number.head.pos_ == "VERB"
        and _numbered(noun)
    ):
        # "arrested 12 of the 40 protesters who marched", "landed 28 of his 68 punches
        # thrown": the part's own verb, not the set's clause (were "protesters marched: 12",
        # "punches thrown: 28" on the 2,000-article mix).
        return number.head
    for child in noun.children:
        if child.dep_ == "amod" and child.i == noun.i + 1 and child.lower_ in _STATUS_WORDS:
            # A title's "2 victims dead, 4 wounded after gunman opens fire, kills himself":
            # what befell them follows them, not the clause's verb ("victims kills").
            return child
    level = _level_verb(number)
    if level is not None and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == level.i:
        # The level it reached is its value, not what happened to it: "Murders fell by
        # more than 7 percent to 18,209" is "Murders: 18,209" (was "Murders fell", read as
        # the fall), "The death toll rose to 7,085" the toll's.
        return None
    if noun.dep_ in _VERB_LINKS and casualty_of(noun.head.lower_):
        # A toll's verb is what befell them, not the clause that says who they were: "killed
        # 12 people who were sleeping in their homes" (was "people sleeping in homes").
        return noun.head
    # (An object's verb says what befell it; a subject's aside may say where it is: "About
    # 500 soldiers, deployed in Iraq since 2014, were moved".)
    governed = noun.dep_ == "dobj" and noun.head.pos_ == "VERB"
    for child in noun.children:
        if (
            child.dep_ in ("acl", "relcl")
            and child.pos_ == "VERB"
            and not _quoted_after(noun, child)
            and not (governed and _set_off(noun, child) and number not in child.subtree)
            and not _about_another(child, noun)
        ):
            return child
    misparsed = _object_read_as_subject(noun, number)
    if misparsed is not None:
        return misparsed
    if noun.dep_ in _VERB_LINKS and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    up = _up_to(noun)
    if up is not None and up.head.pos_ == "VERB":
        return up.head  # "has killed up to 68 people": the verb's object, misparsed
    if noun is number and number.dep_ in _VERB_LINKS and number.head.pos_ in ("VERB", "AUX"):
        return number.head
    of = number.head
    if number.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "VERB" and _is_money(number):
        return of.head  # "robbed him of $20": money taken from someone
    unit = number.head if number.dep_ in ("nummod", "quantmod") else number
    if (
        noun is number
        and unit.dep_ == "pobj"
        and unit.head.lower_ == "by"
        and unit.head.head.pos_ == "VERB"
        and not any(c.dep_ == "dobj" for c in unit.head.head.children)
    ):
        # A change of the verb's subject: "the sales of university books grew by almost 4
        # percent" (the 2,000-article mix: "university books: 4 percent"). Not of its
        # object: "increase costs by an estimated $198 billion" is no "money increase
        # costs".
        return unit.head.head
    # The counted thing is the "of" object of the number or its unit, which is the verb's
    # subject or object: "more than 150 of the participants marched", "nearly 80 percent of
    # asylum-seekers passed the initial screening".
    holder = _of_holder(noun)
    if (
        holder is not None
        # "A total of 26 members ... surrendered": a tally holds them as a number would
        # (what it rose or fell to is its level, not what happened to them)
        and (
            holder.i in (number.i, number.head.i)
            or (_lemma(holder) in _TALLY_NOUNS and _lemma(holder.head) not in _LEVEL_VERBS)
        )
        and holder.dep_ in _VERB_LINKS
        and holder.head.pos_ in ("VERB", "AUX")
    ):
        return holder.head
    return None


def _about_another(clause: Any, noun: Any) -> bool:
    """Whether a relative clause on the counted noun tells of something else, its own
    subject: "500,000 Indians whose tribes operate casinos" (the tribes operate them),
    "3,200 athletes, among whom steroid use was reduced", "59 deaths among these cases, 43
    of which were contracted in ..." (the 43's clause). Not a clause whose subject acts on
    the noun: "the 40 protesters police arrested" (``_is_object``)."""
    own = [
        child
        for child in clause.children
        if child.dep_ in ("nsubj", "nsubjpass") and child.tag_ not in ("WDT", "WP")
    ]
    return clause.dep_ == "relcl" and bool(own) and not _is_object(noun, clause)


def _set_off(noun: Any, clause: Any) -> bool:
    """Whether a clause after a noun opens past a comma: an aside, not what the count is of
    when the noun is a verb's object. "Robison, who killed five people, including ... a
    lover who was beheaded, stabbed 49 times" (the parse hung "stabbed" on "people": the
    2,000-article mix's "people stabbed: five")."""
    opens = int(clause.left_edge.i)
    return opens > noun.i and str(noun.doc[opens - 1].text) == ","


def _quoted_after(noun: Any, verb: Any) -> bool:
    """Whether a quotation opens between a noun and the verb that follows it: "70
    recommendations for changes ... \"designed to usher in ...\"" is the report's own
    wording of its aim, not what happened to the recommendations."""
    doc = noun.doc
    return verb.i > noun.i and any(t.is_quote for t in doc[noun.i + 1 : verb.i + 1])


# Verbs that put a quantity at a value: "the loss is estimated at $20 billion".
_VALUING_VERBS = frozenset({"estimate", "put", "value", "project", "peg", "place", "calculate"})
# ... of which these say nothing more of the value (an estimate, a projection do).
_PLAIN_VALUING_VERBS = frozenset({"put", "peg", "place", "value", "calculate"})


def _valued_at(number: Any) -> Any | None:
    """The noun a reduced relative or a passive puts at the number ("the damage, estimated
    at $1 million", "the budget surplus, projected at $4.6 trillion", "The economic loss
    from the quake is estimated at $20 to $40 billion", "estimates have put direct economic
    loss of the quake at between 20 and 40 billion U.S. dollars"), or None."""
    while number.dep_ == "conj" and number.head.like_num:
        number = number.head  # "between 20 and 40 billion": the range's first number
    if number.dep_ != "pobj" and number.head.dep_ == "pobj" and number.head.lower_ in _MONEY_NOUNS:
        number = number.head  # "at 40 billion dollars": the dollars are at
    at = number.head
    if number.dep_ != "pobj" or at.lower_ != "at":
        return None
    verb = at.head
    if verb.dep_ == "acl":
        noun = verb.head
    elif _lemma(verb) in _VALUING_VERBS:
        valued = ("nsubjpass", "dobj")  # "the loss is put at" / "put the loss at"
        noun = next((c for c in verb.children if c.dep_ in valued), None)
        if noun is not None and noun.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            # "The building, which the city had valued at about $380,600": the building's
            # value (the row was "city Palmer: about $380,600")
            noun = verb.head
    else:
        return None
    return noun if noun is not None and noun.pos_ == "NOUN" else None


def _joined_before(number: Any, noun: Any) -> bool:
    """Whether another number joined to ``number`` stands between it and its noun ("12
    and four alternates")."""
    return any(c.dep_ == "conj" and c.like_num and number.i < c.i < noun.i for c in number.children)


def _object_read_as_subject(noun: Any, number: Any) -> Any | None:
    """The casualty verb right before a count that the parse made a later verb's subject,
    when it has no object of its own: "A new virus has killed up to 149 people in Mexico
    and the World Health Organisation moved closer ..." (the parse reads "people ... and
    the World Health Organisation" as what "moved": the mix's "people moved in Mexico").
    Only a toll's verb: "said 20 people marched" and "believe 300 people died" are a
    speaker's verb and a clause, parsed right."""
    if noun.dep_ != "nsubj" or noun.head.i < noun.i:
        return None
    first = min(number.left_edge.i, noun.left_edge.i)
    before = noun.doc[first - 1] if first > 0 else None
    if (
        before is not None
        and before.pos_ == "VERB"
        and before.lower_ in VERB_QUANTITIES
        and not any(child.dep_ in ("dobj", "obj", "attr") for child in before.children)
    ):
        return before
    return None


def _up_to(token: Any) -> Any | None:
    """The particle "up" when the parse read "killed up to 68 people" as a phrasal verb
    and a "to" phrase: "up to" is the number's bound, its noun the verb's object."""
    to = token.head
    if token.dep_ == "pobj" and to.lower_ == "to" and to.head.lower_ == "up":
        return to.head if to.head.dep_ == "prt" else None
    return None


def _numbered(noun: Any) -> bool:
    """Whether a noun has a number of its own: an "of" noun that is a set the sentence
    names ("of the 40 protesters", "of his 68 punches"; not "150 of the participants",
    which counts them), a verb's object that is another figure's ("to 18.5 million
    copies")."""
    return any(child.dep_ == "nummod" for child in noun.children)


def _of_holder(token: Any) -> Any | None:
    """The word whose "of" phrase holds ``token``: "150" of "150 of the participants"."""
    return token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None


def _action_words(verb: Any, skip: Any) -> tuple[str, Any]:
    """The verb with its particle, complement, object, "into/as" phrase and one xcomp,
    and its negation: "pleaded guilty", "turned into refugees", "prepared to seek asylum",
    "not yet affected".
    """
    text, token = _affirmed_action_words(verb, skip)
    # "22 assembly plants not yet affected by the strike", "the 2 billion people who are
    # not yet connected to power lines": a negated action is its opposite (the mix's
    # briefs read "assembly plants affected: 22", "people connected to power lines"), with
    # its "did" or modal ("who did not pay", "officers could not handle the situation").
    negation = [
        child
        for head in {verb, token}
        for child in head.children
        if child.dep_ == "neg"
        or (child.dep_ == "advmod" and child.lower_ == "yet")
        or (child.dep_ == "aux" and (_lemma(child) == "do" or child.tag_ == "MD"))
    ]
    if not text or not any(child.dep_ == "neg" for child in negation):
        return text, token
    words = [child.lower_ for child in sorted(negation, key=lambda t: t.i)]
    return " ".join([*dict.fromkeys(words), text]), token


def _affirmed_action_words(verb: Any, skip: Any) -> tuple[str, Any]:
    """``_action_words`` without the negation."""
    if _lemma(verb) in _STATE_VERBS:
        # "leaving 11 workers missing", "left 300 people homeless", "two million made
        # homeless": the state they are left in is what happened (were "workers left",
        # "people left"; "made" said nothing).
        for child in verb.children:
            if child.dep_ == "oprd" and child.pos_ in ("ADJ", "VERB"):
                return child.text, child
    if verb.lower_ in _LIGHT_VERBS and verb.pos_ != "AUX":
        return "", verb
    if verb.pos_ == "AUX":  # "were prepared": the complement carries the meaning
        # Not the amount itself: "the three-day figure was $22.2 million" ("million").
        complements = [c for c in verb.children if c.dep_ in ("acomp", "attr") and c.pos_ != "NUM"]
        if not complements:
            return "", verb
        verb = complements[0]
        if verb.lower_ in _CHANCE_WORDS and not any(
            c.dep_ == "xcomp" and c.pos_ == "VERB" for c in verb.children
        ):
            # "2.3 million Indians were far more likely to be poor": a chance says nothing
            # without the state it is of (was "Indians likely"), which no label holds
            return "", verb
    complement = _raised(verb)
    if complement is not None:
        # "10,000 people are estimated to be still trapped": what happened to them is the
        # complement; the estimate is the number's ("people estimated" said nothing).
        return _action_words(complement, skip)
    if _lemma(verb) in _STATUS_VERBS:
        # "12,040 people have been confirmed dead", "33,495 others were reported as
        # injured": the complement is what happened; the verb only says who knows it.
        for child in verb.children:
            if child.dep_ in _STATUS_COMPLEMENTS and child.lower_ in _STATUS_WORDS:
                return f"{verb.text} {child.text}", child
    words = [verb]
    # "obtained hundreds of thousands of Iranian files": the number holding the counted
    # thing stands where the thing would.
    holder = _of_holder(skip) or skip
    # A reduced passive ("the $1.7 billion sent to Iran") has no object of its own: a noun
    # parsed as one belongs to the main verb ("called ... a signing bonus"); nor has a verb
    # whose object is the counted thing ("arrested more than 100 protesters ... a world
    # heritage listed area": a second "object" is a misparse).
    counted_is_object = _is_object(skip, verb) or _is_object(holder, verb)
    no_object = (verb.dep_ == "acl" and verb.tag_ == "VBN") or counted_is_object
    up = _up_to(skip)
    children = list(verb.children)
    if skip.dep_ == "dobj" and skip.head.i == verb.i:
        # "add U.S. dlrs 3.7 billion (...) to Australia's gross domestic product": past
        # a parenthesis the parse hangs the verb's "to" phrase on its object
        children += [c for c in skip.children if c.dep_ == "prep" and c.lower_ in ("to", "into")]
    for child in children:
        if up is not None and child.i == up.i:
            continue
        if child.dep_ in ("prt", "acomp") or (
            child.dep_ == "dobj"
            and child.i not in (skip.i, holder.i)
            and child.pos_ == "NOUN"
            and child.lower_ not in _UNIT_NOUNS  # "covered 75 per cent": not "covered cent"
            and not no_object
        ):
            # with the words hyphens join to it: "attended the fund-raiser" (was "raiser")
            start = _hyphened_start(child.doc, child.i, child.i, keep_measure=True)
            words.extend(child.doc[start : child.i + 1])
        elif (
            child.dep_ in ("prep", "dative")
            and (
                child.lower_ in ("into", "as", "to")
                or (child.lower_ in ("in", "at") and _lemma(verb) in _DWELLING_VERBS)
                or (child.lower_ in _PLACING_PREPOSITIONS and _lemma(verb) in _PLACING_VERBS)
                or (child.lower_ == "from" and _lemma(verb) in _SUFFERING_VERBS)
            )
            and child.i > verb.i  # "As director of the Peace Corps, he's shoveled ..."
            and not _past_a_dash(verb, child)
        ):
            # "turned into refugees", "add to gross domestic product"
            objects = [
                c
                for c in child.children
                if c.dep_ == "pobj"
                and c.pos_ in ("NOUN", "PROPN")
                # "asked as part of", "stationed in South Korea as a condition for":
                # the clause's purpose or manner, no role of the counted thing
                and not (child.lower_ == "as" and c.lower_ in _AS_ADVERBIAL_NOUNS)
                and c.ent_type_ not in ("DATE", "TIME")  # "held in March": when, not where
                # a thing with its own number is another figure's: "grew by almost 4
                # percent to 18.5 million copies" (a level; "grew to copies" was a label)
                and not _numbered(c)
            ]
            if objects:  # "sent to Iran", "turned into refugees", "live in tents"
                words.append(child)
                words.extend(t for t in _phrase_tokens(objects[0]) if t.i != skip.i)
            elif (surface := _object_as_written(child)) and skip not in surface:
                words.append(child)
                words.extend(surface)
        elif child.dep_ == "xcomp" and child.pos_ == "VERB":
            # "likely to be marketed": the passive's "be" too, or it reads "likely to marketed"
            words.extend(c for c in child.children if c.dep_ in ("aux", "auxpass"))
            words.append(child)
            words.extend(c for c in child.children if c.dep_ == "dobj" and c.pos_ == "NOUN")
    modal = next((c for c in verb.children if c.tag_ == "MD" and c.lower_ in MODALS), None)
    keeps_modal = counted_is_object and modal is not None and _is_money(skip)
    if keeps_modal:
        # "the government could receive 24 million U.S. dollars": money that may come is
        # no money that came ("government could receive", never "government received")
        words.append(modal)
        counted_is_object = False
    words.sort(key=lambda t: t.i)
    # "plans to cut 2,000 jobs", "would accept 1,500 refugees": not done yet, so not
    # "jobs cut" but "jobs to be cut"; money its subject spends or earns keeps the verb
    # ("bridge to cost $5.7 billion": "bridge to cost", not "bridge to be cost")
    done = _as_done(verb)
    if counted_is_object and (modal is not None or _infinitive(verb)):
        # an amount with no noun ("to reach dlrs 3 billion") is the subject's too
        done = f"to {_lemma(verb)}" if _is_money(skip) or skip.like_num else f"to be {done}"
    text = [done if t is verb and counted_is_object else t.text for t in words]
    cut = _action_cut(words, _MAX_ACTION_WORDS + keeps_modal)
    return _as_spaced(words[:cut], text[:cut]), verb


def _as_spaced(tokens: Sequence[Any], texts: Sequence[str] | None = None) -> str:
    """The tokens' texts (or ``texts`` in their place), spaced as the sentence spaces
    them where they stand side by side: "quake-related diseases", not "quake - related"."""
    out = []
    for n, token in enumerate(tokens):
        if n and (tokens[n - 1].whitespace_ or tokens[n - 1].i + 1 != token.i):
            out.append(" ")
        out.append(texts[n] if texts is not None else token.text)
    return "".join(out)


def _action_cut(words: list[Any], most: int) -> int:
    """How many of an action's words to keep: at most ``most``, a noun phrase kept whole
    or left out ("belonging to Falun Gong spiritual movement" was cut to "... Falun Gong
    spiritual"), up to two words more to end it (a cut back to the preposition before
    it leaves "belonging to": then the verb alone)."""
    if len(words) <= most:
        return len(words)
    kept = {t.i for t in words}
    cut = most
    while cut > 1 and words[cut - 1].head.i in kept and words[cut - 1].head.i > words[cut - 1].i:
        cut -= 1  # the last kept word modifies one after the cut
    if cut < most:
        end = next((i for i, t in enumerate(words) if t.i == words[most - 1].head.i), len(words))
        if end < most + 2:
            return end + 1  # the phrase ends within two more words
    while cut > 1 and words[cut - 1].dep_ == "prep":
        cut -= 1  # no preposition without its object
    return cut


# Verbs that raise a passive's subject out of a clause saying what happened to it and
# only say who knows the number: "are estimated to be trapped", "were said to be missing".
# Not a belief ("believed to be buried" stays one) nor an expectation ("expected to
# attend" is no attendance).
_RAISING_VERBS = frozenset({"estimate", "say", "report", "know"})


def _raised(verb: Any) -> Any | None:
    """The verb or adjective of a raising passive's complement clause ("trapped" of "are
    estimated to be still trapped"), or None."""
    if _lemma(verb) not in _RAISING_VERBS or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ != "xcomp":
            continue
        if child.pos_ == "VERB":
            return child
        if child.pos_ == "AUX":  # "to be still trapped": the state after "be"
            states = [
                c
                for c in child.children
                if c.dep_ in ("acomp", "attr") and c.pos_ in ("VERB", "ADJ")
            ]
            return states[0] if states else None
    return None


def _has_currency_sign(token: Any) -> bool:
    """Whether a currency sign stands in the token's subtree: "$1.7 billion"."""
    return any(t.text in _CURRENCY_SIGNS for t in token.subtree)


def _is_money(token: Any) -> bool:
    """Whether the token is an amount of money: "$1.7 billion", "24 million U.S. dollars"."""
    return token.lower_ in _MONEY_NOUNS or _has_currency_sign(token)


def _is_object(token: Any, verb: Any) -> bool:
    """Whether the counted thing is the verb's direct object: "will announce a profit", or
    the head of a relative clause whose subject acts on it ("the $1.7 billion (that) the
    United States gave to Iran")."""
    if token.dep_ == "dobj" and token.head.i == verb.i:
        return True
    if verb.dep_ != "relcl" or verb.head.i != token.i:
        return False
    # "who" / "that" as the clause's subject: the counted thing acts ("the 100 who ran")
    children = [c for c in verb.children if c.tag_ not in ("WDT", "WP")]
    return any(c.dep_ == "nsubj" for c in children) and not any(c.dep_ == "dobj" for c in children)


def action_verb(action: str) -> str:
    """The verb an action opens with, past the "to be" of one not done yet ("to be cut")."""
    words = action.split()
    return words[2] if words[:2] == ["to", "be"] and len(words) > 2 else words[0]


def _infinitive(verb: Any) -> bool:
    """Whether a verb is an infinitive ("to cut", or bare under another infinitive: "could
    offer to help save the 118 crew", the mix's Kursk report, had read "crew saved: 118"):
    an intent, a plan or a request, not what happened, as a verb under a modal ("would
    cut") is."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # but a perfect one says what happened: "the virus, which is reported to have
        # killed 306 worldwide" (Timeline17 on the mix: "worldwide to kill: 306")
        return not any(c.dep_ == "aux" and _lemma(c) == "have" for c in verb.children)
    if verb.tag_ == "VB" and verb.dep_ == "conj" and verb.head.i != verb.i:
        # joined to an infinitive: "plans to continue its bid to reach and rescue the 118
        # Russian sailors" (the thirty-fifth read: "Russian sailors rescued: 118")
        return _infinitive(verb.head)
    if verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        # bare under an infinitive or a modal ("to help save"); not under what happened
        # ("helped save 40 miners")
        head = verb.head
        return _infinitive(head) or any(c.tag_ == "MD" for c in head.children)
    return False


def _as_done(verb: Any) -> str:
    """The verb as what was done to its object: "announce" / "paying" -> "announced" /
    "paid", so a label reads "profit announced", "money paid by IBM"."""
    from lemminflect import getInflection

    if verb.tag_ == "VBN":
        return str(verb.text)
    forms = getInflection(_lemma(verb), tag="VBN")
    return str(forms[0]) if forms else str(verb.text)


def _plural(token: Any) -> str:
    from lemminflect import getInflection

    lemma = _lemma(token)
    forms = getInflection(lemma, tag="NNS")
    return str(forms[0]) if forms else lemma


def _hyphen_compound(number: Any, noun: Any) -> str | None:
    """ "an eight-member team" counts the team's members: "members of team"."""
    doc = number.doc
    hyphenated = (
        noun.dep_ == "compound"
        and noun.head.pos_ == "NOUN"
        and noun.i == number.i + 2
        and doc[number.i + 1].text in "-‑"
    )
    if not hyphenated:
        return None
    return f"{_plural(noun)} of {noun.head.text}"


def _with_owner(noun: Any, counted: str) -> str:
    """Name the owner "its/their" stands for: "losing 14 percent of its value"
    -> "value of Microsoft's stock" (the subject of the clause's verb)."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children):
        return counted
    token = noun
    for _ in range(5):
        token = token.head
        subject = _subject_of(token) if token.pos_ in ("VERB", "AUX") else None
        if subject is not None:
            owners = [c for c in subject.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            # and the name's first words: "DaimlerChrysler AG ... its dealerships"
            names = [c for c in subject.children if c.dep_ == "compound" and c.i < subject.i]
            start = min([subject.i, *(o.i for o in owners), *(n.i for n in names)])
            if not any(c.dep_ == "poss" for c in subject.children) or owners:
                return f"{counted} of {subject.doc[start : subject.i + 1].text}"
            return counted
        if token.dep_ == "ROOT" or token.dep_ in _COMPLEMENT_DEPS:
            break  # the verb a complement clause hangs from has another subject
    return counted


def _affiliation(number: Any) -> str | None:
    """ "about 200 with a NATO mission": the named body a number of people serve with; it
    sets that number apart as a place does."""
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "with":
            for obj in child.children:
                named = obj.pos_ == "PROPN" or any(
                    c.dep_ == "compound" and c.pos_ == "PROPN" for c in obj.children
                )
                if obj.dep_ == "pobj" and named:
                    return f"with {_phrase(obj)}"
    return None


_DASHES = frozenset({"--", "—", "–"})


def _past_a_dash(verb: Any, child: Any) -> bool:
    """Whether a dash stands between a verb and a phrase the parse hangs on it: the dashes
    set off an aside, and the phrase past them is the outer clause's ("spread from Mexico
    -- where it has killed up to 149 people -- into the United States": no one was
    "killed into United States")."""
    return any(t.text in _DASHES for t in verb.doc[verb.i + 1 : child.i])


def _place(*heads: Any, before: int | None = None) -> str | None:
    """The first place phrase on one of ``heads`` (and before token ``before``)."""
    for head in heads:
        if head is None:
            continue
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in _PLACE_PREPOSITIONS:
                continue
            if before is not None and child.i > before:
                continue
            for obj in child.children:
                if obj.dep_ != "pobj" or obj.ent_type_ in ("DATE", "TIME"):
                    continue
                if _is_place(obj):
                    return f"{child.lower_} {_places(obj)}"
    return None


def _is_place(token: Any) -> bool:
    """Whether a token names a place: a place entity, or a place noun ("the border")."""
    return token.ent_type_ in _PLACE_ENTITIES or _lemma(token) in _PLACE_NOUNS


def _places(place: Any) -> str:
    """A place phrase with the places joined to it: "eight people in California and Texas"
    counts both (labelled "in California" alone, it conflicted with "seven people in
    California": Timeline17's swine flu on the mix)."""
    joined = [c for c in place.children if c.dep_ == "conj" and _is_place(c)]
    if not joined:
        return _phrase(_named_in(place))
    words = [_phrase(_named_in(p)) for p in (place, *joined)]
    conjunction = next((c.lower_ for c in place.children if c.dep_ == "cc"), "and")
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def _share_of(noun: Any | None) -> int | None:
    """The token of a share of the count that follows it ("killed 257 people, 11 of them in
    Tanzania"): a place after it is the share's, not the count's (the parser hangs it on
    the verb)."""
    if noun is None:
        return None
    for child in noun.children:
        if child.dep_ == "appos" and (child.like_num or child.pos_ == "NUM"):
            return int(child.i)
    return None


def _named_in(place: Any) -> Any:
    """The name a place noun gives itself: "Zarand" of "the city of Zarand" (a place that
    names none, "the region", is the story's own; this one is another)."""
    if _lemma(place) in _PLACE_NOUNS:
        for child in place.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                names = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
                if names:
                    return names[0]
    return place


# The scale of "£30m" and "$3bn" (tokens "£ 30 m", "$ 3bn"): part of the amount, as
# "million" is, never what is counted.
_SCALE_TOKEN = re.compile(rf"(?:\d+(?:\.\d+)?)?(?:{SCALE_LETTERS})")


def _noun_after_scale(scale: Any) -> Any | None:
    """The noun right after a scale abbreviation ("2.5m viewers": "viewers"), which the
    parse may not hang on it."""
    following = scale.doc[scale.i + 1] if scale.i + 1 < len(scale.doc) else None
    if following is None or following.pos_ != "NOUN" or following.lower_ in _UNIT_NOUNS:
        return None
    return following


def label_number(doc: Any, start: int, end: int) -> Label | None:
    """Return what the number written at ``doc.text[start:end]`` counts, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    numbers = [
        t
        for t in span
        # "Two dozen soldiers": "dozen" (often parsed as a noun) is the number's last word.
        if t.like_num or t.pos_ == "NUM" or t.lower_ == "dozen" or _SCALE_TOKEN.fullmatch(t.lower_)
    ]
    number = numbers[-1] if numbers else span[-1]
    if number.lower_ == "dozen" and span.start <= number.head.i < number.i:
        number = number.head  # "arrested two dozen protesters": "dozen" modifies "two"
    if any(token.lower_ == "respectively" for token in number.sent):
        # "The number of malaria patients and deaths increased by 5.71 percent and 14.9
        # percent respectively": the pairs are in the order of the words, which the parse
        # does not keep (the rows were "patients deaths increased", "respectively")
        return Label(None, None, None, None, None, not_stated="numbers paired by order")
    running = _running_total(number)
    label = _running_label(number, *running) if running is not None else None
    if label is not None:
        return label
    # "the mine will add 3.7 billion dollars to gross domestic product": money spent or
    # earned is labelled by its action, as "$3.7 billion" is (its agent is no count).
    money = _noun_of(number)
    if (
        money is not None
        and money.lower_ in _MONEY_NOUNS
        and money.dep_ == "dobj"
        and _money_in(money) is None  # "paid 5 million dollars in fines": fines
    ):
        noun, amount = None, money
    else:
        noun, amount = _counted_noun(number), number
    if noun is None and _SCALE_TOKEN.fullmatch(number.lower_):
        noun = _noun_after_scale(number)  # "2.5m viewers", parsed as two objects
    valued = _valued_at(number) if noun is None else None
    if valued is not None:
        noun = valued
    group = _of_holder(number) if noun is None else None
    if group is not None and _lemma(group) in _MEMBERED_GROUPS:
        # "sank with its crew of 118", "a delegation of 12": the group's members
        return _members_of(group, number)
    if noun is not None and (not any(c.isalpha() for c in noun.text) or noun.text[0].isdigit()):
        noun = None  # "### 12": punctuation parsed as a noun; "$140-150MM": a number
    if noun is not None and noun.pos_ in _NOT_COUNTED:
        noun = None  # "That's up to $32,750", "218 miles above the moon": no thing counted
    if noun is not None and _lemma(noun) in SPAN_UNITS:
        timed = _timed_by(noun)
        if timed is not None:  # "a 30-day delay": how long the delay lasts
            return Label(timed, timed.split()[0], None, None, None, span=_lemma(noun))
        if _modifies_a_noun(noun):
            # "a 10-day average", "Mubarak's 30-year-rule": a length that is no news
            return Label(None, None, None, None, None, not_stated="the length of a thing")
    if noun is not None and _past_hyphens(noun) != noun.i:
        # "two co-workers": "workers", not "co" (a token fetched again is another object:
        # "noun is number" below would fail for the number itself, "Forty died": "Forty")
        noun = noun.doc[_past_hyphens(noun)]
    if noun is not None and _lemma(noun) in _STOREYS:
        return None  # "a five-story building": its height, not a count of what happened
    if (noun is not None and _names_one(number, noun, span)) or _a_name_here(number):
        # "A former 767 pilot": a number before one thing is its model or name, no count.
        return Label(None, None, None, None, None, not_stated="a name of one thing")
    if noun is not None and _joined_before(number, noun):
        # "The jury of 12 and four alternates": the noun is the second number's; the
        # first counts the members of the group it is "of", or nothing the text names.
        # (Only a group of members: "an average income of $15,300 and 11.7 percent
        # unemployment", "50 or 60 percent of subjects" had been "members of income",
        # "members of percent" on the 2,000-article mix.)
        group = _of_holder(noun)
        if group is None or group.tag_ != "NN" or _lemma(group) not in _MEMBERED_GROUPS:
            return Label(None, None, None, None, None, not_stated="a count its noun is not")
        return _members_of(group, number)
    verb_token = _action(noun if noun is not None else amount, amount)
    if valued is not None and verb_token is not None and _lemma(verb_token) in _PLAIN_VALUING_VERBS:
        verb_token = None  # "Damage was put at $3 million": "damage", not "damage put"
    skip = noun if noun is not None else amount
    action, verb = ("", None) if verb_token is None else _action_words(verb_token, skip)
    counted = _phrase(noun) if noun is not None and noun is not number else None
    if noun is not None and counted is not None:
        counted = _hyphen_compound(number, noun) or _with_owner(noun, counted)
    affiliation = _affiliation(number)
    not_stated = _not_stated(number, noun, verb_token)
    if not_stated:
        return Label(
            counted=counted, noun=None, action=None, verb=None, place=None, not_stated=not_stated
        )
    if counted is None and not action and affiliation is None:
        return None
    status = _status_after(number)
    said = VERB_QUANTITIES.get(str(verb.lower_)) if verb is not None and action else None
    if status is not None and said and said != VERB_QUANTITIES.get(status.lower_):
        # The verb's casualty is another number's: "left 200,000 dead and 300,000 injured"
        # (the parse gives "injured" to "left", and the 200,000 dead were counted injured).
        near = _place(status, number.head, status.head)
        return Label(None, None, status.lower_, status.lower_, _place(number), near)
    agent = _subject_of(verb_token) if verb_token is not None and counted is None else None
    return Label(
        agent=_phrase(agent) if agent is not None else None,
        agent_named=agent is not None and agent.pos_ == "PROPN",
        counted=counted,
        noun=_lemma(noun) if noun is not None and noun is not number else None,
        action=action or None,
        verb=str(verb.lower_) if verb is not None and action else None,
        place=_place(number) or affiliation,
        # Last, the verb the number is the value of: "in Istanbul, the number of people
        # suffering from ... surpassed 4,100".
        near_place=_place(noun, verb_token, _level_verb(number), before=_share_of(noun)),
        nationality=str(noun.text) if noun is not None and noun.ent_type_ == "NORP" else None,
    )


# Spans of time a number may count ("30 days") and the actions whose length is news: a
# delay, a deadline, a sentence, a strike, a trial (NewsWCL50's "30-day delay" of the
# steel tariffs; DUC 2007 D0711C's "78-day trial"). Any other span says no more than
# "days: 30" ("finalized in the next 30 days", "waited three hours").
# (Minutes are no news: "the DJIA, which is delayed by two minutes", a market page's note.)
SPAN_UNITS = frozenset({"hour", "day", "week", "month", "year"})
_TIMED_NOUNS = frozenset(
    _split(
        """delay postponement extension reprieve deadline moratorium ban suspension sentence
        strike walkout ceasefire truce lockdown curfew quarantine siege standoff blockade
        shutdown closure trial search offensive"""
    )
)
# A verb whose length is the news, as the noun its label is: "delay ... for another 30
# days" is a delay, "extended the curfew by two weeks" an extension.
_TIMED_VERBS = {
    "delay": "delay",
    "postpone": "postponement",
    "extend": "extension",
    "suspend": "suspension",
    "ban": "ban",
    "close": "closure",
    "shut": "shutdown",
    "jail": "jail term",
    "imprison": "prison term",
    "sentence": "sentence",
}
# "gave it 90 days to comply", "were granted 48 hours to leave": a deadline.
_GRANTING_VERBS = frozenset({"give", "grant", "allow"})
# Heads a span's phrase may climb to its action ("delay a decision to impose tariffs ...
# for another 30 days": "for" hangs on "impose", two steps below "delay").
_MAX_TIMED_STEPS = 3


def _timed_by(span: Any) -> str | None:
    """The label of the action a span of time ("days", "years") lasts, when its length is
    news (``_TIMED_NOUNS``): the noun it measures ("a 78-day trial": "trial"), the verb
    its "for" or "by" phrase hangs on, a few heads up ("delay ... for another 30 days":
    "delay"; "sentenced to 10 years": "sentence"), or a deadline given ("gave it 90 days
    to comply": "deadline"). None for any other span."""
    head = span.head
    if _modifies_a_noun(span):
        return str(head.lower_) if _lemma(head) in _TIMED_NOUNS else None
    if span.dep_ == "dobj" and _lemma(head) in _GRANTING_VERBS:
        for clause in (*span.children, *head.children):
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            if clause.dep_ in ("relcl", "acl", "advcl", "xcomp") and infinitive:
                return "deadline"
        return None
    if span.dep_ != "pobj" or head.lower_ not in ("for", "by", "to"):
        return None
    token = head.head
    for _ in range(_MAX_TIMED_STEPS):
        lemma = _lemma(token)
        if token.pos_ == "VERB" and lemma in _TIMED_VERBS:
            # "to" gives a sentence's length only: not "postponed to next week"
            return _TIMED_VERBS[lemma] if head.lower_ != "to" or lemma == "sentence" else None
        if token.pos_ == "NOUN" and lemma in _TIMED_NOUNS and head.lower_ != "to":
            return str(token.lower_)
        if token.dep_ == "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return None  # a clause of its own: its span is no longer the action's
        token = token.head
    return None


def _modifies_a_noun(token: Any) -> bool:
    """Whether a noun modifies another: "day" of "a 30-day delay"."""
    return token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ == "NOUN"


def _members_of(group: Any, number: Any) -> Label:
    """The label of a number that counts a group's members ("members of jury")."""
    return Label(f"members of {group.lower_}", "member", None, None, _place(number))


def _names_one(number: Any, noun: Any, span: Any) -> bool:
    """Whether the number stands before a singular noun with "a" that it modifies, only
    the noun's own compounds between ("a former 767 pilot", "a 100 bed hospital"): "a" is
    one thing, so the number is its model, its name or a measure of it, not a count
    ("half a dozen staff" is one)."""
    between = noun.doc[number.i + 1 : noun.i]
    return (
        noun.i > number.i
        # "a 10 percent tariff": a unit between is the figure's own
        and all(
            t.dep_ == "compound" and t.tag_ == "NN" and t.lower_ not in _UNIT_NOUNS for t in between
        )
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
        and noun.i >= span.end  # "two dozen": the scale is part of the number
        and noun.tag_ == "NN"
        and noun.lower_ not in _UNIT_NOUNS
        and not is_unit_word(noun.text)  # "95 mph"
        and (number.head == noun or number.head in between)
        and parse_number(number.text) not in (None, 1.0)
        and "." not in number.text  # "a 7.8 earthquake": a measure
        and not _has_currency_sign(number)
    )


def _a_name_here(number: Any) -> bool:
    """Whether the sentence names one thing by this number ("on a 767 ... trained 767
    pilots"): "a" before a number standing as a noun makes it a model or a name."""
    doc = number.doc
    return number.text.isdigit() and any(
        token.text == number.text
        and token.dep_ in _NOUN_DEPS
        and token.i > 0
        and doc[token.i - 1].lower_ in ("a", "an")  # not "an estimated 300"
        and doc[token.i - 1].head == token
        for token in doc
    )


_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj"})


# Verbs of a reduced relative that sorts people by an amount: "households earning $92,500
# or more", "people making more than $100,000".
_BRACKET_VERBS = frozenset({"earn", "make"})


def _not_stated(number: Any, noun: Any | None, verb: Any | None) -> str | None:
    """Why the number is no quantity the story states, or None.

    An income bracket says who is meant, not how much of anything there is: two tax
    plans' "people making more than $100,000" and "households earning $92,500 or more"
    were a conflict on the 2,000-article mix. A bound under a negated verb ("having never
    hit fewer than 26 homers in his six seasons") is a record, not a count of the event.
    A count of where other counted things come from ("More than 1,000 relief workers from
    19 countries") qualifies that count: the 19 is no row of its own (D0743J's "countries:
    19"). Nor is a count of those who say something (``_SAYING_VERBS``).
    """
    if noun is not None and _origin_of_a_count(noun):
        return "where another count comes from"
    if noun is not None and noun.dep_ == "nsubj" and _lemma(noun.head) in _SAYING_VERBS:
        return "who say it"  # "two marine biologists said today": a report's sources
    holder = _of_holder(noun) if noun is not None else None
    speaker = holder if holder is not None else noun
    if (
        speaker is not None
        and speaker.dep_ == "nsubj"
        and _lemma(speaker.head) in _SAYING_VERBS | _VIEW_VERBS
        and any(child.dep_ == "ccomp" for child in speaker.head.children)
    ):
        # "About 40 percent of those athletes believe the illegal drug is not harmful":
        # what they hold is a clause no label can carry (the row read "athletes believe")
        return "those who hold a view"
    if verb is None:
        return None
    if _first_person_singular_subject(verb):
        # A speaker's count of his or her own doings ("I ate and drank and dated a million
        # guys", an actress quoted in an ECB+ report: "guys dated: a million"): the
        # speaker's life or a manner of speaking, no quantity of the event.
        return "the speaker's own"
    if verb.dep_ == "acl" and _lemma(verb) in _BRACKET_VERBS and _has_currency_sign(number):
        return "an income bracket"
    negated = any(child.dep_ == "neg" for child in verb.children)
    if negated and verb.lower_ in VERB_QUANTITIES:
        return "a negated toll"  # "about 20 who were not killed by hurricanes"
    bound = any(child.lower_ == "than" for child in number.children)
    if negated and bound and (noun if noun is not None else number).dep_ == "dobj":
        return "a negated bound"  # not "one of more than 100 tribes not acknowledged"
    return None


# Verbs of saying: their counted subject is the story's sources ("two marine biologists
# said today", DUC 2006 on the mix), no quantity of the event. The plain ones of
# ``summarize.attribution.SPEECH_VERBS`` and "explain": not "announce", "report",
# "estimate" or "confirm", whose counted subject may be what the story counts.
_SAYING_VERBS = frozenset({"say", "tell", "add", "note", "testify", "write", "explain"})
# Verbs of holding a view: a count of their subject with the view's clause is a poll's.
_VIEW_VERBS = frozenset({"believe", "think", "feel", "fear", "expect", "doubt", "agree", "worry"})


def _origin_of_a_count(noun: Any) -> bool:
    """Whether a noun is the object of "from" after another counted noun ("1,000 relief
    workers from 19 countries")."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "from" or preposition.dep_ != "prep":
        return False
    owner = preposition.head
    return owner.pos_ in ("NOUN", "PROPN") and any(
        child.dep_ == "nummod" and child.like_num for child in owner.children
    )


def _first_person_singular_subject(verb: Any) -> bool:
    """Whether ``verb``'s subject, or that of the verb it is coordinated with ("I ate and
    drank and dated ..."), is "I"."""
    while True:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return bool(subjects[0].text == "I")
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return False
        verb = verb.head


# Clauses that complement a verb: what someone says, thinks or what evidence proves.
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "csubj", "csubjpass"})


def in_other_complement(doc: Any, start: int, end: int, number_start: int, number_end: int) -> bool:
    """Whether the words at ``doc.text[start:end]`` lie inside a complement clause that
    does not hold the number at ``number_start:number_end``: "tens of thousands of files
    prove [the 2015 deal is based on lies]". A clause above the number ("In 1999, officials
    said 17,000 died") or beside it ("When the quake hit in 1939, it killed 20,000") is
    not one: its time is the number's."""
    words = doc.char_span(start, end, alignment_mode="expand")
    number = doc.char_span(number_start, number_end, alignment_mode="expand")
    if words is None or number is None or len(words) == 0 or len(number) == 0:
        return False
    inside = number[-1].i
    token = words[0]
    while token.head.i != token.i:
        if token.dep_ in _COMPLEMENT_DEPS and not token.left_edge.i <= inside <= token.right_edge.i:
            return True
        token = token.head
    return False
