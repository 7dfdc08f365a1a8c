"""Widgets for pack text, which is data and never markup."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def lit(text: str, style: str = "") -> Content:
    """Pack or player text as it is written: no markup, no links, no actions."""
    return Content.styled(text, style) if style else Content(text)


class Plain(Static):
    """A Static that only ever shows literal text."""

    def __init__(self, text: str | Content = "", **kwargs: object) -> None:
        content = text if isinstance(text, Content) else Content(text)
        super().__init__(content, markup=False, **kwargs)  # type: ignore[arg-type]

    def show(self, text: str | Content) -> None:
        self.update(text if isinstance(text, Content) else Content(text))
