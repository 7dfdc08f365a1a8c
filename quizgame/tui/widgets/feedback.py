"""After an answer: the verdict in symbol and words, the points, the answers and the quote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button

from quizgame.tui.widgets.answer import AnswerDetails
from quizgame.tui.widgets.literal import Plain
from quizgame.tui.wording import points_line, verdict

if TYPE_CHECKING:
    from quizgame.engine import AnswerResult, PreparedQuestion
    from quizgame.packs import LoadedPack

_KINDS = ("-right", "-partly", "-wrong", "-timeout")


def verdict_line(result: AnswerResult) -> tuple[Content, str]:
    """The verdict in symbol and words with the points, and its class (colour)."""
    found = verdict(result)
    return Content.assemble((f"{found.symbol} {found.words}", "bold"), "   ", points_line(result)), f"-{found.kind}"


class FeedbackView(Vertical):
    """Built while its question is on screen, shown (and filled in) once it is answered.

    Its rules live here rather than in quiz.tcss, so they are parsed when the first feedback
    is built, after the first question is drawn; quiz.tcss keeps the compact layout's.
    """

    DEFAULT_CSS = """
    FeedbackView #verdict {
        height: 3;
        padding: 1 2;
        background: $panel;
    }
    FeedbackView #verdict.-right {
        background: $success-muted;
        color: $text-success;
    }
    FeedbackView #verdict.-partly {
        background: $warning-muted;
        color: $text-warning;
    }
    FeedbackView #verdict.-wrong,
    FeedbackView #verdict.-timeout {
        background: $error-muted;
        color: $text-error;
    }
    FeedbackView #actions {
        height: auto;
        margin: 1 2 0 2;
    }
    FeedbackView #next {
        width: auto;
    }
    FeedbackView #next.waiting {
        color: $text-muted;
    }
    FeedbackView #more {
        width: 1fr;
        text-align: right;
        color: $text-muted;
    }
    /* Hidden, its room kept: showing it changes no layout (the body's height with it). */
    FeedbackView #more.-off {
        visibility: hidden;
    }
    """

    def __init__(
        self, pack: LoadedPack, prepared: PreparedQuestion, *, last: bool, host_paced: bool = False, **kwargs: object
    ) -> None:
        """`host_paced`: the host moves the game on (a live classroom), not the player."""
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.pack = pack
        self.prepared = prepared
        self.last = last
        self.host_paced = host_paced

    def compose(self) -> ComposeResult:
        yield Plain(id="verdict")
        with VerticalScroll(classes="body", id="feedback-body"):
            yield AnswerDetails(self.pack, self.prepared)
        with Horizontal(id="actions"):
            if self.host_paced:
                # No key to press: the whole class moves on when the host does.
                waiting = "the final scores" if self.last else "the next question"
                yield Plain(f"Waiting for the host to show {waiting}…", id="next", classes="waiting")
            else:
                label = "See the results (Enter)" if self.last else "Next question (Enter)"
                yield Button(Content(label), id="next", variant="primary", compact=True)
            # Said when the rest (the quote, often) is below the bottom of the window.
            yield Plain("▼ more below: ↓ or PgDn", id="more", classes="-off")

    def on_mount(self) -> None:
        body = self.query_one("#feedback-body", VerticalScroll)
        self.watch(body, "scroll_y", self._more_below, init=False)
        self.watch(body, "virtual_size", self._more_below, init=False)

    def on_resize(self) -> None:
        self.call_after_refresh(self._more_below)

    def _more_below(self) -> None:
        # Also called as the view is taken down (the next question): nothing to say then.
        body, hint = self.query("#feedback-body"), self.query("#more")
        if body and hint:
            scroll = body.first()
            hint.first().set_class(scroll.scroll_y >= scroll.max_scroll_y, "-off")

    def show_result(self, result: AnswerResult) -> None:
        text, kind = verdict_line(result)
        line = self.query_one("#verdict", Plain)
        line.show(text)
        line.remove_class(*_KINDS)
        line.add_class(kind)
        self.query_one(AnswerDetails).set_result(result)
