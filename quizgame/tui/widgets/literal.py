"""Text from outside (packs, sources, names, stored rows) on screen: data, never markup, and
never a control character the terminal would run (quizgame.safe_text says which).

Every widget of the game that shows such text gets it through here: `lit()` for the
Content handed to Textual's widgets (options, titles, notifications), `Plain` for static
text, `TextField` for what is typed.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from quizgame.safe_text import LINE_PATTERN, find_unsafe, safe_text
from quizgame.tui.widgets.field import TypingInput


def lit(text: str, style: str = "") -> Content:
    """Outside text as it is written: no markup, no links, no actions, no control codes."""
    text = safe_text(text)
    return Content.styled(text, style) if style else Content(text)


def safe(content: Content) -> Content:
    """Content, however it was built, with no character a terminal would run."""
    plain = content.plain
    if find_unsafe(plain) is None:
        return content
    # One character for one: the styles' spans still fit.
    return Content(safe_text(plain), list(content.spans))


class Plain(Static):
    """A Static that only ever shows literal text."""

    def __init__(self, text: str | Content = "", **kwargs: object) -> None:
        super().__init__(_content(text), markup=False, **kwargs)  # type: ignore[arg-type]

    def show(self, text: str | Content) -> None:
        self.update(_content(text))

    def update(self, content: object = "", *, layout: bool = True) -> None:
        # Every way of changing the text goes through here (Static.__init__ too).
        if isinstance(content, (str, Content)):
            content = _content(content)
        super().update(content, layout=layout)  # type: ignore[arg-type]


def _content(text: str | Content) -> Content:
    return safe(text) if isinstance(text, Content) else lit(text)


NAME_REFUSAL = "A name cannot hold control or text-direction characters."


class TextField(TypingInput):
    """An Input for outside text: nothing a terminal would run can be typed, pasted or set.

    A key or a paste that would add such a character is refused as a whole, with `refusal`
    said in a notification; a value set from elsewhere (a stored name) is shown made safe.
    """

    def __init__(self, value: str | None = None, *, refusal: str, **kwargs: object) -> None:
        self.refusal = refusal
        super().__init__(value, restrict=LINE_PATTERN, **kwargs)  # type: ignore[arg-type]

    def validate_value(self, value: str) -> str:
        return safe_text(value, one_line=True)

    def restricted(self) -> None:
        self.notify(lit(self.refusal), severity="warning")
