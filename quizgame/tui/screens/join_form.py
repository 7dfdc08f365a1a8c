"""`quizgame join` without a name or a PIN: ask for them first."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input

from quizgame.engine.names import MAX_NAME_LENGTH
from quizgame.tui.screens.base import GameScreen, sheet
from quizgame.tui.widgets.literal import Plain


class JoinFormScreen(GameScreen):
    DEFAULT_CSS = sheet("join_form.tcss")

    def __init__(self, address: str, name: str = "", pin: str = "", problem: str = "") -> None:
        super().__init__()
        self.address = address
        self.player = name
        self.pin = pin
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Plain(Content.assemble(("Join the game at ", "bold"), Content(self.address)), id="title")
            yield Plain("Your name", classes="label")
            yield Input(self.player, placeholder="as the class knows you", id="name", max_length=MAX_NAME_LENGTH)
            yield Plain("Game PIN (on the projector)", classes="label")
            yield Input(self.pin, placeholder="6 digits", id="pin", max_length=6, restrict=r"[0-9]*")
            yield Plain(Content(self.problem), id="problem")
            yield Plain("Enter joins · ctrl+q quits", classes="label")

    def on_mount(self) -> None:
        self.query_one("#pin" if self.player else "#name", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        name = self.query_one("#name", Input).value.strip()
        pin = self.query_one("#pin", Input).value.strip()
        if not name:
            self.query_one("#name", Input).focus()
        elif len(pin) != 6:
            self.query_one("#pin", Input).focus()
            self.query_one("#problem", Plain).show("The PIN has 6 digits.")
        else:
            self.dismiss((name, pin))
