"""What was answered, what was right, why, and the quote that proves it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content

from quizgame.tui.widgets.literal import Plain, lit
from quizgame.tui.widgets.quote import QuoteBlock

if TYPE_CHECKING:
    from quizgame.engine import AnswerResult, PreparedQuestion
    from quizgame.packs import LoadedPack


def answer_lines(result: AnswerResult) -> Content:
    given = "(no answer)" if result.timed_out else result.response_text
    lines = [Content.assemble(("Your answer:  ", "bold"), lit(given))]
    if result.typo and result.accepted:
        lines.append(Content.assemble(("              ", ""), lit(f"accepted: {result.accepted}", "$text-success")))
    lines.append(Content.assemble(("Right answer: ", "bold"), lit(result.right_answer)))
    return Content("\n").join(lines)


class AnswerDetails(Vertical):
    DEFAULT_CSS = """
    AnswerDetails {
        height: auto;
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

    def _text(self) -> Content:
        model = self._question.question
        parts: list[Content] = []
        if self._show_prompt:
            parts.append(lit(model.prompt, "$foreground-muted"))
        if self._result is not None:
            parts.append(answer_lines(self._result))
        parts.append(lit(model.explanation))
        return Content("\n\n").join(parts)

    def compose(self) -> ComposeResult:
        model = self._question.question
        yield Plain(self._text(), classes="details")
        yield QuoteBlock(self._pack.pack, model.quote_fragments, self._question.section)

    def set_result(self, result: AnswerResult) -> None:
        """Fill in the answers (the rest is built ahead, so feedback appears at once)."""
        self._result = result
        self.query_one(".details", Plain).show(self._text())
