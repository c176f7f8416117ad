"""One frozen dataclass of settings per stage, and the whole-run ``Config``.

A run's settings come from the defaults below, then ``newsbrief.toml`` (or ``--config``),
then CLI flags. Unknown sections or keys are errors, never silently ignored.

    [cluster]
    similarity_threshold = 0.35
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsbrief.errors import ConfigError


@dataclass(frozen=True)
class IngestConfig:
    # Larger inputs are rejected with a reason instead of exhausting memory.
    max_record_bytes: int = 50 * 1024 * 1024


@dataclass(frozen=True)
class CleanConfig:
    # A line seen in at least this many articles of one outlet in a run is boilerplate.
    repeated_line_min_articles: int = 3


@dataclass(frozen=True)
class DedupConfig:
    num_perm: int = 128
    seed: int = 1
    shingle_words: int = 5
    # Jaccard estimate above which two articles are reprints of one story.
    minhash_threshold: float = 0.5


@dataclass(frozen=True)
class ClusterConfig:
    similarity_threshold: float = 0.35
    event_window_days: int = 7


@dataclass(frozen=True)
class SummaryConfig:
    key_sentences: int = 5
    headline_max_words: int = 40


@dataclass(frozen=True)
class FactsConfig:
    max_facts: int = 20


@dataclass(frozen=True)
class EntitiesConfig:
    max_entities: int = 30


@dataclass(frozen=True)
class TimelineConfig:
    max_entries: int = 20


@dataclass(frozen=True)
class Config:
    ingest: IngestConfig = field(default_factory=IngestConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    dedup: DedupConfig = field(default_factory=DedupConfig)
    cluster: ClusterConfig = field(default_factory=ClusterConfig)
    summary: SummaryConfig = field(default_factory=SummaryConfig)
    facts: FactsConfig = field(default_factory=FactsConfig)
    entities: EntitiesConfig = field(default_factory=EntitiesConfig)
    timeline: TimelineConfig = field(default_factory=TimelineConfig)


def _build(cls: type[Any], values: dict[str, Any], where: str) -> Any:
    known = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ConfigError(
            f"unknown key {unknown[0]!r} in [{where}]; choose one of: {', '.join(sorted(known))}"
        )
    kwargs: dict[str, Any] = {}
    for name, value in values.items():
        default = getattr(cls(), name)
        if dataclasses.is_dataclass(default):
            if not isinstance(value, dict):
                raise ConfigError(f"[{name}] must be a table")
            kwargs[name] = _build(type(default), value, name)
            continue
        expected = type(default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if default is not None and not isinstance(value, expected):
            raise ConfigError(
                f"{where}.{name} must be {expected.__name__}, not {type(value).__name__}"
            )
        kwargs[name] = value
    return cls(**kwargs)


def config_from_dict(values: dict[str, Any]) -> Config:
    """Return a Config from nested dicts ({"cluster": {...}}); unknown keys raise ConfigError."""
    config: Config = _build(Config, values, "config")
    return config


def load_config(path: str | Path | None = None) -> Config:
    """Return the settings in a TOML file, or the defaults when ``path`` is None."""
    if path is None:
        return Config()
    try:
        with open(path, "rb") as handle:
            values = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"cannot read config: {error.strerror}", source=str(path)) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"invalid TOML: {error}", source=str(path)) from None
    return config_from_dict(values)


def with_overrides(config: Config, section: str, **values: Any) -> Config:
    """Return ``config`` with some keys of one section replaced (CLI flags)."""
    current = getattr(config, section)
    kept = {k: v for k, v in values.items() if v is not None}
    merged = _build(type(current), {**dataclasses.asdict(current), **kept}, section)
    return dataclasses.replace(config, **{section: merged})
