"""The brief document as JSON, in the stable schema of DESIGN.md.

Lone surrogates (a bad ``\\ud800`` escape in a JSONL input) become U+FFFD: the document
is valid UTF-8 and parses anywhere.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from newsbrief.model import Brief, RunReport, briefs_to_json, encodable


def render_json(briefs: Sequence[Brief], report: RunReport) -> str:
    document = json.dumps(briefs_to_json(briefs, report), ensure_ascii=False, indent=2)
    return encodable(document) + "\n"
