"""The quiz's top line: the pack's title on the left; progress, score and countdown on the right."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from quizgame.tui.widgets.literal import lit, safe


class StatusLine(Widget):
    """One widget drawing the whole line, rather than a row of three: each widget on the
    screen is styled and laid out before the first question can be drawn.

    The right-hand side is always shown whole; the title gives way, with an ellipsis.
    Styled by the screen's stylesheet (quiz.tcss, #status): a stylesheet of its own would be
    parsed before the first paint too.
    """

    def __init__(self, title: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.title = lit(title)
        self.progress = Content()
        self.countdown: Content | None = None

    def show(self, progress: Content) -> None:
        self.progress = safe(progress)
        self.refresh()

    def show_countdown(self, text: str | None, *, low: bool = False) -> None:
        """`text` None hides the countdown; `low` when time is nearly up."""
        if text is None:
            self.countdown = None
        else:
            self.countdown = Content.styled(text, "bold $text-error" if low else "$text-warning")
        self.refresh()

    @property
    def right(self) -> Content:
        if self.countdown is None:
            return self.progress
        return Content.assemble(self.progress, "  ", self.countdown)

    def render(self) -> Content:
        width = self.content_region.width
        right = self.right
        room = width - right.cell_length - 2  # at least two spaces between the two sides
        title = self.title.truncate(room, ellipsis=True) if room > 0 else Content()
        gap = max(width - title.cell_length - right.cell_length, 0)
        return Content.assemble(title, " " * gap, right)
