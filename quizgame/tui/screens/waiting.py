"""A student between questions: in the lobby, after an answer, or after the end."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content

from quizgame.tui.screens.base import GameScreen, sheet
from quizgame.tui.widgets.literal import Plain


class WaitingScreen(GameScreen):
    DEFAULT_CSS = sheet("waiting.tcss")

    def __init__(self, title: str, line: str = "") -> None:
        super().__init__()
        self._title = title
        self._line = line

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Plain(Content.styled(self._title, "bold"), id="title")
            yield Plain(Content(self._line), id="line")

    def show(self, title: str, line: str = "") -> None:
        self._title, self._line = title, line
        if not self.query("#title"):
            return  # not composed yet: compose() shows these
        self.query_one("#title", Plain).show(Content.styled(title, "bold"))
        self.query_one("#line", Plain).show(Content(line))
