"""A rule-based recogniser: the fallback when no NER model is installed.

Capitalised spans (with "of", "and", "the", "al-", "bin" allowed inside) are candidates;
a span is a person when a title precedes it ("Gen.", "Prime Minister", "Mr.") or it is a
two- or three-word name followed by a speech verb or of no other kind; an organisation
when it ends in an organisation word ("Ministry", "Forces", "Party") or starts with one
("Department of ..."), or is an acronym; a place when it is in the gazetteer of countries
and cities, or follows "in", "to", "from" as a single word. Single capitalised words at
the start of a sentence are ignored unless the gazetteer knows them.
"""

from __future__ import annotations

import itertools
import re

from newsbrief.entities.names import (
    ALIASES,
    ORG_HEADS,
    ORG_STARTS,
    PERSON_TITLES,
    PLACE_KEYS,
    STATE_ABBREVIATION,
    TITLE_MODIFIERS,
    fold,
    gazetteer_type,
    is_title,
    name_key,
    strip_title,
    word_set,
)

_CAP = r"(?:[A-Z][\w'’‑]*(?:-[\w'’]+)*\.?(?:-[A-Z][\w]*\.?)*(?:[A-Z]\.)*|al-[A-Z][\w\-]*|[A-Z]\.)"
_LINK = r"(?:of|and|the|de|du|la|le|von|van|bin|ibn|al|del|da|for)"
_SPAN = re.compile(rf"{_CAP}(?:\s+(?:{_LINK}\s+)*{_CAP})*")
_SPEECH_AFTER = re.compile(r"^\s*(?:,\s*)?(?:said|says|told|wrote|added|announced|stated)\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|to|from|near|across|into|outside|inside)\s+(?:the\s+)?$")
# Capitalised only because they start a sentence or a heading: dropped from span starts.
_FUNCTION_WORDS = frozenset(
    fold(w)
    for w in word_set("""
    I The A An In On At For But And Or If When While After Before Since As It He She They We
    You This That These Those There Here His Her Their Our My Its Although However Meanwhile
    Also Still Earlier Later Last Next Previous Of Over Under Naturally Simply Other Some
    All No Yes Not Many Several Both Each Like Sign Share Read More Just Most Continue Story
    One Two Three Four Five Six Seven Eight Nine Ten Operation
    """)
)
# Capitalised words that are not names on their own (days, months, demonyms, page furniture).
_NOT_NAMES = _FUNCTION_WORDS | frozenset(
    fold(w)
    for w in word_set("""
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep
    Sept Oct Nov Dec Mr Mrs Ms Dr Today Yesterday Tomorrow Posted Loading Advertisement
    GALLERY READ MORE Western Eastern Northern Southern Canadian American Iraqi Iranian
    British French German Russian Chinese Israeli Syrian Kurdish Arab Muslim Christian
    Jewish Islamic Coalition Minister General President Chief Secretary Americans Canadians
    Iraqis Iranians EST GMT UTC PM AM
    """)
)
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")


def _classify(span: str, before: str, after: str) -> tuple[str, str] | None:
    """Return (name, type) for a capitalised span in its context, or None."""
    words = span.split()
    titled = False
    while words and (
        fold(words[0]).rstrip(".") in PERSON_TITLES
        or (fold(words[0]) in TITLE_MODIFIERS and len(words) > 1)
    ):
        if len(words) > 1 and fold(words[1]) in ORG_HEADS:
            break  # "Justice Department": an organisation's name, not a title
        titled = titled or fold(words[0]).rstrip(".") in PERSON_TITLES
        words = words[1:]
    if not words:
        return None
    name = " ".join(words)
    key = name_key(name)
    if not key or fold(name) in _NOT_NAMES or all(fold(w) in _NOT_NAMES for w in words):
        return None
    known = gazetteer_type(name)
    if known:
        return name, known
    first, last = fold(words[0]).rstrip("."), fold(words[-1]).rstrip(".")
    folded = [fold(w) for w in words]
    head_of = any(w in ORG_HEADS and nxt == "of" for w, nxt in itertools.pairwise(folded))
    if last in ORG_HEADS or head_of or (first in ORG_STARTS and len(words) > 1):
        return name, "organization"
    previous_word = before.split()[-1] if before.split() else ""
    title_before = fold(previous_word).rstrip(".,") in PERSON_TITLES
    if titled or title_before:
        return strip_title(name), "person"
    if key in PLACE_KEYS:
        return name, "place"
    if _ACRONYM.match(name):
        return name, "organization"
    if len(words) == 1 and _PLACE_BEFORE.search(before):
        return name, "place"
    if name_key(words[0]) in PLACE_KEYS and all(STATE_ABBREVIATION.match(w) for w in words[1:]):
        return name, "place"  # "Washington D.C.": a city and its state
    if 2 <= len(words) <= 3 and all(w[0].isupper() or w.startswith("al-") for w in words):
        return name, "person"  # "Mark Esper": two or three capitalised words, no other kind
    if len(words) == 1 and _SPEECH_AFTER.match(after):
        return name, "person"
    return None


def _is_title_part(word: str) -> bool:
    return is_title(word) or fold(word) in TITLE_MODIFIERS


_LINK_WORDS = frozenset({"of", "and", "the", "for"})


def _parts(words: list[str]) -> list[tuple[list[str], bool]]:
    """Split a span around titles; the flag says the part is a name a title preceded.

    "U.S. Defense Secretary Mark Esper and the Americans" -> [("U.S.", False),
    ("Mark Esper", True), ("Americans", False)].
    """
    for index, word in enumerate(words[:-1]):
        if not is_title(word) or fold(words[index + 1]) in ORG_HEADS:
            continue  # "Justice Department" is no title before a name
        start = index
        while start > 0 and _is_title_part(words[start - 1]):
            start -= 1
        end = index + 1
        while end < len(words) and _is_title_part(words[end]):
            end += 1
        name_end = end
        while name_end < len(words) and fold(words[name_end]) not in _LINK_WORDS:
            name_end += 1
        rest_start = name_end
        while rest_start < len(words) and fold(words[rest_start]) in _LINK_WORDS:
            rest_start += 1
        parts = _parts(words[:start]) if start else []
        if end < name_end:
            parts.append((words[end:name_end], True))
        if rest_start < len(words):
            parts.extend(_parts(words[rest_start:]))
        return parts
    return [(words, False)] if words else []


def recognise(sentence: str, known: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Return the (name, type) mentions of people, organisations and places in a sentence.

    ``known`` maps folded words of names already found in the article to their type, so a
    capitalised first word that is one of them ("Soleimani was buried ...") still counts.
    """
    mentions: list[tuple[str, str]] = []
    for match in _SPAN.finditer(sentence):
        span = re.sub(r"[’']s?$", "", match.group())
        if re.search(r"\b[A-Z][a-z]{3,}\.$", span):
            span = span[:-1]  # a sentence's full stop, not an abbreviation's ("Iraq.")
        before = sentence[: match.start()]
        after = sentence[match.end() :]
        at_start = not before.strip(" \"“‘'(")
        words = span.split()
        while words and fold(words[0]) in _FUNCTION_WORDS | {"of", "and", "the"}:
            words = words[1:]
            at_start = True
        if not words:
            continue
        pieces: list[list[str]] = [[]]
        for word in words:  # "CTV's Evan Solomon" is two names
            possessive = re.search(r"[’']s$", word)
            pieces[-1].append(word[:-2] if possessive else word)
            if possessive:
                pieces.append([])
        parts = [p for piece in pieces if piece for p in _parts(piece)]
        for part, titled in parts:
            if not part:
                continue
            text = " ".join(part)
            if titled:
                if fold(text) not in _NOT_NAMES and len(part) <= 4:
                    mentions.append((text, "person"))
                continue
            if (
                at_start
                and len(part) == 1
                and name_key(text) not in ALIASES
                and (name_key(text) not in PLACE_KEYS and not _ACRONYM.match(text))
            ):
                if known and fold(text) in known:
                    mentions.append((text, known[fold(text)]))
                continue  # a capitalised first word is not evidence of a name
            found = _classify(text, before, after)
            if found:
                mentions.append(found)
    return mentions
