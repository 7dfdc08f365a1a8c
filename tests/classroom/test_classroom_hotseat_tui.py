"""Hot-seat on one screen: names, turns that hide each other's answers, the round's feedback,
the scoreboard, the podium, and every answer stored under its player's name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Collapsible

from quizgame.engine import SessionOptions
from quizgame.store import ResultsStore
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.hotseat import HotSeatScreen
from quizgame.tui.screens.players import PlayersScreen
from quizgame.tui.screens.podium import PodiumScreen

from .helpers import keys_for, screen_text, settle, shows

THREE = SessionOptions(seed=2, count=3, shuffle_questions=False, shuffle_choices=False)
# Who gets each round right: Ann always, Bob never, Cy on odd rounds.
RIGHT = {"Ann": lambda n: True, "Bob": lambda n: False, "Cy": lambda n: n % 2 == 1}


async def set_up(app, pilot, names: list[str], *, teams: bool = False, exam: bool = False) -> None:
    await settle(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.entries)
    if exam:
        app.screen.query_one("#exam").value = True
    await pilot.press("ctrl+t")
    await settle(pilot, lambda: isinstance(app.screen, PlayersScreen))
    if teams:
        app.screen.query_one("#teams").value = True
    for name in names:
        await pilot.press(*["space" if c == " " else c for c in name], "enter")
    await pilot.press("ctrl+s")


async def take_turn(app, pilot, player: str, right: bool) -> str:
    """From the "pass to" pane: hand over, answer; returns what the screen showed meanwhile."""
    screen = app.screen
    await settle(pilot, lambda: screen.showing == "pass")
    passing = await shows(pilot, f"Pass to {player}")
    assert f"Pass to {player}" in passing
    await pilot.press("enter")
    await settle(pilot, lambda: screen.showing == "question")
    await shows(pilot, f"{player}'s turn")
    await pilot.press(*keys_for(screen.question, right))
    await settle(pilot, lambda: screen.showing != "question")
    return passing


async def test_the_players_screen_starts_a_game_on_the_home_screens_options(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await set_up(app, pilot, ["Ann", "Bob", "Cy"])
        await settle(pilot, lambda: isinstance(app.screen, HotSeatScreen))
        game = app.screen.game
        assert game.players == ("Ann", "Bob", "Cy") and game.kind == "player"
        assert (game.options.seed, game.options.mode, game.total) == (7, "practice", 6)
        await shows(pilot, "Pass to Ann")


async def test_three_players_take_turns_to_the_podium(make_app, lighthouse, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        await app.start_hot_seat(lighthouse, THREE, ("Ann", "Bob", "Cy"), "player")
        await settle(pilot, lambda: isinstance(app.screen, HotSeatScreen))
        screen = app.screen
        game = screen.game
        for n in range(1, 4):
            question = game.question
            for player in game.players:
                passing = await take_turn(app, pilot, player, RIGHT[player](n))
                # Between turns nothing shows the question or how anyone did.
                for hidden in (question.question.prompt, "Right", "Wrong", "✔", "✘", "Score"):
                    assert hidden not in passing
            assert screen.showing == "round"
            text = await shows(pilot, f"Question {n}: {question.question.prompt}", *game.players)
            assert f"Question {n}: {question.question.prompt}" in text
            for player in game.players:
                verdict = "✔ Right" if RIGHT[player](n) else "✘ Wrong"
                assert any(verdict in line and player in line for line in text.splitlines()), player
            assert "Right answer:" in text and question.question.explanation in text
            await pilot.press("enter")
            await settle(pilot, lambda: screen.showing == "board")
            text = await shows(pilot, f"{20 * n} of {20 * n}")
            ann = next(line for line in text.splitlines() if "Ann" in line)
            assert ann.lstrip().startswith("1st") and f"{20 * n} of {20 * n}" in ann
            await pilot.press("enter")
            await settle(pilot, lambda: screen.showing != "board")

        await settle(pilot, lambda: isinstance(app.screen, PodiumScreen))
        text = await shows(pilot, "60 points", "40 points", "3rd")
        ranking = re.findall(r"^\s*(1st|2nd|3rd)\s*(Ann|Bob|Cy)", text, re.M)
        assert ranking == [("1st", "Ann"), ("2nd", "Cy"), ("3rd", "Bob")]
        assert "60 points" in text and "40 points" in text

    with ResultsStore.open(db_path, readonly=True) as store:
        stored = store.sessions()
        assert len({s.game_id for s in stored}) == 1 and stored[0].game_id is not None
        by_player = {s.player: s for s in stored}
        assert {p: (s.answered, s.right, s.finished, s.player_kind) for p, s in by_player.items()} == {
            "Ann": (3, 3, True, "player"),
            "Bob": (3, 0, True, "player"),
            "Cy": (3, 2, True, "player"),
        }
        orders = {
            p: [a.question_id for a in store.session_answers(s.session_id)] for p, s in by_player.items()
        }
    assert orders["Ann"] == orders["Bob"] == orders["Cy"] == [q.id for q in game.sessions[0].questions]


async def test_teams_in_exam_mode_see_nothing_until_the_podium(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.entries)
        app.screen.query_one("#sections").set_items([(Content("The light today"), "today")], ticked=["today"])
        await set_up(app, pilot, ["Red team", "[b]Blue[/b]"], teams=True, exam=True)
        await settle(pilot, lambda: isinstance(app.screen, HotSeatScreen))
        game = app.screen.game
        assert game.kind == "team" and game.players == ("Red team", "[b]Blue[/b]")
        assert (game.options.mode, game.total) == ("exam", 2)
        for n in range(1, 3):
            for player in game.players:
                await take_turn(app, pilot, player, player == "Red team")
            if n < 2:  # straight to the next round: no feedback, no scores
                assert app.screen.showing == "pass"
        await settle(pilot, lambda: isinstance(app.screen, PodiumScreen))
        text = await shows(pilot, "[b]Blue[/b]", "Red team", "40 points")
        assert "[b]Blue[/b]" in text  # shown as typed, never as markup
        assert "Red team" in text and "40 points" in text
        # After an exam the review is open: every round's answers, explanation and quote.
        assert not [c for c in app.screen.query(Collapsible) if c.collapsed]

    with ResultsStore.open(db_path, readonly=True) as store:
        kinds = {(s.player, s.player_kind, s.mode, s.right) for s in store.sessions()}
    assert kinds == {("Red team", "team", "exam", 2), ("[b]Blue[/b]", "team", "exam", 0)}


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["Ann"], "a hot-seat game needs 2 to 8 players, got 1"),
        (["Ann", "ann"], "players 1 and 2 have the same name: ann"),
    ],
)
async def test_bad_names_are_refused_plainly(make_app, names, message) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await set_up(app, pilot, names)
        await settle(pilot)
        assert isinstance(app.screen, PlayersScreen)
        assert message in [str(n.message) for n in app._notifications]


async def test_blank_rows_are_closed_up(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await set_up(app, pilot, [])
        screen = app.screen
        screen.query_one("#name-2").value = "Bob"
        screen.query_one("#name-5").value = "  Cy "
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, HotSeatScreen))
        assert app.screen.game.players == ("Bob", "Cy")


async def test_hot_seat_takes_the_count_and_bonuses_from_the_home_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.entries)
        app.screen.query_one("#count").value = 5
        app.screen.query_one("#speed-bonus").value = True
        await set_up(app, pilot, ["Ann", "Bob", "Cy"])
        await settle(pilot, lambda: isinstance(app.screen, HotSeatScreen))
        game = app.screen.game
        assert (game.total, game.options.count) == (5, 5)
        assert game.options.scoring.speed_bonus and not game.options.scoring.streak_bonus


async def test_a_game_can_be_ended_early_between_rounds_with_a_podium(make_app, lighthouse, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))
        await app.start_hot_seat(lighthouse, THREE, ("Ann", "Bob", "Cy"), "player")
        await settle(pilot, lambda: isinstance(app.screen, HotSeatScreen))
        screen = app.screen
        # Not before a round is played: there would be nothing to rank.
        assert "End game" not in screen_text(app)
        await pilot.press("e")
        await settle(pilot)
        assert app.screen is screen
        for player in ("Ann", "Bob", "Cy"):
            await take_turn(app, pilot, player, RIGHT[player](1))
        assert screen.showing == "round"
        await settle(pilot, lambda: "End game" in screen_text(app))  # the footer offers it
        await pilot.press("e")
        await settle(pilot, lambda: "End the game?" in screen_text(app))
        assert "Everyone has answered 1 of the 3 questions." in " ".join(screen_text(app).split())
        await pilot.press("y")
        await settle(pilot, lambda: isinstance(app.screen, PodiumScreen))
        text = screen_text(app)
        assert "Ended early, after 1 of the 3 questions." in text
        ranking = re.findall(r"^\s*(1st|2nd|3rd)\s*(Ann|Bob|Cy)\W+(\d+) of (\d+)", text, re.M)
        assert ranking == [("1st", "Ann", "20", "20"), ("1st", "Cy", "20", "20"), ("3rd", "Bob", "0", "20")]
        # The review holds the one round played.
        assert len(app.screen.query(Collapsible)) == 1

    with ResultsStore.open(db_path, readonly=True) as store:
        stored = {s.player: (s.answered, s.finished) for s in store.sessions()}
    assert stored == {"Ann": (1, True), "Bob": (1, True), "Cy": (1, True)}
