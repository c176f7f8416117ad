import datetime as dt
import json

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
from newsbrief.render import render

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
    assert "javascript:" not in page


def test_unknown_format_names_the_valid_ones():
    with pytest.raises(ConfigError, match="choose one of: text, json, markdown, html"):
        render([BRIEF], REPORT, "pdf")


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
