"""What was answered, what was right, why, and the quote that proves it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget

from quizgame.tui.widgets.literal import Plain, lit
from quizgame.tui.widgets.quote import QuoteBlock
from quizgame.tui.wording import missed_picks, typo_note, wrong_picks

if TYPE_CHECKING:
    from textual.geometry import Size

    from quizgame.engine import AnswerResult, PreparedQuestion
    from quizgame.packs import LoadedPack

Row = tuple[str, Content]


def answer_rows(prepared: PreparedQuestion, result: AnswerResult) -> list[Row]:
    """Label and text of each line about the answer: what was given, what was made of it,
    and the right answer."""
    given = "(no answer)" if result.timed_out else result.response_text
    rows: list[Row] = [("Your answer:", lit(given))]
    if result.typo and result.accepted:
        rows.append(("", lit(typo_note(result.accepted), "$text-success")))
    question = prepared.question
    if question.type == "multiple" and isinstance(result.response, frozenset) and not result.timed_out:
        # What made the credit partial (or none): named, not left to a comparison of lists.
        answers = set(question.answers)
        wrong = wrong_picks(prepared.choices, result.response, answers)
        missed = missed_picks(prepared.choices, result.response, answers)
        if wrong:
            rows.append(("", lit(wrong, "$text-error")))
        if missed:
            rows.append(("", lit(missed, "$text-warning")))
    rows.append(("Right answer:", lit(result.right_answer)))
    return rows


class LabelledRows(Widget):
    """Lines of a bold label and a text; a text too long for one line wraps under itself,
    not under its label."""

    DEFAULT_CSS = """
    LabelledRows {
        height: auto;
        text-wrap: nowrap;  /* wrapped here, with the indent */
    }
    """

    def __init__(self, rows: list[Row] | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.rows = rows or []

    def show(self, rows: list[Row]) -> None:
        self.rows = rows
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        indent = max((len(label) for label, _ in self.rows), default=0) + 1
        out = []
        for label, text in self.rows:
            for n, line in enumerate(text.wrap(max(width - indent, 1))):
                out.append(Content.assemble(((label if n == 0 else "").ljust(indent), "bold"), line))
        return out

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_region.width))


class AnswerDetails(Vertical):
    DEFAULT_CSS = """
    AnswerDetails {
        height: auto;
    }
    AnswerDetails > .prompt, AnswerDetails > LabelledRows {
        margin-bottom: 1;
    }
    AnswerDetails > LabelledRows.-empty {
        display: none;
    }
    """

    def __init__(
        self,
        pack: LoadedPack,
        question: PreparedQuestion,
        result: AnswerResult | None = None,
        *,
        show_prompt: bool = True,
    ) -> None:
        super().__init__()
        self._pack = pack
        self._question = question
        self._result = result
        self._show_prompt = show_prompt

    def compose(self) -> ComposeResult:
        model = self._question.question
        if self._show_prompt:
            yield Plain(lit(model.prompt, "$foreground-muted"), classes="prompt")
        rows = LabelledRows(classes="answers")
        if self._result is None:
            rows.add_class("-empty")
        else:
            rows.rows = answer_rows(self._question, self._result)
        yield rows
        yield Plain(model.explanation, classes="explanation")
        yield QuoteBlock(self._pack.pack, model.quote_fragments)

    def set_result(self, result: AnswerResult) -> None:
        """Fill in the answers (the rest is built ahead, so feedback appears at once)."""
        self._result = result
        rows = self.query_one(LabelledRows)
        rows.show(answer_rows(self._question, result))
        rows.remove_class("-empty")
