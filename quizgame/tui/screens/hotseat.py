"""A hot-seat game under way: players or teams take turns at one keyboard, question by question.

The quiz screen, turned round: each turn asks the round's question of one player, through
that player's own session, with all the quiz screen's keys. Between turns a "pass to" pane
covers everything, so no one sees the previous answer. When everyone has answered, the
round's feedback (who was right, the right answer, the explanation and the quote), then the
scoreboard; in an exam, neither until the podium.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button

from quizgame.tui import messages
from quizgame.tui.screens.base import sheet
from quizgame.tui.screens.quiz import QuizScreen
from quizgame.tui.widgets.ask import HowLine
from quizgame.tui.widgets.literal import Plain, lit
from quizgame.tui.widgets.round import RoundDetails, Scoreboard
from quizgame.tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from quizgame.engine.game import HotSeatGame

# What the screen shows besides the question of the quiz screen.
_BETWEEN = {"pass", "round", "board"}


class PassView(Vertical):
    """Covers the screen between turns: only whose turn it is."""

    def __init__(self, player: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.player = player

    def compose(self) -> ComposeResult:
        yield Plain(Content.assemble("Pass to ", lit(self.player, "bold")), id="pass-to")
        yield Plain(
            Content.assemble(lit(self.player), ": press Enter when you are ready."),
            id="pass-ready",
        )
        yield Button(Content("I'm ready (Enter)"), variant="primary", id="ready", compact=True)


class HotSeatScreen(QuizScreen):
    DEFAULT_CSS = sheet("hotseat.tcss")  # with the quiz screen's, inherited
    takes_turns = True
    BINDINGS = [
        Binding("enter", "proceed", "Next", id="hotseat.proceed"),
        Binding("e", "end_early", "End game", id="hotseat.end", tooltip="End the game now, with a podium on the rounds played"),
    ]

    def __init__(self, game: HotSeatGame, *, tick: float = 0.2) -> None:
        session = game.current_session
        if session is None:
            raise ValueError("the game has no turn to play")
        super().__init__(session, tick=tick)
        self.game = game
        self.showing = "pass"  # type: ignore[assignment]

    def pack_line(self) -> str:
        return f"Hot-seat: {self.game.pack.title}"

    async def begin(self) -> None:
        await self._show_pass()

    # -- what is on screen -----------------------------------------------------------------

    def _status(self, text: str) -> None:
        question = self.game.question
        progress = Content.styled(
            f"Question {question.number} of {self.game.total}" if question else "The end", "bold"
        )
        self.query_one(StatusLine).show(Content.assemble(progress, "  ·  ", text))

    def _show_status(self) -> None:  # while a question is asked: whose turn it is
        player = self.game.current_player or ""
        self._status(Content.assemble(lit(player), "'s turn"))  # type: ignore[arg-type]
        self.query_one("#section", Plain).display = True
        self.query_one("#section", Plain).show(
            Content.assemble(("Section: ", "$foreground-muted"), lit(self.question.section.title))
        )

    async def _between(self, showing: str, pane: Widget, status: str | Content) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.showing = showing  # type: ignore[assignment]
        if not await self.show_pane(pane):
            return
        self.query_one(HowLine).hide()
        self.query_one(StatusLine).show_countdown(None)
        self.query_one("#section").display = False
        self._status(status)  # type: ignore[arg-type]
        self.refresh_bindings()

    async def _show_pass(self) -> None:
        player = self.game.current_player
        assert player is not None
        await self._between("pass", PassView(player, id="pass"), Content.assemble("Pass to ", lit(player)))
        self.set_focus(None)  # Enter is the screen's "Next", as the footer says

    async def _show_round(self) -> None:
        question = self.game.question
        assert question is not None
        details = RoundDetails(self.game.pack, question, self.game.round_results())
        pane = VerticalScroll(details, Button(Content("Scores (Enter)"), id="next-step", variant="primary", compact=True), id="round", classes="body")
        await self._between("round", pane, "Everyone has answered")
        pane.focus()

    async def _show_board(self) -> None:
        last = self.game.question is not None and self.game.question.number == self.game.total
        label = "The podium (Enter)" if last else "Next question (Enter)"
        pane = VerticalScroll(
            Plain(Content.styled("Scores", "bold"), classes="heading"),
            Scoreboard(self.game.standings()),
            Button(Content(label), id="next-step", variant="primary", compact=True),
            id="board",
            classes="body",
        )
        await self._between("board", pane, "Scores so far")
        pane.focus()

    # -- the flow --------------------------------------------------------------------------

    async def after_answer(self) -> None:
        """Called by the app once the turn's answer is saved."""
        game = self.game
        if game.phase == "answering":
            await self._show_pass()
        elif game.options.mode == "exam":
            await self._next_round()
        else:
            await self._show_round()

    async def _next_round(self) -> None:
        self.game.advance()
        if self.game.finished:
            self.showing = "answered"
            self.refresh_bindings()
            self.post_message(messages.GameFinished(self.game))
        else:
            await self._show_pass()

    async def action_proceed(self) -> None:
        if self.showing == "pass":
            session = self.game.current_session
            question = self.game.question
            assert session is not None and question is not None
            self.session = session  # the quiz screen's keys now answer for this player
            await self._ask(question)
        elif self.showing == "round":
            await self._show_board()
        elif self.showing == "board":
            await self._next_round()

    async def action_end_early(self) -> None:
        from quizgame.tui.screens.confirm import ConfirmScreen

        game = self.game
        played = game.rounds_played

        def answered(end: bool | None) -> None:
            if end and game.can_end_early:
                game.end_early()
                self.showing = "answered"  # type: ignore[assignment]
                self.refresh_bindings()
                self.post_message(messages.GameFinished(game))

        await self.app.push_screen(
            ConfirmScreen(
                "End the game?",
                f"Everyone has answered {played} of the {game.total} questions. "
                "End the game now, with the podium on the scores so far?",
                "End game",
            ),
            answered,
        )

    # -- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "end_early":
            return self.showing in _BETWEEN and self.game.can_end_early
        if action == "proceed":
            return self.showing in _BETWEEN
        if action == "source":
            return self.showing == "round"
        if action == "next":
            return False  # the quiz screen's own feedback is never shown here
        return super().check_action(action, parameters)

    def commands(self) -> Iterable[SystemCommand]:
        if self.showing in _BETWEEN and self.game.can_end_early:
            yield SystemCommand("End game", "End the game now, with a podium on the rounds played", self.action_end_early)
        if self.showing == "round":
            yield SystemCommand("Show source", "Open the source text at this quote", self.action_source)
        elif self.showing == "question":
            yield from super().commands()

    @on(Button.Pressed, "#ready, #next-step")
    async def _proceed_pressed(self) -> None:
        await self.action_proceed()
