"""Corpus-aware cleaning: lines that repeat across many articles of one outlet in a run.

An outlet's page template leaks the same lines into every article it publishes ("Get
local stories you won't find anywhere else...", a newsletter blurb, a section menu).
Counting lines per outlet over the whole run finds template lines no fixed list knows.
Only short lines count: wire services legitimately reuse long background paragraphs
across updates of one story, and those must stay. An article read more than once (a feed
item and its page, a dump's repeated rows) counts once: three copies of one report are
no template, and counting them dropped the report's own short paragraphs from every copy.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from newsbrief.clean.article import (
    clean_article,
    clean_text,
    distinct_word_share,
    normalise_text,
    one_letter_share,
    paragraph_lines,
)
from newsbrief.clean.boilerplate import line_key
from newsbrief.config import CleanConfig
from newsbrief.ingest.metadata import outlet_for, outlet_key
from newsbrief.language import WEB_ADDRESS
from newsbrief.model import Article, Rejected, content_id

NO_TEXT_REASON = "no text left after boilerplate removal"
# A web address in the text: a file of links only is no article to brief.
_WEB_ADDRESS = re.compile(WEB_ADDRESS)

# An article's outlet, and the id of its text with the keys of its short lines.
LineFingerprints = tuple[str | None, tuple[str, frozenset[str]]]


def outlet_of(article: Article) -> str | None:
    """Return the article's outlet, reduced for counting (``outlet_key``: "www.cbc.ca" and
    "CBC" are one): its ``source``, else the host of its web URL, else None."""
    outlet = outlet_for(site_name=article.source, url=article.url)
    return outlet_key(outlet) if outlet else None


def report_outlets(articles: Iterable[Article]) -> set[str]:
    """Return the known outlets of the reports among ``articles`` (copies left out): what
    "N reports from M outlets" counts. An article of unknown outlet adds none."""
    return {outlet for a in articles if a.copy_of is None and (outlet := outlet_of(a))}


def line_fingerprints(article: Article, config: CleanConfig) -> LineFingerprints:
    """Map step: return the article's outlet, and the id of its text with the keys of its
    short lines (each once)."""
    outlet = outlet_of(article)
    if outlet is None:
        return None, ("", frozenset())
    keys = {
        line_key(line)
        for lines in paragraph_lines(normalise_text(article.text))
        for line in lines
        if len(line.split()) <= config.repeated_line_max_words
    }
    keys.discard("")
    return outlet, (content_id(article.text), frozenset(keys))


def repeated_lines(
    fingerprints: Iterable[LineFingerprints], config: CleanConfig
) -> dict[str, frozenset[str]]:
    """Merge step: return, per outlet, the line keys seen in enough of its articles (the
    same text read twice is one article)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    seen: set[tuple[str, str]] = set()
    for outlet, (text_id, keys) in fingerprints:
        if outlet is not None and (outlet, text_id) not in seen:
            seen.add((outlet, text_id))
            counts[outlet].update(keys)
    repeated = {
        outlet: frozenset(
            key for key, count in counter.items() if count >= config.repeated_line_min_articles
        )
        for outlet, counter in counts.items()
    }
    return {outlet: keys for outlet, keys in repeated.items() if keys}


def drop_repeated_lines(article: Article, repeated: Mapping[str, frozenset[str]]) -> Article:
    """Return the article without its outlet's repeated lines (and with boilerplate removed)."""
    keys = repeated.get(outlet_of(article) or "", frozenset())
    if not keys:
        return article
    return dataclasses.replace(article, text=clean_text(article.text, keys))


# Prose of ``CleanConfig.min_chars`` characters or more uses more distinct letters than
# this: 100 bytes of "\x00\xff", read as UTF-16, had been briefed as "ÿÿÿÿ...", and a
# record of punctuation alone ("!?.,;:" repeated) as a story with no sentence.
MIN_DISTINCT_LETTERS = 5


def reject_unusable(
    articles: Iterable[Article], config: CleanConfig
) -> tuple[list[Article], list[Rejected]]:
    """Split cleaned articles into those to brief and ``Rejected`` records for the rest: no
    text left; title and text under ``config.min_chars`` non-space characters (a greeting
    in a text file, a feed's placeholder entry: nothing to brief), or as little besides web
    addresses (a saved list of links), or of fewer than ``MIN_DISTINCT_LETTERS`` distinct
    letters (filler, symbols, binary data read as text); or a text whose letters
    were lost in encoding (``config.damaged_one_letter_share``: it would only brief
    fragments of words); or a text that is one word or passage repeated
    (``config.repetitive_distinct_share``)."""
    kept: list[Article] = []
    rejected: list[Rejected] = []
    for article in articles:
        origin = article.origin or article.id
        chars = len("".join(f"{article.title or ''}{article.text}".split()))
        share, words = one_letter_share(article.text)
        if not article.text.strip():
            rejected.append(Rejected(origin, NO_TEXT_REASON, stage="clean"))
        elif chars < config.min_chars:
            reason = f"{chars} characters of title and text, under {config.min_chars}: no article"
            rejected.append(Rejected(origin, reason, stage="clean"))
        elif links := _only_links(article.text, config):
            rejected.append(Rejected(origin, links, stage="clean"))
        elif words >= config.damaged_min_words and share >= config.damaged_one_letter_share:
            reason = (
                f"damaged text: {share:.0%} of its {words} words are single letters "
                "(letters lost in encoding)"
            )
            rejected.append(Rejected(origin, reason, stage="clean"))
        elif repetitive := _repetitive(article.text, config):
            rejected.append(Rejected(origin, repetitive, stage="clean"))
        elif (no_sentence := _no_sentence(article)) is not None:
            rejected.append(Rejected(origin, no_sentence, stage="clean"))
        elif (distinct := len({c for c in article.text if c.isalpha()})) < MIN_DISTINCT_LETTERS:
            reason = (
                f"{distinct} distinct letters in {chars} characters: no prose "
                "(filler, symbols or binary data)"
            )
            rejected.append(Rejected(origin, reason, stage="clean"))
        else:
            kept.append(article)
    return kept, rejected


# The end of a sentence in the scripts that mark one (Latin, CJK, Devanagari, Arabic,
# Burmese, Khmer). Thai and Lao mark none.
_SENTENCE_END = re.compile(r"[.!?。！？।॥؟۔။។…][\"”’'»)\]]*(?:\s|$)")
_UNMARKED_LANGUAGES = frozenset({"th", "lo"})
# A text this long with no sentence end is no prose: captions run together, a list of
# teasers or of names ("A selection of the best images from around the world Thousands of
# people clashed with police ... 12,000 insurance for old age", a Timeline17 gallery page
# briefed as a story). A feed's summary of a line or two may lack the full stop.
NO_SENTENCE_MIN_WORDS = 40
# ... and so are this many lines or more that end none, however short: a page of related
# headlines ("More news", "Iraq parliament votes to expel foreign troops", "Trump threatens
# sanctions on Iraq", ...: 35 words) had joined a story as one of its reports.
NO_SENTENCE_MIN_LINES = 4


def _no_sentence(article: Article) -> str | None:
    """Why a text of ``NO_SENTENCE_MIN_WORDS`` words or ``NO_SENTENCE_MIN_LINES`` lines
    or more is no prose (it ends no sentence), or None."""
    if article.language in _UNMARKED_LANGUAGES or _SENTENCE_END.search(article.text):
        return None
    words = len(article.text.split())
    lines = sum(bool(line.strip()) for line in article.text.splitlines())
    if words < NO_SENTENCE_MIN_WORDS and lines < NO_SENTENCE_MIN_LINES:
        return None
    return f"no sentence in {words} words: captions, teasers or a list, no article"


def _only_links(text: str, config: CleanConfig) -> str | None:
    """Why a text is web addresses and little else (a saved list of links), or None."""
    addresses = _WEB_ADDRESS.findall(text)
    if not addresses:
        return None
    prose = len("".join(_WEB_ADDRESS.sub(" ", text).split()))
    if prose >= config.min_chars:
        return None
    return (
        f"{len(addresses)} web addresses and {prose} other characters: a list of links, no article"
    )


def _repetitive(text: str, config: CleanConfig) -> str | None:
    """Why a text is one word or passage repeated, or None when it is not."""
    share, words = distinct_word_share(text)
    if words < config.repetitive_min_words or share >= config.repetitive_distinct_share:
        return None
    distinct = round(share * words)
    return f"repetitive text: {distinct} distinct words in {words} (one passage repeated)"


def clean_articles(
    articles: Sequence[Article], config: CleanConfig
) -> tuple[list[Article], list[Rejected]]:
    """Clean a run's articles; return those with text left and a rejection for each other.

    Lines repeated across at least ``config.repeated_line_min_articles`` articles of one
    outlet are dropped first, then each article goes through ``clean_article``.
    """
    repeated = repeated_lines((line_fingerprints(article, config) for article in articles), config)
    cleaned = [
        clean_article(drop_repeated_lines(article, repeated), config) for article in articles
    ]
    return reject_unusable(cleaned, config)
