"""Answers as CSV or JSON for a gradebook or spreadsheet.

CSV: UTF-8 (no byte-order mark), a header row, then one row per player per question (EXPORT_COLUMNS). A text cell
that starts with = + - @ (or a tab or carriage return) gets a leading apostrophe, so a
spreadsheet shows it as text instead of running it as a formula: a player named
"=HYPERLINK(...)" must not become a live link in the teacher's gradebook. Numbers are
written as numbers and never altered; true/false as 1/0; no value as an empty cell.

JSON: one object {"format": "quizgame-results", "version": 1, "exported_at": ..., "filters":
{...}, "columns": [...], "rows": [...]}; each row has the CSV columns with their exact
values (no apostrophes) plus "response", the answer as stored (text, true/false, a list of
choices, or null when time ran out).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from quizgame.store.records import utc_now
from quizgame.store.store import EXPORT_COLUMNS, ExportRow

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
JSON_FORMAT = "quizgame-results"
JSON_VERSION = 1


def spreadsheet_safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_cell(value: object) -> object:
    # true/false as 1/0 so a spreadsheet can SUM the `correct` column; no value as empty.
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    return spreadsheet_safe(value)


def write_csv(rows: Iterable[ExportRow], handle: TextIO) -> int:
    """Write the header and rows; returns the number of rows. `handle` must use newline=""."""
    writer = csv.writer(handle)
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    width = len(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row[:width]])
        count += 1
    return count


def _json_row(row: ExportRow) -> dict[str, Any]:
    data = dict(zip(EXPORT_COLUMNS, row))
    data["response"] = json.loads(row.response_json)
    return data


def write_json(rows: Iterable[ExportRow], handle: TextIO, *, filters: dict[str, str | None]) -> int:
    """Write the whole document, row by row so a large export never sits in memory."""
    head = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "exported_at": utc_now(),
        "filters": filters,
        "columns": [*EXPORT_COLUMNS, "response"],
    }
    handle.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "rows": [')
    count = 0
    for row in rows:
        separator = "\n    " if count == 0 else ",\n    "
        handle.write(separator + json.dumps(_json_row(row), ensure_ascii=False))
        count += 1
    handle.write("\n  ]\n}\n" if count else "]\n}\n")
    return count
