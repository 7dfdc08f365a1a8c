"""Answers as CSV or JSON for a gradebook or spreadsheet.

CSV: UTF-8 (no byte-order mark), a header row, then one row per player per question
(EXPORT_COLUMNS). A text cell that starts with = + - @ (or a tab or carriage return) gets a
leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula:
a player named "=HYPERLINK(...)" must not become a live link in the teacher's gradebook.
Numbers are written as numbers and never altered; true/false as 1/0; no value as an empty
cell.

JSON: one object {"format": "quizgame-results", "version": 2, "exported_at": ..., "filters":
{...}, "columns": [...], "rows": [...]}; each row has the CSV columns with their exact
values (no apostrophes) plus "response", the answer as stored (text, true/false, a list of
choices, or null when time ran out). Control and bidirectional characters in strings are
always written as \\u escapes, so the file is safe to print on a terminal and means the same.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from quizgame.safe_text import BIDI_CONTROLS, DEL_AND_C1, INVISIBLE_BREAKS, NON_CHARACTERS
from quizgame.store.rows import utc_now
from quizgame.store.store import EXPORT_COLUMNS, FORMULA_START, ExportRow

JSON_FORMAT = "quizgame-results"
JSON_VERSION = 2  # 2: the conditions, the bonuses and typo_forgiven; an empty answer for a time-out


def spreadsheet_safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(rows: Iterable[Sequence[object]], handle: TextIO) -> int:
    """Write the header, then rows from ResultsStore.spreadsheet_rows: already guarded, so
    each value goes straight to the csv module (None becomes an empty cell). Returns the
    number of rows. `handle` must be opened with newline=""."""
    writer = csv.writer(handle)
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, 5000)):
        writer.writerows(batch)
        count += len(batch)
    return count


# What json.dumps leaves as it is (it escapes only C0) but a terminal would act on, or show
# in another order: written as \u escapes instead, the same JSON value.
_RAW_IN_JSON = re.compile(f"[{DEL_AND_C1}{BIDI_CONTROLS}{INVISIBLE_BREAKS}{NON_CHARACTERS}]")


def dumps_safe(value: object, **kwargs: Any) -> str:
    """json.dumps, with what a terminal would act on written as \\u escapes."""
    text = json.dumps(value, ensure_ascii=False, **kwargs)
    if _RAW_IN_JSON.search(text) is None:
        return text
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
    handle.write(dumps_safe(head, indent=2)[:-2] + ',\n  "rows": [')
    count = 0
    for row in rows:
        separator = "\n    " if count == 0 else ",\n    "
        handle.write(separator + dumps_safe(_json_row(row)))
        count += 1
    handle.write("\n  ]\n}\n" if count else "]\n}\n")
    return count
