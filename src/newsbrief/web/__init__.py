"""The web app: pages and a JSON API over a newsbrief store (FastAPI, Jinja2, uvicorn).

    app = create_app("news.db")        # an ASGI app, for any server or a TestClient
    serve("news.db", port=8000)        # uvicorn on 127.0.0.1

Needs the ``web`` extra: pip install 'newsbrief[web]'.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from newsbrief.errors import MissingDependencyError

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app", "serve"]


def _app_module() -> ModuleType:
    try:
        app = importlib.import_module("newsbrief.web.app")
    except ModuleNotFoundError as error:
        if error.name in {"fastapi", "uvicorn", "starlette", "pydantic"}:
            raise MissingDependencyError("the web app", "web") from None
        raise
    return app


def create_app(db_path: str | Path) -> FastAPI:
    """Return the web app over the store at ``db_path`` (see ``newsbrief.web.app``)."""
    app: FastAPI = _app_module().create_app(db_path)
    return app


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the web app with uvicorn until interrupted."""
    _app_module().serve(db_path, host=host, port=port)
