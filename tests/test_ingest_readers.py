"""Readers on real pages of the ScrapingHub benchmark: HTML, WARC, RSS/Atom, with bad input
mixed in. Every good record before and after a bad one must be read."""

from __future__ import annotations

import bz2
import codecs
import gzip
import json
import lzma
from html import escape
from pathlib import Path

import pytest
from reader_support import articles_of, rejected_of

from newsbrief.config import IngestConfig
from newsbrief.ingest import read_sources
from newsbrief.ingest.html import extract_html_article
from newsbrief.model import Article, Rejected

# Three news pages of the benchmark: WSJ, New York Times opinion, an AP story on ctpost.com.
PAGE_IDS = (
    "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856",
    "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34",
    "05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f",
)


@pytest.fixture(scope="module")
def pages(shared_data: Path) -> list[dict[str, object]]:
    """The three pages: gold row (url, text) plus the raw HTML bytes."""
    folder = shared_data / "extraction" / "scrapinghub"
    rows = {}
    with open(folder / "gold.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["id"] in PAGE_IDS:
                row["bytes"] = gzip.decompress((folder / row["html"]).read_bytes())
                rows[row["id"]] = row
    return [rows[page_id] for page_id in PAGE_IDS]


def _overlap(text: str, gold: str) -> float:
    """Share of the gold's words that the extracted text contains."""
    words = set(text.split())
    gold_words = gold.split()
    return sum(w in words for w in gold_words) / len(gold_words)


def test_html_page_gives_text_and_metadata(pages: list[dict[str, object]], tmp_path: Path) -> None:
    page = pages[2]
    path = tmp_path / "story.html"
    path.write_bytes(page["bytes"])  # type: ignore[arg-type]
    (article,) = list(read_sources([path]))
    assert isinstance(article, Article)
    assert article.title == "New SUVs and electric vehicles highlight L.A. Auto Show"
    assert article.url is not None and "ctpost.com" in article.url  # the page's own URL
    assert article.date is not None and article.date.isoformat() == "2019-11-20"
    assert article.language == "en"
    assert article.source
    assert _overlap(article.text, str(page["text"])) > 0.9
    assert len(article.paragraphs) > 5  # paragraphs are kept
    assert not article.text.startswith(article.title)  # the headline is not body text


def test_html_reader_reads_compressed_pages(pages: list[dict[str, object]], tmp_path: Path) -> None:
    data = pages[0]["bytes"]
    assert isinstance(data, bytes)
    (tmp_path / "a.gz").write_bytes(gzip.compress(data))
    (tmp_path / "b.bz2").write_bytes(bz2.compress(data))
    (tmp_path / "c.xz").write_bytes(lzma.compress(data))
    records = list(read_sources([tmp_path]))
    articles = articles_of(records)
    assert len(articles) == 3 and not rejected_of(records)
    assert len({a.id for a in articles}) == 1  # the same page, the same id


def test_bad_html_inputs_are_rejected_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "1_nav.html").write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
    )
    big = tmp_path / "2_big.html"
    with open(big, "wb") as handle:
        handle.write(b"<html><body>")
        chunk = b"<p>" + b"word " * 2000 + b"</p>\n"
        for _ in range(50 * 1024 * 1024 // len(chunk) + 2):
            handle.write(chunk)
    records = list(read_sources([tmp_path]))
    assert [type(r) for r in records] == [Rejected, Rejected]
    assert "no article text" in records[0].reason or "characters" in records[0].reason
    assert "larger than" in records[1].reason


def test_invalid_utf8_page_keeps_its_text(pages: list[dict[str, object]]) -> None:
    data = pages[2]["bytes"]
    assert isinstance(data, bytes)
    broken = data.replace(b"Auto Show", b"Auto \xff\xfe Show", 3)
    article = extract_html_article(broken, url=None, origin="broken.html")
    assert isinstance(article, Article)
    assert _overlap(article.text, str(pages[2]["text"])) > 0.9


def _warc_record(warc_type: str, url: str, block: bytes, number: int) -> bytes:
    """One WARC/1.0 record, written out as the format specifies."""
    kind = "response" if warc_type == "response" else "request"
    head = (
        f"WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2019-11-21T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:record-{number}>\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def _http_response(body: bytes, content_type: str) -> bytes:
    return (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body


def _build_warc(pages: list[dict[str, object]], *, compress: bool) -> bytes:
    """A crawl: page, robots.txt, a broken record, garbage, page, request, page."""
    bodies = [page["bytes"] for page in pages]
    urls = [str(page["url"]) for page in pages]
    records = [
        _warc_record("response", urls[0], _http_response(bodies[0], "text/html"), 1),  # type: ignore[arg-type]
        _warc_record(
            "response",
            "https://example.org/robots.txt",
            _http_response(b"User-agent: *\n", "text/plain"),
            2,
        ),
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:broken>\r\n"
        b"Content-Length: 40\r\n\r\nthis is no HTTP response at all........\r\n\r\n",
        _warc_record("response", urls[1], _http_response(bodies[1], "text/html; charset=utf-8"), 3),  # type: ignore[arg-type]
        _warc_record("request", urls[2], b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n", 4),
        _warc_record("response", urls[2], _http_response(bodies[2], "text/html"), 5),  # type: ignore[arg-type]
    ]
    # A WARC.gz is one gzip member per record.
    return b"".join(gzip.compress(r) if compress else r for r in records)


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_warc_reads_every_page_around_a_broken_record(
    pages: list[dict[str, object]], tmp_path: Path, compress: bool
) -> None:
    path = tmp_path / "crawl.bin"  # no telling extension: chosen by content
    path.write_bytes(_build_warc(pages, compress=compress))
    records = list(read_sources([path]))
    articles = articles_of(records)
    assert [a.url for a in articles] == [p["url"] for p in pages]
    for article, page in zip(articles, pages, strict=True):
        assert _overlap(article.text, str(page["text"])) > 0.85
        assert article.date is not None
    (broken,) = rejected_of(records)
    assert "broken" in broken.source and "HTTP" in broken.reason


def test_truncated_warc_gz_keeps_the_records_before_the_cut(
    pages: list[dict[str, object]], tmp_path: Path
) -> None:
    data = _build_warc(pages, compress=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 5000])
    records = list(read_sources([path]))
    assert [a.url for a in articles_of(records)] == [pages[0]["url"], pages[1]["url"]]
    assert any("stream broke" in r.reason for r in rejected_of(records))


def _rss(pages: list[dict[str, object]]) -> str:
    items = []
    for page in pages:
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in str(page["text"]).split("\n"))
        items.append(
            f"<item><title>Story {page['id']!s:.8}</title><link>{escape(str(page['url']))}</link>"
            f"<pubDate>Wed, 20 Nov 2019 08:00:00 GMT</pubDate>"
            f"<description>{escape(paragraphs)}</description></item>"
        )
    items.insert(1, "<item><title>Empty entry</title><link>https://example.org/x</link></item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Benchmark News</title><link>https://news.example.org/</link>{''.join(items)}"
        "</channel></rss>"
    )


def test_rss_feed_gives_one_article_per_entry(
    pages: list[dict[str, object]], tmp_path: Path
) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(_rss(pages), encoding="utf-8")
    records = list(read_sources([path]))
    articles = articles_of(records)
    assert [a.url for a in articles] == [p["url"] for p in pages]
    assert all(a.source == "Benchmark News" for a in articles)
    assert all(a.date is not None and a.date.isoformat() == "2019-11-20" for a in articles)
    for article, page in zip(articles, pages, strict=True):
        assert _overlap(article.text, str(page["text"])) > 0.9
        assert "<p>" not in article.text
    (empty,) = rejected_of(records)
    assert empty.source.endswith("#entry2") and "no content" in empty.reason


def test_a_jsonl_body_in_html_is_read_like_a_feed_entry(
    pages: list[dict[str, object]], tmp_path: Path
) -> None:
    # A CMS or feed export: each record's body is the story's paragraphs in HTML, as the
    # RSS entries above carry them, with an inline link and image.
    path = tmp_path / "export.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for page in pages:
            paragraphs = [f"<p>{escape(p)}</p>" for p in str(page["text"]).split("\n")]
            paragraphs.insert(1, '<p><a href="https://x.example/">Read more</a><img src="x"></p>')
            record = {"url": page["url"], "content": "".join(paragraphs)}
            handle.write(json.dumps(record) + "\n")
    feed = tmp_path / "feed.xml"
    feed.write_text(_rss(pages), encoding="utf-8")
    from_json = articles_of(list(read_sources([path])))
    from_feed = articles_of(list(read_sources([feed])))
    assert len(from_json) == len(pages)
    for article, entry, page in zip(from_json, from_feed, pages, strict=True):
        assert "<p>" not in article.text and "<img" not in article.text
        assert _overlap(article.text, str(page["text"])) > 0.9
        assert _overlap(article.text, entry.text) > 0.9


def test_atom_feed_with_short_html_summaries(tmp_path: Path) -> None:
    path = tmp_path / "atom.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Seed Wire</title>'
        "<entry><title>Canada moves troops from Iraq to Kuwait</title>"
        '<link href="https://wire.example.org/canada-troops"/>'
        "<updated>2020-01-07T12:00:00Z</updated>"
        '<summary type="html">&lt;p&gt;Canada is moving some of its troops out of Iraq '
        "to Kuwait for their safety, the chief of the defence staff said on Tuesday.&lt;/p&gt;"
        "</summary></entry></feed>",
        encoding="utf-8",
    )
    (article,) = list(read_sources([path]))
    assert isinstance(article, Article)
    assert article.text.startswith("Canada is moving some of its troops out of Iraq")
    assert article.date is not None and article.date.isoformat() == "2020-01-07"
    assert article.source == "Seed Wire" and article.language == "en"


def test_feed_that_is_not_xml_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel \x00\x01 garbage {"a": 1')
    records = list(read_sources([path]))
    assert len(records) == 1 and isinstance(records[0], Rejected)
    assert "feed" in records[0].reason


def test_mixed_folder_reads_all_good_inputs(
    pages: list[dict[str, object]], tmp_path: Path, seeds_dir: Path
) -> None:
    (tmp_path / "a_page.html").write_bytes(pages[0]["bytes"])  # type: ignore[arg-type]
    (tmp_path / "b_seed.txt").write_bytes((seeds_dir / "001_f88b07217f8b218e.txt").read_bytes())
    (tmp_path / "c_dump.jsonl").write_text(
        json.dumps(
            {
                "maintext": "Troops moved to Kuwait. " * 5,
                "title": "Troops",
                "date_publish": "2020-01-07 10:00:00",
                "source_domain": "cbc.ca",
            }
        )
        + "\n"
        + json.dumps({"title": "no text here"})
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "d_empty.txt").write_bytes(b"")
    (tmp_path / "e_feed.xml").write_text(_rss(pages[1:2]), encoding="utf-8")
    records = list(read_sources([tmp_path], IngestConfig()))
    articles = articles_of(records)
    assert len(articles) == 4
    assert articles[2].source == "cbc.ca" and articles[2].date is not None
    reasons = [r.reason for r in rejected_of(records)]
    assert len(reasons) == 3
    assert any("no text field" in r for r in reasons) and any("empty" in r for r in reasons)


def test_invalid_utf8_text_is_kept_and_reported(tmp_path: Path, seeds_dir: Path) -> None:
    seed = (seeds_dir / "001_f88b07217f8b218e.txt").read_bytes()
    path = tmp_path / "seed.txt"
    path.write_bytes(seed[:200] + b"\xff\xfe" + seed[200:])
    article, report = list(read_sources([path]))
    assert isinstance(article, Article) and "Kuwait" in article.text
    assert isinstance(report, Rejected) and "invalid UTF-8 at byte 200" in report.reason


def test_invalid_bytes_after_a_byte_order_mark_are_reported(
    tmp_path: Path, seeds_dir: Path
) -> None:
    # A UTF-8 mark, then bytes that are no UTF-8: read as the mark says, and said so.
    seed = (seeds_dir / "001_f88b07217f8b218e.txt").read_bytes()
    path = tmp_path / "seed.txt"
    path.write_bytes(codecs.BOM_UTF8 + seed[:200] + b"\xff\xfe" + seed[200:])
    article, report = list(read_sources([path]))
    assert isinstance(article, Article) and "Kuwait" in article.text
    assert isinstance(report, Rejected)
    assert "invalid utf-8 after its byte-order mark at byte 203" in report.reason


def test_truncated_gzip_jsonl_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": f"Article number {n} about troops moving to Kuwait.", "title": str(n)})
        for n in range(2000)
    ]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    records = list(read_sources([path]))
    articles = articles_of(records)
    assert 0 < len(articles) < 2000
    assert [a.title for a in articles] == [str(n) for n in range(len(articles))]
    (broken,) = rejected_of(records)
    assert "stream broke" in broken.reason


def _seed_records(seeds_dir: Path) -> list[dict[str, str]]:
    """The five seed reports as the records a scraper's JSON export holds."""
    articles = articles_of(list(read_sources([seeds_dir])))
    return [{"title": a.title or "", "text": a.text} for a in articles]


def test_json_documents_are_read_like_json_lines(seeds_dir: Path, tmp_path: Path) -> None:
    records = _seed_records(seeds_dir)
    lines = tmp_path / "dump.jsonl"
    lines.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    expected = [(a.title, a.text) for a in articles_of(read_sources([lines]))]
    assert len(expected) == 5
    # an array, as an export writes it (pretty-printed), and an object holding the list
    array = tmp_path / "export.json"
    array.write_text(json.dumps(records, indent=2), encoding="utf-8")
    nested = tmp_path / "cluster.json"
    nested.write_text('{"articles": [\n' + ",\n".join(map(json.dumps, records)) + "\n]}")
    for path in (array, nested):
        read = list(read_sources([path]))
        assert not rejected_of(read)
        assert [(a.title, a.text) for a in articles_of(read)] == expected
    assert articles_of(read_sources([array]))[2].url == f"{array.as_uri()}#item3"
    # one record written over many lines
    single = tmp_path / "one.json"
    single.write_text(json.dumps(records[0], indent=2), encoding="utf-8")
    assert [(a.title, a.text) for a in articles_of(read_sources([single]))] == expected[:1]


def test_a_broken_json_document_is_one_rejection_with_its_place(
    seeds_dir: Path, tmp_path: Path
) -> None:
    records = _seed_records(seeds_dir)
    text = json.dumps(records, indent=2)
    path = tmp_path / "export.json"
    path.write_text(text[:-200] + "\n", encoding="utf-8")  # cut short
    read = list(read_sources([path]))
    (rejected,) = rejected_of(read)
    assert rejected.source == str(path) and rejected.reason.startswith("not JSON: ")
    assert f"at line {text[:-200].count(chr(10)) + 1}, column" in rejected.reason
    assert not articles_of(read)


def test_json_lines_with_a_bad_first_line_keep_the_others(seeds_dir: Path, tmp_path: Path) -> None:
    # A first line that is an array nested past the parser's depth, or a record cut in
    # two: the other lines are records all the same, in a small file or in one over the
    # bound of a JSON document read whole (``max_record_bytes``, 10,000 bytes here).
    records = _seed_records(seeds_dir)
    rest = "".join(json.dumps(r) + "\n" for r in records)
    cases = [
        ("[" * 2000 + "]" * 2000, "nested too deeply", 50 * 1024 * 1024),
        ('{"title": "cut', "not JSON: ", 50 * 1024 * 1024),
        ('{"title": "cut', "not JSON: ", 10_000),
    ]
    for first, reason, limit in cases:
        path = tmp_path / "dump.jsonl"
        path.write_text(first + "\n" + rest, encoding="utf-8")
        assert path.stat().st_size > 10_000
        read = list(read_sources([path], IngestConfig(max_record_bytes=limit)))
        (rejected,) = rejected_of(read)
        assert rejected.source == f"{path}:1" and reason in rejected.reason
        assert [a.text for a in articles_of(read)] == [r["text"] for r in records]


def test_json_lines_with_two_bad_first_lines_keep_the_others(
    seeds_dir: Path, tmp_path: Path
) -> None:
    # A record cut in two across the first two lines: each line is rejected with its
    # reason, the records after them are read (the whole file had been one rejection).
    records = _seed_records(seeds_dir)
    path = tmp_path / "dump.jsonl"
    rest = "".join(json.dumps(r) + "\n" for r in records)
    path.write_text('{"id": "a", "text": "broken\n{not json}\n' + rest, encoding="utf-8")
    read = list(read_sources([path]))
    assert [r.source for r in rejected_of(read)] == [f"{path}:1", f"{path}:2"]
    assert [a.text for a in articles_of(read)] == [r["text"] for r in records]


def test_a_text_opening_on_a_bracketed_credit_is_text(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("[Reuters] Police said on Monday that 40 people were arrested.\n")
    (article,) = articles_of(read_sources([path]))
    assert article.text.startswith("[Reuters] Police said")


def test_archives_documents_and_images_are_named_not_read_as_text(
    seeds_dir: Path, tmp_path: Path
) -> None:
    import tarfile
    import zipfile

    seed = sorted(seeds_dir.iterdir())[0]
    with zipfile.ZipFile(tmp_path / "seeds.zip", "w") as archive:
        archive.write(seed, seed.name)
    with tarfile.open(tmp_path / "seeds.tar.gz", "w:gz") as archive:
        archive.add(seed, seed.name)
    # a PDF whose head holds no NUL byte: it had been read as text, headlined "%PDF-1.4."
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n")
    read = list(read_sources([tmp_path]))
    assert not articles_of(read)
    reasons = {Path(r.source).name: r.reason for r in rejected_of(read)}
    assert reasons == {
        "seeds.zip": "a ZIP archive or Office document, not news text:"
        " unpack it and give the folder",
        "seeds.tar.gz": "a tar archive, not news text: unpack it and give the folder",
        "report.pdf": "a PDF document, not news text: newsbrief reads HTML, RSS/Atom/JSON feeds,"
        " WARC, JSON Lines, JSON, CSV and text",
    }


FIRE = "A fire in Lima killed 3 people on Monday, police said. Firefighters fought it for hours."
FLOOD = "Floods in Dhaka killed 20 people on Friday, officials said. Thousands were evacuated."


def test_a_csv_or_tsv_table_of_articles_is_read_row_by_row(tmp_path: Path) -> None:
    # A table of articles had been read as one text: its rows one article, the headline
    # "Fire in Lima,2024-01-01,A fire in Lima killed 3 people, police say."
    csv_path = tmp_path / "articles.csv"
    csv_path.write_text(
        "\ufefftitle,date,text\n"  # a spreadsheet's byte-order mark
        f'"Fire in Lima","2024-01-01","{FIRE}"\n'
        '"Nothing","2024-01-02",""\n'
        f'"Flood in Dhaka","2024-01-03","{FLOOD}\n\nA second paragraph, with a comma."\n',
        encoding="utf-8",
    )
    tsv_path = tmp_path / "articles.tsv"
    tsv_path.write_text(f"headline\tbody\nFire in Lima\t{FIRE}\n", encoding="utf-8")
    records = list(read_sources([csv_path, tsv_path]))
    articles = articles_of(records)
    assert [(a.title, str(a.date)) for a in articles] == [
        ("Fire in Lima", "2024-01-01"),
        ("Flood in Dhaka", "2024-01-03"),
        ("Fire in Lima", "None"),
    ]
    assert articles[1].text.endswith("A second paragraph, with a comma.")
    assert [r.source for r in rejected_of(records)] == [f"{csv_path}#row2"]
    # A text whose first line has commas but names no text column stays a text.
    for n, first_line in enumerate(["Lima, Peru, Monday", "Body, mind and soul: a review"]):
        prose = tmp_path / f"prose{n}.txt"
        prose.write_text(f"{first_line}\n\n{FIRE}", encoding="utf-8")
        (article,) = articles_of(list(read_sources([prose])))
        assert "Firefighters" in article.text


def test_a_calendar_or_contact_file_is_named_not_briefed(tmp_path: Path) -> None:
    path = tmp_path / "meeting.ics"
    path.write_text("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:Council\n", "utf-8")
    (rejected,) = rejected_of(list(read_sources([path])))
    assert rejected.reason.startswith("an iCalendar file, not news text")


def test_a_markdown_file_gives_its_front_matter_and_loses_its_markup(tmp_path: Path) -> None:
    # "**Genoa** on Tuesday" had made the headline "... collapses in **Genoa** on, killing".
    path = tmp_path / "post.md"
    path.write_text(
        '---\ntitle: "Bridge collapse in Genoa"\ndate: 2018-08-14\n---\n\n'
        "# Bridge collapse in Genoa\n\nA motorway bridge collapsed in **Genoa** on Tuesday,"
        " killing at least 35 people, officials said. [More](https://example.com/a) and"
        " ![a photo](photo.jpg) `here`.\n",
        encoding="utf-8",
    )
    (article,) = articles_of(list(read_sources([path])))
    assert (article.title, str(article.date)) == ("Bridge collapse in Genoa", "2018-08-14")
    assert article.text == (
        "A motorway bridge collapsed in Genoa on Tuesday, killing at least 35 people,"
        " officials said. More and here."
    )
    # Hugo's TOML front matter ("+++", "key = value") had been the article's first lines.
    hugo = tmp_path / "hugo.md"
    hugo.write_text(
        '+++\ntitle = "Bridge collapse in Genoa"\ndate = 2018-08-14T10:00:00Z\n+++\n\n'
        "A motorway bridge collapsed in Genoa on Tuesday, killing at least 35 people.\n",
        encoding="utf-8",
    )
    (article,) = articles_of(list(read_sources([hugo])))
    assert (article.title, str(article.date)) == ("Bridge collapse in Genoa", "2018-08-14")
    assert article.text.startswith("A motorway bridge collapsed")
