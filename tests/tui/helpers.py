"""Shared pieces for the TUI tests: a clock that only moves when told, and pack loading."""

from __future__ import annotations

from pathlib import Path

from fakes import FakeClock  # noqa: F401  (shared; re-exported for this package's tests)
from on_screen import screen_lines, screen_text, shows, until, until_screen  # noqa: F401  (re-exported)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PLAYER = "Ada"
THEME = "textual-dark"


def load(path: Path):
    from quizgame.packs import load_pack

    return load_pack(path, cache=False)


def screen_grid(app) -> list[str]:
    """The terminal's text line by line, each piece at its own column (screen_lines drops
    the blanks between pieces): for what must line up."""
    import html
    import re

    svg = app.export_screenshot()
    rows: dict[float, dict[int, str]] = {}
    pattern = r'<text [^>]*?x="([\d.]+)" y="([\d.]+)"[^>]*clip-path="url\(#[^)]*line-\d+\)"[^>]*>([^<]*)</text>'
    for match in re.finditer(pattern, svg):
        column = round(float(match[1]) / _CELL_WIDTH)
        rows.setdefault(float(match[2]), {})[column] = html.unescape(match[3]).replace("\xa0", " ")
    lines = []
    for _, pieces in sorted(rows.items()):
        line = ""
        for column, text in sorted(pieces.items()):
            line = line.ljust(column) + text
        lines.append(line.rstrip())
    return lines


# The width of one terminal cell in Textual's SVG screenshots.
_CELL_WIDTH = 12.2


def keys_to_type(text: str) -> list[str]:
    return ["space" if char == " " else char for char in text]


def answer_keys(prepared, right: bool) -> list[str]:
    """The key presses that answer `prepared` (a PreparedQuestion) right, or wrong on purpose."""
    question = prepared.question
    kind = question.type
    if kind == "single":
        wanted = question.answer if right else next(c for c in prepared.choices if c != question.answer)
        return [str(prepared.choices.index(wanted) + 1)]
    if kind == "true_false":
        return ["t" if question.answer == right else "f"]
    if kind == "multiple":
        if right:
            picks = list(question.answers)
        else:
            picks = [next(c for c in prepared.choices if c not in question.answers)]
        return [str(prepared.choices.index(c) + 1) for c in picks] + ["enter"]
    text = question.accept[0] if right else "definitely not this"
    return [*keys_to_type(text), "enter"]


class Messages:
    """Collects the game's own messages once each (a bubbling message is seen at every hop)."""

    def __init__(self) -> None:
        self.seen: list[object] = []
        self._ids: set[int] = set()

    def __call__(self, message: object) -> None:
        if type(message).__module__ == "quizgame.tui.messages" and id(message) not in self._ids:
            self._ids.add(id(message))
            self.seen.append(message)

    def of(self, kind: type) -> list:
        return [m for m in self.seen if isinstance(m, kind)]


def asking(app) -> bool:
    """A question is on screen."""
    from quizgame.tui.screens.quiz import QuizScreen

    return isinstance(app.screen, QuizScreen) and app.screen.showing == "question"


def telling(app) -> bool:
    """The feedback on an answer is on screen."""
    from quizgame.tui.screens.quiz import QuizScreen

    return isinstance(app.screen, QuizScreen) and app.screen.showing == "feedback"
