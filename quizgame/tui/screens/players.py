"""Setting up a hot-seat game: 2 to 8 players or teams, named, who take turns on one screen.

The pack and the options come from the home screen; this screen only adds the names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal
from textual.content import Content
from textual.widgets import Button, Footer, Input

from quizgame.tui import messages
from quizgame.tui.screens.base import GameScreen, sheet
from quizgame.tui.widgets.literal import NAME_REFUSAL, Plain, TextField, lit
from quizgame.tui.widgets.status import StatusLine
from quizgame.tui.widgets.tickbox import TickBox

if TYPE_CHECKING:
    from quizgame.engine import SessionOptions
    from quizgame.packs import LoadedPack

ROWS = 8


class PlayersScreen(GameScreen):
    DEFAULT_CSS = sheet("players.tcss")
    AUTO_FOCUS = "#name-1"
    BINDINGS = [
        Binding("ctrl+s", "start", "Start", id="players.start"),
        Binding("escape", "close", "Back", id="players.close"),
    ]

    def __init__(self, pack: LoadedPack, options: SessionOptions, names: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.pack = pack
        self.options = options
        self._names = names

    def compose(self) -> ComposeResult:
        yield StatusLine("quizgame", "Hot-seat game", id="status")
        yield Plain(
            Content.assemble(("Hot-seat game: ", "bold"), lit(self.pack.title, "bold")),
            id="heading",
        )
        mode = "exam: answers and scores at the end" if self.options.mode == "exam" else "practice"
        yield Plain(
            f"2 to 8 players or teams take turns on this screen ({mode}). Blank rows are left out.",
            id="about",
        )
        yield TickBox(Content("Teams, not players"), False, id="teams", compact=True)
        with Grid(id="names"):
            for row in range(1, ROWS + 1):
                value = self._names[row - 1] if row <= len(self._names) else ""
                with Horizontal(classes="name-row"):
                    yield Plain(f"{row}", classes="number")
                    yield TextField(
                        value, refusal=NAME_REFUSAL, placeholder=f"name {row}", id=f"name-{row}", compact=True
                    )
        with Horizontal(id="buttons"):
            yield Button(Content("Start (ctrl+s)"), variant="primary", id="start", compact=True)
            yield Button(Content("Back (Esc)"), id="back", compact=True)
        yield Footer()

    @property
    def kind(self) -> str:
        return "team" if self.query_one("#teams", TickBox).value else "player"

    def names(self) -> list[str]:
        """The names typed, blank rows left out, in row order."""
        values = [self.query_one(f"#name-{row}", Input).value for row in range(1, ROWS + 1)]
        return [value for value in values if value.strip()]

    def action_start(self) -> None:
        from quizgame.engine.game import GameSetupError, check_names

        names = self.names()
        # Close the gaps first, so "player 3" in a message is the third row on screen.
        for row in range(1, ROWS + 1):
            self.query_one(f"#name-{row}", Input).value = names[row - 1] if row <= len(names) else ""
        try:
            checked = check_names(names, self.kind)  # type: ignore[arg-type]
        except GameSetupError as error:
            self.notify(lit(str(error)), title="Can't start", severity="error")
            return
        self.post_message(messages.HotSeatRequested(self.pack, self.options, checked, self.kind))

    def action_close(self) -> None:
        self.dismiss()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        # Enter moves on to the next row, as in a form; ctrl+s starts.
        self.focus_next(Input)

    @on(Button.Pressed, "#start")
    def _start_pressed(self) -> None:
        self.action_start()

    @on(Button.Pressed, "#back")
    def _back_pressed(self) -> None:
        self.action_close()
