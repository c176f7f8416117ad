"""Page metadata (title, day, authors, outlet) on real news pages, and the outlet rule of
every reader: a declared name, else a web host, never a file name."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from newsbrief.ingest import read_sources
from newsbrief.ingest.metadata import (
    SKIP_DOCUMENT_TITLE,
    choose,
    outlet_for,
    page_candidates,
    page_metadata,
    parse_page,
    split_names,
    strip_site_name,
)
from newsbrief.model import Article, Rejected


def _fundus_page(shared_data: Path, page_id: str) -> tuple[dict[str, object], bytes]:
    folder = shared_data / "extraction" / "fundus_dev"
    with open(folder / "gold.jsonl", encoding="utf-8") as handle:
        row = next(r for r in map(json.loads, handle) if r["id"] == page_id)
    return row, gzip.decompress((folder / row["html"]).read_bytes())


@pytest.mark.parametrize(
    "page_id",
    ["at/DiePresse_2025_06_05", "de/DW_2024_01_30", "uk/EveningStandard_2024_05_02"],
)
def test_real_pages_give_the_reviewed_title_day_and_authors(
    shared_data: Path, page_id: str
) -> None:
    row, html = _fundus_page(shared_data, page_id)
    found = page_metadata(html, str(row["url"]))
    assert found.title == row["title"]
    assert found.date == dt.date.fromisoformat(str(row["date"]))
    assert list(found.authors) == row["authors"]
    assert found.site_name  # each of these pages names its outlet


def test_site_suffix_is_cut_only_where_it_names_the_site() -> None:
    sites = ["dw.com", "Deutsche Welle"]
    assert strip_site_name("Russland-Wahl: Nadeschdin – DW – 30.01.2024", sites) == (
        "Russland-Wahl: Nadeschdin"
    )
    assert strip_site_name("Headline here | The Globe and Mail", ["The Globe and Mail"]) == (
        "Headline here"
    )
    own_dash = "Brand in Betrieb in Lichterfelde – Starke Rauchentwicklung"
    assert strip_site_name(own_dash, ["Berliner Morgenpost", "morgenpost.de"]) == own_dash
    assert strip_site_name("記事の見出し：東京新聞デジタル", ["東京新聞デジタル"]) == "記事の見出し"


_PAGE = """<html><head><title>SEO headline &amp; more | Daily Example</title>
<meta property="og:site_name" content="Daily Example">
<meta property="og:title" content="The headline editors wrote">
<meta name="author" content="By Ann Lee and Bo Chan">
<meta property="article:published_time" content="2024-05-02T23:30:00-04:00">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebPage", "name": "ignored"},
 {"@type": "NewsArticle", "headline": "SEO headline &amp; more",
  "datePublished": "2024-05-01T10:00:00Z",
  "author": [{"@type": "Person", "name": "Ann Lee"}, "https://example.org/author/x"],
  "publisher": {"@type": "Organization", "name": "Daily Example Ltd"}}]}</script>
</head><body><h1>On-page headline</h1><p>Text.</p></body></html>"""


def test_json_ld_wins_for_date_and_authors_and_is_entity_decoded() -> None:
    candidates = page_candidates(parse_page(_PAGE), "https://www.example.org/a/1")
    assert candidates.titles["json-ld"] == "SEO headline & more"
    assert candidates.titles["<title>"] == "SEO headline & more"  # "| Daily Example" cut
    assert candidates.authors["meta"] == ("Ann Lee", "Bo Chan")
    found = choose(candidates, title_order=SKIP_DOCUMENT_TITLE)
    # The JSON-LD headline only repeats the search-engine <title>: og:title is the headline.
    assert found.title == "The headline editors wrote"
    assert choose(candidates, title_order="json-ld first").title == "SEO headline & more"
    assert found.date == dt.date(2024, 5, 1)  # datePublished, not the local-time meta tag
    assert found.authors == ("Ann Lee",)  # an author-page URL is no name
    assert found.site_name == "Daily Example"


def test_byline_strings_split_into_names() -> None:
    assert split_names("By Adam Vidler, AP") == ["Adam Vidler", "AP"]
    assert split_names("von Anna Muster und Max Beispiel") == ["Anna Muster", "Max Beispiel"]


def test_outlet_rule() -> None:
    assert outlet_for(site_name=" Die  Presse ", url="https://www.diepresse.com/1") == "Die Presse"
    assert outlet_for(site_name=None, url="https://www.diepresse.com/1") == "diepresse.com"
    assert outlet_for(site_name="", url="file:///tmp/saved-page.html") is None
    assert outlet_for() is None
    # A placeholder or a name with nothing to read names no outlet: the host stands in
    # (a dump's "Unknown" and "-", each had counted as an outlet, shown as empty labels).
    for none in ("Unknown", "N/A", "null", "-", "?", "\u200b", "\u202e", "<b></b>", "\x1b[0m"):
        assert outlet_for(site_name=none) is None, none
        assert outlet_for(site_name=none, url="https://www.cbc.ca/1") == "cbc.ca"
    assert outlet_for(site_name="<b>CBC</b> News\x1b[0m") == "CBC News"


def _articles(records: list[Article | Rejected]) -> list[Article]:
    return [r for r in records if isinstance(r, Article)]


def test_saved_page_outlet_is_declared_name_or_host_never_the_file(
    shared_data: Path, tmp_path: Path
) -> None:
    row, html = _fundus_page(shared_data, "at/DiePresse_2025_06_05")
    (tmp_path / "saved.html").write_bytes(html)
    (article,) = _articles(list(read_sources([tmp_path / "saved.html"])))
    assert article.source == "Die Presse"
    assert article.title == row["title"] and article.author == "Anne-Marie Slaughter"
    bare = b"<html><head><title>A story</title></head><body>" + b"<p>" + b"Words " * 40 + b"</p>"
    (tmp_path / "bare.html").write_bytes(bare + b"</body></html>")
    (plain,) = _articles(list(read_sources([tmp_path / "bare.html"])))
    assert plain.source is None  # unknown, not "bare.html"


def test_text_and_jsonl_without_source_or_url_stay_unknown(tmp_path: Path, seeds_dir: Path) -> None:
    seed = sorted(seeds_dir.iterdir())[0]
    (text_article,) = _articles(list(read_sources([seed])))
    assert text_article.source is None
    lines = [
        {"text": "A story with no outlet at all, told in one line."},
        {"text": "A story with a link.", "url": "https://www.example.org/news/1"},
        {"text": "A story with a named outlet.", "source": "APW"},
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    sources = [a.source for a in _articles(list(read_sources([path])))]
    assert sources == [None, "example.org", "APW"]


def test_warc_articles_are_named_by_their_target_host(shared_data: Path) -> None:
    crawl = shared_data / "robustness" / "warc_real" / "warcfile.warc.gz"
    articles = _articles(list(read_sources([crawl])))
    assert articles
    assert all(a.source and ".warc" not in a.source for a in articles)
    assert all(a.url and a.url.startswith("http") for a in articles)
