"""Components by name: what the ``[components]`` section of the config chooses from.

Each kind of component is one function with the signature of the built-in one:

    reader      (sources, IngestConfig) -> Iterable[Article | Rejected]
    clusterer   (articles, ClusterConfig) -> list[Story]
    summarizer  (event, SummaryConfig) -> Summary       (headline and key sentences)
    facts       (event, FactsConfig) -> tuple[Fact, ...]
    entities    (event, EntitiesConfig) -> tuple[Entity, ...]
    timeline    (event, TimelineConfig) -> tuple[TimelineEntry, ...]

A user adds one with the decorator, in a module that is imported before the config loads,
or that a package names as an entry point in the ``newsbrief.components`` group (loaded
once, when a name is first looked up):

    from newsbrief.registry import register

    @register("summarizer", "first-lines")
    def first_lines(event, config): ...

    # pyproject.toml of the package:  [project.entry-points."newsbrief.components"]
    #                                 mine = "my_package.components"

and chooses it in ``newsbrief.toml``: ``[components] summarizer = "first-lines"``. An
unknown name is a ConfigError when the config loads, naming the choices. The built-in
components are registered by module path, so looking a name up imports nothing heavy.
"""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any, TypeVar

from newsbrief.errors import ConfigError

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])

KINDS = ("reader", "clusterer", "summarizer", "facts", "entities", "timeline")
ENTRY_POINT_GROUP = "newsbrief.components"

# kind -> name -> the function, or "module:function" for a built-in not imported yet.
_COMPONENTS: dict[str, dict[str, Callable[..., Any] | str]] = {
    "reader": {"newsbrief": "newsbrief.ingest:read_sources"},
    "clusterer": {
        "batch": "newsbrief.cluster:cluster_stories",
        "online": "newsbrief.cluster:cluster_stream_stories",
    },
    "summarizer": {"newsbrief": "newsbrief.summarize:summarize_event"},
    "facts": {"newsbrief": "newsbrief.facts:extract_facts"},
    "entities": {"newsbrief": "newsbrief.entities:extract_entities"},
    "timeline": {"newsbrief": "newsbrief.timeline:build_timeline"},
}


def register(kind: str, name: str) -> Callable[[F], F]:
    """Return a decorator that registers a function as component ``name`` of ``kind``.

    Raises:
        ConfigError: ``kind`` is not a kind of component, or ``name`` is taken.
    """
    _check_kind(kind)

    def add(function: F) -> F:
        if name in _COMPONENTS[kind] and _COMPONENTS[kind][name] is not function:
            raise ConfigError(f"a {kind} named {name!r} is already registered")
        _COMPONENTS[kind][name] = function
        return function

    return add


def choices(kind: str) -> list[str]:
    """Return the names registered for ``kind``, sorted."""
    _check_kind(kind)
    _load_entry_points()
    return sorted(_COMPONENTS[kind])


def check(kind: str, name: str) -> None:
    """Raise ConfigError (one line, naming the choices) unless ``name`` is registered."""
    if name not in choices(kind):
        raise ConfigError(
            f"[components] {kind} = {name!r} is not registered;"
            f" choose one of: {', '.join(choices(kind))}"
        )


def component(kind: str, name: str) -> Callable[..., Any]:
    """Return the function registered as ``name`` of ``kind``, importing a built-in."""
    check(kind, name)
    found = _COMPONENTS[kind][name]
    if isinstance(found, str):  # looked up on each call: the module's current function
        module, _, attribute = found.partition(":")
        function: Callable[..., Any] = getattr(importlib.import_module(module), attribute)
        return function
    return found


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ConfigError(f"no kind of component {kind!r}; choose one of: {', '.join(KINDS)}")


@functools.cache
def _load_entry_points() -> None:
    """Import the modules that installed packages name in the entry point group, once."""
    for point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            point.load()
        except Exception as error:  # a broken plugin must not stop runs that do not use it
            log.warning("components %s (%s) not loaded: %s", point.name, point.value, error)
