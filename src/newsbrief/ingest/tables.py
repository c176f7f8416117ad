"""CSV and TSV tables of articles: one article per row, its columns named as JSONL fields.

Many news dumps are spreadsheets (a header row ``title,date,text``, or news-please's
columns). A table is known by its header: its first line, split by commas or tabs, is
column names, one of them a text column (``jsonl.TEXT_FIELDS``). Each row is read as a
JSONL record (``jsonl.read_record``), named ``file#rowN``; a row without text is rejected
with that name, as a JSONL line is. A cell may hold a whole article (up to
``max_record_bytes``); a table that breaks (an unclosed quote, a cell over that bound)
keeps the rows before and says where it broke.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterator

from newsbrief.config import IngestConfig
from newsbrief.ingest import Input, opening_bytes
from newsbrief.ingest.jsonl import TEXT_FIELDS, read_record
from newsbrief.model import NOTE, Article, Rejected

DELIMITERS = (",", "\t", ";", "|")


# A column's name: one short word ("title", "date_publish"), never a phrase.
_COLUMN_NAME = re.compile(r"[a-z0-9_.-]{1,40}")


def table_delimiter(head: bytes) -> str | None:
    """The delimiter of a table whose header row (the first line of ``head``) is column
    names, one a text column, or None: a text's first line ("Body, mind and soul: a
    review") is no such header."""
    # (an old Mac's table ends its lines with "\r" alone)
    first = re.split(rb"\r\n?|\n", opening_bytes(head), maxsplit=1)[0]
    first = first.decode("utf-8", "replace").strip()
    for delimiter in DELIMITERS:
        names = [name.strip().strip('"').lower() for name in first.split(delimiter)]
        if (
            len(names) >= 2
            and any(name in TEXT_FIELDS for name in names)
            and all(_COLUMN_NAME.fullmatch(name) for name in names)
        ):
            return delimiter
    return None


def read_table(opened: Input, config: IngestConfig) -> Iterator[Article | Rejected]:
    """Yield one Article or Rejected per row of a CSV or TSV table (and notes on kept ones)."""
    delimiter = table_delimiter(opened.head) or ","
    # A cell holds an article: csv's default limit (128 KiB) would stop a long one (the
    # limit is the process's: no other reader here uses csv).
    csv.field_size_limit(min(sys.maxsize, config.max_record_bytes))
    # "utf-8-sig": a spreadsheet's byte-order mark is no part of the first column's name.
    lines = io.TextIOWrapper(opened.stream, encoding="utf-8-sig", errors="replace", newline="")
    number = longer = 0
    try:
        rows = csv.reader(lines, delimiter=delimiter)
        names = [name.strip().lower() for name in next(rows, [])]
        if repeated := sorted({name for name in names if name and names.count(name) > 1}):
            # Read as a dict, the last column of a name had replaced the first's text.
            named_twice = ", ".join(repeated)
            yield Rejected(opened.name, f"columns named twice, the first read: {named_twice}", NOTE)
        for cells in rows:
            if not cells:
                continue  # a blank line
            number += 1
            longer += len(cells) > len(names)
            record: dict[str, str] = {}
            for name, value in zip(names, cells, strict=False):
                if name:
                    record.setdefault(name, value)
            link = f"{opened.uri}#row{number}" if opened.uri else None
            yield from read_record(record, f"{opened.name}#row{number}", link, config)
    except csv.Error as error:
        yield Rejected(f"{opened.name}#row{number + 1}", f"table broke: {error}")
    finally:
        lines.detach()  # the input's stream is its opener's to close
    if longer:
        yield Rejected(opened.name, f"rows with cells past the header's, not read: {longer}", NOTE)
