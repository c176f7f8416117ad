"""Hostile inputs found by a hunt over every reader: each was a traceback, a whole file
lost for one bad record, a silent drop or a page lost; now each article is kept or each
problem reported, and the rest of the input is read."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from pathlib import Path

from reader_support import articles_of, notes_of, rejected_of

from newsbrief.config import IngestConfig
from newsbrief.ingest import expand_sources, read_sources
from newsbrief.ingest.html import html_fragment_text
from newsbrief.model import RunReport
from newsbrief.render.timeline import render_timeline

STORIES = [
    "The city council of Springfield voted on Tuesday to approve a new budget for schools.",
    "The mayor of Shelbyville opened a new bridge on Friday in front of 300 residents.",
    "Police in Ogdenville arrested a bank robber on Monday after a chase through the town.",
]


def _jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_fields_of_the_wrong_type_are_text_or_left_out(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "types.jsonl",
        [
            {"text": STORIES[0], "title": 123, "author": {"a": 1}, "source": ["x"]},
            {"text": STORIES[1], "title": "Bridge\nopens", "author": ["Ann Lee", 7, None]},
        ],
    )
    first, second = articles_of(list(read_sources([path])))
    assert (first.title, first.author, first.source) == ("123", None, None)
    assert (second.title, second.author) == ("Bridge opens", "Ann Lee; 7")


def test_a_title_in_html_reaches_the_brief_as_plain_text(tmp_path: Path) -> None:
    # A CMS export's title and an Atom entry's title of type "html" hold tags and escapes;
    # a reader saw "<b>Fire</b> in <i>Lima</i>" as the source's title.
    path = _jsonl(
        tmp_path / "cms.jsonl",
        [
            {"text": STORIES[0], "title": "<b>Budget</b> approved in <i>Springfield</i>"},
            {"text": STORIES[1], "title": "Bridge &amp; road open &#8211; mayor"},
            {"text": STORIES[2], "title": "<img src=x onerror=alert(1)>"},
            {"text": STORIES[2] + " More.", "title": "Robber <script>alert(1)</script>held"},
        ],
    )
    feed = tmp_path / "feed.atom"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Springfield Daily</title>'
        '<entry><title type="html">&lt;b&gt;Budget&lt;/b&gt; approved</title>'
        "<updated>2020-01-05T10:00:00Z</updated>"
        f'<content type="html">&lt;p&gt;{STORIES[0]}&lt;/p&gt;</content></entry></feed>',
        encoding="utf-8",
    )
    titles = [a.title for a in articles_of(list(read_sources([path, feed])))]
    assert titles == [
        "Budget approved in Springfield",
        "Bridge & road open \u2013 mayor",
        None,
        "Robber held",
        "Budget approved",
    ]


def test_a_script_in_a_plain_text_body_goes_and_the_rest_stays(tmp_path: Path) -> None:
    # A hostile record: the script's code had been shown in a key point.
    path = _jsonl(
        tmp_path / "dump.jsonl",
        [{"text": "A fire killed 12 people. <script>alert(2)</script> It began at 3 a.m."}],
    )
    (article,) = articles_of(list(read_sources([path])))
    assert " ".join(article.text.split()) == "A fire killed 12 people. It began at 3 a.m."


def test_a_script_in_a_text_file_goes_as_in_a_record_s_body(tmp_path: Path) -> None:
    # A hostile text file: its script's code and an editor's comment had made the headline.
    path = tmp_path / "story.txt"
    path.write_text(
        "Police arrested 23 pirates who threatened a vessel. <script>alert(1)</script> "
        "<!-- do not publish --> The navy said the ship was safe.\n",
        encoding="utf-8",
    )
    (article,) = articles_of(list(read_sources([path])))
    assert " ".join(article.text.split()) == (
        "Police arrested 23 pirates who threatened a vessel. The navy said the ship was safe."
    )


def test_tags_and_bidi_overrides_in_a_text_file_are_no_words(tmp_path: Path) -> None:
    # A hostile text file: the tag had ended the headline and labelled the figure "people
    # died. ="; the override's closing mark had glued onto "died.".
    from newsbrief.config import Config
    from newsbrief.pipeline import build_briefs_from_articles

    path = tmp_path / "story.txt"
    path.write_text(
        "\u202eThe minister said on Monday that 40 people died.\u202c "
        "<img src=x onerror=alert(1)>\n\nRescuers searched the <b>rubble</b> all night.\n",
        encoding="utf-8",
    )
    (article,) = articles_of(list(read_sources([path])))
    assert "<" not in article.text and "rubble" in article.text
    (brief,), _ = build_briefs_from_articles([article], Config())
    assert brief.headline == "The minister says that 40 people died."
    assert [fact.subject for fact in brief.facts] == ["people died"]


def test_what_a_browser_never_shows_is_no_text_of_a_body(tmp_path: Path) -> None:
    # Hostile records: an editor's comment, a <noscript> notice and a drawing in a plain
    # body, a <template> and a hidden paragraph in an HTML one, had been shown in key
    # points, timelines and the list of names; a CDATA marker had become a name.
    lead = "A fire at a textile factory in Lima killed 12 workers on Monday, officials said."
    rest = [
        "The blaze broke out in the early morning and spread quickly through the building.",
        "Firefighters battled the flames for six hours before bringing them under control.",
        "The factory employed about 300 people, according to the company.",
    ]
    secret = "Owner Luis Vega was arrested for murder on Tuesday, police sources said."
    plain = (
        f"{lead} <!-- editor: the toll may be 40, do not publish --> {rest[0]}"
        f" <noscript>Please enable JavaScript to view the comments.</noscript>"
        f" <svg><title>Chart</title><text>40</text></svg> <![CDATA[{rest[1]}]]> {rest[2]}"
    )
    html = "".join(
        f"<p>{p}</p>" for p in (lead, rest[0], f"<template><p>{secret}</p></template>", *rest[1:])
    )
    hidden = html.replace(f"<template><p>{secret}</p></template>", f"<p hidden>{secret}</p>")
    both = html.replace("<template>", "<template hidden>")  # one element, dropped once
    path = _jsonl(tmp_path / "dump.jsonl", [{"text": t} for t in (plain, html, hidden, both)])
    articles = articles_of(list(read_sources([path])))
    assert len(articles) == 4
    for article in articles:
        assert " ".join(article.text.split()) == " ".join([lead, *rest])
    # The fallback for a fragment too short to extract drops the same, each element once.
    assert "Vega" not in html_fragment_text(both) and lead in html_fragment_text(both)
    # A whole page hidden shows nothing (its root has no parent to be dropped from).
    page = tmp_path / "hidden.html"
    page.write_text(f"<html hidden><body>{html}</body></html>")
    assert [r.reason for r in rejected_of(list(read_sources([page])))] == [
        "no article text found in the page"
    ]


def test_a_body_as_a_list_of_paragraphs_is_read_and_a_body_of_another_type_named(
    tmp_path: Path,
) -> None:
    # Some dumps store the body as its paragraphs; a number or an object as the body had
    # been reported as "no text field", which sends a user looking for a missing field.
    path = _jsonl(
        tmp_path / "paragraphs.jsonl",
        [
            {"text": [STORIES[0], STORIES[1]]},
            {"text": 5},
            {"text": {"html": STORIES[2]}},
            {"text": [STORIES[2], 7]},
        ],
    )
    records = list(read_sources([path]))
    (article,) = articles_of(records)
    assert article.text == f"{STORIES[0]}\n\n{STORIES[1]}"
    assert [r.reason for r in rejected_of(records)] == [
        "the text field is a JSON number, not text",
        "the text field is a JSON object, not text",
        "the text field is a JSON array, not text",
    ]


def test_a_title_that_is_no_text_is_named_and_the_article_kept(tmp_path: Path) -> None:
    # A title stored as an object or an array was dropped without a word.
    path = _jsonl(
        tmp_path / "titles.jsonl",
        [
            {"title": {"main": "Fire"}, "text": STORIES[0]},
            {"title": ["Fire", "in Lima"], "text": STORIES[1]},
            {"title": 2024, "text": STORIES[2]},
            {"title": float("nan"), "text": STORIES[0] + " More."},  # had been "nan"
        ],
    )
    records = list(read_sources([path]))
    assert [a.title for a in articles_of(records)] == [None, None, "2024", None]
    assert [r.reason for r in notes_of(records)] == [
        "the title field is a JSON object, not text: no title; the article was kept",
        "the title field is a JSON array, not text: no title; the article was kept",
        "the title field is a JSON number, not text: no title; the article was kept",
    ]


def test_a_url_that_is_no_address_is_dropped_and_the_rest_read(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "urls.jsonl",
        [
            {"text": STORIES[0], "url": "http://[::1"},
            {"text": STORIES[1], "url": "http://ok.example/a\n\nTrusted Wire: all confirmed"},
            {"text": STORIES[2], "url": "https://ok.example/b c"},
        ],
    )
    records = list(read_sources([path]))
    articles = articles_of(records)
    assert len(articles) == 3
    assert articles[2].url == "https://ok.example/b c"  # a space breaks no line
    assert [a.url for a in articles[:2]] == [None, None]
    assert all("not a web address, dropped" in n.reason for n in notes_of(records))
    feed = tmp_path / "feed.rss"
    items = "".join(
        f"<item><title>Story {n}</title><description>{text}</description>"
        f"<link>{link}</link><pubDate>{day}</pubDate></item>"
        for n, (text, link, day) in enumerate(
            zip(
                STORIES,
                ["http://[::1", "http://daily.example/2", "http://daily.example/3"],
                [
                    "0001-01-01T00:00:00+14:00",
                    "Tue, 07 Jan 2020 10:00:00 GMT",
                    "9999-12-31T23:59:59-14:00",
                ],
                strict=True,
            )
        )
    )
    feed.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Daily</title>{items}'
        "</channel></rss>",
        encoding="utf-8",
    )
    records = list(read_sources([feed]))
    articles = articles_of(records)
    assert len(articles) == 3 and not rejected_of(records)
    assert [a.date.isoformat() if a.date else None for a in articles] == [None, "2020-01-07", None]
    assert len(notes_of(records)) == 2  # the two dates out of every calendar


def test_a_record_s_own_text_and_its_articles_list_are_all_read(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "nested.jsonl",
        [
            {"maintext": STORIES[0], "articles": [{"text": STORIES[1]}]},
            {"articles": []},
            {"articles": [{"text": STORIES[2]}], "id": "topic"},
        ],
    )
    records = list(read_sources([path]))
    assert sorted(a.text for a in articles_of(records)) == sorted(STORIES)
    (empty,) = rejected_of(records)
    assert (
        empty.source.endswith(":2") and empty.reason == "an empty articles list and no text field"
    )


def test_html_a_control_reference_an_xhtml_prolog_and_a_linked_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "pages").mkdir(parents=True)
    paragraphs = "".join(f"<p>{text}</p>" for text in STORIES)
    # lxml refused a whole page for one reference to a control character.
    control = paragraphs.replace("schools", "schools&#x1;")
    (folder / "pages" / "control.html").write_text(
        f"<html><body><article>{control}</article></body></html>"
    )
    # An XHTML page whose Creative Commons block (RDF in a comment) made it a "feed".
    (folder / "pages" / "xhtml.html").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        '<head><title>Vote</title><!-- <rdf:RDF xmlns:rdf="x"></rdf:RDF> --></head>'
        f"<body><div>{paragraphs}</div></body></html>"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "story.txt").write_text(STORIES[2])
    os.symlink(elsewhere, folder / "linked")  # a linked folder is read
    os.symlink("..", folder / "pages" / "up")  # a loop is read once and noted
    records = list(read_sources([folder]))
    assert len(articles_of(records)) == 3 and not rejected_of(records)
    (loop,) = notes_of(records)
    assert (
        loop.source.endswith("up")
        and loop.reason == "the same folder as one already read (through a link)"
    )


def _warc(
    path: Path, http_head: bytes, body: bytes, crawled: bytes = b"2020-01-07T10:00:00Z"
) -> Path:
    block = http_head + body
    path.write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"WARC-Target-URI: https://example.org/story\r\nWARC-Date: %s\r\n"
        b"Content-Length: %d\r\n\r\n" % (crawled, len(block)) + block
    )
    return path


def test_a_warc_page_sent_compressed_or_in_chunks_is_read(tmp_path: Path) -> None:
    page = "<html><body><article>" + "".join(f"<p>{t}</p>" for t in STORIES) + "</article>"
    page_bytes = (page + "</body></html>").encode()
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
    gzipped = _warc(
        tmp_path / "gzip.warc", head + b"Content-Encoding: gzip\r\n\r\n", gzip.compress(page_bytes)
    )
    chunks = b"".join(
        b"%x\r\n%s\r\n" % (len(part), part) for part in (page_bytes[:100], page_bytes[100:])
    )
    chunked = _warc(
        tmp_path / "chunked.warc",
        head + b"Transfer-Encoding: chunked\r\n\r\n",
        chunks + b"0\r\n\r\n",
    )
    # Stored decoded under the headers the server sent (some crawlers do).
    decoded = _warc(tmp_path / "decoded.warc", head + b"Content-Encoding: gzip\r\n\r\n", page_bytes)
    brotli = _warc(tmp_path / "br.warc", head + b"Content-Encoding: br\r\n\r\n", b"\x8b\x02\x80")
    records = list(read_sources([gzipped, chunked, decoded, brotli]))
    articles = articles_of(records)
    assert len(articles) == 3 and all(a.text.startswith(STORIES[0]) for a in articles)
    (refused,) = rejected_of(records)
    assert refused.reason.startswith("page in a content encoding not read: br")


def test_an_over_long_text_is_cut_at_a_paragraph_and_a_huge_page_refused(tmp_path: Path) -> None:
    config = IngestConfig(max_text_chars=1000, max_page_bytes=10_000)
    text = "\n\n".join([STORIES[0] * 5] * 10)  # ten paragraphs of 440 characters
    path = _jsonl(tmp_path / "long.jsonl", [{"text": text}])
    page = tmp_path / "huge.html"
    page.write_text("<html><body>" + "<p>Some words in a paragraph.</p>" * 400 + "</body></html>")
    records = list(read_sources([path, page], config))
    (article,) = articles_of(records)
    assert len(article.text) <= 1000 and article.text.endswith("schools.")
    (cut,) = notes_of(records)
    assert cut.reason.startswith(f"text of {len(text)} characters cut to {len(article.text)}")
    (refused,) = rejected_of(records)
    assert refused.reason == "page larger than 10000 bytes"


def test_a_timeline_in_markdown_lists_what_it_could_not_read(tmp_path: Path) -> None:
    report = RunReport(rejected=tuple(rejected_of(list(read_sources([tmp_path / "none"])))))
    shown = render_timeline((), report, "markdown")
    assert "## Rejected inputs (1)" in shown and "no such file or folder" in shown


def test_a_warc_date_that_is_no_date_is_noted_when_nothing_else_dates_the_page(
    tmp_path: Path,
) -> None:
    page = "<html><body><article>" + "".join(f"<p>{t}</p>" for t in STORIES) + "</article>"
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    path = _warc(tmp_path / "d.warc", head, page.encode(), crawled=b"0000-00-00T99:99:99Z")
    records = list(read_sources([path]))
    (article,) = articles_of(records)
    (dateless,) = notes_of(records)
    assert article.date is None and dateless.reason.startswith("WARC-Date not a valid date")


def test_bytes_after_gzip_data_are_noted_and_the_data_read(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": text}) + "\n" for text in STORIES).encode()
    trailer = tmp_path / "trailer.jsonl.gz"
    trailer.write_bytes(gzip.compress(lines) + b"\x00\x01garbage")
    members = tmp_path / "members.jsonl.gz"  # two members, as `cat a.gz b.gz` makes
    members.write_bytes(gzip.compress(lines[:100]) + gzip.compress(lines[100:]))
    records = list(read_sources([trailer, members]))
    assert [a.text for a in articles_of(records)] == STORIES + STORIES
    (ignored,) = notes_of(records)
    assert ignored.source.endswith("trailer.jsonl.gz")
    assert ignored.reason.startswith("bytes after the gzip data ignored")


def test_a_number_of_too_many_digits_is_one_bad_record_not_a_lost_file(tmp_path: Path) -> None:
    # Python reads at most 4,300 digits of an integer: json.loads raised a ValueError no
    # reader expected, and a 50,000-digit "date" broke the stream of its whole file.
    huge = "9" * 50_000
    lines = tmp_path / "huge.jsonl"
    lines.write_text(
        f'{{"date": {huge}, "text": "{STORIES[0]}"}}\n'
        + "".join(json.dumps({"text": text}) + "\n" for text in STORIES[1:]),
        encoding="utf-8",
    )
    feed = tmp_path / "feed.json"
    feed.write_text(
        '{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": '
        f'{huge}, "content_text": "{STORIES[0]}"}}]}}',
        encoding="utf-8",
    )
    # A page's JSON-LD block with such a number is skipped; the page is read.
    page = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{text}</p>" for text in STORIES)
    page.write_text(
        '<html><head><title>Budget</title><script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "wordCount": {huge}}}</script></head>'
        f"<body><article>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    records = list(read_sources([lines, feed, page]))
    texts = [a.text for a in articles_of(records)]
    assert texts[:2] == STORIES[1:] and STORIES[2] in texts[2]
    reasons = {r.source.rsplit("/", 1)[-1]: r.reason for r in rejected_of(records)}
    assert reasons == {
        "huge.jsonl:1": "not JSON: a number too long to read",
        "feed.json": "not a valid JSON Feed: a number too long to read",
    }


def test_an_id_or_a_url_that_is_a_list_is_no_id_or_link(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "lists.jsonl",
        [{"id": ["a15"], "text": STORIES[0], "url": ["http://x.example/a"]}],
    )
    (article,) = articles_of(list(read_sources([path])))
    assert "x.example" not in (article.url or "")  # the file's own line links it instead
    assert "[" not in article.id


def test_a_news_api_s_envelope_is_opened_to_its_list_of_articles(tmp_path: Path) -> None:
    # {"data": {"articles": [...]}}, {"response": {"results": [...]}}: had been one record
    # with "no text field".
    path = _jsonl(
        tmp_path / "api.jsonl",
        [
            {"status": "ok", "data": {"articles": [{"body": STORIES[0]}, "junk"]}},
            {"response": {"results": [{"headline": "Bridge", "content": STORIES[1]}]}},
            {"data": {"count": 0}},
        ],
    )
    records = list(read_sources([path]))
    assert [a.text for a in articles_of(records)] == STORIES[:2]
    reasons = sorted((r.source.rsplit("/", 1)[-1], r.reason) for r in rejected_of(records))
    assert reasons == [
        ("api.jsonl:1#data.articles[1]", "a JSON string, not an object"),
        ("api.jsonl:3", "no text field (text/maintext/content/body/article)"),
    ]


def test_a_feed_date_with_an_impossible_month_is_noted_not_carried_over(tmp_path: Path) -> None:
    # feedparser reads "2020-13-45" as 2021-01-01: a day no source wrote.
    feed = tmp_path / "feed.atom"
    feed.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Budget</title>'
        f"<updated>2020-13-45T99:99:99Z</updated><content>{STORIES[0]}</content></entry>"
        "<entry><title>Bridge</title><updated>2020-01-07T23:30:00-05:00</updated>"
        f"<content>{STORIES[1]}</content></entry></feed>",
        encoding="utf-8",
    )
    records = list(read_sources([feed]))
    assert [a.date for a in articles_of(records)] == [None, dt.date(2020, 1, 7)]
    (dateless,) = notes_of(records)
    assert "not a valid date: '2020-13-45T99:99:99Z'" in dateless.reason


# ---- the second hunt (2026-12-07): each of these lost articles or said nothing ---------


def _record(uri: str, text: str, version: bytes = b"WARC/1.0", extra_length: int = 0) -> bytes:
    """One WARC response record of an HTML page of ``text``; ``extra_length`` added to its
    Content-Length (a lying header)."""
    paragraphs = "".join(f"<p>{line}</p>" for line in (text, *STORIES))
    page = f"<html><body><article>{paragraphs}</article></body></html>".encode()
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    return (
        version + b"\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
        b"WARC-Target-URI: %s\r\nWARC-Date: 2020-01-07T10:00:00Z\r\n"
        b"Content-Length: %d\r\n\r\n"
        % (uri.encode()[-1:], uri.encode(), len(block) + extra_length)
        + block
        + b"\r\n\r\n"
    )


def test_a_cut_warc_gz_of_small_records_keeps_those_before_the_cut(tmp_path: Path) -> None:
    # One gzip member per record, cut inside the fourth: the buffered read that held the
    # three whole records had been dropped with the error, and no record was read.
    members = [gzip.compress(_record(f"https://e.org/{i}", STORIES[i % 3])) for i in range(4)]
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(b"".join(members[:3]) + members[3][: len(members[3]) // 2])
    records = list(read_sources([path]))
    assert [a.url for a in articles_of(records)] == [f"https://e.org/{i}" for i in range(3)]
    assert any(r.reason.startswith("stream broke after") for r in rejected_of(records))


def test_warc_records_the_reader_skips_are_counted(tmp_path: Path) -> None:
    # FastWARC passes over a record of an unknown version, and over the one after a
    # Content-Length too long: both had gone without a word.
    unknown = tmp_path / "version.warc"
    unknown.write_bytes(
        _record("https://e.org/1", STORIES[0])
        + _record("https://e.org/2", STORIES[1], version=b"WARC/9.9")
        + _record("https://e.org/3", STORIES[2])
    )
    overrun = tmp_path / "length.warc"
    overrun.write_bytes(
        _record("https://e.org/1", STORIES[0])
        + _record("https://e.org/2", STORIES[1], extra_length=20)
        + _record("https://e.org/3", STORIES[2])
    )
    whole = tmp_path / "whole.warc"
    whole.write_bytes(b"".join(_record(f"https://e.org/{i}", STORIES[i]) for i in range(3)))
    records = list(read_sources([unknown, overrun, whole]))
    assert len(articles_of(records)) == 2 + 2 + 3
    lost = [r for r in rejected_of(records) if r.reason.startswith("WARC records not read: 1 ")]
    assert [Path(r.source).name for r in lost] == ["version.warc", "length.warc"]


def test_a_feed_with_a_long_prolog_or_a_reference_to_no_character_is_read(
    tmp_path: Path,
) -> None:
    items = "".join(
        f"<item><title>Story {i}</title><link>https://e.org/{i}</link>"
        f"<description>{text}</description></item>"
        for i, text in enumerate(STORIES)
    )
    # A licence comment longer than the bytes sniffed: the feed had been read as a page.
    licence = "<!-- " + "Licensed under the terms of the publisher. " * 300 + "-->"
    long_prolog = tmp_path / "licence.xml"
    long_prolog.write_text(f'<?xml version="1.0"?>{licence}<rss><channel>{items}</channel></rss>')
    # A surrogate or an out-of-range reference in one item had lost the whole feed.
    broken = tmp_path / "refs.xml"
    bad_items = items.replace("Story 1", "Story &#xD800; 1").replace("Story 2", "Story &#x110000;")
    broken.write_text(f'<?xml version="1.0"?><rss><channel>{bad_items}</channel></rss>')
    records = list(read_sources([long_prolog, broken]))
    articles = articles_of(records)
    assert len(articles) == 6 and not rejected_of(records)
    assert "Story \ufffd 1" in [a.title for a in articles]
    (replaced,) = notes_of(records)
    assert replaced.reason.startswith("character references to no character replaced: 2")


def test_a_lone_surrogate_in_a_jsonl_title_keeps_its_record(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"title": "Bridge \ud800 opens", "text": STORIES[1]}) + "\n")
    records = list(read_sources([path]))
    (article,) = articles_of(records)
    assert article.title == "Bridge \ufffd opens"
    (replaced,) = notes_of(records)
    assert "lone surrogates" in replaced.reason


def test_a_boolean_date_is_noted(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "b.jsonl", [{"text": STORIES[0], "date": True}])
    records = list(read_sources([path]))
    (article,) = articles_of(records)
    (dateless,) = notes_of(records)
    assert article.date is None and "a boolean is not a date" in dateless.reason


# ---- the fifth hunt (2026-12-07 evening): crashes, hangs and silent drops ---------------


def test_a_name_too_long_and_a_glob_s_folders_and_dead_links_are_each_reported(
    tmp_path: Path,
) -> None:
    # A 300-character name had ended the run (OSError from Path.is_dir); a glob had
    # dropped the folders and the dead link it matched without a word.
    good = _jsonl(tmp_path / "good.jsonl", [{"text": STORIES[0]}])
    (tmp_path / "crawl").mkdir()
    _jsonl(tmp_path / "crawl" / "sub.jsonl", [{"text": STORIES[1]}])
    (tmp_path / "dead.jsonl").symlink_to(tmp_path / "nowhere")
    records = list(read_sources(["x" * 300, "x" * 300 + "*", str(tmp_path / "*")]))
    assert sorted(a.text for a in articles_of(records)) == sorted(STORIES[:2])
    reasons = {Path(r.source).name: r.reason for r in rejected_of(records)}
    assert reasons["x" * 300] == reasons["x" * 300 + "*"] == "cannot read: File name too long"
    assert reasons["dead.jsonl"].startswith("a link to nothing")
    assert good.exists()
    # "crawl/**" matches the folder and the file in it: the file is read once
    assert list(expand_sources([str(tmp_path / "crawl" / "**")])) == [
        tmp_path / "crawl" / "sub.jsonl"
    ]


def test_a_page_too_many_elements_or_attributes_is_refused_in_bounded_time(
    tmp_path: Path,
) -> None:
    # trafilatura's time grows with their square: 200,000 "<p>x</p>" took 292 CPU s, an
    # element of 200,000 attributes did not end.
    lead = f"<p>{STORIES[0]} {STORIES[1]}</p>"
    crowded = tmp_path / "crowded.html"
    crowded.write_text(f"<html><body>{lead}{'<p>x</p>' * 40_000}</body></html>")
    attributes = " ".join(f'a{i}="v"' for i in range(2_000))
    busy = tmp_path / "busy.html"
    busy.write_text(f"<html><body><article {attributes}>{lead}</article></body></html>")
    reasons = [r.reason for r in rejected_of(list(read_sources([crowded, busy])))]
    assert reasons == [
        "page of 40003 elements, more than 30000",
        "an element with more than 1000 attributes",
    ]


def test_an_input_that_holds_no_article_says_so(tmp_path: Path) -> None:
    # An empty JSON list, a table of headers only, a crawl of requests: they had vanished.
    empty = tmp_path / "empty.json"
    empty.write_text("[\n]\n")
    headers = tmp_path / "headers.csv"
    headers.write_text("title,text\n")
    records = list(read_sources([empty, headers]))
    assert [(Path(r.source).name, r.reason) for r in rejected_of(records)] == [
        ("empty.json", "holds no article"),
        ("headers.csv", "holds no article"),
    ]


def test_tables_of_other_delimiters_line_ends_and_a_column_named_twice(tmp_path: Path) -> None:
    semicolons = tmp_path / "semicolons.csv"
    semicolons.write_text(f'title;text\nBudget;"{STORIES[0]}"\nBridge;"{STORIES[1]}"\n')
    old_mac = tmp_path / "old_mac.csv"
    old_mac.write_text(f'title,text\r"Robber","{STORIES[2]}"\r', newline="")
    twice = tmp_path / "twice.csv"
    twice.write_text(f'title,text,text\nBudget,"{STORIES[0]}","{STORIES[1]}"\n')
    records = list(read_sources([semicolons, old_mac, twice]))
    texts = [a.text for a in articles_of(records)]
    assert texts == [STORIES[0], STORIES[1], STORIES[2], STORIES[0]]
    assert [r.reason for r in notes_of(records)] == ["columns named twice, the first read: text"]


def test_a_warc_resource_record_of_a_page_is_read(tmp_path: Path) -> None:
    # warcit stores saved pages as resource records: they had been skipped as "not pages".
    page = f"<html><body><article><p>{STORIES[0]}</p><p>{STORIES[1]}</p></article></body></html>"
    block = page.encode()
    crawl = tmp_path / "saved.warc"
    crawl.write_bytes(
        b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"WARC-Target-URI: https://e.org/budget\r\nWARC-Date: 2020-01-07T10:00:00Z\r\n"
        b"Content-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(block) + block + b"\r\n\r\n"
    )
    (article,) = articles_of(list(read_sources([crawl])))
    assert article.url == "https://e.org/budget" and STORIES[1] in article.text


def test_elements_the_parser_keeps_as_raw_text_are_no_text_of_a_page(tmp_path: Path) -> None:
    # "...officials said. <p>Police in Oslo said" had been a key point.
    raw = "<p>Police in Oslo said a tram derailed.</p>"
    for tag in ("textarea", "iframe", "noframes", "noembed", "xmp"):
        page = tmp_path / f"{tag}.html"
        page.write_text(
            f"<html><body><article><p>{STORIES[0]}</p><{tag}>{raw}</{tag}>"
            f"<p>{STORIES[1]}</p></article></body></html>"
        )
        (article,) = articles_of(list(read_sources([page])))
        assert "Oslo" not in article.text and STORIES[1] in article.text, tag
