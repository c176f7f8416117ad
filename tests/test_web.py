"""The web app over a real store (seeds + untrusted articles), through FastAPI's TestClient.

The browser checks (rendering, no script runs) are in test_browser.py.
"""

from __future__ import annotations

import json
import re
import sqlite3
from html import unescape
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest
from web_support import SEEDS, UNTRUSTED, built_store, copy_store

fastapi = pytest.importorskip("fastapi", reason="the web extra is not installed")
from fastapi.testclient import TestClient  # noqa: E402

from newsbrief.errors import StoreError  # noqa: E402
from newsbrief.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def store_path() -> Path:
    return built_store(SEEDS, UNTRUSTED)


@pytest.fixture(scope="module")
def client(store_path: Path) -> TestClient:
    return TestClient(create_app(store_path))


@pytest.fixture(scope="module")
def seeds_event(client: TestClient) -> dict:
    events = client.get("/api/events").json()["events"]
    event_id = next(e["id"] for e in events if e["articles"] == 5)
    return client.get(f"/api/events/{event_id}").json()


def test_api_lists_events_newest_day_first(client: TestClient) -> None:
    listing = client.get("/api/events").json()
    assert listing["total"] == 2
    days = [e["date"] for e in listing["events"]]
    assert days == ["2020-03-02", "2020-01-07"]  # the ferry strike, then the seeds
    seeds = listing["events"][1]
    # The seed files name no outlet: none is counted (issue 12: "N reports from M outlets").
    assert seeds["articles"] == 5 and seeds["outlets"] == 0 and seeds["languages"] == ["en"]
    one_day = client.get("/api/events", params={"day": "2020-01-07"}).json()
    assert [e["id"] for e in one_day["events"]] == [seeds["id"]]
    assert client.get("/api/events", params={"limit": 1, "offset": 1}).json()["events"] == [seeds]


def test_api_event_is_the_stored_brief(client: TestClient, seeds_event: dict) -> None:
    assert {"headline", "summary", "articles", "facts", "entities", "timeline"} <= set(seeds_event)
    assert "Kuwait" in seeds_event["headline"]
    assert sorted(seeds_event["built_from"]) == sorted(a["id"] for a in seeds_event["articles"])
    copies = [a for a in seeds_event["articles"] if a["copy_of"]]
    assert len(copies) == 1  # 002 re-translates 001
    assert all(s["sources"] for s in seeds_event["summary"])


def test_event_page_shows_brief_sources_copies_and_figures(
    client: TestClient, seeds_event: dict
) -> None:
    page = client.get(f"/events/{seeds_event['id']}")
    assert page.status_code == 200
    html = page.text
    assert '<meta name="viewport"' in html
    assert _text(seeds_event["headline"]) in html
    for sentence in seeds_event["summary"]:
        assert _text(sentence["text"]) in html
    # Every key sentence cites its articles, linked to their pages.
    for article in seeds_event["articles"]:
        assert f'href="/articles/{article["id"]}"' in html
    copy = next(a for a in seeds_event["articles"] if a["copy_of"])
    assert re.search(rf'copy: <a href="/articles/{copy["id"]}"', html)
    agreements = {f["agreement"] for f in seeds_event["facts"]}
    for agreement in agreements:
        assert f'<tr class="{agreement}">' in html
    for entity in seeds_event["entities"][:5]:
        assert _text(entity["name"]) in html
    for entry in seeds_event["timeline"]:  # a date known to the year shows the year only
        shown = entry["date"][: {"year": 4, "month": 7}.get(entry["precision"], 10)]
        assert f'<time datetime="{shown}">{shown}</time>' in html
    if any(entry.get("kind") == "background" for entry in seeds_event["timeline"]):
        assert "<h2>Background</h2>" in html


def test_a_key_point_dated_in_its_stored_brief_shows_its_day(
    store_path: Path, seeds_event: dict, tmp_path: Path
) -> None:
    # A story over weeks stores each key point's first report day ("reported"); the seeds,
    # two days, store none. The stored brief is given one, as a long story's would be.
    assert all(s["reported"] is None for s in seeds_event["summary"])
    dated = copy_store(store_path, tmp_path)
    with sqlite3.connect(dated) as connection:
        query = "SELECT brief FROM briefs WHERE event_id = ?"
        brief = json.loads(connection.execute(query, (seeds_event["id"],)).fetchone()[0])
        brief["summary"][0]["reported"] = "2020-01-06"
        connection.execute(
            "UPDATE briefs SET brief = ? WHERE event_id = ?",
            (json.dumps(brief), seeds_event["id"]),
        )
    client = TestClient(create_app(dated))
    html = client.get(f"/events/{seeds_event['id']}").text
    assert '<time datetime="2020-01-06">2020-01-06</time> <bdi>' in html
    api = client.get(f"/api/events/{seeds_event['id']}").json()
    assert api["summary"][0]["reported"] == "2020-01-06"


def test_personnel_conflict_is_highlighted(client: TestClient, seeds_event: dict) -> None:
    # "about 500" vs "more than 300" personnel in Iraq: the facts stage calls it a conflict.
    conflicts = [f for f in seeds_event["facts"] if f["agreement"] == "conflict"]
    if not conflicts:
        pytest.skip("the facts stage reports no conflict on the seeds (facts, not web)")
    html = client.get(f"/events/{seeds_event['id']}").text
    rows = re.findall(r'<tr class="conflict">(.*?)</tr>', html, flags=re.S)
    assert len(rows) == len(conflicts)
    assert all('class="badge conflict"' in row for row in rows)


def test_front_article_and_search_pages(client: TestClient, seeds_event: dict) -> None:
    front = client.get("/").text
    assert f'href="/events/{seeds_event["id"]}"' in front
    assert "outlets unknown" in front and "5 outlets" not in front
    wire = next(a for a in seeds_event["articles"] if a["url"] and a["url"].startswith("file://"))
    article = client.get(f"/articles/{wire['id']}").text
    assert f'href="{wire["url"]}"' in article  # the link to the original
    assert f'href="/events/{seeds_event["id"]}"' in article
    stored = client.get(f"/api/articles/{wire['id']}").json()
    first_paragraph = stored["text"].split("\n\n")[0]
    assert _text(first_paragraph) in article
    words = " ".join(re.findall(r"[A-Za-z]{5,}", first_paragraph)[:3])
    results = client.get("/search", params={"q": words}).text
    assert "<mark>" in results and f'href="/articles/{wire["id"]}"' in results
    api = client.get("/api/search", params={"q": words}).json()["results"]
    assert wire["id"] in [hit["id"] for hit in api]
    assert all(hit["event_id"] == seeds_event["id"] for hit in api)


def test_untrusted_text_is_escaped_and_never_linked(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "ferry strike"}).json()["results"]
    assert len(hits) == 2
    event = client.get(f"/events/{hits[0]['event_id']}").text
    pages = [event, *(client.get(f"/articles/{h['id']}").text for h in hits)]
    pages.append(client.get("/search", params={"q": "ferry"}).text)
    for html in pages:
        assert "<script" not in html and "onerror=" not in html.replace("onerror=&#34;", "")
        assert "<img" not in html and "<svg" not in html and "<b onclick" not in html
        assert 'href="javascript:' not in html.lower()
    # A body in HTML is extracted and a title read as text at ingest (no tag is left);
    # in a plain-text body a whole script or drawing element goes at ingest (code, not
    # text), the words around it stay.
    assert any("Commuters crowded onto the coastal bridge." in page for page in pages[1:3])
    assert not any("document.title" in html or "&lt;svg" in html for html in pages)
    # The javascript: URL is shown as text, not as a link.
    gazette = next(h for h in hits if h["source"] == "harbour-gazette.example")
    html = client.get(f"/articles/{gazette['id']}").text
    assert "Original: <code><bdi>javascript:window.__pwned=1</bdi></code>" in html


def test_security_headers_and_openapi(client: TestClient) -> None:
    response = client.get("/")
    assert "script-src" not in response.headers["content-security-policy"]
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    openapi = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/search"} <= set(openapi["paths"])
    brief = openapi["components"]["schemas"]["Brief"]["properties"]
    assert {"summary", "facts", "entities", "timeline", "built_from"} <= set(brief)
    assert client.post("/api/events").status_code == 405  # read-only
    assert client.head("/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?limit=1000",
        "/api/events?limit=0",
        "/api/events?offset=-1",
        "/api/events?day=yesterday",
        "/api/events/not-an-id",
        "/api/search?q=" + "x" * 201,
    ],
)
def test_invalid_parameters_are_refused(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_unknown_ids_and_pages(client: TestClient) -> None:
    assert client.get("/api/events/0123456789abcdef").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404
    page = client.get("/events/0123456789abcdef")
    assert page.status_code == 404 and "no such event" in page.text
    assert client.get("/events/<script>").status_code == 422
    assert "<script>" not in client.get("/events/<script>").text


def test_missing_store_is_a_store_error(tmp_path: Path, store_path: Path) -> None:
    with pytest.raises(StoreError):
        create_app(tmp_path / "missing.db")
    # A store that disappears under a running app: 503, not a crash.
    moving = copy_store(store_path, tmp_path)
    client = TestClient(create_app(moving))
    moving.rename(tmp_path / "moved.db")
    assert client.get("/api/events").status_code == 503
    assert client.get("/").status_code == 503


def test_a_damaged_page_of_the_store_is_a_503_with_the_security_headers(
    tmp_path: Path, store_path: Path
) -> None:
    # One b-tree page of the events table overwritten: "database disk image is malformed"
    # had been a bare 500 without the Content-Security-Policy.
    damaged = copy_store(store_path, tmp_path)
    with sqlite3.connect(damaged) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'events'"
        ).fetchone()
    data = bytearray(damaged.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\xff" * page_size
    damaged.write_bytes(bytes(data))
    client = TestClient(create_app(damaged), raise_server_exceptions=False)
    for path in ("/", "/api/events"):
        response = client.get(path)
        assert response.status_code == 503, path
        assert "default-src 'none'" in response.headers["content-security-policy"]


# ---- untrusted ids and bidi text (issue 14) ------------------------------------------

HOSTILE_IDS = Path(__file__).resolve().parent / "fixtures" / "web" / "hostile_ids.jsonl"
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: reverses what follows, up to the paragraph's end


@pytest.fixture(scope="module")
def hostile_client() -> TestClient:
    """A store whose article ids climb paths and whose outlet name holds a bidi override."""
    return TestClient(create_app(built_store(HOSTILE_IDS)))


@pytest.fixture(scope="module")
def hostile_event(hostile_client: TestClient) -> dict:
    (event,) = hostile_client.get("/api/events").json()["events"]
    return hostile_client.get(f"/api/events/{event['id']}").json()


def test_bidi_controls_are_isolated_and_escapes_dropped_in_every_page(
    hostile_client: TestClient, hostile_event: dict
) -> None:
    (evil,) = [a for a in hostile_event["articles"] if a["id"] == "../../etc/passwd"]
    pages = {
        "front": hostile_client.get("/").text,
        "event": hostile_client.get(f"/events/{hostile_event['id']}").text,
        "article": hostile_client.get(f"/articles/{quote(evil['id'], safe='')}").text,
        "search": hostile_client.get("/search", params={"q": "bridge"}).text,
    }
    assert RLO in pages["event"] and RLO in pages["article"]
    for name, html in pages.items():
        # A terminal escape (a title holds one) reaches no page; a terminal printing the
        # page would act on it.
        assert "\x1b" not in html and "\x07" not in html and "pwned" not in html, name
        title = html[: html.index("</title>")]
        assert RLO not in title, name  # a <title> cannot hold <bdi>: stripped there
        for match in re.finditer(RLO, html):
            opened = html.rfind("<bdi>", 0, match.start())
            closed = html.find("</bdi>", match.end())
            # Inside a <bdi> that is still open, and it closes before the next tag but
            # inline markup: the citations and dates after it are outside the isolate.
            assert opened != -1 and "</bdi>" not in html[opened : match.start()], name
            assert re.fullmatch(r"[^<]*", html[match.end() : closed]), name


def test_hostile_ids_link_only_inside_articles(
    hostile_client: TestClient, hostile_event: dict
) -> None:
    ids = {a["id"] for a in hostile_event["articles"]}
    assert ids >= {"../../etc/passwd", "river/../../bridge"}
    event_url = f"/events/{hostile_event['id']}"
    for page_url in [event_url, *(f"/articles/{quote(i, safe='')}" for i in ids)]:
        html = hostile_client.get(page_url).text
        links = [unescape(h) for h in re.findall(r'href="([^"]+)"', html)]
        article_links = [h for h in links if "articles/" in h]
        assert article_links, page_url
        for href in article_links:
            # Where a browser goes: dot segments resolved; a %2F stays inside its segment.
            target = urlsplit(urljoin(f"http://testserver{page_url}", href)).path
            assert target == href and target.startswith(("/articles/", "/api/articles/"))
            assert target.count("/") == (3 if target.startswith("/api/") else 2), target
            assert hostile_client.get(href).status_code == 200, href
    article = hostile_client.get(f"/api/articles/{quote('../../etc/passwd', safe='')}").json()
    assert article["id"] == "../../etc/passwd"


def _conforms(value: object, schema: dict, components: dict) -> bool:
    """Whether value fits an OpenAPI schema (the subset FastAPI writes for errors)."""
    if "$ref" in schema:
        return _conforms(value, components[schema["$ref"].rsplit("/", 1)[-1]], components)
    if "anyOf" in schema:
        return any(_conforms(value, option, components) for option in schema["anyOf"])
    kind = schema.get("type")
    if kind == "object":
        return (
            isinstance(value, dict)
            and set(schema.get("required", ())) <= set(value)
            and all(
                _conforms(value[key], sub, components)
                for key, sub in schema.get("properties", {}).items()
                if key in value
            )
        )
    if kind == "array":
        return isinstance(value, list) and all(
            _conforms(item, schema.get("items", {}), components) for item in value
        )
    types = {"string": str, "integer": int, "number": (int, float), "boolean": bool}
    return kind not in types or isinstance(value, types[kind])


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("/api/events?limit=0&day=yesterday", "/api/events"),
        ("/api/events/not-an-id", "/api/events/{event_id}"),
        ("/api/search?q=" + "x" * 201, "/api/search"),
    ],
)
def test_a_422_body_matches_the_declared_schema(client: TestClient, url: str, path: str) -> None:
    openapi = client.get("/openapi.json").json()
    declared = openapi["paths"][path]["get"]["responses"]["422"]["content"]["application/json"]
    response = client.get(url)
    assert response.status_code == 422
    body = response.json()
    assert _conforms(body, declared["schema"], openapi["components"]["schemas"])
    assert body["detail"] and all(
        problem["loc"][0] in {"query", "path"} for problem in body["detail"]
    )


def test_405_answers_name_the_allowed_methods(client: TestClient) -> None:
    api = client.post("/api/events")
    assert api.status_code == 405 and api.headers["allow"] == "GET"
    page = client.delete("/")
    assert page.status_code == 405
    assert set(page.headers["allow"].split(", ")) == {"GET", "HEAD"}


def _text(text: str) -> str:
    """The text as Jinja2 autoescape writes it."""
    from markupsafe import escape

    return str(escape(text))


def test_a_day_the_calendar_lacks_is_a_validation_error(client: TestClient) -> None:
    # "2020-13-45" had given a page titled "Events of 2020-13-45", "2020-02-30" an empty list.
    for day in ("2020-13-45", "2020-02-30"):
        assert client.get("/api/events", params={"day": day}).status_code == 422
        assert client.get("/", params={"day": day}).status_code == 422
    assert client.get("/api/events", params={"day": "2020-01-07"}).status_code == 200


def test_head_is_answered_wherever_get_is(client: TestClient, seeds_event: dict) -> None:
    # The API's routes answered HEAD with 405 while the pages took it.
    for path in ("/api/events", f"/api/events/{seeds_event['id']}", "/api/stats", "/"):
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code == 200 and head.content == b""
        assert head.headers["content-type"] == got.headers["content-type"]
        assert head.headers["content-security-policy"] == got.headers["content-security-policy"]
    assert client.head("/api/events/0000000000000000").status_code == 404
