"""On start: an unfinished quiz of this player on this pack. Resume it, or start over?

An exam is never started over ("no going back"): the player can only carry on with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button

from quizgame.tui.screens.base import GameModal, sheet
from quizgame.tui.widgets.literal import Plain, lit

if TYPE_CHECKING:
    from quizgame.saving import ResumeOffer


def offer_lines(offer: ResumeOffer) -> Content:
    session = offer.session
    exam = session.options.mode == "exam"
    lines = [
        lit(session.pack.title, "bold"),
        Content(f"You answered {offer.answered} of {offer.total} questions."),
    ]
    # No score in an exam until its end, not even here.
    if not exam:
        figures = session.tally()
        lines.append(Content(f"Score so far: {figures.score_text} ({figures.percent_text})."))
    if offer.time_up and session.current is not None:
        lines.append(
            Content(f"The time for question {session.current.number} ran out while you were away.")
        )
    if exam:
        lines.append(Content("An exam carries on where it stopped; it cannot be started over."))
    else:
        lines.append(Content("Resume carries on with the same questions and options."))
    return Content("\n").join(lines)


class ResumeScreen(GameModal):
    """Dismissed with True to resume, False to start over."""

    DEFAULT_CSS = sheet("resume.tcss")
    BINDINGS = [
        Binding("r", "answer(True)", "Resume", id="resume.resume"),
        Binding("s", "answer(False)", "Start over", id="resume.over"),
        Binding("escape", "answer(True)", "Resume", show=False, id="resume.escape"),
    ]

    def __init__(self, offer: ResumeOffer) -> None:
        super().__init__()
        self.offer = offer
        self.exam = offer.session.options.mode == "exam"

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            title = "Carry on with your exam?" if self.exam else "Resume your quiz?"
            yield Plain(Content.styled(title, "bold"), id="title")
            yield Plain(offer_lines(self.offer), id="offer")
            with Horizontal(id="buttons"):
                label = "Carry on (r)" if self.exam else "Resume (r)"
                yield Button(Content(label), variant="primary", id="resume")
                if not self.exam:
                    yield Button(Content("Start over (s)"), id="over")

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is False:
            return False
        if action == "answer" and parameters == (False,):
            return not self.exam
        return True

    def action_answer(self, resume: bool) -> None:
        self.dismiss(resume or self.exam)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id == "resume")
