"""A source quote set apart as a quotation, with who said it, where and when."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content

from quizgame.tui.widgets.literal import Plain
from quizgame.tui.wording import attribution, quote_text

if TYPE_CHECKING:
    from quizgame.packs import Pack, Section


class QuoteBlock(Vertical):
    DEFAULT_CSS = """
    QuoteBlock {
        height: auto;
        margin: 1 0 0 2;
        padding: 0 1;
        border-left: outer $accent;
        background: $boost;
    }
    QuoteBlock > .quote {
        text-style: italic;
    }
    QuoteBlock > .attribution {
        color: $text-muted;
        margin-top: 1;
    }
    """

    def __init__(self, pack: Pack, fragments: tuple[str, ...], section: Section | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._pack = pack
        self._fragments = fragments
        self._section = section

    def compose(self) -> ComposeResult:
        yield Plain(Content(f"“{quote_text(self._fragments)}”"), classes="quote")
        yield Plain(attribution(self._pack, self._section), classes="attribution")
