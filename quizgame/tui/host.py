"""`quizgame host`: the projector app. The classroom's server runs on the app's own event
loop, so every message is handled between two frames and the projector never waits on a
lock; the host's keys act on the same Classroom the students talk to.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from quizgame.tui.screens.base import HORIZONTAL, VERTICAL

if TYPE_CHECKING:
    import socket

    from textual.driver import Driver

    from quizgame.live.classroom import Classroom
    from quizgame.live.restart import Unfinished
    from quizgame.live.server import LiveServer
    from quizgame.tui.screens.projector import ProjectorScreen


@dataclass(eq=False)
class HostConfig:
    classroom: Classroom
    server: LiveServer
    sock: socket.socket | None  # bound by the command, so a busy port fails before the TUI
    addresses: list[str]
    lan: bool = False
    # An unfinished game of this pack, found in the results: offered before a new one.
    unfinished: Unfinished | None = None
    theme: str | None = None
    handle_signals: bool = False
    tick: float = 0.2
    events: list[str] = field(default_factory=list)


class HostApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "quizgame host"
    HORIZONTAL_BREAKPOINTS = HORIZONTAL
    VERTICAL_BREAKPOINTS = VERTICAL
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="host.quit", priority=True),
        Binding("question_mark,f1", "help", "Keys", id="host.help"),
    ]

    def __init__(self, config: HostConfig) -> None:
        super().__init__()
        self.config = config
        self.classroom = config.classroom
        if config.theme:
            self.theme = config.theme
        self._stopped = False

    def get_driver_class(self) -> type[Driver]:
        from quizgame.tui.driver import driver_class

        return driver_class(super().get_driver_class())

    def get_default_screen(self) -> ProjectorScreen:
        from quizgame.tui.screens.projector import ProjectorScreen

        return ProjectorScreen(
            self.classroom, self.config.addresses, lan=self.config.lan, tick=self.config.tick
        )

    @property
    def projector(self) -> ProjectorScreen:
        from quizgame.tui.screens.projector import ProjectorScreen

        screen = self.screen_stack[0]
        assert isinstance(screen, ProjectorScreen)
        return screen

    async def on_mount(self) -> None:
        config = self.config
        if config.handle_signals:
            from quizgame.hangup import hand_over

            hand_over(asyncio.get_running_loop(), self._interrupted)
        self.classroom.watch(self._changed, asyncio.get_running_loop().call_soon_threadsafe)
        if config.unfinished is not None:
            # Open to students only once the host has chosen which game they join.
            self._offer(config.unfinished)
        else:
            await config.server.start(sock=config.sock)

    def _changed(self, event: str) -> None:
        self.config.events.append(event)
        try:
            self.projector.changed(event)
        except Exception:  # not yet mounted, or already gone
            pass

    def _offer(self, unfinished: Unfinished) -> None:
        from quizgame.tui.screens.confirm import ConfirmScreen

        async def answered(carry_on: bool | None) -> None:
            if carry_on:
                unfinished.carry_on(self.classroom)
                self.projector.view = "board"
                self.projector.redraw()
                self.projector.refresh_bindings()
            await self.config.server.start(sock=self.config.sock)

        self.push_screen(
            ConfirmScreen(
                "Continue the unfinished game?",
                f"A game of this pack stopped at question {unfinished.next_number - 1} of "
                f"{self.classroom.game.total}, with {len(unfinished.players)} students. Carry it on "
                f"from question {unfinished.next_number}? Students join again with the new PIN.",
                "Continue",
            ),
            answered,
        )

    async def stop(self, message: str = "the host ended the game") -> None:
        if not self._stopped:
            self._stopped = True
            await self.config.server.stop(message)

    def _interrupted(self, signum: int) -> None:
        self.run_worker(self._stop_and_exit(), exclusive=True)

    async def _stop_and_exit(self) -> None:
        await self.stop("the host closed the game")
        self.exit(0)

    async def action_quit(self) -> None:
        from quizgame.tui.screens.confirm import ConfirmScreen

        game = self.classroom.game
        nothing_to_lose = game.phase == "finished" or (game.phase == "lobby" and not len(game.roster))
        if nothing_to_lose or isinstance(self.screen, ConfirmScreen):
            await self._stop_and_exit()
            return

        async def answered(leave: bool | None) -> None:
            if leave:
                await self._stop_and_exit()

        await self.push_screen(
            ConfirmScreen(
                "Quit the host?",
                "Every answer so far is saved; students are told the game has ended. Quit?",
                "Quit",
            ),
            answered,
        )

    def action_help(self) -> None:
        from quizgame.tui.screens.help import HelpScreen, collect_keys

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(collect_keys(self.screen)))
