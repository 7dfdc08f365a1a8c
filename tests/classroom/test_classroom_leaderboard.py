"""The leaderboard of a pack, from the home screen: best finished session per player on this
version of the pack; a friendly word when there is nothing (yet) to show."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from quizgame.engine import QuizSession, SessionOptions
from quizgame.saving import answer_record, session_record
from quizgame.store import ResultsStore
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.leaderboard import EMPTY, LeaderboardScreen

from .helpers import right_answer, settle, shows, wrong_answer

NOON = "2025-03-01T12:00:00.000+00:00"


def finished(db_path: Path, pack, player: str, right: int, *, kind: str = "player", at: str = NOON) -> None:
    """A whole session written straight to the store, with fixed times."""
    session = QuizSession(pack, SessionOptions(seed=1, shuffle_questions=False))
    session_id = f"{player}-{right}-{pack.content_hash[:6]}"
    with ResultsStore.open(db_path) as store:
        store.start_session(
            dataclasses.replace(
                session_record(session, player, session_id, player_kind=kind), started_at=at
            )
        )
        for n in range(session.total):
            prepared = session.current
            response = right_answer(prepared) if n < right else wrong_answer(prepared)
            store.record_answer(answer_record(session_id, prepared, session.answer(response, elapsed=1.0), answered_at=at))
        summary = session.summary()
        store.finish_session(session_id, finished_at=at, score=summary.score, max_score=summary.max_score)


async def open_board(app, pilot) -> LeaderboardScreen:
    await settle(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.entries)
    await pilot.press("ctrl+l")
    await settle(pilot, lambda: isinstance(app.screen, LeaderboardScreen))
    await app.workers.wait_for_complete()
    await settle(pilot, lambda: app.screen.entries is not None or app.screen.query(".empty"))
    return app.screen


async def test_best_first_names_literal_teams_marked(make_app, lighthouse, db_path: Path) -> None:
    finished(db_path, lighthouse, "Bob", 4)
    finished(db_path, lighthouse, "[b]Eve[/b]", 2)
    finished(db_path, lighthouse, "Zoë", 6)
    finished(db_path, lighthouse, "Bob", 5)  # Bob's best counts, once
    finished(db_path, lighthouse, "Red", 3, kind="team")
    edited = lighthouse.replace(content_hash="f" * 64)
    finished(db_path, edited, "Max", 6)  # another version of the pack: not on this board
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(app, pilot)
        assert [(e.rank, e.player) for e in board.entries] == [
            (1, "Zoë"), (2, "Bob"), (3, "Red"), (4, "[b]Eve[/b]"),
        ]
        text = await shows(pilot, "Leaderboard: The Lighthouse Log", "Red (team)", "1 Mar 2025")
        assert "Leaderboard: The Lighthouse Log" in text
        assert "[b]Eve[/b]" in text and "Red (team)" in text and "Max" not in text
        assert "120 of 120" in text and "100%" in text and "1 Mar 2025" in text
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_no_database_yet_is_a_friendly_empty_board(make_app, db_path: Path) -> None:
    app = make_app(recorder=None)
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(app, pilot)
        assert board.entries == []
        await shows(pilot, EMPTY, wrapped=True)
    assert not db_path.exists()  # looking never creates it


async def test_unfinished_sessions_only_is_empty_too(make_app, make_saver, lighthouse, db_path) -> None:
    saver = make_saver()
    session = QuizSession(lighthouse, SessionOptions(seed=1))
    saver.start(session, "Ann")
    saver.close(10)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(app, pilot)
        assert board.entries == []
        await shows(pilot, EMPTY, wrapped=True)


async def test_a_damaged_database_is_said_plainly(make_app, db_path: Path) -> None:
    db_path.write_bytes(b"not a database" * 600)
    app = make_app(recorder=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(app, pilot)
        text = await shows(pilot, "The leaderboard cannot be shown: results database is damaged", wrapped=True)
