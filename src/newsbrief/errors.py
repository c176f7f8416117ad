"""The one exception hierarchy of newsbrief.

    NewsbriefError                 base: the CLI turns it into a one-line message, exit 1
     +-- ConfigError               unknown or invalid configuration key or value
     +-- InputError                a path or dataset that cannot be read at all
     +-- MissingDependencyError    an optional extra is not installed (carries the hint)
     +-- StoreError                the SQLite store is missing, locked or inconsistent
     +-- StageError                a stage failed on one event: the run reports it, goes on

Problems with single inputs (a broken page, a bad JSONL line) are not exceptions: readers
yield ``model.Rejected`` records so the rest of a run completes.
"""

from __future__ import annotations


class NewsbriefError(Exception):
    """Base class; ``source`` and ``stage`` give context when known."""

    def __init__(self, message: str, *, source: str | None = None, stage: str | None = None):
        super().__init__(message)
        self.source = source
        self.stage = stage

    def __str__(self) -> str:
        message = super().__str__()
        return f"{self.source}: {message}" if self.source else message


class ConfigError(NewsbriefError):
    """A configuration file or option is invalid."""


class InputError(NewsbriefError):
    """An input path or dataset cannot be read at all."""


class MissingDependencyError(NewsbriefError):
    """An optional dependency is absent; the message says what to install."""

    def __init__(self, feature: str, extra: str):
        super().__init__(f"{feature} needs an optional extra: pip install 'newsbrief[{extra}]'")
        self.extra = extra


class StoreError(NewsbriefError):
    """The store cannot be opened or is inconsistent."""


class StageError(NewsbriefError):
    """A pipeline stage failed on one event; ``stage`` names it.

    Runs catch it per event: the event's articles are reported as rejected with the stage
    and reason, and every other event is still briefed.
    """
