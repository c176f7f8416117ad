"""Spans that hold digits but are not figures: URLs, phones, times, dates, years, ages,
scores, compound modifiers, codes and names ("CH-146", "Highway 3").

``not_figure_spans(sentence)`` returns their (start, end) offsets; the figure reader skips
any number inside one.
"""

from __future__ import annotations

import re

from newsbrief.clean.sentences import QUOTATION, names_a_title
from newsbrief.language import WEB_ADDRESS
from newsbrief.timexpr import MONTH_PATTERN, YEAR_DIGITS

# Words before a number that make it part of a name or reference, not a count.
_NAME_PREFIXES = (
    r"(?:Highway|Hwy\.?|Route|Road|Interstate|Section|Sec\.|Article|Art\.|Chapter|Clause"
    r"|Paragraph|Rule|Amendment|Bill|Flight|Gate|Terminal|Room|Level|Phase|Platform|Line"
    r"|Channel|Radio|Formula|No\.|Nos\.|Number|number|Windows|Bus|Lot|Unit|Suite|Building"
    r"|Pier|Block|Week|Game|Round|Stage|Season|Episode|Volume|Vol\.|Page|pp?\.|Act|Resolution|Ward"
    r"|District|Zone|Sector|Camp|Base|Apollo|Cat(?:egory)?|Level|Grade|Exit|Terminal"
    r"|Division|Squadron|Regiment|Battalion|Brigade|s\.)"
)
# The numbers listed after a name's first one: "Windows 95 and 98", "Section 12 and 13".
_LISTED_NUMBERS = r"(?:(?:,\s|,?\s(?:and|or)\s)\d[\d.]*\b(?![,.:]\d))*"
# An age in words, up to ninety-nine: "six", "sixteen", "twenty-two".
_AGE_IN_WORDS = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-‑ ](?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
)
# Capitalised words that may stand before a count: qualifiers and sentence openers.
_SENTENCE_WORDS = (
    r"(?:About|Some|Around|Nearly|Almost|Over|Only|Just|Approximately|Roughly|At|More|Less"
    r"|Fewer|Up|The|In|On|By|To|Of|And|For|With|From|Than|Since|Until|All|Another|Another"
    r"|Exactly|Estimated|An|Between|Under|Below|Above|Overall|Total|Of|Those|These|Its)"
)
_NOT_FIGURES = [
    WEB_ADDRESS,
    r"\b[\w.-]+\.(?:com|org|net|gov|edu|ca|uk|io|ly|co)(?:/\S*)?",
    r"\S+/\S*\d\S*",  # paths and slugs with digits (pic.twitter.com/Y0Id..., a/b/123)
    r"[#@]\w+",
    # A signed number: no count is negative, and a reading below zero ("fell to -12
    # degrees") is no figure this module reads: its sign had gone ("12 degrees"), and a
    # hostile "killed -12 workers" had agreed with another report's 12. Not a range's
    # second number ("10-12") nor a name's ("COVID-19"): a digit or letter before it.
    r"(?<![\w.,)\]])[-−]\d[\d,.]*",
    # A fraction written from its point: a calibre ("a .357 revolver", spaced off in ECB+
    # as "a. 357 revolver": "revolver pulled out: 357" on the mix), ".25 percent" (read as
    # 25). No count.
    r"(?<![\w.,])\.\d+|\ba\.\s\d{2,3}\b",
    r"\b[\w.+-]+@[\w-]+\.[\w.]+",
    # phone numbers, with a country code: "+1 212 555 0100", "1-732-390-4480" (a syndicate's
    # footer on the 2,000-article mix: "rate not prohibitive: 1")
    r"(?:(?:\+\d{1,3}|\b1)[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b",
    r"\b1-800-[\w-]+",
    # the emergency number: "called 911", "a 911 dispatcher" (the 2,000-article mix: "call: 911")
    r"\b(?:call|dial)(?:s|ed|led|ing|ling)?\s+(?:911|999)\b",
    r"\b(?:911|999)(?=\s+(?:calls?|operators?|dispatchers?|cent(?:er|re)s?|system|lines?|tapes?)\b)",
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?\s?m\.?|EST|GMT|UTC)?",  # 11:33 am
    # and one a page's stamp spaced: "Fri Aug 2, 2013 6: 50pm EDT" (the mix: "Fri Aug: 6")
    r"\b\d{1,2}:\s\d{2}\s*(?:[ap]\.?\s?m\b\.?|EST|EDT|GMT|UTC|BST)",
    # British clock times, "9.30am", "at 2.45": not every decimal ("$2.45 million", "12.75%")
    r"\b\d{1,2}\.\d{2}\s*(?:[ap]\.?\s?m\b\.?|EST|GMT|UTC|BST)",
    r"(?<=\bat )\d{1,2}\.\d{2}\b(?!\s*(?:%|percent|per\s*cent|million|billion|bn|m\b))",
    # 1 p.m., "1 p m" once cleaned, "7 p. m."
    r"\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b|[ap]\s[m]\b|[ap]\.\s?m\b\.?)",
    # a clock time in words: "at 10 o'clock", "the 6 O clock news", "Nine O`Clock" (a
    # paper's name)
    r"\b(?:\d{1,2}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
    r"\s+[oO](?:['’`]\s?|\s)[Cc]lock\b",
    # a live page's 24-hour time stamp: "1249 : Mark Lowen, BBC News"
    r"\b(?:[01]\d|2[0-3])[0-5]\d\s?:(?!\d)",
    # a 24-hour time with its zone: "landed at 7.45 p.m. local time (2345 GMT)"
    r"\b(?:[01]\d|2[0-3])[0-5]\d\s?(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|hrs)\b",
    # and local, or beside the time in another zone: "The tremor hit at 1653 local time
    # (2153 GMT)", "The tremor hit at 1653 ( 2153 GMT )" (Timeline17's Haiti: "tremor:
    # 1653", agreed by three reports)
    r"\b(?:[01]\d|2[0-3])[0-5]\d(?=\s?local\s+time\b|\s*\(\s*(?:[01]\d|2[0-3])[0-5]\d\s?(?:GMT|UTC)\b)",
    # and one after "at about" or with its leading zero, nothing counted after it: "Dr
    # Murray told him Jackson fell asleep at about 1100 ." (a BBC trial page; "at about 1100
    # people" is a count, "closed at 1100" an index)
    r"(?<=\bat )(?:(?:about|around|approximately)\s+(?:[01]\d|2[0-3])|0\d)[0-5]\d"
    r"(?=\s*(?:[.,;)]|$))",
    # a decade in words: "the sexual revolution of the nineteen sixties"
    r"\b(?:[Ee]ighteen|[Nn]ineteen|[Tt]wenty)[- ](?:twenties|thirties|forties|fifties|sixties"
    r"|seventies|eighties|nineties)\b",
    # a year past 2099 after a preposition of time: "may rise to 60 percent by 2100" (the
    # 2,000-article mix: "portion of the world population: 2100")
    r"(?:(?<=\b[Bb]y )|(?<=\b[Ii]n )|(?<=\b[Uu]ntil )|(?<=\b[Bb]efore )|(?<=\b[Aa]fter ))"
    r"2[1-9]\d\d(?=[,.;:)]?$|[,.;:)]\s|\s+(?:the|and|or|when|if|as|at|in|on|for|to|from"
    r"|according|unless|than)\b)",
    rf"\b{MONTH_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?",  # January 2, 2020
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_PATTERN}(?:,?\s+\d{{4}})?",  # 2 January 2020
    # and a page's stamp in capitals: "Trial timeline 30 NOVEMBER 2011" (a BBC page: the
    # thirty-second read's "NOVEMBER: 30")
    r"\b\d{1,2}\s+(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER"
    r"|NOVEMBER|DECEMBER)\b",
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    rf"(?<![$€£¥\d,.])\b{YEAR_DIGITS}(?:\s*[/–-]\s*\d{{2,4}})?(?:'?s)?\b(?![,.]\d)",  # years
    # a year cut to its last two digits: "'81 Death Penalty Case Confronts Bush" (a title
    # quoted on the 2,000-article mix: "... Bush attacked: 81"), "the class of '98", "the '60s"
    r"(?<![\w'’])['’]\d{2}(?:s\b|\b(?=\s+[A-Z]|[,.;:)]|\s*$))",
    # and after a name it dates: "their Unity '99 convention in Seattle" (DUC 2006:
    # "convention held in Seattle: 99"), "Expo '86".
    r"\b[A-Z][a-z]+\s['’]\d{2}\b",
    # ages, and a span of them: "between the ages of 18 and 39"
    # ("Sixteen-year-old Kimani Gray" had been a row "old: Sixteen")
    # (and a fossil's: "a 3 million-year-old male skull"; the mix: "old: 3 million")
    rf"\b(?:\d[\d,.]*|(?i:{_AGE_IN_WORDS}))(?:[-‑ ](?i:thousand|million|billion))?"
    r"[-‑ ](?i:years?|months?|weeks?|days?)[-‑ ][Oo]ld\b"
    r"|\b(?:aged?|ages?(?: of)?)\s+\d{1,3}(?:\s*(?:and|to|-|–)\s*\d{1,3})?\b"
    # and an age bound: "only Americans older than 35 show interest in" (the 2,000-article
    # mix: "show interest: 35")
    r"|\b(?:older|younger)\s+than\s+\d{1,3}\b(?!\s*(?:percent|%|million|billion)\b)",
    # a time counted back or on from another: "10 years ago", "two days later" is a date,
    # not a duration of the event (the 2,000-article mix: "years difficult: 10")
    rf"\b(?:\d[\d,.]*|(?i:{_AGE_IN_WORDS}))\s+(?i:years?|months?|weeks?|days?|hours?"
    r"|minutes?|decades?)\s+(?:ago|earlier|later)\b",
    r"\b\d{1,2}\s*[-–]\s*\d{1,2}\b(?!\s*(?:per|%|million|billion|thousand))",  # scores 9-2
    # a vote's tally is one result, not two counts: "a 362-12 vote"
    r"\b\d{1,3}\s*[-–]\s*\d{1,3}\s+(?:votes?|decision|ruling|majority|margin)\b",
    # the share of a count done so far: "With 67 percent of Sunday's vote counted", "93
    # percent of the vote from Sunday's election counted"
    r"\b\d[\d.]*\s*(?:percent|per cent|%)\s+of\s+(?:the\s+)?(?:[\w'’]+\s+)?"
    r"(?:votes?|ballots|precincts|polling stations)(?:\s+(?:from|in|of)\s+(?:[\w'’]+\s+){1,3}?)?"
    r"\s*(?:counted|reporting|tallied)\b",
    # 7-game (not "a 30-day delay": a span's figure, ``labels._timed_by``)
    r"\b\d+(?:\.\d+)?-(?!(?:year|day|week|month|hour|per|million|billion|thousand)\b)[a-z]+\b",
    r"\b[A-Za-z]+[-‑]\d[\w-]*",  # CH-146, COVID-19, F-35
    r"\b[A-Za-z]+\d+[A-Za-z\d]*\b|\b\d+[A-Za-z]*[A-Za-z]\d+\w*\b",  # G7, Y2K, A320
    rf"\b{_NAME_PREFIXES}\s+\d[\d,.]*\b{_LISTED_NUMBERS}",  # Highway 3, Section 12 and 13
    rf"\b{_NAME_PREFIXES}\s+(?:one|two|three|four|five|six|seven|eight|nine|ten)\b",
    # a flight's number written in lower case: "the final moments of Air France flight 4590"
    # (the 2,000-article mix: "Air France flight: 4590"); "on flights 11 and 77"; a row's,
    # a gate's, a page's: "the jet's passenger cabin between rows 17 and 27" ("rows: 17")
    r"\b(?:flights?|rows?|gates?|rooms?|pages?|chapters?|exits?|platforms?|piers?|wards?"
    r"|berths?|aisles?)\s+\d{1,4}\b(?!\s+(?:passengers|people|crew|times|percent|flights)\b)"
    rf"{_LISTED_NUMBERS}",
    r"\b\d+(?:st|nd|rd|th)\b",  # ordinals
    r"\b[Tt]op[-\s]\d{1,3}\b",  # a ranking's size: "a top 10 list", "the top-20 firms"
    # and the size of a ranked few: "the four hardest-hit villages", "its three biggest cities"
    r"\b(?:[Tt]he|its|their)\s+(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:most\s+\w+|(?:larg|bigg|small|high|low|great|old|young|rich|poor|hard|deadli|busi"
    r"|strong|weak|long|fast|wealthi|heavi|clos|near)est(?:-hit)?|worst(?:-hit)?|best)\b",
    # Model numbers and names: "Boeing 767", "AK 47", "Airbus 320" (not "About 500"), also
    # opening a sentence or a heading ("EgyptAir 990 Victims Identified"), or a quote or
    # bracket ('"Concorde 4590, you have flames"': a call sign, not a count).
    # After a count too: "orders for 10 Boeing 787 Dreamliners"; and the models listed
    # with it: "Windows 95 and 98 files" (the 2,000-article mix: "files: 98"); a variant
    # after a hyphen is the model's too: "the Boeing 767-300" (the mix: "died into
    # Atlantic: 300").
    rf"(?:^|(?<=[a-z,;] )|(?<=\d )|(?<=[\"“‘(]))"
    rf"(?!{_SENTENCE_WORDS}\b)[A-Z][A-Za-z]+\s\d[\d.]*\b(?![,.:]\d)(?:[-‑]\d+\b)?"
    rf"{_LISTED_NUMBERS}",
    # and a maker's model: "the tail of Boeing's 767 airplane"
    r"\b[A-Z][A-Za-z]+['’]s\s\d{3}(?:-\d{1,3})?\s+(?:air)?(?:planes?|craft|jets?|jetliners?"
    r"|liners?|models?|series|engines?)\b",
    # A conversion in brackets restates the figure before it in other units: "almost
    # 12,000 square miles (19,000 sq. kms)", "190 miles (300 kms)"; one quantity, one row.
    r"\((?:about |some |nearly |almost |around |more than )?\d[\d,.]*[-‑ ]?(?:sq\.? ?|square )?"
    r"(?:kms?|kilomet(?:er|re)s?|miles?|mi|m|meters|metres|feet|ft|acres|hectares|ha|tons"
    r"|tonnes|kg|kilograms|pounds|lbs?|kph|mph|km/h|degrees \w+|[CF])\.?\)",
    # A distance that locates a place is no figure of the event: "a camp about 190 miles
    # (300 kms) east of Darwin", "20 km north of the capital", "about 10 blocks east of".
    r"\b\d[\d,.]*[-‑ ]?(?:(?:nautical\s+)?miles?|mi|kms?|kilomet(?:er|re)s?|blocks?)\s+"
    r"(?:\([^)]*\)\s+)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
    r"|[NSEW]{1,3})\s+of\b",  # "15km W of Petrolia, CA" (a USGS title)
    # And one that locates the news by a thing near it: "works at the 76 station on Oregon
    # 214 about 500 feet from the bank" (the 2,000-article mix: "station Oregon: 500 feet").
    r"\b\d[\d,.]*[-‑ ]?(?:feet|ft|yards|met(?:er|re)s|miles?|kms?|kilomet(?:er|re)s?)\s+"
    r"(?:away\s+)?from\s+(?:the|a|an|his|her|their|its)\b",
    # and one that says how far away: "was arrested five buildings away on 223rd Street"
    # (the 2,000-article mix: "buildings arrested: five"), "two blocks away", "about 150
    # nautical miles off Aden" (the mix: "nautical miles: 150").
    r"\b(?:\d[\d,.]*|(?i:a|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several))"
    r"[-‑ ](?:buildings?|blocks?|doors?|houses?|streets?|(?:nautical\s+)?miles?|kms?"
    r"|kilomet(?:er|re)s?|feet"
    r"|ft|yards|met(?:er|re)s)\s+(?:further\s+|farther\s+)?(?:away|off)\b"
    r"(?!\s+(?:from|the|a|an|their|its)\s+(?:the\s+)?(?:total|number|toll)\b)",
    # A multiplier is no count: "Five times as much oil as previously thought could be
    # leaking" (the mix: "much oil leaking: Five"), "three times the size of"; not "stabbed 14
    # times".
    r"\b(?:\d[\d.,]*|(?i:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred))"
    r"[- ]times\s+(?:as|more|less|fewer|higher|lower|greater|larger|bigger|smaller|faster"
    r"|the|that|what)\b",
    # and a factor: "increases the risk by three- to six-fold", "a tenfold rise", "2-fold".
    r"\b(?:\d[\d.,]*|(?i:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred))"
    r"(?:[-‑]\s*(?:to|or)\s+(?:\d[\d.,]*|[a-z]+))?[-‑ ]?fold\b",
    # "100 percent" said of a state, not a share: "seems to be 100 percent on his game", "100
    # percent biodynamically-grown grapes", "I'm 100% sure" (a share has "of"; a change
    # "up 100 percent" stays).
    r"(?<!\bup )(?<!\bdown )(?<!\bby )(?<!\brose )(?<!\bfell )(?<!\bgrew )(?<!\bjumped )"
    r"\b100\s*(?:percent|per cent|%)(?!\s+(?:of|increase|rise|jump|drop|decline|cut|more|less)\b)"
    r"(?=\s+[a-z])",
    # "the two leaders", "the two sides": a pair the story already named, not a count ("the
    # three House committees that requested the memos" may be one: an editor showed it).
    r"\b[Tt]he\s+two\b(?!\s+(?:of|percent|million|billion|thousand|hundred)\b)",
    # A gun's calibre: ".357 Magnum" (the 2,000-article mix: "Magnum suspended: 357", its
    # dot left with the sentence before), "a 9mm pistol", "22-caliber rifle".
    r"\b\d{2,3}\s+Magnum\b|\b\d{1,3}(?:[- ]?mm|[- ]calib(?:er|re))\b",
    # Software versions: "version 2.1", "v5.0", "5.7-rc4", "ESXi 6.5 u3", "11.6 released",
    # "7.0.3" (a middle group of one or two digits is no thousands separator: "1.200.000").
    r"\b(?:[Vv]ersion|[Vv]|[Rr]elease|[Kk]ernel)\s?\d+(?:\.\d+)+\b"
    r"|\b\d+(?:\.\d+)+(?:-?(?:rc|beta|alpha)\d*\b|\s+(?:u|[Uu]pdate|SP)\d+\b"
    r"|\s+(?:(?:is|was|has been)\s+)?released\b)|\b\d+\.\d{1,2}\.\d+\b",
    # A poll's margin of error is its method, not the news: "had a margin of error of 4
    # percentage points", "plus or minus 3 points", "2 to 3 percentage points".
    r"\b[Mm]argin of (?:sampling )?error\W+(?:\w+\W+){0,3}?(?:plus or minus |\+/-\s?|±\s?)?"
    r"(?:about |around |roughly |some )?\d[\d.]*(?:\s*(?:to|-|–)\s*\d[\d.]*)?\s*"
    r"(?:percentage points?|points?|percent|%)",
    # and a poll's accuracy: "considered accurate within 2.5 percentage points" (DUC 2006:
    # "percentage points: 2.5 -> four", an update row on the mix)
    r"\baccurate\s+(?:to\s+)?within\s+(?:plus\s+or\s+minus\s+)?\d[\d.]*\s*"
    r"(?:percentage points?|points?|percent|%)",
    # A temperature with its scale is a measurement, not a count of the news: "lava ...
    # around 2,000 F, or almost 1,100 C" (the thirty-eighth read: a row "F: 2,000"),
    # "exceeded +4 degrees Celsius along the Equator" ("Departures normal: 4 degrees"),
    # "20 and 25 degrees below zero Fahrenheit". A place's coordinates neither: "below 26
    # degrees north latitude", "cross longitude 9 degrees west", "9.27 degrees west".
    r"\b\d[\d,.]*(?:\s*(?:to|and|-|–)\s*\d[\d,.]*)?\s*(?:°\s?|degrees?\s+)"
    r"(?:(?:below|above)\s+(?:zero|normal)\s+)?(?:F|C|Fahrenheit|Celsius|Centigrade)\b"
    r"|\b\d[\d,.]*\s(?:F|C)\b(?![.\w‑-])"
    r"|\b\d[\d.]*\s*(?:°\s?|degrees?\s+)(?:(?i:north|south|east|west)|[NSEW])\b"
    r"|\b(?:latitude|longitude)\s+\d[\d.]*",
    # A dwelling's or a road's size in words: "a three-bedroom apartment", "a white
    # two-story house" (DUC 2006: "bedrooms of apartment: three -> two" on the mix); and a
    # thing's: "a six-inch rubbery replica of a young salmon" (DUC 2006: "inch: six").
    r"\b(?i:one|two|three|four|five|six|seven|eight|nine|ten)[-‑](?:bedroom|bathroom|room"
    r"|stor(?:e)?y|floor|door|lane|inch|foot|yard)\b",
    # A rate is no count: "one in 10 community college students admitted ..." (DUC 2007
    # D0721E: "community college students: 10"), "nine out of 10 voters", "1 in every 5".
    # Not "killed 3 in 2019" (a year).
    # And "1 of every 150 people in the United States is in prison" (DUC 2006: "people in
    # United States: 150").
    # And "seven of ten births are to unwed mothers" (DUC 2006: "births: ten"), a tenth or
    # a hundredth with no "the": not "two of the four suspects".
    r"\b(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|\d{1,3})\s+"
    r"(?:in|out\s+of|of(?=\s+every\b)|of(?=\s+(?:10|ten|100)\s+[a-z]))\s+(?:every\s+)?"
    r"(?:(?!(?:1[89]|20)\d\d\b)\d[\d,]*|ten"
    r"|five|four|three"
    r"|two|six|seven|eight|nine|twenty|hundred|thousand)\b",
    # A share of a history is no count of the event: "Five of the last 10 presidents first
    # served as vice president" (DUC 2007 D0726F: "presidents: 10"), "two of the past three
    # elections". Not "two of the four suspects" (the event's).
    r"\b(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|\d{1,3})\s+"
    r"of\s+the\s+(?:last|past|previous)\s+(?:\d{1,3}|two|three|four|five|six|seven|eight|nine"
    r"|ten|twenty)\b",
    # A fraction of a whole is a share, not a count of it: "two-thirds of patients with the
    # disorder responded" (the 2,000-article mix: "thirds of patients responded: two").
    # Not "three quarters of a million" (an amount).
    r"\b(?i:one|two|three|four|five|six|seven|eight|nine)[-‑ ](?:thirds?|quarters?|fifths?"
    r"|sixths?|sevenths?|eighths?|ninths?|tenths?)\s+of\b(?!\s+an?\s)",
    # A boxer's record: "improved to 52-3 with 46 KOs", "36-3 (24 KOs)"; and a coach's or
    # a team's won-lost record: "finished with a 162-139 mark" (ECB+: "record: 139").
    r"\b\d+\s+(?:KOs?|KO['’]s|knockouts)\b",
    r"\b\d{1,4}\s*[-–]\s*\d{1,4}\s+(?:mark|record|regular[- ]season)\b",
    # Whose parent someone is: "Queens mother of 2 dead" (ECB+: "dead: 2").
    r"\b(?:mother|father|mom|dad|parent|grandmother|grandfather)s?\s+of\s+(?:\d{1,2}|two|three"
    r"|four|five|six|seven|eight|nine|ten)\b",
    # A post box: "P.O. Box 4260, Houston, Texas 77210" (a column's footer: "P.O. Box: 4260").
    r"\b(?:P\.?\s?O\.?\s)?Box\s+\d+\b",
    # A road named by its number first: "about 10 blocks east of the 605 Freeway" (ECB+:
    # "Freeway: 605"), "the 101 Highway".
    r"\b\d{1,4}\s+(?:Freeway|Fwy|Highway|Expressway|Turnpike|Parkway|Motorway)\b",
    # A street's block: "in the 12200 block of 223rd Street".
    r"\b\d{2,5}\s+block\s+of\b",
    # Street addresses: "10 Downing Street said", "1600 Pennsylvania Avenue", with a
    # direction and a numbered street: "at 200 W. American Blvd.", "229 W. 43rd St." (the
    # 2,000-article mix: "W. American Blvd: 200", "St.: 229").
    r"\b\d{1,5}\s+(?:[NSEW]\.?\s+)?(?:(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))\s+){1,3}"
    r"(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Place|Square|Way"
    r"|Plaza)(?!\w)",
    # Markup a plain-text body keeps as written (shown escaped, ``ingest.html.body_text``,
    # which drops only a whole script or style element) and text read without ingest: a
    # script with its code and any tag are no prose ("12 people <script>alert(1)</script>
    # were hurt", a hostile record, gave "people hurt: 1").
    r"<script\b.*?(?:</script\s*>|$)|<style\b.*?(?:</style\s*>|$)|<[A-Za-z/][^<>]*>",
    # A comparison's values are another place's or time's: "(compared to 25 % in Tunisia
    # and 28 % in Iran)", "compared with 6 percent a year earlier" (the 2,000-article mix:
    # "compared Tunisia in Iran: 28%", "compared: 6 percent").
    r"\b[Cc]ompared\s+(?:to|with)\s+[^.;:(),]*",
    # Indices and ranked lists named by their size: "the S&P 500 index fell 2 percent",
    # "Fortune 500 companies", "the FTSE 100", "the Inc. 500" (the 2,000-article mix:
    # "S&P: 500"; DUC 2006: "the broader Standard & Poor's 500 index" agreed with a range).
    r"\b(?:S&P|Standard\s+(?:&|and)\s+Poor['’]s|FTSE|Fortune|Forbes|Russell|Nikkei|DAX|CAC"
    r"|Stoxx|ASX|Nasdaq|Inc\.)\s+\d{2,4}\b",
    # A number in a short quoted title: "the U.S. Marshals '15 Most Wanted' list" (an ECB+
    # headline on the 2,000-article mix: "Wanted: 15"), "the “Top 10” list".
    # and one of up to six words: '"100 Programs You Should Not Buy"' (the mix: "Programs:
    # 100").
    r"[‘'\"“](?:[A-Z][\w&.-]*\s+){0,3}\d{1,4}(?:\s+[A-Z][\w&.-]*){1,6}[’'\"”]",
    r"[‘'\"“](?:[A-Z][\w&.-]*\s+){1,3}\d{1,4}[’'\"”]",
    # A number of five or more digits without separators is a code, not a count: a build
    # ("ESXi - 7.0.3, 21424296"), a model ("i5 12400"), a ZIP code, a phone or box number
    # (shared/data/robustness's feeds: "ESXi: 21424296", "core: 12400"). English news writes
    # a count from 10,000 with commas: the 2,000-article mix holds 24 such numbers, every
    # one a code or "50000 ppmv" in a reader's letter.
    r"(?<![\d,.$€£¥])\b[1-9]\d{4,}\b(?![,.]\d)",
    # The age of one of a set: "home-schooled his 10 children, the oldest of whom is 24" (the
    # 2,000-article mix: "children: 24").
    r"\b(?:oldest|youngest|eldest)(?:\s+of\s+(?:whom|them))?\s+(?:is|was|being)\s+\d{1,3}\b",
    # A rate's base: "for every 1,000 births in east Africa's Uganda and Tanzania, 141
    # children die" (the mix: "births in Uganda: 1,000"), "8 deaths per 100,000 people".
    r"\b(?:for\s+every|per)\s+(?:\d{1,3}(?:,\d{3})+|\d+)\b(?![.,]\d|\s*(?:percent|%))",
    # and the count over it: "8 deaths per 100,000 people" is a rate, no toll; so are
    # "724 inmates for every 100,000 residents".
    r"\b\d[\d,.]*\s+(?:[a-z]+\s+){1,2}(?:per|for\s+every)\s+\d",
    # A share more or less than something unnamed compares, it counts nothing: "generally
    # about 30 percent higher than the market price" (the mix: "higher: 30 percent").
    r"\b\d[\d.]*\s*(?:percent|per cent|%)\s+(?:higher|lower|more|less|fewer|greater|cheaper"
    r"|dearer|faster|slower|larger|smaller|bigger)\s+than\b",
    # A year written with an apostrophe: "Lexus added to its '99 sport utility lineup"
    # (DUC 2006: "sport utility lineup of Lexus: 99"), "in '08"; not a quote opening on a
    # number ("said '20 people died'").
    r"\b(?:its|the|his|her|their|our|of|in|since|by)\s['’]\d\d\b(?![\d'’])",
    # Ages in apposition: "Mario Quintanillo, 30, and ...", "his children, 10, 9 and 4".
    r"(?<=[A-Za-z]), \d{1,2}(?:(?:,| and) \d{1,2})*(?=\s*(?:[,;.)'\"’”]|and\b|who\b|$))",
    # A number in words that makes a compound modifier: "the three-act, nearly three-hour
    # performance" (DUC 2007 D0721E: "act: three"), "Stephenie Meyer's four-book series"
    # (the mix: "books of series: four"). Not a number's own parts ("twenty-five",
    # "two-thirds") nor a count of people or of members ("An eight-member team",
    # "a 1,000-strong force", "a three-nation tour").
    rf"\b(?i:{_AGE_IN_WORDS})[-‑](?!(?i:{_AGE_IN_WORDS}|thirds?|quarters?|halves|fifths?|tenths?"
    r"|members?|strong|man|men|person|people|nations?|countries|states?)\b)[a-z]+\b(?=,?\s+[a-z])",
    # A jury's make-up: "a jury of 10 men and six women, including four alternates", "The
    # jury of 12 and four alternates", "asked 71 prospective jurors" (DUC 2007 D0721E's
    # rows "members of jury: 12", "alternates: four", "prospective jurors ...: 71"): how a
    # trial is run, never its news; a verdict's vote ("11 of the 12 jurors") stays.
    rf"\b(?:jury|panel)\s+of\s+(?:(?:\d{{1,2}}|{_AGE_IN_WORDS})\b|(?:men|women|and|including"
    r"|alternates?|jurors?)\b|[,\s])+",
    rf"\b(?:\d{{1,3}}|{_AGE_IN_WORDS})\s+(?:alternates|alternate\s+jurors|prospective\s+jurors"
    r"|potential\s+jurors)\b",
    # and in brackets after a name or a person's word: "Granny (78) suffers in silence" (a
    # Lesotho Times title: the one-report brief's "Granny suffers: 78"), "Thabo Mokoena
    # (45)".
    r"\b[A-Z][a-z]+\s\(\d{1,2}\)",
]
_NOT_FIGURE = re.compile("|".join(f"(?:{p})" for p in _NOT_FIGURES))
# A number word capitalised inside a sentence is part of a name: "as 'Five Eyes' turn on
# Huawei" (a WCEP report: "Eyes: Five"), "the Big Four". Not in a title in capitals, where
# every word is ("Gunman Kills Four In Texas").
_NAMED_NUMBER = re.compile(
    r"(?<=[a-z,;] )[‘'\"“]?(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven"
    r"|Twelve|Twenty|Thirty|Forty|Fifty|Hundred|Thousand)\b"
)
_WORD = re.compile(r"[A-Za-z]+")
# A poll's or a vote's two shares, the larger first: "topping Gore 57 percent to 39 percent"
# (DUC 2007 D0726F: "topping Gore: 39 percent", "Gore trails: 52 percent"). Not a change
# ("fell from 57 percent to 39 percent", "cut by 5 percent to 3 percent") nor a range (the
# smaller first: "30 percent to 50 percent of treated children").
_SHARE = r"(\d{1,2}(?:\.\d+)?)\s?(?:percent|per cent|%)"
_TALLY = re.compile(rf"(?<!\bfrom )(?<!\bby )(?<!\bbetween )\b{_SHARE}\s+to\s+{_SHARE}")


def not_figure_spans(sentence: str) -> list[tuple[int, int]]:
    """Return the offsets of the spans in ``sentence`` whose digits are not figures."""
    spans = [(m.start(), m.end()) for m in _NOT_FIGURE.finditer(sentence)]
    # A number in a quoted title: "Disney's 101 Dalmatians: The Series" (DUC 2007 D0736H:
    # "Dalmatians: 101"), "Make the Connection: Ten Steps to a Better Body" ("Steps: Ten").
    spans += [(m.start(), m.end()) for m in QUOTATION.finditer(sentence) if names_a_title(m[1])]
    spans += [
        (m.start(), m.end())
        for m in _TALLY.finditer(sentence)
        if float(m.group(1)) > float(m.group(2))
    ]
    named = list(_NAMED_NUMBER.finditer(sentence))
    if named:
        words = _WORD.findall(sentence)
        if sum(w[0].isupper() for w in words) <= len(words) / 2:
            spans += [(m.start(), m.end()) for m in named]
    return spans
