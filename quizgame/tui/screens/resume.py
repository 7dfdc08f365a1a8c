"""On start: an unfinished quiz of this player on this pack. Resume it, or start over?

An exam is never started over ("no going back"): the player can only carry on with it.
When the options asked for now differ from the quiz's, the offer says which, and the choice
is between the quiz's own options and the new ones: a new option is never dropped in
silence. Escape goes back, starting nothing.
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
from quizgame.tui.wording import number

if TYPE_CHECKING:
    from quizgame.saving import ResumeOffer
    from quizgame.saving.resume import OptionChange

_OPTION_NAMES = {
    "seed": "seed",
    "shuffle_questions": "questions shuffled",
    "shuffle_choices": "choices shuffled",
    "sections": "sections",
    "tags": "tags",
    "count": "number of questions",
    "time_limit": "time limit",
    "mode": "mode",
    "speed_bonus": "speed bonus",
    "streak_bonus": "streak bonus",
    "question_ids": "questions",
}


def _option_value(name: str, value: object) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if name == "time_limit":
        return "none" if value is None else f"{number(value)} s"  # type: ignore[arg-type]
    if name == "count":
        return "all" if value is None else str(value)
    if name == "question_ids":
        return f"{len(value)} chosen" if value else "all"  # type: ignore[arg-type]
    if isinstance(value, list):
        return ", ".join(value) if value else "all"
    return str(value)


def change_line(change: OptionChange) -> Content:
    """One option that differs, e.g. "time limit: none in this quiz, 30 s now"."""
    name = _OPTION_NAMES.get(change.name, change.name.replace("_", " "))
    return lit(
        f"  · {name}: {_option_value(change.name, change.before)} in this quiz, "
        f"{_option_value(change.name, change.now)} now"
    )


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
    elif offer.changes:
        lines.append(Content("The options asked for now are not this quiz's:"))
        lines.extend(change_line(change) for change in offer.changes)
        lines.append(
            Content(
                "Carry on with this quiz's own options, or start afresh with the new ones "
                "(this quiz stays unfinished)."
            )
        )
    else:
        lines.append(Content("Resume carries on with the same questions and options."))
    return Content("\n").join(lines)


class ResumeScreen(GameModal):
    """Dismissed with True to resume, False to start over, None to go back (escape)."""

    DEFAULT_CSS = sheet("resume.tcss")
    BINDINGS = [
        Binding("r", "answer(True)", "Resume", id="resume.resume"),
        Binding("s", "answer(False)", "Start over", id="resume.over"),
        Binding("escape", "back", "Back", show=False, id="resume.back"),
    ]

    def __init__(self, offer: ResumeOffer) -> None:
        super().__init__()
        self.offer = offer
        self.exam = offer.session.options.mode == "exam"

    def compose(self) -> ComposeResult:
        changed = bool(self.offer.changes) and not self.exam
        with Vertical(id="dialog", classes="-changed" if changed else ""):
            title = "Carry on with your exam?" if self.exam else "Resume your quiz?"
            yield Plain(Content.styled(title, "bold"), id="title")
            yield Plain(offer_lines(self.offer), id="offer")
            with Horizontal(id="buttons"):
                if self.exam:
                    label = "Carry on (r)"
                elif changed:
                    label = "Carry on with the original options (r)"
                else:
                    label = "Resume (r)"
                yield Button(Content(label), variant="primary", id="resume")
                if not self.exam:
                    over = "Start afresh with the new ones (s)" if changed else "Start over (s)"
                    yield Button(Content(over), id="over")
                yield Button(Content("Back (esc)"), id="back")

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
        if event.button.id == "back":
            self.action_back()
        else:
            self.action_answer(event.button.id == "resume")
