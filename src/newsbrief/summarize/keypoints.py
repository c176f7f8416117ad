"""What may be a key point of a brief, and in which order the key points are read.

A ranked sentence is not shown (the reason is logged) when it:

* restates the headline: it holds most of the headline's content words
  (``RESTATES_HEADLINE``), so the reader would read the same thing twice;
* quotes without a speaker: quoted words ('"Simply put, we are doing this ..."') or first
  person outside quotes, with no named speaker in the sentence ("Vance said", "said
  Vance"; "the statement said" names nobody); and claims whose speaker is a title with
  no name ("..., the US ambassador to the UK has insisted."). A speaker from another sentence is not
  attached: a wrong speaker is worse than none, so the sentence is dropped;
* is not fluent: a parse that no English sentence has, as garbled machine translation
  gives ("... troops were not going anywhere until Iraq billions of dollars": a
  subordinate clause with no verb), a subordinate clause standing alone ("While Iran
  has pledged revenge for ..."), or a heading run into the sentence
  (``grammar.clause_glued_to_a_noun``: "... of national significance The US Coast Guard
  is investigating reports ...");
* opens on a year well before its report (``BACKGROUND_YEARS``): "In 1982, former first
  lady Bess Truman died ...", "In 1990 he began working in St. Petersburg's local
  government": background, which the timeline labels as such, not the story's news.

Order: the news first (what happened, announcements included), then the reactions
(sentences whose main verb reports speech: said, warned, vowed, denied...), each in
reading order, so a side's rebuttal never leads; a reaction
names its speaker (the quote rule above), which labels each side.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from newsbrief.clean.sentences import is_title_case
from newsbrief.summarize.attribution import (
    GENERIC_SPEAKERS,
    SPEECH_VERBS,
    is_named_speaker,
    reported_speech,
    split_attribution,
    trailing_speaker,
)
from newsbrief.summarize.candidates import content_stems, is_verbless
from newsbrief.summarize.grammar import (
    DEMONSTRATIVES,
    PERSON_PRONOUNS,
    SUBJECT_DEPS,
    clause_glued_to_a_noun,
    first_person,
    forecasts,
    quoted_tokens,
    subject_points_back,
)
from newsbrief.summarize.parsing import main_verb, parse, verb_lemma
from newsbrief.timeline_text import narrator_speaks, tells_no_reply
from newsbrief.timexpr import YEAR_DIGITS, find_times, period_end

# Share of the headline's content stems that make a key point a restatement of it. On
# the 11 seed and NewsWCL50 stories the headline's own sentence shares 1.0; the next
# closest ranked sentence 0.30-0.73, where restatements (0.5-0.73) and distinct points
# (up to 0.65) overlap: no share separates them, so this is only a lexical floor, and
# the embedding test of brief.py (cosine 0.75 with the headline) catches the rest.
RESTATES_HEADLINE = 0.7
# Speech that reacts, as opposed to speech that makes the news ("announced the measure").
REACTION_VERBS = SPEECH_VERBS - {"announce", "report", "confirm", "reveal", "estimate", "charge"}
# Quoted spans shorter than this are names or scare quotes ("operational pause").
MIN_QUOTE_WORDS = 4
# A sentence opening on a year at least this many years before its report's is background
# (a year before may be the story's own earlier development).
BACKGROUND_YEARS = 2
_OPENING_YEAR = re.compile(
    rf"\W*(?:In|By|As of|Since|Back in)\s+(?:[\w-]+\s+){{0,2}}?(?P<year>{YEAR_DIGITS})\b(?!,\d)"
)


# An ellipsis right after a function word: a quotation cut mid-phrase ("killed in a tragic
# helicopter crash in … in the north-eastern region"), not one that leaves out a clause
# ("commitment to the child ... but will enable").
_CUT_MID_PHRASE = re.compile(
    r"\b(?:in|of|to|the|a|an|and|or|for|at|on|with|by|from)\s*(?:…|\.\.\.)", re.IGNORECASE
)


# A passage in single quotes, as British and some wire copy quote: opening the sentence or
# after a space, closing after its punctuation ("'Tonight was a peaceful vigil that
# devolved into a riot,' he wrote.", the thirty-fifth read); an apostrophe inside a word
# ("don't") may stand in it, and one after a word ("the Joneses' house") opens none.
_SINGLE_QUOTED = re.compile(
    r"(?:^|(?<=\s))['‘]((?:[^'‘’\"“”]|(?<=\w)['’](?=\w))+?[,.?!])['’](?=\s|$)"
)


def key_point_parses(texts: Sequence[str]) -> list[str]:
    """The texts ``key_point_problem`` parses for these sentences (each as written and as
    it reads it, and a trailing attribution's speaker), to parse in one batch ahead of
    the checks: spaCy's cost per call is most of a sentence's."""
    read = [_SINGLE_QUOTED.sub(r'"\1"', text) for text in texts]
    speakers = [speaker for text in read if (speaker := trailing_speaker(text))]
    return list(dict.fromkeys([*texts, *read, *speakers]))


def key_point_problem(
    text: str, headline: str, reported: dt.date | None = None, latest: dt.date | None = None
) -> str | None:
    """Return why ``text`` (of a report dated ``reported``, in a story whose latest report
    is dated ``latest``) may not be a key point under ``headline``, or None if it may."""
    text = _SINGLE_QUOTED.sub(r'"\1"', text)  # its quotes read as double ones are
    if _opens_on_an_earlier_year(text, reported):
        return "background: opens on an earlier year"
    if _overtaken_forecast(text, reported, latest):
        return "a forecast whose day the story's later reports passed"
    headline_stems = content_stems(headline)
    if headline_stems and (
        len(content_stems(text) & headline_stems) >= RESTATES_HEADLINE * len(headline_stems)
    ):
        return "restates the headline"
    if _claim_of_a_title(text):
        return "a claim whose speaker is not named"
    if _speaks_without_speaker(text):
        return "a quote without its speaker"
    if tells_no_reply(text):
        return "a reply not given"  # "Calls to the Broward Sheriff's Office were not returned"
    if narrator_speaks(text):
        return "the narrator speaks"  # "on our way out we followed cars full of the injured"
    if _guesses(text):
        return "a guess, no speaker"  # "The number of casualties may still increase ..."
    if _CUT_MID_PHRASE.search(text):
        return "a quotation cut mid-phrase"
    if not is_fluent(text):
        return "not fluent"
    if is_verbless(text):
        return "a caption: no verb"
    if is_title_case(text):
        return "a headline in title case"  # 'Esther Williams: "Million Dollar Mermaid" ...'
    return reads_alone_problem(text)


def reads_alone_problem(text: str) -> str | None:
    """Why, by its parse, a sentence cannot be read without the sentences around it, or
    None: a fragment with no subject, a subject that points back. A key point and a
    timeline entry are both read alone."""
    if _fragment(text):
        return "a fragment: no subject"
    if _subject_points_back(text):
        return "its subject points back"
    return None


def _subject_points_back(text: str) -> bool:
    """Whether the main clause's first subject points to a sentence the reader of the
    brief has not seen: a demonstrative alone ("For many Pakistanis, that is the next
    stage in the rapid emasculation of President Asif Ali Zardari's presidency.") or a
    pronoun with nothing before it to stand for (``grammar.subject_points_back``: "Later
    they struck an alliance with the United States"), the speaker's too."""
    doc = parse(text)
    if doc is None:
        return False
    root = main_verb(doc)
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    speaks = verb_lemma(root.text) in SPEECH_VERBS  # (the parse keeps no lemmas)
    earlier = [t for t in doc[: subject.i] if t.dep_ in SUBJECT_DEPS] if subject else []
    if (
        subject is not None
        and subject.lower_ in PERSON_PRONOUNS
        and (speaks or all(t.pos_ == "PRON" for t in earlier))
    ):
        # someone the reader was never told of: a claim's speaker, whatever clause comes
        # first ("Life in public isn't easy for her, she told the Telegraph", DUC 2007
        # D0736H), or one who acts after a clause whose subject is a pronoun too
        # ("Monday, as she did last year ..., she will be doing television commentary", a
        # marathon runner of DUC 2006 on the mix; not "After the child was rescued ...,
        # he became the subject of a custody dispute")
        return subject_points_back(doc, subject)
    # the sentence's first subject: "X will be the last time ... - that's if ..." has its
    # own before the aside's
    if subject is None or earlier:
        return False
    if subject.lower_ in DEMONSTRATIVES:
        # not the relative "that" (WDT) of a clause the parse made main
        return subject.tag_ == "DT" and not list(subject.children)
    return subject_points_back(doc, subject)


def _overtaken_forecast(text: str, reported: dt.date | None, latest: dt.date | None) -> bool:
    """Whether ``text`` forecasts for a time that a later report of the story is dated
    after: "GM and Delphi workers are expected to complete voting on their new contract by
    next week" (October 1999) in a story that runs to February 2000; "Jimmy Carter is
    scheduled to arrive in Nigeria next Tuesday" in one that runs a month on. What the
    forecast told has since happened or not, and the later reports tell which."""
    if reported is None or latest is None or latest <= reported or not forecasts(text):
        return False
    return any(
        m.future and m.value is not None and period_end(m.value, m.precision) < latest
        for m in find_times(text, reported)
    )


_FINITE = frozenset({"VBZ", "VBD", "VBP"})


def _fragment(text: str) -> bool:
    """Whether a sentence opens on its main verb and that verb has no subject: a profile's
    line ("Lives in Sandpoint, Idaho, and hosts a Spokane radio talk show about crime.",
    "Locked in a protracted court battle with O.J. Simpson ..."), an instruction ("Browse
    this A-Z list ...", "Please note: ..."). A root that is no verb is left alone: it is
    as often a misparse ("Additional questions center on Michael Flynn"), as is a verb
    that another verb follows ("Calls mount ..."); a participle opening a sentence and an
    inverted sentence stay too."""
    doc = parse(text)
    if doc is None:
        return False
    root = main_verb(doc)
    if any(c.dep_ in SUBJECT_DEPS for c in root.children):
        return False
    if root.pos_ not in {"VERB", "AUX"}:
        # A verb the parse took for a noun, as its finite conjunct shows: "No longer
        # practices and is a regular guest host" (a trial's "where are they now" list).
        return any(
            c.dep_ == "conj"
            and c.tag_ in _FINITE
            and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
            for c in root.children
        ) and all(t.pos_ in {"ADV", "PART", "PUNCT"} for t in doc[: root.i])
    if root.i + 1 < len(doc) and doc[root.i + 1].pos_ == "VERB":
        return False  # "Calls mount for Italian PM Silvio Berlusconi to resign": a noun
    if any(
        c.dep_ in {"advcl", "ccomp", "dep"}
        and c.tag_ in _FINITE
        and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
        for c in root.children
    ):
        # a noun read as the verb, the real one hung below it with no subject: "Debate
        # about the impact of mining ... reopened Wednesday after ..." (DUC 2007 D0716D)
        return False
    if root.tag_ == "VBG" or any(
        c.dep_ in {"aux", "auxpass"} and c.i > root.i for c in root.children
    ):
        # "Capping a legacy ..., the circus bade adieu": a participle before its subject;
        # "Apparently banned from the funeral was former President Mohammad Khatami"
        return False
    return all(token.pos_ in {"PUNCT", "INTJ", "ADV"} for token in doc[: root.i])


def _opens_on_an_earlier_year(text: str, reported: dt.date | None) -> bool:
    opening = _OPENING_YEAR.match(text)
    return bool(opening and reported and int(opening["year"]) <= reported.year - BACKGROUND_YEARS)


def order_news_first(texts: Sequence[str]) -> list[int]:
    """Return the indices of ``texts`` (in reading order): news first, then reactions."""
    return sorted(range(len(texts)), key=lambda i: (reported_speech(texts[i], REACTION_VERBS), i))


# Modals of a guess: "may still increase", "might rise". Not "could" ("the aircraft could
# cross the Atlantic at 1,350 mph": what it was able to do) nor "would" (reported plans).
_GUESS_MODALS = frozenset({"may", "might"})


def _guesses(text: str) -> bool:
    """Whether a sentence's main verb is a guess ("may", "might") that nobody is said to
    make: the reporter's forecast is no key point ("The number of casualties may still
    increase as rescue workers continue ..."); "Officials said the toll may rise" names
    who guesses."""
    doc = parse(text)
    if doc is None:
        return False
    root = main_verb(doc)
    modal = any(c.dep_ == "aux" and c.lower_ in _GUESS_MODALS for c in root.children)
    return modal and not reported_speech(text) and "according to" not in text.lower()


def _speaks_without_speaker(text: str) -> bool:
    quoted = _quoted_words(text)
    if quoted < MIN_QUOTE_WORDS and not first_person(_unquoted(text)):
        return False
    doc = parse(text)
    if doc is None:
        return True
    inside = quoted_tokens(doc)
    for token in doc:
        if token.pos_ not in {"VERB", "AUX"} or token.i in inside:
            continue  # the quoted words' own verbs say nothing of who spoke them
        if not (verb_lemma(token.text) in SPEECH_VERBS or token.dep_ == "ROOT"):
            continue
        for child in token.children:
            if child.dep_ in {"nsubj", "nsubjpass"} or (
                child.dep_ == "agent" and verb_lemma(token.text) in SPEECH_VERBS
            ):
                span = doc[child.left_edge.i : child.right_edge.i + 1]
                if any(t.pos_ == "PROPN" for t in span) and is_named_speaker(span.text):
                    return False
    return True


def _claim_of_a_title(text: str) -> bool:
    """Return True for a claim whose speaker is a title with no name.

    "..., the US ambassador to the UK has insisted.": one person, left unnamed. A group
    ("officials", "a spokesman") is a label a reader can weigh; a name ("Gen. Vance"), a
    body ("the DNC") or a country ("Iran") names the side.
    """
    said = split_attribution(text)
    if said is None:
        return False
    doc = parse(said.speaker)
    if doc is None:
        return False
    head = main_verb(doc)  # the speaker phrase's head
    if head.lower_ in GENERIC_SPEAKERS or head.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return False
    return not any(e.label_ in {"PERSON", "ORG"} for e in doc.ents)


def is_fluent(text: str) -> bool:
    """Return False when the parse shows broken grammar (see the module docstring)."""
    doc = parse(text)
    if doc is None:
        return True
    if clause_glued_to_a_noun(doc):
        return False  # a heading run into the sentence ("... significance The US Coast ...")
    for token in doc:
        if token.dep_ != "mark" or token.lower_ in {"that", "whether", "if", "to"}:
            continue
        clause = token.head
        if clause.dep_ == "ROOT":
            return False  # "While Iran has pledged revenge ...": no main clause
        if clause.pos_ in {"NOUN", "PROPN", "NUM"} and not any(
            t.pos_ in {"VERB", "AUX"} for t in clause.subtree
        ):
            return False  # "until Iraq billions of dollars": a clause with no verb
    return True


def _quoted_words(text: str) -> int:
    parts = text.replace("“", '"').replace("”", '"').split('"')
    return sum(len(part.split()) for part in parts[1::2])


def _unquoted(text: str) -> str:
    parts = text.replace("“", '"').replace("”", '"').split('"')
    return " ".join(parts[0::2])
