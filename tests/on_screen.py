"""The terminal as a player sees it, and waiting until it shows what a test expects.

A change reaches the terminal at the screen's next frame, not when a widget's state (a class,
an attribute, a message handled) changes, and under load that frame can come late. So a test
that asserts on what is drawn waits for the drawing itself, here, never for a class or a
fixed time.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable, Iterable

_CELL = re.compile(r'<text [^>]*?x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>')


def screen_lines(app) -> list[str]:
    """The terminal's text line by line (styles dropped)."""
    svg = app.export_screenshot()
    cells: dict[float, list[tuple[float, str]]] = {}
    for match in _CELL.finditer(svg):
        x, y, text = float(match[1]), float(match[2]), html.unescape(match[3])
        cells.setdefault(y, []).append((x, text.replace("\xa0", " ")))
    return ["".join(text for _, text in sorted(parts)).rstrip() for _, parts in sorted(cells.items())]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))


async def until_screen(
    pilot, check: Callable[[list[str]], object], *, timeout: float = 10.0, what: str = ""
) -> list[str]:
    """Let the app draw frames until `check(lines)` holds; the lines it held on. Fails
    after `timeout` seconds, showing what the screen had."""
    deadline = time.monotonic() + timeout
    await pilot.pause()
    while True:
        lines = screen_lines(pilot.app)
        if check(lines):
            return lines
        if time.monotonic() > deadline:
            shown = "\n".join(lines)
            raise AssertionError(f"the screen never showed {what or check}; it shows:\n{shown}")
        await pilot.pause(0.02)


async def shows(
    pilot,
    *texts: str,
    absent: Iterable[str] = (),
    wrapped: bool = False,
    timeout: float = 10.0,
) -> str:
    """Wait until the screen shows every one of `texts` and none of `absent`; its text.
    `wrapped`: the texts may be wrapped over lines (compared with every run of spaces and
    line ends as one space; the text returned is so too)."""
    gone = tuple(absent)

    def flat(lines: list[str]) -> str:
        text = "\n".join(lines)
        return " ".join(text.split()) if wrapped else text

    def check(lines: list[str]) -> bool:
        text = flat(lines)
        return all(t in text for t in texts) and not any(t in text for t in gone)

    wanted = ", ".join(repr(t) for t in texts) + (f" without {gone!r}" if gone else "")
    return flat(await until_screen(pilot, check, timeout=timeout, what=wanted))


async def until(pilot, check: Callable[[], object], *, timeout: float = 10.0, what: str = "") -> None:
    """Let the app run until `check()` holds (a screen changed, feedback shown): a key's
    effects can take more than one pause, as some come a frame or a timer later."""
    deadline = time.monotonic() + timeout
    await pilot.pause()
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or check}")
        await pilot.pause(0.02)
