"""Step 3 and 4 of ``newsbrief.entities``: mentions into clusters, clusters merged across
spellings, and each cluster's shown name and type (see the package docstring and
docs/entities.md)."""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsbrief.entities.cues import (
    context_type,
    pronoun_gender,
    read_as_a_place,
    used_in_plural,
)
from newsbrief.entities.names import (
    ALIASES,
    CAPITALS,
    COUNTRY_KEYS,
    CUT_AFTER,
    NOT_A_NAME,
    ORG_HEADS,
    PERSON_TITLES,
    PLACE_KEYS,
    PLACE_SPELLINGS,
    STATE_ABBREVIATION,
    TITLE_MODIFIERS,
    acronym,
    demonym_place,
    fold,
    gazetteer_type,
    given_name,
    name_key,
    strip_title,
)

Mention = tuple[str, str]  # (surface name, type)
# Two spellings of one word in transliterated names ("Qassem"/"Qasem") are at least this
# similar (difflib ratio); tuned on the seeds and common Arabic/Persian/Russian names
# (Mohamed/Mohammed 0.93, Qassem/Qasem 0.91, Gaddafi/Qaddafi 0.86; Mark/Mike 0.5).
_SAME_WORD_RATIO = 0.85


@dataclass
class _Cluster:
    key: str
    spellings: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    sources: dict[str, None] = field(default_factory=dict)
    fixed_type: str | None = None
    fixed_name: str | None = None  # a country's name, however often its capital is named

    @property
    def count(self) -> int:
        return sum(self.spellings.values())

    def absorb(self, other: _Cluster) -> None:
        self.spellings.update(other.spellings)
        self.types.update(other.types)
        self.sources.update(other.sources)
        self.fixed_type = self.fixed_type or other.fixed_type

    @property
    def maybe_person(self) -> bool:
        """Whether the model read the name as a person once, or the text calls it one
        ("Anatoly Sobchak", the model's place both times, is "Sobchak" of 16 mentions)."""
        return "person" in self.types or self.fixed_type == "person"

    @property
    def type(self) -> str:
        if self.fixed_type:
            return self.fixed_type
        return self.types.most_common(1)[0][0]

    @property
    def name(self) -> str:
        """The most common full spelling ("James Comey" over "James B. Comey" and "Comey";
        "Suu Kyi" over "Aung San Suu Kyi", as news writes her: the longest spelling would
        have named Brian Jones "Briton Brian Jones"); a dateline's capitals ("SEOUL") only
        when no other spelling is."""
        if self.fixed_name:
            return self.fixed_name
        multi_word = [s for s in self.spellings if len(s.split()) > 1] or list(self.spellings)
        return max(
            multi_word,
            key=lambda s: (not s.isupper(), self.spellings[s], -len(s.split()), s),
        )


# Heads of a place named after its town ("Izmit Refinery"): the bare town is no name of it.
_FACILITY_HEADS = frozenset(
    {"refinery", "factory", "plant", "hospital", "university", "college", "school"}
    | {"center", "centre", "church", "club"}
)
_COMPANY_WORD = re.compile(
    r",?\s+(?:Corp|Corporation|Inc|Incorporated|Ltd|Limited|Co|Plc|PLC|LLC)\.?$"
)
_COMPANY_SUFFIX = re.compile(r",?\s+(?:corp|corporation|inc|incorporated|ltd|limited|co|plc|llc)$")
_OF_NAME = re.compile(r"^((?:\w+ )?)(department|ministry|office|bureau) of (\w+)$")


def cluster_key(name: str) -> str:
    """Return the key that joins spellings of one name: ``name_key`` without a company
    suffix ("Microsoft Corp." / "Microsoft") and with "X of Y" read as "Y X" ("Department
    of Justice" / "Justice Department", "U.S. Department of Justice" / "U.S. Justice
    Department")."""
    key = _COMPANY_SUFFIX.sub("", name_key(name)) or name_key(name)
    return _OF_NAME.sub(r"\1\3 \2", key)


# The articles a recogniser's span may open with, cut from the name.
LEADING_ARTICLES = frozenset({"the", "a", "an", "another"})


def clean_surface(name: str, kind: str) -> tuple[str, str]:
    """Return a mention without possessive, leading "the" and titles, and its type.

    A title makes the mention a person whatever the recogniser said ("General Vance"); a
    person's name ends before " of " ("Rejeanne Gilbert of Jonquiere").
    """
    name = " ".join(name.replace("’", "'").split())
    name = name.removesuffix("'s").removesuffix("'").strip(' ,;:"“”()-–—')
    closing = name.find(")")
    if closing >= 0 and "(" not in name[:closing]:
        name = name[:closing].rstrip(" ,;:-–—")  # "N.Y. Times News Service clients)(a"
    if name.count("(") > name.count(")"):
        # a bracket opened and not closed in the span: "Enforcement Directorate (ED" of
        # "the Enforcement Directorate (ED) said" (the 2,000-article mix)
        name = name[: name.rfind("(")].rstrip(" ,;:-–—")
    first, _, rest = name.partition(" ")
    if rest and (first.lower() == "the" or first in LEADING_ARTICLES):
        name = rest  # "the West Bank", "an Academy Award", "another National Academy"
    untitled = strip_title(name)
    # "General Motors Corp." and "Prince Edward Island" keep their first word.
    if untitled != name and gazetteer_type(name) is None:
        name, kind = untitled, "person"
    person = name.split(" of ")[0]
    if kind == "person" and len(person.split()) > 1 and _a_person_s(person):
        name = person  # "Rejeanne Gilbert of Jonquiere": where she is from
    return name, kind


def _a_person_s(name: str) -> bool:
    """Whether a name before " of " can be a person's: none that ends in an
    organisation's head word or a possessive ("Correspondents' Club of China")."""
    last = fold(name.split()[-1])
    return last not in ORG_HEADS and not last.endswith("'")


def cluster_mentions(per_article: Iterable[tuple[str, list[Mention]]]) -> list[_Cluster]:
    clusters: dict[str, _Cluster] = {}
    for article_id, mentions in per_article:
        for surface, kind in mentions:
            name, kind = clean_surface(surface, kind)
            if fold(name) in TITLE_MODIFIERS or fold(name).rstrip(".") in PERSON_TITLES:
                continue  # "Defense" of "Defense Minister": part of a title, not a name
            if fold(name).rstrip(".") in NOT_A_NAME or fold(name.split()[-1]) in CUT_AFTER:
                continue  # "North", "Euro", "Esq."; "Abdullah of": a name cut short
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
    bare: list[str]  # as a person's name: no initials, the given name in full

    @classmethod
    def of(cls, cluster: _Cluster) -> _Kept:
        words = cluster.key.split()
        return cls(
            cluster,
            words,
            _initials(cluster),
            cluster.maybe_person,
            cluster.type == "person",
            _given_in_full(_without_initials(words)),
        )


# The head of a body's name its initials often leave out: "HUD", "ATF" (the Bureau of
# Alcohol, Tobacco, Firearms and Explosives).
_OFFICE_WORDS = frozenset(["Department", "Ministry", "Office", "Bureau", "Secretariat"])


def _initials(cluster: _Cluster) -> frozenset[str]:
    """Return the acronyms of a cluster's names of three words or more: of the capitalised
    words ("DND", Department of National Defence) or of all words ("DOJ")."""
    found = set()
    for spelling in cluster.spellings:
        # "Energy Resources of Australia Ltd." is "ERA"
        words = _COMPANY_WORD.sub("", spelling).split()
        # "U.S. Customs and Border Protection" is "CBP" too: without its country
        keys = [cluster_key(word) for word in words]
        unplaced = words[len(keys) - len(_without_country(keys)) :]
        for named in {tuple(words), tuple(unplaced)}:
            if len(named) > 2:
                found.add(fold(acronym(" ".join(named))))
                found.add(fold("".join(w[0] for w in named if w.lower() != "the")))
        # "Department of Housing and Urban Development" is "HUD": without its office word
        if len(words) > 3 and words[0] in _OFFICE_WORDS and words[1] == "of":
            initials = acronym(" ".join(words[2:]))
            if len(initials) > 2:
                found.add(fold(initials))
    return frozenset(found)


# "III" follows the same person's name with or without it (Robert S. Mueller III);
# "Jr." and "Sr." tell a father from his son (Donald Trump Jr.).
_NUMERALS = frozenset({"ii", "iii", "iv"})
_GENERATIONS = _NUMERALS | {"jr", "sr"}


def _without_initials(words: list[str]) -> list[str]:
    """A person's name words without middle initials and numerals ("III")."""
    return [w for w in words if len(w) > 1 and w not in _NUMERALS]


def _given_in_full(words: list[str]) -> list[str]:
    """A person's name words with the given name in its full form ("jim hall" -> "james
    hall"); a one-word name as it is (a surname may be "Bill")."""
    return [given_name(words[0]), *words[1:]] if len(words) > 1 else words


def _first_and_last(words: list[str]) -> tuple[str, ...]:
    """A full name's first and last name ("Donald Trump Jr." -> donald, trump); none
    for a one-word name."""
    bare = [w for w in words if len(w) > 1 and w not in _GENERATIONS]
    return (bare[0], bare[-1]) if len(bare) > 1 else ()


_SEA_HEADS = frozenset({"ocean", "sea"})
# A region's word after its name, which news writes or leaves out: "Hebei" / "Hebei
# province" (one place twice in the thirty-fourth read). Not "county": "Hawaii" and "Hawaii
# County", "Sonoma" and "Sonoma County" are two places each.
_REGION_HEADS = frozenset({"province", "prefecture", "governorate", "oblast"})
# Institutions every country, state and city has: alone, news may mean its country's ("the
# Senate" of a Washington story) as well as the one other name it met ("Senate" was
# "Wyoming Senate" 13 times in DUC 2007 D0721E, which names the Wyoming Senate once). A
# state's or a city's does not take it; the country's ("U.S. Senate") and one with no
# place ("Supreme Court") still do, and "Globe" still joins "Boston Globe".
_INSTITUTIONS = frozenset(
    {"senate", "house", "congress", "parliament", "assembly", "court", "police", "army"}
    | {"navy", "government", "cabinet", "administration", "legislature", "council", "guard"}
)


def _target(cluster: _Cluster, kept: list[_Kept], texts: Sequence[str] = ()) -> _Kept | None:
    """Return the kept cluster that ``cluster`` is another name of, or None (``texts``: the
    event's, for the pronouns that tell two people sharing a surname apart)."""
    words = cluster.key.split()
    is_person = cluster.maybe_person
    if len(words) == 1:
        word = words[0]
        if cluster.name.isupper():
            for other in kept:  # "DND" / "Department of National Defence"
                # A place's initials name something else ("GM" crops, not the Gulf of
                # Mexico); the countries known by theirs are in the alias table ("UK").
                if word in other.initials and other.cluster.type != "place":
                    return other
        if word in ORG_HEADS:  # "Times" / "New York Times", "Court" / "Supreme Court"
            heads = [
                o
                for o in kept
                if len(o.words) > 1
                and o.words[-1] == word
                and not (word in _INSTITUTIONS and _below_a_country(o.words))
            ]
            if len(heads) == 1 and heads[0].cluster.type == "organization":
                return heads[0]
        if cluster.type == "organization":  # "Commerce" / "(U.S.) Commerce Department"
            headed = [
                o
                for o in kept
                if len(unplaced := _without_country(o.words)) == 2
                and unplaced[0] == word
                and unplaced[1] in ORG_HEADS
                and unplaced[1] not in _FACILITY_HEADS  # "Izmit" is no refinery
            ]
            if len(headed) == 1:
                return headed[0]
            # "House" / "U.S. House": the organisation with its country in front
            placed = [
                o
                for o in kept
                if not o.any_person
                and o.cluster.type != "place"
                and len(o.words) > 1
                and _without_country(o.words) == [word]
                and not (word in _INSTITUTIONS and _below_a_country(o.words))
            ]
            if len(placed) == 1:
                return placed[0]
        # "Netscape" / "Netscape Communications Corp."; a word the model reads as a person is
        # not the company ("Ranger" of "Ranger and Western Mining Corp.").
        company = None if cluster.type == "person" else _company_of(word, kept)
        if company is not None:
            return company
        if cluster.type == "place":
            # "Pacific" / "Pacific Ocean", "Caspian" / "Caspian Sea": one body of water;
            # "Hebei" / "Hebei province": one region.
            headed = [
                o
                for o in kept
                if o.cluster.type == "place"
                and len(o.words) == 2
                and o.words[0] == word
                and o.words[1] in _SEA_HEADS | _REGION_HEADS
            ]
            if len(headed) == 1:
                return headed[0]
        if word in PLACE_KEYS:
            # "Washington" the city, not "George Washington"; but "Washington D.C."
            return _place_with_state(word, kept)
        # "Oscar" / "Oscars", "Tony" / "Tonys": a thing named in the singular and plural
        # (the singular had been counted as a person of that first name), the plural
        # perhaps an alias's spelling ("Oscars" of "Academy Awards").
        plurals = [
            o
            for o in kept
            if not o.any_person
            and (
                o.words == [word + "s"]
                or any(name_key(s) == word + "s" for s in o.cluster.spellings)
            )
        ]
        if len(plurals) == 1:
            return plurals[0]
        # Equal to a first or last name, or a transliteration of one when both were seen
        # as people ("Soleimani" / "Qasem Soleimani", not "Baghdad" / "al-Baghdadi"). A
        # name the text puts where places go is no one's first name: news names a person
        # by the surname ("Ariel", a West Bank town of DUC 2006's settlements topic, had
        # joined "Ariel Sharon"), nor is one it writes in the plural ("the Oscars"). The
        # model's type alone does not tell: it read "Stephen" of Stephen Lawrence and
        # "Jiang" of Jiang Zemin as places.
        matches = [
            other
            for other in kept
            if other.any_person
            and any(
                w == word or (is_person and _similar_words(word, w))
                for w in _first_and_last(other.words)
            )
        ]
        if (
            matches
            and all(m.majority_person and _first_and_last(m.words)[-1] != word for m in matches)
            and (read_as_a_place(cluster.name, texts) or used_in_plural(cluster.name, texts))
        ):
            matches = []
        if not matches and cluster.type == "person":
            # "Lewis" / "Lennox Lewis", "Pippig" / "Uta Pippig": the surname of the one full
            # name the model read otherwise (ECB+'s boxer an organisation, DUC 2006's
            # marathoner one too); its other words a given name's, no organisation's head
            # or title ("MV Gibe", a ship, is no person "Gibe").
            matches = [o for o in kept if _full_name_of(word, o.words, o.cluster)]
            if len(matches) == 1:
                return matches[0]
        if not matches and given_name(word) != word:
            # "Tommy" / "Thomas Grover Masters", "Bettie" / "Betty Mae Page": a short form,
            # when no one is named with it as written ("Matt" is Matt Galloway where he is
            # named, not Matthew Shepard)
            matches = [
                o
                for o in kept
                if o.any_person and len(o.bare) > 1 and o.bare[0] == given_name(word)
            ]
        # Between a father and his son named as often, a bare "Trump" is not the son:
        # news writes "Jr." whenever it means him (the DNC's suit named "Donald Trump" and
        # "Donald Trump Jr." once each, and "Trump" of "the Trump campaign", 28 times, was
        # shown apart as an organisation).
        # A given name is either's ("Eric" of Eric Johnson and Eric Johnson Jr.).
        surnamed = [m for m in matches if _first_and_last(m.words)[-1:] == (word,)]
        if len(surnamed) > 1:
            # several people's surname ("Gingrich Enterprises", the model's person, is none)
            matches = _of_its_gender(cluster, surnamed, texts)
        surname = all(_first_and_last(m.words)[-1:] == (word,) for m in matches)
        fathers = [m for m in matches if "jr" not in m.words] if surname else matches
        return _most_named(matches) or (_most_named(fathers) if fathers != matches else None)
    if is_person:
        # "Suu Kyi" / "Aung San Suu Kyi", "Trump Jr." / "Donald Trump Jr.": the last words
        # of a longer person's name (news shortens a name without a surname so).
        longer = [
            other
            for other in kept
            if other.any_person
            and len(other.words) > len(words)
            and other.words[-len(words) :] == words
        ]
        if longer:
            return _most_named(longer)
        # "Michael T. Flynn" / "Michael Flynn", "Robert S. Mueller III" / "Robert Mueller",
        # "Sarah Huckabee Sanders" / "Sarah Sanders", "Jim Hall" / "James E. Hall": one's
        # words within the other's, the first (short forms read in full) and last the same
        # (not "Donald Trump Jr." / "Donald Trump").
        bare = _given_in_full(_without_initials(words))
        for other in kept:
            theirs = other.bare
            if (
                other.any_person
                and other.words != words
                and min(len(bare), len(theirs)) > 1
                and (bare[0], bare[-1]) == (theirs[0], theirs[-1])
                and (set(bare) <= set(theirs) or set(theirs) <= set(bare))
            ):
                return other
    if not is_person and cluster.type != "place":
        # "U.S. Justice Department" / "Justice Department": one organisation with and
        # without its country in front.
        unplaced = _without_country(words)
        for other in kept:
            if (
                not other.any_person
                and other.cluster.type != "place"
                and other.words != words
                and _without_country(other.words) == unplaced
                and not _placed_apart(words, other.words)
            ):
                return other
        # "Centers for Disease Control" / "(U.S.) Centers for Disease Control and
        # Prevention": the name and its full form, which adds "and ..." (the one named
        # most, when the text misspells it: "... and Protection"); not two names the model
        # read as one ("Carter Center and Emory University", "Oregon State Police and Capt")
        fuller = [
            other
            for other in kept
            if not other.any_person
            and other.cluster.type != "place"
            and len(theirs := _without_country(other.words)) > len(unplaced) + 1
            and theirs[: len(unplaced) + 1] == [*unplaced, "and"]
            and not any(_names_another(word) for word in theirs[len(unplaced) + 1 :])
        ]
        named_most = _most_named(fuller)
        if named_most is not None:
            return named_most
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


def _company_of(word: str, kept: list[_Kept]) -> _Kept | None:
    """Return the one company whose full name starts with ``word`` ("Caldera" / "Caldera
    Systems Inc."): a spelling with a company suffix and more than one word before it."""
    found = [
        other
        for other in kept
        if len(other.words) > 1
        and other.words[0] == word
        and not other.majority_person
        and any(_COMPANY_WORD.search(spelling) for spelling in other.cluster.spellings)
    ]
    return found[0] if len(found) == 1 else None


def _place_with_state(word: str, kept: list[_Kept]) -> _Kept | None:
    """Return the one place written as ``word`` and its state's abbreviation ("Washington
    D.C.", "Portland, OR"), not "Mexico City" for "Mexico"."""
    found = [
        other
        for other in kept
        if other.cluster.type == "place"
        and len(other.words) > 1
        and other.words[0] == word
        and any(
            all(STATE_ABBREVIATION.match(w) for w in spelling.split()[1:])
            for spelling in other.cluster.spellings
        )
    ]
    return found[0] if len(found) == 1 else None


def _names_another(word: str) -> bool:
    """Whether a word after "and" starts another name: an organisation's head word
    ("University") or a title ("Capt")."""
    word = fold(word).rstrip(".")
    return word in ORG_HEADS or word in PERSON_TITLES


def _without_country(words: list[str], countries_only: bool = False) -> list[str]:
    """An organisation's name words without a leading place ("us justice department",
    "boston globe"); with ``countries_only``, only a country's ("wyoming senate" stays)."""
    for size in (2, 1):
        head = " ".join(words[:size])
        if len(words) > size and (
            head in COUNTRY_KEYS
            or (
                not countries_only
                and (head in PLACE_KEYS or (head in ALIASES and ALIASES[head][1] == "place"))
            )
        ):
            return words[size:]
    return words


def _placed_apart(words: list[str], other: list[str]) -> bool:
    """Whether two organisation names open with two different places: two bodies ("Texas
    Board of Pardons and Paroles" / "Georgia Board of Pardons and Paroles", "Texas Supreme
    Court" / "U.S. Supreme Court": one entity in a DUC 2006 brief), not one with and
    without its place ("U.S. Justice Department" / "Justice Department")."""
    places = []
    for name in (words, other):
        key = " ".join(name[: len(name) - len(_without_country(name))])
        places.append(ALIASES.get(key, (key, ""))[0] if key else "")
    return all(places) and places[0] != places[1]


def _below_a_country(words: list[str]) -> bool:
    """Whether an organisation's name opens with a state's, province's or city's name
    ("wyoming senate", "texas house")."""
    return _without_country(words) != _without_country(words, countries_only=True)


def _full_name_of(surname: str, words: list[str], cluster: _Cluster) -> bool:
    """Whether ``words`` (a name of two or three words, not a place) end in ``surname``
    and begin as a person's given names: written in title case, not an organisation's
    head word, a title or a place ("Air France Concorde" is no one's full name)."""
    if not 2 <= len(words) <= 3 or words[-1] != surname or cluster.type == "place":
        return False
    given = cluster.name.split()[:-1]
    return len(given) == len(words) - 1 and all(
        w.isalpha()
        and w[0].isupper()
        and w[1:].islower()
        and not _names_another(w)
        and fold(w) not in PLACE_KEYS
        and gazetteer_type(w) is None
        for w in given
    )


def _of_its_gender(cluster: _Cluster, matches: list[_Kept], texts: Sequence[str]) -> list[_Kept]:
    """Among people sharing a surname, those the surname read alone may be: the pronouns
    after it ("Gingrich said he") rule out whoever the pronouns after their full name
    make the other sex. In a divorce, "Marianne Gingrich" named in full 36 times and "Newt
    Gingrich" 26 had her take the 52 bare "Gingrich", nearly all his (DUC 2007)."""
    if not texts:
        return matches
    spellings = [[s for s in m.cluster.spellings if len(s.split()) > 1] for m in matches]
    given = [" ".join(s.split()[:-1]) for names in spellings for s in names]
    gender = pronoun_gender(cluster.spellings, texts, not_after=given)
    if gender is None:
        return matches
    kept = [
        m
        for m, names in zip(matches, spellings, strict=True)
        if pronoun_gender(names, texts) in (gender, None)
    ]
    return kept or matches


def _most_named(matches: list[_Kept]) -> _Kept | None:
    """Return the one match, or among several people sharing a name the one named more
    often than each other (news calls "Trump" the Trump it names most); else None."""
    if len(matches) < 2:
        return matches[0] if matches else None
    ranked = sorted(matches, key=lambda m: -m.cluster.count)
    return ranked[0] if ranked[0].cluster.count > ranked[1].cluster.count else None


def merge_clusters(
    clusters: list[_Cluster], merge_capitals: bool = True, texts: Sequence[str] = ()
) -> list[_Cluster]:
    """Merge acronyms, partial person names and transliterations (step 3 of the docstring;
    ``texts``: the event's, read only for a surname that several people share)."""
    ordered = sorted(clusters, key=lambda c: (-len(c.key.split()), -c.count))
    kept: list[_Kept] = []
    for cluster in ordered:
        target = _target(cluster, kept, texts)
        if target is None:
            kept.append(_Kept.of(cluster))
            continue
        if len(target.words) > 1 and (target.majority_person or cluster.type == "person"):
            # A person's full name fixes the type: "Trump" is not also an organisation;
            # nor is "Lennox Lewis", whose surname is a person's.
            target.cluster.fixed_type = target.cluster.fixed_type or "person"
        target.cluster.absorb(cluster)
        kept[kept.index(target)] = _Kept.of(target.cluster)
    merged = _join_organisation_spellings(_join_person_spellings([k.cluster for k in kept]))
    return _merge_capitals(merged) if merge_capitals else merged


# A plural's "s" at a word's end (not after "s": "press").
_PLURAL_S = re.compile(r"(?<=[^s])s$")


def _join_organisation_spellings(clusters: list[_Cluster]) -> list[_Cluster]:
    """Join the spellings of an organisation's name that differ by a plural's "s" in a
    word before the last, in a name of three words or more ("Pueblos Sin Fronteras" /
    "Pueblo Sin Fronteras", NewsWCL50's migrants' group), or by a first word that is a
    place's adjective or its name ("Pakistani Air Force" / "Pakistan Air Force", one WCEP
    report's), into the one named more. Not a person's ("James B. Comey":
    ``_join_person_spellings``), nor a place's ("Indian Ocean" is no "India Ocean")."""
    groups: dict[str, list[_Cluster]] = {}
    for cluster in clusters:
        words = cluster.key.split()
        if cluster.type != "organization" or len(words) < 2:
            continue
        words[0] = demonym_place(words[0]) or words[0]
        if len(words) > 2:
            words[:-1] = [_PLURAL_S.sub("", w) for w in words[:-1]]
        groups.setdefault(" ".join(words), []).append(cluster)
    absorbed: set[int] = set()
    for group in groups.values():
        main = max(group, key=lambda c: c.count)
        for other in group:
            if other is not main:
                main.absorb(other)
                absorbed.add(id(other))
    return [c for c in clusters if id(c) not in absorbed]


def _join_person_spellings(clusters: list[_Cluster]) -> list[_Cluster]:
    """Join a full name the model read only as an organisation or a place to the person
    it names another way: "Bettie Page", the model's organisation in all 12 readings, and
    "Betty Mae Page" / "Ms Page", a person of 34 mentions (ECB+ on the mix), were one woman
    shown twice with two types. Run after the other merges, as the person is whole only
    then; not a name with an organisation's head word ("Carter Center") or a title, nor
    two people's ("Judy and Dennis Shepard")."""
    people = [_Kept.of(c) for c in clusters if c.type == "person" and len(c.key.split()) > 1]
    joined: list[_Cluster] = []
    for cluster in clusters:
        words = cluster.key.split()
        bare = _given_in_full(_without_initials(words))
        if (
            "person" in cluster.types
            or len(bare) < 2
            or "and" in words  # two people: "Judy and Dennis Shepard"
            or any(map(_names_another, words))
        ):
            joined.append(cluster)
            continue
        same = [
            p
            for p in people
            if p.cluster is not cluster  # a name the text calls a person is in both lists
            and len(p.bare) > 1
            and _similar_words(bare[0], p.bare[0])
            and _similar_words(bare[-1], p.bare[-1])
        ]
        person = _most_named(same)
        if person is None:
            joined.append(cluster)
            continue
        person.cluster.fixed_type = person.cluster.fixed_type or "person"
        person.cluster.absorb(cluster)
    return joined


def merge_common_tails(clusters: list[_Cluster], lower_words: Counter[str]) -> list[_Cluster]:
    """Merge a name followed by a capitalised common word into the name, when the event
    names both with one type ("Clinton Emails" / Hillary Clinton, "DNC Server" / DNC,
    "James Comey Memos" / James Comey: the title case of a headline or a quoted tweet).
    The word is common when the event's text writes it in lower case more often than
    capitalised inside a sentence (``cues.word_case_counts``); places and an organisation's
    head word ("News", "Post": ``ORG_HEADS``) are left as they are."""
    by_spelling: dict[str, _Cluster] = {}
    for cluster in clusters:
        for spelling in cluster.spellings:
            by_spelling.setdefault(cluster_key(spelling), cluster)
    merged: list[_Cluster] = []
    for cluster in clusters:
        *head, tail = canonical_name(cluster).split() or [""]
        word = tail.lower()
        named = by_spelling.get(cluster_key(" ".join(head))) if head else None
        if (
            named is not None
            and named is not cluster
            and named.type == cluster.type
            # A place's own head makes another place ("Kansas City", "Mexico City"); an
            # organisation's makes another organisation ("BBC News", "Academy Awards").
            and cluster.type != "place"
            and fold(word) not in ORG_HEADS
            and named.count > cluster.count
            and lower_words[word] > lower_words["^" + word]
        ):
            # Counted as the name's mentions, not shown as another spelling of it.
            named.spellings[named.name] += cluster.count
            named.sources.update(cluster.sources)
        else:
            merged.append(cluster)
    return merged


def _merge_capitals(clusters: list[_Cluster]) -> list[_Cluster]:
    """Merge a capital into its country when the event names both ("Tehran" / "Iran"),
    shown as the country."""
    by_key = {cluster.key: cluster for cluster in clusters}
    merged: list[_Cluster] = []
    for cluster in clusters:
        country = by_key.get(cluster_key(CAPITALS.get(cluster.key, "")))
        if country is not None and country is not cluster:
            # Shown as the country: "Egypt", not "Cairo", where Cairo was named more often.
            country.fixed_name = country.fixed_name or country.name
            country.absorb(cluster)
        else:
            merged.append(cluster)
    return merged


# A name of at most 12 words: unbounded, a run of capitalised words with no bracket after it
# ("Abc Abc ... Abc", 50,000 of them in a hostile text) was retried from every word, a
# quadratic scan (3.3 CPU s for 5,000 words, minutes for 50,000).
_NAME = r"[A-Z][\w.'’&-]*(?:\s+(?:of\s+(?:the\s+)?|for\s+|and\s+)?[A-Z][\w.'’&-]*){0,11}"
_PARENTHESISED = re.compile(rf"({_NAME})\s+\(({_NAME})\)")


def shown_type(cluster: _Cluster, texts: list[str]) -> str:
    """Return a cluster's type, the text's cues deciding where no rule fixed it ("in Izmit")
    or where only its joined short names made it a person ("in Tuz Khurmatu")."""
    name = canonical_name(cluster)
    # The shown name's head decides ("Pfizer Inc." though "Pfizer" was read as a person).
    return gazetteer_type(name) or context_type(name, cluster.type, texts)


def _person_and_other(kind: str, other: str) -> bool:
    return kind != other and "person" in (kind, other)


def merge_parenthesised(clusters: list[_Cluster], texts: Iterable[str]) -> list[_Cluster]:
    """Merge a name with the one the text gives it in brackets ("Kocaeli (Izmit)",
    "Energy Resources of Australia (ERA)"): two recognised names, not a person and a
    non-person ("Norris (IBM)"; places and organisations are often confused); a country
    in brackets locates a place ("Istanbul (Turkey)"), it does not rename it; and a known
    place is not renamed by what is not one: an editor's words completing a quote ("the
    Texas (Board of Pardons and Paroles) had become ...", DUC 2006) had made "Texas" and
    its 201 mentions the board's."""
    texts = list(texts)
    by_spelling = {spelling: cluster for cluster in clusters for spelling in cluster.spellings}
    absorbed: set[int] = set()
    for text in texts:
        for match in _PARENTHESISED.finditer(text):
            if any(
                len(spelling) > len(match.group(1)) and text.endswith(spelling, 0, match.end(1))
                for spelling in by_spelling
            ):
                continue  # the bracket names the longer name before it ("..., Scientific
                # and Cultural Organization (UNESCO)" of "United Nations Educational, ...")
            first, second = by_spelling.get(match.group(1)), by_spelling.get(match.group(2))
            inner = match.group(2)
            if (
                first is None
                or second is None
                or first is second
                or id(first) in absorbed
                or id(second) in absorbed
                or _person_and_other(shown_type(first, texts), shown_type(second, texts))
                or _known_place(inner)
                or (_known_place(match.group(1)) and shown_type(second, texts) != "place")
            ):
                continue
            first.absorb(second)
            absorbed.add(id(second))
            for spelling in second.spellings:
                by_spelling[spelling] = first
    return [cluster for cluster in clusters if id(cluster) not in absorbed]


def _known_place(name: str) -> bool:
    """Whether the gazetteer or the alias table knows ``name`` as a place."""
    key = name_key(name)
    return key in PLACE_KEYS or ALIASES.get(key, ("", ""))[1] == "place"


def canonical_name(cluster: _Cluster) -> str:
    """Return the alias table's name for a listed entity, else its most common full spelling;
    a dateline's capitals ("BEIJING", the only spelling seen) as the gazetteer writes them."""
    if cluster.key in ALIASES:
        return ALIASES[cluster.key][0]
    name = cluster.name
    if name.isupper() and name_key(name) in PLACE_SPELLINGS:
        return PLACE_SPELLINGS[name_key(name)]
    return name
