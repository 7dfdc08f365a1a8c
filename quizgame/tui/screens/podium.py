"""The end of a hot-seat game: the podium, the full ranking, and a review of every round."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Collapsible

from quizgame.tui.screens.base import sheet
from quizgame.tui.screens.review import ReviewBody, ReviewScreen
from quizgame.tui.widgets.footer import FittingFooter
from quizgame.tui.widgets.literal import Plain, lit
from quizgame.tui.widgets.round import Podium, RoundDetails, Scoreboard
from quizgame.tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from quizgame.engine.game import HotSeatGame
    from quizgame.packs import LoadedPack


class PodiumScreen(ReviewScreen):
    DEFAULT_CSS = sheet("podium.tcss")
    BINDINGS = [
        Binding("n", "app.home", "New game", id="podium.home", tooltip="Back to the home screen for a new game"),
    ]

    def __init__(self, game: HotSeatGame) -> None:
        super().__init__()
        self.game = game
        self.standings = game.standings()

    def compose(self) -> ComposeResult:
        game = self.game
        yield StatusLine(self.game.pack.title, "Final scores", id="status")
        with ReviewBody(id="body"):
            yield Podium([s for s in self.standings if s.rank <= 3], id="podium")
            if game.ended_early:
                yield Plain(f"Ended early, after {game.rounds_played} of the {game.total} questions.", id="ended")
            yield Plain(Content.styled("Ranking", "bold"), classes="heading")
            yield Scoreboard(self.standings)
            yield Plain(Content.styled("Review", "bold"), classes="heading")
            exam = game.options.mode == "exam"
            # Only the rounds played: a game ended early has questions nobody saw.
            for number, prepared in enumerate(game.sessions[0].questions[: game.rounds_played], 1):
                answers = [
                    (player, session.results[number - 1])
                    for player, session in zip(game.players, game.sessions)
                ]
                right = sum(result.correct for _, result in answers)
                title = Content.assemble(
                    (f"{right}/{len(answers)} right", "bold"),
                    f" · {number}. ",
                    lit(prepared.question.prompt),
                )
                yield self.review_item(
                    prepared.question.id,
                    Collapsible(
                        RoundDetails(game.pack, prepared, answers, show_prompt=False),
                        title=title,  # type: ignore[arg-type]  # Content keeps the prompt literal
                        # After an exam nobody has seen any answer yet: show them all.
                        collapsed=not exam,
                    ),
                )
            with Horizontal(id="buttons"):
                yield Button(Content("New game (n)"), id="home", variant="primary", compact=True)
        yield FittingFooter()

    def source_pack(self) -> LoadedPack:
        return self.game.pack

    @on(Button.Pressed, "#home")
    async def _home_pressed(self) -> None:
        await self.app.run_action("app.home")
