"""The briefs as one self-contained HTML page (inline CSS, no scripts, no external files)."""

from __future__ import annotations

from collections.abc import Sequence

import jinja2

from newsbrief.model import Brief, RunReport
from newsbrief.render import article_label, citation_numbers, cited, safe_url
from newsbrief.render.timeline import timeline_sections, when


def _environment() -> jinja2.Environment:
    # Autoescape everything: article titles and text are untrusted input.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("newsbrief.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def render_html(briefs: Sequence[Brief], report: RunReport) -> str:
    template = _environment().get_template("briefs.html.j2")
    return template.render(
        briefs=briefs,
        report=report,
        label=article_label,
        numbers=citation_numbers,
        cited=cited,
        safe_url=safe_url,
        timeline_sections=timeline_sections,
        when=when,
    )
