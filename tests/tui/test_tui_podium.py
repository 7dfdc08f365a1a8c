"""The podium's steps: one for each place somebody holds, each in a colour of its own."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from quizgame.engine.game import Standing
from quizgame.tui.widgets.round import Podium

from .helpers import THEME


def _standing(rank: int, player: str, score: float) -> Standing:
    return Standing(rank=rank, player=player, score=score, max_score=60, right=0, answered=3)


class _PodiumApp(App[None]):
    def __init__(self, standings: list[Standing]) -> None:
        super().__init__()
        self.standings = standings
        self.theme = THEME

    def compose(self) -> ComposeResult:
        yield Podium(self.standings)


@pytest.mark.parametrize(
    ("standings", "steps"),
    [
        ([_standing(1, "Ann", 60), _standing(2, "Bob", 20)], ["2nd", "1st"]),
        ([_standing(1, "Ann", 60), _standing(1, "Bob", 60)], ["1st"]),
        ([_standing(1, "Ann", 60), _standing(1, "Bob", 60), _standing(3, "Cy", 0)], ["1st", "3rd"]),
        ([_standing(1, "Ann", 60), _standing(2, "Bob", 40), _standing(3, "Cy", 0)], ["2nd", "1st", "3rd"]),
    ],
)
async def test_a_step_for_each_place_held_and_none_empty(standings, steps) -> None:
    app = _PodiumApp(standings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        blocks = list(app.query(".block"))
        assert [str(block.render()) for block in blocks] == steps
        assert "—" not in " ".join(str(w.render()) for w in app.query(".names"))


async def test_each_step_has_its_own_colour() -> None:
    app = _PodiumApp([_standing(1, "Ann", 60), _standing(2, "Bob", 40), _standing(3, "Cy", 0)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        colours = {block.styles.background for block in app.query(".block")}
        assert len(colours) == 3
