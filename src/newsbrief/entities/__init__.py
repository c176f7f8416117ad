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
   names whose words are nearly equal ("Qassem Soleimani" / "Qasem Soleimani");
4. give each entity its most common full spelling (in mixed case where one is),
   its type (a person when merged with a person's full name, else the majority), its
   mention count and its sources; sort by mentions, then sources.

Before clustering, mentions that are not names are left out (``keep_mention``): a span
only the headline has (title case: "Comey Memos Show"), a single word the event's own
text also writes in lower case more often than capitalised ("Flames", "Continue",
"Summit"), page furniture. A name the recogniser cut at a hyphen ("Moon Jae" of "Moon
Jae-in") is completed from the text.
"""

from __future__ import annotations

import difflib
import functools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newsbrief import nlp
from newsbrief.config import EntitiesConfig
from newsbrief.entities import rules
from newsbrief.entities.names import (
    ALIAS_SPELLINGS,
    ALIASES,
    CAPITALS,
    ORG_HEADS,
    PERSON_TITLES,
    PLACE_KEYS,
    TITLE_MODIFIERS,
    acronym,
    fold,
    gazetteer_type,
    name_key,
    strip_title,
    word_set,
)
from newsbrief.entities.reading import Span, read_event
from newsbrief.errors import ConfigError, MissingDependencyError
from newsbrief.model import LEAD_SENTENCES, Article, Entity, Event

__all__ = ["BACKENDS", "extract_entities", "recognise_article", "spacy_available"]

log = logging.getLogger(__name__)

BACKENDS = ("auto", "spacy", "rules")
# spaCy labels -> brief types. NORP (nationalities), FAC and the rest are left out.
_SPACY_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place"}
# Two spellings of one word in transliterated names ("Qassem"/"Qasem") are at least this
# similar (difflib ratio); tuned on the seeds and common Arabic/Persian/Russian names
# (Mohamed/Mohammed 0.93, Qassem/Qasem 0.91, Gaddafi/Qaddafi 0.86; Mark/Mike 0.5).
_SAME_WORD_RATIO = 0.85
Mention = tuple[str, str]  # (surface name, type)


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
            yield [Span(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents]

    def with_spacy(texts: list[str]) -> list[list[Mention]]:
        # The model reads the sentences that bring new names, leads first, within a
        # budget per article; what it found is counted elsewhere by string (reading.py).
        rounds = LEAD_SENTENCES if lead_only else None
        found = read_event(texts, model, config.ner_chars_per_article, _SPACY_TYPES, rounds)
        out = []
        for text, ents in zip(texts, found, strict=True):
            mentions = [(e.text, _SPACY_TYPES[e.label_]) for e in ents if e.label_ in _SPACY_TYPES]
            # Alias names the model labelled otherwise ("ISIL" as a nationality) still count.
            spans = [(e.start_char, e.end_char) for e in ents if e.label_ in _SPACY_TYPES]
            out.append(mentions + _alias_mentions(text, spans) + _surname_mentions(text, ents))
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


# Alias variants the model may miss ("Daesh"): matched as whole words, case-sensitive.
# Two-letter variants ("IS", "US") are too ambiguous to match without the model.
_ALIAS_PATTERN = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(re.escape(v) for v in sorted(ALIAS_SPELLINGS, key=len, reverse=True) if len(v) > 3)
    + r")(?![\w])"
)


def _surname_mentions(text: str, ents: Any) -> list[Mention]:
    """Return later bare mentions of a person's surname the model missed.

    One sense per discourse: once an article names "Jonathan Vance", a capitalised
    "Vance" elsewhere in it is the same person (the small model misses some of these).
    """
    surnames = {
        e.text.split()[-1]
        for e in ents
        if e.label_ == "PERSON" and len(e.text.split()) > 1 and len(e.text.split()[-1]) > 3
    }
    if not surnames:
        return []
    taken = [(e.start_char, e.end_char) for e in ents]
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, surnames)) + r")\b")
    return [
        (m.group(), "person")
        for m in pattern.finditer(text)
        if not any(s < m.end() and m.start() < e for s, e in taken)
    ]


def _alias_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    found = []
    for match in _ALIAS_PATTERN.finditer(text):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            found.append((match.group(), ALIASES[name_key(match.group())][1]))
    return found


def _article_text(article: Article) -> str:
    return f"{article.title}\n\n{article.text}" if article.title else article.text


def recognise_article(article: Article, config: EntitiesConfig) -> list[Mention]:
    """Return the raw (name, type) mentions in one article, before merging."""
    return _recogniser(config)([_article_text(article)])[0]


@dataclass
class _Cluster:
    key: str
    spellings: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    sources: dict[str, None] = field(default_factory=dict)
    fixed_type: str | None = None

    @property
    def count(self) -> int:
        return sum(self.spellings.values())

    def absorb(self, other: _Cluster) -> None:
        self.spellings.update(other.spellings)
        self.types.update(other.types)
        self.sources.update(other.sources)
        self.fixed_type = self.fixed_type or other.fixed_type

    @property
    def type(self) -> str:
        if self.fixed_type:
            return self.fixed_type
        return self.types.most_common(1)[0][0]

    @property
    def name(self) -> str:
        """The most common full spelling ("James Comey" over "James B. Comey" and "Comey");
        a dateline's capitals ("SEOUL") only when no other spelling is."""
        multi_word = [s for s in self.spellings if len(s.split()) > 1] or list(self.spellings)
        return max(
            multi_word,
            key=lambda s: (not s.isupper(), self.spellings[s], -len(s.split()), s),
        )


_COMPANY_SUFFIX = re.compile(r",?\s+(?:corp|corporation|inc|incorporated|ltd|limited|co|plc|llc)$")
_OF_NAME = re.compile(r"^(department|ministry|office|bureau) of (\w+)$")


def cluster_key(name: str) -> str:
    """Return the key that joins spellings of one name: ``name_key`` without a company
    suffix ("Microsoft Corp." / "Microsoft") and with "X of Y" read as "Y X" ("Department
    of Justice" / "Justice Department")."""
    key = _COMPANY_SUFFIX.sub("", name_key(name)) or name_key(name)
    return _OF_NAME.sub(r"\2 \1", key)


def _clean_surface(name: str, kind: str) -> tuple[str, str]:
    """Return a mention without possessive, leading "the" and titles, and its type.

    A title makes the mention a person whatever the recogniser said ("General Vance").
    """
    name = " ".join(name.replace("’", "'").split())
    name = name.removesuffix("'s").removesuffix("'").strip(' ,;:"“”()')
    if name.lower().startswith("the "):
        name = name[4:]
    untitled = strip_title(name)
    if untitled != name and fold(untitled.split()[-1]) not in ORG_HEADS:
        return untitled, "person"
    return name, kind


def _cluster_mentions(per_article: Iterable[tuple[str, list[Mention]]]) -> list[_Cluster]:
    clusters: dict[str, _Cluster] = {}
    for article_id, mentions in per_article:
        for surface, kind in mentions:
            name, kind = _clean_surface(surface, kind)
            if fold(name) in TITLE_MODIFIERS or fold(name).rstrip(".") in PERSON_TITLES:
                continue  # "Defense" of "Defense Minister": part of a title, not a name
            kind = gazetteer_type(name) or kind  # the model's small errors: "Twitter" a person
            key = cluster_key(name)
            if len(key) < 2 or not any(c.isalpha() for c in key):
                continue
            fixed = None
            spelling = name
            if name_key(name) in ALIASES:
                name, fixed = ALIASES[name_key(name)]
                key = cluster_key(name)
            cluster = clusters.setdefault(key, _Cluster(key))
            cluster.spellings[spelling] += 1
            cluster.types[kind] += 1
            cluster.sources[article_id] = None
            cluster.fixed_type = cluster.fixed_type or fixed
    return list(clusters.values())


@functools.lru_cache(maxsize=65536)
def _similar_words(a: str, b: str) -> bool:
    if a == b:
        return True
    if 2 * min(len(a), len(b)) < _SAME_WORD_RATIO * (len(a) + len(b)):
        return False  # the lengths alone bound the ratio below the threshold
    if not set(a[:2]) & set(b[:3]) and not set(a[-2:]) & set(b[-3:]):
        return False  # transliterations keep some of the start or the end
    matcher = difflib.SequenceMatcher(None, a, b)
    # The cheap upper bounds first: most pairs of names fail them (O(n^2) pairs per event).
    return (
        matcher.real_quick_ratio() >= _SAME_WORD_RATIO
        and matcher.quick_ratio() >= _SAME_WORD_RATIO
        and matcher.ratio() >= _SAME_WORD_RATIO
    )


@dataclass
class _Kept:
    """A cluster kept by ``_merge`` with what the comparisons need, computed once."""

    cluster: _Cluster
    words: list[str]
    initials: frozenset[str]
    any_person: bool
    majority_person: bool

    @classmethod
    def of(cls, cluster: _Cluster) -> _Kept:
        words = cluster.key.split()
        return cls(
            cluster, words, _initials(cluster), "person" in cluster.types, cluster.type == "person"
        )


def _initials(cluster: _Cluster) -> frozenset[str]:
    """Return the acronyms of a cluster's names of three words or more: of the capitalised
    words ("DND", Department of National Defence) or of all words ("DOJ")."""
    found = set()
    for spelling in cluster.spellings:
        words = spelling.split()
        if len(words) > 2:
            found.add(fold(acronym(spelling)))
            found.add(fold("".join(w[0] for w in words if w.lower() != "the")))
    return frozenset(found)


# "III" follows the same person's name with or without it (Robert S. Mueller III);
# "Jr." and "Sr." tell a father from his son (Donald Trump Jr.).
_NUMERALS = frozenset({"ii", "iii", "iv"})
_GENERATIONS = _NUMERALS | {"jr", "sr"}


def _without_initials(words: list[str]) -> list[str]:
    """A person's name words without middle initials and numerals ("III")."""
    return [w for w in words if len(w) > 1 and w not in _NUMERALS]


def _first_and_last(words: list[str]) -> tuple[str, ...]:
    """A full name's first and last name ("Donald Trump Jr." -> donald, trump); none
    for a one-word name."""
    bare = [w for w in words if len(w) > 1 and w not in _GENERATIONS]
    return (bare[0], bare[-1]) if len(bare) > 1 else ()


def _target(cluster: _Cluster, kept: list[_Kept]) -> _Kept | None:
    """Return the kept cluster that ``cluster`` is another name of, or None."""
    words = cluster.key.split()
    is_person = "person" in cluster.types
    if len(words) == 1:
        word = words[0]
        if cluster.name.isupper():
            for other in kept:  # "DND" / "Department of National Defence"
                if word in other.initials:
                    return other
        if word in ORG_HEADS:  # "Times" / "New York Times"
            heads = [o for o in kept if len(o.words) > 1 and o.words[-1] == word]
            if len(heads) == 1 and heads[0].cluster.type == "organization":
                return heads[0]
        if word in PLACE_KEYS:
            return None  # "Washington" the city, not "George Washington"
        # Equal to a first or last name, or a transliteration of one when both were seen
        # as people ("Soleimani" / "Qasem Soleimani", not "Baghdad" / "al-Baghdadi").
        matches = [
            other
            for other in kept
            if other.any_person
            and any(
                w == word or (is_person and _similar_words(word, w))
                for w in _first_and_last(other.words)
            )
        ]
        return _most_named(matches)
    if is_person:
        # "Michael T. Flynn" / "Michael Flynn", "Robert S. Mueller III" / "Robert Mueller",
        # "Sarah Huckabee Sanders" / "Sarah Sanders": one's words within the other's,
        # the first and last the same (not "Donald Trump Jr." / "Donald Trump").
        bare = _without_initials(words)
        for other in kept:
            theirs = _without_initials(other.words)
            if (
                other.any_person
                and other.words != words
                and min(len(bare), len(theirs)) > 1
                and (bare[0], bare[-1]) == (theirs[0], theirs[-1])
                and (set(bare) <= set(theirs) or set(theirs) <= set(bare))
            ):
                return other
    majority_person = cluster.type == "person"
    for other in kept:
        if len(other.words) != len(words) or not (majority_person or other.majority_person):
            continue
        if all(
            _similar_words(a, b)
            for a, b in zip(reversed(words), reversed(other.words), strict=True)
        ):
            return other  # "Qassem Soleimani" / "Qasem Soleimani"
    return None


def _most_named(matches: list[_Kept]) -> _Kept | None:
    """Return the one match, or among several people sharing a name the one named more
    often than each other (news calls "Trump" the Trump it names most); else None."""
    if len(matches) < 2:
        return matches[0] if matches else None
    ranked = sorted(matches, key=lambda m: -m.cluster.count)
    return ranked[0] if ranked[0].cluster.count > ranked[1].cluster.count else None


def _merge(clusters: list[_Cluster], merge_capitals: bool = True) -> list[_Cluster]:
    """Merge acronyms, partial person names and transliterations (step 3 of the docstring)."""
    ordered = sorted(clusters, key=lambda c: (-len(c.key.split()), -c.count))
    kept: list[_Kept] = []
    for cluster in ordered:
        target = _target(cluster, kept)
        if target is None:
            kept.append(_Kept.of(cluster))
            continue
        if target.majority_person and len(target.words) > 1:
            # A person's full name fixes the type: "Trump" is not also an organisation.
            target.cluster.fixed_type = target.cluster.fixed_type or "person"
        target.cluster.absorb(cluster)
        kept[kept.index(target)] = _Kept.of(target.cluster)
    merged = [k.cluster for k in kept]
    return _merge_capitals(merged) if merge_capitals else merged


def _merge_capitals(clusters: list[_Cluster]) -> list[_Cluster]:
    """Merge a capital into its country when the event names both ("Tehran" / "Iran")."""
    by_key = {cluster.key: cluster for cluster in clusters}
    merged: list[_Cluster] = []
    for cluster in clusters:
        country = by_key.get(cluster_key(CAPITALS.get(cluster.key, "")))
        if country is not None and country is not cluster:
            country.absorb(cluster)
        else:
            merged.append(cluster)
    return merged


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
    articles = list(event.articles)
    recognised = recognise([_article_text(a) for a in articles])
    lower_words = _lower_case_words(articles)
    mentions = [
        [
            complete
            for mention in found
            if keep_mention(complete := _completed(mention, article.text), article, lower_words)
        ]
        for article, found in zip(articles, recognised, strict=True)
    ]
    clusters = _merge(
        _cluster_mentions(zip((a.id for a in articles), mentions, strict=True)),
        config.merge_capitals,
    )
    order = {a.id: i for i, a in enumerate(articles)}
    entities = []
    for cluster in clusters:
        if cluster.count < config.min_mentions:
            continue
        name = _canonical(cluster)
        entities.append(
            Entity(
                name=name,
                type=cluster.type,
                count=cluster.count,
                sources=tuple(sorted(cluster.sources, key=order.__getitem__)),
                aliases=tuple(sorted(set(cluster.spellings) - {name})),
            )
        )
    entities.sort(key=lambda e: (-e.count, -len(e.sources), e.name))
    log.debug("event %s: %d entities", event.id, len(entities))
    return tuple(entities[: config.max_entities])


_WORD_TOKEN = re.compile(r"[A-Za-z][a-z]+")
# A name cut at a hyphen by the tokenizer ("Moon Jae" of "Moon Jae-in", "Mar" of
# "Mar-a-Lago"): short lower-case parts, then perhaps a capitalised one; not "Trump-Abe".
_HYPHEN_TAIL = r"((?:-[a-z]{1,4})+(?:-[A-Z][a-z]+)?)(?![\w-])"
# Time zones the model takes for organisations ("GMT").
_TIME_ZONES = word_set("GMT UTC EST EDT CST CDT MST MDT PST PDT BST CET CEST IST JST")


def _lower_case_words(articles: Iterable[Article]) -> Counter[str]:
    """Count the event's words as written in lower case and capitalised (prefixed "^")."""
    counts: Counter[str] = Counter()
    for article in articles:
        for word in _WORD_TOKEN.findall(article.text):
            counts[word if word.islower() else "^" + word.lower()] += 1
    return counts


def _completed(mention: Mention, text: str) -> Mention:
    """Return the mention with the hyphenated tail the text gives it, if any."""
    surface, kind = mention
    match = re.search(re.escape(surface) + _HYPHEN_TAIL, text)
    return (surface + match.group(1), kind) if match else mention


def keep_mention(mention: Mention, article: Article, lower_words: Counter[str]) -> bool:
    """Return whether a recognised mention is a name (see the module docstring).

    A mention absent from the article's body came from its title case headline; a
    single word written in lower case at least as often as capitalised in the event's
    text is a common word ("Flames", "Summit"), unless the gazetteers know it; a time
    zone ("GMT") is none.
    """
    surface, _ = mention
    if surface not in article.text or surface in _TIME_ZONES:
        return False
    words = surface.split()
    if len(words) == 1 and not surface.isupper() and gazetteer_type(surface) is None:
        word = surface.lower()
        return lower_words[word] < lower_words["^" + word]
    return True


def _canonical(cluster: _Cluster) -> str:
    """Return the alias table's name for a listed entity, else its most common full spelling."""
    return ALIASES[cluster.key][0] if cluster.key in ALIASES else cluster.name


def group_by_type(entities: Iterable[Entity]) -> dict[str, list[Entity]]:
    """Return entities grouped by type, keeping their order (for renderers)."""
    grouped: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        grouped[entity.type].append(entity)
    return dict(grouped)
