"""A student's end of a classroom game: their rank, their score, and a review of every
question with its right answer, the explanation and the quote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Collapsible, Footer

from quizgame.tui.screens.base import GameScreen, sheet
from quizgame.tui.widgets.answer import AnswerDetails
from quizgame.tui.widgets.literal import Plain
from quizgame.tui.wording import number, verdict

if TYPE_CHECKING:
    from quizgame.engine import AnswerResult, PreparedQuestion
    from quizgame.packs import LoadedPack


class FinalScreen(GameScreen):
    DEFAULT_CSS = sheet("final.tcss")
    BINDINGS = [Binding("e", "expand_all", "Open all", id="final.expand")]

    def __init__(
        self,
        pack: LoadedPack,
        headline: str,
        review: list[tuple[PreparedQuestion, AnswerResult | None]],
    ) -> None:
        super().__init__()
        self.pack = pack
        self.headline = headline
        self.review = review

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="body"):
            yield Plain(Content.styled(self.headline, "bold"), id="headline")
            yield Plain(Content.styled("Review", "bold"), classes="heading")
            for prepared, result in self.review:
                found = "— not asked" if result is None else f"{verdict(result)} · +{number(result.points)}"
                title = Content.assemble(f"{found} · {prepared.number}. ", Content(prepared.question.prompt))
                yield Collapsible(
                    AnswerDetails(self.pack, prepared, result, show_prompt=False),
                    title=title,  # type: ignore[arg-type]  # Content keeps the prompt literal
                    collapsed=False,
                )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#body").focus()

    def action_expand_all(self) -> None:
        reviews = list(self.query(Collapsible))
        expand = any(review.collapsed for review in reviews)
        for review in reviews:
            review.collapsed = not expand
