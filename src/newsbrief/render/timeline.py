"""A story timeline (``newsbrief timeline``) as terminal text, JSON or Markdown."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from newsbrief.errors import ConfigError
from newsbrief.model import RunReport, TimelineEntry
from newsbrief.render import printable, when
from newsbrief.render.json import json_document
from newsbrief.render.markdown import markdown_report, markdown_text


def _when(entry: TimelineEntry) -> str:
    return when(entry.date, entry.precision)


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
        return json_document(document)
    if output_format == "markdown":
        lines = ["# Timeline", ""]
        lines += [f"- **{_when(e)}** {markdown_text(e.text)}" for e in timeline]
        lines += markdown_report(report)
        return "\n".join(lines) + "\n"
    if output_format == "text":
        lines = [
            textwrap.fill(
                printable(e.text),
                88,
                initial_indent=f"{_when(e):<10}  ",
                subsequent_indent=" " * 12,
            )
            for e in timeline
        ]
        lines += [r.describe() for r in report.rejected]
        return printable("\n".join(lines)) + "\n"
    raise ConfigError(f"unknown format {output_format!r}; choose one of: json, markdown, text")
