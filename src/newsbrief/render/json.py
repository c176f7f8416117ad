"""The brief document as JSON, in the stable schema of DESIGN.md."""

from __future__ import annotations

import json
from collections.abc import Sequence

from newsbrief.model import Brief, RunReport, briefs_to_json


def render_json(briefs: Sequence[Brief], report: RunReport) -> str:
    return json.dumps(briefs_to_json(briefs, report), ensure_ascii=False, indent=2) + "\n"
