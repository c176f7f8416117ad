"""Sentence grammar for headlines: is it a news sentence; its main verb in the present.

Uses spaCy's English dependency parse (``parsing.py``, ``pip install 'newsbrief[ner]'``);
without it, ``parse`` returns None and callers keep sentences as written (past tense and
all) rather than guess: a past-tense headline is better than a broken one.

* ``is_news_sentence``: a finite main clause with a subject (no caption, imperative or
  fragment), no question, no first or second person outside quotes (opinion, letters),
  no counterfactual ("would have had a field day"), not a live-blog or digest opener, and
  something to report: a name or a number.
* ``present_tense``: only the main verb of the main clause (and verbs coordinated with it)
  changes: "killed" -> "kills", "has indicated" -> "indicates", "is relocating" ->
  "relocates", "was killed" -> "is killed", and a clause of time with it ("when a mine
  collapsed" -> "collapses"); anything else is left. A sentence that sets itself in the
  past ("Before the 1997 handover, pundits predicted", "two centuries ago") stays in the
  past, as does one whose parse joins two verbs with no "and" (a relative clause misread
  as the main one).
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from newsbrief.summarize.attribution import attributed_statement
from newsbrief.summarize.candidates import is_caption
from newsbrief.summarize.parsing import inflect, main_verb, parse, plural_subject, verb_lemma
from newsbrief.timexpr import YEAR_DIGITS

_FIRST_SECOND_PERSON = frozenset(["i", "me", "my", "we", "us", "our", "you", "your"])
_COUNTERFACTUAL_MODALS = frozenset(["would", "could", "might", "should", "may", "must"])
_DIGEST = re.compile(
    # a digest's or a live page's opener, or a Q&A column's answer ("A: Flea beetles are
    # minuscule insects ...": a DUC 2006 headline)
    r"^(?:[QA]\s?:\s|the latest\b|here(?:'s| is| are)\b|what (?:we|you) (?:know|need)"
    r"|live updates?\b|"
    r"watch\b|listen\b|in pictures\b|photos?:|video:)|\(all times local\)",
    re.IGNORECASE,
)
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
# Words that open a clause which cannot stand alone ("Since the day she sailed ...,").
_SUBORDINATORS = frozenset(
    ["since", "when", "while", "as", "because", "although", "though", "if", "once", "until"]
)
# Subjects that point back to a name said before ("For now, she stays here").
_PERSONAL_PRONOUNS = frozenset(["he", "she", "him", "her"])
_PLURAL_PERSONAL_PRONOUNS = frozenset(["they", "them"])
# The pronouns a main clause's subject may be that stand for people ("..., she told the
# Telegraph").
PERSON_PRONOUNS = frozenset(["he", "she", "they"])
# The entity types of words that stand for nobody a pronoun could mean.
_NOBODY_ENTITIES = frozenset(
    ["DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"]
)
# A group named by its size alone stands for names told before, as "they" does: "the pair",
# "the two", "both" ("Nearly four months later, on Feb. 22, the pair was hit with
# additional tax evasion and bank fraud charges").
_GROUP_BY_SIZE = frozenset(["pair", "duo", "trio", "couple", "two", "three", "both"])
# Words that point to what the reader was just told: "that group", "That is the next stage".
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
# The dependencies of a clause's subject (spaCy's English labels).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# Clauses of time that take the main verb's tense ("are killed when a mine collapses").
# "after" is not one: "five days after 40 personnel were killed" stays in the past.
_TIME_CLAUSE_MARKS = frozenset(["when", "as", "while", "before", "once", "until", "whenever"])
# What sets a whole sentence in the past: "before", "since" or a year as the main verb's
# own time ("Before the 1997 handover, pundits predicted", "has tripled since 1990");
# "ago" or "previously" in its adverbials. The main verb put in the present would clash.
_PAST_PREPOSITIONS = frozenset(["before", "since"])
_PAST_WORDS = frozenset(["ago", "previously", "formerly"])
_YEAR = re.compile(rf"^{YEAR_DIGITS}s?$")  # "1997", "the 1990s"


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
    if not text.strip() or text.rstrip().endswith("?") or _DIGEST.search(text) or is_caption(text):
        return False
    statement = news_parse_text(text)
    doc = parse(statement)
    if doc is None:
        return True
    root = main_verb(doc)
    if glued_text(doc):
        return False
    if root.pos_ not in {"VERB", "AUX"}:
        # No verb at all: a caption or a fragment ("A vehicle in the motorcade of ...");
        # a verb the parse attached elsewhere: a misparse of a news sentence. A participle
        # that only describes a noun ("a blown-out well") is no verb of a clause.
        return any(
            t.tag_ in _FINITE_TAGS or (t.tag_ == "VBN" and t.dep_ not in {"amod", "compound"})
            for t in doc
        ) and _reports(doc)
    children = list(root.children)
    subjects = [c for c in children if c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"}]
    if not subjects:
        return False  # an imperative or a fragment
    if subjects[0].lower_ in _PICTURES:
        return False  # "A video grab ... shows flames": a caption
    if _no_main_clause(doc, root):
        return False
    if statement == text and subject_points_back(doc, subjects[0]):  # no "Y, X said"
        return False
    if _defines(root):
        return False
    auxiliaries = [c for c in children if c.dep_ in {"aux", "auxpass"}]
    if root.tag_ not in _FINITE_TAGS and not any(a.tag_ in _FINITE_TAGS for a in auxiliaries):
        return False
    words = [a.lower_ for a in auxiliaries]
    if any(m in words for m in _COUNTERFACTUAL_MODALS) and "have" in words:
        return False  # "Hitchcock would have had a field day": comment, not report
    if words[:1] in (["has"], ["have"]) and _a_tenure_since_a_year(root, words):
        return False  # "Trudeau, 46, has been heading the party since 2013": a profile
    return _reports(doc)


# Verbs of holding a post or a place: "has led the party since 2013" is a profile's line.
_TENURE_VERBS = frozenset(
    ["be", "serve", "lead", "head", "run", "live", "work", "hold", "rule", "chair", "represent"]
)


def _a_tenure_since_a_year(verb: Any, auxiliaries: list[str]) -> bool:
    """Return True if ``verb`` is a state held "since" a year ("has been heading the party
    since 2013", "has been a member since March 2008"), not a change ("Since 1990, the
    number of soldiers has tripled")."""
    if "been" not in auxiliaries and verb_lemma(verb.text) not in _TENURE_VERBS:
        return False
    return any(
        child.lower_ == "since"
        and any(_YEAR.match(token.text) for token in child.subtree if token.i != child.i)
        for child in verb.children
    )


def glued_text(doc: Any) -> bool:
    """Return True for text glued together: one verb with two subjects side by side,
    nothing between them, as a page's link or title run into its first sentence ("Dr Conrad
    Murray has denied he caused Killed Michael Jackson's death Los Angeles prosecutors will
    file ...": "death" and "prosecutors" both subjects of "file"), or a whole clause hung on
    the noun before it (``clause_glued_to_a_noun``). Subjects apart ("the theory _ and not
    religious beliefs _ should", "were he in Congress, he would") are a sentence the parse
    reads its own way."""
    for token in doc:
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        for first, second in itertools.pairwise(subjects):
            # Two noun phrases that meet ("... death | Los Angeles prosecutors"), not a
            # "_" dash, a clause ending in a verb or a comma ("the man accused of killing |
            # student Mollie Tibbetts", a misparse of one subject).
            nouns = {first.pos_, second.pos_, first.right_edge.pos_} <= {"NOUN", "PROPN"}
            if nouns and second.i < token.i and second.left_edge.i == first.right_edge.i + 1:
                return True
    return clause_glued_to_a_noun(doc)


# Nouns a whole clause follows with no word to join them: a relative clause of time,
# place or manner ("the year they mounted Project Exile", "the way the board conducts its
# business") and the content of a thought or a statement ("the notion he would promote
# gay rights", "the fact he lied").
_OPEN_HEADS = frozenset(
    {"year", "day", "time", "week", "month", "night", "morning", "moment", "way", "reason"}
    | {"place", "season", "era", "decade", "hour", "minute", "afternoon", "evening", "date"}
    | {"notion", "idea", "fact", "belief", "claim", "fear", "hope", "news", "report", "sign"}
    | {"evidence", "suggestion", "assumption", "argument", "possibility", "chance", "view"}
    | {"feeling", "impression", "concern", "word", "promise", "assurance", "warning", "theory"}
    | {"rumor", "rumour", "thought", "sense", "message", "statement", "proof", "doubt"}
)


def clause_glued_to_a_noun(doc: Any) -> bool:
    """Whether a clause the parse hangs on the noun before it, with no word to join them,
    is complete, subject and object: no relative clause ("the case prosecutors will file"
    lacks its object; "the year they mounted Project Exile" is a time) but a sentence run
    on from a heading ("... of national significance The US Coast Guard is investigating
    reports ...", "... Michael Jackson's death Los Angeles prosecutors will file a
    criminal case ...")."""
    return any(_glued_clause(token) for token in doc)


def _glued_clause(verb: Any) -> bool:
    head = verb.head
    if verb.dep_ not in {"acl", "relcl"} or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if head.lower_ in _OPEN_HEADS or head.lower_.removesuffix("s") in _OPEN_HEADS:
        return False
    children = list(verb.children)
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    if subject is None or not any(c.dep_ == "dobj" for c in children):
        return False
    if any(c.dep_ == "mark" for c in children) or any(
        t.tag_ in {"WDT", "WP", "WP$", "WRB"} for t in subject.subtree
    ):
        return False  # "the technique that produced", "Indians whose tribes operate casinos"
    # The clause opens on its subject, capitalised as a sentence's first word is (a heading
    # then "The US Coast Guard ...", not "the money you give ..."), right after a noun.
    start = subject.left_edge.i
    doc = verb.doc
    return (
        start == verb.left_edge.i
        and start > 0
        and doc[start].text[:1].isupper()
        and doc[start].text != "I"  # "the numbers I've given you"
        and doc[start - 1].pos_ in {"NOUN", "PROPN"}
    )


def _no_main_clause(doc: Any, root: Any) -> bool:
    """Return True when the parse's main verb is that of an opening subordinate clause:
    "Since the day she sailed ... Marathon, her US debut ...", a sentence cut before its
    main clause (the main clause follows the opening clause's comma)."""
    if doc[0].lower_ not in _SUBORDINATORS:
        return False
    comma = next((t.i for t in doc if t.text == ","), None)
    return comma is not None and root.i < comma


def subject_points_back(doc: Any, subject: Any) -> bool:
    """Return True when ``subject`` is a personal pronoun that nothing before it in the
    sentence can stand for: it refers to a sentence the reader has not seen. "he" or "she"
    needs a name before it ("After the collapse of her second marriage, she suffered ...",
    "In one audio statement, he noted ..."), "they" a name or a plural noun ("In hindsight,
    they saw it as ..."; "Firefighters arriving on scene ..., so they focused" has one),
    "it" any noun ("For now it is refreshing"); "the pair", "the two", "both" and "the two
    issues" (``_counted_before``) as "they". A statement's speaker may be its antecedent
    ("It will close the plant, the company said": callers ask of the sentence's first
    subject)."""
    word = subject.lower_
    # A day or a number names nobody: "On Monday, he ...", "on Feb. 22, the pair ...".
    before = [t for t in doc[: subject.i] if t.ent_type_ not in _NOBODY_ENTITIES]
    if word in _PERSONAL_PRONOUNS:
        return not any(t.pos_ == "PROPN" for t in before)
    if word in _PLURAL_PERSONAL_PRONOUNS or _group_by_size(subject) or _counted_before(subject):
        return not any(t.pos_ == "PROPN" or t.tag_ in {"NNS", "NNPS"} for t in before)
    if word == "it":
        return not _expletive_it(subject) and not any(t.pos_ in {"PROPN", "NOUN"} for t in before)
    return False


def _group_by_size(subject: Any) -> bool:
    """Whether a subject is a group named by its size alone: "the pair", "the two",
    "both" (``_GROUP_BY_SIZE``)."""
    word = subject.lower_
    return word in _GROUP_BY_SIZE and (
        word == "both" or any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    )


# The parties of a story between two or more, whom its headline names: "The two leaders
# met in Singapore on Tuesday" reads alone in a brief on Trump and Kim.
_PARTIES = frozenset(["leaders", "sides", "countries", "nations", "governments", "parties"])


def _counted_before(subject: Any) -> bool:
    """Whether a subject counts things told before: "The two issues are paramount to
    Kennedy" (DUC 2007 D0726F), "these three men". Not when the phrase says which ("the
    two men who were arrested", "the three countries in the bloc"), a name ("the two
    Koreas") nor the story's parties (``_PARTIES``)."""
    children = list(subject.children)
    return (
        subject.tag_ == "NNS"
        and subject.lower_ not in _PARTIES
        and subject.ent_type_ not in _NOBODY_ENTITIES  # "The last five days have been"
        and any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in children)
        and any(c.dep_ == "nummod" and c.like_num for c in children)
        and not any(c.dep_ in {"prep", "acl", "relcl"} for c in children)
    )


# Verbs whose "it" stands for the clause after them: "it emerged that ...", "it seems that".
_CLAUSE_RAISING_VERBS = frozenset(["appear", "seem", "emerge", "transpire", "happen"])


def _expletive_it(subject: Any) -> bool:
    """Whether "it" stands for the that-clause of its verb, not for a thing told before:
    "On Friday, it was reported that ...", "it is likely that ...", "it emerged that ..."
    (not "it said that ...")."""
    verb = subject.head
    if not any(child.dep_ in {"ccomp", "csubj"} for child in verb.children):
        return False
    return (
        subject.dep_ == "nsubjpass"
        or verb.lemma_ == "be"
        or verb_lemma(verb.text) in _CLAUSE_RAISING_VERBS
    )


def _defines(root: Any) -> bool:
    """Return True when the main clause says what something is, in the present: "ABA is an
    intensive, one-on-one form of therapy that helps ...", a feature's explanation, no
    event ("The quake is the worst in a century" names one; "was a" tells a past)."""
    if root.lemma_ != "be" or root.tag_ not in {"VBZ", "VBP"}:
        return False
    return any(
        child.dep_ == "attr"
        and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in child.children)
        for child in root.children
    )


# The writer's forecast: "A caravan of hundreds of migrants is expected to reach the border"
# (NewsWCL50, on the day other reports say it arrived). Among several reports a forecast
# heads the brief only when no opening says what happened (``summarize.headline``), and a
# forecast whose day the story's later reports have passed is no key point
# (``summarize.keypoints``).
_FORECAST = re.compile(
    r"\b(?:is|are|was|were)\s+(?P<word>expected|scheduled|set|poised|slated|likely)\s+to\b"
    # a plan as the subject: "The balloonists' plan is to soar quickly to nearly 8,000
    # meters and drift towards Italy and Greece, reaching the Middle East on Saturday"
    # (DUC 2007 D0740I, a key point two years before the story's last report)
    r"|\b(?P<plan>plan|aim|goal|intention)s?\s+(?:is|are|was|were)\s+to\b",
    re.IGNORECASE,
)


def forecasts(text: str) -> bool:
    """Whether the sentence's main clause forecasts ("is expected to reach the border"); a
    forecast in a clause of its own is not the sentence's news ("the centerpiece of an
    address Kerry is scheduled to deliver")."""
    found = _FORECAST.search(text)
    if found is None:
        return False
    doc = parse(text)
    if doc is None:
        return True  # no parse: the words alone
    root = main_verb(doc)
    deps: tuple[str, ...]
    if found.group("plan"):  # the plan the main clause's subject
        word, deps = found.group("plan").lower(), ("nsubj",)
    else:
        word, deps = found.group("word").lower(), ("acomp", "xcomp")
    return any(
        token.lower_.removesuffix("s") == word
        and (token.i == root.i or (token.head.i == root.i and token.dep_ in deps))
        for token in doc
    )


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


def tells_what_had_happened(text: str) -> bool:
    """Return True if the statement's main verb is in the past perfect and the sentence
    sets it apart in time, by a year or an adverb of long standing ("William Dunlop, 36,
    had always denied killing Julie Hogg ... in 1989"): what had happened before the news,
    its background (a one-report brief of the thirty-fourth read was headed so). "X had
    raised $705,624 through the end of June" is a figure of the news, and stays."""
    doc = parse(news_parse_text(text))
    if doc is None:
        return False
    root = main_verb(doc)
    perfect = root.tag_ == "VBN" and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "'d"} for c in root.children
    )
    return perfect and (
        any(c.dep_ == "advmod" and c.lower_ in _LONG_STANDING for c in root.children)
        or any(_YEAR.match(token.text) for token in doc)
    )


# Adverbs that set a past perfect before the news: "had always denied", "had long sought".
_LONG_STANDING = frozenset(["always", "never", "long", "once", "previously", "formerly"])


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
    if (
        _set_in_the_past(root)
        or _verbs_joined_without_and(root)
        or _past_without_subject(root)
        or used_to(root)
    ):
        return text
    replace: dict[int, str] = {}
    drop: set[int] = set()
    plural = _number_of_auxiliary(root)
    if plural is None and not any(c.dep_ in SUBJECT_DEPS for c in root.children):
        # No auxiliary or subject shows the number: the parse lost the subject ("...,
        # natives who live in or near the Arctic Circle said they are worried" read
        # "Circle says"), and "said" stays as written.
        return text
    if plural is None:
        plural = plural_subject(root)
    if not _verb_to_present(root, plural, replace, drop):
        return text
    simple_past = root.tag_ == "VBD" and not any(
        c.dep_ in {"aux", "auxpass"} for c in root.children
    )
    for conj in _coordinated_verbs(root):
        # After a simple past, a coordinated "threatened" is a past too, whatever its tag.
        _follow_main_verb(conj, plural, simple_past, replace)
    # "are killed when a mine collapsed": the clause of time takes the present too; one
    # that is not a simple past ("When police had arrived") keeps the sentence in the past.
    for clause in _time_clauses(root):
        if not _follow_main_verb(clause, plural, False, replace):
            return text
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


def _coordinated_verbs(root: Any) -> list[Any]:
    """The verbs the parse coordinates with the main one ("killed ... and wounded")."""
    return [c for c in root.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}]


def _follow_main_verb(verb: Any, plural: bool, simple_past: bool, replace: dict[int, str]) -> bool:
    """Put a coordinated verb or a clause of time's verb in the present in ``replace``
    ("and was sentenced" -> "and is sentenced", "and he said" -> "and he says", "when a
    mine collapsed" -> "when a mine collapses"), in the number of its own subject when it
    has one; return False when it is a past it cannot turn ("had opened")."""
    subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    if subject:
        plural = plural_subject(verb)
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if auxiliaries:
        if [a.lower_ for a in auxiliaries] in (["was"], ["were"]) and verb.tag_ == "VBN":
            replace[auxiliaries[0].i] = "are" if plural else "is"
            return True
        return not any(a.tag_ == "VBD" for a in auxiliaries)
    if verb.tag_ == "VBD" or (simple_past and verb.tag_ == "VBN" and not subject):
        form = inflect(verb_lemma(verb.text), "VBP" if plural else "VBZ")
        if form:
            replace[verb.i] = form
            return True
        return False
    return True


def _time_clauses(root: Any) -> list[Any]:
    """The clauses of time ("when", "as", "before" ...) of the main verb and its
    coordinated verbs, and any that opens the sentence (the parse may hang "When she
    learned ..." on a verb inside the clause that follows it)."""
    verbs = [root, *_coordinated_verbs(root)]
    return [
        clause
        for clause in root.doc
        if clause.dep_ == "advcl"
        and (clause.head in verbs or clause.i < root.i)
        # spaCy attaches "when" as an adverb, "before" and "as" as markers
        and any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in _TIME_CLAUSE_MARKS for c in clause.children
        )
    ]


def used_to(verb: Any) -> bool:
    """True for the habitual past "used to" ("There used to be a joke that ..."): it has
    no present ("uses to")."""
    following = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return verb.lower_ == "used" and following is not None and following.lower_ == "to"


def _set_in_the_past(root: Any) -> bool:
    """Return True if the sentence sets its main verb in the past (``_PAST_WORDS``)."""
    verbs = [root, *_coordinated_verbs(root)]
    for verb in verbs:
        for child in verb.children:
            # A time before or since ("before the 1997 handover", "in 1998"), not a
            # sequence ("wounds four people before killing himself").
            objects = [o for o in child.children if o.dep_ == "pobj" and child.dep_ == "prep"]
            if objects and child.lower_ in _PAST_PREPOSITIONS:
                return True
            # "in 1998", "On Oct. 18, 1898", "in October 1974"; not "in the 1967 slayings"
            dates = [o for o in objects if o.ent_type_ == "DATE"]
            if any(_YEAR.match(o.text) for o in objects) or any(
                _YEAR.match(t.text) for o in dates for t in o.children
            ):
                return True
            if child.dep_ == "advmod" and child.lower_ == "before":
                return True  # "have impressed the world before"
            if child.dep_ in {"prep", "npadvmod", "advmod"} and any(
                t.lower_ in _PAST_WORDS for t in child.subtree
            ):
                return True
    return False


def _verbs_joined_without_and(root: Any) -> bool:
    """True when the parse coordinates a verb with the main one with no conjunction: a
    relative or reduced clause read as the main verb ("Bettie Page, whose ... photos made
    her a cult favorite, died"; "Legislation needed to implement a treaty passed")."""
    verbs = _coordinated_verbs(root)
    joined = any(c.dep_ == "cc" for c in root.children) or any(
        c.dep_ == "cc" for verb in verbs for c in verb.children
    )
    return bool(verbs) and not joined


def _past_without_subject(root: Any) -> bool:
    """True when a main verb with no object has a past-tense clause with no subject and no
    conjunction: the main verb read from a reduced relative clause ("A container of flu
    virus samples packed in dry ice exploded on a Swiss train": "packed" as the root,
    "exploded" as its clause; made "samples packs in dry ice exploded"). Not "police killed
    40 militants ..., a day after a bombing ... killed four people"."""
    if any(c.dep_ == "dobj" for c in root.children):
        return False
    return any(
        c.dep_ == "advcl"
        and c.tag_ == "VBD"
        and not any(g.dep_ in {"nsubj", "nsubjpass", "mark"} for g in c.children)
        for c in root.children
    )


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
