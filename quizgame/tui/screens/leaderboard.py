"""A pack's leaderboard: each player's (or team's) best finished session on this version of
the pack, ranked by percentage among runs played under the same conditions, one board for
each (retries of missed questions on their own). Read from the results database in a
thread, so a busy file never freezes the UI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content

from quizgame.tui.screens.base import GameScreen, sheet
from quizgame.tui.widgets.footer import FittingFooter
from quizgame.tui.widgets.literal import Plain, lit
from quizgame.tally import percent_text
from quizgame.tui.widgets.status import StatusLine
from quizgame.tui.wording import number

if TYPE_CHECKING:
    from textual.widget import Widget

    from quizgame.packs import LoadedPack
    from quizgame.store import LeaderboardEntry

LIMIT = 20
EMPTY = "No finished quizzes on this pack yet. Finish one to be the first here."


def load_board(db: Path | None, pack: LoadedPack) -> list[LeaderboardEntry]:
    """The board, best first; [] when there is no database yet. Raises StoreError."""
    from quizgame.store import ResultsStore, RetryPolicy, StoreMissing

    try:
        store = ResultsStore.open(db, readonly=True, retry=RetryPolicy(busy_timeout=1.0, total=3.0))
    except StoreMissing:
        return []
    with store:
        return store.leaderboard(pack.id, limit=LIMIT, pack_hash=pack.content_hash)


def local_date(stamp: str) -> str:
    moment = dt.datetime.fromisoformat(stamp).astimezone()
    return f"{moment.day} {moment:%b %Y}"


class LeaderboardScreen(GameScreen):
    DEFAULT_CSS = sheet("leaderboard.tcss")
    BINDINGS = [Binding("escape,q", "close", "Back", id="leaderboard.close")]

    def __init__(self, pack: LoadedPack, db: Path | None) -> None:
        super().__init__()
        self.pack = pack
        self.db = db
        self.entries: list[LeaderboardEntry] | None = None

    def compose(self) -> ComposeResult:
        yield StatusLine("quizgame", "Leaderboard", id="status")
        yield Plain(
            Content.assemble(("Leaderboard: ", "bold"), lit(self.pack.title, "bold")),
            id="heading",
        )
        with Horizontal(classes="row -head"):
            yield Plain("#", classes="rank")
            yield Plain("Player or team", classes="name")
            yield Plain("Score", classes="score")
            yield Plain("%", classes="percent")
            yield Plain("Finished", classes="date")
        yield VerticalScroll(id="board")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#board").loading = True
        self._load()

    @work(thread=True, exclusive=True, group="leaderboard")
    def _load(self) -> None:
        from quizgame.store import StoreError

        try:
            entries = load_board(self.db, self.pack)
        except StoreError as error:
            self.app.call_from_thread(self._show_error, str(error))
            return
        self.app.call_from_thread(self._show, entries)

    def _show(self, entries: list[LeaderboardEntry]) -> None:
        self.entries = entries
        view = self.query_one("#board", VerticalScroll)
        view.loading = False
        if not entries:
            view.mount(Plain(EMPTY, classes="empty"))
            return
        rows: list[Widget] = []
        board = None
        for entry in entries:
            if entry.board != board:
                board = entry.board
                heading = "Retries of missed questions: " if entry.retry else "Played as "
                rows.append(Plain(Content.assemble((heading, "bold"), lit(entry.conditions)), classes="conditions"))
            name = lit(entry.player)
            if entry.player_kind == "team":
                name = Content.assemble(name, (" (team)", "$text-muted"))
            percent = percent_text(entry.percent)
            rows.append(
                Horizontal(
                    Plain(str(entry.rank), classes="rank"),
                    Plain(name, classes="name"),
                    Plain(f"{number(entry.score)} of {number(entry.max_score)}", classes="score"),
                    Plain(percent, classes="percent"),
                    Plain(local_date(entry.finished_at), classes="date"),
                    classes=f"row{' -top' if entry.rank <= 3 else ''}",
                )
            )
        view.mount_all(rows)
        view.focus()

    def _show_error(self, message: str) -> None:
        board = self.query_one("#board", VerticalScroll)
        board.loading = False
        board.mount(Plain(f"The leaderboard cannot be shown: {message}", classes="empty -error"))

    def action_close(self) -> None:
        self.dismiss()
