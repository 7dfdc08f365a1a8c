"""Picking the tags of a quiz on the home screen: any number of them, from the pack's."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content

from quizgame.tui.screens.base import GameModal, sheet
from quizgame.tui.widgets.checklist import Checklist
from quizgame.tui.widgets.literal import Plain, lit


class TagsScreen(GameModal):
    """Dismissed with the ticked tags (Enter), or None to keep them as they were (Escape)."""

    DEFAULT_CSS = sheet("tags.tcss")
    AUTO_FOCUS = "#tag-list"
    BINDINGS = [Binding("escape", "back", "Back", id="tags.back")]

    def __init__(self, tags: Sequence[str], ticked: Sequence[str]) -> None:
        super().__init__()
        self._tags = list(tags)
        self._ticked = list(ticked)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Plain(Content.styled("Tags", "bold"), id="title")
            yield Plain("Questions with any of the ticked tags; none ticked: every question.", id="question")
            yield Checklist([(lit(tag), tag) for tag in self._tags], ticked=self._ticked, id="tag-list")
            yield Plain(
                Content.assemble(("Space", "bold"), ": tick · ", ("Enter", "bold"), ": done · ", ("Escape", "bold"), ": no change"),
                id="keys",
            )

    @on(Checklist.Submitted, "#tag-list")
    def _done(self, event: Checklist.Submitted) -> None:
        event.stop()
        self.dismiss(tuple(event.checklist.selected))
