import datetime as dt
import json
import re

import pytest

from newsbrief.errors import ConfigError
from newsbrief.model import (
    Article,
    Brief,
    Claim,
    Entity,
    Fact,
    KeySentence,
    Rejected,
    RunReport,
    TimelineEntry,
)
from newsbrief.render import render, safe_url

GLOBAL = Article(
    id="g",
    text="...",
    source="globalnews.ca",
    date=dt.date(2020, 1, 7),
    url="https://globalnews.ca/news/6378283/canada-troops-iraq-kuwait/",
)
RADIO = Article(
    id="r", text="...", title="Canada Moves Soldiers", copy_of="g", url="file:///data/002.txt"
)
HOSTILE = Article(
    id="h",
    text="...",
    title='<script>window.pwned=1</script><img src=x onerror="alert(1)">',
    url="javascript:alert(1)",
    date=dt.date(2020, 1, 6),
)
BRIEF = Brief(
    event_id="e1",
    headline="Canada moves some troops from Iraq to Kuwait <b>for safety</b>.",
    summary=(
        KeySentence(
            "Simply put, we are doing this to ensure their safety and security.", ("g", "r")
        ),
    ),
    articles=(GLOBAL, RADIO, HOSTILE),
    facts=(
        Fact(
            "Canadian personnel in Iraq",
            "500",
            None,
            (
                Claim("500", "about", ("g", "r"), "about 500 in Iraq"),
                Claim("300", "more than", ("h",), "More than 300 Canadian personnel"),
            ),
            "conflict",
        ),
    ),
    entities=(
        Entity("Jonathan Vance", "person", 9, ("g", "r")),
        Entity("Kuwait", "place", 7, ("g", "r", "h")),
    ),
    timeline=(
        TimelineEntry(dt.date(2020, 1, 7), "Vance writes to military families.", ("g",)),
        TimelineEntry(dt.date(2014, 10, 1), "Canada deploys jets against ISIL.", ("h",), "month"),
        TimelineEntry(dt.date(2003, 1, 1), "The US invades Iraq.", ("h",), "year", "background"),
        TimelineEntry(dt.date(2020, 1, 10), "Ministers meet.", ("g",), "day", "scheduled"),
    ),
)
REPORT = RunReport(counts={"articles": 3}, rejected=(Rejected("bad.warc", "truncated record"),))


def test_text_cites_sources_by_number_and_lists_rejected_inputs():
    text = render([BRIEF], REPORT, "text")
    assert "Simply put, we are doing this to ensure their safety and security. [1, 2]" in text
    assert "about 500 [1, 2]; more than 300 [3] (CONFLICT)" in text
    assert "copy of [1]" in text
    assert "2014-10" in text and "2014-10-01" not in text  # month precision shown as a month
    assert "bad.warc: truncated record" in text


def test_json_is_the_design_schema():
    document = json.loads(render([BRIEF], REPORT, "json"))
    event = document["events"][0]
    assert event["summary"][0]["sources"] == ["g", "r"]
    assert event["facts"][0]["agreement"] == "conflict"
    assert [a["copy_of"] for a in event["articles"]] == [None, "g", None]
    assert document["rejected"][0]["reason"] == "truncated record"


def test_html_escapes_untrusted_text_and_never_links_javascript():
    page = render([BRIEF], REPORT, "html")
    assert "<script>window.pwned" not in page
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
    assert 'onerror="alert(1)"' not in page
    assert "javascript:" not in page
    assert "&lt;b&gt;for safety&lt;/b&gt;" in page
    assert 'href="https://globalnews.ca/news/6378283/canada-troops-iraq-kuwait/"' in page
    assert 'class="conflict"' in page


def test_markdown_escapes_markup_in_article_text():
    page = render([BRIEF], REPORT, "markdown")
    assert "\\<script\\>" in page
    assert "| **conflict** |" in page
    assert "[globalnews.ca](<https://globalnews.ca/" in page
    assert "](javascript:" not in page and "(<javascript:" not in page
    # A local file's URL is text: CommonMark renderers refuse a file: link and had shown
    # its source, "[outlet unknown: ...](<file:///data/002.txt>)".
    assert "Canada Moves Soldiers (file:///data/002.txt)" in page
    assert "(<file:" not in page


def test_unknown_format_names_the_valid_ones():
    with pytest.raises(ConfigError, match="choose one of: text, json, markdown, html"):
        render([BRIEF], REPORT, "pdf")


# ---- untrusted input (issue 14) --------------------------------------------------------

ESCAPES = "\x1b[2J\x1b]0;pwned title\x07\x9b31m\u202e\x00\r"
WIRE = Article(
    id="w",
    text="...",
    source="Wire" + ESCAPES,
    url='http://example.com/"><script>alert(1)</script>',
    date=dt.date(2020, 1, 7),
)
DATA_URL = Article(id="d", text="...", source="Data", url="data:text/html,<script>x</script>")
HOSTILE_BRIEF = Brief(
    event_id="e2",
    headline="Ferry strike" + ESCAPES + " *ends* [here](javascript:x) <img src=x> &amp; # ",
    summary=(KeySentence("Talks " + ESCAPES + "resume \ud800 today.", ("w", "d")),),
    articles=(WIRE, DATA_URL),
    entities=(Entity("Harbour\u202e Union", "organization", 2, ("w",)),),
    timeline=(TimelineEntry(dt.date(2020, 1, 7), "Strike\x1b[31m called.", ("w",)),),
)
HOSTILE_REPORT = RunReport(
    rejected=(Rejected("evil\x1b]0;x\x07.txt", "bad\x1b[2J bytes\u202e [1]"),)
)
TERMINAL_ACTORS = ("\x1b", "\x07", "\x9b", "\u202e", "\x00", "\r", "\ud800")


def test_text_output_has_no_escape_control_or_bidi_characters():
    text = render([HOSTILE_BRIEF], HOSTILE_REPORT, "text")
    assert not any(char in text for char in TERMINAL_ACTORS)
    assert "pwned" not in text  # the window-title sequence is removed whole
    assert "Ferry strike" in text and "Talks resume \ufffd today. [1, 2]" in text
    assert "Harbour Union" in text
    assert "evil.txt: bad bytes [1]" in text  # rejected inputs are sanitised too


def test_json_output_escapes_what_a_terminal_acts_on_and_parses_to_the_same_text():
    # A bidi control had been written raw: `newsbrief brief --format json` on a terminal
    # showed the document reordered after it.
    document = render([HOSTILE_BRIEF], HOSTILE_REPORT, "json")
    assert not any(char in document for char in TERMINAL_ACTORS)
    assert "Harbour\\u202e Union" in document
    parsed = json.loads(document)
    assert parsed["events"][0]["entities"][0]["name"] == "Harbour\u202e Union"
    assert parsed["rejected"][0]["reason"] == "bad\x1b[2J bytes\u202e [1]"


def test_markdown_escapes_every_field_and_links_only_safe_urls():
    page = render([HOSTILE_BRIEF], HOSTILE_REPORT, "markdown")
    assert not any(char in page for char in TERMINAL_ACTORS)
    # The url's quote, angle brackets and parentheses are percent-encoded inside <...>.
    assert "[Wire](<http://example.com/%22%3E%3Cscript%3Ealert%281%29%3C/script%3E>)" in page
    assert not re.search(r"(?<!\\)<(?!http://example)", page)  # every other < is escaped
    assert "\\*ends\\* \\[here\\]\\(javascript:x\\) \\<img src=x\\> \\&amp; \\#" in page
    # A data: URL is not linked: shown as escaped text after its label.
    assert "2. Data (data:text/html,\\<script\\>x\\</script\\>)" in page
    assert "](data:" not in page and "(<data:" not in page


def test_markdown_renders_no_live_html_or_links_in_commonmark():
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").render(
        render([HOSTILE_BRIEF], HOSTILE_REPORT, "markdown")
    )
    assert "<script" not in html and "<img" not in html
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs == ["http://example.com/%22%3E%3Cscript%3Ealert%281%29%3C/script%3E"]


def test_html_isolates_bidi_text_and_links_only_safe_urls():
    page = render([HOSTILE_BRIEF], HOSTILE_REPORT, "html")
    assert "<script" not in page and "<img" not in page
    assert 'href="data:' not in page and 'javascript:x"' not in page
    assert re.findall(r'<a href="(?!#)([^"]*)"', page) == [
        "http://example.com/&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    ]
    # Every bidi override sits in a <bdi> that ends before any citation or date.
    for match in re.finditer("\u202e", page):
        opened, closed = page.rfind("<bdi>", 0, match.start()), page.find("</bdi>", match.end())
        assert opened != -1 and "</bdi>" not in page[opened : match.start()]
        assert "<sup>" not in page[match.end() : closed]
    assert "\u202e" not in page[: page.index("</title>")]
    # No escape sequence or control reaches the page (a terminal printing it would act).
    assert not any(char in page for char in ("\x1b", "\x07", "\x9b", "\x00", "\r", "\ud800"))
    assert "pwned" not in page and "Strike called." in page


def test_json_stays_valid_utf8_with_lone_surrogates_and_controls():
    document = render([HOSTILE_BRIEF], HOSTILE_REPORT, "json")
    document.encode("utf-8")  # a lone surrogate would raise here
    parsed = json.loads(document)
    assert parsed["events"][0]["summary"][0]["text"].startswith("Talks \x1b[2J")  # data kept
    assert "\ufffd today" in parsed["events"][0]["summary"][0]["text"]


@pytest.mark.parametrize("output_format", ["text", "markdown", "html"])
def test_timeline_sections_and_precision_in_every_format(output_format: str) -> None:
    page = render([BRIEF], REPORT, output_format)
    # developments, then what is scheduled, then the background, each under its heading
    timeline, scheduled, background = (
        page.index(heading) for heading in ("Timeline", "Scheduled", "Background")
    )
    assert timeline < page.index("Vance writes") < scheduled < page.index("Ministers meet")
    assert scheduled < background < page.index("The US invades Iraq")
    # a date known to the year or the month is shown at that precision
    assert "2003-01-01" not in page and "2014-10-01" not in page
    assert "2003" in page and "2014-10" in page


def test_text_wraps_at_spaces_keeping_hyphenated_names_and_citations_whole() -> None:
    # The seeds' entity list and Background entry, wrapped at 88 columns.
    names = (
        ("Jonathan Vance", 17),
        ("Qassem Soleimani", 13),
        ("Donald Trump", 8),
        ("François-Philippe Champagne", 4),
        ("Mark Esper", 3),
    )
    brief = Brief(
        event_id="e2",
        headline="Canada moves some troops from Iraq to Kuwait.",
        summary=(),
        articles=(GLOBAL, RADIO, HOSTILE),
        entities=tuple(Entity(n, "person", c, ("g",)) for n, c in names),
        timeline=(
            TimelineEntry(
                dt.date(2014, 1, 1),
                "In the summer of 2014, when ISIL rolled through northern Iraq, the "
                "US-trained and funded Iraqi army collapsed, and the Iraqi government asked "
                "the coalition for help.",
                ("g", "r", "h"),
                "year",
                "background",
            ),
        ),
    )
    page = render([brief], REPORT, "text")
    lines = page.splitlines()
    assert "François-Philippe Champagne (4)" in page
    assert not any(line.rstrip().endswith("-") for line in lines)  # no name cut at "-"
    assert "[1, 2, 3]" in page  # the citation on one line
    assert all(len(line) <= 88 for line in lines)


def test_a_long_citation_wraps_after_its_commas() -> None:
    # Timeline17 haiti_bbc: the quake's day is reported by 25 articles.
    articles = tuple(Article(id=f"a{n}", text="...") for n in range(30))
    brief = Brief(
        event_id="haiti",
        headline="A 7.0-magnitude quake strikes Haiti.",
        summary=(),
        articles=articles,
        timeline=(
            TimelineEntry(
                dt.date(2010, 1, 12),
                "The 7.0-magnitude quake, Haiti's worst in two centuries, struck south of the "
                "capital, Port-au-Prince, on Tuesday.",
                tuple(a.id for a in articles[:25]),
            ),
        ),
    )
    page = render([brief], REPORT, "text")
    lines = page.splitlines()
    assert all(len(line) <= 88 for line in lines)
    # broken after a comma, the next line at the entry's indent (no stray space)
    assert not any(line.startswith(" " * 15) for line in lines)
    assert " ".join(page.split()).count("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10,") == 1
    start = next(i for i, line in enumerate(lines) if "[1," in line)
    citation = lines[start : next(i for i in range(start, len(lines)) if "]" in lines[i]) + 1]
    assert len(citation) > 1 and all(line.endswith((",", "]")) for line in citation)


@pytest.mark.parametrize("output_format", ["text", "markdown", "html"])
def test_notes_on_kept_articles_are_not_listed_as_rejected_inputs(output_format: str) -> None:
    report = RunReport(
        rejected=(
            Rejected("bad.warc", "truncated record"),
            Rejected("dump.jsonl:3", "not a date: '99999-99-99'; the article was kept", "note"),
        )
    )
    shown = render([BRIEF], report, output_format)
    assert "Rejected inputs (1)" in shown and "Notes on kept articles (1)" in shown
    rejected_part, notes_part = shown.split("Notes on kept articles (1)")
    assert "truncated record" in rejected_part and "99999" not in rejected_part
    assert "the article was kept" in notes_part


def test_a_dated_key_point_shows_the_day_of_its_first_report() -> None:
    # DUC 2007 D0743J: an aftershock's report two weeks after the Izmit quake.
    tremor = KeySentence(
        "The Bogazici Kandilli Observatory reported that the quake hit Izmit at 11:11.",
        ("g",),
        reported=dt.date(1999, 8, 31),
    )
    brief = Brief(
        event_id="e2",
        headline="An aftershock shakes Izmit.",
        summary=(tremor, *BRIEF.summary),
        articles=BRIEF.articles,
    )
    pages = {f: render([brief], REPORT, f) for f in ("text", "markdown", "html", "json")}
    assert "  - 1999-08-31: The Bogazici" in pages["text"]
    assert "- **1999-08-31** The Bogazici" in pages["markdown"]
    assert '<time datetime="1999-08-31">1999-08-31</time> <bdi>The Bogazici' in pages["html"]
    summary = json.loads(pages["json"])["events"][0]["summary"]
    assert [s.get("reported") for s in summary] == ["1999-08-31", None]
    # An undated key point has no day in any format.
    for page in pages.values():
        assert "2020-01-07: Simply" not in page and "** Simply" not in page


def test_a_file_url_is_linked_only_when_it_names_this_machine() -> None:
    # "file://host/share" (and its four-slash form) opens a remote share: on Windows,
    # following it sends the reader's credentials to the host the record names.
    for local in ("file:///data/002.txt", "FILE://localhost/data/002.txt", "file:///C:/a.html"):
        assert safe_url(local) == local
    for remote in (
        "file://attacker.example/share/a.html",
        "file:////attacker.example/share",
        "file:///\\\\attacker.example\\share",
        "file://localhost//attacker.example/share",
        "javascript:alert(1)",
    ):
        assert safe_url(remote) is None
