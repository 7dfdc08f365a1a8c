"""`quizgame join`: a student's terminal in a classroom game.

The questions and their feedback are the solo game's own quiz screen, fed by the host
through a RemoteSession (quizgame.live.remote); between them, a waiting screen says what is
going on; at the end, the student's rank, score and review. A dropped connection is joined
again with the token this device keeps, so the student carries on with their score.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen

from quizgame.tui import messages
from quizgame.tui.screens.base import HORIZONTAL, VERTICAL

if TYPE_CHECKING:
    from textual.driver import Driver

    from quizgame.live.client import LiveClient
    from quizgame.live.remote import RemoteSession
    from quizgame.tui.screens.quiz import QuizScreen

# Refusals the student can fix by typing something else.
_ASK_AGAIN = {"pin", "name", "name_taken", "locked"}
RECONNECT_EVERY = 2.0
RECONNECT_FOR = 120.0


@dataclass(eq=False)
class JoinConfig:
    client: LiveClient
    name: str = ""
    # Offered in the form when no name was given (the one the game remembers): never joined
    # with unasked.
    suggested_name: str = ""
    pin: str = ""
    theme: str | None = None
    handle_signals: bool = False
    tick: float = 0.2
    reconnect_every: float = RECONNECT_EVERY


class JoinApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "quizgame join"
    HORIZONTAL_BREAKPOINTS = HORIZONTAL
    VERTICAL_BREAKPOINTS = VERTICAL
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="join.quit", priority=True),
        Binding("question_mark,f1", "help", "Keys", id="join.help"),
    ]

    def __init__(self, config: JoinConfig) -> None:
        super().__init__()
        self.config = config
        self.client = config.client
        self.name_ = config.name
        self.pin = config.pin
        self.remote: RemoteSession | None = None
        self.ended = False
        if config.theme:
            self.theme = config.theme

    def get_driver_class(self) -> type[Driver]:
        from quizgame.tui.driver import driver_class

        return driver_class(super().get_driver_class())

    def get_default_screen(self) -> Screen:
        from quizgame.tui.screens.waiting import WaitingScreen

        return WaitingScreen("Joining…", f"Connecting to {self.client.address}")

    async def on_mount(self) -> None:
        if self.config.handle_signals:
            from quizgame.hangup import hand_over

            hand_over(asyncio.get_running_loop(), lambda signum: self.exit(0))
        if self.name_ and self.pin:
            self.run_worker(self._join(), group="join", exclusive=True)
        else:
            self._ask()

    # -- joining ---------------------------------------------------------------------------

    def _ask(self, problem: str = "") -> None:
        from quizgame.tui.screens.join_form import JoinFormScreen

        def given(answer: object) -> None:
            if isinstance(answer, tuple):
                self.name_, self.pin = answer
                self.run_worker(self._join(), group="join", exclusive=True)

        name = self.name_ or self.config.suggested_name
        self.push_screen(JoinFormScreen(str(self.client.address), name, self.pin, problem), given)

    async def _join(self) -> None:
        from quizgame.live.client import JoinError
        from quizgame.live.remote import RemoteSession

        try:
            welcome = await self.client.join(self.name_, self.pin)
        except JoinError as error:
            refusal = error.refusal
            if refusal is not None and refusal.code in _ASK_AGAIN:
                self._ask(str(error))
            else:
                await self._wait("Could not join", str(error))
            return
        self.name_ = welcome.player
        self.remote = RemoteSession(welcome, self._send)
        line = "Look at the projector: the game starts soon."
        title = f"Welcome back, {welcome.player}" if welcome.rejoined else f"You're in, {welcome.player}"
        await self._wait(title, line)
        self.run_worker(self._listen(), group="listen", exclusive=True)

    def _send(self, message: object) -> None:
        async def send() -> None:
            try:
                await self.client.send(message)  # type: ignore[arg-type]
            except (ConnectionError, RuntimeError):
                pass  # the listener notices the lost connection and joins again

        self.run_worker(send(), group="send")

    async def _listen(self) -> None:
        async for message in self.client.messages():
            await self.handle(message)
        if not self.ended:
            await self._rejoin()

    async def _rejoin(self) -> None:
        from quizgame.live.client import JoinError

        loop = asyncio.get_running_loop()
        deadline = loop.time() + RECONNECT_FOR
        await self._wait("Connection lost", "Joining again…")
        while loop.time() < deadline:
            await asyncio.sleep(self.config.reconnect_every)
            try:
                welcome = await self.client.join(self.name_, self.pin)
            except JoinError as error:
                if error.refusal is not None:
                    await self._wait("Could not join again", str(error))
                    if error.refusal.code in _ASK_AGAIN:
                        self._ask(str(error))
                    return
                continue
            assert self.remote is not None
            self.remote.welcome = welcome
            self.remote.score = welcome.score
            await self._wait(f"Welcome back, {welcome.player}", "Carrying on where you were.")
            self.run_worker(self._listen(), group="listen", exclusive=True)
            return
        await self._wait("The host cannot be reached", "Start quizgame join again when it is back.")

    # -- the host's messages ---------------------------------------------------------------

    async def handle(self, message: object) -> None:
        from quizgame.live import protocol as p

        remote = self.remote
        assert remote is not None
        quiz = self._quiz()
        if isinstance(message, p.Lobby):
            if quiz is None:
                greeting = "Welcome back" if remote.welcome.rejoined else "You're in"
                await self._wait(f"{greeting}, {self.name_}", f"{message.players} joined so far. Look at the projector.")
        elif isinstance(message, p.Question):
            remote.ask(message)
            if message.answered:
                await self._wait("Answer locked in", "Waiting for the others.")
            elif quiz is not None and quiz.showing != "question":
                await quiz.next_question()
            else:
                await self._show(self._quiz_screen())
        elif isinstance(message, p.Clock):
            remote.clock(message)
            if quiz is not None and quiz.showing == "question":
                quiz.show_line(Content.styled("⏸ Paused by the host", "bold") if message.paused else Content("The clock runs again."))
        elif isinstance(message, p.Locked):
            if quiz is not None:
                quiz.show_locked()
            if remote.mode == "practice" and remote.welcome.mode == "live" and quiz is None:
                await self._wait("Answer locked in", "Waiting for the others.")
        elif isinstance(message, p.Reveal):
            prepared, result = remote.reveal(message)
            if quiz is None:
                await self._show(self._quiz_screen())
                quiz = self._quiz()
            assert quiz is not None
            quiz.show_feedback(result, revealed=prepared)
        elif isinstance(message, p.Skipped):
            await self._wait("The host skipped this question", "It does not count for anyone who had not answered.")
        elif isinstance(message, p.Done):
            await self._wait("All your answers are in", message.message)
        elif isinstance(message, p.Final):
            await self._final(message)
        elif isinstance(message, p.Ended):
            from quizgame.tui.screens.final import FinalScreen

            self.ended = True
            if message.reason == "removed":
                self.client.forget_token()
            words = message.message[:1].upper() + message.message[1:] + "."
            if isinstance(self.screen, FinalScreen):
                self.notify(Content(words), title="The game has ended")  # the review stays
            else:
                await self._wait("The game has ended", words)
        elif isinstance(message, p.Error):
            self.notify(Content(message.message), severity="warning")

    async def _final(self, message: object) -> None:
        from quizgame.live import protocol as p
        from quizgame.live.remote import build_question, build_result
        from quizgame.tui.screens.final import FinalScreen
        from quizgame.tui.widgets.round import place
        from quizgame.tui.wording import number

        assert isinstance(message, p.Final) and self.remote is not None
        self.ended = True
        review = []
        for item in message.review:
            prepared = build_question(item, right_answer=item.right_answer, explanation=item.explanation, quote=tuple(item.quote))
            result = None if item.outcome is None else build_result(prepared, item.outcome, item.right_answer)
            review.append((prepared, result))
        rank = "" if message.rank is None else f"{place(message.rank)} of {message.players} · "
        headline = f"{rank}{number(message.score)} of {number(message.max_score)} points"
        await self._show(FinalScreen(self.remote.pack, headline, review))

    # -- screens ---------------------------------------------------------------------------

    def _quiz(self) -> QuizScreen | None:
        from quizgame.tui.screens.quiz import QuizScreen

        screen = self.screen_stack[-1] if self.screen_stack else None
        return screen if isinstance(screen, QuizScreen) else None

    def _quiz_screen(self) -> QuizScreen:
        from quizgame.tui.screens.quiz import QuizScreen

        assert self.remote is not None
        return QuizScreen(self.remote, tick=self.config.tick)  # type: ignore[arg-type]

    _pushed = False

    async def _show(self, screen: Screen) -> None:
        """Replace the main screen (the first is kept at the bottom, under the others)."""
        from quizgame.tui.screens.base import GameModal

        while isinstance(self.screen, GameModal):
            await self.pop_screen()
        if self._pushed:
            await self.switch_screen(screen)
        else:
            self._pushed = True
            await self.push_screen(screen)

    async def _wait(self, title: str, line: str = "") -> None:
        from quizgame.tui.screens.waiting import WaitingScreen

        if isinstance(self.screen, WaitingScreen):
            self.screen.show(title, line)
        else:
            await self._show(WaitingScreen(title, line))

    @on(messages.FeedbackDone)
    def _feedback_done(self, message: messages.FeedbackDone) -> None:
        from quizgame.live import protocol as p

        remote = self.remote
        if remote is not None and remote.welcome.mode == "self-paced":
            self._send(p.Next())
        else:
            self.notify("The host moves the game on.", markup=False)

    async def action_quit(self) -> None:
        await self.client.close()
        self.exit(0)

    def action_help(self) -> None:
        from quizgame.tui.screens.help import HelpScreen, collect_keys

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(collect_keys(self.screen)))
