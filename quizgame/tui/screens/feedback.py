"""After each answer: right or wrong, the right answer, the explanation and the source quote."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header

from quizgame.tui import messages
from quizgame.tui.screens.base import GameScreen
from quizgame.tui.widgets.answer import AnswerDetails
from quizgame.tui.widgets.literal import Plain
from quizgame.tui.wording import points_line, verdict

if TYPE_CHECKING:
    from quizgame.engine import AnswerResult, PreparedQuestion, QuizSession


class FeedbackScreen(GameScreen):
    CSS_PATH = "feedback.tcss"
    BINDINGS = [
        Binding("enter", "next", "Next", id="feedback.next"),
        Binding("s", "source", "Source", id="feedback.source"),
    ]

    def __init__(self, session: QuizSession, question: PreparedQuestion, result: AnswerResult) -> None:
        super().__init__()
        self.session = session
        self.question = question
        self.result = result
        self._left = False

    def compose(self) -> ComposeResult:
        found = verdict(self.result)
        yield Header()
        yield Plain(
            Content.assemble((f"{found.symbol} {found.words}", "bold"), "   ", points_line(self.result)),
            id="verdict",
            classes=f"-{found.kind}",
        )
        with VerticalScroll(id="body"):
            yield AnswerDetails(self.session.pack, self.question, self.result)
        last = self.session.finished
        yield Button(
            Content("See the results (Enter)" if last else "Next question (Enter)"),
            id="next",
            variant="primary",
            compact=True,
        )
        yield Footer()

    def on_mount(self) -> None:
        self.title = "quizgame"
        self.sub_title = self.session.pack.title
        self.query_one("#body").focus()

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Show source", "Open the source text at this quote", self.action_source)

    def action_next(self) -> None:
        if self._left:
            return
        self._left = True
        self.post_message(messages.FeedbackDone(self.session))

    def action_source(self) -> None:
        from quizgame.tui.screens.source import SourceScreen

        self.app.push_screen(SourceScreen(self.session.pack, self.question.question.id))

    @on(Button.Pressed, "#next")
    def _next_pressed(self) -> None:
        self.action_next()
