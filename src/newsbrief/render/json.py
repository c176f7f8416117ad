"""The brief document as JSON, in the stable schema of DESIGN.md.

Lone surrogates (a bad ``\\ud800`` escape in a JSONL input) become U+FFFD: the document
is valid UTF-8 and parses anywhere. Bidi controls are escaped (``json_document``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from newsbrief.model import Brief, RunReport, briefs_to_json, encodable
from newsbrief.render import BIDI_CONTROLS


def render_json(briefs: Sequence[Brief], report: RunReport) -> str:
    return json_document(briefs_to_json(briefs, report))


def json_document(document: object) -> str:
    """Return a JSON document as the outputs write it: indented UTF-8 text, lone
    surrogates replaced, C1 and bidi controls written as ``\\u`` escapes (JSON escapes the
    C0 control characters itself): the same strings when parsed, and a terminal showing the
    document is not reordered by them."""
    text = encodable(json.dumps(document, ensure_ascii=False, indent=2))
    return _UNESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


# What JSON writes raw and a terminal acts on: DEL, the C1 controls (U+009B is a CSI) and
# the bidi controls; JSON escapes the C0 controls itself.
_UNESCAPED = re.compile(f"[\x7f-\x9f]|{BIDI_CONTROLS.pattern}")
