"""What a timeline sentence may be: read without page furniture, a quote only with its
speaker, an entry only when it stands alone, shown as prose. (Captions are told by
``summarize.candidates``: key points leave them out too.)

The rules ``newsbrief.timeline`` applies to each sentence before it dates it (see
docs/timelines.md, "Event timeline").
"""

from __future__ import annotations

import re

from newsbrief.clean.sentences import (
    FIRST_PERSON,
    QUOTE_MARK,
    closes_quote,
    opens_quote,
    quoted_spans,
)
from newsbrief.summarize.candidates import (
    asks_or_trails_off,
    in_capitals,
    introduces_a_list,
    refers_back,
    strip_dateline,
)
from newsbrief.timexpr import MONTH_PATTERN, YEAR_DIGITS

# After a full stop, or a full stop and a closing quote (". '' The army ..."); not before
# a one- or two-letter capital and ")": a Reuters ticker, "( BP . L )".
_PTB_SPLIT = re.compile(
    r"(?:(?<=\s[.!?])|(?<=\s[.!?]\s''))\s+(?![A-Z]{1,2}\s+\))(?=(?:``|[\"'(]|-LRB-)?\s*[A-Z0-9])"
)
# Page furniture that scrapes and wire copy glue to a sentence: whatever precedes " | "
# (section names, "DUBAI | Mon May 4 , 2009 8:25 am EDT", comment stamps), a leading
# "( Update 2:41 p.m. Cairo , 7:41 a.m. ET )" note, a "CAIRO , Egypt ( CNN ) --" dateline.
_BEFORE_PIPE = re.compile(r"^.*\s\|\s")
_CLOCK_NOTE = re.compile(r"^\(\s*[^()]*\d{1,2}:\d\d[^()]*\)\s*")
_DATELINE = re.compile(r"^[^()]{0,120}?\(\s*[A-Z][\w.!&' ]{0,40}\)\s*(?:-{1,2}|\u2013|\u2014)\s+")
# A transcript line ("BLITZER : ...", "JACK CAFFERTY , CNN ANCHOR : ..."): dialogue.
_SPEAKER = re.compile(r"^[A-Z][A-Z.'\- ]*(?:\s?,\s[^:]{0,80})?\s?:\s")  # "Q: ..." too
# A reader's comment under a page: "At 12:53 pm on 10 Jun 2010, mattuk wrote: ...".
_COMMENT = re.compile(r"^At \d{1,2}[:.]\d\d\s*[ap]\.?m\.? on [^,]{3,30}, \S{1,40} wrote\s?:")
# The page's own notes ("Note : The photograph on this page was updated in 2011 ...").
_NOTE = re.compile(r"^(?:Editor'?s\s+)?Note\s?:", re.IGNORECASE)
# The subject is a pronoun whose person the entry cannot show ("He told Mr. Dowd in early
# March ...", "In April 2018, he was sentenced ..."): a timeline entry stands alone.
# "Their apartment was ...", "It was ...", "This year it has become ...", "He's just
# raised ...": whose, or what, was in another sentence; so was the thing a demonstrative
# points back to ("That ship is ...", "Those issues ...", "This is why ..."), unless it
# names a time ("This year, 14 Guatemalans ..."). An opening date needs no comma before
# the pronoun ("By Friday they had made it into Haiti.", "In 1994 he was hospitalized").
_PRONOUN_SUBJECT = re.compile(
    r"^(?:[^,\"“]{0,40},\s+|(?:This|Last|Next|Earlier|Later)\s+\w+\s+"
    r"|(?:On|In|By|Since|Until|Before|After|During|Early|Late|At)\s+(?:[A-Z][a-z]+\.?|\d{1,4})"
    r"(?:\s+(?:\d{1,2}(?:st|nd|rd|th)?,?|\d{4}|morning|afternoon|evening|night))*\s+)?"
    r"(?:(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)(?:\s+\w|['’]\w)"
    r"|(?:This|That|These|Those)(?:['’]s\b|\s+(?!(?:year|month|week|weekend|morning|"
    r"afternoon|evening|night|season|spring|summer|autumn|fall|winter|time)\b)\w))"
)
# A character of the same clause: no sentence end or semicolon, but a title's point ("Phone
# calls to Gingrich's office and Mrs. Gingrich's house went unanswered late Monday").
_CLAUSE = r"(?:[^.;]|(?<=\bMr)\.|(?<=\bMrs)\.|(?<=\bMs)\.|(?<=\bDr)\.|(?<=\bSt)\.)"
# Not news: a reply that was not given.
_NO_COMMENT = re.compile(
    r"\b(?:declined|refused|did not respond|didn't respond|could not be reached|"
    r"not immediately respond|not immediately return|no immediate response)\w*"
    r"(?:\s+\w+){0,6}?\s+(?:to\s+)?(?:comment|requests?|calls?|messages?|e-?mails?)\b"
    # "Neither attorney was available for comment", "calls ... went unanswered"
    r"|\bunavailable\s+(?:for|to)\s+comment"
    rf"|(?:\b(?:not|neither|nor|nobody|no one)\b|n't){_CLAUSE}{{0,80}}?"
    r"\bavailable\s+(?:for|to)\s+comment"
    rf"|\b(?:calls?|messages?|e-?mails?)\b{_CLAUSE}{{0,80}}?\b(?:went|were|was|have|has)\s+"
    r"(?:not\s+(?:immediately\s+)?(?:been\s+)?returned|unanswered|unreturned)",
    re.IGNORECASE,
)

# A reporting verb names its speaker unless a pronoun says it ("Warden said", "a federal
# judge ruled", "Mr. Trump thundered"; not "he said": the speaker is in another sentence).
_REPORTING = (
    r"said|says|say|told|tells|added|adds|asked|wrote|writes|declared|warned|stated|ruled"
    r"|confirmed|announced|argued|claimed|insisted|noted|explained|testified|thundered"
    r"|tweeted|replied|responded|acknowledged|showed|shows|according|saying|adding|calling"
    r"|called|describ\w+|vowed|pledged|promised|denied|urged|urging|interview"
)
_ATTRIBUTION = re.compile(rf"(?:(?P<before>\w+)[,\s]+)?\b(?:{_REPORTING})\b", re.IGNORECASE)
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "who"])


_CLOSING_BRACKET = {"(": ")", "[": "]"}


def stands_alone(sentence: str) -> bool:
    """Return whether a sentence can be a timeline entry by itself: not led by a pronoun
    subject (who "he" is was in another sentence) or a lower-case word (the end of a
    sentence cut in two), not a "declined to comment" note, not
    a question or a teaser cut short ("... according to Machiavelli..."), not a digest's
    announcement of its items ("Following are major news items ... today:"), not a notice
    or heading in capitals, nor an aside in brackets that a later sentence closes
    ("(Elsewhere in the Chat-for-Hire empire, ...")."""
    if asks_or_trails_off(sentence):
        return False
    if sentence[:1] in _CLOSING_BRACKET and _CLOSING_BRACKET[sentence[:1]] not in sentence:
        return False
    if introduces_a_list(sentence) or sentence[:1].islower():
        return False  # "which is battling to cap the well ...": a sentence's broken end
    if refers_back(sentence):
        return False  # "Aboard the same plane ...", "Even then they said ..."
    if in_capitals(sentence):
        return False  # a page's notice or heading: "NO PORTION OF THE MATERIALS ..."
    return not _PRONOUN_SUBJECT.match(sentence) and not tells_no_reply(sentence)


def tells_no_reply(sentence: str) -> bool:
    """Whether a sentence tells of a reply that was not given ("declined to comment",
    "calls ... went unanswered"): no news, neither a timeline entry nor a key point."""
    return bool(_NO_COMMENT.search(sentence))


def unattributed_quote(sentence: str) -> bool:
    """Return whether a sentence quotes someone without naming who: the timeline shows a
    quote only with its speaker ("'Ten years ago we warned them,' he said" is left out).

    A quote is a quoted span of four words or more (a quoted word or two, "called the deal
    'insane'", is none).
    """
    quoted = any(len(sentence[a:b].split()) >= 4 for a, b in quoted_spans(sentence))
    return quoted and not named_speaker(sentence)


def named_speaker(sentence: str) -> bool:
    return any(
        (m.group("before") or "").lower() not in _PRONOUNS for m in _ATTRIBUTION.finditer(sentence)
    )


def narrator_speaks(sentence: str) -> bool:
    """Return whether a sentence speaks in the first person outside quotes (a column or a
    letter: "I present today in my capacity as chairman of ..."), or is a reader's comment
    ("At 12:53 pm on 10 Jun 2010, mattuk wrote: ..."): no report's voice."""
    if _COMMENT.match(sentence):
        return True
    for start, end in quoted_spans(sentence):
        sentence = sentence[:start] + " " * (end - start) + sentence[end:]
    return bool(FIRST_PERSON.search(sentence))


_OPENING_OF = {'"': '"', "”": "“", "''": "``"}
_CLOSING_OF = {'"': '"', "“": "”", "``": "''"}


def closed_quotes(sentence: str) -> str:
    """Return ``sentence`` with the quote marks a quote over sentences leaves open: its
    first sentence ('Sir Keir said on Monday: "All Members of Parliament get gifts.') is
    closed at its end (``opens_quote``), its last ('We keep that promise today," Roberts
    wrote ...': a closing mark with no opening one, ``closes_quote``) opened at its start,
    as an excerpt is quoted."""
    if closes_quote(sentence):
        first = QUOTE_MARK.search(sentence)
        sentence = _OPENING_OF.get(first.group() if first else '"', '"') + sentence
    if opens_quote(sentence):
        *_, last = QUOTE_MARK.finditer(sentence)
        sentence += _CLOSING_OF.get(last.group(), '"')
    return sentence


# A chronology item's date heading, which the entry's date says: "Aug. 10 - Each side
# offers ...", "29 August 2009 Jackson's death is ruled a homicide ...", "1939: In April,
# ...". A date with its year may run into the text; a shorter one needs its mark ("2008
# Olympics host Beijing ..." opens on no heading).
# After a list's bullet, and for two days ("* May 11/12 - Executives ... appear at
# congressional hearings", a Reuters factbox on Timeline17).
_DATE_HEADING = re.compile(
    # (a quote's close the item before left, PTB's "''" too: "'' * May 10 - Forecasts")
    r"^(?:(?:[\"”]|'')\s*)?(?:[*•]\s*)?"
    rf"(?:(?:{MONTH_PATTERN}\s+\d{{1,2}},?\s+|\d{{1,2}}\s+{MONTH_PATTERN},?\s+){YEAR_DIGITS}"
    r"(?:\s*(?::|--|—|–|-|_)\s*|\s+)"
    rf"|(?:{MONTH_PATTERN}\s+\d{{1,2}}(?:/\d{{1,2}})?|\d{{1,2}}\s+{MONTH_PATTERN}|{YEAR_DIGITS})"
    r"\s*(?::|--|—|–|-|_)\s*)"
    r"(?=[A-Z\"“])"
)


def without_date_heading(sentence: str) -> str:
    """Return an entry's sentence without the date heading it opens on (``_DATE_HEADING``),
    when four words or more follow it."""
    heading = _DATE_HEADING.match(sentence)
    rest = sentence[heading.end() :] if heading else ""
    return rest if len(rest.split()) >= 4 else sentence


def split_ptb_sentences(text: str) -> list[str]:
    """Split PTB-tokenised text ("... in Cairo . The army ...") on its sentence marks."""
    return [s.strip() for s in _PTB_SPLIT.split(text) if s.strip()]


def clean_sentence(sentence: str) -> str:
    """Return the sentence without page furniture; "" for a transcript line.

    Datelines and time stamps would date the sentence by the page, not by its news, and
    their words are no part of what happened. On Timeline17 dev: +0.006 AR1-F, +0.003 AR2-F.
    """
    sentence = _BEFORE_PIPE.sub("", sentence)
    sentence = _CLOCK_NOTE.sub("", sentence)
    sentence = _DATELINE.sub("", sentence)  # PTB-spaced ones too: "Cairo , Egypt ( CNN ) --"
    if _SPEAKER.match(sentence) or _NOTE.match(sentence):  # "BLITZER : ...", "Note : ..."
        return ""
    # Then the wire datelines the headlines drop ("SYDNEY, Australia (AP) _", "BANGKOK —",
    # "SEOUL, South Korea —").
    return strip_dateline(sentence).strip()
