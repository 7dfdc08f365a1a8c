"""Stylesheet rules that keep screens from styling each other and keep themes working."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TUI = Path(__file__).resolve().parents[2] / "quizgame" / "tui"
STYLESHEETS = sorted(TUI.rglob("*.tcss"))
SCREEN_SHEETS = sorted((TUI / "screens").glob("*.tcss"))

# Named colours Textual understands, which would bypass the theme.
_NAMED = r"\b(?:black|white|red|green|blue|yellow|magenta|cyan|gr[ae]y|orange|purple|pink|ansi_\w+)\b"
_LITERAL_COLOUR = re.compile(rf"#[0-9a-fA-F]{{3,8}}\b|\b(?:rgba?|hsla?)\(|{_NAMED}")
_DECLARATION = re.compile(r"(?:^|[{;])\s*[a-z-]+\s*:\s*(?P<value>[^;{}]+)(?=[;}])", re.M)


def _without_comments(text: str) -> str:
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


def _top_level_selectors(text: str) -> list[str]:
    selectors, depth, current = [], 0, ""
    for char in _without_comments(text):
        if char == "{":
            if depth == 0:
                selectors += [s.strip() for s in current.split(",") if s.strip()]
                current = ""
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0:
            current += char
    return selectors


def _screen_class(sheet: Path) -> str:
    source = sheet.with_suffix(".py").read_text(encoding="utf-8")
    # Each screen loads its sheet as DEFAULT_CSS = sheet("name.tcss") (see screens/base.py).
    before = source[: source.index(f'DEFAULT_CSS = sheet("{sheet.name}")')]
    return re.findall(r"^class (\w+)\(", before, re.M)[-1]


def test_there_are_stylesheets_to_check() -> None:
    assert len(SCREEN_SHEETS) >= 5


@pytest.mark.parametrize("sheet", SCREEN_SHEETS, ids=lambda p: p.name)
def test_screen_rules_are_scoped_to_their_screen(sheet: Path) -> None:
    # A screen's CSS_PATH rules applied app-wide once loaded: an unscoped `#question` in one
    # screen once stretched the quit dialog to the full height of the terminal. Textual scopes
    # DEFAULT_CSS to the screen's type, but spelled out the scope holds however a sheet is
    # loaded.
    screen = _screen_class(sheet)
    unscoped = [
        selector
        for selector in _top_level_selectors(sheet.read_text(encoding="utf-8"))
        if re.split(r"[\s>.:#]", selector, maxsplit=1)[0] != screen
    ]
    assert unscoped == [], f"{sheet.name}: prefix these selectors with {screen}"


@pytest.mark.parametrize("sheet", STYLESHEETS, ids=lambda p: p.name)
def test_colours_come_from_the_theme(sheet: Path) -> None:
    values = [m["value"] for m in _DECLARATION.finditer(_without_comments(sheet.read_text("utf-8")))]
    literal = [v for v in values if _LITERAL_COLOUR.search(v)]
    assert literal == [], f"{sheet.name}: use theme variables ($primary, $error, ...) instead"
