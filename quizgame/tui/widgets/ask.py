"""One question as asked: the prompt, the choices with their keys, and the hint when asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual import events
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from quizgame.tui.widgets.literal import Plain

if TYPE_CHECKING:
    from quizgame.engine import PreparedQuestion


# The verdict colours of the feedback (quiz.tcss, #verdict), for the verdict in place.
_VERDICT_STYLES = {
    "-right": "$text-success on $success-muted",
    "-partly": "$text-warning on $warning-muted",
    "-wrong": "$text-error on $error-muted",
    "-timeout": "$text-error on $error-muted",
}


def choice_prompt(key: str, text: str) -> Content:
    return Content.assemble((key, "bold $text-accent"), "  ", Content(text))


def how_to_answer(prepared: PreparedQuestion) -> str:
    kind = prepared.question.type
    count = len(prepared.choices)
    keys = f"1–{count}" if count > 1 else "1"
    hint = " · h: hint" if prepared.question.hint else ""
    if kind == "single":
        return f"Press {keys} or click a choice.{hint}"
    if kind == "true_false":
        return f"Press t for true, f for false.{hint}"
    if kind == "multiple":
        return f"More than one may be right: {keys} or space to tick, Enter to answer.{hint}"
    hint = " · f2: hint" if prepared.question.hint else ""
    return f"Type the answer and press Enter.{hint}"


class SubmitLink(Plain):
    """"Submit (Enter)" for the mouse; Enter is the way to answer from the keyboard.

    Not a Button: Button's stylesheet, the largest of Textual's widgets, would be parsed
    before the first question could be drawn. Styled in quiz.tcss, for the same reason.
    """

    class Pressed(Message):
        def __init__(self, link: SubmitLink) -> None:
            super().__init__()
            self.link = link

        @property
        def control(self) -> SubmitLink:
            return self.link

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Pressed(self))


class QuestionView(Vertical):
    """Built per question; the quiz screen reads the answer from `#choices` or `#answer`."""

    def __init__(self, prepared: PreparedQuestion, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.prepared = prepared

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="body"):
            yield Plain(Content.styled(self.prepared.question.prompt, "bold"), id="prompt")
            yield from self._answer_widgets()
        yield Plain(how_to_answer(self.prepared), classes="how", id="how")

    def _answer_widgets(self) -> ComposeResult:
        prepared = self.prepared
        kind = prepared.question.type
        if kind == "single":
            yield OptionList(
                *[Option(choice_prompt(str(i), c)) for i, c in enumerate(prepared.choices, 1)],
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
            from quizgame.tui.widgets.checklist import Checklist  # only for these questions

            yield Checklist(
                [(choice_prompt(str(i), c), c) for i, c in enumerate(prepared.choices, 1)],
                id="choices",
            )
            yield SubmitLink("Submit (Enter)", id="submit")
        else:
            yield Input(placeholder="Type your answer, then press Enter", id="answer")
            yield SubmitLink("Submit (Enter)", id="submit")

    @property
    def answer_widget(self) -> Widget:
        return self.query_one("#choices, #answer")

    def show_hint(self) -> None:
        # Mounted when asked for: a hidden widget would still be styled before the first paint.
        hint = self.prepared.question.hint
        if hint and not self.query("#hint"):
            text = Content.assemble(("Hint: ", "bold"), Content(hint))
            self.query_one(".body").mount(Plain(text, id="hint"))

    def show_verdict(self, text: Content, kind: str) -> None:
        """The verdict where the keys to answer were: one line redrawn, so it shows at once,
        while the full feedback is put on screen just after."""
        line = self.query_one("#how", Plain)
        # Coloured through the text itself, not a class: a class change restyles the widget,
        # and a longer text would lay out the screen again; this only repaints the line.
        line.update(text.stylize_before(_VERDICT_STYLES.get(kind, "")), layout=False)
