"""One question: the prompt, the choices with their keys, the hint and the countdown."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Input, OptionList
from textual.widgets.option_list import Option

from quizgame.tui import messages
from quizgame.tui.screens.base import GameScreen
from quizgame.tui.widgets.checklist import Checklist
from quizgame.tui.widgets.literal import Plain
from quizgame.tui.wording import bar, countdown, number

if TYPE_CHECKING:
    from quizgame.engine import PreparedQuestion, QuizSession

_ANSWER = Binding.Group("Answer", compact=True)
_TOGGLE = Binding.Group("Tick", compact=True)


def _choice_bindings() -> list[Binding]:
    # The same keys answer a single-choice question and tick a choice of a multiple one;
    # check_action keeps only the pair that fits the question (and the footer shows it).
    bindings = []
    for n in range(1, 10):
        bindings.append(Binding(str(n), f"choose({n})", f"Answer {n}", group=_ANSWER, id=f"question.choice{n}"))
        bindings.append(Binding(str(n), f"tick({n})", f"Tick {n}", group=_TOGGLE, id=f"question.tick{n}"))
    return bindings


def choice_prompt(key: str, text: str) -> Content:
    return Content.assemble((key, "bold $text-accent"), "  ", Content(text))


class QuestionScreen(GameScreen):
    CSS_PATH = "question.tcss"
    BINDINGS = [
        *_choice_bindings(),
        Binding("t", "true_false(True)", "True", id="question.true"),
        Binding("f", "true_false(False)", "False", id="question.false"),
        Binding("enter", "submit", "Submit", id="question.submit"),
        Binding("h,f2", "hint", "Hint", id="question.hint"),
        Binding("escape", "leave_field", "Leave the field", show=False, id="question.leave"),
    ]

    def __init__(self, session: QuizSession, *, tick: float = 0.2) -> None:
        super().__init__()
        self.session = session
        current = session.current
        if current is None:
            raise ValueError("the session has no question left to show")
        self.question: PreparedQuestion = current
        self.kind: str = current.question.type
        self._tick_every = tick
        self._done = False

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        q = self.question
        session = self.session
        yield Header()
        with Horizontal(id="status"):
            yield Plain(
                Content.assemble(
                    (f"Question {q.number} of {session.total}", "bold"),
                    "  ·  ",
                    f"Score {number(session.score)}"
                    + (f" of {number(session.max_score)}" if session.max_score else ""),
                ),
                id="progress",
            )
            yield Plain("", id="countdown")
        yield Plain(Content.assemble(("Section: ", "$text-muted"), Content(q.section.title)), id="section")
        with VerticalScroll(id="body"):
            yield Plain(Content.styled(q.question.prompt, "bold"), id="prompt")
            yield from self._compose_answer()
            yield Plain(id="hint")
        yield Plain(self._how_to_answer(), id="how")
        yield Footer()

    def _compose_answer(self) -> ComposeResult:
        kind = self.kind
        if kind == "single":
            yield OptionList(
                *[Option(choice_prompt(str(i), c)) for i, c in enumerate(self.question.choices, 1)],
                id="choices",
                markup=False,
            )
        elif kind == "true_false":
            yield OptionList(
                Option(choice_prompt("t", "True"), id="true"),
                Option(choice_prompt("f", "False"), id="false"),
                id="choices",
                markup=False,
            )
        elif kind == "multiple":
            yield Checklist(
                [(choice_prompt(str(i), c), c) for i, c in enumerate(self.question.choices, 1)],
                id="choices",
            )
            yield Button(Content("Submit (Enter)"), id="submit", variant="primary", compact=True)
        else:
            yield Input(placeholder="Type your answer, then press Enter", id="answer")
            yield Button(Content("Submit (Enter)"), id="submit", variant="primary", compact=True)

    def _how_to_answer(self) -> str:
        count = len(self.question.choices)
        keys = f"1–{count}" if count > 1 else "1"
        hint = " · h: hint" if self.question.question.hint else ""
        if self.kind == "single":
            return f"Press {keys} or click a choice.{hint}"
        if self.kind == "true_false":
            return f"Press t for true, f for false.{hint}"
        if self.kind == "multiple":
            return f"More than one may be right: {keys} or space to tick, Enter to answer.{hint}"
        hint = " · f2: hint" if self.question.question.hint else ""
        return f"Type the answer and press Enter.{hint}"

    def on_mount(self) -> None:
        pack = self.session.pack
        self.title = "quizgame"
        self.sub_title = pack.title
        self.query_one("#choices, #answer").focus()
        self.session.show_current()
        if self.question.time_limit:
            self._tick()
            self.set_interval(self._tick_every, self._tick)
        self.post_message(messages.QuestionShown(self.session, self.question))

    def commands(self) -> Iterable[SystemCommand]:
        if self.question.question.hint:
            yield SystemCommand("Show hint", "Show this question's hint", self.action_hint)

    # -- the countdown ---------------------------------------------------------------------

    def _tick(self) -> None:
        if self._done:
            return
        remaining = self.session.remaining_time()
        if remaining is None:
            return
        limit = self.question.time_limit or 1
        widget = self.query_one("#countdown", Plain)
        widget.set_class(remaining <= min(5, limit / 4), "-low")
        widget.show(f"{countdown(remaining)} {bar(round(remaining * 10), round(limit * 10), 10)}")
        if remaining <= 0:
            self._finish(self.session.time_out())

    # -- answering -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is False:
            return False
        if action in ("choose", "tick"):
            n = int(parameters[0])  # type: ignore[arg-type]
            kind = "single" if action == "choose" else "multiple"
            return self.kind == kind and n <= len(self.question.choices)
        if action == "true_false":
            return self.kind == "true_false"
        if action == "submit":
            return self.kind == "multiple"
        if action == "hint":
            return self.question.question.hint is not None
        if action == "leave_field":
            return self.kind == "short"
        return True

    def _finish(self, result: object) -> None:
        self._done = True
        self.post_message(messages.AnswerSubmitted(self.session, self.question, result))  # type: ignore[arg-type]

    def answer(self, response: object) -> None:
        """Give `response` to the engine, once."""
        from quizgame.engine import EngineError

        if self._done:
            return
        try:
            result = self.session.answer(response)  # type: ignore[arg-type]
        except EngineError as error:
            self.notify(Content(str(error)), severity="error")
            return
        self._finish(result)

    def action_choose(self, n: int) -> None:
        self.answer(self.question.choices[n - 1])

    def action_tick(self, n: int) -> None:
        self.query_one("#choices", Checklist).toggle(self.question.choices[n - 1])

    def action_true_false(self, value: bool) -> None:
        self.answer(value)

    def action_submit(self) -> None:
        if self.kind == "multiple":
            chosen = self.query_one("#choices", Checklist).selected
            if not chosen:
                self.notify("Tick at least one choice first.", severity="warning", markup=False)
                return
            self.answer(frozenset(chosen))
        elif self.kind == "short":
            self._submit_text(self.query_one("#answer", Input).value)

    def action_hint(self) -> None:
        hint = self.question.question.hint
        if hint:
            self.query_one("#hint", Plain).show(Content.assemble(("Hint: ", "bold"), Content(hint)))
            self.query_one("#hint").add_class("-shown")

    def action_leave_field(self) -> None:
        self.set_focus(None)

    def _submit_text(self, text: str) -> None:
        if not text.strip():
            self.notify("Type an answer first.", severity="warning", markup=False)
            return
        self.answer(text)

    @on(OptionList.OptionSelected, "#choices")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if self.kind == "true_false":
            self.answer(event.option.id == "true")
        else:
            self.answer(self.question.choices[event.option_index])

    @on(Input.Submitted, "#answer")
    def _typed(self, event: Input.Submitted) -> None:
        self._submit_text(event.value)

    @on(Button.Pressed, "#submit")
    @on(Checklist.Submitted, "#choices")
    def _submit_pressed(self) -> None:
        self.action_submit()
