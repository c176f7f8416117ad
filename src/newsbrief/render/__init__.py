"""Renderers: one brief document in the terminal, JSON, Markdown or a self-contained HTML page.

All renderers number a brief's articles [1], [2], ... in the order of ``Brief.articles``
and cite them by those numbers, so a reader can trace every sentence and figure.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import markupsafe

from newsbrief.errors import ConfigError
from newsbrief.model import (
    Article,
    Brief,
    KeySentence,
    Rejected,
    RunReport,
    TimelineEntry,
    encodable,
    without_escapes,
)

if TYPE_CHECKING:
    import jinja2

FORMATS = ("text", "json", "markdown", "html")
# Links to an article's original are only made for these schemes (never javascript:), a
# file only on this machine: "file://host/share" and "file:////host/share" are a remote
# share (SMB on Windows, where following one sends the user's credentials to the host a
# record names).
WEB_SCHEMES = ("http://", "https://")
LINK_SCHEMES = (*WEB_SCHEMES, "file:///", "file://localhost/")
_REMOTE_FILE = re.compile(r"file://(?:localhost)?/[/\\]", re.IGNORECASE)


# The bidi controls that reorder the text after them (U+202E turns "[1] x" into "x ]1["):
# a terminal shows none (``printable``); a page isolates them in ``<bdi>``.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Return text without what a terminal would act on (escape sequences, control and
    bidi characters) and with lone surrogates replaced; newlines and tabs stay.

    Every line newsbrief prints goes through it: briefs, rejected reasons, status lines.
    """
    return BIDI_CONTROLS.sub("", without_escapes(text))


def page_environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    """Return the Jinja environment of an HTML page (the exported briefs, the web app).

    Article text is untrusted: every value is autoescaped and shown ``without_escapes``
    (markup the template made stays markup); ``printable`` is the filter where no
    ``<bdi>`` can isolate bidi text (``<title>``, attributes).
    """
    import jinja2  # only the HTML outputs need it

    environment = jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_page_value,
    )
    environment.filters["printable"] = printable
    return environment


def _page_value(value: object) -> object:
    if isinstance(value, markupsafe.Markup):
        return markupsafe.Markup(without_escapes(value))
    return without_escapes(value) if isinstance(value, str) else value


def safe_url(url: str | None) -> str | None:
    """Return the URL (stripped) when it is safe to link to, else None."""
    url = url.strip() if url else None
    if not url or not url.lower().startswith(LINK_SCHEMES) or _REMOTE_FILE.match(url):
        return None
    return url


def article_label(article: Article) -> str:
    """Return how an article is named in a brief: its outlet, else "outlet unknown" and its
    title. A file name is never shown as a source (its URL stays in the JSON and links)."""
    if article.source and article.source.strip():
        return article.source
    if article.title and article.title.strip():
        return f"outlet unknown: {article.title}"
    return "outlet unknown"


def coverage_line(brief: Brief) -> str:
    """Return "5 reports from 3 outlets (2 of unknown outlet), 1 copy", honestly counted.

    A report is an article that is not a copy of another; an outlet is a known
    ``Article.source`` of a report (``clean.outlet_of``: "CBC" and "www.cbc.ca" are one):
    unknown outlets are not guessed, and a copy adds neither a report nor an outlet.
    """
    from newsbrief.clean import outlet_of, report_outlets

    reports = [a for a in brief.articles if a.copy_of is None]
    outlets = report_outlets(reports)
    unknown = sum(outlet_of(a) is None for a in reports)
    copies = len(brief.articles) - len(reports)
    line = f"{len(reports)} report{'' if len(reports) == 1 else 's'}"
    if outlets:
        line += f" from {len(outlets)} outlet{'' if len(outlets) == 1 else 's'}"
        if unknown:
            line += f" ({unknown} of unknown outlet)"
    elif reports:
        line += " (outlets unknown)"
    if copies:
        line += f", {copies} cop{'y' if copies == 1 else 'ies'}"
    return line


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


def reported(sentence: KeySentence, form: str = "{}: ") -> str:
    """A key point's day, written in ``form``, where its story dates it (``reported``); ""
    where not."""
    return form.format(sentence.reported.isoformat()) if sentence.reported else ""


def report_sections(report: RunReport) -> list[tuple[str, tuple[Rejected, ...]]]:
    """Return the run's rejected inputs and its notes on kept articles as titled
    sections, the empty ones left out: a note is not a rejection."""
    sections = [("Rejected inputs", report.refused), ("Notes on kept articles", report.notes)]
    return [(title, records) for title, records in sections if records]


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


def citation_numbers(brief: Brief) -> dict[str, int]:
    """Return the citation number of each article id of a brief (1-based)."""
    return {article.id: number for number, article in enumerate(brief.articles, start=1)}


def cited(brief: Brief, sources: Sequence[str]) -> list[int]:
    """Return the sorted citation numbers of the given article ids."""
    numbers = citation_numbers(brief)
    return sorted(numbers[s] for s in sources if s in numbers)


def cite(brief: Brief, sources: Sequence[str]) -> str:
    """Return "[1, 3]" for the given article ids."""
    return "[" + ", ".join(str(n) for n in cited(brief, sources)) + "]"


def render(briefs: Sequence[Brief], report: RunReport, output_format: str) -> str:
    """Return the briefs in one of ``FORMATS``."""
    from newsbrief.render import html, json, markdown, text

    renderers: dict[str, Callable[[Sequence[Brief], RunReport], str]] = {
        "text": text.render_text,
        "json": json.render_json,
        "markdown": markdown.render_markdown,
        "html": html.render_html,
    }
    if output_format not in renderers:
        raise ConfigError(f"unknown format {output_format!r}; choose one of: {', '.join(FORMATS)}")
    return encodable(renderers[output_format](briefs, report))
