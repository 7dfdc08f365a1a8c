"""The source document, scrolled to a question's quote, with the quote highlighted."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget

from quizgame.tui.screens.base import GameScreen, sheet
from quizgame.tui.widgets.footer import FittingFooter
from quizgame.tui.widgets.literal import Plain, lit
from quizgame.tui.widgets.status import StatusLine
from quizgame.tui.wording import attribution

if TYPE_CHECKING:
    from quizgame.packs import LoadedPack

# Highlighted by more than colour: bold and underlined too.
QUOTE_STYLE = "bold underline $text on $warning-muted"

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each run of non-blank lines."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


# A source saved with Windows line endings: its carriage returns as spaces, one for one (the
# quote offsets still hold), rather than shown as replacement characters like any other
# control character (quizgame.safe_text).
_CARRIAGE_RETURN = {13: " "}


def displayable(text: str) -> str:
    return text.translate(_CARRIAGE_RETURN)


def highlighted(text: str, start: int, end: int, spans: tuple[tuple[int, int], ...]) -> Content | None:
    """The paragraph text[start:end] with the parts inside `spans` styled, or None if none are."""
    content = lit(text[start:end])
    hit = False
    for span_start, span_end in spans:
        lo, hi = max(start, span_start), min(end, span_end)
        if lo < hi:
            content = content.stylize(QUOTE_STYLE, lo - start, hi - start)
            hit = True
    return content if hit else None


def _overlaps(widget: Widget, top: int, bottom: int) -> bool:
    region = widget.virtual_region
    return region.y < bottom and region.bottom > top


class SourceScreen(GameScreen):
    DEFAULT_CSS = sheet("source.tcss")
    BINDINGS = [
        Binding("escape,s", "close", "Back", id="source.close"),
    ]

    def __init__(self, pack: LoadedPack, question_id: str | None = None) -> None:
        super().__init__()
        # Where to scroll back to once a resize is laid out: a paragraph, and whether to centre it.
        self._place: tuple[Widget, bool] | None = None
        self.pack = pack
        self.spans = pack.quote_spans.get(question_id, ()) if question_id else ()
        questions = [q for q in pack.pack.questions if q.id == question_id]
        # Shown once the question is answered: the section's full wording, which its title,
        # above the question, leaves out.
        self.section = pack.pack.section(questions[0].section) if questions else None

    def compose(self) -> ComposeResult:
        source = self.pack.pack.source
        yield StatusLine(self.pack.pack.title, "Source", id="status")
        heading = Content.assemble(lit(source.title, "bold"), "\n", lit(attribution(self.pack.pack), "$foreground-muted"))
        if self.section is not None and self.section.description:
            about = Content.assemble(lit(self.section.title, "bold"), ": ", lit(self.section.description))
            heading = Content.assemble(heading, "\n", about)
        yield Plain(heading, id="heading")
        with VerticalScroll(id="text"):
            text = displayable(self.pack.source_text)
            for start, end in paragraphs(text):
                marked = highlighted(text, start, end, self.spans)
                if marked is None:
                    yield Plain(text[start:end], classes="paragraph")
                else:
                    yield Plain(marked, classes="paragraph -quote")
        yield FittingFooter()

    def on_mount(self) -> None:
        body = self.query_one("#text", VerticalScroll)
        body.focus()
        marked = self.query(".-quote")
        if marked:
            self._place = (marked.first(), True)
            self.call_after_refresh(self._go_back)

    @on(events.Resize)
    def _keep_place(self) -> None:
        # Text rewrapped to a new width moves every paragraph, and the old scroll offset then
        # points somewhere else (the end, once the text is shorter). What the reader was at
        # stays in view: the quote, centred, while any of it shows; otherwise the paragraph
        # at the top. Taken from the layout before the resize, once: a resize can come as
        # several events, the later ones after the new layout.
        if self._place is not None:
            return
        body = self.query_one("#text", VerticalScroll)
        top = body.scroll_offset.y
        bottom = top + body.scrollable_content_region.height
        if bottom <= top:
            return  # not laid out yet (on_mount centres the quote), or too small to show any
        quote = self.query(".-quote")
        if quote and _overlaps(quote.first(), top, bottom):
            self._place = (quote.first(), True)
        else:
            self._place = next(((p, False) for p in self.query(".paragraph") if p.virtual_region.bottom > top), None)
        if self._place is not None:
            self.call_after_refresh(self._go_back)

    def _go_back(self) -> None:
        # Once the new layout is in (a refresh after the resize), at once: a deferred
        # scroll_to_widget would measure the paragraphs while the scroll offset still clamps.
        if self._place is None:
            return
        (widget, centre), self._place = self._place, None
        body = self.query_one("#text", VerticalScroll)
        region = widget.virtual_region
        y = region.y
        if centre:
            y -= max(body.scrollable_content_region.height - region.height, 0) // 2
        body.scroll_to(y=y, animate=False, immediate=True)

    def action_close(self) -> None:
        self.dismiss()
