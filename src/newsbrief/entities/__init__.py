"""The entities stage: people, organisations and places of an event, merged across spellings.

``extract_entities(event, config)`` runs, in order:

1. recognise mentions in every article (title and text) with the configured backend:
   ``spacy`` (an installed spaCy English pipeline, ``pip install 'newsbrief[ner]'``) or
   ``rules`` (``entities.rules``, no model); ``auto`` uses spaCy when installed;
2. normalise each mention (``names.name_key``: accents, British/American spelling,
   titles, "the", possessives, dots) and map known variants to one name
   (``names.ALIASES``: "Daesh" / "ISIL" / "Islamic State");
3. merge clusters: an acronym with the span it abbreviates ("DND" / "Department of
   National Defence"); one-word names with the one person whose first or last name they
   are ("Vance" -> "Jonathan Vance"); transliterated full names whose words are nearly
   equal ("Qassem Soleimani" / "Qasem Soleimani");
4. give each entity its most common full spelling, its majority type, its mention count
   and its sources; sort by number of sources, then mentions.
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

from newsbrief.config import EntitiesConfig
from newsbrief.entities import rules
from newsbrief.entities.names import (
    ALIAS_SPELLINGS,
    ALIASES,
    ORG_HEADS,
    PERSON_TITLES,
    TITLE_MODIFIERS,
    acronym,
    fold,
    gazetteer_type,
    name_key,
    strip_title,
)
from newsbrief.errors import ConfigError, MissingDependencyError
from newsbrief.model import Article, Entity, Event

__all__ = ["BACKENDS", "extract_entities", "recognise_article", "spacy_available"]

log = logging.getLogger(__name__)

BACKENDS = ("auto", "spacy", "rules")
# spaCy labels -> brief types. NORP (nationalities), FAC and the rest are left out.
_SPACY_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place"}
# Two spellings of one word in transliterated names ("Qassem"/"Qasem") are at least this
# similar (difflib ratio); tuned on the seeds and common Arabic/Persian/Russian names
# (Mohamed/Mohammed 0.93, Qassem/Qasem 0.91, Gaddafi/Qaddafi 0.86; Mark/Mike 0.5).
_SAME_WORD_RATIO = 0.85
# spaCy reads a text in pieces of at most this many characters, and pieces in batches of at
# most this many: a bound on its memory (E088 warns of about 1 GB per 100,000 characters
# for the full pipeline). A news article is far shorter (the longest text in the shared
# datasets has 53,372), so it is one piece and its entities are as before; only very long
# texts are cut.
SPACY_CHUNK_CHARS = 100_000

Mention = tuple[str, str]  # (surface name, type)


@functools.lru_cache(maxsize=4)
def _load_spacy(models: tuple[str, ...]) -> Any | None:
    try:
        import spacy
    except ImportError:
        return None
    for model in models:
        try:
            # Only the entity recogniser and the token vectors it reads: 1.7x faster.
            return spacy.load(
                model, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
            )
        except OSError:
            continue
    return None


def _spacy_models(config: EntitiesConfig) -> tuple[str, ...]:
    default = EntitiesConfig().spacy_model
    if config.spacy_model == default:
        return (default, "en_core_web_sm")  # the same pipeline under spaCy's own name
    return (config.spacy_model,)


def spacy_available(config: EntitiesConfig) -> bool:
    """Return whether the spaCy pipeline of ``config.spacy_model`` is installed."""
    return _load_spacy(_spacy_models(config)) is not None


def _recogniser(config: EntitiesConfig) -> Callable[[list[str]], list[list[Mention]]]:
    """Return a function from texts to their mentions, for the configured backend."""
    if config.backend not in BACKENDS:
        raise ConfigError(
            f"unknown entities backend {config.backend!r}; choose one of: {', '.join(BACKENDS)}"
        )
    nlp = None if config.backend == "rules" else _load_spacy(_spacy_models(config))
    if nlp is None and config.backend == "spacy":
        raise MissingDependencyError("the spaCy entity recogniser", "ner")
    if nlp is None:
        log.debug("entities: rule-based recogniser (spaCy model %r absent)", config.spacy_model)
        return lambda texts: [_rule_mentions(text) for text in texts]

    def with_spacy(texts: list[str]) -> list[list[Mention]]:
        # spaCy refuses texts over nlp.max_length (E088) and its memory grows with the
        # text: run it over bounded pieces of each text and join their mentions.
        budget = min(SPACY_CHUNK_CHARS, nlp.max_length)
        pieces = [(i, piece) for i, text in enumerate(texts) for piece in text_pieces(text, budget)]
        out: list[list[Mention]] = [[] for _ in texts]
        for batch in _batches(pieces, SPACY_CHUNK_CHARS):
            docs = nlp.pipe([piece for _, piece in batch], batch_size=len(batch))
            for (i, piece), doc in zip(batch, docs, strict=True):
                out[i].extend(_doc_mentions(piece, doc))
        return out

    return with_spacy


def text_pieces(text: str, budget: int) -> list[str]:
    """Return the text cut into pieces of at most ``budget`` characters.

    Cuts fall at a paragraph break, else after a sentence, else at a space, in the second
    half of the budget when there is one there, so few names are split; only a text
    without any space is cut mid-word.
    """
    pieces = []
    while len(text) > budget:
        cut = -1
        for boundary in ("\n\n", ". ", " "):
            found = text.rfind(boundary, budget // 2, budget - len(boundary) + 1)
            if found > 0:
                cut = found + len(boundary)
                break
        if cut <= 0:
            cut = budget
        pieces.append(text[:cut])
        text = text[cut:]
    pieces.append(text)
    return pieces


def _batches(
    pieces: list[tuple[int, str]], max_chars: int, max_texts: int = 16
) -> Iterator[list[tuple[int, str]]]:
    """Yield the pieces in batches of at most ``max_texts`` texts and ``max_chars``
    characters (a single longer piece alone): spaCy holds a whole batch in memory."""
    batch: list[tuple[int, str]] = []
    chars = 0
    for item in pieces:
        if batch and (len(batch) == max_texts or chars + len(item[1]) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[1])
    if batch:
        yield batch


def _doc_mentions(text: str, doc: Any) -> list[Mention]:
    """Return the mentions spaCy found in one text, plus aliases and surnames it missed."""
    mentions = [(e.text, _SPACY_TYPES[e.label_]) for e in doc.ents if e.label_ in _SPACY_TYPES]
    # Alias names the model labelled otherwise ("ISIL" as a nationality) still count.
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _SPACY_TYPES]
    return mentions + _alias_mentions(text, spans) + _surname_mentions(text, doc.ents)


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
        # A multi-word person name is strong evidence; otherwise the majority.
        return self.types.most_common(1)[0][0]

    @property
    def name(self) -> str:
        longest = max(len(s.split()) for s in self.spellings)
        full = Counter({s: c for s, c in self.spellings.items() if len(s.split()) == longest})
        return full.most_common(1)[0][0]


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
            key = name_key(name)
            if len(key) < 2 or not any(c.isalpha() for c in key):
                continue
            fixed = None
            spelling = name
            if key in ALIASES:
                name, fixed = ALIASES[key]
                key = name_key(name)
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
    initials: str
    any_person: bool
    majority_person: bool

    @classmethod
    def of(cls, cluster: _Cluster) -> _Kept:
        words = cluster.key.split()
        initials = fold(acronym(cluster.name)).replace(" ", "") if len(words) > 2 else ""
        return cls(cluster, words, initials, "person" in cluster.types, cluster.type == "person")


def _target(cluster: _Cluster, kept: list[_Kept]) -> _Kept | None:
    """Return the kept cluster that ``cluster`` is another name of, or None."""
    words = cluster.key.split()
    is_person = "person" in cluster.types
    if len(words) == 1:
        word = words[0]
        if cluster.name.isupper():
            for other in kept:  # "DND" / "Department of National Defence"
                if other.initials == word:
                    return other
        # Equal to a first or last name, or a transliteration of one when both were seen
        # as people ("Soleimani" / "Qasem Soleimani", not "Baghdad" / "al-Baghdadi").
        matches = [
            other
            for other in kept
            if other.any_person
            and len(other.words) > 1
            and any(
                w == word or (is_person and _similar_words(word, w))
                for w in (other.words[0], other.words[-1])
            )
        ]
        return matches[0] if len(matches) == 1 else None  # two people share it: leave it
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


def _merge(clusters: list[_Cluster]) -> list[_Cluster]:
    """Merge acronyms, partial person names and transliterations (step 3 of the docstring)."""
    ordered = sorted(clusters, key=lambda c: (-len(c.key.split()), -c.count))
    kept: list[_Kept] = []
    for cluster in ordered:
        target = _target(cluster, kept)
        if target is None:
            kept.append(_Kept.of(cluster))
        else:
            target.cluster.absorb(cluster)
            refreshed = _Kept.of(target.cluster)
            kept[kept.index(target)] = refreshed
    return [k.cluster for k in kept]


def extract_entities(event: Event, config: EntitiesConfig) -> tuple[Entity, ...]:
    """Return the people, organisations and places of an event, merged across spellings.

    Args:
        event: the articles of one event (copies count as sources).
        config: backend ("auto", "spacy", "rules") and how many entities to keep.

    Raises:
        ConfigError: unknown backend.
        MissingDependencyError: backend "spacy" without spaCy or its English model.
    """
    recognise = _recogniser(config)
    articles = list(event.articles)
    mentions = recognise([_article_text(a) for a in articles])
    clusters = _merge(_cluster_mentions(zip((a.id for a in articles), mentions, strict=True)))
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
    entities.sort(key=lambda e: (-len(e.sources), -e.count, e.name))
    log.debug("event %s: %d entities", event.id, len(entities))
    return tuple(entities[: config.max_entities])


def _canonical(cluster: _Cluster) -> str:
    """Return the alias table's name for a listed entity, else its most common full spelling."""
    return ALIASES[cluster.key][0] if cluster.key in ALIASES else cluster.name


def group_by_type(entities: Iterable[Entity]) -> dict[str, list[Entity]]:
    """Return entities grouped by type, keeping their order (for renderers)."""
    grouped: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        grouped[entity.type].append(entity)
    return dict(grouped)
