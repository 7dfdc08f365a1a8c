"""The top line of every screen: what it is about on the left (a pack's title, or the
game's name); where the player is on the right (progress, score and countdown in a quiz;
the screen's name elsewhere)."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from quizgame.tui.widgets.literal import lit, safe


class StatusLine(Widget):
    """One widget drawing the whole line, rather than a row of three: each widget on the
    screen is styled and laid out before the first question can be drawn.

    The right-hand side is shown whole, except its `detail`, which is dropped first; the
    title gives way after that, with an ellipsis. Styled by app.tcss, which is parsed
    before the first paint anyway: a stylesheet of its own would be parsed on top.
    """

    def __init__(self, title: str, progress: str | Content = "", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.title = lit(title)
        self.progress = safe(Content(progress) if isinstance(progress, str) else progress)
        self.detail = Content()
        self.countdown: Content | None = None

    def show(self, progress: Content, detail: Content | None = None) -> None:
        """`detail` follows `progress` while the title still fits whole beside both."""
        self.progress = safe(progress)
        self.detail = safe(detail) if detail is not None else Content()
        self.refresh()

    def show_countdown(self, text: str | None, *, low: bool = False) -> None:
        """`text` None hides the countdown; `low` when time is nearly up."""
        if text is None:
            self.countdown = None
        else:
            self.countdown = Content.styled(text, "bold $text-error" if low else "$text-warning")
        self.refresh()

    def right(self, *, detail: bool = True) -> Content:
        right = Content.assemble(self.progress, self.detail) if detail else self.progress
        if self.countdown is None:
            return right
        return Content.assemble(right, "  ", self.countdown)

    def render(self) -> Content:
        width = self.content_region.width
        right = self.right()
        if self.detail and self.title.cell_length + 2 + right.cell_length > width:
            right = self.right(detail=False)
        room = width - right.cell_length - 2  # at least two spaces between the two sides
        title = self.title.truncate(room, ellipsis=True) if room > 0 else Content()
        gap = max(width - title.cell_length - right.cell_length, 0)
        return Content.assemble(title, " " * gap, right)
