"""The database fails mid-game (locked, read-only, damaged): the game says so plainly, play
goes on, and every answer is written once the database can take it."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

import pytest

from quizgame.engine import SessionOptions
from quizgame.store import ResultsStore
from quizgame.store.connection import default_connect
from quizgame.tui.screens.quiz import QuizScreen
from quizgame.tui.screens.results import ResultsScreen
from quizgame.tui.widgets.save_status import SaveStatus

from .helpers import keys_for, lock_database, screen_text, settle

OPTIONS = SessionOptions(seed=5, shuffle_questions=False, shuffle_choices=False)


class Locked:
    message = "results database is locked by another program and stayed locked"

    def __init__(self, db_path: Path) -> None:
        self.conn = lock_database(db_path)
        self.connect = default_connect

    def fix(self) -> None:
        self.conn.execute("ROLLBACK")
        self.conn.close()


class ReadOnly:
    message = "results database is read-only"

    def __init__(self, db_path: Path) -> None:
        with ResultsStore.open(db_path):
            pass
        self.readonly = True

        def connect(path: Path, *, timeout: float, readonly: bool) -> sqlite3.Connection:
            return default_connect(path, timeout=timeout, readonly=readonly or self.readonly)

        self.connect = connect

    def fix(self) -> None:
        self.readonly = False


class Damaged:
    message = "results database is damaged or is not a quizgame database"

    def __init__(self, db_path: Path) -> None:
        self.path = db_path
        db_path.write_bytes(os.urandom(8192))
        self.connect = default_connect

    def fix(self) -> None:
        self.path.rename(self.path.with_suffix(".damaged"))  # the teacher moves it aside


async def answer(app, pilot, right: bool = True) -> None:
    screen = app.screen
    await pilot.press(*keys_for(screen.question, right))
    await settle(pilot, lambda: screen.showing == "feedback")


async def next_question(app, pilot) -> None:
    screen = app.screen
    await pilot.press("enter")
    await settle(pilot, lambda: app.screen is not screen or screen.showing == "question")


@pytest.mark.parametrize("trouble", [Locked, ReadOnly, Damaged], ids=lambda t: t.__name__)
async def test_the_game_says_so_plays_on_and_saves_everything_later(
    make_app, make_saver, lighthouse, db_path: Path, trouble
) -> None:
    problem = trouble(db_path)
    app = make_app(start_pack=lighthouse, options=OPTIONS, recorder=make_saver(problem.connect))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen))
        await answer(app, pilot)
        await settle(pilot, lambda: app.save_problem is not None)

        # Told once in a notice, and kept on screen in the status line; both literal.
        # A notice is a message to the app: it is in the list once handled, waited for.
        await settle(pilot, lambda: any(n.title == "Results not saved yet" for n in app._notifications))
        (notice,) = [n for n in app._notifications if n.title == "Results not saved yet"]
        assert notice.markup is False and notice.severity == "error"
        assert notice.message.startswith(f"{problem.message}: {db_path}")
        assert app.screen.query_one(SaveStatus).has_class("-shown")
        # The text is drawn a frame after the class is set: waited for (the line wraps).
        wanted = f"not saved yet, kept in memory: {problem.message}"
        await settle(pilot, lambda: wanted in " ".join(screen_text(app).split()))

        # Play goes on, answers kept in order in memory.
        await next_question(app, pilot)
        await answer(app, pilot, right=False)
        await next_question(app, pilot)
        assert app.screen.question.number == 3
        assert app.save_problem is not None and app.save_problem[1] >= 2

        problem.fix()
        await answer(app, pilot)
        await settle(pilot, lambda: app.save_problem is None)
        assert any(n.message == "Results saved again." for n in app._notifications)
        assert not app.screen.query_one(SaveStatus).has_class("-shown")
        assert "not saved yet" not in screen_text(app)

    session = app.session
    with ResultsStore.open(db_path, readonly=True) as store:
        (info,) = store.sessions()
        stored = [(a.question_id, a.correct) for a in store.session_answers(info.session_id)]
    assert stored == [(r.question_id, r.correct) for r in session.results]
    assert stored == [(q.id, ok) for q, ok in zip(session.questions, (True, False, True))]


async def test_the_status_line_follows_to_the_results_screen(
    make_app, make_saver, lighthouse, db_path: Path
) -> None:
    problem = ReadOnly(db_path)
    options = SessionOptions(seed=5, mode="exam", count=2)
    app = make_app(start_pack=lighthouse, options=options, recorder=make_saver(problem.connect))
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(2):
            await settle(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.showing == "question")
            screen = app.screen
            await pilot.press(*keys_for(screen.question, True))
            await settle(pilot, lambda: app.screen is not screen or screen.showing == "question")
        await settle(pilot, lambda: isinstance(app.screen, ResultsScreen) and app.save_problem is not None)
        await settle(pilot)
        assert app.screen.query_one(SaveStatus).has_class("-shown")
        # Its two answers: the session's start and finish are not results of their own.
        await settle(pilot, lambda: "2 results not saved yet" in screen_text(app))


async def test_a_signal_leaves_the_game_with_status_0(make_app, lighthouse) -> None:
    """What SIGTERM and SIGHUP call (the real signals: test_classroom_interrupt.py)."""
    app = make_app(start_pack=lighthouse, options=OPTIONS)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, QuizScreen))
        app._interrupted(signal.SIGTERM)
        await settle(pilot)
    assert app.return_code == 0
