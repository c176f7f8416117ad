"""Evaluation: metrics, dataset loaders and the ``newsbrief eval ...`` jobs.

Each job returns an ``EvalResult``: newsbrief's scores beside every baseline or published
system, computed in the same run, plus the settings that make the numbers comparable.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsbrief.errors import InputError
from newsbrief.ingest.jsonl import json_kind

# Metrics that count things (printed as integers); every other metric is a rate or a score.
COUNT_METRICS = frozenset({"attribution-violations", "entity-duplicates"})


@dataclass(frozen=True)
class EvalResult:
    """Scores per system: ``metric["newsbrief"]["rouge-2"] = 0.0951``."""

    dataset: str
    n: int
    metric: dict[str, dict[str, float]]
    settings: str
    # Extra rows printed under the table (per-language figures, per-topic breakdowns...).
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "dataset": self.dataset,
            "n": self.n,
            "metric": self.metric,
            "settings": self.settings,
        }
        if self.details:
            out["details"] = self.details
        return out

    def to_table(self) -> str:
        """Return a Markdown table, one row per system, newsbrief first."""
        names = sorted(self.metric, key=lambda name: (name != "newsbrief", name))
        columns: list[str] = []
        for name in names:
            columns.extend(key for key in self.metric[name] if key not in columns)
        lines = [
            f"{self.dataset} (n={self.n}; {self.settings})",
            "",
            "| system | " + " | ".join(columns) + " |",
            "|---|" + "---:|" * len(columns),
        ]
        for name in names:
            cells = [_cell(self.metric[name].get(key), key) for key in columns]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        for title, rows in self.details.items():
            if isinstance(rows, dict) and rows and all(isinstance(r, dict) for r in rows.values()):
                lines.extend(["", *_rows_table(title, rows)])
        return "\n".join(lines)


def _rows_table(title: str, rows: dict[str, dict[str, Any]]) -> list[str]:
    """Return a detail (one row per story, topic...) as a Markdown table under its title."""
    columns: list[str] = []
    for row in rows.values():
        columns.extend(key for key in row if key not in columns)
    lines = [f"{title}:", "", "| | " + " | ".join(columns) + " |", "|---|" + "---:|" * len(columns)]
    for name, row in rows.items():
        cells = [_cell(row.get(key), key) for key in columns]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def _cell(value: Any, metric: str) -> str:
    if isinstance(value, float):
        return f"{value:.0f}" if metric in COUNT_METRICS else f"{value:.4f}"
    return "" if value is None else str(value)


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield the objects of a JSONL file, gzip-compressed or not.

    Raises:
        InputError: no such file, a file that is not UTF-8 JSON Lines (or a damaged gzip), a
            line that is not JSON or not an object.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("not a file" if path.exists() else "no such file", source=str(path))
    opener = gzip.open if path.suffix == ".gz" else open
    number = 0
    try:
        with opener(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield _json_object(line, number, path)
    except UnicodeDecodeError:
        raise InputError(f"line {number + 1} is not UTF-8 text", source=str(path)) from None
    except (OSError, EOFError, zlib.error) as error:  # a damaged or cut gzip, no gzip
        raise InputError(f"cannot read past line {number}: {error}", source=str(path)) from None


def _json_object(line: str, number: int, path: Path) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"line {number} is not JSON: {error.msg}", source=str(path)) from None
    except (RecursionError, ValueError):  # nested past the stack, a number of 4,300+ digits
        raise InputError(f"line {number} is not JSON it can read", source=str(path)) from None
    if not isinstance(value, dict):
        kind = json_kind(value)
        raise InputError(f"line {number} is a JSON {kind}, not an object", source=str(path))
    return value
