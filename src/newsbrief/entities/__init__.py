"""The entities stage: people, organisations and places of an event, merged across spellings.

``extract_entities(event, config)`` runs, in order:

1. recognise mentions in every article (title and text) with the configured backend:
   ``spacy`` (an installed spaCy English pipeline, ``pip install 'newsbrief[ner]'``) or
   ``rules`` (``entities.rules``, no model); ``auto`` uses spaCy when installed;
2. normalise each mention (``names.name_key``: accents, British/American spelling,
   titles, "the", possessives, dots) and map known variants to one name
   (``names.ALIASES``: "Daesh" / "ISIL" / "Islamic State");
3. merge clusters: an acronym with the span it abbreviates ("DND" / "Department of
   National Defence"); one person's names with and without middle initials ("Michael T.
   Flynn" / "Michael Flynn"); one-word names with the person whose first or last name
   they are ("Comey" -> "James Comey"; when several people share it, "Trump" ->
   "Donald Trump", the one named most, if named more than the others); a newspaper's
   short name with its full one ("Times" -> "New York Times"); transliterated full
   names whose words are nearly equal ("Qassem Soleimani" / "Qasem Soleimani"); a name
   and a capitalised common word of a quoted tweet ("Clinton Emails" -> Clinton);
4. give each entity its most common full spelling (in mixed case where one is),
   its type (a person when merged with a person's full name, else the majority), its
   mention count and its sources; sort by mentions, then sources.

Steps 3 and 4 are ``entities.merge``; the text's own cues (locative uses that type a
town, wire services, capitals inside sentences) are ``entities.cues``; docs/entities.md
lists every rule with its test.

Before clustering, mentions that are not names are left out (``keep_mention``): a span
only the headline or a title case line of the text has ("Comey Memos Show", "Canada Moves
Soldiers" of a headline repeated as the first line), a single word the event's own
text also writes in lower case more often than capitalised ("Flames", "Continue",
"Summit"), page furniture. A name the recogniser cut at a hyphen ("Moon Jae" of "Moon
Jae-in") is completed from the text.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from newsbrief import nlp
from newsbrief.clean.sentences import is_title_case
from newsbrief.config import EntitiesConfig
from newsbrief.entities import rules
from newsbrief.entities.cues import (
    called_a_person,
    dateline_in_word_case,
    dateline_spelling,
    is_english_word,
    is_product,
    is_shouted_word,
    is_title_of_work,
    is_wire_service,
    is_word_not_person,
    names_a_disease,
    speakers_in_word_case,
    word_case_counts,
    word_uses,
)
from newsbrief.entities.merge import (
    LEADING_ARTICLES,
    Mention,
    canonical_name,
    clean_surface,
    cluster_mentions,
    merge_clusters,
    merge_common_tails,
    merge_parenthesised,
    shown_type,
)
from newsbrief.entities.names import (
    ALIAS_SPELLINGS,
    ALIASES,
    OFFICE_TITLES,
    PERSON_TITLES,
    SHORT_TITLES,
    TITLE_MODIFIERS,
    fold,
    gazetteer_type,
    is_demonym,
    name_key,
    word_set,
)
from newsbrief.entities.reading import Span, read_event
from newsbrief.errors import ConfigError, MissingDependencyError
from newsbrief.model import LEAD_SENTENCES, Article, Entity, Event
from newsbrief.smart_stopwords import SMART_STOPWORDS

__all__ = ["BACKENDS", "extract_entities", "recognise_article", "spacy_available"]

log = logging.getLogger(__name__)

BACKENDS = ("auto", "spacy", "rules")
# spaCy labels -> brief types. NORP (nationalities), FAC and the rest are left out.
_SPACY_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place"}
# Landforms named by the word before them, which the model reads alone: "the North
# Anatolian fault" (NORP "North Anatolian"), "the Yangtze river". Not "coast" or "border":
# "the Turkish coast" describes, it names no place.
_LANDFORMS = frozenset(
    ["fault", "river", "sea", "strait", "gulf", "bay", "lake", "mountains", "desert", "peninsula"]
)


def _named_landform(doc: Any, ent: Any) -> Span | None:
    """The place a name and the landform after it name ("North Anatolian fault"), when
    the model took the name alone as a nationality or a place; else None."""
    if ent.label_ not in {"NORP", "GPE", "LOC"} or ent.end >= len(doc):
        return None
    landform = doc[ent.end]
    if landform.lower_ not in _LANDFORMS:
        return None
    after = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    if after is not None and after.is_lower and after.is_alpha and after.lower_.endswith("s"):
        return None  # "Yemeni sea pirates", "sea lanes": the landform describes a noun
    end = landform.idx + len(landform.text)
    return Span(doc.text[ent.start_char : end], "LOC", ent.start_char, end)


def _load_spacy(models: tuple[str, ...]) -> Any | None:
    """Return the process's spaCy pipeline (``newsbrief.nlp``: one for every stage)."""
    return nlp.load(models)


def _spacy_models(config: EntitiesConfig) -> tuple[str, ...]:
    default = EntitiesConfig().spacy_model
    if config.spacy_model == default:
        return (default, "en_core_web_sm")  # the same pipeline under spaCy's own name
    return (config.spacy_model,)


def spacy_available(config: EntitiesConfig) -> bool:
    """Return whether the spaCy pipeline of ``config.spacy_model`` is installed."""
    return _load_spacy(_spacy_models(config)) is not None


def _recogniser(
    config: EntitiesConfig, lead_only: bool = False
) -> Callable[[list[str]], list[list[Mention]]]:
    """Return a function from texts to their mentions, for the configured backend; with
    ``lead_only`` spaCy reads only the leads (``LEAD_SENTENCES``), names it found there
    are counted in the rest by string."""
    if config.backend not in BACKENDS:
        raise ConfigError(
            f"unknown entities backend {config.backend!r}; choose one of: {', '.join(BACKENDS)}"
        )
    spacy = None if config.backend == "rules" else _load_spacy(_spacy_models(config))
    if spacy is None and config.backend == "spacy":
        raise MissingDependencyError("the spaCy entity recogniser", "ner")
    if spacy is None:
        log.debug("entities: rule-based recogniser (spaCy model %r absent)", config.spacy_model)
        return lambda texts: [_rule_mentions(text) for text in texts]

    models = _spacy_models(config)

    def model(sentences: list[str]) -> Iterator[list[Span]]:
        # Only the entity recogniser runs: en_core_web_sm's "ner" embeds tokens itself
        # (same entities as without tok2vec, tagger and parser excluded; 2.4x faster).
        for doc in nlp.recognise(sentences, models):
            yield [
                _named_landform(doc, e) or Span(e.text, e.label_, e.start_char, e.end_char)
                for e in doc.ents
            ]

    def with_spacy(texts: list[str]) -> list[list[Mention]]:
        # The model reads the sentences that bring new names, leads first, within a
        # budget per article; what it found is counted elsewhere by string (reading.py).
        rounds = LEAD_SENTENCES if lead_only else None
        found = read_event(texts, model, config.ner_chars_per_article, _SPACY_TYPES, rounds)
        out = []
        for text, ents in zip(texts, found, strict=True):
            aliases = list(_ALIAS_PATTERN.finditer(text))
            # A known name the model cut in two is one name: "the Islamic State of Iraq"
            # and "Levant" (a place) inside "Islamic State of Iraq and the Levant".
            named = [
                e for e in ents if e.label_ in _SPACY_TYPES and not _inside_a_longer(e, aliases)
            ]
            mentions = [(e.text, _SPACY_TYPES[e.label_]) for e in named]
            # Alias names the model labelled otherwise ("ISIL" as a nationality) still count.
            spans = [(e.start_char, e.end_char) for e in named]
            out.append(mentions + _alias_mentions(aliases, spans) + _surname_mentions(text, ents))
        return out

    return with_spacy


def _rule_mentions(text: str) -> list[Mention]:
    """Return the rule recogniser's mentions; a second pass accepts sentence-initial
    words that are part of names found elsewhere in the text ("Soleimani was ...")."""
    from newsbrief.clean import split_sentences

    sentences = split_sentences(text)
    first = [m for sentence in sentences for m in rules.recognise(sentence)]
    known = {fold(word): kind for name, kind in first for word in name.split() if len(word) > 3}
    return [m for sentence in sentences for m in rules.recognise(sentence, known)]


# Alias variants the model may miss ("Daesh"): matched as whole words, case-sensitive but
# for names of three words or more, which a machine translation may write in lower case
# ("the extremist Islamic state of Iraq and the Levant", seed 003). Two-letter variants
# ("IS", "US") are too ambiguous to match without the model.
_ALIAS_PATTERN = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(
        f"(?i:{re.escape(v)})" if len(v.split()) >= 3 else re.escape(v)
        for v in sorted(ALIAS_SPELLINGS, key=lambda v: (-len(v), v))
        if len(v) > 3
    )
    + r")(?![\w])"
)


_POSSESSIVE = re.compile(r"['’]s$")


def _surname_mentions(text: str, ents: Any) -> list[Mention]:
    """Return later bare mentions of a person's surname the model missed.

    One sense per discourse: once an article names "Jonathan Vance", a capitalised
    "Vance" elsewhere in it is the same person (the small model misses some of these).
    """
    # The model sometimes ends a name with its possessive ("Matthew Shepard's").
    last_words = [
        _POSSESSIVE.sub("", e.text.split()[-1])
        for e in ents
        if e.label_ == "PERSON" and len(e.text.split()) > 1
    ]
    surnames = {word for word in last_words if len(word) > 3}
    if not surnames:
        return []
    taken = [(e.start_char, e.end_char) for e in ents]
    # Longest first ("Smith-Jones" before "Smith"), in an order that does not change with
    # the process's string hashing (a set's order did: briefs differed between runs).
    ordered = sorted(surnames, key=lambda name: (-len(name), name))
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b")
    return [
        (m.group(), "person")
        for m in pattern.finditer(text)
        if not any(s < m.end() and m.start() < e for s, e in taken)
    ]


def _alias_mentions(aliases: list[re.Match[str]], taken: list[tuple[int, int]]) -> list[Mention]:
    found = []
    for match in aliases:
        if not any(s < match.end() and match.start() < e for s, e in taken):
            found.append((match.group(), ALIASES[name_key(match.group())][1]))
    return found


_ARTICLE = re.compile(r"(?i:the)\s+")


def _inside_a_longer(span: Span, aliases: list[re.Match[str]]) -> bool:
    """Whether the model's ``span`` (its article aside) lies inside a longer alias match."""
    article = _ARTICLE.match(span.text)
    start = span.start_char + (article.end() if article else 0)
    length = span.end_char - start
    return any(
        m.start() <= start and span.end_char <= m.end() and m.end() - m.start() > length
        for m in aliases
    )


def _article_text(article: Article) -> str:
    """The text the recogniser reads: the title, then the text with its dateline's place
    and a transcript's speakers in words' case (``dateline_in_word_case``,
    ``speakers_in_word_case``)."""
    text = speakers_in_word_case(dateline_in_word_case(article.text))
    return f"{article.title}\n\n{text}" if article.title else text


def recognise_article(article: Article, config: EntitiesConfig) -> list[Mention]:
    """Return the raw (name, type) mentions in one article, before merging."""
    return _recogniser(config)([_article_text(article)])[0]


def extract_entities(event: Event, config: EntitiesConfig) -> tuple[Entity, ...]:
    """Return the people, organisations and places of an event, merged across spellings.

    Args:
        event: the articles of one event (copies count as sources).
        config: backend ("auto", "spacy", "rules") and how many entities to keep.

    Raises:
        ConfigError: unknown backend.
        MissingDependencyError: backend "spacy" without spaCy or its English model.
    """
    # A light brief of one report: the model reads its lead (EntitiesConfig.light_one_report).
    recognise = _recogniser(config, config.light_one_report and len(event.originals) == 1)
    # The recognisers read English: another language's text gives junk names ("Vi t Nam
    # s ra sao" of a Vietnamese report), so its reports add no names.
    articles = [a for a in event.articles if a.in_english]
    recognised = recognise([_article_text(a) for a in articles])
    lower_words = word_case_counts(a.text for a in articles)
    mentions = [
        _kept_mentions(found, article, lower_words)
        for article, found in zip(articles, recognised, strict=True)
    ]
    mentions = _joined_names(mentions, articles)
    mentions = _names_cut_short(mentions, articles)
    texts = [a.text for a in articles]
    clusters = cluster_mentions(zip((a.id for a in articles), mentions, strict=True))
    for cluster in clusters:
        # A name the text calls a person (a title, an age) is one before names are merged,
        # so it joins its full name ("Pippig", the model's place, and "Uta Pippig").
        if (
            cluster.type != "person"
            and gazetteer_type(cluster.name) is None
            and called_a_person(cluster.name, cluster.type, texts)
        ):
            cluster.fixed_type = "person"
    clusters = merge_clusters(clusters, config.merge_capitals, texts)
    clusters = merge_common_tails(clusters, lower_words)
    order = {a.id: i for i, a in enumerate(articles)}
    clusters = merge_parenthesised(clusters, texts)
    named = [
        (cluster, dateline_spelling(canonical_name(cluster), texts), shown_type(cluster, texts))
        for cluster in clusters
        if cluster.count >= config.min_mentions
    ]
    # The sentences the tagger reads for the names met once, parsed in one batch (spaCy's
    # cost per call is most of a short sentence's).
    tagged = {
        name: _tagged_sentence(name, articles) for cluster, name, _ in named if cluster.count == 1
    }
    nlp.parse_all([sentence for sentence in tagged.values() if sentence])
    entities = []
    for cluster, name, kind in named:
        if cluster.count == 1 and _ordinary_word(name, tagged[name]):
            log.debug("entities: %r left out: an ordinary word capitalised once", name)
            continue
        if is_title_of_work(name, kind, texts):
            log.debug("entities: %r is no person: a title (a magazine, a show)", name)
            kind = "organization"
        if is_product(name, kind, texts):
            log.debug("entities: %r left out: a product, not a person or a place", name)
            continue
        if is_word_not_person(name, kind, texts):
            log.debug("entities: %r left out: a word no use names a person", name)
            continue
        if kind == "person" and " " not in name and cluster.count == 1:
            # One word read once as a person: on the 2,000-article mix about a third of these
            # were no one ("Irony", "Calendar", "Schenectady", "Vioxx", "Brucella"), and a
            # person the story is about is named more than once or in full.
            log.debug("entities: %r left out: one word read once as a person", name)
            continue
        if kind == "person" and name.isupper() and " " not in name:
            # "VX" (a nerve agent), "ET" (a time zone), "EMPTA", "DMSO": the model's people
            # written in capitals were chemicals and acronyms on the 2,000-article mix.
            log.debug("entities: %r left out: an acronym, no person's name", name)
            continue
        if names_a_disease(name, texts):
            log.debug("entities: %r left out: a disease's name, not a place", name)
            continue
        entities.append(
            Entity(
                name=name,
                type=kind,
                count=cluster.count,
                sources=tuple(sorted(cluster.sources, key=order.__getitem__)),
                aliases=tuple(sorted(set(cluster.spellings) - {name})),
            )
        )
    entities = _without_shared_surnames(_without_joined_pairs(entities))
    entities.sort(key=lambda e: (-e.count, -len(e.sources), e.name))
    log.debug("event %s: %d entities", event.id, len(entities))
    # The editors read the list as "who matters most": most mentioned first.
    return tuple(entities[: config.max_entities])


def _without_joined_pairs(entities: list[Entity]) -> list[Entity]:
    """Leave out a name that joins two others of the list by "and": "Beck and Garrett"
    beside Malcolm Beck and John Howard Garrett, "Bertelsmann and Time Inc." beside both
    companies (the model's one span for two names; the twenty-ninth read of the mix). A
    name whose halves are not both listed stays ("Food and Drug Administration")."""

    def joins_two(entity: Entity) -> bool:
        left, _, right = entity.name.partition(" and ")
        if not right:
            return False
        others = [e for e in entities if e is not entity]
        # another's name or alias, or a listed person's surname ("Beck", Malcolm Beck)
        listed = {fold(n) for e in others for n in (e.name, *e.aliases)}
        listed |= {fold(e.name.split()[-1]) for e in others if e.type == "person"}
        return fold(left) in listed and fold(right) in listed

    kept = []
    for entity in entities:
        if joins_two(entity):
            log.debug("entities: %r left out: two listed names joined", entity.name)
            continue
        kept.append(entity)
    return kept


def _without_shared_surnames(entities: list[Entity]) -> list[Entity]:
    """Leave out a surname alone that two listed people share: a reader cannot tell whose
    it is ("Krause (6)" beside Barbara Krause and Ute Krause, "Fraschilla" beside Darlene
    and Jerry Fraschilla: the fortieth read of the mix's names). The full names stay."""
    surnames = Counter(
        fold(e.name.split()[-1]) for e in entities if e.type == "person" and " " in e.name
    )
    kept = []
    for entity in entities:
        # whatever the model typed it: "Parker (organization)" beside Liz and Denine Parker
        if entity.type != "place" and " " not in entity.name and surnames[fold(entity.name)] > 1:
            log.debug("entities: %r left out: the surname of two listed people", entity.name)
            continue
        kept.append(entity)
    return kept


def _kept_mentions(
    found: Iterable[Mention], article: Article, lower_words: Counter[str]
) -> list[Mention]:
    """Return an article's mentions completed and kept (``_completed``, ``keep_mention``),
    each distinct one checked once: both search the article's text, and a name met tens of
    thousands of times in one report made that quadratic (a hostile text: minutes)."""
    checked: dict[Mention, Mention | None] = {}
    kept = []
    body = sentence_case_text(article.text)
    for mention in found:
        if mention not in checked:
            complete = _completed(mention, article.text)
            keep = keep_mention(complete, article, lower_words, body)
            checked[mention] = complete if keep else None
        if (result := checked[mention]) is not None:
            kept.append(result)
    return kept


def _joined_names(
    mentions: list[list[Mention]], articles: Sequence[Article]
) -> list[list[Mention]]:
    """Return the mentions with an organisation the recogniser cut at "and" made whole,
    where the event's reports name it whole elsewhere: "But U.S. Customs and Border
    Protection warned ..." gave "U.S. Customs" (NewsWCL50-6's brief listed "U.S. Customs"
    beside the agency's full name in another report)."""
    joined = {
        name
        for found in mentions
        for name, kind in found
        if kind == "organization" and " and " in name
    }
    if not joined:
        return mentions
    out = []
    for found, article in zip(mentions, articles, strict=True):
        # Each distinct name is looked up once: a report may name one tens of thousands of
        # times, and each lookup searches its text.
        whole = {
            name: _whole_name(name, joined, article.text)
            for name in {name for name, kind in found if kind == "organization"}
        }
        out.append([(whole.get(name, name), kind) for name, kind in found])
    return out


def _names_cut_short(
    mentions: list[list[Mention]], articles: Sequence[Article]
) -> list[list[Mention]]:
    """Return the mentions with a person's name the recogniser cut short made whole: in a
    report that writes the name only followed by another person's name of the event, and
    the two together are a name the recogniser read whole elsewhere in the event. "Aung
    San" of "Opposition leader Aung San Suu Kyi said", beside "Suu Kyi" and "Aung San Suu
    Kyi" (a DUC 2007 brief listed "Suu Kyi (58)" and "Aung San (8)", one woman). Not a
    surname that also begins another name ("Frank" of Barney Frank before "Frank Riggs"),
    nor a word before a name ("Brewers Christian Yelich")."""
    people = {name for found in mentions for name, kind in found if kind == "person"}
    if len(people) < 2:
        return mentions
    out = []
    for found, article in zip(mentions, articles, strict=True):
        longer: dict[str, str] = {}
        for name in {name for name, kind in found if kind == "person"}:
            wholes = {
                whole
                for other in people
                if (whole := f"{name} {other}") in people and whole in article.text
            }
            if len(wholes) != 1:
                continue
            whole = wholes.pop()
            alone = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
            if len(alone.findall(article.text)) == article.text.count(whole):
                longer[name] = whole
        out.append([(longer.get(name, name), kind) for name, kind in found])
    return out


def _whole_name(name: str, joined: set[str], text: str) -> str:
    """``name`` continued as one of the ``joined`` names continues it after "and", when
    ``text`` writes it so ("Customs" -> "Customs and Border Protection"), else ``name``.
    A text that continues it two ways ("Bertelsmann and Time Inc.", "Bertelsmann and Time
    Warner": two deals in one DUC report) leaves it as it is: which one is meant is
    unknown (the first found had depended on the set's order, so runs differed)."""
    wholes = set()
    for full in joined:
        at = full.find(f"{name} and ")
        starts_a_word = at == 0 or (at > 0 and full[at - 1] == " ")
        if starts_a_word and full[at:] in text:
            wholes.add(full[at:])
    return wholes.pop() if len(wholes) == 1 else name


def _tagged_sentence(name: str, articles: Iterable[Article]) -> str | None:
    """Return the sentence whose tags tell whether ``name`` is an ordinary word
    (``_ordinary_word``): the first that holds it, or None for a name that cannot be one:
    more than one word, in capitals, in the gazetteer, or no word English has
    (lemminflect's dictionary knows "Abandoned", not "Kuwait")."""
    if " " in name or name.isupper() or gazetteer_type(name) is not None:
        return None
    if not is_english_word(name):
        return None
    from newsbrief.clean import split_sentences

    word = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    return next(
        (
            s
            for a in articles
            for s in (a.title or "", *(a.sentences or split_sentences(a.text)))
            if word.search(s)
        ),
        None,
    )


def _ordinary_word(name: str, sentence: str | None) -> bool:
    """Whether a name met once is an ordinary word capitalised: one English has as a word
    (``_tagged_sentence``), which the tagger, in its sentence, does not read as a proper
    noun (a machine translation's "... call American and foreign troops Abandoned.": a
    past participle)."""
    doc = nlp.parse(sentence) if sentence else None
    if doc is None:
        return False  # no tagger: the recogniser's call stands
    tags = {token.tag_ for token in doc if token.text == name}
    return bool(tags) and not tags & {"NNP", "NNPS"}


# A name cut at a hyphen by the tokenizer ("Moon Jae" of "Moon Jae-in", "Mar" of
# "Mar-a-Lago"): short lower-case parts, then perhaps a capitalised one; not "Trump-Abe".
_HYPHEN_TAIL = r"((?:-[a-z]{1,4})+(?:-[A-Z][a-z]+)?)(?![\w-])"
# Time zones the model takes for organisations ("GMT").
# Time zones and the clock's halves ("A.M." was a place of a National Post brief).
_TIME_ZONES = word_set("GMT UTC EST EDT CST CDT MST MDT PST PDT BST CET CEST IST JST A.M. P.M.")
# Lower-case words a name may start with: "bin Laden", "von Gernet", "de Clercq", "al-Qaeda".
_NAME_PARTICLES = word_set("bin ibn al el de da di du del della der den van von ter le la")
# Initials of common nouns, no one's name: "AI (28)" was a place of a TechCrunch brief
# (fundus_dev), "CTO", "VP" and "UI" its organisations.
_COMMON_INITIALS = word_set("AI CEO CFO COO CTO VP GDP IPO TV IT UI HR ID IQ DNA GPS SUV ATM VIP")


def _completed(mention: Mention, text: str) -> Mention:
    """Return the mention with the hyphenated tail ("Moon Jae-in"), the elided particle
    and name ("Chateau d'Oex") or the first word (``_name_before``) the text gives it,
    if any."""
    surface, kind = mention
    if surface + "-" in text:  # most names: no pattern to compile (one per name)
        match = re.search(re.escape(surface) + _HYPHEN_TAIL, text)
        if match:
            return surface + match.group(1), kind
    if surface + " d'" in text or surface + " d’" in text:
        match = re.search(re.escape(surface) + r"( d['’][A-Z]\w+)", text)
        if match:
            return surface + match.group(1), kind
    if " " not in surface and not surface.isupper() and (first := _name_before(surface, text)):
        return f"{first} {surface}", kind  # "Wars" -> "Star Wars", "Torah" -> "Simchat Torah"
    return mention


def sentence_case_text(text: str) -> str:
    """Return the text without its title case lines (headings, a headline repeated: the
    recogniser takes their capitals for names)."""
    return "\n".join(line for line in text.split("\n") if not is_title_case(line))


# The most words a name has: "United Nations Educational, Scientific and Cultural
# Organization" has 7; a longer span is a run-on the recogniser read as one name.
MAX_NAME_WORDS = 12


# A word of five digits or more: a postal code or a phone number, never a year or a
# model's number ("Windows 2000", "Boeing 747").
_POSTAL_NUMBER = re.compile(r"\b\d{5,}\b")


def keep_mention(
    mention: Mention, article: Article, lower_words: Counter[str], body: str | None = None
) -> bool:
    """Return whether a recognised mention is a name (see the module docstring).

    A mention absent from the article's body (``body``: its text without title case
    lines, ``sentence_case_text``) came from a title case headline or heading; a
    single word written in lower case at least as often as capitalised inside a sentence
    in the event's text is a common word ("Flames", "Summit", "Abandoned" that only
    starts a caption), unless the gazetteers know it; a time zone ("GMT") or a common
    noun's initials ("AI", "CEO") is none; a
    wire service ("AP") is a source, not an actor; nothing written all in lower case (in
    a cased script) is a name; nor is a place's people ("Somali", "Londoners"); nor a
    person's span, or one of three words or more, that ends in a short title ("Bloomington
    Police Sgt", "Oregon State Police and Capt"), nor a person's that ends in an office
    ("Okinawa Governor"); nor a span
    across a square bracket ("Reuters] Police" of "[Reuters] Police said"); nor a code
    with an underscore or a "person" with a digit ("HTML5", "Zotac EN860"), nor a span with
    a postal code ("MA 02107"); nor a span cut
    at a slash, or a person with one (a photo credit's "Rebecca Cooney/"); nor an English
    word in capitals ("WOW", "MOVED": ``cues.is_shouted_word``); nor a likeness ("West
    Nile-like"); nor a span with an unpaired quotation mark ('John Williams "Star Wars');
    nor one whose first word is a common word in -ing or -ly ("Surrounding Europa",
    "Normally Nguyen") or whose last is a function word ("Thompson in"); nor a span of
    more than ``MAX_NAME_WORDS`` words or with a word three times in a row (a hostile
    text's "Vioxx Vioxx Vioxx ...", 3,000 times: one "person" of 18,000 characters).
    """
    surface, kind = mention
    if body is None:
        body = sentence_case_text(article.text)
    if surface not in body or surface in _TIME_ZONES or surface in _COMMON_INITIALS:
        return False
    if surface.islower():  # cased letters, none a capital: "north coast" is no name
        return False
    if surface.count("[") != surface.count("]"):
        return False  # "Reuters] Police": a span across a bracketed credit, no name
    if sum(map(surface.count, '"“”')) % 2:
        return False  # 'John Williams "Star Wars': a span into a quoted title, no name
    if "_" in surface or (kind == "person" and any(c.isdigit() for c in surface)):
        return False  # a code ("REL_WHEEL_HI_RES", "WJ-BJB_11"), a model ("Zotac EN860")
    if _POSTAL_NUMBER.search(surface):
        return False  # an address's postal code ("MA 02107"), a phone number: no name
    if surface.startswith("/") or surface.endswith("/") or (kind == "person" and "/" in surface):
        return False  # a photo credit: "Rebecca Cooney/" of "(Rebecca Cooney/NYT Photo)"
    if "/" in surface and " " in surface:
        # names run together by a slash: a credit ("Cairo University/Goran Tomasevic"), a
        # list ("Coca-Cola/Carter Center/Emory"); "AC/DC" stays
        return False
    opening = surface.split()[0].split("-")[0]
    if (
        opening[:1].isalpha()
        and opening.islower()
        and opening not in _NAME_PARTICLES
        and opening not in LEADING_ARTICLES  # "the West Bank": cut by clean_surface
    ):
        # "city Department of ...", "pre-Revolutionary War years", "u. s Energy"; not
        # "al-Qaeda", "bin Laden", "eBay"
        return False
    if surface.endswith(("-like", "-style")):
        return False  # "West Nile-like virus": a likeness, no name
    if is_wire_service(clean_surface(*mention)[0]):
        log.debug("entities: %r left out: a wire service is a source", surface)
        return False
    words = surface.split()
    if len(words) > 1 and words[-1].isalpha() and words[-1] in SMART_STOPWORDS:
        # "Thompson in", "Associated Press Like us": a span run into the words after it
        # (no name ends on a function word; "the North Anatolian fault" may end in lower
        # case, and a possessive's "'s" is cut later)
        return False
    last = fold(words[-1]).rstrip(".")
    if last in SHORT_TITLES and (kind == "person" or len(words) > 2):
        # "Bloomington Police Sgt", "Oregon State Police and Capt": cut before the name it
        # titles, whatever the model calls it
        return False
    if kind == "person" and len(words) > 1 and last in OFFICE_TITLES:
        # "Okinawa Governor" of "Okinawa Governor Denny Tamaki" (WCEP dev on the mix): a
        # person's name ends on no office; read as one, it took the 15 mentions of
        # "Okinawa", the place, as its surname's
        return False
    if len(words) > MAX_NAME_WORDS or any(
        a == b == c for a, b, c in zip(words, words[1:], words[2:], strict=False)
    ):
        return False  # "Vioxx Vioxx Vioxx ...": a repeated word or a run-on span, no name
    first, *rest = words
    if rest and first.endswith(("ing", "ly")) and _written_lower(first.lower(), lower_words):
        # "Surrounding Europa", "Normally Nguyen": a sentence's first word before a name
        return False
    if gazetteer_type(surface) is not None:
        return True  # one the gazetteers know ("UNITED NATIONS")
    if rest and surface.isupper() and all(map(_ordinary_capitals, words)):
        return False  # a heading in capitals: "GOING HOME TO DIE", "UNUSUAL ENVELOPE"
    if rest:
        return True  # a name of several words
    if is_demonym(surface):
        return False  # "Somali", "Montenegrin": a people, which the recogniser leaves out
    if surface.isupper():
        return not is_shouted_word(surface, article.text)
    return not _written_lower(surface.lower(), lower_words)


def _ordinary_capitals(word: str) -> bool:
    """Whether a word of a name in capitals is an English word: a function word ("TO",
    "OF") or one lemminflect's dictionary has ("DIE", "ENVELOPE"; not "YORK")."""
    return word.lower() in SMART_STOPWORDS or (word.isalpha() and is_english_word(word))


def _name_before(word: str, text: str) -> str | None:
    """The capitalised word that stands right before every use of ``word`` in ``text``
    inside a sentence, when it is one and the same and no title, possessive, people's
    name, function word, plural or word in capitals ("Star" of "Star Wars", "Santo" of
    "Santo Domingo"; not "President Trump", "Pakistan's ISI", "the Swiss Alps", "In
    Yemen", "External Affairs Sushma", "EARTHQUAKE Haiti")."""
    first = None
    for start in word_uses(word, text):
        if "-" in (text[start - 1 : start], text[start + len(word) : start + len(word) + 1]):
            continue  # a part of a hyphenated word ("Abdoul" of "Abdoul-Aziz"): no use
        previous = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if previous is None:
            return None  # the word alone, or a sentence's first word
        if first is None:
            first = previous.group(1)
            if not _may_start_a_name(first):
                return None  # most names: decided at their first use
        elif previous.group(1) != first:
            return None
    return first


def _may_start_a_name(word: str) -> bool:
    key = fold(word).rstrip(".")
    return (
        word[:1].isupper()
        and word.isalpha()
        and not word.isupper()
        and not key.endswith("s")  # a plural ends a title or a heading: "Affairs Sushma"
        and key not in SMART_STOPWORDS
        and key not in PERSON_TITLES
        and key not in TITLE_MODIFIERS
        and not is_demonym(word)
    )


# The word right before a name inside a sentence: after a space, a word that does not open
# the sentence (it follows another word, a comma or an opening quote, not a full stop).
_WORD_BEFORE = re.compile(r"(?<=[\w,;\"“‘`(]) [`'\"“‘(]*([^\s`'\"“‘(]+) $")


def _written_lower(word: str, lower_words: Counter[str]) -> bool:
    """Whether the event writes ``word`` in lower case at least as often as capitalised
    inside a sentence (``lower_words``: counts of both, the capitalised under "^word")."""
    return lower_words[word] >= lower_words["^" + word]


def group_by_type(entities: Iterable[Entity]) -> dict[str, list[Entity]]:
    """Return entities grouped by type, keeping their order (for renderers)."""
    grouped: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        grouped[entity.type].append(entity)
    return dict(grouped)
