"""A host that died mid-game (every acknowledged answer committed) carries the game on."""

from __future__ import annotations

from quizgame.engine.live import LiveGame
from quizgame.live.classroom import Classroom
from quizgame.live.restart import find_unfinished
from quizgame.saving import GameSaver

from .conftest import PIN, game_options


async def test_an_unfinished_live_game_is_found_and_carried_on(make_host, connect, harbour, tmp_path) -> None:
    host = await make_host()
    ann, bob = await connect(host.url), await connect(host.url)
    await ann.hello("Ann")
    await bob.hello("Bob")
    host.classroom.start()
    await ann.send({"type": "answer", "question": 1, "answer": "Hamburg"})
    await bob.send({"type": "answer", "question": 1, "answer": "Paris"})
    await ann.wait_for("locked")
    await bob.wait_for("locked")
    host.classroom.next()  # everyone answered, so the reveal is out: on to question 2
    await ann.wait_for("question")
    await ann.send({"type": "answer", "question": 2, "answer": 2})
    await ann.wait_for("locked")
    scores = {p.name: p.session.score for p in host.classroom.game.roster}
    host.saver.flush(10)  # (a SIGKILL now: the acknowledged answers are already committed)

    found = find_unfinished(tmp_path / "results.sqlite3", harbour)

    assert found is not None and found.next_number == 3
    assert {name for name, _, _ in found.players} == {"Ann", "Bob"}
    saver = GameSaver.open(tmp_path / "results.sqlite3")
    try:
        again = Classroom(LiveGame(harbour, game_options(seed=99)), "live", pin=PIN, saver=saver, game_id="new")
        found.carry_on(again)
        assert again.game_id == "game-1" and again.game.options == found.options
        assert {p.name: p.session.score for p in again.game.roster} == scores
        assert again.game.advance().number == 3  # type: ignore[union-attr]
    finally:
        saver.close(30)


def test_nothing_to_carry_on_without_a_database(harbour, tmp_path) -> None:
    assert find_unfinished(tmp_path / "none.sqlite3", harbour) is None
