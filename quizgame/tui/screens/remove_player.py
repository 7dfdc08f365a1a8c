"""The host picks a player to remove from a classroom game."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quizgame.tui.screens.base import GameModal, sheet
from quizgame.tui.widgets.literal import Plain


class RemovePlayerScreen(GameModal):
    DEFAULT_CSS = sheet("remove_player.tcss")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="remove.cancel")]

    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = names

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Plain(Content.styled("Remove which player?", "bold"), id="title")
            # Names are data: Options built from Content, never markup.
            yield OptionList(*[Option(Content(name)) for name in self.names], id="players", markup=False)
            yield Plain("Enter removes · Escape cancels. Their answers so far stay saved.", id="note")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.names[event.option_index])
