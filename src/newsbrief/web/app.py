"""The FastAPI app: HTML pages and a JSON API over a store, read-only.

Pages (no JavaScript; one small stylesheet):

    /                   events by day, newest first (?day=YYYY-MM-DD, ?offset=)
    /events/{id}        the brief: key sentences with sources, stories and their copies,
                        figures with agreement/conflict, entities, timeline
    /articles/{id}      the cleaned text and a link to the original
    /search?q=          full-text search (SQLite FTS5)

API: the same under /api (JSON), described at /openapi.json.

Safety: the store is opened read-only per request (``mode=ro``); every parameter is
validated (ids are 16 hex digits, days ISO dates, queries and page sizes bounded); SQL is
parameterised in ``newsbrief.store``; templates autoescape, isolate article text in
``<bdi>`` (a bidi control cannot reorder what follows it), quote ids as one path segment,
link only http/https/local file URLs, and a Content-Security-Policy forbids any script. Error
answers keep their headers (405: ``Allow``) and a 422 has the body /openapi.json declares.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import jinja2
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import AfterValidator
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsbrief import store
from newsbrief.errors import StoreError
from newsbrief.render import page_environment, timeline_sections, when
from newsbrief.web import schemas
from newsbrief.web.views import article_href, article_view, cited, event_view, events_by_day

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
MAX_OFFSET = 100_000
MAX_QUERY_CHARS = 200

SECURITY_HEADERS = {
    # No script may run, whatever an article contains; styles only from our stylesheet.
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
        " base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

EventId = Annotated[str, PathParam(pattern=r"^[0-9a-f]{16}$", description="an event id")]
# Article ids come from content (16 hex digits) or from a JSONL record's "id" field.
ArticleId = Annotated[str, PathParam(min_length=1, max_length=256, description="an article id")]


def _calendar_day(day: str | None) -> str | None:
    """A day that the calendar has ("2020-13-45" and "2020-02-30" are 422s, not pages)."""
    if day is not None:
        dt.date.fromisoformat(day)  # its ValueError is the request's validation error
    return day


Day = Annotated[
    str | None,
    Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="only events of this day"),
    AfterValidator(_calendar_day),
]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
SearchText = Annotated[str, Query(max_length=MAX_QUERY_CHARS, description="words to find")]


class _HeadAsGet:
    """HEAD wherever GET is: the API's routes are GET alone in the schema (the pages' take
    both), so a HEAD to /api/ is answered as its GET, without the body."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD" or not _is_api(scope["path"]):
            await self.app(scope, receive, send)
            return

        async def without_body(message: Any) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        # a copy: the server keeps its own scope of a HEAD request
        await self.app({**scope, "method": "GET"}, receive, without_body)


def _is_api(path: str) -> bool:
    return path.startswith("/api/")


def database(request: Request) -> Iterator[sqlite3.Connection]:
    """Yield a read-only connection for one request."""
    connection = store.open_readonly(request.app.state.db_path)
    try:
        yield connection
    finally:
        connection.close()


Db = Annotated[sqlite3.Connection, Depends(database)]


def _templates() -> jinja2.Environment:
    environment = page_environment(jinja2.FileSystemLoader(HERE / "templates"))
    environment.globals["cited"] = cited
    environment.globals["article_href"] = article_href
    environment.globals["timeline_sections"] = timeline_sections
    environment.globals["when"] = when
    return environment


def create_app(db_path: str | Path) -> FastAPI:
    """Return the web app over the store at ``db_path`` (which must exist).

    Raises:
        StoreError: the store is missing or not readable.
    """
    db_path = Path(db_path)
    store.open_readonly(db_path).close()  # fail now, not on the first request
    templates = _templates()
    app = FastAPI(
        title="newsbrief",
        summary="Events, briefs and articles from a newsbrief store",
        docs_url=None,  # the interactive docs load scripts from a CDN; /openapi.json stays
        redoc_url=None,
    )
    app.state.db_path = db_path
    app.add_middleware(_HeadAsGet)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        html = templates.get_template(name).render(request=request, **context)
        return HTMLResponse(html, status_code=status_code)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        response: Response
        if _is_api(request.url.path):
            response = JSONResponse({"detail": error.detail}, status_code=error.status_code)
        else:
            response = page(request, "error.html", error.status_code, message=error.detail)
        response.headers.update(error.headers or {})  # 405 names the allowed methods
        return response

    @app.exception_handler(StoreError)
    @app.exception_handler(sqlite3.DatabaseError)
    async def store_unavailable(request: Request, error: Exception) -> Response:
        # The store vanished or changed version under a running server, or a page of it is
        # damaged ("database disk image is malformed" had been a bare 500 without headers).
        log.warning("store unreadable at %s: %s", request.url.path, error)
        if _is_api(request.url.path):
            # not the store's path, which is the server's own
            return JSONResponse({"detail": "the store cannot be read right now"}, status_code=503)
        return page(request, "error.html", 503, message="The store cannot be read right now.")

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        # The HTTPValidationError of /openapi.json: loc, msg and type of each problem
        # (not the input, which may be long and is the client's own anyway).
        problems = [
            {"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in error.errors()
        ]
        if _is_api(request.url.path):
            return JSONResponse({"detail": problems}, status_code=422)
        message = "; ".join(
            f"{'.'.join(str(part) for part in p['loc'])}: {p['msg']}" for p in problems
        )
        return page(request, "error.html", 422, message=message)

    # ---- JSON API --------------------------------------------------------------------

    @app.get("/api/events", tags=["api"], response_model=schemas.EventList, summary="List events")
    def api_events(
        db: Db, day: Day = None, limit: Limit = PAGE_SIZE, offset: Offset = 0
    ) -> dict[str, Any]:
        """Events, newest day first: headline, date, number of articles and outlets."""
        events, total = store.list_events(db, day=day, limit=limit, offset=offset)
        return {
            "events": [e.to_json() for e in events],
            "total": total,
            "limit": limit,
            "offset": offset,
        }

    @app.get(
        "/api/events/{event_id}",
        tags=["api"],
        response_model=schemas.Brief,
        summary="Get an event's brief",
        responses={301: {"description": "a former id: redirect to the current one"}, 404: {}},
    )
    def api_event(db: Db, event_id: EventId) -> dict[str, Any] | RedirectResponse:
        """One event's brief (the brief JSON of DESIGN.md) and the articles it was built from."""
        current = _current_event(db, event_id)
        if current != event_id:
            return RedirectResponse(f"/api/events/{current}", status_code=301)
        brief = store.get_event(db, current)
        if brief is None:
            raise HTTPException(404, "no such event")
        return brief

    @app.get(
        "/api/articles/{article_id:path}",
        tags=["api"],
        response_model=schemas.StoredArticle,
        summary="Get an article",
        responses={404: {}},
    )
    def api_article(db: Db, article_id: ArticleId) -> dict[str, Any]:
        """One article: cleaned text, metadata, its event, copy_of and copies."""
        return _article(db, article_id)

    @app.get(
        "/api/search", tags=["api"], response_model=schemas.SearchResults, summary="Search articles"
    )
    def api_search(
        db: Db, q: SearchText = "", limit: Limit = 20, offset: Offset = 0
    ) -> dict[str, Any]:
        """Articles containing every word of q, best match first (SQLite FTS5, BM25)."""
        hits = store.search(db, q, limit=limit, offset=offset)
        return {"query": q, "results": [h.to_json() for h in hits], "limit": limit}

    @app.get("/api/stats", tags=["api"], summary="Count what the store holds")
    def api_stats(db: Db) -> dict[str, int]:
        """How many articles, events, briefs and runs the store holds."""
        return store.store_counts(db)

    # ---- pages -----------------------------------------------------------------------

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def front_page(request: Request, db: Db, day: Day = None, offset: Offset = 0) -> HTMLResponse:
        events, total = store.list_events(db, day=day, limit=PAGE_SIZE, offset=offset)
        return page(
            request,
            "index.html",
            days=events_by_day(events),
            total=total,
            day=day,
            offset=offset,
            page_size=PAGE_SIZE,
        )

    @app.api_route("/events/{event_id}", methods=["GET", "HEAD"], include_in_schema=False)
    def event_page(request: Request, db: Db, event_id: EventId) -> Response:
        current = _current_event(db, event_id)
        if current != event_id:
            return RedirectResponse(f"/events/{current}", status_code=301)
        brief = store.get_event(db, current)
        if brief is None:
            raise HTTPException(404, "no such event")
        return page(request, "event.html", **event_view(brief))

    @app.api_route("/articles/{article_id:path}", methods=["GET", "HEAD"], include_in_schema=False)
    def article_page(request: Request, db: Db, article_id: ArticleId) -> HTMLResponse:
        return page(request, "article.html", **article_view(_article(db, article_id)))

    @app.api_route("/search", methods=["GET", "HEAD"], include_in_schema=False)
    def search_page(request: Request, db: Db, q: SearchText = "") -> HTMLResponse:
        hits = store.search(db, q, limit=50) if q.strip() else []
        return page(request, "search.html", query=q, hits=hits)

    return app


def _current_event(db: sqlite3.Connection, event_id: str) -> str:
    current = store.resolve_event_id(db, event_id)
    if current is None:
        raise HTTPException(404, "no such event")
    return current


def _article(db: sqlite3.Connection, article_id: str) -> dict[str, Any]:
    record = store.get_article(db, article_id)
    if record is None:
        raise HTTPException(404, "no such article")
    return record


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the app with uvicorn until interrupted (127.0.0.1 by default: local only)."""
    import uvicorn

    uvicorn.run(
        create_app(db_path),
        host=host,
        port=port,
        # Bounds: connections served at once, and the size of a request's head.
        limit_concurrency=200,
        h11_max_incomplete_event_size=16 * 1024,
        log_level="info",
    )
