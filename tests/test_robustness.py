"""Every real input ends as articles or a reported rejection: real feeds (with feed-rs'
parsed output as the expected titles, links and dates), real WARC files, colliding JSONL
ids of Timeline17, over-long records, legacy encodings, hidden files."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from reader_support import articles_of, notes_of, rejected_of

from newsbrief.config import Config, IngestConfig
from newsbrief.ingest import read_sources
from newsbrief.model import Article, Rejected
from newsbrief.pipeline import read_articles
from newsbrief.store import ingest

# ---- feeds ------------------------------------------------------------------------------


def _feed_files(shared_data: Path) -> list[Path]:
    root = shared_data / "robustness" / "news_feeds"
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix in (".xml", ".json") and "expected" not in p.parts
    )


def _expected_entries(feed: Path) -> list[dict[str, object]] | None:
    expected = feed.parent.parent / "expected" / feed.parent.name / f"{feed.stem}.serde.json"
    if not expected.exists():
        return None
    entries: list[dict[str, object]] = json.loads(expected.read_text(encoding="utf-8"))["entries"]
    return entries


def _entry_records(records: list[Article | Rejected]) -> dict[int, Article | Rejected]:
    """The article or rejection of each feed entry, by entry number."""
    by_entry: dict[int, Article | Rejected] = {}
    for record in records:
        where = record.origin if isinstance(record, Article) else record.source
        match = re.search(r"#entry(\d+)$", where or "")
        if match and not (isinstance(record, Rejected) and record.stage == "note"):
            by_entry[int(match[1])] = record
    return by_entry


def _same_url(ours: str | None, theirs: list[str]) -> bool:
    # feed-rs lower-cases host names ("www.Dicas-L.com.br"); the rest must be equal.
    return ours is not None and ours.lower() in [t.lower() for t in theirs]


def test_every_real_feed_entry_is_an_article_with_its_title_or_a_rejection(
    shared_data: Path,
) -> None:
    entries = titles = links = linked = dates = dated = 0
    for feed in _feed_files(shared_data):
        records = list(read_sources([feed]))
        assert records, f"{feed.name}: nothing reported"
        expected = _expected_entries(feed)
        if expected is None:
            continue  # invalid XML, sitemap, bare XML: articles or rejections, checked above
        by_entry = _entry_records(records)
        assert sorted(by_entry) == list(range(1, len(expected) + 1)), feed.name
        for number, entry in enumerate(expected, start=1):
            entries += 1
            record = by_entry[number]
            if isinstance(record, Rejected):
                assert record.reason  # e.g. "feed entry has no content or summary"
                continue
            title = entry["title"]
            want = " ".join(title["content"].split()) if isinstance(title, dict) else None
            assert record.title == want, f"{feed.name}#{number}"
            titles += 1
            hrefs = [str(link["href"]) for link in entry["links"]]  # type: ignore[attr-defined]
            linked += bool(hrefs)
            links += bool(hrefs) and _same_url(record.url, hrefs)
            stamp = entry["published"] or entry["updated"]
            if isinstance(stamp, str):
                dated += 1
                utc_day = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).date()
                # The day as written may be one off the UTC day (a +01:00 stamp at 00:38).
                dates += record.date is not None and abs((record.date - utc_day).days) <= 1
    # Measured: 102 entries, 100 articles (every title right), 2 rejected without text;
    # 97 of 99 linked entries agree (feed-rs ignores RSS <guid> permalinks); 86 of 86 dates.
    assert entries == 102 and titles == 100
    assert links >= linked - 2
    assert dates == dated


def test_json_feed_is_read_as_a_feed(shared_data: Path) -> None:
    feed = shared_data / "robustness/news_feeds/feed-rs/jsonfeed/jsonfeed_example_1.json"
    articles = articles_of(list(read_sources([feed])))
    assert [a.title for a in articles] == [
        "How Jeff Bezos’s iPhone X Was Hacked",
        "Instagram for Windows 95",
    ]
    assert articles[0].source == "Daring Fireball"
    assert articles[0].date == dt.date(2020, 1, 24)
    assert "iPhone X" in articles[0].text


def test_a_sitemap_or_an_opml_outline_is_rejected_as_a_list_of_links(
    shared_data: Path, tmp_path: Path
) -> None:
    # A news sitemap's entries (<loc>, <news:title>, a date) were read as one page and
    # briefed as their text run together, a URL and a time stamp in the headline.
    feeds = shared_data / "robustness/news_feeds/crawler-commons"
    sitemap = feeds / "sitemaps__extension__shinpaideshou-news-sitemap.xml"
    outline = tmp_path / "feeds.xml"
    outline.write_text(
        '<?xml version="1.0"?>\n<opml version="2.0"><head><title>News</title></head><body>'
        '<outline text="BBC" type="rss" xmlUrl="https://feeds.bbci.co.uk/news/rss.xml"/>'
        "</body></opml>\n"
    )
    for path, kind in ((sitemap, "a sitemap"), (outline, "an OPML outline")):
        records = list(read_sources([path]))
        assert articles_of(records) == []
        assert [r.reason.split(" (")[0] for r in rejected_of(records)] == [kind]


# ---- WARC -------------------------------------------------------------------------------


def test_real_warc_files_account_for_every_record(shared_data: Path) -> None:
    folder = shared_data / "robustness" / "warc_real"
    crawl = list(read_sources([folder / "warcfile.warc.gz"]))
    # 16 HTML responses: 15 pages with text, one without an HTML payload (counted).
    assert len(articles_of(crawl)) == 15 and not rejected_of(crawl)
    (counted,) = notes_of(crawl)
    assert "17 request" in counted.reason and "16 metadata" in counted.reason
    assert "1 non-HTML response" in counted.reason

    clipped = list(read_sources([folder / "clipped.warc.gz"]))
    assert not articles_of(clipped)
    reasons = [r.reason for r in rejected_of(clipped)]
    assert any(reason.startswith("record cut short") for reason in reasons)
    assert any(reason.startswith("stream broke") for reason in reasons)

    quirk = list(read_sources([folder / "clueweb-quirk.warc.gz"]))
    # 29 EUC-JP pages despite the malformed WARC-Date; every one has a date from its page.
    assert len(articles_of(quirk)) == 29
    assert all(a.date is not None for a in articles_of(quirk))
    assert any("ヘッドポーター" in (a.title or "") for a in articles_of(quirk))


HTTP_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"


def _response_record(body: bytes, declared_length: int) -> bytes:
    block = HTTP_HEAD + body
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:cut>\r\n"
        b"WARC-Target-URI: https://example.org/story\r\nWARC-Date: 2020-01-07T10:00:00Z\r\n"
        b"Content-Length: %d\r\n\r\n" % (len(block) + declared_length)
    ) + block


def test_garbage_and_cut_short_warc_files_are_reported(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(
        b"WARC/1.0\r\n" + bytes(random.Random(3).randrange(1, 256) for _ in range(4000))
    )
    page = b"<html><body><p>" + b"The council voted on the budget on Tuesday. " * 20 + b"</p>"
    cut = tmp_path / "cut.warc"
    cut.write_bytes(_response_record(page, declared_length=500))
    records = list(read_sources([garbage, cut]))
    assert not articles_of(records)
    reasons = {Path(r.source.split("#")[0]).name: r.reason for r in rejected_of(records)}
    assert reasons["garbage.warc"].startswith("no WARC record found")
    block = len(HTTP_HEAD) + len(page)
    assert reasons["cut.warc"] == f"record cut short: {block} of {block + 500} bytes"


# ---- folders ----------------------------------------------------------------------------


def test_hidden_files_and_special_files_are_reported(tmp_path: Path, seeds_dir: Path) -> None:
    seed = next(seeds_dir.glob("000_*.txt")).read_bytes()
    (tmp_path / "story.txt").write_bytes(seed)
    (tmp_path / ".draft.txt").write_bytes(seed)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[core]\n")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    records = list(read_sources([tmp_path]))
    assert len(articles_of(records)) == 1
    (hidden,) = notes_of(records)
    assert hidden.source == str(tmp_path) and "skipped 2 hidden" in hidden.reason
    assert ".draft.txt" in hidden.reason and ".git" in hidden.reason
    (dangling,) = rejected_of(records)
    assert dangling.source.endswith("gone.txt") and "not a regular file" in dangling.reason


def test_a_folders_documentation_is_a_note_not_a_story(tmp_path: Path, seeds_dir: Path) -> None:
    # shared/data/robustness: its SOURCES.md and LICENSE.resiliparse were briefed as stories.
    seed = next(seeds_dir.glob("000_*.txt")).read_bytes()
    (tmp_path / "story.txt").write_bytes(seed)
    (tmp_path / "README.md").write_text("# Reports of one week\n\nCollected by hand.\n")
    (tmp_path / "crawl").mkdir()
    (tmp_path / "crawl" / "LICENSE.resiliparse").write_text("Apache License, Version 2.0.\n")
    (tmp_path / "crawl" / "SOURCES.md").write_text("Common Crawl samples.\n")
    records = list(read_sources([tmp_path]))
    assert len(articles_of(records)) == 1 and not rejected_of(records)
    (note,) = notes_of(records)
    assert note.source == str(tmp_path) and "skipped 3 files of the folder's documentation" in (
        note.reason
    )
    # Named as a file, it is read.
    assert articles_of(list(read_sources([tmp_path / "crawl" / "SOURCES.md"])))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders without permission bits")
def test_an_unreadable_subfolder_is_reported(tmp_path: Path, seeds_dir: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_bytes(next(seeds_dir.glob("000_*.txt")).read_bytes())
    locked.chmod(0)
    try:
        records = list(read_sources([tmp_path]))
    finally:
        locked.chmod(0o755)
    assert any("locked" in r.source and "cannot read" in r.reason for r in rejected_of(records))


# ---- over-long records ------------------------------------------------------------------


def test_a_200_mb_jsonl_line_is_rejected_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    record = json.dumps({"id": "next", "text": "The record after the giant line is read."})
    with gzip.open(path, "wb", compresslevel=1) as handle:
        handle.write(b'{"id": "giant", "text": "')
        chunk = b"a" * (8 * 1024 * 1024)
        for _ in range(25):  # 200 MB of one character: about 200 KB compressed
            handle.write(chunk)
        handle.write(b'"}\n' + record.encode() + b"\n")
    config = IngestConfig(max_record_bytes=4 * 1024 * 1024)
    tracemalloc.start()
    try:
        records = list(read_sources([path], config))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    (giant,) = rejected_of(records)
    assert giant.source.endswith("dump.jsonl.gz:1") and "larger than" in giant.reason
    (article,) = articles_of(records)
    assert article.id == "next"
    # The line is never held: peak stays near one record's cap, not 200 MB.
    assert peak < 4 * config.max_record_bytes


def test_an_over_long_text_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(b"word " * 300_000)
    (rejected,) = list(read_sources([path], IngestConfig(max_record_bytes=1_000_000)))
    assert isinstance(rejected, Rejected) and "larger than 1000000 bytes" in rejected.reason


def test_over_long_metadata_is_cut_and_noted(tmp_path: Path) -> None:
    text = "The city council voted on Tuesday to approve the new budget, the mayor said."
    record = {
        "id": "x" * 5000,
        "title": "Budget " + "very " * 40_000 + "long",
        "source": "s" * 50_000,
        "url": "https://example.com/" + "a" * 100_000,
        "text": text,
    }
    path = tmp_path / "fields.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    records = list(read_sources([path]))
    (article,) = articles_of(records)
    assert article.text == text
    assert len(article.title or "") <= 401 and (article.title or "").startswith("Budget very")
    assert len(article.source or "") <= 201 and article.url is None
    assert len(article.id) < 100 and article.id.startswith("x" * 64)
    reasons = sorted(r.reason for r in notes_of(records))
    assert reasons == [
        "URL of 100020 characters dropped; the article was kept",
        "id of 5000 characters shortened; the article was kept",
        "source of 50000 characters cut to 200; the article was kept",
        "title of 200011 characters cut to 400; the article was kept",
    ]


def test_half_characters_from_json_escapes_and_file_names_are_replaced_and_noted(
    tmp_path: Path,
) -> None:
    # "\ud800" in JSON is half of a UTF-16 pair: Python reads it as a lone surrogate, which
    # no UTF-8 encoder takes (the encoder, SQLite and stdout all failed on it). A file
    # name's undecodable byte reaches Python the same way.
    lines = [
        '{"id": "a", "title": "Bridge \\ud800 collapse", "text": "The Springfield bridge '
        'collapsed on Monday, injuring 40 people. \\udfff Rescue teams worked all night.", '
        '"source": "Daily \\udbff News", "date": "2020-01-06"}',
        '{"id": "b", "text": "Rescue teams searched the Springfield bridge on Tuesday after '
        'the collapse that injured 40 people, the mayor said.", "date": "2020-01-07"}',
    ]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(
        "The mayor said on Wednesday that the Springfield bridge will be rebuilt.", "utf-8"
    )
    records = list(read_sources([folder]))
    for record in records:
        for value in vars(record).values():
            if isinstance(value, str):
                value.encode("utf-8")  # raises on a lone surrogate
    (noted,) = notes_of(records)
    assert noted.reason == "2 broken characters (lone surrogates) replaced; the article was kept"
    first = next(a for a in articles_of(records) if a.id == "a")
    assert first.title == "Bridge \ufffd collapse" and first.source == "Daily \ufffd News"
    report = ingest([folder], tmp_path / "news.db")  # SQLite took no lone surrogate either
    assert report.counts["added"] == 3
    done = subprocess.run(
        [sys.executable, "-m", "newsbrief.cli", "brief", str(folder), "-q", "--format", "json"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert json.loads(done.stdout)["events"]


# ---- encodings --------------------------------------------------------------------------

STORY = (
    "Le Café de la Paix a rouvert ses portes mardi à Paris.\n\n"
    "Les clients étaient nombreux à attendre devant l'entrée, malgré la pluie. "
    "« C'est un événement », a déclaré le gérant, qui a repris l'établissement en mars."
)


@pytest.mark.parametrize(
    "encoding",
    ["utf-16", "utf-16-be", "utf-16-le (no mark)", "utf-16-be (no mark)", "cp1252", "utf-8-sig"],
)
def test_text_in_any_common_encoding_is_read_right(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "story.txt"
    # UTF-16 without its byte-order mark (some Windows exports) had been rejected as
    # "binary data, not text": every other byte is NUL.
    data = STORY.encode(encoding.removesuffix(" (no mark)"))
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data  # big-endian with its byte-order mark
    path.write_bytes(data)
    records = list(read_sources([path]))
    (article,) = articles_of(records)
    assert "Le Café de la Paix" in article.text and "« C'est un événement »" in article.text
    assert not rejected_of(records)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        # The issue's own line: short, so several code pages read it equally cleanly.
        (
            "Café owners in Zürich protest new rent rules after the council vote on Monday.",
            "cp1252",
        ),
        ("Новости о выборах в Москве: избирательная комиссия подвела итоги.", "cp1251"),
        ("Zażółć gęślą jaźń, powiedział minister w Warszawie we wtorek.", "cp1250"),
    ],
)
def test_short_legacy_text_is_decoded_right(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode(encoding))
    (article,) = articles_of(list(read_sources([path])))
    assert article.text == text


def test_a_page_is_read_in_the_charset_it_declares(shared_data: Path) -> None:
    # Both pages' bytes were guessed by trafilatura as another code page: "dziesi±tej",
    # "któr± jeste¶my" (ISO-8859-2 read as Latin-1), "ÉĎşŁĚŘÖŰ" (GBK read as cp1250).
    polish = shared_data / "extraction/trafilatura_eval/eval"
    (page,) = polish.glob("_Ziemniaki*.html.gz")
    (article,) = articles_of(list(read_sources([page])))
    assert article.title and "dziesiątej" in article.title
    assert "któr± jeste¶my" not in article.text and "z którą jesteśmy" in article.text
    crawl = articles_of(list(read_sources([shared_data / "robustness/warc_real/warcfile.warc.gz"])))
    (chinese,) = [a for a in crawl if "041696.com" in (a.url or "")]
    assert chinese.title == "上海特舟实业有限公司"


def test_the_http_header_or_an_xml_declaration_gives_the_charset() -> None:
    from newsbrief.ingest.encoding import decode_page

    news = "Новости о выборах в Москве: избирательная комиссия подвела итоги."
    page = f"<html><head><title>{news}</title></head></html>".encode("cp1251")
    assert decode_page(page) == page  # no declaration: the bytes go on to the guess
    assert decode_page(page, "text/html; charset=windows-1251") == page.decode("cp1251")
    xhtml = f'<?xml version="1.0" encoding="iso-8859-2"?><html><p>{STORY}</p></html>'
    text = decode_page(xhtml.encode("iso-8859-2", "replace"))
    assert isinstance(text, str) and text.startswith("<html>")  # lxml refuses the declaration
    utf8 = "<html><meta charset='iso-8859-1'><p>Café</p></html>".encode()
    assert decode_page(utf8) == utf8  # valid UTF-8 is UTF-8 whatever the page says
    # A declaration that is wrong or unknown leaves the bytes to the guess.
    for label in ("utf-16", "no-such-codec"):
        wrong = f"<html><meta charset='{label}'><p>{news}</p></html>".encode("cp1251")
        assert decode_page(wrong) == wrong


def test_utf16_jsonl_is_read_line_by_line(tmp_path: Path) -> None:
    lines = [json.dumps({"id": str(n), "text": STORY}, ensure_ascii=False) for n in range(3)]
    path = tmp_path / "dump.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-16"))
    assert [a.id for a in articles_of(list(read_sources([path])))] == ["0", "1", "2"]


def test_random_bytes_without_nul_are_rejected_as_binary(tmp_path: Path) -> None:
    rng = random.Random(7)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(1, 256) for _ in range(6000)))
    (rejected,) = list(read_sources([path]))
    assert isinstance(rejected, Rejected) and rejected.reason.startswith("binary data, not text")


def test_a_record_whose_markup_lxml_refuses_is_read_and_the_file_goes_on(
    tmp_path: Path,
) -> None:
    # A terminal's colour code in an HTML title: lxml refused the text node, and the
    # ValueError had broken the whole file ("stream broke after 0 articles").
    records = [
        {"id": "1", "title": "<b>Fire</b> kills 12 \x1b[31mred", "text": STORY},
        {"id": "2", "title": "Fire follow-up", "text": STORY},
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    found = list(read_sources([path]))
    assert not rejected_of(found)
    first, second = articles_of(found)
    assert first.title == "Fire kills 12 [31mred" and second.title == "Fire follow-up"


def test_filler_of_one_character_is_rejected_not_briefed(tmp_path: Path) -> None:
    # 100 bytes of "\x00\xff", read as UTF-16 text, had been briefed as "ÿÿÿÿ...".
    from newsbrief.pipeline import build_briefs_from_articles

    path = tmp_path / "filler.txt"
    path.write_bytes(b"\x00\xff" * 50)
    articles, rejected = read_articles([path], Config())
    briefs, report = build_briefs_from_articles(articles, rejected=rejected)
    assert not briefs
    assert [r.reason for r in report.refused] == [
        "1 distinct letters in 50 characters: no prose (filler, symbols or binary data)"
    ]


def test_a_text_of_punctuation_alone_is_rejected_not_briefed(tmp_path: Path) -> None:
    # A record of "!?.,;:" repeated (six distinct characters, sentence ends) had been
    # briefed as a story with a headline and no sentence.
    from newsbrief.pipeline import build_briefs_from_articles

    path = tmp_path / "marks.jsonl"
    path.write_text(json.dumps({"title": "Marks", "text": "!?.,;:" * 300}) + "\n")
    articles, rejected = read_articles([path], Config())
    briefs, report = build_briefs_from_articles(articles, rejected=rejected)
    assert not briefs
    assert [r.reason for r in report.refused] == [
        "0 distinct letters in 1805 characters: no prose (filler, symbols or binary data)"
    ]


# ---- repeated ids -----------------------------------------------------------------------


def _timeline17_records(shared_data: Path) -> list[dict[str, object]]:
    path = shared_data / "timelines" / "timeline17_dev.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.mark.slow
def test_timeline17_articles_sharing_an_id_are_all_kept(shared_data: Path) -> None:
    path = shared_data / "timelines" / "timeline17_dev.jsonl.gz"
    articles, reported = read_articles([path], Config())
    # 2,557 articles, 1,744 distinct ids: 813 share an id with other text.
    assert len(articles) == 2557 and len({a.id for a in articles}) == 2557
    changed = [r for r in reported if r.stage == "note" and "given id" in r.reason]
    assert len(changed) == 813
    assert not [r for r in reported if r.reason.startswith("same article")]


def test_store_keeps_articles_that_share_an_id_and_stores_repeats_once(
    shared_data: Path, tmp_path: Path
) -> None:
    # The first 40 articles of two Timeline17 tasks: ids 0..39 in each, different texts.
    tasks = _timeline17_records(shared_data)[:2]
    lines = [
        json.dumps(article)
        for task in tasks
        for article in task["articles"][:40]  # type: ignore[index]
    ]
    path = tmp_path / "two_tasks.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shared_ids = len(lines) - len({json.loads(line)["id"] for line in lines})
    assert shared_ids > 0
    db_path = tmp_path / "store.db"
    first = ingest([path], db_path)
    assert first.counts["added"] == len(lines) and first.counts["already_stored"] == 0
    assert sum("given id" in r.reason for r in first.rejected) == shared_ids
    again = ingest([path], db_path)
    assert again.counts["added"] == 0 and again.counts["already_stored"] == len(lines)
