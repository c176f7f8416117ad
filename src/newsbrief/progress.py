"""Progress reporting without printing from the library.

Long-running library functions take ``progress: Progress = no_progress`` and loop with
``for item in progress(items, "clustering", total)``. The CLI passes ``terminal_progress``,
a tqdm bar on a terminal that stays quiet when stderr is piped or ``--quiet`` is given.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Protocol, TypeVar

T = TypeVar("T")


class Progress(Protocol):
    def __call__(
        self, items: Iterable[T], description: str, total: int | None = None
    ) -> Iterable[T]: ...


def no_progress(items: Iterable[T], description: str, total: int | None = None) -> Iterable[T]:
    """Return the items unchanged (the library default)."""
    return items


def terminal_progress(
    items: Iterable[T], description: str, total: int | None = None
) -> Iterable[T]:
    """Return the items wrapped in a tqdm bar on stderr, when stderr is a terminal."""
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    bar: Iterable[T] = tqdm(items, desc=description, total=total, leave=False, unit="item")
    return bar
