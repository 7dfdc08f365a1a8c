"""The message shown instead of a screen when the terminal is too small for it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from quizgame.tui.config import MIN_SIZE
from quizgame.tui.wording import size_message


class TooSmall(Static):
    """Hidden by CSS unless the screen carries a "too small" breakpoint class."""

    DEFAULT_CLASSES = "too-small"

    def render(self) -> Content:
        width, height = self.app.size
        return Content(size_message(width, height, MIN_SIZE))
