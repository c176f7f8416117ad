"""Time windows for distributed clustering, and the join of their events.

Batch clustering never links articles more than ``event_window_days`` apart, so the
corpus can be cut into windows of ``window_days`` that overlap by ``event_window_days``:
every pair of articles close enough to share an event lies together in at least one
window. Each window is clustered on its own; events of neighbouring windows that share an
article are then joined (union-find over small lists of ids).

Undated articles may join any event locally, so when the corpus spans several windows
each undated article is clustered in every window and then kept in the group it is
most similar to (``resolve_windows``). When all dated articles fit
in one window, everything is clustered together and the result equals the
single-process one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence, Set

from newsbrief.cluster.linkage import join_groups

__all__ = ["join_groups", "one_window", "resolve_windows", "window_keys", "windows_of"]

ONLY = 0  # the window key of every article when one window holds all of them


def windows_of(day: dt.date, window_days: int, overlap_days: int) -> list[int]:
    """Return the keys of the windows holding an article of this date.

    Window k holds ordinals [k * window_days, (k + 1) * window_days + overlap_days).
    """
    ordinal = day.toordinal()
    first = (ordinal - overlap_days) // window_days
    return list(range(max(first, 0), ordinal // window_days + 1))


def one_window(dates: Iterable[dt.date | None], window_days: int, overlap_days: int) -> bool:
    """Return True when a single window holds every dated article."""
    shared: set[int] | None = None
    for day in dates:
        if day is None:
            continue
        keys = set(windows_of(day, window_days, overlap_days))
        shared = keys if shared is None else shared & keys
        if not shared:
            return False
    return True


def window_keys(
    day: dt.date | None,
    window_days: int,
    overlap_days: int,
    single: bool,
    every_window: Sequence[int] = (),
) -> list[int]:
    """Return the windows an article is clustered in (undated: ``every_window``)."""
    if single:
        return [ONLY]
    if day is None:
        return list(every_window)
    return windows_of(day, window_days, overlap_days)


WindowGroup = tuple[int, Sequence[str], Mapping[str, float]]


def resolve_windows(window_groups: Iterable[WindowGroup], dated: Set[str]) -> list[list[str]]:
    """Return the events of the windows' groups: dated articles join across windows.

    Each item is (window, article ids, affinity of each undated member: its mean
    similarity to the group's other members). A dated article in two windows joins its
    two groups. An undated article, clustered in every window, is kept in the group it
    is most similar to (then the larger group, then the earlier window); undated
    articles that chose the same group of undated articles only stay together.
    """
    links: list[list[str]] = []
    choice: dict[str, tuple[tuple[float, int, int], str, list[str]]] = {}
    for number, (window, group, affinity) in enumerate(
        sorted(window_groups, key=lambda item: (item[0], sorted(item[1])))
    ):
        members = [article_id for article_id in group if article_id in dated]
        links.append(members)
        # A group of undated articles only is named by a key no article id can take.
        anchor = members[:1] or [f"\x00{number}"]
        for article_id in group:
            if article_id in dated:
                continue
            rank = (affinity.get(article_id, 0.0), len(group), -window)
            if article_id not in choice or rank > choice[article_id][0]:
                choice[article_id] = (rank, article_id, anchor)
    links.extend([article_id, *anchor] for _, article_id, anchor in choice.values())
    return [
        [article_id for article_id in group if not article_id.startswith("\x00")]
        for group in join_groups(links)
    ]
