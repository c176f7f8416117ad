"""A news page's own metadata: headline, publication day, authors and outlet.

Publishers declare these for search engines and social networks, in three general
conventions that this module reads (never a per-publisher rule):

* schema.org JSON-LD (``<script type="application/ld+json">``): the ``NewsArticle`` (or
  ``Article``, ``BlogPosting``, ...) object's ``headline``, ``datePublished``, ``author`` and
  ``publisher.name``, also inside ``@graph`` lists;
* ``<meta>`` tags: Open Graph (``og:title``, ``og:site_name``, ``article:published_time``,
  ``article:author``), Twitter cards, Dublin Core, and the ``author``/``byline`` names that
  CMSs and analytics tags (Parse.ly, Sailthru, cXense) write;
* the document itself: ``<title>`` without its " | Site" / " - Site" suffix, and ``<h1>``.

The date falls back to htmldate (``original_date=True``: the first publication, not the
last update). ``outlet_for`` is the one rule every reader uses for ``Article.source``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import ParseResult, urlparse

from newsbrief.model import parse_date, without_escapes

log = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "report",
        "scholarlyarticle",
        "techarticle",
    }
)

# <meta> names or properties, most specific first.
TITLE_META = ("og:title", "twitter:title", "title", "sailthru.title", "parsely-title", "dc.title")
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.date",
    "dc.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
)
AUTHOR_META = (
    "author",
    "article:author",
    "article:author_name",
    "byl",
    "byline",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
)
SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title")

# " | Site", " - Site", " – Site", " :: Site", "：Site" at either end of a <title> or og:title.
TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—·•:»«*]|::|--)\s+|\s*[｜：]\s*")
BYLINE_PREFIX = re.compile(r"^\s*(?:by|von|par|door|di|por|de|av|af|od|przez)\s+", re.I)
# Several names in one author string: "A, B and C", "A & B", "A und B", "A; B".
NAME_SPLIT = re.compile(r"\s*(?:[,;/|&]|\s(?:and|und|et|en|y|e|og|och|i|a)\s)\s*")


@dataclass(frozen=True)
class PageMetadata:
    """What a page says about itself; every field may be unknown."""

    title: str | None = None
    date: dt.date | None = None
    authors: tuple[str, ...] = ()
    site_name: str | None = None


def _clean(value: object) -> str | None:
    """Return a string value whitespace-normalised, entities decoded, or None."""
    if not isinstance(value, str):
        return None
    # JSON-LD strings often carry HTML entities ("&#8216;", "&quot;") that no parser decodes.
    text = " ".join(html.unescape(value).split())
    return text or None


# --- JSON-LD ---------------------------------------------------------------------------


def _json_objects(value: Any) -> Iterator[dict[str, Any]]:
    """Yield every object in a JSON-LD value, including @graph members."""
    if isinstance(value, list):
        for item in value:
            yield from _json_objects(item)
    elif isinstance(value, dict):
        yield value
        yield from _json_objects(value.get("@graph"))


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower().rsplit("/", 1)[-1] for k in kinds if k}


def _names(value: Any) -> list[str]:
    """Return the names in a JSON-LD author/publisher value (string, object or list)."""
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list):
            return [n for n in (_clean(x) for x in name) if n]
        cleaned = _clean(name)
        return [cleaned] if cleaned else []
    cleaned = _clean(value)
    # A bare string may be a URL to an author page, which is not a name.
    return [cleaned] if cleaned and not cleaned.startswith("http") else []


def json_ld_articles(root: Any) -> list[dict[str, Any]]:
    """Return the page's JSON-LD article objects, in page order."""
    found: list[dict[str, Any]] = []
    for script in root.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            try:  # some CMSs leave raw newlines or tabs inside strings
                data = json.loads(re.sub(r"[\n\r\t]", " ", raw))
            except (ValueError, RecursionError):  # also a nesting too deep, a number too long
                log.debug("unreadable JSON-LD block skipped")
                continue
        found.extend(obj for obj in _json_objects(data) if _types(obj) & ARTICLE_TYPES)
    return found


# --- <meta> and the document ------------------------------------------------------------


def meta_values(root: Any) -> dict[str, list[str]]:
    """Return the content of every <meta> by lower-cased name, property or itemprop."""
    values: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = _clean(meta.get("content"))
        if key and content:
            values.setdefault(key.strip().lower(), []).append(content)
    return values


def _first_meta(meta: dict[str, list[str]], keys: Sequence[str]) -> str | None:
    return next((meta[key][0] for key in keys if key in meta), None)


def strip_site_name(title: str, site_names: Sequence[str]) -> str:
    """Remove a " | Site" or "Site - " part that names the site from a title.

    Only a part that matches a known site name (og:site_name, the publisher, the host
    without "www." and its top-level domain) is removed, so a headline with a dash of its
    own ("Brand in Betrieb – Starke Rauchentwicklung") keeps it.
    """
    keys = {_site_key(name) for name in site_names if _site_key(name)}
    if not keys:
        return title
    parts = TITLE_SEPARATORS.split(title)
    # The site's part and what follows it (a date, "by"): "Headline – DW – 30.01.2024".
    cut = next((i for i, part in enumerate(parts) if i and _site_key(part) in keys), len(parts))
    parts = parts[:cut]
    while len(parts) > 1 and _site_key(parts[0]) in keys:
        parts.pop(0)
    if len(parts) == len(TITLE_SEPARATORS.split(title)):
        return title
    # Re-cut the original string so the headline keeps its own separators as written.
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip()


def _site_key(name: str) -> str:
    """Return a site name reduced for comparison: "www.DiePresse.com" -> "diepresse"."""
    name = name.lower().strip()
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name)
    name = re.sub(
        r"\.(?:com|org|net|co|de|at|ch|fr|it|es|nl|be|uk|au|ca|in|jp|cn|cz)\b.*$", "", name
    )
    return re.sub(r"[\W_]+", "", name)


def url_parts(url: str) -> ParseResult | None:
    """Return ``urlparse(url)``, or None for a URL it cannot split ("http://[::1": an
    unclosed IPv6 bracket raises ValueError)."""
    try:
        return urlparse(url)
    except ValueError:
        return None


def host_name(url: str | None) -> str | None:
    """Return a web URL's host without "www.", or None for a file or a missing URL."""
    if not url or not url.startswith(("http://", "https://")):
        return None
    parts = url_parts(url)
    host = parts.hostname if parts else None
    return host.removeprefix("www.") if host else None


# A declared outlet that names none: a dump's placeholder ("Unknown", "N/A", "-"), or a
# name with no letter or digit once its tags and invisible characters go ("\u200b",
# "<b></b>", "\x1b[0m"). Each had been counted as an outlet of its own and shown as an
# empty label.
_NO_OUTLET = frozenset(
    {"unknown", "unknown source", "n/a", "na", "none", "null", "nil", "undefined", "anonymous"}
)
# Any tag, for text that should hold none (a title, an outlet): "<script>", "</b>", "<b
# onclick=...>".
ANY_TAG = re.compile(r"<\s*/?\s*[A-Za-z][\w:-]*(?:\s[^<>]*)?/?\s*>")


def declared_outlet(name: str | None) -> str | None:
    """Return a declared outlet name as it is shown, or None when it names no outlet."""
    cleaned = _clean(without_escapes(ANY_TAG.sub(" ", name))) if isinstance(name, str) else None
    if cleaned is None or cleaned.casefold() in _NO_OUTLET:
        return None
    return cleaned if any(char.isalnum() for char in cleaned) else None


def outlet_for(*, site_name: str | None = None, url: str | None = None) -> str | None:
    """Return the outlet of an article: its declared name, else its web host, else None.

    Every reader uses this rule for ``Article.source``: a site name (og:site_name, the
    JSON-LD publisher, a feed's title, a record's ``source``) wins unless it names none
    (``declared_outlet``); else the host of a web URL (a WARC target URI, a page's
    canonical link) without "www."; a local file's name is never an outlet, so text files
    without either stay unknown (None).
    """
    return declared_outlet(site_name) or host_name(url)


def outlet_key(name: str) -> str:
    """Return an outlet's name reduced for counting: "CBC", "www.cbc.ca" and "cbc.ca" are
    one outlet ("cbc"); a name with nothing left is kept, case-folded."""
    return _site_key(name) or name.casefold()


# --- candidates ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidates:
    """Every value the page declares for each field, by where it was found."""

    titles: dict[str, str]
    dates: dict[str, dt.date]
    authors: dict[str, tuple[str, ...]]
    site_names: tuple[str, ...]  # declared: og:site_name and the like, JSON-LD publisher


def split_names(value: str) -> list[str]:
    """Return the person names in one author string ("By A and B" -> ["A", "B"])."""
    value = BYLINE_PREFIX.sub("", value)
    return [name for name in (_clean(part) for part in NAME_SPLIT.split(value)) if name]


def _dedupe(names: Sequence[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


def page_candidates(root: Any, url: str | None) -> Candidates:
    """Return the title, date, author and site-name candidates of a parsed page."""
    meta = meta_values(root)
    articles = json_ld_articles(root)
    publisher = next((n for a in articles for n in _names(a.get("publisher"))), None)
    site_names = tuple(_dedupe([n for n in (_first_meta(meta, SITE_META), publisher) if n]))
    host = host_name(url)
    titles: dict[str, str] = {}
    for source, value in (
        ("json-ld", next((a.get("headline") for a in articles if _clean(a.get("headline"))), None)),
        ("og:title", _first_meta(meta, ("og:title",))),
        ("twitter:title", _first_meta(meta, ("twitter:title",))),
        ("meta title", _first_meta(meta, TITLE_META[2:])),
        ("<title>", _text_of(root, "//title")),
        ("<h1>", _text_of(root, "//h1")),
    ):
        cleaned = _clean(value)
        if cleaned:
            titles[source] = strip_site_name(cleaned, site_names + ((host,) if host else ()))
    dates: dict[str, dt.date] = {}
    ld_date = next((a.get("datePublished") for a in articles if a.get("datePublished")), None)
    for source, value in (("json-ld", ld_date), ("meta", _first_meta(meta, DATE_META))):
        day = parse_date(_clean(value))
        if day:
            dates[source] = day
    authors: dict[str, tuple[str, ...]] = {}
    ld_authors = [n for a in articles for n in _names(a.get("author"))]
    if ld_authors:
        # Each JSON-LD author object is one author ("Le Figaro et AFP"): not split further.
        authors["json-ld"] = _dedupe([BYLINE_PREFIX.sub("", n) for n in ld_authors])
    for key in AUTHOR_META:
        names = [v for v in meta.get(key, []) if not v.startswith(("http", "@"))]
        if names:
            authors["meta"] = _dedupe([p for n in names for p in split_names(n)])
            break
    return Candidates(titles, dates, authors, site_names)


def _text_of(root: Any, xpath: str) -> str | None:
    found = root.xpath(xpath)
    return _clean(found[0].text_content()) if found else None


def parse_page(html: bytes | str) -> Any:
    """Return the lxml root of a page (charset detected as trafilatura does), or None."""
    from lxml.etree import LxmlError, ParserError  # lazy: text and JSONL runs need no lxml
    from trafilatura.utils import load_html

    try:
        return load_html(html)
    except (LxmlError, ParserError, ValueError, TypeError):
        return None


# --- the choice -------------------------------------------------------------------------

# Where a field is looked up first when the page declares it in several places. The
# orders were chosen by 5-fold cross-validation over the publishers of
# shared/data/extraction/fundus_dev (bench/metadata.py; held-out figures in
# bench/results/extraction.md), not per publisher.
SKIP_DOCUMENT_TITLE = "json-ld first unless it is the <title>"
TITLE_ORDERS: dict[str, tuple[str, ...]] = {
    "json-ld first": ("json-ld", "og:title", "twitter:title", "meta title", "<h1>", "<title>"),
    "og:title first": ("og:title", "json-ld", "twitter:title", "meta title", "<h1>", "<title>"),
    "<h1> first": ("<h1>", "json-ld", "og:title", "twitter:title", "meta title", "<title>"),
    # JSON-LD first, but not when it only repeats the <title> (the search-engine headline)
    # while og:title gives another one.
    SKIP_DOCUMENT_TITLE: ("json-ld", "og:title", "twitter:title", "meta title", "<h1>", "<title>"),
}
AUTHOR_ORDERS: dict[str, tuple[str, ...]] = {
    "json-ld first": ("json-ld", "meta"),
    "meta first": ("meta", "json-ld"),
}
DEFAULT_TITLE_ORDER = SKIP_DOCUMENT_TITLE
DEFAULT_AUTHOR_ORDER = "json-ld first"
# Article.author holds the names joined by this (as trafilatura writes them).
AUTHOR_SEPARATOR = "; "
_SLUG = re.compile(r"^[a-z]+(?:-[a-z]+)+$")


def _person_names(names: Sequence[str]) -> tuple[str, ...]:
    """Drop author values without letters (CMS ids); expand author-page slugs.

    An outlet named as author ("nieuwsblad.be", "kicker") is kept: it is the page's byline.
    """
    kept = []
    for name in names:
        if not any(ch.isalpha() for ch in name):
            continue
        # "chuck-ross": an author page slug where the CMS has no display name.
        kept.append(name.replace("-", " ").title() if _SLUG.match(name) else name)
    return tuple(kept)


def choose(
    candidates: Candidates,
    *,
    title_order: str = DEFAULT_TITLE_ORDER,
    author_order: str = DEFAULT_AUTHOR_ORDER,
) -> PageMetadata:
    """Return the metadata a page declares, taking each field from the first source."""
    titles = dict(candidates.titles)
    repeats_document_title = (
        titles.get("json-ld", "").casefold() == titles.get("<title>", "").casefold()
    )
    if title_order == SKIP_DOCUMENT_TITLE and "og:title" in titles and repeats_document_title:
        titles.pop("json-ld", None)
    title = next((titles[s] for s in TITLE_ORDERS[title_order] if s in titles), None)
    date = candidates.dates.get("json-ld") or candidates.dates.get("meta")
    authors: tuple[str, ...] = ()
    for source in AUTHOR_ORDERS[author_order]:
        authors = _person_names(candidates.authors.get(source, ()))
        if authors:
            break
    site_name = candidates.site_names[0] if candidates.site_names else None
    return PageMetadata(title=title, date=date, authors=authors, site_name=site_name)


def page_metadata(
    html_page: bytes | str,
    url: str | None,
    *,
    title_order: str = DEFAULT_TITLE_ORDER,
    author_order: str = DEFAULT_AUTHOR_ORDER,
) -> PageMetadata:
    """Return what a page declares about itself (empty metadata for an unparsable page).

    The date falls back to htmldate's first-publication date when neither JSON-LD nor a
    <meta> tag gives one.
    """
    root = parse_page(html_page)
    if root is None:
        return PageMetadata()
    found = choose(page_candidates(root, url), title_order=title_order, author_order=author_order)
    if found.date is None:
        found = dataclasses.replace(found, date=htmldate_day(root))
    return found


def htmldate_day(page: Any) -> dt.date | None:
    """Return htmldate's original publication day of a page (or parsed page), or None."""
    from htmldate import find_date
    from lxml.etree import LxmlError

    try:
        found = find_date(page, original_date=True, extensive_search=True)
    except (LxmlError, ValueError, TypeError, AttributeError, IndexError, RecursionError):
        return None
    return parse_date(found)
