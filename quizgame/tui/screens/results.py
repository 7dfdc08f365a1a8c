"""The end of a quiz: the score, accuracy per section, and a review of every question."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Collapsible

from quizgame.tui import messages
from quizgame.tui.screens.base import sheet
from quizgame.tui.screens.review import ReviewBody, ReviewScreen
from quizgame.tui.widgets.answer import AnswerDetails
from quizgame.tui.widgets.footer import FittingFooter
from quizgame.tui.widgets.literal import Plain, lit
from quizgame.tui.widgets.status import StatusLine
from quizgame.tui.wording import bar, duration, number, percent, verdict

if TYPE_CHECKING:
    from quizgame.engine import QuizSession
    from quizgame.packs import LoadedPack


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class ResultsScreen(ReviewScreen):
    DEFAULT_CSS = sheet("results.tcss")
    BINDINGS = [
        Binding("r", "retry", "Retry", id="results.retry", tooltip="Play again the questions you missed"),
        Binding("n", "app.home", "New quiz", id="results.home", tooltip="Back to the home screen for a new quiz"),
    ]

    def __init__(self, session: QuizSession, player: str = "") -> None:
        super().__init__()
        self.session = session
        self.player = player
        self.summary = session.summary()
        self.figures = session.tally()

    @property
    def retry(self) -> bool:
        # Only a retry of the missed ones restricts a session to named questions.
        return bool(self.session.options.question_ids)

    def where(self) -> Content:
        """The top line's right-hand side: whose results, and whether of a retry."""
        words = "Retry results" if self.retry else "Results"
        if not self.player:
            return Content(words)
        return Content.assemble(f"{words} for ", lit(self.player, "bold"))

    @property
    def missed(self) -> int:
        return len(self.session.missed)

    @property
    def exam(self) -> bool:
        return self.session.options.mode == "exam"

    @property
    def can_retry(self) -> bool:
        # A retry of an exam's missed questions would be stored as another exam, on other
        # terms than everyone else's: not offered.
        return bool(self.missed) and not self.exam

    def compose(self) -> ComposeResult:
        s, figures = self.summary, self.figures
        yield StatusLine(self.session.pack.title, self.where(), id="status")
        with ReviewBody(id="body"):
            yield Plain(
                Content.assemble(
                    (f"Score {figures.score_text}", "bold"), f"  ({figures.percent_text})"
                ),
                id="score",
            )
            if figures.explained:
                yield Plain(f"The score {figures.explained}.", id="score-note")
            counts = [f"✔ {s.right} right"]
            if s.partial:
                counts.append(f"◐ {s.partial} partly right")
            counts.append(f"✘ {s.wrong - s.partial} wrong")
            if s.timed_out:
                counts.append(f"⌛ {s.timed_out} out of time")
            # The time questions were on screen until answered: not the feedback, nor
            # pauses, nor the time away before a resumed quiz.
            counts.append(f"answering time {duration(s.total_time)}")
            yield Plain("  ·  ".join(counts), id="counts")
            yield Plain(Content.styled("By section", "bold"), classes="heading")
            for section, _, total, credit in s.sections:
                # Partial credit counts: two of a question's three right choices are 2/3 of it.
                with Horizontal(classes="section-row"):
                    yield Plain(section.title, classes="section-title")
                    yield Plain(
                        f"{bar(credit, total)} {number(credit)}/{total} {percent(credit, total):>4}",
                        classes="section-bar",
                    )
                # The section's full wording, kept from the quiz screen: it could answer a question.
                if section.description:
                    yield Plain(section.description, classes="section-description")
            yield Plain(Content.styled("Review", "bold"), classes="heading")
            yield from self._review()
            with Horizontal(id="buttons"):
                if self.can_retry:
                    yield Button(Content("Retry the ones I missed (r)"), id="retry", variant="primary", compact=True)
                # The first button is the one to press: Retry when there is one.
                variant = "default" if self.can_retry else "primary"
                yield Button(Content("New quiz (n)"), id="home", variant=variant, compact=True)
        yield FittingFooter()

    def _review(self) -> ComposeResult:
        prepared = {q.question.id: q for q in self.session.questions}
        for index, result in enumerate(self.session.results, 1):
            question = prepared[result.question_id]
            found = verdict(result)
            title = Content.assemble(
                (f"{found.symbol} {found.words}", "bold"),
                f" · {index}. ",
                lit(question.question.prompt),
            )
            yield self.review_item(
                question.question.id,
                Collapsible(
                    AnswerDetails(self.session.pack, question, result, show_prompt=False),
                    title=title,  # type: ignore[arg-type]  # Content keeps the prompt literal
                    classes=f"-{found.kind}",
                    # After an exam this is the first feedback the player sees: all of it, open.
                    collapsed=not self.exam,
                ),
            )

    def source_pack(self) -> LoadedPack:
        return self.session.pack

    def commands(self) -> Iterable[SystemCommand]:
        if self.can_retry:
            yield SystemCommand("Retry missed", "Play again the questions you missed", self.action_retry)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is False:
            return False
        if action == "retry":
            return self.can_retry
        return True

    def action_retry(self) -> None:
        self.post_message(messages.RetryRequested(self.session))

    @on(Button.Pressed, "#retry")
    def _retry_pressed(self) -> None:
        self.action_retry()

    @on(Button.Pressed, "#home")
    async def _home_pressed(self) -> None:
        await self.app.run_action("app.home")
