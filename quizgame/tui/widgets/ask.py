"""One question as asked: the prompt, the choices with their keys, the hint when asked for,
and the line under it (how to answer, then the verdict)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual import events
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quizgame.tui.widgets.literal import Plain, TextField, lit

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
    return Content.assemble((key, "bold $text-accent"), "  ", lit(text))


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


class QuestionView(VerticalScroll):
    """Built per question; the quiz screen reads the answer from `#choices` or `#answer`."""

    def __init__(self, prepared: PreparedQuestion, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.prepared = prepared

    def compose(self) -> ComposeResult:
        yield Plain(lit(self.prepared.question.prompt, "bold"), id="prompt")
        yield from self._answer_widgets()

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
            yield TextField(
                refusal="An answer cannot hold control or text-direction characters.",
                placeholder="Type your answer, then press Enter",
                id="answer",
            )
            yield SubmitLink("Submit (Enter)", id="submit")

    @property
    def answer_widget(self) -> Widget:
        return self.query_one("#choices, #answer")

    def show_hint(self) -> None:
        # Mounted when asked for: a hidden widget would still be styled before the first paint.
        hint = self.prepared.question.hint
        if hint and not self.query("#hint"):
            text = Content.assemble(("Hint: ", "bold"), lit(hint))
            self.mount(Plain(text, id="hint"))


class HowLine(Plain):
    """The line under a question: the keys that answer it, then, once it is answered, the
    verdict, drawn at once while the full feedback is put on screen just after.

    A child of the screen, not of the question: a change to one line redraws every widget
    whose area takes in that line, and the question's own widgets are not among them.
    """

    def show_keys(self, prepared: PreparedQuestion) -> None:
        self.update(Content(how_to_answer(prepared)))
        self.remove_class("-off")

    def show_verdict(self, text: Content, kind: str) -> None:
        # Coloured through the text itself, not a class: a class change restyles the widget,
        # and a longer text would lay out the screen again; this only repaints the line.
        self.update(text.stylize_before(_VERDICT_STYLES.get(kind, "")), layout=False)

    def hide(self) -> None:
        # A class, not `display`: set inline, display would win over the compact layout's rule.
        self.add_class("-off")
