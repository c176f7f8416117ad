"""Boilerplate in text that arrives without its HTML: line and block rules.

Works line by line on a paragraph list (paragraphs as lists of lines) because that is
the only structure left once a page has been flattened to text (plain-text files, JSONL
dumps, CC-News ``maintext``). Three kinds of rule, applied in this order:

1. trailing blocks: a heading such as "Just Posted", "Most Read" or "Related stories" in
   the second half of the article starts a block of unrelated headlines that runs to the
   end; the heading and everything after it go;
2. navigation pairs: "Previous story" / "Next story" and the headline that follows each;
3. single lines: page furniture ("Story continues below advertisement", "Loading...",
   "Share Button"), social and sign-up prompts, "READ MORE:" links, embedded-tweet
   remnants, wire sign-offs, the items of a wire budget and photo captions that end
   with a credit.
"""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE

# Whole lines that are page furniture, whatever the outlet (compared after stripping
# punctuation at the ends and lower-casing). Collected from the seeds, the
# trafilatura_eval and ScrapingHub pages.
FURNITURE_LINES = frozenset(
    {
        "advertisement",
        "advertisements",
        "ad",
        "sponsored",
        "sponsored content",
        "story continues below advertisement",
        "story continues below",
        "article continues below",
        "continue reading below",
        "continue reading",
        "continue reading the main story",
        "loading",
        "share button",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "share via email",
        "tweet",
        "email",
        "print",
        "comments",
        "comment",
        "previous article",
        "next article",
        "previous story",
        "next story",
        "previous",
        "next",
        "sign up here",
        "subscribe",
        "subscribe now",
        "log in",
        "sign in",
        "skip to content",
        "skip to main content",
        "back to top",
        "view comments",
        "video",
        "watch",
        "photo",
        "image",
        "close",
        "menu",
        "trending",
        "most read",
        "most popular",
        "just posted",
        "related",
        "related stories",
        "related articles",
        "related content",
        "recommended",
        "recommended for you",
        "you may also like",
        "you might also like",
        "more from",
        "top stories",
        "latest news",
        "the canadian press",
        "the associated press",
        "associated press",
        "reuters",
        "afp",
        "agence france-presse",
    }
)

# Lines that start or consist of a prompt, link or widget (matched at the line start).
PROMPT_PATTERNS = tuple(
    re.compile(pattern, _FLAGS)
    for pattern in (
        r"^(read|see|watch|listen|click|related|more|also read|recommended)"
        r"( more| also| here)?\s*:",
        r"^(like|follow) us on (facebook|twitter|instagram)",
        r"^(follow|find) .{0,40} on (twitter|facebook|instagram)",
        r"^get (local|the latest|breaking|our) .{0,80}(inbox|newsletter|sign up)",
        r"^(sign up|subscribe) (for|to|here|now|today)\b",
        r"^(click|tap) here\b",
        r"^this (article|story) (was|has been) (updated|corrected)",
        r"^(copyright\s*)?(©|\(c\))\s*\d{4}|^copyright \d{4}",
        r"^all rights reserved",
        r"^(photo|image|video|file photo|photograph)( credit)?\s*:",
        r"^we(?:'|’)re sorry,? (this|the) .{0,40}(unavailable|not available)",
        r"^(your|this) (browser|device) (does not|doesn't|doesn’t) support",
    )
)

# Prompts and embed remnants are lines of their own, short: "Sign up for our newsletter",
# "Image: Jane Doe/Getty". A longer line that opens on one is an article's text.
PROMPT_MAX_WORDS = 40

# Remnants of embedded posts: the "pic.twitter.com/..." line and the "— Name (@handle)
# January 7, 2020" attribution under it.
EMBED_PATTERNS = tuple(
    re.compile(pattern, _FLAGS)
    for pattern in (
        r"pic\.twitter\.com/\w+",
        r"^[—–-]\s*.{1,60}\(@\w{1,15}\)\s+\w+ \d{1,2},? \d{4}",
        r"^a post shared by\b",
        r"^view this post on instagram",
    )
)

# Both, read against each short line once (not a new tuple per line).
_LINE_PATTERNS = PROMPT_PATTERNS + EMBED_PATTERNS

# An item of a wire service's budget (its list of the day's stories), a summary of another
# story: "CAMPAIGN-ROUNDUP (Undated) _ George W. Bush courts ...", "PATAKI-CONGRESS
# (Washington_ New York Republican Gov. ...", "CAMPAIGN FINANCE (Washington) _ Minnesota ...".
BUDGET_ITEM = re.compile(
    r"^[A-Z][A-Z0-9]{2,}(?:[- ][A-Z][A-Za-z0-9]*)*\s+\([A-Za-z .,'-]{1,40}(?:\)\s*)?_"
)
# An article with this many budget items is a budget: the rest is its header ("The Hearst
# News Service will file the following for Wednesday"), no report of its own.
BUDGET_MIN_ITEMS = 3

# A photo credit that ends a caption: "THE CANADIAN PRESS/Sean Kilpatrick",
# "(AP Photo/Evan Vucci)", "REUTERS/Stringer", "Photo: Jane Doe/Getty Images".
CREDIT_AT_END = re.compile(
    r"(\b[A-Z][A-Z .&]{1,40}/\s?[A-Z][\w.'’ -]{1,40}"
    r"|\((?:AP|AFP|Reuters|CP|Getty)[^()]{0,10}(?:Photo|Images)[^()]{0,40}\)"
    r"|\b(?:Getty Images|Shutterstock|AFP via Getty Images))\s*$"
)
_CREDIT_MARKS = ("/", ")", "Getty Images", "Shutterstock")
# A wire story's credits in brackets: "(Reporting by Shrivathsa Sridhar in Bengaluru;
# Editing by Ed Osmond)", "(Additional reporting by Eli Berlzon and Ilan Rosenberg, Writing
# by Ori Lewis Editing by Andrew Bolton)". The journalists are no one in the story: their
# names were listed among its people (WCEP dev).
WIRE_CREDIT = re.compile(
    r"\s*\((?:additional\s+)?(?:reporting|writing|editing|compiled|compiling)"
    r"(?:\s+and\s+(?:reporting|writing|editing))?\s+by\b[^()]{0,400}\)",
    re.IGNORECASE,
)
# A credit sentence: "Associated Press writer Zeina Karam in Beirut contributed to this
# report.", "CNN's Jill Dougherty and Elise Labott contributed to this report.", "... Ilan Ben
# Zion reported this story in Jerusalem and AP writer Fares Akram reported from Gaza." Its
# journalists are no one in the story (WCEP dev listed them among the people).
CREDIT_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"'”’]\s))(?:[^.!?]|(?<=\b[A-Z])\.|(?<=\bJr)\.){0,300}?"
    r"\b(?:contributed (?:to this "
    r"(?:report|story|article)|reporting)|reported this (?:story|report))\b[^.!?]{0,160}[.!?]\s*",
    re.IGNORECASE,
)
# A credit sentence that opens on whose information the report uses: "Mit Informationen
# der ARD-Korrespondentinnen und -Korrespondenten sowie der Nachrichtenagenturen AFP, AP,
# dpa ..." (a BR live page of fundus_dev: its headline), "With reporting by ...", "Con
# información de ...".
CREDIT_OPENING = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:With (?:additional )?reporting by\b[^.!?]{0,300}"
    # the information of news agencies ("Mit Informationen von Zeugen fand die Polizei
    # ..." is a sentence)
    r"|(?:Mit (?:Informationen|Material) (?:von|der|aus)|Con información de)\b[^.!?]{0,300}"
    r"\b(?:AFP|AP|dpa|Reuters|KNA|epd|ARD|ZDF|EFE|Europa Press|agencias|Nachrichtenagentur\w*)\b"
    r"[^.!?]{0,200})[.!?]\s*",
    re.IGNORECASE,
)
# A wire service's transmission trailer ends the story's last line: Xinhua's "enditem
# =06171335 =06171353 NNNN 21:41 21:41 g # PAB" (DUC 2006, quoted under a figure of the
# 2,000-article mix), Yonhap's "(END)".
WIRE_TRAILER = re.compile(r"\s*(?:\b(?i:enditem)\b|\bNNNN\b|\(END\)\s*$)[^\n]*$")
# A blog feed's footer, WordPress's and its SEO plug-ins': "The post Somali Town taken over
# by Al Shabaab Militants appeared first on INFORMATION NIGERIA. This post was syndicated
# from ... Click here to read the full text" (a WCEP report; the site's name was listed as
# a place). It ends the item: the rest of its line goes with it.
FEED_FOOTER = re.compile(
    r"(?:^|(?<=\s))The post\b.{1,300}?\b(?:appeared first|first appeared) on\b.*$"
)
# Caption paragraphs are short; a longer paragraph loses only its credit.
CAPTION_MAX_WORDS = 80

# Headings of the trailing "more stories" block (see rule 1).
TRAILING_HEADINGS = frozenset(
    {
        "just posted",
        "most read",
        "most popular",
        "trending",
        "trending now",
        "related stories",
        "related articles",
        "more stories",
        "more news",
        "you may also like",
        "you might also like",
        "recommended",
        "recommended for you",
        "top stories",
        "latest news",
        "more from our network",
        "around the web",
    }
)
# A trailing heading only counts in the second part of the article, so that a navigation
# menu at the top does not wipe the story.
TRAILING_MIN_POSITION = 0.4
NAVIGATION_LINES = frozenset({"previous story", "next story", "previous article", "next article"})
HEADLINE_MAX_WORDS = 25


def line_key(line: str) -> str:
    """Return the line lower-cased, without punctuation at its ends or repeated spaces."""
    return " ".join(line.strip(" \t.…:;!?|•·-–—>»«\"'“”‘’()[]").lower().split())


# A syndicator's rights notice, wherever it sits in its line: "... COPYRIGHT 1998 BY
# WORLDSOURCES, INC. ... NO PORTION OF THE MATERIALS CONTAINED HEREIN MAY BE USED IN ANY
# MEDIA WITHOUT ATTRIBUTION" heads DUC 2006's WorldSources reports (two unrelated ones
# had been grouped by it).
_RIGHTS_NOTICE = re.compile(
    r"\bcopyright\b.{0,200}?(?:all rights reserved|no portion of|without (?:attribution"
    r"|permission|the (?:prior )?(?:written )?permission)|may not be (?:reproduced|published"
    r"|republished|redistributed|used|copied))",
    _FLAGS,
)
# A notice line is short, or in capitals; an article's text on one line that ends on one
# is the article.
_NOTICE_MAX_WORDS = 80
_CAPITALS_MIN_SHARE = 0.6


def is_boilerplate_line(line: str) -> bool:
    """Return True for a line that is page furniture, a prompt or an embed remnant."""
    key = line_key(line)
    if not key:
        return True
    if key in FURNITURE_LINES:
        return True
    stripped = line.strip()
    if is_budget_item(stripped):
        return True
    if _is_rights_notice(stripped):
        return True
    if len(stripped.split()) > PROMPT_MAX_WORDS:
        # A whole article on one line that opens on a prompt or holds an embed's remnant
        # ("Image: C. X. Huang et al., 2018 Say hello to Pi Mensae c ...", 635 words of a
        # WCEP report): the line is the article; its sentences are judged one by one later.
        return False
    return any(pattern.search(stripped) for pattern in _LINE_PATTERNS)


def _is_rights_notice(line: str) -> bool:
    """Whether a line is a rights notice (``_RIGHTS_NOTICE``), short or in capitals."""
    words = len(line.split())
    if words > _NOTICE_MAX_WORDS or not _RIGHTS_NOTICE.search(line):
        return False
    letters = [ch for ch in line if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters) / max(1, len(letters))
    return words <= PROMPT_MAX_WORDS or capitals >= _CAPITALS_MIN_SHARE


def is_budget_item(line: str) -> bool:
    """Return True for an item of a wire budget ("GOP-FORBES (Undated) _ Steve Forbes ...")."""
    return bool(BUDGET_ITEM.match(line.strip()))


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= HEADLINE_MAX_WORDS and not re.search(r"[.!?…\"”]$", line.strip())


def trailing_block_start(lines: list[str]) -> int:
    """Return the index of a "Just Posted"/"Most Read" heading in the article's second part.

    Returns ``len(lines)`` when there is none: the heading and all after it are dropped.
    """
    total = sum(len(line) for line in lines) or 1
    seen = 0
    for index, line in enumerate(lines):
        if seen / total >= TRAILING_MIN_POSITION and line_key(line) in TRAILING_HEADINGS:
            return index
        seen += len(line)
    return len(lines)


def navigation_indexes(lines: list[str]) -> set[int]:
    """Return the indexes of "Previous/Next story" lines and of the headline after each."""
    dropped: set[int] = set()
    after_navigation = False
    for index, line in enumerate(lines):
        if line_key(line) in NAVIGATION_LINES:
            dropped.add(index)
            after_navigation = True
        elif after_navigation and _looks_like_headline(line):
            dropped.add(index)
            after_navigation = False
        else:
            after_navigation = False
    return dropped


# AP's live-update pages open with "The Latest on <the story> (all times local):" before
# their first item, and title themselves "The Latest: <the newest item>".
_LIVE_PREAMBLE = re.compile(r"\bThe Latest on [^:\n]{3,200}?\(all times local\):\s*")
_LIVE_TITLE = re.compile(r"^The Latest\s*:\s*(?=\S)")


# A live page's update stamp before its item: "( Updated 5:31 p.m. ( 0031 in Egypt ) )
# Egyptian President Hosni Mubarak says ..." (Timeline17, CNN: it opened a timeline entry),
# "(Updated at 4:34 p.m. ET)".
_UPDATE_STAMP = re.compile(
    r"\(\s?Updated (?:at )?\d{1,2}:\d{2}\s?[ap]\.?\s?m\.?(?:\s?[A-Z]{2,4}\b)?"
    r"(?:\s?\(\s?\d{4} in [A-Z][\w ]{1,30}?\s?\))?\s?\)\s*"
)


# The BBC's page stamp before a story's first sentence: "28 September 2011 Last updated
# at 15:41 GMT Help A year on from the death of Michael Jackson ..." (Timeline17: 25
# articles of the dev topics; 11 of the 2,000-article mix).
_PAGE_STAMP = re.compile(
    r"^\s*(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+)?Last updated at \d{1,2}:\d{2}"
    r"(?:\s*(?:GMT|BST|UTC|ET))?(?:\s+Help\b)?\s*"
)
# and a live page's standfirst, its title before it: "As it happened : Haiti earthquake 13
# Jan Live coverage following the earthquake in Haiti ." (a timeline entry), "Live
# coverage of the trial of Michael Jackson's personal physician, Dr Conrad Murray, who is
# charged with ..." (the 2,000-article mix: a brief's headline).
_LIVE_STANDFIRST = re.compile(
    r"(?:\bAs it happened\s*:[^.]*?)?\bLive coverage (?:of|following)\b[^.]*\.\s*"
)


def strip_live_preamble(text: str) -> str:
    """Return a line or a title without AP's live-update preamble ("The Latest on a
    shooting inside a public library in Clovis ... (all times local): A woman who ..."
    -> "A woman who ...", "The Latest: Library patron says ..." -> "Library patron says
    ..."), page furniture that runs into the first item, and without a live page's update
    stamps (``_UPDATE_STAMP``, ``_PAGE_STAMP``) or standfirst (``_LIVE_STANDFIRST``)."""
    if "pdated" in text:  # "Updated", "Last updated": what both stamps need
        text = _PAGE_STAMP.sub("", _UPDATE_STAMP.sub("", text))
    if "Live coverage" in text:
        text = _LIVE_STANDFIRST.sub("", text)
    if "The Latest" not in text:  # what both patterns need, found far faster
        return text
    return _LIVE_TITLE.sub("", _LIVE_PREAMBLE.sub("", text))


# A title's trailing " | Site", " | Section" or " | date" parts (a feed's or a dump's title
# as the page's <title> gave it; pages whose site name is known lose it in ingest):
# each at most this many words, all of them fewer than the headline's words before.
TITLE_TAIL_MAX_WORDS = 4
_TITLE_PIPE = re.compile(r"\s+\|\s*")


# A paper's name in capitals after a comma, as a syndicator files it: "Police arrest three
# alleged 14K members, HONGKONG STANDARD", "Debunking Gen X Mythos, BUSINESS DAILY" (DUC
# 2006's WorldSources titles: the second had headed its brief).
_TITLE_OUTLET = re.compile(
    r",\s+(?!.*\b(?:SAYS|SAID|REPORTS|CLAIMS)\b)(?:[A-Z][A-Z&'.-]*\s+){1,3}[A-Z][A-Z&'.-]*\s*$"
)


# A wire service's note to its subscribing editors in a title: "GLOBAL WARMING IS SLOWING
# THE EARTH DOWN (FOR RELEASE THE WEEK OF MON., JULY 5, 1999)", "(FOR IMMEDIATE RELEASE)",
# "(ATTN: N.H., N.C.) HORMONE SEEN AS AUTISM CURE ..." (DUC 2006, NYT: development titles
# of the thirty-fifth read).
_TITLE_ADVISORY = re.compile(
    r"\s*\((?:FOR (?:IMMEDIATE )?RELEASE|RELEASE AT|ATTN|EDS|EDITORS|ADVANCE FOR|EMBARGOED)"
    r"\b[^()]*\)\s*"
)


def strip_title_tail(title: str) -> str:
    """Return a title without trailing short parts after " | ": "Former finance minister
    Michael Wilson dead at 81 | The Star" -> "Former finance minister Michael Wilson dead
    at 81". Kept: a headline of three words or fewer before the bar ("Opinion | ...",
    "Internationale Steuerberatung | Kanzlei Viehbacher") and a long part after it
    ("Milan Design Week 2018 | Anastassiades' light installation for FLOS"). A paper's
    name in capitals after a comma (``_TITLE_OUTLET``) goes too, after a headline in
    lower case of three words or more, and so does a note to editors in brackets
    (``_TITLE_ADVISORY``)."""
    title = _TITLE_ADVISORY.sub(" ", title).strip() or title
    outlet = _TITLE_OUTLET.search(title)
    before = title[: outlet.start()] if outlet else ""
    if before and not before.isupper() and len(before.split()) >= TITLE_TAIL_MAX_WORDS - 1:
        title = before
    head, *tail = _TITLE_PIPE.split(title)
    words = len(head.split())
    if not tail or words < TITLE_TAIL_MAX_WORDS:
        return title
    sizes = [len(part.split()) for part in tail]
    if max(sizes) > TITLE_TAIL_MAX_WORDS or sum(sizes) >= words:
        return title
    return head


def strip_wire_credit(line: str) -> str:
    """Return the line without a wire story's credits: in brackets (``WIRE_CREDIT``) or a
    sentence of them (``CREDIT_SENTENCE``, ``CREDIT_OPENING``), and without a transmission trailer
    (``WIRE_TRAILER``) or a blog feed's footer (``FEED_FOOTER``)."""
    lower = line.lower()
    if "enditem" in lower or "NNNN" in line or "(END)" in line:
        line = WIRE_TRAILER.sub("", line).strip()
    if "appeared on" in lower or "appeared first" in lower:
        line = FEED_FOOTER.sub("", line).strip()
    if "by" in lower:
        line = WIRE_CREDIT.sub("", line).strip()
    if "contributed" in lower or "reported this" in lower:
        line = CREDIT_SENTENCE.sub("", line).strip()
    if "with " in lower or "mit " in lower or "con " in lower:
        line = CREDIT_OPENING.sub("", line).strip()
    return line


def strip_caption_credit(paragraph: str) -> str:
    """Return the paragraph without a trailing photo credit; short captions go entirely."""
    # What a credit needs (a slash, a closing bracket, an agency's name), found far faster
    # than the pattern, which tries every position of a line that has none.
    if not any(mark in paragraph for mark in _CREDIT_MARKS):
        return paragraph
    match = CREDIT_AT_END.search(paragraph)
    if not match or not _credit_is_caption(paragraph, match.start()):
        return paragraph
    if len(paragraph.split()) <= CAPTION_MAX_WORDS:
        return ""
    return paragraph[: match.start()].rstrip()


# A picture's caption and credit inside a line, before the text goes on: a page flattened
# to text ("... as a swine flu outbreak sweeps through the city . Photograph : Alfredo
# Estrella/AFP/Getty Images The death toll from an outbreak ..."; the Guardian's pages in
# Timeline17). The credit is a name with agencies after slashes, or an agency alone.
_INLINE_CREDIT = re.compile(
    r"\s*\bPhotograph\s?:?\s"
    r"(?:[A-Z][\w.'’&-]*(?:\s(?:[A-Z][\w.'’&-]*|for|of|and|the)){0,5}"
    r"(?:/\s?[A-Za-z][\w.'’&-]*(?:\s(?:[Ii]mages|Press|Features|Photos|Pictures|Agency))?)+"
    # "Sarah Lee for the Guardian"
    r"|[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}\sfor\s(?:the\s)?[A-Z][\w'’-]*"
    r"|Associated Press|Reuters|AFP|AP|PA|EPA|Getty Images|Rex Features)"
    r"(?:\s+|$)"
)
# The caption before such a credit is at most this long; a longer run back to the last
# sentence end is text, and only the credit goes.
INLINE_CAPTION_MAX_WORDS = 50
# A sentence's end inside a line: its mark, any closing quotes or bracket, a space.
SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s")


# A picture's mark opening a sentence, its caption lost: "... last year. File Pic A pair
# of explosions killed at least 24 worshippers ..." (WCEP: the one report's headline).
_PICTURE_MARK = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:File|FILE)\s(?:Pic|PIC|Picture|Photo|PHOTO|Image|IMAGE)\b\s?:?\s+(?=[A-Z])"
)


def strip_inline_credit(line: str) -> str:
    """Return the line without a picture's credit inside it and the caption sentence
    before the credit (``_INLINE_CREDIT``): that sentence describes the picture, and the
    credit glued to the next sentence made that sentence read as a caption; and without
    a picture's mark that opens a sentence (``_PICTURE_MARK``)."""
    if "File " in line or "FILE " in line:
        line = _PICTURE_MARK.sub("", line)
    while "Photograph" in line and (match := _INLINE_CREDIT.search(line)):
        before = line[: match.start()].rstrip()
        ends = [m.end() for m in SENTENCE_END.finditer(before, 0, max(len(before) - 1, 0))]
        start = ends[-1] if ends else 0
        if len(before[start:].split()) > INLINE_CAPTION_MAX_WORDS:
            start = len(before)
        kept, rest = line[:start].rstrip(), line[match.end() :]
        line = f"{kept} {rest}".strip() if kept else rest
    return line


def _credit_is_caption(paragraph: str, credit_start: int) -> bool:
    """Accept a credit only after a sentence end or at a paragraph's start."""
    before = paragraph[:credit_start].rstrip()
    return not before or before[-1] in ".!?)”\"'’"
