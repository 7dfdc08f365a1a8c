"""Plain-text tables that fit an 80-column terminal, for the report commands."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

from quizgame.safe_text import safe_text
from quizgame.tally import percent_text, points_text

WIDTH = 80
GAP = "  "
ELLIPSIS = "…"


def clean(text: str) -> str:
    """Stored names and answers are data: control and bidi characters must not reach the
    terminal, where they could move the cursor, clear the screen or reorder the line; and a
    cell stays on its line."""
    return safe_text(text, one_line=True)


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cell_width(text: str) -> int:
    return sum(_char_width(ch) for ch in text)


def truncate(text: str, width: int) -> str:
    if cell_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = _char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + ELLIPSIS


def _pad(text: str, width: int, align: str) -> str:
    space = " " * max(0, width - cell_width(text))
    return space + text if align == ">" else text + space


def format_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    align: str,
    flex: Sequence[int] = (),
    width: int = WIDTH,
    min_flex: int = 8,
) -> list[str]:
    """Aligned lines (header first). `align` has one '<' or '>' per column; columns listed in
    `flex` are shortened (with an ellipsis), widest first, until the table fits `width`."""
    cells = [[clean(cell) for cell in row] for row in rows]
    widths = [
        max([cell_width(h)] + [cell_width(row[i]) for row in cells]) for i, h in enumerate(headers)
    ]
    excess = sum(widths) + len(GAP) * (len(widths) - 1) - width
    while excess > 0:
        candidates = [i for i in flex if widths[i] > max(min_flex, cell_width(headers[i]))]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    lines = []
    for row in [list(headers), *cells]:
        parts = [_pad(truncate(cell, widths[i]), widths[i], align[i]) for i, cell in enumerate(row)]
        lines.append(GAP.join(parts).rstrip())
    return lines


# Written as the game writes them (quizgame.tally): a figure reads the same everywhere.
number = points_text
percent = percent_text


def local_time(stamp: str | None) -> str:
    """A stored UTC timestamp in the reader's local time, to the minute."""
    if not stamp:
        return "-"
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return clean(stamp)[:16]
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
