"""Per-article cleaning: normalise, drop boilerplate lines and blocks, split sentences.

Order (``clean_text``): normalise Unicode, whitespace and quotes; drop a wire budget
whole (a list of other stories); drop the trailing "Just Posted" block; drop
"Previous/Next story" navigation; drop furniture, prompt, embed and caption lines;
rebuild paragraphs separated by "\\n\\n".

Quotes: curly double quotes, guillemet-free typographic quotes and the NYT-style
```` ``...'' ```` become ``"``; curly single quotes and apostrophes become ``'``, so that
outlets that typeset differently share words and shingles. Guillemets (« ») stay.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import unicodedata
from itertools import islice

from newsbrief.clean.boilerplate import (
    BUDGET_MIN_ITEMS,
    is_boilerplate_line,
    is_budget_item,
    line_key,
    navigation_indexes,
    strip_caption_credit,
    strip_inline_credit,
    strip_live_preamble,
    strip_title_tail,
    strip_wire_credit,
    trailing_block_start,
)
from newsbrief.clean.sentences import split_sentences
from newsbrief.config import CleanConfig
from newsbrief.model import (
    COMBINING_MARKS,
    Article,
    Sentences,
    without_decoration,
    without_escapes,
)
from newsbrief.timexpr import MONTH_PATTERN

log = logging.getLogger(__name__)

_QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
    }
)
# NYT and AP wire copy writes a dash as an underscore between spaces ("the trailer _ and
# the trailer alone _ were"): a reader gets the dash. Turned after the budget and
# boilerplate checks, which read the wire's own lines.
_WIRE_DASH = re.compile(r"(?:^|(?<=\s))_(?=\s)")
# A decimal broken by a space, as ECB+ and some crawls write them ("plunged 5. 4 per cent",
# "a 6. 7 degree quake", "$1. 29"): one number again. Not after a year ("in 1998. 12
# people"): four digits before the point are left alone.
_BROKEN_DECIMAL = re.compile(r"(?<![\d,.])(\d{1,3})\. (\d+)(?![\d,])")
# And thousands broken the same way ("gave about $6, 000 to recruit", "some 30, 000 people
# marched": DUC's wire copy, 111 places in the shared data), which read as "$6" and "30".
# Not a day of a month and a count ("on Nov. 30, 200 people"), nor a height ("5-foot-8, 135
# pounds").
_BROKEN_THOUSANDS = re.compile(
    rf"(?P<day>{MONTH_PATTERN}\s+)?(?<![\d,.‑-])(?P<number>\d{{1,3}}(?:, \d{{3}})+)(?!\d|[,.]\d)"
)
# A range's or a conversion's second number whose thousands a tokenizer split off ("12,000-19
# ,000 barrels a day", "210,000 gallons/795 ,000 liters": Timeline17's pages, 107 places),
# which read as "19" and "795".
_SPLIT_THOUSANDS = re.compile(r"(?<=\w[-–/])(\d{1,3}) ,(\d{3}(?:,\d{3})*)(?![\d,])")
# A market page's inline quotes after a company's name ("Alphabet Inc. GOOG, -1.07% GOOGL,
# -1.08% , has said", WSJ in WCEP dev): ticker, change, no words of the report; the
# sentence around them was a key point with them in it. Only after a name: "shares of
# IBM, +2.5%" keeps its one name.
_TICKER_QUOTES = re.compile(
    r"(?P<name>\b[A-Z][\w&.'’-]*)(?:\s+[A-Z]{1,5}(?:\.[A-Z]{1,2})?,\s[+-]\d+(?:\.\d+)?%)+"
    r"(?:\s+(?=,))?"
)
# Zero-width characters and soft hyphens that break word matching, and the bidi
# embeddings, overrides and isolates, which order a line's display and carry no words: a
# hostile file's "\u202eThe minister said ... 40 people died.\u202c" had "died.\u202c" as
# one word, the figure's label ("people died.") and a headline ending "died.\u202c.".
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
# A line whose words only zero-width spaces separate (two or more, no space at all): they
# are its word breaks, as in Thai, not a break opportunity inside a word ("news\u200bpaper");
# dropped, they had run a report's words into one ("RescuersinHaitipulled...").
_ZERO_WIDTH_SPACED = re.compile("^[^ \t\n]*\u200b[^ \t\n]*\u200b[^ \t\n]*$", re.MULTILINE)
_INLINE_SPACE = re.compile(r"[^\S\n]+")
# A run this long with no space and no punctuation (ASCII, general, CJK or full-width) is
# not words in any language (Chinese and Japanese sentences break at "，。" far sooner):
# an encoded blob or a flood of one character, which would become a "name" or a sentence.
UNBROKEN_RUN_CHARS = 100
_UNBROKEN_RUN = re.compile(
    rf"[^\s!-/:-@\[-`{{-~\u2000-\u206f\u3000-\u303f\uff00-\uffef{COMBINING_MARKS}]"
    + f"{{{UNBROKEN_RUN_CHARS},}}"
    + r"[.!?,;:]*"  # and its own stop: left alone, it had ended the sentence before ("said..")
)

# A reader's comment under the article: "At 16:16 29th Apr 2009, davidwhite44 wrote:", "At
# 1:17 pm on 18 May 2009, XunFang wrote:" (BBC blogs; 1,811 on the 10,000-article mix, and
# their text had become key points and timeline entries). Readers are no sources: the
# text is cut at the first.
_COMMENT_STAMP = re.compile(
    r"\bAt\s+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s+(?:on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+"
    r"[A-Z][a-z]{2,8}\.?\s+\d{4}\s*,\s*\S+\s+wrote\s*:"
)


# A comment thread's stamps: "January 31, 2011 at 12:26 pm | Reply", "January 28, 2011
# 07:10 pm at 7:10 pm |" (CNN pages; a reader's "The West has values unmatched by any other
# parts of the continent" had become a key point of the Egypt brief), "Posted by: morphy |
# June 14, 2010 4:04 PM | Report abuse" (Washington Post blogs): 64 Timeline17 dev
# articles. A time of day right before a bar; two of them make a thread (a
# page's "LONDON | Wed Dec 1, 2010 8:28 am EST" has its bar before the time, a blog post's
# "July 15, 2010 - 7:48 AM | by: Jonathan Serrie" is its byline).
_THREAD_STAMP = re.compile(
    rf"(?:{MONTH_PATTERN}\s+\d{{1,2}}\s*,\s*\d{{4}}\s*;?\s+"
    r"(?:\d{1,2}:\d{2}\s*[ApP]\.?[mM]\.?\s+)?(?:at\s+)?)?"
    r"\b\d{1,2}:\d{2}\s*[ApP]\.?[mM]\.?\s*\|(?!\s*by\b)"
)


# A page's title run into its first sentence with no stop between them, the sentence's
# opening words repeated: "Michael Jackson 's doctor , Conrad Murray , found guilty Michael
# Jackson 's doctor has been found guilty ..." (a BBC video page of Timeline17: it headed
# a brief, retensed "finds guilty Michael Jackson's doctor has been ..."), "KUALA LUMPUR ,
# April 27 | Mon Apr 27 , 2009 4:19 am BST KUALA LUMPUR , April 27 ( Reuters ) - ...". Four
# words repeated, within a title's length of the start: 90 first sentences of the
# Timeline17 dev topics' 2,554.
GLUED_TITLE_WORDS = 4
GLUED_TITLE_MAX_WORDS = 40
_WORD_TOKEN = re.compile(r"\S+")


# A page's date and time stamp inside a text's first line, with its zone or after a
# semicolon, a capitalised word after it: "HONG KONG | Wed Apr 15 , 2009 5:56 am EDT HONG
# KONG ( Reuters ) - ...", "Republicans escalate criticism of oil spill response , May 25 ,
# 2010 ; 6:20 PM Republican criticism of ..." (a Washington Post page whose title and stamp
# headed a brief). What stands before it is the page's title, a caption or another story's
# teaser: 346 first lines of the Timeline17 dev topics.
_PAGE_TIME_STAMP = re.compile(
    r"(?:\s*[,|]\s*)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\s*,?\s+)?"
    rf"{MONTH_PATTERN}\s+\d{{1,2}}\s*,\s*\d{{4}}\s*"
    r"(?:;\s*\d{1,2}:\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s*(?:ET|EST|EDT|GMT|BST|UTC))?"
    r"|,?\s*\d{1,2}:\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?\s*(?:ET|EST|EDT|GMT|BST|UTC))\s+(?=[A-Z])"
)
# How far into the first line a page's stamp is looked for.
PAGE_STAMP_CHARS = 400


def without_glued_title(line: str) -> str:
    """Return a text's first line after a page's date and time stamp in it
    (``_PAGE_TIME_STAMP``), and from where its opening words begin again, when they do so
    after a word that ends no sentence (``GLUED_TITLE_WORDS``)."""
    stamp = _PAGE_TIME_STAMP.search(line, 0, PAGE_STAMP_CHARS)
    if stamp is not None and stamp.start() > 0:
        line = line[stamp.end() :]
    words = list(islice(_WORD_TOKEN.finditer(line), GLUED_TITLE_MAX_WORDS + GLUED_TITLE_WORDS))
    opening = [w.group() for w in words[:GLUED_TITLE_WORDS]]
    if len(set(opening)) < GLUED_TITLE_WORDS - 1:
        return line  # too short, or a passage repeated (rejected in ``clean.repeated``)
    for start in range(GLUED_TITLE_WORDS, min(GLUED_TITLE_MAX_WORDS, len(words))):
        if [w.group() for w in words[start : start + GLUED_TITLE_WORDS]] != opening:
            continue
        if words[start - 1].group()[-1] in ".!?":
            return line  # a sentence of its own before: the sentence splitter's
        return line[words[start].start() :]
    return line


def without_comments(text: str) -> str:
    """Return ``text`` up to its first reader's comment (``_COMMENT_STAMP``) or the first
    stamp of a comment thread (``_THREAD_STAMP``, two or more)."""
    if "wrote" in text and (stamp := _COMMENT_STAMP.search(text)):
        text = text[: stamp.start()]
    if "|" in text:
        stamps = _THREAD_STAMP.finditer(text)
        first = next(stamps, None)
        if first is not None and next(stamps, None) is not None:
            text = text[: first.start()]
    return text


# Words of Latin letters (with Latin-1 and Latin Extended-A/B): what lost letters leave.
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+")


def one_letter_share(text: str) -> tuple[float, int]:
    """Return the share of the text's Latin-script words that are one letter, and how many
    Latin words it has: a text whose accented letters were dropped in encoding falls apart
    into single letters ("Nhi u n c"), which no language writes at that rate."""
    words = _LATIN_WORD.findall(text)
    if not words:
        return 0.0, 0
    return sum(len(word) == 1 for word in words) / len(words), len(words)


_ANY_WORD = re.compile(r"\w+")


def distinct_word_share(text: str) -> tuple[float, int]:
    """Return the share of a text's words that are distinct (case folded) and how many
    words it has: a text that is one word or one passage repeated has almost none."""
    words = _ANY_WORD.findall(text.lower())
    if not words:
        return 0.0, 0
    return len(set(words)) / len(words), len(words)


def normalise_text(text: str) -> str:
    """Return NFC text with straight quotes, single spaces and "\\n\\n" between paragraphs."""
    text = unicodedata.normalize("NFC", text)
    text = without_decoration(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A terminal's escape sequences ("\x1b[31m") and control characters are no text: left
    # in, "[31" joined a figure's label (``model.without_escapes``, as the pages show it).
    if "\u200b" in text:
        text = _ZERO_WIDTH_SPACED.sub(lambda line: line[0].replace("\u200b", " "), text)
    text = without_escapes(_INVISIBLE.sub("", text))
    text = text.replace("``", '"').replace("''", '"').translate(_QUOTES)
    text = _INLINE_SPACE.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def paragraph_lines(text: str) -> list[list[str]]:
    """Return the non-empty lines of each paragraph of normalised text."""
    paragraphs = [[line for line in block.split("\n") if line] for block in text.split("\n\n")]
    return [lines for lines in paragraphs if lines]


def clean_text(text: str, drop_line_keys: frozenset[str] = frozenset()) -> str:
    """Return ``text`` without boilerplate, unbroken runs of characters that are not words,
    and the lines keyed in ``drop_line_keys``."""
    paragraphs = paragraph_lines(normalise_text(_UNBROKEN_RUN.sub(" ", without_comments(text))))
    flat = [(index, line) for index, lines in enumerate(paragraphs) for line in lines]
    all_lines = [line for _, line in flat]
    if sum(map(is_budget_item, all_lines)) >= BUDGET_MIN_ITEMS:
        return ""  # a wire budget: a list of other stories, every line boilerplate
    end = trailing_block_start(all_lines)
    navigation = navigation_indexes(all_lines[:end])
    kept: list[list[str]] = [[] for _ in paragraphs]
    first = True
    for position, (index, line) in enumerate(flat[:end]):
        if position in navigation or is_boilerplate_line(line) or line_key(line) in drop_line_keys:
            continue
        line = strip_caption_credit(strip_inline_credit(strip_live_preamble(line)))
        line = strip_wire_credit(line)
        line = _joined_drop_caps(_repaired_numbers(line))
        if line and first:
            line, first = without_glued_title(line), False
        if line:
            kept[index].append(line)
    return "\n\n".join("\n".join(lines) for lines in kept if lines)


# What each repair needs in a line, found far faster than the repair's own pattern (their
# searches were ~1% of a run's CPU; most lines need none of them).
_THOUSANDS_AFTER_COMMA = re.compile(r", \d{3}(?!\d)")
_DIGIT_AFTER_POINT = re.compile(r"\d\. \d")
# A Reuters instrument code spaced at its dot ("Merck's (MRK. N)", a wire corpus's "( HLX .
# N )"): one code again, as the splitter reads it (``sentences._TICKER_OPEN``).
_SPACED_TICKER = re.compile(r"\((\s?[A-Z0-9]{1,6})\s?\.\s([A-Z]{1,3}\s?)\)")
_SPLIT_OFF_THOUSANDS = re.compile(r"\d ,\d")
# A country's or a city's initials spaced at their dots ("U. S. Marshal Service", ECB+ and
# Timeline17 pages: 24 in the mix): one abbreviation again, as the recogniser knows it
# ("U. S. Marshal" had been a person). A person's initials ("A. J. Nappa") stay.
_SPACED_ACRONYM = re.compile(
    r"\b(?=U\. [SNK]|N\. Y|L\. A|D\. C)([A-Z])\. ([A-Z])\.(?=[\s,;:)'’]|$)"
)


def _repaired_numbers(line: str) -> str:
    """The line with wire dashes, market tickers, spaced instrument codes, broken
    numbers and spaced initials ("U. S.") repaired."""
    if "_" in line:
        line = _WIRE_DASH.sub("—", line)
    if ". " in line and "(" in line:
        line = _SPACED_TICKER.sub(r"(\1.\2)", line)
    if "%" in line:
        line = _TICKER_QUOTES.sub(r"\g<name>", line)
    if _DIGIT_AFTER_POINT.search(line):
        line = _BROKEN_DECIMAL.sub(r"\1.\2", line)
    if _THOUSANDS_AFTER_COMMA.search(line):
        line = _BROKEN_THOUSANDS.sub(_joined_thousands, line)
    if _SPLIT_OFF_THOUSANDS.search(line):
        line = _SPLIT_THOUSANDS.sub(r"\1,\2", line)
    if ". " in line:
        line = _SPACED_ACRONYM.sub(r"\1.\2.", line)
    return line


# A drop cap set apart from the rest of its word ("(Reuters) - E thnic clashes", "Holder
# has said J ustice Department lawyers"): not "I", "A" or "O", which are words.
_SPLIT_INITIAL = re.compile(r"(?<![\w.'’-])([B-HJ-NP-Z]) ([a-z]{3,})\b")
# Zipf frequencies (wordfreq): the joined word common, its tail alone no word.
_JOINED_WORD_ZIPF = 3.0
_TAIL_ZIPF = 2.0


def _joined_drop_caps(line: str) -> str:
    """The line with a drop cap joined to the rest of its word, where the two make a
    common word and the rest alone is none (without wordfreq, the line as it is)."""
    if not _SPLIT_INITIAL.search(line):
        return line
    from newsbrief.cluster.features import name_zipf

    def joined(match: re.Match[str]) -> str:
        word = match[1] + match[2]
        common = name_zipf(word.lower())
        tail = name_zipf(match[2])
        if common is None or tail is None or common < _JOINED_WORD_ZIPF or tail >= _TAIL_ZIPF:
            return match[0]
        return word

    return _SPLIT_INITIAL.sub(joined, line)


def _joined_thousands(match: re.Match[str]) -> str:
    if match["day"]:
        return match[0]
    return match["number"].replace(", ", ",")


def clean_article(article: Article, config: CleanConfig) -> Article:
    """Return the article with boilerplate removed, text normalised, sentences and language set.

    Lines repeated across an outlet's articles need the whole run: see ``clean_articles``.
    """
    text = clean_text(article.text)
    title = (
        strip_title_tail(strip_live_preamble(normalise_text(article.title)))
        if article.title
        else None
    )
    language = article.language or _detect_language(text)
    return dataclasses.replace(
        article,
        text=text,
        title=title or None,
        sentences=Sentences.of(text, split_sentences(text)),
        language=language,
    )


def _detect_language(text: str) -> str | None:
    if not text:
        return None
    try:
        from newsbrief.language import detect_language
    except ImportError:  # the language module is optional in this build
        log.debug("newsbrief.language not available; language left unset")
        return None
    return detect_language(text)
