"""The brief as Markdown: one section per event, sources as a numbered list."""

from __future__ import annotations

from collections.abc import Sequence

from newsbrief.model import CLAIM_JOINS, Brief, RunReport, stated
from newsbrief.render import article_label, cite, safe_url


def _escape(text: str) -> str:
    # Article text is untrusted: keep it from turning into Markdown links or HTML.
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return text


def render_brief_markdown(brief: Brief) -> str:
    out = [f"## {_escape(brief.headline)}", ""]
    if brief.first_seen:
        span = str(brief.first_seen)
        if brief.last_seen and brief.last_seen != brief.first_seen:
            span += f" to {brief.last_seen}"
        out += [f"*{span}, {len(brief.articles)} articles*", ""]
    if brief.summary:
        out += ["### Key points", ""]
        out += [f"- {_escape(s.text)} {cite(brief, s.sources)}" for s in brief.summary]
        out.append("")
    if brief.facts:
        out += ["### Figures", "", "| figure | claims | sources agree? |", "|---|---|---|"]
        for fact in brief.facts:
            dated = fact.agreement == "update"
            claims = CLAIM_JOINS.get(fact.agreement, "; ").join(
                f"{stated(c, dated)} {cite(brief, c.sources)}" for c in fact.claims
            )
            flag = "**conflict**" if fact.agreement == "conflict" else fact.agreement
            out.append(f"| {_escape(fact.subject)} | {_escape(claims)} | {flag} |")
        out.append("")
    if brief.entities:
        out += ["### People, organisations and places", ""]
        for kind in ("person", "organization", "place"):
            names = [f"{_escape(e.name)} ({e.count})" for e in brief.entities if e.type == kind]
            if names:
                out.append(f"- **{kind}s**: " + ", ".join(names))
        out.append("")
    if brief.timeline:
        out += ["### Timeline", ""]
        out += [
            f"- **{t.date}** {_escape(t.text)} {cite(brief, t.sources)}" for t in brief.timeline
        ]
        out.append("")
    out += ["### Sources", ""]
    numbers = {a.id: n for n, a in enumerate(brief.articles, start=1)}
    for number, article in enumerate(brief.articles, start=1):
        label = _escape(article_label(article))
        if safe_url(article.url):
            label = f"[{label}](<{article.url}>)"
        extra = f", {article.date}" if article.date else ""
        if article.copy_of:
            extra += f", copy of [{numbers.get(article.copy_of, '?')}]"
        out.append(f"{number}. {label}{extra}")
    return "\n".join(out) + "\n"


def render_markdown(briefs: Sequence[Brief], report: RunReport) -> str:
    parts = ["# News brief", ""]
    parts += [render_brief_markdown(brief) for brief in briefs]
    if report.rejected:
        parts += [f"## Rejected inputs ({len(report.rejected)})", ""]
        parts += [f"- `{r.source}`: {_escape(r.reason)}" for r in report.rejected]
    return "\n".join(parts) + "\n"
