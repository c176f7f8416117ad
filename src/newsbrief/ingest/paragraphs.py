"""Paragraphs and code in plain text, read by the text-file reader and the page reader
alike (a record's or a feed entry's body without tags).

Blocks separated by blank lines are paragraphs; inside a block, hard-wrapped lines are
joined and short or complete lines stay paragraphs of their own.
"""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")
# Lines at least this long that end mid-sentence are taken as hard-wrapped text.
WRAPPED_LINE_CHARS = 60


def split_paragraphs(text: str) -> list[str]:
    """Return the paragraphs of plain text (the module docstring's rules)."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        wrapped = len(lines) > 1 and all(
            len(line) >= WRAPPED_LINE_CHARS and not SENTENCE_END.search(line) for line in lines[:-1]
        )
        if wrapped:
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


# What a browser would not show as text, whole, in a text that is otherwise plain (a text
# file, a feed entry's or a JSON record's body without tags): a script, a style, a
# <noscript> notice, a template, a drawing, a comment ("A fire killed 12 people.
# <script>alert(2)</script> The blaze began at 3 a.m.", hostile records: the code, an
# editor's "<!-- the toll may be 40, do not publish -->" and a "Please enable JavaScript"
# had been shown in key points and timelines; in a text file, the code had been a headline).
CODE_ELEMENTS = ("script", "style", "noscript", "template", "svg")
_CODE_ELEMENT = re.compile(
    rf"<({'|'.join(CODE_ELEMENTS)})\b[^>]*>.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
# And a CDATA section's markers (its text is the text: "CDATA" had become a name).
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)


def without_code(text: str) -> str:
    """Return plain text without its code elements and comments (the rest as written)."""
    if "<" not in text:
        return text
    return _CDATA.sub(r"\1", _CODE_ELEMENT.sub(" ", text))
