"""The source document, scrolled to a question's quote, with the quote highlighted."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header

from quizgame.tui.screens.base import GameScreen, sheet
from quizgame.tui.widgets.literal import Plain, lit
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


class SourceScreen(GameScreen):
    DEFAULT_CSS = sheet("source.tcss")
    BINDINGS = [
        Binding("escape,s", "close", "Back", id="source.close"),
    ]

    def __init__(self, pack: LoadedPack, question_id: str | None = None) -> None:
        super().__init__()
        self.pack = pack
        self.spans = pack.quote_spans.get(question_id, ()) if question_id else ()
        questions = [q for q in pack.pack.questions if q.id == question_id]
        # Shown once the question is answered: the section's full wording, which its title,
        # above the question, leaves out.
        self.section = pack.pack.section(questions[0].section) if questions else None

    def compose(self) -> ComposeResult:
        source = self.pack.pack.source
        yield Header()
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
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Source"
        self.sub_title = self.pack.pack.source.title
        body = self.query_one("#text", VerticalScroll)
        body.focus()
        marked = self.query(".-quote")
        if marked:
            target = marked.first()
            self.call_after_refresh(body.scroll_to_center, target, animate=False)

    def action_close(self) -> None:
        self.dismiss()
