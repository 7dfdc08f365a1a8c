"""One top line on every screen: what it is about on the left, where the player is on the
right; no Textual Header with its icon."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Header

from quizgame.engine import SessionOptions
from quizgame.packs.discovery import PackEntry
from quizgame.tui.app import create_app
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.leaderboard import LeaderboardScreen
from quizgame.tui.screens.results import ResultsScreen
from quizgame.tui.screens.source import SourceScreen
from quizgame.tui.widgets.status import StatusLine

from .helpers import answer_keys, asking, load, screen_lines

ARTICLE = Path(__file__).resolve().parents[2] / "questions" / "trump-putin-g20.yaml"


@pytest.fixture(scope="module")
def article():
    return load(ARTICLE)


def _top(app) -> str:
    assert not app.screen.query(Header), type(app.screen).__name__
    assert len(app.screen.query(StatusLine)) == 1
    line = screen_lines(app)[0]
    assert "⭘" not in line
    return line


async def test_every_screen_has_the_same_top_line(make_config, harbour, tmp_path) -> None:
    entries = [PackEntry(path=harbour.path, origin="built-in", pack=harbour, problems=[])]
    options = SessionOptions(seed=3, shuffle_questions=False, shuffle_choices=False, question_ids=("length",))
    app = create_app(make_config(find_packs=lambda dirs: entries, options=options, db_path=tmp_path / "results.sqlite3"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert _top(app).strip().startswith("quizgame")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, LeaderboardScreen)
        assert _top(app).rstrip().endswith("Leaderboard")
        await pilot.press("escape")
        await pilot.pause()
        await app.start_quiz(harbour, options, "Ada")
        await pilot.pause()
        assert asking(app) and _top(app).strip().startswith("The Harbour Summit")
        await pilot.press(*answer_keys(app.screen.question, True))
        await pilot.pause(0.1)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        top = _top(app)
        assert top.strip().startswith("The Harbour Summit") and top.rstrip().endswith("Source")
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert _top(app).strip().startswith("The Harbour Summit")


async def test_an_exam_at_100_columns_keeps_the_whole_pack_title(make_config, article) -> None:
    options = SessionOptions(seed=3, mode="exam", time_limit=30, shuffle_questions=False, shuffle_choices=False)
    app = create_app(make_config(start_pack=article, options=options))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        top = screen_lines(app)[0]
        assert top.strip().startswith("Trump and Putin in July 2017 "), top
        assert "Question 1 of" in top and "Exam" in top and "0:30 left" in top
    # Where there is room, the status line says what an exam means.
    app = create_app(make_config(start_pack=article, options=options.replace(time_limit=None)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Exam: answers and score at the end" in screen_lines(app)[0]
