"""The message shown instead of a screen when the terminal is too small for it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from quizgame.tui.config import MIN_SIZE
from quizgame.tui.wording import size_message


class TooSmall(Static):
    """Hidden by CSS unless the screen carries a "too small" breakpoint class."""

    DEFAULT_CLASSES = "too-small"

    note: Content | None = None

    def show_note(self, note: Content) -> None:
        """A line under the message: what goes on meanwhile (a question's clock)."""
        if note != self.note:
            self.note = note
            self.refresh()

    def render(self) -> Content:
        width, height = self.app.size
        message = Content(size_message(width, height, MIN_SIZE))
        if self.note is None:
            return message
        return Content.assemble(message, "\n\n", self.note)
