"""News furniture that survives main-text extraction, and the rules that drop it.

trafilatura finds the main block of a page; news sites put lines inside that block
which are not the story: "Story continues below advertisement", "Share this article",
newsletter sign-ups, related-headline lists, photo and reporter credits. The rules here
look at the extracted lines of one page:

1. line rules: a short line matching a furniture pattern is dropped (a long line is
   story text whatever words it contains);
2. the headline itself when it opens the text (the title is kept in ``Article.title``);
3. related-headline blocks: a "Related" / "You may also like" / "DON'T MISS" heading and
   the run of unpunctuated headline-like lines after it;
4. a trailing list of unpunctuated "- headline" items (links to other stories);

The patterns were written from the ScrapingHub pages' errors and checked on the
trafilatura benchmark (more than half its pages are German), see bench/results/extraction.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from newsbrief.config import IngestConfig

# Lines longer than this are story text whatever words they contain.
MAX_FURNITURE_WORDS = 20
# Headline-like lines in a related block or a teaser list are at most this long.
MAX_HEADLINE_WORDS = 25
# A trailing list of this many unpunctuated items of at least TEASER_MIN_WORDS words
# is a list of links to other stories.
TEASER_LIST_ITEMS = (2, 8)
TEASER_MIN_WORDS = 4

_FURNITURE = re.compile(
    r"""^[(\[]?\s*(?:
        (?:story\s+)?continues?\s+below(?:\s+(?:the\s+)?advert\w*)?
      | advert(?:isement|ising)?(?:\s*[-:]\s*scroll\s+to\s+continue(?:\s+with\s+content)?)?
      | (?:sponsored(?:\s+content)?|paid\s+content|promoted(?:\s+stories)?)
      | (?:share|tweet|email|print)(?:\s+(?:this|the)\s+(?:article|story|page|post))?
      | -?\s*(?:order\s+reprints|print\s+article|share\s+(?:on|via)\s+\w+)
      | (?:read|see|watch|listen)\s+(?:more|also|next|now)\b.*
      | \[?\s*related(?:\s+(?:posts?|articles?|stories|content|coverage|links|topics))?
        \s*[:\]].*
      | also\s+(?:on\s+\S+|read|see)\b.*
      | (?:photo|image|picture|video|file\s+photo|graphic)s?\s*(?:credit)?\s*[:(].*
      | (?:image|photo|picture)\s+(?:copyright|caption|source)\b.*
      | (?:getty\s+images|reuters|ap\s+photo|afp(?:\s+via\s+getty\s+images)?)\s*\)?
      | (?:follow\s+us|like\s+us)\s+on\b.*
      | .*\bclick(?:ing)?\s+here\b.*
      | (?:all\s+rights\s+reserved|copyright\s+(?:©\s*)?\d{4}).*
      | comments?\s*(?:\(\d+\))?
      | (?:loading|load\s+more|show\s+more)\W*(?:comments|stories|articles)?
      | (?:updated|published|posted|last\s+updated)\s*(?:on|at)?\s*:?\s*[\w.,:/ ]{0,40}
      | (?:reading\s+time|lesezeit|tempo\s+de\s+leitura|temps\s+de\s+lecture)\s*:.*
      | filed\s+under\s*:.*
      | (?:tags?|explore\s+further|more)\s*:?
      | write\s+to\s+.*\s+at\s+\S+@\S+
      | \d{4}-\d{2}-\d{2}T[\d:.+-]+Z?
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Short lines about the site, not the story: newsletter sign-ups, social follow prompts.
_SITE_PROMPT = re.compile(
    r"\b(?:newsletters?|inbox|sign(?:ing)?[- ]up|subscri(?:be|bing|ption)|"
    r"follow\s+(?:us|him|her|me|them)\b|on\s+(?:twitter|facebook|instagram)\b|"
    r"share\s+(?:it|this)\b)",
    re.IGNORECASE,
)

_RELATED_HEADING = re.compile(
    r"^(?:related(?:\s+\w+)?|you\s+(?:may|might)\s+also\s+like|more\s+(?:from|on|stories)\b.*|"
    r"most\s+(?:read|popular|viewed)\b.*|popular\s+on\b.*|don'?t\s+miss|trending(?:\s+now)?|"
    r"recommended(?:\s+for\s+you)?|read\s+(?:more|next|also)|more\s+stories|"
    r"(?:weitere|mehr)\s+(?:artikel|zum\s+thema)|lesen\s+sie\s+auch)\W*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…:;\"”’»)]$")
_LIST_ITEM = re.compile(r"^[-•*·]\s+")
_TWEET_BUTTON = re.compile(r"\s*Click\s+To\s+Tweet$", re.IGNORECASE)


def is_furniture(line: str) -> bool:
    """Return True when one extracted line is page furniture, not story text."""
    words = len(line.split())
    if words > MAX_FURNITURE_WORDS:
        return False
    stripped = line.strip()
    return bool(_FURNITURE.match(stripped) or _SITE_PROMPT.search(stripped))


def _headline_like(line: str) -> bool:
    return len(line.split()) <= MAX_HEADLINE_WORDS and not _SENTENCE_END.search(line)


def _same_text(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a).strip().lower() == re.sub(r"\W+", " ", b).strip().lower()


def _drop_related_blocks(lines: list[str]) -> list[str]:
    kept: list[str] = []
    skipping = False
    for line in lines:
        if _RELATED_HEADING.match(line):
            skipping = True
            continue
        if skipping and (_headline_like(_LIST_ITEM.sub("", line)) or line.endswith("]|")):
            continue
        skipping = False
        kept.append(line)
    return kept


def _teaser_item(line: str) -> bool:
    item = _LIST_ITEM.sub("", line)
    return item != line and len(item.split()) >= TEASER_MIN_WORDS and _headline_like(item)


def _drop_trailing_headline_list(lines: list[str]) -> list[str]:
    end = len(lines)
    while end > 0 and _teaser_item(lines[end - 1]):
        end -= 1
    # A longer run is a list that belongs to the story (results, ingredients, steps).
    shortest, longest = TEASER_LIST_ITEMS
    return lines[:end] if shortest <= len(lines) - end <= longest else lines


def clean_extracted_lines(
    lines: Iterable[str], config: IngestConfig, *, title: str | None = None
) -> list[str]:
    """Return the extracted lines that are story text, NFC-normalised, whitespace-collapsed."""
    normalised = [" ".join(unicodedata.normalize("NFC", line).split()) for line in lines]
    normalised = [line for line in normalised if line]
    if not config.html_news_cleaning:
        return normalised
    kept = [_TWEET_BUTTON.sub("", line) for line in normalised if not is_furniture(line)]
    if title and kept and _same_text(kept[0], title):
        kept = kept[1:]
    kept = _drop_related_blocks(kept)
    return _drop_trailing_headline_list(kept)
