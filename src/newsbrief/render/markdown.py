"""The brief as Markdown: one section per event, sources as a numbered list.

Every field is untrusted article text: ``markdown_text`` puts it on one line and
backslash-escapes each character Markdown or raw HTML would act on, and links are made
only to http and https URLs (``markdown_link_target``); other URLs show as text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsbrief.model import CLAIM_JOINS, Brief, RunReport, stated_claims
from newsbrief.render import (
    WEB_SCHEMES,
    article_label,
    cite,
    coverage_line,
    printable,
    report_sections,
    reported,
    safe_url,
    timeline_sections,
    when,
)

# CommonMark lets any ASCII punctuation be backslash-escaped; these start emphasis, code,
# links, images, HTML tags and entities, table cells, a heading's closing #s and GFM
# strikethrough. A field is never at the start of a line, so "-", "+", "1." stay as written.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!|~&])")
# In a link target these would end it early or open HTML: percent-encoded.
_LINK_UNSAFE = re.compile(r"[\s<>\"'()\\`\x00-\x1f\x7f]")


def markdown_text(text: str) -> str:
    """Return text as inert Markdown: one line, each special character escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(printable(text).split()))


def markdown_link_target(url: str | None) -> str | None:
    """Return the URL as a link target ``<...>``, or None when it must not be linked: a
    web URL only (CommonMark renderers refuse a ``file:`` link and show its Markdown
    source, "[NYT](<file:///...>)"; the file's URL is shown as text instead)."""
    target = safe_url(url)
    if target is None or not target.lower().startswith(WEB_SCHEMES):
        return None
    encoded = _LINK_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), target)
    return f"<{encoded}>"


def render_brief_markdown(brief: Brief) -> str:
    out = [f"## {markdown_text(brief.headline)}", ""]
    span = ""
    if brief.first_seen:
        span = str(brief.first_seen)
        if brief.last_seen and brief.last_seen != brief.first_seen:
            span += f" to {brief.last_seen}"
        span += ", "
    out += [f"*{span}{markdown_text(coverage_line(brief))}*", ""]
    if brief.summary:
        out += ["### Key points", ""]
        out += [
            f"- {reported(s, '**{}** ')}{markdown_text(s.text)} {cite(brief, s.sources)}"
            for s in brief.summary
        ]
        out.append("")
    if brief.facts:
        out += ["### Figures", "", "| figure | claims | sources agree? |", "|---|---|---|"]
        for fact in brief.facts:
            claims = CLAIM_JOINS.get(fact.agreement, "; ").join(
                f"{text} {cite(brief, c.sources)}"
                for c, text in zip(fact.claims, stated_claims(fact), strict=True)
            )
            flag = "**conflict**" if fact.agreement == "conflict" else fact.agreement
            out.append(f"| {markdown_text(fact.subject)} | {markdown_text(claims)} | {flag} |")
        out.append("")
    if brief.entities:
        out += ["### People, organisations and places", ""]
        for kind in ("person", "organization", "place"):
            names = [
                f"{markdown_text(e.name)} ({e.count})" for e in brief.entities if e.type == kind
            ]
            if names:
                out.append(f"- **{kind}s**: " + ", ".join(names))
        out.append("")
    for heading, entries in timeline_sections(brief.timeline):
        out += [f"### {heading}", ""]
        out += [
            f"- **{when(t.date, t.precision)}** {markdown_text(t.text)} {cite(brief, t.sources)}"
            for t in entries
        ]
        out.append("")
    out += ["### Sources", ""]
    numbers = {a.id: n for n, a in enumerate(brief.articles, start=1)}
    for number, article in enumerate(brief.articles, start=1):
        label = markdown_text(article_label(article))
        target = markdown_link_target(article.url)
        if target:
            label = f"[{label}]({target})"
        elif article.url:
            label += f" ({markdown_text(article.url)})"  # not a scheme we link to: plain text
        extra = f", {article.date}" if article.date else ""
        if article.copy_of:
            extra += f", copy of [{numbers.get(article.copy_of, '?')}]"
        out.append(f"{number}. {label}{extra}")
    return "\n".join(out) + "\n"


def render_markdown(briefs: Sequence[Brief], report: RunReport) -> str:
    parts = ["# News brief", ""]
    parts += [render_brief_markdown(brief) for brief in briefs]
    parts += markdown_report(report)
    return "\n".join(parts) + "\n"


def markdown_report(report: RunReport) -> list[str]:
    """Return the lines of the run's rejected inputs and notes, a section each (a blank
    line before each heading)."""
    lines: list[str] = []
    for title, records in report_sections(report):
        lines += ["", f"## {title} ({len(records)})", ""]
        lines += [f"- {markdown_text(r.source)}: {markdown_text(r.reason)}" for r in records]
    return lines
