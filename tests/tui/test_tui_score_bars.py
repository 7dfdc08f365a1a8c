"""The hot-seat scoreboard's bars are scaled to the maximum printed beside them."""

from __future__ import annotations

from textual.app import App, ComposeResult

from quizgame.engine.game import Standing
from quizgame.tui.widgets.literal import Plain
from quizgame.tui.widgets.round import Scoreboard


class _Board(App[None]):
    def __init__(self, standings: list[Standing]) -> None:
        super().__init__()
        self.standings = standings

    def compose(self) -> ComposeResult:
        yield Scoreboard(self.standings)


async def test_a_leader_with_30_of_120_has_a_quarter_of_a_bar() -> None:
    standings = [
        Standing(1, "Ann", 30, 120, 1, 4, percent=25.0),
        Standing(2, "Bob", 12, 120, 0, 4, percent=10.0),
    ]
    app = _Board(standings)
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        bars = [str(bar.render()) for bar in app.query(".bar").results(Plain)]
        points = [str(p.render()) for p in app.query(".points").results(Plain)]
    assert points == ["30 of 120", "12 of 120"]
    assert [b.count("█") for b in bars] == [2, 1]
    assert all(len(b) == 10 for b in bars)
