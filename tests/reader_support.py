"""What readers yield, sorted the way the reader tests look at it."""

from __future__ import annotations

from collections.abc import Iterable

from newsbrief.model import Article, Rejected


def articles_of(records: Iterable[Article | Rejected]) -> list[Article]:
    return [r for r in records if isinstance(r, Article)]


def rejected_of(records: Iterable[Article | Rejected]) -> list[Rejected]:
    """Inputs that gave no article (notes about kept articles are left out)."""
    return [r for r in records if isinstance(r, Rejected) and not r.is_note]


def notes_of(records: Iterable[Article | Rejected]) -> list[Rejected]:
    return [r for r in records if isinstance(r, Rejected) and r.is_note]
