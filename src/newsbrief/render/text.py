"""The brief for a terminal: plain text, wrapped, sources cited by number.

Article text is untrusted: every field goes through ``printable`` before it is wrapped,
so no escape sequence, control or bidi character reaches the terminal.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

from newsbrief.model import CLAIM_JOINS, Brief, RunReport, stated_claims
from newsbrief.render import (
    article_label,
    cite,
    coverage_line,
    printable,
    report_sections,
    reported,
    timeline_sections,
    when,
)

WIDTH = 88
# A citation ("[1, 3, 5]") is read as one mark: it is never split over two lines, unless
# it cites so many reports that it needs more than a third of one.
_CITATION = re.compile(r"\[\d+(?:, \d+)*\]")
_LONGEST_KEPT_CITATION = WIDTH // 3
_KEEP_TOGETHER = "\u00a0"  # textwrap breaks only on ASCII whitespace


def _wrap(text: str, indent: str = "  ", first: str | None = None) -> str:
    """Wrap at spaces only: a hyphenated name ("François-Philippe Champagne", "U.S.-led")
    is never cut at its hyphen, and a citation never over two lines."""
    text = printable(text).replace(_KEEP_TOGETHER, " ")
    text = _CITATION.sub(
        lambda m: (
            m.group().replace(" ", _KEEP_TOGETHER)
            if len(m.group()) <= _LONGEST_KEPT_CITATION
            else m.group()
        ),
        text,
    )
    wrapped = textwrap.fill(
        text,
        WIDTH,
        initial_indent=first if first is not None else indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )
    return wrapped.replace(_KEEP_TOGETHER, " ")


def render_brief_text(brief: Brief) -> str:
    """Return one brief as terminal text."""
    lines = [_wrap(brief.headline, indent="  ", first="")]
    span = ""
    if brief.first_seen:
        span = str(brief.first_seen)
        if brief.last_seen and brief.last_seen != brief.first_seen:
            span += f" to {brief.last_seen}"
    meta = coverage_line(brief)
    lines.append("  " + "; ".join(part for part in (span, meta) if part))
    if brief.summary:
        lines += ["", "Key points"]
        lines += [
            _wrap(f"{reported(s)}{s.text} {cite(brief, s.sources)}", first="  - ", indent="    ")
            for s in brief.summary
        ]
    if brief.facts:
        lines += ["", "Figures"]
        for fact in brief.facts:
            claims = CLAIM_JOINS.get(fact.agreement, "; ").join(
                f"{text} {cite(brief, c.sources)}"
                for c, text in zip(fact.claims, stated_claims(fact), strict=True)
            )
            marker = {"conflict": "CONFLICT"}.get(fact.agreement, fact.agreement)
            lines.append(_wrap(f"{fact.subject}: {claims} ({marker})", first="  - ", indent="    "))
    if brief.entities:
        lines += ["", "Who and where"]
        for kind in ("person", "organization", "place"):
            names = [f"{e.name} ({e.count})" for e in brief.entities if e.type == kind]
            if names:
                lines.append(_wrap(", ".join(names), first=f"  {kind}s: ", indent="    "))
    for heading, entries in timeline_sections(brief.timeline):
        lines += ["", heading]
        for entry in entries:
            lines.append(
                _wrap(
                    f"{entry.text} {cite(brief, entry.sources)}",
                    first=f"  {when(entry.date, entry.precision):<10}  ",
                    indent=" " * 14,
                )
            )
    lines += ["", "Sources"]
    numbers = {a.id: n for n, a in enumerate(brief.articles, start=1)}
    for number, article in enumerate(brief.articles, start=1):
        described = article_label(article)
        if article.date:
            described += f", {article.date}"
        if article.copy_of:
            described += f", copy of [{numbers.get(article.copy_of, '?')}]"
        lines.append(_wrap(f"[{number}] {described}", first="  ", indent="      "))
        if article.url:
            lines.append(f"      {printable(article.url)}")
    return "\n".join(lines)


def render_text(briefs: Sequence[Brief], report: RunReport) -> str:
    rule = "=" * WIDTH
    parts = [f"{rule}\n{render_brief_text(brief)}" for brief in briefs]
    if not briefs:
        parts.append("No events: no article could be read.")
    for title, records in report_sections(report):
        lines = [f"{title} ({len(records)})"]
        lines += [_wrap(f"{r.source}: {r.reason}", first="  - ", indent="    ") for r in records]
        parts.append(f"{rule}\n" + "\n".join(lines))
    return printable("\n\n".join(parts)) + "\n"
