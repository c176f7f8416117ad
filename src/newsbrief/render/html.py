"""The briefs as one self-contained HTML page (inline CSS, no scripts, no external files).

Article text is untrusted: the template autoescapes everything, drops terminal escape
sequences and control characters from every value it shows (``page_environment``), links
only to http, https and local file URLs (``safe_url``), and wraps each inline field in ``<bdi>``
so a bidi control in it (U+202E) cannot reorder the citations and dates shown after it.
"""

from __future__ import annotations

from collections.abc import Sequence

import jinja2

from newsbrief.model import CLAIM_JOINS, Brief, RunReport, stated_claims
from newsbrief.render import (
    article_label,
    citation_numbers,
    cited,
    coverage_line,
    page_environment,
    report_sections,
    safe_url,
    timeline_sections,
    when,
)


def _environment() -> jinja2.Environment:
    return page_environment(jinja2.PackageLoader("newsbrief.render", "templates"))


def render_html(briefs: Sequence[Brief], report: RunReport) -> str:
    template = _environment().get_template("briefs.html.j2")
    return template.render(
        briefs=briefs,
        report=report,
        label=article_label,
        numbers=citation_numbers,
        cited=cited,
        coverage_line=coverage_line,
        report_sections=report_sections,
        safe_url=safe_url,
        timeline_sections=timeline_sections,
        when=when,
        # A claim as the text and Markdown briefs state it: an update is a dated series.
        stated_claims=stated_claims,
        claim_joins=CLAIM_JOINS,
        zip=zip,
    )
