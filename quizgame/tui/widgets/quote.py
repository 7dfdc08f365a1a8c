"""A source quote set apart as a quotation, with who said it, where and when."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from quizgame.tui.widgets.literal import Plain, lit
from quizgame.tui.wording import attribution, quote_text

if TYPE_CHECKING:
    from quizgame.packs import Pack


def quote_content(pack: Pack, fragments: tuple[str, ...]) -> Content:
    # No quotation marks of its own: the block is set apart as a quotation already, and
    # marks around it would nest badly with the ones inside the quote.
    return Content.assemble(
        lit(quote_text(fragments), "italic"),
        "\n\n",
        lit(attribution(pack), "$foreground-muted"),
    )


class QuoteBlock(Plain):
    """One widget, not a container: the feedback is drawn at once, and fewer widgets is quicker."""

    DEFAULT_CSS = """
    QuoteBlock {
        height: auto;
        margin: 1 0 0 2;
        padding: 0 1;
        border-left: outer $accent;
        background: $boost;
    }
    """

    def __init__(self, pack: Pack, fragments: tuple[str, ...], **kwargs: object) -> None:
        super().__init__(quote_content(pack, fragments), **kwargs)
