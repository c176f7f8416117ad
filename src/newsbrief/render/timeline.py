"""A story timeline (``newsbrief timeline``) as terminal text, JSON or Markdown."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from newsbrief.errors import ConfigError
from newsbrief.model import RunReport, TimelineEntry

PRECISION_CHARS = {"year": 4, "month": 7, "day": 10}
# An event timeline's sections, in reading order: kind -> heading.
TIMELINE_SECTIONS = {
    "development": "Timeline",
    "scheduled": "Scheduled",
    "background": "Background",
}

Entry = TypeVar("Entry", TimelineEntry, Mapping[str, Any])


def when(date: dt.date | str, precision: str | None) -> str:
    """Return a date as precisely as it is known: "2014", "2014-10" or "2014-10-03"."""
    iso = date.isoformat() if isinstance(date, dt.date) else str(date)
    return iso[: PRECISION_CHARS.get(precision or "day", 10)]


def _when(entry: TimelineEntry) -> str:
    return when(entry.date, entry.precision)


def timeline_sections(entries: Sequence[Entry]) -> list[tuple[str, list[Entry]]]:
    """Return (heading, entries) per kind, developments first, empty sections left out.

    Entries are ``TimelineEntry`` objects or their JSON (the web's stored briefs, where
    a development has no "kind").
    """
    grouped: dict[str, list[Entry]] = {kind: [] for kind in TIMELINE_SECTIONS}
    for entry in entries:
        kind = entry.kind if isinstance(entry, TimelineEntry) else entry.get("kind")
        grouped.get(kind or "development", grouped["development"]).append(entry)
    return [(TIMELINE_SECTIONS[kind], items) for kind, items in grouped.items() if items]


def render_timeline(
    timeline: Sequence[TimelineEntry], report: RunReport, output_format: str
) -> str:
    """Return the timeline in "text", "json" or "markdown"."""
    if output_format == "json":
        document = {
            "timeline": [entry.to_json() for entry in timeline],
            "rejected": [r.to_json() for r in report.rejected],
            "report": report.to_json(),
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if output_format == "markdown":
        lines = ["# Timeline", ""]
        lines += [f"- **{_when(e)}** {e.text}" for e in timeline]
        return "\n".join(lines) + "\n"
    if output_format == "text":
        lines = [
            textwrap.fill(
                e.text, 88, initial_indent=f"{_when(e):<10}  ", subsequent_indent=" " * 12
            )
            for e in timeline
        ]
        lines += [f"rejected {r.source}: {r.reason}" for r in report.rejected]
        return "\n".join(lines) + "\n"
    raise ConfigError(f"unknown format {output_format!r}; choose one of: json, markdown, text")
