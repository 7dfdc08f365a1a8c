"""A yes/no question over the current screen (quit or leave a quiz under way)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button

from quizgame.tui.screens.base import GameModal, sheet
from quizgame.tui.widgets.literal import Plain


class ConfirmScreen(GameModal):
    DEFAULT_CSS = sheet("confirm.tcss")
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, title: str, question: str, yes: str) -> None:
        super().__init__()
        self._title = title
        self._question = question
        self._yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Plain(Content.styled(self._title, "bold"), id="title")
            yield Plain(self._question, id="question")
            with Horizontal(id="buttons"):
                yield Button(Content(f"{self._yes} (y)"), variant="error", id="yes")
                yield Button(Content("Stay (n)"), variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
