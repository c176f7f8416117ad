"""Candidate sentences for extraction: split, cleaned, and filtered for readability.

A sentence can be a candidate only if it reads well out of context: it ends with final
punctuation, starts with a capital, has balanced quotes, does not open with a pronoun or a
connective that points back to a previous sentence, and is no boilerplate (bylines,
datelines, wire trailers, captions, "READ MORE", social-media prompts).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsbrief.clean import split_sentences
from newsbrief.clean.boilerplate import CREDIT_SENTENCE, WIRE_CREDIT
from newsbrief.clean.sentences import inside_quotes, is_title_case
from newsbrief.cluster.features import stop_words
from newsbrief.english_stopwords import ENGLISH_STOP_WORDS
from newsbrief.evaluate.rouge import porter_stem
from newsbrief.model import Article
from newsbrief.smart_stopwords import SMART_STOPWORDS
from newsbrief.summarize.parsing import main_verb, parse, verb_lemma
from newsbrief.timexpr import MONTH_PATTERN, YEAR_DIGITS

# A 200k-word article must stay fast: only its opening is read. News puts the
# information first, so the cut loses little (about 8,000 words).
MAX_CHARS_PER_ARTICLE = 50_000
# Sentences per article kept as candidates (DUC articles have up to ~120).
MAX_SENTENCES_PER_ARTICLE = 80
# Readable extract lengths, in words: shorter ones are fragments or headlines, longer
# ones are run-on lists or sentence-splitting failures.
MIN_WORDS = 6
MAX_WORDS = 60

# Quote marks, not apostrophes ("Canada's", "the Patriots' owner").
# Quote marks; a single one after "s" is a plural's possessive ("the students' union")
# unless nothing but punctuation follows it ("... save you thousands'.": a title's quote).
QUOTE_MARKS = re.compile(r"[\"“”«»]|(?<!\w)[‘’']|(?<![\Ws])[‘’'](?!\w)|(?<=s)[‘’'](?=\W*$)")
# The wire agencies whose name in brackets ends a dateline ("PARIS, Feb. 20 (Xinhua) --").
WIRE_AGENCIES = r"(?:AP|Xinhua|Reuters(?: Life!)?|AFP|UPI|CNN|dpa|CP|IANS|PTI|ANI)"
# "PINE RIDGE, S.D. (AP) --", "April 29 (UPI) --", "ISTANBUL (Turkey), August 21 (Xinhua) --",
# "NEW DELHI:", "JUPITER, Fla. -", "BANGKOK —", "DUBAI, United Arab Emirates —",
# "KHARTOUM, April 11 —", "BERLIN >>", "MOSCOW (Sputnik) —", "CAIRO, EGYPT—", "Tehran —",
# "MEXICO CITY/GENEVA (Reuters) -": a place in capitals (or a wire's name in parentheses or
# square brackets), an optional date, then a dash or colon.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'’\-]*(?:[ ,/]+(?:of\s|de\s|the\s)?[A-Z][A-Za-z.'’\-]*)*"
    r"(?:\s*\([A-Z][A-Za-z ]+\))?,?\s*)??(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*)?"
    rf"[(\[]{WIRE_AGENCIES}[)\]]\s*(?:--|_|—|–|―|-|:)?\s*"
    r"|^[A-ZÀ-Þ][A-ZÀ-Þ.'’\-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ.'’\-]+)*"
    r"(?:,\s*[A-Z][\w.]+(?:\s(?:[A-Z][\w.]+|\d{1,2}))*)*(?:\s*\([A-Z][A-Za-z ]+\))?\s*"
    r"(?:--|_|—|–|―|:|>>|\s-)\s+"
    # "CAIRO, EGYPT—Researchers": a place and its country in capitals, a dash, no space
    r"|^[A-Z]{2,}(?: [A-Z]{2,})*,\s*[A-Z]{2,}(?: [A-Z]{2,})*\s*(?:—|–|―)(?=[A-Z])"
    # "Tehran — Iran's currency", "Ottawa, ON — A new bridge", "Washington _ Former House
    # Speaker" (the NYT wire's dash): a place in mixed case, a dash between spaces, then a
    # sentence (a name's aside, "Trump — who ...", goes on in lower case)
    r"|^[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:,\s*[A-Z][A-Za-z.]+)?\s+(?:—|–|―|_)\s+(?=[A-Z])"
)
# Also the separators left of a title's empty parts: ",, Fahrerstatistik" (a page title
# whose name fields were empty).
_LEADING_DASH = re.compile(r"^(?:--|_|—|–|―|[-*•](?=\s)|[,;:]+)\s*")
# A page's time stamp glued to the text, and the page's headline before it: "BP survival
# fears as predicted cost of oil spill soars ... Monday 14 June 2010 21.52 BST The board of
# BP have been meeting ..." (a Guardian page of Timeline17); "12:13 UK time, Thursday, 10
# June 2010 Mr Obama's ..." (a BBC one).
_WEEKDAY_DATE = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? \d{1,2} [A-Z][a-z]+ \d{4}"
_ZONE = r"(?:BST|GMT|EDT|EST|CET|CEST|UTC|ET|IST|PST|PDT|CST|CDT|MST|JST|AEST)"
# Also "Page last updated at 05:27 GMT, Tuesday, 27 September 2011 06:27 UK" and "Last
# updated at 09:43 GMT Help BP has installed ..." (BBC pages) and "MEXICO CITY | Tue Apr 28,
# 2009 12:49 am BST" (a Reuters one).
_PAGE_STAMP = re.compile(
    # (a word boundary, or a page's words glued to its stamp: "staff reporterJanuary 28")
    rf"^.{{0,300}}?(?:\b|(?<=[a-z])(?=[A-Z]))"
    rf"(?:{_WEEKDAY_DATE},? \d{{1,2}}[.:]\d\d\s*(?:[ap]\.?m\.?\s*)?{_ZONE}"
    rf"|\d{{1,2}}[.:]\d\d (?:UK|GMT|BST) time, {_WEEKDAY_DATE}"
    rf"|Page last updated at \d{{1,2}}:\d\d {_ZONE},? {_WEEKDAY_DATE}(?: \d{{1,2}}:\d\d UK)?"
    rf"|Last updated at \d{{1,2}}:\d\d {_ZONE}(?: Help)?"
    rf"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{{2}} \d{{1,2}}, \d{{4}} \d{{1,2}}:\d\d\s*[ap]m"
    rf" {_ZONE}"
    # a CNN page's byline and stamp: "By Annalyn Censky, staff reporterJanuary 28, 2011: 5:11
    # PM ET NEW YORK (CNNMoney) -- Food prices ..." (the dateline goes next)
    rf"|[A-Z][a-z]{{2,8}} \d{{1,2}}, \d{{4}}: \d{{1,2}}:\d\d\s*[AP]M {_ZONE})\s+"
)
_CLOCK = re.compile(r"\d[.:]\d\d")
# A wire page's byline run into its first sentence: "By the CNN Wire Staff Saudi King
# Abdullah expressed support ..." (29 sentences of Timeline17's CNN pages in the speed mix).
_WIRE_STAFF_BYLINE = re.compile(r"^By (?:the )?(?:[A-Z][\w.'’-]* ){1,4}Wires? Staff\s+")
# A page's list of highlights run together, each marked "NEW:" ("NEW : President Obama spoke
# to Egypt 's president on Tuesday NEW : Obama warns ...", CNN), or carrying its editor's
# note ("... at 6 p.m. Friday Editor's Note: This article is being updated ...").
_HIGHLIGHTS = re.compile(r"(?:^|\s)NEW ?: |\b[Ee]ditor'?s'? [Nn]ote ?:|\bEDITOR'?S'? NOTE ?:")
# A web server's error left in a page's text.
_SERVER_ERROR = re.compile(r"\s*\(an error occurred while processing this directive\)")
_BOILERPLATE = re.compile(
    r"https?://|www\.|\S@\S|pic\.twitter|#\w|\bcopyright\b|all rights reserved|"
    r"read more|story continues|click here|sign up|subscribe|follow us|like us on|"
    r"\bnyt-|news service|\(ap\)|\bphoto\b|/\w+ \w+$|advertisement|newsletter|"
    r"for more information|find out more|"
    # a page's navigation: "Skip to a day of the week: ..." (a BBC schedule page of
    # Timeline17, its first item run in: a development's label on the mix)
    r"^\W*skip to\b|"
    # a newsletter's plug: "Get Wonkbook delivered to your inbox or mobile device every
    # morning." (Timeline17)
    r"\b(?:to|in) your inbox\b|"
    # a page's stamp: "Last updated on: November 11, 2011 19:04 IST", "Published: ..."
    r"\b(?:last )?(?:updated|modified|published|posted)(?: on| at)?\s*:|"
    # a stamp alone: "Last updated at 11:11 GMT" (a BBC page's, dated as its news), its
    # day before it ("21 July 2013 Last updated at 11:11 GMT", an ECB+ page on the mix,
    # two timeline entries)
    r"^\W*(?:\d{1,2} [a-z]+ \d{4}\s+)?(?:page )?last updated at \d{1,2}:\d\d\W*(?:\w+\W*){0,2}$",
    re.IGNORECASE,
)
# Service notes and credits, searched only in a sentence holding one of ``_NOTE_WORDS``
# (a regex's alternatives cost at every character: one pattern of both took 65 us a
# sentence against 38 for the furniture alone).
_SERVICE_NOTE = re.compile(
    # a wire service's notes to its subscribers ("If stories will move after 8 p.m., an
    # ETA will be given.") and a quote page's data credit ("Most stock quote data
    # provided by BATS.")
    r"\bE\.?T\.?A\.? (?:will be given|of \d)|\b(?:stor(?:y|ies)|budgets?) (?:will )?move\b|"
    r"\bmove in the \W*\w\W* category\b|"
    r"\b(?:quote|market) data (?:is |are )?(?:provided|the property)\b|"
    # an almanac's heading: "Today is Monday, Oct. 18, the 291st day of 1999."
    r"\bthe \d+(?:st|nd|rd|th) day of (?:19|20)\d\d\b|\b\d+ days left in the year\b|"
    r"^Today's Birthdays\b|"
    # a rights notice ("All content of the Dow Jones IndexesSM 2013 is proprietary to Dow
    # Jones & Company, Inc.", "The Dow Jones IndexesSM are proprietary to ...") and a
    # police appeal ("Anyone with information is asked to call police on 0845 ...")
    r"\b(?:is|are) proprietary to\b"
    r"|\banyone with (?:any )?(?:information|knowledge)\b[^.]*\b(?:call|contact)\b|"
    # a source's anonymity as the whole sentence ("The official spoke on condition of
    # anonymity because he was not authorized to talk to the media.": three key points of
    # the mix); not an aside in a sentence that tells something ("An official, who spoke
    # on condition of anonymity because ..., said ...": a comma before it)
    r"^[^,]{0,80}\bcondition of anonymity because\b(?![^.]*\bsaid\b)|"
    # a page's notice to a reader without a plug-in ("In order to see this content you need
    # to have both Javascript enabled and Flash installed.": a BBC page's timeline entry)
    r"\bjavascript (?:is )?(?:enabled|disabled)\b|\bflash (?:player )?installed\b|"
    r"\benable javascript\b|"
    # a market page's item stamp and footer run into a sentence (Timeline17's CNN Money
    # pages: "... as a MORE Feb 7, 2011 8:43 AM ET Market indexes are shown in real time,
    # except for the DJIA ...")
    r"\b(?-i:MORE) [A-Z][a-z]{2}\.? \d{1,2}, (?:19|20)\d\d \d{1,2}:\d\d [AP]M ET\b|"
    r"\bmarket indexes are shown in real time\b|"
    # an opinion column's credit line: "The views expressed are his own."
    r"\b(?:views|opinions) expressed (?:here |in this \w+ )?are (?:his|her|their|the author'?s?)"
    r" own\b|"
    # (a wire story's credits, "Associated Press writers Mari Yamaguchi ... in Tokyo
    # contributed to this report.", "(Reporting by ...; Editing by ...)", are
    # ``clean.boilerplate.CREDIT_SENTENCE`` and ``WIRE_CREDIT``, below)
    # a pointer to the fuller story elsewhere: "An expanded version of this report appears
    # on WSJ.com." (WCEP dev)
    r"\b(?:expanded|longer|full) version of this (?:report|story|article)\b|"
    # a syndicate's terms: "The following material is for use only by arrangement with New
    # York Times Syndicate/Special features." (DUC 2006: a one-report headline)
    r"\bonly by arrangement with\b|"
    # a comment page's moderation note ("Some comments edited for length or clarity."), an
    # almanac's look back ("Five years ago: Defense Secretary William Perry ...") and a
    # news budget's item ("BIGBOOKS (undated) Anne Stephenson's reviews of ...")
    r"\bcomments (?:may be |were |are )?edited for\b|\bmoderation staff\b|"
    # a page's disclaimers: "Views expressed in the comments do not represent those of
    # Reuters.", "... nor Reuters, can be held liable for any irregularity ...", "Reuters
    # is not responsible for the content in this press release."
    r"\b(?:views|opinions) expressed in (?:the |these )?comments\b"
    r"|\bbe held liable for any\b|\bis not responsible for the content\b|"
    r"^\W*(?:[\w-]+ )?(?:years?|decades?|centur(?:y|ies)) ago\s*:|^\S+ \(undated\)|"
    # a page's note on itself: "Transmission details in the Network Radio Programme
    # Information 7-day version are not updated after publication." (a BBC schedule page
    # in Timeline17: four stories' headline), "For updates, please see individual day
    # pages."
    r"\bnot (?:be )?updated after publication\b"
    r"|^\W*for updates\s*,?\s*(?:please )?see\b",
    re.IGNORECASE,
)
# Words one of which every ``_SERVICE_NOTE`` holds (lower case).
_NOTE_WORDS = (
    "eta",
    "e.t.a",
    "move",
    " data ",
    " day of ",
    "days left",
    "birthdays",
    "proprietary",
    " am et",
    " pm et",
    "real time",
    "information",
    "knowledge",
    "anonymity",
    "javascript",
    "flash",
    "expressed",
    "contributed",
    "reported this",
    "version of this",
    "arrangement",
    "reporting by",
    "writing by",
    "editing by",
    "compiled by",
    "compiling by",
    "edited for",
    "liable",
    "responsible for the content",
    "moderation",
    "ago:",
    "ago :",
    "(undated)",
    "updated after",
    "for updates",
)
# An author's line after a column, alone or after a dash: "Eric Auchard is a Reuters
# columnist.", "John Young is opinion page editor of the Waco Tribune-Herald.", "... on
# farm trade. -- John Kemp is a Reuters columnist." (a role and nothing that happened).
_AUTHOR_LINE = re.compile(
    r"(?:^|\s--\s+)\(?(?:[A-Z][\w.'’-]*\s?){1,4}(?:,[^,]{1,160},\s)?"
    r"is (?:an? |the )?(?:[\w'’-]+\s){0,4}"
    r"(?:columnist|correspondent|contributor|editor|writer|reporter|analyst|author)"
    r"(?:\s+(?:of|for|at|with|in|based in)\s+[^,.;]+)?\.?\)?$"
)
# A digest's announcement of the items that follow ("The following are major news items
# in leading Australian newspapers Thursday.", "Following are ... today:"): no news itself.
_LIST_INTRO = re.compile(
    r"^(?:The\s+)?[Ff]ollowing\s+(?:are|is)\b|\bare\s+the\s+following\b"
    # a wire table's heading: "Figures available Saturday on the earthquake that ..."
    r"|^(?:Figures|Facts|Details)\s+available\b|^(?:Highlights|Excerpts)\s+(?:of|from)\b"
    # "Here is his rundown of the good and bad, ...", "Here then are today's highlights of
    # news ..." (a market page of Timeline17): what follows, not news
    r"|^Here\s+(?:then\s+|now\s+)?(?:is|are)\b"
)
# Opening words that refer back to a sentence the reader of an extract has not seen.
DANGLING_OPENERS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "his",
        "her",
        "their",
        "its",
        "them",
        "him",
        "this",
        "these",
        "those",
        "that",
        "such",
        "but",
        "and",
        "or",
        "also",
        "however",
        "meanwhile",
        "still",
        "yet",
        "so",
        "thus",
        "then",
        "moreover",
        "furthermore",
        "instead",
        "nevertheless",
        "nonetheless",
        "besides",
        "otherwise",
        "accordingly",
        "hence",
        "there's",
        "here's",
        "others",  # "Others announce that ...": others than those just named
    ]
)
TOKEN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Candidate:
    """One extractable sentence and where it comes from."""

    text: str
    article_index: int
    position: int  # index of the sentence within its article
    words: int
    stems: tuple[str, ...]  # lower-cased Porter stems of every token, stopwords included


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Return the Porter stem of a lower-case word, as ROUGE-1.5.5 stems (longer than 3).

    The same stemmer as the evaluation, so that concepts are the units ROUGE counts; it
    is also light to import (NLTK's takes seconds).
    """
    return porter_stem(word) if len(word) > 3 else word


def stem_tokens(text: str) -> tuple[str, ...]:
    """Return the stems of the alphanumeric tokens of ``text``, as ROUGE tokenises."""
    return tuple(stem(token) for token in TOKEN.findall(text.lower()))


def content_stems(text: str) -> set[str]:
    """Return the stems of the words of ``text`` that are not stopwords."""
    return {stem(token) for token in TOKEN.findall(text.lower()) if token not in SMART_STOPWORDS}


def strip_dateline(sentence: str) -> str:
    """Return ``sentence`` without a wire dateline ("SYDNEY, Australia (AP) _ ")."""
    return _DATELINE.sub("", sentence, count=1)


# PTB tokenisation as wire corpora store it: "quake , Haiti 's worst ... on Tuesday ."
_PTB_TOKENS = re.compile(r" [,.] | [.,]$| 's\b|``|''|` |-LRB-")
_PTB_SPACES = [
    (re.compile(r" (?=[,.;:!?%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b)"), ""),
    (re.compile(r"(?<=[(\[{$#]) "), ""),
    (re.compile(r"``\s?|\s?''"), '"'),
    # single quotes: "a ` static kill ' is", "workers ' rights" (a plural's possessive)
    (re.compile(r"(?<!`)`(?!`)\s?"), "‘"),
    (re.compile(r"(?<=\w) '(?=\s|[,.;:!?)]|$)"), "’"),
    (re.compile(r"-LRB-\s?"), "("),
    (re.compile(r"\s?-RRB-"), ")"),
]


def _ptb_spaces_closed(sentence: str) -> str:
    """``sentence`` with a wire corpus's token spaces closed ("Haiti 's" -> "Haiti's")."""
    if _PTB_TOKENS.search(sentence):
        for pattern, replacement in _PTB_SPACES:
            sentence = pattern.sub(replacement, sentence)
    return sentence


# An elision between a word and itself, a quotation's cut mid-phrase: "crash in … in the
# north-eastern region" reads "crash in the north-eastern region".
_ELIDED_REPEAT = re.compile(r"\b(\w+)\s*(?:…|\.\.\.)\s*\1\b")


def tidy_sentence(sentence: str) -> str:
    """Return ``sentence`` as a reader sees it: PTB token spaces closed ("Haiti 's" ->
    "Haiti's", "on Tuesday ." -> "on Tuesday."), without its dateline, a page's time stamp
    and the page headline before it ("... Friday 11 June 2010 22.16 BST "), a wire staff's
    byline ("By the CNN Wire Staff "), a heading or
    caption glued to it (``without_glued_heading``), or a leading
    connective ("But this year ..." -> "This year ...": the contrast is with a sentence not
    shown), with plain quotes."""
    text = _ptb_spaces_closed(sentence).replace("``", '"').replace("''", '"')
    if _CLOCK.search(text):  # every page stamp tells a time (the pattern is slow to fail)
        text = _PAGE_STAMP.sub("", text, count=1)
    text = _SERVER_ERROR.sub("", text)
    if text.startswith("By "):
        text = _WIRE_STAFF_BYLINE.sub("", text, count=1)
    text = _LEADING_DASH.sub("", strip_dateline(text))
    text = without_glued_heading(text)
    if "…" in text or "..." in text:
        text = _ELIDED_REPEAT.sub(r"\1", text)
    if ". said" in text or ". says" in text or ". told" in text:
        text = _SAID_AFTER_STOP.sub(", ", text)
    lost = _LOWER_CASE_AFTER_STOP.search(text)
    if lost:
        text = text[: lost.start()]  # "... three Rafale aircraft. he said at least 31 ..."
    connective = _CONNECTIVE.match(text)
    if connective and text[connective.end() :][:1].isalpha():
        # "But the plan ..." -> "The plan ...": the contrast is with a sentence not shown.
        rest = text[connective.end() :]
        text = rest[0].upper() + rest[1:]
    return " ".join(text.split())


# A quote's closing mark lost before its speaker: "... will also be fined. said the Bangkok
# Post." (a Xinhua digest of DUC 2006).
_SAID_AFTER_STOP = re.compile(r"(?<=[a-z])\.\s+(?=(?:said|says|told)\s)")
# A sentence whose opening was lost, run into the one before: "... shot down five Indian
# fighter jets, including three Rafale aircraft. he said at least 31 people had been
# killed ..." (a National Post page): who "he" is was in the words lost; the sentence
# before is kept. Not after an abbreviation ("etc. the").
_LOWER_CASE_AFTER_STOP = re.compile(
    r"(?<=[a-z]{2}\.)(?<!\betc\.)(?<!\bvs\.)(?<!\bal\.)(?<!\bapprox\.)(?<!\bincl\.)"
    r"(?<!\beg\.)(?<!\bie\.)"
    r"\s+(?=(?:he|she|they|it|we|i|the)\s)"
)
_CONNECTIVE = re.compile(
    r"^(?:But|And|Also|However|Meanwhile|Still|Yet|Moreover|Furthermore|In addition|"
    r"Nevertheless|Nonetheless|Instead|Besides),?\s+"
)


def article_sentences(article: Article) -> list[str]:
    """Return the article's sentences (its own split if it has one), opening part only."""
    if article.sentences:
        return list(article.sentences[:MAX_SENTENCES_PER_ARTICLE])
    return split_sentences(article.text[:MAX_CHARS_PER_ARTICLE])[:MAX_SENTENCES_PER_ARTICLE]


def is_readable(text: str) -> bool:
    """Return True if ``text`` can stand alone in a summary."""
    words = text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if not text[:1].isupper() and text[:1] not in "\"“‘'":
        return False
    if text[:1] in "\"“”‘’'" and text[1:2].isspace():
        return False  # the quote closing the sentence before: "' But then that's ..."
    if text.rstrip("\"”’')")[-1:] not in ".!?" or asks_or_trails_off(text):
        return False
    if lost_characters(text):
        return False
    if is_boilerplate(text) or introduces_a_list(text) or is_caption(text):
        return False
    if _DATED_ITEM.match(text) or _teaser_list(text):
        return False
    if _AUTHOR_LINE.search(text) or " | " in text:
        # (a bar left after tidying is page furniture: "... ouster February 11, 2011 | By
        # the CNN Staff The protesters first took to the streets ...")
        return False
    if runs_in_a_heading(text):
        return False
    # "They're outraged by ...": a contraction opens on its pronoun
    opener = re.split(r"['’]", words[0].lower().strip("\"“‘',"))[0]
    if opener in DANGLING_OPENERS or _BARE_REFERENCE.search(text):
        return False
    if refers_back(text):
        return False
    if not _balanced_quotes(text):
        return False
    return not in_capitals(text)


# A heading before a colon, run into the sentence it heads: "Skip to a day of the week:
# Zoe Ball sits in for ...", "Business reduction of processes: The company is also ...",
# "A roundup of today's CNNMoney news: ..." (key points of the 4,857-article mix).
# No comma, bracket or quote in it: "according to 13th Gen: Abort, Retry, Ignore, Fail, the
# definitive 1993 ... tome" names a book, "Newmont Mining Corp (NYSE: NEM)" a ticker.
_HEADING_LABEL = re.compile(r"^(?P<label>[A-Z][^:.!?,;()\[\]\"“”]{2,80}?):\s+(?=[A-Z\"“])")


def without_heading_label(text: str) -> str:
    """Return a sentence without the heading run into it (``_HEADING_LABEL``): two to
    eight words, one of them not capitalised (a speaker's name or title is: "President
    Trump: We will win" keeps it), no finite verb of their own (a clause is no heading:
    "The Information Center gives the following account: 500 workers ..." names its
    source), before a sentence of at least ``MIN_WORDS`` words with a verb. Two in a row
    go ("A roundup of today's CNNMoney news: Cashing in on snowstorms: With record
    amounts of snow ..."). Unchanged without spaCy: a verb is not told without a parse."""
    from newsbrief import nlp

    for _ in range(2):
        heading = _HEADING_LABEL.match(text)
        if heading is None:
            break
        words = heading.group("label").split()
        rest = text[heading.end() :]
        if (
            not 2 <= len(words) <= 8
            or all(word[:1].isupper() for word in words)
            or len(rest.split()) < MIN_WORDS
        ):
            break
        label = nlp.parse(heading.group("label"))
        if label is None or any(token.tag_ in _FINITE_TAGS for token in label):
            break
        if is_verbless(rest):
            break  # "Photojournalist of the Year: Toby Melville for his photographs ..."
        text = rest
    return text


def in_capitals(text: str) -> bool:
    """Whether over a third of a sentence's words are in capitals: a heading, a caption or
    a notice ("NO PORTION OF THE MATERIALS CONTAINED HEREIN MAY BE USED ..."), no sentence."""
    words = text.split()
    capitals = sum(word.isupper() and len(word) > 1 for word in words)
    return capitals > len(words) / 3


def asks_or_trails_off(text: str) -> bool:
    """Whether a sentence is a question or a teaser cut short with "...": a question is no
    point a source makes ("Why had there been such a strong turn away from the
    Conservatives?"), and a feed's summary cut off says half of one ("... according to
    Machiavelli..."). No key point, headline or timeline entry."""
    return text.rstrip(" \"'”’)").endswith(("?", "...", "…"))


# A character the feed could not encode, left as "?" inside a word: "un?esplosione"; a
# brace against a word, a wire system's code for a fraction or a dash ("her 2{-month-old
# baby", "{ndash}" in DUC 2006); U+FFFD, what newsbrief puts for bytes or a JSON escape
# it could not decode (``model.encodable``, ``ingest.encoding``).
_LOST_CHARACTER = re.compile(r"[^\W\d_]\?[^\W\d_]|\w[{}]|[{}]\w|\ufffd")


def lost_characters(text: str) -> bool:
    """Whether a sentence lost characters in its encoding (``_LOST_CHARACTER``): garbled
    for a reader ("Canada moved troops U+FFFD from Iraq" as shown), no key point, headline
    or timeline entry."""
    return _LOST_CHARACTER.search(text) is not None


# An item of a dated list, a picture gallery's or a chronology's: "April 30: Workers spread
# oil booms along a railroad trestle ...", "Aug. 21, 2009: Convicted Lockerbie bomber ...",
# "Nov. 25 -- Elian rescued at sea ..." (a wire chronology's telegraphic item), "1960: The
# televised presidential debate ... illustrates the power of image." (a year's item).
_DATED_ITEM = re.compile(
    rf"\W*(?:{MONTH_PATTERN}\s+\d{{1,2}}(?:,\s*(?:19|20)\d\d)?|{YEAR_DIGITS})"
    r"\s*(?::|--|—|–|_)\s"
)


# A list's bullet inside a sentence: items run together ("... believe them to be UFOs. •
# Experts do not think it was aliens.", a page's summary points on the mix).
_INNER_BULLET = re.compile(r"\S\s+[•*]\s+\S")


def _teaser_list(text: str) -> bool:
    """Whether a sentence holds two semicolons or more with a short part between them: a
    page's teasers run into its text ("French troops fight militias in Mali streets; Iraq
    bombs target Kurds; horsemeat recipes Aid finally begins to reach ..."), or a list's
    bullet inside it (``_INNER_BULLET``)."""
    if _INNER_BULLET.search(text):
        return True
    parts = text.split(";")
    return len(parts) >= 3 and any(len(part.split()) <= 6 for part in parts[1:-1])


# A chronology: a text with at least this many paragraphs that open on a dated item. Its
# sentences tell history in the present ("Candidates begin to respect TV's power.", of
# 1960): never a key point or a headline.
CHRONOLOGY_ITEMS = 3


def is_chronology(text: str) -> bool:
    """Whether at least ``CHRONOLOGY_ITEMS`` of a text's paragraphs open on a dated item."""
    items = 0
    for paragraph in text.split("\n"):
        items += bool(_DATED_ITEM.match(paragraph))
        if items >= CHRONOLOGY_ITEMS:
            return True
    return False


# A step the sentence does not say: "The country's top soldier announced the measure in a
# letter" (which measure was the sentence before), "The move comes as ...". Not "the
# decision to relocate", "the move by Canada", "the measure that ...".
_BARE_REFERENCE = re.compile(
    r"\b[Tt]he (?:measure|move|decision|step|announcement)\b"
    r"(?!\s+(?:to|of|by|that|which|on|against|for)\b|[-–]|\s*\()"
)


# Openings that point back to the sentence before: "Aboard the same plane were ...", "At
# the same time, ...", "Even then they said ...", "Such speeds ...", and connectives that
# weigh it against another ("On the one hand, ...", "In any case, ...", "Likewise, ...").
_BACK_REFERENCE = re.compile(
    r"^\W*(?:(?:[\w'’-]+\s+){0,2}[Tt]he same|Even|Such)\b"
    r"|^\W*(?:On the (?:one|other) hand|In (?:any|either|that|this|which) case|In other words"
    r"|(?:By|In) contrast(?=,)|Likewise|Similarly|Conversely|Next comes?|Oh)\b"
    # a preposition on what the sentence before named: "Before that, it had purchased 4.3
    # million shares" (a key point of the 2,000-article mix), "Despite this, ..." (not
    # "After this week's vote")
    r"|^\W*(?:Before|After|Besides|Despite|Beyond|Unlike|Like|Apart from|Because of)"
    r" (?:that|this|these|those)\b"
    r"(?!\s+(?:week|month|year|morning|afternoon|evening|weekend|season|time)\b)"
    # what the sentence before told, set in time: "The report comes less than a week after
    # an inquiry ...", "The visit came as ..." (a headline of DUC 2006 D0624F)
    r"|^\W*(?:The|This|That|It|Its)\s+(?:[a-z][\w'’-]*\s+)?(?:comes|came)\s+"
    r"(?:as|after|amid|just|only|less|more|days?|weeks?|months?|hours?|a\s+(?:day|week|month))\b"
    # part of a group the sentence before named: "Some wore costumes of Darth Vader" (of
    # the fans lined up; a headline of DUC 2006 D0604D), "Others said ..."
    # (and "All have been hard to prove", "Both were arrested": DUC 2006 on the mix)
    # ... or the rest of it: "The others involved a booster allegedly giving $500 to a
    # football player" (a key point of the 2,000-article mix), "The latter ..."
    r"|^\W*The (?:others|other (?:two|three|four|five)|rest)\b(?!\s+(?:of|in)\b)"
    r"|^\W*The (?:latter|former)(?=,|\s+(?:is|was|are|were|has|had|have|said|says|will|would)\b)"
    r"|^\W*(?:Some|Many|Others|Most|Several|Few|All|Both|Neither|None)\s+(?:of\s+them\s+)?"
    r"(?:wore|were|are|have|had|said|say|came|went|took|got|brought|held|carried|fled"
    r"|stayed|remained|gathered|waved|chanted|shouted|wept|cried|lined|stood|sat|slept)\b"
    # a closing connective that weighs it against the sentence before: "An agreement today
    # may be a lot to ask, however." (DUC 2007 D0727G, a timeline entry), "..., too."
    r"|.*,\s+(?:however|though|instead|too|nonetheless|nevertheless)\W*$"
)


def is_boilerplate(text: str) -> bool:
    """Whether a sentence is page furniture (``_BOILERPLATE``: links, credits, appeals to
    the reader; ``_HIGHLIGHTS``: a page's highlights run together) or a service note
    (``_SERVICE_NOTE``: a wire's notes to subscribers, an almanac's heading, a rights
    notice, a column's credit line)."""
    if _BOILERPLATE.search(text) or _HIGHLIGHTS.search(text):
        return True
    lower = text.lower()
    if not any(word in lower for word in _NOTE_WORDS):
        return False
    # A wire's credits are cleaned from an article's text; a sentence given here uncleaned
    # is checked against the same pattern.
    return bool(
        _SERVICE_NOTE.search(text) or WIRE_CREDIT.search(text) or CREDIT_SENTENCE.search(text)
    )


def refers_back(text: str) -> bool:
    """Whether a sentence opens on what another sentence says ("the same", "even", "such",
    "Some wore ...")."""
    return bool(_BACK_REFERENCE.match(text))


# Photo captions: a position note ("Netanyahu, left, and Pompeo"), a photo credit or
# caption word, a "pictured"/"poses" description. They date a picture, not the news.
# A photo caption's closing date: "(on) (Sunday,) April 29, 2018." ending the sentence.
_CLOSING_DATE = (
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+(?:19|20)\d\d\.?\s*$"
)
_CAPTION = re.compile(
    r",\s(?:left|right|center|centre|second (?:left|right)|top|bottom|above)\s*[,)]"
    r"|\((?:left|right|center|centre|L|R|C|pictured|file)\)"
    # a position counted ("Pele (2nd-L) talks with ... (1st-R)"), a NYT photo's slug
    # ("(NYT31) NEW YORK -- Oct. 20, 1999 -- SINGLES-HOUSING-2, 10-20 -- Melissa Roth, in
    # chair, at ...")
    r"|\(\d(?:st|nd|rd|th)[-\s]?(?:left|right|L|R)\)|^\(NYT\d+\)"
    r"|\b(?:Photo(?:graph)?|Image|Picture|Credit|Caption)\s*[:/]"
    r"|\b(?:AP|Getty|Reuters|AFP|EPA)\s+(?:Photo|Images)\b|\bREUTERS/"
    # a picture's credit: "Image by theimpulsivebuy via Flickr The Fortune 500 comes out ...",
    # "Coast Guard via AP June 30: Oily waves come ashore in Orange Beach, Ala." (Timeline17)
    r"|\b(?:Image|Photo|Picture)s? (?:by|courtesy of)\b"
    r"|\bvia (?:Flickr|Wikimedia|AP|AFP|EPA|Getty)\b"
    r"|\b(?:pictured|poses|posing|is seen|are seen)\b"
    # opening on the picture: "Pictured right, is reader Nicole Bresler ...", "From left:"
    r"|^(?:Pictured|From (?:left|right)|Left to right)\b"
    # who stands where in a group photo: "In front are Qarnita Loxton, from Melkbosstrand,
    # ...", "Seated are ..."
    r"|^(?:In front|At the (?:front|back)|In the back|Front row|Back row|Seated|Standing)"
    r"(?:\s+\w+){0,2},?\s+(?:are|is)\s+[A-Z]"
    # AP's caption opener: "In this image taken from video provided by BP PLC ... shows",
    # "In this Aug. 3, 2010 file photo, ..."
    r"|^In this (?:\S+ ){0,4}?(?:image|photo|photograph|picture)\b"
    # what the picture is of and when it was taken: "Satellite image of Port-au-Prince,
    # Haiti taken on 13 January." (not "Images of the victims were taken down", "A photo
    # of the suspect taken in 2009 was released").
    r"|^\W*(?:[\w-]+\s+){0,2}(?:[Ii]mage|[Pp]hoto|[Pp]icture|[Pp]hotograph)s?\s+(?:of|from)\b"
    r"[^.]*(?<!was )(?<!were )(?<!been )(?<!being )\btaken\b"
    r"(?![^.]*\b(?:is|are|was|were|has|have|had|shows?|showed|released)\b)"
    # a picture's credit and date first, what it shows, where in it ("AP June 23, 2010: This
    # image from video provided by BP shows oil gushing ...", "... swarm the blowout
    # preventer, bottom left, as oil rises")
    rf"|^(?:AP|AFP|Reuters|EPA|Getty Images)\s+{MONTH_PATTERN}\s+\d"
    r"|\b(?:[Ii]mage|[Pp]hoto|[Pp]icture)\s+(?:from video\s+)?(?:provided by [\w\s.]{1,60}?\s)?"
    r"shows\b"
    r"|,\s(?:bottom|top|lower|upper) (?:left|right)\s*[,)]"
    # a wire photo's closing date: "..., near Friendship Park in Tijuana, on April 29, 2018."
    rf"|,\s+(?:on\s+)?{_CLOSING_DATE}"
)
# A photo's action in the present with its date last, and no one speaking: "Pele arrives at
# the Dubai Opera gardens to attend a friendly game in Dubai on April 15, 2018." (verbs
# that are seldom nouns: not "talks", "waves", "leaves").
_PRESENT_CAPTION = re.compile(
    r"\b(?:arrives|gestures|looks on|listens|speaks|attends|sits|reacts|greets|celebrates"
    rf"|performs)\b[^.!?]*\bon\s+{_CLOSING_DATE}"
)
# A wire picture's place and date, with no comma or "on" between them: "A man celebrates
# after finishing the application process to be a firefighter in Miami, Florida February 2,
# 2009." (a weekday before the date is a deadline: "a response by Friday July 2, 2010.").
# On the 10,000-article mix, 33 of 34 such sentences are captions; the other is in the past.
_PLACE_THEN_DATE = re.compile(
    rf"\b(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][a-z]+\.?\s+{_CLOSING_DATE}"
)
_SAID = re.compile(r"\b(?:said|says|told)\b")
_PAST_AUXILIARY = re.compile(r"\b(?:was|were|had)\b")
# Any present action on a day given with its year: "Flames rise from a gas pipeline attack
# in the Egyptian Sinai town of El Arish on February 5, 2011." (Timeline17: a one-report
# headline). News in the present with a dated day plans it ("The film opens on May 21,
# 1999."): those verbs, and "is"/"has", say no caption. The date may come before a
# comma's aside or be a month ("North Korean refugees cross the Naktong River in South
# Korea on August 6, 1950, just a short time before ...", "Members of the Red Cross Motor
# Corps ... carry a patient on a stretcher into an ambulance in St. Louis in October
# 1918.": a gallery's captions, key points of a 2015 brief).
_ON_A_DAY_WITH_ITS_YEAR = re.compile(
    rf"\bon\s+{_CLOSING_DATE}"
    rf"|\b(?:on\s+(?:{MONTH_PATTERN})\.?\s+\d{{1,2}},|in\s+(?:{MONTH_PATTERN}))\s+(?:1[89]|20)\d\d\b"
)
_PLAN_VERBS = frozenset(
    {"be", "have", "begin", "start", "open", "close", "end", "expire", "take", "come", "go"}
    | {"run", "meet", "resume", "return", "launch", "become", "face", "hold", "vote"}
)


def is_caption(sentence: str) -> bool:
    """Return whether a sentence reads as a photo caption (``_CAPTION``,
    ``_PRESENT_CAPTION``, ``_PLACE_THEN_DATE``), read with a wire corpus's token spaces
    closed ("Gulf Shores , Alabama , June 24 , 2010 .": a Timeline17 caption)."""
    sentence = _ptb_spaces_closed(sentence)
    if _CAPTION.search(sentence):
        return True
    if _SAID.search(sentence):
        return False
    if _PRESENT_CAPTION.search(sentence):
        return True
    if _PAST_AUXILIARY.search(sentence) or not _A_YEAR.search(sentence):
        return False
    # (only a sentence ending on a year can end on a caption's date: the pattern is slow)
    if sentence.rstrip(" .")[-4:].isdigit() and _PLACE_THEN_DATE.search(sentence):
        return True
    dated = _ON_A_DAY_WITH_ITS_YEAR.search(sentence)
    return dated is not None and _a_present_action(sentence, dated.span())


_A_YEAR = re.compile(rf"\b{YEAR_DIGITS}\b")


def _a_present_action(sentence: str, date: tuple[int, int]) -> bool:
    """Whether the parse's main verb is an action in the simple present, with no
    auxiliary ("Flames rise", not "The film opens", "is due", "will rise"), and the date
    at ``date`` (its span) is its own, not a plan's or a thing's ("expect the company to
    report a loss in March 2012", "oppose sanctions announced in December 2011")."""
    doc = parse(sentence)
    if doc is None:
        return False
    root = main_verb(doc)
    year = next((t for t in doc if date[0] <= t.idx < date[1] and _A_YEAR.fullmatch(t.text)), None)
    if year is None:
        return False
    head = year.head
    while head.pos_ not in {"VERB", "AUX"} and head.i != head.head.i:
        head = head.head
    if head.i != root.i:
        return False
    # (a plural subject's verb is often tagged as its base form: "Police arrest a man")
    present = root.tag_ in {"VBZ", "VBP"} or (
        root.tag_ == "VB" and any(child.dep_ == "nsubj" for child in root.children)
    )
    return (
        present
        and verb_lemma(root.text) not in _PLAN_VERBS
        and not any(child.dep_ in {"aux", "auxpass"} for child in root.children)
    )


# Function words that a headline capitalises and a sentence does not ("The" is left out:
# "The New York Times" is a name).
_HEADLINE_CASE_WORDS = frozenset(
    {"To", "With", "For", "Is", "Of", "And", "In", "On", "At", "A", "An", "Are", "Be", "By"}
    | {"From", "As", "Into", "Over", "After", "Its", "It", "Was", "Will", "Has"}
)
_QUOTED_TITLE = re.compile(r'"[^"]*"|“[^”]*”')


# A sentence run on from a heading or a caption, its full stop lost: a lower-case word, then
# a capitalised pronoun and its verb ("... from the rubble of the Haiti earthquake There are
# mounting security concerns ...") or a capitalised article and a lower-case word ("Many
# feared dead in Haiti quake A major loss of life is feared", "... in prison if convicted A
# US judge has delayed ..."). On the 10,000-article mix,
# 119 and 441 places: all but a few (a show's title, broken English, "influenza A virus",
# which ``_CLASS_WORDS`` leave out) are text glued together. A possessive is read as an
# article is ("Dan Cooke is in Haiti to help in the rescue effort His colleague Stuart
# Hillier followed on Thursday"; not "met His Majesty").
_GLUE_PRONOUNS = ("There", "It", "This", "They", "He", "She", "We", "These", "Those")
_GLUE_ARTICLES = ("A", "An", "The", "His", "Her", "Their", "Our")
_GLUED_SENTENCE = re.compile(
    # after a lower-case word, an acronym or a name ("... public anger in the US The US
    # government has given BP 72 hours ...", "Thursday 22 July 2010 10.25 BST A bird
    # covered in oil", "Egypt takes its first steps in 30 years without Mubarak A council
    # of generals has taken over ..."); or after a comma, where no sentence's word is
    # capitalised ("... pleas in Quebec Superior Court, The preliminary procedures ...",
    # a wire report's lost full stop: no cut, as after any comma, ``_after_glue``)
    r"\b(?P<word>[a-z]{2,}|[A-Z]{2,5}|[A-Z][a-z]{2,}),? "
    rf"(?P<glued>(?:{'|'.join(_GLUE_PRONOUNS)}) "
    r"(?:is|are|was|were|has|have|had|will|would|said|says|can|could)\b"
    # the article's noun may follow an acronym: "... if convicted A US judge has delayed
    # ..." (``_glue_point``: not "A" and a word in capitals before a function word, "there
    # are A LOT of", "THREE PEOPLE HAVE DIED IN A BLAZE that broke out")
    rf"|(?P<article>{'|'.join(_GLUE_ARTICLES)}) "
    r"(?:(?P<acronym>[A-Z]{2,5}) )?(?P<noun>[a-z]{2,})\b)"
)
# A connective capitalised after a lower-case word, a lower-case word after it: "... oil
# and gas flow stops But he admitted the government ..." (a BBC graphic's label run into
# Timeline17's text; no sentence capitalises "But" inside).
_GLUE_CONNECTIVES = ("But", "However", "Yet")
_GLUED_CONNECTIVE = re.compile(
    rf"\b[a-z]{{2,}} ((?:{'|'.join(_GLUE_CONNECTIVES)}),? [a-z]{{2,}})\b"
)
# A subordinate clause's conjunction capitalised after a word, a lower-case word after it:
# "... killed more than 100 people in Mexico As international concern about swine flu
# grows, the BBC's ..." (a BBC page's heading run into its first sentence). After a name
# too: the heading's last word is often one; a title in headline case has a capital next.
_GLUE_SUBORDINATORS = ("As", "While", "When", "Although", "Though", "Because", "Amid")
_GLUED_CLAUSE = re.compile(rf"\b[A-Za-z]{{2,}} ((?:{'|'.join(_GLUE_SUBORDINATORS)}) [a-z]{{2,}})\b")
# A listing's or a page's date heading before the sentence it heads, its line break lost:
# "Haiti earthquake : Your stories Thursday 14 January Up to 10,000 US troops ...", "Monday
# 1 to Friday 5 March Donald Macleod explores ..." (BBC pages in Timeline17: 35 places in
# the speed mix, all headings). A weekday, a day and a month (and perhaps a year), then a
# capitalised word; not after a preposition ("On Monday 7 September Chris Moyles ...").
# A caption's day heading the item after it stays with the item: the sentence splitter
# cuts the caption off there (``clean.sentences._GLUED_DAY``).
_GLUED_DATE = re.compile(
    r"(?<!\b[Oo]n )(?<!\b[Bb]y )(?<!\b[Ff]rom )(?<!\b[Uu]ntil )(?<!\b[Ss]ince )"
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? \d{1,2}(?:st|nd|rd|th)? "
    rf"(?:{MONTH_PATTERN})(?: {YEAR_DIGITS})? (?=[A-Z][a-z])"
)
_GLUE_WORDS = tuple(
    f" {word} "
    for word in (*_GLUE_PRONOUNS, *_GLUE_ARTICLES, *_GLUE_CONNECTIVES, *_GLUE_SUBORDINATORS)
)
# A count's first word capitalised after a lower-case word that is no function word:
# "Haiti devastated by massive quake Thousands of people are feared dead ...", "... advice
# about swine flu Seventeen new cases of swine flu ..." (BBC headings run into Timeline17's
# text). In the 4,857 distinct articles of the speed mix, 46 places, all glued text but a
# title in headline case ("... creates Hundreds to Thousands of Poisonous Ponds") and a
# comment's "the previous Eight years".
_GLUE_COUNTS = (
    "Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen"
    "|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty"
    "|Ninety|Hundreds|Thousands|Dozens|Millions|Tens|Scores"
)
_GLUE_COUNT_WORDS = tuple(f" {word}" for word in _GLUE_COUNTS.split("|"))
_GLUED_COUNT = re.compile(rf"\b([a-z]{{2,}}) ((?:{_GLUE_COUNTS})(?:-[a-z]+)? [a-z]{{2,}})\b")
# The words a heading and the sentence under it both open with: "US President Barack
# Obama 'to extend oil drilling ban' BP hope to stem ... well US President Barack Obama is
# set to extend ..." (a BBC page's heading and caption run into its first sentence).
_RESTATED_OPENING_WORDS = 4
# Words before a capital letter that names a class or one of a set: "influenza A", "type
# A", "Plan A", "Patient A visited an outpatient clinic" (a CDC report in Timeline17).
_CLASS_WORDS = frozenset(
    {"type", "influenza", "vitamin", "hepatitis", "class", "group", "plan", "grade"}
    | {"category", "section", "part", "item", "model", "series", "exhibit", "division"}
    | {"building", "terminal", "gate", "block", "tower", "pool", "league", "patient"}
    | {"suspect", "officer", "witness", "victim", "person", "company", "subject"}
)


def _glue_point(sentence: str) -> int | None:
    """Where the last sentence glued on starts (``_GLUED_SENTENCE``, ``_GLUED_CONNECTIVE``,
    ``_GLUED_CLAUSE``, ``_GLUED_COUNT``, ``_GLUED_DATE``, ``_restated_opening``), or None.
    The patterns are searched only in a sentence holding one of their capitalised words
    (they are slow to fail)."""
    points = [_restated_opening(sentence)]
    if any(word in sentence for word in _GLUE_WORDS):
        points += [
            m.start("glued")
            for m in _GLUED_SENTENCE.finditer(sentence)
            if not (m["article"] and m["word"].lower() in _CLASS_WORDS)
            and not (m["article"] in ("A", "An") and m["acronym"] and m["noun"] in SMART_STOPWORDS)
        ]
        points += [m.start(1) for m in _GLUED_CONNECTIVE.finditer(sentence)]
        points += [m.start(1) for m in _GLUED_CLAUSE.finditer(sentence)]
    if "day " in sentence:
        points += [m.end() for m in _GLUED_DATE.finditer(sentence)]
    if any(word in sentence for word in _GLUE_COUNT_WORDS):
        points += [
            m.start(2) for m in _GLUED_COUNT.finditer(sentence) if m.group(1) not in SMART_STOPWORDS
        ]
    found = [point for point in points if point is not None]
    return max(found) if found else None


def _restated_opening(sentence: str) -> int | None:
    """Where a sentence's opening words stand again after a lower-case word (a heading
    glued to the sentence that restates it), or None. A name opens a heading; a common
    word does not ("I think it is positive ..., but I think it is not ...")."""
    words = sentence.split(maxsplit=_RESTATED_OPENING_WORDS)
    if (
        len(words) <= _RESTATED_OPENING_WORDS
        or not words[0][:1].isupper()
        # "US" is a name, "I" and "The" are common words
        or (words[0].lower() in SMART_STOPWORDS and not (words[0].isupper() and len(words[0]) > 1))
    ):
        return None
    opening = " " + " ".join(words[:_RESTATED_OPENING_WORDS])
    at = sentence.find(opening, 1)
    return at + 1 if at > 0 and sentence[at - 1].islower() else None


def _after_glue(sentence: str, start: int) -> str | None:
    """The sentence glued on at ``start``, or None when what follows is too short to be a
    sentence or what precedes has a comma, as headings seldom do ("Kenny Ortega, director
    of the planned This is It series of concerts, ...")."""
    rest = sentence[start:]
    if "," in sentence[:start] or len(rest.split()) < MIN_WORDS:
        return None
    return rest if rest.rstrip("\"”’')")[-1:] in ".!?" else None


def without_glued_heading(sentence: str) -> str:
    """Return the sentence after a heading or caption glued to it (``_GLUED_SENTENCE``):
    "Many feared dead in Haiti quake A major loss of life is feared ..." -> "A major loss
    of life is feared ...". The sentence is left as it is (and ``runs_in_a_heading``) when
    it cannot be cut there (``_after_glue``)."""
    return glued_parts(sentence)[-1]


def glued_parts(sentence: str) -> list[str]:
    """Return the heading or caption glued to a sentence and the sentence after it, apart
    ("Experts suspect swine flu has killed more than 100 people in Mexico", "As
    international concern ... grows, ..."), or the sentence alone when it cannot be cut
    (``without_glued_heading``)."""
    start = _glue_point(sentence)
    rest = None if start is None else _after_glue(sentence, start)
    if rest is None:
        return [sentence]
    heading = sentence[:start].rstrip()
    return [heading, rest] if heading else [rest]


def runs_in_a_heading(sentence: str) -> bool:
    """Whether a sentence carries a heading without its line break, as a page's teaser
    list does: five capitalised words in a row, two of them function words ("Ivana Trump
    Thinks Vanessa Trump Might Struggle To Date With Kids Ivana says she is sad"). Quoted
    titles do not count ("The Price Is Right"). On 48,181 sentences of DUC 2006, DUC 2007,
    WCEP and NewsWCL50 it finds 6: five headings and a song's title. Or a heading or a
    caption runs into the next sentence (``_GLUED_SENTENCE``) and cannot be cut off there."""
    glue = _glue_point(sentence)
    if glue is not None and _after_glue(sentence, glue) is None:
        return True
    run = function_words = 0
    for word in _QUOTED_TITLE.sub(" q ", sentence).split()[1:]:
        word = word.strip("\"“”'‘’,:;()")
        if not word[:1].isupper():
            run = function_words = 0
            continue
        run += 1
        function_words += word in _HEADLINE_CASE_WORDS
        if run >= 5 and function_words >= 2:
            return True
    return False


# Words that make a sentence's verb plain without a parse: auxiliaries, modals, "said",
# past forms; not an infinitive's ("Position: To be public housing tenants."). Only a
# sentence with none of them is parsed (a few per article).
_VERB_CUE = re.compile(
    r"\b(?:is|are|was|were|(?<!\bto )be|been|has|(?<!\bto )have|had|(?<!\bto )do|does|did|will"
    r"|would|can|could|may|might|must|shall|should|said|says|told|\w+ed|\w+'s)\b",
    re.IGNORECASE,
)


# A caption's "-ing" is no finite verb: "Migrants looking south into Mexico on Sunday."
_FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})


def is_verbless(sentence: str) -> bool:
    """Whether spaCy's parse finds no verb in a sentence that shows no verb cue, as a
    caption has none ("Members of the migrant caravan at the border wall in Tijuana on
    Sunday."); False without spaCy (the regular expression alone cannot tell)."""
    if _VERB_CUE.search(sentence):
        return False
    from newsbrief import nlp

    doc = nlp.parse(sentence)
    return doc is not None and not any(token.tag_ in _FINITE_TAGS for token in doc)


def introduces_a_list(text: str) -> bool:
    """Return whether a sentence announces what follows it (a digest's opening, a line
    ending in a colon) instead of stating anything."""
    return bool(_LIST_INTRO.search(text)) or text.rstrip().endswith(":")


def _balanced_quotes(text: str) -> bool:
    if text.count('"') % 2:
        return False
    if text.count("“") != text.count("”"):
        return False
    return not text.startswith(("”", "’"))


# Languages whose passages English reports quote or leave untranslated: their function
# words (the ``stop-words`` package's lists, less English's) tell such a sentence.
_QUOTED_LANGUAGES = ("fr", "es", "de", "it", "pt", "nl")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


@functools.cache
def _foreign_function_words() -> dict[str, tuple[int, ...]]:
    """Each function word of ``_QUOTED_LANGUAGES`` (less English's), with the indexes of
    the languages that use it: a sentence's words are then counted in one pass."""
    languages: dict[str, list[int]] = {}
    for index, language in enumerate(_QUOTED_LANGUAGES):
        for word in stop_words(language) - ENGLISH_STOP_WORDS:
            languages.setdefault(word, []).append(index)
    return {word: tuple(indexes) for word, indexes in languages.items()}


def in_another_language(text: str, language: str | None = "en") -> bool:
    """Return True for a sentence of an English report (``language``; another report's
    sentences are not judged) written in another language: three or more of that
    language's function words, more than it has English ones ("Pendant que le front
    s'effondre, un véritable incendie ..." in an English page), which an English brief
    cannot show as it stands."""
    if language != "en":
        return False
    foreign = _foreign_function_words()
    english = 0
    other = [0] * len(_QUOTED_LANGUAGES)
    for word in _LETTERS.findall(text.lower()):
        if word in ENGLISH_STOP_WORDS:
            english += 1
        else:
            for index in foreign.get(word, ()):
                other[index] += 1
    return any(count >= 3 and count > english for count in other)


# The sentences of a report read for its opening line, and the words kept of it.
OPENING_LINE_SENTENCES = 3
OPENING_LINE_WORDS = 30


def opening_line(articles: Sequence[Article]) -> str:
    """Return the first sentence of the first report that opens on one a reader can use
    (``is_readable``: no stamp, caption, furniture or teaser), cut to
    ``OPENING_LINE_WORDS`` words; "" when none does."""
    for article in articles:
        for raw in article_sentences(article)[:OPENING_LINE_SENTENCES]:
            text = tidy_sentence(raw)
            if is_readable(text):
                words = text.split()
                cut = " ".join(words[:OPENING_LINE_WORDS])
                return cut if len(words) <= OPENING_LINE_WORDS else cut + " …"
    return ""


def candidate_sentences(articles: Sequence[Article]) -> list[Candidate]:
    """Return the readable sentences of ``articles``, in article and sentence order."""
    candidates: list[Candidate] = []
    for index, article in enumerate(articles):
        if is_chronology(article.text):
            continue
        seen: set[str] = set()
        sentences = article_sentences(article)
        quoted = inside_quotes(sentences)
        for position, raw in enumerate(sentences):
            if quoted[position]:
                continue  # a quote's inner sentence: its speaker is in another sentence
            text = tidy_sentence(raw)
            # Judged as written: a heading in capitals glued to a sentence is no sentence.
            if text in seen or not is_readable(text):
                continue
            # ... and a heading before a colon goes, the rest judged again ("Level 4: They
            # be ..." points back).
            unlabelled = without_heading_label(text)
            if unlabelled != text and not is_readable(unlabelled):
                continue
            text = unlabelled
            if in_another_language(text, article.language):
                continue
            seen.add(text)
            text = in_written_case(text, article.text)
            candidates.append(
                Candidate(text, index, position, len(text.split()), stem_tokens(text))
            )
    return candidates


# Three or more words in capitals: a lead-in ("WHEN PLANNING TO widen Interstate 90"), a
# wire title ("GARDENING QUESTIONS AND ANSWERS"), a page's heading run into its text. Two
# are more often names ("US EPA", "NEW YORK"). A number goes on a run ("STORM KILLS 12 IN
# COASTAL TOWN" had been read as a name after two words: "STORM KILLS 12 In Coastal Town").
_CAPITALS_RUN = re.compile(
    r"\b[A-Z](?:[A-Z\d'’&.-]*[A-Z\d])?"
    r"(?:,?\s+(?:[A-Z][A-Z\d'’&.-]*[A-Z\d]|[A-Z]\b|\d[\d,.]*\d\b|\d\b)){2,}\b"
)
# A print page's first word in capitals: "IN the treatment of rheumatic disorders ...",
# "MACAU'S Judicial Police" (a possessive).
_CAPITAL_OPENING = re.compile(
    r"(?P<word>[A-Z]{2,})(?:(?P<possessive>['’]S)(?=\s+[A-Z]?[a-z])|(?=\s+[a-z]))"
)
_WORD_OF = re.compile(r"[A-Za-z][\w'’&.-]*[A-Za-z\d]|[A-Za-z]")
# Where a sentence starts, a word's capital says nothing of how it is written.
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*|[\"“‘(]\s*)$")
# Acronyms are short ("FBI", "UN"); a longer word in capitals is shouting ("EXEC", "LAND")
# unless the text writes it so ("NATO").
_ACRONYM_LETTERS = 3


def in_written_case(text: str, reference: str) -> str:
    """Return ``text`` with its runs of words in capitals written as ``reference`` (the
    article's text) writes each word outside such runs ("EGYPTIAN GOVERNMENT RELEASES
    GOOGLE EXEC" -> "Egyptian government releases Google exec"; "NATO" stays where the
    text writes "NATO"); a word it never writes otherwise in lower case when the run opens
    the sentence, capitalised inside one (a name: "NEW STRAITS TIMES" -> "New Straits
    Times"), but a short one that is no function word stays (an acronym: "FBI", "US"). A
    first word alone in capitals ("IN the treatment") is changed only to a form the text
    writes. The first word keeps its capital. Shouting is no part of what sources say."""
    runs = list(_CAPITALS_RUN.finditer(text))
    opening_word = _CAPITAL_OPENING.match(text.lstrip("\"“‘'("))
    if not runs and opening_word is None:
        return text
    forms = _written_forms(reference)
    out, last = [], 0
    for run in runs:
        opening = not text[: run.start()].strip(" \"“‘'(")

        def written(word: str, opening: bool = opening, whole: bool = True) -> str:
            known = forms.get(word.lower()) if whole else None
            if known:
                return known
            if "-" in word:  # "U.S.-BACKED": an abbreviation part stays as it is
                return "-".join(written(part, whole=False) for part in word.split("-"))
            lower = word.lower()
            if "." in word.rstrip("."):
                return word  # an abbreviation: "U.S.", "U.N."
            if len(lower) <= _ACRONYM_LETTERS and (lower not in SMART_STOPWORDS or lower == "us"):
                return word  # "FBI", "US": an acronym the text does not write
            if opening:  # an opening's words are words; a run inside a sentence is a name
                return lower
            return word.capitalize()

        rewritten = _WORD_OF.sub(lambda word: written(word.group()), run.group())
        out.append(text[last : run.start()])
        out.append(rewritten[0].upper() + rewritten[1:] if opening else rewritten)
        last = run.end()
    out.append(text[last:])
    text = "".join(out)
    if not runs and opening_word is not None:
        known = forms.get(opening_word["word"].lower())
        if known and not known.isupper():
            possessive = (opening_word["possessive"] or "").lower()
            text = text.replace(opening_word.group(), known[0].upper() + known[1:] + possessive, 1)
    return text


def title_as_written(title: str, reference: str) -> str:
    """Return a report's title in the case its text (``reference``) writes each word:
    "CHINA JAILS MAN ..." (``in_written_case``); in title case, "British Man Convicted of
    Perjury" -> "British man convicted of perjury", and a word the text writes only in
    another form as the text writes that form ("Seminar on Solar Energy Opens in
    Yaounde", whose text says "opened" -> "... opens in Yaounde"). The first word keeps
    its capital. When the text has some capitalised word of the title in no form
    ("Trudeau Mulls Running for ..."), the title stays in title case: half of it in
    each case would read worse than either."""
    title = in_written_case(title, reference)
    if not is_title_case(title):
        return title
    forms = _written_forms(reference)
    lower_stems: dict[str, bool] = {}
    for lower, form in forms.items():
        lower_stems.setdefault(porter_stem(lower), form.islower())
    unknown = False

    def written(word: re.Match[str]) -> str:
        nonlocal unknown
        text = word.group()
        known = forms.get(text.lower())
        if word.start() == 0 or text.islower():
            return text
        if known:
            return known
        in_lower = lower_stems.get(porter_stem(text.lower()))
        unknown = unknown or in_lower is None
        return text.lower() if in_lower else text

    sentence_case = _WORD_OF.sub(written, title)
    return title if unknown else sentence_case


def as_the_text_writes(phrase: str, reference: str) -> str:
    """Return ``phrase`` with each word written as ``reference`` (the article's text) most
    often writes it: a Title Case headline's "Russian Servicemen Killed in Chechnya" is
    "Russian servicemen killed in Chechnya"; a word the text lacks stays as it is."""
    forms = _written_forms(reference)
    return _WORD_OF.sub(lambda word: forms.get(word.group().lower(), word.group()), phrase)


@functools.lru_cache(maxsize=16)
def _written_forms(reference: str) -> dict[str, str]:
    """Each word's most frequent form in ``reference`` outside runs in capitals, a
    sentence's first word only when the text has no other; a word longer than an acronym
    in capitals only when the text never writes it otherwise. "us" has none: the pronoun
    says nothing of how the text writes the country ("US")."""
    counts: dict[str, dict[str, float]] = {}
    text = _CAPITALS_RUN.sub(" ", reference)
    for match in _WORD_OF.finditer(text):
        word = match.group()
        if word.lower() == "us":
            continue  # the pronoun and the country are two words: "told us", "US troops"
        # A sentence's first word only breaks ties ("Google said ...", and no other form).
        opening = _SENTENCE_START.search(text, max(0, match.start() - 3), match.start())
        weight = 0.01 if opening else 1.0
        if word.isupper() and len(word) > _ACRONYM_LETTERS:
            weight *= 0.001
        forms = counts.setdefault(word.lower(), {})
        forms[word] = forms.get(word, 0.0) + weight
    return {lower: max(forms, key=forms.__getitem__) for lower, forms in counts.items()}
