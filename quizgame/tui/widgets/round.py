"""Hot-seat pieces: who answered what in a round, the scoreboard, and the podium.

Player and team names are data, shown literally like pack text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content

from quizgame.tui.widgets.literal import Plain, lit
from quizgame.tui.widgets.quote import QuoteBlock
from quizgame.tui.wording import bar, number, verdict

if TYPE_CHECKING:
    from quizgame.engine import AnswerResult, PreparedQuestion
    from quizgame.engine.game import Standing
    from quizgame.packs import LoadedPack

PLACES = {1: "1st", 2: "2nd", 3: "3rd"}


def place(rank: int) -> str:
    return PLACES.get(rank, f"{rank}th")


class RoundDetails(Vertical):
    """Everyone's answer to one question, the right answer, why, and the quote."""

    DEFAULT_CSS = """
    RoundDetails {
        height: auto;
    }
    RoundDetails > .prompt {
        margin-bottom: 1;
    }
    RoundDetails .answer-row {
        height: auto;
    }
    RoundDetails .verdict {
        width: 16;
        text-style: bold;
    }
    RoundDetails .-right .verdict {
        color: $text-success;
    }
    RoundDetails .-partly .verdict {
        color: $text-warning;
    }
    RoundDetails .-wrong .verdict,
    RoundDetails .-timeout .verdict {
        color: $text-error;
    }
    RoundDetails .who {
        width: 22;
        padding-right: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        text-style: bold;
    }
    RoundDetails .given {
        width: 1fr;
        padding-right: 1;
    }
    RoundDetails .points {
        width: auto;
        color: $foreground-muted;
    }
    RoundDetails > .right {
        margin-top: 1;
    }
    RoundDetails > .explanation {
        margin-top: 1;
    }
    """

    def __init__(
        self,
        pack: LoadedPack,
        prepared: PreparedQuestion,
        answers: list[tuple[str, AnswerResult]],
        *,
        show_prompt: bool = True,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.pack = pack
        self.prepared = prepared
        self.answers = answers
        self.show_prompt = show_prompt

    def compose(self) -> ComposeResult:
        question = self.prepared.question
        if self.show_prompt:
            yield Plain(
                Content.assemble(
                    (f"Question {self.prepared.number}: ", "bold"),
                    lit(question.prompt, "bold"),
                ),
                classes="prompt",
            )
        for player, result in self.answers:
            found = verdict(result)
            given = "(no answer)" if result.timed_out else result.response_text
            with Horizontal(classes=f"answer-row -{found.kind}"):
                yield Plain(f"{found.symbol} {found.words}", classes="verdict")
                yield Plain(player, classes="who")
                yield Plain(given, classes="given")
                yield Plain(f"+{number(result.points)}", classes="points")
        right = self.answers[0][1].right_answer if self.answers else ""
        yield Plain(Content.assemble(("Right answer: ", "bold"), lit(right)), classes="right")
        yield Plain(question.explanation, classes="explanation")
        yield QuoteBlock(self.pack.pack, question.quote_fragments)


class Scoreboard(Vertical):
    """Everyone's score so far, best first; ties share a place."""

    DEFAULT_CSS = """
    Scoreboard {
        height: auto;
    }
    Scoreboard .score-row {
        height: 1;
    }
    Scoreboard .place {
        width: 5;
        color: $text-accent;
        text-style: bold;
    }
    Scoreboard .who {
        width: 1fr;
        padding-right: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    Scoreboard .bar {
        width: 12;
        color: $text-primary;
    }
    Scoreboard .points {
        width: 16;
    }
    Scoreboard .right {
        width: 10;
        color: $foreground-muted;
    }
    """

    def __init__(self, standings: list[Standing], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.standings = standings

    def compose(self) -> ComposeResult:
        for standing in self.standings:
            with Horizontal(classes="score-row"):
                yield Plain(place(standing.rank), classes="place")
                yield Plain(standing.player, classes="who")
                # Scaled to the maximum printed beside it, as a share of it: "30 of 120" is a
                # quarter of a bar, whoever leads.
                yield Plain(bar(round(standing.percent), 100), classes="bar")
                yield Plain(
                    f"{number(standing.score)} of {number(standing.max_score)}", classes="points"
                )
                yield Plain(f"✔ {standing.right} right", classes="right")


class Podium(Horizontal):
    """The top three places as steps: second, first, third. A tie shares a step, and a
    place nobody holds (a game of two; a tie for first, so no second) has no step."""

    DEFAULT_CSS = """
    Podium {
        height: auto;
        align-horizontal: center;
    }
    /* Steps of one height, their contents at the bottom: the blocks stand on one floor. */
    Podium .step {
        width: 22;
        height: 9;
        margin: 0 1;
        align-vertical: bottom;
    }
    Podium .names {
        width: 100%;
        height: auto;
        content-align: center bottom;
        text-align: center;
        text-style: bold;
    }
    Podium .score {
        width: 100%;
        text-align: center;
        color: $foreground-muted;
    }
    Podium .block {
        width: 100%;
        content-align: center top;
        text-style: bold;
    }
    /* A colour of its own for each step, read from the theme: gold, silver, then blue. */
    Podium .-first .block {
        height: 4;
        background: $accent-muted;
        color: $text-accent;
    }
    Podium .-second .block {
        height: 3;
        background: $panel-lighten-2;
        color: $foreground;
    }
    Podium .-third .block {
        height: 2;
        background: $primary-muted;
        color: $text-primary;
    }
    """

    def __init__(self, standings: list[Standing], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.standings = standings

    def compose(self) -> ComposeResult:
        for rank, css in ((2, "-second"), (1, "-first"), (3, "-third")):
            here = [s for s in self.standings if s.rank == rank]
            if not here:
                continue
            with Vertical(classes=f"step {css}"):
                yield Plain(Content("\n").join([lit(s.player) for s in here]), classes="names")
                yield Plain(f"{number(here[0].score)} points", classes="score")
                yield Plain(place(rank), classes="block")
