"""The player's name, asked once: on the first run, before a quiz needs one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input

from quizgame.tui.screens.base import GameModal, sheet
from quizgame.tui.widgets.literal import NAME_REFUSAL, Plain, TextField, lit
from quizgame.tui.wording import name_refused


class NameScreen(GameModal):
    """Dismissed with the name checked by quizgame.engine.names.check_name, or None (Escape)."""

    DEFAULT_CSS = sheet("name.tcss")
    AUTO_FOCUS = "#name"
    BINDINGS = [Binding("escape", "back", "Back", id="name.back")]

    def __init__(self, later: str) -> None:
        super().__init__()
        # What Escape leads to, said on the dialog ("Escape: the home screen").
        self._later = later

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Plain(Content.styled("Welcome to quizgame", "bold"), id="title")
            yield Plain(
                "What is your name? Your scores are kept under it, and it is remembered for "
                "next time (change it on the home screen with ctrl+n).",
                id="question",
            )
            yield TextField(refusal=NAME_REFUSAL, placeholder="your name", id="name")
            yield Plain("", id="problem")
            yield Plain(Content.assemble(("Enter", "bold"), ": go on · ", ("Escape", "bold"), f": {self._later}"), id="keys")

    @on(Input.Submitted, "#name")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        from quizgame.engine.names import InvalidName, check_name

        try:
            name = check_name(event.value)
        except InvalidName as error:
            said = name_refused(event.value, str(error))
            self.query_one("#problem", Plain).update(lit(said, "$text-error"))
            return
        self.dismiss(name)
